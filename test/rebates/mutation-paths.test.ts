// Where an error points and where a figure comes from, in the cases no other test of test/rebates
// reached (measured with coverage over test/rebates alone, what the mutation run of src/rebates
// executes): a defined program read back from JSON names its JSON fields (`to`, a benefit's index,
// `failFactor`), a settlement names the period or the settlement field a target, a metric or a
// quantity came from, and period baselines add up in a cumulative settlement. Figures by hand.
import { describe, expect, it } from 'vitest';
import { calculateRebate, defineRebateProgram, settleRebate, type RebateProgramSpec } from 'dealerkit';
import { thrown } from './helpers.js';

const common = { currency: 'EUR', rounding: { stage: 'line' }, method: 'retroactive' } as const;
type Json = { tiers: Record<string, unknown>[]; gates: Record<string, unknown>[]; overAchievement: Record<string, unknown> };
const jsonOf = (spec: RebateProgramSpec): Json => JSON.parse(JSON.stringify(defineRebateProgram(spec))) as Json;
const refusal = (f: () => unknown): [string, (string | number)[][], string] => {
  const e = thrown(f);
  return [e.code, e.issues.map((i) => i.path), e.message];
};

describe('a program read back from JSON: errors name the JSON field, not the spec field', () => {
  it("an upTo bound is the JSON's `to`: tiers[1].to 500 below tiers[0]'s 1,000", () => {
    const p = jsonOf({ ...common, basis: 'amount', tiers: [{ upTo: 1000, rate: '0.01' }, { upTo: 5000, rate: '0.02' }, { upTo: null, rate: '0.03' }] });
    expect(p.tiers.map((t) => t.to)).toEqual(['1000', '5000', null]);
    p.tiers[1]!.to = '500';
    expect(refusal(() => calculateRebate(p as never, { sales: 10 }))).toEqual([
      'invalid_input',
      [['program', 'tiers', 1, 'to']],
      '[dealerkit] program.tiers[1].to: must be greater than tiers[0].upTo (1000); list tiers in ascending order',
    ]);
  });
  it("a benefit is an item of the JSON's list: its index and `amount`, for a negative amount and for too many places", () => {
    const spec: RebateProgramSpec = { ...common, basis: 'amount', tiers: [{ from: 0 }, { from: 1000, rate: '0.01', benefits: { fund: 100, car: 5 } }] };
    const a = jsonOf(spec);
    expect(a.tiers[1]!.benefits).toEqual([{ name: 'fund', amount: '100' }, { name: 'car', amount: '5' }]);
    (a.tiers[1]!.benefits as { amount: string }[])[1]!.amount = '-5';
    expect(refusal(() => calculateRebate(a as never, { sales: 10 }))).toEqual([
      'out_of_range',
      [['program', 'tiers', 1, 'benefits', 1, 'amount']],
      '[dealerkit] program.tiers[1].benefits[1].amount: must not be negative, received -5',
    ]);
    const b = jsonOf(spec);
    (b.tiers[1]!.benefits as { amount: string }[])[0]!.amount = '1.005';
    expect(refusal(() => calculateRebate(b as never, { sales: 10 }))).toEqual([
      'invalid_input',
      [['program', 'tiers', 1, 'benefits', 0, 'amount']],
      '[dealerkit] program.tiers[1].benefits[0].amount: has more decimal places than the money scale (2), received 1.005',
    ]);
  });
  it("a gate's onFail is the JSON's failFactor (a negative factor) or disagrees with `zero`", () => {
    const spec: RebateProgramSpec = { ...common, basis: 'amount', tiers: [{ from: 0, rate: '0.01' }], gates: [{ metric: 'm', op: '>=', value: 1, onFail: { factor: '0.5' } }] };
    const a = jsonOf(spec);
    expect(a.gates).toEqual([{ metric: 'm', op: '>=', value: '1', failFactor: '0.5', zero: false }]);
    a.gates[0]!.failFactor = '-1';
    expect(refusal(() => calculateRebate(a as never, { sales: 10, metrics: { m: 2 } }))).toEqual([
      'out_of_range',
      [['program', 'gates', 0, 'failFactor']],
      '[dealerkit] program.gates[0].failFactor: must not be negative, received -1',
    ]);
    const b = jsonOf(spec);
    b.gates[0]!.zero = true;
    expect(refusal(() => calculateRebate(b as never, { sales: 10, metrics: { m: 2 } }))[1]).toEqual([['program', 'gates', 0, 'failFactor']]);
  });
  it('an over-achievement rate of 2 read back is refused as a percentage written as a whole number', () => {
    const o = jsonOf({ ...common, basis: 'attainment', tiers: [{ from: 0, rate: '0.01' }], overAchievement: { above: 1, rate: '0.02' } });
    expect(o.overAchievement).toEqual({ above: '1', rate: '0.02', cap: null });
    o.overAchievement.rate = '2';
    const e = thrown(() => calculateRebate(o as never, { sales: 10, target: 5 }));
    expect([e.issues[0]!.path, e.issues[0]!.code]).toEqual([['program', 'overAchievement', 'rate'], 'percent_as_whole_number']);
  });
});

