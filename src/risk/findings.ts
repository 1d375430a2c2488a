import { invalid, wrapThrown, unknownLabel } from '../core/errors.js';
import type { AltmanZone } from './altman.js';
import type { RiskFinding } from './assess.js';
import type { FinancialAnalysis } from './financials.js';
import { ratioWords } from './financials.js';
import type { FinancialRatioName } from './schema.js';

/** How one template factor takes its likelihood from a financial analysis. */
export type FinancialFactorMapping =
  | {
      /** The template factor the finding is for. */
      readonly factor: string;
      /** The ratio whose benchmark band gives the likelihood. */
      readonly ratio: FinancialRatioName;
      /** The impact label of the finding. */
      readonly impact: string;
    }
  | {
      /** The template factor the finding is for. */
      readonly factor: string;
      /** The likelihood label of each Altman zone. */
      readonly altman: Readonly<Record<AltmanZone, string>>;
      /** The impact label of the finding. */
      readonly impact: string;
    };

/** The result of {@link toFinancialFindings}. */
export interface FinancialFindings {
  /** One finding per mapping that could be read. */
  readonly findings: RiskFinding[];
  /** Mappings left out, and why (a ratio without a value or without a benchmark band). */
  readonly skipped: {
    /** The factor left out. */
    readonly factor: string;
    /** Why. */
    readonly reason: string;
  }[];
}

/**
 * Turns a financial analysis into risk findings: each mapped ratio's benchmark band (or the Altman
 * zone) of one year gives the likelihood, the mapping gives the impact, and the note says where it
 * came from. The analysis must have been run with benchmarks for ratio mappings.
 *
 * @example
 * ```ts
 * const a = analyzeFinancials({ dayCount: 365, averages: false, benchmarks: distributorBenchmarks, years: [{ year: 2024, revenue: 1000, cogs: 700, ebit: 100, interest: 20, ebt: 80, netIncome: 60, totalAssets: 800, totalLiabilities: 400, currentAssets: 500, currentLiabilities: 250, inventory: 150, receivables: 120, payables: 90, equity: 400, retainedEarnings: 150, operatingCashFlow: 70 }] });
 * toFinancialFindings(a, [{ factor: 'debt-ratio', ratio: 'debtRatio', impact: 'high' }]).findings;
 * //=> [{ factor: 'debt-ratio', likelihood: 'low', impact: 'high', note: 'debt ratio 0.50 in 2024: good (wholesale distributor rules of thumb)' }]
 * ```
 */
export function toFinancialFindings(analysis: FinancialAnalysis, mappings: readonly FinancialFactorMapping[], options: { readonly year?: number } = {}): FinancialFindings {
  try {
    if (typeof analysis !== 'object' || analysis === null || !Array.isArray(analysis.years) || analysis.years.length === 0) {
      invalid(['analysis'], 'must be the result of analyzeFinancials');
    }
    if (!Array.isArray(mappings)) invalid(['mappings'], 'must be an array of factor mappings');
    const year = options.year === undefined ? analysis.years[analysis.years.length - 1]! : analysis.years.find((y) => y.year === options.year);
    if (year === undefined) {
      unknownLabel(['options', 'year'], `is not a year of the analysis: ${String(options.year)} (years: ${analysis.years.map((y) => y.year).join(', ')})`);
    }
    const source = analysis.conventions.find((c) => c.startsWith('benchmarks: '))?.slice('benchmarks: '.length);
    const findings: RiskFinding[] = [];
    const skipped: { factor: string; reason: string }[] = [];
    mappings.forEach((m, k) => {
      if ('altman' in m) {
        const a = year.altman;
        if (a === null) {
          skipped.push({ factor: m.factor, reason: `no Altman score in ${year.year}` });
          return;
        }
        const likelihood = m.altman[a.zone];
        if (typeof likelihood !== 'string') invalid(['mappings', k, 'altman', a.zone], 'is required: a likelihood label for each zone');
        findings.push({ factor: m.factor, likelihood, impact: m.impact, note: `Altman ${a.variant} ${a.z.toFixed(2)} in ${year.year}: ${a.zone} zone` });
        return;
      }
      const value = year.ratios[m.ratio];
      if (value === undefined) unknownLabel(['mappings', k, 'ratio'], `is not a ratio of analyzeFinancials: '${String(m.ratio)}'`);
      const band = year.bands[m.ratio];
      if (band === undefined) {
        skipped.push({ factor: m.factor, reason: value === null ? `${ratioWords(m.ratio)} is not meaningful in ${year.year}` : `${ratioWords(m.ratio)} has no benchmark band (run analyzeFinancials with benchmarks that cover it)` });
        return;
      }
      findings.push({ factor: m.factor, likelihood: band.likelihood, impact: m.impact, note: `${ratioWords(m.ratio)} ${band.value.toFixed(2)} in ${year.year}: ${band.band}${source === undefined ? '' : ` (${source})`}` });
    });
    return { findings, skipped };
  } catch (error) {
    throw wrapThrown(error);
  }
}

/**
 * The mappings that feed {@link dealerDueDiligence}'s financial factors from an analysis run with
 * {@link distributorBenchmarks}: liquidity ← current ratio, debt-ratio ← debt ratio, cash-flow ←
 * operating-cash-flow ratio, profitability ← ROE, receivables-cycle ← DSO, inventory-turnover ←
 * DIO, financial-distress ← Altman zone (safe low, grey moderate, distress high).
 *
 * @example
 * ```ts
 * dealerFinancialFactors.map((m) => m.factor).slice(0, 3);
 * //=> ['liquidity', 'debt-ratio', 'cash-flow']
 * ```
 */
export const dealerFinancialFactors: readonly FinancialFactorMapping[] = Object.freeze([
  { factor: 'liquidity', ratio: 'currentRatio', impact: 'moderate' },
  { factor: 'debt-ratio', ratio: 'debtRatio', impact: 'high' },
  { factor: 'cash-flow', ratio: 'operatingCashFlowRatio', impact: 'high' },
  { factor: 'profitability', ratio: 'roe', impact: 'moderate' },
  { factor: 'receivables-cycle', ratio: 'dso', impact: 'moderate' },
  { factor: 'inventory-turnover', ratio: 'dio', impact: 'moderate' },
  { factor: 'financial-distress', altman: { safe: 'low', grey: 'moderate', distress: 'high' }, impact: 'high' },
] as const);
