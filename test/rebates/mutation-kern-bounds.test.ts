// The rules of src/rebates/kernel.ts at their boundaries, each on the value where `<` and `<=` (or
// `>` and `>=`) part: a net of exactly 0 (no negative-net warning), sales exactly at the baseline
// (no negative growth), a zero baseline with no sales (the lowest tier even under 'highest-tier'),
// an award exactly at its cap (not capped), a rebate exactly at a raised minimum (not raised), a
// forfeited minimum on a rebate already 0 (nothing forfeited), passed gates and a factor of 1 (no
// factor step); and the stage of rounding as the steps show it (each line rounded, or once).
// Figures by hand in the comments.
import { describe, expect, it } from 'vitest';
import { calculateRebate, defineRebateProgram, type RebateInput, type RebateProgramSpec, type RebateResult } from 'dealerkit';

const common = { currency: 'EUR', rounding: { stage: 'line' }, method: 'retroactive' } as const;
const calc = (spec: RebateProgramSpec, input: RebateInput): RebateResult => calculateRebate(defineRebateProgram(spec), input);
type Plain = Record<string, unknown> & { steps: Record<string, unknown>[] };
/** Decimals as strings, steps without their texts. */
const plain = (r: RebateResult): Plain => {
  const o = JSON.parse(JSON.stringify(r)) as Plain;
  o.steps = o.steps.map(({ text: _t, ...s }) => s);
  return o;
};
const codes = (r: RebateResult): string[] => r.steps.map((s) => s.code);

describe('nets and growth exactly at 0', () => {
  it('sales 100 less returns 100: a net of 0 is no negative net (no warning), 1 % × 0 = 0', () => {
    const r = calc({ ...common, basis: 'amount', tiers: [{ from: 0, rate: '0.01' }] }, { sales: 100, returns: 100 });
    expect([r.rebate.toString(), r.netAmount?.toString(), r.basisValue?.toString(), r.warnings]).toEqual(['0', '0', '0', []]);
  });
  it('5 units less 5 returned: 0 units, no warning, 0 × 2 = 0', () => {
    const r = calc({ ...common, basis: 'quantity', tiers: [{ from: 0, perUnit: 2 }] }, { quantity: 5, returnedQuantity: 5 });
    expect([r.rebate.toString(), r.netQuantity?.toString(), r.warnings]).toEqual(['0', '0', []]);
  });
  it('sales exactly at the baseline 500: growth 0 with no negative-growth warning; the next tier at growth 100 pays 2 % × 100 = 2', () => {
    const r = calc({ ...common, basis: 'growth', tiers: [{ from: 0, rate: '0.01' }, { from: 100, rate: '0.02' }] }, { sales: 500, baseline: 500 });
    expect([r.rebate.toString(), r.basisValue?.toString()]).toEqual(['0', '0']);
    expect(r.warnings).toEqual([{ code: 'retroactive-jump', message: 'reaching 100 (tiers[1]) re-prices the whole base: the rebate goes from 0 to 2' }]);
  });
  describe("a zero baseline under 'highest-tier'", () => {
    const spec: RebateProgramSpec = { ...common, basis: 'growthRate', zeroBaseline: 'highest-tier', tiers: [{ from: 0, rate: '0.01' }, { from: '0.1', rate: '0.02' }] };
    it('no sales: the lowest tier, not the highest (1 % × 0 = 0)', () => {
      const r = calc(spec, { sales: 0, baseline: 0 });
      expect([r.rebate.toString(), r.tier.index, r.nextTier]).toEqual(['0', 0, null]);
      expect(r.warnings).toEqual([
        { code: 'zero-baseline', message: "the baseline is 0, so the growth rate is undefined; zeroBaseline 'highest-tier' selects tiers[0] for the whole net amount", path: ['baseline'] },
      ]);
    });
    it('sales of 0.01: the highest tier on the whole net, 2 % × 0.01 = 0.0002 → 0.00', () => {
      const r = calc(spec, { sales: '0.01', baseline: 0 });
      expect([r.rebate.toString(), r.unrounded.toString(), r.tier.index, r.warnings[0]?.message]).toEqual([
        '0',
        '0.0002',
        1,
        "the baseline is 0, so the growth rate is undefined; zeroBaseline 'highest-tier' selects tiers[1] for the whole net amount",
      ]);
    });
  });
});

