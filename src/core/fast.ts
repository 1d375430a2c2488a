// Exact Decimals from scaled integers for the batch paths (see decimalFromScaled).
import { Decimal, ZERO } from './decimal.js';

const POW10: readonly number[] = Array.from({ length: 16 }, (_, k) => 10 ** k);

interface Raw {
  constructor: unknown;
  s: number;
  e: number;
  d: number[];
}

/** A Decimal from decimal.js's own fields (sign, exponent, base-10^7 words), in one exact-size allocation. @internal */
export const Built = function (this: Raw, s: number, e: number, d: number[]) {
  this.constructor = Decimal;
  this.s = s;
  this.e = e;
  this.d = d;
} as unknown as new (s: number, e: number, d: number[]) => Decimal;
(Built as unknown as { prototype: unknown }).prototype = Decimal.prototype;

/**
 * Builds the Decimal `q × 10^-scale` from a safe integer without going through text.
 *
 * Batch paths create millions of result Decimals, and decimal.js spends most of a construction
 * from a non-integer number on printing it and parsing the text back. This writes decimal.js's
 * own representation (sign `s`, base-10 exponent `e` of the leading digit, base-10^7 words `d`
 * aligned so that the first word holds `(e + 1) mod 7` digits, trailing zeros stripped) exactly as
 * its `parseDecimal` does for the same digits, in one exact-size allocation whose fields V8 keeps
 * in-object. test/core/fast.test.ts checks every field against `new Decimal(text)`.
 *
 * @param q - A safe integer (|q| ≤ 2^53 − 1).
 * @param scale - Decimal places, 0 to 30 (it only moves the exponent).
 * @internal
 */
export function decimalFromScaled(q: number, scale: number): Decimal {
  if (q === 0) return ZERO;
  // Stryker disable next-line EqualityOperator: q is not 0 here (0 returned ZERO above), so q < 0 and q <= 0 agree
  let a = q < 0 ? -q : q;
  let s = scale;
  // Whole quotients by division and product, not `%`: on a double above 2^31 `%` is a call to fmod.
  // Exact below 2^53: floor(a / p) of the rounded quotient is the whole one (the rounding error is
  // below 1/p, the distance of a fractional quotient from the next integer).
  let t = Math.floor(a / 10);
  while (t * 10 === a) {
    a = t;
    s--;
    t = Math.floor(a / 10);
  }
  let nd = 1;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: |q| < 2^53 < 10^16, so the digit count stops below 16 by itself; a, its trailing zeros stripped, is never a power of ten above 1, so >= and > agree
  while (nd < 16 && a >= POW10[nd]!) nd++;
  const e = nd - 1 - s;
  let first = (e + 1) % 7;
  if (e < 0) first += 7;
  // Stryker disable next-line EqualityOperator: q is not 0 here (0 returned ZERO above)
  const sign = q < 0 ? -1 : 1;
  if (first >= nd) return new Built(sign, e, [a * POW10[first - nd]!]);
  // Split into the first word (`first` digits, possibly none) and 7-digit words, the last padded.
  let rest = nd - first;
  let w0 = -1;
  if (first > 0) {
    const p = POW10[rest]!;
    w0 = Math.floor(a / p);
    a -= w0 * p;
  }
  if (rest <= 7) {
    const tail = a * POW10[7 - rest]!;
    // Stryker disable next-line EqualityOperator: w0 is -1 (no first word) or a first word of 1 to 6 digits whose leading digit is not 0, never 0
    return new Built(sign, e, w0 < 0 ? [tail] : [w0, tail]);
  }
  rest -= 7;
  let p = POW10[rest]!;
  const w1 = Math.floor(a / p);
  a -= w1 * p;
  if (rest <= 7) {
    const tail = a * POW10[7 - rest]!;
    // Stryker disable next-line EqualityOperator: w0 is -1 (no first word) or a first word whose leading digit is not 0, never 0
    return new Built(sign, e, w0 < 0 ? [w1, tail] : [w0, w1, tail]);
  }
  rest -= 7;
  p = POW10[rest]!;
  const w2 = Math.floor(a / p);
  const tail = (a - w2 * p) * POW10[7 - rest]!;
  // Stryker disable next-line EqualityOperator: w0 is -1 (no first word) or a first word whose leading digit is not 0, never 0
  return new Built(sign, e, w0 < 0 ? [w1, w2, tail] : [w0, w1, w2, tail]);
}
