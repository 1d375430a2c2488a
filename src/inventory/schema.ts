import type { Decimal, DecimalInput } from '../core/decimal.js';
import type { DateInput, IsoDate } from '../core/dates.js';
import { describeValue } from '../core/messages.js';
import { fractionSchema, isoDateSchema, nonNegativeDecimalSchema } from '../core/schema.js';
import * as z from 'zod/mini';
import { INVENTORY_MESSAGES as M } from './messages.js';
import { lazySchema } from '../core/lazy.js';

// ---------------------------------------------------------------------------------------------
// Input types (what users write). Units: demand per day, times in days, rates per year.
// ---------------------------------------------------------------------------------------------

/** Demand given as daily statistics: mean and standard deviation per day. */
export interface DemandStatsPerDay {
  /** Mean demand per day, in units (≥ 0). */
  meanPerDay: number;
  /** Standard deviation of daily demand, in units (≥ 0). */
  sdPerDay: number;
}

/**
 * Demand given as a history of equal periods (for example 12 months of 30 days, or weeks of 7).
 *
 * `null` entries (no record) are zero-filled; the mean and the **sample** standard deviation
 * (n − 1) of the period totals are scaled to a day by `/ periodDays` and `/ √periodDays`, which
 * assumes independent days; the result says so.
 */
export interface DemandHistory {
  /** Demand per period, oldest first, at least 2 periods; `null` counts as 0. */
  history: (number | null)[];
  /** The length of each period in days (> 0). */
  periodDays: number;
}

/** Demand of one SKU: daily statistics, or a history of equal periods. */
export type ReorderDemand = DemandStatsPerDay | DemandHistory;

/** Replenishment lead time in days, with its standard deviation (variable lead times). */
export interface ReorderLeadTime {
  /** Mean lead time in days (≥ 0). */
  days: number;
  /** Standard deviation of the lead time in days (≥ 0, default 0). */
  sdDays?: number;
}

/** An open purchase order line: a quantity due on a date. */
export interface ReorderReceipt {
  /** Units due (≥ 0). */
  quantity: number;
  /** The date the receipt is due, `YYYY-MM-DD`. */
  due: DateInput;
}

/**
 * The stock of one SKU. Inventory position = on hand + on order counted − backordered − committed.
 *
 * `onOrder` is either a number (all of it counts) or the open receipts, of which only those due
 * within the lead time from the policy's `asOf` count (later ones cannot protect this cycle).
 */
export interface ReorderStock {
  /** Units physically on hand (≥ 0). */
  onHand: number;
  /** Units on order: a total, or receipts with due dates. */
  onOrder: number | ReorderReceipt[];
  /** Units owed to customers already (≥ 0, default 0). */
  backordered?: number;
  /** Units reserved for confirmed orders not yet shipped (≥ 0, default 0). */
  committed?: number;
}

/** Manually maintained min/max levels, as ERPs store them (they replace the computed ROP and order-up-to). */
export interface ReorderLevels {
  /** The reorder point (Odoo's Min, SAP's reorder point). */
  min: number;
  /** The order-up-to level (Odoo's Max); at least `min`. */
  max: number;
}

/** Seasonal demand: one multiplicative index per calendar month, January first. */
export interface ReorderSeasonality {
  /** Twelve non-negative indices, January to December (1 = an average month). */
  indicesByMonth: number[];
  /** The first day of the lead-time window; the policy's `asOf` when omitted. */
  asOf?: DateInput;
}

/** A cycle service target (P1): the probability of no stockout in a replenishment cycle. */
export interface CycleServiceTarget {
  /** The level, strictly between 0 and 1 (0.95 = 95 %; 95 is refused with `percent_as_whole_number`). */
  cycle: number;
}

/** A fill-rate target (P2): the share of demand served from stock. */
export interface FillRateTarget {
  /** The level, strictly between 0 and 1 (0.99 = 99 %; 99 is refused with `percent_as_whole_number`). */
  fillRate: number;
}

/** The service target: a cycle service level (P1, probability of no stockout per cycle) or a fill rate (P2). */
export type ReorderService = CycleServiceTarget | FillRateTarget;

