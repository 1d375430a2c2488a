// The batch path: the rules of kernel.ts over exact scaled integers.
//
// Every value is an integer at one scale per program, the money scale plus enough places for each
// product the rules take (a rate, the gates' and the multipliers' factors), so every step is an
// exact integer operation while it stays below 2^53. An operation that would leave the integers
// (too big, a digit beyond the scale) or a rule that would warn marks the dealer, who then takes
// the Decimal path: which programs and dealers fit is derived from their figures, not listed.
import type { Decimal } from '../core/decimal.js';
import { POW10, ROUNDING_CODE, SAFE, divRound, isTooBig, toScaled, unitsOfNumber } from '../core/scaled.js';
import { namesAFraction } from '../core/schema.js';
import { priceRebate, readAdjustments, type KernelFacts, type Priced, type RebateArith } from './kernel.js';
import type { RebateProgram } from './program.js';

/** The most extra places a program's scale may take (rates, factors) before it keeps to the Decimal path. @internal */
export const MAX_EXTRA = 12;

const MAX = SAFE; // local copies for the hot methods (no module-binding checks in their bytecode)
const TEN: readonly number[] = POW10;

/** A factor product: `num × 10^-places` (preallocated per program, rewritten per dealer). @internal */
interface Factor {
  num: number;
  places: number;
}

/** The scaled-integer form of a program (prepared once per program, lazily). @internal */
export interface FastProgram {
  program: RebateProgram;
  /** Number of tiers. */
  n: number;
  /** Money decimal places, 10^scale, and the extra places of every value (X) with U = 10^X. */
  scale: number;
  unit: number;
  extra: number;
  U: number;
  mode: number;
  /** True when the bounds do not depend on the dealer (amount and quantity bases): highV holds each tier's upper bound. */
  fixedAxis: boolean;
  highV: number[];
  /** Tier bounds as values (money or units, at the value scale) and as numerators over 10^boundPlaces (ratio bases). */
  fromV: number[];
  toV: number[];
  fromN: number[];
  toN: number[];
  boundPlaces: number;
  rateN: number[];
  perUnitN: number[];
  ratePlaces: number;
  fixedV: number[];
  aboveN: number;
  awardN: number;
  awardCapV: number;
  capAmountV: number;
  capRateN: number;
  capPlaces: number;
  minimumV: number;
  /** Gates: required values and band bounds as plain numbers (metrics are compared as numbers). */
  gateValue: number[];
  gateFailN: number[];
  gatePlaces: number;
  fraction: boolean[];
  bandFrom: number[][];
  bandN: number[][];
  multPlaces: number;
}

const forms = new WeakMap<RebateProgram, FastProgram | null>();

/** The scaled-integer form of a program, prepared on first use and kept per program; null when a constant does not fit. @internal */
export function fastFormOf(program: RebateProgram): FastProgram | null {
  let f = forms.get(program);
  if (f === undefined) {
    f = prepareFastProgram(program);
    forms.set(program, f);
  }
  return f;
}

function places(ds: readonly (Decimal | null | undefined)[]): number {
  let p = 0;
  for (const d of ds) if (d != null) p = Math.max(p, d.decimalPlaces());
  return p;
}

/** A Decimal as a number when comparisons with plain-number inputs are then exact (its text is the number's shortest text). */
function exactNumber(d: Decimal): number {
  const n = d.toNumber();
  return String(n) === d.toString() ? n : NaN;
}

