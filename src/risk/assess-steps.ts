// The rating and decision of one partner once its findings are tallied: the overall level by the
// policy's method, the four decision rules, the decision and the next review, each recorded as a step.
// Steps that depend only on the policy and a few levels are built once per call and shared (frozen);
// `cache.find(...) ?? cache.keep(...)` makes no closure per partner when the shared step is there.
import { Decimal } from '../core/decimal.js';
import type { IsoDate } from '../core/dates.js';
import { outOfRange } from '../core/errors.js';
import type { Warning } from '../core/result.js';
import { RISK_MESSAGES as M, RISK_TEXTS as T, WARNING_CODES as W } from './messages.js';
import type { PolicyIndex } from './policy.js';
import type { TemplateIndex } from './template.js';
import type { AssessedRiskFactor, PartnerAssessmentStep, RiskCategoryRollup, RiskDecision, RiskDecisionStep, RiskKnockout, RiskKnockoutStep, RiskOverall, RiskOverallLevelStep, RiskReviewStep, RiskUnassessedStep, RiskWorstFactorStep } from './assessment.js';
import { type CallCache, ONE, SCORE_PLACES, scaledMean, scaledMeanQ, scaledText, floorLevel, floorDecimal, NO_FACTORS, SEVERITY, RULES, LAST_DAY, civilFromDays, type Resolved } from './assess-support.js';

/** One partner's assessment in progress: its tallied findings, and the steps and warnings so far. @internal */
export interface PartnerRun {
  readonly t: TemplateIndex;
  readonly p: PolicyIndex;
  readonly fast: boolean;
  readonly cache: CallCache;
  /** The resolved finding of each factor of the template, by position (undefined: unassessed). */
  readonly slots: readonly (Resolved | undefined)[];
  readonly factors: AssessedRiskFactor[];
  readonly unassessed: string[];
  readonly knockouts: RiskKnockout[];
  /** Each assessed factor's score × 10^scoreScale, in the order of `factors`. */
  readonly assessedScores: number[];
  /** Per category: Σ weight × score and Σ weight (scaled integers), the count and the worst level. */
  readonly catWS: number[];
  readonly catW: number[];
  readonly catN: number[];
  readonly catWorst: number[];
  /** The category sums as Decimals, when the scaled integers could pass 2^53 (not `fast`). */
  readonly catDec: { ws: Decimal; w: Decimal }[] | undefined;
  readonly heat: { inherent: number[][]; residual: number[][] }[];
  /** The worst residual level index, and where its factor stands in `factors`. */
  readonly worst: number;
  readonly worstAt: number;
  /** Which factors are unassessed, as a bitmask (to share their step), or -1 past 30 factors. */
  readonly unMask: number;
  readonly totalWS: number;
  readonly totalW: number;
  /** Made at their exact size (the step count comes from the policy), filled in order. */
  readonly steps: PartnerAssessmentStep[];
  nSteps: number;
  readonly warnings: Warning[];
  /** The overall level index, set by {@link overallOf}. */
  overallIdx: number;
}

/** The overall rating by the policy's method (its step recorded, `run.overallIdx` set). @internal */
export function overallOf(run: PartnerRun, categories: readonly RiskCategoryRollup[]): RiskOverall {
  const method = run.p.data.overall;
  if (method.method === 'max') return overallMax(run);
  if (method.method === 'weighted') return overallWeighted(run, categories);
  return overallKWorst(run, method.k);
}

/** Overall by `max`: the worst residual level, from every factor at that level. */
function overallMax(run: PartnerRun): RiskOverall {
  const { p, factors, worst } = run;
  const levels = run.t.data.levels;
  const basis: string[] = [];
  for (const x of factors) if (x.residual.level === levels[worst]) basis.push(x.factor);
  run.overallIdx = worst;
  const overall: RiskOverall = { method: 'max', level: levels[worst]!, score: p.sDec[worst]!, sum: p.sDec[worst]!, divisor: ONE, basis };
  run.steps[run.nSteps++] = { code: 'overall', method: 'max', sum: overall.sum, divisor: ONE, score: overall.score, level: overall.level, levelScore: overall.score, basis, text: T.overallMax(factors.length, overall.level, basis) };
  return overall;
}

