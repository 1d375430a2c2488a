import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { ZERO, type Decimal } from '../core/decimal.js';
import { invalid, outOfRange, wrapThrown } from '../core/errors.js';
import { formatPath } from '../core/errors.js';
import { utcDateOf, type IsoDate } from '../core/dates.js';
import { roundDecimal, roundRatio } from '../core/money.js';
import { parseWith } from '../core/schema.js';
import type { Warning } from '../core/result.js';
import { checkFacts, contextOf, evaluate, ratioScaleOf, type RebateFacts, type RebateOptions } from './calculate.js';
import type { RebateAccrual, RebateAccrualStep } from './accrual-types.js';
import { EN } from './explain.js';
import { accrualStepTexts } from './explain-periods.js';
import { resolveProgram, type RebateProgram } from './program.js';
import { accrualShape, type RebateAccrualInput } from './schema.js';
import { PERIOD_MESSAGES as P } from './messages.js';

export type * from './accrual-types.js';

/**
 * Estimates the rebate to accrue before the period closes: project the period's basis, find its
 * tier, and book the share of the projected rebate earned by the sales to date.
 *
 * `'actual'` treats today as the period end; `'run-rate'` scales the figures to date by
 * period days / elapsed days; `'forecast'` uses a given full-period forecast. Under a retroactive
 * program the projected tier prices the sales to date, which is what keeps accruals right when a
 * dealer is on course for a higher tier. The rebate as if the period ended today is given beside it.
 *
 * @example
 * ```ts
 * const sap = defineRebateProgram({ currency: 'EUR', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive',
 *   tiers: [{ from: 0 }, { from: 5000, rate: '0.02' }, { from: 20000, rate: '0.04' }] });
 * const a = accrueRebate(sap, { salesToDate: 12000, periodStart: '2025-01-01', periodEnd: '2025-12-31', asOf: '2025-06-30', method: 'run-rate' });
 * [a.projectedNet.toFixed(2), a.accrual.toString(), a.actualToDate.rebate.toString()];
 * //=> ['24198.90', '480', '240']
 * ```
 *
 * @param program - A program from {@link defineRebateProgram}.
 * @param input - The figures to date, the period and the projection method.
 * @param options - `ratioScale`: decimal places of reported ratios (the program's, 10 by default).
 */
