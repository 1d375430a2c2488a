import { describe, expect, it } from 'vitest';
import { planReorder, type ReorderItem, type ReorderPolicy } from 'dealerkit';
import { thrown } from '../helpers.js';

const fixed: ReorderPolicy = { service: { cycle: 0.95 }, orderQuantity: { fixed: 100 } };
const sku: ReorderItem = { id: 'B', demand: { meanPerDay: 20, sdPerDay: 5 }, leadTime: { days: 7 }, stock: { onHand: 150, onOrder: 0 } };
const flatYear = { indicesByMonth: Array(12).fill(1) };

describe('planReorder: bounds and edge figures', () => {
  it('seasonality accepts a protection interval of exactly 36,500 days and refuses 36,501', () => {
    // Flat indices: every day weighs 1. σ = 5 × √36,500 = 955.2486; SS = 1.6448536 × 955.2486 = 1,571.2440;
    // ROP = 20 × 36,500 + SS = 731,571.2440.
    const plan = planReorder({ ...fixed, asOf: '2026-01-01' }, { ...sku, leadTime: { days: 36500 }, seasonality: flatYear });
    expect(plan.reorderPoint).toBeCloseTo(731571.244, 2);
    const e = thrown(() => planReorder({ ...fixed, asOf: '2026-01-01' }, { ...sku, leadTime: { days: 36501 }, seasonality: flatYear }));
    expect(e.issues[0]).toMatchObject({ path: ['item', 'leadTime', 'days'], code: 'out_of_range', limit: '36500', message: 'with seasonality, the protection interval must be at most 36500 days' });
  });

  it('seasonality with a lead time of 0 plans nothing over the window', () => {
    // L = 0, continuous: the window is empty; σ = 0 (sdDays 0) → SS 0, ROP 0; max = ROP + lot = 100.
    const plan = planReorder({ ...fixed, asOf: '2026-01-01' }, { ...sku, leadTime: { days: 0 }, seasonality: flatYear });
    expect([plan.safetyStock, plan.reorderPoint, plan.max, plan.status]).toEqual([0, 0, 100, 'overstock']);
  });

  it('a history so small that days of supply overflow is refused at the history', () => {
    // Two periods of 1e-320 a day: 150 / 1e-320 = Infinity.
    const e = thrown(() => planReorder(fixed, { ...sku, demand: { history: [1e-320, 1e-320], periodDays: 1 } }));
    expect(e.issues[0]).toMatchObject({ path: ['item', 'demand', 'history'], code: 'out_of_range' });
  });

  it('a fill-rate target with a lot of 0 is infeasible, code and issue code', () => {
    const e = thrown(() => planReorder({ service: { fillRate: 0.99 }, orderQuantity: { daysOfCover: 10 } }, { ...sku, demand: { meanPerDay: 0, sdPerDay: 5 } }));
    expect(e.code).toBe('infeasible');
    expect(e.issues[0]).toMatchObject({ path: ['policy', 'service'], code: 'infeasible' });
  });
});

describe('planReorder: warnings at their boundaries', () => {
  it('a Poisson level exactly at the mean is no negative safety stock', () => {
    // μ = 1 × 2 = 2; Poisson(2): P(X ≤ 1) = 3e⁻² = 0.406 < 0.6 ≤ P(X ≤ 2) = 5e⁻² = 0.677 → r = 2 = μ, SS 0.
    const plan = planReorder({ ...fixed, service: { cycle: 0.6 }, distribution: 'poisson', safetyStockFloor: 'none' }, { ...sku, demand: { meanPerDay: 1, sdPerDay: 1 }, leadTime: { days: 2 } });
    expect([plan.reorderPoint, plan.safetyStock]).toEqual([2, 0]);
    expect(plan.warnings).toEqual([]);
  });

  it("k = 0 under 'none' is no negative safety stock", () => {
    const plan = planReorder({ ...fixed, service: { cycle: 0.5 }, safetyStockFloor: 'none' }, sku);
    expect(plan.warnings).toEqual([]);
  });

  it('a max equal to the reorder point is no warning; one below it is', () => {
    // σ = 0: ROP = 140; maxDaysOfCover 7 → max = 20 × 7 = 140; 6 → 120 < 140.
    const flat = { ...sku, demand: { meanPerDay: 20, sdPerDay: 0 } };
    expect(planReorder({ ...fixed, maxDaysOfCover: 7 }, flat).warnings).toEqual([]);
    expect(planReorder({ ...fixed, maxDaysOfCover: 6 }, flat).warnings).toEqual([
      { code: 'max-below-reorder-point', message: 'max 120 is below the reorder point 140: check maxDaysOfCover', path: ['policy', 'maxDaysOfCover'] },
    ]);
  });
});
