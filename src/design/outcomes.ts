// What simulateRebateProgram returns: its outcomes per scenario and their steps.
import type { Decimal } from '../core/decimal.js';
import type { Step, Warning } from '../core/result.js';
import { type RebateResult, type RebateTierRef } from './engine.js';
import { type RebateProjectedFacts, type RebateTierTally, type RebateTopDealer } from './network.js';
import { type RebateRunStatistics } from './tally.js';
import type { RebateBenefit } from './engine.js';


// ---------------------------------------------------------------------------------------------
// Result types

/** Step `projection`: how a scenario turned last period's facts into its own. */
export interface RebateScenarioProjectionStep extends Step {
  code: 'projection';
  /** The scenario's growth (a stochastic scenario's mean). */
  growth: Decimal;
  /** Segments with a growth of their own. */
  segments: number;
  /** Dealers with an override. */
  overrides: number;
  /** The growth of every target (0: targets as given). */
  targetGrowth: Decimal;
}

/** Step `draws`: the generator and the distribution of a stochastic scenario. */
export interface RebateDrawsStep extends Step {
  code: 'draws';
  /** The generator: xoshiro128** (its state drawn from the seed by splitmix32), one inverse-normal draw per dealer and run. */
  generator: 'xoshiro128**';
  /** The seed. */
  seed: number;
  /** How many runs. */
  runs: number;
  /** The growth's distribution. */
  distribution: 'normal' | 'lognormal';
  /** Mean growth. */
  mean: Decimal;
  /** Standard deviation of the growth. */
  sd: Decimal;
  /** Correlation between dealers. */
  correlation: Decimal;
  /** Draws of a normal growth below −100 %, taken as −100 % (no sales). */
  clipped: number;
}

/** Step `total`: the rebate as the sum of the dealers' (each traceable to its own steps). */
export interface RebateDesignTotalStep extends Step {
  code: 'total';
  /** Dealers summed. */
  dealers: number;
  /** Σ rebates. */
  rebate: Decimal;
}

/** Step `tier`: the dealers in one tier and their money (exact in a deterministic scenario, a mean per run in a stochastic one). */
export interface RebateTierTallyStep extends Step {
  code: 'tier';
  /** The tier's index. */
  index: number;
  /** The tier's name, or null. */
  name: string | null;
  /** Dealers in the tier (mean per run when stochastic). */
  dealers: number;
  /** Σ their rebates (mean per run when stochastic). */
  rebate: Decimal | number;
}

/** Step `share`: rebate ÷ net sales, over every dealer and over the dealers paid. */
export interface RebateShareStep extends Step {
  code: 'share';
  /** Σ rebates (mean per run when stochastic). */
  rebate: Decimal | number;
  /** Σ net sales. */
  netSales: Decimal | number;
  /** rebate ÷ net sales, or null without sales. */
  shareOfSales: Decimal | number | null;
  /** Σ net sales of the dealers paid a rebate. */
  paidNetSales: Decimal | number;
  /** rebate ÷ their net sales, or null when nobody is paid. */
  effectiveRate: Decimal | number | null;
}

/** Step `cost`: what the program costs: rebates plus the tiers' benefits (Gold's brand fund). */
export interface RebateCostStep extends Step {
  code: 'cost';
  /** Σ rebates (mean per run when stochastic). */
  rebate: Decimal | number;
  /** Σ benefits. */
  benefits: Decimal | number;
  /** rebate + benefits. */
  cost: Decimal | number;
}

/** Step `statistics`: the distribution of a stochastic figure over the runs. */
export interface RebateStatisticsStep extends Step, RebateRunStatistics {
  code: 'statistics';
  /** The figure: the rebate or the cost per run. */
  of: 'rebate' | 'cost';
  /** How many runs. */
  runs: number;
}

/** One step of a scenario's outcome. */
export type RebateScenarioStep =
  | RebateScenarioProjectionStep
  | RebateDrawsStep
  | RebateDesignTotalStep
  | RebateTierTallyStep
  | RebateShareStep
  | RebateCostStep
  | RebateStatisticsStep;

