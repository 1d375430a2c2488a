import * as z from 'zod/mini';
import type { Decimal } from '../core/decimal.js';
import { IssueCollector, outOfRange, wrapThrown } from '../core/errors.js';
import { separatorsOf } from '../core/format.js';
import type { ExplainOptions, Step, Warning } from '../core/result.js';
import { parseWith } from '../core/schema.js';
import { evaluate, type RebateFacts, type RebateResult, type RebateTierRef } from './calculate.js';
import {
  EN_SEPS,
  ExactTally,
  Progress,
  checkProjected,
  count,
  designProgramOf,
  eligibleUnder,
  explainedContext,
  fastDealersOf,
  priceFast,
  type FastDealers,
  fmtGrowth,
  fmtMoney,
  fmtPct,
  fmtStat,
  growthOf,
  inputOf,
  keptFacts,
  moneyOf,
  onErrorShape,
  parseNetwork,
  parseScenarios,
  priceDecimal,
  progressShape,
  projectDeterministic,
  ratioOf,
  ratioScaleShape,
  statisticsOf,
  tierLabel,
  unitsOfRebate,
  type DesignDealer,
  type DesignNetwork,
  type DesignProgram,
  type DeterministicPlan,
  type RebateNetworkDealer,
  type RebateProjectedFacts,
  type RebateRunStatistics,
  type RebateScenario,
  type RebateTierTally,
  type RebateTopDealer,
  type ScenarioPlan,
  type Seps,
  type StochasticPlan,
} from './design.js';
import type { RebateBenefit, RebateProgram } from './program.js';
import { expOf, logOf, seededStream, sqrtOf } from './random.js';
import { DESIGN_MESSAGES as M } from './messages.js';

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

function projectionStep(plan: ScenarioPlan, growth: Decimal): RebateScenarioProjectionStep {
  const text =
    plan.kind === 'deterministic'
      ? M.projectionText(fmtGrowth(growth), plan.segments.size, plan.overrides.size, plan.targetGrowth.isZero() ? null : fmtGrowth(plan.targetGrowth))
      : M.stochasticProjectionText(plan.segments.size, plan.overrides.size, plan.targetGrowth.isZero() ? null : fmtGrowth(plan.targetGrowth));
  return { code: 'projection', growth, segments: plan.segments.size, overrides: plan.overrides.size, targetGrowth: plan.targetGrowth, text };
}

// ---------------------------------------------------------------------------------------------
// Stochastic scenarios

const SAFE = Number.MAX_SAFE_INTEGER;

/** One program's accumulators over the runs of a stochastic scenario. @internal */
export interface StochasticProgramRun {
  dp: DesignProgram;
  /** Σ rebates per run, minor units. */
  totals: Float64Array;
  /** Σ (rebates + benefits) per run, minor units. */
  costs: Float64Array;
  netSales: Float64Array;
  paidNet: Float64Array;
  paidCount: Float64Array;
  tierCount: Float64Array;
  tierMoney: Float64Array;
  tierBenefit: Float64Array;
  /** Per dealer: Σ (rebate − shift), Σ (rebate − shift)², the shift (its first run's rebate). */
  dealerSum: Float64Array;
  dealerSq: Float64Array;
  dealerShift: Float64Array;
  /** Per dealer × tier: runs in the tier. */
  dealerTiers: Int32Array;
  /** Per run × dealer (keep: 'dealers'). */
  detailRebate: Float64Array | null;
  detailTier: Int32Array | null;
}

/** A stochastic scenario run for one or more programs over the same draws. @internal */
export interface StochasticRun {
  plan: StochasticPlan;
  dealers: DesignDealer[];
  programs: StochasticProgramRun[];
  clipped: number;
  /** Per run × dealer (keep: 'dealers'): the factor and the run's sales and returns in minor units. */
  detailFactor: Float64Array | null;
  detailSales: Float64Array | null;
  detailReturns: Float64Array | null;
  /** Builds a dealer's facts for a run from its sales and returns in minor units and the factor. */
  factsFor: (d: number, sales: number, returns: number, factor: number) => RebateFacts;
}

/**
 * Runs a stochastic scenario: in every run, one growth per dealer (a network-wide draw first when
 * correlated), sales and returns × (1 + growth) rounded half-up to whole minor units, and every
 * program's exact rebate of every dealer on the batch path (scaled integers; the Decimal path for
 * a dealer the batch path declines). Keeps per-run totals and per-dealer aggregates; every dealer
 * of every run only when the scenario says `keep: 'dealers'`. @internal
 */
