// The plain-number core shared by planReorder and planReordersColumnar, so that both paths run the
// same floating-point operations in the same order and agree exactly. No allocation per call.
import { cdf, inverse, loss, lossInverse } from './normal.js';
import { poissonCdfOf, poissonLoss, poissonLossInverseOf, poissonQuantileOf, MAX_POISSON_MEAN } from './poisson.js';
import { lotOf, ROUND_DOWN, ROUND_NEAREST, ROUND_UP, type LotFlags } from './lot.js';
import type { ParsedReorderPolicy } from './schema.js';

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

/** A policy resolved to plain numbers, once per policy (and per item override). @internal */
export interface ResolvedPolicy {
  source: ParsedReorderPolicy;
  fill: boolean;
  level: number;
  /** Φ⁻¹(level) for a cycle service target (NaN for a fill rate). */
  z: number;
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
  rounding: number;
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
      eoqRate = oq.eoq.holdingRatePerYear;
      daysPerYear = oq.eoq.daysPerYear ?? 365;
    } else {
      qRule = 3;
      qValue = oq.daysOfCover;
    }
  }
  return {
    source: p,
    fill,
    level,
    z: fill ? Number.NaN : inverse(level),
    review: p.reviewPeriodDays ?? 0,
    dist: p.distribution === 'poisson' ? 1 : p.distribution === 'auto' ? 2 : 0,
    qRule,
    qValue,
    eoqCost,
    eoqRate,
    daysPerYear,
    rounding: p.rounding === 'down' ? ROUND_DOWN : p.rounding === 'nearest' ? ROUND_NEAREST : ROUND_UP,
    lt: p.trigger === 'lt',
    floorZero: p.safetyStockFloor !== 'none',
    maxDays: p.maxDaysOfCover ?? Number.NaN,
  };
}

/** The kernel's outputs for one SKU (reused across SKUs). @internal */
export class KernelOut implements LotFlags {
  error = ERR_NONE;
  /** Mean demand over the protection interval (L, or R + L under periodic review). */
  mu = 0;
  /** Mean demand over the lead time. */
  muL = 0;
  /** Standard deviation of demand over the protection interval. */
  sigma = 0;
  /** The safety factor used (NaN for Poisson, or σ = 0 under a fill rate). */
  k = Number.NaN;
  /** The unclamped safety factor or Poisson safety stock before the floor. */
  kRaw = Number.NaN;
  poisson = false;
  clamped = false;
  ss = 0;
  rop = 0;
  orderUpTo = 0;
  max = 0;
  qRaw = Number.NaN;
  eoq = Number.NaN;
  qLot = Number.NaN;
  /** The Q of the fill-rate formula (before MOQ and pack rounding), NaN when none. */
  qService = Number.NaN;
  raw = 0;
  suggested = 0;
  capped = false;
  covered = false;
  ordered = false;
  status = STATUS_OK;
  excess = 0;
}

/**
 * Plans one SKU in plain numbers. Inputs are validated by the caller. `wL`/`vL` and `wP`/`vP` are the
 * sums of the seasonal indices and of their squares over the lead time and over the protection
 * interval (without seasonality: L, L, P, P); `rate` multiplies σ_L (d without seasonality).
 * `maxQ` is Infinity without a maximum; `hasLevels` switches to the manual min/max. @internal
 */