/** Overall by `weighted`: Σ weight × score / Σ weight, and the highest level whose score is at most that. */
function overallWeighted(run: PartnerRun, categories: readonly RiskCategoryRollup[]): RiskOverall {
  const { p, fast, cache, totalWS, totalW } = run;
  const levels = run.t.data.levels;
  const wS = run.t.weightScale;
  const sS = p.scoreScale;
  const shift = SCORE_PLACES - sS;
  let sum: Decimal;
  let divisor: Decimal;
  if (fast) {
    sum = cache.get(totalWS, wS + sS);
    divisor = cache.get(totalW, wS);
  } else {
    sum = new Decimal(0);
    divisor = new Decimal(0);
    for (const x of categories) {
      sum = sum.plus(x.weightedSum);
      divisor = divisor.plus(x.weightTotal);
    }
  }
  const q = fast ? scaledMeanQ(totalWS, totalW, shift) : -1;
  const score = q >= 0 ? cache.get(q, SCORE_PLACES) : fast ? scaledMean(totalWS, totalW, shift, cache) : sum.div(divisor).toDecimalPlaces(SCORE_PLACES, Decimal.ROUND_HALF_EVEN);
  const scoreText = q >= 0 ? scaledText(q, SCORE_PLACES) : score.toFixed();
  const overallIdx = fast ? floorLevel(p.sU, totalWS, totalW) : floorDecimal(p, sum.div(divisor));
  run.overallIdx = overallIdx;
  const basis = run.factors.map((x) => x.factor);
  const overall: RiskOverall = { method: 'weighted', level: levels[overallIdx]!, score, sum, divisor, basis };
  const sumText = fast ? scaledText(totalWS, wS + sS) : sum.toString();
  const divisorText = fast ? scaledText(totalW, wS) : divisor.toString();
  run.steps[run.nSteps++] = { code: 'overall', method: 'weighted', sum, divisor, score, level: overall.level, levelScore: p.sDec[overallIdx]!, basis, text: T.overallWeighted(sumText, divisorText, scoreText, SCORE_PLACES, overall.level, p.sText[overallIdx]!) };
  return overall;
}

/** Overall by `k-worst`: the mean score of the k worst factors, and the highest level at most that. */
function overallKWorst(run: PartnerRun, k: number): RiskOverall {
  const { p, cache, factors, assessedScores } = run;
  const levels = run.t.data.levels;
  const sS = p.scoreScale;
  const shift = SCORE_PLACES - sS;
  const kk = Math.min(k, assessedScores.length);
  // The k highest scores; ties are equal scores, so which factor is taken does not change the sum.
  // Array.prototype.sort is stable (ES2019), so tied factors stay in template order.
  const order = factors.map((_, j) => j).sort((a, b) => assessedScores[b]! - assessedScores[a]!);
  const taken = order.slice(0, kk);
  let num = 0;
  for (const j of taken) num += assessedScores[j]!;
  const score = scaledMean(num, kk, shift, cache);
  const overallIdx = floorLevel(p.sU, num, kk);
  run.overallIdx = overallIdx;
  const sum = cache.get(num, sS);
  const basis = taken.map((j) => factors[j]!.factor);
  const overall: RiskOverall = { method: 'k-worst', level: levels[overallIdx]!, score, sum, divisor: new Decimal(kk), basis };
  run.steps[run.nSteps++] = { code: 'overall', method: 'k-worst', sum, divisor: overall.divisor, score, level: overall.level, levelScore: p.sDec[overallIdx]!, basis, text: T.overallKWorst(kk, basis, sum, score, overall.level, p.sText[overallIdx]!) };
  return overall;
}

