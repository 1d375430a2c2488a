import HostDecimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { Decimal, DECIMAL_PRECISION, DealerkitError, ONE, ZERO, isDecimal, toDecimal } from 'dealerkit';

describe('Decimal: the library clone', () => {
  it('keeps at least 34 significant digits (1/3 printed with 40 threes)', () => {
    // Hand derivation: 1/3 = 0.333…, truncated after DECIMAL_PRECISION significant digits.
    expect(DECIMAL_PRECISION).toBeGreaterThanOrEqual(34);
    expect(new Decimal(1).div(3).toString()).toBe(`0.${'3'.repeat(40)}`);
  });

  it('never prints exponent notation, however small or large', () => {
    expect(new Decimal('1e-30').toString()).toBe('0.000000000000000000000000000001');
    expect(new Decimal('1e40').toString()).toBe('1' + '0'.repeat(40));
    expect(new Decimal('-1.5e25').toJSON()).toBe('-15000000000000000000000000');
    expect(new Decimal('1e21').valueOf()).toBe('1000000000000000000000');
  });

  it('never prints -0 from toString, toJSON, valueOf or JSON.stringify', () => {
    const negZero = new Decimal('-0');
    const product = new Decimal(-5).times(0);
    const rounded = new Decimal('-0.001').toDecimalPlaces(2);
    for (const z of [negZero, product, rounded]) {
      expect(z.toString()).toBe('0');
      expect(z.toJSON()).toBe('0');
      expect(z.valueOf()).toBe('0');
      expect(String(z)).toBe('0');
    }
    expect(JSON.stringify({ a: negZero, b: [product] })).toBe('{"a":"0","b":["0"]}');
  });

  it('serialises results to plain decimal strings', () => {
    expect(JSON.stringify({ x: new Decimal('0.1').plus('0.2'), y: new Decimal('-12.50') })).toBe('{"x":"0.3","y":"-12.5"}');
  });

  it('is a decimal.js instance that interoperates with host Decimals', () => {
    const ours = new Decimal('2.5');
    const host = new HostDecimal('1.5');
    expect(isDecimal(ours)).toBe(true);
    expect(isDecimal(host)).toBe(true);
    expect(ours.plus(host).toString()).toBe('4');
    expect(ours.plus(host)).toBeInstanceOf(Decimal);
    expect(ZERO.toString()).toBe('0');
    expect(ONE.toString()).toBe('1');
  });
});

describe('importing dealerkit leaves the host decimal.js configuration untouched', () => {
  it('keeps the host defaults: precision 20, exponent from 1e21, -0 printed by toJSON', () => {
    // decimal.js documented defaults: precision 20, rounding 4 (HALF_UP), toExpNeg -7, toExpPos 21.
    expect(HostDecimal.precision).toBe(20);
    expect(HostDecimal.rounding).toBe(HostDecimal.ROUND_HALF_UP);
    expect(HostDecimal.toExpNeg).toBe(-7);
    expect(HostDecimal.toExpPos).toBe(21);
    expect(new HostDecimal('1e21').toString()).toBe('1e+21');
    expect(new HostDecimal(1).div(3).toString()).toBe('0.33333333333333333333');
    expect(new HostDecimal('-0').toJSON()).toBe('-0');
    // Our instances do not leak onto the host's shared prototype.
    expect(Object.prototype.hasOwnProperty.call(HostDecimal.prototype, 'toJSON')).toBe(true);
    expect(HostDecimal.prototype.toJSON).not.toBe(new Decimal(1).toJSON);
  });

  it('still computes with its own configuration after the host changes its own', () => {
    const host = HostDecimal.clone();
    host.set({ precision: 5 });
    expect(new Decimal(1).div(3).toString()).toBe(`0.${'3'.repeat(40)}`);
    expect(new host(1).div(3).toString()).toBe('0.33333');
  });
});

describe('toDecimal', () => {
  const accepted: [unknown, string][] = [
    [0, '0'],
    [-0, '0'],
    [0.1, '0.1'],
    [12.5, '12.5'],
    [-3, '-3'],
    [1e15, '1000000000000000'],
    [Number.MAX_SAFE_INTEGER, '9007199254740991'],
    ['12.50', '12.5'],
    ['1e3', '1000'],
    ['1E-2', '0.01'],
    ['-0', '0'],
    ['+7', '7'],
    ['.5', '0.5'],
    ['5.', '5'],
    ['123456789012345678901234567890.123456789', '123456789012345678901234567890.123456789'],
    [new Decimal('3.25'), '3.25'],
    [new HostDecimal('4.75'), '4.75'],
    [new HostDecimal('-0'), '0'],
  ];
  it.each(accepted)('accepts %s as %s', (input, expected) => {
    const d = toDecimal(input);
    expect(d.toString()).toBe(expected);
    expect(d).toBeInstanceOf(Decimal);
  });

  const refused: [string, unknown, string][] = [
    ['empty string', '', 'must be a number or a numeric string, received ""'],
    ['thousands separator', '1,000', 'received "1,000"'],
    ['letters', 'abc', 'received "abc"'],
    ['padded', ' 12', 'received " 12"'],
    ['hex', '0x10', 'received "0x10"'],
    ['NaN string', 'NaN', 'received "NaN"'],
    ['Infinity string', 'Infinity', 'received "Infinity"'],
    ['NaN', NaN, 'must be a finite number, received NaN'],
    ['Infinity', Infinity, 'must be a finite number, received Infinity'],
    ['-Infinity', -Infinity, 'received -Infinity'],
    ['null', null, 'received null'],
    ['undefined', undefined, 'received undefined'],
    ['object', { value: 1 }, 'received an object'],
    ['array', [1], 'received an array'],
    ['boolean', true, 'received boolean'],
    ['bigint', BigInt(5), 'received bigint'],
    ['NaN Decimal', new Decimal(NaN), 'must be a finite decimal, received NaN'],
    ['infinite Decimal', new HostDecimal(Infinity), 'received Infinity'],
    ['overflowing exponent', '1e9999999999999999', 'out of the representable range'],
  ];
  it.each(refused)('refuses %s with an error naming the path', (_name, input, fragment) => {
    let caught: unknown;
    try {
      toDecimal(input, ['tiers', 2, 'rate']);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DealerkitError);
    const err = caught as DealerkitError;
    expect(err.message.startsWith('[dealerkit] tiers[2].rate: ')).toBe(true);
    expect(err.message).toContain(fragment);
    expect(err.issues).toHaveLength(1);
    expect(err.issues[0]!.path).toEqual(['tiers', 2, 'rate']);
  });

  it('names a string path and the whole input when no path is given', () => {
    expect(() => toDecimal('x', 'sales')).toThrow('[dealerkit] sales: must be a number');
    expect(() => toDecimal('x')).toThrow('[dealerkit] (input): must be a number');
    expect(() => toDecimal('x', '')).toThrow('[dealerkit] (input): must be a number');
  });

  it('gives identical results for a number and the string of the same value', () => {
    for (const v of [0.1, 19.99, 1e-7, 123456.789, -42]) {
      expect(toDecimal(v).equals(toDecimal(String(v)))).toBe(true);
    }
  });
});
