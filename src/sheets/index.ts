/**
 * dealerkit/sheets: this module's engine lands with its own issue; until then it exports only its name.
 *
 * @module sheets
 */

/**
 * The name of this module, as imported: `dealerkit/sheets`.
 *
 * @example
 * ```ts
 * import { MODULE } from 'dealerkit/sheets';
 * MODULE;
 * //=> 'dealerkit/sheets'
 * ```
 */
export const MODULE = 'dealerkit/sheets';
