// The batch fast path: when a scorecard rounds its points (pointsRounding), every figure of a
// dealer with plain-number inputs and a single stage is a small scaled integer, so it is computed
// exactly in doubles (all below 2^52) and turned into Decimals with decimalFromScaled. A dealer the
// fast path cannot take (strings, Decimals, missing actuals, proration, an overflow, any error) goes
// through the general path, which gives the same result (test/props/kpi.props.test.ts checks both
// paths against each other).
import { Decimal, ZERO } from '../core/decimal.js';
import { decimalFromScaled } from '../core/fast.js';
import { roundDecimal, type RoundingMode } from '../core/money.js';
import type { Warning } from '../core/result.js';
import { KPI_WORDS as W } from './messages.js';
import type { CompiledKpi } from './points.js';
import type { CompiledScorecard, KpiGate } from './scorecard.js';
import {
  fractionWatches,
  gateStepOf,
  gradeStepOf,
  gradeTextsOf,
  noneMissing,
  percentWarnings,
  type KpiGateResult,
  type KpiScoreResult,
  type KpiStageShare,
} from './score.js';
import {
  TEXT_PLACES,
  plainText,
  pointsLineText,
  ruleText,
  scoreText,
  weightText,
  type KpiPointsStep,
  type KpiStageStep,
  type KpiStep,
} from './steps.js';

const P10: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);
const LIMIT = 2 ** 52;
const MAX_SCALE = 9;

/** A value as `u × 10^-s` with |u| < 2^52, or null. */
type Scaled = [u: number, s: number];

/** The exact scaled form of a finite number with at most 9 decimals, or null. @internal */
export function scaledOf(x: number): Scaled | null {
  for (let s = 0; s <= MAX_SCALE; s++) {
    const u = Math.round(x * P10[s]!);
    if (!(Math.abs(u) < LIMIT)) return null;
    // Below 2^52 distinct multiples of 10^-s are distinct doubles: u / 10^s === x proves x = u × 10^-s.
    if (u / P10[s]! === x) return [u === 0 ? 0 : u, s];
  }
  return null;
}

function scaledOfDecimal(d: Decimal): Scaled | null {
  const s = d.decimalPlaces();
  if (s > MAX_SCALE) return null;
  const u = d.times(P10[s]!).toNumber();
  return Math.abs(u) < LIMIT ? [u, s] : null;
}

/** `u × 10^-from` at scale `to` (to ≥ from), or NaN when it would not stay exact. */
function rescale(u: number, from: number, to: number): number {
  if (to === from) return u;
  if (to < from) return NaN;
  const v = u * P10[to - from]!;
  return Math.abs(v) < LIMIT ? v : NaN;
}

/** Compares `a × 10^-sa` with `b × 10^-sb`: negative, zero, positive, or NaN when not exact. */
function compareScaled(a: number, sa: number, b: number, sb: number): number {
  if (sa === sb) return a - b;
  return sa < sb ? rescale(a, sa, sb) - b : a - rescale(b, sb, sa);
}

/** `n / d` (d > 0, |n| < 2^52) rounded to an integer by a rounding mode. */
function divRound(n: number, d: number, mode: RoundingMode): number {
  let q = Math.floor(n / d);
  let r = n - q * d;
  // For |n|, d < 2^52 the quotient's floor is exact; this guard only documents the invariant.
  /* v8 ignore next 4 */
  if (r < 0 || r >= d) {
    q += Math.floor(r / d);
    r = n - q * d;
  }
  if (r === 0) return q;
  const neg = n < 0;
  switch (mode) {
    case 'floor':
      return q;
    case 'ceiling':
      return q + 1;
    case 'down':
      return neg ? q + 1 : q;
    case 'up':
      return neg ? q : q + 1;
    default: {
      const twice = 2 * r;
      if (twice < d) return q;
      if (twice > d) return q + 1;
      if (mode === 'half-up') return neg ? q : q + 1;
      if (mode === 'half-down') return neg ? q + 1 : q;
      return q % 2 === 0 ? q : q + 1;
    }
  }
}

