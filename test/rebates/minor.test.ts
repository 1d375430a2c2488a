import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from 'dealerkit';
import { decimalFromMinor } from '../../src/rebates/minor.js';

// Oracle: decimal.js's own constructor on the decimal text of q × 10^-scale, written by hand here.
function text(q: number, scale: number): string {
  const neg = q < 0;
  let digits = String(Math.abs(q));
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    digits = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  }
  return `${neg ? '-' : ''}${digits}`;
}
const fields = (d: Decimal) => ({ s: d.s, e: d.e, d: [...d.d] });

describe('decimalFromMinor builds exactly what decimal.js parses', () => {
  const edges = [1, -1, 7, 10, 100, 1234567, 9999999, 10000000, 12345678, 100000000, 123456789012345, 9007199254740991, -9007199254740991, 4503599627370496];
  for (const q of edges) {
    for (const scale of [0, 1, 2, 3, 6, 7, 8, 14, 15]) {
      it(`q=${q}, scale=${scale}`, () => {
        const ours = decimalFromMinor(q, scale);
        const theirs = new Decimal(text(q, scale));
        expect(fields(ours)).toEqual(fields(theirs));
        expect(ours.toString()).toBe(theirs.toString());
        expect(ours).toBeInstanceOf(Decimal);
        expect(JSON.stringify(ours)).toBe(JSON.stringify(theirs));
      });
    }
  }
  it('agrees field by field on random safe integers and scales', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.integer({ min: 0, max: 15 }), (q, scale) => {
        const ours = decimalFromMinor(q, scale);
        const theirs = new Decimal(text(q, scale));
        expect(fields(ours)).toEqual(fields(theirs));
        expect(ours.plus('0.5').toString()).toBe(theirs.plus('0.5').toString());
        expect(ours.times(3).eq(theirs.times(3))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
  it('returns the shared zero for 0', () => {
    expect(decimalFromMinor(0, 2).toString()).toBe('0');
    expect(JSON.stringify(decimalFromMinor(-5, 1))).toBe('"-0.5"');
  });
});
