// What designing a program before paying it shares: the network and scenario inputs, their
// validation, the projection of last period's facts into a scenario's, a program prepared for many
// evaluations (the explained path, the figures-only path and the scaled-integer batch path), and
// the small statistics and formatting helpers of simulate.ts, sensitivity.ts, cliffs.ts and
// compare.ts. Every rebate here is computed by the engine's own rule (calculate.ts's evaluate, or
// fast.ts's rebateUnits on the same program): nothing is re-transcribed.
import * as z from 'zod/mini';
import { ONE, ZERO, type Decimal, type DecimalInput } from '../core/decimal.js';
import { IssueCollector, invalid, wrapThrown, type IssuePath } from '../core/errors.js';
import { runBatch, type BatchErrorMode } from '../core/batch.js';
import { decimalFromScaled } from '../core/fast.js';
import { groupDigits, separatorsOf } from '../core/format.js';
import { roundDecimal, roundRatio } from '../core/money.js';
import { decimalSchema, fractionSchema, nonNegativeDecimalSchema, parseWith, scaleSchema } from '../core/schema.js';
import type { Warning } from '../core/result.js';
import { checkFacts, compareMetric, contextOf, evaluate, factsOf, type EvaluateContext, type RebateFacts, type RebateResult, type RebateTierRef } from './calculate.js';
import { FACTORS, fastAxisOf, prepareFastDesign, priceUnits, readFactors, type FastProgram } from './fast.js';
import { resolveProgram, type ProgramInternals, type RebateBenefit, type RebateProgram } from './program.js';
import { metricsSchema, rowIdSchema, type RebateBasis, type RebateMetrics, type RebateProgramSpec } from './schema.js';
import { tierRefsOf } from './settlement.js';
import { sqrtOf as sqrtNumber } from './random.js';
import { DESIGN_MESSAGES as M } from './messages.js';

// ---------------------------------------------------------------------------------------------
// Inputs

/** A dealer of the network a program is designed on: last period's facts, its id and an optional segment. */
export interface RebateNetworkDealer {
  /** The dealer's id, unique in the network; overrides and error paths name the dealer by it (`network[D05].sales`). */
  id: string | number;
  /** A segment (region, channel, market stage) a scenario can grow at its own rate. */
  segment?: string;
  /** Last period's gross sales. */
  sales: DecimalInput;
  /** Last period's returns and credit notes, positive. */
  returns?: DecimalInput;
  /** Last period's gross units. */
  quantity?: DecimalInput;
  /** Last period's returned units, positive. */
  returnedQuantity?: DecimalInput;
  /** The target the program measures attainment against (kept by a scenario unless it sets one). */
  target?: DecimalInput;
  /** The baseline of a growth basis (kept by a scenario unless it sets one). */
  baseline?: DecimalInput;
  /** Metric values for the program's gates and multipliers. */
  metrics?: RebateMetrics;
}

/**
 * A scenario's figures for one dealer: its own growth (a stochastic scenario's mean growth for
 * it), or explicit next-period facts, which replace the projected ones (metrics are merged).
 */
export interface RebateDealerOverride {
  /** The dealer's growth (stochastic scenarios: its mean growth), a fraction (0.05 = +5 %; −1 at the lowest). */
  growth?: DecimalInput;
  /** Next period's gross sales, as given (not grown). */
  sales?: DecimalInput;
  /** Next period's returns, as given. */
  returns?: DecimalInput;
  /** Next period's gross units, as given. */
  quantity?: DecimalInput;
  /** Next period's returned units, as given. */
  returnedQuantity?: DecimalInput;
  /** Next period's target. */
  target?: DecimalInput;
  /** Next period's baseline. */
  baseline?: DecimalInput;
  /** Metric values that replace the dealer's (the others are kept). */
  metrics?: RebateMetrics;
}

/**
 * The growth of a stochastic scenario: every dealer's growth is drawn in every run with this mean
 * and standard deviation (fractions: 0.05 and 0.1 for +5 % ± 10 %). `'normal'`: growth = mean +
 * sd × z, a draw below −100 % counted and taken as −100 % (no sales); `'lognormal'`: 1 + growth =
 * e^(μ + σz) with μ and σ chosen so that growth has exactly this mean and sd, never below −100 %.
 * `correlation` (0 to 1, default 0) is the share of each dealer's variance that is common to the
 * whole network in a run (a market-wide swing): z = √ρ · z_market + √(1 − ρ) · z_dealer.
 */
export interface RebateGrowthDistribution {
  /** Mean growth, a fraction greater than −1. */
  mean: DecimalInput;
  /** Standard deviation of the growth, 0 or more. */
  sd: DecimalInput;
  /** The shape of the growth's distribution. */
  distribution: 'normal' | 'lognormal';
  /** Correlation between any two dealers' growth, from 0 to 1 (default 0: independent). */
  correlation?: DecimalInput;
}

/** What deterministic and stochastic scenarios share: a name, segment and dealer overrides, target growth. */
export interface RebateScenarioBase {
  /** The scenario's name, unique among the scenarios. */
  name: string;
  /** Growth per segment (stochastic: mean growth per segment), in place of the scenario's. */
  segments?: Record<string, DecimalInput>;
  /** Per-dealer overrides by id: a growth of its own, or explicit next-period facts. */
  dealers?: Record<string, RebateDealerOverride>;
  /** Growth of every target (0 when omitted: targets stay as given); projected targets are rounded half-up to the money scale. */
  targetGrowth?: DecimalInput;
}

