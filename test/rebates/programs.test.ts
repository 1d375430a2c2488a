import { describe, expect, it } from 'vitest';
import { accrueRebate, defineRebateProgram, loyaltyBonus, pointsLedger, qualifyLevel, shareProfitPool, type PointsLedgerRules } from 'dealerkit';
import { strs, thrown, sapProgram } from './helpers.js';

const sap = sapProgram;
const year = { periodStart: '2025-01-01', periodEnd: '2025-12-31' };

describe('accrueRebate', () => {
  it("run-rate: 12,000 in 181 of 365 days projects 24,198.90, the 4 % tier; 4 % of the 12,000 to date is accrued", () => {
    const a = accrueRebate(sap, { salesToDate: 12000, ...year, asOf: '2025-06-30', method: 'run-rate' });
    expect([a.elapsedDays, a.periodDays]).toEqual([181, 365]);
    // 12,000 × 365 / 181 = 24,198.895…; 4 % → 967.955… → 967.96; × 12,000 / 24,198.895… = 967.96 × 181 / 365 = 480.0021… → 480.00.
    expect(a.projectedNet.toFixed(4)).toBe('24198.8950');
    expect(a.projected.rebate.toString()).toBe('967.96');
    expect(a.projected.tier.index).toBe(2);
    expect(a.accrual.toString()).toBe('480');
    // The rebate if the year ended today: 2 % × 12,000.
    expect(a.actualToDate.rebate.toString()).toBe('240');
    expect(a.effectiveRate!.toFixed(6)).toBe('0.040000');
  });
  it("actual: the year ends today, 240; forecast 30,000 → 1,200 × 12,000 / 30,000 = 480", () => {
    const actual = accrueRebate(sap, { salesToDate: 12000, ...year, asOf: '2025-06-30', method: 'actual' });
    expect([actual.accrual.toString(), actual.projectedNet.toString()]).toEqual(['240', '12000']);
    const f = accrueRebate(sap, { salesToDate: 12000, returnsToDate: 0, ...year, asOf: '2025-06-30', method: 'forecast', forecast: { sales: 30000 } });
    expect([f.projected.rebate.toString(), f.accrual.toString()]).toEqual(['1200', '480']);
  });
  it('a quantity program accrues by units: 10 units in 5 of 10 days → 20 projected → 127.5 × 10 / 20 = 63.75', () => {
    const stripe = defineRebateProgram({
      currency: 'USD',
      rounding: { stage: 'line' },
      basis: 'quantity',
      method: 'incremental',
      tiers: [{ upTo: 5, perUnit: 7 }, { upTo: 10, perUnit: '6.5' }, { upTo: null, perUnit: 6 }],
    });
    const a = accrueRebate(stripe, { salesToDate: 0, quantityToDate: 10, periodStart: '2025-01-01', periodEnd: '2025-01-10', asOf: '2025-01-05', method: 'run-rate' });
    expect([a.projected.rebate.toString(), a.accrual.toString(), a.actualToDate.rebate.toString(), a.effectiveRate]).toEqual(['127.5', '63.75', '67.5', null]);
    expect(thrown(() => accrueRebate(stripe, { salesToDate: 0, quantityToDate: 1, ...year, asOf: '2025-06-30', method: 'forecast', forecast: { sales: 0 } })).message).toBe(
      "[dealerkit] forecast.quantity: is required (the program's basis or perUnit amounts need units)",
    );
  });
  it('nothing sold: accrual 0', () => {
    expect(accrueRebate(sap, { salesToDate: 0, ...year, asOf: '2025-03-31', method: 'run-rate' }).accrual.toString()).toBe('0');
  });
  it('bad input', () => {
    expect(thrown(() => accrueRebate(sap, { salesToDate: 1, ...year, asOf: '2026-01-01', method: 'actual' })).message).toBe(
      '[dealerkit] asOf: must be within the period 2025-01-01 to 2025-12-31, received 2026-01-01',
    );
    expect(thrown(() => accrueRebate(sap, { salesToDate: 1, periodStart: '2025-12-31', periodEnd: '2025-01-01', asOf: '2025-06-01', method: 'actual' })).message).toBe(
      '[dealerkit] periodEnd: must not be before periodStart (2025-12-31), received 2025-01-01',
    );
    expect(thrown(() => accrueRebate(sap, { salesToDate: 1, ...year, asOf: '2025-06-01', method: 'forecast' })).message).toBe(
      "[dealerkit] forecast: is required by method 'forecast'",
    );
    expect(thrown(() => accrueRebate(sap, { salesToDate: 1, ...year, asOf: '2025-06-01', method: 'actual', forecast: { sales: 1 } })).message).toBe(
      "[dealerkit] forecast: is used by method 'forecast' only, not 'actual'",
    );
    expect(thrown(() => accrueRebate(sap, { salesToDate: 100, ...year, asOf: '2025-06-01', method: 'forecast', forecast: { sales: 50 } })).message).toBe(
      '[dealerkit] forecast.sales: must not be below the net sales to date (100), received 50',
    );
    expect(thrown(() => accrueRebate(sap, { salesToDate: 1, ...year, asOf: '2025-02-30', method: 'actual' })).message).toBe(
      '[dealerkit] asOf: is not a calendar date (2025-02 has 28 days), received "2025-02-30"',
    );
  });
});

