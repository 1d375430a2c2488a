import { describe, expect, it } from 'vitest';
import { DealerkitError, planReorder, planReorders, type ReorderItem, type ReorderPolicy } from 'dealerkit';
import { thrown } from '../helpers.js';

// planReorders: rows named by their id, every bad row reported at once, collect mode with totals
// over the good rows, onProgress, and detail: 'summary'.

const policy: ReorderPolicy = { service: { cycle: 0.95 }, orderQuantity: { fixed: 300 } };
const sku = (id: string, onHand: number, extra: Partial<ReorderItem> = {}): ReorderItem => ({
  id,
  demand: { meanPerDay: 20, sdPerDay: 5 },
  leadTime: { days: 7 },
  stock: { onHand, onOrder: 0 },
  ...extra,
});

// ROP 161.7594, max = ROP + 300 = 461.7594 (see plan.test.ts): 150 → reorder 300, 300 → ok,
// 500 → overstock, 20 → urgent 300, 0 → stockout, deficit 161.76 → 300 (the lot is larger).
const items: ReorderItem[] = [
  sku('WM-101', 150, { unitCost: '12.50' }),
  sku('WM-102', 300, { unitCost: '3' }),
  sku('WM-103', 500),
  sku('WM-104', 20, { unitCost: '0.25' }),
  sku('WM-105', 0),
];