/** A deterministic scenario: one growth for everyone (0 when omitted), per segment, or per dealer. */
export interface RebateDeterministicScenario extends RebateScenarioBase {
  /** Everyone's growth, a fraction (0.08 = +8 %; 0 when omitted). */
  growth?: DecimalInput;
}

/** A stochastic scenario: growth drawn `runs` times from a distribution by a generator seeded with `seed`. */
export interface RebateStochasticScenario extends RebateScenarioBase {
  /** The distribution every dealer's growth is drawn from. */
  growth: RebateGrowthDistribution;
  /** How many runs (1 to 1,000,000). */
  runs: number;
  /** The generator's seed, a whole number from 0 to 2^53 − 1: the same seed gives the same figures everywhere. */
  seed: number;
  /** `'totals'` (the default): keep each run's totals only; `'dealers'`: also every dealer's figures in every run (memory grows with runs × dealers). */
  keep?: 'totals' | 'dealers';
}

/** A scenario: deterministic (a growth, or none) or stochastic (a growth distribution, runs and a seed). */
export type RebateScenario = RebateDeterministicScenario | RebateStochasticScenario;

/** A dealer's facts as a scenario projects them: a valid input of `calculateRebate`. */
export interface RebateProjectedFacts {
  /** The dealer's id. */
  id: string | number;
  /** Gross sales. */
  sales: Decimal;
  /** Returns. */
  returns: Decimal;
  /** Gross units, when the network gives them. */
  quantity?: Decimal;
  /** Returned units, when the network gives them. */
  returnedQuantity?: Decimal;
  /** The target, when the network or the scenario gives one. */
  target?: Decimal;
  /** The baseline, when the network or the scenario gives one. */
  baseline?: Decimal;
  /** Metric values. */
  metrics: Record<string, Decimal>;
}

// ---------------------------------------------------------------------------------------------
// Outputs shared by the design functions

/** How many dealers reached a tier and what they earn there. */
export interface RebateTierTally {
  /** The tier's index in the program. */
  index: number;
  /** The tier's name, or null. */
  name: string | null;
  /** Dealers in the tier. */
  dealers: number;
  /** Σ their rebates. */
  rebate: Decimal;
  /** Σ their benefits (every benefit of the tier, all names). */
  benefits: Decimal;
}

/** A dealer among the largest rebates. */
export interface RebateTopDealer {
  /** The dealer's id. */
  id: string | number;
  /** Its rebate. */
  rebate: Decimal;
  /** Its tier. */
  tier: RebateTierRef;
}

// ---------------------------------------------------------------------------------------------
// Schemas

const MAX_RUNS = 1_000_000;
const nameSchema = z.string().check(z.minLength(1));
const wholeSchema = z.number().check(z.int());

const dealerShape = z.strictObject({
  id: rowIdSchema,
  segment: z.optional(nameSchema),
  sales: nonNegativeDecimalSchema,
  returns: z.optional(nonNegativeDecimalSchema),
  quantity: z.optional(nonNegativeDecimalSchema),
  returnedQuantity: z.optional(nonNegativeDecimalSchema),
  target: z.optional(decimalSchema),
  baseline: z.optional(nonNegativeDecimalSchema),
  metrics: z.optional(metricsSchema),
});

const overrideShape = z.strictObject({
  growth: z.optional(decimalSchema),
  sales: z.optional(nonNegativeDecimalSchema),
  returns: z.optional(nonNegativeDecimalSchema),
  quantity: z.optional(nonNegativeDecimalSchema),
  returnedQuantity: z.optional(nonNegativeDecimalSchema),
  target: z.optional(decimalSchema),
  baseline: z.optional(nonNegativeDecimalSchema),
  metrics: z.optional(metricsSchema),
});

const distributionShape = z.strictObject({
  mean: decimalSchema,
  sd: decimalSchema,
  distribution: z.enum(['normal', 'lognormal']),
  correlation: z.optional(fractionSchema),
});

const scenarioShape = z.strictObject({
  name: nameSchema,
  // A number (deterministic) or a distribution (stochastic): read by hand, so each form reports its own issues.
  growth: z.optional(z.unknown()),
  segments: z.optional(z.record(z.string(), decimalSchema)),
  dealers: z.optional(z.record(z.string(), overrideShape)),
  targetGrowth: z.optional(decimalSchema),
  runs: z.optional(wholeSchema),
  seed: z.optional(wholeSchema),
  keep: z.optional(z.enum(['totals', 'dealers'])),
});

const scenariosShape = z.array(scenarioShape).check(z.minLength(1));

type ParsedOverride = z.output<typeof overrideShape>;

/** @internal */
export const progressShape = z.optional(
  z.custom<(done: number, total: number) => void>((v) => typeof v === 'function', { error: 'must be a function (done, total) => void' }),
);
/** @internal */
export const onErrorShape = z.optional(z.enum(['throw', 'collect']));
/** @internal */
export const ratioScaleShape = z.optional(scaleSchema);

// ---------------------------------------------------------------------------------------------
// The network

