import { describe, expect, it } from 'vitest';
import { DealerkitError, defineRebateProgram, settleRebate, type RebateProgramSpec, type RebateSettlementPolicy } from 'dealerkit';
import { thrown } from '../helpers.js';
import { sapProgram, sapSpec, sapWith } from './helpers.js';

// SAP's rebate agreement with a scale (SAP Help, Rebate Processing: partial settlement and final
// settlement of a rebate agreement): retroactive, from 5,000 at 2 %, from 20,000 at 4 %; its program
// (sapProgram) is defined inside each test that uses it.
const cumulative: RebateSettlementPolicy = { advance: 'cumulative', negativeTrueUp: 'clawback' };
const sapPeriods = [
  { period: 'P1', sales: 3000 },
  { period: 'P2', sales: 4000 },
  { period: 'P3', sales: 20000 },
];
const money = (xs: { toString(): string }[]) => xs.map((x) => x.toString());

describe('settleRebate: cumulative advances', () => {
  it("SAP's example: cumulative 3,000 → 0, 7,000 → 140, 27,000 → 1,080; the final payment is 940", () => {
    const sap = sapProgram();
    const s = settleRebate(sap, { periods: sapPeriods });
    expect(money(s.periods.map((p) => p.calculation.netAmount!))).toEqual(['3000', '7000', '27000']);
    expect(money(s.periods.map((p) => p.rebate))).toEqual(['0', '140', '1080']);
    expect(money(s.periods.map((p) => p.payment))).toEqual(['0', '140', '940']);
    expect(s.periods.map((p) => p.kind)).toEqual(['advance', 'advance', 'final']);
    expect(money(s.periods.map((p) => p.paidBefore))).toEqual(['0', '0', '140']);
    expect(s.annualRebate!.toString()).toBe('1080');
    expect(s.totalPaid.toString()).toBe('1080');
    expect(s.policy).toMatchObject({ advance: 'cumulative', negativeTrueUp: 'clawback', final: true });
    expect(s.policy.holdbackRate.toString()).toBe('0');
  });

  it('a 10 % holdback: P2 advances 140 × 0.9 = 126, the year end pays 1,080 − 126 = 954', () => {
    const s = settleRebate(sapWith({ ...cumulative, holdbackRate: '0.1' }), { periods: sapPeriods });
    expect(money(s.periods.map((p) => p.advance ?? 'final'))).toEqual(['0', '126', 'final']);
    expect(money(s.periods.map((p) => p.payment))).toEqual(['0', '126', '954']);
    expect(s.totalPaid.toString()).toBe('1080');
  });

  it('a holdback rounds each advance with the program mode: 140 × (1 − 0.333) = 93.38', () => {
    const s = settleRebate(sapWith({ ...cumulative, holdbackRate: '0.333' }), { periods: sapPeriods });
    expect(s.periods[1]!.payment.toString()).toBe('93.38');
    expect(s.periods[2]!.payment.toString()).toBe('986.62');
  });

  // Returns after a payout: Q1 25,000 (4 % tier, 1,000 paid); Q2 returns 10,000 → cumulative 15,000 at 2 % = 300.
  const returnsAfterPayout = [
    { period: 'Q1', sales: 25000 },
    { period: 'Q2', sales: 0, returns: 10000 },
  ];
  it('a negative true-up is clawed back: −700, payments sum to the annual 300', () => {
    const sap = sapProgram();
    const s = settleRebate(sap, { periods: returnsAfterPayout });
    expect(money(s.periods.map((p) => p.payment))).toEqual(['1000', '-700']);
    expect(s.annualRebate!.toString()).toBe('300');
    expect(s.totalPaid.toString()).toBe('300');
    expect(s.clawedBack.toString()).toBe('700');
    expect(s.carriedForward.toString()).toBe('0');
  });
  it('… carried forward to next year: pays 0, carriedForward 700', () => {
    const s = settleRebate(sapWith({ ...cumulative, negativeTrueUp: 'carry' }), { periods: returnsAfterPayout });
    expect(money(s.periods.map((p) => p.payment))).toEqual(['1000', '0']);
    expect(s.periods[1]!.due.toString()).toBe('-700');
    expect(s.carriedForward.toString()).toBe('700');
    expect(s.totalPaid.toString()).toBe('1000');
    expect(s.clawedBack.toString()).toBe('0');
  });
  it('… or waived: pays 0, waived 700', () => {
    const s = settleRebate(sapWith({ ...cumulative, negativeTrueUp: 'waive' }), { periods: returnsAfterPayout });
    expect(money(s.periods.map((p) => p.payment))).toEqual(['1000', '0']);
    expect(s.waived.toString()).toBe('700');
    expect(s.carriedForward.toString()).toBe('0');
  });

  // Q1 25,000 → 1,000; Q2 returns 10,000 → cumulative 15,000 → 300; Q3 10,000 → cumulative 25,000 → 1,000.
  const dip = [...returnsAfterPayout, { period: 'Q3', sales: 10000 }];
  it('between true-ups a negative advance is clawed back only under clawback', () => {
    const sap = sapProgram();
    const claw = settleRebate(sap, { periods: dip });
    expect(money(claw.periods.map((p) => p.payment))).toEqual(['1000', '-700', '700']);
    const carry = settleRebate(sapWith({ ...cumulative, negativeTrueUp: 'carry' }), { periods: dip });
    expect(money(carry.periods.map((p) => p.payment))).toEqual(['1000', '0', '0']);
    expect(carry.totalPaid.toString()).toBe('1000');
  });

  it('recorded payments win and the true-up nets them: P1 paid 50 → P2 90 → final 940', () => {
    const sap = sapProgram();
    const s = settleRebate(sap, { periods: sapPeriods, paid: { P1: 50 } });
    expect(money(s.periods.map((p) => p.payment))).toEqual(['50', '90', '940']);
    expect(s.periods.map((p) => p.recorded)).toEqual([true, false, false]);
    expect(s.periods[0]!.due.toString()).toBe('0');
  });

  it('a mid-year run (final: false) pays advances only', () => {
    const sap = sapProgram();
    const s = settleRebate(sap, { periods: sapPeriods.slice(0, 2) }, { final: false });
    expect(money(s.periods.map((p) => p.payment))).toEqual(['0', '140']);
    expect(s.annual).toBeNull();
    expect(s.annualRebate).toBeNull();
    expect(s.totalPaid.toString()).toBe('140');
  });
});

