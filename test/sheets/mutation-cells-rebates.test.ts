import { describe, expect, it } from 'vitest';
import { DK_REBATE } from 'dealerkit/sheets';

// Survivors of the sheets mutation run in src/sheets/rebates.ts: the program kept per table content
// (contentKey) and the argument names in DK.REBATE's messages. Expected values by hand: the default
// method is retroactive, so an amount in the tier from 5,000 earns that tier's rate on all of it.

describe('DK.REBATE: a table kept for later never stands in for a table of fewer cells', () => {
  it('an empty cell (null) is part of the key: a ragged table read after it is still refused', () => {
    // 10,000 ≥ 5,000: 2 % × 10,000 = 200.
    expect(DK_REBATE(10000, [[0, null], [5000, 0.02]])).toBe(200);
    // Row 1 has 1 cell, row 2 has 2: refused, not the kept table's 200.
    expect(() => DK_REBATE(10000, [[0], [5000, 0.02]])).toThrow(
      'tiers: must be a rectangular range, but row 2 has 2 cells and row 1 has 1',
    );
  });

  it('nothing (undefined) is part of the key too', () => {
    // 10,000 ≥ 5,000: 3 % × 10,000 = 300.
    expect(DK_REBATE(10000, [[0, undefined], [5000, 0.03]])).toBe(300);
    expect(() => DK_REBATE(10000, [[0], [5000, 0.03]])).toThrow(
      'tiers: must be a rectangular range, but row 2 has 2 cells and row 1 has 1',
    );
  });

  it('a rate of -0 is part of the key', () => {
    // 10,000 ≥ 5,000: 4 % × 10,000 = 400 (the first tier's rate -0 is 0).
    expect(DK_REBATE(10000, [[0, -0], [5000, 0.04]])).toBe(400);
    expect(() => DK_REBATE(10000, [[0], [5000, 0.04]])).toThrow(
      'tiers: must be a rectangular range, but row 2 has 2 cells and row 1 has 1',
    );
  });

  it('a range whose first row is not a row of cells is refused with its message, not a TypeError', () => {
    expect(() => DK_REBATE(100, [5, [0, 0]] as never)).toThrow('tiers: must be a range given as rows of cells, but row 1 is 5');
  });
});

describe('DK.REBATE names the argument the user typed', () => {
  it('a bad fixed amount: tiers[0].fixed, row 1, column 3', () => {
    expect(() => DK_REBATE(100, [[0, 0, 'x']])).toThrow('tiers[0].fixed: must be a number, received "x" (row 1, column 3 of the range)');
  });

  it('a bad target and a bad currency', () => {
    expect(() => DK_REBATE(100, [[0, 0.01]], 'retroactive', 'x')).toThrow('target: must be a number, received "x"');
    expect(() => DK_REBATE(100, [[0, 0.01]], 'retroactive', null, 5)).toThrow('currency: must be a text, received 5');
  });

  it('an infinite amount is refused as the amount', () => {
    expect(() => DK_REBATE(Infinity, [[0, 0.01]])).toThrow('amount: must be a finite number, received Infinity');
    expect(() => DK_REBATE(-Infinity, [[0, 0.01]])).toThrow('amount: must be a finite number, received -Infinity');
  });
});

describe('DK.REBATE: cells a host should not pass never borrow a kept table', () => {
  it('an invalid Date (its JSON is null) does not read the table with an empty cell there', () => {
    // 10,000 ≥ 5,000: 5 % × 10,000 = 500.
    expect(DK_REBATE(10000, [[0, null], [5000, 0.05]])).toBe(500);
    expect(() => DK_REBATE(10000, [[0, new Date(Number.NaN)], [5000, 0.05]] as never)).toThrow(
      'tiers[0].rate: must be a number, received a date (row 1, column 2 of the range)',
    );
  });

  it('a range in a cell that reads as "null" does not read the table with an empty cell there', () => {
    // 10,000 ≥ 5,000: 6 % × 10,000 = 600.
    expect(DK_REBATE(10000, [[0, null], [5000, 0.06]])).toBe(600);
    expect(() => DK_REBATE(10000, [[0, ['null']], [5000, 0.06]] as never)).toThrow(
      // A cell argument may be a 1×1 range given as rows; ['null'] is one row, not rows of cells.
      'tiers[0].rate: must be a range given as rows of cells, but row 1 is "null"',
    );
  });
});
