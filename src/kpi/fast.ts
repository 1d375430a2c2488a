// The batch fast path: when a scorecard rounds its points, every figure of a dealer with
// plain-number inputs and a single stage is a small scaled integer, so the rules of rules.ts run on
// exact scaled integers (core/scaled) and the figures become Decimals with decimalFromScaled. A
// dealer the fast path cannot take (strings, Decimals, missing actuals, proration, a figure too big
// for the scaled arithmetic, any error) goes through the general path, which gives the same result
// (test/props/kpi.props.test.ts checks both paths against each other). A result's `steps` are built
// on first read, from a copy of the dealer's figures (see LazyResult and buildSteps).
import { ZERO, type Decimal } from '../core/decimal.js';
import type { Warning } from '../core/result.js';
import { compareScaled, decimalFromScaled, divRound, isTooBig, POW10, rescale } from '../core/scaled.js';
import { scaledOf, type FastKpi, type FastPlan, type FastStage, type Scaled } from './fast-plan.js';
import { applyGateRules, gateHolds, gradeRule, lastAtOrBelow, linearPoints } from './rules.js';
import { singleStage } from './read.js';
import { closingSteps, percentWarnings, type KpiGateResult, type KpiScoreResult } from './score.js';
import { pointsStep, type KpiPointsStep, type KpiStep } from './steps.js';

export { planFast, scaledOf, type FastPlan } from './fast-plan.js';

const LIMIT = 2 ** 52;

function countKeys(o: object): number {
  let n = 0;
  // Stryker disable next-line ConditionalExpression: counting an inherited key too only makes readFast decline; declining only hands the dealer to the general path, which gives the same result (test/props/kpi.props.test.ts)
  for (const key in o) if (Object.prototype.hasOwnProperty.call(o, key)) n++;
  return n;
}

function isPlainRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A dealer scored on the fast path, with its ranking key (the score at scale keyScale). */
type FastScore = { result: KpiScoreResult; key: number; keyScale: number };

/**
 * One batch's scratch space for a dealer, per KPI: its scaled actual `u × 10^-s` (1 or 0 for a
 * pass/fail KPI), target (`tu` NaN when none), attainment and points at R (NaN when none) and clamp
 * (0 none, 1 floor, 2 cap); and `raw`, the figures as given (actuals by KPI, then the given targets
 * as KPI index and value), of which each result keeps a copy. Its results' steps are built in it
 * too (after the batch), sharing what repeats: the frozen step of a line on a KPI's default target
 * per stage and scaled actual, and Decimals per scale and value (immutable, so results may share
 * them; each map holds at most 65,536). @internal
 */
export interface FastScratch {
  plan: FastPlan;
  lines: Map<FastStage, Map<number, KpiPointsStep>[]>;
  decimals: Map<number, Decimal>[];
  u: number[];
  s: number[];
  tu: number[];
  ts: number[];
  att: number[];
  q: number[];
  clamp: number[];
  raw: number[];
}

/** The scratch space of a batch on a plan (number arrays, never holding anything else). @internal */
export function fastScratch(plan: FastPlan): FastScratch {
  const n = plan.kpis.length;
  // Stryker disable next-line ArrayDeclaration: presizing only keeps the arrays dense; an empty array fills the same
  const numbers = (length: number) => new Array<number>(length).fill(0.5);
  return { plan, lines: new Map(), decimals: [], u: numbers(n), s: numbers(n), tu: numbers(n), ts: numbers(n), att: numbers(n), q: numbers(n), clamp: numbers(n), raw: numbers(3 * n) };
}

const SHARED = 1 << 16;

/** The Decimal `u × 10^-s`, shared within the batch. */
function decimalOf(sc: FastScratch, u: number, s: number): Decimal {
  const m = (sc.decimals[s] ??= new Map());
  let d = m.get(u);
  // Stryker disable next-line ConditionalExpression: building the Decimal again gives an equal one (the map is only a cache)
  if (d === undefined) {
    d = decimalFromScaled(u, s);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the bound only limits the cache's memory
    if (m.size < SHARED) m.set(u, d);
  }
  return d;
}