/** A dealer of the network after validation. @internal */
export interface DesignDealer {
  /** Position in the network. */
  index: number;
  id: string | number;
  /** The path segment naming the dealer (its id). */
  key: string;
  segment: string | null;
  facts: RebateFacts;
}

/** The network after validation: the good dealers, and how many were refused (collect mode). @internal */
export interface DesignNetwork {
  dealers: DesignDealer[];
  failed: number;
  warnings: Warning[];
  byKey: Map<string, DesignDealer>;
  segments: Set<string>;
}

/**
 * Validates a network once for the programs it will be run through: every dealer's fields, unique
 * ids, and the facts each program needs (a target for an attainment basis …), each error named by
 * the dealer's id (`network[D05].target`). @internal
 */
export function parseNetwork(network: unknown, programs: readonly DesignProgram[], onError: BatchErrorMode): DesignNetwork {
  const run = runBatch<unknown, DesignDealer>(
    network,
    'network',
    (row, index) => {
      if (typeof row === 'object' && row !== null && !Array.isArray(row) && (row as { id?: unknown }).id === undefined) {
        invalid(['id'], M.dealerIdRequired, { code: 'required', expected: 'a string or a number' });
      }
      const d = parseWith(dealerShape, row, []);
      const facts = factsOf(d);
      for (const dp of programs) checkFacts(dp.program, dp.internals, facts, (field, ...rest) => [field, ...rest]);
      return { index, id: d.id, key: String(d.id), segment: d.segment ?? null, facts };
    },
    { onError, onProgress: undefined },
  );
  const dealers: DesignDealer[] = [];
  for (const row of run.rows) if (row.ok) dealers.push(row.result);
  if (dealers.length === 0 && run.failed === 0) invalid(['network'], M.networkEmpty, { code: 'too_short', limit: '1' });
  const warnings: Warning[] = run.failed === 0 ? [] : [{ code: 'rows-refused', message: M.dealersRefused(run.failed, run.rows.length), path: ['network'] }];
  const byKey = new Map<string, DesignDealer>();
  const segments = new Set<string>();
  for (const d of dealers) {
    byKey.set(d.key, d);
    if (d.segment !== null) segments.add(d.segment);
  }
  return { dealers, failed: run.failed, warnings, byKey, segments };
}

// ---------------------------------------------------------------------------------------------
// Scenarios

/** A deterministic scenario after validation. @internal */
export interface DeterministicPlan {
  kind: 'deterministic';
  index: number;
  name: string;
  growth: Decimal;
  segments: Map<string, Decimal>;
  overrides: Map<string, ParsedOverride>;
  targetGrowth: Decimal;
  warnings: Warning[];
}

/** A stochastic scenario after validation. @internal */
export interface StochasticPlan {
  kind: 'stochastic';
  index: number;
  name: string;
  mean: Decimal;
  sd: Decimal;
  distribution: 'normal' | 'lognormal';
  correlation: Decimal;
  runs: number;
  seed: number;
  keep: 'totals' | 'dealers';
  segments: Map<string, Decimal>;
  overrides: Map<string, ParsedOverride>;
  targetGrowth: Decimal;
  warnings: Warning[];
}

/** A scenario after validation. @internal */
export type ScenarioPlan = DeterministicPlan | StochasticPlan;

const MINUS_ONE = ONE.negated();

/** A whole-number growth of 1 or more (5 for +500 %) is most likely a percentage written as a whole number. */
function percentLike(g: Decimal): boolean {
  return g.gte(ONE) && g.isInteger();
}

/**
 * Validates scenarios against a network: unique names, known dealer ids and segments, growths of at
 * least −100 % (a stochastic mean above it), a non-negative sd, runs and a seed for every stochastic
 * scenario. Every problem is reported at once, each with its path. @internal
 */
