/**
 * dealerkit: exact, explainable computations for channel and dealer management.
 *
 * Everything is also importable per module: `dealerkit/rebates`, `dealerkit/kpi`,
 * `dealerkit/risk`, `dealerkit/targets`, `dealerkit/inventory` and `dealerkit/sheets`.
 *
 * @module dealerkit
 */
export * from './core/index.js';
