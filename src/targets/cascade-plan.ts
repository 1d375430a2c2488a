// Compiling a cascade: the calendar's periods at the levels asked, their spread (days, workdays,
// weeks, custom weights) and the integer weights of every split, worked out once per spec.
import { Decimal, ONE, ZERO } from '../core/decimal.js';
import type { IsoDate } from '../core/dates.js';
import { IssueCollector, fail, invalid, unknownLabel, type IssuePath } from '../core/errors.js';
import type * as z from 'zod/mini';
import { nonNegativeDecimalSchema } from '../core/schema.js';
import type { Warning } from '../core/result.js';
import { isBuiltCalendar, type TargetCalendar, type TargetPeriodKind } from './calendar.js';
import { WEEKDAY_NAMES, plusDays, spanDays, daysFrom, weekdayOf, type TargetWeekday } from './days.js';
import { repath } from './repath.js';
import { isDefinedJson, readDefined } from '../core/defined.js';
import { CALENDAR_JSON } from './calendar-json.js';
import { buildGregorian } from './gregorian.js';
import { NRF_SPEC, buildRetail } from './retail.js';
import { TARGETS_MESSAGES as M, TARGETS_WARNINGS as W } from './messages.js';
import { ownEntries, parseTargets } from './own.js';
import { cascadeShape, type calendarSpecShape } from './schema.js';
import type { TargetCascadeStep, TargetWeightBasis } from './steps.js';
import { BASIS, EN, PLURAL, WEIGHT, cascadeStartParts, cascadeStepText, exact, unitsText } from './text.js';
import { intWeights } from './units.js';
import { type TargetWeekRef, type TargetPartialWeek, type BasePeriod, type SpreadParsed, type LevelSpread, type Slot, type Group, type CascadePlan } from './cascade-types.js';

const RANK: Readonly<Record<TargetPeriodKind, number>> = { quarter: 0, month: 1, week: 2 };

