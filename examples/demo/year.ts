// Demo section (year): the sample network's 2025 run the way the brand runs it, one engine feeding the
// next. The plan goes down the territory tree to each dealer and over the quarters by the plan's
// seasonality; sales against those targets give attainment; attainment and the stage-weighted
// scorecard give grades and standing; grades and inventory turnover (the featured dealer's from its
// stock's health figures) drive the rebate's gates and multipliers, paid as quarterly advances and an
// annual true-up; points expire at each quarter's end; the loyalty bonus and the regional profit
// pools close the year; and the due-diligence assessment decides which candidates join in 2026.
// test/scenario/year.test.ts asserts the same figures from hand derivations.
import { ZERO, calculateDateAfter, calculateDaysBetween, toDecimal, type Decimal, type IsoDate } from 'dealerkit';
import { analyzeInventoryHealth } from 'dealerkit/inventory';
import { defineScorecard, reviewStanding, scoreDealers, type KpiRankedScore, type StandingReview } from 'dealerkit/kpi';
import {
  accruePoints,
  allocateProfitPool,
  calculateLoyaltyBonus,
  defineRebateProgram,
  settleRebate,
  settleRebates,
  type RebateSettlementBatchResult,
  type PointsAccrual,
  type PointsEvent,
  type PointsRules,
  type RebateSettlement,
  type RebateSettlementInput,
  type LoyaltyBonusResult,
  type ProfitPoolResult,
} from 'dealerkit/rebates';
import {
  analyzeFinancials,
  assessPartners,
  dealerDueDiligence,
  dealerDueDiligencePolicy,
  dealerFinancialFactors,
  distributorBenchmarks,
  toFinancialFindings,
  type PartnerAssessment,
} from 'dealerkit/risk';
import { cascadeHierarchy, cascadeTarget, defineGregorianCalendar, trackTarget, type TargetTreeNode } from 'dealerkit/targets';
import { candidates, inventory, network, plan, type Dealer } from '../data/index.js';
import { grouped, table, title } from '../lib/table.js';
import { kpiDemoInput, kpiDemoRule, kpiDemoSpec } from './kpi.js';

/** The dealer whose path through the year the section follows (it holds the sample SKU stock). */
export const YEAR_DEALER = 'D02';
/** The day the year closes. */
export const YEAR_END: IsoDate = `${network.year}-12-31`;
/** Grades as the rebate program's gate and multiplier read them. */
export const GRADE_LEVEL: Record<string, number> = { Bronze: 1, Silver: 2, Gold: 3 };

/**
 * The demo's rebate program (examples/demo/rebates.ts) with the KPI grade added: a dealer graded
 * below Bronze earns no rebate for the period, a Gold-graded dealer earns 5 % more.
 */
export const yearRebateProgram = defineRebateProgram({
  name: `${network.brand} dealer rebate ${network.year} (graded)`,
  currency: network.currency,
  rounding: { stage: 'line' },
  basis: 'attainment',
  method: 'retroactive',
  tiers: [
    { from: 0, name: '—' },
    { from: '0.8', rate: '0.01', name: 'Bronze' },
    { from: '0.9', rate: '0.02', name: 'Silver' },
    { from: 1, rate: '0.03', name: 'Gold', benefits: { brandFund: 50000 } },
  ],
  overAchievement: { above: 1, rate: '0.02', cap: 100000 },
  gates: [
    { metric: 'onTimePaymentRatio', op: '>=', value: '0.9', onFail: { factor: '0.5' } },
    { metric: 'gradeLevel', op: '>=', value: 1, onFail: 'zero' },
  ],
  multipliers: [
    { metric: 'inventoryTurnoverDays', bands: [{ from: 0, factor: '1.1' }, { from: 30, factor: 1 }, { from: 61, factor: '0.8' }] },
    { metric: 'gradeLevel', bands: [{ from: 0, factor: 1 }, { from: 3, factor: '1.05' }] },
  ],
  settlement: { advance: 'cumulative', holdbackRate: '0.1', negativeTrueUp: 'clawback' },
});

/** Points per unit of each task. */
const POINTS_PER_UNIT: Record<string, number> = { quarterOnTarget: 500, grade: 100, satisfaction: 25 };

