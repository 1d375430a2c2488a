// Layering without cycles (issue 15): types/schema → define → kernel → engine → batch → sheets.
// Every module of src/ is read with the TypeScript compiler's parser (no type checking), and every
// edge is collected: `import`, `import type`, `export … from`, `export * from`, `import('…')` in
// types and dynamic `import()`. A strongly connected component of two or more files (or a file that
// imports itself) is a cycle, and the test names each one with the edges that close it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

/**
 * Folders whose cycles other owners of issue 15 are still breaking while this test landed: a cycle
 * wholly inside one of them is reported by the last test only while it lasts. The list only shrinks.
 */
const PENDING: Record<string, string> = {
  'statements/': 'statements/build.ts ↔ messages.ts: being broken by issue 15 (H1)',
  'design/': 'design/network.ts ↔ pricing.ts: being broken by issue 15 (H1)',
};

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Every module specifier a file names, type-only ones included. */
export function specifiersOf(fileName: string, text: string): string[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      found.push(node.moduleReference.expression.text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push(node.argument.literal.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** A relative specifier to the file it names (`./x.js` → `x.ts`, `./dir` → `dir/index.ts`); others are outside src. */
function resolveSpecifier(from: string, spec: string, files: Set<string>): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  const candidates = [base.replace(/\.(m?js)$/, '.ts'), `${base}.ts`, join(base, 'index.ts'), base];
  for (const c of candidates) if (files.has(c)) return c;
  throw new Error(`${relative(SRC, from)} imports ${spec}, which names no file of src/`);
}

type Graph = Map<string, string[]>;

export function importGraph(files: string[], read: (file: string) => string): Graph {
  const set = new Set(files);
  const graph: Graph = new Map();
  for (const f of files) {
    const targets = specifiersOf(f, read(f))
      .map((s) => resolveSpecifier(f, s, set))
      .filter((t): t is string => t !== undefined);
    graph.set(f, [...new Set(targets)]);
  }
  return graph;
}

/** Tarjan's strongly connected components; returns those that form a cycle. */
export function cyclesOf(graph: Graph): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  const strong = (v: string): void => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) strong(v);
  return out;
}

/** One shortest cycle through the component's first file, as `a.ts → b.ts → a.ts`, and the component's size. */
function describeCycle(graph: Graph, component: string[]): string {
  const inside = new Set(component);
  const start = component[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  let closing: string | undefined;
  while (queue.length > 0 && closing === undefined) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!inside.has(w)) continue;
      if (w === start) {
        closing = v;
        break;
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  const path = [start];
  for (let v = closing!; v !== start; v = previous.get(v)!) path.splice(1, 0, v);
  path.push(start);
  return `${path.map((f) => relative(SRC, f)).join(' → ')} (a knot of ${component.length} files)`;
}

describe('layering: no import cycles in src/', () => {
  it('the checker sees every kind of import edge (a hand-written cycle through each is found)', () => {
    // Hand-made files: a → b by `import type`, b → c by `export * from`, c → a by `import('…')` in a type.
    const texts: Record<string, string> = {
      '/x/a.ts': "import type { B } from './b.js';\nexport type A = B;",
      '/x/b.ts': "export * from './c.js';\nexport type B = number;",
      '/x/c.ts': "export type C = import('./a.js').A;",
      '/x/d.ts': "export const d = () => import('./e.js');",
      '/x/e.ts': "import { d } from './d';\nexport const e = d;",
      '/x/f.ts': "import { z } from 'zod/mini';\nexport const f = z;",
    };
    const graph = importGraph(Object.keys(texts), (f) => texts[f]!);
    expect(cyclesOf(graph).map((c) => c.map((f) => f.slice(3)))).toEqual([
      ['a.ts', 'b.ts', 'c.ts'],
      ['d.ts', 'e.ts'],
    ]);
  });

  it('no file of src/ reaches itself through its imports (type-only imports included)', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(50);
    const graph = importGraph(files, (f) => readFileSync(f, 'utf8'));
    const pendingOf = (c: string[]) => Object.keys(PENDING).find((folder) => c.every((f) => relative(SRC, f).startsWith(folder)));
    const cycles = cyclesOf(graph)
      .filter((c) => pendingOf(c) === undefined)
      .map((c) => describeCycle(graph, c));
    expect(cycles).toEqual([]);
  });

  it('every pending folder still has a cycle (a broken one leaves the list)', () => {
    const graph = importGraph(sourceFiles(SRC), (f) => readFileSync(f, 'utf8'));
    const knotted = new Set(cyclesOf(graph).flatMap((c) => Object.keys(PENDING).filter((folder) => c.every((f) => relative(SRC, f).startsWith(folder)))));
    expect(Object.keys(PENDING).filter((folder) => !knotted.has(folder))).toEqual([]);
  });
});
