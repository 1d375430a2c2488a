import { describe, expect, it } from 'vitest';
import { DealerkitError, defineRebateProgram, settleRebate, settleRebates, type RebateSettlementPolicy } from 'dealerkit';
import { thrown } from '../helpers.js';
import { sapProgram } from './helpers.js';

// SAP's rebate agreement with a scale (SAP Help, Rebate Processing: partial settlement and final
// settlement of a rebate agreement): retroactive, from 5,000 at 2 %, from 20,000 at 4 %.
const sap = sapProgram;
const cumulative: RebateSettlementPolicy = { advance: 'cumulative', negativeTrueUp: 'clawback' };
const sapPeriods = [
  { id: 'P1', sales: 3000 },
  { id: 'P2', sales: 4000 },
  { id: 'P3', sales: 20000 },
];
const money = (xs: { toString(): string }[]) => xs.map((x) => x.toString());

describe('settleRebate: cumulative advances', () => {
  it("SAP's example: cumulative 3,000 → 0, 7,000 → 140, 27,000 → 1,080; the final payment is 940", () => {
    const s = settleRebate(sap, { periods: sapPeriods, policy: cumulative });
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
    const s = settleRebate(sap, { periods: sapPeriods, policy: { ...cumulative, holdbackRate: '0.1' } });
    expect(money(s.periods.map((p) => p.advance ?? 'final'))).toEqual(['0', '126', 'final']);
    expect(money(s.periods.map((p) => p.payment))).toEqual(['0', '126', '954']);
    expect(s.totalPaid.toString()).toBe('1080');
  });

  it('a holdback rounds each advance with the program mode: 140 × (1 − 0.333) = 93.38', () => {
    const s = settleRebate(sap, { periods: sapPeriods, policy: { ...cumulative, holdbackRate: '0.333' } });
    expect(s.periods[1]!.payment.toString()).toBe('93.38');
    expect(s.periods[2]!.payment.toString()).toBe('986.62');
  });

  // Returns after a payout: Q1 25,000 (4 % tier, 1,000 paid); Q2 returns 10,000 → cumulative 15,000 at 2 % = 300.
  const returnsAfterPayout = [
    { id: 'Q1', sales: 25000 },
    { id: 'Q2', sales: 0, returns: 10000 },
  ];
  it('a negative true-up is clawed back: −700, payments sum to the annual 300', () => {
    const s = settleRebate(sap, { periods: returnsAfterPayout, policy: cumulative });
    expect(money(s.periods.map((p) => p.payment))).toEqual(['1000', '-700']);
    expect(s.annualRebate!.toString()).toBe('300');
    expect(s.totalPaid.toString()).toBe('300');
    expect(s.clawedBack.toString()).toBe('700');
    expect(s.carriedForward.toString()).toBe('0');
  });
  it('… carried forward to next year: pays 0, carriedForward 700', () => {
    const s = settleRebate(sap, { periods: returnsAfterPayout, policy: { ...cumulative, negativeTrueUp: 'carry' } });
    expect(money(s.periods.map((p) => p.payment))).toEqual(['1000', '0']);
    expect(s.periods[1]!.due.toString()).toBe('-700');
    expect(s.carriedForward.toString()).toBe('700');
    expect(s.totalPaid.toString()).toBe('1000');
    expect(s.clawedBack.toString()).toBe('0');
  });
  it('… or waived: pays 0, waived 700', () => {
    const s = settleRebate(sap, { periods: returnsAfterPayout, policy: { ...cumulative, negativeTrueUp: 'waive' } });
    expect(money(s.periods.map((p) => p.payment))).toEqual(['1000', '0']);
    expect(s.waived.toString()).toBe('700');
    expect(s.carriedForward.toString()).toBe('0');
  });

  // Q1 25,000 → 1,000; Q2 returns 10,000 → cumulative 15,000 → 300; Q3 10,000 → cumulative 25,000 → 1,000.
  const dip = [...returnsAfterPayout, { id: 'Q3', sales: 10000 }];
  it('between true-ups a negative advance is clawed back only under clawback', () => {
    const claw = settleRebate(sap, { periods: dip, policy: cumulative });
    expect(money(claw.periods.map((p) => p.payment))).toEqual(['1000', '-700', '700']);
    const carry = settleRebate(sap, { periods: dip, policy: { ...cumulative, negativeTrueUp: 'carry' } });
    expect(money(carry.periods.map((p) => p.payment))).toEqual(['1000', '0', '0']);
    expect(carry.totalPaid.toString()).toBe('1000');
  });

  it('recorded payments win and the true-up nets them: P1 paid 50 → P2 90 → final 940', () => {
    const s = settleRebate(sap, { periods: sapPeriods, paid: { P1: 50 }, policy: cumulative });
    expect(money(s.periods.map((p) => p.payment))).toEqual(['50', '90', '940']);
    expect(s.periods.map((p) => p.recorded)).toEqual([true, false, false]);
    expect(s.periods[0]!.due.toString()).toBe('0');
  });

  it('a mid-year run (final: false) pays advances only', () => {
    const s = settleRebate(sap, { periods: sapPeriods.slice(0, 2), policy: { ...cumulative, final: false } });
    expect(money(s.periods.map((p) => p.payment))).toEqual(['0', '140']);
    expect(s.annual).toBeNull();
    expect(s.annualRebate).toBeNull();
    expect(s.totalPaid.toString()).toBe('140');
  });
});

