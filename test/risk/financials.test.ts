import { describe, expect, it } from 'vitest';
import { analyzeFinancials, toFinancialBand, calculateAltmanZ, defineFinancialBenchmarks, distributorBenchmarks, type FinancialYear } from 'dealerkit';
import { thrown } from '../helpers.js';

const s = (d: { toString(): string } | null | undefined) => (d === null || d === undefined ? null : d.toString());

// The issue's DuPont vector (net income 60, EBT 80, EBIT 100, sales 1,000, assets 800, equity 400),
// completed with round balance-sheet figures so that every other ratio is easy to derive by hand.
const YEAR: FinancialYear = {
  year: 2024,
  revenue: 1000,
  cogs: 700,
  ebit: 100,
  interest: 20,
  ebt: 80,
  netIncome: 60,
  totalAssets: 800,
  totalLiabilities: 400,
  currentAssets: 500,
  currentLiabilities: 250,
  inventory: 150,
  receivables: 120,
  payables: 90,
  equity: 400,
  retainedEarnings: 150,
  operatingCashFlow: 70,
};

describe('calculateAltmanZ', () => {
  it("the issue's vector: Z = 1.2·90/620 + 1.4·30/620 + 3.3·55/620 + 0.6·100/280 + 1.0·440/620 = 1.458641 (distress)", () => {
    // Hand: (108,000 + 42,000 + 181,500 + 440,000) / 620,000 + 60,000 / 280,000 = 1.2443548… + 0.2142857… = 1.4586405…
    const r = calculateAltmanZ({ variant: 'z', workingCapital: 90000, totalAssets: 620000, retainedEarnings: 30000, ebit: 55000, marketValueOfEquity: 100000, totalLiabilities: 280000, sales: 440000 });
    expect(r.z.toDecimalPlaces(6).toString()).toBe('1.458641');
    expect(r.zone).toBe('distress');
    expect(r.components.map((c) => [c.name, s(c.coefficient), c.ratio.toDecimalPlaces(7).toString()])).toEqual([
      ['X1', '1.2', '0.1451613'],
      ['X2', '1.4', '0.0483871'],
      ['X3', '3.3', '0.0887097'],
      ['X4', '0.6', '0.3571429'],
      ['X5', '1', '0.7096774'],
    ]);
    expect(r.components[3]!.label).toBe('market value of equity / total liabilities');
    expect(s(r.cutoffs.distressBelow)).toBe('1.81');
    expect(s(r.cutoffs.safeAbove)).toBe('2.99');
    expect(r.warnings).toEqual([]);
  });

  it("Z zones: 1.81 and 2.99 are grey, just below 1.81 is distress, just above 2.99 is safe (X5 alone: sales / 100)", () => {
    const z = (sales: string) =>
      calculateAltmanZ({ variant: 'z', workingCapital: 0, totalAssets: 100, retainedEarnings: 0, ebit: 0, marketValueOfEquity: 0, totalLiabilities: 1, sales });
    expect([z('180.99').zone, z('181').zone, z('299').zone, z('299.01').zone]).toEqual(['distress', 'grey', 'grey', 'safe']);
    expect(s(z('181').z)).toBe('1.81');
  });

  it("Z′ zones (1.23 / 2.90): 0.42·2.287 + 0.998·0.27 = 1.23 is grey; 0.42·6.881 + 0.998·0.01 = 2.90 is grey", () => {
    const zp = (bve: string, sales: string) =>
      calculateAltmanZ({ variant: 'z-prime', workingCapital: 0, totalAssets: 100, retainedEarnings: 0, ebit: 0, bookValueOfEquity: bve, totalLiabilities: 1000, sales });
    expect(s(zp('2287', '27').z)).toBe('1.23');
    expect(zp('2287', '27').zone).toBe('grey');
    expect(zp('2286', '27').zone).toBe('distress'); // 1.22958
    expect(s(zp('6881', '1').z)).toBe('2.9');
    expect(zp('6881', '1').zone).toBe('grey');
    expect(zp('6882', '1').zone).toBe('safe');
    // 1.5 is grey for Z′; read with Z's cut-offs (1.81) it would be distress: the swap public tools make.
    expect(zp('0', '150.300601202404809619238476953907815631').zone).toBe('grey');
    expect(zp('0', '0').components.map((c) => s(c.coefficient))).toEqual(['0.717', '0.847', '3.107', '0.42', '0.998']);
    expect(s(zp('0', '0').cutoffs.distressBelow)).toBe('1.23');
    expect(s(zp('0', '0').cutoffs.safeAbove)).toBe('2.9');
  });

  it("Z″ zones (1.10 / 2.60), no X5: 6.56·(−0.05) + 1.05·1.36 = 1.10 grey; 6.56·(−0.5) + 1.05·5.6 = 2.60 grey", () => {
    const zpp = (wc: string, bve: string) =>
      calculateAltmanZ({ variant: 'z-double-prime', workingCapital: wc, totalAssets: 100, retainedEarnings: 0, ebit: 0, bookValueOfEquity: bve, totalLiabilities: 100 });
    expect(s(zpp('-5', '136').z)).toBe('1.1');
    expect(zpp('-5', '136').zone).toBe('grey');
    expect(zpp('-5.01', '136').zone).toBe('distress');
    expect(s(zpp('-50', '560').z)).toBe('2.6');
    expect(zpp('-50', '560').zone).toBe('grey');
    expect(zpp('-50', '561').zone).toBe('safe');
    expect(zpp('0', '0').components.map((c) => c.name)).toEqual(['X1', 'X2', 'X3', 'X4']);
    // 1.15 is grey for Z″ but distress by Z′'s 1.23; 2.7 is safe for Z″ but grey by Z′'s 2.90.
    expect(zpp('0', '109.5238095238095238095238095238095238095').zone).toBe('grey');
    expect(zpp('0', '257.1428571428571428571428571428571428571').zone).toBe('safe');
  });

  it('warns when the variant does not fit the firm', () => {
    const base = { workingCapital: 1, totalAssets: 10, retainedEarnings: 1, ebit: 1, marketValueOfEquity: 5, bookValueOfEquity: 4, totalLiabilities: 6, sales: 10 };
    const w = (message: string) => ({ code: 'altman-variant-mismatch', message, path: ['variant'] });
    expect(calculateAltmanZ({ ...base, variant: 'z', firm: { listed: false, manufacturer: false } }).warnings).toEqual([
      w("Z was fitted on publicly traded manufacturers and needs a market value of equity; for a private firm use 'z-prime'"),
      w("Z was fitted on manufacturers, and X5 (sales / total assets) varies widely across industries; for a non-manufacturer use 'z-double-prime'"),
    ]);
    expect(calculateAltmanZ({ ...base, variant: 'z-prime', firm: { listed: true, manufacturer: false } }).warnings).toEqual([
      w("Z′ was re-estimated on private manufacturers and keeps X5 (sales / total assets), which varies across industries; for a non-manufacturer use 'z-double-prime'"),
      w("Z′ uses book equity; for a listed manufacturer the original 'z' (market value of equity) is the fitted model"),
    ]);
    expect(calculateAltmanZ({ ...base, variant: 'z-double-prime', firm: { manufacturer: true } }).warnings).toEqual([
      w("Z″ drops X5 for non-manufacturers and emerging markets; for a manufacturer 'z' (listed) or 'z-prime' (private) are the fitted models"),
    ]);
    expect(calculateAltmanZ({ ...base, variant: 'z-double-prime', firm: { manufacturer: false, listed: false } }).warnings).toEqual([]);
    expect(calculateAltmanZ({ ...base, variant: 'z', firm: { listed: true, manufacturer: true } }).warnings).toEqual([]);
  });

  it('refuses missing figures and zero denominators, naming the path', () => {
    const base = { workingCapital: 1, totalAssets: 10, retainedEarnings: 1, ebit: 1, totalLiabilities: 6, sales: 10 };
    expect(thrown(() => calculateAltmanZ({ ...base, variant: 'z' })).message).toBe(
      "[dealerkit] marketValueOfEquity: is required for variant 'z' (X4 is the market value of equity / total liabilities); a private firm has none: use 'z-prime'",
    );
    expect(thrown(() => calculateAltmanZ({ ...base, variant: 'z-prime' })).message).toBe(
      "[dealerkit] bookValueOfEquity: is required for variant 'z-prime' (X4 is the book value of equity / total liabilities)",
    );
    const { sales: _s, ...noSales } = base;
    expect(thrown(() => calculateAltmanZ({ ...noSales, variant: 'z-prime', bookValueOfEquity: 1 })).message).toBe(
      "[dealerkit] sales: is required for variant 'z-prime' (X5 is sales / total assets)",
    );
    expect(calculateAltmanZ({ ...noSales, variant: 'z-double-prime', bookValueOfEquity: 1 }).components).toHaveLength(4);
    expect(thrown(() => calculateAltmanZ({ ...base, variant: 'z-double-prime', bookValueOfEquity: 1, totalAssets: 0 })).message).toBe(
      '[dealerkit] totalAssets: must be greater than 0, received 0',
    );
    expect(thrown(() => calculateAltmanZ({ ...base, variant: 'z-double-prime', bookValueOfEquity: 1, totalLiabilities: 0 })).code).toBe('out_of_range');
    expect(thrown(() => calculateAltmanZ({ ...base, variant: 'zeta' as never, bookValueOfEquity: 1 })).message).toBe(
      "[dealerkit] variant: must be one of 'z', 'z-prime', 'z-double-prime', received \"zeta\"",
    );
  });
});

