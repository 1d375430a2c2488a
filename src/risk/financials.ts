import { Decimal } from '../core/decimal.js';
import { IssueCollector, wrapThrown, type IssuePath } from '../core/errors.js';
import { parseWith } from '../core/schema.js';
import { altmanFitWarnings, altmanOf, type AltmanResult } from './altman.js';
import { BANDS, bandOf, benchmarksAt, type FinancialBandResult, type FinancialBenchmarks } from './benchmarks.js';
import {
  FINANCIAL_RATIOS,
  analyzeFinancialsInputShape,
  type AltmanVariant,
  type AnalyzeFinancialsInput,
  type FinancialRatioName,
  type ParsedFinancialYear,
} from './schema.js';

/** A figure that is legal but not meaningful, with the input path it comes from. */
export interface FinancialWarning {
  /** The input value concerned, `['years', 1, 'equity']`. */
  readonly path: (string | number)[];
  /** What is not meaningful, and what was done (the ratio set to null, year-end balances used). */
  readonly message: string;
}

/** Every ratio of a year; `null` where the ratio is not meaningful (a warning says why). */
export interface FinancialRatios {
  /** Current assets / current liabilities (year-end). */
  readonly currentRatio: Decimal | null;
  /** (Current assets − inventory) / current liabilities (year-end). */
  readonly quickRatio: Decimal | null;
  /** Total liabilities / total assets (year-end). */
  readonly debtRatio: Decimal | null;
  /** Total liabilities / equity (year-end; null unless equity is positive). */
  readonly debtToEquity: Decimal | null;
  /** EBIT / interest expense. */
  readonly interestCoverage: Decimal | null;
  /** Operating cash flow / current liabilities (year-end). */
  readonly operatingCashFlowRatio: Decimal | null;
  /** Days sales outstanding: receivables / revenue × day count. */
  readonly dso: Decimal | null;
  /** Days inventory outstanding: inventory / COGS × day count. */
  readonly dio: Decimal | null;
  /** Days payables outstanding: payables / COGS × day count. */
  readonly dpo: Decimal | null;
  /** DSO + DIO − DPO. */
  readonly cashConversionCycle: Decimal | null;
  /** COGS / inventory. */
  readonly inventoryTurnover: Decimal | null;
  /** Net income / revenue. */
  readonly netMargin: Decimal | null;
  /** Revenue / total assets. */
  readonly assetTurnover: Decimal | null;
  /** Total assets / equity. */
  readonly equityMultiplier: Decimal | null;
  /** Net income / total assets. */
  readonly roa: Decimal | null;
  /** Net income / equity. */
  readonly roe: Decimal | null;
  /** Revenue growth on the previous year (null for the first year or across a gap). */
  readonly revenueGrowth: Decimal | null;
}

/** The check of a DuPont decomposition: its product against ROE computed directly. */
export interface DupontIdentity {
  /** The product of the steps. */
  readonly product: Decimal;
  /** ROE computed directly: net income / equity. */
  readonly roe: Decimal;
  /** `product − roe`: zero, or the last digits of 40-digit division. */
  readonly difference: Decimal;
  /** True when the product equals ROE within 10^-30 (the identity holds). */
  readonly identityHolds: boolean;
}

/** ROE by DuPont in three steps: net margin × asset turnover × equity multiplier. */
export interface DupontThreeStep extends DupontIdentity {
  /** Net income / revenue. */
  readonly netMargin: Decimal;
  /** Revenue / total assets (average when averages are on). */
  readonly assetTurnover: Decimal;
  /** Total assets / equity (averages when on). */
  readonly equityMultiplier: Decimal;
}

/** ROE by DuPont in five steps: tax burden × interest burden × EBIT margin × asset turnover × equity multiplier. */
export interface DupontFiveStep extends DupontIdentity {
  /** Net income / EBT. */
  readonly taxBurden: Decimal;
  /** EBT / EBIT. */
  readonly interestBurden: Decimal;
  /** EBIT / revenue. */
  readonly ebitMargin: Decimal;
  /** Revenue / total assets. */
  readonly assetTurnover: Decimal;
  /** Total assets / equity. */
  readonly equityMultiplier: Decimal;
}

