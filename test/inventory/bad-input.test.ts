import { describe, expect, it } from 'vitest';
import {
  analyzeInventoryHealth,
  calculateNormalInverse,
  calculatePoissonCdf,
  calculatePoissonQuantile,
  DealerkitError,
  planReorder,
  planReordersColumnar,
  calculateSeasonalIndices,
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
    ['negative demand', { ...item, demand: { meanPerDay: -1, sdPerDay: 5 } }, policy, 'out_of_range', 'out_of_range', '[dealerkit] item.demand.meanPerDay: must be at least 0, received -1'],
    ['negative sd', { ...item, demand: { meanPerDay: 1, sdPerDay: -5 } }, policy, 'out_of_range', 'out_of_range', '[dealerkit] item.demand.sdPerDay: must be at least 0, received -5'],
    ['negative lead time', { ...item, leadTime: { days: -7 } }, policy, 'out_of_range', 'out_of_range', '[dealerkit] item.leadTime.days: must be at least 0, received -7'],
    ['negative lead-time sd', { ...item, leadTime: { days: 7, sdDays: -1 } }, policy, 'out_of_range', 'out_of_range', '[dealerkit] item.leadTime.sdDays: must be at least 0, received -1'],
    ['service level 1', item, { ...policy, service: { cycle: 1 } }, 'out_of_range', 'out_of_range', '[dealerkit] policy.service.cycle: must be strictly between 0 and 1 (a service level of 1 needs infinite stock), received 1'],
    ['service level 0', item, { ...policy, service: { fillRate: 0 } }, 'out_of_range', 'out_of_range', '[dealerkit] policy.service.fillRate: must be strictly between 0 and 1 (a service level of 1 needs infinite stock), received 0'],
    ['service level 1.2', item, { ...policy, service: { cycle: 1.2 } }, 'out_of_range', 'percent_as_whole_number', '[dealerkit] policy.service.cycle: must be strictly between 0 and 1, received 1.2: write 0.012 for 1.2 %'],
    ['pack size 0', { ...item, packSize: 0 }, policy, 'out_of_range', 'out_of_range', '[dealerkit] item.packSize: must be at least 1, received 0'],
    ['fractional pack', { ...item, packSize: 2.5 }, policy, 'invalid_input', 'not_an_integer', '[dealerkit] item.packSize: must be a whole number of units, received 2.5'],
    ['MOQ above the maximum', { ...item, moq: 50, maxOrderQty: 40 }, policy, 'infeasible', 'infeasible', '[dealerkit] item.moq: must not exceed maxOrderQty (40), received 50'],
    ['MOQ in packs above the maximum', { ...item, moq: 10, packSize: 6, maxOrderQty: 11 }, policy, 'infeasible', 'infeasible', '[dealerkit] item.moq: needs 12 units in whole packs of 6, more than maxOrderQty (11)'],
    ['maximum below one pack', { ...item, packSize: 6, maxOrderQty: 4 }, policy, 'infeasible', 'infeasible', '[dealerkit] item.maxOrderQty: must allow at least one pack of 6, received 4'],
    ['history with NaN', { ...item, demand: { history: [1, Number.NaN, 3], periodDays: 30 } }, policy, 'invalid_input', 'not_a_number', '[dealerkit] item.demand.history[1]: must be a finite number, received NaN'],
    ['history of one period', { ...item, demand: { history: [1], periodDays: 30 } }, policy, 'out_of_range', 'too_short', '[dealerkit] item.demand.history: must hold at least 2 items'],
    ['seasonality of 11 months', { ...item, seasonality: { indicesByMonth: new Array(11).fill(1), asOf: '2026-01-01' } }, policy, 'invalid_input', 'too_short', '[dealerkit] item.seasonality.indicesByMonth: must hold 12 monthly indices (January to December), received 11'],
    ['seasonality without asOf', { ...item, seasonality: { indicesByMonth: new Array(12).fill(1) } }, policy, 'invalid_input', 'required', '[dealerkit] item.seasonality.asOf: is required (or the policy asOf): the lead-time window starts there'],
    ['levels max below min', { ...item, levels: { min: 10, max: 5 } }, policy, 'out_of_range', 'not_ascending', '[dealerkit] item.levels.max: must be at least levels.min (10), received 5'],
    ['EOQ without unit cost', item, { ...policy, orderQuantity: { eoq: { orderCost: 8, holdingRatePerYear: 0.2 } } }, 'invalid_input', 'required', '[dealerkit] item.unitCost: is required by the EOQ order quantity (h = holding rate × unit cost)'],
    ['EOQ with a zero unit cost', { ...item, unitCost: 0 }, { ...policy, orderQuantity: { eoq: { orderCost: 8, holdingRatePerYear: 0.2 } } }, 'out_of_range', 'out_of_range', '[dealerkit] item.unitCost: must be greater than 0 for the EOQ order quantity (h = holding rate × unit cost), received 0'],
    ['no order quantity under continuous review', item, { service: { cycle: 0.95 } }, 'invalid_input', 'required', '[dealerkit] policy.orderQuantity: is required under continuous review (reorder point + order quantity) unless the item has levels'],
    ['receipts without asOf', { ...item, stock: { onHand: 1, onOrder: [{ quantity: 5, due: '2026-01-05' }] } }, policy, 'invalid_input', 'required', '[dealerkit] policy.asOf: is required to count the receipts due within the lead time'],
    ['a bad due date', { ...item, stock: { onHand: 1, onOrder: [{ quantity: 5, due: '2026-02-30' }] } }, policy, 'invalid_input', 'not_a_date', '[dealerkit] item.stock.onOrder[0].due: is not a calendar date (2026-02 has 28 days), received "2026-02-30"'],
    ['a typo', { ...item, leadtime: 3 } as unknown as ReorderItem, policy, 'invalid_input', 'unknown_field', '[dealerkit] item.leadtime: is not a known field; did you mean `leadTime`?'],
    ['an unknown trigger', item, { ...policy, trigger: 'le' as 'lt' }, 'invalid_input', 'invalid_value', "[dealerkit] policy.trigger: must be one of 'lte', 'lt', received \"le\""],
    ['a negative review period', item, { ...policy, reviewPeriodDays: -7 }, 'out_of_range', 'out_of_range', '[dealerkit] policy.reviewPeriodDays: must be greater than 0, received -7'],
    ['an override out of range', { ...item, policy: { service: { cycle: 2 } } }, policy, 'out_of_range', 'percent_as_whole_number', '[dealerkit] item.policy.service.cycle: must be strictly between 0 and 1, received 2: write 0.02 for 2 %'],
    ['an infinite demand', { ...item, demand: { meanPerDay: Number.POSITIVE_INFINITY, sdPerDay: 1 } }, policy, 'invalid_input', 'not_a_number', '[dealerkit] item.demand.meanPerDay: must be a finite number, received Infinity'],
    ['a huge demand', { ...item, demand: { meanPerDay: 1e16, sdPerDay: 1 } }, policy, 'out_of_range', 'out_of_range', '[dealerkit] item.demand.meanPerDay: must be at most 1000000000000000, received 10000000000000000'],
  ] as const)('%s', (_name, it, pol, code, issue, message) => {
    const e = error(() => planReorder(pol as ReorderPolicy, it as ReorderItem));
    expect(e.code).toBe(code);
    expect(e.issues[0]!.code).toBe(issue);
    expect(e.message).toBe(message);
  });

  it('collects every cross-field issue at once', () => {
    const e = error(() => planReorder({ service: { cycle: 0.9 } }, { ...item, moq: 50, maxOrderQty: 40, levels: { min: 10, max: 5 } }));
    expect(e.issues.map((i) => i.path.join('.'))).toEqual(['item.moq', 'item.levels.max']);
  });

  it('a fill rate with a zero lot size and variable demand is infeasible', () => {
    const e = error(() => planReorder({ service: { fillRate: 0.9 }, orderQuantity: { daysOfCover: 10 } }, { ...item, demand: { meanPerDay: 0, sdPerDay: 1 } }));
    expect(e.code).toBe('infeasible');
    expect(e.message).toBe('[dealerkit] policy.service: a fill-rate target needs an order quantity above 0, but the lot size is 0 while demand varies (σ 2.6458)');
  });

  it('Poisson above its mean limit', () => {
    const e = error(() => planReorder({ ...policy, distribution: 'poisson' }, { ...item, demand: { meanPerDay: 1e7, sdPerDay: 1 } }));
    expect(e.message).toBe("[dealerkit] policy.distribution: 'poisson' needs a mean demand over the protection interval of at most 10000000, received 70,000,000");
  });

  it('columnar: names the column and row', () => {
    const f = (...v: number[]) => Float64Array.from(v);
    const cols = { meanPerDay: f(1, 2), sdPerDay: f(1, 1), leadTimeDays: f(3, -3), leadTimeSdDays: f(0, 0), onHand: f(5, 5), onOrder: f(0, 0) };
    expect(error(() => planReordersColumnar(policy, cols)).message).toBe('[dealerkit] columns.leadTimeDays[1]: must be a finite number ≥ 0, received -3');
    expect(error(() => planReordersColumnar(policy, { ...cols, leadTimeDays: f(3, 3), sdPerDay: f(1, Number.NaN) })).message).toBe(
      '[dealerkit] columns.sdPerDay[1]: must be a finite number ≥ 0, received NaN',
    );
    expect(error(() => planReordersColumnar(policy, { ...cols, onHand: f(1) })).message).toBe('[dealerkit] columns.onHand: must have the length of meanPerDay (2), received 1');
    expect(error(() => planReordersColumnar(policy, { ...cols, onHand: [1, 2] as unknown as Float64Array })).message).toBe('[dealerkit] columns.onHand: must be a Float64Array');
    const ok = { ...cols, leadTimeDays: f(3, 3) };
    expect(error(() => planReordersColumnar(policy, { ...ok, packSize: f(1, 0) })).message).toBe('[dealerkit] columns.packSize[1]: must be a whole number of units ≥ 1, received 0');
    expect(error(() => planReordersColumnar(policy, { ...ok, moq: f(0, 12), maxOrderQty: f(Infinity, 10) })).message).toBe(
      '[dealerkit] columns.moq[1]: must not exceed maxOrderQty (10), received 12',
    );
    expect(error(() => planReordersColumnar({ service: { cycle: 0.9 } }, ok)).message).toBe(
      '[dealerkit] policy.orderQuantity: is required under continuous review (reorder point + order quantity; columns carry no levels)',
    );
    expect(error(() => planReordersColumnar({ ...policy, orderQuantity: { eoq: { orderCost: 1, holdingRatePerYear: 0.2 } } }, ok)).message).toBe(
      '[dealerkit] columns.unitCost[0]: must be greater than 0 for the EOQ order quantity (h = holding rate × unit cost)',
    );
    expect(error(() => planReordersColumnar(policy, ok, { safetyStock: new Float64Array(1) } as never)).message).toBe(
      '[dealerkit] out.safetyStock: must be a Float64Array of length 2',
    );
    expect(error(() => planReordersColumnar(policy, null as never)).message).toBe('[dealerkit] columns: must be an object of Float64Array columns');
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
    expect(error(() => calculateSeasonalIndices([1, 2, 3], { method: 'average' })).message).toBe('[dealerkit] history: must hold at least one full cycle of 12 periods, received 3');
    expect(error(() => calculateSeasonalIndices([1, Number.NaN], { method: 'average', seasonLength: 2 })).message).toBe('[dealerkit] history[1]: must be a finite number, received NaN');
    const seasonal = (options: object) => error(() => calculateSeasonalIndices([1, 2], options as never)).issues[0]!;
    expect(seasonal({ seasonLength: 2 })).toMatchObject({ path: ['options', 'method'], code: 'required' });
    expect(seasonal({ method: 'average', seasonLength: '2' })).toMatchObject({ path: ['options', 'seasonLength'], code: 'invalid_type' });
    expect(seasonal({ method: 'average', seasonLength: 2.5 })).toMatchObject({ code: 'not_an_integer' });
    expect(seasonal({ method: 'average', seasonLength: Number.NaN })).toMatchObject({ code: 'not_a_number' });
    expect(seasonal({ method: 'average', seasonLength: 400 })).toMatchObject({ code: 'out_of_range' });
    expect(seasonal({ method: 'average', seasonLength: 2, startIndex: '1' })).toMatchObject({ path: ['options', 'startIndex'], code: 'invalid_type' });
    expect(seasonal({ method: 'average', seasonLength: 2, startIndex: 0.5 })).toMatchObject({ code: 'not_an_integer' });
    expect(seasonal({ method: 'average', seasonLength: 2, startIndex: Number.NaN })).toMatchObject({ code: 'not_a_number' });
    expect(error(() => calculateSeasonalIndices([1, 2], undefined as never)).issues[0]).toMatchObject({ path: ['options'], code: 'required' });
    expect(error(() => calculateSeasonalIndices([1, 2], { method: 'median' as 'average', seasonLength: 2 })).message).toBe(
      "[dealerkit] options.method: must be one of 'average', 'ratio-to-moving-average', received \"median\"",
    );
  });

  it('the column checks give each bad value its own issue code', () => {
    const f = (...v: number[]) => Float64Array.from(v);
    const cols = { meanPerDay: f(1, 2), sdPerDay: f(1, 1), leadTimeDays: f(3, 3), leadTimeSdDays: f(0, 0), onHand: f(5, 5), onOrder: f(0, 0) };
    const issue = (c: Record<string, Float64Array>) => error(() => planReordersColumnar(policy, { ...cols, ...c })).issues[0]!;
    expect(issue({ sdPerDay: f(1, Number.NaN) })).toMatchObject({ path: ['columns', 'sdPerDay', 1], code: 'not_a_number' });
    expect(issue({ leadTimeDays: f(3, -3) })).toMatchObject({ path: ['columns', 'leadTimeDays', 1], code: 'out_of_range', limit: '0' });
    expect(issue({ onHand: f(5, 2e15) })).toMatchObject({ code: 'out_of_range', limit: '1000000000000000' });
    expect(issue({ packSize: f(1, 2.5) })).toMatchObject({ path: ['columns', 'packSize', 1], code: 'not_an_integer', message: 'must be a whole number of units ≥ 1, received 2.5' });
    expect(issue({ maxOrderQty: f(Infinity, 2.5) })).toMatchObject({ code: 'not_an_integer' });
    expect(issue({ maxOrderQty: f(Infinity, Number.NaN) })).toMatchObject({ code: 'not_a_number' });
    expect(issue({ maxOrderQty: f(Infinity, 0) })).toMatchObject({ code: 'out_of_range', limit: '1' });
    expect(issue({ onHand: f(1) })).toMatchObject({ code: 'inconsistent', limit: '2', received: '1' });
    expect(error(() => planReordersColumnar(policy, { ...cols, onOrder: undefined } as never)).issues[0]).toMatchObject({ path: ['columns', 'onOrder'], code: 'required' });
  });
});

