import { describe, expect, it } from 'vitest';
import {
  analyzeInventoryHealth,
  explainInventoryHealth,
  explainReorderPlan,
  planReorder,
  planReorders,
  type InventoryHealthInput,
  type ReorderItem,
  type ReorderPolicy,
} from 'dealerkit';
import { thrown } from '../helpers.js';

// The seeds' SKU (examples/inventory-reorder-point.ts, issue 8's must-pass vector): demand 20 a
// day (σ 5), lead time 7 days, 95 % cycle service, on hand 150, fixed lots of 100. By hand:
// z = Φ⁻¹(0.95) = 1.644854; σ over the lead time = 5 × √7 = 13.228757; SS = 21.759368;
// ROP = 20 × 7 + SS = 161.759368; order-up-to = ROP + 100 = 261.759368; position 150 ≤ ROP → reorder
// 100; days of supply 150 / 20 = 7.5; implied fill rate 1 − σ·G(z)/Q with G(1.644854) =
// φ(1.644854) − 1.644854 × 0.05 = 0.103136 − 0.082243 = 0.020893: 1 − 13.228757 × 0.020893 / 100 = 0.997236 → 99.72 %.
const seedPolicy: ReorderPolicy = {
  service: { cycle: 0.95 },
  distribution: 'normal',
  orderQuantity: { fixed: 100 },
  packRounding: 'up',
  trigger: 'lte',
  safetyStockFloor: 'zero',
};
const seedSku: ReorderItem = { id: 'SKU-1', demand: { meanPerDay: 20, sdPerDay: 5 }, leadTime: { days: 7 }, stock: { onHand: 150, onOrder: 0 } };

