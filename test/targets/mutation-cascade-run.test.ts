import { describe, expect, it } from 'vitest';
import { cascadeTarget, defineGregorianCalendar } from 'dealerkit/targets';
import { targets } from './helpers.js';

const y2026 = defineGregorianCalendar({ year: 2026 });

describe('cascadeUnits: even splits beyond 2^53', () => {
  it('100,000,000,000,000,000,001 over 4 quarters: 25,000,000,000,000,000,000 each, the leftover 1 to Q1', () => {
    // 10^20 + 1 = 4 × 25 × 10^18 + 1.
    const c = cascadeTarget({ calendar: y2026, levels: ['quarter'], spread: 'even' }, '100000000000000000001');
    expect(targets(c.periods)).toEqual(['25000000000000000001', '25000000000000000000', '25000000000000000000', '25000000000000000000']);
    expect(c.steps[1]!.text).toBe('2026: 100,000,000,000,000,000,001 over 4 quarters, evenly: 25,000,000,000,000,000,000 each; the leftover 1 goes to 2026-Q1 (25,000,000,000,000,000,001).');
  });
});

describe('cascadeUnits: the direct path', () => {
  it('a fallback step is kept in place; quarters by days against even months differ by a few units', () => {
    // Quarters by days (90, 91, 92, 92 of 365): 1,200 × 90 / 365 = 295.89, × 91 / 365 = 299.18, × 92 / 365 = 302.47 (twice).
    // Floors 295 + 299 + 302 + 302 = 1,198; the 2 leftover units go to .89 (Q1) and the first .47 (Q3): 296, 299, 303, 302.
    // Months evenly: 1,200 / 12 = 100, so every quarter's months sum to 300.
    const c = cascadeTarget({ calendar: y2026, levels: ['quarter', 'month'], spread: [{ reference: [0, 0, 0, 0] }, 'even'], path: 'direct' }, 1200);
    expect(targets(c.periods)).toEqual(['296', '299', '303', '302']);
    expect(JSON.parse(JSON.stringify(c.steps.slice(1, 2)))).toEqual([
      { code: 'fallback', period: '2026:quarter', from: 'reference', to: 'days', text: '2026:quarter: the reference weights sum to zero here, so the split fell back to days.' },
    ]);
    expect(c.steps.map((s) => s.code)).toEqual(['cascade', 'fallback', 'split', 'split', 'difference', 'difference', 'difference', 'difference']);
    // 300 − 296 = 4, 300 − 299 = 1, 300 − 303 = −3, 300 − 302 = −2.
    expect(c.differences.map((d) => d.difference.toString())).toEqual(['4', '1', '-3', '-2']);
    expect(c.warnings).toEqual([
      { code: 'spread-fallback', message: 'the reference weights sum to zero under 2026:quarter; its split fell back to days', path: ['spread', 0] },
      { code: 'direct-differences', message: "under path 'direct' 4 parent periods differ from the sum of their sub-periods (see differences)", path: ['path'] },
    ]);
  });

  it('no warning when every parent equals its children: 1,200 → quarters of 300, months of 100', () => {
    const c = cascadeTarget({ calendar: y2026, levels: ['quarter', 'month'], spread: 'even', path: 'direct' }, 1200);
    expect(targets(c.periods)).toEqual(['300', '300', '300', '300']);
    expect(c.differences.map((d) => d.difference.toString())).toEqual(['0', '0', '0', '0']);
    expect(c.warnings).toEqual([]);
  });
});

describe('cascadeUnits: weights beyond 2^53 in all', () => {
  it('a profile of 10^16 per quarter (4 × 10^16 in all): 100 → 25 each', () => {
    const c = cascadeTarget({ calendar: y2026, levels: ['quarter'], spread: { profile: ['1e16', '1e16', '1e16', '1e16'] } }, 100);
    expect(targets(c.periods)).toEqual(['25', '25', '25', '25']);
  });
});
