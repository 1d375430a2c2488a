/**
 * dealerkit/risk: the engine of this module lands with its own issue.
 *
 * @module risk
 */
export {};
