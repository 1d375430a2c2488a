// calculateCliffExposure on the paths the first tests left open: a growth-rate basis (the window
// measured on the growth, a dealer below its baseline), upTo bounds (a dealer exactly at a bound:
// a gap of 0, no gain per gap), a failed 'zero' gate (no benefits either side), an incremental
// program's note, and the explainer's refusal. Every figure is worked by hand below.
import { describe, expect, it } from 'vitest';
import { defineRebateProgram, type RebateProgramSpec } from 'dealerkit';
import { calculateCliffExposure, explainCliffExposure } from 'dealerkit/design';
import { thrown } from '../helpers.js';
import { handProgram, handSpec, strs } from './helpers.js';

/** Growth rate, retroactive, on the increment: Silver from 10 % at 2 %, Gold from 20 % at 3 %. */
const growthSpec: RebateProgramSpec = {
  name: 'growth',
  currency: 'CNY',
  rounding: { stage: 'line' },
  basis: 'growthRate',
  method: 'retroactive',
  tiers: [
    { from: 0 },
    { from: '0.1', rate: '0.02', name: 'Silver' },
    { from: '0.2', rate: '0.03', name: 'Gold' },
  ],
};
const growth = defineRebateProgram(growthSpec);

describe('cliffs on a growth-rate basis: the window is measured on the growth over the baseline', () => {
  it('an absolute window of 10 points: G2 first (0.12 per unit), then G1, then G3 below its baseline at the edge', () => {
    // G1: baseline 100,000, net 108,000: growth 8,000 (8 %), tier 1. Silver at 10 % needs 110,000: gap 2,000;
    //     at the threshold 2 % × 10,000 = 200; gain 200; 200 / 2,000 = 0.1. Window: 0.1 × 100,000 − 8,000 = 2,000
    //     ≤ 0.1 × 100,000 = 10,000.
    // G2: baseline 200,000, net 236,000: growth 36,000 (18 %), Silver 2 % × 36,000 = 720. Gold at 20 % needs
    //     240,000: gap 4,000; at it 3 % × 40,000 = 1,200; gain 480; 480 / 4,000 = 0.12. Window 40,000 − 36,000 =
    //     4,000 ≤ 20,000.
    // G3: baseline 100,000, net 99,000, below it: growth 0 (not −1,000). Silver needs 110,000: gap 11,000; at it
    //     200; gain 200; 200 / 11,000 = 0.0181818181… → 0.0181818182. Window: 10,000 − 0 = 10,000 ≤ 10,000 (a growth
    //     of −1,000 would make it 11,000 and leave G3 out).
    const c = calculateCliffExposure(growth, [
      { id: 'G1', sales: 108000, baseline: 100000 },
      { id: 'G2', sales: 236000, baseline: 200000 },
      { id: 'G3', sales: 99000, baseline: 100000 },
    ], { window: { absolute: '0.1' } });
    expect(c.basis).toBe('growthRate');
    expect(c.dealers.map((d) => [d.id, d.tier.name, d.next.name, d.value!.toString(), d.distance.toString(), d.gap.toString(), d.rebate.toString(), d.rebateAtThreshold.toString(), d.gain.toString(), d.gainPerGap!.toString()])).toEqual([
      ['G2', 'Silver', 'Gold', '0.18', '0.02', '4000', '720', '1200', '480', '0.12'],
      ['G1', null, 'Silver', '0.08', '0.02', '2000', '0', '200', '200', '0.1'],
      ['G3', null, 'Silver', '0', '0.1', '11000', '0', '200', '200', '0.0181818182'],
    ]);
    // Silver: G1 + G3 = 13,000 of gap, 400 of exposure; Gold: G2, 4,000 and 480. In all 17,000 and 880.
    expect(c.thresholds.map((t) => [t.tier.name, t.dealers, t.gap.toString(), t.exposure.toString()])).toEqual([
      ['Silver', 2, '13000', '400'],
      ['Gold', 1, '4000', '480'],
    ]);
    expect(strs([c.gap, c.exposure, c.benefits])).toEqual(['17000', '880', '0']);
    expect(c.steps.map((s) => s.text)).toEqual([
      'Silver at 10.00 %: 2 dealers within the window below it, 13,000.00 of net sales short, exposure 400.00',
      'Gold at 20.00 %: 1 dealer within the window below it, 4,000.00 of net sales short, exposure 480.00',
      '3 dealers within the window: 17,000.00 of net sales short in all, exposure 880.00',
    ]);
  });

  it('the window compares the exact growth, never the rounded ratio (ratioScale 2): 5,010 short of 10 % is beyond 5 points', () => {
    // G5: baseline 100,000, net 104,990: growth rate 0.0499, its gap 0.0501 rounds to 0.05 at 2 places, but the
    //     exact gap is 10,000 − 4,990 = 5,010 > 0.05 × 100,000 = 5,000: outside.
    // G6: net 105,000: gap exactly 5,000 ≤ 5,000: inside. Silver at 110,000: gap 5,000, gain 2 % × 10,000 = 200,
    //     200 / 5,000 = 0.04.
    const c = calculateCliffExposure(growth, [
      { id: 'G5', sales: 104990, baseline: 100000 },
      { id: 'G6', sales: 105000, baseline: 100000 },
    ], { window: { absolute: '0.05' }, ratioScale: 2 });
    expect(c.dealers.map((d) => [d.id, d.distance.toString(), d.gap.toString(), d.gain.toString(), d.gainPerGap!.toString()])).toEqual([['G6', '0.05', '5000', '200', '0.04']]);
  });
});

