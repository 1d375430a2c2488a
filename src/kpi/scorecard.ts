import { Decimal, ONE, ZERO } from '../core/decimal.js';
import { IssueCollector, wrapThrown, type IssuePath } from '../core/errors.js';
import { parseWith } from '../core/schema.js';
import type { RoundingMode } from '../core/money.js';
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

/** How a scorecard rounds attainment and points. */
export interface KpiPointsRounding {
  /** Decimal places. */
  readonly scale: number;
  /** The rounding mode. */
  readonly mode: RoundingMode;
}

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
  /** The rounding of attainment and points, or null for exact values. */
  readonly pointsRounding: KpiPointsRounding | null;
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
  readonly rounding: PointsRounding | null;
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
      issues.add(
        [...path, i, 'score'],
        `must be ${direction === 'higher' ? 'at least' : 'at most'} the score of ${what}[${i - 1}] (${scores[i - 1]!.toString()}) for a ${direction}-is-better KPI, received ${scores[i]!.toString()}`,
      );
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
  const wrongDirection = (needs: string, hint: string): void =>
    issues.add([...path, 'direction'], `must be '${needs}' for scoring '${s.type}' (${hint}), received '${d}'`);
  switch (s.type) {
    case 'ratio':
    case 'reduction':
    case 'deviation': {
      if (s.type === 'ratio' && d !== 'higher') wrongDirection('higher', "score a lower-is-better KPI with 'reduction', a curve or bands, never an inverse ratio");
      if (s.type === 'reduction' && d !== 'lower') wrongDirection('lower', "'ratio' scores higher-is-better KPIs");
      if (s.type === 'deviation' && d !== 'target') wrongDirection('target', 'it is best at the target');
      const floor = s.floor ?? (s.type === 'ratio' ? null : ZERO);
      const cap = s.cap ?? (s.type === 'reduction' ? new Decimal(200) : null);
      if (floor !== null && cap !== null && floor.gt(cap)) {
        issues.add([...sp, s.cap === undefined ? 'floor' : 'cap'], `the floor (${floor.toString()}) must not exceed the cap (${cap.toString()})`);
      }
      return { floor, cap };
    }
    case 'curve': {
      const pts = s.points;
      for (let i = 1; i < pts.length; i++) {
        if (!pts[i]!.at.gt(pts[i - 1]!.at)) {
          issues.add([...sp, 'points', i, 'at'], `must be greater than points[${i - 1}].at (${pts[i - 1]!.at.toString()}): anchors ascend, received ${pts[i]!.at.toString()}`);
        }
      }
      monotone(pts.map((p) => p.score), d, issues, [...sp, 'points'], 'points');
      for (const side of ['below', 'above'] as const) {
        const o = s[side];
        if (o === 'extrapolate' && (s.between === 'step' || pts.length < 2)) {
          issues.add([...sp, side], `'extrapolate' needs between: 'linear' and at least 2 points`);
        }
        if (typeof o === 'object' && d !== 'target') {
          const end = side === 'below' ? pts[0]!.score : pts[pts.length - 1]!.score;
          // A better actual never scores lower: below the curve at most its start, above it at least its end.
          const atMost = (side === 'below') === (d === 'higher');
          if (atMost ? o.score.gt(end) : o.score.lt(end)) {
            issues.add(
              [...sp, side, 'score'],
              `must be ${atMost ? 'at most' : 'at least'} the ${side === 'below' ? 'first' : 'last'} anchor's score (${end.toString()}) for a ${d}-is-better KPI, received ${o.score.toString()}`,
            );
          }
        }
      }
      return { floor: null, cap: null };
    }
    case 'bands': {
      const bands = s.bands;
      for (let i = 1; i < bands.length; i++) {
        if (!bands[i]!.from.gt(bands[i - 1]!.from)) {
          issues.add([...sp, 'bands', i, 'from'], `must be greater than bands[${i - 1}].from (${bands[i - 1]!.from.toString()}): bands ascend, received ${bands[i]!.from.toString()}`);
        }
      }
      monotone(bands.map((b) => b.score), d, issues, [...sp, 'bands'], 'bands');
      if (s.below !== undefined && d !== 'target') {
        const first = bands[0]!.score;
        if (d === 'higher' ? s.below.gt(first) : s.below.lt(first)) {
          issues.add([...sp, 'below'], `must be ${d === 'higher' ? 'at most' : 'at least'} the first band's score (${first.toString()}) for a ${d}-is-better KPI, received ${s.below.toString()}`);
        }
      }
      return { floor: null, cap: null };
    }
    default: {
      if (d === 'target') issues.add([...path, 'direction'], `must be 'higher' or 'lower' for scoring 'boolean', received 'target'`);
      else if (d === 'higher' ? s.pass.lt(s.fail) : s.pass.gt(s.fail)) {
        issues.add([...sp, 'pass'], `must be ${d === 'higher' ? 'at least' : 'at most'} fail (${s.fail.toString()}) for a ${d}-is-better KPI, received ${s.pass.toString()}`);
      }
      return { floor: null, cap: null };
    }
  }
}

