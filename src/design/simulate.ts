// simulateRebateProgram and explainRebateSimulation.
import { readResult } from '../core/result-check.js';
import { RebateSimulationShape } from '../core/result-shapes.js';
import * as z from 'zod/mini';
import { wrapThrown } from '../core/errors.js';
import { separatorsOf } from '../core/format.js';
import type { ExplainOptions } from '../core/result.js';
import { parseWith } from '../core/schema.js';
import { onErrorShape, parseNetwork, progressShape, ratioScaleShape, type RebateNetworkDealer, type RebateScenario, type RebateTierTally } from './network.js';
import { parseScenarios, type ScenarioPlan } from './scenarios.js';
import { designProgramOf } from './pricing.js';
import { count, EN_SEPS, fmtGrowth, fmtMoney, fmtPct, fmtStat, Progress, type Seps, tierLabel } from './format.js';
import { type RebateScenarioOutcome, type RebateSimulation, type RebateSimulationOptions, type RebateSimulationStep, type RebateTierMeans } from './outcomes.js';
import { deterministicOutcomes } from './deterministic.js';
import { runStochastic } from './stochastic.js';
import { formatMean, stochasticOutcome } from './stochastic-outcome.js';
import type { RebateProgram } from './engine.js';
import { DESIGN_MESSAGES as M } from './messages.js';
import { lazySchema } from '../core/lazy.js';


// ---------------------------------------------------------------------------------------------
// simulateRebateProgram

const optionsShape = lazySchema(() => z.strictObject({
  top: z.optional(z.number().check(z.int(), z.minimum(0))),
  ratioScale: ratioScaleShape,
  onError: onErrorShape,
  onProgress: progressShape,
}));

/** The options every design function shares, read. @internal */
export interface DesignOptions {
  top: number;
  ratioScale: number | undefined;
  onError: 'throw' | 'collect';
  onProgress: ((done: number, total: number) => void) | undefined;
}

/** Reads the options of simulateRebateProgram and compareRebatePrograms (`top`, `ratioScale`, `onError`, `onProgress`). @internal */
export function designOptionsOf(options: unknown): DesignOptions {
  const o = (options === undefined ? {} : parseWith(optionsShape, options, ['options'])) as {
    top?: number;
    ratioScale?: number;
    onError?: 'throw' | 'collect';
    onProgress?: (done: number, total: number) => void;
  };
  return { top: o.top ?? 5, ratioScale: o.ratioScale, onError: o.onError ?? 'throw', onProgress: o.onProgress };
}

/** Dealer-evaluations of a list of scenarios (for progress). @internal */
export function evaluationsOf(plans: readonly ScenarioPlan[], dealers: number, programs: number): number {
  let total = 0;
  for (const p of plans) total += (p.kind === 'deterministic' ? 1 : p.runs) * dealers * programs;
  return total;
}

/**
 * Runs a rebate program over a dealer network under scenarios: what it would cost, who lands in
 * which tier, and, for stochastic scenarios, how the cost is distributed.
 *
 * A deterministic scenario grows every dealer's sales, returns and units by one growth (0 when
 * omitted: last period replayed), by its segment's, or by its own override (explicit next-period
 * facts replace the projected ones; targets and baselines stay as given unless the scenario sets
 * them). Money is projected to the money scale (half-up), and each dealer is calculated exactly as
 * {@link rebates!calculateRebate | calculateRebate} does, with its steps: the outcome's totals are the sums of the dealers'.
 * A stochastic scenario draws every dealer's growth in every run from a normal or lognormal
 * distribution with a generator seeded by `seed` (xoshiro128** and the inverse normal, written out
 * in + − × ÷ so that the same seed gives the same figures on every machine), prices every dealer of
 * every run exactly in minor units on the engine's batch path, and keeps each run's exact total and
 * the statistics over the runs (mean, sd, 5th/50th/95th percentiles, as numbers).
 *
 * @param program - A program from {@link rebates!defineRebateProgram | defineRebateProgram}.
 * @param network - The dealers with last period's facts, each with a unique `id` and an optional `segment`.
 * @param scenarios - Named scenarios, deterministic (`{ name, growth? }`) or stochastic (`{ name, growth: { mean, sd, distribution }, runs, seed }`).
 * @param options - `top` (5), `ratioScale`, `onError` (for the network's dealers), `onProgress`.
 * @example
 * ```ts
 * const p = defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive',
 *   tiers: [{ from: 0 }, { from: 1000, rate: '0.02' }, { from: 2000, rate: '0.03' }] });
 * const sim = simulateRebateProgram(p, [{ id: 'A', sales: 900 }, { id: 'B', sales: 1500 }, { id: 'C', sales: 2500 }],
 *   [{ name: 'flat' }, { name: '+20 %', growth: '0.2' }]);
 * sim.scenarios.map((s) => s.kind === 'deterministic' ? s.rebate.toString() : '');
 * //=> ['105', '147.6']
 * ```
 */