describe('analyzeFinancials: one year, every ratio by hand', () => {
  const a = analyzeFinancials({ years: [YEAR], dayCount: 365, averages: false });
  const y = a.years[0]!;

  it("the issue's DuPont vector: ROE 0.15 = 0.06 × 1.25 × 2 = 0.75 × 0.8 × 0.1 × 1.25 × 2", () => {
    expect(s(y.ratios.roe)).toBe('0.15');
    expect([s(y.dupont3!.netMargin), s(y.dupont3!.assetTurnover), s(y.dupont3!.equityMultiplier), s(y.dupont3!.product)]).toEqual(['0.06', '1.25', '2', '0.15']);
    expect(y.dupont3!.identityHolds).toBe(true);
    expect(s(y.dupont3!.difference)).toBe('0');
    expect([s(y.dupont5!.taxBurden), s(y.dupont5!.interestBurden), s(y.dupont5!.ebitMargin), s(y.dupont5!.product)]).toEqual(['0.75', '0.8', '0.1', '0.15']);
    expect(y.dupont5!.identityHolds).toBe(true);
  });

  it('liquidity, leverage, coverage, cycle and margins', () => {
    // 500/250; (500−150)/250; 400/800; 400/400; 100/20; 70/250; 120/1000·365; 150/700·365 = 78.2142857…;
    // 90/700·365 = 46.9285714…; 43.8 + 78.2142857… − 46.9285714… = 75.0857142…; 700/150; 60/1000; 1000/800; 800/400; 60/800.
    const r = y.ratios;
    expect([s(r.currentRatio), s(r.quickRatio), s(r.debtRatio), s(r.debtToEquity), s(r.interestCoverage), s(r.operatingCashFlowRatio)]).toEqual([
      '2', '1.4', '0.5', '1', '5', '0.28',
    ]);
    expect(s(r.dso)).toBe('43.8');
    expect(r.dio!.toDecimalPlaces(10).toString()).toBe('78.2142857143');
    expect(r.dpo!.toDecimalPlaces(10).toString()).toBe('46.9285714286');
    expect(r.cashConversionCycle!.toDecimalPlaces(10).toString()).toBe('75.0857142857');
    expect(r.inventoryTurnover!.toDecimalPlaces(10).toString()).toBe('4.6666666667');
    expect([s(r.netMargin), s(r.assetTurnover), s(r.equityMultiplier), s(r.roa)]).toEqual(['0.06', '1.25', '2', '0.075']);
    expect(r.revenueGrowth).toBeNull();
    expect(y.basis).toBe('year-end');
    expect(a.trends).toEqual([]);
    expect(a.revenueCagr).toBeNull();
    expect(a.warnings).toEqual([]);
  });

  it('a 360-day year: DSO 120/1000 × 360 = 43.2, DIO 150/700 × 360 = 77.142857…', () => {
    const b = analyzeFinancials({ years: [YEAR], dayCount: 360, averages: false }).years[0]!;
    expect(s(b.ratios.dso)).toBe('43.2');
    expect(b.ratios.dio!.toDecimalPlaces(6).toString()).toBe('77.142857');
  });

  it('Altman defaults to z-prime for a firm without market value of equity, z when every year has one', () => {
    expect(a.altmanVariant).toBe('z-prime');
    // Z′ = 0.717·250/800 + 0.847·150/800 + 3.107·100/800 + 0.420·400/400 + 0.998·1000/800
    //    = 0.2240625 + 0.1588125 + 0.388375 + 0.42 + 1.2475 = 2.43875 (grey)
    expect(s(y.altman!.z)).toBe('2.43875');
    expect(y.altman!.zone).toBe('grey');
    const listed = analyzeFinancials({ years: [{ ...YEAR, marketValueOfEquity: 560 }], dayCount: 365, averages: false });
    expect(listed.altmanVariant).toBe('z');
    // Z = 1.2·0.3125 + 1.4·0.1875 + 3.3·0.125 + 0.6·1.4 + 1.0·1.25 = 0.375 + 0.2625 + 0.4125 + 0.84 + 1.25 = 3.14 (safe)
    expect(s(listed.years[0]!.altman!.z)).toBe('3.14');
    expect(listed.years[0]!.altman!.zone).toBe('safe');
    const distributor = analyzeFinancials({ years: [YEAR], dayCount: 365, averages: false, firm: { manufacturer: false } });
    expect(distributor.altmanVariant).toBe('z-double-prime');
    // Z″ = 6.56·0.3125 + 3.26·0.1875 + 6.72·0.125 + 1.05·1 = 2.05 + 0.61125 + 0.84 + 1.05 = 4.55125 (safe)
    expect(s(distributor.years[0]!.altman!.z)).toBe('4.55125');
    expect(distributor.steps[0]!.text).toContain("Altman variant 'z-double-prime': the firm is not a manufacturer, with working capital = current assets − current liabilities and sales = revenue");
    const forced = analyzeFinancials({ years: [YEAR], dayCount: 365, averages: false, altman: 'z-double-prime', firm: { manufacturer: true } });
    expect(forced.years[0]!.altman!.warnings).toHaveLength(1);
  });
});

