// Demo section (rebates): the sample network's 2025 rebate year, settled. Quarterly advances on the
// cumulative attainment with a 10 % holdback, the annual true-up, each dealer's tier, the sales its
// next tier needs, Gold's brand fund, and the letter the first dealer receives.
import type { Decimal } from 'dealerkit';
import { defineRebateProgram, explainSettlement, settleRebate, settleRebates, type RebateSettlementInput } from 'dealerkit/rebates';
import { network } from '../data/index.js';
import { grouped, table, title } from '../lib/table.js';

/** The seeds' program: tiers by target attainment, Gold's brand fund, an over-achievement award, a turnover multiplier, quarterly advances. */
export const demoRebateProgram = defineRebateProgram({
  name: `${network.brand} dealer rebate ${network.year}`,
  currency: network.currency,
  rounding: { stage: 'line' },
  basis: 'attainment',
  method: 'retroactive',
  tiers: [
    { from: 0, name: '—' },
    { from: '0.8', rate: '0.01', name: 'Bronze' },
    { from: '0.9', rate: '0.02', name: 'Silver' },
    { from: 1, rate: '0.03', name: 'Gold', benefits: { brandFund: 50000 } },
  ],
  overAchievement: { above: 1, rate: '0.02', cap: 100000 },
  gates: [{ metric: 'onTimePaymentRatio', op: '>=', value: '0.9', onFail: { factor: '0.5' } }],
  // Inventory turnover in whole days: under 30 × 1.1, 30–60 × 1.0, over 60 × 0.8.
  multipliers: [{ metric: 'inventoryTurnoverDays', bands: [{ from: 0, factor: '1.1' }, { from: 30, factor: 1 }, { from: 61, factor: '0.8' }] }],
  // Cumulative quarterly advances, 10 % held back to the year end; a negative true-up is clawed back.
  settlement: { advance: 'cumulative', holdbackRate: '0.1', negativeTrueUp: 'clawback' },
});

const money = (d: Decimal | null) => (d === null ? '' : grouped(d.toFixed(2)));

export function rebatesSection(): string[] {
  const out = [title(`${network.brand}: ${network.year} rebates settled (cumulative quarterly advances, 10 % holdback, annual true-up)`)];
  const rows: (string | number)[][] = [];
  const inputs: RebateSettlementInput[] = network.dealers.map((d) => ({
    id: d.id,
    periods: d.quarters.map((q, i) => ({
      period: q.id,
      sales: q.sales,
      returns: q.returns,
      // The year's target spread evenly, so each advance is measured against the target to date.
      target: d.target2025 / 4,
      metrics: { inventoryTurnoverDays: d.kpi[i]!.inventoryTurnoverDays },
    })),
    target: d.target2025,
    metrics: { onTimePaymentRatio: d.metrics.onTimePaymentRatio, inventoryTurnoverDays: d.metrics.inventoryTurnoverDays },
  }));
  // The whole network in one batch: one row per dealer, named by its id; totals over the rows.
  const run = settleRebates(demoRebateProgram, inputs);
  const paid = run.totals.totalPaid;
  // The batch gives the payment run's figures; one dealer settled alone gives every step behind them.
  const settle = (d: RebateSettlementInput) => settleRebate(demoRebateProgram, d);
  for (const d of inputs) {
    const s = settle(d);
    const a = s.annual!;
    const next = a.nextTier;
    rows.push([
      String(d.id),
      grouped(a.netAmount!),
      `${a.basisValue!.times(100).toFixed(1)}%`,
      a.tier.name ?? '',
      next === null ? '' : `${next.name} +${grouped(next.salesGap!.toFixed(0))}`,
      ...s.periods.map((p) => money(p.payment)),
      money(s.annualRebate),
      a.benefits.map((b) => grouped(b.amount)).join(' ') || '',
      `×${a.multiplier.toString()}${a.gates.some((g) => !g.passed) ? ' gate ½' : ''}`,
    ]);
  }
  // The letter of D02 (Gold, with the award, the brand fund and a turnover multiplier).
  const first = inputs.find((d) => d.id === 'D02') ?? inputs[0]!;
  out.push(
    table(['dealer', 'net sales', 'attain.', 'tier', 'next tier needs', 'Q1', 'Q2', 'Q3', 'Q4 (true-up)', 'annual', 'brand fund', 'adjust'], rows),
    `paid over the year: ${money(paid)} to ${run.totals.count} dealers; each dealer's four payments sum exactly to its annual rebate (the Q4 true-up pays the holdback and any tier change; a negative one is clawed back).`,
    `${String(first.id)}'s letter:`,
    ...explainSettlement(settle(first)).map((line) => `  ${line}`),
  );
  return out;
}
