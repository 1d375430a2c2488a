import { Decimal, type DecimalInput } from '../core/decimal.js';
import { invalid, wrapThrown } from '../core/errors.js';
import { nonNegativeDecimalSchema, parseWith } from '../core/schema.js';
import type { Step } from '../core/result.js';
import { batchOptionsOf, runBatch, type BatchResult } from '../core/batch.js';
import { TARGETS_MESSAGES as M } from './messages.js';
import { batchOptionsShape, cascadeRowShape, type CascadeTargetRow, type CascadeTargetSpec, type CascadeTargetsOptions } from './schema.js';
import { EN, amount, batchSentence } from './text.js';
import { decimalOfUnits, unitsOf } from './units.js';
import { type TargetCascade } from './cascade-types.js';
import { compileCascade } from './cascade-plan.js';
import { runCascade, cascadeUnits } from './cascade-run.js';

export { runCascade } from './cascade-run.js';

export { compileCascade } from './cascade-plan.js';

export { type TargetWeekRef, type TargetPeriod, type TargetCascadeDifference, type TargetPartialWeek, type TargetCascade, type CascadePlan } from './cascade-types.js';

/**
 * Cascades a year's target down a calendar (quarters, months, weeks) so that every level sums
 * exactly to its parent, and every figure traces to its weight.
 *
 * Each split is largest-remainder (Hamilton) on whole units of `10^-scale`: each child gets the
 * floor of its exact share `parent × weight / weightTotal`, and the leftover units go to the
 * largest remainders, ties to the earlier period (`roundedUp` marks them; each split's step lists them).
 *
 * - `spread`: `'even'`, `'days'`, `'workdays'`, `{ profile }` (seasonal weights per quarter, month or
 *   week) or `{ reference, fallback? }` (last year's actuals; a split whose reference sums to zero
 *   falls back to `fallback`, `'days'` by default, with a warning); one for all levels or one per level.
 * - `weeks` (Gregorian): `'split'` cuts weeks at month ends (the parts are `2026-W05@2026-01` and
 *   `2026-W05@2026-02`); `'thursday'` keeps weeks whole, each in the month of its Thursday, and every
 *   month is then the run of its weeks (2026-01 runs from 2025-12-29 to 2026-02-01).
 * - `path`: `'nested'` (default) splits each level inside its parent; `'direct'` splits every level
 *   from the year, so each level sums to the total but children may differ from their parent by a
 *   few units (listed in `differences`, with a warning).
 * - `rounding.scale`: decimal places of every target, 0 (whole units) by default.
 *
 * @param spec - How to cascade: calendar, levels, spread, working days, week rule, rounding, path.
 * @param total - The year's target, with at most `rounding.scale` decimals.
 * @example
 * ```ts
 * const c = cascadeTarget({ calendar: defineGregorianCalendar({ year: 2026 }), levels: ['quarter', 'month'], spread: 'even' }, 100000000);
 * c.periods.map((q) => q.target.toString());
 * //=> ['25000000', '25000000', '25000000', '25000000']
 * c.periods[0].children.map((m) => m.target.toString());
 * //=> ['8333334', '8333333', '8333333']
 * c.steps[2].text;
 * //=> '2026-Q1: 25,000,000 over 3 months, evenly: 8,333,333 each; the leftover 1 goes to 2026-01 (8,333,334).'
 * ```
 */
export function cascadeTarget(spec: CascadeTargetSpec, total: DecimalInput): TargetCascade {
  try {
    const plan = compileCascade(spec);
    return runCascade(plan, parseWith(nonNegativeDecimalSchema, total, ['total']), ['total']);
  } catch (error) {
    throw wrapThrown(error);
  }
}

/** The totals of `cascadeTargets`: over the rows that were cascaded. */
export interface TargetCascadeTotals {
  /** The sum of their totals. */
  total: Decimal;
  /** How many rows were cascaded. */
  count: number;
}

/** The step of `cascadeTargets`: how many totals were cascaded, and their sum. */
export interface TargetCascadeBatchStep extends Step {
  /** Always `'cascades'`. */
  code: 'cascades';
  /** How many rows were cascaded. */
  count: number;
  /** The sum of their totals. */
  total: Decimal;
}

const ROW_KEYS = new Set(['id', 'total']);

/** True when a row's own keys are `id` and `total` only (the fast path skips zod, which would refuse others). */
// Stryker disable next-line BlockStatement: the fast path only skips zod: a row it turns away is parsed by zod, which gives the same total
function onlyRowKeys(row: object): boolean {
  // Stryker disable next-line ConditionalExpression,LogicalOperator,BooleanLiteral: every row that reaches here has a total key, so these variants only send more rows to zod, which gives the same total
  for (const k in row) if (!ROW_KEYS.has(k) && Object.prototype.hasOwnProperty.call(row, k)) return false;
  // Stryker disable next-line BooleanLiteral: the fast path only skips zod: a row it turns away is parsed by zod, which gives the same total
  return true;
}

