/**
 * dealerkit/risk: this module's engine lands with its own issue; until then it exports only its name.
 *
 * @module risk
 */

/**
 * The name of this module, as imported: `dealerkit/risk`.
 *
 * @example
 * ```ts
 * import { MODULE } from 'dealerkit/risk';
 * MODULE;
 * //=> 'dealerkit/risk'
 * ```
 */
export const MODULE = 'dealerkit/risk';
