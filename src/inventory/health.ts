// analyzeInventoryHealth: turnover, turnover days, days of supply, slow-moving share, ageing
// buckets and the holding (capital) cost of a period, every figure explained as steps.
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { ZERO, Decimal } from '../core/decimal.js';
import { utcDateOf, type IsoDate } from '../core/dates.js';
import { IssueCollector, wrapThrown } from '../core/errors.js';
import { roundDecimal, roundRatio, type RoundingMode } from '../core/money.js';
import type { Warning } from '../core/result.js';
import { DEFAULT_RATIO_SCALE, fractionSchema, isoDateSchema, nonNegativeDecimalSchema, parseWith, positiveDecimalSchema, roundingSpecSchema, scaleSchema } from '../core/schema.js';
import * as z from 'zod/mini';
import { EN, fmt, money, pctOf, type Separators } from './format.js';
import { INVENTORY_MESSAGES as M, INVENTORY_WARNINGS as W } from './messages.js';
import { type InventoryHealthInput, type InventoryHealthStep, type InventoryAgeBucket, type InventoryHealthOptions, type InventoryHealth, type InventoryHealthLine, type InventorySlowMoving, type InventoryAgeBucketStep } from './health-types.js';
import { lazySchema } from '../core/lazy.js';

export { type InventoryHealthItem, type InventoryHealthInput, type InventoryHealthOptions, type InventoryHealthLine, type InventoryAgeBucket, type InventorySlowMoving, type InventoryUnknownAge, type InventoryValueStep, type InventoryTurnoverStep, type InventoryTurnoverDaysStep, type InventorySlowMovingStep, type InventoryAgeBucketStep, type InventoryUnknownAgeStep, type InventoryHoldingCostStep, type InventoryHealthStep, type InventoryHealth } from './health-types.js';

const MAX_QUANTITY = 1e15;
const quantity = lazySchema(() => z.number().check(z.minimum(0), z.maximum(MAX_QUANTITY)));
const positiveNumber = lazySchema(() => z.number().check(z.gt(0), z.maximum(MAX_QUANTITY)));

/** A health input after parsing. @internal */
interface ParsedHealthInput {
  items: { id?: string | number | undefined; onHand: number; unitCost: Decimal; demandPerDay: number; receivedOn?: IsoDate | undefined }[];
  cogs: Decimal;
  averageInventoryValue: Decimal;
  periodDays: number;
  asOf: IsoDate;
  slowMovingDays: number;
  ageBuckets: number[];
  carryingRatePerYear: Decimal;
  daysPerYear: number;
}

const healthSchema = lazySchema(() => z.strictObject({
  items: z.array(
    z.strictObject({
      id: z.optional(z.union([z.string().check(z.minLength(1)), z.number().check(z.refine((v: number) => Number.isFinite(v)))])),
      onHand: quantity,
      unitCost: nonNegativeDecimalSchema,
      demandPerDay: quantity,
      receivedOn: z.optional(isoDateSchema),
    }),
  ),
  cogs: nonNegativeDecimalSchema,
  averageInventoryValue: positiveDecimalSchema,
  periodDays: positiveNumber,
  asOf: isoDateSchema,
  slowMovingDays: positiveNumber,
  ageBuckets: z.array(positiveNumber),
  carryingRatePerYear: fractionSchema,
  daysPerYear: positiveNumber,
}));

const optionsSchema = lazySchema(() => z.optional(z.strictObject({ rounding: z.optional(roundingSpecSchema), ratioScale: z.optional(scaleSchema) })));

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

function share(part: Decimal, total: Decimal, scale: number): Decimal {
  return total.isZero() ? ZERO : roundRatio(part.div(total), scale);
}

type Figures<S> = S extends unknown ? Omit<S, 'text'> : never;

/** A ratio for a text: 4 places at most, grouped. */
function ratio(x: Decimal, seps: Separators): string {
  return fmt(roundDecimal(x, 4, 'half-up').toNumber(), seps);
}

function sku(count: number, seps: Separators): string {
  return `${fmt(count, seps)} SKU${count === 1 ? '' : 's'}`;
}

