import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// Mutation testing of the core (npm run mutation): only the tests that exercise src/core run per mutant.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/core/**/*.test.ts', 'test/props/allocate.props.test.ts'],
    reporters: ['default'],
  },
});
