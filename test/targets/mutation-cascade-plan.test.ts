import { describe, expect, it } from 'vitest';
import { cascadeTarget, defineGregorianCalendar, defineNrfCalendar, type CascadeTargetSpec } from 'dealerkit/targets';
import { errorOf, targets, times } from './helpers.js';

const y2026 = defineGregorianCalendar({ year: 2026 });
const refused = (spec: unknown) => {
  const e = errorOf(() => cascadeTarget(spec as CascadeTargetSpec, 100));
  return { code: e.code, issues: e.issues.map((i) => ({ ...i })) };
};

describe('compileCascade: refusals with code, path, message and detail', () => {
  it('profiles by period id: empty, an unknown first id, an id of another level, all zero', () => {
    expect(refused({ calendar: y2026, levels: ['month'], spread: { profile: {} } })).toEqual({
      code: 'invalid_input',
      issues: [{ path: ['spread', 'profile'], code: 'too_short', message: 'must hold at least one period', limit: '1' }],
    });
    expect(refused({ calendar: y2026, levels: ['month'], spread: { profile: { nope: 1 } } })).toEqual({
      code: 'unknown_label',
      issues: [{ path: ['spread', 'profile', 'nope'], code: 'unknown_label', message: 'is not a quarter, month or week of 2026', received: 'nope' }],
    });
    expect(refused({ calendar: y2026, levels: ['month'], spread: { profile: { '2026-01': 1, '2026-Q1': 2 } } })).toEqual({
      code: 'unknown_label',
      issues: [
        {
          path: ['spread', 'profile', '2026-Q1'],
          code: 'unknown_label',
          message: 'is not one of the months of 2026 (the first key, 2026-01, makes this a month profile)',
          received: '2026-Q1',
        },
      ],
    });
    expect(refused({ calendar: y2026, levels: ['month'], spread: { profile: [0, 0, 0, 0] } })).toEqual({
      code: 'out_of_range',
      issues: [{ path: ['spread', 'profile'], code: 'out_of_range', message: 'must not be all zero', expected: 'weights summing above 0', limit: '0' }],
    });
  });

  it('holidays and extra working days outside the plan, already working, or also holidays', () => {
    expect(refused({ calendar: y2026, levels: ['month'], spread: 'workdays', workdays: { holidays: ['2027-01-01'], extraWorkdays: ['2025-12-31'] } })).toEqual({
      code: 'out_of_range',
      issues: [
        {
          path: ['workdays', 'holidays', 0],
          code: 'out_of_range',
          message: 'is outside the plan (2026-01-01 to 2026-12-31), received 2027-01-01',
          expected: 'from 2026-01-01 to 2026-12-31',
          received: '2027-01-01',
          limit: '2026-12-31',
        },
        {
          path: ['workdays', 'extraWorkdays', 0],
          code: 'out_of_range',
          message: 'is outside the plan (2026-01-01 to 2026-12-31), received 2025-12-31',
          expected: 'from 2026-01-01 to 2026-12-31',
          received: '2025-12-31',
          limit: '2026-01-01',
        },
      ],
    });
    // 2026-01-05 is a Monday (1 January 2026 is a Thursday).
    expect(refused({ calendar: y2026, levels: ['month'], spread: 'workdays', workdays: { extraWorkdays: ['2026-01-05'] } })).toEqual({
      code: 'invalid_input',
      issues: [{ path: ['workdays', 'extraWorkdays', 0], code: 'invalid_value', message: 'is a working day already (monday), received 2026-01-05', received: '2026-01-05' }],
    });
    expect(refused({ calendar: y2026, levels: ['month'], spread: 'workdays', workdays: { holidays: ['2026-01-03'], extraWorkdays: ['2026-01-03'] } })).toEqual({
      code: 'invalid_input',
      issues: [{ path: ['workdays', 'extraWorkdays', 0], code: 'inconsistent', message: 'is also listed as a holiday, received 2026-01-03', received: '2026-01-03' }],
    });
  });

  it('levels repeated or out of order', () => {
    expect(refused({ calendar: y2026, levels: ['month', 'month'], spread: 'even' })).toEqual({
      code: 'invalid_input',
      issues: [{ path: ['levels', 1], code: 'duplicate', message: "repeats 'month' (levels go coarsest first, each once)", received: "'month'" }],
    });
    expect(refused({ calendar: y2026, levels: ['quarter', 'month', 'quarter'], spread: 'even' })).toEqual({
      code: 'invalid_input',
      issues: [{ path: ['levels', 2], code: 'duplicate', message: "repeats 'quarter' (levels go coarsest first, each once)", received: "'quarter'" }],
    });
    expect(refused({ calendar: y2026, levels: ['month', 'quarter'], spread: 'even' })).toEqual({
      code: 'invalid_input',
      issues: [{ path: ['levels', 1], code: 'not_ascending', message: "must be finer than 'month' (levels go coarsest first, each once), received 'quarter'", received: "'quarter'" }],
    });
  });

  it('a list of spreads of the wrong length', () => {
    expect(refused({ calendar: y2026, levels: ['month'], spread: ['even', 'even'] })).toEqual({
      code: 'invalid_input',
      issues: [{ path: ['spread'], code: 'too_long', message: 'must hold one spread per level (1), received 2', limit: '1' }],
    });
    expect(refused({ calendar: y2026, levels: ['quarter', 'month'], spread: ['even'] })).toEqual({
      code: 'invalid_input',
      issues: [{ path: ['spread'], code: 'too_short', message: 'must hold one spread per level (2), received 1', limit: '2' }],
    });
  });
});

