// buildDealerStatement and buildDealerStatements: one dealer's quarter (or month) chained through
// the engines the way a brand runs it: stock health first (it feeds the rebate's turnover metric),
// then the target and pace, the scorecard and standing, the rebate and its payment, the points.
import * as z from 'zod/mini';
import { ZERO, toDecimal, type Decimal, type DecimalInput } from '../core/decimal.js';
import type { IsoDate } from '../core/dates.js';
import { invalid, wrapThrown } from '../core/errors.js';
import { batchOptionsOf, type BatchOptions, type BatchResult } from '../core/batch.js';
import { separatorsOf } from '../core/format.js';
import { currencyScaleAt, roundRatio } from '../core/money.js';
import type { Step, Warning } from '../core/result.js';
import { DEFAULT_RATIO_SCALE, parseWith, scaleSchema } from '../core/schema.js';
import type { KpiDealerInput, KpiScorecard, StandingRuleSpec, StandingStatus } from '../kpi/index.js';
import type { PointsEvent, PointsRules, RebateProgram, RebateSettlementInput } from '../rebates/index.js';
import { runSharedBatch } from '../inventory/batch-shared.js';
import { resolveProgram } from '../rebates/program.js';
import type { TargetCascade } from '../targets/index.js';
import { statementFigures, type StatementFigure } from './figures.js';
import { STATEMENT_MESSAGES as M, STATEMENT_STEPS as S, STATEMENT_WARNINGS as W } from './messages.js';
import { resolvePeriod } from './period.js';
import { buildPointsSection, type StatementPoints } from './points.js';
import { buildRebateSection, programReads, type RebateSetup, type StatementRebate } from './rebate.js';
import { buildScorecardSection, rankPeers, type PeerRanks, type StatementScorecard } from './scorecard.js';
import { configShape, inputShape, type DealerStatementConfig, type DealerStatementInput, type DealerStatementOptions, type StatementStockInput } from './schema.js';
import { buildStockSection, indexCatalogue, type StatementStock, type StockSetup } from './stock.js';
import { buildTargetSection, isCascade, type StatementTarget } from './target.js';

/** One step of a statement: the period read, each section in one sentence, the turnover fed to the rebate. */
export interface StatementStep extends Step {
  /** `statement-period`, `statement-target`, `statement-scorecard`, `turnover-feed`, `statement-rebate`, `statement-points`, `statement-stock`. */
  code: 'statement-period' | 'statement-target' | 'statement-scorecard' | 'turnover-feed' | 'statement-rebate' | 'statement-points' | 'statement-stock';
}

/** A dealer's statement for one period: each section's figures and the engine results behind them. */
export interface DealerStatement {
  /** The dealer's id. */
  id: string;
  /** The dealer's name, or null. */
  name: string | null;
  /** The brand's name, or null. */
  brand: string | null;
  /** The statement's period id. */
  period: string;
  /** The period's first day. */
  start: IsoDate;
  /** The period's last day. */
  end: IsoDate;
  /** The date the figures are measured at. */
  asOf: IsoDate;
  /** The currency of the money figures, or null when no section has money. */
  currency: string | null;
  /** Target, actual, attainment and pace, or null without a target. */
  target: StatementTarget | null;
  /** Score, grade, rank and standing, or null without a scorecard. */
  scorecard: StatementScorecard | null;
  /** The rebate, its lines and the payment due, or null without a program. */
  rebate: StatementRebate | null;
  /** The points of the period, or null without points rules. */
  points: StatementPoints | null;
  /** Stock against reorder points and maxima, turnover and slow-moving share, or null without stock data. */
  stock: StatementStock | null;
  /** Every figure of the statement in page order, each with its engine's steps. */
  figures: StatementFigure[];
  /** What to look at: the engines' warnings (paths named as the statement's input names them) and missing sections. */
  warnings: Warning[];
  /** How the statement was put together, section by section. */
  steps: StatementStep[];
}

