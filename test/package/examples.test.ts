// The examples are documentation that runs: the demo (the README's main job) and every script in
// examples/ must exit 0; each script asserts its own key figures.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(file: string): string {
  return execFileSync(npx, ['tsx', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
}

describe('examples', () => {
  it('the demo runs over the sample network and prints the exact plan split', () => {
    const out = run('examples/demo.ts');
    expect(out).toContain('the 2026 plan of 100,000,000 split exactly');
    expect(out).toContain('months sum to 100,000,000');
    expect(out).toMatch(/2026-01\s+8,333,334\s+8,333,333\s+1/);
    expect(out).toMatch(/2026-12\s+8,333,333\s+8,333,333\s+0/);
  });

  const scripts = readdirSync('examples').filter((f) => f.endsWith('.ts') && f !== 'demo.ts');
  it.each(scripts.length > 0 ? scripts : ['(none yet)'])('examples/%s runs and its assertions hold', (file) => {
    if (file === '(none yet)') return;
    expect(() => run(`examples/${file}`)).not.toThrow();
  });
});
