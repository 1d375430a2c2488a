#!/usr/bin/env node
// node test/mutation/static/origins.mjs <module> [--functions]
// Which test files run code of src/<module> while they load (at file level, in a describe body),
// where Stryker cannot tell which test covers it: every mutant of that code is "static" and is tested
// against the module's whole suite, which is what makes a full mutation run slow. Prints, per test file,
// how many functions of src/<module> ran at load beyond what ./probe.test.ts runs by importing the module
// (the module's own load-time code, which no test file can avoid). Build such fixtures inside each test instead.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../..', import.meta.url).pathname;
const mod = process.argv[2];
if (!mod) {
  console.error('usage: node test/mutation/static/origins.mjs <module> [--functions]');
  process.exit(2);
}
mkdirSync(join(root, '.reports', 'mutation'), { recursive: true });
// One file per run, so that runs side by side do not mix.
const out = join(root, '.reports', 'mutation', `static-origins-${mod}-${process.pid}.jsonl`);
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const r = spawnSync(process.execPath, [vitest, 'run', '--config', 'test/mutation/static/vitest.config.ts'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, DK_MUTATION_MODULE: mod, DK_STATIC_MODULE: mod, DK_STATIC_OUT: out },
});
if (r.status !== 0) console.error(`(the module's tests did not all pass: exit ${r.status})`);
const text = readFileSync(out, 'utf8');
rmSync(out);
const rows = text.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
const sets = rows.map((row) => new Set(Object.entries(row.ran).flatMap(([f, fns]) => fns.map((fn) => `${f}:${fn}`))));
// ./probe.test.ts imports the module and nothing else: what it runs is the module's own load-time code.
const probe = rows.findIndex((row) => row.file.endsWith('test/mutation/static/probe.test.ts'));
if (probe < 0) throw new Error('the probe test file did not run');
const base = sets[probe];
const found = rows
  .map((row, i) => [row.file.slice(root.length), i === probe ? [] : [...sets[i]].filter((x) => !base.has(x))])
  .filter(([, extra]) => extra.length > 0)
  .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
console.log(`${rows.length - 1} test files; ${base.size} functions of src/${mod} run at load in every file (the module's own)`);
if (found.length === 0) console.log('no test file runs more of it at load');
for (const [file, extra] of found) console.log(`${String(extra.length).padStart(4)}  ${file}${process.argv.includes('--functions') ? `\n      ${extra.join('\n      ')}` : ''}`);
