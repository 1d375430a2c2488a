// inventoryHealth: turnover, turnover days, days of supply, slow-moving share, ageing buckets and
// the holding (capital) cost of a period.
import { differenceInCalendarDays } from 'date-fns';
import { ZERO, type Decimal, type DecimalInput } from '../core/decimal.js';
import { utcDateOf, type DateInput, type IsoDate } from '../core/dates.js';
import { IssueCollector, wrapThrown } from '../core/errors.js';
import { roundDecimal } from '../core/money.js';
import { isoDateSchema, nonNegativeDecimalSchema, parseWith, positiveDecimalSchema } from '../core/schema.js';
import * as z from 'zod/mini';
import { fmt } from './demand.js';

/** One SKU of a stock-health check. */
export interface InventoryHealthItem {
  /** Your identifier. */
  id?: string;
  /** Units on hand (≥ 0). */
  onHand: number;
  /** Unit cost (money, ≥ 0). */
  unitCost: DecimalInput;
  /** Mean demand per day (≥ 0), for days of supply. */
  demandPerDay: number;
  /** When the stock on hand was received (its age is `asOf` − this date); unknown age when omitted. */
  receivedOn?: DateInput;
}

/** The input of {@link inventoryHealth}. */
export interface InventoryHealthInput {
  /** The SKUs on hand. */
  items: InventoryHealthItem[];
  /** Cost of goods sold over the period (money, ≥ 0). */
  cogs: DecimalInput;
  /** Average inventory at cost over the same period (money, > 0). */
  averageInventoryValue: DecimalInput;
  /** The length of the period the COGS covers, in days (> 0). */
  periodDays: number;
  /** The date ages are measured at. */
  asOf: DateInput;
  /** A SKU is slow-moving when its days of supply exceed this many days (or it has stock and no demand). */
  slowMovingDays: number;
  /** Upper bounds of the age buckets in days, ascending (e.g. [30, 60, 90] gives ≤30, 31–60, 61–90, >90). */
  ageBuckets: number[];
  /** The yearly carrying (capital + storage) rate, e.g. 0.25 for 25 % a year. */
  carryingRatePerYear: number;
  /** The day basis that turns the yearly rate into the period's cost (365, 360 …). */
  daysPerYear: number;
  /** Decimal places of the rounded holding cost (default 2, half-up). */
  scale?: number;
}

/** Health figures of one SKU. */
export interface InventoryHealthLine {
  /** The item's id, or null. */
  id: string | null;
  /** On hand × unit cost, exact. */
  value: Decimal;
  /** On hand / demand per day; null at zero demand. */
  daysOfSupply: number | null;
  /** Days since receipt at asOf; null when unknown. */
  ageDays: number | null;
  /** The age bucket's label, or null when the age is unknown. */
  ageBucket: string | null;
  /** Slow-moving by the `slowMovingDays` rule. */
  slowMoving: boolean;
}

/** One age bucket. */
export interface InventoryAgeBucket {
  /** `≤30 days`, `31–60 days`, `>90 days`. */
  label: string;
  /** Smallest age in the bucket, days. */
  fromDays: number;
  /** Largest age in the bucket, or null for the last, open bucket. */
  toDays: number | null;
  /** SKUs in the bucket. */
  count: number;
  /** Their value at cost, exact. */
  value: Decimal;
  /** Their share of the total value (0 when the total is 0). */
  shareByValue: number;
}

/** Slow-moving stock of an {@link inventoryHealth} check. */
export interface InventorySlowMoving {
  /** Slow-moving SKUs. */
  count: number;
  /** Their share of the SKUs. */
  shareByCount: number;
  /** Their value at cost, exact. */
  value: Decimal;
  /** Their share of the total value (0 when the total is 0). */
  shareByValue: number;
}

/** SKUs without a receipt date. */
export interface InventoryUnknownAge {
  /** How many. */
  count: number;
  /** Their value at cost, exact. */
  value: Decimal;
}

