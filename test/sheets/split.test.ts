import { describe, expect, it } from 'vitest';
import { DealerkitError } from 'dealerkit';
import { DK_SPLIT } from 'dealerkit/sheets';
import { decimalAt } from '../../src/sheets/args.js';
import { failure } from '../helpers.js';

describe('DK.SPLIT', () => {
  it("splits the seeds' annual plan of 100,000,000 into twelve months that sum to it", () => {
    // 100,000,000 / 12 = 8,333,333 remainder 4: the four leftover units go to the first four
    // months (equal remainders, ties to the earlier position). The seeds' 8,333,333 × 12 = 99,999,996.
    const months = DK_SPLIT(100_000_000, [Array<number>(12).fill(1)]);
    expect(months).toEqual([[8333334, 8333334, 8333334, 8333334, 8333333, 8333333, 8333333, 8333333, 8333333, 8333333, 8333333, 8333333]]);
    expect(months[0]!.reduce((a, b) => a + b)).toBe(100_000_000);
  });

  it('splits by unequal weights with the largest remainder (10 over 6:5:4 → 4, 3, 3)', () => {
    // Quotas 10×6/15 = 4, 10×5/15 = 3.33, 10×4/15 = 2.67: floors 4 + 3 + 2 = 9, the last unit to the largest remainder (.67).
    expect(DK_SPLIT(10, [[6], [5], [4]])).toEqual([[4], [3], [3]]);
  });

  it('keeps the shape of the weights: a column, a row, or a block read row-major', () => {
    expect(DK_SPLIT(100, [[1], [1], [1]])).toEqual([[34], [33], [33]]);
    expect(DK_SPLIT(100, [[1, 1, 1]])).toEqual([[34, 33, 33]]);
    // 10 over four equal weights: quotas 2.5, floors 2 × 4 = 8, the 2 leftover units to the first two cells.
    expect(DK_SPLIT(10, [[1, 1], [1, 1]])).toEqual([[3, 3], [2, 2]]);
    expect(DK_SPLIT(10, 1)).toEqual([[10]]);
  });

  it('splits at the decimal places of the total unless a scale is given', () => {
    expect(DK_SPLIT(1234.56, [[1], [2]])).toEqual([[411.52], [823.04]]);
    expect(DK_SPLIT(100, [[1], [1], [1]], 2)).toEqual([[33.34], [33.33], [33.33]]);
    expect(DK_SPLIT(100, [[1], [1], [1]], null)).toEqual([[34], [33], [33]]);
    expect(DK_SPLIT(100, [[1], [1], [1]], '')).toEqual([[34], [33], [33]]);
    expect(DK_SPLIT('0.1000', [[1], [1], [1]])).toEqual([[0.1], [0], [0]]);
    expect(DK_SPLIT(0.1234, [[1], [1]])).toEqual([[0.0617], [0.0617]]);
  });

  it('splits a negative total into negative parts, mirroring the positive split', () => {
    expect(DK_SPLIT(-100, [[1], [1], [1]])).toEqual([[-34], [-33], [-33]]);
  });

  it('reads weights given as numeric texts and zero weights', () => {
    expect(DK_SPLIT(100, [['1'], [0], ['3']])).toEqual([[25], [0], [75]]);
  });

  it('names every bad weight cell by its position in the range', () => {
    expect(failure(() => DK_SPLIT(100, [[1, 'x'], [null, 2]]))).toEqual({
      code: 'invalid_input',
      message:
        '[dealerkit] weights[1]: must be a number, received "x" (row 1, column 2 of the range); weights[2]: is required (a number), received an empty cell (row 2, column 1 of the range)',
    });
  });

  it("keeps every bad cell's issue as the argument reader gives it (code included)", () => {
    const issueOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        expect(e).toBeInstanceOf(DealerkitError);
        return (e as DealerkitError).issues;
      }
      throw new Error('expected an error');
    };
    const all = issueOf(() => DK_SPLIT(100, [[1, 'x'], [null, '3%']]));
    expect(all.map((i) => i.path)).toEqual([['weights', 1], ['weights', 2], ['weights', 3]]);
    // Each is the reader's own issue for that cell, code and all.
    expect(all[0]).toEqual(issueOf(() => decimalAt('x', ['weights', 1], ' (row 1, column 2 of the range)'))[0]);
    expect(all[1]).toEqual(issueOf(() => decimalAt(null, ['weights', 2], ' (row 2, column 1 of the range)'))[0]);
    expect(all[2]).toEqual(issueOf(() => decimalAt('3%', ['weights', 3], ' (row 2, column 2 of the range)'))[0]);
  });

  it('refuses negative or all-zero weights, a total finer than the scale and a bad scale', () => {
    expect(failure(() => DK_SPLIT(100, [[1], [-1]]))).toEqual({ code: 'invalid_input', message: '[dealerkit] weights[1]: must not be negative, received -1' });
    expect(failure(() => DK_SPLIT(100, [[0], [0]]))).toEqual({ code: 'invalid_input', message: '[dealerkit] weights: must not all be zero' });
    expect(failure(() => DK_SPLIT(1.005, [[1]], 2))).toEqual({
      code: 'invalid_input',
      message: '[dealerkit] total: has more than 2 decimal places (1.005); round it to the scale first',
    });
    expect(failure(() => DK_SPLIT(1, [[1]], 31))).toEqual({ code: 'out_of_range', message: '[dealerkit] scale: must be from 0 to 30, received 31' });
    expect(failure(() => DK_SPLIT(1, [[1]], 1.5))).toEqual({ code: 'invalid_input', message: '[dealerkit] scale: must be a whole number, received 1.5' });
    expect(failure(() => DK_SPLIT('abc', [[1]]))).toEqual({ code: 'invalid_input', message: '[dealerkit] total: must be a number, received "abc"' });
    expect(failure(() => DK_SPLIT(null, [[1]]))).toEqual({ code: 'invalid_input', message: '[dealerkit] total: is required (a number), received an empty cell' });
    expect(failure(() => DK_SPLIT(1, []))).toEqual({ code: 'invalid_input', message: '[dealerkit] weights: must be a range with at least one cell, received an empty range' });
  });

  it('huge totals stay exact (1e15 over three weights)', () => {
    // 10^15 / 3 = 333,333,333,333,333 remainder 1: the extra unit to the first weight.
    expect(DK_SPLIT(1e15, [[1], [1], [1]])).toEqual([[333333333333334], [333333333333333], [333333333333333]]);
  });
});