describe('qualifyLevel', () => {
  const levels = [
    { name: 'Bronze', criteria: [{ metric: 'sales', value: 3000000 }] },
    { name: 'Silver', criteria: [{ metric: 'sales', value: 5000000 }, { metric: 'coverage', value: '0.5' }], rate: '0.02' },
    { name: 'Gold', criteria: [{ metric: 'sales', value: 8000000 }, { metric: 'coverage', value: '0.7' }], rate: '0.03', benefits: { brandFund: 200000 } },
  ];
  it('the highest level whose criteria all hold, and what the next one lacks', () => {
    const q = qualifyLevel(levels, { sales: 8634400, coverage: '0.62' });
    expect(q.level).toMatchObject({ index: 1, name: 'Silver', benefits: [] });
    expect(q.level!.rate!.toString()).toBe('0.02');
    expect(q.levels.map((l) => l.qualified)).toEqual([true, true, false]);
    expect(q.next!.failed.map((c) => [c.metric, c.shortfall.toString()])).toEqual([['coverage', '0.08']]);
  });
  it('Gold with its brand fund; exactly at the criteria qualifies', () => {
    const q = qualifyLevel(levels, { sales: 8000000, coverage: '0.7' });
    expect(q.level!.name).toBe('Gold');
    expect(q.level!.benefits.map((b) => [b.name, b.amount.toString()])).toEqual([['brandFund', '200000']]);
    expect(q.next).toBeNull();
  });
  it('no level: null, and the lowest level is next', () => {
    const q = qualifyLevel(levels, { sales: 2500000, coverage: 1 });
    expect(q.level).toBeNull();
    expect(q.next!.name).toBe('Bronze');
    expect(q.next!.failed[0]!.shortfall.toString()).toBe('500000');
  });
  it('upper-bound criteria report how far above they are; a strict miss by 0 reports 0', () => {
    const q = qualifyLevel(
      [{ name: 'Fast', criteria: [{ metric: 'days', op: '<=', value: 30 }, { metric: 'score', op: '>', value: 80 }, { metric: 'late', op: '<', value: 2 }] }],
      { days: 45, score: 80, late: 1 },
    );
    expect(q.levels[0]!.criteria.map((c) => [c.passed, c.shortfall.toString()])).toEqual([
      [false, '15'],
      [false, '0'],
      [true, '0'],
    ]);
  });
  it('bad input', () => {
    expect(thrown(() => qualifyLevel(levels, { sales: 1 })).message).toBe('[dealerkit] metrics.coverage: is required by levels[1].criteria[1]');
    expect(thrown(() => qualifyLevel([levels[0]!, levels[0]!], { sales: 1 })).message).toBe('[dealerkit] levels[1].name: "Bronze" is listed twice (first at levels[0])');
    expect(thrown(() => qualifyLevel([], {})).message).toBe('[dealerkit] levels: must hold at least 1 item');
    expect(thrown(() => qualifyLevel([{ name: 'A', criteria: [] }], {})).message).toBe('[dealerkit] levels[0].criteria: must hold at least 1 item');
  });
});

