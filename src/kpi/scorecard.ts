import { Decimal, ONE, ZERO } from '../core/decimal.js';
import { DealerkitError, IssueCollector, wrapThrown, type IssuePath } from '../core/errors.js';
import { checkFraction } from '../core/schema.js';
import type { RoundingMode } from '../core/money.js';
import { parseKpi } from './parse.js';
import { isDefinedJson, readDefined, type DefinedReader } from '../core/defined.js';
import { SCORECARD_JSON, type ScorecardJson } from './scorecard-json.js';
import { KPI_MESSAGES as M } from './messages.js';
import { scoringNeedsTarget, type CompiledKpi, type PointsRounding } from './points.js';
import {
  kpiScorecardSpecSchema,
  type KpiDirection,
  type KpiGateOp,
  type KpiMissingPolicy,
  type KpiCapGrade,
  type KpiScorecardSpec,
  type KpiScoringSpec,
  type ParsedScorecardSpec,
} from './schema.js';

/** A KPI of a defined scorecard: the spec with Decimals, the defaults filled in. */
export interface KpiDefinition {
  /** The KPI's id. */
  readonly id: string;
  /** Its display name (the id when the spec gave none). */
  readonly label: string;
  /** Which way it is good. */
  readonly direction: KpiDirection;
  /** Its scoring rule, as parsed (numbers as Decimals). */
  readonly scoring: Readonly<KpiScoringSpec>;
  /** Its default target, or null. */
  readonly target: Decimal | null;
}

/** A stage's weights: the ones used and the ones declared (they differ only under `normalize`). */
export interface KpiStageWeights {
  /** The weights used, summing to 1 (normalised ones are rounded to 40 significant digits). */
  readonly weights: Readonly<Record<string, Decimal>>;
  /** The weights as the spec declared them. */
  readonly declaredWeights: Readonly<Record<string, Decimal>>;
  /** True when the declared weights were divided by their sum. */
  readonly normalized: boolean;
}

/** A grade threshold: scores at or above `min` earn `grade` (the first match from the top). */
export interface KpiGrade {
  /** The lowest score of the grade. */
  readonly min: Decimal;
  /** The grade's name. */
  readonly grade: string;
}

/** A failed gate caps the score at `capScore`. */
export interface KpiCapScore {
  /** The highest score allowed. */
  readonly capScore: Decimal;
}

/** What a failed gate does: score 0, a cap on the score, or a cap on the grade. */
export type KpiGateEffect = 'zero' | KpiCapScore | KpiCapGrade;

/** How a scorecard rounds: every attainment and KPI's points (`'line'`) or only the weighted score (`'total'`). */
export interface KpiRounding {
  /** Decimal places. */
  readonly scale: number;
  /** The rounding mode. */
  readonly mode: RoundingMode;
  /** Where: every line (attainment and points) or only the weighted score. */
  readonly stage: 'line' | 'total';
}

/** Decimal places of points when the scorecard's `rounding` names none (2). @internal */
export const KPI_DEFAULT_POINTS_SCALE = 2;

/** A hard standard of a defined scorecard. */
export interface KpiGate {
  /** The KPI compared. */
  readonly kpi: string;
  /** The comparison the actual must satisfy. */
  readonly op: KpiGateOp;
  /** The value compared with. */
  readonly value: Decimal | boolean;
  /** What a failure does. */
  readonly effect: KpiGateEffect;
}

/** A validated, frozen scorecard made by {@link defineScorecard}. */
export interface KpiScorecard {
  /** Always `'kpi-scorecard'`: marks a defined scorecard in serialised data (its JSON is accepted wherever the scorecard is). */
  readonly kind: 'kpi-scorecard';
  /** The indicators, in the spec's order. */
  readonly kpis: readonly KpiDefinition[];
  /** The weights per stage. */
  readonly stages: Readonly<Record<string, KpiStageWeights>>;
  /** Grades from the highest. */
  readonly grades: readonly KpiGrade[];
  /** Hard standards, applied in this order. */
  readonly gates: readonly KpiGate[];
  /** What a missing actual does. */
  readonly missing: KpiMissingPolicy;
  /** Where and how points are rounded, or null for exact values. */
  readonly rounding: KpiRounding | null;
}

