import { ONE, ZERO, type Decimal } from '../core/decimal.js';
import { invalid, outOfRange, wrapThrown } from '../core/errors.js';
import { batchOptionsOf, runBatch, type BatchOptions, type BatchResult } from '../core/batch.js';
import { roundDecimal, roundRatio, type RoundingMode } from '../core/money.js';
import { parseWith, scaleSchema, type RoundingStage } from '../core/schema.js';
import type { Step, Warning } from '../core/result.js';
import * as z from 'zod/mini';
import { programInternals, resolveProgram, type ProgramInternals, type RebateBenefit, type RebateProgram } from './program.js';
import { inputShape, type RebateBasis, type RebateComparison, type RebateInput } from './schema.js';
import { REBATE_MESSAGES as M } from './messages.js';
import { EN, fmtMoney, stepTexts, type StepFormat } from './explain.js';

/** What the basis of a calculation was made of: the net figures and the value that selected the tier. */
export interface RebateBasisStep extends Step {
  code: 'basis';
  /** The program's basis. */
  basis: RebateBasis;
  /** Gross sales, or null when not given. */
  sales: Decimal | null;
  /** Returns and credit notes (0 when not given). */
  returns: Decimal;
  /** sales − returns, or null without sales (may be negative: the basis then uses 0). */
  netAmount: Decimal | null;
  /** Gross units, or null. */
  quantity: Decimal | null;
  /** Returned units (0 when not given). */
  returnedQuantity: Decimal;
  /** quantity − returnedQuantity, or null. */
  netQuantity: Decimal | null;
  /** The target (attainment basis, over-achievement), or null. */
  target: Decimal | null;
  /** The baseline (growth bases), or null. */
  baseline: Decimal | null;
  /** The basis value as reported (ratios rounded to `ratioScale` places), or null for a growth rate over a zero baseline. */
  value: Decimal | null;
}

/** One priced tier: `amount = base × rate + units × perUnit + fixed`. */
export interface RebateTierStep extends Step {
  code: 'tier';
  /** The tier's index in the program. */
  index: number;
  /** The tier's name, or null. */
  name: string | null;
  /** The tier's lower bound in basis units (see {@link RebateTier}). */
  from: Decimal;
  /** The tier's upper bound in basis units, or null (open-ended). */
  to: Decimal | null;
  /** The net amount the rate applies to (the band's share in incremental mode); null without an amount. */
  base: Decimal | null;
  /** The net units the perUnit amount applies to; null without units. */
  units: Decimal | null;
  /** The rate applied, or null. */
  rate: Decimal | null;
  /** The amount per unit applied, or null. */
  perUnit: Decimal | null;
  /** The fixed amount paid, or null. */
  fixed: Decimal | null;
  /** The line's amount: rounded with `stage: 'line'`, exact with `'total'`. */
  amount: Decimal;
}

/** The over-achievement award: `rate × base`, at most `cap`. */
export interface RebateOverAchievementStep extends Step {
  code: 'over-achievement';
  /** `above × target`: the net sales above it earn the award. */
  threshold: Decimal;
  /** Net sales above the threshold (0 when below). */
  base: Decimal;
  /** The award's rate. */
  rate: Decimal;
  /** The award's cap, or null. */
  cap: Decimal | null;
  /** True when the cap cut the award. */
  capped: boolean;
  /** The award: rounded with `stage: 'line'`, exact with `'total'`. */
  amount: Decimal;
}

/** How one gate was read. */
export interface RebateGateStep extends Step {
  code: 'gate';
  /** The metric's key. */
  metric: string;
  /** The comparison. */
  op: RebateComparison;
  /** The value the gate requires. */
  required: Decimal;
  /** The metric's value supplied. */
  value: Decimal;
  /** Whether the comparison holds. */
  passed: boolean;
  /** 1 when passed, else the gate's fail factor (0 for `'zero'`). */
  factor: Decimal;
}

/** The failed gates' factors applied to the subtotal (present when their product is not 1). */
export interface RebateGateFactorStep extends Step {
  code: 'gate-factor';
  /** The product of the failed gates' factors. */
  factor: Decimal;
  /** The subtotal before. */
  before: Decimal;
  /** The subtotal after (rounded with `stage: 'line'`). */
  after: Decimal;
  /** after − before. */
  amount: Decimal;
}

/** How one multiplier table was read. */
export interface RebateMultiplierStep extends Step {
  code: 'multiplier';
  /** The metric's key. */
  metric: string;
  /** The metric's value supplied. */
  value: Decimal;
  /** Index of the band applied. */
  band: number;
  /** The band's lower bound. */
  from: Decimal;
  /** The band's factor. */
  factor: Decimal;
}

/** The multiplier tables' factors applied to the subtotal (present when their product is not 1). */
export interface RebateMultiplierFactorStep extends Step {
  code: 'multiplier-factor';
  /** The product of the tables' factors. */
  factor: Decimal;
  /** The subtotal before. */
  before: Decimal;
  /** The subtotal after (rounded with `stage: 'line'`). */
  after: Decimal;
  /** after − before. */
  amount: Decimal;
}

