// Generates every spreadsheet host's files from the one manifest of dealerkit/sheets
// (src/sheets/manifest.ts, SHEET_FUNCTIONS):
//   - Excel: the add-in's functions.ts (top-level function declarations with literal primitive
//     types and @customfunction tags, each a call of dealerkit/sheets); functions.json, written by
//     Microsoft's own metadata generator (custom-functions-metadata, the code Office's webpack
//     plugin runs) from that functions.ts; the add-in's icons (PNG, drawn here);
//   - Google Sheets: Apps Script files of top-level DK_* wrappers, one over the all-in-one IIFE
//     (global Dealerkit) and one per engine over that engine's Apps Script bundle (global
//     DealerkitRebates, ...: the engine plus its spreadsheet functions), built here with esbuild.
// Usage:
//   npx tsx test/tools/sheets-generate.ts              writes dist/sheets/{excel,google-sheets}/ (run by tsup's onSuccess)
//   npx tsx test/tools/sheets-generate.ts --examples   also refreshes the committed copies in examples/
//   npx tsx test/tools/sheets-generate.ts --check      exits 1 when the committed copies are stale
// The HyperFormula plugin is built from the same manifest at test time (test/sheets/hf.ts): it is
// GPL-licensed and never shipped.
import { buildSync } from 'esbuild';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { SHEET_ERROR_SHOWN } from '../../src/sheets/errors.js';
import {
  SHEET_FUNCTIONS,
  SHEET_NAMESPACE,
  type SheetFunctionSpec,
  type SheetModule,
  type SheetParameterSpec,
  type SheetParameterType,
} from '../../src/sheets/manifest.js';
import { decodePng, encodePng, type RgbaImage } from '../sheets/png.js';

