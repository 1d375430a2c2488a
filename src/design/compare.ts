import { readResult } from '../core/result-check.js';
import { RebateProgramComparisonShape } from '../core/result-shapes.js';
import { ZERO, type Decimal } from '../core/decimal.js';
import { IssueCollector, invalid, wrapThrown } from '../core/errors.js';
import { separatorsOf } from '../core/format.js';
import type { ExplainOptions, Step, Warning } from '../core/result.js';
import type { RebateTierRef } from './engine.js';
import { parseNetwork, type RebateNetworkDealer, type RebateScenario } from './network.js';
import { parseScenarios } from './scenarios.js';
import { type DesignProgram, designProgramOf } from './pricing.js';
import { type RebateRunStatistics, statisticsOf } from './tally.js';
import { count, EN_SEPS, fmtSigned, fmtStat, Progress, type Seps, tierLabel } from './format.js';
import type { RebateProgram } from './engine.js';
import type { RebateMovedDealer } from './sensitivity.js';
import { type RebateDeterministicOutcome, type RebateScenarioOutcome, type RebateStochasticOutcome } from './outcomes.js';
import { deterministicOutcomes } from './deterministic.js';
import { runStochastic } from './stochastic.js';
import { formatMean, stochasticOutcome } from './stochastic-outcome.js';
import { designOptionsOf, evaluationsOf, headline } from './simulate.js';
import { DESIGN_MESSAGES as M } from './messages.js';

/** How many dealers move from one tier under the first program to one tier under the other. */
export interface RebateTierMove {
  /** The tier under the program switched from. */
  from: RebateTierRef;
  /** The tier under the program switched to. */
  to: RebateTierRef;
  /** Dealers making this move. */
  dealers: number;
}

/** Switching from one program to another under a deterministic scenario: exact, dealer by dealer. */
export interface RebateDeterministicSwitch {
  /** Always `'deterministic'`. */
  kind: 'deterministic';
  /** The program switched from (its index in the list). */
  from: number;
  /** The program switched to. */
  to: number;
  /** Σ rebates under `to` − under `from`. */
  rebateChange: Decimal;
  /** Σ (rebates + benefits) under `to` − under `from`. */
  costChange: Decimal;
  /** Dealers better off (their rebate + benefits grow), the largest gain first. */
  winners: RebateMovedDealer[];
  /** Dealers worse off, the largest loss first. */
  losers: RebateMovedDealer[];
  /** Dealers whose rebate and benefits do not change. */
  unchanged: number;
  /** Dealers by tier under `from` and tier under `to` (tiers of each program; pairs with no dealer left out). */
  tierMoves: RebateTierMove[];
}

/** A dealer's mean rebate under two programs over the same draws of a stochastic scenario. */
export interface RebateSwitchDealerMean {
  /** The dealer's id. */
  id: string | number;
  /** Its segment, or null. */
  segment: string | null;
  /** Its mean rebate and most frequent tier under `from`. */
  before: {
    /** The dealer's mean rebate under `from`. */
    rebate: number;
    /** The tier reached under `from`. */
    tier: RebateTierRef;
  };
  /** Under `to`. */
  after: {
    /** The dealer's mean rebate under `to`. */
    rebate: number;
    /** The tier reached under `to`. */
    tier: RebateTierRef;
  };
  /** after.rebate − before.rebate. */
  change: number;
}

/** Switching programs under a stochastic scenario: both priced on the same draws, run by run. */
export interface RebateStochasticSwitch {
  /** Always `'stochastic'`. */
  kind: 'stochastic';
  /** The program switched from. */
  from: number;
  /** The program switched to. */
  to: number;
  /** Statistics of the run-by-run change of the total rebate (each run's change exact). */
  rebateChange: RebateRunStatistics;
  /** Statistics of the run-by-run change of the cost. */
  costChange: RebateRunStatistics;
  /** The share of runs in which `to` costs more than `from`. */
  costlier: number;
  /** Dealers whose mean rebate grows, the largest gain first. */
  winners: RebateSwitchDealerMean[];
  /** Dealers whose mean rebate falls, the largest loss first. */
  losers: RebateSwitchDealerMean[];
  /** Dealers whose mean rebate does not change. */
  unchanged: number;
  /** Dealers by most frequent tier under `from` and under `to`. */
  tierMoves: RebateTierMove[];
}

