import { Decimal } from '../core/decimal.js';
import { IssueCollector, wrapThrown, type IssuePath } from '../core/errors.js';
import { roundRatio } from '../core/money.js';
import type { Warning } from '../core/result.js';
import { parseWith } from '../core/schema.js';
import { altmanFitWarnings, altmanOf, type AltmanResult } from './altman.js';
import { BANDS, bandOf, benchmarkOf, benchmarksAt, type FinancialBandResult, type FinancialBenchmarks } from './benchmarks.js';
import { RATIO_FORMULAS, RATIO_WORDS, RISK_MESSAGES as M, RISK_TEXTS as T, WARNING_CODES as W } from './messages.js';
import { ratioOptionsOf } from './options.js';
import { add, cmp, div, integer, mul, rationalOf, roundRational, sign, sub, type Rational } from './rational.js';
import {
  FINANCIAL_RATIOS,
  analyzeFinancialsInputShape,
  type AltmanVariant,
  type AnalyzeFinancialsInput,
  type FinancialRatioName,
  type ParsedFinancialYear,
} from './schema.js';
import { type AnalyzeFinancialsOptions, type FinancialAnalysis, type FinancialAnalysisStep, type FinancialYearAnalysis, type DupontThreeStep, type DupontFiveStep, type FinancialRatios, type FinancialTrend } from './financial-types.js';

export { type FinancialRatios, type DupontIdentity, type DupontThreeStep, type DupontFiveStep, type FinancialYearAnalysis, type FinancialTrend, type FinancialConventionsStep, type FinancialRatioStep, type FinancialCycleStep, type FinancialDupont3Step, type FinancialDupont5Step, type FinancialAltmanStep, type FinancialBandStep, type FinancialTrendStep, type FinancialCagrStep, type FinancialAnalysisStep, type FinancialAnalysis, type AnalyzeFinancialsOptions } from './financial-types.js';

const ZERO_R: Rational = integer(0);
const TWO = new Decimal(2);

function clean(d: Decimal): Decimal {
  return d.isZero() ? new Decimal(0) : d;
}

function chooseVariant(input: { altman?: AltmanVariant | undefined; firm?: { listed?: boolean | undefined; manufacturer?: boolean | undefined } | undefined }, years: ParsedFinancialYear[]): [AltmanVariant, string] {
  if (input.altman !== undefined) return [input.altman, T.variantRequested(input.altman)];
  const firm = input.firm ?? {};
  if (firm.manufacturer === false) return ['z-double-prime', T.variantNonManufacturer()];
  if (firm.listed !== false && years.every((y) => y.marketValueOfEquity !== undefined)) return ['z', T.variantListed()];
  return ['z-prime', T.variantPrivate()];
}

/**
 * Analyses years of financial statements: liquidity, leverage, coverage, the working-capital cycle,
 * profitability, ROE by DuPont in three and five steps (with the identity checked), trends, Altman
 * Z, and benchmark bands that turn ratios into likelihood levels.
 *
 * Per year: current ratio = current assets / current liabilities; quick = (current assets −
 * inventory) / current liabilities; debt ratio = total liabilities / total assets; debt to equity;
 * interest coverage = EBIT / interest; operating-cash-flow ratio = operating cash flow / current
 * liabilities; DSO = receivables × days / revenue; DIO = inventory × days / COGS; DPO = payables ×
 * days / COGS; cash conversion cycle = DSO + DIO − DPO; inventory turnover = COGS / inventory; net
 * margin; asset turnover; equity multiplier; ROA; ROE; revenue growth on the previous year.
 * `dayCount` is 360 or 365. With `averages: true`, the flow-over-stock ratios (DSO, DIO, DPO,
 * inventory turnover, asset turnover, equity multiplier, ROA, ROE) divide by the average of the
 * opening (the previous year's closing) and closing balances; a year without its previous year
 * uses year-end balances and says so. Point-in-time ratios (current, quick, debt) always use year-end.
 *
 * Every quotient is computed exactly (as a fraction) and reported rounded half-up to
 * `options.ratioScale` places (10 by default); benchmark bands, trend directions and Altman zones
 * compare the exact quotients, never the rounded figures. `steps` shows every numerator and
 * denominator, so each figure can be reproduced by hand.
 *
 * Zero total assets and negative amounts where none can be are errors. A figure that is legal but
 * not meaningful is `null` with a warning naming the input: zero revenue or COGS, zero current
 * liabilities, no interest expense, zero or negative equity (no debt to equity, equity multiplier,
 * ROE or DuPont), zero total liabilities (no Altman X4), a balance sheet that does not balance.
 *
 * @example
 * ```ts
 * const a = analyzeFinancials({ dayCount: 365, averages: false, years: [{ year: 2024, revenue: 1000, cogs: 700, ebit: 100, interest: 20, ebt: 80, netIncome: 60, totalAssets: 800, totalLiabilities: 400, currentAssets: 500, currentLiabilities: 250, inventory: 150, receivables: 120, payables: 90, equity: 400, retainedEarnings: 150, operatingCashFlow: 70 }] });
 * [a.years[0].dupont3.product.toString(), a.years[0].ratios.dio.toString(), a.steps[1].text];
 * //=> ['0.15', '78.2142857143', '2024 current ratio = current assets / current liabilities = 500 / 250 = 2']
 * ```
 */
