// Issue 18, part 3: a whole year, engines chained, over the demo's sample network (examples/data/).
//
// The brand's 2025: the plan goes down the territory tree to each dealer and over the quarters by the
// plan's seasonality (targets); net sales against those targets give attainment; attainment and the
// stage-weighted scorecard give grades and standing (kpi); grades and inventory turnover (the featured
// dealer's from its stock's health figures, inventory) drive the rebate's gates and multipliers, paid
// as cumulative quarterly advances and the annual true-up (rebates); points expire at each quarter's
// end; the loyalty bonus and the regional profit pools close the year; the due-diligence assessment
// decides which candidates join in 2026 (risk).
//
// Only the public entry points are used, as the examples use them. Every key figure is derived by
// hand in the comments beside its assertion, from the raw data (examples/data/*.json) and the program
// written out below; nothing expected is computed by the code under test. The laws (quarters sum to
// the year, pool shares to the pool, advances + true-up to the annual rebate) are checked on every
// dealer. examples/demo/year.ts prints the same chain; the last test checks it prints these figures.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateDateAfter, calculateDaysBetween, type Decimal } from 'dealerkit';
import { analyzeInventoryHealth } from 'dealerkit/inventory';
import { defineScorecard, reviewStanding, scoreDealers, type KpiRankedScore, type KpiScorecardSpec } from 'dealerkit/kpi';
import {
  accruePoints,
  allocateProfitPool,
  calculateLoyaltyBonus,
  defineRebateProgram,
  settleRebate,
  settleRebates,
  type PointsEvent,
  type PointsRules,
  type RebateSettlementInput,
} from 'dealerkit/rebates';
import {
  analyzeFinancials,
  assessPartners,
  dealerDueDiligence,
  dealerDueDiligencePolicy,
  dealerFinancialFactors,
  distributorBenchmarks,
  toFinancialFindings,
} from 'dealerkit/risk';
import { cascadeHierarchy, cascadeTarget, defineGregorianCalendar, trackTarget, type TargetTreeNode } from 'dealerkit/targets';
import { candidates, inventory, network, plan, type Dealer } from '../../examples/data/index.js';
import { yearSection } from '../../examples/demo/year.js';

// ---------------------------------------------------------------------------------------------
// The brand's configuration for the year (the demo's programs, examples/demo/kpi.ts and rebates.ts,
// written out here so every hand derivation below can be read against it).

const ratio = (id: string, cap: number, target?: number) => ({ id, direction: 'higher' as const, scoring: { type: 'ratio' as const, floor: 0, cap }, ...(target === undefined ? {} : { target }) });

/** The scorecard of examples/demo/kpi.ts: points rounded to 2 places, weights by market stage. */
const SCORECARD: KpiScorecardSpec = {
  kpis: [
    ratio('sales', 150),
    ratio('satisfaction', 120, 90),
    ratio('marketShare', 150, 5),
    ratio('channelExpansion', 150, 30),
    ratio('profitContribution', 150, 15),
    ratio('newProductShare', 150, 20),
    { id: 'complaintResponseHours', direction: 'lower', scoring: { type: 'curve', points: [{ at: 6, score: 110 }, { at: 24, score: 100 }, { at: 48, score: 0 }] } },
    { id: 'inventoryTurnoverDays', direction: 'target', scoring: { type: 'deviation' }, target: 45 },
  ],
  stages: {
    launch: { weights: { sales: '0.15', satisfaction: '0.10', marketShare: '0.25', channelExpansion: '0.20', profitContribution: '0.05', newProductShare: '0.15', complaintResponseHours: '0.05', inventoryTurnoverDays: '0.05' } },
    growth: { weights: { sales: '0.25', satisfaction: '0.10', marketShare: '0.20', channelExpansion: '0.15', profitContribution: '0.10', newProductShare: '0.10', complaintResponseHours: '0.05', inventoryTurnoverDays: '0.05' } },
    maturity: { weights: { sales: '0.25', satisfaction: '0.10', marketShare: '0.10', channelExpansion: '0.05', profitContribution: '0.30', newProductShare: '0.05', complaintResponseHours: '0.05', inventoryTurnoverDays: '0.10' } },
    decline: { weights: { sales: '0.20', satisfaction: '0.15', marketShare: '0.05', channelExpansion: '0', profitContribution: '0.35', newProductShare: '0', complaintResponseHours: '0.10', inventoryTurnoverDays: '0.15' } },
  },
  grades: [
    { min: 100, grade: 'Gold' },
    { min: 90, grade: 'Silver' },
    { min: 80, grade: 'Bronze' },
  ],
  gates: [{ kpi: 'complaintResponseHours', op: '<=', value: 24, effect: { capGrade: 'Bronze' } }],
  rounding: { scale: 2, mode: 'half-up' },
};
/** The exit rule: below 90 two quarters running is a warning; still below 3 months later, an exit review. */
const STANDING = { benchmark: 90, consecutive: 2, graceMonths: 3, missing: 'miss', recoverAfter: 1 } as const;

/** Grades as numbers for the rebate's gate and multiplier. */
const GRADE_LEVEL: Record<string, number> = { Bronze: 1, Silver: 2, Gold: 3 };

