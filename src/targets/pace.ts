import { Decimal, ZERO, type DecimalInput } from '../core/decimal.js';
import { isoDateAt, type IsoDate } from '../core/dates.js';
import { IssueCollector, invalid, wrapThrown, type IssuePath } from '../core/errors.js';
import { roundDecimal } from '../core/money.js';
import { decimalSchema, parseWith } from '../core/schema.js';
import { toDecimal } from '../core/decimal.js';
import { WEEKDAY_NAMES, daysFrom, plusDays, spanDays, weekdayOf } from './days.js';
import type { TargetCascade, TargetPeriod } from './cascade.js';
import type { TargetPeriodKind } from './calendar.js';
import { paceOptionsShape, type PaceTargetOptions } from './schema.js';

/** Pace of one period of the cascade. */
export interface TargetPacePeriod {
  /** The period's id. */
  id: string;
  /** Quarter, month or week. */
  kind: TargetPeriodKind;
  /** The parent period's id, or null at the first level. */
  parent: string | null;
  /** First day. */
  start: IsoDate;
  /** Last day. */
  end: IsoDate;
  /** `'closed'` (ended by asOf), `'open'` (holds asOf) or `'future'`. */
  status: 'closed' | 'open' | 'future';
  /** The period's target. */
  target: Decimal;
  /** The part of the target due by asOf: the sum of its last-level periods' due parts. */
  expectedToDate: Decimal;
  /** Actual to date: given for the period, or the sum of its children's when all are known; null when not known. */
  actualToDate: Decimal | null;
  /** actualToDate / expectedToDate (4 decimals), or null. */
  attainment: Decimal | null;
  /** expectedToDate − actualToDate (positive: behind plan), or null. */
  gap: Decimal | null;
}

/** The result of `paceTarget`. */
export interface TargetPace {
  /** The date the pace is measured at (included). */
  asOf: IsoDate;
  /** The year's target. */
  total: Decimal;
  /** Days of the year elapsed by asOf (included), and days left. */
  elapsedDays: number;
  /** Days of the year after asOf. */
  remainingDays: number;
  /** The target due by asOf, from the cascade's own distribution, to the day. */
  expectedToDate: Decimal;
  /** The sum of the actuals given. */
  actualToDate: Decimal;
  /** actualToDate / expectedToDate, 4 decimals; null when nothing is due yet. */
  attainment: Decimal | null;
  /** The year at the run rate so far: actualToDate × days / elapsedDays (half-up to the scale); null before the year starts. */
  runRateForecast: Decimal | null;
  /** The year if the rest goes to plan: actualToDate + (total − expectedToDate). */
  planForecast: Decimal;
  /** What is left to sell: total − actualToDate. */
  remaining: Decimal;
  /** The rest of the year's needed pace against its plan: remaining / (total − expectedToDate), 4 decimals; null when no plan is left. */
  requiredRate: Decimal | null;
  /** remaining / remainingDays (half-up to the scale); null when no day is left. */
  requiredPerDay: Decimal | null;
  /** expectedToDate − actualToDate: positive when behind plan. */
  gap: Decimal;
  /** Every period of the cascade, in tree order. */
  periods: TargetPacePeriod[];
  /** How the figures were rounded and prorated. */
  conventions: string[];
}

interface Flat {
  node: TargetPeriod;
  parent: Flat | null;
  children: Flat[];
  expected: Decimal;
  actual: Decimal | null;
}

function checkCascade(c: unknown): TargetCascade {
  const x = c as TargetCascade;
  if (typeof c !== 'object' || c === null || !Array.isArray(x.periods) || typeof x.scale !== 'number' || !Array.isArray(x.spreads)) {
    invalid(['cascade'], 'must be a result of cascadeTarget');
  }
  return x;
}

