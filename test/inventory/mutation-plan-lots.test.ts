import { describe, expect, it } from 'vitest';
import { planReorder, type ReorderItem, type ReorderPolicy } from 'dealerkit';
import { ROUND_DOWN, ROUND_UP, roundPacks } from '../../src/inventory/kernel.js';

describe('roundPacks at exactly the snap tolerance', () => {
  it('1,953,125 − 2⁻⁹ packs rounds down onto 1,953,125: the distance equals 1e-9 × 1,953,125', () => {
    // 1,953,125 = 5⁹ and 1e-9 = 1 / (2⁹ × 5⁹), so 1e-9 × 5⁹ = 2⁻⁹ = 0.001953125, a double exactly;
    // 1,953,125 − 0.001953125 = 1,953,124.998046875 is a double too. The distance to the next whole
    // number is the tolerance itself, which snaps ("within 1e-9"): down gives 1,953,125, not 1,953,124.
    expect(roundPacks(1953124.998046875, ROUND_DOWN)).toBe(1953125);
    // Up, 1,953,125 + 2⁻⁹ is 2⁻⁹ = 1e-9 × 1,953,125 above its floor: it snaps to 1,953,125.
    expect(roundPacks(1953125.001953125, ROUND_UP)).toBe(1953125);
  });
});

describe('the capped-below-reorder-point warning', () => {
  const fixed: ReorderPolicy = { service: { cycle: 0.95 }, orderQuantity: { fixed: 100 } };
  // σ = 0: SS 0, ROP = 20 × 7 = 140, max = 240.
  const flat: ReorderItem = { id: 'F', demand: { meanPerDay: 20, sdPerDay: 0 }, leadTime: { days: 7 }, stock: { onHand: 80, onOrder: 0 } };

  it('a cap that leaves the position exactly at the reorder point is no warning', () => {
    // Deficit 140 − 80 = 60 < Q 100: lot 100, capped at 60; 80 + 60 = 140 = ROP: reached.
    const plan = planReorder(fixed, { ...flat, maxOrderQty: 60 });
    expect(plan.suggestedOrder).toBe(60);
    expect(plan.warnings).toEqual([]);
  });

  it('a cap that leaves it below is one', () => {
    // On hand 50: 50 + 60 = 110 < 140.
    const plan = planReorder(fixed, { ...flat, maxOrderQty: 60, stock: { onHand: 50, onOrder: 0 } });
    expect(plan.warnings).toEqual([
      { code: 'capped-below-reorder-point', message: 'capped by maxOrderQty: the position after ordering, 110, stays below the reorder point 140', path: ['item', 'maxOrderQty'] },
    ]);
  });

  it('an order snapped within the tolerance is not capped: no warning though the position is a hair below', () => {
    // Position 39.99999999: deficit 140 − 39.99999999 = 100.00000001 ≥ Q 100, whole units up: 1e-8 above
    // 100 is within 1e-9 × 100 = 1e-7, so it snaps to 100; 139.99999999 < 140 by noise, and nothing was capped.
    const plan = planReorder(fixed, { ...flat, stock: { onHand: 39.99999999, onOrder: 0 } });
    expect([plan.status, plan.suggestedOrder]).toEqual(['reorder', 100]);
    expect(plan.warnings).toEqual([]);
  });
});
