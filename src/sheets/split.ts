import { wrapThrown, IssueCollector } from '../core/errors.js';
import { allocateAt, MAX_SCALE } from '../core/money.js';
import type { Decimal } from '../core/decimal.js';
import { cellOf, decimalAt, integerAt, isOmitted, reshape, scalarAt, vectorAt, type SheetValue } from './args.js';

/**
 * `=DK.SPLIT(total, weights, [scale])`: splits a total over weights exactly (largest remainder),
 * spilling one part per weight in the weights' own shape (a column gives a column).
 *
 * The parts sum exactly to the total. `scale` is the decimal places of each part; when omitted,
 * it is the decimal places of the total (100000000 splits into whole units, 1234.56 into cents).
 * Ties go to the earlier weight. An empty weight cell is an error.
 *
 * @param total - The amount to split.
 * @param weights - A range of weights (zero or more, not all zero).
 * @param scale - Decimal places of each part, 0 to 30.
 * @example
 * ```ts
 * DK_SPLIT(100, [[1], [1], [1]]);
 * //=> [[34], [33], [33]]
 * DK_SPLIT(100000000, [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]])[0].slice(0, 5);
 * //=> [8333334, 8333334, 8333334, 8333334, 8333333]
 * ```
 */
export function DK_SPLIT(total: SheetValue, weights: SheetValue, scale?: SheetValue): number[][] {
  try {
    const t = decimalAt(total, ['total']);
    const s = scalarAt(scale, ['scale']);
    const places = isOmitted(s) ? Math.min(t.decimalPlaces(), MAX_SCALE) : integerAt(s, ['scale'], 0, MAX_SCALE);
    const v = vectorAt(weights, ['weights']);
    const issues = new IssueCollector();
    const ws: Decimal[] = [];
    v.cells.forEach((cell, i) => {
      const row = Math.floor(i / v.columns);
      const column = i % v.columns;
      try {
        ws.push(decimalAt(cell, ['weights', i], ` (row ${row + 1}, column ${column + 1} of the range)`));
      } catch (e) {
        // Every bad cell is reported, each issue keeping its code.
        issues.addError(wrapThrown(e));
      }
    });
    issues.throwIfAny();
    const parts = allocateAt(t, ws, { scale: places }, []);
    return reshape(parts.map(cellOf), v.rows, v.columns);
  } catch (error) {
    throw wrapThrown(error);
  }
}