/** The minimum applied (present when it raised or forfeited the rebate). */
export interface RebateMinimumStep extends Step {
  code: 'minimum';
  /** The program's minimum. */
  limit: Decimal;
  /** Raise to it, or forfeit. */
  whenBelow: 'raise' | 'forfeit';
  /** The subtotal before. */
  before: Decimal;
  /** The subtotal after. */
  after: Decimal;
  /** after − before. */
  amount: Decimal;
}

/** The cap applied (present when it cut the rebate). */
export interface RebateCapStep extends Step {
  code: 'cap';
  /** The cap applied: the smaller of `byAmount` and `byRate`. */
  limit: Decimal;
  /** The program's cap amount, or null. */
  byAmount: Decimal | null;
  /** The program's `rateOfBase` × the net amount, rounded down to the money scale, or null. */
  byRate: Decimal | null;
  /** The subtotal before. */
  before: Decimal;
  /** The subtotal after. */
  after: Decimal;
  /** after − before. */
  amount: Decimal;
}

/** How the rebate was rounded (always the last step). */
export interface RebateRoundingStep extends Step {
  code: 'rounding';
  /** `'line'`: every line and step rounded; `'total'`: rounded once. */
  stage: RoundingStage;
  /** Decimal places. */
  scale: number;
  /** Rounding mode. */
  mode: RoundingMode;
  /** The rebate computed without any rounding. */
  unrounded: Decimal;
  /** The rebate. */
  rebate: Decimal;
  /** rebate − unrounded. */
  difference: Decimal;
}

/**
 * One step of a rebate calculation, in order: `basis`, the `tier` lines, `over-achievement`,
 * each `gate` and `gate-factor`, each `multiplier` and `multiplier-factor`, `minimum`, `cap`,
 * `rounding`. With `stage: 'line'` the `amount`s of the tier, over-achievement, factor, minimum
 * and cap steps add up to the rebate; with `'total'` to the unrounded rebate.
 */
export type RebateStep =
  | RebateBasisStep
  | RebateTierStep
  | RebateOverAchievementStep
  | RebateGateStep
  | RebateGateFactorStep
  | RebateMultiplierStep
  | RebateMultiplierFactorStep
  | RebateMinimumStep
  | RebateCapStep
  | RebateRoundingStep;

/** How one gate was evaluated. */
export interface RebateGateResult {
  /** The metric's key. */
  metric: string;
  /** The comparison. */
  op: RebateComparison;
  /** The value the gate requires. */
  required: Decimal;
  /** The metric's value supplied. */
  value: Decimal;
  /** Whether the comparison holds. */
  passed: boolean;
  /** 1 when passed, else the gate's fail factor (0 for `'zero'`). */
  factor: Decimal;
}

/** How one multiplier table was read. */
export interface RebateMultiplierResult {
  /** The metric's key. */
  metric: string;
  /** The metric's value supplied. */
  value: Decimal;
  /** Index of the band applied. */
  band: number;
  /** The band's factor. */
  factor: Decimal;
}

/** What the next tier needs and is worth. */
export interface RebateNextTier {
  /** The next tier's index. */
  index: number;
  /** The next tier's name, or null. */
  name: string | null;
  /** The tier's bound in basis units. */
  threshold: Decimal;
  /** True for `upTo` programs: the basis must exceed the threshold (reach it for `from` programs). */
  mustExceed: boolean;
  /** Threshold − current basis value, in basis units (a ratio gap rounded to `ratioScale` places). */
  gap: Decimal;
  /** The extra net sales that close the gap (null on a quantity basis). */
  salesGap: Decimal | null;
  /** The rebate with the basis at the threshold (just above it for `upTo`), everything else unchanged. */
  rebateAtThreshold: Decimal;
  /** rebateAtThreshold − rebate (negative where a retroactive cliff lowers the rebate). */
  gain: Decimal;
}

/** A tier reached: its index and name. */
export interface RebateTierRef {
  /** The tier's index in the program. */
  readonly index: number;
  /** The tier's name, or null. */
  readonly name: string | null;
}

