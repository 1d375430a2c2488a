import { Decimal } from '../core/decimal.js';
import { invalid, wrapThrown, type IssuePath } from '../core/errors.js';
import type { Step, Warning } from '../core/result.js';
import { parseWith } from '../core/schema.js';
import { RISK_MESSAGES as M, RISK_TEXTS as T, WARNING_CODES } from './messages.js';
import { ratioOptionsOf } from './options.js';
import { add, cmp, div, mul, rationalOf, roundRational, type Rational } from './rational.js';
import { altmanInputShape, type AltmanInput, type AltmanVariant } from './schema.js';

/** One term of an Altman Z-score: a ratio, its coefficient and its contribution. */
export interface AltmanComponent {
  /** `X1` … `X5`. */
  readonly name: 'X1' | 'X2' | 'X3' | 'X4' | 'X5';
  /** What the ratio is, in words. */
  readonly label: string;
  /** The ratio, rounded half-up to `ratioScale` places. */
  readonly ratio: Decimal;
  /** The variant's coefficient. */
  readonly coefficient: Decimal;
  /** `coefficient × ratio` of the exact ratio, rounded half-up to `ratioScale` places. */
  readonly contribution: Decimal;
}

/** The zone of an Altman Z-score. */
export type AltmanZone = 'safe' | 'grey' | 'distress';

/** How one term of an Altman score was computed: numerator / denominator = ratio, × coefficient. */
export interface AltmanComponentStep extends Step {
  /** Always `'altman-component'`. */
  readonly code: 'altman-component';
  /** `X1` … `X5`. */
  readonly name: AltmanComponent['name'];
  /** What the ratio is, in words. */
  readonly label: string;
  /** The numerator as given (working capital, retained earnings, EBIT, equity or sales). */
  readonly numerator: Decimal;
  /** The denominator as given (total assets, or total liabilities for X4). */
  readonly denominator: Decimal;
  /** The ratio, rounded to `ratioScale` places. */
  readonly ratio: Decimal;
  /** The coefficient. */
  readonly coefficient: Decimal;
  /** The contribution, rounded to `ratioScale` places. */
  readonly contribution: Decimal;
}

/** How the score was placed in its zone: the exact score against the variant's cut-offs. */
export interface AltmanZoneStep extends Step {
  /** Always `'altman-zone'`. */
  readonly code: 'altman-zone';
  /** The variant. */
  readonly variant: AltmanVariant;
  /** The score (the sum of the exact contributions), rounded to `ratioScale` places. */
  readonly z: Decimal;
  /** The zone. */
  readonly zone: AltmanZone;
  /** Below this is distress. */
  readonly distressBelow: Decimal;
  /** Above this is safe. */
  readonly safeAbove: Decimal;
}

/** One step of an Altman computation. */
export type AltmanStep = AltmanComponentStep | AltmanZoneStep;

/** The result of {@link calculateAltmanZ}. */
export interface AltmanResult {
  /** The variant used. */
  readonly variant: AltmanVariant;
  /** The score: the sum of the exact contributions, rounded half-up to `ratioScale` places (10 by default). */
  readonly z: Decimal;
  /** `distress` below `distressBelow`, `safe` above `safeAbove`, `grey` from one to the other inclusive; decided on the exact score. */
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
  /** Where the variant does not fit the firm (listed or private, manufacturer or not): code `altman-variant-mismatch`. */
  readonly warnings: readonly Warning[];
  /** Each term, then the zone. */
  readonly steps: readonly AltmanStep[];
}