export function accrueRebate(program: RebateProgram, input: RebateAccrualInput, options?: RebateOptions): RebateAccrual {
  try {
    const { program: p, internals } = resolveProgram(program, ['program']);
    const ratioScale = ratioScaleOf(options);
    const s = parseWith(accrualShape, input, []);
    const start: IsoDate = s.periodStart;
    if (s.periodEnd < start) {
      outOfRange(['periodEnd'], P.periodEndBeforeStart(start, s.periodEnd), { code: 'not_ascending', expected: `${start} or later`, received: s.periodEnd, limit: start });
    }
    if (s.asOf < start || s.asOf > s.periodEnd) {
      outOfRange(['asOf'], P.asOfOutside(start, s.periodEnd, s.asOf), {
        code: 'out_of_range',
        expected: `from ${start} to ${s.periodEnd}`,
        received: s.asOf,
        limit: s.asOf < start ? start : s.periodEnd,
      });
    }
    if (s.method === 'forecast' && s.forecast === undefined) invalid(['forecast'], P.forecastRequired, { code: 'required', expected: '{ sales, quantity? }' });
    if (s.method !== 'forecast' && s.forecast !== undefined) invalid(['forecast'], P.forecastNotUsed(s.method), { code: 'inconsistent' });
    const elapsedDays = differenceInCalendarDays(utcDateOf(s.asOf), utcDateOf(start)) + 1;
    const periodDays = differenceInCalendarDays(utcDateOf(s.periodEnd), utcDateOf(start)) + 1;

    const toDate: RebateFacts = {
      sales: s.salesToDate,
      returns: s.returnsToDate ?? ZERO,
      quantity: s.quantityToDate ?? null,
      returnedQuantity: s.returnedQuantityToDate ?? ZERO,
      target: s.target ?? null,
      baseline: s.baseline ?? null,
      metrics: s.metrics ?? {},
    };
    const where = (f: string, ...r: (string | number)[]): (string | number)[] =>
      f === 'sales' || f === 'quantity' || f === 'returns' || f === 'returnedQuantity' ? [`${f}ToDate`] : [f, ...r];
    checkFacts(p, internals, toDate, where);
    const netToDate = s.salesToDate.minus(toDate.returns);
    const unitsToDate = toDate.quantity === null ? null : toDate.quantity.minus(toDate.returnedQuantity);

    let projectedFacts: RebateFacts;
    if (s.method === 'actual') projectedFacts = toDate;
    else if (s.method === 'run-rate') {
      const scale = (d: Decimal): Decimal => d.times(periodDays).div(elapsedDays);
      projectedFacts = { ...toDate, sales: scale(netToDate), returns: ZERO, quantity: unitsToDate === null ? null : scale(unitsToDate), returnedQuantity: ZERO };
    } else {
      const f = s.forecast!;
      if (f.sales.lt(netToDate)) {
        outOfRange(['forecast', 'sales'], P.forecastBelowToDate(netToDate.toString(), f.sales.toString()), {
          code: 'out_of_range',
          expected: `at least ${netToDate.toString()}`,
          received: f.sales.toString(),
          limit: netToDate.toString(),
        });
      }
      if (internals.needsQuantity && f.quantity === undefined) invalid(['forecast', 'quantity'], P.forecastQuantityRequired, { code: 'required', expected: 'a number' });
      projectedFacts = { ...toDate, sales: f.sales, returns: ZERO, quantity: f.quantity ?? null, returnedQuantity: ZERO };
    }
    const actualToDate = evaluate(p, toDate, null, contextOf(p, ratioScale, where));
    // The projection is not checked (its figures come from those to date or the checked forecast) and its warnings name
    // only returns, returned units, the baseline and metrics, so the figures to date's paths serve it too.
    const projected = s.method === 'actual' ? actualToDate : evaluate(p, projectedFacts, null, contextOf(p, ratioScale, where));
    const projectedNet = projectedFacts.sales!.minus(projectedFacts.returns);
    // The share earned so far: by units on a quantity basis, by amount otherwise.
    const byUnits = p.basis === 'quantity';
    const done = byUnits ? unitsToDate! : netToDate;
    const whole = byUnits ? projectedFacts.quantity!.minus(projectedFacts.returnedQuantity) : projectedNet;
    const { scale, mode } = p.rounding;
    let accrual: Decimal;
    if (s.method === 'actual') accrual = projected.rebate;
    else accrual = whole.gt(0) && done.gt(0) ? roundDecimal(projected.rebate.times(done).div(whole), scale, mode) : ZERO;
    const steps: RebateAccrualStep[] = [
      { code: 'elapsed', periodStart: start, periodEnd: s.periodEnd, asOf: s.asOf, elapsedDays, periodDays, text: '' },
      { code: 'projection', method: s.method, netToDate, projectedNet, elapsedDays, periodDays, text: '' },
      { code: 'projected-rebate', tier: projected.tier, rebate: projected.rebate, text: '' },
      { code: 'accrual', method: s.method, rebate: projected.rebate, toDate: done, whole, accrual, text: '' },
    ];
    const texts = accrualStepTexts(steps, { scale, seps: EN }, byUnits);
    for (let i = 0; i < steps.length; i++) steps[i]!.text = texts[i]!;
    const warnings: Warning[] = [];
    const seen = new Set<string>();
    for (const w of [...projected.warnings, ...actualToDate.warnings]) {
      const key = `${w.code} ${w.path === undefined ? '' : formatPath(w.path)}`;
      if (!seen.has(key)) {
        seen.add(key);
        warnings.push(w);
      }
    }
    const rs = ratioScale ?? p.ratioScale;
    return {
      method: s.method,
      elapsedDays,
      periodDays,
      netToDate,
      projectedNet,
      projected,
      actualToDate,
      accrual,
      effectiveRate: projectedNet.gt(0) ? roundRatio(projected.rebate.div(projectedNet), rs) : null,
      steps,
      warnings,
    };
  } catch (error) {
    throw wrapThrown(error);
  }
}
