// The types of a financial analysis (ratios, DuPont, trends, steps, options), below the engine.
import { Decimal } from '../core/decimal.js';
import type { Step, Warning } from '../core/result.js';
import { type AltmanResult, type AltmanZone } from './altman.js';
import { type FinancialBand, type FinancialBandResult } from './benchmarks.js';
import { FINANCIAL_RATIOS, type AltmanVariant, type FinancialRatioName } from './schema.js';

/** Every ratio of a year, rounded half-up to `ratioScale` places; `null` where the ratio is not meaningful (a warning says why). */
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
  /** Days sales outstanding: receivables × day count / revenue. */
  readonly dso: Decimal | null;
  /** Days inventory outstanding: inventory × day count / COGS. */
  readonly dio: Decimal | null;
  /** Days payables outstanding: payables × day count / COGS. */
  readonly dpo: Decimal | null;
  /** DSO + DIO − DPO (of the exact quotients). */
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

/** The check of a DuPont decomposition: its product against ROE computed directly, both exact. */
export interface DupontIdentity {
  /** The product of the exact steps, rounded to `ratioScale` places. */
  readonly product: Decimal;
  /** ROE computed directly: net income / equity, rounded to `ratioScale` places. */
  readonly roe: Decimal;
  /** `product − roe` of the exact quotients (zero: the identity holds by construction, and is checked). */
  readonly difference: Decimal;
  /** True when the exact product equals the exact ROE. */
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
  /** Each benchmarked ratio's band and likelihood (empty without benchmarks); the band compares the exact quotient. */
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
  /** `last − first` of the exact quotients, rounded to `ratioScale` places. */
  readonly change: Decimal;
  /** The sign of the exact change. */
  readonly direction: 'up' | 'down' | 'flat';
  /** With a benchmark for the ratio: `improving` when it moved the better way; else null. */
  readonly assessment: 'improving' | 'deteriorating' | 'stable' | null;
}

/** The conventions of an analysis: day count, balances, the Altman variant and why, the benchmarks. */
export interface FinancialConventionsStep extends Step {
  /** Always `'conventions'`. */
  readonly code: 'conventions';
  /** Days in the year of the working-capital cycle. */
  readonly dayCount: 360 | 365;
  /** Whether turnover ratios use average balances. */
  readonly averages: boolean;
  /** The Altman variant. */
  readonly altmanVariant: AltmanVariant;
  /** The name of the benchmark table, or null. */
  readonly benchmarks: string | null;
  /** Decimal places of the reported ratios. */
  readonly ratioScale: number;
}

/** One ratio of one year: numerator / denominator = value. */
export interface FinancialRatioStep extends Step {
  /** Always `'ratio'`. */
  readonly code: 'ratio';
  /** The fiscal year. */
  readonly year: number;
  /** The ratio. */
  readonly ratio: FinancialRatioName;
  /** The formula in words (`'current assets / current liabilities'`). */
  readonly formula: string;
  /** The numerator, exact (for DSO, DIO and DPO the balance × day count). */
  readonly numerator: Decimal;
  /** The denominator, exact. */
  readonly denominator: Decimal;
  /** The quotient, rounded to `ratioScale` places. */
  readonly value: Decimal;
}

/** The cash conversion cycle of one year: DSO + DIO − DPO. */
export interface FinancialCycleStep extends Step {
  /** Always `'cash-conversion-cycle'`. */
  readonly code: 'cash-conversion-cycle';
  /** The fiscal year. */
  readonly year: number;
  /** Days sales outstanding. */
  readonly dso: Decimal;
  /** Days inventory outstanding. */
  readonly dio: Decimal;
  /** Days payables outstanding. */
  readonly dpo: Decimal;
  /** The cycle, from the exact quotients, rounded to `ratioScale` places. */
  readonly value: Decimal;
}

/** ROE by DuPont in three steps for one year. */
export interface FinancialDupont3Step extends Step {
  /** Always `'dupont-3'`. */
  readonly code: 'dupont-3';
  /** The fiscal year. */
  readonly year: number;
  /** Net income / revenue. */
  readonly netMargin: Decimal;
  /** Revenue / total assets. */
  readonly assetTurnover: Decimal;
  /** Total assets / equity. */
  readonly equityMultiplier: Decimal;
  /** The product. */
  readonly product: Decimal;
  /** ROE computed directly. */
  readonly roe: Decimal;
}

