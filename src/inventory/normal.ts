// The standard normal distribution as inventory theory uses it: Φ, Φ⁻¹, the density and the
// standard normal loss function G(k) = E[(Z − k)⁺] with its inverse.
import { invalid, outOfRange, wrapThrown, type IssuePath } from '../core/errors.js';
import { describeValue } from '../core/messages.js';
import { INVENTORY_MESSAGES as M } from './messages.js';

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/** Throws unless `value` is a finite number (`required`, `invalid_type` or `not_a_number`). @internal */
export function finiteAt(value: unknown, path: IssuePath): number {
  // Stryker disable next-line ConditionalExpression: Number.isFinite is false for every non-number, so the typeof test never decides the branch on its own
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    const code = value === undefined ? 'required' : typeof value === 'number' ? 'not_a_number' : 'invalid_type';
    return invalid(path, M.finite(value), { code, expected: 'a finite number', received: describeValue(value) });
  }
  return value;
}

/**
 * Reads a probability strictly between 0 and 1; a whole-number percentage (1 < p < 100) is refused
 * with `percent_as_whole_number` and the hint "write 0.95 for 95 %". @internal
 */
export function probabilityAt(value: unknown, path: IssuePath): number {
  const v = finiteAt(value, path);
  if (v > 1 && v < 100) {
    outOfRange(path, M.probabilityPercent(v), { code: 'percent_as_whole_number', expected: 'strictly between 0 and 1', received: String(v), limit: '1' });
  }
  if (!(v > 0 && v < 1)) {
    outOfRange(path, M.probability(v), { code: 'out_of_range', expected: 'strictly between 0 and 1', received: String(v), limit: v <= 0 ? '0' : '1' });
  }
  return v;
}

/** φ(x) without validation. @internal */
export function pdf(x: number): number {
  return Math.exp(-0.5 * x * x) / SQRT_2PI;
}

/**
 * x + x³/3 + x⁵/(3·5) + …: Φ(x) = ½ + φ(x)·S(x) (Marsaglia 2004, J. Stat. Software 11(4)); all terms
 * have the sign of x, so nothing cancels. Used for |x| < 2, where it needs at most ~40 terms.
 */
function marsagliaSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  // Stryker disable next-line EqualityOperator: the loop always stops at the break below (|x| < 2: the terms shrink to nothing long before n = 200)
  for (let n = 1; n < 200; n++) {
    term *= x2 / (2 * n + 1);
    const next = sum + term;
    // Stryker disable next-line ConditionalExpression,BlockStatement: an early exit only: once a term no longer changes the sum, later (smaller) terms do not either
    if (next === sum) break;
    sum = next;
  }
  return sum;
}

/**
 * V(x) = x + 2/(x + 3/(x + 4/(x + …))), the tail of Laplace's continued fraction of the Mills ratio
 * R(x) = Q(x)/φ(x) = 1/(x + 1/V(x)), for x ≥ 2. Evaluated backwards from a depth that makes the
 * truncation error below 1e-17 relative (checked against mpmath at 50 digits in the tests).
 */
function millsTail(x: number): number {
  const depth = Math.ceil(10 + 600 / (x * x));
  let t = x;
  for (let n = depth; n >= 2; n--) t = x + n / t;
  return t;
}

/** Q(x) = 1 − Φ(x) for x ≥ 0, accurate relative to itself (no 1 − Φ cancellation). @internal */
export function upperTail(x: number): number {
  if (x < 2) return 0.5 - pdf(x) * marsagliaSeries(x);
  return pdf(x) / (x + 1 / millsTail(x));
}

/** Φ(x) without validation. @internal */
export function cdf(x: number): number {
  // Stryker disable next-line EqualityOperator: they differ at x = 0 (and −0) only, where ½ + φ(0)·0 and Q(−0) = ½ − φ(0)·(−0) are both exactly 0.5
  if (x >= 0) {
    return x < 2 ? 0.5 + pdf(x) * marsagliaSeries(x) : 1 - upperTail(x);
  }
  return upperTail(-x);
}

