/**
 * dealerkit/rebates: the engine of this module lands with its own issue.
 *
 * @module rebates
 */
export {};
