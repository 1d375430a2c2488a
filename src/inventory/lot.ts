// Order quantities: EOQ, and the fixed order of operations for MOQ, packs and the maximum.
import { toDecimal } from '../core/decimal.js';
import { outOfRange, wrapThrown } from '../core/errors.js';
import type { DecimalInput } from '../core/decimal.js';
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
    if (d < 0) outOfRange(['demandPerYear'], `must not be negative, received ${d}`);
    const k = toDecimal(o.orderCost, ['orderCost']).toNumber();
    if (k < 0) outOfRange(['orderCost'], `must not be negative, received ${k}`);
    const h = toDecimal(o.holdingCostPerUnitPerYear, ['holdingCostPerUnitPerYear']).toNumber();
    if (!(h > 0)) outOfRange(['holdingCostPerUnitPerYear'], `must be greater than 0, received ${h}`);
    return Math.sqrt((2 * k * d) / h);
  } catch (error) {
    throw wrapThrown(error);
  }
}