export function parseScenarios(scenarios: unknown, network: DesignNetwork, base: IssuePath = ['scenarios'], single = false): ScenarioPlan[] {
  const list = single ? [parseWith(scenarioShape, scenarios, base)] : parseWith(scenariosShape, scenarios, base);
  const issues = new IssueCollector();
  const names = new Map<string, number>();
  const plans: ScenarioPlan[] = [];
  list.forEach((s, i) => {
    const at = (...p: (string | number)[]): (string | number)[] => (single ? [...base, ...p] : [...base, i, ...p]);
    const warnings: Warning[] = [];
    const first = names.get(s.name);
    if (first !== undefined) issues.add(at('name'), M.scenarioListedTwice(s.name, first), 'invalid_input', { code: 'duplicate', received: JSON.stringify(s.name) });
    else names.set(s.name, i);
    const stochastic = typeof s.growth === 'object' && s.growth !== null && !isDecimalValue(s.growth);
    let growthValue: Decimal | z.output<typeof distributionShape> | undefined;
    if (s.growth !== undefined) {
      try {
        growthValue = stochastic ? parseWith(distributionShape, s.growth, at('growth')) : parseWith(decimalSchema, s.growth, at('growth'));
      } catch (e) {
        issues.addError(wrapThrown(e));
      }
    }
    // A growth is at least −1 (−100 %: no sales); a stochastic mean must lie above it.
    const checkGrowth = (g: Decimal, path: (string | number)[], strict: boolean): void => {
      if (strict ? g.lte(MINUS_ONE) : g.lt(MINUS_ONE)) {
        issues.add(path, strict ? M.meanNotAboveMinusOne(g.toString()) : M.growthBelowMinusOne(g.toString()), 'out_of_range', {
          code: 'out_of_range',
          expected: strict ? 'greater than -1' : 'at least -1',
          received: g.toString(),
          limit: '-1',
        });
      } else if (percentLike(g)) {
        warnings.push({ code: 'percent-like-growth', message: M.percentLikeGrowth(g.toString()), path });
      }
    };
    const segments = new Map<string, Decimal>();
    for (const [seg, g] of Object.entries(s.segments ?? {})) {
      if (!network.segments.has(seg)) {
        issues.add(at('segments', seg), M.unknownSegment(seg), 'unknown_label', { code: 'unknown_label', received: JSON.stringify(seg) });
      } else checkGrowth(g, at('segments', seg), stochastic);
      segments.set(seg, g);
    }
    const overrides = new Map<string, ParsedOverride>();
    for (const [id, o] of Object.entries(s.dealers ?? {})) {
      if (!network.byKey.has(id)) {
        issues.add(at('dealers', id), M.unknownDealer(id), 'unknown_label', { code: 'unknown_label', received: JSON.stringify(id) });
        continue;
      }
      if (o.growth !== undefined) checkGrowth(o.growth, at('dealers', id, 'growth'), stochastic);
      overrides.set(id, o);
    }
    const targetGrowth = s.targetGrowth ?? ZERO;
    if (targetGrowth.lte(MINUS_ONE)) {
      issues.add(at('targetGrowth'), M.targetGrowthNotAboveMinusOne(targetGrowth.toString()), 'out_of_range', {
        code: 'out_of_range',
        expected: 'greater than -1',
        received: targetGrowth.toString(),
        limit: '-1',
      });
    } else if (percentLike(targetGrowth)) warnings.push({ code: 'percent-like-growth', message: M.percentLikeGrowth(targetGrowth.toString()), path: at('targetGrowth') });

    if (!stochastic) {
      for (const field of ['runs', 'seed', 'keep'] as const) {
        if (s[field] !== undefined) issues.add(at(field), M.stochasticOnly(field), 'invalid_input', { code: 'inconsistent' });
      }
      const growth = (growthValue as Decimal | undefined) ?? ZERO;
      checkGrowth(growth, at('growth'), false);
      plans.push({ kind: 'deterministic', index: i, name: s.name, growth, segments, overrides, targetGrowth, warnings });
      return;
    }
    const g = (growthValue as z.output<typeof distributionShape> | undefined) ?? { mean: ZERO, sd: ZERO, distribution: 'normal' as const, correlation: undefined };
    if (growthValue !== undefined) {
      checkGrowth(g.mean, at('growth', 'mean'), true);
      if (g.sd.isNegative() && !g.sd.isZero()) {
        issues.add(at('growth', 'sd'), M.sdNegative(g.sd.toString()), 'out_of_range', { code: 'out_of_range', expected: 'at least 0', received: g.sd.toString(), limit: '0' });
      } else if (percentLike(g.sd)) warnings.push({ code: 'percent-like-growth', message: M.percentLikeGrowth(g.sd.toString()), path: at('growth', 'sd') });
    }
    if (s.runs === undefined) issues.add(at('runs'), M.runsRequired, 'invalid_input', { code: 'required', expected: 'a whole number from 1' });
    else if (s.runs < 1 || s.runs > MAX_RUNS) {
      issues.add(at('runs'), M.runsOutOfRange(MAX_RUNS, s.runs), 'out_of_range', {
        code: 'out_of_range',
        expected: `from 1 to ${MAX_RUNS}`,
        received: String(s.runs),
        limit: s.runs < 1 ? '1' : String(MAX_RUNS),
      });
    }
    if (s.seed === undefined) issues.add(at('seed'), M.seedRequired, 'invalid_input', { code: 'required', expected: 'a whole number from 0' });
    else if (s.seed < 0) issues.add(at('seed'), M.seedNegative(s.seed), 'out_of_range', { code: 'out_of_range', expected: 'at least 0', received: String(s.seed), limit: '0' });
    plans.push({
      kind: 'stochastic',
      index: i,
      name: s.name,
      mean: g.mean,
      sd: g.sd,
      distribution: g.distribution,
      correlation: g.correlation ?? ZERO,
      runs: s.runs ?? 1,
      seed: s.seed ?? 0,
      keep: s.keep ?? 'totals',
      segments,
      overrides,
      targetGrowth,
      warnings,
    });
  });
  issues.throwIfAny();
  return plans;
}

function isDecimalValue(v: unknown): boolean {
  return typeof (v as { toFixed?: unknown }).toFixed === 'function';
}

// ---------------------------------------------------------------------------------------------
// Projection

/** x × (1 + g), rounded half-up to `places`. */
function grown(x: Decimal, factor: Decimal, places: number): Decimal {
  return roundDecimal(x.times(factor), places, 'half-up');
}

/** The growth a scenario gives a dealer: its override's, its segment's, or the scenario's (a stochastic scenario's mean). @internal */
export function growthOf(plan: ScenarioPlan, dealer: DesignDealer): Decimal {
  const own = plan.overrides.get(dealer.key)?.growth;
  if (own !== undefined) return own;
  const seg = dealer.segment === null ? undefined : plan.segments.get(dealer.segment);
  if (seg !== undefined) return seg;
  return plan.kind === 'deterministic' ? plan.growth : plan.mean;
}

