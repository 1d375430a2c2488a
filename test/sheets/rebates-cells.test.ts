import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DK_REBATE, DK_REBATE_NEXTGAP, DK_REBATE_TIER } from 'dealerkit/sheets';

// DK.REBATE reads a number amount as it is (no Decimal unless the exact scaled-integer path declines
// it); a numeric text goes through the Decimal. Both must give the same cell, and the same error.

const TABLE = [[0, 0], [5000, 0.02], [20000, 0.04], [50000, 0.05]];
const ATTAINMENT = [[0, 0], [0.9, 0.01], [1, 0.02]];

function cell(f: () => number): number | string {
  try {
    return f();
  } catch (error) {
    return (error as Error).message;
  }
}

describe('DK.REBATE: a number amount gives what its text gives', () => {
  it('whole cents, sub-cent amounts, huge amounts, negative amounts and -0, by every method, with and without a target', () => {
    const amount = fc.oneof(
      fc.integer({ min: 0, max: 10_000_000_00 }).map((c) => c / 100),
      fc.double({ min: -1e6, max: 1e20, noNaN: true }),
      fc.constantFrom(-0, 0, 0.005, 4999.995, 2 ** 53, 1e300),
    );
    const method = fc.constantFrom(undefined, 'retroactive', 'incremental', 'step');
    fc.assert(
      fc.property(amount, method, fc.option(fc.integer({ min: 1, max: 200_000 }), { nil: undefined }), (a, m, t) => {
        const table = t === undefined ? TABLE : ATTAINMENT;
        const text = Object.is(a, -0) ? '0' : String(a);
        expect(cell(() => DK_REBATE(a, table, m, t))).toEqual(cell(() => DK_REBATE(text, table, m, t)));
        expect(cell(() => DK_REBATE_TIER(a, table, m, t))).toEqual(cell(() => DK_REBATE_TIER(text, table, m, t)));
        expect(cell(() => DK_REBATE_NEXTGAP(a, table, m, t))).toEqual(cell(() => DK_REBATE_NEXTGAP(text, table, m, t)));
      }),
      { numRuns: 400, seed: 15 },
    );
  });

  it('worked by hand: 2 % of 7,000.5 is 140.01; 4 % of 20,000 is 800; a sub-cent amount rounds once', () => {
    expect(DK_REBATE(7000.5, TABLE)).toBe(140.01);
    expect(DK_REBATE(20000, TABLE)).toBe(800);
    // 2 % × 7,000.125 = 140.0025 → 140.00 (half-up, once).
    expect(DK_REBATE(7000.125, TABLE)).toBe(140);
    expect(DK_REBATE(-0, TABLE)).toBe(0);
  });

  it('keeps one program per table, method, basis and currency: the same table under two currencies prices each by its scale', () => {
    // JPY has no minor unit: 2 % × 7,000.5 = 140.01 → 140; USD keeps the cents.
    expect(DK_REBATE(7000.5, TABLE, 'retroactive', undefined, 'JPY')).toBe(140);
    expect(DK_REBATE(7000.5, TABLE, 'retroactive', undefined, 'USD')).toBe(140.01);
    expect(DK_REBATE(7000.5, TABLE, 'retroactive', undefined, 'JPY')).toBe(140);
  });
});
