import { describe, expect, expectTypeOf, it } from 'vitest';
import { DealerkitError, type BatchResult, type Decimal, type ExplainOptions, type Warning } from 'dealerkit';
import {
  adjustTarget,
  calculateIsoWeeksInYear,
  cascadeHierarchy,
  cascadeTarget,
  cascadeTargets,
  defineGregorianCalendar,
  defineNrfCalendar,
  defineRetailCalendar,
  explainAdjustment,
  explainCascade,
  explainHierarchy,
  explainSplit,
  explainTracking,
  splitTarget,
  toIsoWeek,
  trackTarget,
  type AdjustTargetInput,
  type AdjustTargetOptions,
  type AdjustTargetSpec,
  type CascadeTargetRow,
  type CascadeTargetSpec,
  type CascadeTargetsOptions,
  type IsoWeekDate,
  type SplitTargetOptions,
  type TargetAdjustment,
  type TargetAdjustmentStep,
  type TargetCalendar,
  type TargetCascade,
  type TargetCascadeSplitStep,
  type TargetCascadeStep,
  type TargetCascadeTotals,
  type TargetChild,
  type TargetHierarchy,
  type TargetPeriod,
  type TargetPeriodKind,
  type TargetRounding,
  type TargetSplit,
  type TargetSplitStep,
  type TargetSpread,
  type TargetTracking,
  type TargetTrackingStep,
  type TargetTreeNode,
  type TargetWeekday,
  type TrackTargetOptions,
} from 'dealerkit/targets';

const y2026 = defineGregorianCalendar({ year: 2026 });
const spec: CascadeTargetSpec = { calendar: y2026, levels: ['month'], spread: 'even' };

