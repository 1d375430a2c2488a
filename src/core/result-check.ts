import { isDecimal } from './decimal.js';
import { invalid, outOfRange, type IssuePath } from './errors.js';
import { describeValue } from './messages.js';
import { isPlainObject, reviveResult } from './revive.js';

// Issue 18 part 1, class 2 (corrupted results): an explainer, chart or formatter reads a result's
// figures with Decimal methods and its steps by code. One reader checks a result against a
// declarative shape (generated from the result types into result-shapes.ts, or a reader's own
// lenient one), so a field of the wrong type, a missing one, a non-finite figure or a word outside
// its list is refused at its own path, before any sentence is written.

/**
 * A leaf: `'dec'` a finite Decimal, `'num'` a finite number, `'int'` a whole number, `'nat'` one of
 * 0 or more, `'scale'` a scale (0 to 30), `'str'` text, `'bool'`, `'obj'` any object, `'arr'` any
 * list, `'any'` anything but nothing. Alternatives are joined by `|` (`'dec|null'`); a trailing `?`
 * lets the field be left out (`'str?'`). @internal
 */
export type ResultLeaf = string;
/** What a result's reader uses of it: a leaf, a list (`[item]`), an object (the keys read), or a {@link ResultSpecial}. @internal */
export type ResultShape = ResultLeaf | readonly [ResultShape] | ResultSpecial | { readonly [key: string]: ResultShape };
/** A shape beyond the plain ones: optional or nullable, a record of values, or steps chosen by their `code`. @internal */
export type ResultSpecial =
  | { readonly $: 'optional'; readonly of: ResultShape }
  | { readonly $: 'nullable'; readonly of: ResultShape }
  | { readonly $: 'record'; readonly of: ResultShape }
  | { readonly $: 'codes'; readonly key: string; readonly of: { readonly [code: string]: ResultShape } }
  | { readonly $: 'ref'; readonly of: () => ResultShape }
  | { readonly $: 'oneOf'; readonly of: readonly (string | null)[]; readonly optional?: boolean };

/** A field that may be left out. @internal */
export const optional = (of: ResultShape): ResultSpecial => ({ $: 'optional', of });
/** A field that may be null. @internal */
export const nullable = (of: ResultShape): ResultSpecial => ({ $: 'nullable', of });
/** An object whose every own value has one shape (a map keyed by id). @internal */
export const record = (of: ResultShape): ResultSpecial => ({ $: 'record', of });
/** One of several objects told apart by a field (a step by its `code`); `'*'` is the shape of any value not listed (else it is refused). @internal */
export const byCode = (key: string, of: { readonly [code: string]: ResultShape }): ResultSpecial => ({ $: 'codes', key, of });
/** One of a closed list of words (a rule, a basis, a status); `null` among them when it may be null, `optional` when it may be left out. @internal */
export const oneOf = (of: readonly (string | null)[], optional = false): ResultSpecial => ({ $: 'oneOf', of, optional });
/** A named shape, read when it is used (so shapes can refer to themselves: a period's children). @internal */
export const ref = (of: () => ResultShape): ResultSpecial => ({ $: 'ref', of });
/** The steps of `shape` (a result's shape with `steps: [byCode(…)]`), with `other` the shape of any step code it does not list. @internal */
export function stepsWithOthers(shape: ResultShape, other: ResultShape): ResultShape {
  const steps = (shape as { steps: readonly [ResultSpecial & { $: 'codes' }] }).steps[0];
  return [byCode(steps.key, { ...steps.of, '*': other })];
}

/** A shape built once, on first use: no work when a module loads. @internal */
export function memo(build: () => ResultShape): () => ResultShape {
  let built: ResultShape | undefined;
  return () => (built ??= build());
}

/** Named shapes of one folder (see {@link shapeGroup}): a shape by name, or undefined when the group has none of that name. @internal */
export type ShapeGroup = (name: string) => ResultShape | undefined;

/**
 * Named shapes kept as JSON text and read on first use: the generated result shapes
 * (result-shapes.ts) are data, and a cold import scans a string much faster than it compiles
 * the same shapes written as code (issue 14's import budget). In the JSON a shape is written as
 * in {@link ResultShape}, but a named one is `{ "$": "ref", "to": name }`, found in this group or
 * in one of `deps` (read when first needed, so groups may refer to one another). @internal
 */
