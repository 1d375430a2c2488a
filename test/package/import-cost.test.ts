// Light imports (issue 14, point 3): the cold import of every subpath, from the packed tarball installed
// in a fresh project, costs at most 1.5× the cold import of its two unavoidable dependencies
// (`decimal.js` + `zod/mini`) measured in the same run. A ratio, so machine load does not decide it,
// and of CPU time (user + system of the importing process), which other processes on a busy machine
// barely move where wall time doubles; each figure is the lower quartile of several fresh `node` processes,
// the cases interleaved round by round.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const project = inject('consumer');
const dist = join(project, 'node_modules', 'dealerkit', 'dist');

/** Every subpath the package exports (read from the installed package.json, so new ones are covered). */
const exportsMap = JSON.parse(readFileSync(join(project, 'node_modules', 'dealerkit', 'package.json'), 'utf8')).exports as Record<string, unknown>;
const SUBPATHS = Object.keys(exportsMap)
  .filter((k) => k === '.' || (/^\.\/[a-z-]+$/.test(k) && k !== './package.json'))
  .map((k) => (k === '.' ? 'dealerkit' : `dealerkit/${k.slice(2)}`));

const REFERENCE = ['decimal.js', 'zod/mini'];
const BUDGET = 1.5;
// The root entry holds the core and the five engines (design, statements, charts and sheets are
// their own entries, not loaded by it). Every schema is built on first use (src/core/lazy.ts
// lazySchema), so are the risk presets (lazyFrozen), and no @date-fns/utc formatter is built at
// load: what remains is compiling the code and finding, reading and linking its files. esbuild's
// split build (one chunk per set of entries sharing code, what bundlers need) made the root load
// nine files linked by some two thousand names and measure 1.36-1.45x here (1.52x once in CI), so
// Node gets its own build (export condition "node", test/tools/rechunk.ts): the core and the engines
// in one minified file, dist/node/dealerkit.js, beside each entry's own code.
const ROUNDS = 31;
/**
 * Each case's figure is the lower quartile of its runs, not the median: another process on a shared
 * machine only ever adds CPU time (cache and memory contention), so the low runs are the ones that
 * measure the import itself (the reasoning of Python's `timeit`, which reports the minimum; a
 * quartile is as robust to load and less sensitive to one lucky run).
 */
function lowerQuartile(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 4)]!;
}

/** CPU milliseconds a fresh node process spends importing `specifiers` (process start excluded). */
function coldImport(specifiers: readonly string[]): number {
  const code = `const c = process.cpuUsage(); for (const s of ${JSON.stringify(specifiers)}) await import(s); const d = process.cpuUsage(c); process.stdout.write(String((d.user + d.system) / 1000));`;
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: project, encoding: 'utf8' }));
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .map((e) => ({ e, file: join(e.parentPath, e.name) }))
    // the module builds only: not the IIFEs, nor the generated Excel / Apps Script files under dist/sheets/
    .filter(({ e, file }) => e.isFile() && /\.c?js$/.test(e.name) && !e.name.endsWith('.iife.js') && !/[\\/]sheets[\\/](excel|google-sheets)[\\/]/.test(file))
    .map(({ file }) => file);
}

describe('light imports: cold import cost as a ratio to decimal.js + zod/mini', () => {
  it('covers every exported subpath', () => {
    expect(SUBPATHS).toEqual(expect.arrayContaining(['dealerkit', 'dealerkit/rebates', 'dealerkit/kpi', 'dealerkit/risk', 'dealerkit/targets', 'dealerkit/inventory', 'dealerkit/sheets']));
  });

  it('no module of dist/ loads the date-fns barrel (250 modules); the few functions used are bundled', () => {
    for (const file of jsFiles(dist)) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/from\s*["']date-fns["']|require\(["']date-fns["']\)/);
    }
  });

  it("no module of dist/ loads @date-fns/utc's full UTCDate (three Intl formatters built at load)", () => {
    const loaders = jsFiles(dist)
      .filter((f) => /from\s*["']@date-fns\/utc["']|require\(["']@date-fns\/utc["']\)/.test(readFileSync(f, 'utf8')))
      .map((f) => f.slice(dist.length + 1));
    expect(loaders).toEqual([]);
  });

  it(`each subpath's cold import is at most ${BUDGET}× the reference (CPU time, lower quartile of ${ROUNDS} interleaved runs)`, () => {
    const cases: [string, readonly string[]][] = [['reference', REFERENCE], ...SUBPATHS.map((s): [string, string[]] => [s, [s]])];
    const times = new Map<string, number[]>(cases.map(([name]) => [name, []]));
    coldImport(REFERENCE); // warm the file system cache once
    for (let round = 0; round < ROUNDS; round++) for (const [name, specifiers] of cases) times.get(name)!.push(coldImport(specifiers));
    const reference = lowerQuartile(times.get('reference')!);
    const ratios = Object.fromEntries(SUBPATHS.map((s) => [s, Number((lowerQuartile(times.get(s)!) / reference).toFixed(2))]));
    console.log(`cold import, reference ${reference.toFixed(1)} ms of CPU (decimal.js + zod/mini); ratios:`, ratios);
    for (const s of SUBPATHS) expect(ratios[s], s).toBeLessThanOrEqual(BUDGET);
  });
});
