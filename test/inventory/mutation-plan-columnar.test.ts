import { describe, expect, it } from 'vitest';
import { planReorder, planReordersColumnar, REORDER_STATUSES, type ReorderPolicy } from 'dealerkit';
import { thrown } from '../helpers.js';

const f = (...v: number[]) => Float64Array.from(v);
const fixed: ReorderPolicy = { service: { cycle: 0.95 }, orderQuantity: { fixed: 100 } };
const cols = () => ({ meanPerDay: f(20), sdPerDay: f(5), leadTimeDays: f(7), leadTimeSdDays: f(0), onHand: f(150), onOrder: f(0) });

describe('planReordersColumnar: periodic review needs no order quantity', () => {
  it('plans the order-up-to level by hand and agrees with planReorder', () => {
    // R = 7, L = 7: protection interval 14 days. z = Φ⁻¹(0.95) = 1.6448536; σ = 5 × √14 = 18.7082869;
    // SS = 1.6448536 × 18.7082869 = 30.7723936; order-up-to S = 20 × 14 + SS = 310.7723936;
    // reorder point = demand over the lead time 140 + SS = 170.7723936; position 150 ≤ 170.77 → reorder;
    // order S − position = 160.7723936 → whole units rounding up: 161.
    const policy: ReorderPolicy = { service: { cycle: 0.95 }, reviewPeriodDays: 7 };
    const out = planReordersColumnar(policy, cols());
    expect(out.safetyStock[0]).toBeCloseTo(30.7723936, 6);
    expect(out.orderUpTo[0]).toBeCloseTo(310.7723936, 6);
    expect(out.reorderPoint[0]).toBeCloseTo(170.7723936, 6);
    expect(out.max[0]).toBeCloseTo(310.7723936, 6);
    expect(out.suggestedOrder[0]).toBe(161);
    expect(REORDER_STATUSES[out.status[0]!]).toBe('reorder');
    const one = planReorder(policy, { demand: { meanPerDay: 20, sdPerDay: 5 }, leadTime: { days: 7 }, stock: { onHand: 150, onOrder: 0 } });
    expect([out.safetyStock[0], out.reorderPoint[0], out.orderUpTo[0], out.max[0], out.suggestedOrder[0]]).toEqual([one.safetyStock, one.reorderPoint, one.orderUpTo, one.max, one.suggestedOrder]);
  });
});

