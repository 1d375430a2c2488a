/**
 * Every message text of the statements module in one place: error messages, warnings, the
 * statement's own step texts and the words of the formatted page.
 *
 * @internal
 * @module
 */
import type { Decimal } from '../core/decimal.js';
import { fmtAmount, fmtPercent } from '../core/format.js';
import type { DealerStatementTotals } from './build.js';
import type { StatementPoints } from './points.js';
import type { StatementRebate } from './rebate.js';
import type { StatementScorecard } from './scorecard.js';
import type { StatementTarget } from './target.js';

/** Error messages of the statements module. @internal */
export const STATEMENT_MESSAGES = {
  notAnObject: 'must be an object',
  periodRequired: "is required: the statement's period id ('2025-Q4', '2025-11')",
  periodNotInCascade: (period: string, first: string, last: string) =>
    `has no period ${period} (the statement's period): its periods run from ${first} to ${last}`,
  periodDates: (period: string) =>
    `'${period}' is not a Gregorian quarter (YYYY-Qn) or month (YYYY-MM), and no cascade gives its dates: give the dealer's target as a cascade`,
  asOfOutside: (asOf: string, start: string, end: string) =>
    `must lie within the statement's period, ${start} to ${end}, received ${asOf}`,
  sectionNotConfigured: (section: string) => `is given, but the configuration has no ${section} section: add config.${section}`,
  idMismatch: (given: string, id: string) => `is ${given}, but the dealer's id is ${id}: leave it out or make them equal`,
  rebatePeriodMissing: (period: string, ids: string) =>
    `has no period ${period} (the statement's period); its periods are ${ids}`,
  turnoverTwice: (metric: string, days: string) =>
    `gives ${metric}, which the statement computes from the stock data (${days} days): give one or the other`,
  peerMissing: (id: string) => `holds no row with the id ${id}: the dealer's rank needs its row in the peer group`,
  peerDiffers: (id: string, own: string, peer: string) =>
    `scores the dealer ${id} ${peer}, but the dealer's own KPI input scores ${own}: the peer group must hold the same row`,
  unknownSku: (id: string) => `is not a SKU of the configuration's catalogue (config.stock.skus), received ${JSON.stringify(id)}`,
  duplicateSku: (first: number) => `repeats the SKU id of item ${first}`,
  standingPeriod: (period: string) =>
    `holds the statement's own period ${period}: the history is the periods before it (the statement adds the period's score)`,
  targetPositive: (received: string) => `must be greater than 0, received ${received}`,
  notAStatement: 'must be a result of buildDealerStatement',
  rebatePeriods: "must be the rebate input with the program's periods up to the statement's",
  noStockItems: 'must hold at least 1 SKU line',
  currency: 'must be an ISO 4217 code such as CNY',
  chartNotSvg: 'must be an SVG document (<svg …>…</svg>) without scripts, event handlers or embedded HTML',
  formatRequired: "is required: 'markdown', 'html' or 'text'",
} as const;

/** Warning codes and texts of the statements module. @internal */
export const STATEMENT_WARNINGS = {
  missingSection: (section: string, what: string) => ({
    code: 'missing-section',
    message: `no ${what} for this dealer: the ${section} section is left out`,
  }),
  turnoverUnknown: (metric: string) => ({
    code: 'turnover-unknown',
    message: `the stock's turnover days are unknown (no cost of goods sold): ${metric} is not fed from the stock, the rebate reads it from the rebate input`,
  }),
  rowsRefused: (failed: number, good: number) => ({
    code: 'rows-refused',
    message: `${failed} dealer${failed === 1 ? ' was' : 's were'} refused; the totals are over the ${good} other${good === 1 ? '' : 's'}`,
  }),
  missingActual: (period: string) => ({
    code: 'missing-actual',
    message: `no actual sales for ${period}: attainment and gap are not known`,
  }),
} as const;

/** Words of the statement's step texts and of the formatted page. @internal */
export const STATEMENT_WORDS = {
  title: 'Dealer statement',
  sections: {
    target: 'Target and pace',
    scorecard: 'Scorecard',
    rebate: 'Rebate',
    points: 'Points',
    stock: 'Stock',
  },
  how: 'How each figure was reached',
  warnings: 'To look at',
  none: '—',
  asOf: 'as of',
  period: 'period',
  currency: 'currency',
} as const;

