// The rules of a rebate, written once (issue 15): tier choice, the three pricing methods, the
// over-achievement award, gates, multipliers, minimum, cap and the rounding stage, over a small
// arithmetic interface with two implementations: Decimal (calculate.ts, which also records the
// steps of the explanation) and exact scaled integers (fast.ts, which reports "too big, fall back").
// In the manner of dinero.js's calculator and of inventory/kernel.ts planRange.
import type { RebateProgram } from './program.js';
import type { RebateComparison } from './schema.js';

/** Warnings the rules raise (the Decimal layer words them; the scaled one declines the dealer). @internal */
export type KernelWarning = 'negative-net' | 'negative-quantity' | 'negative-growth' | 'zero-baseline' | 'percent-like-metric';

/**
 * The arithmetic the rules run on: values `V` (money, units, bounds) and factor products `F`.
 * Program constants are read by position (tier i's rate …), so each implementation holds them in
 * its own form. @internal
 */
export interface RebateArith<V, F> {
  readonly zero: V;
  add(a: V, b: V): V;
  sub(a: V, b: V): V;
  /** The sign of a − b. */
  cmp(a: V, b: V): number;
  /** To the money scale by the program's mode. */
  round(x: V): V;
  /** Tier i's lower bound on the amount (or units) axis. */
  low(i: number): V;
  /** Tier i's upper bound on the axis: asked only below the open last tier. */
  high(i: number): V;
  /** x × tier i's rate. */
  mulRate(x: V, i: number): V;
  /** x × tier i's amount per unit. */
  mulPerUnit(x: V, i: number): V;
  /** Tier i's fixed amount (the program has one). */
  fixed(i: number): V;
  /** The over-achievement award's threshold: above × target. */
  threshold(): V;
  /** x × the award's rate. */
  mulAward(x: V): V;
  /** The award's cap (the program has one). */
  awardCap(): V;
  /** The sign of gate i's metric − its required value. */
  gateCmp(i: number): number;
  /** True when gate i's metric is above 1 (a ratio written as a percentage, where the program says so). */
  percentLike(i: number): boolean;
  /** The sign of multiplier j's metric − its band b's lower bound. */
  bandCmp(j: number, b: number): number;
  /** The product of the failed gates' factors (`failed[i]` = 1), or of the multipliers' bands' factors. */
  gateProduct(failed: ArrayLike<number>): F;
  multProduct(bands: ArrayLike<number>): F;
  isOne(f: F): boolean;
  /** x × a factor product, exact. */
  applyFactor(x: V, f: F): V;
  /** The program's cap amount (the program has one). */
  capAmount(): V;
  /** The program's cap rate × the net, rounded down to the money scale (the program has one). */
  capByRate(net: V): V;
  /** The program's minimum (the program has one). */
  minimum(): V;
  warn(code: KernelWarning, at: number): void;
}

/** What the Decimal layer records for the explanation (the scaled path passes null). @internal */
export interface RebateRecorder<V, F> {
  onLine(i: number, base: V | null, units: V | null, rate: boolean, perUnit: boolean, fixed: boolean, shown: V): void;
  onAward(threshold: V, base: V, capped: boolean, shown: V): void;
  onGateFactor(f: F, before: V, after: V): void;
  onMultFactor(f: F, before: V, after: V): void;
  onMinimum(raise: boolean, before: V, after: V): void;
  onCap(limit: V, byAmount: V | null, byRate: V | null, before: V): void;
}

/** One dealer's figures for the rules: nets may be negative or null (not given). @internal */
export interface KernelFacts<V> {
  net: V | null;
  units: V | null;
  /** The baseline of a growth basis (zero otherwise). */
  baseline: V;
}