/** ROE by DuPont in five steps for one year. */
export interface FinancialDupont5Step extends Step {
  /** Always `'dupont-5'`. */
  readonly code: 'dupont-5';
  /** The fiscal year. */
  readonly year: number;
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
  /** The product. */
  readonly product: Decimal;
  /** ROE computed directly. */
  readonly roe: Decimal;
}

/** The Altman score of one year (its terms are in `years[k].altman.steps`). */
export interface FinancialAltmanStep extends Step {
  /** Always `'altman'`. */
  readonly code: 'altman';
  /** The fiscal year. */
  readonly year: number;
  /** The variant. */
  readonly variant: AltmanVariant;
  /** The score. */
  readonly z: Decimal;
  /** The zone. */
  readonly zone: AltmanZone;
}

/** One ratio placed in its benchmark band, compared exactly with the cuts. */
export interface FinancialBandStep extends Step {
  /** Always `'band'`. */
  readonly code: 'band';
  /** The fiscal year. */
  readonly year: number;
  /** The ratio. */
  readonly ratio: FinancialRatioName;
  /** The reported value. */
  readonly value: Decimal;
  /** Whether higher or lower is better. */
  readonly better: 'higher' | 'lower';
  /** The cut the value reached (the band's own), or null for `poor`. */
  readonly cut: Decimal | null;
  /** The band. */
  readonly band: FinancialBand;
  /** The likelihood level the band stands for. */
  readonly likelihood: string;
}

/** One ratio's move over the years. */
export interface FinancialTrendStep extends Step {
  /** Always `'trend'`. */
  readonly code: 'trend';
  /** The trend. */
  readonly trend: FinancialTrend;
}

/** Compound annual growth of revenue. */
export interface FinancialCagrStep extends Step {
  /** Always `'revenue-cagr'`. */
  readonly code: 'revenue-cagr';
  /** The first year. */
  readonly fromYear: number;
  /** The last year. */
  readonly toYear: number;
  /** Revenue of the first year. */
  readonly first: Decimal;
  /** Revenue of the last year. */
  readonly last: Decimal;
  /** (last / first)^(1 / years) − 1, rounded to `ratioScale` places. */
  readonly value: Decimal;
}

/** One step of a financial analysis. */
export type FinancialAnalysisStep =
  | FinancialConventionsStep
  | FinancialRatioStep
  | FinancialCycleStep
  | FinancialDupont3Step
  | FinancialDupont5Step
  | FinancialAltmanStep
  | FinancialBandStep
  | FinancialTrendStep
  | FinancialCagrStep;

/** The result of {@link analyzeFinancials}. */
export interface FinancialAnalysis {
  /** Days in the year of the working-capital cycle (DSO, DIO, DPO). */
  readonly dayCount: 360 | 365;
  /** Whether turnover ratios use average balances. */
  readonly averages: boolean;
  /** The Altman variant used (the `conventions` step says why). */
  readonly altmanVariant: AltmanVariant;
  /** The name of the benchmark table used, or null. */
  readonly benchmarks: string | null;
  /** Decimal places of the reported ratios. */
  readonly ratioScale: number;
  /** Each year, oldest first. */
  readonly years: readonly FinancialYearAnalysis[];
  /** Each ratio's move from its first to its last year. */
  readonly trends: readonly FinancialTrend[];
  /** Compound annual growth of revenue from the first to the last year, or null. */
  readonly revenueCagr: Decimal | null;
  /** Figures that are legal but not meaningful, and statements that do not add up. */
  readonly warnings: readonly Warning[];
  /** The conventions, then per year every ratio, the cycle, DuPont, Altman and the bands, then the trends and the CAGR. */
  readonly steps: readonly FinancialAnalysisStep[];
}

/** Options of {@link analyzeFinancials}. */
export interface AnalyzeFinancialsOptions {
  /** Decimal places of the reported ratios (half-up; 10 when omitted). Bands and trends compare the exact quotients. */
  readonly ratioScale?: number;
}