/** Amount, retroactive, upTo bounds: tier 1 up to 1,000 pays nothing; Silver up to 2,000 at 2 %; Gold above at 3 %. */
const upTo = defineRebateProgram({
  name: 'up to',
  currency: 'CNY',
  rounding: { stage: 'line' },
  basis: 'amount',
  method: 'retroactive',
  tiers: [{ upTo: 1000 }, { upTo: 2000, rate: '0.02', name: 'Silver' }, { upTo: null, rate: '0.03', name: 'Gold' }],
});

describe('cliffs of an upTo program: a dealer exactly at a bound must exceed it, with a gap of 0', () => {
  const network = [
    { id: 'U1', sales: 1000 },
    { id: 'U2', sales: 1900 },
    { id: 'U3', sales: 950 },
    { id: 'U4', sales: 2000 },
  ];
  // U1 at 1,000 is in tier 1 (0 … 1,000]: Silver needs 0 more (just above), where 2 % × 1,000 = 20: gain 20, no
  //    gain per gap.
  // U2 at 1,900, Silver 2 % × 1,900 = 38: Gold needs 100 more; 3 % × 2,000 = 60; gain 22; 22 / 100 = 0.22.
  // U3 at 950, nothing: Silver needs 50; 2 % × 1,000 = 20; gain 20; 20 / 50 = 0.4.
  // U4 at 2,000, Silver 40: Gold needs 0; 3 % × 2,000 = 60; gain 20, no gain per gap.
  // A relative window of 10 % holds them all (50 ≤ 100, 100 ≤ 200, 0 and 0). Those with a gain per gap come
  // first, the largest first (U3, U2); those without after them, in network order (U1, U4).
  const c = calculateCliffExposure(upTo, network, { window: { relative: '0.1' } });

  it('sorts the dealers with a gain per gap first, then those without in network order', () => {
    expect(c.dealers.map((d) => [d.id, d.gap.toString(), d.rebate.toString(), d.rebateAtThreshold.toString(), d.gain.toString(), d.gainPerGap?.toString() ?? null])).toEqual([
      ['U3', '50', '0', '20', '20', '0.4'],
      ['U2', '100', '38', '60', '22', '0.22'],
      ['U1', '0', '0', '20', '20', null],
      ['U4', '0', '40', '60', '20', null],
    ]);
    // Silver: U1 and U3, gap 50, exposure 40; Gold: U2 and U4, gap 100, exposure 42.
    expect(c.thresholds.map((t) => [t.tier.name, t.threshold.toString(), t.dealers, t.gap.toString(), t.exposure.toString()])).toEqual([
      ['Silver', '1000', 2, '50', '40'],
      ['Gold', '2000', 2, '100', '42'],
    ]);
  });

  it('the sort puts a dealer without a gain per gap after one with it, whichever comes first in the network', () => {
    // U1 (no gain per gap) before U3 (0.4) in the network: U3 still comes first.
    const d = calculateCliffExposure(upTo, [network[0]!, network[2]!], { window: { relative: '0.1' } });
    expect(d.dealers.map((x) => x.id)).toEqual(['U3', 'U1']);
    const e = calculateCliffExposure(upTo, [network[2]!, network[0]!], { window: { relative: '0.1' } });
    expect(e.dealers.map((x) => x.id)).toEqual(['U3', 'U1']);
    // Two without one keep network order either way round.
    const f = calculateCliffExposure(upTo, [network[3]!, network[0]!], { window: { relative: '0.1' } });
    expect(f.dealers.map((x) => x.id)).toEqual(['U4', 'U1']);
  });

  it('explains a gap of 0 without a share of the extra sales', () => {
    expect(explainCliffExposure(c)).toEqual([
      '4 dealers within the window below a threshold: 150.00 of net sales more would carry them all across, and their rebates would grow by 82.00.',
      'U3 (tier 1) needs 50.00 more net sales to reach Silver at 1,000.00: its rebate goes from 0.00 to 20.00 (+20.00, 40.00 % of the extra sales).',
      'U2 (Silver) needs 100.00 more net sales to reach Gold at 2,000.00: its rebate goes from 38.00 to 60.00 (+22.00, 22.00 % of the extra sales).',
      'U1 (tier 1) needs 0.00 more net sales to reach Silver at 1,000.00: its rebate goes from 0.00 to 20.00 (+20.00).',
      'U4 (Silver) needs 0.00 more net sales to reach Gold at 2,000.00: its rebate goes from 40.00 to 60.00 (+20.00).',
    ]);
  });
});

