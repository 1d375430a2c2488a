// src/core/result-check.ts on toy shapes: every leaf kind, list, object, record, step-by-code,
// closed word list and named shape, accepted and refused. Each expected message, code and path is
// written by hand from the rules in the source: `must be <expected>, not <describeValue(x)>`, the
// EXPECTED texts joined by ' or ', `is missing: …` with code `required` for a field left out.
import { describe, expect, it } from 'vitest';
import { Decimal } from 'dealerkit';
import {
  byCode,
  checkShape,
  inconsistentResult,
  memo,
  nullable,
  oneOf,
  optional,
  readResult,
  record,
  ref,
  shapeGroup,
  stepsWithOthers,
  type ResultShape,
} from '../../src/core/result-check.js';
import { thrown } from '../helpers.js';

const MISSING = 'is missing: not a field of a result dealerkit made';

/** The error's code and its single issue, as plain data. */
function refused(fn: () => unknown): { code: string; issues: unknown[]; message: string } {
  const e = thrown(fn);
  return { code: e.code, issues: e.issues.map((i) => ({ ...i })), message: e.message };
}

const at = (value: unknown, shape: ResultShape): ReturnType<typeof refused> => refused(() => checkShape(value, shape, ['r']));

/** The issue of a wrong type at r: invalid_input / invalid_type with expected and received. */
const wrongType = (expected: string, received: string, path: (string | number)[] = ['r']) => ({
  code: 'invalid_input',
  issues: [{ path, code: 'invalid_type', message: `must be ${expected}, not ${received}`, expected, received }],
  message: `[dealerkit] ${path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('')}: must be ${expected}, not ${received}`,
});

const missingAt = (path: (string | number)[], printed: string) => ({
  code: 'invalid_input',
  issues: [{ path, code: 'required', message: MISSING }],
  message: `[dealerkit] ${printed}: ${MISSING}`,
});

describe('leaves: each kind accepts its values', () => {
  it.each<[string, unknown]>([
    ['dec', new Decimal('1.5')],
    ['dec', new Decimal(0)],
    ['num', -2.5],
    ['num', 0],
    ['int', -3],
    ['int', 0],
    ['nat', 0],
    ['nat', 7],
    ['nat', 31],
    ['scale', 0],
    ['scale', 30],
    ['str', ''],
    ['bool', false],
    ['obj', {}],
    ['obj', []],
    ['arr', []],
    ['null', null],
    ['any', null],
    ['any', 0],
    ['str?', undefined],
    ['dec|null', null],
    ['num|dec', new Decimal(2)],
  ])('%s accepts %o', (kind, value) => {
    expect(checkShape(value, kind, ['r'])).toBeUndefined();
  });
});

