import { readResult } from '../core/result-check.js';
import { FinancialAnalysisShape, PartnerAssessmentShape } from '../core/result-shapes.js';
import { invalid, wrapThrown } from '../core/errors.js';
import { separatorsOf } from '../core/format.js';
import type { ExplainOptions } from '../core/result.js';
import type { PartnerAssessment, RiskOverallLevelStep, RiskOverallStep } from './assess.js';
import type { FinancialAnalysis } from './financials.js';
import { EXPLAIN_TEXTS as E, describe } from './messages.js';
import { FINANCIAL_RATIOS } from './schema.js';

function localeOf(options: ExplainOptions | undefined) {
  if (options !== undefined && (typeof options !== 'object' || options === null)) invalid(['options'], E.optionsType(options), { code: 'invalid_type', received: describe(options) });
  return separatorsOf(options?.locale, ['options', 'locale']);
}


/**
 * Explains an assessment in the sentences a channel manager would send: the decision and the
 * overall level with how it was reached, the rules that acted (knock-outs, unassessed factors, a
 * worst-factor rule), the factors above the approval threshold grouped by level (with the controls
 * that lowered them), the mitigations a conditional approval requires, and the next review date.
 *
 * Pure: it reads the result only. Figures (weighted scores) use the `locale`'s digit grouping and
 * decimal mark; the sentences stay English.
 *
 * @example
 * ```ts
 * const r = assessPartner({ template: dealerDueDiligence, policy: dealerDueDiligencePolicy }, { id: 'C9', findings: [
 *   { factor: 'registration', likelihood: 'very-low', impact: 'very-high' },
 *   { factor: 'credit-rating', likelihood: 'high', impact: 'high', controls: [{ id: 'bank-guarantee' }], residual: { likelihood: 'moderate', impact: 'high' } },
 * ] }, { asOf: '2026-03-01' });
 * explainAssessment(r);
 * //=> ['C9 is approved with conditions: overall risk moderate, the worst residual level of the 2 assessed factors (credit-rating).', 'At moderate: credit-rating (high × high, lowered by bank-guarantee to moderate × high).', 'To approve, bring credit-rating from moderate to at most low: bank guarantee or letter of credit; lower initial credit line; shorter payment terms.', 'Next review on 2026-08-28, 180 days after 2026-03-01.']
 * ```
 */
export function explainAssessment(result: PartnerAssessment, options?: ExplainOptions): string[] {
  try {
    result = readResult(result, 'result', PartnerAssessmentShape(), E.resultType('the result of assessPartner', result));
    const seps = localeOf(options);
    // readResult has checked the shape: an object whose steps and factors are lists and whose decision is one of the four.
    const r = result;
    const out: string[] = [];
    const overall = r.steps.find((s): s is RiskOverallStep => s.code === 'overall');
    const rule = r.steps.find((s): s is RiskOverallLevelStep => s.code === 'overall-level');
    if (overall === undefined || rule === undefined) invalid(['result', 'steps'], E.missingSteps(), { code: 'invalid_value' });
    out.push(E.headline(r.id, r.decision, overall, r.factors.length, seps));
    for (const k of r.knockouts) out.push(E.knockout(k.factor, k.reason, k.note));
    for (const s of r.steps) {
      if (s.code === 'unassessed' && s.outcome !== null) out.push(E.unassessed(s.factors));
      if (s.code === 'worst-factor' && s.outcome !== null) out.push(E.sentence(s.text));
    }
    const levels = rule.levels;
    const approve = levels.indexOf(rule.thresholds.approveUpTo);
    // Stryker disable next-line ArithmeticOperator: starting at levels.length + 1 only adds levels[length + 1] and levels[length], undefined, which no factor's residual level equals
    for (let lv = levels.length - 1; lv > approve; lv--) {
      const at = r.factors.filter((f) => f.residual.level === levels[lv]);
      if (at.length > 0) out.push(E.atLevel(levels[lv]!, at));
    }
    for (const m of r.mitigations) out.push(E.mitigation(m.factor, m.residualLevel, m.targetAtMost, m.actions));
    out.push(E.review(r.nextReviewDate, r.reviewCadenceDays, r.asOf));
    return out;
  } catch (error) {
    throw wrapThrown(error);
  }
}

