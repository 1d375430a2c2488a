// Demo section (design): the seeds' program designed before it is paid. The 2025 network replayed
// and grown under three scenarios (flat, +8 %, a stochastic year), the cost of moving Gold's
// threshold from 120 % to 115 % of target, the dealers just below a cliff, and what switching from
// the 2025 program (Gold from 100 %) to the proposal (Gold from 120 %) does to each dealer.
import type { Decimal } from 'dealerkit';
import {
  calculateCliffExposure,
  calculateThresholdSensitivity,
  compareRebatePrograms,
  explainCliffExposure,
  explainThresholdSensitivity,
  simulateRebateProgram,
  type RebateNetworkDealer,
  type RebateScenario,
} from 'dealerkit/design';
import { defineRebateProgram } from 'dealerkit/rebates';
import { network } from '../data/index.js';
import { grouped, table, title } from '../lib/table.js';
import { demoRebateProgram } from './rebates.js';

/** The seeds' program of the rebates section with Gold, and its brand fund, raised to 120 % of target: the 2026 proposal. */
export const demoDesignProgram = defineRebateProgram({
  name: `${network.brand} dealer rebate ${network.year + 1} (proposal)`,
  currency: network.currency,
  rounding: { stage: 'line' },
  basis: 'attainment',
  method: 'retroactive',
  tiers: [
    { from: 0, name: '—' },
    { from: '0.8', rate: '0.01', name: 'Bronze' },
    { from: '0.9', rate: '0.02', name: 'Silver' },
    { from: '1.2', rate: '0.03', name: 'Gold', benefits: { brandFund: 50000 } },
  ],
  overAchievement: { above: 1, rate: '0.02', cap: 100000 },
  gates: [{ metric: 'onTimePaymentRatio', op: '>=', value: '0.9', onFail: { factor: '0.5' } }],
  multipliers: [{ metric: 'inventoryTurnoverDays', bands: [{ from: 0, factor: '1.1' }, { from: 30, factor: 1 }, { from: 61, factor: '0.8' }] }],
});

/** The 2025 network as last period's facts: the year's sales, returns and units, the 2025 target, the region as segment. */
export const demoNetwork: RebateNetworkDealer[] = network.dealers.map((d) => ({
  id: d.id,
  segment: d.region,
  sales: d.quarters.reduce((s, q) => s + q.sales, 0),
  returns: d.quarters.reduce((s, q) => s + q.returns, 0),
  quantity: d.quarters.reduce((s, q) => s + q.quantity, 0),
  target: d.target2025,
  baseline: d.baseline2024,
  metrics: { onTimePaymentRatio: d.metrics.onTimePaymentRatio, inventoryTurnoverDays: d.metrics.inventoryTurnoverDays },
}));

/** Flat (2025 replayed), +8 % for everyone, and a stochastic year: lognormal growth +5 % ± 10 %, half of it market-wide. */
export const demoScenarios: RebateScenario[] = [
  { name: 'flat' },
  { name: '+8 %', growth: '0.08' },
  { name: 'uncertain', growth: { mean: '0.05', sd: '0.1', distribution: 'lognormal', correlation: '0.5' }, runs: 1000, seed: 2026 },
];

const money = (d: Decimal) => grouped(d.toFixed(2));
const stat = (x: number) => grouped(x.toFixed(2));
const pct = (d: Decimal | number | null) => (d === null ? '' : `${(typeof d === 'number' ? d * 100 : d.times(100).toNumber()).toFixed(2)}%`);

export function designSection(): string[] {
  const out = [title(`${network.brand}: the ${network.year + 1} proposal designed before it is paid (Gold from 120 % of target)`)];

  // 1. Three scenarios over the network.
  const sim = simulateRebateProgram(demoDesignProgram, demoNetwork, demoScenarios);
  const rows = sim.scenarios.map((s) => {
    const tiers = s.tiers
      .slice()
      .reverse()
      .map((t) => String(Math.round(t.dealers * 100) / 100))
      .join(' / ');
    return s.kind === 'deterministic'
      ? [s.name, money(s.rebate), money(s.cost), pct(s.shareOfSales), pct(s.effectiveRate), tiers, '', '']
      : [s.name, stat(s.rebate.mean), stat(s.cost.mean), pct(s.shareOfSales), pct(s.effectiveRate), tiers, stat(s.rebate.sd), `${stat(s.rebate.p5)} – ${stat(s.rebate.p95)}`];
  });
  out.push(
    table(['scenario', 'rebate', 'cost (+ brand fund)', 'of sales', 'effective', 'Gold / Silver / Bronze / —', 'sd', '5th – 95th percentile'], rows),
    `the stochastic row: ${sim.scenarios[2]!.kind === 'stochastic' ? sim.scenarios[2]!.runs : 0} runs of seed 2026, every run's total exact to the fen; mean, sd and percentiles are statistics of those totals.`,
  );

  // 2. Gold's threshold moved from 120 % to 115 % (and 110 %).
  const sens = calculateThresholdSensitivity(demoDesignProgram, demoNetwork, { tier: 'Gold', deltas: ['-0.1', '-0.05'] });
  out.push('', 'Moving Gold\'s threshold (the 2025 facts):', ...explainThresholdSensitivity(sens).map((l) => `  ${l}`));

  // 3. The cliff list: dealers within 5 % below their next threshold.
  const cliffs = calculateCliffExposure(demoDesignProgram, demoNetwork, { window: { relative: '0.05' } });
  out.push(
    '',
    'Dealers within 5 % below their next tier (the cheapest push for the dealer first):',
    table(
      ['dealer', 'tier', 'next', 'attain.', 'sales gap', 'rebate now', 'at threshold', 'gain', 'gain / gap'],
      cliffs.dealers.map((c) => [
        String(c.id),
        c.tier.name ?? '',
        c.next.name ?? '',
        pct(c.value),
        money(c.gap),
        money(c.rebate),
        money(c.rebateAtThreshold),
        money(c.gain),
        c.gainPerGap === null ? '' : c.gainPerGap.toFixed(4),
      ]),
    ),
    ...explainCliffExposure(cliffs).slice(0, 1).map((l) => `  ${l}`),
  );

  // 4. Switching from the 2025 program (Gold from 100 %) to the proposal, under the same scenarios.
  const cmp = compareRebatePrograms([demoRebateProgram, demoDesignProgram], demoNetwork, demoScenarios.slice(0, 2));
  const sw = cmp.scenarios[0]!.switches[0]!;
  if (sw.kind === 'deterministic') {
    out.push(
      '',
      `Switching from the ${network.year} program to the proposal (flat): cost ${money(sw.costChange)}; ${sw.winners.length} better off, ${sw.losers.length} worse off, ${sw.unchanged} unchanged.`,
      table(
        ['dealer', `${network.year} tier`, 'proposal tier', `${network.year} rebate`, 'proposal rebate', 'change (with brand fund)'],
        [...sw.losers, ...sw.winners].map((m) => [String(m.id), m.before.tier.name ?? '', m.after.tier.name ?? '', money(m.before.rebate), money(m.after.rebate), money(m.change)]),
      ),
    );
  }
  return out;
}
