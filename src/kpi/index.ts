/**
 * dealerkit/kpi: this module's engine lands with its own issue; until then it exports only its name.
 *
 * @module kpi
 */

/**
 * The name of this module, as imported: `dealerkit/kpi`.
 *
 * @example
 * ```ts
 * import { MODULE } from 'dealerkit/kpi';
 * MODULE;
 * //=> 'dealerkit/kpi'
 * ```
 */
export const MODULE = 'dealerkit/kpi';