/** Validates a spec and builds the engine's scorecard; paths start at `base`. @internal */
export function compileScorecard(spec: unknown, base: IssuePath): CompiledScorecard {
  const parsed = parseWith(kpiScorecardSpecSchema, spec, base) as unknown as ParsedScorecardSpec;
  const issues = new IssueCollector();
  const kpis: CompiledKpi[] = [];
  const byId = new Map<string, CompiledKpi>();
  parsed.kpis.forEach((k, i) => {
    const path = [...base, 'kpis', i];
    if (byId.has(k.id)) issues.add([...path, 'id'], `must be unique, '${k.id}' is also kpis[${byId.get(k.id)!.index}].id`);
    const { floor, cap } = checkScoring(k, issues, path);
    if (k.target !== undefined && !k.target.gt(0)) {
      issues.add([...path, 'target'], `must be greater than 0, received ${k.target.toString()}`, 'out_of_range');
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
  if (stageNames.length === 0) issues.add([...base, 'stages'], 'must define at least one stage');
  const stages = new Map<string, Decimal[]>();
  const publicStages: Record<string, KpiStageWeights> = {};
  const normalize = parsed.normalize === true;
  for (const name of stageNames) {
    const path = [...base, 'stages', name, 'weights'];
    const given = parsed.stages[name]!.weights;
    for (const key of Object.keys(given)) {
      if (!byId.has(key)) issues.add([...path, key], `is not a KPI of this scorecard (KPIs: ${kpis.map((k) => k.id).join(', ')})`, 'unknown_label');
    }
    const declared: Decimal[] = [];
    let sum = ZERO;
    let complete = true;
    for (const k of kpis) {
      const w = Object.prototype.hasOwnProperty.call(given, k.id) ? given[k.id] : undefined;
      if (w === undefined) {
        issues.add([...path, k.id], 'is required: every KPI needs a weight in every stage (0 is allowed)');
        complete = false;
        continue;
      }
      declared.push(w);
      sum = sum.plus(w);
    }
    if (!complete) continue;
    let used = declared;
    if (normalize) {
      if (sum.isZero()) issues.add(path, 'must not all be zero: there is nothing to normalise');
      else used = declared.map((w) => (sum.eq(ONE) || w.isZero() ? w : w.div(sum)));
    } else if (!sum.eq(ONE)) {
      issues.add(path, `must sum to exactly 1, they sum to ${sum.toString()} (or set normalize: true to divide them by their sum)`);
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
  const gradeNames = new Set<string>();
  grades.forEach((g, i) => {
    if (i > 0 && !g.min.lt(grades[i - 1]!.min)) {
      issues.add([...base, 'grades', i, 'min'], `must be less than grades[${i - 1}].min (${grades[i - 1]!.min.toString()}): grades descend from the highest, received ${g.min.toString()}`);
    }
    if (gradeNames.has(g.grade)) issues.add([...base, 'grades', i, 'grade'], `must be unique, '${g.grade}' appears twice`);
    gradeNames.add(g.grade);
  });

  const gates: (KpiGate & { kpiIndex: number })[] = [];
  (parsed.gates ?? []).forEach((g, i) => {
    const path = [...base, 'gates', i];
    const k = byId.get(g.kpi);
    if (k === undefined) {
      issues.add([...path, 'kpi'], `is not a KPI of this scorecard, received '${g.kpi}'`, 'unknown_label');
    } else if (k.isBoolean) {
      if (typeof g.value !== 'boolean') issues.add([...path, 'value'], `must be true or false for the boolean KPI '${k.id}', received ${g.value.toString()}`);
      if (g.op !== '==' && g.op !== '!=') issues.add([...path, 'op'], `must be '==' or '!=' for the boolean KPI '${k.id}', received '${g.op}'`);
    } else if (typeof g.value === 'boolean') {
      issues.add([...path, 'value'], `must be a number for the numeric KPI '${k.id}', received ${String(g.value)}`);
    }
    if (typeof g.effect === 'object' && 'capGrade' in g.effect && !gradeNames.has(g.effect.capGrade)) {
      issues.add([...path, 'effect', 'capGrade'], `is not a grade of this scorecard, received '${g.effect.capGrade}'`, 'unknown_label');
    }
    gates.push({ kpi: g.kpi, op: g.op, value: g.value, effect: g.effect, kpiIndex: k?.index ?? -1 });
  });
  issues.throwIfAny();

  const rounding = parsed.pointsRounding === undefined ? null : { scale: parsed.pointsRounding.scale, mode: parsed.pointsRounding.mode ?? 'half-up' };
  const publicCard: KpiScorecard = deepFreeze({
    kpis: kpis.map((k) => ({ id: k.id, label: k.label, direction: k.direction, scoring: k.scoring, target: k.target })),
    stages: publicStages,
    grades: grades.map((g) => ({ min: g.min, grade: g.grade })),
    gates: gates.map((g) => ({ kpi: g.kpi, op: g.op, value: g.value, effect: g.effect })),
    missing: parsed.missing ?? 'error',
    pointsRounding: rounding === null ? null : { ...rounding },
  });
  const compiled: CompiledScorecard = {
    public: publicCard,
    kpis,
    byId,
    stages,
    grades: publicCard.grades,
    gates,
    missing: publicCard.missing,
    rounding,
  };
  registry.set(publicCard, compiled);
  return compiled;
}

/**
 * The engine's scorecard behind `card`: a scorecard made by {@link defineScorecard}, or a spec
 * defined on the fly (its errors under `path`). @internal
 */
export function compiledOf(card: unknown, path: IssuePath): CompiledScorecard {
  if (typeof card === 'object' && card !== null) {
    const found = registry.get(card);
    if (found !== undefined) return found;
  }
  return compileScorecard(card, path);
}

/**
 * Validates a KPI scorecard once and returns it frozen: indicators with their scoring rules, the
 * weights of every market stage, grades, hard standards (gates) and the missing-data policy.
 *
 * Checked here, each error naming its path: unique KPI ids; a scoring rule that suits the KPI's
 * direction (a ratio is higher-is-better only, never an inverse ratio; curves and bands must not
 * score a better actual lower); curve anchors and bands ascending; every KPI weighted in every
 * stage, weights ≥ 0 summing to exactly 1 (or `normalize: true`); grades descending; gates on
 * known KPIs and grades.
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