function resolveCalendar(c: TargetCalendar | Record<string, unknown> | z.output<typeof calendarSpecShape>): TargetCalendar {
  if (isBuiltCalendar(c)) return c;
  if (isDefinedJson(c, 'target-calendar')) return readDefined(c, CALENDAR_JSON, ['calendar']);
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
  // Stryker disable next-line ConditionalExpression: weeks is null on a retail calendar (refused otherwise), and with it the Gregorian block only reads its first and last week
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
        // Stryker disable next-line EqualityOperator: at equal dates both arms of each ternary are the same date
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
    // Stryker disable next-line StringLiteral: a base period's kind is never read (a slot takes its kind from the levels)
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
  // Stryker disable next-line ArrayDeclaration,StringLiteral: a plain spread never reads its periods, and its fallback is only read for a reference
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
    // Stryker disable next-line OptionalChaining: an object spread was parsed from this raw value, so raw is never undefined here
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
      // Stryker disable next-line StringLiteral: the empty text is a placeholder that cascadeStepText writes over below (the step's code literal on this line is checked by the types and by tests)
      weightSteps.push({ code: 'profile-by-days', period: where, spread: source, within: only.id, text: '' });
    } else {
      // Children cut across profile periods: weight = Σ value × overlap days × (L / period days).
      let l = 1;
      for (const p of touched) {
        const d = p.to - p.from + 1;
        l = (l / gcd(l, d)) * d;
      }
      weights = overlaps.map((list) => list.reduce((a, o) => a.plus(o.p.value.times(o.days * (l / (o.p.to - o.p.from + 1)))), ZERO));
      // Stryker disable next-line StringLiteral: the empty text is a placeholder that cascadeStepText writes over below (the step's code literal on this line is checked by the types and by tests)
      weightSteps.push({ code: 'profile-overlap', period: where, spread: source, multiple: l, text: '' });
    }
  }
  if (weights.every((w) => w.isZero())) {
    // Stryker disable next-line ConditionalExpression: every other spread's fallback is 'days' (a profile's and a plain spread's), so the list is ['days', 'days'] either way
    const kinds: ('even' | 'days' | 'workdays')[] = spread.kind === 'reference' ? [spread.fallback, 'days'] : ['days'];
    for (const k of kinds) {
      weights = simple(k);
      if (!weights.every((w) => w.isZero())) {
        // Stryker disable next-line StringLiteral: the empty text is a placeholder that cascadeStepText writes over below (the step's code literal on this line is checked by the types and by tests)
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
  // Stryker disable next-line EqualityOperator: a write at index spanLen of a Uint8Array of that length is ignored
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
          // Stryker disable next-line EqualityOperator: only dates outside the plan get here, so d is never equal to spanStart
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
  // Stryker disable next-line EqualityOperator: a write at index spanLen + 1 of an Int32Array of length spanLen + 1 is ignored
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

/** The levels' order (no repeats, coarse to fine) and how weeks nest: the week treatment used, or null. */
function checkLevels(levels: readonly TargetPeriodKind[], weeks: 'split' | 'thursday' | null, calendar: TargetCalendar, base: IssuePath): 'split' | 'thursday' | null {
  const issues = new IssueCollector();
  levels.forEach((k, i) => {
    // Stryker disable next-line ConditionalExpression: at i = 0 the previous level is undefined: k is not it, indexOf(k) is 0 and a rank compared with undefined is false, so nothing is added
    if (i === 0) return;
    const previous = levels[i - 1]!;
    // Stryker disable next-line ConditionalExpression: k === previous implies levels.indexOf(k) < i, so dropping the first test changes nothing
    if (k === previous || levels.indexOf(k) < i) issues.add([...base, 'levels', i], M.levelRepeated(k), 'invalid_input', { code: 'duplicate', received: `'${k}'` });
    // Stryker disable next-line EqualityOperator: equal ranks mean the same kind, which the branch above has taken
    else if (RANK[k] < RANK[previous]) issues.add([...base, 'levels', i], M.levelOrder(previous, k), 'invalid_input', { code: 'not_ascending', received: `'${k}'` });
  });
  issues.throwIfAny();
  const weekIndex = levels.indexOf('week');
  if (calendar.system === 'retail') {
    if (weeks !== null) invalid([...base, 'weeks'], M.weeksOnRetail(), { code: 'inconsistent' });
  } else if (weekIndex >= 0 && weeks === null) {
    const parent = weekIndex === 0 ? `the year ${calendar.period}` : `'${levels[weekIndex - 1]}'`;
    invalid([...base, 'levels', weekIndex], M.weekDoesNotNest(parent), { code: 'inconsistent' });
  } else if (weekIndex < 0 && weeks !== null) {
    invalid([...base, 'weeks'], M.weeksWithoutWeekLevel(), { code: 'inconsistent' });
  }
  // Stryker disable next-line ConditionalExpression: without a week level, weeks is null here (a weeks setting without one was refused above)
  return weekIndex < 0 ? null : weeks;
}

/**
 * The slots of each level under the root, level by level: each period of a level cut to each parent
 * it overlaps (a week cut at a month or quarter end gets an id of its own per part). @internal
 */
function slotTree(
  root: Slot,
  levels: readonly TargetPeriodKind[],
  periods: Record<TargetPeriodKind, BasePeriod[]>,
  mkSlot: (id: string, kind: TargetPeriodKind, from: number, to: number, week: TargetWeekRef | null) => Slot,
): Slot[][] {
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
  return byDepth;
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
  const weeks = checkLevels(levels, spec.weeks ?? null, calendar, base);

  const rawSpread = (input as { spread?: unknown }).spread;
  const spreadList = Array.isArray(spec.spread) ? (spec.spread as SpreadParsed[]) : null;
  if (spreadList !== null && spreadList.length !== levels.length) {
    invalid([...base, 'spread'], M.spreadPerLevel(levels.length, spreadList.length), {
      // Stryker disable next-line EqualityOperator: inside a test that the lengths differ, so they are never equal
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
  // Stryker disable next-line ArrayDeclaration: the loop below fills every index from 0 to spanLen − 1
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
    // Stryker disable next-line StringLiteral: only the root keeps this basis (every other slot gets its group's), and the root is not output
    basis: 'even',
  });
  // Stryker disable next-line ArithmeticOperator: every base period already lies within 0 to spanLen − 1, so the root's end only clips what is inside it, and its own days and workdays are not output
  const root = mkSlot(calendar.period, 'quarter', 0, spanLen - 1, null);
  const byDepth = slotTree(root, levels, periods, mkSlot);

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
    // Stryker disable next-line StringLiteral: the empty text is a placeholder that cascadeStepText writes over below (the step's code literal on this line is checked by the types and by tests)
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
