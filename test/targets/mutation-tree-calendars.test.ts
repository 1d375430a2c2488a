// Calendar boundaries, whole: Gregorian months and quarters (the 400-year leap rule, a fiscal year
// named apart from its start), the NRF 4-5-4 calendar's 53-week fiscal 2023, a retail year ending
// in July, ISO week-numbering years 1 and 9998, and every refusal with its issue fields.
// Oracles: NRF's published 4-5-4 calendar (fiscal 2023 runs 2023-01-29 to 2024-02-03, 53 weeks),
// Python's datetime (proleptic Gregorian: date(9998, 12, 28).isocalendar() is week 53, date(1, 12,
// 28) week 52; 2026-07-25 and 2025-07-26 are Saturdays), and the dates counted by hand below.
import { describe, expect, it } from 'vitest';
import { calculateIsoWeeksInYear, defineGregorianCalendar, defineRetailCalendar, toIsoWeek } from 'dealerkit/targets';
import { errorOf } from './helpers.js';

const plainPeriods = (ps: readonly object[]) => ps.map((p) => ({ ...p }));

describe('Gregorian calendars', () => {
  it('Japan’s FY2025 (April to March): the months and quarters whole', () => {
    const c = defineGregorianCalendar({ start: '2025-04-01' });
    const lengths = [30, 31, 30, 31, 31, 30, 31, 30, 31, 31, 28, 31]; // April 2025 … March 2026 (2026 not leap)
    const ym = (k: number) => (k < 9 ? `2025-${String(k + 4).padStart(2, '0')}` : `2026-${String(k - 8).padStart(2, '0')}`);
    expect(plainPeriods(c.months)).toEqual(lengths.map((days, k) => ({ period: ym(k), kind: 'month', index: k + 1, start: `${ym(k)}-01`, end: `${ym(k)}-${days}`, days })));
    // Q1 30 + 31 + 30 = 91; Q2 31 + 31 + 30 = 92; Q3 31 + 30 + 31 = 92; Q4 31 + 28 + 31 = 90.
    expect(plainPeriods(c.quarters)).toEqual([
      { period: 'FY2025-Q1', kind: 'quarter', index: 1, start: '2025-04-01', end: '2025-06-30', days: 91 },
      { period: 'FY2025-Q2', kind: 'quarter', index: 2, start: '2025-07-01', end: '2025-09-30', days: 92 },
      { period: 'FY2025-Q3', kind: 'quarter', index: 3, start: '2025-10-01', end: '2025-12-31', days: 92 },
      { period: 'FY2025-Q4', kind: 'quarter', index: 4, start: '2026-01-01', end: '2026-03-31', days: 90 },
    ]);
  });

  it('a January start named for another year is a fiscal year, not the calendar year', () => {
    const c = defineGregorianCalendar({ start: '2026-01-01', fiscalYear: 2027 });
    expect([c.period, c.fiscalYear, c.quarters[0]!.period]).toEqual(['FY2027', 2027, 'FY2027-Q1']);
  });

  it('the 400-year rule: 1900 and 2100 have 365 days, 2000 and 2024 have 366', () => {
    expect([1900, 2000, 2024, 2100].map((year) => {
      const c = defineGregorianCalendar({ year });
      return [c.days, c.months[1]!.days];
    })).toEqual([
      [365, 28],
      [366, 29],
      [366, 29],
      [365, 28],
    ]);
  });

  it('2026 holds ISO weeks 2026-W01 (from Monday 2025-12-29) to 2026-W53 (to Sunday 2027-01-03)', () => {
    const w = defineGregorianCalendar({ year: 2026 }).weeks;
    expect([w.length, { ...w[0] }, { ...w[52] }]).toEqual([
      53,
      { period: '2026-W01', kind: 'week', index: 1, start: '2025-12-29', end: '2026-01-04', days: 7, isoYear: 2026, isoWeek: 1 },
      { period: '2026-W53', kind: 'week', index: 53, start: '2026-12-28', end: '2027-01-03', days: 7, isoYear: 2026, isoWeek: 53 },
    ]);
  });

  it('refusals: no year nor start, a start that is not the 1st, a start after 9000', () => {
    expect(errorOf(() => defineGregorianCalendar({} as never)).issues).toEqual([
      { path: ['year'], code: 'required', expected: 'a number', message: 'is required (a number), or give start for a fiscal year' },
    ]);
    expect(errorOf(() => defineGregorianCalendar({ start: '2026-04-15' })).issues).toEqual([
      { path: ['start'], code: 'invalid_value', expected: 'the first day of a month', received: '"2026-04-15"', message: 'must be the first day of a month, received "2026-04-15"' },
    ]);
    const late = errorOf(() => defineGregorianCalendar({ start: '9001-01-01' }));
    expect([late.code, late.issues]).toEqual([
      'out_of_range',
      [{ path: ['start'], code: 'out_of_range', expected: 'a year from 1000 to 9000', received: '"9001-01-01"', message: 'must be in the years 1000 to 9000, as a calendar year must, received "9001-01-01"' }],
    ]);
  });
});