/** The result of {@link calculateRebate}: the rebate, the figures a user reads, and every step behind it. */
export interface RebateResult {
  /** The rebate, rounded to the money scale. */
  rebate: Decimal;
  /** The same rebate computed without any rounding. */
  unrounded: Decimal;
  /** The program's basis. */
  basis: RebateBasis;
  /**
   * The value that selected the tier: net sales, net units or growth as they are; attainment and
   * growth rate (ratios) rounded half-up to `ratioScale` places (the tier was chosen on the exact
   * value). Null for a growth rate over a zero baseline.
   */
  basisValue: Decimal | null;
  /** Sales − returns, as supplied (may be negative; the basis then uses 0). */
  netAmount: Decimal | null;
  /** Quantity − returned quantity, as supplied. */
  netQuantity: Decimal | null;
  /** The tier reached. */
  tier: RebateTierRef;
  /** Each gate's outcome. */
  gates: RebateGateResult[];
  /** False when a `'zero'` gate failed. */
  eligible: boolean;
  /** The product of the multiplier tables' factors (1 without tables). */
  multiplier: Decimal;
  /** Each multiplier table's band and factor. */
  multipliers: RebateMultiplierResult[];
  /** True when the cap cut the rebate. */
  capApplied: boolean;
  /** True when the minimum raised or forfeited the rebate. */
  minimumApplied: boolean;
  /** The reached tier's named extra amounts (none when ineligible); not part of the rebate. */
  benefits: RebateBenefit[];
  /** What the next tier needs and is worth, or null at the top tier. */
  nextTier: RebateNextTier | null;
  /** How the rebate was reached, in order (see {@link RebateStep}). */
  steps: RebateStep[];
  /** Negative nets and growth, zero baselines, retroactive jumps, ratios written as percentages. */
  warnings: Warning[];
}

/** Options of {@link calculateRebate} and {@link accrueRebate}. */
export interface RebateOptions {
  /** Decimal places of the reported ratios (attainment, growth rate); the program's `ratioScale` (10 by default) when omitted. */
  ratioScale?: number;
}

/** Options of {@link calculateRebates}: those of {@link calculateRebate} and the batch options. */
export interface RebateBatchOptions extends RebateOptions, BatchOptions {}

/** A calculation's inputs after validation. @internal */
export interface RebateFacts {
  sales: Decimal | null;
  returns: Decimal;
  quantity: Decimal | null;
  returnedQuantity: Decimal;
  target: Decimal | null;
  baseline: Decimal | null;
  metrics: Readonly<Record<string, Decimal>>;
}

/** Where a field of the facts came from, for error messages and warning paths. @internal */
export type FactPath = (field: string, ...rest: (string | number)[]) => (string | number)[];

const samePath: FactPath = (field, ...rest) => [field, ...rest];

/** Checks that the facts hold what the program needs; errors name the field's path. @internal */
export function checkFacts(program: RebateProgram, inner: ProgramInternals, facts: RebateFacts, where: FactPath): void {
  if (inner.needsSales && facts.sales === null) invalid(where('sales'), M.salesRequired(program.basis), { code: 'required', expected: 'a number' });
  if (inner.needsQuantity && facts.quantity === null) invalid(where('quantity'), M.quantityRequired(program.basis), { code: 'required', expected: 'a number' });
  if (inner.needsTarget) {
    const why = program.basis === 'attainment' ? M.targetWhyAttainment : M.targetWhyAward;
    if (facts.target === null) invalid(where('target'), M.targetRequired(why), { code: 'required', expected: 'a number greater than 0' });
    if (!facts.target.gt(0)) {
      outOfRange(where('target'), M.targetNotPositive(why, facts.target.toString()), {
        code: 'out_of_range',
        expected: 'greater than 0',
        received: facts.target.toString(),
        limit: '0',
      });
    }
  }
  if (inner.needsBaseline) {
    if (facts.baseline === null) invalid(where('baseline'), M.baselineRequired(program.basis), { code: 'required', expected: 'a number' });
    if (program.basis === 'growthRate' && facts.baseline.isZero() && program.zeroBaseline === null) {
      outOfRange(where('baseline'), M.baselineZero, { code: 'out_of_range', expected: 'greater than 0', received: '0', limit: '0' });
    }
  }
  program.gates.forEach((g, i) => {
    if (facts.metrics[g.metric] === undefined) {
      invalid(where('metrics', g.metric), M.metricRequiredByGate(i, g.metric, g.op, g.value.toString()), { code: 'required', expected: 'a number' });
    }
  });
  program.multipliers.forEach((m, i) => {
    const v = facts.metrics[m.metric];
    if (v === undefined) invalid(where('metrics', m.metric), M.metricRequiredByMultiplier(i), { code: 'required', expected: 'a number' });
    const first = m.bands[0]!.from;
    if (v.lt(first)) {
      outOfRange(where('metrics', m.metric), M.metricBelowFirstBand(i, first.toString(), v.toString()), {
        code: 'out_of_range',
        expected: `at least ${first.toString()}`,
        received: v.toString(),
        limit: first.toString(),
      });
    }
  });
}

/** Validated facts from a parsed input. @internal */
export function factsOf(input: {
  sales?: Decimal | undefined;
  returns?: Decimal | undefined;
  quantity?: Decimal | undefined;
  returnedQuantity?: Decimal | undefined;
  target?: Decimal | undefined;
  baseline?: Decimal | undefined;
  metrics?: Record<string, Decimal> | undefined;
}): RebateFacts {
  return {
    sales: input.sales ?? null,
    returns: input.returns ?? ZERO,
    quantity: input.quantity ?? null,
    returnedQuantity: input.returnedQuantity ?? ZERO,
    target: input.target ?? null,
    baseline: input.baseline ?? null,
    metrics: input.metrics ?? {},
  };
}

