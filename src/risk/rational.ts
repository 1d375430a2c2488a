import { Decimal } from '../core/decimal.js';

// Exact rationals over BigInt for interval arithmetic on matrix axes (1/3 has no finite decimal).
// BigInt(…) calls only: the IIFE targets ES2017 syntax, which has no BigInt literals.
const ZERO_N = BigInt(0);
const ONE_N = BigInt(1);
const TEN_N = BigInt(10);

/** An exact fraction `n / d` with `d > 0`, reduced. @internal */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < ZERO_N ? -a : a;
  let y = b;
  while (y !== ZERO_N) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** Builds `n / d` reduced (`d > 0`). @internal */
export function rational(n: bigint, d: bigint = ONE_N): Rational {
  const g = gcd(n, d);
  return g === ONE_N || g === ZERO_N ? { n, d } : { n: n / g, d: d / g };
}

/** Exact value of a finite Decimal. @internal */
export function rationalOf(value: Decimal): Rational {
  const text = value.toFixed();
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const dot = body.indexOf('.');
  const digits = dot < 0 ? body : body.slice(0, dot) + body.slice(dot + 1);
  const places = dot < 0 ? 0 : body.length - dot - 1;
  const n = BigInt(digits);
  return rational(negative ? -n : n, TEN_N ** BigInt(places));
}

/** @internal */
export function add(a: Rational, b: Rational): Rational {
  return rational(a.n * b.d + b.n * a.d, a.d * b.d);
}

/** @internal */
export function sub(a: Rational, b: Rational): Rational {
  return rational(a.n * b.d - b.n * a.d, a.d * b.d);
}

/** @internal */
export function mul(a: Rational, b: Rational): Rational {
  return rational(a.n * b.n, a.d * b.d);
}

/** Compares: negative when a < b, 0 when equal, positive when a > b. @internal */
export function cmp(a: Rational, b: Rational): number {
  const x = a.n * b.d;
  const y = b.n * a.d;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** `'1/9'`, or `'2'` for an integer. @internal */
export function fractionText(r: Rational): string {
  return r.d === ONE_N ? r.n.toString() : `${r.n.toString()}/${r.d.toString()}`;
}

/** `a / b` (b not zero). @internal */
export function div(a: Rational, b: Rational): Rational {
  const negative = b.n < ZERO_N;
  return rational(negative ? -a.n * b.d : a.n * b.d, negative ? -b.n * a.d : b.n * a.d);
}

/** The sign: -1, 0 or 1. @internal */
export function sign(r: Rational): number {
  return r.n < ZERO_N ? -1 : r.n > ZERO_N ? 1 : 0;
}

/** `n` as a rational. @internal */
export function integer(n: number): Rational {
  return { n: BigInt(n), d: ONE_N };
}

/**
 * The value rounded half-up (ties away from zero) to `scale` places, as a Decimal: how a ratio
 * derived by division is reported. Exact: no intermediate 40-digit quotient. @internal
 */
export function roundRational(r: Rational, scale: number): Decimal {
  const p = TEN_N ** BigInt(scale);
  const negative = r.n < ZERO_N;
  const num = (negative ? -r.n : r.n) * p;
  let q = num / r.d;
  if ((num - q * r.d) * BigInt(2) >= r.d) q += ONE_N;
  if (q === ZERO_N) return new Decimal(0);
  const text = q.toString();
  const d = scale === 0 ? new Decimal(text) : new Decimal(`${text}e-${scale}`);
  return negative ? d.negated() : d;
}
