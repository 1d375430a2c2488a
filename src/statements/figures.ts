// Every figure of a statement as one flat list: its label, its value, how it is shown, the engine
// it comes from and that engine's steps behind it. The formatted page prints these texts, and a
// test checks each one is on the rendered page.
import { toDecimal, type Decimal } from '../core/decimal.js';
import { fmtAmount, fmtPercent, groupDigits, type separatorsOf } from '../core/format.js';
import type { Step } from '../core/result.js';
import { STATEMENT_LABELS as L, STATEMENT_WORDS as W } from './messages.js';
import type { StatementPoints } from './points.js';
import type { StatementRebate } from './rebate.js';
import type { StatementScorecard } from './scorecard.js';
import type { StatementStock } from './stock.js';
import type { StatementTarget } from './target.js';

/** Digit grouping and decimal mark. @internal */
export type Separators = ReturnType<typeof separatorsOf>;

/** How a figure is shown: money and amounts at their scale, ratios as percentages, the rest as named. */
export type StatementFigureUnit = 'money' | 'amount' | 'percent' | 'score' | 'points' | 'days' | 'factor' | 'count' | 'text';

/** The sections of a statement. */
export type StatementSection = 'target' | 'scorecard' | 'rebate' | 'points' | 'stock';

/** The engine a figure comes from. */
export type StatementSource = 'targets' | 'kpi' | 'rebates' | 'inventory';

/** One figure of a statement, with the steps of the engine that made it. */
export interface StatementFigure {
  /** A stable key (`'rebate.payment'`, `'scorecard.kpi.sales.points'`). */
  key: string;
  /** The section it is printed in. */
  section: StatementSection;
  /** Its label on the page. */
  label: string;
  /** The figure (exact decimals, plain numbers for statistics, text for names and lists), or null when not known. */
  value: Decimal | number | string | null;
  /** How it is shown. */
  unit: StatementFigureUnit;
  /** Decimal places shown (money, amounts, points, scores, days). */
  scale: number;
  /** The figure as printed in English (`'1,500,000'`, `'96.20 %'`, `'× 0.8'`); the formatter re-prints it in a locale. */
  text: string;
  /** The engine that computed it. */
  source: StatementSource;
  /** That engine's steps behind it. */
  steps: Step[];
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** A figure's text in a locale's marks. @internal */
export function figureText(unit: StatementFigureUnit, figure: StatementFigure['value'] | undefined, scale: number, seps: Separators): string {
  if (figure === null || figure === undefined) return W.none;
  // A statement read back from JSON holds its decimals as strings.
  const value = typeof figure === 'string' && unit !== 'text' && PLAIN_NUMBER.test(figure) ? toDecimal(figure) : figure;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (unit === 'count') return groupDigits(String(value), seps);
    return groupDigits(value.toFixed(scale), seps);
  }
  switch (unit) {
    case 'percent':
      return fmtPercent(value, scale, seps);
    case 'factor':
      return `× ${groupDigits(value.toFixed(), seps)}`;
    case 'count':
      return groupDigits(value.toFixed(0), seps);
    default:
      return fmtAmount(value, scale, seps);
  }
}

type Draft = Omit<StatementFigure, 'text' | 'section' | 'source' | 'steps'> & { steps?: Step[] };

function add(out: StatementFigure[], section: StatementSection, source: StatementSource, steps: readonly Step[], seps: Separators, d: Draft): void {
  const value = d.value;
  out.push({
    key: d.key,
    section,
    label: d.label,
    value,
    unit: d.unit,
    scale: d.scale,
    text: figureText(d.unit, value, d.scale, seps),
    source,
    steps: [...(d.steps ?? steps)],
  });
}

/** The sections of a statement a figure list is read from. @internal */
export interface FigureSections {
  period: string;
  target: StatementTarget | null;
  scorecard: StatementScorecard | null;
  rebate: StatementRebate | null;
  points: StatementPoints | null;
  stock: StatementStock | null;
  /** Decimal places of the stock's money figures. */
  moneyScale: number;
}

const byCode = (steps: readonly Step[], ...codes: string[]) => steps.filter((s) => codes.includes(s.code));

