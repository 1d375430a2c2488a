import { Decimal as DecimalJs } from 'decimal.js';
import { Decimal, ZERO, toDecimal, type DecimalInput } from './decimal.js';
import { apportionScaled, decimalFromScaled } from './scaled.js';
import { invalid, outOfRange, wrapThrown, unknownLabel, type IssuePath } from './errors.js';
import { describeValue } from './messages.js';
import { ROUNDING_MODES, type RoundingMode } from './rounding.js';

export { ROUNDING_MODES };

export type { RoundingMode } from './rounding.js';

const MODE: Readonly<Record<RoundingMode, DecimalJs.Rounding>> = {
  'half-up': DecimalJs.ROUND_HALF_UP,
  'half-even': DecimalJs.ROUND_HALF_EVEN,
  'half-down': DecimalJs.ROUND_HALF_DOWN,
  up: DecimalJs.ROUND_UP,
  down: DecimalJs.ROUND_DOWN,
  ceiling: DecimalJs.ROUND_CEIL,
  floor: DecimalJs.ROUND_FLOOR,
};

/**
 * The largest number of decimal places dealerkit rounds to.
 *
 * @example
 * ```ts
 * MAX_SCALE;
 * //=> 30
 * ```
 */
export const MAX_SCALE = 30;

/** Options of {@link roundTo}. */
export interface RoundOptions {
  /** Decimal places to keep: 0 for whole units, 2 for cents; an integer from 0 to 30. */
  scale: number;
  /** How ties and fractions are resolved; `'half-up'` when omitted. */
  mode?: RoundingMode;
}

/** Validates a scale (an integer from 0 to {@link MAX_SCALE}) and returns it. @internal */
export function checkScale(scale: unknown, path: IssuePath): number {
  if (typeof scale !== 'number' || !Number.isInteger(scale)) {
    return invalid(path, `must be a whole number of decimal places, received ${describeValue(scale)}`);
  }
  if (scale < 0 || scale > MAX_SCALE) return outOfRange(path, `must be from 0 to ${MAX_SCALE}, received ${scale}`);
  return scale;
}

/** Validates a rounding mode and returns it. @internal */
export function checkMode(mode: unknown, path: IssuePath): RoundingMode {
  if (typeof mode === 'string' && Object.prototype.hasOwnProperty.call(MODE, mode)) return mode as RoundingMode;
  return invalid(path, `must be one of ${ROUNDING_MODES.map((m) => `'${m}'`).join(', ')}, received ${describeValue(mode)}`);
}

/** The most decimal places a figure is ever rounded to (a text of 100,000 digits). */
const MAX_PRINTED_SCALE = 100_000;

/** Rounds an already validated Decimal; never returns negative zero. @internal */
export function roundDecimal(value: Decimal, scale: number, mode: RoundingMode): Decimal {
  // Every figure a step text prints is rounded here first: a scale out of range (a result read back
  // from JSON with `scale: 581541533`) is refused, not printed with half a billion places.
  // (Engines round to more than MAX_SCALE places themselves, e.g. a ratio of tiny figures: the bound
  // here is what a text can hold, not what a caller may ask for.)
  if (!(scale >= 0 && scale <= MAX_PRINTED_SCALE && Number.isInteger(scale))) {
    outOfRange(['scale'], `must be a whole number of decimal places from 0 to ${MAX_PRINTED_SCALE}, received ${describeValue(scale)}`, { code: 'out_of_range', limit: String(MAX_PRINTED_SCALE) });
  }
  const r = value.toDecimalPlaces(scale, MODE[mode]);
  return r.isZero() ? ZERO : r;
}

/**
 * Rounds a value to `scale` decimal places by a named rounding mode.
 *
 * @example
 * ```ts
 * roundTo('2.345', { scale: 2, mode: 'half-even' }).toString();
 * //=> '2.34'
 * roundTo('-2.5', { scale: 0 }).toString();
 * //=> '-3'
 * ```
 */
export function roundTo(value: DecimalInput, options: RoundOptions): Decimal {
  try {
    const v = toDecimal(value, 'value');
    if (typeof options !== 'object' || options === null) invalid(['options'], 'must be an object with a scale');
    const scale = checkScale(options.scale, ['options', 'scale']);
    const mode = options.mode === undefined ? 'half-up' : checkMode(options.mode, ['options', 'mode']);
    return roundDecimal(v, scale, mode);
  } catch (error) {
    throw wrapThrown(error);
  }
}

const scaleCache = new Map<string, number>();

/**
 * The number of minor-unit decimal places of an ISO 4217 currency, from `Intl`.
 *
 * The code is checked against `Intl.supportedValuesOf('currency')` where the engine has it, so a
 * well-formed but unknown code such as `'XYZ'` is an error rather than a silent 2.
 *
 * @example
 * ```ts
 * [toCurrencyScale('JPY'), toCurrencyScale('CNY'), toCurrencyScale('USD'), toCurrencyScale('KWD')];
 * //=> [0, 2, 2, 3]
 * ```
 */