describe("explainReorderPlan: the seeds' SKU in sentences", () => {
  it('says the status, the order and every step, written by hand', () => {
    expect(explainReorderPlan(planReorder(seedPolicy, seedSku))).toEqual([
      'SKU-1: reorder: position 150 is at or below the reorder point 161.7594; order 100 units.',
      'Demand given per day: mean 20, σ 5.',
      'Lead time 7 days (σ 0 days).',
      'Continuous review: the protection interval is the lead time, 7 days.',
      'Normal lead-time demand; σ over the protection interval = √(7 × 5² + 20² × 0²) = 13.2288.',
      'Cycle service 95.00 %: z = Φ⁻¹(0.95) = 1.6449.',
      'Safety stock = 1.6449 × 13.2288 = 21.7594.',
      'Reorder point = demand over the lead time 140 + safety stock 21.7594 = 161.7594.',
      'Order quantity: fixed 100; as a lot: 100 → 100 (whole units, rounding up).',
      'Order-up-to = reorder point 161.7594 + order quantity 100 = 261.7594.',
      'Max = reorder point + order quantity = 261.7594.',
      'Inventory position = on hand 150 + on order 0 − backordered 0 − committed 0 = 150.',
      "Reorder: position 150 ≤ reorder point 161.7594 (trigger 'lte'): replenish.",
      'Suggested order from the order quantity: 100 → 100 (whole units, rounding up).',
      'Days of supply = available 150 / 20 per day = 7.5.',
      'Implied cycle service level 95.00 %, implied fill rate 99.72 % (1 − expected shortage / Q 100).',
    ]);
  });

  it('groups figures by the locale and prices the order with the unit cost', () => {
    // On hand 10 ≤ SS 21.7594: urgent; order max(100, 161.7594 − 10 = 151.7594) in packs of 40:
    // 3.79 packs → 4 packs = 160 units; 160 × 1,234.50 = 197,520.00.
    const plan = planReorder(seedPolicy, { ...seedSku, packSize: 40, unitCost: '1234.5', stock: { onHand: 10, onOrder: 0 } });
    const de = explainReorderPlan(plan, { locale: 'de' });
    expect(de[0]).toBe('SKU-1: urgent: position 10 is at or below the safety stock 21,7594; expedite, order 160 units (value 197.520,00).');
    expect(de).toContain('Suggested order from the reorder-point deficit 161,7594 − 10 (more than the order quantity): 151,7594 → 160 (4 packs of 40, rounding up).');
    expect(de).toContain('Order value = 160 × 1.234,50 = 197.520,00.');
    // At 150 on hand: the lot 100 → 2.5 packs → 3 packs = 120 units; 120 × 1,234.50 = 148,140.00.
    expect(explainReorderPlan(planReorder(seedPolicy, { ...seedSku, packSize: 40, unitCost: '1234.5' }))).toContain('Order value = 120 × 1,234.50 = 148,140.00.');
  });

  it('says every status in its headline', () => {
    const head = (s: ReorderItem['stock']) => explainReorderPlan(planReorder(seedPolicy, { ...seedSku, stock: s }))[0];
    // Nothing on hand, 400 on order: position 400 is above the reorder point, so no new order.
    expect(head({ onHand: 0, onOrder: 400 })).toBe('SKU-1: stockout: nothing available on hand; expedite what is on order.');
    // Position 0: the deficit 161.7594 exceeds the lot of 100 → 162 whole units.
    expect(head({ onHand: 0, onOrder: 0 })).toBe('SKU-1: stockout: nothing available on hand; expedite, order 162 units.');
    // Position 20: deficit 141.7594 → 142.
    expect(head({ onHand: 20, onOrder: 0 })).toBe('SKU-1: urgent: position 20 is at or below the safety stock 21.7594; expedite, order 142 units.');
    expect(head({ onHand: 200, onOrder: 0 })).toBe('SKU-1: ok: position 200 is between the reorder point 161.7594 and max 261.7594; no order.');
    // 300 − 261.7594 = 38.2406
    expect(head({ onHand: 300, onOrder: 0 })).toBe('SKU-1: overstock: position 300 is above max 261.7594 by 38.2406; promote or transfer.');
    const lt = planReorder({ ...seedPolicy, trigger: 'lt' }, { ...seedSku, id: 7 });
    expect(explainReorderPlan(lt)[0]).toBe('7: reorder: position 150 is below the reorder point 161.7594; order 100 units.');
    const { id: _id, ...anonymous } = seedSku;
    expect(explainReorderPlan(planReorder(seedPolicy, anonymous))[0]).toBe('Reorder: position 150 is at or below the reorder point 161.7594; order 100 units.');
  });

  it('a summary plan (no steps) is explained by its headline and levels; warnings come last', () => {
    // maxOrderQty 10 caps the lot of 100: order-up-to 161.7594 + 10; 150 + 10 = 160 stays below the reorder point.
    const batch = planReorders(seedPolicy, [{ ...seedSku, maxOrderQty: 10 }], { detail: 'summary' });
    expect(explainReorderPlan(batch.rows[0]!.result!)).toEqual([
      'SKU-1: reorder: position 150 is at or below the reorder point 161.7594; order 10 units.',
      'Safety stock 21.7594, reorder point 161.7594, order-up-to 171.7594, max 171.7594.',
      'Capped by maxOrderQty: the position after ordering, 160, stays below the reorder point 161.7594.',
    ]);
  });

  it('refuses what is not a plan', () => {
    expect(thrown(() => explainReorderPlan(null as never)).issues[0]).toMatchObject({ path: ['plan'], code: 'invalid_type' });
    expect(thrown(() => explainReorderPlan(planReorder(seedPolicy, seedSku), { locale: 42 as never })).issues[0]).toMatchObject({ path: ['options', 'locale'] });
    expect(thrown(() => explainReorderPlan(planReorder(seedPolicy, seedSku), 'de' as never)).issues[0]).toMatchObject({ path: ['options'], code: 'invalid_type' });
  });
});

// test/inventory/health.test.ts's stock: four SKUs, COGS 120,000 on an average inventory of 20,000
// over 365 days, carrying 24 % a year on a 360-day basis. By hand: value 1,000 + 2,000 + 100 + 0 =
// 3,100; turnover 120,000 / 20,000 = 6; turnover days 365 × 20,000 / 120,000 = 60.8333; slow-moving
// 'slow' (200 days of supply) and 'dead' (no demand): 2 of 4 = 50 %, 2,100 / 3,100 = 67.74 %; ages
// 12, 123, 47 days → ≤30 1,000 (32.26 %), 31–60 100 (3.23 %), 61–90 none, >90 2,000 (64.52 %);
// holding cost 20,000 × 0.24 × 365 / 360 = 4,866.6667 → 4,866.67.
const stock: InventoryHealthInput = {
  items: [
    { id: 'fast', onHand: 100, unitCost: '10.00', demandPerDay: 10, receivedOn: '2026-10-20' },
    { id: 'slow', onHand: 50, unitCost: '40.00', demandPerDay: 0.25, receivedOn: '2026-07-01' },
    { id: 'dead', onHand: 20, unitCost: '5.00', demandPerDay: 0, receivedOn: '2026-09-15' },
    { id: 'new', onHand: 0, unitCost: '7.00', demandPerDay: 0 },
  ],
  cogs: '120000',
  averageInventoryValue: '20000',
  periodDays: 365,
  asOf: '2026-11-01',
  slowMovingDays: 90,
  ageBuckets: [30, 60, 90],
  carryingRatePerYear: 0.24,
  daysPerYear: 360,
};

