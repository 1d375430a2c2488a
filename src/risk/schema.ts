import type { Decimal } from '../core/decimal.js';
import { z } from '../core/schema.js';
import { decimalSchema, nonNegativeDecimalSchema, positiveDecimalSchema } from '../core/schema.js';

// zod schemas of the risk module's configuration and input, and the spec types inferred from them.
// Shapes are checked here; cross-field rules (unique labels, a full grid, ascending bins, residual
// at most inherent) are checked by hand in the file of each concept, with every issue collected.

/**
 * An input type with every array readonly, so defined (frozen) objects can be spread into a new spec. @internal
 */
export type ReadonlyInput<T> = T extends Decimal
  ? T
  : T extends (infer U)[]
    ? readonly ReadonlyInput<U>[]
    : T extends object
      ? { readonly [K in keyof T]: ReadonlyInput<T[K]> }
      : T;

const labelSchema = z.string().check(z.minLength(1));
const labelListSchema = z.array(labelSchema).check(z.minLength(1));
const finiteNumber = z.number();

/**
 * Schema of a risk matrix specification: `likelihood`, `impact` and `levels` labels (low to high)
 * and either `cells[likelihood][impact]` or `scoring`.
 *
 * @example
 * ```ts
 * riskMatrixSpecSchema.safeParse({ likelihood: ['low', 'high'], impact: ['low', 'high'], levels: ['ok'], cells: [['ok', 'ok'], ['ok', 'ok']] }).success;
 * //=> true
 * ```
 */
export const riskMatrixSpecSchema = z.strictObject({
  name: z.optional(labelSchema),
  source: z.optional(z.string()),
  likelihood: labelListSchema,
  impact: labelListSchema,
  levels: labelListSchema,
  cells: z.optional(z.array(z.array(z.string()))),
  scoring: z.optional(
    z.strictObject({
      type: z.enum(['product', 'sum']),
      thresholds: z.array(finiteNumber),
    }),
  ),
});

/** A risk matrix specification, the input of `defineRiskMatrix`. */
export type RiskMatrixSpec = ReadonlyInput<z.input<typeof riskMatrixSpecSchema>>;

/**
 * Schema of a semi-quantitative scale: half-open bins `[from, next.from)` each naming a level, the
 * last bin closed at `to` when given (unbounded otherwise).
 *
 * @example
 * ```ts
 * riskScaleSpecSchema.safeParse({ bins: [{ level: 'low', from: 0 }, { level: 'high', from: 0.5 }], to: 1 }).success;
 * //=> true
 * ```
 */
export const riskScaleSpecSchema = z.strictObject({
  name: z.optional(labelSchema),
  unit: z.optional(z.string()),
  bins: z
    .array(
      z.strictObject({
        level: labelSchema,
        from: decimalSchema,
      }),
    )
    .check(z.minLength(1)),
  to: z.optional(decimalSchema),
});

/** A semi-quantitative scale specification, the input of `defineRiskScale`. */
export type RiskScaleSpec = ReadonlyInput<z.input<typeof riskScaleSpecSchema>>;

const axesSchema = z.union([
  z.enum(['uniform', 'nist']),
  z.strictObject({
    likelihood: z.array(decimalSchema).check(z.minLength(2)),
    impact: z.array(decimalSchema).check(z.minLength(2)),
  }),
]);

/**
 * Schema of the options of `checkRiskMatrix`: the quantitative reading of the axes and of risk.
 *
 * @example
 * ```ts
 * checkRiskMatrixOptionsSchema.safeParse({ axes: 'uniform', risk: 'product' }).success;
 * //=> true
 * ```
 */
export const checkRiskMatrixOptionsSchema = z.strictObject({
  axes: z.optional(axesSchema),
  risk: z.optional(z.enum(['product', 'sum'])),
});

/** Options of `checkRiskMatrix`, as accepted on input. */
export type CheckRiskMatrixOptions = ReadonlyInput<z.input<typeof checkRiskMatrixOptionsSchema>>;

const money = decimalSchema;
const nonNegative = nonNegativeDecimalSchema;

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
export const financialYearSchema = z.strictObject({
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
});

/** One year of financial statements, as accepted on input. */
export type FinancialYear = ReadonlyInput<z.input<typeof financialYearSchema>>;

/** @internal */
export type ParsedFinancialYear = z.output<typeof financialYearSchema>;

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
export const altmanVariantSchema = z.enum(['z', 'z-prime', 'z-double-prime']);

/** An Altman Z-score variant. */
export type AltmanVariant = z.output<typeof altmanVariantSchema>;

/**
 * Schema of the input of `calculateAltmanZ`.
 *
 * @example
 * ```ts
 * altmanInputSchema.safeParse({ variant: 'z-double-prime', workingCapital: 1, totalAssets: 10, retainedEarnings: 1, ebit: 1, bookValueOfEquity: 4, totalLiabilities: 6 }).success;
 * //=> true
 * ```
 */
export const altmanInputSchema = z.strictObject({
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
});

/** The input of `calculateAltmanZ`. */
export type AltmanInput = ReadonlyInput<z.input<typeof altmanInputSchema>>;

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
export const financialBenchmarksSpecSchema = z.strictObject({
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
});

/** A financial benchmark table specification, the input of `defineFinancialBenchmarks`. */
export type FinancialBenchmarksSpec = ReadonlyInput<z.input<typeof financialBenchmarksSpecSchema>>;

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
export const analyzeFinancialsInputSchema = z.strictObject({
  years: z.array(financialYearSchema).check(z.minLength(1)),
  dayCount: z.union([z.literal(360), z.literal(365)]),
  averages: z.boolean(),
  altman: z.optional(altmanVariantSchema),
  firm: z.optional(z.strictObject({ listed: z.optional(z.boolean()), manufacturer: z.optional(z.boolean()) })),
  benchmarks: z.optional(z.unknown()),
});