/** A switch from the first program to another. */
export type RebateSwitch = RebateDeterministicSwitch | RebateStochasticSwitch;

/** One scenario, every program side by side. */
export interface RebateComparedScenario {
  /** The scenario's name. */
  name: string;
  /** Deterministic or stochastic. */
  kind: 'deterministic' | 'stochastic';
  /** One outcome per program, in the programs' order (a stochastic scenario's programs share its draws). */
  outcomes: RebateScenarioOutcome[];
  /** Switching from the first program to each of the others. */
  switches: RebateSwitch[];
}

/** Step `switch`: one scenario's switch from the first program to another. */
export interface RebateSwitchStep extends Step {
  code: 'switch';
  /** The scenario's name. */
  scenario: string;
  /** The program switched from. */
  from: number;
  /** The program switched to. */
  to: number;
  /** The change of the cost (its mean per run when stochastic). */
  costChange: Decimal | number;
  /** Dealers better off. */
  winners: number;
  /** Dealers worse off. */
  losers: number;
}

/** The result of {@link compareRebatePrograms}. */
export interface RebateProgramComparison {
  /** The programs' names (`program 1` … for unnamed ones), in order. */
  programs: string[];
  /** The programs' currency. */
  currency: string;
  /** Decimal places of money. */
  scale: number;
  /** Dealers compared. */
  dealers: number;
  /** Dealers refused (`onError: 'collect'`). */
  failed: number;
  /** Every scenario, every program side by side. */
  scenarios: RebateComparedScenario[];
  /** Refused dealers; each outcome has its own warnings. */
  warnings: Warning[];
  /** One `switch` step per scenario and program after the first. */
  steps: RebateSwitchStep[];
}

/** Options of {@link compareRebatePrograms}. */
export interface RebateComparisonOptions {
  /** How many of the largest rebates each outcome lists (5 by default). */
  top?: number;
  /** Decimal places of reported ratios. */
  ratioScale?: number;
  /** `'throw'` (the default) or `'collect'` for the network's dealers. */
  onError?: 'throw' | 'collect';
  /** Called with (dealer-evaluations done, in all), at most about 200 times. */
  onProgress?: (done: number, total: number) => void;
}

/** Dealers by (tier before, tier after), pairs with dealers only, in tier order. */
function tierMovesOf(pairs: readonly [number, number][], a: DesignProgram, b: DesignProgram): RebateTierMove[] {
  const counts = new Map<string, number>();
  for (const [x, y] of pairs) counts.set(`${x}:${y}`, (counts.get(`${x}:${y}`) ?? 0) + 1);
  const out: RebateTierMove[] = [];
  a.refs.forEach((from, x) =>
    b.refs.forEach((to, y) => {
      const c = counts.get(`${x}:${y}`);
      if (c !== undefined) out.push({ from, to, dealers: c });
    }),
  );
  return out;
}

function benefitsOf(o: RebateDeterministicOutcome, i: number): Decimal {
  let s = ZERO;
  for (const b of o.dealers[i]!.result.benefits) s = s.plus(b.amount);
  return s;
}

