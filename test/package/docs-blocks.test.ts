// Every code block a reader meets runs, against the packed package as a user installs it:
// - each ```ts / ```js block of README.md and docs/*.md, in the order a reader meets them (the
//   blocks of one page share one scope, as a reader's session would), with each `//=>` value and
//   each printed table (a ```text block right after the code) compared with what the code gives;
// - each @example of the doc comments in src/, in a fresh scope with every export of `dealerkit`
//   in scope, each `//=>` compared likewise.
// A block that must not run (a host-only API, a shell session) is preceded by
// `<!-- not run: <why> -->`; the reason is required.
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext, type Context } from 'node:vm';
import ts from 'typescript';
import { describe, expect, inject, it } from 'vitest';

const consumer = inject('consumer');
const requireFromConsumer = createRequire(join(consumer, 'index.js'));

interface Block {
  /** The page and the line the block starts on. */
  where: string;
  lang: string;
  code: string;
  /** The ```text block right after it: what the code prints. */
  printed: string | undefined;
  /** Why it is not run, when it is marked so. */
  skip: string | undefined;
}

const RUNNABLE = /^(ts|typescript|js|javascript)$/;

/** The fenced blocks of a Markdown page, with their not-run marks and printed output. */
export function blocksOf(page: string, text: string): Block[] {
  const lines = text.split('\n');
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const lang = open[1]!;
    let j = i + 1;
    while (j < lines.length && !/^```\s*$/.test(lines[j]!)) j++;
    const code = lines.slice(i + 1, j).join('\n');
    // The not-run mark is one of the HTML comments right above the block.
    let k = i - 1;
    let mark: RegExpExecArray | null = null;
    while (k >= 0 && (lines[k]!.trim() === '' || /^<!--.*-->$/.test(lines[k]!.trim()))) {
      mark ??= /^<!--\s*not run:\s*(.*?)\s*-->$/.exec(lines[k]!.trim());
      k--;
    }
    let printed: string | undefined;
    let m = j + 1;
    while (m < lines.length && lines[m]!.trim() === '') m++;
    if (m < lines.length && /^```(text|console|output)\s*$/.test(lines[m]!)) {
      let n = m + 1;
      while (n < lines.length && !/^```\s*$/.test(lines[n]!)) n++;
      printed = lines.slice(m + 1, n).join('\n');
    }
    if (RUNNABLE.test(lang)) out.push({ where: `${page}:${i + 1}`, lang, code, printed, skip: mark ? mark[1] : undefined });
    i = j;
  }
  return out;
}

/** True when `text` is a JavaScript expression. */
function parses(text: string): boolean {
  try {
    new Function(`return (${text});`);
    return true;
  } catch {
    return false;
  }
}

/** The value text of a `//=>` line without a trailing note in parentheses (`1.64 (√e: …)`). */
function withoutNote(text: string): string {
  const note = /^(.*?)\s+\([^()]*(?:\([^()]*\)[^()]*)*\)\s*$/.exec(text);
  if (note && parses(note[1]!)) return note[1]!;
  if (parses(text)) return text;
  const m = /^(.*?)\s+\([^()]*(?:\([^()]*\)[^()]*)*\)\s*$/.exec(text);
  return m && parses(m[1]!) ? m[1]! : text;
}

/**
 * Imports as `require` calls, written before transpiling: a block that only imports (the first of a
 * guide, say) must still bind its names for the blocks after it, and TypeScript would drop an
 * import its own block does not use.
 */
function requireImports(code: string): string {
  return code
    .replace(/^import\s+type\s+[^;]*;?$/gm, '')
    .replace(/^import\s*\{([^}]*)\}\s*from\s*(['"][^'"]+['"]);?/gm, (_all, names: string, from: string) => {
      const bound = names
        .split(',')
        .map((n) => n.trim())
        .filter((n) => n !== '' && !n.startsWith('type '))
        .map((n) => n.replace(/\s+as\s+/, ': '));
      return `var { ${bound.join(', ')} } = require(${from});`;
    })
    .replace(/^import\s+\*\s+as\s+(\w+)\s+from\s*(['"][^'"]+['"]);?/gm, 'var $1 = require($2);')
    .replace(/^import\s+(\w+)\s+from\s*(['"][^'"]+['"]);?/gm, 'var $1 = require($2).default ?? require($2);');
}

/** The expression whose value a `//=>` after `stmt` shows: the statement itself, or the last one of a try/catch. */
function lastExpression(stmt: ts.Statement): ts.ExpressionStatement | undefined {
  if (ts.isExpressionStatement(stmt)) return stmt;
  if (ts.isTryStatement(stmt)) {
    const block = stmt.catchClause?.block ?? stmt.tryBlock;
    const last = block.statements[block.statements.length - 1];
    return last === undefined ? undefined : lastExpression(last);
  }
  if (ts.isBlock(stmt)) {
    const last = stmt.statements[stmt.statements.length - 1];
    return last === undefined ? undefined : lastExpression(last);
  }
  return undefined;
}

/**
 * Rewrites each expression statement followed by a `//=> value` comment into a check of its value,
 * then transpiles to a script whose top-level declarations live on in the shared context.
 */
export function instrument(code: string, where: string): { js: string; checks: number } {
  const source = ts.createSourceFile('block.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const edits: { start: number; end: number; text: string }[] = [];
  let checks = 0;
  const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line;
  for (const stmt of source.statements) {
    // The `//=>` comments between this statement and the next (trailing or on following lines).
    const after = code.slice(stmt.end);
    const m = /^[ \t]*(?:\r?\n[ \t]*)?\/\/=> ?(.*)$/m.exec(after);
    if (!m || after.slice(0, m.index).trim() !== '') continue;
    // A value may go on over the following `//` lines (an array of sentences, say).
    let expectedText = m[1]!.trim();
    const rest = after.slice(m.index + m[0].length).split('\n').slice(1);
    for (const line of rest) {
      const more = /^\s*\/\/(?!=>)\s?(.*)$/.exec(line);
      if (!more || parses(expectedText)) break;
      expectedText += ` ${more[1]!.trim()}`;
    }
    const target = lastExpression(stmt);
    if (target === undefined) {
      throw new Error(`${where} (line ${lineOf(stmt.getStart()) + 1}): //=> must follow an expression, not a declaration`);
    }
    edits.push({
      start: target.getStart(),
      end: target.end,
      text: `__check((${target.expression.getText()}), ${JSON.stringify(expectedText)}, ${lineOf(target.getStart()) + 1});`,
    });
    checks++;
  }
  let rewritten = code;
  for (const e of edits.sort((a, b) => b.start - a.start)) rewritten = rewritten.slice(0, e.start) + e.text + rewritten.slice(e.end);
  rewritten = requireImports(rewritten);
  const js = ts.transpileModule(rewritten, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, verbatimModuleSyntax: false },
    reportDiagnostics: false,
  }).outputText;
  // Top-level `const`/`let` become `var`, so a later block of the page sees them (and may reuse a name).
  return { js: js.replace(/^(const|let) /gm, 'var '), checks };
}

/** A scope in which blocks run: the consumer's `require`, a console that records, and the checker. */
function scope(globals: Record<string, unknown> = {}): { context: Context; printed: string[]; failures: string[] } {
  const printed: string[] = [];
  const failures: string[] = [];
  const record = (...args: unknown[]) => printed.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
  const context = createContext({
    // The host's own constructors, so a Date or a typed array made in a block is one the library knows.
    Date, Float64Array, Float32Array, Int32Array, Uint32Array, Uint8Array, Int8Array, Int16Array, Uint16Array, BigInt64Array, Map, Set, Error, TypeError,
    ...globals,
    require: requireFromConsumer,
    module: { exports: {} },
    exports: {},
    console: { log: record, info: record, table: record, warn: record, error: record },
    structuredClone,
    __check(actual: unknown, expectedText: string, line: number) {
      let expected: unknown;
      try {
        expected = runInContext(`(${withoutNote(expectedText)})`, context);
      } catch {
        failures.push(`line ${line}: the //=> value is not a JavaScript value: ${expectedText}`);
        return;
      }
      const plain = (v: unknown) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
      try {
        expect(plain(actual)).toEqual(plain(expected));
      } catch {
        failures.push(`line ${line}: expected ${expectedText}, got ${JSON.stringify(actual)}`);
      }
    },
  });
  return { context, printed, failures };
}

function pages(): string[] {
  const docs = readdirSync('docs')
    .filter((f) => f.endsWith('.md'))
    .sort((a, b) => (a === 'index.md' ? -1 : b === 'index.md' ? 1 : a < b ? -1 : 1))
    .map((f) => `docs/${f}`);
  return ['README.md', ...docs];
}

let blocksRun = 0;
let examplesRun = 0;

/** Pages not yet runnable as written, each with what is missing (issue 14 is open until this is empty). */
const PENDING: Record<string, string> = {
  'docs/risk.md': 'its candidates come from examples/data/, which the package does not ship: define them in the guide or ship them',
};

describe('every code block of the README and the guides runs as written', () => {
  it('lists the pages still pending, each with its reason', () => {
    for (const [page, why] of Object.entries(PENDING)) expect(why.length, page).toBeGreaterThan(20);
  });
  for (const page of pages()) {
    const blocks = blocksOf(page, readFileSync(page, 'utf8'));
    if (blocks.length === 0 || Object.prototype.hasOwnProperty.call(PENDING, page)) continue;
    it(`${page}: ${blocks.length} block(s), in reading order`, () => {
      const { context, printed, failures } = scope();
      for (const block of blocks) {
        if (block.skip !== undefined) {
          expect(block.skip.length, `${block.where}: a not-run mark must say why`).toBeGreaterThan(8);
          continue;
        }
        const { js } = instrument(block.code, block.where);
        printed.length = 0;
        try {
          runInContext(js, context, { filename: block.where });
        } catch (e) {
          throw new Error(`${block.where} fails as written: ${e instanceof Error ? e.message : String(e)}`);
        }
        expect(failures, block.where).toEqual([]);
        if (block.printed !== undefined) expect(printed.join('\n').trimEnd(), `${block.where} prints`).toBe(block.printed.trimEnd());
        blocksRun++;
      }
    });
  }
});

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every @example of a non-internal doc comment, with the name it documents. */
function examples(file: string): { name: string; code: string }[] {
  const text = readFileSync(file, 'utf8');
  const out: { name: string; code: string }[] = [];
  const re = /\/\*\*((?:(?!\*\/)[\s\S])*?)\*\/\s*\nexport (?:declare )?(?:const|function|class|let) ([A-Za-z0-9_$]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const doc = m[1]!;
    if (doc.includes('@internal')) continue;
    const ex = /@example\s*\n\s*\* ```(?:ts|typescript|js)\n([\s\S]*?)\n\s*\* ```/.exec(doc);
    if (!ex) continue;
    out.push({ name: m[2]!, code: ex[1]!.split('\n').map((l) => l.replace(/^\s*\* ?/, '')).join('\n') });
  }
  return out;
}

describe('every @example in the doc comments runs and shows its true result', () => {
  // The names an example may use without importing: the root entry's and those of the entries it does not load.
  const root = Object.assign({}, ...['dealerkit', 'dealerkit/design', 'dealerkit/statements', 'dealerkit/charts', 'dealerkit/sheets'].map((s) => requireFromConsumer(s))) as Record<string, unknown>;
  for (const file of sources('src')) {
    const list = examples(file);
    if (list.length === 0) continue;
    it(`${file}: ${list.map((e) => e.name).join(', ')}`, () => {
      for (const ex of list) {
        const { context, failures } = scope(root);
        const { js, checks } = instrument(ex.code, `${file} ${ex.name}`);
        expect(checks, `${file} ${ex.name}: the example shows no //=> result`).toBeGreaterThan(0);
        try {
          runInContext(js, context, { filename: `${file} @example ${ex.name}` });
        } catch (e) {
          throw new Error(`${file} @example of ${ex.name} fails: ${e instanceof Error ? e.message : String(e)}`);
        }
        expect(failures, `${file} @example of ${ex.name}`).toEqual([]);
        examplesRun++;
      }
    });
  }
  it('ran every block and example it found (the counts go to the closing note)', () => {
    // Printed so the count of executed blocks and examples is on record in the test output.
    process.stdout.write(`doc blocks run: ${blocksRun}; @examples run: ${examplesRun}\n`);
    expect(blocksRun + examplesRun).toBeGreaterThan(0);
  });
});
