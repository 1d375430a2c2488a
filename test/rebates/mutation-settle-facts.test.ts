// settleRebate's facts per period (src/rebates/settlement.ts, periodFactsOf): which sales, returns,
// targets, baselines and metrics each calculation sees under cumulative and period advances and at
// the year end, and which input path a refusal or warning names. Every figure is derived by hand in
// the test from the programs below (SAP's scale: retroactive, from 5,000 at 2 %, from 20,000 at 4 %).
import { describe, expect, it } from 'vitest';
import { defineRebateProgram, settleRebate, type RebateProgramSpec, type RebateSettlementPolicy } from 'dealerkit';
import { attSpec, sapSpec, stepOf, strs, thrown } from './helpers.js';

const cumulative: RebateSettlementPolicy = { advance: 'cumulative', negativeTrueUp: 'clawback' };
const byPeriod: RebateSettlementPolicy = { advance: 'period', negativeTrueUp: 'clawback' };
const nets = (s: ReturnType<typeof settleRebate>) => s.periods.map((p) => p.calculation.netAmount?.toString() ?? null);
const issue = (fn: () => unknown) => thrown(fn).issues[0];

// A quantity program (1.00 per unit): sales are optional, so a period may lack them.
const perUnit = (settlement: RebateSettlementPolicy) =>
  defineRebateProgram({ currency: 'EUR', rounding: { stage: 'line' }, basis: 'quantity', method: 'retroactive', tiers: [{ from: 0, perUnit: 1 }], settlement });
const unitPeriods = [
  { period: 'P1', quantity: 10, sales: 100 },
  { period: 'P2', quantity: 20 },
  { period: 'P3', quantity: 5, sales: 50, returns: 10 },
];

describe('sales that some periods lack', () => {
  it('period advances: each period reports its own net sales (P1 100, P2 none, P3 50 − 10 = 40)', () => {
    const s = settleRebate(perUnit(byPeriod), { periods: unitPeriods });
    expect(nets(s)).toEqual(['100', null, '40']);
    // 10 × 1, 20 × 1, then the year 35 units × 1 = 35 − (10 + 20) = 5.
    expect(strs(s.periods.map((p) => p.payment))).toEqual(['10', '20', '5']);
  });
  it('cumulative advances: sales to date are unknown from the first period without them on (P1 100, then none)', () => {
    const s = settleRebate(perUnit(cumulative), { periods: unitPeriods });
    expect(nets(s)).toEqual(['100', null, null]);
    expect(s.annual!.netAmount).toBeNull();
    // Cumulative units 10, 30, 35: payments 10, 30 − 10 = 20, 35 − 30 = 5.
    expect(strs(s.periods.map((p) => p.payment))).toEqual(['10', '20', '5']);
    expect(strs(s.periods.map((p) => p.calculation.netQuantity!))).toEqual(['10', '30', '35']);
  });
  it('a quantity missing in a later period only is refused at that period', () => {
    expect(issue(() => settleRebate(perUnit(cumulative), { periods: [{ period: 'P1', quantity: 1 }, { period: 'P2', sales: 5 }] }))).toEqual({
      path: ['periods', 1, 'quantity'],
      code: 'required',
      message: "is required (the program's basis 'quantity' or its perUnit amounts need units)",
      expected: 'a number',
    });
  });
});

describe('returns given in some periods only', () => {
  it('cumulative: 6,000; then returns 1,000 (5,000 to date); then 20,000 (25,000): nets, returns and payments', () => {
    const s = settleRebate(defineRebateProgram(sapSpec), {
      periods: [
        { period: 'P1', sales: 6000 },
        { period: 'P2', sales: 0, returns: 1000 },
        { period: 'P3', sales: 20000 },
      ],
    });
    expect(nets(s)).toEqual(['6000', '5000', '25000']);
    expect(strs(s.periods.map((p) => stepOf(p.calculation, 'basis').returns))).toEqual(['0', '1000', '1000']);
    // 2 % × 6,000 = 120; 2 % × 5,000 = 100 (from 5,000 inclusive); the year 4 % × 25,000 = 1,000.
    expect(strs(s.periods.map((p) => p.rebate))).toEqual(['120', '100', '1000']);
    // 120; 100 − 120 = −20 (clawed back); 1,000 − 100 = 900.
    expect(strs(s.periods.map((p) => p.payment))).toEqual(['120', '-20', '900']);
    expect(s.clawedBack.toString()).toBe('20');
    expect(s.totalPaid.toString()).toBe('1000');
  });
  it('period advances: each period on its own returns (P2 alone: 7,000 − 1,000 = 6,000 → 120)', () => {
    const s = settleRebate(defineRebateProgram({ ...sapSpec, settlement: byPeriod }), {
      periods: [
        { period: 'P1', sales: 6000 },
        { period: 'P2', sales: 7000, returns: 1000 },
        { period: 'P3', sales: 4000 },
      ],
    });
    expect(nets(s)).toEqual(['6000', '6000', '4000']);
    expect(strs(s.periods.map((p) => stepOf(p.calculation, 'basis').returns))).toEqual(['0', '1000', '0']);
    // 120, 120; the year 17,000 − 1,000 = 16,000 at 2 % = 320 − 240 = 80.
    expect(strs(s.periods.map((p) => p.payment))).toEqual(['120', '120', '80']);
    expect(s.annual!.netAmount!.toString()).toBe('16000');
  });
});

