// trackTarget's figures at the edges the other tests leave out: a period whose first day is asOf,
// the year's first day, a month before it, actuals given out of order, parents rolled up from some
// of their months, working days at a month's end. Every figure is derived by hand in a comment.
import { describe, expect, it } from 'vitest';
import { cascadeTarget, defineGregorianCalendar, trackTarget } from 'dealerkit/targets';
import { errorOf } from './helpers.js';

const y2026 = defineGregorianCalendar({ year: 2026 });
// 1,200 over quarters (300 each) and months (100 each).
const monthly = cascadeTarget({ calendar: y2026, levels: ['quarter', 'month'], spread: 'even' }, 1200);
const plain = (x: unknown) => JSON.parse(JSON.stringify(x));

describe('trackTarget on the first day of a period', () => {
  it('February is open (not future) on 1 February and due for its first day; every period stands as derived', () => {
    const p = trackTarget(monthly, { '2026-01': 90 }, { asOf: '2026-02-01' });
    // February: 100 × 1 / 28 = 3.57… → 4 (half-up); due to date 100 (January) + 4 = 104.
    // Days: 1 January to 1 February = 32 elapsed, 365 − 32 = 333 left.
    // Attainment 90 / 104 = 45 / 52 = 0.865384615384… → 0.8653846154 at 10 places.
    // Run rate 90 × 365 / 32 = 1,026.5625 → 1,027. Plan forecast 90 + (1,200 − 104) = 1,186.
    // Remaining 1,200 − 90 = 1,110; required rate 1,110 / 1,096 = 1.01277372262… → 1.0127737226;
    // per day 1,110 / 333 = 3.33… → 3. Gap 104 − 90 = 14.
    expect(
      [p.elapsedDays, p.remainingDays, ...[p.expectedToDate, p.actualToDate, p.attainment, p.runRateForecast, p.planForecast, p.remaining, p.requiredRate, p.requiredPerDay, p.gap].map(String)],
    ).toEqual([32, 333, '104', '90', '0.8653846154', '1027', '1186', '1110', '1.0127737226', '3', '14']);
    // Q1 has started and February has no actual: Q1's actual is unknown. Q2 has not started: its
    // actual is unknown too (no month of it has started), never 0.
    expect(plain(p.periods.slice(0, 6))).toEqual([
      { period: '2026-Q1', kind: 'quarter', parent: null, start: '2026-01-01', end: '2026-03-31', status: 'open', target: '300', expectedToDate: '104', actualToDate: null, attainment: null, gap: null },
      // 90 / 100 = 0.9; 100 − 90 = 10.
      { period: '2026-01', kind: 'month', parent: '2026-Q1', start: '2026-01-01', end: '2026-01-31', status: 'closed', target: '100', expectedToDate: '100', actualToDate: '90', attainment: '0.9', gap: '10' },
      { period: '2026-02', kind: 'month', parent: '2026-Q1', start: '2026-02-01', end: '2026-02-28', status: 'open', target: '100', expectedToDate: '4', actualToDate: null, attainment: null, gap: null },
      { period: '2026-03', kind: 'month', parent: '2026-Q1', start: '2026-03-01', end: '2026-03-31', status: 'future', target: '100', expectedToDate: '0', actualToDate: null, attainment: null, gap: null },
      { period: '2026-Q2', kind: 'quarter', parent: null, start: '2026-04-01', end: '2026-06-30', status: 'future', target: '300', expectedToDate: '0', actualToDate: null, attainment: null, gap: null },
      { period: '2026-04', kind: 'month', parent: '2026-Q2', start: '2026-04-01', end: '2026-04-30', status: 'future', target: '100', expectedToDate: '0', actualToDate: null, attainment: null, gap: null },
    ]);
    expect(plain(p.steps[0])).toEqual({ code: 'prorate', period: '2026-02', target: '100', elapsed: 1, of: 28, unit: 'days', expected: '4', text: '2026-02 is under way: 100 × 1 / 28 days = 4 due so far.' });
    // February started on asOf itself: it is missing.
    expect(p.warnings).toEqual([
      { code: 'missing-actual', message: '2026-02 has started but has no actual (given or summed from its sub-periods): actualToDate counts it as 0', path: ['actuals'] },
    ]);
  });

  it("on the year's first day one day has elapsed; a month before it none has", () => {
    const first = trackTarget(monthly, { '2026-01': 5 }, { asOf: '2026-01-01' });
    // 1 day elapsed, 364 left; run rate 5 × 365 / 1 = 1,825; January due 100 × 1 / 31 = 3.2… → 3.
    expect([first.elapsedDays, first.remainingDays, String(first.runRateForecast), String(first.expectedToDate)]).toEqual([1, 364, '1825', '3']);
    const early = trackTarget(monthly, {}, { asOf: '2025-12-01' });
    // Nothing elapsed, all 365 days left; per day 1,200 / 365 = 3.28… → 3.
    expect([early.elapsedDays, early.remainingDays, early.runRateForecast, String(early.requiredPerDay)]).toEqual([0, 365, null, '3']);
    expect(early.steps.find((s) => s.code === 'run-rate-forecast')!.text).toBe('Run-rate forecast: none before the year starts.');
  });
});