describe('compileCascade: working days at the edges of the plan', () => {
  it('holidays on the first and the last day are inside the plan; the rules come back sorted', () => {
    // 2026 has 365 = 52 × 7 + 1 days starting on a Thursday: 52 × 5 + 1 = 261 weekdays.
    // Holidays Thursday 1 January and Thursday 31 December: 261 − 2 = 259; Saturdays 3 and 10 January worked: 261.
    const c = cascadeTarget(
      {
        calendar: y2026,
        levels: ['quarter'],
        spread: 'even',
        workdays: { holidays: ['2026-12-31', '2026-01-01'], extraWorkdays: ['2026-01-10', '2026-01-03'] },
      },
      4,
    );
    expect(c.workdays).toBe(261);
    expect(c.workdayRules).toEqual({ weekend: ['saturday', 'sunday'], holidays: ['2026-01-01', '2026-12-31'], extraWorkdays: ['2026-01-03', '2026-01-10'] });
  });
});

describe('compileCascade: profile weights over periods that cut across the profile', () => {
  it('2023 by quarters over a week profile of ones: the one-day weeks at Q1 and Q4 starts count', () => {
    // 2023 starts on Sunday 1 January: week 2022-W52 is clipped to that one day; 2023-W39 (25 Sep – 1 Oct)
    // ends on Q4's first day. Profile periods of 1 and 7 days: multiple L = 7, weight = Σ overlap days × 7 / period days.
    // Q1: 1 × 7/1 + 89 (2 Jan – 31 Mar) = 96; Q2: 91; Q3: 92; Q4: 92 (1 Oct counts 1 × 7/7). Total 371.
    const cal = defineGregorianCalendar({ year: 2023 });
    const c = cascadeTarget({ calendar: cal, levels: ['quarter'], spread: { profile: times(53, 1) } }, 371);
    expect(c.periods.map((p) => [p.weight.toString(), p.target.toString()])).toEqual([
      ['96', '96'],
      ['91', '91'],
      ['92', '92'],
      ['92', '92'],
    ]);
  });

  it('2024 by quarters: Q1 and Q2 hold whole weeks, Q3 and Q4 cut one, so every weight goes by overlap days', () => {
    // 2024 starts on Monday; 30 June is a Sunday, 30 September a Monday; 2025-W01 is clipped to 30–31 December (2 days).
    // L = lcm(7, 2) = 14: Q1 91 days × 2 = 182; Q2 91 × 2 = 182; Q3 92 × 2 = 184; Q4 90 × 2 + 2 × 7 = 194. Total 742.
    const cal = defineGregorianCalendar({ year: 2024 });
    const c = cascadeTarget({ calendar: cal, levels: ['quarter'], spread: { profile: times(53, 1) } }, 742);
    expect(c.periods.map((p) => [p.weight.toString(), p.target.toString()])).toEqual([
      ['182', '182'],
      ['182', '182'],
      ['184', '184'],
      ['194', '194'],
    ]);
    expect(c.steps[1]!.text).toBe("2024: the periods cut across profile periods, so each weight is Σ profile weight × overlapping days × 14 / the profile period's days.");
  });

  it('a week fully inside 2024 at its start is not a partial week; only 2025-W01 (2 days in 2024) is', () => {
    const c = cascadeTarget({ calendar: defineGregorianCalendar({ year: 2024 }), levels: ['week'], weeks: 'split', spread: 'even' }, 53);
    expect(c.partialWeeks).toEqual([{ period: '2025-W01', start: '2024-12-30', end: '2025-01-05', daysInYear: 2, daysOutsideYear: 5, treatment: 'clipped' }]);
  });
});

