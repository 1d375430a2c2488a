import { addDays, differenceInCalendarDays } from 'date-fns';
import { Decimal, ZERO, toDecimal } from '../core/decimal.js';
import { formatUtcDate, isoDateAt, utcDateOf, type IsoDate } from '../core/dates.js';
import { IssueCollector, fail, wrapThrown, type IssuePath } from '../core/errors.js';
import { exactMinus, exactSum, exactTimes } from './exact.js';
import { pointsOf, type CompiledKpi } from './points.js';
import { compiledOf, type CompiledScorecard, type KpiGate, type KpiScorecard } from './scorecard.js';
import type { KpiDealerInput, KpiMissingPolicy, KpiScorecardSpec, KpiStagePolicy } from './schema.js';

/** One KPI's line of a score: how its actual became points and what it contributed. */
export interface KpiLine {
  /** The KPI's id. */
  kpi: string;
  /** The KPI's display name. */
  label: string;
  /** The actual (a boolean for boolean KPIs), or null when missing. */
  actual: Decimal | boolean | null;
  /** The target used, or null when none applies. */
  target: Decimal | null;
  /** `actual / target × 100` (a percentage) when there is a target, else null. */
  attainment: Decimal | null;
  /** The KPI's points (100 = on target); 0 for a missing actual under `'zero'`, null under `'reweight'`. */
  points: Decimal | null;
  /** The weight applied (after proration and reweighting). */
  weight: Decimal;
  /** `points × weight`; the contributions sum to `weightedScore`. */
  contribution: Decimal;
  /** True when the actual was missing. */
  missing: boolean;
}

/** One hard standard as applied to a dealer. */
export interface KpiGateResult {
  /** The KPI compared. */
  kpi: string;
  /** The comparison required (`actual op value`). */
  op: KpiGate['op'];
  /** The value compared with. */
  value: Decimal | boolean;
  /** The dealer's actual, or null when missing (a standard that cannot be verified fails). */
  actual: Decimal | boolean | null;
  /** Whether the standard was met. */
  passed: boolean;
  /** The effect of failing it. */
  effect: KpiGate['effect'];
  /** What this gate changed the score by (0 when passed or when only the grade is capped). */
  adjustment: Decimal;
}

/** One stage's share of a dealer's weights. */
export interface KpiStageShare {
  /** The stage. */
  stage: string;
  /** First day counted (null for a single `stage`). */
  from: IsoDate | null;
  /** Last day counted (null for a single `stage`). */
  to: IsoDate | null;
  /** Days of the period in this stage (null for a single `stage`). */
  days: number | null;
  /** The stage's share of the weights: `days / days in the period`, or 1. */
  share: Decimal;
}

/** A dealer's score: the score, its grade and the breakdown that reproduces both by hand. */
export interface KpiScoreResult {
  /** The dealer's id, or null when the input had none. */
  id: string | null;
  /** The final score: `weightedScore` plus every gate's adjustment. */
  score: Decimal;
  /** The sum of the lines' contributions, before gates. */
  weightedScore: Decimal;
  /** The grade of the final score, capped by failed `capGrade` gates; null below the lowest grade. */
  grade: string | null;
  /** The grade the final score alone would earn. */
  gradeByScore: string | null;
  /** One line per KPI, in the scorecard's order. */
  lines: KpiLine[];
  /** One entry per gate, in the scorecard's order. */
  gates: KpiGateResult[];
  /** The weights applied per KPI (after proration and reweighting). */
  weights: Record<string, Decimal>;
  /** The stages behind the weights and their shares. */
  stageShares: KpiStageShare[];
  /** How the stages were combined: `'single'` for one `stage`, else the dealer's policy. */
  policy: 'single' | KpiStagePolicy;
  /** The missing-data policy and the KPIs it applied to. */
  missing: KpiMissingReport;
}

/** What the missing-data policy did to a dealer's score. */
export interface KpiMissingReport {
  /** The scorecard's policy. */
  policy: KpiMissingPolicy;
  /** The KPIs whose actual was missing, in scorecard order. */
  kpis: string[];
}

