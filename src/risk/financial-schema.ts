// zod schemas and spec types of the financial side of the risk module (a year's statements, Altman
// Z, the ratios and their benchmarks): below the messages that name the ratios and the engines.
import type { DecimalInput } from '../core/decimal.js';
import { decimalSchema, nonNegativeDecimalSchema, positiveDecimalSchema, type Schema } from '../core/schema.js';
import * as z from 'zod/mini';
import { lazySchema } from '../core/lazy.js';

const labelSchema = lazySchema(() => z.string().check(z.minLength(1)));
const money = decimalSchema;
const nonNegative = nonNegativeDecimalSchema;

/** The zod shape behind `financialYearSchema`, with its parsed output type. @internal */
export const financialYearShape = lazySchema(() => z.strictObject({
  year: z.number().check(z.int()),
  revenue: nonNegative,
  cogs: nonNegative,
  ebit: money,
  interest: nonNegative,
  ebt: money,
  netIncome: money,
  totalAssets: positiveDecimalSchema,
  totalLiabilities: nonNegative,
  currentAssets: nonNegative,
  currentLiabilities: nonNegative,
  inventory: nonNegative,
  receivables: nonNegative,
  payables: nonNegative,
  equity: money,
  retainedEarnings: money,
  operatingCashFlow: money,
  marketValueOfEquity: z.optional(nonNegative),
}));

/** One year of financial statements, the input of `analyzeFinancials`. */
export interface FinancialYear {
  /** The fiscal year. */
  readonly year: number;
  /** Revenue (sales), ≥ 0. */
  readonly revenue: DecimalInput;
  /** Cost of goods sold, ≥ 0. */
  readonly cogs: DecimalInput;
  /** Earnings before interest and taxes. */
  readonly ebit: DecimalInput;
  /** Interest expense, ≥ 0. */
  readonly interest: DecimalInput;
  /** Earnings before taxes. */
  readonly ebt: DecimalInput;
  /** Net income. */
  readonly netIncome: DecimalInput;
  /** Total assets, > 0. */
  readonly totalAssets: DecimalInput;
  /** Total liabilities, ≥ 0. */
  readonly totalLiabilities: DecimalInput;
  /** Current assets, ≥ 0. */
  readonly currentAssets: DecimalInput;
  /** Current liabilities, ≥ 0. */
  readonly currentLiabilities: DecimalInput;
  /** Inventory, ≥ 0. */
  readonly inventory: DecimalInput;
  /** Trade receivables, ≥ 0. */
  readonly receivables: DecimalInput;
  /** Trade payables, ≥ 0. */
  readonly payables: DecimalInput;
  /** Book value of equity (may be negative). */
  readonly equity: DecimalInput;
  /** Retained earnings. */
  readonly retainedEarnings: DecimalInput;
  /** Operating cash flow. */
  readonly operatingCashFlow: DecimalInput;
  /** Market value of equity, for a listed firm. */
  readonly marketValueOfEquity?: DecimalInput;
}

/**
 * Schema of one year of financial statements (income statement, balance sheet, cash flow), the
 * figures `analyzeFinancials` reads.
 *
 * @example
 * ```ts
 * financialYearSchema.safeParse({ year: 2024, revenue: 1000, cogs: 700, ebit: 100, interest: 20, ebt: 80, netIncome: 60, totalAssets: 800, totalLiabilities: 400, currentAssets: 500, currentLiabilities: 250, inventory: 150, receivables: 120, payables: 90, equity: 400, retainedEarnings: 150, operatingCashFlow: 70 }).success;
 * //=> true
 * ```
 */
export const financialYearSchema: Schema<unknown, FinancialYear> = financialYearShape as unknown as Schema<unknown, FinancialYear>;

/** @internal */
export type ParsedFinancialYear = z.output<typeof financialYearShape>;

/**
 * Schema of the Altman Z-score variants: `'z'` (public manufacturers), `'z-prime'` (private
 * firms), `'z-double-prime'` (non-manufacturers).
 *
 * @example
 * ```ts
 * altmanVariantSchema.safeParse('z-prime').success;
 * //=> true
 * ```
 */
