// One rebate on validated facts, explained: the Decimal arithmetic of the rules in kernel.ts, with
// the steps, their texts and the warnings recorded around them.
import { ONE, ZERO, type Decimal } from '../core/decimal.js';
import { invalid, outOfRange } from '../core/errors.js';
import { roundDecimal, roundRatio } from '../core/money.js';
import type { Warning } from '../core/result.js';
import { gatePasses, priceRebate, pricedOf, type KernelWarning, type RebateArith, type RebateRecorder } from './kernel.js';
import { programInternals, type ProgramInternals, type RebateBenefit, type RebateProgram } from './program.js';
import type { RebateComparison } from './schema.js';
import type {
  RebateCapStep,
  RebateGateFactorStep,
  RebateGateResult,
  RebateMinimumStep,
  RebateMultiplierFactorStep,
  RebateMultiplierResult,
  RebateOverAchievementStep,
  RebateResult,
  RebateStep,
  RebateTierStep,
} from './result.js';
import { REBATE_MESSAGES as M } from './messages.js';
import { EN, stepTexts, type StepFormat } from './explain.js';

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

/** Paths as the fields' own names. @internal */
export const samePath: FactPath = (field, ...rest) => [field, ...rest];

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
  return gatePasses(op, value.cmp(required));
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

type AdjustmentStep = RebateGateFactorStep | RebateMultiplierFactorStep | RebateMinimumStep | RebateCapStep;