describe('analyzeFinancials: averages, trends and benchmarks over two years', () => {
  const Y2: FinancialYear = {
    ...YEAR,
    year: 2025,
    revenue: 1200,
    cogs: 840,
    netIncome: 90,
    ebt: 120,
    ebit: 150,
    totalAssets: 1000,
    totalLiabilities: 500,
    equity: 500,
    inventory: 250,
    receivables: 180,
    payables: 110,
  };

  it('averages opening and closing balances: TA 900, equity 450, inventory 200, receivables 150, payables 100', () => {
    const a = analyzeFinancials({ years: [YEAR, Y2], dayCount: 365, averages: true });
    const y = a.years[1]!;
    expect(y.basis).toBe('average');
    // DSO 150/1200·365 = 45.625; DIO 200/840·365 = 86.9047619…; DPO 100/840·365 = 43.4523809…;
    // inventory turnover 840/200 = 4.2; asset turnover 1200/900; equity multiplier 900/450 = 2; ROE 90/450 = 0.2; ROA 0.1.
    expect(s(y.ratios.dso)).toBe('45.625');
    expect(y.ratios.dio!.toDecimalPlaces(7).toString()).toBe('86.9047619');
    expect(y.ratios.dpo!.toDecimalPlaces(7).toString()).toBe('43.452381');
    expect(s(y.ratios.inventoryTurnover)).toBe('4.2');
    expect(y.ratios.assetTurnover!.toDecimalPlaces(6).toString()).toBe('1.333333');
    expect([s(y.ratios.equityMultiplier), s(y.ratios.roe), s(y.ratios.roa)]).toEqual(['2', '0.2', '0.1']);
    // 0.075 × 1.3333… × 2 differs from 0.2 only in the 40th digit.
    expect(y.dupont3!.identityHolds).toBe(true);
    expect(y.dupont3!.difference.abs().lt('1e-38')).toBe(true);
    expect(y.dupont5!.identityHolds).toBe(true);
    // Current ratio stays year-end: 500/250.
    expect(s(y.ratios.currentRatio)).toBe('2');
    expect(s(y.ratios.revenueGrowth)).toBe('0.2');
    // The first year has no opening balance: year-end, with a warning.
    expect(a.years[0]!.basis).toBe('year-end');
    expect(a.warnings).toEqual([
      {
        code: 'no-previous-year',
        path: ['years', 0],
        message: 'has no previous year (2023) to average with: DSO, DIO, DPO, inventory turnover, asset turnover, equity multiplier, ROA and ROE use 2024 year-end balances',
      },
    ]);
    expect(s(a.revenueCagr)).toBe('0.2');
  });

  it('trends name direction and, with a benchmark, whether it improved', () => {
    const a = analyzeFinancials({ years: [YEAR, Y2], dayCount: 365, averages: false, benchmarks: distributorBenchmarks });
    const t = Object.fromEntries(a.trends.map((x) => [x.ratio, x]));
    // debt ratio 0.5 → 0.5: flat/stable; ROE 0.15 → 0.18: up, improving; DSO 43.8 → 54.75: up, deteriorating.
    expect([t.debtRatio!.direction, t.debtRatio!.assessment]).toEqual(['flat', 'stable']);
    expect([s(t.roe!.first), s(t.roe!.last), s(t.roe!.change), t.roe!.direction, t.roe!.assessment]).toEqual(['0.15', '0.18', '0.03', 'up', 'improving']);
    expect([s(t.dso!.last), t.dso!.direction, t.dso!.assessment]).toEqual(['54.75', 'up', 'deteriorating']);
    expect(t.assetTurnover!.assessment).toBeNull();
    expect([t.roe!.fromYear, t.roe!.toYear]).toEqual([2024, 2025]);
    expect(t.revenueGrowth).toBeUndefined(); // one value only
    // Bands 2025 year-end: current ratio 2 → excellent; debt ratio 0.5 → good (≤ 0.55); ROE 0.18 → good.
    const b = a.years[1]!.bands;
    expect([b.currentRatio!.band, b.currentRatio!.likelihood]).toEqual(['excellent', 'very-low']);
    expect([b.debtRatio!.band, b.debtRatio!.likelihood]).toEqual(['good', 'low']);
    expect([b.roe!.band, s(b.roe!.value)]).toEqual(['good', '0.18']);
    expect(b.assetTurnover).toBeUndefined();
    expect(a.benchmarks).toBe('wholesale distributor rules of thumb');
  });

  it('a gap between years: no averaging and no growth across the gap', () => {
    const a = analyzeFinancials({ years: [YEAR, { ...Y2, year: 2026 }], dayCount: 365, averages: true });
    expect(a.years[1]!.basis).toBe('year-end');
    expect(a.years[1]!.ratios.revenueGrowth).toBeNull();
    expect(a.warnings.map((w) => w.path)).toEqual([['years', 0], ['years', 1]]);
    // CAGR over two years: (1200/1000)^(1/2) − 1 = 0.0954451…
    expect(a.revenueCagr!.toDecimalPlaces(7).toString()).toBe('0.0954451');
  });
});

