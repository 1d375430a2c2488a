import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NOTEBOOK, runNotebook, savedOutputs } from './notebook.js';

describe('examples/notebook.ipynb (Deno kernel)', () => {
  const nb = JSON.parse(readFileSync(NOTEBOOK, 'utf8')) as { metadata: { kernelspec: { name: string } }; cells: { cell_type: string; source: string[] }[] };

  it("is a Deno notebook that imports the published ESM package", () => {
    expect(nb.metadata.kernelspec.name).toBe('deno');
    const code = nb.cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join('')).join('\n');
    expect(code).toMatch(/from "npm:dealerkit@\d/);
    expect(code).not.toMatch(/from "\.\.?\//);
  });

  it('runs every cell in order (each asserts its key figures) and shows the outputs saved in the notebook', () => {
    const outputs = runNotebook();
    expect(outputs).toEqual(savedOutputs());
    // The seeds' scenario, as shown: exact months, the KPI score by stage, the rebate at 95 %.
    const all = outputs.flat().join('\n');
    expect(all).toContain('Months sum to **100,000,000**');
    expect(all).toContain('Score: **109.17** at launch (Silver), **103.44** at maturity (Silver).');
    expect(all).toContain('| 9,500,000 | 95 % | 95,000 | 5,000 | 500,000 |');
  });
});
