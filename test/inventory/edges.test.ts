import { describe, expect, it } from 'vitest';
import {
  calculateEoq,
  calculateNormalPdf,
  planReorder,
  planReordersColumnar,
  REORDER_STATUSES,
  toDailyDemand,
  type ReorderItem,
} from 'dealerkit';
import { stepOf, texts } from './steps.js';

const f = (...v: number[]) => Float64Array.from(v);
const cols = { meanPerDay: f(20, 0), sdPerDay: f(5, 1), leadTimeDays: f(7, 7), leadTimeSdDays: f(0, 0), onHand: f(150, 5), onOrder: f(0, 0) };

describe('edges', () => {
  it('columnar: reuses the out columns and checks their types', () => {
    const policy = { service: { cycle: 0.95 }, orderQuantity: { fixed: 300 } } as const;
    const out = planReordersColumnar(policy, cols);
    const again = planReordersColumnar(policy, cols, out);
    expect(again).toBe(out);
    expect(REORDER_STATUSES[out.status[0]!]).toBe('reorder');
    expect(() => planReordersColumnar(policy, cols, { ...out, status: new Float64Array(2) as unknown as Uint8Array })).toThrow(
      '[dealerkit] out.status: must be a Uint8Array of length 2',
    );
  });

  it('columnar: a fill rate with a zero lot and variable demand names the row', () => {
    expect(() => planReordersColumnar({ service: { fillRate: 0.9 }, orderQuantity: { daysOfCover: 10 } }, cols)).toThrow(
      '[dealerkit] columns.meanPerDay[1]: a fill-rate target needs an order quantity above 0, but the lot size is 0 while demand varies (σ 2.6458)',
    );
    expect(() =>
      planReordersColumnar({ service: { cycle: 0.9 }, distribution: 'poisson', orderQuantity: { fixed: 1 } }, { ...cols, meanPerDay: f(2e7, 1) }),
    ).toThrow("[dealerkit] columns.meanPerDay[0]: 'poisson' needs a mean demand over the protection interval of at most 10000000, received 140,000,000");
  });

  it('Poisson fill rate with a zero lot and positive mean is infeasible', () => {
    const it1: ReorderItem = { demand: { meanPerDay: 0.1, sdPerDay: 0 }, leadTime: { days: 7 }, stock: { onHand: 1, onOrder: 0 }, levels: { min: 2, max: 2 } };
    expect(() => planReorder({ service: { fillRate: 0.9 }, distribution: 'poisson' }, it1)).toThrow(
      '[dealerkit] policy.service: a fill-rate target needs an order quantity above 0, but the lot size is 0 while demand varies (σ 0)',
    );
  });

  it('Poisson fill rate with a large mean searches beyond the first bracket', () => {
    // mean 700 over the lead time, β 0.999, Q 1: E[(X − r)⁺] ≤ 0.001 needs r well above 700 + 10√700 + 10
    const big: ReorderItem = { demand: { meanPerDay: 100, sdPerDay: 10 }, leadTime: { days: 7 }, stock: { onHand: 0, onOrder: 0 } };
    const plan = planReorder({ service: { fillRate: 0.999999 }, distribution: 'poisson', orderQuantity: { fixed: 0.001 } }, big);
    expect(plan.reorderPoint).toBeGreaterThan(700 + 10 * Math.sqrt(700) + 10 - 200);
    expect(stepOf(plan, 'distribution').distribution).toBe('poisson');
  });

  it('a seasonal window longer than 100 years is refused', () => {
    const it1: ReorderItem = {
      demand: { meanPerDay: 1, sdPerDay: 0 },
      leadTime: { days: 40000 },
      stock: { onHand: 1, onOrder: 0 },
      seasonality: { indicesByMonth: new Array(12).fill(1), asOf: '2026-01-01' },
    };
    expect(() => planReorder({ service: { cycle: 0.9 }, orderQuantity: { fixed: 1 } }, it1)).toThrow(
      '[dealerkit] item.leadTime.days: with seasonality, the protection interval must be at most 36500 days',
    );
  });

  it('periodic review with seasonality and a fractional lead time lists its receipts horizon', () => {
    const plan = planReorder(
      { service: { cycle: 0.9 }, reviewPeriodDays: 3, asOf: '2026-03-01' },
      {
        demand: { meanPerDay: 10, sdPerDay: 2 },
        leadTime: { days: 2.5 },
        stock: { onHand: 5, onOrder: [{ quantity: 4, due: '2026-03-03' }] },
        seasonality: { indicesByMonth: [1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1] },
      },
    );
    // March index 2: demand over L = 10 × 2 × 2.5 = 50, over R + L = 10 × 2 × 5.5 = 110
    expect(stepOf(plan, 'reorder-point').demandOverLeadTime).toBe(50);
    expect(stepOf(plan, 'distribution').demandOverProtection).toBe(110);
    // receipts count while due within 2.5 days of asOf: by 2026-03-03 (whole days)
    expect(stepOf(plan, 'inventory-position').receiptsDueBy).toBe('2026-03-03');
    expect(texts(plan)).toContain('inventory position = on hand 5 + on order 4 (receipts due by 2026-03-03) − backordered 0 − committed 0 = 9');
  });

  it('calculateEoq validates every argument', () => {
    expect(() => calculateEoq(null as never)).toThrow('[dealerkit] demandPerYear: must be a finite number, received nothing');
    expect(() => calculateEoq({ demandPerYear: -1, orderCost: 1, holdingCostPerUnitPerYear: 1 })).toThrow('[dealerkit] demandPerYear: must not be negative, received -1');
    expect(() => calculateEoq({ demandPerYear: 1, orderCost: -1, holdingCostPerUnitPerYear: 1 })).toThrow('[dealerkit] orderCost: must not be negative, received -1');
    expect(calculateEoq({ demandPerYear: 0, orderCost: 5, holdingCostPerUnitPerYear: 1 })).toBe(0);
  });

  it('toDailyDemand refuses non-objects and non-array histories; a history with no gaps says how it would fill', () => {
    expect(() => toDailyDemand(null as never)).toThrow('[dealerkit] (input): must be an object with periodDays and either mean and sd, or history');
    expect(() => toDailyDemand({ history: 'x' as never, periodDays: 7 })).toThrow('[dealerkit] history: must be an array of demand per period');
    expect(() => toDailyDemand({ mean: -1, sd: 0, periodDays: 7 })).toThrow('[dealerkit] mean: must not be negative, received -1');
    const d = toDailyDemand({ history: [7, 14, null, null], periodDays: 7 });
    expect(d.zeroFilled).toBe(2);
    // [7, 14, 0, 0]: mean 5.25; squared deviations 3.0625 + 76.5625 + 27.5625 + 27.5625 = 134.75; √(134.75 / 3) = 6.7020
    expect(d.steps[0]!.text).toBe('demand from 4 periods of 7 days (2 missing periods zero-filled): mean 5.25, sample standard deviation (n − 1 = 3) 6.702 per period');
    expect(d.warnings).toEqual([{ code: 'zero-filled-history', message: '2 of 4 periods of the demand history are missing and counted as 0', path: ['history'] }]);
    // [7, 14]: mean 10.5, deviations ±3.5, √(24.5 / 1) = 4.9497
    const full = toDailyDemand({ history: [7, 14], periodDays: 7 });
    expect(full.steps[0]!.text).toBe('demand from 2 periods of 7 days (missing periods would be zero-filled): mean 10.5, sample standard deviation (n − 1 = 1) 4.9497 per period');
    expect(full.warnings).toEqual([]);
    const tiny = toDailyDemand({ mean: 0.0001, sd: 0, periodDays: 1 });
    expect(tiny.steps.map((s) => s.text)).toEqual(['demand given per day: mean 0.0001, σ 0']);
    const weekly = toDailyDemand({ mean: 140, sd: 14, periodDays: 7 });
    expect(weekly.steps.map((s) => s.text)).toEqual([
      'demand given per 7-day period: mean 140, σ 14',
      'per day: mean 140 / 7 = 20, σ 14 / √7 = 5.2915 (√k scaling assumes independent days)',
    ]);
  });

  it('calculateNormalPdf is symmetric', () => {
    expect(calculateNormalPdf(-1.3)).toBe(calculateNormalPdf(1.3));
  });
});
