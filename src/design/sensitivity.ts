import { readResult } from '../core/result-check.js';
import { RebateSensitivityShape } from '../core/result-shapes.js';
import * as z from 'zod/mini';
import { ONE, ZERO, type Decimal } from '../core/decimal.js';
import { IssueCollector, invalid, unknownLabel, wrapThrown } from '../core/errors.js';
import { fmtExactPercent, separatorsOf } from '../core/format.js';
import type { ExplainOptions, Step, Warning } from '../core/result.js';
import { decimalSchema, parseWith } from '../core/schema.js';
import type { RebateFacts } from './engine.js';
import type { RebateTierRef } from './engine.js';
import type { RebateBasis } from './engine.js';
import { type DesignNetwork, onErrorShape, parseNetwork, progressShape, ratioScaleShape, type RebateDeterministicScenario, type RebateNetworkDealer } from './network.js';
import { type DeterministicPlan, parseScenarios, projectDeterministic } from './scenarios.js';
import { checkProjected, type DealerFigures, type DesignProgram, designProgramOf, priceAll, specOf } from './pricing.js';
import { count, EN_SEPS, fmtBasisDelta, fmtBasisValue, fmtMoney, fmtSigned, Progress, type Seps, tierLabel } from './format.js';
import { defineProgramAt, type RebateProgram } from './engine.js';
import { DESIGN_MESSAGES as M } from './messages.js';
import { lazySchema } from '../core/lazy.js';

/** One dealer's rebate, tier and benefits under a program. */
export interface RebateDealerFigures {
  /** The rebate. */
  rebate: Decimal;
  /** The tier reached. */
  tier: RebateTierRef;
  /** Σ the tier's benefits it earns (0 when ineligible). */
  benefits: Decimal;
}

/** A dealer whose rebate or tier a change moves: before and after. */
export interface RebateMovedDealer {
  /** The dealer's id. */
  id: string | number;
  /** Its segment, or null. */
  segment: string | null;
  /** Under the program as it is (or the first program of a comparison). */
  before: RebateDealerFigures;
  /** Under the program changed (or the other program). */
  after: RebateDealerFigures;
  /** after.rebate + after.benefits − before.rebate − before.benefits: what the change costs for the dealer. */
  change: Decimal;
}

/** The cost of the program with the threshold (or rate) moved by one delta. */
export interface RebateSensitivityPoint {
  /** The delta, in the basis's units (0.05 = 5 points of attainment) or as a rate (0.005 = 0.5 %). */
  delta: Decimal;
  /** The threshold (or rate) moved: the current one + delta. */
  value: Decimal;
  /** Σ rebates. */
  rebate: Decimal;
  /** Σ benefits. */
  benefits: Decimal;
  /** rebate + benefits. */
  cost: Decimal;
  /** cost − the program's cost as it is: the marginal cost of the change (0 at delta 0). */
  change: Decimal;
  /** Σ rebates − the rebates as they are. */
  rebateChange: Decimal;
  /** Dealers whose tier changes. */
  moved: number;
  /** Every dealer whose rebate, benefits or tier changes, in network order. */
  dealers: RebateMovedDealer[];
}

/** Step `base`: the program as it is. */
export interface RebateSensitivityBaseStep extends Step {
  code: 'base';
  /** The current threshold (or rate). */
  value: Decimal;
  /** Σ rebates. */
  rebate: Decimal;
  /** Σ rebates + benefits. */
  cost: Decimal;
}

/** Step `point`: one delta's program, defined by the same validation, over every dealer. */
export interface RebateSensitivityPointStep extends Step {
  code: 'point';
  /** The delta. */
  delta: Decimal;
  /** The threshold (or rate) moved. */
  value: Decimal;
  /** Σ rebates + benefits. */
  cost: Decimal;
  /** cost − the base cost. */
  change: Decimal;
  /** Dealers whose tier changes. */
  moved: number;
}

