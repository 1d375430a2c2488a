import { describe, expect, it } from 'vitest';
import { DealerkitError, calculateDateAfter, calculateDaysBetween, toIsoDate, toUtcDate } from 'dealerkit';
import { daysInMonth, formatUtcDate } from '../../src/core/dates.js';

describe('toIsoDate', () => {
  it('accepts calendar dates, leap days included', () => {
    expect(toIsoDate('2026-03-01')).toBe('2026-03-01');
    expect(toIsoDate('2024-02-29')).toBe('2024-02-29');
    expect(toIsoDate('2000-02-29')).toBe('2000-02-29');
    expect(toIsoDate('0001-01-01')).toBe('0001-01-01');
    expect(toIsoDate('9999-12-31')).toBe('9999-12-31');
  });

  it('reads a Date as its UTC calendar date, whatever the local zone', () => {
    expect(toIsoDate(new Date(Date.UTC(2026, 2, 1, 23, 30)))).toBe('2026-03-01');
    expect(toIsoDate(new Date(Date.UTC(2026, 0, 1, 0, 0)))).toBe('2026-01-01');
    expect(toIsoDate(new Date('2026-12-31T23:59:59.999Z'))).toBe('2026-12-31');
  });

  const refused: [unknown, string][] = [
    ['2026-02-30', 'is not a calendar date (2026-02 has 28 days)'],
    ['2023-02-29', '2023-02 has 28 days'],
    ['1900-02-29', '1900-02 has 28 days'],
    ['2026-13-01', 'has no month 13'],
    ['2026-00-10', 'has no month 00'],
    ['2026-01-00', 'is not a calendar date'],
    ['2026-1-5', 'must be a date written YYYY-MM-DD'],
    ['2026-01-05T00:00:00Z', 'no time of day'],
    ['2026-01-05 10:00', 'must be a date written YYYY-MM-DD'],
    ['0000-01-01', 'must have a year from 0001 to 9999'],
    ['', 'must be a date written YYYY-MM-DD'],
    [new Date(NaN), 'must be a valid Date'],
    [new Date(Date.UTC(10000, 0, 1)), 'must have a year from 0001 to 9999'],
    [20260101, 'received number'],
    [null, 'received null'],
  ];
  it.each(refused)('refuses %s', (input, fragment) => {
    let caught: unknown;
    try {
      toIsoDate(input as string, 'periodStart');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DealerkitError);
    expect((caught as DealerkitError).message).toContain('periodStart: ');
    expect((caught as DealerkitError).message).toContain(fragment);
  });
});

describe('date arithmetic in UTC', () => {
  it('adds days across month ends, leap days and DST changes of every zone', () => {
    expect(calculateDateAfter('2024-02-28', 1)).toBe('2024-02-29');
    expect(calculateDateAfter('2023-02-28', 1)).toBe('2023-03-01');
    expect(calculateDateAfter('2026-12-31', 1)).toBe('2027-01-01');
    expect(calculateDateAfter('2026-03-01', -1)).toBe('2026-02-28');
    // US DST starts 2026-03-08, Chatham's ends 2026-04-05, Lord Howe's ends 2026-04-05: plain days all the same.
    expect(calculateDateAfter('2026-03-07', 2)).toBe('2026-03-09');
    expect(calculateDateAfter('2026-04-04', 2)).toBe('2026-04-06');
    expect(calculateDateAfter('2026-01-01', 364)).toBe('2026-12-31');
    expect(calculateDateAfter(new Date(Date.UTC(2026, 9, 31)), 1)).toBe('2026-11-01');
  });

  it('counts calendar days between dates', () => {
    expect(calculateDaysBetween('2026-03-01', '2026-02-01')).toBe(28);
    expect(calculateDaysBetween('2025-01-01', '2024-01-01')).toBe(366);
    expect(calculateDaysBetween('2026-11-01', '2026-03-01')).toBe(245);
    expect(calculateDaysBetween('2026-01-01', '2026-12-31')).toBe(-364);
  });

  it('gives a UTCDate at midnight UTC', () => {
    expect(toUtcDate('2026-03-08').toISOString()).toBe('2026-03-08T00:00:00.000Z');
    expect(toUtcDate('0050-06-15').toISOString()).toBe('0050-06-15T00:00:00.000Z');
    expect(formatUtcDate(toUtcDate('0050-06-15'))).toBe('0050-06-15');
  });

  it('knows the days of each month', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2024, m))).toEqual([31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(daysInMonth(2100, 2)).toBe(28);
  });

  it('refuses a fractional day count and bad dates with their path', () => {
    expect(() => calculateDateAfter('2026-01-01', 1.5)).toThrow('[dealerkit] days: must be a whole number of days');
    expect(() => calculateDateAfter('2026-1-1', 1)).toThrow('[dealerkit] date: must be a date written YYYY-MM-DD');
    expect(() => calculateDaysBetween('x', '2026-01-01')).toThrow('[dealerkit] later:');
    expect(() => calculateDaysBetween('2026-01-01', 'x')).toThrow('[dealerkit] earlier:');
  });
});
