// Light imports (issue 14, point 3): what a consumer's bundler ships for one function, measured with
// esbuild (bundle, minify, ESM, platform neutral and browser) from the packed tarball installed in a
// fresh project, never from src/.
//
// Budgets: `allocate` alone 8 kB gzipped, `calculateRebate` alone 25 kB, counting everything except
// decimal.js. decimal.js is one class that cannot be tree-shaken (about 12.7 kB gzipped on its own,
// measured below) and every result is a Decimal, so no bundle of any dealerkit function can be
// smaller than it; the budgets hold dealerkit's own code plus the parts of zod and date-fns it pulls in.
// The totals with decimal.js are printed too.
import { build, type Metafile } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { annotatePure } from '../tools/esbuild-pure.js';

const project = inject('consumer');
const KB = 1024;

interface Measured {
  /** Gzipped bytes. */
  gzip: number;
  /** The bundle's inputs (node_modules paths). */
  inputs: string[];
}

async function bundle(code: string, platform: 'neutral' | 'browser', external: string[]): Promise<Measured> {
  const entry = join(project, `bundle-entry-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(entry, code);
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: project,
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    // platform neutral sets no main fields or conditions: give it the ones an ESM bundler uses
    ...(platform === 'neutral' ? { mainFields: ['module', 'main'], conditions: ['import'] } : {}),
    external,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const meta: Metafile = result.metafile!;
  const output = Object.values(meta.outputs)[0]!;
  return { gzip: gzipSync(result.outputFiles[0]!.contents).length, inputs: Object.keys(output.inputs).filter((f) => output.inputs[f]!.bytesInOutput > 0) };
}


const CASES = [
  { name: "allocate from 'dealerkit'", code: "import { allocate } from 'dealerkit'; console.log(allocate);", budget: 8 * KB },
  { name: "calculateRebate from 'dealerkit'", code: "import { calculateRebate } from 'dealerkit'; console.log(calculateRebate);", budget: 25 * KB },
  { name: "calculateRebate from 'dealerkit/rebates'", code: "import { calculateRebate } from 'dealerkit/rebates'; console.log(calculateRebate);", budget: 25 * KB },
] as const;

describe('light imports: consumer bundles of one function (esbuild, from the packed tarball)', () => {
  for (const platform of ['neutral', 'browser'] as const) {
    for (const c of CASES) {
      it(`${c.name} (${platform}): within ${c.budget / KB} kB gzipped beyond decimal.js`, async () => {
        const own = await bundle(c.code, platform, ['decimal.js']);
        const total = await bundle(c.code, platform, []);
        const decimalAlone = await bundle("import Decimal from 'decimal.js'; console.log(Decimal);", platform, []);
        console.log(`${c.name} (${platform}): ${(own.gzip / KB).toFixed(2)} kB gzipped beyond decimal.js, ${(total.gzip / KB).toFixed(2)} kB in all (decimal.js alone ${(decimalAlone.gzip / KB).toFixed(2)} kB)`);
        expect(own.gzip).toBeLessThanOrEqual(c.budget);
        expect(total.gzip).toBeLessThanOrEqual(c.budget + decimalAlone.gzip);
        expect(own.inputs.some((f) => f.includes('node_modules/dealerkit/dist/'))).toBe(true);
      });
    }
  }

  it('allocate alone ships no zod and no schema: module-level schemas are side-effect free for bundlers', async () => {
    const { inputs } = await bundle("import { allocate } from 'dealerkit'; console.log(allocate);", 'neutral', ['decimal.js']);
    expect(inputs.filter((f) => f.includes('node_modules/zod/'))).toEqual([]);
    expect(inputs.filter((f) => f.includes('node_modules/date-fns/'))).toEqual([]);
  });
});

describe('the build step that makes it possible: annotatePure (test/tools/esbuild-pure.ts)', () => {
  it('marks every call and `new` of a top-level initializer, and nothing that runs later or on purpose', () => {
    const src = [
      "const a = z.object({ b: z.optional(z.string()) });",
      "export const c = base.check(z.minimum(0)), d = new Map();",
      "const f = () => z.string();",
      "function g() { return h(); }",
      "Object.defineProperty(X, 'y', {});",
    ].join('\n');
    expect(annotatePure(src).split('\n')).toEqual([
      "const a = /* @__PURE__ */ z.object({ b: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()) });",
      "export const c = /* @__PURE__ */ base.check(/* @__PURE__ */ z.minimum(0)), d = /* @__PURE__ */ new Map();",
      "const f = () => z.string();",
      "function g() { return h(); }",
      "Object.defineProperty(X, 'y', {});",
    ]);
  });
});
