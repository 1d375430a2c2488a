#!/usr/bin/env node
// npm run mutation [-- module ...]: Stryker 9 with the vitest runner, one module of src/ at a time
// (test/mutation/stryker.config.mjs), incremental (test/mutation/incremental/<module>.json holds the
// previous result, so only mutants whose code or covering tests changed are tested again), then a
// table of the score per module, written to .reports/mutation/summary.md.
//   npm run mutation                 every module, incremental
//   npm run mutation -- kpi risk     those modules
//   DK_MUTATION_FULL=1 npm run mutation -- kpi      ignore the previous result
//   DK_MUTATION_CONCURRENCY=1 ...    one test worker (default 2)
//   DK_MUTATION_IGNORE_STATIC=1 ...  leave out static mutants (reported as ignored; quick first look)
//   DK_MUTATION_TIMEOUT_MS=5000 ...  Stryker's timeout padding (20 s by default): what a mutant that loops costs
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const ALL = readdirSync(join(root, 'src'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = asked.filter((m) => !ALL.includes(m));
if (unknown.length > 0) {
  console.error(`unknown module(s): ${unknown.join(', ')}; modules: ${ALL.join(', ')}`);
  process.exit(2);
}
const modules = asked.length > 0 ? asked : ALL;
mkdirSync(join(root, '.reports', 'mutation'), { recursive: true });
mkdirSync(join(root, 'test', 'mutation', 'incremental'), { recursive: true });

const stryker = join(root, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
let failed = false;
for (const mod of modules) {
  const started = Date.now();
  console.log(`\n=== mutation testing src/${mod} ===`);
  const args = [stryker, 'run', 'test/mutation/stryker.config.mjs'];
  if (process.env.DK_MUTATION_FULL === '1') args.push('--force');
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, DK_MUTATION_MODULE: mod } });
  if (r.status !== 0) failed = true;
  console.log(`=== src/${mod}: ${((Date.now() - started) / 60000).toFixed(1)} min ===`);
}

/** Score per module from each module's JSON report (killed + timeout) / (all but ignored, no coverage counted as survived). */
function score(mod) {
  const file = join(root, '.reports', 'mutation', `${mod}.json`);
  if (!existsSync(file)) return undefined;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const c = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, CompileError: 0, RuntimeError: 0, Ignored: 0 };
  for (const f of Object.values(report.files)) for (const m of f.mutants) c[m.status] = (c[m.status] ?? 0) + 1;
  const detected = c.Killed + c.Timeout;
  const valid = detected + c.Survived + c.NoCoverage;
  return { ...c, mutants: valid, score: valid === 0 ? 100 : (100 * detected) / valid };
}
const rows = ALL.map((m) => [m, score(m)]).filter(([, s]) => s);
const table = [
  '| Module | Mutants | Killed | Timeout | Survived | No coverage | Score |',
  '|---|---:|---:|---:|---:|---:|---:|',
  ...rows.map(([m, s]) => `| ${m} | ${s.mutants} | ${s.Killed} | ${s.Timeout} | ${s.Survived} | ${s.NoCoverage} | ${s.score.toFixed(1)} % |`),
].join('\n');
writeFileSync(join(root, '.reports', 'mutation', 'summary.md'), `${table}\n`);
console.log(`\n${table}\n`);
process.exit(failed ? 1 : 0);
