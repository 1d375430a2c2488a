import { IssueCollector, invalid, wrapThrown, unknownLabel, type IssuePath } from '../core/errors.js';
import {
  calculateAltmanZ,
  defineRiskMatrix,
  nistOverallLikelihood,
  nistSp80030,
  riskMatrix3x3,
  riskMatrix5x5Product,
  toRiskLevel,
  type AltmanInput,
  type AltmanResult,
  type AltmanVariant,
  type RiskMatrix,
} from '../risk/index.js';
import { cellOf, choiceAt, decimalAt, describeSheetValue, isOmitted, matrixAt, optionalDecimalAt, scalarAt, type SheetValue } from './args.js';
import { renamedPaths } from './paths.js';

/** The preset matrices a text `matrix` argument names. */
const PRESETS: Readonly<Record<string, RiskMatrix>> = {
  nist: nistSp80030,
  'nist-likelihood': nistOverallLikelihood,
  '5x5': riskMatrix5x5Product,
  '3x3': riskMatrix3x3,
};

/** How labels are compared: case, spaces, hyphens and underscores do not matter ("Very Low" = "very-low"). */
function labelKey(label: string): string {
  return label.trim().toLowerCase().replace(/[\s_-]+/g, '-');
}

function cellText(value: unknown, path: IssuePath, where: string): string {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (Number.isFinite(value)) return String(value);
  return invalid(path, `must be a label, received ${describeSheetValue(value)}${where}`);
}

/**
 * Reads a matrix argument: a preset's name, or a range whose first row holds the impact labels
 * (after a corner cell), whose first column holds the likelihood labels, each lowest first, and
 * whose other cells hold the levels.
 */
function matrixOf(value: SheetValue): RiskMatrix {
  // One cell (Excel passes a one-cell range as [[value]]) names a preset.
  if (!Array.isArray(value) || (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1)) {
    // Stryker disable next-line ArrayDeclaration,StringLiteral: scalarAt only gets a single cell or a 1 × 1 range here, which it never refuses, so the path is never shown
    const name = scalarAt(value, ['matrix']);
    if (isOmitted(name)) return nistSp80030;
    if (typeof name !== 'string') return invalid(['matrix'], `must be a preset name or a range, received ${describeSheetValue(name)}`);
    const key = labelKey(name);
    // Own properties only: 'toString' or 'constructor' is not a preset.
    const preset = Object.prototype.hasOwnProperty.call(PRESETS, key) ? PRESETS[key] : undefined;
    if (preset === undefined) {
      return unknownLabel(['matrix'], `is not a preset: ${JSON.stringify(name)} (presets: ${Object.keys(PRESETS).map((k) => `"${k}"`).join(', ')}; or give the matrix as a range)`);
    }
    return preset;
  }
  const m = matrixAt(value, ['matrix']);
  if (m.length < 3 || m[0]!.length < 3) {
    invalid(['matrix'], `must be a range of at least 3 × 3 cells: impact labels in the first row, likelihood labels in the first column, levels inside; received ${m.length} × ${m[0]!.length}`);
  }
  const issues = new IssueCollector();
  const at = (r: number, c: number) => ` (row ${r + 1}, column ${c + 1} of the range)`;
  const read = (r: number, c: number, path: IssuePath): string => {
    try {
      return cellText(m[r]![c], path, at(r, c));
    } catch (e) {
      const err = wrapThrown(e);
      issues.add(err.issues[0]!.path, err.issues[0]!.message, err.code);
      // Stryker disable next-line StringLiteral: the text returned with an issue is never read, since matrixOf throws the collected issues before it uses the labels
      return '';
    }
  };
  const impact = m[0]!.slice(1).map((_, c) => read(0, c + 1, ['matrix', 'impact', c]));
  const likelihood = m.slice(1).map((_, r) => read(r + 1, 0, ['matrix', 'likelihood', r]));
  const cells = m.slice(1).map((row, r) => row.slice(1).map((_, c) => read(r + 1, c + 1, ['matrix', 'cells', r, c])));
  issues.throwIfAny();
  // The lookup does not depend on the order of the levels: list them as they first appear.
  const levels = [...new Set(cells.flat())];
  return defineRiskMatrix({ name: 'sheet range', likelihood, impact, levels, cells });
}

