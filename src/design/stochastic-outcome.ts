// The outcome of a stochastic scenario: statistics over the runs, tiers, dealers and their steps.
import type { Warning } from '../core/result.js';
import { inputOf } from './scenarios.js';
import { moneyOf } from './pricing.js';
import { type RebateRunStatistics, statisticsOf } from './tally.js';
import { count, fmtGrowth, fmtPct, fmtStat, tierLabel } from './format.js';
import { type RebateDealerDistribution, type RebateDraw, type RebateDrawnDealer, type RebateScenarioStep, type RebateStatisticsStep, type RebateStochasticOutcome, type RebateTierMeans, type RebateTierTallyStep } from './outcomes.js';
import { projectionStep } from './deterministic.js';
import { type StochasticProgramRun, type StochasticRun } from './stochastic.js';
import { sqrtOf } from './random.js';
import { DESIGN_MESSAGES as M } from './messages.js';

/** The outcome of one program of a stochastic run. @internal */
export function stochasticOutcome(run: StochasticRun, j: number, top: number): RebateStochasticOutcome {
  const { plan, dealers } = run;
  const pr = run.programs[j]!;
  const dp = pr.dp;
  const { scale, unit } = dp;
  const runs = plan.runs;
  const D = dealers.length;
  let sumNet = 0;
  let sumRebate = 0;
  let sumPaidNet = 0;
  let sumPaid = 0;
  for (let r = 0; r < runs; r++) {
    sumNet += pr.netSales[r]!;
    sumRebate += pr.totals[r]!;
    sumPaidNet += pr.paidNet[r]!;
    sumPaid += pr.paidCount[r]!;
  }
  const rebate = statisticsOf(pr.totals, unit);
  const cost = statisticsOf(pr.costs, unit);
  const netSales = sumNet / runs / unit;
  const tiers: RebateTierMeans[] = dp.program.tiers.map((t, k) => ({
    index: k,
    name: t.name,
    dealers: pr.tierCount[k]! / runs,
    rebate: pr.tierMoney[k]! / runs / unit,
    benefits: pr.tierBenefit[k]! / runs / unit,
  }));
  const dealerStats = dealerStatsOf(run, pr);
  // A copy in network order, sorted stably: ties keep network order.
  const topDealers = [...dealerStats]
    .sort((a, b) => b.mean - a.mean)
    .slice(0, top)
    .map((d) => ({ id: d.id, rebate: d.mean, tier: d.tier }));
  const draws = pr.detailRebate === null ? null : drawsOf(run, pr);
  const shareOfSales = sumNet === 0 ? null : sumRebate / sumNet;
  const effectiveRate = sumPaidNet === 0 ? null : sumRebate / sumPaidNet;
  const warnings: Warning[] = [...plan.warnings];
  if (run.clipped > 0) warnings.push({ code: 'growth-clipped', message: M.clippedWarning(run.clipped, runs * D), path: ['scenarios', plan.index, 'growth'] });
  const steps = stochasticSteps(run, pr, { rebate, cost, tiers, netSales, shareOfSales, effectiveRate, sumRebate, sumPaidNet, sumPaid });
  return {
    name: plan.name,
    kind: 'stochastic',
    runs,
    seed: plan.seed,
    distribution: plan.distribution,
    mean: plan.mean,
    sd: plan.sd,
    correlation: plan.correlation,
    totals: Array.from(pr.totals, (x) => moneyOf(x, scale)),
    costs: Array.from(pr.costs, (x) => moneyOf(x, scale)),
    rebate,
    cost,
    netSales,
    shareOfSales,
    effectiveRate,
    paid: sumPaid / runs,
    tiers,
    top: topDealers,
    dealers: dealerStats,
    draws,
    clipped: run.clipped,
    warnings,
    steps,
  };
}

function statisticsStep(of: 'rebate' | 'cost', s: RebateRunStatistics, runs: number, scale: number): RebateStatisticsStep {
  return {
    code: 'statistics',
    of,
    runs,
    ...s,
    text: M.statisticsText(of, count(runs, 'run'), fmtStat(s.mean, scale), fmtStat(s.sd, scale), fmtStat(s.p5, scale), fmtStat(s.p50, scale), fmtStat(s.p95, scale)),
  };
}

