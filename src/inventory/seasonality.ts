// Seasonal indices from a demand history, and the seasonal weight of a lead-time window.
import { daysInMonth, type IsoDate } from '../core/dates.js';
import { invalid, outOfRange, wrapThrown } from '../core/errors.js';
import type { Step, Warning } from '../core/result.js';
import { historyAt } from './demand.js';
import { EN, fmt, type Separators } from './format.js';
import { INVENTORY_MESSAGES as M, INVENTORY_WARNINGS as W } from './messages.js';

/** The options of {@link calculateSeasonalIndices}. */
export interface SeasonalIndicesOptions {
  /** `'average'`: each season's mean over the overall mean; `'ratio-to-moving-average'`: classical decomposition. */
  method: 'average' | 'ratio-to-moving-average';
  /** Periods per season cycle (default 12, months). */
  seasonLength?: number;
  /** The season position of `history[0]` (0-based; default 0, January for months). */
  startIndex?: number;
}

/** The average method: each season position's mean. */
export interface SeasonalAverageStep extends Step {
  code: 'season-average';
  /** Periods per cycle. */
  seasonLength: number;
  /** Each position's mean (the raw indices before normalisation). */
  means: number[];
}

/** The ratio-to-moving-average method: each period over its centred moving average, ratios averaged per position. */
export interface SeasonalRatioStep extends Step {
  code: 'ratio-to-moving-average';
  /** Periods per cycle. */
  seasonLength: number;
  /** `'2xL'` (an even cycle: a 2 × L moving average) or `'L'` (odd). */
  movingAverage: '2xL' | 'L';
  /** Each position's mean ratio (the raw indices before normalisation). */
  meanRatios: number[];
}

/** The normalisation to a mean of 1. */
export interface SeasonalNormaliseStep extends Step {
  code: 'normalise';
  /** The mean of the raw indices each is divided by. */
  mean: number;
}

/** One step of {@link calculateSeasonalIndices}. */
export type SeasonalStep = SeasonalAverageStep | SeasonalRatioStep | SeasonalNormaliseStep;

/** Seasonal indices with how they were computed. */
export interface SeasonalIndices {
  /** One index per season position, position 0 first (January for months), mean exactly 1 up to rounding. */
  indices: number[];
  /** The indices before normalisation (season means over the overall mean, or mean ratios). */
  raw: number[];
  /** How many observations each index averages. */
  counts: number[];
  /** The method used. */
  method: 'average' | 'ratio-to-moving-average';
  /** Periods per cycle. */
  seasonLength: number;
  /** How the indices were computed. */
  steps: SeasonalStep[];
  /** `zero-filled-history` when periods were missing. */
  warnings: Warning[];
}

type Figures<S> = S extends unknown ? Omit<S, 'text'> : never;

/** The text of a seasonal step. @internal */
export function seasonalStepText(s: Figures<SeasonalStep>, seps: Separators = EN): string {
  switch (s.code) {
    case 'season-average':
      return `average method: the mean of each of the ${fmt(s.seasonLength, seps)} season positions over the mean of those means`;
    case 'ratio-to-moving-average':
      return `ratio-to-moving-average: each period over its centred ${s.movingAverage === '2xL' ? `2 × ${fmt(s.seasonLength, seps)}` : fmt(s.seasonLength, seps)} moving average, ratios averaged per season position`;
    default:
      return `normalised to a mean of 1 (divided by ${fmt(s.mean, seps)})`;
  }
}

function step<S extends Figures<SeasonalStep>>(figures: S): S & { text: string } {
  return { ...figures, text: seasonalStepText(figures) };
}

/**
 * Seasonal indices of a demand history, normalised to a mean of 1 (Silver, Pyke & Peterson, ch. 3;
 * the ratio-to-moving-average method is the classical multiplicative decomposition).
 *
 * - `'average'`: the mean of each season position divided by the mean of those means. Needs one
 *   full cycle.
 * - `'ratio-to-moving-average'`: each observation over its centred moving average (a 2 × L moving
 *   average when the cycle length L is even), the ratios averaged per season position, then
 *   normalised. Removes trend; needs every position covered by a centred average (2 cycles for
 *   an even L).
 * `null` periods count as 0 (zero-filled, with a warning); a hole in the array is refused; values
 * are 0 to 1e15.
 *
 * @example
 * ```ts
 * calculateSeasonalIndices([10, 20, 30, 40, 10, 20, 30, 40], { method: 'average', seasonLength: 4 }).indices;
 * //=> [0.4, 0.8, 1.2, 1.6]
 * ```
 */