/** Compares a metric with a required value. @internal */
export function compareMetric(value: Decimal, op: RebateComparison, required: Decimal): boolean {
  switch (op) {
    case '>=':
      return value.gte(required);
    case '>':
      return value.gt(required);
    case '<=':
      return value.lte(required);
    default:
      return value.lt(required);
  }
}

function band(v: Decimal, lo: Decimal, hi: Decimal | null): Decimal {
  const top = hi !== null && v.gt(hi) ? hi : v;
  return top.gt(lo) ? top.minus(lo) : ZERO;
}

function maxOf(a: Decimal, b: Decimal): Decimal {
  return a.gte(b) ? a : b;
}

/**
 * The tier bounds on the amount (or units) axis: attainment × target, baseline + growth,
 * baseline × (1 + growth rate). Every tier decision compares on this axis, exactly (never on a
 * rounded ratio); bounds are computed as the rules ask for them (a retroactive pick needs few).
 */
interface Axis {
  program: RebateProgram;
  target: Decimal | null;
  baseline: Decimal;
  lows: (Decimal | undefined)[];
}

function toAxis(a: Axis, x: Decimal): Decimal {
  switch (a.program.basis) {
    case 'attainment':
      return x.times(a.target!);
    case 'growth':
      return a.baseline.plus(x);
    case 'growthRate':
      return a.baseline.plus(a.baseline.times(x));
    default:
      return x;
  }
}

function lowAt(a: Axis, i: number): Decimal {
  let low = a.lows[i];
  if (low === undefined) {
    low = toAxis(a, a.program.tiers[i]!.from);
    a.lows[i] = low;
  }
  return low;
}

/** A tier's upper bound on the axis (the next tier's lower bound for `from` programs), null for the last. */
function highAt(a: Axis, i: number): Decimal | null {
  const to = a.program.tiers[i]!.to;
  if (to === null) return null;
  return a.program.bounds === 'from' ? lowAt(a, i + 1) : toAxis(a, to);
}

/** Prices one tier line: `base × rate + units × perUnit + fixed` (rounded with `stage: 'line'`). */
function priceLine(program: RebateProgram, i: number, base: Decimal | null, units: Decimal | null, paysFixed: boolean, lines: RebateTierStep[], exact: Decimal[]): void {
  const t = program.tiers[i]!;
  const fixed = paysFixed ? t.fixed : null;
  let amount = ZERO;
  const rate = program.method !== 'step' ? t.rate : null;
  const perUnit = program.method !== 'step' ? t.perUnit : null;
  if (rate !== null) amount = amount.plus(base!.times(rate));
  if (perUnit !== null) amount = amount.plus(units!.times(perUnit));
  if (fixed !== null) amount = amount.plus(fixed);
  const { scale, mode, stage } = program.rounding;
  const shown = stage === 'line' ? roundDecimal(amount, scale, mode) : amount;
  lines.push({ code: 'tier', index: i, name: t.name, from: t.from, to: t.to, base, units, rate, perUnit, fixed, amount: shown, text: '' });
  exact.push(amount);
}

type AdjustmentStep = RebateGateFactorStep | RebateMultiplierFactorStep | RebateMinimumStep | RebateCapStep;

interface Finished {
  steps: AdjustmentStep[];
  total: Decimal;
  capApplied: boolean;
  minimumApplied: boolean;
}

interface CapValue {
  limit: Decimal;
  byAmount: Decimal | null;
  byRate: Decimal | null;
}

/** Gates, multipliers, minimum and cap, in that order, on the sum of the lines. */
function finish(
  program: RebateProgram,
  amounts: readonly Decimal[],
  g: Decimal,
  m: Decimal,
  eligible: boolean,
  cap: CapValue | null,
  rounded: boolean,
  detail: boolean,
): Finished {
  const { scale, mode } = program.rounding;
  let s = ZERO;
  for (const a of amounts) s = s.plus(a);
  const steps: AdjustmentStep[] = [];
  if (!g.eq(ONE)) {
    const product = s.times(g);
    const next = rounded ? roundDecimal(product, scale, mode) : product;
    if (detail) steps.push({ code: 'gate-factor', factor: g, before: s, after: next, amount: next.minus(s), text: '' });
    s = next;
  }
  if (!m.eq(ONE)) {
    const product = s.times(m);
    const next = rounded ? roundDecimal(product, scale, mode) : product;
    if (detail) steps.push({ code: 'multiplier-factor', factor: m, before: s, after: next, amount: next.minus(s), text: '' });
    s = next;
  }
  let minimumApplied = false;
  const min = program.minimum;
  if (min !== null && eligible && s.lt(min.amount)) {
    if (min.whenBelow === 'raise') {
      if (detail) steps.push({ code: 'minimum', limit: min.amount, whenBelow: 'raise', before: s, after: min.amount, amount: min.amount.minus(s), text: '' });
      s = min.amount;
      minimumApplied = true;
    } else if (!s.isZero()) {
      if (detail) steps.push({ code: 'minimum', limit: min.amount, whenBelow: 'forfeit', before: s, after: ZERO, amount: s.negated(), text: '' });
      s = ZERO;
      minimumApplied = true;
    }
  }
  let capApplied = false;
  if (cap !== null && s.gt(cap.limit)) {
    if (detail) steps.push({ code: 'cap', limit: cap.limit, byAmount: cap.byAmount, byRate: cap.byRate, before: s, after: cap.limit, amount: cap.limit.minus(s), text: '' });
    s = cap.limit;
    capApplied = true;
  }
  return { steps, total: s, capApplied, minimumApplied };
}