/** What the rules give: written into a reusable object. @internal */
export interface Priced<V> {
  tier: number;
  rebate: V;
  /** The rebate without any rounding (computed when asked). */
  unrounded: V;
  eligible: boolean;
  capApplied: boolean;
  minimumApplied: boolean;
  /** The basis's nets after a negative one became 0, and the selecting value. */
  effNet: V;
  effUnits: V;
  /** Per gate 1 when it failed; per multiplier its band. */
  failed: number[];
  bands: number[];
  /** Working figures: the lines' sum exact and rounded, the cap (limit, by amount, by rate). */
  exact: V;
  rounded: V;
  capLimit: V;
  capByAmount: V | null;
  capByRate: V | null;
}

/** A fresh output object. @internal */
export function pricedOf<V>(zero: V): Priced<V> {
  return {
    tier: 0,
    rebate: zero,
    unrounded: zero,
    // Stryker disable next-line BooleanLiteral: readAdjustments sets eligible on every priced run before anything reads it
    eligible: true,
    // Stryker disable next-line BooleanLiteral: finish sets capApplied on every priced run before anything reads it
    capApplied: false,
    // Stryker disable next-line BooleanLiteral: finish sets minimumApplied on every priced run before anything reads it
    minimumApplied: false,
    effNet: zero,
    effUnits: zero,
    // Stryker disable next-line ArrayDeclaration: readAdjustments sizes failed to the program's gates and writes every entry before it is read
    failed: [],
    // Stryker disable next-line ArrayDeclaration: readAdjustments sizes bands to the program's multipliers and writes every entry before it is read
    bands: [],
    exact: zero,
    rounded: zero,
    capLimit: zero,
    capByAmount: null,
    capByRate: null,
  };
}

function maxOf<V, F>(ar: RebateArith<V, F>, a: V, b: V): V {
  return ar.cmp(a, b) >= 0 ? a : b;
}

/** The tier a value selects: the last whose `from` it reaches, or the first whose `upTo` it does not exceed. */
function chooseTier<V, F>(ar: RebateArith<V, F>, p: RebateProgram, sel: V): number {
  const n = p.tiers.length;
  if (p.bounds === 'from') {
    for (let i = n - 1; i > 0; i--) if (ar.cmp(sel, ar.low(i)) >= 0) return i;
    return 0;
  }
  for (let i = 0; i < n - 1; i++) if (ar.cmp(sel, ar.high(i)) <= 0) return i;
  return n - 1;
}

/**
 * One tier line: base × rate + units × perUnit + fixed (no fixed amount without a positive net
 * basis: docs/rebates.md). A base or units not given comes as a flag, not as null, so that on the
 * scaled path no value merges with null (which would box every figure).
 */
function line<V, F>(ar: RebateArith<V, F>, p: RebateProgram, i: number, base: V, hasBase: boolean, units: V, hasUnits: boolean, paysFixed: boolean, rec: RebateRecorder<V, F> | null): V {
  const t = p.tiers[i]!;
  const rate = p.method !== 'step' && t.rate !== null;
  const perUnit = p.method !== 'step' && t.perUnit !== null;
  const fixed = paysFixed && t.fixed !== null;
  let amount = ar.zero;
  // A rate or a per-unit amount without its figure is what the arithmetic is given as null, as before.
  if (rate) amount = ar.add(amount, hasBase ? ar.mulRate(base, i) : ar.mulRate(null as V, i));
  if (perUnit) amount = ar.add(amount, hasUnits ? ar.mulPerUnit(units, i) : ar.mulPerUnit(null as V, i));
  if (fixed) amount = ar.add(amount, ar.fixed(i));
  if (rec !== null) recordLine(ar, p, i, base, hasBase, units, hasUnits, rate, perUnit, fixed, amount, rec);
  return amount;
}

/** The explanation's record of a line (out of {@link line}, which the scaled path keeps short). */
function recordLine<V, F>(
  ar: RebateArith<V, F>,
  p: RebateProgram,
  i: number,
  base: V,
  hasBase: boolean,
  units: V,
  hasUnits: boolean,
  rate: boolean,
  perUnit: boolean,
  fixed: boolean,
  amount: V,
  rec: RebateRecorder<V, F>,
): void {
  rec.onLine(i, hasBase ? base : null, hasUnits ? units : null, rate, perUnit, fixed, p.rounding.stage === 'line' ? ar.round(amount) : amount);
}

