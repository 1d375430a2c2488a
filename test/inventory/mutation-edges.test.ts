import { describe, expect, it } from 'vitest';
import {
  analyzeInventoryHealth,
  explainInventoryHealth,
  explainReorderPlan,
  planReorder,
  planReordersColumnar,
  type InventoryHealthInput,
  type ReorderPolicy,
} from 'dealerkit';
import { thrown } from '../helpers.js';
import { texts } from './steps.js';

// Edges the golden tests leave out: every column check of the columnar path, levels with variable
// demand, a one-unit order with a numeric id, stock worth nothing and a health check with no SKUs.

const f = (...v: number[]): Float64Array => Float64Array.from(v);
const policy: ReorderPolicy = { service: { cycle: 0.95 }, orderQuantity: { fixed: 300 } };
const cols = { meanPerDay: f(1, 2), sdPerDay: f(1, 1), leadTimeDays: f(3, 3), leadTimeSdDays: f(0, 0), onHand: f(5, 5), onOrder: f(0, 0) };

describe('columnar: each column is checked, naming its row, code and limit', () => {
  const issue = (c: Record<string, unknown>, p: ReorderPolicy = policy) => {
    const e = thrown(() => planReordersColumnar(p, { ...cols, ...c } as never));
    return e.issues[0]!;
  };

  it.each([
    ['meanPerDay', f(1, -1), 'must be a finite number ≥ 0, received -1', 'out_of_range', '0'],
    ['leadTimeSdDays', f(0, 2e15), 'must be a finite number ≥ 0, received 2000000000000000', 'out_of_range', '1000000000000000'],
    ['onOrder', f(0, -0.5), 'must be a finite number ≥ 0, received -0.5', 'out_of_range', '0'],
    ['unitCost', f(1, Number.POSITIVE_INFINITY), 'must be a finite number ≥ 0, received Infinity', 'not_a_number', undefined],
    ['unitCost', f(1, Number.NEGATIVE_INFINITY), 'must be a finite number ≥ 0, received -Infinity', 'not_a_number', undefined],
    ['moq', f(0, 1.5), 'must be a whole number of units ≥ 0, received 1.5', 'not_an_integer', undefined],
    ['moq', f(0, -1), 'must be a whole number of units ≥ 0, received -1', 'out_of_range', '0'],
    ['packSize', f(1, 0.5), 'must be a whole number of units ≥ 1, received 0.5', 'out_of_range', '1'],
    ['packSize', f(1, 2e15 + 0.5), 'must be a whole number of units ≥ 1, received 2000000000000000.5', 'out_of_range', '1000000000000000'],
    ['backordered', f(0, -2), 'must be a finite number ≥ 0, received -2', 'out_of_range', '0'],
    ['committed', f(0, Number.NaN), 'must be a finite number ≥ 0, received NaN', 'not_a_number', undefined],
  ])('%s %s', (name, column, message, code, limit) => {
    const i = issue({ [name]: column });
    expect(i.path).toEqual(['columns', name, 1]);
    expect(i.message).toBe(message);
    expect(i.code).toBe(code);
    expect(i.limit).toBe(limit);
    expect(i.received).toBe(String(column[1]));
  });

  it('maxOrderQty: above 1e15, below the MOQ in packs, below one pack, -Infinity', () => {
    expect(issue({ maxOrderQty: f(Infinity, 2e15) })).toMatchObject({ code: 'out_of_range', limit: '1000000000000000', path: ['columns', 'maxOrderQty', 1], message: 'must be a whole number of units ≥ 1 or Infinity, received 2000000000000000' });
    expect(issue({ maxOrderQty: f(Infinity, Number.NEGATIVE_INFINITY) })).toMatchObject({ code: 'not_a_number', received: '-Infinity' });
    // MOQ 10 in packs of 6 needs ⌈10 / 6⌉ × 6 = 12 > 11.
    expect(issue({ moq: f(0, 10), packSize: f(1, 6), maxOrderQty: f(Infinity, 11) })).toMatchObject({
      code: 'infeasible',
      path: ['columns', 'moq', 1],
      limit: '11',
      message: 'needs 12 units in whole packs of 6, more than maxOrderQty (11)',
    });
    expect(issue({ packSize: f(1, 6), maxOrderQty: f(Infinity, 4) })).toMatchObject({ code: 'infeasible', path: ['columns', 'maxOrderQty', 1], limit: '6', message: 'must allow at least one pack of 6, received 4' });
    // A maximum of exactly the MOQ in packs (12 = 2 packs of 6) is allowed: ROP = d × 3 + 1.6449 × √3 = 5.85 and 8.85,
    // on hand 5 is below both: Q 300 is capped at 12.
    const out = planReordersColumnar(policy, { ...cols, moq: f(12, 12), packSize: f(6, 6), maxOrderQty: f(12, 12) });
    expect(Array.from(out.suggestedOrder)).toEqual([12, 12]);
  });

  it('meanPerDay missing or not a Float64Array', () => {
    const { meanPerDay: _m, ...rest } = cols;
    expect(thrown(() => planReordersColumnar(policy, rest as never)).issues[0]).toMatchObject({ path: ['columns', 'meanPerDay'], code: 'required', message: 'must be a Float64Array' });
    expect(thrown(() => planReordersColumnar(policy, { ...cols, meanPerDay: [1, 2] } as never)).issues[0]).toMatchObject({ path: ['columns', 'meanPerDay'], code: 'invalid_type' });
  });

  it('a stockout and an urgent row next to each other write their status codes', () => {
    // Row 0: on hand 0 → stockout (3). Row 1: ROP = 2 × 3 + 1.6449 × √3 = 8.8490, SS 2.8490; on hand 2 ≤ SS → urgent (2).
    const out = planReordersColumnar(policy, { ...cols, onHand: f(0, 2) });
    expect(Array.from(out.status)).toEqual([3, 2]);
    expect(Array.from(out.suggestedOrder)).toEqual([300, 300]);
  });
});

