import { describe, expect, it } from 'vitest';
import { explainReorderPlan, planReorder, type ReorderItem, type ReorderPolicy } from 'dealerkit';
import { texts } from './steps.js';

// Whole explanations of plans that take the branches the golden tests leave out: Poisson by policy,
// the Poisson floor, 'auto' choosing the normal distribution, periodic review without maxDaysOfCover,
// a stockout with stock on order, zero demand, a lot raised to reach the reorder point, later
// receipts, manual levels. Every figure is derived by hand in the comment above its test.
// Shared by hand: z = Φ⁻¹(0.95) = 1.6448536 (mpmath); G(z) = φ(z) − z·0.05 = 0.103136 − 0.082243 = 0.020893.

const normalSku: ReorderItem = { demand: { meanPerDay: 20, sdPerDay: 5 }, leadTime: { days: 7 }, stock: { onHand: 150, onOrder: 0 } };
const slowSku: ReorderItem = { demand: { meanPerDay: 0.5, sdPerDay: 0 }, leadTime: { days: 4 }, stock: { onHand: 3, onOrder: 0 } };
const cycle95: ReorderPolicy = { service: { cycle: 0.95 }, orderQuantity: { fixed: 300 } };

// σ over 7 days = 5√7 = 13.2288; SS = 1.6449 × 13.2288 = 21.7594; ROP = 140 + 21.7594 = 161.7594.
const normalHead = [
  'demand given per day: mean 20, σ 5',
  'lead time 7 days (σ 0 days)',
  'continuous review: the protection interval is the lead time, 7 days',
  'normal lead-time demand; σ over the protection interval = √(7 × 5² + 20² × 0²) = 13.2288',
  'cycle service 95.00 %: z = Φ⁻¹(0.95) = 1.6449',
  'safety stock = 1.6449 × 13.2288 = 21.7594',
  'reorder point = demand over the lead time 140 + safety stock 21.7594 = 161.7594',
];