describe('analyzeFinancials: legal figures that are not meaningful become null with a warning', () => {
  const one = (patch: Partial<FinancialYear>) => analyzeFinancials({ years: [{ ...YEAR, ...patch }], dayCount: 365, averages: false });

  it('negative equity: no debt to equity, equity multiplier, ROE or DuPont; Altman still runs', () => {
    const a = one({ equity: -50, totalLiabilities: 850 });
    const r = a.years[0]!.ratios;
    expect([r.debtToEquity, r.equityMultiplier, r.roe]).toEqual([null, null, null]);
    expect([a.years[0]!.dupont3, a.years[0]!.dupont5]).toEqual([null, null]);
    expect(a.years[0]!.altman).not.toBeNull();
    expect(a.warnings).toEqual([
      {
        code: 'equity-not-positive',
        path: ['years', 0, 'equity'],
        message: 'is negative (-50): debt to equity, equity multiplier, ROE and the DuPont decompositions are not meaningful (null); Altman X4 still uses it',
      },
    ]);
  });

  it('zero equity, zero revenue, zero COGS, zero interest, zero current liabilities, zero liabilities', () => {
    expect(one({ equity: 0, totalLiabilities: 800 }).warnings[0]!.message).toMatch(/^is 0: debt to equity/);
    const rev = one({ revenue: 0 });
    expect([rev.years[0]!.ratios.netMargin, rev.years[0]!.ratios.dso, rev.years[0]!.dupont3, rev.years[0]!.dupont5]).toEqual([null, null, null, null]);
    expect(s(rev.years[0]!.ratios.assetTurnover)).toBe('0');
    const nm = (path: (string | number)[], message: string) => ({ code: 'ratio-not-meaningful', path, message });
    expect(rev.warnings).toEqual([nm(['years', 0, 'revenue'], 'is 0: DSO, net margin, EBIT margin (DuPont) not meaningful (null)')]);
    expect(one({ cogs: 0 }).warnings).toEqual([nm(['years', 0, 'cogs'], 'is 0: DIO, DPO not meaningful (null)')]);
    expect(one({ cogs: 0 }).years[0]!.ratios.cashConversionCycle).toBeNull();
    expect(s(one({ cogs: 0 }).years[0]!.ratios.inventoryTurnover)).toBe('0');
    expect(one({ interest: 0 }).warnings).toEqual([
      nm(['years', 0, 'interest'], 'is 0 (no interest expense, so coverage is unbounded): interest coverage not meaningful (null)'),
    ]);
    expect(one({ currentLiabilities: 0 }).warnings).toEqual([
      nm(['years', 0, 'currentLiabilities'], 'is 0: current ratio, quick ratio, operating-cash-flow ratio not meaningful (null)'),
    ]);
    expect(one({ inventory: 0 }).warnings).toEqual([nm(['years', 0, 'inventory'], 'is 0: inventory turnover not meaningful (null)')]);
    expect(one({ ebt: 0 }).years[0]!.dupont5).toBeNull();
    expect(one({ ebt: 0 }).years[0]!.dupont3).not.toBeNull();
    expect(one({ ebit: 0 }).warnings).toEqual([nm(['years', 0, 'ebit'], 'is 0: interest burden (DuPont) not meaningful (null)')]);
    const noDebt = one({ totalLiabilities: 0, equity: 800, currentLiabilities: 0 });
    expect(noDebt.years[0]!.altman).toBeNull();
    expect(noDebt.warnings.map((w) => [w.code, w.path])).toEqual([
      ['ratio-not-meaningful', ['years', 0, 'currentLiabilities']],
      ['altman-not-meaningful', ['years', 0, 'totalLiabilities']],
    ]);
    const prev = { ...YEAR, year: 2023, revenue: 0 };
    expect(analyzeFinancials({ years: [prev, YEAR], dayCount: 365, averages: false }).warnings).toContainEqual(nm(['years', 0, 'revenue'], 'is 0: revenue growth not meaningful (null)'));
  });

  it('statements that do not add up: a balance sheet that does not balance, current items above totals', () => {
    const a = one({ totalAssets: 810, currentAssets: 900, currentLiabilities: 450 });
    expect(a.warnings).toEqual([
      { code: 'balance-sheet-mismatch', path: ['years', 0, 'totalAssets'], message: 'is 810 but total liabilities + equity are 800: the balance sheet does not balance (difference 10)' },
      { code: 'current-assets-above-total', path: ['years', 0, 'currentAssets'], message: 'exceed total assets (900 > 810)' },
      { code: 'current-liabilities-above-total', path: ['years', 0, 'currentLiabilities'], message: 'exceed total liabilities (450 > 400)' },
    ]);
  });

  it('average equity not positive although year-end equity is', () => {
    const a = analyzeFinancials({ years: [{ ...YEAR, year: 2023, equity: -500, totalLiabilities: 1300 }, YEAR], dayCount: 365, averages: true });
    expect(a.years[1]!.ratios.roe).toBeNull();
    expect(a.warnings).toContainEqual({
      code: 'equity-not-positive',
      path: ['years', 1, 'equity'],
      message: 'is negative (-50) on average: debt to equity, equity multiplier, ROE and the DuPont decompositions are not meaningful (null); Altman X4 still uses it',
    });
  });
});