/** The result of {@link calculateThresholdSensitivity}. */
export interface RebateSensitivity {
  /** The tier whose threshold (or rate) moves. */
  tier: RebateTierRef;
  /** What moves. */
  move: 'threshold' | 'rate';
  /** The program's basis: the units of a threshold and its deltas. */
  basis: RebateBasis;
  /** Decimal places of money (the program's `rounding.scale`). */
  scale: number;
  /** The threshold (in the basis's units) or rate as it is. */
  value: Decimal;
  /** Σ rebates as it is. */
  rebate: Decimal;
  /** Σ benefits as it is. */
  benefits: Decimal;
  /** Σ rebates + benefits as it is. */
  cost: Decimal;
  /** One point per delta, in the order given. */
  points: RebateSensitivityPoint[];
  /** Refused dealers (collect mode) and the scenario's warnings. */
  warnings: Warning[];
  /** base, then one point per delta. */
  steps: (RebateSensitivityBaseStep | RebateSensitivityPointStep)[];
}

/** Options of {@link calculateThresholdSensitivity}. */
export interface RebateSensitivityOptions {
  /** The tier: its index in the program or its name. */
  tier: number | string;
  /** Deltas to try, each added to the threshold (or rate): `['-0.05']` moves an attainment threshold down 5 points. */
  deltas: (number | string | Decimal)[];
  /** `'threshold'` (the default): the tier's lower bound; `'rate'`: its rate. */
  move?: 'threshold' | 'rate';
  /** A deterministic scenario to project the network with first (none: the facts as given). */
  scenario?: RebateDeterministicScenario;
  /** Decimal places of reported ratios. */
  ratioScale?: number;
  /** `'throw'` (the default) or `'collect'` for the network's dealers. */
  onError?: 'throw' | 'collect';
  /** Called with (dealer-evaluations done, in all), at most about 200 times. */
  onProgress?: (done: number, total: number) => void;
}

const optionsShape = lazySchema(() => z.strictObject({
  tier: z.union([z.number().check(z.int()), z.string().check(z.minLength(1))]),
  deltas: z.array(decimalSchema).check(z.minLength(1)),
  move: z.optional(z.enum(['threshold', 'rate'])),
  scenario: z.optional(z.unknown()),
  ratioScale: ratioScaleShape,
  onError: onErrorShape,
  onProgress: progressShape,
}));

/** The index of a tier given by index or name; errors under `path`. */
function tierIndexOf(program: RebateProgram, tier: number | string, path: (string | number)[]): number {
  if (typeof tier === 'number') {
    if (tier < 0 || tier >= program.tiers.length) {
      unknownLabel(path, M.unknownTierIndex(tier, program.tiers.length), { code: 'unknown_label', received: String(tier) });
    }
    return tier;
  }
  const k = program.tiers.findIndex((t) => t.name === tier);
  if (k < 0) {
    unknownLabel(path, M.unknownTierName(tier, program.tiers.map((t) => t.name).filter((n): n is string => n !== null)), {
      code: 'unknown_label',
      received: JSON.stringify(tier),
    });
  }
  return k;
}

/** The facts of every dealer: projected by a deterministic scenario, or as given. @internal */
export function factsUnder(dp: DesignProgram, net: DesignNetwork, plan: DeterministicPlan | null, base: (string | number)[]): RebateFacts[] {
  if (plan === null) return net.dealers.map((d) => d.facts);
  const issues = new IssueCollector();
  const out = net.dealers.map((d) => {
    const facts = projectDeterministic(plan, d, dp.scale).facts;
    try {
      checkProjected(dp, facts, d, [...base, 'dealers']);
    } catch (e) {
      issues.addError(wrapThrown(e));
    }
    return facts;
  });
  issues.throwIfAny();
  return out;
}

/** A deterministic scenario option, validated against the network (a stochastic one is refused). @internal */
export function scenarioOption(scenario: unknown, net: DesignNetwork): DeterministicPlan | null {
  if (scenario === undefined) return null;
  const plan = parseScenarios(scenario, net, ['options', 'scenario'], true)[0]!;
  if (plan.kind !== 'deterministic') invalid(['options', 'scenario', 'growth'], M.scenarioNotDeterministic, { code: 'inconsistent' });
  return plan;
}

