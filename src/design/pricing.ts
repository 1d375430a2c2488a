// A program prepared for many evaluations: the explained path, the figures-only path and the
// scaled-integer batch path, all the rebates engine's own rule (nothing is re-transcribed), and a
// defined program's spec (for variants).
import { ZERO, type Decimal } from '../core/decimal.js';
import { type IssuePath } from '../core/errors.js';
import { decimalFromScaled } from '../core/scaled.js';
import { checkFacts, compareMetric, contextOf, evaluate, type EvaluateContext, type RebateFacts, type RebateResult, type RebateTierRef } from './engine.js';
import { FACTORS, fastAxisOf, prepareFastDesign, priceUnits, readFactors, type FastProgram } from './engine.js';
import { resolveProgram, type ProgramInternals, type RebateProgram } from './engine.js';
import { type RebateProgramSpec } from './engine.js';
import { tierRefsOf } from './engine.js';
import { DESIGN_MESSAGES as M } from './messages.js';
import { type DesignDealer } from './network.js';

// ---------------------------------------------------------------------------------------------
// A program prepared for many evaluations

/** A program prepared once for a design run. @internal */
export interface DesignProgram {
  program: RebateProgram;
  internals: ProgramInternals;
  /** The figures-only context (no steps, texts or warnings). */
  figures: EvaluateContext;
  ratioScale: number;
  refs: readonly RebateTierRef[];
  scale: number;
  /** 10^scale. */
  unit: number;
  /** Per tier, Σ its benefits in minor units (what an eligible dealer in it earns beside the rebate). */
  benefitUnits: number[];
  /** Per tier, Σ its benefits. */
  benefitTotals: Decimal[];
  /** The program's display name, or `program 1` … */
  label: string;
  /** The batch path's form of the program (null when the program does not fit it: another basis, units …). */
  fast: FastProgram | null;
}

/** Prepares a program (or a spec, defined on the spot) for a design run; errors under `path`. @internal */
export function designProgramOf(program: unknown, path: IssuePath, ratioScale: number | undefined, position = 0): DesignProgram {
  const { program: p, internals } = resolveProgram(program, path);
  const scale = p.rounding.scale;
  const benefitTotals = p.tiers.map((t) => t.benefits.reduce((sum, b) => sum.plus(b.amount), ZERO));
  return {
    program: p,
    internals,
    figures: contextOf(p, ratioScale, undefined, false),
    ratioScale: ratioScale ?? p.ratioScale,
    refs: tierRefsOf(p),
    scale,
    unit: 10 ** scale,
    benefitUnits: benefitTotals.map((b) => b.times(10 ** scale).toNumber()),
    benefitTotals,
    label: p.name ?? M.programLabel(position),
    fast: internals.needsQuantity ? null : prepareFastDesign(p),
  };
}

/** The explained context of one dealer: warnings name the dealer's path in the network. @internal */
export function explainedContext(dp: DesignProgram, dealer: DesignDealer): EvaluateContext {
  return contextOf(dp.program, dp.ratioScale, (field, ...rest) => ['network', dealer.key, field, ...rest], true);
}

/** Checks projected facts hold what the program needs, naming the dealer (`scenarios[1].dealers[D05].target`). @internal */
export function checkProjected(dp: DesignProgram, facts: RebateFacts, dealer: DesignDealer, base: IssuePath): void {
  checkFacts(dp.program, dp.internals, facts, (field, ...rest) => [...base, dealer.key, field, ...rest]);
}

/** A rebate as a whole number of minor units (it has at most `scale` places). @internal */
export function unitsOfRebate(rebate: Decimal, unit: number): number {
  return rebate.times(unit).toNumber();
}

/** Plain-number metrics for the scaled-integer path, or null when one is not exactly a number. */
function plainMetricsOf(metrics: Readonly<Record<string, Decimal>>): Record<string, number> | null {
  const out: Record<string, number> = {};
  for (const key of Object.keys(metrics)) {
    const d = metrics[key]!;
    const n = d.toNumber();
    if (String(n) !== d.toString()) return null;
    out[key] = n;
  }
  return out;
}

/** False when a failed `'zero'` gate (or a failed gate with factor 0) makes the dealer ineligible: no benefits. @internal */
export function eligibleUnder(program: RebateProgram, metrics: Readonly<Record<string, Decimal>>): boolean {
  for (const g of program.gates) {
    if (!compareMetric(metrics[g.metric]!, g.op, g.value) && (g.zero || g.failFactor.isZero())) return false;
  }
  return true;
}

/**
 * A program on the batch path over a list of dealers: the program's scaled-integer form once, and
 * per dealer its axis (bounds × its target, its award threshold) and its gates' and multipliers'
 * factors, read once for many runs, in typed arrays. @internal
 */
export interface FastDealers {
  form: FastProgram;
  /** Per dealer, 2n + 1 numbers from d × stride (see fast.ts's FastProgram.axis). */
  axis: Float64Array;
  stride: number;
  /** Per dealer, FACTORS numbers from d × FACTORS. */
  factors: Float64Array;
  /** 1 when the dealer takes the batch path, 0 for the Decimal path. */
  ok: Uint8Array;
}

