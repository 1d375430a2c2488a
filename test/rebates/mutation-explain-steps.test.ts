// The step texts of calculateRebate and the sentences of explainRebate (src/rebates/explain.ts and the
// REBATE_MESSAGES / EXPLAIN_MESSAGES templates of src/rebates/messages.ts), asserted whole: growth and
// growth-rate bases below their baseline, a negative net on an attainment basis, every comparison sign,
// rate + per-unit + fixed lines, total rounding to one place, gates and multipliers joined with 'and',
// a zero award, two benefits, and a next tier worth less. Every figure is derived by hand in the test.
import { describe, expect, it } from 'vitest';
import { calculateRebate, defineRebateProgram, explainRebate, type RebateProgramSpec } from 'dealerkit';

const common = { currency: 'EUR', rounding: { stage: 'line' }, method: 'retroactive' } as const;
const run = (spec: RebateProgramSpec, input: Parameters<typeof calculateRebate>[1]) => {
  const r = calculateRebate(defineRebateProgram(spec), input);
  return { texts: r.steps.map((s) => s.text), sentences: explainRebate(r) };
};

describe('basis texts', () => {
  const growthRate: RebateProgramSpec = { ...common, basis: 'growthRate', zeroBaseline: 'highest-tier', tiers: [{ from: 0, rate: '0.01' }, { from: '0.1', rate: '0.02' }] };
  it('growth rate: (1,050,000 − 1,000,000) / 1,000,000 = 0.05 = 5.00 %; 1 % × 50,000 = 500', () => {
    expect(run(growthRate, { sales: 1050000, baseline: 1000000 }).texts).toEqual([
      'net sales 1,050,000.00; growth rate (1,050,000.00 − 1,000,000.00) / 1,000,000.00 = 5.00 %',
      'Tier 1: 1 % × 50,000.00 = 500.00',
      'every line rounded to 2 places, half-up: rebate 500.00',
    ]);
  });
  it('growth rate over a zero baseline is undefined: the top tier pays 2 % × 5,000 = 100', () => {
    expect(run(growthRate, { sales: 5000, baseline: 0 }).texts).toEqual([
      'net sales 5,000.00; growth rate undefined over a zero baseline',
      'Tier 2: 2 % × 5,000.00 = 100.00',
      'every line rounded to 2 places, half-up: rebate 100.00',
    ]);
  });
  it('growth rate below the baseline: 900 − 100 = 800 < 1,000, so the text measures the baseline against itself: 0.00 %', () => {
    expect(run(growthRate, { sales: 900, returns: 100, baseline: 1000 }).texts).toEqual([
      'net sales 800.00 = 900.00 − 100.00 returns; growth rate (1,000.00 − 1,000.00) / 1,000.00 = 0.00 %',
      'Tier 1: 1 % × 0.00 = 0.00',
      'every line rounded to 2 places, half-up: rebate 0.00',
    ]);
  });
  it('growth below the baseline: 900 < 1,000 grows 1,000 − 1,000 = 0', () => {
    expect(run({ ...common, basis: 'growth', tiers: [{ from: 0, rate: '0.01' }] }, { sales: 900, baseline: 1000 }).texts).toEqual([
      'net sales 900.00; growth 1,000.00 − 1,000.00 = 0.00',
      'Tier 1: 1 % × 0.00 = 0.00',
      'every line rounded to 2 places, half-up: rebate 0.00',
    ]);
  });
  it('attainment of a negative net: 100 − 200 = −100 counts as 0; 0 / 1,000 = 0.00 %', () => {
    const { texts, sentences } = run({ ...common, basis: 'attainment', tiers: [{ from: 0, rate: '0.01' }] }, { sales: 100, returns: 200, target: 1000 });
    expect(texts[0]).toBe('net sales -100.00 = 100.00 − 200.00 returns; attainment 0.00 / 1,000.00 = 0.00 %');
    expect(sentences).toEqual([
      'Tier 1 reached at 0.00 % of target: 1 % × 0.00 = 0.00.',
      'Note: returns exceed sales (net -100); the basis uses 0, never a negative rebate.',
    ]);
  });
  it('attainment is rounded half-up to two places of a percent: 12,345 / 100,000 = 0.12345 → 12.35 % (half-even would say 12.34)', () => {
    const { texts, sentences } = run({ ...common, basis: 'attainment', tiers: [{ from: 0, rate: '0.01' }] }, { sales: 12345, target: 100000 });
    // 1 % × 12,345 = 123.45.
    expect(texts[0]).toBe('net sales 12,345.00; attainment 12,345.00 / 100,000.00 = 12.35 %');
    expect(sentences).toEqual(['Tier 1 reached at 12.35 % of target: 1 % × 12,345.00 = 123.45.']);
  });
  it('attainment 2 / 3 = 0.6666… → 66.67 %; 1 % × 2 = 0.02', () => {
    expect(run({ ...common, basis: 'attainment', tiers: [{ from: 0, rate: '0.01' }] }, { sales: 2, target: 3 }).sentences).toEqual([
      'Tier 1 reached at 66.67 % of target: 1 % × 2.00 = 0.02.',
    ]);
  });
});