/** Prepares the scaled-integer form of a program, or null when one of its constants does not fit. @internal */
export function prepareFastProgram(p: RebateProgram): FastProgram | null {
  const tiers = p.tiers;
  const ratio = p.basis === 'attainment' || p.basis === 'growthRate';
  const oa = p.overAchievement;
  // Bounds and the award's threshold are ratios × the target: they take their places below the money scale.
  const boundPlaces = places([...(ratio ? tiers.flatMap((t) => [t.from, t.to]) : []), oa?.above]);
  const ratePlaces = places([...tiers.flatMap((t) => [t.rate, t.perUnit]), oa?.rate]);
  const gatePlaces = places(p.gates.map((g) => g.failFactor));
  const multPlaces = places(p.multipliers.flatMap((m) => m.bands.map((b) => b.factor)));
  // The places a product needs before it is rounded: a rate × a band of ratio bounds, the gates'
  // factors, the multipliers'. Rounding each line ('line' stage) needs the most of them, rounding
  // once ('total') their sum.
  const lineNeeds = [ratePlaces + boundPlaces, gatePlaces * p.gates.length, multPlaces * p.multipliers.length];
  const extra = p.rounding.stage === 'line' ? Math.max(...lineNeeds) : lineNeeds[0]! + lineNeeds[1]! + lineNeeds[2]!;
  const scale = p.rounding.scale;
  if (extra > MAX_EXTRA || scale + extra > 22) return null;
  const at = scale + extra;
  const capRate = p.cap?.rateOfBase ?? null;
  const capPlaces = capRate === null ? 0 : capRate.decimalPlaces();
  const v = (d: Decimal | null | undefined): number => (d == null ? 0 : toScaled(d, at));
  const f: FastProgram = {
    program: p,
    n: tiers.length,
    scale,
    unit: POW10[scale]!,
    extra,
    U: POW10[extra]!,
    mode: ROUNDING_CODE[p.rounding.mode],
    fixedAxis: p.basis === 'amount' || p.basis === 'quantity',
    highV: tiers.map((t) => (t.to === null ? 0 : v(t.to))),
    fromV: tiers.map((t) => (ratio ? 0 : v(t.from))),
    toV: tiers.map((t) => (ratio || t.to === null ? 0 : v(t.to))),
    fromN: tiers.map((t) => (ratio ? toScaled(t.from, boundPlaces) : 0)),
    toN: tiers.map((t) => (ratio && t.to !== null ? toScaled(t.to, boundPlaces) : 0)),
    boundPlaces,
    rateN: tiers.map((t) => (t.rate === null ? 0 : toScaled(t.rate, ratePlaces))),
    perUnitN: tiers.map((t) => (t.perUnit === null ? 0 : toScaled(t.perUnit, ratePlaces))),
    ratePlaces,
    fixedV: tiers.map((t) => v(t.fixed)),
    aboveN: oa === null ? 0 : toScaled(oa.above, boundPlaces),
    awardN: oa === null ? 0 : toScaled(oa.rate, ratePlaces),
    awardCapV: v(oa?.cap),
    capAmountV: v(p.cap?.amount),
    capRateN: capRate === null || capPlaces > MAX_EXTRA ? 0 : toScaled(capRate, capPlaces),
    capPlaces,
    minimumV: v(p.minimum?.amount),
    gateValue: p.gates.map((g) => exactNumber(g.value)),
    gateFailN: p.gates.map((g) => toScaled(g.failFactor, gatePlaces)),
    gatePlaces,
    fraction: p.gates.map((g) => g.value.lte(1) && namesAFraction(g.metric)),
    bandFrom: p.multipliers.map((m) => m.bands.map((b) => exactNumber(b.from))),
    bandN: p.multipliers.map((m) => m.bands.map((b) => toScaled(b.factor, multPlaces))),
    multPlaces,
  };
  // Every constant must be exact at its scale (TOO_BIG is NaN, and so is a refused comparison value).
  const all = [
    // Stryker disable next-line ConditionalExpression,ArrayDeclaration: on a fixed axis highV repeats toV, elsewhere it holds bounds that only a ratio past 2^53 at the value scale would not fit (the program then takes the Decimal path, same figures), and an added element that is not NaN changes no answer
    ...f.fromV, ...f.toV, ...(f.fixedAxis ? f.highV : []), ...f.fromN, ...f.toN, ...f.rateN, ...f.perUnitN, ...f.fixedV, f.aboveN, f.awardN, f.awardCapV,
    f.capAmountV, f.capRateN, f.minimumV, ...f.gateValue, ...f.gateFailN, ...f.bandFrom.flat(), ...f.bandN.flat(),
  ];
  return all.some(isTooBig) || capPlaces > MAX_EXTRA ? null : f;
}

