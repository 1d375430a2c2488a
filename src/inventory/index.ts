/**
 * dealerkit/inventory: the engine of this module lands with its own issue.
 *
 * @module inventory
 */
export {};
