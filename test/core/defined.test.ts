// readDefined and isDefinedJson (src/core/defined.ts): a defined object's JSON is read back by its
// reader and compared with the object defined again. The reader here is a toy "pair" whose `sum`
// is derived from `a` and `b`, so every expectation is plain arithmetic written beside it.
// definedDisagrees(what, expected, received): the object defined again has `expected`, the JSON `received`.
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { Decimal, DealerkitError } from 'dealerkit';
import { definedDisagrees, isDefinedJson, readDefined, type DefinedReader } from '../../src/core/defined.js';
import { decimalSchema } from '../../src/core/schema.js';
import { invalid } from '../../src/core/errors.js';
import { thrown } from '../helpers.js';

interface Pair {
  kind: 'pair';
  a: Decimal;
  b: Decimal;
  sum: Decimal;
  parts: string[];
  note?: string;
}
const shape = z.strictObject({ kind: z.literal('pair'), a: decimalSchema, b: decimalSchema, sum: decimalSchema, parts: z.array(z.string()), note: z.optional(z.string()) });
const definePair = (spec: unknown): Pair => {
  const s = spec as { first: Decimal; second: Decimal; note?: string };
  if (s.first.isNegative()) invalid(['first'], 'must not be negative');
  return { kind: 'pair', a: s.first, b: s.second, sum: s.first.plus(s.second), parts: ['a', 'b'], ...(s.note === undefined ? {} : { note: s.note }) };
};
const reader: DefinedReader<z.output<typeof shape>, Pair> = {
  kind: 'pair',
  what: 'the pair',
  schema: shape,
  toSpec: (p) => ({ first: p.a, second: p.b, ...(p.note === undefined ? {} : { note: p.note }) }),
  define: definePair,
  specPath: (path) => (path[0] === 'first' ? ['a', ...path.slice(1)] : path),
};
const read = (value: unknown) => readDefined(value, reader, ['pair']);
const where = (e: DealerkitError) => e.issues.map((i) => [i.path.join('.'), i.code, i.message]);

describe('isDefinedJson', () => {
  it('is true for an object whose own kind is the one asked, and false otherwise', () => {
    expect(isDefinedJson({ kind: 'pair' }, 'pair')).toBe(true);
    expect(isDefinedJson({ kind: 'pair' }, 'other')).toBe(false);
    expect(isDefinedJson(Object.create({ kind: 'pair' }), 'pair')).toBe(false);
    expect(isDefinedJson(Object.assign([], { kind: 'pair' }), 'pair')).toBe(false);
    for (const v of [null, undefined, 'pair', 3]) expect(isDefinedJson(v, 'pair')).toBe(false);
  });

  it('reads no getter and never throws (a revoked proxy is no JSON)', () => {
    let read = 0;
    const getter = Object.defineProperty({}, 'kind', { enumerable: true, get: () => ((read += 1), 'pair') });
    expect(isDefinedJson(getter, 'pair')).toBe(false);
    expect(read).toBe(0);
    const { proxy, revoke } = Proxy.revocable({ kind: 'pair' }, {});
    revoke();
    expect(isDefinedJson(proxy, 'pair')).toBe(false);
  });
});

describe('readDefined', () => {
  it('gives the object defined again, whatever form its numbers take', () => {
    // 1.5 + 2 = 3.5, written as a number, as text with a trailing zero, and as a Decimal.
    const p = read({ kind: 'pair', a: 1.5, b: '2.0', sum: new Decimal('3.50'), parts: ['a', 'b'] });
    expect([p.a.toString(), p.b.toString(), p.sum.toString(), p.parts]).toEqual(['1.5', '2', '3.5', ['a', 'b']]);
  });

  it('refuses a derived figure that disagrees, at its path under the base', () => {
    expect(where(thrown(() => read({ kind: 'pair', a: 1, b: 2, sum: 4, parts: ['a', 'b'] })))).toEqual([
      ['pair.sum', 'inconsistent', 'is 4, but the pair defined again from this JSON has 3: a field derived from the others must agree with them'],
    ]);
  });

  it('names the first differing item of a list, then a list of another length', () => {
    expect(where(thrown(() => read({ kind: 'pair', a: 1, b: 2, sum: 3, parts: ['a', 'c'] })))[0]).toEqual(['pair.parts.1', 'inconsistent', definedDisagrees('the pair', '"b"', '"c"')]);
    expect(where(thrown(() => read({ kind: 'pair', a: 1, b: 2, sum: 3, parts: ['a'] })))[0]).toEqual(['pair.parts', 'inconsistent', definedDisagrees('the pair', 'a list of 2 items', 'a list of 1 item')]);
    expect(where(thrown(() => read({ kind: 'pair', a: 1, b: 2, sum: 3, parts: ['a', 'b', 'c'] })))[0]).toEqual(['pair.parts', 'inconsistent', definedDisagrees('the pair', 'a list of 2 items', 'a list of 3 items')]);
  });

  it('an optional field: carried through, and absent on both sides is no difference', () => {
    expect(read({ kind: 'pair', a: 1, b: 2, sum: 3, parts: ['a', 'b'], note: 'x' }).note).toBe('x');
    expect(read({ kind: 'pair', a: 1, b: 2, sum: 3, parts: ['a', 'b'] })).not.toHaveProperty('note');
  });

  it('prints a huge or tiny figure in exponent notation (its plain text would be millions of digits)', () => {
    expect(where(thrown(() => read({ kind: 'pair', a: 1, b: 2, sum: '1e1000000', parts: ['a', 'b'] })))[0]![2]).toBe(definedDisagrees('the pair', '3', '1e+1000000'));
  });

  it('reports the schema of the defined form at the JSON path, and the spec’s errors through specPath', () => {
    expect(where(thrown(() => read({ kind: 'pair', a: 'x', b: 2, sum: 3, parts: ['a', 'b'] })))[0]!.slice(0, 2)).toEqual(['pair.a', 'not_a_number']);
    expect(where(thrown(() => read({ kind: 'pair', a: -1, b: 2, sum: 1, parts: ['a', 'b'] })))).toEqual([['pair.a', 'invalid_value', 'must not be negative']]);
  });

  it('lets an error that is no DealerkitError through unchanged (the public function wraps it)', () => {
    const boom: DefinedReader<z.output<typeof shape>, Pair> = { ...reader, define: () => { throw new RangeError('boom'); } };
    expect(() => readDefined({ kind: 'pair', a: 1, b: 2, sum: 3, parts: [] }, boom, [])).toThrow(RangeError);
  });
});
