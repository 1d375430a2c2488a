// chartRebateCurve asserted whole (src/charts/rebate-curve.ts): the sampled curve, the thresholds,
// the dealer and its gap, the layers, the fields, the titles and the steps, derived here by hand.
import { describe, expect, it } from 'vitest';
import { defineRebateProgram } from 'dealerkit';
import { chartRebateCurve } from 'dealerkit/charts';
import { thrown } from '../helpers.js';
import { seedsProgram } from '../rebates/helpers.js';
import { CONFIG, SCHEMA } from './spec-parts.js';

const FIELDS = {
  curve: {
    x: 'net sales (net units on a quantity basis)',
    rebate: 'the rebate at x (calculateRebate, rounded as the program rounds)',
    rate: 'the effective rate: rebate / net sales (null at 0)',
    tier: 'the tier reached at x',
    segment: 'the tier index: one line per tier, so a retroactive jump is not drawn as a slope',
  },
  thresholds: { x: "the tier's threshold in net sales (or units)", tier: 'the tier that starts there', label: 'the threshold in words' },
  dealer: { x: "the dealer's net sales (or units)", rebate: "the dealer's rebate", label: 'the position in words' },
  gap: { x: "the dealer's net sales", x2: "the next tier's threshold", rebate: "the dealer's rebate", label: 'what the next tier needs and is worth' },
};

const X = (title: string) => ({ field: 'x', type: 'quantitative', title, axis: { format: ',.0f' } });
const REBATE = (title: string, currency: string) => ({
  name: 'rebate',
  data: { name: 'curve' },
  mark: { type: 'line', color: '#1f4e79', strokeWidth: 2 },
  encoding: {
    x: X(title),
    y: { field: 'rebate', type: 'quantitative', title: `rebate (${currency})`, axis: { format: ',.0f' } },
    detail: { field: 'segment', type: 'nominal' },
    tooltip: [{ field: 'x', type: 'quantitative', format: ',.2f' }, { field: 'rebate', type: 'quantitative', format: ',.2f' }, { field: 'tier', type: 'nominal' }],
  },
});
const THRESHOLDS = [
  { name: 'thresholds', data: { name: 'thresholds' }, mark: { type: 'rule', color: '#888', strokeDash: [4, 3] }, encoding: { x: { field: 'x', type: 'quantitative' } } },
  {
    name: 'thresholdLabels',
    data: { name: 'thresholds' },
    mark: { type: 'text', angle: 270, align: 'right', baseline: 'bottom', dx: -4, fontSize: 10, color: '#555' },
    encoding: { x: { field: 'x', type: 'quantitative' }, y: { value: 4 }, text: { field: 'label' } },
  },
];
const DEALER = [
  { name: 'dealer', data: { name: 'dealer' }, mark: { type: 'point', filled: true, size: 90, color: '#c62828' }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'rebate', type: 'quantitative' } } },
  { name: 'dealerLabel', data: { name: 'dealer' }, mark: { type: 'text', align: 'right', dx: -8, dy: -8, fontSize: 11, color: '#c62828' }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'rebate', type: 'quantitative' }, text: { field: 'label' } } },
];
const GAP = [
  { name: 'gap', data: { name: 'gap' }, mark: { type: 'rule', color: '#c62828', strokeWidth: 2, strokeDash: [2, 2] }, encoding: { x: { field: 'x', type: 'quantitative' }, x2: { field: 'x2' }, y: { field: 'rebate', type: 'quantitative' } } },
  { name: 'gapLabel', data: { name: 'gap' }, mark: { type: 'text', align: 'right', dy: 14, fontSize: 10, color: '#c62828' }, encoding: { x: { field: 'x2', type: 'quantitative' }, y: { field: 'rebate', type: 'quantitative' }, text: { field: 'label' } } },
];
const RATE = (title: string) => ({
  name: 'rate',
  data: { name: 'curve' },
  mark: { type: 'line', color: '#e07b24', strokeDash: [6, 3] },
  encoding: { x: X(title), y: { field: 'rate', type: 'quantitative', title: 'effective rate', axis: { format: '.1%', orient: 'right' } }, detail: { field: 'segment', type: 'nominal' } },
});

