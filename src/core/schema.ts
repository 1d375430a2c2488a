import * as z from 'zod/mini';
import { Decimal, isDecimal, toDecimal, type DecimalInput } from './decimal.js';
import { DealerkitError, type IssuePath } from './errors.js';
import { CORE_MESSAGES, describeValue } from './messages.js';
import { isoDateAt, type IsoDate } from './dates.js';
import { ROUNDING_MODES, MAX_SCALE, type RoundOptions, type RoundingMode } from './money.js';
import { NUMERIC } from './issues.js';
import { lazySchema } from './lazy.js';

export { knownKeysAt, nearestName, toDealerkitError, parseWith, NUMERIC_PATTERN } from './issues.js';

/** Anything zod/mini can parse; the schemas dealerkit exports are of this type. */
export type Schema<Output = unknown, Input = unknown> = z.ZodMiniType<Output, Input>;

function isDecimalLike(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') return NUMERIC.test(value) && new Decimal(value).isFinite();
  return isDecimal(value) && value.isFinite();
}

/**
 * The input side of {@link decimalSchema} (JSON Schema: a number, or a string matching {@link NUMERIC_PATTERN}).
 *
 * @internal
 */
export const decimalInputSchema = lazySchema(() => z.custom<DecimalInput>(isDecimalLike, {
  error: (iss) =>
    typeof iss.input === 'string' && NUMERIC.test(iss.input) ? CORE_MESSAGES.outOfDecimalRange(iss.input) : CORE_MESSAGES.notNumeric(iss.input),
  params: { issue: 'not_a_number', expected: 'a number or a numeric string' },
}));

/**
 * Schema of an exact number: a finite number, a numeric string or a Decimal, parsed to Decimal.
 *
 * @example
 * ```ts
 * decimalSchema.parse('12.50').toString();
 * //=> '12.5'
 * ```
 */
export const decimalSchema: z.ZodMiniType<Decimal, DecimalInput> = lazySchema(() => z.pipe(
  decimalInputSchema,
  z.transform((v: DecimalInput) => toDecimal(v)),
));

/**
 * Schema of an exact number that must be zero or more.
 *
 * @example
 * ```ts
 * nonNegativeDecimalSchema.safeParse('-1').success;
 * //=> false
 * ```
 */
export const nonNegativeDecimalSchema: z.ZodMiniType<Decimal, DecimalInput> = lazySchema(() => decimalSchema.check(
  // decimalSchema's toDecimal never gives a negative zero: "not negative" needs no zero test.
  z.refine((d: Decimal) => !d.isNegative(), {
    error: (iss) => `must not be negative, received ${describeValue(iss.input)}`,
    params: { code: 'out_of_range', issue: 'out_of_range', expected: 'at least 0', limit: '0' },
  }),
));

/**
 * Schema of an exact number that must be greater than zero.
 *
 * @example
 * ```ts
 * positiveDecimalSchema.safeParse(0).success;
 * //=> false
 * ```
 */
export const positiveDecimalSchema: z.ZodMiniType<Decimal, DecimalInput> = lazySchema(() => decimalSchema.check(
  z.refine((d: Decimal) => d.isPositive() && !d.isZero(), {
    error: (iss) => `must be greater than 0, received ${describeValue(iss.input)}`,
    params: { code: 'out_of_range', issue: 'out_of_range', expected: 'greater than 0', limit: '0' },
  }),
));

/**
 * The input side of {@link isoDateSchema} (JSON Schema: a `YYYY-MM-DD` string).
 *
 * @internal
 */
export const dateInputSchema: z.ZodMiniType<string | Date, string | Date> = lazySchema(() =>
  z.custom<string | Date>((v) => dateProblem(v) === undefined, {
    error: (iss) => dateProblem(iss.input),
    params: { issue: 'not_a_date', expected: 'an ISO date (YYYY-MM-DD)' },
  }),
);

/** What is wrong with a date input (isoDateAt's message), or undefined when it is a date. */
function dateProblem(value: unknown): string | undefined {
  try {
    // Stryker disable next-line ArrayDeclaration: only the issue's message is kept below, never its path
    isoDateAt(value, []);
    return undefined;
  } catch (e) {
    return (e as DealerkitError).issues[0]!.message;
  }
}

/**
 * Schema of a calendar date: an ISO `YYYY-MM-DD` string or a `Date` (read as its UTC date), parsed to the ISO string.
 *
 * @example
 * ```ts
 * isoDateSchema.parse('2026-03-01');
 * //=> '2026-03-01'
 * ```
 */
export const isoDateSchema: z.ZodMiniType<IsoDate, string | Date> = lazySchema(() => z.pipe(
  dateInputSchema,
  // Stryker disable next-line ArrayDeclaration: dateInputSchema has accepted v, so isoDateAt never throws here and the path is never printed
  z.transform((v: string | Date) => isoDateAt(v, [])),
));

/**
 * Schema of a rounding mode name.
 *
 * @example
 * ```ts
 * roundingModeSchema.safeParse('bankers').success;
 * //=> false
 * ```
 */
export const roundingModeSchema: z.ZodMiniType<RoundingMode, RoundingMode> = lazySchema(() => z.enum(ROUNDING_MODES as [RoundingMode, ...RoundingMode[]]));