export function simulateRebateProgram(
  program: RebateProgram,
  network: readonly RebateNetworkDealer[],
  scenarios: readonly RebateScenario[],
  options?: RebateSimulationOptions,
): RebateSimulation {
  try {
    const o = designOptionsOf(options);
    const dp = designProgramOf(program, ['program'], o.ratioScale);
    const net = parseNetwork(network, [dp], o.onError);
    const plans = parseScenarios(scenarios, net);
    const progress = new Progress(o.onProgress, evaluationsOf(plans, net.dealers.length, 1));
    const outcomes: RebateScenarioOutcome[] = plans.map((plan) =>
      plan.kind === 'deterministic' ? deterministicOutcomes([dp], net, plan, o.top, progress)[0]! : stochasticOutcome(runStochastic([dp], net, plan, progress), 0, o.top),
    );
    return {
      program: dp.program.name,
      currency: dp.program.currency,
      scale: dp.scale,
      dealers: net.dealers.length,
      failed: net.failed,
      scenarios: outcomes,
      warnings: net.warnings,
      steps: outcomes.map((s) => scenarioStep(s, dp.scale, EN_SEPS)),
    };
  } catch (error) {
    throw wrapThrown(error);
  }
}

function scenarioStep(s: RebateScenarioOutcome, scale: number, seps: Seps): RebateSimulationStep {
  return { code: 'scenario', name: s.name, kind: s.kind, rebate: s.kind === 'deterministic' ? s.rebate : s.rebate.mean, text: headline(s, scale, seps) };
}

/** A scenario's headline sentence. @internal */
export function headline(s: RebateScenarioOutcome, scale: number, seps: Seps): string {
  if (s.kind === 'deterministic') {
    return M.deterministicHeadline(
      s.name,
      fmtMoney(s.rebate, scale, seps),
      fmtMoney(s.netSales, scale, seps),
      s.shareOfSales === null ? null : fmtPct(s.shareOfSales, 2, seps),
      count(s.paid, 'dealer'),
      s.effectiveRate === null ? null : fmtPct(s.effectiveRate, 2, seps),
    );
  }
  return M.stochasticHeadline(
    s.name,
    count(s.runs, 'run'),
    s.seed,
    s.distribution,
    fmtGrowth(s.mean, seps),
    fmtGrowth(s.sd, seps).slice(1),
    fmtStat(s.rebate.mean, scale, seps),
    fmtStat(s.rebate.sd, scale, seps),
    fmtStat(s.rebate.p5, scale, seps),
    fmtStat(s.rebate.p50, scale, seps),
    fmtStat(s.rebate.p95, scale, seps),
  );
}

/** The tiers of an outcome in words: `Gold 2 (456,000.00), Silver 5 (…)`, highest first, empty tiers left out. */
function tiersInWords(s: RebateScenarioOutcome, scale: number, seps: Seps): string {
  const parts: string[] = [];
  for (let k = s.tiers.length - 1; k >= 0; k--) {
    const t = s.tiers[k]!;
    if (t.dealers === 0) continue;
    parts.push(
      s.kind === 'deterministic'
        ? M.tierPart(tierLabel(t), String(t.dealers), fmtMoney((t as RebateTierTally).rebate, scale, seps))
        : M.tierPart(tierLabel(t), formatMean(t.dealers), fmtStat((t as RebateTierMeans).rebate, scale, seps)),
    );
  }
  return parts.join(', ');
}

/**
 * Turns a simulation into the sentences a channel manager sends: per scenario, the total and its
 * share of sales, the tiers, the benefits and the largest rebates; for a stochastic scenario, the
 * mean, sd and percentiles of the total.
 *
 * @param simulation - A result of {@link simulateRebateProgram}.
 * @param options - `locale` for the digit grouping (the words are English).
 * @example
 * ```ts
 * const p = defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive',
 *   tiers: [{ from: 0 }, { from: 1000, rate: '0.02', name: 'Silver' }, { from: 2000, rate: '0.03', name: 'Gold' }] });
 * explainRebateSimulation(simulateRebateProgram(p, [{ id: 'A', sales: 900 }, { id: 'B', sales: 1500 }, { id: 'C', sales: 2500 }], [{ name: 'flat' }]))[0];
 * //=> 'flat: rebate 105.00 on net sales 4,900.00 (2.14 % of sales; 2.63 % effective on the 2 dealers paid).'
 * ```
 */
export function explainRebateSimulation(simulation: RebateSimulation, options?: ExplainOptions): string[] {
  try {
    simulation = readResult(simulation, 'simulation', RebateSimulationShape());
    const seps = separatorsOf(options?.locale, ['options', 'locale']);
    const scale = simulation.scale;
    const out: string[] = [];
    for (const s of simulation.scenarios) {
      out.push(headline(s, scale, seps));
      const tiers = tiersInWords(s, scale, seps);
      if (tiers !== '') out.push(M.tiersSentence(s.kind === 'stochastic', tiers));
      if (s.kind === 'deterministic') {
        if (s.benefits.length > 0) {
          out.push(M.benefitsSentence(s.benefits.map((b) => `${b.name} ${fmtMoney(b.amount, scale, seps)}`).join(', '), fmtMoney(s.cost, scale, seps)));
        }
        if (s.top.length > 0) out.push(M.topSentence(false, s.top.map((t) => M.topPart(String(t.id), fmtMoney(t.rebate, scale, seps), tierLabel(t.tier))).join(', ')));
      } else if (s.top.length > 0) {
        out.push(M.topSentence(true, s.top.map((t) => M.topPart(String(t.id), fmtStat(t.rebate, scale, seps), tierLabel(t.tier))).join(', ')));
      }
      for (const w of s.warnings) out.push(M.note(w.message));
    }
    for (const w of simulation.warnings) out.push(M.note(w.message));
    return out;
  } catch (error) {
    throw wrapThrown(error);
  }
}
