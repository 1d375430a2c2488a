import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, allocate } from 'dealerkit';
import { decimalFromScaled } from '../../src/core/scaled.js';

// Oracle: decimal.js's own constructor on the decimal text of q × 10^-scale, the text written by
// hand here (digits, a point `scale` places from the right, zeros padded in front).
function text(q: number, scale: number): string {
  const neg = q < 0;
  let digits = String(Math.abs(q));
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    digits = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  }
  return `${neg ? '-' : ''}${digits}`;
}

function fields(d: Decimal): { s: number; e: number; d: number[]; own: string[] } {
  return { s: d.s, e: d.e, d: [...d.d], own: Object.keys(d) };
}

describe("core/scaled's decimalFromScaled (words aligned on the point) builds what decimal.js parses", () => {
  // Around every word boundary of the aligned path (scale ≤ 7, |q| < 10^14) and past it.
  const edges = [1, 9, 10, 99, 100, 101, 999_999, 1_000_000, 1_234_567, 9_999_999, 10_000_000, 10_000_001, 12_345_678, 100_000_000,
    99_999_990_000_000, 99_999_999_999_999, 100_000_000_000_000, 10_000_000_000_000, 70_000_000_000_000, 1_000_000_000_000_001];
  for (const q0 of edges) {
    for (const q of [q0, -q0]) {
      it(`q=${q} at every scale 0…9 and 14`, () => {
        for (const scale of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 14]) {
          const ours = decimalFromScaled(q, scale);
          const theirs = new Decimal(text(q, scale));
          expect(fields(ours)).toEqual(fields(theirs));
          expect(ours).toEqual(theirs);
          expect(ours).toBeInstanceOf(Decimal);
          expect(JSON.stringify(ours)).toBe(JSON.stringify(theirs));
        }
      });
    }
  }

  it('agrees field by field on random integers below 10^14 and at most 7 places, and computes alike', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 14) + 1, max: 10 ** 14 - 1 }), fc.integer({ min: 0, max: 7 }), (q, scale) => {
        const ours = decimalFromScaled(q, scale);
        const theirs = new Decimal(text(q, scale));
        expect(fields(ours)).toEqual(fields(theirs));
        expect(ours.plus('0.5').toString()).toBe(theirs.plus('0.5').toString());
        expect(ours.times(3).toString()).toBe(theirs.times(3).toString());
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the shared zero for 0 and −0 (no −0 printed)', () => {
    expect(decimalFromScaled(0, 2).toString()).toBe('0');
    expect(decimalFromScaled(-0, 2).isNeg()).toBe(false);
    expect(JSON.stringify(decimalFromScaled(-5, 1))).toBe('"-0.5"');
  });
});

describe('allocate over plain numbers equals allocate over the same totals as text (the general path)', () => {
  it('random cents and small weights: parts field by field, and the parts sum to the total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 12), max: 10 ** 12 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 40 }).filter((w) => w.some((x) => x > 0)),
        fc.integer({ min: 0, max: 4 }),
        (units, weights, scale) => {
          const total = units / 10 ** scale;
          fc.pre(Math.round(total * 10 ** scale) === units);
          const fast = allocate(total, weights, { scale });
          const general = allocate(text(units, scale), weights.map(String), { scale });
          expect(fast.map(fields)).toEqual(general.map(fields));
          expect(fast).toEqual(general);
          expect(fast.reduce((a, b) => a.plus(b), new Decimal(0)).toString()).toBe(new Decimal(text(units, scale)).toString());
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('1,000.01 by [3, 2, 5, 7] at cents: quotas 176.4723…, 117.6482…, 294.1205…, 411.7688… (hand division by 17)', () => {
    // 100001 cents × w / 17: 17647.23 → 17647, 11764.82 → 11764, 29412.05 → 29412, 41176.88 → 41176;
    // floors sum 99999, 2 left over to the largest remainders (0.88 then 0.82): 41177 and 11765.
    expect(allocate(1000.01, [3, 2, 5, 7], { scale: 2 }).map(String)).toEqual(['176.47', '117.65', '294.12', '411.77']);
    expect(allocate(-1000.01, [3, 2, 5, 7], { scale: 2 }).map(String)).toEqual(['-176.47', '-117.65', '-294.12', '-411.77']);
  });
});
