// settleRebate's rows, steps and totals (src/rebates/settlement.ts, settleParsed): every field of
// every step with its sentence, recorded payments, carried and waived overpayments, the warnings
// kept once each, the options, and the exact refusals. SAP's scale throughout (SAP Help, Rebate
// Processing: retroactive, from 5,000 at 2 %, from 20,000 at 4 %); every figure derived by hand.
import { describe, expect, it } from 'vitest';
import { defineRebateProgram, settleRebate, settleRebates, type RebateSettlementPolicy, type RebateSettlementStep } from 'dealerkit';
import { sapProgram, sapSpec, sapWith, stepOf, strs, thrown } from './helpers.js';

const sapPeriods = [
  { period: 'P1', sales: 3000 },
  { period: 'P2', sales: 4000 },
  { period: 'P3', sales: 20000 },
];
const cumulative: RebateSettlementPolicy = { advance: 'cumulative', negativeTrueUp: 'clawback' };
const str = (d: { toString(): string } | null) => (d === null ? null : d.toString());
/** A step's figures as strings, in a fixed order per code. */
const figures = (s: RebateSettlementStep) => {
  if (s.code === 'advance') return [s.code, s.period, str(s.rebate), str(s.holdbackRate), str(s.advance), str(s.paidBefore), str(s.due), str(s.payment), s.recorded];
  if (s.code === 'true-up') return [s.code, s.period, str(s.annualRebate), str(s.paidBefore), str(s.due), str(s.payment), str(s.carriedForward), str(s.waived)];
  return [s.code, str(s.totalPaid), str(s.annualRebate), str(s.carriedForward), str(s.waived)];
};

describe('cumulative advances with a holdback and a recorded payment', () => {
  // P1 3,000 → 0, held 10 % → 0, but 50 was recorded; P2 to date 7,000 → 2 % = 140 × 0.9 = 126 − 50 = 76;
  // P3 the year 27,000 → 4 % = 1,080 − (50 + 76) = 954. Paid 50 + 76 + 954 = 1,080.
  const settle = () => settleRebate(sapWith({ ...cumulative, holdbackRate: '0.1' }), { periods: sapPeriods, paid: { P1: 50 } });
  it('every row', () => {
    const s = settle();
    expect(s.periods.map((p) => [p.period, p.kind, str(p.rebate), str(p.advance), str(p.due), str(p.payment), p.recorded, str(p.paidBefore)])).toEqual([
      ['P1', 'advance', '0', '0', '0', '50', true, '0'],
      ['P2', 'advance', '140', '126', '76', '76', false, '50'],
      ['P3', 'final', '1080', null, '954', '954', false, '126'],
    ]);
    expect([str(s.annualRebate), str(s.totalPaid), str(s.carriedForward), str(s.waived), str(s.clawedBack)]).toEqual(['1080', '1080', '0', '0', '0']);
    expect(s.policy.final).toBe(true);
    expect(s.policy.holdbackRate.toString()).toBe('0.1');
  });
  it('every step, with its sentence', () => {
    const s = settle();
    expect(s.steps.map(figures)).toEqual([
      ['advance', 'P1', '0', '0.1', '0', '0', '0', '50', true],
      ['advance', 'P2', '140', '0.1', '126', '50', '76', '76', false],
      ['true-up', 'P3', '1080', '126', '954', '954', '0', '0'],
      ['total', '1080', '1080', '0', '0'],
    ]);
    expect(s.steps.map((x) => x.text)).toEqual([
      'P1: rebate to date 0.00 × (1 − 10 %) = 0.00 → pays 50.00 (recorded; 0.00 was due)',
      'P2: rebate to date 140.00 × (1 − 10 %) = 126.00 − 50.00 paid → pays 76.00',
      'P3 closes the year: annual rebate 1,080.00 − 126.00 paid → pays 954.00',
      'paid over the year 1,080.00 = annual rebate 1,080.00',
    ]);
  });
  it('the settlement drops the calculations’ retroactive-jump notes (a property of the program)', () => {
    const s = settle();
    expect(s.periods[0]!.calculation.warnings.map((w) => w.code)).toEqual(['retroactive-jump']);
    expect(s.warnings).toEqual([]);
  });
});

