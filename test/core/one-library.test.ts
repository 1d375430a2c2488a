// The core of issue 13 ("One library"): errors as data with issue codes, the brand that makes
// `instanceof` hold across builds, unknown-field suggestions, percent mistakes refused with a hint,
// batches that name their rows, number formatting for explanations, and dates kept in range.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  DealerkitError,
  ISSUE_CODES,
  calculateDateAfter,
  formatNumber,
  formatPath,
  formatPercent,
  fractionSchema,
  isDealerkitError,
  roundingSpecSchema,
  toDealerkitError,
  toDecimal,
} from 'dealerkit';
import * as rebates from 'dealerkit/rebates';
import * as kpi from 'dealerkit/kpi';
import * as risk from 'dealerkit/risk';
import * as targets from 'dealerkit/targets';
import * as inventory from 'dealerkit/inventory';
import * as sheets from 'dealerkit/sheets';
import { batchOptionsOf, runBatch } from '../../src/core/batch.js';
import { checkFraction, knownKeysAt, namesAFraction, nearestName, parseWith } from '../../src/core/schema.js';
import { plusDaysAt } from '../../src/core/dates.js';
import { IssueCollector, invalid, repathError, wrapThrown } from '../../src/core/errors.js';
import { thrown } from '../helpers.js';

describe('DealerkitError is data', () => {
  it('every subpath exports the same DealerkitError and isDealerkitError', () => {
    for (const mod of [rebates, kpi, risk, targets, inventory, sheets]) {
      expect(mod.DealerkitError).toBe(DealerkitError);
      expect(mod.isDealerkitError).toBe(isDealerkitError);
    }
  });

  it('instanceof holds for an error made by another copy of the class (another build), by its Symbol.for brand', () => {
    // A second build of dealerkit (CJS beside ESM, or an IIFE) has its own class object; what they
    // share is the global symbol registry. Simulate the other copy's error by its brand alone.
    const foreign = Object.assign(new Error('[dealerkit] x: y'), { name: 'DealerkitError', code: 'invalid_input', issues: [] });
    Object.defineProperty(foreign, Symbol.for('dealerkit.DealerkitError'), { value: true });
    expect(foreign instanceof DealerkitError).toBe(true);
    expect(isDealerkitError(foreign)).toBe(true);
    // An error that only looks like one (same name, no brand) is not one.
    const lookalike = Object.assign(new Error('x'), { name: 'DealerkitError', issues: [] });
    expect(lookalike instanceof DealerkitError).toBe(false);
    expect(isDealerkitError(lookalike)).toBe(false);
    expect(isDealerkitError(null)).toBe(false);
    expect(isDealerkitError('DealerkitError')).toBe(false);
    // The brand is not enumerable, so it never shows in JSON or object spreads.
    const own = new DealerkitError('out_of_range', [{ path: ['a'], message: 'm' }]);
    expect(Object.keys(own)).not.toContain(String(Symbol.for('dealerkit.DealerkitError')));
    expect(own).toBeInstanceOf(Error);
  });

  it('JSON.stringify keeps the name, code, message and every issue with its code and details', () => {
    const e = thrown(() => toDecimal('1,000', 'sales'));
    expect(JSON.parse(JSON.stringify(e))).toEqual({
      name: 'DealerkitError',
      code: 'invalid_input',
      message: '[dealerkit] sales: must be a number or a numeric string, received "1,000": write 1000 without thousands separators',
      issues: [
        {
          path: ['sales'],
          code: 'not_a_number',
          message: 'must be a number or a numeric string, received "1,000": write 1000 without thousands separators',
          expected: 'a number or a numeric string',
          received: '"1,000"',
        },
      ],
    });
  });

  it('issue messages carry no [dealerkit] prefix; the error message does, once', () => {
    const e = thrown(() => toDecimal('x', ['tiers', 0, 'rate']));
    expect(e.message.startsWith('[dealerkit] tiers[0].rate: ')).toBe(true);
    expect(e.issues.every((i) => !i.message.includes('[dealerkit]'))).toBe(true);
  });

  it('every issue code is from the closed list, and the list has the codes the issue names', () => {
    for (const code of ['required', 'not_a_number', 'out_of_range', 'unknown_field', 'unknown_label', 'not_ascending', 'duplicate', 'infeasible', 'percent_as_whole_number'] as const) {
      expect(ISSUE_CODES).toContain(code);
    }
    expect(new Set(ISSUE_CODES).size).toBe(ISSUE_CODES.length);
    expect(Object.isFrozen(ISSUE_CODES)).toBe(true);
  });

  it('an issue without its own code gets its kind\'s default; details survive re-pathing and collecting', () => {
    const kinds = [
      ['invalid_input', 'invalid_value'],
      ['out_of_range', 'out_of_range'],
      ['unknown_label', 'unknown_label'],
      ['infeasible', 'infeasible'],
      ['internal', 'internal'],
    ] as const;
    for (const [kind, code] of kinds) expect(new DealerkitError(kind, [{ path: [], message: 'm' }]).issues[0]!.code).toBe(code);
    const e = thrown(() => invalid(['x'], 'is bad', { code: 'duplicate', received: '"a"' }));
    const moved = repathError(e, (p) => ['rows', 3, ...p]);
    expect(moved.issues).toEqual([{ path: ['rows', 3, 'x'], code: 'duplicate', message: 'is bad', received: '"a"' }]);
    const c = new IssueCollector();
    c.addError(e, ['inputs', 'D-1']);
    c.add(['y'], 'too big', 'out_of_range', { code: 'out_of_range', limit: '10' });
    const all = thrown(() => c.throwIfAny());
    expect(all.code).toBe('invalid_input');
    expect(all.issues.map((i) => [formatPath(i.path), i.code, i.limit])).toEqual([
      ['inputs[D-1].x', 'duplicate', undefined],
      ['y', 'out_of_range', '10'],
    ]);
  });

  it('a stack overflow (a cyclic or absurdly deep input) becomes too_deep, not internal', () => {
    const e = wrapThrown(new RangeError('Maximum call stack size exceeded'));
    expect(e.code).toBe('invalid_input');
    expect(e.issues[0]!.code).toBe('too_deep');
    expect(wrapThrown(new TypeError('boom')).issues[0]).toMatchObject({ code: 'internal', message: 'unexpected failure (TypeError: boom)' });
  });
});

