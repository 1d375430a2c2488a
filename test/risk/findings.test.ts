import { describe, expect, it } from 'vitest';
import {
  analyzeFinancials,
  assessPartner,
  dealerDueDiligence,
  dealerDueDiligencePolicy,
  dealerFinancialFactors,
  distributorBenchmarks,
  toFinancialFindings,
  type FinancialYear,
} from 'dealerkit';
import { candidates } from '../../examples/data/index.js';
import { thrown } from '../helpers.js';

const YEAR: FinancialYear = {
  year: 2024, revenue: 1000, cogs: 700, ebit: 100, interest: 20, ebt: 80, netIncome: 60, totalAssets: 800, totalLiabilities: 400,
  currentAssets: 500, currentLiabilities: 250, inventory: 150, receivables: 120, payables: 90, equity: 400, retainedEarnings: 150, operatingCashFlow: 70,
};

describe('toFinancialFindings', () => {
  const a = analyzeFinancials({ years: [{ ...YEAR, year: 2023, operatingCashFlow: 10 }, YEAR], dayCount: 365, averages: false, benchmarks: distributorBenchmarks, firm: { manufacturer: false } });

  it('reads each mapped ratio band of the latest year into a finding, with a note', () => {
    // 2024: current 2 → excellent (very-low); debt 0.5 → good (low); OCF 0.28 → good (low); ROE 0.15 → good;
    // DSO 43.8 → good; DIO 78.2 → average (moderate); Z″ 4.55125 → safe → low.
    const r = toFinancialFindings(a, dealerFinancialFactors);
    expect(r.skipped).toEqual([]);
    expect(r.findings.map((f) => [f.factor, f.likelihood, f.impact])).toEqual([
      ['liquidity', 'very-low', 'moderate'],
      ['debt-ratio', 'low', 'high'],
      ['cash-flow', 'low', 'high'],
      ['profitability', 'low', 'moderate'],
      ['receivables-cycle', 'low', 'moderate'],
      ['inventory-turnover', 'moderate', 'moderate'],
      ['financial-distress', 'low', 'high'],
    ]);
    expect(r.findings[5]!.note).toBe('DIO 78.21 in 2024: average (wholesale distributor rules of thumb)');
    expect(r.findings[6]!.note).toBe('Altman z-double-prime 4.55 in 2024: safe zone');
  });

  it('reads an earlier year on request (2023: OCF 10 / 250 = 0.04 → poor → very-high)', () => {
    const r = toFinancialFindings(a, [{ factor: 'cash-flow', ratio: 'operatingCashFlowRatio', impact: 'high' }], { year: 2023 });
    expect(r.findings).toEqual([{ factor: 'cash-flow', likelihood: 'very-high', impact: 'high', note: 'operating-cash-flow ratio 0.04 in 2023: poor (wholesale distributor rules of thumb)' }]);
  });

  it('skips what cannot be read, and says why', () => {
    const noBench = analyzeFinancials({ years: [{ ...YEAR, interest: 0, totalLiabilities: 0, equity: 800 }], dayCount: 365, averages: false });
    const r = toFinancialFindings(noBench, [
      { factor: 'x', ratio: 'interestCoverage', impact: 'high' },
      { factor: 'y', ratio: 'debtRatio', impact: 'high' },
      { factor: 'z', altman: { safe: 'low', grey: 'moderate', distress: 'high' }, impact: 'high' },
    ]);
    expect(r.findings).toEqual([]);
    expect(r.skipped).toEqual([
      { factor: 'x', reason: 'interest coverage is not meaningful in 2024' },
      { factor: 'y', reason: 'debt ratio has no benchmark band (run analyzeFinancials with benchmarks that cover it)' },
      { factor: 'z', reason: 'no Altman score in 2024' },
    ]);
  });

  it('refuses an unknown year, an unknown ratio, a missing zone label and a non-analysis', () => {
    expect(thrown(() => toFinancialFindings(a, dealerFinancialFactors, { year: 2020 })).message).toBe('[dealerkit] options.year: is not a year of the analysis: 2020 (years: 2023, 2024)');
    expect(thrown(() => toFinancialFindings(a, [{ factor: 'x', ratio: 'ebitda' as never, impact: 'high' }])).message).toBe("[dealerkit] mappings[0].ratio: is not a ratio of analyzeFinancials: 'ebitda'");
    expect(thrown(() => toFinancialFindings(a, [{ factor: 'x', altman: { grey: 'moderate' } as never, impact: 'high' }])).message).toBe(
      '[dealerkit] mappings[0].altman.safe: is required: a likelihood label for each zone',
    );
    expect(thrown(() => toFinancialFindings({} as never, dealerFinancialFactors)).message).toBe('[dealerkit] analysis: must be the result of analyzeFinancials');
    expect(thrown(() => toFinancialFindings(a, 'x' as never)).message).toBe('[dealerkit] mappings: must be an array of factor mappings');
  });
});

