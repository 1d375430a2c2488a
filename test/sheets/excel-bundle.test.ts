// The bundle command of examples/excel-addin/README.md ("Without the generator"), run as written
// on functions.ts with esbuild's API (dealerkit/sheets resolved to this repository's sources), and
// the bundle loaded in an empty node:vm context with a stand-in of Excel's CustomFunctions
// runtime: it must be minified, register every function and compute.
import { buildSync, type BuildOptions } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { SHEET_FUNCTIONS } from 'dealerkit/sheets';

const readme = readFileSync('examples/excel-addin/README.md', 'utf8');
const command = /^npx esbuild functions\.ts (.+)$/m.exec(readme);

/** esbuild's CLI flags of the README as its API's options; a flag not handled here fails the test. */
function optionsOf(flags: string): BuildOptions {
  const options: BuildOptions = {};
  for (const flag of flags.trim().split(/\s+/)) {
    const [name, value] = flag.split('=') as [string, string | undefined];
    if (name === '--bundle') options.bundle = true;
    else if (name === '--minify') options.minify = true;
    else if (name === '--format') options.format = value as 'iife' | 'cjs' | 'esm';
    else if (name === '--target') options.target = value!;
    else if (name === '--outfile') options.outfile = value!;
    else throw new Error(`the README's esbuild command has a flag this test does not read: ${flag}`);
  }
  return options;
}

function bundle(extra: BuildOptions): string {
  const options = optionsOf(command![1]!);
  return buildSync({
    ...options,
    ...extra,
    entryPoints: ['examples/excel-addin/functions.ts'],
    outfile: join('/tmp', options.outfile ?? 'functions.js'),
    write: false,
    alias: { 'dealerkit/sheets': './src/sheets/index.ts' },
    logLevel: 'silent',
  }).outputFiles[0]!.text;
}

describe('the Excel add-in bundle, built by the README command', () => {
  it('is one minified IIFE for ES2017', () => {
    expect(command, 'the README has an `npx esbuild functions.ts ...` command').not.toBeNull();
    const options = optionsOf(command![1]!);
    expect(options).toMatchObject({ bundle: true, minify: true, format: 'iife', target: 'es2017', outfile: 'functions.js' });
    const minified = bundle({});
    const plain = bundle({ minify: false });
    console.log(`functions.js: ${minified.length} bytes minified, ${plain.length} bytes without --minify`);
    expect(minified.length).toBeLessThan(plain.length * 0.7);
    expect(minified).not.toMatch(/^import |^export /m);
  });

  it('registers every function with Excel and computes, in a bare context with the CustomFunctions runtime', () => {
    const registered: Record<string, (...args: unknown[]) => unknown> = {};
    const context = createContext({
      CustomFunctions: {
        Error: class {
          constructor(
            readonly code: string,
            readonly message?: string,
          ) {}
        },
        ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!' },
        associate: (id: string, fn: (...args: unknown[]) => unknown) => {
          registered[id] = fn;
        },
      },
    });
    runInContext(bundle({}), context);
    expect(Object.keys(registered)).toEqual(SHEET_FUNCTIONS.map((f) => f.name));
    expect(registered.REBATE!(10000, [[0, 0.0025], [2000, 0.005], [5000, 0.015]], 'incremental', null, null)).toBe(95);
    expect(registered.SPLIT!(100, [[1], [1], [1]], null)).toEqual([[34], [33], [33]]);
    let thrown: unknown;
    try {
      registered.SAFETYSTOCK!(20, 5, 7, 95, null);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toMatchObject({ code: '#VALUE!', message: expect.stringMatching(/^\[dealerkit\] serviceLevel: .*received 95\b/) });
  });
});
