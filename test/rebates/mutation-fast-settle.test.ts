// settleRebates' scaled-integer path (src/rebates/settle-fast.ts) and its batch (settle-batch.ts):
// which dealers the path takes (FastSettlement.settle answers) or hands back (undefined, then the
// Decimal path answers), and every figure it pays, derived by hand in each test. SAP's scale
// (helpers.ts): retroactive, below 5,000 nothing, from 5,000 2 %, from 20,000 4 %.
import { describe, expect, it } from 'vitest';
import { defineRebateProgram, settleRebates, type RebateProgram, type RebateProgramSpec, type RebateSettlementInput, type RebateSettlementSummary } from 'dealerkit';
import { fastFormOf } from '../../src/rebates/fast.js';
import { FastSettlement } from '../../src/rebates/settle-fast.js';
import { tierRefsOf } from '../../src/rebates/settle-batch.js';
import { sapProgram, sapSpec, sapWith } from './helpers.js';

/** The scaled path of a program's batch, built as settleRebates builds it. */
const fastOf = (p: RebateProgram, final = true): FastSettlement => FastSettlement.of(fastFormOf(p)!, p.settlement!, final, tierRefsOf(p))!;
/** A summary's figures as text: payments, annual, total paid, carried, waived, tier index. */
const figs = (s: RebateSettlementSummary | undefined) =>
  s === undefined ? undefined : [s.payments.map(String), String(s.annualRebate), String(s.totalPaid), String(s.carriedForward), String(s.waived), s.tier.index];
const P = (period: string, sales: unknown, extra: Record<string, unknown> = {}) => ({ period, sales, ...extra }) as { period: string; sales: number };

describe('FastSettlement.settle: the dealers it takes', () => {
  const sapFast = () => fastOf(sapProgram());
  // 7,000 → 2 % = 140 (cumulative, clawback, final: the one period is the true-up).
  const one = [P('P1', 7000)];
  const ok140 = [['140'], '140', '140', '0', '0', 1];

  it('takes id (a text or a finite number, or none), periods and metrics of plain numbers', () => {
    const fs = sapFast();
    expect(figs(fs.settle({ id: 'D', periods: one }))).toEqual(ok140);
    expect(figs(fs.settle({ id: 7, periods: one }))).toEqual(ok140);
    expect(figs(fs.settle({ periods: one }))).toEqual(ok140);
    expect(figs(fs.settle({ id: 'D', periods: one, metrics: { m: 1 } }))).toEqual(ok140);
    expect(figs(fs.settle({ periods: [P('P1', 7000, { returns: 0, metrics: { m: 2 } })] }))).toEqual(ok140);
    // 7,500 − 500 = 7,000 net → 140; a zero sale is taken too (0 → 0, tier 0).
    expect(figs(fs.settle({ periods: [P('P1', 7500, { returns: 500 })] }))).toEqual(ok140);
    expect(figs(fs.settle({ periods: [P('P1', 0)] }))).toEqual([['0'], '0', '0', '0', '0', 0]);
  });

  it('hands back what is not an object, or has a key, an id, periods or metrics it does not read', () => {
    const fs = sapFast();
    const back = [
      null,
      undefined,
      5,
      'abc',
      { id: '', periods: one },
      { id: Number.NaN, periods: one },
      { id: Infinity, periods: one },
      { id: true, periods: one },
      { periods: [] },
      { periods: 'P1' },
      { id: 'D' },
      { periods: one, paid: { P1: 1 } },
      { periods: one, target: 1 },
      { periods: one, metrics: [1] },
      { periods: one, metrics: null },
      { periods: one, metrics: 'm' },
      { periods: one, metrics: { m: '1' } },
      { periods: one, metrics: { m: Infinity } },
      { periods: one, metrics: { a: 1, m: Number.NaN } },
    ];
    expect(back.map((x) => fs.settle(x))).toEqual(back.map(() => undefined));
  });

  it("hands back a period that is not an object, or has a key, a period name, a figure or metrics it does not read", () => {
    const fs = sapFast();
    const back = [
      [null],
      [undefined],
      [5],
      [P('P1', 7000, { target: 1 })],
      [P('P1', 7000, { quantity: 1 })],
      [P('', 7000)],
      [P(3 as unknown as string, 7000)],
      [{ sales: 7000 }],
      [P('P1', 7000), P('P1', 10)],
      [P('P1', 7000), P('P2', 10), P('P1', 10)],
      [P('P1', -1)],
      [P('P1', 7000, { returns: -1 })],
      [P('P1', '7000')],
      [P('P1', 7000.001)],
      [P('P1', 7000, { returns: 0.001 })],
      [P('P1', 7000, { metrics: [1] })],
      [P('P1', 7000, { metrics: { m: 'x' } })],
      [P('P1', 7000), P('P2', 10, { metrics: null })],
    ];
    expect(back.map((periods) => fs.settle({ periods }))).toEqual(back.map(() => undefined));
  });

  it('settleRebates gives the Decimal path those rows: the same figures for a text figure, its error for a bad one', () => {
    const run = settleRebates(sapProgram(), [{ id: 'a', periods: [P('P1', '7000')] }, { id: 'b', periods: [P('P1', -1)] }] as RebateSettlementInput[], { onError: 'collect' });
    expect(figs(run.rows[0]!.result!)).toEqual(ok140);
    expect([run.rows[1]!.ok, run.rows[1]!.error!.issues[0]!.path]).toEqual([false, ['inputs', 'b', 'periods', 0, 'sales']]);
  });
});