function deterministicSwitch(outcomes: RebateDeterministicOutcome[], dps: readonly DesignProgram[], j: number): RebateDeterministicSwitch {
  const a = outcomes[0]!;
  const b = outcomes[j]!;
  const moved: RebateMovedDealer[] = [];
  const pairs: [number, number][] = [];
  let unchanged = 0;
  a.dealers.forEach((da, i) => {
    const db = b.dealers[i]!;
    const before = { rebate: da.result.rebate, tier: dps[0]!.refs[da.result.tier.index]!, benefits: benefitsOf(a, i) };
    const after = { rebate: db.result.rebate, tier: dps[j]!.refs[db.result.tier.index]!, benefits: benefitsOf(b, i) };
    pairs.push([before.tier.index, after.tier.index]);
    const change = after.rebate.plus(after.benefits).minus(before.rebate).minus(before.benefits);
    if (change.isZero()) unchanged++;
    else moved.push({ id: da.id, segment: da.segment, before, after, change });
  });
  const order = (x: RebateMovedDealer, y: RebateMovedDealer) => y.change.abs().comparedTo(x.change.abs());
  return {
    kind: 'deterministic',
    from: 0,
    to: j,
    rebateChange: b.rebate.minus(a.rebate),
    costChange: b.cost.minus(a.cost),
    winners: moved.filter((m) => m.change.gt(0)).sort(order),
    losers: moved.filter((m) => m.change.lt(0)).sort(order),
    unchanged,
    tierMoves: tierMovesOf(pairs, dps[0]!, dps[j]!),
  };
}

function stochasticSwitch(outcomes: RebateStochasticOutcome[], dps: readonly DesignProgram[], j: number, totals: Float64Array[], costs: Float64Array[]): RebateStochasticSwitch {
  const a = outcomes[0]!;
  const b = outcomes[j]!;
  const runs = a.runs;
  const unit = dps[0]!.unit;
  const dRebate = new Float64Array(runs);
  const dCost = new Float64Array(runs);
  let costlier = 0;
  for (let r = 0; r < runs; r++) {
    dRebate[r] = totals[j]![r]! - totals[0]![r]!;
    dCost[r] = costs[j]![r]! - costs[0]![r]!;
    if (dCost[r]! > 0) costlier++;
  }
  const moved: RebateSwitchDealerMean[] = [];
  const pairs: [number, number][] = [];
  let unchanged = 0;
  a.dealers.forEach((da, i) => {
    const db = b.dealers[i]!;
    pairs.push([da.tier.index, db.tier.index]);
    const change = db.mean - da.mean;
    if (change === 0) unchanged++;
    else moved.push({ id: da.id, segment: da.segment, before: { rebate: da.mean, tier: da.tier }, after: { rebate: db.mean, tier: db.tier }, change });
  });
  const order = (x: RebateSwitchDealerMean, y: RebateSwitchDealerMean) => Math.abs(y.change) - Math.abs(x.change);
  return {
    kind: 'stochastic',
    from: 0,
    to: j,
    rebateChange: statisticsOf(dRebate, unit),
    costChange: statisticsOf(dCost, unit),
    costlier: costlier / runs,
    winners: moved.filter((m) => m.change > 0).sort(order),
    losers: moved.filter((m) => m.change < 0).sort(order),
    unchanged,
    tierMoves: tierMovesOf(pairs, dps[0]!, dps[j]!),
  };
}

/**
 * Compares rebate programs side by side over one network under the same scenarios, and what
 * switching from the first program to each of the others does to every dealer, in money and in tier.
 *
 * Every program is simulated as {@link simulateRebateProgram} simulates it; a stochastic scenario
 * prices all the programs on the same draws (common random numbers), so a run's change from one
 * program to another is exact and its statistics are those of the paired differences. The
 * programs must share a currency and money scale.
 *
 * @param programs - Two or more programs from {@link rebates!defineRebateProgram | defineRebateProgram}; the first is the one switched from.
 * @param network - The dealers with last period's facts, each with a unique `id`.
 * @param scenarios - Named scenarios, deterministic or stochastic, as {@link simulateRebateProgram} takes them.
 * @param options - `top`, `ratioScale`, `onError`, `onProgress`.
 * @example
 * ```ts
 * const spec = { currency: 'USD', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive' } as const;
 * const a = defineRebateProgram({ ...spec, name: 'now', tiers: [{ from: 0 }, { from: 1000, rate: '0.02' }, { from: 2000, rate: '0.03' }] });
 * const b = defineRebateProgram({ ...spec, name: 'flatter', tiers: [{ from: 0, rate: '0.01' }, { from: 1500, rate: '0.025' }] });
 * const c = compareRebatePrograms([a, b], [{ id: 'A', sales: 900 }, { id: 'B', sales: 1500 }, { id: 'C', sales: 2500 }], [{ name: 'flat' }]);
 * const s = c.scenarios[0]!.switches[0]!;
 * [s.kind === 'deterministic' ? s.costChange.toString() : '', s.winners.map((w) => w.id), s.losers.map((l) => l.id)];
 * //=> ['4', ['A', 'B'], ['C']]
 * ```
 */
