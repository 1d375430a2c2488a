import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as sheets from 'dealerkit/sheets';
import { SHEET_FUNCTIONS, SHEET_NAMESPACE } from 'dealerkit/sheets';
import {
  appsScript,
  ENGINES,
  engineFunctions,
  engineLibrary,
  excelFunctionName,
  excelFunctionsTs,
  excelMetadata,
} from '../tools/sheets-generate.js';
import { validateJsonSchema } from './json-schema.js';

const schema = JSON.parse(readFileSync('test/sheets/custom-functions.schema.json', 'utf8'));
const exported = sheets as unknown as Record<string, unknown>;

describe('the manifest', () => {
  it('names every function once, as an Excel id (letters, digits, periods) under the DK namespace', () => {
    expect(SHEET_NAMESPACE).toBe('DK');
    const names = SHEET_FUNCTIONS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const f of SHEET_FUNCTIONS) {
      expect(f.name).toMatch(/^[A-Z][A-Z0-9]*(\.[A-Z][A-Z0-9]*)*$/);
      expect(f.exportName).toBe(`DK_${f.name.replace(/\./g, '_')}`);
    }
  });

  it('maps every entry to an exported function taking exactly its parameters (no default parameters), and every DK_ export to an entry', () => {
    for (const f of SHEET_FUNCTIONS) {
      const impl = exported[f.exportName];
      expect(typeof impl, f.exportName).toBe('function');
      // Function.length stops at the first default parameter: equal counts prove there is none.
      expect((impl as (...a: unknown[]) => unknown).length, f.exportName).toBe(f.parameters.length);
    }
    const dk = Object.keys(exported).filter((k) => k.startsWith('DK_'));
    expect(dk.sort()).toEqual(SHEET_FUNCTIONS.map((f) => f.exportName).sort());
  });

  it('lists required parameters before optional ones, with unique identifier names and short descriptions', () => {
    for (const f of SHEET_FUNCTIONS) {
      const optional = f.parameters.map((q) => q.optional);
      expect(optional, f.name).toEqual([...optional].sort((a, b) => Number(a) - Number(b)));
      const names = f.parameters.map((q) => q.name);
      expect(new Set(names).size, f.name).toBe(names.length);
      for (const q of f.parameters) {
        expect(q.name).toMatch(/^[a-z][A-Za-z0-9]*$/);
        expect(q.description.length, `${f.name}.${q.name}`).toBeLessThanOrEqual(128);
      }
      expect(f.description.length).toBeLessThanOrEqual(1024);
      if (f.result.shape.kind === 'sameAs' || f.result.shape.kind === 'rowsOf') {
        expect(names, f.name).toContain(f.result.shape.parameter);
      }
      expect(f.result.shape.kind === 'cell', f.name).toBe(f.result.dimensionality === 'scalar');
    }
  });

  it('says what every function returns and what every parameter is, each a sentence ending in a full stop (the @returns and @param lines of the generated files)', () => {
    for (const f of SHEET_FUNCTIONS) {
      expect(f.result.description, f.name).toMatch(/^\S.{4,126}\.$/);
      for (const q of f.parameters) expect(q.description, `${f.name}.${q.name}`).toMatch(/^\S.{4,126}\.$/);
    }
  });

  it('is frozen data', () => {
    expect(Object.isFrozen(SHEET_FUNCTIONS)).toBe(true);
    for (const f of SHEET_FUNCTIONS) {
      expect(Object.isFrozen(f)).toBe(true);
      expect(Object.isFrozen(f.parameters)).toBe(true);
    }
    expect(JSON.parse(JSON.stringify(SHEET_FUNCTIONS))).toEqual(SHEET_FUNCTIONS);
  });
});