/** The network's totals over the dealers' statements. */
export interface DealerStatementTotals {
  /** Statements built. */
  dealers: number;
  /** Σ the period's targets (dealers with a target). */
  target: Decimal;
  /** Σ actual sales of the period to date (dealers with a known actual). */
  actualToDate: Decimal;
  /** Σ actual / Σ target over the dealers with both, a ratio at `ratioScale` places; null when none. */
  attainment: Decimal | null;
  /** Σ the rebates calculated (to date, or the year's at the true-up). */
  rebate: Decimal;
  /** Σ the payments due for the period. */
  payment: Decimal;
  /** Σ points earned in the period. */
  pointsEarned: Decimal;
  /** Σ points redeemed in the period. */
  pointsRedeemed: Decimal;
  /** Σ live points as of the date. */
  pointsBalance: Decimal;
  /** Σ points expiring at the period's end. */
  pointsExpiring: Decimal;
  /** Dealers per grade (grades as the scorecard orders them; `'ungraded'` for none). */
  grades: Record<string, number>;
  /** Dealers per standing status. */
  standing: Partial<Record<StandingStatus, number>>;
  /** SKU lines at or below their reorder point, over every dealer. */
  skusBelowReorderPoint: number;
  /** SKU lines above their maximum, over every dealer. */
  skusAboveMax: number;
  /** Σ the suggested orders' value. */
  orderValue: Decimal;
}

/** Options of {@link buildDealerStatements}: the statement's options and the batch options. */
export interface DealerStatementBatchOptions extends DealerStatementOptions, BatchOptions {}

/** What `buildDealerStatements` returns: every dealer's statement (or error) and the network's totals. */
export type DealerStatementBatchResult = BatchResult<DealerStatement, DealerStatementTotals>;

/** A configuration validated once. */
interface Setup {
  period: string;
  asOf: IsoDate | undefined;
  brand: string | null;
  currency: string | null;
  moneyScale: number;
  ratioScale: number;
  rebate: (Omit<RebateSetup, 'final'> & { final: boolean | undefined }) | null;
  kpi: { card: KpiScorecard; rule: StandingRuleSpec | undefined; peers: KpiDealerInput[] | undefined } | null;
  points: PointsRules | null;
  stock: StockSetup | null;
}

type ParsedConfig = z.output<typeof configShape>;

function setupOf(config: unknown, options: DealerStatementOptions | undefined): Setup {
  const c = parseWith(configShape, config, ['config']) as ParsedConfig;
  const o = options === undefined ? {} : (parseWith(z.strictObject({ ratioScale: z.optional(scaleSchema), onError: z.optional(z.unknown()), onProgress: z.optional(z.unknown()) }), options, ['options']) as { ratioScale?: number });
  let program: RebateProgram | null = null;
  if (c.rebate !== undefined) program = resolveProgram(c.rebate.program, ['config', 'rebate', 'program']).program;
  const currency = c.currency !== undefined ? c.currency.toUpperCase() : program !== null ? program.currency : null;
  const moneyScale = currency === null ? 2 : currencyScaleAt(currency, ['config', 'currency']);
  const ratioScale = o.ratioScale ?? c.ratioScale ?? DEFAULT_RATIO_SCALE;
  return {
    period: c.period,
    asOf: c.asOf,
    brand: c.brand ?? null,
    currency,
    moneyScale,
    ratioScale,
    rebate: c.rebate === undefined ? null : { program: program!, turnoverMetric: c.rebate.turnoverMetric ?? 'inventoryTurnoverDays', final: c.rebate.final },
    kpi:
      c.kpi === undefined
        ? null
        : { card: c.kpi.scorecard as KpiScorecard, rule: c.kpi.standing as StandingRuleSpec | undefined, peers: c.kpi.peers as KpiDealerInput[] | undefined },
    points: c.points === undefined ? null : (c.points as PointsRules),
    stock: c.stock === undefined ? null : indexCatalogue(c.stock as unknown as DealerStatementConfig['stock'] & object, moneyScale, ratioScale),
  };
}

type ParsedInput = z.output<typeof inputShape>;

/** The rebate periods' net sales (sales − returns) up to the statement's period, as default actuals. */
function netSalesOf(rebate: unknown, period: string): Record<string, DecimalInput> {
  const out: Record<string, DecimalInput> = {};
  const periods = (rebate as { periods?: unknown } | undefined)?.periods;
  if (!Array.isArray(periods)) return out;
  const last = periods.findIndex((p: { period?: unknown } | null) => typeof p === 'object' && p !== null && p.period === period);
  periods.forEach((p: { period?: unknown; sales?: unknown; returns?: unknown } | null, k) => {
    if (last >= 0 && k > last) return;
    if (typeof p !== 'object' || p === null || typeof p.period !== 'string' || p.sales === undefined) return;
    const sales = toDecimal(p.sales, ['rebate', 'periods', k, 'sales']);
    const returns = p.returns === undefined ? ZERO : toDecimal(p.returns, ['rebate', 'periods', k, 'returns']);
    out[p.period] = sales.minus(returns);
  });
  return out;
}

function notConfigured(path: string, section: string): never {
  return invalid([path], M.sectionNotConfigured(section), { code: 'inconsistent' });
}

