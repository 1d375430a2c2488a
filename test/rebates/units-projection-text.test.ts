// A run-rate accrual on units projects a number of units that is rarely whole: its texts cut the
// figure at six places and mark it "…" (as money texts do), instead of printing 40 digits.
import { describe, expect, it } from 'vitest';
import { accrueRebate, defineRebateProgram, explainAccrual } from '../../src/rebates/index.js';

describe('projected units in accrual texts', () => {
  // 2025-01-01 to 2025-06-30 inclusive: 31 + 28 + 31 + 30 + 31 + 30 = 181 of 365 days.
  // 7 units to date project 7 × 365 / 181 = 2,555 / 181 = 14.1160220994… units (python3 Fraction).
  // At 2.00 per unit: 28.2320441988… → 28.23 (line rounding). Accrual 28.23 × 7 / (2,555 / 181)
  // = 28.23 × 181 / 365 = 13.99898… → 14.00.
  const q = () => defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'quantity', method: 'retroactive', tiers: [{ from: 0, perUnit: 2 }] });
  const accrue = () => accrueRebate(q(), { quantityToDate: 7, salesToDate: 700, periodStart: '2025-01-01', periodEnd: '2025-12-31', asOf: '2025-06-30', method: 'run-rate' });

  it('the figures stay exact; only the texts are cut', () => {
    const a = accrue();
    expect([a.projected.rebate.toFixed(), a.accrual.toFixed(), a.projected.netQuantity!.toFixed(6, 1)]).toEqual(['28.23', '14', '14.116022']);
  });
  it('the steps and the explanation print 14.116022… units', () => {
    const a = accrue();
    expect(a.steps.map((s) => s.text).slice(1)).toEqual([
      'run-rate: 700.00 × 365 / 181 = about 1,411.60',
      'projected rebate 28.23 (Tier 1)',
      'accrual 28.23 × 7 / 14.116022… = 14.00',
    ]);
    expect(explainAccrual(a)).toEqual([
      'Run-rate: 700.00 in 181 of 365 days projects about 1,411.60 of net sales for the period.',
      'Tier 1 reached at 14.116022… net units: 14.116022… × 2.00 = 28.23.',
      'Accrue 14.00 now: the projected rebate 28.23 × 7 units sold to date / 14.116022… projected.',
      'If the period ended today, the rebate would be 14.00.',
    ]);
  });
  it('six places or fewer print whole: 7 units over 7 of 28 days project 28 units', () => {
    const b = accrueRebate(q(), { quantityToDate: 7, salesToDate: 700, periodStart: '2025-02-01', periodEnd: '2025-02-28', asOf: '2025-02-07', method: 'run-rate' });
    // 7 × 28 / 7 = 28 units; 28 × 2.00 = 56.00; accrual 56 × 7 / 28 = 14.00.
    expect(b.steps.at(-1)!.text).toBe('accrual 56.00 × 7 / 28 = 14.00');
  });
});
