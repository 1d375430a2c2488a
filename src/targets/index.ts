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
export {
  targetWeekdaySchema,
  gregorianCalendarSpecSchema,
  retailCalendarSpecSchema,
  targetCalendarSpecSchema,
  targetSpreadSchema,
  targetWorkdaysSchema,
  cascadeTargetSpecSchema,
} from './schema.js';
export type {
  GregorianCalendarSpec,
  RetailCalendarSpec,
  TargetCalendarSpec,
  TargetSpread,
  TargetWorkdayRules,
  CascadeTargetSpec,
} from './schema.js';
