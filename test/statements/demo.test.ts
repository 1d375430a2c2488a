// The demo's statements section (examples/demo/statements.ts): the sample network's 2025-Q4
// statements, the featured dealer's as Markdown, all twelve as HTML under reports/statements/.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEATURED_DEALER, STATEMENTS_FOLDER, statementsSection } from '../../examples/demo/statements.js';

describe('the demo section', () => {
  const out = statementsSection().join('\n');
  it("prints the network's table, the featured dealer's Markdown and where the pages went", () => {
    expect(out).toContain("Jade River Appliances: the dealers' 2025-Q4 statements");
    expect(out).toContain('# Dealer statement: Jinghai Supply (D02)');
    expect(out).toContain('| Payment due (true-up) | 114,575.12 |');
    expect(out).toMatch(/Wrote 12 HTML statements \(one self-contained page each, printable on A4\) to .*reports\/statements\//);
  });

  it('writes one HTML page per dealer', () => {
    for (const id of ['D01', FEATURED_DEALER, 'D12']) {
      const file = join(STATEMENTS_FOLDER, `${id}-2025-Q4.html`);
      expect(existsSync(file)).toBe(true);
      expect(readFileSync(file, 'utf8').startsWith('<!DOCTYPE html>')).toBe(true);
    }
  });
});
