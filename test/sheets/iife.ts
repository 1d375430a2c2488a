// Bundles the IIFE (global Dealerkit) the way tsup.config.ts does, into the OS temp folder, so the
// tests run the bare-engine build without touching dist/ (others may be building it).
import { buildSync } from 'esbuild';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext, runInContext, type Context } from 'node:vm';

let cached: string | undefined;

/** The IIFE bundle's code: src/iife.ts, ES2017, minified, every dependency inside. */
export function iifeCode(): string {
  if (cached !== undefined) return cached;
  const outfile = join(mkdtempSync(join(tmpdir(), 'dealerkit-iife-')), 'dealerkit.iife.js');
  buildSync({
    entryPoints: ['src/iife.ts'],
    outfile,
    bundle: true,
    format: 'iife',
    globalName: 'Dealerkit',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2017',
    minify: true,
    logLevel: 'silent',
  });
  cached = readFileSync(outfile, 'utf8');
  return cached;
}

/** A fresh, empty vm context (no require, no process, no module) with the IIFE and `extra` scripts loaded. */
export function bareContext(...scripts: string[]): Context {
  const context = createContext({});
  runInContext(iifeCode(), context, { filename: 'dealerkit.iife.js' });
  for (const s of scripts) runInContext(s, context);
  return context;
}
