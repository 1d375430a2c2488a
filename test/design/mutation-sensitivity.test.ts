// calculateThresholdSensitivity on programs that carry every part of a spec (per-unit rates,
// applyTo, zeroBaseline, both caps, a minimum): each delta defines the program again from its
// spec, so a delta of 0 must cost exactly 0 and a part lost on the way would show as a change.
// Also: a rate moved on a tier without one, the scenario's facts refused together, the batch
// path's gates and metrics, and the explainer's notes and refusal. Figures worked by hand below.
import { describe, expect, it } from 'vitest';
import { defineRebateProgram, type RebateProgramSpec } from 'dealerkit';
import { calculateCliffExposure, calculateThresholdSensitivity, explainThresholdSensitivity } from 'dealerkit/design';
import { thrown } from '../helpers.js';
import { handNetwork, handProgram, handSpec, strs } from './helpers.js';

const points = (s: ReturnType<typeof calculateThresholdSensitivity>) =>
  s.points.map((p) => [p.delta.toString(), p.value.toString(), p.rebate.toString(), p.cost.toString(), p.change.toString(), p.moved]);

describe('a variant keeps every part of the spec: a delta of 0 costs 0', () => {
  it('per-unit rates on a quantity basis', () => {
    // Silver from 10 units at 5 per unit, Gold from 20 at 7. Q1: 15 units → 5 × 15 = 75; Q2: 25 → 7 × 25 = 175.
    // As it is 250. Gold from 14 (−6): Q1 reaches Gold, 7 × 15 = 105 (+30): 280.
    const p = defineRebateProgram({
      currency: 'CNY',
      rounding: { stage: 'line' },
      basis: 'quantity',
      method: 'retroactive',
      tiers: [{ from: 0 }, { from: 10, perUnit: 5, name: 'Silver' }, { from: 20, perUnit: 7, name: 'Gold' }],
    });
    const s = calculateThresholdSensitivity(p, [{ id: 'Q1', sales: 1000, quantity: 15 }, { id: 'Q2', sales: 2000, quantity: 25 }], { tier: 'Gold', deltas: [0, -6] });
    expect(strs([s.value, s.rebate, s.cost])).toEqual(['20', '250', '250']);
    expect(points(s)).toEqual([
      ['0', '20', '250', '250', '0', 0],
      ['-6', '14', '280', '280', '30', 1],
    ]);
    expect(explainThresholdSensitivity(s)).toEqual([
      'As it is, Gold from 20: rebate 250.00, cost 250.00.',
      'Gold from 20 (+0): cost 250.00, +0.00; 0 dealers change tier.',
      'Gold from 14 (−6): cost 280.00, +30.00; 1 dealer changes tier: Q1 (Silver → Gold, +30.00).',
    ]);
  });

  it("applyTo 'net' and zeroBaseline 'highest-tier' on a growth-rate basis", () => {
    // Silver from 10 % at 2 %, Gold from 20 % at 3 %, on the whole net sales.
    // R1: baseline 100,000, net 115,000 (15 %): Silver on the net, 2 % × 115,000 = 2,300 (on the increment it would be 300).
    // R2: baseline 0, net 50,000: the highest tier, Gold, 3 % × 50,000 = 1,500.
    // As it is 3,800. Silver from 16 % (+6 points): R1 falls to tier 1, 0: 1,500 (−2,300).
    const p = defineRebateProgram({
      currency: 'CNY',
      rounding: { stage: 'line' },
      basis: 'growthRate',
      method: 'retroactive',
      applyTo: 'net',
      zeroBaseline: 'highest-tier',
      tiers: [{ from: 0 }, { from: '0.1', rate: '0.02', name: 'Silver' }, { from: '0.2', rate: '0.03', name: 'Gold' }],
    });
    const s = calculateThresholdSensitivity(p, [{ id: 'R1', sales: 115000, baseline: 100000 }, { id: 'R2', sales: 50000, baseline: 0 }], { tier: 'Silver', deltas: [0, '0.06'] });
    expect(strs([s.value, s.rebate, s.cost])).toEqual(['0.1', '3800', '3800']);
    expect(points(s)).toEqual([
      ['0', '0.1', '3800', '3800', '0', 0],
      ['0.06', '0.16', '1500', '1500', '-2300', 1],
    ]);
    expect(s.points[1]!.dealers.map((d) => [d.id, d.before.tier.name, d.after.tier.index, d.change.toString()])).toEqual([['R1', 'Silver', 0, '-2300']]);
  });

  it('a cap by amount and by rate of base, and a minimum (beside a name and a settlement policy)', () => {
    // 1 % below 1,000, Silver 5 % from 1,000; the rebate at least 15 (raised), at most 100 and at most 4 % of net.
    // C1: 500 → 1 % = 5, raised to 15; 4 % × 500 = 20 does not cut it: 15.
    // C2: 1,500 → 5 % = 75, cut to 4 % × 1,500 = 60.
    // C3: 3,000 → 150, 4 % = 120, cut to the 100 by amount.
    // As it is 15 + 60 + 100 = 175. Silver from 400 (−600): C1 in Silver, 5 % × 500 = 25, cut to 20 (+5): 180.
    const p = defineRebateProgram({
      currency: 'CNY',
      rounding: { stage: 'line' },
      basis: 'amount',
      method: 'retroactive',
      tiers: [{ from: 0, rate: '0.01' }, { from: 1000, rate: '0.05', name: 'Silver' }],
      cap: { amount: 100, rateOfBase: '0.04' },
      minimum: { amount: 15, whenBelow: 'raise' },
      // A name and a settlement policy price nothing: the variants leave them out.
      name: 'capped',
      settlement: { advance: 'cumulative', holdbackRate: '0.1', negativeTrueUp: 'clawback' },
    });
    const s = calculateThresholdSensitivity(p, [{ id: 'C1', sales: 500 }, { id: 'C2', sales: 1500 }, { id: 'C3', sales: 3000 }], { tier: 1, deltas: [0, -600] });
    expect(strs([s.value, s.rebate, s.cost])).toEqual(['1000', '175', '175']);
    expect(points(s)).toEqual([
      ['0', '1000', '175', '175', '0', 0],
      ['-600', '400', '180', '180', '5', 1],
    ]);
    expect(s.points[1]!.dealers.map((d) => [d.id, d.before.rebate.toString(), d.before.tier.name, d.after.rebate.toString(), d.after.tier.name])).toEqual([['C1', '15', null, '20', 'Silver']]);
  });
});

