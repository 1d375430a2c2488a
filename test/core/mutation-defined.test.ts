// readDefined's comparison (src/core/defined.ts firstDifference and show) over a toy reader that
// accepts any JSON and defines it again as a fixed object, so each case sets the two sides by hand:
// the issue is at the first differing path, with `expected` what the object defined again holds and
// `received` what the JSON holds, each printed by the rules in the source (nothing, null, a figure,
// text cut at 40 characters, a list of n items, an object, else the type's name).
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { Decimal } from 'dealerkit';
import { definedDisagrees, readDefined, type DefinedReader } from '../../src/core/defined.js';
import { invalid } from '../../src/core/errors.js';
import { thrown } from '../helpers.js';

function toy(define: (spec: unknown) => unknown, specPath?: DefinedReader<unknown, unknown>['specPath']): DefinedReader<unknown, unknown> {
  return { kind: 'toy', what: 'the toy', schema: z.any(), toSpec: (p) => p, define, ...(specPath === undefined ? {} : { specPath }) };
}

/** The one issue when `json` is read back and defined again as `defined`, or 'same'. */
function compare(defined: unknown, json: unknown): [string, string, string] | 'same' {
  try {
    readDefined(json, toy(() => defined), ['t']);
    return 'same';
  } catch {
    const e = thrown(() => readDefined(json, toy(() => defined), ['t']));
    expect(e.issues).toHaveLength(1);
    const i = e.issues[0]!;
    expect([e.code, i.code, i.message]).toEqual(['invalid_input', 'inconsistent', definedDisagrees('the toy', i.expected!, i.received!)]);
    return [i.path.join('.'), i.expected!, i.received!];
  }
}

describe('firstDifference: where the JSON and the object defined again part', () => {
  it('a field only the JSON has, or only the object defined again', () => {
    expect(compare({ x: 1 }, { x: 1, extra: 'y' })).toEqual(['t.extra', 'nothing', '"y"']);
    expect(compare({ x: 1, y: 2 }, { x: 1 })).toEqual(['t.y', '2', 'nothing']);
    expect(compare({ x: 1, y: undefined }, { x: 1 })).toBe('same');
    expect(compare({ x: 1 }, { x: 1, y: undefined })).toBe('same');
  });

  it('an object against what is no object: a figure, null, a list', () => {
    expect(compare({ x: { a: 1 } }, { x: 5 })).toEqual(['t.x', 'an object', '5']);
    expect(compare({ x: { a: 1 } }, { x: null })).toEqual(['t.x', 'an object', 'null']);
    expect(compare({ x: { a: 1 } }, { x: [1] })).toEqual(['t.x', 'an object', 'a list of 1 item']);
    expect(compare({ x: [1, 2] }, { x: { 0: 1, 1: 2 } })).toEqual(['t.x', 'a list of 2 items', 'an object']);
    expect(compare({ x: [] }, { x: 'list' })).toEqual(['t.x', 'a list of 0 items', '"list"']);
  });

  it('plain values are compared as they are', () => {
    expect(compare({ x: null }, { x: 2 })).toEqual(['t.x', 'null', '2']);
    expect(compare({ x: true }, { x: false })).toEqual(['t.x', 'true', 'false']);
    expect(compare({ x: 5 }, { x: 6 })).toEqual(['t.x', '5', '6']);
    expect(compare({ x: 5 }, { x: '5' })).toEqual(['t.x', '5', '"5"']);
    expect(compare({ x: 's' }, { x: 's' })).toBe('same');
  });

  it('text is printed whole up to 40 characters, then cut with an ellipsis', () => {
    const forty = 'a'.repeat(40);
    const fortyOne = 'b'.repeat(41);
    expect(compare({ x: 's' }, { x: forty })).toEqual(['t.x', '"s"', `"${forty}"`]);
    expect(compare({ x: 's' }, { x: fortyOne })).toEqual(['t.x', '"s"', `"${'b'.repeat(40)}…"`]);
  });

  it('a function or a BigInt is printed by its type', () => {
    const f = (): number => 1;
    expect(compare({ x: f }, { x: 'f' })).toEqual(['t.x', 'function', '"f"']);
    expect(compare({ x: 1 }, { x: 10n })).toEqual(['t.x', '1', 'bigint']);
  });
});

describe('a Decimal equals any input of its value', () => {
  it('a number, numeric text or another Decimal of the same value is the same', () => {
    expect(compare({ x: new Decimal(3) }, { x: 3 })).toBe('same');
    expect(compare({ x: new Decimal(3) }, { x: '3.00' })).toBe('same');
    expect(compare({ x: new Decimal(3) }, { x: new Decimal('3.0') })).toBe('same');
    expect(compare({ x: new Decimal(3) }, { x: new Decimal('3.01') })).toEqual(['t.x', '3', '3.01']);
    expect(compare({ x: new Decimal(3) }, { x: '4' })).toEqual(['t.x', '3', '"4"']);
  });

  it('text that is no number, true, an object or nothing differs (never an error of its own)', () => {
    expect(compare({ x: new Decimal(3) }, { x: 'abc' })).toEqual(['t.x', '3', '"abc"']);
    expect(compare({ x: new Decimal(3) }, { x: 'Infinity' })).toEqual(['t.x', '3', '"Infinity"']);
    expect(compare({ x: new Decimal(3) }, { x: true })).toEqual(['t.x', '3', 'true']);
    expect(compare({ x: new Decimal(3) }, { x: {} })).toEqual(['t.x', '3', 'an object']);
    expect(compare({ x: new Decimal(3) }, {})).toEqual(['t.x', '3', 'nothing']);
  });

  it('a figure whose exponent is beyond ±30 is printed in exponent notation; at ±30 in plain digits', () => {
    // 1e30 has exponent 30: plain, a 1 and 30 zeros. 1e31 has 31: exponent notation.
    expect(compare({ x: new Decimal('1e30') }, { x: 1 })).toEqual(['t.x', `1${'0'.repeat(30)}`, '1']);
    expect(compare({ x: new Decimal('1e31') }, { x: 1 })).toEqual(['t.x', '1e+31', '1']);
    expect(compare({ x: new Decimal('1e-30') }, { x: 1 })).toEqual(['t.x', `0.${'0'.repeat(29)}1`, '1']);
    expect(compare({ x: new Decimal('-2.5e-31') }, { x: 1 })).toEqual(['t.x', '-2.5e-31', '1']);
  });
});

describe('errors of the definition', () => {
  it('without specPath, at the spec’s own path under the base', () => {
    const reader = toy(() => invalid(['first', 0], 'must not be negative'));
    expect(thrown(() => readDefined({}, reader, ['t', 2])).issues).toEqual([{ path: ['t', 2, 'first', 0], code: 'invalid_value', message: 'must not be negative' }]);
  });

  it('with specPath, at the JSON path it names (given the parsed JSON)', () => {
    const reader = toy(
      () => invalid(['first'], 'must not be negative'),
      (path, parsed) => [(parsed as { name: string }).name, ...path],
    );
    expect(thrown(() => readDefined({ name: 'tiers' }, reader, ['t'])).issues).toEqual([{ path: ['t', 'tiers', 'first'], code: 'invalid_value', message: 'must not be negative' }]);
  });
});