/** The analysis of one year. */
export interface FinancialYearAnalysis {
  /** The fiscal year. */
  readonly year: number;
  /** Whether turnover ratios used average balances (`'average'`) or year-end ones. */
  readonly basis: 'average' | 'year-end';
  /** Every ratio (see {@link FINANCIAL_RATIOS}). */
  readonly ratios: FinancialRatios;
  /** DuPont in three steps, or null when a denominator is zero or equity is not positive. */
  readonly dupont3: DupontThreeStep | null;
  /** DuPont in five steps, or null when a denominator is zero or equity is not positive. */
  readonly dupont5: DupontFiveStep | null;
  /** The Altman score of the year, or null when total liabilities are zero. */
  readonly altman: AltmanResult | null;
  /** Each benchmarked ratio's band and likelihood (empty without benchmarks). */
  readonly bands: Readonly<Partial<Record<FinancialRatioName, FinancialBandResult>>>;
}

/** How a ratio moved from the first to the last year it could be computed. */
export interface FinancialTrend {
  /** The ratio. */
  readonly ratio: FinancialRatioName;
  /** The first year with a value. */
  readonly fromYear: number;
  /** The last year with a value. */
  readonly toYear: number;
  /** The first value. */
  readonly first: Decimal;
  /** The last value. */
  readonly last: Decimal;
  /** `last − first`. */
  readonly change: Decimal;
  /** The sign of the change. */
  readonly direction: 'up' | 'down' | 'flat';
  /** With a benchmark for the ratio: `improving` when it moved the better way; else null. */
  readonly assessment: 'improving' | 'deteriorating' | 'stable' | null;
}

/** The result of {@link analyzeFinancials}. */
export interface FinancialAnalysis {
  /** Days in the year of the working-capital cycle (DSO, DIO, DPO). */
  readonly dayCount: 360 | 365;
  /** Whether turnover ratios use average balances. */
  readonly averages: boolean;
  /** The Altman variant used, and why. */
  readonly altmanVariant: AltmanVariant;
  /** Each year, oldest first. */
  readonly years: readonly FinancialYearAnalysis[];
  /** Each ratio's move from its first to its last year. */
  readonly trends: readonly FinancialTrend[];
  /** Compound annual growth of revenue from the first to the last year, or null. */
  readonly revenueCagr: Decimal | null;
  /** Figures that are legal but not meaningful. */
  readonly warnings: readonly FinancialWarning[];
  /** The conventions used, in words. */
  readonly conventions: readonly string[];
}

const TOLERANCE = new Decimal('1e-30');
const TWO = new Decimal(2);

const RATIO_WORDS: Record<FinancialRatioName, string> = {
  currentRatio: 'current ratio',
  quickRatio: 'quick ratio',
  debtRatio: 'debt ratio',
  debtToEquity: 'debt to equity',
  interestCoverage: 'interest coverage',
  operatingCashFlowRatio: 'operating-cash-flow ratio',
  dso: 'DSO',
  dio: 'DIO',
  dpo: 'DPO',
  cashConversionCycle: 'cash conversion cycle',
  inventoryTurnover: 'inventory turnover',
  netMargin: 'net margin',
  assetTurnover: 'asset turnover',
  equityMultiplier: 'equity multiplier',
  roa: 'ROA',
  roe: 'ROE',
  revenueGrowth: 'revenue growth',
};

function clean(d: Decimal): Decimal {
  return d.isZero() ? new Decimal(0) : d;
}

function chooseVariant(input: { altman?: AltmanVariant | undefined; firm?: { listed?: boolean | undefined; manufacturer?: boolean | undefined } | undefined }, years: ParsedFinancialYear[]): [AltmanVariant, string] {
  if (input.altman !== undefined) return [input.altman, `Altman variant '${input.altman}' as requested`];
  const firm = input.firm ?? {};
  if (firm.manufacturer === false) return ['z-double-prime', "Altman variant 'z-double-prime': the firm is not a manufacturer"];
  if (firm.listed !== false && years.every((y) => y.marketValueOfEquity !== undefined)) {
    return ['z', "Altman variant 'z': every year has a market value of equity"];
  }
  return ['z-prime', "Altman variant 'z-prime': no market value of equity (a private firm)"];
}

