import { ZERO, isDecimal, toDecimal, type Decimal, type DecimalInput } from '../core/decimal.js';
import { isoDateAt, type IsoDate } from '../core/dates.js';
import { IssueCollector, invalid, wrapThrown, type IssuePath } from '../core/errors.js';
import { checkMode, checkScale, roundDecimal, roundRatio, type RoundingMode } from '../core/money.js';
import { DEFAULT_RATIO_SCALE, decimalSchema, parseWith } from '../core/schema.js';
import type { Warning } from '../core/result.js';
import { WEEKDAY_NAMES, daysFrom, plusDays, spanDays, weekdayOf } from './days.js';
import type { TargetCascade, TargetPeriod } from './cascade.js';
import type { TargetPeriodKind } from './calendar.js';
import { TARGETS_MESSAGES as M, TARGETS_WARNINGS as W } from './messages.js';
import { parseTargets } from './own.js';
import { trackOptionsShape, type TrackTargetOptions } from './schema.js';
import type { TargetTrackingStep } from './steps.js';
import { EN, trackingStepText } from './text.js';

/** How one period of the cascade stands as of the date. */
export interface TargetTrackingPeriod {
  /** The period's id. */
  period: string;
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
  /** Actual to date: given for the period, or the sum of its children's when all that have started are known; null when not known. */
  actualToDate: Decimal | null;
  /** actualToDate / expectedToDate at `ratioScale` places, or null. */
  attainment: Decimal | null;
  /** expectedToDate − actualToDate (positive: behind plan), or null. */
  gap: Decimal | null;
}

/** The result of `trackTarget`: actuals against the cascade's plan to date. */
export interface TargetTracking {
  /** The date the figures are measured at (included). */
  asOf: IsoDate;
  /** The year's target. */
  total: Decimal;
  /** The scale and mode the prorated and forecast figures were rounded with. */
  rounding: {
    /** Decimal places. */
    scale: number;
    /** The rounding mode. */
    mode: RoundingMode;
  };
  /** Days of the year elapsed by asOf (included). */
  elapsedDays: number;
  /** Days of the year after asOf. */
  remainingDays: number;
  /** The target due by asOf, from the cascade's own distribution, to the day. */
  expectedToDate: Decimal;
  /** The sum of the actuals given. */
  actualToDate: Decimal;
  /** actualToDate / expectedToDate at `ratioScale` places (10 by default); null when nothing is due yet. */
  attainment: Decimal | null;
  /** The year at the run rate so far: actualToDate × days / elapsedDays (rounded to the scale); null before the year starts. */
  runRateForecast: Decimal | null;
  /** The year if the rest goes to plan: actualToDate + (total − expectedToDate). */
  planForecast: Decimal;
  /** What is left to sell: total − actualToDate. */
  remaining: Decimal;
  /** The rest of the year's needed pace against its plan: remaining / (total − expectedToDate) at `ratioScale` places; null when no plan is left. */
  requiredRate: Decimal | null;
  /** remaining / remainingDays (rounded to the scale); null when no day is left. */
  requiredPerDay: Decimal | null;
  /** expectedToDate − actualToDate: positive when behind plan. */
  gap: Decimal;
  /** Every period of the cascade, in tree order. */
  periods: TargetTrackingPeriod[];
  /** How every figure was reached: the prorated periods, expected, actual, attainment, gap, the forecasts. */
  steps: TargetTrackingStep[];
  /** What to look at: periods that have started without an actual. */
  warnings: Warning[];
}

interface Flat {
  node: TargetPeriod;
  path: IssuePath;
  period: string;
  start: IsoDate;
  end: IsoDate;
  target: Decimal;
  parent: Flat | null;
  children: Flat[];
  expected: Decimal;
  actual: Decimal | null;
}

