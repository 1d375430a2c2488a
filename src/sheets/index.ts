/**
 * dealerkit/sheets: the engine of this module lands with its own issue.
 *
 * @module sheets
 */
export {};
