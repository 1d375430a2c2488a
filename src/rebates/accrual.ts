import { differenceInCalendarDays } from 'date-fns';
import { ZERO, type Decimal } from '../core/decimal.js';
import { invalid, outOfRange, wrapThrown } from '../core/errors.js';
import { utcDateOf, type IsoDate } from '../core/dates.js';
import { roundDecimal } from '../core/money.js';
import { parseWith } from '../core/schema.js';
import { checkFacts, evaluate, type RebateFacts, type RebateResult } from './calculate.js';
import { resolveProgram, type RebateProgram } from './program.js';
import { accrualShape, type RebateAccrualInput } from './schema.js';

/** The result of {@link accrueRebate}: what finance books before the period closes. */
export interface RebateAccrual {
  /** The projection method used. */
  method: 'actual' | 'run-rate' | 'forecast';
  /** Days from `periodStart` to `asOf`, both included. */
  elapsedDays: number;
  /** Days from `periodStart` to `periodEnd`, both included. */
  periodDays: number;
  /** Net sales to date. */
  netToDate: Decimal;
  /** The projected full-period net sales (to date for `'actual'`). */
  projectedNet: Decimal;
  /** The rebate on the projected full period (its tier, lines and next tier). */
  projected: RebateResult;
  /** The rebate if the period ended today, beside the accrual. */
  actualToDate: RebateResult;
  /** projected rebate × net to date / projected net, rounded: the share earned so far at the projected effective rate. */
  accrual: Decimal;
  /** The projected rebate / projected net (null when the projected net is 0). */
  effectiveRate: Decimal | null;
}

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
 */
export function accrueRebate(program: RebateProgram, input: RebateAccrualInput): RebateAccrual {
  try {
    const { program: p, internals } = resolveProgram(program, ['program']);
    const s = parseWith(accrualShape, input, []);
    const start: IsoDate = s.periodStart;
    if (s.periodEnd < start) outOfRange(['periodEnd'], `must not be before periodStart (${start}), received ${s.periodEnd}`);
    if (s.asOf < start || s.asOf > s.periodEnd) outOfRange(['asOf'], `must be within the period ${start} to ${s.periodEnd}, received ${s.asOf}`);
    if (s.method === 'forecast' && s.forecast === undefined) invalid(['forecast'], "is required by method 'forecast'");
    if (s.method !== 'forecast' && s.forecast !== undefined) invalid(['forecast'], `is used by method 'forecast' only, not '${s.method}'`);
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
      f === 'sales' || f === 'quantity' ? [`${f}ToDate`] : [f, ...r];
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
      if (f.sales.lt(netToDate)) outOfRange(['forecast', 'sales'], `must not be below the net sales to date (${netToDate.toString()}), received ${f.sales.toString()}`);
      if (internals.needsQuantity && f.quantity === undefined) invalid(['forecast', 'quantity'], "is required (the program's basis or perUnit amounts need units)");
      projectedFacts = { ...toDate, sales: f.sales, returns: ZERO, quantity: f.quantity ?? null, returnedQuantity: ZERO };
    }
    const actualToDate = evaluate(p, toDate, null);
    const projected = s.method === 'actual' ? actualToDate : evaluate(p, projectedFacts, null);
    const projectedNet = projectedFacts.sales!.minus(projectedFacts.returns);
    // The share earned so far: by units on a quantity basis, by amount otherwise.
    const byUnits = p.basis === 'quantity';
    const done = byUnits ? unitsToDate! : netToDate;
    const whole = byUnits ? projectedFacts.quantity!.minus(projectedFacts.returnedQuantity) : projectedNet;
    const { scale, mode } = p.rounding;
    let accrual: Decimal;
    if (s.method === 'actual') accrual = projected.rebate;
    else accrual = whole.gt(0) && done.gt(0) ? roundDecimal(projected.rebate.times(done).div(whole), scale, mode) : ZERO;
    return {
      method: s.method,
      elapsedDays,
      periodDays,
      netToDate,
      projectedNet,
      projected,
      actualToDate,
      accrual,
      effectiveRate: projectedNet.gt(0) ? projected.rebate.div(projectedNet) : null,
    };
  } catch (error) {
    throw wrapThrown(error);
  }
}
