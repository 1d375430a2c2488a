import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  calculatePartnerLevel,
  explainPartnerLevel,
  partnerLevelsSchema,
  type Decimal,
  type PartnerLevelResult,
  type PartnerLevelSpec,
  type PartnerLevelStep,
  type RebateMetrics,
} from 'dealerkit';
import { calculatePartnerLevel as fromSubpath } from 'dealerkit/rebates';
import { strs, thrown } from './helpers.js';

// The seeds' Bronze / Silver / Gold levels "decided by annual sales and market coverage, each with
// its rebate ratio; Gold also earns a brand-promotion fund" (DOMAIN.md §1).
const levels: PartnerLevelSpec[] = [
  { name: 'Bronze', criteria: [{ metric: 'sales', value: 3000000 }] },
  { name: 'Silver', criteria: [{ metric: 'sales', value: 5000000 }, { metric: 'marketCoverage', value: '0.5' }], rate: '0.02' },
  { name: 'Gold', criteria: [{ metric: 'sales', value: 8000000 }, { metric: 'marketCoverage', value: '0.7' }], rate: '0.03', benefits: { brandFund: 200000 } },
];
// The sample network's D05 (Pudong Partners): 2025 sales 8,634,400, market coverage 0.62 (examples/data/network.json).
const d05 = { sales: 8634400, marketCoverage: '0.62' };

