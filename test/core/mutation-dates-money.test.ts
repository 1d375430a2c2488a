// Dates and money at their edges (src/core/dates.ts, src/core/money.ts): exact messages, the
// bounds of the date range, the rounding-scale bound of step texts, the currency cache and both
// allocation paths. Expected values are derived by hand in the comments (or, for day counts
// across millennia, by Date.UTC, an independent oracle).
import { afterEach, describe, expect, it } from 'vitest';
import { allocate, calculateDateAfter, roundTo, toCurrencyScale, toDecimal, toIsoDate } from 'dealerkit';
import { isoDateAt, plusDaysAt, utcDateOf } from '../../src/core/dates.js';
import { allocateAt, apportionUnits, checkMode, checkScale, currencyScaleAt, roundDecimal, roundRatio } from '../../src/core/money.js';
import { thrown } from '../helpers.js';

const DAY = 86_400_000;

describe('dates: messages and bounds', () => {
  it('names what is wrong with a date text, exactly', () => {
    const cases: [unknown, string][] = [
      ['0000-06-01', 'must have a year from 0001 to 9999, received "0000-06-01"'],
      ['2026-13-01', 'has no month 13, received "2026-13-01"'],
      ['2026-00-01', 'has no month 00, received "2026-00-01"'],
      ['2026-04-31', 'is not a calendar date (2026-04 has 30 days), received "2026-04-31"'],
      ['2024-02-30', 'is not a calendar date (2024-02 has 29 days), received "2024-02-30"'],
      ['2026-01-00', 'is not a calendar date (2026-01 has 31 days), received "2026-01-00"'],
      ['0999-02-29', 'is not a calendar date (0999-02 has 28 days), received "0999-02-29"'],
      ['26-01-01', 'must be a date written YYYY-MM-DD (no time of day), received "26-01-01"'],
      ['x2026-01-01', 'must be a date written YYYY-MM-DD (no time of day), received "x2026-01-01"'],
      ['2026-01-01x', 'must be a date written YYYY-MM-DD (no time of day), received "2026-01-01x"'],
      [new Date(Number.NaN), 'must be a valid Date, received an Invalid Date'],
      [new Date(Date.UTC(10000, 0, 1)), 'must have a year from 0001 to 9999, received 10000'],
      [new Date('-000001-06-01T00:00:00Z'), 'must have a year from 0001 to 9999, received -1'],
      [undefined, 'must be a date written YYYY-MM-DD or a Date, received undefined'],
      [{}, 'must be a date written YYYY-MM-DD or a Date, received object'],
    ];
    for (const [value, message] of cases) {
      expect(thrown(() => isoDateAt(value, ['d'])).issues).toEqual([{ path: ['d'], code: 'not_a_date', message, expected: 'an ISO date (YYYY-MM-DD)' }]);
    }
  });

  it('accepts the first and last day of every month of a leap year and a common year', () => {
    // 2024: leap (divisible by 4, not by 100); 2100: common (by 100, not 400); 2000: leap (by 400).
    expect(toIsoDate('2024-02-29')).toBe('2024-02-29');
    expect(thrown(() => toIsoDate('2100-02-29')).issues[0]!.message).toContain('2100-02 has 28 days');
    expect(toIsoDate('2000-02-29')).toBe('2000-02-29');
    expect(toIsoDate('2026-12-31')).toBe('2026-12-31');
    expect(toIsoDate(new Date(Date.UTC(9999, 11, 31, 23, 59)))).toBe('9999-12-31');
    expect(toIsoDate(new Date(Date.UTC(2000, 0, 1) - 730119 * DAY))).toBe('0001-01-01');
  });

  it('reads dates before the year 100 at their own year (not 19xx)', () => {
    expect(utcDateOf('0050-03-01').getUTCFullYear()).toBe(50);
    expect(calculateDateAfter('0050-03-01', -1)).toBe('0050-02-28');
    expect(calculateDateAfter('0004-02-28', 1)).toBe('0004-02-29'); // year 4 is a leap year
  });

  it('a day count that is not a whole number is refused with the code that fits', () => {
    expect(thrown(() => calculateDateAfter('2026-01-01', 'x' as never)).issues).toEqual([
      { path: ['days'], code: 'invalid_type', message: 'must be a whole number of days, received "x"' },
    ]);
    expect(thrown(() => calculateDateAfter('2026-01-01', undefined as never)).issues[0]).toMatchObject({ code: 'required', message: 'must be a whole number of days, received nothing' });
    expect(thrown(() => calculateDateAfter('2026-01-01', Number.NaN)).issues[0]!.code).toBe('not_an_integer');
    expect(calculateDateAfter('2026-01-01', 0)).toBe('2026-01-01');
  });

  it('a shift out of 0001–9999 is out_of_range with the days that were still possible as its limit', () => {
    const toLast = (Date.UTC(9999, 11, 31) - Date.UTC(2026, 0, 1)) / DAY;
    expect(thrown(() => calculateDateAfter('2026-01-01', 100_000_000)).issues).toEqual([
      {
        path: ['days'],
        code: 'out_of_range',
        message: 'moves 2026-01-01 outside the years 0001 to 9999, received 100000000 days',
        received: '100000000',
        limit: String(toLast),
      },
    ]);
    expect(calculateDateAfter('2026-01-01', toLast)).toBe('9999-12-31');
    // Backwards: from 0001-01-05 at most 4 days back.
    expect(thrown(() => calculateDateAfter('0001-01-05', -5)).issues[0]).toMatchObject({ code: 'out_of_range', limit: '-4' });
    expect(calculateDateAfter('0001-01-05', -4)).toBe('0001-01-01');
  });

  it('plusDaysAt refuses a non-finite count at the path given', () => {
    expect(thrown(() => plusDaysAt('2026-01-01', Number.NaN, ['lead'])).issues[0]).toMatchObject({ path: ['lead'], code: 'out_of_range', received: 'NaN' });
    expect(thrown(() => plusDaysAt('2026-01-01', Infinity, ['lead'])).issues[0]).toMatchObject({ path: ['lead'], received: 'Infinity' });
    expect(thrown(() => plusDaysAt('2026-01-01', -Infinity, ['lead'])).issues[0]).toMatchObject({ path: ['lead'], received: '-Infinity' });
    expect(plusDaysAt('2026-02-28', 1, ['lead'])).toBe('2026-03-01');
  });
});

