import { daysInMonth, type IsoDate } from '../core/dates.js';
import { wrapThrown } from '../core/errors.js';
import { parseWith } from '../core/schema.js';
import { sealCalendar, type RetailLeapWeek, type RetailPattern, type RetailYearEnd, type TargetCalendar, type TargetCalendarPeriod } from './calendar.js';
import { WEEKDAY_NAMES, pad2, plusDays, spanDays, weekdayOf } from './days.js';
import { retailShape, type RetailCalendarSpec } from './schema.js';

const PATTERNS: Readonly<Record<RetailPattern, readonly number[]>> = {
  '4-4-5': [4, 4, 5],
  '4-5-4': [4, 5, 4],
  '5-4-4': [5, 4, 4],
};

/** The last day of a retail year whose end is anchored in `month` of calendar year `year`. @internal */
export function retailYearEndDate(year: number, end: RetailYearEnd): IsoDate {
  const lastDay = `${year}-${pad2(end.month)}-${pad2(daysInMonth(year, end.month))}`;
  const target = WEEKDAY_NAMES.indexOf(end.weekday);
  const back = (weekdayOf(lastDay) - target + 7) % 7;
  // 'nearest' looks up to three days either side of the month's last day (seven days hold one match).
  if (end.rule === 'last' || back <= 3) return plusDays(lastDay, -back);
  return plusDays(lastDay, 7 - back);
}

interface RetailSpecParsed {
  fiscalYear: number;
  pattern: RetailPattern;
  yearEnd: RetailYearEnd;
  leapWeek?: RetailLeapWeek | undefined;
  naming?: 'majority' | 'end' | undefined;
}

/** Builds a retail calendar from a validated spec. @internal */
export function buildRetail(spec: RetailSpecParsed): TargetCalendar {
  const naming = spec.naming ?? 'majority';
  const leapWeek: RetailLeapWeek = spec.leapWeek ?? 'last-month';
  const { fiscalYear, yearEnd, pattern } = spec;
  // A year ending in January–June holds most of its days in the previous calendar year (NRF's
  // fiscal 2017 ends on 2018-02-03); one ending in July–December mostly in the year it ends in.
  const endYear = naming === 'end' || yearEnd.month >= 7 ? fiscalYear : fiscalYear + 1;
  const end = retailYearEndDate(endYear, yearEnd);
  let start = plusDays(retailYearEndDate(endYear - 1, yearEnd), 1);
  const weeksInYear = (spanDays(start, end) / 7) as 52 | 53;
  const monthWeeks: number[] = [];
  // Stryker disable next-line EqualityOperator: a 13th entry is never read (only months 1 to 12 are built, and the leap week goes to 1 to 12)
  for (let i = 0; i < 12; i++) monthWeeks.push(PATTERNS[pattern][i % 3]!);
  let leapWeekPeriod: string | null = null;
  let droppedWeek: { start: IsoDate; end: IsoDate } | null = null;
  const id = `FY${fiscalYear}`;
  if (weeksInYear === 53) {
    if (leapWeek === 'restate') {
      droppedWeek = { start, end: plusDays(start, 6) };
      start = plusDays(start, 7);
    } else {
      const m = leapWeek === 'last-month' ? 12 : leapWeek.month;
      monthWeeks[m - 1]! += 1;
      leapWeekPeriod = `${id}-P${pad2(m)}`;
    }
  }
  const weeks: TargetCalendarPeriod[] = [];
  const months: TargetCalendarPeriod[] = [];
  let cursor = start;
  for (let m = 0; m < 12; m++) {
    const mStart = cursor;
    for (let w = 0; w < monthWeeks[m]!; w++) {
      const n = weeks.length + 1;
      weeks.push({ period: `${id}-W${pad2(n)}`, kind: 'week', index: n, start: cursor, end: plusDays(cursor, 6), days: 7, weeks: 1 });
      cursor = plusDays(cursor, 7);
    }
    const mEnd = plusDays(cursor, -1);
    months.push({ period: `${id}-P${pad2(m + 1)}`, kind: 'month', index: m + 1, start: mStart, end: mEnd, days: monthWeeks[m]! * 7, weeks: monthWeeks[m]! });
  }
  const quarters: TargetCalendarPeriod[] = [];
  for (let q = 0; q < 4; q++) {
    const first = months[q * 3]!;
    const last = months[q * 3 + 2]!;
    const w = first.weeks! + months[q * 3 + 1]!.weeks! + last.weeks!;
    quarters.push({ period: `${id}-Q${q + 1}`, kind: 'quarter', index: q + 1, start: first.start, end: last.end, days: w * 7, weeks: w });
  }
  return sealCalendar({
    system: 'retail',
    period: id,
    fiscalYear,
    start,
    end,
    days: spanDays(start, end),
    quarters,
    months,
    weeks,
    retail: {
      pattern,
      yearEnd: { weekday: yearEnd.weekday, rule: yearEnd.rule, month: yearEnd.month },
      // Stryker disable next-line ConditionalExpression: the parsed leapWeek object is a fresh object holding only month, so the copy equals it
      leapWeek: typeof leapWeek === 'string' ? leapWeek : { month: leapWeek.month },
      naming,
      weeksInYear,
      leapWeekPeriod,
      droppedWeek,
    },
  });
}