describe('manual levels with variable demand', () => {
  it('the implied levels come from k = (min − mean) / σ: k = (150 − 140) / 13.2288 = 0.755929', () => {
    // mpmath: Φ(0.755929) = 0.775154101015555; G(0.755929) = 0.129828541533467;
    // fill rate with Q = max − min = 150: 1 − 13.2288 × 0.129829 / 150 = 0.988550198867474.
    const plan = planReorder({ service: { cycle: 0.95 } }, { demand: { meanPerDay: 20, sdPerDay: 5 }, leadTime: { days: 7 }, stock: { onHand: 200, onOrder: 0 }, levels: { min: 150, max: 300 } });
    expect(plan.impliedCycleServiceLevel).toBeCloseTo(0.775154101015555, 13);
    expect(plan.impliedFillRate).toBeCloseTo(0.988550198867474, 13);
    expect(texts(plan).slice(7)).toEqual([
      'manual levels replace the computed ones: reorder point (min) 150 instead of 161.7594, order-up-to (max) 300',
      'max = the manual max 300',
      'inventory position = on hand 200 + on order 0 − backordered 0 − committed 0 = 200',
      "ok: position 200 is above the reorder point 150 (trigger 'lte') and not above max 300",
      "no order: the position 200 does not trigger the reorder point 150 (trigger 'lte')",
      'days of supply = available 200 / 20 per day = 10',
      'implied cycle service level 77.52 %, implied fill rate 98.86 % (1 − expected shortage / Q 150)',
    ]);
    expect(plan).toMatchObject({ safetyStock: 21.759368200081013, reorderPoint: 150, orderUpTo: 300, max: 300, status: 'ok', suggestedOrder: 0 });
  });
});

describe('explanations: one unit, a numeric id, a priced order, a message already ending a sentence', () => {
  it('a stockout that orders 1 unit at 2.5 says "1 unit (value 2.50)"', () => {
    // on hand 1 − committed 1 = 0 available: stockout; position 0 ≤ ROP 0 → order Q = 1; value 1 × 2.5.
    const plan = planReorder(
      { service: { cycle: 0.95 }, orderQuantity: { fixed: 1 } },
      { id: 7, demand: { meanPerDay: 0, sdPerDay: 0 }, leadTime: { days: 7 }, stock: { onHand: 1, onOrder: 0, committed: 1 }, unitCost: '2.5' },
    );
    const lines = explainReorderPlan(plan);
    expect(lines[0]).toBe('7: stockout: nothing available on hand; expedite, order 1 unit (value 2.50).');
    expect(lines.slice(10)).toEqual([
      'Inventory position = on hand 1 + on order 0 − backordered 0 − committed 1 = 0.',
      'Stockout: available on hand (on hand − committed − backordered) = 0 ≤ 0: expedite.',
      'Suggested order from the order quantity: 1 → 1 (whole units, rounding up).',
      'Order value = 1 × 2.50 = 2.50.',
      'Days of supply: none (zero demand).',
      'Implied cycle service level 100.00 %, implied fill rate 100.00 % (1 − expected shortage / Q 1).',
    ]);
    expect(plan.orderValue?.toString()).toBe('2.5');
  });

  it('a warning read back that already ends with a period or a question mark gets no second one', () => {
    const plan = planReorder(policy, { demand: { meanPerDay: 20, sdPerDay: 5 }, leadTime: { days: 7 }, stock: { onHand: 500, onOrder: 0 } });
    const lines = explainReorderPlan({ ...plan, warnings: [{ code: 'x', message: 'check the count.' }, { code: 'y', message: 'recount?' }, { code: 'z', message: 'Ünits differ' }] });
    expect(lines.slice(-3)).toEqual(['Check the count.', 'Recount?', 'Ünits differ.']);
  });
});

