// The batch fast path: when a scorecard rounds its points, every figure of a dealer with
// plain-number inputs and a single stage is a small scaled integer, so the rules of rules.ts run on
// exact scaled integers (core/scaled) and the figures become Decimals with decimalFromScaled. A
// dealer the fast path cannot take (strings, Decimals, missing actuals, proration, a figure too big
// for the scaled arithmetic, any error) goes through the general path, which gives the same result
// (test/props/kpi.props.test.ts checks both paths against each other).
import { Decimal, ZERO } from '../core/decimal.js';
import type { Warning } from '../core/result.js';
import { compareScaled, divRound, isTooBig, POW10, rescale } from '../core/scaled.js';
import { CACHE_LIMIT, DecimalCache, flat, scaledFixed, scaledPlain } from './fast-text.js';
import { scaledOf, type FastKpi, type FastPlan, type FastStage, type Scaled } from './fast-plan.js';
import { KPI_WORDS as W } from './messages.js';
import { applyGateRules, gateHolds, gradeRule, lastAtOrBelow, linearPoints, type KpiClamp } from './rules.js';
import type { CompiledScorecard } from './scorecard.js';
import { gateStepOf, gradeStepOf, noneMissing, percentWarnings, type KpiGateResult, type KpiScoreResult } from './score.js';
import { TEXT_PLACES, pointsLineText, ruleText, scoreText, type KpiPointsStep, type KpiStep } from './steps.js';

export { DecimalCache, scaledFixed, scaledPlain } from './fast-text.js';
export { planFast, scaledOf, type FastPlan } from './fast-plan.js';

const LIMIT = 2 ** 52;
const STEP_CACHE_LIMIT = 4096;
const KEY_LIMIT = 2 ** 48;

function countKeys(o: object): number {
  let n = 0;
  for (const key in o) if (Object.prototype.hasOwnProperty.call(o, key)) n++;
  return n;
}

function isPlainRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A dealer scored on the fast path, with its ranking key (the score at scale keyScale). */
type FastScore = { result: KpiScoreResult; key: number; keyScale: number };

const cmpScaled = (a: Scaled, b: Scaled): number => compareScaled(a[0], a[1], b[0], b[1]);

/** A dealer's fields when the fast path can take them: a known single stage, plain records, no unknown field. */
interface FastInput {
  stage: FastStage;
  id: string | number | undefined;
  actuals: Record<string, unknown>;
  targets: Record<string, unknown> | undefined;
}

function readFast(plan: FastPlan, input: unknown): FastInput | null {
  if (!isPlainRecord(input)) return null;
  const stageName = input.stage;
  if (typeof stageName !== 'string') return null;
  const stage = plan.stages.get(stageName);
  if (stage === undefined) return null;
  const id = input.id;
  if (id !== undefined && typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) return null;
  const actuals = input.actuals;
  const targets = input.targets;
  if (!isPlainRecord(actuals) || (targets !== undefined && !isPlainRecord(targets))) return null;
  // Only known fields: stage, actuals, and optionally id and targets.
  const fields = 2 + (id === undefined ? 0 : 1) + (targets === undefined ? 0 : 1);
  if (countKeys(input) !== fields || countKeys(actuals) !== plan.kpis.length) return null;
  return { stage, id, actuals, targets };
}

/** A pass/fail KPI's line: its contribution at scale S, its step shared per answer. NaN sends the dealer back. */
function booleanLine(f: FastKpi, stage: FastStage, k: number, a: unknown, tRaw: unknown, S: number, R: number, cache: DecimalCache): number {
  if (typeof a !== 'boolean' || tRaw !== undefined || f.target !== null) return NaN;
  const q = a ? f.passQ : f.failQ;
  const c = q * stage.w[k]!;
  cache.values[k] = a;
  cache.targets[k] = null;
  const memo = stage.steps[k]!;
  let step = memo.get(a ? 1 : 0);
  if (step === undefined) {
    const pointsText = scaledFixed(q, R, TEXT_PLACES);
    const text = pointsLineText({ label: f.kpi.label, actual: a ? W.yes : W.no, target: null, attainment: null, points: pointsText, rule: ruleText('boolean', null, pointsText), weight: stage.weightTexts[k]!, contribution: scaledFixed(c, S, TEXT_PLACES) });
    step = lineStep(f, stage.weights[k]!, { actual: a, target: null, attainment: null, points: a ? f.pass : f.fail, clamp: null }, cache.get(c, S), text, true);
    memo.set(a ? 1 : 0, step);
  }
  cache.steps[1 + k] = step;
  return c;
}