/** Rule 1, knock-outs reject: its step recorded, its outcome returned. @internal */
export function knockoutRule(run: PartnerRun): 'reject' | null {
  const { cache, knockouts } = run;
  const koOutcome = knockouts.length > 0 ? 'reject' : null;
  run.steps[run.nSteps++] =
    knockouts.length === 0
      ? (cache.find<RiskKnockoutStep>('ko', 0) ?? cache.keep<RiskKnockoutStep>('ko', 0, { code: 'knockout', outcome: null, factors: NO_FACTORS, text: T.ruleKnockout(knockouts) }))
      : { code: 'knockout', outcome: koOutcome, factors: knockouts.map((x) => x.factor), text: T.ruleKnockout(knockouts) };
  return koOutcome;
}

/** Rule 2, unassessed factors escalate if the policy says so: its step recorded and returned. @internal */
export function unassessedRule(run: PartnerRun): RiskUnassessedStep {
  const { cache, unassessed, unMask } = run;
  const pol = run.p.data;
  const unOutcome = pol.unassessed === 'escalate' && unassessed.length > 0 ? 'escalate' : null;
  const unStep: RiskUnassessedStep =
    unMask >= 0
      ? (cache.find<RiskUnassessedStep>('un', unMask) ??
        cache.keep<RiskUnassessedStep>('un', unMask, { code: 'unassessed', outcome: unOutcome, factors: Object.freeze(unassessed), policy: pol.unassessed, text: T.ruleUnassessed(unassessed, pol.unassessed) }))
      : { code: 'unassessed', outcome: unOutcome, factors: unassessed, policy: pol.unassessed, text: T.ruleUnassessed(unassessed, pol.unassessed) };
  run.steps[run.nSteps++] = unStep;
  return unStep;
}

/** Rule 3, when the policy has it: any factor at or above a level escalates or rejects (null: no rule or no outcome). @internal */
export function worstFactorRule(run: PartnerRun): 'escalate' | 'reject' | null {
  const { p, cache, worst } = run;
  if (!(p.rejectIfAny >= 0 || p.escalateIfAny >= 0)) return null;
  const levels = run.t.data.levels;
  let outcome: 'escalate' | 'reject' | null = null;
  if (p.rejectIfAny >= 0 && worst >= p.rejectIfAny) outcome = 'reject';
  else if (p.escalateIfAny >= 0 && worst >= p.escalateIfAny) outcome = 'escalate';
  let wf = cache.find<RiskWorstFactorStep>('wf', worst);
  if (wf === undefined) {
    const escalateAt = p.escalateIfAny >= 0 ? levels[p.escalateIfAny]! : null;
    const rejectAt = p.rejectIfAny >= 0 ? levels[p.rejectIfAny]! : null;
    wf = cache.keep<RiskWorstFactorStep>('wf', worst, { code: 'worst-factor', outcome, worst: levels[worst]!, escalateAt, rejectAt, text: T.ruleWorstFactor(outcome, levels[worst]!, escalateAt, rejectAt) });
  }
  run.steps[run.nSteps++] = wf;
  return outcome;
}

/** An average can hide one severe factor: warns when no worst-factor rule acted on it. @internal */
export function warnAveragedSevere(run: PartnerRun, overall: RiskOverall, worstCovered: boolean): void {
  const { cache, worst, overallIdx } = run;
  const method = run.p.data.overall;
  // Stryker disable next-line StringLiteral: under 'max' the overall level is the worst level, so worst > overallIdx already fails
  if (!(method.method !== 'max' && worst > overallIdx && !worstCovered)) return;
  const fw = run.factors[run.worstAt]!;
  const pos = run.t.byId.get(fw.factor)!.pos;
  const k = run.slots[pos]!.k;
  // Shared when the factor, its finding's place, its level and the overall level repeat (< 2^53).
  // overallIdx < worst here, so worst < 64 bounds both.
  const key = k < 65536 && pos < 65536 && worst < 64 ? ((pos * 65536 + k) * 64 + overallIdx) * 64 + worst : -1;
  let warning = key >= 0 ? cache.find<Warning>('as', key) : undefined;
  if (warning === undefined) {
    warning = { code: W.averagedSevere, message: M.averagedSevere(fw.factor, fw.residual.level, method.method, overall.level), path: Object.freeze(['findings', k]) as (string | number)[] };
    if (key >= 0) warning = cache.keep('as', key, warning);
  }
  run.warnings.push(warning);
}

