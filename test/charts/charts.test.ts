// Every chart specification compiled by Vega-Lite and drawn by Vega, headless (test/charts/render.ts):
// the compiler has nothing to warn about, and the drawn marks and the data Vega holds are the
// figures the engines computed, checked against values derived here by hand.
import { describe, expect, it } from 'vitest';
import {
  cascadeHierarchy,
  cascadeTarget,
  defineGregorianCalendar,
  defineRebateProgram,
  defineScorecard,
  nistSp80030,
  planReorders,
  riskMatrix3x3,
  scoreDealer,
  trackTarget,
} from 'dealerkit';
import { chartCascade, chartGradeDistribution, chartKpi, chartPace, chartRebateCurve, chartRiskHeatMap, chartStockPosition, VEGA_LITE_SCHEMA, type VegaLiteSpec } from 'dealerkit/charts';
import { seedsProgram } from '../rebates/helpers.js';
import { seedsCard } from '../statements/seeds.js';
import { render } from './render.js';

function plainJson(spec: VegaLiteSpec): void {
  // Plain JSON: what goes in comes back out of JSON unchanged, and the schema is declared.
  expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  expect(spec.$schema).toBe(VEGA_LITE_SCHEMA);
  expect(Object.keys(spec.usermeta.dealerkit.fields).sort()).toEqual(Object.keys(spec.datasets).sort());
  for (const [name, rows] of Object.entries(spec.datasets)) {
    for (const row of rows) expect(Object.keys(row).every((k) => k in spec.usermeta.dealerkit.fields[name]!), `${name}: ${Object.keys(row).join(', ')}`).toBe(true);
  }
}

describe('chartRebateCurve', () => {
  // The seeds' program for the seeds' dealer: a 10,000,000 target, 9,620,000 of net sales, 0.97 on
  // time, 70 days of turnover (× 0.8). Thresholds: Bronze 80 % = 8,000,000, Silver 9,000,000, Gold 10,000,000.
  const facts = { id: 'seeds', sales: 9620000, target: 10000000, metrics: { onTimePaymentRatio: '0.97', inventoryTurnoverDays: 70 } };
  const spec = chartRebateCurve(seedsProgram(), facts);

  it('samples the program at every threshold from both sides and draws one line per tier', async () => {
    plainJson(spec);
    const r = await render(spec);
    expect(r.warnings).toEqual([]);
    const curve = r.data.curve!;
    const at = (x: number) => curve.find((p) => p.x === x)!;
    // Just below 9,000,000: Bronze 1 % × 8,999,999.99 × 0.8 = 71,999.999920 → 72,000.00; at it, Silver 2 % × 9,000,000 × 0.8 = 144,000.
    expect([at(8999999.99).rebate, at(8999999.99).tier]).toEqual([72000, 'Bronze']);
    expect([at(9000000).rebate, at(9000000).tier, at(9000000).rate]).toEqual([144000, 'Silver', 0.016]);
    // At 12,500,000 (the axis end, 1.25 × the last threshold): Gold 3 % × 12,500,000 = 375,000; award 2 % × 2,500,000 = 50,000; × 0.8 = 340,000.
    expect(at(12500000).rebate).toBe(340000);
    expect(curve[0]).toEqual({ x: 0, rebate: 0, rate: null, tier: '—', segment: 0 });
    // The line is split by tier: one drawn line per tier for the rebate and for the rate.
    const lines = r.marks.filter((m) => m.name === 'rebate_marks');
    expect(lines).toHaveLength(4);
    expect(r.marks.filter((m) => m.name === 'rate_marks')).toHaveLength(4);
  });

  it("marks the thresholds and the dealer's position with its next-tier gap", async () => {
    const r = await render(spec);
    expect(r.mark('thresholdLabels').map((t) => t.text)).toEqual(['Bronze from 8,000,000.00 (80 %)', 'Silver from 9,000,000.00 (90 %)', 'Gold from 10,000,000.00 (100 %)']);
    expect(r.mark('thresholds')).toHaveLength(3);
    expect(r.mark('dealerLabel').map((t) => t.text)).toEqual(['seeds: Silver, 153,920.00']);
    // Gold needs 380,000 more: 3 % × 10,000,000 × 0.8 = 240,000, 86,080 more than 153,920.
    expect(r.mark('gapLabel').map((t) => t.text)).toEqual(['Gold needs +380,000.00: 240,000.00 (+86,080.00)']);
    const [gap] = r.mark('gap');
    const [dot] = r.mark('dealer');
    expect(gap!.x).toBeCloseTo(dot!.x!, 6);
    expect(gap!.x2!).toBeGreaterThan(gap!.x!);
    expect(r.data.gap).toEqual([{ x: 9620000, x2: 10000000, rebate: 153920, label: 'Gold needs +380,000.00: 240,000.00 (+86,080.00)' }]);
    expect(spec.usermeta.dealerkit.steps.map((s) => s.code)).toEqual(['curve-sampled', 'dealer-position']);
  });

  it('a program on amounts needs no facts; a quantity program draws units', async () => {
    const sap = defineRebateProgram({ currency: 'EUR', rounding: { stage: 'line' }, basis: 'amount', method: 'incremental', tiers: [{ from: 0 }, { from: 5000, rate: '0.02' }, { from: 20000, rate: '0.04' }] });
    const r = await render(chartRebateCurve(sap, undefined, { points: 10, upTo: 30000 }));
    expect(r.warnings).toEqual([]);
    // Incremental: 2 % of 15,000 + 4 % of 10,000 = 300 + 400 = 700 at 30,000.
    expect(r.data.curve!.find((p) => p.x === 30000)!.rebate).toBe(700);
    expect(r.mark('dealer')).toEqual([]);
    const units = defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'quantity', method: 'retroactive', tiers: [{ upTo: 100, perUnit: 2 }, { upTo: null, perUnit: 1 }] });
    const u = chartRebateCurve(units, { quantity: 90 });
    // 90 units at 2 = 180; 101 units at 1 = 101 (Lago's cliff).
    expect(u.datasets.dealer[0]!.rebate).toBe(180);
    expect(u.datasets.curve.find((p) => p.x === 101)!.rebate).toBe(101);
    expect((await render(u)).warnings).toEqual([]);
  });
});

