import { defineConfig } from 'tsup';
import { pureInitializers } from './test/tools/esbuild-pure.js';
import { TERSER } from './test/tools/terser-options.js';

const modules = ['rebates', 'kpi', 'risk', 'targets', 'inventory', 'sheets', 'design', 'statements', 'charts'];
const ENGINES = ['rebates', 'kpi', 'risk', 'targets', 'inventory'];
/** Modules outside the all-in-one IIFE, each with its own (global DealerkitDesign, DealerkitStatements, DealerkitCharts). */
const EXTRAS = ['design', 'statements', 'charts'];

/** The global of an engine's own IIFE: `DealerkitRebates`, `DealerkitKpi`, ... */
export function engineGlobal(m: string): string {
  return `Dealerkit${m === 'kpi' ? 'Kpi' : m[0]!.toUpperCase() + m.slice(1)}`;
}

const iife = {
  format: ['iife'] as ('iife')[],
  platform: 'neutral' as const,
  target: 'es2017',
  minify: true,
  noExternal: [/.*/],
  esbuildPlugins: [pureInitializers()],
  dts: false,
  clean: false,
  outDir: 'dist',
  outExtension: () => ({ js: '.iife.js' }),
};

export default defineConfig([
  {
    // ESM and CJS with types for both, one entry per subpath export.
    entry: {
      index: 'src/index.ts',
      ...Object.fromEntries(modules.map((m) => [`${m}/index`, `src/${m}/index.ts`])),
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: false,
    clean: true,
    splitting: true,
    treeshake: true,
    target: 'es2020',
    outDir: 'dist',
    // Light imports (issue 14): the few date-fns functions used are bundled (no date-fns module graph to
    // load), and top-level initializers are marked pure so consumers' bundlers can drop unused schemas.
    noExternal: ['date-fns'],
    esbuildPlugins: [pureInitializers()],
    // Minified by terser (test/tools/terser-options.ts says how: it keeps the pure annotations).
    // Then test/tools/rechunk.ts writes the ES build for Node into dist/node/ (one shared chunk).
    minify: 'terser',
    terserOptions: TERSER,
    // Excel functions.json / functions.ts and the Apps Script wrappers, from the sheets manifest, into dist/sheets/;
    // the JSON Schemas of docs/schemas/ into dist/schemas/.
    onSuccess: 'npx tsx test/tools/rechunk.ts && npx tsx test/tools/sheets-generate.ts && node test/tools/copy-schemas.mjs',
  },
  {
    // One self-contained bundle for bare engines (Apps Script, warehouse UDFs, node:vm): the five
    // engines and the spreadsheet adapters (src/iife.ts), within 160 kB gzipped.
    ...iife,
    entry: { dealerkit: 'src/iife.ts' },
    globalName: 'Dealerkit',
  },
  // One smaller bundle per engine (global DealerkitRebates, DealerkitKpi, ...) for warehouse UDFs
  // that need a single engine: each stays within 60 kB gzipped.
  ...ENGINES.map((m) => ({
    ...iife,
    entry: { [`dealerkit-${m}`]: `src/${m}/index.ts` },
    globalName: engineGlobal(m),
  })),
  // Designing programs, statements and charts, each in its own self-sufficient bundle
  // (DealerkitDesign: with the rebates engine; DealerkitStatements and DealerkitCharts: with the five
  // engines) and its own budget in test/package/package.test.ts.
  ...EXTRAS.map((m) => ({
    ...iife,
    entry: { [`dealerkit-${m}`]: `src/iife-${m}.ts` },
    globalName: engineGlobal(m),
  })),
]);