describe('settleRebate: period advances', () => {
  it('each period on its own sales, the year end recomputes on the annual total: 0, 0, 1,080', () => {
    const s = settleRebate(sapWith({ advance: 'period', negativeTrueUp: 'clawback' }), { periods: sapPeriods });
    // P1 3,000 and P2 4,000 are each below 5,000; P3 alone (20,000) would earn 800, but the year earns 1,080.
    expect(money(s.periods.map((p) => p.rebate))).toEqual(['0', '0', '800']);
    expect(money(s.periods.map((p) => p.payment))).toEqual(['0', '0', '1080']);
  });
  it('period advances can overpay a retroactive year: 6,000 + 6,000 + returns 8,000 → 120 + 120, annual (4,000) 0, clawback −240', () => {
    const s = settleRebate(sapWith({ advance: 'period', negativeTrueUp: 'clawback' }), {
      periods: [
        { period: 'P1', sales: 6000 },
        { period: 'P2', sales: 6000 },
        { period: 'P3', sales: 0, returns: 8000 },
      ],
    });
    expect(money(s.periods.map((p) => p.payment))).toEqual(['120', '120', '-240']);
    expect(s.periods[2]!.calculation.warnings[0]!.code).toBe('negative-net');
    // The settlement lists it once, with the path of the period's returns.
    expect(s.warnings).toEqual([{ code: 'negative-net', message: 'returns exceed sales (net -8000); the basis uses 0, never a negative rebate', path: ['periods', 2, 'returns'] }]);
    expect(s.annualRebate!.toString()).toBe('0');
  });
  it('attainment by period targets: each quarter against its own target, the year against the annual one', () => {
    const attSpec: RebateProgramSpec = {
      currency: 'CNY',
      rounding: { stage: 'line' },
      basis: 'attainment',
      method: 'retroactive',
      tiers: [{ from: 0 }, { from: '0.9', rate: '0.01' }, { from: 1, rate: '0.02' }],
    };
    const att = defineRebateProgram({ ...attSpec, settlement: { advance: 'period', negativeTrueUp: 'clawback' } });
    const s = settleRebate(att, {
      periods: [
        { period: 'Q1', sales: 95, target: 100 },
        { period: 'Q2', sales: 80, target: 100 },
      ],
      target: 180,
    });
    // Q1 95/100 = 0.95 → 1 % of 95 = 0.95; Q2 0.8 → 0; year 175/180 = 0.97… → 1 % of 175 = 1.75; true-up 0.80.
    expect(money(s.periods.map((p) => p.payment))).toEqual(['0.95', '0.8']);
    expect(s.annual!.tier.index).toBe(1);
    const c = settleRebate(defineRebateProgram({ ...attSpec, settlement: cumulative }), {
      periods: [
        { period: 'Q1', sales: 95, target: 100 },
        { period: 'Q2', sales: 80, target: 100 },
      ],
    });
    // Without an annual target, the year uses Σ period targets = 200: 175/200 = 0.875 → tier 0, 0; Q1 paid 0.95 is clawed back.
    expect(money(c.periods.map((p) => p.payment))).toEqual(['0.95', '-0.95']);
  });
});

