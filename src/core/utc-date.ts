// toUtcDate hands the user a date that behaves as @date-fns/utc's full UTCDate (UTC getters, setters and
// formatters), built on UTCDateMini: the full UTCDate's module builds three Intl formatters when it loads
// (about 13 ms of CPU, issue 14's light imports), so the formatters here are built on first use instead.
import { UTCDateMini } from '@date-fns/utc/date/mini';
import type { UTCDate } from '@date-fns/utc';
import { toIsoDate, type DateInput } from './dates.js';
import type { IssuePath } from './errors.js';

let formats: { weekday: Intl.DateTimeFormat; date: Intl.DateTimeFormat; time: Intl.DateTimeFormat } | undefined;

/** @date-fns/utc's three UTC formatters, built once, on first use. */
function utcFormats(): NonNullable<typeof formats> {
  return (formats ??= {
    weekday: new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone: 'UTC' }),
    date: new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' }),
    time: new Intl.DateTimeFormat('en-GB', { hour12: false, hour: 'numeric', minute: 'numeric', second: 'numeric', timeZone: 'UTC' }),
  });
}

/** @date-fns/utc's UTCDate, method for method (its formatters mirror `Date`'s in UTC), with lazy formatters. */
class LazyUTCDate extends UTCDateMini {
  override toString(): string {
    return `${this.toDateString()} ${this.toTimeString()}`;
  }
  override toDateString(): string {
    const f = utcFormats();
    return `${f.weekday.format(this)} ${f.date.format(this)} ${this.getUTCFullYear()}`;
  }
  override toTimeString(): string {
    return `${utcFormats().time.format(this)} GMT+0000 (Coordinated Universal Time)`;
  }
  override toLocaleString(locales?: Intl.LocalesArgument, options?: Intl.DateTimeFormatOptions): string {
    return Date.prototype.toLocaleString.call(this, locales, { timeZone: 'UTC', ...options });
  }
  override toLocaleDateString(locales?: Intl.LocalesArgument, options?: Intl.DateTimeFormatOptions): string {
    return Date.prototype.toLocaleDateString.call(this, locales, { timeZone: 'UTC', ...options });
  }
  override toLocaleTimeString(locales?: Intl.LocalesArgument, options?: Intl.DateTimeFormatOptions): string {
    return Date.prototype.toLocaleTimeString.call(this, locales, { timeZone: 'UTC', ...options });
  }
}

/**
 * Converts a date input to a date-fns `UTCDate` at midnight UTC, so date-fns arithmetic on it
 * never depends on the machine's time zone. The date has `UTCDate`'s getters, setters and UTC
 * formatters (`toString()` and the `toLocale*String` methods in UTC); it is an instance of
 * `UTCDateMini` and `Date`, not of the `UTCDate` class itself.
 *
 * @example
 * ```ts
 * toUtcDate('2026-03-08').toISOString();
 * //=> '2026-03-08T00:00:00.000Z'
 * ```
 */
export function toUtcDate(value: DateInput, path: string | IssuePath = []): UTCDate {
  const iso = toIsoDate(value, path);
  const d = new LazyUTCDate(2000, Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  d.setFullYear(Number(iso.slice(0, 4)));
  return d as UTCDate;
}
