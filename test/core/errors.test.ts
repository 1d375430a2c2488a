import { describe, expect, it } from 'vitest';
import { DealerkitError, decimalSchema, formatPath, toDealerkitError, isDealerkitError, isoDateSchema, nonNegativeDecimalSchema, positiveDecimalSchema, roundOptionsSchema } from 'dealerkit';
import { IssueCollector, guard, wrapThrown } from '../../src/core/errors.js';
import { parseWith } from '../../src/core/schema.js';
import * as z from 'zod/mini';

describe('DealerkitError', () => {
  it('carries a code, the issues as data and a [dealerkit] message listing each path', () => {
    const e = new DealerkitError('invalid_input', [
      { path: ['tiers', 2, 'from'], message: 'must be greater than tiers[1].from' },
      { path: ['currency'], message: 'is required' },
    ]);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('DealerkitError');
    expect(e.code).toBe('invalid_input');
    expect(e.message).toBe('[dealerkit] tiers[2].from: must be greater than tiers[1].from; currency: is required');
    // An issue without its own code gets the kind's default (invalid_input → invalid_value).
    expect(e.issues).toEqual([
      { path: ['tiers', 2, 'from'], code: 'invalid_value', message: 'must be greater than tiers[1].from' },
      { path: ['currency'], code: 'invalid_value', message: 'is required' },
    ]);
    expect(isDealerkitError(e)).toBe(true);
    expect(isDealerkitError(new Error('x'))).toBe(false);
    expect(JSON.parse(JSON.stringify({ code: e.code, issues: e.issues }))).toEqual({ code: 'invalid_input', issues: e.issues });
  });

  it('formats paths as a user writes them', () => {
    expect(formatPath([])).toBe('(input)');
    expect(formatPath(['a'])).toBe('a');
    expect(formatPath([0, 'b'])).toBe('[0].b');
    expect(formatPath(['weights', 'market share'])).toBe('weights["market share"]');
    expect(formatPath(['stages', 'launch', 'weights', 'sales'])).toBe('stages.launch.weights.sales');
  });

  it('has a message even without issues', () => {
    expect(new DealerkitError('internal', []).message).toBe('[dealerkit] (input): invalid input');
  });

  it('wraps anything else thrown into an internal DealerkitError', () => {
    const wrapped = guard(() => {
      throw new TypeError('boom');
    });
    let caught: unknown;
    try {
      wrapped();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DealerkitError);
    expect((caught as DealerkitError).code).toBe('internal');
    expect((caught as DealerkitError).message).toContain('TypeError: boom');
    expect(wrapThrown('text').message).toContain('unexpected failure (text)');
    const own = new DealerkitError('out_of_range', [{ path: ['x'], message: 'm' }]);
    expect(wrapThrown(own)).toBe(own);
    expect(guard((a: number) => a + 1)(1)).toBe(2);
  });

  it('collects several issues and keeps the first code', () => {
    const c = new IssueCollector();
    c.throwIfAny();
    c.add(['a'], 'is bad', 'out_of_range');
    c.add(['b'], 'is worse');
    expect(() => c.throwIfAny()).toThrow('[dealerkit] a: is bad; b: is worse');
    try {
      c.throwIfAny();
    } catch (e) {
      expect((e as DealerkitError).code).toBe('out_of_range');
    }
  });
});

