// The explain* functions' refusals (each names its own result and function), the locale option,
// a step of the caller's own, and how the engine's messages print a value they were given.
import { describe, expect, it } from 'vitest';
import {
  adjustTarget,
  calculateIsoWeeksInYear,
  cascadeHierarchy,
  cascadeTarget,
  defineGregorianCalendar,
  defineRetailCalendar,
  explainAdjustment,
  explainHierarchy,
  explainSplit,
  explainTracking,
  splitTarget,
  trackTarget,
} from 'dealerkit/targets';
import { codesOf, errorOf } from './helpers.js';

const y2026 = defineGregorianCalendar({ year: 2026 });
const monthly = cascadeTarget({ calendar: y2026, levels: ['quarter', 'month'], spread: 'even' }, 1200);
const tracking = trackTarget(monthly, { '2026-01': 90, '2026-02': 120 }, { asOf: '2026-02-28' });
const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x));
const split = splitTarget([{ id: 'a', weight: 1 }, { id: 'b', weight: 2 }], 100);
const hierarchy = cascadeHierarchy({ id: 'brand', children: [{ id: 'north', weight: 2 }, { id: 'south', weight: 1 }] }, 1000);
const adjustment = adjustTarget({ rules: [{ drop: 0.1, targetFactor: 0.92, rewardCoefficient: 1.05 }] }, { target: 8000000, demandChange: -0.12 });

describe('each explain* refuses what is not its result, at its own name', () => {
  const cases = [
    ['tracking', 'trackTarget', (x: never) => explainTracking(x), tracking],
    ['split', 'splitTarget', (x: never) => explainSplit(x), split],
    ['hierarchy', 'cascadeHierarchy', (x: never) => explainHierarchy(x), hierarchy],
    ['adjustment', 'adjustTarget', (x: never) => explainAdjustment(x), adjustment],
  ] as const;

  it.each(cases)('%s: an empty object, and a scale above 30', (what, fn, explain, result) => {
    const issue = { path: [what], code: 'invalid_type', message: `must be a result of ${fn}` };
    expect(errorOf(() => explain({} as never)).issues).toEqual([issue]);
    const wide = { ...plain(result), rounding: { ...plain(result).rounding, scale: 31 } };
    expect(errorOf(() => explain(wide as never)).issues).toEqual([issue]);
  });
});

describe('explainTracking reads', () => {
  it('a locale: German grouping', () => {
    // 1,200 grouped the German way: 1.200.
    expect(explainTracking(tracking, { locale: 'de-DE' })[0]).toBe("Expected by 2026-02-28: 200 of the 1.200 plan (the cascade's own distribution, to the day).");
  });

  it('refuses a locale it does not know at options.locale', () => {
    expect(codesOf(() => explainTracking(tracking, { locale: 'not a locale!' }))).toEqual([['options.locale', 'unknown_label']]);
  });

  it('refuses a scale that is not a whole number at the scale itself', () => {
    expect(codesOf(() => explainTracking({ ...plain(tracking), rounding: { scale: 'x', mode: 'half-up' } } as never))).toEqual([['tracking.rounding.scale', 'invalid_type']]);
  });

  it("keeps the caller's own step, whose text must be text", () => {
    expect(explainTracking({ ...plain(tracking), steps: [{ code: 'mine', text: 'hello' }] } as never)).toEqual(['hello']);
    expect(codesOf(() => explainTracking({ ...plain(tracking), steps: [{ code: 'mine', text: 5 }] } as never))).toEqual([['tracking.steps[0].text', 'invalid_type']]);
  });
});

describe('the messages print what they were given', () => {
  it('a year that is no number: an object or a function described, never printed by String', () => {
    expect(errorOf(() => calculateIsoWeeksInYear({} as never)).issues[0]!.message).toBe('must be a whole year, received an object');
    expect(errorOf(() => calculateIsoWeeksInYear((() => 2026) as never)).issues[0]!.message).toBe('must be a whole year, received function');
    expect(errorOf(() => calculateIsoWeeksInYear(null as never)).issues[0]!.message).toBe('must be a whole year, received null');
    expect(errorOf(() => calculateIsoWeeksInYear('2026' as never)).issues[0]!.message).toBe('must be a whole year, received 2026');
  });

  it('a leap week that is none: as JSON text when it has one, else described', () => {
    const retail = (leapWeek: unknown) => () =>
      defineRetailCalendar({ fiscalYear: 2026, pattern: '4-4-5', yearEnd: { month: 1, weekday: 'saturday', rule: 'nearest' }, leapWeek } as never);
    const leapIssue = (leapWeek: unknown) => errorOf(retail(leapWeek)).issues.find((i) => i.path[0] === 'leapWeek')!.message;
    expect(leapIssue([12])).toBe("must be 'last-month', 'restate' or { month: 1–12 }, received [12]");
    expect(leapIssue(() => 1)).toBe("must be 'last-month', 'restate' or { month: 1–12 }, received function");
    // JSON.stringify throws on a bigint: described instead.
    expect(leapIssue(5n)).toBe("must be 'last-month', 'restate' or { month: 1–12 }, received 5n");
  });
});
