import { defineConfig } from 'tsup';

const modules = ['rebates', 'kpi', 'risk', 'targets', 'inventory', 'sheets'];

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
    // Excel functions.json / functions.ts and the Apps Script wrappers, from the sheets manifest, into dist/sheets/.
    onSuccess: 'npx tsx test/tools/sheets-generate.ts',
  },
  {
    // One self-contained bundle for bare engines (Apps Script, warehouse UDFs, node:vm).
    entry: { dealerkit: 'src/iife.ts' },
    format: ['iife'],
    globalName: 'Dealerkit',
    platform: 'neutral',
    target: 'es2017',
    minify: true,
    noExternal: [/.*/],
    dts: false,
    clean: false,
    outDir: 'dist',
    outExtension: () => ({ js: '.iife.js' }),
  },
]);
