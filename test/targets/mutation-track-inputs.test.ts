// What trackTarget refuses, issue by issue (path, code, message and details exactly), and how the
// engine's options explain the fields that moved. Messages are those of src/targets/messages.ts
// (TARGETS_MESSAGES), each followed by " (a result of cascadeTarget)" where it names a cascade field.
import { describe, expect, it } from 'vitest';
import { cascadeTarget, defineGregorianCalendar, splitTarget, trackTarget } from 'dealerkit/targets';
import { codesOf, errorOf } from './helpers.js';

const y2026 = defineGregorianCalendar({ year: 2026 });
const monthly = cascadeTarget({ calendar: y2026, levels: ['quarter', 'month'], spread: 'even' }, 1200);
const back = () => JSON.parse(JSON.stringify(monthly));
const asOf = { asOf: '2026-02-01' } as const;
const notACascade = { path: ['cascade'], code: 'invalid_type', message: 'must be a result of cascadeTarget', expected: 'a result of cascadeTarget' };

describe('trackTarget refuses what is no cascade', () => {
  it('each of periods, rounding, spreads and workdayRules of the wrong kind, alone', () => {
    for (const edit of [{ periods: {} }, { rounding: 'half-up' }, { spreads: 'even' }, { workdayRules: null }]) {
      expect(errorOf(() => trackTarget({ ...back(), ...edit }, {}, asOf)).issues).toEqual([notACascade]);
    }
  });

  it('a function carrying every field is no cascade either', () => {
    const fn = Object.assign(() => 0, back());
    expect(errorOf(() => trackTarget(fn, {}, asOf)).issues).toEqual([notACascade]);
  });

  it('workday rules: lists of strings, and weekend days by their English names', () => {
    const rules = { path: ['cascade', 'workdayRules'], code: 'invalid_type', message: 'must be { weekend, holidays, extraWorkdays } (a result of cascadeTarget)' };
    const ok = { weekend: ['saturday', 'sunday'], holidays: [], extraWorkdays: [] };
    for (const edit of [
      { weekend: ['saturday', 6] },
      { holidays: ['2026-01-01', 20260101] },
      { extraWorkdays: 'none' },
      // One good name and one unknown: refused as soon as any is unknown.
      { weekend: ['saturday', 'sun'] },
    ]) {
      expect(errorOf(() => trackTarget({ ...back(), workdayRules: { ...ok, ...edit } }, {}, asOf)).issues).toEqual([rules]);
    }
  });

  it('a period id that is not text, and periods that are not a list or not periods', () => {
    expect(errorOf(() => trackTarget({ ...back(), period: 2026 }, {}, asOf)).issues).toEqual([
      { path: ['cascade', 'period'], code: 'invalid_type', message: 'must be a period id (a result of cascadeTarget)' },
    ]);
    const c = back();
    c.periods[0].children = 'none';
    expect(errorOf(() => trackTarget(c, {}, asOf)).issues).toEqual([
      { path: ['cascade', 'periods', 0, 'children'], code: 'invalid_type', message: 'must be a list of periods (a result of cascadeTarget)' },
    ]);
    const d = back();
    d.periods[1].period = 2;
    expect(errorOf(() => trackTarget(d, {}, asOf)).issues).toEqual([
      { path: ['cascade', 'periods', 1], code: 'invalid_type', message: 'must be a period { period, start, end, target, children } (a result of cascadeTarget)' },
    ]);
  });

  it("names the cascade's field whose value is bad", () => {
    const edits: [object, string, string][] = [
      [{ rounding: { scale: -1 } }, 'cascade.rounding.scale', 'out_of_range'],
      [{ rounding: { scale: 0, mode: 'bogus' } }, 'cascade.rounding.mode', 'invalid_value'],
      [{ total: 'abc' }, 'cascade.total', 'not_a_number'],
      [{ start: '2026-13-01' }, 'cascade.start', 'not_a_date'],
      [{ end: 'x' }, 'cascade.end', 'not_a_date'],
    ];
    for (const [edit, path, code] of edits) expect(codesOf(() => trackTarget({ ...back(), ...edit }, {}, asOf))).toEqual([[path, code]]);
    for (const [field, value, code] of [['start', 'x', 'not_a_date'], ['end', 'x', 'not_a_date'], ['target', 'abc', 'not_a_number']] as const) {
      const c = back();
      c.periods[0].children[2][field] = value;
      expect(codesOf(() => trackTarget(c, {}, asOf))).toEqual([[`cascade.periods[0].children[2].${field}`, code]]);
    }
  });

  it("a 'direct' cascade whose months no longer sum to the total: inconsistent, at cascade.periods", () => {
    const direct = JSON.parse(JSON.stringify(cascadeTarget({ calendar: y2026, levels: ['quarter', 'month'], spread: 'even', path: 'direct' }, 1200)));
    direct.periods[3].children[2].target = '101';
    // Months: 11 × 100 + 101 = 1,201 (level 2).
    expect(errorOf(() => trackTarget(direct, {}, asOf)).issues).toEqual([
      { path: ['cascade', 'periods'], code: 'inconsistent', message: 'level 2 sums to 1201, not to the total of 1200: the cascade was changed after cascadeTarget made it' },
    ]);
  });
});