describe('pointsLedger', () => {
  const rules: PointsLedgerRules = {
    earn: [
      { id: 'newCustomer', pointsPerUnit: 50 },
      { id: 'training', pointsPerUnit: 20, maxPerQuarter: 40 },
      { id: 'satisfaction', pointsPerUnit: '1.5', maxPerEvent: 100 },
    ],
    expiry: { quarters: 1 },
  };
  it('earns with caps, redeems oldest first, clears at the quarter end', () => {
    const l = pointsLedger(
      rules,
      [
        { date: '2025-01-10', type: 'earn', rule: 'newCustomer', quantity: 2 },
        { date: '2025-02-03', type: 'earn', rule: 'training', quantity: 3 },
        { date: '2025-03-20', type: 'redeem', points: 120 },
        { date: '2025-04-02', type: 'earn', rule: 'newCustomer', quantity: 1 },
      ],
      { asOf: '2025-04-30' },
    );
    // 100 + min(60, 40 per quarter) = 140; redeem 120 = 100 (Jan) + 20 (Feb); the Feb grant's last 20 expire on 2025-04-01; +50 in April.
    expect(strs([l.balance, l.earned, l.redeemed, l.expired])).toEqual(['50', '190', '120', '20']);
    expect(l.grants.map((g) => [g.date, g.points.toString(), g.capped.toString(), g.lastValid, g.remaining.toString()])).toEqual([
      ['2025-01-10', '100', '0', '2025-03-31', '0'],
      ['2025-02-03', '40', '20', '2025-03-31', '0'],
      ['2025-04-02', '50', '0', '2025-06-30', '50'],
    ]);
    expect(l.redemptions[0]!.from.map((f) => [f.grant, f.points.toString()])).toEqual([
      [0, '100'],
      [1, '20'],
    ]);
    expect(l.grants[1]!.history.map((h) => [h.date, h.type, h.points.toString(), h.event])).toEqual([
      ['2025-02-03', 'earn', '40', 1],
      ['2025-03-20', 'redeem', '20', 2],
      ['2025-04-01', 'expire', '20', null],
    ]);
  });
  it('points are live through their last day and gone the day after', () => {
    const events = [{ date: '2025-03-31', type: 'earn' as const, rule: 'newCustomer', quantity: 1 }];
    expect(pointsLedger(rules, events, { asOf: '2025-03-31' }).balance.toString()).toBe('50');
    expect(pointsLedger(rules, events, { asOf: '2025-04-01' }).expired.toString()).toBe('50');
  });
  it('per-event caps, whole points rounded down, a second quarter restarts the quarterly cap', () => {
    const l = pointsLedger(
      rules,
      [
        { date: '2025-01-05', type: 'earn', rule: 'satisfaction', quantity: 92 },
        { date: '2025-01-06', type: 'earn', rule: 'satisfaction', quantity: 3 },
        { date: '2025-03-01', type: 'earn', rule: 'training', quantity: 2 },
        { date: '2025-03-02', type: 'earn', rule: 'training', quantity: 1 },
        { date: '2025-04-01', type: 'earn', rule: 'training', quantity: 1 },
      ],
      { asOf: '2025-04-01' },
    );
    // 92 × 1.5 = 138 → 100 (per event); 3 × 1.5 = 4.5 → 4; training 40, then 0 (quarter full), then 20 in Q2.
    expect(l.grants.map((g) => [g.uncapped.toString(), g.points.toString()])).toEqual([
      ['138', '100'],
      ['4', '4'],
      ['40', '40'],
      ['20', '0'],
      ['20', '20'],
    ]);
  });
  it('expiry after n quarters or n days; events out of order are applied by date; later events are pending', () => {
    const two = pointsLedger({ ...rules, expiry: { quarters: 2 } }, [{ date: '2025-11-15', type: 'earn', rule: 'newCustomer', quantity: 1 }], { asOf: '2025-12-31' });
    expect(two.grants[0]!.lastValid).toBe('2026-03-31');
    const days = pointsLedger(
      { ...rules, expiry: { days: 30 }, scale: 1 },
      [
        { date: '2025-01-20', type: 'redeem', points: '10.5' },
        { date: '2025-01-01', type: 'earn', rule: 'satisfaction', quantity: 7 },
        { date: '2025-03-01', type: 'earn', rule: 'newCustomer', quantity: 1 },
      ],
      { asOf: '2025-02-15' },
    );
    // 7 × 1.5 = 10.5 (one decimal kept), valid 2025-01-01 to 2025-01-30; redeemed in full on 01-20.
    expect(days.grants[0]!.lastValid).toBe('2025-01-30');
    expect(strs([days.balance, days.redeemed, days.expired])).toEqual(['0', '10.5', '0']);
    expect(days.pending).toEqual([2]);
  });
  it('redeeming more than the live balance is an error', () => {
    const e = thrown(() =>
      pointsLedger(
        rules,
        [
          { date: '2025-01-01', type: 'earn', rule: 'newCustomer', quantity: 2 },
          { date: '2025-01-05', type: 'redeem', points: 150 },
        ],
        { asOf: '2025-12-31' },
      ),
    );
    expect(e.code).toBe('infeasible');
    expect(e.message).toBe('[dealerkit] events[1].points: redeems 150 points but only 100 are live on 2025-01-05');
    // Expired points cannot be redeemed either.
    expect(
      thrown(() =>
        pointsLedger(
          rules,
          [
            { date: '2025-01-01', type: 'earn', rule: 'newCustomer', quantity: 2 },
            { date: '2025-04-01', type: 'redeem', points: 1 },
          ],
          { asOf: '2025-12-31' },
        ),
      ).message,
    ).toBe('[dealerkit] events[1].points: redeems 1 points but only 0 are live on 2025-04-01');
  });
  it('bad input', () => {
    expect(thrown(() => pointsLedger(rules, [{ date: '2025-01-01', type: 'earn', rule: 'referral', quantity: 1 }], { asOf: '2025-12-31' })).message).toBe(
      '[dealerkit] events[0].rule: no earn rule has this id ("referral")',
    );
    expect(thrown(() => pointsLedger({ ...rules, earn: [rules.earn[0]!, rules.earn[0]!] }, [], { asOf: '2025-12-31' })).message).toBe(
      '[dealerkit] rules.earn[1].id: "newCustomer" is listed twice',
    );
    expect(thrown(() => pointsLedger({ ...rules, expiry: { weeks: 2 } as never }, [], { asOf: '2025-12-31' })).message).toBe(
      '[dealerkit] rules.expiry.quarters: is required (a number); rules.expiry.weeks: is not a known field',
    );
    expect(thrown(() => pointsLedger({ ...rules, expiry: { quarters: 0 } }, [], { asOf: '2025-12-31' })).message).toBe(
      '[dealerkit] rules.expiry.quarters: must be at least 1, received 0',
    );
    expect(thrown(() => pointsLedger(rules, [{ date: '2025-01-01', type: 'redeem', points: 0 }], { asOf: '2025-12-31' })).message).toBe(
      '[dealerkit] events[0].points: must be greater than 0, received 0',
    );
    expect(thrown(() => pointsLedger(rules, [], { asOf: 'today' })).message).toBe(
      '[dealerkit] options.asOf: must be a date written YYYY-MM-DD (no time of day), received "today"',
    );
  });
});

