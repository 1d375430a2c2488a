import { UTCDateMini } from '@date-fns/utc/date/mini';
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { getISOWeeksInYear } from 'date-fns/getISOWeeksInYear';
import { startOfISOWeek } from 'date-fns/startOfISOWeek';
import { addDays } from 'date-fns/addDays';
import { formatUtcDate, isoDateAt, utcDateOf, type DateInput, type IsoDate } from '../core/dates.js';
import { invalid, outOfRange, wrapThrown, type IssuePath } from '../core/errors.js';
import { pad2 } from './days.js';
import { TARGETS_MESSAGES as M } from './messages.js';

/** An ISO 8601 week: its week-numbering year, its number and its Monday-to-Sunday dates. */
export interface IsoWeekDate {
  /** The ISO week-numbering year (the year of the week's Thursday), which may differ from the date's year. */
  isoYear: number;
  /** The week number, 1 to 52 or 53. */
  isoWeek: number;
  /** The week's period id, `YYYY-Www`: `'2026-W09'`. */
  period: string;
  /** The Monday that starts the week. */
  start: IsoDate;
  /** The Sunday that ends the week. */
  end: IsoDate;
}

/** The id of an ISO week: `2026-W09`. @internal */
export function isoWeekId(isoYear: number, isoWeek: number): string {
  return `${String(isoYear).padStart(4, '0')}-W${pad2(isoWeek)}`;
}

/** {@link toIsoWeek} on a validated ISO date. @internal */
export function isoWeekAt(iso: IsoDate): IsoWeekDate {
  const d = utcDateOf(iso);
  const isoYear = getISOWeekYear(d);
  const isoWeek = getISOWeek(d);
  const monday = startOfISOWeek(d);
  return { isoYear, isoWeek, period: isoWeekId(isoYear, isoWeek), start: formatUtcDate(monday), end: formatUtcDate(addDays(monday, 6)) };
}

/**
 * The ISO 8601 week of a date (weeks run Monday to Sunday; week 1 holds the year's first Thursday).
 *
 * The ISO year is explicit because it differs from the calendar year near New Year: 2027-01-01 is
 * in 2026-W53 and 2024-12-30 is in 2025-W01.
 *
 * @example
 * ```ts
 * toIsoWeek('2027-01-01');
 * //=> { isoYear: 2026, isoWeek: 53, period: '2026-W53', start: '2026-12-28', end: '2027-01-03' }
 * ```
 */
export function toIsoWeek(date: DateInput): IsoWeekDate {
  try {
    return isoWeekAt(isoDateAt(date, ['date']));
  } catch (error) {
    throw wrapThrown(error);
  }
}

/** Validates an ISO week-numbering year (1 to 9998). @internal */
export function checkIsoYear(value: unknown, path: IssuePath): number {
  if (typeof value !== 'number') invalid(path, M.wholeYear(value), { code: 'invalid_type', expected: 'a whole year' });
  const y = value as number;
  if (!Number.isInteger(y)) invalid(path, M.wholeYear(value), { code: Number.isFinite(y) ? 'not_an_integer' : 'not_a_number', received: String(y) });
  if (y < 1 || y > 9998) outOfRange(path, M.isoYearRange(y), { received: String(y), expected: 'from 1 to 9998', limit: y < 1 ? '1' : '9998' });
  return y;
}

/** The number of ISO weeks of a validated ISO year. @internal */
export function isoWeeksOf(isoYear: number): 52 | 53 {
  // January 4 always lies in week 1, so its ISO year is `isoYear` itself. Asking date-fns about
  // a date near the year's end (2027-01-01 is in ISO year 2026) would answer for another year.
  const jan4 = new UTCDateMini(2000, 0, 4);
  jan4.setFullYear(isoYear);
  return getISOWeeksInYear(jan4) as 52 | 53;
}

/**
 * The number of weeks, 52 or 53, of an ISO week-numbering year.
 *
 * A year has 53 ISO weeks when it starts on a Thursday, or is a leap year starting on a
 * Wednesday: 2020 and 2026 have 53, 2025 and 2027 have 52.
 *
 * @example
 * ```ts
 * [calculateIsoWeeksInYear(2025), calculateIsoWeeksInYear(2026), calculateIsoWeeksInYear(2027)];
 * //=> [52, 53, 52]
 * ```
 */
export function calculateIsoWeeksInYear(isoYear: number): 52 | 53 {
  try {
    return isoWeeksOf(checkIsoYear(isoYear, ['isoYear']));
  } catch (error) {
    throw wrapThrown(error);
  }
}
