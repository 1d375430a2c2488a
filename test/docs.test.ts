import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The doc comment right above line `index`, or undefined (blank lines and overload signatures skipped). */
function docAbove(lines: string[], index: number): string | undefined {
  let i = index - 1;
  // Overload signatures and a `// Stryker disable next-line` mark (it must sit on the line before the
  // code it marks) may stand between a doc comment and its export; TypeScript attaches the doc all the same.
  while (i >= 0 && (lines[i]!.trim() === '' || /^export function .*;$/.test(lines[i]!.trim()) || lines[i]!.trim().startsWith('// Stryker disable'))) i--;
  if (i < 0 || !lines[i]!.trim().endsWith('*/')) return undefined;
  const end = i;
  while (i >= 0 && !lines[i]!.trim().startsWith('/**')) i--;
  return i < 0 ? undefined : lines.slice(i, end + 1).join('\n');
}

// STYLE.md: every public export has TSDoc with a one-line summary, and every exported value (a
// function, constant or class) an @example whose result is shown with //=>. Internal helpers
// shared between files say @internal and are left out of the API reference.
describe('every public export is documented with an example', () => {
  for (const file of sources('src')) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, index) => {
      const m = /^export (?:declare )?(?:abstract )?(function|const|class|interface|type|enum) ([A-Za-z_$][\w$]*)/.exec(line);
      if (!m) return;
      const [, kind, name] = m;
      const previous = lines[index - 1]?.trim() ?? '';
      // Overloads: only the first signature carries the comment.
      if (kind === 'function' && /^export function .*;$/.test(previous)) return;
      it(`${file}: ${name}`, () => {
        const doc = docAbove(lines, index);
        expect(doc, `${name} has no doc comment`).toBeDefined();
        if (doc!.includes('@internal')) return;
        const summary = doc!.split('\n')[0]!.replace('/**', '').trim() || doc!.split('\n')[1]!.replace('*', '').trim();
        expect(summary.length, `${name} needs a one-line summary`).toBeGreaterThan(10);
        if (kind === 'function' || kind === 'const' || kind === 'class') {
          expect(doc, `${name} needs an @example`).toContain('@example');
          expect(doc, `${name}'s example must show its result with //=>`).toContain('//=>');
        }
      });
    });
  }
});
