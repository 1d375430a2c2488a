import { ONE, ZERO, type Decimal } from '../core/decimal.js';
import { invalid, outOfRange, wrapThrown, unknownLabel, type IssuePath } from '../core/errors.js';
import { roundDecimal } from '../core/money.js';
import { decimalFromScaled } from '../core/fast.js';
import { parseWith } from '../core/schema.js';
import * as z from 'zod/mini';
import { checkFacts, evaluate, type RebateFacts, type RebateResult, type RebateTierRef } from './calculate.js';
import { prepareFastPolicy, settleFast } from './fast.js';
import { resolveProgram, type ProgramInternals, type RebateProgram } from './program.js';
import {
  policyShape,
  settlementBodyShape,
  settlementShape,
  type RebateSettlementInput,
  type RebateSettlementPolicy,
} from './schema.js';

/** One period of a settlement: its calculation and what was paid. */
export interface RebatePeriodSettlement {
  /** The period's id. */
  id: string;
  /** `'advance'`, or `'final'` for the period that closes the year with the true-up. */
  kind: 'advance' | 'final';
  /** Cumulative advances: the rebate on the sales to date; period advances: on the period's own sales. */
  calculation: RebateResult;
  /** `calculation.rebate`. */
  rebate: Decimal;
  /** The rebate × (1 − holdback), rounded: the advance earned (null on the final period). */
  advance: Decimal | null;
  /** What the rules make due now: advance − paid before (cumulative), the advance (period), or annual − paid before (final). */
  due: Decimal;
  /** What is paid (negative: clawed back); a recorded amount from `paid` wins. */
  payment: Decimal;
  /** True when the payment was recorded in `paid` rather than computed. */
  recorded: boolean;
  /** Payments of the earlier periods. */
  paidBefore: Decimal;
}

/** A settlement policy as applied. */
export interface RebateSettlementPolicyApplied {
  /** Cumulative or period advances. */
  advance: 'cumulative' | 'period';
  /** The fraction of each advance held back. */
  holdbackRate: Decimal;
  /** What a negative true-up does. */
  negativeTrueUp: 'clawback' | 'carry' | 'waive';
  /** Whether the last period closed the year. */
  final: boolean;
}

/** The result of {@link settleRebate}. */
export interface RebateSettlement {
  /** The policy applied, normalised. */
  policy: RebateSettlementPolicyApplied;
  /** Each period's calculation and payment. */
  periods: RebatePeriodSettlement[];
  /** The year-end calculation on the annual totals (null for a mid-year run). */
  annual: RebateResult | null;
  /** `annual.rebate` (null for a mid-year run). */
  annualRebate: Decimal | null;
  /** Σ payments. At the year end: totalPaid = annualRebate + carriedForward + waived. */
  totalPaid: Decimal;
  /** An overpayment left for next year (`negativeTrueUp: 'carry'`). */
  carriedForward: Decimal;
  /** An overpayment forgiven (`negativeTrueUp: 'waive'`). */
  waived: Decimal;
  /** Σ of the negative payments, as a positive amount. */
  clawedBack: Decimal;
}

type Parsed = z.output<typeof settlementShape>;
type ParsedPolicy = z.output<typeof policyShape>;
type ParsedBody = z.output<typeof settlementBodyShape>;

interface Policy {
  advance: 'cumulative' | 'period';
  holdbackRate: Decimal;
  negativeTrueUp: 'clawback' | 'carry' | 'waive';
  final: boolean;
}

/** Validates a parsed policy. @internal */
export function policyOf(p: ParsedPolicy, base: IssuePath): Policy {
  const h = p.holdbackRate ?? ZERO;
  if (h.gte(ONE)) outOfRange([...base, 'holdbackRate'], `must be less than 1 (the fraction of each advance held back), received ${h.toString()}`);
  return { advance: p.advance, holdbackRate: h, negativeTrueUp: p.negativeTrueUp, final: p.final ?? true };
}

function sum(values: readonly (Decimal | undefined)[]): Decimal {
  let s = ZERO;
  for (const v of values) if (v !== undefined) s = s.plus(v);
  return s;
}

