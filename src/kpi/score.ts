import { addDays } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import * as z from 'zod/mini';
import { Decimal, ZERO, toDecimal } from '../core/decimal.js';
import { formatUtcDate, isoDateAt, utcDateOf, type IsoDate } from '../core/dates.js';
import { IssueCollector, fail, wrapThrown, type IssuePath } from '../core/errors.js';
import { CORE_MESSAGES, describeValue, percentHint } from '../core/messages.js';
import { roundDecimal, roundRatio } from '../core/money.js';
import type { Warning } from '../core/result.js';
import { DEFAULT_RATIO_SCALE, namesAFraction, nearestName, scaleSchema } from '../core/schema.js';
import { exactMinus, exactSum, exactTimes, SCORE_DECIMAL } from './exact.js';
import { applyGateRules, gateHolds, gradeRule, type GateEffectRule } from './rules.js';
import { parseKpi } from './parse.js';
import { KPI_MESSAGES as M, KPI_WORDS as W } from './messages.js';
import { pointsOf, type CompiledKpi } from './points.js';
import { compiledOf, type CompiledScorecard, type KpiGate, type KpiScorecard } from './scorecard.js';
import type { KpiDealerInput, KpiMissingPolicy, KpiScorecardSpec, KpiStagePolicy } from './schema.js';
import {
  gateText,
  gradeText,
  pointsStepText,
  scoreText,
  stageText,
  weightedScoreText,
  type KpiGateStep,
  type KpiGradeStep,
  type KpiPointsStep,
  type KpiStageShare,
  type KpiStageStep,
  type KpiStep,
  type KpiWeightedScoreStep,
} from './steps.js';

export type { KpiStageShare } from './steps.js';

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

/** What the missing-data policy did to a dealer's score. */
export interface KpiMissingReport {
  /** The scorecard's policy. */
  policy: KpiMissingPolicy;
  /** The KPIs whose actual was missing, in scorecard order. */
  kpis: string[];
}

/**
 * A dealer's score: the score, its grade, and the `steps` that reproduce both by hand (one
 * `kpi-points` step per KPI with its actual, target, attainment, points, weight and contribution).
 */
export interface KpiScoreResult {
  /** The dealer's id, or null when the input had none. */
  id: string | number | null;
  /** The final score: `weightedScore` plus every gate's adjustment. */
  score: Decimal;
  /** The sum of the KPIs' contributions, before gates (rounded once under `rounding.stage: 'total'`). */
  weightedScore: Decimal;
  /** The grade of the final score, capped by failed `capGrade` gates; null below the lowest grade. */
  grade: string | null;
  /** The grade the final score alone would earn. */
  gradeByScore: string | null;
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
  /** What to look at: a ratio given as a percentage (`percent-like-metric`), a missing actual (`missing-actual`). */
  warnings: Warning[];
  /** How the score was reached, in order: stage weights, each KPI, the weighted score, gates, grade. */
  steps: KpiStep[];
}

/** Options of {@link scoreDealer}. */
export interface ScoreDealerOptions {
  /**
   * Decimal places of reported ratios derived by division (here the attainment of a scorecard
   * without line rounding), rounded half-up; 10 when omitted. Decisions read the exact quotient.
   */
  ratioScale?: number;
}

/** The stage weights a dealer's input resolves to. @internal */
export interface ResolvedWeights {
  weights: readonly Decimal[];
  shares: KpiStageShare[];
  policy: 'single' | KpiStagePolicy;
  /** The stage name when a single stage applies (its cached, frozen weights can be shared). */
  single: string | null;
  /** The stage step (frozen and shared for a single stage). */
  step: KpiStageStep;
}

/** A dealer's input read and validated against a scorecard. @internal */
export interface ReadDealer {
  id: string | number | null;
  resolved: ResolvedWeights;
  actuals: (Decimal | boolean | null)[];
  targets: (Decimal | null)[];
}

