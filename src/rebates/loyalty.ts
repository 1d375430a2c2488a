import { readResult } from '../core/result-check.js';
import { LoyaltyBonusResultShape } from '../core/result-shapes.js';
import * as z from 'zod/mini';
import { ZERO, type Decimal } from '../core/decimal.js';
import { IssueCollector, wrapThrown } from '../core/errors.js';
import { fmtAmount, fmtExact, fmtExactPercent, fmtPercent, separatorsOf } from '../core/format.js';
import { currencyScaleAt, roundDecimal, roundRatio, type RoundingMode } from '../core/money.js';
import type { ExplainOptions, Step, Warning } from '../core/result.js';
import { DEFAULT_RATIO_SCALE, parseWith, scaleSchema } from '../core/schema.js';
import { REWARD_MESSAGES as M } from './messages.js';
import { loyaltyShape, type LoyaltyBonusInput } from './schema.js';
import { lazySchema } from '../core/lazy.js';

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
  /** sales / target, rounded half-up to `ratioScale` places (reported only: `onTarget` compares sales with the target exactly). */
  attainment: Decimal;
  /** sales ≥ target. */
  onTarget: boolean;
}

/** What ended a loyalty streak. */
export interface LoyaltyBreak {
  /** The year before the streak. */
  year: number;
  /** Below target, or no row for that year. */
  reason: 'below target' | 'missing';
}

/** Step `loyalty-year`: one year's sales against its target. */
export interface LoyaltyYearStep extends Step, LoyaltyYear {
  /** Always `'loyalty-year'`. */
  code: 'loyalty-year';
}

/** Step `loyalty-streak`: the years on target in a row, counted back from the latest, and their sales. */
export interface LoyaltyStreakStep extends Step {
  /** Always `'loyalty-streak'`. */
  code: 'loyalty-streak';
  /** Years in the streak. */
  streak: number;
  /** The streak's years, oldest first. */
  years: number[];
  /** Each year's sales, oldest first. */
  sales: Decimal[];
  /** Σ sales over the streak. */
  streakSales: Decimal;
  /** The latest year (the one a zero streak failed in). */
  latestYear: number;
}

/** Step `loyalty-break`: the year that ended the streak, below target or missing. */
export interface LoyaltyBreakStep extends Step, LoyaltyBreak {
  /** Always `'loyalty-break'`. */
  code: 'loyalty-break';
  /** That year's row (null when missing). */
  row: LoyaltyYear | null;
}

/** Step `loyalty-bonus`: rate × streak sales, rounded. */
export interface LoyaltyBonusPaidStep extends Step {
  /** Always `'loyalty-bonus'`. */
  code: 'loyalty-bonus';
  /** The rate row applied. */
  rate: LoyaltyRate;
  /** Σ sales over the streak. */
  streakSales: Decimal;
  /** rate × streak sales, exact. */
  unrounded: Decimal;
  /** The bonus, rounded to `scale` places by `mode`. */
  bonus: Decimal;
  /** Decimal places of the bonus. */
  scale: number;
  /** The rounding mode. */
  mode: RoundingMode;
}

/** Step `loyalty-no-rate`: the streak is shorter than every rate's. */
export interface LoyaltyNoRateStep extends Step {
  /** Always `'loyalty-no-rate'`. */
  code: 'loyalty-no-rate';
  /** Years in the streak. */
  streak: number;
  /** The shortest streak a rate needs. */
  firstStreak: number;
}

/** One step of {@link calculateLoyaltyBonus}, told apart by `code`. */
export type LoyaltyBonusStep = LoyaltyYearStep | LoyaltyStreakStep | LoyaltyBreakStep | LoyaltyBonusPaidStep | LoyaltyNoRateStep;

/** The result of {@link calculateLoyaltyBonus}. */
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
  /** Every year, oldest first: attainment = sales / target, onTarget = sales ≥ target. */
  history: LoyaltyYear[];
  /** What ended the streak: the year before it, below target or missing; null when the streak covers the whole history. */
  brokenBy: LoyaltyBreak | null;
  /** The money scale (for printing). */
  scale: number;
  /** None today; reserved for what a user should look at. */
  warnings: Warning[];
  /** Every year, the streak, what ended it, and the bonus (or why there is none). */
  steps: LoyaltyBonusStep[];
}

