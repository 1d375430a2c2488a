// planReorder / planReorders: one SKU (or many under one policy) planned end to end, every figure
// explained as steps. The numbers come from the shared kernel (kernel.ts), which the columnar path
// also runs; the steps are a layer that reads the kernel's figures (plan-steps.ts).
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
import { ERR_EOQ_OVERFLOW, ERR_FILL_ZERO_Q, ERR_POISSON_MEAN, impliedLevels, MAX_QUANTITY, newKernelBuffer, planRange, readKernel, REORDER_STATUSES, snap, type KernelColumns, type KernelOut, type KernelOutputs, type ReorderStatus, type ResolvedPolicy } from './kernel.js';
import { INVENTORY_MESSAGES as M, INVENTORY_WARNINGS as W } from './messages.js';
import { MAX_POISSON_MEAN } from './poisson.js';
import { parsedReorderItemSchema, type ParsedReorderItem, type ParsedReorderPolicy, type ReorderItem, type ReorderPolicy } from './schema.js';
import { MAX_SEASONAL_WINDOW_DAYS, seasonalWindow } from './seasonality.js';
import { planSteps, type ItemFigures, type SeasonalWeights, type StockPosition } from './plan-steps.js';
import type { FiguresOf, ReorderStep } from './steps.js';
import { effectivePolicy, nullIfNaN, ACTIONS, preparePolicy, totalsText, type PreparedPolicy, type PlanPaths, type ReorderPlan, type PlanReordersOptions, type ReorderTotals, type ReorderTotalsStep } from './plan-types.js';

export { type ReorderAction, type ReorderPlan, type PreparedPolicy, preparePolicy, type PlanPaths, type PlanReordersOptions, type ReorderTotals, type ReorderTotalsStep, totalsText } from './plan-types.js';

/** Whether the item overrides a policy field (no item can override one to undefined). */
function overridden(item: ParsedReorderItem, key: string): boolean {
  return item.policy !== undefined && key in item.policy && (item.policy as Record<string, unknown>)[key] !== undefined;
}

/** Where a policy field points: under the item (`at`) when the item overrides it, else at the shared policy. */
function policyPath(item: ParsedReorderItem, at: IssuePath, key: string): (string | number)[] {
  return overridden(item, key) ? [...at, 'policy', key] : ['policy', key];
}

/** Where a figure the kernel refuses points: the policy's field (one SKU, or an item's override), else in a batch the item's figure that drove it. */
function figurePath(item: ParsedReorderItem, paths: PlanPaths, key: string, field: IssuePath, under: string[] = []): IssuePath {
  return paths.shared === null || overridden(item, key) ? [...policyPath(item, paths.item, key), ...under] : [...paths.item, ...field];
}

/** Checks what the schema cannot (lots, levels, EOQ cost, seasonality); false when, in a batch, the shared policy lacks a field. */
function checkItem(item: ParsedReorderItem, policy: ParsedReorderPolicy, p: ResolvedPolicy, paths: PlanPaths): boolean {
  const path = paths.item;
  const issues = new IssueCollector();
  // What the shared policy lacks for this item (no item can override a field to undefined): in a
  // batch, the policy's problem, reported once at the argument; for one SKU, beside the item's.
  const shared = paths.shared ?? issues;
  let lacking = false;
  const lacks = (key: string, message: string): void => {
    shared.add(['policy', key], message, 'invalid_input', { code: 'required' });
    lacking = true;
  };
  const pack = item.packSize ?? 1;
  const moq = item.moq ?? 0;
  // Stryker disable next-line ConditionalExpression: with no maximum, every comparison with undefined below is false: no issue either way
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
  if (!(p.review > 0) && item.levels === undefined && p.qRule === 0) lacks('orderQuantity', M.orderQuantityRequired());
  const asOf: IsoDate | undefined = policy.asOf;
  if (Array.isArray(item.stock.onOrder) && asOf === undefined) lacks('asOf', M.asOfForReceipts());
  if (item.seasonality !== undefined) {
    const count = item.seasonality.indicesByMonth.length;
    if (count !== 12) {
      // Stryker disable next-line EqualityOperator: count is not 12 here, so count < 12 and count <= 12 agree
      issues.add([...path, 'seasonality', 'indicesByMonth'], M.seasonalMonths(count), 'invalid_input', { code: count < 12 ? 'too_short' : 'too_long', limit: '12' });
    }
    if ((item.seasonality.asOf ?? asOf) === undefined) issues.add([...path, 'seasonality', 'asOf'], M.seasonalAsOf(), 'invalid_input', { code: 'required' });
    if (item.leadTime.days + p.review > MAX_SEASONAL_WINDOW_DAYS) {
      issues.add([...path, 'leadTime', 'days'], M.seasonalWindow(MAX_SEASONAL_WINDOW_DAYS), 'out_of_range', {
        code: 'out_of_range',
        limit: String(MAX_SEASONAL_WINDOW_DAYS),
      });
    }
  }
  issues.throwIfAny();
  return !lacking;
}

