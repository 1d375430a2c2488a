import { Decimal } from '../core/decimal.js';
import { invalid, wrapThrown, type IssuePath } from '../core/errors.js';
import { parseWith } from '../core/schema.js';
import { altmanInputShape, type AltmanInput, type AltmanVariant } from './schema.js';

/** One term of an Altman Z-score: a ratio, its coefficient and its contribution. */
export interface AltmanComponent {
  /** `X1` … `X5`. */
  readonly name: 'X1' | 'X2' | 'X3' | 'X4' | 'X5';
  /** What the ratio is, in words. */
  readonly label: string;
  /** The ratio. */
  readonly ratio: Decimal;
  /** The variant's coefficient. */
  readonly coefficient: Decimal;
  /** `coefficient × ratio`. */
  readonly contribution: Decimal;
}

/** The zone of an Altman Z-score. */
export type AltmanZone = 'safe' | 'grey' | 'distress';

/** The result of {@link calculateAltmanZ}. */
export interface AltmanResult {
  /** The variant used. */
  readonly variant: AltmanVariant;
  /** The score: the sum of the contributions (full precision; round it where you print it). */
  readonly z: Decimal;
  /** `distress` below `distressBelow`, `safe` above `safeAbove`, `grey` from one to the other inclusive. */
  readonly zone: AltmanZone;
  /** The variant's zone cut-offs. */
  readonly cutoffs: {
    /** A score below this is in the distress zone. */
    readonly distressBelow: Decimal;
    /** A score above this is in the safe zone. */
    readonly safeAbove: Decimal;
  };
  /** The terms, X1 to X5 (X1 to X4 for `z-double-prime`). */
  readonly components: readonly AltmanComponent[];
  /** Where the variant does not fit the firm (listed or private, manufacturer or not). */
  readonly warnings: readonly string[];
}

interface VariantSpec {
  coefficients: readonly string[];
  distressBelow: string;
  safeAbove: string;
  x4: string;
}

// Altman (1968) for Z; Altman (1983/2000) for Z′ and Z″; see calculateAltmanZ's TSDoc.
const VARIANTS: Record<AltmanVariant, VariantSpec> = {
  z: { coefficients: ['1.2', '1.4', '3.3', '0.6', '1.0'], distressBelow: '1.81', safeAbove: '2.99', x4: 'market value of equity / total liabilities' },
  'z-prime': { coefficients: ['0.717', '0.847', '3.107', '0.420', '0.998'], distressBelow: '1.23', safeAbove: '2.90', x4: 'book value of equity / total liabilities' },
  'z-double-prime': { coefficients: ['6.56', '3.26', '6.72', '1.05'], distressBelow: '1.10', safeAbove: '2.60', x4: 'book value of equity / total liabilities' },
};

const LABELS = ['working capital / total assets', 'retained earnings / total assets', 'EBIT / total assets', '', 'sales / total assets'];
const NAMES = ['X1', 'X2', 'X3', 'X4', 'X5'] as const;

/** The figures of one Altman computation, validated. @internal */
export interface AltmanFigures {
  workingCapital: Decimal;
  totalAssets: Decimal;
  retainedEarnings: Decimal;
  ebit: Decimal;
  marketValueOfEquity?: Decimal | undefined;
  bookValueOfEquity?: Decimal | undefined;
  totalLiabilities: Decimal;
  sales?: Decimal | undefined;
}

/** Warnings when the variant does not fit the firm. @internal */
export function altmanFitWarnings(variant: AltmanVariant, firm: { listed?: boolean | undefined; manufacturer?: boolean | undefined }): string[] {
  const w: string[] = [];
  if (variant === 'z') {
    if (firm.listed === false) w.push("Z was fitted on publicly traded manufacturers and needs a market value of equity; for a private firm use 'z-prime'");
    if (firm.manufacturer === false) w.push("Z was fitted on manufacturers, and X5 (sales / total assets) varies widely across industries; for a non-manufacturer use 'z-double-prime'");
  } else if (variant === 'z-prime') {
    if (firm.manufacturer === false) w.push("Z′ was re-estimated on private manufacturers and keeps X5 (sales / total assets), which varies across industries; for a non-manufacturer use 'z-double-prime'");
    if (firm.listed === true) w.push("Z′ uses book equity; for a listed manufacturer the original 'z' (market value of equity) is the fitted model");
  } else if (firm.manufacturer === true) {
    w.push("Z″ drops X5 for non-manufacturers and emerging markets; for a manufacturer 'z' (listed) or 'z-prime' (private) are the fitted models");
  }
  return w;
}

