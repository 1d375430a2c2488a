import { describe, expect, it } from 'vitest';
import { adjustTarget, cascadeTarget, gregorianCalendar, paceTarget } from 'dealerkit/targets';
import { errorOf, issuesOf } from './helpers.js';

const y2026 = gregorianCalendar({ year: 2026 });
const monthly = cascadeTarget({ total: 1200, calendar: y2026, levels: ['quarter', 'month'], spread: 'even', scale: 0 });

describe('paceTarget', () => {
  it('at a month end: expected 200, actual 210, attainment 1.05, run rate 210 × 365 / 59', () => {
    const p = paceTarget(monthly, { '2026-01': 90, '2026-02': 120 }, { asOf: '2026-02-28' });
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
  });

  it('prorates the open month to the day: 14 of February\'s 28 days are due on the 14th', () => {
    const p = paceTarget(monthly, { '2026-01': 90 }, { asOf: '2026-02-14' });
    expect(p.expectedToDate.toString()).toBe('150');
    const feb = p.periods.find((x) => x.id === '2026-02')!;
    expect([feb.status, feb.expectedToDate.toString(), feb.actualToDate, feb.gap]).toEqual(['open', '50', null, null]);
    const q1 = p.periods.find((x) => x.id === '2026-Q1')!;
    // Q1's actual is unknown: February has started but has no actual.
    expect([q1.parent, q1.expectedToDate.toString(), q1.actualToDate]).toEqual([null, '150', null]);
    expect(p.periods.find((x) => x.id === '2026-03')!.status).toBe('future');
  });

  it("a quarter's actual is the sum of its months' when all that have started are known", () => {
    const p = paceTarget(monthly, { '2026-01': 90, '2026-02': 120, '2026-03': 80 }, { asOf: '2026-03-31' });
    const q1 = p.periods.find((x) => x.id === '2026-Q1')!;
    expect([q1.status, q1.target.toString(), q1.actualToDate!.toString(), q1.attainment!.toString(), q1.gap!.toString()]).toEqual(['closed', '300', '290', '0.9667', '10']);
  });

  it('prorates by working days when the last level was spread by workdays', () => {
    const c = cascadeTarget({ total: 2200, calendar: y2026, levels: ['month'], spread: 'workdays', workdays: { holidays: ['2026-01-01'] }, scale: 0 });
    // January has 21 working days; by Friday 9 January 6 have passed (2, 5–9).
    const jan = c.periods[0]!;
    const p = paceTarget(c, {}, { asOf: '2026-01-09' });
    expect(p.expectedToDate.toString()).toBe(jan.target.times(6).div(21).toDecimalPlaces(0).toString());
    expect(jan.target.toString()).toBe('178');
    // 178 × 6 / 21 = 50.857… → 51
    expect(p.expectedToDate.toString()).toBe('51');
    expect(p.attainment!.toString()).toBe('0');
  });

  it('before the year starts nothing is due; after it ends everything is', () => {
    const before = paceTarget(monthly, {}, { asOf: '2025-12-31' });
    expect([before.expectedToDate.toString(), before.attainment, before.runRateForecast, before.elapsedDays]).toEqual(['0', null, null, 0]);
    const after = paceTarget(monthly, { '2026-Q1': 300 }, { asOf: '2027-01-10' });
    expect([after.expectedToDate.toString(), after.requiredPerDay, after.requiredRate, after.remainingDays]).toEqual(['1200', null, null, 0]);
  });

  it('works on a cascade read back from JSON', () => {
    const back = JSON.parse(JSON.stringify(monthly));
    expect(paceTarget(back, { '2026-01': 90 }, { asOf: '2026-01-31' }).attainment!.toString()).toBe('0.9');
  });

  it('refuses unknown, overlapping or future actuals and a bad asOf, naming the path', () => {
    expect(issuesOf(() => paceTarget(monthly, { '2026-13': 1 }, { asOf: '2026-02-01' }))).toEqual(['actuals["2026-13"]: is not a period of the cascade 2026']);
    expect(errorOf(() => paceTarget(monthly, { '2026-13': 1 }, { asOf: '2026-02-01' })).code).toBe('unknown_label');
    expect(issuesOf(() => paceTarget(monthly, { '2026-Q1': 1, '2026-02': 1 }, { asOf: '2026-03-01' }))).toEqual([
      'actuals["2026-02"]: overlaps 2026-Q1, also given (each day\'s sales may be counted once)',
    ]);
    expect(issuesOf(() => paceTarget(monthly, { '2026-05': 1 }, { asOf: '2026-03-01' }))).toEqual([
      'actuals["2026-05"]: is for a period that starts after asOf (2026-05-01 > 2026-03-01)',
    ]);
    expect(issuesOf(() => paceTarget(monthly, { '2026-01': 'abc' }, { asOf: '2026-03-01' }))).toEqual([
      'actuals["2026-01"]: must be a number or a numeric string, received "abc"',
    ]);
    expect(issuesOf(() => paceTarget(monthly, {}, { asOf: '2026-02-30' }))).toEqual([
      'options.asOf: is not a calendar date (2026-02 has 28 days), received "2026-02-30"',
    ]);
    expect(issuesOf(() => paceTarget({} as never, {}, { asOf: '2026-02-01' }))).toEqual(['cascade: must be a result of cascadeTarget']);
    expect(issuesOf(() => paceTarget(monthly, null as never, { asOf: '2026-02-01' }))).toEqual(['actuals: must be an object of amounts by period id']);
  });
});