/** The rules' arithmetic in Decimals; warnings go to the evaluation when it explains. */
class DecimalArith implements RebateArith<Decimal, Decimal>, RebateRecorder<Decimal, Decimal> {
  readonly zero = ZERO;
  readonly lows: (Decimal | undefined)[];
  readonly lines: RebateTierStep[] = [];
  award: RebateOverAchievementStep | null = null;
  readonly adjustments: AdjustmentStep[] = [];
  constructor(
    readonly p: RebateProgram,
    readonly facts: RebateFacts,
    readonly ctx: EvaluateContext,
    readonly warnings: Warning[] | null,
    readonly netAmount: Decimal | null,
    readonly netQuantity: Decimal | null,
  ) {
    // Stryker disable next-line ArrayDeclaration: the cache is read and filled by index only, so its initial length changes no bound
    this.lows = new Array<Decimal | undefined>(p.tiers.length);
  }
  add(a: Decimal, b: Decimal): Decimal {
    return a.plus(b);
  }
  sub(a: Decimal, b: Decimal): Decimal {
    return a.minus(b);
  }
  cmp(a: Decimal, b: Decimal): number {
    return a.cmp(b);
  }
  round(x: Decimal): Decimal {
    return roundDecimal(x, this.p.rounding.scale, this.p.rounding.mode);
  }
  /** A bound on the amount (or units) axis: attainment × target, baseline + growth, baseline × (1 + growth rate). */
  private toAxis(x: Decimal): Decimal {
    const B = this.facts.baseline ?? ZERO;
    switch (this.p.basis) {
      case 'attainment':
        return x.times(this.facts.target!);
      case 'growth':
        return B.plus(x);
      case 'growthRate':
        return B.plus(B.times(x));
      default:
        return x;
    }
  }
  low(i: number): Decimal {
    let low = this.lows[i];
    if (low === undefined) {
      low = this.toAxis(this.p.tiers[i]!.from);
      this.lows[i] = low;
    }
    return low;
  }
  high(i: number): Decimal {
    // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: tiers[i].to is tiers[i + 1].from under both bound styles (program.ts derives one from the other), so both branches give the same bound
    return this.p.bounds === 'from' ? this.low(i + 1) : this.toAxis(this.p.tiers[i]!.to!);
  }
  mulRate(x: Decimal, i: number): Decimal {
    return x.times(this.p.tiers[i]!.rate!);
  }
  mulPerUnit(x: Decimal, i: number): Decimal {
    return x.times(this.p.tiers[i]!.perUnit!);
  }
  fixed(i: number): Decimal {
    return this.p.tiers[i]!.fixed!;
  }
  threshold(): Decimal {
    return this.p.overAchievement!.above.times(this.facts.target!);
  }
  mulAward(x: Decimal): Decimal {
    return x.times(this.p.overAchievement!.rate);
  }
  awardCap(): Decimal {
    return this.p.overAchievement!.cap!;
  }
  gateCmp(i: number): number {
    const g = this.p.gates[i]!;
    return this.facts.metrics[g.metric]!.cmp(g.value);
  }
  percentLike(i: number): boolean {
    return this.ctx.fractionGates[i] === true && this.facts.metrics[this.p.gates[i]!.metric]!.gt(ONE);
  }
  bandCmp(j: number, b: number): number {
    const m = this.p.multipliers[j]!;
    return this.facts.metrics[m.metric]!.cmp(m.bands[b]!.from);
  }
  gateProduct(failed: ArrayLike<number>): Decimal {
    let g = ONE;
    this.p.gates.forEach((gate, i) => (g = g.times(failed[i] === 1 ? gate.failFactor : ONE)));
    return g;
  }
  multProduct(bands: ArrayLike<number>): Decimal {
    let m = ONE;
    this.p.multipliers.forEach((mt, j) => (m = m.times(mt.bands[bands[j]!]!.factor)));
    return m;
  }
  isOne(f: Decimal): boolean {
    return f.eq(ONE);
  }
  applyFactor(x: Decimal, f: Decimal): Decimal {
    return x.times(f);
  }
  capAmount(): Decimal {
    return this.p.cap!.amount!;
  }
  capByRate(net: Decimal): Decimal {
    return roundDecimal(this.p.cap!.rateOfBase!.times(net), this.p.rounding.scale, 'down');
  }
  minimum(): Decimal {
    return this.p.minimum!.amount;
  }
  warn(code: KernelWarning, at: number): void {
    const w = this.warnings;
    if (w === null) return;
    const where = this.ctx.where;
    const f = this.facts;
    switch (code) {
      case 'negative-net':
        w.push({ code, message: M.negativeNet(this.netAmount!.toString()), path: where('returns') });
        break;
      case 'negative-quantity':
        w.push({ code, message: M.negativeQuantity(this.netQuantity!.toString()), path: where('returnedQuantity') });
        break;
      case 'negative-growth': {
        const effNet = this.netAmount === null || this.netAmount.isNegative() ? ZERO : this.netAmount;
        w.push({ code, message: M.negativeGrowth(effNet.toString(), (f.baseline ?? ZERO).toString()), path: where('baseline') });
        break;
      }
      case 'zero-baseline':
        w.push({ code, message: M.zeroBaseline(this.p.zeroBaseline!, at), path: where('baseline') });
        break;
      default: {
        const g = this.p.gates[at]!;
        w.push({ code, message: M.percentLikeMetric(g.metric, f.metrics[g.metric]!.toString(), g.value.toString()), path: where('metrics', g.metric) });
      }
    }
  }
  // The recorder: the steps of the explained run.
  onLine(i: number, base: Decimal | null, units: Decimal | null, rate: boolean, perUnit: boolean, fixed: boolean, shown: Decimal): void {
    const t = this.p.tiers[i]!;
    this.lines.push({
      code: 'tier',
      index: i,
      name: t.name,
      from: t.from,
      to: t.to,
      base,
      units,
      rate: rate ? t.rate : null,
      perUnit: perUnit ? t.perUnit : null,
      fixed: fixed ? t.fixed : null,
      amount: shown,
      // Stryker disable next-line StringLiteral: a placeholder, since stepsOf overwrites every step's text with stepTexts before it returns
      text: '',
    });
  }
  onAward(threshold: Decimal, base: Decimal, capped: boolean, shown: Decimal): void {
    const oa = this.p.overAchievement!;
    this.award = { code: 'over-achievement', threshold, base, rate: oa.rate, cap: oa.cap, capped, amount: shown, text: '' };
  }
  onGateFactor(factor: Decimal, before: Decimal, after: Decimal): void {
    this.adjustments.push({ code: 'gate-factor', factor, before, after, amount: after.minus(before), text: '' });
  }
  onMultFactor(factor: Decimal, before: Decimal, after: Decimal): void {
    this.adjustments.push({ code: 'multiplier-factor', factor, before, after, amount: after.minus(before), text: '' });
  }
  onMinimum(raise: boolean, before: Decimal, after: Decimal): void {
    const limit = this.p.minimum!.amount;
    this.adjustments.push({ code: 'minimum', limit, whenBelow: raise ? 'raise' : 'forfeit', before, after, amount: raise ? limit.minus(before) : before.negated(), text: '' });
  }
  onCap(limit: Decimal, byAmount: Decimal | null, byRate: Decimal | null, before: Decimal): void {
    this.adjustments.push({ code: 'cap', limit, byAmount, byRate, before, after: limit, amount: limit.minus(before), text: '' });
  }
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
  const warnings: Warning[] = [];
  const netAmount = facts.sales === null ? null : facts.sales.minus(facts.returns);
  const netQuantity = facts.quantity === null ? null : facts.quantity.minus(facts.returnedQuantity);
  const ar = new DecimalArith(program, facts, ctx, detail ? warnings : null, netAmount, netQuantity);
  const B = facts.baseline ?? ZERO;
  const out = pricedOf<Decimal>(ZERO);
  priceRebate(ar, program, { net: netAmount, units: netQuantity, baseline: B }, forced ?? -1, true, out, detail ? ar : null);
  const k = out.tier;
  const { basis, tiers } = program;
  const gates: RebateGateResult[] = program.gates.map((gate, i) => {
    const passed = out.failed[i] === 0;
    return { metric: gate.metric, op: gate.op, required: gate.value, value: facts.metrics[gate.metric]!, passed, factor: passed ? ONE : gate.failFactor };
  });
  const multipliers: RebateMultiplierResult[] = program.multipliers.map((mt, j) => {
    const b = out.bands[j]!;
    return { metric: mt.metric, value: facts.metrics[mt.metric]!, band: b, factor: mt.bands[b]!.factor };
  });
  const tier = tiers[k]!;
  const benefits: RebateBenefit[] = out.eligible ? tier.benefits.map((b) => ({ name: b.name, amount: b.amount })) : [];
  const result: RebateResult = {
    rebate: out.rebate,
    unrounded: out.unrounded,
    basis,
    basisValue: null,
    netAmount,
    netQuantity,
    tier: { index: k, name: tier.name },
    gates,
    eligible: out.eligible,
    multiplier: ar.multProduct(out.bands),
    multipliers,
    capApplied: out.capApplied,
    minimumApplied: out.minimumApplied,
    benefits,
    nextTier: null,
    steps: [],
    warnings,
  };
  if (!top) return result;
  const exactValue = basisValueOf(program, out.effNet, out.effUnits, facts, B, result, ctx.ratioScale);
  const zeroBase = basis === 'growthRate' && B.isZero();
  if (!zeroBase && k < tiers.length - 1) nextTierOf(program, facts, ar, exactValue!, result, ctx, detail);
  if (detail) result.steps = stepsOf(program, facts, ar, result);
  return result;
}