/** The labels of a statement's figures, as the page prints them. @internal */
export const STATEMENT_LABELS = {
  actualToDate: 'Actual to date',
  advanceEarnedAfterHoldback: 'Advance earned (after holdback)',
  attainment: 'Attainment',
  balance: 'Balance',
  benefit: (name: string) => `Benefit: ${name}`,
  earned: 'Earned',
  expectedToDate: 'Expected to date',
  expired: 'Expired',
  expiring: (day: string) => `Expiring after ${day}`,
  fedMetric: (metric: string) => `${metric} (from the stock)`,
  forecastIfTheRestGoesToPlan: 'Forecast if the rest goes to plan',
  gain: 'Gain',
  gapBehind: 'Gap (behind +)',
  grade: 'Grade',
  growthRate: 'Growth rate',
  kpiContribution: (kpi: string) => `${kpi}: contribution`,
  kpiPoints: (kpi: string) => `${kpi}: points`,
  multiplier: 'Multiplier',
  netSales: 'Net sales',
  netSalesItNeeds: 'Net sales it needs',
  nextTier: 'Next tier',
  openingBalance: 'Opening balance',
  orders: (n: number) => `Suggested orders (${n})`,
  paidBefore: 'Paid before',
  paymentDue: 'Payment due',
  peersScoringLower: 'Peers scoring lower',
  periodTarget: (period: string) => `Target ${period}`,
  rankInThePeerGroup: 'Rank in the peer group',
  rebateThere: 'Rebate there',
  rebateToDate: 'Rebate to date',
  rebateYear: 'Rebate for the year',
  redeemed: 'Redeemed',
  runRateForecastYear: 'Run-rate forecast (year)',
  score: 'Score',
  skusAboveTheirMaximum: 'SKUs above their maximum',
  skusAtOrBelowTheirReorderPoint: 'SKUs at or below their reorder point',
  slowMovingShareOfValue: 'Slow-moving share of value',
  slowMovingSkus: 'Slow-moving SKUs',
  stage: 'Stage',
  standing: 'Standing',
  stockValueAtCost: 'Stock value at cost',
  tierReached: 'Tier reached',
  trueUp: 'Payment due (true-up)',
  turnoverDays: 'Turnover days',
  yearActualToDate: 'Year actual to date',
  yearAttainmentToDate: 'Year attainment to date',
  yearTarget: (year: string) => `Year ${year} target`,
} as const;

/** A figure in a step text: grouped English digits at `places`, or the dash when unknown. */
function n(value: Decimal | null, places: number): string {
  return value === null ? '—' : fmtAmount(value, places);
}

function pct(value: Decimal | null): string {
  return value === null ? '—' : fmtPercent(value);
}

/** The statement's own step texts. @internal */
export const STATEMENT_STEPS = {
  period: (period: string, start: string, end: string, asOf: string) => `${period} runs from ${start} to ${end}; the figures are as of ${asOf}`,
  target: (period: string, t: StatementTarget) =>
    t.source === 'cascade'
      ? `${period}: target ${n(t.target, t.scale)} from the dealer's cascade; expected to date ${n(t.expectedToDate, t.scale)}, actual ${n(t.actualToDate, t.scale)} (${pct(t.attainment)}), gap ${n(t.gap, t.scale)}; the year's run-rate forecast ${n(t.year!.runRateForecast, t.scale)} of ${n(t.year!.total, t.scale)} (trackTarget)`
      : `${period}: target ${n(t.target, t.scale)} as given; actual ${n(t.actualToDate, t.scale)} (${pct(t.attainment)}), gap ${n(t.gap, t.scale)}; no pace without a cascade`,
  scorecard: (k: StatementScorecard) =>
    `Score ${fmtAmount(k.score, 2)} under ${k.stage} weights: ${k.grade ?? 'no grade'}${k.rank === null ? '' : `, rank ${k.rank} of ${k.peers}`}${k.status === null ? '' : `; standing ${k.status}`} (scoreDealer${k.rank === null ? '' : ', scoreDealers'}${k.status === null ? '' : ', reviewStanding'})`,
  turnoverFeed: (metric: string, days: Decimal, period: string, factor: Decimal | null, gate: boolean | null) =>
    `${metric} ${fmtAmount(days, 1)} from the stock's health figures (analyzeInventoryHealth) fed to the rebate for ${period}${factor === null ? '' : `: multiplier × ${factor.toFixed()}`}${gate === null ? '' : gate ? ': gate met' : ': gate failed'}`,
  rebate: (period: string, r: StatementRebate) =>
    `${period}: ${r.tier.name ?? `tier ${r.tier.index + 1}`} reached, rebate ${r.kind === 'final' ? 'for the year' : 'to date'} ${fmtAmount(r.rebate, r.scale)}; ${r.kind === 'final' ? 'the true-up' : 'the advance'} pays ${fmtAmount(r.payment, r.scale)} after ${fmtAmount(r.paidBefore, r.scale)} paid before (settleRebate)`,
  points: (p: StatementPoints) =>
    `Points: ${fmtAmount(p.opening, p.scale)} at the start + ${fmtAmount(p.earned, p.scale)} earned − ${fmtAmount(p.redeemed, p.scale)} redeemed − ${fmtAmount(p.expired, p.scale)} expired = ${fmtAmount(p.balance, p.scale)}; ${fmtAmount(p.expiring, p.scale)} expire after ${p.expiringAfter} (accruePoints)`,
  stock: (below: number, above: number, skus: number, turnoverDays: Decimal | null, slowShare: Decimal) =>
    `Stock: ${below} of ${skus} SKUs at or below their reorder point, ${above} above their maximum; turnover ${n(turnoverDays, 1)} days, slow-moving ${fmtPercent(slowShare)} of the value (planReorders, analyzeInventoryHealth)`,
  totals: (t: DealerStatementTotals, scale: number) =>
    `${t.dealers} statements: target ${fmtAmount(t.target, 0)}, actual ${fmtAmount(t.actualToDate, 0)} (${pct(t.attainment)}); rebates ${fmtAmount(t.rebate, scale)}, payments due ${fmtAmount(t.payment, scale)}; ${t.skusBelowReorderPoint} SKU lines at or below their reorder point, ${t.skusAboveMax} above their maximum`,
} as const;
