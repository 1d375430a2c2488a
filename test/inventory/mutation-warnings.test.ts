import { describe, expect, it } from 'vitest';
import { planReorder, type ReorderItem } from 'dealerkit';
import { texts } from './steps.js';

// The negative-safety-stock warning under safetyStockFloor 'none': its figures, its path (the policy,
// or the item's override) and when it is not given (σ = 0). Hand derivations beside each case.
const it1: ReorderItem = { demand: { meanPerDay: 10, sdPerDay: 1 }, leadTime: { days: 1 }, stock: { onHand: 100, onOrder: 0 } };
const base: ReorderItem = { demand: { meanPerDay: 20, sdPerDay: 5 }, leadTime: { days: 7 }, stock: { onHand: 150, onOrder: 0 } };
const warning = (k: string, ss: string, path: (string | number)[]) => ({
  code: 'negative-safety-stock',
  message: `the safety factor k = ${k} is negative and safetyStockFloor is 'none': the safety stock is ${ss}`,
  path,
});

describe('negative safety stock', () => {
  it('fill rate 50 % with Q 100 and σ 1: G(k) = 50 → k = −50, SS −50, ROP 10 − 50 = −40; named at the policy', () => {
    const plan = planReorder({ service: { fillRate: 0.5 }, orderQuantity: { fixed: 100 }, safetyStockFloor: 'none' }, it1);
    expect(plan.warnings).toEqual([warning('-50', '-50', ['policy', 'safetyStockFloor'])]);
    expect(texts(plan).slice(4, 7)).toEqual([
      'fill rate 50.00 %: G(k) = (1 − 0.5) × Q 100 / σ 1 = 50 → k = -50',
      "k = -50 is negative and safetyStockFloor is 'none': the safety stock is negative",
      'safety stock = -50 × 1 = -50',
    ]);
  });

  it("the same floor set by the item's override is named under the item", () => {
    const plan = planReorder({ service: { fillRate: 0.5 }, orderQuantity: { fixed: 100 } }, { ...it1, policy: { safetyStockFloor: 'none' } });
    expect(plan.warnings).toEqual([warning('-50', '-50', ['item', 'policy', 'safetyStockFloor'])]);
    expect(plan.safetyStock).toBe(-50);
  });

  it('Poisson, fill rate 50 %, Q 10, mean 2: r = 0 stays below the mean, SS 0 − 2 = −2, ROP 0', () => {
    const plan = planReorder(
      { service: { fillRate: 0.5 }, distribution: 'poisson', orderQuantity: { fixed: 10 }, safetyStockFloor: 'none' },
      { demand: { meanPerDay: 0.5, sdPerDay: 0 }, leadTime: { days: 4 }, stock: { onHand: 30, onOrder: 0 } },
    );
    expect(plan.warnings).toEqual([warning('-2', '-2', ['policy', 'safetyStockFloor'])]);
    expect([plan.safetyStock, plan.reorderPoint]).toEqual([-2, 0]);
    expect(texts(plan)).toContain('safety stock = 0 − 2 = -2');
  });

  it('cycle service 30 %: z = Φ⁻¹(0.3) = −0.524401 (mpmath), SS = −0.524401 × 5√7 = −6.937167', () => {
    const plan = planReorder({ service: { cycle: 0.3 }, orderQuantity: { fixed: 300 }, safetyStockFloor: 'none' }, base);
    expect(plan.warnings).toEqual([warning('-0.5244', '-6.9372', ['policy', 'safetyStockFloor'])]);
    expect(plan.safetyStock).toBeCloseTo(-6.93716672010121, 12);
    expect(plan.reorderPoint).toBeCloseTo(133.062833279899, 11);
  });

  it('no variability: a negative z has nothing to scale, so no warning and SS 0', () => {
    const plan = planReorder({ service: { cycle: 0.3 }, orderQuantity: { fixed: 300 }, safetyStockFloor: 'none' }, { ...base, demand: { meanPerDay: 20, sdPerDay: 0 } });
    expect(plan.warnings).toEqual([]);
    expect([plan.safetyStock, plan.reorderPoint]).toEqual([0, 140]);
  });
});

describe('statuses exactly at their bounds (σ = 0: SS 0, ROP 10 × 2 = 20, max = ROP + Q 30 = 50)', () => {
  it.each([
    [20, 'reorder', 0, 30, "reorder: position 20 ≤ reorder point 20 (trigger 'lte'): replenish"],
    [21, 'ok', 0, 0, "ok: position 21 is above the reorder point 20 (trigger 'lte') and not above max 50"],
    [50, 'ok', 0, 0, "ok: position 50 is above the reorder point 20 (trigger 'lte') and not above max 50"],
    [51, 'overstock', 1, 0, 'overstock: position 51 > max 50 by 1: promote or transfer'],
  ])('on hand %d', (onHand, status, excess, order, text) => {
    const plan = planReorder({ service: { cycle: 0.95 }, orderQuantity: { fixed: 30 } }, { demand: { meanPerDay: 10, sdPerDay: 0 }, leadTime: { days: 2 }, stock: { onHand, onOrder: 0 } });
    expect([plan.status, plan.excess, plan.suggestedOrder]).toEqual([status, excess, order]);
    expect(texts(plan)).toContain(text);
  });

  it('Poisson SS 3 (r = 5, mean 2): position 4, one above the SS, is a reorder, not urgent', () => {
    const plan = planReorder(
      { service: { cycle: 0.95 }, distribution: 'poisson', orderQuantity: { fixed: 10 } },
      { demand: { meanPerDay: 0.5, sdPerDay: 0 }, leadTime: { days: 4 }, stock: { onHand: 4, onOrder: 0 } },
    );
    expect([plan.status, plan.action, plan.suggestedOrder]).toEqual(['reorder', 'replenish', 10]);
    expect(texts(plan)).toContain("reorder: position 4 ≤ reorder point 5 (trigger 'lte'): replenish");
  });
});