/** How {@link evaluate} runs. @internal */
export interface EvaluateContext {
  /** Decimal places of reported ratios. */
  ratioScale: number;
  /** Where the facts came from (for warning paths). */
  where: FactPath;
  /** Per gate: a ratio-named metric with a threshold ≤ 1 (see ProgramInternals). */
  fractionGates: readonly boolean[];
  /** False: figures only (the rebate, tier, basis value and next tier), without steps, texts or warnings. */
  explain: boolean;
}

/** The context of a call: the program's ratio scale unless the options give one. @internal */
export function contextOf(program: RebateProgram, ratioScale: number | undefined, where: FactPath = samePath, explain = true): EvaluateContext {
  return { ratioScale: ratioScale ?? program.ratioScale, where, fractionGates: programInternals(program)?.fractionGates ?? [], explain };
}

/**
 * The figures of a calculation without its steps, texts or warnings (`steps` and `warnings` are
 * empty): for the spreadsheet functions, which return one number per cell. @internal
 */
export function calculateFigures(program: RebateProgram, input: RebateInput): RebateResult {
  const { program: p, internals } = resolveProgram(program, ['program']);
  const facts = factsOf(parseWith(inputShape, input, []));
  checkFacts(p, internals, facts, samePath);
  return evaluate(p, facts, null, contextOf(p, undefined, samePath, false));
}

/**
 * Computes one rebate on validated facts. `forced` selects the tier and skips everything but the
 * figures (the rebate at the next tier's threshold); otherwise the result carries its steps,
 * their texts and the warnings. @internal
 */