describe('generated Excel metadata (functions.json)', () => {
  it('is valid against the custom-functions JSON schema', () => {
    expect(validateJsonSchema(schema, excelMetadata())).toEqual([]);
  });

  it('the validator rejects what Excel rejects (so the check above means something)', () => {
    const bad = {
      functions: [
        { id: '1BAD', name: 'OK', parameters: [{ name: 'x', type: 'Decimal', dimensionality: 'vector' }], result: { type: 'number' }, extra: 1 },
      ],
    };
    expect(validateJsonSchema(schema, bad)).toEqual([
      '/functions/0/id: does not match ^[a-zA-Z][a-zA-Z0-9._]*$',
      '/functions/0/name: shorter than 3',
      '/functions/0/parameters/0/type: must be one of ["boolean","number","string","any"]',
      '/functions/0/parameters/0/dimensionality: must be one of ["scalar","matrix"]',
      '/functions/0: unknown property extra',
    ]);
    expect(validateJsonSchema(schema, { functions: [{ id: 'ABC', name: 'ABC', parameters: [] }] })).toEqual(['/functions/0: missing result']);
    expect(validateJsonSchema(schema, [])).toEqual(['/: must be object, is array']);
  });

  it('carries every manifest entry: id = name, parameters with type, dimensionality and optionality', () => {
    const json = excelMetadata() as { functions: { id: string; name: string; parameters: { name: string; optional?: boolean }[] }[] };
    expect(json.functions.map((f) => f.id)).toEqual(SHEET_FUNCTIONS.map((f) => f.name));
    expect(json.functions.map((f) => f.name)).toEqual(SHEET_FUNCTIONS.map((f) => f.name));
    json.functions.forEach((f, i) => {
      expect(f.parameters.map((q) => q.name)).toEqual(SHEET_FUNCTIONS[i]!.parameters.map((q) => q.name));
      expect(f.parameters.map((q) => q.optional === true)).toEqual(SHEET_FUNCTIONS[i]!.parameters.map((q) => q.optional));
    });
  });
});

describe("generated Excel add-in functions.ts (what Office's metadata generator reads)", () => {
  const ts = excelFunctionsTs();

  it('declares each function at top level with literal primitive types, a @customfunction id name tag, one call of dealerkit/sheets', () => {
    for (const f of SHEET_FUNCTIONS) {
      const name = excelFunctionName(f);
      const decl = new RegExp(`^export function ${name}\\((.*)\\): (.*) \\{$`, 'm').exec(ts);
      expect(decl, name).not.toBeNull();
      const params = decl![1]! === '' ? [] : decl![1]!.split(', ');
      params.forEach((param, i) => {
        const q = f.parameters[i]!;
        expect(param).toBe(`${q.name}${q.optional ? '?' : ''}: ${q.type}${q.dimensionality === 'matrix' ? '[][]' : ''}`);
      });
      expect(decl![2]).toBe(`${f.result.type}${f.result.dimensionality === 'matrix' ? '[][]' : ''}`);
      expect(ts).toContain(` * @customfunction ${f.name} ${f.name}\n`);
      expect(ts).toContain(`  try { return dk.${f.exportName}(${f.parameters.map((q) => q.name).join(', ')}); } catch (error) { throw excelError(error); }\n`);
    }
  });

  it('has no type aliases, Decimal, arrow functions or default parameters, which the metadata generator rejects', () => {
    const code = ts
      .split('\n')
      .filter((line) => !/^\s*(\/\/|\/\*\*|\*)/.test(line))
      .join('\n');
    expect(code).not.toMatch(/^\s*(export )?type /m);
    expect(code).not.toMatch(/Decimal/);
    expect(code).not.toMatch(/=>/);
    expect(code).not.toMatch(/\w+\??: [\w[\]]+ = /);
  });

  it('uses names JavaScript allows and Excel keeps distinct', () => {
    const names = SHEET_FUNCTIONS.map(excelFunctionName);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[a-z][A-Za-z0-9]*$/);
  });

  it('writes every description whole on one line and never starts a line with a tag that is not one (the metadata generator cuts a description at a line starting with @)', () => {
    const lines = ts.split('\n');
    for (const f of SHEET_FUNCTIONS) {
      expect(lines, f.name).toContain(` * ${f.description}`);
      for (const q of f.parameters) expect(lines, `${f.name}.${q.name}`).toContain(` * @param ${q.name} ${q.description}`);
    }
    const tagLines = lines.filter((l) => /^\s*\*\s*@/.test(l));
    const expected = SHEET_FUNCTIONS.reduce((n, f) => n + 2 + f.parameters.length, 0); // @customfunction, @param each, @returns
    expect(tagLines).toHaveLength(expected);
    for (const l of tagLines) expect(l).toMatch(/^ \* @(customfunction|param|returns) /);
  });
});

