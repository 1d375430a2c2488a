import type { DecimalInput } from '../core/decimal.js';
import { type Schema } from '../core/schema.js';
import * as z from 'zod/mini';
import type { RiskFinding } from './finding.js';
import { RISK_MESSAGES } from './messages.js';
import { decimalSchema, nonNegativeDecimalSchema, positiveDecimalSchema, scaleSchema } from '../core/schema.js';

export {
  financialYearShape, type FinancialYear, financialYearSchema, type ParsedFinancialYear, altmanVariantSchema, type AltmanVariant, altmanInputShape, type AltmanInput, type AltmanFirm, altmanInputSchema, FINANCIAL_RATIOS, type FinancialRatioName, financialBenchmarksSpecShape, type FinancialBenchmarksSpec, type FinancialBenchmarkSpec, financialBenchmarksSpecSchema, analyzeFinancialsInputShape, type AnalyzeFinancialsInput, analyzeFinancialsInputSchema,
} from './financial-schema.js';
import { lazySchema } from '../core/lazy.js';

// zod schemas of the risk module's configuration and input, and the spec types inferred from them.
// Shapes are checked here; cross-field rules (unique labels, a full grid, ascending bins, residual
// at most inherent) are checked by hand in the file of each concept, with every issue collected.

const labelSchema = lazySchema(() => z.string().check(z.minLength(1)));
const labelListSchema = lazySchema(() => z.array(labelSchema).check(z.minLength(1)));
const finiteNumber = lazySchema(() => z.number());

/** The zod shape behind `riskMatrixSpecSchema`, with its parsed output type. @internal */
export const riskMatrixSpecShape = lazySchema(() => z.strictObject({
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
}));

/** A risk matrix specification, the input of `defineRiskMatrix`. */
export interface RiskMatrixSpec {
  /** A name for reports. */
  readonly name?: string;
  /** Where the matrix comes from (a standard, a policy document). */
  readonly source?: string;
  /** Likelihood labels, lowest first. */
  readonly likelihood: readonly string[];
  /** Impact labels, lowest first. */
  readonly impact: readonly string[];
  /** Level labels, lowest first. */
  readonly levels: readonly string[];
  /** `cells[likelihood][impact]`: a level label per cell, rows from the lowest likelihood up. */
  readonly cells?: readonly (readonly string[])[];
  /** Or: generate the cells from 1-based positions. */
  readonly scoring?: {
    /** `'product'` (l × i) or `'sum'` (l + i) of the 1-based positions. */
    readonly type: 'product' | 'sum';
    /** One fewer than the levels, ascending: a score at or above `thresholds[k]` is at least `levels[k + 1]`. */
    readonly thresholds: readonly number[];
  };
}

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
export const riskMatrixSpecSchema: Schema<unknown, RiskMatrixSpec> = riskMatrixSpecShape as unknown as Schema<unknown, RiskMatrixSpec>;

/** The zod shape behind `riskScaleSpecSchema`, with its parsed output type. @internal */
export const riskScaleSpecShape = lazySchema(() => z.strictObject({
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
}));

/** A semi-quantitative scale specification, the input of `defineRiskScale`. */
export interface RiskScaleSpec {
  /** A name for reports. */
  readonly name?: string;
  /** What the values measure. */
  readonly unit?: string;
  /** The bins, lowest first: each from its `from` (inclusive) to the next bin's `from` (exclusive). */
  readonly bins: readonly {
    /** The level the bin maps to. */
    readonly level: string;
    /** The lowest value of the bin. */
    readonly from: DecimalInput;
  }[];
  /** The inclusive upper bound of the last bin; omit for an open-ended scale. */
  readonly to?: DecimalInput;
}

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
export const riskScaleSpecSchema: Schema<unknown, RiskScaleSpec> = riskScaleSpecShape as unknown as Schema<unknown, RiskScaleSpec>;

const axesSchema = lazySchema(() => z.union([
  z.enum(['uniform', 'nist']),
  z.strictObject({
    likelihood: z.array(decimalSchema).check(z.minLength(2)),
    impact: z.array(decimalSchema).check(z.minLength(2)),
  }),
]));

