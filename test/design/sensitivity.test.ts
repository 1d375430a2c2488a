import { describe, expect, it } from 'vitest';
import { defineRebateProgram, type RebateProgramSpec } from 'dealerkit';
import { calculateThresholdSensitivity, explainThresholdSensitivity } from 'dealerkit/design';
import { thrown } from '../helpers.js';
import { handNetwork, handProgram, handSpec, strs } from './helpers.js';

// The hand network (helpers.ts): A 95 % Silver 1,900; B 110 % Gold 3,400 + brand fund 1,000;
// C 80 %, no tier, gate failed (× 0.5). Rebate 5,300, cost 6,300.

describe('calculateThresholdSensitivity on the three-dealer network', () => {
  it('Silver from 90 % to 80 % brings C in: 2 % × 80,000 = 1,600, halved by its gate: +800', () => {
    const s = calculateThresholdSensitivity(handProgram, handNetwork, { tier: 'Silver', deltas: ['-0.1'] });
    expect([s.tier.name, s.move, s.value.toString(), s.rebate.toString(), s.cost.toString()]).toEqual(['Silver', 'threshold', '0.9', '5300', '6300']);
    const p = s.points[0]!;
    expect(strs([p.delta, p.value, p.rebate, p.cost, p.change, p.rebateChange])).toEqual(['-0.1', '0.8', '6100', '7100', '800', '800']);
    expect(p.moved).toBe(1);
    expect(p.dealers.map((d) => [d.id, d.before.tier.name, d.after.tier.name, d.before.rebate.toString(), d.after.rebate.toString(), d.change.toString()])).toEqual([
      ['C', '—', 'Silver', '0', '800', '800'],
    ]);
  });

  it('Gold from 110 % to 95 % brings A in: 3 % × 95,000 = 2,850 (+950) and the 1,000 brand fund: +1,950', () => {
    const s = calculateThresholdSensitivity(handProgram, handNetwork, { tier: 2, deltas: ['-0.15', '-0.05', 0, '0.05'] });
    expect(strs(s.points.map((p) => p.change))).toEqual(['1950', '0', '0', '-2100']);
    // +5 points (115 %): B falls to Silver: 2 % × 110,000 = 2,200 + award 100 = 2,300 (−1,100 rebate), and loses the fund: −2,100 in cost.
    expect(strs(s.points.map((p) => p.rebateChange))).toEqual(['950', '0', '0', '-1100']);
    expect(s.points[3]!.cost.toString()).toBe('4200');
    expect(s.points[3]!.dealers.map((d) => [d.id, d.change.toString()])).toEqual([['B', '-2100']]);
  });

  it('a delta of 0 costs exactly 0 and moves nobody', () => {
    const s = calculateThresholdSensitivity(handProgram, handNetwork, { tier: 'Gold', deltas: [0] });
    expect([s.points[0]!.change.toString(), s.points[0]!.moved, s.points[0]!.dealers]).toEqual(['0', 0, []]);
  });

  it("move: 'rate': Silver at 2.5 % pays A 2,375 (+475)", () => {
    const s = calculateThresholdSensitivity(handProgram, handNetwork, { tier: 'Silver', deltas: ['0.005'], move: 'rate' });
    expect([s.value.toString(), s.points[0]!.value.toString(), s.points[0]!.change.toString()]).toEqual(['0.02', '0.025', '475']);
  });

  it('upTo programs move the bound where the tier starts (the previous tier\'s upTo)', () => {
    // Up to 1,000 nothing; above 1,000 at 2 %: 1,000 exactly pays 0; the bound at 900 makes it pay 20.
    const p = defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive', tiers: [{ upTo: 1000 }, { upTo: null, rate: '0.02' }] });
    const s = calculateThresholdSensitivity(p, [{ id: 'X', sales: 1000 }], { tier: 1, deltas: [-100] });
    expect([s.value.toString(), s.points[0]!.change.toString()]).toEqual(['1000', '20']);
  });

  it('a deterministic scenario projects the network first: under +10 %, Gold at 105 % still pays nobody new (A at 104.5 %)', () => {
    const s = calculateThresholdSensitivity(handProgram, handNetwork, { tier: 'Gold', deltas: ['-0.05', '-0.06'], scenario: { name: '+10 %', growth: '0.1' } });
    expect(s.rebate.toString()).toBe('5975');
    // Gold from 104 %: A (104,500) → 3 % × 104,500 = 3,135 + award 45 = 3,180 (+1,045) and the fund: +2,045.
    expect(strs(s.points.map((p) => p.change))).toEqual(['0', '2045']);
  });

  it('explains itself in sentences and steps', () => {
    const s = calculateThresholdSensitivity(handProgram, handNetwork, { tier: 'Silver', deltas: ['-0.1'] });
    expect(explainThresholdSensitivity(s)).toEqual([
      'As it is, Silver from 90.00 %: rebate 5,300.00, cost 6,300.00.',
      'Silver from 80.00 % (−10.00 points): cost 7,100.00, +800.00; 1 dealer changes tier: C (— → Silver, +800.00).',
    ]);
    expect(s.steps.map((x) => x.text)).toEqual([
      'as it is, Silver from 90.00 %: 3 dealers, rebate 5,300.00, cost 6,300.00',
      'Silver from 80.00 % (−10.00 points): cost 7,100.00 (+800.00); 1 dealer changes tier',
    ]);
    const r = calculateThresholdSensitivity(handProgram, handNetwork, { tier: 'Silver', deltas: ['0.005'], move: 'rate' });
    expect(explainThresholdSensitivity(r)[1]).toBe('Silver at 2.5 % (+0.5 points): cost 6,775.00, +475.00; 0 dealers change tier.');
  });
});

