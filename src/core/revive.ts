import { toDecimal } from './decimal.js';
import { invalid, type IssuePath } from './errors.js';

// A result that went out as JSON comes back with every Decimal as its plain decimal text. The
// explainers read figures with Decimal methods, so they read a result through reviveResult first:
// one reader for every engine, instead of each trusting its argument's types.

const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Fields whose text is a label even when it looks like a number (a period `'2026'`, an id `'117'`). */
const LABELS = new Set(['id', 'period', 'name', 'label', 'title', 'text', 'code', 'message', 'note', 'unit', 'currency', 'source', 'reason']);
const MAX_DEPTH = 200;

function isLabel(key: string | number | undefined): boolean {
  // An index or the root (no key) is no label: the set holds words, and neither '0' nor 'undefined' ends in a suffix.
  return LABELS.has(key as string) || /(Id|Label|Name|Text)$/.test(String(key));
}

/**
 * True for a plain object of any realm: its prototype is null or an `Object.prototype`, which has no
 * prototype of its own (JSON parsed in a vm context or an iframe has that realm's). @internal
 */
export function isPlainObject(x: object): boolean {
  const proto: unknown = Object.getPrototypeOf(x);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * A copy of a dealerkit result in which every numeric text outside a label field is a Decimal
 * again (what `JSON.parse(JSON.stringify(result))` turned into a string), so an explainer gives a
 * result and its JSON the same sentences. A live result passes through unchanged in value. A hole
 * in a list is refused with `required`, an object that contains itself with `cycle`, nesting
 * deeper than 200 with `too_deep`, each at its path under `base`.
 *
 * @internal
 */
export function reviveResult<T>(value: T, base: IssuePath = []): T {
  const ancestors = new Set<object>();
  const walk = (x: unknown, path: (string | number)[], key: string | number | undefined): unknown => {
    if (typeof x === 'string') return !isLabel(key) && NUMERIC.test(x) ? toDecimal(x, path) : x;
    if (typeof x !== 'object' || x === null) return x;
    // Only plain objects and arrays are walked: Decimals, Dates, typed arrays and other instances pass as they are.
    if (!Array.isArray(x) && !isPlainObject(x)) return x;
    if (ancestors.has(x)) invalid(path, 'refers to itself: a result read back from JSON never does', { code: 'cycle' });
    if (path.length - base.length > MAX_DEPTH) invalid(path, `is nested deeper than ${MAX_DEPTH} levels: not a dealerkit result`, { code: 'too_deep' });
    ancestors.add(x);
    let out: unknown;
    if (Array.isArray(x)) {
      const list: unknown[] = [];
      for (let i = 0; i < x.length; i++) {
        if (!(i in x)) invalid([...path, i], 'is missing (a hole in the list)', { code: 'required' });
        // Items of a list of labels (`likelihood: ['low', …]`) are labels too.
        list.push(walk(x[i], [...path, i], key));
      }
      out = list;
    } else {
      const obj: Record<string, unknown> = {};
      for (const k of Object.keys(x)) {
        Object.defineProperty(obj, k, { value: walk((x as Record<string, unknown>)[k], [...path, k], k), enumerable: true, writable: true, configurable: true });
      }
      out = obj;
    }
    ancestors.delete(x);
    return out;
  };
  return walk(value, [...base], undefined) as T;
}
