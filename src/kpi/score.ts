import * as z from 'zod/mini';
import { Decimal, ZERO } from '../core/decimal.js';
import { fail, wrapThrown, type IssuePath } from '../core/errors.js';
import { roundDecimal, roundRatio } from '../core/money.js';
import { DEFAULT_RATIO_SCALE, scaleSchema } from '../core/schema.js';
import { exactMinus, exactSum, exactTimes } from './exact.js';
import { parseKpi } from './parse.js';
import { KPI_MESSAGES as M, KPI_WORDS as W } from './messages.js';
import { pointsOf } from './points.js';
import { compiledOf, type CompiledScorecard, type KpiScorecard } from './scorecard.js';
import type { KpiDealerInput, KpiScorecardSpec } from './schema.js';
import { pointsStep, scoreText, weightedScoreText, type KpiPointsStep, type KpiStep, type KpiWeightedScoreStep } from './steps.js';
import { type ReadDealer, type KpiGateResult, type KpiScoreResult, type ScoreDealerOptions } from './score-types.js';
import { describe, readDealer } from './read.js';
import { percentWarnings, applyGates, gateStepOf, gradeStepOf, weightRecord, noneMissing } from './gates.js';
import { lazySchema } from '../core/lazy.js';

export { percentWarnings } from './gates.js';
export { readDealer } from './read.js';
export type { KpiGateResult, KpiMissingReport, KpiScoreResult, ScoreDealerOptions } from './score-types.js';

/** Scores a dealer already read by {@link readDealer}. @internal */
export function scoreRead(card: CompiledScorecard, d: ReadDealer, path: IssuePath, ratioScale: number): KpiScoreResult {
  const n = card.kpis.length;
  let weights = d.resolved.weights;
  let shared = true;
  const missingKpis: string[] = [];
  const warnings = percentWarnings(card, d.actuals, d.targets);
  const steps: KpiStep[] = [d.resolved.step];
  // Stryker disable next-line EqualityOperator: one step past the end reads undefined, which is not null: the loop body skips it
  for (let k = 0; k < n; k++) {
    if (d.actuals[k] !== null) continue;
    const id = card.kpis[k]!.id;
    missingKpis.push(id);
    warnings.push({ code: 'missing-actual', message: card.missing === 'zero' ? M.missingZero(id) : M.missingReweight(id), path: ['actuals', id] });
  }
  if (card.missing === 'reweight' && missingKpis.length > 0) {
    let present = ZERO;
    for (let k = 0; k < n; k++) if (d.actuals[k] !== null) present = present.plus(weights[k]!);
    if (present.isZero()) {
      fail('infeasible', [...path, 'actuals'], M.nothingToReweight(missingKpis.join(', ')), { code: 'infeasible' });
    }
    const base = weights;
    weights = base.map((w, k) => (d.actuals[k] === null || w.isZero() ? ZERO : present.eq(1) ? w : w.div(present)));
    shared = false;
    steps.push({ code: 'reweight', missing: missingKpis, presentWeight: present, text: reweightText(missingKpis, present) });
  }
  const contributions = new Array<Decimal>(n).fill(ZERO);
  for (let k = 0; k < n; k++) {
    const kpi = card.kpis[k]!;
    const actual = d.actuals[k]!;
    const w = weights[k]!;
    const target = d.targets[k]!;
    let figures: Omit<KpiPointsStep, 'code' | 'text'>;
    if (actual === null) {
      figures = {
        kpi: kpi.id,
        label: kpi.label,
        rule: kpi.scoring.type,
        actual: null,
        target,
        attainment: null,
        points: card.missing === 'zero' ? ZERO : null,
        clamp: null,
        weight: w,
        contribution: ZERO,
        missing: true,
      };
    } else {
      const p = pointsOf(kpi, actual, target, card.rounding, [...path, 'actuals', kpi.id]);
      const contribution = exactTimes(p.points, w);
      contributions[k] = contribution;
      const attainment = p.attainment === null || card.rounding !== null ? p.attainment : roundRatio(p.attainment, ratioScale);
      figures = { kpi: kpi.id, label: kpi.label, rule: kpi.scoring.type, actual, target, attainment, points: p.points, clamp: p.clamp, weight: w, contribution, missing: false };
    }
    steps.push(pointsStep(figures));
  }
  const sum = exactSum(contributions);
  const total = card.totalRounding;
  const weighted = total === null ? sum : roundDecimal(sum, total.scale, total.mode);
  const ws: Omit<KpiWeightedScoreStep, 'code' | 'text'> = { sum, weightedScore: weighted, contributions: n, rounding: total === null ? null : { scale: total.scale, mode: total.mode } };
  const gated = applyGates(card, weighted, d.actuals);
  closingSteps(card, ws, gated.gates, gated.score, gated.byScore, gated.final, steps);
  return {
    id: d.id,
    score: gated.score,
    weightedScore: weighted,
    grade: gated.grade,
    gradeByScore: gated.gradeByScore,
    gates: gated.gates,
    weights: weightRecord(card, weights, shared && d.resolved.single !== null),
    stageShares: d.resolved.shares,
    policy: d.resolved.policy,
    missing: missingKpis.length === 0 ? noneMissing(card) : { policy: card.missing, kpis: missingKpis },
    warnings,
    steps,
  };
}

