import { ZERO, type Decimal } from '../core/decimal.js';
import { invalid, wrapThrown } from '../core/errors.js';
import { currencyScaleAt, roundDecimal } from '../core/money.js';
import { parseWith } from '../core/schema.js';
import { loyaltyShape, type LoyaltyBonusInput } from './schema.js';

/** The result of {@link loyaltyBonus}. */
export interface LoyaltyBonusResult {
  /** Consecutive years on target, counted back from the latest year. */
  streak: number;
  /** The years of the streak, oldest first. */
  streakYears: number[];
  /** Σ sales over the streak. */
  streakSales: Decimal;
  /** The rate row applied (the highest `streak` not above the current streak), or null. */
  rate: LoyaltyRate | null;
  /** rate × streak sales, rounded to the money scale (0 without a rate). */
  bonus: Decimal;
  /** Every year, oldest first: attainment = sales / target, onTarget = attainment ≥ 1. */
  history: LoyaltyYear[];
  /** What ended the streak: the year before it, below target or missing; null when the streak covers the whole history. */
  brokenBy: LoyaltyBreak | null;
}

/** A loyalty bonus rate for a streak length. */
export interface LoyaltyRate {
  /** Years on target needed. */
  streak: number;
  /** The rate on the streak's sales. */
  rate: Decimal;
}

/** One year of a loyalty history. */
export interface LoyaltyYear {
  /** The year. */
  year: number;
  /** The year's sales. */
  sales: Decimal;
  /** The year's target. */
  target: Decimal;
  /** sales / target. */
  attainment: Decimal;
  /** attainment ≥ 1. */
  onTarget: boolean;
}

/** What ended a loyalty streak. */
export interface LoyaltyBreak {
  /** The year before the streak. */
  year: number;
  /** Below target, or no row for that year. */
  reason: 'below target' | 'missing';
}

/**
 * The star-dealer loyalty bonus: the current streak of consecutive years on target (sales ≥ target;
 * a missing year breaks it) and the bonus = the rate for that streak × the sales over the streak.
 *
 * @example
 * ```ts
 * const b = loyaltyBonus({
 *   currency: 'CNY',
 *   history: [
 *     { year: 2022, sales: 5645000, target: 5760000 },
 *     { year: 2023, sales: 6610000, target: 6120000 },
 *     { year: 2024, sales: 6998000, target: 6480000 },
 *     { year: 2025, sales: 8634400, target: 7200000 },
 *   ],
 *   rates: [{ streak: 3, rate: '0.005' }],
 * });
 * [b.streak, b.streakSales.toString(), b.bonus.toString()];
 * //=> [3, '22242400', '111212']
 * ```
 */
export function loyaltyBonus(input: LoyaltyBonusInput): LoyaltyBonusResult {
  try {
    const s = parseWith(loyaltyShape, input, []);
    const scale = currencyScaleAt(s.currency, ['currency']);
    const seen = new Map<number, number>();
    s.history.forEach((h, i) => {
      const first = seen.get(h.year);
      if (first !== undefined) invalid(['history', i, 'year'], `${h.year} is listed twice (first at history[${first}])`);
      seen.set(h.year, i);
    });
    const streaks = new Map<number, number>();
    s.rates.forEach((r, i) => {
      const first = streaks.get(r.streak);
      if (first !== undefined) invalid(['rates', i, 'streak'], `${r.streak} is listed twice (first at rates[${first}])`);
      streaks.set(r.streak, i);
    });
    const rows = [...s.history]
      .sort((a, b) => a.year - b.year)
      .map((h) => {
        const attainment = h.sales.div(h.target);
        return { year: h.year, sales: h.sales, target: h.target, attainment, onTarget: h.sales.gte(h.target) };
      });
    const streakYears: number[] = [];
    let streakSales = ZERO;
    let brokenBy: LoyaltyBreak | null = null;
    for (let i = rows.length - 1; i >= 0; i--) {
      const row = rows[i]!;
      const expected = rows[rows.length - 1]!.year - streakYears.length;
      if (row.year !== expected) {
        brokenBy = { year: expected, reason: 'missing' };
        break;
      }
      if (!row.onTarget) {
        brokenBy = { year: row.year, reason: 'below target' };
        break;
      }
      streakYears.unshift(row.year);
      streakSales = streakSales.plus(row.sales);
    }
    const streak = streakYears.length;
    let rate: LoyaltyRate | null = null;
    for (const r of s.rates) if (r.streak <= streak && (rate === null || r.streak > rate.streak)) rate = { streak: r.streak, rate: r.rate };
    const bonus = rate === null ? ZERO : roundDecimal(rate.rate.times(streakSales), scale, s.mode ?? 'half-up');
    return { streak, streakYears, streakSales, rate, bonus, history: rows, brokenBy };
  } catch (error) {
    throw wrapThrown(error);
  }
}