/** The zod shape behind `checkRiskMatrixOptionsSchema`, with its parsed output type. @internal */
export const checkRiskMatrixOptionsShape = lazySchema(() => z.strictObject({
  axes: z.optional(axesSchema),
  risk: z.optional(z.enum(['product', 'sum'])),
  ratioScale: z.optional(scaleSchema),
}));

/** Options of `checkRiskMatrix`. */
export interface CheckRiskMatrixOptions {
  /**
   * The quantitative reading of the axes: `'uniform'` (equal bins of [0, 1], the default), `'nist'`
   * (NIST's 0–100 bins scaled to [0, 1]) or the bin edges of each axis (n + 1 ascending cuts ≥ 0).
   */
  readonly axes?:
    | 'uniform'
    | 'nist'
    | {
        /** Bin edges of the likelihood labels, lowest first. */
        readonly likelihood: readonly DecimalInput[];
        /** Bin edges of the impact labels, lowest first. */
        readonly impact: readonly DecimalInput[];
      };
  /** A point's risk: `'product'` (default) or `'sum'` of likelihood and impact. */
  readonly risk?: 'product' | 'sum';
  /** Decimal places of the reported risks and margin (half-up; 10 when omitted); the checks compare exact fractions. */
  readonly ratioScale?: number;
}

/**
 * Schema of the options of `checkRiskMatrix`: the quantitative reading of the axes and of risk, and
 * the places of the reported figures.
 *
 * @example
 * ```ts
 * checkRiskMatrixOptionsSchema.safeParse({ axes: 'uniform', risk: 'product' }).success;
 * //=> true
 * ```
 */
export const checkRiskMatrixOptionsSchema: Schema<unknown, CheckRiskMatrixOptions> = checkRiskMatrixOptionsShape as unknown as Schema<unknown, CheckRiskMatrixOptions>;


const objectLike = (what: string) =>
  z.custom<object>((v) => typeof v === 'object' && v !== null, {
    error: (iss) => RISK_MESSAGES.notA(what, iss.input),
    params: { issue: 'invalid_type', expected: what },
  });

/** The zod shape behind `riskFactorSpecSchema`, with its parsed output type. @internal */
export const riskFactorSpecShape = lazySchema(() => z.strictObject({
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
}));

/** One factor of a template specification. */
export interface RiskFactorSpec {
  /** The id findings name. */
  readonly id: string;
  /** The category (one of the template's). */
  readonly category: string;
  /** A title for reports. */
  readonly title?: string;
  /** The matrix that rates it (from `defineRiskMatrix` or a preset). */
  readonly matrix: object;
  /** Its weight in weighted roll-ups, > 0 (1 when omitted). */
  readonly weight?: DecimalInput;
  /** When given, the factor can decide alone. */
  readonly knockout?: {
    /** Why it decides alone. */
    readonly reason: string;
    /** A residual at or above this level knocks out by itself. */
    readonly atLevel?: string;
  };
  /** Scales that read numeric evidence into the matrix's labels. */
  readonly scales?: {
    /** For the likelihood axis. */
    readonly likelihood?: object;
    /** For the impact axis. */
    readonly impact?: object;
  };
  /** What a partner can do to lower this risk. */
  readonly mitigations?: readonly string[];
}

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
export const riskFactorSpecSchema: Schema<unknown, RiskFactorSpec> = riskFactorSpecShape as unknown as Schema<unknown, RiskFactorSpec>;

/** The zod shape behind `riskTemplateSpecSchema`, with its parsed output type. @internal */
export const riskTemplateSpecShape = lazySchema(() => z.strictObject({
  kind: z.optional(z.literal('risk-template')),
  name: labelSchema,
  categories: z.optional(z.array(labelSchema).check(z.minLength(1))),
  levels: z.optional(z.array(labelSchema)),
  factors: z.array(riskFactorSpecShape).check(z.minLength(1)),
}));

