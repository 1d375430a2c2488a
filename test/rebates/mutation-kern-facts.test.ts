// The refusals of checkFacts (src/rebates/evaluate.ts) as whole issues: the error code, the issue's
// path, code, sentence and its expected / received / limit fields, one per thing a program needs
// and the dealer's facts lack; and the boundary each check draws (a target of exactly 0, a metric
// exactly at its first band, a zero baseline the program allows). Sentences from messages.ts,
// written out by hand here.
import { describe, expect, it } from 'vitest';
import { calculateRebate, defineRebateProgram, type RebateInput, type RebateProgramSpec } from 'dealerkit';
import { thrown } from './helpers.js';
import { compareMetric } from '../../src/rebates/evaluate.js';
import { toDecimal } from '../../src/core/decimal.js';

const common = { currency: 'EUR', rounding: { stage: 'line' }, method: 'retroactive' } as const;
const refusal = (spec: RebateProgramSpec, input: RebateInput): [string, unknown[]] => {
  const e = thrown(() => calculateRebate(defineRebateProgram(spec), input));
  return [e.code, e.issues];
};
const amount: RebateProgramSpec = { ...common, basis: 'amount', tiers: [{ from: 0, rate: '0.01' }] };
const bands: RebateProgramSpec = { ...amount, multipliers: [{ metric: 'd', bands: [{ from: 10, factor: 1 }, { from: 20, factor: 2 }] }] };

describe('a missing figure is required, with its reason', () => {
  it('sales, for an amount basis', () => {
    expect(refusal(amount, {})).toEqual([
      'invalid_input',
      [{ path: ['sales'], code: 'required', message: "is required (the program's basis 'amount' or its rates, over-achievement or cap need the sales amount)", expected: 'a number' }],
    ]);
  });
  it('quantity, for a quantity basis', () => {
    expect(refusal({ ...common, basis: 'quantity', tiers: [{ from: 0, perUnit: 1 }] }, {})).toEqual([
      'invalid_input',
      [{ path: ['quantity'], code: 'required', message: "is required (the program's basis 'quantity' or its perUnit amounts need units)", expected: 'a number' }],
    ]);
  });
  it('target, for an attainment basis (it divides by it)', () => {
    expect(refusal({ ...common, basis: 'attainment', tiers: [{ from: 0, rate: '0.01' }] }, { sales: 5 })).toEqual([
      'invalid_input',
      [{ path: ['target'], code: 'required', message: "is required (basis 'attainment' divides by it)", expected: 'a number greater than 0' }],
    ]);
  });
  it('target, for an over-achievement award on an amount basis', () => {
    expect(refusal({ ...amount, overAchievement: { above: 1, rate: '0.01' } }, { sales: 5 })).toEqual([
      'invalid_input',
      [{ path: ['target'], code: 'required', message: 'is required (the over-achievement award is measured against it)', expected: 'a number greater than 0' }],
    ]);
  });
  it('baseline, for a growth basis', () => {
    expect(refusal({ ...common, basis: 'growth', tiers: [{ from: 0, rate: '0.01' }] }, { sales: 5 })).toEqual([
      'invalid_input',
      [{ path: ['baseline'], code: 'required', message: "is required (basis 'growth' measures growth over it)", expected: 'a number' }],
    ]);
  });
  it("a gate's metric, with the gate written out", () => {
    const spec: RebateProgramSpec = { ...amount, gates: [{ metric: 'a', op: '>=', value: 1, onFail: { factor: '0.5' } }, { metric: 'b', op: '<', value: '2.5', onFail: 'zero' }] };
    expect(refusal(spec, { sales: 5, metrics: { a: 1 } })).toEqual([
      'invalid_input',
      [{ path: ['metrics', 'b'], code: 'required', message: 'is required by gates[1] (b < 2.5)', expected: 'a number' }],
    ]);
  });
  it("a multiplier's metric", () => {
    expect(refusal(bands, { sales: 5, metrics: {} })).toEqual([
      'invalid_input',
      [{ path: ['metrics', 'd'], code: 'required', message: 'is required by multipliers[0]', expected: 'a number' }],
    ]);
  });
});

