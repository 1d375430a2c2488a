// planReorder / planReorders: one SKU (or many under one policy) planned end to end, every figure
// explained as steps. The numbers come from the shared kernel (kernel.ts), which the columnar path
// also runs; the steps are a layer that reads the kernel's figures.
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { batchOptionsOf, rowKey, type BatchResult } from '../core/batch.js';
import { ZERO } from '../core/decimal.js';
import { plusDaysAt, utcDateOf, type IsoDate } from '../core/dates.js';
import { fail, invalid, IssueCollector, outOfRange, wrapThrown, type IssuePath } from '../core/errors.js';
import type { Warning } from '../core/result.js';
import { parseWith } from '../core/schema.js';
import { runSharedBatch } from './batch-shared.js';
import { dailyFromHistory, dailyFromStats, type DailyDemand } from './demand.js';
import { fmt } from './format.js';
import { AUTO_POISSON_BELOW, ERR_EOQ_OVERFLOW, ERR_FILL_ZERO_Q, ERR_POISSON_MEAN, impliedLevels, lotCap, lotMoqMultiple, lotRaiseToMoq, lotReachReorderPoint, lotToPacks, MAX_QUANTITY, newKernelBuffer, planRange, readKernel, REORDER_STATUSES, snap, type KernelColumns, type KernelOutputs, type ReorderStatus } from './kernel.js';
import { INVENTORY_MESSAGES as M, INVENTORY_WARNINGS as W } from './messages.js';
import { MAX_POISSON_MEAN } from './poisson.js';
import { parsedReorderItemSchema, type ParsedReorderItem, type ReorderItem, type ReorderPolicy } from './schema.js';
import { MAX_SEASONAL_WINDOW_DAYS, seasonalWindow } from './seasonality.js';
import { withText, type FiguresOf, type ReorderLot, type ReorderStep } from './steps.js';
import { effectivePolicy, PACK_ROUNDINGS, nullIfNaN, ACTIONS, preparePolicy, totalsText, type PreparedPolicy, type PlanPaths, type ReorderPlan, type PlanReordersOptions, type ReorderTotals, type ReorderTotalsStep } from './plan-types.js';

export { type ReorderAction, type ReorderPlan, type PreparedPolicy, preparePolicy, type PlanPaths, type PlanReordersOptions, type ReorderTotals, type ReorderTotalsStep, totalsText } from './plan-types.js';