export function analyzeFinancials(input: AnalyzeFinancialsInput, options?: AnalyzeFinancialsOptions): FinancialAnalysis {
  try {
    const { ratioScale } = ratioOptionsOf(options);
    const s = parseWith(analyzeFinancialsInputShape, input);
    const issues = new IssueCollector();
    s.years.forEach((y, k) => {
      if (k > 0 && !(y.year > s.years[k - 1]!.year)) {
        issues.add(['years', k, 'year'], M.yearOrder(k, s.years[k - 1]!.year, y.year), 'invalid_input', {
          code: 'not_ascending',
          expected: `later than ${s.years[k - 1]!.year}`,
          received: String(y.year),
          limit: String(s.years[k - 1]!.year),
        });
      }
    });
    issues.throwIfAny();
    const benchmarks: FinancialBenchmarks | undefined = s.benchmarks === undefined ? undefined : benchmarksAt(s.benchmarks, ['benchmarks']);
    const [variant, variantWhy] = chooseVariant(s, s.years);
    if (variant === 'z') {
      s.years.forEach((y, k) => {
        if (y.marketValueOfEquity === undefined) issues.add(['years', k, 'marketValueOfEquity'], M.altmanMarketEquityYear(), 'invalid_input', { code: 'required' });
      });
      issues.throwIfAny();
    }
    const fit = altmanFitWarnings(variant, s.firm ?? {}, s.altman !== undefined ? ['altman'] : ['firm']);
    const days = new Decimal(s.dayCount);
    const warnings: Warning[] = [...fit];
    const warn = (code: string, path: IssuePath, message: string) => warnings.push({ code, message, path: [...path] });
    const steps: FinancialAnalysisStep[] = [];
    steps.push({
      code: 'conventions',
      dayCount: s.dayCount,
      averages: s.averages,
      altmanVariant: variant,
      benchmarks: benchmarks?.name ?? null,
      ratioScale,
      text: T.conventions(s.dayCount, s.averages, variantWhy, benchmarks?.name ?? null, ratioScale),
    });
    const round = (r: Rational) => roundRational(r, ratioScale);
    const exactByYear: Partial<Record<FinancialRatioName, Rational | null>>[] = [];

    const years: FinancialYearAnalysis[] = s.years.map((y, k) => {
      const at = (field: string): IssuePath => ['years', k, field];
      const prev = k > 0 && s.years[k - 1]!.year === y.year - 1 ? s.years[k - 1]! : undefined;
      const averaged = s.averages && prev !== undefined;
      if (s.averages && prev === undefined) warn(W.noPreviousYear, ['years', k], M.noPreviousYear(y.year));
      const avg = (field: 'totalAssets' | 'equity' | 'inventory' | 'receivables' | 'payables'): Decimal =>
        averaged ? y[field].plus(prev![field]).div(TWO) : y[field];

      // Consistency of the statements: legal, but a figure built on them would mislead.
      const balance = y.totalLiabilities.plus(y.equity);
      if (!balance.eq(y.totalAssets)) warn(W.balanceSheet, at('totalAssets'), M.balanceSheet(y.totalAssets, balance));
      if (y.currentAssets.gt(y.totalAssets)) warn(W.currentAssets, at('currentAssets'), M.currentAssetsAboveTotal(y.currentAssets, y.totalAssets));
      if (y.currentLiabilities.gt(y.totalLiabilities)) warn(W.currentLiabilities, at('currentLiabilities'), M.currentLiabilitiesAboveTotal(y.currentLiabilities, y.totalLiabilities));

      // Each zero denominator nulls its ratios once, with one warning naming them.
      const nulls = new Map<string, { path: IssuePath; why: string; ratios: string[] }>();
      const exact: Partial<Record<FinancialRatioName, Rational | null>> = {};
      const quotient = (name: string, num: Decimal, den: Decimal, denPath: IssuePath, why: string): Rational | null => {
        if (!den.isZero()) return div(rationalOf(num), rationalOf(den));
        const key = denPath.join('.');
        const entry = nulls.get(key) ?? { path: denPath, why, ratios: [] };
        entry.ratios.push(name);
        nulls.set(key, entry);
        return null;
      };
      // A ratio of FINANCIAL_RATIOS: exact, reported rounded, and shown as a step.
      const ratio = (name: FinancialRatioName, num: Decimal, den: Decimal, denPath: IssuePath, why = 'is 0'): Rational | null => {
        const q = quotient(RATIO_WORDS[name], num, den, denPath, why);
        exact[name] = q;
        if (q !== null) {
          const formula = RATIO_FORMULAS[name](averaged, s.dayCount);
          const value = round(q);
          steps.push({ code: 'ratio', year: y.year, ratio: name, formula, numerator: clean(num), denominator: den, value, text: T.ratio(y.year, RATIO_WORDS[name], formula, num, den, value) });
        }
        return q;
      };

      const avgAssets = avg('totalAssets');
      const avgEquity = avg('equity');
      const equityPositive = y.equity.isPositive() && !y.equity.isZero() && avgEquity.isPositive() && !avgEquity.isZero();
      if (!equityPositive) {
        const which = !(y.equity.isPositive() && !y.equity.isZero()) ? y.equity : avgEquity;
        warn(W.equity, at('equity'), M.equityNotPositive(which, which !== y.equity));
      }
      const cl = at('currentLiabilities');
      const rev = at('revenue');
      const cogs = at('cogs');
      const currentRatio = ratio('currentRatio', y.currentAssets, y.currentLiabilities, cl);
      const quickRatio = ratio('quickRatio', y.currentAssets.minus(y.inventory), y.currentLiabilities, cl);
      const debtRatio = ratio('debtRatio', y.totalLiabilities, y.totalAssets, at('totalAssets'));
      const debtToEquity = equityPositive ? ratio('debtToEquity', y.totalLiabilities, y.equity, at('equity')) : (exact.debtToEquity = null);
      const interestCoverage = ratio('interestCoverage', y.ebit, y.interest, at('interest'), M.noInterest());
      const operatingCashFlowRatio = ratio('operatingCashFlowRatio', y.operatingCashFlow, y.currentLiabilities, cl);
      const dso = ratio('dso', avg('receivables').times(days), y.revenue, rev);
      const dio = ratio('dio', avg('inventory').times(days), y.cogs, cogs);
      const dpo = ratio('dpo', avg('payables').times(days), y.cogs, cogs);
      let cashConversionCycle: Rational | null = null;
      if (dso !== null && dio !== null && dpo !== null) {
        cashConversionCycle = sub(add(dso, dio), dpo);
        const value = round(cashConversionCycle);
        steps.push({ code: 'cash-conversion-cycle', year: y.year, dso: round(dso), dio: round(dio), dpo: round(dpo), value, text: T.cycle(y.year, round(dso), round(dio), round(dpo), value) });
      }
      exact.cashConversionCycle = cashConversionCycle;
      const inventoryTurnover = ratio('inventoryTurnover', y.cogs, avg('inventory'), at('inventory'), averaged ? 'averages 0' : 'is 0');
      const netMargin = ratio('netMargin', y.netIncome, y.revenue, rev);
      const ebitMargin = quotient('EBIT margin (DuPont)', y.ebit, y.revenue, rev, 'is 0');
      const assetTurnover = ratio('assetTurnover', y.revenue, avgAssets, at('totalAssets'));
      const equityMultiplier = equityPositive ? ratio('equityMultiplier', avgAssets, avgEquity, at('equity')) : (exact.equityMultiplier = null);
      const roa = ratio('roa', y.netIncome, avgAssets, at('totalAssets'));
      const roe = equityPositive ? ratio('roe', y.netIncome, avgEquity, at('equity')) : (exact.roe = null);
      const revenueGrowth = prev !== undefined ? ratio('revenueGrowth', y.revenue.minus(prev.revenue), prev.revenue, ['years', k - 1, 'revenue']) : (exact.revenueGrowth = null);
      const taxBurden = quotient('tax burden (DuPont)', y.netIncome, y.ebt, at('ebt'), 'is 0');
      const interestBurden = quotient('interest burden (DuPont)', y.ebt, y.ebit, at('ebit'), 'is 0');
      for (const n of nulls.values()) warn(W.notMeaningful, n.path, M.notMeaningful(n.why, n.ratios));
      exactByYear.push(exact);

      let dupont3: DupontThreeStep | null = null;
      let dupont5: DupontFiveStep | null = null;
      if (roe !== null && equityMultiplier !== null && assetTurnover !== null) {
        const check = (product: Rational) => {
          const difference = sub(product, roe);
          return { product: round(product), roe: round(roe), difference: round(difference), identityHolds: sign(difference) === 0 };
        };
        if (netMargin !== null) {
          dupont3 = { netMargin: round(netMargin), assetTurnover: round(assetTurnover), equityMultiplier: round(equityMultiplier), ...check(mul(mul(netMargin, assetTurnover), equityMultiplier)) };
          steps.push({ code: 'dupont-3', year: y.year, netMargin: dupont3.netMargin, assetTurnover: dupont3.assetTurnover, equityMultiplier: dupont3.equityMultiplier, product: dupont3.product, roe: dupont3.roe, text: T.dupont3(y.year, dupont3) });
        }
        if (taxBurden !== null && interestBurden !== null && ebitMargin !== null) {
          dupont5 = {
            taxBurden: round(taxBurden),
            interestBurden: round(interestBurden),
            ebitMargin: round(ebitMargin),
            assetTurnover: round(assetTurnover),
            equityMultiplier: round(equityMultiplier),
            ...check(mul(mul(mul(mul(taxBurden, interestBurden), ebitMargin), assetTurnover), equityMultiplier)),
          };
          const d5 = dupont5;
          steps.push({ code: 'dupont-5', year: y.year, taxBurden: d5.taxBurden, interestBurden: d5.interestBurden, ebitMargin: d5.ebitMargin, assetTurnover: d5.assetTurnover, equityMultiplier: d5.equityMultiplier, product: d5.product, roe: d5.roe, text: T.dupont5(y.year, d5) });
        }
      }

      let altman: AltmanResult | null = null;
      if (y.totalLiabilities.isZero()) {
        warn(W.noAltman, at('totalLiabilities'), M.noAltman());
      } else {
        altman = altmanOf(
          variant,
          {
            workingCapital: y.currentAssets.minus(y.currentLiabilities),
            totalAssets: y.totalAssets,
            retainedEarnings: y.retainedEarnings,
            ebit: y.ebit,
            marketValueOfEquity: y.marketValueOfEquity,
            bookValueOfEquity: y.equity,
            totalLiabilities: y.totalLiabilities,
            sales: y.revenue,
          },
          fit,
          ['years', k],
          ratioScale,
        );
        steps.push({ code: 'altman', year: y.year, variant, z: altman.z, zone: altman.zone, text: T.altmanYear(y.year, variant, altman.z, altman.zone) });
      }

      const r = (q: Rational | null) => (q === null ? null : round(q));
      const ratios: FinancialRatios = {
        currentRatio: r(currentRatio),
        quickRatio: r(quickRatio),
        debtRatio: r(debtRatio),
        debtToEquity: r(debtToEquity),
        interestCoverage: r(interestCoverage),
        operatingCashFlowRatio: r(operatingCashFlowRatio),
        dso: r(dso),
        dio: r(dio),
        dpo: r(dpo),
        cashConversionCycle: r(cashConversionCycle),
        inventoryTurnover: r(inventoryTurnover),
        netMargin: r(netMargin),
        assetTurnover: r(assetTurnover),
        equityMultiplier: r(equityMultiplier),
        roa: r(roa),
        roe: r(roe),
        revenueGrowth: r(revenueGrowth),
      };
      const bands: Partial<Record<FinancialRatioName, FinancialBandResult>> = {};
      if (benchmarks !== undefined) {
        for (const name of FINANCIAL_RATIOS) {
          const b = benchmarkOf(benchmarks, name);
          const q = exact[name];
          const value = ratios[name];
          if (b === undefined || q === undefined || q === null || value === null) continue;
          const band = bandOf(b, q);
          const likelihood = benchmarks.levels[band]!;
          bands[name] = { value, band: BANDS[band]!, likelihood };
          const cut = band < 4 ? b.cuts[band]! : null;
          steps.push({ code: 'band', year: y.year, ratio: name, value, better: b.better, cut, band: BANDS[band]!, likelihood, text: T.band(y.year, RATIO_WORDS[name], value, b.better, cut, b.cuts[3]!, BANDS[band]!, likelihood) });
        }
      }
      return { year: y.year, basis: averaged ? 'average' : 'year-end', ratios, dupont3, dupont5, altman, bands };
    });

    const trends: FinancialTrend[] = [];
    for (const name of FINANCIAL_RATIOS) {
      const present: number[] = [];
      years.forEach((y, k) => {
        if (y.ratios[name] !== null) present.push(k);
      });
      if (present.length < 2) continue;
      const ka = present[0]!;
      const kb = present[present.length - 1]!;
      const exactChange = sub(exactByYear[kb]![name]!, exactByYear[ka]![name]!);
      const dir = sign(exactChange);
      const direction = dir === 0 ? 'flat' : dir > 0 ? 'up' : 'down';
      const bench = benchmarks === undefined ? undefined : benchmarkOf(benchmarks, name);
      const assessment =
        bench === undefined ? null : direction === 'flat' ? 'stable' : (direction === 'up') === (bench.better === 'higher') ? 'improving' : 'deteriorating';
      const trend: FinancialTrend = {
        ratio: name,
        fromYear: years[ka]!.year,
        toYear: years[kb]!.year,
        first: years[ka]!.ratios[name]!,
        last: years[kb]!.ratios[name]!,
        change: round(exactChange),
        direction,
        assessment,
      };
      trends.push(trend);
      steps.push({ code: 'trend', trend, text: T.trend(RATIO_WORDS[name], trend) });
    }

    const firstY = s.years[0]!;
    const lastY = s.years[s.years.length - 1]!;
    let revenueCagr: Decimal | null = null;
    if (s.years.length > 1 && cmp(rationalOf(firstY.revenue), ZERO_R) > 0 && cmp(rationalOf(lastY.revenue), ZERO_R) > 0) {
      const n = lastY.year - firstY.year;
      revenueCagr = clean(roundRatio(lastY.revenue.div(firstY.revenue).pow(new Decimal(1).div(n)).minus(1), ratioScale));
      steps.push({ code: 'revenue-cagr', fromYear: firstY.year, toYear: lastY.year, first: firstY.revenue, last: lastY.revenue, value: revenueCagr, text: T.cagr(firstY.year, lastY.year, firstY.revenue, lastY.revenue, n, revenueCagr) });
    }

    return { dayCount: s.dayCount, averages: s.averages, altmanVariant: variant, benchmarks: benchmarks?.name ?? null, ratioScale, years, trends, revenueCagr, warnings, steps };
  } catch (error) {
    throw wrapThrown(error);
  }
}
