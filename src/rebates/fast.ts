// The batch path: the rules of kernel.ts over exact scaled integers.
//
// Every value is an integer at one scale per program, the money scale plus enough places for each
// product the rules take (a rate, the gates' and the multipliers' factors), so every step is an
// exact integer operation while it stays below 2^53. An operation that would leave the integers
// (too big, a digit beyond the scale) or a rule that would warn marks the dealer, who then takes
// the Decimal path: which programs and dealers fit is derived from their figures, not listed.
import { ZERO, type Decimal } from '../core/decimal.js';
import { POW10, ROUNDING_CODE, SAFE, decimalFromScaled, divRound, isTooBig, toScaled, unitsOfNumber } from '../core/scaled.js';
import { namesAFraction } from '../core/schema.js';
import { payPeriod, priceRebate, pricedOf, readAdjustments, type KernelFacts, type PaymentArith, type PaymentOut, type RebateArith } from './kernel.js';
import type { RebateProgram } from './program.js';
import type { RebateTierRef } from './result.js';
import type { RebateSettlementSummary } from './settlement.js';

/** The most extra places a program's scale may take (rates, factors) before it keeps to the Decimal path. */
const MAX_EXTRA = 12;

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
    ...f.fromV, ...f.toV, ...f.fromN, ...f.toN, ...f.rateN, ...f.perUnitN, ...f.fixedV, f.aboveN, f.awardN, f.awardCapV,
    f.capAmountV, f.capRateN, f.minimumV, ...f.gateValue, ...f.gateFailN, ...f.bandFrom.flat(), ...f.bandN.flat(),
  ];
  return all.some(isTooBig) || capPlaces > MAX_EXTRA ? null : f;
}

