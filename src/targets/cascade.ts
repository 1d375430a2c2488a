import { Decimal, ONE, ZERO } from '../core/decimal.js';
import type { IsoDate } from '../core/dates.js';
import { IssueCollector, fail, invalid, wrapThrown, unknownLabel, type IssuePath } from '../core/errors.js';
import type * as z from 'zod/mini';
import { parseWith } from '../core/schema.js';
import { isBuiltCalendar, type TargetCalendar, type TargetPeriodKind } from './calendar.js';
import { WEEKDAY_NAMES, plusDays, spanDays, daysFrom, weekdayOf, type TargetWeekday } from './days.js';
import { repath } from './repath.js';
import { buildGregorian } from './gregorian.js';
import { NRF_SPEC, buildRetail } from './retail.js';
import { cascadeShape, type CascadeTargetSpec, type calendarSpecShape } from './schema.js';
import { apportion, decimalOfUnits, intWeights, unitsOf, type IntWeights, type Units } from './units.js';

/** The basis of a period's weight: what its share of the parent was computed from. */
export type TargetWeightBasis = 'even' | 'days' | 'workdays' | 'profile' | 'reference';

/** The ISO week a Gregorian week period is (part of). */
export interface TargetWeekRef {
  /** The ISO week's id, `2026-W05`. */
  id: string;
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
  /** Unique in the cascade: `2026-Q1`, `2026-03`, `2026-W09`; a week cut at a month end is `2026-W05@2026-01`. */
  id: string;
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
  id: string;
  /** Its target. */
  target: Decimal;
  /** The sum of its children's targets. */
  childrenSum: Decimal;
  /** childrenSum − target: a few units either way. */
  difference: Decimal;
}

