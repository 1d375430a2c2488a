// Exact products and sums: dealerkit's Decimal rounds every operation to 40 significant digits,
// so the contributions of a score and their sum are computed in a wide clone (1,000 digits, enough
// for any product of two 40-digit values and any sum of them) and brought back unrounded (the
// Decimal constructor keeps every digit it is given).
import DecimalJs from 'decimal.js';
import { Decimal, ZERO } from '../core/decimal.js';
import { roundDecimal, type RoundingMode } from '../core/money.js';
import type { KpiArithmetic } from './rules.js';

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

/**
 * `n / d` rounded once, straight to `scale` places (no 40-digit intermediate, so no double
 * rounding: a 1,000-digit quotient of 40-digit operands decides every tie exactly). @internal
 */
export function divRounded(n: Decimal, d: Decimal, scale: number, mode: RoundingMode): Decimal {
  return roundDecimal(new Decimal(new Wide(n).div(d)), scale, mode);
}

/** `s0 + (x − a0)(s1 − s0) / (a1 − a0)` rounded once to `scale` places. @internal */
export function alongRounded(x: Decimal, a0: Decimal, s0: Decimal, a1: Decimal, s1: Decimal, scale: number, mode: RoundingMode): Decimal {
  const w = new Wide(x).minus(a0).times(new Wide(s1).minus(s0)).div(new Wide(a1).minus(a0)).plus(s0);
  return roundDecimal(new Decimal(w), scale, mode);
}

const HUNDRED = new Decimal(100);
const TWO_HUNDRED = new Decimal(200);

/** The rules' arithmetic on the points of a KPI: Decimal at its 40 significant digits. @internal */
export const POINTS_DECIMAL: KpiArithmetic<Decimal> = {
  zero: ZERO,
  hundred: HUNDRED,
  twoHundred: TWO_HUNDRED,
  cmp: (a, b) => a.cmp(b),
  minus: (a, b) => a.minus(b),
  abs: (a) => a.abs(),
};

/** The rules' arithmetic on a score (gates and grades): Decimal without rounding. @internal */
export const SCORE_DECIMAL: KpiArithmetic<Decimal> = { ...POINTS_DECIMAL, minus: exactMinus };