/** The exact basis value (returned), and the value reported in the result (ratios rounded to ratioScale places). */
function basisValueOf(program: RebateProgram, effNet: Decimal, effUnits: Decimal, facts: RebateFacts, B: Decimal, result: RebateResult, ratioScale: number): Decimal | null {
  const sel = effNet.gte(B) ? effNet : B;
  switch (program.basis) {
    case 'attainment': {
      const exact = effNet.div(facts.target!);
      result.basisValue = roundRatio(exact, ratioScale);
      return exact;
    }
    case 'growth':
      return (result.basisValue = sel.minus(B));
    case 'growthRate': {
      if (B.isZero()) return null;
      const exact = sel.minus(B).div(B);
      result.basisValue = roundRatio(exact, ratioScale);
      return exact;
    }
    case 'quantity':
      return (result.basisValue = effUnits);
    default:
      return (result.basisValue = effNet);
  }
}

/** What the next tier needs and is worth: the rebate with the basis moved to its threshold. */
function nextTierOf(program: RebateProgram, facts: RebateFacts, ar: DecimalArith, exactValue: Decimal, result: RebateResult, ctx: EvaluateContext, detail: boolean): void {
  const k = result.tier.index;
  const next = program.tiers[k + 1]!;
  const threshold = next.from;
  const ratio = program.basis === 'attainment' || program.basis === 'growthRate';
  const gap = ratio ? roundRatio(threshold.minus(exactValue), ctx.ratioScale) : threshold.minus(exactValue);
  let salesGap: Decimal | null = null;
  let moved: RebateFacts;
  if (program.basis === 'quantity') {
    moved = { ...facts, quantity: facts.quantity!.plus(threshold.minus(result.netQuantity!)) };
  } else {
    salesGap = ar.low(k + 1).minus(result.netAmount!);
    moved = { ...facts, sales: facts.sales!.plus(salesGap) };
  }
  const at = evaluate(program, moved, k + 1, ctx).rebate;
  result.nextTier = { index: k + 1, name: next.name, threshold, mustExceed: program.bounds === 'upTo', gap, salesGap, rebateAtThreshold: at, gain: at.minus(result.rebate) };
  if (detail && program.method === 'retroactive') {
    result.warnings.push({
      code: 'retroactive-jump',
      message: M.retroactiveJump(program.bounds === 'upTo' ? 'exceeding' : 'reaching', threshold.toString(), k + 1, next.name, result.rebate.toString(), at.toString()),
    });
  }
}

