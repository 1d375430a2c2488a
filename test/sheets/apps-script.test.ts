// The generated Apps Script files plus their bundles (the all-in-one IIFE, and each engine's
// Apps Script bundle), run in an empty node:vm context (no require, no process, no console: as
// bare as Apps Script's V8), must give the ESM build's results.
import { buildSync } from 'esbuild';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createContext, runInContext, type Context } from 'node:vm';
import { describe, expect, it } from 'vitest';
import * as esm from 'dealerkit/sheets';
import * as inventory from 'dealerkit/inventory';
import * as kpi from 'dealerkit/kpi';
import * as rebates from 'dealerkit/rebates';
import * as risk from 'dealerkit/risk';
import * as targets from 'dealerkit/targets';
import { appsScript, ENGINES, engineBundle, engineFiles, engineFunctions, engineGlobal, engineLibrary, type Engine } from '../tools/sheets-generate.js';
import { SHEET_FUNCTIONS } from 'dealerkit/sheets';
import { bareContext, iifeCode } from './iife.js';
import { SAMPLES } from './samples.js';

const gs = appsScript();

/** Runs an expression in the context and returns it as JSON (context objects belong to another realm). */
function run(context: object, expression: string): unknown {
  return JSON.parse(runInContext(`JSON.stringify(${expression})`, context) as string);
}

function thrownMessage(context: object, expression: string): string {
  return runInContext(`(function () { try { ${expression}; return 'no error'; } catch (e) { return e.message; } })()`, context) as string;
}

