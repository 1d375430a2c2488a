import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planReorder, planReordersColumnar, REORDER_STATUSES, type ReorderItem, type ReorderPolicy } from 'dealerkit';

// Laws of issue 8: service level and lead time are monotone, the suggestion never leaves the
// position below the reorder point unless capped (and then says so), and the columnar path agrees
// exactly (Object.is on every figure) with the object path.

const num = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const units = (min: number, max: number) => fc.integer({ min, max });

const itemArb = fc
  .record({
    d: num(0.01, 300),
    // Standard deviations are 0 or at least 1e-3: subnormal σ (1e-162 squared underflows) is not a planning input.
    sd: fc.oneof(fc.constant(0), num(1e-3, 60)),
    L: num(0, 60),
    sdL: fc.oneof(fc.constant(0), num(1e-3, 10)),
    onHand: units(0, 6000),
    onOrder: units(0, 3000),
    backordered: units(0, 50),
    committed: units(0, 50),
    moq: units(0, 60),
    pack: units(1, 24),
    maxExtra: fc.option(units(0, 500), { nil: undefined }),
    unitCost: num(0.5, 500),
  })
  .map((r) => {
    const least = Math.ceil(r.moq / r.pack) * r.pack;
    const maxOrderQty = r.maxExtra === undefined ? undefined : Math.max(least, r.pack) + r.maxExtra;
    const it: ReorderItem = {
      demand: { meanPerDay: r.d, sdPerDay: r.sd },
      leadTime: { days: r.L, sdDays: r.sdL },
      stock: { onHand: r.onHand, onOrder: r.onOrder, backordered: r.backordered, committed: r.committed },
      unitCost: r.unitCost,
      moq: r.moq,
      packSize: r.pack,
      ...(maxOrderQty === undefined ? {} : { maxOrderQty }),
    };
    return it;
  });

const policyArb = fc
  .record({
    fill: fc.boolean(),
    level: num(0.05, 0.999),
    review: fc.option(num(1, 30), { nil: undefined }),
    distribution: fc.constantFrom('normal', 'poisson', 'auto'),
    lot: fc.constantFrom('fixed', 'eoq', 'days'),
    fixed: num(1, 800),
    days: num(1, 60),
    rounding: fc.constantFrom('up', 'down', 'nearest'),
    trigger: fc.constantFrom('lte', 'lt'),
    floor: fc.constantFrom('zero', 'none'),
    maxDays: fc.option(num(1, 120), { nil: undefined }),
  })
  .map((r) => {
    const p: ReorderPolicy = {
      service: r.fill ? { fillRate: r.level } : { cycle: r.level },
      distribution: r.distribution as 'normal' | 'poisson' | 'auto',
      orderQuantity:
        r.lot === 'fixed' ? { fixed: r.fixed } : r.lot === 'eoq' ? { eoq: { orderCost: 25, holdingRatePerYear: 0.2 } } : { daysOfCover: r.days },
      rounding: r.rounding as 'up' | 'down' | 'nearest',
      trigger: r.trigger as 'lte' | 'lt',
      safetyStockFloor: r.floor as 'zero' | 'none',
      ...(r.review === undefined ? {} : { reviewPeriodDays: r.review }),
      ...(r.maxDays === undefined ? {} : { maxDaysOfCover: r.maxDays }),
    };
    return p;
  });

function columnsOf(items: ReorderItem[]) {
  const f = (g: (it: ReorderItem) => number) => Float64Array.from(items, g);
  const s = (it: ReorderItem) => it.stock;
  return {
    meanPerDay: f((it) => (it.demand as { meanPerDay: number }).meanPerDay),
    sdPerDay: f((it) => (it.demand as { sdPerDay: number }).sdPerDay),
    leadTimeDays: f((it) => it.leadTime.days),
    leadTimeSdDays: f((it) => it.leadTime.sdDays ?? 0),
    onHand: f((it) => s(it).onHand),
    onOrder: f((it) => s(it).onOrder as number),
    backordered: f((it) => s(it).backordered ?? 0),
    committed: f((it) => s(it).committed ?? 0),
    unitCost: f((it) => it.unitCost as number),
    moq: f((it) => it.moq ?? 0),
    packSize: f((it) => it.packSize ?? 1),
    maxOrderQty: f((it) => it.maxOrderQty ?? Number.POSITIVE_INFINITY),
  };
}

