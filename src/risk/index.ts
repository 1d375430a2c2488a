/**
 * dealerkit/risk: partner due-diligence risk matrices, from findings to a rated, explained decision.
 *
 * Matrices (`defineRiskMatrix`, `toRiskLevel`, the NIST SP 800-30 presets), semi-quantitative
 * scales (`defineRiskScale`, `toScaleLevel`), Cox's coherence checks (`checkRiskMatrix`), financial
 * health (`analyzeFinancials`, `calculateAltmanZ`, `toFinancialBand`, `toFinancialFindings`) and the
 * assessment itself (`assessPartner`, `assessPartners`), with `explainAssessment` and
 * `explainFinancials` for the sentences.
 *
 * @module risk
 */
export { defineRiskMatrix, toRiskLevel } from './matrix.js';
export type { RiskMatrix } from './matrix.js';
export { nistSp80030, nistOverallLikelihood, riskMatrix5x5Product, riskMatrix3x3 } from './presets.js';
export { defineRiskScale, toScaleLevel, nistSemiQuantitativeScale } from './scale.js';
export type { RiskScale, RiskScaleBin } from './scale.js';
export { riskMatrixSpecSchema, riskScaleSpecSchema, checkRiskMatrixOptionsSchema } from './schema.js';
export type { RiskMatrixSpec, RiskScaleSpec, CheckRiskMatrixOptions } from './schema.js';
export { checkRiskMatrix } from './check.js';
export type {
  RiskCellRef,
  RiskCellRange,
  RiskMonotonicityViolation,
  RiskWeakConsistency,
  RiskBetweennessViolation,
  RiskColouringViolation,
  RiskMatrixCheck,
  RiskCellPair,
  RiskCheckOutcome,
  RiskLevelJump,
  RiskMatrixCheckStep,
  RiskAxesStep,
  RiskCheckStep,
  RiskWeakConsistencyStep,
  RiskJumpStep,
} from './check.js';
export { calculateAltmanZ } from './altman.js';
export type { AltmanComponent, AltmanZone, AltmanResult, AltmanStep, AltmanComponentStep, AltmanZoneStep, CalculateAltmanZOptions } from './altman.js';
export { defineFinancialBenchmarks, toFinancialBand, distributorBenchmarks } from './benchmarks.js';
export type { FinancialBand, FinancialBenchmark, FinancialBenchmarks, FinancialBandResult } from './benchmarks.js';
export { analyzeFinancials } from './financials.js';
export type {
  FinancialRatios,
  DupontIdentity,
  DupontThreeStep,
  DupontFiveStep,
  FinancialYearAnalysis,
  FinancialTrend,
  FinancialAnalysis,
  AnalyzeFinancialsOptions,
  FinancialAnalysisStep,
  FinancialConventionsStep,
  FinancialRatioStep,
  FinancialCycleStep,
  FinancialDupont3Step,
  FinancialDupont5Step,
  FinancialAltmanStep,
  FinancialBandStep,
  FinancialTrendStep,
  FinancialCagrStep,
} from './financials.js';
export {
  financialYearSchema,
  altmanVariantSchema,
  altmanInputSchema,
  FINANCIAL_RATIOS,
  financialBenchmarksSpecSchema,
  analyzeFinancialsInputSchema,
} from './schema.js';
export type { FinancialBenchmarkSpec, FinancialYear, AltmanVariant, AltmanInput, FinancialRatioName, FinancialBenchmarksSpec, AnalyzeFinancialsInput } from './schema.js';
export { defineRiskTemplate, dealerDueDiligence } from './template.js';
export type { RiskFactor, RiskTemplate } from './template.js';
export { defineRiskPolicy, nistRiskScores, dealerDueDiligencePolicy } from './policy.js';
export type { RiskPolicy } from './policy.js';
export { assessPartner, assessPartners } from './assess.js';
export type {
  RiskControl,
  RiskAxisValue,
  RiskFinding,
  RiskRating,
  AssessedRiskFactor,
  RiskCategoryRollup,
  RiskOverall,
  RiskHeatMap,
  RiskKnockout,
  RiskDecision,
  RiskDecisionRule,
  RiskMitigation,
  PartnerAssessment,
  PartnerAssessmentStep,
  RiskOverallStep,
  RiskKnockoutStep,
  RiskUnassessedStep,
  RiskWorstFactorStep,
  RiskOverallLevelStep,
  RiskDecisionStep,
  RiskReviewStep,
  AssessPartnerConfig,
  AssessPartnerInput,
  AssessPartnerOptions,
  AssessPartnersOptions,
  PartnerAssessmentTotals,
  PartnerAssessmentBatch,
} from './assess.js';
export { explainAssessment, explainFinancials } from './explain.js';
export { riskFactorSpecSchema, riskTemplateSpecSchema, riskPolicySpecSchema, riskFindingSchema } from './schema.js';
export type { RiskFactorSpec, RiskTemplateSpec, RiskPolicySpec, RiskOverallMethod, RiskDecisionThresholds, AltmanFirm } from './schema.js';
export { toFinancialFindings, dealerFinancialFactors } from './findings.js';
export type {
  FinancialFactorMapping,
  FinancialFindings,
  FinancialFindingsStep,
  FinancialRatioFindingStep,
  FinancialAltmanFindingStep,
  ToFinancialFindingsOptions,
} from './findings.js';

export { DealerkitError, isDealerkitError } from '../core/errors.js';
export type { DealerkitErrorCode, DealerkitIssue, DealerkitIssueCode } from '../core/errors.js';