describe('Apps Script wrappers over the IIFE in a bare context', () => {
  it('the context really is bare: no require, process, module or Apps Script services', () => {
    const context = bareContext(gs);
    expect(run(context, '[typeof require, typeof process, typeof module, typeof SpreadsheetApp, typeof Utilities, typeof Dealerkit]')).toEqual([
      'undefined',
      'undefined',
      'undefined',
      'undefined',
      'undefined',
      'object',
    ]);
  });

  it('every manifest function gives the ESM build results on its samples', () => {
    const context = bareContext(gs);
    const esmFunctions = esm as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const f of SHEET_FUNCTIONS) {
      const samples = SAMPLES[f.exportName];
      expect(samples, `samples of ${f.exportName}`).toBeDefined();
      for (const args of samples!) {
        // Apps Script passes undefined for an omitted argument, where the samples say null.
        const js = args.map((a) => (a === null ? 'undefined' : JSON.stringify(a))).join(', ');
        expect(run(context, `${f.exportName}(${js})`), `${f.exportName}(${js})`).toEqual(esmFunctions[f.exportName]!(...args));
      }
    }
  });

  it('DK_SPLIT gives the ESM build results, with undefined for an omitted argument (what Apps Script passes)', () => {
    const context = bareContext(gs);
    expect(run(context, 'DK_SPLIT(100000000, [[1,1,1,1,1,1,1,1,1,1,1,1]])')).toEqual(esm.DK_SPLIT(100_000_000, [Array<number>(12).fill(1)]));
    expect(run(context, 'DK_SPLIT(100, [[1],[1],[1]], undefined)')).toEqual([[34], [33], [33]]);
    expect(run(context, 'DK_SPLIT(100, [[1],[1],[1]], 2)')).toEqual(esm.DK_SPLIT(100, [[1], [1], [1]], 2));
  });

  it('DK_REBATE, DK_REBATE_TIER and DK_REBATE_NEXTGAP give the ESM results', () => {
    const context = bareContext(gs);
    const tiers = [[0, 0.0025], [2000, 0.005], [5000, 0.015]];
    for (const amount of [0, 1999.99, 3456.78, 123456.78]) {
      for (const method of ['retroactive', 'incremental']) {
        const call = `(${amount}, ${JSON.stringify(tiers)}, '${method}')`;
        expect(run(context, `DK_REBATE${call}`)).toBe(esm.DK_REBATE(amount, tiers, method));
        expect(run(context, `DK_REBATE_TIER${call}`)).toBe(esm.DK_REBATE_TIER(amount, tiers, method));
        expect(run(context, `DK_REBATE_NEXTGAP${call}`)).toBe(esm.DK_REBATE_NEXTGAP(amount, tiers, method));
      }
    }
    expect(run(context, "DK_REBATE(123457, [[0, 0.015]], undefined, undefined, 'JPY')")).toBe(1852);
  });

  it('a failure is an Error whose message starts with the cell error and names the argument', () => {
    const context = bareContext(gs);
    expect(thrownMessage(context, "DK_SPLIT(100, [[1],['x']])")).toBe(
      '#VALUE! [dealerkit] weights[1]: must be a number, received "x" (row 2, column 1 of the range)',
    );
    // A number out of range (#NUM! in HyperFormula) is named as Excel shows it: #VALUE!, with the message.
    expect(thrownMessage(context, 'DK_SPLIT(100, [[1]], 31)')).toBe('#VALUE! [dealerkit] scale: must be from 0 to 30, received 31');
    expect(thrownMessage(context, "DK_REBATE(5, [[0, 0]], undefined, undefined, 'XYZ')")).toBe(
      '#N/A [dealerkit] currency: is not a currency this engine knows (ISO 4217), received "XYZ"',
    );
  });

  it('Date arguments created in the bare engine are read as UTC calendar dates when no spreadsheet time zone is known', () => {
    const context = bareContext(gs);
    expect(run(context, 'dealerkitDates_([[new Date(Date.UTC(2026, 2, 1, 23, 30)), 5]], dealerkitTimeZone_())')).toEqual([['2026-03-01T23:30:00.000Z', 5]]);
    expect(run(context, 'Dealerkit.toIsoDateFromSheet(new Date(Date.UTC(2026, 2, 1, 23, 30)))')).toBe('2026-03-01');
  });

  it("in Google Sheets, a date cell (midnight in the spreadsheet's zone) is read as that calendar date, not the UTC one", () => {
    // Stand-ins of the two Apps Script services the wrapper uses; Utilities.formatDate formats in a zone.
    const services = `
      var SpreadsheetApp = { getActiveSpreadsheet: function () { return { getSpreadsheetTimeZone: function () { return 'Asia/Shanghai'; } }; } };
      var Utilities = { formatDate: function (d, tz, pattern) {
        if (pattern !== 'yyyy-MM-dd') throw new Error('unexpected pattern');
        return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
      } };`;
    const context = bareContext(gs, services);
    // 2026-03-01 00:00 in Shanghai is 2026-02-28T16:00Z: read in UTC it would be the 28th.
    expect(run(context, "dealerkitDates_([[new Date('2026-02-28T16:00:00Z')], ['x']], dealerkitTimeZone_())")).toEqual([['2026-03-01'], ['x']]);
    expect(run(context, "Dealerkit.toIsoDateFromSheet(dealerkitDates_(new Date('2026-02-28T16:00:00Z'), dealerkitTimeZone_()))")).toBe('2026-03-01');
  });

  it('DK_PACE with a Date argument: read as its UTC day in a bare engine, as the spreadsheet-zone day in Google Sheets', () => {
    const expected = esm.DK_PACE(1200, 2026, 'month', '2026-02-14', [[90, 120]]);
    expect(expected).toEqual([[150, 210, 1.4, -60, 1703]]);
    const bare = bareContext(gs);
    expect(run(bare, "DK_PACE(1200, 2026, 'month', new Date(Date.UTC(2026, 1, 14, 20, 0)), [[90, 120]])")).toEqual(expected);
    const services = `
      var SpreadsheetApp = { getActiveSpreadsheet: function () { return { getSpreadsheetTimeZone: function () { return 'America/Los_Angeles'; } }; } };
      var Utilities = { formatDate: function (d, tz) {
        return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
      } };`;
    const sheets = bareContext(gs, services);
    // A date cell of 2026-02-14 in Los Angeles is midnight there: 2026-02-14T08:00Z.
    expect(run(sheets, "DK_PACE(1200, 2026, 'month', new Date('2026-02-14T08:00:00Z'), [[90, 120]])")).toEqual(expected);
    // The same instant read in UTC would also be the 14th; 23:30 in Los Angeles on the 13th is the 14th in UTC, but the 13th in the sheet.
    expect(run(sheets, "DK_PACE(1200, 2026, 'month', new Date('2026-02-14T07:30:00Z'), [[90, 120]])")).toEqual(esm.DK_PACE(1200, 2026, 'month', '2026-02-13', [[90, 120]]));
  });

  it('a broken SpreadsheetApp falls back to UTC instead of failing the formula', () => {
    const context = bareContext(gs, "var SpreadsheetApp = { getActiveSpreadsheet: function () { throw new Error('no access'); } }; var Utilities = {};");
    expect(run(context, 'dealerkitTimeZone_()')).toBeNull();
  });
});

