// Whole results of src/rebates/evaluate.ts, every field compared (Decimals as their strings, step
// texts left to the sentence tests): the adjustment steps (gate and multiplier factors, a forfeited
// minimum, a cap by rate alone) with their before / after / amount, the warnings of negative nets and
// of a ratio metric written as a percentage with their sentences and paths, the next tier on a
// quantity, growth and growth-rate basis (gaps, the sales gap, the ratio scale of an option), the
// retroactive jump's sentence, benefits of an ineligible dealer, and a run without explanation.
// Every figure is derived by hand in the comments.
import { describe, expect, it } from 'vitest';
import { calculateRebate, defineRebateProgram, type RebateInput, type RebateProgramSpec, type RebateResult } from 'dealerkit';
import { calculateFigures } from '../../src/rebates/calculate.js';

const common = { currency: 'EUR', rounding: { stage: 'line' }, method: 'retroactive' } as const;
/** The result as plain data: Decimals as strings, steps without their texts. */
type Plain = Record<string, unknown> & { steps: Record<string, unknown>[] };
const plain = (r: RebateResult): Plain => {
  const o = JSON.parse(JSON.stringify(r)) as Plain;
  o.steps = o.steps.map(({ text: _t, ...s }) => s);
  return o;
};
const calc = (spec: RebateProgramSpec, input: RebateInput, options?: { ratioScale: number }) => calculateRebate(defineRebateProgram(spec), input, options);
const ROUNDING = { code: 'rounding', stage: 'line', scale: 2, mode: 'half-up' };