describe('analyzeFinancials: ratios reported to ratioScale places, decided exactly, reproduced by the steps', () => {
  it('every quotient is rounded half-up to 10 places by default, to ratioScale when given', () => {
    // DIO = 150 × 365 / 700 = 54,750 / 700 = 78.214285714285…; DPO = 90 × 365 / 700 = 46.928571428571…
    const a = analyzeFinancials({ years: [YEAR], dayCount: 365, averages: false });
    expect([s(a.years[0]!.ratios.dio), s(a.years[0]!.ratios.dpo), a.ratioScale]).toEqual(['78.2142857143', '46.9285714286', 10]);
    const b = analyzeFinancials({ years: [YEAR], dayCount: 365, averages: false }, { ratioScale: 2 });
    expect([s(b.years[0]!.ratios.dio), s(b.years[0]!.ratios.dpo), s(b.years[0]!.ratios.cashConversionCycle), b.ratioScale]).toEqual(['78.21', '46.93', '75.09', 2]);
    // JSON carries 10 places at most, never 40 digits.
    expect(JSON.parse(JSON.stringify(a)).years[0].ratios.inventoryTurnover).toBe('4.6666666667');
    expect(thrown(() => analyzeFinancials({ years: [YEAR], dayCount: 365, averages: false }, { ratioScale: 2.5 })).issues[0]).toMatchObject({ path: ['options', 'ratioScale'], code: 'not_an_integer' });
    expect(thrown(() => analyzeFinancials({ years: [YEAR], dayCount: 365, averages: false }, { ratioScal: 2 } as never)).issues[0]).toMatchObject({
      path: ['options', 'ratioScal'],
      code: 'unknown_field',
      message: 'is not a known field; did you mean `ratioScale`?',
    });
  });

  it('a band is decided on the exact quotient: a debt ratio of 0.550000000001 prints 0.55 but is average, not good (≤ 0.55)', () => {
    // 550,000,000,001 / 1,000,000,000,000 = 0.550000000001; at 10 places 0.5500000000.
    const tight: FinancialYear = { ...YEAR, totalAssets: '1000000000000', totalLiabilities: '550000000001', equity: '449999999999', currentAssets: 500, currentLiabilities: 250 };
    const a = analyzeFinancials({ years: [tight], dayCount: 365, averages: false, benchmarks: distributorBenchmarks });
    expect(s(a.years[0]!.ratios.debtRatio)).toBe('0.55');
    expect(a.years[0]!.bands.debtRatio!.band).toBe('average');
    expect(a.years[0]!.bands.debtRatio!.likelihood).toBe('moderate');
    const step = a.steps.find((x) => x.code === 'band' && x.ratio === 'debtRatio')!;
    expect(step.text).toBe('2024 debt ratio 0.55 ≤ 0.65: average, likelihood moderate');
    // The ratio step shows the exact numerator and denominator.
    expect(a.steps.find((x) => x.code === 'ratio' && x.ratio === 'debtRatio')!.text).toBe(
      '2024 debt ratio = total liabilities / total assets = 550,000,000,001 / 1,000,000,000,000 = 0.55',
    );
  });

  it('a trend direction is the sign of the exact change, even when both figures print alike', () => {
    // Current ratio 2024: 500 / 250 = 2; 2025: 500,000,000,001 / 250,000,000,000 = 2.000000000004 → prints 2.
    const y2: FinancialYear = { ...YEAR, year: 2025, currentAssets: '500000000001', currentLiabilities: '250000000000', totalAssets: '1000000000000', totalLiabilities: '600000000000', equity: '400000000000' };
    const a = analyzeFinancials({ years: [YEAR, y2], dayCount: 365, averages: false, benchmarks: distributorBenchmarks });
    const t = a.trends.find((x) => x.ratio === 'currentRatio')!;
    expect([s(t.first), s(t.last), s(t.change), t.direction, t.assessment]).toEqual(['2', '2', '0', 'up', 'improving']);
  });

  it('the steps reproduce each figure: the conventions, every ratio with its numerator and denominator, the cycle, DuPont, Altman, the bands', () => {
    const a = analyzeFinancials({ years: [YEAR], dayCount: 365, averages: false, benchmarks: distributorBenchmarks });
    const text = (code: string, ratio?: string) => a.steps.find((x) => x.code === code && (ratio === undefined || ('ratio' in x && x.ratio === ratio)))!.text;
    expect(text('conventions')).toBe(
      "day count 365 (DSO, DIO and DPO are balance × 365 / flow); turnover ratios use year-end balances; current, quick, debt and operating-cash-flow ratios use year-end balances; " +
        "Altman variant 'z-prime': no market value of equity (a private firm), with working capital = current assets − current liabilities and sales = revenue; " +
        'benchmarks: wholesale distributor rules of thumb; ratios are reported rounded half-up to 10 places, and bands, trends and zones compare the exact quotients',
    );
    // DSO = 120 × 365 / 1,000 = 43,800 / 1,000 = 43.8.
    expect(text('ratio', 'dso')).toBe('2024 DSO = receivables × 365 / revenue = 43,800 / 1,000 = 43.8');
    expect(text('ratio', 'quickRatio')).toBe('2024 quick ratio = (current assets − inventory) / current liabilities = 350 / 250 = 1.4');
    // 43.8 + 78.2142857143 − 46.9285714286 = 75.0857142857 (of the exact quotients: 75.085714285714…).
    expect(text('cash-conversion-cycle')).toBe('2024 cash conversion cycle = DSO 43.8 + DIO 78.2142857143 − DPO 46.9285714286 = 75.0857142857 days (of the exact quotients)');
    expect(text('dupont-3')).toBe('2024 ROE by DuPont = net margin 0.06 × asset turnover 1.25 × equity multiplier 2 = 0.15 (ROE computed directly: 0.15)');
    expect(text('dupont-5')).toBe(
      '2024 ROE by DuPont in five steps = tax burden 0.75 × interest burden 0.8 × EBIT margin 0.1 × asset turnover 1.25 × equity multiplier 2 = 0.15 (ROE computed directly: 0.15)',
    );
    // Z′ = 2.43875 (hand derivation above): grey.
    expect(text('altman')).toBe('2024 Altman Z′ = 2.43875: grey zone');
    // Current ratio 2 ≥ 2: excellent; DSO 43.8 ≤ 45: good; interest coverage 5 ≥ 5: good.
    expect(text('band', 'currentRatio')).toBe('2024 current ratio 2 ≥ 2: excellent, likelihood very-low');
    expect(text('band', 'dso')).toBe('2024 DSO 43.8 ≤ 45: good, likelihood low');
    // Every ratio but revenue growth (one year) and the cycle (its own step): 17 − 2 = 15.
    expect(a.steps.filter((x) => x.code === 'ratio')).toHaveLength(15);
    const ratioStep = a.steps.find((x) => x.code === 'ratio' && x.ratio === 'roe');
    expect(ratioStep).toMatchObject({ year: 2024, formula: 'net income / equity' });
    expect(ratioStep && 'numerator' in ratioStep ? [s(ratioStep.numerator), s(ratioStep.denominator), s(ratioStep.value)] : null).toEqual(['60', '400', '0.15']);
  });

  it('a poor band names the last cut it misses; trends and the CAGR are steps too', () => {
    const Y2: FinancialYear = { ...YEAR, year: 2025, revenue: 1210, operatingCashFlow: 10 };
    const a = analyzeFinancials({ years: [{ ...YEAR, year: 2023, revenue: 1000 }, { ...YEAR, revenue: 1100 }, Y2], dayCount: 365, averages: false, benchmarks: distributorBenchmarks });
    // OCF ratio 2025: 10 / 250 = 0.04 < 0.05: poor.
    expect(a.steps.find((x) => x.code === 'band' && x.year === 2025 && x.ratio === 'operatingCashFlowRatio')!.text).toBe(
      '2025 operating-cash-flow ratio 0.04 < 0.05: poor, likelihood very-high',
    );
    // Revenue 1,000 → 1,210 over 2 years: (1,210 / 1,000)^(1/2) − 1 = 1.1 − 1 = 0.1.
    expect(a.steps.find((x) => x.code === 'revenue-cagr')!.text).toBe('revenue CAGR 2023–2025 = (1,210 / 1,000)^(1/2) − 1 = 0.1');
    expect(s(a.revenueCagr)).toBe('0.1');
    // Revenue growth 2024: 100 / 1,000 = 0.1; 2025: 110 / 1,100 = 0.1: flat.
    expect(a.steps.find((x) => x.code === 'trend' && x.trend.ratio === 'revenueGrowth')!.text).toBe('revenue growth 0.1 in 2024 → 0.1 in 2025: flat');
    // OCF ratio 0.28 → 0.04: down by 0.24, and higher is better: deteriorating.
    expect(a.steps.find((x) => x.code === 'trend' && x.trend.ratio === 'operatingCashFlowRatio')!.text).toBe(
      'operating-cash-flow ratio 0.28 in 2023 → 0.04 in 2025: down by 0.24, deteriorating',
    );
  });
});

