import type * as z from 'zod/mini';
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
    checkYearOrder(s.years);
    const benchmarks: FinancialBenchmarks | undefined = s.benchmarks === undefined ? undefined : benchmarksAt(s.benchmarks, ['benchmarks']);
    const [variant, variantWhy] = chooseVariant(s, s.years);
    if (variant === 'z') requireMarketEquity(s.years);
    const fit = altmanFitWarnings(variant, s.firm ?? {}, s.altman !== undefined ? ['altman'] : ['firm']);
    const days = new Decimal(s.dayCount);
    const warnings: Warning[] = [...fit];
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
    const a: Analysis = { s, ratioScale, variant, fit, benchmarks, days, warnings, steps, round, exactByYear: [] };
    const years: FinancialYearAnalysis[] = s.years.map((y, k) => analyzeYear(a, y, k));
    const trends = trendsOf(a, years);
    const revenueCagr = revenueCagrOf(a);
    return { dayCount: s.dayCount, averages: s.averages, altmanVariant: variant, benchmarks: benchmarks?.name ?? null, ratioScale, years, trends, revenueCagr, warnings, steps };
  } catch (error) {
    throw wrapThrown(error);
  }
}

type ParsedInput = z.output<typeof analyzeFinancialsInputShape>;
type ExactRatios = Partial<Record<FinancialRatioName, Rational | null>>;

/** What every year of an analysis shares: the parsed input, its conventions, and the warnings and steps so far. */
interface Analysis {
  readonly s: ParsedInput;
  readonly ratioScale: number;
  readonly variant: AltmanVariant;
  /** The warnings on the Altman variant's fit, also handed to every year's Altman score. */
  readonly fit: Warning[];
  readonly benchmarks: FinancialBenchmarks | undefined;
  /** The day count as a Decimal. */
  readonly days: Decimal;
  readonly warnings: Warning[];
  readonly steps: FinancialAnalysisStep[];
  /** A quotient rounded half-up to `ratioScale` places. */
  readonly round: (r: Rational) => Decimal;
  /** Each year's exact quotients, for the trends. */
  readonly exactByYear: ExactRatios[];
}

/** One year being analysed: its statements, its previous year when consecutive, and its exact quotients. */
interface Year {
  readonly a: Analysis;
  readonly y: ParsedFinancialYear;
  readonly k: number;
  readonly prev: ParsedFinancialYear | undefined;
  /** Whether flow-over-stock ratios divide by average balances. */
  readonly averaged: boolean;
  /** Each zero denominator nulls its ratios once, with one warning naming them. */
  readonly nulls: Map<string, { path: IssuePath; why: string; ratios: string[] }>;
  readonly exact: ExactRatios;
}

/** Refuses years that are not in ascending order. */
function checkYearOrder(years: readonly ParsedFinancialYear[]): void {
  const issues = new IssueCollector();
  years.forEach((y, k) => {
    if (k > 0 && !(y.year > years[k - 1]!.year)) {
      issues.add(['years', k, 'year'], M.yearOrder(k, years[k - 1]!.year, y.year), 'invalid_input', {
        code: 'not_ascending',
        expected: `later than ${years[k - 1]!.year}`,
        received: String(y.year),
        limit: String(years[k - 1]!.year),
      });
    }
  });
  issues.throwIfAny();
}

/** Altman's original Z needs every year's market value of equity. */
function requireMarketEquity(years: readonly ParsedFinancialYear[]): void {
  const issues = new IssueCollector();
  years.forEach((y, k) => {
    if (y.marketValueOfEquity === undefined) issues.add(['years', k, 'marketValueOfEquity'], M.altmanMarketEquityYear(), 'invalid_input', { code: 'required' });
  });
  issues.throwIfAny();
}

/** Records a warning of the analysis at a copy of `path`. */
function warn(a: Analysis, code: string, path: IssuePath, message: string): void {
  a.warnings.push({ code, message, path: [...path] });
}

/** The path of one of the year's fields. */
function at(yr: Year, field: string): IssuePath {
  return ['years', yr.k, field];
}

