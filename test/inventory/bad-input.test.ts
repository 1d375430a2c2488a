import { describe, expect, it } from 'vitest';
import {
  DealerkitError,
  planReorder,
  planReordersColumnar,
  seasonalIndices,
  toDailyDemand,
  calculateEoq,
  type ReorderItem,
  type ReorderPolicy,
} from 'dealerkit';

const item: ReorderItem = { demand: { meanPerDay: 20, sdPerDay: 5 }, leadTime: { days: 7 }, stock: { onHand: 150, onOrder: 0 } };
const policy: ReorderPolicy = { service: { cycle: 0.95 }, orderQuantity: { fixed: 300 } };

function error(fn: () => unknown): DealerkitError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DealerkitError);
    return e as DealerkitError;
  }
  throw new Error('did not throw');
}

describe('bad input: each a DealerkitError naming the path', () => {
  it.each([
    ['negative demand', { ...item, demand: { meanPerDay: -1, sdPerDay: 5 } }, policy, 'out_of_range', '[dealerkit] item.demand.meanPerDay: must be at least 0, received -1'],
    ['negative sd', { ...item, demand: { meanPerDay: 1, sdPerDay: -5 } }, policy, 'out_of_range', '[dealerkit] item.demand.sdPerDay: must be at least 0, received -5'],
    ['negative lead time', { ...item, leadTime: { days: -7 } }, policy, 'out_of_range', '[dealerkit] item.leadTime.days: must be at least 0, received -7'],
    ['negative lead-time sd', { ...item, leadTime: { days: 7, sdDays: -1 } }, policy, 'out_of_range', '[dealerkit] item.leadTime.sdDays: must be at least 0, received -1'],
    ['service level 1', item, { ...policy, service: { cycle: 1 } }, 'out_of_range', '[dealerkit] policy.service.cycle: must be strictly between 0 and 1 (a service level of 1 needs infinite stock), received 1'],
    ['service level 0', item, { ...policy, service: { fillRate: 0 } }, 'out_of_range', '[dealerkit] policy.service.fillRate: must be strictly between 0 and 1 (a service level of 1 needs infinite stock), received 0'],
    ['service level 1.2', item, { ...policy, service: { cycle: 1.2 } }, 'out_of_range', '[dealerkit] policy.service.cycle: must be strictly between 0 and 1 (a service level of 1 needs infinite stock), received 1.2'],
    ['pack size 0', { ...item, packSize: 0 }, policy, 'out_of_range', '[dealerkit] item.packSize: must be at least 1, received 0'],
    ['fractional pack', { ...item, packSize: 2.5 }, policy, 'invalid_input', '[dealerkit] item.packSize: must be a whole number of units, received 2.5'],
    ['MOQ above the maximum', { ...item, moq: 50, maxOrderQty: 40 }, policy, 'infeasible', '[dealerkit] item.moq: must not exceed maxOrderQty (40), received 50'],
    ['MOQ in packs above the maximum', { ...item, moq: 10, packSize: 6, maxOrderQty: 11 }, policy, 'infeasible', '[dealerkit] item.moq: needs 12 units in whole packs of 6, more than maxOrderQty (11)'],
    ['maximum below one pack', { ...item, packSize: 6, maxOrderQty: 4 }, policy, 'infeasible', '[dealerkit] item.maxOrderQty: must allow at least one pack of 6, received 4'],
    ['history with NaN', { ...item, demand: { history: [1, Number.NaN, 3], periodDays: 30 } }, policy, 'invalid_input', '[dealerkit] item.demand.history[1]: must be a number, received NaN'],
    ['history of one period', { ...item, demand: { history: [1], periodDays: 30 } }, policy, 'out_of_range', '[dealerkit] item.demand.history: must hold at least 2 items'],
    ['seasonality of 11 months', { ...item, seasonality: { indicesByMonth: new Array(11).fill(1), asOf: '2026-01-01' } }, policy, 'invalid_input', '[dealerkit] item.seasonality.indicesByMonth: must hold 12 monthly indices (January to December), received 11'],
    ['seasonality without asOf', { ...item, seasonality: { indicesByMonth: new Array(12).fill(1) } }, policy, 'invalid_input', '[dealerkit] item.seasonality.asOf: is required (or the policy asOf): the lead-time window starts there'],
    ['levels max below min', { ...item, levels: { min: 10, max: 5 } }, policy, 'out_of_range', '[dealerkit] item.levels.max: must be at least levels.min (10), received 5'],
    ['EOQ without unit cost', item, { ...policy, orderQuantity: { eoq: { orderCost: 8, holdingRatePerYear: 0.2 } } }, 'invalid_input', '[dealerkit] item.unitCost: is required by the EOQ order quantity (h = holding rate × unit cost)'],
    ['EOQ with a zero unit cost', { ...item, unitCost: 0 }, { ...policy, orderQuantity: { eoq: { orderCost: 8, holdingRatePerYear: 0.2 } } }, 'out_of_range', '[dealerkit] item.unitCost: must be greater than 0 for the EOQ order quantity (h = holding rate × unit cost), received 0'],
    ['no order quantity under continuous review', item, { service: { cycle: 0.95 } }, 'invalid_input', '[dealerkit] policy.orderQuantity: is required under continuous review (reorder point + order quantity) unless the item has levels'],
    ['receipts without asOf', { ...item, stock: { onHand: 1, onOrder: [{ quantity: 5, due: '2026-01-05' }] } }, policy, 'invalid_input', '[dealerkit] policy.asOf: is required to count the receipts due within the lead time'],
    ['a bad due date', { ...item, stock: { onHand: 1, onOrder: [{ quantity: 5, due: '2026-02-30' }] } }, policy, 'invalid_input', '[dealerkit] item.stock.onOrder[0].due: is not a calendar date (2026-02 has 28 days), received "2026-02-30"'],
    ['a typo', { ...item, leadtime: 3 } as unknown as ReorderItem, policy, 'invalid_input', '[dealerkit] item.leadtime: is not a known field'],
    ['an unknown trigger', item, { ...policy, trigger: 'le' as 'lt' }, 'invalid_input', "[dealerkit] policy.trigger: must be one of 'lte', 'lt', received \"le\""],
    ['a negative review period', item, { ...policy, reviewPeriodDays: -7 }, 'out_of_range', '[dealerkit] policy.reviewPeriodDays: must be greater than 0, received -7'],
    ['an override out of range', { ...item, policy: { service: { cycle: 2 } } }, policy, 'out_of_range', '[dealerkit] item.policy.service.cycle: must be strictly between 0 and 1 (a service level of 1 needs infinite stock), received 2'],
    ['an infinite demand', { ...item, demand: { meanPerDay: Number.POSITIVE_INFINITY, sdPerDay: 1 } }, policy, 'invalid_input', '[dealerkit] item.demand.meanPerDay: must be a number, received Infinity'],
    ['a huge demand', { ...item, demand: { meanPerDay: 1e16, sdPerDay: 1 } }, policy, 'out_of_range', '[dealerkit] item.demand.meanPerDay: must be at most 1000000000000000, received 10000000000000000'],
  ] as const)('%s', (_name, it, pol, code, message) => {
    const e = error(() => planReorder(it as ReorderItem, pol as ReorderPolicy));
    expect(e.code).toBe(code);
    expect(e.message).toBe(message);
  });

  it('collects every cross-field issue at once', () => {
    const e = error(() => planReorder({ ...item, moq: 50, maxOrderQty: 40, levels: { min: 10, max: 5 } }, { service: { cycle: 0.9 } }));
    expect(e.issues.map((i) => i.path.join('.'))).toEqual(['item.moq', 'item.levels.max']);
  });

  it('a fill rate with a zero lot size and variable demand is infeasible', () => {
    const e = error(() => planReorder({ ...item, demand: { meanPerDay: 0, sdPerDay: 1 } }, { service: { fillRate: 0.9 }, orderQuantity: { daysOfCover: 10 } }));
    expect(e.code).toBe('infeasible');
    expect(e.message).toBe('[dealerkit] policy.service: a fill-rate target needs an order quantity above 0, but the lot size is 0 while demand varies (σ 2.6458)');
  });

  it('Poisson above its mean limit', () => {
    const e = error(() => planReorder({ ...item, demand: { meanPerDay: 1e7, sdPerDay: 1 } }, { ...policy, distribution: 'poisson' }));
    expect(e.message).toBe("[dealerkit] policy.distribution: 'poisson' needs a mean demand over the protection interval of at most 10000000, received 70000000");
  });

  it('columnar: names the column and row', () => {
    const f = (...v: number[]) => Float64Array.from(v);
    const cols = { meanPerDay: f(1, 2), sdPerDay: f(1, 1), leadTimeDays: f(3, -3), leadTimeSdDays: f(0, 0), onHand: f(5, 5), onOrder: f(0, 0) };
    expect(error(() => planReordersColumnar(cols, policy)).message).toBe('[dealerkit] columns.leadTimeDays[1]: must be a finite number ≥ 0, received -3');
    expect(error(() => planReordersColumnar({ ...cols, leadTimeDays: f(3, 3), sdPerDay: f(1, Number.NaN) }, policy)).message).toBe(
      '[dealerkit] columns.sdPerDay[1]: must be a finite number ≥ 0, received NaN',
    );
    expect(error(() => planReordersColumnar({ ...cols, onHand: f(1) }, policy)).message).toBe('[dealerkit] columns.onHand: must have the length of meanPerDay (2), received 1');
    expect(error(() => planReordersColumnar({ ...cols, onHand: [1, 2] as unknown as Float64Array }, policy)).message).toBe('[dealerkit] columns.onHand: must be a Float64Array');
    const ok = { ...cols, leadTimeDays: f(3, 3) };
    expect(error(() => planReordersColumnar({ ...ok, packSize: f(1, 0) }, policy)).message).toBe('[dealerkit] columns.packSize[1]: must be a whole number of units ≥ 1, received 0');
    expect(error(() => planReordersColumnar({ ...ok, moq: f(0, 12), maxOrderQty: f(Infinity, 10) }, policy)).message).toBe(
      '[dealerkit] columns.moq[1]: must not exceed maxOrderQty (10), received 12',
    );
    expect(error(() => planReordersColumnar(ok, { service: { cycle: 0.9 } })).message).toBe(
      '[dealerkit] policy.orderQuantity: is required under continuous review (reorder point + order quantity; columns carry no levels)',
    );
    expect(error(() => planReordersColumnar(ok, { ...policy, orderQuantity: { eoq: { orderCost: 1, holdingRatePerYear: 0.2 } } })).message).toBe(
      '[dealerkit] columns.unitCost[0]: must be greater than 0 for the EOQ order quantity (h = holding rate × unit cost)',
    );
    expect(error(() => planReordersColumnar(ok, policy, { safetyStock: new Float64Array(1) } as never)).message).toBe(
      '[dealerkit] out.safetyStock: must be a Float64Array of length 2',
    );
    expect(error(() => planReordersColumnar(null as never, policy)).message).toBe('[dealerkit] columns: must be an object of Float64Array columns');
  });

  it('helpers name their arguments', () => {
    expect(error(() => toDailyDemand({ mean: 10, sd: 2, periodDays: 0 })).message).toBe('[dealerkit] periodDays: must be greater than 0, received 0');
    expect(error(() => toDailyDemand({ history: [1, -2], periodDays: 7 })).message).toBe('[dealerkit] history[1]: must not be negative, received -2');
    expect(error(() => toDailyDemand({ history: [1], periodDays: 7 })).message).toBe(
      '[dealerkit] history: must hold at least 2 periods (a sample standard deviation needs 2), received 1',
    );
    expect(error(() => calculateEoq({ demandPerYear: 100, orderCost: 5, holdingCostPerUnitPerYear: 0 })).message).toBe(
      '[dealerkit] holdingCostPerUnitPerYear: must be greater than 0, received 0',
    );
    expect(error(() => seasonalIndices([1, 2, 3], { method: 'average' })).message).toBe('[dealerkit] history: must hold at least one full cycle of 12 periods, received 3');
    expect(error(() => seasonalIndices([1, Number.NaN], { method: 'average', seasonLength: 2 })).message).toBe('[dealerkit] history[1]: must be a finite number, received NaN');
    expect(error(() => seasonalIndices([1, 2], { method: 'median' as 'average', seasonLength: 2 })).message).toBe(
      "[dealerkit] options.method: must be one of 'average', 'ratio-to-moving-average', received \"median\"",
    );
  });
});