const att = attSpec;

describe('targets: per period, summed to date, or the settlement’s', () => {
  const quarters = [
    { period: 'Q1', sales: 95, target: 100 },
    { period: 'Q2', sales: 100, target: 100 },
  ];
  it('cumulative with period targets and a year target: to date Σ period targets, the year its own target', () => {
    const s = settleRebate(defineRebateProgram({ ...att, settlement: cumulative }), { periods: quarters, target: 190 });
    // Q1 95 / 100 = 0.95 → 1 % × 95 = 0.95; the year 195 / 190 ≥ 1 → 2 % × 195 = 3.90, pays 3.90 − 0.95 = 2.95.
    expect(strs(s.periods.map((p) => stepOf(p.calculation, 'basis').target!))).toEqual(['100', '200']);
    expect(stepOf(s.annual!, 'basis').target!.toString()).toBe('190');
    expect(strs(s.periods.map((p) => p.payment))).toEqual(['0.95', '2.95']);
  });
  it('cumulative with the year target only: every period to date against 190', () => {
    const s = settleRebate(defineRebateProgram({ ...att, settlement: cumulative }), {
      periods: [
        { period: 'Q1', sales: 95 },
        { period: 'Q2', sales: 100 },
      ],
      target: 190,
    });
    // Q1 95 / 190 = 0.5 → 0; the year 195 / 190 → 2 % × 195 = 3.90.
    expect(strs(s.periods.map((p) => stepOf(p.calculation, 'basis').target!))).toEqual(['190', '190']);
    expect(strs(s.periods.map((p) => p.payment))).toEqual(['0', '3.9']);
  });
  it('period advances: each period against its own target; the year against Σ when no year target (200)', () => {
    const s = settleRebate(defineRebateProgram({ ...att, settlement: byPeriod }), { periods: quarters });
    // Q1 0.95 → 0.95; the year 195 / 200 = 0.975 → 1 % × 195 = 1.95, pays 1.95 − 0.95 = 1.
    expect(strs(s.periods.map((p) => stepOf(p.calculation, 'basis').target!))).toEqual(['100', '100']);
    expect(stepOf(s.annual!, 'basis').target!.toString()).toBe('200');
    expect(strs(s.periods.map((p) => p.payment))).toEqual(['0.95', '1']);
  });
  it('a target of 0 is refused where it is read: the period under period targets, else the settlement', () => {
    const p = defineRebateProgram({ ...att, settlement: cumulative });
    expect(issue(() => settleRebate(p, { periods: [{ period: 'Q1', sales: 5, target: 0 }] }))).toMatchObject({ path: ['periods', 0, 'target'], code: 'out_of_range', received: '0' });
    expect(issue(() => settleRebate(p, { periods: [{ period: 'Q1', sales: 5 }], target: 0 }))).toMatchObject({ path: ['target'], code: 'out_of_range', received: '0' });
    const q = defineRebateProgram({ ...att, settlement: byPeriod });
    expect(issue(() => settleRebate(q, { periods: [{ period: 'Q1', sales: 5, target: 0 }], target: 10 }))).toMatchObject({ path: ['periods', 0, 'target'], code: 'out_of_range' });
  });
  it('the year’s target of 0 is refused at target even when the periods carry theirs', () => {
    const p = defineRebateProgram({ ...att, settlement: cumulative });
    expect(issue(() => settleRebate(p, { periods: [{ period: 'Q1', sales: 5, target: 10 }], target: 0 }))).toMatchObject({ path: ['target'], code: 'out_of_range' });
  });
});