const ENGINE_MODULES: Record<Engine, object> = { rebates, kpi, risk, targets, inventory };
const bundles = new Map<Engine, string>();

/** An engine's Apps Script bundle (built once per run, from src, as the generator builds it for dist/). */
function bundleOf(engine: Engine): string {
  if (!bundles.has(engine)) bundles.set(engine, engineBundle(engine));
  return bundles.get(engine)!;
}

/** A bare context with the given scripts run in order. */
function contextWith(...scripts: string[]): Context {
  const context = createContext({});
  for (const s of scripts) runInContext(s, context);
  return context;
}

describe('Apps Script per engine: the engine bundle and its wrapper file', () => {
  it.each(ENGINES)('%s: every function of the file gives the ESM results on its samples, in a bare context', (engine) => {
    const context = contextWith(bundleOf(engine), appsScript(engineFunctions(engine), engineLibrary(engine)));
    expect(run(context, `[typeof Dealerkit, typeof ${engineGlobal(engine)}, typeof require, typeof process]`)).toEqual(['undefined', 'object', 'undefined', 'undefined']);
    const esmFunctions = esm as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const f of engineFunctions(engine)) {
      for (const args of SAMPLES[f.exportName]!) {
        const js = args.map((a) => (a === null ? 'undefined' : JSON.stringify(a))).join(', ');
        expect(run(context, `${f.exportName}(${js})`), `${f.exportName}(${js})`).toEqual(esmFunctions[f.exportName]!(...args));
      }
    }
  });

  it.each(ENGINES)("%s: the bundle carries the whole engine (what dist/dealerkit-<engine>.iife.js exports) besides its spreadsheet functions", (engine) => {
    const context = contextWith(bundleOf(engine));
    const keys = run(context, `Object.keys(${engineGlobal(engine)})`) as string[];
    expect(keys).toEqual(expect.arrayContaining(Object.keys(ENGINE_MODULES[engine])));
    expect(keys).toEqual(expect.arrayContaining([...engineFunctions(engine).map((f) => f.exportName), 'toSheetError']));
    // Nothing of another engine's spreadsheet functions.
    const others = SHEET_FUNCTIONS.filter((f) => !engineFunctions(engine).includes(f)).map((f) => f.exportName);
    expect(keys.filter((k) => others.includes(k))).toEqual([]);
  });

  it('each engine bundle is a fraction of the all-in-one IIFE that Apps Script would otherwise load on every call', () => {
    const all = Buffer.byteLength(iifeCode());
    for (const engine of ENGINES) {
      const size = Buffer.byteLength(bundleOf(engine));
      console.log(`Apps Script bundle of ${engine}: ${size} bytes (${gzipSync(bundleOf(engine), { level: 9 }).length} gzipped), all-in-one: ${all} bytes`);
      expect(size / all).toBeLessThan(0.6);
    }
  });

  it('files of two engines sit in one project: each wrapper calls its own bundle, and DK_SPLIT works from either', () => {
    const context = contextWith(
      bundleOf('rebates'),
      appsScript(engineFunctions('rebates'), engineLibrary('rebates')),
      bundleOf('kpi'),
      appsScript(engineFunctions('kpi'), engineLibrary('kpi')),
    );
    expect(run(context, "DK_REBATE(10000, [[0, 0.0025], [2000, 0.005], [5000, 0.015]], 'incremental')")).toBe(95);
    expect(run(context, "DK_KPI_SCORE([[95, 2]], [[100, 4]], [[0.6, 0.4]], [['ratio', 'reduction']])")).toBe(117);
    expect(run(context, 'DK_SPLIT(100, [[1], [1], [1]])')).toEqual([[34], [33], [33]]);
  });

  it('names the missing file when the bundle is not in the project', () => {
    const context = contextWith(appsScript(engineFunctions('rebates'), engineLibrary('rebates')));
    expect(thrownMessage(context, 'DK_REBATE(1, [[0, 0]])')).toBe('#N/A [dealerkit] DealerkitRebates is not defined: add dealerkit-rebates.js to this Apps Script project');
  });

  it('says so when the bundle loaded is the warehouse one, which has no spreadsheet functions', () => {
    const warehouse = buildSync({
      entryPoints: ['src/rebates/index.ts'],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: engineGlobal('rebates'),
      platform: 'neutral',
      mainFields: ['module', 'main'],
      target: 'es2017',
      minify: true,
      logLevel: 'silent',
    }).outputFiles[0]!.text;
    const context = contextWith(warehouse, appsScript(engineFunctions('rebates'), engineLibrary('rebates')));
    expect(thrownMessage(context, 'DK_REBATE(1, [[0, 0]])')).toMatch(/^#N\/A \[dealerkit\] DK_REBATE is not in the bundle loaded: /);
  });
});

