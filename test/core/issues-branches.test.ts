// zod issue → DealerkitError formatting (src/core/issues.ts): each raw issue kind the formatter
// reads, fed as hand-written zod v4 raw issues, with the expected issue written out by hand from
// the wording rules (article, plural, inclusive bounds, numeric-text hint).
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { DealerkitError } from '../../src/core/errors.js';
import { knownKeysAt, nearestName, parseWith, toDealerkitError } from '../../src/core/issues.js';

const err = (issues: unknown[], base: (string | number)[] = [], schema?: unknown): DealerkitError =>
  toDealerkitError({ issues }, base, schema);

describe('toDealerkitError: invalid_type', () => {
  it('an issue without an input field reads "must be <article> <type>" (vowel → "an")', () => {
    const e = err([{ code: 'invalid_type', expected: 'object', path: ['a'] }]);
    expect(e.code).toBe('invalid_input');
    expect(e.issues).toEqual([{ path: ['a'], code: 'invalid_type', message: 'must be an object', expected: 'an object' }]);
  });
  it('an integer expected and a fractional number received is not_an_integer', () => {
    const e = err([{ code: 'invalid_type', expected: 'int', input: 1.5, path: ['n'] }]);
    expect(e.issues).toEqual([
      { path: ['n'], code: 'not_an_integer', message: 'must be a whole number, received 1.5', expected: 'a whole number', received: '1.5' },
    ]);
  });
  it('a number expected and NaN received is not_a_number', () => {
    const e = err([{ code: 'invalid_type', expected: 'number', input: Number.NaN, path: [0] }]);
    expect(e.issues).toEqual([
      { path: [0], code: 'not_a_number', message: 'must be a finite number, received NaN', expected: 'a finite number', received: 'NaN' },
    ]);
  });
  it('a schema message other than zod\'s generic one wins; a params.issue code wins too', () => {
    const e = err([{ code: 'invalid_type', expected: 'string', input: 3, message: 'needs text', params: { issue: 'invalid_value', expected: 'some text' } }]);
    expect(e.issues).toEqual([{ path: [], code: 'invalid_value', message: 'needs text', expected: 'some text', received: '3' }]);
    expect(e.message).toBe('[dealerkit] (input): needs text');
  });
  it('the generic zod message "Invalid input" is replaced by dealerkit\'s wording', () => {
    const e = err([{ code: 'invalid_type', expected: 'boolean', input: 'x', message: 'Invalid input', path: ['b'] }]);
    expect(e.issues[0]).toEqual({ path: ['b'], code: 'invalid_type', message: 'must be a boolean, received "x"', expected: 'a boolean', received: '"x"' });
  });
  it('a not_a_number on a numeric-looking text becomes out_of_range (e.g. "1e999" overflows)', () => {
    const e = err([{ code: 'custom', input: '1e999', path: ['x'], message: 'is too large', params: { issue: 'not_a_number' } }]);
    expect(e.issues).toEqual([{ path: ['x'], code: 'out_of_range', message: 'is too large', received: '"1e999"' }]);
  });
  it('a not_a_number on non-numeric text stays not_a_number', () => {
    const e = err([{ code: 'custom', input: 'abc', path: ['x'], message: 'bad', params: { issue: 'not_a_number' } }]);
    expect(e.issues).toEqual([{ path: ['x'], code: 'not_a_number', message: 'bad', received: '"abc"' }]);
  });
});