describe('settleRebate: bad input', () => {
  it('a period listed twice', () => {
    const sap = sapProgram();
    const e = thrown(() => settleRebate(sap, { periods: [...sapPeriods, { period: 'P1', sales: 1 }] }));
    expect(e).toBeInstanceOf(DealerkitError);
    expect(e.message).toBe('[dealerkit] periods[3].period: "P1" is listed twice (first at periods[0])');
    expect(e.issues[0]).toMatchObject({ code: 'duplicate', received: '"P1"' });
  });
  it('a payment for an unknown period, or for the final one', () => {
    const sap = sapProgram();
    const e = thrown(() => settleRebate(sap, { periods: sapPeriods, paid: { P9: 1 } }));
    expect(e.code).toBe('unknown_label');
    expect(e.message).toBe('[dealerkit] paid[P9]: no period has this id');
    expect(e.issues[0]!.code).toBe('unknown_label');
    const f = thrown(() => settleRebate(sap, { periods: sapPeriods, paid: { P3: 1 } }));
    expect(f.message).toBe('[dealerkit] paid[P3]: the final period settles the year and is computed, not recorded; pass { final: false } for a mid-year run');
    expect(f.issues[0]!.code).toBe('inconsistent');
    // In a mid-year run the last period may be recorded.
    expect(settleRebate(sap, { periods: sapPeriods, paid: { P3: 1 } }, { final: false }).periods[2]!.payment.toString()).toBe('1');
  });
  it('a program without a settlement policy', () => {
    const { settlement: _, ...bare } = sapSpec;
    const e = thrown(() => settleRebate(defineRebateProgram(bare), { periods: sapPeriods }));
    expect(e.message).toBe(
      "[dealerkit] program.settlement: is required by settleRebate: define the program with a settlement policy, e.g. settlement: { advance: 'cumulative', negativeTrueUp: 'clawback' }",
    );
    expect(e.issues[0]!.code).toBe('required');
  });
  it('a holdback of 1 or more is refused when the program is defined; 10 (meant as 10 %) with the hint', () => {
    const one = thrown(() => sapWith({ ...cumulative, holdbackRate: 1 }));
    expect(one.code).toBe('out_of_range');
    expect(one.message).toBe('[dealerkit] settlement.holdbackRate: must be less than 1 (the fraction of each advance held back), received 1');
    expect(one.issues[0]).toMatchObject({ code: 'out_of_range', limit: '1' });
    const ten = thrown(() => sapWith({ ...cumulative, holdbackRate: 10 }));
    expect(ten.message).toBe('[dealerkit] settlement.holdbackRate: must be a fraction from 0 to 1, received 10: write 0.1 for 10 %');
    expect(ten.issues[0]).toMatchObject({ code: 'percent_as_whole_number', limit: '1' });
  });
  it('a missing policy field, an unknown one, no periods, bad options', () => {
    const sap = sapProgram();
    expect(thrown(() => defineRebateProgram({ ...sapSpec, settlement: { advance: 'cumulative' } as never })).message).toBe(
      "[dealerkit] settlement.negativeTrueUp: must be one of 'clawback', 'carry', 'waive', received nothing",
    );
    const unknown = thrown(() => defineRebateProgram({ ...sapSpec, settlement: { ...cumulative, holdbakRate: '0.1' } as never }));
    expect(unknown.message).toBe('[dealerkit] settlement.holdbakRate: is not a known field; did you mean `holdbackRate`?');
    expect(unknown.issues[0]!.code).toBe('unknown_field');
    expect(thrown(() => settleRebate(sap, { periods: [] })).message).toBe('[dealerkit] periods: must hold at least 1 item');
    expect(thrown(() => settleRebate(sap, { periods: sapPeriods }, { final: 'no' } as never)).message).toBe(
      '[dealerkit] options.final: must be a boolean, received "no"',
    );
    expect(thrown(() => settleRebate(sap, { periods: sapPeriods }, { fnal: false } as never)).message).toBe(
      '[dealerkit] options.fnal: is not a known field; did you mean `final`?',
    );
  });
  it('a period without sales, sales that are not numbers, targets for some periods only', () => {
    const sap = sapProgram();
    const e = thrown(() => settleRebate(sap, { periods: [{ period: 'P1', sales: 1 }, { period: 'P2' }] }));
    expect(e.message).toBe("[dealerkit] periods[1].sales: is required (the program's basis 'amount' or its rates, over-achievement or cap need the sales amount)");
    expect(e.issues[0]!.code).toBe('required');
    expect(
      thrown(() =>
        // @ts-expect-error: sales must be a number, a numeric string or a Decimal
        settleRebate(sap, { periods: [{ period: 'P1', sales: true }] }),
      ).message,
    ).toBe('[dealerkit] periods[0].sales: must be a number or a numeric string, received true');
    expect(thrown(() => settleRebate(sap, { periods: [{ period: 'P1', sales: 1, target: 5 }, { period: 'P2', sales: 1 }] })).message).toBe(
      '[dealerkit] periods[1].target: give a target for every period or for none (periods[0] has one)',
    );
    // The period id was `id` before issue 13: the suggestion names `period`.
    expect(thrown(() => settleRebate(sap, { periods: [{ id: 'P1', sales: 1 }] as never })).issues.map((i) => [i.code, i.message])).toEqual([
      ['required', 'is required (a string)'],
      ['unknown_field', 'is not a known field'],
    ]);
  });
});
