// The inputs of designing a program before paying it (the network, the scenarios, the options),
// their schemas, and the network's validation.
import * as z from 'zod/mini';
import { type Decimal, type DecimalInput } from '../core/decimal.js';
import { invalid } from '../core/errors.js';
import { runBatch, type BatchErrorMode } from '../core/batch.js';
import { decimalSchema, fractionSchema, nonNegativeDecimalSchema, parseWith, scaleSchema } from '../core/schema.js';
import type { Warning } from '../core/result.js';
import { checkFacts, factsOf, type RebateFacts, type RebateTierRef } from './engine.js';
import { metricsSchema, rowIdSchema, type RebateMetrics } from './engine.js';
import { DESIGN_MESSAGES as M } from './messages.js';
import { type DesignProgram } from './pricing.js';
import { lazySchema } from '../core/lazy.js';

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

/** The most runs a stochastic scenario may ask for. @internal */
export const MAX_RUNS = 1_000_000;
const nameSchema = lazySchema(() => z.string().check(z.minLength(1)));
const wholeSchema = lazySchema(() => z.number().check(z.int()));

const dealerShape = lazySchema(() => z.strictObject({
  id: rowIdSchema,
  segment: z.optional(nameSchema),
  sales: nonNegativeDecimalSchema,
  returns: z.optional(nonNegativeDecimalSchema),
  quantity: z.optional(nonNegativeDecimalSchema),
  returnedQuantity: z.optional(nonNegativeDecimalSchema),
  target: z.optional(decimalSchema),
  baseline: z.optional(nonNegativeDecimalSchema),
  metrics: z.optional(metricsSchema),
}));

const overrideShape = lazySchema(() => z.strictObject({
  growth: z.optional(decimalSchema),
  sales: z.optional(nonNegativeDecimalSchema),
  returns: z.optional(nonNegativeDecimalSchema),
  quantity: z.optional(nonNegativeDecimalSchema),
  returnedQuantity: z.optional(nonNegativeDecimalSchema),
  target: z.optional(decimalSchema),
  baseline: z.optional(nonNegativeDecimalSchema),
  metrics: z.optional(metricsSchema),
}));

/** @internal */
export const distributionShape = lazySchema(() => z.strictObject({
  mean: decimalSchema,
  sd: decimalSchema,
  distribution: z.enum(['normal', 'lognormal']),
  correlation: z.optional(fractionSchema),
}));

/** @internal */
export const scenarioShape = lazySchema(() => z.strictObject({
  name: nameSchema,
  // A number (deterministic) or a distribution (stochastic): read by hand, so each form reports its own issues.
  growth: z.optional(z.unknown()),
  segments: z.optional(z.record(z.string(), decimalSchema)),
  dealers: z.optional(z.record(z.string(), overrideShape)),
  targetGrowth: z.optional(decimalSchema),
  runs: z.optional(wholeSchema),
  seed: z.optional(wholeSchema),
  keep: z.optional(z.enum(['totals', 'dealers'])),
}));

/** @internal */
export const scenariosShape = lazySchema(() => z.array(scenarioShape).check(z.minLength(1)));

/** A dealer's override after validation. @internal */
export type ParsedOverride = z.output<typeof overrideShape>;

/** @internal */
export const progressShape = lazySchema(() => z.optional(
  z.custom<(done: number, total: number) => void>((v) => typeof v === 'function', { error: 'must be a function (done, total) => void' }),
));
/** @internal */
export const onErrorShape = lazySchema(() => z.optional(z.enum(['throw', 'collect'])));
/** @internal */
export const ratioScaleShape = lazySchema(() => z.optional(scaleSchema));

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
  /** The dealers' segments (null for a dealer without one: no scenario names it, segment names are not empty). */
  segments: Set<string | null>;
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
  const segments = new Set<string | null>();
  for (const d of dealers) {
    byKey.set(d.key, d);
    segments.add(d.segment);
  }
  return { dealers, failed: run.failed, warnings, byKey, segments };
}