/** Dealers whose figures differ between two pricings, with figures as data. */
function movedDealers(net: DesignNetwork, dpBefore: DesignProgram, before: readonly DealerFigures[], dpAfter: DesignProgram, after: readonly DealerFigures[]): RebateMovedDealer[] {
  const out: RebateMovedDealer[] = [];
  net.dealers.forEach((d, i) => {
    const b = before[i]!;
    const a = after[i]!;
    // A variant moves one bound or rate only: the same tier has the same name and benefits (its gates are the same).
    if (a.rebate.eq(b.rebate) && a.tier === b.tier) return;
    out.push({
      id: d.id,
      segment: d.segment,
      before: { rebate: b.rebate, tier: dpBefore.refs[b.tier]!, benefits: b.benefits },
      after: { rebate: a.rebate, tier: dpAfter.refs[a.tier]!, benefits: a.benefits },
      change: a.rebate.plus(a.benefits).minus(b.rebate).minus(b.benefits),
    });
  });
  return out;
}

/** Σ rebates and Σ benefits of a pricing. */
function sumsOf(figures: readonly DealerFigures[]): { rebate: Decimal; benefits: Decimal } {
  let rebate = ZERO;
  let benefits = ZERO;
  for (const f of figures) {
    rebate = rebate.plus(f.rebate);
    benefits = benefits.plus(f.benefits);
  }
  return { rebate, benefits };
}

/**
 * Calculates the cost of moving one tier's threshold (or rate) by each of several deltas, holding
 * everything else: the exact marginal cost of a policy change over the network.
 *
 * Each delta defines the program again with the one bound (or rate) moved, through the same
 * validation as {@link rebates!defineRebateProgram | defineRebateProgram}, and every dealer is priced exactly under it (the batch
 * path where a dealer fits it, the Decimal path otherwise). A delta that would move a threshold to
 * or below the previous tier's, or to or above the next tier's, is refused with `not_ascending`
 * (`options.deltas[1]`); a rate moved below 0 or above 1 with `out_of_range`. The cost counts
 * the rebates and the tiers' benefits (Gold's brand fund).
 *
 * @param program - A program from {@link rebates!defineRebateProgram | defineRebateProgram}.
 * @param network - The dealers, each with a unique `id` (the facts as given, or projected by `options.scenario`).
 * @param options - `tier` (index or name), `deltas`, `move` (`'threshold'` or `'rate'`), `scenario`, `ratioScale`, `onError`, `onProgress`.
 * @example
 * ```ts
 * const p = defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive',
 *   tiers: [{ from: 0 }, { from: 1000, rate: '0.02', name: 'Silver' }, { from: 2000, rate: '0.03', name: 'Gold' }] });
 * const s = calculateThresholdSensitivity(p, [{ id: 'A', sales: 900 }, { id: 'B', sales: 1500 }, { id: 'C', sales: 2500 }],
 *   { tier: 'Silver', deltas: [-200, 0] });
 * s.points.map((x) => x.change.toString());
 * //=> ['18', '0']
 * ```
 */
