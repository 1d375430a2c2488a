// accrueRebate (src/rebates/accrual.ts): the boundaries of its refusals (a one-day period, asOf on
// either end, a forecast equal to the net to date), every field of its refusals' issues, the paths of
// the figures to date, the run-rate scaling of units and amounts, the accrual's zero cases and its
// rounding, the warnings' de-duplication and the effective rate. Every figure is derived by hand.
import { describe, expect, it } from 'vitest';
import { accrueRebate, defineRebateProgram } from 'dealerkit';
import { sapProgram, thrown } from './helpers.js';

const year = { periodStart: '2025-01-01', periodEnd: '2025-12-31' };

/** Per unit 2 from the first unit, on a quantity basis. */
const perUnitProgram = () => defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'quantity', method: 'retroactive', tiers: [{ from: 0, perUnit: 2 }] });
/** 1 % from 0, 2 % above 5,000, incremental (no retroactive-jump warnings). */
const onePctProgram = () => defineRebateProgram({ currency: 'EUR', rounding: { stage: 'line' }, basis: 'amount', method: 'incremental', tiers: [{ from: 0, rate: '0.01' }, { from: 5000, rate: '0.02' }] });

describe('accrueRebate: the period and its boundaries', () => {
  it('a one-day period with asOf on its only day: 1 of 1 days, 6,000 projects 6,000 at 2 % = 120, all of it accrued', () => {
    const a = accrueRebate(sapProgram(), { salesToDate: 6000, periodStart: '2025-03-01', periodEnd: '2025-03-01', asOf: '2025-03-01', method: 'run-rate' });
    // 6,000 × 1 / 1 = 6,000 (tier 2 from 5,000: 2 % × 6,000 = 120); 120 × 6,000 / 6,000 = 120; 120 / 6,000 = 0.02.
    expect([a.elapsedDays, a.periodDays]).toEqual([1, 1]);
    expect([a.method, a.netToDate.toString(), a.projectedNet.toString(), a.projected.rebate.toString(), a.accrual.toString()]).toEqual(['run-rate', '6000', '6000', '120', '120']);
    expect([a.actualToDate.rebate.toString(), a.effectiveRate?.toString()]).toEqual(['120', '0.02']);
    expect(a.steps.map((s) => s.text)).toEqual([
      '1 of 1 days elapsed (2025-03-01 to 2025-03-01; the period ends 2025-03-01)',
      'run-rate: 6,000.00 × 1 / 1 = 6,000.00',
      'projected rebate 120.00 (Tier 2)',
      'accrual 120.00 × 6,000.00 / 6,000.00 = 120.00',
    ]);
  });

  it('asOf on the first day of a ten-day period: 1 of 10 days; on the last: 10 of 10', () => {
    const onePct = onePctProgram();
    const p = { salesToDate: 100, periodStart: '2025-01-01', periodEnd: '2025-01-10', method: 'actual' } as const;
    const first = accrueRebate(onePct, { ...p, asOf: '2025-01-01' });
    const last = accrueRebate(onePct, { ...p, asOf: '2025-01-10' });
    expect([first.elapsedDays, first.periodDays, last.elapsedDays, last.periodDays]).toEqual([1, 10, 10, 10]);
    // 1 % × 100 = 1.
    expect(last.accrual.toString()).toBe('1');
  });

  it('refuses an asOf the day before the period with the first day as its limit, and the day after with the last', () => {
    const before = thrown(() => accrueRebate(sapProgram(), { salesToDate: 1, ...year, asOf: '2024-12-31', method: 'actual' }));
    expect(before.code).toBe('out_of_range');
    expect(before.issues).toEqual([
      {
        path: ['asOf'],
        message: 'must be within the period 2025-01-01 to 2025-12-31, received 2024-12-31',
        code: 'out_of_range',
        expected: 'from 2025-01-01 to 2025-12-31',
        received: '2024-12-31',
        limit: '2025-01-01',
      },
    ]);
    const after = thrown(() => accrueRebate(sapProgram(), { salesToDate: 1, ...year, asOf: '2026-01-01', method: 'actual' }));
    expect(after.issues).toEqual([
      {
        path: ['asOf'],
        message: 'must be within the period 2025-01-01 to 2025-12-31, received 2026-01-01',
        code: 'out_of_range',
        expected: 'from 2025-01-01 to 2025-12-31',
        received: '2026-01-01',
        limit: '2025-12-31',
      },
    ]);
  });

  it('refuses a period that ends the day before it starts', () => {
    const e = thrown(() => accrueRebate(sapProgram(), { salesToDate: 1, periodStart: '2025-03-02', periodEnd: '2025-03-01', asOf: '2025-03-01', method: 'actual' }));
    expect(e.code).toBe('out_of_range');
    expect(e.issues).toEqual([
      {
        path: ['periodEnd'],
        message: 'must not be before periodStart (2025-03-02), received 2025-03-01',
        code: 'not_ascending',
        expected: '2025-03-02 or later',
        received: '2025-03-01',
        limit: '2025-03-02',
      },
    ]);
  });
});