/** The stage weights a dealer's input resolves to. @internal */
export interface ResolvedWeights {
  weights: readonly Decimal[];
  shares: KpiStageShare[];
  policy: 'single' | KpiStagePolicy;
  /** The stage name when a single stage applies (its cached, frozen weights can be shared). */
  single: string | null;
}

/** A dealer's input read and validated against a scorecard. @internal */
export interface ReadDealer {
  id: string | null;
  resolved: ResolvedWeights;
  actuals: (Decimal | boolean | null)[];
  targets: (Decimal | null)[];
}

const DEALER_KEYS = new Set(['id', 'stage', 'stages', 'period', 'policy', 'actuals', 'targets']);
const POLICIES = ['prorate', 'end', 'start'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : typeof v;
}

function stageList(card: CompiledScorecard): string {
  return [...card.stages.keys()].map((s) => `'${s}'`).join(', ');
}

function checkStage(card: CompiledScorecard, stage: unknown, path: IssuePath, issues: IssueCollector): string | null {
  if (typeof stage !== 'string') {
    issues.add(path, `must be a stage name, received ${describe(stage)}`);
    return null;
  }
  if (!card.stages.has(stage)) {
    issues.add(path, `is not a stage of this scorecard (stages: ${stageList(card)}), received '${stage}'`, 'unknown_label');
    return null;
  }
  return stage;
}

function dateAt(value: unknown, path: IssuePath, issues: IssueCollector): IsoDate | null {
  try {
    return isoDateAt(value, path);
  } catch (e) {
    for (const i of wrapThrown(e).issues) issues.add(i.path, i.message);
    return null;
  }
}

const singleCache = new WeakMap<CompiledScorecard, Map<string, ResolvedWeights>>();

/** The resolved weights of a single stage, cached per scorecard and stage. @internal */
export function singleStage(card: CompiledScorecard, stage: string): ResolvedWeights {
  let byStage = singleCache.get(card);
  if (byStage === undefined) {
    byStage = new Map();
    singleCache.set(card, byStage);
  }
  let r = byStage.get(stage);
  if (r === undefined) {
    r = {
      weights: card.stages.get(stage)!,
      shares: Object.freeze([Object.freeze({ stage, from: null, to: null, days: null, share: new Decimal(1) })]) as unknown as KpiStageShare[],
      policy: 'single',
      single: stage,
    };
    byStage.set(stage, r);
  }
  return r;
}

function shiftDay(iso: IsoDate, n: number): IsoDate {
  return formatUtcDate(addDays(utcDateOf(iso), n));
}

function days(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(utcDateOf(to), utcDateOf(from)) + 1;
}