/** A fixed lot size. */
export interface FixedOrderQuantity {
  /** Units per order (> 0). */
  fixed: number;
}

/** The economic order quantity √(2KD/h). */
export interface EoqOrderQuantity {
  /** The EOQ's parameters. */
  eoq: {
    /** K: the fixed cost of one order (money, 0 to 1e15). */
    orderCost: DecimalInput;
    /** The yearly holding rate, a fraction above 0 and at most 1 (0.25 = 25 % a year); h = this × the item's unit cost. */
    holdingRatePerYear: DecimalInput;
    /** D = this × demand per day (default 365). */
    daysPerYear?: number;
  };
}

/** A lot covering a number of days of average demand. */
export interface DaysOfCoverOrderQuantity {
  /** Days of average demand per order (> 0). */
  daysOfCover: number;
}

/**
 * How much to order each time (the lot size Q):
 * a fixed quantity, the economic order quantity √(2KD/h) with D = daysPerYear × demand per day and
 * h = holdingRatePerYear × unit cost, or a number of days of average demand.
 */
export type ReorderOrderQuantity = FixedOrderQuantity | EoqOrderQuantity | DaysOfCoverOrderQuantity;

/** How a quantity becomes whole packs: `'up'` (default), `'down'`, or `'nearest'` (half a pack rounds up). */
export type PackRounding = 'up' | 'down' | 'nearest';

/** The rules shared by many SKUs. Every field can be overridden per item under `item.policy`. */
export interface ReorderPolicy {
  /** The service target, each level strictly between 0 and 1. */
  service: ReorderService;
  /** Periodic review every R days (order-up-to policy); continuous review when omitted. */
  reviewPeriodDays?: number;
  /** Lead-time demand distribution (default `'normal'`); `'auto'` takes Poisson below 10 units of mean demand over the protection interval. */
  distribution?: 'normal' | 'poisson' | 'auto';
  /** The lot size rule; required under continuous review unless the item has `levels`. */
  orderQuantity?: ReorderOrderQuantity;
  /** How a quantity becomes whole packs (default `'up'`); `'nearest'` rounds half packs up. Not money rounding. */
  packRounding?: PackRounding;
  /** Reorder when the position is `'lte'` (≤, default) or `'lt'` (<) the reorder point. */
  trigger?: 'lte' | 'lt';
  /** `'zero'` (default) clamps a negative safety factor to 0; `'none'` lets safety stock go negative. */
  safetyStockFloor?: 'zero' | 'none';
  /** When given, `max` is demand per day × this many days. */
  maxDaysOfCover?: number;
  /** The planning date: needed for receipts with due dates and for seasonality. */
  asOf?: DateInput;
}

/** One SKU to plan. */
export interface ReorderItem {
  /** The row's id (a SKU code), echoed in the result and naming the row in batch errors (`items[WM-101].leadTime.days`). */
  id?: string | number;
  /** Demand statistics or history. */
  demand: ReorderDemand;
  /** Lead time in days. */
  leadTime: ReorderLeadTime;
  /** Stock on hand and on order. */
  stock: ReorderStock;
  /** Unit cost (money, exact); required by the EOQ rule, used for the order value. */
  unitCost?: DecimalInput;
  /** Minimum order quantity in units (whole, ≥ 0). */
  moq?: number;
  /** Units per pack: orders are whole packs (whole, ≥ 1, default 1). */
  packSize?: number;
  /** Largest order in units (whole, ≥ 1); a MOQ above it is an error. */
  maxOrderQty?: number;
  /** Manual min/max levels that replace the computed ones. */
  levels?: ReorderLevels;
  /** Monthly seasonal indices. */
  seasonality?: ReorderSeasonality;
  /** Overrides of the shared policy for this item. */
  policy?: Partial<ReorderPolicy>;
}

// ---------------------------------------------------------------------------------------------
// Parsed types (what the engine reads). @internal
// ---------------------------------------------------------------------------------------------

