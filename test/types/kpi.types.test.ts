import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  DealerkitError,
  ahpWeights,
  defineScorecard,
  entropyWeights,
  reviewStanding,
  scoreDealer,
  scoreDealers,
  type AhpResult,
  type Decimal,
  type EntropyWeightsResult,
  type KpiLine,
  type KpiRankedScore,
  type KpiScorecard,
  type KpiScoreResult,
  type StandingReview,
  type StandingStatus,
} from 'dealerkit';

const card = defineScorecard({
  kpis: [{ id: 'sales', direction: 'higher', scoring: { type: 'ratio' } }],
  stages: { s: { weights: { sales: 1 } } },
});

// Checked by tsc; at run time the misuse lines must still throw DealerkitError.
describe('public kpi types', () => {
  it('defines a frozen scorecard and scores to Decimals', () => {
    expectTypeOf(card).toEqualTypeOf<KpiScorecard>();
    const r = scoreDealer(card, { stage: 's', actuals: { sales: 1 }, targets: { sales: 1 } });
    expectTypeOf(r).toEqualTypeOf<KpiScoreResult>();
    expectTypeOf(r.score).toEqualTypeOf<Decimal>();
    expectTypeOf(r.grade).toEqualTypeOf<string | null>();
    expectTypeOf(r.lines).toEqualTypeOf<KpiLine[]>();
    expectTypeOf(r.lines[0]!.points).toEqualTypeOf<Decimal | null>();
    expectTypeOf(r.policy).toEqualTypeOf<'single' | 'prorate' | 'end' | 'start'>();
    expectTypeOf(scoreDealers(card, [])).toEqualTypeOf<KpiRankedScore[]>();
    expectTypeOf<KpiRankedScore['percentile']>().toEqualTypeOf<number>();
  });

  it('reviews standing and derives weights', () => {
    const s = reviewStanding([{ period: '2025-Q1', score: 1 }], { benchmark: 1, graceMonths: 3, missing: 'skip' });
    expectTypeOf(s).toEqualTypeOf<StandingReview>();
    expectTypeOf(s.current).toEqualTypeOf<StandingStatus>();
    expectTypeOf(ahpWeights([[1]])).toEqualTypeOf<AhpResult>();
    expectTypeOf(ahpWeights([[1]]).weights).toEqualTypeOf<number[]>();
    expectTypeOf(entropyWeights([{ a: 1 }, { a: 2 }], { kpis: [{ id: 'a', direction: 'higher' }] })).toEqualTypeOf<EntropyWeightsResult>();
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
      // @ts-expect-error: the actuals are required
      scoreDealer(card, { stage: 's' }),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: 'mid' is not a stage policy
      scoreDealer(card, { stages: [{ stage: 's', from: '2025-01-01', to: '2025-01-31' }], period: { start: '2025-01-01', end: '2025-01-31' }, policy: 'mid', actuals: { sales: 1 }, targets: { sales: 1 } }),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: the missing-period policy is required
      reviewStanding([], { benchmark: 1, graceMonths: 3 }),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: 'saaty' is not a random-index table
      ahpWeights([[1]], { randomIndex: 'saaty' }),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: a lower-is-better KPI needs a transform
      entropyWeights([{ a: 1 }, { a: 2 }], { kpis: [{ id: 'a', direction: 'lower' }] }),
    ).toThrow(DealerkitError);
  });
});
