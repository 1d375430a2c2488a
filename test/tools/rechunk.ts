// Build step (tsup onSuccess): the ES module build for Node, in one shared chunk, into dist/node/.
//
// A cold import of dealerkit in Node is mostly V8 compiling its code and Node finding, reading and
// linking its files (issue 14's light imports: each subpath at most 1.5x the cold import of
// decimal.js + zod/mini). esbuild splits the code the ten entries share into one chunk per set of
// entries that reach it, which is what bundlers need: a chunk no used export reaches is dropped
// whole ("sideEffects": false), so `allocate` alone bundles to a few kB. Node pays for it instead:
// the root loaded nine files linked by some two thousand imported names, and measured 1.36-1.45x
// (CI once 1.52x), dealerkit/sheets up to 1.50x.
//
// Here rollup takes esbuild's ES output and puts every chunk the root loads (the core and the five
// engines) into one chunk, dist/node/dealerkit.js; each entry keeps its own code beside it. The
// exports map sends Node there (condition "node") and bundlers to dist/ (condition "module", which
// bundlers set and Node does not, listed first). A runtime resolves every subpath through the same
// condition, so one process never holds two copies of a module (the engines keep registries of the
// programs, scorecards and calendars they defined). terser then minifies each file as tsup did.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { rollup } from 'rollup';
import { minify } from 'terser';
import { TERSER } from './terser-options.js';

const dist = resolve('dist');
const out = join(dist, 'node');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, unknown> };

/** Every ES entry of the exports map, named by its path under dist/: { index: dist/index.js, 'rebates/index': ... }. */
const entries: Record<string, string> = {};
for (const [key, value] of Object.entries(pkg.exports)) {
  const conditions = (value as { import?: Record<string, string> } | null)?.import;
  const file = conditions?.module;
  if (file === undefined) continue;
  const name = file.replace(/^\.\/dist\//, '').replace(/\.js$/, '');
  if (conditions!.node !== `./dist/node/${name}.js`) throw new Error(`rechunk: exports["${key}"].import.node must be ./dist/node/${name}.js`);
  entries[name] = resolve(file);
}
if (entries.index === undefined) throw new Error('rechunk: the exports map has no ES root entry (import.module)');

/** The files a dist/ ES file imports by relative path. */
function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/from\s*["'](\.\.?\/[^"']+\.js)["']/g)].map((m) => resolve(dirname(file), m[1]!));
}
/** The shared chunks the root entry loads, directly or through one another. */
const rootChunks = new Set<string>();
const queue = importsOf(entries.index);
while (queue.length > 0) {
  const f = queue.pop()!;
  if (rootChunks.has(f)) continue;
  if (!/[\\/]chunk-[A-Z0-9]+\.js$/.test(f)) throw new Error(`rechunk: the root loads ${relative(dist, f)}, which is not a shared chunk`);
  rootChunks.add(f);
  queue.push(...importsOf(f));
}

const bundle = await rollup({
  input: entries,
  external: (id) => !id.startsWith('.') && !id.startsWith('/'),
  preserveEntrySignatures: 'strict',
  onwarn(warning) {
    throw new Error(`rechunk: rollup warned: ${warning.message}`);
  },
});
rmSync(out, { recursive: true, force: true });
const { output } = await bundle.generate({
  format: 'es',
  entryFileNames: '[name].js',
  chunkFileNames: (chunk) => (chunk.name === 'dealerkit' ? 'dealerkit.js' : 'chunk-[hash].js'),
  manualChunks: (id) => (rootChunks.has(id) ? 'dealerkit' : undefined),
  hoistTransitiveImports: false,
});
await bundle.close();
if (!output.some((o) => o.fileName === 'dealerkit.js')) throw new Error('rechunk: rollup wrote no dealerkit.js chunk');

let after = 0;
for (const o of output) {
  if (o.type !== 'chunk') throw new Error(`rechunk: unexpected asset ${o.fileName}`);
  const min = await minify(o.code, { ...TERSER, module: true });
  if (typeof min.code !== 'string') throw new Error(`rechunk: terser returned nothing for ${o.fileName}`);
  after += min.code.length;
  const target = join(out, o.fileName);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, min.code);
}
console.log(
  `rechunk: dist/node/ holds ${output.length} ES files for ${Object.keys(entries).length} entries; the root's ${rootChunks.size} chunks are one, dealerkit.js; ${(after / 1024).toFixed(0)} kB in all`,
);