export const altmanVariantSchema: Schema<AltmanVariant, AltmanVariant> = lazySchema(() => z.enum(['z', 'z-prime', 'z-double-prime']));

/** An Altman Z-score variant. */
export type AltmanVariant = 'z' | 'z-prime' | 'z-double-prime';

/** The zod shape behind `altmanInputSchema`, with its parsed output type. @internal */
export const altmanInputShape = lazySchema(() => z.strictObject({
  variant: altmanVariantSchema,
  workingCapital: money,
  totalAssets: positiveDecimalSchema,
  retainedEarnings: money,
  ebit: money,
  marketValueOfEquity: z.optional(nonNegative),
  bookValueOfEquity: z.optional(money),
  totalLiabilities: positiveDecimalSchema,
  sales: z.optional(nonNegative),
  firm: z.optional(z.strictObject({ listed: z.optional(z.boolean()), manufacturer: z.optional(z.boolean()) })),
}));

/** The input of `calculateAltmanZ`. */
export interface AltmanInput {
  /** The variant. */
  readonly variant: AltmanVariant;
  /** Current assets − current liabilities. */
  readonly workingCapital: DecimalInput;
  /** Total assets, > 0. */
  readonly totalAssets: DecimalInput;
  /** Retained earnings. */
  readonly retainedEarnings: DecimalInput;
  /** Earnings before interest and taxes. */
  readonly ebit: DecimalInput;
  /** Market value of equity (variant `'z'`). */
  readonly marketValueOfEquity?: DecimalInput;
  /** Book value of equity (variants `'z-prime'` and `'z-double-prime'`). */
  readonly bookValueOfEquity?: DecimalInput;
  /** Total liabilities, > 0. */
  readonly totalLiabilities: DecimalInput;
  /** Sales (variants `'z'` and `'z-prime'`). */
  readonly sales?: DecimalInput;
  /** What the firm is, for the fit warnings. */
  readonly firm?: AltmanFirm;
}

/** What a firm is, for Altman's fit warnings. */
export interface AltmanFirm {
  /** Publicly traded. */
  readonly listed?: boolean;
  /** A manufacturer (a distributor or a service firm is not). */
  readonly manufacturer?: boolean;
}

/**
 * Schema of the input of `calculateAltmanZ`.
 *
 * @example
 * ```ts
 * altmanInputSchema.safeParse({ variant: 'z-double-prime', workingCapital: 1, totalAssets: 10, retainedEarnings: 1, ebit: 1, bookValueOfEquity: 4, totalLiabilities: 6 }).success;
 * //=> true
 * ```
 */
export const altmanInputSchema: Schema<unknown, AltmanInput> = altmanInputShape as unknown as Schema<unknown, AltmanInput>;

/**
 * The ratios `analyzeFinancials` computes per year, by name (benchmarks refer to them).
 *
 * @example
 * ```ts
 * FINANCIAL_RATIOS.slice(0, 3);
 * //=> ['currentRatio', 'quickRatio', 'debtRatio']
 * ```
 */
export const FINANCIAL_RATIOS = [
  'currentRatio',
  'quickRatio',
  'debtRatio',
  'debtToEquity',
  'interestCoverage',
  'operatingCashFlowRatio',
  'dso',
  'dio',
  'dpo',
  'cashConversionCycle',
  'inventoryTurnover',
  'netMargin',
  'assetTurnover',
  'equityMultiplier',
  'roa',
  'roe',
  'revenueGrowth',
] as const;

/** The name of a ratio `analyzeFinancials` computes. */
export type FinancialRatioName = (typeof FINANCIAL_RATIOS)[number];