describe('inventory laws (fast-check)', () => {
  it('the columnar path agrees exactly with planReorder on every SKU', () => {
    fc.assert(
      fc.property(fc.array(itemArb, { minLength: 1, maxLength: 12 }), policyArb, (items, policy) => {
        const out = planReordersColumnar(columnsOf(items), policy);
        items.forEach((it, i) => {
          const plan = planReorder(it, policy);
          expect(Object.is(out.safetyStock[i], plan.safetyStock)).toBe(true);
          expect(Object.is(out.reorderPoint[i], plan.reorderPoint)).toBe(true);
          expect(Object.is(out.orderUpTo[i], plan.orderUpTo)).toBe(true);
          expect(Object.is(out.max[i], plan.max)).toBe(true);
          expect(out.suggestedOrder[i]).toBe(plan.suggestedOrder);
          expect(REORDER_STATUSES[out.status[i]!]).toBe(plan.status);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('a higher service level never lowers the safety stock (normal and Poisson, cycle and fill rate)', () => {
    fc.assert(
      fc.property(itemArb, policyArb, num(0.05, 0.99), num(0.05, 0.99), (it, policy, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const svc = (x: number) => ('fillRate' in policy.service ? { fillRate: x } : { cycle: x });
        const low = planReorder(it, { ...policy, service: svc(lo) });
        const high = planReorder(it, { ...policy, service: svc(hi) });
        expect(high.safetyStock).toBeGreaterThanOrEqual(low.safetyStock - 1e-9 * Math.max(1, Math.abs(low.safetyStock)));
      }),
      { numRuns: 300 },
    );
  });

  // Two documented exceptions are excluded: 'auto' switches model at 10 units (a Poisson level can
  // exceed the normal one just past the switch), and under safetyStockFloor 'none' a negative k
  // makes kσ fall faster than d·L rises for small σ (and σ = 0 gives SS = 0, not the limit −(1 − β)Q).
  it('a longer lead time never lowers the reorder point (fixed distribution, zero floor)', () => {
    fc.assert(
      fc.property(itemArb, policyArb, num(0, 30), (it, policy0, extra) => {
        const policy: ReorderPolicy = { ...policy0, distribution: policy0.distribution === 'auto' ? 'normal' : policy0.distribution! };
        policy.safetyStockFloor = 'zero';
        const longer: ReorderItem = { ...it, leadTime: { ...it.leadTime, days: it.leadTime.days + extra } };
        const a = planReorder(it, policy);
        const b = planReorder(longer, policy);
        expect(b.reorderPoint).toBeGreaterThanOrEqual(a.reorderPoint - 1e-9 * Math.max(1, Math.abs(a.reorderPoint)));
      }),
      { numRuns: 300 },
    );
  });

  it('the suggested order never leaves the position below the reorder point unless capped, and then says so', () => {
    fc.assert(
      fc.property(itemArb, policyArb, (it, policy) => {
        const plan = planReorder(it, policy);
        expect(Number.isInteger(plan.suggestedOrder)).toBe(true);
        if (plan.suggestedOrder === 0 && plan.breakdown.suggestedOrderRaw === 0) return;
        const after = plan.inventoryPosition + plan.suggestedOrder;
        if (after < plan.reorderPoint - 1e-6 * Math.max(1, Math.abs(plan.reorderPoint))) {
          expect(plan.breakdown.capped).toBe(true);
          expect(plan.reasons.some((r) => r.startsWith('capped by maxOrderQty: the position after ordering'))).toBe(true);
        }
        // whole packs
        expect(plan.suggestedOrder % (it.packSize ?? 1)).toBe(0);
      }),
      { numRuns: 500 },
    );
  });
});
