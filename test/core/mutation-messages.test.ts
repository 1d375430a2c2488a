// Message pieces (src/core/messages.ts): how a received value is printed and the hint for a
// number written for people. Every expected text is written by hand from the rules in the source
// comments (strings quoted and cut at 40 characters; a percentage's text divided by 100 by moving
// the point two places left).
import { describe, expect, it } from 'vitest';
import { Decimal } from 'dealerkit';
import { CORE_MESSAGES, describeValue, numberTextHint, percentHint } from '../../src/core/messages.js';

describe('describeValue', () => {
  it('prints each kind of value the way a message shows it', () => {
    const forty = 'a'.repeat(40);
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const cases: [unknown, string][] = [
      [undefined, 'nothing'],
      [null, 'null'],
      ['', '""'],
      ['abc', '"abc"'],
      [forty, `"${forty}"`],
      [`${forty}b`, `"${forty}…"`],
      [0, '0'],
      [-0, '-0'],
      [1.5, '1.5'],
      [NaN, 'NaN'],
      [-Infinity, '-Infinity'],
      [true, 'true'],
      [false, 'false'],
      [BigInt(12), '12n'],
      [[1, 2], 'an array'],
      [[], 'an array'],
      [new Decimal('-12.50'), '-12.5'],
      [{ toFixed: () => 'x' }, 'an object'],
      [{ toFixed: 5, constructor: { isDecimal: true } }, 'an object'],
      [{}, 'an object'],
      [Object.create(null), 'an object'],
      [() => 1, 'function'],
      [Symbol('s'), 'symbol'],
      [revoked.proxy, 'an unreadable value'],
    ];
    expect(cases.map(([v]) => describeValue(v))).toEqual(cases.map(([, text]) => text));
  });
});

describe('numberTextHint', () => {
  it('a percentage: the fraction to write instead, from the text typed', () => {
    // 3 % → 3 / 100 = 0.03; 12,5 % → 12.5 / 100 = 0.125; 100 % → 1; 150 % → 1.5; 1000 % → 10;
    // .5 % → 0.005; 5. % → 0.05; 12.50 % → 0.125 (trailing zeros dropped); 0 % → 0; -0 % → 0.
    const cases: [string, string][] = [
      ['3%', ': write 0.03 for 3 %'],
      ['3 %', ': write 0.03 for 3 %'],
      ['+3%', ': write 0.03 for +3 %'],
      ['-2%', ': write -0.02 for -2 %'],
      ['12,5 %', ': write 0.125 for 12.5 %'],
      ['12.50%', ': write 0.125 for 12.50 %'],
      ['100%', ': write 1 for 100 %'],
      ['150%', ': write 1.5 for 150 %'],
      ['1000%', ': write 10 for 1000 %'],
      ['.5%', ': write 0.005 for .5 %'],
      [',5%', ': write 0.005 for .5 %'],
      ['5.%', ': write 0.05 for 5. %'],
      ['0%', ': write 0 for 0 %'],
      ['-0%', ': write 0 for -0 %'],
      [' 7% ', ': write 0.07 for 7 %'],
    ];
    expect(cases.map(([t]) => numberTextHint(t))).toEqual(cases.map(([, h]) => h));
  });

  it('thousands separators (comma, space, apostrophe, underscore), European grouping, a decimal comma', () => {
    const cases: [string, string][] = [
      ['1,000', ': write 1000 without thousands separators'],
      ['-1,234,567.25', ': write -1234567.25 without thousands separators'],
      ['+12,345', ': write +12345 without thousands separators'],
      ['1 000', ': write 1000 without thousands separators'],
      ["1'000", ': write 1000 without thousands separators'],
      ['1_000_000', ': write 1000000 without thousands separators'],
      ['123,456', ': write 123456 without thousands separators'],
      ['1.234', ': write 1234 with a point for the decimals and no separators'],
      ['1.234.567,89', ': write 1234567.89 with a point for the decimals and no separators'],
      ['-12.345,6', ': write -12345.6 with a point for the decimals and no separators'],
      ['12,5', ': write 12.5 with a decimal point'],
      ['-0,25', ': write -0.25 with a decimal point'],
      ['1234,56', ': write 1234.56 with a decimal point'],
    ];
    expect(cases.map(([t]) => numberTextHint(t))).toEqual(cases.map(([, h]) => h));
  });

  it('the spaces French, Swiss and ISO 31-0 group with: no-break (U+00A0) and narrow no-break (U+202F), with a decimal comma too', () => {
    // Intl.NumberFormat('fr-FR') prints 1234567.5 as "1 234 567,5" with U+202F between the groups.
    const cases: [string, string][] = [
      ['1\u00a0000', ': write 1000 without thousands separators'],
      ['1\u202f234\u202f567', ': write 1234567 without thousands separators'],
      ['-12\u00a0345.5', ': write -12345.5 without thousands separators'],
      ['1\u202f234\u202f567,5', ': write 1234567.5 with a point for the decimals and no separators'],
      ['1 234,56', ': write 1234.56 with a point for the decimals and no separators'],
      ['-9\u00a0999,01', ': write -9999.01 with a point for the decimals and no separators'],
      // not groups of three: no grouping hint
      ['1\u00a000', ''],
      ['1 2345,6', ''],
    ];
    expect(cases.map(([t]) => numberTextHint(t))).toEqual(cases.map(([, h]) => h));
    expect(numberTextHint(new Intl.NumberFormat('fr-FR').format(1234567.5))).toBe(': write 1234567.5 with a point for the decimals and no separators');
  });

  it('a currency or unit beside the number; surrounding spaces; nothing to say', () => {
    const unit = ': write the number alone, without a currency or unit';
    const cases: [string, string][] = [
      ['€12', unit],
      ['$ 12.50', unit],
      ['USD 12', unit],
      ['USD-12', unit],
      ['12€', unit],
      ['12 kg', unit],
      ['1,5 EUR', unit],
      ['EURO 12', ''],
      ['12 EURO', ''],
      ['12 %x', ''],
      [' 12', ': remove the surrounding spaces'],
      ['12 ', ': remove the surrounding spaces'],
      ['   ', ''],
      ['', ''],
      ['abc', ''],
      ['1,00', ': write 1.00 with a decimal point'],
      ['1,0000', ': write 1.0000 with a decimal point'],
      ['12,345.6.7', ''],
      ['x1,000', unit], // one to three non-digits before the number read as a sign
      ['1,000x', ': write the number alone, without a currency or unit'],
      ['1.2345', ''],
      ['1234.567,8', ''],
      ['1.234,', ''],
      ['12,', ''],
    ];
    expect(cases.map(([t]) => numberTextHint(t))).toEqual(cases.map(([, h]) => h));
  });

  it('percentHint and the core message texts', () => {
    expect(percentHint('97')).toBe('write 0.97 for 97 %');
    expect(percentHint('-0.5')).toBe('write -0.005 for -0.5 %');
    expect(percentHint('0.01')).toBe('write 0.0001 for 0.01 %');
    expect(CORE_MESSAGES.notFinite(Infinity)).toBe('must be a finite number, received Infinity');
    expect(CORE_MESSAGES.notNumeric('3%')).toBe('must be a number or a numeric string, received "3%": write 0.03 for 3 %');
    expect(CORE_MESSAGES.notNumeric(5)).toBe('must be a number or a numeric string, received 5');
    expect(CORE_MESSAGES.outOfDecimalRange('1e99999999999999999')).toBe('is out of the representable range, received "1e99999999999999999"');
    expect(CORE_MESSAGES.notFiniteDecimal('NaN')).toBe('must be a finite decimal, received NaN');
    expect(CORE_MESSAGES.fraction('3')).toBe('must be a fraction from 0 to 1, received 3: write 0.03 for 3 %');
    expect(CORE_MESSAGES.fractionBelow('-1')).toBe('must be a fraction from 0 to 1, received -1');
    expect(CORE_MESSAGES.unknownField(undefined)).toBe('is not a known field');
    expect(CORE_MESSAGES.unknownField('scale')).toBe('is not a known field; did you mean `scale`?');
  });
});