describe('zod failures become dealerkit messages', () => {
  const spec = z.strictObject({
    rate: nonNegativeDecimalSchema,
    target: positiveDecimalSchema,
    from: z.optional(isoDateSchema),
    count: z.number().check(z.minimum(1), z.maximum(10)),
    strict: z.optional(z.number().check(z.gt(0), z.lt(5))),
    mode: z.enum(['a', 'b']),
    tiers: z.array(z.string()).check(z.minLength(1), z.maxLength(2)),
    name: z.optional(z.string().check(z.minLength(1))),
    code: z.optional(z.string().check(z.minLength(3), z.maxLength(3))),
    bound: z.optional(z.union([z.strictObject({ from: z.number() }), z.strictObject({ upTo: z.nullable(z.number()) })])),
    either: z.optional(z.union([z.number(), z.string()])),
    scoring: z.optional(z.discriminatedUnion('type', [z.strictObject({ type: z.literal('ratio') }), z.strictObject({ type: z.literal('curve'), k: z.number() })])),
    step: z.optional(z.number().check(z.multipleOf(5))),
    email: z.optional(z.email()),
    tags: z.optional(z.set(z.string()).check(z.minSize(1))),
  });

  function messages(input: unknown): string[] {
    try {
      parseWith(spec, input, ['program']);
    } catch (e) {
      return (e as DealerkitError).issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
    }
    return [];
  }

  it('names every bad field with its own message', () => {
    expect(
      messages({ rate: '-1', target: 0, from: '2026-02-30', count: 0, strict: 5, mode: 'c', tiers: [], name: '', code: 'ab', extra: 1, typo: 2, step: 7, email: 'x' }),
    ).toEqual([
      'program.rate: must not be negative, received -1',
      'program.target: must be greater than 0, received 0',
      'program.from: is not a calendar date (2026-02 has 28 days), received "2026-02-30"',
      'program.count: must be at least 1, received 0',
      'program.strict: must be less than 5, received 5',
      "program.mode: must be one of 'a', 'b', received \"c\"",
      'program.tiers: must hold at least 1 item',
      'program.name: must not be empty',
      'program.code: must have at least 3 characters',
      'program.step: must be a multiple of 5, received 7',
      'program.email: must be in the email format, received "x"',
      'program.extra: is not a known field',
      'program.typo: is not a known field',
    ]);
  });

  it('reports missing fields, wrong types, and the closest union branch', () => {
    const base = { rate: 1, target: 1, count: 11, mode: 'a', tiers: ['a', 'b', 'c'] };
    expect(messages({ ...base, bound: { from: 'x' }, strict: 0, code: 'abcd', tags: new Set() })).toEqual([
      'program.count: must be at most 10, received 11',
      'program.strict: must be greater than 0, received 0',
      'program.tiers: must hold at most 2 items',
      'program.code: must have at most 3 characters',
      'program.bound.from: must be a number, received "x"',
      'program.tags: must hold at least 1 item',
    ]);
    expect(messages({ tiers: 'x', mode: 'a', rate: 'abc', target: '1', count: 1 })).toEqual([
      'program.rate: must be a number or a numeric string, received "abc"',
      'program.tiers: must be an array, received "x"',
    ]);
    expect(messages({ mode: 'a', tiers: ['a'], rate: 1, target: 1 })).toEqual(['program.count: is required (a number)']);
    expect(messages({ ...base, count: 1, tiers: ['a'], either: true, scoring: { type: 'nope' } })).toEqual([
      'program.either: does not match any accepted form, received true',
      "program.scoring.type: must be one of 'ratio', 'curve', received \"nope\"",
    ]);
    expect(messages({ ...base, count: 1, tiers: ['a'], scoring: { type: 'curve' } })).toEqual(['program.scoring.k: is required (a number)']);
    expect(messages(5)).toEqual(['program: must be an object, received 5']);
  });

  it('uses out_of_range when every issue is a range issue', () => {
    try {
      parseWith(z.number().check(z.minimum(0)), -1);
    } catch (e) {
      expect((e as DealerkitError).code).toBe('out_of_range');
    }
    try {
      parseWith(positiveDecimalSchema, -1);
    } catch (e) {
      expect((e as DealerkitError).code).toBe('out_of_range');
    }
    try {
      parseWith(z.string(), 1);
    } catch (e) {
      expect((e as DealerkitError).code).toBe('invalid_input');
    }
  });

  it('handles custom issues and codes zod adds', () => {
    const custom = z.number().check(z.refine((n) => n !== 3, { error: 'must not be three' }));
    expect(() => parseWith(custom, 3, ['x'])).toThrow('[dealerkit] x: must not be three');
    const plain = z.custom<number>((v) => v === 1);
    expect(() => parseWith(plain, 2, ['y'])).toThrow('[dealerkit] y: is not valid, received 2');
    expect(toDealerkitError({ issues: [{ code: 'invalid_key', path: [Symbol('k')], message: 'Invalid input', input: {} }] }).message).toBe(
      '[dealerkit] k: is not valid, received an object',
    );
  });

  it('parses decimals, dates and rounding options through the exported schemas', () => {
    expect(decimalSchema.parse('1e3').toString()).toBe('1000');
    expect(isoDateSchema.parse(new Date(Date.UTC(2026, 0, 2)))).toBe('2026-01-02');
    expect(roundOptionsSchema.parse({ scale: 2 })).toEqual({ scale: 2 });
    expect(() => parseWith(roundOptionsSchema, { scale: 1.5 })).toThrow('scale: must be a whole number of decimal places, received 1.5');
    expect(() => parseWith(isoDateSchema, 5)).toThrow('must be a date written YYYY-MM-DD or a Date, received number');
    expect(() => parseWith(decimalSchema, NaN, ['v'])).toThrow('v: must be a number or a numeric string, received NaN');
    expect(() => parseWith(decimalSchema, null, ['v'])).toThrow('received null');
    expect(() => parseWith(decimalSchema, undefined, ['v'])).toThrow('received nothing');
    expect(() => parseWith(decimalSchema, [1], ['v'])).toThrow('received an array');
    expect(() => parseWith(decimalSchema, { a: 1 }, ['v'])).toThrow('received an object');
    expect(() => parseWith(decimalSchema, 'x'.repeat(50), ['v'])).toThrow('…');
    expect(() => parseWith(decimalSchema, false, ['v'])).toThrow('received false');
  });
});
