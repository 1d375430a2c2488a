// A dealer's gates, grade and percent-like warnings on the Decimal path (the rules themselves are in
// rules.ts), with the steps that explain them, shared per scorecard where they repeat.
import { Decimal, ZERO } from '../core/decimal.js';
import { percentHint } from '../core/messages.js';
import type { Warning } from '../core/result.js';
import { namesAFraction } from '../core/schema.js';
import { SCORE_DECIMAL } from './exact.js';
import { applyGateRules, gateHolds, gradeRule, type GateEffectRule } from './rules.js';
import { KPI_MESSAGES as M } from './messages.js';
import { type CompiledKpi } from './points.js';
import { type CompiledScorecard, type KpiGate } from './scorecard.js';
import { gateText, gradeText, type KpiGateStep, type KpiGradeStep } from './steps.js';
import { type KpiGateResult, type KpiScoreResult } from './score-types.js';

const decimalCmp = (a: Decimal, b: Decimal): number => a.cmp(b);

const effectRules = new WeakMap<CompiledScorecard, { effects: GateEffectRule<Decimal>[]; mins: Decimal[] }>();

/** The scorecard's gate effects and grade minimums in the rules' form, built once per scorecard. */
function rulesOf(card: CompiledScorecard): { effects: GateEffectRule<Decimal>[]; mins: Decimal[] } {
  let r = effectRules.get(card);
  // Stryker disable next-line ConditionalExpression: building the rules again gives the same rules (the map is only a cache)
  if (r === undefined) {
    r = { effects: card.gates.map((g) => gateEffectRule(card, g.effect, (d) => d)), mins: card.grades.map((g) => g.min) };
    effectRules.set(card, r);
  }
  return r;
}

/** A gate's effect in the rules' form, its score cap in the arithmetic of a path. @internal */
export function gateEffectRule<V>(card: CompiledScorecard, e: KpiGate['effect'], capOf: (d: Decimal) => V): GateEffectRule<V> {
  // Stryker disable next-line UnaryOperator: applyGateRules reads capGrade only for a gate that neither zeroes nor caps the score
  if (e === 'zero') return { zero: true, cap: null, capGrade: -1 };
  // Stryker disable next-line UnaryOperator: applyGateRules reads capGrade only for a gate that neither zeroes nor caps the score
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
  // Stryker disable next-line ConditionalExpression: a new frozen entry is equal to the cached one (the map is only a cache)
  if (m === undefined) {
    m = Object.freeze({ policy: card.missing, kpis: Object.freeze([]) as unknown as string[] });
    noMissing.set(card, m);
  }
  return m;
}

const weightRecords = new WeakMap<readonly Decimal[], Record<string, Decimal>>();

/** The weights as a record by KPI id; frozen and cached when `shared`. @internal */
export function weightRecord(card: CompiledScorecard, weights: readonly Decimal[], shared: boolean): Record<string, Decimal> {
  // Stryker disable next-line ConditionalExpression,BlockStatement: skipping the cache builds an equal frozen record; a weights array that is not shared is new and never in the cache
  if (shared) {
    const cached = weightRecords.get(weights);
    // Stryker disable next-line ConditionalExpression: skipping the cache builds an equal frozen record
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

/** The grade step of a final score (its text shared per pair of grades). @internal */
export function gradeStepOf(card: CompiledScorecard, score: Decimal, byScore: number, final: number): KpiGradeStep {
  let texts = gradeSteps.get(card);
  // Stryker disable next-line ConditionalExpression: a new map only misses the cache: the texts are built again, equal
  if (texts === undefined) gradeSteps.set(card, (texts = new Map()));
  // Stryker disable next-line ArithmeticOperator: each of these keys is still one-to-one on the pairs of grade indexes (-1 to 1,022), so no two pairs share a text
  const key = (byScore + 1) * 1024 + (final + 1);
  let t = texts.get(key);
  // Stryker disable next-line ConditionalExpression: building the text again gives the same text (the map is only a cache)
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
  // Stryker disable next-line ConditionalExpression: building the watches again gives the same watches (the map is only a cache)
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
    // Stryker disable next-line ConditionalExpression: with no anchor the threshold stays null and the check below skips the KPI, as here
    } else if (w.anchor !== null) {
      where = "its scoring's highest threshold";
      threshold = w.anchor;
    }
    // Stryker disable next-line ConditionalExpression,LogicalOperator: where and threshold are set together, so either test alone (or both) decides the same
    if (where === null || threshold === null) continue;
    const shown = a.toFixed();
    out.push({ code: 'percent-like-metric', message: M.percentLikeMetric(kpi.id, shown, threshold.toFixed(), where, percentHint(shown)), path: ['actuals', kpi.id] });
  }
  return out;
}