/** A policy after parsing. @internal */
export interface ParsedReorderPolicy {
  service: ReorderService;
  reviewPeriodDays?: number | undefined;
  distribution?: 'normal' | 'poisson' | 'auto' | undefined;
  orderQuantity?:
    | { fixed: number }
    | { eoq: { orderCost: Decimal; holdingRatePerYear: Decimal; daysPerYear?: number | undefined } }
    | { daysOfCover: number }
    | undefined;
  packRounding?: PackRounding | undefined;
  trigger?: 'lte' | 'lt' | undefined;
  safetyStockFloor?: 'zero' | 'none' | undefined;
  maxDaysOfCover?: number | undefined;
  asOf?: IsoDate | undefined;
}

/** An item after parsing. @internal */
export interface ParsedReorderItem {
  id?: string | number | undefined;
  demand: { meanPerDay: number; sdPerDay: number } | { history: (number | null)[]; periodDays: number };
  leadTime: { days: number; sdDays?: number | undefined };
  stock: {
    onHand: number;
    onOrder: number | { quantity: number; due: IsoDate }[];
    backordered?: number | undefined;
    committed?: number | undefined;
  };
  unitCost?: Decimal | undefined;
  moq?: number | undefined;
  packSize?: number | undefined;
  maxOrderQty?: number | undefined;
  levels?: { min: number; max: number } | undefined;
  seasonality?: { indicesByMonth: number[]; asOf?: IsoDate | undefined } | undefined;
  policy?: Partial<ParsedReorderPolicy> | undefined;
}

// ---------------------------------------------------------------------------------------------
// Schemas
// ---------------------------------------------------------------------------------------------

const MAX_QUANTITY = 1e15;
/** The largest order cost (money) the EOQ rule reads. */
const MAX_MONEY = 1e15;

/** A finite number ≥ 0 (quantities, days, standard deviations). */
const nonNegative = lazySchema(() => z.number().check(z.minimum(0), z.maximum(MAX_QUANTITY)));
/** A finite number > 0. */
const positive = lazySchema(() => z.number().check(z.gt(0), z.maximum(MAX_QUANTITY)));
/** A whole number of units at least `min`. */
function wholeUnits(min: number) {
  return z.number().check(
    z.refine((v: number) => Number.isInteger(v), { error: (iss) => M.wholeUnits(iss.input), params: { issue: 'not_an_integer', expected: 'a whole number' } }),
    z.minimum(min),
    z.maximum(MAX_QUANTITY),
  );
}
/**
 * A service level strictly between 0 and 1. A whole-number percentage (1 < v < 100) is refused with
 * `percent_as_whole_number` and the hint "write 0.95 for 95 %"; 0, 1 and anything else outside with `out_of_range`.
 */
const level = lazySchema(() => z.number().check(
  z.refine((v: number) => !(v > 1 && v < 100), {
    error: (iss) => M.serviceLevelPercent(iss.input as number),
    params: { code: 'out_of_range', issue: 'percent_as_whole_number', expected: 'strictly between 0 and 1', limit: '1' },
  }),
  // Not aborting keeps the union on this branch (zod reports a non-aborted branch alone); the
  // percentage range is left to the check above so a value gets one issue.
  z.refine((v: number) => (v > 0 && v < 1) || (v > 1 && v < 100), {
    error: (iss) => M.serviceLevel(iss.input),
    params: { code: 'out_of_range', issue: 'out_of_range', expected: 'strictly between 0 and 1' },
  }),
));
/** A holding rate per year: a fraction in (0, 1] (25 for 25 % is refused with the hint). */
const holdingRate = lazySchema(() => fractionSchema.check(
  z.refine((d: Decimal) => d.gt(0), {
    error: (iss) => M.ratePositive(describeValue(iss.input)),
    params: { code: 'out_of_range', issue: 'out_of_range', expected: 'above 0', limit: '0' },
  }),
));
/** Money from 0 to 1e15. */
const boundedMoney = lazySchema(() => nonNegativeDecimalSchema.check(
  z.refine((d: Decimal) => d.lte(MAX_MONEY), {
    error: (iss) => M.atMost(String(MAX_MONEY), describeValue(iss.input)),
    params: { code: 'out_of_range', issue: 'out_of_range', expected: `at most ${MAX_MONEY}`, limit: String(MAX_MONEY) },
  }),
));

const serviceSchema = lazySchema(() => z.union([z.strictObject({ cycle: level }), z.strictObject({ fillRate: level })]));