export function toCurrencyScale(code: string): number {
  try {
    return currencyScaleAt(code, ['currency']);
  } catch (error) {
    throw wrapThrown(error);
  }
}

/** {@link toCurrencyScale} with the caller's path in errors. @internal */
export function currencyScaleAt(code: unknown, path: IssuePath): number {
  if (typeof code !== 'string' || !/^[A-Za-z]{3}$/.test(code)) {
    return invalid(path, `must be a three-letter ISO 4217 currency code, received ${describeValue(code)}`);
  }
  const upper = code.toUpperCase();
  const cached = scaleCache.get(upper);
  if (cached !== undefined) return cached;
  const intl = (globalThis as { Intl?: typeof Intl }).Intl;
  if (intl === undefined || typeof intl.NumberFormat !== 'function') {
    return invalid(path, 'this JavaScript engine has no Intl; give the rounding scale explicitly');
  }
  const supported = (intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  if (typeof supported === 'function' && !supported('currency').includes(upper)) {
    return unknownLabel(path, `is not a currency this engine knows (ISO 4217), received ${describeValue(code)}`);
  }
  // Per ECMA-402, a currency style always resolves maximumFractionDigits (the ISO 4217 minor units).
  const digits = new intl.NumberFormat('en', { style: 'currency', currency: upper }).resolvedOptions().maximumFractionDigits!;
  scaleCache.set(upper, digits);
  return digits;
}

/** Options of {@link allocate} and {@link allocateEvenly}. */
export interface AllocateOptions {
  /** Decimal places of every part (0 for whole units, 2 for cents); an integer from 0 to 30. The total must have no more. */
  scale: number;
}

const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Largest-remainder (Hamilton) apportionment of `units` whole units over integer weights.
 *
 * Each part is the floor of its exact quota `units × w / Σw`; the units left over go one each to
 * the parts with the largest remainders, ties to the earlier position. Exact: plain numbers when
 * `units × Σw` fits in 2^53, BigInt otherwise. `units` ≥ 0; weights ≥ 0 and not all zero.
 *
 * @internal
 */
export function apportionUnits(units: number, weights: readonly number[]): number[];
export function apportionUnits(units: bigint, weights: readonly bigint[]): bigint[];
export function apportionUnits(units: number | bigint, weights: readonly (number | bigint)[]): (number | bigint)[] {
  const n = weights.length;
  if (typeof units === 'number') {
    const w = weights as readonly number[];
    let total = 0;
    // Stryker disable next-line EqualityOperator: one step too far adds undefined, and the NaN total sends the split to BigInt, which gives the same parts
    for (let i = 0; i < n; i++) total += w[i]!;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the BigInt path gives the same parts at every size (plain numbers are only faster)
    if (total * units <= SAFE) return apportionNumbers(units, w, total);
    const big = w.map((x) => BigInt(x));
    return apportionBig(BigInt(units), big).map((x) => Number(x));
  }
  return apportionBig(units, weights as readonly bigint[]);
}

function apportionNumbers(units: number, w: readonly number[], total: number): number[] {
  // units ≥ 0, total > 0 and units × total ≤ 2^53 − 1 here: core/scaled's split never declines.
  return apportionScaled(units, w, total)!;
}

function apportionBig(units: bigint, w: readonly bigint[]): bigint[] {
  const n = w.length;
  let total = BigInt(0);
  for (let i = 0; i < n; i++) total += w[i]!;
  // Stryker disable next-line ArrayDeclaration: presizing only saves growth; an empty array fills the same
  const parts = new Array<bigint>(n);
  // Stryker disable next-line ArrayDeclaration: presizing only saves growth; an empty array fills the same
  const rems = new Array<bigint>(n);
  let given = BigInt(0);
  for (let i = 0; i < n; i++) {
    const a = units * w[i]!;
    const q = a / total;
    parts[i] = q;
    rems[i] = a - q * total;
    given += q;
  }
  distributeLeftover(parts, rems, Number(units - given), BigInt(1));
  return parts;
}

function distributeLeftover<T extends number | bigint>(parts: T[], rems: T[], leftover: number, one: T): void {
  // leftover < parts.length. Largest remainders first; equal remainders keep input order (the
  // earlier position wins). Few parts: repeated selection, no allocation; many: one stable sort.
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: the sort and the repeated selection apply one rule and give the same parts (the sort is only faster for many parts)
  if (parts.length > 32) {
    const order = parts.map((_, i) => i);
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: `order` starts in index order and the engine's stable sort compares an element only with one before it, so the answers for a smaller remainder and for a tie (a − b > 0) are never read otherwise; 40 and 100 parts in test/core/mutation-money-more.test.ts
    order.sort((a, b) => (rems[a]! > rems[b]! ? -1 : rems[a]! < rems[b]! ? 1 : a - b));
    for (let k = 0; k < leftover; k++) {
      const i = order[k]!;
      parts[i] = ((parts[i] as number) + (one as number)) as T;
    }
    return;
  }
  const taken = new Uint8Array(parts.length);
  for (let k = 0; k < leftover; k++) {
    let best = -1;
    // Stryker disable next-line EqualityOperator: one step past the end reads taken[parts.length], undefined, which is not 0: never chosen
    for (let i = 0; i < parts.length; i++) {
      if (taken[i] === 0 && (best < 0 || rems[i]! > rems[best]!)) best = i;
    }
    taken[best] = 1;
    parts[best] = ((parts[best] as number) + (one as number)) as T;
  }
}

/** Converts a non-negative Decimal integer to the plain number or BigInt form. @internal */
function decimalToIntString(d: Decimal): string {
  return d.toFixed(0);
}

/**
 * Splits a total into parts proportional to weights that sum exactly to the total at `scale`.
 *
 * Largest-remainder (Hamilton) method: each part is the floor or the ceiling of its exact quota
 * `total × wᵢ / Σw` at the scale; the leftover units go to the largest remainders, and equal
 * remainders go to the earlier position. Negative totals are split symmetrically (the parts of
 * −10 are the negated parts of 10); zero weights get 0; weights may be decimals.
 *
 * Like every quota method it shows the Alabama paradox: 10 by [6, 6, 2] is [4, 4, 2], yet 11 by
 * the same weights is [5, 5, 1] (the third part shrinks as the total grows).
 *
 * @example
 * ```ts
 * allocate(10, [6, 5, 4], { scale: 0 }).map(String);
 * //=> ['4', '3', '3']
 * allocate('100.00', [1, 1, 1], { scale: 2 }).map(String);
 * //=> ['33.34', '33.33', '33.33']
 * ```
 */
export function allocate(total: DecimalInput, weights: readonly DecimalInput[], options: AllocateOptions): Decimal[] {
  try {
    return allocateAt(total, weights, options, NO_PATH);
  } catch (error) {
    throw wrapThrown(error);
  }
}

/** The empty path prefix of a direct call (paths are only ever spread into new ones). */
const NO_PATH: IssuePath = Object.freeze([]);

/**
 * Splits a total into `n` parts as equal as the scale allows, the extra units to the first parts.
 *
 * @example
 * ```ts
 * allocateEvenly(100000000, 12, { scale: 0 }).map(String).slice(3, 5);
 * //=> ['8333334', '8333333']
 * ```
 */
export function allocateEvenly(total: DecimalInput, n: number, options: AllocateOptions): Decimal[] {
  try {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
      invalid(['n'], `must be a whole number of parts, at least 1, received ${describeValue(n)}`);
    }
    if (n > 10_000_000) outOfRange(['n'], `must be at most 10000000 parts, received ${n}`);
    return allocateAt(total, new Array<number>(n).fill(1), options, []);
  } catch (error) {
    throw wrapThrown(error);
  }
}