/** Settles one dealer's year on validated input; errors name paths under `base`. @internal */
export function settleParsed(program: RebateProgram, inner: ProgramInternals, s: ParsedBody, policy: Policy, base: IssuePath): RebateSettlement {
  const periods = s.periods;
  const last = periods.length - 1;
  const at = (...p: (string | number)[]): IssuePath => [...base, ...p];
  const seen = new Map<string, number>();
  periods.forEach((p, i) => {
    const first = seen.get(p.id);
    if (first !== undefined) invalid(at('periods', i, 'id'), `${JSON.stringify(p.id)} is listed twice (first at periods[${first}])`);
    seen.set(p.id, i);
    if (inner.needsSales && p.sales === undefined) invalid(at('periods', i, 'sales'), `is required (the program's basis '${program.basis}' or its rates, over-achievement or cap need the sales amount)`);
    if (inner.needsQuantity && p.quantity === undefined) invalid(at('periods', i, 'quantity'), `is required (the program's basis '${program.basis}' or its perUnit amounts need units)`);
  });
  const recorded = new Map<string, Decimal>();
  for (const [id, amount] of Object.entries(s.paid ?? {})) {
    const i = seen.get(id);
    if (i === undefined) unknownLabel(at('paid', id), 'no period has this id');
    if (policy.final && i === last) {
      invalid(at('paid', id), 'the final period settles the year and is computed, not recorded; set policy.final to false for a mid-year run');
    }
    recorded.set(id, amount);
  }
  // Per-period targets and baselines: for every period or for none.
  const perPeriod = (field: 'target' | 'baseline'): boolean => {
    const given = periods.map((p) => p[field] !== undefined);
    if (given.every((g) => !g)) return false;
    const missing = given.indexOf(false);
    if (missing >= 0) invalid(at('periods', missing, field), `give a ${field} for every period or for none (periods[${given.indexOf(true)}] has one)`);
    return true;
  };
  const periodTargets = perPeriod('target');
  const periodBaselines = perPeriod('baseline');
  const allHave = (field: 'sales' | 'quantity', upTo: number): boolean => periods.slice(0, upTo + 1).every((p) => p[field] !== undefined);

  const factsFor = (from: number, to: number, own: 'period' | 'cumulative' | 'annual'): { facts: RebateFacts; where: (f: string, ...r: (string | number)[]) => IssuePath } => {
    const slice = periods.slice(from, to + 1);
    const topMetrics = s.metrics ?? {};
    const lastMetrics = periods[to]!.metrics ?? {};
    let target: Decimal | null;
    let baseline: Decimal | null;
    if (own === 'annual') {
      target = s.target ?? (periodTargets ? sum(slice.map((p) => p.target)) : null);
      baseline = s.baseline ?? (periodBaselines ? sum(slice.map((p) => p.baseline)) : null);
    } else if (own === 'period') {
      target = periods[to]!.target ?? null;
      baseline = periods[to]!.baseline ?? null;
    } else {
      target = periodTargets ? sum(slice.map((p) => p.target)) : (s.target ?? null);
      baseline = periodBaselines ? sum(slice.map((p) => p.baseline)) : (s.baseline ?? null);
    }
    const facts: RebateFacts = {
      sales: allHave('sales', to) ? sum(slice.map((p) => p.sales)) : null,
      returns: sum(slice.map((p) => p.returns)),
      quantity: allHave('quantity', to) ? sum(slice.map((p) => p.quantity)) : null,
      returnedQuantity: sum(slice.map((p) => p.returnedQuantity)),
      target,
      baseline,
      metrics: own === 'annual' ? { ...lastMetrics, ...topMetrics } : { ...topMetrics, ...lastMetrics },
    };
    const where = (f: string, ...r: (string | number)[]): IssuePath => {
      if (f === 'target') return own === 'period' || (own === 'cumulative' && periodTargets) ? at('periods', to, f) : at(f);
      if (f === 'baseline') return own === 'period' || (own === 'cumulative' && periodBaselines) ? at('periods', to, f) : at(f);
      if (f === 'metrics') return own === 'annual' ? at(f, ...r) : at('periods', to, f, ...r);
      return at('periods', to, f, ...r);
    };
    return { facts, where };
  };

  const { scale, mode } = program.rounding;
  const keep = ONE.minus(policy.holdbackRate);
  // Every period's inputs are checked before the year's, so an error names the first period concerned.
  const periodFacts = periods.map((_, k) => {
    const { facts, where } = policy.advance === 'cumulative' ? factsFor(0, k, 'cumulative') : factsFor(k, k, 'period');
    checkFacts(program, inner, facts, where);
    return facts;
  });
  let annual: RebateResult | null = null;
  if (policy.final) {
    const { facts, where } = factsFor(0, last, 'annual');
    checkFacts(program, inner, facts, where);
    annual = evaluate(program, facts, null);
  }
  const rows: RebatePeriodSettlement[] = [];
  let paidBefore = ZERO;
  let carriedForward = ZERO;
  let waived = ZERO;
  let clawedBack = ZERO;
  periods.forEach((p, k) => {
    const calculation = evaluate(program, periodFacts[k]!, null);
    const isFinal = policy.final && k === last;
    let advance: Decimal | null = null;
    let due: Decimal;
    let payment: Decimal;
    if (isFinal) {
      due = annual!.rebate.minus(paidBefore);
      payment = due;
      if (due.isNegative() && !due.isZero()) {
        if (policy.negativeTrueUp === 'carry') {
          carriedForward = due.negated();
          payment = ZERO;
        } else if (policy.negativeTrueUp === 'waive') {
          waived = due.negated();
          payment = ZERO;
        }
      }
    } else {
      advance = policy.holdbackRate.isZero() ? calculation.rebate : roundDecimal(calculation.rebate.times(keep), scale, mode);
      due = policy.advance === 'cumulative' ? advance.minus(paidBefore) : advance;
      // Between true-ups only a clawback policy takes money back; otherwise the excess nets against later advances.
      payment = due.isNegative() && !due.isZero() && policy.negativeTrueUp !== 'clawback' ? ZERO : due;
    }
    const rec = recorded.get(p.id);
    if (rec !== undefined) payment = rec;
    if (payment.isNegative() && !payment.isZero()) clawedBack = clawedBack.plus(payment.negated());
    if (payment.isZero()) payment = ZERO;
    rows.push({ id: p.id, kind: isFinal ? 'final' : 'advance', calculation, rebate: calculation.rebate, advance, due, payment, recorded: rec !== undefined, paidBefore });
    paidBefore = paidBefore.plus(payment);
  });
  return {
    policy: { ...policy },
    periods: rows,
    annual,
    annualRebate: annual === null ? null : annual.rebate,
    totalPaid: paidBefore,
    carriedForward,
    waived,
    clawedBack,
  };
}