describe('adjustment steps, whole', () => {
  const spec: RebateProgramSpec = {
    ...common,
    basis: 'amount',
    tiers: [{ from: 0, rate: '0.1' }],
    gates: [{ metric: 'a', op: '>=', value: 1, onFail: { factor: '0.5' } }],
    multipliers: [{ metric: 'd', bands: [{ from: 0, factor: '1.1' }, { from: 30, factor: 1 }] }],
    minimum: { amount: 50, whenBelow: 'forfeit' },
    cap: { rateOfBase: '0.05' },
  };
  it('1,000, gate failed, band 0: 10 % × 1,000 = 100; × 0.5 = 50; × 1.1 = 55; not below 50; capped at 5 % × 1,000 = 50', () => {
    expect(plain(calc(spec, { sales: 1000, metrics: { a: 0, d: 5 } }))).toEqual({
      rebate: '50',
      unrounded: '50',
      basis: 'amount',
      basisValue: '1000',
      netAmount: '1000',
      netQuantity: null,
      tier: { index: 0, name: null },
      gates: [{ metric: 'a', op: '>=', required: '1', value: '0', passed: false, factor: '0.5' }],
      eligible: true,
      multiplier: '1.1',
      multipliers: [{ metric: 'd', value: '5', band: 0, factor: '1.1' }],
      capApplied: true,
      minimumApplied: false,
      benefits: [],
      nextTier: null,
      steps: [
        { code: 'basis', basis: 'amount', sales: '1000', returns: '0', netAmount: '1000', quantity: null, returnedQuantity: '0', netQuantity: null, target: null, baseline: null, value: '1000' },
        { code: 'tier', index: 0, name: null, from: '0', to: null, base: '1000', units: null, rate: '0.1', perUnit: null, fixed: null, amount: '100' },
        { code: 'gate', metric: 'a', op: '>=', required: '1', value: '0', passed: false, factor: '0.5' },
        { code: 'gate-factor', factor: '0.5', before: '100', after: '50', amount: '-50' },
        { code: 'multiplier', metric: 'd', value: '5', band: 0, from: '0', factor: '1.1' },
        { code: 'multiplier-factor', factor: '1.1', before: '50', after: '55', amount: '5' },
        // 55 − 50 = 5 taken off.
        { code: 'cap', limit: '50', byAmount: null, byRate: '50', before: '55', after: '50', amount: '-5' },
        { ...ROUNDING, unrounded: '50', rebate: '50', difference: '0' },
      ],
      warnings: [],
    });
  });
  it('exactly at the minimum and at the cap (band 1, gate failed): 100 × 0.5 = 50, neither raised nor forfeited nor capped', () => {
    const r = calc(spec, { sales: 1000, metrics: { a: 0, d: 30 } });
    expect([r.rebate.toString(), r.minimumApplied, r.capApplied, r.multiplier.toString(), r.multipliers[0]!.band]).toEqual(['50', false, false, '1', 1]);
    expect(r.steps.map((s) => s.code)).toEqual(['basis', 'tier', 'gate', 'gate-factor', 'multiplier', 'rounding']);
  });
  it('800, gate failed, band 1: 80 × 0.5 = 40 below 50 is forfeited (−40), then 0 is under the cap 5 % × 800 = 40', () => {
    const r = calc(spec, { sales: 800, metrics: { a: 0, d: 40 } });
    expect([r.rebate.toString(), r.unrounded.toString(), r.minimumApplied, r.capApplied]).toEqual(['0', '0', true, false]);
    expect(plain(r).steps).toEqual([
      { code: 'basis', basis: 'amount', sales: '800', returns: '0', netAmount: '800', quantity: null, returnedQuantity: '0', netQuantity: null, target: null, baseline: null, value: '800' },
      { code: 'tier', index: 0, name: null, from: '0', to: null, base: '800', units: null, rate: '0.1', perUnit: null, fixed: null, amount: '80' },
      { code: 'gate', metric: 'a', op: '>=', required: '1', value: '0', passed: false, factor: '0.5' },
      { code: 'gate-factor', factor: '0.5', before: '80', after: '40', amount: '-40' },
      { code: 'multiplier', metric: 'd', value: '40', band: 1, from: '30', factor: '1' },
      { code: 'minimum', limit: '50', whenBelow: 'forfeit', before: '40', after: '0', amount: '-40' },
      { ...ROUNDING, unrounded: '0', rebate: '0', difference: '0' },
    ]);
  });
  it('a raised minimum: 10 % × 300 = 30 raised to 50 (+20), the cap 5 % × 300 = 15 then takes it to 15 (−35)', () => {
    const r = calc({ ...spec, gates: [], multipliers: [], minimum: { amount: 50, whenBelow: 'raise' }, cap: { amount: 60, rateOfBase: '0.05' } }, { sales: 300 });
    expect([r.rebate.toString(), r.minimumApplied, r.capApplied]).toEqual(['15', true, true]);
    expect(plain(r).steps.slice(2, 4)).toEqual([
      { code: 'minimum', limit: '50', whenBelow: 'raise', before: '30', after: '50', amount: '20' },
      // min(60, 15) = 15, by amount 60, by rate 15.
      { code: 'cap', limit: '15', byAmount: '60', byRate: '15', before: '50', after: '15', amount: '-35' },
    ]);
  });
  it('a cap by amount alone: 10 % × 1,000 = 100 capped at 70 (−30), byRate null', () => {
    const r = calc({ ...common, basis: 'amount', tiers: [{ from: 0, rate: '0.1' }], cap: { amount: 70 } }, { sales: 1000 });
    expect(plain(r).steps[2]).toEqual({ code: 'cap', limit: '70', byAmount: '70', byRate: null, before: '100', after: '70', amount: '-30' });
  });
});