/** The engine's view of a scorecard. @internal */
export interface CompiledScorecard {
  readonly public: KpiScorecard;
  readonly kpis: readonly CompiledKpi[];
  readonly byId: ReadonlyMap<string, CompiledKpi>;
  /** Weights per stage, by KPI index. */
  readonly stages: ReadonlyMap<string, readonly Decimal[]>;
  readonly grades: readonly KpiGrade[];
  readonly gates: readonly (KpiGate & { readonly kpiIndex: number })[];
  readonly missing: KpiMissingPolicy;
  /** The rounding of every attainment and KPI's points (stage 'line'), or null. */
  readonly rounding: PointsRounding | null;
  /** The rounding of the weighted score only (stage 'total'), or null. */
  readonly totalRounding: PointsRounding | null;
}

const registry = new WeakMap<object, CompiledScorecard>();

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value) && !(value instanceof Decimal)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function monotone(
  scores: readonly Decimal[],
  direction: KpiDirection,
  issues: IssueCollector,
  path: IssuePath,
  what: string,
): void {
  if (direction === 'target') return;
  for (let i = 1; i < scores.length; i++) {
    const up = scores[i]!.gte(scores[i - 1]!);
    const down = scores[i]!.lte(scores[i - 1]!);
    if (direction === 'higher' ? !up : !down) {
      issues.add([...path, i, 'score'], M.notMonotone(direction, what, i - 1, scores[i - 1]!.toString(), scores[i]!.toString()), 'invalid_input', {
        code: 'inconsistent',
        received: scores[i]!.toString(),
      });
    }
  }
}

function checkScoring(
  kpi: ParsedScorecardSpec['kpis'][number],
  issues: IssueCollector,
  path: IssuePath,
): { floor: Decimal | null; cap: Decimal | null } {
  const s = kpi.scoring;
  const d = kpi.direction;
  const sp = [...path, 'scoring'];
  const inconsistent = (p: IssuePath, message: string): void => issues.add(p, message, 'invalid_input', { code: 'inconsistent' });
  const wrongDirection = (needs: string, hint: string): void =>
    issues.add([...path, 'direction'], M.wrongDirection(needs, s.type, hint, d), 'invalid_input', { code: 'inconsistent', expected: `'${needs}'`, received: `'${d}'` });
  switch (s.type) {
    case 'ratio':
    case 'reduction':
    case 'deviation': {
      if (s.type === 'ratio' && d !== 'higher') wrongDirection('higher', M.ratioHint);
      if (s.type === 'reduction' && d !== 'lower') wrongDirection('lower', M.reductionHint);
      if (s.type === 'deviation' && d !== 'target') wrongDirection('target', M.deviationHint);
      const floor = s.floor ?? (s.type === 'ratio' ? null : ZERO);
      const cap = s.cap ?? (s.type === 'reduction' ? new Decimal(200) : null);
      if (floor !== null && cap !== null && floor.gt(cap)) {
        inconsistent([...sp, s.cap === undefined ? 'floor' : 'cap'], M.floorAboveCap(floor.toString(), cap.toString()));
      }
      return { floor, cap };
    }
    case 'curve': {
      const pts = s.points;
      for (let i = 1; i < pts.length; i++) {
        if (!pts[i]!.at.gt(pts[i - 1]!.at)) {
          issues.add([...sp, 'points', i, 'at'], M.anchorsAscend(i - 1, pts[i - 1]!.at.toString(), pts[i]!.at.toString()), 'invalid_input', {
            code: 'not_ascending',
            received: pts[i]!.at.toString(),
          });
        }
      }
      monotone(pts.map((p) => p.score), d, issues, [...sp, 'points'], 'points');
      for (const side of ['below', 'above'] as const) {
        const o = s[side];
        if (o === 'extrapolate' && (s.between === 'step' || pts.length < 2)) {
          inconsistent([...sp, side], M.extrapolateNeedsLinear);
        }
        if (typeof o === 'object' && d !== 'target') {
          const end = side === 'below' ? pts[0]!.score : pts[pts.length - 1]!.score;
          // A better actual never scores lower: below the curve at most its start, above it at least its end.
          const atMost = (side === 'below') === (d === 'higher');
          if (atMost ? o.score.gt(end) : o.score.lt(end)) {
            inconsistent([...sp, side, 'score'], M.outsideScore(atMost, side, end.toString(), d, o.score.toString()));
          }
        }
      }
      return { floor: null, cap: null };
    }
    case 'bands': {
      const bands = s.bands;
      for (let i = 1; i < bands.length; i++) {
        if (!bands[i]!.from.gt(bands[i - 1]!.from)) {
          issues.add([...sp, 'bands', i, 'from'], M.bandsAscend(i - 1, bands[i - 1]!.from.toString(), bands[i]!.from.toString()), 'invalid_input', {
            code: 'not_ascending',
            received: bands[i]!.from.toString(),
          });
        }
      }
      monotone(bands.map((b) => b.score), d, issues, [...sp, 'bands'], 'bands');
      if (s.below !== undefined && d !== 'target') {
        const first = bands[0]!.score;
        if (d === 'higher' ? s.below.gt(first) : s.below.lt(first)) {
          inconsistent([...sp, 'below'], M.bandsBelow(d, first.toString(), s.below.toString()));
        }
      }
      return { floor: null, cap: null };
    }
    default: {
      if (d === 'target') inconsistent([...path, 'direction'], M.booleanTarget);
      else if (d === 'higher' ? s.pass.lt(s.fail) : s.pass.gt(s.fail)) inconsistent([...sp, 'pass'], M.booleanPass(d, s.fail.toString(), s.pass.toString()));
      return { floor: null, cap: null };
    }
  }
}