/** The batch path of a program over dealers' facts, or null when the program does not fit it (then {@link priceDecimal} computes every dealer). @internal */
export function fastDealersOf(dp: DesignProgram, facts: readonly RebateFacts[]): FastDealers | null {
  const form = dp.fast;
  if (form === null) return null;
  const D = facts.length;
  const stride = 2 * form.n + 1;
  const axis = new Float64Array(D * stride);
  const factors = new Float64Array(D * FACTORS);
  const ok = new Uint8Array(D);
  for (let d = 0; d < D; d++) {
    const f = facts[d]!;
    const metrics = plainMetricsOf(f.metrics);
    ok[d] = metrics !== null && fastAxisOf(dp.program, form, f.target, axis, d * stride) && readFactors(form, metrics, undefined, true, factors, d * FACTORS) ? 1 : 0;
  }
  return { form, axis, stride, factors, ok };
}

/** Dealer `d`'s rebate in minor units of net sales `net` (minor units) on the batch path, its tier in `tierOut[0]`; −1 when that path declines it. @internal */
export function priceFast(fd: FastDealers, d: number, net: number, tierOut: number[]): number {
  // A negative net warns (negative-net): the Decimal path reports it.
  if (fd.ok[d] !== 1 || net < 0) return -1;
  return priceUnits(fd.form, net, fd.axis, d * fd.stride, fd.factors, d * FACTORS, tierOut);
}

/** The rebate of a dealer on the Decimal path (figures only): the engine's evaluate. @internal */
export function priceDecimal(dp: DesignProgram, facts: RebateFacts): RebateResult {
  return evaluate(dp.program, facts, null, dp.figures);
}

/** One dealer's figures under a program: its rebate, tier and benefits. @internal */
export interface DealerFigures {
  rebate: Decimal;
  tier: number;
  benefits: Decimal;
  /** The full figures (nextTier …) when the Decimal path computed them, else null. */
  result: RebateResult | null;
}

/**
 * Every dealer's rebate under a program on given facts: the batch path where the dealer fits it
 * (whole minor units), the Decimal path otherwise; exact either way. @internal
 */
export function priceAll(dp: DesignProgram, facts: readonly RebateFacts[]): DealerFigures[] {
  const fd = fastDealersOf(dp, facts);
  const tierOut = [0];
  return facts.map((f, d) => {
    let units = -1;
    // A design dealer always has sales (the network requires them, and every projection keeps them).
    if (fd !== null) {
      const net = f.sales!.minus(f.returns).times(dp.unit);
      if (net.isInteger()) units = priceFast(fd, d, net.toNumber(), tierOut);
    }
    if (units >= 0) {
      const tier = tierOut[0]!;
      return { rebate: moneyOf(units, dp.scale), tier, benefits: eligibleUnder(dp.program, f.metrics) ? dp.benefitTotals[tier]! : ZERO, result: null };
    }
    const r = priceDecimal(dp, f);
    let benefits = ZERO;
    for (const b of r.benefits) benefits = benefits.plus(b.amount);
    return { rebate: r.rebate, tier: r.tier.index, benefits, result: r };
  });
}

/** Minor units as a Decimal at the program's scale. @internal */
export function moneyOf(units: number, scale: number): Decimal {
  return decimalFromScaled(units, scale);
}

// ---------------------------------------------------------------------------------------------
// Program specs (for sensitivity: a program with one threshold or rate moved)

/**
 * The spec of a defined program, so that a variant can be defined by the same validation and priced.
 * Its name and settlement policy are left out: a variant is only priced, and no price reads them. @internal
 */
export function specOf(p: RebateProgram): RebateProgramSpec {
  const spec: RebateProgramSpec = {
    currency: p.currency,
    rounding: { scale: p.rounding.scale, mode: p.rounding.mode, stage: p.rounding.stage },
    basis: p.basis,
    method: p.method,
    tiers: p.tiers.map((t) => {
      const tier: RebateProgramSpec['tiers'][number] = p.bounds === 'from' ? { from: t.from } : { upTo: t.to };
      if (t.rate !== null) tier.rate = t.rate;
      if (t.perUnit !== null) tier.perUnit = t.perUnit;
      if (t.fixed !== null) tier.fixed = t.fixed;
      if (t.name !== null) tier.name = t.name;
      if (t.benefits.length > 0) tier.benefits = Object.fromEntries(t.benefits.map((b) => [b.name, b.amount]));
      return tier;
    }),
    ratioScale: p.ratioScale,
  };
  if (p.applyTo !== null && p.applyTo !== 'increment') spec.applyTo = p.applyTo;
  if (p.zeroBaseline !== null) spec.zeroBaseline = p.zeroBaseline;
  if (p.overAchievement !== null) {
    spec.overAchievement = { above: p.overAchievement.above, rate: p.overAchievement.rate };
    if (p.overAchievement.cap !== null) spec.overAchievement.cap = p.overAchievement.cap;
  }
  if (p.gates.length > 0) spec.gates = p.gates.map((g) => ({ metric: g.metric, op: g.op, value: g.value, onFail: g.zero ? 'zero' : { factor: g.failFactor } }));
  if (p.multipliers.length > 0) spec.multipliers = p.multipliers.map((m) => ({ metric: m.metric, bands: m.bands.map((b) => ({ from: b.from, factor: b.factor })) }));
  if (p.cap !== null) {
    spec.cap = {};
    if (p.cap.amount !== null) spec.cap.amount = p.cap.amount;
    if (p.cap.rateOfBase !== null) spec.cap.rateOfBase = p.cap.rateOfBase;
  }
  if (p.minimum !== null) spec.minimum = { amount: p.minimum.amount, whenBelow: p.minimum.whenBelow };
  return spec;
}
