// Exact integer apportionment for the targets module: amounts as whole units of 10^-scale.
import { Decimal, ZERO } from '../core/decimal.js';
import { invalid, type IssuePath } from '../core/errors.js';
import { apportionUnits } from '../core/money.js';
import { TARGETS_MESSAGES as M } from './messages.js';
import { decimalFromScaled } from '../core/scaled.js';

/** A whole number of units of 10^-scale: a plain number while safe, a BigInt beyond. @internal */
export type Units = number | bigint;

const SAFE = Number.MAX_SAFE_INTEGER;

/** An amount in units of 10^-scale; errors when it has more decimals than the scale (`defaulted`: the scale was not given, so say how to). @internal */
// Stryker disable next-line BooleanLiteral: the two callers that leave defaulted out pass amounts already rounded to the scale, which unitsOf never refuses
export function unitsOf(amount: Decimal, scale: number, path: IssuePath, defaulted = false): Units {
  const u = amount.times(`1e${scale}`);
  if (!u.isInteger()) invalid(path, M.tooManyDecimals(scale, amount.toString(), defaulted), { code: 'invalid_value', expected: `at most ${scale} decimal places`, limit: String(scale) });
  const n = u.toNumber();
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a BigInt gives the same figures as the plain number everywhere units are read (the number is only faster)
  return Math.abs(n) <= SAFE ? n : BigInt(u.toFixed(0));
}

/** The Decimal of `units` × 10^-scale. @internal */
export function decimalOfUnits(units: Units, scale: number): Decimal {
  // Stryker disable next-line ConditionalExpression,StringLiteral: a safe number read as text (no exponent below 2^53) gives the same Decimal
  if (typeof units === 'number') return decimalFromScaled(units, scale);
  // Stryker disable next-line ConditionalExpression: new Decimal('0e-scale') is the same zero
  if (units === BigInt(0)) return ZERO;
  // Stryker disable next-line ConditionalExpression: an exponent of -0 reads the same number
  return new Decimal(scale === 0 ? units.toString() : `${units.toString()}e-${scale}`);
}

/** Integer weights: Decimal weights scaled by one power of ten, as numbers when safe. @internal */
export interface IntWeights {
  /** The weights as safe integers, or null when one (or their sum) is not safe. */
  ints: number[] | null;
  /** Their sum, when `ints` is set. */
  sum: number;
  /** The weights as BigInts (always set). */
  bigs: bigint[];
  /** The BigInt sum. */
  bigSum: bigint;
}

/** Scales non-negative Decimal weights (not all zero) to integers with the same proportions. @internal */
export function intWeights(weights: readonly Decimal[]): IntWeights {
  let places = 0;
  for (const w of weights) places = Math.max(places, w.decimalPlaces());
  // Stryker disable next-line ConditionalExpression: scaling by 1e0 changes no weight
  const scaled = places === 0 ? weights : weights.map((w) => w.times(`1e${places}`));
  const bigs = scaled.map((w) => BigInt(w.toFixed(0)));
  let bigSum = BigInt(0);
  for (const b of bigs) bigSum += b;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: ints are used only when units × sum ≤ 2^53 − 1, which an unsafe sum allows only for 0 units (all parts 0 either way); without ints the BigInt path gives the same parts
  const safe = bigSum <= BigInt(SAFE);
  return { ints: safe ? bigs.map((b) => Number(b)) : null, sum: safe ? Number(bigSum) : 0, bigs, bigSum };
}

/** Parts of an apportionment and whether each got a leftover unit. @internal */
export interface Apportioned {
  parts: Units[];
  up: boolean[];
}

/** Hamilton apportionment of `units` over integer weights (sum > 0), with the leftover flags. @internal */
export function apportion(units: Units, w: IntWeights): Apportioned {
  const n = w.bigs.length;
  // Stryker disable next-line StringLiteral,BlockStatement: without the fast path the BigInt path below gives the same parts and flags (plain numbers are only faster)
  if (typeof units === 'number' && w.ints !== null && units * w.sum <= SAFE) {
    const parts = apportionUnits(units, w.ints);
    // Stryker disable next-line ArrayDeclaration: every index 0 to n - 1 is written in order below; presizing only saves growing it
    const up = new Array<boolean>(n);
    // Stryker disable next-line EqualityOperator: one step too far writes up[n] = false (NaN compares false), an entry no caller reads
    for (let i = 0; i < n; i++) up[i] = parts[i]! * w.sum > units * w.ints[i]!;
    return { parts, up };
  }
  // Stryker disable next-line ConditionalExpression: BigInt of a BigInt is the same BigInt
  const u = typeof units === 'number' ? BigInt(units) : units;
  const big = apportionUnits(u, w.bigs);
  // Stryker disable next-line ArrayDeclaration: every index 0 to n - 1 is written in order below; presizing only saves growing it
  const parts: Units[] = new Array<Units>(n);
  const up = new Array<boolean>(n);
  for (let i = 0; i < n; i++) {
    const p = big[i]!;
    up[i] = p * w.bigSum > u * w.bigs[i]!;
    parts[i] = p <= BigInt(SAFE) ? Number(p) : p;
  }
  return { parts, up };
}
