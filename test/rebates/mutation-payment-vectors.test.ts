// The payment rule of src/rebates/kernel.ts (payPeriod), written once for settleRebate's Decimal
// path and settleRebates' scaled path, so only hand-derived figures can catch a wrong rule. SAP's
// scale (retroactive from 5,000 at 2 %, from 20,000 at 4 %) under each advance, holdback and
// negative true-up policy; every payment, advance, due and total is derived in the row.
import { describe, expect, it } from 'vitest';
import { defineRebateProgram, settleRebate, settleRebates, type RebateSettlementPolicy, type RebateSettlementInput } from 'dealerkit';
import { sapSpec as sap } from './helpers.js';


interface Row {
  why: string;
  policy: RebateSettlementPolicy;
  periods: RebateSettlementInput['periods'];
  /** payments, advances (null on the final period), dues, annual, total paid, carried, waived */
  want: { pay: string[]; adv: (string | null)[]; due: string[]; annual: string; total: string; carried: string; waived: string };
}

const ROWS: Row[] = [
  {
    why: "per-period advances with a 10 % holdback: P1 4 % × 25,000 = 1,000 × 0.9 = 900; the year 28,000 → 1,120, less 900 → 220",
    policy: { advance: 'period', holdbackRate: '0.1', negativeTrueUp: 'clawback' },
    periods: [{ period: 'P1', sales: 25000 }, { period: 'P2', sales: 3000 }],
    want: { pay: ['900', '220'], adv: ['900', null], due: ['900', '220'], annual: '1120', total: '1120', carried: '0', waived: '0' },
  },
  {
    why: 'cumulative, carry: 900; then 15,000 to date → 2 % = 300 × 0.9 = 270 − 900 = −630, not taken back mid-year; the year 300 − 900 = −600 is carried',
    policy: { advance: 'cumulative', holdbackRate: '0.1', negativeTrueUp: 'carry' },
    periods: [{ period: 'P1', sales: 25000 }, { period: 'P2', sales: 0, returns: 10000 }, { period: 'P3', sales: 0 }],
    want: { pay: ['900', '0', '0'], adv: ['900', '270', null], due: ['900', '-630', '-600'], annual: '300', total: '900', carried: '600', waived: '0' },
  },
  {
    why: 'cumulative, clawback, no holdback: 1,000; then 300 − 1,000 = −700 taken back at once; the year 15,100 → 302 − 300 = 2',
    policy: { advance: 'cumulative', negativeTrueUp: 'clawback' },
    periods: [{ period: 'P1', sales: 25000 }, { period: 'P2', sales: 0, returns: 10000 }, { period: 'P3', sales: 100 }],
    want: { pay: ['1000', '-700', '2'], adv: ['1000', '300', null], due: ['1000', '-700', '2'], annual: '302', total: '302', carried: '0', waived: '0' },
  },
  {
    why: 'a holdback rounded half-up: 4 % × 25,000.25 = 1,000.01 × 0.85 = 850.0085 → 850.01; the true-up 1,000.01 − 850.01 = 150',
    policy: { advance: 'cumulative', holdbackRate: '0.15', negativeTrueUp: 'clawback' },
    periods: [{ period: 'P1', sales: 25000.25 }, { period: 'P2', sales: 0 }],
    want: { pay: ['850.01', '150'], adv: ['850.01', null], due: ['850.01', '150'], annual: '1000.01', total: '1000.01', carried: '0', waived: '0' },
  },
  {
    why: 'per-period, waive: 1,000; the year nets 15,000 → 300 − 1,000 = −700, waived',
    policy: { advance: 'period', negativeTrueUp: 'waive' },
    periods: [{ period: 'P1', sales: 25000 }, { period: 'P2', sales: 0, returns: 10000 }],
    want: { pay: ['1000', '0'], adv: ['1000', null], due: ['1000', '-700'], annual: '300', total: '1000', carried: '0', waived: '700' },
  },
];

describe('the payment rule, by hand', () => {
  for (const row of ROWS) {
    it(`settleRebate: ${row.why}`, () => {
      const s = settleRebate(defineRebateProgram({ ...sap, settlement: row.policy }), { periods: row.periods });
      expect({
        pay: s.periods.map((p) => p.payment.toString()),
        adv: s.periods.map((p) => (p.advance === null ? null : p.advance.toString())),
        due: s.periods.map((p) => p.due.toString()),
        annual: String(s.annualRebate),
        total: s.totalPaid.toString(),
        carried: s.carriedForward.toString(),
        waived: s.waived.toString(),
      }).toEqual(row.want);
    });
    it(`settleRebates (scaled integers): ${row.why}`, () => {
      const run = settleRebates(defineRebateProgram({ ...sap, settlement: row.policy }), [{ id: 'X', periods: row.periods }]);
      const r = run.rows[0]!.result!;
      expect([r.payments.map(String), String(r.annualRebate), r.totalPaid.toString(), r.carriedForward.toString(), r.waived.toString()]).toEqual([
        row.want.pay,
        row.want.annual,
        row.want.total,
        row.want.carried,
        row.want.waived,
      ]);
      expect([run.totals.totalPaid.toString(), run.totals.carriedForward.toString(), run.totals.waived.toString()]).toEqual([row.want.total, row.want.carried, row.want.waived]);
    });
  }
});
