import { describe, expect, it } from 'vitest';
import {
  adjustTarget,
  cascadeHierarchy,
  cascadeTarget,
  defineGregorianCalendar,
  explainAdjustment,
  explainCascade,
  explainHierarchy,
  explainSplit,
  explainTracking,
  splitTarget,
  trackTarget,
} from 'dealerkit/targets';
import { codesOf } from './helpers.js';

const y2026 = defineGregorianCalendar({ year: 2026 });
// The seeds' plan (DOMAIN.md §4): 100,000,000 for the year, to quarters and months.
const seeds = cascadeTarget({ calendar: y2026, levels: ['quarter', 'month'], spread: 'even' }, 100000000);

describe("explainCascade on the seeds' 100,000,000", () => {
  it('says what was cascaded, then each split: 25,000,000 a quarter, 8,333,333 a month and where each leftover unit went', () => {
    // 100,000,000 / 4 = 25,000,000 exactly; 25,000,000 / 3 = 8,333,333 remainder 1, the unit to the
    // quarter's first month (ties go to the earlier period).
    expect(explainCascade(seeds)).toEqual([
      '2026 (Gregorian, 2026-01-01 to 2026-12-31, 365 days): 100,000,000 cascaded to quarters and months, each level split exactly inside its parent by largest remainder.',
      '2026: 100,000,000 over 4 quarters, evenly: 25,000,000 each.',
      '2026-Q1: 25,000,000 over 3 months, evenly: 8,333,333 each; the leftover 1 goes to 2026-01 (8,333,334).',
      '2026-Q2: 25,000,000 over 3 months, evenly: 8,333,333 each; the leftover 1 goes to 2026-04 (8,333,334).',
      '2026-Q3: 25,000,000 over 3 months, evenly: 8,333,333 each; the leftover 1 goes to 2026-07 (8,333,334).',
      '2026-Q4: 25,000,000 over 3 months, evenly: 8,333,333 each; the leftover 1 goes to 2026-10 (8,333,334).',
    ]);
  });

  it('the sentences are the steps, and each split step carries the figures that redo its parts', () => {
    expect(explainCascade(seeds)).toEqual(seeds.steps.map((s) => s.text));
    const q1 = seeds.steps[2]!;
    expect(JSON.parse(JSON.stringify(q1))).toEqual({
      code: 'split',
      period: '2026-Q1',
      kind: 'month',
      amount: '25000000',
      count: 3,
      basis: 'even',
      weightTotal: '3',
      each: '8333333',
      leftover: 1,
      roundedUp: ['2026-01'],
      text: '2026-Q1: 25,000,000 over 3 months, evenly: 8,333,333 each; the leftover 1 goes to 2026-01 (8,333,334).',
    });
  });

  it('months directly from the year: the 4 leftover units to January–April, and the quarters that differ', () => {
    const direct = cascadeTarget({ calendar: y2026, levels: ['quarter', 'month'], spread: 'even', path: 'direct' }, 100000000);
    // 100,000,000 / 12 = 8,333,333 remainder 4; Q1's months: 3 × 8,333,334 = 25,000,002.
    expect(explainCascade(direct)).toEqual([
      '2026 (Gregorian, 2026-01-01 to 2026-12-31, 365 days): 100,000,000 cascaded to quarters and months, every level split from the year by largest remainder (each level sums to the total; a parent may differ from the sum of its sub-periods by a few units).',
      '2026: 100,000,000 over 4 quarters, evenly: 25,000,000 each.',
      '2026: 100,000,000 over 12 months, evenly: 8,333,333 each; the 4 leftover units go one each to 2026-01, 2026-02, 2026-03 and 2026-04 (8,333,334).',
      "2026-Q1: its sub-periods sum to 25,000,002, 2 above its 25,000,000 (path 'direct').",
      "2026-Q3: its sub-periods sum to 24,999,999, 1 below its 25,000,000 (path 'direct').",
      "2026-Q4: its sub-periods sum to 24,999,999, 1 below its 25,000,000 (path 'direct').",
    ]);
    expect(direct.warnings).toEqual([
      { code: 'direct-differences', message: "under path 'direct' 3 parent periods differ from the sum of their sub-periods (see differences)", path: ['path'] },
    ]);
  });

  it('a weighted split: by days over 365, the 6 leftover units to the largest remainders', () => {
    const days = cascadeTarget({ calendar: y2026, levels: ['month'], spread: 'days' }, 100000000);
    // 100,000,000 × days / 365: remainders .877 (28 days), .685 (31 days, ×7), .082 (30 days, ×4);
    // floors sum to 99,999,994: February and the first five 31-day months get one unit each.
    expect(explainCascade(days)[1]).toBe(
      '2026: 100,000,000 over 12 months by days (365 in all): each gets 100,000,000 × its days / 365, rounded down to whole units; the 6 leftover units go one each to the largest remainders: 2026-01, 2026-02, 2026-03, 2026-05, 2026-07 and 2026-08.',
    );
  });

  it('cents: the leftover unit is 0.01', () => {
    const cents = cascadeTarget({ calendar: y2026, levels: ['quarter'], spread: 'even', rounding: { scale: 2 } }, '100.02');
    // 10,002 cents / 4 = 2,500 remainder 2: Q1 and Q2 get 25.01.
    expect(explainCascade(cents)[1]).toBe('2026: 100.02 over 4 quarters, evenly: 25.00 each; the 2 leftover units of 0.01 go one each to 2026-Q1 and 2026-Q2 (25.01).');
  });

  it('partial weeks at the year ends say how they count', () => {
    const split = cascadeTarget({ calendar: y2026, levels: ['week'], weeks: 'split', spread: 'days' }, 365);
    // 2026-W01 runs Monday 2025-12-29 to Sunday 2026-01-04: 4 of its days are in 2026.
    expect(explainCascade(split).slice(1, 3)).toEqual([
      "2026-W01 (2025-12-29 to 2026-01-04) has 4 of its 7 days in the year: only those count (weeks: 'split').",
      "2026-W53 (2026-12-28 to 2027-01-03) has 4 of its 7 days in the year: only those count (weeks: 'split').",
    ]);
    const thursday = cascadeTarget({ calendar: defineGregorianCalendar({ year: 2025 }), levels: ['week'], weeks: 'thursday', spread: 'even' }, 52);
    expect(explainCascade(thursday).slice(1, 3)).toEqual([
      "2025-W01 (2024-12-30 to 2025-01-05) has 5 of its 7 days in the year, its Thursday among them: it counts whole (weeks: 'thursday').",
      "2026-W01 (2025-12-29 to 2026-01-04) has 3 of its 7 days in the year, its Thursday outside: it is left to the neighbouring year (weeks: 'thursday').",
    ]);
  });

  it('groups figures by the locale asked for, and reads a cascade back from JSON', () => {
    expect(explainCascade(seeds, { locale: 'de' })[2]).toBe('2026-Q1: 25.000.000 over 3 months, evenly: 8.333.333 each; the leftover 1 goes to 2026-01 (8.333.334).');
    expect(explainCascade(JSON.parse(JSON.stringify(seeds)))).toEqual(explainCascade(seeds));
  });

  it('refuses what is not a cascade, and bad options', () => {
    expect(codesOf(() => explainCascade({} as never))).toEqual([['cascade', 'invalid_type']]);
    expect(codesOf(() => explainCascade(seeds, { locale: 42 } as never))).toEqual([['options.locale', 'invalid_type']]);
    expect(codesOf(() => explainCascade(seeds, { lokale: 'de' } as never))).toEqual([['options.lokale', 'unknown_field']]);
    const edited = JSON.parse(JSON.stringify(seeds));
    edited.steps[1].amount = 'lots';
    expect(codesOf(() => explainCascade(edited))).toEqual([['cascade.steps[1].amount', 'invalid_type']]);
  });
});

