import { isoDateSchema, nonNegativeDecimalSchema, positiveDecimalSchema } from '../core/schema.js';
import { isDefinedJson } from '../core/defined.js';
import * as z from 'zod/mini';
import type { Decimal, DecimalInput } from '../core/decimal.js';
import type { IsoDate } from '../core/dates.js';
import type { BatchOptions } from '../core/batch.js';
import { isBuiltCalendar, type RetailLeapWeek, type RetailPattern, type RetailYearEnd, type TargetCalendar, type TargetPeriodKind } from './calendar.js';
import { WEEKDAY_NAMES, type TargetWeekday } from './days.js';
import { TARGETS_MESSAGES as M } from './messages.js';
import { roundingShape, type TargetRounding } from './rounding-schema.js';
import { lazySchema } from '../core/lazy.js';

export { type TrackTargetOptions, trackOptionsShape, trackTargetOptionsSchema, type TargetAdjustRule, type AdjustTargetSpec, type AdjustTargetInput, type AdjustTargetOptions, targetAdjustRuleSchema, adjustSpecShape, adjustTargetSpecSchema, adjustInputShape, adjustOptionsShape, adjustTargetOptionsSchema } from './adjust-schema.js';

export { type TargetRounding, roundingShape } from './rounding-schema.js';

const yearSchema = lazySchema(() => z.number().check(
  z.int({ error: (iss) => M.wholeYear(iss.input) }),
  z.minimum(1000),
  z.maximum(9000),
));

const monthSchema = lazySchema(() => z.number().check(
  z.int({ error: (iss) => M.monthNumber(iss.input) }),
  z.minimum(1),
  z.maximum(12),
));

/**
 * Schema of an English weekday name in lower case (`'saturday'`).
 *
 * @example
 * ```ts
 * targetWeekdaySchema.safeParse('saturday').success;
 * //=> true
 * ```
 */
export const targetWeekdaySchema: z.ZodMiniType<TargetWeekday, TargetWeekday> = lazySchema(() => z.enum(
  WEEKDAY_NAMES as unknown as [TargetWeekday, ...TargetWeekday[]],
));

// ---------------------------------------------------------------------------------------------
// Calendars

/** The spec of `defineGregorianCalendar`: a calendar year, or a fiscal year starting on the 1st of any month. */
export type GregorianCalendarSpec =
  | {
      /** The calendar year (1000–9000). */
      year: number;
    }
  | {
      /** First day of the fiscal year: the 1st of a month (`'2025-04-01'`). */
      start: IsoDate | Date;
      /** The year's number; by default the calendar year that holds most of its months (an October start counts as the next year). */
      fiscalYear?: number;
    };

/** @internal */
export const gregorianShape = lazySchema(() => z.strictObject({
  year: z.optional(yearSchema),
  start: z.optional(isoDateSchema),
  fiscalYear: z.optional(yearSchema),
}));

/**
 * Schema of the spec of `defineGregorianCalendar`: `{ year }`, or `{ start, fiscalYear? }` (checked together by the function).
 *
 * @example
 * ```ts
 * gregorianCalendarSpecSchema.safeParse({ year: 2026 }).success;
 * //=> true
 * ```
 */
export const gregorianCalendarSpecSchema: z.ZodMiniType<unknown, GregorianCalendarSpec> = gregorianShape as unknown as z.ZodMiniType<
  unknown,
  GregorianCalendarSpec
>;

/** The spec of `defineRetailCalendar`. */
export interface RetailCalendarSpec {
  /** The fiscal year's number (1000–9000). */
  fiscalYear: number;
  /** Weeks per month inside each quarter. */
  pattern: RetailPattern;
  /** Where the year ends. */
  yearEnd: RetailYearEnd;
  /** Where a 53rd week goes; `'last-month'` by default. */
  leapWeek?: RetailLeapWeek;
  /** Name the year by the calendar year holding most of it (`'majority'`, the default, as NRF does) or by the year it ends in (`'end'`). */
  naming?: 'majority' | 'end';
}

const leapWeekShape = lazySchema(() => z.union([z.literal('last-month'), z.literal('restate'), z.strictObject({ month: monthSchema })], {
  error: (iss) => M.leapWeek(iss.input),
}));

/** The fields of a retail calendar spec, built on first use (issue 14's light imports). */
const retailFields = () => ({
  fiscalYear: yearSchema,
  pattern: z.enum(['4-4-5', '4-5-4', '5-4-4']),
  yearEnd: z.strictObject({
    weekday: targetWeekdaySchema,
    rule: z.enum(['nearest', 'last']),
    month: monthSchema,
  }),
  leapWeek: z.optional(leapWeekShape),
  naming: z.optional(z.enum(['majority', 'end'])),
});

