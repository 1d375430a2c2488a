// Every error of the inventory engine as a whole issue (path, code, message, limit, received,
// expected): the fields a program reads to point at the cell to fix. Limits are the documented
// bounds (1e15 units, 36,500 days, a Poisson mean of 1e7, 12 months, Number.MAX_SAFE_INTEGER) and
// `received` echoes the value given, as written.
import { describe, expect, it } from 'vitest';
import {
  analyzeInventoryHealth,
  calculateEoq,
  calculateNormalInverse,
  calculateNormalLossInverse,
  calculatePoissonCdf,
  calculateSeasonalIndices,
  planReorder,
  planReorders,
  toDailyDemand,
} from 'dealerkit';
import { thrown } from '../helpers.js';

const item = { demand: { meanPerDay: 20, sdPerDay: 5 }, leadTime: { days: 7 }, stock: { onHand: 150, onOrder: 0 } };
const policy = { service: { cycle: 0.95 }, orderQuantity: { fixed: 300 } };
const P = (p: unknown, i: unknown) => () => planReorder(p as never, i as never);

// By hand: σ with zero mean demand and σ_d 1 over 7 days = √7 = 2.6458; the Poisson mean 1e7 × 7 = 7e7;
// the EOQ √(2 × 1e15 × 365 × 1e15 / (1e-10 × 1e-9)) = √7.3e51 = 8.544e25; a history of (1e15, 0) over
// 1e-10-day periods is 5e14 / 1e-10 = 5e24 a day; 2^60 = 1152921504606846976 prints as 1152921504606847000.
describe('every error as a whole issue', () => {
  it.each([
    ["moq>max", P(policy, { ...item, moq: 50, maxOrderQty: 40 }), "infeasible", [{"path": ["item", "moq"], "code": "infeasible", "message": "must not exceed maxOrderQty (40), received 50", "received": "50", "limit": "40"}]],
    ["moq packs>max", P(policy, { ...item, moq: 10, packSize: 6, maxOrderQty: 11 }), "infeasible", [{"path": ["item", "moq"], "code": "infeasible", "message": "needs 12 units in whole packs of 6, more than maxOrderQty (11)", "received": "10", "limit": "11"}]],
    ["max<pack", P(policy, { ...item, packSize: 6, maxOrderQty: 4 }), "infeasible", [{"path": ["item", "maxOrderQty"], "code": "infeasible", "message": "must allow at least one pack of 6, received 4", "received": "4", "limit": "6"}]],
    ["levels", P(policy, { ...item, levels: { min: 10, max: 5 } }), "out_of_range", [{"path": ["item", "levels", "max"], "code": "not_ascending", "message": "must be at least levels.min (10), received 5", "received": "5", "limit": "10"}]],
    ["eoq no cost", P({ ...policy, orderQuantity: { eoq: { orderCost: 8, holdingRatePerYear: 0.2 } } }, item), "invalid_input", [{"path": ["item", "unitCost"], "code": "required", "message": "is required by the EOQ order quantity (h = holding rate × unit cost)"}]],
    ["eoq zero cost", P({ ...policy, orderQuantity: { eoq: { orderCost: 8, holdingRatePerYear: 0.2 } } }, { ...item, unitCost: 0 }), "out_of_range", [{"path": ["item", "unitCost"], "code": "out_of_range", "message": "must be greater than 0 for the EOQ order quantity (h = holding rate × unit cost), received 0", "received": "0", "limit": "0"}]],
    ["no oq", P({ service: { cycle: 0.95 } }, item), "invalid_input", [{"path": ["policy", "orderQuantity"], "code": "required", "message": "is required under continuous review (reorder point + order quantity) unless the item has levels"}]],
    ["override asOf", P(policy, { ...item, stock: { onHand: 1, onOrder: [{ quantity: 5, due: '2026-01-05' }] }, policy: { asOf: undefined } }), "invalid_input", [{"path": ["policy", "asOf"], "code": "required", "message": "is required to count the receipts due within the lead time"}]],
    ["receipts no asOf", P(policy, { ...item, stock: { onHand: 1, onOrder: [{ quantity: 5, due: '2026-01-05' }] } }), "invalid_input", [{"path": ["policy", "asOf"], "code": "required", "message": "is required to count the receipts due within the lead time"}]],
    ["season 13", P(policy, { ...item, seasonality: { indicesByMonth: new Array(13).fill(1), asOf: '2026-01-01' } }), "invalid_input", [{"path": ["item", "seasonality", "indicesByMonth"], "code": "too_long", "message": "must hold 12 monthly indices (January to December), received 13", "limit": "12"}]],
    ["season 11 no asOf", P(policy, { ...item, seasonality: { indicesByMonth: new Array(11).fill(1) } }), "invalid_input", [{"path": ["item", "seasonality", "indicesByMonth"], "code": "too_short", "message": "must hold 12 monthly indices (January to December), received 11", "limit": "12"}, {"path": ["item", "seasonality", "asOf"], "code": "required", "message": "is required (or the policy asOf): the lead-time window starts there"}]],
    ["season window", P({ ...policy, reviewPeriodDays: 36000 }, { ...item, leadTime: { days: 501 }, seasonality: { indicesByMonth: new Array(12).fill(1), asOf: '2026-01-01' } }), "out_of_range", [{"path": ["item", "leadTime", "days"], "code": "out_of_range", "message": "with seasonality, the protection interval must be at most 36500 days", "limit": "36500"}]],
    ["fill zero", P({ service: { fillRate: 0.9 }, orderQuantity: { daysOfCover: 10 } }, { ...item, demand: { meanPerDay: 0, sdPerDay: 1 } }), "infeasible", [{"path": ["policy", "service"], "code": "infeasible", "message": "a fill-rate target needs an order quantity above 0, but the lot size is 0 while demand varies (σ 2.6458)"}]],
    ["fill zero override", P({ service: { cycle: 0.9 }, orderQuantity: { daysOfCover: 10 } }, { ...item, demand: { meanPerDay: 0, sdPerDay: 1 }, policy: { service: { fillRate: 0.9 } } }), "infeasible", [{"path": ["item", "policy", "service"], "code": "infeasible", "message": "a fill-rate target needs an order quantity above 0, but the lot size is 0 while demand varies (σ 2.6458)"}]],
    ["poisson", P({ ...policy, distribution: 'poisson' }, { ...item, demand: { meanPerDay: 1e7, sdPerDay: 1 } }), "out_of_range", [{"path": ["policy", "distribution"], "code": "out_of_range", "message": "'poisson' needs a mean demand over the protection interval of at most 10000000, received 70,000,000", "received": "70000000", "limit": "10000000"}]],
    ["eoq overflow", P({ ...policy, orderQuantity: { eoq: { orderCost: 1e15, holdingRatePerYear: 1e-10 } } }, { ...item, unitCost: 1e-9, demand: { meanPerDay: 1e15, sdPerDay: 1 } }), "out_of_range", [{"path": ["policy", "orderQuantity", "eoq"], "code": "out_of_range", "message": "gives an economic order quantity of 8.544003745317531e+25 units, above 1,000,000,000,000,000: check orderCost, holdingRatePerYear and the unit cost", "received": "8.544003745317531e+25", "limit": "1000000000000000"}]],
    ["dos overflow", P(policy, { ...item, demand: { meanPerDay: 5e-324, sdPerDay: 0 }, stock: { onHand: 1e15, onOrder: 0 } }), "out_of_range", [{"path": ["item", "demand", "meanPerDay"], "code": "out_of_range", "message": "is so small that days of supply (stock / demand per day) overflow, received 5e-324: write 0 for no demand", "received": "5e-324"}]],
    ["period overflow", P(policy, { ...item, demand: { history: [1e15, 0], periodDays: 1e-10 } }), "out_of_range", [{"path": ["item", "demand", "periodDays"], "code": "out_of_range", "message": "is so short that demand per day (4.999999999999999e+24) exceeds 1,000,000,000,000,000 units", "received": "1e-10"}]],
    ["detail", () => planReorders(policy as never, [item as never], { detail: 'x' } as never), "invalid_input", [{"path": ["options", "detail"], "code": "invalid_value", "message": "must be 'full' or 'summary', received \"x\"", "expected": "'full' or 'summary'"}]],
    ["tdd null", () => toDailyDemand(null as never), "invalid_input", [{"path": [], "code": "invalid_type", "message": "must be an object with periodDays and either mean and sd, or history", "expected": "an object"}]],
    ["tdd mean neg", () => toDailyDemand({ mean: -1, sd: 1, periodDays: 1 }), "out_of_range", [{"path": ["mean"], "code": "out_of_range", "message": "must not be negative, received -1", "received": "-1", "limit": "0"}]],
    ["tdd sd big", () => toDailyDemand({ mean: 1, sd: 2e15, periodDays: 1 }), "out_of_range", [{"path": ["sd"], "code": "out_of_range", "message": "must be at most 1000000000000000, received 2000000000000000", "received": "2000000000000000", "limit": "1000000000000000"}]],
    ["tdd hole", () => toDailyDemand({ history: [1, , 3, , 5] as never, periodDays: 1 }), "invalid_input", [{"path": ["history", 1], "code": "required", "message": "is missing (a hole in the array; 2 holes in all): write null for a period without a record"}]],
    ["tdd one hole", () => toDailyDemand({ history: [1, , 3] as never, periodDays: 1 }), "invalid_input", [{"path": ["history", 1], "code": "required", "message": "is missing (a hole in the array): write null for a period without a record"}]],
    ["tdd hist notarr", () => toDailyDemand({ history: 'x', periodDays: 1 } as never), "invalid_input", [{"path": ["history"], "code": "invalid_type", "message": "must be an array of demand per period", "expected": "an array"}]],
    ["tdd pd str", () => toDailyDemand({ mean: 1, sd: 1, periodDays: '7' } as never), "invalid_input", [{"path": ["periodDays"], "code": "invalid_type", "message": "must be a finite number, received \"7\"", "expected": "a finite number", "received": "\"7\""}]],
    ["tdd pd undef", () => toDailyDemand({ mean: 1, sd: 1 } as never), "invalid_input", [{"path": ["periodDays"], "code": "required", "message": "must be a finite number, received nothing", "expected": "a finite number", "received": "nothing"}]],
    ["eoq d neg", () => calculateEoq({ demandPerYear: -1, orderCost: 1, holdingCostPerUnitPerYear: 1 }), "out_of_range", [{"path": ["demandPerYear"], "code": "out_of_range", "message": "must not be negative, received -1", "received": "-1", "limit": "0"}]],
    ["eoq k neg", () => calculateEoq({ demandPerYear: 1, orderCost: -1, holdingCostPerUnitPerYear: 1 }), "out_of_range", [{"path": ["orderCost"], "code": "out_of_range", "message": "must not be negative, received -1", "received": "-1", "limit": "0"}]],
    ["inv 95", () => calculateNormalInverse(95), "out_of_range", [{"path": ["p"], "code": "percent_as_whole_number", "message": "must be a probability strictly between 0 and 1, received 95: write 0.95 for 95 %", "expected": "strictly between 0 and 1", "received": "95", "limit": "1"}]],
    ["inv 0", () => calculateNormalInverse(0), "out_of_range", [{"path": ["p"], "code": "out_of_range", "message": "must be a probability strictly between 0 and 1, received 0", "expected": "strictly between 0 and 1", "received": "0", "limit": "0"}]],
    ["inv 1", () => calculateNormalInverse(1), "out_of_range", [{"path": ["p"], "code": "out_of_range", "message": "must be a probability strictly between 0 and 1, received 1", "expected": "strictly between 0 and 1", "received": "1", "limit": "1"}]],
    ["inv str", () => calculateNormalInverse('0.5' as never), "invalid_input", [{"path": ["p"], "code": "invalid_type", "message": "must be a finite number, received \"0.5\"", "expected": "a finite number", "received": "\"0.5\""}]],
    ["loss inv 0", () => calculateNormalLossInverse(0), "out_of_range", [{"path": ["g"], "code": "out_of_range", "message": "must be greater than 0 (G(k) > 0 for every finite k), received 0", "received": "0", "limit": "0"}]],
    ["loss inv tiny", () => calculateNormalLossInverse(1e-301), "out_of_range", [{"path": ["g"], "code": "out_of_range", "message": "must be at least 1e-300 (G(37.5) is already smaller), received 1e-301", "received": "1e-301", "limit": "1e-300"}]],
    ["pcdf r frac", () => calculatePoissonCdf(1.5, 1), "invalid_input", [{"path": ["r"], "code": "not_an_integer", "message": "must be a whole number of units, received 1.5", "expected": "a whole number", "received": "1.5"}]],
    ["pcdf r huge", () => calculatePoissonCdf(2 ** 60, 1), "out_of_range", [{"path": ["r"], "code": "out_of_range", "message": "must be a whole number of units, received 1152921504606847000", "received": "1152921504606847000", "limit": "9007199254740991"}]],
    ["pcdf mean neg", () => calculatePoissonCdf(1, -1), "out_of_range", [{"path": ["mean"], "code": "out_of_range", "message": "must not be negative, received -1", "received": "-1", "limit": "0"}]],
    ["pcdf mean huge", () => calculatePoissonCdf(1, 2e7), "out_of_range", [{"path": ["mean"], "code": "out_of_range", "message": "must be at most 10000000 (use the normal distribution for fast movers), received 20000000", "received": "20000000", "limit": "10000000"}]],
    ["health buckets", () => analyzeInventoryHealth({ items: [{ onHand: 1, unitCost: 1, demandPerDay: 5e-324, receivedOn: '2026-12-01' }], cogs: 1, averageInventoryValue: 1, periodDays: 1, asOf: '2026-11-01', slowMovingDays: 1, ageBuckets: [30, 30, 20], carryingRatePerYear: 0.1, daysPerYear: 365 }), "out_of_range", [{"path": ["ageBuckets", 1], "code": "not_ascending", "message": "must be greater than ageBuckets[0] (30), received 30", "received": "30", "limit": "30"}, {"path": ["ageBuckets", 2], "code": "not_ascending", "message": "must be greater than ageBuckets[1] (30), received 20", "received": "20", "limit": "30"}, {"path": ["items", 0, "receivedOn"], "code": "out_of_range", "message": "must not be after asOf (2026-11-01), received \"2026-12-01\"", "received": "2026-12-01", "limit": "2026-11-01"}, {"path": ["items", 0, "demandPerDay"], "code": "out_of_range", "message": "is so small that days of supply (stock / demand per day) overflow, received 5e-324: write 0 for no demand", "received": "5e-324"}]],
    ["seasonal start", () => calculateSeasonalIndices([1, 2], { method: 'average', seasonLength: 2, startIndex: 2 }), "out_of_range", [{"path": ["options", "startIndex"], "code": "out_of_range", "message": "must be a whole number from 0 to 1, received 2", "expected": "a whole number from 0 to 1"}]],
    ["seasonal mavg short", () => calculateSeasonalIndices([1, 2, 3], { method: 'ratio-to-moving-average', seasonLength: 2 }), "invalid_input", [{"path": ["history"], "code": "too_short", "message": "must hold at least 4 periods for a centred moving average at every season position, received 3", "limit": "4"}]],
    ["seasonal mavg zero", () => calculateSeasonalIndices([0, 0, 0, 0, 1, 1], { method: 'ratio-to-moving-average', seasonLength: 2 }), "invalid_input", [{"path": ["history"], "code": "invalid_value", "message": "has a centred moving average of 0 around period 1; ratios are undefined"}]],
    ["seasonal zero", () => calculateSeasonalIndices([0, 0], { method: 'average', seasonLength: 2 }), "invalid_input", [{"path": ["history"], "code": "invalid_value", "message": "has no demand: seasonal indices of an all-zero history are undefined"}]],
    ["seasonal notarr", () => calculateSeasonalIndices('x' as never, { method: 'average' }), "invalid_input", [{"path": ["history"], "code": "invalid_type", "message": "must be an array of demand per period", "expected": "an array"}]],
    ["seasonal opts null", () => calculateSeasonalIndices([1, 2], null as never), "invalid_input", [{"path": ["options"], "code": "invalid_type", "message": "must be an object with a method ('average' or 'ratio-to-moving-average')"}]],
  ] as [string, () => unknown, string, unknown[]][])('%s', (_name, fn, code, issues) => {
    const e = thrown(fn);
    expect(e.code).toBe(code);
    expect(e.issues).toEqual(issues);
  });

  it('EOQ overflows name the order cost (2KD beyond a double) or the holding cost (2KD/h beyond it), echoing the value in full', () => {
    const k = thrown(() => calculateEoq({ demandPerYear: 1e300, orderCost: '1e300', holdingCostPerUnitPerYear: 1 }));
    const big = '1' + '0'.repeat(300); // 1e300 written out
    expect(k.issues).toEqual([{ path: ['orderCost'], code: 'out_of_range', message: `is too large for the demand: 2 × K × D overflows, received ${big}`, received: big }]);
    const h = thrown(() => calculateEoq({ demandPerYear: 1e300, orderCost: '1', holdingCostPerUnitPerYear: '1e-300' }));
    const tiny = '0.' + '0'.repeat(299) + '1';
    expect(h.issues).toEqual([{ path: ['holdingCostPerUnitPerYear'], code: 'out_of_range', message: `is too small for the order cost and demand: the EOQ overflows, received ${tiny}`, received: tiny }]);
  });
});