/** Every figure of a statement, in page order. @internal */
export function statementFigures(s: FigureSections, seps: Separators): StatementFigure[] {
  const out: StatementFigure[] = [];
  const t = s.target;
  if (t !== null) {
    const steps = t.tracking?.steps ?? [];
    const f = (d: Draft) => add(out, 'target', 'targets', steps, seps, d);
    f({ key: 'target.target', label: L.periodTarget(s.period), value: t.target, unit: 'amount', scale: t.scale, steps: t.tracking === null ? [] : byCode(steps, 'prorate') });
    if (t.source === 'cascade') f({ key: 'target.expectedToDate', label: L.expectedToDate, value: t.expectedToDate, unit: 'amount', scale: t.scale, steps: byCode(steps, 'prorate', 'expected-to-date') });
    f({ key: 'target.actualToDate', label: L.actualToDate, value: t.actualToDate, unit: 'amount', scale: t.scale, steps: byCode(steps, 'actual-to-date') });
    f({ key: 'target.attainment', label: L.attainment, value: t.attainment, unit: 'percent', scale: 2, steps: byCode(steps, 'attainment') });
    f({ key: 'target.gap', label: L.gapBehind, value: t.gap, unit: 'amount', scale: t.scale, steps: byCode(steps, 'gap') });
    if (t.year !== null) {
      const y = t.year;
      f({ key: 'target.year.total', label: L.yearTarget(y.period), value: y.total, unit: 'amount', scale: t.scale, steps: [] });
      f({ key: 'target.year.actualToDate', label: L.yearActualToDate, value: y.actualToDate, unit: 'amount', scale: t.scale, steps: byCode(steps, 'actual-to-date') });
      f({ key: 'target.year.attainment', label: L.yearAttainmentToDate, value: y.attainment, unit: 'percent', scale: 2, steps: byCode(steps, 'attainment') });
      f({ key: 'target.year.runRateForecast', label: L.runRateForecastYear, value: y.runRateForecast, unit: 'amount', scale: t.scale, steps: byCode(steps, 'run-rate-forecast') });
      f({ key: 'target.year.planForecast', label: L.forecastIfTheRestGoesToPlan, value: y.planForecast, unit: 'amount', scale: t.scale, steps: byCode(steps, 'plan-forecast') });
    }
  }
  const k = s.scorecard;
  if (k !== null) {
    const steps = k.result.steps;
    const f = (d: Draft) => add(out, 'scorecard', 'kpi', steps, seps, d);
    f({ key: 'scorecard.stage', label: L.stage, value: k.stage, unit: 'text', scale: 0, steps: byCode(steps, 'stage-weights') });
    for (const line of steps) {
      if (line.code !== 'kpi-points') continue;
      const l = line as Step & { kpi: string; label: string; points: Decimal | null; contribution: Decimal };
      f({ key: `scorecard.kpi.${l.kpi}.points`, label: L.kpiPoints(l.label), value: l.points, unit: 'score', scale: 2, steps: [line] });
      f({ key: `scorecard.kpi.${l.kpi}.contribution`, label: L.kpiContribution(l.label), value: l.contribution, unit: 'score', scale: 2, steps: [line] });
    }
    f({ key: 'scorecard.score', label: L.score, value: k.score, unit: 'score', scale: 2, steps: byCode(steps, 'weighted-score', 'gate', 'score') });
    f({ key: 'scorecard.grade', label: L.grade, value: k.grade ?? W.none, unit: 'text', scale: 0, steps: byCode(steps, 'grade', 'gate') });
    if (k.rank !== null) {
      f({ key: 'scorecard.rank', label: L.rankInThePeerGroup, value: `${k.rank} of ${k.peers}`, unit: 'text', scale: 0, steps: [] });
      f({ key: 'scorecard.percentileRank', label: L.peersScoringLower, value: k.percentileRank, unit: 'percent', scale: 2, steps: [] });
    }
    if (k.standing !== null) {
      f({ key: 'scorecard.standing', label: L.standing, value: k.status, unit: 'text', scale: 0, steps: [...k.standing.steps] });
    }
  }
  const r = s.rebate;
  if (r !== null) {
    const steps = r.calculation.steps;
    const f = (d: Draft) => add(out, 'rebate', 'rebates', steps, seps, d);
    const settle = r.settlement.steps.filter((x) => (x as { period?: string }).period === s.period);
    f({ key: 'rebate.tier', label: L.tierReached, value: r.tier.name ?? `tier ${r.tier.index + 1}`, unit: 'text', scale: 0, steps: byCode(steps, 'basis', 'tier') });
    f({ key: 'rebate.netAmount', label: L.netSales, value: r.netAmount, unit: 'money', scale: r.scale, steps: byCode(steps, 'basis') });
    if (r.calculation.basis === 'attainment' || r.calculation.basis === 'growthRate') {
      f({ key: 'rebate.basisValue', label: r.calculation.basis === 'attainment' ? L.attainment : L.growthRate, value: r.basisValue, unit: 'percent', scale: 2, steps: byCode(steps, 'basis') });
    }
    if (r.turnover !== null) f({ key: 'rebate.turnoverDays', label: L.fedMetric(r.turnover.metric), value: r.turnover.days, unit: 'days', scale: 1, steps: byCode(steps, 'multiplier', 'gate') });
    f({ key: 'rebate.multiplier', label: L.multiplier, value: r.calculation.multiplier, unit: 'factor', scale: 0, steps: byCode(steps, 'multiplier', 'multiplier-factor') });
    f({ key: 'rebate.rebate', label: r.kind === 'final' ? L.rebateYear : L.rebateToDate, value: r.rebate, unit: 'money', scale: r.scale });
    if (r.advance !== null) f({ key: 'rebate.advance', label: L.advanceEarnedAfterHoldback, value: r.advance, unit: 'money', scale: r.scale, steps: settle });
    f({ key: 'rebate.paidBefore', label: L.paidBefore, value: r.paidBefore, unit: 'money', scale: r.scale, steps: settle });
    f({ key: 'rebate.payment', label: r.kind === 'final' ? L.trueUp : L.paymentDue, value: r.payment, unit: 'money', scale: r.scale, steps: settle });
    for (const b of r.benefits) f({ key: `rebate.benefit.${b.name}`, label: L.benefit(b.name), value: b.amount, unit: 'money', scale: r.scale, steps: byCode(steps, 'tier') });
    if (r.nextTier !== null) {
      const n = r.nextTier;
      f({ key: 'rebate.nextTier', label: L.nextTier, value: n.name ?? `tier ${n.index + 1}`, unit: 'text', scale: 0, steps: [] });
      if (n.salesGap !== null) f({ key: 'rebate.nextTier.salesGap', label: L.netSalesItNeeds, value: n.salesGap, unit: 'money', scale: r.scale, steps: [] });
      f({ key: 'rebate.nextTier.rebateAtThreshold', label: L.rebateThere, value: n.rebateAtThreshold, unit: 'money', scale: r.scale, steps: [] });
      f({ key: 'rebate.nextTier.gain', label: L.gain, value: n.gain, unit: 'money', scale: r.scale, steps: [] });
    }
  }
  const p = s.points;
  if (p !== null) {
    const steps = p.ledger.steps;
    const f = (d: Draft) => add(out, 'points', 'rebates', steps, seps, d);
    f({ key: 'points.opening', label: L.openingBalance, value: p.opening, unit: 'points', scale: p.scale });
    f({ key: 'points.earned', label: L.earned, value: p.earned, unit: 'points', scale: p.scale, steps: byCode(steps, 'points-earn') });
    f({ key: 'points.redeemed', label: L.redeemed, value: p.redeemed, unit: 'points', scale: p.scale, steps: byCode(steps, 'points-redeem') });
    f({ key: 'points.expired', label: L.expired, value: p.expired, unit: 'points', scale: p.scale, steps: byCode(steps, 'points-expire') });
    f({ key: 'points.balance', label: L.balance, value: p.balance, unit: 'points', scale: p.scale, steps: byCode(steps, 'points-balance') });
    f({ key: 'points.expiring', label: L.expiring(p.expiringAfter), value: p.expiring, unit: 'points', scale: p.scale, steps: byCode(steps, 'points-earn') });
  }
  const st = s.stock;
  if (st !== null) {
    const steps = st.health.steps;
    const f = (d: Draft) => add(out, 'stock', 'inventory', steps, seps, d);
    const planSteps = (ids: readonly string[]) => st.plans.filter((pl) => ids.includes(String(pl.id))).flatMap((pl) => pl.steps.filter((x) => x.code === 'status' || x.code === 'reorder-point' || x.code === 'max'));
    const below = st.belowReorderPoint.map((l) => l.id);
    const above = st.aboveMax.map((l) => l.id);
    f({ key: 'stock.belowReorderPoint', label: L.skusAtOrBelowTheirReorderPoint, value: below.length, unit: 'count', scale: 0, steps: planSteps(below) });
    f({ key: 'stock.aboveMax', label: L.skusAboveTheirMaximum, value: above.length, unit: 'count', scale: 0, steps: planSteps(above) });
    f({ key: 'stock.turnoverDays', label: L.turnoverDays, value: st.turnoverDays, unit: 'days', scale: 1, steps: byCode(steps, 'turnover-days') });
    f({ key: 'stock.slowMovingShare', label: L.slowMovingShareOfValue, value: st.slowMovingShare, unit: 'percent', scale: 2, steps: byCode(steps, 'slow-moving') });
    f({ key: 'stock.slowMovingCount', label: L.slowMovingSkus, value: st.slowMovingCount, unit: 'count', scale: 0, steps: byCode(steps, 'slow-moving') });
    f({ key: 'stock.inventoryValue', label: L.stockValueAtCost, value: st.inventoryValue, unit: 'money', scale: s.moneyScale, steps: byCode(steps, 'inventory-value') });
    f({ key: 'stock.orderValue', label: L.orders(st.orders), value: st.orderValue, unit: 'money', scale: s.moneyScale, steps: st.plans.flatMap((pl) => pl.steps.filter((x) => x.code === 'order-value')) });
  }
  return out;
}