/** @internal */
export const retailShape = lazySchema(() => z.strictObject(retailFields()));

/**
 * Schema of the spec of `defineRetailCalendar`.
 *
 * @example
 * ```ts
 * retailCalendarSpecSchema.safeParse({ fiscalYear: 2026, pattern: '4-5-4', yearEnd: { weekday: 'saturday', rule: 'nearest', month: 1 } }).success;
 * //=> true
 * ```
 */
export const retailCalendarSpecSchema: z.ZodMiniType<unknown, RetailCalendarSpec> = retailShape as unknown as z.ZodMiniType<unknown, RetailCalendarSpec>;

/** A calendar given as data (in a config file): Gregorian, retail, or the NRF preset. */
export type TargetCalendarSpec =
  | ({
      /** A Gregorian calendar. */
      system: 'gregorian';
    } & GregorianCalendarSpec)
  | ({
      /** A retail calendar. */
      system: 'retail';
    } & RetailCalendarSpec)
  | {
      /** The NRF 4-5-4 calendar. */
      system: 'nrf';
      /** Its fiscal year. */
      fiscalYear: number;
    };

/** @internal */
export const calendarSpecShape = lazySchema(() => z.discriminatedUnion('system', [
  z.strictObject({ system: z.literal('gregorian'), year: z.optional(yearSchema), start: z.optional(isoDateSchema), fiscalYear: z.optional(yearSchema) }),
  z.strictObject({ system: z.literal('retail'), ...retailFields() }),
  z.strictObject({ system: z.literal('nrf'), fiscalYear: yearSchema }),
]));

/**
 * Schema of a calendar given as data: `{ system: 'gregorian', year }`, `{ system: 'gregorian', start }`,
 * `{ system: 'retail', fiscalYear, pattern, yearEnd, ... }` or `{ system: 'nrf', fiscalYear }`.
 *
 * @example
 * ```ts
 * targetCalendarSpecSchema.safeParse({ system: 'nrf', fiscalYear: 2026 }).success;
 * //=> true
 * ```
 */
export const targetCalendarSpecSchema: z.ZodMiniType<unknown, TargetCalendarSpec> = calendarSpecShape as unknown as z.ZodMiniType<
  unknown,
  TargetCalendarSpec
>;

// ---------------------------------------------------------------------------------------------
// Cascades

const spreadNameSchema = lazySchema(() => z.enum(['even', 'days', 'workdays']));

const spreadWeightsSchema = lazySchema(() => z.union([z.array(nonNegativeDecimalSchema), z.record(z.string(), nonNegativeDecimalSchema)], {
  error: (iss) => M.spreadWeights(iss.input === undefined),
}));

const spreadError = (iss: { input?: unknown }) =>
  M.spread(typeof iss.input === 'string' ? JSON.stringify(iss.input) : Array.isArray(iss.input) ? 'an array' : typeof iss.input);

/** The branches of a spread, built on first use (issue 14's light imports). */
const spreadBranches = () => [
  spreadNameSchema,
  z.strictObject({ profile: spreadWeightsSchema }),
  z.strictObject({ reference: spreadWeightsSchema, fallback: z.optional(spreadNameSchema) }),
] as const;

/** How a parent's target is spread over its children. See `cascadeTarget`. */
export type TargetSpread =
  | 'even'
  | 'days'
  | 'workdays'
  | {
      /** Seasonal weights: one per quarter (4), month (12) or week, in calendar order, or an object keyed by period id. */
      profile: readonly DecimalInput[] | Readonly<Record<string, DecimalInput>>;
    }
  | {
      /** Last year's actuals per period (same shapes as a profile). */
      reference: readonly DecimalInput[] | Readonly<Record<string, DecimalInput>>;
      /** The spread used where the reference sums to zero; `'days'` by default. */
      fallback?: 'even' | 'days' | 'workdays';
    };

/**
 * Schema of a spread: `'even'`, `'days'`, `'workdays'`, `{ profile }` or `{ reference, fallback? }`.
 *
 * @example
 * ```ts
 * targetSpreadSchema.safeParse('workdays').success;
 * //=> true
 * ```
 */
export const targetSpreadSchema: z.ZodMiniType<unknown, TargetSpread> = lazySchema(() => z.union(spreadBranches(), { error: spreadError }) as unknown as z.ZodMiniType<
  unknown,
  TargetSpread
>);

/** Working-day rules for the `'workdays'` spread and every period's `workdays` count. */
export interface TargetWorkdayRules {
  /** Days off every week; Saturday and Sunday by default. */
  weekend?: readonly TargetWeekday[];
  /** Days off inside the plan (public holidays). */
  holidays?: readonly (IsoDate | Date)[];
  /** Weekend days worked (make-up working days). */
  extraWorkdays?: readonly (IsoDate | Date)[];
}