describe('toDealerkitError: ranges', () => {
  it('arrays: at least 1 item (singular) and at most N items', () => {
    const e = err([
      { code: 'too_small', origin: 'array', minimum: 1, path: ['tiers'] },
      { code: 'too_small', origin: 'set', minimum: 3, path: ['s'] },
      { code: 'too_big', origin: 'array', maximum: 5, path: ['t'] },
    ]);
    expect(e.code).toBe('out_of_range'); // every issue is a range issue
    expect(e.issues).toEqual([
      { path: ['tiers'], code: 'too_short', message: 'must hold at least 1 item', limit: '1' },
      { path: ['s'], code: 'too_short', message: 'must hold at least 3 items', limit: '3' },
      { path: ['t'], code: 'too_long', message: 'must hold at most 5 items', limit: '5' },
    ]);
  });
  it('strings: not empty, at least N characters, at most N characters', () => {
    const e = err([
      { code: 'too_small', origin: 'string', minimum: 1, path: ['a'] },
      { code: 'too_small', origin: 'string', minimum: 3, path: ['b'] },
      { code: 'too_big', origin: 'string', maximum: 8, path: ['c'] },
    ]);
    expect(e.issues).toEqual([
      { path: ['a'], code: 'too_short', message: 'must not be empty', limit: '1' },
      { path: ['b'], code: 'too_short', message: 'must have at least 3 characters', limit: '3' },
      { path: ['c'], code: 'too_long', message: 'must have at most 8 characters', limit: '8' },
    ]);
  });
  it('numbers: exclusive bounds read "greater than"/"less than", inclusive "at least"/"at most"', () => {
    const e = err([
      { code: 'too_small', origin: 'number', minimum: 0, inclusive: false, input: 0, path: ['p'] },
      { code: 'too_big', origin: 'number', maximum: 100, inclusive: false, input: 100, path: ['q'] },
      { code: 'too_big', origin: 'number', maximum: 10, inclusive: true, input: 11, path: ['r'] },
    ]);
    expect(e.code).toBe('out_of_range');
    expect(e.issues).toEqual([
      { path: ['p'], code: 'out_of_range', message: 'must be greater than 0, received 0', expected: 'greater than 0', received: '0', limit: '0' },
      { path: ['q'], code: 'out_of_range', message: 'must be less than 100, received 100', expected: 'less than 100', received: '100', limit: '100' },
      { path: ['r'], code: 'out_of_range', message: 'must be at most 10, received 11', expected: 'at most 10', received: '11', limit: '10' },
    ]);
  });
});

describe('toDealerkitError: values, formats, multiples, unknown kinds', () => {
  it('invalid_value lists the allowed values; without values the list is empty', () => {
    const e = err([
      { code: 'invalid_value', values: ['a', 2], input: 'z', path: ['k'] },
      { code: 'invalid_value', input: undefined, path: ['m'] },
    ]);
    expect(e.code).toBe('invalid_input');
    expect(e.issues).toEqual([
      { path: ['k'], code: 'invalid_value', message: "must be one of 'a', 2, received \"z\"", expected: "one of 'a', 2", received: '"z"' },
      { path: ['m'], code: 'required', message: 'must be one of , received nothing', expected: 'one of ', received: 'nothing' },
    ]);
  });
  it('not_multiple_of: divisor 1 is not_an_integer, other divisors invalid_value', () => {
    const e = err([
      { code: 'not_multiple_of', divisor: 1, input: 2.5, path: ['a'] },
      { code: 'not_multiple_of', divisor: 5, input: 7, path: ['b'] },
    ]);
    expect(e.issues).toEqual([
      { path: ['a'], code: 'not_an_integer', message: 'must be a multiple of 1, received 2.5', received: '2.5' },
      { path: ['b'], code: 'invalid_value', message: 'must be a multiple of 5, received 7', received: '7' },
    ]);
  });
  it('invalid_format names the format; an unknown issue kind reads "is not valid"', () => {
    const e = err([
      { code: 'invalid_format', format: 'email', input: 'x@', path: ['mail'] },
      { code: 'something_new', input: true, path: ['f'] },
    ]);
    expect(e.issues).toEqual([
      { path: ['mail'], code: 'invalid_value', message: 'must be in the email format, received "x@"', received: '"x@"' },
      { path: ['f'], code: 'invalid_value', message: 'is not valid, received true', received: 'true' },
    ]);
  });
  it('custom issues take their code from params.code or the error kind; no input is required', () => {
    const e = err([
      { code: 'custom', input: 5, message: 'too far', params: { code: 'out_of_range' }, path: ['a'] },
      { code: 'custom', input: 'Z', message: 'no such label', path: ['b'] },
      { code: 'custom', message: 'needed', path: ['c'] },
    ]);
    // The first issue's params.code sets the error kind for all of them.
    expect(e.code).toBe('out_of_range');
    expect(e.issues).toEqual([
      { path: ['a'], code: 'out_of_range', message: 'too far', received: '5' },
      { path: ['b'], code: 'out_of_range', message: 'no such label', received: '"Z"' },
      // the default detail describes the missing input as "nothing"
      { path: ['c'], code: 'required', message: 'needed', received: 'nothing' },
    ]);
  });
  it('custom issues under unknown_label and infeasible kinds keep those codes; others are invalid_value', () => {
    expect(err([{ code: 'custom', input: 1, message: 'm', params: { code: 'unknown_label' } }]).issues[0]!.code).toBe('unknown_label');
    expect(err([{ code: 'custom', input: 1, message: 'm', params: { code: 'infeasible' } }]).issues[0]!.code).toBe('infeasible');
    expect(err([{ code: 'custom', input: 1, message: 'm' }]).issues[0]!.code).toBe('invalid_value');
  });
  it('a params.limit is carried to the issue', () => {
    const e = err([{ code: 'custom', input: 9, message: 'over', params: { code: 'out_of_range', limit: '8' } }]);
    expect(e.issues).toEqual([{ path: [], code: 'out_of_range', message: 'over', received: '9', limit: '8' }]);
  });
});