/** The lines of the reached tier (retroactive, step) or of every reached band (incremental), summed into `out.exact` and `out.rounded`. */
function lines<V, F>(ar: RebateArith<V, F>, p: RebateProgram, f: KernelFacts<V>, k: number, zeroBase: boolean, out: Priced<V>, rec: RebateRecorder<V, F> | null): void {
  const isGrowth = p.basis === 'growth' || p.basis === 'growthRate';
  const onUnits = p.basis === 'quantity';
  const v = onUnits ? out.effUnits : out.effNet;
  const paysFixed = ar.cmp(v, ar.zero) > 0;
  const lineStage = p.rounding.stage === 'line';
  let exact = ar.zero;
  let rounded = ar.zero;
  if (p.method === 'incremental') {
    const last = p.tiers.length - 1;
    const hasBase = !onUnits && f.net !== null;
    for (let i = 0; i <= k; i++) {
      let portion: V;
      if (zeroBase) portion = i === k ? v : ar.zero;
      else {
        const lo = i === 0 && isGrowth && p.applyTo === 'net' ? ar.zero : ar.low(i);
        let top = v;
        if (i < last) {
          const hi = ar.high(i);
          if (ar.cmp(v, hi) > 0) top = hi;
        }
        portion = ar.cmp(top, lo) > 0 ? ar.sub(top, lo) : ar.zero;
      }
      const amount = line(ar, p, i, portion, hasBase, portion, onUnits, paysFixed, rec);
      exact = ar.add(exact, amount);
      if (lineStage) rounded = ar.add(rounded, ar.round(amount));
    }
  } else {
    const B = f.baseline;
    const increment = isGrowth && p.applyTo === 'increment' ? (ar.cmp(out.effNet, B) > 0 ? ar.sub(out.effNet, B) : ar.zero) : out.effNet;
    const amount = line(ar, p, k, increment, f.net !== null, out.effUnits, f.units !== null, paysFixed, rec);
    exact = amount;
    if (lineStage) rounded = ar.round(amount);
  }
  const oa = p.overAchievement;
  if (oa !== null) {
    const threshold = ar.threshold();
    const base = ar.cmp(out.effNet, threshold) > 0 ? ar.sub(out.effNet, threshold) : ar.zero;
    let amount = ar.mulAward(base);
    const capped = oa.cap !== null && ar.cmp(amount, ar.awardCap()) > 0;
    if (capped) amount = ar.awardCap();
    if (rec !== null) rec.onAward(threshold, base, capped, lineStage ? ar.round(amount) : amount);
    exact = ar.add(exact, amount);
    if (lineStage) rounded = ar.add(rounded, ar.round(amount));
  }
  out.exact = exact;
  out.rounded = rounded;
}

/** Whether a gate holds, from the sign of its metric − its required value. @internal */
export function gatePasses(op: RebateComparison, sign: number): boolean {
  return op === '>=' ? sign >= 0 : op === '>' ? sign > 0 : op === '<=' ? sign <= 0 : sign < 0;
}

/** Reads the gates (eligibility, failed ones) and the multipliers' bands into `out`. @internal */
export function readAdjustments<V, F>(ar: RebateArith<V, F>, p: RebateProgram, out: Priced<V>): void {
  let eligible = true;
  const failed = out.failed;
  if (failed.length !== p.gates.length) failed.length = p.gates.length;
  for (let i = 0; i < p.gates.length; i++) {
    const g = p.gates[i]!;
    const c = ar.gateCmp(i);
    const passed = gatePasses(g.op, c);
    failed[i] = passed ? 0 : 1;
    if (ar.percentLike(i)) ar.warn('percent-like-metric', i);
    if (!passed && (g.zero || g.failFactor.isZero())) eligible = false;
  }
  out.eligible = eligible;
  const bands = out.bands;
  if (bands.length !== p.multipliers.length) bands.length = p.multipliers.length;
  for (let j = 0; j < p.multipliers.length; j++) {
    let b = 0;
    for (let x = p.multipliers[j]!.bands.length - 1; x > 0; x--) {
      if (ar.bandCmp(j, x) >= 0) {
        b = x;
        break;
      }
    }
    bands[j] = b;
  }
}

