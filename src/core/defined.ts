import type * as z from 'zod/mini';
import { isDecimal, toDecimal, type Decimal } from './decimal.js';
import { invalid, isDealerkitError, repathError, type IssuePath } from './errors.js';
import { parseWith } from './issues.js';

// A defined object (a program, a calendar, a scorecard) that went out as JSON comes back as a plain
// object carrying its `kind`. Each define* has one reader for it: a schema of the defined form, the
// spec the object came from, and the define* that builds it again. The object defined again must
// equal the JSON field by field, so a derived field that disagrees with the rest (a tier's `to`
// that is not the next tier's `from`, weights that do not follow from the declared ones) is refused
// at its path instead of being silently recomputed or trusted.

/** How one kind of defined object is read back from its JSON. @internal */
export interface DefinedReader<Parsed, Defined> {
  /** The `kind` the defined object carries (`'rebate-program'`). */
  readonly kind: string;
  /** What it is, for messages (`'the rebate program'`). */
  readonly what: string;
  /** Schema of the defined form: every field present, of its type (the spec's rules follow in `define`). */
  readonly schema: z.ZodMiniType<Parsed>;
  /** The spec it was defined from; may throw a DealerkitError at a path of the JSON (relative). */
  readonly toSpec: (parsed: Parsed) => unknown;
  /** Defines the spec again; errors at the spec's paths (relative). */
  readonly define: (spec: unknown) => Defined;
  /** A path of the spec as the path of the same field in the JSON (identity when absent). */
  readonly specPath?: (path: (string | number)[], parsed: Parsed) => (string | number)[];
}

/**
 * True for an object (not a list) whose own `kind` is `kind`: a defined object's JSON, or a copy of
 * one. Reads no getter and never throws.
 *
 * @internal
 */
export function isDefinedJson(value: unknown, kind: string): value is Record<string, unknown> {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a primitive has no own 'kind' descriptor, and null or undefined throw in getOwnPropertyDescriptor into the catch, which answers false as well
  if (typeof value !== 'object' || value === null) return false;
  try {
    if (Array.isArray(value)) return false;
    const d = Object.getOwnPropertyDescriptor(value, 'kind');
    // Stryker disable next-line ConditionalExpression,LogicalOperator: with no descriptor, `'value' in d` or `d.value` throws into the catch (false); an accessor's d.value is undefined, never the kind
    return d !== undefined && 'value' in d && d.value === kind;
  } catch {
    return false; // a revoked proxy: not a defined object's JSON
  }
}

/**
 * Reads a defined object back from its JSON (errors under `base`): validated by the reader's schema,
 * turned back into its spec, defined again, and compared field by field with the JSON. A derived
 * field that disagrees is refused with the issue code `inconsistent` at its path.
 *
 * @internal
 */
export function readDefined<P, D>(value: unknown, reader: DefinedReader<P, D>, base: IssuePath): D {
  const parsed = parseWith(reader.schema, value, base);
  let defined: D;
  try {
    defined = reader.define(reader.toSpec(parsed));
  } catch (error) {
    if (!isDealerkitError(error)) throw error;
    throw repathError(error, (p) => [...base, ...(reader.specPath === undefined ? p : reader.specPath(p, parsed))]);
  }
  const diff = firstDifference(defined, parsed, []);
  if (diff !== undefined) {
    invalid([...base, ...diff.path], definedDisagrees(reader.what, diff.expected, diff.received), {
      code: 'inconsistent',
      expected: diff.expected,
      received: diff.received,
    });
  }
  return defined;
}

/** The message of a derived field that disagrees with the object defined again. @internal */
export function definedDisagrees(what: string, expected: string, received: string): string {
  return `is ${received}, but ${what} defined again from this JSON has ${expected}: a field derived from the others must agree with them`;
}

interface Difference {
  path: (string | number)[];
  expected: string;
  received: string;
}

function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  // A huge or tiny figure prints in exponent notation: its plain text could be millions of digits.
  if (isDecimal(v)) return Math.abs(v.e) > 30 ? v.toExponential() : v.toString();
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `a list of ${v.length} item${v.length === 1 ? '' : 's'}`;
  return typeof v === 'object' ? 'an object' : typeof v;
}

function sameNumber(d: Decimal, p: unknown): boolean {
  if (isDecimal(p)) return d.eq(p);
  if (typeof p !== 'number' && typeof p !== 'string') return false;
  try {
    return d.eq(toDecimal(p));
  } catch {
    return false;
  }
}

/** The first place where `defined` and `parsed` differ (a Decimal equals any input of its value), or undefined. */
function firstDifference(defined: unknown, parsed: unknown, path: (string | number)[]): Difference | undefined {
  const differ = (): Difference => ({ path, expected: show(defined), received: show(parsed) });
  if (isDecimal(defined)) return sameNumber(defined, parsed) ? undefined : differ();
  if (typeof defined !== 'object' || defined === null) return defined === parsed ? undefined : differ();
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(defined) !== Array.isArray(parsed)) return differ();
  if (Array.isArray(defined)) {
    const list = parsed as unknown[];
    const n = Math.min(defined.length, list.length);
    for (let i = 0; i < n; i++) {
      const d = firstDifference(defined[i], list[i], [...path, i]);
      if (d !== undefined) return d;
    }
    return defined.length === list.length ? undefined : differ();
  }
  const d = defined as Record<string, unknown>;
  const p = parsed as Record<string, unknown>;
  const keys = new Set([...Object.keys(d), ...Object.keys(p)]);
  for (const k of keys) {
    const dv = Object.prototype.hasOwnProperty.call(d, k) ? d[k] : undefined;
    const pv = Object.prototype.hasOwnProperty.call(p, k) ? p[k] : undefined;
    if (dv === undefined && pv === undefined) continue;
    const found = firstDifference(dv, pv, [...path, k]);
    if (found !== undefined) return found;
  }
  return undefined;
}
