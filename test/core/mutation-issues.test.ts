// zod issue formatting (src/core/issues.ts): the cases test/core/issues-branches.test.ts leaves
// open. Raw zod v4 issues written by hand; every expected issue written out from the wording rules.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { knownKeysAt, nearestName, toDealerkitError } from '../../src/core/issues.js';

const err = (issues: unknown[], base: (string | number)[] = []) => toDealerkitError({ issues }, base);

describe('union branches', () => {
  it('at equal depth and equal issue count, the first branch is reported', () => {
    const a = [{ code: 'invalid_type', expected: 'number', input: 'a', path: ['x'] }];
    const b = [{ code: 'invalid_type', expected: 'string', input: 1, path: ['y'] }];
    expect(err([{ code: 'invalid_union', errors: [a, b], input: {}, path: ['u'] }]).issues).toEqual([
      { path: ['u', 'x'], code: 'invalid_type', message: 'must be a number, received "a"', expected: 'a number', received: '"a"' },
    ]);
  });

  it('unknown keys count as depth 0, whatever their path: a branch with a deeper real issue wins', () => {
    const keys = [{ code: 'unrecognized_keys', keys: ['z'], path: ['a', 'b'] }];
    const typed = [{ code: 'invalid_type', expected: 'number', input: 'c', path: ['c'] }];
    expect(err([{ code: 'invalid_union', errors: [keys, typed], input: {}, path: [] }]).issues).toEqual([
      { path: ['c'], code: 'invalid_type', message: 'must be a number, received "c"', expected: 'a number', received: '"c"' },
    ]);
  });

  it('branches whose issues are all at the union itself: no branch is closer, so "does not match any accepted form"', () => {
    const a = [{ code: 'invalid_type', expected: 'number', input: true, path: [] }];
    const b = [{ code: 'invalid_type', expected: 'string', input: true, path: [] }];
    expect(err([{ code: 'invalid_union', errors: [a, b], input: true, path: ['e'] }]).issues).toEqual([
      { path: ['e'], code: 'invalid_type', message: 'does not match any accepted form, received true', received: 'true' },
    ]);
  });

  it('a deeper branch with more issues beats a shallower one with fewer', () => {
    const shallow = [{ code: 'invalid_type', expected: 'number', input: 'a', path: ['x'] }];
    const deep = [
      { code: 'invalid_type', expected: 'number', input: 'b', path: ['y', 'z'] },
      { code: 'invalid_type', expected: 'number', input: 'c', path: ['y', 'w'] },
    ];
    expect(err([{ code: 'invalid_union', errors: [shallow, deep], input: {}, path: [] }]).issues.map((i) => i.path)).toEqual([
      ['y', 'z'],
      ['y', 'w'],
    ]);
  });
});

