import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  Decimal,
  allocateProfitPool,
  explainProfitPool,
  profitPoolSchema,
  type ProfitPoolInput,
  type ProfitPoolResult,
  type ProfitPoolStep,
} from 'dealerkit';
import { strs, thrown } from './helpers.js';

// The seeds' joint profit pool: "incremental regional revenue over a baseline shared between the
// brand and partners by agreed ratios; tiered sharing ratios for joint market-development
// projects" (DOMAIN.md §1). The brand shares with the sample network's D05 and D08.
const partners = [
  { id: 'brand', weight: 1 },
  { id: 'D05', weight: 1 },
  { id: 'D08', weight: 1 },
];
const tiered: ProfitPoolInput = {
  currency: 'CNY',
  revenue: 12500000,
  baseline: 11000000,
  pool: { tiers: [{ from: 0, rate: '0.3' }, { from: 1000000, rate: '0.4' }] },
  partners,
};

describe('allocateProfitPool (was shareProfitPool)', () => {
  it('the public signature', () => {
    expectTypeOf(allocateProfitPool).parameters.toEqualTypeOf<[ProfitPoolInput]>();
    expectTypeOf(allocateProfitPool).returns.toEqualTypeOf<ProfitPoolResult>();
    expectTypeOf(explainProfitPool).returns.toEqualTypeOf<string[]>();
    expectTypeOf<ProfitPoolStep['code']>().toEqualTypeOf<'pool-increment' | 'pool-band' | 'pool-total' | 'pool-split' | 'pool-share'>();
    // @ts-expect-error: partners are { id, weight }
    expect(() => allocateProfitPool({ ...tiered, partners: ['a'] })).toThrow();
    // @ts-expect-error: the rounding mode is rounding.mode now
    expect(() => allocateProfitPool({ ...tiered, mode: 'down' })).toThrow();
  });

  it('tiered sharing: the first 1,000,000 of increment at 30 %, the rest at 40 %; shares sum to the pool', () => {
    const p = allocateProfitPool(tiered);
    // 12,500,000 − 11,000,000 = 1,500,000: 30 % × 1,000,000 + 40 % × 500,000 = 300,000 + 200,000 = 500,000;
    // thirds 166,666.666… → .67, .67, .66 (largest remainder, ties to the earlier).
    expect(strs([p.increment, p.unrounded, p.pool])).toEqual(['1500000', '500000', '500000']);
    expect(p.shares.map((s) => [s.id, s.amount.toString()])).toEqual([
      ['brand', '166666.67'],
      ['D05', '166666.67'],
      ['D08', '166666.66'],
    ]);
    expect(p.warnings).toEqual([]);
  });

  it('steps reproduce every figure: the increment, each band, the pool, the split, each share', () => {
    const p = allocateProfitPool(tiered);
    expect(p.steps.map((s) => s.code)).toEqual(['pool-increment', 'pool-band', 'pool-band', 'pool-total', 'pool-split', 'pool-share', 'pool-share', 'pool-share']);
    const bands = p.steps.filter((s) => s.code === 'pool-band');
    expect(bands.map((b) => [b.from.toString(), b.to?.toString() ?? null, b.base.toString(), b.rate.toString(), b.amount.toString()])).toEqual([
      ['0', '1000000', '1000000', '0.3', '300000'],
      ['1000000', null, '500000', '0.4', '200000'],
    ]);
    expect(p.steps.map((s) => s.text)).toEqual([
      'Increment: revenue 12,500,000.00 − baseline 11,000,000.00 = 1,500,000.00',
      '30 % × 1,000,000.00 (from 0.00 to 1,000,000.00) = 300,000.00',
      '40 % × 500,000.00 (above 1,000,000.00) = 200,000.00',
      'Pool: 30 % × 1,000,000.00 + 40 % × 500,000.00 = 500,000.00',
      '500,000.00 split by weight (1 + 1 + 1 = 3), largest remainder: the shares sum to the pool',
      'brand: weight 1 of 3 → 166,666.67',
      'D05: weight 1 of 3 → 166,666.67',
      'D08: weight 1 of 3 → 166,666.66',
    ]);
  });

  it('explainProfitPool: the sentences, grouped for the locale', () => {
    const p = allocateProfitPool(tiered);
    expect(explainProfitPool(p)).toEqual([
      'Increment: revenue 12,500,000.00 − baseline 11,000,000.00 = 1,500,000.00',
      'Pool: 30 % × 1,000,000.00 + 40 % × 500,000.00 = 500,000.00',
      'brand: weight 1 of 3 → 166,666.67',
      'D05: weight 1 of 3 → 166,666.67',
      'D08: weight 1 of 3 → 166,666.66',
    ]);
    expect(explainProfitPool(p, { locale: 'de' })[1]).toBe('Pool: 30 % × 1.000.000,00 + 40 % × 500.000,00 = 500.000,00');
  });

  it('one rate, weights, and a revenue below the baseline (no pool, warned)', () => {
    const p = allocateProfitPool({ currency: 'CNY', revenue: '1000000.10', baseline: 1000000, pool: { rate: '0.5' }, partners: [{ id: 'a', weight: 3 }, { id: 'b', weight: 1 }] });
    // 0.10 × 50 % = 0.05; split 3 : 1 → 0.0375 / 0.0125 → 0.04 / 0.01.
    expect(strs(p.shares.map((s) => s.amount))).toEqual(['0.04', '0.01']);
    expect(explainProfitPool(p)).toEqual(['Increment: revenue 1,000,000.10 − baseline 1,000,000.00 = 0.10', 'Pool: 50 % × 0.10 = 0.05', 'a: weight 3 of 4 → 0.04', 'b: weight 1 of 4 → 0.01']);
    const none = allocateProfitPool({ currency: 'CNY', revenue: 900, baseline: 1000, pool: { rate: '0.5' }, partners });
    expect(strs([none.increment, none.pool, ...none.shares.map((s) => s.amount)])).toEqual(['0', '0', '0', '0', '0']);
    expect(none.warnings).toEqual([{ code: 'no-increment', message: 'revenue 900.00 is not above the baseline 1,000.00: the pool is 0', path: ['revenue'] }]);
    expect(explainProfitPool(none)[0]).toBe('Increment: revenue 900.00 is not above baseline 1,000.00, so 0');
  });

  it('rounding: { scale, mode } replaces the top-level mode; the pool is rounded once, then split', () => {
    // 1,001 × 25 % = 250.25: to whole yuan 250 (half-up), 251 (up); split 1 : 1 → 125 / 125, 126 / 125.
    const input: ProfitPoolInput = { currency: 'CNY', revenue: 2001, baseline: 1000, pool: { rate: '0.25' }, partners: [{ id: 'D05', weight: 1 }, { id: 'D08', weight: 1 }] };
    const whole = allocateProfitPool({ ...input, rounding: { scale: 0 } });
    expect(strs([whole.unrounded, whole.pool, ...whole.shares.map((s) => s.amount)])).toEqual(['250.25', '250', '125', '125']);
    expect(whole.steps[2]!.text).toBe('Pool: 25 % × 1,001 = 250.25 → 250');
    const up = allocateProfitPool({ ...input, rounding: { scale: 0, mode: 'up' } });
    expect(strs([up.pool, ...up.shares.map((s) => s.amount)])).toEqual(['251', '126', '125']);
  });

  it('a rate written as a percentage is refused with percent_as_whole_number and the hint', () => {
    const e = thrown(() => allocateProfitPool({ ...tiered, pool: { tiers: [{ from: 0, rate: 30 }, { from: 1000000, rate: '0.4' }] } }));
    expect(e.issues).toEqual([
      { path: ['pool', 'tiers', 0, 'rate'], code: 'percent_as_whole_number', message: 'must be a fraction from 0 to 1, received 30: write 0.3 for 30 %', expected: 'from 0 to 1', received: '30', limit: '1' },
    ]);
    expect(thrown(() => allocateProfitPool({ ...tiered, pool: { rate: 40 } })).issues[0]).toMatchObject({ path: ['pool', 'rate'], code: 'percent_as_whole_number' });
    expect(profitPoolSchema.safeParse({ ...tiered, pool: { rate: '0.4' } }).success).toBe(true);
  });

  it('partners are rows: every bad partner reported in one error, each path naming the partner by its id', () => {
    const e = thrown(() =>
      allocateProfitPool({
        ...tiered,
        partners: [{ id: 'brand', weight: 1 }, { id: 'D05', weight: -1 }, { id: 'D05', weight: 1 }, { id: 'D08', wieght: 2 } as never, { weight: 1 } as never],
      }),
    );
    expect(e.issues.map((i) => [i.path, i.code])).toEqual([
      [['partners', 'D05', 'weight'], 'out_of_range'],
      [['partners', 'D05', 'id'], 'duplicate'],
      [['partners', 'D08', 'weight'], 'required'],
      [['partners', 'D08', 'wieght'], 'unknown_field'],
      [['partners', 4, 'id'], 'required'],
    ]);
    expect(e.message).toContain('partners[D05].weight: must not be negative, received -1');
    expect(e.issues[3]!.message).toBe('is not a known field; did you mean `weight`?');
    // A hole in the array, and bad fields elsewhere, are reported in the same error.
    const holes = thrown(() => allocateProfitPool({ ...tiered, revenue: 'lots' as never, partners: [partners[0]!, , partners[2]!] as never }));
    expect(holes.issues.map((i) => [i.path, i.code])).toEqual([
      [['revenue'], 'not_a_number'],
      [['partners', 1], 'required'],
    ]);
  });

  it('partner ids are the user text: toString, constructor and __proto__ are plain ids', () => {
    const p = allocateProfitPool({ ...tiered, partners: [{ id: 'toString', weight: 1 }, { id: 'constructor', weight: 1 }, { id: '__proto__', weight: 2 }] });
    // 500,000 split 1 : 1 : 2.
    expect(p.shares.map((s) => [s.id, s.amount.toString()])).toEqual([
      ['toString', '125000'],
      ['constructor', '125000'],
      ['__proto__', '250000'],
    ]);
    expect(thrown(() => allocateProfitPool({ ...tiered, partners: [{ id: 'constructor', weight: 1 }, { id: 'constructor', weight: 1 }] })).issues[0]).toMatchObject({
      path: ['partners', 'constructor', 'id'],
      code: 'duplicate',
    });
  });

  it('bad input: every issue with its code', () => {
    expect(thrown(() => allocateProfitPool({ ...tiered, partners: [{ id: 'a', weight: 0 }] })).issues).toEqual([
      { path: ['partners'], code: 'invalid_value', message: 'must not all have weight 0 (the pool could not be split)' },
    ]);
    expect(thrown(() => allocateProfitPool({ ...tiered, pool: { tiers: [{ from: 5, rate: '0.1' }] } })).issues[0]).toMatchObject({
      path: ['pool', 'tiers', 0, 'from'],
      code: 'invalid_value',
      message: 'must be 0, so that every increment falls in a tier; received 5',
    });
    expect(thrown(() => allocateProfitPool({ ...tiered, pool: { tiers: [{ from: 0, rate: '0.1' }, { from: 0, rate: '0.1' }] } })).issues[0]).toEqual({
      path: ['pool', 'tiers', 1, 'from'],
      code: 'not_ascending',
      message: 'must be greater than tiers[0].from (0); list tiers in ascending order',
      received: '0',
      limit: '0',
    });
    expect(thrown(() => allocateProfitPool({ ...tiered, pool: { share: 1 } as never })).issues.map((i) => [i.path, i.code])).toEqual([
      [['pool', 'rate'], 'required'],
      [['pool', 'share'], 'unknown_field'],
    ]);
    expect(thrown(() => allocateProfitPool({ ...tiered, partners: [] })).issues[0]).toMatchObject({ path: ['partners'], code: 'too_short' });
    expect(thrown(() => allocateProfitPool({ ...tiered, mode: 'down' } as never)).issues[0]).toMatchObject({ path: ['mode'], code: 'unknown_field' });
    expect(thrown(() => allocateProfitPool({ ...tiered, rounding: { stage: 'line' } } as never)).issues[0]).toMatchObject({ path: ['rounding', 'stage'], code: 'unknown_field' });
    expect(thrown(() => allocateProfitPool(null as never)).issues[0]).toMatchObject({ path: [], code: 'invalid_type' });
  });

  it('laws: the shares sum to the pool; the pool is the sum of the band steps, rounded once; no share is off its exact part by a cent or more', () => {
    const weight = fc.integer({ min: 0, max: 1000 });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000_000_00 }),
        fc.integer({ min: 0, max: 5_000_000_00 }),
        fc.array(weight, { minLength: 1, maxLength: 8 }).filter((ws) => ws.some((w) => w > 0)),
        fc.integer({ min: 0, max: 10000 }),
        (revenueCents, baselineCents, weights, rateBp) => {
          const p = allocateProfitPool({
            currency: 'CNY',
            revenue: new Decimal(revenueCents).div(100),
            baseline: new Decimal(baselineCents).div(100),
            pool: { tiers: [{ from: 0, rate: new Decimal(rateBp).div(10000) }, { from: 1_000_000, rate: '0.4' }] },
            partners: weights.map((w, i) => ({ id: `P${i}`, weight: w })),
          });
          expect(p.shares.reduce((a, x) => a.plus(x.amount), new Decimal(0)).eq(p.pool)).toBe(true);
          const bands = p.steps.filter((st) => st.code === 'pool-band');
          expect(bands.reduce((a, b) => a.plus(b.base.times(b.rate)), new Decimal(0)).eq(p.unrounded)).toBe(true);
          expect(p.unrounded.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).eq(p.pool)).toBe(true);
          const total = weights.reduce((a, w) => a + w, 0);
          for (const share of p.shares) expect(share.amount.minus(p.pool.times(share.weight).div(total)).abs().lt('0.01')).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