export function calculateSeasonalIndices(history: readonly (number | null)[], options: SeasonalIndicesOptions): SeasonalIndices {
  try {
    if (!Array.isArray(history)) invalid(['history'], M.historyNotArray(), { code: 'invalid_type', expected: 'an array' });
    if (typeof options !== 'object' || options === null) invalid(['options'], M.seasonalOptions(), { code: options === undefined ? 'required' : 'invalid_type' });
    const method = options.method;
    if (method !== 'average' && method !== 'ratio-to-moving-average') {
      invalid(['options', 'method'], M.seasonalMethod(method), { code: method === undefined ? 'required' : 'invalid_value', expected: "'average' or 'ratio-to-moving-average'" });
    }
    const L = options.seasonLength ?? 12;
    if (!Number.isInteger(L) || L < 2 || L > 366) {
      const code = typeof L !== 'number' ? 'invalid_type' : Number.isInteger(L) ? 'out_of_range' : Number.isFinite(L) ? 'not_an_integer' : 'not_a_number';
      const fail = code === 'out_of_range' ? outOfRange : invalid;
      fail(['options', 'seasonLength'], M.seasonLength(L), { code, expected: 'a whole number from 2 to 366' });
    }
    const start = options.startIndex ?? 0;
    if (!Number.isInteger(start) || start < 0 || start >= L) {
      const code = typeof start !== 'number' ? 'invalid_type' : Number.isInteger(start) ? 'out_of_range' : Number.isFinite(start) ? 'not_an_integer' : 'not_a_number';
      const fail = code === 'out_of_range' ? outOfRange : invalid;
      fail(['options', 'startIndex'], M.startIndex(L - 1, start), { code, expected: `a whole number from 0 to ${L - 1}` });
    }
    const values = historyAt(history, ['history'], 0);
    let zeroFilled = 0;
    const y = values.map((v) => {
      if (v === null) {
        zeroFilled++;
        return 0;
      }
      return v;
    });
    const n = y.length;
    const sums = new Array<number>(L).fill(0);
    const counts = new Array<number>(L).fill(0);
    const steps: SeasonalStep[] = [];
    let raw: number[];
    if (method === 'average') {
      if (n < L) invalid(['history'], M.fullCycle(L, n), { code: 'too_short', limit: String(L) });
      for (let i = 0; i < n; i++) {
        const j = (start + i) % L;
        sums[j] = sums[j]! + y[i]!;
        counts[j] = counts[j]! + 1;
      }
      raw = sums.map((s, j) => s / counts[j]!);
      steps.push(step({ code: 'season-average', seasonLength: L, means: raw }));
    } else {
      const half = Math.floor(L / 2);
      const even = L % 2 === 0;
      if (n < L + 2 * half) invalid(['history'], M.movingAverageLength(L + 2 * half, n), { code: 'too_short', limit: String(L + 2 * half) });
      for (let t = half; t < n - half; t++) {
        let s = 0;
        if (even) {
          s = 0.5 * y[t - half]! + 0.5 * y[t + half]!;
          for (let i = t - half + 1; i <= t + half - 1; i++) s += y[i]!;
        } else {
          for (let i = t - half; i <= t + half; i++) s += y[i]!;
        }
        const cma = s / L;
        if (cma === 0) invalid(['history'], M.movingAverageZero(t), { code: 'invalid_value' });
        const j = (start + t) % L;
        sums[j] = sums[j]! + y[t]! / cma;
        counts[j] = counts[j]! + 1;
      }
      raw = sums.map((s, j) => s / counts[j]!);
      steps.push(step({ code: 'ratio-to-moving-average', seasonLength: L, movingAverage: even ? '2xL' : 'L', meanRatios: raw }));
    }
    const mean = raw.reduce((a, b) => a + b, 0) / L;
    if (!(mean > 0)) invalid(['history'], M.noDemand(), { code: 'invalid_value' });
    const indices = raw.map((r) => r / mean);
    steps.push(step({ code: 'normalise', mean }));
    const warnings: Warning[] = zeroFilled > 0 ? [{ code: 'zero-filled-history', message: W.zeroFilled(zeroFilled, n), path: ['history'] }] : [];
    return { indices, raw, counts, method, seasonLength: L, steps, warnings };
  } catch (error) {
    throw wrapThrown(error);
  }
}

/** The most days a seasonal window may span (100 years). @internal */
export const MAX_SEASONAL_WINDOW_DAYS = 36_500;

/**
 * Σ I(t) and Σ I(t)² over `days` days from `asOf` (a fractional last day weighs its fraction), with
 * I(t) the index of the calendar month of day t. @internal
 */
export function seasonalWindow(indicesByMonth: readonly number[], asOf: IsoDate, days: number): [number, number] {
  let year = Number(asOf.slice(0, 4));
  let month = Number(asOf.slice(5, 7));
  let day = Number(asOf.slice(8, 10));
  let left = days;
  let w = 0;
  let v = 0;
  while (left > 0) {
    const inMonth = daysInMonth(year, month) - day + 1;
    // Stryker disable next-line EqualityOperator: at left = inMonth both sides take the same number of days
    const take = left < inMonth ? left : inMonth;
    const i = indicesByMonth[month - 1]!;
    w += i * take;
    v += i * i * take;
    left -= take;
    day = 1;
    if (month === 12) {
      month = 1;
      year++;
    } else month++;
  }
  return [w, v];
}
