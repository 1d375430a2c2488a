import { describe, expect, it } from 'vitest';
import { planReorder, type ReorderItem, type ReorderPolicy } from 'dealerkit';
import { thrown } from '../helpers.js';

const policy: ReorderPolicy = { service: { cycle: 0.95 }, orderQuantity: { fixed: 100 } };
const item: ReorderItem = { id: 'S', demand: { meanPerDay: 20, sdPerDay: 5 }, leadTime: { days: 7 }, stock: { onHand: 150, onOrder: 0 } };
const issuesOf = (pol: unknown, it: unknown) => thrown(() => planReorder(pol as ReorderPolicy, it as ReorderItem)).issues;

describe('the reorder schemas: each refusal with its exact message, code and expectation', () => {
  it.each([
    ['moq', 2.5],
    ['packSize', 1.5],
    ['maxOrderQty', 7.25],
  ])('%s of %d is not a whole number of units', (field, value) => {
    expect(issuesOf(policy, { ...item, [field]: value })).toEqual([
      { path: ['item', field], code: 'not_an_integer', message: `must be a whole number of units, received ${value}`, expected: 'a whole number', received: String(value) },
    ]);
  });

  it('a cycle level of 95 is a percentage typed as a whole number', () => {
    const e = thrown(() => planReorder({ ...policy, service: { cycle: 95 } }, item));
    expect(e.code).toBe('out_of_range');
    expect(e.issues).toEqual([
      {
        path: ['policy', 'service', 'cycle'],
        code: 'percent_as_whole_number',
        message: 'must be strictly between 0 and 1, received 95: write 0.95 for 95 %',
        expected: 'strictly between 0 and 1',
        received: '95',
        limit: '1',
      },
    ]);
  });

  it.each([1, 0, 100])('a fill rate of %d is out of range', (v) => {
    const e = thrown(() => planReorder({ ...policy, service: { fillRate: v } }, item));
    expect(e.code).toBe('out_of_range');
    expect(e.issues).toEqual([
      {
        path: ['policy', 'service', 'fillRate'],
        code: 'out_of_range',
        message: `must be strictly between 0 and 1 (a service level of 1 needs infinite stock), received ${v}`,
        expected: 'strictly between 0 and 1',
        received: String(v),
      },
    ]);
  });

  it('a holding rate of 0 is out of range: h = rate × unit cost must be above 0', () => {
    const e = thrown(() => planReorder({ ...policy, orderQuantity: { eoq: { orderCost: 8, holdingRatePerYear: 0 } } }, { ...item, unitCost: 1 }));
    expect(e.code).toBe('out_of_range');
    expect(e.issues).toEqual([
      {
        path: ['policy', 'orderQuantity', 'eoq', 'holdingRatePerYear'],
        code: 'out_of_range',
        message: 'must be greater than 0 (h = holding rate × unit cost), received 0',
        expected: 'above 0',
        received: '0',
        limit: '0',
      },
    ]);
  });

  it('an order cost above 1e15 is out of range; 1e15 itself is accepted', () => {
    const e = thrown(() => planReorder({ ...policy, orderQuantity: { eoq: { orderCost: '1000000000000001', holdingRatePerYear: 0.25 } } }, { ...item, unitCost: 1 }));
    expect(e.code).toBe('out_of_range');
    expect(e.issues).toEqual([
      {
        path: ['policy', 'orderQuantity', 'eoq', 'orderCost'],
        code: 'out_of_range',
        message: 'must be at most 1000000000000000, received 1000000000000001',
        expected: 'at most 1000000000000000',
        received: '1000000000000001',
        limit: '1000000000000000',
      },
    ]);
    // K = 1e15, D = 365 × 20 = 7,300, h = 0.25 × 1 = 0.25: EOQ = √(2 × 1e15 × 7,300 / 0.25) = √(5.84e19) = 7,641,989,269.8.
    const plan = planReorder({ ...policy, orderQuantity: { eoq: { orderCost: 1e15, holdingRatePerYear: 0.25 } } }, { ...item, unitCost: 1 });
    expect(plan.eoq! / 7641989269.8).toBeCloseTo(1, 9);
  });

  it("an item's policy override is read: trigger 'lt' at position = ROP is no reorder", () => {
    // σ = 0: ROP = 20 × 7 = 140 = position; 'lte' (shared default) reorders, the item's 'lt' does not (ok: 140 ≤ max 240).
    const flat = { ...item, demand: { meanPerDay: 20, sdPerDay: 0 }, stock: { onHand: 140, onOrder: 0 } };
    expect(planReorder(policy, flat).status).toBe('reorder');
    expect(planReorder(policy, { ...flat, policy: { trigger: 'lt' } }).status).toBe('ok');
  });
});
