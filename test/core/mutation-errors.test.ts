// DealerkitError, formatPath, the issue collector and wrapThrown (src/core/errors.ts): every
// printed path and message below is written by hand from the rules in the source comments.
import { describe, expect, it } from 'vitest';
import { DealerkitError, formatPath } from 'dealerkit';
import { IssueCollector, fail, guard, invalid, outOfRange, repathError, unknownLabel, wrapThrown } from '../../src/core/errors.js';
import { thrown } from '../helpers.js';

describe('formatPath: each kind of key', () => {
  it('field names with dots, other keys in brackets, odd keys quoted', () => {
    const cases: [(string | number)[], string][] = [
      [['a', 'b'], 'a.b'],
      [['_x', '$y', 'z9'], '_x.$y.z9'],
      [['Sales'], '[Sales]'],
      [['rows', 'Sales', 'net'], 'rows[Sales].net'],
      [['9a'], '[9a]'],
      [['a-b'], '[a-b]'],
      [[3, 'x'], '[3].x'],
      [['x', 0, 1], 'x[0][1]'],
      [['a b'], '["a b"]'],
      [['a.b'], '["a.b"]'],
      [['a"b'], '["a\\"b"]'],
      [["a'b"], '["a\'b"]'],
      [['a[b'], '["a[b"]'],
      [['a]b'], '["a]b"]'],
      [['a\\b'], '["a\\\\b"]'],
      [[''], '[""]'],
      [['…'], '…'],
      [['x', '…', 'y'], 'x….y'],
    ];
    expect(cases.map(([p]) => formatPath(p))).toEqual(cases.map(([, s]) => s));
  });

  it('a plain key of 64 characters prints whole, of 65 quoted and cut at 64 with an ellipsis', () => {
    const k64 = `K${'x'.repeat(63)}`;
    const k65 = `K${'x'.repeat(64)}`;
    expect(formatPath(['m', k64])).toBe(`m[${k64}]`);
    expect(formatPath(['m', k65])).toBe(`m["${k65.slice(0, 64)}…"]`);
    const spaced = `a ${'y'.repeat(70)}`;
    expect(formatPath([spaced])).toBe(`["${spaced.slice(0, 64)}…"]`);
  });

  it('a path of 64 keys prints whole; of 65, the first 8, an ellipsis and the last 8', () => {
    const p64 = Array.from({ length: 64 }, (_, i) => i);
    expect(formatPath(p64)).toBe(p64.map((i) => `[${i}]`).join(''));
    const p65 = Array.from({ length: 65 }, (_, i) => i);
    expect(formatPath(p65)).toBe('[0][1][2][3][4][5][6][7]…[57][58][59][60][61][62][63][64]');
    const named = ['a', ...Array.from({ length: 70 }, (_, i) => i), 'z'];
    expect(formatPath(named)).toBe('a[0][1][2][3][4][5][6]…[63][64][65][66][67][68][69].z');
  });

  it('keys that are neither strings nor numbers are printed by kind', () => {
    const cases: [unknown[], string][] = [
      [[Symbol()], '[symbol]'],
      [[Symbol('s')], '[s]'],
      [[BigInt(10)], '[10n]'],
      [[{}], '[object]'],
      [[null], '[object]'],
      [[() => 1], '[function]'],
      [[true], '[true]'],
      [[undefined], '[undefined]'],
    ];
    expect(cases.map(([p]) => formatPath(p as never))).toEqual(cases.map(([, s]) => s));
  });

  it('anything that is not a list is (input); a revoked proxy too', () => {
    const revoked = Proxy.revocable([] as unknown[], {});
    revoked.revoke();
    expect(formatPath(revoked.proxy as never)).toBe('(input)');
    expect(formatPath('a' as never)).toBe('(input)');
    expect(formatPath(undefined as never)).toBe('(input)');
  });
});

