// The scoring rules of one KPI in exact decimals: attainment, then points.
import { Decimal, ZERO } from '../core/decimal.js';
import { outOfRange, type IssuePath } from '../core/errors.js';
import { roundDecimal, type RoundingMode } from '../core/money.js';
import { alongRounded, divRounded } from './exact.js';
import type { KpiDirection, ParsedScoring } from './schema.js';

const HUNDRED = new Decimal(100);
const TWO_HUNDRED = new Decimal(200);

/** A KPI as the engine uses it, validated and frozen. @internal */
export interface CompiledKpi {
  readonly id: string;
  readonly index: number;
  readonly label: string;
  readonly direction: KpiDirection;
  readonly scoring: ParsedScoring;
  /** The scorecard's default target, or null. */
  readonly target: Decimal | null;
  /** True when the points depend on a target (ratio, reduction, deviation, curves and bands on attainment). */
  readonly needsTarget: boolean;
  readonly isBoolean: boolean;
  /** Floor and cap after defaults (reduction 0..200, deviation floor 0). */
  readonly floor: Decimal | null;
  readonly cap: Decimal | null;
}

/** A rounding rule for attainment and points. @internal */
export interface PointsRounding {
  readonly scale: number;
  readonly mode: RoundingMode;
}

/** One KPI's attainment (or null) and points. @internal */
export interface KpiPoints {
  attainment: Decimal | null;
  points: Decimal;
}

/** True when a scoring rule reads the attainment `actual / target × 100`. @internal */
export function scoringNeedsTarget(s: ParsedScoring): boolean {
  if (s.type === 'ratio' || s.type === 'reduction' || s.type === 'deviation') return true;
  if (s.type === 'curve' || s.type === 'bands') return s.on === 'attainment';
  return false;
}

function clamp(v: Decimal, floor: Decimal | null, cap: Decimal | null): Decimal {
  if (floor !== null && v.lt(floor)) return floor;
  if (cap !== null && v.gt(cap)) return cap;
  return v;
}

/**
 * Linear interpolation (or extrapolation) on the segment (a0, s0) to (a1, s1): to 40 significant
 * digits, or rounded once to the points scale.
 */
function along(x: Decimal, a0: Decimal, s0: Decimal, a1: Decimal, s1: Decimal, rounding: PointsRounding | null): Decimal {
  if (x.eq(a0)) return s0;
  if (rounding !== null) return alongRounded(x, a0, s0, a1, s1, rounding.scale, rounding.mode);
  return s0.plus(x.minus(a0).times(s1.minus(s0)).div(a1.minus(a0)));
}

function curvePoints(s: Extract<ParsedScoring, { type: 'curve' }>, x: Decimal, rounding: PointsRounding | null): Decimal {
  const pts = s.points;
  const first = pts[0]!;
  const last = pts[pts.length - 1]!;
  const linear = s.between !== 'step';
  if (x.lt(first.at)) {
    const below = s.below ?? 'clamp';
    if (below === 'clamp') return first.score;
    if (below === 'extrapolate') {
      const second = pts[1]!;
      return along(x, first.at, first.score, second.at, second.score, rounding);
    }
    return below.score;
  }
  if (x.gt(last.at)) {
    const above = s.above ?? 'clamp';
    if (above === 'clamp') return last.score;
    if (above === 'extrapolate') {
      const before = pts[pts.length - 2]!;
      return along(x, before.at, before.score, last.at, last.score, rounding);
    }
    return above.score;
  }
  // The last anchor at or below x (x is within [first.at, last.at] here).
  let lo = 0;
  let hi = pts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pts[mid]!.at.lte(x)) lo = mid;
    else hi = mid - 1;
  }
  const p = pts[lo]!;
  if (!linear || p.at.eq(x) || lo === pts.length - 1) return p.score;
  const q = pts[lo + 1]!;
  return along(x, p.at, p.score, q.at, q.score, rounding);
}

function bandPoints(s: Extract<ParsedScoring, { type: 'bands' }>, x: Decimal, path: IssuePath): Decimal {
  const bands = s.bands;
  if (x.lt(bands[0]!.from)) {
    if (s.below !== undefined) return s.below;
    return outOfRange(
      path,
      `is below the first band (from ${bands[0]!.from.toString()}) and the scoring gives no 'below' score, received ${x.toString()}`,
    );
  }
  let lo = 0;
  let hi = bands.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bands[mid]!.from.lte(x)) lo = mid;
    else hi = mid - 1;
  }
  return bands[lo]!.score;
}

/**
 * Scores one present actual: the attainment (when the rule has a target) and the points.
 * `target` is validated (> 0) by the caller whenever `kpi.needsTarget`. @internal
 */
export function pointsOf(
  kpi: CompiledKpi,
  actual: Decimal | boolean,
  target: Decimal | null,
  rounding: PointsRounding | null,
  path: IssuePath,
): KpiPoints {
  const s = kpi.scoring;
  if (s.type === 'boolean') return { attainment: null, points: round(actual === true ? s.pass : s.fail, rounding) };
  const a = actual as Decimal;
  let attainment: Decimal | null = null;
  // Reported whenever a target is known, even when a curve or bands read the raw actual.
  if (target !== null) {
    attainment = rounding === null ? a.times(HUNDRED).div(target) : divRounded(a.times(HUNDRED), target, rounding.scale, rounding.mode);
  }
  let points: Decimal;
  switch (s.type) {
    case 'ratio':
      points = clamp(attainment!, kpi.floor, kpi.cap);
      break;
    case 'reduction':
      points = clamp(TWO_HUNDRED.minus(attainment!), kpi.floor, kpi.cap);
      break;
    case 'deviation':
      points = clamp(HUNDRED.minus(attainment!.minus(HUNDRED).abs()), kpi.floor, kpi.cap);
      break;
    case 'curve':
      points = curvePoints(s, s.on === 'attainment' ? attainment! : a, rounding);
      break;
    default:
      points = bandPoints(s, s.on === 'attainment' ? attainment! : a, path);
  }
  return { attainment, points: round(points, rounding) };
}

function round(v: Decimal, rounding: PointsRounding | null): Decimal {
  if (rounding === null) return v.isZero() ? ZERO : v;
  return roundDecimal(v, rounding.scale, rounding.mode);
}