describe('leaves: each kind refuses others with its expected text', () => {
  it.each<[string, unknown, string, string]>([
    ['dec', 5, 'a finite decimal figure', '5'],
    ['dec', '5', 'a finite decimal figure', '"5"'],
    ['num', '5', 'a finite number', '"5"'],
    ['num', new Decimal(5), 'a finite number', '5'],
    ['int', 2.5, 'a whole number', '2.5'],
    ['int', '2', 'a whole number', '"2"'],
    ['nat', -1, 'a whole number, 0 or more', '-1'],
    ['nat', 1.5, 'a whole number, 0 or more', '1.5'],
    ['scale', 2.5, 'a scale (a whole number from 0 to 30)', '2.5'],
    ['scale', '3', 'a scale (a whole number from 0 to 30)', '"3"'],
    ['str', 5, 'text', '5'],
    ['bool', 0, 'true or false', '0'],
    ['bool', 'true', 'true or false', '"true"'],
    ['obj', null, 'an object', 'null'],
    ['obj', 'x', 'an object', '"x"'],
    ['arr', {}, 'a list', 'an object'],
    ['null', 0, 'null', '0'],
    ['str?', 5, 'text', '5'],
    ['dec|null', 'x', 'a finite decimal figure or null', '"x"'],
    ['str|num|bool', null, 'text or a finite number or true or false', 'null'],
  ])('%s refuses %o', (kind, value, expected, received) => {
    expect(at(value, kind)).toEqual(wrongType(expected, received));
  });

  it('a figure that is there but not finite is not_a_number where a number or decimal is wanted, invalid_type elsewhere', () => {
    const nan = (expected: string, received: string) => ({
      code: 'invalid_input',
      issues: [{ path: ['r'], code: 'not_a_number', message: `must be ${expected}, not ${received}`, expected, received }],
      message: `[dealerkit] r: must be ${expected}, not ${received}`,
    });
    expect(at(NaN, 'num')).toEqual(nan('a finite number', 'NaN'));
    expect(at(-Infinity, 'dec')).toEqual(nan('a finite decimal figure', '-Infinity'));
    expect(at(new Decimal(Infinity), 'dec')).toEqual(nan('a finite decimal figure', 'Infinity'));
    expect(at(new Decimal(NaN), 'num|null')).toEqual(nan('a finite number or null', 'NaN'));
    expect(at(NaN, 'str|num')).toEqual(nan('text or a finite number', 'NaN'));
    // Not a wanted number kind: the wrong type.
    expect(at(NaN, 'int')).toEqual(wrongType('a whole number', 'NaN'));
    expect(at(Infinity, 'str')).toEqual(wrongType('text', 'Infinity'));
    expect(at(new Decimal(NaN), 'bool')).toEqual(wrongType('true or false', 'NaN'));
    // Text that reads as a non-finite number is text, not a figure.
    expect(at('NaN', 'num')).toEqual(wrongType('a finite number', '"NaN"'));
  });

  it('a whole number outside a scale is out_of_range with the bound it crossed', () => {
    const range = (x: number, limit: string) => ({
      code: 'out_of_range',
      issues: [{ path: ['r'], code: 'out_of_range', message: `must be a scale from 0 to 30, not ${x}`, limit, received: String(x) }],
      message: `[dealerkit] r: must be a scale from 0 to 30, not ${x}`,
    });
    expect(at(31, 'scale')).toEqual(range(31, '30'));
    expect(at(-1, 'scale')).toEqual(range(-1, '0'));
    expect(at(-3e223, 'scale|null')).toEqual(range(-3e223, '0'));
    // Only a scale kind makes a whole number out of range: 31 for 'str' is of the wrong type.
    expect(at(31, 'str')).toEqual(wrongType('text', '31'));
  });

  it('a field left out is required, unless its kind ends in ?', () => {
    expect(at(undefined, 'any')).toEqual(missingAt(['r'], 'r'));
    expect(at(undefined, 'dec|null')).toEqual(missingAt(['r'], 'r'));
    expect(checkShape(undefined, 'dec|null?', ['r'])).toBeUndefined();
  });
});

describe('lists', () => {
  it('every item is checked at its index; a hole is required', () => {
    expect(checkShape([1, 2.5], ['num'], ['r'])).toBeUndefined();
    expect(checkShape([], ['num'], ['r'])).toBeUndefined();
    expect(at([1, 'a', 'b'], ['num'])).toEqual(wrongType('a finite number', '"a"', ['r', 1]));
    // eslint-disable-next-line no-sparse-arrays
    expect(at([1, , 2], ['num'])).toEqual(missingAt(['r', 1], 'r[1]'));
    // eslint-disable-next-line no-sparse-arrays
    expect(at([1, , 2], ['any?'])).toEqual(missingAt(['r', 1], 'r[1]'));
    expect(at([[1], [2, 'x']], [['num']])).toEqual(wrongType('a finite number', '"x"', ['r', 1, 1]));
  });

  it('what is no list is refused; a list left out is required', () => {
    expect(at(5, ['num'])).toEqual(wrongType('a list', '5'));
    expect(at({ 0: 1, length: 1 }, ['num'])).toEqual(wrongType('a list', 'an object'));
    expect(at(null, ['num'])).toEqual(wrongType('a list', 'null'));
    expect(at(undefined, ['num'])).toEqual(missingAt(['r'], 'r'));
  });
});

