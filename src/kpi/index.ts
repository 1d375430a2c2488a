/**
 * dealerkit/kpi: weighted KPI scorecards with stage-dependent weights, grades, hard standards,
 * rankings, the standing review (warning and exit rule), weights from judgement (AHP) or data
 * (entropy), and every result explained in steps and sentences.
 *
 * @module kpi
 */
export { defineScorecard } from './scorecard.js';
export type { KpiScorecard, KpiDefinition, KpiStageWeights, KpiGrade, KpiGate, KpiGateEffect, KpiCapScore, KpiRounding } from './scorecard.js';
export { scoreDealer } from './score.js';
export type { KpiScoreResult, KpiGateResult, KpiMissingReport, ScoreDealerOptions } from './score.js';
export type {
  KpiStep,
  KpiStageStep,
  KpiReweightStep,
  KpiPointsStep,
  KpiWeightedScoreStep,
  KpiGateStep,
  KpiScoreStep,
  KpiGradeStep,
  KpiStageShare,
} from './steps.js';
export { kpiScorecardSpecSchema, kpiDealerInputSchema, standingRuleSpecSchema } from './schema.js';
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
  StandingRuleSpec,
} from './schema.js';
export { scoreDealers } from './rank.js';
export type { KpiRankedScore, KpiScoreTotals, ScoreDealersOptions } from './rank.js';
export { reviewStanding } from './standing.js';
export type { StandingStatus, StandingEntry, StandingPeriod, StandingReview, StandingRule, StandingStep } from './standing.js';
export { explainScore, explainStanding } from './explain.js';
export { calculateAhpWeights, AHP_RANDOM_INDEX } from './ahp.js';
export type {
  AhpRandomIndexTable,
  AhpRandomIndexSource,
  CalculateAhpWeightsOptions,
  AhpWeightsResult,
  AhpRandomIndexUsed,
  AhpStep,
  AhpWeightsStep,
  AhpConsistencyStep,
} from './ahp.js';
export { calculateEntropyWeights } from './entropy.js';
export type {
  EntropyKpi,
  EntropyHigherKpi,
  EntropyLowerKpi,
  EntropyReflect,
  EntropyWeightsSpec,
  EntropyWeightsResult,
  EntropyWeightStep,
} from './entropy.js';

export { DealerkitError, isDealerkitError } from '../core/errors.js';
export type { DealerkitErrorCode, DealerkitIssue, DealerkitIssueCode } from '../core/errors.js';