/** The inventory position: receipts due within the lead time counted, later ones not; available stock and days of supply. */
function stockPosition(item: ParsedReorderItem, asOf: IsoDate | undefined, L: number, d: number, path: IssuePath): StockPosition {
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
    const demandPath = [...path, 'demand'];
    const at = 'history' in item.demand ? [...demandPath, 'history'] : [...demandPath, 'meanPerDay'];
    outOfRange(at, M.daysOfSupplyOverflow(d), { code: 'out_of_range', received: String(d) });
  }
  return { onOrderCounted, onOrderLater, laterCount, receiptsDueBy, backordered, committed, position, available, daysOfSupply };
}

/** The seasonal weights of the lead time and the protection interval (L, P, P and d without seasonality). */
function seasonalWeights(item: ParsedReorderItem, seasonAsOf: IsoDate | undefined, L: number, P: number, d: number): SeasonalWeights {
  if (item.seasonality === undefined) return { wL: L, wP: P, vP: P, rate: d };
  const idx = item.seasonality.indicesByMonth;
  const [sL] = seasonalWindow(idx, seasonAsOf!, L);
  const [sP, qP] = seasonalWindow(idx, seasonAsOf!, P);
  return { wL: sL, wP: sP, vP: qP, rate: P > 0 ? (d * sP) / P : d };
}

/** A validated item's figures in the order they are reached: demand per day, lead time, position, seasonal weights. */
function itemFigures(item: ParsedReorderItem, policy: ParsedReorderPolicy, p: ResolvedPolicy, path: IssuePath): ItemFigures {
  const periodic = p.review > 0;
  const demandPath = [...path, 'demand'];
  const demand: DailyDemand =
    'history' in item.demand
      ? dailyFromHistory(item.demand.history, item.demand.periodDays, demandPath)
      : dailyFromStats(item.demand.meanPerDay, item.demand.sdPerDay, 1, demandPath);
  const d = demand.meanPerDay;
  const L = item.leadTime.days;
  const P = periodic ? p.review + L : L;
  const stock = stockPosition(item, policy.asOf, L, d, path);
  const seasonAsOf = item.seasonality?.asOf ?? policy.asOf;
  const weights = seasonalWeights(item, seasonAsOf, L, P, d);
  return {
    ...weights,
    item,
    policy,
    p,
    periodic,
    hasLevels: item.levels !== undefined,
    pack: item.packSize ?? 1,
    moq: item.moq ?? 0,
    maxQ: item.maxOrderQty ?? Number.POSITIVE_INFINITY,
    demand,
    d,
    sd: demand.sdPerDay,
    L,
    sdL: item.leadTime.sdDays ?? 0,
    P,
    seasonAsOf,
    stock,
  };
}