describe('baselines: per period, summed to date, or the settlement’s', () => {
  const growth: RebateProgramSpec = { ...att, basis: 'growth', tiers: [{ from: 0, rate: '0.01' }] };
  const halves = [
    { period: 'H1', sales: 150, baseline: 100 },
    { period: 'H2', sales: 150, baseline: 100 },
  ];
  it('cumulative with period baselines and a year baseline', () => {
    const s = settleRebate(defineRebateProgram({ ...growth, settlement: cumulative }), { periods: halves, baseline: 150 });
    // H1 150 − 100 = 50 → 0.50; the year 300 − 150 = 150 → 1.50, pays 1.00.
    expect(strs(s.periods.map((p) => stepOf(p.calculation, 'basis').baseline!))).toEqual(['100', '200']);
    expect(stepOf(s.annual!, 'basis').baseline!.toString()).toBe('150');
    expect(strs(s.periods.map((p) => p.payment))).toEqual(['0.5', '1']);
  });
  it('cumulative with the year baseline only; period advances with period baselines summed for the year', () => {
    const top = settleRebate(defineRebateProgram({ ...growth, settlement: cumulative }), {
      periods: [
        { period: 'H1', sales: 150 },
        { period: 'H2', sales: 150 },
      ],
      baseline: 120,
    });
    // H1 150 − 120 = 30 → 0.30; the year 300 − 120 = 180 → 1.80, pays 1.50.
    expect(strs(top.periods.map((p) => stepOf(p.calculation, 'basis').baseline!))).toEqual(['120', '120']);
    expect(strs(top.periods.map((p) => p.payment))).toEqual(['0.3', '1.5']);
    const own = settleRebate(defineRebateProgram({ ...growth, settlement: byPeriod }), { periods: halves });
    // Each half 50 → 0.50; the year 300 − 200 = 100 → 1.00, pays 1.00 − 0.50 = 0.50.
    expect(strs(own.periods.map((p) => stepOf(p.calculation, 'basis').baseline!))).toEqual(['100', '100']);
    expect(stepOf(own.annual!, 'basis').baseline!.toString()).toBe('200');
    expect(strs(own.periods.map((p) => p.payment))).toEqual(['0.5', '0.5']);
  });
  it('a zero baseline of a growth rate is refused where it is read', () => {
    const rate = (settlement: RebateSettlementPolicy) => defineRebateProgram({ ...att, basis: 'growthRate', tiers: [{ from: 0, rate: '0.01' }], settlement });
    expect(issue(() => settleRebate(rate(cumulative), { periods: [{ period: 'H1', sales: 5, baseline: 0 }] }))).toMatchObject({ path: ['periods', 0, 'baseline'], code: 'out_of_range' });
    expect(issue(() => settleRebate(rate(cumulative), { periods: [{ period: 'H1', sales: 5 }], baseline: 0 }))).toMatchObject({ path: ['baseline'], code: 'out_of_range' });
    expect(issue(() => settleRebate(rate(byPeriod), { periods: [{ period: 'H1', sales: 5, baseline: 0 }], baseline: 3 }))).toMatchObject({ path: ['periods', 0, 'baseline'], code: 'out_of_range' });
  });
});

describe('targets or baselines for some periods only', () => {
  it('the first period without one is named, with the first that has one', () => {
    const sap = defineRebateProgram(sapSpec);
    expect(issue(() => settleRebate(sap, { periods: [{ period: 'P1', sales: 1 }, { period: 'P2', sales: 1, target: 5 }] }))).toEqual({
      path: ['periods', 0, 'target'],
      code: 'required',
      message: 'give a target for every period or for none (periods[1] has one)',
      expected: 'a number',
    });
    expect(
      issue(() =>
        settleRebate(sap, {
          periods: [
            { period: 'P1', sales: 1, baseline: 5 },
            { period: 'P2', sales: 1, baseline: 5 },
            { period: 'P3', sales: 1 },
          ],
        }),
      ),
    ).toEqual({ path: ['periods', 2, 'baseline'], code: 'required', message: 'give a baseline for every period or for none (periods[0] has one)', expected: 'a number' });
  });
});