describe('rounding: checks and the printing bound', () => {
  it('checkScale and checkMode name what they got', () => {
    expect(checkScale(0, ['s'])).toBe(0);
    expect(checkScale(30, ['s'])).toBe(30);
    expect(thrown(() => checkScale('2', ['s'])).issues).toEqual([{ path: ['s'], code: 'invalid_value', message: 'must be a whole number of decimal places, received "2"' }]);
    expect(thrown(() => checkScale(Number.NaN, ['s'])).issues[0]!.message).toBe('must be a whole number of decimal places, received NaN');
    expect(thrown(() => checkScale(-1, ['s'])).issues).toEqual([{ path: ['s'], code: 'out_of_range', message: 'must be from 0 to 30, received -1' }]);
    expect(checkMode('floor', ['m'])).toBe('floor');
    expect(thrown(() => checkMode('toString', ['m'])).issues).toEqual([
      {
        path: ['m'],
        code: 'invalid_value',
        message: "must be one of 'half-up', 'half-even', 'half-down', 'up', 'down', 'ceiling', 'floor', received \"toString\"",
      },
    ]);
    expect(thrown(() => checkMode(3, ['m'])).issues[0]!.message).toContain('received 3');
  });

  it('roundTo uses half-up when no mode is given', () => {
    expect(roundTo('2.5', { scale: 0 }).toString()).toBe('3');
    expect(roundTo('-2.5', { scale: 0, mode: undefined as never }).toString()).toBe('-3');
    expect(roundTo('2.5', { scale: 0, mode: 'half-down' }).toString()).toBe('2');
  });

  it('roundDecimal rounds to at most 100,000 places and refuses more, a fraction or a negative count', () => {
    expect(roundDecimal(toDecimal('1.5'), 100_000, 'half-up').toString()).toBe('1.5');
    for (const bad of [100_001, -1, 2.5, Number.NaN]) {
      expect(thrown(() => roundDecimal(toDecimal('1.5'), bad, 'half-up')).issues).toEqual([
        {
          path: ['scale'],
          code: 'out_of_range',
          message: `must be a whole number of decimal places from 0 to 100000, received ${String(bad)}`,
          limit: '100000',
        },
      ]);
    }
    // Never a negative zero.
    expect(roundDecimal(toDecimal('-0.4'), 0, 'ceiling').isNeg()).toBe(false);
    expect(roundDecimal(toDecimal('-0.4'), 0, 'down').isNeg()).toBe(false);
  });

  it('roundRatio rounds half-up', () => {
    // 0.1234567890|15: the eleventh place is 1 → down → 0.1234567890 = 0.123456789.
    expect(roundRatio(toDecimal('0.123456789015'), 10).toString()).toBe('0.123456789');
    expect(roundRatio(toDecimal('0.00000000005'), 10).toString()).toBe('0.0000000001');
    expect(roundRatio(toDecimal('-0.00000000005'), 10).toString()).toBe('-0.0000000001');
    expect(roundRatio(toDecimal('0.125'), 2).toString()).toBe('0.13');
  });
});