const workdaysShape = lazySchema(() => z.strictObject({
  weekend: z.optional(z.array(targetWeekdaySchema)),
  holidays: z.optional(z.array(isoDateSchema)),
  extraWorkdays: z.optional(z.array(isoDateSchema)),
}));

/**
 * Schema of the working-day rules: the weekend days, holidays and extra working days.
 *
 * @example
 * ```ts
 * targetWorkdaysSchema.safeParse({ weekend: ['saturday', 'sunday'], holidays: ['2026-10-01'] }).success;
 * //=> true
 * ```
 */
export const targetWorkdaysSchema: z.ZodMiniType<unknown, TargetWorkdayRules> = workdaysShape as unknown as z.ZodMiniType<unknown, TargetWorkdayRules>;

/** The spec of `cascadeTarget` and `cascadeTargets`: how a year's target is cascaded (the total is the fact). */
export interface CascadeTargetSpec {
  /** The calendar: from `defineGregorianCalendar` / `defineRetailCalendar` / `defineNrfCalendar`, or as data (`{ system: 'gregorian', year: 2026 }`). */
  calendar: TargetCalendar | TargetCalendarSpec;
  /** The levels below the year, coarsest first: `['quarter', 'month', 'week']`, `['month']`, `['week']`. */
  levels: readonly TargetPeriodKind[];
  /** One spread for every level, or one per level. */
  spread: TargetSpread | readonly TargetSpread[];
  /** Working-day rules (Saturday and Sunday off by default). */
  workdays?: TargetWorkdayRules;
  /** Gregorian calendars with a week level: `'split'` (weeks cut at month ends) or `'thursday'` (each week whole, in the month of its Thursday). */
  weeks?: 'split' | 'thursday';
  /** `scale`: decimal places of every target (0, whole units, by default); `mode`: kept on the result for `trackTarget`'s prorations (`'half-up'` by default). */
  rounding?: TargetRounding;
  /** `'nested'` (the default): each level split inside its parent; `'direct'`: every level split from the year. */
  path?: 'nested' | 'direct';
}

/** @internal */
export const cascadeShape = lazySchema(() => z.strictObject({
  // A defined calendar or its JSON (read back by cascade-plan.ts), or a calendar spec.
  calendar: z.union([z.custom<TargetCalendar>((v) => isBuiltCalendar(v) || isDefinedJson(v, 'target-calendar')), calendarSpecShape], {
    error: () => M.notACalendar(),
  }),
  levels: z.array(z.enum(['quarter', 'month', 'week'])).check(z.minLength(1)),
  // One flat union, so a bad field inside a profile or reference is reported at its own path.
  spread: z.union([...spreadBranches(), z.array(z.union(spreadBranches(), { error: spreadError }))], { error: spreadError }),
  workdays: z.optional(workdaysShape),
  weeks: z.optional(z.enum(['split', 'thursday'])),
  rounding: z.optional(roundingShape),
  path: z.optional(z.enum(['nested', 'direct'])),
}));

/**
 * Schema of the spec of `cascadeTarget` (the calendar as a built calendar or as data).
 *
 * @example
 * ```ts
 * cascadeTargetSpecSchema.safeParse({ calendar: { system: 'gregorian', year: 2026 }, levels: ['quarter', 'month'], spread: 'even' }).success;
 * //=> true
 * ```
 */
export const cascadeTargetSpecSchema: z.ZodMiniType<unknown, CascadeTargetSpec> = cascadeShape as unknown as z.ZodMiniType<unknown, CascadeTargetSpec>;

/** One row of `cascadeTargets`: a dealer's (or territory's) total, with its id. */
export interface CascadeTargetRow {
  /** The row's id (a dealer id), returned on its result and naming it in errors. */
  id?: string | number;
  /** The year's target of this row. */
  total: DecimalInput;
}

/** @internal */
export const cascadeRowShape = lazySchema(() => z.strictObject({
  id: z.optional(z.union([z.string().check(z.minLength(1)), z.number()])),
  total: nonNegativeDecimalSchema,
}));

/**
 * Schema of one row of `cascadeTargets`: `{ id?, total }`.
 *
 * @example
 * ```ts
 * cascadeTargetRowSchema.safeParse({ id: 'D-117', total: 1200000 }).success;
 * //=> true
 * ```
 */
export const cascadeTargetRowSchema: z.ZodMiniType<unknown, CascadeTargetRow> = cascadeRowShape as unknown as z.ZodMiniType<unknown, CascadeTargetRow>;

