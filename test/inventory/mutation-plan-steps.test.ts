import { describe, expect, it } from 'vitest';
import { planReorder, type ReorderItem, type ReorderPolicy } from 'dealerkit';

// The seeds' SKU: d 20 (σ 5), L 7, on hand 150. z = Φ⁻¹(0.95) = 1.6448536, σ_L = 5√7 = 13.2287566.
const fixed: ReorderPolicy = { service: { cycle: 0.95 }, orderQuantity: { fixed: 100 } };
const sku: ReorderItem = { id: 'SKU-1', demand: { meanPerDay: 20, sdPerDay: 5 }, leadTime: { days: 7 }, stock: { onHand: 150, onOrder: 0 } };
type Step = { code: string; text: string } & Record<string, unknown>;
const step = (plan: { steps: unknown[] }, code: string) => (plan.steps as Step[]).find((s) => s.code === code)!;
const stepsOf = (plan: { steps: unknown[] }, code: string) => (plan.steps as Step[]).filter((s) => s.code === code);

describe('plan steps: lot stages', () => {
  it('a lot of 0 (no demand, 10 days of cover) is not raised to the MOQ in the order-quantity step', () => {
    // Q = 0 × 10 = 0: the lot stages stop at once (0 packs, nothing raised), whatever the MOQ 5.
    const plan = planReorder({ ...fixed, orderQuantity: { daysOfCover: 10 } }, { ...sku, demand: { meanPerDay: 0, sdPerDay: 5 }, moq: 5 });
    expect(step(plan, 'order-quantity').lot).toEqual({
      raw: 0, moq: 5, packSize: 1, packRounding: 'up', maxOrderQty: null, reorderPoint: null,
      raisedToMoq: null, packs: 0, rounded: 0, moqMultiple: null, reorderPointMultiple: null, capped: null, quantity: 0,
    });
  });

  it('a lot equal to maxOrderQty is not capped', () => {
    const plan = planReorder(fixed, { ...sku, maxOrderQty: 100 });
    expect(step(plan, 'order-quantity').lot).toMatchObject({ maxOrderQty: 100, capped: null, quantity: 100 });
    expect(step(plan, 'suggested-order').lot).toMatchObject({ capped: null, quantity: 100 });
  });

  it('without maxOrderQty the lot says null, and a fixed rule has no EOQ figures', () => {
    const plan = planReorder(fixed, sku);
    expect(step(plan, 'order-quantity')).toMatchObject({ rule: 'fixed', fixed: 100, daysPerYear: null, demandPerYear: null, orderCost: null, holdingRatePerYear: null, unitCost: null, holdingCostPerUnitPerYear: null });
    expect((step(plan, 'order-quantity').lot as { maxOrderQty: unknown }).maxOrderQty).toBeNull();
    // max = ROP + lot: no days-of-cover figures.
    expect(step(plan, 'max')).toMatchObject({ rule: 'reorder-point-plus-lot', demandPerDay: null, maxDaysOfCover: null });
  });

  it("the EOQ rule is named 'eoq' with its figures", () => {
    // K 50, D 365 × 20 = 7,300, h 0.25 × 4 = 1: EOQ = √(2 × 50 × 7,300 / 1) = √730,000 = 854.4004.
    const plan = planReorder({ ...fixed, orderQuantity: { eoq: { orderCost: 50, holdingRatePerYear: 0.25 } } }, { ...sku, unitCost: 4 });
    const s = step(plan, 'order-quantity');
    expect(s).toMatchObject({ rule: 'eoq', fixed: null, daysPerYear: 365, demandPerYear: 7300 });
    expect(s.quantity as number).toBeCloseTo(854.400375, 5);
  });
});