describe('compileCascade: weights of zero and their fallbacks', () => {
  it('a reference with one zero keeps it: 100 over 0:1:1:1 → 0, 34, 33, 33', () => {
    // 100 / 3 = 33 remainder 1; the three remainders tie, the first (Q2) gets the unit.
    const c = cascadeTarget({ calendar: y2026, levels: ['quarter'], spread: { reference: [0, 1, 1, 1] } }, 100);
    expect(targets(c.periods)).toEqual(['0', '34', '33', '33']);
    expect(c.warnings).toEqual([]);
  });

  it('an all-zero reference without a fallback goes by days: 90, 91, 92, 92 days of 2026', () => {
    const c = cascadeTarget({ calendar: y2026, levels: ['quarter'], spread: { reference: [0, 0, 0, 0] } }, 365);
    expect(targets(c.periods)).toEqual(['90', '91', '92', '92']);
    expect(c.warnings).toEqual([{ code: 'spread-fallback', message: 'the reference weights sum to zero under 2026; its split fell back to days', path: ['spread'] }]);
  });

  it('a fallback to working days with none left (every weekday off) goes on to days', () => {
    const c = cascadeTarget(
      {
        calendar: y2026,
        levels: ['quarter'],
        spread: { reference: [0, 0, 0, 0], fallback: 'workdays' },
        workdays: { weekend: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] },
      },
      365,
    );
    expect(c.workdays).toBe(0);
    expect(targets(c.periods)).toEqual(['90', '91', '92', '92']);
    expect(c.warnings).toEqual([{ code: 'spread-fallback', message: 'the reference weights sum to zero under 2026; its split fell back to days', path: ['spread'] }]);
  });

  it("on the direct path a level's fallback is named by the year and the level", () => {
    const c = cascadeTarget({ calendar: y2026, levels: ['quarter'], spread: { reference: [0, 0, 0, 0] }, path: 'direct' }, 365);
    expect(targets(c.periods)).toEqual(['90', '91', '92', '92']);
    expect(c.warnings).toEqual([{ code: 'spread-fallback', message: 'the reference weights sum to zero under 2026:quarter; its split fell back to days', path: ['spread'] }]);
  });
});

describe('compileCascade: more edges', () => {
  it('a fallback to working days keeps a quarter with none: 3 over 0, 1, 1, 1 working days', () => {
    // Every weekday off, then one extra working day in each of Q2, Q3 and Q4 (1 April, 1 July, 1 October).
    const c = cascadeTarget(
      {
        calendar: y2026,
        levels: ['quarter'],
        spread: { reference: [0, 0, 0, 0], fallback: 'workdays' },
        workdays: { weekend: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'], extraWorkdays: ['2026-04-01', '2026-07-01', '2026-10-01'] },
      },
      3,
    );
    expect(targets(c.periods)).toEqual(['0', '1', '1', '1']);
    expect(c.warnings).toEqual([{ code: 'spread-fallback', message: 'the reference weights sum to zero under 2026; its split fell back to workdays', path: ['spread'] }]);
  });

  it('retail weeks carry no ISO week reference', () => {
    const c = cascadeTarget({ calendar: defineNrfCalendar(2026), levels: ['week'], spread: 'even' }, 52);
    expect(c.periods).toHaveLength(52);
    expect(c.periods.map((p) => 'week' in p)).toEqual(times(52, false));
    expect(c.partialWeeks).toEqual([]);
  });
});