interface FastKpi {
  kpi: CompiledKpi;
  /** The KPI's default target as text, or null. */
  targetText: string | null;
  kind: 'ratio' | 'reduction' | 'deviation' | 'boolean' | 'bands';
  floor: number | null; // at scale R
  cap: number | null;
  pass: Decimal;
  passQ: number;
  fail: Decimal;
  failQ: number;
  bandFrom: Scaled[];
  bandScore: Decimal[];
  bandQ: number[];
  below: Decimal | null;
  belowQ: number;
  onAttainment: boolean;
  target: Scaled | null;
}

interface FastStage {
  weights: readonly Decimal[];
  w: number[];
  scale: number;
  record: Readonly<Record<string, Decimal>>;
  shares: KpiStageShare[];
  step: KpiStageStep;
  /** Each weight as text. */
  weightTexts: string[];
  /** Per KPI: the frozen steps already built for an actual (on the KPI's default target), by its scaled value. */
  steps: Map<number, KpiPointsStep>[];
  /** Per KPI with a target: the end of its sentence (from the attainment on), by the attainment at the points scale. */
  tails: Map<number, string>[];
}

/** What the fast path precomputes for a scorecard. @internal */
export interface FastPlan {
  R: number;
  mode: RoundingMode;
  kpis: FastKpi[];
  stages: Map<string, FastStage>;
  gates: { gate: KpiGate; kpiIndex: number; value: Scaled | boolean; cap: Scaled | null; zero: boolean; capGrade: number }[];
  grades: Scaled[];
  ids: string[];
  hundred: number;
  twoHundred: number;
  /** Per KPI: true when a gate compares its actual. */
  gated: boolean[];
  /** The scorecard's grade texts. */
  gradeTexts: ReturnType<typeof gradeTextsOf>;
  /** The KPIs whose name says they are ratios: checked for percentages (`always` when a gate or anchor of at most 1 reads them). */
  watch: { index: number; always: boolean }[];
}

function atScale(d: Decimal, R: number): number | null {
  const s = scaledOfDecimal(d);
  if (s === null) return null;
  const v = rescale(s[0], s[1], R);
  return Number.isNaN(v) ? null : v;
}

/**
 * Builds the fast plan of a scorecard, or null when the scorecard needs the general path
 * (no pointsRounding, a curve, or a bound that is not a small scaled integer). @internal
 */
