import { UTCDate } from '@date-fns/utc';
import { getISOWeek, getISOWeekYear, getISOWeeksInYear, startOfISOWeek, addDays } from 'date-fns';
import { formatUtcDate, isoDateAt, utcDateOf, type DateInput, type IsoDate } from '../core/dates.js';
import { invalid, outOfRange, wrapThrown, type IssuePath } from '../core/errors.js';
import { pad2 } from './days.js';

/** An ISO 8601 week: its week-numbering year, its number and its Monday-to-Sunday dates. */
export interface IsoWeekDate {
  /** The ISO week-numbering year (the year of the week's Thursday), which may differ from the date's year. */
  isoYear: number;
  /** The week number, 1 to 52 or 53. */
  isoWeek: number;
  /** The week's id, `YYYY-Www`: `'2026-W09'`. */
  id: string;
  /** The Monday that starts the week. */
  start: IsoDate;
  /** The Sunday that ends the week. */
  end: IsoDate;
}

/** The id of an ISO week: `2026-W09`. @internal */
export function isoWeekId(isoYear: number, isoWeek: number): string {
  return `${String(isoYear).padStart(4, '0')}-W${pad2(isoWeek)}`;
}

/** {@link isoWeekOf} on a validated ISO date. @internal */
export function isoWeekOfIso(iso: IsoDate): IsoWeekDate {
  const d = utcDateOf(iso);
  const isoYear = getISOWeekYear(d);
  const isoWeek = getISOWeek(d);
  const monday = startOfISOWeek(d);
  return { isoYear, isoWeek, id: isoWeekId(isoYear, isoWeek), start: formatUtcDate(monday), end: formatUtcDate(addDays(monday, 6)) };
}

/**
 * The ISO 8601 week of a date (weeks run Monday to Sunday; week 1 holds the year's first Thursday).
 *
 * The ISO year is explicit because it differs from the calendar year near New Year: 2027-01-01 is
 * in 2026-W53 and 2024-12-30 is in 2025-W01.
 *
 * @example
 * ```ts
 * isoWeekOf('2027-01-01');
 * //=> { isoYear: 2026, isoWeek: 53, id: '2026-W53', start: '2026-12-28', end: '2027-01-03' }
 * ```
 */
export function isoWeekOf(date: DateInput): IsoWeekDate {
  try {
    return isoWeekOfIso(isoDateAt(date, ['date']));
  } catch (error) {
    throw wrapThrown(error);
  }
}

/** Validates an ISO week-numbering year (1 to 9998). @internal */
export function checkIsoYear(value: unknown, path: IssuePath): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) invalid(path, `must be a whole year, received ${String(value)}`);
  const y = value as number;
  if (y < 1 || y > 9998) outOfRange(path, `must be from 1 to 9998, received ${y}`);
  return y;
}

/** The number of ISO weeks of a validated ISO year. @internal */
export function isoWeeksOf(isoYear: number): 52 | 53 {
  // January 4 always lies in week 1, so its ISO year is `isoYear` itself. Asking date-fns about
  // a date near the year's end (2027-01-01 is in ISO year 2026) would answer for another year.
  const jan4 = new UTCDate(2000, 0, 4);
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
 * [isoWeeksInYear(2025), isoWeeksInYear(2026), isoWeeksInYear(2027)];
 * //=> [52, 53, 52]
 * ```
 */
export function isoWeeksInYear(isoYear: number): 52 | 53 {
  try {
    return isoWeeksOf(checkIsoYear(isoYear, ['isoYear']));
  } catch (error) {
    throw wrapThrown(error);
  }
}