describe('accrueRebate: the forecast', () => {
  it('is required by forecast and refused by run-rate, with the whole issue', () => {
    const missing = thrown(() => accrueRebate(sapProgram(), { salesToDate: 1, ...year, asOf: '2025-06-01', method: 'forecast' }));
    expect(missing.code).toBe('invalid_input');
    expect(missing.issues).toEqual([{ path: ['forecast'], message: "is required by method 'forecast'", code: 'required', expected: '{ sales, quantity? }' }]);
    const unused = thrown(() => accrueRebate(sapProgram(), { salesToDate: 1, ...year, asOf: '2025-06-01', method: 'run-rate', forecast: { sales: 1 } }));
    expect(unused.issues).toEqual([{ path: ['forecast'], message: "is used by method 'forecast' only, not 'run-rate'", code: 'inconsistent' }]);
  });

  it('may equal the net sales to date (12,000 − 2,000 = 10,000): 2 % × 10,000 = 200, all of it accrued', () => {
    const a = accrueRebate(sapProgram(), { salesToDate: 12000, returnsToDate: 2000, ...year, asOf: '2025-06-30', method: 'forecast', forecast: { sales: 10000 } });
    // 2025-01-01 to 2025-06-30: 31 + 28 + 31 + 30 + 31 + 30 = 181 days of 365.
    expect([a.elapsedDays, a.periodDays]).toEqual([181, 365]);
    // 200 × 10,000 / 10,000 = 200; 200 / 10,000 = 0.02.
    expect([a.netToDate.toString(), a.projectedNet.toString(), a.projected.rebate.toString(), a.accrual.toString(), a.effectiveRate?.toString()]).toEqual([
      '10000',
      '10000',
      '200',
      '200',
      '0.02',
    ]);
    expect(a.steps[1]).toEqual({ code: 'projection', method: 'forecast', netToDate: a.netToDate, projectedNet: a.projectedNet, elapsedDays: 181, periodDays: 365, text: 'forecast: net sales 10,000.00 for the period' });
    expect([String((a.steps[1] as { netToDate: unknown }).netToDate), String((a.steps[1] as { projectedNet: unknown }).projectedNet)]).toEqual(['10000', '10000']);
  });

  it('refuses a forecast half a unit below the net sales to date, naming both figures', () => {
    const e = thrown(() => accrueRebate(sapProgram(), { salesToDate: 12000, returnsToDate: 2000, ...year, asOf: '2025-06-30', method: 'forecast', forecast: { sales: 9999.5 } }));
    expect(e.code).toBe('out_of_range');
    expect(e.issues).toEqual([
      {
        path: ['forecast', 'sales'],
        message: 'must not be below the net sales to date (10000), received 9999.5',
        code: 'out_of_range',
        expected: 'at least 10000',
        received: '9999.5',
        limit: '10000',
      },
    ]);
  });

  it('needs units on a quantity basis, with the whole issue', () => {
    const perUnit = perUnitProgram();
    const e = thrown(() => accrueRebate(perUnit, { salesToDate: 0, quantityToDate: 1, ...year, asOf: '2025-06-30', method: 'forecast', forecast: { sales: 0 } }));
    expect(e.code).toBe('invalid_input');
    expect(e.issues).toEqual([{ path: ['forecast', 'quantity'], message: "is required (the program's basis or perUnit amounts need units)", code: 'required', expected: 'a number' }]);
  });

  it('a forecast of 0 units with 10 sold to date accrues 0 (nothing projected)', () => {
    const perUnit = perUnitProgram();
    const a = accrueRebate(perUnit, { salesToDate: 100, quantityToDate: 10, ...year, asOf: '2025-06-30', method: 'forecast', forecast: { sales: 1000, quantity: 0 } });
    // 0 units × 2 = 0 projected; the share 10 / 0 is not taken.
    expect([a.projected.rebate.toString(), a.accrual.toString()]).toEqual(['0', '0']);
    expect(a.steps[3]).toMatchObject({ code: 'accrual', method: 'forecast', text: 'accrual 0: nothing projected or nothing sold to date' });
    expect([String((a.steps[3] as { toDate: unknown }).toDate), String((a.steps[3] as { whole: unknown }).whole)]).toEqual(['10', '0']);
    // 0 / 1,000 = 0.
    expect(a.effectiveRate?.toString()).toBe('0');
  });

  it('returns above the sales to date accrue 0 even when the forecast earns a rebate (1 % × 500 = 5)', () => {
    const onePct = onePctProgram();
    const a = accrueRebate(onePct, { salesToDate: 100, returnsToDate: 300, ...year, asOf: '2025-06-30', method: 'forecast', forecast: { sales: 500 } });
    // Net to date 100 − 300 = −200: nothing earned so far, though the projection pays 5.
    expect([a.netToDate.toString(), a.projected.rebate.toString(), a.accrual.toString(), a.actualToDate.rebate.toString()]).toEqual(['-200', '5', '0', '0']);
    // The warning of the figures to date names the input's field.
    expect(a.warnings).toEqual([{ code: 'negative-net', message: 'returns exceed sales (net -200); the basis uses 0, never a negative rebate', path: ['returnsToDate'] }]);
  });
});