const orderQuantitySchema = lazySchema(() => z.union([
  z.strictObject({ fixed: positive }),
  z.strictObject({
    eoq: z.strictObject({
      orderCost: boundedMoney,
      holdingRatePerYear: holdingRate,
      daysPerYear: z.optional(positive),
    }),
  }),
  z.strictObject({ daysOfCover: positive }),
]));

/** The fields of a reorder policy, built on first use (issue 14's light imports). */
const policyShape = () => ({
  service: serviceSchema,
  reviewPeriodDays: z.optional(positive),
  distribution: z.optional(z.enum(['normal', 'poisson', 'auto'])),
  orderQuantity: z.optional(orderQuantitySchema),
  packRounding: z.optional(z.enum(['up', 'down', 'nearest'])),
  trigger: z.optional(z.enum(['lte', 'lt'])),
  safetyStockFloor: z.optional(z.enum(['zero', 'none'])),
  maxDaysOfCover: z.optional(positive),
  asOf: z.optional(isoDateSchema),
});

/**
 * Schema of a {@link ReorderPolicy}: the rules shared by many SKUs.
 *
 * @example
 * ```ts
 * reorderPolicySchema.safeParse({ service: { cycle: 95 } }).error?.issues[0]?.message;
 * //=> 'must be strictly between 0 and 1, received 95: write 0.95 for 95 %'
 * ```
 */
export const reorderPolicySchema: z.ZodMiniType<unknown, ReorderPolicy> = lazySchema(() => z.strictObject(policyShape()) as unknown as z.ZodMiniType<unknown, ReorderPolicy>);

/** {@link reorderPolicySchema} with its parsed type. @internal */
export const parsedReorderPolicySchema = reorderPolicySchema as unknown as z.ZodMiniType<ParsedReorderPolicy, ReorderPolicy>;

const policyOverrideSchema = lazySchema(() => z.strictObject({ ...policyShape(), service: z.optional(serviceSchema) }));

const demandSchema = lazySchema(() => z.union([
  z.strictObject({ meanPerDay: nonNegative, sdPerDay: nonNegative }),
  z.strictObject({
    history: z.array(z.nullable(nonNegative)).check(z.minLength(2)),
    periodDays: positive,
  }),
]));

/**
 * Schema of a {@link ReorderItem}: one SKU's demand, lead time, stock and ordering constraints.
 *
 * @example
 * ```ts
 * reorderItemSchema.safeParse({
 *   demand: { meanPerDay: 20, sdPerDay: 5 }, leadTime: { days: 7 }, stock: { onHand: 100, onOrder: 0 },
 * }).success;
 * //=> true
 * ```
 */
export const reorderItemSchema: z.ZodMiniType<unknown, ReorderItem> = lazySchema(() => z.strictObject({
  id: z.optional(z.union([z.string().check(z.minLength(1)), z.number().check(z.refine((v: number) => Number.isFinite(v)))])),
  demand: demandSchema,
  leadTime: z.strictObject({ days: nonNegative, sdDays: z.optional(nonNegative) }),
  stock: z.strictObject({
    onHand: nonNegative,
    onOrder: z.union([nonNegative, z.array(z.strictObject({ quantity: nonNegative, due: isoDateSchema }))]),
    backordered: z.optional(nonNegative),
    committed: z.optional(nonNegative),
  }),
  unitCost: z.optional(boundedMoney),
  moq: z.optional(wholeUnits(0)),
  packSize: z.optional(wholeUnits(1)),
  maxOrderQty: z.optional(wholeUnits(1)),
  levels: z.optional(z.strictObject({ min: nonNegative, max: nonNegative })),
  seasonality: z.optional(
    z.strictObject({
      indicesByMonth: z.array(nonNegative),
      asOf: z.optional(isoDateSchema),
    }),
  ),
  policy: z.optional(policyOverrideSchema),
}) as unknown as z.ZodMiniType<unknown, ReorderItem>);

/** {@link reorderItemSchema} with its parsed type. @internal */
export const parsedReorderItemSchema = reorderItemSchema as unknown as z.ZodMiniType<ParsedReorderItem, ReorderItem>;
