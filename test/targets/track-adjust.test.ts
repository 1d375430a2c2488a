import { describe, expect, it } from 'vitest';
import { adjustTarget, cascadeTarget, defineGregorianCalendar, trackTarget, type TargetAdjustRule } from 'dealerkit/targets';
import { codesOf, errorOf, issuesOf } from './helpers.js';

const y2026 = defineGregorianCalendar({ year: 2026 });
const monthly = cascadeTarget({ calendar: y2026, levels: ['quarter', 'month'], spread: 'even' }, 1200);

describe('trackTarget', () => {
  it('at a month end: expected 200, actual 210, attainment 1.05, run rate 210 × 365 / 59', () => {
    const p = trackTarget(monthly, { '2026-01': 90, '2026-02': 120 }, { asOf: '2026-02-28' });
    expect([p.elapsedDays, p.remainingDays]).toEqual([59, 306]);
    expect(
      [p.expectedToDate, p.actualToDate, p.attainment, p.gap, p.runRateForecast, p.planForecast, p.remaining, p.requiredRate, p.requiredPerDay].map(String),
    ).toEqual([
      '200',
      '210',
      '1.05',
      '-10',
      // 210 × 365 / 59 = 1,299.15… → 1,299
      '1299',
      // 210 + (1,200 − 200)
      '1210',
      '990',
      // 990 / 1,000
      '0.99',
      // 990 / 306 = 3.23…
      '3',
    ]);
    expect(p.warnings).toEqual([]);
    expect(p.rounding).toEqual({ scale: 0, mode: 'half-up' });
  });

  it('every figure is reproduced by its step', () => {
    const p = trackTarget(monthly, { '2026-01': 90, '2026-02': 120 }, { asOf: '2026-02-28' });
    expect(JSON.parse(JSON.stringify(p.steps))).toEqual([
      { code: 'expected-to-date', asOf: '2026-02-28', expectedToDate: '200', total: '1200', text: "Expected by 2026-02-28: 200 of the 1,200 plan (the cascade's own distribution, to the day)." },
      {
        code: 'actual-to-date',
        actuals: [
          { period: '2026-01', actual: '90' },
          { period: '2026-02', actual: '120' },
        ],
        actualToDate: '210',
        text: 'Actual to date: 90 (2026-01) + 120 (2026-02) = 210.',
      },
      { code: 'attainment', actualToDate: '210', expectedToDate: '200', attainment: '1.05', text: 'Attainment: 210 / 200 = 105.00 %.' },
      { code: 'gap', expectedToDate: '200', actualToDate: '210', gap: '-10', text: 'Gap: 200 − 210: 10 ahead of plan.' },
      { code: 'run-rate-forecast', actualToDate: '210', days: 365, elapsedDays: 59, runRateForecast: '1299', text: 'Run-rate forecast: 210 × 365 / 59 days = 1,299.' },
      { code: 'plan-forecast', actualToDate: '210', total: '1200', expectedToDate: '200', planForecast: '1210', text: 'If the rest goes to plan: 210 + (1,200 − 200) = 1,210.' },
      { code: 'required-rate', remaining: '990', planLeft: '1000', requiredRate: '0.99', text: "Still to sell: 990 against 1,000 of plan left: 99.00 % of the plan's pace." },
      { code: 'required-per-day', remaining: '990', remainingDays: 306, requiredPerDay: '3', text: 'Per day: 990 / 306 days left = 3.' },
    ]);
  });

  it("prorates the open month to the day: 14 of February's 28 days are due on the 14th, with its step", () => {
    const p = trackTarget(monthly, { '2026-01': 90 }, { asOf: '2026-02-14' });
    expect(p.expectedToDate.toString()).toBe('150');
    const feb = p.periods.find((x) => x.period === '2026-02')!;
    expect([feb.status, feb.expectedToDate.toString(), feb.actualToDate, feb.gap]).toEqual(['open', '50', null, null]);
    const q1 = p.periods.find((x) => x.period === '2026-Q1')!;
    // Q1's actual is unknown: February has started but has no actual.
    expect([q1.parent, q1.expectedToDate.toString(), q1.actualToDate]).toEqual([null, '150', null]);
    expect(p.periods.find((x) => x.period === '2026-03')!.status).toBe('future');
    // 100 × 14 / 28 = 50.
    expect(p.steps[0]).toMatchObject({ code: 'prorate', period: '2026-02', elapsed: 14, of: 28, unit: 'days', text: '2026-02 is under way: 100 × 14 / 28 days = 50 due so far.' });
    expect(p.warnings).toEqual([
      {
        code: 'missing-actual',
        message: '2026-02 has started but has no actual (given or summed from its sub-periods): actualToDate counts it as 0',
        path: ['actuals'],
      },
    ]);
  });

  it("a quarter's actual is the sum of its months' when all that have started are known; ratios at ratioScale", () => {
    const p = trackTarget(monthly, { '2026-01': 90, '2026-02': 120, '2026-03': 80 }, { asOf: '2026-03-31' });
    const q1 = p.periods.find((x) => x.period === '2026-Q1')!;
    // 290 / 300 = 0.96666…: 10 places by default, half-up.
    expect([q1.status, q1.target.toString(), q1.actualToDate!.toString(), q1.attainment!.toString(), q1.gap!.toString()]).toEqual([
      'closed',
      '300',
      '290',
      '0.9666666667',
      '10',
    ]);
    const four = trackTarget(monthly, { '2026-01': 90, '2026-02': 120, '2026-03': 80 }, { asOf: '2026-03-31', ratioScale: 4 });
    expect(four.periods.find((x) => x.period === '2026-Q1')!.attainment!.toString()).toBe('0.9667');
  });

  it('rounds the prorated figures by the mode asked for', () => {
    // February: 100 × 15 / 28 = 53.57…: half-up 54, down 53.
    expect(trackTarget(monthly, {}, { asOf: '2026-02-15' }).expectedToDate.toString()).toBe('154');
    expect(trackTarget(monthly, {}, { asOf: '2026-02-15', rounding: { mode: 'down' } }).expectedToDate.toString()).toBe('153');
    // At scale 2: 53.571428… → 53.57.
    expect(trackTarget(monthly, {}, { asOf: '2026-02-15', rounding: { scale: 2 } }).expectedToDate.toString()).toBe('153.57');
  });

  it('prorates by working days when the last level was spread by workdays', () => {
    const c = cascadeTarget({ calendar: y2026, levels: ['month'], spread: 'workdays', workdays: { holidays: ['2026-01-01'] } }, 2200);
    // January has 21 working days; by Friday 9 January 6 have passed (2, 5–9).
    const jan = c.periods[0]!;
    const p = trackTarget(c, {}, { asOf: '2026-01-09' });
    expect(jan.target.toString()).toBe('178');
    // 178 × 6 / 21 = 50.857… → 51
    expect(p.expectedToDate.toString()).toBe('51');
    expect(p.attainment!.toString()).toBe('0');
    expect(p.steps[0]!.text).toBe('2026-01 is under way: 178 × 6 / 21 working days = 51 due so far.');
  });

  it('before the year starts nothing is due; after it ends everything is', () => {
    const before = trackTarget(monthly, {}, { asOf: '2025-12-31' });
    expect([before.expectedToDate.toString(), before.attainment, before.runRateForecast, before.elapsedDays]).toEqual(['0', null, null, 0]);
    expect(before.steps.map((s) => s.text).filter((t) => /nothing|none/.test(t))).toEqual([
      'Actual to date: none given, 0.',
      'Attainment: nothing is due yet.',
      'Run-rate forecast: none before the year starts.',
    ]);
    const after = trackTarget(monthly, { '2026-Q1': 300 }, { asOf: '2027-01-10' });
    expect([after.expectedToDate.toString(), after.requiredPerDay, after.requiredRate, after.remainingDays]).toEqual(['1200', null, null, 0]);
    expect(after.steps.slice(-2).map((s) => s.text)).toEqual(['Still to sell: 900 against 0 of plan left: no plan is left.', 'Per day: no day is left (900 still to sell).']);
    expect(after.warnings[0]!.message).toBe(
      '2026-04, 2026-05, 2026-06, 2026-07, 2026-08, 2026-09, 2026-10, 2026-11, 2026-12 have started but have no actual (given or summed from their sub-periods): actualToDate counts them as 0',
    );
  });

  it('on plan: the gap says so', () => {
    const p = trackTarget(monthly, { '2026-01': 100 }, { asOf: '2026-01-31' });
    expect(p.steps.find((s) => s.code === 'gap')!.text).toBe('Gap: 100 − 100: on plan.');
    const behind = trackTarget(monthly, { '2026-01': 90 }, { asOf: '2026-01-31' });
    expect(behind.steps.find((s) => s.code === 'gap')!.text).toBe('Gap: 100 − 90: 10 behind plan.');
    expect(behind.steps.find((s) => s.code === 'actual-to-date')!.text).toBe('Actual to date: 90 (2026-01).');
  });

  it('works on a cascade read back from JSON', () => {
    const back = JSON.parse(JSON.stringify(monthly));
    expect(trackTarget(back, { '2026-01': 90 }, { asOf: '2026-01-31' }).attainment!.toString()).toBe('0.9');
  });

  it('refuses a cascade read back from JSON whose figures no longer add up (inconsistent)', () => {
    const total = JSON.parse(JSON.stringify(monthly));
    total.total = '1300';
    expect(errorOf(() => trackTarget(total, {}, { asOf: '2026-01-31' })).issues).toEqual([
      {
        path: ['cascade', 'total'],
        code: 'inconsistent',
        message: 'is 1300, but the first-level periods sum to 1200: the cascade was changed after cascadeTarget made it',
        expected: '1200',
        received: '1300',
      },
    ]);
    const month = JSON.parse(JSON.stringify(monthly));
    month.periods[0].children[1].target = '101';
    expect(codesOf(() => trackTarget(month, {}, { asOf: '2026-01-31' }))).toEqual([['cascade.periods[0].target', 'inconsistent']]);
    expect(issuesOf(() => trackTarget(month, {}, { asOf: '2026-01-31' }))).toEqual([
      'cascade.periods[0].target: is 300, but its sub-periods sum to 301: the cascade was changed after cascadeTarget made it',
    ]);
    const direct = JSON.parse(JSON.stringify(cascadeTarget({ calendar: y2026, levels: ['quarter', 'month'], spread: 'even', path: 'direct' }, 1200)));
    direct.periods[0].children[0].target = '99';
    // Under 'direct' a parent may differ from its months, but every level must still sum to the total.
    expect(issuesOf(() => trackTarget(direct, {}, { asOf: '2026-01-31' }))).toEqual([
      'cascade.periods: level 2 sums to 1199, not to the total of 1200: the cascade was changed after cascadeTarget made it',
    ]);
  });

  it('refuses unknown (unknown_label), overlapping (duplicate) or future (out_of_range) actuals and a bad asOf, naming the path', () => {
    expect(issuesOf(() => trackTarget(monthly, { '2026-13': 1 }, { asOf: '2026-02-01' }))).toEqual(['actuals[2026-13]: is not a period of the cascade 2026']);
    expect(codesOf(() => trackTarget(monthly, { '2026-13': 1 }, { asOf: '2026-02-01' }))).toEqual([['actuals[2026-13]', 'unknown_label']]);
    expect(errorOf(() => trackTarget(monthly, { '2026-13': 1 }, { asOf: '2026-02-01' })).code).toBe('unknown_label');
    expect(issuesOf(() => trackTarget(monthly, { '2026-Q1': 1, '2026-02': 1 }, { asOf: '2026-03-01' }))).toEqual([
      "actuals[2026-02]: overlaps 2026-Q1, also given (each day's sales may be counted once)",
    ]);
    expect(codesOf(() => trackTarget(monthly, { '2026-Q1': 1, '2026-02': 1 }, { asOf: '2026-03-01' }))).toEqual([['actuals[2026-02]', 'duplicate']]);
    expect(issuesOf(() => trackTarget(monthly, { '2026-05': 1 }, { asOf: '2026-03-01' }))).toEqual([
      'actuals[2026-05]: is for a period that starts after asOf (2026-05-01 > 2026-03-01)',
    ]);
    expect(codesOf(() => trackTarget(monthly, { '2026-05': 1 }, { asOf: '2026-03-01' }))).toEqual([['actuals[2026-05]', 'out_of_range']]);
    expect(issuesOf(() => trackTarget(monthly, { '2026-01': 'abc' }, { asOf: '2026-03-01' }))).toEqual([
      'actuals[2026-01]: must be a number or a numeric string, received "abc"',
    ]);
    expect(codesOf(() => trackTarget(monthly, { '2026-01': '1,000' }, { asOf: '2026-03-01' }))).toEqual([['actuals[2026-01]', 'not_a_number']]);
    expect(issuesOf(() => trackTarget(monthly, {}, { asOf: '2026-02-30' }))).toEqual([
      'options.asOf: is not a calendar date (2026-02 has 28 days), received "2026-02-30"',
    ]);
    expect(codesOf(() => trackTarget(monthly, {}, { asOf: '2026-02-30' }))).toEqual([['options.asOf', 'not_a_date']]);
    expect(codesOf(() => trackTarget(monthly, {}, { asOf: '2026-02-01', ratioScale: -1 }))).toEqual([['options.ratioScale', 'out_of_range']]);
    expect(issuesOf(() => trackTarget(monthly, {}, { asOf: '2026-02-01', ratioscale: 4 } as never))).toEqual([
      'options.ratioscale: is not a known field; did you mean `ratioScale`?',
    ]);
    expect(issuesOf(() => trackTarget({} as never, {}, { asOf: '2026-02-01' }))).toEqual(['cascade: must be a result of cascadeTarget']);
    expect(codesOf(() => trackTarget({} as never, {}, { asOf: '2026-02-01' }))).toEqual([['cascade', 'invalid_type']]);
    expect(issuesOf(() => trackTarget(monthly, null as never, { asOf: '2026-02-01' }))).toEqual(['actuals: must be an object of amounts by period id']);
  });

  it('reads actuals by own keys: a `toString` or `__proto__` key is an unknown period, not a crash', () => {
    expect(codesOf(() => trackTarget(monthly, { toString: 1 } as never, { asOf: '2026-02-01' }))).toEqual([['actuals.toString', 'unknown_label']]);
    expect(codesOf(() => trackTarget(monthly, JSON.parse('{"__proto__": 1}'), { asOf: '2026-02-01' }))).toEqual([['actuals.__proto__', 'unknown_label']]);
  });

  it('refuses a malformed cascade with the field named', () => {
    const back = JSON.parse(JSON.stringify(monthly));
    expect(codesOf(() => trackTarget({ ...back, workdayRules: { weekend: ['sat'], holidays: [], extraWorkdays: [] } }, {}, { asOf: '2026-02-01' }))).toEqual([
      ['cascade.workdayRules', 'invalid_type'],
    ]);
    expect(codesOf(() => trackTarget({ ...back, period: 2026 }, {}, { asOf: '2026-02-01' }))).toEqual([['cascade.period', 'invalid_type']]);
    expect(codesOf(() => trackTarget({ ...back, periods: [{ ...back.periods[0], children: 'none' }] }, {}, { asOf: '2026-02-01' }))).toEqual([
      ['cascade.periods[0].children', 'invalid_type'],
    ]);
    expect(codesOf(() => trackTarget({ ...back, periods: [1] }, {}, { asOf: '2026-02-01' }))).toEqual([['cascade.periods[0]', 'invalid_type']]);
  });
});