describe('calculateThresholdSensitivity refuses deltas that break the tiers, naming the path', () => {
  it('a threshold moved to or below the previous tier: not_ascending at options.deltas[i]', () => {
    const e = thrown(() => calculateThresholdSensitivity(handProgram, handNetwork, { tier: 'Gold', deltas: ['-0.1', '-0.2', '-0.25'] }));
    expect(e.issues.map((i) => [i.path, i.code])).toEqual([
      [['options', 'deltas', 1], 'not_ascending'],
      [['options', 'deltas', 2], 'not_ascending'],
    ]);
    expect(e.issues[0]!.message).toBe("moves Gold's threshold to 0.9, at or below Silver's threshold (0.9); tiers must stay in ascending order");
  });

  it('to or above the next tier, or to 0 for the second tier: not_ascending', () => {
    expect(thrown(() => calculateThresholdSensitivity(handProgram, handNetwork, { tier: 'Silver', deltas: ['0.2'] })).issues[0]).toMatchObject({
      path: ['options', 'deltas', 0],
      code: 'not_ascending',
      message: "moves Silver's threshold to 1.1, at or above Gold's threshold (1.1); tiers must stay in ascending order",
    });
    expect(thrown(() => calculateThresholdSensitivity(handProgram, handNetwork, { tier: 'Silver', deltas: ['-0.9'] })).issues[0]!.message).toBe(
      "moves Silver's threshold to 0, at or below 0, where the first tier (—) starts; tiers must stay in ascending order",
    );
  });

  it('a rate moved below 0 or above 1: out_of_range', () => {
    const e = thrown(() => calculateThresholdSensitivity(handProgram, handNetwork, { tier: 'Silver', deltas: ['-0.03', 1], move: 'rate' }));
    expect(e.code).toBe('out_of_range');
    expect(e.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['options.deltas.0', 'out_of_range'],
      ['options.deltas.1', 'out_of_range'],
    ]);
  });

  it('an unknown tier: unknown_label; the first tier: invalid_value; a step program has no rate: inconsistent', () => {
    expect(thrown(() => calculateThresholdSensitivity(handProgram, handNetwork, { tier: 'Platinum', deltas: [0] })).issues[0]).toMatchObject({
      path: ['options', 'tier'],
      code: 'unknown_label',
      message: 'no tier of the program is named "Platinum" (the tiers: "—", "Silver", "Gold")',
    });
    expect(thrown(() => calculateThresholdSensitivity(handProgram, handNetwork, { tier: 3, deltas: [0] })).issues[0]!.code).toBe('unknown_label');
    expect(thrown(() => calculateThresholdSensitivity(handProgram, handNetwork, { tier: 0, deltas: [0] })).issues[0]).toMatchObject({ path: ['options', 'tier'], code: 'invalid_value' });
    const step = defineRebateProgram({ ...handSpec, method: 'step', tiers: [{ from: 0 }, { from: 1, fixed: 100 }] } as RebateProgramSpec);
    expect(thrown(() => calculateThresholdSensitivity(step, handNetwork, { tier: 1, deltas: [0], move: 'rate' })).issues[0]).toMatchObject({
      path: ['options', 'move'],
      code: 'inconsistent',
    });
  });

  it('no deltas, or a stochastic scenario: refused', () => {
    expect(thrown(() => calculateThresholdSensitivity(handProgram, handNetwork, { tier: 1, deltas: [] })).issues[0]).toMatchObject({ path: ['options', 'deltas'], code: 'too_short' });
    const e = thrown(() =>
      calculateThresholdSensitivity(handProgram, handNetwork, { tier: 1, deltas: [0], scenario: { name: 's', growth: { mean: 0, sd: 0, distribution: 'normal' }, runs: 1, seed: 1 } as never }),
    );
    expect(e.issues[0]).toMatchObject({ path: ['options', 'scenario', 'growth'], code: 'inconsistent' });
  });
});

