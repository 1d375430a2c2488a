import type { Decimal, DecimalInput } from '../core/decimal.js';
import type { DateInput } from '../core/dates.js';
import { decimalSchema, isoDateSchema, nonNegativeDecimalSchema, roundingSpecSchema, type RoundingSpec } from '../core/schema.js';
import * as z from 'zod/mini';
import { KPI_MESSAGES } from './messages.js';
import { lazySchema } from '../core/lazy.js';

/**
 * Which way a KPI is good: `'higher'` (sales), `'lower'` (complaints, response hours) or
 * `'target'` (best at the target, such as stock days scored by `deviation`).
 */
export type KpiDirection = 'higher' | 'lower' | 'target';

/** What a curve or bands read: the raw actual, or the attainment `actual / target × 100`. */
export type KpiScoringBasis = 'actual' | 'attainment';

/** A fixed score, used outside a curve's anchors. */
export interface KpiFixedScore {
  /** The score. */
  score: DecimalInput;
}

/** What a curve does outside its anchors: hold the end anchor's score, extend the end segment, or a fixed score. */
export type KpiCurveOutside = 'clamp' | 'extrapolate' | KpiFixedScore;

/** `actual / target × 100`, clamped to `floor` / `cap` when given (higher-is-better KPIs only). */
export interface KpiRatioScoring {
  /** The rule. */
  type: 'ratio';
  /** The lowest points; none when omitted. */
  floor?: DecimalInput;
  /** The highest points; none when omitted. */
  cap?: DecimalInput;
}

/** SAP SuccessFactors' "Reduction" for lower-is-better KPIs: `200 − 100 × actual / target`. */
export interface KpiReductionScoring {
  /** The rule. */
  type: 'reduction';
  /** The lowest points; 0 when omitted. */
  floor?: DecimalInput;
  /** The highest points; 200 when omitted. */
  cap?: DecimalInput;
}

/** Best at the target (direction `'target'`): `100 − |actual − target| / target × 100`. */
export interface KpiDeviationScoring {
  /** The rule. */
  type: 'deviation';
  /** The lowest points; 0 when omitted. */
  floor?: DecimalInput;
  /** The highest points; none when omitted. */
  cap?: DecimalInput;
}

/** An anchor of a curve. */
export interface KpiCurvePoint {
  /** The actual (or attainment %) of the anchor; anchors ascend. */
  at: DecimalInput;
  /** The points at the anchor. */
  score: DecimalInput;
}

/** Threshold / target / stretch anchors, interpolated or stepped. */
export interface KpiCurveScoring {
  /** The rule. */
  type: 'curve';
  /** What the anchors read: the raw actual (default) or the attainment `actual / target × 100`. */
  on?: KpiScoringBasis;
  /** The anchors, ascending by `at`, at least one. */
  points: KpiCurvePoint[];
  /** Between anchors: `'linear'` interpolation (default) or `'step'` (the last anchor reached). */
  between?: 'linear' | 'step';
  /** Below the first anchor: `'clamp'` (default), `'extrapolate'` (linear only) or a fixed score. */
  below?: KpiCurveOutside;
  /** Above the last anchor: `'clamp'` (default), `'extrapolate'` (linear only) or a fixed score. */
  above?: KpiCurveOutside;
}

/** A band: values from `from` (inclusive) up to the next band's `from` score `score`. */
export interface KpiBand {
  /** Where the band starts, inclusive; bands ascend. */
  from: DecimalInput;
  /** The points of the band. */
  score: DecimalInput;
}

/** Points by bands of the actual or of the attainment. */
export interface KpiBandsScoring {
  /** The rule. */
  type: 'bands';
  /** What the bands read: the raw actual (default) or the attainment. */
  on?: KpiScoringBasis;
  /** The bands, ascending, at least one. */
  bands: KpiBand[];
  /** The points below the first band; without it such a value is an error. */
  below?: DecimalInput;
}

/** Points for a yes/no KPI: `true` scores `pass`, `false` scores `fail`. */
export interface KpiBooleanScoring {
  /** The rule. */
  type: 'boolean';
  /** The points for `true`. */
  pass: DecimalInput;
  /** The points for `false`. */
  fail: DecimalInput;
}