/** The rules' arithmetic in scaled integers; `bad` is set by any step that leaves them, or would warn. */
class ScaledArith implements RebateArith<number, Factor> {
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
  constructor(readonly f: FastProgram) {
    this.gateMetric = new Array<number>(f.gateValue.length).fill(NaN);
    this.multMetric = new Array<number>(f.bandFrom.length).fill(NaN);
    this.gateF = { num: 1, places: f.gatePlaces * f.gateValue.length };
    this.multF = { num: 1, places: f.multPlaces * f.bandFrom.length };
  }
  private ok(x: number): number {
    if (!(x <= SAFE && x >= -SAFE)) this.bad = true;
    return x;
  }
  /** x × num × 10^-places, exact at the value scale. */
  private mul(x: number, num: number, places: number): number {
    if (places === 0) return this.ok(x * num);
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
    return divRound(x, this.f.U, this.f.mode) * this.f.U;
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
    if (this.axis !== null) return this.axis[this.at + i]!;
    return this.bound(this.f.fromV[i]!, this.f.fromN[i]!);
  }
  high(i: number): number | null {
    const f = this.f;
    if (f.program.tiers[i]!.to === null) return null;
    if (this.axis !== null) return this.axis[this.at + f.n + i]!;
    return f.program.bounds === 'from' ? this.low(i + 1) : this.bound(f.toV[i]!, f.toN[i]!);
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
    if (this.preset) return this.gateF;
    const f = this.f;
    let num = 1;
    for (let i = 0; i < failed.length; i++) num = this.ok(num * (failed[i] === 1 ? f.gateFailN[i]! : POW10[f.gatePlaces]!));
    this.gateF.num = num;
    return this.gateF;
  }
  multProduct(bands: ArrayLike<number>): Factor {
    if (this.preset) return this.multF;
    const f = this.f;
    let num = 1;
    for (let j = 0; j < bands.length; j++) num = this.ok(num * f.bandN[j]![bands[j]!]!);
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
function arithOf(f: FastProgram): ScaledArith {
  let a = ariths.get(f);
  if (a === undefined) {
    a = new ScaledArith(f);
    ariths.set(f, a);
  }
  return a;
}

const priced = pricedOf<number>(0);
const facts: KernelFacts<number> = { net: 0, units: null, baseline: 0 };
const BAIL = -1;

/** The rebate in minor units of a net amount in minor units under the arith's dealer state, or BAIL. */
function priceNet(ar: ScaledArith, netUnits: number, read: boolean, tierOut: number[]): number {
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
    out[at + n + i] = ar.high(i) ?? Infinity;
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

function readMetrics(ar: ScaledArith, own: Record<string, unknown> | undefined, top: Record<string, unknown> | undefined, ownFirst: boolean): void {
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
// settleRebates' batch path

/** A settlement policy in integers for the batch path. @internal */
export interface FastPolicy {
  cumulative: boolean;
  negativeTrueUp: 'clawback' | 'carry' | 'waive';
  noHoldback: boolean;
  /** 1 − holdback rate, as keepNum / keepDen. */
  keepNum: number;
  keepDen: number;
}

const policies = new WeakMap<RebateProgram, FastPolicy | null>();

/** The integer form of a program's settlement policy, kept per program; null when its holdback does not fit. @internal */
export function fastPolicyOf(program: RebateProgram): FastPolicy | null {
  let fp = policies.get(program);
  if (fp === undefined) {
    fp = program.settlement === null ? null : prepareFastPolicy(program.settlement);
    policies.set(program, fp);
  }
  return fp;
}

/** The integer form of a validated policy, or null when its holdback has too many decimals. @internal */
export function prepareFastPolicy(policy: {
  readonly advance: 'cumulative' | 'period';
  readonly holdbackRate: Decimal;
  readonly negativeTrueUp: 'clawback' | 'carry' | 'waive';
}): FastPolicy | null {
  const h = policy.holdbackRate;
  const hd = h.decimalPlaces();
  const hn = hd > MAX_EXTRA ? NaN : toScaled(h, hd);
  if (isTooBig(hn)) return null;
  return {
    cumulative: policy.advance === 'cumulative',
    negativeTrueUp: policy.negativeTrueUp,
    noHoldback: hn === 0,
    keepNum: POW10[hd]! - hn,
    keepDen: POW10[hd]!,
  };
}

/** The payment rule's arithmetic in minor units. */
class ScaledPayments implements PaymentArith<number> {
  readonly zero = 0;
  bad = false;
  mode = 0;
  keepNum = 1;
  keepDen = 1;
  add(a: number, b: number): number {
    return a + b;
  }
  sub(a: number, b: number): number {
    return a - b;
  }
  neg(a: number): number {
    return a === 0 ? 0 : -a;
  }
  sign(a: number): number {
    return a < 0 ? -1 : a > 0 ? 1 : 0;
  }
  keep(rebate: number): number {
    const prod = rebate * this.keepNum;
    if (!(prod <= SAFE && prod >= -SAFE)) this.bad = true;
    return divRound(prod, this.keepDen, this.mode);
  }
}
const payments = new ScaledPayments();
const paid: PaymentOut<number> = { advance: null, due: 0, payment: 0, carried: 0, waived: 0 };

/** True when every value of a metrics object is a finite number (the Decimal path refuses anything else). */
function plainMetrics(m: unknown): boolean {
  if (m === undefined) return true;
  if (typeof m !== 'object' || m === null || Array.isArray(m)) return false;
  const rec = m as Record<string, unknown>;
  for (const key in rec) {
    const v = rec[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) return false;
  }
  return true;
}

// Scratch space of settleFast (the batch path runs synchronously, one dealer at a time).
let scratch = new Float64Array(16);
const tierOut = [0];

/** Checks one dealer's input has only what this path reads (plain numbers at the money scale); its periods' net amounts into `nets`, or false. */
function readDealer(f: FastProgram, input: unknown, nets: Float64Array): boolean {
  if (typeof input !== 'object' || input === null) return false;
  const rec = input as Record<string, unknown>;
  for (const key in rec) if (key !== 'id' && key !== 'periods' && key !== 'metrics') return false;
  const id = rec.id;
  if (id !== undefined && (typeof id !== 'string' || id === '') && (typeof id !== 'number' || !Number.isFinite(id))) return false;
  const periods = rec.periods;
  if (!Array.isArray(periods) || periods.length === 0 || !plainMetrics(rec.metrics)) return false;
  for (let k = 0; k < periods.length; k++) {
    const p = periods[k] as Record<string, unknown>;
    if (typeof p !== 'object' || p === null) return false;
    for (const key in p) if (key !== 'period' && key !== 'sales' && key !== 'returns' && key !== 'metrics') return false;
    const pid = p.period;
    if (typeof pid !== 'string' || pid === '') return false;
    for (let j = 0; j < k; j++) if ((periods[j] as { period: string }).period === pid) return false;
    const sales = unitsOfNumber(p.sales, f.unit);
    const returns = p.returns === undefined ? 0 : unitsOfNumber(p.returns, f.unit);
    // Negative figures are the Decimal path's to refuse or warn about.
    if (!(sales >= 0 && returns >= 0) || !plainMetrics(p.metrics)) return false;
    nets[k] = sales - returns;
  }
  return true;
}

/**
 * Settles one dealer on the scaled-integer path (the kernel's pricing and payment rules), or
 * returns undefined to fall back to the Decimal path. @internal
 */
export function settleFast(f: FastProgram, input: unknown, policy: FastPolicy, final: boolean, tiers: readonly RebateTierRef[], sums: Float64Array): RebateSettlementSummary | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const periods = (input as { periods?: unknown }).periods as Record<string, unknown>[];
  if (Array.isArray(periods) && scratch.length < 2 * periods.length) scratch = new Float64Array(4 * periods.length);
  const n = Array.isArray(periods) ? periods.length : 0;
  if (!readDealer(f, input, scratch)) return undefined;
  const top = (input as { metrics?: Record<string, unknown> }).metrics;
  const ar = arithOf(f);
  ar.bad = false;
  ar.preset = false;
  const cumulative = policy.cumulative;
  let cum = 0;
  for (let k = 0; k < n; k++) {
    const net = scratch[k]!;
    cum += net;
    readMetrics(ar, periods[k]!.metrics as Record<string, unknown> | undefined, top, true);
    const r = priceNet(ar, cumulative ? cum : net, true, tierOut);
    if (r === BAIL) return undefined;
    scratch[n + k] = r;
  }
  let annual = NaN;
  if (final) {
    if (cumulative && top === undefined) annual = scratch[2 * n - 1]!;
    else {
      readMetrics(ar, periods[n - 1]!.metrics as Record<string, unknown> | undefined, top, false);
      annual = priceNet(ar, cum, true, tierOut);
      if (annual === BAIL) return undefined;
    }
  }
  const tier = tierOut[0]!;
  payments.bad = false;
  payments.mode = f.mode;
  payments.keepNum = policy.keepNum;
  payments.keepDen = policy.keepDen;
  const out = new Array<Decimal>(n);
  let paidBefore = 0;
  let carried = 0;
  let waived = 0;
  for (let k = 0; k < n; k++) {
    const isFinal = final && k === n - 1;
    payPeriod(payments, policy, isFinal, isFinal ? annual : scratch[n + k]!, paidBefore, paid);
    if (payments.bad) return undefined;
    out[k] = decimalFromScaled(paid.payment, f.scale);
    paidBefore += paid.payment;
    carried = paid.carried;
    waived = paid.waived;
  }
  // Running totals of the batch in minor units (the caller checks they stay exact).
  if (final) sums[0] = sums[0]! + annual;
  sums[1] = sums[1]! + paidBefore;
  sums[2] = sums[2]! + carried;
  sums[3] = sums[3]! + waived;
  const annualDecimal = final ? decimalFromScaled(annual, f.scale) : null;
  return {
    annualRebate: annualDecimal,
    tier: tiers[tier]!,
    payments: out,
    totalPaid: annualDecimal !== null && paidBefore === annual ? annualDecimal : decimalFromScaled(paidBefore, f.scale),
    carriedForward: carried === 0 ? ZERO : decimalFromScaled(carried, f.scale),
    waived: waived === 0 ? ZERO : decimalFromScaled(waived, f.scale),
    warnings: [],
  };
}

// ---------------------------------------------------------------------------------------------
// One figure for a spreadsheet cell

/**
 * The rebate in minor units of one dealer's net sales (and target) under a program, figures only,
 * on the scaled-integer path; −1 when the Decimal path must compute it or report an error (a
 * program that needs more inputs, gates or multipliers without metrics, a figure off the scale). @internal
 */
export function rebateUnitsOf(program: RebateProgram, sales: Decimal, target: Decimal | null): number {
  const f = fastFormOf(program);
  if (f === null || program.basis === 'quantity' || program.basis === 'growth' || program.basis === 'growthRate') return BAIL;
  if ((program.basis === 'attainment' || program.overAchievement !== null) && (target === null || !target.gt(0))) return BAIL;
  if (program.tiers.some((t) => t.perUnit !== null)) return BAIL;
  const ar = arithOf(f);
  ar.bad = false;
  ar.preset = false;
  ar.axis = null;
  ar.target = target === null ? 0 : toScaled(target, f.scale + f.extra);
  const units = toScaled(sales, f.scale);
  if (isTooBig(ar.target) || isTooBig(units)) return BAIL;
  readMetrics(ar, undefined, undefined, true);
  return priceNet(ar, units, true, tierOut);
}