describe('objects', () => {
  const shape = { a: 'num', b: 'str?' };

  it('each field the shape names is checked at its key; other fields are not read', () => {
    expect(checkShape({ a: 1, z: 'anything' }, shape, ['r'])).toBeUndefined();
    expect(at({ a: 1, b: 2 }, shape)).toEqual(wrongType('text', '2', ['r', 'b']));
    expect(at({ b: 'x' }, shape)).toEqual(missingAt(['r', 'a'], 'r.a'));
    expect(at({ a: { a: 1 } }, { a: { a: 'str' } })).toEqual(wrongType('text', '1', ['r', 'a', 'a']));
  });

  it('what is no object (null, text, a list, a Decimal) is refused; an object left out is required', () => {
    expect(at(null, shape)).toEqual(wrongType('an object', 'null'));
    expect(at('x', shape)).toEqual(wrongType('an object', '"x"'));
    expect(at([1], shape)).toEqual(wrongType('an object', 'an array'));
    expect(at(new Decimal(4), shape)).toEqual(wrongType('an object', '4'));
    expect(at(undefined, shape)).toEqual(missingAt(['r'], 'r'));
  });

  it('a plain object is read by its own fields only, never its prototype’s (constructor, toString)', () => {
    expect(at({}, { constructor: 'any' })).toEqual(missingAt(['r', 'constructor'], 'r.constructor'));
    expect(at({ a: 1 }, { a: 'num', toString: 'any' })).toEqual(missingAt(['r', 'toString'], 'r.toString'));
    const bare = Object.assign(Object.create(null) as object, { a: 1 });
    expect(checkShape(bare, { a: 'num' }, ['r'])).toBeUndefined();
    expect(at(Object.create(null), { a: 'num' })).toEqual(missingAt(['r', 'a'], 'r.a'));
    // An instance of some class is read as it is, getters and inherited fields included.
    class Figures {
      get a(): number {
        return 3;
      }
    }
    expect(checkShape(new Figures(), { a: 'num' }, ['r'])).toBeUndefined();
    expect(checkShape(Object.create({ a: 2 }), { a: 'num' }, ['r'])).toBeUndefined();
  });
});

describe('optional, nullable, record', () => {
  it('optional: left out is fine, anything else is checked', () => {
    expect(optional('num')).toEqual({ $: 'optional', of: 'num' });
    expect(checkShape({}, { a: optional('num') }, ['r'])).toBeUndefined();
    expect(at({ a: 'x' }, { a: optional('num') })).toEqual(wrongType('a finite number', '"x"', ['r', 'a']));
    expect(at({ a: null }, { a: optional('num') })).toEqual(wrongType('a finite number', 'null', ['r', 'a']));
  });

  it('nullable: null is fine, left out is required, anything else is checked', () => {
    expect(nullable('num')).toEqual({ $: 'nullable', of: 'num' });
    expect(checkShape({ a: null }, { a: nullable('num') }, ['r'])).toBeUndefined();
    expect(at({ a: 'x' }, { a: nullable('num') })).toEqual(wrongType('a finite number', '"x"', ['r', 'a']));
    expect(at({}, { a: nullable('num') })).toEqual(missingAt(['r', 'a'], 'r.a'));
  });

  it('record: every own value is checked at its key; no object is refused', () => {
    expect(record('num')).toEqual({ $: 'record', of: 'num' });
    expect(checkShape({}, record('num'), ['r'])).toBeUndefined();
    expect(checkShape({ x: 1, y: 2 }, record('num'), ['r'])).toBeUndefined();
    expect(at({ x: 1, y: 'two' }, record('num'))).toEqual(wrongType('a finite number', '"two"', ['r', 'y']));
    expect(at([1], record('num'))).toEqual(wrongType('an object', 'an array'));
    expect(at(undefined, record('num'))).toEqual(missingAt(['r'], 'r'));
  });
});