describe('warnings: sentences and paths', () => {
  it('negative units on a quantity basis: 10 − 15 = −5 counts as 0 units; tier 2 from 100 units needs 100, bought by 10 + (100 − (−5)) = 115 units', () => {
    const r = calc({ ...common, basis: 'quantity', tiers: [{ from: 0, perUnit: 1 }, { from: 100, perUnit: 2 }] }, { quantity: 10, returnedQuantity: 15 });
    const o = plain(r);
    expect([o.rebate, o.basisValue, o.netQuantity, o.netAmount]).toEqual(['0', '0', '-5', null]);
    // At 100 units: 100 × 2 = 200, a gain of 200 − 0.
    expect(o.nextTier).toEqual({ index: 1, name: null, threshold: '100', mustExceed: false, gap: '100', salesGap: null, rebateAtThreshold: '200', gain: '200' });
    expect(o.warnings).toEqual([
      { code: 'negative-quantity', message: 'returned units exceed units (net -5); the basis uses 0', path: ['returnedQuantity'] },
      { code: 'retroactive-jump', message: 'reaching 100 (tiers[1]) re-prices the whole base: the rebate goes from 0 to 200' },
    ]);
  });
  it('negative net on a growth basis: 100 − 300 = −200 counts as 0, below the baseline 50; tier 2 at growth 1,000 needs sales of 50 + 1,000 − (−200) = 1,250 more', () => {
    const r = calc({ ...common, basis: 'growth', tiers: [{ from: 0, rate: '0.01' }, { from: 1000, rate: '0.02' }] }, { sales: 100, returns: 300, baseline: 50 });
    const o = plain(r);
    // growth = max(0, 50) − 50 = 0; the line is 1 % × 0 = 0.
    expect([o.rebate, o.basisValue, o.netAmount]).toEqual(['0', '0', '-200']);
    // Moved: 1,350 − 300 = 1,050, growth 1,000 → 2 % × 1,000 = 20.
    expect(o.nextTier).toEqual({ index: 1, name: null, threshold: '1000', mustExceed: false, gap: '1000', salesGap: '1250', rebateAtThreshold: '20', gain: '20' });
    expect(o.warnings).toEqual([
      { code: 'negative-net', message: 'returns exceed sales (net -200); the basis uses 0, never a negative rebate', path: ['returns'] },
      { code: 'negative-growth', message: 'net sales 0 are below the baseline 50; the growth basis uses 0', path: ['baseline'] },
      { code: 'retroactive-jump', message: 'reaching 1000 (tiers[1]) re-prices the whole base: the rebate goes from 0 to 20' },
    ]);
  });
  it('net sales above 0 yet below the baseline are named as they are: 40 below 50', () => {
    const r = calc({ ...common, basis: 'growth', tiers: [{ from: 0, rate: '0.01' }] }, { sales: 40, baseline: 50 });
    expect(r.warnings).toEqual([{ code: 'negative-growth', message: 'net sales 40 are below the baseline 50; the growth basis uses 0', path: ['baseline'] }]);
  });
  describe('a ratio-named gate metric above 1', () => {
    const spec: RebateProgramSpec = { ...common, basis: 'amount', tiers: [{ from: 0, rate: '0.01' }], gates: [{ metric: 'onTimeRatio', op: '>=', value: '0.9', onFail: { factor: '0.5' } }] };
    it('95 is warned with the fraction it likely means (0.95); the gate passes (95 ≥ 0.9)', () => {
      const r = calc(spec, { sales: 100, metrics: { onTimeRatio: 95 } });
      expect(r.warnings).toEqual([
        {
          code: 'percent-like-metric',
          message: 'onTimeRatio is 95, above 1, though its name says it is a ratio and the gate compares it with 0.9: write 0.95 for 95 %',
          path: ['metrics', 'onTimeRatio'],
        },
      ]);
      expect(r.rebate.toString()).toBe('1');
    });
    it('exactly 1 is no percentage: no warning', () => {
      expect(calc(spec, { sales: 100, metrics: { onTimeRatio: 1 } }).warnings).toEqual([]);
    });
    it('a metric whose name says no ratio is not warned (score 95)', () => {
      const r = calc({ ...spec, gates: [{ metric: 'score', op: '>=', value: '0.9', onFail: { factor: '0.5' } }] }, { sales: 100, metrics: { score: 95 } });
      expect(r.warnings).toEqual([]);
    });
  });
});