/** The integer parts of the plain-number split, reused from call to call. */
const scratch: number[] = [];

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const TWO_52 = 2 ** 52;

/**
 * The common case in plain numbers: a number total with at most `scale` decimals and whole-number
 * weights, small enough that every step is an exact integer operation. Returns undefined when any
 * condition fails, and the general Decimal/BigInt path takes over (with its error messages).
 */
// The fast path's guards: a mutant that makes it decline more often changes nothing (the general
// path gives the same parts), so those mutants are marked line by line below.
// Stryker disable next-line BlockStatement: an empty fast path declines every call; the general path gives the same parts
function allocateNumbers(total: unknown, weights: readonly unknown[], scale: number): Decimal[] | undefined {
  // Stryker disable next-line all: declining (or reaching the check below with a NaN) only hands the call to the general path
  if (typeof total !== 'number' || scale >= POW10.length) return undefined;
  const p = POW10[scale]!;
  // Stryker disable next-line ArithmeticOperator: a wrong u fails the exactness check below and declines
  const u = Math.round(total * p);
  // Below 2^52 distinct multiples of 10^-scale are distinct doubles, so u / p === total proves
  // that total is exactly u × 10^-scale (and that its decimal text has at most `scale` places).
  // Stryker disable next-line all: declining more often only hands the call to the general path
  if (!(Math.abs(u) < TWO_52) || u / p !== total) return undefined;
  const n = weights.length;
  // Stryker disable next-line ArrayDeclaration: presizing only saves growth
  const ws = new Array<number>(n);
  let sum = 0;
  // Stryker disable next-line all: reading past the end (or not at all) declines, handing the call to the general path
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    // Stryker disable next-line all: declining more often only hands the call to the general path
    if (typeof w !== 'number' || !Number.isSafeInteger(w) || w < 0) return undefined;
    ws[i] = w;
    sum += w;
  }
  const units = Math.abs(u);
  // Stryker disable next-line EqualityOperator: a product of exactly 2^53 - 1 only goes to the general path, which gives the same parts
  if (sum === 0 || sum * units > SAFE) return undefined;
  // The parts go to a scratch array (no caller code runs between the split and the reading).
  const parts = apportionScaled(u, ws, sum, scratch)!;
  // Stryker disable next-line ArrayDeclaration: presizing only saves growth
  const out = new Array<Decimal>(n);
  for (let i = 0; i < n; i++) out[i] = decimalFromScaled(parts[i]!, scale);
  return out;
}

