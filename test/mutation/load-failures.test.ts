// The mutation runs' reporter that turns a test file (or describe) that fails to load into one failed
// test (./load-failures.ts, for stryker-js #6150). Proved the way Stryker sees it: a real vitest run
// over three fixture files, whose results are read with Stryker's own vitest-runner helpers
// (collectTestsFromSuite, convertTestToTestResult), as `VitestTestRunner.run()` reads them.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createVitest } from 'vitest/node';
import { LoadFailuresAsFailedTests, markLoadFailures, type Task } from './load-failures.js';
// Not in the package's exports: the very helpers Stryker's runner uses, by file.
import { collectTestsFromSuite, convertTestToTestResult } from '../../node_modules/@stryker-mutator/vitest-runner/dist/src/vitest-helpers.js';

interface StrykerTestResult {
  name: string;
  status: number;
  failureMessage?: string;
}
/** Stryker's TestStatus (@stryker-mutator/api): 0 Success, 1 Failed, 2 Skipped. */
const SUCCESS = 0;
const FAILED = 1;

const sink = (): Writable => new Writable({ write: (_chunk, _enc, done) => done() });

/** Runs the three fixtures in a vitest of their own; what Stryker would read, by file name. */
async function strykerView(withReporter: boolean): Promise<Record<string, { name: string; status: number; failureMessage?: string }[]>> {
  const vitest = await createVitest(
    'test',
    {
      root: new URL('.', import.meta.url).pathname,
      include: ['fixtures/*.fixture.ts'],
      watch: false,
      reporters: withReporter ? [new LoadFailuresAsFailedTests()] : [],
      pool: 'threads',
      maxWorkers: 1,
      coverage: { enabled: false },
      config: false,
    },
    {},
    // The inner run prints the two load errors: keep them out of this suite's output.
    { stdout: sink(), stderr: sink() },
  );
  try {
    await vitest.start();
    const out: Record<string, StrykerTestResult[]> = {};
    for (const file of vitest.state.getFiles()) {
      const name = file.filepath.split('/').pop()!;
      const tests = collectTestsFromSuite(file).filter((t) => t.result);
      out[name] = tests.map((t) => {
        const r = convertTestToTestResult(t) as StrykerTestResult;
        return r.failureMessage === undefined ? { name: r.name, status: r.status } : { name: r.name, status: r.status, failureMessage: r.failureMessage };
      });
    }
    return out;
  } finally {
    await vitest.close();
  }
}

describe('a test file that fails to load, as Stryker reads the run', () => {
  it('without the reporter, the broken files hold no test: a mutant that breaks them would "survive"', async () => {
    const view = await strykerView(false);
    expect(view).toEqual({
      'breaks-in-describe.fixture.ts': [],
      'breaks-on-load.fixture.ts': [],
      'loads.fixture.ts': [{ name: 'adds', status: SUCCESS }],
    });
  }, 60_000);

  it('with it, each broken file holds one failed test with its own error; the file that loads is unchanged', async () => {
    const view = await strykerView(true);
    expect(view['loads.fixture.ts']).toEqual([{ name: 'adds', status: SUCCESS }]);
    expect(view['breaks-on-load.fixture.ts']!.map((t) => [t.status, t.failureMessage])).toEqual([[FAILED, 'spec.parameters is not iterable']]);
    expect(view['breaks-in-describe.fixture.ts']!.map((t) => [t.status, t.failureMessage])).toEqual([[FAILED, "Cannot read properties of null (reading 'map')"]]);
  }, 60_000);
});

describe('markLoadFailures on task trees', () => {
  it('a failed file without tests gets one failed "loads" test with the file\'s errors', () => {
    const file: Task = { type: 'suite', id: 'f', name: 'x.test.ts', result: { state: 'fail', errors: [{ message: 'boom' }] }, tasks: [] };
    expect(markLoadFailures(file)).toBe(1);
    expect(file.tasks).toMatchObject([{ type: 'test', id: 'f_loads', name: 'loads', mode: 'run', result: { state: 'fail', errors: [{ message: 'boom' }], duration: 0 } }]);
  });
  it('a failed file that collected tests, a passing file, and a file still running are left alone', () => {
    const withTest: Task = { type: 'suite', id: 'a', name: 'a', result: { state: 'fail' }, tasks: [{ type: 'suite', id: 'a1', name: 'd', tasks: [{ type: 'test', id: 'a2', name: 't' }] }] };
    const passing: Task = { type: 'suite', id: 'b', name: 'b', result: { state: 'pass' }, tasks: [] };
    const running: Task = { type: 'suite', id: 'c', name: 'c', tasks: [] };
    expect([markLoadFailures(withTest), markLoadFailures(passing), markLoadFailures(running)]).toEqual([0, 0, 0]);
    expect([withTest.tasks!.length, withTest.tasks![0]!.tasks!.length, passing.tasks!.length, running.tasks!.length]).toEqual([1, 1, 0, 0]);
  });
  it('a failed describe without tests inside a file gets its own test, named under it; an error-less failure says so', () => {
    const inner: Task = { type: 'suite', id: 'd', name: 'built in the body', result: { state: 'fail' }, tasks: [] };
    const file: Task = { type: 'suite', id: 'f', name: 'f', result: { state: 'fail' }, tasks: [inner] };
    // The describe gets one; the file then holds a test (the describe's), so it gets none.
    expect(markLoadFailures(file)).toBe(1);
    expect(inner.tasks).toMatchObject([{ id: 'd_loads', suite: inner, file, result: { errors: [{ message: 'the file failed to load' }] } }]);
    expect(file.tasks).toHaveLength(1);
  });
});