/** Points, cleared at the end of the quarter earned (DOMAIN.md §1). */
export const yearPointsRules: PointsRules = {
  earn: [
    { id: 'quarterOnTarget', pointsPerUnit: POINTS_PER_UNIT.quarterOnTarget! },
    { id: 'grade', pointsPerUnit: POINTS_PER_UNIT.grade! },
    { id: 'satisfaction', pointsPerUnit: POINTS_PER_UNIT.satisfaction! },
  ],
  expiry: { quarters: 1 },
};

/** The star-dealer bonus: three years on target in a row earn 0.5 % of the streak's sales. */
export const yearLoyaltyRates = [{ streak: 3, rate: '0.005' }];
/** The joint profit pool: 30 % of a region's first 1,000,000 of growth over 2024, 40 % of the rest. */
export const yearPoolTiers = [{ from: 0, rate: '0.3' }, { from: 1000000, rate: '0.4' }];

export interface YearDealer {
  dealer: Dealer;
  target: Decimal;
  quarterTargets: Decimal[];
  net: number[];
  attainment: (Decimal | null)[];
  scores: KpiRankedScore[];
  standing: StandingReview;
  turnoverDays: Decimal;
  settlement: RebateSettlement;
  points: PointsAccrual;
  loyalty: LoyaltyBonusResult;
}

export interface Year {
  quarters: string[];
  planTotal: number;
  dealers: YearDealer[];
  run: RebateSettlementBatchResult;
  health: ReturnType<typeof analyzeInventoryHealth>;
  pools: { region: string; result: ProfitPoolResult }[];
  assessments: PartnerAssessment[];
}