export function planFast(
  card: CompiledScorecard,
  stageRecord: (name: string) => Readonly<Record<string, Decimal>>,
  stageShares: (name: string) => KpiStageShare[],
  stageStep: (name: string) => KpiStageStep,
): FastPlan | null {
  const rounding = card.rounding;
  if (rounding === null || rounding.scale > 6) return null;
  const R = rounding.scale;
  const mode = rounding.mode;
  const kpis: FastKpi[] = [];
  for (const kpi of card.kpis) {
    const s = kpi.scoring;
    if (s.type === 'curve') return null;
    const f: FastKpi = {
      kpi,
      targetText: kpi.target === null ? null : plainText(kpi.target),
      kind: s.type,
      floor: null,
      cap: null,
      pass: ZERO,
      passQ: 0,
      fail: ZERO,
      failQ: 0,
      bandFrom: [],
      bandScore: [],
      bandQ: [],
      below: null,
      belowQ: 0,
      onAttainment: s.type === 'bands' && s.on === 'attainment',
      target: kpi.target === null ? null : scaledOfDecimal(kpi.target),
    };
    if (kpi.target !== null && f.target === null) return null;
    if (s.type === 'boolean') {
      f.pass = roundDecimal(s.pass, R, mode);
      f.fail = roundDecimal(s.fail, R, mode);
      const p = atScale(f.pass, R);
      const q = atScale(f.fail, R);
      if (p === null || q === null) return null;
      f.passQ = p;
      f.failQ = q;
    } else if (s.type === 'bands') {
      for (const b of s.bands) {
        const from = scaledOfDecimal(b.from);
        const score = roundDecimal(b.score, R, mode);
        const q = atScale(score, R);
        if (from === null || q === null) return null;
        f.bandFrom.push(from);
        f.bandScore.push(score);
        f.bandQ.push(q);
      }
      if (s.below !== undefined) {
        f.below = roundDecimal(s.below, R, mode);
        const q = atScale(f.below, R);
        if (q === null) return null;
        f.belowQ = q;
      }
    } else {
      // A floor or cap with more places than R would be rounded after clamping: leave it to the general path.
      if (kpi.floor !== null) {
        f.floor = atScale(kpi.floor, R);
        if (f.floor === null) return null;
      }
      if (kpi.cap !== null) {
        f.cap = atScale(kpi.cap, R);
        if (f.cap === null) return null;
      }
    }
    kpis.push(f);
  }
  const stages = new Map<string, FastStage>();
  for (const [name, weights] of card.stages) {
    const ws = weights.map(scaledOfDecimal);
    if (ws.some((w) => w === null)) continue;
    const scale = Math.max(...ws.map((w) => w![1]));
    const w = ws.map((x) => rescale(x![0], x![1], scale));
    if (w.some(Number.isNaN)) continue;
    stages.set(name, {
      weights,
      w,
      scale,
      record: stageRecord(name),
      shares: stageShares(name),
      step: stageStep(name),
      weightTexts: weights.map((x) => weightText(x)),
      steps: weights.map(() => new Map<number, KpiPointsStep>()),
      tails: weights.map(() => new Map<number, string>()),
    });
  }
  const gates: FastPlan['gates'] = [];
  for (const g of card.gates) {
    const value = typeof g.value === 'boolean' ? g.value : scaledOfDecimal(g.value);
    if (value === null) return null;
    let cap: Scaled | null = null;
    let capGrade = -1;
    const e = g.effect;
    if (typeof e === 'object' && 'capScore' in e) {
      cap = scaledOfDecimal(e.capScore);
      if (cap === null) return null;
    } else if (typeof e === 'object') capGrade = card.grades.findIndex((x) => x.grade === e.capGrade);
    gates.push({ gate: g, kpiIndex: g.kpiIndex, value, cap, zero: e === 'zero', capGrade });
  }
  const grades: Scaled[] = [];
  for (const g of card.grades) {
    const s = scaledOfDecimal(g.min);
    if (s === null) return null;
    grades.push(s);
  }
  return {
    R,
    mode,
    kpis,
    stages,
    gates,
    grades,
    ids: card.kpis.map((k) => k.id),
    hundred: 100 * P10[R]!,
    twoHundred: 200 * P10[R]!,
    gated: card.kpis.map((k) => card.gates.some((g) => g.kpiIndex === k.index)),
    gradeTexts: gradeTextsOf(card),
    watch: fractionWatches(card).map((w) => ({ index: w.index, always: w.gates.length > 0 || w.anchor !== null })),
  };
}

const ZEROS = '0'.repeat(32);

/**
 * A text kept by a result, flattened: a sentence built by concatenation is a tree of string
 * pieces until it is read, and a batch keeps hundreds of thousands of them.
 */
function flat(text: string): string {
  if (text.length > 0) text.charCodeAt(text.length - 1);
  return text;
}

/** Groups the digits of a non-negative integer's text by threes with commas. */
function groupInt(int: string): string {
  const n = int.length;
  if (n <= 3) return int;
  let head = n % 3 || 3;
  let out = int.slice(0, head);
  for (; head < n; head += 3) out += `,${int.slice(head, head + 3)}`;
  return out;
}

/** `u × 10^-s` with every digit, grouped: the text {@link plainText} gives for the same Decimal. @internal */
export function scaledPlain(u: number, s: number): string {
  if (u === 0) return '0';
  const neg = u < 0;
  let digits = String(neg ? -u : u);
  if (s === 0) return neg ? `-${groupInt(digits)}` : groupInt(digits);
  if (digits.length <= s) digits = ZEROS.slice(0, s + 1 - digits.length) + digits;
  const cut = digits.length - s;
  let end = digits.length;
  while (end > cut && digits.charCodeAt(end - 1) === 48) end--;
  const text = end === cut ? groupInt(digits.slice(0, cut)) : `${groupInt(digits.slice(0, cut))}.${digits.slice(cut, end)}`;
  return neg ? `-${text}` : text;
}