describe('award, minimum, gates and multipliers at their bounds', () => {
  const award: RebateProgramSpec = { ...common, basis: 'attainment', tiers: [{ from: 0, rate: '0.01' }], overAchievement: { above: 1, rate: '0.05', cap: 5 } };
  it('an award exactly at its cap is not capped: (1,100 − 1,000) × 5 % = 5; 1 % × 1,100 = 11; 16 in all', () => {
    const r = calc(award, { sales: 1100, target: 1000 });
    expect(r.rebate.toString()).toBe('16');
    expect(plain(r).steps[2]).toEqual({ code: 'over-achievement', threshold: '1000', base: '100', rate: '0.05', cap: '5', capped: false, amount: '5' });
  });
  it('an award above its cap is capped: 120 × 5 % = 6 → 5; 1 % × 1,120 = 11.20; 16.20 in all', () => {
    const r = calc(award, { sales: 1120, target: 1000 });
    expect(r.rebate.toString()).toBe('16.2');
    expect(plain(r).steps[2]).toEqual({ code: 'over-achievement', threshold: '1000', base: '120', rate: '0.05', cap: '5', capped: true, amount: '5' });
  });
  it('a rebate exactly at a raised minimum is not raised: 10 % × 100 = 10, minimum 10', () => {
    const r = calc({ ...common, basis: 'amount', tiers: [{ from: 0, rate: '0.1' }], minimum: { amount: 10, whenBelow: 'raise' } }, { sales: 100 });
    expect([r.rebate.toString(), r.minimumApplied, codes(r)]).toEqual(['10', false, ['basis', 'tier', 'rounding']]);
  });
  it('a forfeited minimum on a rebate of 0 forfeits nothing: 10 % × 0 = 0, no minimum step', () => {
    const r = calc({ ...common, basis: 'amount', tiers: [{ from: 0, rate: '0.1' }], minimum: { amount: 10, whenBelow: 'forfeit' } }, { sales: 0 });
    expect([r.rebate.toString(), r.minimumApplied, codes(r)]).toEqual(['0', false, ['basis', 'tier', 'rounding']]);
  });
  it('passed gates and a band of factor 1 leave the amount alone, with no factor step: 10 % × 100 = 10', () => {
    const spec: RebateProgramSpec = {
      ...common,
      basis: 'amount',
      tiers: [{ from: 0, rate: '0.1' }],
      gates: [{ metric: 'a', op: '<=', value: 1, onFail: { factor: '0.5' } }],
      multipliers: [{ metric: 'd', bands: [{ from: 0, factor: 1 }, { from: 30, factor: '1.2' }] }],
    };
    const r = calc(spec, { sales: 100, metrics: { a: 1, d: '29.99' } });
    expect([r.rebate.toString(), r.multiplier.toString(), r.gates[0]!.passed, codes(r)]).toEqual(['10', '1', true, ['basis', 'tier', 'gate', 'multiplier', 'rounding']]);
    // At d = 30 the second band: 10 × 1.2 = 12, with its step.
    const up = calc(spec, { sales: 100, metrics: { a: 1, d: 30 } });
    expect([up.rebate.toString(), codes(up)]).toEqual(['12', ['basis', 'tier', 'gate', 'multiplier', 'multiplier-factor', 'rounding']]);
  });
});

describe('the rounding stage as the steps show it', () => {
  // 0.5 % × 1,001 = 5.005; award (1,001 − 1,000) × 1.5 % = 0.015; gate failed: × 0.5.
  const spec = (stage: 'line' | 'total'): RebateProgramSpec => ({
    ...common,
    rounding: { stage },
    basis: 'attainment',
    tiers: [{ from: 0, rate: '0.005' }],
    overAchievement: { above: 1, rate: '0.015' },
    gates: [{ metric: 'a', op: '>=', value: 1, onFail: { factor: '0.5' } }],
  });
  const input: RebateInput = { sales: 1001, target: 1000, metrics: { a: 0 } };
  const basis = { code: 'basis', basis: 'attainment', sales: '1001', returns: '0', netAmount: '1001', quantity: null, returnedQuantity: '0', netQuantity: null, target: '1000', baseline: null, value: '1.001' };
  const tier = { code: 'tier', index: 0, name: null, from: '0', to: null, base: '1001', units: null, rate: '0.005', perUnit: null, fixed: null };
  const gate = { code: 'gate', metric: 'a', op: '>=', required: '1', value: '0', passed: false, factor: '0.5' };
  it('line: 5.005 → 5.01 and 0.015 → 0.02 (half-up), 5.03 × 0.5 = 2.515 → 2.52; exactly 5.02 × 0.5 = 2.51', () => {
    const r = plain(calc(spec('line'), input));
    expect([r.rebate, r.unrounded]).toEqual(['2.52', '2.51']);
    expect(r.steps).toEqual([
      basis,
      { ...tier, amount: '5.01' },
      { code: 'over-achievement', threshold: '1000', base: '1', rate: '0.015', cap: null, capped: false, amount: '0.02' },
      gate,
      { code: 'gate-factor', factor: '0.5', before: '5.03', after: '2.52', amount: '-2.51' },
      { code: 'rounding', stage: 'line', scale: 2, mode: 'half-up', unrounded: '2.51', rebate: '2.52', difference: '0.01' },
    ]);
  });
  it('total: 5.005 + 0.015 = 5.02 exactly, × 0.5 = 2.51, rounded once to 2.51', () => {
    const r = plain(calc(spec('total'), input));
    expect([r.rebate, r.unrounded]).toEqual(['2.51', '2.51']);
    expect(r.steps).toEqual([
      basis,
      { ...tier, amount: '5.005' },
      { code: 'over-achievement', threshold: '1000', base: '1', rate: '0.015', cap: null, capped: false, amount: '0.015' },
      gate,
      { code: 'gate-factor', factor: '0.5', before: '5.02', after: '2.51', amount: '-2.51' },
      { code: 'rounding', stage: 'total', scale: 2, mode: 'half-up', unrounded: '2.51', rebate: '2.51', difference: '0' },
    ]);
  });
});

