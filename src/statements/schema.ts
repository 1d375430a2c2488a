import * as z from 'zod/mini';
import type { DecimalInput } from '../core/decimal.js';
import type { DateInput } from '../core/dates.js';
import { isoDateSchema, nonNegativeDecimalSchema, positiveDecimalSchema, scaleSchema, decimalSchema } from '../core/schema.js';
import type { KpiDealerInput, KpiScorecard, StandingEntry, StandingRuleSpec } from '../kpi/index.js';
import type { PointsEvent, PointsRules, RebateProgram, RebateSettlementInput } from '../rebates/index.js';
import type { TargetCascade } from '../targets/index.js';
import { STATEMENT_MESSAGES as M } from './messages.js';
import type { ReorderDemand, ReorderItem, ReorderLevels, ReorderPolicy, ReorderStock } from '../inventory/index.js';
import { lazySchema } from '../core/lazy.js';

/** The rebate part of a statement's configuration: the program and how the statement feeds it. */
export interface StatementRebateConfig {
  /** A program from `defineRebateProgram`, with its `settlement` policy (the payment due follows it). */
  program: RebateProgram;
  /**
   * The program metric the stock's turnover days feed when a dealer's stock data are given
   * (`'inventoryTurnoverDays'` unless named): only when a gate or multiplier of the program reads it.
   */
  turnoverMetric?: string;
  /**
   * Whether the statement's period closes the program year (its payment is the true-up). By
   * default it does when the period ends the year (the dealer's cascade's last day, or 31 December
   * for a Gregorian period id) and the statement is as of that day.
   */
  final?: boolean;
}

/** The scorecard part of a statement's configuration. */
export interface StatementKpiConfig {
  /** A scorecard from `defineScorecard`. */
  scorecard: KpiScorecard;
  /** The exit rule `reviewStanding` applies to the dealer's history and this period's score; no standing without it. */
  standing?: StandingRuleSpec;
  /**
   * The peer group the dealer is ranked in: every dealer's KPI input for the period, each with its
   * `id`; it must hold the dealer's own row. `buildDealerStatements` uses the network's rows when omitted.
   */
  peers?: KpiDealerInput[];
}

/** A SKU of the brand's catalogue: what every dealer's stock line of it shares. */
export interface StatementSku extends Omit<ReorderItem, 'id' | 'demand' | 'stock' | 'unitCost'> {
  /** The SKU code dealers' stock lines name. */
  id: string;
  /** A display name. */
  name?: string;
  /** Unit cost (money): values the stock and its slow-moving share. */
  unitCost: DecimalInput;
}

/** The stock part of a statement's configuration: the reorder policy, the catalogue and the health settings. */
export interface StatementStockConfig {
  /** The reorder policy every dealer's SKUs are planned under (`asOf` defaults to the stock's date). */
  policy: ReorderPolicy;
  /** The catalogue: the SKUs dealers may hold, with their lead times, costs and ordering constraints. */
  skus: StatementSku[];
  /** A SKU is slow-moving when its days of supply exceed this many days. */
  slowMovingDays: number;
  /** Upper bounds of the age buckets in days, ascending. */
  ageBuckets: number[];
  /** The yearly carrying rate as a fraction (0.25 for 25 %). */
  carryingRatePerYear: DecimalInput;
  /** The day basis of the yearly rate (365, 360 …). */
  daysPerYear: number;
}

/**
 * What a statement run shares across dealers: the period, the date, and each engine's
 * configuration. A section without configuration is left out of every statement.
 */
export interface DealerStatementConfig {
  /** The statement's period id: a period of the dealers' cascades, a Gregorian quarter (`'2025-Q4'`) or month (`'2025-11'`). */
  period: string;
  /** The date the figures are measured at (included), within the period; the period's last day when omitted. */
  asOf?: DateInput;
  /** The brand's name, printed at the top of the formatted statement. */
  brand?: string;
  /** The currency of the money figures (ISO 4217); the rebate program's when omitted. */
  currency?: string;
  /** Decimal places of the ratios the statement derives itself (network attainment); 10 when omitted. */
  ratioScale?: number;
  /** The rebate program and how the statement feeds it. */
  rebate?: StatementRebateConfig;
  /** The scorecard, the exit rule and the peer group. */
  kpi?: StatementKpiConfig;
  /** The points rules of `accruePoints`. */
  points?: PointsRules;
  /** The reorder policy, the SKU catalogue and the stock-health settings. */
  stock?: StatementStockConfig;
}

/** One SKU line of a dealer's stock: what it holds and sells (the rest is the catalogue's). */
export interface StatementStockItem {
  /** The SKU's id in the catalogue. */
  id: string;
  /** On hand, on order, committed. */
  stock: ReorderStock;
  /** The dealer's demand for the SKU: statistics or history. */
  demand: ReorderDemand;
  /** When the stock on hand was received (for its age); unknown age when omitted. */
  receivedOn?: DateInput;
  /** The dealer's manual min/max for the SKU, when it keeps them. */
  levels?: ReorderLevels;
}

