// The plain-number core shared by planReorder and planReordersColumnar, so that both paths run the
// same floating-point operations in the same order and agree exactly. No allocation per call.
import { fail, invalid, outOfRange } from '../core/errors.js';
import { INVENTORY_MESSAGES as M } from './messages.js';
import type { ReorderColumnsOutput } from './columns.js';
import { cdf, inverse, loss, lossInverse } from './normal.js';
import { poissonCdfOf, poissonLoss, poissonLossInverseOf, poissonQuantileOf, MAX_POISSON_MEAN } from './poisson.js';
import type { ParsedReorderPolicy } from './schema.js';
import { ROUND_DOWN, ROUND_NEAREST, ROUND_UP, roundPacks, lotOf } from './kernel-lots.js';
import { O_POISSON, O_CLAMPED, O_ERROR, O_K_RAW, O_K, O_SS, O_ORDER_UP_TO, O_ROP, O_Q_RAW, O_MU, O_SIGMA, O_Q_SERVICE, O_CAPPED, O_MU_L, O_EOQ, O_MAX, O_Q_LOT, O_STATUS, O_EXCESS, O_ORDERED, O_RAW, O_SUGGESTED, type KernelOut } from './kernel-buffer.js';

export { O_ERROR, O_MU, O_MU_L, O_SIGMA, O_K, O_K_RAW, O_POISSON, O_CLAMPED, O_SS, O_ROP, O_ORDER_UP_TO, O_MAX, O_Q_RAW, O_EOQ, O_Q_LOT, O_Q_SERVICE, O_RAW, O_SUGGESTED, O_CAPPED, O_ORDERED, O_STATUS, O_EXCESS, O_SIZE, type KernelOut, newKernelBuffer, readKernel } from './kernel-buffer.js';

export { ROUND_UP, ROUND_DOWN, ROUND_NEAREST, snap, roundPacks, lotRaiseToMoq, lotToPacks, lotMoqMultiple, lotReachReorderPoint, lotCap, lotOf } from './kernel-lots.js';

/** Status codes of the columnar path, index into {@link REORDER_STATUSES}. @internal */
export const STATUS_OK = 0;
/** @internal */
export const STATUS_REORDER = 1;
/** @internal */
export const STATUS_URGENT = 2;
/** @internal */
export const STATUS_STOCKOUT = 3;
/** @internal */
export const STATUS_OVERSTOCK = 4;

/** A reorder status, worst first: stockout, urgent, reorder, overstock, ok. */
export type ReorderStatus = 'ok' | 'reorder' | 'urgent' | 'stockout' | 'overstock';

/**
 * The statuses by code, as `planReordersColumnar` writes them into its `status` column.
 *
 * @example
 * ```ts
 * REORDER_STATUSES[1];
 * //=> 'reorder'
 * ```
 */
export const REORDER_STATUSES: readonly ReorderStatus[] = Object.freeze(['ok', 'reorder', 'urgent', 'stockout', 'overstock'] as const);

/**
 * `distribution: 'auto'` takes the Poisson distribution when the mean demand over the protection
 * interval is below this many units (slow movers, where a normal approximation puts probability
 * on negative demand and reorder points are small whole numbers), the normal distribution otherwise.
 * @internal
 */
export const AUTO_POISSON_BELOW = 10;

/** Kernel error codes (the caller turns them into messages with its path). @internal */
export const ERR_NONE = 0;
/** A fill-rate target with an order quantity of 0 and variable demand. @internal */
export const ERR_FILL_ZERO_Q = 1;
/** A Poisson mean above the limit. @internal */
export const ERR_POISSON_MEAN = 2;
/** An economic order quantity beyond {@link MAX_QUANTITY} (or not finite). @internal */
export const ERR_EOQ_OVERFLOW = 3;

/** A policy resolved to plain numbers, once per policy (and per item override). @internal */
export interface ResolvedPolicy {
  source: ParsedReorderPolicy;
  fill: boolean;
  level: number;
  /** Φ⁻¹(level) for a cycle service target (NaN for a fill rate). */
  z: number;
  /** z after the floor (0 when negative under 'zero'). */
  zUsed: number;
  /** The floor changed z. */
  zClamped: boolean;
  /** Review period in days, 0 for continuous review. */
  review: number;
  /** 0 normal, 1 poisson, 2 auto. */
  dist: number;
  /** 0 none, 1 fixed, 2 eoq, 3 days of cover. */
  qRule: number;
  qValue: number;
  eoqCost: number;
  eoqRate: number;
  daysPerYear: number;
  packRounding: number;
  lt: boolean;
  floorZero: boolean;
  /** NaN when not given. */
  maxDays: number;
}

