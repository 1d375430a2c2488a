// settleRebate refusals name the path the missing figure is read from (src/rebates/settlement.ts):
// under advance 'period' a period's own target or baseline, under 'cumulative' the settlement's
// target when the periods carry none, and a metric from the period or the settlement.
import { describe, expect, it } from 'vitest';
import { defineRebateProgram, settleRebate, type RebateProgramSpec } from 'dealerkit';
import { thrown } from '../helpers.js';
import { attSpec } from './helpers.js';

const att = attSpec;
const growth: RebateProgramSpec = { ...att, basis: 'growth', tiers: [{ from: 0, rate: '0.01' }] };
const first = (fn: () => unknown) => {
  const i = thrown(fn).issues[0]!;
  return [i.path, i.code];
};

describe('settleRebate: where a missing target or baseline is read', () => {
  it("advance 'period': a period without its target is refused at that period", () => {
    const p = defineRebateProgram({ ...att, settlement: { advance: 'period', negativeTrueUp: 'clawback' } });
    expect(first(() => settleRebate(p, { periods: [{ period: 'Q1', sales: 95, target: 100 }, { period: 'Q2', sales: 80 }], target: 180 }))).toEqual([['periods', 1, 'target'], 'required']);
  });
  it("advance 'cumulative' with no target anywhere is refused at the settlement's target", () => {
    const p = defineRebateProgram({ ...att, settlement: { advance: 'cumulative', negativeTrueUp: 'clawback' } });
    expect(first(() => settleRebate(p, { periods: [{ period: 'Q1', sales: 95 }] }))).toEqual([['target'], 'required']);
  });
  it("advance 'period' on a growth basis: a period without its baseline is refused at that period", () => {
    const p = defineRebateProgram({ ...growth, settlement: { advance: 'period', negativeTrueUp: 'clawback' } });
    expect(first(() => settleRebate(p, { periods: [{ period: 'Q1', sales: 95 }], baseline: 100 }))).toEqual([['periods', 0, 'baseline'], 'required']);
  });
  it("advance 'cumulative' on a growth basis with no baseline anywhere is refused at the settlement's baseline", () => {
    const p = defineRebateProgram({ ...growth, settlement: { advance: 'cumulative', negativeTrueUp: 'clawback' } });
    expect(first(() => settleRebate(p, { periods: [{ period: 'Q1', sales: 95 }] }))).toEqual([['baseline'], 'required']);
  });
  it('a gate metric given nowhere is refused at the period that needs it', () => {
    const p = defineRebateProgram({ ...growth, basis: 'amount', gates: [{ metric: 'kpi', op: '>=', value: 80, onFail: 'zero' }], settlement: { advance: 'period', negativeTrueUp: 'clawback' } });
    expect(first(() => settleRebate(p, { periods: [{ period: 'Q1', sales: 95, metrics: { kpi: 90 } }, { period: 'Q2', sales: 95, metrics: { other: 1 } }] }))).toEqual([
      ['periods', 1, 'metrics', 'kpi'],
      'required',
    ]);
  });
});
