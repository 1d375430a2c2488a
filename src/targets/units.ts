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
export function unitsOf(amount: Decimal, scale: number, path: IssuePath, defaulted = false): Units {
  const u = amount.times(`1e${scale}`);
  if (!u.isInteger()) invalid(path, M.tooManyDecimals(scale, amount.toString(), defaulted), { code: 'invalid_value', expected: `at most ${scale} decimal places`, limit: String(scale) });
  const n = u.toNumber();
  return Math.abs(n) <= SAFE ? n : BigInt(u.toFixed(0));
}

/** The Decimal of `units` × 10^-scale. @internal */
export function decimalOfUnits(units: Units, scale: number): Decimal {
  if (typeof units === 'number') return decimalFromScaled(units, scale);
  if (units === BigInt(0)) return ZERO;
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
  const scaled = places === 0 ? weights : weights.map((w) => w.times(`1e${places}`));
  const bigs = scaled.map((w) => BigInt(w.toFixed(0)));
  let bigSum = BigInt(0);
  for (const b of bigs) bigSum += b;
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
  if (typeof units === 'number' && w.ints !== null && units * w.sum <= SAFE) {
    const parts = apportionUnits(units, w.ints);
    const up = new Array<boolean>(n);
    for (let i = 0; i < n; i++) up[i] = parts[i]! * w.sum > units * w.ints[i]!;
    return { parts, up };
  }
  const u = typeof units === 'number' ? BigInt(units) : units;
  const big = apportionUnits(u, w.bigs);
  const parts: Units[] = new Array<Units>(n);
  const up = new Array<boolean>(n);
  for (let i = 0; i < n; i++) {
    const p = big[i]!;
    up[i] = p * w.bigSum > u * w.bigs[i]!;
    parts[i] = p <= BigInt(SAFE) ? Number(p) : p;
  }
  return { parts, up };
}
