// The rounding modes' names, below both the Decimal rounding (money.ts) and the scaled-integer one
// (scaled.ts) that encode them.

/**
 * How a value is rounded to its scale.
 *
 * - `half-up`: to nearest, ties away from zero (2.5 → 3, −2.5 → −3): commercial rounding.
 * - `half-even`: to nearest, ties to the even neighbour (2.5 → 2, 3.5 → 4): banker's rounding.
 * - `half-down`: to nearest, ties towards zero (2.5 → 2, −2.5 → −2).
 * - `up`: away from zero (2.1 → 3, −2.1 → −3).
 * - `down`: towards zero, truncation (2.9 → 2, −2.9 → −2).
 * - `ceiling`: towards +∞ (2.1 → 3, −2.9 → −2).
 * - `floor`: towards −∞ (2.9 → 2, −2.1 → −3).
 */
export type RoundingMode = 'half-up' | 'half-even' | 'half-down' | 'up' | 'down' | 'ceiling' | 'floor';

/**
 * Every rounding mode, in the order of the docs.
 *
 * @example
 * ```ts
 * ROUNDING_MODES.length;
 * //=> 7
 * ```
 */
export const ROUNDING_MODES: readonly RoundingMode[] = Object.freeze([
  'half-up',
  'half-even',
  'half-down',
  'up',
  'down',
  'ceiling',
  'floor',
]);
