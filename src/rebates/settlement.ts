import { ONE, ZERO, type Decimal } from '../core/decimal.js';
import { invalid, unknownLabel, wrapThrown, type IssuePath } from '../core/errors.js';
import { roundDecimal, type RoundingMode } from '../core/money.js';
import { formatPath } from '../core/errors.js';
import { parseWith, scaleSchema } from '../core/schema.js';
import type { Warning } from '../core/result.js';
import * as z from 'zod/mini';
import { checkFacts, contextOf, evaluate, type EvaluateContext, type FactPath, type RebateFacts, type RebateResult } from './calculate.js';
import { EN } from './explain.js';
import { settlementStepTexts } from './explain-periods.js';
import { payPeriod, type PaymentArith, type PaymentOut, type PaymentPolicy } from './kernel.js';
import { resolveProgram, type ProgramInternals, type RebateProgram, type RebateSettlementPolicyApplied } from './program.js';
import { settlementShape, type RebateSettlementInput } from './schema.js';
import type { RebatePeriodSettlement, RebateSettlement, RebateSettlementOptions, RebateSettlementStep } from './settlement-types.js';
import { REBATE_MESSAGES as M, PERIOD_MESSAGES as P } from './messages.js';
import { lazySchema } from '../core/lazy.js';

export type * from './settlement-types.js';

/** A settlement input after validation. @internal */
export type ParsedBody = z.output<typeof settlementShape>;

function sum(values: readonly (Decimal | undefined)[]): Decimal {
  let s = ZERO;
  for (const v of values) if (v !== undefined) s = s.plus(v);
  return s;
}

/** The program's settlement policy, or an error naming `program.settlement`. @internal */
export function policyOf(program: RebateProgram): RebateSettlementPolicyApplied {
  if (program.settlement === null) invalid(['program', 'settlement'], P.settlementRequired, { code: 'required', expected: '{ advance, negativeTrueUp, holdbackRate? }' });
  return program.settlement;
}

type FactsAt = (from: number, to: number, own: 'period' | 'cumulative' | 'annual') => { facts: RebateFacts; where: FactPath };

