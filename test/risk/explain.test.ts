// The sentences a channel manager would send, for the seeds' candidates (examples/data: the due
// diligence of the seeds, A background, B financial health, C compliance), written by hand.
import { describe, expect, it } from 'vitest';
import {
  analyzeFinancials,
  assessPartner,
  dealerDueDiligence,
  dealerDueDiligencePolicy,
  dealerFinancialFactors,
  defineRiskPolicy,
  defineRiskTemplate,
  distributorBenchmarks,
  explainAssessment,
  explainFinancials,
  nistRiskScores,
  nistSp80030,
  toFinancialFindings,
  type RiskFinding,
} from 'dealerkit';
import { candidates } from '../../examples/data/index.js';
import { thrown } from '../helpers.js';

const run = (id: string) => {
  const c = candidates.find((x) => x.id === id)!;
  const analysis = analyzeFinancials({ years: c.statements, dayCount: 365, averages: true, firm: { listed: c.listed, manufacturer: false }, benchmarks: distributorBenchmarks });
  const findings = [...c.findings, ...toFinancialFindings(dealerFinancialFactors, analysis).findings];
  const assessment = assessPartner({ template: dealerDueDiligence, policy: dealerDueDiligencePolicy }, { id: c.id, findings }, { asOf: '2026-03-01' });
  return { analysis, assessment };
};

describe('explainAssessment: Southgate Trading Ltd. (C2), by hand', () => {
  // C2's own findings on NIST Table I-2: registration very-low × very-high → low; credit-rating high ×
  // high → high, lowered by the bank guarantee to moderate × high → moderate; litigation moderate ×
  // high → moderate; reputation, admin-penalties, strategic-fit moderate × moderate → moderate.
  // From the 2024 statements (average balances) against the distributor rules of thumb:
  //   current ratio 9,368,000 / 8,567,000 = 1.0935 ≥ 1: below average → likelihood high × moderate → moderate;
  //   debt ratio 12,239,000 / 15,110,000 = 0.8100 > 0.75: poor → very-high × high → high;
  //   OCF ratio 231,000 / 8,567,000 = 0.0270 < 0.05: poor → very-high × high → high;
  //   ROE 290,000 / ((3,054,000 + 2,871,000) / 2 = 2,962,500) = 0.0979 ≥ 0.05: below average → high × moderate → moderate;
  //   DSO 3,286,500 × 365 / 15,905,000 = 75.4 ≤ 90: below average → moderate; DIO 3,673,500 × 365 / 11,586,000 = 115.7 ≤ 120: below average → moderate;
  //   Altman Z″ = 1.058 < 1.10: distress → high × high → high.
  // 13 factors assessed; the worst residual is high (debt-ratio, cash-flow, financial-distress): escalate
  // (at most escalateUpTo 'high'); review after 90 days: 2026-03-01 + 90 = 2026-05-30.
  it('the decision, the factors above low grouped by level with the control that lowered one, the review date', () => {
    expect(explainAssessment(run('C2').assessment)).toEqual([
      'C2 is escalated: overall risk high, the worst residual level of the 13 assessed factors (debt-ratio, cash-flow, financial-distress).',
      'At high: debt-ratio (very-high × high), cash-flow (very-high × high), financial-distress (high × high).',
      'At moderate: credit-rating (high × high, lowered by bank-guarantee to moderate × high), reputation (moderate × moderate), litigation (moderate × high), ' +
        'liquidity (high × moderate), profitability (high × moderate), receivables-cycle (high × moderate), inventory-turnover (high × moderate), ' +
        'admin-penalties (moderate × moderate), strategic-fit (moderate × moderate).',
      'Next review on 2026-05-30, 90 days after 2026-03-01.',
    ]);
  });

  it('C1: a conditional approval says what each factor above low must do', () => {
    // C1's worst residual is moderate: cash-flow, profitability, receivables-cycle, inventory-turnover (see findings.test.ts).
    const s = explainAssessment(run('C1').assessment);
    expect(s[0]).toBe(
      'C1 is approved with conditions: overall risk moderate, the worst residual level of the 14 assessed factors (cash-flow, profitability, receivables-cycle, inventory-turnover).',
    );
    expect(s.slice(2, 4)).toEqual([
      'To approve, bring cash-flow from moderate to at most low: shorter payment terms; monthly cash-flow reporting.',
      'To approve, bring profitability from moderate to at most low: business plan with margin targets reviewed each quarter.',
    ]);
    // 2026-03-01 + 180 days: + 30 (Mar 31) + 30 (Apr 30) + 31 (May 31) + 30 (Jun 30) + 31 (Jul 31) + 28 = 2026-08-28.
    expect(s[s.length - 1]).toBe('Next review on 2026-08-28, 180 days after 2026-03-01.');
  });

  it('C3: the knock-out comes first, with its reason and the note', () => {
    const s = explainAssessment(run('C3').assessment);
    expect(s.slice(0, 2)).toEqual([
      'C3 is rejected: overall risk very-high, the worst residual level of the 10 assessed factors (registration).',
      'Knock-out: registration, an unverifiable business registration or licence decides alone (Business licence number could not be verified with the SAMR registry).',
    ]);
  });
});