function resolveStages(card: CompiledScorecard, input: Record<string, unknown>, path: IssuePath, issues: IssueCollector): ResolvedWeights | null {
  const hasStage = input.stage !== undefined;
  const hasStages = input.stages !== undefined;
  if (hasStage && hasStages) {
    issues.add([...path, 'stages'], 'must not be given together with stage: give one stage, or stages with a period');
    return null;
  }
  if (!hasStage && !hasStages) {
    issues.add([...path, 'stage'], 'is required (or give stages with a period)');
    return null;
  }
  if (hasStage) {
    const stage = checkStage(card, input.stage, [...path, 'stage'], issues);
    if (input.policy !== undefined) issues.add([...path, 'policy'], 'applies only with stages (a single stage needs no policy)');
    return stage === null ? null : singleStage(card, stage);
  }
  const policy = input.policy ?? 'prorate';
  if (typeof policy !== 'string' || !POLICIES.includes(policy)) {
    issues.add([...path, 'policy'], `must be one of 'prorate', 'end', 'start', received ${describe(policy)}`);
  }
  const period = input.period;
  let start: IsoDate | null = null;
  let end: IsoDate | null = null;
  if (period === undefined) issues.add([...path, 'period'], 'is required with stages ({ start, end })');
  else if (!isRecord(period)) issues.add([...path, 'period'], `must be an object { start, end }, received ${describe(period)}`);
  else {
    for (const key of Object.keys(period)) if (key !== 'start' && key !== 'end') issues.add([...path, 'period', key], 'is not a known field');
    start = dateAt(period.start, [...path, 'period', 'start'], issues);
    end = dateAt(period.end, [...path, 'period', 'end'], issues);
    if (start !== null && end !== null && end < start) {
      issues.add([...path, 'period', 'end'], `must not be before period.start (${start}), received ${end}`);
      start = end = null;
    }
  }
  const raw = input.stages;
  if (!Array.isArray(raw) || raw.length === 0) {
    issues.add([...path, 'stages'], Array.isArray(raw) ? 'must hold at least one stage span' : `must be an array of { stage, from, to }, received ${describe(raw)}`);
    return null;
  }
  const spans: { stage: string; from: IsoDate; to: IsoDate }[] = [];
  let ok = true;
  raw.forEach((s: unknown, i: number) => {
    const p = [...path, 'stages', i];
    if (!isRecord(s)) {
      issues.add(p, `must be an object { stage, from, to }, received ${describe(s)}`);
      ok = false;
      return;
    }
    for (const key of Object.keys(s)) if (key !== 'stage' && key !== 'from' && key !== 'to') issues.add([...p, key], 'is not a known field');
    const stage = checkStage(card, s.stage, [...p, 'stage'], issues);
    const from = dateAt(s.from, [...p, 'from'], issues);
    const to = dateAt(s.to, [...p, 'to'], issues);
    if (stage === null || from === null || to === null) {
      ok = false;
      return;
    }
    if (to < from) {
      issues.add([...p, 'to'], `must not be before stages[${i}].from (${from}), received ${to}`);
      ok = false;
      return;
    }
    const prev = spans[spans.length - 1];
    if (prev !== undefined && from <= prev.to) {
      issues.add([...p, 'from'], `must be after stages[${i - 1}].to (${prev.to}): spans are in date order without overlaps, received ${from}`);
      ok = false;
    }
    spans.push({ stage, from, to });
  });
  if (!ok || start === null || end === null || typeof policy !== 'string' || !POLICIES.includes(policy)) return null;

  if (policy === 'end' || policy === 'start') {
    const on = policy === 'end' ? end : start;
    const span = spans.find((s) => s.from <= on && on <= s.to);
    if (span === undefined) {
      issues.add([...path, 'stages'], `must cover the period's ${policy} (${on}) under policy '${policy}'`, 'infeasible');
      return null;
    }
    const single = singleStage(card, span.stage);
    return {
      weights: single.weights,
      shares: [{ stage: span.stage, from: start, to: end, days: days(start, end), share: new Decimal(1) }],
      policy,
      single: span.stage,
    };
  }

  // Prorate: every day of the period must fall in exactly one span (spans are ordered, disjoint).
  const total = days(start, end);
  const shares: KpiStageShare[] = [];
  let cursor = start; // the first day not yet covered
  for (const s of spans) {
    if (s.to < start || s.from > end) continue;
    const from = s.from < start ? start : s.from;
    const to = s.to > end ? end : s.to;
    if (from > cursor) break;
    const n = days(from, to);
    shares.push({ stage: s.stage, from, to, days: n, share: new Decimal(n).div(total) });
    cursor = shiftDay(to, 1);
  }
  if (cursor <= end) {
    const next = spans.find((s) => s.from > cursor && s.from <= end);
    const gapEnd = next === undefined ? end : shiftDay(next.from, -1);
    issues.add([...path, 'stages'], `must cover every day of the period ${start} to ${end}: ${cursor} to ${gapEnd} is in no stage`, 'infeasible');
    return null;
  }
  const n = card.kpis.length;
  const weights = new Array<Decimal>(n);
  const totalD = new Decimal(total);
  for (let k = 0; k < n; k++) {
    // One division per weight: Σ days × weight over the period's days.
    let num = ZERO;
    for (const s of shares) num = num.plus(card.stages.get(s.stage)![k]!.times(s.days!));
    weights[k] = num.isZero() ? ZERO : num.div(totalD);
  }
  return { weights, shares, policy: 'prorate', single: null };
}