/** The grades' order (strictly descending minimums) and names (unique); returns the names. */
function checkGrades(grades: NonNullable<ParsedScorecardSpec['grades']>, base: IssuePath, issues: IssueCollector): Set<string> {
  const gradeNames = new Set<string>();
  grades.forEach((g, i) => {
    if (i > 0 && !g.min.lt(grades[i - 1]!.min)) {
      issues.add([...base, 'grades', i, 'min'], M.gradesDescend(i - 1, grades[i - 1]!.min.toString(), g.min.toString()), 'invalid_input', {
        code: 'not_ascending',
        received: g.min.toString(),
      });
    }
    if (gradeNames.has(g.grade)) issues.add([...base, 'grades', i, 'grade'], M.duplicateGrade(g.grade), 'invalid_input', { code: 'duplicate', received: g.grade });
    gradeNames.add(g.grade);
  });
  return gradeNames;
}

/** The gates, each checked against its KPI (a pass/fail KPI takes == or != on true or false) and the grades. */
function compileGates(
  specs: NonNullable<ParsedScorecardSpec['gates']>,
  byId: ReadonlyMap<string, CompiledKpi>,
  gradeNames: ReadonlySet<string>,
  base: IssuePath,
  issues: IssueCollector,
): (KpiGate & { kpiIndex: number })[] {
  const gates: (KpiGate & { kpiIndex: number })[] = [];
  specs.forEach((g, i) => {
    const path = [...base, 'gates', i];
    const k = byId.get(g.kpi);
    if (k === undefined) {
      issues.add([...path, 'kpi'], M.gateUnknownKpi(g.kpi), 'unknown_label', { code: 'unknown_label', received: g.kpi });
    } else if (k.isBoolean) {
      if (typeof g.value !== 'boolean') {
        issues.add([...path, 'value'], M.gateBooleanValue(k.id, g.value.toString()), 'invalid_input', { code: 'invalid_type', expected: 'true or false', received: g.value.toString() });
      }
      if (g.op !== '==' && g.op !== '!=') issues.add([...path, 'op'], M.gateBooleanOp(k.id, g.op), 'invalid_input', { code: 'invalid_value', expected: "'==' or '!='", received: `'${g.op}'` });
    } else if (typeof g.value === 'boolean') {
      issues.add([...path, 'value'], M.gateNumericValue(k.id, String(g.value)), 'invalid_input', { code: 'invalid_type', expected: 'a number', received: String(g.value) });
    }
    if (typeof g.effect === 'object' && 'capGrade' in g.effect && !gradeNames.has(g.effect.capGrade)) {
      issues.add([...path, 'effect', 'capGrade'], M.gateUnknownGrade(g.effect.capGrade), 'unknown_label', { code: 'unknown_label', received: g.effect.capGrade });
    }
    gates.push({ kpi: g.kpi, op: g.op, value: g.value, effect: g.effect, kpiIndex: k?.index ?? -1 });
  });
  return gates;
}

