// toUtcDate returns a UTCDateMini subclass with @date-fns/utc's UTCDate formatters built on first use
// (light imports, issue 14). The oracle is @date-fns/utc's own UTCDate, built for the same day.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { UTCDate } from '@date-fns/utc';
import { UTCDateMini } from '@date-fns/utc/date/mini';
import { addDays } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { toUtcDate } from 'dealerkit';

const utcDate = (iso: string): UTCDate => {
  const d = new UTCDate(2000, Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  d.setFullYear(Number(iso.slice(0, 4)));
  return d;
};

const isoDay = fc
  .date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))
  .filter((s) => /^\d{4}-\d{2}-\d{2}$/.test(s));

describe('toUtcDate', () => {
  it("is a Date and a UTCDateMini, not an instance of @date-fns/utc's UTCDate class (API change of the light imports)", () => {
    const d = toUtcDate('2026-03-08');
    expect(d).toBeInstanceOf(Date);
    expect(d).toBeInstanceOf(UTCDateMini);
    expect(d instanceof UTCDate).toBe(false);
  });

  it('formats as UTCDate does (toString, toDateString, toTimeString, toLocale*String in UTC)', () => {
    // Sunday 8 March 2026 is the day US clocks move forward; midnight UTC is still the 7th in Los Angeles.
    const ours = toUtcDate('2026-03-08');
    const theirs = utcDate('2026-03-08');
    // @date-fns/utc writes the day without a leading zero (its formatter's day: 'numeric'), unlike Date's toString.
    expect(ours.toString()).toBe('Sun Mar 8 2026 00:00:00 GMT+0000 (Coordinated Universal Time)');
    expect(ours.toString()).toBe(theirs.toString());
    expect(ours.toDateString()).toBe(theirs.toDateString());
    expect(ours.toTimeString()).toBe(theirs.toTimeString());
    expect(ours.toLocaleString('en-US')).toBe(theirs.toLocaleString('en-US'));
    expect(ours.toLocaleDateString('en-GB')).toBe(theirs.toLocaleDateString('en-GB'));
    expect(ours.toLocaleTimeString('en-GB')).toBe(theirs.toLocaleTimeString('en-GB'));
    expect(ours.toLocaleDateString('en-US', { weekday: 'long' })).toBe('Sunday');
  });

  it('agrees with UTCDate on any day from 0001 to 9999, and date-fns computes on it in UTC', () => {
    fc.assert(
      fc.property(isoDay, fc.integer({ min: -400, max: 400 }), (iso, days) => {
        const ours = toUtcDate(iso);
        const theirs = utcDate(iso);
        expect(ours.getTime()).toBe(theirs.getTime());
        expect(ours.toString()).toBe(theirs.toString());
        expect([ours.getFullYear(), ours.getMonth(), ours.getDate(), ours.getDay(), ours.getHours()]).toEqual([
          theirs.getFullYear(),
          theirs.getMonth(),
          theirs.getDate(),
          theirs.getDay(),
          0,
        ]);
        const later = addDays(ours, days);
        expect(later.getTime()).toBe(addDays(theirs, days).getTime());
        expect(differenceInCalendarDays(later, ours)).toBe(days);
      }),
      { numRuns: 300 },
    );
  });
});
