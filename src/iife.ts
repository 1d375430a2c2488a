// Entry of the all-in-one IIFE bundle (global `Dealerkit`, for Apps Script, warehouse UDFs and
// node:vm): the core, the five engines and the spreadsheet adapters with their dependencies inside.
// Designing programs, statements and charts have their own bundles (DealerkitDesign,
// DealerkitStatements, DealerkitCharts), which keeps this one within its 160 kB gzipped budget.
export * from './core/index.js';
export * from './rebates/index.js';
export * from './kpi/index.js';
export * from './risk/index.js';
export * from './targets/index.js';
export * from './inventory/index.js';
export * from './sheets/index.js';
