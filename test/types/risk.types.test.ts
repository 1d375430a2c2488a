import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  DealerkitError,
  analyzeFinancials,
  assessPartner,
  calculateAltmanZ,
  checkRiskMatrix,
  dealerDueDiligence,
  dealerDueDiligencePolicy,
  defineRiskMatrix,
  defineRiskScale,
  defineRiskTemplate,
  levelFor,
  nistSp80030,
  riskLevelFor,
  type AltmanResult,
  type Decimal,
  type FinancialAnalysis,
  type PartnerAssessment,
  type RiskDecision,
  type RiskMatrix,
  type RiskMatrixCheck,
  type RiskScale,
  type RiskTemplate,
} from 'dealerkit';

// Checked by tsc (the typecheck step); the run-time assertions show misuse still throws DealerkitError.
describe('public risk types', () => {
  it('matrices, scales and checks', () => {
    expectTypeOf(defineRiskMatrix({ likelihood: ['a'], impact: ['x'], levels: ['l'], cells: [['l']] })).toEqualTypeOf<RiskMatrix>();
    expectTypeOf(riskLevelFor(nistSp80030, 'low', 'low')).toEqualTypeOf<string>();
    expectTypeOf(defineRiskScale({ bins: [{ level: 'low', from: 0 }] })).toEqualTypeOf<RiskScale>();
    expectTypeOf(levelFor).returns.toEqualTypeOf<string>();
    expectTypeOf(checkRiskMatrix(nistSp80030)).toEqualTypeOf<RiskMatrixCheck>();
    expectTypeOf<RiskMatrixCheck['weakConsistency']['margin']>().toEqualTypeOf<Decimal | null>();
    expect(() =>
      // @ts-expect-error: scoring type must be 'product' or 'sum'
      defineRiskMatrix({ likelihood: ['a'], impact: ['x'], levels: ['l'], scoring: { type: 'max', thresholds: [] } }),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: risk must be 'product' or 'sum'
      checkRiskMatrix(nistSp80030, { risk: 'max' }),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: a boolean is not a value
      levelFor(defineRiskScale({ bins: [{ level: 'low', from: 0 }] }), true),
    ).toThrow(DealerkitError);
  });

  it('financials and Altman', () => {
    expectTypeOf(analyzeFinancials).returns.toEqualTypeOf<FinancialAnalysis>();
    expectTypeOf<FinancialAnalysis['years'][number]['ratios']['roe']>().toEqualTypeOf<Decimal | null>();
    expectTypeOf(calculateAltmanZ).returns.toEqualTypeOf<AltmanResult>();
    expectTypeOf<AltmanResult['zone']>().toEqualTypeOf<'safe' | 'grey' | 'distress'>();
    expect(() =>
      // @ts-expect-error: the day count is 360 or 365
      analyzeFinancials({ years: [], dayCount: 364, averages: false }),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: 'z-triple-prime' is not a variant
      calculateAltmanZ({ variant: 'z-triple-prime', workingCapital: 1, totalAssets: 1, retainedEarnings: 1, ebit: 1, totalLiabilities: 1 }),
    ).toThrow(DealerkitError);
  });

  it('templates, findings and the assessment', () => {
    expectTypeOf(defineRiskTemplate({ ...dealerDueDiligence, name: 'copy' })).toEqualTypeOf<RiskTemplate>();
    const r = assessPartner(dealerDueDiligence, [{ factor: 'registration', likelihood: 'low', impact: 'low' }], { assessedOn: '2026-01-01', policy: dealerDueDiligencePolicy });
    expectTypeOf(r).toEqualTypeOf<PartnerAssessment>();
    expectTypeOf(r.decision).toEqualTypeOf<RiskDecision>();
    expectTypeOf<RiskDecision>().toEqualTypeOf<'approve' | 'conditional' | 'escalate' | 'reject'>();
    expectTypeOf(r.nextReviewDate).toEqualTypeOf<string>();
    expect(() =>
      // @ts-expect-error: a finding needs an impact
      assessPartner(dealerDueDiligence, [{ factor: 'registration', likelihood: 'low' }], { assessedOn: '2026-01-01', policy: dealerDueDiligencePolicy }),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: assessedOn is required
      assessPartner(dealerDueDiligence, [{ factor: 'registration', likelihood: 'low', impact: 'low' }], { policy: dealerDueDiligencePolicy }),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: booleans are not likelihoods
      assessPartner(dealerDueDiligence, [{ factor: 'registration', likelihood: true, impact: 'low' }], { assessedOn: '2026-01-01', policy: dealerDueDiligencePolicy }),
    ).toThrow(DealerkitError);
  });
});