/** {@link allocate} with the caller's path prefix in errors. @internal */
export function allocateAt(
  total: DecimalInput,
  weights: readonly DecimalInput[],
  options: AllocateOptions,
  path: IssuePath,
): Decimal[] {
  if (typeof options !== 'object' || options === null) invalid([...path, 'options'], 'must be an object with a scale');
  const given = options.scale;
  // The path of a refusal is built only when there is one (a million calls need no million paths).
  // Stryker disable next-line EqualityOperator: 0 and MAX_SCALE sent to checkScale come back unchanged
  const scale = Number.isInteger(given) && given >= 0 && given <= MAX_SCALE ? given : checkScale(given, [...path, 'options', 'scale']);
  if (!Array.isArray(weights)) invalid([...path, 'weights'], 'must be an array of weights');
  if (weights.length === 0) invalid([...path, 'weights'], 'must hold at least one weight');
  const fast = allocateNumbers(total, weights, scale);
  // Stryker disable next-line ConditionalExpression: the general path gives the same parts as the fast one
  if (fast !== undefined) return fast;
  const t = toDecimal(total, [...path, 'total']);

  const units = t.times(`1e${scale}`);
  if (!units.isInteger()) {
    invalid([...path, 'total'], `has more than ${scale} decimal places (${t.toString()}); round it to the scale first`);
  }
  // A negative zero needs no care here: its parts are all 0, and a zero part is ZERO below.
  const negative = units.isNegative();
  const absUnits = units.abs();

  // Weights to integers: all scaled by the same power of ten, so the proportions are unchanged.
  // Stryker disable next-line ArrayDeclaration: every index is written in order below; presizing only saves growth
  const ws: Decimal[] = new Array<Decimal>(weights.length);
  let places = 0;
  let allZero = true;
  for (let i = 0; i < weights.length; i++) {
    const w = toDecimal(weights[i], [...path, 'weights', i]);
    if (w.isNegative() && !w.isZero()) invalid([...path, 'weights', i], `must not be negative, received ${w.toString()}`);
    if (!w.isZero()) allZero = false;
    places = Math.max(places, w.decimalPlaces());
    ws[i] = w;
  }
  if (allZero) invalid([...path, 'weights'], 'must not all be zero');

  const factor = `1e${places}`;
  const intWeights = ws.map((w) => w.times(factor));
  let raw: (number | bigint)[];
  const unitsNumber = absUnits.toNumber();
  let weightSum = 0;
  // Which integer path runs changes no part: BigInt is exact at every size, and apportionUnits moves to BigInt
  // itself once units × Σw passes 2^53; plain numbers are only taken when every figure is exact as one.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: only picks the faster of two exact paths
  let small = unitsNumber <= SAFE;
  for (const w of intWeights) {
    weightSum += w.toNumber();
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BooleanLiteral: only picks the faster of two exact paths
    if (weightSum > SAFE) small = false;
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator,ArithmeticOperator: only picks the faster of two exact paths
  if (small && weightSum * unitsNumber <= SAFE) {
    raw = apportionUnits(unitsNumber, intWeights.map((w) => w.toNumber()));
  } else {
    raw = apportionUnits(BigInt(decimalToIntString(absUnits)), intWeights.map((w) => BigInt(decimalToIntString(w))));
  }
  return raw.map((q) => {
    if (!q) return ZERO;
    const d = new Decimal(`${q.toString()}e-${scale}`);
    return negative ? d.negated() : d;
  });
}

/**
 * A ratio derived by division, as reported: rounded half-up to `scale` places (10 unless an
 * engine's `ratioScale` option says otherwise). Decisions never use it: tiers and gates compare
 * the exact quotient by cross-multiplication.
 *
 * @internal
 */
export function roundRatio(value: Decimal, scale: number): Decimal {
  return roundDecimal(value, scale, 'half-up');
}
