import {
  z,
  decimalSchema,
  isoDateSchema,
  nonNegativeDecimalSchema,
  positiveDecimalSchema,
  scaleSchema,
} from '../core/schema.js';
import type { Decimal, DecimalInput } from '../core/decimal.js';
import type { IsoDate } from '../core/dates.js';
import { isBuiltCalendar, type TargetCalendar, type TargetPeriodKind } from './calendar.js';
import { WEEKDAY_NAMES, type TargetWeekday } from './days.js';

const yearSchema = z.number().check(
  z.int({ error: (iss) => `must be a whole year, received ${String(iss.input)}` }),
  z.minimum(1000),
  z.maximum(9000),
);

const monthSchema = z.number().check(
  z.int({ error: (iss) => `must be a month number from 1 to 12, received ${String(iss.input)}` }),
  z.minimum(1),
  z.maximum(12),
);

/** Schema of an English weekday name in lower case (`'saturday'`). */
export const targetWeekdaySchema: z.ZodMiniType<TargetWeekday, TargetWeekday> = z.enum(
  WEEKDAY_NAMES as unknown as [TargetWeekday, ...TargetWeekday[]],
);

/**
 * Schema of the spec of `gregorianCalendar`: `{ year }` for a calendar year, or `{ start, fiscalYear? }`
 * for a fiscal year starting on the first day of any month.
 */
export const gregorianCalendarSpecSchema = z.strictObject({
  year: z.optional(yearSchema),
  start: z.optional(isoDateSchema),
  fiscalYear: z.optional(yearSchema),
});

/** The spec of `gregorianCalendar`. */
export type GregorianCalendarSpec =
  | { year: number }
  | {
      /** First day of the fiscal year: the 1st of a month (`'2025-04-01'`). */
      start: IsoDate | Date;
      /** The year's number; by default the calendar year that holds most of its months (an October start counts as the next year). */
      fiscalYear?: number;
    };

/** Schema of the spec of `retailCalendar`. */
export const retailCalendarSpecSchema = z.strictObject({
  fiscalYear: yearSchema,
  pattern: z.enum(['4-4-5', '4-5-4', '5-4-4']),
  yearEnd: z.strictObject({
    weekday: targetWeekdaySchema,
    rule: z.enum(['nearest', 'last']),
    month: monthSchema,
  }),
  leapWeek: z.optional(
    z.union([z.literal('last-month'), z.literal('restate'), z.strictObject({ month: monthSchema })], {
      error: (iss) => `must be 'last-month', 'restate' or { month: 1–12 }, received ${JSON.stringify(iss.input)}`,
    }),
  ),
  naming: z.optional(z.enum(['majority', 'end'])),
});

/** The spec of `retailCalendar`. */
export type RetailCalendarSpec = z.input<typeof retailCalendarSpecSchema>;

/**
 * Schema of a calendar given as data (for a config file): `{ system: 'gregorian', year }`,
 * `{ system: 'gregorian', start }`, `{ system: 'retail', fiscalYear, pattern, yearEnd, ... }` or
 * `{ system: 'nrf', fiscalYear }`.
 */
export const targetCalendarSpecSchema = z.discriminatedUnion('system', [
  z.strictObject({
    system: z.literal('gregorian'),
    year: z.optional(yearSchema),
    start: z.optional(isoDateSchema),
    fiscalYear: z.optional(yearSchema),
  }),
  z.strictObject({
    system: z.literal('retail'),
    fiscalYear: yearSchema,
    pattern: z.enum(['4-4-5', '4-5-4', '5-4-4']),
    yearEnd: z.strictObject({
      weekday: targetWeekdaySchema,
      rule: z.enum(['nearest', 'last']),
      month: monthSchema,
    }),
    leapWeek: z.optional(
      z.union([z.literal('last-month'), z.literal('restate'), z.strictObject({ month: monthSchema })], {
        error: (iss) => `must be 'last-month', 'restate' or { month: 1–12 }, received ${JSON.stringify(iss.input)}`,
      }),
    ),
    naming: z.optional(z.enum(['majority', 'end'])),
  }),
  z.strictObject({ system: z.literal('nrf'), fiscalYear: yearSchema }),
]);

