// The types of an inventory health analysis (input, lines, buckets, steps, result), below the engine.
import { Decimal, type DecimalInput } from '../core/decimal.js';
import { type DateInput } from '../core/dates.js';
import { type RoundingMode } from '../core/money.js';
import type { Step, Warning } from '../core/result.js';
import { type RoundingSpec } from '../core/schema.js';

/** One SKU of a stock-health check. */
export interface InventoryHealthItem {
  /** Your identifier (a SKU code). */
  id?: string | number;
  /** Units on hand (0 to 1e15). */
  onHand: number;
  /** Unit cost (money, ≥ 0). */
  unitCost: DecimalInput;
  /** Mean demand per day (0 to 1e15), for days of supply. */
  demandPerDay: number;
  /** When the stock on hand was received (its age is `asOf` − this date); unknown age when omitted. */
  receivedOn?: DateInput;
}

/** The input of {@link analyzeInventoryHealth}. */
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
  /** The yearly carrying (capital + storage) rate as a fraction: 0.25 for 25 % a year (25 is refused with `percent_as_whole_number`). */
  carryingRatePerYear: DecimalInput;
  /** The day basis that turns the yearly rate into the period's cost (365, 360 …). */
  daysPerYear: number;
}

/** The options of {@link analyzeInventoryHealth}. */
export interface InventoryHealthOptions {
  /** How the holding cost is rounded: `scale` (default 2) and `mode` (default `'half-up'`); `stage` does not apply (one figure). */
  rounding?: RoundingSpec;
  /** Decimal places of the reported ratios (turnover, turnover days, shares), rounded half-up (default 10). */
  ratioScale?: number;
}

/** Health figures of one SKU. */
export interface InventoryHealthLine {
  /** The item's id, or null. */
  id: string | number | null;
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
  /** Their share of the total value, rounded to `ratioScale` places (0 when the total is 0). */
  shareByValue: Decimal;
}

/** Slow-moving stock of an {@link analyzeInventoryHealth} check. */
export interface InventorySlowMoving {
  /** Slow-moving SKUs. */
  count: number;
  /** Their share of the SKUs, rounded to `ratioScale` places. */
  shareByCount: Decimal;
  /** Their value at cost, exact. */
  value: Decimal;
  /** Their share of the total value, rounded to `ratioScale` places (0 when the total is 0). */
  shareByValue: Decimal;
}

/** SKUs without a receipt date. */
export interface InventoryUnknownAge {
  /** How many. */
  count: number;
  /** Their value at cost, exact. */
  value: Decimal;
}

/** Σ on hand × unit cost. */
export interface InventoryValueStep extends Step {
  code: 'inventory-value';
  /** SKUs counted. */
  skus: number;
  /** The sum, exact. */
  inventoryValue: Decimal;
}

/** Turnover = COGS / average inventory at cost. */
export interface InventoryTurnoverStep extends Step {
  code: 'turnover';
  /** COGS. */
  cogs: Decimal;
  /** Average inventory at cost. */
  averageInventoryValue: Decimal;
  /** The period in days. */
  periodDays: number;
  /** The quotient, rounded to `ratioScale` places. */
  turnover: Decimal;
}

/** Turnover days = periodDays × average inventory / COGS. */
export interface InventoryTurnoverDaysStep extends Step {
  code: 'turnover-days';
  /** The period in days. */
  periodDays: number;
  /** Average inventory at cost. */
  averageInventoryValue: Decimal;
  /** COGS. */
  cogs: Decimal;
  /** The quotient, rounded to `ratioScale` places, or null when COGS is 0. */
  turnoverDays: Decimal | null;
}

/** The slow-moving share. */
export interface InventorySlowMovingStep extends Step {
  code: 'slow-moving';
  /** The days-of-supply threshold. */
  slowMovingDays: number;
  /** Slow-moving SKUs. */
  count: number;
  /** SKUs in all. */
  skus: number;
  /** count / skus, rounded. */
  shareByCount: Decimal;
  /** Slow-moving value. */
  value: Decimal;
  /** The total value. */
  inventoryValue: Decimal;
  /** value / total, rounded. */
  shareByValue: Decimal;
}

/** One age bucket. */
export interface InventoryAgeBucketStep extends Step {
  code: 'age-bucket';
  /** The bucket's label. */
  label: string;
  /** SKUs in it. */
  count: number;
  /** Their value. */
  value: Decimal;
  /** Their share of the value, rounded. */
  shareByValue: Decimal;
}

/** SKUs without a receipt date. */
export interface InventoryUnknownAgeStep extends Step {
  code: 'unknown-age';
  /** How many. */
  count: number;
  /** Their value. */
  value: Decimal;
}

/** The holding cost of the period. */
export interface InventoryHoldingCostStep extends Step {
  code: 'holding-cost';
  /** Average inventory at cost. */
  averageInventoryValue: Decimal;
  /** The yearly carrying rate. */
  carryingRatePerYear: Decimal;
  /** The period in days. */
  periodDays: number;
  /** The day basis. */
  daysPerYear: number;
  /** The exact cost. */
  holdingCostExact: Decimal;
  /** Decimal places of the rounded cost. */
  scale: number;
  /** The rounding mode. */
  mode: RoundingMode;
  /** The rounded cost. */
  holdingCost: Decimal;
}

/** One step of a stock-health check. */
export type InventoryHealthStep =
  | InventoryValueStep
  | InventoryTurnoverStep
  | InventoryTurnoverDaysStep
  | InventorySlowMovingStep
  | InventoryAgeBucketStep
  | InventoryUnknownAgeStep
  | InventoryHoldingCostStep;

/** The result of {@link analyzeInventoryHealth}. */
export interface InventoryHealth {
  /** COGS over average inventory at cost (turns in the period), rounded to `ratioScale` places. */
  turnover: Decimal;
  /** Period days × average inventory / COGS: the days an average unit stays, rounded to `ratioScale` places; null when COGS is 0. */
  turnoverDays: Decimal | null;
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
  /** The holding cost rounded by `rounding` (2 places, half-up by default). */
  holdingCost: Decimal;
  /** How every figure was reached. */
  steps: InventoryHealthStep[];
  /** What to look at: `unknown-age`, `no-cogs`. */
  warnings: Warning[];
}
