// The figure list of a statement (src/statements/figures.ts): every figure's label, unit, scale,
// source engine and the codes of the engine steps behind it, on the seeds' statement and on the
// variants it does not reach (an advance, a capped scorecard, a tier without a name, a given target);
// and how a figure is printed in each unit, live and read back from JSON.
import { describe, expect, it } from 'vitest';
import { defineRebateProgram } from 'dealerkit';
import { buildDealerStatement } from 'dealerkit/statements';
import { toDecimal } from '../../src/core/decimal.js';
import { separatorsOf } from '../../src/core/format.js';
import { figureText } from '../../src/statements/figures.js';
import { seedsConfig, seedsDealer, seedsKpi } from './seeds.js';

const meta = (s: ReturnType<typeof buildDealerStatement>, section?: string) =>
  s.figures.filter((f) => section === undefined || f.section === section).map((f) => [f.key, f.label, f.unit, f.scale, f.source, f.steps.map((x) => x.code)]);

describe("the seeds' statement's figures", () => {
  const s = buildDealerStatement(seedsConfig, seedsDealer());

  it('carry their labels, units, scales, engines and steps', () => {
    // Target figures read the tracking's steps of their own kind (no 'prorate' step: the quarter is over).
    // The standing figure carries the review's four period steps; the rebate figure the whole calculation.
    expect(meta(s)).toEqual([
      ['target.target', 'Target 2025-Q4', 'amount', 0, 'targets', []],
      ['target.expectedToDate', 'Expected to date', 'amount', 0, 'targets', ['expected-to-date']],
      ['target.actualToDate', 'Actual to date', 'amount', 0, 'targets', ['actual-to-date']],
      ['target.attainment', 'Attainment', 'percent', 2, 'targets', ['attainment']],
      ['target.gap', 'Gap (behind +)', 'amount', 0, 'targets', ['gap']],
      ['target.year.total', 'Year 2025 target', 'amount', 0, 'targets', []],
      ['target.year.actualToDate', 'Year actual to date', 'amount', 0, 'targets', ['actual-to-date']],
      ['target.year.attainment', 'Year attainment to date', 'percent', 2, 'targets', ['attainment']],
      ['target.year.runRateForecast', 'Run-rate forecast (year)', 'amount', 0, 'targets', ['run-rate-forecast']],
      ['target.year.planForecast', 'Forecast if the rest goes to plan', 'amount', 0, 'targets', ['plan-forecast']],
      ['scorecard.stage', 'Stage', 'text', 0, 'kpi', ['stage-weights']],
      ['scorecard.kpi.sales.points', 'Sales: points', 'score', 2, 'kpi', ['kpi-points']],
      ['scorecard.kpi.sales.contribution', 'Sales: contribution', 'score', 2, 'kpi', ['kpi-points']],
      ['scorecard.kpi.satisfaction.points', 'Customer satisfaction: points', 'score', 2, 'kpi', ['kpi-points']],
      ['scorecard.kpi.satisfaction.contribution', 'Customer satisfaction: contribution', 'score', 2, 'kpi', ['kpi-points']],
      ['scorecard.kpi.share.points', 'Market share: points', 'score', 2, 'kpi', ['kpi-points']],
      ['scorecard.kpi.share.contribution', 'Market share: contribution', 'score', 2, 'kpi', ['kpi-points']],
      ['scorecard.kpi.expansion.points', 'Channel expansion: points', 'score', 2, 'kpi', ['kpi-points']],
      ['scorecard.kpi.expansion.contribution', 'Channel expansion: contribution', 'score', 2, 'kpi', ['kpi-points']],
      ['scorecard.score', 'Score', 'score', 2, 'kpi', ['weighted-score']],
      ['scorecard.grade', 'Grade', 'text', 0, 'kpi', ['grade']],
      ['scorecard.rank', 'Rank in the peer group', 'text', 0, 'kpi', []],
      ['scorecard.percentileRank', 'Peers scoring lower', 'percent', 2, 'kpi', []],
      ['scorecard.standing', 'Standing', 'text', 0, 'kpi', ['watch', 'warning', 'exit-review', 'recovered']],
      ['rebate.tier', 'Tier reached', 'text', 0, 'rebates', ['basis', 'tier']],
      ['rebate.netAmount', 'Net sales', 'money', 2, 'rebates', ['basis']],
      ['rebate.basisValue', 'Attainment', 'percent', 2, 'rebates', ['basis']],
      ['rebate.turnoverDays', 'inventoryTurnoverDays (from the stock)', 'days', 1, 'rebates', ['gate', 'multiplier']],
      ['rebate.multiplier', 'Multiplier', 'factor', 0, 'rebates', ['multiplier', 'multiplier-factor']],
      ['rebate.rebate', 'Rebate for the year', 'money', 2, 'rebates', ['basis', 'tier', 'over-achievement', 'gate', 'multiplier', 'multiplier-factor', 'rounding']],
      ['rebate.paidBefore', 'Paid before', 'money', 2, 'rebates', ['true-up']],
      ['rebate.payment', 'Payment due (true-up)', 'money', 2, 'rebates', ['true-up']],
      ['rebate.nextTier', 'Next tier', 'text', 0, 'rebates', []],
      ['rebate.nextTier.salesGap', 'Net sales it needs', 'money', 2, 'rebates', []],
      ['rebate.nextTier.rebateAtThreshold', 'Rebate there', 'money', 2, 'rebates', []],
      ['rebate.nextTier.gain', 'Gain', 'money', 2, 'rebates', []],
      ['points.opening', 'Opening balance', 'points', 0, 'rebates', ['points-earn', 'points-earn', 'points-redeem', 'points-expire', 'points-earn', 'points-redeem', 'points-balance']],
      ['points.earned', 'Earned', 'points', 0, 'rebates', ['points-earn', 'points-earn', 'points-earn']],
      ['points.redeemed', 'Redeemed', 'points', 0, 'rebates', ['points-redeem', 'points-redeem']],
      ['points.expired', 'Expired', 'points', 0, 'rebates', ['points-expire']],
      ['points.balance', 'Balance', 'points', 0, 'rebates', ['points-balance']],
      ['points.expiring', 'Expiring after 2025-12-31', 'points', 0, 'rebates', ['points-earn', 'points-earn', 'points-earn']],
      // SKU-A's plan for the line below its reorder point, SKU-B's for the one above its maximum.
      ['stock.belowReorderPoint', 'SKUs at or below their reorder point', 'count', 0, 'inventory', ['reorder-point', 'max', 'status']],
      ['stock.aboveMax', 'SKUs above their maximum', 'count', 0, 'inventory', ['reorder-point', 'max', 'status']],
      ['stock.turnoverDays', 'Turnover days', 'days', 1, 'inventory', ['turnover-days']],
      ['stock.slowMovingShare', 'Slow-moving share of value', 'percent', 2, 'inventory', ['slow-moving']],
      ['stock.slowMovingCount', 'Slow-moving SKUs', 'count', 0, 'inventory', ['slow-moving']],
      ['stock.inventoryValue', 'Stock value at cost', 'money', 2, 'inventory', ['inventory-value']],
      ['stock.orderValue', 'Suggested orders (1)', 'money', 2, 'inventory', ['order-value']],
    ]);
  });

  it("the stock counts' steps are the flagged SKUs' own plan steps", () => {
    const below = s.figures.find((f) => f.key === 'stock.belowReorderPoint')!.steps as unknown as { code: string; text: string }[];
    const above = s.figures.find((f) => f.key === 'stock.aboveMax')!.steps as unknown as { code: string; text: string }[];
    // SKU-A: 10 a day over 10 days = 100; SKU-B: 1 a day over 5 days = 5, max 5 + 100 = 105.
    expect(below.find((x) => x.code === 'status')!.text).toContain('80');
    expect(above.find((x) => x.code === 'status')!.text).toContain('150');
    expect(below.find((x) => x.code === 'status')!.text).not.toContain('150');
  });
});