/** A KPI's points at scale R by the rules (bands, or a linear scoring with its bounds); null sends the dealer back. */
function pointsAt(plan: FastPlan, f: FastKpi, as: Scaled, att: number): { q: number; band: Decimal | null; clamp: KpiClamp } | null {
  if (f.kind === 'bands') {
    const x = f.onAttainment ? att : as[0];
    const xs = f.onAttainment ? plan.R : as[1];
    const bands = f.bandFrom;
    const j = lastAtOrBelow(bands.length, (b) => compareScaled(x, xs, bands[b]![0], bands[b]![1]));
    if (j !== j || (j < 0 && f.below === null)) return null;
    return j < 0 ? { q: f.belowQ, band: f.below, clamp: null } : { q: f.bandQ[j]!, band: f.bandScore[j]!, clamp: null };
  }
  const p = linearPoints(plan.arith, f.kind as 'ratio' | 'reduction' | 'deviation', att, f.floor, f.cap);
  return p === null ? null : { q: p.points, band: null, clamp: p.clamp };
}

/**
 * A numeric KPI's line: attainment, points and contribution in scaled integers, the step shared
 * when the line is on the KPI's default target. Returns the contribution at scale S, or NaN.
 */
function numericLine(plan: FastPlan, f: FastKpi, stage: FastStage, k: number, a: unknown, tRaw: unknown, S: number, targetCache: { n: number; d: Decimal }[], cache: DecimalCache): number {
  if (typeof a !== 'number') return NaN;
  const as = scaledOf(a);
  if (as === null) return NaN;
  // The target: given, or the KPI's default.
  let ts: Scaled | null;
  let target: Decimal | null;
  if (tRaw === undefined) {
    ts = f.target;
    target = f.kpi.target;
  } else {
    if (typeof tRaw !== 'number') return NaN;
    ts = scaledOf(tRaw);
    if (ts === null) return NaN;
    const cached = targetCache[k];
    if (cached !== undefined && cached.n === tRaw) target = cached.d;
    else {
      target = cache.get(ts[0], ts[1]);
      targetCache[k] = { n: tRaw, d: target };
    }
  }
  if (ts !== null && !(ts[0] > 0)) return NaN;
  if (ts === null && (f.kind !== 'bands' || f.onAttainment)) return NaN;
  const R = plan.R;
  // Attainment at scale R: a × 100 / t = ua × 10^(st + 2 + R) / (ut × 10^sa), rounded once.
  let att = NaN;
  if (ts !== null) {
    att = divRound(rescale(as[0], 0, ts[1] + 2 + R), rescale(ts[0], 0, as[1]), plan.code);
    if (isTooBig(att)) return NaN;
  }
  const p = pointsAt(plan, f, as, att);
  if (p === null) return NaN;
  const q = p.q;
  const c = q * stage.w[k]!;
  if (!(Math.abs(c) < LIMIT)) return NaN;
  cache.u[k] = as[0];
  cache.s[k] = as[1];
  cache.targets[k] = target;
  if (ts !== null) {
    cache.tu[k] = ts[0];
    cache.ts[k] = ts[1];
  }
  // A line on the KPI's default target is the same for every dealer with the same actual: built once.
  const memoKey = tRaw === undefined && Math.abs(as[0]) < KEY_LIMIT ? as[0] * 16 + as[1] : NaN;
  const memo = stage.steps[k]!;
  const hit = Number.isNaN(memoKey) ? undefined : memo.get(memoKey);
  if (hit !== undefined) {
    // The shared step's actual is read only when a gate compares it.
    if (plan.gated[k]) cache.values[k] = hit.actual as Decimal;
    cache.steps[1 + k] = hit;
    return c;
  }
  const actual = cache.get(as[0], as[1]);
  cache.values[k] = actual;
  const attainment = ts === null ? null : cache.get(att, R);
  const points = p.band ?? (q === att ? attainment! : cache.get(q, R));
  const shared = !Number.isNaN(memoKey) && memo.size < STEP_CACHE_LIMIT;
  const targetText = ts === null ? null : tRaw === undefined ? f.targetText : cache.plain(ts[0], ts[1]);
  const figures = { actual, target, attainment, points, clamp: p.clamp };
  const contribution = cache.get(c, S);
  if (ts !== null && !shared) {
    // A dealer of its own (its own target): the sentence's end, from the attainment on, is shared
    // by every dealer with the same attainment; only its start is new.
    const tails = stage.tails[k]!;
    let tail = tails.get(att);
    if (tail === undefined) {
      const attText = scaledFixed(att, R, TEXT_PLACES);
      const pointsText = q === att ? attText : scaledFixed(q, R, TEXT_PLACES);
      tail = flat(W.pointsTail(attText, pointsText, ruleText(f.kpi.scoring.type, p.clamp, pointsText), stage.weightTexts[k]!, scaledFixed(c, S, TEXT_PLACES)));
      if (tails.size < CACHE_LIMIT) tails.set(att, tail);
    }
    cache.steps[1 + k] = lineStep(f, stage.weights[k]!, figures, contribution, W.pointsHead(f.kpi.label, scaledPlain(as[0], as[1]), targetText!) + tail, false);
    return c;
  }
  const attText = ts === null ? null : scaledFixed(att, R, TEXT_PLACES);
  const pointsText = q === att && attText !== null ? attText : scaledFixed(q, R, TEXT_PLACES);
  const rule = ruleText(f.kpi.scoring.type, p.clamp, pointsText);
  const line = { label: f.kpi.label, actual: scaledPlain(as[0], as[1]), target: targetText, attainment: attText, points: pointsText, rule };
  const text = pointsLineText({ ...line, weight: stage.weightTexts[k]!, contribution: scaledFixed(c, S, TEXT_PLACES) });
  const step = lineStep(f, stage.weights[k]!, figures, contribution, text, shared);
  if (shared) memo.set(memoKey, step);
  cache.steps[1 + k] = step;
  return c;
}

