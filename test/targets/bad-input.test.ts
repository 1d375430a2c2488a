import { describe, expect, it } from 'vitest';
import { cascadeTarget, cascadeTargets, gregorianCalendar, retailCalendar, type CascadeTargetSpec } from 'dealerkit/targets';
import { errorOf, issuesOf, times } from './helpers.js';

const y2026 = gregorianCalendar({ year: 2026 });
const base: CascadeTargetSpec = { total: 1000, calendar: y2026, levels: ['month'], spread: 'even', scale: 0 };
const bad = (patch: Record<string, unknown>) => () => cascadeTarget({ ...base, ...patch } as CascadeTargetSpec);

describe('cascadeTarget refuses bad input, naming the path', () => {
  it('weeks under quarters on a Gregorian calendar without a week rule', () => {
    expect(issuesOf(bad({ levels: ['quarter', 'week'] }))).toEqual([
      "levels[1]: 'week' does not nest in 'quarter' on a Gregorian calendar (ISO weeks straddle months and the year's ends); set weeks to 'split' (cut at month ends) or 'thursday' (each week whole, in the month of its Thursday)",
    ]);
    expect(issuesOf(bad({ levels: ['week'] }))[0]).toMatch(/^levels\[0\]: 'week' does not nest in the year 2026 on a Gregorian calendar/);
  });

  it('levels out of order, repeated, unknown or empty', () => {
    expect(issuesOf(bad({ levels: ['month', 'quarter'] }))).toEqual(["levels[1]: must be finer than 'month' (levels go coarsest first, each once), received 'quarter'"]);
    expect(issuesOf(bad({ levels: ['month', 'month'] }))).toEqual(["levels[1]: must be finer than 'month' (levels go coarsest first, each once), received 'month'"]);
    expect(issuesOf(bad({ levels: ['day'] }))).toEqual(["levels[0]: must be one of 'quarter', 'month', 'week', received \"day\""]);
    expect(issuesOf(bad({ levels: [] }))).toEqual(['levels: must hold at least 1 item']);
  });

  it('a week rule where it does not apply', () => {
    expect(issuesOf(bad({ weeks: 'split' }))).toEqual(["weeks: is only used when levels include 'week'"]);
    expect(issuesOf(bad({ calendar: retailCalendar.nrf(2026), levels: ['week'], weeks: 'thursday' }))).toEqual([
      'weeks: applies to Gregorian calendars only: retail weeks never straddle two months',
    ]);
    expect(issuesOf(bad({ levels: ['week'], weeks: 'monday' }))).toEqual(["weeks: must be one of 'split', 'thursday', received \"monday\""]);
  });

  it('a profile of the wrong length or with negative weights', () => {
    expect(issuesOf(bad({ spread: { profile: times(11, 1) } }))).toEqual([
      'spread.profile: must hold one weight per quarter (4), month (12) or week (53) of 2026, received 11',
    ]);
    expect(issuesOf(bad({ spread: { profile: [1, 1, 1, -1, 1, 1, 1, 1, 1, 1, 1, 1] } }))).toEqual(['spread.profile[3]: must not be negative, received -1']);
    expect(issuesOf(bad({ spread: { profile: times(12, 0) } }))).toEqual(['spread.profile: must not be all zero']);
    expect(issuesOf(bad({ spread: { profile: {} } }))).toEqual(['spread.profile: must hold at least one period']);
    expect(issuesOf(bad({ spread: { profile: { '2026-13': 1 } } }))).toEqual(['spread.profile["2026-13"]: is not a quarter, month or week of 2026']);
    expect(issuesOf(bad({ spread: { profile: { '2026-01': 1, '2026-Q2': 1 } } }))).toEqual([
      'spread.profile["2026-Q2"]: is not one of the months of 2026 (the first key, 2026-01, makes this a month profile)',
    ]);
    expect(issuesOf(bad({ spread: { profile: { '2026-Q1': 1, '2026-Q2': 1 } } }))).toEqual(['spread.profile: lacks weights for 2026-Q3, 2026-Q4']);
    expect(issuesOf(bad({ spread: { reference: { '2026-Q1': 1, '2026-Q2': 1, '2026-Q3': 1 } } }))).toEqual(['spread.reference: lacks a weight for 2026-Q4']);
  });

  it('an unknown spread, or one spread per level of the wrong count', () => {
    expect(issuesOf(bad({ spread: 'weekly' }))).toEqual(['spread: must be \'even\', \'days\', \'workdays\', { profile } or { reference }, received "weekly"']);
    expect(issuesOf(bad({ spread: ['even', 'days'] }))).toEqual(['spread: must hold one spread per level (1), received 2']);
    expect(issuesOf(bad({ spread: { reference: times(12, 1), fallback: 'profile' } }))).toEqual([
      "spread.fallback: must be one of 'even', 'days', 'workdays', received \"profile\"",
    ]);
    expect(issuesOf(bad({ spread: { profil: times(12, 1) } }))).toEqual([
      'spread.profile: is required (an array of weights or an object of weights by period id)',
      'spread.profil: is not a known field',
    ]);
    expect(issuesOf(bad({ spread: { profile: 'flat' } }))).toEqual(['spread.profile: must be an array of weights or an object of weights by period id']);
  });

  it('a holiday outside the year, an extra working day that is already one', () => {
    expect(issuesOf(bad({ workdays: { holidays: ['2026-05-01', '2027-01-01'] } }))).toEqual([
      'workdays.holidays[1]: is outside the plan (2026-01-01 to 2026-12-31), received 2027-01-01',
    ]);
    expect(errorOf(bad({ workdays: { holidays: ['2025-12-31'] } })).code).toBe('out_of_range');
    expect(issuesOf(bad({ workdays: { extraWorkdays: ['2026-01-05'] } }))).toEqual(['workdays.extraWorkdays[0]: is a working day already (monday), received 2026-01-05']);
    expect(issuesOf(bad({ workdays: { holidays: ['2026-01-03'], extraWorkdays: ['2026-01-03'] } }))).toEqual([
      'workdays.extraWorkdays[0]: is also listed as a holiday, received 2026-01-03',
    ]);
    expect(issuesOf(bad({ workdays: { weekend: ['sat'] } }))[0]).toMatch(/^workdays\.weekend\[0\]: must be one of 'sunday'/);
    expect(issuesOf(bad({ workdays: { holidays: ['2026-02-30'] } }))).toEqual([
      'workdays.holidays[0]: is not a calendar date (2026-02 has 28 days), received "2026-02-30"',
    ]);
  });

  it('holidays in the edge weeks are allowed under thursday (the plan covers them)', () => {
    const c = cascadeTarget({ ...base, levels: ['week'], weeks: 'thursday', workdays: { holidays: ['2025-12-31'] } });
    expect(c.periods[0]!.workdays).toBe(4);
  });

  it('a scale below 0, a total below 0 or with too many decimals', () => {
    expect(issuesOf(bad({ scale: -1 }))).toEqual(['scale: must be at least 0, received -1']);
    expect(issuesOf(bad({ scale: 1.5 }))).toEqual(['scale: must be a whole number of decimal places, received 1.5']);
    expect(issuesOf(bad({ total: -1 }))).toEqual(['total: must not be negative, received -1']);
    expect(issuesOf(bad({ total: '10.25', scale: 1 }))).toEqual(['total: has more than 1 decimal places (10.25); round it to the scale first']);
    expect(issuesOf(bad({ total: 'lots' }))).toEqual(['total: must be a number or a numeric string, received "lots"']);
  });

  it('an unknown calendar pattern or a calendar that is not one', () => {
    expect(
      issuesOf(bad({ calendar: { system: 'retail', fiscalYear: 2026, pattern: '4-4-4', yearEnd: { weekday: 'saturday', rule: 'last', month: 12 } } })),
    ).toEqual(["calendar.pattern: must be one of '4-4-5', '4-5-4', '5-4-4', received \"4-4-4\""]);
    expect(issuesOf(bad({ calendar: { system: 'julian', year: 2026 } }))).toEqual([
      "calendar.system: must be one of 'gregorian', 'retail', 'nrf', received \"julian\"",
    ]);
    expect(issuesOf(bad({ calendar: { system: 'gregorian', start: '2026-01-02' } }))).toEqual(['calendar.start: must be the first day of a month, received "2026-01-02"']);
    expect(issuesOf(bad({ calendar: { ...y2026 } }))[0]).toMatch(/^calendar/);
    expect(issuesOf(bad({ calendar: 2026 }))).toEqual(['calendar: must be a calendar from gregorianCalendar or retailCalendar, or a calendar spec with a system']);
  });

  it('a typo in a field', () => {
    expect(issuesOf(bad({ levles: ['month'] }))).toEqual(['levles: is not a known field']);
  });

  it('cascadeTargets names the total that fails', () => {
    expect(issuesOf(() => cascadeTargets([1, -2], { calendar: y2026, levels: ['month'], spread: 'even', scale: 0 }))).toEqual([
      'totals[1]: must not be negative, received -2',
    ]);
    expect(issuesOf(() => cascadeTargets('1' as never, { calendar: y2026, levels: ['month'], spread: 'even', scale: 0 }))).toEqual(['totals: must be an array of totals']);
    expect(issuesOf(() => cascadeTargets([1], { calendar: y2026, levels: ['month'], spread: 'even', scale: -1 }))).toEqual(['scale: must be at least 0, received -1']);
  });
});