const CLAMPS = [null, 'floor', 'cap'] as const;

/** A dealer's fields, each read once, when the fast path can take them (a known single stage, plain records, an id if any, no unknown field), else null. */
function readFast(plan: FastPlan, input: unknown): { stage: FastStage; id: string | number | undefined; actuals: Record<string, unknown>; targets: Record<string, unknown> | undefined } | null {
  if (!isPlainRecord(input)) return null;
  const { stage: name, id, actuals, targets } = input;
  // Stryker disable next-line ConditionalExpression: a stage name that is not a string is no key of the map: readFast declines either way
  const stage = typeof name === 'string' ? plan.stages.get(name) : undefined;
  if (stage === undefined || (id !== undefined && typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id)))) return null;
  if (!isPlainRecord(actuals) || (targets !== undefined && !isPlainRecord(targets))) return null;
  const fields = 2 + (id === undefined ? 0 : 1) + (targets === undefined ? 0 : 1);
  return countKeys(input) === fields && countKeys(actuals) === plan.kpis.length ? { stage, id, actuals, targets } : null;
}

type FastInput = NonNullable<ReturnType<typeof readFast>>;

/** A KPI's points at scale R by the rules (bands, or a linear scoring with its bounds), its clamp in the scratch space; NaN sends the dealer back. */
function pointsAt(plan: FastPlan, f: FastKpi, as: Scaled, att: number, k: number, sc: FastScratch): number {
  sc.clamp[k] = 0;
  if (f.kind === 'bands') {
    const x = f.onAttainment ? att : as[0];
    const xs = f.onAttainment ? plan.R : as[1];
    const bands = f.bandFrom;
    const j = lastAtOrBelow(bands.length, (b) => compareScaled(x, xs, bands[b]![0], bands[b]![1]));
    return j < 0 ? f.belowQ : f.bandQ[j]!; // NaN when undecidable or below the bands without a below score
  }
  const p = linearPoints(plan.arith, f.kind as 'ratio' | 'reduction' | 'deviation', att, f.floor, f.cap);
  // Stryker disable next-line ConditionalExpression: linearPoints answers null only on NaN, and the scaled comparisons here are of safe integers, never NaN
  if (p === null) return NaN;
  sc.clamp[k] = p.clamp === null ? 0 : p.clamp === 'floor' ? 1 : 2;
  return p.points;
}

/**
 * One KPI's contribution at scale S (points at R × the weight at the stage's scale), its actual
 * and target left in the scratch space; NaN sends the dealer to the general path.
 */
function lineOf(plan: FastPlan, f: FastKpi, w: number, k: number, a: unknown, tRaw: unknown, sc: FastScratch): number {
  if (f.kind === 'boolean') {
    if (typeof a !== 'boolean' || tRaw !== undefined || f.target !== null) return NaN;
    sc.u[k] = a ? 1 : 0;
    sc.att[k] = NaN;
    sc.clamp[k] = 0;
    sc.q[k] = a ? f.passQ : f.failQ;
    return sc.q[k]! * w;
  }
  if (typeof a !== 'number') return NaN;
  const as = scaledOf(a);
  if (as === null) return NaN;
  // The target: given, or the KPI's default.
  let ts = f.target;
  if (tRaw !== undefined) {
    if (typeof tRaw !== 'number' || (ts = scaledOf(tRaw)) === null) return NaN;
  }
  if (ts === null ? f.kind !== 'bands' || f.onAttainment : !(ts[0] > 0)) return NaN;
  // Attainment at scale R: a × 100 / t = ua × 10^(st + 2 + R) / (ut × 10^sa), rounded once.
  const att = ts === null ? NaN : divRound(rescale(as[0], 0, ts[1] + 2 + plan.R), rescale(ts[0], 0, as[1]), plan.code);
  if (ts !== null && isTooBig(att)) return NaN;
  const q = pointsAt(plan, f, as, att, k, sc);
  const c = q * w;
  if (!(Math.abs(c) < LIMIT)) return NaN;
  sc.att[k] = att;
  sc.q[k] = q;
  sc.u[k] = as[0];
  sc.s[k] = as[1];
  sc.tu[k] = ts === null ? NaN : ts[0];
  sc.ts[k] = ts === null ? 0 : ts[1];
  return c;
}