/**
 * How a KPI's actual becomes points (100 = on target): `ratio`, `reduction`, `deviation`,
 * `curve`, `bands` or `boolean` (see each rule's interface).
 */
export type KpiScoringSpec =
  | KpiRatioScoring
  | KpiReductionScoring
  | KpiDeviationScoring
  | KpiCurveScoring
  | KpiBandsScoring
  | KpiBooleanScoring;

/** One indicator of a scorecard. */
export interface KpiSpec {
  /** A unique id, used as the key of actuals, targets and stage weights. */
  id: string;
  /** A display name; the id when omitted. */
  label?: string;
  /** Which way the KPI is good; checked against the scoring (a ratio is higher-is-better only). */
  direction: KpiDirection;
  /** How the actual becomes points. */
  scoring: KpiScoringSpec;
  /** The target used when a dealer's input gives none (targets must be greater than 0). */
  target?: DecimalInput;
}

/** A failed gate caps the score at `capScore`. */
export interface KpiCapScoreSpec {
  /** The highest score allowed. */
  capScore: DecimalInput;
}

/** A failed gate caps the grade at `capGrade` (a grade of the scorecard). */
export interface KpiCapGrade {
  /** The highest grade allowed. */
  capGrade: string;
}

/** A hard standard: a comparison of a KPI's actual that, when it fails, zeroes or caps the result. */
export interface KpiGateSpec {
  /** The KPI whose actual is compared. */
  kpi: string;
  /** The comparison the actual must satisfy (`actual op value`); booleans take `'=='` and `'!='` only. */
  op: KpiGateOp;
  /** The value compared with: a number for numeric KPIs, a boolean for boolean ones. */
  value: DecimalInput | boolean;
  /** What a failed gate does: score 0, a cap on the score, or a cap on the grade. */
  effect: 'zero' | KpiCapScoreSpec | KpiCapGrade;
}

/** The comparison operators of a gate. */
export type KpiGateOp = '>=' | '>' | '<=' | '<' | '==' | '!=';

/** What happens when a dealer has no actual for a KPI. */
export type KpiMissingPolicy = 'error' | 'zero' | 'reweight';

/** One market stage's weights in a spec. */
export interface KpiStageSpec {
  /** A weight ≥ 0 for every KPI id, summing to exactly 1 (or any sum under `normalize`). */
  weights: Record<string, DecimalInput>;
}

/** A grade threshold in a spec. */
export interface KpiGradeSpec {
  /** The lowest score of the grade. */
  min: DecimalInput;
  /** The grade's name. */
  grade: string;
}

/** The input of {@link defineScorecard}. */
export interface KpiScorecardSpec {
  /** The indicators, at least one. */
  kpis: KpiSpec[];
  /** Weights per market stage (any names); every KPI in every stage, weights ≥ 0 summing to 1. */
  stages: Record<string, KpiStageSpec>;
  /** When true, each stage's weights are divided by their sum instead of having to sum to 1. */
  normalize?: boolean;
  /** Grades by minimum score, highest first (Gold ≥ 90, Silver ≥ 75 ...); below the last, no grade. */
  grades?: KpiGradeSpec[];
  /** Hard standards applied after the weighted score. */
  gates?: KpiGateSpec[];
  /** What a missing actual does: `'error'` (default), `'zero'` points, or `'reweight'` over the present KPIs. */
  missing?: KpiMissingPolicy;
  /**
   * Where points are rounded, spreadsheet-style: `stage: 'line'` (the default) rounds every
   * attainment and every KPI's points, `'total'` only the weighted score; to `scale` places (2 when
   * omitted) by `mode` (`'half-up'` when omitted). Exact when the scorecard has no `rounding`.
   */
  rounding?: RoundingSpec;
}

/** How a stage change inside the period is scored. */
export type KpiStagePolicy = 'prorate' | 'end' | 'start';

/** One stage in force over a date range (both ends inclusive). */
export interface KpiStageSpan {
  /** A stage name of the scorecard. */
  stage: string;
  /** First day the stage is in force. */
  from: DateInput;
  /** Last day the stage is in force. */
  to: DateInput;
}

/** A scoring period, both ends inclusive. */
export interface KpiPeriod {
  /** The first day. */
  start: DateInput;
  /** The last day. */
  end: DateInput;
}

