// Benchmark helpers: time the library and a plain-float baseline computing the same figures in the
// same run, and report their ratio (absolute times on shared machines are noise; ratios are not).

export interface Scenario {
  /** What is measured, with its size. */
  name: string;
  /** The library doing the real work; returns a checksum so nothing is optimised away. */
  library: () => unknown;
  /** A plain-float loop computing the same figures without exactness. */
  baseline: () => unknown;
  /** Optional goal: the largest acceptable ratio library / baseline. */
  goal?: number;
  /** Optional note printed under the result. */
  note?: string;
  /** Rows in one library run (dealers, SKUs, totals): with it, the report shows heap bytes per row. */
  rows?: number;
  /** Runs the library once and returns what it built (kept alive while the heap is measured);
   *  defaults to `library`, whose checksum keeps nothing, so give it where the batch returns rows. */
  keep?: () => unknown;
}

export interface Result {
  name: string;
  libraryMs: number;
  baselineMs: number;
  ratio: number;
  goal?: number;
  /** Heap used after a forced GC, after the batch minus before it, per row (bytes): what the result holds. */
  retainedPerRow?: number;
  /** Heap used right after the batch (no GC) minus the GC'd heap before it, per row: an upper bound of the peak. */
  peakPerRow?: number;
}

type Gc = () => void;
const gc: Gc | undefined = (globalThis as { gc?: Gc }).gc;

/** Heap per row of one library run: `node --expose-gc` (the npm script) makes `gc` available. */
function memory(s: Scenario): { retainedPerRow: number; peakPerRow: number } | undefined {
  if (gc === undefined || s.rows === undefined || s.rows <= 0) return undefined;
  const body = s.keep ?? s.library;
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  let kept: unknown = body();
  const peak = process.memoryUsage().heapUsed;
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  if (kept === undefined) throw new Error('a benchmark body must return something');
  kept = undefined;
  return { retainedPerRow: (after - before) / s.rows, peakPerRow: (peak - before) / s.rows };
}

function timeOnce(fn: () => unknown): number {
  const start = performance.now();
  const r = fn();
  const ms = performance.now() - start;
  if (r === undefined) throw new Error('a benchmark body must return a checksum');
  return ms;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Runs a scenario: one warm-up each, then `runs` alternating timed runs; medians and their ratio. */
export function run(s: Scenario, runs = Number(process.env.BENCH_RUNS ?? 7)): Result {
  timeOnce(s.library);
  timeOnce(s.baseline);
  const lib: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < runs; i++) {
    lib.push(timeOnce(s.library));
    base.push(timeOnce(s.baseline));
  }
  const libraryMs = median(lib);
  const baselineMs = median(base);
  const result: Result = { name: s.name, libraryMs, baselineMs, ratio: libraryMs / baselineMs };
  if (s.goal !== undefined) result.goal = s.goal;
  const mem = memory(s);
  if (mem !== undefined) Object.assign(result, mem);
  return result;
}

export function report(r: Result, note?: string): string {
  const goal = r.goal === undefined ? '' : `  goal ≤ ${r.goal}×: ${r.ratio <= r.goal ? 'met' : 'NOT met'}`;
  return [
    `${r.name}`,
    `  library ${r.libraryMs.toFixed(1)} ms, float baseline ${r.baselineMs.toFixed(1)} ms, ratio ${r.ratio.toFixed(2)}×${goal}`,
    ...(r.retainedPerRow === undefined
      ? []
      : [`  heap per row: ${Math.round(r.retainedPerRow)} B retained after GC, ${Math.round(r.peakPerRow!)} B before GC (peak bound)`]),
    ...(note ? [`  ${note}`] : []),
  ].join('\n');
}

/** A deterministic pseudo-random sequence (LCG) so every run measures the same inputs. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}