describe('ties in gain per gap keep network order', () => {
  it('three dealers at 90 % of different targets gain 0.2 per unit of gap each', () => {
    // Attainment, Silver from 100 % at 2 %, retroactive. At 90 %: T1 900 of 1,000 (gap 100, gain 2 % × 1,000 = 20),
    // T2 1,800 of 2,000 (gap 200, gain 40), T3 2,700 of 3,000 (gap 300, gain 60): 0.2 each, within 10 %.
    const p = defineRebateProgram({ currency: 'CNY', rounding: { stage: 'line' }, basis: 'attainment', method: 'retroactive', tiers: [{ from: 0 }, { from: 1, rate: '0.02', name: 'Silver' }] });
    const t1 = { id: 'T1', sales: 900, target: 1000 };
    const t2 = { id: 'T2', sales: 1800, target: 2000 };
    const t3 = { id: 'T3', sales: 2700, target: 3000 };
    const ids = (network: (typeof t1)[]) => calculateCliffExposure(p, network, { window: { relative: '0.1' } }).dealers.map((d) => [d.id, d.gap.toString(), d.gain.toString(), d.gainPerGap!.toString()]);
    expect(ids([t2, t3, t1])).toEqual([['T2', '200', '40', '0.2'], ['T3', '300', '60', '0.2'], ['T1', '100', '20', '0.2']]);
    expect(ids([t3, t1, t2]).map(([id]) => id)).toEqual(['T3', 'T1', 'T2']);
    // A better ratio still comes first: T4 at 95 % of 1,000 (gap 50, gain 20, 0.4), last in the network.
    expect(ids([t2, t3, t1, { id: 'T4', sales: 950, target: 1000 }]).map(([id]) => id)).toEqual(['T4', 'T2', 'T3', 'T1']);
  });
});

describe('benefits gained at a cliff count only for an eligible dealer', () => {
  it("a failed 'zero' gate: no rebate and no benefits now or at the threshold; an eligible dealer gains Gold's fund less Silver's", () => {
    // The hand program with a 'zero' gate and a 200 fund in Silver (Gold keeps its 1,000).
    const p = defineRebateProgram({
      ...handSpec,
      tiers: [{ from: 0, name: '—' }, { from: '0.9', rate: '0.02', name: 'Silver', benefits: { brandFund: 200 } }, { from: '1.1', rate: '0.03', name: 'Gold', benefits: { brandFund: 1000 } }],
      gates: [{ metric: 'onTimePaymentRatio', op: '>=', value: '0.9', onFail: 'zero' }],
    });
    // A1: 106,000 of a 100,000 target (106 %), paid on time: Silver 2 % × 106,000 = 2,120 + award 1 % × 6,000 = 60
    //     → 2,180. Gold at 110,000 (gap 4,000): 3 % × 110,000 = 3,300 + 1 % × 10,000 = 100 → 3,400; gain 1,220;
    //     1,220 / 4,000 = 0.305; benefits 1,000 − 200 = 800.
    // A2: 105,000 (105 %), its gate failed (0.8): rebate 0 in Silver and 0 at Gold (gap 5,000): gain 0, 0 per unit;
    //     benefits 0 − 0 = 0 (not 1,000 − 200, nor 0 − 200).
    // An absolute window of 5 points: 4,000 ≤ 5,000 and 5,000 ≤ 5,000.
    const c = calculateCliffExposure(p, [
      { id: 'A1', sales: 106000, target: 100000, metrics: { onTimePaymentRatio: '0.95' } },
      { id: 'A2', sales: 105000, target: 100000, metrics: { onTimePaymentRatio: '0.8' } },
    ], { window: { absolute: '0.05' } });
    expect(c.dealers.map((d) => [d.id, d.tier.name, d.gap.toString(), d.rebate.toString(), d.rebateAtThreshold.toString(), d.gain.toString(), d.gainPerGap!.toString(), d.benefitGain.toString()])).toEqual([
      ['A1', 'Silver', '4000', '2180', '3400', '1220', '0.305', '800'],
      ['A2', 'Silver', '5000', '0', '0', '0', '0', '0'],
    ]);
    expect(strs([c.gap, c.exposure, c.benefits])).toEqual(['9000', '1220', '800']);
  });
});

