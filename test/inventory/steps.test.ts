import { describe, expect, it } from 'vitest';
import { analyzeInventoryHealth, planReorder, Decimal, type ReorderPlan } from 'dealerkit';
import { stepOf } from './steps.js';

// A user must be able to reproduce every figure from the steps: each test recomputes a figure from
// the figures its step reports (the arithmetic written here is the textbook one, not the engine's).
// The plans are made inside each test, never when the file loads: code that runs outside a test is a
// "static" mutant for Stryker, run against every test of the module (test/mutation/vitest.config.ts).

const seedPlan = (): ReorderPlan => planReorder(
  { service: { cycle: 0.95 }, orderQuantity: { fixed: 100 } },
  { id: 'SKU-1', demand: { meanPerDay: 20, sdPerDay: 5 }, leadTime: { days: 7 }, stock: { onHand: 150, onOrder: 0 } },
);

// A richer SKU: 12 months of history (one missing), EOQ lots in packs with a MOQ and a cap, receipts
// with due dates, commitments and a unit cost.
const richPlan = (): ReorderPlan => planReorder(
  { service: { cycle: 0.98 }, orderQuantity: { eoq: { orderCost: '40', holdingRatePerYear: '0.25' } }, asOf: '2026-11-01' },
  {
    id: 'AC-102',
    demand: { history: [21, 39, 33, null, 80, 90, 78, 83, 54, 36, 44, 45], periodDays: 30 },
    leadTime: { days: 21, sdDays: 3 },
    stock: { onHand: 40, onOrder: [{ quantity: 8, due: '2026-11-10' }, { quantity: 12, due: '2026-12-30' }], committed: 4 },
    unitCost: '2300',
    moq: 20,
    packSize: 4,
    maxOrderQty: 60,
  },
);

function closeTo(a: number, b: number): void {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));
}