/** Events of one dealer's points year: each quarter on target, its grade, satisfaction points above 90, and a training seat redeemed in March. */
export function yearPointsEvents(d: Dealer, attainment: readonly (Decimal | null)[], scores: readonly KpiRankedScore[]): PointsEvent[] {
  const events: PointsEvent[] = [];
  d.kpi.forEach((k, q) => {
    const date = `${network.year}-${String(q * 3 + 2).padStart(2, '0')}-15`;
    if (attainment[q] !== null && attainment[q]!.gte(1)) events.push({ date, type: 'earn', rule: 'quarterOnTarget', quantity: 1 });
    const grade = scores[q]!.grade;
    if (grade !== null) events.push({ date, type: 'earn', rule: 'grade', quantity: GRADE_LEVEL[grade]! });
    // Whole points of satisfaction above 90 (95.1 → 5).
    const above = Math.floor(k.satisfaction - 90);
    if (above > 0) events.push({ date, type: 'earn', rule: 'satisfaction', quantity: above });
  });
  // A training seat (300 points) in March, for a dealer whose first quarter earned that much.
  const firstQuarter = events.reduce((a, e) => a + (e.type === 'earn' && e.date < `${network.year}-04-01` ? Number(e.quantity) * POINTS_PER_UNIT[e.rule]! : 0), 0);
  if (firstQuarter >= 300) events.push({ date: `${network.year}-03-20`, type: 'redeem', points: 300, note: 'training seat' });
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Runs the year: every engine fed by the one before. */
export function runYear(): Year {
  const calendar = defineGregorianCalendar({ year: network.year });
  const quarters = network.dealers[0]!.quarters.map((q) => q.id);

  // 1. The plan down the tree (dealers weighted by their agreed targets), then each dealer over the quarters.
  const planTotal = network.dealers.reduce((a, d) => a + d.target2025, 0);
  const tree: TargetTreeNode = {
    id: network.brand,
    children: network.regions.map((r) => ({
      id: r.id,
      children: r.areas.map((a) => ({ id: a.id, children: network.dealers.filter((d) => d.area === a.id).map((d) => ({ id: d.id, weight: d.target2025 })) })),
    })),
  };
  const leaves = cascadeHierarchy(tree, planTotal).root.children.flatMap((r) => r.children.flatMap((a) => a.children));
  const targetOf = new Map(leaves.map((l) => [l.id, l.target]));
  const cascades = network.dealers.map((d) => cascadeTarget({ calendar, levels: ['quarter'], spread: { profile: plan.seasonality } }, targetOf.get(d.id)!.toString()));

  // 2. Sales against the targets: attainment per quarter.
  const nets = network.dealers.map((d) => d.quarters.map((q) => q.sales - q.returns));
  const attainments = cascades.map((c, i) => {
    const t = trackTarget(c, Object.fromEntries(quarters.map((q, k) => [q, nets[i]![k]!])), { asOf: YEAR_END });
    return quarters.map((q) => t.periods.find((p) => p.period === q)!.attainment);
  });

  // 3. The scorecard each quarter (sales against the cascaded target), then the standing review.
  const card = defineScorecard(kpiDemoSpec);
  const byQuarter = quarters.map((_, q) =>
    scoreDealers(
      card,
      network.dealers.map((d, i) => ({ ...kpiDemoInput(d, d.kpi[q]!), actuals: { ...kpiDemoInput(d, d.kpi[q]!).actuals, sales: nets[i]![q]! }, targets: { sales: cascades[i]!.periods[q]!.target.toString() } })),
    ).rows.map((r) => r.result!),
  );

  // 4. The featured dealer's turnover from its stock's health (the sample SKUs, counted at the year end).
  const shift = calculateDaysBetween(YEAR_END, inventory.asOf);
  const health = analyzeInventoryHealth({
    items: inventory.skus.map((s) => ({
      id: s.id,
      onHand: s.onHand,
      unitCost: s.unitCost,
      demandPerDay: s.monthlyDemand.reduce((a, m) => a + m, 0) / 365,
      receivedOn: calculateDateAfter(s.lastReceipt, shift),
    })),
    cogs: inventory.skus.reduce((a, s) => a + s.monthlyDemand.reduce((b, m) => b + m, 0) * s.unitCost, 0),
    averageInventoryValue: inventory.skus.reduce((a, s) => a + s.onHand * s.unitCost, 0),
    periodDays: 365,
    asOf: YEAR_END,
    slowMovingDays: 90,
    ageBuckets: [30, 90, 180],
    carryingRatePerYear: '0.25',
    daysPerYear: 365,
  });

  // 5. The rebate: quarterly advances on the cumulative figures, the annual true-up.
  const inputs: RebateSettlementInput[] = network.dealers.map((d, i) => ({
    id: d.id,
    periods: d.quarters.map((q, k) => ({
      period: q.id,
      sales: q.sales,
      returns: q.returns,
      target: cascades[i]!.periods[k]!.target.toString(),
      metrics: { inventoryTurnoverDays: d.kpi[k]!.inventoryTurnoverDays, gradeLevel: GRADE_LEVEL[byQuarter[k]![i]!.grade ?? ''] ?? 0 },
    })),
    target: targetOf.get(d.id)!.toString(),
    // The year's turnover: the stock's health figure where the dealer's stock is held, else the reported one.
    // The year's grade is the last quarter's (the period's metric applies where the year gives none).
    metrics: {
      onTimePaymentRatio: d.metrics.onTimePaymentRatio,
      inventoryTurnoverDays: d.id === YEAR_DEALER && health.turnoverDays !== null ? health.turnoverDays.toString() : d.metrics.inventoryTurnoverDays,
    },
  }));
  // The payment run in one batch (its totals), and each dealer settled alone for every step behind its figures.
  const run = settleRebates(yearRebateProgram, inputs);
  const settlements = inputs.map((input) => settleRebate(yearRebateProgram, input));

  const dealers: YearDealer[] = network.dealers.map((d, i) => {
    const scores = byQuarter.map((rs) => rs[i]!);
    const standing = reviewStanding(kpiDemoRule, quarters.map((period, q) => ({ period, score: scores[q]!.score })));
    const points = accruePoints(yearPointsRules, yearPointsEvents(d, attainments[i]!, scores), { asOf: YEAR_END });
    // The year's own figures close the loyalty history: net sales against the cascaded target.
    const history = [
      ...d.history.filter((h) => h.year < network.year),
      { year: network.year, sales: nets[i]!.reduce((a, n) => a + n, 0), target: Number(targetOf.get(d.id)!.toString()) },
    ];
    const loyalty = calculateLoyaltyBonus({ currency: network.currency, history, rates: yearLoyaltyRates });
    const turnoverDays = settlements[i]!.annual!.multipliers[0]!.value;
    return { dealer: d, target: targetOf.get(d.id)!, quarterTargets: cascades[i]!.periods.map((p) => p.target), net: nets[i]!, attainment: attainments[i]!, scores, standing, turnoverDays, settlement: settlements[i]!, points, loyalty };
  });

  // 6. The joint profit pool of each region: the brand half, the dealers half by their own growth over 2024.
  const pools = network.regions.map((r) => {
    const members = dealers.filter((y) => y.dealer.region === r.id);
    const sales = members.map((y) => y.net.reduce((a, n) => a + n, 0));
    const growth = members.map((y, k) => Math.max(0, sales[k]! - y.dealer.baseline2024));
    const result = allocateProfitPool({
      currency: network.currency,
      revenue: sales.reduce((a, s) => a + s, 0),
      baseline: members.reduce((a, y) => a + y.dealer.baseline2024, 0),
      pool: { tiers: yearPoolTiers },
      partners: [{ id: 'brand', weight: growth.reduce((a, g) => a + g, 0) }, ...members.map((y, k) => ({ id: y.dealer.id, weight: growth[k]! }))],
    });
    return { region: r.id, result };
  });

  // 7. Next year's partners: the candidates assessed from their findings and three years of statements.
  const assessments = assessPartners(
    { template: dealerDueDiligence, policy: dealerDueDiligencePolicy },
    candidates.map((c) => {
      const analysis = analyzeFinancials({ years: c.statements, dayCount: 365, averages: true, firm: { listed: c.listed, manufacturer: false }, benchmarks: distributorBenchmarks });
      return { id: c.id, findings: [...c.findings, ...toFinancialFindings(dealerFinancialFactors, analysis).findings] };
    }),
    { asOf: YEAR_END },
  ).rows.map((r) => r.result!);

  return { quarters, planTotal, dealers, run, health, pools, assessments };
}

const money = (d: Decimal | number | null | undefined) => (d === null || d === undefined ? '' : grouped(d.toFixed(2)));
const pct = (d: Decimal | null | undefined) => (d === null || d === undefined ? '' : `${d.times(100).toFixed(2)}%`);
const sum = (xs: Decimal[]) => xs.reduce((a, x) => a.plus(x));

export function yearSection(): string[] {
  const y = runYear();
  const out = [title(`${network.brand}: the ${network.year} year, engines chained (targets → attainment → grades → rebates, points, loyalty, pools → next year's partners)`)];

  out.push(
    table(
      ['quarter', 'target', 'net sales', 'attainment', 'Gold/Silver/Bronze/none', 'warning or exit review', 'paid (Q4: true-ups)', 'points expired'],
      y.quarters.map((q, k) => {
        const target = sum(y.dealers.map((d) => d.quarterTargets[k]!));
        const net = y.dealers.reduce((a, d) => a + d.net[k]!, 0);
        const grades = ['Gold', 'Silver', 'Bronze', null].map((g) => y.dealers.filter((d) => d.scores[k]!.grade === g).length).join('/');
        const warned = y.dealers.filter((d) => d.standing.periods[k]!.status === 'warning' || d.standing.periods[k]!.status === 'exit-review').map((d) => d.dealer.id);
        const paid = sum(y.dealers.map((d) => d.settlement.periods[k]!.payment));
        // Every grant expires at the end of its quarter; as of the year end the last quarter's are still live.
        const expired = y.dealers.reduce((a, d) => a.plus(d.points.grants.filter((g) => quarterOf(g.date) === k).reduce((b, g) => b.plus(g.expired), ZERO)), ZERO);
        return [q, grouped(target.toFixed(0)), grouped(net), pct(toDecimal(net).div(target)), grades, warned.join(' ') || '-', money(paid), expired.toFixed(0)];
      }),
    ),
  );
  const paid = y.run.totals.totalPaid;
  const annual = sum(y.dealers.map((d) => d.settlement.annualRebate!));
  const funds = y.dealers.reduce((a, d) => a + d.settlement.annual!.benefits.reduce((b, x) => b + Number(x.amount.toString()), 0), 0);
  out.push(
    `plan ${grouped(y.planTotal)} down the tree to ${y.dealers.length} dealers and over the quarters by the plan's seasonality (203/253/252/292 of 1000); rebates for the year ${money(annual)}, paid ${money(paid)}; brand funds ${grouped(funds)}`,
  );

  // One dealer's path.
  const d = y.dealers.find((x) => x.dealer.id === YEAR_DEALER)!;
  const s = d.settlement;
  out.push(
    '',
    `${d.dealer.id} ${d.dealer.name} (${d.dealer.stage}, ${d.dealer.region}): target ${grouped(d.target.toFixed(0))}`,
    table(
      ['quarter', 'target', 'net sales', 'attainment', 'score', 'grade', 'standing', 'turnover days', 'rebate (to date; year)', 'payment', 'points earned', 'expired'],
      y.quarters.map((q, k) => {
        const p = s.periods[k]!;
        const grants = d.points.grants.filter((g) => quarterOf(g.date) === k);
        const earned = grants.reduce((a, g) => a.plus(g.points), ZERO).toFixed(0);
        const expired = grants.reduce((a, g) => a.plus(g.expired), ZERO).toFixed(0);
        return [
          q,
          grouped(d.quarterTargets[k]!.toFixed(0)),
          grouped(d.net[k]!),
          pct(d.attainment[k]),
          d.scores[k]!.score.toString(),
          d.scores[k]!.grade ?? '-',
          d.standing.periods[k]!.status,
          k === 3 ? d.turnoverDays.toFixed(2) : String(d.dealer.kpi[k]!.inventoryTurnoverDays),
          // The last column of the year is the annual calculation that the true-up settles.
          money(k === 3 ? s.annualRebate : p.rebate),
          money(p.payment),
          earned,
          expired,
        ];
      }),
    ),
    `year: ${pct(s.annual!.basisValue)} of target, ${s.annual!.tier.name}; annual rebate ${money(s.annualRebate)} = advances ${money(sum(s.periods.slice(0, 3).map((p) => p.payment)))} + true-up ${money(s.periods[3]!.payment)}; brand fund ${s.annual!.benefits.map((b) => grouped(b.amount.toString())).join(' ') || '0'}`,
    `turnover from its stock's health: ${y.health.turnoverDays === null ? '-' : y.health.turnoverDays.toFixed(2)} days (turnover ${y.health.turnover.toFixed(2)}× a year on a stock of ${money(y.health.inventoryValue)}) → × ${s.annual!.multipliers[0]!.factor.toString()}; Q4 grade ${d.scores[3]!.grade ?? '-'} → × ${s.annual!.multipliers[1]!.factor.toString()}`,
    `points: earned ${d.points.earned.toString()}, redeemed ${d.points.redeemed.toString()}, expired ${d.points.expired.toString()}, balance ${d.points.balance.toString()} on ${YEAR_END}, expiring at the quarter's end`,
    `loyalty: ${d.loyalty.streak} years on target (${d.loyalty.streakYears.join(', ')}), ${money(d.loyalty.streakSales)} × ${d.loyalty.rate === null ? '-' : `${d.loyalty.rate.rate.times(100).toString()} %`} = ${money(d.loyalty.bonus)}`,
  );
  const pool = y.pools.find((p) => p.region === d.dealer.region)!.result;
  out.push(`profit pool ${d.dealer.region}: growth ${money(pool.increment)} → pool ${money(pool.pool)}; ${d.dealer.id}'s share ${money(pool.shares.find((x) => x.id === d.dealer.id)!.amount)}`);

  // The year's close for the network.
  out.push(
    '',
    table(
      ['region', 'net sales', 'over 2024', 'pool', 'brand', 'dealers (share)'],
      y.pools.map(({ region, result }) => [
        region,
        money(y.dealers.filter((x) => x.dealer.region === region).reduce((a, x) => a + x.net.reduce((b, n) => b + n, 0), 0)),
        money(result.increment),
        money(result.pool),
        money(result.shares[0]!.amount),
        result.shares.slice(1).filter((x) => !x.amount.isZero()).map((x) => `${x.id} ${money(x.amount)}`).join(', ') || '-',
      ]),
    ),
    `loyalty bonuses: ${y.dealers.filter((x) => !x.loyalty.bonus.isZero()).map((x) => `${x.dealer.id} ${money(x.loyalty.bonus)}`).join(', ')} (total ${money(sum(y.dealers.map((x) => x.loyalty.bonus)))}); profit pools ${money(sum(y.pools.map((p) => p.result.pool)))}`,
    '',
    table(
      ['candidate', 'overall level', 'knock-outs', 'decision', `joins in ${network.year + 1}`],
      y.assessments.map((a) => [String(a.id), a.overall.level, a.knockouts.map((k) => k.factor).join(', ') || '-', a.decision, a.decision === 'approve' || a.decision === 'conditional' ? 'yes' : 'no']),
    ),
  );
  return out;
}

/** The quarter (0–3) of a date of the sample year. */
function quarterOf(date: string): number {
  return Math.floor((Number(date.slice(5, 7)) - 1) / 3);
}
