import { batchOptionsOf, runBatch, type BatchOptions, type BatchResult, type BatchRow } from '../core/batch.js';
import { Decimal } from '../core/decimal.js';
import { wrapThrown } from '../core/errors.js';
import { decimalFromScaled, divRound, POW10, ROUNDING_CODE, SAFE } from '../core/scaled.js';
import type { Step, Warning } from '../core/result.js';
import { divRounded, exactSum } from './exact.js';
import { fastScratch, planFast, scoreFast, type FastPlan } from './fast.js';
import { KPI_MESSAGES as M, KPI_WORDS as W } from './messages.js';
import { ratioScaleOf, readDealer, scoreRead, type KpiScoreResult, type ScoreDealerOptions } from './score.js';
import { compiledOf, type CompiledScorecard, type KpiScorecard } from './scorecard.js';
import type { KpiDealerInput, KpiScorecardSpec } from './schema.js';

/** A dealer's score with its place in the batch. */
export interface KpiRankedScore extends KpiScoreResult {
  /** Competition rank by final score, highest first: equal scores share a rank and the next rank skips (1, 2, 2, 4). */
  rank: number;
  /**
   * The share of the other dealers that score strictly lower: `lower / (n − 1)`, 1 for a batch of
   * one (Excel's PERCENTRANK.INC for a value in the data), rounded half-up to `ratioScale` places.
   */
  percentileRank: Decimal;
}

/** What a batch of scores adds up to, over the dealers scored. */
export interface KpiScoreTotals {
  /** Dealers scored (the good rows). */
  dealers: number;
  /** Dealers per grade, every grade of the scorecard in its order (0 when none earned it). */
  grades: Record<string, number>;
  /** Dealers below the lowest grade (all of them when the scorecard has no grades). */
  ungraded: number;
  /** The highest final score, or null when no dealer was scored. */
  highestScore: Decimal | null;
  /** The lowest final score, or null when no dealer was scored. */
  lowestScore: Decimal | null;
  /** The mean final score, rounded half-up to `ratioScale` places, or null when no dealer was scored. */
  meanScore: Decimal | null;
}

/** Options of {@link scoreDealers}: `ratioScale` (as for {@link scoreDealer}), `onError` and `onProgress`. */
export interface ScoreDealersOptions extends ScoreDealerOptions, BatchOptions {}

const plans = new WeakMap<CompiledScorecard, FastPlan | null>();

function planOf(card: CompiledScorecard): FastPlan | null {
  // Stryker disable next-line ConditionalExpression: planning again gives the same plan (the map is only a cache)
  if (!plans.has(card)) plans.set(card, planFast(card));
  return plans.get(card)!;
}

/** `below / (n − 1)` rounded half-up to `scale` places (`n ≥ 2`), in scaled integers while they hold it exactly. */
function rankRatio(below: number, n: number, scale: number): Decimal {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: past 15 places the scaled integer overflows and the Decimal division below gives the same half-up ratio
  const num = scale <= 15 ? below * POW10[scale]! : Infinity;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: the Decimal division below gives the same half-up ratio as the scaled one
  if (num <= SAFE) return decimalFromScaled(divRound(num, n - 1, ROUNDING_CODE['half-up']), scale);
  return divRounded(new Decimal(below), new Decimal(n - 1), scale, 'half-up');
}

/**
 * Scores a batch of dealers on one scorecard (validated once) and ranks them: every row, in
 * input order, with its result (its competition `rank`, 1, 2, 2, 4, and `percentileRank`) or, under
 * `onError: 'collect'`, its error; the `totals` over the dealers scored (grade counts, highest,
 * lowest and mean score).
 *
 * Each dealer may carry an `id`: it comes back on its row and result, and a bad dealer's issues
 * are named by it (`inputs[D-117].actuals.sales`). Under `onError: 'throw'` (the default) every bad
 * dealer is reported in one error; `onProgress(done, total)` is called at most about 200 times.
 * With line rounding on the scorecard, plain-number inputs and a single stage, each dealer is
 * scored in scaled integers and gives exactly what {@link scoreDealer} gives, several times
 * faster (its `steps` are built when first read, then kept); anything else takes the general path.
 *
 * @example
 * ```ts
 * const card = defineScorecard({
 *   kpis: [{ id: 'sales', direction: 'higher', scoring: { type: 'ratio' } }],
 *   stages: { maturity: { weights: { sales: 1 } } },
 * });
 * const batch = scoreDealers(card, [
 *   { id: 'D1', stage: 'maturity', actuals: { sales: 80 }, targets: { sales: 100 } },
 *   { id: 'D2', stage: 'maturity', actuals: { sales: 95 }, targets: { sales: 100 } },
 *   { id: 'D3', stage: 'maturity', actuals: { sales: 95 }, targets: { sales: 100 } },
 * ]);
 * batch.rows.map((r) => (r.ok ? [r.id, r.result.score.toString(), r.result.rank, r.result.percentileRank.toString()] : r.id));
 * //=> [['D1', '80', 3, '0'], ['D2', '95', 1, '0.5'], ['D3', '95', 1, '0.5']]
 * ```
 */