/** Plans one validated item; null when, in a batch, the shared policy lacks what it needs (recorded in `paths.shared`). @internal */
export function planParsed(item: ParsedReorderItem, base: PreparedPolicy, paths: PlanPaths): ReorderPlan | null {
  const { parsed: policy, resolved: p } = effectivePolicy(base, item);
  const path = paths.item;
  const overridden = (key: string): boolean => item.policy !== undefined && key in item.policy && (item.policy as Record<string, unknown>)[key] !== undefined;
  const policyPath = (key: string): IssuePath => (overridden(key) ? [...path, 'policy', key] : ['policy', key]);
  const warnPolicyPath = (key: string): (string | number)[] => (overridden(key) ? [...paths.warnItem, 'policy', key] : ['policy', key]);
  const periodic = p.review > 0;
  const issues = new IssueCollector();
  // What the shared policy lacks for this item (no item can override a field to undefined): in a
  // batch, the policy's problem, reported once at the argument; for one SKU, beside the item's.
  const shared = paths.shared ?? issues;
  let lacking = false;
  const lacks = (key: string, message: string): void => {
    shared.add(['policy', key], message, 'invalid_input', { code: 'required' });
    lacking = true;
  };
  // A figure the kernel refuses: at the policy's field for one SKU or an item's override; in a
  // batch, at the item's own figure that drove it (as the columnar path names its column).
  const figurePath = (key: string, field: IssuePath, under: string[] = []): IssuePath =>
    paths.shared === null || overridden(key) ? [...policyPath(key), ...under] : [...path, ...field];

  const pack = item.packSize ?? 1;
  const moq = item.moq ?? 0;
  const maxQ = item.maxOrderQty ?? Number.POSITIVE_INFINITY;
  if (item.maxOrderQty !== undefined) {
    const max = item.maxOrderQty;
    const least = Math.ceil(snap(moq / pack)) * pack;
    if (moq > max) issues.add([...path, 'moq'], M.moqAboveMax(max, moq), 'infeasible', { code: 'infeasible', limit: String(max), received: String(moq) });
    else if (least > max) issues.add([...path, 'moq'], M.moqPacksAboveMax(least, pack, max), 'infeasible', { code: 'infeasible', limit: String(max), received: String(moq) });
    else if (max < pack) issues.add([...path, 'maxOrderQty'], M.maxBelowPack(pack, max), 'infeasible', { code: 'infeasible', limit: String(pack), received: String(max) });
  }
  if (item.levels !== undefined && item.levels.max < item.levels.min) {
    issues.add([...path, 'levels', 'max'], M.levelsMaxBelowMin(item.levels.min, item.levels.max), 'out_of_range', {
      code: 'not_ascending',
      limit: String(item.levels.min),
      received: String(item.levels.max),
    });
  }
  if (p.qRule === 2 && !(item.unitCost !== undefined && item.unitCost.gt(0))) {
    if (item.unitCost === undefined) issues.add([...path, 'unitCost'], M.unitCostRequired(), 'invalid_input', { code: 'required' });
    else issues.add([...path, 'unitCost'], M.unitCostZero(), 'out_of_range', { code: 'out_of_range', limit: '0', received: '0' });
  }
  if (!periodic && item.levels === undefined && p.qRule === 0) lacks('orderQuantity', M.orderQuantityRequired());
  const asOf: IsoDate | undefined = policy.asOf;
  if (Array.isArray(item.stock.onOrder) && asOf === undefined) lacks('asOf', M.asOfForReceipts());
  const seasonAsOf = item.seasonality?.asOf ?? asOf;
  if (item.seasonality !== undefined) {
    const count = item.seasonality.indicesByMonth.length;
    if (count !== 12) {
      issues.add([...path, 'seasonality', 'indicesByMonth'], M.seasonalMonths(count), 'invalid_input', { code: count < 12 ? 'too_short' : 'too_long', limit: '12' });
    }
    if (seasonAsOf === undefined) issues.add([...path, 'seasonality', 'asOf'], M.seasonalAsOf(), 'invalid_input', { code: 'required' });
    if (item.leadTime.days + p.review > MAX_SEASONAL_WINDOW_DAYS) {
      issues.add([...path, 'leadTime', 'days'], M.seasonalWindow(MAX_SEASONAL_WINDOW_DAYS), 'out_of_range', {
        code: 'out_of_range',
        limit: String(MAX_SEASONAL_WINDOW_DAYS),
      });
    }
  }
  issues.throwIfAny();
  if (lacking) return null;

  // Demand per day.
  const demandPath = [...path, 'demand'];
  const dd: DailyDemand =
    'history' in item.demand
      ? dailyFromHistory(item.demand.history, item.demand.periodDays, demandPath)
      : dailyFromStats(item.demand.meanPerDay, item.demand.sdPerDay, 1, demandPath);
  const d = dd.meanPerDay;
  const sd = dd.sdPerDay;
  const L = item.leadTime.days;
  const sdL = item.leadTime.sdDays ?? 0;
  const P = periodic ? p.review + L : L;
  // The demand's warnings name the item as errors do; rewrite to the warning path (batches name rows by id).
  const warnings: Warning[] = dd.warnings.map((w) => ({ ...w, path: [...paths.warnItem, ...(w.path ?? []).slice(path.length)] }));

  // Inventory position.
  let onOrderCounted = 0;
  let onOrderLater = 0;
  let laterCount = 0;
  let receiptsDueBy: IsoDate | null = null;
  if (Array.isArray(item.stock.onOrder)) {
    receiptsDueBy = plusDaysAt(asOf!, Math.floor(L), [...path, 'leadTime', 'days']);
    const start = utcDateOf(asOf!);
    for (const r of item.stock.onOrder) {
      if (differenceInCalendarDays(utcDateOf(r.due), start) <= L) onOrderCounted += r.quantity;
      else {
        onOrderLater += r.quantity;
        laterCount++;
      }
    }
  } else onOrderCounted = item.stock.onOrder;
  const backordered = item.stock.backordered ?? 0;
  const committed = item.stock.committed ?? 0;
  const position = item.stock.onHand + onOrderCounted - backordered - committed;
  const available = item.stock.onHand - committed - backordered;
  const daysOfSupply = d > 0 ? available / d : null;
  if (daysOfSupply !== null && !Number.isFinite(daysOfSupply)) {
    const at = 'history' in item.demand ? [...demandPath, 'history'] : [...demandPath, 'meanPerDay'];
    outOfRange(at, M.daysOfSupplyOverflow(d), { code: 'out_of_range', received: String(d) });
  }

  // Seasonal weights.
  let wL = L;
  let wP = P;
  let vP = P;
  let rate = d;
  if (item.seasonality !== undefined) {
    const idx = item.seasonality.indicesByMonth;
    const [sL] = seasonalWindow(idx, seasonAsOf!, L);
    const [sP, qP] = seasonalWindow(idx, seasonAsOf!, P);
    wL = sL;
    wP = sP;
    vP = qP;
    rate = P > 0 ? (d * sP) / P : d;
  }

  const unitCost = item.unitCost !== undefined ? item.unitCost.toNumber() : Number.NaN;
  const hasLevels = item.levels !== undefined;
  const buffer = newKernelBuffer();
  const one = (x: number): Float64Array => Float64Array.of(x);
  const columns: KernelColumns = {
    d: one(d),
    sd: one(sd),
    L: one(L),
    sdL: one(sdL),
    onHand: one(item.stock.onHand),
    onOrder: one(onOrderCounted),
    unitCost: item.unitCost !== undefined ? one(unitCost) : undefined,
    moq: one(moq),
    pack: one(pack),
    maxQ: one(maxQ),
    backordered: one(backordered),
    committed: one(committed),
  };
  if (item.seasonality !== undefined) {
    columns.wL = one(wL);
    columns.wP = one(wP);
    columns.vP = one(vP);
    columns.rate = one(rate);
  }
  if (hasLevels) {
    columns.levelMin = one(item.levels!.min);
    columns.levelMax = one(item.levels!.max);
  }
  const single: KernelOutputs = {
    safetyStock: new Float64Array(1),
    reorderPoint: new Float64Array(1),
    orderUpTo: new Float64Array(1),
    max: new Float64Array(1),
    suggestedOrder: new Float64Array(1),
    status: new Uint8Array(1),
  };
  planRange(p, columns, 1, single, buffer, true, false);
  const o = readKernel(buffer);
  const demandField = ['demand', 'history' in item.demand ? 'history' : 'meanPerDay'];
  if (o.error === ERR_FILL_ZERO_Q) {
    fail('infeasible', figurePath('service', demandField), M.fillZeroLot(fmt(o.qService), fmt(o.sigma)), { code: 'infeasible' });
  }
  if (o.error === ERR_POISSON_MEAN) {
    outOfRange(figurePath('distribution', demandField), M.poissonMean(MAX_POISSON_MEAN, fmt(o.mu)), { code: 'out_of_range', limit: String(MAX_POISSON_MEAN), received: String(o.mu) });
  }
  if (o.error === ERR_EOQ_OVERFLOW) {
    outOfRange(figurePath('orderQuantity', ['unitCost'], ['eoq']), M.eoqOverflow(fmt(o.qRaw), fmt(MAX_QUANTITY)), { code: 'out_of_range', limit: String(MAX_QUANTITY), received: String(o.qRaw) });
  }

  const status = REORDER_STATUSES[o.status]!;
  const [csl, fr] = impliedLevels(p, o, hasLevels);
  const orderValue = item.unitCost !== undefined ? item.unitCost.times(o.suggested) : null;

  // Warnings (also under detail 'summary').
  const negative = o.poisson ? o.kRaw < 0 && !o.clamped : !o.clamped && o.kRaw < 0 && o.sigma > 0;
  if (negative) {
    warnings.push({ code: 'negative-safety-stock', message: W.negativeSafetyStock(fmt(o.poisson ? o.kRaw : o.k), fmt(o.ss)), path: warnPolicyPath('safetyStockFloor') });
  }
  if (o.max < o.rop) warnings.push({ code: 'max-below-reorder-point', message: W.maxBelowReorderPoint(fmt(o.max), fmt(o.rop)), path: warnPolicyPath('maxDaysOfCover') });
  if (o.ordered && o.capped && position + o.suggested < o.rop) {
    warnings.push({
      code: 'capped-below-reorder-point',
      message: W.cappedBelowReorderPoint(fmt(position + o.suggested), fmt(o.rop)),
      path: [...paths.warnItem, 'maxOrderQty'],
    });
  }

  const steps: ReorderStep[] = [];
  if (paths.detail) {
    const push = (figures: FiguresOf<ReorderStep>): void => {
      steps.push(withText(figures) as ReorderStep);
    };
    const service = p.fill ? 'fill-rate' : 'cycle';
    // Each stage's figure from the kernel's own stage functions (the rule is written once, in kernel.ts).
    const lot = (raw: number, position: number, rop: number | null, quantity: number): ReorderLot => {
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
    };
    steps.push(...dd.steps);
    push({ code: 'lead-time', leadTimeDays: L, leadTimeSdDays: sdL });
    push({ code: 'review', review: periodic ? 'periodic' : 'continuous', reviewPeriodDays: periodic ? p.review : null, protectionDays: P });
    if (item.seasonality !== undefined) {
      push({
        code: 'seasonality',
        asOf: seasonAsOf!,
        leadTimeDays: L,
        leadTimeWeight: wL,
        protectionDays: P,
        protectionWeight: wP,
        varianceWeight: vP,
        ratePerDay: rate,
        periodic,
      });
    }
    push({
      code: 'distribution',
      distribution: o.poisson ? 'poisson' : 'normal',
      chosenBy: p.dist === 2 ? 'auto' : 'policy',
      autoBelow: AUTO_POISSON_BELOW,
      demandOverProtection: o.mu,
      varianceWeight: vP,
      sdPerDay: sd,
      ratePerDay: rate,
      leadTimeSdDays: sdL,
      sdOverProtection: o.poisson ? null : o.sigma,
    });
    const serviceLotSize = p.fill ? nullIfNaN(o.qService) : null;
    if (o.poisson) {
      const top = periodic ? o.orderUpTo : o.rop;
      push({ code: 'poisson-level', service, level: p.level, serviceLotSize, mean: o.mu, reorderLevel: o.kRaw + o.mu });
      if (o.clamped) push({ code: 'safety-floor', floor: 'zero', distribution: 'poisson', unclamped: o.kRaw + o.mu, used: o.mu });
      push({ code: 'safety-stock', method: 'poisson', service, safetyFactor: null, sdOverProtection: null, reorderLevel: hasLevels ? o.mu + o.ss : top, mean: o.mu, safetyStock: o.ss });
    } else if (o.sigma === 0) {
      push({ code: 'safety-stock', method: 'no-variability', service, safetyFactor: null, sdOverProtection: 0, reorderLevel: null, mean: null, safetyStock: o.ss });
    } else {
      push({
        code: 'safety-factor',
        service,
        level: p.level,
        serviceLotSize,
        sdOverProtection: o.sigma,
        loss: p.fill ? ((1 - p.level) * o.qService) / o.sigma : null,
        safetyFactor: o.kRaw,
      });
      if (o.clamped) push({ code: 'safety-floor', floor: 'zero', distribution: 'normal', unclamped: o.kRaw, used: 0 });
      else if (o.kRaw < 0) push({ code: 'safety-floor', floor: 'none', distribution: 'normal', unclamped: o.kRaw, used: o.kRaw });
      push({ code: 'safety-stock', method: 'normal', service, safetyFactor: o.k, sdOverProtection: o.sigma, reorderLevel: null, mean: null, safetyStock: o.ss });
    }
    const computedRop = hasLevels ? (periodic ? o.muL + o.ss : o.mu + o.ss) : o.rop;
    push({ code: 'reorder-point', demandOverLeadTime: o.muL, safetyStock: o.ss, reorderPoint: computedRop });
    if (periodic && !hasLevels) push({ code: 'order-up-to', demandOverProtection: o.mu, safetyStock: o.ss, orderUpTo: o.orderUpTo });
    const oq = policy.orderQuantity;
    if (oq !== undefined) {
      const eoq = 'eoq' in oq ? oq.eoq : undefined;
      push({
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
        lot: lot(o.qRaw, Number.POSITIVE_INFINITY, null, o.qLot),
        orderQuantity: o.qLot,
      });
    }
    if (hasLevels) push({ code: 'manual-levels', min: item.levels!.min, max: item.levels!.max, computedReorderPoint: computedRop });
    else if (!periodic) push({ code: 'order-up-to-lot', reorderPoint: o.rop, orderQuantity: o.qLot, orderUpTo: o.orderUpTo });
    const maxRule = hasLevels ? 'levels' : p.maxDays === p.maxDays ? 'max-days-of-cover' : periodic ? 'order-up-to' : 'reorder-point-plus-lot';
    push({
      code: 'max',
      rule: maxRule,
      demandPerDay: maxRule === 'max-days-of-cover' ? d : null,
      maxDaysOfCover: maxRule === 'max-days-of-cover' ? p.maxDays : null,
      max: o.max,
    });
    push({
      code: 'inventory-position',
      onHand: item.stock.onHand,
      onOrderCounted,
      onOrderNotCounted: onOrderLater,
      laterReceipts: laterCount,
      receiptsDueBy,
      backordered,
      committed,
      inventoryPosition: position,
      availableOnHand: available,
    });
    const trigger = p.lt ? 'lt' : 'lte';
    push({
      code: 'status',
      status,
      action: ACTIONS[o.status]!,
      trigger,
      inventoryPosition: position,
      reorderPoint: o.rop,
      safetyStock: o.ss,
      max: o.max,
      availableOnHand: available,
      excess: o.excess,
    });
    push({
      code: 'suggested-order',
      from: !o.ordered ? 'none' : hasLevels || periodic ? 'order-up-to' : o.qRaw > o.rop - position ? 'order-quantity' : 'deficit',
      status,
      trigger,
      inventoryPosition: position,
      reorderPoint: o.rop,
      orderUpTo: o.orderUpTo,
      onOrderCounted,
      raw: o.raw,
      lot: o.ordered ? lot(o.raw, position, o.rop, o.suggested) : null,
      suggestedOrder: o.suggested,
    });
    if (orderValue !== null && o.suggested > 0) push({ code: 'order-value', suggestedOrder: o.suggested, unitCost: item.unitCost!, orderValue });
    push({ code: 'days-of-supply', availableOnHand: available, demandPerDay: d, daysOfSupply });
    push({ code: 'implied-service', impliedCycleServiceLevel: csl, impliedFillRate: nullIfNaN(fr), serviceLotSize: nullIfNaN(o.qService) });
  }

  return {
    id: item.id ?? null,
    safetyStock: o.ss,
    reorderPoint: o.rop,
    orderUpTo: o.orderUpTo,
    min: o.rop,
    max: o.max,
    eoq: nullIfNaN(o.eoq),
    orderQuantity: nullIfNaN(o.qLot),
    inventoryPosition: position,
    suggestedOrder: o.suggested,
    orderValue,
    daysOfSupply,
    status,
    action: ACTIONS[o.status]!,
    excess: o.excess,
    impliedCycleServiceLevel: csl,
    impliedFillRate: nullIfNaN(fr),
    steps,
    warnings,
  };
}

