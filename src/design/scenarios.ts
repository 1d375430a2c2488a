// Scenarios: their validation against a network, and the projection of last period's facts into
// a scenario's.
import * as z from 'zod/mini';
import { ONE, ZERO, type Decimal } from '../core/decimal.js';
import { IssueCollector, wrapThrown, type IssuePath } from '../core/errors.js';
import { roundDecimal } from '../core/money.js';
import { decimalSchema, parseWith } from '../core/schema.js';
import type { Warning } from '../core/result.js';
import { type RebateFacts } from './engine.js';
import { DESIGN_MESSAGES as M } from './messages.js';
import { MAX_RUNS, distributionShape, scenarioShape, scenariosShape, type DesignDealer, type DesignNetwork, type ParsedOverride, type RebateProjectedFacts } from './network.js';

// ---------------------------------------------------------------------------------------------
// Scenarios

/** A deterministic scenario after validation. @internal */
export interface DeterministicPlan {
  kind: 'deterministic';
  index: number;
  name: string;
  growth: Decimal;
  /** Growth by segment name (a dealer's null segment is never a key). */
  segments: Map<string | null, Decimal>;
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
  /** keep: 'dealers': every dealer of every run is kept. */
  keepDealers: boolean;
  /** Growth by segment name (a dealer's null segment is never a key). */
  segments: Map<string | null, Decimal>;
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
    const segments = new Map<string | null, Decimal>();
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
    // Undefined only when the distribution was refused (its issue recorded): runs and seed are still checked.
    const g = growthValue as z.output<typeof distributionShape> | undefined;
    if (g !== undefined) {
      checkGrowth(g.mean, at('growth', 'mean'), true);
      // decimalSchema never gives a negative zero: negative is below 0.
      if (g.sd.isNegative()) {
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
    // A refused distribution, runs or seed has its issue recorded, thrown below before any plan is used.
    if (g === undefined) return;
    plans.push({
      kind: 'stochastic',
      index: i,
      name: s.name,
      mean: g.mean,
      sd: g.sd,
      distribution: g.distribution,
      correlation: g.correlation ?? ZERO,
      runs: s.runs!,
      seed: s.seed!,
      keepDealers: s.keep === 'dealers',
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
  const seg = plan.segments.get(dealer.segment);
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
      // Returned units are never null (0 when not given), so neither is their projection.
      returnedQuantity: units(f.returnedQuantity, o?.returnedQuantity)!,
    },
  };
}

/** Projected facts as a `calculateRebate` input. @internal */
export function inputOf(id: string | number, facts: RebateFacts): RebateProjectedFacts {
  // A design dealer always has sales (the network requires them, and every projection keeps them).
  const out: RebateProjectedFacts = { id, sales: facts.sales!, returns: facts.returns, metrics: { ...facts.metrics } };
  if (facts.quantity !== null) out.quantity = facts.quantity;
  if (facts.quantity !== null || !facts.returnedQuantity.isZero()) out.returnedQuantity = facts.returnedQuantity;
  if (facts.target !== null) out.target = facts.target;
  if (facts.baseline !== null) out.baseline = facts.baseline;
  return out;
}