/** A calendar given as data; see {@link targetCalendarSpecSchema}. */
export type TargetCalendarSpec = z.input<typeof targetCalendarSpecSchema>;

const builtCalendarSchema = z.custom<TargetCalendar>(isBuiltCalendar);

const spreadNameSchema = z.enum(['even', 'days', 'workdays']);

const spreadWeightsSchema = z.union([z.array(nonNegativeDecimalSchema), z.record(z.string(), nonNegativeDecimalSchema)], {
  error: (iss) =>
    iss.input === undefined
      ? 'is required (an array of weights or an object of weights by period id)'
      : 'must be an array of weights or an object of weights by period id',
});

const spreadError = (iss: { input?: unknown }) =>
  `must be 'even', 'days', 'workdays', { profile } or { reference }, received ${typeof iss.input === 'string' ? JSON.stringify(iss.input) : Array.isArray(iss.input) ? 'an array' : typeof iss.input}`;

const spreadBranches = [
  spreadNameSchema,
  z.strictObject({ profile: spreadWeightsSchema }),
  z.strictObject({ reference: spreadWeightsSchema, fallback: z.optional(spreadNameSchema) }),
] as const;

/** Schema of a spread: `'even'`, `'days'`, `'workdays'`, `{ profile }` or `{ reference, fallback? }`. */
export const targetSpreadSchema = z.union(spreadBranches, { error: spreadError });

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

/** Schema of the working-day rules: the weekend days, holidays and extra working days. */
export const targetWorkdaysSchema = z.strictObject({
  weekend: z.optional(z.array(targetWeekdaySchema)),
  holidays: z.optional(z.array(isoDateSchema)),
  extraWorkdays: z.optional(z.array(isoDateSchema)),
});

/** Working-day rules for the `'workdays'` spread and every period's `workdays` count. */
export interface TargetWorkdayRules {
  /** Days off every week; Saturday and Sunday by default. */
  weekend?: readonly TargetWeekday[];
  /** Days off inside the plan (public holidays). */
  holidays?: readonly (IsoDate | Date)[];
  /** Weekend days worked (make-up working days). */
  extraWorkdays?: readonly (IsoDate | Date)[];
}

/** Schema of the spec of `cascadeTarget` (the calendar as a built calendar or as data). */
export const cascadeTargetSpecSchema = z.strictObject({
  total: nonNegativeDecimalSchema,
  calendar: z.union([builtCalendarSchema, targetCalendarSpecSchema], {
    error: () => 'must be a calendar from gregorianCalendar or retailCalendar, or a calendar spec with a system',
  }),
  levels: z.array(z.enum(['quarter', 'month', 'week'])).check(z.minLength(1)),
  // One flat union, so a bad field inside a profile or reference is reported at its own path.
  spread: z.union([...spreadBranches, z.array(targetSpreadSchema)], { error: spreadError }),
  workdays: z.optional(targetWorkdaysSchema),
  weeks: z.optional(z.enum(['split', 'thursday'])),
  scale: scaleSchema,
  path: z.optional(z.enum(['nested', 'direct'])),
});

/** The spec of `cascadeTarget`. */
export interface CascadeTargetSpec {
  /** The year's target, in major units (`100000000`, `'1234.56'`), with at most `scale` decimals. */
  total: DecimalInput;
  /** The calendar: from `gregorianCalendar` / `retailCalendar`, or as data (`{ system: 'gregorian', year: 2026 }`). */
  calendar: TargetCalendar | TargetCalendarSpec;
  /** The levels below the year, coarsest first: `['quarter', 'month', 'week']`, `['month']`, `['week']`. */
  levels: readonly TargetPeriodKind[];
  /** One spread for every level, or one per level. */
  spread: TargetSpread | readonly TargetSpread[];
  /** Working-day rules (Saturday and Sunday off by default). */
  workdays?: TargetWorkdayRules;
  /** Gregorian calendars with a week level: `'split'` (weeks cut at month ends) or `'thursday'` (each week whole, in the month of its Thursday). */
  weeks?: 'split' | 'thursday';
  /** Decimal places of every target: 0 for whole units. */
  scale: number;
  /** `'nested'` (the default): each level split inside its parent; `'direct'`: every level split from the year. */
  path?: 'nested' | 'direct';
}