/** The zod shape behind `financialBenchmarksSpecSchema`, with its parsed output type. @internal */
export const financialBenchmarksSpecShape = lazySchema(() => z.strictObject({
  name: z.optional(labelSchema),
  source: z.optional(z.string()),
  levels: z.array(labelSchema).check(z.length(5)),
  ratios: z.partialRecord(
    z.enum(FINANCIAL_RATIOS as unknown as [FinancialRatioName, ...FinancialRatioName[]]),
    z.strictObject({
      better: z.enum(['higher', 'lower']),
      cuts: z.array(decimalSchema).check(z.length(4)),
    }),
  ),
}));

/** A benchmark table specification, the input of `defineFinancialBenchmarks`. */
export interface FinancialBenchmarksSpec {
  /** A name for reports. */
  readonly name?: string;
  /** Where the cuts come from. */
  readonly source?: string;
  /** The likelihood level of each band: excellent, good, average, below average, poor (five labels). */
  readonly levels: readonly string[];
  /** Per ratio: which direction is better, and four cuts from the excellent side. */
  readonly ratios: Readonly<Partial<Record<FinancialRatioName, FinancialBenchmarkSpec>>>;
}

/** One ratio of a benchmark table specification. */
export interface FinancialBenchmarkSpec {
  /** Whether a higher or a lower value is better. */
  readonly better: 'higher' | 'lower';
  /** Four cuts from the excellent side (descending when higher is better, ascending when lower is). */
  readonly cuts: readonly DecimalInput[];
}

/**
 * Schema of a financial benchmark table: per ratio, which direction is better and four cuts that
 * split the line into five bands (excellent, good, average, below average, poor), and the
 * likelihood level of each band.
 *
 * @example
 * ```ts
 * financialBenchmarksSpecSchema.safeParse({ levels: ['very-low', 'low', 'moderate', 'high', 'very-high'], ratios: { debtRatio: { better: 'lower', cuts: [0.4, 0.55, 0.65, 0.75] } } }).success;
 * //=> true
 * ```
 */
export const financialBenchmarksSpecSchema: Schema<unknown, FinancialBenchmarksSpec> = financialBenchmarksSpecShape as unknown as Schema<unknown, FinancialBenchmarksSpec>;

/** The zod shape behind `analyzeFinancialsInputSchema`, with its parsed output type. @internal */
export const analyzeFinancialsInputShape = lazySchema(() => z.strictObject({
  years: z.array(financialYearShape).check(z.minLength(1)),
  dayCount: z.union([z.literal(360), z.literal(365)]),
  averages: z.boolean(),
  altman: z.optional(altmanVariantSchema),
  firm: z.optional(z.strictObject({ listed: z.optional(z.boolean()), manufacturer: z.optional(z.boolean()) })),
  benchmarks: z.optional(z.unknown()),
}));

/** The input of `analyzeFinancials`. */
export interface AnalyzeFinancialsInput {
  /** The years of statements, oldest first. */
  readonly years: readonly FinancialYear[];
  /** Days in the year of the working-capital cycle. */
  readonly dayCount: 360 | 365;
  /** Whether turnover ratios divide by the average of opening and closing balances. */
  readonly averages: boolean;
  /** The Altman variant; by default `'z'` when every year has a market value of equity, `'z-double-prime'` for a non-manufacturer, else `'z-prime'`. */
  readonly altman?: AltmanVariant;
  /** What the firm is, for the Altman variant and its fit warnings. */
  readonly firm?: AltmanFirm;
  /** A benchmark table (from `defineFinancialBenchmarks`) that bands the ratios into likelihood levels. */
  readonly benchmarks?: unknown;
}

/**
 * Schema of the input of `analyzeFinancials`: the years of statements (oldest first), the day
 * count of the working-capital cycle, and whether turnover ratios use average balances.
 *
 * @example
 * ```ts
 * analyzeFinancialsInputSchema.safeParse({ years: [], dayCount: 365, averages: false }).success;
 * //=> false
 * ```
 */
export const analyzeFinancialsInputSchema: Schema<unknown, AnalyzeFinancialsInput> = analyzeFinancialsInputShape as unknown as Schema<unknown, AnalyzeFinancialsInput>;
