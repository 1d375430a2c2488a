// Generates every spreadsheet host's files from the one manifest of dealerkit/sheets
// (src/sheets/manifest.ts, SHEET_FUNCTIONS):
//   - Excel: functions.json (custom-functions metadata) and the add-in's functions.ts (top-level
//     function declarations with literal primitive types and @customfunction tags, each a call of
//     dealerkit/sheets), so Office's metadata generator and the hand-written JSON agree;
//   - Google Sheets: an Apps Script file of top-level DK_* wrappers over the IIFE's global Dealerkit.
// Usage:
//   npx tsx test/tools/sheets-generate.ts              writes dist/sheets/{excel,google-sheets}/ (run by tsup's onSuccess)
//   npx tsx test/tools/sheets-generate.ts --examples   also refreshes the committed copies in examples/
//   npx tsx test/tools/sheets-generate.ts --check      exits 1 when the committed copies are stale
// The HyperFormula plugin is built from the same manifest at test time (test/sheets/hf.ts): it is
// GPL-licensed and never shipped.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHEET_FUNCTIONS, SHEET_NAMESPACE, type SheetFunctionSpec, type SheetParameterSpec, type SheetParameterType } from '../../src/sheets/manifest.js';

const HEADER = 'Generated from the dealerkit/sheets manifest (src/sheets/manifest.ts) by test/tools/sheets-generate.ts: do not edit.';

/** The Excel custom-functions metadata (functions.json). */
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

/** functions.json as written: two-space JSON and a final newline. */
export function excelMetadataJson(functions: readonly SheetFunctionSpec[] = SHEET_FUNCTIONS): string {
  return `${JSON.stringify(excelMetadata(functions), null, 2)}\n`;
}

/** The JavaScript name of the Excel function: `REBATE.TIER` → `rebateTier`. */
export function excelFunctionName(f: SheetFunctionSpec): string {
  const words = f.name.toLowerCase().split(/[._]/);
  return words.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('');
}

function tsType(type: SheetParameterType, matrix: boolean): string {
  return matrix ? `${type}[][]` : type;
}

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

/** The Excel add-in's functions.ts. */
export function excelFunctionsTs(functions: readonly SheetFunctionSpec[] = SHEET_FUNCTIONS): string {
  const out: string[] = [
    `// ${HEADER}`,
    `// Excel custom functions under the namespace ${SHEET_NAMESPACE} (set in the add-in manifest): =${SHEET_NAMESPACE}.REBATE(...).`,
    '// A failure becomes the cell error of dealerkit/sheets\' one mapping (toSheetError): #VALUE! and #N/A',
    '// carry the message; Excel shows no custom message on #NUM!.',
    "import * as dk from 'dealerkit/sheets';",
    '',
    '/** Turns a dealerkit failure into the Excel error of the same kind. */',
    'function excelError(error: unknown): CustomFunctions.Error {',
    '  const e = dk.toSheetError(error);',
    "  if (e.error === '#NUM!') return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);",
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
      ...wrap(f.description, ' * '),
      ` * @customfunction ${f.name} ${f.name}`,
      ...f.parameters.flatMap((q) => wrap(`${q.name} ${q.description}`, ` * @param `).map((l, i) => (i === 0 ? l : ` *   ${l.slice(3).trimStart()}`))),
      ...wrap(f.result.description, ' * @returns '),
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

function jsDocType(q: Pick<SheetParameterSpec, 'type' | 'dimensionality'>): string {
  const scalar = q.type === 'any' ? '*' : q.type;
  return q.dimensionality === 'matrix' ? `Array<Array<${scalar}>>` : scalar;
}

/** The Apps Script file: one top-level `function DK_...` per manifest entry over the IIFE's global `Dealerkit`. */
export function appsScript(functions: readonly SheetFunctionSpec[] = SHEET_FUNCTIONS): string {
  const out: string[] = [
    `// ${HEADER}`,
    '// Google Sheets custom functions: =DK_REBATE(...), =DK_SPLIT(...). Add dealerkit.iife.js to the same',
    '// Apps Script project (it defines the global Dealerkit); this file calls it.',
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
      `  return dealerkitCall_('${f.exportName}', [${args}]);`,
      '}',
    );
  }
  out.push(
    '',
    '/**',
    ' * Calls a dealerkit spreadsheet function. Date cells arrive as Date objects at midnight in the',
    " * spreadsheet's time zone, so they are read as that calendar date; a failure becomes an Error whose",
    ' * message starts with its cell error (#VALUE!, #NUM! or #N/A), shown when hovering the #ERROR! cell.',
    ' */',
    'function dealerkitCall_(name, args) {',
    '  var timeZone = dealerkitTimeZone_();',
    '  var hostArgs = [];',
    '  for (var i = 0; i < args.length; i++) hostArgs.push(dealerkitDates_(args[i], timeZone));',
    '  try {',
    '    return Dealerkit[name].apply(null, hostArgs);',
    '  } catch (error) {',
    '    var e = Dealerkit.toSheetError(error);',
    "    throw new Error(e.error + ' ' + e.message);",
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

/** Every generated file, by its path relative to a destination folder. */
export function generatedFiles(): Record<string, string> {
  return {
    'excel/functions.json': excelMetadataJson(),
    'excel/functions.ts': excelFunctionsTs(),
    'google-sheets/dealerkit-functions.js': appsScript(),
  };
}

/** Where the committed copies live, by generated path. */
export const EXAMPLE_COPIES: Readonly<Record<string, string>> = {
  'excel/functions.json': 'examples/excel-addin/functions.json',
  'excel/functions.ts': 'examples/excel-addin/functions.ts',
  'google-sheets/dealerkit-functions.js': 'examples/google-sheets/dealerkit-functions.js',
};

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

function main(argv: readonly string[]): number {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const files = generatedFiles();
  if (argv.includes('--check')) {
    const stale = Object.entries(EXAMPLE_COPIES).filter(([from, to]) => {
      try {
        return readFileSync(join(root, to), 'utf8') !== files[from];
      } catch {
        return true;
      }
    });
    for (const [, to] of stale) process.stderr.write(`stale: ${to} (run npx tsx test/tools/sheets-generate.ts --examples)\n`);
    return stale.length === 0 ? 0 : 1;
  }
  for (const [path, text] of Object.entries(files)) write(join(root, 'dist', 'sheets', path), text);
  if (argv.includes('--examples')) for (const [from, to] of Object.entries(EXAMPLE_COPIES)) write(join(root, to), files[from]!);
  process.stdout.write(`sheets: generated ${Object.keys(files).length} files for ${SHEET_FUNCTIONS.length} functions\n`);
  return 0;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv.slice(2));
