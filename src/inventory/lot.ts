// Order quantities: EOQ, and the fixed order of operations for MOQ, packs and the maximum.
import { toDecimal } from '../core/decimal.js';
import { outOfRange, wrapThrown } from '../core/errors.js';
import type { DecimalInput } from '../core/decimal.js';
import { INVENTORY_MESSAGES as M } from './messages.js';
import { finiteAt } from './normal.js';

// snap, roundPacks and lotOf live in kernel.ts (same module as their hot caller); re-exported here.
export { lotOf, roundPacks, snap, ROUND_DOWN, ROUND_NEAREST, ROUND_UP } from './kernel.js';

/** The options of {@link calculateEoq}. */
export interface EoqOptions {
  /** Demand per year, in units (D ≥ 0). */
  demandPerYear: number;
  /** The fixed cost of placing one order (K ≥ 0, money). */
  orderCost: DecimalInput;
  /** The cost of holding one unit for a year (h > 0, money): holding rate × unit cost. */
  holdingCostPerUnitPerYear: DecimalInput;
}

/**
 * The economic order quantity √(2KD/h) (Harris 1913; Silver, Pyke & Peterson, ch. 4): the lot
 * size that balances ordering and holding costs, as a plain number (round it to packs with a plan).
 * Inputs whose EOQ would overflow a double (an order cost of 1e308, a holding cost of 1e-300) are
 * refused, naming the field; the result is never Infinity.
 *
 * @example
 * ```ts
 * calculateEoq({ demandPerYear: 1300, orderCost: 8, holdingCostPerUnitPerYear: 0.225 });
 * //=> 304.0467800264368
 * ```
 */
export function calculateEoq(options: EoqOptions): number {
  try {
    const o = (typeof options === 'object' && options !== null ? options : {}) as Partial<EoqOptions>;
    const d = finiteAt(o.demandPerYear, ['demandPerYear']);
    if (d < 0) outOfRange(['demandPerYear'], M.notNegative(d), { code: 'out_of_range', limit: '0', received: String(d) });
    const kExact = toDecimal(o.orderCost, ['orderCost']);
    const k = kExact.toNumber();
    if (kExact.isNegative() && !kExact.isZero()) outOfRange(['orderCost'], M.notNegative(k), { code: 'out_of_range', limit: '0', received: kExact.toString() });
    const hExact = toDecimal(o.holdingCostPerUnitPerYear, ['holdingCostPerUnitPerYear']);
    const h = hExact.toNumber();
    if (!hExact.gt(0)) outOfRange(['holdingCostPerUnitPerYear'], M.positive(h), { code: 'out_of_range', limit: '0', received: hExact.toString() });
    const numerator = 2 * k * d;
    // 2KD or 2KD/h beyond the largest double: refused, never Infinity.
    if (!Number.isFinite(numerator)) outOfRange(['orderCost'], M.eoqCostOverflow(kExact.toString()), { code: 'out_of_range', received: kExact.toString() });
    const q = Math.sqrt(numerator / h);
    if (!Number.isFinite(q)) {
      outOfRange(['holdingCostPerUnitPerYear'], M.eoqHoldingOverflow(hExact.toString()), { code: 'out_of_range', received: hExact.toString() });
    }
    return q;
  } catch (error) {
    throw wrapThrown(error);
  }
}