/** The facts of a run of periods (a period's own, cumulative to it, or the year's), with where each came from. */
function periodFactsOf(s: ParsedBody, at: (...p: (string | number)[]) => (string | number)[]): FactsAt {
  const periods = s.periods;
  // Per-period targets and baselines: for every period or for none.
  const perPeriod = (field: 'target' | 'baseline'): boolean => {
    const given = periods.map((p) => p[field] !== undefined);
    if (given.every((g) => !g)) return false;
    const missing = given.indexOf(false);
    if (missing >= 0) invalid(at('periods', missing, field), P.perPeriodPartial(field, given.indexOf(true)), { code: 'required', expected: 'a number' });
    return true;
  };
  const periodTargets = perPeriod('target');
  const periodBaselines = perPeriod('baseline');
  // Sums from the first period are kept as running totals (the same additions in the same order as
  // sum() over the slice), so settling n periods costs O(n), not O(n²) (issue 18's time bound).
  type Summed = 'sales' | 'returns' | 'quantity' | 'returnedQuantity' | 'target' | 'baseline';
  const running = new Map<Summed, Decimal[]>();
  const sumOf = (field: Summed, from: number, to: number): Decimal => {
    if (from !== 0) return sum(periods.slice(from, to + 1).map((p) => p[field]));
    let totals = running.get(field);
    if (totals === undefined) running.set(field, (totals = []));
    while (totals.length <= to) {
      const before = totals.length === 0 ? ZERO : totals[totals.length - 1]!;
      const v = periods[totals.length]![field];
      totals.push(v === undefined ? before : before.plus(v));
    }
    return totals[to]!;
  };
  const firstMissing = { sales: periods.findIndex((p) => p.sales === undefined), quantity: periods.findIndex((p) => p.quantity === undefined) };
  // From the first period (cumulative, annual): every period up to `to` has the field; a period's own run: that period has it.
  const allHave = (field: 'sales' | 'quantity', from: number, to: number): boolean =>
    from === to ? periods[to]![field] !== undefined : firstMissing[field] === -1 || firstMissing[field] > to;

  return (from, to, own) => {
    const topMetrics = s.metrics ?? {};
    const lastMetrics = periods[to]!.metrics ?? {};
    let target: Decimal | null;
    let baseline: Decimal | null;
    if (own === 'annual') {
      target = s.target ?? (periodTargets ? sumOf('target', from, to) : null);
      baseline = s.baseline ?? (periodBaselines ? sumOf('baseline', from, to) : null);
    } else if (own === 'period') {
      target = periods[to]!.target ?? null;
      baseline = periods[to]!.baseline ?? null;
    } else {
      target = periodTargets ? sumOf('target', from, to) : (s.target ?? null);
      baseline = periodBaselines ? sumOf('baseline', from, to) : (s.baseline ?? null);
    }
    const facts: RebateFacts = {
      sales: allHave('sales', from, to) ? sumOf('sales', from, to) : null,
      returns: sumOf('returns', from, to),
      quantity: allHave('quantity', from, to) ? sumOf('quantity', from, to) : null,
      returnedQuantity: sumOf('returnedQuantity', from, to),
      target,
      baseline,
      metrics: own === 'annual' ? { ...lastMetrics, ...topMetrics } : { ...topMetrics, ...lastMetrics },
    };
    const where = (f: string, ...r: (string | number)[]): (string | number)[] => {
      if (f === 'target') return own === 'period' || (own === 'cumulative' && periodTargets) ? at('periods', to, f) : at(f);
      if (f === 'baseline') return own === 'period' || (own === 'cumulative' && periodBaselines) ? at('periods', to, f) : at(f);
      if (f === 'metrics') {
        // A metric comes from the period when the period has it (and it wins), else from the settlement.
        const fromPeriod = r.length > 0 && Object.prototype.hasOwnProperty.call(lastMetrics, r[0]!);
        const fromTop = r.length > 0 && Object.prototype.hasOwnProperty.call(topMetrics, r[0]!);
        if (own === 'annual') return fromTop || !fromPeriod ? at(f, ...r) : at('periods', to, f, ...r);
        return fromPeriod || !fromTop ? at('periods', to, f, ...r) : at(f, ...r);
      }
      return at('periods', to, f, ...r);
    };
    return { facts, where };
  };

}

/** The payment rule's arithmetic in Decimals: the advance kept after the holdback, rounded by the program's mode. */
function decimalPayments(keep: Decimal, scale: number, mode: RoundingMode): PaymentArith<Decimal> {
  return {
    zero: ZERO,
    add: (a, b) => a.plus(b),
    sub: (a, b) => a.minus(b),
    neg: (a) => a.negated(),
    sign: (a) => (a.isZero() ? 0 : a.isNegative() ? -1 : 1),
    keep: (rebate) => roundDecimal(rebate.times(keep), scale, mode),
  };
}