describe('the next tier', () => {
  const gr: RebateProgramSpec = { ...common, basis: 'growthRate', tiers: [{ from: 0, rate: '0.01' }, { from: '0.1', rate: '0.02', name: 'Plus' }] };
  it('growth rate 10 / 300 on the ratio scale of the options (4): 0.0333, gap 0.1 − 0.0333… = 0.0667; sales gap 300 × 1.1 − 310 = 20', () => {
    const o = plain(calc(gr, { sales: 310, baseline: 300 }, { ratioScale: 4 }));
    // 1 % × the growth 10 = 0.10; at 330: 2 % × 30 = 0.60, gain 0.50.
    expect([o.rebate, o.basisValue]).toEqual(['0.1', '0.0333']);
    expect(o.nextTier).toEqual({ index: 1, name: 'Plus', threshold: '0.1', mustExceed: false, gap: '0.0667', salesGap: '20', rebateAtThreshold: '0.6', gain: '0.5' });
  });
  it("the program's ratio scale (10 by default) without options: 0.0333333333 and 0.0666666667", () => {
    const o = plain(calc(gr, { sales: 310, baseline: 300 }));
    expect([o.basisValue, (o.nextTier as { gap: string }).gap]).toEqual(['0.0333333333', '0.0666666667']);
  });
  it("attainment: 930 of 1,000 = 0.93, gap 1 − 0.93 = 0.07 (Gold), sales gap 1,000 − 930 = 70; 'upTo' bounds are exceeded", () => {
    const spec: RebateProgramSpec = { ...common, basis: 'attainment', tiers: [{ upTo: 1, rate: '0.01', name: 'Base' }, { upTo: null, rate: '0.02', name: 'Gold' }] };
    const o = plain(calc(spec, { sales: 930, target: 1000 }));
    // 1 % × 930 = 9.30; at 1,000 (still tier 1 under upTo, the next is priced as forced): 2 % × 1,000 = 20, gain 10.70.
    expect([o.rebate, o.basisValue, o.tier]).toEqual(['9.3', '0.93', { index: 0, name: 'Base' }]);
    expect(o.nextTier).toEqual({ index: 1, name: 'Gold', threshold: '1', mustExceed: true, gap: '0.07', salesGap: '70', rebateAtThreshold: '20', gain: '10.7' });
    expect(o.warnings).toEqual([{ code: 'retroactive-jump', message: 'exceeding 1 (tiers[1] Gold) re-prices the whole base: the rebate goes from 9.3 to 20' }]);
  });
  it('an incremental program has no retroactive jump to warn of', () => {
    const r = calc({ ...common, method: 'incremental', basis: 'amount', tiers: [{ from: 0, rate: '0.01' }, { from: 1000, rate: '0.02' }] }, { sales: 400 });
    // 1 % × 400 = 4; at 1,000: 1 % × 1,000 + 2 % × 0 = 10.
    expect([r.rebate.toString(), r.nextTier?.rebateAtThreshold.toString(), r.warnings]).toEqual(['4', '10', []]);
  });
  it('the top tier has no next tier', () => {
    expect(calc(gr, { sales: 400, baseline: 300 }).nextTier).toBeNull();
  });
});

describe('benefits and eligibility', () => {
  const spec: RebateProgramSpec = {
    ...common,
    basis: 'amount',
    tiers: [{ from: 0, rate: '0.1', benefits: { fund: 10, car: 1 } }],
    gates: [{ metric: 'a', op: '>', value: 1, onFail: 'zero' }],
  };
  it("a failed 'zero' gate leaves no benefits and no rebate", () => {
    const r = plain(calc(spec, { sales: 100, metrics: { a: 1 } }));
    expect([r.rebate, r.eligible, r.benefits, r.gates]).toEqual(['0', false, [], [{ metric: 'a', op: '>', required: '1', value: '1', passed: false, factor: '0' }]]);
  });
  it('a passed gate keeps the tier’s benefits in order: 10 % × 100 = 10', () => {
    const r = plain(calc(spec, { sales: 100, metrics: { a: 2 } }));
    expect([r.rebate, r.eligible, r.benefits]).toEqual(['10', true, [{ name: 'fund', amount: '10' }, { name: 'car', amount: '1' }]]);
  });
});

describe('figures without explanation (the spreadsheet path)', () => {
  it('no steps and no warnings, yet the basis value and the next tier: 100 − 300 = −200 → 0; tier 2 from 1,000 needs 1,000 − (−200) = 1,200 of sales more', () => {
    const p = defineRebateProgram({ ...common, basis: 'amount', tiers: [{ from: 0, rate: '0.01' }, { from: 1000, rate: '0.02' }] });
    const o = plain(calculateFigures(p, { sales: 100, returns: 300 }));
    expect([o.rebate, o.basisValue, o.steps, o.warnings]).toEqual(['0', '0', [], []]);
    // Moved to 100 + 1,200 = 1,300 of sales, 1,300 − 300 = 1,000 net: 2 % × 1,000 = 20.
    expect(o.nextTier).toEqual({ index: 1, name: null, threshold: '1000', mustExceed: false, gap: '1000', salesGap: '1200', rebateAtThreshold: '20', gain: '20' });
  });
});