describe('zod issues map to issue codes', () => {
  it('a fraction where a whole number belongs is not_an_integer; a missing field is required; a wrong type invalid_type', () => {
    const spec = z.strictObject({ count: z.int(), name: z.string() });
    const e = thrown(() => parseWith(spec, { count: 1.5 }));
    const byPath = Object.fromEntries(e.issues.map((i) => [formatPath(i.path), [i.code, i.message]]));
    expect(byPath).toEqual({
      count: ['not_an_integer', 'must be a whole number, received 1.5'],
      name: ['required', 'is required (a string)'],
    });
    expect(thrown(() => parseWith(spec, { count: 'x', name: 1 })).issues.map((i) => i.code)).toEqual(['invalid_type', 'invalid_type']);
    expect(thrown(() => parseWith(roundingSpecSchema, { scale: 2.5 })).issues[0]).toMatchObject({
      path: ['scale'],
      code: 'not_an_integer',
      message: 'must be a whole number of decimal places, received 2.5',
    });
    expect(thrown(() => parseWith(roundingSpecSchema, { stage: 'each' })).issues[0]).toMatchObject({ path: ['stage'], code: 'invalid_value' });
  });
});

describe('formatPath', () => {
  it('names a batch row by its id plainly and quotes keys with spaces or dots', () => {
    expect(formatPath(['inputs', 'D-117', 'sales'])).toBe('inputs[D-117].sales');
    expect(formatPath(['inputs', 4, 'sales'])).toBe('inputs[4].sales');
    expect(formatPath(['weights', 'market share'])).toBe('weights["market share"]');
    expect(formatPath(['metrics', 'a.b'])).toBe('metrics["a.b"]');
  });

  it('never throws, whatever it is given', () => {
    expect(formatPath({} as never)).toBe('(input)');
    expect(formatPath(null as never)).toBe('(input)');
    expect(formatPath([10n] as never)).toBe('[10n]');
    expect(formatPath([Symbol('s')] as never)).toBe('[s]');
    expect(formatPath([{}] as never)).toBe('[object]');
    const deep = new Array(100_000).fill('a');
    const printed = formatPath(deep);
    expect(printed.length).toBeLessThan(200);
    expect(printed).toContain('…');
  });
});

describe('toDealerkitError', () => {
  it('turns a zod failure, a DealerkitError or anything else into a DealerkitError without throwing', () => {
    const r = z.number().safeParse('x');
    expect(toDealerkitError(r.error!, ['n']).issues[0]).toMatchObject({ path: ['n'], code: 'invalid_type' });
    const own = new DealerkitError('out_of_range', [{ path: [], message: 'm' }]);
    expect(toDealerkitError(own)).toBe(own);
    expect(toDealerkitError(null).code).toBe('internal');
    expect(toDealerkitError(undefined).code).toBe('internal');
    expect(toDealerkitError({ issues: 'nope' }).code).toBe('internal');
    expect(toDealerkitError({ issues: [null, 5] }).code).toBe('invalid_input');
  });
});