describe('odd raw issues', () => {
  it('invalid_value without an input field is invalid_value, received nothing', () => {
    expect(err([{ code: 'invalid_value', values: ['a'], path: ['k'] }]).issues).toEqual([
      { path: ['k'], code: 'invalid_value', message: "must be one of 'a', received nothing", expected: "one of 'a'", received: 'nothing' },
    ]);
  });

  it('ranges: an absent inclusive reads "at least"/"at most"; bigint bounds print plainly; a set of at most N', () => {
    expect(err([
      { code: 'too_small', origin: 'number', minimum: 2, input: 1, path: ['a'] },
      { code: 'too_big', origin: 'bigint', maximum: BigInt(10), input: BigInt(11), path: ['b'] },
      { code: 'too_big', origin: 'set', maximum: 1, path: ['c'] },
      { code: 'too_small', origin: 'string', minimum: 2, path: ['d'] },
    ]).issues).toEqual([
      { path: ['a'], code: 'out_of_range', message: 'must be at least 2, received 1', expected: 'at least 2', received: '1', limit: '2' },
      { path: ['b'], code: 'out_of_range', message: 'must be at most 10, received 11n', expected: 'at most 10', received: '11n', limit: '10' },
      { path: ['c'], code: 'too_long', message: 'must hold at most 1 items', limit: '1' },
      { path: ['d'], code: 'too_short', message: 'must have at least 2 characters', limit: '2' },
    ]);
  });

  it('one range issue among others makes the error invalid_input, not out_of_range', () => {
    const e = err([
      { code: 'too_small', origin: 'number', minimum: 0, input: -1, path: ['a'] },
      { code: 'invalid_type', expected: 'string', input: 1, path: ['b'] },
    ]);
    expect(e.code).toBe('invalid_input');
    expect(err([{ code: 'too_big', origin: 'number', maximum: 0, input: 1 }]).code).toBe('out_of_range');
  });

  it('the first params.code sets the kind even after issues without one', () => {
    const e = err([
      { code: 'custom', input: 1, message: 'a', path: ['a'] },
      { code: 'custom', input: 2, message: 'b', path: ['b'], params: { code: 'infeasible' } },
      { code: 'custom', input: 3, message: 'c', path: ['c'], params: { code: 'unknown_label' } },
    ]);
    expect(e.code).toBe('infeasible');
    expect(e.issues.map((i) => i.code)).toEqual(['infeasible', 'infeasible', 'unknown_label']);
  });

  it('a symbol without a description in a path prints as undefined; the base is prefixed to every path', () => {
    expect(err([{ code: 'invalid_value', values: [1], input: 2, path: [Symbol(), 0] }], ['root']).issues[0]!.path).toEqual(['root', 'undefined', 0]);
    expect(err([{ code: 'invalid_value', values: [1], input: 2 }], ['root', 3]).issues[0]!.path).toEqual(['root', 3]);
  });

  it('an int expected and text received is an invalid type', () => {
    expect(err([{ code: 'invalid_type', expected: 'int', input: 'x', path: ['n'] }]).issues).toEqual([
      { path: ['n'], code: 'invalid_type', message: 'must be an int, received "x"', expected: 'an int', received: '"x"' },
    ]);
    expect(err([{ code: 'invalid_type', expected: 'number', input: '1', path: ['n'] }]).issues[0]!.code).toBe('invalid_type');
  });

  it('a params.expected wins over the computed one; a message equal to zod\'s generic text is replaced', () => {
    expect(err([{ code: 'too_small', origin: 'number', minimum: 1, input: 0, message: 'Invalid input', params: { expected: 'one or more' } }]).issues).toEqual([
      { path: [], code: 'out_of_range', message: 'must be at least 1, received 0', expected: 'one or more', received: '0', limit: '1' },
    ]);
  });

  it('not_a_number on numeric text becomes out_of_range only for text: a number input stays not_a_number', () => {
    expect(err([{ code: 'custom', input: 5, message: 'm', params: { issue: 'not_a_number' } }]).issues[0]!.code).toBe('not_a_number');
    expect(err([{ code: 'custom', input: '1e5x', message: 'm', params: { issue: 'not_a_number' } }]).issues[0]!.code).toBe('not_a_number');
    expect(err([{ code: 'custom', input: '-.5e+3', message: 'm', params: { issue: 'not_a_number' } }]).issues[0]!.code).toBe('out_of_range');
  });
});

describe('knownKeysAt', () => {
  it('a schema met first with nothing left to read is read again when a path is left', () => {
    // U = { a: A } | A, read at ['a']: the first option reads A with nothing left (A's own keys: a),
    // the second reads A with ['a'] left (the keys of A.a: deep). Both count.
    const A = z.object({ a: z.object({ deep: z.number() }) });
    const U = z.union([z.object({ a: A }), A]);
    expect(knownKeysAt(U, ['a']).sort()).toEqual(['a', 'deep']);
  });

  it('reads a record\'s and an array\'s items only with a key or index left', () => {
    const item = z.object({ k: z.number() });
    expect(knownKeysAt(z.array(item), [])).toEqual([]);
    expect(knownKeysAt(z.record(z.string(), item), [])).toEqual([]);
    expect(knownKeysAt(z.tuple([item]), [])).toEqual([]);
    expect(knownKeysAt(z.tuple([item]), [0])).toEqual(['k']);
  });
});