/** A mean count with at most two places (`2.41`, `3`). @internal */
export function formatMean(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/** Per dealer: its mean rebate, sd, share of runs per tier and modal tier. */
function dealerStatsOf(run: StochasticRun, pr: StochasticProgramRun): RebateDealerDistribution[] {
  const dp = pr.dp;
  const { unit } = dp;
  const runs = run.plan.runs;
  const n = dp.program.tiers.length;
  return run.dealers.map((d, i) => {
    const sum = pr.dealerSum[i]!;
    const mean = (pr.dealerShift[i]! + sum / runs) / unit;
    // sqrtOf takes a variance below 0 (rounding) and one run's 0 / 0 = NaN as 0: sd 0.
    const variance = (pr.dealerSq[i]! - (sum * sum) / runs) / (runs - 1);
    const shares: number[] = [];
    let modal = 0;
    for (let k = 0; k < n; k++) {
      const c = pr.dealerTiers[i * n + k]!;
      shares.push(c / runs);
      if (c > pr.dealerTiers[i * n + modal]!) modal = k;
    }
    return { id: d.id, segment: d.segment, mean, sd: sqrtOf(variance) / unit, tierShares: shares, tier: dp.refs[modal]! };
  });
}

/** Every dealer of every run (keep: 'dealers'). */
function drawsOf(run: StochasticRun, pr: StochasticProgramRun): RebateDraw[] {
  const { dealers } = run;
  const dp = pr.dp;
  const { scale } = dp;
  const runs = run.plan.runs;
  const D = dealers.length;
  const detailRebate = pr.detailRebate!;
  const draws: RebateDraw[] = [];
  for (let r = 0; r < runs; r++) {
    const list: RebateDrawnDealer[] = [];
    for (let d = 0; d < D; d++) {
      const at = r * D + d;
      const factor = run.detailFactor![at]!;
      list.push({
        id: dealers[d]!.id,
        factor,
        input: inputOf(dealers[d]!.id, run.factsFor(d, run.detailSales![at]!, run.detailReturns![at]!, factor)),
        rebate: moneyOf(detailRebate[at]!, scale),
        tier: dp.refs[pr.detailTier![at]!]!,
      });
    }
    draws.push({ run: r, rebate: moneyOf(pr.totals[r]!, scale), dealers: list });
  }
  return draws;
}

/** The figures of a stochastic outcome its steps report. */
interface StochasticFigures {
  rebate: RebateRunStatistics;
  cost: RebateRunStatistics;
  tiers: RebateTierMeans[];
  netSales: number;
  shareOfSales: number | null;
  effectiveRate: number | null;
  sumRebate: number;
  sumPaidNet: number;
  sumPaid: number;
}

/** The steps of a stochastic outcome: projection, draws, statistics, tiers, share. */
function stochasticSteps(run: StochasticRun, pr: StochasticProgramRun, f: StochasticFigures): RebateScenarioStep[] {
  const { plan } = run;
  const { scale, unit } = pr.dp;
  const runs = plan.runs;
  const { rebate, cost, tiers, netSales, shareOfSales, effectiveRate, sumRebate, sumPaidNet, sumPaid } = f;
  return [
    projectionStep(plan, plan.mean),
    {
      code: 'draws',
      generator: 'xoshiro128**',
      seed: plan.seed,
      runs,
      distribution: plan.distribution,
      mean: plan.mean,
      sd: plan.sd,
      correlation: plan.correlation,
      clipped: run.clipped,
      text: M.drawsText(count(runs, 'run'), plan.seed, plan.distribution, fmtGrowth(plan.mean), fmtGrowth(plan.sd).slice(1), plan.correlation.toString(), run.clipped),
    },
    statisticsStep('rebate', rebate, runs, scale),
    statisticsStep('cost', cost, runs, scale),
    ...tiers.map((t): RebateTierTallyStep => ({
      code: 'tier',
      index: t.index,
      name: t.name,
      dealers: t.dealers,
      rebate: t.rebate,
      text: M.tierMeanText(tierLabel(t), formatMean(t.dealers), fmtStat(t.rebate, scale)),
    })),
    {
      code: 'share',
      rebate: sumRebate / runs / unit,
      netSales,
      shareOfSales,
      paidNetSales: sumPaidNet / runs / unit,
      effectiveRate,
      text: M.shareMeanText(
        fmtStat(sumRebate / runs / unit, scale),
        fmtStat(netSales, scale),
        shareOfSales === null ? null : fmtPct(shareOfSales),
        fmtStat(sumPaidNet / runs / unit, scale),
        formatMean(sumPaid / runs),
        effectiveRate === null ? null : fmtPct(effectiveRate),
      ),
    },
  ];
}