export function runStochastic(dps: readonly DesignProgram[], net: DesignNetwork, plan: StochasticPlan, progress: Progress): StochasticRun {
  const dealers = net.dealers;
  const D = dealers.length;
  const runs = plan.runs;
  const scale = dps[0]!.scale;
  const unit = dps[0]!.unit;
  const lognormal = plan.distribution === 'lognormal';
  const sd = plan.sd.toNumber();
  const rho = plan.correlation.toNumber();
  const wMarket = sqrtOf(rho);
  const wOwn = sqrtOf(1 - rho);

  // Per dealer, once: sales and returns in minor units, which are fixed by an override, the growth's parameters.
  const S = new Float64Array(D);
  const R = new Float64Array(D);
  const sFixed = new Uint8Array(D);
  const rFixed = new Uint8Array(D);
  const shift = new Float64Array(D);
  const scaleBy = new Float64Array(D);
  const kept: RebateFacts[] = new Array<RebateFacts>(D);
  const given: { sales: Decimal | undefined; returns: Decimal | undefined; quantity: Decimal | undefined; returnedQuantity: Decimal | undefined }[] = new Array(D);
  const issues = new IssueCollector();
  for (let d = 0; d < D; d++) {
    const dealer = dealers[d]!;
    const o = plan.overrides.get(dealer.key);
    kept[d] = keptFacts(plan, dealer, scale);
    given[d] = { sales: o?.sales, returns: o?.returns, quantity: o?.quantity, returnedQuantity: o?.returnedQuantity };
    for (const dp of dps) {
      try {
        checkProjected(dp, { ...kept[d]!, sales: o?.sales ?? dealer.facts.sales }, dealer, ['scenarios', plan.index, 'dealers']);
      } catch (e) {
        issues.addError(wrapThrown(e));
      }
    }
    // Money the run computes with: whole minor units (given money with more places keeps the Decimal path).
    const sales = o?.sales ?? dealer.facts.sales!;
    const returns = o?.returns ?? dealer.facts.returns;
    S[d] = Math.round(sales.times(unit).toNumber());
    R[d] = Math.round(returns.times(unit).toNumber());
    sFixed[d] = o?.sales === undefined ? 0 : 1;
    rFixed[d] = o?.returns === undefined ? 0 : 1;
    const m = growthOf(plan, dealer).toNumber();
    if (lognormal) {
      // 1 + growth = e^(μ + σz): E = 1 + m and SD = sd exactly when σ² = ln(1 + sd² / (1 + m)²), μ = ln(1 + m) − σ²/2.
      const s2 = logOf(1 + (sd * sd) / ((1 + m) * (1 + m)));
      shift[d] = logOf(1 + m) - s2 / 2;
      scaleBy[d] = sqrtOf(s2);
    } else {
      shift[d] = 1 + m;
      scaleBy[d] = sd;
    }
  }
  issues.throwIfAny();

  const factsFor = (d: number, sales: number, returns: number, factor: number): RebateFacts => {
    const k = kept[d]!;
    const g = given[d]!;
    const units = (x: Decimal | null, fixed: Decimal | undefined): Decimal | null => {
      if (fixed !== undefined) return fixed;
      if (x === null) return null;
      const places = x.decimalPlaces();
      return moneyOf(Math.round(x.times(10 ** places).toNumber() * factor), places);
    };
    const base = dealers[d]!.facts;
    return {
      ...k,
      sales: g.sales ?? moneyOf(sales, scale),
      returns: g.returns ?? moneyOf(returns, scale),
      quantity: units(base.quantity, g.quantity),
      returnedQuantity: units(base.returnedQuantity, g.returnedQuantity) ?? base.returnedQuantity,
    };
  };

  // Per program, once: the batch path over the dealers (null when the program does not fit it) and who is paid benefits.
  const P = dps.length;
  const fasts: (FastDealers | null)[] = [];
  const eligible: Uint8Array[] = [];
  for (const dp of dps) {
    const fd = fastDealersOf(dp, kept);
    const el = new Uint8Array(D);
    for (let d = 0; d < D; d++) {
      const g = given[d]!;
      // Given money with more places than the money scale is not whole minor units: the Decimal path.
      if (fd !== null && ((g.sales !== undefined && g.sales.decimalPlaces() > dp.scale) || (g.returns !== undefined && g.returns.decimalPlaces() > dp.scale))) fd.ok[d] = 0;
      el[d] = eligibleUnder(dp.program, kept[d]!.metrics) ? 1 : 0;
    }
    fasts.push(fd);
    eligible.push(el);
  }

  const keep = plan.keep === 'dealers';
  const programs: StochasticProgramRun[] = dps.map((dp) => {
    const n = dp.program.tiers.length;
    return {
      dp,
      totals: new Float64Array(runs),
      costs: new Float64Array(runs),
      netSales: new Float64Array(runs),
      paidNet: new Float64Array(runs),
      paidCount: new Float64Array(runs),
      tierCount: new Float64Array(n),
      tierMoney: new Float64Array(n),
      tierBenefit: new Float64Array(n),
      dealerSum: new Float64Array(D),
      dealerSq: new Float64Array(D),
      dealerShift: new Float64Array(D),
      dealerTiers: new Int32Array(D * n),
      detailRebate: keep ? new Float64Array(runs * D) : null,
      detailTier: keep ? new Int32Array(runs * D) : null,
    };
  });
  const detailFactor = keep ? new Float64Array(runs * D) : null;
  const detailSales = keep ? new Float64Array(runs * D) : null;
  const detailReturns = keep ? new Float64Array(runs * D) : null;

  const stream = seededStream(plan.seed);
  const tierOut = [0];
  const draws = new Float64Array(D);
  const salesOf = new Float64Array(D);
  const returnsOf = new Float64Array(D);
  let clipped = 0;
  for (let run = 0; run < runs; run++) {
    // The run's draws and net sales, once for every program (so programs compare on the same draws).
    const zMarket = rho > 0 ? stream.normal() : 0;
    for (let d = 0; d < D; d++) {
      // Every dealer draws in every run, so a run's draws do not depend on the overrides.
      const z = wMarket * zMarket + wOwn * stream.normal();
      let factor: number;
      if (lognormal) factor = expOf(shift[d]! + scaleBy[d]! * z);
      else {
        factor = shift[d]! + scaleBy[d]! * z;
        if (factor < 0) {
          factor = 0;
          clipped++;
        }
      }
      draws[d] = factor;
    }
    for (let d = 0; d < D; d++) {
      const factor = draws[d]!;
      const sx = S[d]! * factor;
      const rx = R[d]! * factor;
      if (sx > SAFE || rx > SAFE) outOfRange(['network', dealers[d]!.key, 'sales'], M.salesBeyondSafe(factor), { code: 'out_of_range' });
      const sales = sFixed[d] === 1 ? S[d]! : Math.round(sx);
      const returns = rFixed[d] === 1 ? R[d]! : Math.round(rx);
      salesOf[d] = sales;
      returnsOf[d] = returns;
      if (keep) {
        const at = run * D + d;
        detailFactor![at] = factor;
        detailSales![at] = sales;
        detailReturns![at] = returns;
      }
    }
    for (let j = 0; j < P; j++) {
      const pr = programs[j]!;
      const dp = pr.dp;
      const fd = fasts[j]!;
      const el = eligible[j]!;
      const benefitUnits = dp.benefitUnits;
      const n = pr.tierMoney.length;
      const dealerTiers = pr.dealerTiers;
      const dealerSum = pr.dealerSum;
      const dealerSq = pr.dealerSq;
      const dealerShift = pr.dealerShift;
      const tierMoney = pr.tierMoney;
      let total = 0;
      let benefits = 0;
      let netSales = 0;
      let paidNet = 0;
      let paid = 0;
      for (let d = 0; d < D; d++) {
        const netUnits = salesOf[d]! - returnsOf[d]!;
        let rebate = fd === null ? -1 : priceFast(fd, d, netUnits, tierOut);
        let tier = tierOut[0]!;
        if (rebate < 0) {
          const r = priceDecimal(dp, factsFor(d, salesOf[d]!, returnsOf[d]!, draws[d]!));
          rebate = unitsOfRebate(r.rebate, dp.unit);
          tier = r.tier.index;
        }
        total += rebate;
        if (el[d] === 1) benefits += benefitUnits[tier]!;
        netSales += netUnits;
        if (rebate > 0) {
          paidNet += netUnits;
          paid++;
        }
        tierMoney[tier]! += rebate;
        if (run === 0) dealerShift[d] = rebate;
        const dev = rebate - dealerShift[d]!;
        dealerSum[d]! += dev;
        dealerSq[d]! += dev * dev;
        dealerTiers[d * n + tier]!++;
        if (keep) {
          pr.detailRebate![run * D + d] = rebate;
          pr.detailTier![run * D + d] = tier;
        }
      }
      // Each rebate is a whole number of minor units; their sum is exact while it stays below 2^53.
      if (total + benefits > SAFE) outOfRange(['scenarios', plan.index], M.runBeyondSafe(run), { code: 'out_of_range' });
      pr.totals[run] = total;
      pr.costs[run] = total + benefits;
      pr.netSales[run] = netSales;
      pr.paidNet[run] = paidNet;
      pr.paidCount[run] = paid;
    }
    progress.add(D * P);
  }
  // Dealers and benefits per tier, from the dealers' tier counts.
  for (let j = 0; j < P; j++) {
    const pr = programs[j]!;
    const n = pr.tierMoney.length;
    for (let d = 0; d < D; d++) {
      for (let k = 0; k < n; k++) {
        const c = pr.dealerTiers[d * n + k]!;
        pr.tierCount[k]! += c;
        if (eligible[j]![d] === 1) pr.tierBenefit[k]! += c * pr.dp.benefitUnits[k]!;
      }
    }
  }
  return { plan, dealers, programs, clipped, detailFactor, detailSales, detailReturns, factsFor };
}