describe('calculatePartnerLevel (was qualifyLevel): the level specs first, then the metrics', () => {
  it('the public signature: levels, metrics → PartnerLevelResult; explainPartnerLevel → string[]', () => {
    expectTypeOf(calculatePartnerLevel).parameters.toEqualTypeOf<[readonly PartnerLevelSpec[], RebateMetrics]>();
    expectTypeOf(calculatePartnerLevel).returns.toEqualTypeOf<PartnerLevelResult>();
    expectTypeOf(explainPartnerLevel).returns.toEqualTypeOf<string[]>();
    expectTypeOf<PartnerLevelResult['level']>().toEqualTypeOf<{ index: number; name: string; rate: Decimal | null; benefits: { name: string; amount: Decimal }[] } | null>();
    expectTypeOf<PartnerLevelStep['code']>().toEqualTypeOf<'level-criterion' | 'level-reached' | 'level-next'>();
    // @ts-expect-error: the configuration (the levels) comes first
    expect(() => calculatePartnerLevel(d05, levels)).toThrow();
    expect(fromSubpath).toBe(calculatePartnerLevel);
  });

  it("the seeds' dealer D05 reaches Silver; Gold lacks 0.7 − 0.62 = 0.08 of coverage", () => {
    const q = calculatePartnerLevel(levels, d05);
    expect(q.level).toMatchObject({ index: 1, name: 'Silver', benefits: [] });
    expect(q.level!.rate!.toString()).toBe('0.02');
    expect(q.levels.map((l) => l.qualified)).toEqual([true, true, false]);
    expect(q.next!.name).toBe('Gold');
    expect(q.next!.failed.map((c) => [c.metric, c.shortfall.toString()])).toEqual([['marketCoverage', '0.08']]);
    expect(q.warnings).toEqual([]);
  });

  it('steps: every criterion with its figures, then the level reached and what the next needs', () => {
    const q = calculatePartnerLevel(levels, d05);
    expect(q.steps.map((s) => s.code)).toEqual(['level-criterion', 'level-criterion', 'level-criterion', 'level-criterion', 'level-criterion', 'level-reached', 'level-next']);
    const gold = q.steps[4]!;
    expect(gold.code === 'level-criterion' && [gold.level, gold.metric, gold.op, gold.value.toString(), gold.required.toString(), gold.passed, gold.shortfall.toString()]).toEqual([
      'Gold',
      'marketCoverage',
      '>=',
      '0.62',
      '0.7',
      false,
      '0.08',
    ]);
    expect(q.steps.map((s) => s.text)).toEqual([
      'Bronze: sales 8,634,400, needs ≥ 3,000,000: met',
      'Silver: sales 8,634,400, needs ≥ 5,000,000: met',
      'Silver: marketCoverage 0.62, needs ≥ 0.5: met',
      'Gold: sales 8,634,400, needs ≥ 8,000,000: met',
      'Gold: marketCoverage 0.62, needs ≥ 0.7: 0.08 short',
      'Silver reached: sales 8,634,400 ≥ 5,000,000 and marketCoverage 0.62 ≥ 0.5; rate 2 %.',
      'Gold needs marketCoverage ≥ 0.7 (now 0.62, 0.08 short).',
    ]);
  });

  it('explainPartnerLevel: the sentences for D05, grouped for the locale', () => {
    const q = calculatePartnerLevel(levels, d05);
    expect(explainPartnerLevel(q)).toEqual([
      'Silver reached: sales 8,634,400 ≥ 5,000,000 and marketCoverage 0.62 ≥ 0.5; rate 2 %.',
      'Gold needs marketCoverage ≥ 0.7 (now 0.62, 0.08 short).',
    ]);
    expect(explainPartnerLevel(q, { locale: 'de' })).toEqual([
      'Silver reached: sales 8.634.400 ≥ 5.000.000 and marketCoverage 0,62 ≥ 0,5; rate 2 %.',
      'Gold needs marketCoverage ≥ 0,7 (now 0,62, 0,08 short).',
    ]);
    expect(thrown(() => explainPartnerLevel(q, { locale: 42 as never })).issues[0]!.path).toEqual(['options', 'locale']);
  });

  it('Gold with its brand fund; exactly at the criteria qualifies; the top level has no next', () => {
    const q = calculatePartnerLevel(levels, { sales: 8000000, marketCoverage: '0.7' });
    expect(q.level!.name).toBe('Gold');
    expect(q.level!.benefits.map((b) => [b.name, b.amount.toString()])).toEqual([['brandFund', '200000']]);
    expect(q.next).toBeNull();
    expect(explainPartnerLevel(q)).toEqual(['Gold reached: sales 8,000,000 ≥ 8,000,000 and marketCoverage 0.7 ≥ 0.7; rate 3 %; brandFund 200,000.']);
  });

  it('no level: null, and the lowest level is next (3,000,000 − 2,500,000 = 500,000 short)', () => {
    const q = calculatePartnerLevel(levels, { sales: 2500000, marketCoverage: 1 });
    expect(q.level).toBeNull();
    expect(q.next!.name).toBe('Bronze');
    expect(q.next!.failed[0]!.shortfall.toString()).toBe('500000');
    expect(explainPartnerLevel(q)).toEqual(['No level reached.', 'Bronze needs sales ≥ 3,000,000 (now 2,500,000, 500,000 short).']);
  });

  it('upper-bound criteria report how far above they are; a strict miss by 0 reports 0', () => {
    const q = calculatePartnerLevel(
      [{ name: 'Fast', criteria: [{ metric: 'days', op: '<=', value: 30 }, { metric: 'score', op: '>', value: 80 }, { metric: 'late', op: '<', value: 2 }] }],
      { days: 45, score: 80, late: 1 },
    );
    // days: 45 − 30 = 15 over; score: 80 is not above 80, by 0.
    expect(q.levels[0]!.criteria.map((c) => [c.passed, c.shortfall.toString()])).toEqual([
      [false, '15'],
      [false, '0'],
      [true, '0'],
    ]);
    expect(q.steps.slice(0, 3).map((s) => s.text)).toEqual(['Fast: days 45, needs ≤ 30: 15 over', 'Fast: score 80, needs > 80: not met', 'Fast: late 1, needs < 2: met']);
    expect(explainPartnerLevel(q)).toEqual(['No level reached.', 'Fast needs days ≤ 30 (now 45, 15 over) and score > 80 (now 80).']);
  });

  it('warns percent-like-metric when a ratio criterion (threshold ≤ 1) is met by a value above 1', () => {
    const paying = [{ name: 'Trusted', criteria: [{ metric: 'onTimePaymentRatio', value: '0.9' }] }];
    const q = calculatePartnerLevel(paying, { onTimePaymentRatio: 97 });
    expect(q.level!.name).toBe('Trusted');
    expect(q.warnings).toHaveLength(1);
    expect(q.warnings[0]).toMatchObject({ code: 'percent-like-metric', path: ['metrics', 'onTimePaymentRatio'] });
    expect(q.warnings[0]!.message).toContain('onTimePaymentRatio is 97');
    // A fraction, or a threshold that is itself above 1 (a percentage scale), is not suspicious.
    expect(calculatePartnerLevel(paying, { onTimePaymentRatio: '0.97' }).warnings).toEqual([]);
    expect(calculatePartnerLevel([{ name: 'T', criteria: [{ metric: 'onTimePaymentRatio', value: 90 }] }], { onTimePaymentRatio: 97 }).warnings).toEqual([]);
    // One warning per metric, however many criteria use it.
    const twice = calculatePartnerLevel([paying[0]!, { name: 'Best', criteria: [{ metric: 'onTimePaymentRatio', value: '0.95' }] }], { onTimePaymentRatio: 97 });
    expect(twice.warnings).toHaveLength(1);
  });

  it('a level rate written as a percentage is refused with percent_as_whole_number and the hint', () => {
    const e = thrown(() => calculatePartnerLevel([{ name: 'Silver', criteria: [{ metric: 'sales', value: 1 }], rate: 2 }], { sales: 1 }));
    expect(e.issues).toEqual([
      { path: ['levels', 0, 'rate'], code: 'percent_as_whole_number', message: 'must be a fraction from 0 to 1, received 2: write 0.02 for 2 %', expected: 'from 0 to 1', received: '2', limit: '1' },
    ]);
    expect(partnerLevelsSchema.safeParse([{ name: 'Gold', criteria: [{ metric: 'sales', value: 1 }], rate: '0.03' }]).success).toBe(true);
  });

  it('metric names are the user text: toString, constructor and __proto__ are plain names', () => {
    const odd = [{ name: 'A', criteria: [{ metric: 'toString', value: 1 }, { metric: 'constructor', value: 1 }] }];
    const e = thrown(() => calculatePartnerLevel(odd, {}));
    expect(e.issues.map((i) => [i.path, i.code])).toEqual([
      [['metrics', 'toString'], 'required'],
      [['metrics', 'constructor'], 'required'],
    ]);
    expect(calculatePartnerLevel(odd, { toString: 2, constructor: 1 } as never).level!.name).toBe('A');
    expect(thrown(() => calculatePartnerLevel([{ name: 'A', criteria: [{ metric: '__proto__', value: 1 }] }], JSON.parse('{"__proto__": 5}'))).issues[0]!.code).toBe('required');
  });

  it('bad input: every issue with its code, all reported at once', () => {
    const e = thrown(() => calculatePartnerLevel([levels[0]!, levels[1]!, levels[0]!], { sales: 1 }));
    expect(e.issues.map((i) => [i.path, i.code, i.message])).toEqual([
      [['metrics', 'marketCoverage'], 'required', 'is required by levels[1].criteria[1] (Silver)'],
      [['levels', 2, 'name'], 'duplicate', '"Bronze" is listed twice (first at levels[0])'],
    ]);
    expect(thrown(() => calculatePartnerLevel([], {})).issues[0]).toMatchObject({ path: ['levels'], code: 'too_short' });
    expect(thrown(() => calculatePartnerLevel([{ name: 'A', criteria: [] }], {})).issues[0]).toMatchObject({ path: ['levels', 0, 'criteria'], code: 'too_short' });
    expect(thrown(() => calculatePartnerLevel([{ name: 'A', critera: [] } as never], {})).issues).toContainEqual({
      path: ['levels', 0, 'critera'],
      code: 'unknown_field',
      message: 'is not a known field; did you mean `criteria`?',
      received: 'critera',
    });
    const text = thrown(() => calculatePartnerLevel(levels, { sales: '8,634,400', marketCoverage: 1 }));
    expect(text.issues[0]).toMatchObject({ path: ['metrics', 'sales'], code: 'not_a_number' });
    expect(text.issues[0]!.message).toContain('write 8634400 without thousands separators');
    expect(thrown(() => calculatePartnerLevel([{ name: 'A', criteria: [{ metric: 's', op: '=>' as never, value: 1 }] }], { s: 1 })).issues[0]).toMatchObject({
      path: ['levels', 0, 'criteria', 0, 'op'],
      code: 'invalid_value',
    });
    expect(strs(calculatePartnerLevel(levels, d05).levels[2]!.criteria.map((c) => c.required))).toEqual(['8000000', '0.7']);
  });
});
