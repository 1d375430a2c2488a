// zod issues as dealerkit issues: one formatter for every engine's messages (paths, expected and
// received values, the nearest known name), and parseWith, the one way input is parsed.
import * as z from 'zod/mini';
import { DealerkitError, wrapThrown, type DealerkitErrorCode, type DealerkitIssue, type DealerkitIssueCode, type IssueDetail, type IssuePath } from './errors.js';
import { CORE_MESSAGES, describeValue } from './messages.js';

/** A zod issue as dealerkit reads it (zod v4's raw issue, with the fields we use). @internal */
interface RawIssue {
  code?: string;
  path?: PropertyKey[];
  message?: string;
  expected?: string;
  received?: string;
  input?: unknown;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  values?: unknown[];
  keys?: string[];
  errors?: RawIssue[][];
  note?: string;
  discriminator?: string;
  options?: unknown[];
  divisor?: number;
  format?: string;
  params?: { code?: DealerkitErrorCode; issue?: DealerkitIssueCode; expected?: string; limit?: string };
}

const GENERIC = 'Invalid input';

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function quoteAll(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ');
}

function cleanPath(path: readonly PropertyKey[] | undefined): (string | number)[] {
  // A path from outside (anything with zod's `issues`) may hold any value: keys are strings or numbers.
  return (Array.isArray(path) ? Array.from(path) : []).map((k: unknown) =>
    (typeof k === 'number' && Number.isFinite(k)) || typeof k === 'string' ? k : typeof k === 'symbol' ? String(k.description) : String(describeValue(k)),
  );
}

function rangeIssue(issue: RawIssue, small: boolean): IssueDetail & { message: string } {
  const bound = String(small ? issue.minimum : issue.maximum);
  if (issue.origin === 'array' || issue.origin === 'set') {
    const message = small ? `must hold at least ${bound} item${bound === '1' ? '' : 's'}` : `must hold at most ${bound} items`;
    return { message, code: small ? 'too_short' : 'too_long', limit: bound };
  }
  if (issue.origin === 'string') {
    const message = small ? (bound === '1' ? 'must not be empty' : `must have at least ${bound} characters`) : `must have at most ${bound} characters`;
    return { message, code: small ? 'too_short' : 'too_long', limit: bound };
  }
  const words = small ? (issue.inclusive === false ? 'greater than' : 'at least') : issue.inclusive === false ? 'less than' : 'at most';
  return {
    message: `must be ${words} ${bound}, received ${describeValue(issue.input)}`,
    code: 'out_of_range',
    expected: `${words} ${bound}`,
    received: describeValue(issue.input),
    limit: bound,
  };
}

/** The branch of a failed union that got furthest: the deepest issue path, then the fewest issues. */
function closestBranch(branches: readonly RawIssue[][]): RawIssue[] | undefined {
  let best: RawIssue[] | undefined;
  let bestDepth = 0;
  for (const branch of branches) {
    const depth = Math.max(0, ...branch.map((b) => (b.code === 'unrecognized_keys' ? 0 : cleanPath(b.path).length)));
    if (depth > bestDepth || (depth === bestDepth && best !== undefined && branch.length < best.length)) {
      best = branch;
      bestDepth = depth;
    }
  }
  return best;
}

/** Where the issue list is read from, for suggestions of known field names. */
interface IssueContext {
  schema: unknown;
  root: IssuePath;
}