describe('settleRebate: period advances', () => {
  it('each period on its own sales, the year end recomputes on the annual total: 0, 0, 1,080', () => {
    const s = settleRebate(sap, { periods: sapPeriods, policy: { advance: 'period', negativeTrueUp: 'clawback' } });
    // P1 3,000 and P2 4,000 are each below 5,000; P3 alone (20,000) would earn 800, but the year earns 1,080.
    expect(money(s.periods.map((p) => p.rebate))).toEqual(['0', '0', '800']);
    expect(money(s.periods.map((p) => p.payment))).toEqual(['0', '0', '1080']);
  });
  it('period advances can overpay a retroactive year: 6,000 + 6,000 + returns 8,000 → 120 + 120, annual (4,000) 0, clawback −240', () => {
    const s = settleRebate(sap, {
      periods: [
        { id: 'P1', sales: 6000 },
        { id: 'P2', sales: 6000 },
        { id: 'P3', sales: 0, returns: 8000 },
      ],
      policy: { advance: 'period', negativeTrueUp: 'clawback' },
    });
    expect(money(s.periods.map((p) => p.payment))).toEqual(['120', '120', '-240']);
    expect(s.periods[2]!.calculation.warnings[0]!.code).toBe('negative-net');
    expect(s.annualRebate!.toString()).toBe('0');
  });
  it('attainment by period targets: each quarter against its own target, the year against the annual one', () => {
    const att = defineRebateProgram({
      currency: 'CNY',
      rounding: { stage: 'line' },
      basis: 'attainment',
      method: 'retroactive',
      tiers: [{ from: 0 }, { from: '0.9', rate: '0.01' }, { from: 1, rate: '0.02' }],
    });
    const s = settleRebate(att, {
      periods: [
        { id: 'Q1', sales: 95, target: 100 },
        { id: 'Q2', sales: 80, target: 100 },
      ],
      target: 180,
      policy: { advance: 'period', negativeTrueUp: 'clawback' },
    });
    // Q1 95/100 = 0.95 → 1 % of 95 = 0.95; Q2 0.8 → 0; year 175/180 = 0.97… → 1 % of 175 = 1.75; true-up 0.80.
    expect(money(s.periods.map((p) => p.payment))).toEqual(['0.95', '0.8']);
    expect(s.annual!.tier.index).toBe(1);
    const c = settleRebate(att, {
      periods: [
        { id: 'Q1', sales: 95, target: 100 },
        { id: 'Q2', sales: 80, target: 100 },
      ],
      policy: { advance: 'cumulative', negativeTrueUp: 'clawback' },
    });
    // Without an annual target, the year uses Σ period targets = 200: 175/200 = 0.875 → tier 0, 0; Q1 paid 0.95 is clawed back.
    expect(money(c.periods.map((p) => p.payment))).toEqual(['0.95', '-0.95']);
  });
});

