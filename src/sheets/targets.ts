import { toDealerkitError } from '../core/errors.js';
import { MAX_SCALE } from '../core/money.js';
import { cascadeTarget, type TargetSpread } from '../targets/index.js';
import { cellOf, choiceAt, decimalAt, integerAt, isOmitted, optionalChoiceAt, scalarAt, serialOfIsoDate, vectorAt, type SheetCell, type SheetValue } from './args.js';
import { renamedPaths } from './paths.js';

const LEVELS = ['quarter', 'month', 'week'] as const;
const SPREADS = ['even', 'days', 'workdays'] as const;
const CALENDARS = ['gregorian', 'nrf'] as const;

/**
 * `=DK.CASCADE(total, year, level, [spread], [scale], [calendar])`: the year's target split into
 * its quarters, months or weeks so that the parts sum exactly to the total (largest remainder),
 * spilling one row per period: id, first day, last day (date serials: format them as dates) and
 * target.
 *
 * `spread` is `"even"` (the default), `"days"` (by calendar days), `"workdays"` (Monday to Friday)
 * or a range of weights, one per period (a seasonality profile). `scale` is the decimal places of
 * each target (default: those of the total). `calendar` is `"gregorian"` (the default: weeks are
 * the year's whole ISO weeks, week 1 may start in December) or `"nrf"` (the NRF 4-5-4 retail
 * calendar, `year` being the fiscal year).
 *
 * @param total - The year's target.
 * @param year - The (fiscal) year.
 * @param level - `"quarter"`, `"month"` or `"week"`.
 * @param spread - How the total is spread.
 * @param scale - Decimal places of every target.
 * @param calendar - `"gregorian"` or `"nrf"`.
 * @example
 * ```ts
 * DK_CASCADE(100000000, 2026, 'quarter');
 * //=> [['2026-Q1', 46023, 46112, 25000000], ['2026-Q2', 46113, 46203, 25000000], ['2026-Q3', 46204, 46295, 25000000], ['2026-Q4', 46296, 46387, 25000000]]
 * ```
 */
export function DK_CASCADE(total: SheetValue, year: SheetValue, level: SheetValue, spread?: SheetValue, scale?: SheetValue, calendar?: SheetValue): SheetCell[][] {
  try {
    const t = decimalAt(total, ['total']);
    const y = integerAt(year, ['year'], 1, 9998);
    const lv = choiceAt(level, ['level'], LEVELS);
    const s = scalarAt(scale, ['scale']);
    const places = isOmitted(s) ? Math.min(t.decimalPlaces(), MAX_SCALE) : integerAt(s, ['scale'], 0, MAX_SCALE);
    const cal = optionalChoiceAt(calendar, ['calendar'], CALENDARS) ?? 'gregorian';
    let sp: TargetSpread;
    if (Array.isArray(spread) && !(spread.length === 1 && Array.isArray(spread[0]) && spread[0].length === 1)) {
      const v = vectorAt(spread, ['spread']);
      sp = { profile: v.cells.map((c, i) => decimalAt(c, ['spread', i], ` (row ${Math.floor(i / v.columns) + 1}, column ${(i % v.columns) + 1} of the range)`)) };
    } else {
      sp = optionalChoiceAt(spread, ['spread'], SPREADS) ?? 'even';
    }
    try {
      const c = cascadeTarget({
        total: t,
        calendar: cal === 'nrf' ? { system: 'nrf', fiscalYear: y } : { system: 'gregorian', year: y },
        levels: [lv],
        spread: sp,
        ...(lv === 'week' && cal === 'gregorian' ? { weeks: 'thursday' as const } : {}),
        scale: places,
      });
      return c.periods.map((p) => [p.id, serialOfIsoDate(p.start), serialOfIsoDate(p.end), cellOf(p.target)]);
    } catch (error) {
      throw renamedPaths(toDealerkitError(error), [
        [['calendar', 'fiscalYear'], 'year'],
        [['calendar', 'year'], 'year'],
        [['levels', 0], 'level'],
        [['spread', 'profile'], 'spread'],
      ]);
    }
  } catch (error) {
    throw toDealerkitError(error);
  }
}
