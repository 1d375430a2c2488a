// docs/design.md, the guide to designing a program before paying it, runs as written: its code blocks run in
// order in one scope, and every statement followed by a `//=> value` line must give that value.
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as design from 'dealerkit/design';
import * as rebates from 'dealerkit/rebates';

const section = readFileSync('docs/design.md', 'utf8');
const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

/** Each expression statement followed by a `//=>` line, rewritten into a check of its value. */
function instrument(code: string): { js: string; checks: number } {
  const source = ts.createSourceFile('block.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const edits: { start: number; end: number; text: string }[] = [];
  for (const stmt of source.statements) {
    const m = /^[ \t]*\r?\n?[ \t]*\/\/=> ?(.*)$/m.exec(code.slice(stmt.end));
    if (!m || code.slice(stmt.end, stmt.end + m.index).trim() !== '') continue;
    let target: ts.Statement | undefined = stmt;
    if (ts.isTryStatement(stmt)) target = stmt.catchClause!.block.statements.at(-1);
    if (target === undefined || !ts.isExpressionStatement(target)) throw new Error(`//=> must follow an expression: ${stmt.getText()}`);
    edits.push({ start: target.getStart(), end: target.end, text: `__check((${target.expression.getText()}), ${JSON.stringify(m[1]!.trim())});` });
  }
  let out = code;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  const js = ts.transpileModule(out, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  return { js: js.replace(/^(const|let) /gm, 'var '), checks: edits.length };
}

describe('docs/design.md: designing a program before paying it', () => {
  it('has its code blocks', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
  });

  it('every block runs and shows what it gives', () => {
    let checks = 0;
    const failures: string[] = [];
    const check = (actual: unknown, expectedText: string): void => {
      const expected = new Function(`return (${expectedText});`)() as unknown;
      try {
        expect(JSON.parse(JSON.stringify(actual))).toEqual(JSON.parse(JSON.stringify(expected)));
      } catch {
        failures.push(`expected ${expectedText}\n     got ${JSON.stringify(actual)}`);
      }
    };
    const require = (name: string) => {
      if (name === 'dealerkit/rebates') return rebates;
      if (name === 'dealerkit/design') return design;
      throw new Error(`the guide imports ${name}`);
    };
    const source = blocks.map((b) => {
      const { js, checks: n } = instrument(b);
      checks += n;
      return js;
    });
    new Function('__check', 'require', 'exports', source.join('\n'))(check, require, {});
    expect(failures).toEqual([]);
    expect(checks).toBeGreaterThanOrEqual(12);
  });
});
