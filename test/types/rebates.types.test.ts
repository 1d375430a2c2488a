import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  DealerkitError,
  accrueRebate,
  calculateRebate,
  calculateRebates,
  defineRebateProgram,
  loyaltyBonus,
  pointsLedger,
  qualifyLevel,
  settleRebate,
  settleRebates,
  shareProfitPool,
  type Decimal,
  type RebateBasis,
  type RebateMethod,
  type RebateNextTier,
  type RebateProgram,
  type RebateResult,
  type RebateSettlement,
  type RebateSettlementSummary,
} from 'dealerkit';

const program = defineRebateProgram({
  currency: 'USD',
  rounding: { stage: 'line' },
  basis: 'amount',
  method: 'incremental',
  tiers: [{ from: 0, rate: '0.01' }, { from: 1000, rate: 0.02 }],
});

// Checked by tsc; at run time the misuse cases must throw DealerkitError.
describe('rebates types', () => {
  it('defines frozen programs with closed vocabularies', () => {
    expectTypeOf(program).toEqualTypeOf<RebateProgram>();
    expectTypeOf<RebateBasis>().toEqualTypeOf<'amount' | 'quantity' | 'attainment' | 'growth' | 'growthRate'>();
    expectTypeOf<RebateMethod>().toEqualTypeOf<'retroactive' | 'incremental' | 'step'>();
    expectTypeOf(program.tiers[0]!.rate).toEqualTypeOf<Decimal | null>();
    expect(Object.isFrozen(program)).toBe(true);
    expect(Object.isFrozen(program.tiers[0])).toBe(true);
    expect(() =>
      // @ts-expect-error: 'volume' is not a method (say 'retroactive')
      defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'amount', method: 'volume', tiers: [{ from: 0 }] }),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: the rounding stage is required
      defineRebateProgram({ currency: 'USD', rounding: {}, basis: 'amount', method: 'step', tiers: [{ from: 0 }] }),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: a tier's rate is a number, a string or a Decimal
      defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'amount', method: 'step', tiers: [{ from: 0, rate: true }] }),
    ).toThrow(DealerkitError);
  });

  it('calculates into Decimal results', () => {
    const r = calculateRebate(program, { sales: '1500' });
    expectTypeOf(r).toEqualTypeOf<RebateResult>();
    expectTypeOf(r.rebate).toEqualTypeOf<Decimal>();
    expectTypeOf(r.nextTier).toEqualTypeOf<RebateNextTier | null>();
    expectTypeOf(calculateRebates(program, [{ sales: 1 }]).totals.rebate).toEqualTypeOf<Decimal>();
    // @ts-expect-error: sales must be numeric
    expect(() => calculateRebate(program, { sales: [1] })).toThrow(DealerkitError);
    // @ts-expect-error: the input is an object
    expect(() => calculateRebate(program, 1500)).toThrow(DealerkitError);
  });

  it('settles and summarises', () => {
    const policy = { advance: 'cumulative', negativeTrueUp: 'clawback' } as const;
    expectTypeOf(settleRebate(program, { periods: [{ id: 'Q1', sales: 1 }], policy })).toEqualTypeOf<RebateSettlement>();
    expectTypeOf(settleRebates(program, [{ periods: [{ id: 'Q1', sales: 1 }] }], policy).results).toEqualTypeOf<RebateSettlementSummary[]>();
    // @ts-expect-error: 'forgive' is not a policy (say 'waive')
    expect(() => settleRebate(program, { periods: [{ id: 'Q1', sales: 1 }], policy: { advance: 'cumulative', negativeTrueUp: 'forgive' } })).toThrow(
      DealerkitError,
    );
    // @ts-expect-error: a period needs an id
    expect(() => settleRebate(program, { periods: [{ sales: 1 }], policy })).toThrow(DealerkitError);
  });

  it('the other programs', () => {
    expectTypeOf(accrueRebate(program, { salesToDate: 1, periodStart: '2025-01-01', periodEnd: '2025-12-31', asOf: '2025-06-30', method: 'actual' }).accrual).toEqualTypeOf<Decimal>();
    expectTypeOf(qualifyLevel([{ name: 'Gold', criteria: [{ metric: 's', value: 1 }] }], { s: 2 }).level).toEqualTypeOf<{
      index: number;
      name: string;
      rate: Decimal | null;
      benefits: { name: string; amount: Decimal }[];
    } | null>();
    expectTypeOf(pointsLedger({ earn: [{ id: 'a', pointsPerUnit: 1 }], expiry: { quarters: 1 } }, [], { asOf: '2025-01-01' }).balance).toEqualTypeOf<Decimal>();
    expectTypeOf(loyaltyBonus({ currency: 'CNY', history: [{ year: 2025, sales: 1, target: 1 }], rates: [{ streak: 1, rate: 0 }] }).streak).toEqualTypeOf<number>();
    expectTypeOf(shareProfitPool({ currency: 'CNY', revenue: 1, baseline: 0, pool: { rate: 1 }, partners: [{ id: 'a', weight: 1 }] }).pool).toEqualTypeOf<Decimal>();
    // @ts-expect-error: expiry is { quarters } or { days }
    expect(() => pointsLedger({ earn: [{ id: 'a', pointsPerUnit: 1 }], expiry: { months: 3 } }, [], { asOf: '2025-01-01' })).toThrow(DealerkitError);
    // @ts-expect-error: a redemption has points, not a quantity
    expect(() => pointsLedger({ earn: [{ id: 'a', pointsPerUnit: 1 }], expiry: { days: 9 } }, [{ date: '2025-01-01', type: 'redeem', quantity: 1 }], { asOf: '2025-01-01' })).toThrow(
      DealerkitError,
    );
    // @ts-expect-error: years are numbers
    expect(() => loyaltyBonus({ currency: 'CNY', history: [{ year: '2025', sales: 1, target: 1 }], rates: [{ streak: 1, rate: 0 }] })).toThrow(DealerkitError);
    // @ts-expect-error: partners are { id, weight }
    expect(() => shareProfitPool({ currency: 'CNY', revenue: 1, baseline: 0, pool: { rate: 1 }, partners: ['a'] })).toThrow(DealerkitError);
    // @ts-expect-error: an unknown accrual method
    expect(() => accrueRebate(program, { salesToDate: 1, periodStart: '2025-01-01', periodEnd: '2025-12-31', asOf: '2025-06-30', method: 'guess' })).toThrow(
      DealerkitError,
    );
  });
});