const HEADER = 'Generated from the dealerkit/sheets manifest (src/sheets/manifest.ts) by test/tools/sheets-generate.ts: do not edit.';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The Excel custom-functions metadata the manifest describes: what functions.json must say (Excel's defaults written out). */
export function excelMetadata(functions: readonly SheetFunctionSpec[] = SHEET_FUNCTIONS): { functions: unknown[] } {
  return {
    functions: functions.map((f) => ({
      id: f.name,
      name: f.name,
      description: f.description,
      parameters: f.parameters.map((q) => ({
        name: q.name,
        description: q.description,
        type: q.type,
        dimensionality: q.dimensionality,
        ...(q.optional ? { optional: true } : {}),
      })),
      result: { type: f.result.type, dimensionality: f.result.dimensionality },
    })),
  };
}

/**
 * functions.json exactly as Microsoft's generator (`custom-functions-metadata`, the code behind
 * Office's webpack plugin and its CLI) writes it from the given functions.ts.
 */
export async function excelMetadataJson(functionsTs: string = excelFunctionsTs()): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'dealerkit-cfm-'));
  try {
    const file = join(dir, 'functions.ts');
    writeFileSync(file, functionsTs);
    const result = await generateCustomFunctionsMetadata(file);
    if (result.errors.length > 0) throw new Error(`custom-functions-metadata refused functions.ts:\n${result.errors.join('\n')}`);
    return result.metadataJson;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The JavaScript name of the Excel function: `REBATE.TIER` → `rebateTier`. */
export function excelFunctionName(f: SheetFunctionSpec): string {
  const words = f.name.toLowerCase().split(/[._]/);
  return words.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('');
}

function tsType(type: SheetParameterType, matrix: boolean): string {
  return matrix ? `${type}[][]` : type;
}

/** Word-wraps prose for a comment; continuation lines get `prefix` too (never a tag). */
function wrap(text: string, prefix: string, width = 100): string[] {
  const lines: string[] = [];
  let line = prefix;
  for (const word of text.split(/\s+/)) {
    if (line.length + word.length + 1 > width && line.trim() !== prefix.trim()) {
      lines.push(line.trimEnd());
      line = `${prefix}${word} `;
    } else line += `${word} `;
  }
  lines.push(line.trimEnd());
  return lines;
}

/**
 * One JSDoc line. Microsoft's generator reads a tag's text up to the next line that starts with
 * `@`, and keeps line breaks inside a description, so each description is written whole on one
 * line; text that could end the comment or start a tag is refused.
 */
function docLine(text: string): string {
  if (/\*\/|\n|(^|\s)@/.test(text)) throw new Error(`not safe on one JSDoc line: ${text}`);
  return ` * ${text}`;
}

/** The Excel add-in's functions.ts. */
export function excelFunctionsTs(functions: readonly SheetFunctionSpec[] = SHEET_FUNCTIONS): string {
  const out: string[] = [
    `// ${HEADER}`,
    `// Excel custom functions under the namespace ${SHEET_NAMESPACE} (set in the add-in manifest): =${SHEET_NAMESPACE}.REBATE(...).`,
    '// Every failure shows in the cell as #VALUE! or #N/A with dealerkit\'s message (hover the error flag).',
    "import * as dk from 'dealerkit/sheets';",
    '',
    '/**',
    ' * Turns a dealerkit failure into an Excel error that carries its message. Excel shows a custom',
    ' * function\'s message only on #VALUE! and #N/A, so a number out of range (#NUM! in dealerkit\'s',
    ' * mapping, toSheetError) shows as #VALUE! with the message, as in Google Sheets.',
    ' */',
    'function excelError(error: unknown): CustomFunctions.Error {',
    '  const e = dk.toSheetError(error);',
    "  const code = e.error === '#N/A' ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;",
    '  return new CustomFunctions.Error(code, e.message);',
    '}',
  ];
  for (const f of functions) {
    const params = f.parameters.map((q) => `${q.name}${q.optional ? '?' : ''}: ${tsType(q.type, q.dimensionality === 'matrix')}`);
    const args = f.parameters.map((q) => q.name).join(', ');
    out.push(
      '',
      '/**',
      docLine(f.description),
      ` * @customfunction ${f.name} ${f.name}`,
      ...f.parameters.map((q) => docLine(`${q.description}`).replace(/^ \* /, ` * @param ${q.name} `)),
      docLine(f.result.description).replace(/^ \* /, ' * @returns '),
      ' */',
      `export function ${excelFunctionName(f)}(${params.join(', ')}): ${tsType(f.result.type, f.result.dimensionality === 'matrix')} {`,
      `  try { return dk.${f.exportName}(${args}); } catch (error) { throw excelError(error); }`,
      '}',
    );
  }
  out.push(
    '',
    '// Office\'s webpack plugin (custom-functions-metadata-plugin) also registers these; registering twice is harmless.',
    "if (typeof CustomFunctions !== 'undefined' && typeof CustomFunctions.associate === 'function') {",
    ...functions.map((f) => `  CustomFunctions.associate('${f.name}', ${excelFunctionName(f)});`),
    '}',
    '',
  );
  return out.join('\n');
}

/** The pixel sizes of the add-in's icons: 16, 32 and 80 for the ribbon resources, 32 and 64 for IconUrl and HighResolutionIconUrl. */
export const EXCEL_ICON_SIZES = [16, 32, 64, 80] as const;

/** The icon's colours: a deep green tile with white bars. */
export const EXCEL_ICON_COLOURS = { tile: [0x1b, 0x6b, 0x50], bars: [0xff, 0xff, 0xff] } as const;

// The icon in a unit square (y downwards): a rounded tile and three rising bars, a tier table.
const TILE_RADIUS = 0.2;
const BARS: readonly (readonly [number, number, number, number])[] = [
  [0.18, 0.56, 0.34, 0.8],
  [0.42, 0.4, 0.58, 0.8],
  [0.66, 0.2, 0.82, 0.8],
];

function inTile(x: number, y: number): boolean {
  const cx = Math.min(Math.max(x, TILE_RADIUS), 1 - TILE_RADIUS);
  const cy = Math.min(Math.max(y, TILE_RADIUS), 1 - TILE_RADIUS);
  return (x - cx) ** 2 + (y - cy) ** 2 <= TILE_RADIUS ** 2;
}

/** The add-in's icon at `size` × `size` pixels, antialiased by 8 × 8 samples per pixel. */
export function excelIcon(size: number): RgbaImage {
  const n = 8;
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let tile = 0;
      let bar = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          if (!inTile(x, y)) continue;
          tile++;
          if (BARS.some(([x0, y0, x1, y1]) => x >= x0 && x < x1 && y >= y0 && y < y1)) bar++;
        }
      }
      const at = (py * size + px) * 4;
      if (tile === 0) continue;
      for (let c = 0; c < 3; c++) rgba[at + c] = Math.round((EXCEL_ICON_COLOURS.bars[c]! * bar + EXCEL_ICON_COLOURS.tile[c]! * (tile - bar)) / tile);
      rgba[at + 3] = Math.round((255 * tile) / (n * n));
    }
  }
  return { width: size, height: size, rgba };
}

