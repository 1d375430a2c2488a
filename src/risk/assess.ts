import { batchOptionsOf, runBatch } from '../core/batch.js';
import { Decimal } from '../core/decimal.js';
import type { IsoDate } from '../core/dates.js';
import { invalid, outOfRange, wrapThrown } from '../core/errors.js';
import type { Step, Warning } from '../core/result.js';
import { parseWith } from '../core/schema.js';
import { RISK_MESSAGES as M, RISK_TEXTS as T, WARNING_CODES as W, describe, hasOwn } from './messages.js';
import { type PolicyIndex } from './policy.js';
import { type TemplateIndex } from './template.js';
import type { RiskControl, RiskFinding } from './finding.js';
import type { AssessedRiskFactor, AssessPartnerConfig, AssessPartnerInput, AssessPartnerOptions, AssessPartnersOptions, PartnerAssessment, PartnerAssessmentBatch, PartnerAssessmentStep, PartnerAssessmentTotals, RiskCategoryRollup, RiskDecision, RiskDecisionStep, RiskKnockout, RiskKnockoutStep, RiskMitigation, RiskOverall, RiskOverallLevelStep, RiskReviewStep, RiskUnassessedStep, RiskWorstFactorStep } from './assessment.js';
import { CallCache, LazyIssues, unknownKey, PARTNER_KEYS, isFindingKey, zeroGrid, FINDING_KEY_LIST, axisIndex, NO_CONTROLS, SCORE_PLACES, scaledMean, ONE, scaledMeanQ, scaledText, floorLevel, floorDecimal, NO_FACTORS, SEVERITY, RULES, LAST_DAY, civilFromDays, prepare, singleOptionsShape, dayOf, batchOptionsShape, type Resolved } from './assess-support.js';

export type { RiskAxisValue, RiskControl, RiskFinding } from './finding.js';
export type {
  RiskRating, AssessedRiskFactor, RiskCategoryRollup, RiskOverall, RiskHeatMap, RiskKnockout, RiskDecision, RiskDecisionRule,
  RiskMitigation, RiskOverallStep, RiskKnockoutStep, RiskUnassessedStep, RiskWorstFactorStep, RiskOverallLevelStep,
  RiskDecisionStep, RiskReviewStep, PartnerAssessmentStep, PartnerAssessment, AssessPartnerConfig, AssessPartnerInput,
  AssessPartnerOptions, AssessPartnersOptions, PartnerAssessmentTotals, PartnerAssessmentBatch,
} from './assessment.js';

