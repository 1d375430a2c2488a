// explainReorderPlan / explainInventoryHealth: a result in the sentences a planner or channel
// manager would send, figures grouped by the locale. Pure: they read the result only.
import { readResult } from '../core/result-check.js';
import { InventoryHealthShape, ReorderPlanShape } from '../core/result-shapes.js';
import { invalid, wrapThrown } from '../core/errors.js';
import { separatorsOf } from '../core/format.js';
import { roundDecimal } from '../core/money.js';
import type { ExplainOptions } from '../core/result.js';
import { fmt, money, pctOf, priceScale, sentence, type Separators } from './format.js';
import { healthStepText, type InventoryHealth, type InventoryHealthStep } from './health.js';
import { INVENTORY_MESSAGES as M } from './messages.js';
import type { ReorderPlan } from './plan.js';
import { reorderStepText, type FiguresOf, type ReorderStep } from './steps.js';

function localeOf(options: ExplainOptions | undefined): Separators {
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    invalid(['options'], M.explainOptions(), { code: 'invalid_type', expected: 'an object' });
  }
  return separatorsOf(options?.locale, ['options', 'locale']);
}

function headline(plan: ReorderPlan, seps: Separators): string {
  const f = (x: number): string => fmt(x, seps);
  const label = plan.id === null ? '' : `${String(plan.id)}: `;
  const value = plan.orderValue === null ? '' : ` (value ${money(plan.orderValue, priceScale(plan.orderValue), seps)})`;
  const order = `order ${f(plan.suggestedOrder)} unit${plan.suggestedOrder === 1 ? '' : 's'}${value}`;
  const status = plan.steps.find((s): s is Extract<ReorderStep, { code: 'status' }> => s.code === 'status');
  const below = status?.trigger === 'lt' ? 'below' : 'at or below';
  switch (plan.status) {
    case 'stockout':
      return `${label}stockout: nothing available on hand; expedite${plan.suggestedOrder > 0 ? `, ${order}` : ' what is on order'}`;
    case 'urgent':
      return `${label}urgent: position ${f(plan.inventoryPosition)} is at or below the safety stock ${f(plan.safetyStock)}; expedite, ${order}`;
    case 'reorder':
      return `${label}reorder: position ${f(plan.inventoryPosition)} is ${below} the reorder point ${f(plan.reorderPoint)}; ${order}`;
    case 'overstock':
      return `${label}overstock: position ${f(plan.inventoryPosition)} is above max ${f(plan.max)} by ${f(plan.excess)}; promote or transfer`;
    default:
      return `${label}ok: position ${f(plan.inventoryPosition)} is between the reorder point ${f(plan.reorderPoint)} and max ${f(plan.max)}; no order`;
  }
}

/**
 * A reorder plan in sentences: a headline (status, position against the alert line, the order
 * and its value), then every step of how the figures were reached, then the warnings. Figures are
 * grouped by `locale` (English by default); the sentences stay English. A plan computed with
 * `detail: 'summary'` has no steps: its explanation is the headline and the levels.
 *
 * @param plan - A result of {@link planReorder} or a row of {@link planReorders}.
 * @param options - `locale` for digit grouping.
 * @example
 * ```ts
 * const plan = planReorder(
 *   { service: { cycle: 0.95 }, orderQuantity: { fixed: 100 } },
 *   { id: 'SKU-1', demand: { meanPerDay: 20, sdPerDay: 5 }, leadTime: { days: 7 }, stock: { onHand: 150, onOrder: 0 } },
 * );
 * explainReorderPlan(plan)[0];
 * //=> 'SKU-1: reorder: position 150 is at or below the reorder point 161.7594; order 100 units.'
 * ```
 */
export function explainReorderPlan(plan: ReorderPlan, options?: ExplainOptions): string[] {
  try {
    // readResult refuses anything but an object with a steps list and a status from its list.
    plan = readResult(plan, 'plan', ReorderPlanShape(), M.notAPlan());
    const seps = localeOf(options);
    const out = [sentence(headline(plan, seps))];
    if (plan.steps.length === 0) {
      const f = (x: number): string => fmt(x, seps);
      out.push(sentence(`safety stock ${f(plan.safetyStock)}, reorder point ${f(plan.reorderPoint)}, order-up-to ${f(plan.orderUpTo)}, max ${f(plan.max)}`));
    }
    for (const step of plan.steps) out.push(sentence(reorderStepText(step as FiguresOf<ReorderStep>, seps)));
    for (const warning of plan.warnings) out.push(sentence(warning.message));
    return out;
  } catch (error) {
    throw wrapThrown(error);
  }
}

/**
 * A stock-health check in sentences: a headline (value, turnover, slow-moving share, holding
 * cost), then every step, then the warnings; money at the holding cost's scale, grouped by
 * `locale`.
 *
 * @param health - A result of {@link analyzeInventoryHealth}.
 * @param options - `locale` for digit grouping.
 * @example
 * ```ts
 * const h = analyzeInventoryHealth({
 *   items: [{ onHand: 100, unitCost: 10, demandPerDay: 1, receivedOn: '2026-09-01' }],
 *   cogs: 36500, averageInventoryValue: 5000, periodDays: 365, asOf: '2026-11-01',
 *   slowMovingDays: 90, ageBuckets: [30, 60, 90], carryingRatePerYear: 0.25, daysPerYear: 365,
 * });
 * explainInventoryHealth(h)[0];
 * //=> 'Stock worth 1,000.00 turned over 7.3 times in 365 days (every 50 days); 100.00 % of its value is slow-moving (1 SKU); holding cost 1,250.00.'
 * ```
 */
export function explainInventoryHealth(health: InventoryHealth, options?: ExplainOptions): string[] {
  try {
    // readResult refuses anything but an object with a steps list (each step's fields checked by its code).
    health = readResult(health, 'health', InventoryHealthShape(), M.notAHealth());
    const steps: readonly InventoryHealthStep[] = health.steps;
    const find = <C extends InventoryHealthStep['code']>(code: C): Extract<InventoryHealthStep, { code: C }> | undefined =>
      steps.find((s): s is Extract<InventoryHealthStep, { code: C }> => s.code === code);
    // Every health check has these two steps; the money scale is the holding cost's.
    const holding = find('holding-cost');
    const turnover = find('turnover');
    if (holding === undefined || turnover === undefined) return invalid(['health'], M.notAHealth(), { code: 'invalid_type', expected: 'an InventoryHealth' });
    const seps = localeOf(options);
    const scale = holding.scale;
    const m = (x: Parameters<typeof money>[0]): string => money(x, scale, seps);
    const ratio = (x: Parameters<typeof money>[0]): string => fmt(roundDecimal(x, 4, 'half-up').toNumber(), seps);
    const slow = health.slowMoving;
    const days = ` in ${fmt(turnover.periodDays, seps)} days`;
    const every = health.turnoverDays === null ? 'no COGS' : `every ${ratio(health.turnoverDays)} days`;
    const head =
      `stock worth ${m(health.inventoryValue)} turned over ${ratio(health.turnover)} times${days} (${every}); ` +
      `${pctOf(slow.shareByValue, seps)} of its value is slow-moving (${fmt(slow.count, seps)} SKU${slow.count === 1 ? '' : 's'}); holding cost ${m(health.holdingCost)}`;
    const out = [sentence(head)];
    for (const step of health.steps) out.push(sentence(healthStepText(step as Parameters<typeof healthStepText>[0], scale, seps)));
    for (const warning of health.warnings) out.push(sentence(warning.message));
    return out;
  } catch (error) {
    throw wrapThrown(error);
  }
}