export function shapeGroup(json: string, deps: () => readonly ShapeGroup[]): ShapeGroup {
  let table: Record<string, ResultShape> | undefined;
  const find = (name: string): ResultShape => {
    const shape = group(name) ?? deps().reduce<ResultShape | undefined>((found, d) => found ?? d(name), undefined);
    if (shape === undefined) throw new Error(`[dealerkit] no result shape is named ${name}`);
    return shape;
  };
  const decode = (node: unknown): ResultShape => {
    if (typeof node === 'string') return node;
    if (Array.isArray(node)) return [decode(node[0])];
    const o = node as { readonly [key: string]: unknown };
    switch (o.$) {
      case 'ref': {
        const to = o.to as string;
        let resolved: ResultShape | undefined;
        return ref(() => (resolved ??= find(to)));
      }
      // Stryker disable next-line StringLiteral: the default branch decodes {"$": "optional", "of": …} field by field into the same { $, of } shape, which check reads the same way
      case 'optional':
      // Stryker disable next-line StringLiteral: the default branch decodes {"$": "nullable", "of": …} field by field into the same { $, of } shape
      case 'nullable':
      // Stryker disable next-line StringLiteral: the default branch decodes {"$": "record", "of": …} field by field into the same { $, of } shape
      case 'record':
        return { $: o.$, of: decode(o.of) };
      // Stryker disable next-line StringLiteral: the default branch decodes {"$": "codes", "key", "of"} field by field into the same shape byCode builds
      case 'codes':
        return byCode(o.key as string, decodeFields(o.of as { readonly [key: string]: unknown }));
      case 'oneOf':
        return oneOf(o.of as (string | null)[], o.optional === true);
      default:
        return decodeFields(o);
    }
  };
  // Own keys only, into objects without a prototype: a code or a field named like an Object.prototype key stays data.
  const decodeFields = (o: { readonly [key: string]: unknown }): { [key: string]: ResultShape } => {
    const out = Object.create(null) as { [key: string]: ResultShape };
    for (const k of Object.keys(o)) out[k] = decode(o[k]);
    return out;
  };
  const group: ShapeGroup = (name) => {
    table ??= decodeFields(JSON.parse(json) as { readonly [key: string]: unknown });
    return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
  };
  return group;
}

const EXPECTED: Record<string, string> = {
  dec: 'a finite decimal figure',
  num: 'a finite number',
  int: 'a whole number',
  nat: 'a whole number, 0 or more',
  scale: 'a scale (a whole number from 0 to 30)',
  str: 'text',
  bool: 'true or false',
  obj: 'an object',
  arr: 'a list',
  any: 'a value',
  null: 'null',
};

type Path = (string | number)[];

function leafOk(kind: string, x: unknown): boolean {
  switch (kind) {
    case 'dec':
      return isDecimal(x) && x.isFinite();
    case 'num':
      return typeof x === 'number' && Number.isFinite(x);
    case 'int':
      return Number.isInteger(x);
    case 'nat':
      return Number.isInteger(x) && (x as number) >= 0;
    case 'scale':
      return Number.isInteger(x) && (x as number) >= 0 && (x as number) <= 30;
    case 'str':
      return typeof x === 'string';
    case 'bool':
      return typeof x === 'boolean';
    case 'obj':
      return typeof x === 'object' && x !== null;
    case 'arr':
      return Array.isArray(x);
    case 'null':
      return x === null;
    default:
      return x !== undefined; // 'any'
  }
}

const missing = (path: Path): never => invalid(path, 'is missing: not a field of a result dealerkit made', { code: 'required' });

function checkLeaf(x: unknown, spec: string, path: Path): void {
  const opt = spec.endsWith('?');
  const kinds = (opt ? spec.slice(0, -1) : spec).split('|');
  if (x === undefined) {
    if (opt) return;
    missing(path);
  }
  if (kinds.some((k) => leafOk(k, x))) return;
  // A whole number outside a scale's range is a figure out of range, not of the wrong type.
  if (kinds.includes('scale') && Number.isInteger(x)) {
    outOfRange(path, `must be a scale from 0 to 30, not ${describeValue(x)}`, { code: 'out_of_range', limit: (x as number) < 0 ? '0' : '30', received: describeValue(x) });
  }
  const expected = kinds.map((k) => EXPECTED[k] ?? k).join(' or ');
  // A figure that is there but not finite (NaN, ±Infinity) is no number dealerkit writes.
  const nonFinite = (typeof x === 'number' || isDecimal(x)) && !Number.isFinite(Number(x)) && (kinds.includes('dec') || kinds.includes('num'));
  invalid(path, `must be ${expected}, not ${describeValue(x)}`, { code: nonFinite ? 'not_a_number' : 'invalid_type', expected, received: describeValue(x) });
}

/** The value of a field: own fields of a plain object only (never `constructor` from its prototype). */
function field(x: object, key: string): unknown {
  if (isPlainObject(x) && !Object.prototype.hasOwnProperty.call(x, key)) return undefined;
  return (x as Record<string, unknown>)[key];
}