describe('rules the other tests leave open', () => {
  it('retroactive growth on the increment below the baseline pays 0, never a negative amount: 4,000 over 5,000', () => {
    const r = calc({ ...common, basis: 'growth', tiers: [{ from: 0, rate: '0.01' }, { from: 1000, rate: '0.02' }] }, { sales: 4000, baseline: 5000 });
    expect([r.rebate.toString(), r.unrounded.toString(), r.warnings.map((w) => w.code)]).toEqual(['0', '0', ['negative-growth', 'retroactive-jump']]);
  });
  it('a growth rate below the baseline is warned like growth: 90 over 100', () => {
    const r = calc({ ...common, basis: 'growthRate', tiers: [{ from: 0, rate: '0.01' }] }, { sales: 90, baseline: 100 });
    expect([r.rebate.toString(), r.basisValue?.toString()]).toEqual(['0', '0']);
    expect(r.warnings).toEqual([{ code: 'negative-growth', message: 'net sales 90 are below the baseline 100; the growth basis uses 0', path: ['baseline'] }]);
  });
  it("incremental growth rate on a zero baseline, 'lowest-tier': the whole net in tier 1, 1 % × 500 = 5", () => {
    const spec: RebateProgramSpec = { ...common, method: 'incremental', basis: 'growthRate', zeroBaseline: 'lowest-tier', tiers: [{ from: 0, rate: '0.01' }, { from: '0.1', rate: '0.02' }] };
    const r = calc(spec, { sales: 500, baseline: 0 });
    expect([r.rebate.toString(), r.tier.index]).toEqual(['5', 0]);
  });
  it('a gate failing with an explicit factor of 0 makes the dealer ineligible: no minimum raise', () => {
    const spec: RebateProgramSpec = { ...common, basis: 'amount', tiers: [{ from: 0, rate: '0.1' }], gates: [{ metric: 'a', op: '>=', value: 1, onFail: { factor: 0 } }], minimum: { amount: 5, whenBelow: 'raise' } };
    const r = calc(spec, { sales: 100, metrics: { a: 0 } });
    // 10 % × 100 = 10 × 0 = 0; ineligible, so the minimum 5 is not paid.
    expect([r.rebate.toString(), r.eligible, r.minimumApplied]).toEqual(['0', false, false]);
  });
  it('a quantity line shows no sales base (none given), only units: 12 × 1.50 = 18, retroactive and incremental', () => {
    const tiers = [{ from: 0, perUnit: '1.5' }, { from: 100, perUnit: 2 }];
    const retro = plain(calc({ ...common, basis: 'quantity', tiers }, { quantity: 12 }));
    expect(retro.steps[1]).toEqual({ code: 'tier', index: 0, name: null, from: '0', to: '100', base: null, units: '12', rate: null, perUnit: '1.5', fixed: null, amount: '18' });
    const incr = plain(calc({ ...common, method: 'incremental', basis: 'quantity', tiers }, { quantity: 12, sales: 700 }));
    expect(incr.steps[1]).toEqual({ code: 'tier', index: 0, name: null, from: '0', to: '100', base: null, units: '12', rate: null, perUnit: '1.5', fixed: null, amount: '18' });
  });
});
