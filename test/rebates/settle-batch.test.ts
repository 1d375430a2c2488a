import { inspect } from 'node:util';
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  Decimal,
  defineRebateProgram,
  settleRebate,
  settleRebates,
  type RebateProgramSpec,
  type RebateSettlement,
  type RebateSettlementInput,
  type RebateSettlementPolicy,
  type RebateSettlementSummary,
} from 'dealerkit';
import { FastSettlement } from '../../src/rebates/settle-fast.js';
import { sapProgram } from './helpers.js';

/** The summaries the scaled-integer path made (the rest came from the Decimal path), to count both kinds of row. */
const scaledRows = new WeakSet<object>();
// Spied in a hook, not while the file loads, so that origins.mjs finds nothing here: reading FastSettlement at load
// runs the getter Vite makes for the export (generated code, no mutant in it, but counted all the same).
beforeAll(() => {
  const originalSettle = FastSettlement.prototype.settle;
  const settleSpy = vi.spyOn(FastSettlement.prototype, 'settle').mockImplementation(function (this: FastSettlement, input: unknown) {
    const out = originalSettle.call(this, input);
    if (out !== undefined) scaledRows.add(out);
    return out;
  });
  return () => settleSpy.mockRestore();
});

// settleRebates prices and pays rows of plain numbers in scaled integers (settle-fast.ts). Such a
// row must be, field for field, the summary of settleRebate's Decimal path: under toEqual and
// toStrictEqual, in JSON, spread, enumerated, written to, deleted from, frozen, and in util.inspect.

/** The summary settleRebates documents, built by hand from settleRebate's full settlement (the Decimal path). */
function summaryOf(s: RebateSettlement): RebateSettlementSummary {
  const final = s.annual ?? s.periods[s.periods.length - 1]!.calculation;
  return {
    annualRebate: s.annualRebate,
    tier: { index: final.tier.index, name: final.tier.name },
    payments: s.periods.map((p) => p.payment),
    totalPaid: s.totalPaid,
    carriedForward: s.carriedForward,
    waived: s.waived,
    warnings: s.warnings,
  };
}

// SAP's scale (helpers.ts): 3,000 + 4,000 + 20,000 → 0, 140, 940 (annual 1,080).
const sapYear: RebateSettlementInput = { id: 'D1', periods: [{ period: 'P1', sales: 3000 }, { period: 'P2', sales: 4000 }, { period: 'P3', sales: 20000 }] };
const KEYS = ['annualRebate', 'tier', 'payments', 'totalPaid', 'carriedForward', 'waived', 'warnings'];