describe('steps told apart by their code', () => {
  const steps = byCode('code', { tier: { code: 'str', amount: 'dec' }, cap: { code: 'str', limit: 'num' } });

  it('each step is checked against the shape of its own code', () => {
    expect(steps).toEqual({ $: 'codes', key: 'code', of: { tier: { code: 'str', amount: 'dec' }, cap: { code: 'str', limit: 'num' } } });
    expect(checkShape([{ code: 'tier', amount: new Decimal(1) }, { code: 'cap', limit: 3 }], [steps], ['r'])).toBeUndefined();
    expect(at([{ code: 'tier', amount: new Decimal(1) }, { code: 'cap', amount: new Decimal(1) }], [steps])).toEqual(missingAt(['r', 1, 'limit'], 'r[1].limit'));
    expect(at({ code: 'cap', limit: 'x' }, steps)).toEqual(wrongType('a finite number', '"x"', ['r', 'limit']));
  });

  it('a code not listed is refused at the code (invalid_value); one of the wrong type or left out too', () => {
    expect(at({ code: 'bonus' }, steps)).toEqual({
      code: 'invalid_input',
      issues: [{ path: ['r', 'code'], code: 'invalid_value', message: 'is not one dealerkit writes here ("bonus")', received: '"bonus"' }],
      message: '[dealerkit] r.code: is not one dealerkit writes here ("bonus")',
    });
    // A code named like an Object.prototype key is no code of the list.
    expect(at({ code: 'toString' }, steps).issues).toEqual([{ path: ['r', 'code'], code: 'invalid_value', message: 'is not one dealerkit writes here ("toString")', received: '"toString"' }]);
    expect(at({ code: 7 }, steps)).toEqual(wrongType('text', '7', ['r', 'code']));
    expect(at({}, steps)).toEqual(missingAt(['r', 'code'], 'r.code'));
    expect(at('tier', steps)).toEqual(wrongType('an object', '"tier"'));
  });

  it("'*' is the shape of any code not listed", () => {
    const open = byCode('kind', { a: { kind: 'str', x: 'num' }, '*': { kind: 'str', text: 'str' } });
    expect(checkShape({ kind: 'other', text: 'hello' }, open, ['r'])).toBeUndefined();
    expect(at({ kind: 'other', x: 1 }, open)).toEqual(missingAt(['r', 'text'], 'r.text'));
    expect(at({ kind: 'a', text: 'hello' }, open)).toEqual(missingAt(['r', 'x'], 'r.x'));
  });

  it('stepsWithOthers adds the shape of any other code to a result shape’s steps', () => {
    const result = { total: 'dec', steps: [byCode('code', { tier: { code: 'str', amount: 'dec' } })] as [ResultShape] };
    const other = { code: 'str', text: 'str' };
    expect(stepsWithOthers(result, other)).toEqual([{ $: 'codes', key: 'code', of: { tier: { code: 'str', amount: 'dec' }, '*': { code: 'str', text: 'str' } } }]);
    // The result's own shape is unchanged.
    expect(result.steps[0]).toEqual({ $: 'codes', key: 'code', of: { tier: { code: 'str', amount: 'dec' } } });
  });
});

describe('closed word lists', () => {
  it('one of the words is fine; another word is invalid_value, another type invalid_type', () => {
    const stage = oneOf(['line', 'total', null]);
    expect(stage).toEqual({ $: 'oneOf', of: ['line', 'total', null], optional: false });
    expect(checkShape('line', stage, ['r'])).toBeUndefined();
    expect(checkShape(null, stage, ['r'])).toBeUndefined();
    const expected = 'one of "line", "total", null';
    expect(at('sometimes', stage)).toEqual({
      code: 'invalid_input',
      issues: [{ path: ['r'], code: 'invalid_value', message: `must be ${expected}, not "sometimes"`, expected, received: '"sometimes"' }],
      message: `[dealerkit] r: must be ${expected}, not "sometimes"`,
    });
    expect(at(5, stage)).toEqual(wrongType(expected, '5'));
  });

  it('a word left out is required unless the list is optional', () => {
    expect(at(undefined, oneOf(['a']))).toEqual(missingAt(['r'], 'r'));
    expect(oneOf(['a'], true)).toEqual({ $: 'oneOf', of: ['a'], optional: true });
    expect(checkShape(undefined, oneOf(['a'], true), ['r'])).toBeUndefined();
    expect(at('b', oneOf(['a'], true)).issues).toEqual([{ path: ['r'], code: 'invalid_value', message: 'must be one of "a", not "b"', expected: 'one of "a"', received: '"b"' }]);
    // A list holding null takes null, and only when it holds it.
    expect(at(null, oneOf(['a'])).issues).toEqual([{ path: ['r'], code: 'invalid_type', message: 'must be one of "a", not null', expected: 'one of "a"', received: 'null' }]);
  });
});

