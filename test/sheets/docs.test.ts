// docs/sheets.md is part of the contract: every function is documented, and every example formula
// in its tables is evaluated here, as written, in HyperFormula, and must give the result shown.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHEET_FUNCTIONS, SHEET_NAMESPACE } from 'dealerkit/sheets';
import { formulaName, valueAt, valuesAt, workbook } from './hf.js';

const guide = readFileSync('docs/sheets.md', 'utf8');
const examples = [...guide.matchAll(/^\| `(=DK\.[^`]+)` \| `([^`]*)` \|$/gm)].map((m) => ({ formula: m[1]!, result: m[2]! }));

function parse(result: string): unknown {
  if (result.startsWith('[')) return JSON.parse(result);
  const n = Number(result);
  return result !== '' && Number.isFinite(n) ? n : result;
}

function a1(row: number, col: number): string {
  return `${String.fromCharCode(65 + col)}${row + 1}`;
}

describe('docs/sheets.md', () => {
  it('documents every function with its full signature and at least one evaluated example', () => {
    for (const f of SHEET_FUNCTIONS) {
      const params = f.parameters.map((q) => (q.optional ? `[${q.name}]` : q.name));
      const signature = `${formulaName(f)}(${params.join(', ')})`;
      const sameArgs = guide.includes(`\`${formulaName(f)}(...)\` with the same arguments`);
      expect(guide.includes(signature) || sameArgs, signature).toBe(true);
      expect(examples.some((e) => e.formula.startsWith(`=${formulaName(f)}(`)), `an example of ${formulaName(f)}`).toBe(true);
    }
  });

  it(`gives the result shown for each of its example formulas`, () => {
    expect(examples.length).toBeGreaterThanOrEqual(SHEET_FUNCTIONS.length);
    for (const { formula, result } of examples) {
      const hf = workbook({ Sheet1: [[formula]] });
      const expected = parse(result);
      const got = Array.isArray(expected)
        ? valuesAt(hf, `A1:${a1((expected as unknown[][]).length - 1, (expected as unknown[][])[0]!.length - 1)}`)
        : valueAt(hf, 'A1');
      expect(got, formula).toEqual(expected);
      hf.destroy();
    }
  });
});

describe('examples/excel-addin/manifest.xml', () => {
  const xml = readFileSync('examples/excel-addin/manifest.xml', 'utf8');

  it('registers the functions under the DK namespace, from the files the README serves', () => {
    expect(xml).toContain(`<bt:String id="Functions.Namespace" DefaultValue="${SHEET_NAMESPACE}" />`);
    expect(xml).toContain('<ExtensionPoint xsi:type="CustomFunctions">');
    for (const file of ['functions.js', 'functions.json', 'functions.html']) expect(xml).toContain(`https://localhost:3000/${file}`);
  });

  it('requires CustomFunctionsRuntime 1.2, which brings CustomFunctions.Error (the error mapping)', () => {
    expect(xml).toContain('<Set Name="CustomFunctionsRuntime" MinVersion="1.2" />');
  });

  it('is balanced XML (every element opened is closed)', () => {
    const body = xml.replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
    const stack: string[] = [];
    for (const m of body.matchAll(/<(\/?)([\w:]+)[^>]*?(\/?)>/g)) {
      if (m[3] === '/') continue;
      if (m[1] === '/') expect(stack.pop()).toBe(m[2]);
      else stack.push(m[2]!);
    }
    expect(stack).toEqual([]);
  });
});