/** Validates a spec and builds the engine's scorecard; paths start at `base`. @internal */
export function compileScorecard(spec: unknown, base: IssuePath): CompiledScorecard {
  const parsed = parseKpi(kpiScorecardSpecSchema, spec, base) as unknown as ParsedScorecardSpec;
  const issues = new IssueCollector();
  const kpis: CompiledKpi[] = [];
  const byId = new Map<string, CompiledKpi>();
  parsed.kpis.forEach((k, i) => {
    const path = [...base, 'kpis', i];
    if (byId.has(k.id)) issues.add([...path, 'id'], M.duplicateKpi(k.id, byId.get(k.id)!.index), 'invalid_input', { code: 'duplicate', received: k.id });
    const { floor, cap } = checkScoring(k, issues, path);
    if (k.target !== undefined && !k.target.gt(0)) {
      issues.add([...path, 'target'], M.targetNotPositive(k.target.toString()), 'out_of_range', {
        code: 'out_of_range',
        expected: 'greater than 0',
        received: k.target.toString(),
        limit: '0',
      });
    }
    const compiled: CompiledKpi = {
      id: k.id,
      index: i,
      label: k.label ?? k.id,
      direction: k.direction,
      scoring: k.scoring,
      target: k.target ?? null,
      needsTarget: scoringNeedsTarget(k.scoring),
      isBoolean: k.scoring.type === 'boolean',
      floor,
      cap,
    };
    kpis.push(compiled);
    if (!byId.has(k.id)) byId.set(k.id, compiled);
  });

  const stageNames = Object.keys(parsed.stages);
  if (stageNames.length === 0) issues.add([...base, 'stages'], M.noStage, 'invalid_input', { code: 'too_short', limit: '1' });
  const stages = new Map<string, Decimal[]>();
  const publicStages: Record<string, KpiStageWeights> = {};
  const normalize = parsed.normalize === true;
  for (const name of stageNames) {
    const path = [...base, 'stages', name, 'weights'];
    const given = parsed.stages[name]!.weights;
    for (const key of Object.keys(given)) {
      if (!byId.has(key)) issues.add([...path, key], M.notAKpi(kpis.map((k) => k.id).join(', ')), 'unknown_label', { code: 'unknown_label', received: key });
    }
    const declared: Decimal[] = [];
    let sum = ZERO;
    let complete = true;
    let percent = false;
    for (const k of kpis) {
      const w = Object.prototype.hasOwnProperty.call(given, k.id) ? given[k.id] : undefined;
      if (w === undefined) {
        issues.add([...path, k.id], M.weightRequired, 'invalid_input', { code: 'required' });
        complete = false;
        continue;
      }
      if (!normalize) {
        // A weight is a share of the score: 40 for 40 % is a percent mistake, not a weight.
        try {
          checkFraction(w, [...path, k.id]);
        } catch (e) {
          issues.addError(e as DealerkitError);
          percent = true;
        }
      }
      declared.push(w);
      sum = sum.plus(w);
    }
    if (!complete) continue;
    let used = declared;
    if (normalize) {
      if (sum.isZero()) issues.add(path, M.nothingToNormalise, 'invalid_input', { code: 'does_not_sum', received: '0' });
      else used = declared.map((w) => (sum.eq(ONE) || w.isZero() ? w : w.div(sum)));
    } else if (!sum.eq(ONE) && !percent) {
      issues.add(path, M.weightsDoNotSum(sum.toString()), 'invalid_input', { code: 'does_not_sum', expected: '1', received: sum.toString() });
    }
    stages.set(name, used);
    const weights: Record<string, Decimal> = {};
    const declaredWeights: Record<string, Decimal> = {};
    kpis.forEach((k, i) => {
      weights[k.id] = used[i]!;
      declaredWeights[k.id] = declared[i]!;
    });
    publicStages[name] = { weights, declaredWeights, normalized: normalize && !sum.eq(ONE) };
  }

  const grades = parsed.grades ?? [];
  const gradeNames = checkGrades(grades, base, issues);
  const gates = compileGates(parsed.gates ?? [], byId, gradeNames, base, issues);
  issues.throwIfAny();

  const rs = parsed.rounding;
  const rounding: KpiRounding | null =
    rs === undefined ? null : { scale: rs.scale ?? KPI_DEFAULT_POINTS_SCALE, mode: rs.mode ?? 'half-up', stage: rs.stage ?? 'line' };
  const publicCard: KpiScorecard = deepFreeze({
    kind: 'kpi-scorecard' as const,
    kpis: kpis.map((k) => ({ id: k.id, label: k.label, direction: k.direction, scoring: k.scoring, target: k.target })),
    stages: publicStages,
    grades: grades.map((g) => ({ min: g.min, grade: g.grade })),
    gates: gates.map((g) => ({ kpi: g.kpi, op: g.op, value: g.value, effect: g.effect })),
    missing: parsed.missing ?? 'error',
    rounding: rounding === null ? null : { ...rounding },
  });
  const compiled: CompiledScorecard = {
    public: publicCard,
    kpis,
    byId,
    stages,
    grades: publicCard.grades,
    gates,
    missing: publicCard.missing,
    rounding: rounding !== null && rounding.stage === 'line' ? { scale: rounding.scale, mode: rounding.mode } : null,
    totalRounding: rounding !== null && rounding.stage === 'total' ? { scale: rounding.scale, mode: rounding.mode } : null,
  };
  registry.set(publicCard, compiled);
  return compiled;
}

