// The seeded generator of stochastic scenarios: the same seed gives the same draws on every
// machine, in every build, whatever the time zone; no global randomness is read or touched.
//
// Uniforms come from xoshiro128** (Blackman and Vigna, 2018), its state drawn from the seed by a
// splitmix32 mixer (both 32-bit halves of the seed), two 32-bit outputs per 53-bit uniform.
// Normals come from the inverse of the normal distribution (Acklam's rational approximation,
// relative error below 1.15e-9), one uniform per normal, so the n-th draw of a scenario is the
// same whatever is computed with it. Every operation here is one
// that IEEE 754 rounds exactly and ECMAScript specifies bit for bit (+, −, ×, ÷, Math.imul, shifts,
// Math.floor, Math.round): logarithms, square roots and exponentials are written out below rather
// than taken from Math.log, Math.sqrt and Math.exp, whose last bit ECMAScript leaves to the engine.

const TWO_POW_53 = 9007199254740992;
const TWO_POW_26 = 67108864;

/**
 * A seeded stream of uniforms and normals: xoshiro128** whose 128-bit state a splitmix32 mixer draws
 * from a whole-number seed from 0 to 2^53 − 1 (both of its 32-bit halves; never all zero). @internal
 */
export class SeededStream {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number) {
    let x = seed >>> 0;
    let hi = Math.floor(seed / 4294967296) >>> 0;
    const split = (): number => {
      x = (x + 0x9e3779b9) | 0;
      let z = x ^ hi;
      hi = (hi + 0x6d2b79f5) | 0;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) | 0;
    };
    this.s0 = split();
    this.s1 = split();
    this.s2 = split();
    this.s3 = split();
    // The state is never all zero, so xoshiro's guard against it is not needed: split() is a
    // bijection of x ^ hi that maps 0 to 0, so two outputs in a row are 0 only if x + g = hi and
    // x + 2g = hi + c (mod 2^32), that is g = c, and 0x9e3779b9 ≠ 0x6d2b79f5.
  }

  /** The next 32-bit output, unsigned. */
  next(): number {
    const s1 = this.s1;
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 = s1 ^ this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return r;
  }

  /** A uniform draw in the open interval (0, 1), 53 bits: (a · 2^26 + b + 0.5) / 2^53. */
  uniform(): number {
    const a = this.next() >>> 5;
    const b = this.next() >>> 6;
    return (a * TWO_POW_26 + b + 0.5) / TWO_POW_53;
  }

  /** A standard normal draw: the inverse normal of one uniform. */
  normal(): number {
    return inverseNormal(this.uniform());
  }
}

/** A stream seeded by a whole number from 0 to 2^53 − 1. @internal */
export function seededStream(seed: number): SeededStream {
  return new SeededStream(seed);
}

function rotl(v: number, k: number): number {
  return (v << k) | (v >>> (32 - k));
}

// Acklam's coefficients (P. J. Acklam, "An algorithm for computing the inverse normal cumulative
// distribution function", 2003).
const A0 = -3.969683028665376e1;
const A1 = 2.209460984245205e2;
const A2 = -2.759285104469687e2;
const A3 = 1.38357751867269e2;
const A4 = -3.066479806614716e1;
const A5 = 2.506628277459239;
const B0 = -5.447609879822406e1;
const B1 = 1.615858368580409e2;
const B2 = -1.556989798598866e2;
const B3 = 6.680131188771972e1;
const B4 = -1.328068155288572e1;
const C0 = -7.784894002430293e-3;
const C1 = -3.223964580411365e-1;
const C2 = -2.400758277161838;
const C3 = -2.549732539343734;
const C4 = 4.374664141464968;
const C5 = 2.938163982698783;
const D0 = 7.784695709041462e-3;
const D1 = 3.224671290700398e-1;
const D2 = 2.445134137142996;
const D3 = 3.754408661907416;
const P_LOW = 0.02425;

