import { describe, expect, it } from 'vitest';
import {
  accrueRebate,
  calculateRebate,
  defineRebateProgram,
  explainAccrual,
  explainRebate,
  explainSettlement,
  settleRebate,
  type RebateSettlementInput,
} from 'dealerkit';
import { sapProgram, sapSpec, seedsDealer, seedsProgram, seedsSpec, thrown } from './helpers.js';

// Every expected sentence is written by hand from the figures derived in its comment.

describe("explainRebate: the seeds' dealer", () => {
  // 9,620,000 of 10,000,000 = 96.20 %: Silver (from 90 %), 2 % × 9,620,000 = 192,400; the award
  // needs more than 100 %: 0; on time 0.97 ≥ 0.9 passes; 70 turnover days is in the band from 61:
  // × 0.8 → 153,920. Gold from 100 %: 380,000 more; then 3 % × 10,000,000 = 300,000 × 0.8 = 240,000,
  // 86,080 more than now.
  const result = () => calculateRebate(seedsProgram(), seedsDealer);

  it('says the tier, the line and the multiplier as the issue words it, then the gate and the next tier', () => {
    const r = result();
    expect(explainRebate(r)).toEqual([
      'Silver reached at 96.20 % of target: 2 % × 9,620,000.00 = 192,400.00; inventoryTurnoverDays 70 × 0.8 → 153,920.00.',
      'Gates met: onTimePaymentRatio 0.97 ≥ 0.9.',
      'Gold at 100.00 % of target needs 380,000.00 more net sales; the rebate would then be 240,000.00 (+86,080.00).',
    ]);
  });

  it("groups the figures by the locale's marks; the words stay English", () => {
    const r = result();
    expect(explainRebate(r, { locale: 'de' })[0]).toBe(
      'Silver reached at 96,20 % of target: 2 % × 9.620.000,00 = 192.400,00; inventoryTurnoverDays 70 × 0,8 → 153.920,00.',
    );
    expect(explainRebate(r, { locale: 'en' })).toEqual(explainRebate(r));
  });

  it('a failed gate, an award, the benefits and a cap in the sentences', () => {
    // 10,500,000 of 10,000,000 = 105 %: Gold, 3 % × 10,500,000 = 315,000; award 2 % × 500,000 = 10,000;
    // on time 0.85 fails ≥ 0.9: × 0.5 → 162,500; 20 days: × 1.1 → 178,750; capped at 150,000.
    const capped = defineRebateProgram({ ...seedsSpec, cap: { amount: 150000 } });
    const g = calculateRebate(capped, { sales: 10500000, target: 10000000, metrics: { onTimePaymentRatio: '0.85', inventoryTurnoverDays: 20 } });
    expect(g.rebate.toString()).toBe('150000');
    expect(explainRebate(g)).toEqual([
      'Gold reached at 105.00 % of target: 3 % × 10,500,000.00 = 315,000.00; over-achievement 2 % × 500,000.00 = 10,000.00; onTimePaymentRatio 0.85 fails ≥ 0.9 × 0.5 → 162,500.00; inventoryTurnoverDays 20 × 1.1 → 178,750.00; capped at 150,000.00.',
      'Gold also earns brandFund 50,000.00.',
    ]);
  });

  it('ends with the rebate when the last figure stated is not it (an award and nothing after it)', () => {
    // 1,200,000 of 1,000,000 = 120 %: 1 % × 1,200,000 = 12,000; award 5 % × 200,000 = 10,000; rebate 22,000.
    const p = defineRebateProgram({
      currency: 'CNY',
      rounding: { stage: 'line' },
      basis: 'attainment',
      method: 'retroactive',
      tiers: [{ from: 0, rate: '0.01' }],
      overAchievement: { above: 1, rate: '0.05', cap: 20000 },
    });
    expect(explainRebate(calculateRebate(p, { sales: 1200000, target: 1000000 }))).toEqual([
      'Tier 1 reached at 120.00 % of target: 1 % × 1,200,000.00 = 12,000.00; over-achievement 5 % × 200,000.00 = 10,000.00; rebate 22,000.00.',
    ]);
  });

  it('a warning becomes a note; a ratio written as a percentage is one', () => {
    const w = calculateRebate(seedsProgram(), { ...seedsDealer, metrics: { onTimePaymentRatio: 97, inventoryTurnoverDays: 70 } });
    expect(explainRebate(w).at(-1)).toBe(
      'Note: onTimePaymentRatio is 97, above 1, though its name says it is a ratio and the gate compares it with 0.9: write 0.97 for 97 %.',
    );
  });

  it("SAP's scale: the tier by net sales; a rounded total; an upTo cliff", () => {
    expect(explainRebate(calculateRebate(sapProgram(), { sales: 7000 }))).toEqual([
      'Tier 2 reached at net sales of 7,000.00: 2 % × 7,000.00 = 140.00.',
      'Tier 3 from 20,000.00 needs 13,000.00 more net sales; the rebate would then be 800.00 (+660.00).',
    ]);
    // JPY, incremental, rounded once: 100 × 0.5 % + 101 × 1.5 % = 0.5 + 1.515 = 2.015 → 2.
    const jpy = defineRebateProgram({ currency: 'JPY', rounding: { stage: 'total' }, basis: 'amount', method: 'incremental', tiers: [{ from: 0, rate: '0.005' }, { from: 100, rate: '0.015' }] });
    expect(explainRebate(calculateRebate(jpy, { sales: 201 }))).toEqual(['Tier 2 reached at net sales of 201: 0.5 % × 100 + 1.5 % × 101 = 2.015; rounded to 2.']);
    // Lago's volume cliff: at 100 units, 100 × 2 + 10 = 210; above 100 all units at 1: 100, 110 less.
    const lago = defineRebateProgram({
      currency: 'USD',
      rounding: { stage: 'line' },
      basis: 'quantity',
      method: 'retroactive',
      tiers: [{ upTo: 100, perUnit: 2, fixed: 10 }, { upTo: 200, perUnit: 1 }, { upTo: null, perUnit: '0.5', fixed: 50 }],
    });
    expect(explainRebate(calculateRebate(lago, { quantity: 100 }))).toEqual([
      'Tier 1 reached at 100 net units: 100 × 2.00 + 10.00 fixed = 210.00.',
      'Tier 2 above 100 units needs any more units; the rebate would then be 100.00 (−110.00).',
    ]);
  });

  it('refuses options that are not an object or a locale it cannot read', () => {
    const r2 = calculateRebate(sapProgram(), { sales: 7000 });
    expect(thrown(() => explainRebate(r2, 'de' as never)).message).toBe('[dealerkit] options: must be an object');
    expect(thrown(() => explainRebate(r2, { locale: '' })).issues[0]!.code).toBe('invalid_value');
  });
});