/** One dealer's statement from a validated configuration, the dealer's validated row and the peer group's ranks. */
function buildOne(setup: Setup, d: ParsedInput, peers: PeerRanks | null): DealerStatement {
  const warnings: Warning[] = [];
  const steps: StatementStep[] = [];
  if (d.kpi !== undefined && setup.kpi === null) notConfigured('kpi', 'kpi');
  if (d.standing !== undefined && (setup.kpi === null || setup.kpi.rule === undefined)) notConfigured('standing', 'kpi.standing');
  if (d.rebate !== undefined && setup.rebate === null) notConfigured('rebate', 'rebate');
  if (d.points !== undefined && setup.points === null) notConfigured('points', 'points');
  if (d.stock !== undefined && setup.stock === null) notConfigured('stock', 'stock');

  let cascade: TargetCascade | null = null;
  let given: Decimal | null = null;
  if (d.target !== undefined) {
    if (isCascade(d.target)) cascade = d.target;
    else {
      given = toDecimal(d.target, ['target']);
      if (!given.isPositive() || given.isZero()) invalid(['target'], M.targetPositive(given.toFixed()), { code: 'out_of_range', limit: '0' });
    }
  }
  const period = resolvePeriod(setup.period, cascade, setup.asOf, { cascade: ['target'], asOf: ['config', 'asOf'], period: ['config', 'period'] });
  steps.push({ code: 'statement-period', text: S.period(period.period, period.start, period.end, period.asOf) });

  // Stock first: its turnover days feed the rebate's turnover metric.
  let stock: StatementStock | null = null;
  if (setup.stock !== null) {
    if (d.stock === undefined) warnings.push({ ...W.missingSection('stock', 'stock data'), path: ['stock'] });
    else {
      const input = d.stock as unknown as StatementStockInput;
      stock = buildStockSection(setup.stock, input, d.stock.asOf ?? period.asOf, warnings);
      steps.push({ code: 'statement-stock', text: S.stock(stock.belowReorderPoint.length, stock.aboveMax.length, stock.plans.length, stock.turnoverDays, stock.slowMovingShare) });
    }
  }

  let target: StatementTarget | null = null;
  if (cascade !== null || given !== null) {
    const own = d.actuals !== undefined || d.rebate === undefined;
    const actuals = own ? (d.actuals ?? {}) : netSalesOf(d.rebate, period.period);
    target = buildTargetSection({ target: cascade ?? given!, actuals: actuals as Record<string, DecimalInput>, actualsPath: own ? ['actuals'] : ['rebate', 'periods'] }, period, setup.ratioScale, warnings);
    steps.push({ code: 'statement-target', text: S.target(period.period, target) });
  }

  let scorecard: StatementScorecard | null = null;
  if (setup.kpi !== null) {
    if (d.kpi === undefined) warnings.push({ ...W.missingSection('scorecard', 'KPI actuals'), path: ['kpi'] });
    else {
      const k = setup.kpi;
      scorecard = buildScorecardSection({ card: k.card, rule: k.rule, peers, ratioScale: setup.ratioScale }, d.id, d.kpi as KpiDealerInput, d.standing as never, period.period, warnings);
      steps.push({ code: 'statement-scorecard', text: S.scorecard(scorecard) });
    }
  }

  let rebate: StatementRebate | null = null;
  if (setup.rebate !== null) {
    if (d.rebate === undefined) warnings.push({ ...W.missingSection('rebate', 'rebate periods'), path: ['rebate'] });
    else {
      const r = setup.rebate;
      const final = r.final ?? (period.end === period.yearEnd && period.asOf === period.end);
      if (stock !== null && stock.turnoverDays === null && programReads(r.program, r.turnoverMetric)) {
        warnings.push({ ...W.turnoverUnknown(r.turnoverMetric), path: ['stock', 'cogs'] });
      }
      rebate = buildRebateSection({ program: r.program, turnoverMetric: r.turnoverMetric, final }, d.id, d.rebate as RebateSettlementInput, period.period, stock === null ? null : stock.turnoverDays, warnings, steps);
      steps.push({ code: 'statement-rebate', text: S.rebate(period.period, rebate) });
    }
  }

  let points: StatementPoints | null = null;
  if (setup.points !== null) {
    if (d.points === undefined) warnings.push({ ...W.missingSection('points', 'points events'), path: ['points'] });
    else {
      points = buildPointsSection(setup.points, d.points as PointsEvent[], period, warnings);
      steps.push({ code: 'statement-points', text: S.points(points) });
    }
  }

  const figures = statementFigures({ period: period.period, target, scorecard, rebate, points, stock, moneyScale: setup.moneyScale }, separatorsOf(undefined, []));
  return {
    id: d.id,
    name: d.name ?? null,
    brand: setup.brand,
    period: period.period,
    start: period.start,
    end: period.end,
    asOf: period.asOf,
    currency: setup.currency,
    target,
    scorecard,
    rebate,
    points,
    stock,
    figures,
    warnings,
    steps: order(steps),
  };
}