describe('FastSettlement.settle: figures', () => {
  it('cumulative advances, final true and false: 3,000 → 0; 7,000 to date → 140 − 0; 27,000 → 1,080 − 140 = 940', () => {
    const year = { periods: [P('P1', 3000), P('P2', 4000), P('P3', 20000)] };
    expect(figs(fastOf(sapProgram()).settle(year))).toEqual([['0', '140', '940'], '1080', '1080', '0', '0', 2]);
    // Mid-year: no annual rebate, the total is what was paid (0 + 140 + 940).
    expect(figs(fastOf(sapProgram(), false).settle(year))).toEqual([['0', '140', '940'], 'null', '1080', '0', '0', 2]);
  });

  it('per-period advances: 25,000 → 1,000; then 3,000 on its own → 0 mid-year, or at the true-up 28,000 → 4 % = 1,120 − 1,000 = 120', () => {
    const p = sapWith({ advance: 'period', negativeTrueUp: 'clawback' });
    const year = { periods: [P('P1', 25000), P('P2', 3000)] };
    expect(figs(fastOf(p).settle(year))).toEqual([['1000', '120'], '1120', '1120', '0', '0', 2]);
    // Mid-year the tier is the last period's own: 3,000 is tier 0.
    expect(figs(fastOf(p, false).settle(year))).toEqual([['1000', '0'], 'null', '1000', '0', '0', 0]);
  });

  it('a negative true-up: 25,000 → 1,000 paid, then returns of 15,000 → 15,000 at 2 % = 300: −700 clawed back, carried or waived', () => {
    const year = { periods: [P('P1', 25000), P('P2', 5000, { returns: 15000 })] };
    const run = (negativeTrueUp: 'clawback' | 'carry' | 'waive') => figs(fastOf(sapWith({ advance: 'cumulative', negativeTrueUp })).settle(year));
    expect(run('clawback')).toEqual([['1000', '-700'], '300', '300', '0', '0', 1]);
    expect(run('carry')).toEqual([['1000', '0'], '300', '1000', '700', '0', 1]);
    expect(run('waive')).toEqual([['1000', '0'], '300', '1000', '0', '700', 1]);
    // Mid-year only a clawback takes money back: 300 − 1,000 = −700, else 0 and nothing carried yet.
    const mid = (negativeTrueUp: 'clawback' | 'carry' | 'waive') => figs(fastOf(sapWith({ advance: 'cumulative', negativeTrueUp }), false).settle(year));
    expect(mid('clawback')).toEqual([['1000', '-700'], 'null', '300', '0', '0', 1]);
    expect(mid('carry')).toEqual([['1000', '0'], 'null', '1000', '0', '0', 1]);
  });

  it('a holdback rounded by the program mode: 2 % × 7,003 = 140.06 × 0.75 = 105.045 → 105.04 half-even, 105.05 half-up; true-up 140.06 − advance', () => {
    const year = { periods: [P('P1', 7003), P('P2', 0)] };
    const at = (mode: 'half-even' | 'half-up' | 'down' | 'up') =>
      figs(fastOf(defineRebateProgram({ ...sapSpec, rounding: { stage: 'line', mode }, settlement: { advance: 'cumulative', holdbackRate: '0.25', negativeTrueUp: 'clawback' } })).settle(year));
    expect(at('half-even')).toEqual([['105.04', '35.02'], '140.06', '140.06', '0', '0', 1]);
    expect(at('half-up')).toEqual([['105.05', '35.01'], '140.06', '140.06', '0', '0', 1]);
    expect(at('down')).toEqual([['105.04', '35.02'], '140.06', '140.06', '0', '0', 1]);
    expect(at('up')).toEqual([['105.05', '35.01'], '140.06', '140.06', '0', '0', 1]);
  });

  it('a year of ten periods (more than its first scratch space): 3,000 a period, cumulative', () => {
    // To date: 3,000 → 0; 6,000 → 120; 9,000 → 180; 12,000 → 240; 15,000 → 300; 18,000 → 360;
    // 21,000 → 4 % = 840; 24,000 → 960; 27,000 → 1,080; 30,000 → 1,200. Each payment is the difference.
    const periods = Array.from({ length: 10 }, (_, k) => P(`M${k + 1}`, 3000));
    const fs = fastOf(sapProgram());
    const want = [['0', '120', '60', '60', '60', '60', '480', '120', '120', '120'], '1200', '1200', '0', '0', 2];
    expect(figs(fs.settle({ periods }))).toEqual(want);
    // The same batch then takes a short year and a long one again.
    expect(figs(fs.settle({ periods: [P('P1', 7000)] }))).toEqual([['140'], '140', '140', '0', '0', 1]);
    expect(figs(fs.settle({ periods: [...periods, P('M11', 3000), P('M12', 3000)] }))?.[0]).toEqual([...(want[0] as string[]), '120', '120']);
  });

  it("the true-up reads the settlement's metrics first, each period its own first", () => {
    // 2 % on all sales, × 1.1 under 30 days, × 1 to 60, × 0.8 from 60. P1 10,000 at 10 days → 200 × 1.1 = 220;
    // P2 to date 20,000 at 10 days → 440 − 220 = 220 mid-year; the year at the settlement's 70 days → 400 × 0.8 = 320 − 220 = 100.
    const p = defineRebateProgram({
      currency: 'EUR',
      rounding: { stage: 'line' },
      basis: 'amount',
      method: 'retroactive',
      tiers: [{ from: 0, rate: '0.02' }],
      multipliers: [{ metric: 'days', bands: [{ from: 0, factor: '1.1' }, { from: 30, factor: 1 }, { from: 60, factor: '0.8' }] }],
      settlement: { advance: 'cumulative', negativeTrueUp: 'clawback' },
    });
    const year = { metrics: { days: 70 }, periods: [P('P1', 10000, { metrics: { days: 10 } }), P('P2', 10000, { metrics: { days: 10 } })] };
    expect(figs(fastOf(p).settle(year))).toEqual([['220', '100'], '320', '320', '0', '0', 0]);
    expect(figs(fastOf(p, false).settle(year))).toEqual([['220', '220'], 'null', '440', '0', '0', 0]);
    // The Decimal path agrees: a text figure sends the row there.
    const slow = settleRebates(p, [{ ...year, periods: [P('P1', '10000', { metrics: { days: 10 } }), P('P2', 10000, { metrics: { days: 10 } })] }] as RebateSettlementInput[]);
    expect(figs(slow.rows[0]!.result!)).toEqual([['220', '100'], '320', '320', '0', '0', 0]);
  });

  it("hands back a year whose true-up reads a settlement metric below the first band (the Decimal path's error)", () => {
    // Bands from 10 days: each period's own 20 days prices (2 % × 10,000 = 200 × 1.1 = 220), the year reads the settlement's 5 first.
    const p = defineRebateProgram({
      currency: 'EUR',
      rounding: { stage: 'line' },
      basis: 'amount',
      method: 'retroactive',
      tiers: [{ from: 0, rate: '0.02' }],
      multipliers: [{ metric: 'days', bands: [{ from: 10, factor: '1.1' }, { from: 30, factor: 1 }] }],
      settlement: { advance: 'cumulative', negativeTrueUp: 'clawback' },
    });
    const year = { id: 'D', metrics: { days: 5 }, periods: [P('P1', 10000, { metrics: { days: 20 } })] };
    expect(fastOf(p).settle(year)).toBeUndefined();
    expect(figs(fastOf(p, false).settle(year))).toEqual([['220'], 'null', '220', '0', '0', 0]);
    const row = settleRebates(p, [year] as RebateSettlementInput[], { onError: 'collect' }).rows[0]!;
    expect([row.ok, row.error!.code]).toEqual([false, 'out_of_range']);
  });

  it('mid-year with nothing paid yet: 3,000 → 0, total paid 0', () => {
    expect(figs(fastOf(sapProgram(), false).settle({ periods: [P('P1', 3000)] }))).toEqual([['0'], 'null', '0', '0', '0', 0]);
  });

  it('hands back a holdback whose product leaves 2^53 minor units: rate 1, 40,000,000,000,000.03 × 0.9 = 36,000,000,000,000.027 → .03', () => {
    const p = defineRebateProgram({
      currency: 'EUR',
      rounding: { stage: 'line' },
      basis: 'amount',
      method: 'retroactive',
      tiers: [{ from: 0, rate: '1' }],
      settlement: { advance: 'cumulative', holdbackRate: '0.1', negativeTrueUp: 'clawback' },
    });
    // 4,000,000,000,000,003 cents × 9 = 36,000,000,000,000,027 is past 2^53 (9,007,199,254,740,992).
    const year = { periods: [P('P1', 40000000000000.03)] };
    expect(fastOf(p, false).settle(year)).toBeUndefined();
    expect(settleRebates(p, [year] as RebateSettlementInput[], { final: false }).rows[0]!.result!.payments.map(String)).toEqual(['36000000000000.03']);
    // A small year stays on the path: 1,000.01 × 0.9 = 900.009 → 900.01.
    expect(figs(fastOf(p, false).settle({ periods: [P('P1', 1000.01)] }))).toEqual([['900.01'], 'null', '900.01', '0', '0', 0]);
  });

  it('a holdback of 13 decimal places gives no scaled batch; 12 places do', () => {
    const p = (holdbackRate: string) => defineRebateProgram({ ...sapSpec, settlement: { advance: 'cumulative', holdbackRate, negativeTrueUp: 'clawback' } });
    const of = (q: RebateProgram) => FastSettlement.of(fastFormOf(q)!, q.settlement!, true, tierRefsOf(q));
    expect(of(p('0.0000000000001'))).toBeNull();
    // 12 places: 140 × (1 − 0.999999999999) = 0.00000000014 → 0.00 advanced; the true-up pays 140.
    const twelve = of(p('0.999999999999'))!;
    expect(figs(twelve.settle({ periods: [P('P1', 7000), P('P2', 0)] }))).toEqual([['0', '140'], '140', '140', '0', '0', 1]);
  });
});

