// planReordersColumnar: the plan over Float64Array columns for a million SKUs, through the same
// kernel as planReorder (so every figure agrees exactly), with no allocation per SKU.
import { fail, invalid, outOfRange, wrapThrown, type IssuePath } from '../core/errors.js';
import { fmt } from './format.js';
import { ERR_EOQ_OVERFLOW, ERR_FILL_ZERO_Q, MAX_QUANTITY, newKernelBuffer, O_ERROR, O_MU, O_Q_RAW, O_Q_SERVICE, O_SIGMA, planRange } from './kernel.js';
import { INVENTORY_MESSAGES as M } from './messages.js';
import { MAX_POISSON_MEAN } from './poisson.js';
import { preparePolicy } from './plan.js';
import type { ReorderColumns, ReorderColumnsOutput } from './columns.js';
import type { ReorderPolicy } from './schema.js';

export type { ReorderColumns, ReorderColumnsOutput } from './columns.js';

const REQUIRED = ['meanPerDay', 'sdPerDay', 'leadTimeDays', 'leadTimeSdDays', 'onHand', 'onOrder'] as const;
const OPTIONAL = ['unitCost', 'moq', 'packSize', 'maxOrderQty', 'backordered', 'committed'] as const;
const OUTPUTS = ['safetyStock', 'reorderPoint', 'orderUpTo', 'max', 'suggestedOrder'] as const;


/**
 * Plans many SKUs held in `Float64Array` columns under one policy, writing into typed output
 * columns with no allocation per SKU: the path for a million SKUs. It runs the same kernel as
 * {@link planReorder}, so every figure agrees exactly with the object path for the same SKU
 * (daily statistics, `onOrder` all counted, no levels or seasonality).
 *
 * Pass `out` to reuse output columns across calls. Bad values are errors naming the column and
 * row (`columns.leadTimeDays[17]`) with their code (`not_a_number`, `not_an_integer`, `out_of_range`);
 * the first bad row stops the run (the columns carry no ids: check them before with your own
 * tools, or use {@link planReorders} with `onError: 'collect'` for a per-row report).
 *
 * @param policy - The shared rules (as {@link planReorder}; no per-row overrides).
 * @param columns - The input columns.
 * @param out - Output columns to write into (allocated when omitted).
 * @example
 * ```ts
 * const f = (...v: number[]) => Float64Array.from(v);
 * const out = planReordersColumnar(
 *   { service: { cycle: 0.95 }, orderQuantity: { fixed: 300 } },
 *   { meanPerDay: f(20), sdPerDay: f(5), leadTimeDays: f(7), leadTimeSdDays: f(0), onHand: f(150), onOrder: f(0) },
 * );
 * [out.reorderPoint[0]!.toFixed(4), REORDER_STATUSES[out.status[0]!], out.suggestedOrder[0]];
 * //=> ['161.7594', 'reorder', 300]
 * ```
 */
export function planReordersColumnar(policy: ReorderPolicy, columns: ReorderColumns, out?: ReorderColumnsOutput): ReorderColumnsOutput {
  try {
    const { resolved: p } = preparePolicy(policy, ['policy']);
    if (typeof columns !== 'object' || columns === null) invalid(['columns'], M.notColumns(), { code: 'invalid_type', expected: 'an object' });
    const first = columns.meanPerDay;
    if (!(first instanceof Float64Array)) invalid(['columns', 'meanPerDay'], M.notFloat64(), { code: first === undefined ? 'required' : 'invalid_type', expected: 'a Float64Array' });
    const n = first.length;
    const path: IssuePath = ['columns'];
    for (const name of [...REQUIRED, ...OPTIONAL]) {
      const c = columns[name];
      if (c === undefined && (OPTIONAL as readonly string[]).includes(name)) continue;
      if (!(c instanceof Float64Array)) invalid([...path, name], M.notFloat64(), { code: c === undefined ? 'required' : 'invalid_type', expected: 'a Float64Array' });
      if (c.length !== n) invalid([...path, name], M.columnLength(n, c.length), { code: 'inconsistent', limit: String(n), received: String(c.length) });
    }
    if (p.review === 0 && p.qRule === 0) invalid(['policy', 'orderQuantity'], M.orderQuantityRequiredColumns(), { code: 'required' });
    const res: ReorderColumnsOutput =
      out ??
      {
        safetyStock: new Float64Array(n),
        reorderPoint: new Float64Array(n),
        orderUpTo: new Float64Array(n),
        max: new Float64Array(n),
        suggestedOrder: new Float64Array(n),
        status: new Uint8Array(n),
      };
    // Stryker disable next-line ConditionalExpression: columns allocated here have length n and the right types, so checking them too refuses nothing
    if (out !== undefined) {
      for (const name of OUTPUTS) {
        if (!(res[name] instanceof Float64Array) || res[name].length !== n) invalid(['out', name], M.outColumn(n), { code: 'invalid_type', expected: `a Float64Array of length ${n}` });
      }
      if (!(res.status instanceof Uint8Array) || res.status.length !== n) invalid(['out', 'status'], M.outStatus(n), { code: 'invalid_type', expected: `a Uint8Array of length ${n}` });
    }

    const t = newKernelBuffer();
    const failed = planRange(
      p,
      {
        d: columns.meanPerDay,
        sd: columns.sdPerDay,
        L: columns.leadTimeDays,
        sdL: columns.leadTimeSdDays,
        onHand: columns.onHand,
        onOrder: columns.onOrder,
        unitCost: columns.unitCost,
        moq: columns.moq,
        pack: columns.packSize,
        maxQ: columns.maxOrderQty,
        backordered: columns.backordered,
        committed: columns.committed,
      },
      n,
      res,
      t,
      // Stryker disable next-line BooleanLiteral: detail only leaves a finished row's figures in t; a failing row writes the figures its error reads (refused, overflowed) itself
      false,
      true,
    );
    if (failed >= 0) {
      const error = t[O_ERROR];
      if (error === ERR_FILL_ZERO_Q) fail('infeasible', ['columns', 'meanPerDay', failed], M.fillZeroLot(fmt(t[O_Q_SERVICE]!), fmt(t[O_SIGMA]!)), { code: 'infeasible' });
      if (error === ERR_EOQ_OVERFLOW) {
        outOfRange(['columns', 'unitCost', failed], M.eoqOverflow(fmt(t[O_Q_RAW]!), fmt(MAX_QUANTITY)), { code: 'out_of_range', limit: String(MAX_QUANTITY), received: String(t[O_Q_RAW]) });
      }
      outOfRange(['columns', 'meanPerDay', failed], M.poissonMean(MAX_POISSON_MEAN, fmt(t[O_MU]!)), { code: 'out_of_range', limit: String(MAX_POISSON_MEAN), received: String(t[O_MU]) });
    }
    return res;
  } catch (error) {
    throw wrapThrown(error);
  }
}
