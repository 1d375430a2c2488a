// The hostile-input harness: hostile values, perturbation of valid argument lists, and the checks
// every call must pass (a result or a DealerkitError naming a real path; finite figures; no
// mutation; the same outcome on repeat; a time bound).
import fc from 'fast-check';
import { isDealerkitError, isDecimal } from 'dealerkit';
import { SHEET_FUNCTIONS } from 'dealerkit/sheets';

/** The seed of `npm test`'s run; `npm run fuzz` passes a fresh one (HOSTILE_SEED) and prints it. */
export const SEED = Number(process.env.HOSTILE_SEED ?? 20261206);
/** Runs per function: the default run is about a minute; `npm run fuzz` sets HOSTILE_SCALE=10. */
export const SCALE = Number(process.env.HOSTILE_SCALE ?? 1);
/** A call slower than this fails (inputs stay small: the longest hostile text or list has 5,000 items). */
export const TIME_LIMIT_MS = Number(process.env.HOSTILE_TIME_LIMIT_MS ?? 4000);

/** A stable 31-bit hash of a name, so each function gets its own seed from the run's seed. */
export function seedFor(name: string): number {
  let h = SEED | 0;
  for (let i = 0; i < name.length; i++) h = (Math.imul(h, 31) + name.charCodeAt(i)) | 0;
  return h & 0x7fffffff;
}

// ---------------------------------------------------------------- hostile values

/** A hostile value and whether a caller can build it from JSON (then `internal` is never acceptable). */
export interface Hostile {
  label: string;
  json: boolean;
  make: () => unknown;
}

const h = (label: string, json: boolean, make: () => unknown): Hostile => ({ label, json, make });

function nested(depth: number, asArray: boolean): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
}

function revoked(): unknown {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

const NUMBERS = [NaN, Infinity, -Infinity, -0, 5e-324, -5e-324, 2.2250738585072014e-308, 1e308, -1e308, 1.7976931348623157e308, 2 ** 53 + 2, 2 ** 31, 1e15, 1e16, 1e21, 0.1, 1e-7, 0, 1, -1, 0.5, 1.5, 100, 12, 2026, 46082];
const STRINGS = [
  '1e9000000000000001', '-1e9000000000000001', '1e400', '-1e400', '1e-400', '1e-9000000000000001', '', ' ', '0', '-0', '1,000', '3%', 'NaN', 'Infinity', '0x10', '1_000', '١٢٣',
  '\u0000', '\ud800', 'e\u0301', '🙂🙂', '\u202eabc', 'x'.repeat(5000), '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf',
  '2026-02-30', '9999-12-31', '0001-01-01', '0000-01-01', '2026-01-01T00:00:00Z', '1/3', '1/0', 'retroactive', 'ratio', 'high', 'month',
];

/** Every hostile value the run draws from: constants, random numbers and texts, and built objects. */
export const hostileArb: fc.Arbitrary<Hostile> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NUMBERS).map((n) => h(describe(n), Number.isFinite(n), () => n)) },
  { weight: 4, arbitrary: fc.constantFrom(...STRINGS).map((s) => h(JSON.stringify(s.length > 40 ? `${s.slice(0, 12)}…(${s.length})` : s), true, () => s)) },
  { weight: 2, arbitrary: fc.double().map((n) => h(describe(n), Number.isFinite(n), () => n)) },
  { weight: 1, arbitrary: fc.integer().map((n) => h(String(n), true, () => n)) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => h(JSON.stringify(s), true, () => s)) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => h(`json ${JSON.stringify(v)?.slice(0, 40)}`, true, () => structuredClone(v))) },
  {
    weight: 5,
    arbitrary: fc.constantFrom<Hostile>(
      h('null', true, () => null),
      h('undefined', false, () => undefined),
      h('true', true, () => true),
      h('false', true, () => false),
      h('{}', true, () => ({})),
      h('[]', true, () => []),
      h('[1, 2]', true, () => [1, 2]),
      h('a list of 5,000 ones', true, () => new Array(5000).fill(1)),
      h('a list of 5,000 objects', true, () => Array.from({ length: 5000 }, (_, i) => ({ id: `x${i}` }))),
      h('a sparse list [, 1]', false, () => [, 1]),
      h('a sparse list of length 3', false, () => new Array(3)),
      h('an object 3,000 deep', true, () => nested(3000, false)),
      h('a list 3,000 deep', true, () => nested(3000, true)),
      h('a cyclic object', false, () => {
        const o: Record<string, unknown> = { id: 'cyc', a: 1 };
        o.self = o;
        return o;
      }),
      h('a cyclic list', false, () => {
        const a: unknown[] = [1];
        a.push(a);
        return a;
      }),
      h('JSON {"__proto__":{"polluted":1}}', true, () => JSON.parse('{"__proto__":{"polluted":1},"id":"p"}')),
      h('JSON {"constructor":{"prototype":{"polluted":1}}}', true, () => JSON.parse('{"constructor":{"prototype":{"polluted":1}}}')),
      h('{ toString: 1, valueOf: 1 }', true, () => ({ toString: 1, valueOf: 1 })),
      h('a revoked proxy', false, revoked),
      h('a throwing getter', false, () => Object.defineProperty({}, 'id', { enumerable: true, get: () => { throw new Error('getter'); } })),
      h('a function', false, () => () => 1),
      h('a symbol', false, () => Symbol('s')),
      h('10n', false, () => 10n),
      h('an Invalid Date', false, () => new Date(NaN)),
      h('Date 275760-09-13', false, () => new Date(8.64e15)),
      h('a Map', false, () => new Map([['a', 1]])),
      h('a Float64Array of NaN', false, () => Float64Array.of(NaN, 1)),
      h('a frozen empty object', true, () => Object.freeze({})),
      h('an object without prototype', true, () => Object.assign(Object.create(null), { id: 'n', value: 1 })),
    ),
  },
);

