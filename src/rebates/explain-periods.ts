// The texts of a settlement's and an accrual's steps, and their explainers.
import { inconsistentResult, readResult } from '../core/result-check.js';
import { RebateAccrualShape, RebateSettlementShape } from '../core/result-shapes.js';
import { invalid, wrapThrown } from '../core/errors.js';
import type { ExplainOptions } from '../core/result.js';
import type { RebateAccrual, RebateAccrualStep } from './accrual-types.js';
import type { RebateSettlement, RebateSettlementStep } from './settlement-types.js';
import type { Decimal } from '../core/decimal.js';
import { benefitsSentence, fmtMoney, fmtRate, fmtRounded, fmtUnits, formatOf, label, mainSentence, requireRebateFigures, type StepFormat } from './explain.js';
import { EXPLAIN_MESSAGES as X, PERIOD_MESSAGES as P } from './messages.js';

function settlementStepText(s: RebateSettlementStep, f: StepFormat, cumulative: boolean): string {
  switch (s.code) {
    case 'advance': {
      const rebate = cumulative ? P.rebateToDate(fmtMoney(s.rebate, f)) : P.rebateOfPeriod(fmtMoney(s.rebate, f));
      const held = s.holdbackRate.isZero() ? '' : P.heldBack(fmtRate(s.holdbackRate, f), fmtMoney(s.advance, f));
      const paid = cumulative && !s.paidBefore.isZero() ? P.paidBeforePart(fmtMoney(s.paidBefore, f)) : '';
      let text = P.advanceText(s.period, rebate, held, paid, fmtMoney(s.payment, f));
      if (s.recorded) text += P.recordedPart(fmtMoney(s.due, f));
      else if (!s.payment.eq(s.due)) text += P.notClawedPart(fmtMoney(s.due, f));
      return text;
    }
    case 'true-up': {
      let text = P.trueUpText(s.period, fmtMoney(s.annualRebate, f), fmtMoney(s.paidBefore, f), fmtMoney(s.payment, f));
      if (!s.carriedForward.isZero()) text += P.carriedPart(fmtMoney(s.carriedForward, f));
      if (!s.waived.isZero()) text += P.waivedPart(fmtMoney(s.waived, f));
      return text;
    }
    default:
      return s.annualRebate === null
        ? P.toDateTotalText(fmtMoney(s.totalPaid, f))
        : P.yearTotalText(
            fmtMoney(s.totalPaid, f),
            fmtMoney(s.annualRebate, f),
            s.carriedForward.isZero() ? null : fmtMoney(s.carriedForward, f),
            s.waived.isZero() ? null : fmtMoney(s.waived, f),
          );
  }
}

/** The text of every step of a settlement. @internal */
export function settlementStepTexts(steps: readonly RebateSettlementStep[], f: StepFormat, cumulative: boolean): string[] {
  return steps.map((s) => settlementStepText(s, f, cumulative));
}

/**
 * Turns a settlement into the sentences a channel manager sends a dealer: each period's advance
 * (the rebate to date, the holdback, what was paid before, what is paid now), the year's tier and
 * rebate, the true-up, and what was paid over the year.
 *
 * @param result - A result of {@link settleRebate}.
 * @param options - `locale`: whose digit grouping (`'en'` by default).
 * @example
 * ```ts
 * const sap = defineRebateProgram({ currency: 'EUR', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive',
 *   tiers: [{ from: 0 }, { from: 5000, rate: '0.02' }, { from: 20000, rate: '0.04' }],
 *   settlement: { advance: 'cumulative', negativeTrueUp: 'clawback' } });
 * explainSettlement(settleRebate(sap, { periods: [{ period: 'P1', sales: 7000 }, { period: 'P2', sales: 20000 }] }));
 * //=> ['P1: Tier 2 reached at net sales of 7,000.00: 2 % × 7,000.00 = 140.00 → pays 140.00.',
 * //    'P2 closes the year: Tier 3 reached at net sales of 27,000.00: 4 % × 27,000.00 = 1,080.00; less 140.00 paid → pays 940.00.',
 * //    'Paid over the year 1,080.00 = annual rebate 1,080.00.']
 * ```
 */
