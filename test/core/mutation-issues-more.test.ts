// zod issue formatting (src/core/issues.ts), more cases: raw zod v4 issues written by hand, and
// toy schema definitions for knownKeysAt; every expected issue and name written from the rules in
// the source (the deepest branch of a union wins, then the fewest issues; a name is suggested within
// max(2, ⌊length / 3⌋) edits, transpositions counting one).
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { knownKeysAt, nearestName, toDealerkitError } from '../../src/core/issues.js';

const err = (issues: unknown[], base: (string | number)[] = []) => toDealerkitError({ issues }, base);

describe('a union', () => {
  it('the deeper branch wins even when a shallower one has fewer issues', () => {
    const deep = [
      { code: 'invalid_type', expected: 'string', input: 1, path: ['a', 'b'] },
      { code: 'invalid_type', expected: 'string', input: 2, path: ['a', 'c'] },
    ];
    const shallow = [{ code: 'invalid_type', expected: 'number', input: 'x', path: [] }];
    expect(err([{ code: 'invalid_union', errors: [deep, shallow], input: {}, path: ['u'] }]).issues.map((i) => [i.path, i.message])).toEqual([
      [['u', 'a', 'b'], 'must be a string, received 1'],
      [['u', 'a', 'c'], 'must be a string, received 2'],
    ]);
  });

  it('without branches: does not match any accepted form', () => {
    expect(err([{ code: 'invalid_union', input: 5, path: ['x'] }]).issues).toEqual([
      { path: ['x'], code: 'invalid_type', message: 'does not match any accepted form, received 5', received: '5' },
    ]);
  });

  it('no matching discriminator, none named: the field read is the empty key', () => {
    expect(err([{ code: 'invalid_union', note: 'No matching discriminator', input: { '': 'z' }, options: ['a', 'b'], path: ['x'] }]).issues).toEqual([
      { path: ['x'], code: 'invalid_value', message: 'must be one of \'a\', \'b\', received "z"', expected: "one of 'a', 'b'", received: '"z"' },
    ]);
  });
});

describe('an issue holds only the details it has', () => {
  it('no expected, received or limit key when there is none', () => {
    const issue = err([{ code: 'invalid_type', expected: 'string', path: ['n'] }]).issues[0]!;
    expect(Object.keys(issue)).toEqual(['path', 'code', 'message', 'expected']);
    const custom = err([{ code: 'custom', message: 'is odd', path: ['c'] }]).issues[0]!;
    // A custom issue without input: the default branch saw it as nothing; no expected, no limit.
    expect(Object.keys(custom)).toEqual(['path', 'code', 'message', 'received']);
    expect(custom).toStrictEqual({ path: ['c'], code: 'required', message: 'is odd', received: 'nothing' });
  });
});

describe('unknown fields without a schema', () => {
  it('no name is suggested, however close', () => {
    expect(err([{ code: 'unrecognized_keys', keys: ['Stryker was her'], path: [] }]).issues[0]!.message).toBe(err([{ code: 'unrecognized_keys', keys: ['zzzz'], path: [] }]).issues[0]!.message);
    expect(err([{ code: 'unrecognized_keys', keys: ['Stryker was her'], path: [] }]).issues[0]!.message).not.toMatch(/Stryker was here/);
  });
});

/** A hand-made zod definition (what knownKeysAt reads: `_zod.def`). */
const def = (d: Record<string, unknown>) => ({ _zod: { def: d } });

describe('knownKeysAt over odd definitions', () => {
  const alpha = z.object({ alpha: z.string() });

  it('an option that is no schema (null, an object without _zod) is skipped, the others still read', () => {
    expect(knownKeysAt(def({ type: 'union', options: [null, alpha] }), [])).toEqual(['alpha']);
    expect(knownKeysAt(def({ type: 'union', options: [{}, alpha] }), [])).toEqual(['alpha']);
    expect(knownKeysAt(def({ type: 'union', options: [{ _zod: {} }, alpha] }), [])).toEqual(['alpha']);
    // A tuple index past its items reads nothing there.
    expect(knownKeysAt(z.union([z.tuple([z.string()]), z.array(alpha)]), [3])).toEqual(['alpha']);
  });

  it('an object field is followed only by a text key it owns', () => {
    const numbered = z.object({ 0: alpha });
    expect(knownKeysAt(numbered, ['0'])).toEqual(['alpha']);
    expect(knownKeysAt(numbered, [0])).toEqual([]);
  });

  it('a definition that throws while read gives no names at all', () => {
    const boom = def({
      type: 'lazy',
      getter: () => {
        throw new Error('boom');
      },
    });
    expect(knownKeysAt(def({ type: 'union', options: [alpha, boom] }), [])).toEqual([]);
  });
});

describe('nearestName: the edit distance', () => {
  it('inserting letters counts each one', () => {
    // 'x' → 'abc': replace x, insert two: 3 edits > max(2, ⌊1 / 3⌋) = 2.
    expect(nearestName('x', ['abc'])).toBeUndefined();
    // 'x' → 'ab': 2 edits ≤ 2.
    expect(nearestName('x', ['ab'])).toBe('ab');
  });

  it('an empty known name is one insertion away from a one-letter name', () => {
    expect(nearestName('a', ['', 'abcd'])).toBe('');
  });

  it('a transposition counts one edit, like a substitution; the first of equals wins', () => {
    // abc → abd: 1 substitution; abc → bac: 1 transposition.
    expect(nearestName('abc', ['abd', 'bac'])).toBe('abd');
    expect(nearestName('abc', ['bac', 'abd'])).toBe('bac');
    // abcdef → badcfe: three transpositions, 3 > max(2, ⌊6 / 3⌋) = 2; → bacdef: one.
    expect(nearestName('abcdef', ['badcfe'])).toBeUndefined();
    expect(nearestName('abcdef', ['xxxxxx', 'bacdef'])).toBe('bacdef');
  });
});
