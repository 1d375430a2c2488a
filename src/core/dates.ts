import { UTCDate } from '@date-fns/utc';
import { addDays, differenceInCalendarDays } from 'date-fns';
import { invalid, toDealerkitError, type IssuePath } from './errors.js';

/** A calendar date as an ISO 8601 date-only string, `YYYY-MM-DD`. */
export type IsoDate = string;

/** A date dealerkit accepts: an ISO date-only string or a `Date`, read as a UTC calendar date. */
export type DateInput = string | Date;

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
      return invalid(path, `must be a date written YYYY-MM-DD (no time of day), received ${JSON.stringify(value)}`);
    }
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (year < 1) invalid(path, `must have a year from 0001 to 9999, received ${JSON.stringify(value)}`);
    if (month < 1 || month > 12) invalid(path, `has no month ${m[2]}, received ${JSON.stringify(value)}`);
    if (day < 1 || day > daysInMonth(year, month)) {
      invalid(path, `is not a calendar date (${pad(year, 4)}-${m[2]} has ${daysInMonth(year, month)} days), received ${JSON.stringify(value)}`);
    }
    return value;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return invalid(path, 'must be a valid Date, received an Invalid Date');
    const year = value.getUTCFullYear();
    if (year < 1 || year > 9999) invalid(path, `must have a year from 0001 to 9999, received ${year}`);
    return formatUtcDate(value);
  }
  return invalid(path, `must be a date written YYYY-MM-DD or a Date, received ${value === null ? 'null' : typeof value}`);
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
    throw toDealerkitError(error);
  }
}

/** Parses a validated ISO date into a `UTCDate` at midnight UTC (date-fns computes on it in UTC). @internal */
export function utcDateOf(iso: IsoDate): UTCDate {
  const year = Number(iso.slice(0, 4));
  const d = new UTCDate(2000, Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  d.setFullYear(year);
  return d;
}

/**
 * Converts a date input to a date-fns `UTCDate` at midnight UTC, so date-fns arithmetic on it
 * never depends on the machine's time zone.
 *
 * @example
 * ```ts
 * toUtcDate('2026-03-08').toISOString();
 * //=> '2026-03-08T00:00:00.000Z'
 * ```
 */
export function toUtcDate(value: DateInput, path: string | IssuePath = []): UTCDate {
  return utcDateOf(toIsoDate(value, path));
}

/**
 * Adds whole days to a date (negative to go back); the result is an ISO date.
 *
 * @example
 * ```ts
 * addIsoDays('2024-02-28', 1);
 * //=> '2024-02-29'
 * ```
 */
export function addIsoDays(date: DateInput, days: number): IsoDate {
  try {
    if (typeof days !== 'number' || !Number.isInteger(days)) invalid(['days'], `must be a whole number of days, received ${String(days)}`);
    return formatUtcDate(addDays(utcDateOf(isoDateAt(date, ['date'])), days));
  } catch (error) {
    throw toDealerkitError(error);
  }
}

/**
 * The number of calendar days from `earlier` to `later` (negative when `later` is earlier).
 *
 * @example
 * ```ts
 * differenceInIsoDays('2026-03-01', '2026-02-01');
 * //=> 28
 * ```
 */
export function differenceInIsoDays(later: DateInput, earlier: DateInput): number {
  try {
    return differenceInCalendarDays(utcDateOf(isoDateAt(later, ['later'])), utcDateOf(isoDateAt(earlier, ['earlier'])));
  } catch (error) {
    throw toDealerkitError(error);
  }
}
