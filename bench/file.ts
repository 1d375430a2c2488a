// One bench file's scenarios, each timed against its plain-float baseline (bench/index.ts runs
// every file this way, one process each): `node --expose-gc --import tsx bench/file.ts rebates.bench.ts`.
import { pathToFileURL } from 'node:url';
import { report, run, type Scenario } from './lib.js';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: bench/file.ts <name>.bench.ts');
const mod = (await import(pathToFileURL(new URL(file, import.meta.url).pathname).href)) as { scenarios: Scenario[] };
for (const s of mod.scenarios) console.log(report(run(s), s.note));
