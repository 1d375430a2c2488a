import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planReorder, planReorders, planReordersColumnar, REORDER_STATUSES, type ReorderItem, type ReorderPolicy, type ReorderStep } from 'dealerkit';
import { lotCap, lotMoqMultiple, lotOf, lotRaiseToMoq, lotReachReorderPoint, lotToPacks } from '../../src/inventory/kernel.js';

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
      packRounding: r.rounding as 'up' | 'down' | 'nearest',
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
        const out = planReordersColumnar(policy, columnsOf(items));
        items.forEach((it, i) => {
          const plan = planReorder(policy, it);
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
        const low = planReorder({ ...policy, service: svc(lo) }, it);
        const high = planReorder({ ...policy, service: svc(hi) }, it);
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
        const a = planReorder(policy, it);
        const b = planReorder(policy, longer);
        expect(b.reorderPoint).toBeGreaterThanOrEqual(a.reorderPoint - 1e-9 * Math.max(1, Math.abs(a.reorderPoint)));
      }),
      { numRuns: 300 },
    );
  });

  it('the suggested order never leaves the position below the reorder point unless capped, and then says so', () => {
    fc.assert(
      fc.property(itemArb, policyArb, (it, policy) => {
        const plan = planReorder(policy, it);
        expect(Number.isInteger(plan.suggestedOrder)).toBe(true);
        const order = plan.steps.find((s): s is Extract<ReorderStep, { code: 'suggested-order' }> => s.code === 'suggested-order')!;
        if (plan.suggestedOrder === 0 && order.raw === 0) return;
        const after = plan.inventoryPosition + plan.suggestedOrder;
        if (after < plan.reorderPoint - 1e-6 * Math.max(1, Math.abs(plan.reorderPoint))) {
          expect(order.lot!.capped).not.toBeNull();
          expect(plan.warnings.some((w) => w.code === 'capped-below-reorder-point')).toBe(true);
        }
        // whole packs
        expect(plan.suggestedOrder % (it.packSize ?? 1)).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it("detail 'summary' gives the same figures as 'full', without the steps", () => {
    fc.assert(
      fc.property(fc.array(itemArb, { minLength: 1, maxLength: 6 }), policyArb, (items, policy) => {
        const full = planReorders(policy, items);
        const summary = planReorders(policy, items, { detail: 'summary' });
        summary.rows.forEach((r, i) => expect({ ...r.result!, steps: full.rows[i]!.result!.steps }).toEqual(full.rows[i]!.result));
        expect(summary.totals).toEqual(full.totals);
      }),
      { numRuns: 100 },
    );
  });

  it('no NaN or Infinity comes out, whatever the inputs within their bounds (extremes included)', () => {
    const extreme = fc.constantFrom(0, 5e-324, 1e-300, 1e-9, 1, 1e9, 1e15);
    fc.assert(
      fc.property(extreme, extreme, extreme, extreme, extreme, extreme, policyArb, (d, sd, L, sdL, hand, unitCost, policy) => {
        const item: ReorderItem = { demand: { meanPerDay: d, sdPerDay: sd }, leadTime: { days: L, sdDays: sdL }, stock: { onHand: hand, onOrder: 0 }, unitCost };
        let plan;
        try {
          plan = planReorder(policy, item);
        } catch (e) {
          expect((e as Error).name).toBe('DealerkitError');
          expect((e as { code: string }).code).not.toBe('internal');
          return;
        }
        const figures = [plan.safetyStock, plan.reorderPoint, plan.orderUpTo, plan.max, plan.inventoryPosition, plan.suggestedOrder, plan.excess, plan.impliedCycleServiceLevel];
        for (const x of figures) expect(Number.isFinite(x)).toBe(true);
        for (const x of [plan.eoq, plan.orderQuantity, plan.daysOfSupply, plan.impliedFillRate]) if (x !== null) expect(Number.isFinite(x)).toBe(true);
        const walk = (v: unknown): void => {
          if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
          else if (typeof v === 'object' && v !== null && !('toFixed' in v)) Object.values(v).forEach(walk);
        };
        walk(plan.steps);
        for (const step of plan.steps) expect(step.text).not.toMatch(/NaN|Infinity|n\/a/);
      }),
      { numRuns: 400 },
    );
  });

  it('the lot stages the explanation reports compose to the hot path lotOf exactly', () => {
    const flags = new Float64Array(1);
    fc.assert(
      fc.property(
        num(0, 5000),
        units(0, 60),
        units(1, 24),
        fc.option(units(1, 600), { nil: undefined }),
        fc.constantFrom(0, 1, 2),
        fc.oneof(fc.constant(Number.POSITIVE_INFINITY), num(-100, 3000)),
        num(-50, 3000),
        (raw, moq, pack, max, mode, position, rop) => {
          const maxQ = max ?? Number.POSITIVE_INFINITY;
          const q = lotOf(raw, moq, pack, maxQ, mode, position, rop, flags, 0);
          if (!(raw > 0)) {
            expect(q).toBe(0);
            return;
          }
          const reached = lotReachReorderPoint(lotMoqMultiple(lotToPacks(lotRaiseToMoq(raw, moq), pack, mode), moq, pack), pack, position, rop);
          const cap = lotCap(pack, maxQ);
          expect(reached > cap ? cap : reached).toBe(q);
          expect(flags[0]).toBe(reached > cap ? 1 : 0);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