/** A KPI's actual as the result shows it: true/false, or the Decimal of its scaled value. */
function actualOf(plan: FastPlan, sc: FastScratch, k: number): Decimal | boolean {
  return plan.kpis[k]!.kind === 'boolean' ? sc.u[k] === 1 : decimalFromScaled(sc.u[k]!, sc.s[k]!);
}

/** The gates' pass/fail on the dealer's actuals (a scaled actual against each gate's value); null when undecidable. */
function gatesPassed(plan: FastPlan, sc: FastScratch): boolean[] | null {
  // Stryker disable next-line ArrayDeclaration: presizing only saves growth
  const passed = new Array<boolean>(plan.gates.length);
  for (let g = 0; g < plan.gates.length; g++) {
    const pg = plan.gates[g]!;
    const k = pg.kpiIndex;
    const actual: Scaled | boolean = plan.kpis[k]!.kind === 'boolean' ? sc.u[k] === 1 : [sc.u[k]!, sc.s[k]!];
    const held = gateHolds<Scaled>(pg.gate.op, actual, pg.value, (a, b) => compareScaled(a[0], a[1], b[0], b[1]));
    if (held === null) return null;
    passed[g] = held;
  }
  return passed;
}

/** The `percent-like-metric` warnings, when a ratio-named KPI looks given as a percentage (checked in integers first). */
function warningsOf(plan: FastPlan, sc: FastScratch): Warning[] {
  // Stryker disable next-line BooleanLiteral: the integer test only skips percentWarnings, which checks every KPI itself
  let suspect = false;
  for (const { index: k, always } of plan.watch) {
    // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral,EqualityOperator: a pass/fail KPI is never watched, and a suspect actual of 1 or less is left out by percentWarnings itself
    if (plan.kpis[k]!.kind === 'boolean' || !(sc.u[k]! > POW10[sc.s[k]!]!)) continue;
    if (always || sc.tu[k]! <= POW10[sc.ts[k]!]!) suspect = true;
  }
  // Stryker disable next-line ConditionalExpression: calling percentWarnings anyway finds nothing where the integer test found nothing
  if (!suspect) return [];
  const n = plan.kpis.length;
  // Stryker disable next-line ArrayDeclaration: presizing only saves growth
  const values = new Array<Decimal | boolean>(n);
  // Stryker disable next-line ArrayDeclaration: presizing only saves growth
  const targets = new Array<Decimal | null>(n);
  for (let k = 0; k < n; k++) {
    values[k] = actualOf(plan, sc, k);
    targets[k] = sc.tu[k]! > 0 ? decimalFromScaled(sc.tu[k]!, sc.ts[k]!) : null;
  }
  return percentWarnings(plan.card, values, targets);
}

/** Gates, score and grade by the rules on the weighted sum, then the result; null sends the dealer back. */
function finish(plan: FastPlan, d: FastInput, sum: number, S: number, sc: FastScratch, rawLength: number): FastScore | null {
  const { stage } = d;
  const card = plan.card;
  const G = stage.G;
  const passed = gatesPassed(plan, sc);
  const sumG = rescale(sum, S, G);
  if (passed === null || isTooBig(sumG)) return null;
  const gated = applyGateRules(stage.arith, stage.effects, passed, sumG);
  if (gated === null || isTooBig(gated.score)) return null;
  const score = gated.score;
  const { byScore, final } = gradeRule(stage.arith, stage.mins, score, gated.gradeCap);
  if (byScore !== byScore) return null;
  // Stryker disable next-line ArrayDeclaration: presizing only saves growth
  const gates = new Array<KpiGateResult>(plan.gates.length);
  for (let g = 0; g < plan.gates.length; g++) {
    const { gate, kpiIndex } = plan.gates[g]!;
    gates[g] = { kpi: gate.kpi, op: gate.op, value: gate.value, actual: actualOf(plan, sc, kpiIndex), passed: passed[g]!, effect: gate.effect, adjustment: decimalFromScaled(gated.adjustments[g]!, G) };
  }
  const weighted = decimalFromScaled(sum, S);
  const result = new LazyResult(
    d.id === undefined ? null : d.id,
    // Stryker disable next-line ConditionalExpression: the ungated score at G is the same Decimal value as the weighted sum at S
    score === sumG ? weighted : decimalFromScaled(score, G),
    weighted,
    final === -1 ? null : card.grades[final]!.grade,
    byScore === -1 ? null : card.grades[byScore]!.grade,
    gates,
    stage,
    warningsOf(plan, sc),
    { sc, stage, raw: sc.raw.slice(0, rawLength), steps: null },
  );
  return { result, key: score, keyScale: G };
}