/**
 * Schema of a scale: whole decimal places from 0 to 30.
 *
 * @example
 * ```ts
 * scaleSchema.safeParse(2.5).success;
 * //=> false
 * ```
 */
export const scaleSchema: z.ZodMiniType<number, number> = lazySchema(() => z.number().check(
  z.int({ error: (iss) => `must be a whole number of decimal places, received ${describeValue(iss.input)}` }),
  z.minimum(0),
  z.maximum(MAX_SCALE),
));

/**
 * Schema of the options of `roundTo`: `{ scale, mode? }`.
 *
 * @example
 * ```ts
 * roundOptionsSchema.parse({ scale: 2, mode: 'half-even' });
 * //=> { scale: 2, mode: 'half-even' }
 * ```
 */
export const roundOptionsSchema: z.ZodMiniType<RoundOptions, RoundOptions> = lazySchema(() => z.strictObject({
  scale: scaleSchema,
  mode: z.optional(roundingModeSchema),
}) as unknown as z.ZodMiniType<RoundOptions, RoundOptions>);

/**
 * Schema of a share, rate or probability written as a fraction from 0 to 1 (`0.03` for 3 %).
 *
 * A value above 1 is refused with the issue code `percent_as_whole_number` and the hint
 * "write 0.03 for 3 %"; a negative value with `out_of_range`.
 *
 * @example
 * ```ts
 * fractionSchema.safeParse(3).error?.issues[0]?.message;
 * //=> 'must be a fraction from 0 to 1, received 3: write 0.03 for 3 %'
 * ```
 */
export const fractionSchema: z.ZodMiniType<Decimal, DecimalInput> = lazySchema(() => decimalSchema.check(
  z.refine((d: Decimal) => !d.isNegative(), {
    error: (iss) => `must not be negative, received ${describeValue(iss.input)}`,
    params: { code: 'out_of_range', issue: 'out_of_range', expected: 'from 0 to 1', limit: '0' },
  }),
  z.refine((d: Decimal) => d.lte(1), {
    // The refinement sees the pipe's output: the input is always a Decimal here.
    error: (iss) => CORE_MESSAGES.fraction((iss.input as Decimal).toFixed()),
    params: { code: 'out_of_range', issue: 'percent_as_whole_number', expected: 'from 0 to 1', limit: '1' },
  }),
));

/**
 * Checks an already converted share or rate lies in [0, 1], refusing a whole-number percentage
 * with `percent_as_whole_number` and the hint. Returns the value.
 *
 * @internal
 */
export function checkFraction(value: Decimal, path: IssuePath): Decimal {
  if (value.isNegative() && !value.isZero()) {
    throw new DealerkitError('out_of_range', [
      { path, code: 'out_of_range', message: CORE_MESSAGES.fractionBelow(value.toFixed()), expected: 'from 0 to 1', received: value.toFixed(), limit: '0' },
    ]);
  }
  if (value.gt(1)) {
    throw new DealerkitError('out_of_range', [
      { path, code: 'percent_as_whole_number', message: CORE_MESSAGES.fraction(value.toFixed()), expected: 'from 0 to 1', received: value.toFixed(), limit: '1' },
    ]);
  }
  return value;
}

/** True when a metric's name says it is a ratio, rate, share or percentage (`onTimePaymentRatio`). @internal */
export function namesAFraction(name: string): boolean {
  return /(ratio|rate|share|percent|pct|fraction|probability)$/i.test(name) || /(^|[_\-\s])(ratio|rate|share)([_\-\s]|$)/i.test(name);
}

/** Where several rounded lines make a total: round every line, or only the total. */
export type RoundingStage = 'line' | 'total';

/**
 * The one rounding option every engine takes where money or points are rounded:
 * `{ scale?, mode?, stage? }`. Omitted fields fall back to the engine's documented defaults (the
 * currency's minor unit, `'half-up'`, `'line'`).
 */
export interface RoundingSpec {
  /** Decimal places to keep (0 to 30); the currency's minor unit when omitted. */
  scale?: number;
  /** How ties and fractions are resolved. */
  mode?: RoundingMode;
  /** Round every line (`'line'`) or only the total (`'total'`), where a figure is a sum of lines. */
  stage?: RoundingStage;
}

/**
 * Schema of the shared `rounding` option: `{ scale?, mode?, stage? }`.
 *
 * @example
 * ```ts
 * roundingSpecSchema.parse({ scale: 2, mode: 'half-even' });
 * //=> { scale: 2, mode: 'half-even' }
 * ```
 */
export const roundingSpecSchema: z.ZodMiniType<RoundingSpec, RoundingSpec> = lazySchema(() => z.strictObject({
  scale: z.optional(scaleSchema),
  mode: z.optional(roundingModeSchema),
  stage: z.optional(z.enum(['line', 'total'])),
}) as unknown as z.ZodMiniType<RoundingSpec, RoundingSpec>);

/**
 * Decimal places ratios derived by division are reported with, unless an engine's `ratioScale`
 * option says otherwise (decisions compare the exact ratio, never the rounded one).
 *
 * @example
 * ```ts
 * DEFAULT_RATIO_SCALE;
 * //=> 10
 * ```
 */
export const DEFAULT_RATIO_SCALE = 10;