/** The rules' arithmetic in scaled integers; `bad` is set by any step that leaves them, or would warn. @internal */
export class ScaledArith implements RebateArith<number, Factor> {
  readonly zero = 0;
  bad = false;
  target = 0;
  baseline = 0;
  /** Per gate and per multiplier, the dealer's metric (NaN when not a plain number). */
  readonly gateMetric: number[];
  readonly multMetric: number[];
  /** A dealer's precomputed axis (design runs), or null. */
  axis: Float64Array | null = null;
  at = 0;
  /** Factor products preset per dealer (design runs). */
  preset = false;
  readonly gateF: Factor;
  readonly multF: Factor;
  private readonly U: number;
  private readonly halfUp: boolean; // the common case, rounded without divRound
  constructor(readonly f: FastProgram) {
    this.gateMetric = new Array<number>(f.gateValue.length).fill(NaN);
    this.multMetric = new Array<number>(f.bandFrom.length).fill(NaN);
    this.gateF = { num: 1, places: f.gatePlaces * f.gateValue.length };
    this.multF = { num: 1, places: f.multPlaces * f.bandFrom.length };
    this.U = f.U;
    this.halfUp = f.mode === ROUNDING_CODE['half-up'];
  }
  // The methods the rules call per tier are short (rare paths apart) so that V8 inlines them into the
  // kernel and keeps figures unboxed: a call not inlined boxes every figure above 2^30 in and out.
  private ok(x: number): number {
    if (!(x <= MAX && x >= -MAX)) this.bad = true;
    return x;
  }
  /** x × num × 10^-places, exact at the value scale. */
  private mul(x: number, num: number, places: number): number {
    const prod = x * num;
    if (prod <= MAX && prod >= -MAX) {
      // An exact product over 10^places: its double quotient is an integer exactly when it divides.
      const q = prod / TEN[places]!;
      if (q === Math.trunc(q)) return q;
    }
    return this.mulWide(x, num, places);
  }
  /** {@link mul} when the product leaves the safe integers or does not divide (then `bad`). */
  private mulWide(x: number, num: number, places: number): number {
    // (q × d + r) × num / d = q × num + r × num / d: the whole part first, so no product overflows needlessly.
    const d = POW10[places]!;
    const r = x % d;
    const rn = this.ok(r * num);
    if (rn % d !== 0) this.bad = true;
    return this.ok(this.ok(((x - r) / d) * num) + rn / d);
  }
  add(a: number, b: number): number {
    return this.ok(a + b);
  }
  sub(a: number, b: number): number {
    return this.ok(a - b);
  }
  cmp(a: number, b: number): number {
    return a < b ? -1 : a > b ? 1 : 0;
  }
  round(x: number): number {
    const U = this.U;
    const q = Math.floor(x / U);
    const r = x - q * U;
    // Half-up on a non-negative value whose floor quotient checks out (r in [0, U)); divRound otherwise.
    if (this.halfUp && x >= 0 && r >= 0 && r < U) return (r + r >= U ? q + 1 : q) * U;
    return divRound(x, U, this.f.mode) * U;
  }
  private bound(v: number, n: number): number {
    const f = this.f;
    switch (f.program.basis) {
      case 'attainment':
        return this.mul(this.target, n, f.boundPlaces);
      case 'growth':
        return this.add(this.baseline, v);
      case 'growthRate':
        return this.add(this.baseline, this.mul(this.baseline, n, f.boundPlaces));
      default:
        return v;
    }
  }
  low(i: number): number {
    const f = this.f;
    return this.axis === null && f.fixedAxis ? f.fromV[i]! : this.lowAt(i);
  }
  high(i: number): number {
    const f = this.f;
    return this.axis === null && f.fixedAxis ? f.highV[i]! : this.highAt(i);
  }
  // low and high from a dealer's axis or its own bounds.
  private lowAt(i: number): number {
    if (this.axis !== null) return this.axis[this.at + i]!;
    const f = this.f;
    return f.fixedAxis ? f.fromV[i]! : this.bound(f.fromV[i]!, f.fromN[i]!);
  }
  private highAt(i: number): number {
    const f = this.f;
    if (this.axis !== null) return this.axis[this.at + f.n + i]!;
    // Both bound styles: a defined tier's to is the next tier's from (program.ts), and the rules ask no high of the last tier.
    return f.fixedAxis ? f.highV[i]! : this.bound(f.toV[i]!, f.toN[i]!);
  }
  mulRate(x: number, i: number): number {
    return this.mul(x, this.f.rateN[i]!, this.f.ratePlaces);
  }
  mulPerUnit(x: number, i: number): number {
    return this.mul(x, this.f.perUnitN[i]!, this.f.ratePlaces);
  }
  fixed(i: number): number {
    return this.f.fixedV[i]!;
  }
  threshold(): number {
    if (this.axis !== null) return this.axis[this.at + 2 * this.f.n]!;
    return this.mul(this.target, this.f.aboveN, this.f.boundPlaces);
  }
  mulAward(x: number): number {
    return this.mul(x, this.f.awardN, this.f.ratePlaces);
  }
  awardCap(): number {
    return this.f.awardCapV;
  }
  gateCmp(i: number): number {
    const x = this.gateMetric[i]!;
    if (x !== x) this.bad = true;
    const v = this.f.gateValue[i]!;
    return x < v ? -1 : x > v ? 1 : 0;
  }
  percentLike(i: number): boolean {
    return this.f.fraction[i]! && this.gateMetric[i]! > 1;
  }
  bandCmp(j: number, b: number): number {
    const x = this.multMetric[j]!;
    // Below the first band is an error the Decimal path reports.
    if (x !== x || x < this.f.bandFrom[j]![0]!) this.bad = true;
    const v = this.f.bandFrom[j]![b]!;
    return x < v ? -1 : x > v ? 1 : 0;
  }
  gateProduct(failed: ArrayLike<number>): Factor {
    return this.preset ? this.gateF : this.gatesOf(failed);
  }
  multProduct(bands: ArrayLike<number>): Factor {
    return this.preset ? this.multF : this.multsOf(bands);
  }
  // The products computed out of line: priceRebate's inlining budget goes to the figures' methods.
  private gatesOf(failed: ArrayLike<number>): Factor {
    let num = 1;
    for (let i = 0; i < failed.length; i++) num = this.ok(num * (failed[i] === 1 ? this.f.gateFailN[i]! : POW10[this.f.gatePlaces]!));
    this.gateF.num = num;
    return this.gateF;
  }
  private multsOf(bands: ArrayLike<number>): Factor {
    let num = 1;
    for (let j = 0; j < bands.length; j++) num = this.ok(num * this.f.bandN[j]![bands[j]!]!);
    this.multF.num = num;
    return this.multF;
  }
  isOne(x: Factor): boolean {
    return x.places > 22 ? false : x.num === POW10[x.places];
  }
  applyFactor(x: number, k: Factor): number {
    if (k.places > 22) this.bad = true;
    return this.mul(x, k.num, k.places);
  }
  capAmount(): number {
    return this.f.capAmountV;
  }
  capByRate(net: number): number {
    const f = this.f;
    // Rounded down to the money scale, as a Decimal cap is: never exceeded.
    const prod = this.ok(net * f.capRateN);
    const den = this.ok(POW10[f.capPlaces]! * f.U);
    return this.ok(divRound(prod, den, ROUNDING_CODE.down) * f.U);
  }
  minimum(): number {
    return this.f.minimumV;
  }
  warn(): void {
    // The Decimal path words every warning: the dealer takes it.
    this.bad = true;
  }
}