/** The demo's rebate program plus the grade: no rebate below Bronze, × 1.05 for a Gold grade. */
const PROGRAM = defineRebateProgram({
  name: 'year scenario',
  currency: 'CNY',
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

/** Points for a quarter on target (500), per grade level (100), per point of satisfaction above 90 (25); cleared at the quarter's end. */
const POINTS: PointsRules = {
  earn: [
    { id: 'quarterOnTarget', pointsPerUnit: 500 },
    { id: 'grade', pointsPerUnit: 100 },
    { id: 'satisfaction', pointsPerUnit: 25 },
  ],
  expiry: { quarters: 1 },
};
const POINTS_PER_UNIT: Record<string, number> = { quarterOnTarget: 500, grade: 100, satisfaction: 25 };

const YEAR_END = '2025-12-31';
const FEATURED = 'D02';

// ---------------------------------------------------------------------------------------------
// The chain.

function pointsEvents(d: Dealer, attainment: readonly (Decimal | null)[], scores: readonly KpiRankedScore[]): PointsEvent[] {
  const events: PointsEvent[] = [];
  d.kpi.forEach((k, q) => {
    const date = `2025-${String(q * 3 + 2).padStart(2, '0')}-15`;
    if (attainment[q] !== null && attainment[q]!.gte(1)) events.push({ date, type: 'earn', rule: 'quarterOnTarget', quantity: 1 });
    const grade = scores[q]!.grade;
    if (grade !== null) events.push({ date, type: 'earn', rule: 'grade', quantity: GRADE_LEVEL[grade]! });
    const above = Math.floor(k.satisfaction - 90);
    if (above > 0) events.push({ date, type: 'earn', rule: 'satisfaction', quantity: above });
  });
  const firstQuarter = events.reduce((a, e) => a + (e.type === 'earn' && e.date < '2025-04-01' ? Number(e.quantity) * POINTS_PER_UNIT[e.rule]! : 0), 0);
  if (firstQuarter >= 300) events.push({ date: '2025-03-20', type: 'redeem', points: 300, note: 'training seat' });
  return events;
}

function runChain() {
  const calendar = defineGregorianCalendar({ year: 2025 });
  const quarters = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'];
  const planTotal = network.dealers.reduce((a, d) => a + d.target2025, 0);
  const tree: TargetTreeNode = {
    id: network.brand,
    children: network.regions.map((r) => ({
      id: r.id,
      children: r.areas.map((a) => ({ id: a.id, children: network.dealers.filter((d) => d.area === a.id).map((d) => ({ id: d.id, weight: d.target2025 })) })),
    })),
  };
  const hierarchy = cascadeHierarchy(tree, planTotal);
  const leaves = hierarchy.root.children.flatMap((r) => r.children.flatMap((a) => a.children));
  const targetOf = new Map(leaves.map((l) => [l.id, l.target]));
  const cascades = network.dealers.map((d) => cascadeTarget({ calendar, levels: ['quarter'], spread: { profile: plan.seasonality } }, targetOf.get(d.id)!.toString()));
  const nets = network.dealers.map((d) => d.quarters.map((q) => q.sales - q.returns));
  const tracking = cascades.map((c, i) => trackTarget(c, Object.fromEntries(quarters.map((q, k) => [q, nets[i]![k]!])), { asOf: YEAR_END }));
  const attainments = tracking.map((t) => quarters.map((q) => t.periods.find((p) => p.period === q)!.attainment));

  const card = defineScorecard(SCORECARD);
  const input = (d: Dealer, i: number, q: number) => {
    const k = d.kpi[q]!;
    return {
      id: d.id,
      stage: d.stage,
      actuals: {
        sales: nets[i]![q]!,
        satisfaction: k.satisfaction,
        marketShare: k.marketShare,
        channelExpansion: k.channelExpansion,
        profitContribution: k.profitContribution,
        newProductShare: k.newProductShare,
        complaintResponseHours: k.complaintResponseHours,
        inventoryTurnoverDays: k.inventoryTurnoverDays,
      },
      targets: { sales: cascades[i]!.periods[q]!.target.toString() },
    };
  };
  const byQuarter = quarters.map((_, q) => scoreDealers(card, network.dealers.map((d, i) => input(d, i, q))).rows.map((r) => r.result!));
  const scores = network.dealers.map((_, i) => byQuarter.map((rs) => rs[i]!));
  const standings = scores.map((s) => reviewStanding(STANDING, quarters.map((period, q) => ({ period, score: s[q]!.score }))));

  const shift = calculateDaysBetween(YEAR_END, inventory.asOf);
  const health = analyzeInventoryHealth({
    items: inventory.skus.map((s) => ({ id: s.id, onHand: s.onHand, unitCost: s.unitCost, demandPerDay: s.monthlyDemand.reduce((a, m) => a + m, 0) / 365, receivedOn: calculateDateAfter(s.lastReceipt, shift) })),
    cogs: inventory.skus.reduce((a, s) => a + s.monthlyDemand.reduce((b, m) => b + m, 0) * s.unitCost, 0),
    averageInventoryValue: inventory.skus.reduce((a, s) => a + s.onHand * s.unitCost, 0),
    periodDays: 365,
    asOf: YEAR_END,
    slowMovingDays: 90,
    ageBuckets: [30, 90, 180],
    carryingRatePerYear: '0.25',
    daysPerYear: 365,
  });

  const inputs: RebateSettlementInput[] = network.dealers.map((d, i) => ({
    id: d.id,
    periods: d.quarters.map((q, k) => ({
      period: q.id,
      sales: q.sales,
      returns: q.returns,
      target: cascades[i]!.periods[k]!.target.toString(),
      metrics: { inventoryTurnoverDays: d.kpi[k]!.inventoryTurnoverDays, gradeLevel: GRADE_LEVEL[scores[i]![k]!.grade ?? ''] ?? 0 },
    })),
    target: targetOf.get(d.id)!.toString(),
    metrics: {
      onTimePaymentRatio: d.metrics.onTimePaymentRatio,
      inventoryTurnoverDays: d.id === FEATURED ? health.turnoverDays!.toString() : d.metrics.inventoryTurnoverDays,
    },
  }));
  const run = settleRebates(PROGRAM, inputs);
  const settlements = inputs.map((x) => settleRebate(PROGRAM, x));

  const points = network.dealers.map((d, i) => accruePoints(POINTS, pointsEvents(d, attainments[i]!, scores[i]!), { asOf: YEAR_END }));
  const loyalty = network.dealers.map((d, i) =>
    calculateLoyaltyBonus({
      currency: 'CNY',
      history: [...d.history.filter((h) => h.year < 2025), { year: 2025, sales: nets[i]!.reduce((a, n) => a + n, 0), target: Number(targetOf.get(d.id)!.toString()) }],
      rates: [{ streak: 3, rate: '0.005' }],
    }),
  );
  const pools = network.regions.map((r) => {
    const members = network.dealers.map((d, i) => ({ d, sales: nets[i]!.reduce((a, n) => a + n, 0) })).filter((m) => m.d.region === r.id);
    const growth = members.map((m) => Math.max(0, m.sales - m.d.baseline2024));
    return allocateProfitPool({
      currency: 'CNY',
      revenue: members.reduce((a, m) => a + m.sales, 0),
      baseline: members.reduce((a, m) => a + m.d.baseline2024, 0),
      pool: { tiers: [{ from: 0, rate: '0.3' }, { from: 1000000, rate: '0.4' }] },
      partners: [{ id: 'brand', weight: growth.reduce((a, g) => a + g, 0) }, ...members.map((m, k) => ({ id: m.d.id, weight: growth[k]! }))],
    });
  });
  const assessments = assessPartners(
    { template: dealerDueDiligence, policy: dealerDueDiligencePolicy },
    candidates.map((c) => {
      const analysis = analyzeFinancials({ years: c.statements, dayCount: 365, averages: true, firm: { listed: c.listed, manufacturer: false }, benchmarks: distributorBenchmarks });
      return { id: c.id, findings: [...c.findings, ...toFinancialFindings(dealerFinancialFactors, analysis).findings] };
    }),
    { asOf: YEAR_END },
  ).rows.map((r) => r.result!);

  return { quarters, planTotal, hierarchy, leaves, cascades, nets, attainments, scores, standings, health, inputs, run, settlements, points, loyalty, pools, assessments };
}

const y = runChain();
const at = (id: string) => network.dealers.findIndex((d) => d.id === id);
const D02 = at('D02');
const str = (xs: readonly { toString(): string }[]) => xs.map((x) => x.toString());

/** An exact quotient n / d (non-negative integers), rounded half-up to `places`: the oracle for ratios. */
function quotient(n: bigint, d: bigint, places: number): string {
  const scaled = (n * 10n ** BigInt(places) * 2n + d) / (2n * d);
  const s = scaled.toString().padStart(places + 1, '0');
  return places === 0 ? s : `${s.slice(0, -places)}.${s.slice(-places)}`.replace(/\.?0+$/, '');
}

// ---------------------------------------------------------------------------------------------

describe('the year, 1: the plan down the tree and over the quarters (targets)', () => {
  it('the plan is the sum of the 12 agreed targets, and the tree gives each dealer its own', () => {
    // 7,200,000 + 6,000,000 + 9,000,000 + 7,200,000 (north) + 7,200,000 + 10,000,000 + 6,000,000
    // + 9,000,000 (east) + 6,000,000 + 6,000,000 + 9,000,000 + 7,200,000 (south) = 89,800,000.
    expect(y.planTotal).toBe(89_800_000);
    expect(y.hierarchy.total.toString()).toBe('89800000');
    // Dealers weighted by their own targets: each share is target / plan × plan = the target, exactly.
    expect(y.leaves.map((l) => `${l.id} ${l.target.toString()}`)).toEqual(network.dealers.map((d) => `${d.id} ${d.target2025}`));
    // Regions: north 7.2 + 6 + 9 + 7.2 = 29.4 M; east 7.2 + 10 + 6 + 9 = 32.2 M; south 6 + 6 + 9 + 7.2 = 28.2 M.
    expect(y.hierarchy.root.children.map((r) => `${r.id} ${r.target.toString()}`)).toEqual(['north 29400000', 'east 32200000', 'south 28200000']);
  });

  it("D02's quarters follow the plan's seasonality: 203, 253, 252, 292 of 1000", () => {
    // Quarter weights are the plan's monthly seasonality summed: Q1 66 + 58 + 79 = 203, Q2 82 + 88 + 83 = 253,
    // Q3 80 + 84 + 88 = 252, Q4 91 + 98 + 103 = 292; 203 + 253 + 252 + 292 = 1000.
    // D02: 6,000,000 × 203/1000 = 1,218,000; × 253/1000 = 1,518,000; × 252/1000 = 1,512,000; × 292/1000 = 1,752,000.
    expect(str(y.cascades[D02]!.periods.map((p) => p.target))).toEqual(['1218000', '1518000', '1512000', '1752000']);
    expect(y.cascades[D02]!.periods.map((p) => `${p.weight}/${p.weightTotal}`)).toEqual(['203/1000', '253/1000', '252/1000', '292/1000']);
  });

  it('law: every dealer’s quarters sum to its annual target to the cent, and the network’s quarters to the plan', () => {
    for (const [i, c] of y.cascades.entries()) {
      expect(c.periods.reduce((a, p) => a.plus(p.target), c.total.minus(c.total)).toFixed(2)).toBe(network.dealers[i]!.target2025.toFixed(2));
    }
    // Every target is a multiple of 1,000, so every quarter is whole and the network's quarters are the plan's:
    // 89,800,000 × 203/1000 = 18,229,400; × 253/1000 = 22,719,400; × 252/1000 = 22,629,600; × 292/1000 = 26,221,600;
    // 18,229,400 + 22,719,400 + 22,629,600 + 26,221,600 = 89,800,000.
    const quarters = [0, 1, 2, 3].map((q) => y.cascades.reduce((a, c) => a.plus(c.periods[q]!.target), y.hierarchy.total.minus(y.hierarchy.total)).toString());
    expect(quarters).toEqual(['18229400', '22719400', '22629600', '26221600']);
  });
});

describe('the year, 2: sales against the targets give attainment', () => {
  it("D02's quarterly attainment is its net sales over its cascaded target", () => {
    // Net sales = sales − returns: Q1 1,346,000 − 26,900 = 1,319,100; Q2 1,469,000 − 22,000 = 1,447,000;
    // Q3 1,530,000 − 23,000 = 1,507,000; Q4 1,775,000 − 26,600 = 1,748,400.
    expect(y.nets[D02]).toEqual([1_319_100, 1_447_000, 1_507_000, 1_748_400]);
    // Attainment to 10 places, half-up: 1,319,100 / 1,218,000 = 1.08300492610…; 1,447,000 / 1,518,000 = 0.95322793148…;
    // 1,507,000 / 1,512,000 = 0.99669312169…; 1,748,400 / 1,752,000 = 0.99794520547…
    expect(str(y.attainments[D02]!.map((a) => a!))).toEqual([
      quotient(1_319_100n, 1_218_000n, 10),
      quotient(1_447_000n, 1_518_000n, 10),
      quotient(1_507_000n, 1_512_000n, 10),
      quotient(1_748_400n, 1_752_000n, 10),
    ]);
    expect(quotient(1_319_100n, 1_218_000n, 10)).toBe('1.0830049261');
  });

  it('the network sold 81,908,800 net against the plan of 89,800,000', () => {
    // The data's own 2025 rows (history[2025].sales, net of returns): north 5,556,800 + 6,021,500 + 6,403,500 + 6,919,500
    // = 24,901,300; east 8,634,400 + 9,219,100 + 4,633,000 + 8,898,300 = 31,384,800; south 6,641,300 + 5,116,400
    // + 8,296,300 + 5,568,700 = 25,622,700; in all 81,908,800 (the figure of docs/rebates.md's simulation).
    const total = y.nets.flat().reduce((a, n) => a + n, 0);
    expect(total).toBe(24_901_300 + 31_384_800 + 25_622_700);
    expect(total).toBe(81_908_800);
    for (const [i, d] of network.dealers.entries()) expect(y.nets[i]!.reduce((a, n) => a + n, 0)).toBe(d.history.find((h) => h.year === 2025)!.sales);
  });
});

describe('the year, 3: attainment and the stage-weighted scorecard give grades and standing (kpi)', () => {
  it('D02 (maturity), Q1: 95.0155, Silver', () => {
    // Maturity weights; points = attainment % rounded to 2 places; contribution = points × weight.
    // sales 1,319,100 / 1,218,000 = 108.30 %            → 108.30 × 0.25 = 27.075
    // satisfaction 95.1 / 90 = 105.67 %                  → 105.67 × 0.10 = 10.567
    // market share 5.2 / 5 = 104.00 %                    → 104.00 × 0.10 = 10.4
    // channel expansion 25 / 30 = 83.33 %                →  83.33 × 0.05 =  4.1665
    // profit contribution 10.7 / 15 = 71.33 %            →  71.33 × 0.30 = 21.399
    // new-product share 26.3 / 20 = 131.50 %             → 131.50 × 0.05 =  6.575
    // complaints 6 h (curve: 6 h → 110)                  → 110    × 0.05 =  5.5
    // stock days 42 vs 45: 93.33 %, 100 − |93.33 − 100|  →  93.33 × 0.10 =  9.333
    // sum 95.0155: Silver (≥ 90, < 100); complaints within 24 h, so no cap.
    const q1 = y.scores[D02]![0]!;
    // The sum in ten-thousandths, as integers: 270,750 + 105,670 + 104,000 + 41,665 + 213,990 + 65,750 + 55,000 + 93,330.
    expect(270_750 + 105_670 + 104_000 + 41_665 + 213_990 + 65_750 + 55_000 + 93_330).toBe(950_155);
    expect(q1.score.toString()).toBe('95.0155');
    expect(q1.grade).toBe('Silver');
  });

  it('D02, Q3: 96.062 by score (Silver), capped to Bronze: complaints took 36 h', () => {
    // sales 1,507,000 / 1,512,000 = 99.67 %      → 99.67 × 0.25 = 24.9175
    // satisfaction 94.1 / 90 = 104.56 %          → 104.56 × 0.10 = 10.456
    // market share 3.9 / 5 = 78.00 %             → 78 × 0.10 = 7.8
    // channel expansion 18.7 / 30 = 62.33 %      → 62.33 × 0.05 = 3.1165
    // profit contribution 18.6 / 15 = 124.00 %   → 124 × 0.30 = 37.2
    // new-product share 15.4 / 20 = 77.00 %      → 77 × 0.05 = 3.85
    // complaints 36 h: between 24 h (100) and 48 h (0), 100 × (48 − 36)/24 = 50 → 50 × 0.05 = 2.5
    // stock days 28 vs 45: 62.22 %, 100 − 37.78 = 62.22 → 62.22 × 0.10 = 6.222
    // sum: 24.9175 + 10.456 + 7.8 + 3.1165 + 37.2 + 3.85 + 2.5 + 6.222 = 96.062.
    const q3 = y.scores[D02]![2]!;
    expect(q3.score.toString()).toBe('96.062');
    expect([q3.gradeByScore, q3.grade]).toEqual(['Silver', 'Bronze']);
    // D02 never scores below 90 (95.0155, 99.3285, 96.062, 93.4735): its standing stays ok.
    expect(y.standings[D02]!.periods.map((p) => p.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
  });

  it('D04 (launch) falls below 90 in Q3 and Q4: the two-quarters rule warns it in Q4', () => {
    // Launch weights 0.15 / 0.10 / 0.25 / 0.20 / 0.05 / 0.15 / 0.05 / 0.05. Targets 7,200,000 × 252/1000 = 1,814,400
    // and × 292/1000 = 2,102,400; net sales 1,746,000 − 8,700 = 1,737,300 and 2,026,000.
    // Q3: sales 95.75 × 0.15 = 14.3625; satisfaction 82.6/90 = 91.78 × 0.10 = 9.178; share 6.3/5 = 126 × 0.25 = 31.5;
    //     channel 21/30 = 70 × 0.20 = 14; profit 13.3/15 = 88.67 × 0.05 = 4.4335; new products 10.5/20 = 52.5 × 0.15
    //     = 7.875; complaints 6 h → 110 × 0.05 = 5.5; stock 75/45 = 166.67 %, 100 − 66.67 = 33.33 × 0.05 = 1.6665;
    //     sum 88.5155.
    // Q4: sales 2,026,000/2,102,400 = 96.37 × 0.15 = 14.4555; satisfaction 80.3/90 = 89.22 × 0.10 = 8.922;
    //     share 4.7/5 = 94 × 0.25 = 23.5; channel 20.9/30 = 69.67 × 0.20 = 13.934; profit 16.1/15 = 107.33 × 0.05
    //     = 5.3665; new products 14.8/20 = 74 × 0.15 = 11.1; complaints 20 h: 110 − 10 × (20 − 6)/18 = 102.22 × 0.05
    //     = 5.111; stock 42/45 = 93.33 × 0.05 = 4.6665; sum 87.0555.
    const D04 = at('D04');
    expect(str(y.scores[D04]!.slice(2).map((s) => s.score))).toEqual(['88.5155', '87.0555']);
    expect(y.scores[D04]!.slice(2).map((s) => s.grade)).toEqual(['Bronze', 'Bronze']);
    expect(y.standings[D04]!.periods[3]!.status).toBe('warning');
  });

  it('law: a dealer is warned only after two quarters running below 90', () => {
    for (const [i, s] of y.standings.entries()) {
      s.periods.forEach((p, q) => {
        if (p.status === 'warning') {
          expect(q).toBeGreaterThanOrEqual(1);
          expect(y.scores[i]![q]!.score.lt(90) && y.scores[i]![q - 1]!.score.lt(90)).toBe(true);
        }
        if (y.scores[i]![q]!.score.gte(90)) expect(['ok', 'recovered']).toContain(p.status);
      });
    }
  });
});

describe('the year, 4: grades and turnover drive the rebate, paid in advances and the true-up (inventory, rebates)', () => {
  it("D02's turnover comes from its stock's health: 20.04 days, under 30, so × 1.1", () => {
    // COGS = Σ 12 months' demand × unit cost over the 20 SKUs; average inventory = Σ on hand × unit cost.
    const cogs = inventory.skus.reduce((a, s) => a + s.monthlyDemand.reduce((b, m) => b + m, 0) * s.unitCost, 0);
    const average = inventory.skus.reduce((a, s) => a + s.onHand * s.unitCost, 0);
    expect([cogs, average]).toEqual([110_066_990, 6_044_280]);
    // turnover days = 365 × 6,044,280 / 110,066,990 = 2,206,162,200 / 110,066,990 = 20.0438133…
    expect(y.health.turnoverDays!.toString()).toBe(quotient(365n * 6_044_280n, 110_066_990n, 10));
    expect(y.settlements[D02]!.annual!.multipliers.map((m) => m.factor.toString())).toEqual(['1.1', '1']);
  });

  it("D02's year: Gold at 100.36 %, advances 37,435.50 + 22,745.70 + 67,226.85, true-up 71,774.45, rebate 199,182.50", () => {
    // Q1 (cumulative): 1,319,100 of 1,218,000 = 108.3 % → Gold 3 % × 1,319,100 = 39,573.00; award 2 % × (1,319,100
    //   − 1,218,000) = 2,022.00; paid on time 0.97 ≥ 0.9; Silver (2 ≥ 1); 42 days × 1; = 41,595.00;
    //   advance × 0.9 = 37,435.50.
    // Q2: 2,766,100 of 2,736,000 → Gold 82,983.00 + 2 % × 30,100 = 602.00; 66 days × 0.8 → 66,868.00;
    //   × 0.9 = 60,181.20 − 37,435.50 paid = 22,745.70.
    // Q3: 4,273,100 of 4,248,000 → Gold 128,193.00 + 2 % × 25,100 = 502.00; 28 days × 1.1 → 141,564.50; grade
    //   Bronze (1 ≥ 1) × 1; × 0.9 = 127,408.05 − 60,181.20 = 67,226.85.
    // Year: 6,021,500 of 6,000,000 = 1.0035833333 → Gold 3 % × 6,021,500 = 180,645.00 + 2 % × 21,500 = 430.00;
    //   the year's turnover 20.04 days × 1.1 → 181,075.00 × 1.1 = 199,182.50; Q4's grade Bronze × 1.
    //   True-up 199,182.50 − 127,408.05 = 71,774.45. The Gold brand fund: 50,000.
    const s = y.settlements[D02]!;
    expect(str(s.periods.map((p) => p.payment))).toEqual(['37435.5', '22745.7', '67226.85', '71774.45']);
    expect(str(s.periods.slice(0, 3).map((p) => p.rebate))).toEqual(['41595', '66868', '141564.5']);
    expect(s.annual!.basisValue!.toString()).toBe(quotient(6_021_500n, 6_000_000n, 10));
    expect(s.annual!.tier.name).toBe('Gold');
    expect(s.annualRebate!.toString()).toBe('199182.5');
    expect(s.annual!.benefits.map((b) => `${b.name} ${b.amount.toString()}`)).toEqual(['brandFund 50000']);
    expect(37_435.5 + 22_745.7 + 67_226.85 + 71_774.45).toBeCloseTo(199_182.5, 6);
  });

  it('D05 is halved by its payment gate and raised by its Gold grade; D03 earns nothing', () => {
    // D05: 8,634,400 of 7,200,000 = 119.9 % → Gold 3 % × 8,634,400 = 259,032.00; award 2 % × 1,434,400 = 28,688.00;
    // paid on time 0.88 < 0.9 → × 0.5: 287,720.00 → 143,860.00; 50 days × 1; Q4 graded Gold (117.341, complaints 12 h)
    // → × 1.05 = 151,053.00.
    const D05 = at('D05');
    expect(y.scores[D05]![3]!.grade).toBe('Gold');
    expect(y.settlements[D05]!.annualRebate!.toString()).toBe('151053');
    // D03: 6,403,500 of 9,000,000 = 71.15 %, below Bronze's 80 %, and never graded (every quarter below 80): 0.
    const D03 = at('D03');
    expect(y.settlements[D03]!.annualRebate!.toString()).toBe('0');
    expect(y.scores[D03]!.map((s) => s.grade)).toEqual([null, null, null, null]);
  });

  it('D10 (maturity) scores 100.7315 in Q4: a Gold grade, complaints answered in exactly 24 h', () => {
    // Target 6,000,000 × 292/1000 = 1,752,000; net 1,497,000 − 7,500 = 1,489,500.
    // sales 85.02 × 0.25 = 21.255; satisfaction 91.7/90 = 101.89 × 0.10 = 10.189; share 6/5 = 120 × 0.10 = 12;
    // channel 25.1/30 = 83.67 × 0.05 = 4.1835; profit 19.3/15 = 128.67 × 0.30 = 38.601; new products 6.9/20 = 34.5
    // × 0.05 = 1.725; complaints 24 h → 100 × 0.05 = 5; stock 35/45 = 77.78, 100 − 22.22 = 77.78 × 0.10 = 7.778.
    // Sum 100.7315 ≥ 100: Gold; 24 h ≤ 24 h, so the hard standard does not cap it.
    const q4 = y.scores[at('D10')]![3]!;
    expect([q4.score.toString(), q4.grade]).toEqual(['100.7315', 'Gold']);
  });

  it('D01 is advanced in Q1 and clawed back in Q2, when it falls below Bronze', () => {
    // Q1: 1,236,000 of 1,461,600 = 84.6 % → Bronze 1 % = 12,360.00; paid on time 0.88 < 0.9 → × 0.5 = 6,180.00;
    //   24 days → × 1.1 = 6,798.00; graded Bronze (87.5005); advance × 0.9 = 6,118.20.
    // Q2: scored 78.702, no grade: the grade gate zeroes the rebate; 0 − 6,118.20 paid = −6,118.20, clawed back.
    // Q3: 3,953,200 of 5,097,600 = 77.5 %, below Bronze: 0, nothing due; the year (77.2 %) pays 0.
    const s = y.settlements[at('D01')]!;
    expect(str(s.periods.map((p) => p.payment))).toEqual(['6118.2', '-6118.2', '0', '0']);
    expect(s.periods[1]!.calculation.eligible).toBe(false);
  });

  it('the network pays 1,150,794.90 for the year: each dealer’s annual rebate derived', () => {
    // Attainment = 2025 net sales / target; Bronze 1 % from 80 %, Silver 2 % from 90 %, Gold 3 % from 100 % plus
    // 2 % of the excess; × 0.5 if paid on time below 0.9; turnover days × 1.1 under 30, × 0.8 from 61; × 1.05 for a
    // Q4 Gold grade (the Q4 grades the chain carries: D02 Bronze, D04 Bronze, D05 Gold, D10 Gold derived above;
    // D06 Bronze, D08 Silver, D09 Bronze, D11 Bronze; every dealer with a tier is graded, so none is zeroed).
    //   D01 5,556,800 / 7,200,000 = 77.2 %: 0.           D03 6,403,500 / 9,000,000 = 71.2 %: 0.
    //   D07 4,633,000 / 6,000,000 = 77.2 %: 0.           D12 5,568,700 / 7,200,000 = 77.3 %: 0.
    //   D02 199,182.50 (above).                           D05 151,053.00 (above).
    //   D04 6,919,500 / 7,200,000 = 96.1 % Silver 138,390.00, paid on time 0.88 × 0.5 = 69,195.00, 42 days × 1.
    //   D06 9,219,100 / 10,000,000 = 92.2 % Silver 184,382.00, 66 days × 0.8 = 147,505.60.
    //   D08 8,898,300 / 9,000,000 = 98.9 % Silver 177,966.00, 35 days × 1.
    //   D09 6,641,300 / 6,000,000 = 110.7 % Gold 199,239.00 + 2 % × 641,300 = 12,826.00 = 212,065.00, 75 days
    //       × 0.8 = 169,652.00.
    //   D10 5,116,400 / 6,000,000 = 85.3 % Bronze 51,164.00, 35 days × 1, Gold grade × 1.05 = 53,722.20.
    //   D11 8,296,300 / 9,000,000 = 92.2 % Silver 165,926.00, 28 days × 1.1 = 182,518.60.
    // Total 199,182.50 + 69,195 + 151,053 + 147,505.60 + 177,966 + 169,652 + 53,722.20 + 182,518.60 = 1,150,794.90;
    // brand funds: the three Gold dealers D02, D05, D09 × 50,000 = 150,000.
    const expected: Record<string, string> = {
      D01: '0', D02: '199182.5', D03: '0', D04: '69195', D05: '151053', D06: '147505.6',
      D07: '0', D08: '177966', D09: '169652', D10: '53722.2', D11: '182518.6', D12: '0',
    };
    expect(Object.fromEntries(y.settlements.map((s, i) => [network.dealers[i]!.id, s.annualRebate!.toString()]))).toEqual(expected);
    expect(y.scores.map((s) => s[3]!.grade)).toEqual(['Bronze', 'Bronze', null, 'Bronze', 'Gold', 'Bronze', 'Bronze', 'Silver', 'Bronze', 'Gold', 'Bronze', 'Bronze']);
    expect(y.run.totals.totalPaid.toFixed(2)).toBe('1150794.90');
    expect(19_918_250 + 6_919_500 + 15_105_300 + 14_750_560 + 17_796_600 + 16_965_200 + 5_372_220 + 18_251_860).toBe(115_079_490);
    const funds = y.settlements.flatMap((s) => s.annual!.benefits.map((b) => Number(b.amount.toString())));
    expect(funds).toEqual([50_000, 50_000, 50_000]);
  });

  it('law: for every dealer, the advances and the true-up sum exactly to the annual rebate; the run pays their total', () => {
    let annual = y.settlements[0]!.totalPaid.minus(y.settlements[0]!.totalPaid);
    for (const s of y.settlements) {
      const paid = s.periods.reduce((a, p) => a.plus(p.payment), annual.minus(annual));
      expect(paid.toFixed(2)).toBe(s.annualRebate!.toFixed(2));
      expect(s.totalPaid.toFixed(2)).toBe(s.annualRebate!.toFixed(2));
      annual = annual.plus(s.annualRebate!);
    }
    expect(y.run.totals.totalPaid.toFixed(2)).toBe(annual.toFixed(2));
    expect(y.run.rows.map((r) => r.result!.annualRebate!.toFixed(2))).toEqual(y.settlements.map((s) => s.annualRebate!.toFixed(2)));
  });

  it('property: scaling a dealer’s sales never breaks advances + true-up = annual rebate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), fc.array(fc.integer({ min: 50, max: 150 }), { minLength: 4, maxLength: 4 }), (i, pcts) => {
        const base = y.inputs[i % 12]!;
        const s = settleRebate(PROGRAM, { ...base, periods: base.periods.map((p, k) => ({ ...p, sales: Math.round((Number(p.sales) * pcts[k]!) / 100) })) });
        const paid = s.periods.reduce((a, p) => a.plus(p.payment), s.annualRebate!.minus(s.annualRebate!));
        return paid.eq(s.annualRebate!);
      }),
      { seed: 18, numRuns: 60 },
    );
  });
});

