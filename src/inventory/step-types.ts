// The steps of a reorder plan (each a figure the plan computed, with its inputs), below the texts
// that write them out and the engine that records them.
import type { Decimal } from '../core/decimal.js';
import type { IsoDate } from '../core/dates.js';
import type { Step } from '../core/result.js';
import type { ReorderStatus } from './kernel.js';
import type { PackRounding } from './schema.js';

/** A step without its text: the figures a text is written from. @internal */
export type FiguresOf<S> = S extends unknown ? Omit<S, 'text'> : never;

// ---------------------------------------------------------------------------------------------
// Demand
// ---------------------------------------------------------------------------------------------

/** Demand given as statistics: per day (`periodDays` 1), or per period of `periodDays` days. */
export interface DemandGivenStep extends Step {
  code: 'demand-given';
  /** Mean demand per period. */
  mean: number;
  /** Standard deviation per period. */
  sd: number;
  /** The period's length in days (1: the statistics are per day). */
  periodDays: number;
}

/** Demand from a history of equal periods: mean and sample standard deviation (n − 1) per period. */
export interface DemandHistoryStep extends Step {
  code: 'demand-history';
  /** Periods in the history. */
  periods: number;
  /** Days per period. */
  periodDays: number;
  /** Periods without a record (`null`), counted as 0. */
  zeroFilled: number;
  /** Mean demand per period (zero-filled periods included). */
  meanPerPeriod: number;
  /** Sample standard deviation per period (n − 1). */
  sdPerPeriod: number;
}

/** Period statistics turned into daily ones: mean / periodDays, σ / √periodDays (independent days). */
export interface DemandPerDayStep extends Step {
  code: 'demand-per-day';
  /** Mean demand per period. */
  meanPerPeriod: number;
  /** Standard deviation per period. */
  sdPerPeriod: number;
  /** Days per period. */
  periodDays: number;
  /** meanPerPeriod / periodDays. */
  meanPerDay: number;
  /** sdPerPeriod / √periodDays. */
  sdPerDay: number;
}

/** A step of how daily demand was obtained. */
export type DemandStep = DemandGivenStep | DemandHistoryStep | DemandPerDayStep;

// ---------------------------------------------------------------------------------------------
// Reorder plan
// ---------------------------------------------------------------------------------------------

/** What each stage of the lot rule made of a quantity (MOQ → packs → MOQ multiple → reorder point → cap). */
export interface ReorderLot {
  /** The quantity before MOQ and packs. */
  raw: number;
  /** The minimum order quantity. */
  moq: number;
  /** Units per pack. */
  packSize: number;
  /** How the quantity was rounded to packs. */
  packRounding: PackRounding;
  /** The maximum order, or null for none. */
  maxOrderQty: number | null;
  /** The reorder point the order must reach (null for the policy's lot size). */
  reorderPoint: number | null;
  /** 1. the quantity raised to the MOQ, or null when it was at least the MOQ. */
  raisedToMoq: number | null;
  /** 2. whole packs after rounding. */
  packs: number;
  /** 2. the quantity in whole packs. */
  rounded: number;
  /** 3. the smallest pack multiple at or above the MOQ, when rounding fell below it. */
  moqMultiple: number | null;
  /** 4. the smallest pack multiple reaching the reorder point, when rounding left the position below it. */
  reorderPointMultiple: number | null;
  /** 5. the quantity capped at maxOrderQty in whole packs, when the cap applied. */
  capped: number | null;
  /** The final quantity. */
  quantity: number;
}

/** The lead time and its standard deviation. */
export interface ReorderLeadTimeStep extends Step {
  code: 'lead-time';
  /** Mean lead time in days. */
  leadTimeDays: number;
  /** Standard deviation of the lead time in days. */
  leadTimeSdDays: number;
}

/** Continuous (r, Q) or periodic (R, S) review, and the protection interval it gives. */
export interface ReorderReviewStep extends Step {
  code: 'review';
  /** The review rule. */
  review: 'continuous' | 'periodic';
  /** R, or null under continuous review. */
  reviewPeriodDays: number | null;
  /** The protection interval in days: L, or R + L. */
  protectionDays: number;
}

