// simulateRebateProgram over 10,000 dealers × 1,000 stochastic runs (10 million dealer-evaluations):
// the seeds' attainment program with Gold at 120 % (retroactive tiers, an over-achievement award with
// a cap, a payment gate, a turnover multiplier), every dealer's growth drawn normal with a
// network-wide share (correlation 0.3), sales and returns rounded to the fen, every rebate exact in
// minor units on the engine's batch path; per-run totals, their statistics, per-tier and per-dealer
// figures. The baseline does the same draws and tier arithmetic in plain floats (Math.random and
// Box–Muller, each money line rounded with Math.round), computing the same figures.
import { defineRebateProgram } from 'dealerkit';
import { simulateRebateProgram, type RebateNetworkDealer } from 'dealerkit/design';
import { lcg, type Scenario } from './lib.js';

const N = Number(process.env.BENCH_N ?? 10_000);
const RUNS = Number(process.env.BENCH_SIM_RUNS ?? 1_000);
const rand = lcg(11);

const FROMS = [0, 0.8, 0.9, 1.2];
const RATES = [0, 0.01, 0.02, 0.03];
const AWARD_RATE = 0.02;
const AWARD_CAP = 100_000;
const BRAND_FUND = 50_000;
const program = defineRebateProgram({
  currency: 'CNY',
  rounding: { stage: 'line' },
  basis: 'attainment',
  method: 'retroactive',
  tiers: FROMS.map((from, i) => ({ from: String(from), rate: String(RATES[i]), ...(i === 3 ? { benefits: { brandFund: BRAND_FUND } } : {}) })),
  overAchievement: { above: 1, rate: String(AWARD_RATE), cap: AWARD_CAP },
  gates: [{ metric: 'onTimePaymentRatio', op: '>=', value: '0.9', onFail: { factor: '0.5' } }],
  multipliers: [{ metric: 'inventoryTurnoverDays', bands: [{ from: 0, factor: '1.1' }, { from: 30, factor: 1 }, { from: 61, factor: '0.8' }] }],
});

const network: RebateNetworkDealer[] = Array.from({ length: N }, (_, d) => {
  const target = Math.round(3_000_000 + rand() * 7_000_000);
  return {
    id: `D${d}`,
    sales: Math.round(target * (0.7 + rand() * 0.5) * 100) / 100,
    returns: Math.round(rand() * 50_000 * 100) / 100,
    target,
    metrics: { onTimePaymentRatio: Math.round((0.8 + rand() * 0.2) * 100) / 100, inventoryTurnoverDays: Math.floor(10 + rand() * 80) },
  };
});
const MEAN = 0.05;
const SD = 0.1;
const RHO = 0.3;
const scenario = { name: 'uncertain', growth: { mean: String(MEAN), sd: String(SD), distribution: 'normal' as const, correlation: String(RHO) }, runs: RUNS, seed: 2026 };

// Plain floats: the same figures per run, each money line rounded to the fen with Math.round.
const r2 = (x: number) => Math.round(x * 100) / 100;
function baseline(): number {
  const sales = network.map((d) => d.sales as number);
  const returns = network.map((d) => (d.returns as number) ?? 0);
  const target = network.map((d) => d.target as number);
  const gate = network.map((d) => ((d.metrics!.onTimePaymentRatio as number) >= 0.9 ? 1 : 0.5));
  const mult = network.map((d) => {
    const days = d.metrics!.inventoryTurnoverDays as number;
    return days < 30 ? 1.1 : days < 61 ? 1 : 0.8;
  });
  let spare = NaN;
  const gaussian = (): number => {
    if (spare === spare) {
      const z = spare;
      spare = NaN;
      return z;
    }
    const u = 1 - Math.random();
    const v = Math.random();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  const wm = Math.sqrt(RHO);
  const wo = Math.sqrt(1 - RHO);
  const totals = new Float64Array(RUNS);
  const costs = new Float64Array(RUNS);
  const tierCount = new Float64Array(4);
  const tierMoney = new Float64Array(4);
  const dealerSum = new Float64Array(N);
  const dealerSq = new Float64Array(N);
  const dealerTiers = new Int32Array(N * 4);
  for (let run = 0; run < RUNS; run++) {
    const zm = gaussian();
    let total = 0;
    let cost = 0;
    for (let d = 0; d < N; d++) {
      let f = 1 + MEAN + SD * (wm * zm + wo * gaussian());
      if (f < 0) f = 0;
      const net = r2(sales[d]! * f) - r2(returns[d]! * f);
      const t = target[d]!;
      const a = net / t;
      const k = a >= FROMS[3]! ? 3 : a >= FROMS[2]! ? 2 : a >= FROMS[1]! ? 1 : 0;
      let s = r2(net * RATES[k]!);
      if (net > t) s += Math.min(r2((net - t) * AWARD_RATE), AWARD_CAP);
      if (gate[d] !== 1) s = r2(s * gate[d]!);
      if (mult[d] !== 1) s = r2(s * mult[d]!);
      total += s;
      cost += s + (k === 3 ? BRAND_FUND : 0);
      tierCount[k]!++;
      tierMoney[k]! += s;
      dealerSum[d]! += s;
      dealerSq[d]! += s * s;
      dealerTiers[d * 4 + k]!++;
    }
    totals[run] = total;
    costs[run] = cost;
  }
  const sorted = Float64Array.from(totals).sort();
  let mean = 0;
  for (const t of totals) mean += t / RUNS;
  return mean + sorted[Math.floor(RUNS * 0.95)]! + tierCount[3]! + dealerSum[0]! + costs[0]!;
}

export const scenarios: Scenario[] = [
  {
    name: `simulateRebateProgram: ${N.toLocaleString('en')} dealers × ${RUNS.toLocaleString('en')} stochastic runs, attainment tiers, award, gate, multiplier`,
    goal: 3,
    note: 'exact: every rebate of every run in whole minor units on the batch path (priceUnits), seeded xoshiro128** + inverse normal; per-run totals only',
    library: () => {
      const sim = simulateRebateProgram(program, network, [scenario]);
      const s = sim.scenarios[0]!;
      return s.kind === 'stochastic' ? s.rebate.mean + s.rebate.p95 : 0;
    },
    baseline,
  },
];
