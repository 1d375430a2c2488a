/**
 * dealerkit/inventory: this module's engine lands with its own issue; until then it exports only its name.
 *
 * @module inventory
 */

/**
 * The name of this module, as imported: `dealerkit/inventory`.
 *
 * @example
 * ```ts
 * import { MODULE } from 'dealerkit/inventory';
 * MODULE;
 * //=> 'dealerkit/inventory'
 * ```
 */
export const MODULE = 'dealerkit/inventory';