describe('the guide (examples/google-sheets/README.md)', () => {
  const guide = readFileSync('examples/google-sheets/README.md', 'utf8');

  it("uses clasp 3's command names only (clasp 3 renamed create, clone, open, deploy, logs, apis ...)", () => {
    // The commands of clasp 3's README (github.com/google/clasp, "Commands" and "Migrating from 2.x to 3.x").
    const clasp3 = new Set([
      'login', 'logout', 'create-script', 'clone-script', 'delete-script', 'pull', 'push', 'show-file-status',
      'open-script', 'open-web-app', 'open-container', 'open-credentials-setup', 'open-logs', 'open-api-console',
      'list-deployments', 'create-deployment', 'update-deployment', 'delete-deployment', 'create-version',
      'list-versions', 'list-scripts', 'tail-logs', 'list-apis', 'enable-api', 'disable-api', 'run-function',
    ]);
    const used = [...guide.matchAll(/\bclasp ([a-z][a-z-]*)/g)].map((m) => m[1]!);
    expect(used).toEqual(expect.arrayContaining(['login', 'create-script', 'clone-script', 'push', 'open-container']));
    expect(used.filter((c) => !clasp3.has(c))).toEqual([]);
  });

  it('copies the files the generator writes for an engine, and states their sizes (within 15 %)', () => {
    for (const engine of ENGINES) {
      const { bundle, wrappers } = engineFiles(engine);
      expect(guide).toContain(`| \`${bundle.replace('google-sheets/', '')}\` and \`${wrappers.replace('google-sheets/', '')}\` | `);
      const stated = new RegExp(`\\| \`${engine}/dealerkit-${engine}\\.js\` and [^|]+\\| (\\d+) kB \\|`).exec(guide);
      expect(stated, engine).not.toBeNull();
      const actual = Buffer.byteLength(bundleOf(engine)) / 1000;
      expect(Math.abs(Number(stated![1]) - actual) / actual, `${engine}: the guide says ${stated![1]} kB, the bundle is ${actual.toFixed(0)} kB`).toBeLessThan(0.15);
    }
    const all = /\| `\.\.\/dealerkit\.iife\.js` and `dealerkit-functions\.js` \| (\d+) kB \|/.exec(guide);
    expect(Math.abs(Number(all![1]) - Buffer.byteLength(iifeCode()) / 1000) / (Buffer.byteLength(iifeCode()) / 1000)).toBeLessThan(0.15);
    expect(guide).toContain('cp node_modules/dealerkit/dist/sheets/google-sheets/rebates/*.js src/');
  });
});