describe('generated Apps Script wrappers', () => {
  const gs = appsScript();

  it('declares a top-level function per entry, with JSDoc @customfunction, calling the IIFE global of the same name', () => {
    for (const f of SHEET_FUNCTIONS) {
      const args = f.parameters.map((q) => q.name).join(', ');
      expect(gs).toContain(` * @customfunction\n */\nfunction ${f.exportName}(${args}) {\n  return dealerkitCall_(dealerkit_(), '${f.exportName}', [${args}]);\n}\n`);
      for (const q of f.parameters) expect(gs).toContain(` ${q.optional ? `[${q.name}]` : q.name} ${q.description}\n`);
    }
    // Apps Script hides functions whose name ends with an underscore: only the helpers do.
    const declared = [...gs.matchAll(/^function (\w+)\(/gm)].map((m) => m[1]!);
    expect(declared.filter((n) => !n.endsWith('_'))).toEqual(SHEET_FUNCTIONS.map((f) => f.exportName));
    expect(declared.filter((n) => n.endsWith('_'))).toEqual(['dealerkit_', 'dealerkitCall_', 'dealerkitTimeZone_', 'dealerkitDates_']);
  });

  it('has one file per engine: its own functions and DK_SPLIT, over the global of its bundle (DealerkitRebates, ...)', () => {
    const covered = new Set<string>();
    for (const m of ENGINES) {
      const file = appsScript(engineFunctions(m), engineLibrary(m));
      const declared = [...file.matchAll(/^function (\w+)\(/gm)].map((x) => x[1]!);
      const names = engineFunctions(m).map((f) => f.exportName);
      expect(names, m).toContain('DK_SPLIT');
      expect(declared.filter((n) => !n.endsWith('_'))).toEqual(names);
      const getter = `dealerkit${m.charAt(0).toUpperCase()}${m.slice(1)}_`;
      expect(declared.filter((n) => n.endsWith('_'))).toEqual([getter, 'dealerkitCall_', 'dealerkitTimeZone_', 'dealerkitDates_']);
      expect(file).toContain(`typeof ${engineLibrary(m).global} === 'undefined'`);
      for (const n of names) covered.add(n);
    }
    // Every function is in some engine's file.
    expect([...covered].sort()).toEqual(SHEET_FUNCTIONS.map((f) => f.exportName).sort());
  });

  it('defines its shared helpers identically in every file, so the files of several bundles can sit in one project', () => {
    const helpers = (file: string) => file.slice(file.indexOf('/**\n * Calls a dealerkit spreadsheet function.'));
    const all = helpers(gs);
    expect(all.length).toBeGreaterThan(500);
    for (const m of ENGINES) expect(helpers(appsScript(engineFunctions(m), engineLibrary(m)))).toBe(all);
  });

  it('is ES5-safe script text (no import, export, let, const or arrows) for the Apps Script runtime', () => {
    for (const file of [gs, ...ENGINES.map((m) => appsScript(engineFunctions(m), engineLibrary(m)))]) {
      expect(file).not.toMatch(/^\s*(import|export) /m);
      expect(file).not.toMatch(/\b(let|const)\s/);
      expect(file).not.toMatch(/=>/);
    }
  });
});
