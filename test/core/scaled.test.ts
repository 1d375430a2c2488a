import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal as DecimalJs } from 'decimal.js';
import { ROUNDING_MODES, type RoundingMode } from '../../src/core/money.js';
import {
  ROUNDING_CODE,
  SAFE,
  TOO_BIG,
  addScaled,
  apportionScaled,
  compareScaled,
  divRound,
  isTooBig,
  mulScaled,
  rescale,
  roundScaled,
  toScaled,
  unitsOfNumber,
} from '../../src/core/scaled.js';
import { Decimal } from '../../src/core/decimal.js';

// Oracle: decimal.js (a fresh clone with 60 digits, independent of the library's own settings):
// n / d rounded to an integer by decimal.js's own rounding constants.
const Oracle = DecimalJs.clone({ precision: 60 });
const ORACLE_MODE: Record<RoundingMode, DecimalJs.Rounding> = {
  'half-up': DecimalJs.ROUND_HALF_UP,
  'half-even': DecimalJs.ROUND_HALF_EVEN,
  'half-down': DecimalJs.ROUND_HALF_DOWN,
  up: DecimalJs.ROUND_UP,
  down: DecimalJs.ROUND_DOWN,
  ceiling: DecimalJs.ROUND_CEIL,
  floor: DecimalJs.ROUND_FLOOR,
};
function oracle(n: number, d: number, mode: RoundingMode): number {
  return new Oracle(n).div(d).toDecimalPlaces(0, ORACLE_MODE[mode]).toNumber() + 0; // + 0: no -0
}

describe('divRound', () => {
  // Hand table (quotients ±2.5, ±2.4, ±2.6, ±1.5, ±0.5, ±0.2 and exact ones), each row's value
  // read off the mode definitions in src/core/money.ts (e.g. up is away from zero: −2.4 → −3).
  const table: [n: number, d: number, expected: Record<RoundingMode, number>][] = [
    [5, 2, { 'half-up': 3, 'half-even': 2, 'half-down': 2, up: 3, down: 2, ceiling: 3, floor: 2 }],
    [-5, 2, { 'half-up': -3, 'half-even': -2, 'half-down': -2, up: -3, down: -2, ceiling: -2, floor: -3 }],
    [12, 5, { 'half-up': 2, 'half-even': 2, 'half-down': 2, up: 3, down: 2, ceiling: 3, floor: 2 }],
    [-12, 5, { 'half-up': -2, 'half-even': -2, 'half-down': -2, up: -3, down: -2, ceiling: -2, floor: -3 }],
    [13, 5, { 'half-up': 3, 'half-even': 3, 'half-down': 3, up: 3, down: 2, ceiling: 3, floor: 2 }],
    [-13, 5, { 'half-up': -3, 'half-even': -3, 'half-down': -3, up: -3, down: -2, ceiling: -2, floor: -3 }],
    [3, 2, { 'half-up': 2, 'half-even': 2, 'half-down': 1, up: 2, down: 1, ceiling: 2, floor: 1 }],
    [-3, 2, { 'half-up': -2, 'half-even': -2, 'half-down': -1, up: -2, down: -1, ceiling: -1, floor: -2 }],
    [1, 2, { 'half-up': 1, 'half-even': 0, 'half-down': 0, up: 1, down: 0, ceiling: 1, floor: 0 }],
    [-1, 2, { 'half-up': -1, 'half-even': 0, 'half-down': 0, up: -1, down: 0, ceiling: 0, floor: -1 }],
    [-1, 5, { 'half-up': 0, 'half-even': 0, 'half-down': 0, up: -1, down: 0, ceiling: 0, floor: -1 }],
    [-10, 5, { 'half-up': -2, 'half-even': -2, 'half-down': -2, up: -2, down: -2, ceiling: -2, floor: -2 }],
    [0, 7, { 'half-up': 0, 'half-even': 0, 'half-down': 0, up: 0, down: 0, ceiling: 0, floor: 0 }],
  ];
  for (const [n, d, expected] of table) {
    for (const mode of ROUNDING_MODES) {
      it(`${n} / ${d} ${mode} is ${expected[mode]}`, () => {
        const got = divRound(n, d, ROUNDING_CODE[mode]);
        expect(got).toBe(expected[mode]);
        expect(Object.is(got, -0)).toBe(false);
      });
    }
  }

  it('a negative divisor flips both signs: 5 / −2 is −2.5', () => {
    expect(divRound(5, -2, ROUNDING_CODE.up)).toBe(-3);
    expect(divRound(5, -2, ROUNDING_CODE.ceiling)).toBe(-2);
    expect(divRound(5, -2, ROUNDING_CODE['half-even'])).toBe(-2);
  });

  it('is exact next to 2^53 (2^53 − 1 over 2 is 4503599627370495.5)', () => {
    expect(divRound(SAFE, 2, ROUNDING_CODE['half-up'])).toBe(4503599627370496);
    expect(divRound(SAFE, 2, ROUNDING_CODE['half-even'])).toBe(4503599627370496);
    expect(divRound(SAFE, 2, ROUNDING_CODE.down)).toBe(4503599627370495);
    expect(divRound(-SAFE, 2, ROUNDING_CODE.down)).toBe(-4503599627370495);
    expect(divRound(-SAFE, 2, ROUNDING_CODE.floor)).toBe(-4503599627370496);
    // Math.floor(n / d) would be wrong here: (2^53 − 1) / (2^53 − 2) rounds to 1 as a double.
    expect(divRound(SAFE - 2, SAFE - 1, ROUNDING_CODE.ceiling)).toBe(1);
    expect(divRound(SAFE - 2, SAFE - 1, ROUNDING_CODE.floor)).toBe(0);
  });

  it('passes TOO_BIG through', () => {
    expect(isTooBig(divRound(TOO_BIG, 3, 0))).toBe(true);
  });

  const integer = fc.oneof(
    fc.integer({ min: -1000, max: 1000 }),
    fc.maxSafeInteger(),
    fc.constantFrom(0, 1, -1, SAFE, -SAFE, 2 ** 52, -(2 ** 52)),
  );
  const divisor = fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: SAFE }), fc.integer({ min: -1000, max: -1 }));

  for (const mode of ROUNDING_MODES) {
    it(`agrees with decimal.js in ${mode} over negative, zero and positive quotients`, () => {
      fc.assert(
        fc.property(integer, divisor, (n, d) => {
          const got = divRound(n, d, ROUNDING_CODE[mode]);
          expect(got).toBe(oracle(n, d, mode));
          expect(Object.is(got, -0)).toBe(false);
        }),
        { numRuns: 2000 },
      );
    });
  }

  it('ties (n = odd × d / 2) agree with decimal.js in every mode', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }), fc.constantFrom(...ROUNDING_MODES), (k, h, mode) => {
        const n = (2 * k + 1) * h;
        expect(divRound(n, 2 * h, ROUNDING_CODE[mode])).toBe(oracle(n, 2 * h, mode));
      }),
    );
  });
});