describe('named shapes', () => {
  it('ref reads its shape when used, so a shape can contain itself', () => {
    const node: ResultShape = { name: 'str', children: [ref(() => node)] };
    expect(checkShape({ name: 'a', children: [{ name: 'b', children: [] }] }, node, ['r'])).toBeUndefined();
    expect(at({ name: 'a', children: [{ name: 'b', children: [{ name: 3, children: [] }] }] }, node)).toEqual(
      wrongType('text', '3', ['r', 'children', 0, 'children', 0, 'name']),
    );
  });

  it('memo builds a shape once, on first use', () => {
    let builds = 0;
    const shape = memo(() => {
      builds += 1;
      return { a: 'num' };
    });
    expect(builds).toBe(0);
    expect(shape()).toEqual({ a: 'num' });
    expect(shape()).toBe(shape());
    expect(builds).toBe(1);
  });
});

describe('shapeGroup: shapes written as JSON', () => {
  const base = shapeGroup('{"Tier":{"index":"nat","name":"str|null"}}', () => []);
  let depsAsked = 0;
  const group = shapeGroup(
    // Odd's field "__proto__" is JSON text: in a JS object literal it would set the prototype instead.
    `${JSON.stringify({
      Result: { tier: { $: 'ref', to: 'Tier' }, items: [{ $: 'ref', to: 'Item' }], extra: { $: 'optional', of: 'num' }, note: { $: 'nullable', of: 'str' } },
      Item: { steps: [{ $: 'codes', key: 'code', of: { a: { code: 'str', v: 'num' }, toString: { code: 'str', w: 'num' } } }], by: { $: 'record', of: 'dec' } },
      Word: { $: 'oneOf', of: ['x', null], optional: true },
      Strict: { $: 'oneOf', of: ['x'] },
      Broken: { link: { $: 'ref', to: 'Nowhere' } },
    }).slice(0, -1)},"Odd":{"__proto__":"num","constructor":"str"}}`,
    () => {
      depsAsked += 1;
      return [base];
    },
  );

  it('a name of the group, of a group it depends on (asked only on a miss), or none', () => {
    expect(group('Word')).toEqual({ $: 'oneOf', of: ['x', null], optional: true });
    expect(group('Strict')).toEqual({ $: 'oneOf', of: ['x'], optional: false });
    expect(depsAsked).toBe(0);
    expect(group('Tier')).toBeUndefined(); // a group alone does not look in its deps
    expect(group('toString')).toBeUndefined();
    expect(group('__proto__')).toBeUndefined();
    expect(base('Tier')).toEqual({ index: 'nat', name: 'str|null' });
    expect(Object.getPrototypeOf(base('Tier'))).toBeNull();
  });

  it('the decoded shapes check as the ones written in code', () => {
    const result = group('Result')!;
    const good = { tier: { index: 0, name: null }, items: [{ steps: [{ code: 'a', v: 1 }, { code: 'toString', w: 2 }], by: { k: new Decimal(1) } }], note: null };
    expect(checkShape(good, result, ['r'])).toBeUndefined();
    expect(checkShape({ ...good, extra: 2, note: 'n' }, result, ['r'])).toBeUndefined();
    expect(depsAsked).toBe(1); // Tier came from the group it depends on
    expect(at({ ...good, tier: { index: -1, name: null } }, result)).toEqual(wrongType('a whole number, 0 or more', '-1', ['r', 'tier', 'index']));
    expect(at({ ...good, extra: 'x' }, result)).toEqual(wrongType('a finite number', '"x"', ['r', 'extra']));
    expect(at({ ...good, note: 5 }, result)).toEqual(wrongType('text', '5', ['r', 'note']));
    expect(at({ ...good, items: [{ steps: [{ code: 'b' }], by: {} }] }, result).issues).toEqual([
      { path: ['r', 'items', 0, 'steps', 0, 'code'], code: 'invalid_value', message: 'is not one dealerkit writes here ("b")', received: '"b"' },
    ]);
    expect(at({ ...good, items: [{ steps: [{ code: 'toString' }], by: {} }] }, result)).toEqual(missingAt(['r', 'items', 0, 'steps', 0, 'w'], 'r.items[0].steps[0].w'));
    expect(at({ ...good, items: [{ steps: [], by: { k: 1 } }] }, result)).toEqual(wrongType('a finite decimal figure', '1', ['r', 'items', 0, 'by', 'k']));
    expect(checkShape(undefined, group('Word')!, ['r'])).toBeUndefined();
    expect(at('y', group('Word')!).issues[0]).toEqual({ path: ['r'], code: 'invalid_value', message: 'must be one of "x", null, not "y"', expected: 'one of "x", null', received: '"y"' });
    expect(at(undefined, group('Strict')!)).toEqual(missingAt(['r'], 'r'));
  });

  it('a field named __proto__ or constructor is a field like any other', () => {
    const odd = group('Odd')!;
    expect(Object.keys(odd)).toEqual(['__proto__', 'constructor']);
    expect(checkShape(JSON.parse('{"__proto__":1,"constructor":"c"}'), odd, ['r'])).toBeUndefined();
    expect(at({ constructor: 'c' }, odd)).toEqual(missingAt(['r', '__proto__'], 'r.__proto__'));
  });

  it('a name found nowhere is an error of the library, when it is first read', () => {
    const broken = group('Broken')!;
    expect(() => checkShape({ link: 1 }, broken, ['r'])).toThrow(new Error('[dealerkit] no result shape is named Nowhere'));
  });
});