/** A balance averaged with the previous year's closing one when averaging, else the year-end balance. */
function average(yr: Year, field: 'totalAssets' | 'equity' | 'inventory' | 'receivables' | 'payables'): Decimal {
  return yr.averaged ? yr.y[field].plus(yr.prev![field]).div(TWO) : yr.y[field];
}

/** One year: its warnings, ratios, cycle, DuPont, Altman score and bands, each figure with its steps. */
function analyzeYear(a: Analysis, y: ParsedFinancialYear, k: number): FinancialYearAnalysis {
  const s = a.s;
  const prev = k > 0 && s.years[k - 1]!.year === y.year - 1 ? s.years[k - 1]! : undefined;
  const averaged = s.averages && prev !== undefined;
  if (s.averages && prev === undefined) warn(a, W.noPreviousYear, ['years', k], M.noPreviousYear(y.year));
  const yr: Year = { a, y, k, prev, averaged, nulls: new Map(), exact: {} };
  checkStatements(yr);
  const dupontOnly = yearRatios(yr);
  for (const n of yr.nulls.values()) warn(a, W.notMeaningful, n.path, M.notMeaningful(n.why, n.ratios));
  a.exactByYear.push(yr.exact);
  const { dupont3, dupont5 } = dupontOf(yr, dupontOnly);
  const altman = altmanYear(yr);
  const ratios = roundedRatios(a, yr.exact);
  const bands = bandsOf(yr, ratios);
  return { year: y.year, basis: averaged ? 'average' : 'year-end', ratios, dupont3, dupont5, altman, bands };
}

/** Consistency of the statements: legal, but a figure built on them would mislead. */
function checkStatements(yr: Year): void {
  const { a, y } = yr;
  const balance = y.totalLiabilities.plus(y.equity);
  if (!balance.eq(y.totalAssets)) warn(a, W.balanceSheet, at(yr, 'totalAssets'), M.balanceSheet(y.totalAssets, balance));
  if (y.currentAssets.gt(y.totalAssets)) warn(a, W.currentAssets, at(yr, 'currentAssets'), M.currentAssetsAboveTotal(y.currentAssets, y.totalAssets));
  if (y.currentLiabilities.gt(y.totalLiabilities)) warn(a, W.currentLiabilities, at(yr, 'currentLiabilities'), M.currentLiabilitiesAboveTotal(y.currentLiabilities, y.totalLiabilities));
}

/** An exact quotient, or null when the denominator is zero (noted once per denominator, with `name`). */
function quotient(yr: Year, name: string, num: Decimal, den: Decimal, denPath: IssuePath, why: string): Rational | null {
  if (!den.isZero()) return div(rationalOf(num), rationalOf(den));
  // Stryker disable next-line StringLiteral: every denominator path is ['years', k, field] with k an integer and field a word, so joined with '' or '.' two paths collide only when equal
  const key = denPath.join('.');
  const entry = yr.nulls.get(key) ?? { path: denPath, why, ratios: [] };
  entry.ratios.push(name);
  yr.nulls.set(key, entry);
  return null;
}

/** A ratio of FINANCIAL_RATIOS: exact, reported rounded, and shown as a step. */
function ratio(yr: Year, name: FinancialRatioName, num: Decimal, den: Decimal, denPath: IssuePath, why = 'is 0'): Rational | null {
  const q = quotient(yr, RATIO_WORDS[name], num, den, denPath, why);
  yr.exact[name] = q;
  if (q !== null) {
    const formula = RATIO_FORMULAS[name](yr.averaged, yr.a.s.dayCount);
    const value = yr.a.round(q);
    yr.a.steps.push({ code: 'ratio', year: yr.y.year, ratio: name, formula, numerator: clean(num), denominator: den, value, text: T.ratio(yr.y.year, RATIO_WORDS[name], formula, num, den, value) });
  }
  return q;
}

/** The quotients DuPont's five steps need that are no ratio of FINANCIAL_RATIOS. */
interface DupontOnly {
  readonly ebitMargin: Rational | null;
  readonly taxBurden: Rational | null;
  readonly interestBurden: Rational | null;
}