describe('percentages typed as whole numbers are refused with the hint (code percent_as_whole_number)', () => {
  it.each([
    ['a cycle service level of 95', { ...policy, service: { cycle: 95 } }, ['policy', 'service', 'cycle'], 'must be strictly between 0 and 1, received 95: write 0.95 for 95 %'],
    ['a fill rate of 99', { ...policy, service: { fillRate: 99 } }, ['policy', 'service', 'fillRate'], 'must be strictly between 0 and 1, received 99: write 0.99 for 99 %'],
    ['a fill rate of 97.5', { ...policy, service: { fillRate: 97.5 } }, ['policy', 'service', 'fillRate'], 'must be strictly between 0 and 1, received 97.5: write 0.975 for 97.5 %'],
    [
      'a holding rate of 25',
      { ...policy, orderQuantity: { eoq: { orderCost: 8, holdingRatePerYear: 25 } } },
      ['policy', 'orderQuantity', 'eoq', 'holdingRatePerYear'],
      'must be a fraction from 0 to 1, received 25: write 0.25 for 25 %',
    ],
  ] as const)('%s', (_name, pol, path, message) => {
    const e = error(() => planReorder(pol as ReorderPolicy, { ...item, unitCost: 1 }));
    expect(e.code).toBe('out_of_range');
    expect(e.issues).toEqual([{ path: [...path], code: 'percent_as_whole_number', message, expected: expect.any(String), received: expect.any(String), limit: '1' }]);
  });

  it('100 and above are out of range, not a percentage hint; so are 0 and 1', () => {
    expect(error(() => planReorder({ ...policy, service: { cycle: 100 } }, item)).issues[0]).toMatchObject({ code: 'out_of_range' });
    expect(error(() => planReorder({ ...policy, service: { cycle: 1 } }, item)).issues[0]).toMatchObject({ code: 'out_of_range' });
    expect(error(() => planReorder({ ...policy, service: { fillRate: 0 } }, item)).issues[0]).toMatchObject({ code: 'out_of_range' });
  });

  it('a zero holding rate is out of range (h = holding rate × unit cost must be above 0)', () => {
    const e = error(() => planReorder({ ...policy, orderQuantity: { eoq: { orderCost: 8, holdingRatePerYear: 0 } } }, { ...item, unitCost: 1 }));
    expect(e.issues[0]).toMatchObject({ path: ['policy', 'orderQuantity', 'eoq', 'holdingRatePerYear'], code: 'out_of_range', message: 'must be greater than 0 (h = holding rate × unit cost), received 0' });
  });

  it('the probability helpers and the health carrying rate say the same', () => {
    expect(error(() => calculateNormalInverse(95)).issues[0]).toMatchObject({ path: ['p'], code: 'percent_as_whole_number', message: 'must be a probability strictly between 0 and 1, received 95: write 0.95 for 95 %' });
    expect(error(() => calculatePoissonQuantile(90, 2)).issues[0]).toMatchObject({ path: ['alpha'], code: 'percent_as_whole_number' });
    expect(error(() => calculateNormalInverse(1)).issues[0]).toMatchObject({ code: 'out_of_range', limit: '1' });
    expect(error(() => calculateNormalInverse(0)).issues[0]).toMatchObject({ code: 'out_of_range', limit: '0' });
    const health = {
      items: [],
      cogs: 1,
      averageInventoryValue: 1,
      periodDays: 365,
      asOf: '2026-01-01',
      slowMovingDays: 90,
      ageBuckets: [],
      carryingRatePerYear: 24,
      daysPerYear: 365,
    };
    expect(error(() => analyzeInventoryHealth(health)).issues[0]).toMatchObject({
      path: ['carryingRatePerYear'],
      code: 'percent_as_whole_number',
      message: 'must be a fraction from 0 to 1, received 24: write 0.24 for 24 %',
    });
  });
});