/** The NRF 4-5-4 calendar's rules: the year ends on the Saturday nearest 31 January. @internal */
export const NRF_SPEC = { pattern: '4-5-4', yearEnd: { weekday: 'saturday', rule: 'nearest', month: 1 }, leapWeek: 'last-month' } as const;

/**
 * A retail (4-4-5, 4-5-4 or 5-4-4) fiscal year: whole-week months, so no week straddles two months.
 *
 * The year ends on `yearEnd.weekday`, the last one of `yearEnd.month` (`rule: 'last'`) or the one
 * nearest that month's last day (`'nearest'`). A year then has 52 weeks, or 53 when the year-end
 * drifts far enough; `leapWeek` puts the 53rd week in the last month (`'last-month'`, the default),
 * in a named month (`{ month: 3 }`), or drops the year's first week (`'restate'`).
 * The fiscal year is named by the calendar year holding most of its days (`naming: 'majority'`, so
 * NRF's fiscal 2017 runs from 2017-01-29 to 2018-02-03) or by the year it ends in (`'end'`).
 * Period ids: `FY2026-Q1`, `FY2026-P01`, `FY2026-W01`.
 *
 * @example
 * ```ts
 * const c = defineRetailCalendar({ fiscalYear: 2026, pattern: '4-4-5', yearEnd: { weekday: 'saturday', rule: 'last', month: 12 } });
 * [c.start, c.end, c.months.slice(0, 3).map((m) => m.weeks)];
 * //=> ['2025-12-28', '2026-12-26', [4, 4, 5]]
 * ```
 */
export function defineRetailCalendar(spec: RetailCalendarSpec): TargetCalendar {
  try {
    return buildRetail(parseWith(retailShape, spec));
  } catch (error) {
    throw wrapThrown(error);
  }
}

/**
 * The National Retail Federation's 4-5-4 calendar for a fiscal year: the year ends on the Saturday
 * nearest 31 January, and a 53rd week goes to the last month (January).
 *
 * 53-week years: 2000, 2006, 2012, 2017, 2023 (NRF's published list) and next 2028. The same as
 * `defineRetailCalendar({ fiscalYear, pattern: '4-5-4', yearEnd: { weekday: 'saturday', rule: 'nearest', month: 1 } })`.
 *
 * @example
 * ```ts
 * const c = defineNrfCalendar(2017);
 * [c.start, c.end, c.retail.weeksInYear];
 * //=> ['2017-01-29', '2018-02-03', 53]
 * ```
 */
export function defineNrfCalendar(fiscalYear: number): TargetCalendar {
  try {
    return buildRetail(parseWith(retailShape, { fiscalYear, ...NRF_SPEC }, []));
  } catch (error) {
    throw wrapThrown(error);
  }
}
