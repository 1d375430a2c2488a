/**
 * A vitest reporter for mutation runs only: a test file (or a `describe`) that fails to load gets one
 * failed test carrying its error, so that Stryker counts the mutant that broke it as killed.
 *
 * Stryker's vitest runner (9.x, and 10.0 the same) builds a mutant's result from the tests vitest
 * collected, and a test file whose import throws collects none: a static mutant that makes a module
 * throw when it loads (a manifest entry emptied, so `[...spec.parameters]` throws) was reported as
 * *survived*, although plain `vitest run` fails on it (stryker-js issue #6150, open). This reporter
 * runs when the run ends, before Stryker reads the results: each failed suite with no test in it gets
 * a test named "loads" that failed with the suite's own error. A suite that collected tests is left as
 * it is (Stryker already counts the tests of a failed suite as failed). Nothing else changes: a suite
 * that loads is never touched, so no mutant can be killed by this reporter that vitest itself passes.
 */
import type { Reporter, Vitest } from 'vitest/node';

/** The parts of vitest's runner tasks this reporter reads and writes. */
export interface Task {
  type: string;
  id: string;
  name: string;
  mode?: string;
  result?: { state?: string; errors?: unknown[]; duration?: number };
  tasks?: Task[];
  file?: Task;
  suite?: Task | undefined;
  meta?: Record<string, unknown>;
}

function holdsATest(suite: Task): boolean {
  return (suite.tasks ?? []).some((t) => t.type === 'test' || (t.type === 'suite' && holdsATest(t)));
}

/** Adds the failed "loads" test to every failed suite without tests, in `suite` and below. Returns how many. */
export function markLoadFailures(suite: Task, file: Task = suite): number {
  let added = 0;
  for (const child of suite.tasks ?? []) if (child.type === 'suite') added += markLoadFailures(child, file);
  if (suite.result?.state === 'fail' && !holdsATest(suite)) {
    suite.tasks ??= [];
    suite.tasks.push({
      type: 'test',
      id: `${suite.id}_loads`,
      name: 'loads',
      mode: 'run',
      suite: suite === file ? undefined : suite,
      file,
      meta: {},
      result: { state: 'fail', errors: suite.result.errors ?? [{ message: 'the file failed to load' }], duration: 0 },
    });
    added++;
  }
  return added;
}

export class LoadFailuresAsFailedTests implements Reporter {
  private vitest: Vitest | undefined;
  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }
  onTestRunEnd(): void {
    for (const file of this.vitest!.state.getFiles()) markLoadFailures(file as unknown as Task);
  }
}