/** `u × 10^-s` rounded half-up (away from zero) to `places`, grouped: what fmtAmount gives for the same Decimal. @internal */
export function scaledFixed(u: number, s: number, places: number): string {
  const neg = u < 0;
  let a = neg ? -u : u;
  let digits: string;
  if (places >= s) {
    digits = String(a) + ZEROS.slice(0, places - s);
  } else {
    const p = P10[s - places]!;
    const q = Math.floor(a / p);
    a = 2 * (a - q * p) >= p ? q + 1 : q;
    digits = String(a);
  }
  let text: string;
  if (places === 0) text = groupInt(digits);
  else {
    if (digits.length <= places) digits = ZEROS.slice(0, places + 1 - digits.length) + digits;
    const cut = digits.length - places;
    text = `${groupInt(digits.slice(0, cut))}.${digits.slice(cut)}`;
  }
  return neg && a !== 0 ? `-${text}` : text;
}

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

const CACHE_LIMIT = 1 << 16;

/**
 * Decimals already built in this batch, by scale and scaled integer. Decimal instances are
 * immutable, so results may share them; a batch of 100,000 dealers repeats most of its
 * attainments, points and contributions, and sharing them spares the garbage collector millions
 * of live objects. Each scale holds at most 65,536 values. @internal
 */
export class DecimalCache {
  private readonly byScale: Map<number, Decimal>[] = [];
  /** Scratch space of one dealer: the scaled actuals (reused, never returned). */
  readonly u: number[] = [];
  readonly s: number[] = [];
  readonly values: (Decimal | boolean)[] = [];
  readonly targets: (Decimal | null)[] = [];
  readonly tu: number[] = [];
  readonly ts: number[] = [];
  readonly steps: KpiStep[] = [];

  private readonly plainByScale: Map<number, string>[] = [];

  /** {@link scaledPlain} of `u × 10^-s`, remembered (for targets, which repeat). */
  plain(u: number, s: number): string {
    let m = this.plainByScale[s];
    if (m === undefined) {
      m = new Map();
      this.plainByScale[s] = m;
    }
    let t = m.get(u);
    if (t === undefined) {
      t = scaledPlain(u, s);
      if (m.size < CACHE_LIMIT) m.set(u, t);
    }
    return t;
  }

  private readonly weightedTexts = new Map<number, string>();

  /** The weighted-score sentence of `u × 10^-s` (it shows 2 places, so it is shared by every score that shows the same). */
  weightedText(u: number, s: number, n: number): string {
    let shown = u;
    if (s > TEXT_PLACES) {
      const p = P10[s - TEXT_PLACES]!;
      const a = u < 0 ? -u : u;
      const q = Math.floor(a / p);
      shown = (2 * (a - q * p) >= p ? q + 1 : q) * (u < 0 ? -1 : 1);
    }
    let t = this.weightedTexts.get(shown);
    if (t === undefined) {
      t = flat(W.weightedScore(scaledFixed(u, s, TEXT_PLACES), n));
      if (s >= TEXT_PLACES && this.weightedTexts.size < CACHE_LIMIT) this.weightedTexts.set(shown, t);
    }
    return t;
  }

  /** The Decimal `u × 10^-s`. */
  get(u: number, s: number): Decimal {
    if (u === 0) return ZERO;
    let m = this.byScale[s];
    if (m === undefined) {
      m = new Map();
      this.byScale[s] = m;
    }
    let d = m.get(u);
    if (d === undefined) {
      d = decimalFromScaled(u, s);
      if (m.size < CACHE_LIMIT) m.set(u, d);
    }
    return d;
  }
}

/**
 * Scores a dealer on the fast path, or returns null to send it to the general path. `targetCache`
 * holds the last target Decimal per KPI, so a column of equal targets builds one Decimal. @internal
 */
