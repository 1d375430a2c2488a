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
}

export interface Result {
  name: string;
  libraryMs: number;
  baselineMs: number;
  ratio: number;
  goal?: number;
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
export function run(s: Scenario, runs = 5): Result {
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
  return result;
}

export function report(r: Result, note?: string): string {
  const goal = r.goal === undefined ? '' : `  goal ≤ ${r.goal}×: ${r.ratio <= r.goal ? 'met' : 'NOT met'}`;
  return [
    `${r.name}`,
    `  library ${r.libraryMs.toFixed(1)} ms, float baseline ${r.baselineMs.toFixed(1)} ms, ratio ${r.ratio.toFixed(2)}×${goal}`,
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