/** The text of a health step, written at a money scale. @internal */
export function healthStepText(s: Figures<InventoryHealthStep>, scale: number, seps: Separators = EN): string {
  const m = (x: Decimal): string => money(x, scale, seps);
  switch (s.code) {
    case 'inventory-value':
      return `inventory value = Σ on hand × unit cost over ${sku(s.skus, seps)} = ${m(s.inventoryValue)}`;
    case 'turnover':
      return `turnover = COGS ${m(s.cogs)} / average inventory at cost ${m(s.averageInventoryValue)} = ${ratio(s.turnover, seps)} over ${fmt(s.periodDays, seps)} days`;
    case 'turnover-days':
      return s.turnoverDays === null
        ? 'turnover days: none (COGS is 0)'
        : `turnover days = ${fmt(s.periodDays, seps)} days × average inventory ${m(s.averageInventoryValue)} / COGS ${m(s.cogs)} = ${ratio(s.turnoverDays, seps)}`;
    case 'slow-moving':
      return `slow-moving (days of supply above ${fmt(s.slowMovingDays, seps)}, or stock with no demand): ${fmt(s.count, seps)} of ${sku(s.skus, seps)} (${pctOf(s.shareByCount, seps)}), ${m(s.value)} of ${m(s.inventoryValue)} at cost (${pctOf(s.shareByValue, seps)})`;
    case 'age-bucket':
      return `${s.label} since receipt: ${sku(s.count, seps)}, ${m(s.value)} (${pctOf(s.shareByValue, seps)} of the value)`;
    case 'unknown-age':
      return `age unknown (no receipt date): ${sku(s.count, seps)}, ${m(s.value)}`;
    default: {
      const shown = money(s.holdingCostExact, scale + 4, seps);
      const more = s.holdingCostExact.decimalPlaces() > scale + 4 ? '…' : '';
      return `holding cost = ${m(s.averageInventoryValue)} × ${pctOf(s.carryingRatePerYear, seps)} × ${fmt(s.periodDays, seps)} / ${fmt(s.daysPerYear, seps)} days = ${shown}${more} → ${m(s.holdingCost)} (${s.mode}, ${s.scale} places)`;
    }
  }
}

/** The checks the schema cannot make: ascending age buckets, receipts not after asOf, finite days of supply. Returns asOf as a date. */
function checkHealthInput(x: ParsedHealthInput): Date {
  const issues = new IssueCollector();
  x.ageBuckets.forEach((b, i) => {
    if (i > 0 && !(b > x.ageBuckets[i - 1]!)) {
      issues.add(['ageBuckets', i], M.ageBucketsOrder(i, x.ageBuckets[i - 1]!, b), 'out_of_range', {
        code: 'not_ascending',
        limit: String(x.ageBuckets[i - 1]),
        received: String(b),
      });
    }
  });
  const asOf = utcDateOf(x.asOf);
  x.items.forEach((it, i) => {
    if (it.receivedOn !== undefined && differenceInCalendarDays(asOf, utcDateOf(it.receivedOn)) < 0) {
      issues.add(['items', i, 'receivedOn'], M.receivedAfterAsOf(x.asOf, it.receivedOn), 'out_of_range', { code: 'out_of_range', limit: x.asOf, received: it.receivedOn });
    }
    if (it.demandPerDay > 0 && !Number.isFinite(it.onHand / it.demandPerDay)) {
      issues.add(['items', i, 'demandPerDay'], M.daysOfSupplyOverflow(it.demandPerDay), 'out_of_range', { code: 'out_of_range', received: String(it.demandPerDay) });
    }
  });
  issues.throwIfAny();
  return asOf;
}

/** The age buckets from their upper bounds (days), empty. */
function emptyBuckets(bounds: readonly number[]): InventoryAgeBucket[] {
  const ageing: InventoryAgeBucket[] = [];
  for (let i = 0; i <= bounds.length; i++) {
    const from = i === 0 ? 0 : Math.floor(bounds[i - 1]!) + 1;
    const to = i < bounds.length ? bounds[i]! : null;
    const label = i === 0 ? `≤${fmt(to ?? 0)} days` : to === null ? `>${fmt(bounds[i - 1]!)} days` : `${from}–${fmt(to)} days`;
    ageing.push({ label, fromDays: from, toDays: to, count: 0, value: ZERO, shareByValue: ZERO });
  }
  if (bounds.length === 0) ageing[0] = { label: 'all ages', fromDays: 0, toDays: null, count: 0, value: ZERO, shareByValue: ZERO };
  return ageing;
}

