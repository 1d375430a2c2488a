// Exact scaled-integer arithmetic for the batch paths: the one home of it (issue 15).
//
// A figure is an integer `u` standing for `u × 10^-s`. Every operation here is exact while its
// operands and result stay within ±(2^53 − 1); an operation that would leave that range returns
// TOO_BIG (NaN), which every later operation here propagates, so a caller checks once, at the end,
// with isTooBig, and then falls back to the Decimal path. Plain doubles, no allocation.
import { Decimal, ZERO } from './decimal.js';
import { Built, decimalFromScaled as buildDecimal } from './fast.js';
import { ROUNDING_MODES, type RoundingMode } from './rounding.js';

/** The largest integer every operation here keeps exact: 2^53 − 1. @internal */
export const SAFE = Number.MAX_SAFE_INTEGER;

/** The "too big, fall back" signal: NaN, which every operation here passes on. @internal */
export const TOO_BIG = NaN;

/** True when a scaled result left the exact range somewhere (it is {@link TOO_BIG}). @internal */
export function isTooBig(x: number): boolean {
  return x !== x;
}

/**
 * The one numeric encoding of the rounding modes in the scaled paths (the order of
 * `ROUNDING_MODES`): 0 half-up, 1 half-even, 2 half-down, 3 up, 4 down, 5 ceiling, 6 floor.
 * @internal
 */
export const ROUNDING_CODE: Readonly<Record<RoundingMode, number>> = Object.freeze(
  Object.fromEntries(ROUNDING_MODES.map((mode, code) => [mode, code])) as Record<RoundingMode, number>,
);

/** Powers of ten 10^0 … 10^22, each exact as a double. @internal */
export const POW10: readonly number[] = Object.freeze(Array.from({ length: 23 }, (_, k) => 10 ** k));

/** 10^-k for k = 0 … 7, each the double nearest to it. */
const INV10: readonly number[] = [1, 0.1, 0.01, 0.001, 0.0001, 0.00001, 0.000001, 0.0000001];

/** The number of digits minus one of a whole number from 1 to 10^7 − 1. */
function digitsBelow(w: number): number {
  if (w < 1000) return w < 10 ? 0 : w < 100 ? 1 : 2;
  if (w < 100000) return w < 10000 ? 3 : 4;
  return w < 1000000 ? 5 : 6;
}

/**
 * The Decimal `q × 10^-scale` of a safe integer `q` (scale 0 to 30), without going through text.
 *
 * decimal.js keeps base-10^7 words aligned on the decimal point (the first word holds
 * `(e + 1) mod 7` digits), with no zero word at either end. For a scale up to 7 and |q| < 10^14 that
 * is at most two whole words and one fraction word, computed here by two divisions; the rest goes
 * to core/fast's general builder. Both give exactly what `new Decimal(text)` gives (test/core).
 * @internal
 */
export function decimalFromScaled(q: number, scale: number): Decimal {
  // Stryker disable next-line EqualityOperator: for q = 0 both give a zero a (-0 or 0), and a === 0 returns ZERO below
  const a = q < 0 ? -q : q;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: core/fast's builder gives the same Decimal for every safe q and scale 0 to 30 (test/core/fast.test.ts); sending more cases there is only slower
  if (scale > 7 || !(a < 1e14)) return buildDecimal(q, scale);
  if (a === 0) return ZERO;
  // Stryker disable next-line EqualityOperator: q is not 0 here (a === 0 returned ZERO above)
  const sign = q < 0 ? -1 : 1;
  const p = POW10[scale]!;
  // a × 10^-scale by a product, not a division. Its error (the rounded 10^-scale and the rounded
  // product, each under 2^-53 relative, so under 10^-2 / p below 10^14) is less than the distance
  // 1/p of a fraction from the next whole number, and a multiple of p lands on a whole number: the
  // floor is the whole part. The remainder fix below is a guard only (exact: whole × p < 2^53).
  let whole = Math.floor(a * INV10[scale]!);
  let rest = a - whole * p;
  // Stryker disable all: the guard never runs (see above), so no mutant of it can be told apart
  if (rest < 0) {
    whole -= 1;
    rest += p;
  } else if (rest >= p) {
    whole += 1;
    rest -= p;
  }
  // Stryker restore all
  const frac = rest * POW10[7 - scale]!;
  if (whole === 0) return new Built(sign, digitsBelow(frac) - 7, [frac]);
  if (whole < 1e7) return new Built(sign, digitsBelow(whole), frac === 0 ? [whole] : [whole, frac]);
  const hi = Math.floor(whole / 1e7);
  const lo = whole - hi * 1e7;
  return new Built(sign, digitsBelow(hi) + 7, frac !== 0 ? [hi, lo, frac] : lo !== 0 ? [hi, lo] : [hi]);
}


