import { describe, expect, it } from 'vitest';
import { planReorder, planReordersColumnar, REORDER_STATUSES, type ReorderItem, type ReorderPolicy } from 'dealerkit';
import { thrown } from '../helpers.js';

const f = (...v: number[]) => Float64Array.from(v);
const fixed: ReorderPolicy = { service: { cycle: 0.95 }, orderQuantity: { fixed: 100 } };
// The seeds' SKU: d 20 (σ 5), L 7, on hand 150; z = Φ⁻¹(0.95) = 1.6448536, σ_L = 5√7 = 13.2287566,
// SS = 21.7593680, ROP = 140 + SS = 161.7593680, order-up-to = max = ROP + 100 = 261.7593680.
const cols = (over: Record<string, Float64Array> = {}) => ({ meanPerDay: f(20), sdPerDay: f(5), leadTimeDays: f(7), leadTimeSdDays: f(0), onHand: f(150), onOrder: f(0), ...over });
const status = (out: { status: Uint8Array }) => REORDER_STATUSES[out.status[0]!];
const Z95 = 1.6448536269514722;

describe('planReordersColumnar: every column accepts exactly 1e15 and refuses past it', () => {
  it('on hand or on order of 1e15 is a position far above max: overstock, no order', () => {
    for (const c of [{ onHand: f(1e15) }, { onOrder: f(1e15) }]) {
      const out = planReordersColumnar(fixed, cols(c));
      expect([status(out), out.suggestedOrder[0]]).toEqual(['overstock', 0]);
    }
  });

  it('backordered or committed of 1e15 leaves nothing available: stockout', () => {
    // position = 150 + 0 − 1e15 (or − 1e15 committed) < 0; raw = max(Q 100, ROP − position) ≈ 1e15 + 11.76 → whole units 1e15 + 12.
    for (const c of [{ backordered: f(1e15) }, { committed: f(1e15) }]) {
      const out = planReordersColumnar(fixed, cols(c));
      expect(status(out)).toBe('stockout');
      expect(out.suggestedOrder[0]).toBe(1e15 + 12);
    }
  });

  it('σ of daily demand or of the lead time at 1e15 gives a safety stock above the position: urgent', () => {
    // σ_L = 1e15 × √7 = 2.6457513e15; SS = 1.6448536 × that = 4.3518e15.
    const a = planReordersColumnar(fixed, cols({ sdPerDay: f(1e15) }));
    expect(status(a)).toBe('urgent');
    expect(a.safetyStock[0]! / (Z95 * Math.sqrt(7) * 1e15)).toBeCloseTo(1, 12);
    // σ = √(7 × 25 + 20² × 1e30) = 2e16 (to 1 part in 1e30); SS = 1.6448536 × 2e16.
    const b = planReordersColumnar(fixed, cols({ leadTimeSdDays: f(1e15) }));
    expect(status(b)).toBe('urgent');
    expect(b.safetyStock[0]! / (Z95 * 2e16)).toBeCloseTo(1, 12);
  });

  it('mean demand or lead time at 1e15 puts the reorder point at 7e15 or 2e16', () => {
    // d = 1e15: ROP = 7e15 + 21.76; L = 1e15: σ = 5 × √1e15 = 1.5811e8, ROP = 20 × 1e15 + 1.6448536 × 1.5811e8 = 2e16 + 2.6006e8.
    const a = planReordersColumnar(fixed, cols({ meanPerDay: f(1e15) }));
    expect(a.reorderPoint[0]! / 7e15).toBeCloseTo(1, 12);
    expect(status(a)).toBe('reorder');
    const b = planReordersColumnar(fixed, cols({ leadTimeDays: f(1e15) }));
    expect(b.reorderPoint[0]! / (2e16 + Z95 * 5 * Math.sqrt(1e15))).toBeCloseTo(1, 12);
  });

  it('a unit cost of 0 or 1e15, a MOQ, pack or maximum order of 1e15 are accepted', () => {
    for (const c of [{ unitCost: f(0) }, { unitCost: f(1e15) }]) expect(planReordersColumnar(fixed, cols(c)).suggestedOrder[0]).toBe(100);
    // The lot 100 is lifted to the MOQ 1e15; a lot of 1e15 is one pack of 1e15.
    expect(planReordersColumnar(fixed, cols({ moq: f(1e15) })).suggestedOrder[0]).toBe(1e15);
    expect(planReordersColumnar({ ...fixed, orderQuantity: { fixed: 1e15 } }, cols({ packSize: f(1e15) })).suggestedOrder[0]).toBe(1e15);
    expect(planReordersColumnar(fixed, cols({ maxOrderQty: f(1e15) })).suggestedOrder[0]).toBe(100);
    // A maximum of 1 caps the lot 100 at 1.
    expect(planReordersColumnar(fixed, cols({ maxOrderQty: f(1) })).suggestedOrder[0]).toBe(1);
  });

  it.each([
    ['meanPerDay', 2e15],
    ['sdPerDay', 2e15],
    ['sdPerDay', -1],
    ['leadTimeDays', 2e15],
    ['leadTimeSdDays', -1],
    ['leadTimeSdDays', 2e15],
    ['onHand', -1],
    ['onHand', 2e15],
    ['onOrder', 2e15],
    ['unitCost', 2e15],
    ['backordered', 2e15],
    ['committed', -1],
    ['committed', 2e15],
  ])('%s of %d is refused at its row with the bound it broke', (name, value) => {
    const e = thrown(() => planReordersColumnar(fixed, cols({ [name]: f(value) })));
    const limit = value < 0 ? '0' : '1000000000000000';
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatchObject({ path: ['columns', name, 0], code: 'out_of_range', limit, received: String(value), message: `must be a finite number ≥ 0, received ${value < 0 ? '-1' : '2000000000000000'}` });
  });

  it.each([
    ['moq', 2e15, 'must be a whole number of units ≥ 0, received 2000000000000000'],
    ['packSize', 2e15, 'must be a whole number of units ≥ 1, received 2000000000000000'],
  ])('%s of %d is refused as out of range', (name, value, message) => {
    expect(thrown(() => planReordersColumnar(fixed, cols({ [name]: f(value) }))).issues[0]).toMatchObject({ path: ['columns', name, 0], code: 'out_of_range', limit: '1000000000000000', message });
  });

  it('EOQ with a unit cost of 0 is refused: h = rate × 0 = 0', () => {
    const eoq: ReorderPolicy = { ...fixed, orderQuantity: { eoq: { orderCost: 50, holdingRatePerYear: 0.2 } } };
    const e = thrown(() => planReordersColumnar(eoq, cols({ unitCost: f(0) })));
    expect(e.issues[0]).toMatchObject({ path: ['columns', 'unitCost', 0], code: 'out_of_range', limit: '0', received: '0' });
    expect(e.message).toBe('[dealerkit] columns.unitCost[0]: must be greater than 0 for the EOQ order quantity (h = holding rate × unit cost)');
  });

  it('a MOQ the maximum order cannot meet is infeasible, with the limit', () => {
    const a = thrown(() => planReordersColumnar(fixed, cols({ moq: f(12), maxOrderQty: f(10) })));
    expect(a.code).toBe('infeasible');
    expect(a.issues[0]).toMatchObject({ path: ['columns', 'moq', 0], code: 'infeasible', limit: '10' });
    // MOQ 5 in packs of 4: 2 packs = 8 units > max 6.
    const b = thrown(() => planReordersColumnar(fixed, cols({ moq: f(5), packSize: f(4), maxOrderQty: f(6) })));
    expect(b.code).toBe('infeasible');
    expect(b.issues[0]).toMatchObject({ path: ['columns', 'moq', 0], code: 'infeasible', limit: '6' });
    // A pack of 12 above a max of 10.
    const c = thrown(() => planReordersColumnar(fixed, cols({ packSize: f(12), maxOrderQty: f(10) })));
    expect(c.code).toBe('infeasible');
    expect(c.issues[0]).toMatchObject({ path: ['columns', 'maxOrderQty', 0], code: 'infeasible', limit: '12' });
  });
});