/** The result of {@link inventoryHealth}. */
export interface InventoryHealth {
  /** COGS over average inventory at cost (turns in the period). */
  turnover: number;
  /** Period days over turnover: the days an average unit stays; null when COGS is 0. */
  turnoverDays: number | null;
  /** Σ on hand × unit cost, exact. */
  inventoryValue: Decimal;
  /** Per-SKU figures, in input order. */
  items: InventoryHealthLine[];
  /** Slow-moving stock by count and by value. */
  slowMoving: InventorySlowMoving;
  /** Age buckets, youngest first. */
  ageing: InventoryAgeBucket[];
  /** SKUs without a receipt date. */
  unknownAge: InventoryUnknownAge;
  /** Average inventory × yearly rate × period days / days per year, exact. */
  holdingCostExact: Decimal;
  /** The holding cost rounded half-up at `scale`. */
  holdingCost: Decimal;
  /** The conventions used, in words. */
  conventions: string[];
}

const finiteNonNegative = z.number().check(z.minimum(0), z.maximum(1e15));
const positiveNumber = z.number().check(z.gt(0), z.maximum(1e15));

/** A health input after parsing. @internal */
interface ParsedHealthInput {
  items: { id?: string | undefined; onHand: number; unitCost: Decimal; demandPerDay: number; receivedOn?: IsoDate | undefined }[];
  cogs: Decimal;
  averageInventoryValue: Decimal;
  periodDays: number;
  asOf: IsoDate;
  slowMovingDays: number;
  ageBuckets: number[];
  carryingRatePerYear: number;
  daysPerYear: number;
  scale?: number | undefined;
}

const healthSchema = z.strictObject({
  items: z.array(
    z.strictObject({
      id: z.optional(z.string()),
      onHand: finiteNonNegative,
      unitCost: nonNegativeDecimalSchema,
      demandPerDay: finiteNonNegative,
      receivedOn: z.optional(isoDateSchema),
    }),
  ),
  cogs: nonNegativeDecimalSchema,
  averageInventoryValue: positiveDecimalSchema,
  periodDays: positiveNumber,
  asOf: isoDateSchema,
  slowMovingDays: positiveNumber,
  ageBuckets: z.array(positiveNumber),
  carryingRatePerYear: finiteNonNegative,
  daysPerYear: positiveNumber,
  scale: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(30))),
});

/**
 * Schema of an {@link InventoryHealthInput}.
 *
 * @example
 * ```ts
 * inventoryHealthInputSchema.safeParse({ items: [] }).success;
 * //=> false
 * ```
 */
export const inventoryHealthInputSchema: z.ZodMiniType<unknown, InventoryHealthInput> = healthSchema as unknown as z.ZodMiniType<unknown, InventoryHealthInput>;
const parsedHealthSchema = healthSchema as unknown as z.ZodMiniType<ParsedHealthInput, InventoryHealthInput>;

function share(part: Decimal, total: Decimal): number {
  return total.isZero() ? 0 : part.div(total).toNumber();
}

/**
 * Checks the health of a stock: turnover and turnover days, days of supply per SKU, the
 * slow-moving share by value and by count, ageing buckets, and the holding (capital) cost of the
 * period. Money stays exact (Decimal); ratios and days are numbers.
 *
 * - turnover = COGS / average inventory at cost; turnover days = periodDays / turnover;
 * - slow-moving: days of supply above `slowMovingDays`, or stock with no demand;
 * - holding cost = average inventory × carryingRatePerYear × periodDays / daysPerYear (no hidden 365).
 *
 * @example
 * ```ts
 * const h = inventoryHealth({
 *   items: [{ onHand: 100, unitCost: 10, demandPerDay: 1, receivedOn: '2026-09-01' }],
 *   cogs: 36500, averageInventoryValue: 5000, periodDays: 365, asOf: '2026-11-01',
 *   slowMovingDays: 90, ageBuckets: [30, 60, 90], carryingRatePerYear: 0.25, daysPerYear: 365,
 * });
 * [h.turnover, h.turnoverDays, h.slowMoving.shareByValue, h.holdingCost.toString()];
 * //=> [7.3, 50, 1, '1250']
 * ```
 */
