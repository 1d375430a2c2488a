import { describe, expect, it } from 'vitest';
import {
  adjustTarget,
  calculateIsoWeeksInYear,
  cascadeTarget,
  defineGregorianCalendar,
  defineNrfCalendar,
  type CascadeTargetSpec,
} from 'dealerkit/targets';
import { codesOf, errorOf, issuesOf, times } from './helpers.js';

const y2026 = defineGregorianCalendar({ year: 2026 });
const base: CascadeTargetSpec = { calendar: y2026, levels: ['month'], spread: 'even' };
const bad = (patch: Record<string, unknown>, total: unknown = 1000) => () => cascadeTarget({ ...base, ...patch } as CascadeTargetSpec, total as number);

describe('cascadeTarget refuses bad input, naming the path and the issue code', () => {
  it('weeks under quarters on a Gregorian calendar without a week rule: inconsistent', () => {
    expect(issuesOf(bad({ levels: ['quarter', 'week'] }))).toEqual([
      "levels[1]: 'week' does not nest in 'quarter' on a Gregorian calendar (ISO weeks straddle months and the year's ends); set weeks to 'split' (cut at month ends) or 'thursday' (each week whole, in the month of its Thursday)",
    ]);
    expect(codesOf(bad({ levels: ['quarter', 'week'] }))).toEqual([['levels[1]', 'inconsistent']]);
    expect(issuesOf(bad({ levels: ['week'] }))[0]).toMatch(/^levels\[0\]: 'week' does not nest in the year 2026 on a Gregorian calendar/);
  });

  it('levels out of order (not_ascending), repeated (duplicate), unknown (invalid_value) or empty (too_short)', () => {
    expect(issuesOf(bad({ levels: ['month', 'quarter'] }))).toEqual(["levels[1]: must be finer than 'month' (levels go coarsest first, each once), received 'quarter'"]);
    expect(codesOf(bad({ levels: ['month', 'quarter'] }))).toEqual([['levels[1]', 'not_ascending']]);
    expect(issuesOf(bad({ levels: ['month', 'month'] }))).toEqual(["levels[1]: repeats 'month' (levels go coarsest first, each once)"]);
    expect(codesOf(bad({ levels: ['quarter', 'month', 'quarter'] }))).toEqual([['levels[2]', 'duplicate']]);
    expect(issuesOf(bad({ levels: ['day'] }))).toEqual(["levels[0]: must be one of 'quarter', 'month', 'week', received \"day\""]);
    expect(codesOf(bad({ levels: ['day'] }))).toEqual([['levels[0]', 'invalid_value']]);
    expect(issuesOf(bad({ levels: [] }))).toEqual(['levels: must hold at least 1 item']);
    expect(codesOf(bad({ levels: [] }))).toEqual([['levels', 'too_short']]);
  });

  it('a week rule where it does not apply: inconsistent', () => {
    expect(issuesOf(bad({ weeks: 'split' }))).toEqual(["weeks: is only used when levels include 'week'"]);
    expect(issuesOf(bad({ calendar: defineNrfCalendar(2026), levels: ['week'], weeks: 'thursday' }))).toEqual([
      'weeks: applies to Gregorian calendars only: retail weeks never straddle two months',
    ]);
    expect(codesOf(bad({ calendar: defineNrfCalendar(2026), levels: ['week'], weeks: 'thursday' }))).toEqual([['weeks', 'inconsistent']]);
    expect(codesOf(bad({ weeks: 'split' }))).toEqual([['weeks', 'inconsistent']]);
    expect(issuesOf(bad({ levels: ['week'], weeks: 'monday' }))).toEqual(["weeks: must be one of 'split', 'thursday', received \"monday\""]);
  });

  it('a profile of the wrong length, with negative weights, all zero, empty, unknown or missing periods', () => {
    expect(issuesOf(bad({ spread: { profile: times(11, 1) } }))).toEqual([
      'spread.profile: must hold one weight per quarter (4), month (12) or week (53) of 2026, received 11',
    ]);
    expect(errorOf(bad({ spread: { profile: times(11, 1) } })).issues[0]).toMatchObject({ code: 'invalid_value', expected: '4, 12 or 53 weights', received: '11 weights' });
    expect(issuesOf(bad({ spread: { profile: [1, 1, 1, -1, 1, 1, 1, 1, 1, 1, 1, 1] } }))).toEqual(['spread.profile[3]: must not be negative, received -1']);
    expect(codesOf(bad({ spread: { profile: [1, 1, 1, -1, 1, 1, 1, 1, 1, 1, 1, 1] } }))).toEqual([['spread.profile[3]', 'out_of_range']]);
    expect(issuesOf(bad({ spread: { profile: times(12, 0) } }))).toEqual(['spread.profile: must not be all zero']);
    expect(codesOf(bad({ spread: { profile: times(12, 0) } }))).toEqual([['spread.profile', 'out_of_range']]);
    expect(issuesOf(bad({ spread: { profile: {} } }))).toEqual(['spread.profile: must hold at least one period']);
    expect(codesOf(bad({ spread: { profile: {} } }))).toEqual([['spread.profile', 'too_short']]);
    expect(issuesOf(bad({ spread: { profile: { '2026-13': 1 } } }))).toEqual(['spread.profile[2026-13]: is not a quarter, month or week of 2026']);
    expect(codesOf(bad({ spread: { profile: { '2026-13': 1 } } }))).toEqual([['spread.profile[2026-13]', 'unknown_label']]);
    expect(issuesOf(bad({ spread: { profile: { '2026-01': 1, '2026-Q2': 1 } } }))).toEqual([
      'spread.profile[2026-Q2]: is not one of the months of 2026 (the first key, 2026-01, makes this a month profile)',
    ]);
    expect(issuesOf(bad({ spread: { profile: { '2026-Q1': 1, '2026-Q2': 1 } } }))).toEqual(['spread.profile: lacks weights for 2026-Q3, 2026-Q4']);
    expect(codesOf(bad({ spread: { profile: { '2026-Q1': 1, '2026-Q2': 1 } } }))).toEqual([['spread.profile', 'required']]);
    expect(issuesOf(bad({ spread: { reference: { '2026-Q1': 1, '2026-Q2': 1, '2026-Q3': 1 } } }))).toEqual(['spread.reference: lacks a weight for 2026-Q4']);
  });

  it('period ids that are names of Object.prototype are read as ids, not inherited properties', () => {
    // zod drops a `__proto__` key; it is read here and refused like any other unknown period.
    const profile = JSON.parse('{"2026-Q1": 1, "2026-Q2": 1, "2026-Q3": 1, "2026-Q4": 1, "__proto__": 1}') as Record<string, number>;
    expect(codesOf(bad({ spread: { profile } }))).toEqual([['spread.profile.__proto__', 'unknown_label']]);
    expect(codesOf(bad({ spread: { profile: { toString: 1 } } }))).toEqual([['spread.profile.toString', 'unknown_label']]);
  });

  it('an unknown spread, or one spread per level of the wrong count (too_short / too_long)', () => {
    expect(issuesOf(bad({ spread: 'weekly' }))).toEqual(['spread: must be \'even\', \'days\', \'workdays\', { profile } or { reference }, received "weekly"']);
    expect(issuesOf(bad({ spread: ['even', 'days'] }))).toEqual(['spread: must hold one spread per level (1), received 2']);
    expect(errorOf(bad({ spread: ['even', 'days'] })).issues[0]).toMatchObject({ code: 'too_long', limit: '1' });
    expect(errorOf(bad({ levels: ['quarter', 'month'], spread: ['even'] })).issues[0]).toMatchObject({ code: 'too_short', limit: '2' });
    expect(issuesOf(bad({ spread: { reference: times(12, 1), fallback: 'profile' } }))).toEqual([
      "spread.fallback: must be one of 'even', 'days', 'workdays', received \"profile\"",
    ]);
    expect(issuesOf(bad({ spread: { profil: times(12, 1) } }))).toEqual([
      'spread.profile: is required (an array of weights or an object of weights by period id)',
      'spread.profil: is not a known field; did you mean `profile`?',
    ]);
    expect(issuesOf(bad({ spread: { profile: 'flat' } }))).toEqual(['spread.profile: must be an array of weights or an object of weights by period id']);
  });

  it('a holiday outside the year (out_of_range), an extra working day that is already one (invalid_value) or a holiday (inconsistent)', () => {
    expect(issuesOf(bad({ workdays: { holidays: ['2026-05-01', '2027-01-01'] } }))).toEqual([
      'workdays.holidays[1]: is outside the plan (2026-01-01 to 2026-12-31), received 2027-01-01',
    ]);
    expect(errorOf(bad({ workdays: { holidays: ['2025-12-31'] } })).issues[0]).toMatchObject({ code: 'out_of_range', limit: '2026-01-01', received: '2025-12-31' });
    expect(errorOf(bad({ workdays: { holidays: ['2025-12-31'] } })).code).toBe('out_of_range');
    expect(issuesOf(bad({ workdays: { extraWorkdays: ['2026-01-05'] } }))).toEqual(['workdays.extraWorkdays[0]: is a working day already (monday), received 2026-01-05']);
    expect(codesOf(bad({ workdays: { extraWorkdays: ['2026-01-05'] } }))).toEqual([['workdays.extraWorkdays[0]', 'invalid_value']]);
    expect(issuesOf(bad({ workdays: { holidays: ['2026-01-03'], extraWorkdays: ['2026-01-03'] } }))).toEqual([
      'workdays.extraWorkdays[0]: is also listed as a holiday, received 2026-01-03',
    ]);
    expect(codesOf(bad({ workdays: { holidays: ['2026-01-03'], extraWorkdays: ['2026-01-03'] } }))).toEqual([['workdays.extraWorkdays[0]', 'inconsistent']]);
    expect(issuesOf(bad({ workdays: { weekend: ['sat'] } }))[0]).toMatch(/^workdays\.weekend\[0\]: must be one of 'sunday'/);
    expect(issuesOf(bad({ workdays: { holidays: ['2026-02-30'] } }))).toEqual([
      'workdays.holidays[0]: is not a calendar date (2026-02 has 28 days), received "2026-02-30"',
    ]);
    expect(codesOf(bad({ workdays: { holidays: ['2026-02-30'] } }))).toEqual([['workdays.holidays[0]', 'not_a_date']]);
  });

  it('holidays in the edge weeks are allowed under thursday (the plan covers them)', () => {
    const c = cascadeTarget({ ...base, levels: ['week'], weeks: 'thursday', workdays: { holidays: ['2025-12-31'] } }, 1000);
    expect(c.periods[0]!.workdays).toBe(4);
  });

  it('rounding: a scale below 0 or fractional, an unknown mode, a stage (which does not apply to targets)', () => {
    expect(issuesOf(bad({ rounding: { scale: -1 } }))).toEqual(['rounding.scale: must be at least 0, received -1']);
    expect(codesOf(bad({ rounding: { scale: -1 } }))).toEqual([['rounding.scale', 'out_of_range']]);
    expect(issuesOf(bad({ rounding: { scale: 1.5 } }))).toEqual(['rounding.scale: must be a whole number of decimal places, received 1.5']);
    expect(codesOf(bad({ rounding: { scale: 1.5 } }))).toEqual([['rounding.scale', 'not_an_integer']]);
    expect(codesOf(bad({ rounding: { mode: 'bankers' } }))).toEqual([['rounding.mode', 'invalid_value']]);
    expect(issuesOf(bad({ rounding: { stage: 'line' } }))).toEqual([
      'rounding.stage: does not apply to targets: every split is largest remainder, so the parts always sum to the whole; give scale and mode only',
    ]);
    expect(codesOf(bad({ rounding: { stage: 'line' } }))).toEqual([['rounding.stage', 'invalid_value']]);
    // The old top-level option is refused with a pointer to the new name.
    expect(issuesOf(bad({ scale: 0 }))).toEqual(['scale: is not a known field; the scale is now given as rounding: { scale }']);
    // And the old place of the total.
    expect(issuesOf(bad({ total: 100 }))).toEqual(["total: is not a field of the spec: give the total beside it, cascadeTarget(spec, total) (a row's total in cascadeTargets)"]);
    expect(codesOf(bad({ total: 100 }))).toEqual([['total', 'unknown_field']]);
  });

  it('a total below 0, with more decimals than the scale, or not a number', () => {
    expect(issuesOf(bad({}, -1))).toEqual(['total: must not be negative, received -1']);
    expect(codesOf(bad({}, -1))).toEqual([['total', 'out_of_range']]);
    expect(issuesOf(bad({ rounding: { scale: 1 } }, '10.25'))).toEqual(['total: has more than 1 decimal places (10.25); round it to the scale first']);
    expect(issuesOf(bad({}, '10.25'))).toEqual(['total: has more than 0 decimal places (10.25); round it to the scale first, or give rounding: { scale } for decimals']);
    expect(errorOf(bad({}, '10.25')).issues[0]).toMatchObject({ code: 'invalid_value', limit: '0' });
    expect(issuesOf(bad({}, 'lots'))).toEqual(['total: must be a number or a numeric string, received "lots"']);
    expect(codesOf(bad({}, '1,000'))).toEqual([['total', 'not_a_number']]);
  });

  it('an unknown calendar pattern or a calendar that is not one', () => {
    expect(
      issuesOf(bad({ calendar: { system: 'retail', fiscalYear: 2026, pattern: '4-4-4', yearEnd: { weekday: 'saturday', rule: 'last', month: 12 } } })),
    ).toEqual(["calendar.pattern: must be one of '4-4-5', '4-5-4', '5-4-4', received \"4-4-4\""]);
    expect(issuesOf(bad({ calendar: { system: 'julian', year: 2026 } }))).toEqual([
      "calendar.system: must be one of 'gregorian', 'retail', 'nrf', received \"julian\"",
    ]);
    expect(issuesOf(bad({ calendar: { system: 'gregorian', start: '2026-01-02' } }))).toEqual(['calendar.start: must be the first day of a month, received "2026-01-02"']);
    expect(codesOf(bad({ calendar: { system: 'gregorian', start: '2026-01-02' } }))).toEqual([['calendar.start', 'invalid_value']]);
    expect(codesOf(bad({ calendar: { system: 'gregorian', year: 2026, start: '2026-01-01' } }))).toEqual([['calendar.start', 'inconsistent']]);
    expect(codesOf(bad({ calendar: { system: 'gregorian' } }))).toEqual([['calendar.year', 'required']]);
    // A copy of a defined calendar is read back like its JSON: a field that disagrees with the rest is refused at it.
    expect(issuesOf(bad({ calendar: { ...y2026, period: '2027' } }))[0]).toMatch(/^calendar\.period: is "2027", but the calendar defined again/);
    expect(issuesOf(bad({ calendar: 2026 }))).toEqual([
      'calendar: must be a calendar from defineGregorianCalendar, defineRetailCalendar or defineNrfCalendar, or a calendar spec with a system',
    ]);
  });

  it('a typo in a field suggests the nearest name', () => {
    expect(issuesOf(bad({ levles: ['month'] }))).toEqual(['levles: is not a known field; did you mean `levels`?']);
    expect(codesOf(bad({ levles: ['month'] }))).toEqual([['levles', 'unknown_field']]);
    expect(codesOf(() => cascadeTarget({ calendar: y2026, levles: ['month'], spread: 'even' } as unknown as CascadeTargetSpec, 1))).toEqual([
      ['levels', 'required'],
      ['levles', 'unknown_field'],
    ]);
  });
});