/** Seasonal weights of the lead-time window. */
export interface ReorderSeasonalityStep extends Step {
  code: 'seasonality';
  /** The window's first day. */
  asOf: IsoDate;
  /** Lead time in days. */
  leadTimeDays: number;
  /** Σ of the daily indices over the lead time. */
  leadTimeWeight: number;
  /** The protection interval in days. */
  protectionDays: number;
  /** Σ of the daily indices over the protection interval. */
  protectionWeight: number;
  /** Σ of the squared daily indices over the protection interval (the variance weight of σ_d). */
  varianceWeight: number;
  /** The window's mean demand rate per day (σ_L's rate): d × Σ I / P. */
  ratePerDay: number;
  /** Whether the review is periodic (the protection interval differs from the lead time). */
  periodic: boolean;
}

/** The lead-time demand distribution, its mean and (normal) standard deviation. */
export interface ReorderDistributionStep extends Step {
  code: 'distribution';
  /** The distribution used. */
  distribution: 'normal' | 'poisson';
  /** `'policy'`, or `'auto'` (Poisson below `autoBelow` units of mean demand over the protection interval). */
  chosenBy: 'policy' | 'auto';
  /** The `'auto'` threshold (10 units). */
  autoBelow: number;
  /** Mean demand over the protection interval. */
  demandOverProtection: number;
  /** The variance weight of σ_d: P, or Σ I² with seasonality. */
  varianceWeight: number;
  /** Standard deviation of daily demand. */
  sdPerDay: number;
  /** The demand rate σ_L multiplies: d, or the seasonal window's mean rate. */
  ratePerDay: number;
  /** Standard deviation of the lead time. */
  leadTimeSdDays: number;
  /** √(varianceWeight·σ_d² + ratePerDay²·σ_L²) under the normal distribution; null under Poisson. */
  sdOverProtection: number | null;
}

/** The safety factor k under the normal distribution (σ > 0). */
export interface ReorderSafetyFactorStep extends Step {
  code: 'safety-factor';
  /** The service measure. */
  service: 'cycle' | 'fill-rate';
  /** The target level. */
  level: number;
  /** Q in G(k) = (1 − β)Q/σ (fill rate), else null. */
  serviceLotSize: number | null;
  /** σ over the protection interval. */
  sdOverProtection: number;
  /** G(k) = (1 − β)Q/σ (fill rate), else null. */
  loss: number | null;
  /** k = Φ⁻¹(level), or the k with G(k) = loss; before the floor. */
  safetyFactor: number;
}

/** The reorder level under the Poisson distribution. */
export interface ReorderPoissonLevelStep extends Step {
  code: 'poisson-level';
  /** The service measure. */
  service: 'cycle' | 'fill-rate';
  /** The target level. */
  level: number;
  /** Q in E[(X − r)⁺] ≤ (1 − β)Q (fill rate), else null. */
  serviceLotSize: number | null;
  /** The Poisson mean (demand over the protection interval). */
  mean: number;
  /** The smallest r meeting the target, before the floor. */
  reorderLevel: number;
}

/** The safety-stock floor acting on a negative safety factor (or a Poisson level below the mean). */
export interface ReorderSafetyFloorStep extends Step {
  code: 'safety-floor';
  /** The policy's floor. */
  floor: 'zero' | 'none';
  /** The distribution. */
  distribution: 'normal' | 'poisson';
  /** k (normal) or r (Poisson) before the floor. */
  unclamped: number;
  /** k or the level after the floor. */
  used: number;
}