/** One dealer of a deterministic scenario: the facts it projects and the full calculation on them. */
export interface RebateScenarioDealer {
  /** The dealer's id. */
  id: string | number;
  /** Its segment, or null. */
  segment: string | null;
  /** The growth the scenario gave it (its override's, its segment's or the scenario's). */
  growth: Decimal;
  /** The projected facts: `calculateRebate(program, input)` gives `result` again. */
  input: RebateProjectedFacts;
  /** The dealer's rebate with every step behind it. */
  result: RebateResult;
}

/** A deterministic scenario's outcome: exact totals, each the sum of the dealers' results. */
export interface RebateDeterministicOutcome {
  /** The scenario's name. */
  name: string;
  /** Always `'deterministic'`. */
  kind: 'deterministic';
  /** Σ net sales (sales − returns) of the dealers. */
  netSales: Decimal;
  /** Σ rebates: the sum of `dealers[i].result.rebate`, exactly. */
  rebate: Decimal;
  /** Σ benefits by name (not part of the rebate). */
  benefits: RebateBenefit[];
  /** rebate + Σ benefits: what the program costs. */
  cost: Decimal;
  /** rebate ÷ net sales, to `ratioScale` places (null without sales). */
  shareOfSales: Decimal | null;
  /** rebate ÷ the net sales of the dealers paid a rebate, to `ratioScale` places (null when nobody is paid). */
  effectiveRate: Decimal | null;
  /** Dealers paid a rebate above 0. */
  paid: number;
  /** Dealers and money per tier, lowest tier first. */
  tiers: RebateTierTally[];
  /** The largest rebates (`options.top`, 5 by default), ties in network order. */
  top: RebateTopDealer[];
  /** Every dealer, in network order, with its projected facts and full calculation. */
  dealers: RebateScenarioDealer[];
  /** Growths that look like whole-number percentages, and the dealers' own warnings (each with its path). */
  warnings: Warning[];
  /** projection, total, each tier, share, cost. */
  steps: RebateScenarioStep[];
}

/** Mean dealers and money of one tier per run of a stochastic scenario. */
export interface RebateTierMeans {
  /** The tier's index. */
  index: number;
  /** The tier's name, or null. */
  name: string | null;
  /** Mean dealers in the tier per run. */
  dealers: number;
  /** Mean Σ of their rebates per run. */
  rebate: number;
  /** Mean Σ of their benefits per run. */
  benefits: number;
}

/** One dealer's rebate over the runs of a stochastic scenario (statistics, as plain numbers). */
export interface RebateDealerDistribution {
  /** The dealer's id. */
  id: string | number;
  /** Its segment, or null. */
  segment: string | null;
  /** Mean rebate per run. */
  mean: number;
  /** Sample standard deviation of its rebate (0 for a single run). */
  sd: number;
  /** Per tier, the share of runs in which the dealer reached it (they sum to 1). */
  tierShares: number[];
  /** The tier it reached most often (the lower on a tie). */
  tier: RebateTierRef;
}

/** A dealer among the largest mean rebates of a stochastic scenario. */
export interface RebateTopDealerMean {
  /** The dealer's id. */
  id: string | number;
  /** Its mean rebate per run. */
  rebate: number;
  /** The tier it reached most often. */
  tier: RebateTierRef;
}

/** One dealer in one run (kept when the scenario says `keep: 'dealers'`). */
export interface RebateDrawnDealer {
  /** The dealer's id. */
  id: string | number;
  /** The drawn 1 + growth (a statistic: a plain number). */
  factor: number;
  /** The run's facts: sales and returns × factor, rounded half-up to the money scale. `calculateRebate(program, input)` gives `rebate`. */
  input: RebateProjectedFacts;
  /** Its rebate in the run, exact. */
  rebate: Decimal;
  /** Its tier in the run. */
  tier: RebateTierRef;
}

