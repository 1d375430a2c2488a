// The batch path's plan of a scorecard: every bound, band, weight, gate and grade as an exact scaled
// integer, worked out once. What the batch path supports is derived here: a scorecard, stage or
// value the scaled arithmetic cannot hold exactly (no rounding of points, a curve, too many places,
// a figure past 2^53) gets no plan, and its dealers take the Decimal path.
import type { Decimal } from '../core/decimal.js';
import { roundDecimal, type RoundingMode } from '../core/money.js';
import { addScaled, isTooBig, POW10, rescale, ROUNDING_CODE, toScaled, unitsOfNumber } from '../core/scaled.js';
import { fractionWatches, gateEffectRule, noneMissing, weightRecord } from './gates.js';
import type { CompiledKpi } from './points.js';
import { singleStage } from './read.js';
import type { GateEffectRule, KpiArithmetic } from './rules.js';
import type { CompiledScorecard, KpiGate } from './scorecard.js';
import type { KpiScoreResult } from './score-types.js';
import type { KpiStageShare } from './steps.js';

const MAX_SCALE = 9;

/** A value as `u × 10^-s` with |u| ≤ 2^53 − 1. @internal */
export type Scaled = [u: number, s: number];

/** The exact scaled form of a finite number with at most 9 decimals, or null. @internal */
export function scaledOf(x: number): Scaled | null {
  // Stryker disable next-line EqualityOperator: a number with 9 decimals that fits at no coarser scale only declines the fast path; declining only hands the dealer to the general path, which gives the same result (test/props/kpi.props.test.ts)
  for (let s = 0; s <= MAX_SCALE; s++) {
    const u = unitsOfNumber(x, POW10[s]!);
    if (!isTooBig(u)) return [u, s];
    // A count past 2^52 at this scale is past it at every finer one.
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: an early exit only: a count past 2^52 at this scale is past it at every finer one, where isTooBig declines too
    if (!(Math.abs(x * POW10[s]!) < 4503599627370496)) return null;
  }
  return null;
}

/** A Decimal as `u × 10^-s` at its own places, or null. */
function scaledOfDecimal(d: Decimal): Scaled | null {
  const s = d.decimalPlaces();
  // Stryker disable next-line EqualityOperator: a value at exactly 9 places only declines the fast path; declining only hands the dealer to the general path, which gives the same result (test/props/kpi.props.test.ts)
  if (s > MAX_SCALE) return null;
  const u = toScaled(d, s);
  return isTooBig(u) ? null : [u, s];
}

/** A Decimal at scale `R` exactly, or null. */
function atScale(d: Decimal, R: number): number | null {
  const v = toScaled(d, R);
  return isTooBig(v) ? null : v;
}

/** The rules' arithmetic on scaled integers at one scale: exact, NaN (too big) when it is not. */
function scaledArithmetic(scale: number): KpiArithmetic<number> {
  return {
    zero: 0,
    hundred: 100 * POW10[scale]!,
    twoHundred: 200 * POW10[scale]!,
    cmp: (a, b) => a - b,
    minus: (a, b) => addScaled(a, -b),
    abs: Math.abs,
  };
}

/** A KPI's scoring at the points scale R (points as they are rounded there). @internal */
export interface FastKpi {
  kpi: CompiledKpi;
  kind: 'ratio' | 'reduction' | 'deviation' | 'boolean' | 'bands';
  floor: number | null;
  cap: number | null;
  passQ: number;
  failQ: number;
  bandFrom: Scaled[];
  bandQ: number[];
  /** The score below the first band, or NaN when there is none. */
  belowQ: number;
  onAttainment: boolean;
  target: Scaled | null;
}

/** A stage's weights at their common scale, and its gates and grades at the score's scale G. @internal */
export interface FastStage {
  card: CompiledScorecard;
  name: string;
  w: number[];
  scale: number;
  /** The scale of its gated score and grades: at least R + scale, and every cap's and minimum's places. */
  G: number;
  /** The rules' arithmetic at G. */
  arith: KpiArithmetic<number>;
  /** The gates' effects, caps at G. */
  effects: GateEffectRule<number>[];
  /** The grades' minimums at G. */
  mins: number[];
  record: Readonly<Record<string, Decimal>>;
  shares: KpiStageShare[];
  missing: KpiScoreResult['missing'];
}

/** What the fast path precomputes for a scorecard. @internal */
export interface FastPlan {
  card: CompiledScorecard;
  R: number;
  /** The rounding mode's code in core/scaled. */
  code: number;
  /** The rules' arithmetic at the points scale R. */
  arith: KpiArithmetic<number>;
  kpis: FastKpi[];
  stages: Map<string, FastStage>;
  gates: { gate: KpiGate; kpiIndex: number; value: Scaled | boolean }[];
  /** The KPIs whose name says they are ratios: checked for percentages (`always` when a gate or anchor of at most 1 reads them). */
  watch: { index: number; always: boolean }[];
}

