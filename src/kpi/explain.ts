// The sentences a channel manager sends: a KPI score or a standing review in words, re-rendered
// from the result's steps with the locale's digit grouping.
import { readResult } from '../core/result-check.js';
import { KpiScoreResultShape, StandingReviewShape } from '../core/result-shapes.js';
import { invalid, wrapThrown } from '../core/errors.js';
import { separatorsOf } from '../core/format.js';
import type { ExplainOptions } from '../core/result.js';
import { KPI_MESSAGES as M, KPI_WORDS as W } from './messages.js';
import type { KpiScoreResult } from './score.js';
import { standingStepText, type StandingReview } from './standing.js';
import { gateText, gradeText, plainText, pointsStepText, pointsText, scoreText, stageText, weightedScoreText, type Separators } from './steps.js';

function separators(options: unknown): Separators {
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) {
    invalid(['options'], M.explainOptions, { code: 'invalid_type' });
  }
  return separatorsOf((options as ExplainOptions | undefined)?.locale, ['options', 'locale']);
}

function stepsOf(result: unknown, what: string): unknown[] {
  const steps = (result as { steps?: unknown } | null | undefined)?.steps;
  if (typeof result !== 'object' || result === null || !Array.isArray(steps)) {
    invalid(['result'], M.notAResult(what), { code: 'invalid_type' });
  }
  return steps as unknown[];
}

/**
 * A KPI score in words: a headline (score, stage, grade), one sentence per step (each KPI's
 * attainment, points, weight and contribution, the weighted score, the gates, the grade) and a
 * note per warning, with the figures grouped for `locale` (English grouping when omitted).
 *
 * @example
 * ```ts
 * const card = defineScorecard({
 *   kpis: [{ id: 'sales', label: 'Sales', direction: 'higher', scoring: { type: 'ratio' } }],
 *   stages: { launch: { weights: { sales: 1 } } },
 *   grades: [{ min: 90, grade: 'Silver' }],
 * });
 * explainScore(scoreDealer(card, { stage: 'launch', actuals: { sales: 9_500_000 }, targets: { sales: 10_000_000 } }));
 * //=> ['Score 95.00 under launch weights: Silver', 'Sales: 9,500,000 of 10,000,000 = 95.00 % → 95.00 points × 1 = 95.00', 'Weighted score 95.00: the sum of the 1 contribution', 'Grade Silver: a score of 90 or more']
 * ```
 */
export function explainScore(result: KpiScoreResult, options?: ExplainOptions): string[] {
  try {
    const seps = separators(options);
    result = readResult(result, 'result', KpiScoreResultShape(), M.notAResult('scoreDealer'));
    const steps = stepsOf(result, 'scoreDealer') as KpiScoreResult['steps'];
    const out: string[] = [];
    const stage = steps.find((s) => s.code === 'stage-weights');
    const grade = steps.find((s) => s.code === 'grade');
    const names = stage === undefined ? '' : stage.shares.map((s) => s.stage).join(' and ');
    let gradeWords = '';
    if (grade !== undefined) {
      if (grade.grade === null) gradeWords = W.headlineNoGrade;
      else if (grade.grade !== grade.gradeByScore) gradeWords = W.headlineCapped(grade.grade, grade.gradeByScore!);
      else gradeWords = W.headlineGrade(grade.grade);
    }
    const who = result.id === null || result.id === undefined ? '' : `${String(result.id)}: `;
    const head = W.headline(who, pointsText(result.score, seps), names, gradeWords);
    out.push(who === '' ? head.charAt(0).toUpperCase() + head.slice(1) : head);
    for (const s of steps) {
      switch (s.code) {
        case 'stage-weights':
          if (s.policy !== 'single') out.push(stageText(s.policy, s.shares, seps));
          break;
        case 'reweight':
          out.push(W.reweight(s.missing.join(', '), plainText(s.presentWeight, seps)));
          break;
        case 'kpi-points':
          out.push(pointsStepText(s, seps));
          break;
        case 'weighted-score':
          out.push(weightedScoreText(s, seps));
          break;
        case 'gate':
          out.push(gateText(s, seps));
          break;
        case 'score':
          out.push(scoreText(s, seps));
          break;
        case 'grade':
          out.push(gradeText(s.gradeByScore, s.grade, s.minOf, s.min, seps));
          break;
      }
    }
    for (const w of result.warnings ?? []) out.push(W.note(w.message));
    return out;
  } catch (error) {
    throw wrapThrown(error);
  }
}

/**
 * A standing review in words: one sentence per period (its score against the benchmark and what
 * it means: watch, warning and improvement plan, exit review, recovery), a note per warning and
 * the current standing, with the figures grouped for `locale`.
 *
 * @example
 * ```ts
 * explainStanding(reviewStanding({ benchmark: 90, graceMonths: 3, missing: 'miss' }, [
 *   { period: '2025-Q1', score: '83.528' },
 *   { period: '2025-Q2', score: '78.9245' },
 * ]));
 * //=> ['2025-Q1: 83.528, below the benchmark 90 (1 of 2 in a row): watch', '2025-Q2: 78.9245, below the benchmark 90 for the 2nd period in a row: warning and improvement plan', 'Current standing: warning (2025-Q2)']
 * ```
 */
export function explainStanding(review: StandingReview, options?: ExplainOptions): string[] {
  try {
    const seps = separators(options);
    review = readResult(review, 'result', StandingReviewShape(), M.notAResult('reviewStanding'));
    const steps = stepsOf(review, 'reviewStanding') as StandingReview['steps'];
    const out = steps.map((s) => standingStepText(s.code, s, review.rule, seps));
    for (const w of review.warnings ?? []) out.push(W.note(w.message));
    const last = steps[steps.length - 1];
    out.push(last === undefined ? W.standingEmpty : W.standingCurrent(last.code, last.period));
    return out;
  } catch (error) {
    throw wrapThrown(error);
  }
}