describe('the steps reproduce every figure of a plan', () => {
  it.each([
    ['the seed', seedPlan],
    ['a SKU with history, EOQ, packs and receipts', richPlan],
  ] as [string, () => ReorderPlan][])('%s', (_name, make) => {
    // Each plan is made inside the test (not when the file loads), so mutation testing can tell which tests run it.
    const plan = make();
    const dist = stepOf(plan, 'distribution');
    const factor = stepOf(plan, 'safety-factor');
    const ss = stepOf(plan, 'safety-stock');
    // σ = √(P·σ_d² + d²·σ_L²), SS = k·σ, ROP = d·L + SS
    closeTo(dist.sdOverProtection!, Math.sqrt(dist.varianceWeight * dist.sdPerDay ** 2 + dist.ratePerDay ** 2 * dist.leadTimeSdDays ** 2));
    expect(ss.safetyFactor).toBe(factor.safetyFactor);
    closeTo(plan.safetyStock, ss.safetyFactor! * ss.sdOverProtection!);
    const rop = stepOf(plan, 'reorder-point');
    closeTo(plan.reorderPoint, rop.demandOverLeadTime + rop.safetyStock);
    const upTo = stepOf(plan, 'order-up-to-lot');
    closeTo(plan.orderUpTo, upTo.reorderPoint + upTo.orderQuantity);
    expect(upTo.orderQuantity).toBe(plan.orderQuantity);
    expect(stepOf(plan, 'max').max).toBe(plan.max);
    const pos = stepOf(plan, 'inventory-position');
    expect(plan.inventoryPosition).toBe(pos.onHand + pos.onOrderCounted - pos.backordered - pos.committed);
    const status = stepOf(plan, 'status');
    expect([status.status, status.action]).toEqual([plan.status, plan.action]);
    const order = stepOf(plan, 'suggested-order');
    expect(order.suggestedOrder).toBe(plan.suggestedOrder);
    expect(order.lot?.quantity ?? 0).toBe(plan.suggestedOrder);
    const supply = stepOf(plan, 'days-of-supply');
    expect(plan.daysOfSupply).toBe(supply.availableOnHand / supply.demandPerDay);
    const implied = stepOf(plan, 'implied-service');
    expect([implied.impliedCycleServiceLevel, implied.impliedFillRate]).toEqual([plan.impliedCycleServiceLevel, plan.impliedFillRate]);
    for (const step of plan.steps) {
      expect(step.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(step.text.length).toBeGreaterThan(10);
    }
  });

  it('the history, the EOQ, the lot stages and the order value of the richer SKU', () => {
    const rich = richPlan();
    // History: 11 months sum to 603 with one missing → mean 603 / 12 = 50.25 a month; per day / 30.
    const hist = stepOf(rich, 'demand-history');
    expect(hist).toMatchObject({ periods: 12, periodDays: 30, zeroFilled: 1, meanPerPeriod: 50.25 });
    const perDay = stepOf(rich, 'demand-per-day');
    expect(perDay.meanPerDay).toBe(50.25 / 30);
    closeTo(perDay.sdPerDay, hist.sdPerPeriod / Math.sqrt(30));
    expect(rich.warnings).toEqual([
      { code: 'zero-filled-history', message: '1 of 12 periods of the demand history is missing and counted as 0', path: ['item', 'demand', 'history'] },
    ]);
    // EOQ = √(2 × K × D / h), D = 365 × d, h = 0.25 × 2,300 = 575
    const q = stepOf(rich, 'order-quantity');
    expect(q.rule).toBe('eoq');
    expect(q.holdingCostPerUnitPerYear!.toString()).toBe('575');
    expect(q.demandPerYear).toBe(365 * perDay.meanPerDay);
    closeTo(q.quantity, Math.sqrt((2 * 40 * q.demandPerYear!) / 575));
    expect(rich.eoq).toBe(q.quantity);
    // The EOQ (≈ 7.62) is below the MOQ 20: raised to 20, 5 packs of 4 = 20.
    expect(q.lot).toMatchObject({ raisedToMoq: 20, packs: 5, rounded: 20, moqMultiple: null, capped: null, quantity: 20 });
    // Receipts: 8 due 2026-11-10 (within 21 days of 2026-11-01) counted, 12 due 2026-12-30 not.
    expect(stepOf(rich, 'inventory-position')).toMatchObject({ onOrderCounted: 8, onOrderNotCounted: 12, laterReceipts: 1, receiptsDueBy: '2026-11-22', inventoryPosition: 44 });
    // The order and its value: units × 2,300, exact.
    const value = stepOf(rich, 'order-value');
    expect(value.orderValue.toString()).toBe(new Decimal(2300).times(rich.suggestedOrder).toString());
    expect(rich.orderValue!.eq(value.orderValue)).toBe(true);
  });

  it('steps and warnings serialise as plain JSON (money as decimal strings)', () => {
    const rich = richPlan();
    const json = JSON.parse(JSON.stringify(rich)) as { steps: { code: string; orderValue?: string; unitCost?: string }[] };
    expect(json.steps.find((s) => s.code === 'order-value')).toMatchObject({ unitCost: '2300', orderValue: String(2300 * rich.suggestedOrder) });
  });
});

describe('the steps reproduce every figure of a health check', () => {
  const healthCheck = () => analyzeInventoryHealth({
    items: [
      { id: 'A', onHand: 100, unitCost: '10.00', demandPerDay: 10, receivedOn: '2026-10-20' },
      { id: 'B', onHand: 50, unitCost: '40.00', demandPerDay: 0.25, receivedOn: '2026-07-01' },
    ],
    cogs: '120000',
    averageInventoryValue: '20000',
    periodDays: 365,
    asOf: '2026-11-01',
    slowMovingDays: 90,
    ageBuckets: [30, 90],
    carryingRatePerYear: '0.24',
    daysPerYear: 360,
  });

  it('value, turnover, holding cost', () => {
    const h = healthCheck();
    const find = <C extends (typeof h.steps)[number]['code']>(code: C) => h.steps.find((s) => s.code === code) as Extract<(typeof h.steps)[number], { code: C }>;
    // 100 × 10 + 50 × 40 = 3,000
    expect(find('inventory-value').inventoryValue.toString()).toBe('3000');
    const t = find('turnover');
    expect(t.turnover.toString()).toBe(t.cogs.div(t.averageInventoryValue).toString());
    const hc = find('holding-cost');
    expect(hc.holdingCostExact.eq(hc.averageInventoryValue.times(hc.carryingRatePerYear).times(hc.periodDays).div(hc.daysPerYear))).toBe(true);
    expect(hc).toMatchObject({ scale: 2, mode: 'half-up' });
    expect(hc.holdingCost.toString()).toBe('4866.67');
    expect(h.steps.filter((s) => s.code === 'age-bucket').map((s) => s.text)).toEqual([
      '≤30 days since receipt: 1 SKU, 1,000.00 (33.33 % of the value)',
      '31–90 days since receipt: 0 SKUs, 0.00 (0.00 % of the value)',
      '>90 days since receipt: 1 SKU, 2,000.00 (66.67 % of the value)',
    ]);
  });
});
