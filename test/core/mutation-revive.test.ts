// reviveResult (src/core/revive.ts): a result read back from JSON gets its Decimals back. Every
// expectation is written by hand from the rules in the function's comment: numeric text outside a
// label field becomes a Decimal; label fields (the LABELS set, keys ending in Id/Label/Name/Text)
// keep their text; holes, cycles and nesting past 200 are refused at their path.
import { describe, expect, it } from 'vitest';
import { Decimal, DealerkitError, isDecimal } from 'dealerkit';
import { reviveResult } from '../../src/core/revive.js';
import { thrown } from '../helpers.js';

/** A revived value with every Decimal written as `D(text)`, so a whole structure can be compared with toEqual. */
function show(x: unknown): unknown {
  if (isDecimal(x)) return `D(${x.toString()})`;
  if (Array.isArray(x)) return x.map(show);
  if (typeof x === 'object' && x !== null) return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, show(v)]));
  return x;
}

describe('reviveResult: which texts become Decimals', () => {
  it('reads every plain numeric text as a Decimal and leaves other text alone', () => {
    // Each text below is judged by the numeric pattern ^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$ by hand.
    const texts: [string, string][] = [
      ['5', 'D(5)'],
      ['12', 'D(12)'],
      ['-5', 'D(-5)'],
      ['+7', 'D(7)'],
      ['1.25', 'D(1.25)'],
      ['5.', 'D(5)'],
      ['.5', 'D(0.5)'],
      ['1e3', 'D(1000)'],
      ['1E3', 'D(1000)'],
      ['1e-3', 'D(0.001)'],
      ['2.5e+2', 'D(250)'],
      ['1e10', 'D(10000000000)'],
      ['-0', 'D(0)'],
      // not numbers: kept as they are
      ['x5', 'x5'],
      ['5x', '5x'],
      ['a5', 'a5'],
      ['1,000', '1,000'],
      ['', ''],
      ['.', '.'],
      ['1e', '1e'],
      ['e5', 'e5'],
      ['--5', '--5'],
      [' 5', ' 5'],
      ['Q1', 'Q1'],
    ];
    const input = Object.fromEntries(texts.map(([t], i) => [`v${i}`, t]));
    const expected = Object.fromEntries(texts.map(([, e], i) => [`v${i}`, e]));
    expect(show(reviveResult(input))).toEqual(expected);
  });

  it('keeps the text of every label field, even when it looks like a number', () => {
    const labels = ['id', 'period', 'name', 'label', 'title', 'text', 'code', 'message', 'note', 'unit', 'currency', 'source', 'reason'];
    const input = Object.fromEntries(labels.map((k) => [k, '2026']));
    expect(reviveResult(input)).toEqual(input);
    // Keys ending in Id, Label, Name or Text are labels; the same words elsewhere in a key are not.
    expect(
      show(
        reviveResult({
          dealerId: '117',
          tierLabel: '2',
          stageName: '3',
          stepText: '4',
          Identity: '5',
          Labels: '6',
          Names: '7',
          Texts: '8',
          idle: '9',
          ids: '10',
        }),
      ),
    ).toEqual({ dealerId: '117', tierLabel: '2', stageName: '3', stepText: '4', Identity: 'D(5)', Labels: 'D(6)', Names: 'D(7)', Texts: 'D(8)', idle: 'D(9)', ids: 'D(10)' });
  });

  it('items of a list under a label key stay labels; items of other lists and a bare root text are read', () => {
    expect(show(reviveResult({ code: ['1', '2'], values: ['1', '2'], rows: [{ id: '3', net: '4' }] }))).toEqual({
      code: ['1', '2'],
      values: ['D(1)', 'D(2)'],
      rows: [{ id: '3', net: 'D(4)' }],
    });
    expect(show(reviveResult('42'))).toBe('D(42)');
    expect(show(reviveResult(['1', ['2']]))).toEqual(['D(1)', ['D(2)']]);
  });

  it('passes numbers, booleans, null, Decimals, Dates, typed arrays and class instances through as they are', () => {
    const d = new Decimal('1.5');
    const date = new Date(Date.UTC(2026, 0, 1));
    const bytes = new Uint8Array([1, 2]);
    class Figure {
      v = '5';
    }
    const figure = new Figure();
    const out = reviveResult({ n: 3, b: true, z: null, d, date, bytes, figure, u: undefined });
    expect(out.n).toBe(3);
    expect(out.b).toBe(true);
    expect(out.z).toBe(null);
    expect(out.d).toBe(d);
    expect(out.date).toBe(date);
    expect(out.bytes).toBe(bytes);
    expect(out.figure).toBe(figure);
    expect(out.figure.v).toBe('5');
    expect(out.u).toBeUndefined();
    expect(reviveResult(d)).toBe(d);
    expect(reviveResult(null)).toBe(null);
  });

  it('walks an object without a prototype (as a JSON reviver may build) into a plain object', () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare.net = '10.50';
    const out = reviveResult(bare) as Record<string, unknown>;
    expect(out).not.toBe(bare);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(show(out)).toEqual({ net: 'D(10.5)' });
  });

  it('makes copies: the input is left as it was', () => {
    const input = { net: '1', rows: [{ amount: '2' }] };
    const out = reviveResult(input);
    expect(out).not.toBe(input);
    expect(out.rows).not.toBe(input.rows);
    expect(input).toEqual({ net: '1', rows: [{ amount: '2' }] });
  });

  it('writes every field as an own, enumerable, writable, configurable property, __proto__ included', () => {
    const input = JSON.parse('{"__proto__":"5","a":"1"}') as Record<string, unknown>;
    const out = reviveResult(input);
    expect(Object.keys(out)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    const desc = Object.getOwnPropertyDescriptor(out, '__proto__')!;
    expect(isDecimal(desc.value)).toBe(true);
    expect(String(desc.value)).toBe('5');
    expect({ ...desc, value: undefined }).toEqual({ value: undefined, enumerable: true, writable: true, configurable: true });
    expect(({} as Record<string, unknown>).a).toBeUndefined(); // Object.prototype untouched
  });

  it('reads an object met twice (not a cycle) both times', () => {
    const shared = { amount: '2' };
    expect(show(reviveResult({ p: shared, q: shared, list: [shared, shared] }))).toEqual({
      p: { amount: 'D(2)' },
      q: { amount: 'D(2)' },
      list: [{ amount: 'D(2)' }, { amount: 'D(2)' }],
    });
  });
});

