/**
 * Every text of the risk engine in one place (as dinero.js keeps its message constants): the
 * messages of the issues it raises, the messages of its warnings, the sentences of its steps and
 * the words of its ratios.
 *
 * @internal
 * @module
 */
import type { Decimal } from '../core/decimal.js';
import type { DealerkitIssueCode } from '../core/errors.js';
import { fmtAmount, fmtPercent } from '../core/format.js';
import { CORE_MESSAGES, describeValue, percentHint } from '../core/messages.js';
import type { FinancialRatioName } from './financial-schema.js';

/** A received value printed for a message: strings quoted, numbers as written, `null`, `an object`. @internal */
export const describe = describeValue;

/** True when `key` is an own property of `value` (never an inherited `toString` or `constructor`). @internal */
export function hasOwn(value: unknown, key: string): boolean {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: every caller passes an object (a partner, configuration, mapping or zones record checked with typeof first, a parsed policy or benchmark record, a frozen constant), so the guard is never false
  return typeof value === 'object' && value !== null && Object.prototype.hasOwnProperty.call(value, key);
}

/** Labels as `'a', 'b'`. @internal */
export function quoteList(labels: readonly string[]): string {
  return labels.map((s) => `'${s}'`).join(', ');
}

/** `too_short` or `too_long` for a count that is not the one wanted. @internal */
export function countCode(actual: number, wanted: number): DealerkitIssueCode {
  // Stryker disable next-line EqualityOperator: every caller asks only when actual !== wanted, where < and <= agree
  return actual < wanted ? 'too_short' : 'too_long';
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A figure for a sentence: grouped by threes, its own decimal places. */
function n(d: Decimal): string {
  return fmtAmount(d, Math.max(0, d.decimalPlaces()));
}

function plainOf(d: Decimal): string {
  return d.toFixed();
}

const VARIANT_NAMES = { z: 'Z', 'z-prime': 'Z′', 'z-double-prime': 'Z″' } as const;

/** The words of each ratio, for sentences. @internal */
export const RATIO_WORDS: Readonly<Record<FinancialRatioName, string>> = Object.freeze({
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
});

/** The formula of each ratio in words, by balances (average or year-end) and day count. @internal */
export const RATIO_FORMULAS: Readonly<Record<FinancialRatioName, (averaged: boolean, days: number) => string>> = Object.freeze({
  currentRatio: () => 'current assets / current liabilities',
  quickRatio: () => '(current assets − inventory) / current liabilities',
  debtRatio: () => 'total liabilities / total assets',
  debtToEquity: () => 'total liabilities / equity',
  interestCoverage: () => 'EBIT / interest',
  operatingCashFlowRatio: () => 'operating cash flow / current liabilities',
  dso: (a, d) => `${a ? 'average ' : ''}receivables × ${d} / revenue`,
  dio: (a, d) => `${a ? 'average ' : ''}inventory × ${d} / COGS`,
  dpo: (a, d) => `${a ? 'average ' : ''}payables × ${d} / COGS`,
  // Stryker disable next-line StringLiteral: the cycle is summed from DSO, DIO and DPO (financials.ts cashConversionCycle), never a ratio step, so nothing reads this formula; the record's type needs every ratio
  cashConversionCycle: () => 'DSO + DIO − DPO',
  inventoryTurnover: (a) => `COGS / ${a ? 'average ' : ''}inventory`,
  netMargin: () => 'net income / revenue',
  assetTurnover: (a) => `revenue / ${a ? 'average ' : ''}total assets`,
  equityMultiplier: (a) => (a ? 'average total assets / average equity' : 'total assets / equity'),
  roa: (a) => `net income / ${a ? 'average ' : ''}total assets`,
  roe: (a) => `net income / ${a ? 'average ' : ''}equity`,
  revenueGrowth: () => '(revenue − previous revenue) / previous revenue',
});

/** The codes of the risk engine's warnings (kebab-case, stable). @internal */
export const WARNING_CODES = Object.freeze({
  altmanVariant: 'altman-variant-mismatch',
  noPreviousYear: 'no-previous-year',
  balanceSheet: 'balance-sheet-mismatch',
  currentAssets: 'current-assets-above-total',
  currentLiabilities: 'current-liabilities-above-total',
  equity: 'equity-not-positive',
  notMeaningful: 'ratio-not-meaningful',
  noAltman: 'altman-not-meaningful',
  factorSkipped: 'financial-factor-skipped',
  notMonotone: 'matrix-not-monotone',
  singleLevel: 'single-level',
  weakConsistency: 'weak-consistency-fails',
  betweenness: 'betweenness-fails',
  colouring: 'colouring-fails',
  averagedSevere: 'averaged-severe-factor',
  failedRows: 'failed-rows',
} as const);

/** The messages of the issues and warnings the risk engine raises. @internal */
export const RISK_MESSAGES = {
  // Shapes and types.
  notA: (what: string, v: unknown) => `must be ${what}, received ${describe(v)}`,
  unknownField: (suggestion: string | undefined) => CORE_MESSAGES.unknownField(suggestion),
  labelType: (what: string, v: unknown) => `must be ${what === 'impact' ? 'an' : 'a'} ${what} label, received ${describe(v)}`,
  // Matrices.
  duplicateLabel: (axis: string, first: number, label: string) => `duplicates ${axis}[${first}] ('${label}'); labels must be unique`,
  cellsAndScoring: () => 'must not be given together with cells: give the cells or the scoring rule that generates them',
  cellRows: (want: number, has: number) => `must have ${want} rows (one per likelihood label, lowest first), has ${has}`,
  cellColumns: (want: number, has: number) => `must have ${want} cells (one per impact label, lowest first), has ${has}`,
  notALevel: (label: string, levels: readonly string[]) => `is not a level: '${label}' (levels: ${quoteList(levels)})`,
  thresholdCount: (want: number, has: number) =>
    `must hold ${plural(want, 'threshold')} (one fewer than the levels; a score at or above thresholds[k] is at least levels[k + 1]), has ${has}`,
  thresholdOrder: (k: number, prev: number, v: number) => `must be greater than scoring.thresholds[${k - 1}] (${prev}): levels go from low to high, received ${v}`,
  cellsRequired: () => 'is required unless scoring is given',
  unknownAxisLabel: (what: string, v: string, labels: readonly string[]) => `is not a ${what} label: '${v}' (${what} labels: ${quoteList(labels)})`,
  // Scales.
  duplicateBin: (first: number, level: string) => `duplicates bins[${first}].level ('${level}'); each level has one bin`,
  binOrder: (k: number, prev: Decimal, v: Decimal) => `must be greater than bins[${k - 1}].from (${plainOf(prev)}): bins go from low to high, received ${plainOf(v)}`,
  scaleTo: (last: Decimal, to: Decimal) => `must be at least the last bin's from (${plainOf(last)}), received ${plainOf(to)}`,
  fractionBelow: (v: Decimal) => `must be a fraction from 0 to 1, received ${plainOf(v)}`,
  fractionAbove: (v: Decimal, unit: string) => `must be a fraction from 0 to 1 (the scale's unit is '${unit}'), received ${plainOf(v)}: ${percentHint(plainOf(v))}`,
  belowScale: (name: string, from: Decimal, v: Decimal) => `is below the lowest bin of scale '${name}' (${plainOf(from)}), received ${plainOf(v)}`,
  aboveScale: (name: string, to: Decimal, v: Decimal) => `is above the upper bound of scale '${name}' (${plainOf(to)}, inclusive), received ${plainOf(v)}`,
  percentOnScale: (name: string, v: Decimal) => `is above the upper bound of scale '${name}' (1, inclusive: a fraction), received ${plainOf(v)}: ${percentHint(plainOf(v))}`,
  // Benchmarks.
  duplicateBandLevel: (first: number, level: string) => `duplicates levels[${first}] ('${level}'); each band has its own level`,
  cutOrder: (better: 'higher' | 'lower', k: number, prev: Decimal, c: Decimal) =>
    `must be ${better === 'higher' ? 'less' : 'greater'} than cuts[${k - 1}] (${plainOf(prev)}): cuts run from excellent to poor, and ${better} is better, received ${plainOf(c)}`,
  shareCut: (ratio: FinancialRatioName, c: Decimal) => `must be at most 1 (the ${RATIO_WORDS[ratio]} is a share), received ${plainOf(c)}: ${percentHint(plainOf(c))}`,
  ratioType: (v: unknown) => `must be the name of a ratio of analyzeFinancials, received ${describe(v)}`,
  noBenchmark: (table: string, ratio: string, known: readonly string[]) => `has no benchmark in '${table}': '${ratio}' (benchmarked: ${quoteList(known)})`,
  // Templates and policies.
  wholeDays: (v: unknown) => `must be a whole number of days, received ${describe(v)}`,
  duplicateCategory: (first: number, c: string) => `duplicates categories[${first}] ('${c}')`,
  duplicateFactor: (first: number, id: string) => `duplicates factors[${first}].id ('${id}'); factor ids must be unique`,
  unknownCategory: (c: string, categories: readonly string[]) => `is not a category of the template: '${c}' (categories: ${quoteList(categories)}; add it to categories)`,
  factorLevels: (first: readonly string[], got: readonly string[]) =>
    `must equal the levels of factors[0]'s matrix (${quoteList(first)}), received ${quoteList(got)}: roll-ups compare levels across factors`,
  weightRange: (places: number, w: Decimal) => `must have at most ${places} decimal places and be at most 1000, received ${plainOf(w)}`,
  scaleLevelNotOnAxis: (axis: string, level: string, labels: readonly string[]) =>
    `is not ${axis === 'impact' ? 'an' : 'a'} ${axis} label of the factor's matrix: '${level}' (${axis} labels: ${quoteList(labels)})`,
  scaleLevelOrder: (axis: string, j: number) => `must be a higher ${axis} than bins[${j - 1}].level: a higher value never maps to a lower level`,
  templateLevels: (levels: readonly string[]) => `must equal the levels of the factors' matrices (${quoteList(levels)}) when given`,
  levelRequired: (what: string) => `is required: every level needs ${what}`,
  scoreRange: (d: Decimal) => `must have at most 6 decimal places and be at most 1000, received ${plainOf(d)}`,
  scoreOrder: (prevLevel: string, prev: Decimal, d: Decimal) => `must be greater than scores['${prevLevel}'] (${plainOf(prev)}): levels go from low to high, received ${plainOf(d)}`,
  thresholdLevelOrder: (field: string, prev: string, got: string) => `must be at least ${field} ('${prev}'): thresholds go from low to high, received '${got}'`,
  // Assessments.
  configType: (v: unknown) => `must be the assessment's configuration { template, policy }, received ${describe(v)}`,
  configIsTemplate: () => 'must be { template, policy }, received a template alone: pass { template: yourTemplate, policy: yourPolicy }',
  configTemplateRequired: () => 'is required (a risk template from defineRiskTemplate, such as dealerDueDiligence)',
  configPolicyRequired: () => 'is required (a risk policy from defineRiskPolicy, such as dealerDueDiligencePolicy)',
  policyLevels: (tl: readonly string[], pl: readonly string[]) => `must equal the template's levels (${quoteList(tl)}), received ${quoteList(pl)}`,
  partnerType: (v: unknown) => `must be a partner { id?, findings }, received ${describe(v)}`,
  partnerId: (v: unknown) => `must be a non-empty string or a finite number, received ${describe(v)}`,
  findingsArray: (v: unknown) => `must be an array of findings, received ${describe(v)}`,
  findingsEmpty: () => 'must hold at least one finding: an assessment with nothing assessed decides nothing',
  findingType: (v: unknown) => `must be a finding object, received ${describe(v)}`,
  unknownFactor: (template: string, factor: string) => `is not a factor of template '${template}': '${factor}'`,
  factorType: (v: unknown) => `must be a factor id, received ${describe(v)}`,
  duplicateFinding: (first: number, id: string) => `duplicates findings[${first}] ('${id}'): one finding per factor`,
  findingLabel: (axis: string, factor: string, v: string, labels: readonly string[]) =>
    `is not ${axis === 'impact' ? 'an' : 'a'} ${axis} label of factor '${factor}': '${v}' (${axis} labels: ${quoteList(labels)})`,
  findingNoScale: (axis: string, factor: string, v: unknown) =>
    `must be ${axis === 'impact' ? 'an' : 'a'} ${axis} label of factor '${factor}' (the factor has no ${axis} scale to read a value through), received ${describe(v)}`,
  controlsArray: () => 'must be an array of controls',
  controlId: () => 'must be a non-empty control id',
  controlType: (v: unknown) => `must be a control ({ id }), received ${describe(v)}`,
  residualType: () => 'must be an object with likelihood and impact',
  residualAbove: (axis: string, got: string, inherent: string) => `is '${got}', above the inherent ${axis} '${inherent}': residual risk never exceeds inherent risk`,
  controlsRequired: (rl: string, ri: string, l: string, i: string) =>
    `are required: the residual (${rl} × ${ri}) is lower than the inherent (${l} × ${i}), and only a control lowers a risk`,
  knockoutType: (v: unknown) => `must be true or false, received ${describe(v)}`,
  notAKnockoutFactor: (factor: string, template: string) => `factor '${factor}' is not a knock-out factor in template '${template}'; only knock-out factors decide alone`,
  noteType: (v: unknown) => `must be a string, received ${describe(v)}`,
  reviewAfter9999: (cadence: number) => `plus the review cadence of ${cadence} days is after 9999-12-31`,
  averagedSevere: (factor: string, level: string, method: string, overall: string) =>
    `${factor} is at '${level}', but the ${method} overall level is '${overall}': an average hides one severe factor (set decision.escalateIfAnyFactorAtLeast or rejectIfAnyFactorAtLeast to act on it)`,
  failedRows: (failed: number, total: number) => `${failed} of ${plural(total, 'partner')} refused: each bad row has its error`,
  // Checks of matrices.
  nistAxes: (n: number, which: string) => `'nist' reads each axis with NIST's five bins, and the matrix has ${n} ${which} labels; give custom cuts`,
  cutCount: (n: number, which: string, has: number) => `must hold ${n + 1} cuts (the bin edges of the ${n} ${which} labels, lowest first), has ${has}`,
  negativeCut: (c: Decimal) => `must not be negative (risk grows with each axis), received ${plainOf(c)}`,
  axisCutOrder: (which: string, k: number, prev: Decimal, c: Decimal) => `must be greater than ${which}[${k - 1}] (${plainOf(prev)}): cuts go from low to high, received ${plainOf(c)}`,
  notMonotone: (count: number) => `the level falls in ${plural(count, 'place')} as likelihood or impact rises: the matrix is not monotone`,
  singleLevel: (level: string) => `every cell is '${level}': Cox's axioms say nothing about a single-level grid`,
  weakConsistencyFails: (margin: string, count: number) =>
    `weak consistency fails (margin ${margin}, ${plural(count, 'offending pair')}): some top-level cells hold smaller risks than bottom-level cells`,
  betweennessFails: (count: number) => `betweenness fails: ${plural(count, 'bottom-level cell')} next to a top-level cell`,
  colouringFails: (cells: readonly string[]) => `consistent colouring fails at ${cells.join(', ')}`,
  // Financial statements.
  yearOrder: (k: number, prev: number, got: number) => `must be later than years[${k - 1}].year (${prev}): years go from oldest to latest, received ${got}`,
  altmanMarketEquityYear: () => "is required for Altman variant 'z' (X4 is the market value of equity / total liabilities); a private firm has none: use 'z-prime'",
  noPreviousYear: (year: number) =>
    `has no previous year (${year - 1}) to average with: DSO, DIO, DPO, inventory turnover, asset turnover, equity multiplier, ROA and ROE use ${year} year-end balances`,
  balanceSheet: (ta: Decimal, balance: Decimal) =>
    `is ${plainOf(ta)} but total liabilities + equity are ${plainOf(balance)}: the balance sheet does not balance (difference ${plainOf(ta.minus(balance))})`,
  currentAssetsAboveTotal: (ca: Decimal, ta: Decimal) => `exceed total assets (${plainOf(ca)} > ${plainOf(ta)})`,
  currentLiabilitiesAboveTotal: (cl: Decimal, tl: Decimal) => `exceed total liabilities (${plainOf(cl)} > ${plainOf(tl)})`,
  equityNotPositive: (which: Decimal, onAverage: boolean) =>
    `${which.isZero() ? 'is 0' : `is negative (${plainOf(which)})`}${onAverage ? ' on average' : ''}: debt to equity, equity multiplier, ROE and the DuPont decompositions are not meaningful (null); Altman X4 still uses it`,
  noInterest: () => 'is 0 (no interest expense, so coverage is unbounded)',
  notMeaningful: (why: string, ratios: readonly string[]) => `${why}: ${ratios.join(', ')} not meaningful (null)`,
  noAltman: () => 'is 0: Altman X4 divides by it, so the Altman score is not meaningful (null)',
  // Altman.
  altmanMarketEquity: () => "is required for variant 'z' (X4 is the market value of equity / total liabilities); a private firm has none: use 'z-prime'",
  altmanBookEquity: (variant: string) => `is required for variant '${variant}' (X4 is the book value of equity / total liabilities)`,
  altmanSales: (variant: string) => `is required for variant '${variant}' (X5 is sales / total assets)`,
  altmanZPrivate: () => "Z was fitted on publicly traded manufacturers and needs a market value of equity; for a private firm use 'z-prime'",
  altmanZNonManufacturer: () => "Z was fitted on manufacturers, and X5 (sales / total assets) varies widely across industries; for a non-manufacturer use 'z-double-prime'",
  altmanZPrimeNonManufacturer: () =>
    "Z′ was re-estimated on private manufacturers and keeps X5 (sales / total assets), which varies across industries; for a non-manufacturer use 'z-double-prime'",
  altmanZPrimeListed: () => "Z′ uses book equity; for a listed manufacturer the original 'z' (market value of equity) is the fitted model",
  altmanZDoublePrimeManufacturer: () => "Z″ drops X5 for non-manufacturers and emerging markets; for a manufacturer 'z' (listed) or 'z-prime' (private) are the fitted models",
  // Financial findings.
  mappingsArray: () => 'must be an array of factor mappings',
  notAnAnalysis: () => 'must be the result of analyzeFinancials',
  unknownYear: (year: number, years: readonly number[]) => `is not a year of the analysis: ${year} (years: ${years.join(', ')})`,
  mappingType: () => 'must be a factor mapping { factor, ratio, impact } or { factor, altman, impact }',
  mappingLabel: (what: string, v: unknown) => `must be ${what}, received ${describe(v)}`,
  altmanZonesType: () => 'must give a likelihood label for each Altman zone: { safe, grey, distress }',
  altmanZoneLabel: () => 'is required: a likelihood label for each zone',
  unknownRatio: (name: string) => `is not a ratio of analyzeFinancials: '${name}'`,
  noAltmanInYear: (year: number) => `no Altman score in ${year}`,
  ratioNotMeaningful: (words: string, year: number) => `${words} is not meaningful in ${year}`,
  ratioWithoutBand: (words: string) => `${words} has no benchmark band (run analyzeFinancials with benchmarks that cover it)`,
  factorSkipped: (factor: string, reason: string) => `${factor} has no finding: ${reason}`,
} as const;

type Zone = 'safe' | 'grey' | 'distress';
type Decision = 'approve' | 'conditional' | 'escalate' | 'reject';

/** The sentences of the risk engine's steps (English; figures grouped `9,368,000`). @internal */
export const RISK_TEXTS = {
  // Altman.
  altmanComponent: (name: string, label: string, num: Decimal, den: Decimal, ratio: Decimal, coefficient: Decimal, contribution: Decimal) =>
    `${name} ${label} = ${n(num)} / ${n(den)} = ${n(ratio)}; × ${coefficient.toString()} = ${n(contribution)}`,
  altmanZone: (variant: keyof typeof VARIANT_NAMES, components: readonly { name: string; coefficient: Decimal }[], z: Decimal, zone: Zone, distressBelow: Decimal, safeAbove: Decimal, scale: number) =>
    `${VARIANT_NAMES[variant]} = ${components.map((c) => `${c.coefficient.toString()} × ${c.name}`).join(' + ')} = ${n(z)} (of the exact ratios, to ${scale} places): ${zone} (distress below ${distressBelow.toFixed(2)}, safe above ${safeAbove.toFixed(2)})`,
  // Financial statements.
  variantRequested: (v: string) => `Altman variant '${v}' as requested`,
  variantNonManufacturer: () => "Altman variant 'z-double-prime': the firm is not a manufacturer",
  variantListed: () => "Altman variant 'z': every year has a market value of equity",
  variantPrivate: () => "Altman variant 'z-prime': no market value of equity (a private firm)",
  conventions: (dayCount: number, averages: boolean, variantWhy: string, benchmarks: string | null, scale: number) =>
    `day count ${dayCount} (DSO, DIO and DPO are balance × ${dayCount} / flow); turnover ratios use ${averages ? 'the average of opening and closing balances' : 'year-end balances'}; ` +
    `current, quick, debt and operating-cash-flow ratios use year-end balances; ${variantWhy}, with working capital = current assets − current liabilities and sales = revenue; ` +
    `${benchmarks === null ? '' : `benchmarks: ${benchmarks}; `}ratios are reported rounded half-up to ${scale} places, and bands, trends and zones compare the exact quotients`,
  ratio: (year: number, words: string, formula: string, num: Decimal, den: Decimal, value: Decimal) => `${year} ${words} = ${formula} = ${n(num)} / ${n(den)} = ${n(value)}`,
  cycle: (year: number, dso: Decimal, dio: Decimal, dpo: Decimal, value: Decimal) =>
    `${year} cash conversion cycle = DSO ${n(dso)} + DIO ${n(dio)} − DPO ${n(dpo)} = ${n(value)} days (of the exact quotients)`,
  dupont3: (year: number, d: { netMargin: Decimal; assetTurnover: Decimal; equityMultiplier: Decimal; product: Decimal; roe: Decimal }) =>
    `${year} ROE by DuPont = net margin ${n(d.netMargin)} × asset turnover ${n(d.assetTurnover)} × equity multiplier ${n(d.equityMultiplier)} = ${n(d.product)} (ROE computed directly: ${n(d.roe)})`,
  dupont5: (year: number, d: { taxBurden: Decimal; interestBurden: Decimal; ebitMargin: Decimal; assetTurnover: Decimal; equityMultiplier: Decimal; product: Decimal; roe: Decimal }) =>
    `${year} ROE by DuPont in five steps = tax burden ${n(d.taxBurden)} × interest burden ${n(d.interestBurden)} × EBIT margin ${n(d.ebitMargin)} × asset turnover ${n(d.assetTurnover)} × equity multiplier ${n(d.equityMultiplier)} = ${n(d.product)} (ROE computed directly: ${n(d.roe)})`,
  altmanYear: (year: number, variant: keyof typeof VARIANT_NAMES, z: Decimal, zone: Zone) => `${year} Altman ${VARIANT_NAMES[variant]} = ${n(z)}: ${zone} zone`,
  band: (year: number, words: string, value: Decimal, better: 'higher' | 'lower', cut: Decimal | null, lastCut: Decimal, band: string, likelihood: string) =>
    `${year} ${words} ${n(value)} ${cut === null ? `${better === 'higher' ? '<' : '>'} ${n(lastCut)}` : `${better === 'higher' ? '≥' : '≤'} ${n(cut)}`}: ${band}, likelihood ${likelihood}`,
  trend: (words: string, t: { fromYear: number; toYear: number; first: Decimal; last: Decimal; change: Decimal; direction: string; assessment: string | null }) =>
    `${words} ${n(t.first)} in ${t.fromYear} → ${n(t.last)} in ${t.toYear}: ${t.direction === 'flat' ? 'flat' : `${t.direction} by ${n(t.change.abs())}`}${t.assessment === null ? '' : `, ${t.assessment}`}`,
  cagr: (fromYear: number, toYear: number, first: Decimal, last: Decimal, years: number, value: Decimal) =>
    `revenue CAGR ${fromYear}–${toYear} = (${n(last)} / ${n(first)})^(1/${years}) − 1 = ${n(value)}`,
  // Financial findings.
  ratioNote: (words: string, value: Decimal, year: number, band: string, source: string | undefined) =>
    `${words} ${fmtAmount(value, 2)} in ${year}: ${band}${source === undefined ? '' : ` (${source})`}`,
  altmanNote: (variant: string, z: Decimal, year: number, zone: Zone) => `Altman ${variant} ${fmtAmount(z, 2)} in ${year}: ${zone} zone`,
  ratioFinding: (factor: string, words: string, value: Decimal, year: number, band: string, likelihood: string, impact: string) =>
    `${factor}: ${words} ${n(value)} in ${year} is ${band}, so likelihood ${likelihood}; impact ${impact}`,
  altmanFinding: (factor: string, variant: keyof typeof VARIANT_NAMES, z: Decimal, year: number, zone: Zone, likelihood: string, impact: string) =>
    `${factor}: Altman ${VARIANT_NAMES[variant]} ${n(z)} in ${year} is in the ${zone} zone, so likelihood ${likelihood}; impact ${impact}`,
  // Checks of matrices.
  shouldBeHigher: (lo: string, name: string, belowHi: string, above: string, aboveLo: string) =>
    `every point (risk ≥ ${lo}) exceeds every point of the levels below ${name} (≤ ${belowHi}) and it reaches the range of ${above} (from ${aboveLo}): it should be ${above} or higher`,
  shouldBeLower: (hi: string, name: string, aboveLo: string, below: string, belowHi: string) =>
    `every point (risk ≤ ${hi}) is below every point of the levels above ${name} (≥ ${aboveLo}) and it reaches the range of ${below} (up to ${belowHi}): it should be ${below} or lower`,
  unjustifiedIntermediate: (name: string, lo: string, hi: string) =>
    `${name} is an intermediate level, but the cell lies neither between a lower-level and a higher-level cell nor straddles their ranges (risk ${lo} to ${hi})`,
  checkAxes: (axes: string, risk: string, lc: readonly string[], ic: readonly string[]) =>
    `axes '${axes}': likelihood cuts ${lc.join(', ')}; impact cuts ${ic.join(', ')}; a point's risk is likelihood ${risk === 'product' ? '×' : '+'} impact`,
  checkMonotone: (count: number) =>
    count === 0 ? 'monotone: the level never falls as likelihood or impact rises' : `not monotone: the level falls in ${plural(count, 'place')} as likelihood or impact rises`,
  checkWeakConsistency: (applicable: boolean, top: string, bottom: string, topMin: string | null, bottomMax: string | null, margin: string | null, count: number) =>
    !applicable
      ? `weak consistency: not applicable (every cell is '${top}')`
      : count === 0
        ? `weak consistency holds: the smallest ${top} risk ${topMin} exceeds the largest ${bottom} risk ${bottomMax} by ${margin}`
        : `weak consistency fails: the smallest ${top} risk ${topMin} does not exceed the largest ${bottom} risk ${bottomMax} (margin ${margin}); ${plural(count, 'offending pair')}`,
  checkBetweenness: (count: number) =>
    count === 0 ? 'betweenness holds: no bottom-level cell touches a top-level cell' : `betweenness fails: ${plural(count, 'bottom-level cell')} touch a top-level cell`,
  checkColouring: (count: number) => (count === 0 ? 'consistent colouring holds' : `consistent colouring fails in ${plural(count, 'cell')}`),
  checkJump: (jump: { steps: number; from: { likelihood: string; impact: string; level: string }; to: { likelihood: string; impact: string; level: string } } | null) =>
    jump === null
      ? 'largest jump: none (a 1×1 grid)'
      : `largest jump: ${plural(jump.steps, 'level step')}, from ${jump.from.likelihood}/${jump.from.impact} (${jump.from.level}) to ${jump.to.likelihood}/${jump.to.impact} (${jump.to.level})`,
  // Assessments.
  overallMax: (count: number, level: string, basis: readonly string[]) => `max: the worst residual level of the ${count} assessed factors is '${level}' (${basis.join(', ')})`,
  overallWeighted: (sum: string, divisor: string, score: string, places: number, level: string, levelScore: string) =>
    `weighted: Σ weight × score / Σ weight = ${sum} / ${divisor} = ${score} (to ${places} places); the highest level whose score is at most that is '${level}' (score ${levelScore})`,
  overallKWorst: (k: number, basis: readonly string[], sum: Decimal, score: Decimal, level: string, levelScore: string) =>
    `k-worst: the mean score of the ${k} worst factors (${basis.join(', ')}) is ${sum.toFixed()} / ${k} = ${score.toFixed()}; the highest level whose score is at most that is '${level}' (score ${levelScore})`,
  ruleKnockout: (knockouts: readonly { factor: string; reason: string }[]) =>
    knockouts.length === 0 ? 'no knock-out finding' : `${plural(knockouts.length, 'knock-out')}: ${knockouts.map((x) => `${x.factor} (${x.reason})`).join('; ')}`,
  ruleUnassessed: (factors: readonly string[], policy: 'ignore' | 'escalate') =>
    factors.length === 0
      ? 'every factor assessed'
      : policy === 'escalate'
        ? `${plural(factors.length, 'factor')} not assessed: ${factors.join(', ')}`
        : `${plural(factors.length, 'factor')} not assessed (the policy ignores them)`,
  ruleWorstFactor: (outcome: 'escalate' | 'reject' | null, worst: string, escalateAt: string | null, rejectAt: string | null) =>
    outcome === 'reject'
      ? `a factor is at '${worst}', at or above rejectIfAnyFactorAtLeast '${rejectAt}'`
      : outcome === 'escalate'
        ? `a factor is at '${worst}', at or above escalateIfAnyFactorAtLeast '${escalateAt}'`
        : `no factor at or above '${rejectAt ?? escalateAt}'`,
  ruleOverallLevel: (level: string, outcome: Decision, threshold: string, thresholdLevel: string) =>
    `overall level '${level}' is ${outcome === 'reject' ? 'above' : 'at most'} ${threshold} '${thresholdLevel}'`,
  decision: (decision: Decision, rules: readonly string[]) => `${decision}, the most severe outcome of the rules (from ${rules.join(', ')})`,
  review: (next: string, asOf: string, cadence: number, level: string) => `next review on ${next}: ${asOf} + ${cadence} days, the cadence of '${level}'`,
  batchDecisions: (count: number, d: Readonly<Record<Decision, number>>, knockouts: number, failed: number) =>
    `${plural(count, 'partner')} assessed: ${d.approve} approve, ${d.conditional} conditional, ${d.escalate} escalate, ${d.reject} reject (${knockouts} knocked out)${failed > 0 ? `; ${failed} refused` : ''}`,
} as const;

type Seps = { group: string; decimal: string };
type Rating = { readonly likelihood: string; readonly impact: string; readonly level: string };

const DECISION_WORDS: Readonly<Record<Decision, string>> = Object.freeze({
  approve: 'approved',
  conditional: 'approved with conditions',
  escalate: 'escalated',
  reject: 'rejected',
});
const PERCENT_RATIOS: ReadonlySet<string> = new Set(['debtRatio', 'netMargin', 'roa', 'roe', 'revenueGrowth']);

function at(d: Decimal, places: number, seps: Seps): string {
  return fmtAmount(d, places, seps);
}

function capitalized(text: string): string {
  return text === '' ? text : text[0]!.toUpperCase() + text.slice(1);
}

function cell(r: Rating): string {
  return `${r.likelihood} × ${r.impact}`;
}

/** The sentences of `explainAssessment` and `explainFinancials`. @internal */
export const EXPLAIN_TEXTS = {
  optionsType: (v: unknown) => `must be an object { locale? }, received ${describe(v)}`,
  resultType: (what: string, v: unknown) => `must be ${what}, received ${describe(v)}`,
  missingSteps: () => "must hold the 'overall' and 'overall-level' steps of assessPartner",
  sentence: (text: string) => `${capitalized(text)}.`,
  headline: (
    id: string | number | null,
    decision: Decision,
    o: { method: string; sum: Decimal; divisor: Decimal; score: Decimal; level: string; levelScore: Decimal; basis: readonly string[] },
    assessed: number,
    seps: Seps,
  ) => {
    const who = id === null ? 'The partner' : String(id);
    const how =
      o.method === 'max'
        ? `the worst residual level of the ${plural(assessed, 'assessed factor')} (${o.basis.join(', ')})`
        : `${o.method === 'weighted' ? 'by the weighted mean score' : `by the mean score of the ${plural(o.basis.length, 'worst factor')} (${o.basis.join(', ')})`} ${n2(o.sum, seps)} / ${n2(o.divisor, seps)} = ${n2(o.score, seps)}, at least ${o.level}'s ${n2(o.levelScore, seps)}`;
    return `${who} is ${DECISION_WORDS[decision]}: overall risk ${o.level}, ${how}.`;
  },
  knockout: (factor: string, reason: string, note: string) => `Knock-out: ${factor}, ${reason}${note === '' ? '' : ` (${note})`}.`,
  unassessed: (factors: readonly string[]) => `Escalated for ${plural(factors.length, 'factor')} not assessed: ${factors.join(', ')}.`,
  atLevel: (level: string, factors: readonly { factor: string; inherent: Rating; residual: Rating; controls: readonly { id: string }[] }[]) =>
    `At ${level}: ${factors
      .map((f) => {
        const controls = f.controls.map((c) => c.id).join(', ');
        const lowered = f.residual.likelihood !== f.inherent.likelihood || f.residual.impact !== f.inherent.impact;
        if (lowered) return `${f.factor} (${cell(f.inherent)}, lowered by ${controls} to ${cell(f.residual)})`;
        return `${f.factor} (${cell(f.residual)}${controls === '' ? '' : `, with ${controls}`})`;
      })
      .join(', ')}.`,
  mitigation: (factor: string, from: string, to: string, actions: readonly string[]) =>
    `To approve, bring ${factor} from ${from} to at most ${to}${actions.length === 0 ? '' : `: ${actions.join('; ')}`}.`,
  review: (date: string, cadence: number, asOf: string) => `Next review on ${date}, ${cadence} days after ${asOf}.`,
  liquidity: (year: number, basis: string, r: Readonly<Record<FinancialRatioName, Decimal | null>>, seps: Seps): string | null => {
    const parts: string[] = [];
    for (const name of ['currentRatio', 'quickRatio', 'debtRatio', 'interestCoverage', 'operatingCashFlowRatio'] as const) {
      const v = r[name];
      if (v !== null) parts.push(`${RATIO_WORDS[name]} ${PERCENT_RATIOS.has(name) ? fmtPercent(v, 2, seps) : at(v, 2, seps)}`);
    }
    return parts.length === 0 ? null : `${year} (${basis} balances): ${parts.join(', ')}.`;
  },
  cycle: (ccc: Decimal, dso: Decimal, dio: Decimal, dpo: Decimal, seps: Seps) =>
    `Cash conversion cycle ${at(ccc, 1, seps)} days: DSO ${at(dso, 1, seps)} + DIO ${at(dio, 1, seps)} − DPO ${at(dpo, 1, seps)}.`,
  roe: (roe: Decimal, d: { netMargin: Decimal; assetTurnover: Decimal; equityMultiplier: Decimal } | null, seps: Seps) =>
    `ROE ${fmtPercent(roe, 2, seps)}${d === null ? '' : `: net margin ${fmtPercent(d.netMargin, 2, seps)} × asset turnover ${at(d.assetTurnover, 2, seps)} × equity multiplier ${at(d.equityMultiplier, 2, seps)}`}.`,
  altman: (variant: keyof typeof VARIANT_NAMES, z: Decimal, zone: Zone, distressBelow: Decimal, safeAbove: Decimal, seps: Seps) =>
    `Altman ${VARIANT_NAMES[variant]} ${at(z, 2, seps)}: ${zone} zone (${
      zone === 'distress' ? `below ${at(distressBelow, 2, seps)}` : zone === 'safe' ? `above ${at(safeAbove, 2, seps)}` : `${at(distressBelow, 2, seps)} to ${at(safeAbove, 2, seps)}`
    }).`,
  bands: (table: string, banded: readonly (readonly [FinancialRatioName, string])[]) =>
    `Against ${table}: ${banded.map(([name, band]) => `${RATIO_WORDS[name]} ${band.replace('-', ' ')}`).join(', ')}.`,
  trends: (from: number, to: number, improving: readonly FinancialRatioName[], deteriorating: readonly FinancialRatioName[]) =>
    `From ${from} to ${to}, ${[
      improving.length > 0 ? `improving: ${improving.map((x) => RATIO_WORDS[x]).join(', ')}` : '',
      deteriorating.length > 0 ? `deteriorating: ${deteriorating.map((x) => RATIO_WORDS[x]).join(', ')}` : '',
    ]
      .filter((x) => x !== '')
      .join('; ')}.`,
  cagr: (cagr: Decimal, from: number, to: number, seps: Seps) =>
    `Revenue ${cagr.isNegative() && !cagr.isZero() ? 'fell' : 'grew'} ${fmtPercent(cagr.abs(), 2, seps)} a year from ${from} to ${to}.`,
} as const;

function n2(d: Decimal, seps: Seps): string {
  return fmtAmount(d, Math.max(0, d.decimalPlaces()), seps);
}