describe('settleRebates: a scaled row reads as a plain summary', () => {
  const row = () => settleRebates(sapProgram(), [sapYear]).rows[0]!.result!;
  const expectedOf = () => summaryOf(settleRebate(sapProgram(), sapYear));

  it('equals the Decimal path under toEqual, with the same keys in the same order', () => {
    const expected = expectedOf();
    const r = row();
    expect(Object.keys(r)).toEqual(KEYS);
    expect(r).toEqual(expected);
    expect(expected).toEqual(r);
    expect(r).toStrictEqual(expected);
    expect(r.payments.map(String)).toEqual(['0', '140', '940']);
    expect([String(r.annualRebate), String(r.totalPaid)]).toEqual(['1080', '1080']);
    // Every field is an own, enumerable, writable data property of a plain object, whatever is asked first.
    for (const first of [(x: object) => Object.keys(x), (x: object) => 'tier' in x, (x: object) => Object.getPrototypeOf(x), (x: object) => Object.isFrozen(x)]) {
      const fresh = row();
      first(fresh);
      expect(Object.getPrototypeOf(fresh)).toBe(Object.prototype);
      expect(KEYS.map((k) => Object.getOwnPropertyDescriptor(fresh, k))).toEqual(KEYS.map((k) => ({ value: expected[k as keyof RebateSettlementSummary], writable: true, enumerable: true, configurable: true })));
    }
    expect(Object.entries(row()).map(([k]) => k)).toEqual(KEYS);
    const seen: string[] = [];
    for (const k in row()) seen.push(k);
    expect(seen).toEqual(KEYS);
  });

  it('prints the same JSON and spreads into the same plain data', () => {
    const expected = expectedOf();
    const text = JSON.stringify(expected);
    expect(text).toBe('{"annualRebate":"1080","tier":{"index":2,"name":null},"payments":["0","140","940"],"totalPaid":"1080","carriedForward":"0","waived":"0","warnings":[]}');
    expect(JSON.stringify(row())).toBe(text);
    const spread = { ...row() };
    expect(Object.getPrototypeOf(spread)).toBe(Object.prototype);
    expect(spread).toStrictEqual(expected);
  });

  it('builds its figures once: reads return the same objects, a write or a delete acts as on a plain object', () => {
    const r = row();
    expect(r.payments).toBe(r.payments);
    expect(r.annualRebate).toBe(r.annualRebate);
    r.payments = [new Decimal(1)];
    r.totalPaid = new Decimal(2);
    expect([r.payments.map(String), String(r.totalPaid), String(r.annualRebate)]).toEqual([['1'], '2', '1080']);
    // A write before any read keeps the other figures.
    const w = row();
    w.annualRebate = null;
    expect([w.annualRebate, w.payments.map(String), String(w.totalPaid)]).toEqual([null, ['0', '140', '940'], '1080']);
    const d = row();
    delete (d as Partial<RebateSettlementSummary>).payments;
    expect(Object.keys(d)).toEqual(KEYS.filter((k) => k !== 'payments'));
  });

  it('reads the same once frozen, and util.inspect shows the figures', () => {
    const expected = expectedOf();
    const r = Object.freeze(row());
    expect(Object.isFrozen(r)).toBe(true);
    expect(r).toEqual(expected);
    expect(() => {
      'use strict';
      (r as { waived: unknown }).waived = null;
    }).toThrow(TypeError);
    const shown = inspect(row(), { depth: 0 });
    expect(shown).toContain('annualRebate');
    expect(inspect(row())).toBe(inspect({ ...row() }));
  });
});

// Equivalence, widened: every row of a batch against settleRebate, under toEqual and in JSON, on
// programs the generators make, with clawbacks, carried and waived overpayments (returns late in
// the year, above the period's sales, above the year's), mid-year runs and rows that fall back to
// the Decimal path (figures as strings, off the money scale, past 2^53, a recorded payment).
const cents = (max: number) => fc.integer({ min: 0, max }).map((c) => c / 100);
const rate = fc.integer({ min: 0, max: 5000 }).map((n) => new Decimal(n).div(10000).toString());
const froms = fc.uniqueArray(fc.integer({ min: 1, max: 3_000_000 }), { minLength: 0, maxLength: 4 }).map((xs) => [0, ...xs.sort((a, b) => a - b)]);
const tiers = froms.chain((fs) => fc.tuple(...fs.map((from) => fc.tuple(rate, fc.option(cents(50_000), { nil: null })).map(([r, fixed]) => (fixed === null ? { from, rate: r } : { from, rate: r, fixed })))));
const quarter = fc.record({
  sales: fc.oneof({ weight: 6, arbitrary: cents(2_000_000_00) }, { weight: 1, arbitrary: fc.constant(0) }),
  share: fc.integer({ min: 0, max: 100 }),
  dip: fc.nat(11),
  days: fc.integer({ min: 0, max: 100 }),
});
type Quarter = { sales: number; share: number; dip: number; days: number };
/**
 * A dealer's periods as the caller gives them: mostly plain numbers at the money scale. Returns are
 * usually a share of the period's sales; a dip returns a share of the net so far (the
 * cumulative net falls: an overpayment to claw back, carry or waive), now and then more than that
 * (a negative net, which the Decimal path warns about); `odd` gives one period a figure the scaled
 * path hands back (a string, a tenth of a cent, a figure near 2^53 in minor units).
 */
function periodsOf(qs: readonly Quarter[], odd: number, at: number): Record<string, unknown>[] {
  let net = 0;
  return qs.map((q, i) => {
    net += q.sales;
    const base = q.dip < 3 ? Math.max(net, 0) : q.dip === 3 ? Math.max(net, 0) + 1000 : q.sales;
    const returns = q.dip === 3 ? base : Math.round(base * q.share) / 100;
    net -= returns;
    const p: Record<string, unknown> = { period: `Q${i + 1}`, sales: q.sales, returns, metrics: { days: q.days } };
    if (i === at % qs.length && odd === 1) p.sales = String(q.sales);
    if (i === at % qs.length && odd === 2) p.sales = q.sales + 0.001;
    if (i === at % qs.length && odd === 3) p.sales = 9e13 + q.sales;
    return p;
  });
}

