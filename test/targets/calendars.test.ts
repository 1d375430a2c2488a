import { describe, expect, it } from 'vitest';
import { defineGregorianCalendar, defineNrfCalendar, toIsoWeek, calculateIsoWeeksInYear, defineRetailCalendar } from 'dealerkit/targets';
import { errorOf, issuesOf } from './helpers.js';

// Independent oracle for weekdays: Zeller's congruence (0 = Saturday … 6 = Friday), plain arithmetic.
function zeller(y: number, m: number, d: number): number {
  if (m < 3) {
    m += 12;
    y -= 1;
  }
  const k = y % 100;
  const j = Math.floor(y / 100);
  return (d + Math.floor((13 * (m + 1)) / 5) + k + Math.floor(k / 4) + Math.floor(j / 4) + 5 * j) % 7;
}
const THURSDAY = 5;

describe('toIsoWeek', () => {
  // ISO 8601 edge dates (the issue's list; also the examples of the ISO week date article and
  // the date-fns getISOWeek tests).
  const cases: [string, number, number, string][] = [
    ['1997-12-31', 1998, 1, '1998-W01'],
    ['1999-01-01', 1998, 53, '1998-W53'],
    ['2005-01-01', 2004, 53, '2004-W53'],
    ['2012-12-31', 2013, 1, '2013-W01'],
    ['2026-01-01', 2026, 1, '2026-W01'],
    ['2027-01-01', 2026, 53, '2026-W53'],
    ['2024-12-30', 2025, 1, '2025-W01'],
    ['2026-03-01', 2026, 9, '2026-W09'],
    ['2008-12-29', 2009, 1, '2009-W01'],
    ['2010-01-03', 2009, 53, '2009-W53'],
  ];
  for (const [date, isoYear, isoWeek, id] of cases) {
    it(`${date} is ${id}`, () => {
      const w = toIsoWeek(date);
      expect([w.isoYear, w.isoWeek, w.period]).toEqual([isoYear, isoWeek, id]);
    });
  }

  it('gives the Monday and Sunday of the week', () => {
    expect(toIsoWeek('2027-01-01')).toEqual({ isoYear: 2026, isoWeek: 53, period: '2026-W53', start: '2026-12-28', end: '2027-01-03' });
    expect(toIsoWeek('2026-01-04')).toEqual({ isoYear: 2026, isoWeek: 1, period: '2026-W01', start: '2025-12-29', end: '2026-01-04' });
  });

  it('reads a Date as its UTC calendar date', () => {
    expect(toIsoWeek(new Date(Date.UTC(2026, 0, 4, 23, 59))).period).toBe('2026-W01');
    expect(toIsoWeek(new Date(Date.UTC(2026, 0, 5, 0, 0))).period).toBe('2026-W02');
  });

  it('refuses a bad date, naming the path', () => {
    expect(issuesOf(() => toIsoWeek('2026-02-30'))).toEqual(['date: is not a calendar date (2026-02 has 28 days), received "2026-02-30"']);
  });
});

describe('calculateIsoWeeksInYear', () => {
  it('2026 has 53 weeks, 2025 and 2027 have 52, 2020 (leap, starts Wednesday) has 53', () => {
    expect([calculateIsoWeeksInYear(2025), calculateIsoWeeksInYear(2026), calculateIsoWeeksInYear(2027), calculateIsoWeeksInYear(2020)]).toEqual([52, 53, 52, 53]);
  });

  it('avoids the date-fns trap: the year asked about, not the ISO year of its last days', () => {
    // getISOWeeksInYear(2027-01-01) answers 53 because that date is in ISO year 2026; 2027 has 52.
    expect(calculateIsoWeeksInYear(2027)).toBe(52);
    expect(calculateIsoWeeksInYear(2004)).toBe(53);
    expect(calculateIsoWeeksInYear(2005)).toBe(52);
  });

  it('agrees with the rule "53 weeks when 1 January or 31 December is a Thursday" for 1900–2100', () => {
    for (let y = 1900; y <= 2100; y++) {
      const expected = zeller(y, 1, 1) === THURSDAY || zeller(y, 12, 31) === THURSDAY ? 53 : 52;
      expect(calculateIsoWeeksInYear(y), String(y)).toBe(expected);
    }
  });

  it('refuses a non-integer or out-of-range year', () => {
    expect(issuesOf(() => calculateIsoWeeksInYear(2026.5))).toEqual(['isoYear: must be a whole year, received 2026.5']);
    expect(errorOf(() => calculateIsoWeeksInYear(0)).code).toBe('out_of_range');
    expect(issuesOf(() => calculateIsoWeeksInYear(0))).toEqual(['isoYear: must be from 1 to 9998, received 0']);
    expect(issuesOf(() => calculateIsoWeeksInYear('2026' as unknown as number))).toEqual(['isoYear: must be a whole year, received 2026']);
  });
});