describe('numberTextHint: where each pattern is anchored', () => {
  it('each hint needs the whole text to match its pattern, not a part of it', () => {
    const cases: [string, string][] = [
      // A percentage only when the text starts with its number; '.25' has two digits after the point.
      ['x5%', ''],
      ['.25%', ': write 0.0025 for .25 %'],
      // Space-grouped with a decimal comma: one to three digits first, the decimals last.
      ['12 345,5', ': write 12345.5 with a point for the decimals and no separators'],
      ['1234 567,5', ''],
      ['1 234,5x', ''],
      // A currency or unit of one to three signs, before or after the whole number.
      ['€5 and more', ''],
      ['abcd5kg', ''],
      ['x5kg', ''],
      ['5kg', ': write the number alone, without a currency or unit'],
    ];
    expect(cases.map(([t]) => numberTextHint(t))).toEqual(cases.map(([, h]) => h));
  });

  it('a percentage keeps the zeros inside its integer part and drops the leading ones', () => {
    // 10000 % → 100 (the point moves two places: 100.00 → 100); 00005 % → 0.05.
    expect(numberTextHint('10000%')).toBe(': write 100 for 10000 %');
    expect(numberTextHint('00005%')).toBe(': write 0.05 for 00005 %');
    expect(percentHint('0001050')).toBe('write 10.5 for 0001050 %');
  });
});

describe('describeValue: what counts as a Decimal', () => {
  it('a function carrying toFixed and an isDecimal constructor is still a function; an object without a prototype is an object', () => {
    const fn = Object.assign(() => 1, { toFixed: () => '1', constructor: { isDecimal: true } });
    expect(describeValue(fn)).toBe('function');
    const bare = Object.assign(Object.create(null) as object, { toFixed: () => '1' });
    expect(describeValue(bare)).toBe('an object');
  });
});