/** The gates' pass/fail on the dealer's actuals (a scaled actual against each gate's value); null when undecidable. */
function gatesPassed(plan: FastPlan, cache: DecimalCache): boolean[] | null {
  const passed = new Array<boolean>(plan.gates.length);
  for (let g = 0; g < plan.gates.length; g++) {
    const pg = plan.gates[g]!;
    const k = pg.kpiIndex;
    const av = cache.values[k]!;
    const held = gateHolds<Scaled>(pg.gate.op, typeof av === 'boolean' ? av : [cache.u[k]!, cache.s[k]!], pg.value, cmpScaled);
    if (held === null) return null;
    passed[g] = held;
  }
  return passed;
}

/** True when a ratio-named KPI looks given as a percentage (checked in integers first). */
function looksLikePercent(plan: FastPlan, cache: DecimalCache): boolean {
  for (let w = 0; w < plan.watch.length; w++) {
    const x = plan.watch[w]!;
    const k = x.index;
    if (plan.kpis[k]!.kind === 'boolean' || !(cache.u[k]! > POW10[cache.s[k]!]!)) continue;
    if (x.always || (cache.targets[k] !== null && cache.tu[k]! <= POW10[cache.ts[k]!]!)) return true;
  }
  return false;
}

/** Gates, score and grade by the rules on the weighted sum, then the result with its steps; null sends the dealer back. */
function finish(plan: FastPlan, card: CompiledScorecard, d: FastInput, sum: number, S: number, cache: DecimalCache): FastScore | null {
  const { stage } = d;
  const n = plan.kpis.length;
  const G = stage.G;
  const passed = gatesPassed(plan, cache);
  const sumG = rescale(sum, S, G);
  if (passed === null || isTooBig(sumG)) return null;
  const gated = applyGateRules(stage.arith, stage.effects, passed, sumG);
  if (gated === null || isTooBig(gated.score)) return null;
  const score = gated.score;
  const { byScore, final } = gradeRule(stage.arith, stage.mins, score, gated.gradeCap);
  if (byScore !== byScore) return null;
  const gates = new Array<KpiGateResult>(plan.gates.length);
  for (let g = 0; g < plan.gates.length; g++) {
    const { gate, kpiIndex } = plan.gates[g]!;
    gates[g] = { kpi: gate.kpi, op: gate.op, value: gate.value, actual: cache.values[kpiIndex]!, passed: passed[g]!, effect: gate.effect, adjustment: cache.get(gated.adjustments[g]!, G) };
  }
  const weighted = cache.get(sum, S);
  const finalScore = score === sumG ? weighted : cache.get(score, G);
  const ng = gates.length;
  const out = new Array<KpiStep>(n + 2 + ng + (score !== sumG ? 1 : 0) + (card.grades.length > 0 ? 1 : 0));
  for (let k = 0; k <= n; k++) out[k] = cache.steps[k]!;
  let at = n + 1;
  out[at++] = { code: 'weighted-score', sum: weighted, weightedScore: weighted, contributions: n, rounding: null, text: cache.weightedText(sum, S, n) };
  for (let g = 0; g < ng; g++) out[at++] = gateStepOf(card, gates[g]!, g);
  if (score !== sumG) {
    const sc = { weightedScore: weighted, adjustment: cache.get(score - sumG, G), score: finalScore };
    out[at++] = { code: 'score', ...sc, text: scoreText(sc) };
  }
  if (card.grades.length > 0) out[at] = gradeStepOf(card, finalScore, byScore, final, plan.gradeTexts);
  let warnings: Warning[] = [];
  if (looksLikePercent(plan, cache)) {
    const values = new Array<Decimal | boolean>(n);
    for (let k = 0; k < n; k++) values[k] = plan.kpis[k]!.kind === 'boolean' ? (cache.values[k] as boolean) : cache.get(cache.u[k]!, cache.s[k]!);
    warnings = percentWarnings(card, values, cache.targets.slice(0, n));
  }
  // The batch's rank fields are laid out now (filled in after the ranking), in the order the general path adds them.
  const grade = final === -1 ? null : card.grades[final]!.grade;
  const gradeByScore = byScore === -1 ? null : card.grades[byScore]!.grade;
  const id = d.id === undefined ? null : d.id;
  const weights = stage.record as Record<string, Decimal>;
  const result: KpiScoreResult & { rank: number; percentileRank: Decimal } = { id, score: finalScore, weightedScore: weighted, grade, gradeByScore, gates, weights, stageShares: stage.shares, policy: 'single', missing: noneMissing(card), warnings, steps: out, rank: 0, percentileRank: ZERO };
  return { result, key: score, keyScale: G };
}