describe('a figure out of range, and the boundary of each check', () => {
  it('a target of exactly 0 is refused (attainment), a negative one too (award)', () => {
    expect(refusal({ ...common, basis: 'attainment', tiers: [{ from: 0, rate: '0.01' }] }, { sales: 5, target: 0 })).toEqual([
      'out_of_range',
      [{ path: ['target'], code: 'out_of_range', message: "must be greater than 0 (basis 'attainment' divides by it), received 0", expected: 'greater than 0', received: '0', limit: '0' }],
    ]);
    expect(refusal({ ...amount, overAchievement: { above: 1, rate: '0.01' } }, { sales: 5, target: -2 })).toEqual([
      'out_of_range',
      [
        {
          path: ['target'],
          code: 'out_of_range',
          message: 'must be greater than 0 (the over-achievement award is measured against it), received -2',
          expected: 'greater than 0',
          received: '-2',
          limit: '0',
        },
      ],
    ]);
  });
  it('a target of 0.01 is taken: 1 % × 5 = 0.05', () => {
    expect(calculateRebate(defineRebateProgram({ ...common, basis: 'attainment', tiers: [{ from: 0, rate: '0.01' }] }), { sales: 5, target: '0.01' }).rebate.toString()).toBe('0.05');
  });
  it('a zero baseline on a growth-rate basis without zeroBaseline', () => {
    expect(refusal({ ...common, basis: 'growthRate', tiers: [{ from: 0, rate: '0.01' }] }, { sales: 5, baseline: 0 })).toEqual([
      'out_of_range',
      [
        {
          path: ['baseline'],
          code: 'out_of_range',
          message: "must be greater than 0 for basis 'growthRate' ((net − baseline) / baseline); set the program's zeroBaseline to 'highest-tier' or 'lowest-tier' to allow 0",
          expected: 'greater than 0',
          received: '0',
          limit: '0',
        },
      ],
    ]);
  });
  it("a zero baseline on a growth basis (not growthRate) is taken: growth 5 − 0 = 5, 1 % = 0.05", () => {
    const r = calculateRebate(defineRebateProgram({ ...common, basis: 'growth', tiers: [{ from: 0, rate: '0.01' }] }), { sales: 5, baseline: 0 });
    expect([r.rebate.toString(), r.basisValue?.toString(), r.warnings]).toEqual(['0.05', '5', []]);
  });
  it("a zero baseline that the program allows ('lowest-tier') is taken: tier 0, 1 % × 500 = 5", () => {
    const spec: RebateProgramSpec = { ...common, basis: 'growthRate', zeroBaseline: 'lowest-tier', tiers: [{ from: 0, rate: '0.01' }, { from: '0.1', rate: '0.02' }] };
    const r = calculateRebate(defineRebateProgram(spec), { sales: 500, baseline: 0 });
    expect([r.rebate.toString(), r.tier.index, r.basisValue, r.nextTier]).toEqual(['5', 0, null, null]);
    expect(r.warnings).toEqual([
      { code: 'zero-baseline', message: "the baseline is 0, so the growth rate is undefined; zeroBaseline 'lowest-tier' selects tiers[0] for the whole net amount", path: ['baseline'] },
    ]);
  });
  it('a metric below the first band of a multiplier', () => {
    expect(refusal(bands, { sales: 5, metrics: { d: '9.5' } })).toEqual([
      'out_of_range',
      [{ path: ['metrics', 'd'], code: 'out_of_range', message: 'is below the first band of multipliers[0] (from 10), received 9.5', expected: 'at least 10', received: '9.5', limit: '10' }],
    ]);
  });
  it('a metric exactly at the first band is taken: band 0, factor 1, 1 % × 500 = 5', () => {
    const r = calculateRebate(defineRebateProgram(bands), { sales: 500, metrics: { d: 10 } });
    expect([r.rebate.toString(), r.multipliers.map((m) => [m.band, m.factor.toString()])]).toEqual(['5', [[0, '1']]]);
  });
});

describe('compareMetric (what design/pricing.ts reads gates by)', () => {
  it('each operator at, below and above its required value 0.9', () => {
    const at = (v: string, op: '>=' | '>' | '<=' | '<') => compareMetric(toDecimal(v), op, toDecimal('0.9'));
    expect([at('0.9', '>='), at('0.89', '>='), at('0.9', '>'), at('0.91', '>'), at('0.9', '<='), at('0.91', '<='), at('0.9', '<'), at('0.89', '<')]).toEqual([
      true,
      false,
      false,
      true,
      true,
      false,
      false,
      true,
    ]);
  });
});
