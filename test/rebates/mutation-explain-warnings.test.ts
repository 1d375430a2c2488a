// Warning messages and batch totals built from REBATE_MESSAGES (src/rebates/messages.ts) that no other
// test of test/rebates asserts whole: the retroactive program's warning in both bound styles, returned
// units above units, net sales below a growth baseline, and a batch total of one row. Every figure is
// derived by hand in the test.
import { describe, expect, it } from 'vitest';
import { calculateRebate, calculateRebates, defineRebateProgram, explainRebate } from 'dealerkit';

const common = { currency: 'EUR', rounding: { stage: 'line' } } as const;

describe('the retroactive program warning lists the thresholds in the bound style', () => {
  it("'from' bounds: from 5000, from 20000", () => {
    const p = defineRebateProgram({ ...common, method: 'retroactive', basis: 'amount', tiers: [{ from: 0 }, { from: 5000, rate: '0.02' }, { from: 20000, rate: '0.04' }] });
    expect(p.warnings).toEqual([
      {
        code: 'retroactive-jump',
        message:
          'retroactive: reaching a tier re-prices the whole base, so the rebate jumps at each threshold (from 5000, from 20000); a dealer just below one may gain more from a small extra sale than the sale itself',
        path: ['method'],
      },
    ]);
  });
  it("'upTo' bounds: above 5000, above 20000", () => {
    const p = defineRebateProgram({ ...common, method: 'retroactive', basis: 'amount', tiers: [{ upTo: 5000 }, { upTo: 20000, rate: '0.02' }, { upTo: null, rate: '0.04' }] });
    expect(p.warnings.map((w) => w.message)).toEqual([
      'retroactive: reaching a tier re-prices the whole base, so the rebate jumps at each threshold (above 5000, above 20000); a dealer just below one may gain more from a small extra sale than the sale itself',
    ]);
  });
});

describe('warnings of a calculation', () => {
  it('5 units − 8 returned = −3: the basis uses 0 units, 0 × 1 = 0', () => {
    const p = defineRebateProgram({ ...common, method: 'incremental', basis: 'quantity', tiers: [{ from: 0, perUnit: 1 }] });
    const r = calculateRebate(p, { quantity: 5, returnedQuantity: 8 });
    expect(r.warnings).toEqual([{ code: 'negative-quantity', message: 'returned units exceed units (net -3); the basis uses 0', path: ['returnedQuantity'] }]);
    expect(r.steps.map((s) => s.text)).toEqual(['net units -3 = 5 − 8 returned', 'Tier 1: 0 × 1.00 = 0.00', 'every line rounded to 2 places, half-up: rebate 0.00']);
    expect(explainRebate(r)).toEqual(['Tier 1 reached at 0 net units: 0 × 1.00 = 0.00.', 'Note: returned units exceed units (net -3); the basis uses 0.']);
  });
  it('net sales 900 below a 1,000 baseline: growth 0, 1 % × 0 = 0', () => {
    const p = defineRebateProgram({ ...common, method: 'incremental', basis: 'growth', tiers: [{ from: 0, rate: '0.01' }] });
    const r = calculateRebate(p, { sales: 900, baseline: 1000 });
    expect(r.warnings).toEqual([{ code: 'negative-growth', message: 'net sales 900 are below the baseline 1000; the growth basis uses 0', path: ['baseline'] }]);
    expect(explainRebate(r)).toEqual(['Tier 1 reached at growth of 0.00: 1 % × 0.00 = 0.00.', 'Note: net sales 900 are below the baseline 1000; the growth basis uses 0.']);
  });
});

describe('batch totals', () => {
  const p = () => defineRebateProgram({ ...common, method: 'incremental', basis: 'amount', tiers: [{ from: 0, rate: '0.01' }] });
  it("one row is 'row', not 'rows': 1 % × 1,234.50 = 12.345 → 12.35 (half-up)", () => {
    const run = calculateRebates(p(), [{ id: 'D1', sales: 1234.5 }]);
    expect(run.steps).toEqual([{ code: 'total', text: '1 row computed: Σ 12.35' }]);
    expect(run.warnings).toEqual([]);
  });
  it('one row computed beside one refused', () => {
    const run = calculateRebates(p(), [{ id: 'D1', sales: 1234.5 }, { id: 'D2', sales: -1 }] as never, { onError: 'collect' });
    expect(run.steps).toEqual([{ code: 'total', text: '1 row computed (1 refused): Σ 12.35' }]);
    expect(run.warnings).toEqual([{ code: 'rows-refused', message: '1 of 2 rows was refused; the totals are over the 1 row computed', path: ['inputs'] }]);
  });
});