describe('the schema refinements of the policy and the item, as whole issues', () => {
  const eoq = (h: unknown) => ({ ...policy, orderQuantity: { eoq: { orderCost: 8, holdingRatePerYear: h } } });
  // Levels strictly between 0 and 1; 1 < v < 100 is a percentage typed whole; money and units up to 1e15.
  it.each([
    ["cycle 95", { ...policy, service: { cycle: 95 } }, item, [{"path": ["policy", "service", "cycle"], "code": "percent_as_whole_number", "message": "must be strictly between 0 and 1, received 95: write 0.95 for 95 %", "expected": "strictly between 0 and 1", "received": "95", "limit": "1"}]],
    ["fill 97.5", { ...policy, service: { fillRate: 97.5 } }, item, [{"path": ["policy", "service", "fillRate"], "code": "percent_as_whole_number", "message": "must be strictly between 0 and 1, received 97.5: write 0.975 for 97.5 %", "expected": "strictly between 0 and 1", "received": "97.5", "limit": "1"}]],
    ["cycle 100", { ...policy, service: { cycle: 100 } }, item, [{"path": ["policy", "service", "cycle"], "code": "out_of_range", "message": "must be strictly between 0 and 1 (a service level of 1 needs infinite stock), received 100", "expected": "strictly between 0 and 1", "received": "100"}]],
    ["cycle 1", { ...policy, service: { cycle: 1 } }, item, [{"path": ["policy", "service", "cycle"], "code": "out_of_range", "message": "must be strictly between 0 and 1 (a service level of 1 needs infinite stock), received 1", "expected": "strictly between 0 and 1", "received": "1"}]],
    ["fill 0", { ...policy, service: { fillRate: 0 } }, item, [{"path": ["policy", "service", "fillRate"], "code": "out_of_range", "message": "must be strictly between 0 and 1 (a service level of 1 needs infinite stock), received 0", "expected": "strictly between 0 and 1", "received": "0"}]],
    ["cycle -0.5", { ...policy, service: { cycle: -0.5 } }, item, [{"path": ["policy", "service", "cycle"], "code": "out_of_range", "message": "must be strictly between 0 and 1 (a service level of 1 needs infinite stock), received -0.5", "expected": "strictly between 0 and 1", "received": "-0.5"}]],
    ["holding 0", eoq(0), { ...item, unitCost: 1 }, [{"path": ["policy", "orderQuantity", "eoq", "holdingRatePerYear"], "code": "out_of_range", "message": "must be greater than 0 (h = holding rate × unit cost), received 0", "expected": "above 0", "received": "0", "limit": "0"}]],
    ["holding 25", eoq(25), { ...item, unitCost: 1 }, [{"path": ["policy", "orderQuantity", "eoq", "holdingRatePerYear"], "code": "percent_as_whole_number", "message": "must be a fraction from 0 to 1, received 25: write 0.25 for 25 %", "expected": "from 0 to 1", "received": "25", "limit": "1"}]],
    ["order cost 1e16", { ...policy, orderQuantity: { eoq: { orderCost: '1e16', holdingRatePerYear: 0.2 } } }, { ...item, unitCost: 1 }, [{"path": ["policy", "orderQuantity", "eoq", "orderCost"], "code": "out_of_range", "message": "must be at most 1000000000000000, received 10000000000000000", "expected": "at most 1000000000000000", "received": "10000000000000000", "limit": "1000000000000000"}]],
    ["unit cost 2e15", policy, { ...item, unitCost: 2e15 }, [{"path": ["item", "unitCost"], "code": "out_of_range", "message": "must be at most 1000000000000000, received 2000000000000000", "expected": "at most 1000000000000000", "received": "2000000000000000", "limit": "1000000000000000"}]],
    ["pack 2.5", policy, { ...item, packSize: 2.5 }, [{"path": ["item", "packSize"], "code": "not_an_integer", "message": "must be a whole number of units, received 2.5", "expected": "a whole number", "received": "2.5"}]],
    ["moq -1", policy, { ...item, moq: -1 }, [{"path": ["item", "moq"], "code": "out_of_range", "message": "must be at least 0, received -1", "expected": "at least 0", "received": "-1", "limit": "0"}]],
    ["maxOrderQty 0", policy, { ...item, maxOrderQty: 0 }, [{"path": ["item", "maxOrderQty"], "code": "out_of_range", "message": "must be at least 1, received 0", "expected": "at least 1", "received": "0", "limit": "1"}]],
    ["moq 2e15", policy, { ...item, moq: 2e15 }, [{"path": ["item", "moq"], "code": "out_of_range", "message": "must be at most 1000000000000000, received 2000000000000000", "expected": "at most 1000000000000000", "received": "2000000000000000", "limit": "1000000000000000"}]],
  ] as [string, unknown, unknown, unknown[]][])('%s', (_name, p, i, issues) => {
    expect(thrown(() => planReorder(p as never, i as never)).issues).toEqual(issues);
  });
});