describe('the year, 5: points expire each quarter; the loyalty bonus and the profit pool close the year (rebates)', () => {
  it("D02's points: 1,525 earned, 300 redeemed, 1,100 expired at the quarters' ends, 125 live at the year end", () => {
    // Q1: on target (108.3 %) 500 + Silver 2 × 100 + satisfaction 95.1 → 5 × 25 = 125: 825; a 300-point seat on
    //     03-20 leaves 525, expired on 04-01.
    // Q2: below target (95.3 %); Silver 200 + 97.7 → 7 × 25 = 175: 375, expired on 07-01.
    // Q3: below (99.7 %); Bronze 100 + 94.1 → 4 × 25 = 100: 200, expired on 10-01.
    // Q4: below (99.8 %); Bronze 100 + 91.3 → 1 × 25 = 25: 125, live until 12-31.
    const p = y.points[D02]!;
    expect(str(p.grants.map((g) => g.points))).toEqual(['500', '200', '125', '200', '175', '100', '100', '100', '25']);
    expect(str([p.earned, p.redeemed, p.expired, p.balance])).toEqual(['1525', '300', '1100', '125']);
    expect(p.grants.filter((g) => g.date >= '2025-10-01').map((g) => g.lastValid)).toEqual(['2025-12-31', '2025-12-31']);
    expect(p.steps.filter((s) => s.code === 'points-expire').map((s) => (s as { date: string }).date)).toEqual([
      '2025-04-01', '2025-04-01', '2025-04-01', '2025-07-01', '2025-07-01', '2025-10-01', '2025-10-01',
    ]);
  });

  it('law: every ledger balances (earned − redeemed − expired) and keeps only the last quarter’s points', () => {
    for (const p of y.points) {
      expect(p.earned.minus(p.redeemed).minus(p.expired).eq(p.balance)).toBe(true);
      const q4 = p.grants.filter((g) => g.date >= '2025-10-01').reduce((a, g) => a.plus(g.remaining), p.balance.minus(p.balance));
      expect(q4.eq(p.balance)).toBe(true);
    }
  });

  it('loyalty: D02 and D05 have three years on target; 90,482.50 and 111,212.00', () => {
    // D02: 2022 4,704,000 < 4,800,000 (breaks); 2023 5,865,000 ≥ 5,100,000; 2024 6,210,000 ≥ 5,400,000;
    //   2025 6,021,500 ≥ 6,000,000: 3 years, (5,865,000 + 6,210,000 + 6,021,500) × 0.5 % = 18,096,500 × 0.005 = 90,482.50.
    // D05: calculateLoyaltyBonus's published example (src/rebates/loyalty.ts): 22,242,400 × 0.005 = 111,212.
    // Every other dealer misses its 2025 target except D09 (6,641,300 ≥ 6,000,000), whose 2024 (4,860,000 <
    //   5,400,000) leaves a streak of 1, below the 3 that pays: the network pays 90,482.50 + 111,212 = 201,694.50.
    expect([y.loyalty[D02]!.streak, y.loyalty[D02]!.streakSales.toString(), y.loyalty[D02]!.bonus.toString()]).toEqual([3, '18096500', '90482.5']);
    expect(y.loyalty[at('D05')]!.bonus.toString()).toBe('111212');
    expect(y.loyalty[at('D09')]!.streak).toBe(1);
    expect(y.loyalty.map((l) => l.bonus.toString()).filter((b) => b !== '0')).toEqual(['90482.5', '111212']);
  });

  it("the north pool: 584,120; the brand keeps half, D02's share 119,450.37", () => {
    // Revenue 24,901,300; baseline 5,349,000 + 5,322,000 + 6,171,000 + 6,349,000 = 23,191,000; growth 1,710,300.
    // Pool: 30 % × 1,000,000 + 40 % × 710,300 = 300,000 + 284,120 = 584,120.
    // Dealers' own growth: D01 5,556,800 − 5,349,000 = 207,800; D02 6,021,500 − 5,322,000 = 699,500;
    //   D03 6,403,500 − 6,171,000 = 232,500; D04 6,919,500 − 6,349,000 = 570,500; brand = their sum 1,710,300.
    // Quotas of 584,120 by weight / 3,420,600: brand 292,060 exactly; D01 35,485.042…; D02 119,450.371…;
    //   D03 39,702.946…; D04 97,421.639…. Cents floored sum to 584,119.98; the 2 cents left go to the largest
    //   remainders, D04 (0.94 of a cent) and D03 (0.67): D03 39,702.95, D04 97,421.64.
    const north = y.pools[0]!;
    expect(north.increment.toString()).toBe('1710300');
    expect(north.pool.toString()).toBe(String(300_000 + 0.4 * 710_300));
    expect(north.shares.map((s) => `${s.id} ${s.amount.toFixed(2)}`)).toEqual(['brand 292060.00', 'D01 35485.04', 'D02 119450.37', 'D03 39702.95', 'D04 97421.64']);
    expect(quotient(584_120n * 699_500n * 100n, 3_420_600n, 0)).toBe('11945037');
  });

  it('east shares 214,740 among the dealers that grew; south fell short of 2024 and has no pool', () => {
    // East: 31,384,800 − (9,171,000 + 8,857,000 + 4,070,000 + 8,571,000 = 30,669,000) = 715,800 → 30 % = 214,740.
    //   D05 fell (8,634,400 < 9,171,000): weight 0, share 0; the brand's weight 362,100 + 563,000 + 327,300 =
    //   1,252,400 keeps half, 107,370.
    // South: 25,622,700 < 6,720,000 + 4,487,000 + 8,811,000 + 5,912,000 = 25,930,000: no growth, no pool.
    const [, east, south] = y.pools;
    expect([east!.pool.toString(), east!.shares[0]!.amount.toString(), east!.shares.find((s) => s.id === 'D05')!.amount.toString()]).toEqual(['214740', '107370', '0']);
    expect([south!.increment.toString(), south!.pool.toString()]).toEqual(['0', '0']);
    // Network: 584,120 + 214,740 + 0 = 798,860.
    expect(y.pools.reduce((a, p) => a.plus(p.pool), y.pools[0]!.pool.minus(y.pools[0]!.pool)).toString()).toBe('798860');
  });

  it('law: every pool’s shares sum exactly to the pool', () => {
    for (const p of y.pools) expect(p.shares.reduce((a, s) => a.plus(s.amount), p.pool.minus(p.pool)).toFixed(2)).toBe(p.pool.toFixed(2));
  });
});