describe('figures on the variants', () => {
  it('mid-quarter: the prorated target, the advance and the payment due', () => {
    const d = seedsDealer();
    const stock = { ...d.stock!, items: d.stock!.items.map(({ receivedOn: _, ...item }) => item) };
    const s = buildDealerStatement({ ...seedsConfig, asOf: '2025-11-15' }, { ...d, stock, points: d.points!.slice(0, 4) });
    const target = meta(s, 'target').map((x) => [x[0], x[5]]);
    // November is half through: its target is prorated, so the period's target and expected figures carry 'prorate'.
    expect(target.slice(0, 2)).toEqual([
      ['target.target', ['prorate']],
      ['target.expectedToDate', ['prorate', 'expected-to-date']],
    ]);
    // 153,920 to date, 90 % of it earned as the advance: 138,528; 138,528 − 104,328 = 34,200 due.
    expect(s.figures.filter((f) => f.section === 'rebate' && /rebate\.(rebate|advance|paidBefore|payment)$/.test(f.key)).map((f) => [f.key, f.label, f.text, f.steps.map((x) => x.code)])).toEqual([
      ['rebate.rebate', 'Rebate to date', '153,920.00', ['basis', 'tier', 'over-achievement', 'gate', 'multiplier', 'multiplier-factor', 'rounding']],
      ['rebate.advance', 'Advance earned (after holdback)', '138,528.00', ['advance']],
      ['rebate.paidBefore', 'Paid before', '104,328.00', ['advance']],
      ['rebate.payment', 'Payment due', '34,200.00', ['advance']],
    ]);
  });

  it('a score capped by a gate: the score and grade figures carry the gate', () => {
    // Satisfaction 92 fails the gate "≥ 95", which caps the score at 95: 101.83 → 95, Bronze (90 to 100).
    const card = { ...seedsConfig.kpi!.scorecard, gates: [{ kpi: 'satisfaction', op: '>=' as const, value: toDecimal(95), effect: { capScore: toDecimal(95) } }] };
    const s = buildDealerStatement({ period: '2025-Q4', kpi: { scorecard: card } }, { id: 'a', kpi: seedsKpi });
    expect(meta(s, 'scorecard').filter((x) => x[0] === 'scorecard.score' || x[0] === 'scorecard.grade').map((x) => [x[0], x[5]])).toEqual([
      ['scorecard.score', ['weighted-score', 'gate', 'score']],
      ['scorecard.grade', ['gate', 'grade']],
    ]);
    expect(s.figures.find((f) => f.key === 'scorecard.score')!.text).toBe('95.00');
    expect(s.figures.find((f) => f.key === 'scorecard.grade')!.text).toBe('Bronze');
  });

  it('a score below every grade prints the dash, and no rank or standing without peers or rule', () => {
    // Every KPI at 80 % of target: 80 points under any weights, below Bronze's 90.
    const kpi = { stage: 'maturity', actuals: { sales: 2_000_000, satisfaction: 72, share: 4, expansion: 24 }, targets: seedsKpi.targets! };
    const s = buildDealerStatement({ period: '2025-Q4', kpi: { scorecard: seedsConfig.kpi!.scorecard } }, { id: 'a', kpi });
    expect(s.figures.filter((f) => f.section === 'scorecard' && !f.key.startsWith('scorecard.kpi.')).map((f) => [f.key, f.text])).toEqual([
      ['scorecard.stage', 'maturity'],
      ['scorecard.score', '80.00'],
      ['scorecard.grade', '—'],
    ]);
    expect(s.steps[1]).toEqual({ code: 'statement-scorecard', text: 'Score 80.00 under maturity weights: no grade (scoreDealer)' });
  });

  it('tiers without a name are numbered from 1; an amount basis has no basis figure; benefits are listed', () => {
    // A program on net sales: tier 1 from 0 at 1 %, tier 2 from 1,000 at 2 % with a 300 brand fund, tier 3 from 5,000 at 3 %.
    const program = {
      currency: 'EUR',
      rounding: { stage: 'line' as const },
      basis: 'amount' as const,
      method: 'retroactive' as const,
      tiers: [{ from: 0, rate: '0.01' }, { from: 1000, rate: '0.02', benefits: { brandFund: 300 } }, { from: 5000, rate: '0.03' }],
      settlement: { advance: 'cumulative' as const, negativeTrueUp: 'clawback' as const },
    };
    const config = { period: '2025-Q4', rebate: { program: defineRebateProgram(program) } };
    // 2,000 of net sales: tier 2, 2 % × 2,000 = 40; the next tier needs 3,000 more, 3 % × 5,000 = 150 there, +110.
    const s = buildDealerStatement(config, { id: 'a', rebate: { periods: [{ period: '2025-Q4', sales: 2000 }] } });
    expect(s.currency).toBe('EUR');
    expect(s.figures.map((f) => [f.key, f.label, f.text])).toEqual([
      ['rebate.tier', 'Tier reached', 'tier 2'],
      ['rebate.netAmount', 'Net sales', '2,000.00'],
      ['rebate.multiplier', 'Multiplier', '× 1'],
      ['rebate.rebate', 'Rebate for the year', '40.00'],
      ['rebate.paidBefore', 'Paid before', '0.00'],
      ['rebate.payment', 'Payment due (true-up)', '40.00'],
      ['rebate.benefit.brandFund', 'Benefit: brandFund', '300.00'],
      ['rebate.nextTier', 'Next tier', 'tier 3'],
      ['rebate.nextTier.salesGap', 'Net sales it needs', '3,000.00'],
      ['rebate.nextTier.rebateAtThreshold', 'Rebate there', '150.00'],
      ['rebate.nextTier.gain', 'Gain', '110.00'],
    ]);
    expect(s.figures.find((f) => f.key === 'rebate.benefit.brandFund')!.steps.map((x) => x.code)).toEqual(['tier']);
    expect(s.steps.find((x) => x.code === 'statement-rebate')!.text).toBe('2025-Q4: tier 2 reached, rebate for the year 40.00; the true-up pays 40.00 after 0.00 paid before (settleRebate)');
  });

  it('a given target with decimals keeps its places', () => {
    // 1,000.25 target, 900.5 sold: 900.5 / 1,000.25 = 0.9002749…, gap 99.75.
    const s = buildDealerStatement({ period: '2025-Q4' }, { id: 'a', target: '1000.25', actuals: { '2025-Q4': '900.5' } });
    expect(s.target!.scale).toBe(2);
    expect(s.figures.map((f) => [f.key, f.label, f.text, f.steps.length])).toEqual([
      ['target.target', 'Target 2025-Q4', '1,000.25', 0],
      ['target.actualToDate', 'Actual to date', '900.50', 0],
      ['target.attainment', 'Attainment', '90.03 %', 0],
      ['target.gap', 'Gap (behind +)', '99.75', 0],
    ]);
    expect(s.target!.attainment!.toString()).toBe('0.9002749313');
  });
});