/** Every ratio of the year, in order, into `yr.exact` (with their steps and the cycle's); returns DuPont's other quotients. */
function yearRatios(yr: Year): DupontOnly {
  const { a, y, k, prev, averaged, exact } = yr;
  const avgAssets = average(yr, 'totalAssets');
  const avgEquity = average(yr, 'equity');
  const equityPositive = y.equity.isPositive() && !y.equity.isZero() && avgEquity.isPositive() && !avgEquity.isZero();
  if (!equityPositive) {
    const which = !(y.equity.isPositive() && !y.equity.isZero()) ? y.equity : avgEquity;
    warn(a, W.equity, at(yr, 'equity'), M.equityNotPositive(which, which !== y.equity));
  }
  // Stryker disable next-line StringLiteral: total assets are refused unless greater than 0 (so is their average), so a ratio over them never reads this path of a zero denominator
  const ta = at(yr, 'totalAssets');
  // Stryker disable next-line StringLiteral: read only by ratios computed when equityPositive, whose denominators (equity, average equity) are then not 0
  const eq = at(yr, 'equity');
  const cl = at(yr, 'currentLiabilities');
  const rev = at(yr, 'revenue');
  const cogs = at(yr, 'cogs');
  ratio(yr, 'currentRatio', y.currentAssets, y.currentLiabilities, cl);
  ratio(yr, 'quickRatio', y.currentAssets.minus(y.inventory), y.currentLiabilities, cl);
  ratio(yr, 'debtRatio', y.totalLiabilities, y.totalAssets, ta);
  if (equityPositive) ratio(yr, 'debtToEquity', y.totalLiabilities, y.equity, eq);
  else exact.debtToEquity = null;
  ratio(yr, 'interestCoverage', y.ebit, y.interest, at(yr, 'interest'), M.noInterest());
  ratio(yr, 'operatingCashFlowRatio', y.operatingCashFlow, y.currentLiabilities, cl);
  const dso = ratio(yr, 'dso', average(yr, 'receivables').times(a.days), y.revenue, rev);
  const dio = ratio(yr, 'dio', average(yr, 'inventory').times(a.days), y.cogs, cogs);
  const dpo = ratio(yr, 'dpo', average(yr, 'payables').times(a.days), y.cogs, cogs);
  exact.cashConversionCycle = cashConversionCycle(yr, dso, dio, dpo);
  ratio(yr, 'inventoryTurnover', y.cogs, average(yr, 'inventory'), at(yr, 'inventory'), averaged ? 'averages 0' : 'is 0');
  ratio(yr, 'netMargin', y.netIncome, y.revenue, rev);
  const ebitMargin = quotient(yr, 'EBIT margin (DuPont)', y.ebit, y.revenue, rev, 'is 0');
  ratio(yr, 'assetTurnover', y.revenue, avgAssets, ta);
  if (equityPositive) ratio(yr, 'equityMultiplier', avgAssets, avgEquity, eq);
  else exact.equityMultiplier = null;
  ratio(yr, 'roa', y.netIncome, avgAssets, ta);
  if (equityPositive) ratio(yr, 'roe', y.netIncome, avgEquity, eq);
  else exact.roe = null;
  if (prev !== undefined) ratio(yr, 'revenueGrowth', y.revenue.minus(prev.revenue), prev.revenue, ['years', k - 1, 'revenue']);
  else exact.revenueGrowth = null;
  const taxBurden = quotient(yr, 'tax burden (DuPont)', y.netIncome, y.ebt, at(yr, 'ebt'), 'is 0');
  const interestBurden = quotient(yr, 'interest burden (DuPont)', y.ebt, y.ebit, at(yr, 'ebit'), 'is 0');
  return { ebitMargin, taxBurden, interestBurden };
}

