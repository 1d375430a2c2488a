import { batchOptionsOf, runBatch } from '../core/batch.js';
import { Decimal } from '../core/decimal.js';
import type { IsoDate } from '../core/dates.js';
import { invalid, wrapThrown } from '../core/errors.js';
import type { Step, Warning } from '../core/result.js';
import { parseWith } from '../core/schema.js';
import { RISK_MESSAGES as M, RISK_TEXTS as T, WARNING_CODES as W, describe } from './messages.js';
import { type PolicyIndex } from './policy.js';
import { type FactorIndex, type TemplateIndex } from './template.js';
import type { AssessedRiskFactor, AssessPartnerConfig, AssessPartnerInput, AssessPartnerOptions, AssessPartnersOptions, PartnerAssessment, PartnerAssessmentBatch, PartnerAssessmentStep, PartnerAssessmentTotals, RiskCategoryRollup, RiskDecision, RiskKnockout, RiskMitigation } from './assessment.js';
import { CallCache, LazyIssues, zeroGrid, NO_CONTROLS, SCORE_PLACES, scaledMean, prepare, singleOptionsShape, dayOf, batchOptionsShape, type Resolved } from './assess-support.js';
import { findingsOf, partnerId, resolveFindings } from './assess-read.js';
import { decisionRule, knockoutRule, overallLevelRule, overallOf, reviewStep, unassessedRule, warnAveragedSevere, worstFactorRule, type PartnerRun } from './assess-steps.js';

export type { RiskAxisValue, RiskControl, RiskFinding } from './finding.js';
export type {
  RiskRating, AssessedRiskFactor, RiskCategoryRollup, RiskOverall, RiskHeatMap, RiskKnockout, RiskDecision, RiskDecisionRule,
  RiskMitigation, RiskOverallStep, RiskKnockoutStep, RiskUnassessedStep, RiskWorstFactorStep, RiskOverallLevelStep,
  RiskDecisionStep, RiskReviewStep, PartnerAssessmentStep, PartnerAssessment, AssessPartnerConfig, AssessPartnerInput,
  AssessPartnerOptions, AssessPartnersOptions, PartnerAssessmentTotals, PartnerAssessmentBatch,
} from './assessment.js';

/** One partner assessed: read and resolved, tallied, rated overall, decided by the policy's rules, its review dated. */
function assessOne(t: TemplateIndex, p: PolicyIndex, fast: boolean, cache: CallCache, partner: unknown, asOf: IsoDate, dayNumber: number): PartnerAssessment {
  if (typeof partner !== 'object' || partner === null || Array.isArray(partner)) {
    invalid([], M.partnerType(partner), { code: partner === undefined ? 'required' : 'invalid_type', received: describe(partner) });
  }
  const input = partner as AssessPartnerInput;
  const bad = new LazyIssues();
  const id = partnerId(input, bad);
  const list = findingsOf(input, bad);
  // Stryker disable next-line ArrayDeclaration: the slots are only read by index (an unset slot reads undefined either way) and never returned
  const slots: (Resolved | undefined)[] = new Array(t.factors.length);
  const nAssessed = resolveFindings(t, list, bad, slots);
  const run = tallyFactors(t, p, fast, cache, slots, nAssessed);
  const categories = categoryRollups(run);
  const overall = overallOf(run, categories);
  // Decision rules, each a step with its outcome; the decision is the most severe outcome.
  const koOutcome = knockoutRule(run);
  const unStep = unassessedRule(run);
  const wfOutcome = worstFactorRule(run);
  warnAveragedSevere(run, overall, wfOutcome !== null);
  const byLevel = overallLevelRule(run, overall);
  const decision = decisionRule(run, [koOutcome, unStep.outcome, wfOutcome, byLevel]);
  const mitigations = mitigationsOf(run, decision);
  const review = reviewStep(run, overall, asOf, dayNumber);
  const heat = run.heat;
  return {
    id,
    template: t.data.name,
    policy: p.data.name,
    asOf,
    factors: run.factors,
    unassessed: unStep.factors,
    categories,
    overall,
    heatMap: t.matrices.map((m, j) => ({ matrix: m.shape.name, likelihood: m.shape.likelihood, impact: m.shape.impact, inherent: heat[j]!.inherent, residual: heat[j]!.residual })),
    knockouts: run.knockouts,
    decision,
    mitigations,
    nextReviewDate: review.nextReviewDate,
    reviewCadenceDays: p.cadence[run.overallIdx]!,
    warnings: run.warnings,
    steps: run.steps,
  };
}