/**
 * Plans one SKU: safety stock, reorder point, order-up-to level, min/max, lot size, the order to
 * place now and a status with its action, every figure explained in `steps`.
 *
 * SS = k·√(P·σ_d² + d²·σ_L²) over the protection interval P (the lead time L, or R + L under
 * periodic review; Silver, Pyke & Peterson ch. 6–7, Axsäter ch. 5), k = Φ⁻¹(cycle service) or
 * from G(k) = (1 − β)·Q/σ for a fill rate β; ROP = d·L + SS. Statuses are checked in the order
 * stockout (available on hand ≤ 0), urgent (position ≤ SS), reorder (position ≤ or < ROP by the
 * trigger), overstock (position > max), ok. See docs/inventory.md for every convention.
 *
 * @param policy - The shared rules (service target, review, distribution, lot size, pack rounding, trigger).
 * @param item - One SKU: demand, lead time, stock, costs and ordering constraints.
 * @example
 * ```ts
 * const plan = planReorder(
 *   { service: { cycle: 0.95 }, orderQuantity: { fixed: 300 } },
 *   { demand: { meanPerDay: 20, sdPerDay: 5 }, leadTime: { days: 7 }, stock: { onHand: 150, onOrder: 0 } },
 * );
 * [plan.safetyStock.toFixed(4), plan.reorderPoint.toFixed(4), plan.status, plan.suggestedOrder];
 * //=> ['21.7594', '161.7594', 'reorder', 300]
 * ```
 */