/** Settles one dealer's year on validated input; errors and warnings name paths under `base`. @internal */
export function settleParsed(
  program: RebateProgram,
  inner: ProgramInternals,
  s: ParsedBody,
  policy: RebateSettlementPolicyApplied,
  final: boolean,
  ratioScale: number | undefined,
  base: IssuePath,
): RebateSettlement {
  const periods = s.periods;
  const last = periods.length - 1;
  const at = (...p: (string | number)[]): (string | number)[] => [...base, ...p];
  const seen = new Map<string, number>();
  periods.forEach((p, i) => {
    const first = seen.get(p.period);
    if (first !== undefined) invalid(at('periods', i, 'period'), P.periodListedTwice(p.period, first), { code: 'duplicate', received: JSON.stringify(p.period) });
    seen.set(p.period, i);
    if (inner.needsSales && p.sales === undefined) invalid(at('periods', i, 'sales'), M.salesRequired(program.basis), { code: 'required', expected: 'a number' });
    if (inner.needsQuantity && p.quantity === undefined) invalid(at('periods', i, 'quantity'), M.quantityRequired(program.basis), { code: 'required', expected: 'a number' });
  });
  const recorded = new Map<string, Decimal>();
  for (const [id, amount] of Object.entries(s.paid ?? {})) {
    const i = seen.get(id);
    if (i === undefined) unknownLabel(at('paid', id), P.paidUnknownPeriod, { code: 'unknown_label', received: JSON.stringify(id) });
    if (final && i === last) invalid(at('paid', id), P.paidFinalPeriod, { code: 'inconsistent' });
    recorded.set(id, amount);
  }
  const factsFor = periodFactsOf(s, at);

  const { scale, mode } = program.rounding;
  const payments = decimalPayments(ONE.minus(policy.holdbackRate), scale, mode);
  const paymentPolicy: PaymentPolicy = { cumulative: policy.advance === 'cumulative', negativeTrueUp: policy.negativeTrueUp, noHoldback: policy.holdbackRate.isZero() };
  const paid: PaymentOut<Decimal> = { advance: null, due: ZERO, payment: ZERO, carried: ZERO, waived: ZERO };
  // Every period's inputs are checked before the year's, so an error names the first period concerned.
  const periodRuns = periods.map((_, k) => {
    const run = policy.advance === 'cumulative' ? factsFor(0, k, 'cumulative') : factsFor(k, k, 'period');
    checkFacts(program, inner, run.facts, run.where);
    return run;
  });
  let annual: RebateResult | null = null;
  if (final) {
    const { facts, where } = factsFor(0, last, 'annual');
    checkFacts(program, inner, facts, where);
    annual = evaluate(program, facts, null, contextOf(program, ratioScale, where));
  }
  const rows: RebatePeriodSettlement[] = [];
  const steps: RebateSettlementStep[] = [];
  const warnings: Warning[] = [];
  const warned = new Set<string>();
  const warn = (ws: readonly Warning[]): void => {
    for (const w of ws) {
      // A retroactive jump is a property of the program; the settlement lists what to look at in the figures.
      if (w.code === 'retroactive-jump') continue;
      // Every warning but retroactive-jump (skipped above) has a path; `?? []` only satisfies the type.
      const key = `${w.code} ${formatPath(w.path ?? [])}`;
      if (warned.has(key)) continue;
      warned.add(key);
      warnings.push(w);
    }
  };
  let paidBefore = ZERO;
  let clawedBack = ZERO;
  periods.forEach((p, k) => {
    const ctx: EvaluateContext = contextOf(program, ratioScale, periodRuns[k]!.where);
    const calculation = evaluate(program, periodRuns[k]!.facts, null, ctx);
    warn(calculation.warnings);
    const isFinal = final && k === last;
    payPeriod(payments, paymentPolicy, isFinal, isFinal ? annual!.rebate : calculation.rebate, paidBefore, paid);
    const { advance, due, carried, waived: forgiven } = paid;
    let payment = paid.payment;
    const rec = recorded.get(p.period);
    if (rec !== undefined) payment = rec;
    // No payment is a negative zero: a recorded amount is read with toDecimal, which never gives one, and decimal.js's half-even minus neither.
    if (payment.isNegative()) clawedBack = clawedBack.plus(payment.negated());
    rows.push({ period: p.period, kind: isFinal ? 'final' : 'advance', calculation, rebate: calculation.rebate, advance, due, payment, recorded: rec !== undefined, paidBefore });
    if (isFinal) {
      steps.push({ code: 'true-up', period: p.period, annualRebate: annual!.rebate, paidBefore, due, payment, carriedForward: carried, waived: forgiven, text: '' });
    } else {
      steps.push({
        code: 'advance',
        period: p.period,
        rebate: calculation.rebate,
        holdbackRate: policy.holdbackRate,
        advance: advance!,
        paidBefore,
        due,
        payment,
        recorded: rec !== undefined,
        text: '',
      });
    }
    paidBefore = paidBefore.plus(payment);
  });
  if (annual !== null) warn(annual.warnings);
  // The year end's overpayment carried or waived: payPeriod sets both to 0 for an advance, so a mid-year run leaves 0.
  const { carried: carriedForward, waived } = paid;
  steps.push({ code: 'total', totalPaid: paidBefore, annualRebate: annual === null ? null : annual.rebate, carriedForward, waived, text: '' });
  const texts = settlementStepTexts(steps, { scale, seps: EN }, policy.advance === 'cumulative');
  for (let i = 0; i < steps.length; i++) steps[i]!.text = texts[i]!;
  return {
    policy: { ...policy, final },
    periods: rows,
    annual,
    annualRebate: annual === null ? null : annual.rebate,
    totalPaid: paidBefore,
    carriedForward,
    waived,
    clawedBack,
    steps,
    warnings,
  };
}

