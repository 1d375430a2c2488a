// Entry of the statements IIFE (global `DealerkitStatements`): dealerkit/statements with the engines
// a statement chains (targets, KPI, rebates and points, inventory), so that one script suffices in a
// bare engine. Each bundle recognises only the programs, scorecards and calendars it defined
// itself, so this one carries those engines' define* and calculate* functions.
export * from './core/index.js';
export * from './rebates/index.js';
export * from './kpi/index.js';
export * from './targets/index.js';
export * from './inventory/index.js';
export * from './statements/index.js';