export function planReorder(policy: ReorderPolicy, item: ReorderItem): ReorderPlan {
  try {
    const base = preparePolicy(policy, ['policy']);
    return planParsed(parseWith(parsedReorderItemSchema, item, ['item']), base, { item: ['item'], warnItem: ['item'], detail: true, shared: null })!;
  } catch (error) {
    throw wrapThrown(error);
  }
}

function checkDetail(options: unknown): 'full' | 'summary' {
  if (typeof options !== 'object' || options === null) return 'full';
  const detail = (options as { detail?: unknown }).detail;
  if (detail === undefined || detail === 'full' || detail === 'summary') return detail ?? 'full';
  return invalid(['options', 'detail'], M.detail(detail), { code: 'invalid_value', expected: "'full' or 'summary'" });
}

/**
 * Plans many SKUs under one policy, validated once; each item may override policy fields under
 * `item.policy`. Rows are named by their `id` in errors (`items[WM-101].leadTime.days`); every bad
 * row is reported at once, or, with `onError: 'collect'`, returned with its error beside the good
 * ones. `detail: 'summary'` drops the per-SKU steps for very large batches.
 *
 * @param policy - The shared rules.
 * @param items - The SKUs, each with an optional `id`.
 * @param options - `onError`, `onProgress`, `detail`.
 * @example
 * ```ts
 * const batch = planReorders(
 *   { service: { cycle: 0.95 }, orderQuantity: { daysOfCover: 14 } },
 *   [
 *     { id: 'A', demand: { meanPerDay: 20, sdPerDay: 5 }, leadTime: { days: 7 }, stock: { onHand: 150, onOrder: 0 } },
 *     { id: 'B', demand: { meanPerDay: 2, sdPerDay: 1 }, leadTime: { days: 7 }, stock: { onHand: 90, onOrder: 0 } },
 *   ],
 * );
 * [batch.rows.map((r) => r.result?.status), batch.totals.units];
 * //=> [['reorder', 'overstock'], 280]
 * ```
 */