/** A step's text until trackingOf writes its sentence (every step's text is written before any caller sees it). */
// Stryker disable next-line StringLiteral: a placeholder: trackingOf overwrites every step's text with its sentence before returning
const LATER = '';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkCascade(c: unknown): TargetCascade {
  const x = c as TargetCascade;
  if (!isObject(c) || !Array.isArray(x.periods) || !isObject(x.rounding) || !Array.isArray(x.spreads) || !isObject(x.workdayRules)) {
    invalid(['cascade'], M.notACascade(), { code: 'invalid_type', expected: 'a result of cascadeTarget' });
  }
  const rules = x.workdayRules;
  const strings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');
  if (!strings(rules.weekend) || !strings(rules.holidays) || !strings(rules.extraWorkdays) || rules.weekend.some((d) => !WEEKDAY_NAMES.includes(d))) {
    invalid(['cascade', 'workdayRules'], M.cascadeField('{ weekend, holidays, extraWorkdays }'), { code: 'invalid_type' });
  }
  if (typeof x.period !== 'string') invalid(['cascade', 'period'], M.cascadeField('a period id'), { code: 'invalid_type' });
  return x;
}

/** Refuses a cascade (read back from JSON, or edited) whose figures no longer add up. */
function checkSums(c: TargetCascade, flats: readonly Flat[], total: Decimal): void {
  const top = flats.filter((f) => f.parent === null);
  const sum = (list: readonly Flat[]) => list.reduce((a, f) => a.plus(f.target), ZERO);
  const topSum = sum(top);
  if (!topSum.equals(total)) invalid(['cascade', 'total'], M.cascadeTotal(total.toFixed(), topSum.toFixed()), { code: 'inconsistent', expected: topSum.toFixed(), received: total.toFixed() });
  if (c.path === 'direct') {
    let level = top;
    for (let d = 0; level.length > 0; d++) {
      const s = sum(level);
      if (!s.equals(total)) invalid(['cascade', 'periods'], M.cascadeLevel(d, s.toFixed(), total.toFixed()), { code: 'inconsistent' });
      level = level.flatMap((f) => f.children);
    }
    return;
  }
  for (const f of flats) {
    if (f.children.length === 0) continue;
    const s = sum(f.children);
    if (!s.equals(f.target)) invalid([...f.path, 'target'], M.cascadeChildren(f.target.toFixed(), s.toFixed()), { code: 'inconsistent', expected: s.toFixed(), received: f.target.toFixed() });
  }
}

/**
 * Tracks actuals against a cascade's plan as of a date: expected to date (from the cascade's own
 * distribution, to the day), actual to date, attainment, the run-rate forecast for the year, the
 * pace needed for the rest of the year, and the gap, overall and per period.
 *
 * A last-level period that holds `asOf` is due in proportion to its elapsed days (its working
 * days when the cascade's last level was spread by workdays), rounded to the scale by the
 * cascade's rounding mode (half-up unless `rounding` says otherwise); every coarser figure is the
 * sum of its last-level periods. Actuals are keyed by period id at any level (months, say, against
 * a weekly cascade) and must not overlap. Ratios are rounded half-up to `ratioScale` places (10 by
 * default). A cascade read back from JSON whose figures no longer add up is refused (`inconsistent`).
 *
 * @param cascade - A result of `cascadeTarget` (or its JSON).
 * @param actuals - Actual sales by period id.
 * @param options - `asOf`, and optionally `ratioScale` and `rounding`.
 * @example
 * ```ts
 * const c = cascadeTarget({ calendar: defineGregorianCalendar({ year: 2026 }), levels: ['month'], spread: 'even' }, 1200);
 * const t = trackTarget(c, { '2026-01': 90, '2026-02': 120 }, { asOf: '2026-02-28' });
 * [t.expectedToDate, t.actualToDate, t.attainment, t.gap, t.runRateForecast].map(String);
 * //=> ['200', '210', '1.05', '-10', '1299']
 * ```
 */