export function calculateThresholdSensitivity(program: RebateProgram, network: readonly RebateNetworkDealer[], options: RebateSensitivityOptions): RebateSensitivity {
  try {
    const o = parseWith(optionsShape, options, ['options']);
    const dp = designProgramOf(program, ['program'], o.ratioScale);
    const p = dp.program;
    const move = o.move ?? 'threshold';
    const k = tierIndexOf(p, o.tier, ['options', 'tier']);
    const net = parseNetwork(network, [dp], o.onError ?? 'throw');
    const plan = scenarioOption(o.scenario, net);
    const facts = factsUnder(dp, net, plan, ['options', 'scenario']);
    const spec = specOf(p);

    // The value that moves, and the bounds a moved threshold must stay strictly between.
    let value: Decimal;
    const issues = new IssueCollector();
    if (move === 'threshold') {
      if (k === 0) invalid(['options', 'tier'], M.firstTierFixed, { code: 'invalid_value', received: String(o.tier) });
      value = p.tiers[k]!.from;
      const below = p.tiers[k - 1]!.from;
      const above = k + 1 < p.tiers.length ? p.tiers[k + 1]!.from : null;
      o.deltas.forEach((delta, i) => {
        const moved = value.plus(delta);
        if (!moved.gt(below)) {
          issues.add(['options', 'deltas', i], M.deltaBelowPrevious(tierLabel(p.tiers[k]!), moved.toString(), tierLabel(p.tiers[k - 1]!), below.toString(), k - 1 === 0), 'invalid_input', {
            code: 'not_ascending',
            received: delta.toString(),
            limit: below.minus(value).toString(),
          });
        } else if (above !== null && !moved.lt(above)) {
          issues.add(['options', 'deltas', i], M.deltaAboveNext(tierLabel(p.tiers[k]!), moved.toString(), tierLabel(p.tiers[k + 1]!), above.toString()), 'invalid_input', {
            code: 'not_ascending',
            received: delta.toString(),
            limit: above.minus(value).toString(),
          });
        }
      });
    } else {
      if (p.method === 'step') invalid(['options', 'move'], M.stepHasNoRate, { code: 'inconsistent' });
      value = p.tiers[k]!.rate ?? ZERO;
      o.deltas.forEach((delta, i) => {
        const moved = value.plus(delta);
        // Neither the rate nor the delta is ever a negative zero, nor is their sum: negative is below 0.
        if (moved.isNegative()) {
          issues.add(['options', 'deltas', i], M.rateBelowZero(tierLabel(p.tiers[k]!), moved.toString()), 'out_of_range', { code: 'out_of_range', received: delta.toString(), limit: value.negated().toString() });
        } else if (moved.gt(ONE)) {
          issues.add(['options', 'deltas', i], M.rateAboveOne(tierLabel(p.tiers[k]!), moved.toString()), 'out_of_range', { code: 'out_of_range', received: delta.toString(), limit: ONE.minus(value).toString() });
        }
      });
    }
    issues.throwIfAny();

    const progress = new Progress(o.onProgress, (o.deltas.length + 1) * facts.length);
    const base = priceAll(dp, facts);
    progress.add(facts.length);
    const baseSums = sumsOf(base);
    const baseCost = baseSums.rebate.plus(baseSums.benefits);
    const seps = EN_SEPS;
    const where = { basis: p.basis, scale: dp.scale };
    const steps: (RebateSensitivityBaseStep | RebateSensitivityPointStep)[] = [
      {
        code: 'base',
        value,
        rebate: baseSums.rebate,
        cost: baseCost,
        text: M.sensitivityBaseText(tierLabel(p.tiers[k]!), move, fmtValue(where, move, value, seps), count(facts.length, 'dealer'), fmtMoney(baseSums.rebate, dp.scale), fmtMoney(baseCost, dp.scale)),
      },
    ];
    const points: RebateSensitivityPoint[] = o.deltas.map((delta, i) => {
      const variant = { ...spec, tiers: spec.tiers.map((t) => ({ ...t })) };
      const moved = value.plus(delta);
      if (move === 'rate') variant.tiers[k]!.rate = moved;
      else if (p.bounds === 'from') variant.tiers[k]!.from = moved;
      else variant.tiers[k - 1]!.upTo = moved;
      const vdp = designProgramOf(defineProgramAt(variant, ['options', 'deltas', i]), ['options', 'deltas', i], o.ratioScale);
      const after = priceAll(vdp, facts);
      progress.add(facts.length);
      const sums = sumsOf(after);
      const cost = sums.rebate.plus(sums.benefits);
      const dealers = movedDealers(net, dp, base, vdp, after);
      const movedTiers = dealers.filter((d) => d.before.tier.index !== d.after.tier.index).length;
      const change = cost.minus(baseCost);
      steps.push({
        code: 'point',
        delta,
        value: moved,
        cost,
        change,
        moved: movedTiers,
        text: M.sensitivityPointText(
          tierLabel(p.tiers[k]!),
          move,
          fmtValue(where, move, moved, seps),
          fmtDelta(where, move, delta, seps),
          fmtMoney(cost, dp.scale),
          fmtSigned(change, dp.scale, seps),
          count(movedTiers, 'dealer'),
        ),
      });
      return { delta, value: moved, rebate: sums.rebate, benefits: sums.benefits, cost, change, rebateChange: sums.rebate.minus(baseSums.rebate), moved: movedTiers, dealers };
    });
    return {
      tier: dp.refs[k]!,
      move,
      basis: p.basis,
      scale: dp.scale,
      value,
      rebate: baseSums.rebate,
      benefits: baseSums.benefits,
      cost: baseCost,
      points,
      warnings: [...net.warnings, ...(plan?.warnings ?? [])],
      steps,
    };
  } catch (error) {
    throw wrapThrown(error);
  }
}

