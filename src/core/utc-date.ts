// The full UTCDate (with UTC formatters) in a file of its own: only the root entry re-exports it,
// so the engine subpaths do not load @date-fns/utc's Intl formatters.
import { UTCDate } from '@date-fns/utc';
import { toIsoDate, type DateInput } from './dates.js';
import type { IssuePath } from './errors.js';

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
  const iso = toIsoDate(value, path);
  const d = new UTCDate(2000, Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  d.setFullYear(Number(iso.slice(0, 4)));
  return d;
}
