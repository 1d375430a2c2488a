/**
 * dealerkit/kpi: weighted KPI scorecards with stage-dependent weights, grades, hard standards,
 * rankings, the standing review (warning and exit rule), and weights from judgement (AHP) or data
 * (entropy).
 *
 * @module kpi
 */
export { defineScorecard } from './scorecard.js';
export type { KpiScorecard, KpiDefinition, KpiStageWeights, KpiGrade, KpiGate, KpiGateEffect, KpiCapScore, KpiPointsRounding } from './scorecard.js';
export { scoreDealer } from './score.js';
export type { KpiScoreResult, KpiLine, KpiGateResult, KpiStageShare, KpiMissingReport } from './score.js';
export { kpiScorecardSpecSchema, kpiDealerInputSchema, standingReviewOptionsSchema } from './schema.js';
export type {
  KpiDirection,
  KpiScoringBasis,
  KpiCurveOutside,
  KpiFixedScore,
  KpiScoringSpec,
  KpiRatioScoring,
  KpiReductionScoring,
  KpiDeviationScoring,
  KpiCurvePoint,
  KpiCurveScoring,
  KpiBand,
  KpiBandsScoring,
  KpiBooleanScoring,
  KpiCapScoreSpec,
  KpiCapGrade,
  KpiStageSpec,
  KpiGradeSpec,
  KpiPeriod,
  KpiSpec,
  KpiGateSpec,
  KpiGateOp,
  KpiMissingPolicy,
  KpiScorecardSpec,
  KpiStagePolicy,
  KpiStageSpan,
  KpiDealerInput,
  StandingReviewOptions,
} from './schema.js';
export { scoreDealers } from './rank.js';
export type { KpiRankedScore } from './rank.js';
export { reviewStanding } from './standing.js';
export type { StandingStatus, StandingEntry, StandingPeriod, StandingReview, StandingRule } from './standing.js';
export { ahpWeights, AHP_RANDOM_INDEX } from './ahp.js';
export type { AhpRandomIndexTable, AhpRandomIndexSource, AhpOptions, AhpResult, AhpRandomIndexUsed } from './ahp.js';
export { entropyWeights } from './entropy.js';
export type { EntropyKpi, EntropyHigherKpi, EntropyLowerKpi, EntropyReflect, EntropyWeightsOptions, EntropyWeightsResult } from './entropy.js';

export { DealerkitError, isDealerkitError } from '../core/errors.js';
export type { DealerkitErrorCode, DealerkitIssue, DealerkitIssueCode } from '../core/errors.js';