/** Reads and validates one dealer's input against the scorecard (every issue collected). @internal */
export function readDealer(card: CompiledScorecard, input: unknown, path: IssuePath): ReadDealer {
  if (!isRecord(input)) fail('invalid_input', path, `must be an object { stage | stages, actuals, targets? }, received ${describe(input)}`);
  const issues = new IssueCollector();
  for (const key of Object.keys(input)) if (!DEALER_KEYS.has(key)) issues.add([...path, key], 'is not a known field');
  let id: string | null = null;
  if (input.id !== undefined) {
    if (typeof input.id === 'string') id = input.id;
    else issues.add([...path, 'id'], `must be a string, received ${describe(input.id)}`);
  }
  const resolved = resolveStages(card, input, path, issues);
  const n = card.kpis.length;
  const actuals = new Array<Decimal | boolean | null>(n).fill(null);
  const targets = new Array<Decimal | null>(n);
  for (let k = 0; k < n; k++) targets[k] = card.kpis[k]!.target;

  const rawActuals = input.actuals;
  if (!isRecord(rawActuals)) {
    issues.add([...path, 'actuals'], `must be an object of actuals by KPI id, received ${describe(rawActuals)}`);
  } else {
    for (const key of Object.keys(rawActuals)) {
      const kpi = card.byId.get(key);
      const p = [...path, 'actuals', key];
      if (kpi === undefined) {
        issues.add(p, `is not a KPI of this scorecard (KPIs: ${card.kpis.map((x) => x.id).join(', ')})`, 'unknown_label');
        continue;
      }
      const v = rawActuals[key];
      if (v === null || v === undefined) continue;
      if (kpi.isBoolean) {
        if (typeof v === 'boolean') actuals[kpi.index] = v;
        else issues.add(p, `must be true or false (the KPI is scored as a boolean), received ${describe(v)}`);
      } else if (typeof v === 'boolean') {
        issues.add(p, `must be a number (the KPI is scored on numbers), received ${v}`);
      } else {
        try {
          actuals[kpi.index] = toDecimal(v, p);
        } catch (e) {
          for (const i of wrapThrown(e).issues) issues.add(i.path, i.message);
        }
      }
    }
  }
  const rawTargets = input.targets;
  // Targets with an issue of their own are not reported again as missing.
  let targetsBad = false;
  const badTargets = new Set<number>();
  if (rawTargets !== undefined) {
    if (!isRecord(rawTargets)) {
      targetsBad = true;
      issues.add([...path, 'targets'], `must be an object of targets by KPI id, received ${describe(rawTargets)}`);
    } else {
      for (const key of Object.keys(rawTargets)) {
        const kpi = card.byId.get(key);
        const p = [...path, 'targets', key];
        if (kpi === undefined) {
          issues.add(p, `is not a KPI of this scorecard (KPIs: ${card.kpis.map((x) => x.id).join(', ')})`, 'unknown_label');
          continue;
        }
        const v = rawTargets[key];
        if (v === null || v === undefined) continue;
        try {
          targets[kpi.index] = toDecimal(v, p);
        } catch (e) {
          badTargets.add(kpi.index);
          for (const i of wrapThrown(e).issues) issues.add(i.path, i.message);
        }
      }
    }
  }
  for (const kpi of card.kpis) {
    const a = actuals[kpi.index]!;
    const t = targets[kpi.index]!;
    if (a === null) {
      // A present but invalid actual has its own issue already.
      if (card.missing === 'error' && isRecord(rawActuals) && (rawActuals[kpi.id] === null || rawActuals[kpi.id] === undefined)) {
        issues.add([...path, 'actuals', kpi.id], "is required (the scorecard's missing policy is 'error'; use 'zero' or 'reweight' to score without it)");
      }
      continue;
    }
    if (!kpi.needsTarget) {
      if (t !== null && !t.gt(0)) targets[kpi.index] = null;
      continue;
    }
    if (t === null) {
      if (!targetsBad && !badTargets.has(kpi.index)) issues.add([...path, 'targets', kpi.id], `is required: scoring '${kpi.scoring.type}'${kpi.scoring.type === 'curve' || kpi.scoring.type === 'bands' ? ' on attainment' : ''} reads actual / target`);
    } else if (!t.gt(0)) {
      issues.add(
        [...path, 'targets', kpi.id],
        `must be greater than 0, received ${t.toString()} (a ratio to a target of 0 or less has no meaning; score such a KPI on the actual with a curve or bands)`,
        'out_of_range',
      );
    }
  }
  issues.throwIfAny();
  return { id, resolved: resolved!, actuals, targets };
}

