import { presetRiskMatrix, type RiskMatrix } from './matrix.js';

// The presets are defined without the zod pass (presetRiskMatrix: the specs are already in the parsed
// form, and test/risk/presets.test.ts proves each equal to its validated definition), so loading the
// module builds no schema (issue 14's light imports).

const NIST = ['very-low', 'low', 'moderate', 'high', 'very-high'];
const [VL, L, M, H, VH] = NIST as [string, string, string, string, string];

/**
 * NIST SP 800-30 Rev. 1, Appendix I, Table I-2 "Assessment Scale – Level of Risk (Combination of
 * Likelihood and Impact)", cell for cell.
 *
 * Provenance: NIST Special Publication 800-30 Revision 1, *Guide for Conducting Risk Assessments*,
 * Joint Task Force Transformation Initiative, September 2012, p. I-2
 * (https://doi.org/10.6028/NIST.SP.800-30r1). Labels are NIST's qualitative values written
 * `very-low`, `low`, `moderate`, `high`, `very-high`; likelihood is "threat event occurs and
 * results in adverse impact" (the overall likelihood of Table G-5), impact is the level of impact
 * of Table H-3.
 *
 * The table is a **lookup, not a product**: it is impact-dominant. A Very High likelihood with a
 * Very Low impact is Very Low; Moderate with High is Moderate; Very Low with Very High is Low.
 * Tools that multiply 1–5 ranks and band the product do not reproduce it.
 *
 * @example
 * ```ts
 * [toRiskLevel(nistSp80030, 'very-high', 'very-low'), toRiskLevel(nistSp80030, 'moderate', 'high'), toRiskLevel(nistSp80030, 'very-low', 'very-high')];
 * //=> ['very-low', 'moderate', 'low']
 * ```
 */
export const nistSp80030: RiskMatrix = presetRiskMatrix({
  name: 'NIST SP 800-30 Rev. 1 Table I-2',
  source: 'NIST SP 800-30 Rev. 1 (September 2012), Appendix I, Table I-2: Assessment Scale – Level of Risk (Combination of Likelihood and Impact)',
  likelihood: NIST,
  impact: NIST,
  levels: NIST,
  cells: [
    [VL, VL, VL, L, L], // likelihood very-low
    [VL, L, L, L, M], // low
    [VL, L, M, M, H], // moderate
    [VL, L, M, H, VH], // high
    [VL, L, M, H, VH], // very-high
  ],
});

/**
 * NIST SP 800-30 Rev. 1, Appendix G, Table G-5 "Assessment Scale – Overall Likelihood", cell for cell.
 *
 * Provenance: NIST SP 800-30 Rev. 1 (September 2012), p. G-5. Here the `likelihood` axis is the
 * likelihood of threat event initiation or occurrence (Tables G-2/G-3) and the `impact` axis is
 * the likelihood that the threat event results in adverse impacts (Table G-4); the level is the
 * overall likelihood that feeds Table I-2 ({@link nistSp80030}). Also a lookup, not a product.
 *
 * @example
 * ```ts
 * toRiskLevel(nistOverallLikelihood, 'very-high', 'very-low');
 * //=> 'low'
 * ```
 */
export const nistOverallLikelihood: RiskMatrix = presetRiskMatrix({
  name: 'NIST SP 800-30 Rev. 1 Table G-5',
  source: 'NIST SP 800-30 Rev. 1 (September 2012), Appendix G, Table G-5: Assessment Scale – Overall Likelihood',
  likelihood: NIST,
  impact: NIST,
  levels: NIST,
  cells: [
    [VL, VL, L, L, L], // initiation/occurrence very-low
    [VL, L, L, M, M], // low
    [L, L, M, M, H], // moderate
    [L, M, M, H, VH], // high
    [L, M, H, VH, VH], // very-high
  ],
});

/**
 * A 5×5 product matrix as found in many registers: 1–5 ranks multiplied, the product banded
 * low 1–4, medium 5–9, high 10–16, critical 20–25.
 *
 * Provenance: the common "likelihood × consequence" scoring of ISO 31000-style registers (rare,
 * unlikely, possible, likely, almost certain × insignificant, minor, moderate, major, severe); the
 * banding is one widespread choice, not a standard. It treats ordinal ranks as numbers, which is
 * exactly what Cox (2008) warns about: run {@link checkRiskMatrix} on it before relying on it.
 *
 * @example
 * ```ts
 * toRiskLevel(riskMatrix5x5Product, 'almost-certain', 'major');
 * //=> 'critical'
 * ```
 */
export const riskMatrix5x5Product: RiskMatrix = presetRiskMatrix({
  name: '5×5 product (low 1–4, medium 5–9, high 10–16, critical 20–25)',
  source: 'Common likelihood × consequence register scoring; banding is illustrative, not a standard',
  likelihood: ['rare', 'unlikely', 'possible', 'likely', 'almost-certain'],
  impact: ['insignificant', 'minor', 'moderate', 'major', 'severe'],
  levels: ['low', 'medium', 'high', 'critical'],
  scoring: { type: 'product', thresholds: [5, 10, 20] },
});

/**
 * The 3×3 matrix that satisfies Cox's axioms: the bottom row and the left column lowest, the
 * top-right cell highest, the other three cells in between.
 *
 * Provenance: L. A. Cox Jr., "What's wrong with risk matrices?", *Risk Analysis* 28(2):497–512,
 * 2008 (https://doi.org/10.1111/j.1539-6924.2008.01030.x): with weak consistency, betweenness and
 * consistent colouring, this is the only three-colour 3×3 matrix. On uniform axes its single
 * `high` cell has risk at least 4/9 and every `low` cell at most 1/3 (margin 1/9).
 *
 * @example
 * ```ts
 * riskMatrix3x3.cells.map((row) => row.join(' '));
 * //=> ['low low low', 'low medium medium', 'low medium high']
 * ```
 */
export const riskMatrix3x3: RiskMatrix = presetRiskMatrix({
  name: '3×3 (Cox 2008)',
  source: 'Cox, "What\'s wrong with risk matrices?", Risk Analysis 28(2), 2008: the unique 3×3 colouring satisfying weak consistency, betweenness and consistent colouring',
  likelihood: ['low', 'medium', 'high'],
  impact: ['low', 'medium', 'high'],
  levels: ['low', 'medium', 'high'],
  cells: [
    ['low', 'low', 'low'],
    ['low', 'medium', 'medium'],
    ['low', 'medium', 'high'],
  ],
});
