// Survivors of the rebates mutation run in src/rebates/explain.ts and explain-periods.ts: step texts of
// advances without a holdback and of a waived overpayment, a run-rate projection with exactly two places,
// results read back with their last step removed, and the paths of refusals. Every figure is derived by
// hand in the test (SAP's scale: from 5,000 at 2 %, from 20,000 at 4 %).
import { describe, expect, it } from 'vitest';
import { accrueRebate, calculateRebate, defineRebateProgram, explainAccrual, explainRebate, explainSettlement, settleRebate } from 'dealerkit';
import { sapProgram, thrown } from './helpers.js';

const common = { currency: 'EUR', rounding: { stage: 'line' }, method: 'retroactive' } as const;
const tiers = [{ from: 0 }, { from: 5000, rate: '0.02' }, { from: 20000, rate: '0.04' }];
const texts = (r: { steps: { text: string }[] }) => r.steps.map((s) => s.text);
const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('settlement step texts', () => {
  it('no holdback: P1 2 % × 7,000 = 140; P2 4 % × 27,000 = 1,080 − 140 = 940 (SAP partial and final settlement)', () => {
    expect(texts(settleRebate(sapProgram(), { periods: [{ period: 'P1', sales: 7000 }, { period: 'P2', sales: 20000 }] }))).toEqual([
      'P1: rebate to date 140.00 → pays 140.00',
      'P2 closes the year: annual rebate 1,080.00 − 140.00 paid → pays 940.00',
      'paid over the year 1,080.00 = annual rebate 1,080.00',
    ]);
  });
  it('a waived overpayment: 4 % × 25,000 = 1,000 advanced; the year 15,000 → 300, so 700 is waived', () => {
    const waive = defineRebateProgram({ ...common, basis: 'amount', tiers, settlement: { advance: 'cumulative', negativeTrueUp: 'waive' } });
    expect(texts(settleRebate(waive, { periods: [{ period: 'P1', sales: 25000 }, { period: 'P2', sales: 0, returns: 10000 }] }))).toEqual([
      'P1: rebate to date 1,000.00 → pays 1,000.00',
      'P2 closes the year: annual rebate 300.00 − 1,000.00 paid → pays 0.00; 700.00 overpaid is waived',
      'paid over the year 1,000.00 = annual rebate 300.00 + 700.00 waived',
    ]);
  });
  it('no periods: too_short with limit 1', () => {
    const r = copy(settleRebate(sapProgram(), { periods: [{ period: 'P1', sales: 7000 }] })) as unknown as { periods: unknown[]; steps: { code: string }[] };
    r.periods = [];
    r.steps = r.steps.filter((s) => s.code !== 'true-up');
    expect(thrown(() => explainSettlement(r as never)).issues[0]).toMatchObject({ path: ['result', 'periods'], code: 'too_short', limit: '1' });
  });
});

describe('a run-rate projection with exactly two places is exact, not "about"', () => {
  // 2025-01-01 to 2025-03-14: 31 + 28 + 14 = 73 of 365 days; 12,000.05 × 365 / 73 = 12,000.05 × 5 = 60,000.25.
  // 4 % × 60,000.25 = 2,400.01; accrue 2,400.01 × 12,000.05 / 60,000.25 = 2,400.01 / 5 = 480.002 → 480.00; today 2 % × 12,000.05 = 240.001 → 240.00.
  const a = () => defineRebateProgram({ ...common, basis: 'amount', tiers });
  const accrued = () => accrueRebate(a(), { salesToDate: 12000.05, periodStart: '2025-01-01', periodEnd: '2025-12-31', asOf: '2025-03-14', method: 'run-rate' });
  it('in the steps and the explanation', () => {
    const r = accrued();
    expect(texts(r).slice(1)).toEqual(['run-rate: 12,000.05 × 365 / 73 = 60,000.25', 'projected rebate 2,400.01 (Tier 3)', 'accrual 2,400.01 × 12,000.05 / 60,000.25 = 480.00']);
    expect(explainAccrual(r)).toEqual([
      'Run-rate: 12,000.05 in 73 of 365 days projects 60,000.25 of net sales for the period.',
      'Tier 3 reached at net sales of 60,000.25: 4 % × 60,000.25 = 2,400.01.',
      'Accrue 480.00 now: the projected rebate 2,400.01 × 12,000.05 sold to date / 60,000.25 projected.',
      'If the period ended today, the rebate would be 240.00.',
    ]);
  });
  it('read back without its accrual step, the last sentence falls back to the rebate on the sales to date', () => {
    const j = copy(accrued()) as unknown as { steps: unknown[] };
    j.steps = j.steps.slice(0, -1);
    expect(explainAccrual(j as never)[2]).toBe('Accrue 480.00 now: the rebate on the sales to date.');
  });
});

describe('a rebate result read back without its rounding step takes the scale of its rebate', () => {
  // 1 % × 1,050 = 10.50; written to JSON as 10.5, one place, so figures are written with one place.
  const p = () => defineRebateProgram({ ...common, basis: 'amount', tiers: [{ from: 0, rate: '0.01' }] });
  it('1 % × 1,050.0 = 10.5', () => {
    const r = copy(calculateRebate(p(), { sales: 1050 })) as unknown as { steps: { code: string }[] };
    expect(r.steps.map((s) => s.code)).toEqual(['basis', 'tier', 'rounding']);
    r.steps = r.steps.slice(0, -1);
    expect(explainRebate(r as never)).toEqual(['Tier 1 reached at net sales of 1,050.0: 1 % × 1,050.0 = 10.5.']);
  });
});

describe('refusals at their paths', () => {
  const p = () => defineRebateProgram({ ...common, basis: 'amount', tiers: [{ from: 0, rate: '0.01' }] });
  it('a value that is not a result, for explainRebate and explainAccrual', () => {
    for (const bad of [42, null]) {
      expect(thrown(() => explainRebate(bad as never)).message).toBe('[dealerkit] result: must be a result dealerkit made');
      expect(thrown(() => explainAccrual(bad as never)).message).toBe('[dealerkit] result: must be a result dealerkit made');
    }
  });
  it('a locale it cannot read, at options.locale', () => {
    const e = thrown(() => explainRebate(calculateRebate(p(), { sales: 1000 }), { locale: '' }));
    expect([e.issues[0]!.path, e.issues[0]!.code]).toEqual([['options', 'locale'], 'invalid_value']);
  });
});