/**
 * Scores a dealer on the fast path, or returns null to send it to the general path. `targetCache`
 * holds the last target Decimal per KPI, so a column of equal targets builds one Decimal. @internal
 */
export function scoreFast(plan: FastPlan, card: CompiledScorecard, input: unknown, targetCache: { n: number; d: Decimal }[], cache: DecimalCache): FastScore | null {
  const d = readFast(plan, input);
  if (d === null) return null;
  const { stage, actuals, targets } = d;
  const n = plan.kpis.length;
  const S = plan.R + stage.scale;
  // The stage step, one per KPI, then the weighted score, gates, score and grade: built in scratch, copied at the end.
  cache.steps[0] = stage.step;
  let targetCount = 0;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const f = plan.kpis[k]!;
    const a = actuals[f.kpi.id];
    let tRaw: unknown = undefined;
    if (targets !== undefined) {
      tRaw = targets[f.kpi.id];
      if (tRaw !== undefined) targetCount++;
    }
    const c = f.kind === 'boolean' ? booleanLine(f, stage, k, a, tRaw, S, plan.R, cache) : numericLine(plan, f, stage, k, a, tRaw, S, targetCache, cache);
    if (c !== c) return null;
    sum += c;
  }
  if (targets !== undefined && countKeys(targets) !== targetCount) return null;
  if (!(Math.abs(sum) < LIMIT)) return null;
  return finish(plan, card, d, sum, S, cache);
}

/** A KPI line with its sentence; frozen when `shared` (every dealer with the same figures gets the same object). */
function lineStep(f: FastKpi, weight: Decimal, figures: Pick<KpiPointsStep, 'actual' | 'target' | 'attainment' | 'points' | 'clamp'>, contribution: Decimal, text: string, shared: boolean): KpiPointsStep {
  // The keys in the order of the Decimal path's step (results are compared as JSON).
  const { actual, target, attainment, points, clamp } = figures;
  const { id: kpi, label } = f.kpi;
  const step: KpiPointsStep = { code: 'kpi-points', kpi, label, rule: f.kpi.scoring.type, actual, target, attainment, points, clamp, weight, contribution, missing: false, text: flat(text) };
  return shared ? Object.freeze(step) : step;
}
