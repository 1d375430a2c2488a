import { DealerkitError, invalid, wrapThrown, type DealerkitIssue, type IssuePath } from './errors.js';
import { describeValue } from './messages.js';
import type { Step, Warning } from './result.js';

/** What a batch function does with a bad row. */
export type BatchErrorMode = 'throw' | 'collect';

/** Options every batch function takes (beside its own). */
export interface BatchOptions {
  /**
   * `'throw'` (the default): check every row and throw one {@link DealerkitError} listing the
   * issues of every bad row, each path naming the row by its `id` when it has one
   * (`inputs[D-117].sales`). `'collect'`: return every row, each with its result or its error,
   * plus the totals over the good rows and the count of bad ones.
   */
  onError?: BatchErrorMode;
  /** Called with (rows done, rows in all) as the batch runs, at most about 200 times per batch. */
  onProgress?: (done: number, total: number) => void;
}

/** One row of a batch: its position, its `id` (or null) and either its result or its error. */
export type BatchRow<R> =
  | {
      /** The row's position in the input, from 0. */
      index: number;
      /** The row's `id` as given, or null. */
      id: string | number | null;
      /** True: the row was computed. */
      ok: true;
      /** The row's result. */
      result: R;
      /** Always null on a good row. */
      error: null;
    }
  | {
      /** The row's position in the input, from 0. */
      index: number;
      /** The row's `id` as given, or null. */
      id: string | number | null;
      /** False: the row was refused. */
      ok: false;
      /** Always null on a bad row. */
      result: null;
      /** Why the row was refused; its issue paths name the row (`inputs[D-117].sales`). */
      error: DealerkitError;
    };

/**
 * What every batch function returns: every row (with its result or, under `onError: 'collect'`,
 * its error), the totals over the good rows, the count of bad rows, and the batch's own
 * `warnings` and `steps` (how the totals were reached).
 */
export interface BatchResult<R, T> {
  /** One entry per input row, in input order. */
  rows: BatchRow<R>[];
  /** The totals over the rows that were computed. */
  totals: T;
  /** How many rows were refused (always 0 under `onError: 'throw'`, which throws instead). */
  failed: number;
  /** Warnings about the batch as a whole (each row's own are on its result). */
  warnings: Warning[];
  /** How the totals were reached. */
  steps: Step[];
}

/** What {@link runBatch} returns to an engine: every row, and how many failed. @internal */
export interface BatchRun<R> {
  rows: BatchRow<R>[];
  failed: number;
}

const MAX_ISSUES = 1000;
const PROGRESS_CALLS = 200;

/** The validated batch options. @internal */
export interface ParsedBatchOptions {
  onError: BatchErrorMode;
  onProgress: ((done: number, total: number) => void) | undefined;
}

/** Reads `onError` and `onProgress` from an options object (other fields are the engine's). @internal */
export function batchOptionsOf(options: unknown, path: IssuePath = ['options']): ParsedBatchOptions {
  if (options === undefined) return { onError: 'throw', onProgress: undefined };
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return invalid(path, 'must be an object', { code: 'invalid_type' });
  const o = options as { onError?: unknown; onProgress?: unknown };
  if (o.onError !== undefined && o.onError !== 'throw' && o.onError !== 'collect') {
    invalid([...path, 'onError'], `must be one of 'throw', 'collect', received ${describeValue(o.onError)}`, {
      code: 'invalid_value',
      expected: "'throw' or 'collect'",
    });
  }
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function') {
    invalid([...path, 'onProgress'], 'must be a function (done, total) => void', { code: 'invalid_type' });
  }
  return { onError: (o.onError as BatchErrorMode | undefined) ?? 'throw', onProgress: o.onProgress as ParsedBatchOptions['onProgress'] };
}

/** A row's id when it has a usable one (a non-empty string or a finite number), else null. @internal */
export function rowIdOf(row: unknown): string | number | null {
  if (typeof row !== 'object' || row === null || !Object.prototype.hasOwnProperty.call(row, 'id')) return null;
  const id = (row as { id?: unknown }).id;
  // Stryker disable next-line ConditionalExpression: Number.isFinite is false for every value that is not a number, so the typeof test changes nothing
  return (typeof id === 'string' && id !== '') || (typeof id === 'number' && Number.isFinite(id)) ? id : null;
}

/** The path segment naming a row: its id when it has one, else its index. @internal */
export function rowKey(row: unknown, index: number): string | number {
  const id = rowIdOf(row);
  return id === null ? index : String(id);
}

/**
 * Runs `each` over every row, naming each row's errors by its id, checking ids are unique, and
 * reporting progress. In `throw` mode it throws one error with every bad row's issues; in
 * `collect` mode it returns every row.
 *
 * @param rows - The rows (an array, checked here; holes are bad rows).
 * @param label - The argument's name in paths (`'inputs'`, `'dealers'`).
 * @param each - Computes one row; throws a DealerkitError whose paths are relative to the row.
 * @internal
 */
