/**
 * What kind of problem a {@link DealerkitError} reports (the error's `code`).
 *
 * - `invalid_input`: a value of the wrong type or shape (a string that is not a number, a missing field).
 * - `out_of_range`: a well-formed value outside what the calculation allows (a service level of 1, a negative lead time).
 * - `unknown_label`: a name that is not defined (an unknown stage, currency, likelihood label or period id).
 * - `infeasible`: a consistent-looking request that cannot be met (locks above the total, floors that cannot all hold).
 * - `internal`: an unexpected failure inside dealerkit; please report it.
 */
export type DealerkitErrorCode = 'invalid_input' | 'out_of_range' | 'unknown_label' | 'infeasible' | 'internal';

/**
 * Every issue code dealerkit reports, in one closed list (see {@link DealerkitIssueCode}).
 *
 * @example
 * ```ts
 * ISSUE_CODES.includes('percent_as_whole_number');
 * //=> true
 * ```
 */
export const ISSUE_CODES = Object.freeze([
  'required',
  'invalid_type',
  'not_a_number',
  'not_an_integer',
  'not_a_date',
  'invalid_value',
  'out_of_range',
  'percent_as_whole_number',
  'too_short',
  'too_long',
  'unknown_field',
  'unknown_label',
  'not_ascending',
  'duplicate',
  'does_not_sum',
  'inconsistent',
  'infeasible',
  'cycle',
  'too_deep',
  'internal',
] as const);

/**
 * What is wrong with one value (an issue's `code`), from a closed list:
 *
 * - `required`: a field that must be given is missing.
 * - `invalid_type`: a value of the wrong type (an object where a number belongs).
 * - `not_a_number`: text that is not a plain number (`'1,000'`, `'3%'`, `'abc'`), or `NaN`/`Infinity`.
 * - `not_an_integer`: a fraction where a whole number belongs (a count, a scale, days in a period).
 * - `not_a_date`: text that is not an ISO `YYYY-MM-DD` calendar date, or a date out of range.
 * - `invalid_value`: a value not among the accepted ones (an unknown mode name, a malformed field).
 * - `out_of_range`: a number beyond its bound (`limit` holds the bound).
 * - `percent_as_whole_number`: a share written as a percentage (`3` for 3 %) where a fraction belongs (`0.03`).
 * - `too_short` / `too_long`: a list or text with too few or too many items (`limit` holds the bound).
 * - `unknown_field`: a field the configuration does not have (the message suggests the nearest known name).
 * - `unknown_label`: a reference to a name that is not defined (a stage, currency, tier or period id).
 * - `not_ascending`: thresholds or dates out of order.
 * - `duplicate`: a name or id given twice.
 * - `does_not_sum`: weights or shares that must add up to a total and do not.
 * - `inconsistent`: fields that contradict each other (a cascade whose total disagrees with its periods).
 * - `infeasible`: a request no answer can meet (locks above the total, floors that cannot all hold).
 * - `cycle`: an input that refers to itself (a territory that is its own ancestor, a cyclic object).
 * - `too_deep`: an input nested deeper than dealerkit reads.
 * - `internal`: an unexpected failure inside dealerkit; please report it.
 */
export type DealerkitIssueCode = (typeof ISSUE_CODES)[number];

/** A path into the input: object keys and array indices (or row ids), outermost first. */
export type IssuePath = readonly (string | number)[];

/** One problem found in the input, as data. */
export interface DealerkitIssue {
  /** Where the problem is: `['tiers', 2, 'from']` is printed `tiers[2].from`; a batch row with an id is named by it. */
  path: (string | number)[];
  /** What is wrong, from the closed list {@link ISSUE_CODES}. */
  code: DealerkitIssueCode;
  /** What is wrong, in plain words (no `[dealerkit]` prefix; the error's message has it). */
  message: string;
  /** What was expected, where that is one thing (`'a number'`, `'at most 1'`). */
  expected?: string;
  /** What was received, printed (`'"1,000"'`, `'97'`, `'an object'`). */
  received?: string;
  /** The bound that was crossed, as a plain decimal string (`'1'`, `'0'`). */
  limit?: string;
}

/** One issue as given to the {@link DealerkitError} constructor: a path and a message, the rest optional. */
export interface IssueInput {
  /** Where the problem is. */
  path: readonly (string | number)[];
  /** What is wrong, in plain words. */
  message: string;
  /** The issue code; the error kind's default when omitted (`invalid_input` → `invalid_value`). */
  code?: DealerkitIssueCode;
  /** What was expected. */
  expected?: string;
  /** What was received, printed. */
  received?: string;
  /** The bound that was crossed. */
  limit?: string;
}

/** A {@link DealerkitError} as plain data: what `error.toJSON()` (and so `JSON.stringify`) gives. */
export interface DealerkitErrorJson {
  /** Always `'DealerkitError'`. */
  name: 'DealerkitError';
  /** The kind of problem. */
  code: DealerkitErrorCode;
  /** The message, `[dealerkit] path: message; …`. */
  message: string;
  /** Every issue, with its path, code and details. */
  issues: DealerkitIssue[];
}