/** Rule 4, the overall level against the policy's thresholds: its step recorded, its outcome returned. @internal */
export function overallLevelRule(run: PartnerRun, overall: RiskOverall): RiskDecision {
  const { p, cache, overallIdx } = run;
  const pol = p.data;
  const byLevel: RiskDecision = overallIdx <= p.approve ? 'approve' : overallIdx <= p.conditional ? 'conditional' : overallIdx <= p.escalate ? 'escalate' : 'reject';
  let ol = cache.find<RiskOverallLevelStep>('ol', overallIdx);
  if (ol === undefined) {
    const threshold = byLevel === 'approve' ? 'approveUpTo' : byLevel === 'conditional' ? 'conditionalUpTo' : 'escalateUpTo';
    const thresholdLevel = pol.decision[threshold];
    ol = cache.keep<RiskOverallLevelStep>('ol', overallIdx, { code: 'overall-level', outcome: byLevel, level: overall.level, threshold, thresholdLevel, levels: pol.levels, thresholds: pol.decision, text: T.ruleOverallLevel(overall.level, byLevel, threshold, thresholdLevel) });
  }
  run.steps[run.nSteps++] = ol;
  return byLevel;
}

/** The decision, the most severe of the rules' outcomes (in RULES order): its step recorded. @internal */
export function decisionRule(run: PartnerRun, outcomes: readonly (RiskDecision | null)[]): RiskDecision {
  const { cache } = run;
  let decidingMask = 0;
  let decision: RiskDecision = 'approve';
  for (const o of outcomes) if (o !== null && SEVERITY[o] > SEVERITY[decision]) decision = o;
  for (let j = 0; j < outcomes.length; j++) if (outcomes[j] === decision) decidingMask |= 1 << j;
  const deKey = SEVERITY[decision] * 16 + decidingMask;
  let de = cache.find<RiskDecisionStep>('de', deKey);
  if (de === undefined) {
    const deciding = Object.freeze(RULES.filter((_, j) => (decidingMask & (1 << j)) !== 0));
    de = cache.keep<RiskDecisionStep>('de', deKey, { code: 'decision', decision, rules: deciding, text: T.decision(decision, deciding) });
  }
  run.steps[run.nSteps++] = de;
  return decision;
}

/** The next review, asOf + the overall level's cadence: its step recorded and returned; past 9999-12-31 an error. @internal */
export function reviewStep(run: PartnerRun, overall: RiskOverall, asOf: IsoDate, dayNumber: number): RiskReviewStep {
  const { p, cache, overallIdx } = run;
  const cadence = p.cadence[overallIdx]!;
  const due = dayNumber + cadence;
  if (due > LAST_DAY) outOfRange(['options', 'asOf'], M.reviewAfter9999(cadence), { code: 'out_of_range', limit: '9999-12-31' });
  // One asOf per call, so the review step depends on the overall level only.
  let review = cache.find<RiskReviewStep>('rv', overallIdx);
  if (review === undefined) {
    const next = civilFromDays(due);
    review = cache.keep<RiskReviewStep>('rv', overallIdx, { code: 'review', asOf, level: overall.level, cadenceDays: cadence, nextReviewDate: next, text: T.review(next, asOf, cadence, overall.level) });
  }
  run.steps[run.nSteps++] = review;
  return review;
}