const ariths = new WeakMap<FastProgram, ScaledArith>();
/** The program form's arithmetic, one per form (the batch paths run synchronously). @internal */
export function arithOf(f: FastProgram): ScaledArith {
  let a = ariths.get(f);
  if (a === undefined) {
    a = new ScaledArith(f);
    ariths.set(f, a);
  }
  return a;
}

/** The kernel's output for the scaled path: its own class, so its figures stay unboxed doubles (the Decimal path's objects hold Decimals). */
class ScaledPriced implements Priced<number> {
  tier = 0;
  rebate = 0;
  unrounded = 0;
  eligible = true;
  capApplied = false;
  minimumApplied = false;
  effNet = 0;
  effUnits = 0;
  failed: number[] = [];
  bands: number[] = [];
  exact = 0;
  rounded = 0;
  capLimit = 0;
  capByAmount: number | null = 0;
  capByRate: number | null = 0;
}
const priced = new ScaledPriced();
const facts: KernelFacts<number> = { net: 0, units: null, baseline: 0 };
/** What a scaled price returns when the dealer takes the Decimal path. @internal */
export const BAIL = -1;

/** The rebate in minor units of a net amount in minor units under the arith's dealer state, or BAIL. @internal */
export function priceNet(ar: ScaledArith, netUnits: number, read: boolean, tierOut: number[]): number {
  const f = ar.f;
  const net = ar.add(netUnits * f.U, 0);
  if (ar.bad) return BAIL;
  facts.net = net;
  priceRebate(ar, f.program, facts, -1, false, priced, null, read);
  if (ar.bad) return BAIL;
  tierOut[0] = priced.tier;
  return priced.rebate / f.U;
}