/** A template specification, the input of `defineRiskTemplate`. */
export interface RiskTemplateSpec {
  /** Accepted so a defined template can be spread into a new spec. */
  readonly kind?: 'risk-template';
  /** The template's name. */
  readonly name: string;
  /** The categories, in report order (default background, financial, compliance, strategic). */
  readonly categories?: readonly string[];
  /** Accepted when it equals the factors' levels (a spread template carries it). */
  readonly levels?: readonly string[];
  /** The factors, in report order. */
  readonly factors: readonly RiskFactorSpec[];
}

/**
 * Schema of a risk template: a name, the categories (extensible), and the factors.
 *
 * @example
 * ```ts
 * riskTemplateSpecSchema.safeParse({ name: 'mini', factors: [{ id: 'registration', category: 'background', matrix: nistSp80030 }] }).success;
 * //=> true
 * ```
 */
export const riskTemplateSpecSchema: Schema<unknown, RiskTemplateSpec> = riskTemplateSpecShape as unknown as Schema<unknown, RiskTemplateSpec>;

const cadenceSchema = lazySchema(() => z.number().check(
  z.int({ error: (iss) => RISK_MESSAGES.wholeDays(iss.input) }),
  z.minimum(1),
  z.maximum(3660),
));

/** The zod shape behind `riskPolicySpecSchema`, with its parsed output type. @internal */
export const riskPolicySpecShape = lazySchema(() => z.strictObject({
  kind: z.optional(z.literal('risk-policy')),
  name: z.optional(labelSchema),
  levels: labelListSchema,
  scores: z.record(z.string(), nonNegativeDecimalSchema),
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
}));

/** A policy specification, the input of `defineRiskPolicy`. */
export interface RiskPolicySpec {
  /** Accepted so a defined policy can be spread into a new spec. */
  readonly kind?: 'risk-policy';
  /** A name for reports. */
  readonly name?: string;
  /** The levels, lowest first (they must equal the template's). */
  readonly levels: readonly string[];
  /** The score of every level, ascending, ≥ 0, at most 6 decimals. */
  readonly scores: { readonly [level: string]: DecimalInput };
  /** The overall roll-up. */
  readonly overall: RiskOverallMethod;
  /** The decision thresholds. */
  readonly decision: RiskDecisionThresholds;
  /** What unassessed factors do (default `'ignore'`). */
  readonly unassessed?: 'ignore' | 'escalate';
  /** Days to the next review, per level (1 to 3660). */
  readonly reviewCadenceDays: { readonly [level: string]: number };
}

/** How factor levels roll up into one overall level: the worst, a weighted mean of scores, or the mean of the k worst. */
export type RiskOverallMethod =
  | {
      /** The worst residual level. */
      readonly method: 'max';
    }
  | {
      /** Σ weight × score / Σ weight. */
      readonly method: 'weighted';
    }
  | {
      /** The mean score of the k worst factors. */
      readonly method: 'k-worst';
      /** How many factors, ≥ 1. */
      readonly k: number;
    };

/** Decision thresholds of a policy (levels, inclusive). */
export interface RiskDecisionThresholds {
  /** An overall level at most this approves. */
  readonly approveUpTo: string;
  /** At most this approves with conditions. */
  readonly conditionalUpTo: string;
  /** At most this escalates; above it rejects. */
  readonly escalateUpTo: string;
  /** Any factor at or above this level escalates. */
  readonly escalateIfAnyFactorAtLeast?: string;
  /** Any factor at or above this level rejects. */
  readonly rejectIfAnyFactorAtLeast?: string;
}

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
export const riskPolicySpecSchema: Schema<unknown, RiskPolicySpec> = riskPolicySpecShape as unknown as Schema<unknown, RiskPolicySpec>;

const axisValueSchema = lazySchema(() => z.union([labelSchema, decimalSchema]));

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
export const riskFindingSchema: Schema<unknown, RiskFinding> = lazySchema(() => z.strictObject({
  factor: labelSchema,
  likelihood: axisValueSchema,
  impact: axisValueSchema,
  knockout: z.optional(z.boolean()),
  note: z.optional(z.string()),
  controls: z.optional(z.array(z.strictObject({ id: labelSchema, description: z.optional(z.string()) }))),
  residual: z.optional(z.strictObject({ likelihood: axisValueSchema, impact: axisValueSchema })),
}) as unknown as Schema<unknown, RiskFinding>);