/** The input of `analyzeFinancials`. */
export type AnalyzeFinancialsInput = ReadonlyInput<z.input<typeof analyzeFinancialsInputSchema>>;

const objectLike = (what: string) =>
  z.custom<object>((v) => typeof v === 'object' && v !== null, {
    error: (iss) => `must be ${what}, received ${iss.input === null ? 'null' : typeof iss.input}`,
  });

/**
 * Schema of one factor of a risk template: its id, category, matrix, optional weight (default 1),
 * knock-out rule, scales for numeric evidence and the mitigations it suggests.
 *
 * @example
 * ```ts
 * riskFactorSpecSchema.safeParse({ id: 'credit-rating', category: 'background', matrix: nistSp80030, weight: 2 }).success;
 * //=> true
 * ```
 */
export const riskFactorSpecSchema = z.strictObject({
  id: labelSchema,
  category: labelSchema,
  title: z.optional(z.string()),
  matrix: objectLike('a risk matrix (from defineRiskMatrix)'),
  weight: z.optional(positiveDecimalSchema),
  knockout: z.optional(z.strictObject({ reason: labelSchema, atLevel: z.optional(labelSchema) })),
  scales: z.optional(
    z.strictObject({
      likelihood: z.optional(objectLike('a risk scale (from defineRiskScale)')),
      impact: z.optional(objectLike('a risk scale (from defineRiskScale)')),
    }),
  ),
  mitigations: z.optional(z.array(labelSchema)),
});

/** One factor of a risk template, as accepted on input. */
export type RiskFactorSpec = ReadonlyInput<z.input<typeof riskFactorSpecSchema>>;

/**
 * Schema of a risk template: a name, the categories (extensible), and the factors.
 *
 * @example
 * ```ts
 * riskTemplateSpecSchema.safeParse({ name: 'mini', factors: [{ id: 'registration', category: 'background', matrix: nistSp80030 }] }).success;
 * //=> true
 * ```
 */
export const riskTemplateSpecSchema = z.strictObject({
  kind: z.optional(z.literal('risk-template')),
  name: labelSchema,
  categories: z.optional(z.array(labelSchema).check(z.minLength(1))),
  levels: z.optional(z.array(labelSchema)),
  factors: z.array(riskFactorSpecSchema).check(z.minLength(1)),
});

/** A risk template specification, the input of `defineRiskTemplate`. */
export type RiskTemplateSpec = ReadonlyInput<z.input<typeof riskTemplateSpecSchema>>;

const cadenceSchema = z.number().check(
  z.int({ error: (iss) => `must be a whole number of days, received ${String(iss.input)}` }),
  z.minimum(1),
  z.maximum(3660),
);

/**
 * Schema of a risk policy: the levels it speaks, an explicit numeric score per level, the overall
 * roll-up method, the decision thresholds and the review cadence per level.
 *
 * @example
 * ```ts
 * riskPolicySpecSchema.safeParse({ levels: ['low', 'high'], scores: { low: 1, high: 5 }, overall: { method: 'max' }, decision: { approveUpTo: 'low', conditionalUpTo: 'low', escalateUpTo: 'high' }, reviewCadenceDays: { low: 365, high: 90 } }).success;
 * //=> true
 * ```
 */
export const riskPolicySpecSchema = z.strictObject({
  kind: z.optional(z.literal('risk-policy')),
  name: z.optional(labelSchema),
  levels: labelListSchema,
  scores: z.record(z.string(), nonNegative),
  overall: z.discriminatedUnion('method', [
    z.strictObject({ method: z.literal('max') }),
    z.strictObject({ method: z.literal('weighted') }),
    z.strictObject({ method: z.literal('k-worst'), k: z.number().check(z.int(), z.minimum(1)) }),
  ]),
  decision: z.strictObject({
    approveUpTo: labelSchema,
    conditionalUpTo: labelSchema,
    escalateUpTo: labelSchema,
    escalateIfAnyFactorAtLeast: z.optional(labelSchema),
    rejectIfAnyFactorAtLeast: z.optional(labelSchema),
  }),
  unassessed: z.optional(z.enum(['ignore', 'escalate'])),
  reviewCadenceDays: z.record(z.string(), cadenceSchema),
});

/** A risk policy specification, the input of `defineRiskPolicy`. */
export type RiskPolicySpec = ReadonlyInput<z.input<typeof riskPolicySpecSchema>>;

const axisValueSchema = z.union([labelSchema, decimalSchema]);

/**
 * Schema of one finding: the factor, its likelihood and impact (labels, or values read through the
 * factor's scales), optional controls and the residual they leave, a knock-out flag and a note.
 * `assessPartner` checks findings by hand with the same rules (and the cross-field ones).
 *
 * @example
 * ```ts
 * riskFindingSchema.safeParse({ factor: 'credit-rating', likelihood: 'high', impact: 'high', controls: [{ id: 'bank-guarantee' }], residual: { likelihood: 'moderate', impact: 'high' } }).success;
 * //=> true
 * ```
 */
export const riskFindingSchema = z.strictObject({
  factor: labelSchema,
  likelihood: axisValueSchema,
  impact: axisValueSchema,
  knockout: z.optional(z.boolean()),
  note: z.optional(z.string()),
  controls: z.optional(z.array(z.strictObject({ id: labelSchema, description: z.optional(z.string()) }))),
  residual: z.optional(z.strictObject({ likelihood: axisValueSchema, impact: axisValueSchema })),
});