/** The standard normal quantile of p in (0, 1) (Acklam; relative error below 1.15e-9). @internal */
export function inverseNormal(p: number): number {
  // The ends and outside: as the quantile function is defined (±∞ at 0 and 1), never a loop.
  if (!(p > 0)) return p === 0 ? -Infinity : NaN;
  if (!(p < 1)) return p === 1 ? Infinity : NaN;
  if (p < P_LOW) {
    const q = sqrtOf(-2 * logOf(p));
    return (((((C0 * q + C1) * q + C2) * q + C3) * q + C4) * q + C5) / ((((D0 * q + D1) * q + D2) * q + D3) * q + 1);
  }
  if (p > 1 - P_LOW) {
    const q = sqrtOf(-2 * logOf(1 - p));
    return -(((((C0 * q + C1) * q + C2) * q + C3) * q + C4) * q + C5) / ((((D0 * q + D1) * q + D2) * q + D3) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((A0 * r + A1) * r + A2) * r + A3) * r + A4) * r + A5) * q) / (((((B0 * r + B1) * r + B2) * r + B3) * r + B4) * r + 1);
}

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const LN2 = 0.6931471805599453;
const SQRT2 = 1.4142135623730951;

/** ln x for x > 0, from + − × ÷ only (relative error about 1e-16). @internal */
export function logOf(x: number): number {
  // As Math.log at the edges (the scaling loops below would never end at 0 or ∞).
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return Infinity;
  // x = m · 2^e with m in [√½, √2): scaling by powers of two is exact.
  let e = 0;
  let m = x;
  while (m < 1.1102230246251565e-16) {
    m *= 9007199254740992;
    e -= 53;
  }
  while (m > 9007199254740992) {
    m /= 9007199254740992;
    e += 53;
  }
  while (m < SQRT2 / 2) {
    m *= 2;
    e--;
  }
  while (m >= SQRT2) {
    m /= 2;
    e++;
  }
  // ln m = 2 atanh(s), s = (m − 1) / (m + 1), |s| ≤ 0.1716: eleven odd terms reach 1e-17.
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let term = s;
  let sum = s;
  for (let k = 3; k <= 23; k += 2) {
    term *= s2;
    sum += term / k;
  }
  return e * LN2 + 2 * sum;
}

/**
 * √a for a ≥ 0 from + × ÷ only: a is scaled into [1, 4) by powers of 4 (exact), six Newton steps
 * from a linear start reach double precision there, and the root is scaled back by powers of 2. @internal
 */
export function sqrtOf(a: number): number {
  if (!(a > 0)) return 0;
  if (a === Infinity) return Infinity;
  let m = a;
  let half = 1;
  while (m >= 4) {
    m /= 4;
    half *= 2;
  }
  while (m < 1) {
    m *= 4;
    half /= 2;
  }
  let y = (m + 2) / 3;
  for (let i = 0; i < 6; i++) y = (y + m / y) / 2;
  return y * half;
}

/** e^x for |x| ≤ 700, from + − × ÷ only: x = k ln 2 + r, |r| ≤ ½ ln 2, a Taylor series in r, times 2^k. @internal */
export function expOf(x: number): number {
  // Beyond these e^x overflows to ∞ or underflows to 0 in doubles (and k would not fit powerOfTwo's 32 bits).
  if (x > 709.8) return Infinity;
  if (x < -745.2) return 0;
  const k = Math.round(x / LN2);
  const r = x - k * LN2_HI - k * LN2_LO;
  let term = 1;
  let sum = 1;
  for (let n = 1; n <= 14; n++) {
    term = (term * r) / n;
    sum += term;
  }
  return sum * powerOfTwo(k);
}

/** 2^k for an integer k, exactly (binary powers of 2 or ½). */
function powerOfTwo(k: number): number {
  let base = k < 0 ? 0.5 : 2;
  let n = k < 0 ? -k : k;
  let out = 1;
  while (n > 0) {
    if (n & 1) out *= base;
    base *= base;
    n >>>= 1;
  }
  return out;
}
