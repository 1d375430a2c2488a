// The stock section: the dealer's SKU lines (merged with the brand's catalogue) planned by the
// inventory engine's planReorders, and its stock health by analyzeInventoryHealth.
import { ZERO, type Decimal } from '../core/decimal.js';
import type { IsoDate } from '../core/dates.js';
import { IssueCollector, invalid } from '../core/errors.js';
import type { Warning } from '../core/result.js';
import {
  analyzeInventoryHealth,
  planReorders,
  type InventoryHealth,
  type ReorderItem,
  type ReorderPlan,
  type ReorderPolicy,
  type ReorderStatus,
} from '../inventory/index.js';
import { STATEMENT_MESSAGES as M } from './messages.js';
import { within, warningsWithin } from './paths.js';
import type { StatementSku, StatementStockConfig, StatementStockInput } from './schema.js';

/** One SKU of the stock section's lists. */
export interface StatementStockLine {
  /** The SKU's id. */
  id: string;
  /** Its catalogue name, or null. */
  name: string | null;
  /** The reorder status. */
  status: ReorderStatus;
  /** The inventory position (on hand + on order counted − committed − backordered). */
  position: number;
  /** The reorder point. */
  reorderPoint: number;
  /** The upper limit. */
  max: number;
  /** Units to order now. */
  suggestedOrder: number;
  /** Position − max when above the maximum, else 0. */
  excess: number;
}

/** The statement's stock section. */
export interface StatementStock {
  /** The day the stock was counted. */
  asOf: IsoDate;
  /** SKUs at or below their reorder point (statuses stockout, urgent, reorder), worst first. */
  belowReorderPoint: StatementStockLine[];
  /** SKUs above their maximum (status overstock), largest excess first. */
  aboveMax: StatementStockLine[];
  /** The days an average unit stays (period days × average inventory / COGS), or null without COGS. */
  turnoverDays: Decimal | null;
  /** Σ on hand × unit cost. */
  inventoryValue: Decimal;
  /** The slow-moving stock's share of the value, a ratio. */
  slowMovingShare: Decimal;
  /** Slow-moving SKUs. */
  slowMovingCount: number;
  /** SKUs with an order suggested. */
  orders: number;
  /** The suggested orders' value at unit cost. */
  orderValue: Decimal;
  /** The inventory engine's plan of every SKU line, in input order, with its steps. */
  plans: ReorderPlan[];
  /** The inventory engine's health figures, with their steps. */
  health: InventoryHealth;
}

/** The catalogue indexed once. @internal */
export interface StockSetup {
  config: StatementStockConfig;
  skus: ReadonlyMap<string, StatementSku>;
  moneyScale: number;
  ratioScale: number;
}

/** Indexes the catalogue, refusing a SKU listed twice. @internal */
export function indexCatalogue(config: StatementStockConfig, moneyScale: number, ratioScale: number): StockSetup {
  const skus = new Map<string, StatementSku>();
  const firsts = new Map<string, number>();
  const issues = new IssueCollector();
  config.skus.forEach((sku, i) => {
    const first = firsts.get(sku.id);
    if (first !== undefined) issues.add(['config', 'stock', 'skus', i, 'id'], M.duplicateSku(first), 'invalid_input', { code: 'duplicate', received: JSON.stringify(sku.id) });
    else {
      firsts.set(sku.id, i);
      skus.set(sku.id, sku);
    }
  });
  issues.throwIfAny();
  return { config, skus, moneyScale, ratioScale };
}

const WORST: Record<ReorderStatus, number> = { stockout: 0, urgent: 1, reorder: 2, overstock: 3, ok: 4 };

/** Mean demand per day from a plan's demand steps. */
function demandPerDay(plan: ReorderPlan): number {
  for (const s of plan.steps) {
    if (s.code === 'demand-per-day') return s.meanPerDay;
  }
  for (const s of plan.steps) {
    if (s.code === 'demand-given') return s.mean / s.periodDays;
  }
  return 0;
}

