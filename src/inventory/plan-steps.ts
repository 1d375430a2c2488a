// The steps of one SKU's plan (planReorder, planReorders with detail 'full'): a layer that reads the
// item's figures and the kernel's, in the order the plan reaches them. No figure is computed here
// that the kernel does not compute; the lot stages come from the kernel's own stage functions.
import type { Decimal } from '../core/decimal.js';
import type { IsoDate } from '../core/dates.js';
import type { DailyDemand } from './demand.js';
import { AUTO_POISSON_BELOW, lotCap, lotMoqMultiple, lotRaiseToMoq, lotReachReorderPoint, lotToPacks, type KernelOut, type ReorderStatus, type ResolvedPolicy } from './kernel.js';
import { ACTIONS, nullIfNaN, PACK_ROUNDINGS } from './plan-types.js';
import type { ParsedReorderItem, ParsedReorderPolicy } from './schema.js';
import { withText, type FiguresOf, type ReorderLot, type ReorderStep } from './steps.js';

/** Where the stock stands: on order split by the lead time, the inventory position and days of supply. @internal */
export interface StockPosition {
  onOrderCounted: number;
  onOrderLater: number;
  laterCount: number;
  receiptsDueBy: IsoDate | null;
  backordered: number;
  committed: number;
  position: number;
  available: number;
  daysOfSupply: number | null;
}

/** The seasonal weights of the lead time and the protection interval, and the σ_L rate (L, P, P, d without seasonality). @internal */
export interface SeasonalWeights {
  wL: number;
  wP: number;
  vP: number;
  rate: number;
}

/** One validated item's figures before the kernel: what the kernel's columns and the steps read. @internal */
export interface ItemFigures extends SeasonalWeights {
  item: ParsedReorderItem;
  policy: ParsedReorderPolicy;
  p: ResolvedPolicy;
  periodic: boolean;
  hasLevels: boolean;
  pack: number;
  moq: number;
  maxQ: number;
  demand: DailyDemand;
  d: number;
  sd: number;
  L: number;
  sdL: number;
  P: number;
  seasonAsOf: IsoDate | undefined;
  stock: StockPosition;
}

/** What the plan concluded from the kernel's figures: the status, the implied service levels and the order's value. @internal */
export interface ItemOutcome {
  status: ReorderStatus;
  csl: number;
  fr: number;
  orderValue: Decimal | null;
}

/** Appends a step with its sentence. */
function add(steps: ReorderStep[], figures: FiguresOf<ReorderStep>): void {
  steps.push(withText(figures) as ReorderStep);
}

/** Each stage of the lot rule for one quantity, from the kernel's own stage functions (the rule is written once, in kernel.ts). */
function lotStages(f: ItemFigures, raw: number, position: number, rop: number | null, quantity: number): ReorderLot {
  const { moq, pack, maxQ, p } = f;
  const base = {
    raw,
    moq,
    packSize: pack,
    packRounding: PACK_ROUNDINGS[p.packRounding]!,
    maxOrderQty: maxQ === Number.POSITIVE_INFINITY ? null : maxQ,
    reorderPoint: rop,
  };
  if (!(raw > 0)) return { ...base, raisedToMoq: null, packs: 0, rounded: 0, moqMultiple: null, reorderPointMultiple: null, capped: null, quantity };
  const raised = lotRaiseToMoq(raw, moq);
  const rounded = lotToPacks(raised, pack, p.packRounding);
  const multiple = lotMoqMultiple(rounded, moq, pack);
  const reached = lotReachReorderPoint(multiple, pack, position, rop ?? 0);
  const cap = lotCap(pack, maxQ);
  return {
    ...base,
    raisedToMoq: raised !== raw ? raised : null,
    packs: rounded / pack,
    rounded,
    moqMultiple: multiple !== rounded ? multiple : null,
    reorderPointMultiple: reached !== multiple ? reached : null,
    capped: reached > cap ? cap : null,
    quantity,
  };
}

