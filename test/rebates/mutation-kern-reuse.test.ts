// The kernel writes into reusable objects (src/rebates/kernel.ts readAdjustments: the failed gates
// and the multipliers' bands of `out`, sized to the program at hand). The scaled path of
// calculateRebates keeps one such object for every program, so a program with fewer gates or
// multipliers after one with more must not read the earlier program's leftovers. Figures by hand.
import { describe, expect, it } from 'vitest';
import { calculateRebates, defineRebateProgram, type RebateProgramSpec } from 'dealerkit';

const common: RebateProgramSpec = { currency: 'EUR', rounding: { stage: 'line' }, method: 'retroactive', basis: 'amount', tiers: [{ from: 0, rate: '0.1' }] };
const rebateOf = (spec: RebateProgramSpec, input: { sales: number; metrics: Record<string, number> }): string => {
  const b = calculateRebates(defineRebateProgram(spec), [input]);
  return b.rows[0]!.result!.rebate.toString();
};

describe('one reused output across programs (the scaled path)', () => {
  const gates2: RebateProgramSpec = {
    ...common,
    gates: [{ metric: 'a', op: '>=', value: 1, onFail: { factor: '0.5' } }, { metric: 'b', op: '>=', value: 1, onFail: { factor: '0.5' } }],
  };
  const mults2: RebateProgramSpec = {
    ...common,
    multipliers: [
      { metric: 'c', bands: [{ from: 0, factor: 1 }, { from: 10, factor: '1.5' }] },
      { metric: 'd', bands: [{ from: 0, factor: 1 }, { from: 10, factor: '1.2' }] },
    ],
  };
  it('two gates, then one, then none: 10 % × 100 = 10, × 0.5 × 0.5 = 2.5; then 10 (passed); then 10', () => {
    expect(rebateOf(gates2, { sales: 100, metrics: { a: 0, b: 0 } })).toBe('2.5');
    expect(rebateOf({ ...common, gates: [gates2.gates![0]!] }, { sales: 100, metrics: { a: 1 } })).toBe('10');
    expect(rebateOf(gates2, { sales: 100, metrics: { a: 1, b: 1 } })).toBe('10');
    expect(rebateOf(common, { sales: 100, metrics: {} })).toBe('10');
    expect(rebateOf(gates2, { sales: 100, metrics: { a: 1, b: 0 } })).toBe('5');
    expect(rebateOf({ ...common, gates: [gates2.gates![0]!] }, { sales: 100, metrics: { a: 1 } })).toBe('10');
  });
  it('two multipliers, then one, then none: 10 × 1.5 × 1.2 = 18; then 10 × 1 = 10; then 10', () => {
    expect(rebateOf(mults2, { sales: 100, metrics: { c: 10, d: 10 } })).toBe('18');
    expect(rebateOf({ ...common, multipliers: [mults2.multipliers![0]!] }, { sales: 100, metrics: { c: 0 } })).toBe('10');
    expect(rebateOf(mults2, { sales: 100, metrics: { c: 0, d: 10 } })).toBe('12');
    expect(rebateOf({ ...common, multipliers: [mults2.multipliers![0]!] }, { sales: 100, metrics: { c: 0 } })).toBe('10');
    expect(rebateOf(common, { sales: 100, metrics: {} })).toBe('10');
  });
});
