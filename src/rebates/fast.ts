// The batch path of settleRebates: the same figures as the Decimal path, in scaled integers.
//
// Money is held in minor units (cents at scale 2) and every rate or factor as an integer over a
// power of ten, so each step is an exact integer operation while it stays below 2^53; a product
// that would not is detected and the dealer falls back to the Decimal path, as does any input that
// is not a plain number at the money scale (the Decimal path then reports the error, if any).
import { ZERO, type Decimal } from '../core/decimal.js';
import { decimalFromScaled } from '../core/fast.js';
import { ROUNDING_CODE, divRound } from '../core/scaled.js';
import { namesAFraction } from '../core/schema.js';
import type { RebateProgram } from './program.js';
import type { RebateSettlementSummary } from './settlement.js';

const SAFE = Number.MAX_SAFE_INTEGER;
const MAX_PLACES = 9;

/** A gate in integers. @internal */
interface FastGate {
  metric: string;
  op: number;
  value: number;
  failNum: number;
  zero: boolean;
  /** A ratio-named metric with a threshold ≤ 1: a value above 1 warns (the Decimal path reports it). */
  fraction: boolean;
}

/** The scaled-integer form of a program for the batch path, or null when it does not apply. @internal */
export interface FastProgram {
  scale: number;
  /** 10^scale. */
  unit: number;
  mode: number;
  total: boolean;
  method: number;
  upTo: boolean;
  /** Number of tiers. */
  n: number;
  /**
   * Tier bounds and the award's threshold in minor units, as {@link priceUnits} reads them: lows at
   * [0, n), highs at [n, 2n) (the last Infinity), the threshold at 2n (Infinity without an award).
   * The design functions keep one such axis per dealer (see {@link fastAxisOf}).
   */
  axis: Float64Array;
  /** Tier rates over rateDen. */
  rates: number[];
  rateDen: number;
  /** Fixed amounts in minor units. */
  fixed: number[];
  gates: FastGate[];
  gateDen: number;
  multipliers: { metric: string; froms: number[]; factors: number[] }[];
  multDen: number;
  capAmount: number;
  capRate: number;
  capDen: number;
  hasCap: boolean;
  minimum: number;
  minimumRaise: boolean;
  hasMinimum: boolean;
  /** The over-achievement award's rate over rateDen (0 without one; set by {@link prepareFastDesign} only). */
  awardRate: number;
  /** The award's cap in minor units (Infinity without one). */
  awardCap: number;
}

function placesOf(ds: readonly (Decimal | null)[]): number {
  let p = 0;
  for (const d of ds) if (d !== null) p = Math.max(p, d.decimalPlaces());
  return p;
}

function scaled(d: Decimal, places: number): number | null {
  const x = d.times(10 ** places);
  if (!x.isInteger() || x.abs().gt(SAFE)) return null;
  return x.toNumber();
}

/** A Decimal as a number when comparisons with plain-number inputs are then exact (its text is the number's shortest text). */
function exactNumber(d: Decimal): number | null {
  const n = d.toNumber();
  return String(n) === d.toString() ? n : null;
}

