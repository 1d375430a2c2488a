// The wording of dealerkit/rebates' batch messages (src/rebates/messages.ts) in the singular and the
// plural. Every expected sentence is written out by hand.
import { describe, expect, it } from 'vitest';
import { REBATE_MESSAGES as M } from '../../src/rebates/messages.js';

describe('batch messages agree in number', () => {
  it('rowsRefused: one row "was", several "were"; "the 1 row computed"', () => {
    expect(M.rowsRefused(1, 2)).toBe('1 of 2 rows was refused; the totals are over the 1 row computed');
    expect(M.rowsRefused(2, 3)).toBe('2 of 3 rows were refused; the totals are over the 1 row computed');
    expect(M.rowsRefused(1, 4)).toBe('1 of 4 rows was refused; the totals are over the 3 rows computed');
    expect(M.rowsRefused(3, 3)).toBe('3 of 3 rows were refused; the totals are over the 0 rows computed');
  });
  it('batchTotal: "1 row", "0 rows", with the refused count only when some were', () => {
    expect(M.batchTotal(1, 0, '5.00')).toBe('1 row computed: Σ 5.00');
    expect(M.batchTotal(0, 2, '0.00')).toBe('0 rows computed (2 refused): Σ 0.00');
  });
});
