import { describe, expect, it } from 'vitest';
import {
  ROUNDING_MODES,
  allocate,
  allocateEvenly,
  toCurrencyScale,
  roundTo,
  type RoundingMode,
} from 'dealerkit';
import { thrown as errorOf } from '../helpers.js';

function strings(parts: readonly { toString(): string }[]): string[] {
  return parts.map((p) => p.toString());
}

describe('roundTo', () => {
  // Golden table in the style of IEEE 754 / decimal.js's rounding-mode documentation:
  // value → [half-up, half-even, half-down, up, down, ceiling, floor] at scale 0.
  const table: [string, string[]][] = [
    ['5.5', ['6', '6', '5', '6', '5', '6', '5']],
    ['2.5', ['3', '2', '2', '3', '2', '3', '2']],
    ['1.6', ['2', '2', '2', '2', '1', '2', '1']],
    ['1.1', ['1', '1', '1', '2', '1', '2', '1']],
    ['1.0', ['1', '1', '1', '1', '1', '1', '1']],
    ['-1.0', ['-1', '-1', '-1', '-1', '-1', '-1', '-1']],
    ['-1.1', ['-1', '-1', '-1', '-2', '-1', '-1', '-2']],
    ['-1.6', ['-2', '-2', '-2', '-2', '-1', '-1', '-2']],
    ['-2.5', ['-3', '-2', '-2', '-3', '-2', '-2', '-3']],
    ['-5.5', ['-6', '-6', '-5', '-6', '-5', '-5', '-6']],
  ];
  for (const [value, expected] of table) {
    ROUNDING_MODES.forEach((mode, i) => {
      it(`rounds ${value} ${mode} to ${expected[i]}`, () => {
        expect(roundTo(value, { scale: 0, mode }).toString()).toBe(expected[i]);
      });
    });
  }

  it('rounds money at a scale: 2.345 → 2.35 half-up, 2.34 half-even, 2.34 down', () => {
    expect(roundTo('2.345', { scale: 2 }).toString()).toBe('2.35');
    expect(roundTo('2.345', { scale: 2, mode: 'half-even' }).toString()).toBe('2.34');
    expect(roundTo('2.345', { scale: 2, mode: 'down' }).toString()).toBe('2.34');
    expect(roundTo(1.005, { scale: 2 }).toString()).toBe('1.01'); // the float 1.005 is read as exactly 1.005
  });

  it('never returns negative zero', () => {
    const r = roundTo('-0.004', { scale: 2 });
    expect(r.toString()).toBe('0');
    expect(r.isNeg()).toBe(false);
    expect(JSON.stringify(roundTo('-0.4', { scale: 0, mode: 'ceiling' }))).toBe('"0"');
  });

  it('keeps huge values exact', () => {
    expect(roundTo('123456789012345678901234.565', { scale: 2 }).toString()).toBe('123456789012345678901234.57');
  });

  it('refuses a bad scale, mode, value or options, naming the field', () => {
    expect(errorOf(() => roundTo('1', { scale: -1 })).message).toBe('[dealerkit] options.scale: must be from 0 to 30, received -1');
    expect(errorOf(() => roundTo('1', { scale: -1 })).code).toBe('out_of_range');
    expect(errorOf(() => roundTo('1', { scale: 31 })).issues[0]!.path).toEqual(['options', 'scale']);
    expect(errorOf(() => roundTo('1', { scale: 1.5 })).message).toContain('options.scale: must be a whole number');
    expect(errorOf(() => roundTo('1', { scale: 2, mode: 'bankers' as RoundingMode })).message).toContain(
      "options.mode: must be one of 'half-up', 'half-even'",
    );
    expect(errorOf(() => roundTo('x', { scale: 2 })).message).toContain('value: must be a number');
    expect(errorOf(() => roundTo('1', null as never)).message).toContain('options: must be an object');
  });
});

describe('toCurrencyScale', () => {
  it('reads minor units from Intl: JPY 0, CNY 2, USD 2, EUR 2, KWD 3, BHD 3', () => {
    expect(toCurrencyScale('JPY')).toBe(0);
    expect(toCurrencyScale('CNY')).toBe(2);
    expect(toCurrencyScale('USD')).toBe(2);
    expect(toCurrencyScale('EUR')).toBe(2);
    expect(toCurrencyScale('KWD')).toBe(3);
    expect(toCurrencyScale('BHD')).toBe(3);
    expect(toCurrencyScale('usd')).toBe(2);
  });

  it('refuses unknown and malformed codes', () => {
    const unknown = errorOf(() => toCurrencyScale('XYZ'));
    expect(unknown.code).toBe('unknown_label');
    expect(unknown.message).toBe('[dealerkit] currency: is not a currency this engine knows (ISO 4217), received "XYZ"');
    expect(errorOf(() => toCurrencyScale('US')).message).toContain('three-letter ISO 4217');
    expect(errorOf(() => toCurrencyScale('US$')).code).toBe('invalid_input');
    expect(errorOf(() => toCurrencyScale(5 as unknown as string)).message).toContain('received 5');
  });
});

