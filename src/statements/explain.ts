// explainDealerStatement: a statement in the sentences a channel manager sends, each section in
// its own engine's words (explainTracking, explainScore, explainStanding, explainRebate,
// explainSettlement, explainPoints, explainInventoryHealth, explainReorderPlan).
import { byCode, checkShape, memo, nullable, optional, type ResultShape } from '../core/result-check.js';
import { isDecimal } from '../core/decimal.js';
import { reviveResult } from '../core/revive.js';
import { invalid, isDealerkitError, repathError, wrapThrown, type IssuePath } from '../core/errors.js';
import type { ExplainOptions } from '../core/result.js';
import { separatorsOf } from '../core/format.js';
import { explainReorderPlan, explainInventoryHealth } from '../inventory/index.js';
import { explainScore, explainStanding } from '../kpi/index.js';
import { explainPoints, explainRebate, explainSettlement } from '../rebates/index.js';
import { explainTracking } from '../targets/index.js';
import type { DealerStatement } from './build.js';
import { figureText } from './figures.js';
import { STATEMENT_MESSAGES as M, STATEMENT_WORDS as W } from './messages.js';

// What the statement's own sentences and page read (src/core/result-check.ts): a statement is read
// as it is, live or from JSON (figures as Decimals, numbers or their text; a KPI line may hold a
// word), so each figure is a figure or text; the engines' results inside it are read by their own
// explainers, whose refusals are named under the statement (see nested).
const FIGURE = 'dec|num|str|null';
const stockLine = { id: 'str|num', name: 'str|null?', status: 'str', position: 'num', reorderPoint: 'num', max: 'num', suggestedOrder: 'num', excess: 'num' };
const statementShape = /* @__PURE__ */ memo((): ResultShape => ({
  id: 'str|num',
  name: 'str|null',
  brand: 'str|null?',
  currency: 'str|null?',
  period: 'str',
  start: 'str',
  end: 'str',
  asOf: 'str',
  target: nullable({ target: FIGURE, actualToDate: FIGURE, attainment: FIGURE, scale: 'scale', tracking: nullable({ steps: optional(['obj']) }) }),
  scorecard: nullable({
    stage: 'str',
    score: FIGURE,
    rank: 'num|null',
    peers: 'num|null',
    percentileRank: FIGURE,
    result: { steps: [byCode('code', { 'kpi-points': { kpi: 'str', label: 'str' }, '*': { text: 'str' } })] },
    standing: nullable({ steps: [{ text: 'str' }] }),
  }),
  rebate: nullable({ rebate: FIGURE, calculation: { steps: [{ code: 'str', text: 'str' }] }, settlement: { steps: [{ text: 'str' }] } }),
  points: nullable({ balance: FIGURE, ledger: { steps: [{ code: 'str', date: 'str?', text: 'str' }] } }),
  stock: nullable({
    inventoryValue: FIGURE,
    belowReorderPoint: [stockLine],
    aboveMax: [stockLine],
    plans: [{ id: 'str|num', steps: [{ code: 'str', text: 'str' }] }],
    health: { steps: [{ text: 'str' }] },
  }),
  figures: [{ key: 'str', section: 'str', label: 'str', value: FIGURE, unit: 'str', scale: 'scale' }],
  warnings: [{ code: 'str', message: 'str' }],
}));

/** Checks what the statement's sentences and page read, errors at their paths under `statement`. @internal */
export function readStatement(statement: DealerStatement): DealerStatement {
  if (typeof statement !== 'object' || statement === null || Array.isArray(statement)) invalid(['statement'], M.notAStatement, { code: 'invalid_type' });
  checkShape(statement, statementShape(), ['statement']);
  return statement;
}

/** An engine's explainer on a result inside the statement: its refusal named under `base` (its options stay `options`). */
function nested<T>(explain: () => T, base: IssuePath): T {
  try {
    return explain();
  } catch (error) {
    if (!isDealerkitError(error)) throw error;
    throw repathError(error, (p) => (p[0] === 'options' ? p : [...base, ...p.slice(1)]));
  }
}

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
    out.push(t.tracking === null ? [own] : [own, ...(live(t.target) ? nested(() => explainTracking(t.tracking!, o), ['statement', 'target', 'tracking']) : stepTexts(t.tracking))]);
  }
  if (s.scorecard !== null) {
    const k = s.scorecard;
    const rank = k.rank === null ? [] : [`Rank ${k.rank} of ${k.peers} in the peer group; ${figureText('percent', k.percentileRank, 2, seps)} of the other dealers score lower.`];
    const standing = k.standing === null ? [] : live(k.score) ? nested(() => explainStanding(k.standing!, o), ['statement', 'scorecard', 'standing']) : stepTexts(k.standing);
    out.push([...(live(k.score) ? nested(() => explainScore(k.result, o), ['statement', 'scorecard', 'result']) : stepTexts(k.result)), ...rank, ...standing]);
  }
  if (s.rebate !== null && !live(s.rebate.rebate)) {
    out.push([...stepTexts(s.rebate.calculation), ...stepTexts(s.rebate.settlement)]);
  } else if (s.rebate !== null) {
    // The settlement tells every period's tier and payment; the calculation adds its gates and the next tier.
    const paid = nested(() => explainSettlement(s.rebate!.settlement, o), ['statement', 'rebate', 'settlement']);
    const more = nested(() => explainRebate(s.rebate!.calculation, o), ['statement', 'rebate', 'calculation']).slice(1).filter((x) => !paid.includes(x));
    out.push([...paid, ...more]);
  }
  if (s.points !== null) {
    const ledger = s.points.ledger;
    const all = live(s.points.balance) ? nested(() => explainPoints(ledger, o), ['statement', 'points', 'ledger']) : stepTexts(ledger);
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
        ? [...nested(() => explainInventoryHealth(s.stock!.health, o), ['statement', 'stock', 'health']), ...s.stock.plans.flatMap((p, i) => (flagged.has(String(p.id)) ? [nested(() => explainReorderPlan(p, o)[0]!, ['statement', 'stock', 'plans', i])] : []))]
        : [...stepTexts(s.stock.health), ...s.stock.plans.filter((p) => flagged.has(String(p.id))).map((p) => `${String(p.id)}: ${String(p.steps.find((x) => x.code === 'status')?.text ?? p.status)}`)],
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
    // Read back from JSON, its decimals revived: the same sentences as the live statement.
    statement = readStatement(reviveResult(statement, ['statement']));
    return sectionSentences(statement, options).flat();
  } catch (error) {
    throw wrapThrown(error);
  }
}
