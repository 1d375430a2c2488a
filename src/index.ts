/**
 * dealerkit: exact, explainable computations for channel and dealer management.
 *
 * This entry holds the core (money, rounding, dates, errors, batches) and the five engines:
 * rebates, KPI scoring, partner risk, target cascading and inventory reorder planning. Each engine
 * is also importable alone: `dealerkit/rebates`, `dealerkit/kpi`, `dealerkit/risk`,
 * `dealerkit/targets`, `dealerkit/inventory`. The layers built on the engines have their own
 * entries and are not loaded by this one, so an app that computes does not compile them:
 * `dealerkit/design` (designing a program), `dealerkit/statements` (dealer statements),
 * `dealerkit/charts` (Vega-Lite specs) and `dealerkit/sheets` (spreadsheet functions).
 * Every exported name is unique across the modules (a name two modules share, such as
 * `DealerkitError`, is the same value).
 *
 * @module dealerkit
 */
export * from './core/index.js';
export * from './rebates/index.js';
export * from './kpi/index.js';
export * from './risk/index.js';
export * from './targets/index.js';
export * from './inventory/index.js';
