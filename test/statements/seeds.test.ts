// The statement of the seeds' dealer (test/statements/seeds.ts), checked figure by figure against
// derivations written out here by hand. Nothing below is computed the way the code computes it.
import { describe, expect, it } from 'vitest';
import { buildDealerStatement, explainDealerStatement } from 'dealerkit/statements';
import { seedsConfig, seedsDealer } from './seeds.js';

const s = buildDealerStatement(seedsConfig, seedsDealer());
const figure = (key: string) => s.figures.find((f) => f.key === key);

describe("the seeds' dealer's 2025-Q4 statement, figure by figure", () => {
  it('reads the period from the cascade: 2025-Q4 is 2025-10-01 to 2025-12-31, as of its last day', () => {
    expect([s.period, s.start, s.end, s.asOf]).toEqual(['2025-Q4', '2025-10-01', '2025-12-31', '2025-12-31']);
  });

  it('target and pace: 10,000,000 spread evenly is 2,500,000 a quarter; the quarter sold 2,400,000 − 25,000', () => {
    // Net Q4 = 2,400,000 − 25,000 = 2,375,000 (the rebate periods' net sales are the actuals).
    // The quarter is over on 2025-12-31: all 2,500,000 is due; 2,375,000 / 2,500,000 = 95.00 %; gap 125,000.
    // Year: 2,400,000 + 2,420,000 + 2,425,000 + 2,375,000 = 9,620,000 of 10,000,000 = 96.20 %;
    // run rate 9,620,000 × 365 / 365 = 9,620,000; plan forecast 9,620,000 + (10,000,000 − 10,000,000).
    expect(s.figures.filter((f) => f.section === 'target').map((f) => [f.key, f.text])).toEqual([
      ['target.target', '2,500,000'],
      ['target.expectedToDate', '2,500,000'],
      ['target.actualToDate', '2,375,000'],
      ['target.attainment', '95.00 %'],
      ['target.gap', '125,000'],
      ['target.year.total', '10,000,000'],
      ['target.year.actualToDate', '9,620,000'],
      ['target.year.attainment', '96.20 %'],
      ['target.year.runRateForecast', '9,620,000'],
      ['target.year.planForecast', '9,620,000'],
    ]);
    expect([s.target!.attainment!.toString(), s.target!.gap!.toString(), s.target!.year!.attainment!.toString()]).toEqual(['0.95', '125000', '0.962']);
  });

  it('scorecard under maturity weights: 47.5 + 30.67 + 12 + 11.67 = 101.83, Silver, 2nd of 3, recovered', () => {
    // The scorecard keeps exact lines (no rounding given). Sales 2,375,000 / 2,500,000 = 95 % → 95
    // points × 0.5 = 47.5. Satisfaction 92 / 90 = 102.22…% → × 0.3 = 92/3 = 30.666…
    // Share 6 / 5 = 120 % → × 0.1 = 12. Expansion 35 / 30 = 116.66…% → × 0.1 = 35/3 = 11.666…
    // Σ = 59.5 + 127/3 = 611/6 = 101.8333… ≥ 100: Silver (shown to 2 places). Peers: 100 (all on target) and 110 (all 10 % above): rank 2 of 3,
    // and 1 of the 2 others scores lower: 50 %.
    // Standing (benchmark 90, 2 in a row, 3 months' grace): Q1 88 watch, Q2 86 warning, Q3 85
    // (3 months after the warning quarter) exit review, Q4 101.833 recovered.
    expect(s.figures.filter((f) => f.section === 'scorecard').map((f) => [f.key, f.text])).toEqual([
      ['scorecard.stage', 'maturity'],
      ['scorecard.kpi.sales.points', '95.00'],
      ['scorecard.kpi.sales.contribution', '47.50'],
      ['scorecard.kpi.satisfaction.points', '102.22'],
      ['scorecard.kpi.satisfaction.contribution', '30.67'],
      ['scorecard.kpi.share.points', '120.00'],
      ['scorecard.kpi.share.contribution', '12.00'],
      ['scorecard.kpi.expansion.points', '116.67'],
      ['scorecard.kpi.expansion.contribution', '11.67'],
      ['scorecard.score', '101.83'],
      ['scorecard.grade', 'Silver'],
      ['scorecard.rank', '2 of 3'],
      ['scorecard.percentileRank', '50.00 %'],
      ['scorecard.standing', 'recovered'],
    ]);
    expect(s.scorecard!.score.toFixed(10)).toBe('101.8333333333');
    expect(s.scorecard!.standing!.periods.map((p) => p.status)).toEqual(['watch', 'warning', 'exit-review', 'recovered']);
  });

  it('rebate: the true-up of a Silver year at × 0.8, the turnover fed from the stock (70 days)', () => {
    // Stock: 365 days × 1,400,000 / 7,300,000 = 70 turnover days, in the band from 61: × 0.8.
    // Advances (cumulative, 10 % held back, 70 days in every earlier quarter):
    //   Q1 2,400,000 / 2,500,000 = 96 %: 2 % × 2,400,000 = 48,000 × 0.8 = 38,400 × 0.9 = 34,560;
    //   Q2 4,820,000 / 5,000,000 = 96.4 %: 96,400 × 0.8 = 77,120 × 0.9 = 69,408 (pays 34,848);
    //   Q3 7,245,000 / 7,500,000 = 96.6 %: 144,900 × 0.8 = 115,920 × 0.9 = 104,328 (pays 34,920).
    // Year: 9,620,000 / 10,000,000 = 96.2 %: Silver, 2 % × 9,620,000 = 192,400 × 0.8 = 153,920;
    // on time 0.97 ≥ 0.9 passes; the true-up pays 153,920 − 104,328 = 49,592.
    // Gold at 100 % needs 380,000 more: 3 % × 10,000,000 = 300,000 × 0.8 = 240,000, +86,080.
    expect(s.figures.filter((f) => f.section === 'rebate').map((f) => [f.key, f.text])).toEqual([
      ['rebate.tier', 'Silver'],
      ['rebate.netAmount', '9,620,000.00'],
      ['rebate.basisValue', '96.20 %'],
      ['rebate.turnoverDays', '70.0'],
      ['rebate.multiplier', '× 0.8'],
      ['rebate.rebate', '153,920.00'],
      ['rebate.paidBefore', '104,328.00'],
      ['rebate.payment', '49,592.00'],
      ['rebate.nextTier', 'Gold'],
      ['rebate.nextTier.salesGap', '380,000.00'],
      ['rebate.nextTier.rebateAtThreshold', '240,000.00'],
      ['rebate.nextTier.gain', '86,080.00'],
    ]);
    expect(s.rebate!.kind).toBe('final');
    expect(s.rebate!.settlement.periods.map((p) => p.payment.toString())).toEqual(['34560', '34848', '34920', '49592']);
    expect(s.rebate!.turnover).toMatchObject({ metric: 'inventoryTurnoverDays', gatePassed: null });
    expect([s.rebate!.turnover!.days.toString(), s.rebate!.turnover!.factor!.toString()]).toEqual(['70', '0.8']);
  });

  it('points: 240 at the start, 300 earned (400 capped at 300 a quarter), 150 redeemed, 40 expired, 350 left, 50 expiring', () => {
    // May: 2 × 50 = 100 (valid to 2025-09-30, two quarters); August: 4 × 50 = 200 (to 2025-12-31);
    // 15 September redeems 60 from May's (40 left); 1 October May's 40 expire; 20 October training
    // 4 × 100 = 400, capped at 300 a quarter (to 2026-03-31); 30 November redeems 150 from August's
    // (50 left). Opening on 1 October (before its expiry): 40 + 200 = 240; closing 50 + 300 = 350 =
    // 240 + 300 − 150 − 40; expiring after 2025-12-31: August's 50. The January 2026 event is pending.
    expect(s.figures.filter((f) => f.section === 'points').map((f) => [f.key, f.text])).toEqual([
      ['points.opening', '240'],
      ['points.earned', '300'],
      ['points.redeemed', '150'],
      ['points.expired', '40'],
      ['points.balance', '350'],
      ['points.expiring', '50'],
    ]);
    expect(s.warnings).toContainEqual({ code: 'pending-events', message: expect.any(String), path: ['points', 5] });
  });

  it('stock: SKU-A at its reorder point, SKU-B above its maximum, 80.25 % of the value slow-moving', () => {
    // σ = 0, so safety stock 0. SKU-A: reorder point 10 × 10 = 100, position 80 ≤ 100: reorder;
    // order max(100, 100 − 80) = 100, value 100 × 100 = 10,000. SKU-B: reorder point 1 × 5 = 5, max
    // 5 + 100 = 105; position 150 > 105: overstock by 45. SKU-C: no demand, reorder point 0, max 100, 50: ok.
    // Value 80 × 100 + 150 × 200 + 50 × 50 = 8,000 + 30,000 + 2,500 = 40,500; slow-moving: SKU-B
    // (150 days of supply > 90) and SKU-C (stock, no demand): 32,500 / 40,500 = 80.2469… %.
    expect(s.figures.filter((f) => f.section === 'stock').map((f) => [f.key, f.text])).toEqual([
      ['stock.belowReorderPoint', '1'],
      ['stock.aboveMax', '1'],
      ['stock.turnoverDays', '70.0'],
      ['stock.slowMovingShare', '80.25 %'],
      ['stock.slowMovingCount', '2'],
      ['stock.inventoryValue', '40,500.00'],
      ['stock.orderValue', '10,000.00'],
    ]);
    expect(s.stock!.belowReorderPoint).toEqual([{ id: 'SKU-A', name: 'washer A', status: 'reorder', position: 80, reorderPoint: 100, max: 200, suggestedOrder: 100, excess: 0 }]);
    expect(s.stock!.aboveMax).toEqual([{ id: 'SKU-B', name: 'fridge B', status: 'overstock', position: 150, reorderPoint: 5, max: 105, suggestedOrder: 0, excess: 45 }]);
    expect(s.stock!.slowMovingShare.toString()).toBe('0.8024691358');
  });

  it('lists every figure once, each with its source engine and that engine\'s steps', () => {
    expect(new Set(s.figures.map((f) => f.key)).size).toBe(s.figures.length);
    const sources = Object.fromEntries(s.figures.map((f) => [f.section, f.source]));
    expect(sources).toEqual({ target: 'targets', scorecard: 'kpi', rebate: 'rebates', points: 'rebates', stock: 'inventory' });
    expect(figure('rebate.payment')!.steps.map((x) => x.code)).toEqual(['true-up']);
    expect(figure('target.attainment')!.steps.map((x) => x.code)).toEqual(['attainment']);
    expect(figure('scorecard.kpi.sales.points')!.steps[0]).toMatchObject({ code: 'kpi-points', kpi: 'sales' });
    expect(figure('stock.turnoverDays')!.steps.map((x) => x.code)).toEqual(['turnover-days']);
    expect(figure('points.earned')!.steps.map((x) => x.code)).toEqual(['points-earn', 'points-earn', 'points-earn']);
  });

  it('says how it was put together, section by section', () => {
    expect(s.steps.map((x) => x.code)).toEqual(['statement-period', 'statement-target', 'statement-scorecard', 'turnover-feed', 'statement-rebate', 'statement-points', 'statement-stock']);
    expect(s.steps[3]!.text).toBe("inventoryTurnoverDays 70.0 from the stock's health figures (analyzeInventoryHealth) fed to the rebate for 2025-Q4: multiplier × 0.8");
    expect(s.steps[4]!.text).toBe('2025-Q4: Silver reached, rebate for the year 153,920.00; the true-up pays 49,592.00 after 104,328.00 paid before (settleRebate)');
    expect(s.steps[5]!.text).toBe('Points: 240 at the start + 300 earned − 150 redeemed − 40 expired = 350; 50 expire after 2025-12-31 (accruePoints)');
  });

  it('explains itself in the engines\' words', () => {
    const e = explainDealerStatement(s);
    expect(e[0]).toBe('SEEDS Seeds Dealer, 2025-Q4 (2025-10-01 to 2025-12-31), as of 2025-12-31.');
    expect(e).toContain('2025-Q4: target 2,500,000, actual 2,375,000 (95.00 %).');
    expect(e).toContain('Rank 2 of 3 in the peer group; 50.00 % of the other dealers score lower.');
    expect(e).toContain('Gold at 100.00 % of target needs 380,000.00 more net sales; the rebate would then be 240,000.00 (+86,080.00).');
    expect(e).toContain("2025-10-20 training: 4 × 100 = 400 points, 300 within the quarter's cap of 300 (0 used before), valid through 2026-03-31");
    // The year's tier sentence is said once (by the settlement), then the calculation's gates and next tier.
    expect(e.filter((x) => x.includes('Silver reached at 96.20 %'))).toHaveLength(1);
    expect(e.some((x) => x.startsWith('SKU-A: reorder'))).toBe(true);
    expect(explainDealerStatement(s, { locale: 'de' })).toContain('2025-Q4: target 2.500.000, actual 2.375.000 (95,00 %).');
  });
});