describe("explainSettlement: the sample network's D02 (docs/rebates.md)", () => {
  // D02 (Jinghai Supply): target 6,000,000 (1,500,000 a quarter), on time 97 %; cumulative advances,
  // 10 % holdback. Q1 1,319,100 / 1,500,000 = 87.94 % Bronze 13,191 (42 days × 1) × 0.9 = 11,871.90;
  // Q2 2,766,100 / 3,000,000 = 92.20 % Silver 55,322 × 0.8 (66 days) = 44,257.60 × 0.9 = 39,831.84 − 11,871.90;
  // Q3 4,273,100 / 4,500,000 = 94.96 % Silver 85,462 × 1.1 (28 days) = 94,008.20 × 0.9 = 84,607.38 − 39,831.84;
  // year 6,021,500 / 6,000,000 = 100.36 % Gold 180,645 + award 2 % × 21,500 = 430, × 0.8 (75 days) = 144,860 − 84,607.38.
  const d02: RebateSettlementInput = {
    id: 'D02',
    periods: [
      { period: '2025-Q1', sales: 1346000, returns: 26900, target: 1500000, metrics: { inventoryTurnoverDays: 42 } },
      { period: '2025-Q2', sales: 1469000, returns: 22000, target: 1500000, metrics: { inventoryTurnoverDays: 66 } },
      { period: '2025-Q3', sales: 1530000, returns: 23000, target: 1500000, metrics: { inventoryTurnoverDays: 28 } },
      { period: '2025-Q4', sales: 1775000, returns: 26600, target: 1500000, metrics: { inventoryTurnoverDays: 75 } },
    ],
    target: 6000000,
    metrics: { onTimePaymentRatio: 0.97, inventoryTurnoverDays: 75 },
  };

  it('a sentence per period, the year with its benefit, and what was paid', () => {
    expect(explainSettlement(settleRebate(seedsProgram(), d02))).toEqual([
      '2025-Q1: Bronze reached at 87.94 % of target: 1 % × 1,319,100.00 = 13,191.00; × (1 − 10 %) = 11,871.90 → pays 11,871.90.',
      '2025-Q2: Silver reached at 92.20 % of target: 2 % × 2,766,100.00 = 55,322.00; inventoryTurnoverDays 66 × 0.8 → 44,257.60; × (1 − 10 %) = 39,831.84; less 11,871.90 paid → pays 27,959.94.',
      '2025-Q3: Silver reached at 94.96 % of target: 2 % × 4,273,100.00 = 85,462.00; inventoryTurnoverDays 28 × 1.1 → 94,008.20; × (1 − 10 %) = 84,607.38; less 39,831.84 paid → pays 44,775.54.',
      '2025-Q4 closes the year: Gold reached at 100.36 % of target: 3 % × 6,021,500.00 = 180,645.00; over-achievement 2 % × 21,500.00 = 430.00; inventoryTurnoverDays 75 × 0.8 → 144,860.00; less 84,607.38 paid → pays 60,252.62.',
      'Gold also earns brandFund 50,000.00.',
      'Paid over the year 144,860.00 = annual rebate 144,860.00.',
    ]);
  });

  it('the steps hold every figure of the sentences and their texts', () => {
    const s = settleRebate(seedsProgram(), d02);
    expect(s.steps.map((x) => x.text)).toEqual([
      '2025-Q1: rebate to date 13,191.00 × (1 − 10 %) = 11,871.90 → pays 11,871.90',
      '2025-Q2: rebate to date 44,257.60 × (1 − 10 %) = 39,831.84 − 11,871.90 paid → pays 27,959.94',
      '2025-Q3: rebate to date 94,008.20 × (1 − 10 %) = 84,607.38 − 39,831.84 paid → pays 44,775.54',
      '2025-Q4 closes the year: annual rebate 144,860.00 − 84,607.38 paid → pays 60,252.62',
      'paid over the year 144,860.00 = annual rebate 144,860.00',
    ]);
  });

  it("a carried overpayment and a waived one, in SAP's returns-after-payout case", () => {
    // Q1 25,000 → 4 % = 1,000 paid; Q2 returns 10,000 → 15,000 at 2 % = 300: 700 overpaid.
    const periods = [
      { period: 'Q1', sales: 25000 },
      { period: 'Q2', sales: 0, returns: 10000 },
    ];
    const carry = settleRebate(defineRebateProgram({ ...sapSpec, settlement: { advance: 'cumulative', negativeTrueUp: 'carry' } }), { periods });
    expect(explainSettlement(carry)).toEqual([
      'Q1: Tier 3 reached at net sales of 25,000.00: 4 % × 25,000.00 = 1,000.00 → pays 1,000.00.',
      'Q2 closes the year: Tier 2 reached at net sales of 15,000.00: 2 % × 15,000.00 = 300.00; less 1,000.00 paid → pays 0.00; 700.00 overpaid is carried forward to next year.',
      'Paid over the year 1,000.00 = annual rebate 300.00 + 700.00 carried forward.',
    ]);
    const waive = settleRebate(defineRebateProgram({ ...sapSpec, settlement: { advance: 'cumulative', negativeTrueUp: 'waive' } }), { periods });
    expect(explainSettlement(waive).slice(1)).toEqual([
      'Q2 closes the year: Tier 2 reached at net sales of 15,000.00: 2 % × 15,000.00 = 300.00; less 1,000.00 paid → pays 0.00; 700.00 overpaid is waived.',
      'Paid over the year 1,000.00 = annual rebate 300.00 + 700.00 waived.',
    ]);
  });

  it('a mid-year run with a recorded payment', () => {
    // P1 3,000 → 0 but 50 recorded as paid; P2 7,000 → 140 − 50 = 90.
    const s = settleRebate(sapProgram(), { periods: [{ period: 'P1', sales: 3000 }, { period: 'P2', sales: 4000 }], paid: { P1: 50 } }, { final: false });
    expect(explainSettlement(s)).toEqual([
      'P1: Tier 1 reached at net sales of 3,000.00: nothing to pay at this tier → pays 50.00 (recorded; 0.00 was due).',
      'P2: Tier 2 reached at net sales of 7,000.00: 2 % × 7,000.00 = 140.00; less 50.00 paid → pays 90.00.',
      'Paid to date 140.00.',
    ]);
  });
});

