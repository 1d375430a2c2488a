// settleRebates: many dealers' years under one program, on the scaled-integer path where a dealer
// fits it and on settleRebate's Decimal path otherwise.
import { ZERO } from '../core/decimal.js';
import { wrapThrown } from '../core/errors.js';
import { batchOptionsOf, runBatch } from '../core/batch.js';
import { parseWith } from '../core/schema.js';
import { batchWarnings, type RebateTierRef } from './calculate.js';
import { EN, fmtMoney } from './explain.js';
import { fastFormOf } from './fast.js';
import { resolveProgram, type RebateProgram } from './program.js';
import { settlementShape, type RebateSettlementInput } from './schema.js';
import { FastSettlement } from './settle-fast.js';
import { batchOptionsShape, optionsOf, policyOf, settleParsed } from './settlement.js';
import type { RebateSettlement, RebateSettlementBatchOptions, RebateSettlementBatchResult, RebateSettlementSummary } from './settlement-types.js';
import { REBATE_MESSAGES as M } from './messages.js';

/** A summary from a full settlement. */
function summarise(s: RebateSettlement, tiers: readonly RebateTierRef[]): RebateSettlementSummary {
  const final = s.annual ?? s.periods[s.periods.length - 1]!.calculation;
  return {
    annualRebate: s.annualRebate,
    tier: tiers[final.tier.index]!,
    payments: s.periods.map((p) => p.payment),
    totalPaid: s.totalPaid,
    carriedForward: s.carriedForward,
    waived: s.waived,
    warnings: s.warnings,
  };
}

/**
 * Settles many dealers' years under one program and its settlement policy, validated once: one
 * row per dealer, in order, each with its `id` and summary (or, with `onError: 'collect'`, its
 * error), plus the totals over the rows settled.
 *
 * Plain-number inputs at the money scale take an exact scaled-integer path, anything else the
 * Decimal path of {@link settleRebate}, with the same figures either way. Under `onError: 'throw'`
 * (the default) every bad row is reported in one error, each path naming the row by its id
 * (`inputs[D-117].periods[0].sales`).
 *
 * @param program - A program from {@link defineRebateProgram} with a `settlement` policy.
 * @param inputs - One settlement input per dealer, each with an optional `id`.
 * @param options - `final`, `ratioScale`, `onError`, `onProgress(done, total)`.
 * @example
 * ```ts
 * const p = defineRebateProgram({ currency: 'EUR', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive',
 *   tiers: [{ from: 0 }, { from: 5000, rate: '0.02' }, { from: 20000, rate: '0.04' }],
 *   settlement: { advance: 'cumulative', negativeTrueUp: 'clawback' } });
 * const run = settleRebates(p, [{ id: 'D1', periods: [{ period: 'P1', sales: 7000 }, { period: 'P2', sales: 20000 }] }]);
 * [run.rows[0]!.id, run.rows[0]!.result!.payments.map(String), run.totals.annualRebate.toString()];
 * //=> ['D1', ['140', '940'], '1080']
 * ```
 */
export function settleRebates(
  program: RebateProgram,
  inputs: readonly RebateSettlementInput[],
  options?: RebateSettlementBatchOptions,
): RebateSettlementBatchResult {
  try {
    const { program: p, internals } = resolveProgram(program, ['program']);
    const policy = policyOf(p);
    const o = optionsOf(options, batchOptionsShape);
    const batch = batchOptionsOf(options);
    const tierRefs = tierRefsOf(p);
    // The batch form of the program reads sales, returns and metrics: a program that needs more takes the Decimal path.
    const form = internals.needsTarget || internals.needsBaseline || internals.needsQuantity ? null : fastFormOf(p);
    const fast = form === null ? null : FastSettlement.of(form, policy, o.final, tierRefs);
    // Σ of the rows on the Decimal path (annual, paid, carried, waived); `fast` keeps its own rows' (so none is built to be summed).
    const slow = [ZERO, ZERO, ZERO, ZERO];
    const run = runBatch<unknown, RebateSettlementSummary>(
      inputs,
      'inputs',
      (input) => {
        const quick = fast === null ? undefined : fast.settle(input);
        if (quick !== undefined) return quick;
        const parsed = parseWith(settlementShape, input, []);
        const s = summarise(settleParsed(p, internals, parsed, policy, o.final, o.ratioScale, []), tierRefs);
        [s.annualRebate ?? ZERO, s.totalPaid, s.carriedForward, s.waived].forEach((x, i) => (slow[i] = slow[i]!.plus(x)));
        return s;
      },
      batch,
    );
    const [annualRebate, totalPaid, carriedForward, waived] = fast === null ? slow : fast.totals().map((x, i) => x.plus(slow[i]!));
    const count = run.rows.length - run.failed;
    const f = { scale: p.rounding.scale, seps: EN };
    return {
      rows: run.rows,
      totals: { count, annualRebate: annualRebate!, totalPaid: totalPaid!, carriedForward: carriedForward!, waived: waived! },
      failed: run.failed,
      warnings: batchWarnings(run.failed, run.rows.length),
      steps: [{ code: 'total', text: M.batchTotal(count, run.failed, fmtMoney(totalPaid!, f)) }],
    };
  } catch (error) {
    throw wrapThrown(error);
  }
}

const tierRefCache = new WeakMap<RebateProgram, readonly RebateTierRef[]>();

/** Frozen `{ index, name }` objects per tier, shared by every summary. @internal */
export function tierRefsOf(program: RebateProgram): readonly RebateTierRef[] {
  let refs = tierRefCache.get(program);
  if (refs === undefined) {
    refs = Object.freeze(program.tiers.map((t) => Object.freeze({ index: t.index, name: t.name })));
    tierRefCache.set(program, refs);
  }
  return refs;
}
