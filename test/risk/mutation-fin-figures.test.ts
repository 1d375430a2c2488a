// Figures and warnings of analyzeFinancials and toFinancialFindings that no earlier test pinned down:
// a year whose own equity is negative while its average with the previous year is positive, an
// average inventory of 0, the variant a firm's flags choose, where a variant-fit warning points, and
// a JSON analysis with a band or an Altman result left out (skipped, not refused). Every figure is
// derived by hand in the comments.
import { describe, expect, it } from 'vitest';
import { analyzeFinancials, distributorBenchmarks, toFinancialFindings, type FinancialYear } from 'dealerkit';

const YEAR: FinancialYear = {
  year: 2024, revenue: 1000, cogs: 700, ebit: 100, interest: 20, ebt: 80, netIncome: 60, totalAssets: 800, totalLiabilities: 400,
  currentAssets: 500, currentLiabilities: 250, inventory: 150, receivables: 120, payables: 90, equity: 400, retainedEarnings: 150, operatingCashFlow: 70,
};
const base = { dayCount: 365 as const, averages: false };

describe('analyzeFinancials: equity and inventory under averages', () => {
  // 2023: equity 500 (TL 300 + 500 = TA 800), inventory 0; 2024: equity −100 (TL 900 − 100 = TA 800), inventory 0.
  // Average equity of 2024 = (500 + (−100)) / 2 = 200 > 0, yet the year-end equity is negative: no D/E, multiplier, ROE.
  const r = analyzeFinancials({
    dayCount: 360,
    averages: true,
    years: [{ ...YEAR, year: 2023, equity: 500, totalLiabilities: 300, inventory: 0 }, { ...YEAR, equity: -100, totalLiabilities: 900, inventory: 0 }],
  });
  it('the year-end equity decides, and the warning names it (−100), not the average (200)', () => {
    expect(r.warnings).toEqual([
      { code: 'no-previous-year', message: 'has no previous year (2022) to average with: DSO, DIO, DPO, inventory turnover, asset turnover, equity multiplier, ROA and ROE use 2023 year-end balances', path: ['years', 0] },
      { code: 'ratio-not-meaningful', message: 'is 0: inventory turnover not meaningful (null)', path: ['years', 0, 'inventory'] },
      { code: 'equity-not-positive', message: 'is negative (-100): debt to equity, equity multiplier, ROE and the DuPont decompositions are not meaningful (null); Altman X4 still uses it', path: ['years', 1, 'equity'] },
      { code: 'ratio-not-meaningful', message: 'averages 0: inventory turnover not meaningful (null)', path: ['years', 1, 'inventory'] },
    ]);
  });
  it('2024 ratios by hand', () => {
    // current 500/250 = 2; quick (500 − 0)/250 = 2; debt 900/800 = 1.125; coverage 100/20 = 5; OCF 70/250 = 0.28;
    // DSO (120+120)/2 × 360 / 1000 = 43.2; DIO 0 × 360 / 700 = 0; DPO 90 × 360 / 700 = 32,400/700 = 46.2857142857…;
    // cycle 43.2 + 0 − 46.2857142857 = −3.0857142857; net margin 60/1000 = 0.06; asset turnover 1000/800 = 1.25;
    // ROA 60/800 = 0.075; growth (1000 − 1000)/1000 = 0.
    const text = Object.fromEntries(Object.entries(r.years[1]!.ratios).map(([k, v]) => [k, v === null ? null : v.toString()]));
    expect(text).toEqual({
      currentRatio: '2', quickRatio: '2', debtRatio: '1.125', debtToEquity: null, interestCoverage: '5', operatingCashFlowRatio: '0.28',
      dso: '43.2', dio: '0', dpo: '46.2857142857', cashConversionCycle: '-3.0857142857', inventoryTurnover: null, netMargin: '0.06',
      assetTurnover: '1.25', equityMultiplier: null, roa: '0.075', roe: null, revenueGrowth: '0',
    });
    expect([r.years[1]!.dupont3, r.years[1]!.dupont5]).toEqual([null, null]);
  });
});

