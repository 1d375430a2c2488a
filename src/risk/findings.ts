import { toDecimal, type Decimal } from '../core/decimal.js';
import { invalid, wrapThrown, unknownLabel } from '../core/errors.js';
import type { Step, Warning } from '../core/result.js';
import * as z from 'zod/mini';
import { parseWith } from '../core/schema.js';
import type { AltmanZone } from './altman.js';
import type { RiskFinding } from './finding.js';
import type { FinancialBand, FinancialBandResult } from './benchmarks.js';
import type { FinancialAnalysis, FinancialYearAnalysis } from './financials.js';
import { RATIO_WORDS, RISK_MESSAGES as M, RISK_TEXTS as T, WARNING_CODES as W, describe, hasOwn } from './messages.js';
import type { FinancialRatioName } from './schema.js';
import { lazySchema } from '../core/lazy.js';

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

/** A finding read from a ratio's benchmark band. */
export interface FinancialRatioFindingStep extends Step {
  /** Always `'ratio-finding'`. */
  readonly code: 'ratio-finding';
  /** The template factor. */
  readonly factor: string;
  /** The fiscal year read. */
  readonly year: number;
  /** The ratio. */
  readonly ratio: FinancialRatioName;
  /** Its reported value. */
  readonly value: Decimal;
  /** Its band. */
  readonly band: FinancialBand;
  /** The likelihood the band stands for. */
  readonly likelihood: string;
  /** The impact the mapping sets. */
  readonly impact: string;
}

/** A finding read from the Altman zone. */
export interface FinancialAltmanFindingStep extends Step {
  /** Always `'altman-finding'`. */
  readonly code: 'altman-finding';
  /** The template factor. */
  readonly factor: string;
  /** The fiscal year read. */
  readonly year: number;
  /** The score. */
  readonly z: Decimal;
  /** The zone. */
  readonly zone: AltmanZone;
  /** The likelihood the mapping gives the zone. */
  readonly likelihood: string;
  /** The impact the mapping sets. */
  readonly impact: string;
}

/** One step of {@link toFinancialFindings}: one per finding written. */
export type FinancialFindingsStep = FinancialRatioFindingStep | FinancialAltmanFindingStep;

/** The result of {@link toFinancialFindings}. */
export interface FinancialFindings {
  /** The fiscal year read. */
  readonly year: number;
  /** One finding per mapping that could be read. */
  readonly findings: RiskFinding[];
  /** Mappings left out, and why (a ratio without a value or without a benchmark band). */
  readonly skipped: {
    /** The factor left out. */
    readonly factor: string;
    /** Why. */
    readonly reason: string;
  }[];
  /** One `financial-factor-skipped` warning per mapping left out, with its path. */
  readonly warnings: readonly Warning[];
  /** How each finding was read. */
  readonly steps: readonly FinancialFindingsStep[];
}

/** Options of {@link toFinancialFindings}. */
export interface ToFinancialFindingsOptions {
  /** The fiscal year to read (the latest when omitted). */
  readonly year?: number;
}

const optionsShape = lazySchema(() => z.strictObject({ year: z.optional(z.number().check(z.int())) }));
const ZONES: readonly AltmanZone[] = ['safe', 'grey', 'distress'];

/**
 * Turns a financial analysis into risk findings: each mapped ratio's benchmark band (or the Altman
 * zone) of one year gives the likelihood, the mapping gives the impact, and the note says where it
 * came from. The mappings (configuration) come first, the analysis (facts) second; the analysis
 * must have been run with benchmarks for ratio mappings.
 *
 * @example
 * ```ts
 * const a = analyzeFinancials({ dayCount: 365, averages: false, benchmarks: distributorBenchmarks, years: [{ year: 2024, revenue: 1000, cogs: 700, ebit: 100, interest: 20, ebt: 80, netIncome: 60, totalAssets: 800, totalLiabilities: 400, currentAssets: 500, currentLiabilities: 250, inventory: 150, receivables: 120, payables: 90, equity: 400, retainedEarnings: 150, operatingCashFlow: 70 }] });
 * toFinancialFindings([{ factor: 'debt-ratio', ratio: 'debtRatio', impact: 'high' }], a).findings;
 * //=> [{ factor: 'debt-ratio', likelihood: 'low', impact: 'high', note: 'debt ratio 0.50 in 2024: good (wholesale distributor rules of thumb)' }]
 * ```
 */
