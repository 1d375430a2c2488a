// The steps of the targets engine's results: each records how a figure was reached, with its
// figures and a sentence (built in text.ts from those figures).
import type { Decimal } from '../core/decimal.js';
import type { IsoDate } from '../core/dates.js';
import type { Step } from '../core/result.js';
import type { TargetPeriodKind } from './calendar.js';

/** The basis of a period's weight: what its share of the parent was computed from. */
export type TargetWeightBasis = 'even' | 'days' | 'workdays' | 'profile' | 'reference';

/** The first step of a cascade: what was cascaded, over which calendar and levels. */
export interface TargetCascadeStartStep extends Step {
  /** Always `'cascade'`. */
  code: 'cascade';
  /** The year's period id. */
  period: string;
  /** The year's target. */
  total: Decimal;
  /** The calendar system. */
  system: 'gregorian' | 'retail';
  /** First day covered. */
  start: IsoDate;
  /** Last day covered. */
  end: IsoDate;
  /** Days covered. */
  days: number;
  /** The levels, coarsest first. */
  levels: TargetPeriodKind[];
  /** Nested or direct. */
  path: 'nested' | 'direct';
}

/** A week at the year's start or end that the year holds only part of, and how it counts. */
export interface TargetCascadePartialWeekStep extends Step {
  /** Always `'partial-week'`. */
  code: 'partial-week';
  /** The ISO week's period id. */
  period: string;
  /** Its Monday. */
  start: IsoDate;
  /** Its Sunday. */
  end: IsoDate;
  /** Its days inside the calendar's year. */
  daysInYear: number;
  /** `'clipped'`, `'whole'` or `'excluded'` (see `TargetPartialWeek`). */
  treatment: 'clipped' | 'whole' | 'excluded';
}

/** Inside one profile (or reference) period, the children of a split were weighed by days. */
export interface TargetCascadeProfileByDaysStep extends Step {
  /** Always `'profile-by-days'`. */
  code: 'profile-by-days';
  /** The parent whose split it concerns (or `<year>:<level>` under `'direct'`). */
  period: string;
  /** Profile or reference. */
  spread: 'profile' | 'reference';
  /** The profile period that holds every child. */
  within: string;
}

/** The children of a split cut across profile (or reference) periods: weights by overlapping days. */
export interface TargetCascadeProfileOverlapStep extends Step {
  /** Always `'profile-overlap'`. */
  code: 'profile-overlap';
  /** The parent whose split it concerns (or `<year>:<level>` under `'direct'`). */
  period: string;
  /** Profile or reference. */
  spread: 'profile' | 'reference';
  /** L, the least common multiple of the profile periods' days: weight = Σ value × overlapping days × L / the profile period's days. */
  multiple: number;
}

/** The weights of a split summed to zero, so it fell back to another spread. */
export interface TargetCascadeFallbackStep extends Step {
  /** Always `'fallback'`. */
  code: 'fallback';
  /** The parent whose split it concerns (or `<year>:<level>` under `'direct'`). */
  period: string;
  /** The spread whose weights summed to zero. */
  from: TargetWeightBasis;
  /** The spread used instead. */
  to: 'even' | 'days' | 'workdays';
}

/**
 * One split of a cascade: `amount` over `count` periods by largest remainder. Each child gets
 * floor(amount × weight / weightTotal) at the cascade's scale, and the `leftover` units go one
 * each to the largest remainders (ties to the earlier period), listed in `roundedUp`.
 */
export interface TargetCascadeSplitStep extends Step {
  /** Always `'split'`. */
  code: 'split';
  /** The parent period (the year under `'direct'`). */
  period: string;
  /** The kind of the periods it was split into. */
  kind: TargetPeriodKind;
  /** What was split. */
  amount: Decimal;
  /** Into how many periods. */
  count: number;
  /** What the weights are. */
  basis: TargetWeightBasis;
  /** The sum of the weights. */
  weightTotal: Decimal;
  /** Under an even split, the share every period gets before the leftover units; otherwise null. */
  each: Decimal | null;
  /** How many units of 10^-scale were left over after the floors. */
  leftover: number;
  /** The periods that got one of them, in calendar order. */
  roundedUp: string[];
}

/** Under `path: 'direct'`: a parent that differs from the sum of its sub-periods. */
export interface TargetCascadeDifferenceStep extends Step {
  /** Always `'difference'`. */
  code: 'difference';
  /** The parent period. */
  period: string;
  /** Its target. */
  target: Decimal;
  /** The sum of its sub-periods' targets. */
  childrenSum: Decimal;
  /** childrenSum − target. */
  difference: Decimal;
}