describe('trackTarget reads actuals in date order', () => {
  it('lists them by start whatever the order of the keys', () => {
    const p = trackTarget(monthly, { '2026-03': 80, '2026-01': 90, '2026-02': 120 }, { asOf: '2026-03-31' });
    expect(plain(p.steps.find((s) => s.code === 'actual-to-date'))).toEqual({
      code: 'actual-to-date',
      actuals: [
        { period: '2026-01', actual: '90' },
        { period: '2026-02', actual: '120' },
        { period: '2026-03', actual: '80' },
      ],
      // 90 + 120 + 80
      actualToDate: '290',
      text: 'Actual to date: 90 (2026-01) + 120 (2026-02) + 80 (2026-03) = 290.',
    });
  });

  it('of two actuals starting the same day, the later given is the one that overlaps', () => {
    // Q1 and January both start 1 January; Q1 was given first, so January overlaps it.
    const e = errorOf(() => trackTarget(monthly, { '2026-Q1': 1, '2026-01': 1 }, { asOf: '2026-02-01' }));
    expect(e.code).toBe('invalid_input');
    expect(e.issues).toEqual([
      { path: ['actuals', '2026-01'], code: 'duplicate', message: "overlaps 2026-Q1, also given (each day's sales may be counted once)" },
    ]);
  });

  it('a period starting on the last day of another given period overlaps it (one day shared)', () => {
    // Weeks cut at month ends: 2026-W36 starts on Monday 31 August, so its August part is that one day.
    const weekly = cascadeTarget({ calendar: y2026, levels: ['month', 'week'], weeks: 'split', spread: 'even' }, 5200);
    const e = errorOf(() => trackTarget(weekly, { '2026-08': 1, '2026-W36@2026-08': 1 }, { asOf: '2026-09-30' }));
    expect(e.code).toBe('invalid_input');
    expect(e.issues).toEqual([
      { path: ['actuals', '2026-W36@2026-08'], code: 'duplicate', message: "overlaps 2026-08, also given (each day's sales may be counted once)" },
    ]);
  });
});

