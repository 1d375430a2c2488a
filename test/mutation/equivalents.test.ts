// docs/mutation-equivalents.md lists every equivalent mutant marked in src/ with its reason (issue 18,
// part 2); it is generated from the `// Stryker disable` comments, and this test keeps it current.
import { readFileSync, readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without type declarations
import { TARGET, equivalents, render } from './equivalents.mjs';

interface Mark {
  module: string;
  file: string;
  line: number;
  scope: string;
  mutators: string;
  reason: string;
  code: string;
}

describe('equivalent mutants, as listed in docs/mutation-equivalents.md', () => {
  it('the page is what the generator writes from src/ (run `node test/mutation/equivalents.mjs --write`)', () => {
    expect(readFileSync(TARGET as string, 'utf8')).toBe((render as () => string)());
  });

  it('every mark names its mutators and gives a reason of some words, not a bare disable', () => {
    const marks = (equivalents as () => Mark[])();
    expect(marks.length).toBeGreaterThan(30);
    for (const m of marks) {
      expect(m.mutators, `${m.file}:${m.line}`).toMatch(/^(all|[A-Z][A-Za-z]+(,[A-Z][A-Za-z]+)*)$/);
      expect(m.reason.split(/\s+/).length, `${m.file}:${m.line}: ${m.reason}`).toBeGreaterThanOrEqual(4);
    }
  });

  it('no Stryker disable in src/ escapes the list (one without a reason after a colon would)', () => {
    const listed = new Set((equivalents as () => Mark[])().map((m) => `${m.file}:${m.line}`));
    const src = fileURLToPath(new URL('../../src', import.meta.url));
    const found: string[] = [];
    for (const f of readdirSync(src, { recursive: true }) as string[]) {
      if (!f.endsWith('.ts')) continue;
      readFileSync(join(src, f), 'utf8').split('\n').forEach((line, i) => {
        if (/Stryker\s+disable/.test(line)) found.push(`${f.split(sep).join('/')}:${i + 1}`);
      });
    }
    expect(found.length).toBeGreaterThan(30);
    expect(found.filter((place) => !listed.has(place))).toEqual([]);
  });
});