/** G(k) = φ(k) − k(1 − Φ(k)) without validation. @internal */
export function loss(k: number): number {
  if (k < 0) return loss(-k) - k; // G(−k) = G(k) + k: a sum of positives
  if (k < 2) return pdf(k) - k * upperTail(k);
  // 1 − k·R(k) = 1/(1 + k·V(k)): the cancellation of φ − k(1 − Φ) is done analytically.
  return pdf(k) / (1 + k * millsTail(k));
}

// Wichura, "Algorithm AS 241: The percentage points of the normal distribution",
// Applied Statistics 37(3), 1988, pp. 477–484: PPND16, accurate to about 1 part in 10^16.
const A = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125,
  45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
];
const B = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867,
  39307.89580009271061, 28729.085735721942674, 5226.495278852854561,
];
const C = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
  1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
];
const D = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
];
const E = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
  0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const F = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4,
  1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
];

function poly(c: readonly number[], x: number): number {
  let y = c[7]!;
  for (let i = 6; i >= 0; i--) y = y * x + c[i]!;
  return y;
}

/** Φ⁻¹(p) for 0 < p < 1 without validation (AS 241). @internal */
export function inverse(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(A, r)) / poly(B, r);
  }
  // Stryker disable next-line EqualityOperator: q = 0 is in the central region above, so q < 0 and q <= 0 agree here
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x = poly(C, r) / poly(D, r);
  } else {
    r -= 5;
    x = poly(E, r) / poly(F, r);
  }
  // Stryker disable next-line EqualityOperator: q = 0 is in the central region above, so q < 0 and q <= 0 agree here
  return q < 0 ? -x : x;
}

/** k with G(k) = g (g > 0) by Newton's method on ln G, safeguarded by bisection. @internal */
export function lossInverse(g: number): number {
  // G is strictly decreasing from +∞ to 0; G(k) ≥ −k, and G(0) = φ(0), so the root is in
  // [−g, 0] when g ≥ φ(0) and in [0, 40] otherwise (G(40) underflows to 0).
  // Far left G(k) = −k + G(−k), and G(−k) underflows below 1e-300 once −k ≥ 38: the root is −g to
  // the last bit from g = 40 on (and the search below would overflow for g near 1e308).
  // Stryker disable next-line EqualityOperator: at g = 40 exactly the search below returns −40 as well (checked: the same double)
  if (g >= 40) return -g;
  let lo: number;
  let hi: number;
  if (g >= loss(0)) {
    lo = -g;
    hi = 0;
  } else {
    lo = 0;
    hi = 40;
  }
  const target = Math.log(g);
  // Start from the asymptotes: G(k) ≈ −k far left, G(k) ≈ φ(k)/k² far right, else k = 0.
  let k = g >= 1 ? -g : g < 0.01 ? Math.sqrt(-2 * Math.log(g * SQRT_2PI)) : 0;
  if (!(k > lo && k < hi)) k = (lo + hi) / 2;
  // Stryker disable next-line EqualityOperator,UpdateOperator: a cap only; the loop returns through the convergence test below (at most 58 steps over 175,000 g from 1e-300 to 40, checked)
  for (let i = 0; i < 200; i++) {
    const gk = loss(k);
    if (gk === g) return k;
    // Stryker disable next-line EqualityOperator: gk === g has returned on the line above
    if (gk > g) lo = k;
    else hi = k;
    // d ln G / dk = −Q(k)/G(k)
    // Stryker disable next-line EqualityOperator: they differ at k = 0 only, where Q(0) and 1 − Q(−0) are both exactly 0.5
    const q = k >= 0 ? upperTail(k) : 1 - upperTail(-k);
    // When G(k) underflows to 0 (k near 40), ln 0 · 0 is NaN: the bisection step below takes over.
    let next = k + ((Math.log(gk) - target) * gk) / q;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    const tol = 1e-15 * Math.max(1, Math.abs(k));
    if (Math.abs(next - k) <= tol || hi - lo <= tol) return next;
    k = next;
  }
  return k;
}

