// The module's mutation-test files (test/mutation/vitest.config.ts), each in its own process, with
// ./setup.ts recording what of src/<module> ran while the file loaded. Run by ./origins.mjs.
import { defineConfig } from 'vitest/config';
import mutation from '../vitest.config.js';

export default defineConfig({
  ...mutation,
  plugins: [],
  test: {
    ...mutation.test,
    include: [...(mutation.test?.include ?? []), 'test/mutation/static/probe.test.ts'],
    // After the mutation runs' own setup (./lazy-per-test.ts), as Stryker sees the tests.
    setupFiles: [...[mutation.test?.setupFiles ?? []].flat(), 'test/mutation/static/setup.ts'],
    pool: 'forks',
    isolate: true,
    coverage: { enabled: false },
    reporters: ['dot'],
  },
});