function fmtValue(p: { basis: RebateBasis; scale: number }, move: 'threshold' | 'rate', value: Decimal, seps: Seps): string {
  return move === 'rate' ? fmtExactPercent(value, seps) : fmtBasisValue(p.basis, p.scale, value, seps);
}

function fmtDelta(p: { basis: RebateBasis; scale: number }, move: 'threshold' | 'rate', delta: Decimal, seps: Seps): string {
  return move === 'rate' ? `${fmtSigned(delta.times(100), null, seps)} points` : fmtBasisDelta(p.basis, p.scale, delta, seps);
}

/**
 * Turns a threshold sensitivity into sentences: the program as it is, then each delta's cost and
 * change, and the dealers it moves.
 *
 * @param sensitivity - A result of {@link calculateThresholdSensitivity}.
 * @param options - `locale` for the digit grouping.
 * @example
 * ```ts
 * const p = defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive',
 *   tiers: [{ from: 0 }, { from: 1000, rate: '0.02', name: 'Silver' }, { from: 2000, rate: '0.03', name: 'Gold' }] });
 * explainThresholdSensitivity(calculateThresholdSensitivity(p, [{ id: 'A', sales: 900 }, { id: 'B', sales: 1500 }], { tier: 'Silver', deltas: [-200] }))[1];
 * //=> 'Silver from 800.00 (−200.00): cost 48.00, +18.00; 1 dealer changes tier: A (tier 1 → Silver, +18.00).'
 * ```
 */
export function explainThresholdSensitivity(sensitivity: RebateSensitivity, options?: ExplainOptions): string[] {
  try {
    sensitivity = readResult(sensitivity, 'sensitivity', RebateSensitivityShape());
    const seps = separatorsOf(options?.locale, ['options', 'locale']);
    const scale = sensitivity.scale;
    const label = tierLabel(sensitivity.tier);
    const out = [M.sensitivityBaseSentence(label, sensitivity.move, fmtValue(sensitivity, sensitivity.move, sensitivity.value, seps), fmtMoney(sensitivity.rebate, scale, seps), fmtMoney(sensitivity.cost, scale, seps))];
    sensitivity.points.forEach((pt, i) => {
      const step = sensitivity.steps[i + 1] as RebateSensitivityPointStep;
      const movers = pt.dealers
        .filter((d) => d.before.tier.index !== d.after.tier.index)
        .map((d) => M.moverPart(String(d.id), tierLabel(d.before.tier), tierLabel(d.after.tier), fmtSigned(d.change, scale, seps)));
      out.push(
        M.sensitivityPointSentence(
          label,
          sensitivity.move,
          fmtValue(sensitivity, sensitivity.move, pt.value, seps),
          fmtDelta(sensitivity, sensitivity.move, pt.delta, seps),
          fmtMoney(pt.cost, scale, seps),
          fmtSigned(pt.change, scale, seps),
          count(step.moved, 'dealer'),
          movers.join(', '),
        ),
      );
    });
    for (const w of sensitivity.warnings) out.push(M.note(w.message));
    return out;
  } catch (error) {
    throw wrapThrown(error);
  }
}