export function planReorders(policy: ReorderPolicy, items: readonly ReorderItem[], options?: PlanReordersOptions): BatchResult<ReorderPlan, ReorderTotals> {
  try {
    const parsedOptions = batchOptionsOf(options);
    const detail = checkDetail(options) === 'full';
    const base = preparePolicy(policy, ['policy']);
    const run = runSharedBatch<unknown, ReorderPlan>(
      items,
      'items',
      (row, index, shared) =>
        planParsed(parseWith(parsedReorderItemSchema, row, []), base, { item: [], warnItem: ['items', rowKey(row, index)], detail, shared }),
      parsedOptions,
    );
    const statuses: Record<ReorderStatus, number> = { ok: 0, reorder: 0, urgent: 0, stockout: 0, overstock: 0 };
    let skus = 0;
    let orders = 0;
    let units = 0;
    let unpriced = 0;
    let value = ZERO;
    for (const row of run.rows) {
      if (!row.ok) continue;
      const plan = row.result;
      skus++;
      statuses[plan.status]++;
      if (plan.suggestedOrder > 0) {
        orders++;
        units += plan.suggestedOrder;
        if (plan.orderValue === null) unpriced++;
        else value = value.plus(plan.orderValue);
      }
    }
    const totals: ReorderTotals = { skus, statuses, orders, units, orderValue: value, unpricedOrders: unpriced };
    const figures: FiguresOf<ReorderTotalsStep> = { code: 'totals', skus, statuses: { ...statuses }, orders, units, orderValue: value };
    const warnings: Warning[] = unpriced > 0 ? [{ code: 'unpriced-orders', message: W.unpricedOrders(unpriced) }] : [];
    return { rows: run.rows, totals, failed: run.failed, warnings, steps: [{ ...figures, text: totalsText(figures) }] };
  } catch (error) {
    throw wrapThrown(error);
  }
}