describe('planReorders', () => {
  it('returns every row with its id, and totals by status, units and value', () => {
    const batch = planReorders(policy, items);
    expect(batch.failed).toBe(0);
    expect(batch.rows.map((r) => [r.index, r.id, r.ok, r.result?.id, r.result?.status])).toEqual([
      [0, 'WM-101', true, 'WM-101', 'reorder'],
      [1, 'WM-102', true, 'WM-102', 'ok'],
      [2, 'WM-103', true, 'WM-103', 'overstock'],
      [3, 'WM-104', true, 'WM-104', 'urgent'],
      [4, 'WM-105', true, 'WM-105', 'stockout'],
    ]);
    // Orders: WM-101 300 (× 12.50 = 3,750), WM-104 300 (× 0.25 = 75), WM-105 300 (no cost).
    expect(batch.totals.statuses).toEqual({ ok: 1, reorder: 1, urgent: 1, stockout: 1, overstock: 1 });
    expect(batch.totals).toMatchObject({ skus: 5, orders: 3, units: 900, unpricedOrders: 1 });
    expect(batch.totals.orderValue.toString()).toBe('3825');
    expect(batch.steps).toEqual([
      {
        code: 'totals',
        skus: 5,
        statuses: { ok: 1, reorder: 1, urgent: 1, stockout: 1, overstock: 1 },
        orders: 3,
        units: 900,
        orderValue: batch.totals.orderValue,
        text: '5 SKUs: 1 stockout, 1 urgent, 1 reorder, 1 overstock, 1 ok; 3 orders of 900 units in all, value 3,825.00',
      },
    ]);
    expect(batch.warnings).toEqual([{ code: 'unpriced-orders', message: '1 suggested order has no unit cost and is not in the order value' }]);
  });

  it('each row equals planReorder of the same item', () => {
    const batch = planReorders(policy, items);
    items.forEach((it, i) => expect(batch.rows[i]!.result).toEqual(planReorder(policy, it)));
  });

  it("reports every bad row in one error, naming rows by their id (or index), with each issue's code", () => {
    const bad = [
      sku('WM-101', 150),
      sku('D-117', 150, { leadTime: { days: -1 } }),
      { demand: { meanPerDay: 1, sdPerDay: 0 }, leadTime: { days: 1 }, stock: { onHand: 1, onOrder: 0 }, packSize: 2.5 },
      sku('WM-104', 20, { moq: 50, maxOrderQty: 40 }),
    ];
    const e = thrown(() => planReorders(policy, bad));
    expect(e.code).toBe('out_of_range');
    expect(e.issues).toEqual([
      expect.objectContaining({ path: ['items', 'D-117', 'leadTime', 'days'], code: 'out_of_range' }),
      expect.objectContaining({ path: ['items', 2, 'packSize'], code: 'not_an_integer' }),
      expect.objectContaining({ path: ['items', 'WM-104', 'moq'], code: 'infeasible' }),
    ]);
    expect(e.message).toContain('items[D-117].leadTime.days: must be at least 0, received -1');
  });

  it('collect: every row with its result or error, totals over the good rows only', () => {
    const rows = [sku('A', 150, { unitCost: 2 }), sku('B', 150, { leadTime: { days: -1 } }), sku('C', 20, { unitCost: '1.5' })];
    const batch = planReorders(policy, rows, { onError: 'collect' });
    expect(batch.failed).toBe(1);
    expect(batch.rows.map((r) => [r.id, r.ok])).toEqual([
      ['A', true],
      ['B', false],
      ['C', true],
    ]);
    const bad = batch.rows[1]!;
    expect(bad.result).toBeNull();
    expect(bad.error).toBeInstanceOf(DealerkitError);
    expect(bad.error!.issues[0]).toMatchObject({ path: ['items', 'B', 'leadTime', 'days'], code: 'out_of_range' });
    // A: 300 × 2 = 600; C: 300 × 1.5 = 450
    expect(batch.totals).toMatchObject({ skus: 2, orders: 2, units: 600, unpricedOrders: 0 });
    expect(batch.totals.orderValue.toString()).toBe('1050');
  });

  it('refuses duplicate ids and holes as bad rows', () => {
    const rows = [sku('A', 150), sku('A', 300), , sku('B', 1)] as ReorderItem[];
    const batch = planReorders(policy, rows, { onError: 'collect' });
    expect(batch.failed).toBe(2);
    expect(batch.rows[1]!.error!.issues[0]).toMatchObject({ path: ['items', 'A', 'id'], code: 'duplicate' });
    expect(batch.rows[2]!.error!.issues[0]).toMatchObject({ path: ['items', 2], code: 'required' });
  });

  it('a row warning names the row by its id; an override under item.policy is named under the row', () => {
    const rows = [
      sku('A', 150, { demand: { history: [300, null, 330, 270], periodDays: 30 } }),
      sku('B', 150, { maxOrderQty: 10 }),
      sku('C', 150, { policy: { maxDaysOfCover: 1 } }),
    ];
    const batch = planReorders(policy, rows);
    expect(batch.rows[0]!.result!.warnings[0]).toMatchObject({ code: 'zero-filled-history', path: ['items', 'A', 'demand', 'history'] });
    expect(batch.rows[1]!.result!.warnings[0]).toMatchObject({ code: 'capped-below-reorder-point', path: ['items', 'B', 'maxOrderQty'] });
    // max = 20 × 1 = 20 < ROP 161.76
    expect(batch.rows[2]!.result!.warnings[0]).toMatchObject({ code: 'max-below-reorder-point', path: ['items', 'C', 'policy', 'maxDaysOfCover'] });
    expect(planReorders({ ...policy, maxDaysOfCover: 1 }, [sku('D', 150)]).rows[0]!.result!.warnings[0]).toMatchObject({ path: ['policy', 'maxDaysOfCover'] });
  });

  it('onProgress is called at most ~200 times, ending with (n, n)', () => {
    const many = Array.from({ length: 1000 }, (_, i) => sku(`S-${i}`, i % 400));
    const calls: [number, number][] = [];
    planReorders(policy, many, { detail: 'summary', onProgress: (done, total) => calls.push([done, total]) });
    expect(calls.length).toBeLessThanOrEqual(200);
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.at(-1)).toEqual([1000, 1000]);
    expect(calls.every(([done], i) => i === 0 || done > calls[i - 1]![0])).toBe(true);
  });

  it("detail 'summary' keeps every figure, status and warning, without the steps", () => {
    const rows = [...items, sku('W', 150, { maxOrderQty: 10 })];
    const full = planReorders(policy, rows);
    const summary = planReorders(policy, rows, { detail: 'summary' });
    summary.rows.forEach((r, i) => {
      const f = full.rows[i]!.result!;
      expect(r.result!.steps).toEqual([]);
      expect(f.steps.length).toBeGreaterThan(10);
      expect({ ...r.result!, steps: f.steps }).toEqual(f);
    });
    expect(summary.totals).toEqual(full.totals);
    expect(summary.rows[5]!.result!.warnings.map((w) => w.code)).toEqual(['capped-below-reorder-point']);
  });

  it('refuses bad options', () => {
    expect(thrown(() => planReorders(policy, items, { detail: 'short' as never })).issues[0]).toMatchObject({
      path: ['options', 'detail'],
      code: 'invalid_value',
      message: "must be 'full' or 'summary', received \"short\"",
    });
    expect(thrown(() => planReorders(policy, items, { onError: 'skip' as never })).issues[0]).toMatchObject({ path: ['options', 'onError'] });
    expect(thrown(() => planReorders(policy, 'x' as never)).issues[0]).toMatchObject({ path: ['items'], code: 'invalid_type' });
    expect(thrown(() => planReorders({ service: { cycle: 95 } }, items)).issues[0]).toMatchObject({ path: ['policy', 'service', 'cycle'], code: 'percent_as_whole_number' });
  });
});