describe('the year, 6: the risk engine decides which candidates join in 2026 (risk)', () => {
  it('C1 joins with conditions, C2 goes to the committee, C3 is rejected', () => {
    // C3: its registration could not be verified (a knock-out finding, very-high × very-high): rejected whatever else.
    // C2: debt ratio 2024 = 12,239,000 / 15,110,000 = 0.81 > 0.75 → very-high likelihood × high impact → high
    //   (NIST SP 800-30 Table I-2); worst level high: escalate (the policy approves up to low, conditions up to
    //   moderate, escalates up to high).
    // C1: every background and compliance finding is low (very-low × very-high, low × moderate, low × low,
    //   very-low × high → low); its operating cash flow 2,275,000 / current liabilities 13,425,000 = 0.169 is in
    //   [0.15, 0.25) → moderate likelihood × high impact → moderate; worst level moderate: conditional.
    const [c1, c2, c3] = y.assessments;
    expect([c1!.overall.level, c1!.decision]).toEqual(['moderate', 'conditional']);
    expect(c1!.factors.find((f) => f.factor === 'cash-flow')!.residual.level).toBe('moderate');
    expect(c1!.factors.filter((f) => f.category !== 'financial').every((f) => f.residual.level === 'low')).toBe(true);
    expect([c2!.overall.level, c2!.decision]).toEqual(['high', 'escalate']);
    expect(c2!.factors.find((f) => f.factor === 'debt-ratio')!.residual.level).toBe('high');
    expect([c3!.decision, c3!.knockouts.map((k) => k.factor)]).toEqual(['reject', ['registration']]);
    const joining = y.assessments.filter((a) => a.decision === 'approve' || a.decision === 'conditional').map((a) => a.id);
    expect(joining).toEqual(['C1']);
  });
});

