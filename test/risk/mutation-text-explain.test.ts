// explainAssessment and explainFinancials: whole explanations for results where a rule did not act
// (the unassessed factors ignored by the policy) and where a ratio, ROE, its DuPont factors or the
// Altman score could not be computed; the refusals of a null options object, a result without its
// overall steps, and an analysis without years. Figures worked by hand in the comments.
import { describe, expect, it } from 'vitest';
import { analyzeFinancials, assessPartner, dealerDueDiligence, dealerDueDiligencePolicy, distributorBenchmarks, explainAssessment, explainFinancials } from 'dealerkit';
import { thrown } from '../helpers.js';

const issue = (f: () => unknown) => {
  const e = thrown(f);
  return { message: e.message, code: e.code, issues: e.issues.map((i) => ({ ...i })) };
};

// One finding: registration low × low = low (NIST SP 800-30 Table I-2); the 23 other factors of the
// catalogue are unassessed and the preset policy ignores them (the step is there, its outcome null).
const one = assessPartner({ template: dealerDueDiligence, policy: dealerDueDiligencePolicy }, { id: 'P', findings: [{ factor: 'registration', likelihood: 'low', impact: 'low' }] }, { asOf: '2024-01-01' });

describe('explainAssessment', () => {
  it('a rule that did not act says nothing: the headline and the review date only', () => {
    // low ≤ approveUpTo low: approved; low reviews every 365 days: 2024-01-01 + 365 days = 2024-12-31 (2024 has 366).
    expect(explainAssessment(one)).toEqual([
      'P is approved: overall risk low, the worst residual level of the 1 assessed factor (registration).',
      'Next review on 2024-12-31, 365 days after 2024-01-01.',
    ]);
  });
  it('refuses null options', () => {
    expect(issue(() => explainAssessment(one, null as never))).toEqual({
      message: '[dealerkit] options: must be an object { locale? }, received null',
      code: 'invalid_input',
      issues: [{ path: ['options'], code: 'invalid_type', message: 'must be an object { locale? }, received null', received: 'null' }],
    });
  });
  it('refuses a result without its overall step (then the first step is another) or its overall-level step', () => {
    const missing = {
      message: "[dealerkit] result.steps: must hold the 'overall' and 'overall-level' steps of assessPartner",
      code: 'invalid_input',
      issues: [{ path: ['result', 'steps'], code: 'invalid_value', message: "must hold the 'overall' and 'overall-level' steps of assessPartner" }],
    };
    expect(issue(() => explainAssessment({ ...one, steps: one.steps.filter((s) => s.code !== 'overall') }))).toEqual(missing);
    expect(issue(() => explainAssessment({ ...one, steps: one.steps.filter((s) => s.code !== 'overall-level') }))).toEqual(missing);
  });
});

const y = { year: 2024, revenue: 1000, cogs: 700, ebit: 100, interest: 20, ebt: 80, netIncome: 60, totalAssets: 800, totalLiabilities: 400, currentAssets: 500, currentLiabilities: 250, inventory: 150, receivables: 120, payables: 90, equity: 400, retainedEarnings: 150, operatingCashFlow: 70 };
const explain = (changes: object) => explainFinancials(analyzeFinancials({ dayCount: 365, averages: false, years: [{ ...y, ...changes }] }));
// Shared by hand: current 500 / 250 = 2.00, quick (500 − 150) / 250 = 1.40, debt 400 / 800 = 50 %,
// coverage 100 / 20 = 5.00, OCF 70 / 250 = 0.28. DSO 120 × 365 / 1000 = 43.8, DIO 150 × 365 / 700 = 78.21,
// DPO 90 × 365 / 700 = 46.93, cycle 43.8 + 78.21 − 46.93 = 75.09. ROE 60 / 400 = 15 % = 6 % × 1.25 × 2.
// Altman Z′ = 0.717 × 250/800 + 0.847 × 150/800 + 3.107 × 100/800 + 0.420 × equity/TL + 0.998 × revenue/800
//          = 0.224063 + 0.158813 + 0.388375 + 0.420 × (400/400) + 0.998 × 1.25 = 2.43875; grey between 1.23 and 2.90.
const liquidity = '2024 (year-end balances): current ratio 2.00, quick ratio 1.40, debt ratio 50.00 %, interest coverage 5.00, operating-cash-flow ratio 0.28.';
const cycle = 'Cash conversion cycle 75.1 days: DSO 43.8 + DIO 78.2 − DPO 46.9.';
const roe = 'ROE 15.00 %: net margin 6.00 % × asset turnover 1.25 × equity multiplier 2.00.';

describe('explainFinancials: what cannot be computed is left out', () => {
  it('COGS 0: no DIO nor DPO, so no cycle', () => {
    expect(explain({ cogs: 0 })).toEqual([liquidity, roe, 'Altman Z′ 2.44: grey zone (1.23 to 2.90).']);
  });
  it('revenue 0: no DSO, so no cycle; no net margin, so ROE without DuPont; Z′ loses 0.998 × 1.25', () => {
    // 2.43875 − 1.2475 = 1.19125, below 1.23: distress.
    expect(explain({ revenue: 0 })).toEqual([liquidity, 'ROE 15.00 %.', 'Altman Z′ 1.19: distress zone (below 1.23).']);
  });
  it('equity 0 (liabilities 800): no ROE; debt ratio 800 / 800; X4 = 0', () => {
    // 2.43875 − 0.420 = 2.01875.
    expect(explain({ equity: 0, totalLiabilities: 800 })).toEqual([
      '2024 (year-end balances): current ratio 2.00, quick ratio 1.40, debt ratio 100.00 %, interest coverage 5.00, operating-cash-flow ratio 0.28.',
      cycle,
      'Altman Z′ 2.02: grey zone (1.23 to 2.90).',
    ]);
  });
  it('no liabilities (equity 800): no Altman score (X4 = equity / 0)', () => {
    // ROE 60 / 800 = 7.5 % = 6 % × 1.25 × (800 / 800 = 1).
    expect(explain({ totalLiabilities: 0, equity: 800 })).toEqual([
      '2024 (year-end balances): current ratio 2.00, quick ratio 1.40, debt ratio 0.00 %, interest coverage 5.00, operating-cash-flow ratio 0.28.',
      cycle,
      'ROE 7.50 %: net margin 6.00 % × asset turnover 1.25 × equity multiplier 1.00.',
    ]);
  });
  it('the bands sentence needs both the benchmarks and a band', () => {
    const b = analyzeFinancials({ dayCount: 365, averages: false, years: [y], benchmarks: distributorBenchmarks });
    const base = [liquidity, cycle, roe, 'Altman Z′ 2.44: grey zone (1.23 to 2.90).'];
    expect(explainFinancials({ ...b, benchmarks: null })).toEqual(base);
    expect(explainFinancials({ ...b, years: [{ ...b.years[0]!, bands: {} }] })).toEqual(base);
  });
  it('refuses an analysis without years, and null options', () => {
    const a = analyzeFinancials({ dayCount: 365, averages: false, years: [y] });
    expect(issue(() => explainFinancials({ ...a, years: [] }))).toEqual({
      message: '[dealerkit] result: must be the result of analyzeFinancials, received an object',
      code: 'invalid_input',
      issues: [{ path: ['result'], code: 'invalid_type', message: 'must be the result of analyzeFinancials, received an object', received: 'an object' }],
    });
    expect(issue(() => explainFinancials(a, null as never)).issues).toEqual([{ path: ['options'], code: 'invalid_type', message: 'must be an object { locale? }, received null', received: 'null' }]);
  });
});