export function evaluate(program: RebateProgram, facts: RebateFacts, forced: number | null, ctx: EvaluateContext): RebateResult {
  // The top-level call reports the basis value and the next tier; with `explain`, also steps and warnings.
  const top = forced === null;
  const detail = top && ctx.explain;
  const { scale, mode, stage } = program.rounding;
  const warnings: Warning[] = [];
  const netAmount = facts.sales === null ? null : facts.sales.minus(facts.returns);
  const netQuantity = facts.quantity === null ? null : facts.quantity.minus(facts.returnedQuantity);
  let effNet = ZERO;
  if (netAmount !== null) {
    if (netAmount.isNegative() && !netAmount.isZero()) {
      if (detail) warnings.push({ code: 'negative-net', message: M.negativeNet(netAmount.toString()), path: ctx.where('returns') });
    } else effNet = netAmount;
  }
  let effUnits = ZERO;
  if (netQuantity !== null) {
    if (netQuantity.isNegative() && !netQuantity.isZero()) {
      if (detail) warnings.push({ code: 'negative-quantity', message: M.negativeQuantity(netQuantity.toString()), path: ctx.where('returnedQuantity') });
    } else effUnits = netQuantity;
  }

  const basis = program.basis;
  const tiers = program.tiers;
  const n = tiers.length;
  const T = facts.target;
  const B = facts.baseline ?? ZERO;
  const zeroBase = basis === 'growthRate' && B.isZero();
  const axis: Axis = { program, target: T, baseline: B, lows: new Array<Decimal | undefined>(n) };
  const onUnits = basis === 'quantity';
  const isGrowth = basis === 'growth' || basis === 'growthRate';
  const v = onUnits ? effUnits : effNet;
  const sel = isGrowth ? maxOf(effNet, B) : v;
  if (detail && isGrowth && effNet.lt(B)) {
    warnings.push({ code: 'negative-growth', message: M.negativeGrowth(effNet.toString(), B.toString()), path: ctx.where('baseline') });
  }

  // The exact basis value, and the value reported (ratios rounded to ratioScale places).
  let exactValue: Decimal | null = null;
  let basisValue: Decimal | null = null;
  if (top) {
    switch (basis) {
      case 'attainment':
        exactValue = effNet.div(T!);
        basisValue = roundRatio(exactValue, ctx.ratioScale);
        break;
      case 'growth':
        exactValue = basisValue = sel.minus(B);
        break;
      case 'growthRate':
        exactValue = zeroBase ? null : sel.minus(B).div(B);
        basisValue = exactValue === null ? null : roundRatio(exactValue, ctx.ratioScale);
        break;
      default:
        exactValue = basisValue = v;
    }
  }

  let k: number;
  if (forced !== null) k = forced;
  else if (zeroBase) {
    k = program.zeroBaseline === 'highest-tier' && effNet.gt(0) ? n - 1 : 0;
    if (detail) warnings.push({ code: 'zero-baseline', message: M.zeroBaseline(program.zeroBaseline!, k), path: ctx.where('baseline') });
  } else if (program.bounds === 'from') {
    k = 0;
    for (let i = n - 1; i > 0; i--) {
      if (sel.gte(lowAt(axis, i))) {
        k = i;
        break;
      }
    }
  } else {
    k = n - 1;
    for (let i = 0; i < n - 1; i++) {
      if (sel.lte(highAt(axis, i)!)) {
        k = i;
        break;
      }
    }
  }

  // Price the lines.
  const lineStage = stage === 'line';
  const hasAmount = netAmount !== null;
  const hasUnits = netQuantity !== null;
  const increment = isGrowth && program.applyTo === 'increment' ? (effNet.gt(B) ? effNet.minus(B) : ZERO) : effNet;
  const lines: RebateTierStep[] = [];
  const exact: Decimal[] = [];
  // No tier's fixed amount without a positive net basis: it would pay a dealer that sold nothing (docs/rebates.md).
  const paysFixed = v.gt(0);
  if (program.method === 'incremental') {
    for (let i = 0; i <= k; i++) {
      let portion: Decimal;
      if (zeroBase) portion = i === k ? v : ZERO;
      else {
        const lo = i === 0 && isGrowth && program.applyTo === 'net' ? ZERO : lowAt(axis, i);
        portion = band(v, lo, highAt(axis, i));
      }
      priceLine(program, i, onUnits ? null : hasAmount ? portion : null, onUnits ? portion : null, paysFixed, lines, exact);
    }
  } else {
    priceLine(program, k, hasAmount ? increment : null, hasUnits ? effUnits : null, paysFixed, lines, exact);
  }
  let award: RebateOverAchievementStep | null = null;
  let awardExact: Decimal | null = null;
  const oaSpec = program.overAchievement;
  if (oaSpec !== null) {
    const threshold = oaSpec.above.times(T!);
    const base = effNet.gt(threshold) ? effNet.minus(threshold) : ZERO;
    let amount = base.times(oaSpec.rate);
    const capped = oaSpec.cap !== null && amount.gt(oaSpec.cap);
    if (capped) amount = oaSpec.cap!;
    awardExact = amount;
    award = { code: 'over-achievement', threshold, base, rate: oaSpec.rate, cap: oaSpec.cap, capped, amount: lineStage ? roundDecimal(amount, scale, mode) : amount, text: '' };
  }

  // Gates and multipliers.
  let g = ONE;
  let eligible = true;
  const gates: RebateGateResult[] = program.gates.map((gate, i) => {
    const value = facts.metrics[gate.metric]!;
    const passed = compareMetric(value, gate.op, gate.value);
    const factor = passed ? ONE : gate.failFactor;
    if (!passed && (gate.zero || factor.isZero())) eligible = false;
    g = g.times(factor);
    if (detail && ctx.fractionGates[i] === true && value.gt(ONE)) {
      warnings.push({
        code: 'percent-like-metric',
        message: M.percentLikeMetric(gate.metric, value.toString(), gate.value.toString()),
        path: ctx.where('metrics', gate.metric),
      });
    }
    return { metric: gate.metric, op: gate.op, required: gate.value, value, passed, factor };
  });
  let m = ONE;
  const multipliers: RebateMultiplierResult[] = program.multipliers.map((mt) => {
    const value = facts.metrics[mt.metric]!;
    let b = 0;
    for (let j = mt.bands.length - 1; j > 0; j--) {
      if (value.gte(mt.bands[j]!.from)) {
        b = j;
        break;
      }
    }
    const factor = mt.bands[b]!.factor;
    m = m.times(factor);
    return { metric: mt.metric, value, band: b, factor };
  });

  let cap: CapValue | null = null;
  if (program.cap !== null) {
    const byAmount = program.cap.amount;
    // A cap is never exceeded: a percentage cap is rounded down to the money scale.
    const byRate = program.cap.rateOfBase === null ? null : roundDecimal(program.cap.rateOfBase.times(effNet), scale, 'down');
    const limit = byAmount === null ? byRate! : byRate === null || byAmount.lte(byRate) ? byAmount : byRate;
    cap = { limit, byAmount, byRate };
  }

  const exactAmounts = awardExact === null ? exact : [...exact, awardExact];
  const exactRun = finish(program, exactAmounts, g, m, eligible, cap, false, detail && !lineStage);
  let run = exactRun;
  let rebate: Decimal;
  if (lineStage) {
    const rounded: Decimal[] = [];
    for (const l of lines) rounded.push(l.amount);
    if (award !== null) rounded.push(award.amount);
    run = finish(program, rounded, g, m, eligible, cap, true, detail);
    rebate = run.total;
  } else {
    rebate = roundDecimal(exactRun.total, scale, mode);
  }
  const unrounded = exactRun.total;

  const tier = tiers[k]!;
  const benefits: RebateBenefit[] = eligible ? tier.benefits.map((b) => ({ name: b.name, amount: b.amount })) : [];

  const result: RebateResult = {
    rebate,
    unrounded,
    basis,
    basisValue,
    netAmount,
    netQuantity,
    tier: { index: k, name: tier.name },
    gates,
    eligible,
    multiplier: m,
    multipliers,
    capApplied: run.capApplied,
    minimumApplied: run.minimumApplied,
    benefits,
    nextTier: null,
    steps: [],
    warnings,
  };
  if (!top) return result;

  if (!zeroBase && k < n - 1) {
    const next = tiers[k + 1]!;
    const threshold = next.from;
    const ratio = basis === 'attainment' || basis === 'growthRate';
    const gap = ratio ? roundRatio(threshold.minus(exactValue!), ctx.ratioScale) : threshold.minus(exactValue!);
    let salesGap: Decimal | null = null;
    let moved: RebateFacts;
    if (onUnits) {
      moved = { ...facts, quantity: facts.quantity!.plus(threshold.minus(netQuantity!)) };
    } else {
      salesGap = lowAt(axis, k + 1).minus(netAmount!);
      moved = { ...facts, sales: facts.sales!.plus(salesGap) };
    }
    const at = evaluate(program, moved, k + 1, ctx).rebate;
    result.nextTier = {
      index: k + 1,
      name: next.name,
      threshold,
      mustExceed: program.bounds === 'upTo',
      gap,
      salesGap,
      rebateAtThreshold: at,
      gain: at.minus(rebate),
    };
    if (detail && program.method === 'retroactive') {
      warnings.push({
        code: 'retroactive-jump',
        message: M.retroactiveJump(program.bounds === 'upTo' ? 'exceeding' : 'reaching', threshold.toString(), k + 1, next.name, rebate.toString(), at.toString()),
      });
    }
  }

  if (!detail) return result;

  // The steps, in order, and their texts.
  const steps: RebateStep[] = [];
  steps.push({
    code: 'basis',
    basis,
    sales: facts.sales,
    returns: facts.returns,
    netAmount,
    quantity: facts.quantity,
    returnedQuantity: facts.returnedQuantity,
    netQuantity,
    target: T,
    baseline: facts.baseline,
    value: basisValue,
    text: '',
  });
  for (const l of lines) steps.push(l);
  if (award !== null) steps.push(award);
  const adjustments = run.steps;
  let a = 0;
  gates.forEach((r) => steps.push({ code: 'gate', ...r, text: '' }));
  if (adjustments[a]?.code === 'gate-factor') steps.push(adjustments[a++]!);
  program.multipliers.forEach((mt, i) => {
    const r = multipliers[i]!;
    steps.push({ code: 'multiplier', metric: r.metric, value: r.value, band: r.band, from: mt.bands[r.band]!.from, factor: r.factor, text: '' });
  });
  while (a < adjustments.length) steps.push(adjustments[a++]!);
  steps.push({ code: 'rounding', stage, scale, mode, unrounded, rebate, difference: rebate.minus(unrounded), text: '' });
  const f: StepFormat = { scale, seps: EN };
  const texts = stepTexts(steps, f);
  for (let i = 0; i < steps.length; i++) steps[i]!.text = texts[i]!;
  result.steps = steps;
  return result;
}