/** A zero heat map (inherent and residual) per matrix of the template. */
function emptyHeatMaps(t: TemplateIndex): { inherent: number[][]; residual: number[][] }[] {
  const nM = t.matrices.length;
  // Stryker disable next-line ArrayDeclaration: every index is assigned before the array is read, so an array made empty grows to the same length and contents (one heat map per matrix)
  const heat = new Array<{ inherent: number[][]; residual: number[][] }>(nM);
  for (let j = 0; j < nM; j++) {
    const m = t.matrices[j]!;
    const nL = m.shape.likelihood.length;
    heat[j] = { inherent: zeroGrid(nL, m.nI), residual: zeroGrid(nL, m.nI) };
  }
  return heat;
}

/** The resolved findings tallied, factor by factor: per category, overall sums, worst level, heat maps, knock-outs. */
function tallyFactors(t: TemplateIndex, p: PolicyIndex, fast: boolean, cache: CallCache, slots: readonly (Resolved | undefined)[], nAssessed: number): PartnerRun {
  const nF = t.factors.length;
  const nCat = t.data.categories.length;
  const catWS = new Array<number>(nCat).fill(0);
  const catW = new Array<number>(nCat).fill(0);
  const catN = new Array<number>(nCat).fill(0);
  const catWorst = new Array<number>(nCat).fill(-1);
  const catDec: { ws: Decimal; w: Decimal }[] | undefined = fast ? undefined : t.data.categories.map(() => ({ ws: new Decimal(0), w: new Decimal(0) }));
  const heat = emptyHeatMaps(t);
  // Results are kept by the caller: their lists are made at their exact size, not grown by push.
  // Stryker disable next-line ArrayDeclaration: every index is assigned before the array is read, so an array made empty grows to the same length and contents (one factor per resolved finding)
  const factors: AssessedRiskFactor[] = new Array<AssessedRiskFactor>(nAssessed);
  let nFactors = 0;
  const unassessed: string[] = [];
  const knockouts: RiskKnockout[] = [];
  const assessedScores: number[] = [];
  let worst = -1;
  // Stryker disable next-line UnaryOperator: a partner has at least one resolved finding, and the first one sets worstAt (its level beats the initial worst of -1) before it is read
  let worstAt = -1;
  // Which factors are unassessed, as a bitmask (to share their step), or -1 past 30 factors.
  let unMask = nF <= 30 ? 0 : -1;
  let totalWS = 0;
  let totalW = 0;
  const sU = p.sU;
  for (let k = 0; k < nF; k++) {
    const r = slots[k];
    const fi = t.factors[k]!;
    const factor = fi.factor;
    if (r === undefined) {
      unassessed.push(factor.id);
      // Past 30 factors unMask is -1, and -1 | x stays -1.
      unMask |= 1 << k;
      continue;
    }
    const lv = r.rLevel;
    const c = fi.cat;
    catN[c]!++;
    if (lv > catWorst[c]!) catWorst[c] = lv;
    if (lv > worst) {
      worst = lv;
      worstAt = nFactors;
    }
    const ws = fi.wU * sU[lv]!;
    catWS[c]! += ws;
    catW[c]! += fi.wU;
    totalWS += ws;
    totalW += fi.wU;
    if (catDec !== undefined) {
      catDec[c]!.ws = catDec[c]!.ws.plus(factor.weight.times(p.sDec[lv]!));
      catDec[c]!.w = catDec[c]!.w.plus(factor.weight);
    }
    assessedScores.push(sU[lv]!);
    const h = heat[fi.mIdx]!;
    h.inherent[r.l]![r.i]!++;
    h.residual[r.rl]![r.ri]!++;
    const note = r.finding.note ?? '';
    if (r.knockout !== null) knockouts.push({ factor: factor.id, reason: factor.knockout!.reason, trigger: r.knockout, note });
    factors[nFactors++] = assessedFactor(fi, r, p, note);
  }
  // overall, knockout, unassessed, the worst factor's rule when the policy has one, overall level, decision, review.
  // Stryker disable next-line ArrayDeclaration: every index is assigned before the array is read, so an array made empty grows to the same length and contents (steps[nSteps++], 6 or 7 of them)
  const steps: PartnerAssessmentStep[] = new Array<PartnerAssessmentStep>(p.rejectIfAny >= 0 || p.escalateIfAny >= 0 ? 7 : 6);
  // Stryker disable next-line UnaryOperator: overallIdx is set by overallOf before any rule reads it
  return { t, p, fast, cache, slots, factors, unassessed, knockouts, assessedScores, catWS, catW, catN, catWorst, catDec, heat, worst, worstAt, unMask, totalWS, totalW, steps, nSteps: 0, warnings: [], overallIdx: -1 };
}