describe('guards, scaling and comparison', () => {
  it('mulScaled and addScaled signal TOO_BIG beyond 2^53 − 1, and only then', () => {
    expect(mulScaled(2 ** 26, 2 ** 26)).toBe(2 ** 52);
    expect(isTooBig(mulScaled(2 ** 27, 2 ** 26))).toBe(true);
    expect(isTooBig(mulScaled(-(2 ** 27), 2 ** 26))).toBe(true);
    expect(addScaled(SAFE - 1, 1)).toBe(SAFE);
    expect(isTooBig(addScaled(SAFE, 1))).toBe(true);
    expect(isTooBig(addScaled(-SAFE, -1))).toBe(true);
    expect(isTooBig(addScaled(TOO_BIG, 0))).toBe(true);
  });

  it('rescale multiplies by a power of ten, refuses to lose digits', () => {
    expect(rescale(-125, 2, 4)).toBe(-12500);
    expect(rescale(7, 3, 3)).toBe(7);
    expect(isTooBig(rescale(7, 3, 2))).toBe(true);
    expect(isTooBig(rescale(2 ** 50, 0, 2))).toBe(true);
  });

  it('roundScaled: −1.235 at scale 2 is −1.24 half-up, −1.23 ceiling, −1.24 up', () => {
    expect(roundScaled(-1235, 3, 2, ROUNDING_CODE['half-up'])).toBe(-124);
    expect(roundScaled(-1235, 3, 2, ROUNDING_CODE['half-even'])).toBe(-124);
    expect(roundScaled(-1235, 3, 2, ROUNDING_CODE.ceiling)).toBe(-123);
    expect(roundScaled(-1235, 3, 2, ROUNDING_CODE.up)).toBe(-124);
    expect(roundScaled(5, 0, 2, 0)).toBe(500);
  });

  it('compareScaled compares across scales', () => {
    expect(Math.sign(compareScaled(15, 1, 150, 2))).toBe(0);
    expect(Math.sign(compareScaled(-15, 1, -149, 2))).toBe(-1);
    expect(Math.sign(compareScaled(2, 0, 1999, 3))).toBe(1);
    expect(Number.isNaN(compareScaled(2 ** 52, 0, 1, 3))).toBe(true);
  });

  it('toScaled reads whole scaled integers of Decimals, and refuses the rest', () => {
    expect(toScaled(new Decimal('-12.34'), 2)).toBe(-1234);
    expect(toScaled(new Decimal('0.5'), 3)).toBe(500);
    expect(isTooBig(toScaled(new Decimal('0.125'), 2))).toBe(true);
    expect(isTooBig(toScaled(new Decimal('9007199254740992'), 0))).toBe(true);
    expect(Object.is(toScaled(new Decimal('-0'), 2), -0)).toBe(false);
  });

  it('unitsOfNumber accepts exact minor units only, negative ones included', () => {
    expect(unitsOfNumber(12.34, 100)).toBe(1234);
    expect(unitsOfNumber(-0.07, 100)).toBe(-7);
    expect(Object.is(unitsOfNumber(-0, 100), -0)).toBe(false);
    for (const bad of [0.125, NaN, Infinity, '1', 2 ** 60]) expect(isTooBig(unitsOfNumber(bad, 100))).toBe(true);
  });

  it('agrees with decimal.js on products and on random numbers in minor units', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.integer({ min: -(2 ** 20), max: 2 ** 20 }), (a, b) => {
        const p = mulScaled(a, b);
        const exact = new Oracle(a).times(b);
        if (exact.abs().gt(SAFE)) expect(isTooBig(p)).toBe(true);
        else expect(p).toBe(exact.toNumber());
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), (cents) => {
        const x = new Oracle(cents).div(100).toNumber();
        expect(unitsOfNumber(x, 100)).toBe(cents);
      }),
    );
  });
});