export function toFinancialFindings(mappings: readonly FinancialFactorMapping[], analysis: FinancialAnalysis, options?: ToFinancialFindingsOptions): FinancialFindings {
  try {
    if (!Array.isArray(mappings)) invalid(['mappings'], M.mappingsArray(), { code: 'invalid_type', received: describe(mappings) });
    if (typeof analysis !== 'object' || analysis === null || !Array.isArray(analysis.years) || analysis.years.length === 0) {
      invalid(['analysis'], M.notAnAnalysis(), { code: 'invalid_type', received: describe(analysis) });
    }
    const o = parseWith(optionsShape, options ?? {}, ['options']);
    const years: readonly FinancialYearAnalysis[] = analysis.years;
    // The analysis may come back from JSON (figures as strings): every year it names is read, not trusted.
    for (let i = 0; i < years.length; i++) {
      const y: unknown = years[i];
      if (typeof y !== 'object' || y === null || typeof (y as { year?: unknown }).year !== 'number') {
        invalid(['analysis', 'years', i], M.notAnAnalysis(), { code: y === undefined ? 'required' : 'invalid_type', received: describe(y) });
      }
    }
    const year = o.year === undefined ? years[years.length - 1]! : years.find((y) => y.year === o.year);
    if (year === undefined) {
      unknownLabel(['options', 'year'], M.unknownYear(o.year!, years.map((y) => y.year)), { code: 'unknown_label', received: String(o.year) });
    }
    const source = typeof analysis.benchmarks === 'string' ? analysis.benchmarks : undefined;
    const findings: RiskFinding[] = [];
    const skipped: { factor: string; reason: string }[] = [];
    const warnings: Warning[] = [];
    const steps: FinancialFindingsStep[] = [];
    const skip = (k: number, factor: string, reason: string) => {
      skipped.push({ factor, reason });
      warnings.push({ code: W.factorSkipped, message: M.factorSkipped(factor, reason), path: ['mappings', k] });
    };
    mappings.forEach((m: unknown, k) => {
      if (typeof m !== 'object' || m === null) invalid(['mappings', k], M.mappingType(), { code: 'invalid_type', received: describe(m) });
      const factor = (m as { factor?: unknown }).factor;
      const impact = (m as { impact?: unknown }).impact;
      if (typeof factor !== 'string' || factor === '') invalid(['mappings', k, 'factor'], M.mappingLabel('a factor id', factor), { code: factor === undefined ? 'required' : 'invalid_type', received: describe(factor) });
      if (typeof impact !== 'string' || impact === '') invalid(['mappings', k, 'impact'], M.mappingLabel('an impact label', impact), { code: impact === undefined ? 'required' : 'invalid_type', received: describe(impact) });
      // Own properties only: a mapping that inherits `altman` or names the ratio 'toString' reads nothing.
      if (hasOwn(m, 'altman')) {
        const zones = (m as { altman: unknown }).altman;
        if (typeof zones !== 'object' || zones === null) invalid(['mappings', k, 'altman'], M.altmanZonesType(), { code: 'invalid_type', received: describe(zones) });
        for (const zone of ZONES) {
          const label = hasOwn(zones, zone) ? (zones as Record<string, unknown>)[zone] : undefined;
          if (typeof label !== 'string' || label === '') invalid(['mappings', k, 'altman', zone], M.altmanZoneLabel(), { code: label === undefined ? 'required' : 'invalid_type', received: describe(label) });
        }
        const a = altmanOf(year.altman, ['analysis', 'years', years.indexOf(year), 'altman']);
        if (a === null) {
          skip(k, factor, M.noAltmanInYear(year.year));
          return;
        }
        const likelihood = (zones as Record<AltmanZone, string>)[a.zone];
        findings.push({ factor, likelihood, impact, note: T.altmanNote(a.variant, a.z, year.year, a.zone) });
        steps.push({ code: 'altman-finding', factor, year: year.year, z: a.z, zone: a.zone, likelihood, impact, text: T.altmanFinding(factor, a.variant, a.z, year.year, a.zone, likelihood, impact) });
        return;
      }
      const name = (m as { ratio?: unknown }).ratio;
      if (typeof name !== 'string' || !hasOwn(RATIO_WORDS, name) || !hasOwn(year.ratios, name)) {
        if (typeof name !== 'string') invalid(['mappings', k, 'ratio'], M.ratioType(name), { code: name === undefined ? 'required' : 'invalid_type', received: describe(name) });
        unknownLabel(['mappings', k, 'ratio'], M.unknownRatio(name), { code: 'unknown_label', received: JSON.stringify(name) });
      }
      const ratio = name as FinancialRatioName;
      const value = year.ratios[ratio];
      const band = hasOwn(year.bands, ratio) ? bandOf(year.bands[ratio], ['analysis', 'years', years.indexOf(year), 'bands', ratio]) : undefined;
      if (band === undefined) {
        skip(k, factor, value === null ? M.ratioNotMeaningful(RATIO_WORDS[ratio], year.year) : M.ratioWithoutBand(RATIO_WORDS[ratio]));
        return;
      }
      findings.push({ factor, likelihood: band.likelihood, impact, note: T.ratioNote(RATIO_WORDS[ratio], band.value, year.year, band.band, source) });
      steps.push({
        code: 'ratio-finding',
        factor,
        year: year.year,
        ratio,
        value: band.value,
        band: band.band,
        likelihood: band.likelihood,
        impact,
        text: T.ratioFinding(factor, RATIO_WORDS[ratio], band.value, year.year, band.band, band.likelihood, impact),
      });
    });
    return { year: year.year, findings, skipped, warnings, steps };
  } catch (error) {
    throw wrapThrown(error);
  }
}