/** The input of {@link scoreDealer}: one dealer's actuals and targets, and the stage (or stages) in force. */
export interface KpiDealerInput {
  /** The dealer's id, carried into the result, into rankings and into a batch's error paths (`inputs[D-117].actuals.sales`). */
  id?: string | number;
  /** The single stage whose weights apply. Give either `stage` or `stages`. */
  stage?: string;
  /** The stages in force over the period, in date order without overlaps. */
  stages?: KpiStageSpan[];
  /** The scoring period (both ends inclusive); required with `stages`. */
  period?: KpiPeriod;
  /** How `stages` combine: by days in the period (`'prorate'`, default) or the stage on the period's `'start'` / `'end'`. */
  policy?: KpiStagePolicy;
  /** Actuals per KPI id; `null` or absent is missing. Boolean KPIs take `true` / `false`. */
  actuals: Record<string, DecimalInput | boolean | null | undefined>;
  /** Targets per KPI id, greater than 0; a KPI's own `target` applies when absent. */
  targets?: Record<string, DecimalInput | null | undefined>;
}

const whole = () => z.int({ error: (iss) => KPI_MESSAGES.wholeNumber(String(iss.input)) });
const basis = lazySchema(() => z.optional(z.enum(['actual', 'attainment'])));
const outside = lazySchema(() => z.optional(z.union([z.enum(['clamp', 'extrapolate']), z.strictObject({ score: decimalSchema })])));
const nonEmpty = lazySchema(() => z.string().check(z.minLength(1)));

const scoringSchema = lazySchema(() => z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ratio'), floor: z.optional(decimalSchema), cap: z.optional(decimalSchema) }),
  z.strictObject({ type: z.literal('reduction'), floor: z.optional(decimalSchema), cap: z.optional(decimalSchema) }),
  z.strictObject({ type: z.literal('deviation'), floor: z.optional(decimalSchema), cap: z.optional(decimalSchema) }),
  z.strictObject({
    type: z.literal('curve'),
    on: basis,
    points: z.array(z.strictObject({ at: decimalSchema, score: decimalSchema })).check(z.minLength(1)),
    between: z.optional(z.enum(['linear', 'step'])),
    below: outside,
    above: outside,
  }),
  z.strictObject({
    type: z.literal('bands'),
    on: basis,
    bands: z.array(z.strictObject({ from: decimalSchema, score: decimalSchema })).check(z.minLength(1)),
    below: z.optional(decimalSchema),
  }),
  z.strictObject({ type: z.literal('boolean'), pass: decimalSchema, fail: decimalSchema }),
]));

/** The parsed form of a scoring rule (Decimals in place of inputs). @internal */
export type ParsedScoring =
  | { type: 'ratio' | 'reduction' | 'deviation'; floor?: Decimal; cap?: Decimal }
  | {
      type: 'curve';
      on?: KpiScoringBasis;
      points: { at: Decimal; score: Decimal }[];
      between?: 'linear' | 'step';
      below?: 'clamp' | 'extrapolate' | { score: Decimal };
      above?: 'clamp' | 'extrapolate' | { score: Decimal };
    }
  | { type: 'bands'; on?: KpiScoringBasis; bands: { from: Decimal; score: Decimal }[]; below?: Decimal }
  | { type: 'boolean'; pass: Decimal; fail: Decimal };

/** The parsed form of a scorecard spec. @internal */
export interface ParsedScorecardSpec {
  kpis: { id: string; label?: string; direction: KpiDirection; scoring: ParsedScoring; target?: Decimal }[];
  stages: Record<string, { weights: Record<string, Decimal> }>;
  normalize?: boolean;
  grades?: { min: Decimal; grade: string }[];
  gates?: { kpi: string; op: KpiGateOp; value: Decimal | boolean; effect: 'zero' | { capScore: Decimal } | { capGrade: string } }[];
  missing?: KpiMissingPolicy;
  rounding?: RoundingSpec;
}

/**
 * Schema of a scorecard spec, the input of {@link defineScorecard} (shape only: the cross-field
 * rules, such as weights summing to 1, are checked by `defineScorecard`).
 *
 * @example
 * ```ts
 * kpiScorecardSpecSchema.safeParse({ kpis: [], stages: {} }).success;
 * //=> false
 * ```
 */
