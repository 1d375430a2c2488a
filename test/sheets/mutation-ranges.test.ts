// Spreadsheet numbers at the edge of a double's range, in the cases no test of test/sheets reached
// (measured with coverage over the sheets tests, what the mutation run of src/sheets executes): a
// numeric text beyond a double refused at its argument, results beyond ±1.8e308 refused with their
// sign, and -0 read as 0 in a tier table. Expected values and messages written out by hand.
import { describe, expect, it } from 'vitest';
import { DK_ALTMAN, DK_REBATE } from 'dealerkit/sheets';
import { thrown } from '../helpers.js';

describe('numbers beyond a spreadsheet double', () => {
  it("an amount typed as '1e400' is refused at the argument `amount`", () => {
    const e = thrown(() => DK_REBATE('1e400', [[0, 0.01]]));
    expect([e.code, e.issues.map((i) => i.path), e.message]).toEqual([
      'out_of_range',
      [['amount']],
      '[dealerkit] amount: is out of the range of a spreadsheet number, received "1e400"',
    ]);
  });
  it('a rebate of 1 × 1e308 plus a fixed 1e308 = 2e308 is beyond the range: refused, not Infinity', () => {
    const e = thrown(() => DK_REBATE('1e308', [[0, 1, '1e308']], 'retroactive'));
    expect([e.code, e.message]).toEqual([
      'out_of_range',
      "[dealerkit] (input): gives a result beyond the range of a spreadsheet number (about 1.8e308): check the arguments' magnitudes",
    ]);
  });
  it("Altman Z'' of working capital ±1e308 over assets of 1e-300 (6.56 × ±1e608): refused, naming the sign", () => {
    const negative = thrown(() => DK_ALTMAN('z-double-prime', '-1e308', '1e-300', 0, 0, 1, 1, 0));
    expect(negative.message).toBe("[dealerkit] (input): gives a negative result beyond the range of a spreadsheet number (about 1.8e308): check the arguments' magnitudes");
    const positive = thrown(() => DK_ALTMAN('z-double-prime', '1e308', '1e-300', 0, 0, 1, 1, 0));
    expect(positive.message).toBe("[dealerkit] (input): gives a result beyond the range of a spreadsheet number (about 1.8e308): check the arguments' magnitudes");
  });
  it("Altman's Z in range: 1.2 × 90/620 + 1.4 × 30/620 + 3.3 × 55/620 + 0.6 × 100/280 + 440/620 = 1.45864…", () => {
    // 0.174194 + 0.067742 + 0.292742 + 0.214286 + 0.709677 = 1.458641 (thousands cancel).
    expect(DK_ALTMAN('z', 90000, 620000, 30000, 55000, 100000, 280000, 440000)).toBeCloseTo(1.458641, 6);
  });
});

describe('a tier table with -0', () => {
  it('-0 as the first bound is 0: 1 % × 100 = 1 either way, whichever table was read first', () => {
    expect([DK_REBATE(100, [[-0, 0.01]]), DK_REBATE(100, [[0, 0.01]]), DK_REBATE(100, [[-0, 0.01]])]).toEqual([1, 1, 1]);
  });
});