describe('planReordersColumnar: refusals name their path, code and expectation', () => {
  it('refuses a bad policy at policy', () => {
    const e = thrown(() => planReordersColumnar({ service: { cycle: 0.95 }, orderQuantity: { fixed: -1 } }, cols()));
    expect(e.issues[0]!.path).toEqual(['policy', 'orderQuantity', 'fixed']);
  });

  it('refuses columns that are not an object', () => {
    for (const bad of ['columns', 7, null]) {
      expect(thrown(() => planReordersColumnar(fixed, bad as never)).issues[0]).toMatchObject({
        path: ['columns'],
        code: 'invalid_type',
        expected: 'an object',
        message: 'must be an object of Float64Array columns',
      });
    }
  });

  it('refuses a meanPerDay that is missing or not a Float64Array', () => {
    const { meanPerDay: _, ...rest } = cols();
    expect(thrown(() => planReordersColumnar(fixed, rest as never)).issues[0]).toMatchObject({ path: ['columns', 'meanPerDay'], code: 'required', expected: 'a Float64Array', message: 'must be a Float64Array' });
    expect(thrown(() => planReordersColumnar(fixed, { ...cols(), meanPerDay: [20] } as never)).issues[0]).toMatchObject({
      path: ['columns', 'meanPerDay'],
      code: 'invalid_type',
      expected: 'a Float64Array',
    });
  });

  it('checks a given optional column and a required one that is not a Float64Array', () => {
    expect(thrown(() => planReordersColumnar(fixed, { ...cols(), moq: [1] } as never)).issues[0]).toMatchObject({ path: ['columns', 'moq'], code: 'invalid_type', expected: 'a Float64Array', message: 'must be a Float64Array' });
    expect(thrown(() => planReordersColumnar(fixed, { ...cols(), packSize: f(1, 1) } as never)).issues[0]).toMatchObject({
      path: ['columns', 'packSize'],
      code: 'inconsistent',
      limit: '1',
      received: '2',
      message: 'must have the length of meanPerDay (1), received 2',
    });
    expect(thrown(() => planReordersColumnar(fixed, { ...cols(), sdPerDay: 'x' } as never)).issues[0]).toMatchObject({ path: ['columns', 'sdPerDay'], code: 'invalid_type', expected: 'a Float64Array' });
  });

  it('names the code of a missing order quantity under continuous review', () => {
    expect(thrown(() => planReordersColumnar({ service: { cycle: 0.95 } }, cols())).issues[0]).toMatchObject({ path: ['policy', 'orderQuantity'], code: 'required' });
  });

  it('refuses out columns of the wrong type or length', () => {
    const good = () => ({ safetyStock: f(0), reorderPoint: f(0), orderUpTo: f(0), max: f(0), suggestedOrder: f(0), status: new Uint8Array(1) });
    expect(thrown(() => planReordersColumnar(fixed, cols(), { ...good(), max: f(0, 0) })).issues[0]).toMatchObject({
      path: ['out', 'max'],
      code: 'invalid_type',
      expected: 'a Float64Array of length 1',
      message: 'must be a Float64Array of length 1',
    });
    expect(thrown(() => planReordersColumnar(fixed, cols(), { ...good(), status: new Uint8Array(2) })).issues[0]).toMatchObject({
      path: ['out', 'status'],
      code: 'invalid_type',
      expected: 'a Uint8Array of length 1',
      message: 'must be a Uint8Array of length 1',
    });
    expect(thrown(() => planReordersColumnar(fixed, cols(), { ...good(), status: f(0) } as never)).issues[0]).toMatchObject({ path: ['out', 'status'], code: 'invalid_type' });
    // Reused columns of the right length are written in place: the seeds' SKU, ROP 161.7594 (z 1.6449 × 5√7 13.2288 = SS 21.7594 + 140), order the lot 100.
    const reused = good();
    expect(planReordersColumnar(fixed, cols(), reused)).toBe(reused);
    expect(reused.reorderPoint[0]).toBeCloseTo(161.759368, 5);
    expect(reused.suggestedOrder[0]).toBe(100);
  });

  it('a fill-rate target with a lot of 0 while demand varies is infeasible, on the row that has it', () => {
    // Row 0 is fine; row 1 has no mean demand, so a 10-days-of-cover lot is 0 × 10 = 0, while σ over
    // the lead time is 5 × √7 = 13.2288 (4 places).
    const policy: ReorderPolicy = { service: { fillRate: 0.99 }, orderQuantity: { daysOfCover: 10 } };
    const e = thrown(() => planReordersColumnar(policy, { meanPerDay: f(20, 0), sdPerDay: f(5, 5), leadTimeDays: f(7, 7), leadTimeSdDays: f(0, 0), onHand: f(150, 150), onOrder: f(0, 0) }));
    expect(e.code).toBe('infeasible');
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatchObject({ path: ['columns', 'meanPerDay', 1], code: 'infeasible' });
    expect(e.message).toBe('[dealerkit] columns.meanPerDay[1]: a fill-rate target needs an order quantity above 0, but the lot size is 0 while demand varies (σ 13.2288)');
  });

  it('an EOQ above 1e15 names the limit and the quantity received', () => {
    // K 1e15, D 365 × 20, h 1e-300 × 1e-300 underflows to 0: √(2KD/0) = Infinity.
    const e = thrown(() => planReordersColumnar({ ...fixed, orderQuantity: { eoq: { orderCost: 1e15, holdingRatePerYear: '1e-300' } } }, { ...cols(), unitCost: f(1e-300) }));
    expect(e.issues[0]).toMatchObject({ path: ['columns', 'unitCost', 0], code: 'out_of_range', limit: '1000000000000000', received: 'Infinity' });
  });

  it("a Poisson mean above 1e7 names the limit and the mean over the protection interval", () => {
    // 2,000,000 a day over 7 days = 14,000,000 > 10,000,000.
    const e = thrown(() => planReordersColumnar({ ...fixed, distribution: 'poisson' }, { ...cols(), meanPerDay: f(2e6) }));
    expect(e.issues[0]).toMatchObject({ path: ['columns', 'meanPerDay', 0], code: 'out_of_range', limit: '10000000', received: '14000000' });
    expect(e.message).toBe("[dealerkit] columns.meanPerDay[0]: 'poisson' needs a mean demand over the protection interval of at most 10000000, received 14,000,000");
  });
});
