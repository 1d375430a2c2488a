import { Decimal, ONE, ZERO, type DecimalInput } from '../core/decimal.js';
import type { IsoDate } from '../core/dates.js';
import { IssueCollector, fail, invalid, wrapThrown, unknownLabel, type IssuePath } from '../core/errors.js';
import type * as z from 'zod/mini';
import { nonNegativeDecimalSchema, parseWith } from '../core/schema.js';
import type { RoundingMode } from '../core/money.js';
import type { Step, Warning } from '../core/result.js';
import { batchOptionsOf, runBatch, type BatchResult } from '../core/batch.js';
import { isBuiltCalendar, type TargetCalendar, type TargetPeriodKind } from './calendar.js';
import { WEEKDAY_NAMES, plusDays, spanDays, daysFrom, weekdayOf, type TargetWeekday } from './days.js';
import { repath } from './repath.js';
import { buildGregorian } from './gregorian.js';
import { NRF_SPEC, buildRetail } from './retail.js';
import { TARGETS_MESSAGES as M, TARGETS_WARNINGS as W } from './messages.js';
import { ownEntries, parseTargets } from './own.js';
import { batchOptionsShape, cascadeRowShape, cascadeShape, type CascadeTargetRow, type CascadeTargetSpec, type CascadeTargetsOptions, type calendarSpecShape } from './schema.js';
import type { TargetCascadeSplitStep, TargetCascadeStep, TargetWeightBasis } from './steps.js';
import { BASIS, EN, PLURAL, WEIGHT, amount, batchSentence, cascadeStartParts, cascadeStepText, exact, splitSentence, unitsText } from './text.js';
import { apportion, decimalOfUnits, intWeights, unitsOf, type IntWeights, type Units } from './units.js';
import { apportionScaled } from '../core/scaled.js';

/** The ISO week a Gregorian week period is (part of). */
export interface TargetWeekRef {
  /** The ISO week's period id, `2026-W05`. */
  period: string;
  /** ISO week-numbering year. */
  isoYear: number;
  /** ISO week number. */
  isoWeek: number;
  /** The week's Monday. */
  start: IsoDate;
  /** The week's Sunday. */
  end: IsoDate;
  /** True when this period holds only part of the week (cut at a month end or the year's end under `weeks: 'split'`). */
  portion: boolean;
}

/** One period of a {@link TargetCascade}, with the weight its target came from and its children. */
export interface TargetPeriod {
  /** The period id, unique in the cascade: `2026-Q1`, `2026-03`, `2026-W09`; a week cut at a month end is `2026-W05@2026-01`. */
  period: string;
  /** Quarter, month or week. */
  kind: TargetPeriodKind;
  /** First day. */
  start: IsoDate;
  /** Last day (included). */
  end: IsoDate;
  /** Calendar days. */
  days: number;
  /** Working days (weekdays not on the weekend list or a holiday, plus extra working days). */
  workdays: number;
  /** The weight of this period in its split (days, workdays, profile or reference weight, 1 when even). */
  weight: Decimal;
  /** The sum of the weights of the split it belongs to (its siblings under `'nested'`, its whole level under `'direct'`). */
  weightTotal: Decimal;
  /** What the weight is. */
  basis: TargetWeightBasis;
  /** True when the period got one of the leftover units: target = floor(share × weight / weightTotal) + one unit. */
  roundedUp: boolean;
  /** The target, in major units at the cascade's scale. */
  target: Decimal;
  /** Gregorian weeks: the ISO week. */
  week?: TargetWeekRef;
  /** The sub-periods (empty at the last level). */
  children: TargetPeriod[];
}

/** Under `path: 'direct'`: how far a parent's children are from it. */
export interface TargetCascadeDifference {
  /** The parent period. */
  period: string;
  /** Its target. */
  target: Decimal;
  /** The sum of its children's targets. */
  childrenSum: Decimal;
  /** childrenSum − target: a few units either way. */
  difference: Decimal;
}

/** A week at the year's start or end that the calendar year holds only part of, and how the cascade treated it. */
export interface TargetPartialWeek {
  /** The ISO week's period id. */
  period: string;
  /** The week's Monday. */
  start: IsoDate;
  /** The week's Sunday. */
  end: IsoDate;
  /** Days of the week inside the calendar's year. */
  daysInYear: number;
  /** Days of the week outside it. */
  daysOutsideYear: number;
  /** `'clipped'`: only its days in the year count (split); `'whole'`: the whole week counts (its Thursday is in the year); `'excluded'`: left to the neighbouring year (its Thursday is there). */
  treatment: 'clipped' | 'whole' | 'excluded';
}

