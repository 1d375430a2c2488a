// The charts' less travelled paths: a tracking dated inside a month, boolean and missing KPIs, a
// cliff whose next tier pays less, a curve on units priced from the dealer's sales.
import { describe, expect, it } from 'vitest';
import { cascadeTarget, defineGregorianCalendar, defineRebateProgram, defineScorecard, scoreDealer, trackTarget } from 'dealerkit';
import { chartGradeDistribution, chartKpi, chartPace, chartRebateCurve } from 'dealerkit/charts';
import { thrown } from '../helpers.js';
import { render } from './render.js';

describe('chart edges', () => {
  it('pace: an open month is drawn to the date, and the actual stops at the first period without one', async () => {
    const plan = cascadeTarget({ calendar: defineGregorianCalendar({ year: 2026 }), levels: ['month'], spread: 'even' }, 1200);
    const t = trackTarget(plan, { '2026-01': 100, '2026-02': 50 }, { asOf: '2026-02-14' });
    expect(chartPace(t).datasets.cumulative.filter((p) => p.series === 'actual')).toEqual([
      { date: '2026-01-01', value: 0, series: 'actual' },
      { date: '2026-01-31', value: 100, series: 'actual' },
      { date: '2026-02-14', value: 150, series: 'actual' },
    ]);
    const gap = trackTarget(plan, { '2026-02': 50 }, { asOf: '2026-02-14' });
    expect(chartPace(gap).datasets.cumulative.filter((p) => p.series === 'actual')).toHaveLength(1);
    expect(chartPace(gap, { title: 'T', width: 300, height: 200 }).title.text).toBe('T');
    expect((await render(chartPace(gap))).warnings).toEqual([]);
  });

  it('kpi: a boolean KPI has no actual to plot, a missing one scores 0 points', async () => {
    const card = defineScorecard({
      kpis: [{ id: 'sales', direction: 'higher', scoring: { type: 'ratio' } }, { id: 'audit', direction: 'higher', scoring: { type: 'boolean', pass: 100, fail: 0 } }],
      stages: { growth: { weights: { sales: '0.5', audit: '0.5' } } },
      missing: 'reweight',
    });
    const spec = chartKpi(scoreDealer(card, { id: 7, stage: 'growth', actuals: { sales: null, audit: true }, targets: { sales: 100 } }));
    expect(spec.datasets.kpis.map((k) => [k.kpi, k.actual, k.points, k.met])).toEqual([['sales', null, 0, false], ['audit', null, 100, true]]);
    expect(spec.title.text).toBe('7: KPI points against target');
    expect((await render(spec)).warnings).toEqual([]);
  });

  it('grades: a score that is not an object is named', () => {
    const card = defineScorecard({ kpis: [{ id: 's', direction: 'higher', scoring: { type: 'ratio' } }], stages: { a: { weights: { s: 1 } } }, grades: [{ min: 1, grade: 'G' }] });
    // At the score itself: a number has no grade to name (issue 18, corrupted results).
    expect(thrown(() => chartGradeDistribution(card, [{ period: 'Q1', scores: [5 as never] }])).issues[0]!.path).toEqual(['periods', 0, 'scores', 0]);
    expect(chartGradeDistribution(card, [{ period: 'Q1', scores: [{ grade: 'G' }] }]).datasets.grades).toEqual([{ period: 'Q1', grade: 'G', rank: 0, count: 1, share: 1, mid: 0.5 }]);
  });

  it('rebate curve: a volume cliff shows a negative gain; units priced from the dealer\'s sales', async () => {
    // Lago's example: up to 100 units at 2.10, above at 1.01 each (retroactive): 100 → 210; the next
    // tier must be exceeded, and the engine prices it at the threshold's units: 100 × 1.01 = 101, 109 less.
    const lago = defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'quantity', method: 'retroactive', tiers: [{ upTo: 100, perUnit: '2.1', name: 'small' }, { upTo: null, perUnit: '1.01', name: 'large' }] });
    const spec = chartRebateCurve(lago, { id: 'D', quantity: 100 });
    expect(spec.datasets.gap[0]!.label).toBe('large needs more than +0: 101.00 (-109.00)');
    const priced = defineRebateProgram({ currency: 'EUR', rounding: { stage: 'line' }, basis: 'quantity', method: 'retroactive', tiers: [{ from: 0 }, { from: 100, rate: '0.05' }] });
    // 50 units for 5,000: 100 € a unit; at 100 units 10,000 × 5 % = 500.
    const curve = chartRebateCurve(priced, { sales: 5000, quantity: 50 });
    expect(curve.datasets.curve.find((p) => p.x === 100)!.rebate).toBe(500);
    expect((await render(curve)).warnings).toEqual([]);
    const withAward = defineRebateProgram({ currency: 'EUR', rounding: { stage: 'line' }, basis: 'attainment', method: 'retroactive', tiers: [{ from: 0, rate: '0.01' }], overAchievement: { above: '1.1', rate: '0.05' } });
    expect(chartRebateCurve(withAward, { target: 1000 }, { upTo: 2000 }).datasets.curve.some((p) => p.x === 1100)).toBe(true);
  });
});
