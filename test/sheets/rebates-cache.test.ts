import { describe, expect, it } from 'vitest';
import { DK_REBATE } from 'dealerkit/sheets';

// DK.REBATE keeps the validated program per tier-table content (src/sheets/rebates.ts contentKey):
// a recalculation reads the same table in every cell. Two tables that mean different things must
// never share a key, whichever is read first; the sheets mutation run found that no test said so.
// Expected values by hand: DK.REBATE's default method is retroactive, so an amount of 10,000 in the
// tier from 5,000 earns that tier's rate on all of it.

describe('DK.REBATE: the program kept per table content', () => {
  it('tables that differ only in where their rows break do not share a program', () => {
    // 10,000 ≥ 5,000: 2 % × 10,000 = 200.
    expect(DK_REBATE(10000, [[0, 0], [5000, 0.02]])).toBe(200);
    // The same cells as one row of three and one of one: not a rectangular range.
    expect(() => DK_REBATE(10000, [[0, 0, 5000], [0.02]])).toThrow('must be a rectangular range');
    expect(DK_REBATE(10000, [[0, 0], [5000, 0.02]])).toBe(200);
  });

  it('an empty cell and the text "null" do not share a program, in either order', () => {
    // An empty rate is no rate (0 below 5,000); 2 % × 10,000 = 200.
    expect(DK_REBATE(10000, [[0, null], [5000, 0.02]])).toBe(200);
    expect(() => DK_REBATE(10000, [[0, 'null'], [5000, 0.02]])).toThrow('must be a number, received "null"');
    expect(() => DK_REBATE(10000, [[0, 'undefined'], [5000, 0.02]])).toThrow('must be a number, received "undefined"');
    expect(DK_REBATE(10000, [[0, undefined], [5000, 0.02]])).toBe(200);
  });

  it('text cells that differ do not share a program', () => {
    // Rates typed as text are read as numbers: 2 % × 10,000 = 200, then 3 % × 10,000 = 300.
    expect(DK_REBATE(10000, [[0, 0], [5000, '0.02']])).toBe(200);
    expect(DK_REBATE(10000, [[0, 0], [5000, '0.03']])).toBe(300);
    expect(DK_REBATE(10000, [[0, 0], [5000, '0.02']])).toBe(200);
  });

  it('a number and the same digits as text mean the same tier table', () => {
    expect(DK_REBATE(10000, [[0, 0], [5000, 0.04]])).toBe(400);
    expect(DK_REBATE(10000, [['0', '0'], ['5000', '0.04']])).toBe(400);
  });

  it('more tables than it keeps: each still gives its own rebate, before and after the oldest are let go', () => {
    // Table i pays (i + 1) per mille from 5,000: 10,000 × (i + 1) / 1,000 = 10 × (i + 1).
    const table = (i: number) => [[0, 0], [5000, (i + 1) / 1000]];
    for (let round = 0; round < 2; round++) for (let i = 0; i < 100; i++) expect(DK_REBATE(10000, table(i)), `table ${i}`).toBe(10 * (i + 1));
  });
});
