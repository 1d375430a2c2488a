import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  DealerkitError,
  calculateAhpWeights,
  calculateEntropyWeights,
  defineScorecard,
  explainScore,
  explainStanding,
  reviewStanding,
  scoreDealer,
  scoreDealers,
  type AhpStep,
  type AhpWeightsResult,
  type BatchResult,
  type CalculateAhpWeightsOptions,
  type Decimal,
  type EntropyWeightsResult,
  type EntropyWeightsSpec,
  type ExplainOptions,
  type KpiDealerInput,
  type KpiPointsStep,
  type KpiRankedScore,
  type KpiRounding,
  type KpiScorecard,
  type KpiScorecardSpec,
  type KpiScoreResult,
  type KpiScoreTotals,
  type KpiStep,
  type ScoreDealerOptions,
  type ScoreDealersOptions,
  type StandingEntry,
  type StandingReview,
  type StandingRuleSpec,
  type StandingStatus,
  type StandingStep,
  type Warning,
} from 'dealerkit';

const card = defineScorecard({
  kpis: [{ id: 'sales', direction: 'higher', scoring: { type: 'ratio' } }],
  stages: { s: { weights: { sales: 1 } } },
});

// Checked by tsc; at run time the misuse lines must still throw DealerkitError.
describe('public kpi types', () => {
  it('the signatures: configuration first, facts second, options last', () => {
    expectTypeOf(defineScorecard).parameters.toEqualTypeOf<[KpiScorecardSpec]>();
    expectTypeOf(scoreDealer).parameters.toEqualTypeOf<[KpiScorecard | KpiScorecardSpec, KpiDealerInput, (ScoreDealerOptions | undefined)?]>();
    expectTypeOf(scoreDealers).parameters.toEqualTypeOf<[KpiScorecard | KpiScorecardSpec, readonly KpiDealerInput[], (ScoreDealersOptions | undefined)?]>();
    expectTypeOf(scoreDealers).returns.toEqualTypeOf<BatchResult<KpiRankedScore, KpiScoreTotals>>();
    expectTypeOf(reviewStanding).parameters.toEqualTypeOf<[StandingRuleSpec, readonly StandingEntry[]]>();
    expectTypeOf(explainScore).parameters.toEqualTypeOf<[KpiScoreResult, (ExplainOptions | undefined)?]>();
    expectTypeOf(explainScore).returns.toEqualTypeOf<string[]>();
    expectTypeOf(explainStanding).parameters.toEqualTypeOf<[StandingReview, (ExplainOptions | undefined)?]>();
    expectTypeOf(calculateAhpWeights).parameters.toEqualTypeOf<[readonly (readonly (number | string)[])[], (CalculateAhpWeightsOptions | undefined)?]>();
    expectTypeOf(calculateEntropyWeights).parameters.toEqualTypeOf<[EntropyWeightsSpec, readonly Record<string, number | string | Decimal>[]]>();
    expectTypeOf<ScoreDealersOptions['ratioScale']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<KpiScorecard['rounding']>().toEqualTypeOf<KpiRounding | null>();
    expectTypeOf<KpiScorecardSpec['rounding']>().toEqualTypeOf<{ scale?: number; mode?: 'half-up' | 'half-even' | 'half-down' | 'up' | 'down' | 'ceiling' | 'floor'; stage?: 'line' | 'total' } | undefined>();
    expectTypeOf<KpiDealerInput['id']>().toEqualTypeOf<string | number | undefined>();
  });

  it('scores to Decimals, with warnings and steps', () => {
    expectTypeOf(card).toEqualTypeOf<KpiScorecard>();
    const r = scoreDealer(card, { stage: 's', actuals: { sales: 1 }, targets: { sales: 1 } });
    expectTypeOf(r).toEqualTypeOf<KpiScoreResult>();
    expectTypeOf(r.score).toEqualTypeOf<Decimal>();
    expectTypeOf(r.grade).toEqualTypeOf<string | null>();
    expectTypeOf(r.id).toEqualTypeOf<string | number | null>();
    expectTypeOf(r.warnings).toEqualTypeOf<Warning[]>();
    expectTypeOf(r.steps).toEqualTypeOf<KpiStep[]>();
    expectTypeOf<Extract<KpiStep, { code: 'kpi-points' }>>().toEqualTypeOf<KpiPointsStep>();
    expectTypeOf<KpiPointsStep['points']>().toEqualTypeOf<Decimal | null>();
    expectTypeOf<KpiPointsStep['attainment']>().toEqualTypeOf<Decimal | null>();
    expectTypeOf(r.policy).toEqualTypeOf<'single' | 'prorate' | 'end' | 'start'>();
    expectTypeOf<KpiRankedScore['percentileRank']>().toEqualTypeOf<Decimal>();
    expectTypeOf<KpiScoreTotals['meanScore']>().toEqualTypeOf<Decimal | null>();
    // No field of the old shape survives.
    expectTypeOf<KpiScoreResult>().not.toHaveProperty('lines');
    expectTypeOf<KpiRankedScore>().not.toHaveProperty('percentile');
    expectTypeOf<KpiScorecard>().not.toHaveProperty('pointsRounding');
  });

  it('reviews standing and derives weights, each with warnings and steps', () => {
    const s = reviewStanding({ benchmark: 1, graceMonths: 3, missing: 'skip' }, [{ period: '2025-Q1', score: 1 }]);
    expectTypeOf(s).toEqualTypeOf<StandingReview>();
    expectTypeOf(s.current).toEqualTypeOf<StandingStatus>();
    expectTypeOf(s.steps).toEqualTypeOf<StandingStep[]>();
    expectTypeOf<StandingStep['code']>().toEqualTypeOf<StandingStatus>();
    expectTypeOf(calculateAhpWeights([[1]])).toEqualTypeOf<AhpWeightsResult>();
    expectTypeOf(calculateAhpWeights([[1]]).weights).toEqualTypeOf<number[]>();
    expectTypeOf(calculateAhpWeights([[1]]).steps).toEqualTypeOf<AhpStep[]>();
    expectTypeOf(calculateEntropyWeights({ kpis: [{ id: 'a', direction: 'higher' }] }, [{ a: 1 }, { a: 2 }])).toEqualTypeOf<EntropyWeightsResult>();
    expectTypeOf<EntropyWeightsResult['warnings']>().toEqualTypeOf<Warning[]>();
  });

  it('refuses misuse at compile time and at run time', () => {
    expect(() =>
      // @ts-expect-error: 'inverse' is not a scoring type
      defineScorecard({ kpis: [{ id: 'a', direction: 'lower', scoring: { type: 'inverse' } }], stages: { s: { weights: { a: 1 } } } }),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: a direction is required
      defineScorecard({ kpis: [{ id: 'a', scoring: { type: 'ratio' } }], stages: { s: { weights: { a: 1 } } } }),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: pointsRounding is now rounding
      defineScorecard({ kpis: [{ id: 'a', direction: 'higher', scoring: { type: 'ratio' } }], stages: { s: { weights: { a: 1 } } }, pointsRounding: { scale: 2 } }),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: the actuals are required
      scoreDealer(card, { stage: 's' }),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: 'mid' is not a stage policy
      scoreDealer(card, { stages: [{ stage: 's', from: '2025-01-01', to: '2025-01-31' }], period: { start: '2025-01-01', end: '2025-01-31' }, policy: 'mid', actuals: { sales: 1 }, targets: { sales: 1 } }),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: ratioScale is a number of places
      scoreDealer(card, { stage: 's', actuals: { sales: 1 }, targets: { sales: 1 } }, { ratioScale: '10' }),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: the missing-period policy is required
      reviewStanding({ benchmark: 1, graceMonths: 3 }, []),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: the rule comes first, the history second
      reviewStanding([], { benchmark: 1, graceMonths: 3, missing: 'skip' }),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: 'saaty' is not a random-index table
      calculateAhpWeights([[1]], { randomIndex: 'saaty' }),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: a lower-is-better KPI needs a transform
      calculateEntropyWeights({ kpis: [{ id: 'a', direction: 'lower' }] }, [{ a: 1 }, { a: 2 }]),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: the specification comes first, the rows second
      calculateEntropyWeights([{ a: 1 }, { a: 2 }], { kpis: [{ id: 'a', direction: 'higher' }] }),
    ).toThrow(DealerkitError);
  });
});
