// What a defined program says it needs (src/rebates/program.ts, the internals kept beside it):
// sales, units, a target, a baseline, and which gates compare a ratio with a threshold ≤ 1. Seen
// through calculateRebate: each need refuses the input that lacks it, with its exact issue, and a
// program without the need computes the figure, derived by hand in each test.
import { describe, expect, it } from 'vitest';
import { calculateRebate, defineRebateProgram, type RebateInput, type RebateProgramSpec } from 'dealerkit';
import { thrown } from './helpers.js';

const base: RebateProgramSpec = { currency: 'EUR', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive', tiers: [{ from: 0, rate: '0.01' }] };
const program = (over: Record<string, unknown>) => defineRebateProgram({ ...base, ...over } as RebateProgramSpec);
const issues = (over: Record<string, unknown>, input: RebateInput) => thrown(() => calculateRebate(program(over), input)).issues.map((i) => ({ ...i }));
const SALES = (basis: string) => ({
  path: ['sales'],
  code: 'required',
  message: `is required (the program's basis '${basis}' or its rates, over-achievement or cap need the sales amount)`,
  expected: 'a number',
});

describe('sales', () => {
  const units = { basis: 'quantity', tiers: [{ from: 0, perUnit: 2 }] };
  it('a quantity program paying per unit only needs no sales: 3 units × 2 = 6', () => {
    expect(calculateRebate(program(units), { quantity: 3 }).rebate.toString()).toBe('6');
  });
  it('nor with a cap of an amount: 6 capped at 5', () => {
    expect(calculateRebate(program({ ...units, cap: { amount: 5 } }), { quantity: 3 }).rebate.toString()).toBe('5');
  });
  it('a quantity program needs sales for a rate, an award, or a cap rate', () => {
    expect(issues({ basis: 'quantity', tiers: [{ from: 0, rate: '0.1' }] }, { quantity: 3 })).toEqual([SALES('quantity')]);
    expect(issues({ ...units, overAchievement: { above: 1, rate: '0.1' } }, { quantity: 3, target: 1 })).toEqual([SALES('quantity')]);
    expect(issues({ ...units, cap: { rateOfBase: '0.1' } }, { quantity: 3 })).toEqual([SALES('quantity')]);
  });
  it('every amount basis needs sales, even with tiers that pay a fixed amount only', () => {
    const fixed = { method: 'step', tiers: [{ from: 0, fixed: 1 }] };
    expect(issues({ ...fixed, basis: 'amount' }, { quantity: 1 })).toEqual([SALES('amount')]);
    expect(issues({ ...fixed, basis: 'attainment' }, { target: 1 })).toEqual([SALES('attainment')]);
    expect(issues({ ...fixed, basis: 'growth' }, { baseline: 1 })).toEqual([SALES('growth')]);
    expect(issues({ ...fixed, basis: 'growthRate' }, { baseline: 1 })).toEqual([SALES('growthRate')]);
  });
  it('a step quantity program needs neither sales nor anything else: 4 units reach the fixed 9', () => {
    expect(calculateRebate(program({ basis: 'quantity', method: 'step', tiers: [{ from: 0 }, { from: 4, fixed: 9 }] }), { quantity: 4 }).rebate.toString()).toBe('9');
  });
});

describe('units', () => {
  const UNITS = (basis: string) => ({ path: ['quantity'], code: 'required', message: `is required (the program's basis '${basis}' or its perUnit amounts need units)`, expected: 'a number' });
  it('an amount program with a per-unit amount needs units; without one it does not: 1 % × 300 = 3', () => {
    expect(issues({ tiers: [{ from: 0, perUnit: 2 }] }, { sales: 3 })).toEqual([UNITS('amount')]);
    expect(calculateRebate(program({}), { sales: 300 }).rebate.toString()).toBe('3');
  });
  it('one tier of several paying per unit is enough to need units', () => {
    expect(issues({ tiers: [{ from: 0, rate: '0.01' }, { from: 1000, perUnit: 2 }] }, { sales: 3 })).toEqual([UNITS('amount')]);
  });
  it('a quantity basis needs units even when no tier pays per unit', () => {
    expect(issues({ basis: 'quantity', method: 'step', tiers: [{ from: 0, fixed: 1 }] }, { sales: 1 })).toEqual([UNITS('quantity')]);
  });
});

describe('a target', () => {
  const TARGET = (why: string) => ({ path: ['target'], code: 'required', message: `is required (${why})`, expected: 'a number greater than 0' });
  it('an award on an amount basis is measured against it', () => {
    expect(issues({ overAchievement: { above: 1, rate: '0.1' } }, { sales: 3 })).toEqual([TARGET('the over-achievement award is measured against it')]);
  });
  it("basis 'attainment' divides by it", () => {
    expect(issues({ basis: 'attainment' }, { sales: 3 })).toEqual([TARGET("basis 'attainment' divides by it")]);
  });
  it('an amount basis without an award needs none: a target of 0 is not read (1 % × 300 = 3)', () => {
    expect(calculateRebate(program({}), { sales: 300, target: 0 }).rebate.toString()).toBe('3');
  });
});

describe('a baseline', () => {
  const BASELINE = (basis: string) => ({ path: ['baseline'], code: 'required', message: `is required (basis '${basis}' measures growth over it)`, expected: 'a number' });
  it('both growth bases need one', () => {
    expect(issues({ basis: 'growth' }, { sales: 3 })).toEqual([BASELINE('growth')]);
    expect(issues({ basis: 'growthRate' }, { sales: 3 })).toEqual([BASELINE('growthRate')]);
  });
  it('an attainment basis needs none: 300 / 100 = 3 of target, 1 % × 300 = 3', () => {
    expect(calculateRebate(program({ basis: 'attainment' }), { sales: 300, target: 100 }).rebate.toString()).toBe('3');
  });
});

describe('gates on a ratio: a value above 1 against a threshold ≤ 1 is suspect', () => {
  const gate = (metric: string, value: string | number) => ({ gates: [{ metric, op: '>=', value, onFail: 'zero' }] });
  const warningsOf = (metric: string, value: string | number, seen: string) =>
    calculateRebate(program(gate(metric, value)), { sales: 300, metrics: { [metric]: seen } }).warnings.map((w) => ({ ...w }));
  it('a threshold of exactly 1 on kpiRatio warns of 1.5 (meant 1.5 %)', () => {
    expect(warningsOf('kpiRatio', 1, '1.5')).toEqual([
      {
        code: 'percent-like-metric',
        message: 'kpiRatio is 1.5, above 1, though its name says it is a ratio and the gate compares it with 1: write 0.015 for 1.5 %',
        path: ['metrics', 'kpiRatio'],
      },
    ]);
  });
  it('a threshold of 1.01 does not; nor a metric whose name is no ratio; nor a ratio of exactly 1', () => {
    expect(warningsOf('kpiRatio', '1.01', '1.5')).toEqual([]);
    expect(warningsOf('kpiScore', '0.5', '1.5')).toEqual([]);
    expect(warningsOf('kpiRatio', '0.5', '1')).toEqual([]);
  });
  it('each gate on its own: the second gate of a program (a share with the threshold 0.3) warns at its metric', () => {
    const p = program({
      gates: [
        { metric: 'score', op: '>=', value: 0, onFail: 'zero' },
        { metric: 'marketShare', op: '>=', value: '0.3', onFail: { factor: '0.5' } },
      ],
    });
    const r = calculateRebate(p, { sales: 300, metrics: { score: 5, marketShare: 40 } });
    expect(r.warnings.map((w) => [w.code, w.path])).toEqual([['percent-like-metric', ['metrics', 'marketShare']]]);
    // Both gates pass (5 ≥ 0, 40 ≥ 0.3): 1 % × 300 = 3.
    expect(r.rebate.toString()).toBe('3');
  });
});