describe('settleRebates against settleRebate, row by row (fast-check)', () => {
  it('gives every row the summary of the Decimal path, negative true-ups and fallbacks included', () => {
    // How often the scaled path answered, and with an overpayment (clawed back, carried or waived), to be sure both are exercised.
    const seen = { scaled: 0, decimal: 0, clawedBack: 0, kept: 0 };
    fc.assert(
      fc.property(
        tiers,
        fc.array(fc.record({ qs: fc.array(quarter, { minLength: 1, maxLength: 5 }), odd: fc.nat(15), at: fc.nat(4), recorded: fc.boolean() }), { minLength: 1, maxLength: 6 }),
        fc.record({
          method: fc.constantFrom<'incremental' | 'retroactive' | 'step'>('incremental', 'retroactive', 'step'),
          stage: fc.constantFrom<'line' | 'total'>('line', 'total'),
          mode: fc.constantFrom('half-up', 'half-even', 'half-down', 'up', 'down', 'ceiling', 'floor' as const),
          cap: fc.option(fc.record({ amount: fc.integer({ min: 500_00, max: 100_000_00 }).map((c) => c / 100) }), { nil: undefined }),
          minimum: fc.option(fc.record({ amount: cents(500_00), whenBelow: fc.constantFrom<'raise' | 'forfeit'>('raise', 'forfeit') }), { nil: undefined }),
          multiplier: fc.boolean(),
          advance: fc.constantFrom<'cumulative' | 'period'>('cumulative', 'period'),
          negativeTrueUp: fc.constantFrom<'clawback' | 'carry' | 'waive'>('clawback', 'carry', 'waive'),
          holdback: fc.constantFrom(0, '0.1', '0.25', '0.333'),
          final: fc.boolean(),
        }),
        (ts, dealers, o) => {
          const spec: RebateProgramSpec = {
            currency: 'CNY',
            rounding: { stage: o.stage, mode: o.mode },
            basis: 'amount',
            method: o.method,
            // A step program pays fixed amounts only.
            tiers: o.method === 'step' ? ts.map((t) => ({ from: t.from, fixed: 'fixed' in t ? t.fixed : 100 })) : ts,
            ...(o.cap ? { cap: o.cap } : {}),
            ...(o.minimum ? { minimum: o.minimum } : {}),
            ...(o.multiplier ? { multipliers: [{ metric: 'days', bands: [{ from: 0, factor: '1.1' }, { from: 30, factor: 1 }, { from: 60, factor: '0.8' }] }] } : {}),
          } as RebateProgramSpec;
          const policy: RebateSettlementPolicy = { advance: o.advance, negativeTrueUp: o.negativeTrueUp, holdbackRate: o.holdback };
          const p = defineRebateProgram({ ...spec, settlement: policy });
          const inputs = dealers.map((d, k) => {
            const input: Record<string, unknown> = { id: `D${k}`, periods: periodsOf(d.qs, d.odd, d.at) };
            if (d.recorded && d.odd === 4 && d.qs.length > 1) input.paid = { Q1: 1 };
            return input as unknown as RebateSettlementInput;
          });
          const batch = settleRebates(p, inputs, { final: o.final });
          let paid = new Decimal(0);
          inputs.forEach((input, i) => {
            const one = settleRebate(p, input, { final: o.final });
            const want = summaryOf(one);
            const got = batch.rows[i]!.result!;
            const scaled = scaledRows.has(got);
            seen[scaled ? 'scaled' : 'decimal']++;
            if (scaled && one.clawedBack.gt(0)) seen.clawedBack++;
            if (scaled && !one.carriedForward.plus(one.waived).isZero()) seen.kept++;
            expect(got).toEqual(want);
            expect(JSON.stringify(got)).toBe(JSON.stringify(want));
            paid = paid.plus(one.totalPaid);
          });
          expect(batch.totals.totalPaid.toString()).toBe(paid.toString());
        },
      ),
      { numRuns: 400 },
    );
    expect(Math.min(seen.scaled, seen.decimal, seen.clawedBack, seen.kept), JSON.stringify(seen)).toBeGreaterThan(10);
  });

  it('clawbacks, carried and waived overpayments on the scaled path, by hand', () => {
    // SAP's scale: 25,000 (4 % = 1,000 advanced), then returns of 10,000 and 5,000 more in P2 → a
    // year of 15,000 at 2 % = 300: 700 clawed back, carried or waived.
    const dip: RebateSettlementInput = { id: 'dip', periods: [{ period: 'P1', sales: 25000 }, { period: 'P2', sales: 5000, returns: 15000 }] };
    const run = (negativeTrueUp: 'clawback' | 'carry' | 'waive') => {
      const p = defineRebateProgram({ ...sapSpecOf(), settlement: { advance: 'cumulative', negativeTrueUp } });
      const r = settleRebates(p, [dip]).rows[0]!.result!;
      expect(r).toEqual(summaryOf(settleRebate(p, dip)));
      return [r.payments.map(String), String(r.annualRebate), String(r.totalPaid), String(r.carriedForward), String(r.waived)];
    };
    expect(run('clawback')).toEqual([['1000', '-700'], '300', '300', '0', '0']);
    expect(run('carry')).toEqual([['1000', '0'], '300', '1000', '700', '0']);
    expect(run('waive')).toEqual([['1000', '0'], '300', '1000', '0', '700']);
  });

  it('a batch mixing scaled rows and Decimal-path rows keeps each row equal to settleRebate', () => {
    const inputs: RebateSettlementInput[] = [
      sapYear,
      { id: 'text', periods: [{ period: 'P1', sales: '7000' }, { period: 'P2', sales: 20000 }] },
      { id: 'returns above sales', periods: [{ period: 'P1', sales: 7000 }, { period: 'P2', sales: 100, returns: 9000 }] },
      { id: 'recorded', periods: [{ period: 'P1', sales: 7000 }, { period: 'P2', sales: 20000 }], paid: { P1: 100 } },
      { id: 'mills', periods: [{ period: 'P1', sales: 7000.005 }] },
    ];
    const run = settleRebates(sapProgram(), inputs);
    inputs.forEach((input, i) => expect(run.rows[i]!.result).toEqual(summaryOf(settleRebate(sapProgram(), input))));
    // 7,000 − 9,000 + 100 → the year's net is negative: warned, and the Decimal path's warning comes back.
    expect(run.rows[2]!.result!.warnings.map((w) => w.code)).toEqual(['negative-net']);
  });
});