function jsDocType(q: Pick<SheetParameterSpec, 'type' | 'dimensionality'>): string {
  const scalar = q.type === 'any' ? '*' : q.type;
  return q.dimensionality === 'matrix' ? `Array<Array<${scalar}>>` : scalar;
}

/** The engines that have an Apps Script bundle of their own. */
export const ENGINES = ['rebates', 'kpi', 'risk', 'targets', 'inventory'] as const;
export type Engine = (typeof ENGINES)[number];

/** The library an Apps Script wrapper file calls: the global a bundle defines, and the bundle's file name. */
export interface AppsScriptLibrary {
  readonly global: string;
  readonly file: string;
}

/** The all-in-one IIFE (dist/dealerkit.iife.js, global Dealerkit). */
export const ALL_IN_ONE: AppsScriptLibrary = { global: 'Dealerkit', file: 'dealerkit.iife.js' };

/** The global of an engine's bundles, as tsup.config.ts names them: `DealerkitRebates`, `DealerkitKpi`, ... */
export function engineGlobal(engine: Engine): string {
  return `Dealerkit${engine.charAt(0).toUpperCase()}${engine.slice(1)}`;
}

/** An engine's Apps Script bundle: its global and file name. */
export function engineLibrary(engine: Engine): AppsScriptLibrary {
  return { global: engineGlobal(engine), file: `dealerkit-${engine}.js` };
}

/** Where an engine's Apps Script files go under dist/sheets/: the bundle and its wrappers, named apart so several engines' files fit in one project. */
export function engineFiles(engine: Engine): { bundle: string; wrappers: string } {
  return { bundle: `google-sheets/${engine}/dealerkit-${engine}.js`, wrappers: `google-sheets/${engine}/dealerkit-${engine}-functions.js` };
}

/** The spreadsheet functions an engine's Apps Script bundle carries: its own, and DK_SPLIT (core). */
export function engineFunctions(engine: Engine): SheetFunctionSpec[] {
  return SHEET_FUNCTIONS.filter((f) => f.module === engine || f.module === 'core');
}

const SHEET_FILE: Readonly<Record<SheetModule, string>> = {
  core: 'split',
  rebates: 'rebates',
  kpi: 'kpi',
  risk: 'risk',
  targets: 'targets',
  inventory: 'inventory',
};

/** The entry of an engine's Apps Script bundle: the engine (as its warehouse IIFE) plus its spreadsheet functions. */
export function engineBundleEntry(engine: Engine): string {
  const byFile = new Map<string, string[]>();
  for (const f of engineFunctions(engine)) byFile.set(SHEET_FILE[f.module], [...(byFile.get(SHEET_FILE[f.module]) ?? []), f.exportName]);
  return [
    `export * from './src/${engine}/index.ts';`,
    ...[...byFile].map(([file, names]) => `export { ${names.join(', ')} } from './src/sheets/${file}.ts';`),
    "export { toSheetError } from './src/sheets/errors.ts';",
    "export { toIsoDateFromSheet, toSheetSerial } from './src/sheets/args.ts';",
    '',
  ].join('\n');
}