/** The steps of demand, lead time, review, seasonality and the demand distribution. */
function demandSteps(steps: ReorderStep[], f: ItemFigures, o: KernelOut): void {
  const { p, periodic, L, sdL, P } = f;
  steps.push(...f.demand.steps);
  add(steps, { code: 'lead-time', leadTimeDays: L, leadTimeSdDays: sdL });
  add(steps, { code: 'review', review: periodic ? 'periodic' : 'continuous', reviewPeriodDays: periodic ? p.review : null, protectionDays: P });
  if (f.item.seasonality !== undefined) {
    add(steps, {
      code: 'seasonality',
      asOf: f.seasonAsOf!,
      leadTimeDays: L,
      leadTimeWeight: f.wL,
      protectionDays: P,
      protectionWeight: f.wP,
      varianceWeight: f.vP,
      ratePerDay: f.rate,
      periodic,
    });
  }
  add(steps, {
    code: 'distribution',
    distribution: o.poisson ? 'poisson' : 'normal',
    chosenBy: p.dist === 2 ? 'auto' : 'policy',
    autoBelow: AUTO_POISSON_BELOW,
    demandOverProtection: o.mu,
    varianceWeight: f.vP,
    sdPerDay: f.sd,
    ratePerDay: f.rate,
    leadTimeSdDays: sdL,
    sdOverProtection: o.poisson ? null : o.sigma,
  });
}

/** The steps of the safety stock: Poisson level, no variability, or normal safety factor, with any floor. */
function safetySteps(steps: ReorderStep[], f: ItemFigures, o: KernelOut): void {
  const { p, periodic, hasLevels } = f;
  const service = p.fill ? 'fill-rate' : 'cycle';
  const serviceLotSize = p.fill ? nullIfNaN(o.qService) : null;
  if (o.poisson) {
    const top = periodic ? o.orderUpTo : o.rop;
    add(steps, { code: 'poisson-level', service, level: p.level, serviceLotSize, mean: o.mu, reorderLevel: o.kRaw + o.mu });
    if (o.clamped) add(steps, { code: 'safety-floor', floor: 'zero', distribution: 'poisson', unclamped: o.kRaw + o.mu, used: o.mu });
    add(steps, { code: 'safety-stock', method: 'poisson', service, safetyFactor: null, sdOverProtection: null, reorderLevel: hasLevels ? o.mu + o.ss : top, mean: o.mu, safetyStock: o.ss });
  } else if (o.sigma === 0) {
    add(steps, { code: 'safety-stock', method: 'no-variability', service, safetyFactor: null, sdOverProtection: 0, reorderLevel: null, mean: null, safetyStock: o.ss });
  } else {
    add(steps, {
      code: 'safety-factor',
      service,
      level: p.level,
      serviceLotSize,
      sdOverProtection: o.sigma,
      loss: p.fill ? ((1 - p.level) * o.qService) / o.sigma : null,
      safetyFactor: o.kRaw,
    });
    if (o.clamped) add(steps, { code: 'safety-floor', floor: 'zero', distribution: 'normal', unclamped: o.kRaw, used: 0 });
    else if (o.kRaw < 0) add(steps, { code: 'safety-floor', floor: 'none', distribution: 'normal', unclamped: o.kRaw, used: o.kRaw });
    add(steps, { code: 'safety-stock', method: 'normal', service, safetyFactor: o.k, sdOverProtection: o.sigma, reorderLevel: null, mean: null, safetyStock: o.ss });
  }
}

/** The step of the policy's order quantity (fixed, EOQ or days of cover) with its lot stages, when it has one. */
function orderQuantityStep(steps: ReorderStep[], f: ItemFigures, o: KernelOut): void {
  const oq = f.policy.orderQuantity;
  if (oq === undefined) return;
  const { p, d, item } = f;
  const eoq = 'eoq' in oq ? oq.eoq : undefined;
  add(steps, {
    code: 'order-quantity',
    rule: 'fixed' in oq ? 'fixed' : eoq !== undefined ? 'eoq' : 'days-of-cover',
    fixed: 'fixed' in oq ? oq.fixed : null,
    daysOfCover: 'daysOfCover' in oq ? oq.daysOfCover : null,
    demandPerDay: d,
    orderCost: eoq !== undefined ? eoq.orderCost : null,
    daysPerYear: eoq !== undefined ? p.daysPerYear : null,
    demandPerYear: eoq !== undefined ? p.daysPerYear * d : null,
    holdingRatePerYear: eoq !== undefined ? eoq.holdingRatePerYear : null,
    unitCost: eoq !== undefined ? item.unitCost! : null,
    holdingCostPerUnitPerYear: eoq !== undefined ? eoq.holdingRatePerYear.times(item.unitCost!) : null,
    quantity: o.qRaw,
    lot: lotStages(f, o.qRaw, Number.POSITIVE_INFINITY, null, o.qLot),
    orderQuantity: o.qLot,
  });
}