describe('the kernel: distribution choice, urgency below the levels and implied levels', () => {
  const item: ReorderItem = { id: 'K', demand: { meanPerDay: 2, sdPerDay: 1 }, leadTime: { days: 5 }, stock: { onHand: 100, onOrder: 0 } };

  it("'auto' keeps the normal distribution at a mean of exactly 10 over the lead time", () => {
    // μ = 2 × 5 = 10, not below 10: normal. σ = 1 × √5 = 2.2360680; SS = 1.6448536 × 2.2360680 = 3.6780045;
    // ROP = 10 + 3.6780045 = 13.6780045 (Poisson would give a whole number).
    const plan = planReorder({ ...fixed, distribution: 'auto' }, item);
    expect(plan.safetyStock).toBeCloseTo(3.6780045, 6);
    expect(plan.reorderPoint).toBeCloseTo(13.6780045, 6);
  });

  it("'poisson' accepts a mean of exactly 1e7 over the lead time", () => {
    // μ = 1e6 × 10 = 1e7 = the bound. The 95 % quantile by the Cornish–Fisher expansion:
    // μ + z√μ + (z² − 1)/6 = 1e7 + 1.6448536 × 3162.2777 + 0.2843 = 10,005,201.73 → the whole quantile 10,005,202 (± 1).
    const plan = planReorder({ ...fixed, distribution: 'poisson' }, { ...item, demand: { meanPerDay: 1e6, sdPerDay: 0 }, leadTime: { days: 10 } });
    expect(Math.abs(plan.reorderPoint - 10005202)).toBeLessThanOrEqual(1);
  });

  it('orders up to max when the position is at or below the safety stock but above the manual min', () => {
    // SS = 1.6448536 × 5√7 = 21.7594; min 5, max 50; position 10: above min (no trigger) but ≤ SS → urgent,
    // order max − position = 50 − 10 = 40.
    const plan = planReorder(fixed, { id: 'U', demand: { meanPerDay: 20, sdPerDay: 5 }, leadTime: { days: 7 }, stock: { onHand: 10, onOrder: 0 }, levels: { min: 5, max: 50 } });
    expect([plan.status, plan.suggestedOrder]).toEqual(['urgent', 40]);
    // No variation: SS = 0; trigger 'lt' with min 0 and position 0: not below min, but 0 ≤ SS 0 → order up to 50.
    const zero = planReorder({ ...fixed, trigger: 'lt' }, { id: 'Z', demand: { meanPerDay: 20, sdPerDay: 0 }, leadTime: { days: 7 }, stock: { onHand: 0, onOrder: 0 }, levels: { min: 0, max: 50 } });
    expect([zero.status, zero.suggestedOrder]).toEqual(['stockout', 50]);
  });

  it('with no variation, a manual min below the lead-time demand implies 0 % service and 0 fill rate', () => {
    // σ = 0, μ = 20 × 7 = 140; min 100 < 140: every cycle runs out → CSL 0; fill 0 (Q = max − min = 100 > 0).
    const plan = planReorder(fixed, { id: 'L', demand: { meanPerDay: 20, sdPerDay: 0 }, leadTime: { days: 7 }, stock: { onHand: 500, onOrder: 0 }, levels: { min: 100, max: 200 } });
    expect([plan.impliedCycleServiceLevel, plan.impliedFillRate]).toEqual([0, 0]);
    // min 140 = μ: CSL 1, fill 1.
    const at = planReorder(fixed, { id: 'L', demand: { meanPerDay: 20, sdPerDay: 0 }, leadTime: { days: 7 }, stock: { onHand: 500, onOrder: 0 }, levels: { min: 140, max: 200 } });
    expect([at.impliedCycleServiceLevel, at.impliedFillRate]).toEqual([1, 1]);
  });

  it('min = max leaves no lot: the implied fill rate is null, normal or Poisson', () => {
    const lv = { id: 'M', demand: { meanPerDay: 2, sdPerDay: 1 }, leadTime: { days: 5 }, stock: { onHand: 100, onOrder: 0 }, levels: { min: 20, max: 20 } } satisfies ReorderItem;
    // No order-quantity rule: Q = max − min = 0.
    const noLot: ReorderPolicy = { service: { cycle: 0.95 } };
    expect(planReorder(noLot, lv).impliedFillRate).toBeNull();
    expect(planReorder({ ...noLot, distribution: 'poisson' }, lv).impliedFillRate).toBeNull();
  });
});