/** The cash conversion cycle DSO + DIO − DPO with its step, or null when one of them is. */
function cashConversionCycle(yr: Year, dso: Rational | null, dio: Rational | null, dpo: Rational | null): Rational | null {
  // DIO and DPO share the denominator COGS: one is null exactly when the other is.
  if (dso === null || dio === null) return null;
  const round = yr.a.round;
  const cycle = sub(add(dso, dio), dpo!);
  const value = round(cycle);
  yr.a.steps.push({ code: 'cash-conversion-cycle', year: yr.y.year, dso: round(dso), dio: round(dio), dpo: round(dpo!), value, text: T.cycle(yr.y.year, round(dso), round(dio), round(dpo!), value) });
  return cycle;
}

/** A DuPont product against ROE: both rounded, their difference, and whether the identity holds exactly. */
function identity(a: Analysis, product: Rational, roe: Rational) {
  const difference = sub(product, roe);
  return { product: a.round(product), roe: a.round(roe), difference: a.round(difference), identityHolds: sign(difference) === 0 };
}

/** ROE by DuPont in three and in five steps, each with its step, or null when a factor is. */
function dupontOf(yr: Year, d: DupontOnly): { dupont3: DupontThreeStep | null; dupont5: DupontFiveStep | null } {
  const { a, y, exact } = yr;
  const round = a.round;
  const roe = exact.roe ?? null;
  const netMargin = exact.netMargin ?? null;
  let dupont3: DupontThreeStep | null = null;
  let dupont5: DupontFiveStep | null = null;
  // ROE and the equity multiplier are null together (both need positive equity); asset turnover never is (total assets > 0).
  if (roe !== null) {
    const equityMultiplier = exact.equityMultiplier!;
    const assetTurnover = exact.assetTurnover!;
    if (netMargin !== null) {
      dupont3 = { netMargin: round(netMargin), assetTurnover: round(assetTurnover), equityMultiplier: round(equityMultiplier), ...identity(a, mul(mul(netMargin, assetTurnover), equityMultiplier), roe) };
      a.steps.push({ code: 'dupont-3', year: y.year, netMargin: dupont3.netMargin, assetTurnover: dupont3.assetTurnover, equityMultiplier: dupont3.equityMultiplier, product: dupont3.product, roe: dupont3.roe, text: T.dupont3(y.year, dupont3) });
    }
    const { taxBurden, interestBurden, ebitMargin } = d;
    if (taxBurden !== null && interestBurden !== null && ebitMargin !== null) {
      dupont5 = {
        taxBurden: round(taxBurden),
        interestBurden: round(interestBurden),
        ebitMargin: round(ebitMargin),
        assetTurnover: round(assetTurnover),
        equityMultiplier: round(equityMultiplier),
        ...identity(a, mul(mul(mul(mul(taxBurden, interestBurden), ebitMargin), assetTurnover), equityMultiplier), roe),
      };
      const d5 = dupont5;
      a.steps.push({ code: 'dupont-5', year: y.year, taxBurden: d5.taxBurden, interestBurden: d5.interestBurden, ebitMargin: d5.ebitMargin, assetTurnover: d5.assetTurnover, equityMultiplier: d5.equityMultiplier, product: d5.product, roe: d5.roe, text: T.dupont5(y.year, d5) });
    }
  }
  return { dupont3, dupont5 };
}

/** The year's Altman score with its step, or null (with a warning) when total liabilities are zero. */
function altmanYear(yr: Year): AltmanResult | null {
  const { a, y, k } = yr;
  if (y.totalLiabilities.isZero()) {
    warn(a, W.noAltman, at(yr, 'totalLiabilities'), M.noAltman());
    return null;
  }
  const altman = altmanOf(
    a.variant,
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
    a.fit,
    ['years', k],
    a.ratioScale,
  );
  a.steps.push({ code: 'altman', year: y.year, variant: a.variant, z: altman.z, zone: altman.zone, text: T.altmanYear(y.year, a.variant, altman.z, altman.zone) });
  return altman;
}

