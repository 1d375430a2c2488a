// toDecimal and the library's Decimal (src/core/decimal.ts): the signs of zero, which instance
// comes back, the layered prototype and the numeric-text pattern, each expectation by hand.
import HostDecimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { Decimal, ONE, ZERO, isDecimal, toDecimal } from 'dealerkit';
import { thrown } from '../helpers.js';

describe('toDecimal: zero has no sign', () => {
  it('-0 as a number, a text, one of our Decimals or a host Decimal is a positive zero', () => {
    for (const z of [-0, '-0', '-0.000', '-0e5', new Decimal('-0'), new HostDecimal('-0'), new Decimal(-5).times(0)]) {
      const d = toDecimal(z);
      expect(d.isZero()).toBe(true);
      expect(d.isNeg()).toBe(false);
      expect(d).toBeInstanceOf(Decimal);
    }
    expect(toDecimal('0')).toBe(ZERO);
    expect(toDecimal('-0.0')).toBe(ZERO);
  });

  it('one of our own finite Decimals comes back as the same instance; a host Decimal is copied into ours', () => {
    const ours = new Decimal('2.5');
    expect(toDecimal(ours)).toBe(ours);
    expect(toDecimal(ONE)).toBe(ONE);
    const host = new HostDecimal('2.5');
    const copied = toDecimal(host);
    expect(copied).not.toBe(host);
    expect(copied).toBeInstanceOf(Decimal);
    expect(copied.toString()).toBe('2.5');
    expect(toDecimal(new HostDecimal('-3')).toString()).toBe('-3');
  });

  it('numeric text: sign, point and exponent in the places the pattern allows, nothing else', () => {
    const ok: [string, string][] = [
      ['7', '7'],
      ['-7', '-7'],
      ['+7', '7'],
      ['12.', '12'],
      ['.25', '0.25'],
      ['1.5e2', '150'],
      ['1.5E+2', '150'],
      ['15e-1', '1.5'],
      ['00012', '12'],
    ];
    expect(ok.map(([t]) => toDecimal(t).toString())).toEqual(ok.map(([, v]) => v));
    for (const bad of ['x7', '7x', '+-7', '1e', 'e1', '.', '1.2.3', '1e1.5', '1 e1', '- 7', '7-', '..5', '1ee2']) {
      expect(thrown(() => toDecimal(bad, 'v')).issues[0]).toMatchObject({ path: ['v'], code: 'not_a_number' });
    }
  });

  it('a Decimal that is not finite is refused with its own text, whoever made it', () => {
    expect(thrown(() => toDecimal(new HostDecimal(-Infinity), 'v')).issues).toEqual([
      { path: ['v'], code: 'not_a_number', message: 'must be a finite decimal, received -Infinity', received: '-Infinity' },
    ]);
  });

  it('an overflowing text is out_of_range with the text quoted', () => {
    expect(thrown(() => toDecimal('-1e9000000000000001', 'v')).toJSON()).toEqual({
      name: 'DealerkitError',
      code: 'out_of_range',
      message: '[dealerkit] v: is out of the representable range, received "-1e9000000000000001"',
      issues: [{ path: ['v'], code: 'out_of_range', message: 'is out of the representable range, received "-1e9000000000000001"', received: '"-1e9000000000000001"' }],
    });
    // An underflowing one is zero, not an error.
    expect(toDecimal('1e-9000000000000001').isZero()).toBe(true);
  });

  it('a number that is not finite is refused with expected and received', () => {
    expect(thrown(() => toDecimal(Number.NaN, ['a', 0])).issues).toEqual([
      { path: ['a', 0], code: 'not_a_number', message: 'must be a finite number, received NaN', expected: 'a finite number', received: 'NaN' },
    ]);
  });

  it('any other value names what it got, with required for nothing and invalid_type otherwise', () => {
    expect(thrown(() => toDecimal(undefined, 'v')).issues).toEqual([
      { path: ['v'], code: 'required', message: 'must be a number or a numeric string, received nothing', expected: 'a number or a numeric string', received: 'nothing' },
    ]);
    expect(thrown(() => toDecimal({}, 'v')).issues).toEqual([
      { path: ['v'], code: 'invalid_type', message: 'must be a number or a numeric string, received an object', expected: 'a number or a numeric string', received: 'an object' },
    ]);
    expect(thrown(() => toDecimal('1,5', 'v')).issues).toEqual([
      {
        path: ['v'],
        code: 'not_a_number',
        message: 'must be a number or a numeric string, received "1,5": write 1.5 with a decimal point',
        expected: 'a number or a numeric string',
        received: '"1,5"',
      },
    ]);
  });
});

describe('isDecimal and the prototype', () => {
  it('isDecimal is false for a revoked proxy and for look-alikes', () => {
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(isDecimal(revoked.proxy)).toBe(false);
    expect(isDecimal({ s: 1, e: 0, d: [1] })).toBe(false);
    expect(isDecimal(new HostDecimal(1))).toBe(true);
  });

  it('our toJSON and valueOf live on a private prototype over decimal.js\'s, writable and configurable like methods', () => {
    const proto = Object.getPrototypeOf(new Decimal(1)) as object;
    expect(proto).not.toBe(HostDecimal.prototype);
    expect(Object.getPrototypeOf(proto)).toBe(Object.getPrototypeOf(new HostDecimal(1)));
    for (const key of ['toJSON', 'valueOf']) {
      const desc = Object.getOwnPropertyDescriptor(proto, key)!;
      expect({ writable: desc.writable, enumerable: desc.enumerable, configurable: desc.configurable }).toEqual({ writable: true, enumerable: false, configurable: true });
    }
    expect(Object.keys(proto)).toEqual([]);
  });

  it('computes to 40 significant digits and rounds its last digit half-even', () => {
    // 2/3 = 0.666…: the 41st digit is 6, so the 40th rounds up to 7.
    expect(new Decimal(2).div(3).toString()).toBe(`0.${'6'.repeat(39)}7`);
    // 1 + 5e-40 has 41 significant digits, a tie at the 40th: half-even keeps the even 0 → 1.
    expect(new Decimal(1).plus('5e-40').toString()).toBe('1');
    expect(new Decimal(1).plus('1.5e-39').toString()).toBe('1.000000000000000000000000000000000000002');
    // The modulo of a negative number takes the divisor's sign (floor division): −7 mod 3 = 2.
    expect(new Decimal(-7).mod(3).toString()).toBe('2');
  });
});

describe('toDecimal: our own negative Decimals', () => {
  it('come back as the same instance (only a negative zero is copied, as 0)', () => {
    const negative = new Decimal('-2.5');
    expect(toDecimal(negative)).toBe(negative);
    const negZero = new Decimal('-0');
    const copied = toDecimal(negZero);
    expect(copied).not.toBe(negZero);
    expect([copied.isZero(), copied.isNeg()]).toEqual([true, false]);
  });
});