describe('a unit program rounded once to one place, with gates > and ≤', () => {
  const spec: RebateProgramSpec = {
    ...common,
    rounding: { stage: 'total', scale: 1 },
    basis: 'quantity',
    tiers: [{ from: 0 }, { from: 10, rate: '0.01', perUnit: 2, fixed: 50 }],
    gates: [
      { metric: 'a', op: '>', value: 1, onFail: { factor: '0.5' } },
      { metric: 'b', op: '<=', value: 1, onFail: { factor: '0.5' } },
    ],
  };
  it('12 − 2 = 10 units reach tier 2: 1 % × 1,000.15 = 10.0015, + 10 × 2 = 20, + 50 fixed = 80.0015; b fails → × 0.5 = 40.00075 → 40.0', () => {
    const { texts, sentences } = run(spec, { quantity: 12, returnedQuantity: 2, sales: 1000.15, metrics: { a: 2, b: 3 } });
    expect(texts).toEqual([
      'net units 10 = 12 − 2 returned; net sales 1,000.15',
      'Tier 2: 1 % × 1,000.15 + 10 × 2.0 + 50.0 fixed = 80.0015',
      'gate a 2 > 1: met',
      'gate b 3 ≤ 1: not met, × 0.5',
      'failed gates × 0.5: 80.0015 → 40.00075',
      'rounded once to 1 place, half-up: 40.00075 → 40.0',
    ]);
    expect(sentences).toEqual([
      'Tier 2 reached at 10 net units: 1 % × 1,000.15 + 10 × 2.0 + 50.0 fixed = 80.0015; b 3 fails ≤ 1 × 0.5 → 40.00075; rounded to 40.0.',
      'Gates met: a 2 > 1.',
    ]);
  });
  it('5 units stay in tier 1, nothing to pay; both gates met; tier 2 at 10 units would pay 1 % × 100 + 10 × 2 + 50 = 71.0', () => {
    const { texts, sentences } = run(spec, { quantity: 5, sales: 100, metrics: { a: 2, b: 1 } });
    expect(texts).toEqual([
      'net units 5; net sales 100.0',
      'Tier 1: nothing to pay',
      'gate a 2 > 1: met',
      'gate b 1 ≤ 1: met',
      'rounded once to 1 place, half-up: 0 → 0.0',
    ]);
    expect(sentences).toEqual([
      'Tier 1 reached at 5 net units: nothing to pay at this tier.',
      'Gates met: a 2 > 1, b 1 ≤ 1.',
      'Tier 2 from 10 units needs 5 more units; the rebate would then be 71.0 (+71.0).',
    ]);
  });
});

