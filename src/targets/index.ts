/**
 * dealerkit/targets: the engine of this module lands with its own issue.
 *
 * @module targets
 */
export {};