describe('metrics: the period’s win for the period, the settlement’s for the year', () => {
  const gated = (settlement: RebateSettlementPolicy) =>
    defineRebateProgram({ ...sapSpec, gates: [{ metric: 'kpi', op: '>=', value: 80, onFail: 'zero' }], settlement });
  it('P2 has kpi 50 (its own calculation fails the gate), the year uses the settlement’s 90', () => {
    const s = settleRebate(gated(cumulative), { periods: [{ period: 'P1', sales: 6000 }, { period: 'P2', sales: 1000, metrics: { kpi: 50 } }], metrics: { kpi: 90 } });
    // P1 2 % × 6,000 = 120 (kpi 90); P2 to date 7,000 but kpi 50 → 0; the year kpi 90 → 2 % × 7,000 = 140, pays 140 − 120 = 20.
    expect(strs(s.periods.map((p) => p.rebate))).toEqual(['120', '0']);
    expect(s.annualRebate!.toString()).toBe('140');
    expect(strs(s.periods.map((p) => p.payment))).toEqual(['120', '20']);
  });
  const ratio = (settlement: RebateSettlementPolicy) =>
    defineRebateProgram({ ...sapSpec, gates: [{ metric: 'onTimeRatio', op: '>=', value: '0.9', onFail: 'zero' }], settlement });
  it('a percent-like metric is warned at the path it was read from, once per path', () => {
    // Only the settlement's 95: every calculation reads metrics.onTimeRatio.
    const top = settleRebate(ratio(cumulative), { periods: [{ period: 'P1', sales: 6000 }, { period: 'P2', sales: 1000 }], metrics: { onTimeRatio: 95 } });
    expect(top.warnings.map((w) => [w.code, w.path])).toEqual([['percent-like-metric', ['metrics', 'onTimeRatio']]]);
    // Only the last period's 95: P2 and the year both read periods[1].metrics.onTimeRatio (P1 has none and fails the gate).
    const last = settleRebate(ratio(cumulative), {
      periods: [
        { period: 'P1', sales: 6000, metrics: { onTimeRatio: '0.95' } },
        { period: 'P2', sales: 1000, metrics: { onTimeRatio: 95 } },
      ],
    });
    expect(last.warnings.map((w) => [w.code, w.path])).toEqual([['percent-like-metric', ['periods', 1, 'metrics', 'onTimeRatio']]]);
    // Both: the periods read their own 0.95, the year the settlement's 95.
    const both = settleRebate(ratio(cumulative), {
      periods: [
        { period: 'P1', sales: 6000 },
        { period: 'P2', sales: 1000, metrics: { onTimeRatio: '0.95' } },
      ],
      metrics: { onTimeRatio: 95 },
    });
    expect(both.warnings.map((w) => [w.code, w.path])).toEqual([
      ['percent-like-metric', ['metrics', 'onTimeRatio']],
    ]);
    // The period's 95 wins over the settlement's 0.95 for the period only.
    const mid = settleRebate(ratio(cumulative), { periods: [{ period: 'P1', sales: 6000, metrics: { onTimeRatio: 95 } }, { period: 'P2', sales: 1 }], metrics: { onTimeRatio: '0.95' } });
    expect(mid.warnings.map((w) => [w.code, w.path])).toEqual([['percent-like-metric', ['periods', 0, 'metrics', 'onTimeRatio']]]);
  });
  it('a multiplier metric below its first band is refused at the path it was read from', () => {
    const mult = defineRebateProgram({ ...sapSpec, multipliers: [{ metric: 'days', bands: [{ from: 10, factor: 1 }] }], settlement: cumulative });
    const periods = [{ period: 'P1', sales: 6000 }, { period: 'P2', sales: 1 }];
    expect(issue(() => settleRebate(mult, { periods, metrics: { days: 5 } }))).toMatchObject({ path: ['metrics', 'days'], code: 'out_of_range', received: '5' });
    expect(issue(() => settleRebate(mult, { periods: [{ ...periods[0]!, metrics: { days: 4 } }, periods[1]!], metrics: { days: 20 } }))).toMatchObject({
      path: ['periods', 0, 'metrics', 'days'],
      code: 'out_of_range',
      received: '4',
    });
    // The periods read their own 20; the year reads the settlement's 5.
    expect(issue(() => settleRebate(mult, { periods: periods.map((p) => ({ ...p, metrics: { days: 20 } })), metrics: { days: 5 } }))).toMatchObject({
      path: ['metrics', 'days'],
      code: 'out_of_range',
      received: '5',
    });
  });
});