/** Options of {@link calculateLoyaltyBonus}. */
export interface LoyaltyBonusOptions {
  /** Decimal places of the reported attainment ratios (half-up; default 10). */
  ratioScale?: number;
}

const optionsShape = lazySchema(() => z.optional(z.strictObject({ ratioScale: z.optional(scaleSchema) })));

type Separators = ReturnType<typeof separatorsOf>;

/** A step before its text is written (distributes over the union). */
type Draft<T> = T extends unknown ? Omit<T, 'text'> : never;

function render(step: LoyaltyBonusStep, scale: number, seps: Separators): string {
  const money = (d: Decimal): string => fmtAmount(d, scale, seps);
  switch (step.code) {
    case 'loyalty-year':
      return M.yearText(step.year, money(step.sales), money(step.target), fmtPercent(step.attainment, 2, seps), step.onTarget);
    case 'loyalty-streak':
      if (step.streak === 0) return M.noStreak(step.latestYear);
      return M.streakText(step.streak, step.years[0]!, step.years[step.years.length - 1]!, step.streak === 1 ? null : step.sales.map(money).join(' + '), money(step.streakSales));
    case 'loyalty-break':
      return step.row === null
        ? M.breakMissing(step.year)
        : M.breakBelow(step.year, fmtPercent(step.row.attainment, 2, seps), money(step.row.sales), money(step.row.target));
    case 'loyalty-bonus':
      return M.bonusText(step.rate.streak, fmtExactPercent(step.rate.rate, seps), money(step.streakSales), fmtExact(step.unrounded, scale, seps), money(step.bonus));
    default:
      return M.noRate(step.streak, step.firstStreak);
  }
}

