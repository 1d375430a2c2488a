/**
 * dealerkit/risk: partner due-diligence risk matrices, from findings to a rated, explained decision.
 *
 * Matrices (`defineRiskMatrix`, the NIST SP 800-30 presets), semi-quantitative scales
 * (`defineRiskScale`, `levelFor`), Cox's coherence checks (`checkRiskMatrix`), financial health
 * (`analyzeFinancials`, Altman Z) and the assessment itself (`assessPartner`).
 *
 * @module risk
 */
export { defineRiskMatrix, riskLevelFor } from './matrix.js';
export type { RiskMatrix } from './matrix.js';
export { nistSp80030, nistOverallLikelihood, riskMatrix5x5Product, riskMatrix3x3 } from './presets.js';
export { defineRiskScale, levelFor, nistSemiQuantitativeScale } from './scale.js';
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
} from './check.js';
export { calculateAltmanZ } from './altman.js';
export type { AltmanComponent, AltmanZone, AltmanResult } from './altman.js';
export { defineFinancialBenchmarks, bandFor, distributorBenchmarks } from './benchmarks.js';
export type { FinancialBand, FinancialBenchmark, FinancialBenchmarks, FinancialBandResult } from './benchmarks.js';
export { analyzeFinancials } from './financials.js';
export type {
  FinancialWarning,
  FinancialRatios,
  DupontIdentity,
  DupontThreeStep,
  DupontFiveStep,
  FinancialYearAnalysis,
  FinancialTrend,
  FinancialAnalysis,
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
  AssessPartnerOptions,
} from './assess.js';
export { riskFactorSpecSchema, riskTemplateSpecSchema, riskPolicySpecSchema, riskFindingSchema } from './schema.js';
export type { RiskFactorSpec, RiskTemplateSpec, RiskPolicySpec, RiskOverallMethod, RiskDecisionThresholds, AltmanFirm } from './schema.js';
export { toFinancialFindings, dealerFinancialFactors } from './findings.js';
export type { FinancialFactorMapping, FinancialFindings } from './findings.js';

export { DealerkitError, isDealerkitError } from '../core/errors.js';
export type { DealerkitErrorCode, DealerkitIssue, DealerkitIssueCode } from '../core/errors.js';