export function trackTarget(cascade: TargetCascade, actuals: Readonly<Record<string, DecimalInput>>, options: TrackTargetOptions): TargetTracking {
  try {
    const t = readTracking(cascade, options);
    const prorated = prorate(t);
    const { given, sorted } = readActuals(t, actuals);
    rollUpActuals(t, given);
    return trackingOf(t, prorated, given, sorted);
  } catch (error) {
    throw wrapThrown(error);
  }
}

/** A cascade being tracked: the options read, its conventions, and its periods flattened in tree order. */
interface Tracking {
  readonly c: TargetCascade;
  readonly asOf: IsoDate;
  readonly ratioScale: number;
  readonly scale: number;
  readonly mode: RoundingMode;
  readonly total: Decimal;
  readonly start: IsoDate;
  readonly end: IsoDate;
  /** Whether the last level was spread by working days. */
  readonly byWorkdays: boolean;
  /** Whether the day `k` days after the cascade's start (`iso`) is a working day. */
  readonly isWork: (k: number, iso: IsoDate) => boolean;
  readonly flats: Flat[];
  readonly byId: Map<string, Flat>;
}

/** An actual given for a period, as read. */
interface Given {
  id: string;
  f: Flat;
  amount: Decimal;
}

/** The cascade and options read and validated, the tree flattened, and its sums checked. */
function readTracking(cascade: TargetCascade, options: TrackTargetOptions): Tracking {
  const c = checkCascade(cascade);
  const opts = parseTargets(trackOptionsShape, options, ['options']);
  const asOf = opts.asOf;
  const ratioScale = opts.ratioScale ?? DEFAULT_RATIO_SCALE;
  const scale = opts.rounding?.scale ?? checkScale(c.rounding.scale, ['cascade', 'rounding', 'scale']);
  const mode = opts.rounding?.mode ?? checkMode(c.rounding.mode ?? 'half-up', ['cascade', 'rounding', 'mode']);
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
  const flats: Flat[] = [];
  const byId = new Map<string, Flat>();
  flatten(c.periods, null, ['cascade', 'periods'], flats, byId);
  checkSums(c, flats, total);
  return { c, asOf, ratioScale, scale, mode, total, start, end, byWorkdays, isWork, flats, byId };
}

/** Flattens a list of periods (and their children, depth first) into `flats`, validating what is read. */
function flatten(list: unknown, parent: Flat | null, path: IssuePath, flats: Flat[], byId: Map<string, Flat>): void {
  if (!Array.isArray(list)) invalid(path, M.cascadeField('a list of periods'), { code: 'invalid_type' });
  (list as TargetPeriod[]).forEach((node, i) => {
    if (!isObject(node) || typeof node.period !== 'string') invalid([...path, i], M.cascadeField('a period { period, start, end, target, children }'), { code: 'invalid_type' });
    const f: Flat = {
      node,
      path: [...path, i],
      period: node.period,
      start: isoDateAt(node.start, [...path, i, 'start']),
      end: isoDateAt(node.end, [...path, i, 'end']),
      target: toDecimal(node.target, [...path, i, 'target']),
      parent,
      children: [],
      expected: ZERO,
      actual: null,
    };
    flats.push(f);
    byId.set(f.period, f);
    if (parent !== null) parent.children.push(f);
    flatten(node.children, f, [...path, i, 'children'], flats, byId);
  });
}

/** Expected to date, set on every period: leaves prorated by elapsed days (or working days), parents summed; the prorate steps. */
function prorate(t: Tracking): TargetTrackingStep[] {
  const { asOf, flats } = t;
  const prorated: TargetTrackingStep[] = [];
  for (let k = flats.length - 1; k >= 0; k--) {
    const f = flats[k]!;
    if (f.children.length > 0) {
      f.expected = f.children.reduce((a, ch) => a.plus(ch.expected), ZERO);
      continue;
    }
    if (asOf >= f.end) f.expected = f.target;
    else if (asOf < f.start) f.expected = ZERO;
    else prorated.unshift(prorateOpen(t, f));
  }
  return prorated;
}

