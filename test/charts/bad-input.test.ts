// Chart inputs that cannot make a picture: an empty list is never drawn as an empty chart, and
// every refusal is a DealerkitError naming the path. Results read back from JSON are charted the same.
import { describe, expect, it } from 'vitest';
import { cascadeHierarchy, cascadeTarget, defineGregorianCalendar, defineRebateProgram, defineScorecard, planReorder, riskMatrix3x3, scoreDealer, trackTarget } from 'dealerkit';
import { chartCascade, chartGradeDistribution, chartKpi, chartPace, chartRebateCurve, chartRiskHeatMap, chartStockPosition } from 'dealerkit/charts';
import { thrown } from '../helpers.js';
import { seedsProgram } from '../rebates/helpers.js';

const issues = (fn: () => unknown) => thrown(fn).issues.map((i) => [i.path, i.code]);
const card = defineScorecard({ kpis: [{ id: 'sales', direction: 'higher', scoring: { type: 'ratio' } }], stages: { growth: { weights: { sales: 1 } } }, grades: [{ min: 100, grade: 'Gold' }] });
const plan = cascadeTarget({ calendar: defineGregorianCalendar({ year: 2026 }), levels: ['quarter', 'month'], spread: 'even' }, 1200);
const tracking = trackTarget(plan, { '2026-01': 90 }, { asOf: '2026-01-31' });
const score = scoreDealer(card, { stage: 'growth', actuals: { sales: 95 }, targets: { sales: 100 } });
const reorder = planReorder({ service: { cycle: 0.95 }, orderQuantity: { fixed: 10 } }, { id: 'A', demand: { meanPerDay: 1, sdPerDay: 1 }, leadTime: { days: 5 }, stock: { onHand: 3, onOrder: 0 } });

describe('chart inputs with no rows', () => {
  it('each names the empty list', () => {
    expect(issues(() => chartStockPosition([]))).toEqual([[['plans'], 'too_short']]);
    expect(issues(() => chartGradeDistribution(card, []))).toEqual([[['periods'], 'too_short']]);
    expect(issues(() => chartGradeDistribution(card, [{ period: '2025-Q1', scores: [] }]))).toEqual([[['periods', 0, 'scores'], 'too_short']]);
    expect(issues(() => chartRiskHeatMap(riskMatrix3x3, []))).toEqual([[['findings'], 'too_short']]);
    expect(issues(() => chartKpi({ ...score, steps: [] }))).toEqual([[['score', 'steps'], 'too_short']]);
    expect(issues(() => chartPace({ ...tracking, periods: [] }))).toEqual([[['tracking', 'periods'], 'too_short']]);
    expect(issues(() => chartCascade({ ...plan, periods: [] }))).toEqual([[['cascade', 'periods'], 'too_short']]);
    const h = cascadeHierarchy({ id: 'brand', children: [{ id: 'a', weight: 1 }] }, 10);
    expect(issues(() => chartCascade({ ...h, root: { ...h.root, children: [] } }))).toEqual([[['cascade', 'root', 'children'], 'too_short']]);
    expect(thrown(() => chartStockPosition([])).message).toBe('[dealerkit] plans: must hold at least one plan: an empty chart is never drawn');
  });
});