describe("explainTracking on the seeds' 100,000,000", () => {
  it('at the end of Q1 with 24,500,000 sold: 98.00 % of the 25,000,000 due', () => {
    const t = trackTarget(seeds, { '2026-01': 8000000, '2026-02': 7500000, '2026-03': 9000000 }, { asOf: '2026-03-31' });
    // Due: Q1's 25,000,000. Sold: 8,000,000 + 7,500,000 + 9,000,000 = 24,500,000; 24.5 / 25 = 98 %.
    // Run rate: 24,500,000 × 365 / 90 = 99,361,111.1…; the rest to plan: 24,500,000 + 75,000,000.
    // Still to sell 75,500,000 against 75,000,000 of plan: 1.00666… = 100.67 %; over 275 days: 274,545.45… a day.
    expect(explainTracking(t)).toEqual([
      "Expected by 2026-03-31: 25,000,000 of the 100,000,000 plan (the cascade's own distribution, to the day).",
      'Actual to date: 8,000,000 (2026-01) + 7,500,000 (2026-02) + 9,000,000 (2026-03) = 24,500,000.',
      'Attainment: 24,500,000 / 25,000,000 = 98.00 %.',
      'Gap: 25,000,000 − 24,500,000: 500,000 behind plan.',
      'Run-rate forecast: 24,500,000 × 365 / 90 days = 99,361,111.',
      'If the rest goes to plan: 24,500,000 + (100,000,000 − 25,000,000) = 99,500,000.',
      "Still to sell: 75,500,000 against 75,000,000 of plan left: 100.67 % of the plan's pace.",
      'Per day: 75,500,000 / 275 days left = 274,545.',
    ]);
    expect(t.requiredRate!.toString()).toBe('1.0066666667');
    expect(t.warnings).toEqual([]);
  });

  it('in the middle of April: April is due for 15 of its 30 days', () => {
    const t = trackTarget(seeds, { '2026-01': 8000000, '2026-02': 7500000, '2026-03': 9000000 }, { asOf: '2026-04-15' });
    // April's 8,333,334 × 15 / 30 = 4,166,667; due 25,000,000 + 4,166,667 = 29,166,667.
    expect(explainTracking(t).slice(0, 4)).toEqual([
      '2026-04 is under way: 8,333,334 × 15 / 30 days = 4,166,667 due so far.',
      "Expected by 2026-04-15: 29,166,667 of the 100,000,000 plan (the cascade's own distribution, to the day).",
      'Actual to date: 8,000,000 (2026-01) + 7,500,000 (2026-02) + 9,000,000 (2026-03) = 24,500,000.',
      // 24,500,000 / 29,166,667 = 0.839999990…
      'Attainment: 24,500,000 / 29,166,667 = 84.00 %.',
    ]);
    expect(t.attainment!.toString()).toBe('0.8399999904');
    expect(t.warnings.map((w) => w.code)).toEqual(['missing-actual']);
    expect(explainTracking(t, { locale: 'de' })[3]).toBe('Attainment: 24.500.000 / 29.166.667 = 84,00 %.');
  });

  it('refuses what is not a tracking', () => {
    expect(codesOf(() => explainTracking({ steps: [] } as never))).toEqual([['tracking', 'invalid_type']]);
    expect(codesOf(() => explainTracking({ steps: [null], rounding: { scale: 0 } } as never))).toEqual([['tracking.steps[0]', 'invalid_type']]);
    // A step it does not know keeps its own text.
    expect(explainTracking({ steps: [{ code: 'note', text: 'Checked by the regional manager.' }], rounding: { scale: 0 } } as never)).toEqual(['Checked by the regional manager.']);
  });
});