describe('analyzeFinancials: the Altman variant and where its fit warning points', () => {
  const variantOf = (input: Parameters<typeof analyzeFinancials>[0]) => analyzeFinancials(input).steps[0];
  it("a firm not listed gets 'z-prime' even with a market value of equity; without benchmarks the step says null", () => {
    const s = variantOf({ ...base, firm: { listed: false }, years: [{ ...YEAR, marketValueOfEquity: 500 }] });
    expect(s).toMatchObject({ code: 'conventions', altmanVariant: 'z-prime', benchmarks: null });
    expect((s as { benchmarks?: unknown }).benchmarks).toBeNull();
  });
  it("'z' only when every year has a market value of equity: one of two is not enough", () => {
    expect(variantOf({ ...base, years: [{ ...YEAR, year: 2023 }, { ...YEAR, marketValueOfEquity: 500 }] })).toMatchObject({ altmanVariant: 'z-prime' });
    expect(variantOf({ ...base, years: [{ ...YEAR, year: 2023, marketValueOfEquity: 400 }, { ...YEAR, marketValueOfEquity: 500 }] })).toMatchObject({ altmanVariant: 'z' });
  });
  it("a requested variant that does not fit the firm is warned at ['altman']", () => {
    const r = analyzeFinancials({ ...base, altman: 'z-prime', firm: { listed: true }, years: [YEAR] });
    expect(r.warnings).toEqual([
      { code: 'altman-variant-mismatch', message: "Z′ uses book equity; for a listed manufacturer the original 'z' (market value of equity) is the fitted model", path: ['altman'] },
    ]);
  });
});

describe('toFinancialFindings reads a JSON analysis: what is left out is skipped, not refused', () => {
  const a = analyzeFinancials({ ...base, benchmarks: distributorBenchmarks, years: [YEAR] });
  const json = () => JSON.parse(JSON.stringify(a));
  it('a band given as undefined and an Altman result left out: both factors skipped, with the reason', () => {
    const j = json();
    j.years[0].bands = { ...j.years[0].bands, debtRatio: undefined };
    delete j.years[0].altman;
    const r = toFinancialFindings([{ factor: 'f', impact: 'high', ratio: 'debtRatio' }, { factor: 'g', impact: 'high', altman: { safe: 'low', grey: 'moderate', distress: 'high' } }] as never, j);
    expect(r.findings).toEqual([]);
    expect(r.skipped).toEqual([
      { factor: 'f', reason: 'debt ratio has no benchmark band (run analyzeFinancials with benchmarks that cover it)' },
      { factor: 'g', reason: 'no Altman score in 2024' },
    ]);
    expect(r.warnings.map((w) => [w.code, w.path])).toEqual([['financial-factor-skipped', ['mappings', 0]], ['financial-factor-skipped', ['mappings', 1]]]);
  });
  it('benchmarks that are not a name give a note without a source: debt ratio 400/800 = 0.50, good', () => {
    const j = json();
    j.benchmarks = 5;
    expect(toFinancialFindings([{ factor: 'f', impact: 'high', ratio: 'debtRatio' }] as never, j).findings).toEqual([
      { factor: 'f', likelihood: 'low', impact: 'high', note: 'debt ratio 0.50 in 2024: good' },
    ]);
  });
});

describe('DuPont in five steps for a loss year: quotients with a negative divisor', () => {
  it('EBIT −100.5, EBT −120.5, net income −120.5: tax burden 1, interest burden 241/201, identity holds', () => {
    // Tax burden = −120.5 / −120.5 = 1; interest burden = −120.5 / −100.5 = 241/201 = 1.19900497512… → 1.1990049751;
    // EBIT margin = −100.5 / 1000 = −0.1005; asset turnover 1000/800 = 1.25; multiplier 800/400 = 2;
    // product = 1 × 241/201 × −0.1005 × 1.25 × 2 = −0.30125 = ROE −120.5/400 (checked with Python's fractions).
    const r = analyzeFinancials({ ...base, years: [{ ...YEAR, ebit: -100.5, ebt: -120.5, netIncome: -120.5 }] });
    const d = r.years[0]!.dupont5!;
    expect([d.taxBurden, d.interestBurden, d.ebitMargin, d.assetTurnover, d.equityMultiplier, d.product, d.roe, d.difference].map(String)).toEqual([
      '1', '1.1990049751', '-0.1005', '1.25', '2', '-0.30125', '-0.30125', '0',
    ]);
    expect(d.identityHolds).toBe(true);
  });
});