/** A step of `cascadeTarget`'s result, in order: the cascade, partial weeks, then each split (with how its weights were read) and any differences. */
export type TargetCascadeStep =
  | TargetCascadeStartStep
  | TargetCascadePartialWeekStep
  | TargetCascadeProfileByDaysStep
  | TargetCascadeProfileOverlapStep
  | TargetCascadeFallbackStep
  | TargetCascadeSplitStep
  | TargetCascadeDifferenceStep;

/** Locked children keep their targets; the rest is split over the others. */
export interface TargetSplitLocksStep extends Step {
  /** Always `'locks'`. */
  code: 'locks';
  /** In a hierarchy, the parent node; null for `splitTarget`. */
  node: string | null;
  /** What the parent splits. */
  amount: Decimal;
  /** The locked children and their targets. */
  locked: {
    /** The child's id. */
    id: string;
    /** Its locked target. */
    target: Decimal;
  }[];
  /** Their sum. */
  lockedTotal: Decimal;
  /** What is left: amount − lockedTotal. */
  rest: Decimal;
}

/** Floors that bind: those children get their floor, and the rest is spread by weight over the others. */
export interface TargetSplitFloorsStep extends Step {
  /** Always `'floors'`. */
  code: 'floors';
  /** In a hierarchy, the parent node; null for `splitTarget`. */
  node: string | null;
  /** The children whose floor binds and their floors. */
  floored: {
    /** The child's id. */
    id: string;
    /** Its floor (its target). */
    floor: Decimal;
  }[];
  /** Their sum. */
  flooredTotal: Decimal;
  /** What is left to spread by weight. */
  rest: Decimal;
}

/** The weighted split, by largest remainder: floor(amount × weight / weightTotal), the leftover units to the largest remainders. */
export interface TargetSplitWeightedStep extends Step {
  /** Always `'weighted-split'`. */
  code: 'weighted-split';
  /** In a hierarchy, the parent node; null for `splitTarget`. */
  node: string | null;
  /** What was spread by weight. */
  amount: Decimal;
  /** Over how many children. */
  count: number;
  /** The sum of their weights. */
  weightTotal: Decimal;
  /** How many units of 10^-scale were left over after the floors. */
  leftover: number;
  /** The children that got one of them, in input order. */
  roundedUp: string[];
}

/** The over-assignment: the (assigned) amount × the uplift, split in proportion to the exact targets. */
export interface TargetSplitUpliftStep extends Step {
  /** Always `'uplift'`. */
  code: 'uplift';
  /** In a hierarchy, the parent node; null for `splitTarget`. */
  node: string | null;
  /** The amount uplifted: the total, or the parent's assigned target in a hierarchy. */
  amount: Decimal;
  /** The factor. */
  uplift: Decimal;
  /** amount × uplift, rounded to the scale: what is handed down. */
  assigned: Decimal;
}

/** A step of `splitTarget`'s or `cascadeHierarchy`'s result: for each split, its locks, binding floors, weighted split and uplift. */
export type TargetSplitStep = TargetSplitLocksStep | TargetSplitFloorsStep | TargetSplitWeightedStep | TargetSplitUpliftStep;

/** A last-level period that holds asOf, due in proportion to its elapsed days. */
export interface TargetTrackingProrateStep extends Step {
  /** Always `'prorate'`. */
  code: 'prorate';
  /** The period. */
  period: string;
  /** Its target. */
  target: Decimal;
  /** Its days (or working days) up to asOf, included. */
  elapsed: number;
  /** Its days (or working days) in all. */
  of: number;
  /** `'days'` or `'working days'`. */
  unit: 'days' | 'working days';
  /** target × elapsed / of, rounded to the scale. */
  expected: Decimal;
}

/** What is due by asOf. */
export interface TargetTrackingExpectedStep extends Step {
  /** Always `'expected-to-date'`. */
  code: 'expected-to-date';
  /** The date. */
  asOf: IsoDate;
  /** The sum of the last-level periods' due parts. */
  expectedToDate: Decimal;
  /** The year's target. */
  total: Decimal;
}

/** What was sold by asOf: the actuals given. */
export interface TargetTrackingActualStep extends Step {
  /** Always `'actual-to-date'`. */
  code: 'actual-to-date';
  /** The actuals given, in calendar order. */
  actuals: {
    /** The period. */
    period: string;
    /** Its actual. */
    actual: Decimal;
  }[];
  /** Their sum. */
  actualToDate: Decimal;
}