describe('accrueRebate: the figures to date', () => {
  it('actual: 12,000 − 2,000 returned is the projection (10,000), 2 % = 200 accrued; the projection is the calculation to date', () => {
    const a = accrueRebate(sapProgram(), { salesToDate: 12000, returnsToDate: 2000, ...year, asOf: '2025-06-30', method: 'actual' });
    expect([a.netToDate.toString(), a.projectedNet.toString(), a.accrual.toString()]).toEqual(['10000', '10000', '200']);
    expect(a.projected).toBe(a.actualToDate);
    expect(a.steps.map((s) => s.text)).toEqual([
      '181 of 365 days elapsed (2025-01-01 to 2025-06-30; the period ends 2025-12-31)',
      'the period taken as ending today: net sales 10,000.00',
      'projected rebate 200.00 (Tier 2)',
      'accrual: the rebate to date, 200.00',
    ]);
    // The 4 % tier is 10,000 away: the retroactive jump is warned once, though projected and to date are the same calculation.
    expect(a.warnings.map((w) => w.code)).toEqual(['retroactive-jump']);
  });

  it('run-rate on units: (30 − 10) units in 4 of 10 days project 50 units (2 each = 100), 100 × 20 / 50 = 40 accrued', () => {
    const perUnit = perUnitProgram();
    const a = accrueRebate(perUnit, {
      salesToDate: 1000,
      returnsToDate: 100,
      quantityToDate: 30,
      returnedQuantityToDate: 10,
      periodStart: '2025-01-01',
      periodEnd: '2025-01-10',
      asOf: '2025-01-04',
      method: 'run-rate',
    });
    // Units 20 × 10 / 4 = 50; net (1,000 − 100) × 10 / 4 = 2,250; the projection has no returns left to subtract.
    expect([a.elapsedDays, a.periodDays, a.netToDate.toString(), a.projectedNet.toString()]).toEqual([4, 10, '900', '2250']);
    expect([a.projected.netQuantity?.toString(), a.projected.netAmount?.toString(), a.projected.basisValue?.toString(), a.projected.rebate.toString()]).toEqual(['50', '2250', '50', '100']);
    // To date: 20 × 2 = 40. Accrual 100 × 20 / 50 = 40. Effective rate 100 / 2,250 = 0.04444…, 10 places half-up.
    expect([a.actualToDate.rebate.toString(), a.accrual.toString(), a.effectiveRate?.toString()]).toEqual(['40', '40', '0.0444444444']);
    expect(a.steps.map((s) => s.text)).toEqual([
      '4 of 10 days elapsed (2025-01-01 to 2025-01-04; the period ends 2025-01-10)',
      'run-rate: 900.00 × 10 / 4 = 2,250.00',
      'projected rebate 100.00 (Tier 1)',
      'accrual 100.00 × 20 / 50 = 40.00',
    ]);
    const share = a.steps[3] as { code: string; method: string; rebate: unknown; toDate: unknown; whole: unknown; accrual: unknown };
    expect([share.code, share.method, String(share.rebate), String(share.toDate), String(share.whole), String(share.accrual)]).toEqual(['accrual', 'run-rate', '100', '20', '50', '40']);
    expect(a.steps[2]).toMatchObject({ code: 'projected-rebate', tier: { index: 0, name: null } });
    expect(a.steps[0]).toEqual({ code: 'elapsed', periodStart: '2025-01-01', periodEnd: '2025-01-10', asOf: '2025-01-04', elapsedDays: 4, periodDays: 10, text: a.steps[0]!.text });
    expect(a.warnings).toEqual([]);
  });

  it('names the fields to date: a missing quantity, returned units above units', () => {
    const perUnit = perUnitProgram();
    const e = thrown(() => accrueRebate(perUnit, { salesToDate: 0, ...year, asOf: '2025-06-30', method: 'actual' }));
    expect(e.issues).toEqual([{ path: ['quantityToDate'], message: "is required (the program's basis 'quantity' or its perUnit amounts need units)", code: 'required', expected: 'a number' }]);
    const a = accrueRebate(perUnit, { salesToDate: 0, quantityToDate: 5, returnedQuantityToDate: 8, ...year, asOf: '2025-06-30', method: 'actual' });
    // 5 − 8 = −3 units: the basis uses 0, the rebate is 0.
    expect(a.accrual.toString()).toBe('0');
    expect(a.warnings).toEqual([{ code: 'negative-quantity', message: 'returned units exceed units (net -3); the basis uses 0', path: ['returnedQuantityToDate'] }]);
  });

  it('a target is named as it is (not as a figure to date)', () => {
    const att = defineRebateProgram({ currency: 'EUR', rounding: { stage: 'line' }, basis: 'attainment', method: 'retroactive', tiers: [{ from: 0, rate: '0.01' }] });
    const e = thrown(() => accrueRebate(att, { salesToDate: 10, ...year, asOf: '2025-06-30', method: 'actual' }));
    expect(e.issues[0]!.path).toEqual(['target']);
  });
});