const optionsShape = lazySchema(() => z.strictObject({ final: z.optional(z.boolean()), ratioScale: z.optional(scaleSchema) }));
/** @internal */
export const batchOptionsShape = lazySchema(() => z.strictObject({
  final: z.optional(z.boolean()),
  ratioScale: z.optional(scaleSchema),
  onError: z.optional(z.enum(['throw', 'collect'])),
  onProgress: z.optional(z.custom<(done: number, total: number) => void>((v) => typeof v === 'function', { error: 'must be a function (done, total) => void' })),
}));

/** Reads the options of a settlement (`final`, `ratioScale`). @internal */
export function optionsOf(options: unknown, shape: z.ZodMiniType): { final: boolean; ratioScale: number | undefined } {
  if (options === undefined) return { final: true, ratioScale: undefined };
  const o = parseWith(shape, options, ['options']) as { final?: boolean; ratioScale?: number };
  return { final: o.final ?? true, ratioScale: o.ratioScale };
}

/**
 * Settles a dealer's year: an advance per period and the annual true-up, by the program's
 * `settlement` policy.
 *
 * Cumulative advances pay rebate(sales to date) × (1 − holdback) − paid so far; period advances pay
 * each period's own rebate × (1 − holdback). The final period (unless `options.final` is false)
 * pays the annual rebate − everything paid, so with a clawback the payments sum exactly to the
 * annual rebate; with `'carry'` or `'waive'` an overpayment is reported instead of taken back
 * (totalPaid = annualRebate + carriedForward + waived). Between true-ups, a negative cumulative
 * advance is clawed back only under `'clawback'`; otherwise it pays 0 and nets against later ones.
 *
 * @param program - A program from {@link defineRebateProgram} with a `settlement` policy.
 * @param input - The dealer's periods (each with its `period` id), and the year's target, baseline and metrics.
 * @param options - `final: false` for a mid-year run; `ratioScale`.
 * @example
 * ```ts
 * // SAP's example: retroactive, from 5,000 at 2 %, from 20,000 at 4 %; cumulative 3,000, 7,000, 27,000.
 * const sap = defineRebateProgram({ currency: 'EUR', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive',
 *   tiers: [{ from: 0 }, { from: 5000, rate: '0.02' }, { from: 20000, rate: '0.04' }],
 *   settlement: { advance: 'cumulative', negativeTrueUp: 'clawback' } });
 * const s = settleRebate(sap, { periods: [{ period: 'P1', sales: 3000 }, { period: 'P2', sales: 4000 }, { period: 'P3', sales: 20000 }] });
 * s.periods.map((p) => p.payment.toString());
 * //=> ['0', '140', '940']
 * ```
 */
export function settleRebate(program: RebateProgram, input: RebateSettlementInput, options?: RebateSettlementOptions): RebateSettlement {
  try {
    const { program: p, internals } = resolveProgram(program, ['program']);
    const policy = policyOf(p);
    const o = optionsOf(options, optionsShape);
    const parsed = parseWith(settlementShape, input, []);
    return settleParsed(p, internals, parsed, policy, o.final, o.ratioScale, []);
  } catch (error) {
    throw wrapThrown(error);
  }
}