// Checked by `tsc` (the typecheck step); the misuse cases also throw at run time.
describe('targets types', () => {
  it('calendars and ISO weeks: define*, to*, calculate*', () => {
    expectTypeOf(toIsoWeek).toEqualTypeOf<(date: string | Date) => IsoWeekDate>();
    expectTypeOf(toIsoWeek('2026-01-01').period).toEqualTypeOf<string>();
    expectTypeOf(calculateIsoWeeksInYear).toEqualTypeOf<(isoYear: number) => 52 | 53>();
    expectTypeOf(defineGregorianCalendar({ year: 2026 })).toEqualTypeOf<TargetCalendar>();
    expectTypeOf(defineNrfCalendar).toEqualTypeOf<(fiscalYear: number) => TargetCalendar>();
    expectTypeOf(y2026.period).toEqualTypeOf<string>();
    expectTypeOf(y2026.months[0]!.period).toEqualTypeOf<string>();
    expectTypeOf<TargetPeriodKind>().toEqualTypeOf<'quarter' | 'month' | 'week'>();
    expectTypeOf<TargetWeekday>().toEqualTypeOf<'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday'>();
    expect(() =>
      // @ts-expect-error: a pattern must be 4-4-5, 4-5-4 or 5-4-4
      defineRetailCalendar({ fiscalYear: 2026, pattern: '4-4-4', yearEnd: { weekday: 'saturday', rule: 'last', month: 12 } }),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: weekdays are lower-case English names
      defineRetailCalendar({ fiscalYear: 2026, pattern: '4-4-5', yearEnd: { weekday: 'Sat', rule: 'last', month: 12 } }),
    ).toThrow(DealerkitError);
    // @ts-expect-error: toIsoWeek takes a date, not a number
    expect(() => toIsoWeek(20260101)).toThrow(DealerkitError);
  });

  it('cascades: the spec first, the total second; rounding, not scale', () => {
    expectTypeOf(cascadeTarget).parameters.toEqualTypeOf<[spec: CascadeTargetSpec, total: string | number | Decimal]>();
    const c = cascadeTarget(spec, 100);
    expectTypeOf(c).toEqualTypeOf<TargetCascade>();
    expectTypeOf(c.periods).toEqualTypeOf<TargetPeriod[]>();
    expectTypeOf(c.periods[0]!.period).toEqualTypeOf<string>();
    expectTypeOf(c.periods[0]!.target).toEqualTypeOf<Decimal>();
    expectTypeOf(c.steps).toEqualTypeOf<TargetCascadeStep[]>();
    expectTypeOf(c.warnings).toEqualTypeOf<Warning[]>();
    expectTypeOf(c.rounding.scale).toEqualTypeOf<number>();
    expectTypeOf<CascadeTargetSpec['rounding']>().toEqualTypeOf<TargetRounding | undefined>();
    // The split step is found by its code.
    const step = c.steps.find((s): s is TargetCascadeSplitStep => s.code === 'split')!;
    expectTypeOf(step.roundedUp).toEqualTypeOf<string[]>();
    expectTypeOf<{ profile: number[] }>().toMatchTypeOf<TargetSpread>();
    // @ts-expect-error: 'day' is not a level
    expect(() => cascadeTarget({ calendar: y2026, levels: ['day'], spread: 'even' }, 100)).toThrow(DealerkitError);
    // @ts-expect-error: 'weekly' is not a spread
    expect(() => cascadeTarget({ calendar: y2026, levels: ['month'], spread: 'weekly' }, 100)).toThrow(DealerkitError);
    // @ts-expect-error: the total is the second argument, not a field of the spec
    expect(() => cascadeTarget({ ...spec, total: 100 })).toThrow(DealerkitError);
    // @ts-expect-error: the scale is rounding.scale
    expect(() => cascadeTarget({ ...spec, scale: 0 }, 100)).toThrow(DealerkitError);
    // @ts-expect-error: rounding has no stage in targets
    expect(() => cascadeTarget({ ...spec, rounding: { stage: 'line' } }, 100)).toThrow(DealerkitError);
    // @ts-expect-error: weeks is 'split' or 'thursday'
    expect(() => cascadeTarget({ calendar: y2026, levels: ['week'], weeks: 'iso', spread: 'even' }, 100)).toThrow(DealerkitError);
  });

  it('cascadeTargets: the same spec, rows with ids, a BatchResult', () => {
    expectTypeOf(cascadeTargets).parameters.toEqualTypeOf<[spec: CascadeTargetSpec, inputs: readonly CascadeTargetRow[], options?: CascadeTargetsOptions]>();
    const r = cascadeTargets(spec, [{ id: 'D-117', total: 1 }, { total: '2' }], { onError: 'collect', detail: 'summary', onProgress: () => undefined });
    expectTypeOf(r).toEqualTypeOf<BatchResult<TargetCascade, TargetCascadeTotals>>();
    expectTypeOf(r.totals.total).toEqualTypeOf<Decimal>();
    expectTypeOf(r.rows[0]!.id).toEqualTypeOf<string | number | null>();
    // @ts-expect-error: rows are objects { id?, total }, not bare totals
    expect(() => cascadeTargets(spec, [1, 2])).toThrow(DealerkitError);
    // @ts-expect-error: onError is 'throw' or 'collect'
    expect(() => cascadeTargets(spec, [], { onError: 'skip' })).toThrow(DealerkitError);
  });

  it('splits, hierarchies, tracking and adjustment: configuration first, facts second, options last', () => {
    expectTypeOf(splitTarget).parameters.toEqualTypeOf<[children: readonly TargetChild[], total: string | number | Decimal, options?: SplitTargetOptions]>();
    expectTypeOf(cascadeHierarchy).parameters.toEqualTypeOf<[tree: TargetTreeNode, total: string | number | Decimal, options?: SplitTargetOptions]>();
    expectTypeOf(splitTarget([{ id: 'a', weight: 1 }], 10)).toEqualTypeOf<TargetSplit>();
    expectTypeOf(splitTarget([{ id: 'a', weight: 1 }], 10).steps).toEqualTypeOf<TargetSplitStep[]>();
    expectTypeOf(cascadeHierarchy({ id: 'r', children: [{ id: 'a', weight: 1 }] }, 10)).toEqualTypeOf<TargetHierarchy>();
    expectTypeOf(cascadeHierarchy({ id: 'r', children: [{ id: 'a', weight: 1 }] }, 10).steps).toEqualTypeOf<TargetSplitStep[]>();
    const c = cascadeTarget(spec, 100);
    expectTypeOf(trackTarget).parameters.toEqualTypeOf<[cascade: TargetCascade, actuals: Readonly<Record<string, string | number | Decimal>>, options: TrackTargetOptions]>();
    const t = trackTarget(c, {}, { asOf: '2026-03-01', ratioScale: 4 });
    expectTypeOf(t).toEqualTypeOf<TargetTracking>();
    expectTypeOf(t.attainment).toEqualTypeOf<Decimal | null>();
    expectTypeOf(t.steps).toEqualTypeOf<TargetTrackingStep[]>();
    expectTypeOf(adjustTarget).parameters.toEqualTypeOf<[spec: AdjustTargetSpec, input: AdjustTargetInput, options?: AdjustTargetOptions]>();
    const a = adjustTarget({ rules: [{ drop: 0.1, targetFactor: 0.9, rewardCoefficient: 1.1 }] }, { target: 10, demandChange: -0.1 });
    expectTypeOf(a).toEqualTypeOf<TargetAdjustment>();
    expectTypeOf(a.steps).toEqualTypeOf<TargetAdjustmentStep[]>();
    // @ts-expect-error: a child needs a weight
    expect(() => splitTarget([{ id: 'a' }], 10)).toThrow(DealerkitError);
    // @ts-expect-error: the children come first, the total second
    expect(() => splitTarget(10, [{ id: 'a', weight: 1 }])).toThrow(DealerkitError);
    // @ts-expect-error: asOf is required
    expect(() => trackTarget(c, {}, {})).toThrow(DealerkitError);
    // @ts-expect-error: the demand change is a fact, given with the target
    expect(() => adjustTarget({ rules: [] }, 10)).toThrow(DealerkitError);
  });

  it('explain*: a result in, sentences out', () => {
    expectTypeOf(explainCascade).toEqualTypeOf<(cascade: TargetCascade, options?: ExplainOptions) => string[]>();
    expectTypeOf(explainTracking).toEqualTypeOf<(tracking: TargetTracking, options?: ExplainOptions) => string[]>();
    expectTypeOf(explainSplit).toEqualTypeOf<(split: TargetSplit, options?: ExplainOptions) => string[]>();
    expectTypeOf(explainHierarchy).toEqualTypeOf<(hierarchy: TargetHierarchy, options?: ExplainOptions) => string[]>();
    expectTypeOf(explainAdjustment).toEqualTypeOf<(adjustment: TargetAdjustment, options?: ExplainOptions) => string[]>();
    // @ts-expect-error: a tracking is not a cascade
    expect(() => explainCascade(trackTarget(cascadeTarget(spec, 1), {}, { asOf: '2026-01-01' }))).not.toThrow();
  });
});