const rules = [
  { drop: 0.05, targetFactor: 0.97, rewardCoefficient: 1.02 },
  { drop: 0.1, targetFactor: 0.92, rewardCoefficient: 1.05 },
  { drop: 0.2, targetFactor: '0.85', rewardCoefficient: '1.1' },
];

describe('adjustTarget', () => {
  it('a 12 % fall fires the 10 % rule: 8,000,000 × 0.92 = 7,360,000, coefficient 1.05', () => {
    const a = adjustTarget(8000000, { demandChange: -0.12, rules });
    expect([a.target.toString(), a.rewardCoefficient.toString(), a.rule!.index, a.rule!.drop.toString()]).toEqual(['7360000', '1.05', 1, '0.1']);
    expect(a.explanation).toBe('demand fell by 12 %, reaching rules[1] (a drop of 10 %): target 8000000 × 0.92 = 7360000, reward coefficient 1.05');
  });

  it('a fall of exactly the drop fires the rule; just below it does not', () => {
    expect(adjustTarget(1000, { demandChange: '-0.2', rules }).rule!.index).toBe(2);
    expect(adjustTarget(1000, { demandChange: '-0.1999', rules }).rule!.index).toBe(1);
    expect(adjustTarget(1000, { demandChange: '-0.0499', rules }).rule).toBeNull();
  });

  it('no fall, no change', () => {
    const a = adjustTarget('1234.5', { demandChange: 0.05, rules });
    expect([a.target.toString(), a.rewardCoefficient.toString(), a.rule, a.explanation]).toEqual(['1234.5', '1', null, 'demand did not fall (5 %): no change']);
    expect(adjustTarget(1000, { demandChange: -0.01, rules }).explanation).toBe("demand fell by 1 %, below every rule's drop: no change");
  });

  it('rounds half-up to the target\'s scale, or the one given', () => {
    expect(adjustTarget(1001, { demandChange: -0.3, rules }).target.toString()).toBe('851');
    expect(adjustTarget(1001, { demandChange: -0.3, rules, scale: 2 }).target.toString()).toBe('850.85');
  });

  it('rules in any order; the largest drop reached wins', () => {
    expect(adjustTarget(100, { demandChange: -0.5, rules: [...rules].reverse() }).rule!.index).toBe(0);
  });

  it('refuses bad rules, naming the path', () => {
    expect(issuesOf(() => adjustTarget(100, { demandChange: -0.1, rules: [] }))).toEqual(['options.rules: must hold at least 1 item']);
    expect(issuesOf(() => adjustTarget(100, { demandChange: -0.1, rules: [{ drop: 1.5, targetFactor: 1, rewardCoefficient: 1 }] }))).toEqual([
      'options.rules[0].drop: must be at most 1 (a fall of 100 %), received 1.5',
    ]);
    expect(issuesOf(() => adjustTarget(100, { demandChange: -0.1, rules: [{ drop: 0, targetFactor: 1, rewardCoefficient: 1 }] }))).toEqual([
      'options.rules[0].drop: must be greater than 0, received 0',
    ]);
    expect(issuesOf(() => adjustTarget(100, { demandChange: -0.1, rules: [rules[0]!, rules[0]!] }))).toEqual(['options.rules[1].drop: repeats the drop of rules[0] (0.05)']);
    expect(issuesOf(() => adjustTarget(-5, { demandChange: -0.1, rules }))).toEqual(['target: must not be negative, received -5']);
    expect(issuesOf(() => adjustTarget(5, { demandChange: 'x', rules }))).toEqual(['options.demandChange: must be a number or a numeric string, received "x"']);
  });
});

describe('paceTarget on working days, edge cases', () => {
  it('an extra working day counts; a part with no working day is prorated by days', () => {
    const c = cascadeTarget({
      total: 3100,
      calendar: y2026,
      levels: ['month'],
      spread: 'workdays',
      workdays: { extraWorkdays: ['2026-01-03'], holidays: ['2026-01-01', '2026-01-02'] },
      scale: 0,
    });
    // January: 22 weekdays − 2 holidays + Saturday the 3rd = 21 working days; by the 3rd, 1 has passed.
    expect(c.periods[0]!.workdays).toBe(21);
    const p = paceTarget(c, {}, { asOf: '2026-01-03' });
    expect(p.expectedToDate.toString()).toBe(c.periods[0]!.target.div(21).toDecimalPlaces(0).toString());
    // A week cut to a lone Sunday (2026-W05@2026-02 is 1 February) has no working day: by days.
    const w = cascadeTarget({ total: 700, calendar: y2026, levels: ['month', 'week'], weeks: 'split', spread: ['even', 'days'], scale: 0 });
    const q = paceTarget({ ...w, spreads: ['even', 'workdays'] }, { '2026-01': 10, '2026-02': 5 }, { asOf: '2026-02-01' });
    expect(q.periods.find((x) => x.id === '2026-W05@2026-02')!.expectedToDate.toString()).toBe(
      w.periods[1]!.children[0]!.target.toString(),
    );
  });
});