/** `x` when it is a safe integer's magnitude, else TOO_BIG. */
function guard(x: number): number {
  return x <= SAFE && x >= -SAFE ? x : TOO_BIG;
}

/** `a × b` for integers, or TOO_BIG when the product leaves ±(2^53 − 1). @internal */
export function mulScaled(a: number, b: number): number {
  return guard(a * b);
}

/** `a + b` for integers, or TOO_BIG when the sum leaves ±(2^53 − 1). @internal */
export function addScaled(a: number, b: number): number {
  return guard(a + b);
}

/**
 * The integer `n / d` rounded by a mode ({@link ROUNDING_CODE}), with the signs of both taken
 * into account (`up` is away from zero, `ceiling` towards +∞, ties of the half modes are ties of
 * the exact quotient). `n`, `d` safe integers, `d` ≠ 0; TOO_BIG in gives TOO_BIG out.
 * @internal
 */
export function divRound(n: number, d: number, code: number): number {
  if (d < 0) {
    n = -n;
    d = -d;
  }
  let q: number;
  let r: number;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator,UnaryOperator: both ways give the exact quotient; the % path is only slower
  if (n < 4503599627370496 && n > -4503599627370496) {
    // Below 2^52 the double quotient is within one of the truncated one, and q × d and n − q × d are
    // exact: one correction step, cheaper than `%`.
    q = Math.trunc(n / d);
    r = n - q * d;
    // Unreachable for a safe d: rounding q + r/d up to the next integer would need 1/d < ulp/2 ≤ 1/(2d) + 2^-53, so d > 2^52.
    // Stryker disable all: the correction never runs (see above), so no mutant of it can be told apart
    if (r >= d || (r > 0 && n < 0)) {
      q += 1;
      r -= d;
    } else if (r <= -d || (r < 0 && n > 0)) {
      q -= 1;
      r += d;
    }
    // Stryker restore all
  } else {
    // `%` is exact on doubles, and n − r is a multiple of d, so q is the exact truncated quotient.
    r = n % d;
    q = (n - r) / d;
  }
  if (r === 0) return q === 0 ? 0 : q; // also passes NaN through (NaN === 0 is false, q is NaN)
  const neg = r < 0;
  // away: the neighbour away from zero; q is towards zero.
  const away = neg ? q - 1 : q + 1;
  switch (code) {
    case 3:
      return away;
    case 4:
      return q === 0 ? 0 : q;
    case 5:
      return neg ? (q === 0 ? 0 : q) : away;
    case 6:
      return neg ? away : q;
    default: {
      const twice = neg ? -2 * r : 2 * r;
      if (twice > d) return away;
      if (twice < d) return q === 0 ? 0 : q;
      if (code === 0) return away;
      if (code === 2) return q === 0 ? 0 : q;
      return q % 2 === 0 ? (q === 0 ? 0 : q) : away;
    }
  }
}

/** `u × 10^-from` at scale `to` (to ≥ from): `u × 10^(to − from)`, or TOO_BIG. @internal */
export function rescale(u: number, from: number, to: number): number {
  if (to === from) return u;
  if (to < from || to - from > 22) return TOO_BIG;
  return guard(u * POW10[to - from]!);
}

/** `u × 10^-from` rounded to scale `to` (to ≤ from) by a mode. @internal */
export function roundScaled(u: number, from: number, to: number, code: number): number {
  if (to >= from) return rescale(u, from, to);
  if (from - to > 22) return TOO_BIG;
  return divRound(u, POW10[from - to]!, code);
}

/**
 * Compares `a × 10^-sa` with `b × 10^-sb`: negative, zero or positive, or NaN (TOO_BIG) when the
 * common scale would leave the exact range.
 * @internal
 */