function checkObject(x: unknown, path: Path, what = 'an object'): asserts x is object {
  if (typeof x !== 'object' || x === null || Array.isArray(x) || isDecimal(x)) {
    if (x === undefined) missing(path);
    invalid(path, `must be ${what}, not ${describeValue(x)}`, { code: 'invalid_type', expected: what, received: describeValue(x) });
  }
}

function check(x: unknown, shape: ResultShape, path: Path): void {
  if (typeof shape === 'string') return checkLeaf(x, shape, path);
  if (Array.isArray(shape)) {
    if (!Array.isArray(x)) {
      if (x === undefined) missing(path);
      return invalid(path, `must be a list, not ${describeValue(x)}`, { code: 'invalid_type', expected: 'a list', received: describeValue(x) });
    }
    for (let i = 0; i < x.length; i++) {
      if (!(i in x)) missing([...path, i]);
      check(x[i], shape[0] as ResultShape, [...path, i]);
    }
    return;
  }
  const special = shape as ResultSpecial;
  switch (special.$) {
    case 'optional':
      if (x !== undefined) check(x, special.of, path);
      return;
    case 'nullable':
      if (x !== null) check(x, special.of, path);
      return;
    case 'record':
      checkObject(x, path);
      for (const k of Object.keys(x)) check((x as Record<string, unknown>)[k], special.of, [...path, k]);
      return;
    case 'codes': {
      checkObject(x, path);
      const code = field(x, special.key);
      checkLeaf(code, 'str', [...path, special.key]);
      const of = special.of;
      const own = Object.prototype.hasOwnProperty.call(of, code as string) ? of[code as string] : of['*'];
      if (own === undefined) invalid([...path, special.key], `is not one dealerkit writes here (${describeValue(code)})`, { code: 'invalid_value', received: describeValue(code) });
      return check(x, own, path);
    }
    case 'ref':
      return check(x, special.of(), path);
    case 'oneOf':
      if (x === undefined && special.optional === true) return;
      if (x === undefined) missing(path);
      if (!special.of.includes(x as string)) {
        const expected = `one of ${special.of.map((w) => JSON.stringify(w)).join(', ')}`;
        invalid(path, `must be ${expected}, not ${describeValue(x)}`, { code: typeof x === 'string' ? 'invalid_value' : 'invalid_type', expected, received: describeValue(x) });
      }
      return;
    default: {
      checkObject(x, path);
      const keys = shape as { readonly [key: string]: ResultShape };
      for (const k of Object.keys(keys)) check(field(x, k), keys[k] as ResultShape, [...path, k]);
    }
  }
}

/** True when `x` is an object holding at most half the fields `shape` requires: some other object, not a corrupted result. */
function notTheResult(x: unknown, shape: ResultShape): boolean {
  if (typeof x !== 'object' || x === null || Array.isArray(x) || isDecimal(x)) return true;
  let s = shape;
  while (typeof s === 'object' && !Array.isArray(s) && (s as ResultSpecial).$ === 'ref') s = (s as { of: () => ResultShape }).of();
  if (typeof s !== 'object' || Array.isArray(s) || typeof (s as ResultSpecial).$ === 'string') return false;
  const required = Object.entries(s).filter(([, v]) => !(typeof v === 'string' ? v.endsWith('?') : (v as ResultSpecial).$ === 'optional'));
  const present = required.filter(([k]) => field(x, k) !== undefined).length;
  return required.length > 0 && present * 2 <= required.length;
}

/**
 * A result as its reader (an explainer, a chart, a formatter) may use it: read back from JSON
 * (every numeric text a Decimal again, see {@link reviveResult}) and checked against `shape`, the
 * fields that reader uses. A field of the wrong type, a missing one or a figure that is not finite
 * is refused with a {@link DealerkitError} at its path under `name` (`['result', 'steps', 2,
 * 'amount']`), never read as `undefined` or `NaN`; a value that is no such result at all (not an
 * object, or one without most of its fields) is refused at `name` with `notAResult`.
 *
 * @internal
 */
export function readResult<T>(value: T, name: string | IssuePath, shape: ResultShape, notAResult = 'must be a result dealerkit made'): T {
  const base = typeof name === 'string' ? [name] : [...name];
  if (notTheResult(value, shape)) invalid(base, notAResult, { code: 'invalid_type' });
  const revived = reviveResult(value, base);
  check(revived, shape, base);
  return revived;
}

/** Checks `value` against `shape` (no reading back from JSON), errors at their paths under `path`. @internal */
export function checkShape(value: unknown, shape: ResultShape, path: IssuePath): void {
  check(value, shape, [...path]);
}

/** Refuses a result whose parts disagree (a step for a period that is not there) at `path`. @internal */
export function inconsistentResult(path: IssuePath, message: string): never {
  return invalid(path, message, { code: 'inconsistent' });
}