const STEP_ORDER: StatementStep['code'][] = ['statement-period', 'statement-target', 'statement-scorecard', 'turnover-feed', 'statement-rebate', 'statement-points', 'statement-stock'];

/** The steps in the page's order (the stock is computed first, but read last). */
function order(steps: StatementStep[]): StatementStep[] {
  return [...steps].sort((a, b) => STEP_ORDER.indexOf(a.code) - STEP_ORDER.indexOf(b.code));
}

/** The peer group: the configuration's (rows null; a bad row is refused) or the network's valid rows (each scored alone; bad rows left out). */
function peersOf(kpi: NonNullable<Setup['kpi']>, ratioScale: number, rows: readonly KpiDealerInput[] | null): PeerRanks | null {
  if (rows === null) return rankPeers(kpi.card, kpi.peers!, ratioScale, 'throw');
  // Stryker disable next-line ConditionalExpression: with no row, no dealer has a KPI input to rank (an empty peer group ranks nobody either)
  return rows.length === 0 ? null : rankPeers(kpi.card, rows, ratioScale, 'collect');
}

/**
 * Builds one dealer's statement for one period, chaining the engines the way a brand runs its
 * quarter: the target and pace (`trackTarget` on the dealer's cascade), the KPI score under the
 * dealer's stage with its rank and standing (`scoreDealer`, `scoreDealers`, `reviewStanding`), the
 * rebate settled to the period with the payment due under the program's settlement policy
 * (`settleRebate`; the stock's turnover days feed the program's turnover metric), the points of the
 * period (`accruePoints`) and the stock against reorder points and maxima (`planReorders`,
 * `analyzeInventoryHealth`). Every figure is listed in `figures` with its engine's steps.
 *
 * @param config - The period, the date and each section's configuration (program, scorecard, rules, policy, catalogue).
 * @param dealer - The dealer's facts: its cascade or target, actuals, KPI input, history, rebate periods, points events, stock.
 * @param options - `ratioScale` for the ratios the statement derives itself.
 * @example
 * ```ts
 * const s = buildDealerStatement({ period: '2025-Q4' }, { id: 'D-117', target: 1500000, actuals: { '2025-Q4': 1440000 } });
 * [s.target.attainment.toString(), s.target.gap.toString()];
 * //=> ['0.96', '60000']
 * ```
 */
export function buildDealerStatement(config: DealerStatementConfig, dealer: DealerStatementInput, options?: DealerStatementOptions): DealerStatement {
  try {
    const setup = setupOf(config, options);
    const peers = setup.kpi !== null && setup.kpi.peers !== undefined ? peersOf(setup.kpi, setup.ratioScale, null) : null;
    return buildOne(setup, parseWith(inputShape, dealer, []) as ParsedInput, peers);
  } catch (error) {
    throw wrapThrown(error);
  }
}

function emptyTotals(): DealerStatementTotals {
  return {
    dealers: 0,
    target: ZERO,
    actualToDate: ZERO,
    attainment: null,
    rebate: ZERO,
    payment: ZERO,
    pointsEarned: ZERO,
    pointsRedeemed: ZERO,
    pointsBalance: ZERO,
    pointsExpiring: ZERO,
    grades: {},
    standing: {},
    skusBelowReorderPoint: 0,
    skusAboveMax: 0,
    orderValue: ZERO,
  };
}