/** A points value rounded to R as the Decimal path rounds it, scaled; null when not exact. */
function pointsAtR(d: Decimal, R: number, mode: RoundingMode): number | null {
  return atScale(roundDecimal(d, R, mode), R);
}

/** A KPI's scoring at scale R, or null when the scaled arithmetic cannot hold it. */
function planKpi(kpi: CompiledKpi, R: number, mode: RoundingMode): FastKpi | null {
  const s = kpi.scoring;
  if (s.type === 'curve') return null; // interpolation between anchors stays on the Decimal path
  const target = kpi.target === null ? null : scaledOfDecimal(kpi.target);
  const onAttainment = s.type === 'bands' && s.on === 'attainment';
  const f: FastKpi = { kpi, kind: s.type, floor: null, cap: null, passQ: 0, failQ: 0, bandFrom: [], bandQ: [], belowQ: NaN, onAttainment, target };
  if (kpi.target !== null && f.target === null) return null;
  if (s.type === 'boolean') {
    const p = pointsAtR(s.pass, R, mode);
    const q = pointsAtR(s.fail, R, mode);
    if (p === null || q === null) return null;
    [f.passQ, f.failQ] = [p, q];
  } else if (s.type === 'bands') {
    for (const b of s.bands) {
      const from = scaledOfDecimal(b.from);
      const score = pointsAtR(b.score, R, mode);
      if (from === null || score === null) return null;
      f.bandFrom.push(from);
      f.bandQ.push(score);
    }
    if (s.below !== undefined) {
      const below = pointsAtR(s.below, R, mode);
      if (below === null) return null;
      f.belowQ = below;
    }
  } else {
    // A floor or cap with more places than R would be rounded after clamping: leave it to the general path.
    if (kpi.floor !== null && (f.floor = atScale(kpi.floor, R)) === null) return null;
    if (kpi.cap !== null && (f.cap = atScale(kpi.cap, R)) === null) return null;
  }
  return f;
}

/** A stage at its scales, or null when its weights, caps or minimums are not exact there. */
function planStage(card: CompiledScorecard, R: number, name: string, weights: readonly Decimal[]): FastStage | null {
  const ws = weights.map(scaledOfDecimal);
  if (ws.some((w) => w === null)) return null;
  const scale = Math.max(...ws.map((w) => w![1]));
  const w = ws.map((x) => rescale(x![0], x![1], scale));
  // Stryker disable next-line ConditionalExpression,MethodExpression: weights of at most 9 places and at most 1 never exceed 2^52 at their common scale
  if (w.some(isTooBig)) return null;
  const caps = card.gates.map((g) => (typeof g.effect === 'object' && 'capScore' in g.effect ? g.effect.capScore : null));
  const places = [...caps, ...card.grades.map((g) => g.min)].map((d) => (d === null ? 0 : d.decimalPlaces()));
  const G = Math.max(R + scale, ...places);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: past 15 places every score but 0 is too big for the scaled arithmetic and finish() declines; a score of 0 comes out the same
  if (G > MAX_SCALE + 6) return null;
  const effects = card.gates.map((g) => gateEffectRule(card, g.effect, (d) => atScale(d, G)));
  const mins = card.grades.map((g) => atScale(g.min, G));
  if (card.gates.some((_, i) => caps[i] !== null && effects[i]!.cap === null) || mins.some((m) => m === null)) return null;
  return {
    card,
    name,
    w,
    scale,
    G,
    arith: scaledArithmetic(G),
    effects: effects as GateEffectRule<number>[],
    mins: mins as number[],
    record: weightRecord(card, weights, true),
    shares: singleStage(card, name).shares,
    missing: noneMissing(card),
  };
}

/**
 * Builds the fast plan of a scorecard, or null when the scorecard needs the general path
 * (no rounding of points, a curve, or a bound that is not a small scaled integer). @internal
 */
export function planFast(card: CompiledScorecard): FastPlan | null {
  const rounding = card.rounding;
  // Stryker disable next-line EqualityOperator: a scale of 6 only sends the scorecard to the general path, which gives the same result
  if (rounding === null || rounding.scale > 6) return null;
  const R = rounding.scale;
  const kpis: FastKpi[] = [];
  for (const kpi of card.kpis) {
    const f = planKpi(kpi, R, rounding.mode);
    if (f === null) return null;
    kpis.push(f);
  }
  const stages = new Map<string, FastStage>();
  for (const [name, weights] of card.stages) {
    const stage = planStage(card, R, name, weights);
    if (stage !== null) stages.set(name, stage);
  }
  const gates: FastPlan['gates'] = [];
  for (const g of card.gates) {
    const value = typeof g.value === 'boolean' ? g.value : scaledOfDecimal(g.value);
    if (value === null) return null;
    gates.push({ gate: g, kpiIndex: g.kpiIndex, value });
  }
  const watch = fractionWatches(card).map((w) => ({ index: w.index, always: w.gates.length > 0 || w.anchor !== null }));
  return { card, R, code: ROUNDING_CODE[rounding.mode], arith: scaledArithmetic(R), kpis, stages, gates, watch };
}