/** Scores a dealer on the fast path, or returns null to send it to the general path. @internal */
export function scoreFast(plan: FastPlan, input: unknown, sc: FastScratch): FastScore | null {
  const d = readFast(plan, input);
  if (d === null) return null;
  const { stage, actuals, targets } = d;
  const n = plan.kpis.length;
  let given = 0;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const f = plan.kpis[k]!;
    const a = actuals[f.kpi.id];
    const tRaw = targets === undefined ? undefined : targets[f.kpi.id];
    const c = lineOf(plan, f, stage.w[k]!, k, a, tRaw, sc);
    // Stryker disable next-line ConditionalExpression: a NaN line makes the sum NaN, which the bound on the sum below declines
    if (c !== c) return null;
    sum += c;
    sc.raw[k] = typeof a === 'boolean' ? (a ? 1 : 0) : (a as number);
    if (tRaw !== undefined) {
      sc.raw[n + 2 * given] = k;
      sc.raw[n + 2 * given + 1] = tRaw as number;
      given++;
    }
  }
  // Stryker disable next-line ConditionalExpression: without targets countKeys(undefined) is 0, which equals the 0 targets given
  if (targets !== undefined && countKeys(targets) !== given) return null;
  if (!(Math.abs(sum) < LIMIT)) return null;
  return finish(plan, d, sum, plan.R + stage.scale, sc, n + 2 * given);
}

// ---- results whose steps are built on first read ----

/** What a fast result keeps to build its steps (its batch, stage and figures as given, see FastScratch.raw), and the steps once built or set. */
interface Lines {
  sc: FastScratch;
  stage: FastStage;
  raw: number[];
  steps: KpiStep[] | null;
}

const LINES = Symbol('dealerkit.kpi.lines');

type LazyResult = KpiScoreResult & { rank: number; percentileRank: Decimal; [LINES]: Lines };

function setSteps(this: LazyResult, steps: KpiStep[]): void {
  this[LINES].steps = steps;
}

/** The steps of a fast result: built on first read (see buildSteps), then kept. */
function readSteps(this: LazyResult): KpiStep[] {
  const lines = this[LINES];
  return (lines.steps ??= buildSteps(lines, this));
}

/**
 * A KPI line's step, scored again from the figures kept (in the scratch space), each figure a
 * Decimal in the step scoreDealer builds (steps.ts writes the sentence of both); a line on the
 * KPI's default target is shared, frozen, by every dealer of the batch with the same actual.
 */
