// rebateUnitsOf (src/rebates/fast.ts): one spreadsheet cell's rebate in minor units on the
// scaled-integer path, or −1 when the Decimal path must compute it or word its error. DK.REBATE
// (test/sheets) is its caller; this pins it from the rebates side, which is what the mutation run of
// src/rebates executes. Every figure is derived by hand in the test.
import { describe, expect, it } from 'vitest';
import { Decimal, defineRebateProgram } from 'dealerkit';
import { fastFormOf, rebateUnitsOf } from '../../src/rebates/fast.js';
// SAP's scale (test/rebates/helpers.ts): retroactive from 5,000 at 2 %, from 20,000 at 4 % (its settlement policy is not read here).
import { sapProgram } from './helpers.js';

const common = { currency: 'EUR', rounding: { stage: 'line' }, method: 'retroactive' } as const;
const BAIL = -1;

describe('rebateUnitsOf', () => {
  it('prices plain numbers in cents: 2 % × 7,000 = 140.00 → 14000; at 5,000 exactly 100.00; 4,999.99 is tier 1 (0); 4 % × 20,000 = 800.00', () => {
    expect([7000, 5000, 4999.99, 20000].map((s) => rebateUnitsOf(sapProgram(), s, null))).toEqual([14000, 10000, 0, 80000]);
  });
  it('takes a Decimal amount at the money scale the same way; one with a third decimal goes to the Decimal path', () => {
    expect(rebateUnitsOf(sapProgram(), new Decimal('20000'), null)).toBe(80000);
    expect(rebateUnitsOf(sapProgram(), new Decimal('7000.001'), null)).toBe(BAIL);
  });
  it('leaves to the Decimal path what it must word: a third decimal, a negative amount (a warning), an amount past 2^53 cents', () => {
    expect([7000.005, -100, 1e300].map((s) => rebateUnitsOf(sapProgram(), s, null))).toEqual([BAIL, BAIL, BAIL]);
  });
  it('on attainment, against the target: 9,620,000 of 10,000,000 is 96.2 % → 1 % = 96,200.00; 100 % → 3 % = 300,000.00; 899,999.99 of 1,000,000 → 0', () => {
    const att = defineRebateProgram({ ...common, basis: 'attainment', tiers: [{ from: 0 }, { from: '0.9', rate: '0.01' }, { from: 1, rate: '0.03' }] });
    expect(rebateUnitsOf(att, 9620000, new Decimal(10000000))).toBe(9620000);
    expect(rebateUnitsOf(att, 10000000, new Decimal(10000000))).toBe(30000000);
    expect(rebateUnitsOf(att, 899999.99, new Decimal(1000000))).toBe(0);
    // No target, or a zero one: the Decimal path refuses it with the field's path.
    expect([rebateUnitsOf(att, 9620000, null), rebateUnitsOf(att, 9620000, new Decimal(0))]).toEqual([BAIL, BAIL]);
  });
  it('an over-achievement award needs the target too: 1 % × 1,500 = 15 plus 2 % × (1,500 − 1,000) = 10 → 25.00', () => {
    const oa = defineRebateProgram({ ...common, basis: 'amount', tiers: [{ from: 0, rate: '0.01' }], overAchievement: { above: 1, rate: '0.02' } });
    expect(rebateUnitsOf(oa, 1500, new Decimal(1000))).toBe(2500);
    expect(rebateUnitsOf(oa, 1500, null)).toBe(BAIL);
  });
  it('declines the programs a cell of one amount cannot price: units, per-unit amounts, growth, gates without metrics', () => {
    const quantity = defineRebateProgram({ ...common, basis: 'quantity', tiers: [{ from: 0, perUnit: 1 }] });
    const perUnit = defineRebateProgram({ ...common, basis: 'amount', tiers: [{ from: 0, perUnit: 1 }] });
    const growth = defineRebateProgram({ ...common, basis: 'growth', tiers: [{ from: 0, rate: '0.01' }] });
    const gated = defineRebateProgram({ ...common, basis: 'amount', tiers: [{ from: 0, rate: '0.01' }], gates: [{ metric: 'm', op: '>=', value: 1, onFail: 'zero' }] });
    expect([rebateUnitsOf(quantity, 5, null), rebateUnitsOf(perUnit, 5, null), rebateUnitsOf(growth, 5, null), rebateUnitsOf(gated, 500, null)]).toEqual([BAIL, BAIL, BAIL, BAIL]);
  });
  it('a rate with 13 decimal places leaves the scaled form (at most 12 extra places): no form, and the cell takes the Decimal path', () => {
    const tiny = defineRebateProgram({ ...common, basis: 'amount', tiers: [{ from: 0, rate: '0.0000000000001' }] });
    expect(fastFormOf(tiny)).toBeNull();
    expect(rebateUnitsOf(tiny, 5, null)).toBe(BAIL);
    // 12 places still fit, with amounts kept at 2 + 12 = 14 places: 90 is 9 × 10^15, below 2^53 =
    // 9,007,199,254,740,992, and 0.000000000001 × 90 rounds per line to 0.00; 91 is 9.1 × 10^15, past it.
    const twelve = defineRebateProgram({ ...common, basis: 'amount', tiers: [{ from: 0, rate: '0.000000000001' }] });
    expect(fastFormOf(twelve)).not.toBeNull();
    expect([rebateUnitsOf(twelve, 5, null), rebateUnitsOf(twelve, 90, null), rebateUnitsOf(twelve, 91, null)]).toEqual([0, 0, BAIL]);
  });
});