/** The period holding asOf: its target × elapsed / all days (working days when spread by them), rounded; its step. */
function prorateOpen(t: Tracking, f: Flat): TargetTrackingStep {
  const elapsed = spanDays(f.start, t.asOf);
  let num = elapsed;
  let den = spanDays(f.start, f.end);
  let unit: 'days' | 'working days' = 'days';
  if (t.byWorkdays) {
    let w = 0;
    let all = 0;
    const base = daysFrom(f.start, t.start);
    for (let d = 0; d < den; d++) {
      const iso = plusDays(f.start, d);
      if (t.isWork(base + d, iso)) {
        all++;
        if (d < elapsed) w++;
      }
    }
    if (all > 0) {
      num = w;
      den = all;
      unit = 'working days';
    }
  }
  f.expected = roundDecimal(f.target.times(num).div(den), t.scale, t.mode);
  return { code: 'prorate', period: f.period, target: f.target, elapsed: num, of: den, unit, expected: f.expected, text: LATER };
}

/** Actuals read: known ids, no overlap, nothing after asOf (every issue of a kind reported at once); in order and by start. */
function readActuals(t: Tracking, actuals: Readonly<Record<string, DecimalInput>>): { given: Given[]; sorted: Given[] } {
  const { asOf, byId } = t;
  const issues = new IssueCollector();
  const given: Given[] = [];
  if (!isObject(actuals)) invalid(['actuals'], M.actualsObject(), { code: 'invalid_type', expected: 'an object' });
  for (const id of Object.keys(actuals)) {
    const f = byId.get(id);
    if (f === undefined) {
      issues.add(['actuals', id], M.notAPeriod(t.c.period), 'unknown_label', { received: JSON.stringify(id) });
      continue;
    }
    let amount: Decimal;
    try {
      amount = parseWith(decimalSchema, (actuals as Record<string, unknown>)[id], ['actuals', id]);
    } catch (error) {
      issues.addError(wrapThrown(error));
      continue;
    }
    if (f.start > asOf) {
      issues.add(['actuals', id], M.actualAfterAsOf(f.start, asOf), 'out_of_range', { limit: asOf, received: f.start });
      continue;
    }
    given.push({ id, f, amount });
  }
  issues.throwIfAny();
  const sorted = [...given].sort((a, b) =>
    a.f.start < b.f.start
      ? -1
      // Stryker disable next-line ConditionalExpression,EqualityOperator: the engine's sort (V8's TimSort: binary insertion, runs and gallops) only asks whether the answer is below 0, so 1 and 0 for a start not before the other's sort alike
      : a.f.start > b.f.start ? 1 : 0,
  );
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    if (cur.f.start <= prev.f.end) issues.add(['actuals', cur.id], M.actualOverlap(prev.id), 'invalid_input', { code: 'duplicate' });
  }
  issues.throwIfAny();
  return { given, sorted };
}

/** Actual to date on every period: given, or the sum of its children's when all that have started are known. */
function rollUpActuals(t: Tracking, given: readonly Given[]): void {
  const { asOf, flats } = t;
  for (const g of given) g.f.actual = g.amount;
  for (let k = flats.length - 1; k >= 0; k--) {
    const f = flats[k]!;
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a leaf has no started children, and a parent given an actual has none known (they would overlap it), so the sum below is never taken in either case
    if (f.actual !== null || f.children.length === 0) continue;
    const started = f.children.filter((ch) => ch.start <= asOf);
    if (started.length > 0 && started.every((ch) => ch.actual !== null)) f.actual = started.reduce((a, ch) => a.plus(ch.actual!), ZERO);
  }
}

