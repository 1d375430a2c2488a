// Day arithmetic for the targets module: ISO strings in and out, date-fns on UTCDate in between.
import { addDays } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { getDay } from 'date-fns/getDay';
import { formatUtcDate, utcDateOf, type IsoDate } from '../core/dates.js';

/** English weekday names in lower case, in date-fns `getDay` order (Sunday is 0). @internal */
export const WEEKDAY_NAMES: readonly TargetWeekday[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/**
 * A day of the week as an English name in lower case: `'monday'` … `'sunday'`.
 *
 * @example
 * ```ts
 * const end: TargetWeekday = 'saturday';
 * end;
 * //=> 'saturday'
 * ```
 */
export type TargetWeekday = 'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';

/** The ISO date `n` days after `iso` (before, when negative). @internal */
export function plusDays(iso: IsoDate, n: number): IsoDate {
  return formatUtcDate(addDays(utcDateOf(iso), n));
}

/** Calendar days from `earlier` to `later`. @internal */
export function daysFrom(later: IsoDate, earlier: IsoDate): number {
  return differenceInCalendarDays(utcDateOf(later), utcDateOf(earlier));
}

/** The weekday of a date: 0 for Sunday … 6 for Saturday. @internal */
export function weekdayOf(iso: IsoDate): number {
  return getDay(utcDateOf(iso));
}

/** Calendar days from `start` to `end`, both included. @internal */
export function spanDays(start: IsoDate, end: IsoDate): number {
  return daysFrom(end, start) + 1;
}

/** Two-digit zero padding for period ids. @internal */
export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