function rowTotal(row: unknown): Decimal {
  // A dealer's target from cascadeHierarchy is already one of our Decimals: no need for zod.
  // Stryker disable next-line StringLiteral,BlockStatement: the fast path only skips zod: a row it turns away is parsed by zod, which gives the same total
  if (typeof row === 'object' && row !== null && !Array.isArray(row)) {
    const r = row as { id?: unknown; total?: unknown };
    const t = r.total;
    const id = r.id;
    if (
      // Stryker disable next-line ConditionalExpression: the fast path only skips zod: a row it turns away is parsed by zod, which gives the same total
      t instanceof Decimal &&
      t.isFinite() &&
      !t.isNegative() &&
      // Stryker disable next-line StringLiteral: a failed typeof only sends the row to zod, which gives the same total (the '' literal's variant lets an empty id through, which mutation-cascade-rows refuses)
      (id === undefined || (typeof id === 'string' && id !== '') || (typeof id === 'number' && Number.isFinite(id))) &&
      onlyRowKeys(row)
      // Stryker disable next-line BlockStatement: the fast path only skips zod: a row it turns away is parsed by zod, which gives the same total
    ) {
      return t;
    }
  }
  return parseWith(cascadeRowShape, row, []).total;
}

/**
 * {@link cascadeTarget} for many rows (a cascade per dealer) on one spec, validated and compiled
 * once. Each row is `{ id?, total }`; the result has one entry per row with its id and cascade (or,
 * under `onError: 'collect'`, its error), and the sum of the totals cascaded. Errors name the row by
 * its id: `inputs[D-117].total`.
 *
 * @param spec - How to cascade, as for `cascadeTarget`.
 * @param inputs - The rows.
 * @param options - `onError: 'throw' | 'collect'`, `onProgress(done, total)`, and `detail: 'summary'` to leave out each cascade's steps.
 * @example
 * ```ts
 * const spec = { calendar: defineNrfCalendar(2026), levels: ['month'], spread: 'even' } as const;
 * const r = cascadeTargets(spec, [{ id: 'D01', total: 1200 }, { id: 'D02', total: 13 }]);
 * r.rows.map((row) => [row.id, row.result.periods.slice(0, 2).map((m) => m.target.toString())]);
 * //=> [['D01', ['100', '100']], ['D02', ['2', '1']]]
 * r.totals.total.toString();
 * //=> '1213'
 * ```
 */
export function cascadeTargets(
  spec: CascadeTargetSpec,
  inputs: readonly CascadeTargetRow[],
  options?: CascadeTargetsOptions,
): BatchResult<TargetCascade, TargetCascadeTotals> {
  try {
    const parsed = options === undefined ? undefined : parseWith(batchOptionsShape, options, ['options']);
    const opts = batchOptionsOf(parsed === undefined ? undefined : { onError: parsed.onError, onProgress: parsed.onProgress });
    const summary = parsed?.detail === 'summary';
    const plan = compileCascade(spec);
    if (!Array.isArray(inputs)) invalid(['inputs'], M.rowsArray(), { code: 'invalid_type' });
    // The totals add up in units (a BigInt once beyond 2^53), counted only for rows that were cascaded.
    let sum = 0;
    let bigSum = BigInt(0);
    let count = 0;
    const run = runBatch(
      inputs,
      'inputs',
      (row: unknown) => {
        const units = unitsOf(rowTotal(row), plan.scale, ['total'], plan.scaleDefaulted);
        const cascade = cascadeUnits(plan, units, summary);
        // Stryker disable next-line ConditionalExpression,StringLiteral,EqualityOperator: the sum is exact either way (sum + bigSum); sum only stays 0 when units go to bigSum, and no number of units exceeds 2^53 − 1 alone
        if (typeof units === 'number' && sum + units <= Number.MAX_SAFE_INTEGER) sum += units;
        else bigSum += BigInt(units);
        count++;
        return cascade;
      },
      opts,
    );
    // Stryker disable next-line ConditionalExpression: bigSum + BigInt(sum) with bigSum 0 is the same amount as sum
    const total = decimalOfUnits(bigSum === BigInt(0) ? sum : bigSum + BigInt(sum), plan.scale);
    const step: TargetCascadeBatchStep = {
      code: 'cascades',
      count,
      total,
      text: batchSentence(count, amount(total, plan.scale, EN)),
    };
    return { rows: run.rows, totals: { total, count }, failed: run.failed, warnings: [], steps: [step] };
  } catch (error) {
    throw wrapThrown(error);
  }
}