describe('calculateAltmanZ: steps reproduce the score; ratioScale', () => {
  it("the issue's vector: each term numerator / denominator = ratio × coefficient, then the exact sum against the cut-offs", () => {
    const r = calculateAltmanZ({ variant: 'z', workingCapital: 90000, totalAssets: 620000, retainedEarnings: 30000, ebit: 55000, marketValueOfEquity: 100000, totalLiabilities: 280000, sales: 440000 });
    // 90/620 = 0.14516129032…; × 1.2 = 0.17419354838…; 30/620 = 0.04838709677…; × 1.4 = 0.06774193548…;
    // 55/620 = 0.08870967741…; × 3.3 = 0.29274193548…; 100/280 = 0.35714285714…; × 0.6 = 0.21428571428…;
    // 440/620 = 0.70967741935…; × 1 = 0.70967741935…; Z = 1.4586405529953917… → 1.458640553 at 10 places.
    expect(r.steps.map((x) => x.text)).toEqual([
      'X1 working capital / total assets = 90,000 / 620,000 = 0.1451612903; × 1.2 = 0.1741935484',
      'X2 retained earnings / total assets = 30,000 / 620,000 = 0.0483870968; × 1.4 = 0.0677419355',
      'X3 EBIT / total assets = 55,000 / 620,000 = 0.0887096774; × 3.3 = 0.2927419355',
      'X4 market value of equity / total liabilities = 100,000 / 280,000 = 0.3571428571; × 0.6 = 0.2142857143',
      'X5 sales / total assets = 440,000 / 620,000 = 0.7096774194; × 1 = 0.7096774194',
      'Z = 1.2 × X1 + 1.4 × X2 + 3.3 × X3 + 0.6 × X4 + 1 × X5 = 1.458640553 (of the exact ratios, to 10 places): distress (distress below 1.81, safe above 2.99)',
    ]);
    expect(s(r.z)).toBe('1.458640553');
    expect(r.steps[0]).toMatchObject({ code: 'altman-component', name: 'X1' });
    const x1 = r.steps[0]!;
    expect(x1.code === 'altman-component' ? [s(x1.numerator), s(x1.denominator), s(x1.ratio), s(x1.coefficient), s(x1.contribution)] : null).toEqual([
      '90000', '620000', '0.1451612903', '1.2', '0.1741935484',
    ]);
    expect(s(calculateAltmanZ({ variant: 'z', workingCapital: 90000, totalAssets: 620000, retainedEarnings: 30000, ebit: 55000, marketValueOfEquity: 100000, totalLiabilities: 280000, sales: 440000 }, { ratioScale: 4 }).z)).toBe('1.4586');
  });

  it('the zone compares the exact score: Z 1.80999999999 prints 1.81 at 2 places but is distress', () => {
    // X5 alone: sales / 100 with sales 180.999999999 → Z = 1.80999999999 < 1.81.
    const r = calculateAltmanZ({ variant: 'z', workingCapital: 0, totalAssets: 100, retainedEarnings: 0, ebit: 0, marketValueOfEquity: 0, totalLiabilities: 1, sales: '180.999999999' }, { ratioScale: 2 });
    expect([s(r.z), r.zone]).toEqual(['1.81', 'distress']);
  });
});

