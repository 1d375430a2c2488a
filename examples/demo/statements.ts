// Demo section (statements): every sample dealer's 2025-Q4 statement, built by chaining the
// engines (target and pace, scorecard and standing, the rebate's true-up, points, stock): the
// featured dealer's as Markdown here, all twelve as self-contained HTML pages under reports/statements/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  calculateDateAfter,
  calculateDaysBetween,
  cascadeTarget,
  defineGregorianCalendar,
  defineScorecard,
  scoreDealer,
  type PointsEvent,
  type PointsRules,
  type ReorderPolicy,
  type StandingEntry,
} from 'dealerkit';
import { chartKpi, chartPace, chartRebateCurve, chartStockPosition, type VegaLiteSpec } from 'dealerkit/charts';
import {
  buildDealerStatements,
  formatDealerStatement,
  type DealerStatement,
  type DealerStatementConfig,
  type DealerStatementInput,
  type StatementSku,
  type StatementStockInput,
} from 'dealerkit/statements';
import { inventory, network, type Dealer } from '../data/index.js';
import { grouped, table, title } from '../lib/table.js';
import { kpiDemoInput, kpiDemoRule, kpiDemoSpec } from './kpi.js';
import { demoRebateProgram } from './rebates.js';

/** The statement's period: the sample year's last quarter, which closes the rebate year. */
export const STATEMENT_PERIOD = '2025-Q4';
/** The dealer whose statement the demo prints, the browser test renders and the README shows. */
export const FEATURED_DEALER = 'D02';
/** Where the demo writes the network's HTML statements (git ignores reports/). */
export const STATEMENTS_FOLDER = 'reports/statements';

const QUARTERS = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'];
const scorecard = defineScorecard(kpiDemoSpec);
const calendar = defineGregorianCalendar({ year: network.year });

/** Points for the seeds' tasks, cleared at the end of the quarter earned (DOMAIN.md §1). */
export const statementPointsRules: PointsRules = {
  earn: [
    { id: 'newOutlet', pointsPerUnit: 40, maxPerQuarter: 800 },
    { id: 'training', pointsPerUnit: 100 },
    { id: 'satisfaction', pointsPerUnit: 25 },
  ],
  expiry: { quarters: 1 },
};

/** The brand's reorder policy (as the inventory section plans the sample SKUs). */
export const statementReorderPolicy: ReorderPolicy = {
  service: { cycle: 0.95 },
  distribution: 'auto',
  orderQuantity: { eoq: { orderCost: 300, holdingRatePerYear: 0.25 } },
  packRounding: 'up',
  trigger: 'lte',
  maxDaysOfCover: 60,
};

/** The catalogue: the sample SKUs' costs, lead times and ordering constraints. */
export const statementCatalogue: StatementSku[] = inventory.skus.map((s) => ({
  id: s.id,
  name: s.name,
  unitCost: s.unitCost,
  leadTime: { days: s.leadTimeDays, sdDays: s.leadTimeSdDays },
  moq: s.moq,
  packSize: s.packSize,
  ...(s.maxOrderQty === null ? {} : { maxOrderQty: s.maxOrderQty }),
}));

/** The statement run's configuration: the period and each engine's configuration. */
export const statementConfig: DealerStatementConfig = {
  period: STATEMENT_PERIOD,
  brand: network.brand,
  currency: network.currency,
  rebate: { program: demoRebateProgram },
  kpi: { scorecard, standing: kpiDemoRule },
  points: statementPointsRules,
  stock: {
    policy: statementReorderPolicy,
    skus: statementCatalogue,
    slowMovingDays: 90,
    ageBuckets: [30, 90, 180],
    carryingRatePerYear: '0.25',
    daysPerYear: 365,
  },
};

/** A quarter's points events, read from its KPI figures (new outlets from the channel expansion, training, satisfaction above 90). */
function pointsOf(d: Dealer): PointsEvent[] {
  const events: PointsEvent[] = [];
  d.kpi.forEach((q, i) => {
    const month = String(i * 3 + 2).padStart(2, '0');
    events.push({ date: `${network.year}-${month}-15`, type: 'earn', rule: 'newOutlet', quantity: Math.round(q.channelExpansion / 2) });
    events.push({ date: `${network.year}-${month}-20`, type: 'earn', rule: 'training', quantity: 1 + (i % 2) });
    if (q.satisfaction > 90) events.push({ date: `${network.year}-${month}-25`, type: 'earn', rule: 'satisfaction', quantity: Math.floor(q.satisfaction - 90) });
  });
  // A training seat redeemed in December.
  events.push({ date: `${network.year}-12-10`, type: 'redeem', points: 300, note: 'training seat' });
  return events;
}

/**
 * The featured dealer's stock: the sample SKU list (counted on 2026-11-01) read as counted at the
 * statement's year end, every receipt date moved back by the same days, so each SKU keeps its age.
 */
export function statementStockOf(countedOn: string): StatementStockInput {
  const shift = calculateDaysBetween(countedOn, inventory.asOf);
  return {
    asOf: countedOn,
    cogs: inventory.skus.reduce((a, s) => a + s.monthlyDemand.reduce((b, m) => b + m, 0) * s.unitCost, 0),
    averageInventoryValue: inventory.skus.reduce((a, s) => a + s.onHand * s.unitCost, 0),
    periodDays: 365,
    items: inventory.skus.map((s) => ({
      id: s.id,
      stock: { onHand: s.onHand, onOrder: s.onOrder, committed: s.committed },
      // 12 calendar months of demand; an average month is 365/12 days (said here, not hidden in the library).
      demand: { history: s.monthlyDemand, periodDays: 365 / 12 },
      receivedOn: calculateDateAfter(s.lastReceipt, shift),
    })),
  };
}