/**
 * Checks the health of a stock: turnover and turnover days, days of supply per SKU, the
 * slow-moving share by value and by count, ageing buckets, and the holding (capital) cost of the
 * period, every figure explained in `steps`. Money stays exact (Decimal); ratios derived by
 * division (turnover, turnover days, shares) are Decimals rounded half-up to `ratioScale` places;
 * days of supply are numbers (demand is a statistic).
 *
 * - turnover = COGS / average inventory at cost; turnover days = periodDays × average inventory / COGS;
 * - slow-moving: days of supply above `slowMovingDays`, or stock with no demand;
 * - holding cost = average inventory × carryingRatePerYear × periodDays / daysPerYear (no hidden 365),
 *   rounded by `rounding` (2 places half-up by default).
 *
 * @param input - The SKUs, the period's COGS and average inventory, and the rules.
 * @param options - `rounding` of the holding cost, `ratioScale` of the ratios.
 * @example
 * ```ts
 * const h = analyzeInventoryHealth({
 *   items: [{ onHand: 100, unitCost: 10, demandPerDay: 1, receivedOn: '2026-09-01' }],
 *   cogs: 36500, averageInventoryValue: 5000, periodDays: 365, asOf: '2026-11-01',
 *   slowMovingDays: 90, ageBuckets: [30, 60, 90], carryingRatePerYear: 0.25, daysPerYear: 365,
 * });
 * [h.turnover.toString(), h.turnoverDays?.toString(), h.slowMoving.shareByValue.toString(), h.holdingCost.toString()];
 * //=> ['7.3', '50', '1', '1250']
 * ```
 */
export function analyzeInventoryHealth(input: InventoryHealthInput, options?: InventoryHealthOptions): InventoryHealth {
  try {
    const opts = parseWith(optionsSchema, options, ['options']);
    const x = parseWith(parsedHealthSchema, input, []);
    const ratioScale = opts?.ratioScale ?? DEFAULT_RATIO_SCALE;
    const scale = opts?.rounding?.scale ?? 2;
    const mode: RoundingMode = opts?.rounding?.mode ?? 'half-up';
    const asOf = checkHealthInput(x);
    const bounds = x.ageBuckets;
    const ageing = emptyBuckets(bounds);

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
        const age = differenceInCalendarDays(asOf, utcDateOf(it.receivedOn));
        ageDays = age;
        let b = bounds.findIndex((limit) => age <= limit);
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
    for (const slot of ageing) slot.shareByValue = share(slot.value, total, ratioScale);

    const turnover = roundRatio(x.cogs.div(x.averageInventoryValue), ratioScale);
    const turnoverDays = x.cogs.isZero() ? null : roundRatio(x.averageInventoryValue.times(x.periodDays).div(x.cogs), ratioScale);
    const holdingCostExact = x.averageInventoryValue.times(x.carryingRatePerYear).times(x.periodDays).div(x.daysPerYear);
    const holdingCost = roundDecimal(holdingCostExact, scale, mode);
    const n = x.items.length;
    const slowMoving: InventorySlowMoving = {
      count: slowCount,
      shareByCount: n === 0 ? ZERO : roundRatio(new Decimal(slowCount).div(n), ratioScale),
      value: slowValue,
      shareByValue: share(slowValue, total, ratioScale),
    };

    const figures: Figures<InventoryHealthStep>[] = [
      { code: 'inventory-value', skus: n, inventoryValue: total },
      { code: 'turnover', cogs: x.cogs, averageInventoryValue: x.averageInventoryValue, periodDays: x.periodDays, turnover },
      { code: 'turnover-days', periodDays: x.periodDays, averageInventoryValue: x.averageInventoryValue, cogs: x.cogs, turnoverDays },
      {
        code: 'slow-moving',
        slowMovingDays: x.slowMovingDays,
        count: slowCount,
        skus: n,
        shareByCount: slowMoving.shareByCount,
        value: slowValue,
        inventoryValue: total,
        shareByValue: slowMoving.shareByValue,
      },
      ...ageing.map((b): Figures<InventoryAgeBucketStep> => ({ code: 'age-bucket', label: b.label, count: b.count, value: b.value, shareByValue: b.shareByValue })),
      ...(unknownCount > 0 ? [{ code: 'unknown-age' as const, count: unknownCount, value: unknownValue }] : []),
      {
        code: 'holding-cost',
        averageInventoryValue: x.averageInventoryValue,
        carryingRatePerYear: x.carryingRatePerYear,
        periodDays: x.periodDays,
        daysPerYear: x.daysPerYear,
        holdingCostExact,
        scale,
        mode,
        holdingCost,
      },
    ];
    const warnings: Warning[] = [];
    if (unknownCount > 0) warnings.push({ code: 'unknown-age', message: W.unknownAge(unknownCount), path: ['items'] });
    if (x.cogs.isZero()) warnings.push({ code: 'no-cogs', message: W.noCogs(), path: ['cogs'] });
    return {
      turnover,
      turnoverDays,
      inventoryValue: total,
      items: lines,
      slowMoving,
      ageing,
      unknownAge: { count: unknownCount, value: unknownValue },
      holdingCostExact,
      holdingCost,
      steps: figures.map((f) => ({ ...f, text: healthStepText(f, scale) }) as InventoryHealthStep),
      warnings,
    };
  } catch (error) {
    throw wrapThrown(error);
  }
}
