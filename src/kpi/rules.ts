// The KPI rules, each written once over a small arithmetic: the scoring curves (ratio, reduction,
// deviation, bands, pass/fail), the gates and the grading. Two arithmetics serve them: Decimal
// (points.ts and score.ts, whose results carry the explained steps) and exact scaled integers
// (fast.ts, the batch path), where a comparison that cannot stay exact answers NaN, the "too big,
// fall back" signal: a rule meeting it returns null and the dealer takes the Decimal path.
import type { KpiGateOp } from './schema.js';

/** The arithmetic the rules need: the Decimal and scaled-integer paths each implement it. @internal */
export interface KpiArithmetic<V> {
  /** 0, 100 and 200 points (at the points scale on the scaled path). */
  readonly zero: V;
  readonly hundred: V;
  readonly twoHundred: V;
  /** The sign of a − b, or NaN when it cannot be decided exactly. */
  cmp(a: V, b: V): number;
  minus(a: V, b: V): V;
  abs(a: V): V;
}

/** Which bound set a KPI's points. @internal */
export type KpiClamp = 'floor' | 'cap' | null;

/**
 * The linear scorings on the attainment (in points): `ratio` is the attainment, `reduction` is
 * 200 − attainment, `deviation` is 100 − |attainment − 100|; then the floor, then the cap. @internal
 */
export function linearPoints<V>(ar: KpiArithmetic<V>, type: 'ratio' | 'reduction' | 'deviation', attainment: V, floor: V | null, cap: V | null): { points: V; clamp: KpiClamp } | null {
  const { hundred } = ar;
  const raw = type === 'ratio' ? attainment : type === 'reduction' ? ar.minus(ar.twoHundred, attainment) : ar.minus(hundred, ar.abs(ar.minus(attainment, hundred)));
  if (floor !== null) {
    const c = ar.cmp(raw, floor);
    if (c !== c) return null;
    if (c < 0) return { points: floor, clamp: 'floor' };
  }
  if (cap !== null) {
    const c = ar.cmp(raw, cap);
    if (c !== c) return null;
    if (c > 0) return { points: cap, clamp: 'cap' };
  }
  return { points: raw, clamp: null };
}

/**
 * The last of `n` ascending thresholds at or below a value: `cmpAt(j)` is the sign of value −
 * threshold j. −1 when the value is below the first; NaN when a comparison cannot be decided.
 * Bands and curve anchors are both found with it. @internal
 */
export function lastAtOrBelow(n: number, cmpAt: (j: number) => number): number {
  const c0 = cmpAt(0);
  if (c0 !== c0) return NaN;
  if (c0 < 0) return -1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const c = cmpAt(mid);
    if (c !== c) return NaN;
    if (c >= 0) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A gate: true/false actuals compare by equality only; a number by the sign of actual − value (null when undecidable). @internal */
export function gateHolds<V>(op: KpiGateOp, actual: V | boolean | null, value: V | boolean, cmp: (a: V, b: V) => number): boolean | null {
  if (actual === null) return false;
  if (typeof actual === 'boolean' || typeof value === 'boolean') return op === '==' ? actual === value : actual !== value;
  const c = cmp(actual, value);
  if (c !== c) return null;
  return op === '>=' ? c >= 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : op === '<' ? c < 0 : op === '==' ? c === 0 : c !== 0;
}

/** What a failed gate does: zero the score, cap it (`cap`, in the path's arithmetic), or cap the grade (an index, −1 for none). @internal */
export interface GateEffectRule<V> {
  readonly zero: boolean;
  readonly cap: V | null;
  readonly capGrade: number;
}

/**
 * The gates, in the scorecard's order, on a weighted score: `passed[i]` says whether gate i held.
 * A failed `zero` gate takes the score to zero, a failed score cap lowers it to the cap, a failed
 * grade cap keeps the lowest grade allowed. Returns the final score, the grade cap and each gate's
 * adjustment; null when a comparison cannot be decided. @internal
 */
export function applyGateRules<V>(ar: KpiArithmetic<V>, effects: readonly GateEffectRule<V>[], passed: readonly boolean[], weighted: V): { score: V; gradeCap: number; adjustments: V[] } | null {
  let score = weighted;
  let gradeCap = -1;
  const adjustments = new Array<V>(effects.length);
  for (let g = 0; g < effects.length; g++) {
    const e = effects[g]!;
    let adjustment = ar.zero;
    if (!passed[g]) {
      if (e.zero) {
        adjustment = ar.minus(ar.zero, score);
        score = ar.zero;
      } else if (e.cap !== null) {
        const c = ar.cmp(score, e.cap);
        if (c !== c) return null;
        if (c > 0) {
          adjustment = ar.minus(e.cap, score);
          score = e.cap;
        }
      } else if (e.capGrade > gradeCap) gradeCap = e.capGrade;
    }
    adjustments[g] = adjustment;
  }
  return { score, gradeCap, adjustments };
}

/**
 * The grades, from the highest: `byScore` is the first whose minimum the score reaches (−1 none),
 * `final` the lower of it and the gates' grade cap; NaN when a comparison cannot be decided. @internal
 */
export function gradeRule<V>(ar: KpiArithmetic<V>, mins: readonly V[], score: V, gradeCap: number): { byScore: number; final: number } {
  let byScore = -1;
  for (let g = 0; g < mins.length; g++) {
    const c = ar.cmp(score, mins[g]!);
    if (c !== c) return { byScore: NaN, final: NaN };
    if (c >= 0) {
      byScore = g;
      break;
    }
  }
  return { byScore, final: byScore === -1 ? -1 : Math.max(byScore, gradeCap) };
}
