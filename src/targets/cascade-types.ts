// The types of a cascade (its result, and the plan compiled from a spec and a calendar), below the
// compiler, the runner and the batch that use them.
import { Decimal } from '../core/decimal.js';
import type { IsoDate } from '../core/dates.js';
import { type IssuePath } from '../core/errors.js';
import type { RoundingMode } from '../core/money.js';
import type { Warning } from '../core/result.js';
import { type TargetCalendar, type TargetPeriodKind } from './calendar.js';
import { type TargetWeekday } from './days.js';
import type { TargetCascadeStep, TargetWeightBasis } from './steps.js';
import { type IntWeights } from './units.js';

/** The ISO week a Gregorian week period is (part of). */
export interface TargetWeekRef {
  /** The ISO week's period id, `2026-W05`. */
  period: string;
  /** ISO week-numbering year. */
  isoYear: number;
  /** ISO week number. */
  isoWeek: number;
  /** The week's Monday. */
  start: IsoDate;
  /** The week's Sunday. */
  end: IsoDate;
  /** True when this period holds only part of the week (cut at a month end or the year's end under `weeks: 'split'`). */
  portion: boolean;
}

/** One period of a {@link TargetCascade}, with the weight its target came from and its children. */
export interface TargetPeriod {
  /** The period id, unique in the cascade: `2026-Q1`, `2026-03`, `2026-W09`; a week cut at a month end is `2026-W05@2026-01`. */
  period: string;
  /** Quarter, month or week. */
  kind: TargetPeriodKind;
  /** First day. */
  start: IsoDate;
  /** Last day (included). */
  end: IsoDate;
  /** Calendar days. */
  days: number;
  /** Working days (weekdays not on the weekend list or a holiday, plus extra working days). */
  workdays: number;
  /** The weight of this period in its split (days, workdays, profile or reference weight, 1 when even). */
  weight: Decimal;
  /** The sum of the weights of the split it belongs to (its siblings under `'nested'`, its whole level under `'direct'`). */
  weightTotal: Decimal;
  /** What the weight is. */
  basis: TargetWeightBasis;
  /** True when the period got one of the leftover units: target = floor(share × weight / weightTotal) + one unit. */
  roundedUp: boolean;
  /** The target, in major units at the cascade's scale. */
  target: Decimal;
  /** Gregorian weeks: the ISO week. */
  week?: TargetWeekRef;
  /** The sub-periods (empty at the last level). */
  children: TargetPeriod[];
}

/** Under `path: 'direct'`: how far a parent's children are from it. */
export interface TargetCascadeDifference {
  /** The parent period. */
  period: string;
  /** Its target. */
  target: Decimal;
  /** The sum of its children's targets. */
  childrenSum: Decimal;
  /** childrenSum − target: a few units either way. */
  difference: Decimal;
}

/** A week at the year's start or end that the calendar year holds only part of, and how the cascade treated it. */
export interface TargetPartialWeek {
  /** The ISO week's period id. */
  period: string;
  /** The week's Monday. */
  start: IsoDate;
  /** The week's Sunday. */
  end: IsoDate;
  /** Days of the week inside the calendar's year. */
  daysInYear: number;
  /** Days of the week outside it. */
  daysOutsideYear: number;
  /** `'clipped'`: only its days in the year count (split); `'whole'`: the whole week counts (its Thursday is in the year); `'excluded'`: left to the neighbouring year (its Thursday is there). */
  treatment: 'clipped' | 'whole' | 'excluded';
}