describe('unknown fields suggest the nearest known name', () => {
  const spec = z.strictObject({
    overAchievement: z.optional(z.number()),
    tiers: z.array(z.strictObject({ from: z.number(), rate: z.optional(z.number()) })),
    rounding: z.optional(roundingSpecSchema),
  });

  it('a misspelt field gets "did you mean" with the field the schema has at that place', () => {
    const e = thrown(() => parseWith(spec, { overAchievment: 1, tiers: [{ from: 0, rte: 1 }], rounding: { scael: 2 } }, ['program']));
    expect(e.issues.every((i) => i.code === 'unknown_field')).toBe(true);
    // Order-independent check of the exact suggestions (zod reports nested issues first).
    const byPath = Object.fromEntries(e.issues.map((i) => [formatPath(i.path), i.message]));
    expect(byPath).toEqual({
      'program.overAchievment': 'is not a known field; did you mean `overAchievement`?',
      'program.tiers[0].rte': 'is not a known field; did you mean `rate`?',
      'program.rounding.scael': 'is not a known field; did you mean `scale`?',
    });
  });

  it('a field far from every known name gets no suggestion', () => {
    const e = thrown(() => parseWith(spec, { tiers: [], colour: 'red' }));
    expect(e.issues).toEqual([{ path: ['colour'], code: 'unknown_field', message: 'is not a known field', received: 'colour' }]);
  });

  it('finds the names through optionals, arrays and unions, and measures edits with transpositions', () => {
    expect(knownKeysAt(spec, ['tiers', 0]).sort()).toEqual(['from', 'rate']);
    expect(knownKeysAt(spec, []).sort()).toEqual(['overAchievement', 'rounding', 'tiers']);
    expect(knownKeysAt(z.union([z.object({ a: z.number() }), z.object({ b: z.number() })]), []).sort()).toEqual(['a', 'b']);
    expect(knownKeysAt(null, [])).toEqual([]);
    expect(nearestName('stgae', ['stage', 'scale'])).toBe('stage');
    expect(nearestName('MODE', ['mode'])).toBe('mode');
    expect(nearestName('zzzzzz', ['mode'])).toBeUndefined();
  });
});

describe('no silent percent mistakes', () => {
  it('a share above 1 is refused with percent_as_whole_number and the hint built from what was typed', () => {
    const cases: [unknown, string][] = [
      [3, 'must be a fraction from 0 to 1, received 3: write 0.03 for 3 %'],
      [97, 'must be a fraction from 0 to 1, received 97: write 0.97 for 97 %'],
      ['12.5', 'must be a fraction from 0 to 1, received 12.5: write 0.125 for 12.5 %'],
      [100, 'must be a fraction from 0 to 1, received 100: write 1 for 100 %'],
      [1.5, 'must be a fraction from 0 to 1, received 1.5: write 0.015 for 1.5 %'],
    ];
    for (const [value, message] of cases) {
      const e = thrown(() => parseWith(fractionSchema, value, ['rate']));
      expect(e.issues).toEqual([
        { path: ['rate'], code: 'percent_as_whole_number', message, expected: 'from 0 to 1', received: String(value), limit: '1' },
      ]);
      expect(e.code).toBe('out_of_range');
    }
  });

  it('0, 1 and fractions between are accepted; negatives are out_of_range', () => {
    expect(parseWith(fractionSchema, 0).toString()).toBe('0');
    expect(parseWith(fractionSchema, '1').toString()).toBe('1');
    expect(parseWith(fractionSchema, '0.03').toString()).toBe('0.03');
    expect(thrown(() => parseWith(fractionSchema, -0.1, ['rate'])).issues[0]).toMatchObject({ code: 'out_of_range', limit: '0' });
    expect(thrown(() => checkFraction(toDecimal(95), ['serviceLevel'])).issues[0]!.message).toBe(
      'must be a fraction from 0 to 1, received 95: write 0.95 for 95 %',
    );
    expect(thrown(() => checkFraction(toDecimal('-1'), ['x'])).issues[0]!.code).toBe('out_of_range');
    expect(checkFraction(toDecimal('0.5'), []).toString()).toBe('0.5');
  });

  it('numeric strings written for people stay refused, each with a hint of what to write', () => {
    const hint = (text: string) => thrown(() => toDecimal(text, 'v')).issues[0]!.message;
    expect(hint('1,000,000')).toBe('must be a number or a numeric string, received "1,000,000": write 1000000 without thousands separators');
    expect(hint('3%')).toBe('must be a number or a numeric string, received "3%": write 0.03 for 3 %');
    expect(hint('-0.5%')).toBe('must be a number or a numeric string, received "-0.5%": write -0.005 for -0.5 %');
    expect(hint('1 000')).toBe('must be a number or a numeric string, received "1 000": write 1000 without thousands separators');
    expect(hint('USD 12')).toBe('must be a number or a numeric string, received "USD 12": write the number alone, without a currency or unit');
    expect(hint('abc')).toBe('must be a number or a numeric string, received "abc"');
    // Through the schema, the same hint and the path of the field.
    const e = thrown(() => parseWith(z.strictObject({ sales: fractionSchema }), { sales: '9,620,000' }));
    expect(e.issues[0]).toMatchObject({ path: ['sales'], code: 'not_a_number' });
    expect(e.issues[0]!.message).toContain('write 9620000 without thousands separators');
  });

  it('a number beyond Decimal\'s range is reported at its own path with out_of_range', () => {
    const e = thrown(() => parseWith(z.strictObject({ sales: fractionSchema }), { sales: '1e9000000000000001' }));
    expect(e.issues[0]).toMatchObject({ path: ['sales'], code: 'out_of_range' });
    expect(e.issues[0]!.message).toBe('is out of the representable range, received "1e9000000000000001"');
  });

  it('names that say ratio, rate, share or percent are recognised', () => {
    for (const name of ['onTimePaymentRatio', 'fillRate', 'marketShare', 'growth_rate', 'defect-ratio', 'returnPercent']) expect(namesAFraction(name)).toBe(true);
    for (const name of ['sales', 'turnoverDays', 'rating', 'score', 'shared', 'rated']) expect(namesAFraction(name)).toBe(false);
  });
});