export function explainSettlement(result: RebateSettlement, options?: ExplainOptions): string[] {
  try {
    result = readResult(result, 'result', RebateSettlementShape());
    result.periods.forEach((p, i) => requireRebateFigures(p.calculation, ['result', 'periods', i, 'calculation']));
    if (result.annual !== null) requireRebateFigures(result.annual, ['result', 'annual']);
    if (result.periods.length === 0) invalid(['result', 'periods'], 'must hold the settled periods: a settlement has at least one', { code: 'too_short', limit: '1' });
    // Each advance explains the period at its index, a true-up the annual calculation: a step removed or moved breaks that.
    result.steps.forEach((s, i) => {
      if (s.code === 'advance' && result.periods[i]?.period !== s.period) inconsistentResult(['result', 'steps', i, 'period'], 'is not the period at the same place in periods: a step was removed or moved');
      if (s.code === 'true-up' && result.annual === null) inconsistentResult(['result', 'annual'], 'is null, but the steps hold a true-up: the annual calculation is missing');
    });
    const first = result.periods[0]!.calculation;
    const f = formatOf(first, options);
    const out: string[] = [];
    const cumulative = result.policy.advance === 'cumulative';
    result.steps.forEach((s, i) => {
      if (s.code === 'advance') {
        const main = mainSentence(result.periods[i]!.calculation, f).slice(0, -1);
        const held = s.holdbackRate.isZero() || s.rebate.isZero() ? '' : P.heldBackPart(fmtRate(s.holdbackRate, f), fmtMoney(s.advance, f));
        const paid = cumulative && !s.paidBefore.isZero() ? P.lessPaidPart(fmtMoney(s.paidBefore, f)) : '';
        let note = '';
        if (s.recorded) note = P.recordedPart(fmtMoney(s.due, f));
        else if (!s.payment.eq(s.due)) note = P.notClawedPart(fmtMoney(s.due, f));
        out.push(P.advanceExplained(s.period, main, held, paid, fmtMoney(s.payment, f), note));
      } else if (s.code === 'true-up') {
        const year = result.annual!;
        let tail = '';
        if (!s.carriedForward.isZero()) tail += P.carriedPart(fmtMoney(s.carriedForward, f));
        if (!s.waived.isZero()) tail += P.waivedPart(fmtMoney(s.waived, f));
        const paid = s.paidBefore.isZero() ? '' : P.lessPaidPart(fmtMoney(s.paidBefore, f));
        out.push(P.trueUpExplained(s.period, mainSentence(year, f).slice(0, -1), paid, fmtMoney(s.payment, f), tail));
        const benefits = benefitsSentence(year, f);
        if (benefits !== null) out.push(benefits);
      } else out.push(P.sentence(settlementStepText(s, f, cumulative)));
    });
    for (const w of result.warnings) out.push(X.note(w.message));
    return out;
  } catch (error) {
    throw wrapThrown(error);
  }
}

function accrualStepText(s: RebateAccrualStep, f: StepFormat, units: boolean): string {
  const amount = (d: Decimal): string => (units ? fmtUnits(d, f) : fmtMoney(d, f));
  switch (s.code) {
    case 'elapsed':
      return P.elapsedText(s.elapsedDays, s.periodDays, s.periodStart, s.asOf, s.periodEnd);
    case 'projection':
      if (s.method === 'actual') return P.actualProjection(fmtMoney(s.netToDate, f));
      if (s.method === 'forecast') return P.forecastProjection(fmtMoney(s.projectedNet, f));
      return P.runRateProjection(fmtMoney(s.netToDate, f), s.periodDays, s.elapsedDays, P.about(fmtRounded(s.projectedNet, f), s.projectedNet.decimalPlaces() <= f.scale));
    case 'projected-rebate':
      return P.projectedRebateText(fmtMoney(s.rebate, f), label(s.tier.name, s.tier.index));
    default:
      if (s.method === 'actual') return P.accrualActualText(fmtMoney(s.accrual, f));
      // As accrueRebate computes it: nothing unless the projected whole and the figure to date are both positive.
      if (!s.whole.gt(0) || !s.toDate.gt(0)) return P.accrualNothingText;
      return P.accrualShareText(fmtMoney(s.rebate, f), amount(s.toDate), P.about(units ? fmtUnits(s.whole, f) : fmtRounded(s.whole, f), units || s.whole.decimalPlaces() <= f.scale), fmtMoney(s.accrual, f));
  }
}