export function describe(v: unknown): string {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 12)}…(${v.length})` : v);
  return typeof v;
}

// ---------------------------------------------------------------- structure

const isPlainContainer = (v: unknown): v is Record<PropertyKey, unknown> => {
  if (typeof v !== 'object' || v === null) return false;
  if (Array.isArray(v)) return true;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** A deep copy of plain objects and arrays (holes kept); Decimals and frozen library data shared; Dates and typed arrays copied. */
export function clone<T>(v: T, depth = 0): T {
  if (depth > 200) return v;
  if (v instanceof Date) return new Date(v.getTime()) as T;
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return (v as unknown as { slice(): T }).slice();
  if (!isPlainContainer(v)) return v;
  if (Array.isArray(v)) {
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) if (i in v) out[i] = clone(v[i], depth + 1);
    return out as T;
  }
  const out: Record<PropertyKey, unknown> = Object.getPrototypeOf(v) === null ? Object.create(null) : {};
  for (const k of Reflect.ownKeys(v)) {
    const d = Object.getOwnPropertyDescriptor(v, k)!;
    if ('value' in d) Object.defineProperty(out, k, { ...d, value: clone(d.value, depth + 1), writable: true, configurable: true });
    // A getter of a frozen preset built on first use (src/core/lazy.ts lazyFrozen): copied as the value it reads.
    else if (d.get !== undefined && Object.isFrozen(v)) Object.defineProperty(out, k, { enumerable: d.enumerable === true, value: clone((v as Record<PropertyKey, unknown>)[k], depth + 1), writable: true, configurable: true });
    else Object.defineProperty(out, k, d);
  }
  return out as T;
}

export function deepFreeze<T>(v: T, seen = new Set<unknown>()): T {
  if (typeof v !== 'object' || v === null || seen.has(v) || ArrayBuffer.isView(v)) return v;
  seen.add(v);
  for (const k of Reflect.ownKeys(v)) {
    const d = Object.getOwnPropertyDescriptor(v, k);
    if (d && 'value' in d) deepFreeze(d.value, seen);
  }
  return Object.freeze(v);
}

/** A printable snapshot of a value: exact enough to see any mutation, safe on cycles, proxies and depth. */
export function snapshot(v: unknown): string {
  const seen = new Map<unknown, number>();
  const walk = (x: unknown, depth: number): string => {
    try {
      if (typeof x === 'number') return Object.is(x, -0) ? '-0' : String(x);
      if (typeof x === 'string') return JSON.stringify(x);
      if (typeof x === 'bigint') return `${x}n`;
      if (typeof x === 'symbol') return 'symbol';
      if (typeof x === 'function') return 'function';
      if (x === null || x === undefined || typeof x === 'boolean') return String(x);
      if (depth > 64) return '…';
      if (seen.has(x)) return `#${seen.get(x)}`;
      seen.set(x, seen.size);
      if (isDecimal(x)) return `D(${x.toString()})`;
      if (x instanceof Date) return `Date(${x.getTime()})`;
      // An error's stack differs from call to call: its name, message and data are what it says.
      if (x instanceof Error) return `${x.name}(${JSON.stringify(x.message)},${walk({ ...x }, depth + 1)})`;
      if (ArrayBuffer.isView(x)) return `${x.constructor.name}(${Array.from(x as unknown as ArrayLike<number>, (n) => String(n)).join(',')})`;
      if (Array.isArray(x)) {
        const parts: string[] = [];
        for (let i = 0; i < x.length; i++) parts.push(i in x ? walk(x[i], depth + 1) : '<hole>');
        return `[${parts.join(',')}]`;
      }
      const keys = Reflect.ownKeys(x as object);
      return `{${keys
        .map((k) => {
          const d = Object.getOwnPropertyDescriptor(x, k)!;
          return `${String(k)}:${'value' in d ? walk(d.value, depth + 1) : 'getter'}`;
        })
        .join(',')}}`;
    } catch {
      return '<unreadable>';
    }
  };
  return walk(v, 0);
}