describe('currencies: the cache and the code pattern', () => {
  const saved = globalThis.Intl;
  afterEach(() => {
    globalThis.Intl = saved;
  });

  it('a code read once is answered from the cache, even without Intl afterwards', () => {
    expect(currencyScaleAt('CLP', ['c'])).toBe(0);
    (globalThis as { Intl?: unknown }).Intl = undefined;
    expect(currencyScaleAt('clp', ['c'])).toBe(0);
    expect(thrown(() => currencyScaleAt('CHF', ['c'])).message).toBe('[dealerkit] c: this JavaScript engine has no Intl; give the rounding scale explicitly');
  });

  it('an Intl without a NumberFormat function is no Intl', () => {
    globalThis.Intl = { NumberFormat: undefined } as unknown as typeof Intl;
    expect(thrown(() => currencyScaleAt('NOK', ['c'])).issues[0]!.message).toBe('this JavaScript engine has no Intl; give the rounding scale explicitly');
  });

  it('three ASCII letters in any case and nothing else', () => {
    expect(toCurrencyScale('TnD')).toBe(3);
    for (const bad of ['U5D', 'ÄUD', ' USD', 'USD ', 'U-D', '']) {
      expect(thrown(() => toCurrencyScale(bad)).issues).toEqual([
        { path: ['currency'], code: 'invalid_value', message: `must be a three-letter ISO 4217 currency code, received ${JSON.stringify(bad)}` },
      ]);
    }
  });
});

describe('allocate: both paths give the same exact parts', () => {
  it('a number total with more places than the scale is refused, whichever path reads it', () => {
    expect(thrown(() => allocate(10.005, [1, 1], { scale: 2 })).issues).toEqual([
      { path: ['total'], code: 'invalid_value', message: 'has more than 2 decimal places (10.005); round it to the scale first' },
    ]);
    expect(thrown(() => allocate(0.1, [1], { scale: 0 })).issues[0]!.message).toBe('has more than 0 decimal places (0.1); round it to the scale first');
  });

  it('a scale of 16 or more leaves the plain-number path: 0.1 in three at scale 20', () => {
    // 0.1 = 10^19 units of 10^-20; 10^19 = 3 × 3333333333333333333 + 1 → the first part gets the unit.
    expect(allocate(0.1, [1, 1, 1], { scale: 20 }).map(String)).toEqual(['0.03333333333333333334', '0.03333333333333333333', '0.03333333333333333333']);
    expect(allocate(0.5, [1, 1], { scale: 15 }).map(String)).toEqual(['0.25', '0.25']);
  });

  it('zero parts are never negative zero on the Decimal path either', () => {
    const parts = allocate('-7', ['0', '1'], { scale: 0 });
    expect(parts.map(String)).toEqual(['0', '-7']);
    expect(parts[0]!.isNeg()).toBe(false);
    const cents = allocate('-0.07', ['0', '1.5'], { scale: 2 });
    expect(cents.map(String)).toEqual(['0', '-0.07']);
    expect(cents[0]!.isNeg()).toBe(false);
    expect(allocate('-0', [1, 1], { scale: 0 }).every((p) => !p.isNeg() && p.isZero())).toBe(true);
  });

  it('weights that are numbers but not safe integers take the Decimal path: 10 by [0.5, 0.25, 0.25]', () => {
    // 10 × 0.5 / 1 = 5, 10 × 0.25 = 2.5 twice → floors 5, 2, 2; the one left to the earlier .5.
    expect(allocate(10, [0.5, 0.25, 0.25], { scale: 0 }).map(String)).toEqual(['5', '3', '2']);
    expect(allocate(10, [2 ** 53, 1], { scale: 0 }).map(String)).toEqual(['10', '0']);
  });

  it('the errors of the general path carry the caller\'s prefix', () => {
    expect(thrown(() => allocateAt(10, [1, -1], { scale: 0 }, ['split'])).issues).toEqual([
      { path: ['split', 'weights', 1], code: 'invalid_value', message: 'must not be negative, received -1' },
    ]);
    expect(thrown(() => allocateAt(10, [0], { scale: 0 }, ['split'])).issues[0]!.path).toEqual(['split', 'weights']);
    expect(thrown(() => allocateAt(10, 'x' as never, { scale: 0 }, ['split'])).issues[0]!.path).toEqual(['split', 'weights']);
    expect(thrown(() => allocateAt(10, [], { scale: 0 }, ['split'])).issues[0]!.path).toEqual(['split', 'weights']);
    expect(thrown(() => allocateAt('x', [1], { scale: 0 }, ['split'])).issues[0]!.path).toEqual(['split', 'total']);
    expect(thrown(() => allocateAt('1.5', [1], { scale: 0 }, ['split'])).issues[0]!.path).toEqual(['split', 'total']);
    expect(thrown(() => allocateAt(1, [1], { scale: 99 }, ['split'])).issues[0]!.path).toEqual(['split', 'options', 'scale']);
    expect(thrown(() => allocateAt(1, [1], null as never, ['split'])).issues[0]!.path).toEqual(['split', 'options']);
    expect(thrown(() => allocateAt(1, ['0', '-0.5'], { scale: 0 }, [])).issues[0]!.message).toBe('must not be negative, received -0.5');
  });
});