describe('calculateThresholdSensitivity under line rounding: a moved band boundary re-splits the rounded lines', () => {
  // Found by the monotonicity law (test/props/design.props.test.ts), which therefore states it under
  // total rounding. One dealer, 416,433.43 of sales on a 1,120,232 target (37.17 %); incremental
  // bands both at 0.06 %, Gold from 18 % with a 2,366 fund; the on-time gate fails (0.8 < 0.9), × 0.5.
  // Worked by hand, every line rounded half-up to the fen:
  //   Gold from 18 %: band 1 = 0.18 × 1,120,232 = 201,641.76 × 0.06 % = 120.985056 → 120.99;
  //     band 2 = 416,433.43 − 201,641.76 = 214,791.67 × 0.06 % = 128.875002 → 128.88;
  //     249.87 × 0.5 = 124.935 → 124.94; cost 124.94 + 2,366 = 2,490.94.
  //   Gold from 0.01 % (delta −0.1799): band 1 = 112.0232 × 0.06 % = 0.06721392 → 0.07;
  //     band 2 = 416,321.4068 × 0.06 % = 249.79284408 → 249.79; 249.86 × 0.5 = 124.93; cost 2,490.93.
  // Unrounded, both are 416,433.43 × 0.06 % × 0.5 = 124.930029: the cent is the lines' rounding.
  const spec: RebateProgramSpec = {
    currency: 'CNY',
    rounding: { stage: 'line' },
    basis: 'attainment',
    method: 'incremental',
    tiers: [
      { from: '0', rate: '0.0006' },
      { from: '0.18', rate: '0.0006', benefits: { fund: 2366 } },
    ],
    gates: [{ metric: 'onTimePaymentRatio', op: '>=', value: '0.9', onFail: { factor: '0.5' } }],
  };
  const network = [{ id: 'D0', sales: '416433.43', target: 1120232, metrics: { onTimePaymentRatio: '0.8' } }];

  it('the rounded cost may fall by a cent as the threshold falls (line rounding), and does not under total rounding', () => {
    const line = calculateThresholdSensitivity(defineRebateProgram(spec), network, { tier: 1, deltas: ['-0.1799'] });
    expect(line.cost.toString()).toBe('2490.94');
    expect(line.points.map((p) => p.cost.toString())).toEqual(['2490.93']);
    const total = calculateThresholdSensitivity(defineRebateProgram({ ...spec, rounding: { stage: 'total' } }), network, { tier: 1, deltas: ['-0.1799'] });
    // Rounded once: 124.930029 → 124.93 both ways; cost 2,490.93 both ways.
    expect(total.cost.toString()).toBe('2490.93');
    expect(total.points.map((p) => p.cost.toString())).toEqual(['2490.93']);
  });
});