describe('runBatch: batches that name their rows', () => {
  const rows = [{ id: 'D-101', sales: 1 }, { id: 'D-117', sales: 'x' }, { sales: 2 }, { id: 'D-120', sales: -1 }];
  const each = (row: { sales: unknown }): number => {
    const d = toDecimal(row.sales, 'sales');
    if (d.isNegative()) invalid(['sales'], 'must not be negative', { code: 'out_of_range', limit: '0' });
    return d.toNumber() * 10;
  };

  it('throw (the default): one error with every bad row, each named by its id', () => {
    const e = thrown(() => runBatch(rows, 'inputs', each, batchOptionsOf(undefined)));
    expect(e.issues.map((i) => `${formatPath(i.path)} ${i.code}`)).toEqual(['inputs[D-117].sales not_a_number', 'inputs[D-120].sales out_of_range']);
    expect(e.message).toContain('inputs[D-117].sales: must be a number');
  });

  it('collect: every row with its result or its error, in input order, ids returned', () => {
    const run = runBatch(rows, 'inputs', each, batchOptionsOf({ onError: 'collect' }));
    expect(run.failed).toBe(2);
    expect(run.rows.map((r) => [r.index, r.id, r.ok, r.ok ? r.result : r.error.issues[0]!.code])).toEqual([
      [0, 'D-101', true, 10],
      [1, 'D-117', false, 'not_a_number'],
      [2, null, true, 20],
      [3, 'D-120', false, 'out_of_range'],
    ]);
  });

  it('a row without an id is named by its index; a repeated id and a hole are bad rows', () => {
    // eslint-disable-next-line no-sparse-arrays
    const odd = [{ id: 'A', sales: 1 }, , { id: 'A', sales: 2 }, { sales: 'y' }];
    const run = runBatch(odd, 'inputs', each, batchOptionsOf({ onError: 'collect' }));
    expect(run.rows.map((r) => (r.ok ? 'ok' : `${formatPath(r.error.issues[0]!.path)} ${r.error.issues[0]!.code}`))).toEqual([
      'ok',
      'inputs[1] required',
      'inputs[A].id duplicate',
      'inputs[3].sales not_a_number',
    ]);
  });

  it('onProgress is called at most about 200 times, ending with (n, n)', () => {
    const calls: [number, number][] = [];
    const many = Array.from({ length: 10_000 }, (_, i) => ({ id: `S${i}`, sales: i }));
    runBatch(many, 'items', each, batchOptionsOf({ onProgress: (d: number, t: number) => calls.push([d, t]) }));
    expect(calls.length).toBeLessThanOrEqual(201);
    expect(calls.length).toBeGreaterThanOrEqual(100);
    expect(calls.at(-1)).toEqual([10_000, 10_000]);
    // Progress only grows.
    expect(calls.every((c, i) => i === 0 || c[0] > calls[i - 1]![0])).toBe(true);
    const few: [number, number][] = [];
    runBatch([{ sales: 1 }, { sales: 2 }], 'items', each, batchOptionsOf({ onProgress: (d: number, t: number) => few.push([d, t]) }));
    expect(few).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });

  it('refuses bad batch options and rows that are not an array, naming the field', () => {
    expect(thrown(() => batchOptionsOf({ onError: 'skip' })).issues[0]).toMatchObject({ path: ['options', 'onError'], code: 'invalid_value' });
    expect(thrown(() => batchOptionsOf({ onProgress: 5 })).issues[0]).toMatchObject({ path: ['options', 'onProgress'], code: 'invalid_type' });
    expect(thrown(() => batchOptionsOf('x')).issues[0]).toMatchObject({ path: ['options'], code: 'invalid_type' });
    expect(thrown(() => runBatch({}, 'inputs', each, batchOptionsOf(undefined))).issues[0]).toMatchObject({ path: ['inputs'], code: 'invalid_type' });
    const e = thrown(() =>
      runBatch([{ sales: 1 }], 'inputs', each, batchOptionsOf({ onProgress: () => { throw new Error('stop'); } })),
    );
    expect(e.issues[0]).toMatchObject({ path: ['options', 'onProgress'], message: 'threw an error: stop' });
  });

  it('lists at most 1000 issues in one error and says how many more there are', () => {
    const bad = Array.from({ length: 1500 }, () => ({ sales: 'x' }));
    const e = thrown(() => runBatch(bad, 'inputs', each, batchOptionsOf(undefined)));
    expect(e.issues).toHaveLength(1001);
    expect(e.issues[1000]!.message).toBe("500 more issues not listed (1500 bad rows in all); use onError: 'collect' to see every row");
  });
});

