import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from 'dealerkit';
import { decimalFromScaled } from '../../src/core/fast.js';

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

function fields(d: Decimal): { s: number; e: number; d: number[] } {
  return { s: d.s, e: d.e, d: [...d.d] };
}

describe('decimalFromScaled builds exactly what decimal.js parses', () => {
  const edges = [1, -1, 7, 10, 100, 1234567, 9999999, 10000000, 12345678, 100000000, 123456789012345, 9007199254740991, -9007199254740991, 4503599627370496];
  for (const q of edges) {
    for (const scale of [0, 1, 2, 3, 6, 7, 8, 14, 15, 20, 30]) {
      it(`q=${q}, scale=${scale}`, () => {
        const ours = decimalFromScaled(q, scale);
        const theirs = new Decimal(text(q, scale));
        expect(fields(ours)).toEqual(fields(theirs));
        expect(ours.toString()).toBe(theirs.toString());
        expect(ours).toBeInstanceOf(Decimal);
      });
    }
  }

  it('agrees field by field on random safe integers and scales', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.integer({ min: 0, max: 30 }), (q, scale) => {
        const ours = decimalFromScaled(q, scale);
        const theirs = new Decimal(text(q, scale));
        expect(fields(ours)).toEqual(fields(theirs));
        // And it computes like a parsed one.
        expect(ours.plus('0.5').toString()).toBe(theirs.plus('0.5').toString());
      }),
      { numRuns: 2000 },
    );
  });

  it('returns the shared zero for 0 and prints no -0', () => {
    expect(decimalFromScaled(0, 2).toString()).toBe('0');
    expect(decimalFromScaled(-0, 2).isNeg()).toBe(false);
    expect(JSON.stringify(decimalFromScaled(-5, 1))).toBe('"-0.5"');
  });
});
