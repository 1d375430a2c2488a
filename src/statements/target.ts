// The target section: the dealer's target for the period (from its cascade, or given), actual
// sales, attainment and pace, tracked by the targets engine.
import { toDecimal, type Decimal, type DecimalInput } from '../core/decimal.js';
import type { IssuePath } from '../core/errors.js';
import { roundRatio } from '../core/money.js';
import type { Warning } from '../core/result.js';
import { trackTarget, type TargetCascade, type TargetTracking } from '../targets/index.js';
import { STATEMENT_WARNINGS as W } from './messages.js';
import { within, warningsWithin } from './paths.js';
import type { StatementPeriod } from './period.js';

/** The year as the dealer's cascade tracks it (only with a cascade). */
export interface StatementTargetYear {
  /** The year's period id (`'2025'`). */
  period: string;
  /** The year's target. */
  total: Decimal;
  /** The part of the year's target due by the statement's date. */
  expectedToDate: Decimal;
  /** Actual sales of the year to date. */
  actualToDate: Decimal;
  /** actualToDate / expectedToDate (ratio), or null when nothing is due yet. */
  attainment: Decimal | null;
  /** expectedToDate − actualToDate: positive when behind plan. */
  gap: Decimal;
  /** The year at the run rate so far, or null before the year starts. */
  runRateForecast: Decimal | null;
  /** The year if the rest goes to plan. */
  planForecast: Decimal;
  /** What is left to sell this year. */
  remaining: Decimal;
  /** The sales needed per remaining day, or null when no day is left. */
  requiredPerDay: Decimal | null;
}

/** The statement's target section. */
export interface StatementTarget {
  /** `'cascade'`: the period's target and pace come from the dealer's cascade; `'given'`: the target was given for the period. */
  source: 'cascade' | 'given';
  /** The period's target. */
  target: Decimal;
  /** The part of the period's target due by the statement's date (the whole target once the period is over); null for a given target. */
  expectedToDate: Decimal | null;
  /** Actual sales of the period to date, or null when not known. */
  actualToDate: Decimal | null;
  /** Actual to date over expected to date (over the target when it was given), a ratio; null when not known. */
  attainment: Decimal | null;
  /** Expected (or target) − actual: positive when behind; null when not known. */
  gap: Decimal | null;
  /** The year's pace, with a cascade; null for a given target. */
  year: StatementTargetYear | null;
  /** Decimal places of the target figures (the cascade's scale, or the given figure's). */
  scale: number;
  /** The targets engine's tracking, with its steps (null for a given target). */
  tracking: TargetTracking | null;
}

/** What the target section needs from one dealer's facts. @internal */
export interface TargetFacts {
  target: TargetCascade | Decimal;
  actuals: Record<string, DecimalInput>;
  /** Where the actuals came from, for error paths. */
  actualsPath: IssuePath;
}

/** True for a cascade (an object with periods), as opposed to a figure. @internal */
export function isCascade(value: unknown): value is TargetCascade {
  return typeof value === 'object' && value !== null && Array.isArray((value as { periods?: unknown }).periods);
}

/** Builds the target section. @internal */
export function buildTargetSection(facts: TargetFacts, period: StatementPeriod, ratioScale: number, warnings: Warning[]): StatementTarget {
  if (!isCascade(facts.target)) {
    const target = facts.target;
    const given = facts.actuals[period.period];
    const actual = given === undefined ? null : within({}, [...facts.actualsPath, period.period], () => toDecimal(given));
    if (actual === null) warnings.push({ ...W.missingActual(period.period), path: [...facts.actualsPath] });
    return {
      source: 'given',
      target,
      expectedToDate: null,
      actualToDate: actual,
      attainment: actual === null || target.isZero() ? null : roundRatio(actual.div(target), ratioScale),
      gap: actual === null ? null : target.minus(actual),
      year: null,
      scale: Math.max(0, target.decimalPlaces()),
      tracking: null,
    };
  }
  const cascade = facts.target;
  const tracking = within({ cascade: ['target'], actuals: facts.actualsPath, options: ['config'] }, [], () =>
    trackTarget(cascade, facts.actuals, { asOf: period.asOf, ratioScale }),
  );
  warnings.push(...warningsWithin(tracking.warnings, { actuals: facts.actualsPath, cascade: ['target'] }, []));
  const p = tracking.periods.find((x) => x.period === period.period)!;
  return {
    source: 'cascade',
    target: p.target,
    expectedToDate: p.expectedToDate,
    actualToDate: p.actualToDate,
    attainment: p.attainment,
    gap: p.gap,
    year: {
      period: cascade.period,
      total: tracking.total,
      expectedToDate: tracking.expectedToDate,
      actualToDate: tracking.actualToDate,
      attainment: tracking.attainment,
      gap: tracking.gap,
      runRateForecast: tracking.runRateForecast,
      planForecast: tracking.planForecast,
      remaining: tracking.remaining,
      requiredPerDay: tracking.requiredPerDay,
    },
    scale: tracking.rounding.scale,
    tracking,
  };
}