// ---------------------------------------------------------------------------------------------
// Design hooks (src/design): a program's form over many dealers, each with its own axis (bounds ×
// its target, the award's threshold) and its gates' and multipliers' factors read once.

/** Numbers per dealer in a factors array: the gates' product, the multipliers' product, eligible (1 or 0), two spare. @internal */
export const FACTORS = 5;

/** The form of an amount or attainment program for the design functions, or null. @internal */
export function prepareFastDesign(program: RebateProgram): FastProgram | null {
  return program.basis === 'amount' || program.basis === 'attainment' ? fastFormOf(program) : null;
}

/**
 * One dealer's axis (its tier bounds, × its target on an attainment basis, and its award's
 * threshold) at the form's value scale, written into `out` from `at` (2n + 1 numbers); false when
 * one does not fit (the dealer then takes the Decimal path). @internal
 */
export function fastAxisOf(program: RebateProgram, f: FastProgram, target: Decimal | null, out: Float64Array, at: number): boolean {
  const onTarget = program.basis === 'attainment' || program.overAchievement !== null;
  if (onTarget && (target === null || !target.gt(0))) return false;
  const ar = arithOf(f);
  ar.bad = false;
  ar.axis = null;
  ar.target = target === null ? 0 : toScaled(target, f.scale + f.extra);
  if (isTooBig(ar.target)) return false;
  const n = f.n;
  for (let i = 0; i < n; i++) {
    out[at + i] = ar.low(i);
    out[at + n + i] = i < n - 1 ? ar.high(i) : Infinity;
  }
  out[at + 2 * n] = program.overAchievement === null ? Infinity : ar.threshold();
  return !ar.bad;
}

/** The metric values of a period merged over the settlement's (plain numbers only), or NaN. */
function metricOf(name: string, own: Record<string, unknown> | undefined, top: Record<string, unknown> | undefined, ownFirst: boolean): number {
  const a = ownFirst ? own : top;
  const b = ownFirst ? top : own;
  let v = a === undefined ? undefined : a[name];
  if (v === undefined && b !== undefined) v = b[name];
  return typeof v === 'number' && Number.isFinite(v) ? v : NaN;
}

