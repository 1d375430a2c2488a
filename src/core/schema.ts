import * as z from 'zod/mini';
import { isDecimal, toDecimal, type Decimal, type DecimalInput } from './decimal.js';
import { DealerkitError, type DealerkitErrorCode, type DealerkitIssue, type IssuePath } from './errors.js';
import { isoDateAt, type IsoDate } from './dates.js';
import { ROUNDING_MODES, MAX_SCALE, type RoundOptions, type RoundingMode } from './money.js';



/** Anything zod/mini can parse; the schemas dealerkit exports are of this type. */
export type Schema<Output = unknown, Input = unknown> = z.ZodMiniType<Output, Input>;

/** A zod issue as dealerkit reads it (zod v4's raw issue, with the fields we use). @internal */
interface RawIssue {
  code?: string;
  path?: PropertyKey[];
  message?: string;
  expected?: string;
  received?: string;
  input?: unknown;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  values?: unknown[];
  keys?: string[];
  errors?: RawIssue[][];
  note?: string;
  discriminator?: string;
  options?: unknown[];
  divisor?: number;
  format?: string;
  params?: { code?: DealerkitErrorCode };
}

const GENERIC = 'Invalid input';

function describeInput(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'an array';
  if (isDecimal(value)) return value.toString();
  return typeof value === 'object' ? 'an object' : typeof value;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function quoteAll(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ');
}

function cleanPath(path: readonly PropertyKey[] | undefined): (string | number)[] {
  return (path ?? []).map((k) => (typeof k === 'symbol' ? String(k.description) : k));
}

function rangeMessage(issue: RawIssue, small: boolean): string {
  const bound = String(small ? issue.minimum : issue.maximum);
  if (issue.origin === 'array' || issue.origin === 'set') {
    return small ? `must hold at least ${bound} item${bound === '1' ? '' : 's'}` : `must hold at most ${bound} items`;
  }
  if (issue.origin === 'string') {
    if (small) return bound === '1' ? 'must not be empty' : `must have at least ${bound} characters`;
    return `must have at most ${bound} characters`;
  }
  const words = small ? (issue.inclusive === false ? 'greater than' : 'at least') : issue.inclusive === false ? 'less than' : 'at most';
  return `must be ${words} ${bound}, received ${describeInput(issue.input)}`;
}

/** The branch of a failed union that got furthest: the deepest issue path, then the fewest issues. */
function closestBranch(branches: readonly RawIssue[][]): RawIssue[] | undefined {
  let best: RawIssue[] | undefined;
  let bestDepth = 0;
  for (const branch of branches) {
    const depth = Math.max(0, ...branch.map((b) => (b.code === 'unrecognized_keys' ? 0 : b.path!.length)));
    if (depth > bestDepth || (depth === bestDepth && best !== undefined && branch.length < best.length)) {
      best = branch;
      bestDepth = depth;
    }
  }
  return best;
}

/** Turns one zod issue into dealerkit issues (a union or unknown keys may give several). */
function toIssues(issue: RawIssue, base: IssuePath, out: DealerkitIssue[]): void {
  const path = [...base, ...cleanPath(issue.path)];
  let message: string;
  switch (issue.code) {
    case 'invalid_type':
      message =
        issue.input === undefined
          ? `is required (${article(issue.expected!)})`
          : `must be ${article(issue.expected!)}, received ${describeInput(issue.input)}`;
      break;
    case 'too_small':
    case 'too_big':
      message = rangeMessage(issue, issue.code === 'too_small');
      break;
    case 'invalid_value':
      message = `must be one of ${quoteAll(issue.values!)}, received ${describeInput(issue.input)}`;
      break;
    case 'unrecognized_keys':
      for (const key of issue.keys!) out.push({ path: [...path, key], message: 'is not a known field' });
      return;
    case 'invalid_union': {
      if (issue.note === 'No matching discriminator') {
        const input = issue.input as Record<string, unknown>;
        message = `must be one of ${quoteAll(issue.options!)}, received ${describeInput(input[issue.discriminator!])}`;
        break;
      }
      const best = closestBranch(issue.errors!);
      if (best === undefined) {
        message = `does not match any accepted form, received ${describeInput(issue.input)}`;
        break;
      }
      for (const inner of best) toIssues(inner, path, out);
      return;
    }
    case 'not_multiple_of':
      message = `must be a multiple of ${String(issue.divisor)}, received ${describeInput(issue.input)}`;
      break;
    case 'invalid_format':
      message = `must be in the ${String(issue.format)} format, received ${describeInput(issue.input)}`;
      break;
    default:
      message = `is not valid, received ${describeInput(issue.input)}`;
  }
  // A message given to the schema (its `error`) wins over the generic one written here.
  out.push({ path, message: issue.message !== undefined && issue.message !== GENERIC ? issue.message : message });
}

/**
 * Turns a zod failure into a {@link DealerkitError} whose issues carry dealerkit's own messages.
 *
 * zod/mini loads no locale and dealerkit never configures zod globally, so every message is
 * written here (or given to the schema as its `error`).
 *
 * @param error - A `ZodError` (or anything with zod's `issues` array).
 * @param base - A path prefix for every issue.
 * @example
 * ```ts
 * const r = decimalSchema.safeParse('abc', { reportInput: true });
 * fromZodError(r.error!, ['sales']).message;
 * //=> '[dealerkit] sales: must be a number or a numeric string, received "abc"'
 * ```
 */
export function fromZodError(error: { issues: readonly unknown[] }, base: IssuePath = []): DealerkitError {
  const out: DealerkitIssue[] = [];
  let code: DealerkitErrorCode | undefined;
  let allRange = true;
  for (const raw of error.issues as RawIssue[]) {
    toIssues(raw, base, out);
    if (code === undefined && raw.params?.code !== undefined) code = raw.params.code;
    if (raw.code !== 'too_small' && raw.code !== 'too_big') allRange = false;
  }
  return new DealerkitError(code ?? (allRange && out.length > 0 ? 'out_of_range' : 'invalid_input'), out);
}

/**
 * Parses input with a schema, throwing a {@link DealerkitError} that names every bad path.
 *
 * @internal
 */
export function parseWith<S extends z.ZodMiniType>(schema: S, input: unknown, base: IssuePath = []): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  throw fromZodError(result.error, base);
}