describe('defineGregorianCalendar', () => {
  it('a calendar year: quarters, months and the 53 ISO weeks that overlap 2026', () => {
    const c = defineGregorianCalendar({ year: 2026 });
    expect([c.system, c.period, c.fiscalYear, c.start, c.end, c.days]).toEqual(['gregorian', '2026', 2026, '2026-01-01', '2026-12-31', 365]);
    expect(c.quarters.map((q) => `${q.period} ${q.start}..${q.end} ${q.days}`)).toEqual([
      '2026-Q1 2026-01-01..2026-03-31 90',
      '2026-Q2 2026-04-01..2026-06-30 91',
      '2026-Q3 2026-07-01..2026-09-30 92',
      '2026-Q4 2026-10-01..2026-12-31 92',
    ]);
    expect(c.months.map((m) => m.period)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(c.months.map((m) => m.days)).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(c.weeks).toHaveLength(53);
    expect(c.weeks[0]).toEqual({ period: '2026-W01', kind: 'week', index: 1, start: '2025-12-29', end: '2026-01-04', days: 7, isoYear: 2026, isoWeek: 1 });
    expect(c.weeks[52]!.period).toBe('2026-W53');
    expect(c.retail).toBeNull();
    expect(Object.isFrozen(c) && Object.isFrozen(c.months) && Object.isFrozen(c.months[0])).toBe(true);
  });

  it('2025 overlaps 53 ISO weeks: 2025-W01 … 2025-W52 and 2026-W01 (which holds 29–31 December)', () => {
    const c = defineGregorianCalendar({ year: 2025 });
    expect(c.weeks.map((w) => w.period).slice(-2)).toEqual(['2025-W52', '2026-W01']);
    expect(c.weeks[0]!.start).toBe('2024-12-30');
  });

  it('a leap year has 366 days and a 29-day February', () => {
    const c = defineGregorianCalendar({ year: 2024 });
    expect([c.days, c.months[1]!.days, c.quarters[0]!.days]).toEqual([366, 29, 91]);
  });

  it('a fiscal year from April is named by its starting year (most of its months), quarters FY-prefixed', () => {
    const c = defineGregorianCalendar({ start: '2025-04-01' });
    expect([c.period, c.fiscalYear, c.start, c.end]).toEqual(['FY2025', 2025, '2025-04-01', '2026-03-31']);
    expect(c.quarters.map((q) => q.period)).toEqual(['FY2025-Q1', 'FY2025-Q2', 'FY2025-Q3', 'FY2025-Q4']);
    expect(c.months.map((m) => m.period)[0]).toBe('2025-04');
    expect(c.months.map((m) => m.period)[11]).toBe('2026-03');
  });

  it('a fiscal year from October is named by the next year (US federal FY2026), or as told', () => {
    expect(defineGregorianCalendar({ start: '2025-10-01' }).period).toBe('FY2026');
    expect(defineGregorianCalendar({ start: '2025-07-01' }).period).toBe('FY2025');
    expect(defineGregorianCalendar({ start: '2025-08-01' }).period).toBe('FY2026');
    expect(defineGregorianCalendar({ start: '2025-07-01', fiscalYear: 2026 }).period).toBe('FY2026');
    expect(defineGregorianCalendar({ start: '2026-01-01' }).period).toBe('2026');
    expect(defineGregorianCalendar({ start: new Date(Date.UTC(2026, 0, 1)) }).period).toBe('2026');
  });

  it('refuses bad specs, naming the path', () => {
    expect(issuesOf(() => defineGregorianCalendar({ start: '2025-04-15' }))).toEqual(['start: must be the first day of a month, received "2025-04-15"']);
    expect(issuesOf(() => defineGregorianCalendar({} as { year: number }))).toEqual(['year: is required (a number), or give start for a fiscal year']);
    expect(issuesOf(() => defineGregorianCalendar({ year: 2026, start: '2026-01-01' } as { year: number }))).toEqual(['start: give either year or start, not both']);
    expect(issuesOf(() => defineGregorianCalendar({ year: 2026, fiscalYear: 2026 } as { year: number }))).toEqual([
      'fiscalYear: goes with start; a calendar year is named by its year',
    ]);
    expect(issuesOf(() => defineGregorianCalendar({ year: 2026.5 }))).toEqual(['year: must be a whole year, received 2026.5']);
    expect(issuesOf(() => defineGregorianCalendar({ year: 999 }))).toEqual(['year: must be at least 1000, received 999']);
    expect(issuesOf(() => defineGregorianCalendar({ yaer: 2026 } as unknown as { year: number }))).toEqual(['yaer: is not a known field; did you mean `year`?']);
  });
});

describe('defineNrfCalendar', () => {
  it('fiscal 2017 runs from 2017-01-29 to 2018-02-03, 53 weeks, the 53rd in January (NRF)', () => {
    const c = defineNrfCalendar(2017);
    expect([c.period, c.start, c.end, c.days]).toEqual(['FY2017', '2017-01-29', '2018-02-03', 371]);
    expect(c.retail).toEqual({
      pattern: '4-5-4',
      yearEnd: { weekday: 'saturday', rule: 'nearest', month: 1 },
      leapWeek: 'last-month',
      naming: 'majority',
      weeksInYear: 53,
      leapWeekPeriod: 'FY2017-P12',
      droppedWeek: null,
    });
    expect(c.months.map((m) => m.weeks)).toEqual([4, 5, 4, 4, 5, 4, 4, 5, 4, 4, 5, 5]);
    expect(c.quarters.map((q) => q.weeks)).toEqual([13, 13, 13, 14]);
  });

  it("53-week years are exactly NRF's list 1995, 2000, 2006, 2012, 2017, 2023, then 2028, between 1994 and 2033", () => {
    const long: number[] = [];
    for (let y = 1994; y <= 2033; y++) if (defineNrfCalendar(y).retail!.weeksInYear === 53) long.push(y);
    expect(long).toEqual([1995, 2000, 2006, 2012, 2017, 2023, 2028]);
  });

  it('consecutive NRF years tile the calendar: each starts the day after the previous ends', () => {
    for (let y = 2000; y <= 2030; y++) {
      const prevEnd = new Date(`${defineNrfCalendar(y).end}T00:00:00Z`).getTime();
      const nextStart = new Date(`${defineNrfCalendar(y + 1).start}T00:00:00Z`).getTime();
      expect(nextStart - prevEnd).toBe(86_400_000);
    }
  });

  it('fiscal 2026 runs from 2026-02-01 to 2027-01-30 (the Saturday nearest 31 January 2027)', () => {
    const c = defineNrfCalendar(2026);
    expect([c.start, c.end, c.retail!.weeksInYear]).toEqual(['2026-02-01', '2027-01-30', 52]);
    expect(c.weeks.map((w) => w.period).slice(0, 2)).toEqual(['FY2026-W01', 'FY2026-W02']);
    expect(c.months[0]).toEqual({ period: 'FY2026-P01', kind: 'month', index: 1, start: '2026-02-01', end: '2026-02-28', days: 28, weeks: 4 });
  });

  it('refuses a bad fiscal year', () => {
    expect(issuesOf(() => defineNrfCalendar(20.5))).toEqual(['fiscalYear: must be a whole year, received 20.5']);
  });
});

describe('defineRetailCalendar', () => {
  const dec = { weekday: 'saturday', rule: 'last', month: 12 } as const;

  it('4-4-5, 4-5-4 and 5-4-4 patterns give their weeks per month', () => {
    expect(defineRetailCalendar({ fiscalYear: 2026, pattern: '4-4-5', yearEnd: dec }).months.map((m) => m.weeks)).toEqual([4, 4, 5, 4, 4, 5, 4, 4, 5, 4, 4, 5]);
    expect(defineRetailCalendar({ fiscalYear: 2026, pattern: '5-4-4', yearEnd: dec }).months.map((m) => m.weeks)).toEqual([5, 4, 4, 5, 4, 4, 5, 4, 4, 5, 4, 4]);
  });

  it('a year ending on the last Saturday of December: 2025-12-28 to 2026-12-26', () => {
    // Last Saturdays of December: 2025-12-27 and 2026-12-26 (by the calendar).
    const c = defineRetailCalendar({ fiscalYear: 2026, pattern: '4-4-5', yearEnd: dec });
    expect([c.period, c.start, c.end, c.retail!.weeksInYear]).toEqual(['FY2026', '2025-12-28', '2026-12-26', 52]);
  });

  it("'last' vs 'nearest': 31 December 2026 is a Thursday, so the nearest Saturday is 2027-01-02", () => {
    // 2026-12-31 is a Thursday: Saturday 2027-01-02 is 2 days after, 2026-12-26 is 5 before.
    // 2025-12-31 is a Wednesday: Saturday 2026-01-03 is 3 days after, 2025-12-27 is 4 before.
    const c = defineRetailCalendar({ fiscalYear: 2026, pattern: '4-4-5', yearEnd: { weekday: 'saturday', rule: 'nearest', month: 12 } });
    expect([c.start, c.end, c.retail!.weeksInYear]).toEqual(['2026-01-04', '2027-01-02', 52]);
    // 2020-12-31 is a Thursday too, and 2019-12-31 a Tuesday (nearest Saturday 2019-12-28): 53 weeks.
    const long = defineRetailCalendar({ fiscalYear: 2020, pattern: '4-4-5', yearEnd: { weekday: 'saturday', rule: 'nearest', month: 12 } });
    expect([long.start, long.end, long.retail!.weeksInYear]).toEqual(['2019-12-29', '2021-01-02', 53]);
  });

  it('the 53rd week can go to a named month', () => {
    const c = defineRetailCalendar({ fiscalYear: 2017, pattern: '4-5-4', yearEnd: { weekday: 'saturday', rule: 'nearest', month: 1 }, leapWeek: { month: 3 } });
    expect(c.months.map((m) => m.weeks)).toEqual([4, 5, 5, 4, 5, 4, 4, 5, 4, 4, 5, 4]);
    expect(c.retail!.leapWeekPeriod).toBe('FY2017-P03');
    expect(c.quarters[0]!.days).toBe(98);
  });

  it("'restate' drops the 53-week year's first week and keeps 52", () => {
    const c = defineRetailCalendar({ fiscalYear: 2017, pattern: '4-5-4', yearEnd: { weekday: 'saturday', rule: 'nearest', month: 1 }, leapWeek: 'restate' });
    expect([c.start, c.end, c.weeks.length, c.days]).toEqual(['2017-02-05', '2018-02-03', 52, 364]);
    expect(c.retail!.droppedWeek).toEqual({ start: '2017-01-29', end: '2017-02-04' });
    expect(c.retail!.leapWeekPeriod).toBeNull();
  });

  it("'restate' changes nothing in a 52-week year", () => {
    const c = defineRetailCalendar({ fiscalYear: 2018, pattern: '4-5-4', yearEnd: { weekday: 'saturday', rule: 'nearest', month: 1 }, leapWeek: 'restate' });
    expect([c.start, c.end, c.retail!.droppedWeek]).toEqual(['2018-02-04', '2019-02-02', null]);
  });

  it("naming 'end' names the year by the calendar year it ends in (Walmart's FY2018 ends 2018-01-31... on the nearest Saturday, 2018-02-03)", () => {
    const c = defineRetailCalendar({ fiscalYear: 2018, pattern: '4-5-4', yearEnd: { weekday: 'saturday', rule: 'nearest', month: 1 }, naming: 'end' });
    expect([c.period, c.start, c.end]).toEqual(['FY2018', '2017-01-29', '2018-02-03']);
  });

  it('a year ending in September (July–December end) is named by the year it ends in', () => {
    // The last Saturday of September 2026 is 2026-09-26.
    const c = defineRetailCalendar({ fiscalYear: 2026, pattern: '4-4-5', yearEnd: { weekday: 'saturday', rule: 'last', month: 9 } });
    expect(c.end).toBe('2026-09-26');
  });

  it('weeks end on the year-end weekday', () => {
    const c = defineRetailCalendar({ fiscalYear: 2026, pattern: '4-4-5', yearEnd: { weekday: 'friday', rule: 'last', month: 6 } });
    // Last Friday of June 2027 is 2027-06-25; of June 2026, 2026-06-26.
    expect([c.start, c.end]).toEqual(['2026-06-27', '2027-06-25']);
  });

  it('refuses an unknown pattern, weekday, rule or month, naming the path', () => {
    expect(issuesOf(() => defineRetailCalendar({ fiscalYear: 2026, pattern: '4-4-4' as '4-4-5', yearEnd: dec }))).toEqual([
      "pattern: must be one of '4-4-5', '4-5-4', '5-4-4', received \"4-4-4\"",
    ]);
    expect(
      issuesOf(() => defineRetailCalendar({ fiscalYear: 2026, pattern: '4-4-5', yearEnd: { weekday: 'Saturday' as 'saturday', rule: 'closest' as 'last', month: 13 } })),
    ).toEqual([
      "yearEnd.weekday: must be one of 'sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', received \"Saturday\"",
      "yearEnd.rule: must be one of 'nearest', 'last', received \"closest\"",
      'yearEnd.month: must be at most 12, received 13',
    ]);
    expect(issuesOf(() => defineRetailCalendar({ fiscalYear: 2026, pattern: '4-4-5', yearEnd: dec, leapWeek: 'first' as 'restate' }))).toEqual([
      'leapWeek: must be \'last-month\', \'restate\' or { month: 1–12 }, received "first"',
    ]);
    expect(issuesOf(() => defineRetailCalendar({ fiscalYear: 2026, pattern: '4-4-5', yearEnd: dec, leapWeek: { month: 0 } }))).toEqual([
      'leapWeek.month: must be at least 1, received 0',
    ]);
  });
});