export function scoreDealers(
  scorecard: KpiScorecard | KpiScorecardSpec,
  inputs: readonly KpiDealerInput[],
  options?: ScoreDealersOptions,
): BatchResult<KpiRankedScore, KpiScoreTotals> {
  try {
    const card = compiledOf(scorecard, ['scorecard']);
    const batch = batchOptionsOf(options);
    const ratioScale = ratioScaleOf(options, true);
    const plan = planOf(card);
    const n = Array.isArray(inputs) ? inputs.length : 0;
    const keys = new Float64Array(n);
    // Stryker disable next-line UnaryOperator: a wrong first scale only sends the batch to the Decimal ranking, which gives the same ranks and totals
    let keyScale = -1;
    // Stryker disable next-line BooleanLiteral: ranking on the Decimal scores gives the same ranks and totals as on the scaled keys
    let numericKeys = true;
    const scratch = plan === null ? null : fastScratch(plan);
    const run = runBatch<unknown, KpiScoreResult>(
      inputs,
      'inputs',
      (input, i) => {
        // Stryker disable next-line ConditionalExpression: the general path gives the same result as the fast path (test/props/kpi.props.test.ts)
        const fast = plan === null ? null : scoreFast(plan, input, scratch!);
        // Stryker disable next-line ConditionalExpression,BlockStatement: the general path gives the same result as the fast path (test/props/kpi.props.test.ts)
        if (fast !== null) {
          keys[i] = fast.key;
          // Stryker disable next-line EqualityOperator,UnaryOperator: never taking the first scale only sends the batch to the Decimal ranking, which gives the same ranks and totals
          if (keyScale === -1) keyScale = fast.keyScale;
          else if (keyScale !== fast.keyScale) numericKeys = false;
          return fast.result;
        }
        numericKeys = false;
        return scoreRead(card, readDealer(card, input, []), [], ratioScale);
      },
      batch,
    );
    const rows = run.rows as BatchRow<KpiRankedScore>[];
    const good: number[] = [];
    for (let i = 0; i < rows.length; i++) if (rows[i]!.ok) good.push(i);
    const m = good.length;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a refused row has no key and is not in `good`; its key slot stays 0 and adds nothing to the sum, so either ranking gives the same result
    if (run.failed > 0) numericKeys = false;
    const scoreOf = (i: number): Decimal => (rows[i] as { result: KpiRankedScore }).result.score;

    // Highest score first; equal scores keep their input order.
    if (numericKeys) good.sort((a, b) => keys[b]! - keys[a]! || a - b);
    // Stryker disable next-line ArithmeticOperator: equal scores share a rank and the totals read only their values, so the order among equals is never visible
    else good.sort((a, b) => scoreOf(b).cmp(scoreOf(a)) || a - b);
    let start = 0;
    while (start < m) {
      let end = start + 1;
      while (end < m && (numericKeys ? keys[good[end]!] === keys[good[start]!] : scoreOf(good[end]!).eq(scoreOf(good[start]!)))) end++;
      const percentileRank = m === 1 ? new Decimal(1) : rankRatio(m - end, m, ratioScale);
      for (let j = start; j < end; j++) {
        const r = (rows[good[j]!] as { result: KpiRankedScore }).result;
        r.rank = start + 1;
        r.percentileRank = percentileRank;
      }
      start = end;
    }
    const totals = totalsOf(card, rows, good, numericKeys ? { keys, scale: keyScale } : null, ratioScale);
    const warnings: Warning[] = run.failed > 0 ? [{ code: 'rows-refused', message: M.rowsRefused(run.failed, rows.length, m) }] : [];
    const steps: Step[] = [{ code: 'ranking', text: W.ranking(m) }];
    if (card.grades.length > 0) {
      const parts = card.grades.map((g) => W.gradeCount(g.grade, totals.grades[g.grade]!));
      parts.push(W.noGradeCount(totals.ungraded));
      steps.push({ code: 'grades', text: W.gradeCounts(parts.join(', ')) });
    }
    return { rows, totals, failed: run.failed, warnings, steps };
  } catch (error) {
    throw wrapThrown(error);
  }
}

function totalsOf(
  card: CompiledScorecard,
  rows: readonly BatchRow<KpiRankedScore>[],
  order: readonly number[],
  numeric: { keys: Float64Array; scale: number } | null,
  ratioScale: number,
): KpiScoreTotals {
  const grades: Record<string, number> = {};
  for (const g of card.grades) grades[g.grade] = 0;
  const m = order.length;
  let ungraded = 0;
  // In input order (the rows as they lie in memory); the sum below too.
  for (const row of rows) {
    if (!row.ok) continue;
    const g = row.result.grade;
    if (g === null) ungraded++;
    else grades[g]!++;
  }
  if (m === 0) return { dealers: 0, grades, ungraded, highestScore: null, lowestScore: null, meanScore: null };
  const first = (rows[order[0]!] as { result: KpiRankedScore }).result.score;
  const last = (rows[order[m - 1]!] as { result: KpiRankedScore }).result.score;
  let sum: Decimal | null = null;
  // Stryker disable next-line ConditionalExpression,BlockStatement: without the scaled sum the Decimal sum below gives the same mean
  if (numeric !== null) {
    // Scaled integers: exact while every partial sum stays a safe integer.
    let s = 0;
    // Stryker disable next-line UpdateOperator,LogicalOperator: reading past either end gives NaN, which sends the sum to exactSum below (the same mean); the bound on s only stops early, and the check after the loop decides
    for (let i = 0; i < numeric.keys.length && Math.abs(s) <= SAFE; i++) s += numeric.keys[i]!;
    if (Math.abs(s) <= SAFE) sum = decimalFromScaled(s, numeric.scale);
  }
  // Stryker disable next-line ConditionalExpression: the Decimal sum of the scores equals the scaled sum whenever the latter is taken
  if (sum === null) sum = exactSum(order.map((i) => (rows[i] as { result: KpiRankedScore }).result.score));
  return { dealers: m, grades, ungraded, highestScore: first, lowestScore: last, meanScore: divRounded(sum, new Decimal(m), ratioScale, 'half-up') };
}