/** Prepares the scaled-integer form of a program (amount basis, rate and fixed tiers). @internal */
export function prepareFastProgram(program: RebateProgram): FastProgram | null {
  if (program.basis !== 'amount' || program.overAchievement !== null) return null;
  if (program.tiers.some((t) => t.perUnit !== null)) return null;
  const scale = program.rounding.scale;
  if (scale > 6) return null;
  const unit = 10 ** scale;
  const lows: number[] = [];
  const highs: number[] = [];
  const fixed: number[] = [];
  for (const t of program.tiers) {
    const lo = scaled(t.from, scale);
    const hi = t.to === null ? Infinity : scaled(t.to, scale);
    const f = t.fixed === null ? 0 : scaled(t.fixed, scale);
    if (lo === null || hi === null || f === null) return null;
    lows.push(lo);
    highs.push(hi);
    fixed.push(f);
  }
  const rd = placesOf(program.tiers.map((t) => t.rate));
  if (rd > MAX_PLACES) return null;
  const rates = program.tiers.map((t) => (t.rate === null ? 0 : scaled(t.rate, rd)));
  if (rates.some((r) => r === null)) return null;

  const gd = placesOf(program.gates.map((g) => g.failFactor));
  if (gd > MAX_PLACES) return null;
  const gates: FastGate[] = [];
  for (const g of program.gates) {
    const value = exactNumber(g.value);
    const failNum = scaled(g.failFactor, gd);
    if (value === null || failNum === null) return null;
    gates.push({
      metric: g.metric,
      op: ['>=', '>', '<=', '<'].indexOf(g.op),
      value,
      failNum,
      zero: g.zero || failNum === 0,
      fraction: value <= 1 && namesAFraction(g.metric),
    });
  }
  const md = placesOf(program.multipliers.flatMap((m) => m.bands.map((b) => b.factor)));
  if (md > MAX_PLACES) return null;
  const multipliers: FastProgram['multipliers'] = [];
  for (const m of program.multipliers) {
    const froms = m.bands.map((b) => exactNumber(b.from));
    const factors = m.bands.map((b) => scaled(b.factor, md));
    if (froms.some((f) => f === null) || factors.some((f) => f === null)) return null;
    multipliers.push({ metric: m.metric, froms: froms as number[], factors: factors as number[] });
  }
  const cap = program.cap;
  const cd = cap?.rateOfBase == null ? 0 : cap.rateOfBase.decimalPlaces();
  if (cd > MAX_PLACES) return null;
  const capAmount = cap?.amount == null ? Infinity : scaled(cap.amount, scale);
  const capRate = cap?.rateOfBase == null ? -1 : scaled(cap.rateOfBase, cd);
  const minimum = program.minimum === null ? 0 : scaled(program.minimum.amount, scale);
  if (capAmount === null || capRate === null || minimum === null) return null;
  return {
    scale,
    unit,
    mode: ROUNDING_CODE[program.rounding.mode],
    total: program.rounding.stage === 'total',
    method: program.method === 'incremental' ? 1 : program.method === 'step' ? 2 : 0,
    upTo: program.bounds === 'upTo',
    n: lows.length,
    axis: Float64Array.from([...lows, ...highs, Infinity]),
    rates: rates as number[],
    rateDen: 10 ** rd,
    fixed,
    gates,
    gateDen: 10 ** gd,
    multipliers,
    multDen: 10 ** md,
    capAmount,
    capRate,
    capDen: 10 ** cd,
    hasCap: cap !== null,
    minimum,
    minimumRaise: program.minimum?.whenBelow === 'raise',
    hasMinimum: program.minimum !== null,
    awardRate: 0,
    awardCap: Infinity,
  };
}

/**
 * Design hook (design.ts, for simulate.ts, sensitivity.ts, cliffs.ts and compare.ts): the
 * scaled-integer form of an amount or attainment program with its over-achievement award, for
 * many dealers at once. Its bounds and the award's threshold depend on each dealer's target and
 * come from {@link fastAxisOf}, one axis per dealer; null when the program does not fit. @internal
 */
export function prepareFastDesign(program: RebateProgram): FastProgram | null {
  const onTarget = program.basis === 'attainment';
  if (program.basis !== 'amount' && !onTarget) return null;
  // An attainment program's bounds are ratios: each dealer's come from fastAxisOf, so they are left out here.
  const tiers = onTarget ? program.tiers.map((t) => ({ ...t, from: ZERO, to: t.to === null ? null : ZERO })) : program.tiers;
  const f = prepareFastProgram({ ...program, basis: 'amount', overAchievement: null, tiers });
  const oa = program.overAchievement;
  if (f === null || oa === null) return f;
  const cap = oa.cap === null ? Infinity : scaled(oa.cap, f.scale);
  // The award's rate over a denominator shared with the tier rates (the total stage adds them).
  const ap = oa.rate.decimalPlaces();
  let rd = 0;
  while (10 ** rd < f.rateDen) rd++;
  if (cap === null || ap > MAX_PLACES) return null;
  if (ap > rd) {
    const k = 10 ** (ap - rd);
    f.rates = f.rates.map((r) => r * k);
    f.rateDen *= k;
  }
  f.awardRate = scaled(oa.rate, Math.max(ap, rd))!;
  f.awardCap = cap;
  return f;
}

/**
 * Design hook: one dealer's axis for {@link priceUnits} (its tier bounds, × its target on an
 * attainment basis, and its award's threshold, above × target) in minor units, written into
 * `out` from `at` (2n + 1 numbers); false when one is not a whole number of minor units (the
 * dealer then takes the Decimal path). @internal
 */