describe('explainAssessment: weighted scores, rules that acted, the locale', () => {
  const template = defineRiskTemplate({
    name: 'test',
    factors: [
      { id: 'reg', category: 'background', matrix: nistSp80030 },
      { id: 'credit', category: 'background', matrix: nistSp80030, weight: 2 },
      { id: 'debt', category: 'financial', matrix: nistSp80030 },
      { id: 'fit', category: 'strategic', matrix: nistSp80030, weight: 3 },
    ],
  });
  const spec = {
    levels: ['very-low', 'low', 'moderate', 'high', 'very-high'],
    scores: nistRiskScores,
    overall: { method: 'weighted' as const },
    decision: { approveUpTo: 'low', conditionalUpTo: 'moderate', escalateUpTo: 'high' },
    reviewCadenceDays: { 'very-low': 730, low: 365, moderate: 180, high: 90, 'very-high': 30 },
  };
  // reg low (2), credit residual moderate (5, weight 2), debt moderate (5), fit low (2, weight 3):
  // (2 + 10 + 5 + 6) / 7 = 23 / 7 = 3.285714…, at least low's 2 and below moderate's 5: low → approve.
  const findings: RiskFinding[] = [
    { factor: 'reg', likelihood: 'very-low', impact: 'very-high' },
    { factor: 'credit', likelihood: 'high', impact: 'high', controls: [{ id: 'lc' }], residual: { likelihood: 'moderate', impact: 'high' } },
    { factor: 'debt', likelihood: 'very-high', impact: 'moderate' },
    { factor: 'fit', likelihood: 'low', impact: 'low' },
  ];

  it('a weighted mean in the headline, grouped by the locale', () => {
    const r = assessPartner({ template, policy: defineRiskPolicy(spec) }, { findings }, { asOf: '2024-02-29' });
    const s = explainAssessment(r);
    expect(s[0]).toBe("The partner is approved: overall risk low, by the weighted mean score 23 / 7 = 3.285714, at least low's 2.");
    expect(s[1]).toBe('At moderate: credit (high × high, lowered by lc to moderate × high), debt (very-high × moderate).');
    expect(s[2]).toBe('Next review on 2025-02-28, 365 days after 2024-02-29.');
    expect(explainAssessment(r, { locale: 'de' })[0]).toBe("The partner is approved: overall risk low, by the weighted mean score 23 / 7 = 3,285714, at least low's 2.");
  });

  it('the rules that acted: unassessed factors escalated, a worst-factor rule', () => {
    const partial = assessPartner({ template, policy: { ...spec, unassessed: 'escalate' } }, { findings: findings.slice(0, 3) }, { asOf: '2024-02-29' });
    expect(explainAssessment(partial)[1]).toBe('Escalated for 1 factor not assessed: fit.');
    const severe = assessPartner(
      { template, policy: { ...spec, decision: { ...spec.decision, rejectIfAnyFactorAtLeast: 'very-high' } } },
      { id: 'D-9', findings: [{ factor: 'debt', likelihood: 'very-high', impact: 'very-high' }] },
      { asOf: '2024-02-29' },
    );
    expect(explainAssessment(severe).slice(0, 2)).toEqual([
      "D-9 is rejected: overall risk very-high, by the weighted mean score 10 / 1 = 10, at least very-high's 10.",
      "A factor is at 'very-high', at or above rejectIfAnyFactorAtLeast 'very-high'.",
    ]);
  });

  it('refuses what is not an assessment, and a bad locale', () => {
    expect(thrown(() => explainAssessment({} as never)).issues[0]).toMatchObject({ path: ['result'], code: 'invalid_type' });
    expect(thrown(() => explainAssessment(null as never)).issues[0]).toMatchObject({ path: ['result'], code: 'invalid_type' });
    const r = assessPartner({ template, policy: defineRiskPolicy(spec) }, { findings }, { asOf: '2024-02-29' });
    expect(thrown(() => explainAssessment(r, { locale: '' })).issues[0]!.path).toEqual(['options', 'locale']);
    expect(thrown(() => explainAssessment(r, 'de' as never)).issues[0]).toMatchObject({ path: ['options'], code: 'invalid_type' });
    expect(thrown(() => explainAssessment({ ...r, steps: [] })).issues[0]).toMatchObject({ path: ['result', 'steps'] });
  });
});