/** Options of {@link calculateAltmanZ}. */
export interface CalculateAltmanZOptions {
  /** Decimal places of the reported ratios, contributions and score (half-up; 10 when omitted). The zone compares the exact score. */
  readonly ratioScale?: number;
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

/** Warnings when the variant does not fit the firm (`path` names the variant's input). @internal */
export function altmanFitWarnings(variant: AltmanVariant, firm: { listed?: boolean | undefined; manufacturer?: boolean | undefined }, path: IssuePath): Warning[] {
  const texts: string[] = [];
  if (variant === 'z') {
    if (firm.listed === false) texts.push(M.altmanZPrivate());
    if (firm.manufacturer === false) texts.push(M.altmanZNonManufacturer());
  } else if (variant === 'z-prime') {
    if (firm.manufacturer === false) texts.push(M.altmanZPrimeNonManufacturer());
    if (firm.listed === true) texts.push(M.altmanZPrimeListed());
  } else if (firm.manufacturer === true) {
    texts.push(M.altmanZDoublePrimeManufacturer());
  }
  return texts.map((message) => ({ code: WARNING_CODES.altmanVariant, message, path: [...path] }));
}

/** Computes a validated Altman score; `path` prefixes the error of a missing figure. @internal */
export function altmanOf(variant: AltmanVariant, f: AltmanFigures, warnings: Warning[], path: IssuePath, ratioScale: number): AltmanResult {
  const spec = VARIANTS[variant];
  const equity = variant === 'z' ? f.marketValueOfEquity : f.bookValueOfEquity;
  if (equity === undefined) {
    invalid([...path, variant === 'z' ? 'marketValueOfEquity' : 'bookValueOfEquity'], variant === 'z' ? M.altmanMarketEquity() : M.altmanBookEquity(variant), { code: 'required' });
  }
  if (variant !== 'z-double-prime' && f.sales === undefined) {
    invalid([...path, 'sales'], M.altmanSales(variant), { code: 'required' });
  }
  const numerators = [f.workingCapital, f.retainedEarnings, f.ebit, equity, f.sales];
  const components: AltmanComponent[] = [];
  const steps: AltmanStep[] = [];
  let z: Rational = { n: BigInt(0), d: BigInt(1) };
  spec.coefficients.forEach((c, k) => {
    const coefficient = new Decimal(c);
    const numerator = numerators[k]!;
    const denominator = k === 3 ? f.totalLiabilities : f.totalAssets;
    const exact = div(rationalOf(numerator), rationalOf(denominator));
    const term = mul(rationalOf(coefficient), exact);
    z = add(z, term);
    const name = NAMES[k]!;
    const label = k === 3 ? spec.x4 : LABELS[k]!;
    const ratio = roundRational(exact, ratioScale);
    const contribution = roundRational(term, ratioScale);
    components.push({ name, label, ratio, coefficient, contribution });
    steps.push({
      code: 'altman-component',
      name,
      label,
      numerator,
      denominator,
      ratio,
      coefficient,
      contribution,
      text: T.altmanComponent(name, label, numerator, denominator, ratio, coefficient, contribution),
    });
  });
  const distressBelow = new Decimal(spec.distressBelow);
  const safeAbove = new Decimal(spec.safeAbove);
  // The zone compares the exact score with the cut-offs, never the rounded one.
  const zone: AltmanZone = cmp(z, rationalOf(distressBelow)) < 0 ? 'distress' : cmp(z, rationalOf(safeAbove)) > 0 ? 'safe' : 'grey';
  const score = roundRational(z, ratioScale);
  steps.push({ code: 'altman-zone', variant, z: score, zone, distressBelow, safeAbove, text: T.altmanZone(variant, components, score, zone, distressBelow, safeAbove, ratioScale) });
  return { variant, z: score, zone, cutoffs: { distressBelow, safeAbove }, components, warnings, steps };
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
 * assets, X5 = sales / total assets. The ratios, contributions and score are reported rounded
 * half-up to `ratioScale` places (10 by default); the zone is decided on the exact score, and the
 * grey zone includes both cut-offs. Sources: E. I. Altman, "Financial ratios, discriminant analysis
 * and the prediction of corporate bankruptcy", Journal of Finance 23(4), 1968; E. I. Altman,
 * "Predicting financial distress of companies: revisiting the Z-score and ZETA models", NYU Stern
 * working paper, 2000 (Z′ and Z″ with their zones). Several public calculators give Z′ the zones of
 * Z or Z″ those of Z′; each variant here has its own.
 *
 * @example
 * ```ts
 * const r = calculateAltmanZ({ variant: 'z', workingCapital: 90000, totalAssets: 620000, retainedEarnings: 30000, ebit: 55000, marketValueOfEquity: 100000, totalLiabilities: 280000, sales: 440000 });
 * [r.z.toString(), r.zone, r.steps[0].text];
 * //=> ['1.458640553', 'distress', 'X1 working capital / total assets = 90,000 / 620,000 = 0.1451612903; × 1.2 = 0.1741935484']
 * ```
 */
export function calculateAltmanZ(input: AltmanInput, options?: CalculateAltmanZOptions): AltmanResult {
  try {
    const { ratioScale } = ratioOptionsOf(options);
    const s = parseWith(altmanInputShape, input);
    return altmanOf(s.variant, s, altmanFitWarnings(s.variant, s.firm ?? {}, ['variant']), [], ratioScale);
  } catch (error) {
    throw wrapThrown(error);
  }
}
