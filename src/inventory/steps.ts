// The steps of a reorder plan and of daily demand: their figures as types, and the sentence each
// step's figures make (written once, here, for both the result's `text` and explainReorderPlan).
import { EN, fmt, money, pct, pctOf, priceScale, type Separators } from './format.js';
import type { DemandStep, FiguresOf, ReorderLot, ReorderOrderQuantityStep, ReorderStatusStep, ReorderStep } from './step-types.js';

export { type FiguresOf, type DemandGivenStep, type DemandHistoryStep, type DemandPerDayStep, type DemandStep, type ReorderLot, type ReorderLeadTimeStep, type ReorderReviewStep, type ReorderSeasonalityStep, type ReorderDistributionStep, type ReorderSafetyFactorStep, type ReorderPoissonLevelStep, type ReorderSafetyFloorStep, type ReorderSafetyStockStep, type ReorderPointStep, type ReorderOrderUpToStep, type ReorderOrderQuantityStep, type ReorderManualLevelsStep, type ReorderOrderUpToLotStep, type ReorderMaxStep, type ReorderPositionStep, type ReorderStatusStep, type ReorderSuggestedOrderStep, type ReorderOrderValueStep, type ReorderDaysOfSupplyStep, type ReorderImpliedServiceStep, type ReorderStep } from './step-types.js';

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
    case 'order-quantity':
      return orderQuantityText(s, seps);
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
      return statusText(s, f);
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

/** The order-quantity step's sentence: the rule (fixed, days of cover, EOQ) and the lot. */
function orderQuantityText(s: FiguresOf<ReorderOrderQuantityStep>, seps: Separators): string {
  const f = (x: number): string => fmt(x, seps);
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

/** The status step's sentence. */
function statusText(s: FiguresOf<ReorderStatusStep>, f: (x: number) => string): string {
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
}

/** A step with its text (English grouping). @internal */
export function withText<S extends FiguresOf<ReorderStep>>(figures: S): S & { text: string } {
  return { ...figures, text: reorderStepText(figures) };
}
