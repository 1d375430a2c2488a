import type { IsoDate } from '../core/dates.js';
import type { TargetWeekday } from './days.js';

/** The kinds of period a calendar divides its year into, coarsest first. */
export type TargetPeriodKind = 'quarter' | 'month' | 'week';

/** One period of a {@link TargetCalendar}: a quarter, a month or a week. */
export interface TargetCalendarPeriod {
  /** The period's id, stable and readable: `2026-Q1`, `2026-03`, `2026-W09`, `FY2026-P01`, `FY2026-W01`. */
  period: string;
  /** What the period is. */
  kind: TargetPeriodKind;
  /** Its position in the year, from 1. */
  index: number;
  /** First day. */
  start: IsoDate;
  /** Last day (included). */
  end: IsoDate;
  /** Calendar days from start to end. */
  days: number;
  /** Retail calendars: whole weeks in the period. */
  weeks?: number;
  /** Gregorian weeks: the ISO week-numbering year. */
  isoYear?: number;
  /** Gregorian weeks: the ISO week number. */
  isoWeek?: number;
}

/** The 4-4-5 family of retail patterns: weeks per month inside each 13-week quarter. */
export type RetailPattern = '4-4-5' | '4-5-4' | '5-4-4';

/** Where a retail year ends: a weekday that is the last of, or nearest to the end of, a month. */
export interface RetailYearEnd {
  /** The weekday the year (and every week) ends on. */
  weekday: TargetWeekday;
  /** `'last'`: the last such weekday of the month; `'nearest'`: the one nearest the month's last day (up to 3 days into the next month). */
  rule: 'nearest' | 'last';
  /** The month the year ends in, 1 to 12. */
  month: number;
}

/** Where a 53rd week goes: the year's last month, a named month, or a restated year that drops its first week. */
export type RetailLeapWeek =
  | 'last-month'
  | 'restate'
  | {
      /** The month (1–12) that takes the 53rd week. */
      month: number;
    };

/** What a retail calendar was built from, and where its 53rd week went. */
export interface RetailCalendarInfo {
  /** Weeks per month within a quarter. */
  pattern: RetailPattern;
  /** The year-end rule. */
  yearEnd: RetailYearEnd;
  /** Where a 53rd week goes. */
  leapWeek: RetailLeapWeek;
  /** How the fiscal year is named: by the calendar year holding most of it, or the year it ends in. */
  naming: 'majority' | 'end';
  /** Weeks between the previous year end and this one: 52 or 53. */
  weeksInYear: 52 | 53;
  /** The period that holds the 53rd week, or null in a 52-week (or restated) year. */
  leapWeekPeriod: string | null;
  /** Under `'restate'` in a 53-week year: the first week, left out of the plan; otherwise null. */
  droppedWeek: {
    /** The dropped week's first day. */
    start: IsoDate;
    /** Its last day. */
    end: IsoDate;
  } | null;
}

/** A fiscal year divided into quarters, months and weeks, built by `defineGregorianCalendar`, `defineRetailCalendar` or `defineNrfCalendar`. */
export interface TargetCalendar {
  /** Always `'target-calendar'`: marks a defined calendar in serialised data (its JSON is accepted wherever the calendar is). */
  readonly kind: 'target-calendar';
  /** Gregorian (calendar months, ISO weeks) or retail (whole-week months). */
  readonly system: 'gregorian' | 'retail';
  /** The year's period id: `'2026'` for a calendar year, `'FY2025'` for a fiscal one. */
  readonly period: string;
  /** The fiscal year's number. */
  readonly fiscalYear: number;
  /** First day of the year. */
  readonly start: IsoDate;
  /** Last day of the year (included). */
  readonly end: IsoDate;
  /** Days in the year. */
  readonly days: number;
  /** The four quarters. */
  readonly quarters: readonly TargetCalendarPeriod[];
  /** The twelve months (retail: periods `P01`–`P12`). */
  readonly months: readonly TargetCalendarPeriod[];
  /** Retail: the year's weeks. Gregorian: every ISO week that overlaps the year, with its full Monday–Sunday dates. */
  readonly weeks: readonly TargetCalendarPeriod[];
  /** Retail calendars: the rules and where the 53rd week went; null for Gregorian calendars. */
  readonly retail: RetailCalendarInfo | null;
}

const built = new WeakSet<object>();

function freezePeriods(list: TargetCalendarPeriod[]): readonly TargetCalendarPeriod[] {
  for (const p of list) Object.freeze(p);
  return Object.freeze(list);
}

/** Freezes a calendar and records it as built here. @internal */
export function sealCalendar(c: {
  system: 'gregorian' | 'retail';
  period: string;
  fiscalYear: number;
  start: IsoDate;
  end: IsoDate;
  days: number;
  quarters: TargetCalendarPeriod[];
  months: TargetCalendarPeriod[];
  weeks: TargetCalendarPeriod[];
  retail: RetailCalendarInfo | null;
}): TargetCalendar {
  const calendar: TargetCalendar = Object.freeze({
    kind: 'target-calendar' as const,
    ...c,
    quarters: freezePeriods(c.quarters),
    months: freezePeriods(c.months),
    weeks: freezePeriods(c.weeks),
    // Stryker disable next-line ConditionalExpression: Object.freeze(null) returns null, so both branches give null for a Gregorian calendar
    retail: c.retail === null ? null : Object.freeze(c.retail),
  });
  built.add(calendar);
  return calendar;
}

/** True for a calendar made by `defineGregorianCalendar`, `defineRetailCalendar` or `defineNrfCalendar`. @internal */
export function isBuiltCalendar(value: unknown): value is TargetCalendar {
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,StringLiteral: WeakSet.has answers false for primitives and null without throwing, and a live calendar not recognised here is read as its JSON, rebuilt to the same calendar (test/targets/defined-json.test.ts)
  return typeof value === 'object' && value !== null && built.has(value);
}