describe('period advances, mid-year', () => {
  it('each period on its own sales: 6,000 → 120 × 0.9 = 108, twice; paid to date 216', () => {
    const s = settleRebate(
      sapWith({ advance: 'period', negativeTrueUp: 'clawback', holdbackRate: '0.1' }),
      { periods: [{ period: 'P1', sales: 6000 }, { period: 'P2', sales: 6000 }] },
      { final: false },
    );
    expect(s.steps.map(figures)).toEqual([
      ['advance', 'P1', '120', '0.1', '108', '0', '108', '108', false],
      ['advance', 'P2', '120', '0.1', '108', '108', '108', '108', false],
      ['total', '216', null, '0', '0'],
    ]);
    expect(s.steps.map((x) => x.text)).toEqual([
      'P1: rebate on the period 120.00 × (1 − 10 %) = 108.00 → pays 108.00',
      'P2: rebate on the period 120.00 × (1 − 10 %) = 108.00 → pays 108.00',
      'paid to date 216.00',
    ]);
    expect(s.periods.map((p) => p.kind)).toEqual(['advance', 'advance']);
    expect([s.annual, s.annualRebate, s.policy.final, s.policy.advance]).toEqual([null, null, false, 'period']);
  });
});

describe('overpayments: not clawed back between true-ups, carried or waived at the year end', () => {
  // Q1 25,000 → 4 % = 1,000; Q2 returns 10,000 → 15,000 to date → 2 % = 300, due 300 − 1,000 = −700;
  // Q3 nothing more: the year 15,000 → 300, due 300 − 1,000 = −700.
  const dip = [
    { period: 'Q1', sales: 25000 },
    { period: 'Q2', sales: 0, returns: 10000 },
    { period: 'Q3', sales: 0 },
  ];
  it('carry: Q2 pays 0 (−700 due), the year carries 700 forward', () => {
    const s = settleRebate(sapWith({ ...cumulative, negativeTrueUp: 'carry' }), { periods: dip });
    expect(s.steps.map(figures)).toEqual([
      ['advance', 'Q1', '1000', '0', '1000', '0', '1000', '1000', false],
      ['advance', 'Q2', '300', '0', '300', '1000', '-700', '0', false],
      ['true-up', 'Q3', '300', '1000', '-700', '0', '700', '0'],
      ['total', '1000', '300', '700', '0'],
    ]);
    expect(s.steps.map((x) => x.text)).toEqual([
      'Q1: rebate to date 1,000.00 → pays 1,000.00',
      'Q2: rebate to date 300.00 − 1,000.00 paid → pays 0.00 (-700.00 due: only a clawback policy takes money back before the year end)',
      'Q3 closes the year: annual rebate 300.00 − 1,000.00 paid → pays 0.00; 700.00 overpaid is carried forward to next year',
      'paid over the year 1,000.00 = annual rebate 300.00 + 700.00 carried forward',
    ]);
    expect([str(s.carriedForward), str(s.waived), str(s.clawedBack), str(s.totalPaid)]).toEqual(['700', '0', '0', '1000']);
  });
  it('waive: the year waives 700', () => {
    const s = settleRebate(sapWith({ ...cumulative, negativeTrueUp: 'waive' }), { periods: dip });
    expect(s.steps.slice(2).map(figures)).toEqual([
      ['true-up', 'Q3', '300', '1000', '-700', '0', '0', '700'],
      ['total', '1000', '300', '0', '700'],
    ]);
    expect(s.steps.slice(2).map((x) => x.text)).toEqual([
      'Q3 closes the year: annual rebate 300.00 − 1,000.00 paid → pays 0.00; 700.00 overpaid is waived',
      'paid over the year 1,000.00 = annual rebate 300.00 + 700.00 waived',
    ]);
    expect([str(s.carriedForward), str(s.waived), str(s.clawedBack)]).toEqual(['0', '700', '0']);
  });
  it('clawback: −700 at Q2, then 0 at the year end; clawed back 700 in all', () => {
    const s = settleRebate(sapProgram(), { periods: dip });
    expect(strs(s.periods.map((p) => p.payment))).toEqual(['1000', '-700', '0']);
    expect([str(s.clawedBack), str(s.totalPaid), str(s.carriedForward), str(s.waived)]).toEqual(['700', '300', '0', '0']);
  });
  it('clawed back sums every negative payment, recorded ones too: −700 recorded at Q2 and −100 recorded at Q3 (mid-year)', () => {
    const s = settleRebate(sapProgram(), { periods: dip, paid: { Q2: -700, Q3: -100 } }, { final: false });
    // Q3 to date 300 − (1,000 − 700) = 0 due, −100 recorded.
    expect(strs(s.periods.map((p) => p.due))).toEqual(['1000', '-700', '0']);
    expect([str(s.clawedBack), str(s.totalPaid)]).toEqual(['800', '200']);
  });
  it('a recorded −0 is a payment of 0, not a negative one', () => {
    const s = settleRebate(sapProgram(), { periods: sapPeriods.slice(0, 2), paid: { P1: '-0' } }, { final: false });
    expect(s.periods[0]!.payment.isNegative()).toBe(false);
    expect((s.steps[0] as { payment: { isNegative(): boolean } }).payment.isNegative()).toBe(false);
    expect(s.clawedBack.isNegative()).toBe(false);
    expect(s.steps[0]!.text).toBe('P1: rebate to date 0.00 → pays 0.00 (recorded; 0.00 was due)');
  });
});