/** The result of `cascadeTarget`: a tree of periods whose targets sum exactly to their parent (under `'nested'`). */
export interface TargetCascade {
  /** The year's period id (`'2026'`, `'FY2026'`). */
  period: string;
  /** The year's target. */
  total: Decimal;
  /** Decimal places of every target, and the mode `trackTarget` rounds its prorations with. */
  rounding: {
    /** Decimal places of every target. */
    scale: number;
    /** The rounding mode kept for `trackTarget`. */
    mode: RoundingMode;
  };
  /** The calendar system. */
  system: 'gregorian' | 'retail';
  /** First day covered (under `weeks: 'thursday'`, the Monday of the first week). */
  start: IsoDate;
  /** Last day covered. */
  end: IsoDate;
  /** Days covered. */
  days: number;
  /** Working days covered. */
  workdays: number;
  /** The levels, coarsest first. */
  levels: TargetPeriodKind[];
  /** The spread of each level. */
  spreads: TargetWeightBasis[];
  /** Nested (each level inside its parent) or direct (each level from the year). */
  path: 'nested' | 'direct';
  /** Gregorian week rule, or null. */
  weeks: 'split' | 'thursday' | null;
  /** The periods of the first level, each with its children. */
  periods: TargetPeriod[];
  /** Per level: how many periods and the sum of their targets (always the total). */
  levelSums: {
    /** The level. */
    kind: TargetPeriodKind;
    /** How many periods it has. */
    count: number;
    /** The sum of their targets. */
    sum: Decimal;
  }[];
  /** Under `'direct'`: every parent's difference from its children's sum; empty under `'nested'`. */
  differences: TargetCascadeDifference[];
  /** Weeks the calendar year holds only part of. */
  partialWeeks: TargetPartialWeek[];
  /** The working-day rules used for every `workdays` figure. */
  workdayRules: {
    /** Days off every week. */
    weekend: TargetWeekday[];
    /** Holidays, sorted. */
    holidays: IsoDate[];
    /** Extra working days, sorted. */
    extraWorkdays: IsoDate[];
  };
  /** How every figure was reached, in order: the cascade, partial weeks, each split (with how its weights were read), differences. */
  steps: TargetCascadeStep[];
  /** What to look at: spreads that fell back, parents that differ from their sub-periods under `'direct'`. */
  warnings: Warning[];
}

// ---------------------------------------------------------------------------------------------
// Plan: everything that does not depend on the total, computed once per spec.

interface BasePeriod {
  id: string;
  kind: TargetPeriodKind;
  from: number;
  to: number;
  week: Omit<TargetWeekRef, 'portion'> | null;
}

interface Slot {
  id: string;
  kind: TargetPeriodKind;
  from: number;
  to: number;
  days: number;
  workdays: number;
  week: TargetWeekRef | null;
  children: Slot[];
  /** Set when this slot's children are split inside it (nested). */
  childGroup: Group | null;
  weight: Decimal;
  weightTotal: Decimal;
  basis: TargetWeightBasis;
}

interface Group {
  slots: Slot[];
  ints: IntWeights;
  /** The parent's id in steps (`<year>:<level>` under 'direct'). */
  where: string;
  kind: TargetPeriodKind;
  basis: TargetWeightBasis;
  weightTotal: Decimal;
  /** True under an even spread: the sentence gives the even share. */
  even: boolean;
  /** How the weights were read (profile by days, overlaps, fallbacks): steps before the split's. */
  weightSteps: TargetCascadeStep[];
  /** The split sentence's parts that do not depend on the amount. */
  weightTotalText: string;
  noun: string;
  by: string;
  weightWord: string;
}

type SpreadParsed =
  | 'even'
  | 'days'
  | 'workdays'
  | { profile: Decimal[] | Record<string, Decimal> }
  | { reference: Decimal[] | Record<string, Decimal>; fallback?: 'even' | 'days' | 'workdays' | undefined };

interface LevelSpread {
  kind: TargetWeightBasis;
  /** Profile or reference periods, chronological, tiling the span. */
  periods: { id: string; from: number; to: number; value: Decimal }[];
  fallback: 'even' | 'days' | 'workdays';
  /** Where the spread was given, for warnings. */
  path: IssuePath;
}

/** A validated, compiled cascade spec: reuse it for many totals. @internal */
export interface CascadePlan {
  calendar: TargetCalendar;
  scale: number;
  /** True when no rounding.scale was given (errors then say how to give one). */
  scaleDefaulted: boolean;
  mode: RoundingMode;
  path: 'nested' | 'direct';
  weeks: 'split' | 'thursday' | null;
  levels: TargetPeriodKind[];
  spreads: LevelSpread[];
  dates: IsoDate[];
  root: Slot;
  byDepth: Slot[][];
  directGroups: Group[];
  partialWeeks: TargetPartialWeek[];
  workdayRules: { weekend: TargetWeekday[]; holidays: IsoDate[]; extraWorkdays: IsoDate[] };
  /** Steps that do not depend on the total (partial weeks). */
  headSteps: TargetCascadeStep[];
  /** Warnings that do not depend on the total (fallbacks). */
  warnings: Warning[];
  /** The first sentence around its total. */
  startParts: [string, string];
  /** One unit of 10^-scale, as text. */
  unitText: string;
  spanWorkdays: number;
}

const RANK: Readonly<Record<TargetPeriodKind, number>> = { quarter: 0, month: 1, week: 2 };

function resolveCalendar(c: TargetCalendar | z.output<typeof calendarSpecShape>): TargetCalendar {
  if (isBuiltCalendar(c)) return c;
  const spec = c as z.output<typeof calendarSpecShape>;
  if (spec.system === 'gregorian') {
    try {
      return buildGregorian(spec);
    } catch (error) {
      throw rebase(error, ['calendar']);
    }
  }
  if (spec.system === 'nrf') return buildRetail({ fiscalYear: spec.fiscalYear, ...NRF_SPEC });
  return buildRetail(spec);
}

function rebase(error: unknown, base: IssuePath): unknown {
  return repath(error, (p) => [...base, ...p]);
}

function weekRefOf(p: { period: string; isoYear?: number; isoWeek?: number; start: IsoDate; end: IsoDate }): Omit<TargetWeekRef, 'portion'> {
  return { period: p.period, isoYear: p.isoYear!, isoWeek: p.isoWeek!, start: p.start, end: p.end };
}