describe('trackTarget refuses actuals, with the details', () => {
  it('not an object', () => {
    expect(errorOf(() => trackTarget(monthly, [] as never, asOf)).issues).toEqual([
      { path: ['actuals'], code: 'invalid_type', message: 'must be an object of amounts by period id', expected: 'an object' },
    ]);
  });

  it('an unknown id, received as JSON text', () => {
    expect(errorOf(() => trackTarget(monthly, { '2026-13': 1 }, asOf)).issues).toEqual([
      { path: ['actuals', '2026-13'], code: 'unknown_label', message: 'is not a period of the cascade 2026', received: '"2026-13"' },
    ]);
  });

  it('a period that starts after asOf, with asOf as the limit', () => {
    expect(errorOf(() => trackTarget(monthly, { '2026-03': 1 }, asOf)).issues).toEqual([
      { path: ['actuals', '2026-03'], code: 'out_of_range', message: 'is for a period that starts after asOf (2026-03-01 > 2026-02-01)', limit: '2026-02-01', received: '2026-03-01' },
    ]);
  });
});

describe('the options explain the fields that moved (parseTargets)', () => {
  it('an old `scale` is explained beside an unknown field that is not', () => {
    expect(errorOf(() => trackTarget(monthly, {}, { ...asOf, scale: 2, foo: 1 } as never)).issues).toEqual([
      { path: ['options', 'scale'], code: 'unknown_field', message: 'is not a known field; the scale is now given as rounding: { scale }', received: 'scale' },
      { path: ['options', 'foo'], code: 'unknown_field', message: 'is not a known field', received: 'foo' },
    ]);
  });

  it('a stage applies under rounding only; an unknown field under rounding is not a stage', () => {
    expect(errorOf(() => trackTarget(monthly, {}, { ...asOf, rounding: { stage: 'line' } } as never)).issues).toEqual([
      {
        path: ['options', 'rounding', 'stage'],
        code: 'invalid_value',
        message: 'does not apply to targets: every split is largest remainder, so the parts always sum to the whole; give scale and mode only',
        received: 'stage',
      },
    ]);
    expect(errorOf(() => trackTarget(monthly, {}, { ...asOf, rounding: { foo: 1 } } as never)).issues).toEqual([
      { path: ['options', 'rounding', 'foo'], code: 'unknown_field', message: 'is not a known field', received: 'foo' },
    ]);
    expect(errorOf(() => trackTarget(monthly, {}, { ...asOf, stage: 1 } as never)).issues).toEqual([
      { path: ['options', 'stage'], code: 'unknown_field', message: 'is not a known field', received: 'stage' },
    ]);
  });

  it('an options object that throws when read: the failure itself is reported, not a failure to explain it', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('no reading me');
        },
      },
    );
    expect(errorOf(() => trackTarget(monthly, {}, hostile as never)).issues).toEqual([{ path: [], code: 'internal', message: 'unexpected failure (Error: no reading me)' }]);
  });

  it("a `total` is explained only at a spec's top level", () => {
    expect(errorOf(() => trackTarget(monthly, {}, { ...asOf, total: 1 } as never)).issues).toEqual([
      { path: ['options', 'total'], code: 'unknown_field', message: 'is not a known field', received: 'total' },
    ]);
    expect(errorOf(() => cascadeTarget({ calendar: y2026, levels: ['month'], spread: 'even', total: 1 } as never, 1200)).issues).toEqual([
      {
        path: ['total'],
        code: 'unknown_field',
        message: "is not a field of the spec: give the total beside it, cascadeTarget(spec, total) (a row's total in cascadeTargets)",
        received: 'total',
      },
    ]);
  });

  it('only unknown fields are explained: a bad weight keyed `scale` keeps its own message', () => {
    expect(
      errorOf(() => cascadeTarget({ calendar: y2026, levels: ['month'], spread: { profile: { '2026-01': 1, scale: 'abc' } } } as never, 1200)).issues,
    ).toEqual([
      {
        path: ['spread', 'profile', 'scale'],
        code: 'not_a_number',
        message: 'must be a number or a numeric string, received "abc"',
        expected: 'a number or a numeric string',
        received: '"abc"',
      },
    ]);
  });

  it('a `__proto__` key (which zod leaves out) is parsed here, its issue at its own path', () => {
    const locks = JSON.parse('{"__proto__": "x"}');
    expect(errorOf(() => splitTarget([{ id: 'a', weight: 1 }], 100, { locks })).issues).toEqual([
      {
        path: ['options', 'locks', '__proto__'],
        code: 'not_a_number',
        message: 'must be a number or a numeric string, received "x"',
        expected: 'a number or a numeric string',
        received: '"x"',
      },
    ]);
  });
});