describe('explainSplit, explainHierarchy, explainAdjustment', () => {
  const abc = [
    { id: 'a', weight: 5 },
    { id: 'b', weight: 3 },
    { id: 'c', weight: 2 },
  ];

  it('a binding floor, the weighted rest and the uplift', () => {
    // c's share 100 × 2/10 = 20 is below its floor of 30; the other 70 go 5:3 = 43.75, 26.25 → 43 + 1, 26.
    expect(explainSplit(splitTarget(abc, 100, { floors: { c: 30 }, uplift: 1.1 }))).toEqual([
      'c gets its floor of 30 (the weighted share is below it); 70 left to spread by weight.',
      '70 over 2 children by weight (8 in all): each gets 70 × its weight / 8, rounded down to whole units; the leftover 1 goes to a.',
      '100 × uplift 1.1 = 110 handed down in proportion to the exact targets.',
    ]);
  });

  it('a lock, then the rest by weight', () => {
    const s = splitTarget(abc, 100, { locks: { a: 50 } });
    expect(explainSplit(s)).toEqual(['a locked at 50; 50 of 100 left.', '50 over 2 children by weight (5 in all): each gets 50 × its weight / 5, rounded down to whole units.']);
    expect(JSON.parse(JSON.stringify(s.steps[0]))).toEqual({ code: 'locks', node: null, amount: '100', locked: [{ id: 'a', target: '50' }], lockedTotal: '50', rest: '50', text: 'a locked at 50; 50 of 100 left.' });
  });

  it('a territory tree, node by node', () => {
    const tree = {
      id: 'brand',
      children: [
        { id: 'north', children: [{ id: 'D01', weight: 120 }, { id: 'D02', weight: 80 }] },
        { id: 'south', children: [{ id: 'D03', weight: 100 }] },
      ],
    };
    // brand: 1,000 × 200/300 = 666.67 and × 100/300 = 333.33 → 666 + 1, 333; north: 667 × 120/200 = 400.2, × 80/200 = 266.8 → 400, 266 + 1.
    expect(explainHierarchy(cascadeHierarchy(tree, 1000))).toEqual([
      'brand: 1,000 over 2 children by weight (300 in all): each gets 1,000 × its weight / 300, rounded down to whole units; the leftover 1 goes to north.',
      'north: 667 over 2 children by weight (200 in all): each gets 667 × its weight / 200, rounded down to whole units; the leftover 1 goes to D02.',
      'south: 333 over 1 child by weight (100 in all): each gets 333 × its weight / 100, rounded down to whole units.',
    ]);
  });

  it("the seeds' elastic rule: demand down 12 %, the 10 % rule fires", () => {
    const a = adjustTarget({ rules: [{ drop: 0.05, targetFactor: 0.97, rewardCoefficient: 1.02 }, { drop: 0.1, targetFactor: 0.92, rewardCoefficient: 1.05 }] }, { target: 8333334, demandChange: -0.12 });
    // 8,333,334 × 0.92 = 7,666,667.28 → 7,666,667.
    expect(explainAdjustment(a)).toEqual([
      'Demand fell by 12.00 %.',
      'rules[1] fires: the fall reaches its drop of 10.00 % (the largest drop reached).',
      'Target 8,333,334 × 0.92 = 7,666,667; reward coefficient 1.05.',
    ]);
    expect(explainAdjustment(a, { locale: 'de' })[2]).toBe('Target 8.333.334 × 0,92 = 7.666.667; reward coefficient 1,05.');
  });
});