describe('adjustments', () => {
  it("a gate '<' with onFail 'zero': 0.95 is not < 0.9, so 1 % × 1,000 = 10 × 0 = 0", () => {
    const spec: RebateProgramSpec = { ...common, basis: 'amount', tiers: [{ from: 0, rate: '0.01' }], gates: [{ metric: 'onTime', op: '<', value: '0.9', onFail: 'zero' }] };
    const { texts, sentences } = run(spec, { sales: 1000, metrics: { onTime: '0.95' } });
    expect(texts).toEqual([
      'net sales 1,000.00',
      'Tier 1: 1 % × 1,000.00 = 10.00',
      'gate onTime 0.95 < 0.9: not met, no rebate',
      'failed gates × 0: 10.00 → 0.00',
      'every line rounded to 2 places, half-up: rebate 0.00',
    ]);
    expect(sentences).toEqual(['Tier 1 reached at net sales of 1,000.00: 1 % × 1,000.00 = 10.00; onTime 0.95 fails < 0.9: no rebate.']);
  });
  it('two failed gates (0.5 × 0.5 = 0.25) and two multipliers other than 1 (1.1 × 1.2 = 1.32): 10 × 0.25 = 2.50 × 1.32 = 3.30', () => {
    const spec: RebateProgramSpec = {
      ...common,
      basis: 'amount',
      tiers: [{ from: 0, rate: '0.01' }],
      gates: [
        { metric: 'g1', op: '>=', value: 1, onFail: { factor: '0.5' } },
        { metric: 'g2', op: '>=', value: 1, onFail: { factor: '0.5' } },
      ],
      multipliers: [
        { metric: 'm1', bands: [{ from: 0, factor: 1 }] },
        { metric: 'm2', bands: [{ from: 0, factor: '1.1' }] },
        { metric: 'm3', bands: [{ from: 0, factor: '1.2' }] },
      ],
    };
    const { texts, sentences } = run(spec, { sales: 1000, metrics: { g1: 0, g2: 0, m1: 5, m2: 6, m3: 7 } });
    expect(texts).toEqual([
      'net sales 1,000.00',
      'Tier 1: 1 % × 1,000.00 = 10.00',
      'gate g1 0 ≥ 1: not met, × 0.5',
      'gate g2 0 ≥ 1: not met, × 0.5',
      'failed gates × 0.25: 10.00 → 2.50',
      'm1 5 (band from 0): × 1',
      'm2 6 (band from 0): × 1.1',
      'm3 7 (band from 0): × 1.2',
      'multiplier × 1.32: 2.50 → 3.30',
      'every line rounded to 2 places, half-up: rebate 3.30',
    ]);
    // The multiplier at × 1 changes nothing and is left out of the sentence.
    expect(sentences).toEqual([
      'Tier 1 reached at net sales of 1,000.00: 1 % × 1,000.00 = 10.00; g1 0 fails ≥ 1 and g2 0 fails ≥ 1 × 0.25 → 2.50; m2 6 × 1.1 and m3 7 × 1.2 → 3.30.',
    ]);
  });
  it('a cap: 1 % × 1,000 = 10 capped at 5', () => {
    const { texts, sentences } = run({ ...common, basis: 'amount', tiers: [{ from: 0, rate: '0.01' }], cap: { amount: 5 } }, { sales: 1000 });
    expect(texts).toEqual(['net sales 1,000.00', 'Tier 1: 1 % × 1,000.00 = 10.00', 'cap 5.00: 10.00 → 5.00', 'every line rounded to 2 places, half-up: rebate 5.00']);
    expect(sentences).toEqual(['Tier 1 reached at net sales of 1,000.00: 1 % × 1,000.00 = 10.00; capped at 5.00.']);
  });
  it('a forfeited minimum: 1 % × 3,000 = 30 < 50', () => {
    const { texts } = run({ ...common, basis: 'amount', tiers: [{ from: 0, rate: '0.01' }], minimum: { amount: 50, whenBelow: 'forfeit' } }, { sales: 3000 });
    expect(texts).toEqual(['net sales 3,000.00', 'Tier 1: 1 % × 3,000.00 = 30.00', 'minimum 50.00: 30.00 is below it and forfeited', 'every line rounded to 2 places, half-up: rebate 0.00']);
  });
  it('an award of 0 at exactly 100 % of target: the step says 2 % × 0 = 0, the sentence leaves it out (1 % × 1,000 = 10)', () => {
    const spec: RebateProgramSpec = { ...common, basis: 'attainment', tiers: [{ from: 0, rate: '0.01' }], overAchievement: { above: 1, rate: '0.02' } };
    const { texts, sentences } = run(spec, { sales: 1000, target: 1000 });
    expect(texts).toEqual([
      'net sales 1,000.00; attainment 1,000.00 / 1,000.00 = 100.00 %',
      'Tier 1: 1 % × 1,000.00 = 10.00',
      'over-achievement: 2 % × 0.00 above 1,000.00 = 0.00',
      'every line rounded to 2 places, half-up: rebate 10.00',
    ]);
    expect(sentences).toEqual(['Tier 1 reached at 100.00 % of target: 1 % × 1,000.00 = 10.00.']);
  });
});

describe('benefits and a next tier worth less', () => {
  const spec: RebateProgramSpec = {
    ...common,
    basis: 'amount',
    tiers: [{ from: 0, rate: '0.05' }, { from: 1000, rate: '0.01', name: 'Gold', benefits: { fund: 100, training: '2500.5' } }],
  };
  it('5 % × 900 = 45; Gold at 1,000 pays 1 % × 1,000 = 10, which is 10 − 45 = −35', () => {
    expect(run(spec, { sales: 900 }).sentences).toEqual([
      'Tier 1 reached at net sales of 900.00: 5 % × 900.00 = 45.00.',
      'Gold from 1,000.00 needs 100.00 more net sales; the rebate would then be 10.00 (−35.00).',
    ]);
  });
  it('Gold reached: two benefits joined with "and"', () => {
    expect(run(spec, { sales: 1000 }).sentences).toEqual([
      'Gold reached at net sales of 1,000.00: 1 % × 1,000.00 = 10.00.',
      'Gold also earns fund 100.00 and training 2,500.50.',
    ]);
  });
});