/** The facts a scenario keeps fixed for a dealer (target, baseline, metrics), with its override. @internal */
export function keptFacts(plan: ScenarioPlan, dealer: DesignDealer, scale: number): RebateFacts {
  const o = plan.overrides.get(dealer.key);
  const f = dealer.facts;
  let target = o?.target ?? f.target;
  if (o?.target === undefined && target !== null && !plan.targetGrowth.isZero()) target = grown(target, ONE.plus(plan.targetGrowth), scale);
  return {
    ...f,
    target,
    baseline: o?.baseline ?? f.baseline,
    metrics: o?.metrics === undefined ? f.metrics : { ...f.metrics, ...o.metrics },
  };
}

/**
 * A dealer's facts under a deterministic scenario: sales, returns, units and returned units ×
 * (1 + growth), money rounded half-up to the money scale and units to the places they were given
 * with; explicit override facts as given. @internal
 */
export function projectDeterministic(plan: DeterministicPlan, dealer: DesignDealer, scale: number): { facts: RebateFacts; growth: Decimal } {
  const o = plan.overrides.get(dealer.key);
  const g = growthOf(plan, dealer);
  const factor = ONE.plus(g);
  const kept = keptFacts(plan, dealer, scale);
  const f = dealer.facts;
  const units = (x: Decimal | null, given: Decimal | undefined): Decimal | null => given ?? (x === null ? null : grown(x, factor, x.decimalPlaces()));
  return {
    growth: g,
    facts: {
      ...kept,
      sales: o?.sales ?? grown(f.sales!, factor, scale),
      returns: o?.returns ?? grown(f.returns, factor, scale),
      quantity: units(f.quantity, o?.quantity),
      returnedQuantity: units(f.returnedQuantity, o?.returnedQuantity) ?? ZERO,
    },
  };
}

/** Projected facts as a `calculateRebate` input. @internal */
export function inputOf(id: string | number, facts: RebateFacts): RebateProjectedFacts {
  const out: RebateProjectedFacts = { id, sales: facts.sales ?? ZERO, returns: facts.returns, metrics: { ...facts.metrics } };
  if (facts.quantity !== null) out.quantity = facts.quantity;
  if (facts.quantity !== null || !facts.returnedQuantity.isZero()) out.returnedQuantity = facts.returnedQuantity;
  if (facts.target !== null) out.target = facts.target;
  if (facts.baseline !== null) out.baseline = facts.baseline;
  return out;
}

// ---------------------------------------------------------------------------------------------
// A program prepared for many evaluations

/** A program prepared once for a design run. @internal */
export interface DesignProgram {
  program: RebateProgram;
  internals: ProgramInternals;
  /** The figures-only context (no steps, texts or warnings). */
  figures: EvaluateContext;
  ratioScale: number;
  refs: readonly RebateTierRef[];
  scale: number;
  /** 10^scale. */
  unit: number;
  /** Per tier, Σ its benefits in minor units (what an eligible dealer in it earns beside the rebate). */
  benefitUnits: number[];
  /** Per tier, Σ its benefits. */
  benefitTotals: Decimal[];
  /** The program's display name, or `program 1` … */
  label: string;
  /** The batch path's form of the program (null when the program does not fit it: another basis, units …). */
  fast: FastProgram | null;
}

/** Prepares a program (or a spec, defined on the spot) for a design run; errors under `path`. @internal */
export function designProgramOf(program: unknown, path: IssuePath, ratioScale: number | undefined, position = 0): DesignProgram {
  const { program: p, internals } = resolveProgram(program, path);
  const scale = p.rounding.scale;
  const benefitTotals = p.tiers.map((t) => t.benefits.reduce((sum, b) => sum.plus(b.amount), ZERO));
  return {
    program: p,
    internals,
    figures: contextOf(p, ratioScale, undefined, false),
    ratioScale: ratioScale ?? p.ratioScale,
    refs: tierRefsOf(p),
    scale,
    unit: 10 ** scale,
    benefitUnits: benefitTotals.map((b) => b.times(10 ** scale).toNumber()),
    benefitTotals,
    label: p.name ?? M.programLabel(position),
    fast: internals.needsQuantity ? null : prepareFastDesign(p),
  };
}

/** The explained context of one dealer: warnings name the dealer's path in the network. @internal */
export function explainedContext(dp: DesignProgram, dealer: DesignDealer): EvaluateContext {
  return contextOf(dp.program, dp.ratioScale, (field, ...rest) => ['network', dealer.key, field, ...rest], true);
}

/** Checks projected facts hold what the program needs, naming the dealer (`scenarios[1].dealers[D05].target`). @internal */
export function checkProjected(dp: DesignProgram, facts: RebateFacts, dealer: DesignDealer, base: IssuePath): void {
  checkFacts(dp.program, dp.internals, facts, (field, ...rest) => [...base, dealer.key, field, ...rest]);
}

/** A rebate as a whole number of minor units (it has at most `scale` places). @internal */
export function unitsOfRebate(rebate: Decimal, unit: number): number {
  return rebate.times(unit).toNumber();
}