describe('the sample network: three candidates end to end', () => {
  const assess = (id: string) => {
    const c = candidates.find((x) => x.id === id)!;
    const a = analyzeFinancials({ years: c.statements, dayCount: 365, averages: true, firm: { listed: c.listed, manufacturer: false }, benchmarks: distributorBenchmarks });
    return { a, r: assessPartner(dealerDueDiligence, [...c.findings, ...toFinancialFindings(a, dealerFinancialFactors).findings], { assessedOn: '2026-03-01', policy: dealerDueDiligencePolicy }) };
  };

  it('C1: healthy, four average cycle and profit ratios → conditional, review in 180 days', () => {
    const { a, r } = assess('C1');
    // 2022 by hand: current 18,228,000 / 10,702,000 = 1.7032…; debt 15,288,000 / 29,400,000 = 0.52;
    // Z″ = 6.56·7,526/29,400 + 3.26·5,645/29,400 + 6.72·4,043/29,400 + 1.05·14,112/15,288 = 4.199…
    expect(a.years[0]!.ratios.currentRatio!.toFixed(4)).toBe('1.7032');
    expect(a.years[0]!.ratios.debtRatio!.toString()).toBe('0.52');
    expect(a.years[0]!.altman!.z.toFixed(3)).toBe('4.199');
    expect([r.overall.level, r.decision, r.nextReviewDate]).toEqual(['moderate', 'conditional', '2026-08-28']);
    expect(r.mitigations.map((m) => m.factor)).toEqual(['cash-flow', 'profitability', 'receivables-cycle', 'inventory-turnover']);
  });

  it('C2: the bank guarantee lowers credit risk, but leverage, cash flow and Altman distress escalate', () => {
    const { a, r } = assess('C2');
    // 2024 Z″ = 6.56·801/15,110 + 3.26·1,148/15,110 + 6.72·487/15,110 + 1.05·2,871/12,239
    //      = 0.34775 + 0.24768 + 0.21659 + 0.24631 = 1.05833 (distress < 1.10)
    expect(a.years[2]!.altman!.z.toFixed(4)).toBe('1.0583');
    expect(a.years[2]!.altman!.zone).toBe('distress');
    const credit = r.factors.find((f) => f.factor === 'credit-rating')!;
    expect([credit.inherent.level, credit.residual.level, credit.controls.map((c) => c.id)]).toEqual(['high', 'moderate', ['bank-guarantee']]);
    expect([r.overall.level, r.overall.basis, r.decision, r.nextReviewDate]).toEqual(['high', ['debt-ratio', 'cash-flow', 'financial-distress'], 'escalate', '2026-05-30']);
  });

  it('C3: an unverifiable registration knocks it out', () => {
    const { r } = assess('C3');
    expect(r.knockouts).toEqual([
      { factor: 'registration', reason: 'an unverifiable business registration or licence decides alone', trigger: 'finding', note: 'Business licence number could not be verified with the SAMR registry' },
    ]);
    expect(r.decision).toBe('reject');
  });
});
