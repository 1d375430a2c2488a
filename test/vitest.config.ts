import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));
const tz = process.env.TZ ?? 'UTC';

export default defineConfig({
  root,
  resolve: {
    // Tests and examples import the package by its name, resolved to the sources.
    alias: [
      { find: /^dealerkit$/, replacement: `${root}src/index.ts` },
      { find: /^dealerkit\/(.+)$/, replacement: `${root}src/$1/index.ts` },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/package/**', 'node_modules/**', 'test/mutation/static/probe.test.ts'],
    testTimeout: 60_000,
    // Hooks that build or load bundles take seconds; under coverage on a loaded 2-core machine, more than 10.
    hookTimeout: 120_000,
    reporters: ['default', 'json'],
    outputFile: { json: `.reports/vitest-${tz.replace(/\//g, '_')}.json` },
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/iife.ts'],
      reporter: ['text-summary', 'json-summary', 'html'],
      reportsDirectory: '.reports/coverage',
      thresholds: { lines: 95, branches: 95, functions: 95, statements: 95 },
    },
  },
});