describe('DealerkitError: shape', () => {
  it('keeps expected, received and limit only when given, and copies the path', () => {
    const path = ['a', 1];
    const e = new DealerkitError('out_of_range', [
      { path, message: 'm1', expected: 'at most 1', received: '2', limit: '1' },
      { path: ['b'], message: 'm2', code: 'too_long' },
    ]);
    path.push('changed');
    expect(e.issues).toEqual([
      { path: ['a', 1], code: 'out_of_range', message: 'm1', expected: 'at most 1', received: '2', limit: '1' },
      { path: ['b'], code: 'too_long', message: 'm2' },
    ]);
    expect(Object.keys(e.issues[1]!)).toEqual(['path', 'code', 'message']);
    expect(e.message).toBe('[dealerkit] a[1]: m1; b: m2');
  });

  it('an issue with a path that is not a list gets the empty path; a message is made text', () => {
    const e = new DealerkitError('internal', [{ path: 'x' as never, message: 5 as never }]);
    expect(e.issues).toEqual([{ path: [], code: 'internal', message: '5' }]);
    expect(e.message).toBe('[dealerkit] (input): 5');
    expect(new DealerkitError('infeasible', 'nope' as never).issues).toEqual([{ path: [], code: 'infeasible', message: 'invalid input' }]);
  });

  it('toJSON gives plain data whose paths are copies', () => {
    const e = new DealerkitError('unknown_label', [{ path: ['stage'], message: 'is not defined' }]);
    const json = e.toJSON();
    expect(json).toEqual({
      name: 'DealerkitError',
      code: 'unknown_label',
      message: '[dealerkit] stage: is not defined',
      issues: [{ path: ['stage'], code: 'unknown_label', message: 'is not defined' }],
    });
    json.issues[0]!.path.push('x');
    expect(e.issues[0]!.path).toEqual(['stage']);
  });

  it('instanceof is false for a revoked proxy and for objects whose brand is not exactly true', () => {
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(revoked.proxy instanceof DealerkitError).toBe(false);
    const brand = Symbol.for('dealerkit.DealerkitError');
    expect({ [brand]: 1 } instanceof DealerkitError).toBe(false);
    expect({ [brand]: true } instanceof DealerkitError).toBe(true);
    expect((5 as unknown) instanceof DealerkitError).toBe(false);
    expect(new DealerkitError('internal', []).name).toBe('DealerkitError');
    expect(Object.getPrototypeOf(new DealerkitError('internal', []))).toBe(DealerkitError.prototype);
  });
});

describe('the throwers', () => {
  it('fail, invalid, outOfRange and unknownLabel throw one issue with their kind, the detail kept', () => {
    expect(thrown(() => fail('infeasible', ['a'], 'cannot', { limit: '3' })).toJSON()).toEqual({
      name: 'DealerkitError',
      code: 'infeasible',
      message: '[dealerkit] a: cannot',
      issues: [{ path: ['a'], code: 'infeasible', message: 'cannot', limit: '3' }],
    });
    const i = thrown(() => invalid(['b'], 'is bad'));
    expect([i.code, i.issues]).toEqual(['invalid_input', [{ path: ['b'], code: 'invalid_value', message: 'is bad' }]]);
    const o = thrown(() => outOfRange(['c'], 'too big', { code: 'out_of_range', limit: '9' }));
    expect([o.code, o.issues]).toEqual(['out_of_range', [{ path: ['c'], code: 'out_of_range', message: 'too big', limit: '9' }]]);
    const u = thrown(() => unknownLabel(['d'], 'is not defined'));
    expect([u.code, u.issues]).toEqual(['unknown_label', [{ path: ['d'], code: 'unknown_label', message: 'is not defined' }]]);
    // The path is copied, and the detail cannot replace it.
    const path = ['p'];
    const e = thrown(() => invalid(path, 'm', { path: ['other'] } as never));
    path.push('q');
    expect(e.issues[0]!.path).toEqual(['p']);
  });
});

