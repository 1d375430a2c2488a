// Demo section (inventory): the sample network's 20 SKUs planned under one policy, with the alerts.
import {
  analyzeInventoryHealth,
  explainReorderPlan,
  planReorders,
  type ReorderItem,
  type ReorderPlan,
  type ReorderPolicy,
  type ReorderStep,
} from 'dealerkit';
import { inventory } from '../data/index.js';
import { grouped, table, title } from '../lib/table.js';

// The data holds 12 calendar months of demand per SKU; an average month is 365/12 days (said here,
// not hidden in the library).
const MONTH_DAYS = 365 / 12;

function n(x: number | null, places = 1): string {
  return x === null ? '—' : x.toFixed(places);
}

/** A plan's step by its code. */
function stepOf<C extends ReorderStep['code']>(plan: ReorderPlan, code: C): Extract<ReorderStep, { code: C }> {
  return plan.steps.find((s) => s.code === code) as Extract<ReorderStep, { code: C }>;
}

function pct(share: { times(n: number): { toFixed(places: number): string } }): string {
  return `${share.times(100).toFixed(1)}%`;
}

export function inventorySection(): string[] {
  const out: string[] = [title(`Reorder plan for ${inventory.skus.length} SKUs as of ${inventory.asOf}`)];
  const policy: ReorderPolicy = {
    service: { cycle: 0.95 },
    distribution: 'auto',
    orderQuantity: { eoq: { orderCost: 300, holdingRatePerYear: 0.25 } },
    packRounding: 'up',
    trigger: 'lte',
    maxDaysOfCover: 60,
    asOf: inventory.asOf,
  };
  const items: ReorderItem[] = inventory.skus.map((s) => ({
    id: s.id,
    demand: { history: s.monthlyDemand, periodDays: MONTH_DAYS },
    leadTime: { days: s.leadTimeDays, sdDays: s.leadTimeSdDays },
    stock: { onHand: s.onHand, onOrder: s.onOrder, committed: s.committed },
    unitCost: s.unitCost,
    moq: s.moq,
    packSize: s.packSize,
    ...(s.maxOrderQty === null ? {} : { maxOrderQty: s.maxOrderQty }),
  }));
  const batch = planReorders(policy, items);
  const plans = batch.rows.map((r) => r.result!);
  out.push(
    'policy: cycle service 95%, normal demand (Poisson below 10 units over the lead time), continuous review, EOQ lots (order cost 300, holding 25%/year), MOQ → packs (up) → MOQ → max,',
    "trigger position ≤ reorder point ('lte'), max = 60 days of cover; demand from 12 months (sample sd, months of 365/12 days)",
    '',
    table(
      ['SKU', 'name', 'demand/day', 'model', 'SS', 'ROP', 'max', 'position', 'days', 'status', 'order', 'value'],
      plans.map((p, i) => [
        p.id,
        inventory.skus[i]!.name,
        n(stepOf(p, 'demand-per-day').meanPerDay, 2),
        stepOf(p, 'distribution').distribution,
        n(p.safetyStock),
        n(p.reorderPoint),
        n(p.max),
        grouped(p.inventoryPosition),
        n(p.daysOfSupply),
        p.status,
        p.suggestedOrder,
        p.orderValue === null ? '' : grouped(p.orderValue.toString()),
      ]),
    ),
  );
  out.push('', `Totals: ${batch.steps[0]!.text}`);
  const alerts = plans.filter((p) => p.status !== 'ok');
  out.push('', `Alerts (${alerts.length} of ${plans.length} SKUs)`);
  for (const p of alerts) out.push(`  ${explainReorderPlan(p)[0]}`);
  const first = alerts.find((p) => p.suggestedOrder > 0);
  if (first !== undefined) {
    out.push('', `Why ${String(first.id)} orders ${first.suggestedOrder} (explainReorderPlan):`);
    for (const line of explainReorderPlan(first).slice(1)) out.push(`  ${line}`);
  }

  const health = analyzeInventoryHealth({
    items: inventory.skus.map((s, i) => ({
      id: s.id,
      onHand: s.onHand,
      unitCost: s.unitCost,
      demandPerDay: stepOf(plans[i]!, 'demand-per-day').meanPerDay,
      receivedOn: s.lastReceipt,
    })),
    cogs: inventory.skus.reduce((a, s) => a + s.monthlyDemand.reduce((b, m) => b + m, 0) * s.unitCost, 0),
    averageInventoryValue: inventory.skus.reduce((a, s) => a + s.onHand * s.unitCost, 0),
    periodDays: 365,
    asOf: inventory.asOf,
    slowMovingDays: 90,
    ageBuckets: [30, 90, 180],
    carryingRatePerYear: 0.25,
    daysPerYear: 365,
  });
  out.push(
    '',
    `Stock health: value ${grouped(health.inventoryValue.toString())}, turnover ${health.turnover.toFixed(1)}× a year (${health.turnoverDays === null ? '—' : health.turnoverDays.toFixed(1)} days; ` +
      `current stock taken as the average), slow-moving ${pct(health.slowMoving.shareByValue)} of value ` +
      `(${health.slowMoving.count} SKUs), holding cost ${grouped(health.holdingCost.toString())} a year at 25%`,
    table(
      ['age since last receipt', 'SKUs', 'value', 'share'],
      health.ageing.map((b) => [b.label, b.count, grouped(b.value.toString()), pct(b.shareByValue)]),
    ),
  );
  return out;
}