/** One run of a stochastic scenario with every dealer (kept when the scenario says `keep: 'dealers'`). */
export interface RebateDraw {
  /** The run's position, from 0. */
  run: number;
  /** Σ rebates of the run, exactly `totals[run]`. */
  rebate: Decimal;
  /** Every dealer, in network order. */
  dealers: RebateDrawnDealer[];
}

/** A stochastic scenario's outcome: the exact total of every run, and statistics over the runs. */
export interface RebateStochasticOutcome {
  /** The scenario's name. */
  name: string;
  /** Always `'stochastic'`. */
  kind: 'stochastic';
  /** How many runs. */
  runs: number;
  /** The generator's seed. */
  seed: number;
  /** The growth's distribution. */
  distribution: 'normal' | 'lognormal';
  /** Mean growth. */
  mean: Decimal;
  /** Standard deviation of the growth. */
  sd: Decimal;
  /** Correlation between dealers. */
  correlation: Decimal;
  /** Σ rebates of every run, exact (each the sum of the dealers' exact rebates in that run). */
  totals: Decimal[];
  /** Σ (rebates + benefits) of every run, exact. */
  costs: Decimal[];
  /** Statistics of `totals`. */
  rebate: RebateRunStatistics;
  /** Statistics of `costs`. */
  cost: RebateRunStatistics;
  /** Mean Σ net sales per run. */
  netSales: number;
  /** mean rebate ÷ mean net sales (null without sales). */
  shareOfSales: number | null;
  /** Σ rebates ÷ Σ net sales of the dealers paid, over all runs (null when nobody is paid). */
  effectiveRate: number | null;
  /** Mean dealers paid a rebate per run. */
  paid: number;
  /** Mean dealers and money per tier per run. */
  tiers: RebateTierMeans[];
  /** The largest mean rebates (`options.top`, 5 by default). */
  top: RebateTopDealerMean[];
  /** Every dealer's rebate over the runs, in network order. */
  dealers: RebateDealerDistribution[];
  /** Every dealer in every run (`keep: 'dealers'`), or null (the default: per-run totals only). */
  draws: RebateDraw[] | null;
  /** Draws of a normal growth below −100 %, taken as −100 % (no sales); warned when any. */
  clipped: number;
  /** Growths that look like whole-number percentages, clipped draws. */
  warnings: Warning[];
  /** projection, draws, statistics of the rebate and the cost, each tier, share. */
  steps: RebateScenarioStep[];
}

/** A scenario's outcome. */
export type RebateScenarioOutcome = RebateDeterministicOutcome | RebateStochasticOutcome;

/** Step `scenario`: one scenario's headline figures. */
export interface RebateSimulationStep extends Step {
  code: 'scenario';
  /** The scenario's name. */
  name: string;
  /** Deterministic or stochastic. */
  kind: 'deterministic' | 'stochastic';
  /** The total rebate (the mean per run when stochastic). */
  rebate: Decimal | number;
}

/** The result of {@link simulateRebateProgram}. */
export interface RebateSimulation {
  /** The program's name, or null. */
  program: string | null;
  /** The program's currency. */
  currency: string;
  /** Decimal places of money (the program's `rounding.scale`). */
  scale: number;
  /** Dealers simulated. */
  dealers: number;
  /** Dealers refused (`onError: 'collect'`; 0 otherwise). */
  failed: number;
  /** One outcome per scenario, in order. */
  scenarios: RebateScenarioOutcome[];
  /** Refused dealers (`rows-refused`); each scenario has its own warnings. */
  warnings: Warning[];
  /** One `scenario` step per scenario. */
  steps: RebateSimulationStep[];
}

/** Options of {@link simulateRebateProgram}. */
export interface RebateSimulationOptions {
  /** How many of the largest rebates each outcome lists (5 by default). */
  top?: number;
  /** Decimal places of the reported ratios (the program's `ratioScale`, 10 by default). */
  ratioScale?: number;
  /** `'throw'` (the default): every bad dealer in one error; `'collect'`: bad dealers left out, counted in `failed` and warned. */
  onError?: 'throw' | 'collect';
  /** Called with (dealer-evaluations done, in all), at most about 200 times. */
  onProgress?: (done: number, total: number) => void;
}