/** Computes a validated Altman score; `path` prefixes the error of a missing figure. @internal */
export function altmanOf(variant: AltmanVariant, f: AltmanFigures, warnings: string[], path: IssuePath): AltmanResult {
  const spec = VARIANTS[variant];
  const equity = variant === 'z' ? f.marketValueOfEquity : f.bookValueOfEquity;
  if (equity === undefined) {
    invalid(
      [...path, variant === 'z' ? 'marketValueOfEquity' : 'bookValueOfEquity'],
      variant === 'z'
        ? "is required for variant 'z' (X4 is the market value of equity / total liabilities); a private firm has none: use 'z-prime'"
        : `is required for variant '${variant}' (X4 is the book value of equity / total liabilities)`,
    );
  }
  if (variant !== 'z-double-prime' && f.sales === undefined) {
    invalid([...path, 'sales'], `is required for variant '${variant}' (X5 is sales / total assets)`);
  }
  const numerators = [f.workingCapital, f.retainedEarnings, f.ebit, equity, f.sales];
  const components: AltmanComponent[] = [];
  let z = new Decimal(0);
  spec.coefficients.forEach((c, k) => {
    const coefficient = new Decimal(c);
    const ratio = numerators[k]!.div(k === 3 ? f.totalLiabilities : f.totalAssets);
    const contribution = coefficient.times(ratio);
    z = z.plus(contribution);
    components.push({ name: NAMES[k]!, label: k === 3 ? spec.x4 : LABELS[k]!, ratio, coefficient, contribution });
  });
  const distressBelow = new Decimal(spec.distressBelow);
  const safeAbove = new Decimal(spec.safeAbove);
  const zone: AltmanZone = z.lt(distressBelow) ? 'distress' : z.gt(safeAbove) ? 'safe' : 'grey';
  return { variant, z: z.isZero() ? new Decimal(0) : z, zone, cutoffs: { distressBelow, safeAbove }, components, warnings };
}

/**
 * Altman's Z-score in its three variants, with the components, the zone and a warning when the
 * variant does not fit the firm.
 *
 * - `'z'` (Altman 1968, publicly traded manufacturers): 1.2·X1 + 1.4·X2 + 3.3·X3 + 0.6·X4 + 1.0·X5,
 *   X4 = market value of equity / total liabilities; distress below 1.81, safe above 2.99.
 * - `'z-prime'` (private firms): 0.717·X1 + 0.847·X2 + 3.107·X3 + 0.420·X4 + 0.998·X5, X4 = book
 *   value of equity / total liabilities; distress below 1.23, safe above 2.90.
 * - `'z-double-prime'` (non-manufacturers, emerging markets): 6.56·X1 + 3.26·X2 + 6.72·X3 +
 *   1.05·X4, no X5; distress below 1.10, safe above 2.60.
 *
 * X1 = working capital / total assets, X2 = retained earnings / total assets, X3 = EBIT / total
 * assets, X5 = sales / total assets. The grey zone includes both cut-offs. Sources: E. I. Altman,
 * "Financial ratios, discriminant analysis and the prediction of corporate bankruptcy", Journal of
 * Finance 23(4), 1968; E. I. Altman, "Predicting financial distress of companies: revisiting the
 * Z-score and ZETA models", NYU Stern working paper, 2000 (Z′ and Z″ with their zones). Several
 * public calculators give Z′ the zones of Z or Z″ those of Z′; each variant here has its own.
 *
 * @example
 * ```ts
 * const r = calculateAltmanZ({ variant: 'z', workingCapital: 90000, totalAssets: 620000, retainedEarnings: 30000, ebit: 55000, marketValueOfEquity: 100000, totalLiabilities: 280000, sales: 440000 });
 * [r.z.toDecimalPlaces(6).toString(), r.zone];
 * //=> ['1.458641', 'distress']
 * ```
 */
export function calculateAltmanZ(input: AltmanInput): AltmanResult {
  try {
    const s = parseWith(altmanInputShape, input);
    return altmanOf(s.variant, s, altmanFitWarnings(s.variant, s.firm ?? {}), []);
  } catch (error) {
    throw wrapThrown(error);
  }
}