/** The outcome of one program of a stochastic run. @internal */
export function stochasticOutcome(run: StochasticRun, j: number, top: number): RebateStochasticOutcome {
  const { plan, dealers } = run;
  const pr = run.programs[j]!;
  const dp = pr.dp;
  const { scale, unit } = dp;
  const runs = plan.runs;
  const D = dealers.length;
  const n = dp.program.tiers.length;
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
  const dealerStats: RebateDealerDistribution[] = dealers.map((d, i) => {
    const sum = pr.dealerSum[i]!;
    const mean = (pr.dealerShift[i]! + sum / runs) / unit;
    const variance = runs > 1 ? Math.max(0, (pr.dealerSq[i]! - (sum * sum) / runs) / (runs - 1)) : 0;
    const shares: number[] = [];
    let modal = 0;
    for (let k = 0; k < n; k++) {
      const c = pr.dealerTiers[i * n + k]!;
      shares.push(c / runs);
      if (c > pr.dealerTiers[i * n + modal]!) modal = k;
    }
    return { id: d.id, segment: d.segment, mean, sd: sqrtOf(variance) / unit, tierShares: shares, tier: dp.refs[modal]! };
  });
  const topDealers = dealerStats
    .map((d, i) => [d, i] as const)
    .sort((a, b) => b[0].mean - a[0].mean || a[1] - b[1])
    .slice(0, top)
    .map(([d]) => ({ id: d.id, rebate: d.mean, tier: d.tier }));
  let draws: RebateDraw[] | null = null;
  if (pr.detailRebate !== null) {
    draws = [];
    for (let r = 0; r < runs; r++) {
      const list: RebateDrawnDealer[] = [];
      for (let d = 0; d < D; d++) {
        const at = r * D + d;
        const factor = run.detailFactor![at]!;
        list.push({
          id: dealers[d]!.id,
          factor,
          input: inputOf(dealers[d]!.id, run.factsFor(d, run.detailSales![at]!, run.detailReturns![at]!, factor)),
          rebate: moneyOf(pr.detailRebate[at]!, scale),
          tier: dp.refs[pr.detailTier![at]!]!,
        });
      }
      draws.push({ run: r, rebate: moneyOf(pr.totals[r]!, scale), dealers: list });
    }
  }
  const shareOfSales = sumNet === 0 ? null : sumRebate / sumNet;
  const effectiveRate = sumPaidNet === 0 ? null : sumRebate / sumPaidNet;
  const warnings: Warning[] = [...plan.warnings];
  if (run.clipped > 0) warnings.push({ code: 'growth-clipped', message: M.clippedWarning(run.clipped, runs * D), path: ['scenarios', plan.index, 'growth'] });
  const steps: RebateScenarioStep[] = [
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

// ---------------------------------------------------------------------------------------------
// simulateRebateProgram

const optionsShape = z.strictObject({
  top: z.optional(z.number().check(z.int(), z.minimum(0))),
  ratioScale: ratioScaleShape,
  onError: onErrorShape,
  onProgress: progressShape,
});

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
 * {@link calculateRebate} does, with its steps: the outcome's totals are the sums of the dealers'.
 * A stochastic scenario draws every dealer's growth in every run from a normal or lognormal
 * distribution with a generator seeded by `seed` (xoshiro128** and the inverse normal, written out
 * in + − × ÷ so that the same seed gives the same figures on every machine), prices every dealer of
 * every run exactly in minor units on the engine's batch path, and keeps each run's exact total and
 * the statistics over the runs (mean, sd, 5th/50th/95th percentiles, as numbers).
 *
 * @param program - A program from {@link defineRebateProgram}.
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