/**
 * Measures a cascade's pace against actuals as of a date: expected to date (from the cascade's
 * own distribution, to the day), actual to date, attainment, the run-rate forecast for the year,
 * the rate needed for the rest of the year, and the gap, overall and per period.
 *
 * A last-level period that holds `asOf` is due in proportion to its elapsed days (its working
 * days when the cascade's last level was spread by workdays), rounded half-up to the scale; every
 * coarser figure is the sum of its last-level periods. Actuals are keyed by period id at any level
 * (months, say, against a weekly cascade) and must not overlap.
 *
 * @example
 * ```ts
 * const c = cascadeTarget({ total: 1200, calendar: gregorianCalendar({ year: 2026 }), levels: ['month'], spread: 'even', scale: 0 });
 * const p = paceTarget(c, { '2026-01': 90, '2026-02': 120 }, { asOf: '2026-02-28' });
 * [p.expectedToDate, p.actualToDate, p.attainment, p.gap, p.runRateForecast].map(String);
 * //=> ['200', '210', '1.05', '-10', '1299']
 * ```
 */
export function paceTarget(cascade: TargetCascade, actuals: Readonly<Record<string, DecimalInput>>, options: PaceTargetOptions): TargetPace {
  try {
    const c = checkCascade(cascade);
    const { asOf } = parseWith(paceOptionsShape, options, ['options']);
    const scale = c.scale;
    const total = toDecimal(c.total, ['cascade', 'total']);
    const start = isoDateAt(c.start, ['cascade', 'start']);
    const end = isoDateAt(c.end, ['cascade', 'end']);
    const byWorkdays = c.spreads[c.spreads.length - 1] === 'workdays';
    const rules = c.workdayRules;
    const off = new Set(rules.weekend.map((d) => WEEKDAY_NAMES.indexOf(d)));
    const holidays = new Set(rules.holidays);
    const extra = new Set(rules.extraWorkdays);
    const firstWeekday = weekdayOf(start);
    const isWork = (k: number, iso: IsoDate) => (extra.has(iso) ? true : holidays.has(iso) ? false : !off.has((firstWeekday + k) % 7));

    // Flatten the tree and validate what is read.
    const flats: Flat[] = [];
    const byId = new Map<string, Flat>();
    const visit = (list: TargetPeriod[], parent: Flat | null, path: IssuePath) => {
      list.forEach((node, i) => {
        const f: Flat = { node, parent, children: [], expected: ZERO, actual: null };
        flats.push(f);
        byId.set(node.id, f);
        if (parent !== null) parent.children.push(f);
        isoDateAt(node.start, [...path, i, 'start']);
        isoDateAt(node.end, [...path, i, 'end']);
        visit(node.children, f, [...path, i, 'children']);
      });
    };
    visit(c.periods, null, ['cascade', 'periods']);

    // Expected to date: leaves prorated by elapsed days (or working days).
    for (let k = flats.length - 1; k >= 0; k--) {
      const f = flats[k]!;
      const n = f.node;
      if (f.children.length > 0) {
        f.expected = f.children.reduce((a, ch) => a.plus(ch.expected), ZERO);
        continue;
      }
      const target = toDecimal(n.target, ['cascade', 'periods', n.id, 'target']);
      if (asOf >= n.end) f.expected = target;
      else if (asOf < n.start) f.expected = ZERO;
      else {
        const elapsed = spanDays(n.start, asOf);
        let num = elapsed;
        let den = spanDays(n.start, n.end);
        if (byWorkdays) {
          let w = 0;
          let all = 0;
          const base = daysFrom(n.start, start);
          for (let d = 0; d < den; d++) {
            const iso = plusDays(n.start, d);
            if (isWork(base + d, iso)) {
              all++;
              if (d < elapsed) w++;
            }
          }
          if (all > 0) {
            num = w;
            den = all;
          }
        }
        f.expected = roundDecimal(target.times(num).div(den), scale, 'half-up');
      }
    }

    // Actuals: known ids, no overlap, nothing after asOf.
    const issues = new IssueCollector();
    const given: { id: string; f: Flat; amount: Decimal }[] = [];
    if (typeof actuals !== 'object' || actuals === null || Array.isArray(actuals)) invalid(['actuals'], 'must be an object of amounts by period id');
    for (const [id, value] of Object.entries(actuals)) {
      const f = byId.get(id);
      if (f === undefined) {
        issues.add(['actuals', id], `is not a period of the cascade ${c.id}`, 'unknown_label');
        continue;
      }
      let amount: Decimal;
      try {
        amount = parseWith(decimalSchema, value, ['actuals', id]);
      } catch (error) {
        for (const i of wrapThrown(error).issues) issues.add(i.path, i.message);
        continue;
      }
      if (f.node.start > asOf) {
        issues.add(['actuals', id], `is for a period that starts after asOf (${f.node.start} > ${asOf})`, 'out_of_range');
        continue;
      }
      given.push({ id, f, amount });
    }
    issues.throwIfAny();
    const sorted = [...given].sort((a, b) => (a.f.node.start < b.f.node.start ? -1 : a.f.node.start > b.f.node.start ? 1 : 0));
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1]!;
      const cur = sorted[i]!;
      if (cur.f.node.start <= prev.f.node.end) issues.add(['actuals', cur.id], `overlaps ${prev.id}, also given (each day's sales may be counted once)`);
    }
    issues.throwIfAny();
    for (const g of given) g.f.actual = g.amount;
    for (let k = flats.length - 1; k >= 0; k--) {
      const f = flats[k]!;
      if (f.actual !== null || f.children.length === 0) continue;
      const started = f.children.filter((ch) => ch.node.start <= asOf);
      if (started.length > 0 && started.every((ch) => ch.actual !== null)) f.actual = started.reduce((a, ch) => a.plus(ch.actual!), ZERO);
    }
    const actualToDate = given.reduce((a, g) => a.plus(g.amount), ZERO);
    const expectedToDate = flats.filter((f) => f.parent === null).reduce((a, f) => a.plus(f.expected), ZERO);

    const yearDays = spanDays(start, end);
    const elapsedDays = asOf < start ? 0 : asOf >= end ? yearDays : spanDays(start, asOf);
    const remainingDays = yearDays - elapsedDays;
    const ratio = (a: Decimal, b: Decimal) => (b.isZero() ? null : roundDecimal(a.div(b), 4, 'half-up'));
    const remaining = total.minus(actualToDate);
    const planLeft = total.minus(expectedToDate);
    return {
      asOf,
      total,
      elapsedDays,
      remainingDays,
      expectedToDate,
      actualToDate,
      attainment: ratio(actualToDate, expectedToDate),
      runRateForecast: elapsedDays === 0 ? null : roundDecimal(actualToDate.times(yearDays).div(elapsedDays), scale, 'half-up'),
      planForecast: actualToDate.plus(planLeft),
      remaining,
      requiredRate: ratio(remaining, planLeft),
      requiredPerDay: remainingDays === 0 ? null : roundDecimal(remaining.div(remainingDays), scale, 'half-up'),
      gap: expectedToDate.minus(actualToDate),
      periods: flats.map((f) => ({
        id: f.node.id,
        kind: f.node.kind,
        parent: f.parent === null ? null : f.parent.node.id,
        start: f.node.start,
        end: f.node.end,
        status: asOf >= f.node.end ? 'closed' : asOf < f.node.start ? 'future' : 'open',
        target: toDecimal(f.node.target),
        expectedToDate: f.expected,
        actualToDate: f.actual,
        attainment: f.actual === null ? null : ratio(f.actual, f.expected),
        gap: f.actual === null ? null : f.expected.minus(f.actual),
      })),
      conventions: [
        `a period holding asOf is due in proportion to its elapsed ${byWorkdays ? 'working days' : 'days'} (asOf included), rounded half-up to ${scale} decimal places`,
        'coarser periods are due the sum of their last-level periods',
        'attainment and requiredRate are rounded half-up to 4 decimal places',
        'runRateForecast = actualToDate × days in the year / elapsed days; requiredPerDay = remaining / days left (half-up to the scale)',
        'gap = expectedToDate − actualToDate: positive when behind plan',
      ],
    };
  } catch (error) {
    throw wrapThrown(error);
  }
}
