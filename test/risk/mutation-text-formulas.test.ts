// The formula of every ratio step, in words, as a reader checks it against the textbook definitions
// (current ratio = current assets / current liabilities, DSO = receivables × days / revenue, ...):
// the first year reads year-end balances, a later year with `averages: true` reads the average of
// the opening and closing balances, so each balance-sheet figure is prefixed "average" there, and
// the day count (360 here, not 365) appears in DSO, DIO and DPO. Revenue growth needs a previous year.
import { describe, expect, it } from 'vitest';
import { analyzeFinancials } from 'dealerkit';

const y2024 = { year: 2024, revenue: 1000, cogs: 700, ebit: 100, interest: 20, ebt: 80, netIncome: 60, totalAssets: 800, totalLiabilities: 400, currentAssets: 500, currentLiabilities: 250, inventory: 150, receivables: 120, payables: 90, equity: 400, retainedEarnings: 150, operatingCashFlow: 70 };
const formulas = (averages: boolean, year: number) => {
  const a = analyzeFinancials({ dayCount: 360, averages, years: [y2024, { ...y2024, year: 2025, revenue: 1100 }] });
  return Object.fromEntries(a.steps.filter((s) => s.code === 'ratio' && s.year === year).map((s) => [(s as { ratio: string }).ratio, (s as { formula: string }).formula]));
};

const sameEveryYear = {
  currentRatio: 'current assets / current liabilities',
  quickRatio: '(current assets − inventory) / current liabilities',
  debtRatio: 'total liabilities / total assets',
  debtToEquity: 'total liabilities / equity',
  interestCoverage: 'EBIT / interest',
  operatingCashFlowRatio: 'operating cash flow / current liabilities',
  netMargin: 'net income / revenue',
};

describe('ratio steps: the formula in words', () => {
  it('year-end balances (the first year, and every year without averages)', () => {
    const yearEnd = {
      ...sameEveryYear,
      dso: 'receivables × 360 / revenue',
      dio: 'inventory × 360 / COGS',
      dpo: 'payables × 360 / COGS',
      inventoryTurnover: 'COGS / inventory',
      assetTurnover: 'revenue / total assets',
      equityMultiplier: 'total assets / equity',
      roa: 'net income / total assets',
      roe: 'net income / equity',
    };
    expect(formulas(true, 2024)).toEqual(yearEnd);
    expect(formulas(false, 2025)).toEqual({ ...yearEnd, revenueGrowth: '(revenue − previous revenue) / previous revenue' });
  });
  it('average balances (a later year with averages: true)', () => {
    expect(formulas(true, 2025)).toEqual({
      ...sameEveryYear,
      dso: 'average receivables × 360 / revenue',
      dio: 'average inventory × 360 / COGS',
      dpo: 'average payables × 360 / COGS',
      inventoryTurnover: 'COGS / average inventory',
      assetTurnover: 'revenue / average total assets',
      equityMultiplier: 'average total assets / average equity',
      roa: 'net income / average total assets',
      roe: 'net income / average equity',
      revenueGrowth: '(revenue − previous revenue) / previous revenue',
    });
  });
});