function assessOne(t: TemplateIndex, p: PolicyIndex, fast: boolean, cache: CallCache, partner: unknown, asOf: IsoDate, dayNumber: number): PartnerAssessment {
  if (typeof partner !== 'object' || partner === null || Array.isArray(partner)) {
    invalid([], M.partnerType(partner), { code: partner === undefined ? 'required' : 'invalid_type', received: describe(partner) });
  }
  const input = partner as AssessPartnerInput;
  const bad = new LazyIssues();
  for (const key in input) if (key !== 'id' && key !== 'findings') unknownKey([key], key, PARTNER_KEYS, bad.get());
  let id: string | number | null = null;
  if (hasOwn(input, 'id') && input.id !== undefined) {
    const v: unknown = input.id;
    if ((typeof v === 'string' && v !== '') || (typeof v === 'number' && Number.isFinite(v))) id = v;
    else bad.get().add(['id'], M.partnerId(v), 'invalid_input', { code: 'invalid_type', received: describe(v) });
  }
  const findings: unknown = input.findings;
  if (!Array.isArray(findings)) {
    bad.get().add(['findings'], M.findingsArray(findings), 'invalid_input', { code: findings === undefined ? 'required' : 'invalid_type', received: describe(findings) });
    bad.get().throwIfAny();
  }
  const list = findings as unknown[];
  if (list.length === 0) {
    bad.get().add(['findings'], M.findingsEmpty(), 'invalid_input', { code: 'too_short', limit: '1', received: '0' });
    bad.get().throwIfAny();
  }
  const nF = t.factors.length;
  const slots: (Resolved | undefined)[] = new Array(nF);
  let nAssessed = 0;
  const firstAt: (number | undefined)[] = new Array(nF);
  for (let k = 0; k < list.length; k++) {
    const raw = list[k] as RiskFinding;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      bad.get().add(['findings', k], M.findingType(raw), 'invalid_input', { code: raw === undefined ? 'required' : 'invalid_type', received: describe(raw) });
      continue;
    }
    for (const key in raw) if (!isFindingKey(key)) unknownKey(['findings', k, key], key, FINDING_KEY_LIST, bad.get());
    const f = typeof raw.factor === 'string' ? t.byId.get(raw.factor) : undefined;
    if (f === undefined) {
      if (typeof raw.factor === 'string') bad.get().add(['findings', k, 'factor'], M.unknownFactor(t.data.name, raw.factor), 'unknown_label', { code: 'unknown_label', received: JSON.stringify(raw.factor) });
      else bad.get().add(['findings', k, 'factor'], M.factorType(raw.factor), 'invalid_input', { code: raw.factor === undefined ? 'required' : 'invalid_type', received: describe(raw.factor) });
      continue;
    }
    if (firstAt[f.pos] !== undefined) {
      bad.get().add(['findings', k, 'factor'], M.duplicateFinding(firstAt[f.pos]!, f.factor.id), 'invalid_input', { code: 'duplicate', received: JSON.stringify(f.factor.id) });
      continue;
    }
    firstAt[f.pos] = k;
    const before = bad.issues === undefined ? 0 : bad.issues.issues.length;
    const l = axisIndex(f, 'likelihood', raw.likelihood, k, '', bad);
    const i = axisIndex(f, 'impact', raw.impact, k, '', bad);
    let rl = l;
    let ri = i;
    const controls = raw.controls;
    if (controls !== undefined) {
      if (!Array.isArray(controls)) bad.get().add(['findings', k, 'controls'], M.controlsArray(), 'invalid_input', { code: 'invalid_type', received: describe(controls) });
      else {
        for (let j = 0; j < controls.length; j++) {
          const c = controls[j] as RiskControl;
          // A control that is no object is wrong as a whole: the issue names the item, not an id inside it.
          if (typeof c !== 'object' || c === null || Array.isArray(c)) {
            bad.get().add(['findings', k, 'controls', j], M.controlType(c), 'invalid_input', { code: c === undefined ? 'required' : 'invalid_type', expected: 'an object', received: describe(c) });
          } else if (typeof c.id !== 'string' || c.id === '') {
            bad.get().add(['findings', k, 'controls', j, 'id'], M.controlId(), 'invalid_input', { code: c.id === undefined ? 'required' : 'invalid_type' });
          }
        }
      }
    }
    const residual = raw.residual;
    if (residual !== undefined) {
      if (typeof residual !== 'object' || residual === null) bad.get().add(['findings', k, 'residual'], M.residualType(), 'invalid_input', { code: 'invalid_type', received: describe(residual) });
      else {
        rl = axisIndex(f, 'likelihood', residual.likelihood, k, 'residual', bad);
        ri = axisIndex(f, 'impact', residual.impact, k, 'residual', bad);
        const m = f.m.shape;
        if (rl >= 0 && l >= 0 && rl > l) {
          bad.get().add(['findings', k, 'residual', 'likelihood'], M.residualAbove('likelihood', m.likelihood[rl]!, m.likelihood[l]!), 'out_of_range', {
            code: 'out_of_range',
            expected: `at most '${m.likelihood[l]}'`,
            received: JSON.stringify(m.likelihood[rl]),
            limit: m.likelihood[l]!,
          });
        }
        if (ri >= 0 && i >= 0 && ri > i) {
          bad.get().add(['findings', k, 'residual', 'impact'], M.residualAbove('impact', m.impact[ri]!, m.impact[i]!), 'out_of_range', {
            code: 'out_of_range',
            expected: `at most '${m.impact[i]}'`,
            received: JSON.stringify(m.impact[ri]),
            limit: m.impact[i]!,
          });
        }
        const lowered = (rl >= 0 && l >= 0 && rl < l) || (ri >= 0 && i >= 0 && ri < i);
        if (lowered && (controls === undefined || !Array.isArray(controls) || controls.length === 0)) {
          bad.get().add(['findings', k, 'controls'], M.controlsRequired(m.likelihood[rl]!, m.impact[ri]!, m.likelihood[l]!, m.impact[i]!), 'invalid_input', { code: 'inconsistent' });
        }
      }
    }
    let knockout: 'finding' | 'level' | null = null;
    if (raw.knockout !== undefined && typeof raw.knockout !== 'boolean') {
      bad.get().add(['findings', k, 'knockout'], M.knockoutType(raw.knockout), 'invalid_input', { code: 'invalid_type', received: describe(raw.knockout) });
    } else if (raw.knockout === true) {
      if (f.factor.knockout === undefined) bad.get().add(['findings', k, 'knockout'], M.notAKnockoutFactor(f.factor.id, t.data.name), 'invalid_input', { code: 'inconsistent' });
      else knockout = 'finding';
    }
    if (raw.note !== undefined && typeof raw.note !== 'string') bad.get().add(['findings', k, 'note'], M.noteType(raw.note), 'invalid_input', { code: 'invalid_type', received: describe(raw.note) });
    if (bad.issues !== undefined && bad.issues.issues.length > before) continue;
    const g = f.m.grid;
    const nI = f.m.nI;
    const rLevel = g[rl * nI + ri]!;
    if (knockout === null && f.knockoutAt >= 0 && rLevel >= f.knockoutAt) knockout = 'level';
    slots[f.pos] = { f, k, l, i, rl, ri, level: g[l * nI + i]!, rLevel, finding: raw, knockout };
    nAssessed++;
  }
  if (bad.issues !== undefined) bad.issues.throwIfAny();

  const levels = t.data.levels;
  const nCat = t.data.categories.length;
  const catWS = new Array<number>(nCat).fill(0);
  const catW = new Array<number>(nCat).fill(0);
  const catN = new Array<number>(nCat).fill(0);
  const catWorst = new Array<number>(nCat).fill(-1);
  const catDec: { ws: Decimal; w: Decimal }[] | undefined = fast ? undefined : t.data.categories.map(() => ({ ws: new Decimal(0), w: new Decimal(0) }));
  const nM = t.matrices.length;
  const heat = new Array<{ inherent: number[][]; residual: number[][] }>(nM);
  for (let j = 0; j < nM; j++) {
    const m = t.matrices[j]!;
    const nL = m.shape.likelihood.length;
    heat[j] = { inherent: zeroGrid(nL, m.nI), residual: zeroGrid(nL, m.nI) };
  }
  // Results are kept by the caller: their lists are made at their exact size, not grown by push.
  const factors: AssessedRiskFactor[] = new Array<AssessedRiskFactor>(nAssessed);
  let nFactors = 0;
  const unassessed: string[] = [];
  const knockouts: RiskKnockout[] = [];
  const assessedScores: number[] = [];
  let worst = -1;
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
      if (unMask >= 0) unMask |= 1 << k;
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
    factors[nFactors++] = {
      factor: factor.id,
      title: factor.title,
      category: factor.category,
      weight: factor.weight,
      matrix: fi.m.shape.name,
      inherent: fi.m.ratings[r.l * fi.m.nI + r.i]!,
      residual: fi.m.ratings[r.rl * fi.m.nI + r.ri]!,
      score: p.sDec[lv]!,
      controls: r.finding.controls ?? NO_CONTROLS,
      knockout: r.knockout !== null,
      note,
    };
  }

  const wS = t.weightScale;
  const sS = p.scoreScale;
  const shift = SCORE_PLACES - sS;
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

  // overall, knockout, unassessed, the worst factor's rule when the policy has one, overall level, decision, review.
  const steps: PartnerAssessmentStep[] = new Array<PartnerAssessmentStep>(p.rejectIfAny >= 0 || p.escalateIfAny >= 0 ? 7 : 6);
  let nSteps = 0;
  const warnings: Warning[] = [];
  const method = p.data.overall;
  let overall: RiskOverall;
  let overallIdx: number;
  if (method.method === 'max') {
    const basis: string[] = [];
    for (const x of factors) if (x.residual.level === levels[worst]) basis.push(x.factor);
    overallIdx = worst;
    overall = { method: 'max', level: levels[worst]!, score: p.sDec[worst]!, sum: p.sDec[worst]!, divisor: ONE, basis };
    steps[nSteps++] = { code: 'overall', method: 'max', sum: overall.sum, divisor: ONE, score: overall.score, level: overall.level, levelScore: overall.score, basis, text: T.overallMax(factors.length, overall.level, basis) };
  } else if (method.method === 'weighted') {
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
    overallIdx = fast ? floorLevel(sU, totalWS, totalW) : floorDecimal(p, sum.div(divisor));
    const basis = factors.map((x) => x.factor);
    overall = { method: 'weighted', level: levels[overallIdx]!, score, sum, divisor, basis };
    const sumText = fast ? scaledText(totalWS, wS + sS) : sum.toString();
    const divisorText = fast ? scaledText(totalW, wS) : divisor.toString();
    steps[nSteps++] = { code: 'overall', method: 'weighted', sum, divisor, score, level: overall.level, levelScore: p.sDec[overallIdx]!, basis, text: T.overallWeighted(sumText, divisorText, scoreText, SCORE_PLACES, overall.level, p.sText[overallIdx]!) };
  } else {
    const kk = Math.min(method.k, assessedScores.length);
    // The k highest scores; ties are equal scores, so which factor is taken does not change the sum.
    const order = factors.map((_, j) => j).sort((a, b) => assessedScores[b]! - assessedScores[a]! || a - b);
    const taken = order.slice(0, kk);
    let num = 0;
    for (const j of taken) num += assessedScores[j]!;
    const score = scaledMean(num, kk, shift, cache);
    overallIdx = floorLevel(sU, num, kk);
    const sum = cache.get(num, sS);
    const basis = taken.map((j) => factors[j]!.factor);
    overall = { method: 'k-worst', level: levels[overallIdx]!, score, sum, divisor: new Decimal(kk), basis };
    steps[nSteps++] = { code: 'overall', method: 'k-worst', sum, divisor: overall.divisor, score, level: overall.level, levelScore: p.sDec[overallIdx]!, basis, text: T.overallKWorst(kk, basis, sum, score, overall.level, p.sText[overallIdx]!) };
  }

  // Decision rules, each a step with its outcome; the decision is the most severe outcome. Steps
  // that depend only on the policy and a few levels are built once per call and shared (frozen).
  // (find ?? keep: no closure is made per partner when the shared step is there already.)
  const pol = p.data;
  let decidingMask = 0;
  let decision: RiskDecision = 'approve';
  const outcomes: (RiskDecision | null)[] = [];
  const koOutcome = knockouts.length > 0 ? 'reject' : null;
  steps[nSteps++] =
    knockouts.length === 0
      ? (cache.find<RiskKnockoutStep>('ko', 0) ?? cache.keep<RiskKnockoutStep>('ko', 0, { code: 'knockout', outcome: null, factors: NO_FACTORS, text: T.ruleKnockout(knockouts) }))
      : { code: 'knockout', outcome: koOutcome, factors: knockouts.map((x) => x.factor), text: T.ruleKnockout(knockouts) };
  outcomes.push(koOutcome);
  const unOutcome = pol.unassessed === 'escalate' && unassessed.length > 0 ? 'escalate' : null;
  const unStep: RiskUnassessedStep =
    unMask >= 0
      ? (cache.find<RiskUnassessedStep>('un', unMask) ??
        cache.keep<RiskUnassessedStep>('un', unMask, { code: 'unassessed', outcome: unOutcome, factors: Object.freeze(unassessed), policy: pol.unassessed, text: T.ruleUnassessed(unassessed, pol.unassessed) }))
      : { code: 'unassessed', outcome: unOutcome, factors: unassessed, policy: pol.unassessed, text: T.ruleUnassessed(unassessed, pol.unassessed) };
  steps[nSteps++] = unStep;
  outcomes.push(unOutcome);
  let worstCovered = false;
  if (p.rejectIfAny >= 0 || p.escalateIfAny >= 0) {
    let outcome: 'escalate' | 'reject' | null = null;
    if (p.rejectIfAny >= 0 && worst >= p.rejectIfAny) outcome = 'reject';
    else if (p.escalateIfAny >= 0 && worst >= p.escalateIfAny) outcome = 'escalate';
    worstCovered = outcome !== null;
    let wf = cache.find<RiskWorstFactorStep>('wf', worst);
    if (wf === undefined) {
      const escalateAt = p.escalateIfAny >= 0 ? levels[p.escalateIfAny]! : null;
      const rejectAt = p.rejectIfAny >= 0 ? levels[p.rejectIfAny]! : null;
      wf = cache.keep<RiskWorstFactorStep>('wf', worst, { code: 'worst-factor', outcome, worst: levels[worst]!, escalateAt, rejectAt, text: T.ruleWorstFactor(outcome, levels[worst]!, escalateAt, rejectAt) });
    }
    steps[nSteps++] = wf;
    outcomes.push(outcome);
  } else outcomes.push(null);
  // An average can hide one severe factor: say so when no worst-factor rule acted on it.
  if (method.method !== 'max' && worst > overallIdx && !worstCovered) {
    const fw = factors[worstAt]!;
    const pos = t.byId.get(fw.factor)!.pos;
    const k = slots[pos]!.k;
    // Shared when the factor, its finding's place, its level and the overall level repeat (< 2^53).
    const key = k < 65536 && pos < 65536 && overallIdx < 64 && worst < 64 ? ((pos * 65536 + k) * 64 + overallIdx) * 64 + worst : -1;
    let warning = key >= 0 ? cache.find<Warning>('as', key) : undefined;
    if (warning === undefined) {
      warning = { code: W.averagedSevere, message: M.averagedSevere(fw.factor, fw.residual.level, method.method, overall.level), path: Object.freeze(['findings', k]) as (string | number)[] };
      if (key >= 0) warning = cache.keep('as', key, warning);
    }
    warnings.push(warning);
  }
  const byLevel: RiskDecision = overallIdx <= p.approve ? 'approve' : overallIdx <= p.conditional ? 'conditional' : overallIdx <= p.escalate ? 'escalate' : 'reject';
  let ol = cache.find<RiskOverallLevelStep>('ol', overallIdx);
  if (ol === undefined) {
    const threshold = byLevel === 'approve' ? 'approveUpTo' : byLevel === 'conditional' ? 'conditionalUpTo' : 'escalateUpTo';
    const thresholdLevel = pol.decision[threshold];
    ol = cache.keep<RiskOverallLevelStep>('ol', overallIdx, { code: 'overall-level', outcome: byLevel, level: overall.level, threshold, thresholdLevel, levels: pol.levels, thresholds: pol.decision, text: T.ruleOverallLevel(overall.level, byLevel, threshold, thresholdLevel) });
  }
  steps[nSteps++] = ol;
  outcomes.push(byLevel);
  for (const o of outcomes) if (o !== null && SEVERITY[o] > SEVERITY[decision]) decision = o;
  for (let j = 0; j < outcomes.length; j++) if (outcomes[j] === decision) decidingMask |= 1 << j;
  const deKey = SEVERITY[decision] * 16 + decidingMask;
  let de = cache.find<RiskDecisionStep>('de', deKey);
  if (de === undefined) {
    const deciding = Object.freeze(RULES.filter((_, j) => (decidingMask & (1 << j)) !== 0));
    de = cache.keep<RiskDecisionStep>('de', deKey, { code: 'decision', decision, rules: deciding, text: T.decision(decision, deciding) });
  }
  steps[nSteps++] = de;

  const mitigations: RiskMitigation[] = [];
  if (decision === 'conditional') {
    for (let k = 0; k < nF; k++) {
      const r = slots[k];
      if (r === undefined || r.rLevel <= p.approve) continue;
      const factor = t.factors[k]!.factor;
      mitigations.push({
        factor: factor.id,
        title: factor.title,
        residualLevel: levels[r.rLevel]!,
        targetAtMost: pol.decision.approveUpTo,
        actions: factor.mitigations,
        controlsInPlace: (r.finding.controls ?? []).map((c) => c.id),
      });
    }
  }

  const cadence = p.cadence[overallIdx]!;
  const due = dayNumber + cadence;
  if (due > LAST_DAY) outOfRange(['options', 'asOf'], M.reviewAfter9999(cadence), { code: 'out_of_range', limit: '9999-12-31' });
  // One asOf per call, so the review step depends on the overall level only.
  let review = cache.find<RiskReviewStep>('rv', overallIdx);
  if (review === undefined) {
    const next = civilFromDays(due);
    review = cache.keep<RiskReviewStep>('rv', overallIdx, { code: 'review', asOf, level: overall.level, cadenceDays: cadence, nextReviewDate: next, text: T.review(next, asOf, cadence, overall.level) });
  }
  steps[nSteps++] = review;
  const nextReviewDate = review.nextReviewDate;
  return {
    id,
    template: t.data.name,
    policy: pol.name,
    asOf,
    factors,
    unassessed: unStep.factors,
    categories,
    overall,
    heatMap: t.matrices.map((m, j) => ({ matrix: m.shape.name, likelihood: m.shape.likelihood, impact: m.shape.impact, inherent: heat[j]!.inherent, residual: heat[j]!.residual })),
    knockouts,
    decision,
    mitigations,
    nextReviewDate,
    reviewCadenceDays: cadence,
    warnings,
    steps,
  };
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