describe('the kernel: fill rates with no variation or no demand, Poisson at the mean, seasonal rates', () => {
  it('a fill-rate target with σ = 0 and a lot of 0 needs no safety stock (not infeasible)', () => {
    // d = 0, σ = 0: lot 0 × 10 = 0; nothing varies, so the target is met with SS 0; ROP 0, max 0 → overstock at 150.
    const plan = planReorder({ service: { fillRate: 0.99 }, orderQuantity: { daysOfCover: 10 } }, { id: 'Z', demand: { meanPerDay: 0, sdPerDay: 0 }, leadTime: { days: 7 }, stock: { onHand: 150, onOrder: 0 } });
    expect([plan.safetyStock, plan.reorderPoint, plan.max, plan.status]).toEqual([0, 0, 0, 'overstock']);
  });

  it('a Poisson fill-rate target with no demand and a lot of 0 sets r = 0 (not infeasible)', () => {
    const plan = planReorder({ service: { fillRate: 0.99 }, orderQuantity: { daysOfCover: 10 }, distribution: 'poisson' }, { id: 'Z', demand: { meanPerDay: 0, sdPerDay: 0 }, leadTime: { days: 7 }, stock: { onHand: 150, onOrder: 0 } });
    expect([plan.safetyStock, plan.reorderPoint]).toEqual([0, 0]);
  });

  it('a Poisson level exactly at the mean needs no floor step', () => {
    // μ = 2, cycle 0.6: r = 2 (P(X ≤ 1) = 3e⁻² = 0.406, P(X ≤ 2) = 5e⁻² = 0.677): not below the mean, nothing raised.
    const plan = planReorder({ ...fixed, service: { cycle: 0.6 }, distribution: 'poisson' }, { id: 'P', demand: { meanPerDay: 1, sdPerDay: 1 }, leadTime: { days: 2 }, stock: { onHand: 50, onOrder: 0 } });
    expect(plan.reorderPoint).toBe(2);
    expect((plan.steps as { code: string }[]).filter((s) => s.code === 'safety-floor')).toEqual([]);
  });

  it('seasonal indices of 2 double the rate σ_L multiplies', () => {
    // Indices all 2, L 7 (σ_L 1 day), continuous: Σ I over 7 days = 14, Σ I² = 28, rate = 20 × 14 / 7 = 40.
    // σ = √(5² × 28 + 40² × 1²) = √(700 + 1,600) = √2,300 = 47.9583; SS = 1.6448536 × 47.9583 = 78.88441;
    // ROP = 20 × 14 + SS = 358.88441.
    const plan = planReorder({ ...fixed, asOf: '2026-03-02' }, { id: 'S', demand: { meanPerDay: 20, sdPerDay: 5 }, leadTime: { days: 7, sdDays: 1 }, stock: { onHand: 150, onOrder: 0 }, seasonality: { indicesByMonth: Array(12).fill(2) } });
    expect(plan.safetyStock).toBeCloseTo(78.88441, 4);
    expect(plan.reorderPoint).toBeCloseTo(358.88441, 4);
  });
});

describe('implied levels under periodic review read the order-up-to level', () => {
  it('Poisson, R 2 + L 2: the implied cycle service is P(X ≤ S) at S = 8, not at the reorder point 6', () => {
    // μ over R + L = 1 × 4 = 4; Poisson(4) CDF: P(X ≤ 7) = 0.9489 < 0.95 ≤ P(X ≤ 8) = e⁻⁴ Σ₀⁸ 4ᵏ/k! = 0.978637 → S = 8;
    // SS = 8 − 4 = 4; reorder point μ_L + SS = 2 + 4 = 6 (P(X ≤ 6) would be 0.889326).
    const plan = planReorder({ service: { cycle: 0.95 }, reviewPeriodDays: 2, distribution: 'poisson' }, { id: 'P', demand: { meanPerDay: 1, sdPerDay: 1 }, leadTime: { days: 2 }, stock: { onHand: 50, onOrder: 0 } });
    expect([plan.orderUpTo, plan.reorderPoint, plan.safetyStock]).toEqual([8, 6, 4]);
    expect(plan.impliedCycleServiceLevel).toBeCloseTo(0.978637, 6);
  });
});