describe('settlements: which field a figure came from', () => {
  const att = (advance: 'cumulative' | 'period') =>
    defineRebateProgram({
      ...common,
      basis: 'attainment',
      tiers: [{ from: 0 }, { from: '0.9', rate: '0.01' }],
      gates: [{ metric: 'onTime', op: '>=', value: '0.9', onFail: 'zero' }],
      settlement: { advance, negativeTrueUp: 'clawback' },
    });
  it('cumulative with period targets: a zero target is the period’s own field', () => {
    expect(
      refusal(() => settleRebate(att('cumulative'), { periods: [{ period: 'Q1', sales: 100, target: 0, metrics: { onTime: 1 } }, { period: 'Q2', sales: 100, target: 100, metrics: { onTime: 1 } }] })),
    ).toEqual(['out_of_range', [['periods', 0, 'target']], "[dealerkit] periods[0].target: must be greater than 0 (basis 'attainment' divides by it), received 0"]);
  });
  it('a metric missing everywhere is asked of the period (cumulative and per-period advances alike)', () => {
    expect(refusal(() => settleRebate(att('cumulative'), { periods: [{ period: 'Q1', sales: 100, target: 100 }] }))[1]).toEqual([['periods', 0, 'metrics', 'onTime']]);
    expect(
      refusal(() =>
        settleRebate(att('period'), { target: 100, periods: [{ period: 'Q1', sales: 100, target: 100, metrics: { onTime: 1 } }, { period: 'Q2', sales: 100, target: 100 }] }),
      ),
    ).toEqual(['invalid_input', [['periods', 1, 'metrics', 'onTime']], '[dealerkit] periods[1].metrics.onTime: is required by gates[0] (onTime >= 0.9)']);
  });
  it("a bad metric given on the settlement is the settlement's own field", () => {
    expect(refusal(() => settleRebate(att('cumulative'), { metrics: { onTime: 'x' } as never, periods: [{ period: 'Q1', sales: 100, target: 100 }] }))[1]).toEqual([
      ['metrics', 'onTime'],
    ]);
  });
  it('a quantity program needs each period’s quantity: the second period’s is missing', () => {
    const q = defineRebateProgram({ ...common, basis: 'quantity', tiers: [{ from: 0 }, { from: 10, perUnit: 1 }], settlement: { advance: 'cumulative', negativeTrueUp: 'clawback' } });
    expect(refusal(() => settleRebate(q, { periods: [{ period: 'Q1', quantity: 5 }, { period: 'Q2' }] }))).toEqual([
      'invalid_input',
      [['periods', 1, 'quantity']],
      "[dealerkit] periods[1].quantity: is required (the program's basis 'quantity' or its perUnit amounts need units)",
    ]);
  });
  it('growth rate, cumulative: period baselines add up (Q2: 230 over 200 is 15 %); a settlement baseline rules the year (230 over 150)', () => {
    const gr = defineRebateProgram({ ...common, basis: 'growthRate', tiers: [{ from: 0 }, { from: '0.1', rate: '0.01' }], settlement: { advance: 'cumulative', negativeTrueUp: 'clawback' } });
    const periods = [{ period: 'Q1', sales: 110, baseline: 100 }, { period: 'Q2', sales: 120, baseline: 100 }];
    // Q1: 110 over 100 = 10 % → 1 % of the growth 10 = 0.10. Q2 closes the year on 230 over 200 = 15 % → 1 % × 30 = 0.30, less 0.10 → 0.20.
    const s = settleRebate(gr, { periods });
    expect(s.periods.map((p) => [p.calculation.basisValue?.toString(), p.payment.toString()])).toEqual([['0.1', '0.1'], ['0.15', '0.2']]);
    // With the settlement's own baseline 150, the year is (230 − 150) / 150 = 0.5333333333 (10 places, half-up).
    expect(settleRebate(gr, { baseline: 150, periods }).annual?.basisValue?.toString()).toBe('0.5333333333');
  });
});