describe('allocate: the BigInt path with many parts', () => {
  /** Hamilton's rule on BigInts, written independently: floors, then the largest remainders, ties to the earlier. */
  function hamilton(total: bigint, weights: bigint[]): bigint[] {
    const sum = weights.reduce((a, b) => a + b, BigInt(0));
    const floors = weights.map((w) => (total * w) / sum);
    const rems = weights.map((w) => (total * w) % sum);
    let left = total - floors.reduce((a, b) => a + b, BigInt(0));
    const order = weights.map((_, i) => i).sort((a, b) => (rems[a]! === rems[b]! ? a - b : rems[a]! > rems[b]! ? -1 : 1));
    const out = [...floors];
    for (const i of order) {
      if (left === BigInt(0)) break;
      out[i] = out[i]! + BigInt(1);
      left -= BigInt(1);
    }
    return out;
  }

  it('33 equal weights: 10^20 + 33 = 33 × 3030303030303030304 + 1, the unit to the first', () => {
    const parts = allocate('100000000000000000033', new Array(33).fill(1), { scale: 0 }).map(String);
    expect(parts[0]).toBe('3030303030303030305');
    expect(parts.slice(1)).toEqual(new Array(32).fill('3030303030303030304'));
  });

  it('40 distinct weights over 10^20 + 17 follow Hamilton\'s rule', () => {
    const weights = Array.from({ length: 40 }, (_, i) => BigInt(i + 1));
    const total = BigInt('100000000000000000017');
    const expected = hamilton(total, weights).map(String);
    expect(allocate(total.toString(), weights.map(Number), { scale: 0 }).map(String)).toEqual(expected);
    expect(apportionUnits(total, weights).map(String)).toEqual(expected);
  });

  it('a few distinct weights on the BigInt selection path follow it too, and so do plain numbers past 2^53', () => {
    const weights = [BigInt(7), BigInt(3), BigInt(5), BigInt(11)];
    const total = BigInt('123456789012345678901');
    expect(apportionUnits(total, weights).map(String)).toEqual(hamilton(total, weights).map(String));
    // units × Σw = (2^52) × 26 passes 2^53: the number form goes through BigInt and back.
    const big = hamilton(BigInt(2 ** 52), weights).map(Number);
    expect(apportionUnits(2 ** 52, [7, 3, 5, 11])).toEqual(big);
  });
});

describe('allocate: the plain-number path declines a product past 2^53', () => {
  it('2^51 by [3, 5]: units × Σw = 2^54, split on the general path: 2^48 × 3 and 2^48 × 5', () => {
    // 2^51 / 8 = 2^48 = 281474976710656; × 3 = 844424930131968; × 5 = 1407374883553280 (exact, no leftover).
    expect(allocate(2 ** 51, [3, 5], { scale: 0 }).map(String)).toEqual(['844424930131968', '1407374883553280']);
  });

  it('40 equal weights on the BigInt path: the 5 leftover units go to the first five', () => {
    // 10^20 + 5 = 40 × 2500000000000000000 + 5: every remainder is equal, so the earliest five win.
    const parts = allocate('100000000000000000005', new Array(40).fill(1), { scale: 0 }).map(String);
    expect(parts).toEqual([...new Array(5).fill('2500000000000000001'), ...new Array(35).fill('2500000000000000000')]);
  });
});
