// The plan of one SKU and of a batch (results, totals, options), and the prepared policy both read:
// below the engine that fills them.
import { type BatchOptions } from '../core/batch.js';
import { type Decimal } from '../core/decimal.js';
import { type IssuePath } from '../core/errors.js';
import type { Step, Warning } from '../core/result.js';
import { parseWith } from '../core/schema.js';
import type { SharedIssues } from './batch-shared.js';
import { EN, fmt, money, priceScale, type Separators } from './format.js';
import { resolvePolicy, type ReorderStatus, type ResolvedPolicy } from './kernel.js';
import { parsedReorderPolicySchema, type PackRounding, type ParsedReorderItem, type ParsedReorderPolicy } from './schema.js';
import { type FiguresOf, type ReorderStep } from './steps.js';

/** What a status asks for: expedite (stockout, urgent), replenish (reorder), promote or transfer (overstock). */
export type ReorderAction = 'expedite' | 'replenish' | 'none' | 'promote-or-transfer';

/** The plan of one SKU. Statistical figures are numbers; units to order are whole numbers; money is exact. */
export interface ReorderPlan {
  /** The item's id, or null. */
  id: string | number | null;
  /** Safety stock in units. */
  safetyStock: number;
  /** The reorder point (alert line): demand over the lead time + safety stock, or the manual min. */
  reorderPoint: number;
  /** The order-up-to level: S under periodic review, reorder point + order quantity under continuous review, or the manual max. */
  orderUpTo: number;
  /** The lower limit: the reorder point. */
  min: number;
  /** The upper limit: manual max, demand × maxDaysOfCover, S, or reorder point + order quantity. */
  max: number;
  /** The economic order quantity before rounding, when the rule is EOQ. */
  eoq: number | null;
  /** The policy's lot size after MOQ, packs and the maximum, when there is a rule. */
  orderQuantity: number | null;
  /** On hand + on order counted − backordered − committed. */
  inventoryPosition: number;
  /** Units to order now (whole packs); 0 when no order is due. */
  suggestedOrder: number;
  /** The suggested order at the unit cost (exact; 0 without an order), when the cost is known. */
  orderValue: Decimal | null;
  /** Available on hand over demand per day; null at zero demand. */
  daysOfSupply: number | null;
  /** The status, checked in this order: stockout, urgent, reorder, overstock, ok. */
  status: ReorderStatus;
  /** What the status asks for. */
  action: ReorderAction;
  /** Position − max when overstocked, else 0. */
  excess: number;
  /** The cycle service level the final reorder level gives (0.5 for a k clamped to 0). */
  impliedCycleServiceLevel: number;
  /** The fill rate the final reorder level gives, 1 − σG(k)/Q (null without a Q). */
  impliedFillRate: number | null;
  /** How every figure was reached, in order (empty under `detail: 'summary'`). */
  steps: ReorderStep[];
  /** What to look at: `zero-filled-history`, `negative-safety-stock`, `max-below-reorder-point`, `capped-below-reorder-point`. */
  warnings: Warning[];
}

/** @internal Shared between this engine's files; not part of the public API. */
export const ACTIONS: readonly ReorderAction[] = ['none', 'replenish', 'expedite', 'expedite', 'promote-or-transfer'];
/** Statuses worst first, as totals list them. */
const STATUS_ORDER: readonly ReorderStatus[] = ['stockout', 'urgent', 'reorder', 'overstock', 'ok'];
/** @internal Shared between this engine's files; not part of the public API. */
export const PACK_ROUNDINGS: readonly PackRounding[] = ['up', 'down', 'nearest'];

/** A validated policy with its resolved numbers. @internal */
export interface PreparedPolicy {
  parsed: ParsedReorderPolicy;
  resolved: ResolvedPolicy;
}

/** Validates a policy once. @internal */
export function preparePolicy(policy: unknown, path: IssuePath): PreparedPolicy {
  const parsed = parseWith(parsedReorderPolicySchema, policy, path);
  return { parsed, resolved: resolvePolicy(parsed) };
}

/** @internal Shared between this engine's files; not part of the public API. */
export function effectivePolicy(base: PreparedPolicy, item: ParsedReorderItem): PreparedPolicy {
  if (item.policy === undefined) return base;
  const merged: Record<string, unknown> = { ...base.parsed };
  for (const [key, value] of Object.entries(item.policy)) if (value !== undefined) merged[key] = value;
  const parsed = merged as unknown as ParsedReorderPolicy;
  return { parsed, resolved: resolvePolicy(parsed) };
}

/** Where a plan's errors and warnings point. @internal */
export interface PlanPaths {
  /** The item's path in error paths (`['item']`; `[]` in a batch, whose runner names the row). */
  item: IssuePath;
  /** The item's path in warning paths (`['item']`, `['items', 'SKU-1']`). */
  warnItem: IssuePath;
  /** Whether to build the steps (false under `detail: 'summary'`). */
  detail: boolean;
  /** In a batch, where what the shared policy lacks goes (reported once, at the argument); null for one SKU. */
  shared: SharedIssues | null;
}

/** @internal Shared between this engine's files; not part of the public API. */
export function nullIfNaN(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}

/** The options of {@link planReorders}: the batch options and how much of each plan to keep. */
export interface PlanReordersOptions extends BatchOptions {
  /**
   * `'full'` (default): every plan carries its `steps`. `'summary'`: every figure, the status and
   * the warnings, with `steps: []` (no per-SKU sentences), so a million SKUs fit in memory; plan
   * one SKU with {@link planReorder} to read its steps.
   */
  detail?: 'full' | 'summary';
}

/** The totals of {@link planReorders} over the rows that were planned. */
export interface ReorderTotals {
  /** SKUs planned. */
  skus: number;
  /** SKUs by status. */
  statuses: Record<ReorderStatus, number>;
  /** SKUs with a suggested order above 0. */
  orders: number;
  /** Σ suggested order, in units. */
  units: number;
  /** Σ order value over the orders with a unit cost, exact. */
  orderValue: Decimal;
  /** Orders without a unit cost (not in `orderValue`). */
  unpricedOrders: number;
}

/** How the totals of a reorder batch were reached. */
export interface ReorderTotalsStep extends Step {
  code: 'totals';
  /** SKUs planned. */
  skus: number;
  /** SKUs by status. */
  statuses: Record<ReorderStatus, number>;
  /** SKUs with an order. */
  orders: number;
  /** Σ units ordered. */
  units: number;
  /** Σ order value (priced orders). */
  orderValue: Decimal;
}

/** The text of a totals step. @internal */
export function totalsText(t: FiguresOf<ReorderTotalsStep>, seps: Separators = EN): string {
  const byStatus = STATUS_ORDER.map((s) => `${fmt(t.statuses[s], seps)} ${s}`).join(', ');
  return `${fmt(t.skus, seps)} SKU${t.skus === 1 ? '' : 's'}: ${byStatus}; ${fmt(t.orders, seps)} order${t.orders === 1 ? '' : 's'} of ${fmt(t.units, seps)} units in all, value ${money(t.orderValue, priceScale(t.orderValue), seps)}`;
}