describe('allocate: golden vectors (scale 0)', () => {
  // Vectors from the foundation issue; each is checked by hand below against Hamilton's rule.
  const vectors: [string, number[], string[], string][] = [
    // quotas 4, 3.333, 2.667 → floors 4,3,2 (9); the 1 left goes to the largest remainder .667.
    ['10', [6, 5, 4], ['4', '3', '3'], 'dinero.js gives [5, 3, 2]'],
    ['10', [4, 5, 6], ['3', '3', '4'], 'mirror of the first'],
    // quotas 7499.25, 2499.75 → floors 7499, 2499; the 1 left goes to .75.
    ['9999', [75, 25], ['7499', '2500'], ''],
    // Σw = 1,000,001; quotas 9800.0002, 200.0018, 11999.998 → floors 9800, 200, 11999 (21999); the 1 left → .998.
    ['22000', [445455, 9091, 545455], ['9800', '200', '12000'], ''],
    // Σw = 605; quotas 99.295, 93.216, 99.295, 124.626, 103.348, 93.216 → floors sum 611; 2 left → .626, .348.
    ['613', [98, 92, 98, 123, 102, 92], ['99', '93', '99', '125', '104', '93'], ''],
    // Σw = 401; quotas 1.247, 1.260, 1.247, 1.247 → the 1 left goes to the 101 weight.
    ['5', [100, 101, 100, 100], ['1', '2', '1', '1'], ''],
    // Alabama paradox: 10 by [6,6,2] → quotas 4.29, 4.29, 1.43 → [4,4,2]; 11 → 4.71, 4.71, 1.57 → [5,5,1].
    ['10', [6, 6, 2], ['4', '4', '2'], 'Alabama paradox, before'],
    ['11', [6, 6, 2], ['5', '5', '1'], 'Alabama paradox, after'],
  ];
  it.each(vectors)('allocates %s by %j to %j %s', (total, weights, expected) => {
    expect(strings(allocate(total, weights, { scale: 0 }))).toEqual(expected);
  });

  it('splits 100,000,000 into 12 equal parts: 8,333,334 four times, then 8,333,333 eight times', () => {
    // 100,000,000 = 12 × 8,333,333 + 4: the four leftover units go to the first four (ties → earlier).
    const parts = allocateEvenly(100_000_000, 12, { scale: 0 });
    expect(strings(parts)).toEqual([...Array(4).fill('8333334'), ...Array(8).fill('8333333')]);
  });
});

describe('allocate: rules', () => {
  it('splits a negative total symmetrically', () => {
    expect(strings(allocate(-10, [6, 5, 4], { scale: 0 }))).toEqual(['-4', '-3', '-3']);
    expect(strings(allocate('-0.05', [1, 1], { scale: 2 }))).toEqual(['-0.03', '-0.02']);
  });

  it('gives zero weights 0 and never -0', () => {
    expect(strings(allocate(7, [0, 1, 0, 1], { scale: 0 }))).toEqual(['0', '4', '0', '3']);
    const neg = allocate(-7, [0, 1], { scale: 0 });
    expect(JSON.stringify(neg)).toBe('["0","-7"]');
  });

  it('splits zero into zeros', () => {
    expect(strings(allocate(0, [1, 2, 3], { scale: 2 }))).toEqual(['0', '0', '0']);
  });

  it('takes decimal weights: 100.00 by [0.5, 0.25, 0.25] and by [1/3 rounded]', () => {
    expect(strings(allocate('100.00', ['0.5', '0.25', '0.25'], { scale: 2 }))).toEqual(['50', '25', '25']);
    // 1.00 by [0.333, 0.333, 0.334]: quotas 0.333, 0.333, 0.334 cents×100 → 33.3, 33.3, 33.4: floors 33,33,33; 1 left → .4.
    expect(strings(allocate('1.00', ['0.333', '0.333', '0.334'], { scale: 2 }))).toEqual(['0.33', '0.33', '0.34']);
  });

  it('works in cents and mills: 100.00 in three, 1.000 KWD in three', () => {
    expect(strings(allocate('100.00', [1, 1, 1], { scale: 2 }))).toEqual(['33.34', '33.33', '33.33']);
    expect(strings(allocate('1.000', [1, 1, 1], { scale: 3 }))).toEqual(['0.334', '0.333', '0.333']);
  });

  it('stays exact beyond 2^53 (BigInt path): 10^30 + 1 in three', () => {
    // 10^30 + 1 = 3 × 333…333 (30 threes: 3.33e29) + 2; two leftover units to the first two.
    const total = '1000000000000000000000000000001';
    const third = '333333333333333333333333333333';
    expect(strings(allocate(total, [1, 1, 1], { scale: 0 }))).toEqual([
      `${third.slice(0, -1)}4`,
      `${third.slice(0, -1)}4`,
      third,
    ]);
  });

  it('stays exact when weights are huge: 1 by [1e20, 1e20 + 1]', () => {
    // Quotas 0.4999…, 0.5000…: the unit goes to the second.
    expect(strings(allocate(1, ['100000000000000000000', '100000000000000000001'], { scale: 0 }))).toEqual(['0', '1']);
  });

  it('accepts one weight and returns the total', () => {
    expect(strings(allocate('12.34', [5], { scale: 2 }))).toEqual(['12.34']);
  });
});