describe('warnings: once per code and path, the periods’ before the year’s', () => {
  it('net −100 at P1, −50 to date at P2 (the year’s −50 has P2’s path: kept once)', () => {
    const s = settleRebate(sapProgram(), { periods: [{ period: 'P1', sales: 0, returns: 100 }, { period: 'P2', sales: 50 }] });
    expect(s.warnings).toEqual([
      { code: 'negative-net', message: 'returns exceed sales (net -100); the basis uses 0, never a negative rebate', path: ['periods', 0, 'returns'] },
      { code: 'negative-net', message: 'returns exceed sales (net -50); the basis uses 0, never a negative rebate', path: ['periods', 1, 'returns'] },
    ]);
  });
  it('a period’s warning, then one only the year has', () => {
    const p = defineRebateProgram({ ...sapSpec, gates: [{ metric: 'onTimeRatio', op: '>=', value: '0.9', onFail: 'zero' }], settlement: cumulative });
    const s = settleRebate(p, { periods: [{ period: 'P1', sales: 0, returns: 1, metrics: { onTimeRatio: '0.95' } }], metrics: { onTimeRatio: 95 } });
    expect(s.warnings.map((w) => [w.code, w.path])).toEqual([
      ['negative-net', ['periods', 0, 'returns']],
      ['percent-like-metric', ['metrics', 'onTimeRatio']],
    ]);
  });
});