/** The steps after the KPI lines: the weighted score, each gate, the score when a gate changed it, the grade. @internal */
export function closingSteps(card: CompiledScorecard, ws: Omit<KpiWeightedScoreStep, 'code' | 'text'>, gates: readonly KpiGateResult[], score: Decimal, byScore: number, final: number, steps: KpiStep[]): KpiStep[] {
  steps.push({ code: 'weighted-score', ...ws, text: weightedScoreText(ws) });
  gates.forEach((g, i) => steps.push(gateStepOf(card, g, i)));
  if (!score.eq(ws.weightedScore)) {
    const sc = { weightedScore: ws.weightedScore, adjustment: exactMinus(score, ws.weightedScore), score };
    steps.push({ code: 'score', ...sc, text: scoreText(sc) });
  }
  if (card.grades.length > 0) steps.push(gradeStepOf(card, score, byScore, final));
  return steps;
}

function reweightText(missing: readonly string[], present: Decimal): string {
  return W.reweight(missing.join(', '), present.toFixed());
}

const scoreOptionsSchema = lazySchema(() => z.strictObject({ ratioScale: z.optional(scaleSchema) }));
const batchOptionsSchema = lazySchema(() => z.strictObject({
  ratioScale: z.optional(scaleSchema),
  onError: z.optional(z.unknown()),
  onProgress: z.optional(z.unknown()),
}));

/** Reads `ratioScale` from scoreDealer's (or, with `batch`, scoreDealers') options. @internal */
export function ratioScaleOf(options: unknown, batch: boolean): number {
  if (options === undefined) return DEFAULT_RATIO_SCALE;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    fail('invalid_input', ['options'], M.optionsNotObject, { code: 'invalid_type', received: describe(options) });
  }
  const parsed = parseKpi(batch ? batchOptionsSchema : scoreOptionsSchema, options, ['options']) as { ratioScale?: number };
  return parsed.ratioScale ?? DEFAULT_RATIO_SCALE;
}

/**
 * Scores one dealer on a scorecard: every KPI's attainment, points, weight and contribution, the
 * weighted score (the contributions sum to it exactly), the hard standards (gates) and the grade,
 * with the `steps` that reproduce each figure and `warnings` (a ratio given as a percentage, a
 * missing actual).
 *
 * Weights come from one `stage`, or from `stages` over a `period`: `'prorate'` mixes each stage's
 * weights by its days in the period (both ends inclusive, counted with date-fns in UTC), `'end'`
 * and `'start'` take the stage in force on that day. A scorecard spec may be passed in place of a
 * defined scorecard (it is then validated on every call).
 *
 * @example
 * ```ts
 * const card = defineScorecard({
 *   kpis: [
 *     { id: 'sales', direction: 'higher', scoring: { type: 'ratio' } },
 *     { id: 'share', direction: 'higher', scoring: { type: 'ratio' } },
 *   ],
 *   stages: { launch: { weights: { sales: '0.4', share: '0.6' } } },
 *   grades: [{ min: 100, grade: 'Gold' }, { min: 90, grade: 'Silver' }],
 * });
 * const r = scoreDealer(card, {
 *   stage: 'launch',
 *   actuals: { sales: 9_500_000, share: 6 },
 *   targets: { sales: 10_000_000, share: 5 },
 * });
 * [r.score.toString(), r.grade, r.steps[1].text];
 * //=> ['110', 'Gold', 'sales: 9,500,000 of 10,000,000 = 95.00 % → 95.00 points × 0.4 = 38.00']
 * ```
 */
export function scoreDealer(scorecard: KpiScorecard | KpiScorecardSpec, input: KpiDealerInput, options?: ScoreDealerOptions): KpiScoreResult {
  try {
    const card = compiledOf(scorecard, ['scorecard']);
    const ratioScale = ratioScaleOf(options, false);
    return scoreRead(card, readDealer(card, input, []), [], ratioScale);
  } catch (error) {
    throw wrapThrown(error);
  }
}