export function fastAxisOf(program: RebateProgram, f: FastProgram, target: Decimal | null, out: Float64Array, at: number): boolean {
  const n = f.n;
  const onTarget = program.basis === 'attainment';
  const oa = program.overAchievement;
  if ((onTarget || oa !== null) && (target === null || !target.gt(0))) return false;
  for (let i = 0; i < n; i++) {
    const t = program.tiers[i]!;
    const lo = scaled(onTarget ? t.from.times(target!) : t.from, f.scale);
    const hi = t.to === null ? Infinity : scaled(onTarget ? t.to.times(target!) : t.to, f.scale);
    if (lo === null || hi === null) return false;
    out[at + i] = lo;
    out[at + n + i] = hi;
  }
  const threshold = oa === null ? Infinity : scaled(oa.above.times(target!), f.scale);
  if (threshold === null) return false;
  out[at + 2 * n] = threshold;
  return true;
}

const BAIL = -1;

/** The metric values of a period merged over the settlement's (plain numbers only), or null. */
function metricOf(name: string, own: Record<string, unknown> | undefined, top: Record<string, unknown> | undefined, ownFirst: boolean): number | null {
  const a = ownFirst ? own : top;
  const b = ownFirst ? top : own;
  let v = a === undefined ? undefined : a[name];
  if (v === undefined && b !== undefined) v = b[name];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Numbers per dealer in a factors array: gNum, gDen (the failed gates' product), mNum, mDen (the multipliers'), eligible (1 or 0). @internal */
export const FACTORS = 5;

/**
 * Reads a dealer's metrics into its gates' and multipliers' factors, written into `out` from `at`
 * ({@link FACTORS} numbers); false when the batch path declines them (a metric missing or not a
 * plain number, below a multiplier's first band, or a ratio written as a percentage, which the
 * Decimal path warns about). Split from the price so that the design functions read a dealer's
 * factors once for many runs. @internal
 */
export function readFactors(
  f: FastProgram,
  own: Record<string, unknown> | undefined,
  top: Record<string, unknown> | undefined,
  ownFirst: boolean,
  out: Float64Array,
  at: number,
): boolean {
  let eligible = true;
  let gNum = 1;
  let gDen = 1;
  const gates = f.gates;
  for (let i = 0; i < gates.length; i++) {
    const g = gates[i]!;
    const x = metricOf(g.metric, own, top, ownFirst);
    if (x === null || (g.fraction && x > 1)) return false;
    const passed = g.op === 0 ? x >= g.value : g.op === 1 ? x > g.value : g.op === 2 ? x <= g.value : x < g.value;
    if (!passed) {
      if (g.zero) eligible = false;
      gNum *= g.failNum;
      gDen *= f.gateDen;
    }
  }
  let mNum = 1;
  let mDen = 1;
  const mults = f.multipliers;
  for (let i = 0; i < mults.length; i++) {
    const m = mults[i]!;
    const x = metricOf(m.metric, own, top, ownFirst);
    if (x === null || x < m.froms[0]!) return false;
    let b = 0;
    for (let j = m.froms.length - 1; j > 0; j--) {
      if (x >= m.froms[j]!) {
        b = j;
        break;
      }
    }
    mNum *= m.factors[b]!;
    mDen *= f.multDen;
  }
  out[at] = gNum;
  out[at + 1] = gDen;
  out[at + 2] = mNum;
  out[at + 3] = mDen;
  out[at + 4] = eligible ? 1 : 0;
  return true;
}

/**
 * The rebate in minor units of a net amount `v` ≥ 0 in minor units, or BAIL (−1) when a product
 * would leave the exact integers. Mirrors calculate.ts's evaluate: tier, lines, award, gates,
 * multipliers, minimum, cap, rounding. The dealer's bounds and award threshold are read from
 * `axis` at `a` (see {@link FastProgram.axis}), its factors from `fac` at `b` (see
 * {@link readFactors}): typed arrays, so that the design functions price millions of runs over
 * one program form. @internal
 */
export function priceUnits(f: FastProgram, v: number, axis: Float64Array, a: number, fac: Float64Array, b: number, tierOut: number[]): number {
  const { rates, fixed } = f;
  const n = f.n;
  let k: number;
  if (f.upTo) {
    k = n - 1;
    for (let i = 0; i < n - 1; i++) {
      if (v <= axis[a + n + i]!) {
        k = i;
        break;
      }
    }
  } else {
    k = 0;
    for (let i = n - 1; i > 0; i--) {
      if (v >= axis[a + i]!) {
        k = i;
        break;
      }
    }
  }
  tierOut[0] = k;
  const den = f.rateDen;
  const total = f.total;
  // No tier's fixed amount without a positive net (the rule of calculate.ts's priceLine).
  const fx = v > 0 ? 1 : 0;
  // s: the subtotal in minor units (line stage) or its numerator over sDen (total stage).
  let s = 0;
  if (f.method === 1) {
    for (let i = 0; i <= k; i++) {
      const hi = axis[a + n + i]!;
      const portion = (v < hi ? v : hi) - axis[a + i]!;
      const p = portion > 0 ? portion * rates[i]! : 0;
      if (p > SAFE) return BAIL;
      s += total ? p + fx * fixed[i]! * den : divRound(p, den, f.mode) + fx * fixed[i]!;
    }
  } else if (f.method === 0) {
    const p = v * rates[k]!;
    if (p > SAFE) return BAIL;
    s = total ? p + fx * fixed[k]! * den : divRound(p, den, f.mode) + fx * fixed[k]!;
  } else {
    s = total ? fx * fixed[k]! * den : fx * fixed[k]!;
  }
  // The over-achievement award on the net above its threshold (Infinity without an award), at most its cap.
  const threshold = axis[a + 2 * n]!;
  if (v > threshold) {
    let p = (v - threshold) * f.awardRate;
    if (p > SAFE) return BAIL;
    if (p > f.awardCap * den) p = f.awardCap * den;
    s += total ? p : divRound(p, den, f.mode);
  }
  if (s > SAFE) return BAIL;
  let sDen = total ? den : 1;
  const gNum = fac[b]!;
  const gDen = fac[b + 1]!;
  if (gNum !== gDen) {
    const p = s * gNum;
    if (p > SAFE || gDen > SAFE) return BAIL;
    if (total) {
      s = p;
      sDen *= gDen;
    } else s = divRound(p, gDen, f.mode);
  }
  const mNum = fac[b + 2]!;
  const mDen = fac[b + 3]!;
  if (mNum !== mDen) {
    const p = s * mNum;
    if (p > SAFE || mDen > SAFE) return BAIL;
    if (total) {
      s = p;
      sDen *= mDen;
    } else s = divRound(p, mDen, f.mode);
  }
  if (sDen > SAFE) return BAIL;
  if (f.hasMinimum && fac[b + 4] === 1) {
    const minScaled = f.minimum * sDen;
    if (minScaled > SAFE) return BAIL;
    if (s < minScaled) s = f.minimumRaise ? minScaled : 0;
  }
  if (f.hasCap) {
    let cap = f.capAmount;
    if (f.capRate >= 0) {
      const p = v * f.capRate;
      if (p > SAFE) return BAIL;
      const c = Math.floor(p / f.capDen);
      if (c < cap) cap = c;
    }
    const capScaled = cap * sDen;
    if (capScaled > SAFE) return BAIL;
    if (s > capScaled) s = capScaled;
  }
  return total ? divRound(s, sDen, f.mode) : s;
}

const factorScratch = new Float64Array(FACTORS);

/** The rebate in minor units for a net amount in minor units, or BAIL: the dealer's factors, then its price. */
function rebateUnits(
  f: FastProgram,
  netUnits: number,
  own: Record<string, unknown> | undefined,
  top: Record<string, unknown> | undefined,
  ownFirst: boolean,
  tierOut: number[],
): number {
  // A negative net warns (negative-net): the Decimal path reports it.
  if (netUnits < 0) return BAIL;
  if (!readFactors(f, own, top, ownFirst, factorScratch, 0)) return BAIL;
  return priceUnits(f, netUnits, f.axis, 0, factorScratch, 0, tierOut);
}

/** Minor units of a plain number at the money scale, or NaN. */
function unitsOf(x: unknown, unit: number): number {
  if (typeof x !== 'number' || !(x >= 0)) return NaN;
  const u = Math.round(x * unit);
  // Below 2^52 distinct multiples of 10^-scale are distinct doubles: u / unit === x proves x is exactly u minor units.
  return u < 4503599627370496 && u / unit === x ? u : NaN;
}

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

/** A settlement policy in integers for the batch path. @internal */
export interface FastPolicy {
  cumulative: boolean;
  clawback: boolean;
  carry: boolean;
  /** 1 − holdback rate, as keepNum / keepDen. */
  keepNum: number;
  keepDen: number;
}

/** The integer form of a validated policy, or null when its holdback has too many decimals. @internal */
export function prepareFastPolicy(policy: {
  readonly advance: 'cumulative' | 'period';
  readonly holdbackRate: Decimal;
  readonly negativeTrueUp: 'clawback' | 'carry' | 'waive';
}): FastPolicy | null {
  const h = policy.holdbackRate;
  const hd = h.decimalPlaces();
  const hn = hd > MAX_PLACES ? null : scaled(h, hd);
  if (hn === null) return null;
  return {
    cumulative: policy.advance === 'cumulative',
    clawback: policy.negativeTrueUp === 'clawback',
    carry: policy.negativeTrueUp === 'carry',
    keepNum: 10 ** hd - hn,
    keepDen: 10 ** hd,
  };
}

// Scratch space of settleFast (the batch path runs synchronously, one dealer at a time).
let scratch = new Float64Array(16);
const tierOut = [0];

/** Settles one dealer on the scaled-integer path, or returns undefined to fall back to the Decimal path. @internal */
export function settleFast(
  f: FastProgram,
  input: unknown,
  policy: FastPolicy,
  final: boolean,
  tiers: readonly { readonly index: number; readonly name: string | null }[],
  sums: Float64Array,
): RebateSettlementSummary | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const rec = input as Record<string, unknown>;
  for (const key in rec) if (key !== 'id' && key !== 'periods' && key !== 'metrics') return undefined;
  const id = rec.id;
  if (id !== undefined && (typeof id !== 'string' || id === '') && (typeof id !== 'number' || !Number.isFinite(id))) return undefined;
  const periods = rec.periods;
  if (!Array.isArray(periods) || periods.length === 0) return undefined;
  const top = rec.metrics as Record<string, unknown> | undefined;
  if (!plainMetrics(top)) return undefined;
  const n = periods.length;
  const unit = f.unit;
  const cumulative = policy.cumulative;
  if (scratch.length < n) scratch = new Float64Array(2 * n);
  const rebates = scratch;
  let cum = 0;
  for (let k = 0; k < n; k++) {
    const p = periods[k] as Record<string, unknown>;
    if (typeof p !== 'object' || p === null) return undefined;
    for (const key in p) if (key !== 'period' && key !== 'sales' && key !== 'returns' && key !== 'metrics') return undefined;
    const pid = p.period;
    if (typeof pid !== 'string' || pid === '') return undefined;
    for (let j = 0; j < k; j++) if ((periods[j] as { period: string }).period === pid) return undefined;
    const sales = unitsOf(p.sales, unit);
    const returns = p.returns === undefined ? 0 : unitsOf(p.returns, unit);
    if (sales !== sales || returns !== returns) return undefined;
    const own = p.metrics as Record<string, unknown> | undefined;
    if (!plainMetrics(own)) return undefined;
    const net = sales - returns;
    cum += net;
    const r = rebateUnits(f, cumulative ? cum : net, own, top, true, tierOut);
    if (r === BAIL) return undefined;
    rebates[k] = r;
  }
  let tier = tierOut[0]!;
  let annual = NaN;
  if (final) {
    if (cumulative && top === undefined) annual = rebates[n - 1]!;
    else {
      annual = rebateUnits(f, cum, (periods[n - 1] as Record<string, unknown>).metrics as Record<string, unknown> | undefined, top, false, tierOut);
      if (annual === BAIL) return undefined;
    }
    tier = tierOut[0]!;
  }
  const scale = f.scale;
  const payments = new Array<Decimal>(n);
  const clawback = policy.clawback;
  let paid = 0;
  let carried = 0;
  let waived = 0;
  const last = n - 1;
  for (let k = 0; k < n; k++) {
    let payment: number;
    if (final && k === last) {
      payment = annual - paid;
      if (payment < 0 && !clawback) {
        if (policy.carry) carried = -payment;
        else waived = -payment;
        payment = 0;
      }
    } else {
      const r = rebates[k]!;
      let advance = r;
      if (policy.keepNum !== policy.keepDen) {
        const prod = r * policy.keepNum;
        if (prod > SAFE) return undefined;
        advance = divRound(prod, policy.keepDen, f.mode);
      }
      payment = cumulative ? advance - paid : advance;
      if (payment < 0 && !clawback) payment = 0;
    }
    payments[k] = decimalFromScaled(payment, scale);
    paid += payment;
  }
  // Running totals of the batch in minor units (the caller checks they stay exact).
  if (final) sums[0] = sums[0]! + annual;
  sums[1] = sums[1]! + paid;
  sums[2] = sums[2]! + carried;
  sums[3] = sums[3]! + waived;
  const annualDecimal = final ? decimalFromScaled(annual, scale) : null;
  return {
    annualRebate: annualDecimal,
    tier: tiers[tier]!,
    payments,
    totalPaid: annualDecimal !== null && paid === annual ? annualDecimal : decimalFromScaled(paid, scale),
    carriedForward: decimalFromScaled(carried, scale),
    waived: decimalFromScaled(waived, scale),
    warnings: [],
  };
}
