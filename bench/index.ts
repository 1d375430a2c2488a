// `npm run bench`: every scenario of bench/*.bench.ts, each timed against its plain-float baseline
// in the same run. Set BENCH_N to scale the sizes down for a quick look; name files to run a few.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { report, run, type Scenario } from './lib.js';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

for (const file of files) {
  const mod = (await import(pathToFileURL(`${dir}${file}`).href)) as { scenarios: Scenario[] };
  for (const s of mod.scenarios) console.log(report(run(s), s.note));
}
