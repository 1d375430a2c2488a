// Runs examples/notebook.ipynb (written for Deno's Jupyter kernel) outside Jupyter: the code cells
// in order as one module, with `npm:dealerkit@...` resolved to this repository's sources and a
// stand-in of Deno.jupyter.display that records each cell's markdown. The cells assert their own
// figures; the test also checks that the outputs saved in the notebook are what the cells show.
//   npx tsx test/sheets/notebook.ts --write   refreshes the saved outputs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const NOTEBOOK = join(root, 'examples', 'notebook.ipynb');

interface Cell {
  cell_type: 'code' | 'markdown';
  source: string[];
  outputs?: unknown[];
  execution_count?: number | null;
}

/** The markdown each code cell displays, by cell index (markdown cells and silent cells give []). */
export function runNotebook(): string[][] {
  const nb = JSON.parse(readFileSync(NOTEBOOK, 'utf8')) as { cells: Cell[] };
  const parts = [
    'const __outputs: string[][] = [];',
    'let __cell = 0;',
    '(globalThis as any).Deno = { jupyter: { display: async (bundle: Record<string, string>, options: { raw?: boolean }) => {',
    "  if (!options?.raw) throw new Error('display a raw MIME bundle');",
    "  (__outputs[__cell] ??= []).push(bundle['text/markdown']!);",
    '} } };',
  ];
  nb.cells.forEach((cell, i) => {
    if (cell.cell_type !== 'code') return;
    const source = cell.source
      .join('')
      .replace(/from "npm:dealerkit@[^"/]*(?:\/([a-z]+))?"/g, (_, sub: string | undefined) => `from ${JSON.stringify(join(root, 'src', sub ?? '', 'index.ts'))}`);
    parts.push(`__cell = ${i};`, source);
  });
  parts.push(`console.log('@@OUTPUTS@@' + JSON.stringify(Array.from({ length: ${nb.cells.length} }, (_, i) => __outputs[i] ?? [])));`);
  const file = join(mkdtempSync(join(tmpdir(), 'dealerkit-notebook-')), 'notebook.mts');
  writeFileSync(file, parts.join('\n'));
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const out = execFileSync(npx, ['tsx', file], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const line = out.split('\n').find((l) => l.startsWith('@@OUTPUTS@@'))!;
  return JSON.parse(line.slice('@@OUTPUTS@@'.length)) as string[][];
}

/** The markdown outputs saved in the notebook, by cell index. */
export function savedOutputs(): string[][] {
  const nb = JSON.parse(readFileSync(NOTEBOOK, 'utf8')) as { cells: Cell[] };
  return nb.cells.map((c) =>
    (c.outputs ?? []).map((o) => ((o as { data: Record<string, string[]> }).data['text/markdown'] ?? []).join('')),
  );
}

function write(): void {
  const nb = JSON.parse(readFileSync(NOTEBOOK, 'utf8')) as { cells: Cell[] };
  const outputs = runNotebook();
  let count = 0;
  nb.cells.forEach((cell, i) => {
    if (cell.cell_type !== 'code') return;
    cell.execution_count = ++count;
    cell.outputs = outputs[i]!.map((markdown) => ({
      output_type: 'display_data',
      data: { 'text/markdown': markdown.split(/(?<=\n)/) },
      metadata: {},
    }));
  });
  writeFileSync(NOTEBOOK, `${JSON.stringify(nb, null, 1)}\n`);
  process.stdout.write(`notebook: ${count} code cells, outputs saved\n`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url) && process.argv.includes('--write')) write();