/** A dealer's stock data: its SKU lines and the cost figures turnover needs. */
export interface StatementStockInput {
  /** The day the stock was counted; the statement's `asOf` when omitted. */
  asOf?: DateInput;
  /** Cost of goods sold over `periodDays` (money). */
  cogs: DecimalInput;
  /** Average inventory at cost over the same days (money, > 0). */
  averageInventoryValue: DecimalInput;
  /** The days the cost of goods sold covers. */
  periodDays: number;
  /** The SKU lines, each naming a SKU of the catalogue. */
  items: StatementStockItem[];
}

/**
 * One dealer's facts for a statement, each section in the form its engine reads. A section the
 * configuration has but the dealer lacks is left out with a `missing-section` warning.
 */
export interface DealerStatementInput {
  /** The dealer's id: names the row of a batch and the dealer in the peer group. */
  id: string;
  /** The dealer's name, printed on the statement. */
  name?: string;
  /** The dealer's year cascaded (a `cascadeTarget` result holding the period), or the period's target as a figure. */
  target?: TargetCascade | DecimalInput;
  /** Net sales by period id to date (any level of the cascade); by default the rebate periods' sales − returns. */
  actuals?: Record<string, DecimalInput>;
  /** The period's KPI actuals and targets under the dealer's stage (its `id` is the dealer's). */
  kpi?: KpiDealerInput;
  /** The scores of the periods before the statement's, oldest first, for the standing review. */
  standing?: StandingEntry[];
  /** The settlement input: the program year's periods up to the statement's (later ones are left out). */
  rebate?: RebateSettlementInput;
  /** Points events (earned and redeemed) up to the statement's date. */
  points?: PointsEvent[];
  /** Stock on hand per SKU, with the cost figures of turnover. */
  stock?: StatementStockInput;
}

/** Options of {@link buildDealerStatement}. */
export interface DealerStatementOptions {
  /** Decimal places of the ratios the statement derives itself; the configuration's `ratioScale` (10) when omitted. */
  ratioScale?: number;
}

const anything = lazySchema(() => z.unknown());
const text = lazySchema(() => z.string().check(z.minLength(1)));
const positiveWhole = lazySchema(() => z.number().check(z.int(), z.gt(0), z.maximum(1e6)));

/** @internal */
export const configShape = lazySchema(() => z.strictObject({
  period: text,
  asOf: z.optional(isoDateSchema),
  brand: z.optional(z.string()),
  currency: z.optional(z.string().check(z.regex(/^[A-Za-z]{3}$/, { error: M.currency }))),
  ratioScale: z.optional(scaleSchema),
  rebate: z.optional(z.strictObject({ program: anything, turnoverMetric: z.optional(text), final: z.optional(z.boolean()) })),
  kpi: z.optional(z.strictObject({ scorecard: anything, standing: z.optional(anything), peers: z.optional(z.array(anything)) })),
  points: z.optional(anything),
  stock: z.optional(
    z.strictObject({
      policy: anything,
      skus: z.array(z.looseObject({ id: text, name: z.optional(z.string()), unitCost: nonNegativeDecimalSchema })).check(z.minLength(1)),
      slowMovingDays: z.number().check(z.gte(0)),
      ageBuckets: z.array(z.number()),
      carryingRatePerYear: decimalSchema,
      daysPerYear: positiveWhole,
    }),
  ),
}));

/**
 * Schema of a statement run's configuration: the period, the date and the sections. The engines'
 * own parts (the program, the scorecard, the rules, the policy) are validated by their engines.
 *
 * @example
 * ```ts
 * dealerStatementConfigSchema.safeParse({ period: '2025-Q4', perod: 1 }).success;
 * //=> false
 * ```
 */
export const dealerStatementConfigSchema: z.ZodMiniType<unknown, DealerStatementConfig> = configShape as unknown as z.ZodMiniType<unknown, DealerStatementConfig>;

/** @internal */
export const inputShape = lazySchema(() => z.strictObject({
  id: text,
  name: z.optional(z.string()),
  target: z.optional(anything),
  actuals: z.optional(z.record(z.string(), anything)),
  kpi: z.optional(anything),
  standing: z.optional(z.array(anything)),
  rebate: z.optional(anything),
  points: z.optional(z.array(anything)),
  stock: z.optional(
    z.strictObject({
      asOf: z.optional(isoDateSchema),
      cogs: nonNegativeDecimalSchema,
      averageInventoryValue: positiveDecimalSchema,
      periodDays: z.number().check(z.gt(0)),
      items: z.array(z.strictObject({ id: text, stock: anything, demand: anything, receivedOn: z.optional(isoDateSchema), levels: z.optional(anything) })),
    }),
  ),
}));

/**
 * Schema of one dealer's statement facts (the sections' engine inputs are validated by their engines).
 *
 * @example
 * ```ts
 * dealerStatementInputSchema.safeParse({ id: 'D02', target: 6000000 }).success;
 * //=> true
 * ```
 */
export const dealerStatementInputSchema: z.ZodMiniType<unknown, DealerStatementInput> = inputShape as unknown as z.ZodMiniType<unknown, DealerStatementInput>;