export function scoreFast(
  plan: FastPlan,
  card: CompiledScorecard,
  input: unknown,
  targetCache: { n: number; d: Decimal }[],
  cache: DecimalCache,
): { result: KpiScoreResult; key: number; keyScale: number } | null {
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
  if (countKeys(input) !== fields) return null;
  const n = plan.kpis.length;
  if (countKeys(actuals) !== n) return null;
  let targetCount = 0;

  const R = plan.R;
  const mode = plan.mode;
  // The stage step, one per KPI, then the weighted score, gates, score and grade: built in scratch, copied at the end.
  const steps = cache.steps;
  steps[0] = stage.step;
  const actualValues = cache.values;
  const targetValues = cache.targets;
  const targetU = cache.tu;
  const targetS = cache.ts;
  const actualU = cache.u;
  const actualS = cache.s;
  const S = R + stage.scale;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const f = plan.kpis[k]!;
    const kpiId = f.kpi.id;
    const a = actuals[kpiId];
    let tRaw: unknown = undefined;
    if (targets !== undefined) {
      tRaw = targets[kpiId];
      if (tRaw !== undefined) targetCount++;
    }
    if (f.kind === 'boolean') {
      if (typeof a !== 'boolean' || tRaw !== undefined || f.target !== null) return null;
      const q = a ? f.passQ : f.failQ;
      const c = q * stage.w[k]!;
      sum += c;
      actualValues[k] = a;
      targetValues[k] = null;
      const memo = stage.steps[k]!;
      let step = memo.get(a ? 1 : 0);
      if (step === undefined) {
        const points = a ? f.pass : f.fail;
        step = lineStep(f, stage, k, a, a ? W.yes : W.no, null, null, null, null, points, scaledFixed(q, R, TEXT_PLACES), null, cache.get(c, S), scaledFixed(c, S, TEXT_PLACES), true);
        memo.set(a ? 1 : 0, step);
      }
      steps[1 + k] = step;
      continue;
    }
    if (typeof a !== 'number') return null;
    const as = scaledOf(a);
    if (as === null) return null;
    // The target: given, or the KPI's default.
    let ts: Scaled | null;
    let target: Decimal | null;
    if (tRaw === undefined) {
      ts = f.target;
      target = f.kpi.target;
    } else {
      if (typeof tRaw !== 'number') return null;
      ts = scaledOf(tRaw);
      if (ts === null) return null;
      const cached = targetCache[k];
      if (cached !== undefined && cached.n === tRaw) target = cached.d;
      else {
        target = cache.get(ts[0], ts[1]);
        targetCache[k] = { n: tRaw, d: target };
      }
    }
    if (ts !== null && !(ts[0] > 0)) return null;
    if (ts === null && (f.kind !== 'bands' || f.onAttainment)) return null;
    // Attainment at scale R: a × 100 / t = ua × 10^(st + 2 + R) / (ut × 10^sa), rounded once.
    let att = NaN;
    if (ts !== null) {
      const num = rescale(as[0], 0, ts[1] + 2 + R);
      const den = rescale(ts[0], 0, as[1]);
      if (Number.isNaN(num) || Number.isNaN(den)) return null;
      att = divRound(num, den, mode);
    }
    // A line on the KPI's default target is the same for every dealer with the same actual: built once.
    const memoKey = tRaw === undefined && Math.abs(as[0]) < KEY_LIMIT ? as[0] * 16 + as[1] : NaN;
    const memo = stage.steps[k]!;
    const hit = Number.isNaN(memoKey) ? undefined : memo.get(memoKey);
    let q: number;
    // The points as a Decimal when a band gave them; the others are built only for a new step.
    let bandPoints: Decimal | null = null;
    let clamp: 'floor' | 'cap' | null = null;
    if (f.kind === 'bands') {
      const x = f.onAttainment ? att : as[0];
      const xs = f.onAttainment ? R : as[1];
      const bands = f.bandFrom;
      const c0 = compareScaled(x, xs, bands[0]![0], bands[0]![1]);
      if (Number.isNaN(c0)) return null;
      if (c0 < 0) {
        if (f.below === null) return null;
        q = f.belowQ;
        bandPoints = f.below;
      } else {
        let j = 0;
        for (let b = 1; b < bands.length; b++) {
          const c = compareScaled(x, xs, bands[b]![0], bands[b]![1]);
          if (Number.isNaN(c)) return null;
          if (c >= 0) j = b;
          else break;
        }
        q = f.bandQ[j]!;
        bandPoints = f.bandScore[j]!;
      }
    } else {
      q = f.kind === 'ratio' ? att : f.kind === 'reduction' ? plan.twoHundred - att : plan.hundred - Math.abs(att - plan.hundred);
      if (f.floor !== null && q < f.floor) {
        q = f.floor;
        clamp = 'floor';
      } else if (f.cap !== null && q > f.cap) {
        q = f.cap;
        clamp = 'cap';
      }
    }
    const c = q * stage.w[k]!;
    if (!(Math.abs(c) < LIMIT)) return null;
    sum += c;
    actualU[k] = as[0];
    actualS[k] = as[1];
    targetValues[k] = target;
    if (ts !== null) {
      targetU[k] = ts[0];
      targetS[k] = ts[1];
    }
    if (hit !== undefined) {
      // The shared step's actual is read only when a gate compares it.
      if (plan.gated[k]) actualValues[k] = hit.actual as Decimal;
      steps[1 + k] = hit;
      continue;
    }
    const actual = cache.get(as[0], as[1]);
    actualValues[k] = actual;
    const attainment = ts === null ? null : cache.get(att, R);
    const points = bandPoints ?? (q === att ? attainment! : cache.get(q, R));
    const shared = !Number.isNaN(memoKey) && memo.size < STEP_CACHE_LIMIT;
    if (ts !== null && !shared) {
      // A dealer of its own (its own target): the sentence's end, from the attainment on, is shared
      // by every dealer with the same attainment; only its start is new.
      const tails = stage.tails[k]!;
      let tail = tails.get(att);
      if (tail === undefined) {
        const attText = scaledFixed(att, R, TEXT_PLACES);
        const pointsTextK = q === att ? attText : scaledFixed(q, R, TEXT_PLACES);
        tail = flat(W.pointsTail(attText, pointsTextK, ruleText(f.kpi.scoring.type, clamp, pointsTextK), stage.weightTexts[k]!, scaledFixed(c, S, TEXT_PLACES)));
        if (tails.size < CACHE_LIMIT) tails.set(att, tail);
      }
      steps[1 + k] = {
        code: 'kpi-points',
        kpi: f.kpi.id,
        label: f.kpi.label,
        rule: f.kpi.scoring.type,
        actual,
        target,
        attainment,
        points,
        clamp,
        weight: stage.weights[k]!,
        contribution: cache.get(c, S),
        missing: false,
        text: flat(W.pointsHead(f.kpi.label, scaledPlain(as[0], as[1]), tRaw === undefined ? f.targetText! : cache.plain(ts[0], ts[1])) + tail),
      };
      continue;
    }
    const attText = ts === null ? null : scaledFixed(att, R, TEXT_PLACES);
    const step = lineStep(
      f,
      stage,
      k,
      actual,
      scaledPlain(as[0], as[1]),
      target,
      ts === null ? null : tRaw === undefined ? f.targetText : cache.plain(ts[0], ts[1]),
      attainment,
      attText,
      points,
      q === att && attText !== null ? attText : scaledFixed(q, R, TEXT_PLACES),
      clamp,
      cache.get(c, S),
      scaledFixed(c, S, TEXT_PLACES),
      shared,
    );
    if (shared) memo.set(memoKey, step);
    steps[1 + k] = step;
  }
  if (targets !== undefined && countKeys(targets) !== targetCount) return null;
  if (!(Math.abs(sum) < LIMIT)) return null;

  // Gates, in the scorecard's order, on the score at scale S.
  let score = sum;
  let gradeCap = -1;
  const gates = new Array<KpiGateResult>(plan.gates.length);
  for (let g = 0; g < plan.gates.length; g++) {
    const pg = plan.gates[g]!;
    const av = actualValues[pg.kpiIndex]!;
    let passed: boolean;
    if (typeof pg.value === 'boolean' || typeof av === 'boolean') {
      passed = pg.gate.op === '==' ? av === pg.value : av !== pg.value;
    } else {
      const c = compareScaled(actualU[pg.kpiIndex]!, actualS[pg.kpiIndex]!, pg.value[0], pg.value[1]);
      if (Number.isNaN(c)) return null;
      const op = pg.gate.op;
      passed = op === '>=' ? c >= 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : op === '<' ? c < 0 : op === '==' ? c === 0 : c !== 0;
    }
    let adj = 0;
    if (!passed) {
      if (pg.zero) {
        adj = -score;
        score = 0;
      } else if (pg.cap !== null) {
        const cap = rescale(pg.cap[0], pg.cap[1], S);
        if (Number.isNaN(cap)) return null;
        if (score > cap) {
          adj = cap - score;
          score = cap;
        }
      } else gradeCap = Math.max(gradeCap, pg.capGrade);
    }
    gates[g] = { kpi: pg.gate.kpi, op: pg.gate.op, value: pg.gate.value, actual: av, passed, effect: pg.gate.effect, adjustment: cache.get(adj, S) };
  }
  let byScore = -1;
  for (let g = 0; g < plan.grades.length; g++) {
    const c = compareScaled(score, S, plan.grades[g]![0], plan.grades[g]![1]);
    if (Number.isNaN(c)) return null;
    if (c >= 0) {
      byScore = g;
      break;
    }
  }
  const final = byScore === -1 ? -1 : Math.max(byScore, gradeCap);
  const weighted = cache.get(sum, S);
  const finalScore = score === sum ? weighted : cache.get(score, S);
  const ng = gates.length;
  const out = new Array<KpiStep>(n + 2 + ng + (score !== sum ? 1 : 0) + (card.grades.length > 0 ? 1 : 0));
  for (let k = 0; k <= n; k++) out[k] = steps[k]!;
  let at = n + 1;
  out[at++] = { code: 'weighted-score', sum: weighted, weightedScore: weighted, contributions: n, rounding: null, text: cache.weightedText(sum, S, n) };
  for (let g = 0; g < ng; g++) out[at++] = gateStepOf(card, gates[g]!, g);
  if (score !== sum) {
    const sc = { weightedScore: weighted, adjustment: cache.get(score - sum, S), score: finalScore };
    out[at++] = { code: 'score', ...sc, text: scoreText(sc) };
  }
  if (card.grades.length > 0) out[at] = gradeStepOf(card, finalScore, byScore, final, plan.gradeTexts);
  // A ratio given as a percentage: checked in integers first (actual above 1 against a threshold of at most 1).
  let suspect = false;
  for (let w = 0; w < plan.watch.length; w++) {
    const x = plan.watch[w]!;
    const k = x.index;
    if (plan.kpis[k]!.kind === 'boolean' || !(actualU[k]! > P10[actualS[k]!]!)) continue;
    if (x.always || (targetValues[k] !== null && targetU[k]! <= P10[targetS[k]!]!)) suspect = true;
  }
  let warnings: Warning[] = [];
  if (suspect) {
    const values = new Array<Decimal | boolean>(n);
    for (let k = 0; k < n; k++) values[k] = plan.kpis[k]!.kind === 'boolean' ? (actualValues[k] as boolean) : cache.get(actualU[k]!, actualS[k]!);
    warnings = percentWarnings(card, values, targetValues.slice(0, n));
  }
  // The batch's rank fields are laid out now (filled in after the ranking), in the order the general path adds them.
  const result: KpiScoreResult & { rank: number; percentileRank: Decimal } = {
    id: id === undefined ? null : id,
    score: finalScore,
    weightedScore: weighted,
    grade: final === -1 ? null : card.grades[final]!.grade,
    gradeByScore: byScore === -1 ? null : card.grades[byScore]!.grade,
    gates,
    weights: stage.record as Record<string, Decimal>,
    stageShares: stage.shares,
    policy: 'single',
    missing: noneMissing(card),
    warnings,
    steps: out,
    rank: 0,
    percentileRank: ZERO,
  };
  return { result, key: score, keyScale: S };
}

/** A KPI line; frozen when `shared` (every dealer with the same figures gets the same object). */
function lineStep(
  f: FastKpi,
  stage: FastStage,
  k: number,
  actual: Decimal | boolean,
  actualText: string,
  target: Decimal | null,
  targetText: string | null,
  attainment: Decimal | null,
  attainmentText: string | null,
  points: Decimal,
  pointsText: string,
  clamp: 'floor' | 'cap' | null,
  contribution: Decimal,
  contributionText: string,
  shared: boolean,
): KpiPointsStep {
  const weightTextK = stage.weightTexts[k]!;
  const step: KpiPointsStep = {
    code: 'kpi-points',
    kpi: f.kpi.id,
    label: f.kpi.label,
    rule: f.kpi.scoring.type,
    actual,
    target,
    attainment,
    points,
    clamp,
    weight: stage.weights[k]!,
    contribution,
    missing: false,
    text: flat(pointsLineText({
      label: f.kpi.label,
      actual: actualText,
      target: targetText,
      attainment: attainmentText,
      points: pointsText,
      rule: ruleText(f.kpi.scoring.type, clamp, pointsText),
      weight: weightTextK,
      contribution: contributionText,
    })),
  };
  return shared ? Object.freeze(step) : step;
}
