// Entry of the charts IIFE (global `DealerkitCharts`): dealerkit/charts with the five engines whose
// results and defined objects it draws, so that one script suffices in a bare engine. A program,
// scorecard or matrix must be defined by the bundle that uses it (each bundle recognises its own
// defined objects), so this one carries every engine's functions.
export * from './core/index.js';
export * from './rebates/index.js';
export * from './kpi/index.js';
export * from './risk/index.js';
export * from './targets/index.js';
export * from './inventory/index.js';
export * from './charts/index.js';