describe('retail calendars', () => {
  const nrfRules = { pattern: '4-5-4', yearEnd: { weekday: 'saturday', rule: 'nearest', month: 1 } } as const;

  it('NRF fiscal 2023 has 53 weeks; without leapWeek the 53rd goes to the last month', () => {
    const c = defineRetailCalendar({ fiscalYear: 2023, ...nrfRules });
    expect([c.start, c.end, c.days]).toEqual(['2023-01-29', '2024-02-03', 371]);
    expect(c.months.map((m) => m.weeks)).toEqual([4, 5, 4, 4, 5, 4, 4, 5, 4, 4, 5, 5]);
    expect({ ...c.retail! }).toEqual({
      pattern: '4-5-4',
      yearEnd: { weekday: 'saturday', rule: 'nearest', month: 1 },
      leapWeek: 'last-month',
      naming: 'majority',
      weeksInYear: 53,
      leapWeekPeriod: 'FY2023-P12',
      droppedWeek: null,
    });
    // 13 weeks from 2023-01-29 is 2023-04-30; then 2023-07-30, 2023-10-29; Q4 has 4 + 5 + 5 = 14
    // weeks, 98 days, to 2024-02-03.
    expect(plainPeriods(c.quarters)).toEqual([
      { period: 'FY2023-Q1', kind: 'quarter', index: 1, start: '2023-01-29', end: '2023-04-29', days: 91, weeks: 13 },
      { period: 'FY2023-Q2', kind: 'quarter', index: 2, start: '2023-04-30', end: '2023-07-29', days: 91, weeks: 13 },
      { period: 'FY2023-Q3', kind: 'quarter', index: 3, start: '2023-07-30', end: '2023-10-28', days: 91, weeks: 13 },
      { period: 'FY2023-Q4', kind: 'quarter', index: 4, start: '2023-10-29', end: '2024-02-03', days: 98, weeks: 14 },
    ]);
    expect([c.weeks.length, { ...c.weeks[0] }, { ...c.weeks[52] }]).toEqual([
      53,
      { period: 'FY2023-W01', kind: 'week', index: 1, start: '2023-01-29', end: '2023-02-04', days: 7, weeks: 1 },
      { period: 'FY2023-W53', kind: 'week', index: 53, start: '2024-01-28', end: '2024-02-03', days: 7, weeks: 1 },
    ]);
  });

  it('the 53rd week in a named month: { month: 3 } makes P03 5 weeks (4-5-4 → 4, 5, 5)', () => {
    const c = defineRetailCalendar({ fiscalYear: 2023, ...nrfRules, leapWeek: { month: 3 } });
    expect([c.months.slice(0, 3).map((m) => m.weeks), c.retail!.leapWeek, c.retail!.leapWeekPeriod]).toEqual([[4, 5, 5], { month: 3 }, 'FY2023-P03']);
  });

  it('a year ending in July is named by the year it ends in: FY2026 runs 2025-07-27 to 2026-07-25', () => {
    // The last Saturday of July 2026 is the 25th, of July 2025 the 26th: 364 days, 52 weeks.
    const c = defineRetailCalendar({ fiscalYear: 2026, pattern: '4-4-5', yearEnd: { weekday: 'saturday', rule: 'last', month: 7 } });
    expect([c.period, c.start, c.end, c.days, c.retail!.weeksInYear]).toEqual(['FY2026', '2025-07-27', '2026-07-25', 364, 52]);
  });
});

describe('ISO week-numbering years', () => {
  it('a year before 1000 prints with four digits: 0500-06-15 is a Tuesday in 0500-W24', () => {
    // Python: date(500, 6, 15).isocalendar() == (500, 24, 2), so its Monday is 0500-06-14.
    expect(toIsoWeek('0500-06-15')).toEqual({ isoYear: 500, isoWeek: 24, period: '0500-W24', start: '0500-06-14', end: '0500-06-20' });
  });

  it('the first and last years accepted: 1 has 52 weeks, 9998 has 53; 2020 and 2026 have 53, 2025 52', () => {
    expect([1, 9998, 2020, 2025, 2026].map(calculateIsoWeeksInYear)).toEqual([52, 53, 53, 52, 53]);
  });

  it('0 and 9999 are out of range, each with its limit', () => {
    for (const [y, limit] of [
      [0, '1'],
      [9999, '9998'],
    ] as const) {
      const e = errorOf(() => calculateIsoWeeksInYear(y));
      expect([e.code, e.issues]).toEqual([
        'out_of_range',
        [{ path: ['isoYear'], code: 'out_of_range', received: String(y), expected: 'from 1 to 9998', limit, message: `must be from 1 to 9998, received ${y}` }],
      ]);
    }
  });

  it('a text, NaN and 1.5 are not whole years, each with its code', () => {
    expect(errorOf(() => calculateIsoWeeksInYear('2026' as never)).issues.map((i) => [i.path, i.code, i.expected])).toEqual([[['isoYear'], 'invalid_type', 'a whole year']]);
    expect(errorOf(() => calculateIsoWeeksInYear(Number.NaN)).issues.map((i) => [i.code, i.received])).toEqual([['not_a_number', 'NaN']]);
    expect(errorOf(() => calculateIsoWeeksInYear(1.5)).issues.map((i) => [i.code, i.received])).toEqual([['not_an_integer', '1.5']]);
  });
});
