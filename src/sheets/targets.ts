import type { Decimal } from '../core/decimal.js';
import { DealerkitError, invalid, wrapThrown, type DealerkitIssue } from '../core/errors.js';
import { MAX_SCALE } from '../core/money.js';
import { cascadeTarget, trackTarget, type TargetCascade, type TargetTracking, type TargetSpread } from '../targets/index.js';
import { cellOf, choiceAt, dateAt, decimalAt, integerAt, isOmitted, optionalChoiceAt, scalarAt, serialOfIsoDate, vectorAt, type SheetCell, type SheetValue, type SheetVector } from './args.js';
import { renamedPaths, type SheetPathRename } from './paths.js';

const LEVELS = ['quarter', 'month', 'week'] as const;
const SPREADS = ['even', 'days', 'workdays'] as const;
const CALENDARS = ['gregorian', 'nrf'] as const;

const RENAMES: readonly SheetPathRename[] = [
  [['calendar', 'fiscalYear'], 'year'],
  [['calendar', 'year'], 'year'],
  // No `levels` row: choiceAt has checked the level, and every level cascades in both calendars.
  [['spread', 'profile'], 'spread'],
];

/** Reads the arguments shared by DK.CASCADE and DK.PACE and cascades the year. */
function cascadeOf(total: SheetValue, year: SheetValue, level: SheetValue, spread: SheetValue, scale: SheetValue, calendar: SheetValue): TargetCascade {
  const t = decimalAt(total, ['total']);
  const y = integerAt(year, ['year'], 1, 9998);
  const lv = choiceAt(level, ['level'], LEVELS);
  const s = scalarAt(scale, ['scale']);
  const places = isOmitted(s) ? Math.min(t.decimalPlaces(), MAX_SCALE) : integerAt(s, ['scale'], 0, MAX_SCALE);
  const cal = optionalChoiceAt(calendar, ['calendar'], CALENDARS) ?? 'gregorian';
  let sp: TargetSpread;
  if (Array.isArray(spread) && !(spread.length === 1 && Array.isArray(spread[0]) && spread[0].length === 1)) {
    const v = vectorAt(spread, ['spread']);
    sp = { profile: v.cells.map((c, i) => decimalAt(c, ['spread', i], where(v, i))) };
  } else {
    sp = optionalChoiceAt(spread, ['spread'], SPREADS) ?? 'even';
  }
  try {
    return cascadeTarget(
      {
        calendar: cal === 'nrf' ? { system: 'nrf', fiscalYear: y } : { system: 'gregorian', year: y },
        levels: [lv],
        spread: sp,
        ...(lv === 'week' && cal === 'gregorian' ? { weeks: 'thursday' as const } : {}),
        rounding: { scale: places },
      },
      t,
    );
  } catch (error) {
    throw renamedPaths(wrapThrown(error), RENAMES);
  }
}

/** An engine issue on `actuals[periodId]` as the sheet's `actuals[cell index]`; other issues unchanged. @internal */
export function actualsIssue(periods: readonly { period: string }[], issue: DealerkitIssue): DealerkitIssue {
  const k = issue.path[0] === 'actuals' ? periods.findIndex((q) => q.period === issue.path[1]) : -1;
  return k >= 0 ? { ...issue, path: ['actuals', k, ...issue.path.slice(2)] } : issue;
}

const where = (v: SheetVector, i: number): string => ` (row ${Math.floor(i / v.columns) + 1}, column ${(i % v.columns) + 1} of the range)`;

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
    const c = cascadeOf(total, year, level, spread, scale, calendar);
    return c.periods.map((p) => [p.period, serialOfIsoDate(p.start), serialOfIsoDate(p.end), cellOf(p.target)]);
  } catch (error) {
    throw wrapThrown(error);
  }
}

/**
 * `=DK.PACE(total, year, level, asOf, actuals, [spread], [calendar])`: the pace of the year against
 * its cascade as of a date, spilling one row: expected to date, actual to date, attainment
 * (actual / expected, 4 decimals), gap (expected − actual: positive when behind) and the run-rate
 * forecast for the year.
 *
 * The year is cascaded as by `DK.CASCADE` (same `total`, `year`, `level`, `spread`, `calendar`;
 * the scale is the decimal places of the total). `actuals` is a range of the actuals per period
 * from the first period on (empty cells for periods without one); a period that holds `asOf` is
 * due in proportion to its elapsed days. `asOf` is a date cell, a serial or `"YYYY-MM-DD"`. An
 * attainment or a forecast that does not exist yet (nothing due) is an empty cell.
 *
 * @param total - The year's target.
 * @param year - The (fiscal) year.
 * @param level - `"quarter"`, `"month"` or `"week"`.
 * @param asOf - The day the pace is measured at (included).
 * @param actuals - The actual of each period, in order from the first.
 * @param spread - How the total is spread.
 * @param calendar - `"gregorian"` or `"nrf"`.
 * @example
 * ```ts
 * DK_PACE(1200, 2026, 'month', '2026-02-28', [[90, 120]]);
 * //=> [[200, 210, 1.05, -10, 1299]]
 * ```
 */
export function DK_PACE(
  total: SheetValue,
  year: SheetValue,
  level: SheetValue,
  asOf: SheetValue,
  actuals: SheetValue,
  spread?: SheetValue,
  calendar?: SheetValue,
): SheetCell[][] {
  try {
    const day = dateAt(asOf, ['asOf']);
    const c = cascadeOf(total, year, level, spread, undefined, calendar);
    const v = vectorAt(actuals, ['actuals']);
    if (v.cells.length > c.periods.length) {
      invalid(['actuals'], `must have at most one cell per ${c.periods[0]!.kind} (${c.periods.length}), received ${v.cells.length}`, { code: 'too_long', limit: String(c.periods.length) });
    }
    const byId: Record<string, Decimal> = {};
    v.cells.forEach((cell, i) => {
      if (!isOmitted(cell)) byId[c.periods[i]!.period] = decimalAt(cell, ['actuals', i], where(v, i));
    });
    let p: TargetTracking;
    try {
      // The sheet keeps its attainment at 4 places (the engine's default ratioScale is 10).
      p = trackTarget(c, byId, { asOf: day, ratioScale: 4 });
    } catch (error) {
      // The engine keys actuals by period id; the sheet's range counts cells.
      const err = wrapThrown(error);
      throw new DealerkitError(err.code, err.issues.map((issue) => actualsIssue(c.periods, issue)));
    }
    const opt = (d: Decimal | null): SheetCell => (d === null ? '' : cellOf(d));
    return [[cellOf(p.expectedToDate), cellOf(p.actualToDate), opt(p.attainment), cellOf(p.gap), opt(p.runRateForecast)]];
  } catch (error) {
    throw wrapThrown(error);
  }
}