/** The steps of the levels: reorder point, order-up-to level, order quantity, manual levels and the max. */
function levelSteps(steps: ReorderStep[], f: ItemFigures, o: KernelOut): void {
  const { p, periodic, hasLevels, item } = f;
  const computedRop = hasLevels ? (periodic ? o.muL + o.ss : o.mu + o.ss) : o.rop;
  add(steps, { code: 'reorder-point', demandOverLeadTime: o.muL, safetyStock: o.ss, reorderPoint: computedRop });
  if (periodic && !hasLevels) add(steps, { code: 'order-up-to', demandOverProtection: o.mu, safetyStock: o.ss, orderUpTo: o.orderUpTo });
  orderQuantityStep(steps, f, o);
  if (hasLevels) add(steps, { code: 'manual-levels', min: item.levels!.min, max: item.levels!.max, computedReorderPoint: computedRop });
  else if (!periodic) add(steps, { code: 'order-up-to-lot', reorderPoint: o.rop, orderQuantity: o.qLot, orderUpTo: o.orderUpTo });
  const maxRule = hasLevels ? 'levels' : p.maxDays === p.maxDays ? 'max-days-of-cover' : periodic ? 'order-up-to' : 'reorder-point-plus-lot';
  add(steps, {
    code: 'max',
    rule: maxRule,
    demandPerDay: maxRule === 'max-days-of-cover' ? f.d : null,
    maxDaysOfCover: maxRule === 'max-days-of-cover' ? p.maxDays : null,
    max: o.max,
  });
}

/** The steps of the inventory position, the status and the suggested order with its lot stages. */
function orderSteps(steps: ReorderStep[], f: ItemFigures, o: KernelOut, status: ReorderStatus): void {
  const { p, periodic, hasLevels, stock } = f;
  const { position, onOrderCounted } = stock;
  add(steps, {
    code: 'inventory-position',
    onHand: f.item.stock.onHand,
    onOrderCounted,
    onOrderNotCounted: stock.onOrderLater,
    laterReceipts: stock.laterCount,
    receiptsDueBy: stock.receiptsDueBy,
    backordered: stock.backordered,
    committed: stock.committed,
    inventoryPosition: position,
    availableOnHand: stock.available,
  });
  const trigger = p.lt ? 'lt' : 'lte';
  add(steps, {
    code: 'status',
    status,
    action: ACTIONS[o.status]!,
    trigger,
    inventoryPosition: position,
    reorderPoint: o.rop,
    safetyStock: o.ss,
    max: o.max,
    availableOnHand: stock.available,
    excess: o.excess,
  });
  add(steps, {
    code: 'suggested-order',
    from: !o.ordered ? 'none' : hasLevels || periodic ? 'order-up-to' : o.qRaw > o.rop - position ? 'order-quantity' : 'deficit',
    status,
    trigger,
    inventoryPosition: position,
    reorderPoint: o.rop,
    orderUpTo: o.orderUpTo,
    onOrderCounted,
    raw: o.raw,
    lot: o.ordered ? lotStages(f, o.raw, position, o.rop, o.suggested) : null,
    suggestedOrder: o.suggested,
  });
}

/** Every step of one SKU's plan, in the order the plan reaches its figures. @internal */
export function planSteps(f: ItemFigures, o: KernelOut, r: ItemOutcome): ReorderStep[] {
  const steps: ReorderStep[] = [];
  demandSteps(steps, f, o);
  safetySteps(steps, f, o);
  levelSteps(steps, f, o);
  orderSteps(steps, f, o, r.status);
  const { available, daysOfSupply } = f.stock;
  if (r.orderValue !== null && o.suggested > 0) add(steps, { code: 'order-value', suggestedOrder: o.suggested, unitCost: f.item.unitCost!, orderValue: r.orderValue });
  add(steps, { code: 'days-of-supply', availableOnHand: available, demandPerDay: f.d, daysOfSupply });
  add(steps, { code: 'implied-service', impliedCycleServiceLevel: r.csl, impliedFillRate: nullIfNaN(r.fr), serviceLotSize: nullIfNaN(o.qService) });
  return steps;
}
