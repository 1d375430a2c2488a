/**
 * dealerkit: exact, explainable computations for channel and dealer management.
 *
 * Everything is also importable per module: `dealerkit/rebates`, `dealerkit/kpi`,
 * `dealerkit/risk`, `dealerkit/targets`, `dealerkit/inventory`, `dealerkit/sheets`,
 * `dealerkit/design`, `dealerkit/statements` and `dealerkit/charts`. Every exported name is unique
 * across the modules (a name two modules share, such as `DealerkitError`, is the same value), so
 * this entry re-exports them all.
 *
 * @module dealerkit
 */
export * from './core/index.js';
export * from './rebates/index.js';
export * from './kpi/index.js';
export * from './risk/index.js';
export * from './targets/index.js';
export * from './inventory/index.js';
export * from './sheets/index.js';
export * from './design/index.js';
export * from './statements/index.js';
export * from './charts/index.js';