describe('explainFinancials: Southgate Trading Ltd. (C2), by hand', () => {
  // 2024 with average balances (2023 and 2024):
  //   current 9,368,000 / 8,567,000 = 1.0935 → 1.09; quick (9,368,000 − 3,560,000) / 8,567,000 = 0.6780 → 0.68;
  //   debt 12,239,000 / 15,110,000 = 0.80999 → 81.00 %; interest cover 487,000 / 101,000 = 4.8218 → 4.82;
  //   OCF 231,000 / 8,567,000 = 0.0270 → 0.03.
  //   DSO (3,388,000 + 3,185,000) / 2 × 365 / 15,905,000 = 75.42; DIO (3,787,000 + 3,560,000) / 2 × 365 / 11,586,000 = 115.73;
  //   DPO (4,101,000 + 3,855,000) / 2 × 365 / 11,586,000 = 125.32; cycle 75.42 + 115.73 − 125.32 = 65.83.
  //   Net margin 290,000 / 15,905,000 = 1.82 %; asset turnover 15,905,000 / 15,592,000 = 1.02;
  //   equity multiplier 15,592,000 / 2,962,500 = 5.26; ROE 290,000 / 2,962,500 = 9.79 %.
  //   Z″ = 1.058 → 1.06 < 1.10: distress.
  // Bands (distributor rules of thumb): current ≥ 1 below average; quick ≥ 0.6 below average; debt > 0.75 poor;
  // coverage ≥ 3 average; OCF < 0.05 poor; DSO ≤ 90 and DIO ≤ 120 below average; cycle ≤ 90 average;
  // net margin ≥ 0.01 below average; ROE ≥ 0.05 below average.
  // 2022 (year-end) → 2024: current 1.09344 → 1.09350 and quick 0.67791 → 0.67795 up, debt 0.81 → 0.80999 down
  // (lower is better): improving; coverage 10.89 → 4.82, OCF 0.0309 → 0.0270, net margin 0.0222 → 0.0182,
  // ROE 0.1231 → 0.0979 down; DSO 73.10 → 75.42, DIO 108.00 → 115.73, cycle 64.15 → 65.83 up: deteriorating.
  // Revenue (15,905,000 / 18,000,000)^(1/2) − 1 = 0.94001 − 1 = −6.00 % a year.
  it('liquidity and leverage, the cycle, ROE by DuPont, Altman, the bands, the trends and revenue growth', () => {
    expect(explainFinancials(run('C2').analysis)).toEqual([
      '2024 (average balances): current ratio 1.09, quick ratio 0.68, debt ratio 81.00 %, interest coverage 4.82, operating-cash-flow ratio 0.03.',
      'Cash conversion cycle 65.8 days: DSO 75.4 + DIO 115.7 − DPO 125.3.',
      'ROE 9.79 %: net margin 1.82 % × asset turnover 1.02 × equity multiplier 5.26.',
      'Altman Z″ 1.06: distress zone (below 1.10).',
      'Against wholesale distributor rules of thumb: current ratio below average, quick ratio below average, debt ratio poor, interest coverage average, ' +
        'operating-cash-flow ratio poor, DSO below average, DIO below average, cash conversion cycle average, net margin below average, ROE below average.',
      'From 2022 to 2024, improving: current ratio, quick ratio, debt ratio; deteriorating: interest coverage, operating-cash-flow ratio, DSO, DIO, cash conversion cycle, net margin, ROE.',
      'Revenue fell 6.00 % a year from 2022 to 2024.',
    ]);
  });

  it("the locale's decimal mark and grouping", () => {
    const s = explainFinancials(run('C2').analysis, { locale: 'de' });
    expect(s[0]).toBe('2024 (average balances): current ratio 1,09, quick ratio 0,68, debt ratio 81,00 %, interest coverage 4,82, operating-cash-flow ratio 0,03.');
    expect(s[1]).toBe('Cash conversion cycle 65,8 days: DSO 75,4 + DIO 115,7 − DPO 125,3.');
  });

  it('one year without benchmarks: no bands, no trends, no growth; a grey or safe zone names its bounds', () => {
    // The issue's DuPont vector: Z′ 2.43875 (grey, 1.23 to 2.90).
    const a = analyzeFinancials({
      years: [{ year: 2024, revenue: 1000, cogs: 700, ebit: 100, interest: 20, ebt: 80, netIncome: 60, totalAssets: 800, totalLiabilities: 400, currentAssets: 500, currentLiabilities: 250, inventory: 150, receivables: 120, payables: 90, equity: 400, retainedEarnings: 150, operatingCashFlow: 70 }],
      dayCount: 365,
      averages: false,
    });
    expect(explainFinancials(a)).toEqual([
      '2024 (year-end balances): current ratio 2.00, quick ratio 1.40, debt ratio 50.00 %, interest coverage 5.00, operating-cash-flow ratio 0.28.',
      'Cash conversion cycle 75.1 days: DSO 43.8 + DIO 78.2 − DPO 46.9.',
      'ROE 15.00 %: net margin 6.00 % × asset turnover 1.25 × equity multiplier 2.00.',
      'Altman Z′ 2.44: grey zone (1.23 to 2.90).',
    ]);
    expect(thrown(() => explainFinancials({ years: [] } as never)).issues[0]).toMatchObject({ path: ['result'], code: 'invalid_type' });
  });
});
