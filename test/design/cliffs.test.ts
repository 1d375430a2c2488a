import { describe, expect, it } from 'vitest';
import { calculateRebate, defineRebateProgram } from 'dealerkit';
import { calculateCliffExposure, explainCliffExposure } from 'dealerkit/design';
import { thrown } from '../helpers.js';
import { handNetwork, handProgram, strs } from './helpers.js';

// The hand network (helpers.ts): A at 95 % (Silver, 1,900) is 15 points below Gold's 110 %;
// B is in Gold (no next tier); C at 80 % (nothing) is 10 points below Silver's 90 %.

describe('calculateCliffExposure on the three-dealer network', () => {
  it('a relative window of 12 %: C is 10 points below 90 % (within 10.8), A 15 below 110 % (beyond 13.2)', () => {
    // C at 90,000: 2 % × 90,000 = 1,800, halved by its gate: 900; gain 900 for 10,000 of sales, 0.09 per unit.
    const c = calculateCliffExposure(handProgram, handNetwork, { window: { relative: '0.12' } });
    expect(c.dealers.map((d) => [d.id, d.tier.name, d.next.name, d.value!.toString(), d.threshold.toString(), d.distance.toString(), d.gap.toString()])).toEqual([
      ['C', '—', 'Silver', '0.8', '0.9', '0.1', '10000'],
    ]);
    expect(strs([c.dealers[0]!.rebate, c.dealers[0]!.rebateAtThreshold, c.dealers[0]!.gain, c.dealers[0]!.gainPerGap!, c.dealers[0]!.benefitGain])).toEqual(['0', '900', '900', '0.09', '0']);
    expect(strs([c.exposure, c.benefits, c.gap])).toEqual(['900', '0', '10000']);
  });

  it('an absolute window of 15 points takes A at its edge: 15,000 more reaches Gold, 3,400 − 1,900 = 1,500 and the 1,000 fund', () => {
    const c = calculateCliffExposure(handProgram, handNetwork, { window: { absolute: '0.15' } });
    // Sorted by gain per unit of gap: A 1,500 / 15,000 = 0.1, then C 900 / 10,000 = 0.09.
    expect(c.dealers.map((d) => [d.id, d.gain.toString(), d.gainPerGap!.toString(), d.benefitGain.toString()])).toEqual([
      ['A', '1500', '0.1', '1000'],
      ['C', '900', '0.09', '0'],
    ]);
    expect(strs([c.exposure, c.benefits, c.gap])).toEqual(['2400', '1000', '25000']);
    expect(c.thresholds.map((t) => [t.tier.name, t.threshold.toString(), t.dealers, t.gap.toString(), t.exposure.toString(), t.benefits.toString()])).toEqual([
      ['Silver', '0.9', 1, '10000', '900', '0'],
      ['Gold', '1.1', 1, '15000', '1500', '1000'],
    ]);
    expect(c.window).toEqual({ relative: null, absolute: expect.anything() });
    // Every gain is the engine's own nextTier.gain.
    for (const d of c.dealers) {
      const { segment: _, ...input } = handNetwork.find((n) => n.id === d.id)!;
      expect(calculateRebate(handProgram, input).nextTier!.gain.toString()).toBe(d.gain.toString());
    }
  });

  it('the window is compared exactly on the sales axis: 0.01 short of its edge is out, at the edge is in', () => {
    // Target 90,000, Gold at 110 % = 99,000; a 10-point window reaches down to 90,000 of net sales.
    const net = (sales: string) => [{ id: 'X', sales, target: 90000, metrics: { onTimePaymentRatio: 1 } }];
    expect(calculateCliffExposure(handProgram, net('90000'), { window: { absolute: '0.1' } }).dealers).toHaveLength(1);
    expect(calculateCliffExposure(handProgram, net('89999.99'), { window: { absolute: '0.1' } }).dealers).toHaveLength(0);
  });

  it('an upTo program at its bound has a gap of 0: gain per gap null, listed last', () => {
    const p = defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive', tiers: [{ upTo: 1000 }, { upTo: null, rate: '0.02' }] });
    const c = calculateCliffExposure(p, [{ id: 'X', sales: 1000 }, { id: 'Y', sales: 990 }], { window: { absolute: 50 } });
    // Y: 10 below, just above 1,000 pays 2 % × 1,000 = 20: gain 20, 2 per unit; X: at the bound, must exceed it.
    expect(c.dealers.map((d) => [d.id, d.gap.toString(), d.gain.toString(), d.gainPerGap?.toString() ?? null])).toEqual([
      ['Y', '10', '20', '2'],
      ['X', '0', '20', null],
    ]);
  });

  it('a quantity basis counts the gap in units: 95 units at 1 each, 100 at 2 each: 5 units for +105', () => {
    const p = defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'quantity', method: 'retroactive', tiers: [{ from: 0, perUnit: 1 }, { from: 100, perUnit: 2 }] });
    const c = calculateCliffExposure(p, [{ id: 'Q', sales: 9500, quantity: 95 }], { window: { relative: '0.1' } });
    expect(c.dealers.map((d) => [d.gap.toString(), d.gain.toString(), d.gainPerGap!.toString()])).toEqual([['5', '105', '21']]);
    expect(explainCliffExposure(c)[1]).toBe('Q (tier 1) needs 5 more units to reach tier 2 at 100: its rebate goes from 95.00 to 200.00 (+105.00, 21 per extra unit).');
  });

  it('an incremental program is warned: reaching a threshold re-prices nothing', () => {
    const p = defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'amount', method: 'incremental', tiers: [{ from: 0 }, { from: 1000, rate: '0.02' }] });
    const c = calculateCliffExposure(p, [{ id: 'X', sales: 990 }], { window: { relative: '0.05' } });
    expect(c.dealers[0]!.gain.toString()).toBe('0');
    expect(c.warnings.map((w) => w.code)).toEqual(['incremental-program']);
  });

  it('explains the exposure and each dealer', () => {
    const c = calculateCliffExposure(handProgram, handNetwork, { window: { absolute: '0.15' } });
    expect(explainCliffExposure(c)).toEqual([
      '2 dealers within the window below a threshold: 25,000.00 of net sales more would carry them all across, and their rebates would grow by 2,400.00 (and their benefits by 1,000.00).',
      'A (Silver) needs 15,000.00 more net sales to reach Gold at 110.00 %: its rebate goes from 1,900.00 to 3,400.00 (+1,500.00, 10.00 % of the extra sales), and its benefits +1,000.00.',
      'C (—) needs 10,000.00 more net sales to reach Silver at 90.00 %: its rebate goes from 0.00 to 900.00 (+900.00, 9.00 % of the extra sales).',
    ]);
    expect(c.steps.map((s) => s.text)).toEqual([
      'Silver at 90.00 %: 1 dealer within the window below it, 10,000.00 of net sales short, exposure 900.00',
      'Gold at 110.00 %: 1 dealer within the window below it, 15,000.00 of net sales short, exposure 1,500.00 and benefits 1,000.00',
      '2 dealers within the window: 25,000.00 of net sales short in all, exposure 2,400.00 and benefits 1,000.00',
    ]);
  });
});

describe('calculateCliffExposure refuses a bad window, naming the path', () => {
  it('no window bound: required; both: inconsistent; negative: out_of_range', () => {
    expect(thrown(() => calculateCliffExposure(handProgram, handNetwork, { window: {} })).issues[0]).toMatchObject({ path: ['options', 'window'], code: 'required' });
    expect(thrown(() => calculateCliffExposure(handProgram, handNetwork, { window: { relative: 0.1, absolute: 0.1 } })).issues[0]).toMatchObject({
      path: ['options', 'window'],
      code: 'inconsistent',
    });
    expect(thrown(() => calculateCliffExposure(handProgram, handNetwork, { window: { relative: -0.1 } })).issues[0]).toMatchObject({
      path: ['options', 'window', 'relative'],
      code: 'out_of_range',
    });
    expect(thrown(() => calculateCliffExposure(handProgram, handNetwork, { window: { relitive: 0.1 } as never })).issues[0]).toMatchObject({
      path: ['options', 'window', 'relitive'],
      code: 'unknown_field',
      message: 'is not a known field; did you mean `relative`?',
    });
  });
});
