import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, allocate } from 'dealerkit';

// Totals at scale 2 as integers of cents, weights as small decimals (strings with up to 3 places).
const cents = fc.bigInt({ min: BigInt('-1000000000000000000'), max: BigInt('1000000000000000000') });
const weight = fc.integer({ min: 0, max: 1_000_000 }).map((n) => new Decimal(n).div(1000).toString());
const weights = fc.array(weight, { minLength: 1, maxLength: 20 }).filter((ws) => ws.some((w) => w !== '0'));

function totalOf(c: bigint): string {
  return new Decimal(c.toString()).div(100).toFixed(2);
}

describe('allocate laws (fast-check)', () => {
  it('the parts sum exactly to the total', () => {
    fc.assert(
      fc.property(cents, weights, (c, ws) => {
        const total = totalOf(c);
        const parts = allocate(total, ws, { scale: 2 });
        const sum = parts.reduce((a, p) => a.plus(p), new Decimal(0));
        expect(sum.equals(total)).toBe(true);
        expect(parts).toHaveLength(ws.length);
      }),
      { numRuns: 300 },
    );
  });

  it('each part is the floor or the ceiling of its exact quota, at the scale', () => {
    fc.assert(
      fc.property(cents, weights, (c, ws) => {
        const total = new Decimal(totalOf(c));
        const sumW = ws.reduce((a, w) => a.plus(w), new Decimal(0));
        const parts = allocate(total, ws, { scale: 2 });
        parts.forEach((p, i) => {
          // Independent oracle: the quota in cents computed with a 100-digit decimal.
          const Big = Decimal.clone({ precision: 100 });
          const quota = new Big(total.toString()).times(100).times(ws[i]!).div(sumW.toString());
          const cent = new Big(p.toString()).times(100);
          expect(cent.gte(quota.floor()) && cent.lte(quota.ceil())).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('permuting the weights permutes the parts when the remainders are distinct', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 2, maxLength: 8 }),
        (total, ws) => {
          const parts = allocate(total, ws, { scale: 0 }).map(String);
          const reversed = allocate(total, [...ws].reverse(), { scale: 0 }).map(String).reverse();
          // Ties in the remainders may resolve differently (earlier position wins); check only tie-free cases.
          const sumW = ws.reduce((a, b) => a + b, 0);
          const rems = ws.map((w) => (total * w) % sumW);
          fc.pre(new Set(rems).size === rems.length);
          expect(reversed).toEqual(parts);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('ties go to the earlier position: equal weights give the extra units to the first parts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 50 }), (total, n) => {
        const parts = allocate(total, new Array(n).fill(1), { scale: 0 }).map(Number);
        const base = Math.floor(total / n);
        const extra = total - base * n;
        expect(parts).toEqual(parts.map((_, i) => (i < extra ? base + 1 : base)));
      }),
    );
  });

  it('a negative total gives the negated parts of the positive total', () => {
    fc.assert(
      fc.property(cents, weights, (c, ws) => {
        const pos = allocate(totalOf(c < 0 ? -c : c), ws, { scale: 2 });
        const neg = allocate(totalOf(c < 0 ? c : -c), ws, { scale: 2 });
        expect(neg.map(String)).toEqual(pos.map((p) => p.negated().toString()));
      }),
      { numRuns: 200 },
    );
  });

  it('scaling every weight by the same factor changes nothing', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), weights, fc.integer({ min: 2, max: 1000 }), (t, ws, k) => {
        const a = allocate(t, ws, { scale: 0 }).map(String);
        const b = allocate(t, ws.map((w) => new Decimal(w).times(k)), { scale: 0 }).map(String);
        expect(b).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });

  it('number and string inputs of the same value give identical parts', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 10 }), (t, ws) => {
        fc.pre(ws.some((w) => w > 0));
        expect(allocate(t, ws, { scale: 0 }).map(String)).toEqual(allocate(String(t), ws.map(String), { scale: 0 }).map(String));
      }),
    );
  });
});