/** Reads a dealer's metrics for the gates and multipliers (own first, or the settlement's first). @internal */
export function readMetrics(ar: ScaledArith, own: Record<string, unknown> | undefined, top: Record<string, unknown> | undefined, ownFirst: boolean): void {
  const p = ar.f.program;
  for (let i = 0; i < p.gates.length; i++) ar.gateMetric[i] = metricOf(p.gates[i]!.metric, own, top, ownFirst);
  for (let j = 0; j < p.multipliers.length; j++) ar.multMetric[j] = metricOf(p.multipliers[j]!.metric, own, top, ownFirst);
}

/**
 * Reads a dealer's metrics into its gates' and multipliers' factors, written into `out` from `at`
 * ({@link FACTORS} numbers) by the kernel's own reading; false when the batch path declines them
 * (a metric missing or not a plain number, below a multiplier's first band, a ratio written as a
 * percentage). @internal
 */
export function readFactors(
  f: FastProgram,
  own: Record<string, unknown> | undefined,
  top: Record<string, unknown> | undefined,
  ownFirst: boolean,
  out: Float64Array,
  at: number,
): boolean {
  const ar = arithOf(f);
  ar.bad = false;
  ar.preset = false;
  readMetrics(ar, own, top, ownFirst);
  readAdjustments(ar, f.program, priced);
  out[at] = ar.gateProduct(priced.failed).num;
  out[at + 1] = ar.multProduct(priced.bands).num;
  out[at + 2] = priced.eligible ? 1 : 0;
  return !ar.bad;
}

/**
 * The rebate in minor units of a net amount `v` in minor units, or −1 when the dealer takes the
 * Decimal path: the kernel's rules with the dealer's axis from `axis` at `a` and its factors from
 * `fac` at `b`; its tier in `tierOut[0]`. @internal
 */
export function priceUnits(f: FastProgram, v: number, axis: Float64Array, a: number, fac: Float64Array, b: number, tierOut: number[]): number {
  const ar = arithOf(f);
  ar.bad = false;
  ar.axis = axis;
  ar.at = a;
  ar.preset = true;
  ar.gateF.num = fac[b]!;
  ar.multF.num = fac[b + 1]!;
  priced.eligible = fac[b + 2] === 1;
  const r = priceNet(ar, v, false, tierOut);
  ar.axis = null;
  ar.preset = false;
  return r;
}

// ---------------------------------------------------------------------------------------------
// One figure for a spreadsheet cell

const cellTier = [0];
/**
 * The rebate in minor units of one dealer's net sales (and target) under a program, figures only,
 * on the scaled-integer path; −1 when the Decimal path must compute it or report an error (a
 * program that needs more inputs, gates or multipliers without metrics, a figure off the scale). @internal
 */
export function rebateUnitsOf(program: RebateProgram, sales: Decimal | number, target: Decimal | null): number {
  const f = fastFormOf(program);
  if (f === null || program.basis === 'quantity' || program.basis === 'growth' || program.basis === 'growthRate') return BAIL;
  if ((program.basis === 'attainment' || program.overAchievement !== null) && (target === null || !target.gt(0))) return BAIL;
  if (program.tiers.some((t) => t.perUnit !== null)) return BAIL;
  const ar = arithOf(f);
  ar.bad = false;
  ar.preset = false;
  ar.axis = null;
  ar.target = target === null ? 0 : toScaled(target, f.scale + f.extra);
  const units = typeof sales === 'number' ? unitsOfNumber(sales, f.unit) : toScaled(sales, f.scale);
  if (isTooBig(ar.target) || isTooBig(units)) return BAIL;
  readMetrics(ar, undefined, undefined, true);
  return priceNet(ar, units, true, cellTier);
}
