import { toDealerkitError } from '../core/errors.js';
import { normalInverse } from '../inventory/index.js';
import { numberAt, type SheetValue } from './args.js';

/**
 * `=DK.NORMINV(p)`: the inverse of the standard normal distribution, the safety factor z of a
 * cycle service level (Wichura's AS 241, about 1e-16 relative; Excel's `NORM.S.INV`).
 *
 * A probability of 0 or 1 is `#NUM!`, as in Excel.
 *
 * @param p - A probability strictly between 0 and 1.
 * @example
 * ```ts
 * DK_NORMINV(0.95);
 * //=> 1.6448536269514715
 * ```
 */
export function DK_NORMINV(p: SheetValue): number {
  try {
    return normalInverse(numberAt(p, ['p']));
  } catch (error) {
    throw toDealerkitError(error);
  }
}