/** Builds an engine's Apps Script bundle as tsup builds the IIFEs: ES2017, minified, every dependency inside. */
export function engineBundle(engine: Engine, root: string = ROOT): string {
  const result = buildSync({
    stdin: { contents: engineBundleEntry(engine), resolveDir: root, sourcefile: `dealerkit-${engine}-sheets.ts`, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    globalName: engineGlobal(engine),
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2017',
    minify: true,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** The name of the helper that returns a library's global: `Dealerkit` → `dealerkit_`. */
function libraryGetter(library: AppsScriptLibrary): string {
  return `${library.global.charAt(0).toLowerCase()}${library.global.slice(1)}_`;
}

/**
 * An Apps Script file: one top-level `function DK_...` per manifest entry, calling the global of
 * `library` (the all-in-one `Dealerkit` by default, or an engine's bundle).
 */
export function appsScript(functions: readonly SheetFunctionSpec[] = SHEET_FUNCTIONS, library: AppsScriptLibrary = ALL_IN_ONE): string {
  const getter = libraryGetter(library);
  const out: string[] = [
    `// ${HEADER}`,
    `// Google Sheets custom functions: ${functions.slice(0, 2).map((f) => `=${f.exportName}(...)`).join(', ')}. Add ${library.file} to the same`,
    `// Apps Script project (it defines the global ${library.global}); this file calls it.`,
  ];
  for (const f of functions) {
    const args = f.parameters.map((q) => q.name).join(', ');
    out.push(
      '',
      '/**',
      ...wrap(f.description, ' * '),
      ' *',
      ...f.parameters.map((q) => ` * @param {${jsDocType(q)}} ${q.optional ? `[${q.name}]` : q.name} ${q.description}`),
      ` * @return {${jsDocType(f.result)}} ${f.result.description}`,
      ' * @customfunction',
      ' */',
      `function ${f.exportName}(${args}) {`,
      `  return dealerkitCall_(${getter}(), '${f.exportName}', [${args}]);`,
      '}',
    );
  }
  out.push(
    '',
    `/** The global ${library.global} that ${library.file} defines; its absence is a message naming the file. */`,
    `function ${getter}() {`,
    `  if (typeof ${library.global} === 'undefined') {`,
    `    throw new Error('#N/A [dealerkit] ${library.global} is not defined: add ${library.file} to this Apps Script project');`,
    '  }',
    `  return ${library.global};`,
    '}',
    '',
    '/**',
    ' * Calls a dealerkit spreadsheet function. Date cells arrive as Date objects at midnight in the',
    " * spreadsheet's time zone, so they are read as that calendar date. A failure becomes an Error whose",
    ' * message starts with the cell error Excel shows for it (#VALUE! or #N/A, the two Excel shows a',
    ' * message on) and names the argument; Sheets shows it when hovering the #ERROR! cell.',
    ' * (Every wrapper file defines these helpers alike, so files of several bundles can sit together.)',
    ' */',
    'function dealerkitCall_(library, name, args) {',
    "  if (typeof library[name] !== 'function') {",
    "    throw new Error('#N/A [dealerkit] ' + name + ' is not in the bundle loaded: add the Apps Script bundle of dealerkit/dist/sheets/google-sheets/ (the warehouse bundles have no spreadsheet functions)');",
    '  }',
    '  var timeZone = dealerkitTimeZone_();',
    '  var hostArgs = [];',
    '  for (var i = 0; i < args.length; i++) hostArgs.push(dealerkitDates_(args[i], timeZone));',
    '  try {',
    '    return library[name].apply(null, hostArgs);',
    '  } catch (error) {',
    '    var e = library.toSheetError(error);',
    `    var shown = ${JSON.stringify(SHEET_ERROR_SHOWN).replace(/,/g, ', ').replace(/:/g, ': ')}[e.error] || '#VALUE!';`,
    "    throw new Error(shown + ' ' + e.message);",
    '  }',
    '}',
    '',
    "/** The spreadsheet's time zone, or null outside Google Sheets (dates are then read in UTC). */",
    'function dealerkitTimeZone_() {',
    "  if (typeof SpreadsheetApp === 'undefined' || typeof Utilities === 'undefined') return null;",
    '  try {',
    '    return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();',
    '  } catch (e) {',
    '    return null;',
    '  }',
    '}',
    '',
    '/** Replaces every Date in an argument (a cell or a range) by its calendar date in the time zone, YYYY-MM-DD. */',
    'function dealerkitDates_(value, timeZone) {',
    "  if (Object.prototype.toString.call(value) === '[object Date]') {",
    "    return timeZone === null ? value : Utilities.formatDate(value, timeZone, 'yyyy-MM-dd');",
    '  }',
    '  if (Array.isArray(value)) {',
    '    return value.map(function (item) {',
    '      return dealerkitDates_(item, timeZone);',
    '    });',
    '  }',
    '  return value;',
    '}',
    '',
  );
  return out.join('\n');
}

/** A generated file: text, or an image (compared by its pixels, since zlib's bytes may differ between Node versions). */
export type GeneratedFile = string | RgbaImage;

/** Every generated file that is also committed under examples/, by its path relative to dist/sheets/. */
export async function generatedFiles(): Promise<Record<string, GeneratedFile>> {
  const functionsTs = excelFunctionsTs();
  return {
    'excel/functions.ts': functionsTs,
    'excel/functions.json': await excelMetadataJson(functionsTs),
    ...Object.fromEntries(EXCEL_ICON_SIZES.map((size) => [`excel/assets/icon-${size}.png`, excelIcon(size)])),
    'google-sheets/dealerkit-functions.js': appsScript(),
    ...Object.fromEntries(ENGINES.map((m) => [engineFiles(m).wrappers, appsScript(engineFunctions(m), engineLibrary(m))])),
  };
}

/** Where the committed copy of a generated file lives. */
export function exampleCopy(path: string): string {
  return path.startsWith('excel/') ? `examples/excel-addin/${path.slice('excel/'.length)}` : `examples/google-sheets/${path.slice('google-sheets/'.length)}`;
}

/** Hand-written add-in files that ship beside the generated ones in dist/sheets/excel/. */
export const EXCEL_STATIC_FILES = ['manifest.xml', 'functions.html'] as const;

/** Whether a committed file holds what the generator makes (images: the same size and pixels). */
export function sameAsGenerated(committed: Buffer, generated: GeneratedFile): boolean {
  if (typeof generated === 'string') return committed.toString('utf8') === generated;
  try {
    const image = decodePng(committed);
    return image.width === generated.width && image.height === generated.height && Buffer.from(image.rgba).equals(Buffer.from(generated.rgba));
  } catch {
    return false;
  }
}

function write(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

function bytes(file: GeneratedFile): string | Buffer {
  return typeof file === 'string' ? file : encodePng(file);
}

async function main(argv: readonly string[]): Promise<number> {
  const files = await generatedFiles();
  if (argv.includes('--check')) {
    const stale = Object.entries(files).filter(([path, file]) => {
      try {
        return !sameAsGenerated(readFileSync(join(ROOT, exampleCopy(path))), file);
      } catch {
        return true;
      }
    });
    for (const [path] of stale) process.stderr.write(`stale: ${exampleCopy(path)} (run npx tsx test/tools/sheets-generate.ts --examples)\n`);
    return stale.length === 0 ? 0 : 1;
  }
  const dist = join(ROOT, 'dist', 'sheets');
  for (const [path, file] of Object.entries(files)) write(join(dist, path), bytes(file));
  for (const name of EXCEL_STATIC_FILES) copyFileSync(join(ROOT, 'examples', 'excel-addin', name), join(dist, 'excel', name));
  for (const m of ENGINES) write(join(dist, engineFiles(m).bundle), engineBundle(m));
  if (argv.includes('--examples')) for (const [path, file] of Object.entries(files)) write(join(ROOT, exampleCopy(path)), bytes(file));
  process.stdout.write(`sheets: generated ${Object.keys(files).length} files and ${ENGINES.length} Apps Script bundles for ${SHEET_FUNCTIONS.length} functions\n`);
  return 0;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
