// Demo section (kpi): the sample network's dealers graded every 2025 quarter on a scorecard whose
// weights follow each dealer's market stage, ranked, and reviewed against the exit rule.
import {
  defineScorecard,
  explainScore,
  explainStanding,
  reviewStanding,
  scoreDealers,
  type KpiDealerInput,
  type KpiPointsStep,
  type KpiRankedScore,
  type KpiScorecardSpec,
  type StandingReview,
} from 'dealerkit/kpi';
import { network, type Dealer, type KpiActuals } from '../data/index.js';
import { table, title } from '../lib/table.js';

const ratio = (id: string, label: string, cap: number, target?: number) => ({
  id,
  label,
  direction: 'higher' as const,
  scoring: { type: 'ratio' as const, floor: 0, cap },
  ...(target === undefined ? {} : { target }),
});

/** The scorecard: coverage weighs most at launch, profit contribution at maturity. */
export const kpiDemoSpec: KpiScorecardSpec = {
  kpis: [
    ratio('sales', 'Sales vs target', 150),
    ratio('satisfaction', 'Customer satisfaction', 120, 90),
    ratio('marketShare', 'Market share', 150, 5),
    ratio('channelExpansion', 'Channel expansion', 150, 30),
    ratio('profitContribution', 'Profit contribution', 150, 15),
    ratio('newProductShare', 'New-product share', 150, 20),
    {
      id: 'complaintResponseHours',
      label: 'Complaint response (h)',
      direction: 'lower',
      scoring: { type: 'curve', points: [{ at: 6, score: 110 }, { at: 24, score: 100 }, { at: 48, score: 0 }] },
    },
    { id: 'inventoryTurnoverDays', label: 'Stock days vs 45', direction: 'target', scoring: { type: 'deviation' }, target: 45 },
  ],
  stages: {
    launch: { weights: { sales: '0.15', satisfaction: '0.10', marketShare: '0.25', channelExpansion: '0.20', profitContribution: '0.05', newProductShare: '0.15', complaintResponseHours: '0.05', inventoryTurnoverDays: '0.05' } },
    growth: { weights: { sales: '0.25', satisfaction: '0.10', marketShare: '0.20', channelExpansion: '0.15', profitContribution: '0.10', newProductShare: '0.10', complaintResponseHours: '0.05', inventoryTurnoverDays: '0.05' } },
    maturity: { weights: { sales: '0.25', satisfaction: '0.10', marketShare: '0.10', channelExpansion: '0.05', profitContribution: '0.30', newProductShare: '0.05', complaintResponseHours: '0.05', inventoryTurnoverDays: '0.10' } },
    decline: { weights: { sales: '0.20', satisfaction: '0.15', marketShare: '0.05', channelExpansion: '0', profitContribution: '0.35', newProductShare: '0', complaintResponseHours: '0.10', inventoryTurnoverDays: '0.15' } },
  },
  grades: [
    { min: 100, grade: 'Gold' },
    { min: 90, grade: 'Silver' },
    { min: 80, grade: 'Bronze' },
  ],
  // The hard standard: complaints answered within 24 hours, or the grade is capped at Bronze.
  gates: [{ kpi: 'complaintResponseHours', op: '<=', value: 24, effect: { capGrade: 'Bronze' } }],
  rounding: { scale: 2, mode: 'half-up' },
};

/** The exit rule: below 90 two quarters running is a warning; still below 3 months later, an exit review. */
export const kpiDemoRule = { benchmark: 90, consecutive: 2, graceMonths: 3, missing: 'miss', recoverAfter: 1 } as const;

/** One dealer-quarter as the scorecard's input. */
export function kpiDemoInput(dealer: Dealer, q: KpiActuals, stage: string = dealer.stage): KpiDealerInput {
  return {
    id: dealer.id,
    stage,
    actuals: {
      sales: q.sales,
      satisfaction: q.satisfaction,
      marketShare: q.marketShare,
      channelExpansion: q.channelExpansion,
      profitContribution: q.profitContribution,
      newProductShare: q.newProductShare,
      complaintResponseHours: q.complaintResponseHours,
      inventoryTurnoverDays: q.inventoryTurnoverDays,
    },
    targets: { sales: q.salesTarget },
  };
}

