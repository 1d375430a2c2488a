import { defineConfig } from 'vitest/config';
import base from '../vitest.config.js';
import { persistentThreads } from './persistent-pool.js';
import { LoadFailuresAsFailedTests } from './load-failures.js';

const mod = process.env.DK_MUTATION_MODULE ?? 'core';

/**
 * The test files that exercise each module, per mutant: its own folder and its property file(s).
 * Whole-package checks (bundles, the packed tarball, the hostile walk over every export, the year
 * scenario) stay out: they take minutes and each module's own tests are what must kill its mutants.
 */
const TESTS: Record<string, string[]> = {
  core: ['test/core/**/*.test.ts', 'test/props/allocate.props.test.ts'],
  rebates: ['test/rebates/**/*.test.ts', 'test/props/rebates*.props.test.ts'],
  kpi: ['test/kpi/**/*.test.ts', 'test/props/kpi.props.test.ts'],
  risk: ['test/risk/**/*.test.ts', 'test/props/risk.props.test.ts'],
  targets: ['test/targets/**/*.test.ts', 'test/props/targets.props.test.ts', 'test/props/allocate.props.test.ts'],
  inventory: ['test/inventory/**/*.test.ts', 'test/props/inventory.props.test.ts'],
  design: ['test/design/**/*.test.ts', 'test/props/design.props.test.ts'],
  statements: ['test/statements/**/*.test.ts'],
  charts: ['test/charts/**/*.test.ts'],
  sheets: ['test/sheets/**/*.test.ts', 'test/props/sheets.props.test.ts'],
};

/** Slow files that build bundles or drive a browser: no mutant of the module is killed only there. */
const SLOW = [
  'test/core/modules.test.ts', 'test/core/layering.test.ts', 'test/core/sizes.test.ts',
  'test/statements/browser.test.ts',
  'test/sheets/excel-bundle.test.ts', 'test/sheets/apps-script-cost.test.ts', 'test/sheets/excel-metadata.test.ts',
  // It compares the generator's output from src/sheets with examples/: under Stryker the sources are instrumented.
  'test/sheets/committed-copies.test.ts',
];

export default defineConfig({
  ...base,
  plugins: [
    {
      // Stryker's runner asks for pool 'threads'; the persistent pool replaces it once the config is resolved.
      name: 'dealerkit-persistent-pool',
      configureVitest({ project }) {
        if (process.env.DK_MUTATION_PERSISTENT === '0') return;
        project.config.pool = persistentThreads.name;
        project.config.poolRunner = persistentThreads as never;
      },
    },
  ],
  test: {
    ...base.test,
    include: TESTS[mod] ?? [`test/${mod}/**/*.test.ts`],
    // Lazily built schemas are built afresh in each test, so that each test covers their code (./lazy-per-test.ts).
    setupFiles: mod === 'core' ? [] : ['test/mutation/lazy-per-test.ts'],
    exclude: [...SLOW, 'test/package/**', 'node_modules/**'],
    // A test file that fails to load counts as a failed test (./load-failures.ts: stryker-js #6150).
    reporters: ['default', new LoadFailuresAsFailedTests()],
  },
});