export function compareRebatePrograms(programs: readonly RebateProgram[], network: readonly RebateNetworkDealer[], scenarios: readonly RebateScenario[], options?: RebateComparisonOptions): RebateProgramComparison {
  try {
    const o = designOptionsOf(options);
    const top = o.top;
    if (!Array.isArray(programs)) invalid(['programs'], M.programsNotList, { code: 'invalid_type' });
    if (programs.length < 2) invalid(['programs'], M.programsTooFew(programs.length), { code: 'too_short', limit: '2' });
    const issues = new IssueCollector();
    const dps: DesignProgram[] = [];
    programs.forEach((p, i) => {
      try {
        dps.push(designProgramOf(p, ['programs', i], o.ratioScale, i));
      } catch (e) {
        issues.addError(wrapThrown(e));
      }
    });
    issues.throwIfAny();
    const first = dps[0]!;
    dps.forEach((dp, i) => {
      // The first program agrees with itself: no need to skip it.
      if (dp.program.currency !== first.program.currency || dp.scale !== first.scale) {
        issues.add(['programs', i, 'currency'], M.currencyDiffers(dp.program.currency, dp.scale, first.program.currency, first.scale), 'invalid_input', { code: 'inconsistent' });
      }
    });
    issues.throwIfAny();
    const net = parseNetwork(network, dps, o.onError);
    const plans = parseScenarios(scenarios, net);
    const progress = new Progress(o.onProgress, evaluationsOf(plans, net.dealers.length, dps.length));
    const compared: RebateComparedScenario[] = [];
    const steps: RebateSwitchStep[] = [];
    for (const plan of plans) {
      let outcomes: RebateScenarioOutcome[];
      const switches: RebateSwitch[] = [];
      if (plan.kind === 'deterministic') {
        const det = deterministicOutcomes(dps, net, plan, top, progress);
        outcomes = det;
        for (let j = 1; j < dps.length; j++) switches.push(deterministicSwitch(det, dps, j));
      } else {
        const run = runStochastic(dps, net, plan, progress);
        const sto = dps.map((_, j) => stochasticOutcome(run, j, top));
        outcomes = sto;
        const totals = run.programs.map((p) => p.totals);
        const costs = run.programs.map((p) => p.costs);
        for (let j = 1; j < dps.length; j++) switches.push(stochasticSwitch(sto, dps, j, totals, costs));
      }
      for (const s of switches) steps.push(switchStep(plan.name, s, dps, first.scale, EN_SEPS));
      compared.push({ name: plan.name, kind: plan.kind, outcomes, switches });
    }
    return {
      programs: dps.map((d) => d.label),
      currency: first.program.currency,
      scale: first.scale,
      dealers: net.dealers.length,
      failed: net.failed,
      scenarios: compared,
      warnings: net.warnings,
      steps,
    };
  } catch (error) {
    throw wrapThrown(error);
  }
}

function switchStep(scenario: string, s: RebateSwitch, dps: readonly DesignProgram[], scale: number, seps: Seps): RebateSwitchStep {
  const costChange = s.kind === 'deterministic' ? s.costChange : s.costChange.mean;
  const change = s.kind === 'deterministic' ? fmtSigned(s.costChange, scale, seps) : signedStat(s.costChange.mean, scale, seps);
  return {
    code: 'switch',
    scenario,
    from: s.from,
    to: s.to,
    costChange,
    winners: s.winners.length,
    losers: s.losers.length,
    text: M.switchText(scenario, dps[s.from]!.label, dps[s.to]!.label, change, s.kind === 'stochastic', count(s.winners.length, 'dealer'), count(s.losers.length, 'dealer')),
  };
}