/** One assessed factor of the result: its inherent and residual ratings and the score of its residual level. */
function assessedFactor(fi: FactorIndex, r: Resolved, p: PolicyIndex, note: string): AssessedRiskFactor {
  const factor = fi.factor;
  return {
    factor: factor.id,
    title: factor.title,
    category: factor.category,
    weight: factor.weight,
    matrix: fi.m.shape.name,
    inherent: fi.m.ratings[r.l * fi.m.nI + r.i]!,
    residual: fi.m.ratings[r.rl * fi.m.nI + r.ri]!,
    score: p.sDec[r.rLevel]!,
    controls: r.finding.controls ?? NO_CONTROLS,
    knockout: r.knockout !== null,
    note,
  };
}

/** Per category: how many factors were assessed, the worst level, the weighted sums and the weighted score. */
function categoryRollups(run: PartnerRun): RiskCategoryRollup[] {
  const { t, p, fast, cache, catWS, catW, catN, catWorst, catDec } = run;
  const levels = t.data.levels;
  const nCat = t.data.categories.length;
  const wS = t.weightScale;
  const sS = p.scoreScale;
  const shift = SCORE_PLACES - sS;
  // Stryker disable next-line ArrayDeclaration: every index is assigned before the array is read, so an array made empty grows to the same length and contents (one rollup per category)
  const categories: RiskCategoryRollup[] = new Array<RiskCategoryRollup>(nCat);
  for (let c = 0; c < nCat; c++) {
    const n = catN[c]!;
    const ws = catDec === undefined ? cache.get(catWS[c]!, wS + sS) : catDec[c]!.ws;
    const w = catDec === undefined ? cache.get(catW[c]!, wS) : catDec[c]!.w;
    categories[c] = {
      category: t.data.categories[c]!,
      assessed: n,
      worst: n === 0 ? null : levels[catWorst[c]!]!,
      weightedSum: ws,
      weightTotal: w,
      score: n === 0 ? null : fast ? scaledMean(catWS[c]!, catW[c]!, shift, cache) : ws.div(w).toDecimalPlaces(SCORE_PLACES, Decimal.ROUND_HALF_EVEN),
    };
  }
  return categories;
}

/** What a conditional approval requires: each factor above the approval level, with its actions and controls. */
function mitigationsOf(run: PartnerRun, decision: RiskDecision): RiskMitigation[] {
  const { t, p, slots } = run;
  const mitigations: RiskMitigation[] = [];
  if (decision === 'conditional') {
    const levels = t.data.levels;
    const nF = t.factors.length;
    for (let k = 0; k < nF; k++) {
      const r = slots[k];
      if (r === undefined || r.rLevel <= p.approve) continue;
      const factor = t.factors[k]!.factor;
      mitigations.push({
        factor: factor.id,
        title: factor.title,
        residualLevel: levels[r.rLevel]!,
        targetAtMost: p.data.decision.approveUpTo,
        actions: factor.mitigations,
        controlsInPlace: (r.finding.controls ?? []).map((c) => c.id),
      });
    }
  }
  return mitigations;
}

