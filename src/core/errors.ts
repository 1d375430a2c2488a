/**
 * What kind of problem a {@link DealerkitError} reports.
 *
 * - `invalid_input`: a value of the wrong type or shape (a string that is not a number, a missing field).
 * - `out_of_range`: a well-formed value outside what the calculation allows (a service level of 1, a negative lead time).
 * - `unknown_label`: a name that is not defined (an unknown stage, currency, likelihood label or period id).
 * - `infeasible`: a consistent-looking request that cannot be met (locks above the total, floors that cannot all hold).
 * - `internal`: an unexpected failure inside dealerkit; please report it.
 */
export type DealerkitErrorCode = 'invalid_input' | 'out_of_range' | 'unknown_label' | 'infeasible' | 'internal';

/** A path into the input: object keys and array indices, outermost first. */
export type IssuePath = readonly (string | number)[];

/** One problem found in the input, with the path of the offending value. */
export interface DealerkitIssue {
  /** Where the problem is: `['tiers', 2, 'from']` is printed `tiers[2].from`. */
  path: (string | number)[];
  /** What is wrong, in plain words. */
  message: string;
}

/**
 * Formats a path the way a user writes it: `tiers[2].from`; the empty path is `(input)`.
 *
 * @example
 * ```ts
 * formatPath(['tiers', 2, 'from']);
 * //=> 'tiers[2].from'
 * ```
 */
export function formatPath(path: IssuePath): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out === '' ? '(input)' : out;
}

/**
 * The one error type dealerkit throws: bad input, with every offending path listed.
 *
 * `code` says what kind of problem it is; `issues` lists each problem as data; the message is
 * `[dealerkit] path: message; path: message`.
 *
 * @example
 * ```ts
 * try { toDecimal('1,000', 'sales'); } catch (e) { (e as DealerkitError).message; }
 * //=> '[dealerkit] sales: must be a number or a numeric string, received "1,000"'
 * ```
 */
export class DealerkitError extends Error {
  /** What kind of problem this is. */
  readonly code: DealerkitErrorCode;
  /** Every problem found, each with its path. */
  readonly issues: DealerkitIssue[];

  constructor(code: DealerkitErrorCode, issues: readonly DealerkitIssue[]) {
    const list = issues.length === 0 ? [{ path: [], message: 'invalid input' }] : issues;
    super(`[dealerkit] ${list.map((i) => `${formatPath(i.path)}: ${i.message}`).join('; ')}`);
    this.name = 'DealerkitError';
    this.code = code;
    this.issues = list.map((i) => ({ path: [...i.path], message: i.message }));
    // Keeps `instanceof` working when compiled to ES5-style classes by consumers' bundlers.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/**
 * True when `value` is a {@link DealerkitError} (also across bundle copies, by name and shape).
 *
 * @example
 * ```ts
 * try { toDecimal('abc'); } catch (e) { isDealerkitError(e); }
 * //=> true
 * ```
 */
export function isDealerkitError(value: unknown): value is DealerkitError {
  return (
    value instanceof DealerkitError ||
    (value instanceof Error && value.name === 'DealerkitError' && Array.isArray((value as DealerkitError).issues))
  );
}

/** Throws a {@link DealerkitError} with one issue. @internal */
export function fail(code: DealerkitErrorCode, path: IssuePath, message: string): never {
  throw new DealerkitError(code, [{ path: [...path], message }]);
}

/** Throws `invalid_input` for one path. @internal */
export function invalid(path: IssuePath, message: string): never {
  return fail('invalid_input', path, message);
}

/** Throws `out_of_range` for one path. @internal */
export function outOfRange(path: IssuePath, message: string): never {
  return fail('out_of_range', path, message);
}

/** Throws `unknown_label` for one path. @internal */
export function unknownLabel(path: IssuePath, message: string): never {
  return fail('unknown_label', path, message);
}

/** Collects issues and throws them together, so a user sees every problem at once. @internal */
export class IssueCollector {
  readonly issues: DealerkitIssue[] = [];
  private worst: DealerkitErrorCode = 'invalid_input';
  private hasWorst = false;

  /** Records one issue; the first code recorded becomes the error's code. */
  add(path: IssuePath, message: string, code: DealerkitErrorCode = 'invalid_input'): void {
    this.issues.push({ path: [...path], message });
    if (!this.hasWorst) {
      this.worst = code;
      this.hasWorst = true;
    }
  }

  /** Throws when any issue was recorded. */
  throwIfAny(): void {
    if (this.issues.length > 0) throw new DealerkitError(this.worst, this.issues);
  }
}

/**
 * Turns anything thrown inside a public function into a {@link DealerkitError}, so that no other
 * exception type escapes dealerkit whatever the input (a throwing getter, a stack overflow on a
 * cyclic object, a bug of ours).
 *
 * @internal
 */
export function toDealerkitError(error: unknown): DealerkitError {
  if (error instanceof DealerkitError) return error;
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new DealerkitError('internal', [{ path: [], message: `unexpected failure (${message})` }]);
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
      throw toDealerkitError(error);
    }
  };
}