function signedStat(x: number, scale: number, seps: Seps): string {
  return `${x < 0 ? '−' : '+'}${fmtStat(Math.abs(x), scale, seps)}`;
}

/**
 * Turns a comparison into sentences: per scenario, each program's headline, then what switching
 * from the first program to each other one costs and who wins and loses.
 *
 * @param comparison - A result of {@link compareRebatePrograms}.
 * @param options - `locale` for the digit grouping.
 * @example
 * ```ts
 * const spec = { currency: 'USD', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive' } as const;
 * const a = defineRebateProgram({ ...spec, name: 'now', tiers: [{ from: 0 }, { from: 1000, rate: '0.02' }, { from: 2000, rate: '0.03' }] });
 * const b = defineRebateProgram({ ...spec, name: 'flatter', tiers: [{ from: 0, rate: '0.01' }, { from: 1500, rate: '0.025' }] });
 * explainRebateComparison(compareRebatePrograms([a, b], [{ id: 'A', sales: 900 }, { id: 'C', sales: 2500 }], [{ name: 'flat' }])).at(-1);
 * //=> 'flat, now → flatter: cost −3.50; better off: A (+9.00); worse off: C (−12.50, tier 3 → tier 2).'
 * ```
 */
export function explainRebateComparison(comparison: RebateProgramComparison, options?: ExplainOptions): string[] {
  try {
    comparison = readResult(comparison, 'comparison', RebateProgramComparisonShape());
    const seps = separatorsOf(options?.locale, ['options', 'locale']);
    const scale = comparison.scale;
    const out: string[] = [];
    for (const s of comparison.scenarios) {
      s.outcomes.forEach((o, j) => out.push(M.programHeadline(comparison.programs[j]!, headline(o, scale, seps))));
      for (const sw of s.switches) {
        const from = comparison.programs[sw.from]!;
        const to = comparison.programs[sw.to]!;
        const dealerPart = (id: string | number, change: string, a: RebateTierRef, b: RebateTierRef): string =>
          M.switchDealerPart(String(id), change, a.index === b.index && a.name === b.name ? null : `${tierLabel(a)} → ${tierLabel(b)}`);
        if (sw.kind === 'deterministic') {
          out.push(
            M.switchSentence(
              s.name,
              from,
              to,
              fmtSigned(sw.costChange, scale, seps),
              false,
              sw.winners.map((w) => dealerPart(w.id, fmtSigned(w.change, scale, seps), w.before.tier, w.after.tier)).join(', '),
              sw.losers.map((l) => dealerPart(l.id, fmtSigned(l.change, scale, seps), l.before.tier, l.after.tier)).join(', '),
              sw.unchanged,
            ),
          );
        } else {
          out.push(
            M.switchSentence(
              s.name,
              from,
              to,
              signedStat(sw.costChange.mean, scale, seps),
              true,
              // Mean changes only: a dealer's most frequent tier is too coarse a summary to print beside them.
              sw.winners.map((w) => M.switchDealerPart(String(w.id), signedStat(w.change, scale, seps), null)).join(', '),
              sw.losers.map((l) => M.switchDealerPart(String(l.id), signedStat(l.change, scale, seps), null)).join(', '),
              sw.unchanged,
            ),
          );
          out.push(M.costlierSentence(to, formatMean(sw.costlier * 100), signedStat(sw.costChange.p5, scale, seps), signedStat(sw.costChange.p95, scale, seps)));
        }
      }
    }
    for (const w of comparison.warnings) out.push(M.note(w.message));
    return out;
  } catch (error) {
    throw wrapThrown(error);
  }
}

