import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  DealerkitError,
  accruePoints,
  accrueRebate,
  allocateProfitPool,
  calculateLoyaltyBonus,
  calculatePartnerLevel,
  calculateRebate,
  calculateRebates,
  defineRebateProgram,
  explainAccrual,
  explainRebate,
  explainSettlement,
  settleRebate,
  settleRebates,
  type BatchResult,
  type Decimal,
  type ExplainOptions,
  type RebateAccrual,
  type RebateAccrualInput,
  type RebateBasis,
  type RebateBatchOptions,
  type RebateInput,
  type RebateMethod,
  type RebateNextTier,
  type RebateOptions,
  type RebateProgram,
  type RebateResult,
  type RebateSettlement,
  type RebateSettlementBatchOptions,
  type RebateSettlementInput,
  type RebateSettlementOptions,
  type RebateSettlementSummary,
  type RebateSettlementTotals,
  type RebateStep,
  type RebateTotals,
  type RoundingSpec,
  type RebateRoundingSpec,
  type Warning,
} from 'dealerkit';
import * as rebates from 'dealerkit/rebates';

const program = defineRebateProgram({
  currency: 'USD',
  rounding: { stage: 'line' },
  basis: 'amount',
  method: 'incremental',
  tiers: [{ from: 0, rate: '0.01' }, { from: 1000, rate: 0.02 }],
  settlement: { advance: 'cumulative', negativeTrueUp: 'clawback' },
});

