// A batch's shared argument (planReorders' policy, buildDealerStatements' configuration) can be
// incomplete for some rows only: a policy without an order quantity is fine for items with manual
// levels. Such a problem is found while the rows run, but it is the argument's, not a row's: it is
// reported once, at the argument's own path, and the batch throws whatever `onError` says, as a bad
// rebate program or scorecard does before any row is read.
import { runBatch, type BatchRun, type ParsedBatchOptions } from '../core/batch.js';
import { DealerkitError, type DealerkitErrorCode, type DealerkitIssue, type IssueDetail, type IssuePath } from '../core/errors.js';

/** The shared argument's problems found by the rows, each kept once. @internal */
export class SharedIssues {
  private readonly found = new Map<string, DealerkitIssue>();
  private kind: DealerkitErrorCode | undefined;

  /** Records one problem of the shared argument (once per path, code and message), as IssueCollector.add. */
  add(path: IssuePath, message: string, kind: DealerkitErrorCode, detail: IssueDetail): void {
    this.keep(kind, new DealerkitError(kind, [{ ...detail, path, message }]).issues[0]!);
  }

  /**
   * Records the issues of `error` that `isShared` picks and returns the rest as the row's own
   * error, or null when every issue was the shared argument's.
   */
  split(error: DealerkitError, isShared: (issue: DealerkitIssue) => boolean): DealerkitError | null {
    const own: DealerkitIssue[] = [];
    for (const issue of error.issues) {
      if (isShared(issue)) this.keep(error.code, issue);
      else own.push(issue);
    }
    if (own.length === error.issues.length) return error;
    return own.length === 0 ? null : new DealerkitError(error.code, own);
  }

  /** Throws the shared argument's problems, when any was found. */
  throwIfAny(): void {
    if (this.kind !== undefined) throw new DealerkitError(this.kind, [...this.found.values()]);
  }

  private keep(kind: DealerkitErrorCode, issue: DealerkitIssue): void {
    this.kind ??= kind;
    const key = JSON.stringify([issue.path, issue.code, issue.message]);
    // Stryker disable next-line ConditionalExpression: a shared issue is the policy's, the same object content for every row with that path, code and message; setting it again keeps its place in the Map
    if (!this.found.has(key)) this.found.set(key, issue);
  }
}

/**
 * {@link runBatch} over rows that may find a problem of the shared argument: `each` records it in
 * `shared` and returns null (or throws the row's own issues), and the batch then throws the shared
 * problems alone, whatever `onError` says. @internal
 */
export function runSharedBatch<T, R>(
  rows: unknown,
  label: string,
  each: (row: T, index: number, shared: SharedIssues) => R | null,
  options: ParsedBatchOptions,
): BatchRun<R> {
  const shared = new SharedIssues();
  let run: BatchRun<R | null>;
  try {
    run = runBatch<T, R | null>(rows, label, (row, index) => each(row, index, shared), options);
  } catch (error) {
    shared.throwIfAny();
    throw error;
  }
  shared.throwIfAny();
  // Every row that returned null recorded a shared problem, so none is left here.
  return run as BatchRun<R>;
}
