// Seasonal indices from a demand history, and the seasonal weight of a lead-time window.
import { daysInMonth, type IsoDate } from '../core/dates.js';
import { invalid, outOfRange, wrapThrown } from '../core/errors.js';
import { fmt } from './demand.js';
import { finiteAt } from './normal.js';

/** The options of {@link seasonalIndices}. */
export interface SeasonalIndicesOptions {
  /** `'average'`: each season's mean over the overall mean; `'ratio-to-moving-average'`: classical decomposition. */
  method: 'average' | 'ratio-to-moving-average';
  /** Periods per season cycle (default 12, months). */
  seasonLength?: number;
  /** The season position of `history[0]` (0-based; default 0, January for months). */
  startIndex?: number;
}

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
  /** The conventions used, in words. */
  conventions: string[];
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
 * `null` periods count as 0 (zero-filled).
 *
 * @example
 * ```ts
 * seasonalIndices([10, 20, 30, 40, 10, 20, 30, 40], { method: 'average', seasonLength: 4 }).indices;
 * //=> [0.4, 0.8, 1.2, 1.6]
 * ```
 */
export function seasonalIndices(history: readonly (number | null)[], options: SeasonalIndicesOptions): SeasonalIndices {
  try {
    if (!Array.isArray(history)) invalid(['history'], 'must be an array of demand per period');
    if (typeof options !== 'object' || options === null) invalid(['options'], "must be an object with a method ('average' or 'ratio-to-moving-average')");
    const method = options.method;
    if (method !== 'average' && method !== 'ratio-to-moving-average') {
      invalid(['options', 'method'], `must be one of 'average', 'ratio-to-moving-average', received ${JSON.stringify(method) ?? 'nothing'}`);
    }
    const L = options.seasonLength ?? 12;
    if (!Number.isInteger(L) || L < 2 || L > 366) outOfRange(['options', 'seasonLength'], `must be a whole number from 2 to 366, received ${String(L)}`);
    const start = options.startIndex ?? 0;
    if (!Number.isInteger(start) || start < 0 || start >= L) outOfRange(['options', 'startIndex'], `must be a whole number from 0 to ${L - 1}, received ${String(start)}`);
    let zeroFilled = 0;
    const y = history.map((v, i) => {
      if (v === null) {
        zeroFilled++;
        return 0;
      }
      const x = finiteAt(v, ['history', i]);
      if (x < 0) outOfRange(['history', i], `must not be negative, received ${x}`);
      return x;
    });
    const n = y.length;
    const sums = new Array<number>(L).fill(0);
    const counts = new Array<number>(L).fill(0);
    const conventions: string[] = [];
    if (method === 'average') {
      if (n < L) invalid(['history'], `must hold at least one full cycle of ${L} periods, received ${n}`);
      for (let i = 0; i < n; i++) {
        const j = (start + i) % L;
        sums[j] = sums[j]! + y[i]!;
        counts[j] = counts[j]! + 1;
      }
      conventions.push(`average method: the mean of each of the ${L} season positions over the mean of those means`);
    } else {
      const half = Math.floor(L / 2);
      const even = L % 2 === 0;
      if (n < L + 2 * half) {
        invalid(['history'], `must hold at least ${L + 2 * half} periods for a centred moving average at every season position, received ${n}`);
      }
      for (let t = half; t < n - half; t++) {
        let s = 0;
        if (even) {
          s = 0.5 * y[t - half]! + 0.5 * y[t + half]!;
          for (let i = t - half + 1; i <= t + half - 1; i++) s += y[i]!;
        } else {
          for (let i = t - half; i <= t + half; i++) s += y[i]!;
        }
        const cma = s / L;
        if (cma === 0) invalid(['history'], `has a centred moving average of 0 around period ${t}; ratios are undefined`);
        const j = (start + t) % L;
        sums[j] = sums[j]! + y[t]! / cma;
        counts[j] = counts[j]! + 1;
      }
      conventions.push(
        `ratio-to-moving-average: each period over its centred ${even ? `2 × ${L}` : String(L)} moving average, ratios averaged per season position`,
      );
    }
    const raw = sums.map((s, j) => s / counts[j]!);
    const mean = raw.reduce((a, b) => a + b, 0) / L;
    if (!(mean > 0)) invalid(['history'], 'has no demand: seasonal indices of an all-zero history are undefined');
    const indices = raw.map((r) => r / mean);
    conventions.push(`normalised to a mean of 1 (divided by ${fmt(mean)})`);
    if (zeroFilled > 0) conventions.push(`${zeroFilled} missing period${zeroFilled === 1 ? '' : 's'} zero-filled`);
    return { indices, raw, counts, method, seasonLength: L, conventions };
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
