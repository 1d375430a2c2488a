// Mutation testing of one module of src/ (npm run mutation; test/mutation/run.mjs runs the modules
// one after another). DK_MUTATION_MODULE names the module; only its source files are mutated and only
// the tests that exercise it run (test/mutation/vitest.config.ts). Incremental: the previous report
// of the module (test/mutation/incremental/<module>.json) lets Stryker re-test only the
// mutants whose code or covering tests changed.
const mod = process.env.DK_MUTATION_MODULE;
if (!mod) throw new Error('DK_MUTATION_MODULE is not set: run `npm run mutation -- <module>`');

export default {
  $schema: '../../node_modules/@stryker-mutator/core/schema/stryker-schema.json',
  testRunner: 'vitest',
  vitest: { configFile: 'test/mutation/vitest.config.ts', related: false },
  mutate: [`src/${mod}/**/*.ts`, `!src/${mod}/index.ts`],
  coverageAnalysis: 'perTest',
  // DK_MUTATION_IGNORE_STATIC=1: leave out the static mutants (code run at load or in a describe/beforeAll,
  // which Stryker must test against every test of the module); they are reported as ignored.
  ignoreStatic: process.env.DK_MUTATION_IGNORE_STATIC === '1',
  incremental: true,
  incrementalFile: `test/mutation/incremental/${mod}.json`,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `.reports/mutation/${mod}.json` },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0, reportScoreTable: true },
  tempDirName: '.stryker-tmp',
  concurrency: Number(process.env.DK_MUTATION_CONCURRENCY ?? 2),
  // DK_MUTATION_TIMEOUT_MS: the time a mutant may take beyond its tests' own time (1.5x) before it counts as a
  // timeout (detected). 20 s by default for a loaded machine; a mutant that loops forever costs this much.
  timeoutMS: Number(process.env.DK_MUTATION_TIMEOUT_MS ?? 20000),
  thresholds: { high: 90, low: 80, break: null },
};