describe('nearestName at its thresholds', () => {
  it('up to max(2, ⌊length / 3⌋) edits: 2 for a 7-letter name, 3 for a 9-letter one', () => {
    // 'abcdxyz' vs 'abcdefg': 3 substitutions > ⌊7/3⌋ = 2 → none; 'abcdxyg': 2 → suggested.
    expect(nearestName('abcdxyz', ['abcdefg'])).toBeUndefined();
    expect(nearestName('abcdxyg', ['abcdefg'])).toBe('abcdefg');
    // 'abcdefxyz' vs 'abcdefghi': 3 substitutions ≤ ⌊9/3⌋ = 3 → suggested; 'abcdewxyz': 4 → none.
    expect(nearestName('abcdefxyz', ['abcdefghi'])).toBe('abcdefghi');
    expect(nearestName('abcdewxyz', ['abcdefghi'])).toBeUndefined();
    // A short name still gets two edits: 'ab' vs 'xy'.
    expect(nearestName('ab', ['xy'])).toBe('xy');
  });

  it('the first of equally near names wins; known names are compared case-insensitively but returned as written', () => {
    expect(nearestName('cat', ['bat', 'hat'])).toBe('bat');
    expect(nearestName('amount', ['AMOUNT'])).toBe('AMOUNT');
    expect(nearestName('x', [])).toBeUndefined();
  });

  it('names of 64 characters are still compared by edits; past 64 only equality counts', () => {
    expect(nearestName('a'.repeat(64), ['a'.repeat(63)])).toBe('a'.repeat(63));
    expect(nearestName('a'.repeat(63), ['a'.repeat(64)])).toBe('a'.repeat(64));
    expect(nearestName('a'.repeat(63), ['a'.repeat(65)])).toBeUndefined();
  });

  it('a transposition is one edit, at the start of a word too', () => {
    // 'ba' vs 'ab': one transposition (two substitutions without it); with a third name at distance 2 the transposed one wins.
    expect(nearestName('bacd', ['xycd', 'abcd'])).toBe('abcd');
    expect(nearestName('abdc', ['abxy', 'abcd'])).toBe('abcd');
  });
});

describe('toDealerkitError: the kind', () => {
  it('no issues at all is invalid_input with the generic issue; a null among range issues is not all range', () => {
    expect(toDealerkitError({ issues: [] }).toJSON()).toEqual({
      name: 'DealerkitError',
      code: 'invalid_input',
      message: '[dealerkit] (input): invalid input',
      issues: [{ path: [], code: 'invalid_value', message: 'invalid input' }],
    });
    expect(err([null, { code: 'too_small', origin: 'number', minimum: 0, input: -1 }]).code).toBe('invalid_input');
  });
});

describe('knownKeysAt reads 64 levels of any one kind of wrapper, and no more', () => {
  const leaf = () => z.object({ x: z.number() });
  const kinds: [string, (inner: z.ZodMiniType) => z.ZodMiniType, string | number | null][] = [
    ['object', (s) => z.object({ a: s }), 'a'],
    ['array', (s) => z.array(s), 0],
    ['tuple', (s) => z.tuple([s]), 0],
    ['record', (s) => z.record(z.string(), s), 'k'],
    ['union', (s) => z.union([s, z.number()]), null],
    ['intersection (left)', (s) => z.intersection(s, z.object({})), null],
    ['intersection (right)', (s) => z.intersection(z.object({}), s), null],
    ['pipe', (s) => z.pipe(s, z.transform((v) => v)), null],
    ['lazy', (s) => z.lazy(() => s), null],
    ['optional', (s) => z.optional(s), null],
  ];
  for (const [name, wrap, key] of kinds) {
    it(name, () => {
      const nest = (n: number) => {
        let s: z.ZodMiniType = leaf();
        for (let i = 0; i < n; i++) s = wrap(s);
        return s;
      };
      const path = (n: number) => (key === null ? [] : new Array<string | number>(n).fill(key));
      expect(knownKeysAt(nest(64), path(64))).toEqual(['x']);
      expect(knownKeysAt(nest(65), path(65))).toEqual([]);
    });
  }
});