/** The safety stock. */
export interface ReorderSafetyStockStep extends Step {
  code: 'safety-stock';
  /** `'normal'` (k × σ), `'poisson'` (level − mean) or `'no-variability'` (σ = 0). */
  method: 'normal' | 'poisson' | 'no-variability';
  /** The service measure. */
  service: 'cycle' | 'fill-rate';
  /** k used (normal), else null. */
  safetyFactor: number | null;
  /** σ over the protection interval (normal), else null. */
  sdOverProtection: number | null;
  /** The reorder level used (Poisson), else null. */
  reorderLevel: number | null;
  /** The Poisson mean, else null. */
  mean: number | null;
  /** The safety stock in units. */
  safetyStock: number;
}

/** The computed reorder point: demand over the lead time + safety stock. */
export interface ReorderPointStep extends Step {
  code: 'reorder-point';
  /** Mean demand over the lead time. */
  demandOverLeadTime: number;
  /** Safety stock. */
  safetyStock: number;
  /** The sum (replaced by the manual min when the item has levels). */
  reorderPoint: number;
}

/** The order-up-to level S under periodic review: demand over R + L + safety stock. */
export interface ReorderOrderUpToStep extends Step {
  code: 'order-up-to';
  /** Mean demand over R + L. */
  demandOverProtection: number;
  /** Safety stock. */
  safetyStock: number;
  /** S. */
  orderUpTo: number;
}

/** The policy's lot size by its rule, then as whole packs. */
export interface ReorderOrderQuantityStep extends Step {
  code: 'order-quantity';
  /** The rule. */
  rule: 'fixed' | 'eoq' | 'days-of-cover';
  /** The fixed quantity, else null. */
  fixed: number | null;
  /** Days of cover, else null. */
  daysOfCover: number | null;
  /** Demand per day. */
  demandPerDay: number;
  /** EOQ: K, the cost of one order, else null. */
  orderCost: Decimal | null;
  /** EOQ: days per year, else null. */
  daysPerYear: number | null;
  /** EOQ: D = daysPerYear × demand per day, else null. */
  demandPerYear: number | null;
  /** EOQ: the yearly holding rate, else null. */
  holdingRatePerYear: Decimal | null;
  /** EOQ: the item's unit cost, else null. */
  unitCost: Decimal | null;
  /** EOQ: h = holding rate × unit cost, else null. */
  holdingCostPerUnitPerYear: Decimal | null;
  /** The quantity by the rule, before MOQ and packs. */
  quantity: number;
  /** The lot rule's stages. */
  lot: ReorderLot;
  /** The lot size. */
  orderQuantity: number;
}

/** Manual min/max levels replacing the computed reorder point and order-up-to level. */
export interface ReorderManualLevelsStep extends Step {
  code: 'manual-levels';
  /** The manual min (the reorder point). */
  min: number;
  /** The manual max (the order-up-to level). */
  max: number;
  /** The reorder point it replaces. */
  computedReorderPoint: number;
}

/** The order-up-to level under continuous review: reorder point + lot size. */
export interface ReorderOrderUpToLotStep extends Step {
  code: 'order-up-to-lot';
  /** The reorder point. */
  reorderPoint: number;
  /** The lot size. */
  orderQuantity: number;
  /** Their sum. */
  orderUpTo: number;
}

/** The upper limit and the rule it came from. */
export interface ReorderMaxStep extends Step {
  code: 'max';
  /** The rule. */
  rule: 'levels' | 'max-days-of-cover' | 'order-up-to' | 'reorder-point-plus-lot';
  /** Demand per day (`max-days-of-cover`), else null. */
  demandPerDay: number | null;
  /** The policy's maxDaysOfCover (`max-days-of-cover`), else null. */
  maxDaysOfCover: number | null;
  /** The upper limit. */
  max: number;
}

/** The inventory position the triggers compare. */
export interface ReorderPositionStep extends Step {
  code: 'inventory-position';
  /** Units on hand. */
  onHand: number;
  /** Units on order counted (all of a total; receipts due within the lead time). */
  onOrderCounted: number;
  /** Units on order not counted (receipts due after the lead time). */
  onOrderNotCounted: number;
  /** Receipts not counted. */
  laterReceipts: number;
  /** The last due date counted (asOf + the lead time's whole days), when receipts were given. */
  receiptsDueBy: IsoDate | null;
  /** Units backordered. */
  backordered: number;
  /** Units committed. */
  committed: number;
  /** on hand + on order counted − backordered − committed. */
  inventoryPosition: number;
  /** on hand − committed − backordered. */
  availableOnHand: number;
}

