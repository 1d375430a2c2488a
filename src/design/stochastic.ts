// Stochastic scenarios: seeded draws, every dealer of every run priced exactly in minor units on
// the rebates engine's batch path, per-run totals and per-dealer aggregates kept.
import type { Decimal } from '../core/decimal.js';
import { IssueCollector, outOfRange, wrapThrown } from '../core/errors.js';
import { type RebateFacts } from './engine.js';
import { type DesignDealer, type DesignNetwork } from './network.js';
import { growthOf, keptFacts, type StochasticPlan } from './scenarios.js';
import { checkProjected, type DesignProgram, eligibleUnder, type FastDealers, fastDealersOf, moneyOf, priceDecimal, priceFast, unitsOfRebate } from './pricing.js';
import { Progress } from './format.js';
import { expOf, logOf, seededStream, sqrtOf } from './random.js';
import { DESIGN_MESSAGES as M } from './messages.js';

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

/** What a dealer's runs start from, read once: money in minor units, what an override fixes, the growth's parameters. */
interface DealerSetup {
  /** Sales and returns in whole minor units. */
  S: Float64Array;
  R: Float64Array;
  /** 1 where an override fixes the sales (returns) for every run. */
  sFixed: Uint8Array;
  rFixed: Uint8Array;
  /** Per dealer, the factor is shift + scaleBy × z (normal) or e^(shift + scaleBy × z) (lognormal). */
  shift: Float64Array;
  scaleBy: Float64Array;
  /** The facts a run keeps (target, baseline, metrics), and the override's given money and units. */
  kept: RebateFacts[];
  given: { sales: Decimal | undefined; returns: Decimal | undefined; quantity: Decimal | undefined; returnedQuantity: Decimal | undefined }[];
}

/** Reads every dealer once for a stochastic scenario, checking each program's needs; every problem reported at once. */
function setupDealers(dps: readonly DesignProgram[], dealers: readonly DesignDealer[], plan: StochasticPlan): DealerSetup {
  const D = dealers.length;
  const { scale, unit } = dps[0]!;
  const lognormal = plan.distribution === 'lognormal';
  const sd = plan.sd.toNumber();
  const setup: DealerSetup = {
    S: new Float64Array(D),
    R: new Float64Array(D),
    sFixed: new Uint8Array(D),
    rFixed: new Uint8Array(D),
    shift: new Float64Array(D),
    scaleBy: new Float64Array(D),
    kept: new Array<RebateFacts>(D),
    given: new Array<DealerSetup['given'][number]>(D),
  };
  const issues = new IssueCollector();
  for (let d = 0; d < D; d++) {
    const dealer = dealers[d]!;
    const o = plan.overrides.get(dealer.key);
    const kept = keptFacts(plan, dealer, scale);
    setup.kept[d] = kept;
    setup.given[d] = { sales: o?.sales, returns: o?.returns, quantity: o?.quantity, returnedQuantity: o?.returnedQuantity };
    for (const dp of dps) {
      try {
        checkProjected(dp, { ...kept, sales: o?.sales ?? dealer.facts.sales }, dealer, ['scenarios', plan.index, 'dealers']);
      } catch (e) {
        issues.addError(wrapThrown(e));
      }
    }
    // Money the run computes with: whole minor units (given money with more places keeps the Decimal path).
    const sales = o?.sales ?? dealer.facts.sales!;
    const returns = o?.returns ?? dealer.facts.returns;
    setup.S[d] = Math.round(sales.times(unit).toNumber());
    setup.R[d] = Math.round(returns.times(unit).toNumber());
    setup.sFixed[d] = o?.sales === undefined ? 0 : 1;
    setup.rFixed[d] = o?.returns === undefined ? 0 : 1;
    const m = growthOf(plan, dealer).toNumber();
    if (lognormal) {
      // 1 + growth = e^(μ + σz): E = 1 + m and SD = sd exactly when σ² = ln(1 + sd² / (1 + m)²), μ = ln(1 + m) − σ²/2.
      const s2 = logOf(1 + (sd * sd) / ((1 + m) * (1 + m)));
      setup.shift[d] = logOf(1 + m) - s2 / 2;
      setup.scaleBy[d] = sqrtOf(s2);
    } else {
      setup.shift[d] = 1 + m;
      setup.scaleBy[d] = sd;
    }
  }
  issues.throwIfAny();
  return setup;
}

