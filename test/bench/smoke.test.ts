// The benchmarks of bench/ at a tiny size: every scenario's library path and plain-float baseline
// run and return a finite checksum, and `keep` returns what it built. Timing is npm run bench's job
// (outside CI); this only keeps the benchmarks runnable as the API moves.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../bench/lib.js';

const dir = fileURLToPath(new URL('../../bench/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort();

const saved = { n: process.env.BENCH_N, runs: process.env.BENCH_SIM_RUNS };
beforeAll(() => {
  process.env.BENCH_N = '24';
  process.env.BENCH_SIM_RUNS = '3';
});
afterAll(() => {
  if (saved.n === undefined) delete process.env.BENCH_N;
  else process.env.BENCH_N = saved.n;
  if (saved.runs === undefined) delete process.env.BENCH_SIM_RUNS;
  else process.env.BENCH_SIM_RUNS = saved.runs;
});

describe('bench/ at BENCH_N=24', () => {
  it('finds the bench files', () => {
    expect(files).toEqual(['allocate.bench.ts', 'design.bench.ts', 'inventory.bench.ts', 'kpi.bench.ts', 'rebates.bench.ts', 'risk.bench.ts', 'sheets.bench.ts', 'targets.bench.ts']);
  });
  for (const file of files) {
    it(`${file}: every scenario's library and baseline return a finite checksum`, async () => {
      const { scenarios } = (await import(pathToFileURL(`${dir}${file}`).href)) as { scenarios: Scenario[] };
      expect(scenarios.length).toBeGreaterThan(0);
      for (const s of scenarios) {
        const lib = s.library();
        const base = s.baseline();
        expect(Number.isFinite(Number(lib)), `${s.name}: library ${String(lib)}`).toBe(true);
        expect(Number.isFinite(Number(base)), `${s.name}: baseline ${String(base)}`).toBe(true);
        if (s.keep !== undefined) expect(s.keep(), s.name).toBeDefined();
        if (s.goal !== undefined) expect(s.goal).toBeGreaterThan(1);
      }
    });
  }
});