describe('settleRebates: totals', () => {
  it('sums past 2^53 minor units exactly, scaled rows and Decimal-path rows together', () => {
    // A rebate of the whole net: 40,000,000,000,000.00 each (4 × 10^15 fen, under 2^53 ≈ 9.007 × 10^15),
    // three of them 1.2 × 10^14 (past 2^53 fen), and a fourth row on the Decimal path ('7' as text).
    const p = defineRebateProgram({ currency: 'CNY', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive', tiers: [{ from: 0, rate: '1' }], settlement: { advance: 'cumulative', negativeTrueUp: 'clawback' } });
    const big = (id: string): RebateSettlementInput => ({ id, periods: [{ period: 'Y', sales: 4e13 }] });
    const run = settleRebates(p, [big('a'), big('b'), big('c'), { id: 'd', periods: [{ period: 'Y', sales: '7' }] }]);
    expect([run.totals.annualRebate, run.totals.totalPaid].map(String)).toEqual(['120000000000007', '120000000000007']);
    expect(run.rows.map((r) => scaledRows.has(r.result!))).toEqual([true, true, true, false]);
    expect(run.steps).toEqual([{ code: 'total', text: '4 rows computed: Σ 120,000,000,000,007.00' }]);
  });
});

function sapSpecOf(): RebateProgramSpec {
  return {
    currency: 'EUR',
    rounding: { stage: 'line' },
    basis: 'amount',
    method: 'retroactive',
    tiers: [{ from: 0 }, { from: 5000, rate: '0.02' }, { from: 20000, rate: '0.04' }],
  };
}