/** Turns one zod issue into dealerkit issues (a union or unknown keys may give several). */
function toIssues(issue: RawIssue, base: IssuePath, out: DealerkitIssue[], ctx: IssueContext | undefined, kind: DealerkitErrorCode): void {
  if (typeof issue !== 'object' || issue === null) return;
  const path = [...base, ...cleanPath(issue.path)];
  let detail: IssueDetail & { message: string };
  switch (issue.code) {
    case 'invalid_type': {
      const expected = article(String(issue.expected));
      if ('input' in issue && issue.input === undefined) detail = { message: `is required (${expected})`, code: 'required', expected };
      else if (!('input' in issue)) detail = { message: `must be ${expected}`, code: 'invalid_type', expected };
      else if (issue.expected === 'number' && typeof issue.input === 'number') {
        // NaN and ±Infinity are numbers to JavaScript but not to zod: not a (finite) number.
        const received = describeValue(issue.input);
        detail = { message: `must be a finite number, received ${received}`, code: 'not_a_number', expected: 'a finite number', received };
      } else if (issue.expected === 'int' && typeof issue.input === 'number') {
        const received = describeValue(issue.input);
        detail = { message: `must be a whole number, received ${received}`, code: 'not_an_integer', expected: 'a whole number', received };
      } else {
        const received = describeValue(issue.input);
        detail = { message: `must be ${expected}, received ${received}`, code: 'invalid_type', expected, received };
      }
      break;
    }
    case 'too_small':
    case 'too_big':
      detail = rangeIssue(issue, issue.code === 'too_small');
      break;
    case 'invalid_value':
      detail = {
        message: `must be one of ${quoteAll(issue.values ?? [])}, received ${describeValue(issue.input)}`,
        code: 'input' in issue && issue.input === undefined ? 'required' : 'invalid_value',
        expected: `one of ${quoteAll(issue.values ?? [])}`,
        received: describeValue(issue.input),
      };
      break;
    case 'unrecognized_keys': {
      const known = ctx === undefined ? [] : knownKeysAt(ctx.schema, path.slice(ctx.root.length));
      for (const key of issue.keys ?? []) {
        out.push({ path: [...path, key], code: 'unknown_field', message: CORE_MESSAGES.unknownField(nearestName(key, known)), received: key });
      }
      return;
    }
    case 'invalid_union': {
      if (issue.note === 'No matching discriminator') {
        const input = issue.input as Record<string, unknown> | undefined;
        const received = describeValue(input?.[issue.discriminator ?? '']);
        out.push({
          path,
          code: input?.[issue.discriminator ?? ''] === undefined ? 'required' : 'invalid_value',
          message: `must be one of ${quoteAll(issue.options ?? [])}, received ${received}`,
          expected: `one of ${quoteAll(issue.options ?? [])}`,
          received,
        });
        return;
      }
      const best = closestBranch(issue.errors ?? []);
      if (best === undefined) {
        detail = { message: `does not match any accepted form, received ${describeValue(issue.input)}`, code: 'invalid_type', received: describeValue(issue.input) };
        break;
      }
      for (const inner of best) toIssues(inner, path, out, ctx, kind);
      return;
    }
    case 'not_multiple_of':
      detail = {
        message: `must be a multiple of ${String(issue.divisor)}, received ${describeValue(issue.input)}`,
        code: issue.divisor === 1 ? 'not_an_integer' : 'invalid_value',
        received: describeValue(issue.input),
      };
      break;
    case 'invalid_format':
      detail = { message: `must be in the ${String(issue.format)} format, received ${describeValue(issue.input)}`, code: 'invalid_value', received: describeValue(issue.input) };
      break;
    default:
      detail = { message: `is not valid, received ${describeValue(issue.input)}`, code: 'invalid_value', received: describeValue(issue.input) };
  }
  // A message and code given to the schema (its `error` and `params`) win over the generic ones here.
  const message = typeof issue.message === 'string' && issue.message !== GENERIC ? issue.message : detail.message;
  let code = issue.params?.issue ?? (issue.code === 'custom' ? defaultCustomCode(issue, kind) : detail.code);
  if (issue.code === 'custom' && issue.input === undefined) code = 'required';
  else if (code === 'not_a_number' && typeof issue.input === 'string' && NUMERIC.test(issue.input)) code = 'out_of_range';
  // Stryker disable next-line StringLiteral: every branch above writes detail.code and defaultCustomCode always answers one, so the fallback is never read
  const item: DealerkitIssue = { path, code: code ?? 'invalid_value', message };
  const expected = issue.params?.expected ?? detail.expected;
  if (expected !== undefined) item.expected = expected;
  // Every branch that saw the input (a custom issue's among them) wrote it into detail.received.
  if (detail.received !== undefined) item.received = detail.received;
  const limit = issue.params?.limit ?? detail.limit;
  if (limit !== undefined) item.limit = limit;
  out.push(item);
}

function defaultCustomCode(issue: RawIssue, kind: DealerkitErrorCode): DealerkitIssueCode {
  const k = issue.params?.code ?? kind;
  return k === 'out_of_range' ? 'out_of_range' : k === 'unknown_label' ? 'unknown_label' : k === 'infeasible' ? 'infeasible' : 'invalid_value';
}

/** The zod definition of a schema, or undefined (anything can be passed; this never throws). */
function defOf(schema: unknown): Record<string, unknown> | undefined {
  const zod = (schema as { _zod?: { def?: Record<string, unknown> } } | null | undefined)?._zod;
  return zod?.def;
}