/** Resolves a label or a 1-based position on one axis. */
function axisLabel(value: SheetValue, labels: readonly string[], path: IssuePath, what: string): string {
  const v = scalarAt(value, path);
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 1 && v <= labels.length) return labels[v - 1]!;
    return unknownLabel(path, `must be a ${what} position from 1 to ${labels.length} or a label, received ${v}`);
  }
  if (typeof v !== 'string' || v.trim() === '') return invalid(path, `is required (a ${what} label or position), received ${describeSheetValue(v)}`);
  const key = labelKey(v);
  const found = labels.find((l) => labelKey(l) === key);
  if (found === undefined) {
    return unknownLabel(path, `is not a ${what} label: ${JSON.stringify(v)} (${what} labels: ${labels.map((l) => `"${l}"`).join(', ')})`);
  }
  return found;
}

/**
 * `=DK.RISK.LEVEL(likelihood, impact, [matrix])`: the risk level of a likelihood and an impact in
 * a risk matrix, by label or by 1-based position on each axis (lowest first).
 *
 * `matrix` is a preset (`"nist"`, the default: NIST SP 800-30 Rev. 1 Table I-2; `"nist-likelihood"`:
 * Table G-5; `"5x5"`: a product matrix; `"3x3"`: Cox's) or a range: impact labels along the first
 * row after a corner cell, likelihood labels down the first column, each lowest first, levels
 * inside. Labels match ignoring case, spaces, hyphens and underscores. An unknown label is `#N/A`.
 *
 * @param likelihood - A likelihood label or position.
 * @param impact - An impact label or position.
 * @param matrix - A preset name or the matrix as a range.
 * @example
 * ```ts
 * [DK_RISK_LEVEL('Moderate', 'High'), DK_RISK_LEVEL(5, 1), DK_RISK_LEVEL('likely', 'major', '5x5')];
 * //=> ['moderate', 'very-low', 'high']
 * ```
 */
export function DK_RISK_LEVEL(likelihood: SheetValue, impact: SheetValue, matrix?: SheetValue): string {
  try {
    const m = matrixOf(matrix);
    return toRiskLevel(m, axisLabel(likelihood, m.likelihood, ['likelihood'], 'likelihood'), axisLabel(impact, m.impact, ['impact'], 'impact'));
  } catch (error) {
    throw wrapThrown(error);
  }
}

const VARIANTS: readonly AltmanVariant[] = ['z', 'z-prime', 'z-double-prime'];
const SHEET_RATIO_SCALE = 20;

function altmanOf(
  variant: SheetValue,
  workingCapital: SheetValue,
  totalAssets: SheetValue,
  retainedEarnings: SheetValue,
  ebit: SheetValue,
  equity: SheetValue,
  totalLiabilities: SheetValue,
  sales: SheetValue,
): AltmanResult {
  const v = choiceAt(variant, ['variant'], VARIANTS);
  const e = decimalAt(equity, ['equity']);
  const s = optionalDecimalAt(sales, ['sales']);
  const input: AltmanInput = {
    variant: v,
    workingCapital: decimalAt(workingCapital, ['workingCapital']),
    totalAssets: decimalAt(totalAssets, ['totalAssets']),
    retainedEarnings: decimalAt(retainedEarnings, ['retainedEarnings']),
    ebit: decimalAt(ebit, ['ebit']),
    totalLiabilities: decimalAt(totalLiabilities, ['totalLiabilities']),
    ...(v === 'z' ? { marketValueOfEquity: e } : { bookValueOfEquity: e }),
    ...(s === undefined ? {} : { sales: s }),
  };
  try {
    // A cell holds a float: report the score to 20 places, well beyond a float's 17 digits.
    return calculateAltmanZ(input, { ratioScale: SHEET_RATIO_SCALE });
  } catch (error) {
    // The engine refuses only a market value of equity (a negative one), by its name; the sheet argument
    // is `equity`. A book value of equity may be negative and, given, is never refused.
    throw renamedPaths(wrapThrown(error), [[['marketValueOfEquity'], 'equity']]);
  }
}