describe('readResult', () => {
  const shape = { a: 'num', b: 'dec', c: 'str?', d: optional('num') };

  it('reads a result back from JSON (numeric text a Decimal again) and returns it checked', () => {
    const r = readResult({ a: 1, b: '2.50', c: 'three' }, 'result', shape);
    expect(r.b).toBeInstanceOf(Decimal);
    expect(String(r.b)).toBe('2.5');
    expect(r.c).toBe('three');
    expect(r.a).toBe(1);
    // Numeric text where the shape wants text is a Decimal once read back, so it is refused.
    expect(refused(() => readResult({ a: 1, b: '2', c: '3' }, 'result', shape))).toEqual(wrongType('text', '3', ['result', 'c']));
  });

  it('what is no result at all is refused at the name with notAResult (invalid_type)', () => {
    const no = (path: (string | number)[], printed: string, message = 'must be a result dealerkit made') => ({
      code: 'invalid_input',
      issues: [{ path, code: 'invalid_type', message }],
      message: `[dealerkit] ${printed}: ${message}`,
    });
    expect(refused(() => readResult(42, 'result', shape))).toEqual(no(['result'], 'result'));
    expect(refused(() => readResult(null, 'result', shape))).toEqual(no(['result'], 'result'));
    expect(refused(() => readResult([{ a: 1, b: 1 }], 'result', shape))).toEqual(no(['result'], 'result'));
    expect(refused(() => readResult(new Decimal(1), 'result', shape))).toEqual(no(['result'], 'result'));
    expect(refused(() => readResult('x', ['plans', 2], shape, 'must be a plan'))).toEqual(no(['plans', 2], 'plans[2]', 'must be a plan'));
    // Two fields required (a, b; c and d may be left out): one present is at most half, not a result.
    expect(refused(() => readResult({ a: 1, c: 'x', d: 1 }, 'result', shape))).toEqual(no(['result'], 'result'));
    expect(refused(() => readResult({}, 'result', shape))).toEqual(no(['result'], 'result'));
    // Through a named shape as well.
    expect(refused(() => readResult({ b: 1 }, 'result', ref(() => ref(() => shape))))).toEqual(no(['result'], 'result'));
  });

  it('a field of any other shape than an optional one is required: a list, a nullable, an object, a named one', () => {
    const wide: ResultShape = { a: 'num', n: nullable('num'), l: ['num'], o: { x: 'num' }, r: ref(() => 'num') };
    // 5 required, 2 present: 2 × 2 = 4 ≤ 5, not a result; 3 present: 6 > 5, a result with r left out.
    expect(refused(() => readResult({ a: 1, n: null }, 'result', wide)).issues[0]).toEqual({ path: ['result'], code: 'invalid_type', message: 'must be a result dealerkit made' });
    expect(refused(() => readResult({ a: 1, n: null, l: [] }, 'result', wide))).toEqual(missingAt(['result', 'o'], 'result.o'));
  });

  it('an object with more than half its required fields is a corrupted result, refused at the field', () => {
    expect(refused(() => readResult({ a: 1, b: 'lots' }, 'result', shape))).toEqual(wrongType('a finite decimal figure', '"lots"', ['result', 'b']));
    const three = { a: 'num', b: 'num', c: 'num' };
    // 2 of 3 present: 2 × 2 = 4 > 3, a result with c left out.
    expect(refused(() => readResult({ a: 1, b: 2 }, 'result', three))).toEqual(missingAt(['result', 'c'], 'result.c'));
    // 1 of 3: 1 × 2 = 2 ≤ 3, not a result.
    expect(refused(() => readResult({ a: 1 }, 'result', three)).issues[0]).toEqual({ path: ['result'], code: 'invalid_type', message: 'must be a result dealerkit made' });
    // 2 of 4: 2 × 2 = 4 ≤ 4, not a result.
    expect(refused(() => readResult({ a: 1, b: 2 }, 'result', { ...three, e: 'num' })).issues[0]).toEqual({ path: ['result'], code: 'invalid_type', message: 'must be a result dealerkit made' });
    // A field from the prototype is not a field of the result.
    expect(refused(() => readResult({ a: 1 }, 'result', { a: 'num', constructor: 'any', toString: 'any' })).issues[0]).toEqual({
      path: ['result'],
      code: 'invalid_type',
      message: 'must be a result dealerkit made',
    });
  });

  it('a shape with no required field, a word list or a leaf is checked as it is', () => {
    expect(readResult({}, 'result', { c: 'str?', d: optional('num') })).toEqual({});
    expect(readResult({ z: 1 }, 'result', 'obj')).toEqual({ z: 1 });
    expect(refused(() => readResult({}, 'result', 'arr'))).toEqual(wrongType('a list', 'an object', ['result']));
    expect(refused(() => readResult({}, 'result', oneOf(['x'])))).toEqual(wrongType('one of "x"', 'an object', ['result']));
    expect(refused(() => readResult({}, 'result', byCode('code', {})))).toEqual(missingAt(['result', 'code'], 'result.code'));
    expect(refused(() => readResult({ a: 1 }, 'result', ['num']))).toEqual(wrongType('a list', 'an object', ['result']));
    // Whatever the shape, a value that is no object is no result.
    expect(refused(() => readResult('x', 'result', oneOf(['x']))).issues[0]).toEqual({ path: ['result'], code: 'invalid_type', message: 'must be a result dealerkit made' });
    expect(refused(() => readResult([1], 'result', ['num'])).issues[0]).toEqual({ path: ['result'], code: 'invalid_type', message: 'must be a result dealerkit made' });
  });

  it('checkShape does not read back from JSON', () => {
    expect(at({ a: 1, b: '2.5' }, shape)).toEqual(wrongType('a finite decimal figure', '"2.5"', ['r', 'b']));
  });

  it('inconsistentResult refuses at its path with code inconsistent', () => {
    expect(refused(() => inconsistentResult(['result', 'steps', 0], 'names a period that is not there'))).toEqual({
      code: 'invalid_input',
      issues: [{ path: ['result', 'steps', 0], code: 'inconsistent', message: 'names a period that is not there' }],
      message: '[dealerkit] result.steps[0]: names a period that is not there',
    });
  });
});