/** A week at the year's start or end that the calendar year holds only part of, and how the cascade treated it. */
export interface TargetPartialWeek {
  /** ISO week id. */
  id: string;
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

/** A remark on how a split was made (a fallback, or how a profile was read at that level). */
export interface TargetCascadeNote {
  /** The parent whose split it concerns (or `<year>:<level>` under `'direct'`). */
  period: string;
  /** What happened. */
  message: string;
}

/** The result of `cascadeTarget`: a tree of periods whose targets sum exactly to their parent (under `'nested'`). */
export interface TargetCascade {
  /** The year's id (`'2026'`, `'FY2026'`). */
  id: string;
  /** The year's target. */
  total: Decimal;
  /** Decimal places of every target. */
  scale: number;
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
  spreads: ('even' | 'days' | 'workdays' | 'profile' | 'reference')[];
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
    periods: number;
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
  /** Fallbacks and how profiles were read. */
  notes: TargetCascadeNote[];
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
}

type SpreadParsed =
  | 'even'
  | 'days'
  | 'workdays'
  | { profile: Decimal[] | Record<string, Decimal> }
  | { reference: Decimal[] | Record<string, Decimal>; fallback?: 'even' | 'days' | 'workdays' | undefined };

interface LevelSpread {
  kind: 'even' | 'days' | 'workdays' | 'profile' | 'reference';
  /** Profile or reference periods, chronological, tiling the span. */
  periods: { id: string; from: number; to: number; value: Decimal }[];
  fallback: 'even' | 'days' | 'workdays';
}

/** A validated, compiled cascade spec: reuse it for many totals. @internal */
export interface CascadePlan {
  calendar: TargetCalendar;
  scale: number;
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
  notes: TargetCascadeNote[];
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

function weekRefOf(p: { id: string; isoYear?: number; isoWeek?: number; start: IsoDate; end: IsoDate }): Omit<TargetWeekRef, 'portion'> {
  return { id: p.id, isoYear: p.isoYear!, isoWeek: p.isoWeek!, start: p.start, end: p.end };
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
        partialWeeks.push({ id: w.id, start: w.start, end: w.end, daysInYear: inYear, daysOutsideYear: 7 - inYear, treatment });
      }
    }
  }
  const off = (d: IsoDate) => daysFrom(d, spanStart);
  const spanLen = spanDays(spanStart, spanEnd);
  const clip = (from: number, to: number) => [Math.max(0, from), Math.min(spanLen - 1, to)] as const;
  const week: BasePeriod[] = weekList.map((w) => {
    const [from, to] = clip(off(w.start), off(w.end));
    return { id: w.id, kind: 'week', from, to, week: calendar.system === 'gregorian' ? weekRefOf(w) : null };
  });
  const byThursday = (start: IsoDate, end: IsoDate): [number, number] => {
    // Under 'thursday' a month or quarter is the run of weeks whose Thursday falls in it.
    const inside = week.filter((w) => {
      const th = plusDays(w.week!.start, 3);
      return th >= start && th <= end;
    });
    return [inside[0]!.from, inside[inside.length - 1]!.to];
  };
  const mk = (kind: TargetPeriodKind) => (p: { id: string; start: IsoDate; end: IsoDate }): BasePeriod => {
    const [from, to] = weeks === 'thursday' ? byThursday(p.start, p.end) : [off(p.start), off(p.end)];
    return { id: p.id, kind, from, to, week: null };
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

function describeLevel(kind: TargetPeriodKind): string {
  return kind === 'quarter' ? 'quarters' : kind === 'month' ? 'months' : 'weeks';
}

function resolveSpread(
  spread: SpreadParsed,
  path: IssuePath,
  base: Record<TargetPeriodKind, BasePeriod[]>,
  calendarId: string,
): LevelSpread {
  if (typeof spread === 'string') return { kind: spread, periods: [], fallback: 'days' };
  const isProfile = 'profile' in spread;
  const values = isProfile ? spread.profile : spread.reference;
  const key = isProfile ? 'profile' : 'reference';
  const vpath = [...path, key];
  let periods: BasePeriod[];
  let list: Decimal[];
  if (Array.isArray(values)) {
    const kind = (['quarter', 'month', 'week'] as const).find((k) => base[k].length === values.length);
    if (kind === undefined) {
      invalid(
        vpath,
        `must hold one weight per quarter (${base.quarter.length}), month (${base.month.length}) or week (${base.week.length}) of ${calendarId}, received ${values.length}`,
      );
    }
    periods = base[kind];
    list = values;
  } else {
    const ids = Object.keys(values);
    if (ids.length === 0) invalid(vpath, 'must hold at least one period');
    const firstKind = (['quarter', 'month', 'week'] as const).find((k) => base[k].some((p) => p.id === ids[0]));
    if (firstKind === undefined) unknownLabel([...vpath, ids[0]!], `is not a quarter, month or week of ${calendarId}`);
    periods = base[firstKind];
    const issues = new IssueCollector();
    const known = new Set(periods.map((p) => p.id));
    for (const id of ids) {
      if (!known.has(id)) issues.add([...vpath, id], `is not one of the ${describeLevel(firstKind)} of ${calendarId} (the first key, ${ids[0]}, makes this a ${firstKind} ${key})`, 'unknown_label');
    }
    issues.throwIfAny();
    const missing = periods.filter((p) => !(p.id in values)).map((p) => p.id);
    if (missing.length > 0) invalid(vpath, `lacks ${missing.length === 1 ? 'a weight' : 'weights'} for ${missing.join(', ')}`);
    list = periods.map((p) => values[p.id]!);
  }
  if (isProfile && list.every((v) => v.isZero())) fail('out_of_range', vpath, 'must not be all zero');
  const fallback = isProfile ? 'days' : (spread.fallback ?? 'days');
  return { kind: isProfile ? 'profile' : 'reference', periods: periods.map((p, i) => ({ id: p.id, from: p.from, to: p.to, value: list[i]! })), fallback };
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** The weights of one split: the children's weights under a level's spread, with the fallbacks. */
function groupWeights(slots: Slot[], spread: LevelSpread, where: string, notes: TargetCascadeNote[]): Group {
  let basis: TargetWeightBasis = spread.kind;
  let weights: Decimal[];
  const simple = (kind: 'even' | 'days' | 'workdays'): Decimal[] =>
    slots.map((s) => (kind === 'even' ? ONE : new Decimal(kind === 'days' ? s.days : s.workdays)));
  if (spread.kind === 'even' || spread.kind === 'days' || spread.kind === 'workdays') {
    weights = simple(spread.kind);
  } else {
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
      notes.push({ period: where, message: `inside ${spread.kind} period ${only.id}, spread by days (the ${spread.kind} is even within it)` });
    } else {
      // Children cut across profile periods: weight = Σ value × overlap days × (L / period days).
      let l = 1;
      for (const p of touched) {
        const d = p.to - p.from + 1;
        l = (l / gcd(l, d)) * d;
      }
      weights = overlaps.map((list) => list.reduce((a, o) => a.plus(o.p.value.times(o.days * (l / (o.p.to - o.p.from + 1)))), ZERO));
      notes.push({
        period: where,
        message: `the periods cut across ${spread.kind} periods: each weight is Σ ${spread.kind} weight × overlapping days × ${l} / the ${spread.kind} period's days`,
      });
    }
  }
  if (weights.every((w) => w.isZero())) {
    const kinds: ('even' | 'days' | 'workdays')[] =
      spread.kind === 'reference' ? [spread.fallback, 'days'] : ['days'];
    for (const k of kinds) {
      weights = simple(k);
      if (!weights.every((w) => w.isZero())) {
        notes.push({ period: where, message: `the ${spread.kind} weights sum to zero here; fell back to ${k}` });
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
  return { slots, ints: intWeights(weights) };
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
        issues.add(['workdays', key, i], `is outside the plan (${spanStart} to ${spanEnd}), received ${d}`, 'out_of_range');
        return;
      }
      const k = daysFrom(d, spanStart);
      if (value === 1 && work[k] === 1) issues.add(['workdays', key, i], `is a working day already (${WEEKDAY_NAMES[(first + k) % 7]}), received ${d}`);
      work[k] = value;
    });
  };
  place(spec?.holidays, 'holidays', 0);
  const holidaySet = new Set(spec?.holidays ?? []);
  (spec?.extraWorkdays ?? []).forEach((d, i) => {
    if (holidaySet.has(d)) issues.add(['workdays', 'extraWorkdays', i], `is also listed as a holiday, received ${d}`);
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

/** Validates a cascade spec (without its total) and compiles everything that does not depend on the total. @internal */
export function compileCascade(input: unknown, base: IssuePath = []): { plan: CascadePlan; total: Decimal } {
  const spec = parseWith(cascadeShape, input, base);
  let calendar: TargetCalendar;
  try {
    calendar = resolveCalendar(spec.calendar);
  } catch (error) {
    throw rebase(error, base);
  }
  const levels = spec.levels as TargetPeriodKind[];
  const issues = new IssueCollector();
  levels.forEach((k, i) => {
    if (i > 0 && RANK[k] <= RANK[levels[i - 1]!]) {
      issues.add([...base, 'levels', i], `must be finer than '${levels[i - 1]}' (levels go coarsest first, each once), received '${k}'`);
    }
  });
  issues.throwIfAny();
  const weekIndex = levels.indexOf('week');
  let weeks: 'split' | 'thursday' | null = spec.weeks ?? null;
  if (calendar.system === 'retail') {
    if (weeks !== null) invalid([...base, 'weeks'], 'applies to Gregorian calendars only: retail weeks never straddle two months');
  } else if (weekIndex >= 0 && weeks === null) {
    const parent = weekIndex === 0 ? `the year ${calendar.id}` : `'${levels[weekIndex - 1]}'`;
    invalid(
      [...base, 'levels', weekIndex],
      `'week' does not nest in ${parent} on a Gregorian calendar (ISO weeks straddle months and the year's ends); set weeks to 'split' (cut at month ends) or 'thursday' (each week whole, in the month of its Thursday)`,
    );
  } else if (weekIndex < 0 && weeks !== null) {
    invalid([...base, 'weeks'], "is only used when levels include 'week'");
  }
  if (weekIndex < 0) weeks = null;

  const spreadList = Array.isArray(spec.spread) ? (spec.spread as SpreadParsed[]) : null;
  if (spreadList !== null && spreadList.length !== levels.length) {
    invalid([...base, 'spread'], `must hold one spread per level (${levels.length}), received ${spreadList.length}`);
  }
  const { spanStart, spanLen, partialWeeks, periods } = basePeriods(calendar, weeks);
  const spreads = levels.map((_, i) =>
    resolveSpread(
      spreadList === null ? (spec.spread as SpreadParsed) : spreadList[i]!,
      spreadList === null ? [...base, 'spread'] : [...base, 'spread', i],
      periods,
      calendar.id,
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
  const root = mkSlot(calendar.id, 'quarter', 0, spanLen - 1, null);
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

  const notes: TargetCascadeNote[] = [];
  const path = spec.path ?? 'nested';
  const directGroups: Group[] = [];
  if (path === 'nested') {
    const visit = (slot: Slot, depth: number) => {
      if (slot.children.length === 0) return;
      slot.childGroup = groupWeights(slot.children, spreads[depth]!, slot.id, notes);
      for (const c of slot.children) visit(c, depth + 1);
    };
    visit(root, 0);
  } else {
    byDepth.forEach((level, d) => directGroups.push(groupWeights(level, spreads[d]!, `${calendar.id}:${levels[d]}`, notes)));
  }
  const plan: CascadePlan = {
    calendar,
    scale: spec.scale,
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
    notes,
    spanWorkdays: workdaysIn(0, spanLen - 1),
  };
  return { plan, total: spec.total };
}

function outputNode(plan: CascadePlan, slot: Slot, target: Decimal, up: boolean, children: TargetPeriod[]): TargetPeriod {
  const node: TargetPeriod = {
    id: slot.id,
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

// Remainders of the split in progress (at most 32), filled before any recursion reads them.
const scratch = new Float64Array(32);

/**
 * Hamilton on plain numbers for the common small split (what `apportionUnits` does, ties to the
 * earlier position), writing parts into one array and flagging leftover units by sign: a part
 * that got a leftover unit is stored as −(part + 1). Null when the numbers are not small enough.
 */
function smallSplit(units: Units, w: IntWeights): Float64Array | null {
  const ints = w.ints;
  const n = w.bigs.length;
  if (typeof units !== 'number' || ints === null || n > 32 || units * w.sum > Number.MAX_SAFE_INTEGER) return null;
  const rems = scratch;
  const parts = new Float64Array(n);
  const total = w.sum;
  let given = 0;
  for (let i = 0; i < n; i++) {
    const a = units * ints[i]!;
    const r = a % total;
    const q = (a - r) / total;
    parts[i] = q;
    rems[i] = r;
    given += q;
  }
  for (let k = units - given; k > 0; k--) {
    let best = -1;
    for (let i = 0; i < n; i++) if (rems[i]! >= 0 && (best < 0 || rems[i]! > rems[best]!)) best = i;
    rems[best] = -1;
    parts[best] = -(parts[best]! + 1) - 1;
  }
  return parts;
}

function nestedNodes(plan: CascadePlan, parent: Slot, units: Units): TargetPeriod[] {
  const group = parent.childGroup!;
  const small = smallSplit(units, group.ints);
  const general = small === null ? apportion(units, group.ints) : null;
  const n = group.slots.length;
  const out = new Array<TargetPeriod>(n);
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
      const v = small[i]!;
      roundedUp = v < 0;
      u = roundedUp ? -v - 1 : v;
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
    out[i] = outputNode(plan, slot, target, roundedUp, slot.childGroup === null ? [] : nestedNodes(plan, slot, u));
  }
  return out;
}

/** Runs a compiled cascade for one validated total. @internal */
export function runCascade(plan: CascadePlan, total: Decimal, totalPath: IssuePath): TargetCascade {
  const units = unitsOf(total, plan.scale, totalPath);
  let periods: TargetPeriod[];
  const differences: TargetCascadeDifference[] = [];
  if (plan.path === 'nested') {
    periods = nestedNodes(plan, plan.root, units);
  } else {
    // Every level from the year: split each level's whole list, then hang children on parents.
    const made = new Map<Slot, TargetPeriod>();
    for (let d = plan.byDepth.length - 1; d >= 0; d--) {
      const group = plan.directGroups[d]!;
      const { parts, up } = apportion(units, group.ints);
      group.slots.forEach((slot, i) => made.set(slot, outputNode(plan, slot, decimalOfUnits(parts[i]!, plan.scale), up[i]!, slot.children.map((c) => made.get(c)!))));
    }
    periods = plan.root.children.map((c) => made.get(c)!);
    const walk = (list: TargetPeriod[]) => {
      for (const p of list) {
        if (p.children.length === 0) continue;
        const sum = p.children.reduce((a, c) => a.plus(c.target), ZERO);
        differences.push({ id: p.id, target: p.target, childrenSum: sum, difference: sum.minus(p.target) });
        walk(p.children);
      }
    };
    walk(periods);
  }
  // Every split's parts sum exactly to the units split (Hamilton), so each level sums to the total;
  // the property tests check this by adding the targets up independently.
  const levelSums: TargetCascade['levelSums'] = [];
  const totalDecimal = decimalOfUnits(units, plan.scale);
  plan.byDepth.forEach((level, d) => levelSums.push({ kind: plan.levels[d]!, periods: level.length, sum: totalDecimal }));
  const spanLen = plan.dates.length;
  return {
    id: plan.calendar.id,
    total: totalDecimal,
    scale: plan.scale,
    system: plan.calendar.system,
    start: plan.dates[0]!,
    end: plan.dates[spanLen - 1]!,
    days: spanLen,
    workdays: plan.spanWorkdays,
    levels: [...plan.levels],
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
    notes: plan.notes.map((n) => ({ ...n })),
  };
}

/**
 * Cascades a year's target down a calendar (quarters, months, weeks) so that every level sums
 * exactly to its parent, and every figure traces to its weight.
 *
 * Each split is largest-remainder (Hamilton) on whole units of `10^-scale`: each child gets the
 * floor of its exact share `parent × weight / weightTotal`, and the leftover units go to the
 * largest remainders, ties to the earlier period (`roundedUp` marks them).
 *
 * - `spread`: `'even'`, `'days'`, `'workdays'`, `{ profile }` (seasonal weights per quarter, month or
 *   week) or `{ reference, fallback? }` (last year's actuals; a split whose reference sums to zero
 *   falls back to `fallback`, `'days'` by default); one for all levels or one per level.
 * - `weeks` (Gregorian): `'split'` cuts weeks at month ends (the parts are `2026-W05@2026-01` and
 *   `2026-W05@2026-02`); `'thursday'` keeps weeks whole, each in the month of its Thursday, and every
 *   month is then the run of its weeks (2026-01 runs from 2025-12-29 to 2026-02-01).
 * - `path`: `'nested'` (default) splits each level inside its parent; `'direct'` splits every level
 *   from the year, so each level sums to the total but children may differ from their parent by a
 *   few units (listed in `differences`).
 *
 * @example
 * ```ts
 * const c = cascadeTarget({ total: 100000000, calendar: gregorianCalendar({ year: 2026 }), levels: ['quarter', 'month'], spread: 'even', scale: 0 });
 * c.periods.map((q) => q.target.toString());
 * //=> ['25000000', '25000000', '25000000', '25000000']
 * c.periods[0].children.map((m) => m.target.toString());
 * //=> ['8333334', '8333333', '8333333']
 * ```
 */
export function cascadeTarget(spec: CascadeTargetSpec): TargetCascade {
  try {
    const { plan, total } = compileCascade(spec);
    return runCascade(plan, total, ['total']);
  } catch (error) {
    throw wrapThrown(error);
  }
}

function parseTotal(value: unknown, path: IssuePath): Decimal {
  // A dealer's target from cascadeHierarchy is already one of our Decimals: no need for zod.
  if (value instanceof Decimal && value.isFinite() && !value.isNegative()) return value;
  return parseWith(cascadeShape.shape.total, value, path);
}

/**
 * {@link cascadeTarget} for many totals on one spec, validated and compiled once (a cascade per
 * dealer). Each total must be non-negative with at most `scale` decimals; errors name `totals[i]`.
 *
 * @example
 * ```ts
 * const spec = { calendar: retailCalendar.nrf(2026), levels: ['month'], spread: 'even', scale: 0 } as const;
 * cascadeTargets([1200, 13], spec).map((c) => c.periods.slice(0, 2).map((m) => m.target.toString()));
 * //=> [['100', '100'], ['2', '1']]
 * ```
 */
export function cascadeTargets(totals: readonly CascadeTargetSpec['total'][], spec: Omit<CascadeTargetSpec, 'total'>): TargetCascade[] {
  try {
    if (!Array.isArray(totals)) invalid(['totals'], 'must be an array of totals');
    const { plan } = compileCascade({ ...spec, total: 0 }, []);
    const out = new Array<TargetCascade>(totals.length);
    for (let i = 0; i < totals.length; i++) out[i] = runCascade(plan, parseTotal(totals[i], ['totals', i]), ['totals', i]);
    return out;
  } catch (error) {
    throw wrapThrown(error);
  }
}