/** Every location in an argument list: [argument index, ...keys], containers and leaves. */
export function locations(args: readonly unknown[]): (string | number)[][] {
  const out: (string | number)[][] = [];
  const seen = new Set<unknown>();
  const walk = (x: unknown, path: (string | number)[]): void => {
    out.push(path);
    if (!isPlainContainer(x) || seen.has(x) || path.length > 12 || out.length > 400) return;
    seen.add(x);
    if (Array.isArray(x)) x.forEach((e, i) => walk(e, [...path, i]));
    else for (const k of Object.keys(x)) walk(x[k], [...path, k]);
  };
  args.forEach((a, i) => walk(a, [i]));
  // One argument past the last, and every argument left out, as a caller might.
  out.push([args.length]);
  return out;
}

/** How one location is perturbed. */
export type Perturbation =
  | { kind: 'replace'; at: (string | number)[]; value: Hostile }
  | { kind: 'delete'; at: (string | number)[] }
  | { kind: 'addKey'; at: (string | number)[]; key: string; value: Hostile }
  | { kind: 'hole'; at: (string | number)[] };

export function perturbationLabel(p: Perturbation): string {
  const at = p.at.map(String).join('.');
  switch (p.kind) {
    case 'replace':
      return `args.${at} = ${p.value.label}`;
    case 'delete':
      return `delete args.${at}`;
    case 'addKey':
      return `args.${at}[${JSON.stringify(p.key)}] = ${p.value.label}`;
    case 'hole':
      return `hole at args.${at}`;
  }
}

/** Applies a perturbation to a fresh copy of `args`; returns the copy (a cloned argument list). */
export function perturb(args: unknown[], p: Perturbation): unknown[] {
  const root = clone(args);
  const parentPath = p.at.slice(0, -1);
  const key = p.at[p.at.length - 1]!;
  let node: unknown = root;
  for (const k of p.kind === 'addKey' ? p.at : parentPath) {
    if (!isPlainContainer(node)) return root;
    node = (node as Record<PropertyKey, unknown>)[k];
  }
  if (!isPlainContainer(node) || Object.isFrozen(node)) return root;
  // A key added to an array (its own `constructor`) is nothing JSON or a caller builds: not tried.
  if (p.kind === 'addKey' && Array.isArray(node)) return root;
  const target = node as Record<PropertyKey, unknown>;
  switch (p.kind) {
    case 'replace':
      Object.defineProperty(target, key, { value: p.value.make(), enumerable: true, writable: true, configurable: true });
      break;
    case 'delete':
      if (Array.isArray(target) && target === root) target[key as number] = undefined;
      else delete target[key];
      break;
    case 'hole':
      if (Array.isArray(target)) delete target[key as number];
      else delete target[key];
      break;
    case 'addKey':
      Object.defineProperty(target, p.key, { value: p.value.make(), enumerable: true, writable: true, configurable: true });
      break;
  }
  return root;
}