describe('chartRiskHeatMap', () => {
  it('colours every cell by its level and counts the findings in it', async () => {
    const findings = [
      { likelihood: 'high', impact: 'high', label: 'licence' },
      { likelihood: 'high', impact: 'high', label: 'litigation' },
      { likelihood: 'low', impact: 'medium', label: 'reviews' },
    ];
    const spec = chartRiskHeatMap(riskMatrix3x3, findings);
    plainJson(spec);
    const r = await render(spec);
    expect(r.warnings).toEqual([]);
    const cells = r.mark('cells');
    expect(cells).toHaveLength(9);
    // Cox's 3×3: low everywhere in the bottom row and left column, medium in between, high top right.
    const fills = new Map(cells.map((c) => [`${String(c.datum!.likelihood)}/${String(c.datum!.impact)}`, c.fill]));
    expect(new Set([fills.get('low/low'), fills.get('low/high'), fills.get('high/low')]).size).toBe(1);
    expect(fills.get('high/high')).toBe('#c62828');
    expect(fills.get('low/low')).toBe('#2e7d32');
    expect(fills.get('medium/medium')).not.toBe(fills.get('high/high'));
    expect(r.mark('counts').filter((t) => t.text !== '').map((t) => [t.datum!.likelihood, t.datum!.impact, t.text])).toEqual([
      ['low', 'medium', '1'],
      ['high', 'high', '2'],
    ]);
    // Highest likelihood at the top: the high row is drawn above the low row.
    const y = (l: string) => cells.find((c) => c.datum!.likelihood === l)!.y!;
    expect(y('high')).toBeLessThan(y('low'));
    expect(r.svg).toContain('litigation');
  });

  it("lists the findings' labels, or draws the bare matrix with a warning", async () => {
    const list = await render(chartRiskHeatMap(nistSp80030, [{ likelihood: 'moderate', impact: 'high', label: 'tax' }], { show: 'list' }));
    expect(list.mark('counts').filter((t) => t.text !== '').map((t) => t.text)).toEqual(['tax']);
    expect(list.mark('cells')).toHaveLength(25);
    const bare = chartRiskHeatMap(nistSp80030);
    expect(bare.usermeta.dealerkit.warnings.map((w) => w.code)).toEqual(['no-findings']);
    expect((await render(bare)).mark('counts').every((t) => t.text === '')).toBe(true);
  });
});