/** One sample dealer's statement facts. */
export function statementInputOf(d: Dealer): DealerStatementInput {
  const withStock = d.id === FEATURED_DEALER;
  const history: StandingEntry[] = QUARTERS.slice(0, 3).map((period, i) => ({ period, score: scoreDealer(scorecard, kpiDemoInput(d, d.kpi[i]!)).score }));
  const { inventoryTurnoverDays, ...otherMetrics } = d.metrics;
  return {
    id: d.id,
    name: d.name,
    // The year spread evenly over quarters and months, as the rebate program measures attainment.
    target: cascadeTarget({ calendar, levels: ['quarter', 'month'], spread: 'even' }, d.target2025),
    kpi: kpiDemoInput(d, d.kpi[3]!),
    standing: history,
    rebate: {
      periods: d.quarters.map((q, i) => ({
        period: q.id,
        sales: q.sales,
        returns: q.returns,
        target: d.target2025 / 4,
        // The last quarter's turnover comes from the stock data when the dealer has them.
        ...(withStock && i === 3 ? {} : { metrics: { inventoryTurnoverDays: d.kpi[i]!.inventoryTurnoverDays } }),
      })),
      target: d.target2025,
      metrics: withStock ? otherMetrics : { ...otherMetrics, inventoryTurnoverDays },
    },
    points: pointsOf(d),
    ...(withStock ? { stock: statementStockOf('2025-12-31') } : {}),
  };
}

/** Every sample dealer's statement facts. */
export function statementInputs(): DealerStatementInput[] {
  return network.dealers.map(statementInputOf);
}

/**
 * The Vega-Lite specifications of a statement's pictures: pace, KPI, the rebate curve with the
 * dealer's position (its facts read back from the calculation), the stock position. Rendering them
 * to SVG (with Vega) is the caller's: `npm run charts` and the browser test do it.
 */
export function statementChartSpecs(s: DealerStatement): Partial<Record<'pace' | 'kpi' | 'rebate' | 'stock', VegaLiteSpec>> {
  const out: Partial<Record<'pace' | 'kpi' | 'rebate' | 'stock', VegaLiteSpec>> = {};
  if (s.target?.tracking) out.pace = chartPace(s.target.tracking);
  if (s.scorecard !== null) out.kpi = chartKpi(s.scorecard.result);
  if (s.rebate !== null && s.rebate.netAmount !== null) {
    const c = s.rebate.calculation;
    const basis = c.steps.find((x) => x.code === 'basis') as { target: { toString(): string } | null } | undefined;
    const metrics = Object.fromEntries([...c.gates.map((g) => [g.metric, g.value]), ...c.multipliers.map((m) => [m.metric, m.value])]);
    out.rebate = chartRebateCurve(demoRebateProgram, { id: s.id, sales: s.rebate.netAmount, metrics, ...(basis?.target ? { target: basis.target.toString() } : {}) });
  }
  if (s.stock !== null) out.stock = chartStockPosition(s.stock.plans);
  return out;
}

export function statementsSection(): string[] {
  const run = buildDealerStatements(statementConfig, statementInputs());
  const out: string[] = [title(`${network.brand}: the dealers' ${STATEMENT_PERIOD} statements (every engine, one page each)`)];
  out.push(
    table(
      ['dealer', 'target', 'actual', 'attain.', 'score', 'grade', 'rank', 'standing', 'tier', 'payment due', 'points', 'expiring'],
      run.rows.map((r) => {
        const s = r.result!;
        return [
          `${s.id} ${s.name ?? ''}`,
          grouped(s.target?.target.toFixed(0)),
          grouped(s.target?.actualToDate?.toFixed(0)),
          s.target?.attainment === null || s.target === null ? '' : `${s.target.attainment.times(100).toFixed(1)}%`,
          s.scorecard?.score.toFixed(2),
          s.scorecard?.grade ?? '-',
          s.scorecard?.rank,
          s.scorecard?.status,
          s.rebate?.tier.name,
          grouped(s.rebate?.payment.toFixed(2)),
          s.points?.balance.toFixed(0),
          s.points?.expiring.toFixed(0),
        ];
      }),
    ),
    run.steps[0]!.text,
  );
  const featured = run.rows.find((r) => r.id === FEATURED_DEALER)!.result!;
  out.push('', `${featured.id} ${featured.name ?? ''}'s statement (formatDealerStatement, Markdown):`, '', formatDealerStatement(featured, { format: 'markdown' }));
  const folder = resolve(STATEMENTS_FOLDER);
  mkdirSync(folder, { recursive: true });
  for (const r of run.rows) writeFileSync(join(folder, `${r.id}-${STATEMENT_PERIOD}.html`), formatDealerStatement(r.result!, { format: 'html' }));
  out.push('', `Wrote ${run.rows.length} HTML statements (one self-contained page each, printable on A4) to ${folder}/`);
  return out;
}
