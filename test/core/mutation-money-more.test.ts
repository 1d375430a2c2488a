// src/core/money.ts, more cases: validation of values that only look like a mode or a currency
// code when turned into text, error paths of allocateEvenly, and the largest-remainder rule over
// more than 32 parts (the sorted path). Expected parts worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import { allocate, allocateEvenly } from 'dealerkit';
import { checkMode, currencyScaleAt } from '../../src/core/money.js';
import { thrown } from '../helpers.js';

describe('values that are text only when converted', () => {
  it('a rounding mode must be text itself, not an object printing as one', () => {
    const e = thrown(() => checkMode({ toString: () => 'half-up' }, ['mode']));
    expect([e.code, e.issues[0]!.path]).toEqual(['invalid_input', ['mode']]);
    expect(e.issues[0]!.message).toBe("must be one of 'half-up', 'half-even', 'half-down', 'up', 'down', 'ceiling', 'floor', received an object");
  });

  it('a currency code must be text itself, not a list holding it', () => {
    const e = thrown(() => currencyScaleAt(['EUR'], ['currency']));
    expect(e.issues).toEqual([{ path: ['currency'], code: 'invalid_value', message: 'must be a three-letter ISO 4217 currency code, received an array' }]);
    expect(currencyScaleAt('eur', ['currency'])).toBe(2);
  });
});

describe('allocateEvenly', () => {
  it('a bad total is refused at total, with no other prefix', () => {
    expect(thrown(() => allocateEvenly('abc', 2, { scale: 0 })).issues.map((i) => i.path)).toEqual([['total']]);
  });
});

describe('allocate over more than 32 parts: largest remainders first, ties to the earlier part', () => {
  // Weights of 10^15 and 3 × 10^15: units × Σ weights passes 2^53, so the parts come from the BigInt
  // split, whose leftover units go by one stable sort of the remainders when there are more than 32.
  it('40 equal weights of 10^15 share 10 units: the first 10 parts get one each', () => {
    const parts = allocate(10, new Array(40).fill(1e15), { scale: 0 }).map(String);
    expect(parts).toEqual([...new Array(10).fill('1'), ...new Array(30).fill('0')]);
  });

  it('40 weights alternating 3 × 10^15 and 10^15 share 10 units: the first ten of the larger, either way round', () => {
    // Σ = 20 × 3e15 + 20 × 1e15 = 8e16; shares 10 × 3/8 = 0.375 and 10 × 1/8 = 0.125; 10 units left.
    const big = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 3e15 : 1e15));
    expect(allocate(10, big, { scale: 0 }).map(String)).toEqual(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 && i < 20 ? '1' : '0')));
    const flipped = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 1e15 : 3e15));
    expect(allocate(10, flipped, { scale: 0 }).map(String)).toEqual(Array.from({ length: 40 }, (_, i) => (i % 2 === 1 && i < 20 ? '1' : '0')));
  });

  it('40 equal weights share 10 units: the first 10 parts get one each', () => {
    // 10 / 40 = 0.25 each: all floors 0, all remainders equal, 10 units left over.
    const parts = allocate(10, new Array(40).fill(1), { scale: 0 }).map(String);
    expect(parts).toEqual([...new Array(10).fill('1'), ...new Array(30).fill('0')]);
  });

  it('100 weights alternating 3 × 10^15 and 10^15 share 30 units: the first thirty of the larger (a sort that merges runs)', () => {
    // Σ = 50 × 3e15 + 50 × 1e15 = 2e17; shares 30 × 3/20 = 4.5 → 0.45 and 30 × 1/20 = 0.15 → floors 0; 30 units left
    // for the 30 largest remainders: the weights of 3e15 at indices 0, 2, …, 58.
    const big = Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? 3e15 : 1e15));
    expect(allocate(30, big, { scale: 0 }).map(String)).toEqual(Array.from({ length: 100 }, (_, i) => (i % 2 === 0 && i < 60 ? '1' : '0')));
    const flipped = Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? 1e15 : 3e15));
    expect(allocate(30, flipped, { scale: 0 }).map(String)).toEqual(Array.from({ length: 100 }, (_, i) => (i % 2 === 1 && i < 60 ? '1' : '0')));
    // 100 equal weights share 30: the first 30.
    expect(allocate(30, new Array(100).fill(1e15), { scale: 0 }).map(String)).toEqual(Array.from({ length: 100 }, (_, i) => (i < 30 ? '1' : '0')));
  });

  it('40 weights alternating 3 and 1 share 10 units: the first ten weights of 3', () => {
    // Sum of weights 20 × 3 + 20 × 1 = 80; a weight of 3 gets 10 × 3 / 80 = 0.375, of 1 gets 0.125.
    // All floors 0, 10 units left: the largest remainders (0.375) at indices 0, 2, …, 18.
    const weights = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 3 : 1));
    const expected = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 && i < 20 ? '1' : '0'));
    expect(allocate(10, weights, { scale: 0 }).map(String)).toEqual(expected);
  });

  it('the same with the weights of 1 first: the weights of 3 still win, the earliest ten of them', () => {
    const weights = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 1 : 3));
    const expected = Array.from({ length: 40 }, (_, i) => (i % 2 === 1 && i < 20 ? '1' : '0'));
    expect(allocate(10, weights, { scale: 0 }).map(String)).toEqual(expected);
    // Through the Decimal path as well (weights as text with places).
    expect(allocate('10', weights.map((w) => `${w}.0`), { scale: 0 }).map(String)).toEqual(expected);
  });
});
