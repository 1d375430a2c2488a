// settleRebates over 100,000 dealers × 4 quarters: cumulative quarterly advances with a 10 % holdback
// and the annual true-up, on a 5-tier incremental program with a cap and a turnover multiplier,
// rounded per line to the fen. The baseline does the same arithmetic in plain floats.
import { defineRebateProgram, settleRebates, type Decimal, type RebateSettlementInput } from 'dealerkit';
import { decimalFromScaled } from '../src/core/scaled.js';
import { lcg, type Scenario } from './lib.js';

const N = Number(process.env.BENCH_N ?? 100_000);
const rand = lcg(7);

const FROMS = [0, 1_000_000, 2_000_000, 4_000_000, 6_000_000];
const RATES = [0, 0.01, 0.015, 0.02, 0.025];
const CAP = 150_000;
const program = defineRebateProgram({
  currency: 'CNY',
  rounding: { stage: 'line' },
  basis: 'amount',
  method: 'incremental',
  tiers: FROMS.map((from, i) => ({ from, rate: String(RATES[i]) })),
  cap: { amount: CAP },
  multipliers: [{ metric: 'turnoverDays', bands: [{ from: 0, factor: '1.1' }, { from: 30, factor: 1 }, { from: 60, factor: '0.8' }] }],
  settlement: { advance: 'cumulative', holdbackRate: '0.1', negativeTrueUp: 'clawback' },
});

const QUARTERS = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'];
const dealers: RebateSettlementInput[] = Array.from({ length: N }, (_, d) => ({
  id: `D${d}`,
  periods: QUARTERS.map((period) => ({
    period,
    sales: Math.round((500_000 + rand() * 2_500_000) * 100) / 100,
    returns: Math.round(rand() * 30_000 * 100) / 100,
    metrics: { turnoverDays: Math.floor(10 + rand() * 80) },
  })),
}));

// Plain floats: the same steps, each money figure rounded to the fen with Math.round.
const r2 = (x: number) => Math.round(x * 100) / 100;
function floatRebate(net: number, days: number): number {
  const v = net > 0 ? net : 0;
  let s = 0;
  for (let i = 0; i < 5; i++) {
    const lo = FROMS[i]!;
    if (v <= lo && i > 0) break;
    const hi = i < 4 ? FROMS[i + 1]! : Infinity;
    s += r2(((v < hi ? v : hi) - lo) * RATES[i]!);
  }
  const factor = days < 30 ? 1.1 : days < 60 ? 1 : 0.8;
  s = r2(s * factor);
  return s > CAP ? CAP : s;
}

// The float baseline's year: the same advances, holdback and true-up per dealer.
const floatYear = () => {
  let check = 0;
  const out: { annual: number; payments: number[] }[] = new Array(N);
  for (let d = 0; d < N; d++) {
    const periods = dealers[d]!.periods;
    const payments: number[] = new Array(4);
    let cum = 0;
    let paid = 0;
    let annual = 0;
    for (let k = 0; k < 4; k++) {
      const p = periods[k]!;
      cum += (p.sales as number) - (p.returns as number);
      const r = floatRebate(cum, p.metrics!.turnoverDays as number);
      const pay = k < 3 ? r2(r * 0.9) - paid : r - paid;
      if (k === 3) annual = r;
      payments[k] = pay;
      paid += pay;
    }
    out[d] = { annual, payments };
    check += annual;
  }
  return out.length + check;
};

/** Reads every row's payments, annual rebate and total paid (building a scaled row's Decimals). */
function readAll(rows: ReturnType<typeof settleRebates>['rows']): number {
  let read = 0;
  for (const row of rows) read += row.result!.payments.length + (row.result!.annualRebate === null ? 0 : 1) + (row.result!.totalPaid.isZero() ? 0 : 1);
  return read;
}

// The floor of any Decimal summary: each row's figures (4 payments and the annual rebate, in fen,
// from one settlement run) only built as Decimals by the library's fastest builder, the payments in
// one array per row as a summary holds them, and kept for the run as settleRebates keeps its rows.
const fen = new Float64Array(5 * N);
settleRebates(program, dealers).rows.forEach((row, d) => {
  const r = row.result!;
  r.payments.forEach((p, k) => (fen[5 * d + k] = Math.round(p.toNumber() * 100)));
  fen[5 * d + 4] = Math.round(r.annualRebate!.toNumber() * 100);
});
const buildFigures = (): Decimal[][] => {
  const rows = new Array<Decimal[]>(N);
  for (let d = 0; d < N; d++) {
    const figures = new Array<Decimal>(5);
    for (let k = 0; k < 5; k++) figures[k] = decimalFromScaled(fen[5 * d + k]!, 2);
    rows[d] = figures;
  }
  return rows;
};

export const scenarios: Scenario[] = [
  {
    name: `settleRebates: ${N.toLocaleString('en')} dealers × 4 quarters, 5-tier incremental, cap, multiplier, holdback, true-up`,
    goal: 2.5,
    note: 'exact: scaled-integer minor units with a Decimal fallback; every row\'s summary built with its Decimals (decimalFromScaled)',
    rows: N * 4,
    library: () => {
      const { rows, totals } = settleRebates(program, dealers);
      return rows.length + totals.totalPaid.toNumber();
    },
    keep: () => settleRebates(program, dealers),
    baseline: floatYear,
  },
  {
    // What a payment run that reads every row pays on top of the batch.
    name: `settleRebates, then every row's payments, annual rebate and total read: ${N.toLocaleString('en')} dealers × 4 quarters`,
    rows: N * 4,
    library: () => {
      const { rows, totals } = settleRebates(program, dealers);
      return readAll(rows) + totals.totalPaid.toNumber();
    },
    keep: () => {
      const run = settleRebates(program, dealers);
      readAll(run.rows);
      return run;
    },
    baseline: floatYear,
  },
  {
    name: `settleRebates' floor: the same ${N.toLocaleString('en')} dealers' payments and annual rebates, already settled, only built as Decimals (no goal)`,
    note: 'what a Decimal summary costs before any arithmetic (5 Decimals a dealer): the settleRebates goal is met only if this floor plus the settlement fit in it',
    rows: N * 4,
    library: () => buildFigures().length,
    keep: buildFigures,
    baseline: floatYear,
  },
];