describe('plan steps: safety factor and floors', () => {
  it('a fill-rate target reports the loss (1 − β) Q / σ', () => {
    // (1 − 0.99) × 100 / 13.2287566 = 0.0755929.
    const plan = planReorder({ ...fixed, service: { fillRate: 0.99 } }, sku);
    expect(step(plan, 'safety-factor').loss as number).toBeCloseTo(0.0755929, 6);
  });

  it("a cycle level below 0.5 is clamped to k = 0 ('zero') or kept negative ('none'), under the normal distribution", () => {
    // z = Φ⁻¹(0.4) = −0.2533471.
    const zero = planReorder({ ...fixed, service: { cycle: 0.4 } }, sku);
    const fz = step(zero, 'safety-floor');
    expect(fz).toMatchObject({ floor: 'zero', distribution: 'normal', used: 0 });
    expect(fz.unclamped as number).toBeCloseTo(-0.2533471, 6);
    expect(fz.text).toBe("k = -0.2533 is negative; safetyStockFloor 'zero' clamps it to 0 (implied cycle service level 0.5)");
    const none = planReorder({ ...fixed, service: { cycle: 0.4 }, safetyStockFloor: 'none' }, sku);
    const fn = step(none, 'safety-floor');
    expect(fn).toMatchObject({ floor: 'none', distribution: 'normal' });
    expect(fn.used as number).toBeCloseTo(-0.2533471, 6);
  });

  it("a cycle level of 0.5 (k = 0) needs no floor step, even with 'none'", () => {
    const plan = planReorder({ ...fixed, service: { cycle: 0.5 }, safetyStockFloor: 'none' }, sku);
    expect(stepsOf(plan, 'safety-floor')).toEqual([]);
    expect(plan.safetyStock).toBe(0);
    // Φ⁻¹(0.5) = 0 is not negative: nothing to clamp under the default floor either.
    const zero = planReorder({ ...fixed, service: { cycle: 0.5 } }, sku);
    expect(stepsOf(zero, 'safety-floor')).toEqual([]);
    expect(step(zero, 'safety-factor').safetyFactor).toBe(0);
  });
});

describe('plan steps: levels', () => {
  it('Poisson demand with manual levels reports the computed level μ + SS', () => {
    // μ = 1 × 2 = 2. Poisson(2) CDF: P(X ≤ 4) = e⁻²(1 + 2 + 2 + 4/3 + 2/3) = 7e⁻² = 0.9473 ≥ 0.95? no;
    // P(X ≤ 5) = 0.9473 + e⁻² × 32/120 = 0.9834 ≥ 0.95 → r = 5; SS = 5 − 2 = 3; μ + SS = 5.
    const plan = planReorder({ ...fixed, distribution: 'poisson' }, { id: 'P', demand: { meanPerDay: 1, sdPerDay: 1 }, leadTime: { days: 2 }, stock: { onHand: 50, onOrder: 0 }, levels: { min: 10, max: 40 } });
    expect(step(plan, 'safety-stock')).toMatchObject({ method: 'poisson', reorderLevel: 5, mean: 2, safetyStock: 3 });
  });

  it('periodic review with manual levels reports the computed reorder point μ_L + SS', () => {
    // R 7, L 7: σ = 5√14 = 18.7082869; SS = 1.6448536 × 18.7082869 = 30.7723936; μ_L = 140 → 170.7723936.
    const plan = planReorder({ service: { cycle: 0.95 }, reviewPeriodDays: 7 }, { ...sku, levels: { min: 100, max: 300 } });
    expect(step(plan, 'reorder-point').reorderPoint as number).toBeCloseTo(170.7723936, 6);
    expect(step(plan, 'manual-levels').computedReorderPoint as number).toBeCloseTo(170.7723936, 6);
  });
});

describe('plan steps: the suggested order', () => {
  it('a deficit equal to the lot is ordered from the deficit', () => {
    // σ = 0: ROP = 140; position 40 → deficit 140 − 40 = 100 = Q: not more than the deficit.
    const plan = planReorder(fixed, { ...sku, demand: { meanPerDay: 20, sdPerDay: 0 }, stock: { onHand: 40, onOrder: 0 } });
    expect(step(plan, 'suggested-order')).toMatchObject({ from: 'deficit', raw: 100, suggestedOrder: 100 });
  });

  it('a priced SKU with no order has no order-value step', () => {
    // Position 500 > max 261.7594: overstock, no order.
    const plan = planReorder(fixed, { ...sku, unitCost: '12.50', stock: { onHand: 500, onOrder: 0 } });
    expect(plan.status).toBe('overstock');
    expect(stepsOf(plan, 'order-value')).toEqual([]);
  });
});