function compare(a: Decimal | boolean, op: KpiGate['op'], v: Decimal | boolean): boolean {
  if (typeof a === 'boolean' || typeof v === 'boolean') return op === '==' ? a === v : a !== v;
  const c = a.cmp(v);
  switch (op) {
    case '>=':
      return c >= 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    case '<':
      return c < 0;
    case '==':
      return c === 0;
    default:
      return c !== 0;
  }
}

/** The grade of a score: the first grade whose minimum it reaches. @internal */
export function gradeIndexOf(card: CompiledScorecard, score: Decimal): number {
  const g = card.grades;
  for (let i = 0; i < g.length; i++) if (score.gte(g[i]!.min)) return i;
  return -1;
}

/** Applies the gates to a weighted score: the final score, the grade and each gate's result. @internal */
export function applyGates(
  card: CompiledScorecard,
  weightedScore: Decimal,
  actuals: readonly (Decimal | boolean | null)[],
): { score: Decimal; grade: string | null; gradeByScore: string | null; gates: KpiGateResult[] } {
  let score = weightedScore;
  let gradeCap = -1;
  const gates: KpiGateResult[] = [];
  for (const g of card.gates) {
    const actual = actuals[g.kpiIndex]!;
    const passed = actual !== null && compare(actual, g.op, g.value);
    let adjustment = ZERO;
    if (!passed) {
      const e = g.effect;
      if (e === 'zero') {
        adjustment = score.isZero() ? ZERO : score.negated();
        score = ZERO;
      } else if ('capScore' in e) {
        if (score.gt(e.capScore)) {
          adjustment = exactMinus(e.capScore, score);
          score = e.capScore;
        }
      } else {
        const at = card.grades.findIndex((x) => x.grade === e.capGrade);
        gradeCap = Math.max(gradeCap, at);
      }
    }
    gates.push({ kpi: g.kpi, op: g.op, value: g.value, actual, passed, effect: g.effect, adjustment: adjustment.isZero() ? ZERO : adjustment });
  }
  const byScore = gradeIndexOf(card, score);
  const final = byScore === -1 ? -1 : Math.max(byScore, gradeCap);
  return {
    score,
    grade: final === -1 ? null : card.grades[final]!.grade,
    gradeByScore: byScore === -1 ? null : card.grades[byScore]!.grade,
    gates,
  };
}

const noMissing = new WeakMap<CompiledScorecard, KpiScoreResult['missing']>();

/** The frozen `missing` entry of a result with nothing missing, shared per scorecard. @internal */
export function noneMissing(card: CompiledScorecard): KpiScoreResult['missing'] {
  let m = noMissing.get(card);
  if (m === undefined) {
    m = Object.freeze({ policy: card.missing, kpis: Object.freeze([]) as unknown as string[] });
    noMissing.set(card, m);
  }
  return m;
}

const weightRecords = new WeakMap<readonly Decimal[], Record<string, Decimal>>();

/** The weights as a record by KPI id; frozen and cached when `shared`. @internal */
export function weightRecord(card: CompiledScorecard, weights: readonly Decimal[], shared: boolean): Record<string, Decimal> {
  if (shared) {
    const cached = weightRecords.get(weights);
    if (cached !== undefined) return cached;
  }
  const r: Record<string, Decimal> = {};
  card.kpis.forEach((k: CompiledKpi, i) => {
    r[k.id] = weights[i]!;
  });
  if (shared) weightRecords.set(weights, Object.freeze(r) as Record<string, Decimal>);
  return shared ? weightRecords.get(weights)! : r;
}