const optionsShape = z.strictObject({ ratioScale: z.optional(scaleSchema) });
const batchOptionsShape = z.strictObject({
  ratioScale: z.optional(scaleSchema),
  onError: z.optional(z.enum(['throw', 'collect'])),
  onProgress: z.optional(z.custom<(done: number, total: number) => void>((v) => typeof v === 'function', { error: 'must be a function (done, total) => void' })),
});

/** Reads the options of a calculation (`ratioScale`). @internal */
export function ratioScaleOf(options: unknown, shape: z.ZodMiniType = optionsShape): number | undefined {
  if (options === undefined) return undefined;
  const o = parseWith(shape, options, ['options']) as { ratioScale?: number };
  return o.ratioScale;
}

/** The batch options of {@link calculateRebates} (checked, then read by the core). @internal */
export function batchRatioScaleOf(options: unknown): number | undefined {
  return ratioScaleOf(options, batchOptionsShape);
}

/**
 * Calculates one dealer's rebate under a program, with every step behind it.
 *
 * Net amount = sales − returns, net units = quantity − returned quantity; a negative net gives a
 * basis of 0 (reported in `warnings`), never a negative rebate. The steps run `basis`, the `tier`
 * lines, `over-achievement`, gates, multipliers, `minimum`, `cap` and `rounding`; their amounts add
 * up to the rebate with `rounding.stage: 'line'` (every line rounded, so the printed lines add up)
 * or to the unrounded rebate with `'total'` (rounded once; the `rounding` step says by how much).
 * Tiers are chosen on exact figures (sales against `bound × target`), never on a rounded ratio;
 * `basisValue` reports attainment and growth rates rounded to `ratioScale` places.
 *
 * @param program - A program from {@link defineRebateProgram} (a spec is defined on the spot).
 * @param input - The dealer's figures for the program's period.
 * @param options - `ratioScale`: decimal places of reported ratios (the program's, 10 by default).
 * @example
 * ```ts
 * const sap = defineRebateProgram({
 *   currency: 'EUR', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive',
 *   tiers: [{ from: 0 }, { from: 5000, rate: '0.02' }, { from: 20000, rate: '0.04' }],
 * });
 * const r = calculateRebate(sap, { sales: 7000 });
 * [r.rebate.toString(), r.nextTier?.salesGap?.toString(), r.steps[1]?.text];
 * //=> ['140', '13000', 'Tier 2: 2 % × 7,000.00 = 140.00']
 * ```
 */
