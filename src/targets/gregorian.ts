import { daysInMonth, type IsoDate } from '../core/dates.js';
import { invalid, outOfRange, wrapThrown } from '../core/errors.js';
import { parseWith } from '../core/schema.js';
import { TARGETS_MESSAGES as M } from './messages.js';
import { sealCalendar, type TargetCalendar, type TargetCalendarPeriod } from './calendar.js';
import { pad2, plusDays, spanDays } from './days.js';
import { isoWeekAt } from './iso-weeks.js';
import { gregorianShape, type GregorianCalendarSpec } from './schema.js';

/** Builds a Gregorian calendar from validated fields. @internal */
export function buildGregorian(spec: { year?: number | undefined; start?: IsoDate | undefined; fiscalYear?: number | undefined }): TargetCalendar {
  if (spec.year !== undefined && spec.start !== undefined) invalid(['start'], M.yearAndStart(), { code: 'inconsistent' });
  if (spec.year === undefined && spec.start === undefined) invalid(['year'], M.yearOrStart(), { code: 'required', expected: 'a number' });
  if (spec.year !== undefined && spec.fiscalYear !== undefined) invalid(['fiscalYear'], M.fiscalYearWithYear(), { code: 'inconsistent' });
  let firstYear: number;
  let firstMonth: number;
  if (spec.start !== undefined) {
    if (spec.start.slice(8) !== '01') invalid(['start'], M.firstOfMonth(spec.start), { code: 'invalid_value', expected: 'the first day of a month', received: JSON.stringify(spec.start) });
    firstYear = Number(spec.start.slice(0, 4));
    firstMonth = Number(spec.start.slice(5, 7));
    // The same years as `year`: a fiscal year starting in 9999 would end past the last date dealerkit reads.
    if (firstYear < 1000 || firstYear > 9000) outOfRange(['start'], M.startYear(spec.start), { code: 'out_of_range', expected: 'a year from 1000 to 9000', received: JSON.stringify(spec.start) });
  } else {
    firstYear = spec.year!;
    firstMonth = 1;
  }
  // By default a fiscal year is named by the calendar year holding most of its months: April to
  // March is the starting year (Japan's FY2025), October to September the next (US federal FY2026).
  const fiscalYear = spec.fiscalYear ?? (firstMonth <= 7 ? firstYear : firstYear + 1);
  const calendarYear = firstMonth === 1 && fiscalYear === firstYear;
  // Stryker disable next-line StringLiteral: fiscal and first years are 1000 to 9000 here (the year schema and the start check), so they always have four digits
  const id = calendarYear ? String(firstYear).padStart(4, '0') : `FY${String(fiscalYear).padStart(4, '0')}`;

  const months: TargetCalendarPeriod[] = [];
  for (let k = 0; k < 12; k++) {
    const m0 = firstMonth - 1 + k;
    const y = firstYear + Math.floor(m0 / 12);
    const m = (m0 % 12) + 1;
    const days = daysInMonth(y, m);
    // Years print with four digits (0002-01-01): an unpadded year is no ISO date, and comparing it as
    // text never ended the week loop below (defineGregorianCalendar({ start: '0002-01-01' }) hung).
    // Stryker disable next-line StringLiteral: y is 1000 to 9001 here (first years 1000 to 9000), so it always has four digits
    const yyyy = String(y).padStart(4, '0');
    const start = `${yyyy}-${pad2(m)}-01`;
    months.push({ period: `${yyyy}-${pad2(m)}`, kind: 'month', index: k + 1, start, end: `${yyyy}-${pad2(m)}-${pad2(days)}`, days });
  }
  const quarters: TargetCalendarPeriod[] = [];
  for (let q = 0; q < 4; q++) {
    const first = months[q * 3]!;
    const last = months[q * 3 + 2]!;
    quarters.push({ period: `${id}-Q${q + 1}`, kind: 'quarter', index: q + 1, start: first.start, end: last.end, days: spanDays(first.start, last.end) });
  }
  const start = months[0]!.start;
  const end = months[11]!.end;
  const weeks: TargetCalendarPeriod[] = [];
  let monday = isoWeekAt(start).start;
  while (monday <= end) {
    const w = isoWeekAt(monday);
    weeks.push({ period: w.period, kind: 'week', index: weeks.length + 1, start: w.start, end: w.end, days: 7, isoYear: w.isoYear, isoWeek: w.isoWeek });
    monday = plusDays(monday, 7);
  }
  return sealCalendar({ system: 'gregorian', period: id, fiscalYear, start, end, days: spanDays(start, end), quarters, months, weeks, retail: null });
}

/**
 * A Gregorian year (or fiscal year starting on the 1st of any month) with its quarters, calendar
 * months and the ISO weeks that overlap it.
 *
 * Period ids: `2026-Q1`, `2026-03`, `2026-W09` (ISO week id, with its ISO year). A fiscal year is
 * named `FY2025` and its quarters `FY2025-Q1`; its months keep their calendar ids. The `weeks` list
 * holds every ISO week overlapping the year with its full Monday–Sunday dates: `cascadeTarget`'s
 * `weeks` option decides how the first and last (partial) weeks count.
 *
 * @example
 * ```ts
 * const c = defineGregorianCalendar({ year: 2026 });
 * [c.period, c.quarters[0].period, c.months[2].period, c.weeks.length, c.weeks[0].start];
 * //=> ['2026', '2026-Q1', '2026-03', 53, '2025-12-29']
 * defineGregorianCalendar({ start: '2025-04-01' }).quarters.map((q) => `${q.period} ${q.start}`);
 * //=> ['FY2025-Q1 2025-04-01', 'FY2025-Q2 2025-07-01', 'FY2025-Q3 2025-10-01', 'FY2025-Q4 2026-01-01']
 * ```
 */
export function defineGregorianCalendar(spec: GregorianCalendarSpec): TargetCalendar {
  try {
    return buildGregorian(parseWith(gregorianShape, spec));
  } catch (error) {
    throw wrapThrown(error);
  }
}