describe('analyzeFinancials refuses bad input, naming the path', () => {
  it('zero total assets', () => {
    const e = thrown(() => analyzeFinancials({ years: [{ ...YEAR, totalAssets: 0 }], dayCount: 365, averages: false }));
    expect(e.message).toBe('[dealerkit] years[0].totalAssets: must be greater than 0, received 0');
    expect(e.code).toBe('out_of_range');
  });
  it('negative amounts that cannot be negative, all at once', () => {
    const e = thrown(() => analyzeFinancials({ years: [{ ...YEAR, revenue: -1, inventory: '-0.5' }], dayCount: 365, averages: false }));
    expect(e.issues).toEqual([
      { path: ['years', 0, 'revenue'], code: 'out_of_range', message: 'must not be negative, received -1', expected: 'at least 0', received: '-1', limit: '0' },
      { path: ['years', 0, 'inventory'], code: 'out_of_range', message: 'must not be negative, received -0.5', expected: 'at least 0', received: '-0.5', limit: '0' },
    ]);
  });
  it('years out of order, a day count other than 360/365, no years, a missing figure, a typo', () => {
    const order = thrown(() => analyzeFinancials({ years: [YEAR, { ...YEAR, year: 2024 }], dayCount: 365, averages: false }));
    expect(order.message).toBe('[dealerkit] years[1].year: must be later than years[0].year (2024): years go from oldest to latest, received 2024');
    expect(order.issues[0]).toMatchObject({ code: 'not_ascending', limit: '2024', received: '2024' });
    expect(thrown(() => analyzeFinancials({ years: [YEAR], dayCount: 364 as never, averages: false })).issues[0]!.path).toEqual(['dayCount']);
    expect(thrown(() => analyzeFinancials({ years: [], dayCount: 365, averages: false })).message).toBe('[dealerkit] years: must hold at least 1 item');
    const { ebt: _e, ...noEbt } = YEAR;
    expect(thrown(() => analyzeFinancials({ years: [noEbt as never], dayCount: 365, averages: false })).message).toBe(
      '[dealerkit] years[0].ebt: must be a number or a numeric string, received nothing',
    );
    const typo = thrown(() => analyzeFinancials({ years: [{ ...YEAR, revenu: 1 } as never], dayCount: 365, averages: false }));
    expect(typo.issues.find((i) => i.code === 'unknown_field')).toMatchObject({ path: ['years', 0, 'revenu'], message: 'is not a known field; did you mean `revenue`?' });
  });
  it("variant 'z' without a market value of equity, every year named", () => {
    const e = thrown(() => analyzeFinancials({ years: [{ ...YEAR, year: 2023 }, YEAR], dayCount: 365, averages: false, altman: 'z' }));
    expect(e.issues.map((i) => i.path)).toEqual([['years', 0, 'marketValueOfEquity'], ['years', 1, 'marketValueOfEquity']]);
  });
  it('a benchmark table that is not one', () => {
    expect(thrown(() => analyzeFinancials({ years: [YEAR], dayCount: 365, averages: false, benchmarks: 'x' })).message).toBe(
      '[dealerkit] benchmarks: must be a benchmark table (from defineFinancialBenchmarks), received "x"',
    );
  });
});

