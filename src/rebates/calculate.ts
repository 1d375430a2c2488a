import { ZERO, type Decimal } from '../core/decimal.js';
import { wrapThrown } from '../core/errors.js';
import { batchOptionsOf, runBatch, type BatchResult } from '../core/batch.js';
import { parseWith, scaleSchema } from '../core/schema.js';
import type { Warning } from '../core/result.js';
import * as z from 'zod/mini';
import { resolveProgram, type RebateBenefit, type RebateProgram } from './program.js';
import { inputShape, type RebateInput } from './schema.js';
import { REBATE_MESSAGES as M } from './messages.js';
import { EN, fmtMoney } from './explain.js';
import { checkFacts, contextOf, evaluate, factsOf, samePath } from './evaluate.js';
import type { RebateBatchOptions, RebateOptions, RebateResult } from './result.js';
import { lazySchema } from '../core/lazy.js';

export type * from './result.js';
export { checkFacts, compareMetric, contextOf, evaluate, factsOf, samePath } from './evaluate.js';
export type { EvaluateContext, FactPath, RebateFacts } from './evaluate.js';

/**
 * The figures of a calculation without its steps, texts or warnings (`steps` and `warnings` are
 * empty): for the spreadsheet functions, which return one number per cell. @internal
 */
export function calculateFigures(program: RebateProgram, input: RebateInput): RebateResult {
  const { program: p, internals } = resolveProgram(program, ['program']);
  const facts = factsOf(parseWith(inputShape, input, []));
  checkFacts(p, internals, facts, samePath);
  return evaluate(p, facts, null, contextOf(p, undefined, samePath, false));
}

const optionsShape = lazySchema(() => z.strictObject({ ratioScale: z.optional(scaleSchema) }));
const batchOptionsShape = lazySchema(() => z.strictObject({
  ratioScale: z.optional(scaleSchema),
  onError: z.optional(z.enum(['throw', 'collect'])),
  onProgress: z.optional(z.custom<(done: number, total: number) => void>((v) => typeof v === 'function', { error: 'must be a function (done, total) => void' })),
}));

/** Reads the options of a calculation (`ratioScale`). @internal */
export function ratioScaleOf(options: unknown, shape: z.ZodMiniType = optionsShape): number | undefined {
  if (options === undefined) return undefined;
  const o = parseWith(shape, options, ['options']) as { ratioScale?: number };
  return o.ratioScale;
}

/** The batch options of {@link calculateRebates} (checked, then read by the core). @internal */
export function batchRatioScaleOf(options: unknown): number | undefined {
  return ratioScaleOf(options, batchOptionsShape);
}

/**
 * Calculates one dealer's rebate under a program, with every step behind it.
 *
 * Net amount = sales − returns, net units = quantity − returned quantity; a negative net gives a
 * basis of 0 (reported in `warnings`), never a negative rebate. The steps run `basis`, the `tier`
 * lines, `over-achievement`, gates, multipliers, `minimum`, `cap` and `rounding`; their amounts add
 * up to the rebate with `rounding.stage: 'line'` (every line rounded, so the printed lines add up)
 * or to the unrounded rebate with `'total'` (rounded once; the `rounding` step says by how much).
 * Tiers are chosen on exact figures (sales against `bound × target`), never on a rounded ratio;
 * `basisValue` reports attainment and growth rates rounded to `ratioScale` places.
 *
 * @param program - A program from {@link defineRebateProgram} (a spec is defined on the spot).
 * @param input - The dealer's figures for the program's period.
 * @param options - `ratioScale`: decimal places of reported ratios (the program's, 10 by default).
 * @example
 * ```ts
 * const sap = defineRebateProgram({
 *   currency: 'EUR', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive',
 *   tiers: [{ from: 0 }, { from: 5000, rate: '0.02' }, { from: 20000, rate: '0.04' }],
 * });
 * const r = calculateRebate(sap, { sales: 7000 });
 * [r.rebate.toString(), r.nextTier?.salesGap?.toString(), r.steps[1]?.text];
 * //=> ['140', '13000', 'Tier 2: 2 % × 7,000.00 = 140.00']
 * ```
 */