export function inventoryHealth(input: InventoryHealthInput): InventoryHealth {
  try {
    const x = parseWith(parsedHealthSchema, input, []);
    const issues = new IssueCollector();
    x.ageBuckets.forEach((b, i) => {
      if (i > 0 && !(b > x.ageBuckets[i - 1]!)) issues.add(['ageBuckets', i], `must be greater than ageBuckets[${i - 1}] (${x.ageBuckets[i - 1]}), received ${b}`, 'out_of_range');
    });
    const asOf = utcDateOf(x.asOf);
    x.items.forEach((it, i) => {
      if (it.receivedOn !== undefined && differenceInCalendarDays(asOf, utcDateOf(it.receivedOn)) < 0) {
        issues.add(['items', i, 'receivedOn'], `must not be after asOf (${x.asOf}), received ${JSON.stringify(it.receivedOn)}`, 'out_of_range');
      }
    });
    issues.throwIfAny();

    const bounds = x.ageBuckets;
    const labels: string[] = [];
    const ageing: InventoryAgeBucket[] = [];
    for (let i = 0; i <= bounds.length; i++) {
      const from = i === 0 ? 0 : Math.floor(bounds[i - 1]!) + 1;
      const to = i < bounds.length ? bounds[i]! : null;
      const label = i === 0 ? `≤${fmt(to ?? 0)} days` : to === null ? `>${fmt(bounds[i - 1]!)} days` : `${from}–${fmt(to)} days`;
      labels.push(label);
      ageing.push({ label, fromDays: from, toDays: to, count: 0, value: ZERO, shareByValue: 0 });
    }
    if (bounds.length === 0) ageing[0] = { label: 'all ages', fromDays: 0, toDays: null, count: 0, value: ZERO, shareByValue: 0 };

    let total = ZERO;
    let slowValue = ZERO;
    let slowCount = 0;
    let unknownCount = 0;
    let unknownValue = ZERO;
    const lines: InventoryHealthLine[] = x.items.map((it) => {
      const value = it.unitCost.times(it.onHand);
      total = total.plus(value);
      const daysOfSupply = it.demandPerDay > 0 ? it.onHand / it.demandPerDay : null;
      const slow = it.onHand > 0 && (daysOfSupply === null || daysOfSupply > x.slowMovingDays);
      if (slow) {
        slowCount++;
        slowValue = slowValue.plus(value);
      }
      let ageDays: number | null = null;
      let bucket: string | null = null;
      if (it.receivedOn !== undefined) {
        ageDays = differenceInCalendarDays(asOf, utcDateOf(it.receivedOn));
        let b = bounds.findIndex((limit) => ageDays! <= limit);
        if (b < 0) b = bounds.length;
        const slot = ageing[b]!;
        slot.count++;
        slot.value = slot.value.plus(value);
        bucket = slot.label;
      } else {
        unknownCount++;
        unknownValue = unknownValue.plus(value);
      }
      return { id: it.id ?? null, value, daysOfSupply, ageDays, ageBucket: bucket, slowMoving: slow };
    });
    for (const slot of ageing) slot.shareByValue = share(slot.value, total);

    const turnoverExact = x.cogs.div(x.averageInventoryValue);
    const turnover = turnoverExact.toNumber();
    const turnoverDays = x.cogs.isZero() ? null : x.averageInventoryValue.times(x.periodDays).div(x.cogs).toNumber();
    const holdingCostExact = x.averageInventoryValue.times(x.carryingRatePerYear).times(x.periodDays).div(x.daysPerYear);
    const scale = x.scale ?? 2;
    const n = x.items.length;
    return {
      turnover,
      turnoverDays,
      inventoryValue: total,
      items: lines,
      slowMoving: { count: slowCount, shareByCount: n === 0 ? 0 : slowCount / n, value: slowValue, shareByValue: share(slowValue, total) },
      ageing,
      unknownAge: { count: unknownCount, value: unknownValue },
      holdingCostExact,
      holdingCost: roundDecimal(holdingCostExact, scale, 'half-up'),
      conventions: [
        `turnover = COGS ${x.cogs.toString()} / average inventory at cost ${x.averageInventoryValue.toString()} = ${fmt(turnover)} over ${fmt(x.periodDays)} days`,
        turnoverDays === null ? 'turnover days: none (COGS is 0)' : `turnover days = ${fmt(x.periodDays)} / ${fmt(turnover)} = ${fmt(turnoverDays)}`,
        `slow-moving: days of supply (on hand / demand per day) above ${fmt(x.slowMovingDays)}, or stock with no demand`,
        'age = asOf − receivedOn in calendar days; buckets include their upper bound',
        `holding cost = ${x.averageInventoryValue.toString()} × ${fmt(x.carryingRatePerYear)} × ${fmt(x.periodDays)} / ${fmt(x.daysPerYear)} = ${holdingCostExact.toString()}, rounded half-up to ${scale} places`,
      ],
    };
  } catch (error) {
    throw wrapThrown(error);
  }
}