/** True when every value the perturbation puts in is one a caller can build from JSON text. */
export function jsonBuildable(p: Perturbation): boolean {
  if (p.kind === 'replace' || p.kind === 'addKey') return p.value.json;
  return p.kind !== 'hole';
}

// ---------------------------------------------------------------- checks

/** Non-finite figures (NaN, ±Infinity numbers or Decimals) and `undefined` array items in a result, with where. */
export function nonFinite(result: unknown): string[] {
  const bad: string[] = [];
  const seen = new Set<unknown>();
  const walk = (x: unknown, path: string, depth: number): void => {
    if (bad.length > 5 || depth > 40) return;
    if (typeof x === 'number') {
      if (!Number.isFinite(x)) bad.push(`${path} = ${x}`);
      return;
    }
    if (typeof x !== 'object' || x === null || seen.has(x)) return;
    seen.add(x);
    if (isDecimal(x)) {
      if (!x.isFinite()) bad.push(`${path} = Decimal ${x.toString()}`);
      return;
    }
    if (x instanceof Float64Array || x instanceof Float32Array) {
      x.forEach((n, i) => {
        if (!Number.isFinite(n) && bad.length <= 5) bad.push(`${path}[${i}] = ${n}`);
      });
      return;
    }
    if (ArrayBuffer.isView(x) || x instanceof Date) return;
    if (Array.isArray(x)) {
      for (let i = 0; i < x.length; i++) {
        if (!(i in x) || x[i] === undefined) bad.push(`${path}[${i}] = undefined`);
        else walk(x[i], `${path}[${i}]`, depth + 1);
      }
      return;
    }
    for (const k of Object.keys(x)) {
      let v: unknown;
      try {
        v = (x as Record<string, unknown>)[k];
      } catch {
        continue; // a caller's object echoed in the result (a chart's data) may have a throwing getter
      }
      walk(v, `${path}.${k}`, depth + 1);
    }
  };
  try {
    walk(result, 'result', 0);
  } catch {
    // a revoked proxy echoed in a result (a chart's data): nothing more to read
  }
  return bad;
}

/** Text a result prints that shows a lost figure ("NaN", "Infinity", "0NaN-NaN-NaN"). */
export function lostFigureText(result: unknown): string[] {
  const bad: string[] = [];
  const seen = new Set<unknown>();
  const walk = (x: unknown, depth: number): void => {
    if (bad.length > 3 || depth > 40) return;
    if (typeof x === 'string') {
      if (/\bNaN\b|\bInfinity\b|undefined|\[object Object\]/.test(x)) bad.push(x.slice(0, 160));
      return;
    }
    if (typeof x !== 'object' || x === null || seen.has(x) || isDecimal(x) || ArrayBuffer.isView(x)) return;
    seen.add(x);
    try {
      for (const v of Array.isArray(x) ? x : Object.values(x)) walk(v, depth + 1);
    } catch {
      // a throwing getter of a caller's object echoed in the result
    }
  };
  try {
    walk(result, 0);
  } catch {
    // a revoked proxy echoed in a result
  }
  return bad;
}

const ROW_KEYS = ['id', 'period', 'name', 'factor', 'rule', 'kpi', 'metric', 'level'];