export function calculateRebate(program: RebateProgram, input: RebateInput, options?: RebateOptions): RebateResult {
  try {
    const { program: p, internals } = resolveProgram(program, ['program']);
    const ctx = contextOf(p, ratioScaleOf(options));
    const facts = factsOf(parseWith(inputShape, input, []));
    checkFacts(p, internals, facts, samePath);
    return evaluate(p, facts, null, ctx);
  } catch (error) {
    throw wrapThrown(error);
  }
}

/** The totals of a batch of calculations (over the rows computed). */
export interface RebateTotals {
  /** How many rows were computed. */
  count: number;
  /** Σ rebate. */
  rebate: Decimal;
  /** Σ unrounded rebate. */
  unrounded: Decimal;
  /** Σ benefits by name. */
  benefits: RebateBenefit[];
}

/** The result of {@link calculateRebates}: one row per input (with its `id`), the totals over the good rows. */
export type RebateBatchResult = BatchResult<RebateResult, RebateTotals>;

/**
 * Calculates many dealers' rebates under one program, validated once: one row per input, in
 * order, each with its `id` and result (or, with `onError: 'collect'`, its error), plus the totals
 * over the rows computed.
 *
 * Under `onError: 'throw'` (the default) every bad row is reported in one error, each path naming
 * the row by its id (`inputs[D-117].sales`) or its index.
 *
 * @param program - A program from {@link defineRebateProgram}.
 * @param inputs - One input per dealer, each with an optional `id`.
 * @param options - `ratioScale`, `onError`, `onProgress(done, total)`.
 * @example
 * ```ts
 * const p = defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'amount', method: 'incremental', tiers: [{ from: 0, rate: '0.01' }, { from: 1000, rate: '0.02' }] });
 * const batch = calculateRebates(p, [{ id: 'D1', sales: 500 }, { id: 'D2', sales: 1500 }]);
 * [batch.rows.map((r) => [r.id, r.result?.rebate.toString()]), batch.totals.rebate.toString()];
 * //=> [[['D1', '5'], ['D2', '20']], '25']
 * ```
 */
export function calculateRebates(program: RebateProgram, inputs: readonly RebateInput[], options?: RebateBatchOptions): RebateBatchResult {
  try {
    const { program: p, internals } = resolveProgram(program, ['program']);
    const ctx = contextOf(p, batchRatioScaleOf(options));
    const batch = batchOptionsOf(options);
    const run = runBatch<unknown, RebateResult>(
      inputs,
      'inputs',
      (input) => {
        const facts = factsOf(parseWith(inputShape, input, []));
        checkFacts(p, internals, facts, samePath);
        return evaluate(p, facts, null, ctx);
      },
      batch,
    );
    let rebate = ZERO;
    let unrounded = ZERO;
    let count = 0;
    const benefits = new Map<string, Decimal>();
    for (const row of run.rows) {
      if (!row.ok) continue;
      const r = row.result;
      count++;
      rebate = rebate.plus(r.rebate);
      unrounded = unrounded.plus(r.unrounded);
      for (const b of r.benefits) benefits.set(b.name, (benefits.get(b.name) ?? ZERO).plus(b.amount));
    }
    const totals: RebateTotals = { count, rebate, unrounded, benefits: [...benefits].map(([name, amount]) => ({ name, amount })) };
    return {
      rows: run.rows,
      totals,
      failed: run.failed,
      warnings: batchWarnings(run.failed, run.rows.length),
      steps: [{ code: 'total', text: M.batchTotal(count, run.failed, fmtMoney(rebate, { scale: p.rounding.scale, seps: EN })) }],
    };
  } catch (error) {
    throw wrapThrown(error);
  }
}

/** The warning of a batch with refused rows (collect mode). @internal */
export function batchWarnings(failed: number, total: number): Warning[] {
  return failed === 0 ? [] : [{ code: 'rows-refused', message: M.rowsRefused(failed, total), path: ['inputs'] }];
}
