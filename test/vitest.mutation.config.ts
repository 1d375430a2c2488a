import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

const root = fileURLToPath(new URL('..', import.meta.url));

// Mutation testing of the core (npm run mutation): only the core's tests run per mutant, and
// 'dealerkit' resolves to the core alone. Through the root entry, a mutant that breaks a value the
// engines use at load time (their presets) would fail every test file before any test ran, which
// Stryker's vitest runner reports as a survivor.
export default defineConfig({
  ...base,
  resolve: { alias: [{ find: /^dealerkit$/, replacement: `${root}src/core/index.ts` }] },
  test: {
    ...base.test,
    include: ['test/core/**/*.test.ts', 'test/props/allocate.props.test.ts'],
    exclude: ['test/core/modules.test.ts', 'node_modules/**'],
    reporters: ['default'],
  },
});
