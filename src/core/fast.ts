import { Decimal, ZERO } from './decimal.js';

const LOG_BASE = 7;
const POW10: readonly number[] = Array.from({ length: 16 }, (_, k) => 10 ** k);

function digitCount(a: number): number {
  let n = 1;
  while (n < 16 && a >= POW10[n]!) n++;
  return n;
}

/**
 * Builds the Decimal `q × 10^-scale` from a safe integer without going through text.
 *
 * Batch paths create millions of result Decimals, and decimal.js spends most of a construction
 * from a non-integer number on printing it and parsing the text back. This writes decimal.js's
 * own representation (sign `s`, base-10 exponent `e` of the leading digit, base-10^7 words `d`
 * aligned so that the first word holds `(e + 1) mod 7` digits, trailing zeros stripped) exactly as
 * its `parseDecimal` does for the same digits. test/core/fast.test.ts checks every field against
 * `new Decimal(text)` over random and edge inputs.
 *
 * @param q - A safe integer (|q| ≤ 2^53 − 1).
 * @param scale - Decimal places, 0 to 30.
 * @internal
 */
export function decimalFromScaled(q: number, scale: number): Decimal {
  if (q === 0) return ZERO;
  let a = q < 0 ? -q : q;
  let s = scale;
  // Strip trailing zeros: decimal.js keeps none in its words beyond the last word's padding.
  while (a % 10 === 0) {
    a /= 10;
    s--;
  }
  const nd = digitCount(a);
  const e = nd - 1 - s;
  let first = (e + 1) % LOG_BASE;
  if (e < 0) first += LOG_BASE;
  const d: number[] = [];
  if (first >= nd) {
    // All digits fit in the first word, padded with zeros to its width.
    d.push(a * POW10[first - nd]!);
  } else {
    let rest = nd - first;
    if (first > 0) {
      const p = POW10[rest]!;
      const r = a % p;
      d.push((a - r) / p);
      a = r;
    }
    // Full words while more than seven digits remain, then the tail padded to seven digits.
    while (rest > LOG_BASE) {
      rest -= LOG_BASE;
      const p = POW10[rest]!;
      const r = a % p;
      d.push((a - r) / p);
      a = r;
    }
    d.push(a * POW10[LOG_BASE - rest]!);
  }
  const x = Object.create(Decimal.prototype) as { constructor: unknown; s: number; e: number; d: number[] };
  x.constructor = Decimal;
  x.s = q < 0 ? -1 : 1;
  x.e = e;
  x.d = d;
  return x as unknown as Decimal;
}