describe('allocate and allocateEvenly: bad input', () => {
  const cases: [string, () => unknown, string, string][] = [
    ['no weights', () => allocate(10, [], { scale: 0 }), 'weights: must hold at least one weight', 'invalid_input'],
    ['all-zero weights', () => allocate(10, [0, 0], { scale: 0 }), 'weights: must not all be zero', 'invalid_input'],
    ['a negative weight', () => allocate(10, [1, -2], { scale: 0 }), 'weights[1]: must not be negative, received -2', 'invalid_input'],
    ['a weight that is not a number', () => allocate(10, [1, 'x'], { scale: 0 }), 'weights[1]: must be a number', 'invalid_input'],
    ['weights that are not an array', () => allocate(10, 'abc' as never, { scale: 0 }), 'weights: must be an array', 'invalid_input'],
    ['a total with more places than the scale', () => allocate('10.005', [1], { scale: 2 }), 'total: has more than 2 decimal places', 'invalid_input'],
    ['a total that is not a number', () => allocate(NaN, [1], { scale: 0 }), 'total: must be a finite number', 'invalid_input'],
    ['a negative scale', () => allocate(10, [1], { scale: -1 }), 'options.scale: must be from 0 to 30', 'out_of_range'],
    ['missing options', () => allocate(10, [1], undefined as never), 'options: must be an object', 'invalid_input'],
    ['zero parts', () => allocateEvenly(10, 0, { scale: 0 }), 'n: must be a whole number of parts, at least 1', 'invalid_input'],
    ['fractional parts', () => allocateEvenly(10, 2.5, { scale: 0 }), 'n: must be a whole number', 'invalid_input'],
    ['too many parts', () => allocateEvenly(10, 2e7, { scale: 0 }), 'n: must be at most 10000000 parts', 'out_of_range'],
  ];
  it.each(cases)('refuses %s', (_name, fn, fragment, code) => {
    const err = errorOf(fn);
    // The path is the argument's own name, with no prefix: the message starts with it.
    expect(err.message.startsWith(`[dealerkit] ${fragment}`)).toBe(true);
    expect(err.code).toBe(code);
  });
});

describe('toCurrencyScale without a full Intl', () => {
  it('refuses to guess when the engine has no Intl at all', async () => {
    const { currencyScaleAt } = await import('../../src/core/money.js');
    const saved = globalThis.Intl;
    try {
      (globalThis as { Intl?: unknown }).Intl = undefined;
      expect(() => currencyScaleAt('SEK', ['currency'])).toThrow('[dealerkit] currency: this JavaScript engine has no Intl; give the rounding scale explicitly');
    } finally {
      globalThis.Intl = saved;
    }
  });

  it('falls back to Intl.NumberFormat alone where supportedValuesOf is missing', async () => {
    const { currencyScaleAt } = await import('../../src/core/money.js');
    const saved = globalThis.Intl;
    try {
      globalThis.Intl = { NumberFormat: saved.NumberFormat } as typeof Intl;
      expect(currencyScaleAt('ISK', ['currency'])).toBe(0);
      expect(currencyScaleAt('OMR', ['currency'])).toBe(3);
    } finally {
      globalThis.Intl = saved;
    }
  });
});

describe('apportionUnits (the integer core of allocate)', () => {
  it('switches to BigInt when units × Σw passes 2^53 and stays exact', async () => {
    const { apportionUnits } = await import('../../src/core/money.js');
    // 2^52 units over [1, 1, 1]: 2^52 = 3 × 1501199875790165 + 1, so the first part gets the extra unit.
    expect(apportionUnits(2 ** 52, [1, 1, 1])).toEqual([1501199875790166, 1501199875790165, 1501199875790165]);
    expect(apportionUnits(BigInt(7), [BigInt(1), BigInt(1)])).toEqual([BigInt(4), BigInt(3)]);
  });
});