describe('inputs that are not what the chart reads', () => {
  it('labels, grades, levels and ids', () => {
    expect(issues(() => chartRiskHeatMap(riskMatrix3x3, [{ likelihood: 'extreme', impact: 'hgh' }]))).toEqual([[['findings', 0, 'likelihood'], 'unknown_label'], [['findings', 0, 'impact'], 'unknown_label']]);
    expect(issues(() => chartGradeDistribution(card, [{ period: 'Q1', scores: [{ grade: 'Gold' }, { grade: 'Platinum' }] }]))).toEqual([[['periods', 0, 'scores', 1, 'grade'], 'unknown_label']]);
    expect(issues(() => chartGradeDistribution(card, [{ period: 'Q1', scores: [score] }, { period: 'Q1', scores: [score] }]))).toEqual([[['periods', 1, 'period'], 'duplicate']]);
    expect(issues(() => chartPace(tracking, { level: 'week' }))).toEqual([[['options', 'level'], 'unknown_label']]);
    expect(issues(() => chartStockPosition([{ ...reorder, id: null }]))).toEqual([[['plans', 0, 'id'], 'required']]);
    expect(issues(() => chartStockPosition([{ ...reorder, max: {} as never }]))).toEqual([[['plans', 0, 'max'], 'invalid_type']]);
  });

  it('values of the wrong kind', () => {
    expect(issues(() => chartRiskHeatMap({ kind: 'x' } as never))).toEqual([[['matrix'], 'invalid_type']]);
    expect(issues(() => chartCascade(null as never))).toEqual([[['cascade'], 'invalid_type']]);
    expect(issues(() => chartCascade({ periods: 3 } as never))).toEqual([[['cascade'], 'invalid_type']]);
    expect(issues(() => chartPace(5 as never))).toEqual([[['tracking'], 'invalid_type']]);
    expect(issues(() => chartKpi([] as never))).toEqual([[['score'], 'invalid_type']]);
    expect(issues(() => chartGradeDistribution({} as never, []))).toEqual([[['scorecard'], 'invalid_type']]);
    expect(issues(() => chartStockPosition('x' as never))).toEqual([[['plans'], 'invalid_type']]);
    expect(issues(() => chartRebateCurve(seedsProgram(), 'x' as never))).toEqual([[['facts'], 'invalid_type']]);
  });

  it("the rebate curve's facts and options", () => {
    expect(issues(() => chartRebateCurve(seedsProgram(), { sales: 100 }))).toEqual([[['facts', 'target'], 'required']]);
    expect(issues(() => chartRebateCurve(seedsProgram(), { sales: 100, target: 1000 }))).toEqual([[['facts', 'metrics', 'onTimePaymentRatio'], 'required']]);
    expect(issues(() => chartRebateCurve(seedsProgram(), { target: 1000, metrics: { onTimePaymentRatio: 1, inventoryTurnoverDays: 1 } }, { points: 1 }))).toEqual([[['options', 'points'], 'out_of_range']]);
    expect(issues(() => chartRebateCurve(seedsProgram(), { target: 1000 }, { widht: 3 } as never))).toEqual([[['options', 'widht'], 'unknown_field']]);
    const flat = defineRebateProgram({ currency: 'EUR', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive', tiers: [{ from: 0, rate: '0.01' }] });
    expect(issues(() => chartRebateCurve(flat))).toEqual([[['options', 'upTo'], 'required']]);
    expect(chartRebateCurve(flat, undefined, { upTo: 100, points: 4 }).datasets.curve.map((p) => p.rebate)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    const growth = defineRebateProgram({ currency: 'EUR', rounding: { stage: 'line' }, basis: 'growth', method: 'retroactive', tiers: [{ from: 0 }, { from: 100, rate: '0.1' }] });
    expect(issues(() => chartRebateCurve(growth))).toEqual([[['facts', 'baseline'], 'required']]);
    // Growth from a 1,000 baseline: the tier from +100 starts at 1,100 of sales.
    expect(chartRebateCurve(growth, { baseline: 1000 }).datasets.thresholds.map((t) => t.x)).toEqual([1100]);
    const rate = defineRebateProgram({ currency: 'EUR', rounding: { stage: 'line' }, basis: 'growthRate', method: 'retroactive', tiers: [{ from: 0 }, { from: '0.1', rate: '0.1' }] });
    expect(issues(() => chartRebateCurve(rate))).toEqual([[['facts', 'baseline'], 'required']]);
    expect(chartRebateCurve(rate, { baseline: 1000 }).datasets.thresholds.map((t) => t.x)).toEqual([1100]);
  });
});

describe('results read back from JSON', () => {
  it('are charted the same as the results themselves', () => {
    const json = <T,>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
    expect(chartPace(json(tracking))).toEqual(chartPace(tracking));
    expect(chartKpi(json(score))).toEqual(chartKpi(score));
    expect(chartStockPosition(json([reorder]))).toEqual(chartStockPosition([reorder]));
    expect(chartCascade(json(plan))).toEqual(chartCascade(plan));
  });
});