describe('moving a rate', () => {
  it("a tier without a rate moves from 0: the hand program's first tier at 1 % pays C 800, halved by its gate", () => {
    // C (80 %, tier '—') earns 1 % × 80,000 = 800, × 0.5 for its gate: 400. A and B stay as they are. Cost 6,300 + 400.
    const s = calculateThresholdSensitivity(handProgram, handNetwork, { tier: 0, move: 'rate', deltas: ['0.01'] });
    expect(strs([s.value, s.rebate, s.cost])).toEqual(['0', '5300', '6300']);
    expect(points(s)).toEqual([['0.01', '0.01', '5700', '6700', '400', 0]]);
    expect(s.points[0]!.dealers.map((d) => [d.id, d.before.rebate.toString(), d.after.rebate.toString(), d.change.toString()])).toEqual([['C', '0', '400', '400']]);
    expect(explainThresholdSensitivity(s)).toEqual([
      'As it is, — at 0 %: rebate 5,300.00, cost 6,300.00.',
      '— at 1 % (+1 points): cost 6,700.00, +400.00; 0 dealers change tier.',
    ]);
  });
});

describe("the scenario's projected facts are checked for every dealer, all refusals reported at once", () => {
  it('two dealers with a target of 0 or below: both named under options.scenario.dealers', () => {
    const e = thrown(() =>
      calculateThresholdSensitivity(handProgram, handNetwork, { tier: 'Gold', deltas: [0], scenario: { name: 's', dealers: { A: { target: 0 }, C: { target: -5 } } } }),
    );
    expect(e.issues.map((i) => [i.path, i.code])).toEqual([
      [['options', 'scenario', 'dealers', 'A', 'target'], 'out_of_range'],
      [['options', 'scenario', 'dealers', 'C', 'target'], 'out_of_range'],
    ]);
  });
});