describe('formatNumber and formatPercent', () => {
  it('group by threes at a fixed scale, exactly (hand-written expectations)', () => {
    expect(formatNumber('9620000', { scale: 2 })).toBe('9,620,000.00');
    expect(formatNumber('192400')).toBe('192,400');
    expect(formatNumber('-1234567.891', { scale: 2 })).toBe('-1,234,567.89');
    expect(formatNumber('0.005', { scale: 2 })).toBe('0.01');
    expect(formatNumber('0.005', { scale: 2, mode: 'half-even' })).toBe('0.00');
    expect(formatNumber('123')).toBe('123');
    expect(formatNumber('1234.5', { scale: 2, locale: 'de' })).toBe('1.234,50');
    expect(formatPercent('0.962')).toBe('96.20 %');
    expect(formatPercent('0.02', { scale: 0 })).toBe('2 %');
    expect(formatPercent('1.2')).toBe('120.00 %');
  });

  it('refuses bad values and options with a DealerkitError naming the field', () => {
    expect(thrown(() => formatNumber('x')).issues[0]!.path).toEqual(['value']);
    expect(thrown(() => formatNumber(1, { scale: -1 })).issues[0]!.path).toEqual(['options', 'scale']);
    expect(thrown(() => formatNumber(1, { locale: 5 as never })).issues[0]!.path).toEqual(['options', 'locale']);
    expect(thrown(() => formatNumber(1, 'x' as never)).issues[0]!.path).toEqual(['options']);
    expect(thrown(() => formatPercent(1, { mode: 'bankers' as never })).issues[0]!.path).toEqual(['options', 'mode']);
  });
});

describe('dates stay within 0001–9999', () => {
  it('a shift past year 9999 or before 0001 is out_of_range at days, never 0NaN-NaN-NaN', () => {
    expect(calculateDateAfter('9999-12-30', 1)).toBe('9999-12-31');
    expect(calculateDateAfter('0001-01-02', -1)).toBe('0001-01-01');
    const e = thrown(() => calculateDateAfter('2026-01-01', 1e8));
    expect(e.issues[0]).toMatchObject({ path: ['days'], code: 'out_of_range' });
    expect(thrown(() => calculateDateAfter('2026-01-01', 3e6)).issues[0]!.code).toBe('out_of_range');
    expect(thrown(() => calculateDateAfter('9999-12-31', 1)).issues[0]!.limit).toBe('0');
    expect(thrown(() => plusDaysAt('0001-01-01', -1, ['leadTimeDays'])).issues[0]!.path).toEqual(['leadTimeDays']);
    expect(thrown(() => calculateDateAfter('2026-01-01', 1.5)).issues[0]!.code).toBe('not_an_integer');
    expect(thrown(() => calculateDateAfter('2026-02-30', 1)).issues[0]).toMatchObject({ path: ['date'], code: 'not_a_date' });
  });
});