describe('toDealerkitError: unions', () => {
  it('no matching discriminator: a missing discriminator is required, a wrong one invalid_value', () => {
    const e = err([
      { code: 'invalid_union', note: 'No matching discriminator', discriminator: 'kind', options: ['flat', 'tiered'], input: {}, path: ['plan'] },
      { code: 'invalid_union', note: 'No matching discriminator', discriminator: 'kind', options: ['flat'], input: { kind: 'x' }, path: ['p2'] },
      { code: 'invalid_union', note: 'No matching discriminator', input: undefined },
    ]);
    expect(e.issues).toEqual([
      { path: ['plan'], code: 'required', message: "must be one of 'flat', 'tiered', received nothing", expected: "one of 'flat', 'tiered'", received: 'nothing' },
      { path: ['p2'], code: 'invalid_value', message: "must be one of 'flat', received \"x\"", expected: "one of 'flat'", received: '"x"' },
      { path: [], code: 'required', message: 'must be one of , received nothing', expected: 'one of ', received: 'nothing' },
    ]);
  });
  it('a union with no branch errors reads "does not match any accepted form"', () => {
    const e = err([{ code: 'invalid_union', errors: [], input: 4, path: ['u'] }]);
    expect(e.issues).toEqual([{ path: ['u'], code: 'invalid_type', message: 'does not match any accepted form, received 4', received: '4' }]);
  });
  it('the deepest branch is reported; at equal depth the one with fewer issues', () => {
    const shallow = [{ code: 'invalid_type', expected: 'string', input: 1, path: [] }];
    const deepTwo = [
      { code: 'invalid_type', expected: 'number', input: 'a', path: ['x'] },
      { code: 'invalid_type', expected: 'number', input: 'b', path: ['y'] },
    ];
    const deepOne = [{ code: 'invalid_type', expected: 'number', input: 'c', path: ['z'] }];
    const e = err([{ code: 'invalid_union', errors: [shallow, deepTwo, deepOne], input: {}, path: ['u'] }]);
    expect(e.issues).toEqual([{ path: ['u', 'z'], code: 'invalid_type', message: 'must be a number, received "c"', expected: 'a number', received: '"c"' }]);
  });
});

describe('toDealerkitError: unknown keys and odd input', () => {
  it('unknown keys without a schema: no suggestion', () => {
    const e = err([{ code: 'unrecognized_keys', keys: ['colour', 'x'], path: ['opts'] }]);
    expect(e.issues).toEqual([
      { path: ['opts', 'colour'], code: 'unknown_field', message: 'is not a known field', received: 'colour' },
      { path: ['opts', 'x'], code: 'unknown_field', message: 'is not a known field', received: 'x' },
    ]);
  });
  it('unknown keys with no keys list add nothing (the error falls back to one generic issue)', () => {
    const e = err([{ code: 'unrecognized_keys', path: ['opts'] }]);
    expect(e.issues).toEqual([{ path: [], code: 'invalid_value', message: 'invalid input' }]);
  });
  it('non-object issues are skipped; paths keep finite numbers, symbols by description, others described', () => {
    const e = err([null, 7, { code: 'invalid_value', values: [1], input: 2, path: [Symbol('sym'), Number.NaN, true, 3] }]);
    expect(e.code).toBe('invalid_input');
    expect(e.issues).toEqual([{ path: ['sym', 'NaN', 'true', 3], code: 'invalid_value', message: 'must be one of 1, received 2', expected: 'one of 1', received: '2' }]);
  });
  it('an issues getter that throws makes an internal error; a DealerkitError passes through', () => {
    const throwing = Object.defineProperty({}, 'issues', { get() { throw new Error('boom'); } });
    const e = toDealerkitError(throwing);
    expect(e.code).toBe('internal');
    const same = new DealerkitError('invalid_input', [{ path: ['a'], message: 'x' }]);
    expect(toDealerkitError(same)).toBe(same);
  });
  it('an issue whose fields cannot be printed is read as invalid_value at its path; an unreadable path gives the root', () => {
    const unprintable = Object.create(null) as Record<string, unknown>;
    const bad1 = { code: 'invalid_type', expected: unprintable, input: 1, path: ['deep', 2] };
    const bad2 = Object.defineProperty({}, 'path', { get() { throw new Error('no path'); } });
    (bad2 as { code?: string }).code = 'custom';
    const e = toDealerkitError({ issues: [bad1, bad2] }, ['root']);
    expect(e.issues).toEqual([
      { path: ['root', 'deep', 2], code: 'invalid_value', message: 'is not valid' },
      { path: ['root'], code: 'invalid_value', message: 'is not valid' },
    ]);
  });
});

