import { describe, expect, it } from 'vitest';
import { accrueRebate, defineRebateProgram } from 'dealerkit';
import { sapProgram, seedsProgram, thrown } from './helpers.js';

const year = { periodStart: '2025-01-01', periodEnd: '2025-12-31' };

describe('accrueRebate', () => {
  it("run-rate: 12,000 in 181 of 365 days projects 24,198.90, the 4 % tier; 4 % of the 12,000 to date is accrued", () => {
    const sap = sapProgram();
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
    const sap = sapProgram();
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
    const sap = sapProgram();
    expect(accrueRebate(sap, { salesToDate: 0, ...year, asOf: '2025-03-31', method: 'run-rate' }).accrual.toString()).toBe('0');
  });
  it('the steps reproduce the accrual; the warnings of the projection and of the figures to date', () => {
    const sap = sapProgram();
    const a = accrueRebate(sap, { salesToDate: 12000, ...year, asOf: '2025-06-30', method: 'forecast', forecast: { sales: 30000 } });
    expect(a.steps.map((s) => s.code)).toEqual(['elapsed', 'projection', 'projected-rebate', 'accrual']);
    const share = a.steps[3]!;
    // 1,200 × 12,000 / 30,000 = 480.
    expect(share).toMatchObject({ code: 'accrual', method: 'forecast', text: 'accrual 1,200.00 × 12,000.00 / 30,000.00 = 480.00' });
    // The projection (30,000) is in the top tier; the figures to date (12,000) are 8,000 short of the 4 % jump.
    expect(a.warnings.map((w) => w.code)).toEqual(['retroactive-jump']);
    // Returns above sales to date: the to-date figures warn with the input's path; 97 % written as 97 warns too.
    const seeds = accrueRebate(seedsProgram(), {
      salesToDate: 100,
      returnsToDate: 200,
      target: 6000000,
      ...year,
      asOf: '2025-06-30',
      method: 'actual',
      metrics: { onTimePaymentRatio: 97, inventoryTurnoverDays: 40 },
    });
    expect(seeds.warnings.map((w) => [w.code, w.path])).toEqual([
      ['negative-net', ['returnsToDate']],
      ['percent-like-metric', ['metrics', 'onTimePaymentRatio']],
      ['retroactive-jump', undefined],
    ]);
  });
  it('the effective rate is a ratio reported to ratioScale places', () => {
    const sap = sapProgram();
    // 967.96 / (12,000 × 365 / 181) = 967.96 × 181 / 4,380,000 = 175,200.76 / 4,380,000 = 0.040000173516…: 0.0400001735 at 10 places, 0.04 at 4.
    const a = accrueRebate(sap, { salesToDate: 12000, ...year, asOf: '2025-06-30', method: 'run-rate' });
    expect(a.effectiveRate!.toString()).toBe('0.0400001735');
    expect(accrueRebate(sap, { salesToDate: 12000, ...year, asOf: '2025-06-30', method: 'run-rate' }, { ratioScale: 4 }).effectiveRate!.toString()).toBe('0.04');
  });
  it('bad input', () => {
    const sap = sapProgram();
    const late = thrown(() => accrueRebate(sap, { salesToDate: 1, ...year, asOf: '2026-01-01', method: 'actual' }));
    expect(late.message).toBe('[dealerkit] asOf: must be within the period 2025-01-01 to 2025-12-31, received 2026-01-01');
    expect(late.issues[0]).toMatchObject({ code: 'out_of_range', limit: '2025-12-31' });
    const back = thrown(() => accrueRebate(sap, { salesToDate: 1, periodStart: '2025-12-31', periodEnd: '2025-01-01', asOf: '2025-06-01', method: 'actual' }));
    expect(back.message).toBe('[dealerkit] periodEnd: must not be before periodStart (2025-12-31), received 2025-01-01');
    expect(back.issues[0]!.code).toBe('not_ascending');
    expect(thrown(() => accrueRebate(sap, { salesToDate: 1, ...year, asOf: '2025-06-01', method: 'forecast' })).issues[0]).toMatchObject({
      message: "is required by method 'forecast'",
      code: 'required',
    });
    expect(thrown(() => accrueRebate(sap, { salesToDate: 1, ...year, asOf: '2025-06-01', method: 'actual', forecast: { sales: 1 } })).issues[0]).toMatchObject({
      message: "is used by method 'forecast' only, not 'actual'",
      code: 'inconsistent',
    });
    expect(thrown(() => accrueRebate(sap, { salesToDate: 100, ...year, asOf: '2025-06-01', method: 'forecast', forecast: { sales: 50 } })).issues[0]).toMatchObject({
      message: 'must not be below the net sales to date (100), received 50',
      code: 'out_of_range',
      limit: '100',
    });
    expect(thrown(() => accrueRebate(sap, { salesToDate: 1, ...year, asOf: '2025-02-30', method: 'actual' })).message).toBe(
      '[dealerkit] asOf: is not a calendar date (2025-02 has 28 days), received "2025-02-30"',
    );
  });
});