describe('figureText', () => {
  const en = separatorsOf(undefined, []);
  const de = separatorsOf('de', []);
  it('prints each unit: amounts at their scale, percentages, factors, counts, text as is', () => {
    const d = toDecimal;
    expect(figureText('money', d('1234567.891'), 2, en)).toBe('1,234,567.89');
    expect(figureText('money', d('1234567.891'), 2, de)).toBe('1.234.567,89');
    expect(figureText('amount', d('-1234.5'), 0, en)).toBe('-1,235');
    expect(figureText('percent', d('0.96245'), 2, en)).toBe('96.25 %');
    expect(figureText('factor', d('1.25'), 0, en)).toBe('× 1.25');
    expect(figureText('factor', d('1234.5'), 0, de)).toBe('× 1.234,5');
    expect(figureText('count', d('12345'), 0, en)).toBe('12,345');
    expect(figureText('days', d('70.04'), 1, en)).toBe('70.0');
    expect(figureText('text', 'Silver', 0, en)).toBe('Silver');
    expect(figureText('money', null, 2, en)).toBe('—');
    expect(figureText('money', undefined, 2, en)).toBe('—');
  });

  it('plain numbers (statistics) by unit: counts as they are, the rest at their scale', () => {
    expect(figureText('count', 12345, 0, en)).toBe('12,345');
    expect(figureText('count', 1234.5, 0, de)).toBe('1.234,5');
    expect(figureText('days', 1234.56, 1, en)).toBe('1,234.6');
    expect(figureText('score', 5, 2, en)).toBe('5.00');
  });

  it('a statement read back from JSON: plain decimal strings are figures again, text stays text', () => {
    expect(figureText('money', '49592', 2, en)).toBe('49,592.00');
    expect(figureText('money', '-0.5', 2, en)).toBe('-0.50');
    expect(figureText('percent', '0.95', 2, en)).toBe('95.00 %');
    expect(figureText('factor', '0.8', 0, en)).toBe('× 0.8');
    expect(figureText('count', '3', 0, en)).toBe('3');
    // A text that looks like a number is printed as it is; strings that are not plain decimals too.
    expect(figureText('text', '12345', 0, en)).toBe('12345');
    expect(figureText('money', '1e5', 2, en)).toBe('1e5');
    expect(figureText('money', 'x12', 2, en)).toBe('x12');
    expect(figureText('money', '12x', 2, en)).toBe('12x');
    expect(figureText('money', '12.', 2, en)).toBe('12.');
    expect(figureText('money', '2 of 3', 2, en)).toBe('2 of 3');
  });
});