/** A band of an analysis (or its JSON): its value as a Decimal, its labels as text. */
function bandOf(raw: unknown, path: (string | number)[]): FinancialBandResult | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'object') invalid(path, M.notAnAnalysis(), { code: 'invalid_type', received: describe(raw) });
  const b = raw as Record<string, unknown>;
  for (const key of ['band', 'likelihood']) {
    if (typeof b[key] !== 'string') invalid([...path, key], M.notAnAnalysis(), { code: b[key] === undefined ? 'required' : 'invalid_type', received: describe(b[key]) });
  }
  return { ...(b as unknown as FinancialBandResult), value: toDecimal(b.value, [...path, 'value']) };
}

/** The Altman result of an analysis year (or its JSON): z as a Decimal, zone one of the three. */
function altmanOf(raw: unknown, path: (string | number)[]): FinancialYearAnalysis['altman'] {
  if (raw === null || raw === undefined) return null;
  if (typeof raw !== 'object') invalid(path, M.notAnAnalysis(), { code: 'invalid_type', received: describe(raw) });
  const a = raw as Record<string, unknown>;
  // ZONES holds strings only: includes() fails for any zone that is not one of them, a string or not.
  if (!ZONES.includes(a.zone as AltmanZone)) {
    invalid([...path, 'zone'], M.notAnAnalysis(), { code: a.zone === undefined ? 'required' : 'invalid_value', received: describe(a.zone) });
  }
  if (typeof a.variant !== 'string') invalid([...path, 'variant'], M.notAnAnalysis(), { code: a.variant === undefined ? 'required' : 'invalid_type', received: describe(a.variant) });
  return { ...(a as unknown as NonNullable<FinancialYearAnalysis['altman']>), z: toDecimal(a.z, [...path, 'z']) };
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