describe('the batch path declines what it cannot price exactly, and pays no benefits where a gate forbids them', () => {
  it('a metric that is not exactly a float (0.899…9, 20 nines) fails a gate of 0.9: halved, as the Decimal path says', () => {
    // As a float it would be 0.9 and pass. A at 95 % (Silver): 2 % × 95,000 = 1,900, × 0.5 = 950.
    const s = calculateThresholdSensitivity(handProgram, [{ id: 'A', sales: 95000, target: 100000, metrics: { onTimePaymentRatio: '0.89999999999999999999' } }], { tier: 'Gold', deltas: [0] });
    expect(strs([s.rebate, s.cost])).toEqual(['950', '950']);
  });

  it("a failed 'zero' gate, and a failed gate of factor 0, leave a Gold dealer without the 1,000 fund", () => {
    // B at 110 % fails its gate (0.85): rebate 0 and no benefits, on the batch path as on the Decimal path.
    const B = { id: 'B', sales: 112000, returns: 2000, target: 100000, metrics: { onTimePaymentRatio: '0.85' } };
    for (const onFail of ['zero', { factor: 0 }] as const) {
      const p = defineRebateProgram({ ...handSpec, gates: [{ metric: 'onTimePaymentRatio', op: '>=', value: '0.9', onFail }] } as RebateProgramSpec);
      const s = calculateThresholdSensitivity(p, [B], { tier: 'Gold', deltas: [0] });
      expect(strs([s.rebate, s.benefits, s.cost])).toEqual(['0', '0', '0']);
    }
    // Passing the gate, the same dealer earns 3,400 and the fund.
    const ok = calculateThresholdSensitivity(handProgram, [{ ...B, metrics: { onTimePaymentRatio: '0.95' } }], { tier: 'Gold', deltas: [0] });
    expect(strs([ok.rebate, ok.benefits, ok.cost])).toEqual(['3400', '1000', '4400']);
  });
});

describe('explainThresholdSensitivity: notes and refusals', () => {
  it('a refused dealer (collect) and a scenario warning are noted, in that order', () => {
    // D has no target: refused, 1 of 4. The scenario's target growth of 1 (+100 %) is warned as a percentage.
    // Targets 200,000: A 47.5 %, B 55 %, C 40 %: nobody is paid.
    const s = calculateThresholdSensitivity(handProgram, [...handNetwork, { id: 'D', sales: 1 }], { tier: 'Gold', deltas: [0], onError: 'collect', scenario: { name: 't', targetGrowth: 1 } });
    expect(strs([s.rebate, s.cost])).toEqual(['0', '0']);
    expect(explainThresholdSensitivity(s).slice(2)).toEqual([
      'Note: 1 of 4 dealers was refused; the figures are over the 3 dealers computed.',
      'Note: a growth of 1 is +100 %; if 1 % was meant, write 0.01.',
    ]);
  });

  it('a bad locale is refused as a DealerkitError at options.locale', () => {
    const s = calculateThresholdSensitivity(handProgram, handNetwork, { tier: 'Gold', deltas: [0] });
    expect(thrown(() => explainThresholdSensitivity(s, { locale: 42 as never })).issues[0]!.path).toEqual(['options', 'locale']);
  });
});