function lineStep(sc: FastScratch, stage: FastStage, k: number, a: number | boolean, target: number | undefined): KpiPointsStep {
  const { plan } = sc;
  const f = plan.kpis[k]!;
  const c = lineOf(plan, f, stage.w[k]!, k, a, target, sc);
  const u = sc.u[k]!;
  const key = f.kind === 'boolean' ? u : target === undefined && Math.abs(u) < 2 ** 48 ? u * 16 + sc.s[k]! : NaN;
  let memos = sc.lines.get(stage);
  // Stryker disable next-line ConditionalExpression: a new memo map only misses the cache: the line is scored again, equal
  if (memos === undefined) sc.lines.set(stage, (memos = plan.kpis.map(() => new Map())));
  const hit = memos[k]!.get(key);
  // Stryker disable next-line ConditionalExpression: missing the cache scores the line again, equal
  if (hit !== undefined) return hit;
  const att = sc.att[k]!;
  const figures = {
    kpi: f.kpi.id,
    label: f.kpi.label,
    rule: f.kpi.scoring.type,
    actual: f.kind === 'boolean' ? u === 1 : decimalOf(sc, u, sc.s[k]!),
    target: target === undefined ? f.kpi.target : decimalOf(sc, sc.tu[k]!, sc.ts[k]!),
    attainment: att === att ? decimalOf(sc, att, plan.R) : null,
    points: decimalOf(sc, sc.q[k]!, plan.R),
    clamp: CLAMPS[sc.clamp[k]!]!,
    weight: plan.card.stages.get(stage.name)![k]!,
    contribution: decimalOf(sc, c, plan.R + stage.scale),
    missing: false,
  };
  const step = pointsStep(figures);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: the bound only limits the cache's memory; not caching scores each line again, equal
  if (key === key && memos[k]!.size < SHARED) memos[k]!.set(key, Object.freeze(step));
  return step;
}

/** The steps of a fast result: the stage, each KPI line (see lineStep), then the weighted score, gates, score and grade of the result. */
function buildSteps({ sc, stage, raw }: Lines, result: LazyResult): KpiStep[] {
  const card = sc.plan.card;
  const n = card.kpis.length;
  // Stryker disable next-line ArrayDeclaration: presizing only saves growth
  const targets = new Array<number | undefined>(n);
  // Stryker disable next-line EqualityOperator: one step past the end writes undefined under the key 'undefined', which no KPI index reads
  for (let i = n; i < raw.length; i += 2) targets[raw[i]!] = raw[i + 1];
  const steps: KpiStep[] = [singleStage(card, stage.name).step];
  for (let k = 0; k < n; k++) steps.push(lineStep(sc, stage, k, card.kpis[k]!.isBoolean ? raw[k] === 1 : raw[k]!, targets[k]));
  const ws = { sum: result.weightedScore, weightedScore: result.weightedScore, contributions: n, rounding: null };
  const index = (grade: string | null) => card.grades.findIndex((g) => g.grade === grade);
  return closingSteps(card, ws, result.gates, result.score, index(result.gradeByScore), index(result.grade), steps);
}

/** `steps` as an own, enumerable, configurable accessor: JSON.stringify, spreading and toEqual read it like a field, and it takes an assignment like one. */
const LAZY_STEPS: PropertyDescriptor = { get: readSteps, set: setSteps, enumerable: true, configurable: true };

/**
 * A fast result: a plain object (its prototype is Object.prototype) with the general path's fields
 * in the general path's order, its `steps` built on first read (the figures are exact already; the
 * steps' Decimals and sentences are what a batch of 100,000 dealers would otherwise spend most of
 * its time and memory on). The figures kept for it live under a symbol that is not enumerable.
 */
function initResult(this: LazyResult, id: string | number | null, score: Decimal, weighted: Decimal, grade: string | null, gradeByScore: string | null, gates: KpiGateResult[], stage: FastStage, warnings: Warning[], lines: Lines): void {
  this.id = id;
  this.score = score;
  this.weightedScore = weighted;
  this.grade = grade;
  this.gradeByScore = gradeByScore;
  this.gates = gates;
  this.weights = stage.record as Record<string, Decimal>;
  this.stageShares = stage.shares;
  this.policy = 'single';
  this.missing = stage.missing;
  this.warnings = warnings;
  Object.defineProperty(this, 'steps', LAZY_STEPS);
  this.rank = 0;
  this.percentileRank = ZERO;
  Object.defineProperty(this, LINES, { value: lines });
}
initResult.prototype = Object.prototype;
const LazyResult = initResult as unknown as new (...args: Parameters<typeof initResult>) => LazyResult;

