// docs/targets.md is part of the contract: every ```ts block runs as written against the library,
// and every `//=>` in it is checked (each must be reached).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as targets from 'dealerkit/targets';
import { runExample } from './helpers.js';

const guide = readFileSync('docs/targets.md', 'utf8');
const blocks = [...guide.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('docs/targets.md', () => {
  it('has code blocks', () => {
    expect(blocks.length).toBeGreaterThan(10);
  });
  blocks.forEach((block, n) => {
    it(`block ${n + 1} runs and shows its results (${block.split('\n').find((l) => /^\S/.test(l) && !l.startsWith('import'))?.slice(0, 60)})`, () => {
      runExample(block, targets);
    });
  });
});
