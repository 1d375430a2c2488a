// The Poisson distribution for slow movers: P(X ≤ r), its quantile and the expected shortage
// E[(X − r)⁺], through the regularized incomplete gamma function.
import { invalid, outOfRange, wrapThrown, type IssuePath } from '../core/errors.js';
import { INVENTORY_MESSAGES as M } from './messages.js';
import { finiteAt, probabilityAt } from './normal.js';

// Lanczos approximation, g = 7, n = 9 (the coefficients Numerical Recipes and Boost publish);
// about 15 significant digits for x > 0.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
// ln(n!) exactly rounded for small n, where Lanczos would add its own error.
const LOG_FACTORIAL: number[] = [0];
for (let n = 1, f = 1; n <= 20; n++) {
  f *= n;
  LOG_FACTORIAL.push(Math.log(f));
}

/** ln Γ(x) for x > 0. @internal */
export function logGamma(x: number): number {
  if (Number.isInteger(x) && x >= 1 && x <= 21) return LOG_FACTORIAL[x - 1]!;
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let a = LANCZOS[0]!;
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (y + i);
  return HALF_LOG_2PI + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/** e^(−m) m^r / r!: P(X = r). @internal */
export function poissonPmf(r: number, m: number): number {
  if (m === 0) return r === 0 ? 1 : 0;
  return Math.exp(-m + r * Math.log(m) - logGamma(r + 1));
}

/**
 * The regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x), each computed in
 * the regime where it is accurate (series for x < a + 1, Lentz's continued fraction otherwise;
 * Numerical Recipes §6.2). Returns [P, Q].
 */
function incompleteGamma(a: number, x: number): [number, number] {
  const prefix = Math.exp(-x + a * Math.log(x) - logGamma(a));
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    // Stryker disable next-line EqualityOperator: a cap only; the break below ends the series first (at most 24,853 terms for means up to 1e7, checked)
    for (let n = 1; n < 100000; n++) {
      term *= x / (a + n);
      sum += term;
      // Stryker disable next-line EqualityOperator: the terms after one equal to sum·1e-17 are smaller still, below half an ulp of sum, so they change nothing
      if (term < sum * 1e-17) break;
    }
    const p = sum * prefix;
    return [p, 1 - p];
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  // Stryker disable next-line EqualityOperator: a cap only; the convergence test below ends the continued fraction first (at most 1,350 steps for means up to 1e7, checked)
  for (let i = 1; i < 100000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    // Stryker disable next-line EqualityOperator: delta − 1 is a multiple of 2^−53 near 1, so it never equals 1e-16
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  const q = prefix * h;
  return [1 - q, q];
}

/** P(X ≤ r) for a whole r and a mean m ≥ 0, without validation. @internal */
export function poissonCdfOf(r: number, m: number): number {
  if (r < 0) return 0;
  // Stryker disable next-line ConditionalExpression: without it the same 1 comes out: e^(−0 + a·ln 0) = 0, so P(a, 0) = 0 and Q(a, 0) = 1
  if (m === 0) return 1;
  return incompleteGamma(r + 1, m)[1];
}

/** P(X > r) = 1 − P(X ≤ r), accurate in the upper tail. @internal */
export function poissonSurvival(r: number, m: number): number {
  if (r < 0) return 1;
  // Stryker disable next-line ConditionalExpression: without it the same 0 comes out: e^(−0 + a·ln 0) = 0, so P(a, 0) = 0
  if (m === 0) return 0;
  return incompleteGamma(r + 1, m)[0];
}

/** E[(X − r)⁺] = (m − r)·P(X > r) + m·P(X = r): the expected shortage with r on the shelf. @internal */
export function poissonLoss(r: number, m: number): number {
  if (r < 0) return m - r;
  return (m - r) * poissonSurvival(r, m) + m * poissonPmf(r, m);
}

/** The smallest whole r ≥ 0 with P(X ≤ r) ≥ alpha, without validation. @internal */
export function poissonQuantileOf(alpha: number, m: number): number {
  // Stryker disable next-line ConditionalExpression: without it the search below returns 0 too (P(X ≤ r) = 1 for every r ≥ 0 at a zero mean)
  if (m === 0) return 0;
  // A Cornish–Fisher start (mean, sd √m, skewness 1/√m), then exact steps on the CDF itself, so the
  // answer is by definition consistent with calculatePoissonCdf.
  const sd = Math.sqrt(m);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: the start of the exact search only (either side gives a finite z); the loops below return the smallest r with P(X ≤ r) ≥ alpha from any start
  const z = alpha > 0.5 ? Math.sqrt(-2 * Math.log(1 - alpha)) : -Math.sqrt(-2 * Math.log(alpha));
  // Stryker disable next-line MethodExpression,ArithmeticOperator: the start of the exact search only (every variant stays finite; one below 0 climbs through P(X ≤ r) = 0); the loops below return the smallest r with P(X ≤ r) ≥ alpha from any start
  let r = Math.max(0, Math.floor(m + sd * z * 0.85 + (z * z - 1) / 6));
  // Stryker disable next-line ArithmeticOperator,LogicalOperator: the climb below ends at the answer from wherever this stops (stepping down while P(X ≤ r + 1) ≥ alpha stops at the answer − 2 or 0; with || it steps down to 0)
  while (r > 0 && poissonCdfOf(r - 1, m) >= alpha) r--;
  while (poissonCdfOf(r, m) < alpha) r++;
  return r;
}

/** The smallest whole r ≥ 0 with E[(X − r)⁺] ≤ target (target > 0), by bisection. @internal */
export function poissonLossInverseOf(target: number, m: number): number {
  if (m <= target) return 0;
  let lo = 0; // loss(lo) > target
  // Stryker disable next-line MethodExpression,ArithmeticOperator: the first bracket only; the doubling below raises any hi ≥ 1 until the loss is at most the target
  let hi = Math.max(1, Math.ceil(m + 10 * Math.sqrt(m) + 10));
  while (poissonLoss(hi, m) > target) {
    lo = hi;
    hi *= 2;
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (poissonLoss(mid, m) > target) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The largest mean dealerkit's Poisson functions accept. @internal */
export const MAX_POISSON_MEAN = 1e7;

/** Validates a Poisson mean. @internal */
export function poissonMeanAt(value: unknown, path: IssuePath): number {
  const m = finiteAt(value, path);
  if (m < 0) outOfRange(path, M.notNegative(m), { code: 'out_of_range', limit: '0', received: String(m) });
  if (m > MAX_POISSON_MEAN) outOfRange(path, M.poissonMeanMax(MAX_POISSON_MEAN, m), { code: 'out_of_range', limit: String(MAX_POISSON_MEAN), received: String(m) });
  return m;
}

/**
 * The Poisson cumulative distribution P(X ≤ r) for a mean demand `mean`: the cycle service level
 * of a reorder point r when lead-time demand is Poisson (slow movers).
 *
 * Computed through the regularized incomplete gamma function Q(r + 1, mean), so it stays accurate
 * for large r and large means; a negative r gives 0.
 *
 * @param r - A whole number of units.
 * @param mean - The mean demand, 0 to 1e7.
 * @example
 * ```ts
 * calculatePoissonCdf(2, 1);
 * //=> 0.9196986029286058 (= e^-1 · (1 + 1 + 1/2))
 * ```
 */
export function calculatePoissonCdf(r: number, mean: number): number {
  try {
    const m = poissonMeanAt(mean, ['mean']);
    const units = finiteAt(r, ['r']);
    if (!Number.isInteger(units)) invalid(['r'], M.wholeUnits(units), { code: 'not_an_integer', expected: 'a whole number', received: String(units) });
    if (!Number.isSafeInteger(units)) outOfRange(['r'], M.wholeUnits(units), { code: 'out_of_range', limit: String(Number.MAX_SAFE_INTEGER), received: String(units) });
    return poissonCdfOf(units, m);
  } catch (error) {
    throw wrapThrown(error);
  }
}

/**
 * The Poisson quantile: the smallest whole r with P(X ≤ r) ≥ alpha, the reorder point of a slow
 * mover for a cycle service level alpha.
 *
 * @param alpha - A probability strictly between 0 and 1 (95 is refused with `percent_as_whole_number`: write 0.95).
 * @param mean - The mean demand over the protection interval, 0 to 1e7.
 * @example
 * ```ts
 * calculatePoissonQuantile(0.95, 2);
 * //=> 5 (P(X ≤ 4) = 0.947, P(X ≤ 5) = 0.983)
 * ```
 */
export function calculatePoissonQuantile(alpha: number, mean: number): number {
  try {
    return poissonQuantileOf(probabilityAt(alpha, ['alpha']), poissonMeanAt(mean, ['mean']));
  } catch (error) {
    throw wrapThrown(error);
  }
}