/** The status and what it asks for. */
export interface ReorderStatusStep extends Step {
  code: 'status';
  /** The status. */
  status: ReorderStatus;
  /** Its action. */
  action: 'expedite' | 'replenish' | 'none' | 'promote-or-transfer';
  /** The trigger. */
  trigger: 'lte' | 'lt';
  /** The inventory position. */
  inventoryPosition: number;
  /** The reorder point. */
  reorderPoint: number;
  /** The safety stock. */
  safetyStock: number;
  /** The upper limit. */
  max: number;
  /** Available on hand. */
  availableOnHand: number;
  /** Position − max when overstocked, else 0. */
  excess: number;
}

/** The order to place now, and the stages that made it whole packs. */
export interface ReorderSuggestedOrderStep extends Step {
  code: 'suggested-order';
  /** What the quantity started from (`'none'`: no order is due). */
  from: 'order-up-to' | 'order-quantity' | 'deficit' | 'none';
  /** The status. */
  status: ReorderStatus;
  /** The trigger. */
  trigger: 'lte' | 'lt';
  /** The inventory position. */
  inventoryPosition: number;
  /** The reorder point. */
  reorderPoint: number;
  /** The order-up-to level. */
  orderUpTo: number;
  /** Units on order counted (expedited on a stockout without a new order). */
  onOrderCounted: number;
  /** The quantity before MOQ and packs (0 when no order is due). */
  raw: number;
  /** The lot rule's stages, or null when no order is due. */
  lot: ReorderLot | null;
  /** Units to order now. */
  suggestedOrder: number;
}

/** The value of the suggested order (when there is one and the unit cost is known). */
export interface ReorderOrderValueStep extends Step {
  code: 'order-value';
  /** Units to order. */
  suggestedOrder: number;
  /** The unit cost. */
  unitCost: Decimal;
  /** Their product, exact. */
  orderValue: Decimal;
}

/** Days of supply: available on hand over demand per day. */
export interface ReorderDaysOfSupplyStep extends Step {
  code: 'days-of-supply';
  /** Available on hand. */
  availableOnHand: number;
  /** Demand per day. */
  demandPerDay: number;
  /** Their quotient, or null at zero demand. */
  daysOfSupply: number | null;
}

/** The service the final reorder level gives. */
export interface ReorderImpliedServiceStep extends Step {
  code: 'implied-service';
  /** The implied cycle service level. */
  impliedCycleServiceLevel: number;
  /** The implied fill rate 1 − expected shortage / Q, or null without a Q. */
  impliedFillRate: number | null;
  /** The Q of the fill rate, or null. */
  serviceLotSize: number | null;
}

/**
 * One step of a reorder plan, in the order they are taken: demand, lead time, review, seasonality,
 * distribution, safety factor, safety stock, reorder point, lot size, levels, max, position,
 * status, order, value, days of supply, implied service.
 */
export type ReorderStep =
  | DemandStep
  | ReorderLeadTimeStep
  | ReorderReviewStep
  | ReorderSeasonalityStep
  | ReorderDistributionStep
  | ReorderSafetyFactorStep
  | ReorderPoissonLevelStep
  | ReorderSafetyFloorStep
  | ReorderSafetyStockStep
  | ReorderPointStep
  | ReorderOrderUpToStep
  | ReorderOrderQuantityStep
  | ReorderManualLevelsStep
  | ReorderOrderUpToLotStep
  | ReorderMaxStep
  | ReorderPositionStep
  | ReorderStatusStep
  | ReorderSuggestedOrderStep
  | ReorderOrderValueStep
  | ReorderDaysOfSupplyStep
  | ReorderImpliedServiceStep;
