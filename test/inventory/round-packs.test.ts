import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROUND_DOWN, ROUND_NEAREST, ROUND_UP, roundPacks, snap } from '../../src/inventory/kernel.js';

// roundPacks (issue 15 point 5) finds whole packs without Math.round below 4e8 packs. Its rule is
// unchanged: whole packs are ceil, floor or floor(+ ½) of the quantity snapped onto a whole number
// within 1e-9 (relative) of it. The oracle below is that rule written out with snap; equality is
// Object.is, so a −0 for a 0 fails too.
const rule = (y: number, mode: number): number => {
  const s = snap(y);
  return mode === ROUND_UP ? Math.ceil(s) : mode === ROUND_DOWN ? Math.floor(s) : Math.floor(s + 0.5);
};
const MODES = [ROUND_UP, ROUND_DOWN, ROUND_NEAREST];
const same = (y: number) => MODES.map((m) => [roundPacks(y, m), rule(y, m)]);
const agree = (y: number) => {
  for (const m of MODES) expect(Object.is(roundPacks(y, m), rule(y, m)), `roundPacks(${y}, ${m})`).toBe(true);
};

describe('roundPacks gives the snapped rule exactly', () => {
  it('worked cases: a fraction rounds by the mode, noise within 1e-9 of a whole number snaps onto it', () => {
    // 29.999999999999996 packs is 30 (noise), 30.4 up is 31 and down 30, 2.5 nearest is 3.
    expect(roundPacks(29.999999999999996, ROUND_DOWN)).toBe(30);
    expect(roundPacks(30.000000000000004, ROUND_UP)).toBe(30);
    expect([roundPacks(30.4, ROUND_UP), roundPacks(30.4, ROUND_DOWN), roundPacks(30.4, ROUND_NEAREST)]).toEqual([31, 30, 30]);
    expect(roundPacks(2.5, ROUND_NEAREST)).toBe(3);
    // 1e-9 × 3 = 3e-9: 3 + 2e-9 snaps to 3, 3 + 4e-9 does not (up: 4).
    expect([roundPacks(3 + 2e-9, ROUND_UP), roundPacks(3 + 4e-9, ROUND_UP), roundPacks(3 - 4e-9, ROUND_DOWN)]).toEqual([3, 4, 2]);
  });

  it('at the edges of the fast range and beyond it: 0, −0, tiny, 4e8 ± a fraction, huge, negative, NaN and ±Infinity', () => {
    const edges = [0, -0, 5e-324, 1e-10, 1e-9, 0.5, 1 - 1e-10, 1, 1 + 1e-9, 1 + 2e-9, 399999999.5, 4e8 - 1, 4e8 - 0.5, 4e8, 4e8 + 0.3, 4e8 + 0.5, 5e8 + 0.5, 6e8 + 0.5, 1e15 + 0.5, 2 ** 53, 1e300, -1e-20, -0.5, -1.5, -2.5, -1e9 - 0.5, Number.NaN, Infinity, -Infinity];
    for (const y of edges) agree(y);
    // Beyond 5e8 packs the tolerance reaches half a pack: 6e8 + 0.5 snaps up (6e8 + 1), as before.
    expect(same(6e8 + 0.5)).toEqual([[600000001, 600000001], [600000001, 600000001], [600000001, 600000001]]);
  });

  it('any double, any whole number nudged by a few ulps or by up to 2e-9 relative', () => {
    fc.assert(fc.property(fc.double(), (y) => agree(y)), { numRuns: 5000 });
    const whole = fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 3.9e8, max: 6.1e8 }), fc.integer({ min: 0, max: 2 ** 40 }));
    fc.assert(
      fc.property(whole, fc.integer({ min: -8, max: 8 }), (n, ulps) => {
        let y = n;
        for (let k = 0; k < Math.abs(ulps); k++) y = ulps > 0 ? y + Math.max(Number.EPSILON * y, 5e-324) : y - Math.max(Number.EPSILON * y, 5e-324);
        agree(y);
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(whole, fc.double({ min: -2e-9, max: 2e-9, noNaN: true }), (n, rel) => agree(n + rel * Math.max(n, 1))),
      { numRuns: 5000 },
    );
    fc.assert(fc.property(whole, fc.double({ min: 0, max: 1, noNaN: true }), (n, frac) => agree(n + frac)), { numRuns: 5000 });
  });
});