/** Runs the kernel on the item as one row, and turns its error code into the error at the figure that drove it. */
function runKernel(f: ItemFigures, paths: PlanPaths): KernelOut {
  const { item, p } = f;
  const buffer = newKernelBuffer();
  const one = (x: number): Float64Array => Float64Array.of(x);
  const columns: KernelColumns = {
    d: one(f.d),
    sd: one(f.sd),
    L: one(f.L),
    sdL: one(f.sdL),
    onHand: one(item.stock.onHand),
    onOrder: one(f.stock.onOrderCounted),
    unitCost: item.unitCost !== undefined ? one(item.unitCost.toNumber()) : undefined,
    moq: one(f.moq),
    pack: one(f.pack),
    maxQ: one(f.maxQ),
    backordered: one(f.stock.backordered),
    committed: one(f.stock.committed),
  };
  // Stryker disable next-line ConditionalExpression: without seasonality the weights are L, P, P and d (seasonalWeights), what the kernel takes when the columns are left out
  if (item.seasonality !== undefined) {
    columns.wL = one(f.wL);
    columns.wP = one(f.wP);
    columns.vP = one(f.vP);
    columns.rate = one(f.rate);
  }
  if (f.hasLevels) {
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
    fail('infeasible', figurePath(item, paths, 'service', demandField), M.fillZeroLot(fmt(o.qService), fmt(o.sigma)), { code: 'infeasible' });
  }
  if (o.error === ERR_POISSON_MEAN) {
    outOfRange(figurePath(item, paths, 'distribution', demandField), M.poissonMean(MAX_POISSON_MEAN, fmt(o.mu)), { code: 'out_of_range', limit: String(MAX_POISSON_MEAN), received: String(o.mu) });
  }
  if (o.error === ERR_EOQ_OVERFLOW) {
    outOfRange(figurePath(item, paths, 'orderQuantity', ['unitCost'], ['eoq']), M.eoqOverflow(fmt(o.qRaw), fmt(MAX_QUANTITY)), { code: 'out_of_range', limit: String(MAX_QUANTITY), received: String(o.qRaw) });
  }
  return o;
}

/** The plan's warnings: the demand's (renamed to the warning path), then a negative safety stock, a max below the reorder point, a capped order. */
function planWarnings(f: ItemFigures, o: KernelOut, paths: PlanPaths): Warning[] {
  const { item } = f;
  const position = f.stock.position;
  // The demand's warnings name the item as errors do; rewrite to the warning path (batches name rows by id).
  // Stryker disable next-line ArrayDeclaration: the demand's only warning (zero-filled-history, demand.ts) always carries a path
  const warnings: Warning[] = f.demand.warnings.map((w) => ({ ...w, path: [...paths.warnItem, ...(w.path ?? []).slice(paths.item.length)] }));
  const negative = o.poisson ? o.kRaw < 0 && !o.clamped : !o.clamped && o.kRaw < 0 && o.sigma > 0;
  if (negative) {
    warnings.push({ code: 'negative-safety-stock', message: W.negativeSafetyStock(fmt(o.poisson ? o.kRaw : o.k), fmt(o.ss)), path: policyPath(item, paths.warnItem, 'safetyStockFloor') });
  }
  if (o.max < o.rop) warnings.push({ code: 'max-below-reorder-point', message: W.maxBelowReorderPoint(fmt(o.max), fmt(o.rop)), path: policyPath(item, paths.warnItem, 'maxDaysOfCover') });
  if (o.ordered && o.capped && position + o.suggested < o.rop) {
    warnings.push({
      code: 'capped-below-reorder-point',
      message: W.cappedBelowReorderPoint(fmt(position + o.suggested), fmt(o.rop)),
      path: [...paths.warnItem, 'maxOrderQty'],
    });
  }
  return warnings;
}

/** Plans one validated item; null when, in a batch, the shared policy lacks what it needs (recorded in `paths.shared`). @internal */
export function planParsed(item: ParsedReorderItem, base: PreparedPolicy, paths: PlanPaths): ReorderPlan | null {
  const { parsed: policy, resolved: p } = effectivePolicy(base, item);
  if (!checkItem(item, policy, p, paths)) return null;
  const f = itemFigures(item, policy, p, paths.item);
  const o = runKernel(f, paths);
  const status = REORDER_STATUSES[o.status]!;
  const [csl, fr] = impliedLevels(p, o, f.hasLevels);
  const orderValue = item.unitCost !== undefined ? item.unitCost.times(o.suggested) : null;
  // Warnings are kept under detail 'summary' too; the steps are not.
  const warnings = planWarnings(f, o, paths);
  const steps: ReorderStep[] = paths.detail ? planSteps(f, o, { status, csl, fr, orderValue }) : [];
  return {
    id: item.id ?? null,
    safetyStock: o.ss,
    reorderPoint: o.rop,
    orderUpTo: o.orderUpTo,
    min: o.rop,
    max: o.max,
    eoq: nullIfNaN(o.eoq),
    orderQuantity: nullIfNaN(o.qLot),
    inventoryPosition: f.stock.position,
    suggestedOrder: o.suggested,
    orderValue,
    daysOfSupply: f.stock.daysOfSupply,
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
  // Stryker disable next-line ConditionalExpression: batchOptionsOf, called first, refuses null options
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