/**
 * Analyses years of financial statements: liquidity, leverage, coverage, the working-capital cycle,
 * profitability, ROE by DuPont in three and five steps (with the identity checked), trends, Altman
 * Z, and benchmark bands that turn ratios into likelihood levels.
 *
 * Per year: current ratio = current assets / current liabilities; quick = (current assets −
 * inventory) / current liabilities; debt ratio = total liabilities / total assets; debt to equity;
 * interest coverage = EBIT / interest; operating-cash-flow ratio = operating cash flow / current
 * liabilities; DSO = receivables / revenue × days; DIO = inventory / COGS × days; DPO = payables /
 * COGS × days; cash conversion cycle = DSO + DIO − DPO; inventory turnover = COGS / inventory; net
 * margin; asset turnover; equity multiplier; ROA; ROE; revenue growth on the previous year.
 * `dayCount` is 360 or 365. With `averages: true`, the flow-over-stock ratios (DSO, DIO, DPO,
 * inventory turnover, asset turnover, equity multiplier, ROA, ROE) divide by the average of the
 * opening (the previous year's closing) and closing balances; a year without its previous year
 * uses year-end balances and says so. Point-in-time ratios (current, quick, debt) always use year-end.
 *
 * Zero total assets and negative amounts where none can be are errors. A figure that is legal but
 * not meaningful is `null` with a warning naming the input: zero revenue or COGS, zero current
 * liabilities, no interest expense, zero or negative equity (no debt to equity, equity multiplier,
 * ROE or DuPont), zero total liabilities (no Altman X4), a balance sheet that does not balance.
 *
 * @example
 * ```ts
 * const a = analyzeFinancials({ dayCount: 365, averages: false, years: [{ year: 2024, revenue: 1000, cogs: 700, ebit: 100, interest: 20, ebt: 80, netIncome: 60, totalAssets: 800, totalLiabilities: 400, currentAssets: 500, currentLiabilities: 250, inventory: 150, receivables: 120, payables: 90, equity: 400, retainedEarnings: 150, operatingCashFlow: 70 }] });
 * [a.years[0].dupont3.product.toString(), a.years[0].dupont5.product.toString(), a.years[0].ratios.roe.toString()];
 * //=> ['0.15', '0.15', '0.15']
 * ```
 */