/** The base periods of each kind over the span, and the span itself. */
function basePeriods(calendar: TargetCalendar, weeks: 'split' | 'thursday' | null) {
  let spanStart = calendar.start;
  let spanEnd = calendar.end;
  const partialWeeks: TargetPartialWeek[] = [];
  let weekList = calendar.weeks.map((w) => ({ ...w }));
  if (calendar.system === 'gregorian') {
    const first = weekList[0]!;
    const last = weekList[weekList.length - 1]!;
    const thursdayIn = (w: { start: IsoDate }) => {
      const th = plusDays(w.start, 3);
      return th >= calendar.start && th <= calendar.end;
    };
    if (weeks === 'thursday') {
      weekList = weekList.filter(thursdayIn);
      spanStart = weekList[0]!.start;
      spanEnd = weekList[weekList.length - 1]!.end;
    }
    if (weeks !== null) {
      for (const w of [first, last]) {
        const inYear = spanDays(w.start < calendar.start ? calendar.start : w.start, w.end > calendar.end ? calendar.end : w.end);
        if (inYear === 7) continue;
        const treatment = weeks === 'split' ? 'clipped' : thursdayIn(w) ? 'whole' : 'excluded';
        partialWeeks.push({ period: w.period, start: w.start, end: w.end, daysInYear: inYear, daysOutsideYear: 7 - inYear, treatment });
      }
    }
  }
  const off = (d: IsoDate) => daysFrom(d, spanStart);
  const spanLen = spanDays(spanStart, spanEnd);
  const clip = (from: number, to: number) => [Math.max(0, from), Math.min(spanLen - 1, to)] as const;
  const week: BasePeriod[] = weekList.map((w) => {
    const [from, to] = clip(off(w.start), off(w.end));
    return { id: w.period, kind: 'week', from, to, week: calendar.system === 'gregorian' ? weekRefOf(w) : null };
  });
  const byThursday = (start: IsoDate, end: IsoDate): [number, number] => {
    // Under 'thursday' a month or quarter is the run of weeks whose Thursday falls in it.
    const inside = week.filter((w) => {
      const th = plusDays(w.week!.start, 3);
      return th >= start && th <= end;
    });
    return [inside[0]!.from, inside[inside.length - 1]!.to];
  };
  const mk = (kind: TargetPeriodKind) => (p: { period: string; start: IsoDate; end: IsoDate }): BasePeriod => {
    const [from, to] = weeks === 'thursday' ? byThursday(p.start, p.end) : [off(p.start), off(p.end)];
    return { id: p.period, kind, from, to, week: null };
  };
  return {
    spanStart,
    spanLen,
    partialWeeks,
    periods: {
      quarter: calendar.quarters.map(mk('quarter')),
      month: calendar.months.map(mk('month')),
      week,
    } as Record<TargetPeriodKind, BasePeriod[]>,
  };
}

