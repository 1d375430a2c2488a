/**
 * dealerkit/targets: this module's engine lands with its own issue; until then it exports only its name.
 *
 * @module targets
 */

/**
 * The name of this module, as imported: `dealerkit/targets`.
 *
 * @example
 * ```ts
 * import { MODULE } from 'dealerkit/targets';
 * MODULE;
 * //=> 'dealerkit/targets'
 * ```
 */
export const MODULE = 'dealerkit/targets';
