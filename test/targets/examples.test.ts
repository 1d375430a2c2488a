// The @example of every public targets function runs as written, and shows what it gives.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as targets from 'dealerkit/targets';
import { runExample } from './helpers.js';

const files = readdirSync('src/targets').filter((f) => f.endsWith('.ts'));
const examples: [string, string][] = [];
for (const file of files) {
  const text = readFileSync(`src/targets/${file}`, 'utf8');
  for (const m of text.matchAll(/@example\n((?: \*.*\n)*?) \*\/\n(?:export )?(?:function|const) (\w+)/g)) {
    const body = m[1]!
      .split('\n')
      .map((l) => l.replace(/^ \* ?/, ''))
      .join('\n')
      .replace(/^```ts\n|```\n?$/gm, '');
    examples.push([`${file}: ${m[2]}`, body]);
  }
}

describe('the TSDoc examples of dealerkit/targets', () => {
  it('are found', () => {
    expect(examples.length).toBeGreaterThan(25);
  });
  for (const [name, body] of examples) {
    it(name, () => runExample(body, targets));
  }
});
