// Order quantities: EOQ, and the fixed order of operations for MOQ, packs and the maximum.
import { toDecimal } from '../core/decimal.js';
import { outOfRange, toDealerkitError } from '../core/errors.js';
import type { DecimalInput } from '../core/decimal.js';
import { finiteAt } from './normal.js';

/** Rounding mode codes of the kernel. @internal */
export const ROUND_UP = 0;
/** @internal */
export const ROUND_DOWN = 1;
/** @internal */
export const ROUND_NEAREST = 2;

/**
 * Snaps a quantity within 1e-9 (relative) of a whole number onto it, so 29.999999999999996 packs
 * count as 30 and floating-point noise never buys an extra pack. @internal
 */
export function snap(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - r) <= 1e-9 * (r > 1 ? r : 1) ? r : x;
}

/** Whole packs from a quantity of packs by the rounding mode (nearest: half a pack rounds up). @internal */
export function roundPacks(packs: number, mode: number): number {
  const y = snap(packs);
  return mode === ROUND_UP ? Math.ceil(y) : mode === ROUND_DOWN ? Math.floor(y) : Math.floor(y + 0.5);
}

/** Flags set by {@link lotOf}. @internal */
export interface LotFlags {
  /** The cap at the maximum order lowered the quantity. */
  capped: boolean;
  /** The quantity was raised so the position reaches the reorder point. */
  covered: boolean;
}

/**
 * The order of operations, in integer packs (documented in docs/inventory.md):
 * 1. raise the raw quantity to the MOQ;
 * 2. round to whole packs by the mode;
 * 3. if that fell below the MOQ, take the smallest pack multiple at or above it;
 * 4. (orders only; lot sizes pass position = +Infinity) if position + quantity is still below the reorder point,
 *    take the smallest pack multiple that reaches it, so rounding down never undoes the replenishment;
 * 5. cap at the maximum order rounded down to whole packs.
 * A raw quantity ≤ 0 orders nothing. @internal
 */
export function lotOf(
  raw: number,
  moq: number,
  pack: number,
  maxQ: number,
  mode: number,
  position: number,
  rop: number,
  flags: LotFlags,
): number {
  flags.capped = false;
  flags.covered = false;
  if (!(raw > 0)) return 0;
  let q = raw < moq ? moq : raw;
  q = roundPacks(q / pack, mode) * pack;
  if (q < moq) q = Math.ceil(snap(moq / pack)) * pack;
  if (position + q < rop) {
    q = Math.ceil(snap((rop - position) / pack)) * pack;
    flags.covered = true;
  }
  const cap = Math.floor(snap(maxQ / pack)) * pack;
  if (q > cap) {
    q = cap;
    flags.capped = true;
  }
  return q;
}

/** The options of {@link calculateEoq}. */
export interface EoqOptions {
  /** Demand per year, in units (D ≥ 0). */
  demandPerYear: number;
  /** The fixed cost of placing one order (K ≥ 0, money). */
  orderCost: DecimalInput;
  /** The cost of holding one unit for a year (h > 0, money): holding rate × unit cost. */
  holdingCostPerUnitPerYear: DecimalInput;
}

/**
 * The economic order quantity √(2KD/h) (Harris 1913; Silver, Pyke & Peterson, ch. 4): the lot
 * size that balances ordering and holding costs, as a plain number (round it to packs with a plan).
 *
 * @example
 * ```ts
 * calculateEoq({ demandPerYear: 1300, orderCost: 8, holdingCostPerUnitPerYear: 0.225 });
 * //=> 304.0467800264368
 * ```
 */
export function calculateEoq(options: EoqOptions): number {
  try {
    const o = (typeof options === 'object' && options !== null ? options : {}) as Partial<EoqOptions>;
    const d = finiteAt(o.demandPerYear, ['demandPerYear']);
    if (d < 0) outOfRange(['demandPerYear'], `must not be negative, received ${d}`);
    const k = toDecimal(o.orderCost, ['orderCost']).toNumber();
    if (k < 0) outOfRange(['orderCost'], `must not be negative, received ${k}`);
    const h = toDecimal(o.holdingCostPerUnitPerYear, ['holdingCostPerUnitPerYear']).toNumber();
    if (!(h > 0)) outOfRange(['holdingCostPerUnitPerYear'], `must be greater than 0, received ${h}`);
    return Math.sqrt((2 * k * d) / h);
  } catch (error) {
    throw toDealerkitError(error);
  }
}