/** The text of every step of an accrual. @internal */
export function accrualStepTexts(steps: readonly RebateAccrualStep[], f: StepFormat, units: boolean): string[] {
  return steps.map((s) => accrualStepText(s, f, units));
}

/**
 * Turns an accrual into sentences for finance: how the period was projected, the projected tier
 * and rebate, what to accrue now and why, and the rebate if the period ended today.
 *
 * @param result - A result of {@link accrueRebate}.
 * @param options - `locale`: whose digit grouping (`'en'` by default).
 * @example
 * ```ts
 * const sap = defineRebateProgram({ currency: 'EUR', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive',
 *   tiers: [{ from: 0 }, { from: 5000, rate: '0.02' }, { from: 20000, rate: '0.04' }] });
 * explainAccrual(accrueRebate(sap, { salesToDate: 12000, periodStart: '2025-01-01', periodEnd: '2025-12-31', asOf: '2025-06-30', method: 'forecast', forecast: { sales: 30000 } }))[2];
 * //=> 'Accrue 480.00 now: the projected rebate 1,200.00 × 12,000.00 sold to date / 30,000.00 projected.'
 * ```
 */
export function explainAccrual(result: RebateAccrual, options?: ExplainOptions): string[] {
  try {
    result = readResult(result, 'result', RebateAccrualShape());
    requireRebateFigures(result.projected, ['result', 'projected']);
    requireRebateFigures(result.actualToDate, ['result', 'actualToDate']);
    const f = formatOf(result.projected, options);
    const units = result.projected.basis === 'quantity';
    const net = fmtMoney(result.netToDate, f);
    const out: string[] = [];
    if (result.method === 'actual') out.push(P.actualExplained(net, result.elapsedDays, result.periodDays));
    else if (result.method === 'run-rate') {
      const p = result.projectedNet;
      out.push(P.runRateExplained(net, result.elapsedDays, result.periodDays, P.about(fmtRounded(p, f), p.decimalPlaces() <= f.scale)));
    } else out.push(P.forecastExplained(fmtMoney(result.projectedNet, f), net, result.elapsedDays, result.periodDays));
    out.push(mainSentence(result.projected, f));
    const step = result.steps[result.steps.length - 1]!;
    const accrual = fmtMoney(result.accrual, f);
    if (step.code !== 'accrual' || step.method === 'actual') out.push(P.accrueActualExplained(accrual));
    else if (!step.whole.gt(0) || !step.toDate.gt(0)) out.push(P.accrueNothingExplained(accrual));
    else {
      const whole = units ? fmtUnits(step.whole, f) : P.about(fmtRounded(step.whole, f), step.whole.decimalPlaces() <= f.scale);
      out.push(P.accrueExplained(accrual, fmtMoney(step.rebate, f), units ? fmtUnits(step.toDate, f) : fmtMoney(step.toDate, f), whole, units));
    }
    if (result.method !== 'actual') out.push(P.todayExplained(fmtMoney(result.actualToDate.rebate, f)));
    for (const w of result.warnings) if (w.code !== 'retroactive-jump') out.push(X.note(w.message));
    return out;
  } catch (error) {
    throw wrapThrown(error);
  }
}