describe('settleRebates: the batch', () => {
  it('takes the Decimal path for programs that need a target, a baseline or units, which refuse a row without them', () => {
    const base: RebateProgramSpec = { currency: 'EUR', rounding: { stage: 'line' }, method: 'retroactive', tiers: [{ from: 0, rate: '0.02' }] } as RebateProgramSpec;
    const settlement = { advance: 'cumulative', negativeTrueUp: 'clawback' } as const;
    const progs = [
      defineRebateProgram({ ...base, basis: 'attainment', settlement }),
      defineRebateProgram({ ...base, basis: 'amount', overAchievement: { above: 1, rate: '0.01' }, settlement }),
      defineRebateProgram({ ...base, basis: 'growth', settlement }),
      defineRebateProgram({ ...base, basis: 'quantity', settlement }),
      defineRebateProgram({ ...base, basis: 'amount', tiers: [{ from: 0, perUnit: 1 }], settlement }),
    ];
    const paths = progs.map((p) => {
      const row = settleRebates(p, [{ id: 'D', periods: [P('P1', 7000)] }], { onError: 'collect' }).rows[0]!;
      return [row.ok, row.error?.code, row.error?.issues[0]!.path.slice(0, 3)];
    });
    expect(paths.map((x) => x.slice(0, 2))).toEqual(progs.map(() => [false, 'invalid_input']));
    expect(paths.map((x) => x[2])).toEqual([
      ['inputs', 'D', 'target'],
      ['inputs', 'D', 'target'],
      ['inputs', 'D', 'baseline'],
      ['inputs', 'D', 'periods'],
      ['inputs', 'D', 'periods'],
    ]);
  });

  it('totals rows of both paths, mid-year (no annual: 0) and with an overpayment carried', () => {
    const inputs = [
      { id: 'a', periods: [P('P1', 25000), P('P2', 5000, { returns: 15000 })] },
      { id: 'b', periods: [P('P1', '25000'), P('P2', 5000, { returns: 15000 })] },
    ] as RebateSettlementInput[];
    // Each: 1,000 paid, the year 300, 700 carried at the true-up.
    const carry = sapWith({ advance: 'cumulative', negativeTrueUp: 'carry' });
    const t = settleRebates(carry, inputs).totals;
    expect([t.count, ...[t.annualRebate, t.totalPaid, t.carriedForward, t.waived].map(String)]).toEqual([2, '600', '2000', '1400', '0']);
    const w = settleRebates(sapWith({ advance: 'cumulative', negativeTrueUp: 'waive' }), inputs).totals;
    expect([w.annualRebate, w.totalPaid, w.carriedForward, w.waived].map(String)).toEqual(['600', '2000', '0', '1400']);
    // Mid-year: no annual rebate (0 in the totals), 1,000 each paid, nothing carried yet.
    const mid = settleRebates(carry, inputs, { final: false }).totals;
    expect([mid.annualRebate, mid.totalPaid, mid.carriedForward, mid.waived].map(String)).toEqual(['0', '2000', '0', '0']);
  });

  it('words the total and the refused rows', () => {
    const run = settleRebates(sapProgram(), [{ id: 'a', periods: [P('P1', 7000)] }, { id: 'b', periods: [P('P1', -1)] }, { id: 'c', periods: [P('P1', 20000.5)] }] as RebateSettlementInput[], {
      onError: 'collect',
    });
    // 140 + 4 % × 20,000.50 = 800.02 → 940.02.
    expect(run.steps).toEqual([{ code: 'total', text: '2 rows computed (1 refused): Σ 940.02' }]);
    expect(run.failed).toBe(1);
    expect(run.warnings).toEqual([{ code: 'rows-refused', message: '1 of 3 rows was refused; the totals are over the 2 rows computed', path: ['inputs'] }]);
    expect(settleRebates(sapProgram(), [{ id: 'a', periods: [P('P1', 7000)] }]).steps).toEqual([{ code: 'total', text: '1 row computed: Σ 140.00' }]);
  });

  it('gives each tier one frozen { index, name }, kept per program', () => {
    const sap = sapProgram();
    const refs = tierRefsOf(sap);
    expect(refs).toEqual([{ index: 0, name: null }, { index: 1, name: null }, { index: 2, name: null }]);
    expect([Object.isFrozen(refs), Object.isFrozen(refs[0]), tierRefsOf(sap) === refs]).toEqual([true, true, true]);
    // Per-period advances on the Decimal path: the year's tier at the true-up (28,000 → 2), the last period's own mid-year (3,000 → 0).
    const per = sapWith({ advance: 'period', negativeTrueUp: 'clawback' });
    const text = [{ id: 'y', periods: [P('P1', '25000'), P('P2', 3000)] }] as RebateSettlementInput[];
    expect(settleRebates(per, text).rows[0]!.result!.tier).toEqual({ index: 2, name: null });
    expect(settleRebates(per, text, { final: false }).rows[0]!.result!.tier).toEqual({ index: 0, name: null });
    // A Decimal-path row's tier is the year's: 27,000 → tier 2, the same object.
    const run = settleRebates(sap, [{ id: 'x', periods: [P('P1', '7000'), P('P2', 20000)] }] as RebateSettlementInput[]);
    expect(run.rows[0]!.result!.tier).toBe(refs[2]);
  });
});