describe('explainInventoryHealth', () => {
  it('says the value, turnover, slow-moving share, ageing and holding cost, written by hand', () => {
    expect(explainInventoryHealth(analyzeInventoryHealth(stock))).toEqual([
      'Stock worth 3,100.00 turned over 6 times in 365 days (every 60.8333 days); 67.74 % of its value is slow-moving (2 SKUs); holding cost 4,866.67.',
      'Inventory value = Σ on hand × unit cost over 4 SKUs = 3,100.00.',
      'Turnover = COGS 120,000.00 / average inventory at cost 20,000.00 = 6 over 365 days.',
      'Turnover days = 365 days × average inventory 20,000.00 / COGS 120,000.00 = 60.8333.',
      'Slow-moving (days of supply above 90, or stock with no demand): 2 of 4 SKUs (50.00 %), 2,100.00 of 3,100.00 at cost (67.74 %).',
      '≤30 days since receipt: 1 SKU, 1,000.00 (32.26 % of the value).',
      '31–60 days since receipt: 1 SKU, 100.00 (3.23 % of the value).',
      '61–90 days since receipt: 0 SKUs, 0.00 (0.00 % of the value).',
      '>90 days since receipt: 1 SKU, 2,000.00 (64.52 % of the value).',
      'Age unknown (no receipt date): 1 SKU, 0.00.',
      'Holding cost = 20,000.00 × 24.00 % × 365 / 360 days = 4,866.666667… → 4,866.67 (half-up, 2 places).',
      '1 SKU has no receipt date: its age is unknown and left out of the buckets.',
    ]);
  });

  it('writes money at the rounding scale and groups by the locale', () => {
    const h = analyzeInventoryHealth({ ...stock, cogs: 0 }, { rounding: { scale: 0 } });
    const lines = explainInventoryHealth(h, { locale: 'de' });
    expect(lines[0]).toBe('Stock worth 3.100 turned over 0 times in 365 days (no COGS); 67,74 % of its value is slow-moving (2 SKUs); holding cost 4.867.');
    expect(lines).toContain('Turnover days: none (COGS is 0).');
    expect(lines).toContain('COGS is 0: turnover is 0 and turnover days are undefined.');
  });

  it('refuses what is not a health check', () => {
    expect(thrown(() => explainInventoryHealth({} as never)).issues[0]).toMatchObject({ path: ['health'], code: 'invalid_type' });
    expect(thrown(() => explainInventoryHealth(null as never)).issues[0]).toMatchObject({ path: ['health'], code: 'invalid_type' });
    expect(thrown(() => explainInventoryHealth({ ...analyzeInventoryHealth(stock), steps: [] })).issues[0]).toMatchObject({ path: ['health'] });
  });

  it('says plurals and numeric ids as they are', () => {
    // Two SKUs without a receipt date, ids as numbers.
    const h = analyzeInventoryHealth({ ...stock, items: [{ id: 1, onHand: 1, unitCost: 1, demandPerDay: 1 }, { id: 2, onHand: 1, unitCost: 1, demandPerDay: 0 }] });
    expect(h.items.map((l) => l.id)).toEqual([1, 2]);
    expect(explainInventoryHealth(h).at(-1)).toBe('2 SKUs have no receipt date: their age is unknown and left out of the buckets.');
    const two = planReorders(seedPolicy, [{ ...seedSku, id: 'A' }, { ...seedSku, id: 'B' }]);
    expect(two.warnings).toEqual([{ code: 'unpriced-orders', message: '2 suggested orders have no unit cost and are not in the order value' }]);
    expect(two.steps[0]!.text).toBe('2 SKUs: 0 stockout, 0 urgent, 2 reorder, 0 overstock, 0 ok; 2 orders of 200 units in all, value 0.00');
  });

  it('writes tiny statistics with 4 significant digits and keeps a final period', () => {
    // d = 0.0002/day: days of supply 150 / 0.0002 = 750,000; σ 0.00001234 → 1.234e-5
    const plan = planReorder(seedPolicy, { ...seedSku, demand: { meanPerDay: 0.0002, sdPerDay: 0.00001234 } });
    expect(explainReorderPlan(plan)).toContain('Demand given per day: mean 0.0002, σ 0.00001234.');
    expect(explainReorderPlan(plan)).toContain('Days of supply = available 150 / 0.0002 per day = 750,000.');
  });
});