/** A dealer's facts for a run from its sales and returns in minor units and its factor (units scaled by the factor). */
function factsForOf(setup: DealerSetup, dealers: readonly DesignDealer[], scale: number): StochasticRun['factsFor'] {
  return (d, sales, returns, factor) => {
    const k = setup.kept[d]!;
    const g = setup.given[d]!;
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
      // Returned units are never null (0 when not given), so neither is their projection.
      returnedQuantity: units(base.returnedQuantity, g.returnedQuantity)!,
    };
  };
}

/** A program's batch path over the dealers (null when the program does not fit it) and who is paid its benefits. */
function fastOf(dp: DesignProgram, setup: DealerSetup): { fd: FastDealers | null; eligible: Uint8Array } {
  const D = setup.kept.length;
  const fd = fastDealersOf(dp, setup.kept);
  const eligible = new Uint8Array(D);
  for (let d = 0; d < D; d++) {
    const g = setup.given[d]!;
    // Given money with more places than the money scale is not whole minor units: the Decimal path.
    if (fd !== null && ((g.sales !== undefined && g.sales.decimalPlaces() > dp.scale) || (g.returns !== undefined && g.returns.decimalPlaces() > dp.scale))) fd.ok[d] = 0;
    eligible[d] = eligibleUnder(dp.program, setup.kept[d]!.metrics) ? 1 : 0;
  }
  return { fd, eligible };
}

/** A program's empty accumulators for `runs` runs of `D` dealers. */
function programRunOf(dp: DesignProgram, runs: number, D: number, keep: boolean): StochasticProgramRun {
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
}

/** The state of the runs: the generator, the current run's factors and net money per dealer, the clipped count. */
interface RunState {
  stream: ReturnType<typeof seededStream>;
  lognormal: boolean;
  rho: number;
  wMarket: number;
  wOwn: number;
  draws: Float64Array;
  salesOf: Float64Array;
  returnsOf: Float64Array;
  clipped: number;
}

/** Draws one run's factor per dealer (a network-wide draw first when correlated): every dealer draws in every run, so a run's draws do not depend on the overrides. */
function drawRun(st: RunState, setup: DealerSetup): void {
  const { stream, draws, wMarket, wOwn, lognormal } = st;
  const { shift, scaleBy } = setup;
  const D = draws.length;
  const zMarket = st.rho > 0 ? stream.normal() : 0;
  for (let d = 0; d < D; d++) {
    const z = wMarket * zMarket + wOwn * stream.normal();
    let factor: number;
    if (lognormal) factor = expOf(shift[d]! + scaleBy[d]! * z);
    else {
      factor = shift[d]! + scaleBy[d]! * z;
      if (factor < 0) {
        factor = 0;
        st.clipped++;
      }
    }
    draws[d] = factor;
  }
}

/** One run's sales and returns per dealer in whole minor units (half-up), kept per run when asked. */
function moneyRun(st: RunState, setup: DealerSetup, dealers: readonly DesignDealer[], run: number, detail: StochasticRun): void {
  const { draws, salesOf, returnsOf } = st;
  const { S, R, sFixed, rFixed } = setup;
  const D = draws.length;
  for (let d = 0; d < D; d++) {
    const factor = draws[d]!;
    const sx = S[d]! * factor;
    const rx = R[d]! * factor;
    if (sx > SAFE || rx > SAFE) outOfRange(['network', dealers[d]!.key, 'sales'], M.salesBeyondSafe(factor), { code: 'out_of_range' });
    const sales = sFixed[d] === 1 ? S[d]! : Math.round(sx);
    const returns = rFixed[d] === 1 ? R[d]! : Math.round(rx);
    salesOf[d] = sales;
    returnsOf[d] = returns;
    if (detail.detailFactor !== null) {
      const at = run * D + d;
      detail.detailFactor[at] = factor;
      detail.detailSales![at] = sales;
      detail.detailReturns![at] = returns;
    }
  }
}