/** The text of a numeric string dealerkit accepts, as a regular-expression source. @internal */
export const NUMERIC_PATTERN = '^[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?$';
const NUMERIC = new RegExp(NUMERIC_PATTERN);

function isDecimalLike(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') return NUMERIC.test(value);
  return isDecimal(value) && value.isFinite();
}

/**
 * The input side of {@link decimalSchema} (JSON Schema: a number, or a string matching {@link NUMERIC_PATTERN}).
 *
 * @internal
 */
export const decimalInputSchema = z.custom<DecimalInput>(isDecimalLike, {
  error: (iss) => `must be a number or a numeric string, received ${describeInput(iss.input)}`,
});

/**
 * Schema of an exact number: a finite number, a numeric string or a Decimal, parsed to Decimal.
 *
 * @example
 * ```ts
 * decimalSchema.parse('12.50').toString();
 * //=> '12.5'
 * ```
 */
export const decimalSchema: z.ZodMiniType<Decimal, DecimalInput> = z.pipe(
  decimalInputSchema,
  z.transform((v: DecimalInput) => toDecimal(v)),
);

/**
 * Schema of an exact number that must be zero or more.
 *
 * @example
 * ```ts
 * nonNegativeDecimalSchema.safeParse('-1').success;
 * //=> false
 * ```
 */
export const nonNegativeDecimalSchema: z.ZodMiniType<Decimal, DecimalInput> = decimalSchema.check(
  z.refine((d: Decimal) => !d.isNegative() || d.isZero(), {
    error: (iss) => `must not be negative, received ${describeInput(iss.input)}`,
    params: { code: 'out_of_range' },
  }),
);

/**
 * Schema of an exact number that must be greater than zero.
 *
 * @example
 * ```ts
 * positiveDecimalSchema.safeParse(0).success;
 * //=> false
 * ```
 */
export const positiveDecimalSchema: z.ZodMiniType<Decimal, DecimalInput> = decimalSchema.check(
  z.refine((d: Decimal) => d.isPositive() && !d.isZero(), {
    error: (iss) => `must be greater than 0, received ${describeInput(iss.input)}`,
    params: { code: 'out_of_range' },
  }),
);

/**
 * The input side of {@link isoDateSchema} (JSON Schema: a `YYYY-MM-DD` string).
 *
 * @internal
 */
export const dateInputSchema: z.ZodMiniType<string | Date, string | Date> = z.custom<string | Date>(
  (v) => {
      try {
        isoDateAt(v, []);
        return true;
      } catch {
        return false;
      }
    },
    {
      error: (iss) => {
        try {
          isoDateAt(iss.input, []);
          return 'must be a date';
        } catch (e) {
          return (e as DealerkitError).issues[0]!.message;
        }
      },
    },
  );

/**
 * Schema of a calendar date: an ISO `YYYY-MM-DD` string or a `Date` (read as its UTC date), parsed to the ISO string.
 *
 * @example
 * ```ts
 * isoDateSchema.parse('2026-03-01');
 * //=> '2026-03-01'
 * ```
 */
export const isoDateSchema: z.ZodMiniType<IsoDate, string | Date> = z.pipe(
  dateInputSchema,
  z.transform((v: string | Date) => isoDateAt(v, [])),
);


/**
 * Schema of a rounding mode name.
 *
 * @example
 * ```ts
 * roundingModeSchema.safeParse('bankers').success;
 * //=> false
 * ```
 */
export const roundingModeSchema: z.ZodMiniType<RoundingMode, RoundingMode> = z.enum(ROUNDING_MODES as [RoundingMode, ...RoundingMode[]]);

/**
 * Schema of a scale: whole decimal places from 0 to 30.
 *
 * @example
 * ```ts
 * scaleSchema.safeParse(2.5).success;
 * //=> false
 * ```
 */
export const scaleSchema: z.ZodMiniType<number, number> = z.number().check(
  z.int({ error: (iss) => `must be a whole number of decimal places, received ${describeInput(iss.input)}` }),
  z.minimum(0),
  z.maximum(MAX_SCALE),
);

/**
 * Schema of the options of `roundTo`: `{ scale, mode? }`.
 *
 * @example
 * ```ts
 * roundOptionsSchema.parse({ scale: 2, mode: 'half-even' });
 * //=> { scale: 2, mode: 'half-even' }
 * ```
 */
export const roundOptionsSchema: z.ZodMiniType<RoundOptions, RoundOptions> = z.strictObject({
  scale: scaleSchema,
  mode: z.optional(roundingModeSchema),
}) as unknown as z.ZodMiniType<RoundOptions, RoundOptions>;
