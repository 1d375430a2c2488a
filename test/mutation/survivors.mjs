#!/usr/bin/env node
// node test/mutation/survivors.mjs <module> [file-substring] [--all]: the surviving (and uncovered) mutants of a
// module's last Stryker report (.reports/mutation/<module>.json), grouped by file, with the original and the
// mutated code and the tests that ran against each. --all also lists the ignored mutants with their reasons.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const [mod, filter] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const all = process.argv.includes('--all');
if (!mod) {
  console.error('usage: node test/mutation/survivors.mjs <module> [file-substring] [--all]');
  process.exit(2);
}
const report = JSON.parse(readFileSync(join(root, '.reports', 'mutation', `${mod}.json`), 'utf8'));
const testName = new Map();
for (const [file, t] of Object.entries(report.testFiles ?? {})) for (const test of t.tests) testName.set(test.id, `${file.split('/').slice(-2).join('/')} > ${test.name}`);
let n = 0;
for (const [file, f] of Object.entries(report.files)) {
  if (filter && !file.includes(filter)) continue;
  const lines = f.source.split('\n');
  const wanted = f.mutants.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage' || (all && m.status === 'Ignored'));
  if (wanted.length === 0) continue;
  console.log(`\n## ${file} (${wanted.length})`);
  for (const m of wanted.sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column)) {
    n++;
    const { start, end } = m.location;
    const original = start.line === end.line ? lines[start.line - 1].slice(start.column - 1, end.column - 1) : `${lines[start.line - 1].slice(start.column - 1)} …`;
    const covered = (m.coveredBy ?? []).slice(0, 3).map((id) => testName.get(id) ?? id);
    console.log(`${file}:${start.line}:${start.column} ${m.status}${m.static ? ' (static)' : ''} ${m.mutatorName}: ${JSON.stringify(original.slice(0, 120))} -> ${JSON.stringify(String(m.replacement).slice(0, 120))}`);
    if (m.status === 'Ignored') console.log(`    reason: ${m.statusReason}`);
    else console.log(`    covered by ${(m.coveredBy ?? []).length} test(s)${covered.length ? `: ${covered.join(' | ')}` : ''}`);
  }
}
console.log(`\n${n} mutant(s)`);