describe('accrueRebate: the accrual and its rounding', () => {
  it("rounds the share with the program's mode: 15.01 × 1,001 / 1,501.5 = 10.00666… is 10.00 rounded down", () => {
    const down = defineRebateProgram({ currency: 'USD', rounding: { stage: 'line', mode: 'down' }, basis: 'amount', method: 'incremental', tiers: [{ from: 0, rate: '0.01' }] });
    const a = accrueRebate(down, { salesToDate: 1001, periodStart: '2025-01-01', periodEnd: '2025-01-03', asOf: '2025-01-02', method: 'run-rate' });
    // 1,001 × 3 / 2 = 1,501.5; 1 % = 15.015 → 15.01 (down); 15.01 × 1,001 / 1,501.5 = 15.01 × 2 / 3 = 10.00666… → 10.00 (down; half-up would give 10.01).
    expect([a.projectedNet.toString(), a.projected.rebate.toString(), a.accrual.toFixed(2)]).toEqual(['1501.5', '15.01', '10.00']);
    expect(a.steps[1]!.text).toBe('run-rate: 1,001.00 × 3 / 2 = 1,501.50');
  });

  it('nothing sold: no effective rate, 0 accrued', () => {
    const onePct = onePctProgram();
    const a = accrueRebate(sapProgram(), { salesToDate: 0, ...year, asOf: '2025-03-31', method: 'run-rate' });
    expect([a.projectedNet.toString(), a.accrual.toString(), a.effectiveRate]).toEqual(['0', '0', null]);
    // Returns above sales project a negative net: no effective rate either.
    const neg = accrueRebate(onePct, { salesToDate: 100, returnsToDate: 300, periodStart: '2025-01-01', periodEnd: '2025-01-10', asOf: '2025-01-05', method: 'run-rate' });
    // (100 − 300) × 10 / 5 = −400.
    expect([neg.projectedNet.toString(), neg.accrual.toString(), neg.effectiveRate]).toEqual(['-400', '0', null]);
  });

  it("reports the effective rate to the program's ratioScale when no option is given (100 / 2,250 = 0.0444… → 0.044 at 3 places)", () => {
    const p3 = defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'quantity', method: 'retroactive', ratioScale: 3, tiers: [{ from: 0, perUnit: 2 }] });
    const input = { salesToDate: 900, quantityToDate: 20, periodStart: '2025-01-01', periodEnd: '2025-01-10', asOf: '2025-01-04', method: 'run-rate' } as const;
    expect(accrueRebate(p3, input).effectiveRate?.toString()).toBe('0.044');
    // The option wins over the program's: 0.0444444 at 7 places.
    expect(accrueRebate(p3, input, { ratioScale: 7 }).effectiveRate?.toString()).toBe('0.0444444');
  });
});