describe('financial benchmarks', () => {
  it('bands on both sides of every cut (higher is better and lower is better)', () => {
    // current ratio (higher): cuts 2, 1.5, 1.2, 1
    const cr = (v: string) => toFinancialBand(distributorBenchmarks, 'currentRatio', v).band;
    expect(['2', '1.9999', '1.5', '1.4999', '1.2', '1.1999', '1', '0.9999', '0'].map(cr)).toEqual([
      'excellent', 'good', 'good', 'average', 'average', 'below-average', 'below-average', 'poor', 'poor',
    ]);
    // DSO (lower): cuts 30, 45, 60, 90
    const dso = (v: number) => toFinancialBand(distributorBenchmarks, 'dso', v).band;
    expect([0, 30, 30.01, 45, 45.01, 60, 60.01, 90, 90.01, 1e15].map(dso)).toEqual([
      'excellent', 'excellent', 'good', 'good', 'average', 'average', 'below-average', 'below-average', 'poor', 'poor',
    ]);
    expect(toFinancialBand(distributorBenchmarks, 'dso', 95).likelihood).toBe('very-high');
    expect(distributorBenchmarks.source).toContain('rules of thumb');
  });

  it('a table read back from JSON works again', () => {
    const back = JSON.parse(JSON.stringify(distributorBenchmarks));
    expect(toFinancialBand(back, 'debtRatio', '0.7').band).toBe('below-average');
  });

  it('refuses cuts in the wrong order, duplicate levels, wrong counts and unknown ratios', () => {
    const e = thrown(() =>
      defineFinancialBenchmarks({
        levels: ['a', 'b', 'c', 'd', 'a'],
        ratios: { currentRatio: { better: 'higher', cuts: [1, 2, 3, 4] }, dso: { better: 'lower', cuts: [30, 30, 60, 90] } },
      }),
    );
    const order = (path: (string | number)[], message: string, expected: string, received: string, limit: string) => ({ path, code: 'not_ascending', message, expected, received, limit });
    expect(e.issues).toEqual([
      { path: ['levels', 4], code: 'duplicate', message: "duplicates levels[0] ('a'); each band has its own level", received: '"a"' },
      order(['ratios', 'currentRatio', 'cuts', 1], 'must be less than cuts[0] (1): cuts run from excellent to poor, and higher is better, received 2', 'less than 1', '2', '1'),
      order(['ratios', 'currentRatio', 'cuts', 2], 'must be less than cuts[1] (2): cuts run from excellent to poor, and higher is better, received 3', 'less than 2', '3', '2'),
      order(['ratios', 'currentRatio', 'cuts', 3], 'must be less than cuts[2] (3): cuts run from excellent to poor, and higher is better, received 4', 'less than 3', '4', '3'),
      order(['ratios', 'dso', 'cuts', 1], 'must be greater than cuts[0] (30): cuts run from excellent to poor, and lower is better, received 30', 'greater than 30', '30', '30'),
    ]);
    expect(thrown(() => defineFinancialBenchmarks({ levels: ['a', 'b', 'c', 'd'], ratios: {} })).issues[0]!.path).toEqual(['levels']);
    expect(thrown(() => defineFinancialBenchmarks({ levels: ['a', 'b', 'c', 'd', 'e'], ratios: { dso: { better: 'lower', cuts: [1, 2, 3] } } })).issues[0]!.path).toEqual([
      'ratios', 'dso', 'cuts',
    ]);
    expect(thrown(() => defineFinancialBenchmarks({ levels: ['a', 'b', 'c', 'd', 'e'], ratios: { quickRatios: { better: 'higher', cuts: [4, 3, 2, 1] } } as never })).issues[0]!.path).toEqual([
      'ratios', 'quickRatios',
    ]);
    expect(thrown(() => toFinancialBand(distributorBenchmarks, 'roa', 1)).message).toBe(
      "[dealerkit] ratio: has no benchmark in 'wholesale distributor rules of thumb': 'roa' (benchmarked: 'currentRatio', 'quickRatio', 'debtRatio', 'interestCoverage', 'operatingCashFlowRatio', 'dso', 'dio', 'cashConversionCycle', 'netMargin', 'roe')",
    );
    expect(thrown(() => toFinancialBand(distributorBenchmarks, 'dso', 'abc')).message).toBe('[dealerkit] value: must be a number or a numeric string, received "abc"');
    expect(thrown(() => toFinancialBand(distributorBenchmarks, 'roa', 1)).issues[0]).toMatchObject({ path: ['ratio'], code: 'unknown_label', received: '"roa"' });
    expect(thrown(() => toFinancialBand(distributorBenchmarks, 7 as never, 1)).issues[0]).toMatchObject({ path: ['ratio'], code: 'invalid_type' });
  });

  it("ratio names like 'toString', 'constructor', '__proto__' are unknown ratios, not crashes", () => {
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf']) {
      const e = thrown(() => toFinancialBand(distributorBenchmarks, name as never, 1));
      expect(e.code).toBe('unknown_label');
      expect(e.issues[0]).toMatchObject({ path: ['ratio'], code: 'unknown_label' });
    }
    // A table read from JSON with a '__proto__' key: zod drops it, the other ratios work.
    const back = JSON.parse('{"kind":"financial-benchmarks","name":"j","levels":["a","b","c","d","e"],"ratios":{"__proto__":{"better":"lower","cuts":[1,2,3,4]},"dso":{"better":"lower","cuts":[30,45,60,90]}}}');
    expect(toFinancialBand(back, 'dso', 50).band).toBe('average');
    expect(thrown(() => toFinancialBand(back, '__proto__' as never, 1)).code).toBe('unknown_label');
  });

  it('cuts of a share (debt ratio, net margin, ROA, ROE) above 1 are percentages written as whole numbers, refused with the hint', () => {
    const e = thrown(() => defineFinancialBenchmarks({ levels: ['a', 'b', 'c', 'd', 'e'], ratios: { debtRatio: { better: 'lower', cuts: [40, 55, 65, 75] } } }));
    expect(e.code).toBe('out_of_range');
    expect(e.issues[0]).toEqual({
      path: ['ratios', 'debtRatio', 'cuts', 0],
      code: 'percent_as_whole_number',
      message: 'must be at most 1 (the debt ratio is a share), received 40: write 0.4 for 40 %',
      expected: 'at most 1',
      received: '40',
      limit: '1',
    });
    expect(e.issues.map((i) => i.code)).toEqual(['percent_as_whole_number', 'percent_as_whole_number', 'percent_as_whole_number', 'percent_as_whole_number']);
    expect(thrown(() => defineFinancialBenchmarks({ levels: ['a', 'b', 'c', 'd', 'e'], ratios: { roe: { better: 'higher', cuts: [20, 15, 10, 5] } } })).issues[0]!.message).toBe(
      'must be at most 1 (the ROE is a share), received 20: write 0.2 for 20 %',
    );
    // A current ratio of 2 or a DSO of 30 days are not shares: accepted.
    expect(distributorBenchmarks.ratios.currentRatio!.cuts.map(String)).toEqual(['2', '1.5', '1.2', '1']);
    // A negative cut of a margin is legitimate.
    expect(defineFinancialBenchmarks({ levels: ['a', 'b', 'c', 'd', 'e'], ratios: { netMargin: { better: 'higher', cuts: ['0.05', 0, '-0.05', '-0.1'] } } }).ratios.netMargin!.cuts.map(String)).toEqual(['0.05', '0', '-0.05', '-0.1']);
  });
});
