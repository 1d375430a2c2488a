#!/usr/bin/env node
// node test/mutation/retest.mjs <module> [Status,...]: removes the mutants of these statuses (Survived by
// default) from the module's incremental record (test/mutation/incremental/<module>.json), so that the
// next `npm run mutation -- <module>` tests them again and reuses every other result. For a change
// Stryker's incremental diff cannot see: the runner's setup (test/mutation/*.ts), a dependency, or a
// run whose timeouts came from a loaded machine (`Timeout`).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [mod, statuses = 'Survived'] = process.argv.slice(2);
const file = join(new URL('../..', import.meta.url).pathname, 'test', 'mutation', 'incremental', `${mod}.json`);
if (mod === undefined || !existsSync(file)) {
  console.error(`usage: node test/mutation/retest.mjs <module> [Status,...]; no record at ${file}`);
  process.exit(2);
}
const want = new Set(statuses.split(','));
const record = JSON.parse(readFileSync(file, 'utf8'));
let dropped = 0;
for (const f of Object.values(record.files)) {
  const before = f.mutants.length;
  f.mutants = f.mutants.filter((m) => !want.has(m.status));
  dropped += before - f.mutants.length;
}
writeFileSync(file, JSON.stringify(record));
console.log(`${mod}: ${dropped} mutant(s) (${[...want].join(', ')}) will be tested again by the next run`);
