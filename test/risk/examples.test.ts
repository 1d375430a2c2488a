import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as risk from 'dealerkit';

// Every TSDoc @example of src/risk runs and shows its true result: each `//=>` line is compared with
// the value of the statement just above it (the code before it runs first, in the same scope).
const names = Object.keys(risk);
const values = names.map((n) => (risk as Record<string, unknown>)[n]);

function examples(file: string): { name: string; code: string }[] {
  const text = readFileSync(file, 'utf8');
  const out: { name: string; code: string }[] = [];
  const re = /@example\s*\n\s*\* ```ts\n([\s\S]*?)\n\s*\* ```[\s\S]*?\nexport (?:function|const|class) ([A-Za-z0-9_$]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const code = m[1]!
      .split('\n')
      .map((l) => l.replace(/^\s*\* ?/, ''))
      .join('\n');
    out.push({ name: m[2]!, code });
  }
  return out;
}

const files = readdirSync('src/risk').filter((f) => f.endsWith('.ts')).map((f) => `src/risk/${f}`);

describe('src/risk TSDoc examples', () => {
  for (const file of files) {
    for (const ex of examples(file)) {
      it(`${file}: ${ex.name}`, () => {
        const segments = ex.code.split(/\n?\/\/=> (.*)\n?/);
        // segments: code, expected, code, expected, ...
        let before = '';
        let checked = 0;
        for (let k = 0; k + 1 < segments.length; k += 2) {
          const code = segments[k]!.replace(/^import .*$/gm, '');
          const statements = code.split(/;\s*\n/).map((s) => s.trim()).filter((s) => s !== '');
          const last = statements.pop()!.replace(/;$/, '');
          const body = `${before}\n${statements.map((s) => `${s};`).join('\n')}\nreturn (${last});`;
          const actual = new Function(...names, body)(...values);
          const expected = new Function(`return (${segments[k + 1]});`)();
          expect(actual).toEqual(expected);
          before += `\n${code}`;
          checked++;
        }
        expect(checked).toBeGreaterThan(0);
      });
    }
  }
});