describe('IssueCollector', () => {
  it('records invalid_input by default; the first kind recorded is the error code', () => {
    const c = new IssueCollector();
    c.add(['a'], 'is bad');
    c.add(['b'], 'is worse', 'infeasible');
    const e = thrown(() => c.throwIfAny());
    expect(e.code).toBe('invalid_input');
    expect(e.issues).toEqual([
      { path: ['a'], code: 'invalid_value', message: 'is bad' },
      { path: ['b'], code: 'infeasible', message: 'is worse' },
    ]);
  });

  it('an error added first sets the kind, one added later does not; its paths get the prefix (none by default)', () => {
    const inner = new DealerkitError('unknown_label', [{ path: ['x'], message: 'no such stage', received: '"s"' }]);
    const c = new IssueCollector();
    c.addError(inner);
    c.addError(new DealerkitError('infeasible', [{ path: [], message: 'cannot' }]), ['rows', 2]);
    c.add(['y'], 'late', 'out_of_range');
    const e = thrown(() => c.throwIfAny());
    expect(e.code).toBe('unknown_label');
    expect(e.issues).toEqual([
      { path: ['x'], code: 'unknown_label', message: 'no such stage', received: '"s"' },
      { path: ['rows', 2], code: 'infeasible', message: 'cannot' },
      { path: ['y'], code: 'out_of_range', message: 'late' },
    ]);
    const d = new IssueCollector();
    d.add(['z'], 'first', 'out_of_range', { limit: '1' });
    d.addError(inner);
    expect(thrown(() => d.throwIfAny()).code).toBe('out_of_range');
    expect(d.issues[0]).toEqual({ path: ['z'], code: 'out_of_range', message: 'first', limit: '1' });
  });

  it('throws nothing when nothing was recorded', () => {
    expect(() => new IssueCollector().throwIfAny()).not.toThrow();
  });
});

describe('repathError', () => {
  it('maps every path and keeps the kind, codes and details', () => {
    const e = new DealerkitError('out_of_range', [
      { path: ['a'], message: 'm', limit: '1' },
      { path: [], message: 'n', code: 'too_long' },
    ]);
    const moved = repathError(e, (p) => ['outer', ...p]);
    expect(moved.code).toBe('out_of_range');
    expect(moved.issues).toEqual([
      { path: ['outer', 'a'], code: 'out_of_range', message: 'm', limit: '1' },
      { path: ['outer'], code: 'too_long', message: 'n' },
    ]);
    expect(moved.message).toBe('[dealerkit] outer.a: m; outer: n');
  });
});