/**
 * Assesses a partner: each finding rated inherent and residual on its factor's matrix, rolled up per
 * category and overall, with a heat map, the knock-outs, a decision with the steps that reached it,
 * the mitigations a conditional approval requires, and the next review date.
 *
 * The configuration comes first (`{ template, policy }`), the partner's facts second (`{ id?,
 * findings }`), the options last (`{ asOf }`). Findings give labels, or values read through the
 * factor's scales. Residual likelihood and impact never exceed the inherent ones, and a lowered
 * residual needs a control: both are errors otherwise, as are unknown factors and labels, two
 * findings for one factor, and a knock-out flag on a factor that is not a knock-out factor. Per
 * category: the worst level and a weighted score. Overall by the policy's method: `max` (the worst
 * residual level), `weighted` (Σ weight × score / Σ weight through the policy's explicit scores,
 * then the highest level whose score is at most that), or `k-worst` (the mean score of the k worst
 * factors, likewise). Scores are rounded half-even to 6 places; levels are decided on the exact
 * value. Decision rules, in order, each a step: knock-outs reject; unassessed factors escalate if
 * the policy says so; optional worst-factor rules; the overall level against the thresholds. The
 * decision is the most severe outcome. `explainAssessment` turns the result into sentences.
 *
 * @example
 * ```ts
 * const r = assessPartner({ template: dealerDueDiligence, policy: dealerDueDiligencePolicy }, { id: 'C9', findings: [
 *   { factor: 'registration', likelihood: 'very-low', impact: 'very-high' },
 *   { factor: 'credit-rating', likelihood: 'high', impact: 'high', controls: [{ id: 'bank-guarantee' }], residual: { likelihood: 'moderate', impact: 'high' } },
 * ] }, { asOf: '2026-03-01' });
 * [r.id, r.factors[1].inherent.level, r.factors[1].residual.level, r.decision, r.mitigations[0].factor, r.nextReviewDate];
 * //=> ['C9', 'high', 'moderate', 'conditional', 'credit-rating', '2026-08-28']
 * ```
 */
export function assessPartner(config: AssessPartnerConfig, partner: AssessPartnerInput, options: AssessPartnerOptions): PartnerAssessment {
  try {
    const x = prepare(config);
    const { asOf } = parseWith(singleOptionsShape, options, ['options']);
    return assessOne(x.t, x.p, x.fast, x.cache, partner, asOf, dayOf(asOf));
  } catch (error) {
    throw wrapThrown(error);
  }
}

/**
 * Assesses many partners against one template and policy, validated once: the batch form of
 * {@link assessPartner}, with the same arguments and an array of partners.
 *
 * Each partner may carry an `id`, returned on its row and its result and naming it in errors
 * (`partners[C2].findings[1].factor`). With `onError: 'throw'` (the default) every bad partner is
 * reported in one error; with `'collect'` every row comes back with its assessment or its error, and
 * the totals count the decisions of the good rows. `onProgress(done, total)` is called at most
 * about 200 times.
 *
 * @example
 * ```ts
 * const b = assessPartners({ template: dealerDueDiligence, policy: dealerDueDiligencePolicy }, [
 *   { id: 'P-1', findings: [{ factor: 'registration', likelihood: 'low', impact: 'low' }] },
 *   { id: 'P-2', findings: [{ factor: 'registration', likelihood: 'very-high', impact: 'very-high', knockout: true }] },
 * ], { asOf: '2026-03-01' });
 * [b.rows.map((r) => [r.id, r.result.decision]), b.totals.decisions.reject];
 * //=> [[['P-1', 'approve'], ['P-2', 'reject']], 1]
 * ```
 */
export function assessPartners(config: AssessPartnerConfig, partners: readonly AssessPartnerInput[], options: AssessPartnersOptions): PartnerAssessmentBatch {
  try {
    const x = prepare(config);
    const { asOf } = parseWith(batchOptionsShape, options, ['options']);
    const batch = batchOptionsOf(options);
    const day = dayOf(asOf);
    const run = runBatch<unknown, PartnerAssessment>(partners, 'partners', (row) => assessOne(x.t, x.p, x.fast, x.cache, row, asOf, day), batch);
    const decisions: Record<RiskDecision, number> = { approve: 0, conditional: 0, escalate: 0, reject: 0 };
    let knockouts = 0;
    let assessed = 0;
    for (const row of run.rows) {
      if (!row.ok) continue;
      assessed++;
      decisions[row.result.decision]++;
      if (row.result.knockouts.length > 0) knockouts++;
    }
    const totals: PartnerAssessmentTotals = { partners: assessed, decisions, knockouts };
    const warnings: Warning[] = run.failed > 0 ? [{ code: W.failedRows, message: M.failedRows(run.failed, run.rows.length), path: ['partners'] }] : [];
    const steps: Step[] = [{ code: 'decisions', text: T.batchDecisions(assessed, decisions, knockouts, run.failed) }];
    return { rows: run.rows, totals, failed: run.failed, warnings, steps };
  } catch (error) {
    throw wrapThrown(error);
  }
}