/**
 * Explains a financial analysis in sentences about its latest year: liquidity and leverage, the
 * working-capital cycle, ROE with its DuPont factors, the Altman zone, the benchmark bands, which
 * benchmarked ratios improved or deteriorated since the first year, and revenue growth a year.
 *
 * Ratios are shown to 2 places, shares as percentages and days to 1 place, with the `locale`'s
 * digit grouping and decimal mark (the exact figures are in the result and its steps).
 *
 * @example
 * ```ts
 * const a = analyzeFinancials({ dayCount: 365, averages: false, years: [{ year: 2024, revenue: 1000, cogs: 700, ebit: 100, interest: 20, ebt: 80, netIncome: 60, totalAssets: 800, totalLiabilities: 400, currentAssets: 500, currentLiabilities: 250, inventory: 150, receivables: 120, payables: 90, equity: 400, retainedEarnings: 150, operatingCashFlow: 70 }] });
 * explainFinancials(a).slice(0, 3);
 * //=> ['2024 (year-end balances): current ratio 2.00, quick ratio 1.40, debt ratio 50.00 %, interest coverage 5.00, operating-cash-flow ratio 0.28.', 'Cash conversion cycle 75.1 days: DSO 43.8 + DIO 78.2 − DPO 46.9.', 'ROE 15.00 %: net margin 6.00 % × asset turnover 1.25 × equity multiplier 2.00.']
 * ```
 */
export function explainFinancials(result: FinancialAnalysis, options?: ExplainOptions): string[] {
  try {
    result = readResult(result, 'result', FinancialAnalysisShape(), E.resultType('the result of analyzeFinancials', result));
    const seps = localeOf(options);
    // readResult has checked the shape (an object whose years and trends are lists); an analysis has at least one year.
    const a = result;
    if (a.years.length === 0) invalid(['result'], E.resultType('the result of analyzeFinancials', a), { code: 'invalid_type', received: describe(a) });
    const y = a.years[a.years.length - 1]!;
    const r = y.ratios;
    const out: string[] = [];
    const head = E.liquidity(y.year, y.basis, r, seps);
    if (head !== null) out.push(head);
    if (r.cashConversionCycle !== null && r.dso !== null && r.dio !== null && r.dpo !== null) out.push(E.cycle(r.cashConversionCycle, r.dso, r.dio, r.dpo, seps));
    if (r.roe !== null) out.push(E.roe(r.roe, y.dupont3, seps));
    if (y.altman !== null) out.push(E.altman(y.altman.variant, y.altman.z, y.altman.zone, y.altman.cutoffs.distressBelow, y.altman.cutoffs.safeAbove, seps));
    const banded = FINANCIAL_RATIOS.filter((name) => Object.prototype.hasOwnProperty.call(y.bands, name)).map((name) => [name, y.bands[name]!.band] as const);
    if (banded.length > 0 && a.benchmarks !== null) out.push(E.bands(a.benchmarks, banded));
    const improving = a.trends.filter((t) => t.assessment === 'improving');
    const deteriorating = a.trends.filter((t) => t.assessment === 'deteriorating');
    if (improving.length + deteriorating.length > 0) out.push(E.trends(a.years[0]!.year, y.year, improving.map((t) => t.ratio), deteriorating.map((t) => t.ratio)));
    if (a.revenueCagr !== null) out.push(E.cagr(a.revenueCagr, a.years[0]!.year, y.year, seps));
    return out;
  } catch (error) {
    throw wrapThrown(error);
  }
}
