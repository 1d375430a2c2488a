/**
 * dealerkit/kpi: the engine of this module lands with its own issue.
 *
 * @module kpi
 */
export {};