const QUARTERS = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'];

export function kpiSection(): string[] {
  const card = defineScorecard(kpiDemoSpec);
  const out: string[] = [title(`${network.brand}: dealer scorecards for ${network.year}, weights by market stage`)];
  out.push(
    table(
      ['KPI', ...Object.keys(card.stages)],
      card.kpis.map((k) => [k.label, ...Object.values(card.stages).map((s) => s.weights[k.id]!.toString())]),
    ),
  );

  // Score and rank every quarter (one batch per quarter, the scorecard validated once).
  const byQuarter: KpiRankedScore[][] = QUARTERS.map((quarter) =>
    scoreDealers(
      card,
      network.dealers.map((d) => kpiDemoInput(d, d.kpi.find((k) => k.quarter === quarter)!)),
    ).rows.map((r) => r.result!),
  );
  const reviews = new Map<string, StandingReview>();
  for (const [i, d] of network.dealers.entries()) {
    reviews.set(d.id, reviewStanding(kpiDemoRule, QUARTERS.map((period, q) => ({ period, score: byQuarter[q]![i]!.score }))));
  }
  const cell = (r: { score: { toString(): string }; grade: string | null; rank: number }) => `${r.score.toString()} ${r.grade ?? '-'} #${r.rank}`;
  out.push(
    '',
    table(
      ['dealer', 'stage', ...QUARTERS.map((q) => `${q} score grade #rank`), 'standing'],
      network.dealers.map((d, i) => [`${d.id} ${d.name}`, d.stage, ...byQuarter.map((rs) => cell(rs[i]!)), reviews.get(d.id)!.current]),
    ),
  );

  const capped = byQuarter.flatMap((rs, q) => rs.filter((r) => r.grade !== r.gradeByScore).map((r) => `${r.id} ${QUARTERS[q]}: ${r.gradeByScore} capped to ${r.grade} (complaints answered in ${r.gates[0]!.actual!.toString()} h)`));
  out.push('', `Hard standard (complaints within 24 h) capped ${capped.length} grades:`, ...capped.map((c) => `  ${c}`));

  out.push('', `Exit rule: below ${kpiDemoRule.benchmark} for ${kpiDemoRule.consecutive} quarters is a warning; still below ${kpiDemoRule.graceMonths} months later, an exit review.`);
  const flagged: string[][] = [];
  for (const d of network.dealers) {
    for (const p of reviews.get(d.id)!.periods) {
      if (p.status === 'warning' || p.status === 'exit-review' || p.status === 'recovered') {
        flagged.push([`${d.id} ${d.name}`, p.period, p.score?.toString() ?? '-', p.status, p.evidence.join(', ')]);
      }
    }
  }
  out.push(flagged.length === 0 ? 'No warnings.' : table(['dealer', 'quarter', 'score', 'status', 'evidence'], flagged));

  // Explain one figure: the best dealer of Q4, line by line, then in the words sent to the dealer.
  const q4 = byQuarter[3]!;
  const best = q4.find((r) => r.rank === 1)!;
  const lines = best.steps.filter((s): s is KpiPointsStep => s.code === 'kpi-points');
  out.push(
    '',
    `${best.id}, ${QUARTERS[3]}: every point of its ${best.score.toString()} (rank 1 of ${q4.length}, ${best.grade ?? 'no grade'})`,
    table(
      ['KPI', 'actual', 'target', 'attainment %', 'points', 'weight', 'contribution'],
      lines.map((l) => [l.label, l.actual?.toString(), l.target?.toString() ?? '', l.attainment?.toString() ?? '', l.points?.toString(), l.weight.toString(), l.contribution.toString()]),
    ),
    '',
    ...explainScore(best).map((sentence) => `  ${sentence}`),
  );
  // And one standing review in words: the first dealer that got a warning.
  const warned = network.dealers.find((d) => reviews.get(d.id)!.periods.some((p) => p.status === 'warning'));
  if (warned !== undefined) out.push('', `${warned.id} ${warned.name}, standing in ${network.year}:`, ...explainStanding(reviews.get(warned.id)!).map((sentence) => `  ${sentence}`));
  return out;
}