describe('chartCascade', () => {
  it("stacks the year by quarter and month: every level's bar ends at the year's total", async () => {
    const c = cascadeTarget({ calendar: defineGregorianCalendar({ year: 2026 }), levels: ['quarter', 'month'], spread: 'even' }, 100000000);
    const spec = chartCascade(c);
    plainJson(spec);
    const r = await render(spec);
    expect(r.warnings).toEqual([]);
    const bars = r.mark('periods');
    expect(bars).toHaveLength(16);
    // January gets the leftover unit of Q1: 8,333,334, then 8,333,333 twice.
    expect(r.data.periods!.filter((p) => p.level === 'month').slice(0, 3).map((p) => p.target)).toEqual([8333334, 8333333, 8333333]);
    const right = (level: string) => Math.max(...bars.filter((b) => b.datum!.level === level).map((b) => b.x! + b.width!));
    expect(right('quarter')).toBeCloseTo(right('month'), 6);
    expect(r.mark('sums').map((t) => t.text)).toEqual(['Σ 100,000,000', 'Σ 100,000,000']);
    // A month is coloured as its quarter.
    const fill = (period: string) => bars.find((b) => b.datum!.period === period)!.fill;
    expect(fill('2026-02')).toBe(fill('2026-Q1'));
    expect(fill('2026-04')).not.toBe(fill('2026-Q1'));
  });

  it('draws a territory tree as grouped bars, one per dealer', async () => {
    const h = cascadeHierarchy({ id: 'brand', children: [{ id: 'north', children: [{ id: 'D01', weight: 120 }, { id: 'D02', weight: 80 }] }, { id: 'south', children: [{ id: 'D03', weight: 100 }] }] }, 1000);
    const spec = chartCascade(h);
    plainJson(spec);
    const r = await render(spec);
    expect(r.warnings).toEqual([]);
    // north 667: D01 400, D02 267; south 333: D03 333 (the guide's example).
    expect(r.mark('leaves').map((b) => [b.datum!.group, b.datum!.id, b.datum!.target])).toEqual([['north', 'D01', 400], ['north', 'D02', 267], ['south', 'D03', 333]]);
    const [d01, d02, d03] = r.mark('leaves');
    expect(d01!.height!).toBeGreaterThan(d02!.height!);
    expect(d02!.x!).toBeGreaterThan(d01!.x!);
    expect(d03!.x!).toBeGreaterThan(d02!.x!);
  });
});

