import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  DealerkitError,
  analyzeFinancials,
  assessPartner,
  assessPartners,
  explainAssessment,
  explainFinancials,
  toFinancialBand,
  toFinancialFindings,
  distributorBenchmarks,
  dealerFinancialFactors,
  calculateAltmanZ,
  checkRiskMatrix,
  dealerDueDiligence,
  dealerDueDiligencePolicy,
  defineRiskMatrix,
  defineRiskScale,
  defineRiskTemplate,
  toScaleLevel,
  nistSp80030,
  toRiskLevel,
  type AltmanResult,
  type AltmanStep,
  type AnalyzeFinancialsInput,
  type AnalyzeFinancialsOptions,
  type AssessPartnerConfig,
  type AssessPartnerInput,
  type AssessPartnerOptions,
  type AssessPartnersOptions,
  type BatchResult,
  type CalculateAltmanZOptions,
  type AltmanInput,
  type Decimal,
  type ExplainOptions,
  type FinancialAnalysisStep,
  type FinancialBandResult,
  type FinancialBenchmarks,
  type FinancialFactorMapping,
  type FinancialFindings,
  type FinancialRatioName,
  type PartnerAssessmentBatch,
  type PartnerAssessmentStep,
  type PartnerAssessmentTotals,
  type RiskMatrixCheckStep,
  type ToFinancialFindingsOptions,
  type Warning,
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
    expectTypeOf(toRiskLevel(nistSp80030, 'low', 'low')).toEqualTypeOf<string>();
    expectTypeOf(defineRiskScale({ bins: [{ level: 'low', from: 0 }] })).toEqualTypeOf<RiskScale>();
    expectTypeOf(toScaleLevel).returns.toEqualTypeOf<string>();
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
      toScaleLevel(defineRiskScale({ bins: [{ level: 'low', from: 0 }] }), true),
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
    const r = assessPartner({ template: dealerDueDiligence, policy: dealerDueDiligencePolicy }, { findings: [{ factor: 'registration', likelihood: 'low', impact: 'low' }] }, { asOf: '2026-01-01' });
    expectTypeOf(r).toEqualTypeOf<PartnerAssessment>();
    expectTypeOf(r.decision).toEqualTypeOf<RiskDecision>();
    expectTypeOf<RiskDecision>().toEqualTypeOf<'approve' | 'conditional' | 'escalate' | 'reject'>();
    expectTypeOf(r.nextReviewDate).toEqualTypeOf<string>();
    expect(() =>
      // @ts-expect-error: a finding needs an impact
      assessPartner({ template: dealerDueDiligence, policy: dealerDueDiligencePolicy }, { findings: [{ factor: 'registration', likelihood: 'low' }] }, { asOf: '2026-01-01' }),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: asOf is required (assessedOn is gone)
      assessPartner({ template: dealerDueDiligence, policy: dealerDueDiligencePolicy }, { findings: [{ factor: 'registration', likelihood: 'low', impact: 'low' }] }, { assessedOn: '2026-01-01' }),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: the configuration comes first, as { template, policy }
      assessPartner(dealerDueDiligence, { findings: [{ factor: 'registration', likelihood: 'low', impact: 'low' }] }, { asOf: '2026-01-01' }),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: the facts are { id?, findings }, not a bare list
      assessPartner({ template: dealerDueDiligence, policy: dealerDueDiligencePolicy }, [{ factor: 'registration', likelihood: 'low', impact: 'low' }], { asOf: '2026-01-01' }),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: booleans are not likelihoods
      assessPartner({ template: dealerDueDiligence, policy: dealerDueDiligencePolicy }, { findings: [{ factor: 'registration', likelihood: true, impact: 'low' }] }, { asOf: '2026-01-01' }),
    ).toThrow(DealerkitError);
  });

  it('the signatures: configuration first, facts second, options last', () => {
    expectTypeOf(assessPartner).parameters.toEqualTypeOf<[AssessPartnerConfig, AssessPartnerInput, AssessPartnerOptions]>();
    expectTypeOf(assessPartners).parameters.toEqualTypeOf<[AssessPartnerConfig, readonly AssessPartnerInput[], AssessPartnersOptions]>();
    expectTypeOf(assessPartners).returns.toEqualTypeOf<PartnerAssessmentBatch>();
    expectTypeOf<PartnerAssessmentBatch>().toEqualTypeOf<BatchResult<PartnerAssessment, PartnerAssessmentTotals>>();
    expectTypeOf<AssessPartnerInput['id']>().toEqualTypeOf<string | number | undefined>();
    expectTypeOf<PartnerAssessment['id']>().toEqualTypeOf<string | number | null>();
    expectTypeOf<PartnerAssessment['asOf']>().toEqualTypeOf<string>();
    expectTypeOf<AssessPartnersOptions['onError']>().toEqualTypeOf<'throw' | 'collect' | undefined>();
    expectTypeOf(toRiskLevel).parameters.toEqualTypeOf<[RiskMatrix, string, string]>();
    expectTypeOf(toScaleLevel).parameters.toEqualTypeOf<[RiskScale, Decimal | number | string]>();
    expectTypeOf(toFinancialBand).parameters.toEqualTypeOf<[FinancialBenchmarks, FinancialRatioName, Decimal | number | string]>();
    expectTypeOf(toFinancialBand).returns.toEqualTypeOf<FinancialBandResult>();
    expectTypeOf(toFinancialFindings).parameters.toEqualTypeOf<[readonly FinancialFactorMapping[], FinancialAnalysis, (ToFinancialFindingsOptions | undefined)?]>();
    expectTypeOf(analyzeFinancials).parameters.toEqualTypeOf<[AnalyzeFinancialsInput, (AnalyzeFinancialsOptions | undefined)?]>();
    expectTypeOf(calculateAltmanZ).parameters.toEqualTypeOf<[AltmanInput, (CalculateAltmanZOptions | undefined)?]>();
    expectTypeOf(explainAssessment).parameters.toEqualTypeOf<[PartnerAssessment, (ExplainOptions | undefined)?]>();
    expectTypeOf(explainAssessment).returns.toEqualTypeOf<string[]>();
    expectTypeOf(explainFinancials).parameters.toEqualTypeOf<[FinancialAnalysis, (ExplainOptions | undefined)?]>();
    expectTypeOf(explainFinancials).returns.toEqualTypeOf<string[]>();
  });

  it('every computing result has warnings and typed steps', () => {
    expectTypeOf<PartnerAssessment['warnings']>().toEqualTypeOf<readonly Warning[]>();
    expectTypeOf<PartnerAssessment['steps']>().toEqualTypeOf<readonly PartnerAssessmentStep[]>();
    expectTypeOf<PartnerAssessmentStep['code']>().toEqualTypeOf<'overall' | 'knockout' | 'unassessed' | 'worst-factor' | 'overall-level' | 'decision' | 'review'>();
    expectTypeOf<FinancialAnalysis['warnings']>().toEqualTypeOf<readonly Warning[]>();
    expectTypeOf<FinancialAnalysis['steps']>().toEqualTypeOf<readonly FinancialAnalysisStep[]>();
    expectTypeOf<AltmanResult['warnings']>().toEqualTypeOf<readonly Warning[]>();
    expectTypeOf<AltmanResult['steps']>().toEqualTypeOf<readonly AltmanStep[]>();
    expectTypeOf<RiskMatrixCheck['warnings']>().toEqualTypeOf<readonly Warning[]>();
    expectTypeOf<RiskMatrixCheck['steps']>().toEqualTypeOf<readonly RiskMatrixCheckStep[]>();
    expectTypeOf<FinancialFindings['warnings']>().toEqualTypeOf<readonly Warning[]>();
    // A step narrows by its code to its figures.
    const step = {} as FinancialAnalysisStep;
    if (step.code === 'ratio') expectTypeOf(step.numerator).toEqualTypeOf<Decimal>();
    if (step.code === 'band') expectTypeOf(step.cut).toEqualTypeOf<Decimal | null>();
    // Renamed fields are gone.
    // @ts-expect-error: explanation became the 'overall' step
    void ({} as PartnerAssessment['overall']).explanation;
    // @ts-expect-error: trace became the rule steps
    void ({} as PartnerAssessment).trace;
    // @ts-expect-error: conventions became the 'conventions' step
    void ({} as FinancialAnalysis).conventions;
    const a = analyzeFinancials({ years: [{ year: 2024, revenue: 1, cogs: 1, ebit: 1, interest: 1, ebt: 1, netIncome: 1, totalAssets: 1, totalLiabilities: 1, currentAssets: 1, currentLiabilities: 1, inventory: 1, receivables: 1, payables: 1, equity: 0, retainedEarnings: 1, operatingCashFlow: 1 }], dayCount: 365, averages: false, benchmarks: distributorBenchmarks });
    expectTypeOf(toFinancialFindings(dealerFinancialFactors, a)).toEqualTypeOf<FinancialFindings>();
    expect(() =>
      // @ts-expect-error: the mappings come first, the analysis second
      toFinancialFindings(a, dealerFinancialFactors),
    ).toThrow(DealerkitError);
  });
});