const DEALER_KEYS = ['id', 'stage', 'stages', 'period', 'policy', 'actuals', 'targets'];
const POLICIES = ['prorate', 'end', 'start'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const describe = describeValue;

function unknownField(issues: IssueCollector, path: IssuePath, key: string, known: readonly string[]): void {
  issues.add([...path, key], CORE_MESSAGES.unknownField(nearestName(key, known)), 'invalid_input', { code: 'unknown_field', received: key });
}

function stageList(card: CompiledScorecard): string {
  return [...card.stages.keys()].map((s) => `'${s}'`).join(', ');
}

function checkStage(card: CompiledScorecard, stage: unknown, path: IssuePath, issues: IssueCollector): string | null {
  if (typeof stage !== 'string') {
    issues.add(path, M.stageName(describe(stage)), 'invalid_input', stage === undefined ? { code: 'required' } : { code: 'invalid_type', expected: 'a stage name', received: describe(stage) });
    return null;
  }
  if (!card.stages.has(stage)) {
    issues.add(path, M.notAStage(stageList(card), stage), 'unknown_label', { code: 'unknown_label', received: stage });
    return null;
  }
  return stage;
}

function dateAt(value: unknown, path: IssuePath, issues: IssueCollector): IsoDate | null {
  try {
    return isoDateAt(value, path);
  } catch (e) {
    issues.addError(wrapThrown(e));
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
    const shares = Object.freeze([Object.freeze({ stage, from: null, to: null, days: null, share: new Decimal(1) })]) as unknown as KpiStageShare[];
    r = {
      weights: card.stages.get(stage)!,
      shares,
      policy: 'single',
      single: stage,
      step: Object.freeze({ code: 'stage-weights', policy: 'single', shares, text: stageText('single', shares) }) as KpiStageStep,
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
    issues.add([...path, 'stages'], M.stageAndStages, 'invalid_input', { code: 'inconsistent' });
    return null;
  }
  if (!hasStage && !hasStages) {
    issues.add([...path, 'stage'], M.stageRequired, 'invalid_input', { code: 'required' });
    return null;
  }
  if (hasStage) {
    const stage = checkStage(card, input.stage, [...path, 'stage'], issues);
    if (input.policy !== undefined) issues.add([...path, 'policy'], M.policyWithStage, 'invalid_input', { code: 'inconsistent' });
    return stage === null ? null : singleStage(card, stage);
  }
  const policy = input.policy ?? 'prorate';
  if (typeof policy !== 'string' || !POLICIES.includes(policy)) {
    issues.add([...path, 'policy'], M.policyValue(describe(policy)), 'invalid_input', {
      code: 'invalid_value',
      expected: "one of 'prorate', 'end', 'start'",
      received: describe(policy),
    });
  }
  const period = input.period;
  let start: IsoDate | null = null;
  let end: IsoDate | null = null;
  if (period === undefined) issues.add([...path, 'period'], M.periodRequired, 'invalid_input', { code: 'required' });
  else if (!isRecord(period)) issues.add([...path, 'period'], M.periodNotObject(describe(period)), 'invalid_input', { code: 'invalid_type', received: describe(period) });
  else {
    for (const key of Object.keys(period)) if (key !== 'start' && key !== 'end') unknownField(issues, [...path, 'period'], key, ['start', 'end']);
    start = dateAt(period.start, [...path, 'period', 'start'], issues);
    end = dateAt(period.end, [...path, 'period', 'end'], issues);
    if (start !== null && end !== null && end < start) {
      issues.add([...path, 'period', 'end'], M.periodEndBeforeStart(start, end), 'invalid_input', { code: 'not_ascending', received: end });
      start = end = null;
    }
  }
  const raw = input.stages;
  if (!Array.isArray(raw) || raw.length === 0) {
    if (Array.isArray(raw)) issues.add([...path, 'stages'], M.stagesEmpty, 'invalid_input', { code: 'too_short', limit: '1' });
    else issues.add([...path, 'stages'], M.stagesNotArray(describe(raw)), 'invalid_input', { code: 'invalid_type', received: describe(raw) });
    return null;
  }
  const spans: { stage: string; from: IsoDate; to: IsoDate }[] = [];
  let ok = true;
  raw.forEach((s: unknown, i: number) => {
    const p = [...path, 'stages', i];
    if (!isRecord(s)) {
      issues.add(p, M.spanNotObject(describe(s)), 'invalid_input', { code: 'invalid_type', received: describe(s) });
      ok = false;
      return;
    }
    for (const key of Object.keys(s)) if (key !== 'stage' && key !== 'from' && key !== 'to') unknownField(issues, p, key, ['stage', 'from', 'to']);
    const stage = checkStage(card, s.stage, [...p, 'stage'], issues);
    const from = dateAt(s.from, [...p, 'from'], issues);
    const to = dateAt(s.to, [...p, 'to'], issues);
    if (stage === null || from === null || to === null) {
      ok = false;
      return;
    }
    if (to < from) {
      issues.add([...p, 'to'], M.spanEndBeforeStart(i, from, to), 'invalid_input', { code: 'not_ascending', received: to });
      ok = false;
      return;
    }
    const prev = spans[spans.length - 1];
    if (prev !== undefined && from <= prev.to) {
      issues.add([...p, 'from'], M.spansOverlap(i - 1, prev.to, from), 'invalid_input', { code: 'not_ascending', received: from });
      ok = false;
    }
    spans.push({ stage, from, to });
  });
  if (!ok || start === null || end === null || typeof policy !== 'string' || !POLICIES.includes(policy)) return null;

  if (policy === 'end' || policy === 'start') {
    const on = policy === 'end' ? end : start;
    const span = spans.find((s) => s.from <= on && on <= s.to);
    if (span === undefined) {
      issues.add([...path, 'stages'], M.stagesMissDay(policy, on), 'infeasible', { code: 'infeasible' });
      return null;
    }
    const single = singleStage(card, span.stage);
    const shares = [{ stage: span.stage, from: start, to: end, days: days(start, end), share: new Decimal(1) }];
    return { weights: single.weights, shares, policy, single: span.stage, step: { code: 'stage-weights', policy, shares, text: stageText(policy, shares) } };
  }

  // Prorate: every day of the period must fall in exactly one span (spans are ordered, disjoint).
  const total = days(start, end);
  const shares: KpiStageShare[] = [];
  let cursor: IsoDate | null = start; // the first day not yet covered, null once the period's end is
  for (const s of spans) {
    if (cursor === null) break;
    if (s.to < start || s.from > end) continue;
    const from = s.from < start ? start : s.from;
    const to = s.to > end ? end : s.to;
    if (from > cursor) break;
    const n = days(from, to);
    shares.push({ stage: s.stage, from, to, days: n, share: new Decimal(n).div(total) });
    cursor = to >= end ? null : shiftDay(to, 1);
  }
  if (cursor !== null) {
    const gapStart: IsoDate = cursor;
    const next = spans.find((s) => s.from > gapStart && s.from <= end);
    const gapEnd = next === undefined ? end : shiftDay(next.from, -1);
    issues.add([...path, 'stages'], M.stagesGap(start, end, gapStart, gapEnd), 'infeasible', { code: 'infeasible' });
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
  return { weights, shares, policy: 'prorate', single: null, step: { code: 'stage-weights', policy: 'prorate', shares, text: stageText('prorate', shares) } };
}

function readValues(
  card: CompiledScorecard,
  raw: Record<string, unknown>,
  path: IssuePath,
  issues: IssueCollector,
  each: (kpi: CompiledKpi, value: unknown, p: IssuePath) => void,
): void {
  for (const key of Object.keys(raw)) {
    const kpi = card.byId.get(key);
    const p = [...path, key];
    if (kpi === undefined) {
      issues.add(p, M.notAKpi(card.kpis.map((x) => x.id).join(', ')), 'unknown_label', { code: 'unknown_label', received: key });
      continue;
    }
    const v = raw[key];
    if (v !== null && v !== undefined) each(kpi, v, p);
  }
}

/** Reads and validates one dealer's input against the scorecard (every issue collected). @internal */
export function readDealer(card: CompiledScorecard, input: unknown, path: IssuePath): ReadDealer {
  if (!isRecord(input)) fail('invalid_input', path, M.dealerNotObject(describe(input)), { code: 'invalid_type', received: describe(input) });
  const issues = new IssueCollector();
  for (const key of Object.keys(input)) if (!DEALER_KEYS.includes(key)) unknownField(issues, path, key, DEALER_KEYS);
  let id: string | number | null = null;
  if (input.id !== undefined) {
    if (typeof input.id === 'string' || (typeof input.id === 'number' && Number.isFinite(input.id))) id = input.id;
    else issues.add([...path, 'id'], M.idType(describe(input.id)), 'invalid_input', { code: 'invalid_type', expected: 'a string or a number', received: describe(input.id) });
  }
  const resolved = resolveStages(card, input, path, issues);
  const n = card.kpis.length;
  const actuals = new Array<Decimal | boolean | null>(n).fill(null);
  const targets = new Array<Decimal | null>(n);
  for (let k = 0; k < n; k++) targets[k] = card.kpis[k]!.target;

  const rawActuals = input.actuals;
  if (!isRecord(rawActuals)) {
    issues.add([...path, 'actuals'], M.actualsNotObject(describe(rawActuals)), 'invalid_input', rawActuals === undefined ? { code: 'required' } : { code: 'invalid_type', received: describe(rawActuals) });
  } else {
    readValues(card, rawActuals, [...path, 'actuals'], issues, (kpi, v, p) => {
      if (kpi.isBoolean) {
        if (typeof v === 'boolean') actuals[kpi.index] = v;
        else issues.add(p, M.booleanActual(describe(v)), 'invalid_input', { code: 'invalid_type', expected: 'true or false', received: describe(v) });
      } else if (typeof v === 'boolean') {
        issues.add(p, M.numericActual(String(v)), 'invalid_input', { code: 'invalid_type', expected: 'a number', received: String(v) });
      } else {
        try {
          actuals[kpi.index] = toDecimal(v, p);
        } catch (e) {
          issues.addError(wrapThrown(e));
        }
      }
    });
  }
  const rawTargets = input.targets;
  // Targets with an issue of their own are not reported again as missing.
  let targetsBad = false;
  const badTargets = new Set<number>();
  if (rawTargets !== undefined) {
    if (!isRecord(rawTargets)) {
      targetsBad = true;
      issues.add([...path, 'targets'], M.targetsNotObject(describe(rawTargets)), 'invalid_input', { code: 'invalid_type', received: describe(rawTargets) });
    } else {
      readValues(card, rawTargets, [...path, 'targets'], issues, (kpi, v, p) => {
        try {
          targets[kpi.index] = toDecimal(v, p);
        } catch (e) {
          badTargets.add(kpi.index);
          issues.addError(wrapThrown(e));
        }
      });
    }
  }
  for (const kpi of card.kpis) {
    const a = actuals[kpi.index]!;
    const t = targets[kpi.index]!;
    if (a === null) {
      // A present but invalid actual has its own issue already.
      if (card.missing === 'error' && isRecord(rawActuals) && (rawActuals[kpi.id] === null || rawActuals[kpi.id] === undefined)) {
        issues.add([...path, 'actuals', kpi.id], M.actualRequired, 'invalid_input', { code: 'required' });
      }
      continue;
    }
    if (!kpi.needsTarget) {
      if (t !== null && !t.gt(0)) targets[kpi.index] = null;
      continue;
    }
    if (t === null) {
      if (!targetsBad && !badTargets.has(kpi.index)) {
        const s = kpi.scoring;
        issues.add([...path, 'targets', kpi.id], M.targetRequired(s.type, s.type === 'curve' || s.type === 'bands'), 'invalid_input', { code: 'required' });
      }
    } else if (!t.gt(0)) {
      issues.add([...path, 'targets', kpi.id], M.dealerTargetNotPositive(t.toString()), 'out_of_range', {
        code: 'out_of_range',
        expected: 'greater than 0',
        received: t.toString(),
        limit: '0',
      });
    }
  }
  issues.throwIfAny();
  return { id, resolved: resolved!, actuals, targets };
}

const decimalCmp = (a: Decimal, b: Decimal): number => a.cmp(b);

/** The grade of a score: the first grade whose minimum it reaches. @internal */
export function gradeIndexOf(card: CompiledScorecard, score: Decimal): number {
  return gradeRule(SCORE_DECIMAL, gradeMins(card), score, -1).byScore;
}

const effectRules = new WeakMap<CompiledScorecard, { effects: GateEffectRule<Decimal>[]; mins: Decimal[] }>();

/** The scorecard's gate effects and grade minimums in the rules' form, built once per scorecard. */
function rulesOf(card: CompiledScorecard): { effects: GateEffectRule<Decimal>[]; mins: Decimal[] } {
  let r = effectRules.get(card);
  if (r === undefined) {
    r = { effects: card.gates.map((g) => gateEffectRule(card, g.effect, (d) => d)), mins: card.grades.map((g) => g.min) };
    effectRules.set(card, r);
  }
  return r;
}

function gradeMins(card: CompiledScorecard): Decimal[] {
  return rulesOf(card).mins;
}

/** A gate's effect in the rules' form, its score cap in the arithmetic of a path. @internal */
export function gateEffectRule<V>(card: CompiledScorecard, e: KpiGate['effect'], capOf: (d: Decimal) => V): GateEffectRule<V> {
  if (e === 'zero') return { zero: true, cap: null, capGrade: -1 };
  if ('capScore' in e) return { zero: false, cap: capOf(e.capScore), capGrade: -1 };
  return { zero: false, cap: null, capGrade: card.grades.findIndex((x) => x.grade === e.capGrade) };
}

/** Applies the gates to a weighted score: the final score, the grade and each gate's result. @internal */
export function applyGates(
  card: CompiledScorecard,
  weightedScore: Decimal,
  actuals: readonly (Decimal | boolean | null)[],
): { score: Decimal; grade: string | null; gradeByScore: string | null; byScore: number; final: number; gates: KpiGateResult[] } {
  const rules = rulesOf(card);
  const passed = card.gates.map((g) => gateHolds(g.op, actuals[g.kpiIndex]!, g.value, decimalCmp)!);
  const out = applyGateRules(SCORE_DECIMAL, rules.effects, passed, weightedScore)!;
  const gates = card.gates.map((g, i): KpiGateResult => ({
    kpi: g.kpi,
    op: g.op,
    value: g.value,
    actual: actuals[g.kpiIndex]!,
    passed: passed[i]!,
    effect: g.effect,
    adjustment: out.adjustments[i]!.isZero() ? ZERO : out.adjustments[i]!,
  }));
  const { byScore, final } = gradeRule(SCORE_DECIMAL, rules.mins, out.score, out.gradeCap);
  return {
    score: out.score,
    grade: final === -1 ? null : card.grades[final]!.grade,
    gradeByScore: byScore === -1 ? null : card.grades[byScore]!.grade,
    byScore,
    final,
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

/** A gate step from a gate's result. @internal */
export function gateStepOf(card: CompiledScorecard, g: KpiGateResult, index: number): KpiGateStep {
  const label = card.kpis[card.gates[index]!.kpiIndex]!.label;
  const figures = { kpi: g.kpi, label, op: g.op, value: g.value, actual: g.actual, passed: g.passed, effect: g.effect, adjustment: g.adjustment };
  return { code: 'gate', ...figures, text: gateText(figures) };
}

const gradeSteps = new WeakMap<CompiledScorecard, Map<number, { minOf: string; min: Decimal; text: string }>>();

/** The grade texts of a scorecard, by pair of grades (shared by every dealer with the same pair). @internal */
export function gradeTextsOf(card: CompiledScorecard): Map<number, { minOf: string; min: Decimal; text: string }> {
  let texts = gradeSteps.get(card);
  if (texts === undefined) {
    texts = new Map();
    gradeSteps.set(card, texts);
  }
  return texts;
}

/** The grade step of a final score (its text shared per pair of grades). @internal */
export function gradeStepOf(card: CompiledScorecard, score: Decimal, byScore: number, final: number, texts = gradeTextsOf(card)): KpiGradeStep {
  const key = (byScore + 1) * 1024 + (final + 1);
  let t = texts.get(key);
  if (t === undefined) {
    const ref = card.grades[byScore === -1 ? card.grades.length - 1 : byScore]!;
    const byName = byScore === -1 ? null : card.grades[byScore]!.grade;
    const finalName = final === -1 ? null : card.grades[final]!.grade;
    t = { minOf: ref.grade, min: ref.min, text: gradeText(byName, finalName, ref.grade, ref.min) };
    texts.set(key, t);
  }
  return {
    code: 'grade',
    score,
    gradeByScore: byScore === -1 ? null : card.grades[byScore]!.grade,
    grade: final === -1 ? null : card.grades[final]!.grade,
    minOf: t.minOf,
    min: t.min,
    text: t.text,
  };
}

/** Where a KPI whose name says it is a ratio is compared with a threshold of at most 1. */
interface FractionWatch {
  index: number;
  /** The gates on it with a numeric value ≤ 1, in order. */
  gates: { at: number; value: Decimal }[];
  /** The highest anchor or band of a scoring on the raw actual, when it is ≤ 1. */
  anchor: Decimal | null;
}

const watches = new WeakMap<CompiledScorecard, FractionWatch[]>();

/** The KPIs that may be given as a percentage by mistake (`onTimeRatio: 97` against 0.9). @internal */
export function fractionWatches(card: CompiledScorecard): FractionWatch[] {
  let w = watches.get(card);
  if (w !== undefined) return w;
  w = [];
  for (const kpi of card.kpis) {
    if (kpi.isBoolean || !namesAFraction(kpi.id)) continue;
    const gates: FractionWatch['gates'] = [];
    card.gates.forEach((g, at) => {
      if (g.kpiIndex === kpi.index && typeof g.value !== 'boolean' && g.value.lte(1)) gates.push({ at, value: g.value });
    });
    const s = kpi.scoring;
    let anchor: Decimal | null = null;
    if ((s.type === 'curve' || s.type === 'bands') && s.on !== 'attainment') {
      const ats = s.type === 'curve' ? s.points.map((p) => p.at) : s.bands.map((b) => b.from);
      const top = ats[ats.length - 1]!;
      if (top.lte(1)) anchor = top;
    }
    w.push({ index: kpi.index, gates, anchor });
  }
  watches.set(card, w);
  return w;
}

/** The `percent-like-metric` warnings of a dealer's actuals (one per KPI at most). @internal */
export function percentWarnings(card: CompiledScorecard, actuals: readonly (Decimal | boolean | null)[], targets: readonly (Decimal | null)[]): Warning[] {
  const out: Warning[] = [];
  for (const w of fractionWatches(card)) {
    const a = actuals[w.index];
    if (a === null || a === undefined || typeof a === 'boolean' || !a.gt(1)) continue;
    const kpi = card.kpis[w.index]!;
    const t = kpi.needsTarget ? targets[w.index] : null;
    let where: string | null = null;
    let threshold: Decimal | null = null;
    if (w.gates.length > 0) {
      where = `gates[${w.gates[0]!.at}]'s value`;
      threshold = w.gates[0]!.value;
    } else if (t !== null && t !== undefined && t.lte(1)) {
      where = 'its target';
      threshold = t;
    } else if (w.anchor !== null) {
      where = "its scoring's highest threshold";
      threshold = w.anchor;
    }
    if (where === null || threshold === null) continue;
    const shown = a.toFixed();
    out.push({ code: 'percent-like-metric', message: M.percentLikeMetric(kpi.id, shown, threshold.toFixed(), where, percentHint(shown)), path: ['actuals', kpi.id] });
  }
  return out;
}

/** Scores a dealer already read by {@link readDealer}. @internal */
export function scoreRead(card: CompiledScorecard, d: ReadDealer, path: IssuePath, ratioScale: number): KpiScoreResult {
  const n = card.kpis.length;
  let weights = d.resolved.weights;
  let shared = true;
  const missingKpis: string[] = [];
  const warnings = percentWarnings(card, d.actuals, d.targets);
  const steps: KpiStep[] = [d.resolved.step];
  for (let k = 0; k < n; k++) {
    if (d.actuals[k] !== null) continue;
    const id = card.kpis[k]!.id;
    missingKpis.push(id);
    warnings.push({ code: 'missing-actual', message: card.missing === 'zero' ? M.missingZero(id) : M.missingReweight(id), path: ['actuals', id] });
  }
  if (card.missing === 'reweight' && missingKpis.length > 0) {
    let present = ZERO;
    for (let k = 0; k < n; k++) if (d.actuals[k] !== null) present = present.plus(weights[k]!);
    if (present.isZero()) {
      fail('infeasible', [...path, 'actuals'], M.nothingToReweight(missingKpis.join(', ')), { code: 'infeasible' });
    }
    const base = weights;
    weights = base.map((w, k) => (d.actuals[k] === null || w.isZero() ? ZERO : present.eq(1) ? w : w.div(present)));
    shared = false;
    steps.push({ code: 'reweight', missing: missingKpis, presentWeight: present, text: reweightText(missingKpis, present) });
  }
  const contributions = new Array<Decimal>(n).fill(ZERO);
  for (let k = 0; k < n; k++) {
    const kpi = card.kpis[k]!;
    const actual = d.actuals[k]!;
    const w = weights[k]!;
    const target = d.targets[k]!;
    let figures: Omit<KpiPointsStep, 'code' | 'text'>;
    if (actual === null) {
      figures = {
        kpi: kpi.id,
        label: kpi.label,
        rule: kpi.scoring.type,
        actual: null,
        target,
        attainment: null,
        points: card.missing === 'zero' ? ZERO : null,
        clamp: null,
        weight: w,
        contribution: ZERO,
        missing: true,
      };
    } else {
      const p = pointsOf(kpi, actual, target, card.rounding, [...path, 'actuals', kpi.id]);
      const contribution = exactTimes(p.points, w);
      contributions[k] = contribution;
      const attainment = p.attainment === null || card.rounding !== null ? p.attainment : roundRatio(p.attainment, ratioScale);
      figures = { kpi: kpi.id, label: kpi.label, rule: kpi.scoring.type, actual, target, attainment, points: p.points, clamp: p.clamp, weight: w, contribution, missing: false };
    }
    steps.push({ code: 'kpi-points', ...figures, text: pointsStepText(figures) });
  }
  const sum = exactSum(contributions);
  const total = card.totalRounding;
  const weighted = total === null ? sum : roundDecimal(sum, total.scale, total.mode);
  const ws: Omit<KpiWeightedScoreStep, 'code' | 'text'> = { sum, weightedScore: weighted, contributions: n, rounding: total === null ? null : { scale: total.scale, mode: total.mode } };
  steps.push({ code: 'weighted-score', ...ws, text: weightedScoreText(ws) });
  const gated = applyGates(card, weighted, d.actuals);
  gated.gates.forEach((g, i) => steps.push(gateStepOf(card, g, i)));
  if (!gated.score.eq(weighted)) {
    const sc = { weightedScore: weighted, adjustment: exactMinus(gated.score, weighted), score: gated.score };
    steps.push({ code: 'score', ...sc, text: scoreText(sc) });
  }
  if (card.grades.length > 0) steps.push(gradeStepOf(card, gated.score, gated.byScore, gated.final));
  return {
    id: d.id,
    score: gated.score,
    weightedScore: weighted,
    grade: gated.grade,
    gradeByScore: gated.gradeByScore,
    gates: gated.gates,
    weights: weightRecord(card, weights, shared && d.resolved.single !== null),
    stageShares: d.resolved.shares,
    policy: d.resolved.policy,
    missing: missingKpis.length === 0 ? noneMissing(card) : { policy: card.missing, kpis: missingKpis },
    warnings,
    steps,
  };
}

function reweightText(missing: readonly string[], present: Decimal): string {
  return W.reweight(missing.join(', '), present.toFixed());
}

const scoreOptionsSchema = z.strictObject({ ratioScale: z.optional(scaleSchema) });
const batchOptionsSchema = z.strictObject({
  ratioScale: z.optional(scaleSchema),
  onError: z.optional(z.unknown()),
  onProgress: z.optional(z.unknown()),
});

/** Reads `ratioScale` from scoreDealer's (or, with `batch`, scoreDealers') options. @internal */
export function ratioScaleOf(options: unknown, batch: boolean): number {
  if (options === undefined) return DEFAULT_RATIO_SCALE;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    fail('invalid_input', ['options'], M.optionsNotObject, { code: 'invalid_type', received: describe(options) });
  }
  const parsed = parseKpi(batch ? batchOptionsSchema : scoreOptionsSchema, options, ['options']) as { ratioScale?: number };
  return parsed.ratioScale ?? DEFAULT_RATIO_SCALE;
}

/**
 * Scores one dealer on a scorecard: every KPI's attainment, points, weight and contribution, the
 * weighted score (the contributions sum to it exactly), the hard standards (gates) and the grade,
 * with the `steps` that reproduce each figure and `warnings` (a ratio given as a percentage, a
 * missing actual).
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
 * [r.score.toString(), r.grade, r.steps[1].text];
 * //=> ['110', 'Gold', 'sales: 9,500,000 of 10,000,000 = 95.00 % → 95.00 points × 0.4 = 38.00']
 * ```
 */
export function scoreDealer(scorecard: KpiScorecard | KpiScorecardSpec, input: KpiDealerInput, options?: ScoreDealerOptions): KpiScoreResult {
  try {
    const card = compiledOf(scorecard, ['scorecard']);
    const ratioScale = ratioScaleOf(options, false);
    return scoreRead(card, readDealer(card, input, []), [], ratioScale);
  } catch (error) {
    throw wrapThrown(error);
  }
}