describe('explainCliffExposure: notes and refusals', () => {
  it("an incremental program's note closes the sentences", () => {
    // Incremental, Silver's band from 1,000 at 2 %: I1 at 950 needs 50, and reaching 1,000 prices a band of 0: gain 0.
    const p = defineRebateProgram({ currency: 'CNY', rounding: { stage: 'line' }, basis: 'amount', method: 'incremental', tiers: [{ from: 0 }, { from: 1000, rate: '0.02', name: 'Silver' }] });
    const c = calculateCliffExposure(p, [{ id: 'I1', sales: 950 }], { window: { relative: '0.1' } });
    expect(c.warnings).toEqual([{ code: 'incremental-program', message: expect.stringMatching(/^an incremental program prices each band/), path: ['program', 'method'] }]);
    expect(explainCliffExposure(c)).toEqual([
      '1 dealer within the window below a threshold: 50.00 of net sales more would carry them all across, and their rebates would grow by 0.00.',
      'I1 (tier 1) needs 50.00 more net sales to reach Silver at 1,000.00: its rebate goes from 0.00 to 0.00 (+0.00, 0.00 % of the extra sales).',
      "Note: an incremental program prices each band at its own rate, so reaching a threshold re-prices nothing: the gains are only the next band's rate on the gap (and any fixed amount).",
    ]);
  });

  it('a refused dealer (collect) is noted', () => {
    // G0 has no baseline, which a growth-rate basis needs: refused, 1 of 2.
    const c = calculateCliffExposure(growth, [{ id: 'G0', sales: 100 }, { id: 'G1', sales: 108000, baseline: 100000 }], { window: { absolute: '0.1' }, onError: 'collect' });
    expect(explainCliffExposure(c).at(-1)).toBe('Note: 1 of 2 dealers was refused; the figures are over the 1 dealer computed.');
  });

  it('a bad locale is refused as a DealerkitError at options.locale', () => {
    const c = calculateCliffExposure(upTo, [{ id: 'U3', sales: 950 }], { window: { relative: '0.1' } });
    const e = thrown(() => explainCliffExposure(c, { locale: 42 as never }));
    expect(e.issues[0]!.path).toEqual(['options', 'locale']);
  });
});

describe('a negative net counts as 0 for the window', () => {
  it('returns of 1,000 and no sales: 9,000 short of 90 % of 10,000 (not 10,000), within a window of 90 points', () => {
    // The hand program, target 10,000: Silver from 9,000 of net. N's net is −1,000, taken as 0: the window's gap is
    // 0.9 × 10,000 − 0 = 9,000 ≤ 0.9 × 10,000. The extra sales that reach Silver are 9,000 − (−1,000) = 10,000, where
    // 2 % × 9,000 = 180: gain 180, 180 / 10,000 = 0.018.
    const c = calculateCliffExposure(handProgram, [{ id: 'N', sales: 0, returns: 1000, target: 10000, metrics: { onTimePaymentRatio: '0.95' } }], { window: { absolute: '0.9' } });
    expect(c.dealers.map((d) => [d.id, d.gap.toString(), d.gain.toString(), d.gainPerGap!.toString()])).toEqual([['N', '10000', '180', '0.018']]);
  });
});

describe('a quantity basis counts gaps in units everywhere', () => {
  it('the exposure sentence and the steps say units', () => {
    // 95 units at 1 each = 95; 100 units at 2 each = 200: 5 units short, +105.
    const p = defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'quantity', method: 'retroactive', tiers: [{ from: 0, perUnit: 1 }, { from: 100, perUnit: 2 }] });
    const c = calculateCliffExposure(p, [{ id: 'Q', sales: 9500, quantity: 95 }], { window: { relative: '0.1' } });
    expect(explainCliffExposure(c)[0]).toBe('1 dealer within the window below a threshold: 5 units more would carry them all across, and their rebates would grow by 105.00.');
    expect(c.steps.map((s) => s.text)).toEqual([
      'tier 2 at 100: 1 dealer within the window below it, 5 units short, exposure 105.00',
      '1 dealer within the window: 5 units short in all, exposure 105.00',
    ]);
  });
});