/** The extra fields of an issue: its code and, where they apply, expected, received, limit. @internal */
export type IssueDetail = Omit<IssueInput, 'path' | 'message'>;

/** The issue code an issue gets when its thrower names none. */
const DEFAULT_ISSUE_CODE: Record<DealerkitErrorCode, DealerkitIssueCode> = {
  invalid_input: 'invalid_value',
  out_of_range: 'out_of_range',
  unknown_label: 'unknown_label',
  infeasible: 'infeasible',
  internal: 'internal',
};

// Field names are camelCase; a key starting with a capital or a digit (a row id such as D-117 or
// ACME, a user's own label) prints in brackets, so `inputs[ACME].sales` never reads as a field.
const IDENTIFIER = /^[a-z_$][\w$]*$/;
const PLAIN_KEY = /^[^\s[\]"'.\\]+$/;
const MAX_PATH_PRINTED = 64;

/**
 * Formats a path the way a user writes it: `tiers[2].from`; the empty path is `(input)`.
 *
 * Field names (camelCase identifiers) print with dots; other keys print in brackets: a batch row's
 * id or a user's label plainly (`inputs[D-117].sales`, `weights[Sales]`),
 * anything with spaces, dots or quotes quoted (`weights["market share"]`). Never throws: anything
 * that is not a list of keys prints as `(input)`, and a very long path is shortened in the middle.
 *
 * @example
 * ```ts
 * formatPath(['tiers', 2, 'from']);
 * //=> 'tiers[2].from'
 * formatPath(['inputs', 'D-117', 'sales']);
 * //=> 'inputs[D-117].sales'
 * ```
 */
export function formatPath(path: IssuePath): string {
  try {
    return formatKeys(path);
  } catch {
    return '(input)'; // a revoked proxy or a throwing getter: nothing to print
  }
}

function formatKeys(path: IssuePath): string {
  if (!Array.isArray(path)) return '(input)';
  const keys: unknown[] = path.length > MAX_PATH_PRINTED ? [...path.slice(0, 8), '…', ...path.slice(-8)] : [...path];
  let out = '';
  for (const key of keys) {
    // Stryker disable next-line ConditionalExpression,StringLiteral: a number falls through to safeString, which prints it with String() as the template does ([3], [NaN], [0] for -0)
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string') {
      if (IDENTIFIER.test(key)) out += out === '' ? key : `.${key}`;
      else if (key === '…') out += '…';
      else if (PLAIN_KEY.test(key) && key.length <= 64) out += `[${key}]`;
      else out += `[${JSON.stringify(key.length > 64 ? `${key.slice(0, 64)}…` : key)}]`;
    } else out += `[${safeString(key)}]`;
  }
  return out === '' ? '(input)' : out;
}

function safeString(value: unknown): string {
  try {
    if (typeof value === 'symbol') return value.description ?? 'symbol';
    if (typeof value === 'bigint') return `${value.toString()}n`;
    return typeof value === 'object' || typeof value === 'function' ? typeof value : String(value);
  } catch {
    return '?';
  }
}

/** The brand every dealerkit error carries, shared by every copy of the library (ESM, CJS, IIFE). */
const BRAND: unique symbol = Symbol.for('dealerkit.DealerkitError');

function issueOf(kind: DealerkitErrorCode, i: IssueInput): DealerkitIssue {
  const out: DealerkitIssue = {
    path: Array.isArray(i.path) ? [...i.path] : [],
    code: i.code ?? DEFAULT_ISSUE_CODE[kind],
    message: String(i.message),
  };
  if (i.expected !== undefined) out.expected = i.expected;
  if (i.received !== undefined) out.received = i.received;
  if (i.limit !== undefined) out.limit = i.limit;
  return out;
}

/**
 * The one error type dealerkit throws: bad input, with every offending path listed as data.
 *
 * `code` says what kind of problem it is; `issues` lists each problem with its path, its own
 * `code` (see {@link ISSUE_CODES}) and, where they apply, `expected`, `received` and `limit`; the
 * message is `[dealerkit] path: message; path: message`. `instanceof DealerkitError` holds for an
 * error thrown by any build of dealerkit (ESM, CommonJS or an IIFE bundle), and
 * `JSON.stringify(error)` keeps the name, code, message and issues.
 *
 * @example
 * ```ts
 * try { toDecimal('1,000', 'sales'); } catch (e) { (e as DealerkitError).issues[0].code; }
 * //=> 'not_a_number'
 * ```
 */