describe('which dealers a change moves', () => {
  it("a dealer whose tier changes with its rebate (0, a failed 'zero' gate) is listed and counted", () => {
    // Zero gate. C2 at 85 % fails its gate: 0 in tier 1, and 0 in Silver once Silver starts at 80 % (−0.1): moved, change 0.
    // A (95 %, Silver, 1,900) stays as it is and is not listed.
    const p = defineRebateProgram({ ...handSpec, gates: [{ metric: 'onTimePaymentRatio', op: '>=', value: '0.9', onFail: 'zero' }] } as RebateProgramSpec);
    const s = calculateThresholdSensitivity(p, [handNetwork[0]!, { id: 'C2', sales: 85000, target: 100000, metrics: { onTimePaymentRatio: '0.85' } }], { tier: 'Silver', deltas: ['-0.1'] });
    expect(points(s)).toEqual([['-0.1', '0.8', '1900', '1900', '0', 1]]);
    expect(s.points[0]!.dealers.map((d) => [d.id, d.before.tier.name, d.after.tier.name, d.before.rebate.toString(), d.after.rebate.toString(), d.change.toString()])).toEqual([['C2', '—', 'Silver', '0', '0', '0']]);
  });

  it('sales finer than the fen are priced exactly, not as a float of fen', () => {
    // 100 % of net, half-up: 1,000.0049999999999999 → 1,000.00. As a float of fen, 100,000.49999999999999 is
    // 100,000.5 (the nearest double), which would round to 1,000.01.
    const p = defineRebateProgram({ currency: 'CNY', rounding: { stage: 'line', mode: 'half-up' }, basis: 'amount', method: 'retroactive', tiers: [{ from: 0, rate: 1 }, { from: 5000, rate: 1, name: 'S' }] });
    const s = calculateThresholdSensitivity(p, [{ id: 'X', sales: '1000.0049999999999999' }], { tier: 'S', deltas: [0] });
    expect(strs([s.rebate, s.cost])).toEqual(['1000', '1000']);
    // 20 % of 0.0249999999999999999: 0.00499… → 0.00. As a float of fen 2.5 × 20 % = 0.5 fen, half-up 0.01.
    const q = defineRebateProgram({ currency: 'CNY', rounding: { stage: 'line', mode: 'half-up' }, basis: 'amount', method: 'retroactive', tiers: [{ from: 0, rate: '0.2' }, { from: 5000, rate: 1, name: 'S' }] });
    expect(calculateThresholdSensitivity(q, [{ id: 'Y', sales: '0.0249999999999999999' }], { tier: 'S', deltas: [0] }).rebate.toString()).toBe('0');
  });
});

describe('the spec round trip of optional parts left out', () => {
  it('an award without a cap, a cap by amount only, a cap by rate only: a delta of 0 costs 0', () => {
    // The hand program's award uncapped: B's award 1 % × 10,000 = 100 is the same; flat 5,300.
    const { cap: _, ...award } = handSpec.overAchievement!;
    const uncapped = calculateThresholdSensitivity(defineRebateProgram({ ...handSpec, overAchievement: award }), handNetwork, { tier: 'Gold', deltas: [0] });
    expect(points(uncapped)).toEqual([['0', '1.1', '5300', '6300', '0', 0]]);
    // 1 % below 1,000 and Silver 5 % from it; C1 500 → 5, C2 1,500 → 75, C3 3,000 → 150.
    const base: RebateProgramSpec = { currency: 'CNY', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive', tiers: [{ from: 0, rate: '0.01' }, { from: 1000, rate: '0.05', name: 'Silver' }] };
    const network = [{ id: 'C1', sales: 500 }, { id: 'C2', sales: 1500 }, { id: 'C3', sales: 3000 }];
    // At most 100: C3 cut to 100; 5 + 75 + 100 = 180.
    const byAmount = calculateThresholdSensitivity(defineRebateProgram({ ...base, cap: { amount: 100 } }), network, { tier: 'Silver', deltas: [0] });
    expect(points(byAmount)).toEqual([['0', '1000', '180', '180', '0', 0]]);
    // At most 4 % of net: C2 60, C3 120; 5 + 60 + 120 = 185.
    const byRate = calculateThresholdSensitivity(defineRebateProgram({ ...base, cap: { rateOfBase: '0.04' } }), network, { tier: 'Silver', deltas: [0] });
    expect(points(byRate)).toEqual([['0', '1000', '185', '185', '0', 0]]);
  });
});

describe('no scenario, no refusal: no warning', () => {
  it('the sensitivity and the cliffs of the hand network warn of nothing', () => {
    expect(calculateThresholdSensitivity(handProgram, handNetwork, { tier: 'Gold', deltas: [0] }).warnings).toEqual([]);
    expect(calculateCliffExposure(handProgram, handNetwork, { window: { relative: '0.1' } }).warnings).toEqual([]);
  });
});
