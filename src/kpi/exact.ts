// Exact products and sums: dealerkit's Decimal rounds every operation to 40 significant digits,
// so the contributions of a score and their sum are computed in a wide clone (1,000 digits, enough
// for any product of two 40-digit values and any sum of them) and brought back unrounded (the
// Decimal constructor keeps every digit it is given).
import DecimalJs from 'decimal.js';
import { Decimal, ZERO } from '../core/decimal.js';

const Wide = DecimalJs.clone({
  precision: 1000,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
  minE: -9e15,
  maxE: 9e15,
});

/** `a × b` without rounding. @internal */
export function exactTimes(a: Decimal, b: Decimal): Decimal {
  if (a.isZero() || b.isZero()) return ZERO;
  return new Decimal(new Wide(a).times(b));
}

/** `a − b` without rounding. @internal */
export function exactMinus(a: Decimal, b: Decimal): Decimal {
  const r = new Wide(a).minus(b);
  return r.isZero() ? ZERO : new Decimal(r);
}

/** The sum of `values` without rounding. @internal */
export function exactSum(values: readonly Decimal[]): Decimal {
  let s = new Wide(0);
  for (const v of values) if (!v.isZero()) s = s.plus(v);
  return s.isZero() ? ZERO : new Decimal(s);
}
