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
    const r = toFinancialFindings(dealerFinancialFactors, a);
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
    const r = toFinancialFindings([{ factor: 'cash-flow', ratio: 'operatingCashFlowRatio', impact: 'high' }], a, { year: 2023 });
    expect(r.findings).toEqual([{ factor: 'cash-flow', likelihood: 'very-high', impact: 'high', note: 'operating-cash-flow ratio 0.04 in 2023: poor (wholesale distributor rules of thumb)' }]);
  });

  it('skips what cannot be read, and says why', () => {
    const noBench = analyzeFinancials({ years: [{ ...YEAR, interest: 0, totalLiabilities: 0, equity: 800 }], dayCount: 365, averages: false });
    const r = toFinancialFindings(
      [
        { factor: 'x', ratio: 'interestCoverage', impact: 'high' },
        { factor: 'y', ratio: 'debtRatio', impact: 'high' },
        { factor: 'z', altman: { safe: 'low', grey: 'moderate', distress: 'high' }, impact: 'high' },
      ],
      noBench,
    );
    expect(r.findings).toEqual([]);
    expect(r.skipped).toEqual([
      { factor: 'x', reason: 'interest coverage is not meaningful in 2024' },
      { factor: 'y', reason: 'debt ratio has no benchmark band (run analyzeFinancials with benchmarks that cover it)' },
      { factor: 'z', reason: 'no Altman score in 2024' },
    ]);
    // Each mapping left out is also a warning naming the mapping.
    expect(r.warnings).toEqual([
      { code: 'financial-factor-skipped', message: 'x has no finding: interest coverage is not meaningful in 2024', path: ['mappings', 0] },
      { code: 'financial-factor-skipped', message: 'y has no finding: debt ratio has no benchmark band (run analyzeFinancials with benchmarks that cover it)', path: ['mappings', 1] },
      { code: 'financial-factor-skipped', message: 'z has no finding: no Altman score in 2024', path: ['mappings', 2] },
    ]);
    expect(r.steps).toEqual([]);
  });

  it('a step per finding says which figure gave which likelihood', () => {
    const r = toFinancialFindings(dealerFinancialFactors, a);
    expect(r.year).toBe(2024);
    expect(r.warnings).toEqual([]);
    // DIO 150 × 365 / 700 = 78.2142857143 ≤ 90: average → moderate; Z″ 2024 = 4.55125 > 2.60: safe → low.
    expect(r.steps.map((x) => x.text).slice(5)).toEqual([
      'inventory-turnover: DIO 78.2142857143 in 2024 is average, so likelihood moderate; impact moderate',
      'financial-distress: Altman Z″ 4.55125 in 2024 is in the safe zone, so likelihood low; impact high',
    ]);
    expect(r.steps[0]).toMatchObject({ code: 'ratio-finding', factor: 'liquidity', ratio: 'currentRatio', band: 'excellent', likelihood: 'very-low', impact: 'moderate' });
    expect(r.steps[6]).toMatchObject({ code: 'altman-finding', factor: 'financial-distress', zone: 'safe', likelihood: 'low' });
  });

  it("user text that names Object.prototype members ('toString', 'constructor', '__proto__') is refused cleanly", () => {
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      const e = thrown(() => toFinancialFindings([{ factor: 'x', ratio: name as never, impact: 'high' }], a));
      expect(e.code).toBe('unknown_label');
      expect(e.issues[0]).toMatchObject({ path: ['mappings', 0, 'ratio'], code: 'unknown_label' });
    }
    // An Altman mapping must give its zones as own properties: inherited labels do not count.
    const inherited = Object.create({ safe: 'low', grey: 'moderate', distress: 'high' }) as Record<string, string>;
    expect(thrown(() => toFinancialFindings([{ factor: 'x', altman: inherited as never, impact: 'high' }], a)).issues[0]).toMatchObject({ path: ['mappings', 0, 'altman', 'safe'], code: 'required' });
    // A mapping that only inherits `altman` is a ratio mapping without a ratio.
    const fake = Object.assign(Object.create({ altman: { safe: 'low', grey: 'moderate', distress: 'high' } }), { factor: 'x', impact: 'high' });
    expect(thrown(() => toFinancialFindings([fake], a)).issues[0]).toMatchObject({ path: ['mappings', 0, 'ratio'], code: 'required' });
  });

  it('refuses an unknown year, an unknown ratio, a missing zone label and a non-analysis', () => {
    const year = thrown(() => toFinancialFindings(dealerFinancialFactors, a, { year: 2020 }));
    expect(year.message).toBe('[dealerkit] options.year: is not a year of the analysis: 2020 (years: 2023, 2024)');
    expect(year.issues[0]!.code).toBe('unknown_label');
    const ratio = thrown(() => toFinancialFindings([{ factor: 'x', ratio: 'ebitda' as never, impact: 'high' }], a));
    expect(ratio.message).toBe("[dealerkit] mappings[0].ratio: is not a ratio of analyzeFinancials: 'ebitda'");
    expect(ratio.issues[0]!.code).toBe('unknown_label');
    const zone = thrown(() => toFinancialFindings([{ factor: 'x', altman: { grey: 'moderate' } as never, impact: 'high' }], a));
    expect(zone.message).toBe('[dealerkit] mappings[0].altman.safe: is required: a likelihood label for each zone');
    expect(zone.issues[0]!.code).toBe('required');
    expect(thrown(() => toFinancialFindings(dealerFinancialFactors, {} as never)).message).toBe('[dealerkit] analysis: must be the result of analyzeFinancials');
    expect(thrown(() => toFinancialFindings('x' as never, a)).message).toBe('[dealerkit] mappings: must be an array of factor mappings');
    expect(thrown(() => toFinancialFindings([{ ratio: 'dso', impact: 'high' } as never], a)).issues[0]).toMatchObject({ path: ['mappings', 0, 'factor'], code: 'required' });
    expect(thrown(() => toFinancialFindings([{ factor: 'x', ratio: 'dso', impact: 3 } as never], a)).issues[0]).toMatchObject({ path: ['mappings', 0, 'impact'], code: 'invalid_type' });
    expect(thrown(() => toFinancialFindings([null as never], a)).issues[0]).toMatchObject({ path: ['mappings', 0], code: 'invalid_type' });
    expect(thrown(() => toFinancialFindings(dealerFinancialFactors, a, { yaer: 2024 } as never)).issues[0]).toMatchObject({ code: 'unknown_field', message: 'is not a known field; did you mean `year`?' });
  });
});

describe('the sample network: three candidates end to end', () => {
  const assess = (id: string) => {
    const c = candidates.find((x) => x.id === id)!;
    const a = analyzeFinancials({ years: c.statements, dayCount: 365, averages: true, firm: { listed: c.listed, manufacturer: false }, benchmarks: distributorBenchmarks });
    const findings = [...c.findings, ...toFinancialFindings(dealerFinancialFactors, a).findings];
    return { a, r: assessPartner({ template: dealerDueDiligence, policy: dealerDueDiligencePolicy }, { id: c.id, findings }, { asOf: '2026-03-01' }) };
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