/**
 * `=DK.ALTMAN(variant, workingCapital, totalAssets, retainedEarnings, ebit, equity, totalLiabilities, [sales])`:
 * Altman's Z-score, to 20 places (a float's full precision).
 *
 * `variant` is `"z"` (listed manufacturers; `equity` is the market value of equity), `"z-prime"`
 * (private firms; book equity) or `"z-double-prime"` (non-manufacturers such as distributors; book
 * equity; no sales term). `sales` is required by `"z"` and `"z-prime"`.
 *
 * @param variant - `"z"`, `"z-prime"` or `"z-double-prime"`.
 * @param workingCapital - Current assets − current liabilities.
 * @param totalAssets - Total assets (> 0).
 * @param retainedEarnings - Retained earnings.
 * @param ebit - Earnings before interest and taxes.
 * @param equity - Market value of equity (`"z"`) or book value of equity.
 * @param totalLiabilities - Total liabilities (> 0).
 * @param sales - Sales (revenue) of the year.
 * @example
 * ```ts
 * DK_ALTMAN('z', 90000, 620000, 30000, 55000, 100000, 280000, 440000);
 * //=> 1.4586405529953916
 * ```
 */
export function DK_ALTMAN(
  variant: SheetValue,
  workingCapital: SheetValue,
  totalAssets: SheetValue,
  retainedEarnings: SheetValue,
  ebit: SheetValue,
  equity: SheetValue,
  totalLiabilities: SheetValue,
  sales?: SheetValue,
): number {
  try {
    return cellOf(altmanOf(variant, workingCapital, totalAssets, retainedEarnings, ebit, equity, totalLiabilities, sales).z);
  } catch (error) {
    throw wrapThrown(error);
  }
}

/**
 * `=DK.ALTMAN.ZONE(variant, workingCapital, totalAssets, retainedEarnings, ebit, equity, totalLiabilities, [sales])`:
 * the zone of the Altman Z-score, `"distress"`, `"grey"` or `"safe"`, by the variant's own cut-offs
 * (Z: 1.81 / 2.99; Z′: 1.23 / 2.90; Z″: 1.10 / 2.60; the grey zone includes both).
 *
 * @param variant - `"z"`, `"z-prime"` or `"z-double-prime"`.
 * @param workingCapital - Current assets − current liabilities.
 * @param totalAssets - Total assets (> 0).
 * @param retainedEarnings - Retained earnings.
 * @param ebit - Earnings before interest and taxes.
 * @param equity - Market value of equity (`"z"`) or book value of equity.
 * @param totalLiabilities - Total liabilities (> 0).
 * @param sales - Sales (revenue) of the year.
 * @example
 * ```ts
 * DK_ALTMAN_ZONE('z', 90000, 620000, 30000, 55000, 100000, 280000, 440000);
 * //=> 'distress'
 * ```
 */
export function DK_ALTMAN_ZONE(
  variant: SheetValue,
  workingCapital: SheetValue,
  totalAssets: SheetValue,
  retainedEarnings: SheetValue,
  ebit: SheetValue,
  equity: SheetValue,
  totalLiabilities: SheetValue,
  sales?: SheetValue,
): string {
  try {
    return altmanOf(variant, workingCapital, totalAssets, retainedEarnings, ebit, equity, totalLiabilities, sales).zone;
  } catch (error) {
    throw wrapThrown(error);
  }
}
