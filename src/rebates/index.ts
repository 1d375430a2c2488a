/**
 * dealerkit/rebates: this module's engine lands with its own issue; until then it exports only its name.
 *
 * @module rebates
 */

/**
 * The name of this module, as imported: `dealerkit/rebates`.
 *
 * @example
 * ```ts
 * import { MODULE } from 'dealerkit/rebates';
 * MODULE;
 * //=> 'dealerkit/rebates'
 * ```
 */
export const MODULE = 'dealerkit/rebates';