/** The result of `cascadeTarget`: a tree of periods whose targets sum exactly to their parent (under `'nested'`). */
export interface TargetCascade {
  /** The year's period id (`'2026'`, `'FY2026'`). */
  period: string;
  /** The year's target. */
  total: Decimal;
  /** Decimal places of every target, and the mode `trackTarget` rounds its prorations with. */
  rounding: {
    /** Decimal places of every target. */
    scale: number;
    /** The rounding mode kept for `trackTarget`. */
    mode: RoundingMode;
  };
  /** The calendar system. */
  system: 'gregorian' | 'retail';
  /** First day covered (under `weeks: 'thursday'`, the Monday of the first week). */
  start: IsoDate;
  /** Last day covered. */
  end: IsoDate;
  /** Days covered. */
  days: number;
  /** Working days covered. */
  workdays: number;
  /** The levels, coarsest first. */
  levels: TargetPeriodKind[];
  /** The spread of each level. */
  spreads: TargetWeightBasis[];
  /** Nested (each level inside its parent) or direct (each level from the year). */
  path: 'nested' | 'direct';
  /** Gregorian week rule, or null. */
  weeks: 'split' | 'thursday' | null;
  /** The periods of the first level, each with its children. */
  periods: TargetPeriod[];
  /** Per level: how many periods and the sum of their targets (always the total). */
  levelSums: {
    /** The level. */
    kind: TargetPeriodKind;
    /** How many periods it has. */
    count: number;
    /** The sum of their targets. */
    sum: Decimal;
  }[];
  /** Under `'direct'`: every parent's difference from its children's sum; empty under `'nested'`. */
  differences: TargetCascadeDifference[];
  /** Weeks the calendar year holds only part of. */
  partialWeeks: TargetPartialWeek[];
  /** The working-day rules used for every `workdays` figure. */
  workdayRules: {
    /** Days off every week. */
    weekend: TargetWeekday[];
    /** Holidays, sorted. */
    holidays: IsoDate[];
    /** Extra working days, sorted. */
    extraWorkdays: IsoDate[];
  };
  /** How every figure was reached, in order: the cascade, partial weeks, each split (with how its weights were read), differences. */
  steps: TargetCascadeStep[];
  /** What to look at: spreads that fell back, parents that differ from their sub-periods under `'direct'`. */
  warnings: Warning[];
}

// ---------------------------------------------------------------------------------------------
// Plan: everything that does not depend on the total, computed once per spec.

/** @internal Shared between this engine's files; not part of the public API. */
export interface BasePeriod {
  id: string;
  kind: TargetPeriodKind;
  from: number;
  to: number;
  week: Omit<TargetWeekRef, 'portion'> | null;
}

/** @internal Shared between this engine's files; not part of the public API. */
export interface Slot {
  id: string;
  kind: TargetPeriodKind;
  from: number;
  to: number;
  days: number;
  workdays: number;
  week: TargetWeekRef | null;
  children: Slot[];
  /** Set when this slot's children are split inside it (nested). */
  childGroup: Group | null;
  weight: Decimal;
  weightTotal: Decimal;
  basis: TargetWeightBasis;
}

/** @internal Shared between this engine's files; not part of the public API. */
export interface Group {
  slots: Slot[];
  ints: IntWeights;
  /** The parent's id in steps (`<year>:<level>` under 'direct'). */
  where: string;
  kind: TargetPeriodKind;
  basis: TargetWeightBasis;
  weightTotal: Decimal;
  /** True under an even spread: the sentence gives the even share. */
  even: boolean;
  /** How the weights were read (profile by days, overlaps, fallbacks): steps before the split's. */
  weightSteps: TargetCascadeStep[];
  /** The split sentence's parts that do not depend on the amount. */
  weightTotalText: string;
  noun: string;
  by: string;
  weightWord: string;
}

/** @internal Shared between this engine's files; not part of the public API. */
export type SpreadParsed =
  | 'even'
  | 'days'
  | 'workdays'
  | { profile: Decimal[] | Record<string, Decimal> }
  | { reference: Decimal[] | Record<string, Decimal>; fallback?: 'even' | 'days' | 'workdays' | undefined };

/** @internal Shared between this engine's files; not part of the public API. */
export interface LevelSpread {
  kind: TargetWeightBasis;
  /** Profile or reference periods, chronological, tiling the span. */
  periods: { id: string; from: number; to: number; value: Decimal }[];
  fallback: 'even' | 'days' | 'workdays';
  /** Where the spread was given, for warnings. */
  path: IssuePath;
}

/** A validated, compiled cascade spec: reuse it for many totals. @internal */
export interface CascadePlan {
  calendar: TargetCalendar;
  scale: number;
  /** True when no rounding.scale was given (errors then say how to give one). */
  scaleDefaulted: boolean;
  mode: RoundingMode;
  path: 'nested' | 'direct';
  weeks: 'split' | 'thursday' | null;
  levels: TargetPeriodKind[];
  spreads: LevelSpread[];
  dates: IsoDate[];
  root: Slot;
  byDepth: Slot[][];
  directGroups: Group[];
  partialWeeks: TargetPartialWeek[];
  workdayRules: { weekend: TargetWeekday[]; holidays: IsoDate[]; extraWorkdays: IsoDate[] };
  /** Steps that do not depend on the total (partial weeks). */
  headSteps: TargetCascadeStep[];
  /** Warnings that do not depend on the total (fallbacks). */
  warnings: Warning[];
  /** The first sentence around its total. */
  startParts: [string, string];
  /** One unit of 10^-scale, as text. */
  unitText: string;
  spanWorkdays: number;
}