describe('chartPace', () => {
  it('draws the cumulative plan, the actual to date and the run-rate forecast, on UTC days', async () => {
    // 1,200 a year, 100 a month; 90 + 110 + 130 sold by 31 March: 330 of 300 expected.
    // Run rate: 330 × 365 / 90 days = 1,338.33… → 1,338.
    const plan = cascadeTarget({ calendar: defineGregorianCalendar({ year: 2026 }), levels: ['quarter', 'month'], spread: 'even' }, 1200);
    const t = trackTarget(plan, { '2026-01': 90, '2026-02': 110, '2026-03': 130 }, { asOf: '2026-03-31' });
    const spec = chartPace(t);
    plainJson(spec);
    const r = await render(spec);
    expect(r.warnings).toEqual([]);
    const series = (name: string) => r.data.cumulative!.filter((p) => p.series === name).map((p) => [p.date, p.value]);
    expect(series('plan').slice(0, 4)).toEqual([['2026-01-01', 0], ['2026-01-31', 100], ['2026-02-28', 200], ['2026-03-31', 300]]);
    expect(series('plan').at(-1)).toEqual(['2026-12-31', 1200]);
    expect(series('actual')).toEqual([['2026-01-01', 0], ['2026-01-31', 90], ['2026-02-28', 200], ['2026-03-31', 330]]);
    expect(series('run-rate forecast')).toEqual([['2026-03-31', 330], ['2026-12-31', 1338]]);
    expect(r.mark('points').map((p) => p.datum!.series)).toEqual(['expected to date', 'actual to date']);
    expect(r.mark('actualLabel').map((p) => p.text)).toEqual(['actual 330']);
    // The axis reads January first in every time zone (the scale is UTC).
    const labels = r.marks.filter((m) => m.role === 'axis-label').flatMap((m) => m.items.map((i) => i.text));
    expect(labels).toContain('Jan');
    expect(labels.indexOf('Jan')).toBeLessThan(labels.indexOf('Feb'));
    expect(r.mark('forecast').length).toBeGreaterThan(0);
  });

  it('draws by the finest level with actuals, or the level asked for', async () => {
    const plan = cascadeTarget({ calendar: defineGregorianCalendar({ year: 2026 }), levels: ['quarter', 'month'], spread: 'even' }, 1200);
    const t = trackTarget(plan, { '2026-Q1': 330 }, { asOf: '2026-03-31' });
    expect(chartPace(t).datasets.cumulative.filter((p) => p.series === 'actual')).toEqual([{ date: '2026-01-01', value: 0, series: 'actual' }, { date: '2026-03-31', value: 330, series: 'actual' }]);
    expect(chartPace(t, { level: 'month' }).datasets.cumulative.filter((p) => p.series === 'plan')).toHaveLength(13);
    const end = trackTarget(plan, { '2026-Q1': 300, '2026-Q2': 300, '2026-Q3': 300, '2026-Q4': 300 }, { asOf: '2026-12-31' });
    const r = await render(chartPace(end));
    expect(r.warnings).toEqual([]);
    expect(r.data.cumulative!.some((p) => p.series === 'run-rate forecast')).toBe(false);
  });
});

describe('chartStockPosition', () => {
  it('draws each SKU on hand against its safety stock, reorder point and maximum', async () => {
    // σ = 0: safety stock 0; A: reorder point 10 × 10 = 100, max 100 + 100 = 200, 80 on hand → reorder.
    // B: reorder point 5, max 105, 150 on hand → overstock.
    const run = planReorders({ service: { cycle: 0.95 }, distribution: 'normal', orderQuantity: { fixed: 100 } }, [
      { id: 'A', demand: { meanPerDay: 10, sdPerDay: 0 }, leadTime: { days: 10 }, stock: { onHand: 80, onOrder: 0 } },
      { id: 'B', demand: { meanPerDay: 1, sdPerDay: 0 }, leadTime: { days: 5 }, stock: { onHand: 150, onOrder: 0 } },
    ]);
    const spec = chartStockPosition(run.rows.map((r) => r.result!));
    plainJson(spec);
    const r = await render(spec);
    expect(r.warnings).toEqual([]);
    expect(r.data.skus!.map((s) => [s.sku, s.onHand, s.reorderPoint, s.max, s.status, s.suggestedOrder])).toEqual([['A', 80, 100, 200, 'reorder', 100], ['B', 150, 5, 105, 'overstock', 0]]);
    const bars = r.mark('onHand');
    expect(bars.map((b) => b.fill)).toEqual(['#fb8c00', '#5c6bc0']);
    expect(r.mark('levels')).toHaveLength(6);
    // The bar of A (80) ends left of its reorder-point tick (100), and B's (150) right of its maximum (105).
    const tick = (sku: string, level: string) => r.mark('levels').find((t) => t.datum!.sku === sku && t.datum!.level === level)!;
    expect(bars[0]!.x! + bars[0]!.width!).toBeLessThan(tick('A', 'reorder point').x!);
    expect(bars[1]!.x! + bars[1]!.width!).toBeGreaterThan(tick('B', 'maximum').x!);
  });

  it("plans without steps show the position, and say so", () => {
    const run = planReorders({ service: { cycle: 0.95 }, orderQuantity: { fixed: 50 } }, [{ id: 'A', demand: { meanPerDay: 10, sdPerDay: 2 }, leadTime: { days: 10 }, stock: { onHand: 80, onOrder: 30 } }], { detail: 'summary' });
    const spec = chartStockPosition(run.rows.map((r) => r.result!));
    expect(spec.datasets.skus[0]!.onHand).toBe(110);
    expect(spec.usermeta.dealerkit.warnings.map((w) => w.code)).toEqual(['position-not-on-hand']);
  });
});

