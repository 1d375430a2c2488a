// Lookups keyed by user text (child ids, period ids) read own properties only, so an id such as
// `toString`, `constructor` or `__proto__` is an id like any other.
import type * as z from 'zod/mini';
import { DealerkitError, type DealerkitIssue, type IssuePath } from '../core/errors.js';
import { TARGETS_MESSAGES as M } from './messages.js';
import { parseWith } from '../core/schema.js';

/** True when `key` is an own property of `record`. @internal */
// Stryker disable next-line BlockStatement: its one caller, ownEntries, parses the raw value again when it answers no, and that parse gives the value zod gave
export function hasOwn(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/**
 * The entries of a record parsed by zod, in the raw input's key order, as a Map. zod leaves out a
 * `__proto__` key (it cannot be assigned to a plain object); such a key is parsed here instead.
 *
 * @internal
 */
export function ownEntries<T>(raw: unknown, parsed: Readonly<Record<string, T>> | undefined, schema: z.ZodMiniType<T>, path: IssuePath): Map<string, T> {
  const out = new Map<string, T>();
  // Stryker disable next-line ConditionalExpression,LogicalOperator: zod gave a record (parsed) exactly when raw is a non-null object, so any one of the three tests decides alone
  if (parsed === undefined || typeof raw !== 'object' || raw === null) return out;
  for (const key of Object.keys(raw)) {
    out.set(key, hasOwn(parsed, key) ? parsed[key]! : parseWith(schema, (raw as Record<string, unknown>)[key], [...path, key]));
  }
  return out;
}

/**
 * {@link parseWith} for the engine's configurations and options, with three unknown fields
 * explained instead of a "did you mean" guess: a `scale` (the `rounding` option replaced it), a
 * `rounding.stage` (targets are split by largest remainder, so a stage does not apply) and a `total`
 * in a cascade spec (the total is the fact, given beside the spec).
 *
 * @internal
 */
export function parseTargets<S extends z.ZodMiniType>(schema: S, input: unknown, base: IssuePath): z.output<S> {
  try {
    return parseWith(schema, input, base);
  } catch (error) {
    const explains = (i: DealerkitIssue) =>
      // Stryker disable next-line ConditionalExpression: an error rebuilt from the same code and unchanged issues is the same error (code, issues, message)
      explained(i) !== null;
    if (!(error instanceof DealerkitError) || !error.issues.some(explains)) throw error;
    throw new DealerkitError(
      error.code,
      error.issues.map((i) => explained(i) ?? i),
    );
  }
}

function explained(issue: DealerkitIssue): DealerkitIssue | null {
  if (issue.code !== 'unknown_field') return null;
  const [last, previous] = [issue.path[issue.path.length - 1], issue.path[issue.path.length - 2]];
  if (last === 'stage' && previous === 'rounding') return { ...issue, code: 'invalid_value', message: M.stageDoesNotApply() };
  if (
    last === 'scale' &&
    // Stryker disable next-line ConditionalExpression,StringLiteral: every rounding object of the engine (roundingShape) knows scale, so an unknown scale never sits under rounding
    previous !== 'rounding'
  )
    return { ...issue, message: M.scaleMoved() };
  if (last === 'total' && issue.path.length === 1) return { ...issue, message: M.totalMoved() };
  return null;
}