describe('loyaltyBonus', () => {
  // The sample network's D05 (Pudong Partners): on target 2023, 2024 and 2025, below in 2022.
  const d05 = [
    { year: 2022, sales: 5645000, target: 5760000 },
    { year: 2023, sales: 6610000, target: 6120000 },
    { year: 2024, sales: 6998000, target: 6480000 },
    { year: 2025, sales: 8634400, target: 7200000 },
  ];
  it("the seeds' star dealer: three years on target earn 0.5 % of 22,242,400 = 111,212", () => {
    const b = loyaltyBonus({ currency: 'CNY', history: d05, rates: [{ streak: 3, rate: '0.005' }, { streak: 5, rate: '0.01' }] });
    expect([b.streak, b.streakYears, b.streakSales.toString(), b.rate!.streak, b.bonus.toString()]).toEqual([3, [2023, 2024, 2025], '22242400', 3, '111212']);
    expect(b.brokenBy).toEqual({ year: 2022, reason: 'below target' });
    expect(b.history[0]!.onTarget).toBe(false);
  });
  it('a year below target ends the streak; a missing year breaks it; no rate below the first streak', () => {
    const off = loyaltyBonus({ currency: 'CNY', history: [...d05.slice(0, 3), { year: 2025, sales: 1, target: 2 }], rates: [{ streak: 3, rate: '0.005' }] });
    expect([off.streak, off.bonus.toString(), off.rate]).toEqual([0, '0', null]);
    const gap = loyaltyBonus({ currency: 'CNY', history: [d05[1]!, d05[3]!], rates: [{ streak: 1, rate: '0.001' }] });
    // 2025 alone: 0.1 % × 8,634,400 = 8,634.40.
    expect([gap.streak, gap.bonus.toString(), gap.brokenBy]).toEqual([1, '8634.4', { year: 2024, reason: 'missing' }]);
    // Exactly on target counts (attainment 1).
    const exact = loyaltyBonus({ currency: 'CNY', history: [{ year: 2025, sales: 100, target: 100 }], rates: [{ streak: 1, rate: '0.1' }] });
    expect([exact.streak, exact.brokenBy, exact.bonus.toString()]).toEqual([1, null, '10']);
  });
  it('bad input', () => {
    expect(thrown(() => loyaltyBonus({ currency: 'CNY', history: [d05[0]!, d05[0]!], rates: [{ streak: 1, rate: 0 }] })).message).toBe(
      '[dealerkit] history[1].year: 2022 is listed twice (first at history[0])',
    );
    expect(thrown(() => loyaltyBonus({ currency: 'CNY', history: d05, rates: [{ streak: 1, rate: 0 }, { streak: 1, rate: 1 }] })).message).toBe(
      '[dealerkit] rates[1].streak: 1 is listed twice (first at rates[0])',
    );
    expect(thrown(() => loyaltyBonus({ currency: 'CNY', history: [{ year: 2025, sales: 1, target: 0 }], rates: [{ streak: 1, rate: 0 }] })).message).toBe(
      '[dealerkit] history[0].target: must be greater than 0, received 0',
    );
  });
});

