// Deterministic scenarios: every dealer projected and calculated exactly, with its steps.
import type { Decimal } from '../core/decimal.js';
import { IssueCollector, wrapThrown } from '../core/errors.js';
import type { Warning } from '../core/result.js';
import { evaluate } from './engine.js';
import { type DesignNetwork } from './network.js';
import { type DeterministicPlan, inputOf, projectDeterministic, type ScenarioPlan } from './scenarios.js';
import { checkProjected, type DesignProgram, explainedContext } from './pricing.js';
import { ExactTally, ratioOf } from './tally.js';
import { count, EN_SEPS, fmtGrowth, fmtMoney, fmtPct, Progress, tierLabel } from './format.js';
import { type RebateDeterministicOutcome, type RebateScenarioDealer, type RebateScenarioProjectionStep, type RebateScenarioStep, type RebateTierTallyStep } from './outcomes.js';
import { DESIGN_MESSAGES as M } from './messages.js';


// ---------------------------------------------------------------------------------------------
// Deterministic scenarios

/** One outcome per program of a deterministic scenario, each dealer explained. @internal */
export function deterministicOutcomes(dps: readonly DesignProgram[], net: DesignNetwork, plan: DeterministicPlan, top: number, progress: Progress): RebateDeterministicOutcome[] {
  return dps.map((dp) => {
    const tally = new ExactTally(dp);
    const dealers: RebateScenarioDealer[] = [];
    const warnings: Warning[] = [...plan.warnings];
    const issues = new IssueCollector();
    for (const d of net.dealers) {
      const proj = projectDeterministic(plan, d, dp.scale);
      try {
        checkProjected(dp, proj.facts, d, ['scenarios', plan.index, 'dealers']);
      } catch (e) {
        issues.addError(wrapThrown(e));
        continue;
      }
      const result = evaluate(dp.program, proj.facts, null, explainedContext(dp, d));
      tally.add(d.id, result);
      for (const w of result.warnings) if (w.code !== 'retroactive-jump') warnings.push(w);
      dealers.push({ id: d.id, segment: d.segment, growth: proj.growth, input: inputOf(d.id, proj.facts), result });
      progress.add(1);
    }
    issues.throwIfAny();
    const benefits = tally.benefitTotal();
    const f = { scale: dp.scale, seps: EN_SEPS };
    const shareOfSales = ratioOf(tally.rebate, tally.netSales, dp.ratioScale);
    const effectiveRate = ratioOf(tally.rebate, tally.paidNetSales, dp.ratioScale);
    const steps: RebateScenarioStep[] = [
      projectionStep(plan, plan.growth),
      { code: 'total', dealers: dealers.length, rebate: tally.rebate, text: M.totalText(count(dealers.length, 'dealer'), fmtMoney(tally.rebate, f.scale)) },
      ...tally.tiers().map((t): RebateTierTallyStep => ({
        code: 'tier',
        index: t.index,
        name: t.name,
        dealers: t.dealers,
        rebate: t.rebate,
        text: M.tierTallyText(tierLabel(t), count(t.dealers, 'dealer'), fmtMoney(t.rebate, f.scale)),
      })),
      {
        code: 'share',
        rebate: tally.rebate,
        netSales: tally.netSales,
        shareOfSales,
        paidNetSales: tally.paidNetSales,
        effectiveRate,
        text: M.shareText(
          fmtMoney(tally.rebate, f.scale),
          fmtMoney(tally.netSales, f.scale),
          shareOfSales === null ? null : fmtPct(shareOfSales),
          fmtMoney(tally.paidNetSales, f.scale),
          count(tally.paid, 'dealer'),
          effectiveRate === null ? null : fmtPct(effectiveRate),
        ),
      },
      {
        code: 'cost',
        rebate: tally.rebate,
        benefits,
        cost: tally.rebate.plus(benefits),
        text: M.costText(fmtMoney(tally.rebate, f.scale), fmtMoney(benefits, f.scale), fmtMoney(tally.rebate.plus(benefits), f.scale)),
      },
    ];
    return {
      name: plan.name,
      kind: 'deterministic',
      netSales: tally.netSales,
      rebate: tally.rebate,
      benefits: tally.benefitList(),
      cost: tally.rebate.plus(benefits),
      shareOfSales,
      effectiveRate,
      paid: tally.paid,
      tiers: tally.tiers(),
      top: tally.topDealers(top),
      dealers,
      warnings,
      steps,
    };
  });
}

/** Step `projection`: how a scenario turned last period's facts into its own (deterministic and stochastic outcomes). @internal */
export function projectionStep(plan: ScenarioPlan, growth: Decimal): RebateScenarioProjectionStep {
  const text =
    plan.kind === 'deterministic'
      ? M.projectionText(fmtGrowth(growth), plan.segments.size, plan.overrides.size, plan.targetGrowth.isZero() ? null : fmtGrowth(plan.targetGrowth))
      : M.stochasticProjectionText(plan.segments.size, plan.overrides.size, plan.targetGrowth.isZero() ? null : fmtGrowth(plan.targetGrowth));
  return { code: 'projection', growth, segments: plan.segments.size, overrides: plan.overrides.size, targetGrowth: plan.targetGrowth, text };
}