/**
 * The star-dealer loyalty bonus: the current streak of consecutive years on target (sales ≥ target;
 * a missing year breaks it) and the bonus = the rate for that streak × the sales over the streak.
 *
 * Rates are fractions (0.005 for 0.5 %; `0.5` means 50 %, and `5` is refused with
 * `percent_as_whole_number`). The bonus is rounded once by `rounding` (the currency's minor unit,
 * half-up, by default). Attainments are reported to `ratioScale` places; whether a year is on
 * target compares sales with the target exactly.
 *
 * @param input - The currency, the yearly history, the rates by streak length and the rounding.
 * @param options - `ratioScale`: places of the reported attainments (default 10).
 * @example
 * ```ts
 * const b = calculateLoyaltyBonus({
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
export function calculateLoyaltyBonus(input: LoyaltyBonusInput, options?: LoyaltyBonusOptions): LoyaltyBonusResult {
  try {
    const s = parseWith(loyaltyShape, input, []);
    const ratioScale = parseWith(optionsShape, options, ['options'])?.ratioScale ?? DEFAULT_RATIO_SCALE;
    const scale = s.rounding?.scale ?? currencyScaleAt(s.currency, ['currency']);
    const mode: RoundingMode = s.rounding?.mode ?? 'half-up';
    const issues = new IssueCollector();
    const seen = new Map<number, number>();
    s.history.forEach((h, i) => {
      const first = seen.get(h.year);
      if (first !== undefined) issues.add(['history', i, 'year'], M.yearListedTwice(h.year, first), 'invalid_input', { code: 'duplicate', received: String(h.year) });
      else seen.set(h.year, i);
    });
    const streaks = new Map<number, number>();
    s.rates.forEach((r, i) => {
      const first = streaks.get(r.streak);
      if (first !== undefined) issues.add(['rates', i, 'streak'], M.streakListedTwice(r.streak, first), 'invalid_input', { code: 'duplicate', received: String(r.streak) });
      else streaks.set(r.streak, i);
    });
    issues.throwIfAny();

    const rows: LoyaltyYear[] = [...s.history]
      .sort((a, b) => a.year - b.year)
      .map((h) => ({ year: h.year, sales: h.sales, target: h.target, attainment: roundRatio(h.sales.div(h.target), ratioScale), onTarget: h.sales.gte(h.target) }));
    const streakYears: number[] = [];
    const streakRows: LoyaltyYear[] = [];
    let streakSales = ZERO;
    let brokenBy: LoyaltyBreak | null = null;
    let breakRow: LoyaltyYear | null = null;
    const latest = rows[rows.length - 1]!.year;
    for (let i = rows.length - 1; i >= 0; i--) {
      const row = rows[i]!;
      const expected = latest - streakYears.length;
      if (row.year !== expected) {
        brokenBy = { year: expected, reason: 'missing' };
        break;
      }
      if (!row.onTarget) {
        brokenBy = { year: row.year, reason: 'below target' };
        breakRow = row;
        break;
      }
      streakYears.unshift(row.year);
      streakRows.unshift(row);
      streakSales = streakSales.plus(row.sales);
    }
    const streak = streakYears.length;
    // The longest streak reached (streaks are unique, refused above when repeated; 0 when none is reached).
    const reached = Math.max(0, ...s.rates.map((r) => (r.streak <= streak ? r.streak : 0)));
    const rateRow = s.rates.find((r) => r.streak === reached);
    const rate: LoyaltyRate | null = rateRow === undefined ? null : { streak: rateRow.streak, rate: rateRow.rate };
    const unrounded = rate === null ? ZERO : rate.rate.times(streakSales);
    const bonus = roundDecimal(unrounded, scale, mode);

    // Stryker disable next-line ArrayDeclaration: the path only names a refused locale, and no locale (English) is never refused
    const en = separatorsOf(undefined, []);
    const steps: LoyaltyBonusStep[] = [];
    const push = (step: Draft<LoyaltyBonusStep>): void => {
      steps.push({ ...step, text: render(step as LoyaltyBonusStep, scale, en) } as LoyaltyBonusStep);
    };
    for (const row of rows) push({ code: 'loyalty-year', ...row });
    push({ code: 'loyalty-streak', streak, years: streakYears, sales: streakRows.map((r) => r.sales), streakSales, latestYear: latest });
    // A zero streak is its own explanation (the latest year is below target); a longer one says what ended it.
    if (brokenBy !== null && streak > 0) push({ code: 'loyalty-break', ...brokenBy, row: breakRow });
    if (rate !== null) push({ code: 'loyalty-bonus', rate, streakSales, unrounded, bonus, scale, mode });
    else push({ code: 'loyalty-no-rate', streak, firstStreak: Math.min(...s.rates.map((r) => r.streak)) });
    return { streak, streakYears, streakSales, rate, bonus, history: rows, brokenBy, scale, warnings: [], steps };
  } catch (error) {
    throw wrapThrown(error);
  }
}

/**
 * The loyalty bonus in sentences: the streak and its sales, what ended it, and the bonus (or why
 * there is none).
 *
 * @param result - A result of {@link calculateLoyaltyBonus}.
 * @param options - `locale` for the digit grouping (English by default).
 * @example
 * ```ts
 * explainLoyaltyBonus(calculateLoyaltyBonus({ currency: 'CNY', history: [{ year: 2025, sales: 100, target: 100 }], rates: [{ streak: 1, rate: '0.1' }] }));
 * //=> ['1 year on target in a row (2025): 100.00 of sales', 'Loyalty bonus for 1 year on target: 10 % × 100.00 = 10.00']
 * ```
 */
export function explainLoyaltyBonus(result: LoyaltyBonusResult, options?: ExplainOptions): string[] {
  try {
    result = readResult(result, 'result', LoyaltyBonusResultShape());
    const seps = separatorsOf(options?.locale, ['options', 'locale']);
    return result.steps.filter((s) => s.code !== 'loyalty-year').map((s) => render(s, result.scale, seps));
  } catch (error) {
    throw wrapThrown(error);
  }
}
