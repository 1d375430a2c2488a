import { transformSync } from 'esbuild';
import { expect } from 'vitest';
import { DealerkitError, formatPath } from 'dealerkit';

/** Runs `fn`, expects a DealerkitError, and returns it. */
export function errorOf(fn: () => unknown): DealerkitError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DealerkitError);
    return error as DealerkitError;
  }
  throw new Error('expected a DealerkitError');
}

/** The error's issues as `path: message` lines, formatted like its message. */
export function issuesOf(fn: () => unknown): string[] {
  return errorOf(fn).issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
}

/** Targets of a list of periods as strings. */
export function targets(list: readonly { target: { toString(): string } }[]): string[] {
  return list.map((p) => p.target.toString());
}

/** n copies of a value. */
export function times<T>(n: number, value: T): T[] {
  return new Array<T>(n).fill(value);
}

/** The error's issues as `[path, code]` pairs. */
export function codesOf(fn: () => unknown): [string, string][] {
  return errorOf(fn).issues.map((i) => [formatPath(i.path), i.code]);
}

/** The block with its imports removed and each `expr; //=> value` turned into a check. */
export function instrument(block: string): { code: string; checks: number } {
  const lines = block.replace(/^import [\s\S]*? from '[^']+';\n/gm, '').split('\n');
  let checks = 0;
  for (let i = 0; i < lines.length; i++) {
    const trailing = /^(\s*)(.*?);\s*\/\/=> (.*)$/.exec(lines[i]!);
    const own = /^(\s*)\/\/=> (.*)$/.exec(lines[i]!);
    if (trailing) {
      lines[i] = `${trailing[1]}__check(${trailing[2]}, ${trailing[3]});`;
      checks++;
    } else if (own) {
      const prev = /^(\s*)(.*);\s*$/.exec(lines[i - 1]!);
      if (!prev) throw new Error(`a //=> without an expression before it: ${lines[i]}`);
      lines[i - 1] = `${prev[1]}__check(${prev[2]}, ${own[2]});`;
      lines[i] = '';
      checks++;
    }
  }
  return { code: lines.join('\n'), checks };
}

/**
 * Runs a TypeScript example with the given exports in scope, checking every `//=>` against what
 * the expression before it gives (as JSON), and that every one was reached.
 */
export function runExample(block: string, exports: object): void {
  const { code, checks } = instrument(block);
  const js = transformSync(code, { loader: 'ts' }).code;
  let reached = 0;
  const check = (actual: unknown, expected: unknown) => {
    reached++;
    expect(JSON.parse(JSON.stringify(actual))).toEqual(expected);
  };
  const names = Object.keys(exports);
  new Function('__check', ...names, js)(check, ...names.map((k) => (exports as Record<string, unknown>)[k]));
  expect(reached).toBe(checks);
}
