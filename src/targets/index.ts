/**
 * dealerkit/targets: sales targets cascaded from the year to quarters, months and weeks (Gregorian
 * or retail 4-4-5 calendars) and down the territory tree, summing exactly at every level; pace
 * against actuals and the elastic adjustment rule.
 *
 * @module targets
 */
export { isoWeekOf, isoWeeksInYear } from './iso-weeks.js';
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
export { gregorianCalendar } from './gregorian.js';
export { retailCalendar } from './retail.js';
export { cascadeTarget, cascadeTargets } from './cascade.js';
export type {
  TargetCascade,
  TargetPeriod,
  TargetWeekRef,
  TargetWeightBasis,
  TargetCascadeDifference,
  TargetPartialWeek,
  TargetCascadeNote,
} from './cascade.js';
export { splitTarget } from './split.js';
export type { TargetSplit, TargetSplitPart } from './split.js';
export { cascadeHierarchy } from './hierarchy.js';
export type { TargetHierarchy, TargetHierarchyNode } from './hierarchy.js';
export { paceTarget } from './pace.js';
export type { TargetPace, TargetPacePeriod } from './pace.js';
export { adjustTarget } from './adjust.js';
export type { TargetAdjustment } from './adjust.js';
export {
  targetWeekdaySchema,
  gregorianCalendarSpecSchema,
  retailCalendarSpecSchema,
  targetCalendarSpecSchema,
  targetSpreadSchema,
  targetWorkdaysSchema,
  cascadeTargetSpecSchema,
  splitTargetOptionsSchema,
  targetChildSchema,
  targetTreeNodeSchema,
  paceTargetOptionsSchema,
  targetAdjustRuleSchema,
  adjustTargetOptionsSchema,
} from './schema.js';
export type {
  GregorianCalendarSpec,
  RetailCalendarSpec,
  TargetCalendarSpec,
  TargetSpread,
  TargetWorkdayRules,
  CascadeTargetSpec,
  SplitTargetOptions,
  TargetChild,
  TargetTreeNode,
  PaceTargetOptions,
  TargetAdjustRule,
  AdjustTargetOptions,
} from './schema.js';

export { DealerkitError, isDealerkitError } from '../core/errors.js';
export type { DealerkitErrorCode, DealerkitIssue, DealerkitIssueCode } from '../core/errors.js';
