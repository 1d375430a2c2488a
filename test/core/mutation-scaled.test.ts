// Scaled-integer helpers (src/core/scaled.ts) at the edges the main file does not reach: the
// encoding tables, the places of a list of Decimals, and apportionment over many parts with the
// bumped marks. Expected values are derived by hand in the comments.
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { POW10, ROUNDING_CODE, SAFE, addScaled, apportionScaled, mulScaled, compareScaled, divRound, isTooBig, placesOf, rescale, roundScaled, toScaled, unitsOfNumber } from '../../src/core/scaled.js';

describe('tables', () => {
  it('ROUNDING_CODE numbers the modes in the documented order; POW10 holds 10^0 … 10^22', () => {
    expect(ROUNDING_CODE).toEqual({ 'half-up': 0, 'half-even': 1, 'half-down': 2, up: 3, down: 4, ceiling: 5, floor: 6 });
    expect(Object.isFrozen(ROUNDING_CODE)).toBe(true);
    expect(POW10).toHaveLength(23);
    expect(POW10[0]).toBe(1);
    expect(POW10[22]).toBe(1e22);
    expect(Object.isFrozen(POW10)).toBe(true);
    expect(SAFE).toBe(9007199254740991);
  });
});

describe('the exact range is ±(2^53 − 1), both ends included', () => {
  it('reaches −(2^53 − 1) and 2^53 − 1, and no further', () => {
    expect(addScaled(-SAFE + 1, -1)).toBe(-SAFE);
    expect(mulScaled(-SAFE, 1)).toBe(-SAFE);
    expect(mulScaled(SAFE, 1)).toBe(SAFE);
    expect(isTooBig(mulScaled(-SAFE, 2))).toBe(true);
  });
});

describe('placesOf', () => {
  it('the most decimal places among the Decimals, nulls and undefined skipped, 0 for none', () => {
    expect(placesOf([])).toBe(0);
    expect(placesOf([null, undefined])).toBe(0);
    expect(placesOf([new Decimal('1.5'), null, new Decimal('2.125'), new Decimal('3')])).toBe(3);
    expect(placesOf([new Decimal('100')])).toBe(0);
  });
});

describe('scaling at its limits', () => {
  it('rescale moves up to 22 places and no more', () => {
    expect(rescale(1, 0, 15)).toBe(1e15);
    expect(isTooBig(rescale(1, 0, 23))).toBe(true);
    expect(isTooBig(rescale(0, 0, 23))).toBe(true);
    expect(rescale(0, 0, 22)).toBe(0);
  });

  it('roundScaled drops up to 22 places and no more; equal scales pass through', () => {
    expect(roundScaled(7, 2, 2, 0)).toBe(7);
    expect(roundScaled(5, 22, 0, ROUNDING_CODE.up)).toBe(1);
    expect(roundScaled(5, 22, 0, ROUNDING_CODE.down)).toBe(0);
    expect(isTooBig(roundScaled(5, 23, 0, ROUNDING_CODE.up))).toBe(true);
  });

  it('compareScaled: same scale compares directly, either side rescaled', () => {
    expect(compareScaled(3, 2, 5, 2)).toBe(-2);
    expect(compareScaled(15, 1, 149, 2)).toBe(1);
    expect(compareScaled(149, 2, 15, 1)).toBe(-1);
  });

  it('toScaled: up to 22 places, not negative places, not beyond 2^53 − 1', () => {
    expect(toScaled(new Decimal('1'), 15)).toBe(1e15);
    expect(isTooBig(toScaled(new Decimal('0'), 23))).toBe(true);
    expect(isTooBig(toScaled(new Decimal('1'), -1))).toBe(true);
    expect(toScaled(new Decimal(String(SAFE)), 0)).toBe(SAFE);
    expect(toScaled(new Decimal(String(-SAFE)), 0)).toBe(-SAFE);
    expect(isTooBig(toScaled(new Decimal('-9007199254740992'), 0))).toBe(true);
  });

  it('unitsOfNumber stops below 2^52 units', () => {
    expect(unitsOfNumber(2 ** 52 - 1, 1)).toBe(2 ** 52 - 1);
    expect(isTooBig(unitsOfNumber(2 ** 52, 1))).toBe(true);
    expect(unitsOfNumber(-(2 ** 52 - 1), 1)).toBe(-(2 ** 52 - 1));
    expect(isTooBig(unitsOfNumber(-(2 ** 52), 1))).toBe(true);
  });

  it('divRound: exact quotients stay exact and large ones take the % path', () => {
    expect(divRound(10, 5, ROUNDING_CODE.up)).toBe(2);
    expect(divRound(-10, -5, ROUNDING_CODE.floor)).toBe(2);
    // 2^52 + 3 over 2: 2251799813685249.5 → half-even to 2251799813685250 (the even one), down to …249.
    expect(divRound(2 ** 52 + 3, 2, ROUNDING_CODE['half-even'])).toBe(2251799813685250);
    expect(divRound(2 ** 52 + 3, 2, ROUNDING_CODE.down)).toBe(2251799813685249);
    expect(divRound(-(2 ** 52 + 3), 2, ROUNDING_CODE['half-down'])).toBe(-2251799813685249);
    expect(divRound(-(2 ** 52 + 3), 2, ROUNDING_CODE.ceiling)).toBe(-2251799813685249);
    expect(divRound(-(2 ** 52 + 3), 2, ROUNDING_CODE.floor)).toBe(-2251799813685250);
    // Exactly 2^52: the first value on the % path; 2^52 / 3 = 1501199875790165.33… → up 1501199875790166.
    expect(divRound(2 ** 52, 3, ROUNDING_CODE.up)).toBe(1501199875790166);
    expect(divRound(-(2 ** 52), 3, ROUNDING_CODE.up)).toBe(-1501199875790166);
    expect(divRound(2 ** 52 - 1, 3, ROUNDING_CODE.up)).toBe(1501199875790165);
  });
});

