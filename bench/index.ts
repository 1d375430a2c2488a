// `npm run bench`: every scenario of bench/*.bench.ts, each timed against its plain-float baseline
// in the same run (the medians of BENCH_RUNS timed runs each, 7 by default). Set BENCH_N to scale
// the sizes down for a quick look (BENCH_SIM_RUNS the stochastic runs of design); name files to run a few.
//
// Each file runs in a process of its own (this script starts `bench/file.ts <file>` once per file,
// with the same Node flags): a file's scenarios share one process, so each library path and its
// baseline meet the same JIT and heap, but no file inherits the JIT feedback and the grown heap of
// the files before it. In one process for all, settleRebates read 15-18x after allocate's million
// results against 7-10x alone; no program of a user's runs its rebates after that bench.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

let failed = false;
for (const file of files) {
  const r = spawnSync(process.execPath, [...process.execArgv, `${dir}file.ts`, file], { stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