export function planKernel(
  p: ResolvedPolicy,
  d: number,
  sd: number,
  sdL: number,
  wL: number,
  wP: number,
  vP: number,
  rate: number,
  unitCost: number,
  moq: number,
  pack: number,
  maxQ: number,
  position: number,
  available: number,
  hasLevels: boolean,
  levelMin: number,
  levelMax: number,
  o: KernelOut,
): void {
  o.error = ERR_NONE;
  const periodic = p.review > 0;
  const muL = d * wL;
  const mu = periodic ? d * wP : muL;
  const sigma = Math.sqrt(sd * sd * vP + rate * rate * sdL * sdL);
  o.mu = mu;
  o.muL = muL;
  o.sigma = sigma;

  // Lot size by the policy's rule (before MOQ and packs).
  let qRaw = Number.NaN;
  o.eoq = Number.NaN;
  if (p.qRule === 1) qRaw = p.qValue;
  else if (p.qRule === 2) {
    qRaw = Math.sqrt((2 * p.eoqCost * (p.daysPerYear * d)) / (p.eoqRate * unitCost));
    o.eoq = qRaw;
  } else if (p.qRule === 3) qRaw = d * p.qValue;
  o.qRaw = qRaw;
  const qService = p.qRule !== 0 ? qRaw : periodic ? d * p.review : hasLevels ? levelMax - levelMin : Number.NaN;
  o.qService = qService;

  const poisson = p.dist === 1 || (p.dist === 2 && mu < AUTO_POISSON_BELOW);
  o.poisson = poisson;
  o.clamped = false;
  let ss: number;
  if (!poisson) {
    let k: number;
    if (!p.fill) k = p.z;
    else if (sigma === 0) k = Number.NaN;
    else if (!(qService > 0)) {
      o.error = ERR_FILL_ZERO_Q;
      return;
    } else k = lossInverse(((1 - p.level) * qService) / sigma);
    o.kRaw = k;
    if (p.floorZero && k < 0) {
      k = 0;
      o.clamped = true;
    }
    o.k = k;
    ss = sigma === 0 ? 0 : k * sigma;
    const top = mu + ss;
    if (periodic) {
      o.orderUpTo = top;
      o.rop = muL + ss;
    } else o.rop = top;
  } else {
    if (mu > MAX_POISSON_MEAN) {
      o.error = ERR_POISSON_MEAN;
      return;
    }
    let r: number;
    if (!p.fill) r = poissonQuantileOf(p.level, mu);
    else if (mu === 0) r = 0;
    else if (!(qService > 0)) {
      o.error = ERR_FILL_ZERO_Q;
      return;
    } else r = poissonLossInverseOf((1 - p.level) * qService, mu);
    o.k = Number.NaN;
    o.kRaw = r - mu;
    let top = r;
    if (p.floorZero && r < mu) {
      top = mu;
      o.clamped = true;
    }
    ss = top - mu;
    if (periodic) {
      o.orderUpTo = top;
      o.rop = muL + ss;
    } else o.rop = top;
  }
  o.ss = ss;

  o.qLot = p.qRule !== 0 ? lotOf(qRaw, moq, pack, maxQ, p.rounding, Number.POSITIVE_INFINITY, 0, o) : Number.NaN;
  if (hasLevels) {
    o.rop = levelMin;
    o.orderUpTo = levelMax;
  } else if (!periodic) o.orderUpTo = o.rop + o.qLot;
  const rop = o.rop;
  o.max = hasLevels ? levelMax : p.maxDays === p.maxDays ? d * p.maxDays : o.orderUpTo;

  const triggered = p.lt ? position < rop : position <= rop;
  let status = STATUS_OK;
  if (available <= 0) status = STATUS_STOCKOUT;
  else if (position <= ss) status = STATUS_URGENT;
  else if (triggered) status = STATUS_REORDER;
  else if (position > o.max) status = STATUS_OVERSTOCK;
  o.status = status;
  o.excess = status === STATUS_OVERSTOCK ? position - o.max : 0;

  const ordered = triggered || position <= ss;
  o.ordered = ordered;
  if (ordered) {
    const raw = hasLevels || periodic ? o.orderUpTo - position : qRaw > rop - position ? qRaw : rop - position;
    o.raw = raw;
    o.suggested = lotOf(raw, moq, pack, maxQ, p.rounding, position, rop, o);
  } else {
    o.raw = 0;
    o.suggested = 0;
    o.capped = false;
    o.covered = false;
  }
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