describe("trackTarget rolls a parent's actual up from the sub-periods that have started", () => {
  it('Q1 is January + February while March has not started', () => {
    const p = trackTarget(monthly, { '2026-01': 90, '2026-02': 120 }, { asOf: '2026-02-14' });
    const q1 = p.periods.find((x) => x.period === '2026-Q1')!;
    // Due: 100 + 100 × 14 / 28 = 150. Actual 90 + 120 = 210; attainment 210 / 150 = 1.4; gap 150 − 210 = −60.
    expect([q1.expectedToDate, q1.actualToDate, q1.attainment, q1.gap].map(String)).toEqual(['150', '210', '1.4', '-60']);
    expect(p.warnings).toEqual([]);
  });

  it('Q1 is unknown from 1 March: March has started without an actual', () => {
    const p = trackTarget(monthly, { '2026-01': 90, '2026-02': 120 }, { asOf: '2026-03-01' });
    const q1 = p.periods.find((x) => x.period === '2026-Q1')!;
    expect([q1.status, q1.actualToDate, q1.attainment, q1.gap]).toEqual(['open', null, null, null]);
  });
});

describe('trackTarget on working days', () => {
  // No holidays: 2026 has 261 weekdays; 2,610 gives every month 10 per working day exactly.
  const wd = cascadeTarget({ calendar: y2026, levels: ['month'], spread: 'workdays' }, 2610);

  it("April's working days: 6 of 22 by Wednesday 8 April (1 May, the next day, is no part of April)", () => {
    // April 2026 starts on a Wednesday: 1–3, 6–10, 13–17, 20–24, 27–30 = 22 working days, target 220.
    // By the 8th: 1, 2, 3, 6, 7, 8 = 6. Due 220 × 6 / 22 = 60.
    // January 22, February 20, March 22 working days: 220 + 200 + 220 = 640 before April; 700 in all.
    const p = trackTarget(wd, {}, { asOf: '2026-04-08' });
    expect(String(p.expectedToDate)).toBe('700');
    expect(plain(p.steps[0])).toEqual({
      code: 'prorate',
      period: '2026-04',
      target: '220',
      elapsed: 6,
      of: 22,
      unit: 'working days',
      expected: '60',
      text: '2026-04 is under way: 220 × 6 / 22 working days = 60 due so far.',
    });
  });

  it('a two-day weekend part of a week has no working day: it is prorated by days', () => {
    const weeks = cascadeTarget({ calendar: y2026, levels: ['month', 'week'], weeks: 'split', spread: 'workdays' }, 2610);
    // 2026-W31@2026-08 is Saturday 1 and Sunday 2 August: no working day, so its target is 0,
    // due 0 × 1 / 2 days = 0, by days.
    const p = trackTarget(weeks, {}, { asOf: '2026-08-01' });
    expect(plain(p.steps[0])).toEqual({
      code: 'prorate',
      period: '2026-W31@2026-08',
      target: '0',
      elapsed: 1,
      of: 2,
      unit: 'days',
      expected: '0',
      text: '2026-W31@2026-08 is under way: 0 × 1 / 2 days = 0 due so far.',
    });
    // January to July: 22 + 20 + 22 + 22 + 21 + 22 + 23 = 152 working days × 10 = 1,520.
    expect(String(p.expectedToDate)).toBe('1520');
  });
});

describe("trackTarget on a 'direct' cascade", () => {
  it('tracks one whose levels each sum to the total', () => {
    const direct = cascadeTarget({ calendar: y2026, levels: ['quarter', 'month'], spread: 'even', path: 'direct' }, 1200);
    const p = trackTarget(plain(direct), { '2026-01': 90 }, { asOf: '2026-01-31' });
    // 90 / 100 = 0.9.
    expect([p.expectedToDate, p.actualToDate, p.attainment].map(String)).toEqual(['100', '90', '0.9']);
  });
});

describe('trackTarget reads the rounding mode of a cascade read back from JSON', () => {
  it('half-up when the cascade gives none', () => {
    const back = plain(monthly);
    back.rounding = { scale: 0 };
    const p = trackTarget(back, {}, { asOf: '2026-02-15' });
    // February: 100 × 15 / 28 = 53.57… → 54 half-up; 100 + 54 = 154.
    expect([p.rounding, String(p.expectedToDate)]).toEqual([{ scale: 0, mode: 'half-up' }, '154']);
  });
});