describe('shareProfitPool', () => {
  const partners = [
    { id: 'brand', weight: 1 },
    { id: 'D05', weight: 1 },
    { id: 'D08', weight: 1 },
  ];
  it('tiered sharing: the first 1,000,000 of increment at 30 %, the rest at 40 %; shares sum to the pool', () => {
    const p = shareProfitPool({
      currency: 'CNY',
      revenue: 12500000,
      baseline: 11000000,
      pool: { tiers: [{ from: 0, rate: '0.3' }, { from: 1000000, rate: '0.4' }] },
      partners,
    });
    // 1,500,000: 300,000 + 200,000 = 500,000; thirds 166,666.666… → .67, .67, .66 (largest remainder, ties to the earlier).
    expect(strs([p.increment, p.pool])).toEqual(['1500000', '500000']);
    expect(p.lines.map((l) => [l.base.toString(), l.amount.toString()])).toEqual([
      ['1000000', '300000'],
      ['500000', '200000'],
    ]);
    expect(strs(p.shares.map((s) => s.amount))).toEqual(['166666.67', '166666.67', '166666.66']);
  });
  it('one rate, weights, and a revenue below the baseline (no pool)', () => {
    const p = shareProfitPool({ currency: 'CNY', revenue: '1000000.10', baseline: 1000000, pool: { rate: '0.5' }, partners: [{ id: 'a', weight: 3 }, { id: 'b', weight: 1 }] });
    // 0.10 × 50 % = 0.05; split 3:1 → 0.0375 / 0.0125 → 0.04 / 0.01.
    expect(strs(p.shares.map((s) => s.amount))).toEqual(['0.04', '0.01']);
    const none = shareProfitPool({ currency: 'CNY', revenue: 900, baseline: 1000, pool: { rate: '0.5' }, partners });
    expect(strs([none.increment, none.pool, ...none.shares.map((s) => s.amount)])).toEqual(['0', '0', '0', '0', '0']);
  });
  it('bad input', () => {
    expect(thrown(() => shareProfitPool({ currency: 'CNY', revenue: 1, baseline: 0, pool: { rate: 1 }, partners: [partners[0]!, partners[0]!] })).message).toBe(
      '[dealerkit] partners[1].id: "brand" is listed twice (first at partners[0])',
    );
    expect(thrown(() => shareProfitPool({ currency: 'CNY', revenue: 1, baseline: 0, pool: { rate: 1 }, partners: [{ id: 'a', weight: 0 }] })).message).toBe(
      '[dealerkit] partners: must not all have weight 0',
    );
    expect(thrown(() => shareProfitPool({ currency: 'CNY', revenue: 1, baseline: 0, pool: { tiers: [{ from: 5, rate: 1 }] }, partners })).message).toBe(
      '[dealerkit] pool.tiers[0].from: must be 0, so that every increment falls in a tier; received 5',
    );
    expect(
      thrown(() => shareProfitPool({ currency: 'CNY', revenue: 1, baseline: 0, pool: { tiers: [{ from: 0, rate: 1 }, { from: 0, rate: 1 }] }, partners })).message,
    ).toBe('[dealerkit] pool.tiers[1].from: must be greater than tiers[0].from (0); list tiers in ascending order');
    expect(thrown(() => shareProfitPool({ currency: 'CNY', revenue: 1, baseline: 0, pool: { share: 1 } as never, partners })).message).toBe(
      '[dealerkit] pool.rate: must be a number or a numeric string, received nothing; pool.share: is not a known field',
    );
  });
});