/** Periods that have started and whose actual is not known (given, or summed from their sub-periods): one warning. */
function missingActuals(t: Tracking): Warning[] {
  const asOf = t.asOf;
  const missing: string[] = [];
  const uncovered = (list: readonly Flat[]) => {
    for (const f of list) {
      if (f.start > asOf || f.actual !== null) continue;
      if (f.children.length === 0) missing.push(f.period);
      else uncovered(f.children);
    }
  };
  uncovered(t.flats.filter((f) => f.parent === null));
  return missing.length === 0 ? [] : [{ code: 'missing-actual', message: W.missingActual(missing), path: ['actuals'] }];
}

/** The tracking figures overall and per period, with their steps (each with its sentence). */
function trackingOf(t: Tracking, prorated: readonly TargetTrackingStep[], given: readonly Given[], sorted: readonly Given[]): TargetTracking {
  const { asOf, total, start, end, scale, mode, ratioScale, flats } = t;
  const actualToDate = given.reduce((a, g) => a.plus(g.amount), ZERO);
  const expectedToDate = flats.filter((f) => f.parent === null).reduce((a, f) => a.plus(f.expected), ZERO);
  const warnings = missingActuals(t);
  const yearDays = spanDays(start, end);
  const elapsedDays = asOf < start ? 0 : Math.min(spanDays(start, asOf), yearDays);
  const remainingDays = yearDays - elapsedDays;
  const ratio = (a: Decimal, b: Decimal) => (b.isZero() ? null : roundRatio(a.div(b), ratioScale));
  const remaining = total.minus(actualToDate);
  const planLeft = total.minus(expectedToDate);
  const attainment = ratio(actualToDate, expectedToDate);
  const runRateForecast = elapsedDays === 0 ? null : roundDecimal(actualToDate.times(yearDays).div(elapsedDays), scale, mode);
  const planForecast = actualToDate.plus(planLeft);
  const requiredRate = ratio(remaining, planLeft);
  const requiredPerDay = remainingDays === 0 ? null : roundDecimal(remaining.div(remainingDays), scale, mode);
  const gap = expectedToDate.minus(actualToDate);
  const steps: TargetTrackingStep[] = [
    ...prorated,
    { code: 'expected-to-date', asOf, expectedToDate, total, text: LATER },
    { code: 'actual-to-date', actuals: sorted.map((g) => ({ period: g.id, actual: g.amount })), actualToDate, text: LATER },
    { code: 'attainment', actualToDate, expectedToDate, attainment, text: LATER },
    { code: 'gap', expectedToDate, actualToDate, gap, text: LATER },
    { code: 'run-rate-forecast', actualToDate, days: yearDays, elapsedDays, runRateForecast, text: LATER },
    { code: 'plan-forecast', actualToDate, total, expectedToDate, planForecast, text: LATER },
    { code: 'required-rate', remaining, planLeft, requiredRate, text: LATER },
    { code: 'required-per-day', remaining, remainingDays, requiredPerDay, text: LATER },
  ];
  for (const s of steps) s.text = trackingStepText(s, scale, EN);
  return {
    asOf,
    total,
    rounding: { scale, mode },
    elapsedDays,
    remainingDays,
    expectedToDate,
    actualToDate,
    attainment,
    runRateForecast,
    planForecast,
    remaining,
    requiredRate,
    requiredPerDay,
    gap,
    periods: flats.map((f) => periodOf(f, asOf, ratio)),
    steps,
    warnings,
  };
}

/** How one period stands as of the date. */
function periodOf(f: Flat, asOf: IsoDate, ratio: (a: Decimal, b: Decimal) => Decimal | null): TargetTrackingPeriod {
  return {
    period: f.period,
    kind: f.node.kind,
    parent: f.parent === null ? null : f.parent.period,
    start: f.start,
    end: f.end,
    status: asOf >= f.end ? 'closed' : asOf < f.start ? 'future' : 'open',
    target: isDecimal(f.node.target) ? f.node.target : f.target,
    expectedToDate: f.expected,
    actualToDate: f.actual,
    attainment: f.actual === null ? null : ratio(f.actual, f.expected),
    gap: f.actual === null ? null : f.expected.minus(f.actual),
  };
}