describe('the year, 7: the chain is repeatable and leaves its data alone', () => {
  it('running the year again gives the same figures, and the sample data are unchanged', () => {
    const again = runChain();
    const figures = (r: typeof y) => JSON.stringify([r.cascades, r.attainments, r.scores, r.standings, r.health, r.settlements, r.points, r.loyalty, r.pools, r.assessments]);
    expect(figures(again)).toBe(figures(y));
    const raw = (file: string) => JSON.parse(readFileSync(new URL(`../../examples/data/${file}`, import.meta.url), 'utf8'));
    expect(network).toEqual(raw('network.json'));
    expect(candidates).toEqual(raw('candidates.json').candidates);
    expect(inventory).toEqual(raw('skus.json'));
    expect(plan).toEqual(raw('plan.json'));
  });
});

describe('the year, 8: the demo prints the same chain', () => {
  it('examples/demo/year.ts prints the figures derived here', () => {
    const text = yearSection().join('\n');
    for (const figure of [
      '89,800,000',
      '18,229,400',
      '1,218,000',
      '108.30%',
      '95.0155',
      '37,435.50',
      '22,745.70',
      '67,226.85',
      '71,774.45',
      '199,182.50',
      '90,482.50',
      '119,450.37',
      '584,120.00',
      '798,860.00',
      '201,694.50',
      'rebates for the year 1,150,794.90, paid 1,150,794.90',
      'brand funds 150,000',
      'earned 1525, redeemed 300, expired 1100, balance 125',
    ]) {
      expect(text).toContain(figure);
    }
    expect(text).toMatch(/C1\s+moderate\s+-\s+conditional\s+yes/);
    expect(text).toMatch(/C3\s+very-high\s+registration\s+reject\s+no/);
    // The network's paid total is the one the run's totals give.
    expect(text).toContain(`paid ${y.run.totals.totalPaid.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`);
  });
});