/** Scores a dealer already read by {@link readDealer}. @internal */
export function scoreRead(card: CompiledScorecard, d: ReadDealer, path: IssuePath): KpiScoreResult {
  const n = card.kpis.length;
  let weights = d.resolved.weights;
  let shared = true;
  const missingKpis: string[] = [];
  for (let k = 0; k < n; k++) if (d.actuals[k] === null) missingKpis.push(card.kpis[k]!.id);
  if (card.missing === 'reweight' && missingKpis.length > 0) {
    let present = ZERO;
    for (let k = 0; k < n; k++) if (d.actuals[k] !== null) present = present.plus(weights[k]!);
    if (present.isZero()) {
      fail('infeasible', [...path, 'actuals'], `every KPI with a weight is missing (${missingKpis.join(', ')}): there is nothing to reweight`);
    }
    const base = weights;
    weights = base.map((w, k) => (d.actuals[k] === null || w.isZero() ? ZERO : present.eq(1) ? w : w.div(present)));
    shared = false;
  }
  const lines: KpiLine[] = new Array<KpiLine>(n);
  const contributions = new Array<Decimal>(n).fill(ZERO);
  for (let k = 0; k < n; k++) {
    const kpi = card.kpis[k]!;
    const actual = d.actuals[k]!;
    const w = weights[k]!;
    const target = d.targets[k]!;
    if (actual === null) {
      lines[k] = {
        kpi: kpi.id,
        label: kpi.label,
        actual: null,
        target,
        attainment: null,
        points: card.missing === 'zero' ? ZERO : null,
        weight: w,
        contribution: ZERO,
        missing: true,
      };
      continue;
    }
    const p = pointsOf(kpi, actual, target, card.rounding, [...path, 'actuals', kpi.id]);
    const contribution = exactTimes(p.points, w);
    contributions[k] = contribution;
    lines[k] = { kpi: kpi.id, label: kpi.label, actual, target, attainment: p.attainment, points: p.points, weight: w, contribution, missing: false };
  }
  const weighted = exactSum(contributions);
  const gated = applyGates(card, weighted, d.actuals);
  return {
    id: d.id,
    score: gated.score,
    weightedScore: weighted,
    grade: gated.grade,
    gradeByScore: gated.gradeByScore,
    lines,
    gates: gated.gates,
    weights: weightRecord(card, weights, shared && d.resolved.single !== null),
    stageShares: d.resolved.shares,
    policy: d.resolved.policy,
    missing: missingKpis.length === 0 ? noneMissing(card) : { policy: card.missing, kpis: missingKpis },
  };
}

/**
 * Scores one dealer on a scorecard: every KPI's attainment, points, weight and contribution, the
 * weighted score (the contributions sum to it exactly), the hard standards (gates) and the grade.
 *
 * Weights come from one `stage`, or from `stages` over a `period`: `'prorate'` mixes each stage's
 * weights by its days in the period (both ends inclusive, counted with date-fns in UTC), `'end'`
 * and `'start'` take the stage in force on that day. A scorecard spec may be passed in place of a
 * defined scorecard (it is then validated on every call).
 *
 * @example
 * ```ts
 * const card = defineScorecard({
 *   kpis: [
 *     { id: 'sales', direction: 'higher', scoring: { type: 'ratio' } },
 *     { id: 'share', direction: 'higher', scoring: { type: 'ratio' } },
 *   ],
 *   stages: { launch: { weights: { sales: '0.4', share: '0.6' } } },
 *   grades: [{ min: 100, grade: 'Gold' }, { min: 90, grade: 'Silver' }],
 * });
 * const r = scoreDealer(card, {
 *   stage: 'launch',
 *   actuals: { sales: 9_500_000, share: 6 },
 *   targets: { sales: 10_000_000, share: 5 },
 * });
 * [r.lines[0].points.toString(), r.lines[1].points.toString(), r.score.toString(), r.grade];
 * //=> ['95', '120', '110', 'Gold']
 * ```
 */
export function scoreDealer(scorecard: KpiScorecard | KpiScorecardSpec, dealer: KpiDealerInput): KpiScoreResult {
  try {
    const card = compiledOf(scorecard, ['scorecard']);
    return scoreRead(card, readDealer(card, dealer, []), []);
  } catch (error) {
    throw wrapThrown(error);
  }
}