/** actual / expected. */
export interface TargetTrackingAttainmentStep extends Step {
  /** Always `'attainment'`. */
  code: 'attainment';
  /** Actual to date. */
  actualToDate: Decimal;
  /** Expected to date. */
  expectedToDate: Decimal;
  /** Their ratio at ratioScale, or null when nothing is due. */
  attainment: Decimal | null;
}

/** expected − actual: positive when behind plan. */
export interface TargetTrackingGapStep extends Step {
  /** Always `'gap'`. */
  code: 'gap';
  /** Expected to date. */
  expectedToDate: Decimal;
  /** Actual to date. */
  actualToDate: Decimal;
  /** expectedToDate − actualToDate. */
  gap: Decimal;
}

/** The year at the run rate so far. */
export interface TargetTrackingRunRateStep extends Step {
  /** Always `'run-rate-forecast'`. */
  code: 'run-rate-forecast';
  /** Actual to date. */
  actualToDate: Decimal;
  /** Days in the year. */
  days: number;
  /** Days elapsed. */
  elapsedDays: number;
  /** actual × days / elapsedDays, rounded to the scale; null before the year starts. */
  runRateForecast: Decimal | null;
}

/** The year if the rest goes to plan. */
export interface TargetTrackingPlanForecastStep extends Step {
  /** Always `'plan-forecast'`. */
  code: 'plan-forecast';
  /** Actual to date. */
  actualToDate: Decimal;
  /** The year's target. */
  total: Decimal;
  /** Expected to date. */
  expectedToDate: Decimal;
  /** actual + (total − expected). */
  planForecast: Decimal;
}

/** What is left to sell, against the plan left. */
export interface TargetTrackingRequiredRateStep extends Step {
  /** Always `'required-rate'`. */
  code: 'required-rate';
  /** total − actual. */
  remaining: Decimal;
  /** total − expected. */
  planLeft: Decimal;
  /** remaining / planLeft at ratioScale, or null when no plan is left. */
  requiredRate: Decimal | null;
}

/** What is left to sell, per day left. */
export interface TargetTrackingRequiredPerDayStep extends Step {
  /** Always `'required-per-day'`. */
  code: 'required-per-day';
  /** total − actual. */
  remaining: Decimal;
  /** Days after asOf. */
  remainingDays: number;
  /** remaining / remainingDays rounded to the scale, or null when no day is left. */
  requiredPerDay: Decimal | null;
}

/** A step of `trackTarget`'s result, in order: the prorated periods, expected, actual, attainment, gap and the forecasts. */
export type TargetTrackingStep =
  | TargetTrackingProrateStep
  | TargetTrackingExpectedStep
  | TargetTrackingActualStep
  | TargetTrackingAttainmentStep
  | TargetTrackingGapStep
  | TargetTrackingRunRateStep
  | TargetTrackingPlanForecastStep
  | TargetTrackingRequiredRateStep
  | TargetTrackingRequiredPerDayStep;

/** How demand changed. */
export interface TargetAdjustmentDemandStep extends Step {
  /** Always `'demand-change'`. */
  code: 'demand-change';
  /** The change, as a fraction (negative: a fall). */
  demandChange: Decimal;
}

/** The rule that fired: the largest drop the fall reaches. */
export interface TargetAdjustmentRuleStep extends Step {
  /** Always `'rule'`. */
  code: 'rule';
  /** Its position in `rules`. */
  index: number;
  /** Its drop. */
  drop: Decimal;
  /** Its target factor. */
  targetFactor: Decimal;
  /** Its reward coefficient. */
  rewardCoefficient: Decimal;
}

/** No rule fired. */
export interface TargetAdjustmentNoRuleStep extends Step {
  /** Always `'no-rule'`. */
  code: 'no-rule';
  /** The fall in demand (0 or less when demand did not fall). */
  fall: Decimal;
  /** The smallest drop of the rules. */
  smallestDrop: Decimal;
}

/** The adjusted target: target × factor, rounded; the reward coefficient that applies. */
export interface TargetAdjustmentTargetStep extends Step {
  /** Always `'adjusted-target'`. */
  code: 'adjusted-target';
  /** The target before. */
  originalTarget: Decimal;
  /** The factor (1 when no rule fired). */
  targetFactor: Decimal;
  /** The adjusted target. */
  target: Decimal;
  /** The reward coefficient. */
  rewardCoefficient: Decimal;
}

/** A step of `adjustTarget`'s result: the demand change, the rule (or none), the adjusted target. */
export type TargetAdjustmentStep = TargetAdjustmentDemandStep | TargetAdjustmentRuleStep | TargetAdjustmentNoRuleStep | TargetAdjustmentTargetStep;