/**
 * Gates, multipliers, minimum and cap, in that order, on the sum of the lines: with `rounded`, on
 * `out.rounded`, each result to the money scale, into `out.rebate`; else on `out.exact`, into
 * `out.unrounded` (figures pass through `out`, so the scaled path boxes none at a call).
 */
function finish<V, F>(ar: RebateArith<V, F>, p: RebateProgram, g: F, m: F, rounded: boolean, out: Priced<V>, rec: RebateRecorder<V, F> | null): void {
  let s = rounded ? out.rounded : out.exact;
  if (!ar.isOne(g)) {
    const product = ar.applyFactor(s, g);
    const next = rounded ? ar.round(product) : product;
    if (rec !== null) rec.onGateFactor(g, s, next);
    s = next;
  }
  if (!ar.isOne(m)) {
    const product = ar.applyFactor(s, m);
    const next = rounded ? ar.round(product) : product;
    if (rec !== null) rec.onMultFactor(m, s, next);
    s = next;
  }
  out.minimumApplied = false;
  const min = p.minimum;
  if (min !== null && out.eligible && ar.cmp(s, ar.minimum()) < 0) {
    if (min.whenBelow === 'raise') {
      if (rec !== null) rec.onMinimum(true, s, ar.minimum());
      s = ar.minimum();
      out.minimumApplied = true;
    } else if (ar.cmp(s, ar.zero) !== 0) {
      if (rec !== null) rec.onMinimum(false, s, ar.zero);
      s = ar.zero;
      out.minimumApplied = true;
    }
  }
  out.capApplied = false;
  if (p.cap !== null && ar.cmp(s, out.capLimit) > 0) {
    if (rec !== null) rec.onCap(out.capLimit, out.capByAmount, out.capByRate, s);
    s = out.capLimit;
    out.capApplied = true;
  }
  if (rounded) out.rebate = s;
  else out.unrounded = s;
}

/**
 * Prices one dealer by the program's rules into `out`: the tier (or `forced`, ≥ 0), the rebate and,
 * with `unrounded`, the rebate without rounding. `rec` records the explanation (Decimal layer only).
 * @internal
 */