describe('explainAccrual', () => {
  const year = { periodStart: '2025-01-01', periodEnd: '2025-12-31' };
  it("run-rate on SAP's scale: 12,000 in 181 of 365 days projects about 24,198.90, the 4 % tier", () => {
    // 12,000 × 365 / 181 = 24,198.8950276243…(shown to 8 places, cut, marked …); 4 % = 967.955… → 967.96;
    // 967.96 × 12,000 / 24,198.895… = 480.00; today 2 % × 12,000 = 240.
    const a = accrueRebate(sapProgram(), { salesToDate: 12000, ...year, asOf: '2025-06-30', method: 'run-rate' });
    expect(explainAccrual(a)).toEqual([
      'Run-rate: 12,000.00 in 181 of 365 days projects about 24,198.90 of net sales for the period.',
      'Tier 3 reached at net sales of 24,198.89502762…: 4 % × 24,198.89502762… = 967.96.',
      'Accrue 480.00 now: the projected rebate 967.96 × 12,000.00 sold to date / about 24,198.90 projected.',
      'If the period ended today, the rebate would be 240.00.',
    ]);
    expect(a.steps.map((s) => s.text)).toEqual([
      '181 of 365 days elapsed (2025-01-01 to 2025-06-30; the period ends 2025-12-31)',
      'run-rate: 12,000.00 × 365 / 181 = about 24,198.90',
      'projected rebate 967.96 (Tier 3)',
      'accrual 967.96 × 12,000.00 / about 24,198.90 = 480.00',
    ]);
  });
  it('forecast and actual', () => {
    // Forecast 30,000: 4 % = 1,200; × 12,000 / 30,000 = 480.
    const f = accrueRebate(sapProgram(), { salesToDate: 12000, ...year, asOf: '2025-06-30', method: 'forecast', forecast: { sales: 30000 } });
    expect(explainAccrual(f)).toEqual([
      'Forecast: 30,000.00 of net sales for the period (12,000.00 to date after 181 of 365 days).',
      'Tier 3 reached at net sales of 30,000.00: 4 % × 30,000.00 = 1,200.00.',
      'Accrue 480.00 now: the projected rebate 1,200.00 × 12,000.00 sold to date / 30,000.00 projected.',
      'If the period ended today, the rebate would be 240.00.',
    ]);
    const a = accrueRebate(sapProgram(), { salesToDate: 12000, ...year, asOf: '2025-06-30', method: 'actual' });
    expect(explainAccrual(a)).toEqual([
      "Actual: net sales to date 12,000.00 after 181 of 365 days, taken as the period's.",
      'Tier 2 reached at net sales of 12,000.00: 2 % × 12,000.00 = 240.00.',
      'Accrue 240.00 now: the rebate on the sales to date.',
    ]);
  });
});