function totalsOf(setup: Setup, statements: readonly DealerStatement[]): DealerStatementTotals {
  const t = emptyTotals();
  if (setup.kpi !== null) {
    for (const g of setup.kpi.card.grades) t.grades[g.grade] = 0;
    t.grades.ungraded = 0;
  }
  let matchedTarget = ZERO;
  let matchedActual = ZERO;
  for (const s of statements) {
    t.dealers++;
    if (s.target !== null) {
      t.target = t.target.plus(s.target.target);
      if (s.target.actualToDate !== null) {
        t.actualToDate = t.actualToDate.plus(s.target.actualToDate);
        matchedTarget = matchedTarget.plus(s.target.target);
        matchedActual = matchedActual.plus(s.target.actualToDate);
      }
    }
    if (s.rebate !== null) {
      t.rebate = t.rebate.plus(s.rebate.rebate);
      t.payment = t.payment.plus(s.rebate.payment);
    }
    if (s.points !== null) {
      t.pointsEarned = t.pointsEarned.plus(s.points.earned);
      t.pointsRedeemed = t.pointsRedeemed.plus(s.points.redeemed);
      t.pointsBalance = t.pointsBalance.plus(s.points.balance);
      t.pointsExpiring = t.pointsExpiring.plus(s.points.expiring);
    }
    if (s.scorecard !== null) {
      const g = s.scorecard.grade ?? 'ungraded';
      t.grades[g] = (t.grades[g] ?? 0) + 1;
      if (s.scorecard.status !== null) t.standing[s.scorecard.status] = (t.standing[s.scorecard.status] ?? 0) + 1;
    }
    if (s.stock !== null) {
      t.skusBelowReorderPoint += s.stock.belowReorderPoint.length;
      t.skusAboveMax += s.stock.aboveMax.length;
      t.orderValue = t.orderValue.plus(s.stock.orderValue);
    }
  }
  // No dealer with both a target and an actual leaves the matched target at 0, as does a network of zero targets.
  t.attainment = matchedTarget.isZero() ? null : roundRatio(matchedActual.div(matchedTarget), setup.ratioScale);
  return t;
}

/**
 * Builds every dealer's statement for one period, with the network's totals. The configuration is
 * validated once; without `config.kpi.peers` every dealer is ranked among the network's dealers
 * (those whose KPI row is valid). Each statement is exactly the one {@link buildDealerStatement}
 * builds for the dealer alone with that peer group.
 *
 * @param config - As for {@link buildDealerStatement}.
 * @param dealers - One row per dealer, each with its unique `id`.
 * @param options - `onError` (`'throw'` or `'collect'`), `onProgress`, `ratioScale`.
 * @example
 * ```ts
 * const run = buildDealerStatements({ period: '2025-Q4' }, [
 *   { id: 'D01', target: 1000000, actuals: { '2025-Q4': 900000 } },
 *   { id: 'D02', target: 1500000, actuals: { '2025-Q4': 1600000 } },
 * ]);
 * [run.totals.target.toString(), run.totals.actualToDate.toString(), run.totals.attainment.toString()];
 * //=> ['2500000', '2500000', '1']
 * ```
 */
export function buildDealerStatements(
  config: DealerStatementConfig,
  dealers: readonly DealerStatementInput[],
  options?: DealerStatementBatchOptions,
): DealerStatementBatchResult {
  try {
    const batch = batchOptionsOf(options);
    const setup = setupOf(config, options);
    let peers: PeerRanks | null = null;
    if (setup.kpi !== null) {
      if (setup.kpi.peers !== undefined) peers = peersOf(setup.kpi, setup.ratioScale, null);
      else if (Array.isArray(dealers)) {
        const rows: KpiDealerInput[] = [];
        for (const d of dealers) {
          const kpi = (d as { kpi?: unknown } | undefined)?.kpi;
          const id = (d as { id?: unknown } | undefined)?.id;
          const named = typeof id === 'string' && id !== '';
          // Stryker disable next-line ConditionalExpression,LogicalOperator: a KPI input that is no object fails scoreDealers under 'collect' and is left out all the same; the check saves scoring it
          const object = typeof kpi === 'object' && kpi !== null && !Array.isArray(kpi);
          if (named && object) rows.push({ ...(kpi as KpiDealerInput), id: id as string });
        }
        peers = peersOf(setup.kpi, setup.ratioScale, rows);
      }
    }
    // A problem under `config` met by a dealer (a period no cascade gives, an asOf outside the
    // period, a dealer missing from the configured peers) is the configuration's: once, at config.
    const run = runSharedBatch<unknown, DealerStatement>(
      dealers,
      'dealers',
      (row, _index, shared) => {
        const d = parseWith(inputShape, row, []) as ParsedInput; // a dealer's own fields: none is named config
        try {
          return buildOne(setup, d, peers);
        } catch (thrown) {
          const own = shared.split(wrapThrown(thrown), (issue) => issue.path[0] === 'config');
          if (own !== null) throw own;
          return null;
        }
      },
      batch,
    );
    const good = run.rows.filter((r) => r.ok).map((r) => r.result as DealerStatement);
    const totals = totalsOf(setup, good);
    const warnings: Warning[] = run.failed === 0 ? [] : [W.rowsRefused(run.failed, good.length)];
    return { rows: run.rows, totals, failed: run.failed, warnings, steps: [{ code: 'network-totals', text: S.totals(totals, setup.moneyScale) }] };
  } catch (error) {
    throw wrapThrown(error);
  }
}