// SAP's three-tier example: nothing below 5,000, 2 % from 5,000, 4 % from 20,000, retroactive.
const sap = defineRebateProgram({ currency: 'EUR', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive', tiers: [{ from: 0 }, { from: 5000, rate: '0.02' }, { from: 20000, rate: '0.04' }] });

describe('chartRebateCurve, whole', () => {
  it('a dealer at 12,000 on a three-tier retroactive program, two samples', () => {
    // The axis ends at max(1.25 × 20,000, 1.1 × 12,000) = 25,000; two samples: 0, 12,500, 25,000; each
    // threshold ± 0.01; the dealer's 12,000. Rebates: 2 % × 5,000 = 100, × 5,000.01 = 100.0002 → 100.00,
    // × 12,000 = 240, × 12,500 = 250, × 19,999.99 = 399.9998 → 400.00; 4 % × 20,000 = 800, × 20,000.01 → 800.00, × 25,000 = 1,000.
    const spec = chartRebateCurve(sap, { id: 'D7', sales: 12000 }, { points: 2 });
    const c = (x: number, rebate: number, rate: number | null, segment: number) => ({ x, rebate, rate, tier: `tier ${segment + 1}`, segment });
    expect(spec).toEqual({
      $schema: SCHEMA,
      description: "The rebate and the effective rate of the program against net sales, with its thresholds and the dealer's position.",
      title: { text: 'Rebate: rebate and effective rate by net sales' },
      width: 560,
      height: 300,
      datasets: {
        curve: [
          c(0, 0, null, 0),
          c(4999.99, 0, 0, 0),
          c(5000, 100, 0.02, 1),
          // 100 / 5,000.01 = 0.019999960…; 400 / 19,999.99 = 0.020000010…; 800 / 20,000.01 = 0.039999980… (8 places).
          c(5000.01, 100, 0.01999996, 1),
          c(12000, 240, 0.02, 1),
          c(12500, 250, 0.02, 1),
          c(19999.99, 400, 0.02000001, 1),
          c(20000, 800, 0.04, 2),
          c(20000.01, 800, 0.03999998, 2),
          c(25000, 1000, 0.04, 2),
        ],
        thresholds: [
          { x: 5000, tier: 'tier 2', label: 'tier 2 from 5,000.00' },
          { x: 20000, tier: 'tier 3', label: 'tier 3 from 20,000.00' },
        ],
        dealer: [{ x: 12000, rebate: 240, label: 'D7: tier 2, 240.00' }],
        // Tier 3 needs 8,000 more and pays 4 % × 20,000 = 800, 560 more than 240.
        gap: [{ x: 12000, x2: 20000, rebate: 240, label: 'tier 3 needs +8,000.00: 800.00 (+560.00)' }],
      },
      layer: [{ layer: [REBATE('net sales', 'EUR'), ...THRESHOLDS, ...DEALER, ...GAP] }, RATE('net sales')],
      resolve: { scale: { y: 'independent' } },
      config: CONFIG,
      usermeta: {
        dealerkit: {
          chart: 'rebate-curve',
          fields: FIELDS,
          warnings: [],
          steps: [
            { code: 'curve-sampled', text: 'The rebate evaluated by calculateRebate at 10 net-sales values from 0.00 to 25,000.00, each of the 2 thresholds approached from both sides' },
            { code: 'dealer-position', text: "The dealer's position: Tier 2 reached at net sales of 12,000.00: 2 % × 12,000.00 = 240.00." },
          ],
        },
      },
    });
  });

  it('no dealer: no dealer or gap layers; the dealer past the axis widens it; options', () => {
    const bare = chartRebateCurve(sap, undefined, { points: 4, upTo: 10000, title: 'SAP', width: 400, height: 200 });
    expect(bare.layer[0]).toEqual({ layer: [REBATE('net sales', 'EUR'), ...THRESHOLDS] });
    expect([bare.title, bare.width, bare.height]).toEqual([{ text: 'SAP' }, 400, 200]);
    expect(bare.description).toBe('The rebate and the effective rate of the program against net sales, with its thresholds.');
    // 0, 2,500, 5,000, 7,500, 10,000 and 4,999.99, 5,000.01 (20,000 is past the axis end, so none of its three).
    expect(bare.datasets.curve.map((p) => p.x)).toEqual([0, 2500, 4999.99, 5000, 5000.01, 7500, 10000]);
    expect(bare.datasets.thresholds.map((t) => t.x)).toEqual([5000, 20000]);
    expect([bare.datasets.dealer, bare.datasets.gap]).toEqual([[], []]);
    expect(bare.usermeta.dealerkit.steps).toEqual([{ code: 'curve-sampled', text: 'The rebate evaluated by calculateRebate at 7 net-sales values from 0.00 to 10,000.00, each of the 2 thresholds approached from both sides' }]);
    // A dealer at 30,000: the axis ends at 1.1 × 30,000 = 33,000 (above 1.25 × 20,000 = 25,000); the top tier has no next tier.
    const top = chartRebateCurve(sap, { sales: 30000 }, { points: 3 });
    expect(top.datasets.curve.map((p) => p.x)).toEqual([0, 4999.99, 5000, 5000.01, 11000, 19999.99, 20000, 20000.01, 22000, 30000, 33000]);
    expect(top.datasets.dealer).toEqual([{ x: 30000, rebate: 1200, label: 'dealer: tier 3, 1,200.00' }]);
    expect(top.datasets.gap).toEqual([]);
    expect(top.layer[0]).toEqual({ layer: [REBATE('net sales', 'EUR'), ...THRESHOLDS, ...DEALER] });
    // By default 60 samples: 0, 416.67, …, 25,000 (61 values, 5,000 and 20,000 among them: i = 12 and 48)
    // and the four threshold neighbours 4,999.99, 5,000.01, 19,999.99, 20,000.01.
    expect(chartRebateCurve(sap).datasets.curve).toHaveLength(65);
  });

  it('named tiers on an attainment basis: thresholds in money and in per cent', () => {
    const p = defineRebateProgram({
      name: 'Growth plan',
      currency: 'USD',
      rounding: { stage: 'line' },
      basis: 'attainment',
      method: 'retroactive',
      tiers: [{ from: 0, name: 'Base' }, { from: '0.9', rate: '0.01', name: 'Silver' }, { from: '1.05', rate: '0.02', name: 'Gold' }],
    });
    // Target 2,000: Silver from 90 % = 1,800, Gold from 105 % = 2,100; axis to 1.25 × 2,100 = 2,625; dealer at 2,000 (Silver, 20.00).
    const spec = chartRebateCurve(p, { sales: 2000, target: 2000 }, { points: 2 });
    expect(spec.datasets.thresholds).toEqual([
      { x: 1800, tier: 'Silver', label: 'Silver from 1,800.00 (90 %)' },
      { x: 2100, tier: 'Gold', label: 'Gold from 2,100.00 (105 %)' },
    ]);
    expect(spec.title.text).toBe('Growth plan: rebate and effective rate by net sales');
    expect(spec.description).toBe("The rebate and the effective rate of Growth plan against net sales, with its thresholds and the dealer's position.");
    expect(spec.datasets.curve.map((q) => [q.x, q.tier])).toEqual([
      [0, 'Base'], [1312.5, 'Base'], [1799.99, 'Base'], [1800, 'Silver'], [1800.01, 'Silver'], [2000, 'Silver'], [2099.99, 'Silver'], [2100, 'Gold'], [2100.01, 'Gold'], [2625, 'Gold'],
    ]);
    // Gold at 2,100 pays 2 % = 42, 22 more than 20.
    expect(spec.datasets.gap).toEqual([{ x: 2000, x2: 2100, rebate: 20, label: 'Gold needs +100.00: 42.00 (+22.00)' }]);
    expect(spec.datasets.dealer).toEqual([{ x: 2000, rebate: 20, label: 'dealer: Silver, 20.00' }]);
    expect(spec.layer[0]).toEqual({ layer: [REBATE('net sales', 'USD'), ...THRESHOLDS, ...DEALER, ...GAP] });
  });

  it('a quantity basis draws whole units; the price comes from the dealer when it has sales', () => {
    // Up to 100 units at 2 each, above 100 at 1 each (retroactive): tier 2 starts past 100 units.
    const units = defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'quantity', method: 'retroactive', tiers: [{ upTo: 100, perUnit: 2 }, { upTo: null, perUnit: 1 }] });
    // Threshold 100 ± 1 unit; axis to 1.25 × 100 = 125; two samples: 0, 62.5 → 62 (half-even to whole units), 125.
    const spec = chartRebateCurve(units, { quantity: 90 }, { points: 2 });
    expect(spec.title.text).toBe('Rebate: rebate and effective rate by net units');
    expect((spec.layer[1] as { encoding: { x: unknown } }).encoding.x).toEqual(X('net units'));
    // 62 × 2 = 124; 90 × 2 = 180; 99 × 2 = 198; 100 × 2 = 200; 101 × 1 = 101 (the cliff); 125 × 1 = 125. Without a price the rate is per unit: 2 and 1.
    expect(spec.datasets.curve).toEqual([
      { x: 0, rebate: 0, rate: null, tier: 'tier 1', segment: 0 },
      { x: 62, rebate: 124, rate: 2, tier: 'tier 1', segment: 0 },
      { x: 90, rebate: 180, rate: 2, tier: 'tier 1', segment: 0 },
      { x: 99, rebate: 198, rate: 2, tier: 'tier 1', segment: 0 },
      { x: 100, rebate: 200, rate: 2, tier: 'tier 1', segment: 0 },
      { x: 101, rebate: 101, rate: 1, tier: 'tier 2', segment: 1 },
      { x: 125, rebate: 125, rate: 1, tier: 'tier 2', segment: 1 },
    ]);
    expect(spec.datasets.thresholds).toEqual([{ x: 100, tier: 'tier 2', label: 'tier 2 from 100' }]);
    expect(spec.usermeta.dealerkit.steps[0]!.text).toBe('The rebate evaluated by calculateRebate at 7 net-units values from 0 to 125, each of the 1 thresholds approached from both sides');
    // Tier 2 must exceed 100: 10 units more, priced at the threshold 100 × 1 = 100, 80 less than 180.
    expect(spec.datasets.gap).toEqual([{ x: 90, x2: 100, rebate: 180, label: 'tier 2 needs more than +10: 100.00 (-80.00)' }]);
    // Without a quantity there is no dealer.
    expect(chartRebateCurve(units, { sales: 500 }, { points: 2 }).datasets.dealer).toEqual([]);
    // Zero units give no price (no division by zero): the dealer sits at 0.
    expect(chartRebateCurve(units, { sales: 500, quantity: 0 }, { points: 2 }).datasets.dealer).toEqual([{ x: 0, rebate: 0, label: 'dealer: tier 1, 0.00' }]);
  });

  it("the dealer's rebate is printed in money on a unit axis (3 units × 2.25 = 6.75, not 7)", () => {
    const units = defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'quantity', method: 'retroactive', tiers: [{ upTo: 100, perUnit: '2.25' }, { upTo: null, perUnit: 1 }] });
    const spec = chartRebateCurve(units, { id: 'D9', quantity: 3 }, { points: 2 });
    expect(spec.datasets.dealer).toEqual([{ x: 3, rebate: 6.75, label: 'D9: tier 1, 6.75' }]);
    // 97 more units reach past 100: 100 × 1 = 100.00, 93.25 more than 6.75.
    expect(spec.datasets.gap).toEqual([{ x: 3, x2: 100, rebate: 6.75, label: 'tier 2 needs more than +97: 100.00 (+93.25)' }]);
  });

  it('an internal failure inside the engine keeps its own (empty) path', () => {
    // A metric whose getter throws: calculateRebate reports an internal failure, which the chart passes on unprefixed.
    const metrics = {
      get onTimePaymentRatio(): string {
        throw new Error('boom');
      },
      inventoryTurnoverDays: 70,
    };
    const e = thrown(() => chartRebateCurve(seedsProgram(), { sales: 9620000, target: 10000000, metrics }));
    expect([e.code, e.issues]).toEqual(['internal', [{ path: [], code: 'internal', message: 'unexpected failure (Error: boom)' }]]);
    // An engine's own refusal is named under facts.
    expect(thrown(() => chartRebateCurve(seedsProgram(), { sales: 9620000, target: 10000000, metrics: { inventoryTurnoverDays: 70 } })).issues.map((i) => [i.path, i.code])).toEqual([[['facts', 'metrics', 'onTimePaymentRatio'], 'required']]);
  });

  it('growth bases place thresholds from the baseline', () => {
    const growth = defineRebateProgram({ currency: 'EUR', rounding: { stage: 'line' }, basis: 'growth', method: 'retroactive', tiers: [{ from: 0 }, { from: 100, rate: '0.1' }] });
    // From a 1,000 baseline the tier from +100 starts at 1,100; the rate pays on the growth: 10 % × 100 = 10.
    const g = chartRebateCurve(growth, { baseline: 1000, sales: 1100 }, { points: 2 });
    expect(g.datasets.thresholds).toEqual([{ x: 1100, tier: 'tier 2', label: 'tier 2 from 1,100.00' }]);
    expect(g.datasets.dealer).toEqual([{ x: 1100, rebate: 10, label: 'dealer: tier 2, 10.00' }]);
    expect(g.title.text).toBe('Rebate: rebate and effective rate by net sales');
    const rate = defineRebateProgram({ currency: 'EUR', rounding: { stage: 'line' }, basis: 'growthRate', method: 'retroactive', tiers: [{ from: 0 }, { from: '0.25', rate: '0.1' }] });
    // +25 % on 800 starts at 800 × 1.25 = 1,000.
    expect(chartRebateCurve(rate, { baseline: 800 }).datasets.thresholds.map((t) => t.x)).toEqual([1000]);
    expect(chartRebateCurve(rate, { baseline: 800 }).title.text).toBe('Rebate: rebate and effective rate by net sales');
  });

  it('the over-achievement threshold is sampled even off the even grid', () => {
    // 1 % on everything, plus 5 % on sales above 113 % of the target: with a 1,000 target the award starts at 1,130.
    const p = defineRebateProgram({ currency: 'EUR', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive', tiers: [{ from: 0, rate: '0.01' }], overAchievement: { above: '1.13', rate: '0.05' } });
    // 1,500: 15 + 5 % × 370 = 33.50 (rate 0.0223333…); 2,000: 20 + 5 % × 870 = 63.50 (rate 0.03175).
    expect(chartRebateCurve(p, { target: 1000 }, { upTo: 2000, points: 4 }).datasets.curve).toEqual([
      { x: 0, rebate: 0, rate: null, tier: 'tier 1', segment: 0 },
      { x: 500, rebate: 5, rate: 0.01, tier: 'tier 1', segment: 0 },
      { x: 1000, rebate: 10, rate: 0.01, tier: 'tier 1', segment: 0 },
      { x: 1130, rebate: 11.3, rate: 0.01, tier: 'tier 1', segment: 0 },
      { x: 1500, rebate: 33.5, rate: 0.02233333, tier: 'tier 1', segment: 0 },
      { x: 2000, rebate: 63.5, rate: 0.03175, tier: 'tier 1', segment: 0 },
    ]);
    // Without a target the engine says why it needs one, under facts.
    expect(thrown(() => chartRebateCurve(p, undefined, { upTo: 2000, points: 4 })).issues).toEqual([
      { path: ['facts', 'target'], code: 'required', expected: 'a number greater than 0', message: 'is required (the over-achievement award is measured against it)' },
    ]);
  });

  it('facts that are not numbers are named at their field', () => {
    const units = defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'quantity', method: 'retroactive', tiers: [{ upTo: 100, perUnit: 2 }, { upTo: null, perUnit: 1 }] });
    const nan = (field: string) => ({ path: ['facts', field], code: 'not_a_number', expected: 'a number or a numeric string', received: '"abc"', message: 'must be a number or a numeric string, received "abc"' });
    expect(thrown(() => chartRebateCurve(units, { target: 'abc' })).issues).toEqual([nan('target')]);
    expect(thrown(() => chartRebateCurve(units, { baseline: 'abc' })).issues).toEqual([nan('baseline')]);
    expect(thrown(() => chartRebateCurve(units, { sales: 5, quantity: 'abc' })).issues).toEqual([nan('quantity')]);
    expect(thrown(() => chartRebateCurve(units, { sales: 'abc', quantity: 5 })).issues).toEqual([nan('sales')]);
  });

  it('every refusal names its path, its code and its text', () => {
    const flat = defineRebateProgram({ currency: 'EUR', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive', tiers: [{ from: 0, rate: '0.01' }] });
    expect(thrown(() => chartRebateCurve(flat)).issues).toEqual([{ path: ['options', 'upTo'], code: 'required', message: 'is required: the program has one tier and no dealer position to scale the curve by' }]);
    // upTo 0.004 rounds to 0.00 at the program's two places: still no domain.
    expect(thrown(() => chartRebateCurve(flat, undefined, { upTo: '0.004' })).issues.map((i) => [i.path, i.code])).toEqual([[['options', 'upTo'], 'required']]);
    expect(chartRebateCurve(flat, { sales: 1000 }, { points: 2 }).datasets.curve.map((p) => p.x)).toEqual([0, 550, 1000, 1100]);
    const att = defineRebateProgram({ currency: 'EUR', rounding: { stage: 'line' }, basis: 'attainment', method: 'retroactive', tiers: [{ from: 0 }, { from: 1, rate: '0.01' }] });
    expect(thrown(() => chartRebateCurve(att, {})).issues).toEqual([{ path: ['facts', 'target'], code: 'required', message: "is required: the attainment basis places its thresholds by the dealer's target" }]);
    const growth = defineRebateProgram({ currency: 'EUR', rounding: { stage: 'line' }, basis: 'growth', method: 'retroactive', tiers: [{ from: 0 }, { from: 100, rate: '0.1' }] });
    expect(thrown(() => chartRebateCurve(growth)).issues).toEqual([{ path: ['facts', 'baseline'], code: 'required', message: "is required: the growth basis places its thresholds by the dealer's baseline" }]);
    const rate = defineRebateProgram({ currency: 'EUR', rounding: { stage: 'line' }, basis: 'growthRate', method: 'retroactive', tiers: [{ from: 0 }, { from: '0.1', rate: '0.1' }] });
    expect(thrown(() => chartRebateCurve(rate)).issues).toEqual([{ path: ['facts', 'baseline'], code: 'required', message: "is required: the growth-rate basis places its thresholds by the dealer's baseline" }]);
    expect(thrown(() => chartRebateCurve(sap, [] as never)).issues).toEqual([{ path: ['facts'], code: 'invalid_type', message: 'must be an object of facts' }]);
    expect(thrown(() => chartRebateCurve(sap, null as never)).issues.map((i) => [i.path, i.code])).toEqual([[['facts'], 'invalid_type']]);
    expect(thrown(() => chartRebateCurve(sap, undefined, { points: 2001 })).issues.map((i) => [i.path, i.code])).toEqual([[['options', 'points'], 'out_of_range']]);
    expect(chartRebateCurve(sap, undefined, { points: 2000 }).datasets.curve.length).toBeGreaterThan(2000);
    expect(thrown(() => chartRebateCurve(sap, undefined, { upTo: 0 })).issues.map((i) => i.path)).toEqual([['options', 'upTo']]);
    expect(thrown(() => chartRebateCurve(sap, { sales: 'lots' })).issues.map((i) => i.path)).toEqual([['facts', 'sales']]);
    // A program that is not one is named under program.
    expect(thrown(() => chartRebateCurve({ currency: 'EUR' } as never)).issues.every((i) => i.path[0] === 'program')).toBe(true);
  });
});