describe('reviveResult: what it refuses', () => {
  it('a numeric text beyond Decimal range is out_of_range at its path', () => {
    const e = thrown(() => reviveResult({ rows: [{ net: '1e9000000000000001' }] }, ['result']));
    expect(e.code).toBe('out_of_range');
    expect(e.issues).toEqual([
      {
        path: ['result', 'rows', 0, 'net'],
        code: 'out_of_range',
        message: 'is out of the representable range, received "1e9000000000000001"',
        received: '"1e9000000000000001"',
      },
    ]);
  });

  it('a hole in a list is required at the hole', () => {
    // eslint-disable-next-line no-sparse-arrays
    const e = thrown(() => reviveResult({ rows: ['1', , '3'] }, ['result']));
    expect(e.code).toBe('invalid_input');
    expect(e.issues).toEqual([{ path: ['result', 'rows', 1], code: 'required', message: 'is missing (a hole in the list)' }]);
    // an undefined that is there is no hole
    expect(show(reviveResult({ rows: ['1', undefined] }))).toEqual({ rows: ['D(1)', undefined] });
  });

  it('an object that contains itself is a cycle at the path where it comes back', () => {
    const a: Record<string, unknown> = { net: '1' };
    a.self = { back: a };
    const e = thrown(() => reviveResult(a, ['result']));
    expect(e.code).toBe('invalid_input');
    expect(e.issues).toEqual([
      { path: ['result', 'self', 'back'], code: 'cycle', message: 'refers to itself: a result read back from JSON never does' },
    ]);
    const list: unknown[] = [];
    list.push(list);
    expect(thrown(() => reviveResult(list)).issues[0]).toMatchObject({ path: [0], code: 'cycle' });
  });

  it('nesting: 200 levels below the root are read, 201 are too_deep (counted from the base path)', () => {
    const nest = (levels: number): unknown => {
      let x: unknown = ['7'];
      for (let i = 0; i < levels; i++) x = [x];
      return x;
    };
    // nest(200): the innermost list sits 200 levels below the base (200 > 200 is false): read, '7' revived.
    const ok = reviveResult(nest(200), ['a', 'b', 'c']);
    let inner: unknown = ok;
    for (let i = 0; i < 201; i++) inner = (inner as unknown[])[0];
    expect(show(inner)).toBe('D(7)');
    // nest(201): the innermost list at level 201 is refused, its path 201 zeros under the base.
    const e = thrown(() => reviveResult(nest(201), ['a']));
    expect(e).toBeInstanceOf(DealerkitError);
    expect(e.issues).toEqual([
      { path: ['a', ...new Array<number>(201).fill(0)], code: 'too_deep', message: 'is nested deeper than 200 levels: not a dealerkit result' },
    ]);
  });
});
