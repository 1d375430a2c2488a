// UTCDateMini for arithmetic: @date-fns/utc's full UTCDate builds three Intl formatters when its module loads
// (about 13 ms of CPU); toUtcDate (./utc-date.ts) hands the user a UTCDateMini with UTCDate's formatters, built lazily.
import { UTCDateMini } from '@date-fns/utc/date/mini';
import type { UTCDate } from '@date-fns/utc';
import { addDays } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { invalid, outOfRange, wrapThrown, type IssuePath } from './errors.js';
import { describeValue } from './messages.js';

/** A calendar date as an ISO 8601 date-only string, `YYYY-MM-DD`. */
export type IsoDate = string;

/** A date dealerkit accepts: an ISO date-only string or a `Date`, read as a UTC calendar date. */
export type DateInput = string | Date;

const NOT_A_DATE = { code: 'not_a_date', expected: 'an ISO date (YYYY-MM-DD)' } as const;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month of the proleptic Gregorian calendar (month 1–12). @internal */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Formats the UTC calendar date of a `Date` as `YYYY-MM-DD`. @internal */
export function formatUtcDate(date: Date): IsoDate {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

/** Validates a date input and returns its ISO string; errors name `path`. @internal */
export function isoDateAt(value: unknown, path: IssuePath): IsoDate {
  if (typeof value === 'string') {
    const m = ISO_DATE.exec(value);
    if (m === null) {
      return invalid(path, `must be a date written YYYY-MM-DD (no time of day), received ${JSON.stringify(value)}`, NOT_A_DATE);
    }
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (year < 1) invalid(path, `must have a year from 0001 to 9999, received ${JSON.stringify(value)}`, NOT_A_DATE);
    if (month < 1 || month > 12) invalid(path, `has no month ${m[2]}, received ${JSON.stringify(value)}`, NOT_A_DATE);
    if (day < 1 || day > daysInMonth(year, month)) {
      invalid(path, `is not a calendar date (${pad(year, 4)}-${m[2]} has ${daysInMonth(year, month)} days), received ${JSON.stringify(value)}`, NOT_A_DATE);
    }
    return value;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return invalid(path, 'must be a valid Date, received an Invalid Date', NOT_A_DATE);
    const year = value.getUTCFullYear();
    if (year < 1 || year > 9999) invalid(path, `must have a year from 0001 to 9999, received ${year}`, NOT_A_DATE);
    return formatUtcDate(value);
  }
  return invalid(path, `must be a date written YYYY-MM-DD or a Date, received ${value === null ? 'null' : typeof value}`, NOT_A_DATE);
}

/**
 * Validates a date and returns it as an ISO date-only string; a `Date` is read as its UTC calendar date.
 *
 * `2026-02-30`, `2026-13-01`, `2026-1-5` and strings with a time of day are refused.
 *
 * @example
 * ```ts
 * toIsoDate(new Date(Date.UTC(2026, 2, 1, 23, 30)));
 * //=> '2026-03-01'
 * ```
 */
export function toIsoDate(value: DateInput, path: string | IssuePath = []): IsoDate {
  try {
    return isoDateAt(value, typeof path === 'string' ? [path] : path);
  } catch (error) {
    throw wrapThrown(error);
  }
}

/** Parses a validated ISO date into a `UTCDate` at midnight UTC (date-fns computes on it in UTC). @internal */
export function utcDateOf(iso: IsoDate): UTCDate {
  const year = Number(iso.slice(0, 4));
  const d: UTCDate = new UTCDateMini(2000, Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  d.setFullYear(year);
  return d;
}

/**
 * Adds whole days to a date (negative to go back); the result is an ISO date.
 *
 * @example
 * ```ts
 * calculateDateAfter('2024-02-28', 1);
 * //=> '2024-02-29'
 * ```
 */
export function calculateDateAfter(date: DateInput, days: number): IsoDate {
  try {
    if (typeof days !== 'number' || !Number.isInteger(days)) {
      invalid(['days'], `must be a whole number of days, received ${describeValue(days)}`, { code: typeof days === 'number' ? 'not_an_integer' : days === undefined ? 'required' : 'invalid_type' });
    }
    return plusDaysAt(isoDateAt(date, ['date']), days, ['days']);
  } catch (error) {
    throw wrapThrown(error);
  }
}

const FIRST_DAY = Date.UTC(2000, 0, 1) - 730119 * 86_400_000; // 0001-01-01
const LAST_DAY = Date.UTC(9999, 11, 31);

/**
 * A validated ISO date plus whole days, refused with `out_of_range` at `path` when the result
 * would leave the years 0001–9999 (so every date dealerkit prints, it can read back).
 *
 * @internal
 */
export function plusDaysAt(iso: IsoDate, days: number, path: IssuePath): IsoDate {
  const start = utcDateOf(iso).getTime();
  const end = start + days * 86_400_000;
  if (!Number.isFinite(end) || end < FIRST_DAY || end > LAST_DAY) {
    return outOfRange(path, `moves ${iso} outside the years 0001 to 9999, received ${days} days`, {
      code: 'out_of_range',
      received: String(days),
      // Stryker disable next-line EqualityOperator: this refusal is reached only with end < FIRST_DAY or end > LAST_DAY, never end = FIRST_DAY
      limit: String(Math.round(((end < FIRST_DAY ? FIRST_DAY : LAST_DAY) - start) / 86_400_000)),
    });
  }
  return formatUtcDate(addDays(utcDateOf(iso), days));
}

/**
 * The number of calendar days from `earlier` to `later` (negative when `later` is earlier).
 *
 * @example
 * ```ts
 * calculateDaysBetween('2026-03-01', '2026-02-01');
 * //=> 28
 * ```
 */
export function calculateDaysBetween(later: DateInput, earlier: DateInput): number {
  try {
    return differenceInCalendarDays(utcDateOf(isoDateAt(later, ['later'])), utcDateOf(isoDateAt(earlier, ['earlier'])));
  } catch (error) {
    throw wrapThrown(error);
  }
}