describe('health: stock worth nothing, no SKUs', () => {
  const base: InventoryHealthInput = {
    items: [{ onHand: 0, unitCost: 10, demandPerDay: 0, receivedOn: '2026-10-01' }],
    cogs: 1000,
    averageInventoryValue: 500,
    periodDays: 30,
    asOf: '2026-11-01',
    slowMovingDays: 90,
    ageBuckets: [30, 60],
    carryingRatePerYear: 0.24,
    daysPerYear: 360,
  };

  it('a SKU with nothing on hand: value 0, every share 0 (not a division by zero), not slow-moving; 31 days old', () => {
    // turnover 1000 / 500 = 2; turnover days 30 × 500 / 1000 = 15; holding 500 × 0.24 × 30 / 360 = 10 exactly;
    // 2026-10-01 to 2026-11-01 = 31 days → bucket 31–60.
    const h = analyzeInventoryHealth(base);
    expect(explainInventoryHealth(h)).toEqual([
      'Stock worth 0.00 turned over 2 times in 30 days (every 15 days); 0.00 % of its value is slow-moving (0 SKUs); holding cost 10.00.',
      'Inventory value = Σ on hand × unit cost over 1 SKU = 0.00.',
      'Turnover = COGS 1,000.00 / average inventory at cost 500.00 = 2 over 30 days.',
      'Turnover days = 30 days × average inventory 500.00 / COGS 1,000.00 = 15.',
      'Slow-moving (days of supply above 90, or stock with no demand): 0 of 1 SKU (0.00 %), 0.00 of 0.00 at cost (0.00 %).',
      '≤30 days since receipt: 0 SKUs, 0.00 (0.00 % of the value).',
      '31–60 days since receipt: 1 SKU, 0.00 (0.00 % of the value).',
      '>60 days since receipt: 0 SKUs, 0.00 (0.00 % of the value).',
      'Holding cost = 500.00 × 24.00 % × 30 / 360 days = 10.000000 → 10.00 (half-up, 2 places).',
    ]);
    expect(h.items).toEqual([{ id: null, value: expect.anything(), daysOfSupply: null, ageDays: 31, ageBucket: '31–60 days', slowMoving: false }]);
    expect(h.ageing.map((b) => [b.label, b.fromDays, b.toDays, b.count, b.shareByValue.toString()])).toEqual([
      ['≤30 days', 0, 30, 0, '0'],
      ['31–60 days', 31, 60, 1, '0'],
      ['>60 days', 61, null, 0, '0'],
    ]);
    expect(h.warnings).toEqual([]);
  });

  it('no SKUs and no COGS: shares 0, one bucket of all ages, the no-cogs warning', () => {
    const h = analyzeInventoryHealth({ ...base, items: [], cogs: 0, ageBuckets: [] });
    expect(h.slowMoving.shareByCount.toString()).toBe('0');
    expect(h.slowMoving.shareByValue.toString()).toBe('0');
    expect(h.turnoverDays).toBeNull();
    expect(explainInventoryHealth(h)).toEqual([
      'Stock worth 0.00 turned over 0 times in 30 days (no COGS); 0.00 % of its value is slow-moving (0 SKUs); holding cost 10.00.',
      'Inventory value = Σ on hand × unit cost over 0 SKUs = 0.00.',
      'Turnover = COGS 0.00 / average inventory at cost 500.00 = 0 over 30 days.',
      'Turnover days: none (COGS is 0).',
      'Slow-moving (days of supply above 90, or stock with no demand): 0 of 0 SKUs (0.00 %), 0.00 of 0.00 at cost (0.00 %).',
      'All ages since receipt: 0 SKUs, 0.00 (0.00 % of the value).',
      'Holding cost = 500.00 × 24.00 % × 30 / 360 days = 10.000000 → 10.00 (half-up, 2 places).',
      'COGS is 0: turnover is 0 and turnover days are undefined.',
    ]);
    expect(h.warnings).toEqual([{ code: 'no-cogs', message: 'COGS is 0: turnover is 0 and turnover days are undefined', path: ['cogs'] }]);
  });
});