/** Options of `cascadeTargets`: what to do with a bad row, progress, and how much of each cascade to keep. */
export interface CascadeTargetsOptions extends BatchOptions {
  /**
   * `'full'` (the default): every row's cascade with all its steps. `'summary'`: every row's
   * cascade with its figures but no steps (`steps: []`), so that many thousands of cascades fit
   * in memory; every figure can still be redone from the periods' `weight`, `weightTotal` and
   * `roundedUp`.
   */
  detail?: 'full' | 'summary';
}

/** @internal */
export const batchOptionsShape = lazySchema(() => z.strictObject({
  onError: z.optional(z.enum(['throw', 'collect'])),
  detail: z.optional(z.enum(['full', 'summary'])),
  onProgress: z.optional(
    z.custom<(done: number, total: number) => void>((v) => typeof v === 'function', {
      error: () => M.progressFunction(),
      params: { issue: 'invalid_type', expected: 'a function' },
    }),
  ),
}));

// ---------------------------------------------------------------------------------------------
// Territories

/** Options of `splitTarget` and `cascadeHierarchy`. */
export interface SplitTargetOptions {
  /** `scale`: decimal places of every target (0 by default); `mode`: how the uplifted total is rounded (`'half-up'` by default). */
  rounding?: TargetRounding;
  /** Children whose target is fixed, by id; the rest is spread over the others. */
  locks?: Readonly<Record<string, DecimalInput>>;
  /** Minimum targets by id: a floor that binds takes its units from the others in proportion to their weights. */
  floors?: Readonly<Record<string, DecimalInput>>;
  /** Over-assignment factor (`1.1` hands down 110 %), one for every level or one per level from the top; reported beside the exact split. */
  uplift?: DecimalInput | readonly DecimalInput[];
}

/** @internal */
export const splitOptionsShape = lazySchema(() => z.strictObject({
  rounding: z.optional(roundingShape),
  locks: z.optional(z.record(z.string(), nonNegativeDecimalSchema)),
  floors: z.optional(z.record(z.string(), nonNegativeDecimalSchema)),
  uplift: z.optional(z.union([positiveDecimalSchema, z.array(positiveDecimalSchema)])),
}));

/**
 * Schema of the options of `splitTarget` and `cascadeHierarchy`.
 *
 * @example
 * ```ts
 * splitTargetOptionsSchema.safeParse({ rounding: { scale: 0 }, locks: { D01: 5000000 } }).success;
 * //=> true
 * ```
 */
export const splitTargetOptionsSchema: z.ZodMiniType<unknown, SplitTargetOptions> = splitOptionsShape as unknown as z.ZodMiniType<unknown, SplitTargetOptions>;

/** One child of `splitTarget`: an id and a non-negative weight (market potential, last year's sales). */
export interface TargetChild {
  /** Unique id. */
  id: string;
  /** Non-negative weight. */
  weight: DecimalInput;
}

/** @internal */
export const childShape = lazySchema(() => z.strictObject({
  id: z.string().check(z.minLength(1)),
  weight: nonNegativeDecimalSchema,
}));

/**
 * Schema of one child of `splitTarget`.
 *
 * @example
 * ```ts
 * targetChildSchema.safeParse({ id: 'north', weight: 32 }).success;
 * //=> true
 * ```
 */
export const targetChildSchema: z.ZodMiniType<unknown, TargetChild> = childShape as unknown as z.ZodMiniType<unknown, TargetChild>;

/** A node of the territory tree of `cascadeHierarchy`. */
export interface TargetTreeNode {
  /** Unique id across the tree. */
  id: string;
  /** Non-negative weight; a node without one weighs the sum of its children's. */
  weight?: DecimalInput;
  /** Sub-territories or dealers. */
  children?: readonly TargetTreeNode[];
}

/** A parsed tree node. @internal */
export interface TargetTreeNodeParsed {
  id: string;
  weight?: Decimal;
  children?: TargetTreeNodeParsed[];
}

/** @internal */
export const treeNodeShape: z.ZodMiniType<TargetTreeNodeParsed, TargetTreeNode> = lazySchema(() => z.strictObject({
  id: z.string().check(z.minLength(1)),
  weight: z.optional(nonNegativeDecimalSchema),
  get children() {
    return z.optional(z.array(treeNodeShape));
  },
}) as unknown as z.ZodMiniType<TargetTreeNodeParsed, TargetTreeNode>);

/**
 * Schema of a node of the territory tree of `cascadeHierarchy` (recursive).
 *
 * @example
 * ```ts
 * targetTreeNodeSchema.safeParse({ id: 'brand', children: [{ id: 'north', weight: 32 }, { id: 'east', weight: 41 }] }).success;
 * //=> true
 * ```
 */
export const targetTreeNodeSchema: z.ZodMiniType<unknown, TargetTreeNode> = treeNodeShape as unknown as z.ZodMiniType<unknown, TargetTreeNode>;