/**
 * The standard normal cumulative distribution function Φ(x) = P(Z ≤ x).
 *
 * Computed by Marsaglia's series near the centre and Laplace's continued fraction in the tails,
 * so both Φ(x) and 1 − Φ(x) = Φ(−x) keep full relative precision far into the tails.
 *
 * @param x - Any finite number.
 * @example
 * ```ts
 * calculateNormalCdf(1.6448536269514722);
 * //=> 0.9499999999999997
 * calculateNormalCdf(-8);
 * //=> 6.220960574271785e-16
 * ```
 */
export function calculateNormalCdf(x: number): number {
  try {
    return cdf(finiteAt(x, ['x']));
  } catch (error) {
    throw wrapThrown(error);
  }
}

/**
 * The standard normal density φ(x) = e^(−x²/2)/√(2π).
 *
 * @param x - Any finite number.
 * @example
 * ```ts
 * calculateNormalPdf(0);
 * //=> 0.3989422804014327
 * ```
 */
export function calculateNormalPdf(x: number): number {
  try {
    return pdf(finiteAt(x, ['x']));
  } catch (error) {
    throw wrapThrown(error);
  }
}

/**
 * The inverse of the standard normal distribution, Φ⁻¹(p): the safety factor z of a cycle service level.
 *
 * Wichura's algorithm AS 241 (Applied Statistics 37, 1988), accurate to about 1e-16 relative.
 * A probability of 0 or 1 (or outside) is an `out_of_range` error, not ±Infinity; a percentage
 * written as a whole number (95) is refused with `percent_as_whole_number` ("write 0.95 for 95 %").
 *
 * @param p - A probability strictly between 0 and 1.
 * @example
 * ```ts
 * calculateNormalInverse(0.95);
 * //=> 1.6448536269514715 (the exact value is 1.6448536269514722…: 4e-16 relative)
 * calculateNormalInverse(0.5);
 * //=> 0
 * ```
 */
export function calculateNormalInverse(p: number): number {
  try {
    return inverse(probabilityAt(p, ['p']));
  } catch (error) {
    throw wrapThrown(error);
  }
}

/**
 * The standard normal loss function G(k) = E[(Z − k)⁺] = φ(k) − k(1 − Φ(k)): the expected shortage
 * per unit of standard deviation when the reorder point sits k standard deviations above the mean.
 *
 * For k ≥ 2 it is computed as φ(k)/(1 + k·V(k)) from the continued fraction of the Mills ratio, so
 * the cancellation of φ(k) − k(1 − Φ(k)) never happens (1e-12 relative to |k| = 8, 1e-9 beyond);
 * negative k uses G(−k) = G(k) + k.
 *
 * @param k - The safety factor, any finite number.
 * @example
 * ```ts
 * calculateNormalLoss(1.3);
 * //=> 0.04552796208651397
 * calculateNormalLoss(0);
 * //=> 0.3989422804014327
 * ```
 */
export function calculateNormalLoss(k: number): number {
  try {
    return loss(finiteAt(k, ['k']));
  } catch (error) {
    throw wrapThrown(error);
  }
}

/**
 * The inverse of the standard normal loss function: the k with G(k) = g (used for fill-rate targets,
 * where G(k) = (1 − β)·Q/σ). Safeguarded Newton iterations on ln G within a bisection bracket.
 *
 * @param g - The loss, greater than 0 (k is negative when g exceeds φ(0) ≈ 0.3989).
 * @example
 * ```ts
 * calculateNormalLossInverse(0.04552796208651397);
 * //=> 1.300000000000002
 * ```
 */
export function calculateNormalLossInverse(g: number): number {
  try {
    const v = finiteAt(g, ['g']);
    if (!(v > 0)) outOfRange(['g'], M.lossPositive(v), { code: 'out_of_range', limit: '0', received: String(v) });
    if (v < 1e-300) outOfRange(['g'], M.lossTooSmall(v), { code: 'out_of_range', limit: '1e-300', received: String(v) });
    return lossInverse(v);
  } catch (error) {
    throw wrapThrown(error);
  }
}