describe('trackTarget on working days, edge cases', () => {
  it('an extra working day counts; a part with no working day is prorated by days', () => {
    const c = cascadeTarget(
      {
        calendar: y2026,
        levels: ['month'],
        spread: 'workdays',
        workdays: { extraWorkdays: ['2026-01-03'], holidays: ['2026-01-01', '2026-01-02'] },
      },
      3100,
    );
    // January: 22 weekdays − 2 holidays + Saturday the 3rd = 21 working days; by the 3rd, 1 has passed.
    expect(c.periods[0]!.workdays).toBe(21);
    // Shares 3,100 × workdays / 260: floors sum to 3,096, so 4 leftover units go to the largest
    // remainders: February (.46), then the .38 of January, May and August (ties to the earlier).
    // January: 250 + 1 = 251; due by the 3rd: 251 × 1 / 21 = 11.95… → 12.
    expect(c.periods[0]!.target.toString()).toBe('251');
    expect(trackTarget(c, {}, { asOf: '2026-01-03' }).expectedToDate.toString()).toBe('12');
    // A week cut to a lone Sunday (2026-W05@2026-02 is 1 February) has no working day: by days.
    const w = cascadeTarget({ calendar: y2026, levels: ['month', 'week'], weeks: 'split', spread: ['even', 'days'] }, 700);
    const q = trackTarget({ ...w, spreads: ['even', 'workdays'] }, { '2026-01': 10, '2026-02': 5 }, { asOf: '2026-02-01' });
    expect(q.periods.find((x) => x.period === '2026-W05@2026-02')!.expectedToDate.toString()).toBe(w.periods[1]!.children[0]!.target.toString());
  });
});

