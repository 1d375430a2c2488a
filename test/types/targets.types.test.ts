import { describe, expect, expectTypeOf, it } from 'vitest';
import { DealerkitError, type Decimal } from 'dealerkit';
import {
  adjustTarget,
  cascadeHierarchy,
  cascadeTarget,
  cascadeTargets,
  gregorianCalendar,
  isoWeekOf,
  isoWeeksInYear,
  paceTarget,
  retailCalendar,
  splitTarget,
  type IsoWeekDate,
  type TargetCalendar,
  type TargetCascade,
  type TargetHierarchy,
  type TargetPace,
  type TargetPeriod,
  type TargetPeriodKind,
  type TargetSplit,
  type TargetAdjustment,
  type TargetSpread,
  type TargetWeekday,
} from 'dealerkit/targets';

const y2026 = gregorianCalendar({ year: 2026 });

// Checked by `tsc` (the typecheck step); the misuse cases also throw at run time.
describe('targets types', () => {
  it('calendars and ISO weeks', () => {
    expectTypeOf(isoWeekOf('2026-01-01')).toEqualTypeOf<IsoWeekDate>();
    expectTypeOf(isoWeekOf('2026-01-01').isoYear).toEqualTypeOf<number>();
    expectTypeOf(isoWeeksInYear(2026)).toEqualTypeOf<52 | 53>();
    expectTypeOf(gregorianCalendar({ year: 2026 })).toEqualTypeOf<TargetCalendar>();
    expectTypeOf(retailCalendar.nrf(2026)).toEqualTypeOf<TargetCalendar>();
    expectTypeOf<TargetPeriodKind>().toEqualTypeOf<'quarter' | 'month' | 'week'>();
    expectTypeOf<TargetWeekday>().toEqualTypeOf<'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday'>();
    expect(() =>
      // @ts-expect-error: a pattern must be 4-4-5, 4-5-4 or 5-4-4
      retailCalendar({ fiscalYear: 2026, pattern: '4-4-4', yearEnd: { weekday: 'saturday', rule: 'last', month: 12 } }),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: weekdays are lower-case English names
      retailCalendar({ fiscalYear: 2026, pattern: '4-4-5', yearEnd: { weekday: 'Sat', rule: 'last', month: 12 } }),
    ).toThrow(DealerkitError);
    // @ts-expect-error: isoWeekOf takes a date, not a number
    expect(() => isoWeekOf(20260101)).toThrow(DealerkitError);
  });

  it('cascades', () => {
    const c = cascadeTarget({ total: 100, calendar: y2026, levels: ['month'], spread: 'even', scale: 0 });
    expectTypeOf(c).toEqualTypeOf<TargetCascade>();
    expectTypeOf(c.periods).toEqualTypeOf<TargetPeriod[]>();
    expectTypeOf(c.periods[0]!.target).toEqualTypeOf<Decimal>();
    expectTypeOf(cascadeTargets([1, '2'], { calendar: y2026, levels: ['month'], spread: 'days', scale: 0 })).toEqualTypeOf<TargetCascade[]>();
    expectTypeOf<{ profile: number[] }>().toMatchTypeOf<TargetSpread>();
    // @ts-expect-error: 'day' is not a level
    expect(() => cascadeTarget({ total: 100, calendar: y2026, levels: ['day'], spread: 'even', scale: 0 })).toThrow(DealerkitError);
    // @ts-expect-error: 'weekly' is not a spread
    expect(() => cascadeTarget({ total: 100, calendar: y2026, levels: ['month'], spread: 'weekly', scale: 0 })).toThrow(DealerkitError);
    // @ts-expect-error: scale is required
    expect(() => cascadeTarget({ total: 100, calendar: y2026, levels: ['month'], spread: 'even' })).toThrow(DealerkitError);
    // @ts-expect-error: weeks is 'split' or 'thursday'
    expect(() => cascadeTarget({ total: 100, calendar: y2026, levels: ['week'], weeks: 'iso', spread: 'even', scale: 0 })).toThrow(DealerkitError);
  });

  it('splits, hierarchies, pace and adjustment', () => {
    expectTypeOf(splitTarget(10, [{ id: 'a', weight: 1 }], { scale: 0 })).toEqualTypeOf<TargetSplit>();
    expectTypeOf(cascadeHierarchy(10, { id: 'r', children: [{ id: 'a', weight: 1 }] }, { scale: 0 })).toEqualTypeOf<TargetHierarchy>();
    const c = cascadeTarget({ total: 100, calendar: y2026, levels: ['month'], spread: 'even', scale: 0 });
    expectTypeOf(paceTarget(c, {}, { asOf: '2026-03-01' })).toEqualTypeOf<TargetPace>();
    expectTypeOf(paceTarget(c, {}, { asOf: '2026-03-01' }).attainment).toEqualTypeOf<Decimal | null>();
    expectTypeOf(adjustTarget(10, { demandChange: -0.1, rules: [{ drop: 0.1, targetFactor: 0.9, rewardCoefficient: 1.1 }] })).toEqualTypeOf<TargetAdjustment>();
    // @ts-expect-error: a child needs a weight
    expect(() => splitTarget(10, [{ id: 'a' }], { scale: 0 })).toThrow(DealerkitError);
    // @ts-expect-error: asOf is required
    expect(() => paceTarget(c, {}, {})).toThrow(DealerkitError);
    // @ts-expect-error: rules are required
    expect(() => adjustTarget(10, { demandChange: -0.1 })).toThrow(DealerkitError);
  });
});