/** Prices every dealer of one run under one program, exactly in minor units, into the program's accumulators. */
function priceRun(pr: StochasticProgramRun, fd: FastDealers | null, el: Uint8Array, st: RunState, run: number, factsFor: StochasticRun['factsFor'], planIndex: number): void {
  const { salesOf, returnsOf, draws } = st;
  const D = salesOf.length;
  const dp = pr.dp;
  const { benefitUnits } = dp;
  const { dealerTiers, dealerSum, dealerSq, dealerShift, tierMoney, detailRebate, detailTier } = pr;
  const n = tierMoney.length;
  const tierOut = [0];
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
    if (detailRebate !== null) {
      detailRebate[run * D + d] = rebate;
      detailTier![run * D + d] = tier;
    }
  }
  // Each rebate is a whole number of minor units; their sum is exact while it stays below 2^53.
  if (total + benefits > SAFE) outOfRange(['scenarios', planIndex], M.runBeyondSafe(run), { code: 'out_of_range' });
  pr.totals[run] = total;
  pr.costs[run] = total + benefits;
  pr.netSales[run] = netSales;
  pr.paidNet[run] = paidNet;
  pr.paidCount[run] = paid;
}

/** Dealers and benefits per tier, from the dealers' tier counts. */
function tallyTiers(pr: StochasticProgramRun, eligible: Uint8Array): void {
  const units = pr.dp.benefitUnits;
  const n = units.length;
  const D = eligible.length;
  for (let d = 0; d < D; d++) {
    units.forEach((u, k) => {
      const c = pr.dealerTiers[d * n + k]!;
      pr.tierCount[k]! += c;
      if (eligible[d] === 1) pr.tierBenefit[k]! += c * u;
    });
  }
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
  const setup = setupDealers(dps, dealers, plan);
  const fasts = dps.map((dp) => fastOf(dp, setup));
  const keep = plan.keepDealers;
  const rho = plan.correlation.toNumber();
  const result: StochasticRun = {
    plan,
    dealers,
    programs: dps.map((dp) => programRunOf(dp, runs, D, keep)),
    clipped: 0,
    detailFactor: keep ? new Float64Array(runs * D) : null,
    detailSales: keep ? new Float64Array(runs * D) : null,
    detailReturns: keep ? new Float64Array(runs * D) : null,
    factsFor: factsForOf(setup, dealers, dps[0]!.scale),
  };
  const st: RunState = {
    stream: seededStream(plan.seed),
    lognormal: plan.distribution === 'lognormal',
    rho,
    wMarket: sqrtOf(rho),
    wOwn: sqrtOf(1 - rho),
    draws: new Float64Array(D),
    salesOf: new Float64Array(D),
    returnsOf: new Float64Array(D),
    clipped: 0,
  };
  const P = dps.length;
  for (let run = 0; run < runs; run++) {
    // The run's draws and net sales, once for every program (so programs compare on the same draws).
    drawRun(st, setup);
    moneyRun(st, setup, dealers, run, result);
    for (let j = 0; j < P; j++) priceRun(result.programs[j]!, fasts[j]!.fd, fasts[j]!.eligible, st, run, result.factsFor, plan.index);
    progress.add(D * P);
  }
  for (let j = 0; j < P; j++) tallyTiers(result.programs[j]!, fasts[j]!.eligible);
  result.clipped = st.clipped;
  return result;
}