/** Plain-number metrics for the scaled-integer path, or null when one is not exactly a number. */
function plainMetricsOf(metrics: Readonly<Record<string, Decimal>>): Record<string, number> | null {
  const out: Record<string, number> = {};
  for (const key of Object.keys(metrics)) {
    const d = metrics[key]!;
    const n = d.toNumber();
    if (String(n) !== d.toString()) return null;
    out[key] = n;
  }
  return out;
}

/** False when a failed `'zero'` gate (or a failed gate with factor 0) makes the dealer ineligible: no benefits. @internal */
export function eligibleUnder(program: RebateProgram, metrics: Readonly<Record<string, Decimal>>): boolean {
  for (const g of program.gates) {
    if (!compareMetric(metrics[g.metric]!, g.op, g.value) && (g.zero || g.failFactor.isZero())) return false;
  }
  return true;
}

/**
 * A program on the batch path over a list of dealers: the program's scaled-integer form once, and
 * per dealer its axis (bounds × its target, its award threshold) and its gates' and multipliers'
 * factors, read once for many runs, in typed arrays. @internal
 */
export interface FastDealers {
  form: FastProgram;
  /** Per dealer, 2n + 1 numbers from d × stride (see fast.ts's FastProgram.axis). */
  axis: Float64Array;
  stride: number;
  /** Per dealer, FACTORS numbers from d × FACTORS. */
  factors: Float64Array;
  /** 1 when the dealer takes the batch path, 0 for the Decimal path. */
  ok: Uint8Array;
}

/** The batch path of a program over dealers' facts, or null when the program does not fit it (then {@link priceDecimal} computes every dealer). @internal */
export function fastDealersOf(dp: DesignProgram, facts: readonly RebateFacts[]): FastDealers | null {
  const form = dp.fast;
  if (form === null) return null;
  const D = facts.length;
  const stride = 2 * form.n + 1;
  const axis = new Float64Array(D * stride);
  const factors = new Float64Array(D * FACTORS);
  const ok = new Uint8Array(D);
  for (let d = 0; d < D; d++) {
    const f = facts[d]!;
    const metrics = plainMetricsOf(f.metrics);
    ok[d] = metrics !== null && fastAxisOf(dp.program, form, f.target, axis, d * stride) && readFactors(form, metrics, undefined, true, factors, d * FACTORS) ? 1 : 0;
  }
  return { form, axis, stride, factors, ok };
}

/** Dealer `d`'s rebate in minor units of net sales `net` (minor units) on the batch path, its tier in `tierOut[0]`; −1 when that path declines it. @internal */
export function priceFast(fd: FastDealers, d: number, net: number, tierOut: number[]): number {
  // A negative net warns (negative-net): the Decimal path reports it.
  if (fd.ok[d] !== 1 || net < 0) return -1;
  return priceUnits(fd.form, net, fd.axis, d * fd.stride, fd.factors, d * FACTORS, tierOut);
}

/** The rebate of a dealer on the Decimal path (figures only): the engine's evaluate. @internal */
export function priceDecimal(dp: DesignProgram, facts: RebateFacts): RebateResult {
  return evaluate(dp.program, facts, null, dp.figures);
}

/** One dealer's figures under a program: its rebate, tier and benefits. @internal */
export interface DealerFigures {
  rebate: Decimal;
  tier: number;
  benefits: Decimal;
  /** The full figures (nextTier …) when the Decimal path computed them, else null. */
  result: RebateResult | null;
}

/**
 * Every dealer's rebate under a program on given facts: the batch path where the dealer fits it
 * (whole minor units), the Decimal path otherwise; exact either way. @internal
 */
export function priceAll(dp: DesignProgram, facts: readonly RebateFacts[]): DealerFigures[] {
  const fd = fastDealersOf(dp, facts);
  const tierOut = [0];
  return facts.map((f, d) => {
    let units = -1;
    if (fd !== null && f.sales !== null) {
      const net = f.sales.minus(f.returns).times(dp.unit);
      if (net.isInteger()) units = priceFast(fd, d, net.toNumber(), tierOut);
    }
    if (units >= 0) {
      const tier = tierOut[0]!;
      return { rebate: moneyOf(units, dp.scale), tier, benefits: eligibleUnder(dp.program, f.metrics) ? dp.benefitTotals[tier]! : ZERO, result: null };
    }
    const r = priceDecimal(dp, f);
    let benefits = ZERO;
    for (const b of r.benefits) benefits = benefits.plus(b.amount);
    return { rebate: r.rebate, tier: r.tier.index, benefits, result: r };
  });
}

/** Minor units as a Decimal at the program's scale. @internal */
export function moneyOf(units: number, scale: number): Decimal {
  return decimalFromScaled(units, scale);
}

// ---------------------------------------------------------------------------------------------
// Program specs (for sensitivity: a program with one threshold or rate moved)