export function calculateRebate(program: RebateProgram, input: RebateInput, options?: RebateOptions): RebateResult {
  try {
    const { program: p, internals } = resolveProgram(program, ['program']);
    const ctx = contextOf(p, ratioScaleOf(options));
    const facts = factsOf(parseWith(inputShape, input, []));
    checkFacts(p, internals, facts, samePath);
    return evaluate(p, facts, null, ctx);
  } catch (error) {
    throw wrapThrown(error);
  }
}

/** The totals of a batch of calculations (over the rows computed). */
export interface RebateTotals {
  /** How many rows were computed. */
  count: number;
  /** Σ rebate. */
  rebate: Decimal;
  /** Σ unrounded rebate. */
  unrounded: Decimal;
  /** Σ benefits by name. */
  benefits: RebateBenefit[];
}

/** The result of {@link calculateRebates}: one row per input (with its `id`), the totals over the good rows. */
export type RebateBatchResult = BatchResult<RebateResult, RebateTotals>;

/**
 * Calculates many dealers' rebates under one program, validated once: one row per input, in
 * order, each with its `id` and result (or, with `onError: 'collect'`, its error), plus the totals
 * over the rows computed.
 *
 * Under `onError: 'throw'` (the default) every bad row is reported in one error, each path naming
 * the row by its id (`inputs[D-117].sales`) or its index.
 *
 * @param program - A program from {@link defineRebateProgram}.
 * @param inputs - One input per dealer, each with an optional `id`.
 * @param options - `ratioScale`, `onError`, `onProgress(done, total)`.
 * @example
 * ```ts
 * const p = defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'amount', method: 'incremental', tiers: [{ from: 0, rate: '0.01' }, { from: 1000, rate: '0.02' }] });
 * const batch = calculateRebates(p, [{ id: 'D1', sales: 500 }, { id: 'D2', sales: 1500 }]);
 * [batch.rows.map((r) => [r.id, r.result?.rebate.toString()]), batch.totals.rebate.toString()];
 * //=> [[['D1', '5'], ['D2', '20']], '25']
 * ```
 */
export function calculateRebates(program: RebateProgram, inputs: readonly RebateInput[], options?: RebateBatchOptions): RebateBatchResult {
  try {
    const { program: p, internals } = resolveProgram(program, ['program']);
    const ctx = contextOf(p, batchRatioScaleOf(options));
    const batch = batchOptionsOf(options);
    const run = runBatch<unknown, RebateResult>(
      inputs,
      'inputs',
      (input) => {
        const facts = factsOf(parseWith(inputShape, input, []));
        checkFacts(p, internals, facts, samePath);
        return evaluate(p, facts, null, ctx);
      },
      batch,
    );
    let rebate = ZERO;
    let unrounded = ZERO;
    let count = 0;
    const benefits = new Map<string, Decimal>();
    for (const row of run.rows) {
      if (!row.ok) continue;
      const r = row.result;
      count++;
      rebate = rebate.plus(r.rebate);
      unrounded = unrounded.plus(r.unrounded);
      for (const b of r.benefits) benefits.set(b.name, (benefits.get(b.name) ?? ZERO).plus(b.amount));
    }
    const totals: RebateTotals = { count, rebate, unrounded, benefits: [...benefits].map(([name, amount]) => ({ name, amount })) };
    return {
      rows: run.rows,
      totals,
      failed: run.failed,
      warnings: batchWarnings(run.failed, run.rows.length),
      steps: [{ code: 'total', text: M.batchTotal(count, run.failed, fmtMoney(rebate, { scale: p.rounding.scale, seps: EN })) }],
    };
  } catch (error) {
    throw wrapThrown(error);
  }
}

/** The warning of a batch with refused rows (collect mode). @internal */
export function batchWarnings(failed: number, total: number): Warning[] {
  return failed === 0 ? [] : [{ code: 'rows-refused', message: M.rowsRefused(failed, total), path: ['inputs'] }];
}
