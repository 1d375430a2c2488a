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

  it('cells of other types in the same places do not share a program either', () => {
    // All text but one empty cell (2 % × 10,000 = 200), then the text "null" in its place.
    expect(DK_REBATE(10000, [['0', null], ['5000', '0.02']])).toBe(200);
    expect(() => DK_REBATE(10000, [['0', 'null'], ['5000', '0.02']])).toThrow('must be a number, received "null"');
    // A third column of TRUE/FALSE is no fixed amount, even after the two-column table was kept.
    expect(DK_REBATE(10000, [[0, 0], [5000, 0.02]])).toBe(200);
    expect(() => DK_REBATE(10000, [[0, 0, true], [5000, 0.02, false]])).toThrow('must be a number, received TRUE');
    // An object in a cell is refused, even after the table with that cell empty was kept.
    expect(DK_REBATE(10000, [[0, undefined], [5000, 0.02]])).toBe(200);
    expect(() => DK_REBATE(10000, [[0, { rate: 0 }], [5000, 0.02]] as never)).toThrow();
  });

  it('a range that is not rows of cells is refused with the message for it, not a TypeError', () => {
    expect(() => DK_REBATE(100, 5)).toThrow('tiers: must have 2 to 3 columns (from, rate, fixed), received 1');
    expect(() => DK_REBATE(100, [[0, 0], 5] as never)).toThrow('tiers: must be a range given as rows of cells, but row 2 is 5');
    expect(() => DK_REBATE(100, [[0, 0], ['x', 0.02]])).toThrow('tiers[1].from: must be a number, received "x" (row 2, column 1 of the range)');
    expect(() => DK_REBATE(100, [[0, 0], [null, 0.02]])).toThrow('tiers[1].from: is required (a number), received an empty cell (row 2, column 1 of the range)');
  });
});