/** Every object field name a schema accepts at `path` (through pipes, optionals, unions, arrays). @internal */
export function knownKeysAt(schema: unknown, path: IssuePath): string[] {
  const found = new Set<string>();
  const seen = new Set<unknown>();
  const visit = (s: unknown, rest: readonly (string | number)[], depth: number): void => {
    const def = defOf(s);
    if (def === undefined || depth > 64 || seen.has(s) && rest.length === 0) return;
    if (rest.length === 0) seen.add(s);
    switch (def.type) {
      case 'object': {
        const shape = def.shape as Record<string, unknown>;
        if (rest.length === 0) {
          for (const key of Object.keys(shape)) found.add(key);
          return;
        }
        const [head, ...tail] = rest;
        if (typeof head === 'string' && Object.prototype.hasOwnProperty.call(shape, head)) visit(shape[head], tail, depth + 1);
        return;
      }
      case 'array':
        if (rest.length > 0) visit(def.element, rest.slice(1), depth + 1);
        return;
      case 'tuple':
        // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: a tuple's items read at an empty path or a text key give undefined or a number (length), which hold no schema, so nothing is visited either way
        if (rest.length > 0 && typeof rest[0] === 'number') visit((def.items as unknown[])[rest[0]], rest.slice(1), depth + 1);
        return;
      case 'record':
        if (rest.length > 0) visit(def.valueType, rest.slice(1), depth + 1);
        return;
      case 'union':
        for (const option of def.options as unknown[]) visit(option, rest, depth + 1);
        return;
      case 'intersection':
        visit(def.left, rest, depth + 1);
        visit(def.right, rest, depth + 1);
        return;
      case 'pipe':
        visit(def.in, rest, depth + 1);
        return;
      case 'lazy':
        visit((def.getter as () => unknown)(), rest, depth + 1);
        return;
      default:
        if (def.innerType !== undefined) visit(def.innerType, rest, depth + 1);
    }
  };
  try {
    visit(schema, path, 0);
  } catch {
    return [];
  }
  return [...found];
}

/** The known name nearest to `name` (case-insensitive edit distance within a third of its length), or undefined. @internal */
export function nearestName(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(lower, k.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = k;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/** Levenshtein distance with transpositions (optimal string alignment). */
function editDistance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return a === b ? 0 : Infinity;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    // Stryker disable next-line ArrayDeclaration: every cell read is written first (row 0 and column 0 below, then in order), so the presized zeros are never read
    rows.push(new Array<number>(b.length + 1).fill(0));
    rows[i]![0] = i;
  }
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      // At i = 1 or j = 1 the index −1 reads undefined, which equals no character: no transposition.
      if (a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = v;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * Turns a failure into a {@link DealerkitError}: a zod failure (from validating a configuration
 * with one of the exported schemas) gets dealerkit's messages and issue codes; a DealerkitError is
 * returned as it is; anything else becomes an `internal` error.
 *
 * zod/mini loads no locale and dealerkit never configures zod globally, so every message is
 * written here (or given to the schema as its `error`). Never throws.
 *
 * @param error - A `ZodError` (or anything with zod's `issues` array), or anything thrown.
 * @param base - A path prefix for every issue.
 * @param schema - The schema that failed, so unknown fields can suggest the nearest known name.
 * @example
 * ```ts
 * const r = decimalSchema.safeParse('abc', { reportInput: true });
 * toDealerkitError(r.error!, ['sales']).message;
 * //=> '[dealerkit] sales: must be a number or a numeric string, received "abc"'
 * ```
 */
export function toDealerkitError(error: unknown, base: IssuePath = [], schema?: unknown): DealerkitError {
  if (error instanceof DealerkitError) return error;
  const root = cleanPath(base as PropertyKey[]);
  let raws: unknown;
  try {
    // Stryker disable next-line OptionalChaining: reading issues of null or undefined throws into the catch, which leaves raws undefined as well
    raws = (error as { issues?: unknown } | null | undefined)?.issues;
  } catch {
    raws = undefined;
  }
  if (!Array.isArray(raws)) return wrapThrown(error);
  const out: DealerkitIssue[] = [];
  let code: DealerkitErrorCode | undefined;
  let allRange = true;
  const ctx = schema === undefined ? undefined : { schema, root };
  for (const raw of raws as RawIssue[]) {
    if (typeof raw !== 'object' || raw === null) {
      allRange = false;
      continue;
    }
    if (code === undefined && raw.params?.code !== undefined) code = raw.params.code;
    if (raw.code !== 'too_small' && raw.code !== 'too_big') allRange = false;
  }
  const kind = code ?? (allRange && raws.length > 0 ? 'out_of_range' : 'invalid_input');
  for (const raw of raws as RawIssue[]) {
    try {
      toIssues(raw, root, out, ctx, kind);
    } catch {
      // An issue from outside whose fields cannot even be printed (an object without a prototype).
      let path: (string | number)[] = [...root];
      try {
        // Stryker disable next-line OptionalChaining: a null issue throws into the catch below, which keeps the root, the path cleanPath gives for no path
        path = [...root, ...cleanPath((raw as RawIssue | null)?.path)];
      } catch {
        // the path itself is unreadable: the root it is
      }
      out.push({ path, code: 'invalid_value', message: 'is not valid' });
    }
  }
  return new DealerkitError(kind, out);
}

/**
 * Parses input with a schema, throwing a {@link DealerkitError} that names every bad path.
 *
 * @internal
 */
export function parseWith<S extends z.ZodMiniType>(schema: S, input: unknown, base: IssuePath = []): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  throw toDealerkitError(result.error, base, schema);
}

/** The text of a numeric string dealerkit accepts, as a regular-expression source. @internal */
export const NUMERIC_PATTERN = '^[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?$';
/** @internal Shared between this engine's files; not part of the public API. */
export const NUMERIC = new RegExp(NUMERIC_PATTERN);
