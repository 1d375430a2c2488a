// The steps of a reorder plan and of daily demand: their figures as types, and the sentence each
// step's figures make (written once, here, for both the result's `text` and explainReorderPlan).
import type { Decimal } from '../core/decimal.js';
import type { IsoDate } from '../core/dates.js';
import type { Step } from '../core/result.js';
import { EN, fmt, money, pct, pctOf, priceScale, type Separators } from './format.js';
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

// ---------------------------------------------------------------------------------------------
// Texts
// ---------------------------------------------------------------------------------------------

function serviceName(service: 'cycle' | 'fill-rate', level: number, seps: Separators): string {
  return service === 'fill-rate' ? `fill rate ${pct(level, seps)}` : `cycle service ${pct(level, seps)}`;
}

/** The stages of the lot rule in words: `20 → MOQ 25 → 24 (4 packs of 6, rounding down) → 30 (…)`. @internal */
export function lotText(lot: ReorderLot, seps: Separators = EN): string {
  const f = (x: number): string => fmt(x, seps);
  if (!(lot.raw > 0)) return `${f(lot.raw)} → 0 (nothing to order)`;
  const parts = [f(lot.raw)];
  if (lot.raisedToMoq !== null) parts.push(`MOQ ${f(lot.moq)}`);
  parts.push(
    lot.packSize === 1
      ? `${f(lot.rounded)} (whole units, rounding ${lot.packRounding})`
      : `${f(lot.rounded)} (${f(lot.packs)} packs of ${f(lot.packSize)}, rounding ${lot.packRounding})`,
  );
  if (lot.moqMultiple !== null) parts.push(`${f(lot.moqMultiple)} (smallest pack multiple at or above the MOQ ${f(lot.moq)})`);
  if (lot.reorderPointMultiple !== null) parts.push(`${f(lot.reorderPointMultiple)} (raised so the position reaches the reorder point ${f(lot.reorderPoint!)})`);
  if (lot.capped !== null) parts.push(`${f(lot.capped)} (capped at maxOrderQty ${f(lot.maxOrderQty!)} in whole packs)`);
  return parts.join(' → ');
}

/** The text of a demand step. @internal */
export function demandText(s: FiguresOf<DemandStep>, seps: Separators = EN): string {
  const f = (x: number): string => fmt(x, seps);
  switch (s.code) {
    case 'demand-given':
      return s.periodDays === 1 ? `demand given per day: mean ${f(s.mean)}, σ ${f(s.sd)}` : `demand given per ${f(s.periodDays)}-day period: mean ${f(s.mean)}, σ ${f(s.sd)}`;
    case 'demand-history': {
      const missing =
        s.zeroFilled > 0 ? `${s.zeroFilled} missing period${s.zeroFilled === 1 ? '' : 's'} zero-filled` : 'missing periods would be zero-filled';
      return `demand from ${f(s.periods)} periods of ${f(s.periodDays)} days (${missing}): mean ${f(s.meanPerPeriod)}, sample standard deviation (n − 1 = ${f(s.periods - 1)}) ${f(s.sdPerPeriod)} per period`;
    }
    default:
      return `per day: mean ${f(s.meanPerPeriod)} / ${f(s.periodDays)} = ${f(s.meanPerDay)}, σ ${f(s.sdPerPeriod)} / √${f(s.periodDays)} = ${f(s.sdPerDay)} (√k scaling assumes independent days)`;
  }
}

const TRIGGER = { lte: '≤', lt: '<' } as const;

/**
 * The text of a reorder step, from its figures. A nullable figure is non-null on the branch that
 * prints it (plan.ts sets it with the step's code, method or rule), hence the `!`. @internal
 */