describe('calendars and ISO years refuse bad input with their codes', () => {
  it('calculateIsoWeeksInYear: not_an_integer, invalid_type, out_of_range with the limit', () => {
    expect(codesOf(() => calculateIsoWeeksInYear(2026.5))).toEqual([['isoYear', 'not_an_integer']]);
    expect(codesOf(() => calculateIsoWeeksInYear('2026' as unknown as number))).toEqual([['isoYear', 'invalid_type']]);
    expect(errorOf(() => calculateIsoWeeksInYear(10000)).issues[0]).toMatchObject({ code: 'out_of_range', limit: '9998' });
  });

  it('defineGregorianCalendar: inconsistent fields, a missing year', () => {
    expect(codesOf(() => defineGregorianCalendar({ year: 2026, fiscalYear: 2026 } as { year: number }))).toEqual([['fiscalYear', 'inconsistent']]);
    expect(codesOf(() => defineGregorianCalendar({} as { year: number }))).toEqual([['year', 'required']]);
  });
});

describe('adjustTarget: no silent percent mistakes', () => {
  const rules = [{ drop: 0.1, targetFactor: 0.92, rewardCoefficient: 1.05 }];

  it('a drop written as a whole percentage is refused with the hint', () => {
    const e = errorOf(() => adjustTarget({ rules: [{ drop: 10, targetFactor: 0.92, rewardCoefficient: 1.05 }] }, { target: 100, demandChange: -0.12 }));
    expect(e.issues).toEqual([
      {
        path: ['rules', 0, 'drop'],
        code: 'percent_as_whole_number',
        message: 'must be a fraction from 0 to 1, received 10: write 0.1 for 10 %',
        expected: 'from 0 to 1',
        received: '10',
        limit: '1',
      },
    ]);
  });

  it('a demand change written as a whole percentage (a fall above 100 %) is refused with the hint', () => {
    const e = errorOf(() => adjustTarget({ rules }, { target: 100, demandChange: -12 }));
    expect(e.issues).toEqual([
      {
        path: ['demandChange'],
        code: 'percent_as_whole_number',
        message: 'must be at least -1 (a fall of 100 %), received -12: write -0.12 for -12 %',
        expected: 'at least -1',
        received: '-12',
        limit: '-1',
      },
    ]);
    // A fall of exactly 100 % is a fraction, and accepted.
    expect(adjustTarget({ rules }, { target: 100, demandChange: -1 }).rule!.index).toBe(0);
  });

  it('a factor above 2 is computed but warned about, with its path', () => {
    const a = adjustTarget({ rules: [{ drop: 0.1, targetFactor: 92, rewardCoefficient: 1.05 }] }, { target: 100, demandChange: -0.12 });
    // 100 × 92 = 9,200: computed as given.
    expect(a.target.toString()).toBe('9200');
    expect(a.warnings).toEqual([
      {
        code: 'percent-like-factor',
        message: 'a target factor of 92 multiplies by 92: if a percentage was meant, write 0.92 for 92 %',
        path: ['rules', 0, 'targetFactor'],
      },
    ]);
  });
});