/** The spec of a defined program, so that a variant can be defined by the same validation. @internal */
export function specOf(p: RebateProgram): RebateProgramSpec {
  const spec: RebateProgramSpec = {
    currency: p.currency,
    rounding: { scale: p.rounding.scale, mode: p.rounding.mode, stage: p.rounding.stage },
    basis: p.basis,
    method: p.method,
    tiers: p.tiers.map((t) => {
      const tier: RebateProgramSpec['tiers'][number] = p.bounds === 'from' ? { from: t.from } : { upTo: t.to };
      if (t.rate !== null) tier.rate = t.rate;
      if (t.perUnit !== null) tier.perUnit = t.perUnit;
      if (t.fixed !== null) tier.fixed = t.fixed;
      if (t.name !== null) tier.name = t.name;
      if (t.benefits.length > 0) tier.benefits = Object.fromEntries(t.benefits.map((b) => [b.name, b.amount]));
      return tier;
    }),
    ratioScale: p.ratioScale,
  };
  if (p.name !== null) spec.name = p.name;
  if (p.applyTo !== null && p.applyTo !== 'increment') spec.applyTo = p.applyTo;
  if (p.zeroBaseline !== null) spec.zeroBaseline = p.zeroBaseline;
  if (p.overAchievement !== null) {
    spec.overAchievement = { above: p.overAchievement.above, rate: p.overAchievement.rate };
    if (p.overAchievement.cap !== null) spec.overAchievement.cap = p.overAchievement.cap;
  }
  if (p.gates.length > 0) spec.gates = p.gates.map((g) => ({ metric: g.metric, op: g.op, value: g.value, onFail: g.zero ? 'zero' : { factor: g.failFactor } }));
  if (p.multipliers.length > 0) spec.multipliers = p.multipliers.map((m) => ({ metric: m.metric, bands: m.bands.map((b) => ({ from: b.from, factor: b.factor })) }));
  if (p.cap !== null) {
    spec.cap = {};
    if (p.cap.amount !== null) spec.cap.amount = p.cap.amount;
    if (p.cap.rateOfBase !== null) spec.cap.rateOfBase = p.cap.rateOfBase;
  }
  if (p.minimum !== null) spec.minimum = { amount: p.minimum.amount, whenBelow: p.minimum.whenBelow };
  if (p.settlement !== null) spec.settlement = { advance: p.settlement.advance, holdbackRate: p.settlement.holdbackRate, negativeTrueUp: p.settlement.negativeTrueUp };
  return spec;
}

// ---------------------------------------------------------------------------------------------
// Tallies of exact per-dealer results

/** Exact totals over dealers' results: rebate, benefits by name, net sales, paid dealers, per tier. @internal */
export class ExactTally {
  rebate = ZERO;
  netSales = ZERO;
  paidNetSales = ZERO;
  paid = 0;
  readonly benefits = new Map<string, Decimal>();
  readonly tierDealers: number[];
  readonly tierRebates: Decimal[];
  readonly tierBenefits: Decimal[];
  readonly top: RebateTopDealer[] = [];

  constructor(private readonly dp: DesignProgram) {
    const n = dp.program.tiers.length;
    this.tierDealers = new Array<number>(n).fill(0);
    this.tierRebates = new Array<Decimal>(n).fill(ZERO);
    this.tierBenefits = new Array<Decimal>(n).fill(ZERO);
  }

  add(id: string | number, r: RebateResult): void {
    const k = r.tier.index;
    this.rebate = this.rebate.plus(r.rebate);
    const net = r.netAmount ?? ZERO;
    this.netSales = this.netSales.plus(net);
    if (r.rebate.gt(0)) {
      this.paid++;
      this.paidNetSales = this.paidNetSales.plus(net);
    }
    this.tierDealers[k]!++;
    this.tierRebates[k] = this.tierRebates[k]!.plus(r.rebate);
    for (const b of r.benefits) {
      this.benefits.set(b.name, (this.benefits.get(b.name) ?? ZERO).plus(b.amount));
      this.tierBenefits[k] = this.tierBenefits[k]!.plus(b.amount);
    }
    this.top.push({ id, rebate: r.rebate, tier: this.dp.refs[k]! });
  }

  benefitList(): RebateBenefit[] {
    return [...this.benefits].map(([name, amount]) => ({ name, amount }));
  }

  benefitTotal(): Decimal {
    let s = ZERO;
    for (const v of this.benefits.values()) s = s.plus(v);
    return s;
  }

  tiers(): RebateTierTally[] {
    return this.dp.program.tiers.map((t, k) => ({
      index: k,
      name: t.name,
      dealers: this.tierDealers[k]!,
      rebate: this.tierRebates[k]!,
      benefits: this.tierBenefits[k]!,
    }));
  }

  /** The `count` largest rebates, ties in network order. */
  topDealers(count: number): RebateTopDealer[] {
    return this.top
      .map((t, i) => [t, i] as const)
      .sort((a, b) => b[0].rebate.comparedTo(a[0].rebate) || a[1] - b[1])
      .slice(0, count)
      .map(([t]) => t);
  }
}

/** A quotient reported to `ratioScale` places, or null over 0. @internal */
export function ratioOf(num: Decimal, den: Decimal, ratioScale: number): Decimal | null {
  return den.isZero() ? null : roundRatio(num.div(den), ratioScale);
}

// ---------------------------------------------------------------------------------------------
// Statistics of run totals (plain numbers, as statistics are)

/** Statistics of a stochastic figure over the runs, in money (plain numbers). */
export interface RebateRunStatistics {
  /** The mean over the runs. */
  mean: number;
  /** The sample standard deviation (n − 1; 0 for a single run). */
  sd: number;
  /** The 5th percentile (linear between order statistics, as Excel's PERCENTILE.INC). */
  p5: number;
  /** The median. */
  p50: number;
  /** The 95th percentile. */
  p95: number;
  /** The smallest run. */
  min: number;
  /** The largest run. */
  max: number;
}