/** The year's ratios as reported: each exact quotient rounded, or null. */
function roundedRatios(a: Analysis, exact: ExactRatios): FinancialRatios {
  const r = (q: Rational | null | undefined) => (q === null || q === undefined ? null : a.round(q));
  return {
    currentRatio: r(exact.currentRatio),
    quickRatio: r(exact.quickRatio),
    debtRatio: r(exact.debtRatio),
    debtToEquity: r(exact.debtToEquity),
    interestCoverage: r(exact.interestCoverage),
    operatingCashFlowRatio: r(exact.operatingCashFlowRatio),
    dso: r(exact.dso),
    dio: r(exact.dio),
    dpo: r(exact.dpo),
    cashConversionCycle: r(exact.cashConversionCycle),
    inventoryTurnover: r(exact.inventoryTurnover),
    netMargin: r(exact.netMargin),
    assetTurnover: r(exact.assetTurnover),
    equityMultiplier: r(exact.equityMultiplier),
    roa: r(exact.roa),
    roe: r(exact.roe),
    revenueGrowth: r(exact.revenueGrowth),
  };
}

/** Each benchmarked ratio's band and likelihood, from its exact quotient, each with its step. */
function bandsOf(yr: Year, ratios: FinancialRatios): Partial<Record<FinancialRatioName, FinancialBandResult>> {
  const { a, y, exact } = yr;
  const benchmarks = a.benchmarks;
  const bands: Partial<Record<FinancialRatioName, FinancialBandResult>> = {};
  if (benchmarks !== undefined) {
    for (const name of FINANCIAL_RATIOS) {
      const b = benchmarkOf(benchmarks, name);
      const q = exact[name];
      const value = ratios[name];
      // The rounded value is null exactly when the exact quotient is.
      if (b === undefined || value === null) continue;
      const band = bandOf(b, q!);
      const likelihood = benchmarks.levels[band]!;
      bands[name] = { value, band: BANDS[band]!, likelihood };
      const cut = band < 4 ? b.cuts[band]! : null;
      a.steps.push({ code: 'band', year: y.year, ratio: name, value, better: b.better, cut, band: BANDS[band]!, likelihood, text: T.band(y.year, RATIO_WORDS[name], value, b.better, cut, b.cuts[3]!, BANDS[band]!, likelihood) });
    }
  }
  return bands;
}

/** Each ratio's move from the first to the last year it could be computed, with its step. */
function trendsOf(a: Analysis, years: readonly FinancialYearAnalysis[]): FinancialTrend[] {
  const { benchmarks, exactByYear } = a;
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
    const direction = (['down', 'flat', 'up'] as const)[dir + 1]!;
    const bench = benchmarks === undefined ? undefined : benchmarkOf(benchmarks, name);
    const assessment =
      bench === undefined ? null : direction === 'flat' ? 'stable' : (direction === 'up') === (bench.better === 'higher') ? 'improving' : 'deteriorating';
    const trend: FinancialTrend = {
      ratio: name,
      fromYear: years[ka]!.year,
      toYear: years[kb]!.year,
      first: years[ka]!.ratios[name]!,
      last: years[kb]!.ratios[name]!,
      change: a.round(exactChange),
      direction,
      assessment,
    };
    trends.push(trend);
    a.steps.push({ code: 'trend', trend, text: T.trend(RATIO_WORDS[name], trend) });
  }
  return trends;
}

/** Compound annual growth of revenue from the first to the last year, with its step, or null. */
function revenueCagrOf(a: Analysis): Decimal | null {
  const years = a.s.years;
  const firstY = years[0]!;
  const lastY = years[years.length - 1]!;
  if (!(years.length > 1 && cmp(rationalOf(firstY.revenue), ZERO_R) > 0 && cmp(rationalOf(lastY.revenue), ZERO_R) > 0)) return null;
  const n = lastY.year - firstY.year;
  const revenueCagr = clean(roundRatio(lastY.revenue.div(firstY.revenue).pow(new Decimal(1).div(n)).minus(1), a.ratioScale));
  a.steps.push({ code: 'revenue-cagr', fromYear: firstY.year, toYear: lastY.year, first: firstY.revenue, last: lastY.revenue, value: revenueCagr, text: T.cagr(firstY.year, lastY.year, firstY.revenue, lastY.revenue, n, revenueCagr) });
  return revenueCagr;
}