describe('options', () => {
  const attProgram = () =>
    defineRebateProgram({
      currency: 'CNY',
      rounding: { stage: 'line' },
      basis: 'attainment',
      method: 'retroactive',
      tiers: [{ from: 0 }, { from: '0.9', rate: '0.01' }],
      settlement: cumulative,
    });
  const input = { periods: [{ period: 'Q1', sales: 200 }], target: 300 };
  it('ratioScale rounds the reported attainment of every calculation: 200 / 300 = 0.6666666667 (10 places) or 0.67 (2)', () => {
    const att = attProgram();
    const ten = settleRebate(att, input);
    expect([str(ten.periods[0]!.calculation.basisValue), str(ten.annual!.basisValue)]).toEqual(['0.6666666667', '0.6666666667']);
    const two = settleRebate(att, input, { ratioScale: 2 });
    expect([str(two.periods[0]!.calculation.basisValue), str(two.annual!.basisValue)]).toEqual(['0.67', '0.67']);
    expect(stepOf(two.annual!, 'basis').target!.toString()).toBe('300');
  });
  it('no options or {} close the year; final: false does not', () => {
    expect(settleRebate(sapProgram(), { periods: sapPeriods }, {}).periods.map((p) => p.kind)).toEqual(['advance', 'advance', 'final']);
    expect(settleRebate(sapProgram(), { periods: sapPeriods }, { final: true }).policy.final).toBe(true);
    expect(settleRebate(sapProgram(), { periods: sapPeriods }, { final: false }).periods.map((p) => p.kind)).toEqual(['advance', 'advance', 'advance']);
  });
  it('a batch’s onProgress must be a function, onError one of throw or collect', () => {
    expect(thrown(() => settleRebates(sapProgram(), [{ id: 'a', periods: sapPeriods }], { onProgress: 5 } as never)).issues).toEqual([
      { path: ['options', 'onProgress'], code: 'invalid_value', message: 'must be a function (done, total) => void', received: '5' },
    ]);
    expect(thrown(() => settleRebates(sapProgram(), [{ id: 'a', periods: sapPeriods }], { onError: 'skip' } as never)).issues[0]).toMatchObject({
      path: ['options', 'onError'],
      code: 'invalid_value',
    });
    expect(thrown(() => settleRebates(sapProgram(), [{ id: 'a', periods: sapPeriods }], { ratioScale: -1 } as never)).issues[0]!.path).toEqual(['options', 'ratioScale']);
    // onError 'throw' is accepted: SAP's example pays 0 + 140 + 940 = 1,080.
    expect(settleRebates(sapProgram(), [{ id: 'a', periods: sapPeriods }], { onError: 'throw' }).totals.totalPaid.toString()).toBe('1080');
  });
});

describe('refusals, every field', () => {
  it('a period listed twice', () => {
    expect(thrown(() => settleRebate(sapProgram(), { periods: [...sapPeriods, { period: 'P2', sales: 1 }] })).issues).toEqual([
      { path: ['periods', 3, 'period'], code: 'duplicate', message: '"P2" is listed twice (first at periods[1])', received: '"P2"' },
    ]);
  });
  it('a period without sales', () => {
    expect(thrown(() => settleRebate(sapProgram(), { periods: [{ period: 'P1', sales: 1 }, { period: 'P2', returns: 1 }] })).issues).toEqual([
      {
        path: ['periods', 1, 'sales'],
        code: 'required',
        message: "is required (the program's basis 'amount' or its rates, over-achievement or cap need the sales amount)",
        expected: 'a number',
      },
    ]);
  });
  it('a payment for an unknown period, or for the final period', () => {
    expect(thrown(() => settleRebate(sapProgram(), { periods: sapPeriods, paid: { P1: 1, Q9: 2 } })).issues).toEqual([
      { path: ['paid', 'Q9'], code: 'unknown_label', message: 'no period has this id', received: '"Q9"' },
    ]);
    expect(thrown(() => settleRebate(sapProgram(), { periods: sapPeriods, paid: { P3: 2 } })).issues).toEqual([
      { path: ['paid', 'P3'], code: 'inconsistent', message: 'the final period settles the year and is computed, not recorded; pass { final: false } for a mid-year run' },
    ]);
    // A payment for a period before the last is allowed in a final run: P2 recorded 10 → the year pays 1,080 − 10 = 1,070.
    expect(strs(settleRebate(sapProgram(), { periods: sapPeriods, paid: { P2: 10 } }).periods.map((p) => p.payment))).toEqual(['0', '10', '1070']);
  });
  it('a program without a settlement policy', () => {
    const { settlement: _, ...bare } = sapSpec;
    expect(thrown(() => settleRebate(defineRebateProgram(bare), { periods: sapPeriods })).issues).toEqual([
      {
        path: ['program', 'settlement'],
        code: 'required',
        message: "is required by settleRebate: define the program with a settlement policy, e.g. settlement: { advance: 'cumulative', negativeTrueUp: 'clawback' }",
        expected: '{ advance, negativeTrueUp, holdbackRate? }',
      },
    ]);
  });
});