/**
 * Settles a dealer's year: an advance per period and the annual true-up.
 *
 * Cumulative advances pay rebate(sales to date) × (1 − holdback) − paid so far; period advances pay
 * each period's own rebate × (1 − holdback). The final period (unless `policy.final` is false)
 * pays the annual rebate − everything paid, so with a clawback the payments sum exactly to the
 * annual rebate; with `'carry'` or `'waive'` an overpayment is reported instead of taken back
 * (totalPaid = annualRebate + carriedForward + waived). Between true-ups, a negative cumulative
 * advance is clawed back only under `'clawback'`; otherwise it pays 0 and nets against later ones.
 *
 * @example
 * ```ts
 * // SAP's example: retroactive, from 5,000 at 2 %, from 20,000 at 4 %; cumulative 3,000, 7,000, 27,000.
 * const sap = defineRebateProgram({ currency: 'EUR', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive',
 *   tiers: [{ from: 0 }, { from: 5000, rate: '0.02' }, { from: 20000, rate: '0.04' }] });
 * const s = settleRebate(sap, {
 *   periods: [{ id: 'P1', sales: 3000 }, { id: 'P2', sales: 4000 }, { id: 'P3', sales: 20000 }],
 *   policy: { advance: 'cumulative', negativeTrueUp: 'clawback' },
 * });
 * s.periods.map((p) => p.payment.toString());
 * //=> ['0', '140', '940']
 * ```
 */
export function settleRebate(program: RebateProgram, input: RebateSettlementInput): RebateSettlement {
  try {
    const { program: p, internals } = resolveProgram(program, ['program']);
    const parsed: Parsed = parseWith(settlementShape, input, []);
    const policy = policyOf(parsed.policy, ['policy']);
    return settleParsed(p, internals, parsed, policy, []);
  } catch (error) {
    throw wrapThrown(error);
  }
}

/** A dealer's year for {@link settleRebates}: the settlement input without the shared policy, and an optional id. */
export interface RebateSettlementBatchInput extends Omit<RebateSettlementInput, 'policy'> {
  /** The dealer's id, echoed in its summary. */
  id?: string;
}

/** One dealer's settlement in a batch: the figures a payment run needs (settle one dealer with {@link settleRebate} for the full breakdown). */
export interface RebateSettlementSummary {
  /** The input's id, or null. */
  id: string | null;
  /** The annual rebate (null for a mid-year run). */
  annualRebate: Decimal | null;
  /** The tier reached by the year (or by the last period of a mid-year run). */
  tier: RebateTierRef;
  /** Each period's payment, in the input's order. */
  payments: Decimal[];
  /** Σ payments. */
  totalPaid: Decimal;
  /** An overpayment left for next year. */
  carriedForward: Decimal;
  /** An overpayment forgiven. */
  waived: Decimal;
}

/** The totals of {@link settleRebates}. */
export interface RebateSettlementTotals {
  /** How many dealers. */
  count: number;
  /** Σ annual rebates (0 for a mid-year run). */
  annualRebate: Decimal;
  /** Σ payments. */
  totalPaid: Decimal;
  /** Σ carried forward. */
  carriedForward: Decimal;
  /** Σ waived. */
  waived: Decimal;
}

/** The result of {@link settleRebates}. */
export interface RebateSettlementBatch {
  /** One summary per input, in order. */
  results: RebateSettlementSummary[];
  /** The run's totals. */
  totals: RebateSettlementTotals;
}