export function compareScaled(a: number, sa: number, b: number, sb: number): number {
  if (sa === sb) return a - b;
  return sa < sb ? rescale(a, sa, sb) - b : a - rescale(b, sb, sa);
}

/** The integer `d × 10^places` when it is a whole safe integer, else TOO_BIG. @internal */
export function toScaled(d: Decimal, places: number): number {
  if (places > 22 || places < 0) return TOO_BIG;
  const x = d.times(POW10[places]!);
  if (!x.isInteger() || x.abs().gt(SAFE)) return TOO_BIG;
  const n = x.toNumber();
  return n === 0 ? 0 : n;
}

/** The most decimal places among Decimals (nulls skipped). @internal */
export function placesOf(ds: readonly (Decimal | null | undefined)[]): number {
  let p = 0;
  for (const d of ds) if (d != null) p = Math.max(p, d.decimalPlaces());
  return p;
}

/**
 * A plain number as an integer count of `10^-scale` units (`unit` = 10^scale), or TOO_BIG when
 * it is not exactly such a count below 2^52 (a string, NaN, 0.125 at scale 2 …).
 * @internal
 */
export function unitsOfNumber(x: unknown, unit: number): number {
  if (typeof x !== 'number') return TOO_BIG;
  const u = Math.round(x * unit);
  // Below 2^52 distinct multiples of 1/unit are distinct doubles: u / unit === x proves x = u / unit.
  if (!(u < 4503599627370496 && u > -4503599627370496) || u / unit !== x) return TOO_BIG;
  return u === 0 ? 0 : u;
}

let rems = new Float64Array(64);

function bump(out: number[], i: number, bumped: { [i: number]: number } | undefined): void {
  out[i] = out[i]! + 1;
  if (bumped !== undefined) bumped[i] = 1;
}

/**
 * Largest-remainder (Hamilton) apportionment of `units` whole units over non-negative integer
 * weights summing to `total` (> 0): each part is its quota `units × w / total` truncated towards
 * zero, and the units left over go one each to the largest remainders, equal remainders to the
 * earlier position. A negative `units` is split symmetrically (the parts of −u are those of u,
 * negated). Written into `out` (a new array when omitted); `bumped`, when given, gets 1 where a
 * part received a leftover unit, else 0. Returns null when `|units| × total` leaves 2^53.
 * @internal
 */
export function apportionScaled(
  units: number,
  weights: ArrayLike<number>,
  total: number,
  out: number[] = new Array<number>(weights.length),
  bumped?: { [i: number]: number; readonly length: number },
): number[] | null {
  const n = weights.length;
  const neg = units < 0;
  const u = neg ? -units : units + 0; // + 0: a −0 total gives +0 parts
  if (!(u * total <= SAFE) || !(total > 0)) return null;
  if (rems.length < n) rems = new Float64Array(Math.max(n, 2 * rems.length));
  const rs = rems;
  let given = 0;
  for (let i = 0; i < n; i++) {
    const a = u * weights[i]!;
    // a ≤ u × total < 2^53: floor(a / total) of the rounded quotient is the whole one (its error,
    // below a × 2^-53 / total, is less than 1 / total), and q × total is exact. Not `%`: on a
    // double `%` is a call to fmod.
    const q = Math.floor(a / total);
    const r = a - q * total;
    out[i] = q;
    rs[i] = r;
    given += q;
    if (bumped !== undefined) bumped[i] = 0;
  }
  let left = u - given;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator,BlockStatement: the sort and the repeated selection apply one rule and give the same parts (the sort is only faster for many parts)
  if (left > 0 && n > 32) {
    // Many parts: one stable sort by remainder, largest first, the earlier position among equals.
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => rs[b]! - rs[a]! || a - b);
    for (let k = 0; k < left; k++) bump(out, order[k]!, bumped);
    left = 0;
  }
  for (; left > 0; left--) {
    // Few parts: repeated selection, the largest remainder not yet bumped (−1), the earliest among equals.
    let best = 0;
    let top = rs[0]!;
    for (let i = 1; i < n; i++) {
      const r = rs[i]!;
      if (r > top) {
        best = i;
        top = r;
      }
    }
    rs[best] = -1;
    bump(out, best, bumped);
  }
  if (neg) for (let i = 0; i < n; i++) out[i] = out[i] === 0 ? 0 : -out[i]!;
  return out;
}
