// Demand statistics per day, from period statistics or a history of equal periods.
import { invalid, outOfRange, wrapThrown, type IssuePath } from '../core/errors.js';
import type { Warning } from '../core/result.js';
import { fmt } from './format.js';
import { MAX_QUANTITY } from './kernel.js';
import { INVENTORY_MESSAGES as M, INVENTORY_WARNINGS as W } from './messages.js';
import { finiteAt } from './normal.js';
import type { DemandHistory } from './schema.js';
import { demandText, type DemandGivenStep, type DemandHistoryStep, type DemandPerDayStep, type DemandStep, type FiguresOf } from './steps.js';

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
  /** How the figures were obtained (the sample standard deviation, the √k scaling and its independence assumption). */
  steps: DemandStep[];
  /** `zero-filled-history` when periods of the history were missing (path relative to the demand). */
  warnings: Warning[];
}

function step<S extends FiguresOf<DemandStep>>(figures: S): S & { text: string } {
  return { ...figures, text: demandText(figures) };
}

/**
 * Daily statistics from a validated history. `path` is where the demand sits (for the
 * `periodDays` overflow error and the warning's path). @internal
 */
export function dailyFromHistory(history: readonly (number | null)[], periodDays: number, path: IssuePath = []): DailyDemand {
  const n = history.length;
  let sum = 0;
  let zeroFilled = 0;
  for (let i = 0; i < n; i++) {
    const v = history[i];
    if (v === null || v === undefined) zeroFilled++;
    else sum += v;
  }
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const dev = (history[i] ?? 0) - mean;
    ss += dev * dev;
  }
  const sd = Math.sqrt(ss / (n - 1));
  const first: DemandHistoryStep = step({ code: 'demand-history', periods: n, periodDays, zeroFilled, meanPerPeriod: mean, sdPerPeriod: sd });
  const warnings: Warning[] = zeroFilled > 0 ? [{ code: 'zero-filled-history', message: W.zeroFilled(zeroFilled, n), path: [...path, 'history'] }] : [];
  return perDay(mean, sd, periodDays, n, zeroFilled, [first], warnings, path);
}

/** Daily statistics from a period's mean and standard deviation (σ scales by √k); refuses an overflow at periodDays. */
function perDay(
  mean: number,
  sd: number,
  periodDays: number,
  periods: number | null,
  zeroFilled: number | null,
  steps: DemandStep[],
  warnings: Warning[],
  path: IssuePath,
): DailyDemand {
  const meanPerDay = mean / periodDays;
  const sdPerDay = sd / Math.sqrt(periodDays);
  if (!(meanPerDay <= MAX_QUANTITY && sdPerDay <= MAX_QUANTITY)) {
    outOfRange([...path, 'periodDays'], M.demandPerDayOverflow(fmt(Math.max(meanPerDay, sdPerDay)), fmt(MAX_QUANTITY)), {
      code: 'out_of_range',
      received: String(periodDays),
    });
  }
  if (periodDays !== 1 || periods !== null) {
    const conversion: DemandPerDayStep = step({ code: 'demand-per-day', meanPerPeriod: mean, sdPerPeriod: sd, periodDays, meanPerDay, sdPerDay });
    steps.push(conversion);
  }
  return { meanPerDay, sdPerDay, periodDays, meanPerPeriod: mean, sdPerPeriod: sd, periods, zeroFilled, steps, warnings };
}

/** Daily statistics from period statistics, validated. @internal */
export function dailyFromStats(mean: number, sd: number, periodDays: number, path: IssuePath = []): DailyDemand {
  const given: DemandGivenStep = step({ code: 'demand-given', mean, sd, periodDays });
  return perDay(mean, sd, periodDays, null, null, [given], [], path);
}

function quantityAt(value: unknown, path: IssuePath): number {
  const v = finiteAt(value, path);
  if (v < 0) outOfRange(path, M.notNegative(v), { code: 'out_of_range', limit: '0', received: String(v) });
  if (v > MAX_QUANTITY) outOfRange(path, M.atMost(String(MAX_QUANTITY), String(v)), { code: 'out_of_range', limit: String(MAX_QUANTITY), received: String(v) });
  return v;
}

/** Validates a history of demand per period: holes refused (write null), values 0 to 1e15. @internal */
export function historyAt(value: unknown, path: IssuePath, minLength: number): (number | null)[] {
  if (!Array.isArray(value)) return invalid(path, M.historyNotArray(), { code: 'invalid_type', expected: 'an array' });
  const h = value as unknown[];
  if (h.length < minLength) invalid(path, M.historyTooShort(h.length), { code: 'too_short', limit: String(minLength) });
  // Stryker disable next-line ArrayDeclaration: every index from 0 to h.length − 1 is written below, so a preset length changes nothing
  const out = new Array<number | null>(h.length);
  for (let i = 0; i < h.length; i++) {
    if (!(i in h)) {
      let holes = 0;
      for (let j = i; j < h.length; j++) if (!(j in h)) holes++;
      invalid([...path, i], M.hole(holes), { code: 'required' });
    }
    const v = h[i];
    out[i] = v === null ? null : quantityAt(v, [...path, i]);
  }
  return out;
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
 * assumes demand on different days is independent (the steps say so). A history is zero-filled
 * (`null` counts as 0, with a `zero-filled-history` warning; a hole in the array is refused) and
 * uses the sample standard deviation (n − 1). No 7/30/365 is hidden: the period length is yours.
 * A period so short that demand per day would exceed 1e15 units is refused at `periodDays`.
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
    if (typeof input !== 'object' || input === null) invalid([], M.dailyDemandInput(), { code: 'invalid_type', expected: 'an object' });
    const o = input as unknown as Record<string, unknown>;
    const periodDays = finiteAt(o.periodDays, ['periodDays']);
    if (!(periodDays > 0)) outOfRange(['periodDays'], M.positive(periodDays), { code: 'out_of_range', limit: '0', received: String(periodDays) });
    if ('history' in o) return dailyFromHistory(historyAt(o.history, ['history'], 2), periodDays);
    return dailyFromStats(quantityAt(o.mean, ['mean']), quantityAt(o.sd, ['sd']), periodDays);
  } catch (error) {
    throw wrapThrown(error);
  }
}