describe('chartKpi', () => {
  it('draws each indicator against the target line of 100, labelled with its contribution', async () => {
    // The seeds' quarter under maturity weights: 95 → 47.50, 102.22 → 30.67, 120 → 12.00, 116.67 → 11.67.
    const score = scoreDealer(seedsCard, { id: 'SEEDS', stage: 'maturity', actuals: { sales: 2375000, satisfaction: 92, share: 6, expansion: 35 }, targets: { sales: 2500000, satisfaction: 90, share: 5, expansion: 30 } });
    const spec = chartKpi(score);
    plainJson(spec);
    const r = await render(spec);
    expect(r.warnings).toEqual([]);
    expect(r.mark('contribution').map((t) => t.text)).toEqual(['+47.50', '+30.67', '+12.00', '+11.67']);
    const bars = r.mark('points');
    expect(bars.map((b) => b.datum!.met)).toEqual([false, true, true, true]);
    expect(bars.map((b) => b.fill)).toEqual(['#e07b24', '#2e7d32', '#2e7d32', '#2e7d32']);
    const [line] = r.mark('target');
    expect(bars[0]!.x! + bars[0]!.width!).toBeLessThan(line!.x!);
    expect(bars[2]!.x! + bars[2]!.width!).toBeGreaterThan(line!.x!);
    expect(spec.title.subtitle).toBe('score 101.83, Silver');
  });
});

describe('chartGradeDistribution', () => {
  it('counts the grades of each period in the scorecard order, ungraded last', async () => {
    const card = defineScorecard({ kpis: [{ id: 'sales', direction: 'higher', scoring: { type: 'ratio' } }], stages: { growth: { weights: { sales: 1 } } }, grades: [{ min: 100, grade: 'Gold' }, { min: 90, grade: 'Silver' }] });
    const score = (sales: number) => scoreDealer(card, { stage: 'growth', actuals: { sales }, targets: { sales: 100 } });
    const spec = chartGradeDistribution(card, [
      { period: '2025-Q1', scores: [score(120), score(95), score(80), score(101)] },
      { period: '2025-Q2', scores: [score(99), score(92)] },
    ]);
    plainJson(spec);
    const r = await render(spec);
    expect(r.warnings).toEqual([]);
    expect(r.data.grades!.map((g) => [g.period, g.grade, g.count, g.share])).toEqual([
      ['2025-Q1', 'Gold', 2, 0.5],
      ['2025-Q1', 'Silver', 1, 0.25],
      ['2025-Q1', 'ungraded', 1, 0.25],
      ['2025-Q2', 'Silver', 2, 1],
    ]);
    expect(r.mark('counts').map((t) => t.text)).toEqual(['2', '1', '1', '2']);
    // Q1's bar is twice as tall as Q2's (4 dealers against 2).
    const height = (p: string) => r.mark('grades').filter((b) => b.datum!.period === p).reduce((a, b) => a + Math.abs(b.height ?? b.y2! - b.y!), 0);
    expect(height('2025-Q1')).toBeCloseTo(2 * height('2025-Q2'), 6);
  });
});