export function analyzeFinancials(input: AnalyzeFinancialsInput): FinancialAnalysis {
  try {
    const s = parseWith(analyzeFinancialsInputShape, input);
    const issues = new IssueCollector();
    s.years.forEach((y, k) => {
      if (k > 0 && !(y.year > s.years[k - 1]!.year)) {
        issues.add(['years', k, 'year'], `must be later than years[${k - 1}].year (${s.years[k - 1]!.year}): years go from oldest to latest, received ${y.year}`);
      }
    });
    issues.throwIfAny();
    const benchmarks: FinancialBenchmarks | undefined = s.benchmarks === undefined ? undefined : benchmarksAt(s.benchmarks, ['benchmarks']);
    const [variant, variantWhy] = chooseVariant(s, s.years);
    if (variant === 'z') {
      s.years.forEach((y, k) => {
        if (y.marketValueOfEquity === undefined) {
          issues.add(['years', k, 'marketValueOfEquity'], "is required for Altman variant 'z' (X4 is the market value of equity / total liabilities); a private firm has none: use 'z-prime'");
        }
      });
      issues.throwIfAny();
    }
    const fit = altmanFitWarnings(variant, s.firm ?? {});
    const days = new Decimal(s.dayCount);
    const warnings: FinancialWarning[] = [];
    const warn = (path: IssuePath, message: string) => warnings.push({ path: [...path], message });

    const years: FinancialYearAnalysis[] = s.years.map((y, k) => {
      const at = (field: string): IssuePath => ['years', k, field];
      const prev = k > 0 && s.years[k - 1]!.year === y.year - 1 ? s.years[k - 1]! : undefined;
      const averaged = s.averages && prev !== undefined;
      if (s.averages && prev === undefined) {
        warn(['years', k], `has no previous year (${y.year - 1}) to average with: DSO, DIO, DPO, inventory turnover, asset turnover, equity multiplier, ROA and ROE use ${y.year} year-end balances`);
      }
      const avg = (field: 'totalAssets' | 'equity' | 'inventory' | 'receivables' | 'payables'): Decimal =>
        averaged ? y[field].plus(prev![field]).div(TWO) : y[field];

      // Consistency of the statements: legal, but a figure built on them would mislead.
      const balance = y.totalLiabilities.plus(y.equity);
      if (!balance.eq(y.totalAssets)) {
        warn(at('totalAssets'), `is ${y.totalAssets.toString()} but total liabilities + equity are ${balance.toString()}: the balance sheet does not balance (difference ${y.totalAssets.minus(balance).toString()})`);
      }
      if (y.currentAssets.gt(y.totalAssets)) warn(at('currentAssets'), `exceed total assets (${y.currentAssets.toString()} > ${y.totalAssets.toString()})`);
      if (y.currentLiabilities.gt(y.totalLiabilities)) warn(at('currentLiabilities'), `exceed total liabilities (${y.currentLiabilities.toString()} > ${y.totalLiabilities.toString()})`);

      // Each zero denominator nulls its ratios once, with one warning naming them.
      const nulls = new Map<string, { path: IssuePath; why: string; ratios: string[] }>();
      const ratio = (name: string, num: Decimal, den: Decimal, denPath: IssuePath, why: string): Decimal | null => {
        if (!den.isZero()) return clean(num.div(den));
        const key = denPath.join('.');
        const entry = nulls.get(key) ?? { path: denPath, why, ratios: [] };
        entry.ratios.push(name);
        nulls.set(key, entry);
        return null;
      };

      const avgAssets = avg('totalAssets');
      const avgEquity = avg('equity');
      const equityPositive = y.equity.isPositive() && !y.equity.isZero() && avgEquity.isPositive() && !avgEquity.isZero();
      if (!equityPositive) {
        const which = !(y.equity.isPositive() && !y.equity.isZero()) ? y.equity : avgEquity;
        warn(at('equity'), `${which.isZero() ? 'is 0' : `is negative (${which.toString()})`}${which === y.equity ? '' : ' on average'}: debt to equity, equity multiplier, ROE and the DuPont decompositions are not meaningful (null); Altman X4 still uses it`);
      }
      const ifEquity = (d: () => Decimal | null): Decimal | null => (equityPositive ? d() : null);
      const cl = at('currentLiabilities');
      const currentRatio = ratio('current ratio', y.currentAssets, y.currentLiabilities, cl, 'is 0');
      const quickRatio = ratio('quick ratio', y.currentAssets.minus(y.inventory), y.currentLiabilities, cl, 'is 0');
      const operatingCashFlowRatio = ratio('operating-cash-flow ratio', y.operatingCashFlow, y.currentLiabilities, cl, 'is 0');
      const debtRatio = clean(y.totalLiabilities.div(y.totalAssets));
      const debtToEquity = ifEquity(() => clean(y.totalLiabilities.div(y.equity)));
      const interestCoverage = ratio('interest coverage', y.ebit, y.interest, at('interest'), 'is 0 (no interest expense, so coverage is unbounded)');
      const rev = at('revenue');
      const dsoQ = ratio('DSO', avg('receivables'), y.revenue, rev, 'is 0');
      const dso = dsoQ === null ? null : clean(dsoQ.times(days));
      const netMargin = ratio('net margin', y.netIncome, y.revenue, rev, 'is 0');
      const ebitMargin = ratio('EBIT margin (DuPont)', y.ebit, y.revenue, rev, 'is 0');
      const cogs = at('cogs');
      const dioQ = ratio('DIO', avg('inventory'), y.cogs, cogs, 'is 0');
      const dpoQ = ratio('DPO', avg('payables'), y.cogs, cogs, 'is 0');
      const dio = dioQ === null ? null : clean(dioQ.times(days));
      const dpo = dpoQ === null ? null : clean(dpoQ.times(days));
      const cashConversionCycle = dso === null || dio === null || dpo === null ? null : clean(dso.plus(dio).minus(dpo));
      const inventoryTurnover = ratio('inventory turnover', y.cogs, avg('inventory'), at('inventory'), averaged ? 'averages 0' : 'is 0');
      const assetTurnover = clean(y.revenue.div(avgAssets));
      const equityMultiplier = ifEquity(() => clean(avgAssets.div(avgEquity)));
      const roa = clean(y.netIncome.div(avgAssets));
      const roe = ifEquity(() => clean(y.netIncome.div(avgEquity)));
      let revenueGrowth: Decimal | null = null;
      if (prev !== undefined) {
        revenueGrowth = ratio('revenue growth', y.revenue.minus(prev.revenue), prev.revenue, ['years', k - 1, 'revenue'], 'is 0');
      }
      const taxBurden = ratio('tax burden (DuPont)', y.netIncome, y.ebt, at('ebt'), 'is 0');
      const interestBurden = ratio('interest burden (DuPont)', y.ebt, y.ebit, at('ebit'), 'is 0');
      for (const n of nulls.values()) warn(n.path, `${n.why}: ${n.ratios.join(', ')} not meaningful (null)`);

      let dupont3: DupontThreeStep | null = null;
      let dupont5: DupontFiveStep | null = null;
      if (roe !== null && equityMultiplier !== null) {
        const check = (product: Decimal) => {
          const difference = clean(product.minus(roe));
          return { product: clean(product), roe, difference, identityHolds: difference.abs().lte(TOLERANCE.times(Decimal.max(1, roe.abs()))) };
        };
        if (netMargin !== null) {
          dupont3 = { netMargin, assetTurnover, equityMultiplier, ...check(netMargin.times(assetTurnover).times(equityMultiplier)) };
        }
        if (taxBurden !== null && interestBurden !== null && ebitMargin !== null) {
          dupont5 = {
            taxBurden,
            interestBurden,
            ebitMargin,
            assetTurnover,
            equityMultiplier,
            ...check(taxBurden.times(interestBurden).times(ebitMargin).times(assetTurnover).times(equityMultiplier)),
          };
        }
      }

      let altman: AltmanResult | null = null;
      if (y.totalLiabilities.isZero()) {
        warn(at('totalLiabilities'), 'is 0: Altman X4 divides by it, so the Altman score is not meaningful (null)');
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
        );
      }

      const ratios: FinancialRatios = {
        currentRatio,
        quickRatio,
        debtRatio,
        debtToEquity,
        interestCoverage,
        operatingCashFlowRatio,
        dso,
        dio,
        dpo,
        cashConversionCycle,
        inventoryTurnover,
        netMargin,
        assetTurnover,
        equityMultiplier,
        roa,
        roe,
        revenueGrowth,
      };
      const bands: Partial<Record<FinancialRatioName, FinancialBandResult>> = {};
      if (benchmarks !== undefined) {
        for (const name of FINANCIAL_RATIOS) {
          const b = benchmarks.ratios[name];
          const v = ratios[name];
          if (b === undefined || v === null) continue;
          const band = bandOf(b, v);
          bands[name] = { value: v, band: BANDS[band]!, likelihood: benchmarks.levels[band]! };
        }
      }
      return { year: y.year, basis: averaged ? 'average' : 'year-end', ratios, dupont3, dupont5, altman, bands };
    });

    const trends: FinancialTrend[] = [];
    for (const name of FINANCIAL_RATIOS) {
      const present = years.filter((y) => y.ratios[name] !== null);
      if (present.length < 2) continue;
      const a = present[0]!;
      const b = present[present.length - 1]!;
      const first = a.ratios[name]!;
      const last = b.ratios[name]!;
      const change = clean(last.minus(first));
      const direction = change.isZero() ? 'flat' : change.isPositive() ? 'up' : 'down';
      const bench = benchmarks?.ratios[name];
      const assessment =
        bench === undefined ? null : direction === 'flat' ? 'stable' : (direction === 'up') === (bench.better === 'higher') ? 'improving' : 'deteriorating';
      trends.push({ ratio: name, fromYear: a.year, toYear: b.year, first, last, change, direction, assessment });
    }

    const firstY = s.years[0]!;
    const lastY = s.years[s.years.length - 1]!;
    let revenueCagr: Decimal | null = null;
    if (s.years.length > 1 && firstY.revenue.isPositive() && !firstY.revenue.isZero() && lastY.revenue.isPositive() && !lastY.revenue.isZero()) {
      revenueCagr = clean(lastY.revenue.div(firstY.revenue).pow(new Decimal(1).div(lastY.year - firstY.year)).minus(1));
    }

    const conventions = [
      `day count ${s.dayCount}: DSO, DIO and DPO are balance / flow × ${s.dayCount}`,
      s.averages
        ? 'turnover ratios (DSO, DIO, DPO, inventory turnover, asset turnover, equity multiplier, ROA, ROE) use the average of opening and closing balances'
        : 'turnover ratios use year-end balances',
      'current, quick, debt and operating-cash-flow ratios use year-end balances',
      `${variantWhy}; Altman working capital = current assets − current liabilities, sales = revenue`,
      'ratios are exact quotients to 40 significant digits; round them where you print them',
    ];
    if (benchmarks !== undefined) conventions.push(`benchmarks: ${benchmarks.name}`);
    return { dayCount: s.dayCount, averages: s.averages, altmanVariant: variant, years, trends, revenueCagr, warnings, conventions };
  } catch (error) {
    throw wrapThrown(error);
  }
}

/** The words for a ratio name, for notes. @internal */
export function ratioWords(name: FinancialRatioName): string {
  return RATIO_WORDS[name];
}
