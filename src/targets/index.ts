/**
 * dealerkit/targets: sales targets cascaded from the year to quarters, months and weeks (Gregorian
 * or retail 4-4-5 calendars) and down the territory tree, summing exactly at every level; tracking
 * against actuals and the elastic adjustment rule; every result explained step by step.
 *
 * @module targets
 */
export { toIsoWeek, calculateIsoWeeksInYear } from './iso-weeks.js';
export type { IsoWeekDate } from './iso-weeks.js';
export type { TargetWeekday } from './days.js';
export type {
  TargetCalendar,
  TargetCalendarPeriod,
  TargetPeriodKind,
  RetailPattern,
  RetailYearEnd,
  RetailLeapWeek,
  RetailCalendarInfo,
} from './calendar.js';
export { defineGregorianCalendar } from './gregorian.js';
export { defineRetailCalendar, defineNrfCalendar } from './retail.js';
export { cascadeTarget, cascadeTargets } from './cascade.js';
export type {
  TargetCascade,
  TargetPeriod,
  TargetWeekRef,
  TargetCascadeDifference,
  TargetPartialWeek,
  TargetCascadeTotals,
  TargetCascadeBatchStep,
} from './cascade.js';
export { splitTarget } from './split.js';
export type { TargetSplit, TargetSplitPart } from './split.js';
export { cascadeHierarchy } from './hierarchy.js';
export type { TargetHierarchy, TargetHierarchyNode } from './hierarchy.js';
export { trackTarget } from './track.js';
export type { TargetTracking, TargetTrackingPeriod } from './track.js';
export { adjustTarget } from './adjust.js';
export type { TargetAdjustment } from './adjust.js';
export { explainCascade, explainTracking, explainSplit, explainHierarchy, explainAdjustment } from './explain.js';
export type {
  TargetWeightBasis,
  TargetCascadeStep,
  TargetCascadeStartStep,
  TargetCascadePartialWeekStep,
  TargetCascadeProfileByDaysStep,
  TargetCascadeProfileOverlapStep,
  TargetCascadeFallbackStep,
  TargetCascadeSplitStep,
  TargetCascadeDifferenceStep,
  TargetSplitStep,
  TargetSplitLocksStep,
  TargetSplitFloorsStep,
  TargetSplitWeightedStep,
  TargetSplitUpliftStep,
  TargetTrackingStep,
  TargetTrackingProrateStep,
  TargetTrackingExpectedStep,
  TargetTrackingActualStep,
  TargetTrackingAttainmentStep,
  TargetTrackingGapStep,
  TargetTrackingRunRateStep,
  TargetTrackingPlanForecastStep,
  TargetTrackingRequiredRateStep,
  TargetTrackingRequiredPerDayStep,
  TargetAdjustmentStep,
  TargetAdjustmentDemandStep,
  TargetAdjustmentRuleStep,
  TargetAdjustmentNoRuleStep,
  TargetAdjustmentTargetStep,
} from './steps.js';
export {
  targetWeekdaySchema,
  gregorianCalendarSpecSchema,
  retailCalendarSpecSchema,
  targetCalendarSpecSchema,
  targetSpreadSchema,
  targetWorkdaysSchema,
  cascadeTargetSpecSchema,
  cascadeTargetRowSchema,
  splitTargetOptionsSchema,
  targetChildSchema,
  targetTreeNodeSchema,
  trackTargetOptionsSchema,
  targetAdjustRuleSchema,
  adjustTargetSpecSchema,
  adjustTargetOptionsSchema,
} from './schema.js';
export type {
  TargetRounding,
  GregorianCalendarSpec,
  RetailCalendarSpec,
  TargetCalendarSpec,
  TargetSpread,
  TargetWorkdayRules,
  CascadeTargetSpec,
  CascadeTargetRow,
  CascadeTargetsOptions,
  SplitTargetOptions,
  TargetChild,
  TargetTreeNode,
  TrackTargetOptions,
  TargetAdjustRule,
  AdjustTargetSpec,
  AdjustTargetInput,
  AdjustTargetOptions,
} from './schema.js';

export { DealerkitError, isDealerkitError } from '../core/errors.js';
export type { DealerkitErrorCode, DealerkitIssue, DealerkitIssueCode } from '../core/errors.js';
