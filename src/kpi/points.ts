// The scoring rules of one KPI in exact decimals: attainment, then points.
import { Decimal, ZERO } from '../core/decimal.js';
import { outOfRange, type IssuePath } from '../core/errors.js';
import { roundDecimal, type RoundingMode } from '../core/money.js';
import { alongRounded, divRounded, exactTimes, POINTS_DECIMAL } from './exact.js';
import { KPI_MESSAGES as M } from './messages.js';
import { lastAtOrBelow, linearPoints, type KpiClamp } from './rules.js';
import type { KpiDirection, ParsedScoring } from './schema.js';

const HUNDRED = new Decimal(100);

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

/** One KPI's attainment (or null), points, and whether a floor or cap set them. @internal */
export interface KpiPoints {
  /** Rounded to the points scale under line rounding; else the 40-digit quotient. */
  attainment: Decimal | null;
  points: Decimal;
  clamp: 'floor' | 'cap' | null;
}

/** True when a scoring rule reads the attainment `actual / target × 100`. @internal */
export function scoringNeedsTarget(s: ParsedScoring): boolean {
  if (s.type === 'ratio' || s.type === 'reduction' || s.type === 'deviation') return true;
  if (s.type === 'curve' || s.type === 'bands') return s.on === 'attainment';
  return false;
}

/**
 * Where a value stands against thresholds: `cmp(t)` is the sign of `value − t`. On the exact
 * attainment this compares `actual × 100` with `t × target` (cross-multiplication), so a band or
 * step is never decided on a rounded quotient.
 */
interface Position {
  value: Decimal;
  cmp(t: Decimal): number;
}

function plainPosition(value: Decimal): Position {
  return { value, cmp: (t) => value.cmp(t) };
}

function attainmentPosition(value: Decimal, actual: Decimal, target: Decimal): Position {
  const scaled = exactTimes(actual, HUNDRED);
  return { value, cmp: (t) => scaled.cmp(exactTimes(t, target)) };
}

/**
 * Linear interpolation (or extrapolation) on the segment (a0, s0) to (a1, s1): to 40 significant
 * digits, or rounded once to the points scale.
 */
function along(x: Decimal, a0: Decimal, s0: Decimal, a1: Decimal, s1: Decimal, rounding: PointsRounding | null): Decimal {
  // Stryker disable next-line ConditionalExpression: at x = a0 the formula gives s0 + 0 = s0 too (rounded once under rounding, as pointsOf rounds s0)
  if (x.eq(a0)) return s0;
  if (rounding !== null) return alongRounded(x, a0, s0, a1, s1, rounding.scale, rounding.mode);
  return s0.plus(x.minus(a0).times(s1.minus(s0)).div(a1.minus(a0)));
}

function curvePoints(s: Extract<ParsedScoring, { type: 'curve' }>, at: Position, rounding: PointsRounding | null): Decimal {
  const pts = s.points;
  const first = pts[0]!;
  const last = pts[pts.length - 1]!;
  const linear = s.between !== 'step';
  const x = at.value;
  if (at.cmp(first.at) < 0) {
    const below = s.below ?? 'clamp';
    if (below === 'clamp') return first.score;
    if (below === 'extrapolate') {
      const second = pts[1]!;
      return along(x, first.at, first.score, second.at, second.score, rounding);
    }
    return below.score;
  }
  if (at.cmp(last.at) > 0) {
    const above = s.above ?? 'clamp';
    if (above === 'clamp') return last.score;
    if (above === 'extrapolate') {
      const before = pts[pts.length - 2]!;
      return along(x, before.at, before.score, last.at, last.score, rounding);
    }
    return above.score;
  }
  // The last anchor at or below x (x is within [first.at, last.at] here).
  const lo = lastAtOrBelow(pts.length, (j) => at.cmp(pts[j]!.at));
  const p = pts[lo]!;
  if (!linear || at.cmp(p.at) === 0 || lo === pts.length - 1) return p.score;
  const q = pts[lo + 1]!;
  return along(x, p.at, p.score, q.at, q.score, rounding);
}

function bandPoints(s: Extract<ParsedScoring, { type: 'bands' }>, at: Position, path: IssuePath): Decimal {
  const bands = s.bands;
  const lo = lastAtOrBelow(bands.length, (j) => at.cmp(bands[j]!.from));
  if (lo < 0) {
    if (s.below !== undefined) return s.below;
    return outOfRange(path, M.belowFirstBand(bands[0]!.from.toString(), at.value.toString()), {
      code: 'out_of_range',
      limit: bands[0]!.from.toString(),
      received: at.value.toString(),
    });
  }
  return bands[lo]!.score;
}

/**
 * Scores one present actual: the attainment (when the rule has a target), the points and the
 * clamp. `target` is validated (> 0) by the caller whenever `kpi.needsTarget`. Under line rounding
 * the attainment is rounded once and the rules read it (spreadsheet-style); without it the rules
 * read the exact quotient: interpolation to 40 digits, bands and steps by cross-multiplication. @internal
 */
export function pointsOf(
  kpi: CompiledKpi,
  actual: Decimal | boolean,
  target: Decimal | null,
  rounding: PointsRounding | null,
  path: IssuePath,
): KpiPoints {
  const s = kpi.scoring;
  if (s.type === 'boolean') return { attainment: null, points: round(actual === true ? s.pass : s.fail, rounding), clamp: null };
  const a = actual as Decimal;
  let attainment: Decimal | null = null;
  // Reported whenever a target is known, even when a curve or bands read the raw actual.
  if (target !== null) {
    attainment = rounding === null ? a.times(HUNDRED).div(target) : divRounded(a.times(HUNDRED), target, rounding.scale, rounding.mode);
  }
  const onAttainment = (s.type === 'curve' || s.type === 'bands') && s.on === 'attainment';
  const at = !onAttainment ? plainPosition(a) : rounding === null ? attainmentPosition(attainment!, a, target!) : plainPosition(attainment!);
  let points: Decimal;
  let clamped: KpiClamp = null;
  switch (s.type) {
    case 'ratio':
    case 'reduction':
    case 'deviation': {
      const c = linearPoints(POINTS_DECIMAL, s.type, attainment!, kpi.floor, kpi.cap)!;
      points = c.points;
      clamped = c.clamp;
      break;
    }
    case 'curve':
      points = curvePoints(s, at, rounding);
      break;
    default:
      points = bandPoints(s, at, path);
  }
  return { attainment, points: round(points, rounding), clamp: clamped };
}
function round(v: Decimal, rounding: PointsRounding | null): Decimal {
  if (rounding === null) return v.isZero() ? ZERO : v;
  return roundDecimal(v, rounding.scale, rounding.mode);
}