/** True when `path` (an issue's path) names a place in the argument list: an argument, or the parameter named first. */
export function pathResolves(args: readonly unknown[], path: readonly (string | number)[]): boolean {
  if (path.length === 0) return true;
  const from = (root: unknown, keys: readonly (string | number)[]): boolean => {
    let node = root;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const last = i === keys.length - 1;
      if (typeof node !== 'object' || node === null) return false;
      let next: unknown;
      let found = false;
      try {
        if (Array.isArray(node) && typeof k === 'string') {
          const row = node.find((e) => typeof e === 'object' && e !== null && ROW_KEYS.some((r) => { const v = (e as Record<string, unknown>)[r]; return v === k || (typeof v === 'number' && String(v) === k); }));
          found = row !== undefined;
          next = row;
        } else if (Object.prototype.hasOwnProperty.call(node, k)) {
          found = true;
          next = (node as Record<PropertyKey, unknown>)[k];
        } else if (ArrayBuffer.isView(node) && typeof k === 'number') {
          found = k < (node as unknown as ArrayLike<number>).length;
        }
      } catch {
        return true; // a proxy or getter that throws: its path cannot be checked further
      }
      if (!found) return last || (Array.isArray(node) && typeof k === 'number' && k < node.length);
      node = next;
    }
    return true;
  };
  for (const a of args) if (from(a, path)) return true;
  // The first key may be the parameter's name (planReorder's `item.stock.onHand`).
  for (const a of args) if (from(a, path.slice(1))) return true;
  return false;
}

/** Parameter names of a sheet function, from the manifest (undefined for any other function). */
export function sheetParameters(name: string): string[] | undefined {
  const spec = SHEET_FUNCTIONS.find((s) => s.exportName === name);
  return spec?.parameters.map((p) => p.name);
}

/** What a call did, as comparable text: its result's snapshot or its error's code and issues. */
export interface Outcome {
  ok: boolean;
  text: string;
  error?: unknown;
  result?: unknown;
  ms: number;
}

export function call(fn: (...a: never[]) => unknown, args: unknown[]): Outcome {
  const t = performance.now();
  try {
    const result = fn(...(args as never[]));
    const ms = performance.now() - t;
    return { ok: true, result, text: snapshot(result), ms };
  } catch (error) {
    const ms = performance.now() - t;
    const text = isDealerkitError(error) ? `DealerkitError ${error.code} ${JSON.stringify(error.issues)}` : `raw ${String(error)}`;
    return { ok: false, error, text, ms };
  }
}

/** The prototypes a call could pollute, as a snapshot. */
export function prototypesSnapshot(): string {
  const names = (o: object) => Reflect.ownKeys(o).map(String).sort().join(',');
  const probe = {} as Record<string, unknown>;
  return [names(Object.prototype), names(Array.prototype), names(Function.prototype), names(String.prototype), names(Number.prototype), String(probe.polluted)].join('|');
}

/** Problems with one outcome, as messages (empty when it is acceptable). */
export function problems(name: string, args: unknown[], out: Outcome, opts: { json: boolean; inside: boolean; exotic?: boolean }): string[] {
  const found: string[] = [];
  if (out.ms > TIME_LIMIT_MS) found.push(`took ${out.ms.toFixed(0)} ms`);
  if (out.ok) {
    const nf = nonFinite(out.result);
    if (nf.length > 0) found.push(`non-finite or missing figures: ${nf.join('; ')}`);
    return found;
  }
  const e = out.error;
  if (!isDealerkitError(e)) return [...found, `threw a raw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`];
  if (e.code === 'internal' && opts.json) found.push(`internal error for JSON-buildable input: ${e.message.slice(0, 300)}`);
  // A revoked proxy or a throwing getter is no value a caller builds from data: `internal` is accepted there.
  if (e.issues.some((i) => i.code === 'internal') && !opts.json && !opts.exotic) {
    found.push(`internal error: ${e.message.slice(0, 300)}`);
  }
  const sheet = sheetParameters(name);
  for (const i of e.issues) {
    if (sheet !== undefined) {
      if (i.path.length > 0 && !sheet.includes(String(i.path[0]))) found.push(`issue path ${JSON.stringify(i.path)} names no argument of ${name} (${sheet.join(', ')})`);
    } else if (!pathResolves(args, i.path)) found.push(`issue path ${JSON.stringify(i.path)} is not in the input`);
  }
  if (opts.inside && sheet === undefined && e.issues.every((i) => i.path.length === 0) && e.code !== 'internal') {
    found.push(`lost path: every issue is at (input): ${e.message.slice(0, 200)}`);
  }
  return found;
}
