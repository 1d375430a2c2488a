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
} from './check.js';