describe('allocate with many parts', () => {
  it('gives the leftover units to the largest remainders among 100 parts, ties to the earlier', () => {
    // 1000 over weights 1..100 (Σ = 5050): quota_k = 1000k/5050 = 20k/101. Floors sum to 950 (hand
    // count below); the 50 units left go to the 50 largest remainders (20k mod 101).
    const weights = Array.from({ length: 100 }, (_, i) => i + 1);
    const parts = allocate(1000, weights, { scale: 0 }).map(Number);
    const floors = weights.map((k) => Math.floor((20 * k) / 101));
    const rems = weights.map((k) => (20 * k) % 101);
    const leftover = 1000 - floors.reduce((a, b) => a + b, 0);
    const winners = new Set(
      weights
        .map((_, i) => i)
        .sort((a, b) => rems[b]! - rems[a]! || a - b)
        .slice(0, leftover),
    );
    expect(parts).toEqual(floors.map((f, i) => (winners.has(i) ? f + 1 : f)));
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1000);
  });

  it('splits evenly over a million parts in one pass', () => {
    const parts = allocateEvenly(1_000_003, 1_000_000, { scale: 0 });
    expect(parts.slice(0, 4).map(String)).toEqual(['2', '2', '2', '1']);
    expect(parts[999_999]!.toString()).toBe('1');
  });
});

describe('allocate and rounding: edges that mutation testing found unguarded', () => {
  it('gives the leftover units by remainder on the BigInt path too', () => {
    // T = 10^20 + 1 by [6, 5, 4]: T·w/15 = 4e19 r6, 33333333333333333333 r10, 26666666666666666666 r14
    // (hand division); the two leftover units go to the remainders 14 and 10.
    expect(strings(allocate('100000000000000000001', [6, 5, 4], { scale: 0 }))).toEqual([
      '40000000000000000000',
      '33333333333333333334',
      '26666666666666666667',
    ]);
  });

  it('leaves plain numbers for BigInt as soon as units × Σw passes 2^53', async () => {
    const { apportionUnits } = await import('../../src/core/money.js');
    // u = 2^53 − 1 over [3, 5]: u·3 = 8·3377699720527871 + 5, u·5 = 8·5629499534213119 + 3 (hand
    // division); the one leftover unit goes to remainder 5. In floats u·5 is not even representable.
    expect(apportionUnits(2 ** 53 - 1, [3, 5])).toEqual([3377699720527872, 5629499534213119]);
    expect(strings(allocate(2 ** 53 - 1, [3, 5], { scale: 0 }))).toEqual(['3377699720527872', '5629499534213119']);
  });

  it('accepts the largest scale, 30, and refuses 31', () => {
    expect(roundTo('0.1234567890123456789012345678905', { scale: 30 }).toString()).toBe('0.123456789012345678901234567891');
    expect(errorOf(() => roundTo('1', { scale: 31 })).message).toBe('[dealerkit] options.scale: must be from 0 to 30, received 31');
  });

  it('refuses missing options and malformed currency codes as invalid input, not as unknown ones', () => {
    expect(errorOf(() => roundTo('1', undefined as never)).message).toBe('[dealerkit] options: must be an object with a scale');
    for (const code of ['USDX', 'XUSD', 'US']) {
      const e = errorOf(() => toCurrencyScale(code));
      expect(e.code).toBe('invalid_input');
      expect(e.message).toBe(`[dealerkit] currency: must be a three-letter ISO 4217 currency code, received "${code}"`);
    }
  });
});

describe('allocateEvenly at its edges', () => {
  it('splits into one part (the total itself) and into 40 parts with ties on the sorting path', () => {
    expect(strings(allocateEvenly('12.34', 1, { scale: 2 }))).toEqual(['12.34']);
    // 45 over 40 equal parts: 1 each and 5 left over, all remainders equal → the first five get 2.
    expect(allocateEvenly(45, 40, { scale: 0 }).map(Number)).toEqual([...Array(5).fill(2), ...Array(35).fill(1)]);
    // 47 over 40 weights with distinct remainders past the selection path: weights 1..40 (Σ 820).
    const parts = allocate(47, Array.from({ length: 40 }, (_, i) => i + 1), { scale: 0 }).map(Number);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(47);
    // Hand check of two parts: weight 40 → quota 47·40/820 = 2.29 → 2; weight 1 → 0.057 → 0.
    expect([parts[0], parts[39]]).toEqual([0, 2]);
  });
});