/** Statistics of values in minor units, reported in money. @internal */
export function statisticsOf(values: Float64Array, unit: number): RebateRunStatistics {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    ss += d * d;
  }
  const sorted = Float64Array.from(values).sort();
  const pct = (p: number): number => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const hi = lo + 1 < n ? lo + 1 : lo;
    return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
  };
  return {
    mean: mean / unit,
    sd: n > 1 ? sqrtNumber(ss / (n - 1)) / unit : 0,
    p5: pct(0.05) / unit,
    p50: pct(0.5) / unit,
    p95: pct(0.95) / unit,
    min: sorted[0]! / unit,
    max: sorted[n - 1]! / unit,
  };
}

// ---------------------------------------------------------------------------------------------
// Formatting for step texts and explanations

/** Separators of a locale. @internal */
export type Seps = ReturnType<typeof separatorsOf>;

/** English separators. @internal */
export const EN_SEPS: Seps = separatorsOf(undefined, []);

/** Money at the money scale (`1,234,567.00`). @internal */
export function fmtMoney(d: Decimal, scale: number, seps: Seps = EN_SEPS): string {
  return groupDigits(roundDecimal(d, scale, 'half-up').toFixed(scale), seps);
}

/** A statistic in money, rounded half-up to the money scale. @internal */
export function fmtStat(x: number, scale: number, seps: Seps = EN_SEPS): string {
  return groupDigits((Math.round(x * 10 ** scale) / 10 ** scale).toFixed(scale), seps);
}

/** A ratio as a percentage with `places` places (`0.0147` → `1.47 %`). @internal */
export function fmtPct(ratio: Decimal | number, places = 2, seps: Seps = EN_SEPS): string {
  const d = typeof ratio === 'number' ? ratio * 100 : ratio.times(100);
  const text = typeof d === 'number' ? (Math.round(d * 10 ** places) / 10 ** places).toFixed(places) : roundDecimal(d, places, 'half-up').toFixed(places);
  return `${groupDigits(text, seps)} %`;
}

/** A growth as a signed percentage, every digit (`0.08` → `+8 %`). @internal */
export function fmtGrowth(g: Decimal, seps: Seps = EN_SEPS): string {
  const pct = g.times(100);
  return `${pct.isNegative() && !pct.isZero() ? '−' : '+'}${groupDigits(pct.abs().toFixed(), seps)} %`;
}

/** A figure with its sign (`+18.00`, `−200.00`), at `scale` places or every digit (null). @internal */
export function fmtSigned(d: Decimal, scale: number | null, seps: Seps = EN_SEPS): string {
  const abs = d.abs();
  const text = scale === null ? groupDigits(abs.toFixed(), seps) : fmtMoney(abs, scale, seps);
  return `${d.isNegative() && !d.isZero() ? '−' : '+'}${text}`;
}

/** A value in the units of a program's basis: a percentage for ratios, money for amounts, units. @internal */
export function fmtBasisValue(basis: RebateBasis, scale: number, v: Decimal, seps: Seps = EN_SEPS): string {
  if (basis === 'attainment' || basis === 'growthRate') return fmtPct(v, 2, seps);
  if (basis === 'quantity') return groupDigits(v.toFixed(), seps);
  return fmtMoney(v, scale, seps);
}

/** A change in the units of a program's basis: points of a percentage for ratios (`−5.00 points`), money, units. @internal */
export function fmtBasisDelta(basis: RebateBasis, scale: number, delta: Decimal, seps: Seps = EN_SEPS): string {
  if (basis === 'attainment' || basis === 'growthRate') return `${fmtSigned(roundDecimal(delta.times(100), 2, 'half-up'), 2, seps)} points`;
  return fmtSigned(delta, basis === 'quantity' ? null : scale, seps);
}

/** A tier's label: its name, or `tier 2`. @internal */
export function tierLabel(ref: { index: number; name: string | null }): string {
  return ref.name ?? M.tierNumber(ref.index);
}

/** A count with its noun (`1 dealer`, `3 dealers`). @internal */
export function count(n: number, noun: string): string {
  return `${groupDigits(String(n), EN_SEPS)} ${noun}${n === 1 ? '' : 's'}`;
}

// ---------------------------------------------------------------------------------------------
// Progress

/** Calls `onProgress(done, total)` at most about 200 times; an exception it throws is reported as the option's error. @internal */
export class Progress {
  private next: number;
  private readonly every: number;
  private done = 0;

  constructor(
    private readonly onProgress: ((done: number, total: number) => void) | undefined,
    private readonly total: number,
  ) {
    this.every = Math.max(1, Math.ceil(total / 200));
    this.next = this.every;
  }

  add(n: number): void {
    if (this.onProgress === undefined) return;
    this.done += n;
    if (this.done >= this.next || this.done === this.total) {
      this.next = (Math.floor(this.done / this.every) + 1) * this.every;
      try {
        this.onProgress(this.done, this.total);
      } catch (thrown) {
        invalid(['options', 'onProgress'], M.progressThrew(thrown instanceof Error ? thrown.message : String(thrown)), { code: 'invalid_value' });
      }
    }
  }
}
