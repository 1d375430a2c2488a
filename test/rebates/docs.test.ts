// docs/rebates.md runs as written: its code blocks (up to the partner-level section) are run in
// order, in one scope, and every statement followed by full-line `// …` comments must give the
// value those comments show.
import { readFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import * as rebates from 'dealerkit/rebates';

const guide = readFileSync('docs/rebates.md', 'utf8');
const mine = guide.slice(0, guide.indexOf('## Partner levels'));
const blocks = [...mine.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

/** The block with each `statement;` that is followed by `// value` lines turned into a check of that value. */
function withChecks(block: string): string {
  const lines = block.split('\n').filter((l) => !/^import /.test(l));
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const comments: string[] = [];
    let j = i + 1;
    while (j < lines.length && lines[j]!.startsWith('// ')) comments.push(lines[j++]!.slice(3));
    if (comments.length > 0 && line.trim().endsWith(';') && !/^\s*(const|let) /.test(line)) {
      out.push(`__check(${line.trim().slice(0, -1)}, ${comments.join('\n')});`);
      i = j - 1;
    } else out.push(line);
  }
  return out.join('\n');
}

describe('docs/rebates.md', () => {
  it('has code blocks', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6);
  });

  it('every block runs and shows what it gives', () => {
    const source = blocks.map(withChecks).join('\n');
    const js = transformSync(source, { loader: 'ts' }).code;
    let checks = 0;
    const check = (actual: unknown, expected: unknown): void => {
      checks++;
      expect(actual).toEqual(expected);
    };
    const names = Object.keys(rebates);
    new Function('__check', ...names, js)(check, ...names.map((n) => (rebates as Record<string, unknown>)[n]));
    expect(checks).toBeGreaterThanOrEqual(7);
  });
});