/** A summary from a full settlement. @internal */
export function summarise(id: string | null, s: RebateSettlement, tiers: readonly { readonly index: number; readonly name: string | null }[]): RebateSettlementSummary {
  const final = s.annual ?? s.periods[s.periods.length - 1]!.calculation;
  return {
    id,
    annualRebate: s.annualRebate,
    tier: tiers[final.tier.index]!,
    payments: s.periods.map((p) => p.payment),
    totalPaid: s.totalPaid,
    carriedForward: s.carriedForward,
    waived: s.waived,
  };
}

/**
 * Settles many dealers' years under one program and one policy, validated once.
 *
 * Each result is a summary (payments per period, annual rebate, tier); plain-number inputs at
 * the money scale take an exact scaled-integer path, anything else the Decimal path of
 * {@link settleRebate}, with the same figures either way.
 *
 * @example
 * ```ts
 * const p = defineRebateProgram({ currency: 'EUR', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive',
 *   tiers: [{ from: 0 }, { from: 5000, rate: '0.02' }, { from: 20000, rate: '0.04' }] });
 * const run = settleRebates(p, [{ id: 'D1', periods: [{ id: 'P1', sales: 7000 }, { id: 'P2', sales: 20000 }] }],
 *   { advance: 'cumulative', negativeTrueUp: 'clawback' });
 * [run.results[0]!.payments.map(String), run.totals.annualRebate.toString()];
 * //=> [['140', '940'], '1080']
 * ```
 */
export function settleRebates(
  program: RebateProgram,
  inputs: readonly RebateSettlementBatchInput[],
  policy: RebateSettlementPolicy,
): RebateSettlementBatch {
  try {
    const { program: p, internals } = resolveProgram(program, ['program']);
    const pol = policyOf(parseWith(policyShape, policy, ['policy']), ['policy']);
    if (!Array.isArray(inputs)) invalid(['inputs'], 'must be an array of settlement inputs');
    const tierRefs = tierRefsOf(p);
    const results: RebateSettlementSummary[] = new Array<RebateSettlementSummary>(inputs.length);
    const fastPolicy = internals.fast === null ? null : prepareFastPolicy(pol);
    const fast = fastPolicy === null ? null : internals.fast;
    // Totals of the fast results in minor units; exact while every sum stays below 2^53.
    const sums = new Float64Array(4);
    let allFast = fast !== null;
    for (let i = 0; i < inputs.length; i++) {
      const input = inputs[i];
      const quick = fast === null ? undefined : settleFast(fast, input, fastPolicy!, tierRefs, sums);
      if (quick !== undefined) {
        results[i] = quick;
        continue;
      }
      allFast = false;
      const base: IssuePath = ['inputs', i];
      let id: string | null = null;
      let body: unknown = input;
      if (typeof input === 'object' && input !== null && 'id' in input) {
        const { id: raw, ...rest } = input;
        if (typeof raw !== 'string') invalid([...base, 'id'], `must be a string, received ${raw === null ? 'null' : typeof raw}`);
        id = raw;
        body = rest;
      }
      const parsed = parseWith(settlementBodyShape, body, base);
      results[i] = summarise(id, settleParsed(p, internals, parsed, pol, base), tierRefs);
    }
    let annualRebate = ZERO;
    let totalPaid = ZERO;
    let carriedForward = ZERO;
    let waived = ZERO;
    if (allFast && sums.every((x) => Math.abs(x) <= Number.MAX_SAFE_INTEGER)) {
      const scale = p.rounding.scale;
      annualRebate = decimalFromScaled(sums[0]!, scale);
      totalPaid = decimalFromScaled(sums[1]!, scale);
      carriedForward = decimalFromScaled(sums[2]!, scale);
      waived = decimalFromScaled(sums[3]!, scale);
    } else {
      for (const r of results) {
        if (r.annualRebate !== null) annualRebate = annualRebate.plus(r.annualRebate);
        totalPaid = totalPaid.plus(r.totalPaid);
        if (!r.carriedForward.isZero()) carriedForward = carriedForward.plus(r.carriedForward);
        if (!r.waived.isZero()) waived = waived.plus(r.waived);
      }
    }
    return { results, totals: { count: results.length, annualRebate, totalPaid, carriedForward, waived } };
  } catch (error) {
    throw wrapThrown(error);
  }
}

const tierRefCache = new WeakMap<RebateProgram, readonly { readonly index: number; readonly name: string | null }[]>();

/** Frozen `{ index, name }` objects per tier, shared by every summary. @internal */
export function tierRefsOf(program: RebateProgram): readonly { readonly index: number; readonly name: string | null }[] {
  let refs = tierRefCache.get(program);
  if (refs === undefined) {
    refs = Object.freeze(program.tiers.map((t) => Object.freeze({ index: t.index, name: t.name })));
    tierRefCache.set(program, refs);
  }
  return refs;
}