/** Resolves a parsed policy to the kernel's numbers. @internal */
export function resolvePolicy(p: ParsedReorderPolicy): ResolvedPolicy {
  const fill = 'fillRate' in p.service;
  const level = 'fillRate' in p.service ? p.service.fillRate : p.service.cycle;
  const oq = p.orderQuantity;
  let qRule = 0;
  let qValue = Number.NaN;
  let eoqCost = Number.NaN;
  let eoqRate = Number.NaN;
  let daysPerYear = 365;
  if (oq !== undefined) {
    if ('fixed' in oq) {
      qRule = 1;
      qValue = oq.fixed;
    } else if ('eoq' in oq) {
      qRule = 2;
      eoqCost = oq.eoq.orderCost.toNumber();
      eoqRate = oq.eoq.holdingRatePerYear.toNumber();
      daysPerYear = oq.eoq.daysPerYear ?? 365;
    } else {
      qRule = 3;
      qValue = oq.daysOfCover;
    }
  }
  const z = fill ? Number.NaN : inverse(level);
  const floorZero = p.safetyStockFloor !== 'none';
  return {
    source: p,
    fill,
    level,
    z,
    // Stryker disable next-line EqualityOperator: at z = 0 both branches give 0
    zUsed: floorZero && z < 0 ? 0 : z,
    zClamped: floorZero && z < 0,
    review: p.reviewPeriodDays ?? 0,
    dist: p.distribution === 'poisson' ? 1 : p.distribution === 'auto' ? 2 : 0,
    qRule,
    qValue,
    eoqCost,
    eoqRate,
    daysPerYear,
    packRounding: p.packRounding === 'down' ? ROUND_DOWN : p.packRounding === 'nearest' ? ROUND_NEAREST : ROUND_UP,
    lt: p.trigger === 'lt',
    floorZero,
    maxDays: p.maxDaysOfCover ?? Number.NaN,
  };
}

/** Sets an error code with the figures its message reads (μ, σ, the service lot size); false. */
function refused(o: Float64Array, error: number, mu: number, sigma: number, qService: number): false {
  o[O_ERROR] = error;
  o[O_MU] = mu;
  o[O_SIGMA] = sigma;
  o[O_Q_SERVICE] = qService;
  return false;
}

/**
 * Safety stock for fill-rate targets and Poisson demand (off the hot path): writes the safety
 * stock, the reorder point and the order-up-to level; false on an error code (with the figures
 * its message reads). @internal
 */
function otherSafety(p: ResolvedPolicy, mu: number, muL: number, sigma: number, qService: number, periodic: boolean, o: Float64Array): boolean {
  const poisson = p.dist === 1 || (p.dist === 2 && mu < AUTO_POISSON_BELOW);
  o[O_POISSON] = poisson ? 1 : 0;
  o[O_CLAMPED] = 0;
  let ss: number;
  let top: number;
  if (!poisson) {
    let k: number;
    if (!p.fill) k = p.z;
    else if (sigma === 0) k = Number.NaN;
    else if (!(qService > 0)) {
      return refused(o, ERR_FILL_ZERO_Q, mu, sigma, qService);
    } else {
      // σ > 0 is at least √(5e-324) ≈ 2.2e-162 and Q at most 1e30, so G stays below 1e193: finite.
      k = lossInverse(((1 - p.level) * qService) / sigma);
    }
    o[O_K_RAW] = k;
    if (p.floorZero && k < 0) {
      k = 0;
      o[O_CLAMPED] = 1;
    }
    o[O_K] = k;
    ss = sigma === 0 ? 0 : k * sigma;
    top = mu + ss;
  } else {
    if (mu > MAX_POISSON_MEAN) {
      return refused(o, ERR_POISSON_MEAN, mu, sigma, qService);
    }
    let r: number;
    if (!p.fill) r = poissonQuantileOf(p.level, mu);
    else if (mu === 0) r = 0;
    else if (!(qService > 0)) {
      return refused(o, ERR_FILL_ZERO_Q, mu, sigma, qService);
    } else r = poissonLossInverseOf((1 - p.level) * qService, mu);
    o[O_K] = Number.NaN;
    o[O_K_RAW] = r - mu;
    top = r;
    if (p.floorZero && r < mu) {
      top = mu;
      o[O_CLAMPED] = 1;
    }
    ss = top - mu;
  }
  o[O_SS] = ss;
  // Stryker disable next-line ConditionalExpression: under continuous review mu = muL, so ROP = muL + ss = top, and the order-up-to written is replaced by rop + lot (or the manual max) by planRange
  if (periodic) {
    o[O_ORDER_UP_TO] = top;
    o[O_ROP] = muL + ss;
  } else o[O_ROP] = top;
  return true;
}