export function runBatch<T, R>(
  rows: unknown,
  label: string,
  each: (row: T, index: number) => R,
  options: ParsedBatchOptions,
): BatchRun<R> {
  if (!Array.isArray(rows)) return invalid([label], 'must be an array of rows', { code: 'invalid_type' });
  const n = rows.length;
  // Stryker disable next-line ArrayDeclaration: every index 0 to n - 1 is written in order below; the presized array only saves growing it
  const out: BatchRow<R>[] = new Array<BatchRow<R>>(n);
  const ids = new IdTable(n);
  const issues: DealerkitIssue[] = [];
  let firstKind: DealerkitError['code'] | undefined;
  let failed = 0;
  let skippedIssues = 0;
  const every = Math.ceil(n / PROGRESS_CALLS); // at least 1 whenever the loop below runs
  for (let i = 0; i < n; i++) {
    const row = rows[i] as unknown;
    // Stryker disable next-line ConditionalExpression: an index that is not in the array (nor its prototypes) always reads undefined
    const hole = row === undefined && !(i in rows);
    const id = rowIdOf(row);
    const key = id === null ? i : String(id);
    let error: DealerkitError | undefined;
    let result: R | undefined;
    // Stryker disable next-line ConditionalExpression: a row without an id would be recorded under its index, a number, which equals no other row's index nor any id's text, so the table answers -1 as well
    const first = id === null ? -1 : ids.firstOf(key as string, i);
    if (hole) {
      error = new DealerkitError('invalid_input', [{ path: [label, key], code: 'required', message: 'is missing (a hole in the array)' }]);
    } else if (first >= 0) {
      error = new DealerkitError('invalid_input', [
        { path: [label, key, 'id'], code: 'duplicate', message: `repeats the id of row ${first}`, received: describeValue(id) },
      ]);
    } else {
      try {
        result = each(row as T, i);
      } catch (thrown) {
        const e = wrapThrown(thrown);
        error = new DealerkitError(
          e.code,
          e.issues.map((issue) => ({ ...issue, path: [label, key, ...issue.path] })),
        );
      }
    }
    if (error === undefined) out[i] = { index: i, id, ok: true, result: result as R, error: null };
    else {
      failed++;
      out[i] = { index: i, id, ok: false, result: null, error };
      if (firstKind === undefined) firstKind = error.code;
      for (const issue of error.issues) {
        if (issues.length < MAX_ISSUES) issues.push(issue);
        else skippedIssues++;
      }
    }
    if (options.onProgress !== undefined && ((i + 1) % every === 0 || i + 1 === n)) report(options.onProgress, i + 1, n);
  }
  if (options.onError === 'throw' && failed > 0) {
    if (skippedIssues > 0) {
      issues.push({
        path: [label],
        code: 'invalid_value',
        message: `${skippedIssues} more issue${skippedIssues === 1 ? '' : 's'} not listed (${failed} bad rows in all); use onError: 'collect' to see every row`,
      });
    }
    // Stryker disable next-line StringLiteral: failed > 0 means a bad row set firstKind, so the fallback is never read
    throw new DealerkitError(firstKind ?? 'invalid_input', issues);
  }
  return { rows: out, failed };
}

/**
 * The rows' ids seen so far, for the duplicate check: an open-addressing table of row indices
 * over an FNV-1a hash of the id's text (about three times faster than a Map on 100,000 ids, which
 * matters on the batch paths that are benchmarked against plain floats).
 */
class IdTable {
  private readonly slots: Int32Array;
  private readonly keys: string[];
  private readonly mask: number;

  constructor(n: number) {
    let size = 8;
    // Stryker disable next-line EqualityOperator: a table twice as large finds the same rows (the size only sets the load)
    while (size < 2 * n) size *= 2;
    this.slots = new Int32Array(size);
    // Stryker disable next-line ArrayDeclaration: a presized list of keys; the slots written are the same
    this.keys = new Array<string>(n);
    this.mask = size - 1;
  }

  /** The index of the first row with this id, or -1 after recording row `index` as its first. */
  firstOf(key: string, index: number): number {
    let h = 0x811c9dc5;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: the hash only spreads ids over slots; any deterministic hash (even none) finds the same first row
    for (let j = 0; j < key.length; j++) {
      h ^= key.charCodeAt(j);
      h = Math.imul(h, 16777619);
    }
    let p = h & this.mask;
    for (;;) {
      const v = this.slots[p]!;
      if (v === 0) {
        this.slots[p] = index + 1;
        this.keys[index] = key;
        return -1;
      }
      if (this.keys[v - 1] === key) return v - 1;
      // Stryker disable next-line ArithmeticOperator: probing backwards visits every slot as well and finds the same row
      p = (p + 1) & this.mask;
    }
  }
}

function report(onProgress: (done: number, total: number) => void, done: number, total: number): void {
  try {
    onProgress(done, total);
  } catch (thrown) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    // Stryker disable next-line ObjectLiteral: invalid() gives the issue code invalid_value when no detail names one
    invalid(['options', 'onProgress'], `threw an error: ${message}`, { code: 'invalid_value' });
  }
}