const rules: TargetAdjustRule[] = [
  { drop: 0.05, targetFactor: 0.97, rewardCoefficient: 1.02 },
  { drop: 0.1, targetFactor: 0.92, rewardCoefficient: 1.05 },
  { drop: 0.2, targetFactor: '0.85', rewardCoefficient: '1.1' },
];

describe('adjustTarget', () => {
  it('a 12 % fall fires the 10 % rule: 8,000,000 × 0.92 = 7,360,000, coefficient 1.05, step by step', () => {
    const a = adjustTarget({ rules }, { target: 8000000, demandChange: -0.12 });
    expect([a.target.toString(), a.rewardCoefficient.toString(), a.rule!.index, a.rule!.drop.toString()]).toEqual(['7360000', '1.05', 1, '0.1']);
    expect(JSON.parse(JSON.stringify(a.steps))).toEqual([
      { code: 'demand-change', demandChange: '-0.12', text: 'Demand fell by 12.00 %.' },
      { code: 'rule', index: 1, drop: '0.1', targetFactor: '0.92', rewardCoefficient: '1.05', text: 'rules[1] fires: the fall reaches its drop of 10.00 % (the largest drop reached).' },
      { code: 'adjusted-target', originalTarget: '8000000', targetFactor: '0.92', target: '7360000', rewardCoefficient: '1.05', text: 'Target 8,000,000 × 0.92 = 7,360,000; reward coefficient 1.05.' },
    ]);
    expect([a.warnings, a.rounding]).toEqual([[], { scale: 0, mode: 'half-up' }]);
  });

  it('a fall of exactly the drop fires the rule; just below it does not', () => {
    expect(adjustTarget({ rules }, { target: 1000, demandChange: '-0.2' }).rule!.index).toBe(2);
    expect(adjustTarget({ rules }, { target: 1000, demandChange: '-0.1999' }).rule!.index).toBe(1);
    expect(adjustTarget({ rules }, { target: 1000, demandChange: '-0.0499' }).rule).toBeNull();
  });

  it('no fall, no change, said in words', () => {
    const a = adjustTarget({ rules }, { target: '1234.5', demandChange: 0.05 });
    expect([a.target.toString(), a.rewardCoefficient.toString(), a.rule]).toEqual(['1234.5', '1', null]);
    expect(a.steps.map((s) => s.text)).toEqual(['Demand rose by 5.00 %.', 'No rule fires: demand did not fall.', 'Target 1,234.5 unchanged; reward coefficient 1.']);
    expect(adjustTarget({ rules }, { target: 1000, demandChange: -0.01 }).steps.map((s) => s.text)).toEqual([
      'Demand fell by 1.00 %.',
      'No rule fires: the fall of 1.00 % is below the smallest drop, 5.00 %.',
      'Target 1,000 unchanged; reward coefficient 1.',
    ]);
    expect(adjustTarget({ rules }, { target: 1000, demandChange: 0 }).steps[0]!.text).toBe('Demand did not change.');
  });

  it("rounds half-up to the target's scale, or as the rounding option says", () => {
    // 1,001 × 0.85 = 850.85
    expect(adjustTarget({ rules }, { target: 1001, demandChange: -0.3 }).target.toString()).toBe('851');
    expect(adjustTarget({ rules }, { target: 1001, demandChange: -0.3 }, { rounding: { scale: 2 } }).target.toString()).toBe('850.85');
    expect(adjustTarget({ rules }, { target: 1001, demandChange: -0.3 }, { rounding: { mode: 'down' } }).target.toString()).toBe('850');
  });

  it('rules in any order; the largest drop reached wins', () => {
    expect(adjustTarget({ rules: [...rules].reverse() }, { target: 100, demandChange: -0.5 }).rule!.index).toBe(0);
  });

  it('refuses bad rules, naming the path and the code', () => {
    expect(issuesOf(() => adjustTarget({ rules: [] }, { target: 100, demandChange: -0.1 }))).toEqual(['rules: must hold at least 1 item']);
    expect(codesOf(() => adjustTarget({ rules: [] }, { target: 100, demandChange: -0.1 }))).toEqual([['rules', 'too_short']]);
    expect(issuesOf(() => adjustTarget({ rules: [{ drop: 1.5, targetFactor: 1, rewardCoefficient: 1 }] }, { target: 100, demandChange: -0.1 }))).toEqual([
      'rules[0].drop: must be a fraction from 0 to 1, received 1.5: write 0.015 for 1.5 %',
    ]);
    expect(issuesOf(() => adjustTarget({ rules: [{ drop: 0, targetFactor: 1, rewardCoefficient: 1 }] }, { target: 100, demandChange: -0.1 }))).toEqual([
      'rules[0].drop: must be greater than 0, received 0',
    ]);
    expect(codesOf(() => adjustTarget({ rules: [{ drop: 0, targetFactor: 1, rewardCoefficient: 1 }] }, { target: 100, demandChange: -0.1 }))).toEqual([
      ['rules[0].drop', 'out_of_range'],
    ]);
    expect(issuesOf(() => adjustTarget({ rules: [rules[0]!, rules[0]!] }, { target: 100, demandChange: -0.1 }))).toEqual(['rules[1].drop: repeats the drop of rules[0] (0.05)']);
    expect(codesOf(() => adjustTarget({ rules: [rules[0]!, rules[0]!] }, { target: 100, demandChange: -0.1 }))).toEqual([['rules[1].drop', 'duplicate']]);
    expect(issuesOf(() => adjustTarget({ rules }, { target: -5, demandChange: -0.1 }))).toEqual(['target: must not be negative, received -5']);
    expect(issuesOf(() => adjustTarget({ rules }, { target: 5, demandChange: 'x' }))).toEqual(['demandChange: must be a number or a numeric string, received "x"']);
    expect(issuesOf(() => adjustTarget({ rules }, { target: 5, demandChange: -0.1 }, { rounding: { stage: 'line' } } as never))).toEqual([
      'options.rounding.stage: does not apply to targets: every split is largest remainder, so the parts always sum to the whole; give scale and mode only',
    ]);
    expect(issuesOf(() => adjustTarget({ rules }, { target: 5, demandChang: -0.1 } as never))).toEqual([
      'demandChange: must be a number or a numeric string, received nothing',
      'demandChang: is not a known field; did you mean `demandChange`?',
    ]);
    expect(codesOf(() => adjustTarget({ rules }, { target: 5, demandChang: -0.1 } as never))).toEqual([
      ['demandChange', 'required'],
      ['demandChang', 'unknown_field'],
    ]);
  });
});