describe('ratios rounded half-up, ties away from zero, at ratioScale 1', () => {
  it('2023 then 2024 with revenue 750: ROE 0.15 → 0.2, growth −0.25 → −0.3', () => {
    // 2024: ROE 60/400 = 0.15 → 0.2 (a tie, up); growth (750 − 1000)/1000 = −0.25 → −0.3 (a tie, away from 0);
    // quick (500 − 150)/250 = 1.4; OCF 70/250 = 0.28 → 0.3; net margin 60/750 = 0.08 → 0.1; asset turnover
    // 750/800 = 0.9375 → 0.9; ROA 60/800 = 0.075 → 0.1; DSO 120 × 365/750 = 58.4; DIO 150 × 365/700 = 78.214… → 78.2;
    // DPO 90 × 365/700 = 46.928… → 46.9; cycle 58.4 + 78.214… − 46.928… = 89.685… → 89.7; turnover 700/150 = 4.666… → 4.7.
    const r = analyzeFinancials({ ...base, years: [{ ...YEAR, year: 2023 }, { ...YEAR, revenue: 750 }] }, { ratioScale: 1 });
    const text = Object.fromEntries(Object.entries(r.years[1]!.ratios).map(([k, v]) => [k, v === null ? null : v.toString()]));
    expect(text).toEqual({
      currentRatio: '2', quickRatio: '1.4', debtRatio: '0.5', debtToEquity: '1', interestCoverage: '5', operatingCashFlowRatio: '0.3',
      dso: '58.4', dio: '78.2', dpo: '46.9', cashConversionCycle: '89.7', inventoryTurnover: '4.7', netMargin: '0.1',
      assetTurnover: '0.9', equityMultiplier: '2', roa: '0.1', roe: '0.2', revenueGrowth: '-0.3',
    });
  });
});

describe('zero liabilities and zero revenue', () => {
  it('no liabilities: the current ratios and Altman are not meaningful, each warning at its year and figure', () => {
    // Total liabilities 0 and current liabilities 0 (assets 800 = equity 800): current, quick and OCF ratios
    // divide by 0, and so does Altman's X4.
    const r = analyzeFinancials({ ...base, years: [{ ...YEAR, totalLiabilities: 0, currentLiabilities: 0, equity: 800 }] });
    expect(r.warnings).toEqual([
      { code: 'ratio-not-meaningful', message: 'is 0: current ratio, quick ratio, operating-cash-flow ratio not meaningful (null)', path: ['years', 0, 'currentLiabilities'] },
      { code: 'altman-not-meaningful', message: 'is 0: Altman X4 divides by it, so the Altman score is not meaningful (null)', path: ['years', 0, 'totalLiabilities'] },
    ]);
    expect(r.years[0]!.altman).toBeNull();
  });
  it('a last year without revenue has no compound growth (0/1000 would give −100 %)', () => {
    const r = analyzeFinancials({ ...base, years: [{ ...YEAR, year: 2023 }, { ...YEAR, revenue: 0 }] });
    expect(r.revenueCagr).toBeNull();
    expect(r.steps.filter((s) => s.code === 'revenue-cagr')).toEqual([]);
  });
});

describe('a break-even year: EBIT, interest, EBT and net income all 0', () => {
  it('coverage, tax burden and interest burden divide by 0: three warnings, no five-step DuPont; the three-step one is 0', () => {
    // Coverage = EBIT / interest = 0/0; tax burden = net income / EBT = 0/0; interest burden = EBT / EBIT = 0/0.
    // Three steps: 0/1000 × 1000/800 × 800/400 = 0 × 1.25 × 2 = 0 = ROE 0/400.
    const r = analyzeFinancials({ ...base, years: [{ ...YEAR, ebit: 0, interest: 0, ebt: 0, netIncome: 0 }] });
    expect(r.warnings).toEqual([
      { code: 'ratio-not-meaningful', message: 'is 0 (no interest expense, so coverage is unbounded): interest coverage not meaningful (null)', path: ['years', 0, 'interest'] },
      { code: 'ratio-not-meaningful', message: 'is 0: tax burden (DuPont) not meaningful (null)', path: ['years', 0, 'ebt'] },
      { code: 'ratio-not-meaningful', message: 'is 0: interest burden (DuPont) not meaningful (null)', path: ['years', 0, 'ebit'] },
    ]);
    expect(r.years[0]!.dupont5).toBeNull();
    const d3 = r.years[0]!.dupont3!;
    expect([d3.netMargin, d3.assetTurnover, d3.equityMultiplier, d3.product, d3.roe].map(String)).toEqual(['0', '1.25', '2', '0', '0']);
  });
});
