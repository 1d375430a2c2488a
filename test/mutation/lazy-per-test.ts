// Setup file of the mutation runs of every module but core (test/mutation/vitest.config.ts).
//
// The engines' zod schemas are built on first use and kept (src/core/lazy.ts, issue 14's light imports).
// Stryker's per-test coverage gives code to the test that was running when it ran, so a schema's build
// was covered only by the first test of each file that parsed with it; the other tests used the built
// schema, and Stryker never ran them against a mutant of its build. A mutant that drops an enum value
// such as `applyTo: 'increment'` survived, because the first test of each file did not use it, though
// tests further down the same files refuse it. Here `lazySchema` gives a stand-in that forgets its schema
// before each test, so each test that parses builds the schemas it uses, and is counted as covering their
// code. Core's own runs keep the real module: its tests are the ones that check it.
import { beforeEach, vi } from 'vitest';

const resets: (() => void)[] = [];

vi.mock('../../src/core/lazy.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/core/lazy.js')>();
  /**
   * src/core/lazy.ts's lazySchema, built again in each test: the stand-in never takes the built schema's
   * properties (zod defines `_zod` as a property that cannot be removed), its prototype trap hands every
   * read on to the schema built in the current test.
   */
  function lazySchema<T extends object>(build: () => T): T {
    let built: T | undefined;
    const value = (): T => (built ??= build());
    const trap = new Proxy({} as object, {
      get: (_, key, receiver) => Reflect.get(value(), key, receiver),
      set: (_, key, v) => Reflect.set(value(), key, v),
      has: (_, key) => Reflect.has(value(), key),
      getPrototypeOf: () => Reflect.getPrototypeOf(value()),
    });
    resets.push(() => {
      built = undefined;
    });
    return Object.setPrototypeOf({}, trap) as T;
  }
  return { ...real, lazySchema };
});

beforeEach(() => {
  for (const reset of resets) reset();
});