function resolveSpread(
  spread: SpreadParsed,
  raw: unknown,
  path: IssuePath,
  base: Record<TargetPeriodKind, BasePeriod[]>,
  calendarId: string,
): LevelSpread {
  if (typeof spread === 'string') return { kind: spread, periods: [], fallback: 'days', path };
  const isProfile = 'profile' in spread;
  const values = isProfile ? spread.profile : spread.reference;
  const key = isProfile ? 'profile' : 'reference';
  const vpath = [...path, key];
  let periods: BasePeriod[];
  let list: Decimal[];
  if (Array.isArray(values)) {
    const kind = (['quarter', 'month', 'week'] as const).find((k) => base[k].length === values.length);
    if (kind === undefined) {
      invalid(vpath, M.profileLength(base.quarter.length, base.month.length, base.week.length, calendarId, values.length), {
        code: 'invalid_value',
        expected: `${base.quarter.length}, ${base.month.length} or ${base.week.length} weights`,
        received: `${values.length} weights`,
      });
    }
    periods = base[kind];
    list = values;
  } else {
    const rawValues = (raw as Record<string, unknown> | undefined)?.[key];
    const byId = ownEntries(rawValues, values, nonNegativeDecimalSchema, vpath);
    const ids = [...byId.keys()];
    if (ids.length === 0) invalid(vpath, M.profileEmpty(), { code: 'too_short', limit: '1' });
    const firstKind = (['quarter', 'month', 'week'] as const).find((k) => base[k].some((p) => p.id === ids[0]));
    if (firstKind === undefined) unknownLabel([...vpath, ids[0]!], M.profileUnknownPeriod(calendarId), { received: ids[0]! });
    periods = base[firstKind];
    const issues = new IssueCollector();
    const known = new Set(periods.map((p) => p.id));
    for (const id of ids) {
      if (!known.has(id)) issues.add([...vpath, id], M.profileOtherLevel(PLURAL[firstKind], calendarId, ids[0]!, firstKind, key), 'unknown_label', { received: id });
    }
    issues.throwIfAny();
    const missing = periods.filter((p) => !byId.has(p.id)).map((p) => p.id);
    if (missing.length > 0) invalid(vpath, M.profileMissing(missing), { code: 'required' });
    list = periods.map((p) => byId.get(p.id)!);
  }
  if (isProfile && list.every((v) => v.isZero())) fail('out_of_range', vpath, M.profileAllZero(), { code: 'out_of_range', expected: 'weights summing above 0', limit: '0' });
  const fallback = isProfile ? 'days' : (spread.fallback ?? 'days');
  return { kind: isProfile ? 'profile' : 'reference', periods: periods.map((p, i) => ({ id: p.id, from: p.from, to: p.to, value: list[i]! })), fallback, path };
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** The weights of one split: the children's weights under a level's spread, with the fallbacks. */
function groupWeights(slots: Slot[], spread: LevelSpread, where: string, kind: TargetPeriodKind, warnings: Warning[]): Group {
  let basis: TargetWeightBasis = spread.kind;
  let weights: Decimal[];
  const weightSteps: TargetCascadeStep[] = [];
  const simple = (k: 'even' | 'days' | 'workdays'): Decimal[] =>
    slots.map((s) => (k === 'even' ? ONE : new Decimal(k === 'days' ? s.days : s.workdays)));
  if (spread.kind === 'even' || spread.kind === 'days' || spread.kind === 'workdays') {
    weights = simple(spread.kind);
  } else {
    const source = spread.kind;
    // Each child overlaps some profile periods; a profile period spreads its weight evenly over its days.
    const overlaps = slots.map((s) =>
      spread.periods
        .filter((p) => p.to >= s.from && p.from <= s.to)
        .map((p) => ({ p, days: Math.min(p.to, s.to) - Math.max(p.from, s.from) + 1 })),
    );
    const whole = overlaps.every((list) => list.every((o) => o.days === o.p.to - o.p.from + 1));
    const touched = new Set(overlaps.flatMap((list) => list.map((o) => o.p)));
    if (whole) {
      weights = overlaps.map((list) => list.reduce((a, o) => a.plus(o.p.value), ZERO));
    } else if (touched.size === 1) {
      const only = [...touched][0]!;
      basis = 'days';
      weights = simple('days');
      weightSteps.push({ code: 'profile-by-days', period: where, spread: source, within: only.id, text: '' });
    } else {
      // Children cut across profile periods: weight = Σ value × overlap days × (L / period days).
      let l = 1;
      for (const p of touched) {
        const d = p.to - p.from + 1;
        l = (l / gcd(l, d)) * d;
      }
      weights = overlaps.map((list) => list.reduce((a, o) => a.plus(o.p.value.times(o.days * (l / (o.p.to - o.p.from + 1)))), ZERO));
      weightSteps.push({ code: 'profile-overlap', period: where, spread: source, multiple: l, text: '' });
    }
  }
  if (weights.every((w) => w.isZero())) {
    const kinds: ('even' | 'days' | 'workdays')[] = spread.kind === 'reference' ? [spread.fallback, 'days'] : ['days'];
    for (const k of kinds) {
      weights = simple(k);
      if (!weights.every((w) => w.isZero())) {
        weightSteps.push({ code: 'fallback', period: where, from: spread.kind, to: k, text: '' });
        warnings.push({ code: 'spread-fallback', message: W.spreadFallback(where, spread.kind, k), path: [...spread.path] });
        basis = k;
        break;
      }
    }
  }
  const total = weights.reduce((a, w) => a.plus(w), ZERO);
  slots.forEach((s, i) => {
    s.weight = weights[i]!;
    s.weightTotal = total;
    s.basis = basis;
  });
  for (const n of weightSteps) n.text = cascadeStepText(n, 0, EN);
  return {
    slots,
    ints: intWeights(weights),
    where,
    kind,
    basis,
    weightTotal: total,
    even: basis === 'even',
    weightSteps,
    weightTotalText: exact(total, EN),
    noun: PLURAL[kind],
    by: BASIS[basis],
    weightWord: WEIGHT[basis],
  };
}

function workdayTable(
  spec: { weekend?: TargetWeekday[] | undefined; holidays?: IsoDate[] | undefined; extraWorkdays?: IsoDate[] | undefined } | undefined,
  spanStart: IsoDate,
  spanLen: number,
  dates: IsoDate[],
) {
  const weekend = spec?.weekend ?? ['saturday', 'sunday'];
  const off = new Set(weekend.map((d) => WEEKDAY_NAMES.indexOf(d)));
  const first = weekdayOf(spanStart);
  const work = new Uint8Array(spanLen);
  for (let i = 0; i < spanLen; i++) work[i] = off.has((first + i) % 7) ? 0 : 1;
  const issues = new IssueCollector();
  const spanEnd = dates[spanLen - 1]!;
  const place = (list: IsoDate[] | undefined, key: string, value: 0 | 1) => {
    (list ?? []).forEach((d, i) => {
      if (d < spanStart || d > spanEnd) {
        issues.add(['workdays', key, i], M.holidayOutside(spanStart, spanEnd, d), 'out_of_range', {
          code: 'out_of_range',
          expected: `from ${spanStart} to ${spanEnd}`,
          received: d,
          limit: d < spanStart ? spanStart : spanEnd,
        });
        return;
      }
      const k = daysFrom(d, spanStart);
      if (value === 1 && work[k] === 1) issues.add(['workdays', key, i], M.alreadyWorkday(WEEKDAY_NAMES[(first + k) % 7]!, d), 'invalid_input', { code: 'invalid_value', received: d });
      work[k] = value;
    });
  };
  place(spec?.holidays, 'holidays', 0);
  const holidaySet = new Set(spec?.holidays ?? []);
  (spec?.extraWorkdays ?? []).forEach((d, i) => {
    if (holidaySet.has(d)) issues.add(['workdays', 'extraWorkdays', i], M.extraIsHoliday(d), 'invalid_input', { code: 'inconsistent', received: d });
  });
  place(spec?.extraWorkdays, 'extraWorkdays', 1);
  issues.throwIfAny();
  const prefix = new Int32Array(spanLen + 1);
  for (let i = 0; i < spanLen; i++) prefix[i + 1] = prefix[i]! + work[i]!;
  return {
    prefix,
    rules: {
      weekend: [...weekend],
      holidays: [...(spec?.holidays ?? [])].sort(),
      extraWorkdays: [...(spec?.extraWorkdays ?? [])].sort(),
    },
  };
}

/** Validates a cascade spec and compiles everything that does not depend on the total. @internal */
export function compileCascade(input: unknown, base: IssuePath = []): CascadePlan {
  const spec = parseTargets(cascadeShape, input, base);
  let calendar: TargetCalendar;
  try {
    calendar = resolveCalendar(spec.calendar);
  } catch (error) {
    throw rebase(error, base);
  }
  const levels = spec.levels as TargetPeriodKind[];
  const issues = new IssueCollector();
  levels.forEach((k, i) => {
    if (i === 0) return;
    const previous = levels[i - 1]!;
    if (k === previous || levels.indexOf(k) < i) issues.add([...base, 'levels', i], M.levelRepeated(k), 'invalid_input', { code: 'duplicate', received: `'${k}'` });
    else if (RANK[k] < RANK[previous]) issues.add([...base, 'levels', i], M.levelOrder(previous, k), 'invalid_input', { code: 'not_ascending', received: `'${k}'` });
  });
  issues.throwIfAny();
  const weekIndex = levels.indexOf('week');
  let weeks: 'split' | 'thursday' | null = spec.weeks ?? null;
  if (calendar.system === 'retail') {
    if (weeks !== null) invalid([...base, 'weeks'], M.weeksOnRetail(), { code: 'inconsistent' });
  } else if (weekIndex >= 0 && weeks === null) {
    const parent = weekIndex === 0 ? `the year ${calendar.period}` : `'${levels[weekIndex - 1]}'`;
    invalid([...base, 'levels', weekIndex], M.weekDoesNotNest(parent), { code: 'inconsistent' });
  } else if (weekIndex < 0 && weeks !== null) {
    invalid([...base, 'weeks'], M.weeksWithoutWeekLevel(), { code: 'inconsistent' });
  }
  if (weekIndex < 0) weeks = null;

  const rawSpread = (input as { spread?: unknown }).spread;
  const spreadList = Array.isArray(spec.spread) ? (spec.spread as SpreadParsed[]) : null;
  if (spreadList !== null && spreadList.length !== levels.length) {
    invalid([...base, 'spread'], M.spreadPerLevel(levels.length, spreadList.length), {
      code: spreadList.length < levels.length ? 'too_short' : 'too_long',
      limit: String(levels.length),
    });
  }
  const { spanStart, spanLen, partialWeeks, periods } = basePeriods(calendar, weeks);
  const spreads = levels.map((_, i) =>
    resolveSpread(
      spreadList === null ? (spec.spread as SpreadParsed) : spreadList[i]!,
      spreadList === null ? rawSpread : (rawSpread as unknown[])[i],
      spreadList === null ? [...base, 'spread'] : [...base, 'spread', i],
      periods,
      calendar.period,
    ),
  );
  const dates: IsoDate[] = new Array<IsoDate>(spanLen);
  for (let i = 0; i < spanLen; i++) dates[i] = plusDays(spanStart, i);
  let table: ReturnType<typeof workdayTable>;
  try {
    table = workdayTable(spec.workdays, spanStart, spanLen, dates);
  } catch (error) {
    throw rebase(error, base);
  }
  const workdaysIn = (from: number, to: number) => table.prefix[to + 1]! - table.prefix[from]!;

  const mkSlot = (id: string, kind: TargetPeriodKind, from: number, to: number, week: TargetWeekRef | null): Slot => ({
    id,
    kind,
    from,
    to,
    days: to - from + 1,
    workdays: workdaysIn(from, to),
    week,
    children: [],
    childGroup: null,
    weight: ZERO,
    weightTotal: ZERO,
    basis: 'even',
  });
  const root = mkSlot(calendar.period, 'quarter', 0, spanLen - 1, null);
  const byDepth: Slot[][] = [];
  let parents = [root];
  for (const kind of levels) {
    const level: Slot[] = [];
    for (const parent of parents) {
      for (const p of periods[kind]) {
        if (p.to < parent.from || p.from > parent.to) continue;
        const from = Math.max(p.from, parent.from);
        const to = Math.min(p.to, parent.to);
        let id = p.id;
        let week: TargetWeekRef | null = null;
        if (p.week !== null) {
          week = { ...p.week, portion: to - from + 1 < 7 };
          // Cut inside the year (at a month or quarter end): the week has another part elsewhere.
          if (from !== p.from || to !== p.to) id = `${p.id}@${parent.id}`;
        }
        const slot = mkSlot(id, kind, from, to, week);
        parent.children.push(slot);
        level.push(slot);
      }
    }
    byDepth.push(level);
    parents = level;
  }

  const warnings: Warning[] = [];
  const path = spec.path ?? 'nested';
  const directGroups: Group[] = [];
  if (path === 'nested') {
    const visit = (slot: Slot, depth: number) => {
      if (slot.children.length === 0) return;
      slot.childGroup = groupWeights(slot.children, spreads[depth]!, slot.id, levels[depth]!, warnings);
      for (const c of slot.children) visit(c, depth + 1);
    };
    visit(root, 0);
  } else {
    byDepth.forEach((level, d) => directGroups.push(groupWeights(level, spreads[d]!, `${calendar.period}:${levels[d]}`, levels[d]!, warnings)));
  }
  const scale = spec.rounding?.scale ?? 0;
  const headSteps: TargetCascadeStep[] = partialWeeks.map((w) => {
    const step: TargetCascadeStep = { code: 'partial-week', period: w.period, start: w.start, end: w.end, daysInYear: w.daysInYear, treatment: w.treatment, text: '' };
    step.text = cascadeStepText(step, scale, EN);
    return step;
  });
  return {
    calendar,
    scale,
    scaleDefaulted: spec.rounding?.scale === undefined,
    mode: spec.rounding?.mode ?? 'half-up',
    path,
    weeks,
    levels,
    spreads,
    dates,
    root,
    byDepth,
    directGroups,
    partialWeeks,
    workdayRules: table.rules,
    headSteps,
    warnings,
    startParts: cascadeStartParts(calendar.period, calendar.system, dates[0]!, dates[spanLen - 1]!, spanLen, levels, path, EN),
    unitText: unitsText(1, scale, EN),
    spanWorkdays: workdaysIn(0, spanLen - 1),
  };
}

function outputNode(plan: CascadePlan, slot: Slot, target: Decimal, up: boolean, children: TargetPeriod[]): TargetPeriod {
  const node: TargetPeriod = {
    period: slot.id,
    kind: slot.kind,
    start: plan.dates[slot.from]!,
    end: plan.dates[slot.to]!,
    days: slot.days,
    workdays: slot.workdays,
    weight: slot.weight,
    weightTotal: slot.weightTotal,
    basis: slot.basis,
    roundedUp: up,
    target,
    children,
  };
  if (slot.week !== null) node.week = { ...slot.week };
  return node;
}

/** The step of one split, its sentence built from units (the same text `cascadeStepText` gives). */
function splitStep(plan: CascadePlan, group: Group, period: string, units: Units, amount: Decimal, each: Decimal | null, leftover: number, roundedUp: string[]): TargetCascadeSplitStep {
  let eachText: string | null = null;
  let eachPlus = '';
  if (group.even) {
    const n = group.slots.length;
    const floor: Units = typeof units === 'number' ? Math.floor(units / n) : units / BigInt(n);
    eachText = unitsText(floor, plan.scale, EN);
    if (leftover > 0) eachPlus = unitsText(typeof floor === 'number' ? floor + 1 : floor + BigInt(1), plan.scale, EN);
  }
  return {
    code: 'split',
    period,
    kind: group.kind,
    amount,
    count: group.slots.length,
    basis: group.basis,
    weightTotal: group.weightTotal,
    each: group.even ? each : null,
    leftover,
    roundedUp,
    text: splitSentence({
      prefix: `${period}: `,
      amount: unitsText(units, plan.scale, EN),
      count: group.slots.length,
      noun: group.noun,
      by: group.by,
      weightWord: group.weightWord,
      weightTotal: group.weightTotalText,
      each: eachText,
      eachPlus,
      unit: plan.unitText,
      leftover,
      roundedUp,
    }),
  };
}

// The last level's periods share one frozen empty list of children: a cascade of 10,000 dealers
// has half a million of them, and an empty list per period was a good part of its garbage.
const NO_CHILDREN: TargetPeriod[] = Object.freeze([]) as unknown as TargetPeriod[];

function nestedNodes(plan: CascadePlan, parent: Slot, units: Units, amount: Decimal, steps: TargetCascadeStep[] | null): TargetPeriod[] {
  const group = parent.childGroup!;
  // The common small split in plain numbers (core/scaled), else the general one (bigints past 2^53).
  const ints = group.ints.ints;
  const small = typeof units === 'number' && ints !== null ? apportionScaled(units, ints, group.ints.sum) : null;
  const general = small === null ? apportion(units, group.ints) : null;
  const n = group.slots.length;
  const out = new Array<TargetPeriod>(n);
  // The split's step comes before its children's: keep its place, fill it once the parts are known.
  let at = -1;
  let roundedUpIds: string[] | null = null;
  if (steps !== null) {
    for (const note of group.weightSteps) steps.push({ ...note });
    at = steps.length;
    steps.push(undefined as unknown as TargetCascadeStep);
    roundedUpIds = [];
  }
  let each: Decimal | null = null;
  // Siblings of equal weight get one of two amounts: reuse their (immutable) Decimals.
  let aUnits: Units = -1;
  let aDec: Decimal = ZERO;
  let bUnits: Units = -1;
  let bDec: Decimal = ZERO;
  for (let i = 0; i < n; i++) {
    const slot = group.slots[i]!;
    let u: Units;
    let roundedUp: boolean;
    if (small !== null) {
      u = small[i]!;
      // A leftover unit went to this part when it exceeds its exact share (both products below 2^53).
      roundedUp = u * group.ints.sum > (units as number) * ints![i]!;
    } else {
      u = general!.parts[i]!;
      roundedUp = general!.up[i]!;
    }
    let target: Decimal;
    if (u === aUnits) target = aDec;
    else if (u === bUnits) target = bDec;
    else {
      target = decimalOfUnits(u, plan.scale);
      bUnits = aUnits;
      bDec = aDec;
      aUnits = u;
      aDec = target;
    }
    if (roundedUpIds !== null) {
      if (roundedUp) roundedUpIds.push(slot.id);
      else if (each === null) each = target;
    }
    out[i] = outputNode(plan, slot, target, roundedUp, slot.childGroup === null ? NO_CHILDREN : nestedNodes(plan, slot, u, target, steps));
  }
  if (steps !== null) steps[at] = splitStep(plan, group, parent.id, units, amount, each, roundedUpIds!.length, roundedUpIds!);
  return out;
}

/** Runs a compiled cascade for one validated total; `summary` leaves out its steps (the figures stay). @internal */
export function runCascade(plan: CascadePlan, total: Decimal, totalPath: IssuePath, summary = false): TargetCascade {
  return cascadeUnits(plan, unitsOf(total, plan.scale, totalPath, plan.scaleDefaulted), summary);
}

/** Runs a compiled cascade for a total in units of 10^-scale. */
function cascadeUnits(plan: CascadePlan, units: Units, summary: boolean): TargetCascade {
  const totalDecimal = decimalOfUnits(units, plan.scale);
  const spanLen = plan.dates.length;
  const levels = [...plan.levels];
  const steps: TargetCascadeStep[] = [];
  if (!summary) {
    steps.push({
      code: 'cascade',
      period: plan.calendar.period,
      total: totalDecimal,
      system: plan.calendar.system,
      start: plan.dates[0]!,
      end: plan.dates[spanLen - 1]!,
      days: spanLen,
      levels,
      path: plan.path,
      text: plan.startParts[0] + unitsText(units, plan.scale, EN) + plan.startParts[1],
    });
    for (const s of plan.headSteps) steps.push({ ...s });
  }
  const warnings: Warning[] = plan.warnings.length === 0 ? [] : plan.warnings.map((w) => ({ ...w, path: [...(w.path ?? [])] }));
  let periods: TargetPeriod[];
  const differences: TargetCascadeDifference[] = [];
  if (plan.path === 'nested') {
    periods = nestedNodes(plan, plan.root, units, totalDecimal, summary ? null : steps);
  } else {
    // Every level from the year: split each level's whole list, then hang children on parents.
    const splits = plan.directGroups.map((group) => apportion(units, group.ints));
    plan.directGroups.forEach((group, d) => {
      if (summary) return;
      for (const note of group.weightSteps) steps.push({ ...note });
      const { parts, up } = splits[d]!;
      const roundedUp = group.slots.filter((_, i) => up[i]).map((s) => s.id);
      const plainIndex = up.indexOf(false);
      const each = plainIndex < 0 ? null : decimalOfUnits(parts[plainIndex]!, plan.scale);
      steps.push(splitStep(plan, group, plan.calendar.period, units, totalDecimal, each, roundedUp.length, roundedUp));
    });
    const made = new Map<Slot, TargetPeriod>();
    for (let d = plan.byDepth.length - 1; d >= 0; d--) {
      const group = plan.directGroups[d]!;
      const { parts, up } = splits[d]!;
      group.slots.forEach((slot, i) => made.set(slot, outputNode(plan, slot, decimalOfUnits(parts[i]!, plan.scale), up[i]!, slot.children.length === 0 ? NO_CHILDREN : slot.children.map((c) => made.get(c)!))));
    }
    periods = plan.root.children.map((c) => made.get(c)!);
    const walk = (list: TargetPeriod[]) => {
      for (const p of list) {
        if (p.children.length === 0) continue;
        const sum = p.children.reduce((a, c) => a.plus(c.target), ZERO);
        const difference = sum.minus(p.target);
        differences.push({ period: p.period, target: p.target, childrenSum: sum, difference });
        if (!difference.isZero() && !summary) {
          const step: TargetCascadeStep = { code: 'difference', period: p.period, target: p.target, childrenSum: sum, difference, text: '' };
          step.text = cascadeStepText(step, plan.scale, EN);
          steps.push(step);
        }
        walk(p.children);
      }
    };
    walk(periods);
    const off = differences.filter((d) => !d.difference.isZero()).length;
    if (off > 0) warnings.push({ code: 'direct-differences', message: W.directDifferences(off), path: ['path'] });
  }
  // Every split's parts sum exactly to the units split (Hamilton), so each level sums to the total;
  // the property tests check this by adding the targets up independently.
  const levelSums: TargetCascade['levelSums'] = [];
  plan.byDepth.forEach((level, d) => levelSums.push({ kind: plan.levels[d]!, count: level.length, sum: totalDecimal }));
  return {
    period: plan.calendar.period,
    total: totalDecimal,
    rounding: { scale: plan.scale, mode: plan.mode },
    system: plan.calendar.system,
    start: plan.dates[0]!,
    end: plan.dates[spanLen - 1]!,
    days: spanLen,
    workdays: plan.spanWorkdays,
    levels,
    spreads: plan.spreads.map((s) => s.kind),
    path: plan.path,
    weeks: plan.weeks,
    periods,
    levelSums,
    differences,
    partialWeeks: plan.partialWeeks.map((w) => ({ ...w })),
    workdayRules: {
      weekend: [...plan.workdayRules.weekend],
      holidays: [...plan.workdayRules.holidays],
      extraWorkdays: [...plan.workdayRules.extraWorkdays],
    },
    steps,
    warnings,
  };
}

/**
 * Cascades a year's target down a calendar (quarters, months, weeks) so that every level sums
 * exactly to its parent, and every figure traces to its weight.
 *
 * Each split is largest-remainder (Hamilton) on whole units of `10^-scale`: each child gets the
 * floor of its exact share `parent × weight / weightTotal`, and the leftover units go to the
 * largest remainders, ties to the earlier period (`roundedUp` marks them; each split's step lists them).
 *
 * - `spread`: `'even'`, `'days'`, `'workdays'`, `{ profile }` (seasonal weights per quarter, month or
 *   week) or `{ reference, fallback? }` (last year's actuals; a split whose reference sums to zero
 *   falls back to `fallback`, `'days'` by default, with a warning); one for all levels or one per level.
 * - `weeks` (Gregorian): `'split'` cuts weeks at month ends (the parts are `2026-W05@2026-01` and
 *   `2026-W05@2026-02`); `'thursday'` keeps weeks whole, each in the month of its Thursday, and every
 *   month is then the run of its weeks (2026-01 runs from 2025-12-29 to 2026-02-01).
 * - `path`: `'nested'` (default) splits each level inside its parent; `'direct'` splits every level
 *   from the year, so each level sums to the total but children may differ from their parent by a
 *   few units (listed in `differences`, with a warning).
 * - `rounding.scale`: decimal places of every target, 0 (whole units) by default.
 *
 * @param spec - How to cascade: calendar, levels, spread, working days, week rule, rounding, path.
 * @param total - The year's target, with at most `rounding.scale` decimals.
 * @example
 * ```ts
 * const c = cascadeTarget({ calendar: defineGregorianCalendar({ year: 2026 }), levels: ['quarter', 'month'], spread: 'even' }, 100000000);
 * c.periods.map((q) => q.target.toString());
 * //=> ['25000000', '25000000', '25000000', '25000000']
 * c.periods[0].children.map((m) => m.target.toString());
 * //=> ['8333334', '8333333', '8333333']
 * c.steps[2].text;
 * //=> '2026-Q1: 25,000,000 over 3 months, evenly: 8,333,333 each; the leftover 1 goes to 2026-01 (8,333,334).'
 * ```
 */
export function cascadeTarget(spec: CascadeTargetSpec, total: DecimalInput): TargetCascade {
  try {
    const plan = compileCascade(spec);
    return runCascade(plan, parseWith(nonNegativeDecimalSchema, total, ['total']), ['total']);
  } catch (error) {
    throw wrapThrown(error);
  }
}

/** The totals of `cascadeTargets`: over the rows that were cascaded. */
export interface TargetCascadeTotals {
  /** The sum of their totals. */
  total: Decimal;
  /** How many rows were cascaded. */
  count: number;
}

/** The step of `cascadeTargets`: how many totals were cascaded, and their sum. */
export interface TargetCascadeBatchStep extends Step {
  /** Always `'cascades'`. */
  code: 'cascades';
  /** How many rows were cascaded. */
  count: number;
  /** The sum of their totals. */
  total: Decimal;
}

const ROW_KEYS = new Set(['id', 'total']);

/** True when a row's own keys are `id` and `total` only (the fast path skips zod, which would refuse others). */
function onlyRowKeys(row: object): boolean {
  for (const k in row) if (!ROW_KEYS.has(k) && Object.prototype.hasOwnProperty.call(row, k)) return false;
  return true;
}

function rowTotal(row: unknown): Decimal {
  // A dealer's target from cascadeHierarchy is already one of our Decimals: no need for zod.
  if (typeof row === 'object' && row !== null && !Array.isArray(row)) {
    const r = row as { id?: unknown; total?: unknown };
    const t = r.total;
    const id = r.id;
    if (
      t instanceof Decimal &&
      t.isFinite() &&
      !t.isNegative() &&
      (id === undefined || (typeof id === 'string' && id !== '') || (typeof id === 'number' && Number.isFinite(id))) &&
      onlyRowKeys(row)
    ) {
      return t;
    }
  }
  return parseWith(cascadeRowShape, row, []).total;
}

/**
 * {@link cascadeTarget} for many rows (a cascade per dealer) on one spec, validated and compiled
 * once. Each row is `{ id?, total }`; the result has one entry per row with its id and cascade (or,
 * under `onError: 'collect'`, its error), and the sum of the totals cascaded. Errors name the row by
 * its id: `inputs[D-117].total`.
 *
 * @param spec - How to cascade, as for `cascadeTarget`.
 * @param inputs - The rows.
 * @param options - `onError: 'throw' | 'collect'`, `onProgress(done, total)`, and `detail: 'summary'` to leave out each cascade's steps.
 * @example
 * ```ts
 * const spec = { calendar: defineNrfCalendar(2026), levels: ['month'], spread: 'even' } as const;
 * const r = cascadeTargets(spec, [{ id: 'D01', total: 1200 }, { id: 'D02', total: 13 }]);
 * r.rows.map((row) => [row.id, row.result.periods.slice(0, 2).map((m) => m.target.toString())]);
 * //=> [['D01', ['100', '100']], ['D02', ['2', '1']]]
 * r.totals.total.toString();
 * //=> '1213'
 * ```
 */
export function cascadeTargets(
  spec: CascadeTargetSpec,
  inputs: readonly CascadeTargetRow[],
  options?: CascadeTargetsOptions,
): BatchResult<TargetCascade, TargetCascadeTotals> {
  try {
    const parsed = options === undefined ? undefined : parseWith(batchOptionsShape, options, ['options']);
    const opts = batchOptionsOf(parsed === undefined ? undefined : { onError: parsed.onError, onProgress: parsed.onProgress });
    const summary = parsed?.detail === 'summary';
    const plan = compileCascade(spec);
    if (!Array.isArray(inputs)) invalid(['inputs'], M.rowsArray(), { code: 'invalid_type' });
    // The totals add up in units (a BigInt once beyond 2^53), counted only for rows that were cascaded.
    let sum = 0;
    let bigSum = BigInt(0);
    let count = 0;
    const run = runBatch(
      inputs,
      'inputs',
      (row: unknown) => {
        const units = unitsOf(rowTotal(row), plan.scale, ['total'], plan.scaleDefaulted);
        const cascade = cascadeUnits(plan, units, summary);
        if (typeof units === 'number' && sum + units <= Number.MAX_SAFE_INTEGER) sum += units;
        else bigSum += BigInt(units);
        count++;
        return cascade;
      },
      opts,
    );
    const total = decimalOfUnits(bigSum === BigInt(0) ? sum : bigSum + BigInt(sum), plan.scale);
    const step: TargetCascadeBatchStep = {
      code: 'cascades',
      count,
      total,
      text: batchSentence(count, amount(total, plan.scale, EN)),
    };
    return { rows: run.rows, totals: { total, count }, failed: run.failed, warnings: [], steps: [step] };
  } catch (error) {
    throw wrapThrown(error);
  }
}