export function reorderStepText(s: FiguresOf<ReorderStep>, seps: Separators = EN): string {
  const f = (x: number): string => fmt(x, seps);
  switch (s.code) {
    case 'demand-given':
    case 'demand-history':
    case 'demand-per-day':
      return demandText(s, seps);
    case 'lead-time':
      return `lead time ${f(s.leadTimeDays)} days (σ ${f(s.leadTimeSdDays)} days)`;
    case 'review':
      return s.review === 'periodic'
        ? `periodic review every ${f(s.reviewPeriodDays!)} days: the protection interval is R + L = ${f(s.protectionDays)} days (order up to S at each review)`
        : `continuous review: the protection interval is the lead time, ${f(s.protectionDays)} days`;
    case 'seasonality':
      return `seasonality from ${s.asOf}: Σ of the daily indices over the lead time ${f(s.leadTimeDays)} days = ${f(s.leadTimeWeight)}${
        s.periodic ? `, over R + L = ${f(s.protectionDays)} days = ${f(s.protectionWeight)}` : ''
      }; σ_d scales with the index (variance weight Σ I² = ${f(s.varianceWeight)}), σ_L uses the window's mean rate ${f(s.ratePerDay)}/day`;
    case 'distribution': {
      if (s.distribution === 'poisson') {
        const why = s.chosenBy === 'auto' ? `auto: mean demand over the protection interval ${f(s.demandOverProtection)} < ${f(s.autoBelow)}` : 'policy';
        return `Poisson lead-time demand (${why}), mean ${f(s.demandOverProtection)}; σ_d and σ_L are not used (Poisson variance = mean)`;
      }
      const why = s.chosenBy === 'auto' ? ` (auto: mean demand over the protection interval ${f(s.demandOverProtection)} ≥ ${f(s.autoBelow)})` : '';
      return `normal lead-time demand${why}; σ over the protection interval = √(${f(s.varianceWeight)} × ${f(s.sdPerDay)}² + ${f(s.ratePerDay)}² × ${f(s.leadTimeSdDays)}²) = ${f(s.sdOverProtection!)}`;
    }
    case 'safety-factor':
      return s.service === 'fill-rate'
        ? `${serviceName(s.service, s.level, seps)}: G(k) = (1 − ${f(s.level)}) × Q ${f(s.serviceLotSize!)} / σ ${f(s.sdOverProtection)} = ${f(s.loss!)} → k = ${f(s.safetyFactor)}`
        : `${serviceName(s.service, s.level, seps)}: z = Φ⁻¹(${f(s.level)}) = ${f(s.safetyFactor)}`;
    case 'poisson-level':
      return s.service === 'fill-rate'
        ? `${serviceName(s.service, s.level, seps)}: smallest r with expected shortage E[(X − r)⁺] ≤ (1 − ${f(s.level)}) × Q ${f(s.serviceLotSize!)} is ${f(s.reorderLevel)}`
        : `${serviceName(s.service, s.level, seps)}: smallest r with P(X ≤ r) ≥ ${f(s.level)} is ${f(s.reorderLevel)}`;
    case 'safety-floor':
      if (s.distribution === 'poisson') return `r = ${f(s.unclamped)} is below the mean; safetyStockFloor 'zero' raises the level to the mean ${f(s.used)} (safety stock 0)`;
      return s.floor === 'zero'
        ? `k = ${f(s.unclamped)} is negative; safetyStockFloor 'zero' clamps it to 0 (implied cycle service level 0.5)`
        : `k = ${f(s.unclamped)} is negative and safetyStockFloor is 'none': the safety stock is negative`;
    case 'safety-stock':
      if (s.method === 'no-variability') return `no variability (σ = 0): safety stock 0${s.service === 'fill-rate' ? ', the fill-rate target is met without it' : ''}`;
      if (s.method === 'poisson') return `safety stock = ${f(s.reorderLevel!)} − ${f(s.mean!)} = ${f(s.safetyStock)}`;
      return `safety stock = ${f(s.safetyFactor!)} × ${f(s.sdOverProtection!)} = ${f(s.safetyStock)}`;
    case 'reorder-point':
      return `reorder point = demand over the lead time ${f(s.demandOverLeadTime)} + safety stock ${f(s.safetyStock)} = ${f(s.reorderPoint)}`;
    case 'order-up-to':
      return `order-up-to S = demand over R + L ${f(s.demandOverProtection)} + safety stock ${f(s.safetyStock)} = ${f(s.orderUpTo)}`;
    case 'order-quantity': {
      let rule: string;
      if (s.rule === 'fixed') rule = `fixed ${f(s.fixed!)}`;
      else if (s.rule === 'days-of-cover') rule = `${f(s.daysOfCover!)} days of cover × ${f(s.demandPerDay)}/day = ${f(s.quantity)}`;
      else {
        const k = s.orderCost!;
        const h = s.holdingCostPerUnitPerYear!;
        const c = s.unitCost!;
        rule =
          `EOQ √(2 × K ${money(k, priceScale(k), seps)} × D ${f(s.demandPerYear!)} / h ${money(h, priceScale(h), seps)}) = ${f(s.quantity)} ` +
          `(D = ${f(s.daysPerYear!)} days × ${f(s.demandPerDay)}/day, h = ${pctOf(s.holdingRatePerYear!, seps)} × unit cost ${money(c, priceScale(c), seps)})`;
      }
      return `order quantity: ${rule}; as a lot: ${lotText(s.lot, seps)}`;
    }
    case 'manual-levels':
      return `manual levels replace the computed ones: reorder point (min) ${f(s.min)} instead of ${f(s.computedReorderPoint)}, order-up-to (max) ${f(s.max)}`;
    case 'order-up-to-lot':
      return `order-up-to = reorder point ${f(s.reorderPoint)} + order quantity ${f(s.orderQuantity)} = ${f(s.orderUpTo)}`;
    case 'max':
      switch (s.rule) {
        case 'levels':
          return `max = the manual max ${f(s.max)}`;
        case 'max-days-of-cover':
          return `max = ${f(s.demandPerDay!)}/day × maxDaysOfCover ${f(s.maxDaysOfCover!)} = ${f(s.max)}`;
        case 'order-up-to':
          return `max = the order-up-to level ${f(s.max)}`;
        default:
          return `max = reorder point + order quantity = ${f(s.max)}`;
      }
    case 'inventory-position': {
      let receipts = '';
      if (s.receiptsDueBy !== null) {
        const later = s.laterReceipts > 0 ? `; ${f(s.laterReceipts)} later receipt${s.laterReceipts === 1 ? '' : 's'} of ${f(s.onOrderNotCounted)} not counted` : '';
        receipts = ` (receipts due by ${s.receiptsDueBy}${later})`;
      }
      return `inventory position = on hand ${f(s.onHand)} + on order ${f(s.onOrderCounted)}${receipts} − backordered ${f(s.backordered)} − committed ${f(s.committed)} = ${f(s.inventoryPosition)}`;
    }
    case 'status':
      switch (s.status) {
        case 'stockout':
          return `stockout: available on hand (on hand − committed − backordered) = ${f(s.availableOnHand)} ≤ 0: expedite`;
        case 'urgent':
          return `urgent: position ${f(s.inventoryPosition)} ≤ safety stock ${f(s.safetyStock)}: expedite`;
        case 'reorder':
          return `reorder: position ${f(s.inventoryPosition)} ${TRIGGER[s.trigger]} reorder point ${f(s.reorderPoint)} (trigger '${s.trigger}'): replenish`;
        case 'overstock':
          return `overstock: position ${f(s.inventoryPosition)} > max ${f(s.max)} by ${f(s.excess)}: promote or transfer`;
        default:
          return `ok: position ${f(s.inventoryPosition)} is above the reorder point ${f(s.reorderPoint)} (trigger '${s.trigger}') and not above max ${f(s.max)}`;
      }
    case 'suggested-order': {
      if (s.from === 'none') {
        return s.status === 'stockout'
          ? `no new order: the position ${f(s.inventoryPosition)} is above the reorder point ${f(s.reorderPoint)}; expedite the ${f(s.onOrderCounted)} on order`
          : `no order: the position ${f(s.inventoryPosition)} does not trigger the reorder point ${f(s.reorderPoint)} (trigger '${s.trigger}')`;
      }
      const from =
        s.from === 'order-up-to'
          ? `order-up-to ${f(s.orderUpTo)} − position ${f(s.inventoryPosition)}`
          : s.from === 'order-quantity'
            ? 'the order quantity'
            : `the reorder-point deficit ${f(s.reorderPoint)} − ${f(s.inventoryPosition)} (more than the order quantity)`;
      return `suggested order from ${from}: ${lotText(s.lot!, seps)}`;
    }
    case 'order-value':
      return `order value = ${f(s.suggestedOrder)} × ${money(s.unitCost, priceScale(s.unitCost), seps)} = ${money(s.orderValue, priceScale(s.unitCost), seps)}`;
    case 'days-of-supply':
      return s.daysOfSupply === null
        ? 'days of supply: none (zero demand)'
        : `days of supply = available ${f(s.availableOnHand)} / ${f(s.demandPerDay)} per day = ${f(s.daysOfSupply)}`;
    case 'implied-service':
      return `implied cycle service level ${pct(s.impliedCycleServiceLevel, seps)}${
        s.impliedFillRate === null ? '' : `, implied fill rate ${pct(s.impliedFillRate, seps)} (1 − expected shortage / Q ${f(s.serviceLotSize!)})`
      }`;
  }
}

/** A step with its text (English grouping). @internal */
export function withText<S extends FiguresOf<ReorderStep>>(figures: S): S & { text: string } {
  return { ...figures, text: reorderStepText(figures) };
}
