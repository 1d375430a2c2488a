// Short functions (issue 15): no function over 120 lines and no file over 500 lines in src/, with
// the allow-list below (each entry says why). Functions are found with the TypeScript compiler's
// parser: declarations, methods, accessors, constructors, function expressions and arrows; a
// function's length runs from its first line to its last, nested functions included.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
const MAX_FUNCTION_LINES = 120;
const MAX_FILE_LINES = 500;

/**
 * Files (path under src/) and functions (`path#name`) allowed to be longer, each with its reason.
 * An entry that is no longer needed fails the last test, so the list only shrinks.
 */
const ALLOWED: Record<string, string> = {
  // Empty since the issue 15 splits: every function and file of src/ is within the limits.
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

export interface FunctionSize {
  name: string;
  lines: number;
}

/** Every function of a file with its length in lines; anonymous ones are named by where they stand. */
export function functionSizes(fileName: string, text: string): FunctionSize[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: FunctionSize[] = [];
  const lineOf = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line;
  const nameOf = (node: ts.Node): string => {
    const named = node as ts.Node & { name?: ts.Node };
    if (named.name && (ts.isIdentifier(named.name) || ts.isStringLiteral(named.name) || ts.isPrivateIdentifier(named.name))) return named.name.text;
    if (ts.isConstructorDeclaration(node)) return 'constructor';
    const parent = node.parent;
    if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
    if (parent && ts.isPropertyAssignment(parent) && (ts.isIdentifier(parent.name) || ts.isStringLiteral(parent.name))) return parent.name.text;
    return `${outer.length > 0 ? outer[outer.length - 1] : '(top)'}/(anonymous)`;
  };
  // The names of the enclosing functions: an anonymous one is named after its parent (stable across edits).
  const outer: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isFunctionDeclaration(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isConstructorDeclaration(node) ||
      ts.isGetAccessorDeclaration(node) ||
      ts.isSetAccessorDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node)
    ) {
      const body = (node as ts.FunctionLikeDeclaration).body;
      const name = nameOf(node);
      if (body !== undefined) out.push({ name, lines: lineOf(node.getEnd()) - lineOf(node.getStart(sf)) + 1 });
      outer.push(name);
      ts.forEachChild(node, visit);
      outer.pop();
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function lineCount(text: string): number {
  const n = text.split('\n').length;
  return text.endsWith('\n') ? n - 1 : n;
}

interface Oversize {
  key: string;
  lines: number;
  limit: number;
}

function oversizes(): Oversize[] {
  const found: Oversize[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    const path = relative(SRC, file).split('\\').join('/');
    const lines = lineCount(text);
    if (lines > MAX_FILE_LINES) found.push({ key: path, lines, limit: MAX_FILE_LINES });
    for (const f of functionSizes(file, text)) {
      if (f.lines > MAX_FUNCTION_LINES) found.push({ key: `${path}#${f.name}`, lines: f.lines, limit: MAX_FUNCTION_LINES });
    }
  }
  return found;
}

describe('sizes: short functions and files in src/', () => {
  it('the measure counts a function from its first line to its last, whatever its form', () => {
    const text = [
      'export function a() {', // 1
      '  const inner = () => {', // 2
      '    return 1;', // 3
      '  };', // 4
      '  return inner();', // 5
      '}', // 6
      'const b = function () { return 2; };', // 7
      'class C {', // 8
      '  m() {', // 9
      '    return 3;', // 10
      '  }', // 11
      '}', // 12
      'declare function d(): void;', // 13: no body, not a function to measure
    ].join('\n');
    expect(functionSizes('/x.ts', text)).toEqual([
      { name: 'a', lines: 6 },
      { name: 'inner', lines: 3 },
      { name: 'b', lines: 1 },
      { name: 'm', lines: 3 },
    ]);
    expect(lineCount('a\nb\n')).toBe(2);
    expect(lineCount('a\nb')).toBe(2);
  });

  it(`no function over ${MAX_FUNCTION_LINES} lines and no file over ${MAX_FILE_LINES} lines, but those allowed`, () => {
    const offending = oversizes()
      .filter((o) => ALLOWED[o.key] === undefined)
      .map((o) => `${o.key}: ${o.lines} lines (limit ${o.limit})`);
    expect(offending).toEqual([]);
  });

  it('every allow-list entry is still needed (split files leave the list)', () => {
    const over = new Set(oversizes().map((o) => o.key));
    const stale = Object.keys(ALLOWED).filter((k) => !over.has(k));
    expect(stale).toEqual([]);
  });
});
