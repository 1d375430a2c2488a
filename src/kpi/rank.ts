import { IssueCollector, invalid, wrapThrown, type DealerkitIssue } from '../core/errors.js';
import { DecimalCache, planFast, scoreFast, type FastPlan } from './fast.js';
import { readDealer, scoreRead, singleStage, weightRecord, type KpiScoreResult } from './score.js';
import { compiledOf, type CompiledScorecard, type KpiScorecard } from './scorecard.js';
import type { KpiDealerInput, KpiScorecardSpec } from './schema.js';
import type { Decimal } from '../core/decimal.js';

/** A dealer's score with its place in the batch. */
export interface KpiRankedScore extends KpiScoreResult {
  /** Competition rank by final score, highest first: equal scores share a rank and the next rank skips (1, 2, 2, 4). */
  rank: number;
  /**
   * The percentage of the other dealers that score strictly lower: `100 × lower / (n − 1)`, 100 for
   * a batch of one (Excel's PERCENTRANK.INC × 100 for a value in the data). A plain number.
   */
  percentile: number;
}

const plans = new WeakMap<CompiledScorecard, FastPlan | null>();

function planOf(card: CompiledScorecard): FastPlan | null {
  if (!plans.has(card)) {
    plans.set(
      card,
      planFast(
        card,
        (name) => weightRecord(card, card.stages.get(name)!, true),
        (name) => singleStage(card, name).shares,
      ),
    );
  }
  return plans.get(card)!;
}

const MAX_ISSUES = 50;

/**
 * Scores a batch of dealers on one scorecard (validated once) and ranks them: every dealer's
 * result, in input order, with its competition `rank` (1, 2, 2, 4) and `percentile`.
 *
 * With `pointsRounding` on the scorecard and plain-number inputs on a single stage, each dealer is
 * scored in scaled integers and gives exactly what {@link scoreDealer} gives, several times faster;
 * anything else takes the general path. Bad dealers are reported together (the first 50 issues),
 * each path starting `dealers[i]`.
 *
 * @example
 * ```ts
 * const card = defineScorecard({
 *   kpis: [{ id: 'sales', direction: 'higher', scoring: { type: 'ratio' } }],
 *   stages: { maturity: { weights: { sales: 1 } } },
 * });
 * const ranked = scoreDealers(card, [
 *   { id: 'D1', stage: 'maturity', actuals: { sales: 80 }, targets: { sales: 100 } },
 *   { id: 'D2', stage: 'maturity', actuals: { sales: 95 }, targets: { sales: 100 } },
 *   { id: 'D3', stage: 'maturity', actuals: { sales: 95 }, targets: { sales: 100 } },
 * ]);
 * ranked.map((r) => [r.id, r.score.toString(), r.rank, r.percentile]);
 * //=> [['D1', '80', 3, 0], ['D2', '95', 1, 50], ['D3', '95', 1, 50]]
 * ```
 */
export function scoreDealers(scorecard: KpiScorecard | KpiScorecardSpec, dealers: readonly KpiDealerInput[]): KpiRankedScore[] {
  try {
    const card = compiledOf(scorecard, ['scorecard']);
    if (!Array.isArray(dealers)) invalid(['dealers'], 'must be an array of dealer inputs');
    const n = dealers.length;
    const plan = planOf(card);
    const results = new Array<KpiScoreResult>(n);
    const keys = new Float64Array(n);
    let keyScale = -1;
    let numericKeys = true;
    const issues = new IssueCollector();
    let more = 0;
    const targetCache: { n: number; d: Decimal }[] = [];
    const cache = new DecimalCache();
    for (let i = 0; i < n; i++) {
      const input = dealers[i];
      const fast = plan === null ? null : scoreFast(plan, card, input, targetCache, cache);
      if (fast !== null) {
        results[i] = fast.result;
        keys[i] = fast.key;
        if (keyScale === -1) keyScale = fast.keyScale;
        else if (keyScale !== fast.keyScale) numericKeys = false;
        continue;
      }
      numericKeys = false;
      try {
        const path = ['dealers', i];
        results[i] = scoreRead(card, readDealer(card, input, path), path);
      } catch (e) {
        const err = wrapThrown(e);
        for (const issue of err.issues as DealerkitIssue[]) {
          if (issues.issues.length < MAX_ISSUES) issues.add(issue.path, issue.message, err.code);
          else more++;
        }
      }
    }
    if (more > 0) issues.add(['dealers'], `and ${more} more issue${more === 1 ? '' : 's'} not listed`);
    issues.throwIfAny();

    // Highest score first; equal scores keep their input order.
    const order = Array.from({ length: n }, (_, i) => i);
    if (numericKeys) order.sort((a, b) => keys[b]! - keys[a]! || a - b);
    else order.sort((a, b) => results[b]!.score.cmp(results[a]!.score) || a - b);
    const ranked = results as KpiRankedScore[];
    let start = 0;
    while (start < n) {
      let end = start + 1;
      const s = results[order[start]!]!.score;
      while (end < n && (numericKeys ? keys[order[end]!] === keys[order[start]!] : results[order[end]!]!.score.eq(s))) end++;
      const below = n - end;
      const percentile = n === 1 ? 100 : (100 * below) / (n - 1);
      for (let j = start; j < end; j++) {
        const r = ranked[order[j]!]!;
        r.rank = start + 1;
        r.percentile = percentile;
      }
      start = end;
    }
    return ranked;
  } catch (error) {
    throw wrapThrown(error);
  }
}