describe('settleRebate: bad input', () => {
  it('a period listed twice', () => {
    const e = thrown(() => settleRebate(sap, { periods: [...sapPeriods, { id: 'P1', sales: 1 }], policy: cumulative }));
    expect(e).toBeInstanceOf(DealerkitError);
    expect(e.message).toBe('[dealerkit] periods[3].id: "P1" is listed twice (first at periods[0])');
  });
  it('a payment for an unknown period, or for the final one', () => {
    const e = thrown(() => settleRebate(sap, { periods: sapPeriods, paid: { P9: 1 }, policy: cumulative }));
    expect(e.code).toBe('unknown_label');
    expect(e.message).toBe('[dealerkit] paid.P9: no period has this id');
    expect(thrown(() => settleRebate(sap, { periods: sapPeriods, paid: { P3: 1 }, policy: cumulative })).message).toBe(
      '[dealerkit] paid.P3: the final period settles the year and is computed, not recorded; set policy.final to false for a mid-year run',
    );
  });
  it('a holdback of 1 or more, a missing policy field, no periods', () => {
    const e = thrown(() => settleRebate(sap, { periods: sapPeriods, policy: { ...cumulative, holdbackRate: 1 } }));
    expect(e.code).toBe('out_of_range');
    expect(e.message).toBe('[dealerkit] policy.holdbackRate: must be less than 1 (the fraction of each advance held back), received 1');
    expect(
      thrown(() =>
        // @ts-expect-error: negativeTrueUp is required
        settleRebate(sap, { periods: sapPeriods, policy: { advance: 'cumulative' } }),
      ).message,
    ).toBe("[dealerkit] policy.negativeTrueUp: must be one of 'clawback', 'carry', 'waive', received nothing");
    expect(thrown(() => settleRebate(sap, { periods: [], policy: cumulative })).message).toBe('[dealerkit] periods: must hold at least 1 item');
  });
  it('a period without sales, sales that are not numbers, targets for some periods only', () => {
    expect(thrown(() => settleRebate(sap, { periods: [{ id: 'P1', sales: 1 }, { id: 'P2' }], policy: cumulative })).message).toBe(
      "[dealerkit] periods[1].sales: is required (the program's basis 'amount' or its rates, over-achievement or cap need the sales amount)",
    );
    expect(
      thrown(() =>
        // @ts-expect-error: sales must be a number, a numeric string or a Decimal
        settleRebate(sap, { periods: [{ id: 'P1', sales: true }], policy: cumulative }),
      ).message,
    ).toBe('[dealerkit] periods[0].sales: must be a number or a numeric string, received true');
    expect(
      thrown(() =>
        settleRebate(sap, { periods: [{ id: 'P1', sales: 1, target: 5 }, { id: 'P2', sales: 1 }], policy: cumulative }),
      ).message,
    ).toBe('[dealerkit] periods[1].target: give a target for every period or for none (periods[0] has one)');
  });
});

describe('settleRebates (batch)', () => {
  it('summarises each dealer and totals the run', () => {
    const run = settleRebates(
      sap,
      [
        { id: 'D1', periods: sapPeriods },
        { periods: [{ id: 'P1', sales: 25000 }, { id: 'P2', sales: 0, returns: 10000 }] },
      ],
      { advance: 'cumulative', negativeTrueUp: 'carry' },
    );
    expect(run.results[0]).toMatchObject({ id: 'D1', tier: { index: 2, name: null } });
    expect(money(run.results[0]!.payments)).toEqual(['0', '140', '940']);
    expect(run.results[1]!.id).toBeNull();
    expect(money(run.results[1]!.payments)).toEqual(['1000', '0']);
    expect(run.totals.count).toBe(2);
    expect(run.totals.annualRebate.toString()).toBe('1380');
    expect(run.totals.totalPaid.toString()).toBe('2080');
    expect(run.totals.carriedForward.toString()).toBe('700');
    expect(run.totals.waived.toString()).toBe('0');
  });
  it('errors name the input', () => {
    expect(thrown(() => settleRebates(sap, [{ periods: sapPeriods }, { periods: [{ id: 'a', sales: -1 }] }], cumulative)).message).toBe(
      '[dealerkit] inputs[1].periods[0].sales: must not be negative, received -1',
    );
    expect(
      thrown(() =>
        // @ts-expect-error: an id is a string
        settleRebates(sap, [{ id: 7, periods: sapPeriods }], cumulative),
      ).message,
    ).toBe('[dealerkit] inputs[0].id: must be a string, received number');
    expect(
      thrown(() =>
        // @ts-expect-error: inputs must be an array
        settleRebates(sap, {}, cumulative),
      ).message,
    ).toBe('[dealerkit] inputs: must be an array of settlement inputs');
  });
});