describe('accrueRebate: the warnings, once each', () => {
  it('keeps one warning per code and path: the projection’s, then those only the figures to date have', () => {
    const gated = defineRebateProgram({
      currency: 'EUR',
      rounding: { stage: 'line' },
      basis: 'amount',
      method: 'incremental',
      tiers: [{ from: 0, rate: '0.01' }],
      gates: [
        { metric: 'onTimeRatio', op: '>=', value: '0.9', onFail: { factor: '0.5' } },
        { metric: 'fillRate', op: '>=', value: '0.8', onFail: { factor: '0.5' } },
      ],
    });
    const a = accrueRebate(gated, { salesToDate: 100, returnsToDate: 300, ...year, asOf: '2025-06-30', method: 'forecast', forecast: { sales: 2000 }, metrics: { onTimeRatio: 97, fillRate: 95 } });
    // Both metrics read as percentages in both calculations (same code, two paths); the negative net is the figures to date's only.
    expect(a.warnings.map((w) => [w.code, w.path])).toEqual([
      ['percent-like-metric', ['metrics', 'onTimeRatio']],
      ['percent-like-metric', ['metrics', 'fillRate']],
      ['negative-net', ['returnsToDate']],
    ]);
    // 1 % × 2,000 = 20 projected.
    expect(a.projected.rebate.toString()).toBe('20');
  });
});

describe('accrueRebate: the program and the actual method', () => {
  it('refuses what is not a program under the path program', () => {
    expect(thrown(() => accrueRebate({} as never, { salesToDate: 1, ...year, asOf: '2025-06-30', method: 'actual' })).issues[0]!.path[0]).toBe('program');
  });

  it('actual books the rebate itself, even with no sales to date: 10 units × 2 per unit = 20 on an amount basis', () => {
    const units = defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive', tiers: [{ from: 0, perUnit: 2 }] });
    const a = accrueRebate(units, { salesToDate: 0, quantityToDate: 10, ...year, asOf: '2025-06-30', method: 'actual' });
    expect([a.netToDate.toString(), a.projected.rebate.toString(), a.accrual.toString(), a.effectiveRate]).toEqual(['0', '20', '20', null]);
    expect(a.steps[3]!.text).toBe('accrual: the rebate to date, 20.00');
  });
});