// Checked by tsc; at run time the misuse cases must throw DealerkitError.
describe('rebates types', () => {
  it('defines frozen programs with closed vocabularies and the shared rounding option', () => {
    expectTypeOf(program).toEqualTypeOf<RebateProgram>();
    expectTypeOf<RebateBasis>().toEqualTypeOf<'amount' | 'quantity' | 'attainment' | 'growth' | 'growthRate'>();
    expectTypeOf<RebateMethod>().toEqualTypeOf<'retroactive' | 'incremental' | 'step'>();
    expectTypeOf(program.tiers[0]!.rate).toEqualTypeOf<Decimal | null>();
    expectTypeOf(program.ratioScale).toEqualTypeOf<number>();
    expectTypeOf(program.warnings).toEqualTypeOf<readonly Warning[]>();
    // The program's rounding is core's RoundingSpec with the stage required.
    expectTypeOf<RebateRoundingSpec>().toMatchTypeOf<RoundingSpec>();
    expectTypeOf<{ scale: 2; mode: 'half-even' }>().not.toMatchTypeOf<RebateRoundingSpec>();
    expect(Object.isFrozen(program)).toBe(true);
    expect(Object.isFrozen(program.tiers[0])).toBe(true);
    expect(Object.isFrozen(program.settlement)).toBe(true);
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
    expect(() =>
      // @ts-expect-error: 'forgive' is not a policy (say 'waive')
      defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'amount', method: 'step', tiers: [{ from: 0 }], settlement: { advance: 'cumulative', negativeTrueUp: 'forgive' } }),
    ).toThrow(DealerkitError);
  });

  it('calculates: configuration first, facts second, options last', () => {
    expectTypeOf(calculateRebate).parameters.toEqualTypeOf<[RebateProgram, RebateInput, (RebateOptions | undefined)?]>();
    const r = calculateRebate(program, { id: 'D-117', sales: '1500' }, { ratioScale: 4 });
    expectTypeOf(r).toEqualTypeOf<RebateResult>();
    expectTypeOf(r.rebate).toEqualTypeOf<Decimal>();
    expectTypeOf(r.basisValue).toEqualTypeOf<Decimal | null>();
    expectTypeOf(r.nextTier).toEqualTypeOf<RebateNextTier | null>();
    expectTypeOf(r.steps).toEqualTypeOf<RebateStep[]>();
    expectTypeOf(r.warnings).toEqualTypeOf<Warning[]>();
    // The steps are a discriminated union: the code narrows the figures.
    const s = r.steps[0]!;
    if (s.code === 'tier') expectTypeOf(s.rate).toEqualTypeOf<Decimal | null>();
    if (s.code === 'rounding') expectTypeOf(s.difference).toEqualTypeOf<Decimal>();
    // @ts-expect-error: results have steps, not lines
    expect(r.lines).toBeUndefined();
    // @ts-expect-error: sales must be numeric
    expect(() => calculateRebate(program, { sales: [1] })).toThrow(DealerkitError);
    // @ts-expect-error: the input is an object
    expect(() => calculateRebate(program, 1500)).toThrow(DealerkitError);
    // @ts-expect-error: ratioScale is a number of places
    expect(() => calculateRebate(program, { sales: 1 }, { ratioScale: '4' })).toThrow(DealerkitError);
  });

  it('a batch takes the single form’s arguments with an array of facts and returns BatchResult', () => {
    expectTypeOf(calculateRebates).parameters.toEqualTypeOf<[RebateProgram, readonly RebateInput[], (RebateBatchOptions | undefined)?]>();
    const batch = calculateRebates(program, [{ id: 1, sales: 1 }], { onError: 'collect', onProgress: (done, total) => void [done, total] });
    expectTypeOf(batch).toEqualTypeOf<BatchResult<RebateResult, RebateTotals>>();
    expectTypeOf(batch.rows[0]!.id).toEqualTypeOf<string | number | null>();
    expectTypeOf(batch.totals.rebate).toEqualTypeOf<Decimal>();
    expectTypeOf(settleRebates).parameters.toEqualTypeOf<[RebateProgram, readonly RebateSettlementInput[], (RebateSettlementBatchOptions | undefined)?]>();
    const run = settleRebates(program, [{ id: 'D1', periods: [{ period: 'Q1', sales: 1 }] }], { final: false });
    expectTypeOf(run).toEqualTypeOf<BatchResult<RebateSettlementSummary, RebateSettlementTotals>>();
    // @ts-expect-error: onError is 'throw' or 'collect'
    expect(() => calculateRebates(program, [], { onError: 'skip' })).toThrow(DealerkitError);
  });

  it('settles with the program’s policy, the same way in both forms', () => {
    expectTypeOf(settleRebate).parameters.toEqualTypeOf<[RebateProgram, RebateSettlementInput, (RebateSettlementOptions | undefined)?]>();
    expectTypeOf(settleRebate(program, { periods: [{ period: 'Q1', sales: 1 }] })).toEqualTypeOf<RebateSettlement>();
    // @ts-expect-error: the policy is the program's settlement, not part of the input
    expect(() => settleRebate(program, { periods: [{ period: 'Q1', sales: 1 }], policy: { advance: 'cumulative', negativeTrueUp: 'clawback' } })).toThrow(
      DealerkitError,
    );
    // @ts-expect-error: a period is named by `period`
    expect(() => settleRebate(program, { periods: [{ id: 'Q1', sales: 1 }] })).toThrow(DealerkitError);
  });

  it('accrues, and explains each main result into sentences', () => {
    expectTypeOf(accrueRebate).parameters.toEqualTypeOf<[RebateProgram, RebateAccrualInput, (RebateOptions | undefined)?]>();
    const a = accrueRebate(program, { salesToDate: 1, periodStart: '2025-01-01', periodEnd: '2025-12-31', asOf: '2025-06-30', method: 'actual' });
    expectTypeOf(a).toEqualTypeOf<RebateAccrual>();
    expectTypeOf(a.effectiveRate).toEqualTypeOf<Decimal | null>();
    expectTypeOf(explainRebate).parameters.toEqualTypeOf<[RebateResult, (ExplainOptions | undefined)?]>();
    expectTypeOf(explainRebate).returns.toEqualTypeOf<string[]>();
    expectTypeOf(explainSettlement).parameters.toEqualTypeOf<[RebateSettlement, (ExplainOptions | undefined)?]>();
    expectTypeOf(explainAccrual).returns.toEqualTypeOf<string[]>();
    expect(explainAccrual(a)[0]).toBe("Actual: net sales to date 1.00 after 181 of 365 days, taken as the period's.");
    // @ts-expect-error: an unknown accrual method
    expect(() => accrueRebate(program, { salesToDate: 1, periodStart: '2025-01-01', periodEnd: '2025-12-31', asOf: '2025-06-30', method: 'guess' })).toThrow(
      DealerkitError,
    );
  });

  it('the subpath exports the same functions and the error type', () => {
    expect(rebates.calculateRebate).toBe(calculateRebate);
    expect(rebates.explainSettlement).toBe(explainSettlement);
    expect(rebates.DealerkitError).toBe(DealerkitError);
    // The partner levels, points, loyalty bonus and profit pool of the same subpath (their own tests are in test/rebates).
    for (const fn of [calculatePartnerLevel, accruePoints, calculateLoyaltyBonus, allocateProfitPool]) expect(typeof fn).toBe('function');
  });
});