describe('plans explained end to end (hand derivations)', () => {
  it("Poisson by policy, mean 0.5 × 4 = 2, 95 %: r = 5, SS 3; position 3 ≤ SS 3 is urgent and orders Q 10", () => {
    // P(X ≤ 4 | 2) = 7e⁻² = 0.947347 < 0.95 ≤ P(X ≤ 5 | 2) = (7 + 4/15)e⁻² = 0.983436 → r = 5 (98.34 %).
    // E[(X − 5)⁺] = (2 − 5)(1 − 0.983436) + 2·P(X = 5) = −0.049691 + 2 × 0.036089 = 0.022488;
    // implied fill rate 1 − 0.022488 / 10 = 0.997751 (99.78 %). Q 10 > deficit 5 − 3 = 2: the order quantity.
    const plan = planReorder({ service: { cycle: 0.95 }, distribution: 'poisson', orderQuantity: { fixed: 10 } }, slowSku);
    expect(texts(plan)).toEqual([
      'demand given per day: mean 0.5, σ 0',
      'lead time 4 days (σ 0 days)',
      'continuous review: the protection interval is the lead time, 4 days',
      'Poisson lead-time demand (policy), mean 2; σ_d and σ_L are not used (Poisson variance = mean)',
      'cycle service 95.00 %: smallest r with P(X ≤ r) ≥ 0.95 is 5',
      'safety stock = 5 − 2 = 3',
      'reorder point = demand over the lead time 2 + safety stock 3 = 5',
      'order quantity: fixed 10; as a lot: 10 → 10 (whole units, rounding up)',
      'order-up-to = reorder point 5 + order quantity 10 = 15',
      'max = reorder point + order quantity = 15',
      'inventory position = on hand 3 + on order 0 − backordered 0 − committed 0 = 3',
      'urgent: position 3 ≤ safety stock 3: expedite',
      'suggested order from the order quantity: 10 → 10 (whole units, rounding up)',
      'days of supply = available 3 / 0.5 per day = 6',
      'implied cycle service level 98.34 %, implied fill rate 99.78 % (1 − expected shortage / Q 10)',
    ]);
    expect(plan).toMatchObject({ safetyStock: 3, reorderPoint: 5, orderUpTo: 15, max: 15, suggestedOrder: 10, status: 'urgent', action: 'expedite', daysOfSupply: 6, excess: 0 });
    expect(plan.impliedCycleServiceLevel).toBeCloseTo(0.983436391519386, 12);
    expect(plan.impliedFillRate).toBeCloseTo(0.997751200771565, 12);
    expect(plan.warnings).toEqual([]);
    expect(explainReorderPlan(plan)[0]).toBe('Urgent: position 3 is at or below the safety stock 3; expedite, order 10 units.');
  });

  it("Poisson fill rate 50 % with Q 10: (1 − 0.5) × 10 = 5 ≥ mean 2 gives r = 0, raised to the mean by floor 'zero'", () => {
    // r = 0 < mean 2 → level 2, SS 0, ROP 2, order-up-to 12; position 30 > 12: overstock by 18.
    // Implied: P(X ≤ 2 | 2) = 5e⁻² = 0.676676; E[(X − 2)⁺] = 2 − E[min(X, 2)] = 2 − (2e⁻² + 2(1 − 3e⁻²)) = 4e⁻² = 0.541341,
    // fill rate 1 − 0.541341 / 10 = 0.945866.
    const plan = planReorder({ service: { fillRate: 0.5 }, distribution: 'poisson', orderQuantity: { fixed: 10 } }, { ...slowSku, stock: { onHand: 30, onOrder: 0 } });
    expect(texts(plan).slice(3, 9)).toEqual([
      'Poisson lead-time demand (policy), mean 2; σ_d and σ_L are not used (Poisson variance = mean)',
      'fill rate 50.00 %: smallest r with expected shortage E[(X − r)⁺] ≤ (1 − 0.5) × Q 10 is 0',
      "r = 0 is below the mean; safetyStockFloor 'zero' raises the level to the mean 2 (safety stock 0)",
      'safety stock = 2 − 2 = 0',
      'reorder point = demand over the lead time 2 + safety stock 0 = 2',
      'order quantity: fixed 10; as a lot: 10 → 10 (whole units, rounding up)',
    ]);
    expect(texts(plan).slice(11)).toEqual([
      'inventory position = on hand 30 + on order 0 − backordered 0 − committed 0 = 30',
      'overstock: position 30 > max 12 by 18: promote or transfer',
      "no order: the position 30 does not trigger the reorder point 2 (trigger 'lte')",
      'days of supply = available 30 / 0.5 per day = 60',
      'implied cycle service level 67.67 %, implied fill rate 94.59 % (1 − expected shortage / Q 10)',
    ]);
    expect(plan).toMatchObject({ safetyStock: 0, reorderPoint: 2, orderUpTo: 12, max: 12, suggestedOrder: 0, status: 'overstock', excess: 18 });
    expect(plan.impliedCycleServiceLevel).toBeCloseTo(0.676676416183063, 12);
    expect(plan.impliedFillRate).toBeCloseTo(0.945865886705355, 12);
    expect(explainReorderPlan(plan)[0]).toBe('Overstock: position 30 is above max 12 by 18; promote or transfer.');
  });

  it("'auto' takes the normal distribution at a mean of 280 ≥ 10; periodic review R = 7 without maxDaysOfCover: max = S", () => {
    // σ = √(14 × 25) = 18.7083; SS = 1.6449 × 18.7083 = 30.7724; ROP = 140 + SS = 170.7724; S = 280 + SS = 310.7724.
    // Position 400 > S: overstock by 89.2276. Q for the fill rate = d × R = 140: 1 − 18.7083 × 0.020893 / 140 = 0.997208.
    const plan = planReorder({ service: { cycle: 0.95 }, distribution: 'auto', reviewPeriodDays: 7 }, { ...normalSku, stock: { onHand: 400, onOrder: 0 } });
    expect(texts(plan)).toEqual([
      'demand given per day: mean 20, σ 5',
      'lead time 7 days (σ 0 days)',
      'periodic review every 7 days: the protection interval is R + L = 14 days (order up to S at each review)',
      'normal lead-time demand (auto: mean demand over the protection interval 280 ≥ 10); σ over the protection interval = √(14 × 5² + 20² × 0²) = 18.7083',
      'cycle service 95.00 %: z = Φ⁻¹(0.95) = 1.6449',
      'safety stock = 1.6449 × 18.7083 = 30.7724',
      'reorder point = demand over the lead time 140 + safety stock 30.7724 = 170.7724',
      'order-up-to S = demand over R + L 280 + safety stock 30.7724 = 310.7724',
      'max = the order-up-to level 310.7724',
      'inventory position = on hand 400 + on order 0 − backordered 0 − committed 0 = 400',
      'overstock: position 400 > max 310.7724 by 89.2276: promote or transfer',
      "no order: the position 400 does not trigger the reorder point 170.7724 (trigger 'lte')",
      'days of supply = available 400 / 20 per day = 20',
      'implied cycle service level 95.00 %, implied fill rate 99.72 % (1 − expected shortage / Q 140)',
    ]);
    expect(plan.orderQuantity).toBeNull();
    expect(plan.eoq).toBeNull();
    expect(plan.status).toBe('overstock');
    expect(plan.excess).toBeCloseTo(89.2276063827756, 10);
  });

  it('a stockout with 500 on order above the reorder point: no new order, expedite what is on order', () => {
    // available = 0 − 0 − 0 = 0 ≤ 0: stockout; position 0 + 500 = 500 > ROP 161.7594 and > SS: no order.
    const plan = planReorder(cycle95, { ...normalSku, stock: { onHand: 0, onOrder: 500 } });
    expect(texts(plan)).toEqual([
      ...normalHead,
      'order quantity: fixed 300; as a lot: 300 → 300 (whole units, rounding up)',
      'order-up-to = reorder point 161.7594 + order quantity 300 = 461.7594',
      'max = reorder point + order quantity = 461.7594',
      'inventory position = on hand 0 + on order 500 − backordered 0 − committed 0 = 500',
      'stockout: available on hand (on hand − committed − backordered) = 0 ≤ 0: expedite',
      'no new order: the position 500 is above the reorder point 161.7594; expedite the 500 on order',
      'days of supply = available 0 / 20 per day = 0',
      'implied cycle service level 95.00 %, implied fill rate 99.91 % (1 − expected shortage / Q 300)',
    ]);
    expect(plan).toMatchObject({ status: 'stockout', action: 'expedite', suggestedOrder: 0, inventoryPosition: 500, daysOfSupply: 0, excess: 0 });
    expect(explainReorderPlan(plan)[0]).toBe('Stockout: nothing available on hand; expedite what is on order.');
  });

  it('zero demand: a days-of-cover lot of 0 orders nothing, max 0, 5 on hand is overstock, no days of supply', () => {
    // σ = 0, SS = 0, ROP = 0; Q = 10 × 0 = 0; max = ROP + Q = 0; position 5 > 0 and not ≤ ROP: overstock by 5.
    const plan = planReorder({ service: { cycle: 0.95 }, orderQuantity: { daysOfCover: 10 } }, { demand: { meanPerDay: 0, sdPerDay: 0 }, leadTime: { days: 7 }, stock: { onHand: 5, onOrder: 0 } });
    expect(texts(plan)).toEqual([
      'demand given per day: mean 0, σ 0',
      'lead time 7 days (σ 0 days)',
      'continuous review: the protection interval is the lead time, 7 days',
      'normal lead-time demand; σ over the protection interval = √(7 × 0² + 0² × 0²) = 0',
      'no variability (σ = 0): safety stock 0',
      'reorder point = demand over the lead time 0 + safety stock 0 = 0',
      'order quantity: 10 days of cover × 0/day = 0; as a lot: 0 → 0 (nothing to order)',
      'order-up-to = reorder point 0 + order quantity 0 = 0',
      'max = reorder point + order quantity = 0',
      'inventory position = on hand 5 + on order 0 − backordered 0 − committed 0 = 5',
      'overstock: position 5 > max 0 by 5: promote or transfer',
      "no order: the position 5 does not trigger the reorder point 0 (trigger 'lte')",
      'days of supply: none (zero demand)',
      'implied cycle service level 100.00 %',
    ]);
    expect(plan).toMatchObject({ orderQuantity: 0, max: 0, excess: 5, daysOfSupply: null, impliedCycleServiceLevel: 1, impliedFillRate: null });
  });

  it('packs rounded down are raised to reach the reorder point: deficit 11.7594 → 1 pack of 6 → 12', () => {
    // Q fixed 10 → 10/6 = 1.67 packs, down → 6. Position 150 ≤ ROP 161.7594; deficit 11.7594 > Q 10 → raw 11.7594
    // → 1.96 packs, down → 6; 150 + 6 = 156 < 161.7594 → ⌈11.7594 / 6⌉ = 2 packs = 12.
    // Order-up-to = ROP + 6 = 167.7594; implied fill rate with Q 10: 1 − 13.2288 × 0.020893 / 10 = 0.972361.
    const plan = planReorder({ service: { cycle: 0.95 }, orderQuantity: { fixed: 10 }, packRounding: 'down' }, { ...normalSku, packSize: 6 });
    expect(texts(plan)).toEqual([
      ...normalHead,
      'order quantity: fixed 10; as a lot: 10 → 6 (1 packs of 6, rounding down)',
      'order-up-to = reorder point 161.7594 + order quantity 6 = 167.7594',
      'max = reorder point + order quantity = 167.7594',
      'inventory position = on hand 150 + on order 0 − backordered 0 − committed 0 = 150',
      "reorder: position 150 ≤ reorder point 161.7594 (trigger 'lte'): replenish",
      'suggested order from the reorder-point deficit 161.7594 − 150 (more than the order quantity): 11.7594 → 6 (1 packs of 6, rounding down) → 12 (raised so the position reaches the reorder point 161.7594)',
      'days of supply = available 150 / 20 per day = 7.5',
      'implied cycle service level 95.00 %, implied fill rate 97.24 % (1 − expected shortage / Q 10)',
    ]);
    expect(plan).toMatchObject({ orderQuantity: 6, suggestedOrder: 12, status: 'reorder', action: 'replenish' });
    expect(plan.impliedFillRate).toBeCloseTo(0.972361213130093, 12);
  });

  it('receipts: 40 due on day 7 count, 50 on day 8 and 60 a month later do not (2 later receipts of 110)', () => {
    const plan = planReorder(
      { ...cycle95, asOf: '2026-03-01' },
      { ...normalSku, stock: { onHand: 100, onOrder: [{ quantity: 40, due: '2026-03-08' }, { quantity: 50, due: '2026-03-09' }, { quantity: 60, due: '2026-04-01' }] } },
    );
    expect(texts(plan)[10]).toBe('inventory position = on hand 100 + on order 40 (receipts due by 2026-03-08; 2 later receipts of 110 not counted) − backordered 0 − committed 0 = 140');
    expect(plan.inventoryPosition).toBe(140);
    expect(plan.suggestedOrder).toBe(300);
  });

  it('manual levels, no variability: max is the manual max; position 20 between 10 and 40 is ok', () => {
    // Computed ROP = 1 × 7 + 0 = 7, replaced by min 10; Q for the fill rate = max − min = 30; σ = 0 and 40 ≥ 7: both 100 %.
    const plan = planReorder({ service: { cycle: 0.95 } }, { demand: { meanPerDay: 1, sdPerDay: 0 }, leadTime: { days: 7 }, stock: { onHand: 20, onOrder: 0 }, levels: { min: 10, max: 40 } });
    expect(texts(plan).slice(4)).toEqual([
      'no variability (σ = 0): safety stock 0',
      'reorder point = demand over the lead time 7 + safety stock 0 = 7',
      'manual levels replace the computed ones: reorder point (min) 10 instead of 7, order-up-to (max) 40',
      'max = the manual max 40',
      'inventory position = on hand 20 + on order 0 − backordered 0 − committed 0 = 20',
      "ok: position 20 is above the reorder point 10 (trigger 'lte') and not above max 40",
      "no order: the position 20 does not trigger the reorder point 10 (trigger 'lte')",
      'days of supply = available 20 / 1 per day = 20',
      'implied cycle service level 100.00 %, implied fill rate 100.00 % (1 − expected shortage / Q 30)',
    ]);
    expect(plan).toMatchObject({ reorderPoint: 10, min: 10, orderUpTo: 40, max: 40, status: 'ok', action: 'none', impliedCycleServiceLevel: 1, impliedFillRate: 1 });
    expect(explainReorderPlan(plan)[0]).toBe('Ok: position 20 is between the reorder point 10 and max 40; no order.');
  });
});
