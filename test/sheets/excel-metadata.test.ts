// functions.json is what Excel's own tools make of functions.ts: Microsoft's metadata generator
// (custom-functions-metadata, the code behind Office's webpack plugin and its CLI) is run here on
// the committed examples/excel-addin/functions.ts, and its output must be the committed
// functions.json byte for byte, and say what the manifest says (every description whole).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { excelFunctionsTs, excelMetadata } from '../tools/sheets-generate.js';
import { validateJsonSchema } from './json-schema.js';

const committedTs = 'examples/excel-addin/functions.ts';
const committedJson = readFileSync('examples/excel-addin/functions.json', 'utf8');
const schema = JSON.parse(readFileSync('test/sheets/custom-functions.schema.json', 'utf8'));

/** Microsoft's generator on a file, as its CLI runs it (`custom-functions-metadata generate <file>`). */
async function generate(file: string): Promise<string> {
  const result = await generateCustomFunctionsMetadata(file);
  expect(result.errors).toEqual([]);
  return result.metadataJson;
}

/** The lines of `a` and `b` that differ, as `diff` counts them (a line-by-line comparison, enough for equal-length outputs and for zero). */
function changedLines(a: string, b: string): number {
  const x = a.split('\n');
  const y = b.split('\n');
  let n = Math.abs(x.length - y.length);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) n++;
  return n;
}

interface GeneratedFunction {
  id: string;
  name: string;
  description?: string;
  parameters: { name: string; description?: string; type?: string; dimensionality?: string; optional?: boolean }[];
  result: { type?: string; dimensionality?: string };
}

/** The generator's JSON with Excel's defaults written out (type any, dimensionality scalar), as excelMetadata writes them. */
function withDefaults(json: string): unknown {
  const parsed = JSON.parse(json) as { functions: GeneratedFunction[] };
  return {
    functions: parsed.functions.map((f) => ({
      id: f.id,
      name: f.name,
      description: f.description,
      parameters: f.parameters.map((q) => ({
        name: q.name,
        description: q.description,
        type: q.type ?? 'any',
        dimensionality: q.dimensionality ?? 'scalar',
        ...(q.optional === true ? { optional: true } : {}),
      })),
      result: { type: f.result.type ?? 'any', dimensionality: f.result.dimensionality ?? 'scalar' },
    })),
  };
}

describe("functions.json as Microsoft's metadata generator writes it", () => {
  it('is byte for byte the output of custom-functions-metadata on the committed functions.ts (empty diff)', async () => {
    const generated = await generate(committedTs);
    const changed = changedLines(generated, committedJson);
    console.log(`custom-functions-metadata on ${committedTs} vs the committed functions.json: ${changed} lines differ`);
    expect(changed).toBe(0);
    expect(generated).toBe(committedJson);
  });

  it('is generated from the functions.ts the build writes (the committed one is that file)', () => {
    expect(readFileSync(committedTs, 'utf8')).toBe(excelFunctionsTs());
  });

  it('says what the manifest says: every function and parameter description whole, every type, dimensionality and optional flag', () => {
    expect(withDefaults(committedJson)).toEqual(excelMetadata());
  });

  it('is valid against the custom-functions JSON schema', () => {
    expect(validateJsonSchema(schema, JSON.parse(committedJson))).toEqual([]);
  });

  it('would be cut short if a doc line were wrapped so that it starts with @param (the fault this layout avoids)', async () => {
    // A control: the old layout wrapped a long description onto a line that began with "@param";
    // the generator then ends the description there and reads the rest as a parameter of its own.
    const dir = mkdtempSync(join(tmpdir(), 'dealerkit-cfm-control-'));
    try {
      const file = join(dir, 'functions.ts');
      writeFileSync(
        file,
        [
          '/**',
          ' * Adds two numbers.',
          ' * @customfunction ADD ADD',
          ' * @param first The first number, a long description that a wrapper would break',
          ' *   @param here and lose.',
          ' * @param second The second number.',
          ' * @returns The sum.',
          ' */',
          'export function add(first: number, second: number): number {',
          '  return first + second;',
          '}',
          '',
        ].join('\n'),
      );
      const json = JSON.parse(await generateCustomFunctionsMetadata(file).then((r) => r.metadataJson)) as { functions: GeneratedFunction[] };
      expect(json.functions[0]!.parameters[0]!.description).toBe('The first number, a long description that a wrapper would break');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