describe('apportionScaled over many parts', () => {
  it('40 equal weights: 45 units give 2 to the first five, 1 to the rest, and mark the five', () => {
    // 45 × 1/40 = 1.125 each: floors 1 (40 given), 5 left, equal remainders → the earliest five.
    const bumped = new Array<number>(40).fill(7);
    const parts = apportionScaled(45, new Array<number>(40).fill(1), 40, undefined, bumped)!;
    expect(parts).toEqual([...new Array(5).fill(2), ...new Array(35).fill(1)]);
    expect(bumped).toEqual([...new Array(5).fill(1), ...new Array(35).fill(0)]);
  });

  it('33 distinct weights: the leftover goes to the largest remainders, not by position', () => {
    // Weights 1..33 (Σ 561), 100 units: quota k = 100k/561, floor ⌊100k/561⌋, remainder 100k mod 561.
    // The floors sum to 83 (asserted below), so 17 units go to the 17 largest remainders.
    const w = Array.from({ length: 33 }, (_, i) => i + 1);
    const rems = w.map((k) => (100 * k) % 561);
    const floors = w.map((k) => Math.floor((100 * k) / 561));
    expect(floors.reduce((a, b) => a + b, 0)).toBe(83);
    const winners = new Set(w.map((_, i) => i).sort((a, b) => rems[b]! - rems[a]! || a - b).slice(0, 17));
    const bumped = new Array<number>(33).fill(0);
    const parts = apportionScaled(100, w, 561, undefined, bumped)!;
    expect(parts).toEqual(floors.map((f, i) => (winners.has(i) ? f + 1 : f)));
    expect(bumped).toEqual(w.map((_, i) => (winners.has(i) ? 1 : 0)));
    expect(parts.reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('writes into the array given, and refuses a total that is not positive or a product past 2^53', () => {
    const out = [9, 9];
    expect(apportionScaled(3, [1, 2], 3, out)).toBe(out);
    expect(out).toEqual([1, 2]);
    expect(apportionScaled(1, [1], -1)).toBeNull();
    expect(apportionScaled(1, [1], Number.NaN)).toBeNull();
    expect(apportionScaled(Number.NaN, [1], 1)).toBeNull();
    // 2^53 − 1 units over a total of 1: the product is still safe.
    expect(apportionScaled(SAFE, [1], 1)).toEqual([SAFE]);
    expect(apportionScaled(-SAFE, [1], 1)).toEqual([-SAFE]);
  });

  it('after a call with many parts, a call with few is unaffected by the scratch space', () => {
    apportionScaled(1000, Array.from({ length: 200 }, (_, i) => i + 1), 20100);
    // 5 by [1, 1, 1]: 1 each with 2 left → the first two.
    expect(apportionScaled(5, [1, 1, 1], 3)).toEqual([2, 2, 1]);
  });
});

describe('apportionScaled grows its scratch space enough', () => {
  it('300 parts after 200: the largest remainder at index 299 gets its unit', () => {
    // Weights 1 × 299 and 2 at the end (Σ 301), 150 units: quotas 150/301 (remainder 150) and
    // 300/301 (remainder 300); every floor is 0, so the 150 units go to index 299 first, then to
    // the earliest 149 of the equal remainders.
    apportionScaled(1000, Array.from({ length: 200 }, (_, i) => i + 1), 20100);
    const w = [...new Array<number>(299).fill(1), 2];
    const parts = apportionScaled(150, w, 301)!;
    expect(parts[299]).toBe(1);
    expect(parts.slice(0, 149).every((p) => p === 1)).toBe(true);
    expect(parts.slice(149, 299).every((p) => p === 0)).toBe(true);
  });
});