/** The steps, in order, and their texts. */
function stepsOf(program: RebateProgram, facts: RebateFacts, ar: DecimalArith, r: RebateResult): RebateStep[] {
  const { scale, mode, stage } = program.rounding;
  const steps: RebateStep[] = [];
  steps.push({
    code: 'basis',
    basis: program.basis,
    sales: facts.sales,
    returns: facts.returns,
    netAmount: r.netAmount,
    quantity: facts.quantity,
    returnedQuantity: facts.returnedQuantity,
    netQuantity: r.netQuantity,
    target: facts.target,
    baseline: facts.baseline,
    value: r.basisValue,
    // Stryker disable next-line StringLiteral: a placeholder, since stepsOf overwrites every step's text with stepTexts before it returns
    text: '',
  });
  for (const l of ar.lines) steps.push(l);
  if (ar.award !== null) steps.push(ar.award);
  const adjustments = ar.adjustments;
  let a = 0;
  r.gates.forEach((g) => steps.push({ code: 'gate', ...g, text: '' }));
  if (adjustments[a]?.code === 'gate-factor') steps.push(adjustments[a++]!);
  program.multipliers.forEach((mt, i) => {
    const m = r.multipliers[i]!;
    steps.push({ code: 'multiplier', metric: m.metric, value: m.value, band: m.band, from: mt.bands[m.band]!.from, factor: m.factor, text: '' });
  });
  while (a < adjustments.length) steps.push(adjustments[a++]!);
  steps.push({ code: 'rounding', stage, scale, mode, unrounded: r.unrounded, rebate: r.rebate, difference: r.rebate.minus(r.unrounded), text: '' });
  const f: StepFormat = { scale, seps: EN };
  const texts = stepTexts(steps, f);
  for (let i = 0; i < steps.length; i++) steps[i]!.text = texts[i]!;
  return steps;
}