export const kpiScorecardSpecSchema: z.ZodMiniType<KpiScorecardSpec, KpiScorecardSpec> = lazySchema(() => z.strictObject({
  kpis: z
    .array(
      z.strictObject({
        id: nonEmpty,
        label: z.optional(z.string()),
        direction: z.enum(['higher', 'lower', 'target']),
        scoring: scoringSchema,
        target: z.optional(decimalSchema),
      }),
    )
    .check(z.minLength(1)),
  stages: z.record(nonEmpty, z.strictObject({ weights: z.record(z.string(), nonNegativeDecimalSchema) })),
  normalize: z.optional(z.boolean()),
  grades: z.optional(z.array(z.strictObject({ min: decimalSchema, grade: nonEmpty }))),
  gates: z.optional(
    z.array(
      z.strictObject({
        kpi: nonEmpty,
        op: z.enum(['>=', '>', '<=', '<', '==', '!=']),
        value: z.union([z.boolean(), decimalSchema]),
        effect: z.union([
          z.literal('zero'),
          z.strictObject({ capScore: decimalSchema }),
          z.strictObject({ capGrade: nonEmpty }),
        ]),
      }),
    ),
  ),
  missing: z.optional(z.enum(['error', 'zero', 'reweight'])),
  rounding: z.optional(roundingSpecSchema),
}) as unknown as z.ZodMiniType<KpiScorecardSpec, KpiScorecardSpec>);

/**
 * Schema of one dealer's input to {@link scoreDealer} (shape only; `scoreDealer` checks the KPI ids,
 * stages and dates against the scorecard, and validates without zod in its batch path).
 *
 * @example
 * ```ts
 * kpiDealerInputSchema.safeParse({ stage: 'launch', actuals: { sales: '950' } }).success;
 * //=> true
 * ```
 */
export const kpiDealerInputSchema: z.ZodMiniType<unknown, KpiDealerInput> = lazySchema(() => z.strictObject({
  id: z.optional(z.union([z.string(), z.number()])),
  stage: z.optional(nonEmpty),
  stages: z.optional(
    z.array(z.strictObject({ stage: nonEmpty, from: isoDateSchema, to: isoDateSchema })).check(z.minLength(1)),
  ),
  period: z.optional(z.strictObject({ start: isoDateSchema, end: isoDateSchema })),
  policy: z.optional(z.enum(['prorate', 'end', 'start'])),
  actuals: z.record(z.string(), z.optional(z.union([z.boolean(), z.null(), decimalSchema]))),
  targets: z.optional(z.record(z.string(), z.optional(z.union([z.null(), decimalSchema])))),
}) as unknown as z.ZodMiniType<unknown, KpiDealerInput>);

/** The exit rule {@link reviewStanding} applies (its first argument). */
export interface StandingRuleSpec {
  /** The benchmark score; a score strictly below it is a miss. */
  benchmark: DecimalInput;
  /** Consecutive misses that raise a warning; 2 when omitted. */
  consecutive?: number;
  /** Months after the warning period by whose end the dealer must have recovered; a miss then is an exit review. */
  graceMonths: number;
  /** What a missing period does: `'break'` the run, `'skip'` it, or count it as a `'miss'`. */
  missing: 'break' | 'skip' | 'miss';
  /** Consecutive periods at or above the benchmark that end a warning; 1 when omitted. */
  recoverAfter?: number;
}

/**
 * Schema of the exit rule of {@link reviewStanding}.
 *
 * @example
 * ```ts
 * standingRuleSpecSchema.safeParse({ benchmark: 60, graceMonths: 6, missing: 'skip' }).success;
 * //=> true
 * ```
 */
export const standingRuleSpecSchema: z.ZodMiniType<StandingRuleSpec, StandingRuleSpec> = lazySchema(() => z.strictObject({
  benchmark: decimalSchema,
  consecutive: z.optional(z.number().check(whole(), z.minimum(1), z.maximum(1000))),
  graceMonths: z.number().check(whole(), z.minimum(0), z.maximum(1200)),
  missing: z.enum(['break', 'skip', 'miss']),
  recoverAfter: z.optional(z.number().check(whole(), z.minimum(1), z.maximum(1000))),
}) as unknown as z.ZodMiniType<StandingRuleSpec, StandingRuleSpec>);
