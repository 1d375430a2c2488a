// The errors of the inventory math helpers (normal.ts, poisson.ts, lot.ts, demand.ts, seasonality.ts)
// as whole issues: the path a program points at, the code, the message, and the error's own code
// (`invalid_input` or `out_of_range`). Messages are the catalogue's (src/inventory/messages.ts and
// src/core/messages.ts); `received` echoes the value as given.
import { describe, expect, it } from 'vitest';
import {
  calculateEoq,
  calculateNormalCdf,
  calculateNormalLoss,
  calculateNormalLossInverse,
  calculateNormalPdf,
  calculatePoissonCdf,
  calculateSeasonalIndices,
  toDailyDemand,
} from 'dealerkit';
import { thrown } from '../helpers.js';

const finite = (path: string, code: string, received: string) => [
  { path: [path], code, message: `must be a finite number, received ${received}`, expected: 'a finite number', received },
];

describe('every error as a whole issue', () => {
  it.each([
    ['pdf NaN', () => calculateNormalPdf(NaN), 'invalid_input', finite('x', 'not_a_number', 'NaN')],
    ['pdf string', () => calculateNormalPdf('1' as never), 'invalid_input', finite('x', 'invalid_type', '"1"')],
    ['cdf NaN', () => calculateNormalCdf(NaN), 'invalid_input', finite('x', 'not_a_number', 'NaN')],
    ['loss Infinity', () => calculateNormalLoss(Infinity), 'invalid_input', finite('k', 'not_a_number', 'Infinity')],
    ['loss nothing', () => (calculateNormalLoss as (k?: number) => number)(), 'invalid_input', finite('k', 'required', 'nothing')],
    ['loss inverse NaN', () => calculateNormalLossInverse(NaN), 'invalid_input', finite('g', 'not_a_number', 'NaN')],
    ['loss inverse string', () => calculateNormalLossInverse('x' as never), 'invalid_input', finite('g', 'invalid_type', '"x"')],
    ['Poisson r NaN', () => calculatePoissonCdf(NaN, 1), 'invalid_input', finite('r', 'not_a_number', 'NaN')],
    ['Poisson r string', () => calculatePoissonCdf('2' as never, 1), 'invalid_input', finite('r', 'invalid_type', '"2"')],
    ['Poisson mean just above 1e7', () => calculatePoissonCdf(0, 10000000.000000002), 'out_of_range', [{ path: ['mean'], code: 'out_of_range', message: 'must be at most 10000000 (use the normal distribution for fast movers), received 10000000.000000002', received: '10000000.000000002', limit: '10000000' }]],
    ['EOQ order cost text', () => calculateEoq({ demandPerYear: 1, orderCost: 'abc' as never, holdingCostPerUnitPerYear: 1 }), 'invalid_input', [{ path: ['orderCost'], code: 'not_a_number', message: 'must be a number or a numeric string, received "abc"', expected: 'a number or a numeric string', received: '"abc"' }]],
    ['EOQ order cost missing', () => calculateEoq({ demandPerYear: 1, holdingCostPerUnitPerYear: 1 } as never), 'invalid_input', [{ path: ['orderCost'], code: 'required', message: 'must be a number or a numeric string, received nothing', expected: 'a number or a numeric string', received: 'nothing' }]],
    ['EOQ holding cost missing', () => calculateEoq({ demandPerYear: 1, orderCost: 1 } as never), 'invalid_input', [{ path: ['holdingCostPerUnitPerYear'], code: 'required', message: 'must be a number or a numeric string, received nothing', expected: 'a number or a numeric string', received: 'nothing' }]],
    ['EOQ holding cost 0', () => calculateEoq({ demandPerYear: 1, orderCost: 1, holdingCostPerUnitPerYear: 0 }), 'out_of_range', [{ path: ['holdingCostPerUnitPerYear'], code: 'out_of_range', message: 'must be greater than 0, received 0', received: '0', limit: '0' }]],
    ['EOQ holding cost −0.5', () => calculateEoq({ demandPerYear: 1, orderCost: 1, holdingCostPerUnitPerYear: -0.5 }), 'out_of_range', [{ path: ['holdingCostPerUnitPerYear'], code: 'out_of_range', message: 'must be greater than 0, received -0.5', received: '-0.5', limit: '0' }]],
    ['daily: one period', () => toDailyDemand({ history: [3], periodDays: 1 }), 'invalid_input', [{ path: ['history'], code: 'too_short', message: 'must hold at least 2 periods (a sample standard deviation needs 2), received 1', limit: '2' }]],
    ['daily: period 0', () => toDailyDemand({ mean: 1, sd: 1, periodDays: 0 }), 'out_of_range', [{ path: ['periodDays'], code: 'out_of_range', message: 'must be greater than 0, received 0', received: '0', limit: '0' }]],
    ['daily: a string', () => toDailyDemand('x' as never), 'invalid_input', [{ path: [], code: 'invalid_type', message: 'must be an object with periodDays and either mean and sd, or history', expected: 'an object' }]],
    // σ 1e15 over half a day is 1e15/√0.5 = 1.4142e15 a day, above the 1e15 cap.
    ['daily: σ per day above 1e15', () => toDailyDemand({ mean: 0, sd: 1e15, periodDays: 0.5 }), 'out_of_range', [{ path: ['periodDays'], code: 'out_of_range', message: 'is so short that demand per day (1,414,213,562,373,095) exceeds 1,000,000,000,000,000 units', received: '0.5' }]],
    ['seasonal: history not an array, options null: the history is named first', () => calculateSeasonalIndices('x' as never, null as never), 'invalid_input', [{ path: ['history'], code: 'invalid_type', message: 'must be an array of demand per period', expected: 'an array' }]],
    ['seasonal: unknown method', () => calculateSeasonalIndices([1, 2], { method: 'mean' as never, seasonLength: 2 }), 'invalid_input', [{ path: ['options', 'method'], code: 'invalid_value', message: "must be one of 'average', 'ratio-to-moving-average', received \"mean\"", expected: "'average' or 'ratio-to-moving-average'" }]],
    ['seasonal: L 367', () => calculateSeasonalIndices([1, 2], { method: 'average', seasonLength: 367 }), 'out_of_range', [{ path: ['options', 'seasonLength'], code: 'out_of_range', message: 'must be a whole number from 2 to 366, received 367', expected: 'a whole number from 2 to 366' }]],
    ['seasonal: L 1', () => calculateSeasonalIndices([1, 2], { method: 'average', seasonLength: 1 }), 'out_of_range', [{ path: ['options', 'seasonLength'], code: 'out_of_range', message: 'must be a whole number from 2 to 366, received 1', expected: 'a whole number from 2 to 366' }]],
    ['seasonal: L 2.5', () => calculateSeasonalIndices([1, 2], { method: 'average', seasonLength: 2.5 }), 'invalid_input', [{ path: ['options', 'seasonLength'], code: 'not_an_integer', message: 'must be a whole number from 2 to 366, received 2.5', expected: 'a whole number from 2 to 366' }]],
    ['seasonal: L text', () => calculateSeasonalIndices([1, 2], { method: 'average', seasonLength: '2' as never }), 'invalid_input', [{ path: ['options', 'seasonLength'], code: 'invalid_type', message: 'must be a whole number from 2 to 366, received "2"', expected: 'a whole number from 2 to 366' }]],
    ['seasonal: start −1', () => calculateSeasonalIndices([1, 2, 3, 4], { method: 'average', seasonLength: 2, startIndex: -1 }), 'out_of_range', [{ path: ['options', 'startIndex'], code: 'out_of_range', message: 'must be a whole number from 0 to 1, received -1', expected: 'a whole number from 0 to 1' }]],
    ['seasonal: start 0.5', () => calculateSeasonalIndices([1, 2], { method: 'average', seasonLength: 2, startIndex: 0.5 }), 'invalid_input', [{ path: ['options', 'startIndex'], code: 'not_an_integer', message: 'must be a whole number from 0 to 1, received 0.5', expected: 'a whole number from 0 to 1' }]],
    ['seasonal: start text', () => calculateSeasonalIndices([1, 2], { method: 'average', seasonLength: 2, startIndex: '1' as never }), 'invalid_input', [{ path: ['options', 'startIndex'], code: 'invalid_type', message: 'must be a whole number from 0 to 1, received "1"', expected: 'a whole number from 0 to 1' }]],
    ['seasonal: average short of a cycle', () => calculateSeasonalIndices([1, 2, 3], { method: 'average', seasonLength: 4 }), 'invalid_input', [{ path: ['history'], code: 'too_short', message: 'must hold at least one full cycle of 4 periods, received 3', limit: '4' }]],
    // L = 4: half = 2, so 4 + 2 × 2 = 8 periods.
    ['seasonal: moving average of 4 needs 8', () => calculateSeasonalIndices([1, 2, 3, 4, 5, 6, 7], { method: 'ratio-to-moving-average', seasonLength: 4 }), 'invalid_input', [{ path: ['history'], code: 'too_short', message: 'must hold at least 8 periods for a centred moving average at every season position, received 7', limit: '8' }]],
    // The first centred 2×4 average, at period 2: (0/2 + 0 + 0 + 0 + 0/2)/4 = 0.
    ['seasonal: zero moving average', () => calculateSeasonalIndices([0, 0, 0, 0, 0, 0, 0, 0], { method: 'ratio-to-moving-average', seasonLength: 4 }), 'invalid_input', [{ path: ['history'], code: 'invalid_value', message: 'has a centred moving average of 0 around period 2; ratios are undefined' }]],
    ['seasonal: no demand', () => calculateSeasonalIndices([0, 0, 0, 0], { method: 'average', seasonLength: 2 }), 'invalid_input', [{ path: ['history'], code: 'invalid_value', message: 'has no demand: seasonal indices of an all-zero history are undefined' }]],
  ] as [string, () => unknown, string, unknown[]][])('%s', (_name, fn, code, issues) => {
    const e = thrown(fn);
    expect(e.issues).toEqual(issues);
    expect(e.code).toBe(code);
  });
});

describe('the edges that are accepted', () => {
  it('a season of 366 periods (the largest) and σ exactly 1e15 a day (the cap) pass', () => {
    // 366 ones: every position's mean is 1, and so is their mean.
    expect(calculateSeasonalIndices(new Array(366).fill(1), { method: 'average', seasonLength: 366 }).indices).toEqual(new Array(366).fill(1));
    const d = toDailyDemand({ mean: 0, sd: 1e15, periodDays: 1 });
    expect([d.meanPerDay, d.sdPerDay]).toEqual([0, 1e15]);
  });
});