/** Builds the stock section. @internal */
export function buildStockSection(setup: StockSetup, input: StatementStockInput, asOf: IsoDate, warnings: Warning[]): StatementStock {
  if (input.items.length === 0) invalid(['stock', 'items'], M.noStockItems, { code: 'too_short', limit: '1' });
  const issues = new IssueCollector();
  const seen = new Map<string, number>();
  input.items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (!setup.skus.has(item.id)) issues.add(['stock', 'items', i, 'id'], M.unknownSku(item.id), 'unknown_label', { code: 'unknown_label', received: JSON.stringify(item.id) });
    else if (first !== undefined) issues.add(['stock', 'items', i, 'id'], M.duplicateSku(first), 'invalid_input', { code: 'duplicate', received: JSON.stringify(item.id) });
    seen.set(item.id, first ?? i);
  });
  issues.throwIfAny();
  const items: ReorderItem[] = input.items.map((item) => {
    const { name: _name, ...sku } = setup.skus.get(item.id)!;
    const merged: ReorderItem = { ...sku, id: item.id, stock: item.stock, demand: item.demand };
    if (item.levels !== undefined) merged.levels = item.levels;
    return merged;
  });
  const base = setup.config.policy as ReorderPolicy;
  const policy: ReorderPolicy = typeof base === 'object' && base !== null && base.asOf === undefined ? { ...base, asOf } : base;
  const batch = within({ items: ['stock', 'items'], policy: ['config', 'stock', 'policy'] }, ['stock'], () => planReorders(policy, items));
  const plans = batch.rows.map((r) => r.result!);
  for (const plan of plans) warnings.push(...warningsWithin(plan.warnings, { items: ['stock', 'items'], item: ['stock', 'items', String(plan.id)] }, ['stock']));
  const cfg = setup.config;
  const health = within(
    {
      items: ['stock', 'items'],
      cogs: ['stock', 'cogs'],
      averageInventoryValue: ['stock', 'averageInventoryValue'],
      periodDays: ['stock', 'periodDays'],
      asOf: ['stock', 'asOf'],
      slowMovingDays: ['config', 'stock', 'slowMovingDays'],
      ageBuckets: ['config', 'stock', 'ageBuckets'],
      carryingRatePerYear: ['config', 'stock', 'carryingRatePerYear'],
      daysPerYear: ['config', 'stock', 'daysPerYear'],
    },
    ['stock'],
    () =>
      analyzeInventoryHealth(
        {
          items: input.items.map((item, i) => ({
            id: item.id,
            onHand: (items[i]!.stock as { onHand: number }).onHand,
            unitCost: setup.skus.get(item.id)!.unitCost,
            demandPerDay: demandPerDay(plans[i]!),
            ...(item.receivedOn === undefined ? {} : { receivedOn: item.receivedOn }),
          })),
          cogs: input.cogs,
          averageInventoryValue: input.averageInventoryValue,
          periodDays: input.periodDays,
          asOf,
          slowMovingDays: cfg.slowMovingDays,
          ageBuckets: cfg.ageBuckets,
          carryingRatePerYear: cfg.carryingRatePerYear,
          daysPerYear: cfg.daysPerYear,
        },
        { rounding: { scale: setup.moneyScale }, ratioScale: setup.ratioScale },
      ),
  );
  warnings.push(...warningsWithin(health.warnings, { items: ['stock', 'items'] }, ['stock']));
  const line = (plan: ReorderPlan): StatementStockLine => ({
    id: String(plan.id),
    name: setup.skus.get(String(plan.id))!.name ?? null,
    status: plan.status,
    position: plan.inventoryPosition,
    reorderPoint: plan.reorderPoint,
    max: plan.max,
    suggestedOrder: plan.suggestedOrder,
    excess: plan.excess,
  });
  const below = plans.filter((p) => p.status === 'stockout' || p.status === 'urgent' || p.status === 'reorder');
  below.sort((a, b) => WORST[a.status] - WORST[b.status]);
  const above = plans.filter((p) => p.status === 'overstock').sort((a, b) => b.excess - a.excess);
  let orderValue = ZERO;
  let orders = 0;
  for (const p of plans) {
    if (p.suggestedOrder > 0) orders++;
    if (p.orderValue !== null) orderValue = orderValue.plus(p.orderValue);
  }
  return {
    asOf,
    belowReorderPoint: below.map(line),
    aboveMax: above.map(line),
    turnoverDays: health.turnoverDays,
    inventoryValue: health.inventoryValue,
    slowMovingShare: health.slowMoving.shareByValue,
    slowMovingCount: health.slowMoving.count,
    orders,
    orderValue,
    plans,
    health,
  };
}
