// Demand statistics per day, from period statistics or a history of equal periods.
import { invalid, outOfRange, wrapThrown, type IssuePath } from '../core/errors.js';
import { finiteAt } from './normal.js';
import type { DemandHistory } from './schema.js';

/** Daily demand statistics with how they were obtained. */
export interface DailyDemand {
  /** Mean demand per day. */
  meanPerDay: number;
  /** Standard deviation of demand per day. */
  sdPerDay: number;
  /** The length of the source period in days (1 when daily statistics were given). */
  periodDays: number;
  /** Mean demand per source period. */
  meanPerPeriod: number;
  /** Standard deviation per source period. */
  sdPerPeriod: number;
  /** The number of periods of history, or null when statistics were given. */
  periods: number | null;
  /** How many `null` periods of the history were counted as 0, or null when statistics were given. */
  zeroFilled: number | null;
  /** The conventions used, in words (sample standard deviation, the √k scaling and its independence assumption). */
  conventions: string[];
}

/** Formats a statistic for a reason: 4 decimals, or 4 significant digits when tiny. @internal */
export function fmt(x: number): string {
  if (Number.isNaN(x)) return 'n/a';
  if (Number.isInteger(x)) return String(x);
  const a = Math.abs(x);
  const s = a >= 0.001 || a === 0 ? String(Number(x.toFixed(4))) : String(Number(x.toPrecision(4)));
  return s === '-0' ? '0' : s;
}

/** Daily statistics from a validated history. @internal */
export function dailyFromHistory(history: readonly (number | null)[], periodDays: number): DailyDemand {
  const n = history.length;
  let sum = 0;
  let zeroFilled = 0;
  for (const v of history) {
    if (v === null) zeroFilled++;
    else sum += v;
  }
  const mean = sum / n;
  let ss = 0;
  for (const v of history) {
    const dev = (v ?? 0) - mean;
    ss += dev * dev;
  }
  const sd = Math.sqrt(ss / (n - 1));
  return dailyDemand(mean, sd, periodDays, n, zeroFilled, [
    `demand from ${n} periods of ${fmt(periodDays)} days${zeroFilled > 0 ? ` (${zeroFilled} missing period${zeroFilled === 1 ? '' : 's'} zero-filled)` : ' (missing periods would be zero-filled)'}`,
    `sample standard deviation (n − 1 = ${n - 1}): ${fmt(sd)} per period; mean ${fmt(mean)} per period`,
    perDayConvention(mean, sd, periodDays),
  ]);
}

/** The √k conversion of period statistics to daily ones, as the result states it. */
function perDayConvention(mean: number, sd: number, periodDays: number): string {
  return `per day: mean ${fmt(mean)} / ${fmt(periodDays)} = ${fmt(mean / periodDays)}, σ ${fmt(sd)} / √${fmt(periodDays)} = ${fmt(sd / Math.sqrt(periodDays))} (√k scaling assumes independent days)`;
}

/** Daily statistics from a period's mean and standard deviation (σ scales by √k). */
function dailyDemand(
  mean: number,
  sd: number,
  periodDays: number,
  periods: number | null,
  zeroFilled: number | null,
  conventions: string[],
): DailyDemand {
  return {
    meanPerDay: mean / periodDays,
    sdPerDay: sd / Math.sqrt(periodDays),
    periodDays,
    meanPerPeriod: mean,
    sdPerPeriod: sd,
    periods,
    zeroFilled,
    conventions,
  };
}

/** Daily statistics from period statistics, validated. @internal */
export function dailyFromStats(mean: number, sd: number, periodDays: number): DailyDemand {
  const conventions =
    periodDays === 1
      ? [`demand given per day: mean ${fmt(mean)}, σ ${fmt(sd)}`]
      : [`demand given per ${fmt(periodDays)}-day period: mean ${fmt(mean)}, σ ${fmt(sd)}`, perDayConvention(mean, sd, periodDays)];
  return dailyDemand(mean, sd, periodDays, null, null, conventions);
}

function nonNegativeAt(value: unknown, path: IssuePath): number {
  const v = finiteAt(value, path);
  if (v < 0) outOfRange(path, `must not be negative, received ${v}`);
  return v;
}

/** Demand statistics of a period of any length (a week, a month). */
export interface PeriodDemandStats {
  /** Mean demand per period (≥ 0). */
  mean: number;
  /** Standard deviation per period (≥ 0). */
  sd: number;
  /** The period's length in days (> 0). */
  periodDays: number;
}

/** The input of {@link toDailyDemand}: statistics per period, or a history of equal periods. */
export type DailyDemandInput = PeriodDemandStats | DemandHistory;

/**
 * Converts weekly, monthly or any-period demand into the daily statistics the planner uses.
 *
 * The mean divides by the period length; the standard deviation divides by its square root, which
 * assumes demand on different days is independent (the result says so). A history is zero-filled
 * (`null` counts as 0) and uses the sample standard deviation (n − 1). No 7/30/365 is hidden:
 * the period length is yours.
 *
 * @param input - `{ mean, sd, periodDays }` or `{ history, periodDays }`.
 * @example
 * ```ts
 * const d = toDailyDemand({ mean: 140, sd: 14, periodDays: 7 });
 * [d.meanPerDay, d.sdPerDay];
 * //=> [20, 5.2915026221291805]
 * toDailyDemand({ history: [10, null, 14], periodDays: 1 }).sdPerDay;
 * //=> 7.211102550927978 (√52: the sample sd of 10, 0, 14)
 * ```
 */
export function toDailyDemand(input: DailyDemandInput): DailyDemand {
  try {
    if (typeof input !== 'object' || input === null) invalid([], 'must be an object with periodDays and either mean and sd, or history');
    const o = input as unknown as Record<string, unknown>;
    const periodDays = finiteAt(o.periodDays, ['periodDays']);
    if (!(periodDays > 0)) outOfRange(['periodDays'], `must be greater than 0, received ${periodDays}`);
    if ('history' in o) {
      if (!Array.isArray(o.history)) invalid(['history'], 'must be an array of demand per period');
      const h = o.history as unknown[];
      if (h.length < 2) invalid(['history'], `must hold at least 2 periods (a sample standard deviation needs 2), received ${h.length}`);
      const values = h.map((v, i) => (v === null ? null : nonNegativeAt(v, ['history', i])));
      return dailyFromHistory(values, periodDays);
    }
    return dailyFromStats(nonNegativeAt(o.mean, ['mean']), nonNegativeAt(o.sd, ['sd']), periodDays);
  } catch (error) {
    throw wrapThrown(error);
  }
}
