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

  const refused: [string, unknown, string, string][] = [
    ['empty string', '', 'must be a number or a numeric string, received ""', 'not_a_number'],
    ['thousands separator', '1,000', 'received "1,000": write 1000 without thousands separators', 'not_a_number'],
    ['percent sign', '3%', 'received "3%": write 0.03 for 3 %', 'not_a_number'],
    ['percent sign with decimals', '12.5 %', 'received "12.5 %": write 0.125 for 12.5 %', 'not_a_number'],
    ['decimal comma', '12,5', 'received "12,5": write 12.5 with a decimal point', 'not_a_number'],
    ['European grouping', '1.234.567,89', 'write 1234567.89 with a point for the decimals and no separators', 'not_a_number'],
    ['currency sign', '€12', 'write the number alone, without a currency or unit', 'not_a_number'],
    ['letters', 'abc', 'received "abc"', 'not_a_number'],
    ['padded', ' 12', 'received " 12": remove the surrounding spaces', 'not_a_number'],
    ['hex', '0x10', 'received "0x10"', 'not_a_number'],
    ['NaN string', 'NaN', 'received "NaN"', 'not_a_number'],
    ['Infinity string', 'Infinity', 'received "Infinity"', 'not_a_number'],
    ['NaN', NaN, 'must be a finite number, received NaN', 'not_a_number'],
    ['Infinity', Infinity, 'must be a finite number, received Infinity', 'not_a_number'],
    ['-Infinity', -Infinity, 'received -Infinity', 'not_a_number'],
    ['null', null, 'received null', 'invalid_type'],
    ['undefined', undefined, 'received nothing', 'required'],
    ['object', { value: 1 }, 'received an object', 'invalid_type'],
    ['array', [1], 'received an array', 'invalid_type'],
    ['boolean', true, 'received true', 'invalid_type'],
    ['bigint', BigInt(5), 'received 5n', 'invalid_type'],
    ['NaN Decimal', new Decimal(NaN), 'must be a finite decimal, received NaN', 'not_a_number'],
    ['infinite Decimal', new HostDecimal(Infinity), 'received Infinity', 'not_a_number'],
    ['overflowing exponent', '1e9999999999999999', 'out of the representable range', 'out_of_range'],
  ];
  it.each(refused)('refuses %s with an error naming the path', (_name, input, fragment, code) => {
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
    expect(err.issues[0]!.code).toBe(code);
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
