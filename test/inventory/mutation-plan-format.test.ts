import { describe, expect, it } from 'vitest';
import { fmt } from '../../src/inventory/format.js';

describe('fmt: figures for step texts', () => {
  it('prints NaN as n/a and infinities as they are', () => {
    expect(fmt(Number.NaN)).toBe('n/a');
    expect(fmt(Number.POSITIVE_INFINITY)).toBe('Infinity');
    expect(fmt(Number.NEGATIVE_INFINITY)).toBe('-Infinity');
  });

  it('prints whole numbers whole and grouped, up to the exponent form from 1e21', () => {
    expect(fmt(0)).toBe('0');
    expect(fmt(-0)).toBe('0');
    expect(fmt(7)).toBe('7');
    expect(fmt(-1234567)).toBe('-1,234,567');
    expect(fmt(2 ** 53 + 2)).toBe('9,007,199,254,740,994');
    expect(fmt(1e20)).toBe('100,000,000,000,000,000,000');
    expect(fmt(1e21)).toBe('1e+21');
    expect(fmt(-3e22)).toBe('-3e+22');
  });

  it('prints 4 decimals from 0.001, 4 significant digits below', () => {
    // 161.759368 → 161.7594; 0.001 → 0.001; 0.00001234 keeps its 4 significant digits;
    // 0.00099996 → 0.001000 → 0.001.
    expect(fmt(161.759368)).toBe('161.7594');
    expect(fmt(0.001)).toBe('0.001');
    expect(fmt(0.00099996)).toBe('0.001');
    expect(fmt(0.00001234)).toBe('0.00001234');
    expect(fmt(-0.5)).toBe('-0.5');
    expect(fmt(1234.56789)).toBe('1,234.5679');
  });
});