describe('inputs that would overflow are refused naming the field, never NaN or Infinity with status ok', () => {
  it('an order cost of 1e308 (the EOQ rule reads money up to 1e15)', () => {
    const e = error(() => planReorder({ ...policy, orderQuantity: { eoq: { orderCost: 1e308, holdingRatePerYear: 0.2 } } }, { ...item, unitCost: 1 }));
    expect(e.issues[0]).toMatchObject({ path: ['policy', 'orderQuantity', 'eoq', 'orderCost'], code: 'out_of_range', limit: '1000000000000000' });
  });

  it('an EOQ beyond 1e15 units (a tiny holding cost) names the rule', () => {
    // K 1e15, D 365 × 20, h 1e-300 × 1e-300 underflows to 0: √(2KD/0) = Infinity
    const e = error(() => planReorder({ ...policy, orderQuantity: { eoq: { orderCost: 1e15, holdingRatePerYear: '1e-300' } } }, { ...item, unitCost: '1e-300' }));
    expect(e.issues[0]).toMatchObject({ path: ['policy', 'orderQuantity', 'eoq'], code: 'out_of_range' });
    expect(e.message).toBe(
      '[dealerkit] policy.orderQuantity.eoq: gives an economic order quantity of Infinity units, above 1,000,000,000,000,000: check orderCost, holdingRatePerYear and the unit cost',
    );
    const f = (...v: number[]) => Float64Array.from(v);
    const cols = { meanPerDay: f(20), sdPerDay: f(5), leadTimeDays: f(7), leadTimeSdDays: f(0), onHand: f(1), onOrder: f(0), unitCost: f(1e-300) };
    expect(error(() => planReordersColumnar({ ...policy, orderQuantity: { eoq: { orderCost: 1e15, holdingRatePerYear: '1e-300' } } }, cols)).issues[0]).toMatchObject({
      path: ['columns', 'unitCost', 0],
      code: 'out_of_range',
    });
  });

  it('a period of 5e-324 days (demand per day would be Infinity)', () => {
    const e = error(() => planReorder(policy, { ...item, demand: { history: [1, 2], periodDays: 5e-324 } }));
    expect(e.message).toBe('[dealerkit] item.demand.periodDays: is so short that demand per day (Infinity) exceeds 1,000,000,000,000,000 units');
    expect(e.issues[0]!.code).toBe('out_of_range');
    expect(error(() => toDailyDemand({ mean: 1e15, sd: 1, periodDays: 1e-3 })).issues[0]).toMatchObject({ path: ['periodDays'], code: 'out_of_range' });
  });

  it('a demand of 5e-324 a day (days of supply would be Infinity)', () => {
    const e = error(() => planReorder(policy, { ...item, demand: { meanPerDay: 5e-324, sdPerDay: 0 } }));
    expect(e.issues[0]).toMatchObject({ path: ['item', 'demand', 'meanPerDay'], code: 'out_of_range' });
  });

  it('a sparse history: a hole is refused (write null), not read as NaN', () => {
    const sparse = [1, , 3] as unknown as number[];
    expect(error(() => toDailyDemand({ history: sparse, periodDays: 7 })).issues).toEqual([
      { path: ['history', 1], code: 'required', message: 'is missing (a hole in the array): write null for a period without a record' },
    ]);
    const holes: (number | null)[] = [];
    holes.length = 24;
    holes[0] = 5;
    expect(error(() => calculateSeasonalIndices(holes, { method: 'average' })).message).toBe(
      '[dealerkit] history[1]: is missing (a hole in the array; 23 holes in all): write null for a period without a record',
    );
    expect(error(() => planReorder(policy, { ...item, demand: { history: sparse, periodDays: 7 } })).issues[0]).toMatchObject({ path: ['item', 'demand', 'history', 1], code: 'required' });
  });

  it('a huge lead time with receipts: the horizon date is out of range (not 0NaN-NaN-NaN)', () => {
    const e = error(() => planReorder({ ...policy, asOf: '2026-01-01' }, { ...item, leadTime: { days: 1e15 }, stock: { onHand: 1, onOrder: [{ quantity: 1, due: '2026-01-02' }] } }));
    expect(e.issues[0]).toMatchObject({ path: ['item', 'leadTime', 'days'], code: 'out_of_range', limit: '2912442' });
  });

  it('the helpers refuse what would overflow', () => {
    expect(error(() => calculateEoq({ demandPerYear: 1e300, orderCost: 1e308, holdingCostPerUnitPerYear: 1 })).issues[0]).toMatchObject({ path: ['orderCost'], code: 'out_of_range' });
    expect(error(() => calculateEoq({ demandPerYear: 1e10, orderCost: 1e10, holdingCostPerUnitPerYear: '1e-320' })).issues[0]).toMatchObject({
      path: ['holdingCostPerUnitPerYear'],
      code: 'out_of_range',
    });
    expect(error(() => calculateEoq({ demandPerYear: 0, orderCost: 0, holdingCostPerUnitPerYear: '1e-400' })).issues[0]).toMatchObject({ path: ['holdingCostPerUnitPerYear'] });
    expect(error(() => calculateSeasonalIndices([1e300, 1e300], { method: 'average', seasonLength: 2 })).issues[0]).toMatchObject({ path: ['history', 0], code: 'out_of_range' });
    expect(error(() => calculatePoissonCdf(2.5, 1)).issues[0]).toMatchObject({ path: ['r'], code: 'not_an_integer' });
    expect(error(() => calculatePoissonCdf(1e300, 1)).issues[0]).toMatchObject({ path: ['r'], code: 'out_of_range' });
  });
});
