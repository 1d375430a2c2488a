// explainDealerStatement: a statement in the sentences a channel manager sends, each section in
// its own engine's words (explainTracking, explainScore, explainStanding, explainRebate,
// explainSettlement, explainPoints, explainInventoryHealth, explainReorderPlan).
import { reviveResult } from '../core/revive.js';
import { isDecimal } from '../core/decimal.js';
import { wrapThrown } from '../core/errors.js';
import type { ExplainOptions } from '../core/result.js';
import { separatorsOf } from '../core/format.js';
import { explainReorderPlan, explainInventoryHealth } from '../inventory/index.js';
import { explainScore, explainStanding } from '../kpi/index.js';
import { explainPoints, explainRebate, explainSettlement } from '../rebates/index.js';
import { explainTracking } from '../targets/index.js';
import type { DealerStatement } from './build.js';
import { figureText } from './figures.js';
import { STATEMENT_WORDS as W } from './messages.js';

/** True for a live result (its figures are Decimals), false for one read back from JSON (strings). */
const live = (figure: unknown): boolean => isDecimal(figure);

/** The texts of a result's steps: a statement read back from JSON holds strings where the explainers need decimals. */
function stepTexts(result: { steps?: readonly { text?: unknown }[] } | null | undefined): string[] {
  return (result?.steps ?? []).map((x) => String(x.text));
}

/** A statement's sentences, by section (the page prints them under "How each figure was reached"). @internal */
export function sectionSentences(statement: DealerStatement, options: ExplainOptions | undefined): string[][] {
  const s = statement;
  const seps = separatorsOf(options?.locale, ['options', 'locale']);
  const o = options?.locale === undefined ? undefined : { locale: options.locale };
  const out: string[][] = [];
  out.push([`${s.name === null ? s.id : `${s.id} ${s.name}`}, ${s.period} (${s.start} to ${s.end}), ${W.asOf} ${s.asOf}.`]);
  if (s.target !== null) {
    const t = s.target;
    // Stryker disable next-line StringLiteral: 'amount' is figureText's default branch, so any other non-unit name prints the same
    const own = `${s.period}: target ${figureText('amount', t.target, t.scale, seps)}, actual ${figureText('amount', t.actualToDate, t.scale, seps)} (${figureText('percent', t.attainment, 2, seps)}).`;
    out.push(t.tracking === null ? [own] : [own, ...(live(t.target) ? explainTracking(t.tracking, o) : stepTexts(t.tracking))]);
  }
  if (s.scorecard !== null) {
    const k = s.scorecard;
    const rank = k.rank === null ? [] : [`Rank ${k.rank} of ${k.peers} in the peer group; ${figureText('percent', k.percentileRank, 2, seps)} of the other dealers score lower.`];
    const standing = k.standing === null ? [] : live(k.score) ? explainStanding(k.standing, o) : stepTexts(k.standing);
    out.push([...(live(k.score) ? explainScore(k.result, o) : stepTexts(k.result)), ...rank, ...standing]);
  }
  if (s.rebate !== null && !live(s.rebate.rebate)) {
    out.push([...stepTexts(s.rebate.calculation), ...stepTexts(s.rebate.settlement)]);
  } else if (s.rebate !== null) {
    // The settlement tells every period's tier and payment; the calculation adds its gates and the next tier.
    const paid = explainSettlement(s.rebate.settlement, o);
    const more = explainRebate(s.rebate.calculation, o).slice(1).filter((x) => !paid.includes(x));
    out.push([...paid, ...more]);
  }
  if (s.points !== null) {
    const ledger = s.points.ledger;
    const all = live(s.points.balance) ? explainPoints(ledger, o) : stepTexts(ledger);
    // The ledger covers the year; the statement tells the period's events (steps and sentences pair one to one).
    const mine = all.filter((_, i) => {
      const step = ledger.steps[i] as { date?: string; code: string };
      return step.code === 'points-balance' || (step.date !== undefined && step.date >= s.start);
    });
    out.push(mine);
  }
  if (s.stock !== null) {
    const flagged = new Set([...s.stock.belowReorderPoint, ...s.stock.aboveMax].map((l) => l.id));
    out.push(
      live(s.stock.inventoryValue)
        ? [...explainInventoryHealth(s.stock.health, o), ...s.stock.plans.filter((p) => flagged.has(String(p.id))).map((p) => explainReorderPlan(p, o)[0]!)]
        : [...stepTexts(s.stock.health), ...s.stock.plans.filter((p) => flagged.has(String(p.id))).map((p) => `${String(p.id)}: ${String(p.steps.find((x) => x.code === 'status')!.text)}`)],
    );
  }
  return out;
}

/**
 * A dealer's statement in sentences, section by section, each in its engine's words: the target
 * and pace, the score and standing, the rebate and its settlement, the period's points, the stock's
 * health and the SKUs to act on.
 *
 * A statement read back from JSON is told from its engines' step texts (the explain functions read
 * live results), in English digits.
 *
 * @param statement - A result of {@link buildDealerStatement}.
 * @param options - `locale` for the digit grouping (the words stay English).
 * @example
 * ```ts
 * explainDealerStatement(buildDealerStatement({ period: '2025-Q4' }, { id: 'D-117', target: 1500000, actuals: { '2025-Q4': 1440000 } }));
 * //=> ['D-117, 2025-Q4 (2025-10-01 to 2025-12-31), as of 2025-12-31.', '2025-Q4: target 1,500,000, actual 1,440,000 (96.00 %).']
 * ```
 */
export function explainDealerStatement(statement: DealerStatement, options?: ExplainOptions): string[] {
  try {
    statement = reviveResult(statement);
    return sectionSentences(statement, options).flat();
  } catch (error) {
    throw wrapThrown(error);
  }
}