/** Schema of the options of `splitTarget` and `cascadeHierarchy`. */
export const splitTargetOptionsSchema = z.strictObject({
  scale: scaleSchema,
  locks: z.optional(z.record(z.string(), nonNegativeDecimalSchema)),
  floors: z.optional(z.record(z.string(), nonNegativeDecimalSchema)),
  uplift: z.optional(z.union([positiveDecimalSchema, z.array(positiveDecimalSchema)])),
});

/** Options of `splitTarget` and `cascadeHierarchy`. */
export interface SplitTargetOptions {
  /** Decimal places of every target: 0 for whole units. */
  scale: number;
  /** Children whose target is fixed, by id; the rest is spread over the others. */
  locks?: Readonly<Record<string, DecimalInput>>;
  /** Minimum targets by id: a floor that binds takes its units from the others in proportion to their weights. */
  floors?: Readonly<Record<string, DecimalInput>>;
  /** Over-assignment factor (`1.1` hands down 110 %), one for every level or one per level from the top; reported beside the exact split. */
  uplift?: DecimalInput | readonly DecimalInput[];
}

/** Schema of one child of `splitTarget`. */
export const targetChildSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  weight: nonNegativeDecimalSchema,
});

/** One child of `splitTarget`: an id and a non-negative weight (market potential, last year's sales). */
export interface TargetChild {
  /** Unique id. */
  id: string;
  /** Non-negative weight. */
  weight: DecimalInput;
}

/** A node of the territory tree of `cascadeHierarchy`. */
export interface TargetTreeNode {
  /** Unique id across the tree. */
  id: string;
  /** Non-negative weight; a node without one weighs the sum of its children's. */
  weight?: DecimalInput;
  /** Sub-territories or dealers. */
  children?: readonly TargetTreeNode[];
}

/** Schema of a node of the territory tree of `cascadeHierarchy` (recursive). */
export const targetTreeNodeSchema: z.ZodMiniType<TargetTreeNodeParsed, TargetTreeNode> = z.strictObject({
  id: z.string().check(z.minLength(1)),
  weight: z.optional(nonNegativeDecimalSchema),
  get children() {
    return z.optional(z.array(targetTreeNodeSchema));
  },
}) as unknown as z.ZodMiniType<TargetTreeNodeParsed, TargetTreeNode>;

/** A parsed tree node. @internal */
export interface TargetTreeNodeParsed {
  id: string;
  weight?: Decimal;
  children?: TargetTreeNodeParsed[];
}

/** Schema of the options of `paceTarget`. */
export const paceTargetOptionsSchema = z.strictObject({
  asOf: isoDateSchema,
});

/** Schema of one elastic rule of `adjustTarget`. */
export const targetAdjustRuleSchema = z.strictObject({
  drop: positiveDecimalSchema.check(
    z.refine((d: Decimal) => d.lte(1), { error: (iss) => `must be at most 1 (a fall of 100 %), received ${String(iss.input)}`, params: { code: 'out_of_range' } }),
  ),
  targetFactor: nonNegativeDecimalSchema,
  rewardCoefficient: nonNegativeDecimalSchema,
});

/** Schema of the options of `adjustTarget`. */
export const adjustTargetOptionsSchema = z.strictObject({
  demandChange: decimalSchema,
  rules: z.array(targetAdjustRuleSchema).check(z.minLength(1)),
  scale: z.optional(scaleSchema),
});