/** Input columns of {@link planRange}; the optional ones default per row (object path: length 1). @internal */
export interface KernelColumns {
  d: Float64Array;
  sd: Float64Array;
  L: Float64Array;
  sdL: Float64Array;
  onHand: Float64Array;
  onOrder: Float64Array;
  unitCost?: Float64Array | undefined;
  moq?: Float64Array | undefined;
  pack?: Float64Array | undefined;
  maxQ?: Float64Array | undefined;
  backordered?: Float64Array | undefined;
  committed?: Float64Array | undefined;
  /** Seasonal Σ I over the lead time, Σ I and Σ I² over the protection interval, the σ_L rate (default L, P, P, d). */
  wL?: Float64Array | undefined;
  wP?: Float64Array | undefined;
  vP?: Float64Array | undefined;
  rate?: Float64Array | undefined;
  /** Manual levels (object path). */
  levelMin?: Float64Array | undefined;
  levelMax?: Float64Array | undefined;
}

/** Output columns of {@link planRange}: the public output columns. @internal */
export type KernelOutputs = ReorderColumnsOutput;

/** The largest quantity, day count or standard deviation the engine reads (1e15). @internal */
export const MAX_QUANTITY = 1e15;

/** Refuses a column value with its specific code (NaN, a fraction, or a value beyond a bound). */
function bad(name: string, i: number, value: number, whole: number): never {
  const path = ['columns', name, i];
  const message = whole < 0 ? M.columnFinite(value) : M.columnWhole(whole, value);
  if (Number.isNaN(value) || value === Number.POSITIVE_INFINITY || value === Number.NEGATIVE_INFINITY) {
    return invalid(path, message, { code: 'not_a_number', received: String(value) });
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: bad is reached only by a value outside [whole, 1e15] or not whole; whole and 1e15 are whole numbers, so a non-integer never equals them and an integer reaching here is out of range
  if (whole >= 0 && Number.isInteger(value) === false && value >= whole && value <= MAX_QUANTITY) {
    return invalid(path, message, { code: 'not_an_integer', received: String(value) });
  }
  // Stryker disable next-line EqualityOperator: whole is -1 (finite checks) or 0 (moq) or 1 (packs): at whole = 0 the low bound is 0 either way
  const low = whole < 0 ? 0 : whole;
  // Stryker disable next-line EqualityOperator: a value equal to the low bound (0 or 1) is valid and never reaches bad
  return outOfRange(path, message, { code: 'out_of_range', received: String(value), limit: value < low ? String(low) : String(MAX_QUANTITY) });
}

/** Refuses row i's maximum order (not a whole number from 1 to the bound), or one the MOQ in whole packs cannot meet. */
function checkMaxOrder(i: number, moq: number, pack: number, maxQ: number, maxQuantity: number): void {
  if (!(maxQ >= 1 && maxQ <= maxQuantity && Math.floor(maxQ) === maxQ)) {
    const path = ['columns', 'maxOrderQty', i];
    if (maxQ !== maxQ || maxQ === Number.NEGATIVE_INFINITY) invalid(path, M.columnMaxOrder(maxQ), { code: 'not_a_number', received: String(maxQ) });
    // Stryker disable next-line EqualityOperator: a maximum of exactly 1 or exactly 1e15 is valid and never enters this block
    if (maxQ >= 1 && maxQ <= maxQuantity) invalid(path, M.columnMaxOrder(maxQ), { code: 'not_an_integer', received: String(maxQ) });
    // Stryker disable next-line EqualityOperator: a maximum of exactly 1 is valid and never enters this block
    outOfRange(path, M.columnMaxOrder(maxQ), { code: 'out_of_range', received: String(maxQ), limit: maxQ < 1 ? '1' : String(maxQuantity) });
  }
  if (moq > maxQ) fail('infeasible', ['columns', 'moq', i], M.moqAboveMax(maxQ, moq), { code: 'infeasible', limit: String(maxQ) });
  const least = roundPacks(moq / pack, ROUND_UP) * pack;
  if (least > maxQ) fail('infeasible', ['columns', 'moq', i], M.moqPacksAboveMax(least, pack, maxQ), { code: 'infeasible', limit: String(maxQ) });
  if (maxQ < pack) fail('infeasible', ['columns', 'maxOrderQty', i], M.maxBelowPack(pack, maxQ), { code: 'infeasible', limit: String(pack) });
}

/** Sets the EOQ overflow error with the quantity its message reads; returns the row. */
function overflowed(t: Float64Array, qRaw: number, i: number): number {
  t[O_ERROR] = ERR_EOQ_OVERFLOW;
  t[O_Q_RAW] = qRaw;
  return i;
}

/** Leaves a row's intermediate figures in the scratch buffer t for the explanation (detail only; off the columnar path). */
function keepDetail(
  p: ResolvedPolicy,
  t: Float64Array,
  hotPath: boolean,
  mu: number,
  muL: number,
  sigma: number,
  qRaw: number,
  qService: number,
  ss: number,
  rop: number,
  orderUpTo: number,
  max: number,
  qLot: number,
  status: number,
  position: number,
  ordering: boolean,
  raw: number,
  suggested: number,
): void {
  if (hotPath) {
    // Normal demand, cycle service: the policy's z (otherSafety wrote these figures otherwise).
    t[O_POISSON] = 0;
    t[O_CLAMPED] = p.zClamped ? 1 : 0;
    t[O_K_RAW] = p.z;
    t[O_K] = p.zUsed;
  }
  t[O_MU] = mu;
  t[O_MU_L] = muL;
  t[O_SIGMA] = sigma;
  t[O_Q_RAW] = qRaw;
  t[O_EOQ] = p.qRule === 2 ? qRaw : Number.NaN;
  t[O_Q_SERVICE] = qService;
  t[O_SS] = ss;
  t[O_ROP] = rop;
  t[O_ORDER_UP_TO] = orderUpTo;
  t[O_MAX] = max;
  t[O_Q_LOT] = qLot;
  t[O_STATUS] = status;
  t[O_EXCESS] = status === STATUS_OVERSTOCK ? position - max : 0;
  t[O_ORDERED] = ordering ? 1 : 0;
  t[O_RAW] = raw;
  t[O_SUGGESTED] = suggested;
}

/**
 * Plans rows 0..n−1 of the columns in plain numbers: the one loop both planReorder (n = 1, inputs
 * validated by its schema) and planReordersColumnar (validate = true) run, so they agree exactly.
 * `t` is a scratch buffer (O_SIZE); with `detail` the intermediate figures of the last row are left
 * in it. Returns −1, or the first row whose plan failed with t[O_ERROR] set. Only code off the
 * hot path is in helpers (checkMaxOrder, otherSafety, overflowed, keepDetail): V8 inlines a helper
 * only within a budget of bytecode, which the two lot-rule calls (lotOf, roundPacks) use up. @internal
 */
export function planRange(p: ResolvedPolicy, c: KernelColumns, n: number, out: KernelOutputs, t: Float64Array, detail: boolean, validate: boolean): number {
  const { d: dC, sd: sdC, L: LC, sdL: sdLC, onHand: handC, onOrder: orderC } = c;
  const { unitCost: costC, moq: moqC, pack: packC, maxQ: maxC, backordered: backC, committed: commitC } = c;
  const { wL: wLC, wP: wPC, vP: vPC, rate: rateC, levelMin: minC, levelMax: maxLC } = c;
  const { safetyStock, reorderPoint, orderUpTo: upToOut, max: maxOut, suggestedOrder, status: statusOut } = out;
  const { review, qRule, zUsed, lt, packRounding: rounding, maxDays } = p;
  const periodic = review > 0;
  // Stryker disable next-line ConditionalExpression: otherSafety computes the same safety stock, reorder point and order-up-to for normal cycle-service demand (k = z, clamped alike) and writes the detail figures the hot path writes
  const hotPath = p.dist === 0 && !p.fill;
  const hasMaxDays = maxDays === maxDays;
  const hasLevels = minC !== undefined;
  const eoq = qRule === 2;
  // The bound read once: V8 reloads and unboxes a module constant at every use inside the loop
  // (two per value checked), which cost more than the checks themselves.
  const maxQuantity = MAX_QUANTITY;
  t[O_ERROR] = ERR_NONE;
  for (let i = 0; i < n; i++) {
    const d = dC[i]!;
    const sd = sdC[i]!;
    const L = LC[i]!;
    const sdL = sdLC[i]!;
    const hand = handC[i]!;
    const ordered0 = orderC[i]!;
    const unitCost = costC === undefined ? Number.NaN : costC[i]!;
    const moq = moqC === undefined ? 0 : moqC[i]!;
    const pack = packC === undefined ? 1 : packC[i]!;
    const maxQ = maxC === undefined ? Number.POSITIVE_INFINITY : maxC[i]!;
    const backordered = backC === undefined ? 0 : backC[i]!;
    const committed = commitC === undefined ? 0 : commitC[i]!;
    if (validate) {
      // Checked inline (helpers here would spend V8's inlining budget, which the lot rule needs):
      // one comparison per value rejects negatives, NaN and ±Infinity alike.
      if (!(d >= 0 && d <= maxQuantity)) bad('meanPerDay', i, d, -1);
      if (!(sd >= 0 && sd <= maxQuantity)) bad('sdPerDay', i, sd, -1);
      if (!(L >= 0 && L <= maxQuantity)) bad('leadTimeDays', i, L, -1);
      if (!(sdL >= 0 && sdL <= maxQuantity)) bad('leadTimeSdDays', i, sdL, -1);
      if (!(hand >= 0 && hand <= maxQuantity)) bad('onHand', i, hand, -1);
      if (!(ordered0 >= 0 && ordered0 <= maxQuantity)) bad('onOrder', i, ordered0, -1);
      if (costC !== undefined && !(unitCost >= 0 && unitCost <= maxQuantity)) bad('unitCost', i, unitCost, -1);
      if (eoq && !(unitCost > 0)) outOfRange(['columns', 'unitCost', i], M.columnEoqCost(), { code: 'out_of_range', limit: '0', received: String(unitCost) });
      // Stryker disable next-line ConditionalExpression: without the column moq is 0, which passes the check
      if (moqC !== undefined && !(moq >= 0 && moq <= maxQuantity && Math.floor(moq) === moq)) bad('moq', i, moq, 0);
      // Stryker disable next-line ConditionalExpression: without the column pack is 1, which passes the check
      if (packC !== undefined && !(pack >= 1 && pack <= maxQuantity && Math.floor(pack) === pack)) bad('packSize', i, pack, 1);
      if (maxQ !== Number.POSITIVE_INFINITY) checkMaxOrder(i, moq, pack, maxQ, maxQuantity);
      // Stryker disable next-line ConditionalExpression: without the column backordered is 0, which passes the check
      if (backC !== undefined && !(backordered >= 0 && backordered <= maxQuantity)) bad('backordered', i, backordered, -1);
      // Stryker disable next-line ConditionalExpression: without the column committed is 0, which passes the check
      if (commitC !== undefined && !(committed >= 0 && committed <= maxQuantity)) bad('committed', i, committed, -1);
    }
    const position = hand + ordered0 - backordered - committed;
    const available = hand - committed - backordered;
    const P = periodic ? review + L : L;
    const wL = wLC === undefined ? L : wLC[i]!;
    const wP = wPC === undefined ? P : wPC[i]!;
    const vP = vPC === undefined ? P : vPC[i]!;
    const rate = rateC === undefined ? d : rateC[i]!;
    const levelMin = hasLevels ? minC[i]! : 0;
    const levelMax = maxLC === undefined ? 0 : maxLC[i]!;

    const muL = d * wL;
    const mu = periodic ? d * wP : muL;
    const sigma = Math.sqrt(sd * sd * vP + rate * rate * sdL * sdL);
    // Lot size by the policy's rule (before MOQ and packs): fixed, EOQ √(2·K·D / (h·c)), days of cover.
    // Stryker disable next-line ConditionalExpression: with no rule (qRule 0) qValue is NaN, so d × qValue is the NaN the last branch gives
    const qRaw = qRule === 1 ? p.qValue : qRule === 2 ? Math.sqrt((2 * p.eoqCost * (p.daysPerYear * d)) / (p.eoqRate * unitCost)) : qRule === 3 ? d * p.qValue : Number.NaN;
    if (eoq && !(qRaw <= maxQuantity)) return overflowed(t, qRaw, i);
    const qService = qRule !== 0 ? qRaw : periodic ? d * review : hasLevels ? levelMax - levelMin : Number.NaN;

    let ss: number;
    let rop: number;
    let orderUpTo = 0;
    // Stryker disable next-line ConditionalExpression: otherSafety gives the same ss, rop and order-up-to for the hot path's normal cycle-service rows (k = z, clamped alike)
    if (hotPath) {
      // Normal demand, cycle service: z is the policy's.
      ss = sigma === 0 ? 0 : zUsed * sigma;
      rop = periodic ? muL + ss : mu + ss;
      // Stryker disable next-line ConditionalExpression: under continuous review orderUpTo is replaced by rop + lot (or the manual max) below, so setting it here changes nothing
      if (periodic) orderUpTo = mu + ss;
    } else {
      if (!otherSafety(p, mu, muL, sigma, qService, periodic, t)) return i;
      ss = t[O_SS]!;
      rop = t[O_ROP]!;
      orderUpTo = t[O_ORDER_UP_TO]!;
    }

    const qLot = qRule !== 0 ? lotOf(qRaw, moq, pack, maxQ, rounding, Number.POSITIVE_INFINITY, 0, t, O_CAPPED) : Number.NaN;
    if (hasLevels) {
      rop = levelMin;
      orderUpTo = levelMax;
    } else if (!periodic) orderUpTo = rop + qLot;
    const max = hasLevels ? levelMax : hasMaxDays ? d * maxDays : orderUpTo;

    const triggered = lt ? position < rop : position <= rop;
    let status = STATUS_OK;
    if (available <= 0) status = STATUS_STOCKOUT;
    else if (position <= ss) status = STATUS_URGENT;
    else if (triggered) status = STATUS_REORDER;
    else if (position > max) status = STATUS_OVERSTOCK;
    const ordering = triggered || position <= ss;
    let raw = 0;
    let suggested = 0;
    if (ordering) {
      // Stryker disable next-line EqualityOperator: at qRaw = rop − position both branches give the same raw
      raw = hasLevels || periodic ? orderUpTo - position : qRaw > rop - position ? qRaw : rop - position;
      suggested = lotOf(raw, moq, pack, maxQ, rounding, position, rop, t, O_CAPPED);
    } else t[O_CAPPED] = 0;
    safetyStock[i] = ss;
    reorderPoint[i] = rop;
    upToOut[i] = orderUpTo;
    maxOut[i] = max;
    suggestedOrder[i] = suggested;
    statusOut[i] = status;
    // Stryker disable next-line ConditionalExpression: keepDetail only writes the scratch buffer t, which the columnar path (detail false) reads only for a failing row's error figures, written by that row itself
    if (detail) keepDetail(p, t, hotPath, mu, muL, sigma, qRaw, qService, ss, rop, orderUpTo, max, qLot, status, position, ordering, raw, suggested);
  }
  return -1;
}

/** The implied cycle service level and fill rate of the final levels (object path only). @internal */
export function impliedLevels(p: ResolvedPolicy, o: KernelOut, hasLevels: boolean): [number, number] {
  const periodic = p.review > 0;
  const level = periodic ? o.orderUpTo : o.rop;
  const q = o.qService;
  if (o.poisson) {
    const r = Math.floor(level + 1e-9);
    const csl = poissonCdfOf(r, o.mu);
    const fr = q > 0 ? Math.max(0, 1 - poissonLoss(r, o.mu) / q) : Number.NaN;
    return [csl, fr];
  }
  if (o.sigma === 0) return [level >= o.mu ? 1 : 0, q > 0 || hasLevels ? (level >= o.mu ? 1 : 0) : Number.NaN];
  const k = hasLevels ? (level - o.mu) / o.sigma : o.k;
  const csl = cdf(k);
  const fr = q > 0 ? Math.max(0, 1 - (o.sigma * loss(k)) / q) : Number.NaN;
  return [csl, fr];
}