const READER: DefinedReader<ScorecardJson, KpiScorecard> = { ...SCORECARD_JSON, define: (spec) => compileScorecard(spec, []).public };

/**
 * The engine's scorecard behind `card`: a scorecard made by {@link defineScorecard}, its JSON
 * (`kind: 'kpi-scorecard'`) read back, or a spec defined on the fly (its errors under `path`). @internal
 */
export function compiledOf(card: unknown, path: IssuePath): CompiledScorecard {
  if (typeof card === 'object' && card !== null) {
    const found = registry.get(card);
    if (found !== undefined) return found;
  }
  if (isDefinedJson(card, 'kpi-scorecard')) return registry.get(readDefined(card, READER, path))!;
  return compileScorecard(card, path);
}

/**
 * Validates a KPI scorecard once and returns it frozen: indicators with their scoring rules, the
 * weights of every market stage, grades, hard standards (gates) and the missing-data policy.
 *
 * Checked here, each error naming its path: unique KPI ids; a scoring rule that suits the KPI's
 * direction (a ratio is higher-is-better only, never an inverse ratio; curves and bands must not
 * score a better actual lower); curve anchors and bands ascending; every KPI weighted in every
 * stage, weights from 0 to 1 summing to exactly 1 (a weight above 1, such as 40 for 40 %, is refused
 * with `percent_as_whole_number`; under `normalize: true` any weights ≥ 0, divided by their sum);
 * grades descending; gates on known KPIs and grades. Every issue has its code (`duplicate`,
 * `not_ascending`, `does_not_sum`, `inconsistent`, `unknown_label`, ...).
 *
 * @example
 * ```ts
 * const card = defineScorecard({
 *   kpis: [
 *     { id: 'sales', direction: 'higher', scoring: { type: 'ratio', cap: 150 } },
 *     { id: 'coverage', direction: 'higher', scoring: { type: 'ratio', cap: 150 } },
 *   ],
 *   stages: {
 *     launch: { weights: { sales: '0.3', coverage: '0.7' } },
 *     maturity: { weights: { sales: '0.8', coverage: '0.2' } },
 *   },
 *   grades: [{ min: 90, grade: 'Gold' }, { min: 75, grade: 'Silver' }, { min: 60, grade: 'Bronze' }],
 * });
 * card.stages.launch.weights.coverage.toString();
 * //=> '0.7'
 * ```
 */
export function defineScorecard(spec: KpiScorecardSpec): KpiScorecard {
  try {
    return compileScorecard(spec, []).public;
  } catch (error) {
    throw wrapThrown(error);
  }
}