describe('apportionScaled (largest remainder)', () => {
  it('10 by [6, 6, 2] is [4, 4, 2], and 11 is [5, 5, 1] (the Alabama paradox, hand quotas)', () => {
    // 10 × 6/14 = 4.28…, 10 × 2/14 = 1.42… → floors 4, 4, 1, leftover 1 to the largest remainder (2 → 0.42…).
    expect(apportionScaled(10, [6, 6, 2], 14)).toEqual([4, 4, 2]);
    // 11 × 6/14 = 4.71…, 11 × 2/14 = 1.57… → floors 4, 4, 1, leftover 2 to the first two (0.71… each).
    expect(apportionScaled(11, [6, 6, 2], 14)).toEqual([5, 5, 1]);
  });

  it('equal remainders go to the earlier position; bumped marks them', () => {
    const bumped = [9, 9, 9];
    expect(apportionScaled(2, [1, 1, 1], 3, undefined, bumped)).toEqual([1, 1, 0]);
    expect(bumped).toEqual([1, 1, 0]);
  });

  it('a negative total splits symmetrically', () => {
    expect(apportionScaled(-11, [6, 6, 2], 14)).toEqual([-5, -5, -1]);
    expect(apportionScaled(-0, [1, 1], 2)!.every((x) => !Object.is(x, -0))).toBe(true);
  });

  it('refuses when units × total leaves 2^53, or the total is not positive', () => {
    expect(apportionScaled(2 ** 40, [2 ** 20, 2 ** 20], 2 ** 21)).toBeNull();
    expect(apportionScaled(5, [0, 0], 0)).toBeNull();
  });

  it('sums to the whole and stays within one unit of every quota (many and few parts)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.array(fc.integer({ min: 0, max: 1e5 }), { minLength: 1, maxLength: 80 }).filter((w) => w.some((x) => x > 0)),
        (units, w) => {
          const total = w.reduce((a, b) => a + b, 0);
          const parts = apportionScaled(units, w, total)!;
          expect(parts.reduce((a, b) => a + b, 0)).toBe(units);
          parts.forEach((p, i) => {
            // The quota by decimal.js; every part is its floor or ceiling (towards the total's sign).
            const quota = new Oracle(units).times(w[i]!).div(total);
            expect(new Oracle(p).minus(quota).abs().lt(1)).toBe(true);
          });
        },
      ),
    );
  });
});