describe('wrapThrown and guard', () => {
  it('an Error is printed as name: message inside an internal issue', () => {
    expect(wrapThrown(new RangeError('bad')).toJSON()).toEqual({
      name: 'DealerkitError',
      code: 'internal',
      message: '[dealerkit] (input): unexpected failure (RangeError: bad)',
      issues: [{ path: [], code: 'internal', message: 'unexpected failure (RangeError: bad)' }],
    });
  });

  it('anything else is printed by kind', () => {
    expect(wrapThrown(42).issues[0]!.message).toBe('unexpected failure (42)');
    expect(wrapThrown(undefined).issues[0]!.message).toBe('unexpected failure (undefined)');
    expect(wrapThrown({ a: 1 }).issues[0]!.message).toBe('unexpected failure (object)');
    expect(wrapThrown(Symbol('s')).issues[0]!.message).toBe('unexpected failure (s)');
    expect(wrapThrown(BigInt(3)).issues[0]!.message).toBe('unexpected failure (3n)');
  });

  it('an error whose name cannot be read is an unreadable error', () => {
    const e = new Error('x');
    Object.defineProperty(e, 'name', {
      get() {
        throw new Error('no');
      },
    });
    expect(wrapThrown(e).issues[0]!.message).toBe('unexpected failure (unreadable error)');
  });

  it("a stack overflow, as V8 or Firefox words it, in any case, becomes too_deep", () => {
    const expected = {
      name: 'DealerkitError',
      code: 'invalid_input',
      message: '[dealerkit] (input): is nested too deeply (or refers to itself) to be read',
      issues: [{ path: [], code: 'too_deep', message: 'is nested too deeply (or refers to itself) to be read' }],
    };
    expect(wrapThrown(new RangeError('Maximum call stack size exceeded')).toJSON()).toEqual(expected);
    expect(wrapThrown(new Error('too much recursion')).toJSON()).toEqual(expected);
    expect(wrapThrown('InternalError: Too Much Recursion').toJSON()).toEqual(expected);
    expect(wrapThrown(new Error('maximum CALL stack size exceeded')).toJSON()).toEqual(expected);
  });

  it('guard passes arguments and results through and lets a DealerkitError out as it is', () => {
    const own = new DealerkitError('out_of_range', [{ path: ['x'], message: 'm' }]);
    expect(guard((a: number, b: number) => a * b)(6, 7)).toBe(42);
    let caught: unknown;
    try {
      guard(() => {
        throw own;
      })();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBe(own);
  });
});

describe('the last-resort printing of odd keys and thrown values', () => {
  it('a symbol whose description cannot be read prints as ?, in a path and in a wrapped throw', () => {
    const saved = Object.getOwnPropertyDescriptor(Symbol.prototype, 'description')!;
    Object.defineProperty(Symbol.prototype, 'description', {
      configurable: true,
      get() {
        throw new Error('no description');
      },
    });
    try {
      expect(formatPath(['a', Symbol('s')] as never)).toBe('a[?]');
      expect(wrapThrown(Symbol('s')).issues[0]!.message).toBe('unexpected failure (?)');
    } finally {
      Object.defineProperty(Symbol.prototype, 'description', saved);
    }
    expect(formatPath([Symbol('s')] as never)).toBe('[s]');
  });

  it('a quoted key of exactly 64 characters prints whole', () => {
    const k = `a ${'x'.repeat(62)}`;
    expect(k.length).toBe(64);
    expect(formatPath([k])).toBe(`["${k}"]`);
  });
});

describe('the brand', () => {
  it('is not enumerable, so a spread copy of an error is no DealerkitError', () => {
    const e = new DealerkitError('invalid_input', [{ path: [], message: 'm' }]);
    const brand = Symbol.for('dealerkit.DealerkitError');
    expect(Object.getOwnPropertyDescriptor(e, brand)).toEqual({ value: true, writable: false, enumerable: false, configurable: false });
    expect({ ...e } instanceof DealerkitError).toBe(false);
  });

  it('a function carrying the brand is no DealerkitError; neither is null', () => {
    const f = Object.assign(() => 1, { [Symbol.for('dealerkit.DealerkitError')]: true });
    expect(f instanceof DealerkitError).toBe(false);
    expect((null as unknown) instanceof DealerkitError).toBe(false);
  });

  it('issues pushed on a collector directly are thrown as invalid_input', () => {
    const c = new IssueCollector();
    c.issues.push({ path: ['x'], code: 'duplicate', message: 'twice' });
    expect(thrown(() => c.throwIfAny()).code).toBe('invalid_input');
  });
});

describe('ISSUE_CODES', () => {
  it('is the closed list documented on DealerkitIssueCode, in its order', async () => {
    const { ISSUE_CODES } = await import('dealerkit');
    expect(ISSUE_CODES).toEqual([
      'required',
      'invalid_type',
      'not_a_number',
      'not_an_integer',
      'not_a_date',
      'invalid_value',
      'out_of_range',
      'percent_as_whole_number',
      'too_short',
      'too_long',
      'unknown_field',
      'unknown_label',
      'not_ascending',
      'duplicate',
      'does_not_sum',
      'inconsistent',
      'infeasible',
      'cycle',
      'too_deep',
      'internal',
    ]);
  });
});