export class DealerkitError extends Error {
  /** What kind of problem this is. */
  readonly code: DealerkitErrorCode;
  /** Every problem found, each with its path and code. */
  readonly issues: DealerkitIssue[];
  constructor(code: DealerkitErrorCode, issues: readonly IssueInput[]) {
    const list: IssueInput[] =
      Array.isArray(issues) && issues.length > 0 ? [...issues] : [{ path: [], message: 'invalid input' }];
    const parsed = list.map((i) => issueOf(code, i));
    super(`[dealerkit] ${parsed.map((i) => `${formatPath(i.path)}: ${i.message}`).join('; ')}`);
    this.name = 'DealerkitError';
    this.code = code;
    this.issues = parsed;
    Object.defineProperty(this, BRAND, { value: true, enumerable: false });
    // Keeps `instanceof Error` working when compiled to ES5-style classes by consumers' bundlers.
    Object.setPrototypeOf(this, new.target.prototype);
  }

  /** Any value carrying dealerkit's error brand, whichever build made it. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    try {
      // null passes the typeof test and throws on the brand lookup: the catch answers false for it.
      return typeof value === 'object' && (value as { [BRAND]?: unknown })[BRAND] === true;
    } catch {
      return false; // null, a revoked proxy or a throwing getter is no error of ours
    }
  }

  /** The error as plain data: `{ name, code, message, issues }`. */
  toJSON(): DealerkitErrorJson {
    return { name: 'DealerkitError', code: this.code, message: this.message, issues: this.issues.map((i) => ({ ...i, path: [...i.path] })) };
  }
}

/**
 * True when `value` is a {@link DealerkitError}, from this build of dealerkit or any other.
 *
 * @example
 * ```ts
 * try { toDecimal('abc'); } catch (e) { isDealerkitError(e); }
 * //=> true
 * ```
 */
export function isDealerkitError(value: unknown): value is DealerkitError {
  return value instanceof DealerkitError;
}

/** Throws a {@link DealerkitError} with one issue. @internal */
export function fail(code: DealerkitErrorCode, path: IssuePath, message: string, detail?: IssueDetail): never {
  throw new DealerkitError(code, [{ ...detail, path: [...path], message }]);
}

/** Throws `invalid_input` for one path (issue code `invalid_value` unless `detail` names one). @internal */
export function invalid(path: IssuePath, message: string, detail?: IssueDetail): never {
  return fail('invalid_input', path, message, detail);
}

/** Throws `out_of_range` for one path. @internal */
export function outOfRange(path: IssuePath, message: string, detail?: IssueDetail): never {
  return fail('out_of_range', path, message, detail);
}

/** Throws `unknown_label` for one path. @internal */
export function unknownLabel(path: IssuePath, message: string, detail?: IssueDetail): never {
  return fail('unknown_label', path, message, detail);
}

/** Collects issues and throws them together, so a user sees every problem at once. @internal */
export class IssueCollector {
  readonly issues: DealerkitIssue[] = [];
  private worst: DealerkitErrorCode = 'invalid_input';
  private hasWorst = false;

  /** Records one issue; the first kind recorded becomes the error's code. */
  add(path: IssuePath, message: string, code: DealerkitErrorCode = 'invalid_input', detail?: IssueDetail): void {
    this.issues.push(issueOf(code, { ...detail, path, message }));
    if (!this.hasWorst) {
      this.worst = code;
      this.hasWorst = true;
    }
  }

  /** Records every issue of an error (under a path prefix), keeping their codes. */
  addError(error: DealerkitError, prefix: IssuePath = []): void {
    for (const i of error.issues) this.issues.push({ ...i, path: [...prefix, ...i.path] });
    if (!this.hasWorst) {
      this.worst = error.code;
      this.hasWorst = true;
    }
  }

  /** Throws when any issue was recorded. */
  throwIfAny(): void {
    if (this.issues.length > 0) throw new DealerkitError(this.worst, this.issues);
  }
}

/**
 * The same error with every issue's path prefixed (or mapped), keeping codes and details.
 *
 * @internal
 */
export function repathError(error: DealerkitError, map: (path: (string | number)[]) => (string | number)[]): DealerkitError {
  return new DealerkitError(
    error.code,
    error.issues.map((i) => ({ ...i, path: map(i.path) })),
  );
}

/**
 * Turns anything thrown inside a public function into a {@link DealerkitError}, so that no other
 * exception type escapes dealerkit whatever the input (a throwing getter, a stack overflow on a
 * cyclic object, a bug of ours).
 *
 * @internal
 */
export function wrapThrown(error: unknown): DealerkitError {
  if (error instanceof DealerkitError) return error;
  let message: string;
  try {
    message = error instanceof Error ? `${error.name}: ${error.message}` : safeString(error);
  } catch {
    message = 'unreadable error';
  }
  if (/Maximum call stack size exceeded|too much recursion/i.test(message)) {
    return new DealerkitError('invalid_input', [
      { path: [], code: 'too_deep', message: 'is nested too deeply (or refers to itself) to be read' },
    ]);
  }
  return new DealerkitError('internal', [{ path: [], code: 'internal', message: `unexpected failure (${message})` }]);
}

/**
 * Wraps a public function so that only {@link DealerkitError} escapes it.
 *
 * @internal
 */
export function guard<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return function guarded(...args: A): R {
    try {
      return fn(...args);
    } catch (error) {
      throw wrapThrown(error);
    }
  };
}