export function priceRebate<V, F>(
  ar: RebateArith<V, F>,
  p: RebateProgram,
  f: KernelFacts<V>,
  forced: number,
  unrounded: boolean,
  out: Priced<V>,
  rec: RebateRecorder<V, F> | null,
  read = true,
): void {
  const zero = ar.zero;
  out.effNet = zero;
  if (f.net !== null) {
    if (ar.cmp(f.net, zero) < 0) ar.warn('negative-net', 0);
    else out.effNet = f.net;
  }
  out.effUnits = zero;
  if (f.units !== null) {
    if (ar.cmp(f.units, zero) < 0) ar.warn('negative-quantity', 0);
    else out.effUnits = f.units;
  }
  const basis = p.basis;
  const isGrowth = basis === 'growth' || basis === 'growthRate';
  const B = f.baseline;
  const zeroBase = basis === 'growthRate' && ar.cmp(B, zero) === 0;
  const sel = isGrowth ? maxOf(ar, out.effNet, B) : basis === 'quantity' ? out.effUnits : out.effNet;
  if (isGrowth && ar.cmp(out.effNet, B) < 0) ar.warn('negative-growth', 0);
  let k: number;
  if (forced >= 0) k = forced;
  else if (zeroBase) {
    k = p.zeroBaseline === 'highest-tier' && ar.cmp(out.effNet, zero) > 0 ? p.tiers.length - 1 : 0;
    ar.warn('zero-baseline', k);
  } else k = chooseTier(ar, p, sel);
  out.tier = k;
  const stage = p.rounding.stage;
  lines(ar, p, f, k, zeroBase, out, rec);
  // A batch may have read a dealer's gates and multipliers once for many runs (`read` false).
  if (read) readAdjustments(ar, p, out);
  const g = ar.gateProduct(out.failed);
  const m = ar.multProduct(out.bands);
  const cap = p.cap;
  if (cap !== null) {
    // The lower of the amount and the rate (no value merged with null: see line).
    let limit = zero;
    if (cap.amount !== null) {
      limit = ar.capAmount();
      out.capByAmount = limit;
    } else out.capByAmount = null;
    if (cap.rateOfBase !== null) {
      // A cap is never exceeded: a percentage cap is rounded down to the money scale.
      const byRate = ar.capByRate(out.effNet);
      out.capByRate = byRate;
      if (cap.amount === null || ar.cmp(limit, byRate) > 0) limit = byRate;
    } else out.capByRate = null;
    out.capLimit = limit;
  }
  if (stage === 'line') {
    // The exact run gives `unrounded`; its flags and steps are the rounded run's.
    if (unrounded) finish(ar, p, g, m, false, out, null);
    finish(ar, p, g, m, true, out, rec);
  } else {
    finish(ar, p, g, m, false, out, rec);
    out.rebate = ar.round(out.unrounded);
  }
}

/** The settlement policy the payment rule reads. @internal */
export interface PaymentPolicy {
  readonly cumulative: boolean;
  readonly negativeTrueUp: 'clawback' | 'carry' | 'waive';
  /** True when no holdback is kept. */
  readonly noHoldback: boolean;
}

/** The arithmetic of the payment rule. @internal */
export interface PaymentArith<V> {
  readonly zero: V;
  add(a: V, b: V): V;
  sub(a: V, b: V): V;
  neg(a: V): V;
  /** The sign of a. */
  sign(a: V): number;
  /** rebate × (1 − holdback), rounded to the money scale by the program's mode. */
  keep(rebate: V): V;
}

/** One period's payment by the settlement rule, written into a reusable object. @internal */
export interface PaymentOut<V> {
  advance: V | null;
  due: V;
  payment: V;
  carried: V;
  waived: V;
}

/**
 * The payment rule of one period: an advance (rebate × (1 − holdback), less what was paid before
 * for cumulative advances; a negative one pays 0 outside a clawback policy) or, on the final
 * period, the annual rebate less what was paid (a negative true-up clawed back, carried or waived).
 * @internal
 */
export function payPeriod<V>(ar: PaymentArith<V>, policy: PaymentPolicy, isFinal: boolean, rebate: V, paidBefore: V, out: PaymentOut<V>): void {
  out.carried = ar.zero;
  out.waived = ar.zero;
  if (isFinal) {
    out.advance = null;
    const due = ar.sub(rebate, paidBefore);
    out.due = due;
    out.payment = due;
    if (ar.sign(due) < 0 && policy.negativeTrueUp !== 'clawback') {
      if (policy.negativeTrueUp === 'carry') out.carried = ar.neg(due);
      else out.waived = ar.neg(due);
      out.payment = ar.zero;
    }
    return;
  }
  const advance = policy.noHoldback ? rebate : ar.keep(rebate);
  out.advance = advance;
  const due = policy.cumulative ? ar.sub(advance, paidBefore) : advance;
  out.due = due;
  // Between true-ups only a clawback policy takes money back; otherwise the excess nets against later advances.
  out.payment = ar.sign(due) < 0 && policy.negativeTrueUp !== 'clawback' ? ar.zero : due;
}