describe('knownKeysAt and nearestName', () => {
  const inner = z.object({ amount: z.number(), currency: z.string() });
  const schema = z.object({
    list: z.array(inner),
    pair: z.tuple([z.string(), inner]),
    byName: z.record(z.string(), inner),
    either: z.union([inner, z.object({ rate: z.number() })]),
    both: z.intersection(z.object({ a: z.number() }), z.object({ b: z.number() })),
    opt: z.optional(inner),
    lazy: z.lazy(() => inner),
  });
  it('reads field names through arrays, tuples, records, unions, intersections, optionals and lazies', () => {
    expect(knownKeysAt(schema, ['list', 0]).sort()).toEqual(['amount', 'currency']);
    expect(knownKeysAt(schema, ['pair', 1]).sort()).toEqual(['amount', 'currency']);
    expect(knownKeysAt(schema, ['pair', 'x'])).toEqual([]); // a tuple needs a numeric index
    expect(knownKeysAt(schema, ['byName', 'k']).sort()).toEqual(['amount', 'currency']);
    expect(knownKeysAt(schema, ['either']).sort()).toEqual(['amount', 'currency', 'rate']);
    expect(knownKeysAt(schema, ['both']).sort()).toEqual(['a', 'b']);
    expect(knownKeysAt(schema, ['opt']).sort()).toEqual(['amount', 'currency']);
    expect(knownKeysAt(schema, ['lazy']).sort()).toEqual(['amount', 'currency']);
    expect(knownKeysAt(schema, ['nope'])).toEqual([]);
    expect(knownKeysAt(undefined, [])).toEqual([]);
  });
  it('a schema whose lazy getter throws gives no names', () => {
    const broken = z.object({ l: z.lazy(() => { throw new Error('x'); }) });
    expect(knownKeysAt(broken, ['l'])).toEqual([]);
  });
  it('nearestName: within max(2, len/3) edits (transpositions count one), case-insensitive', () => {
    expect(nearestName('currnecy', ['amount', 'currency'])).toBe('currency'); // one transposition
    expect(nearestName('AMOUNT', ['amount'])).toBe('amount');
    expect(nearestName('zzzzzz', ['amount'])).toBeUndefined(); // 6 edits > max(2, 2)
    expect(nearestName('a'.repeat(65), ['a'.repeat(65)])).toBe('a'.repeat(65)); // long: equality only
    expect(nearestName('a'.repeat(65), ['a'.repeat(64)])).toBeUndefined();
  });
  it('parseWith suggests the nearest known field for an unknown key', () => {
    const strict = z.strictObject({ currency: z.string() });
    let caught: unknown;
    try {
      parseWith(strict, { currency: 'EUR', curency: 'EUR' }, ['cfg']);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DealerkitError);
    const e = caught as DealerkitError;
    expect(e.issues).toEqual([{ path: ['cfg', 'curency'], code: 'unknown_field', message: 'is not a known field; did you mean `currency`?', received: 'curency' }]);
  });
});

describe('knownKeysAt: pipes, repeats, leaves and depth', () => {
  const inner = z.object({ amount: z.number(), currency: z.string() });
  it('reads through a pipe; a schema met twice is read once; a leaf or a numeric key on an object gives nothing', () => {
    expect(knownKeysAt(z.pipe(inner, z.transform((v) => v)), []).sort()).toEqual(['amount', 'currency']);
    expect(knownKeysAt(z.union([inner, inner]), []).sort()).toEqual(['amount', 'currency']);
    expect(knownKeysAt(inner, ['amount', 'x'])).toEqual([]);
    expect(knownKeysAt(inner, [0])).toEqual([]);
  });
  it('a self-referring schema is followed at most 64 levels deep', () => {
    interface Node { child?: Node | undefined; name: string }
    const node: z.ZodMiniType<Node> = z.object({ name: z.string(), get child() { return z.optional(z.lazy(() => node)); } });
    expect(knownKeysAt(node, ['child', 'child']).sort()).toEqual(['child', 'name']);
    expect(knownKeysAt(node, new Array<string>(70).fill('child'))).toEqual([]);
  });
});
