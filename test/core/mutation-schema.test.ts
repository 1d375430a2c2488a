// The exported schemas (src/core/schema.ts): what each accepts, and the exact issue each refusal
// gives (message, code, expected, received, limit), written by hand from the schema's definition.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RATIO_SCALE,
  Decimal,
  decimalSchema,
  fractionSchema,
  isoDateSchema,
  nonNegativeDecimalSchema,
  positiveDecimalSchema,
  roundingModeSchema,
  roundingSpecSchema,
  roundOptionsSchema,
  scaleSchema,
} from 'dealerkit';
import { checkFraction, namesAFraction, parseWith } from '../../src/core/schema.js';
import { toDecimal } from 'dealerkit';
import { thrown } from '../helpers.js';

const issues = (schema: unknown, input: unknown) => thrown(() => parseWith(schema as never, input, ['v'])).issues;

describe('decimalSchema', () => {
  it('accepts finite numbers, numeric strings (exponents in range) and finite Decimals', () => {
    expect(String(parseWith(decimalSchema, 1.5))).toBe('1.5');
    expect(String(parseWith(decimalSchema, '-2.50'))).toBe('-2.5');
    expect(String(parseWith(decimalSchema, '2e3'))).toBe('2000');
    expect(String(parseWith(decimalSchema, '2E-3'))).toBe('0.002');
    expect(String(parseWith(decimalSchema, new Decimal('7.25')))).toBe('7.25');
    expect(parseWith(decimalSchema, '1e3')).toBeInstanceOf(Decimal);
  });

  it('refuses the rest with not_a_number (or out_of_range for a numeric text beyond range)', () => {
    const notNumber = (received: string, hint = '') => [
      { path: ['v'], code: 'not_a_number', message: `must be a number or a numeric string, received ${received}${hint}`, expected: 'a number or a numeric string', received },
    ];
    expect(issues(decimalSchema, Infinity)).toEqual(notNumber('Infinity'));
    expect(issues(decimalSchema, 'abc')).toEqual(notNumber('"abc"'));
    expect(issues(decimalSchema, '1,5')).toEqual(notNumber('"1,5"', ': write 1.5 with a decimal point'));
    expect(issues(decimalSchema, new Decimal(Number.NaN))).toEqual(notNumber('NaN'));
    expect(issues(decimalSchema, new Decimal(Infinity))).toEqual(notNumber('Infinity'));
    expect(issues(decimalSchema, true)).toEqual(notNumber('true'));
    expect(issues(decimalSchema, '1e9000000000000001')).toEqual([
      {
        path: ['v'],
        code: 'out_of_range',
        message: 'is out of the representable range, received "1e9000000000000001"',
        expected: 'a number or a numeric string',
        received: '"1e9000000000000001"',
      },
    ]);
    expect(issues(decimalSchema, undefined)[0]!.code).toBe('required');
  });
});

describe('signed decimal schemas', () => {
  it('nonNegativeDecimalSchema: zero (even -0) passes, anything below is out_of_range at 0', () => {
    expect(String(parseWith(nonNegativeDecimalSchema, '-0'))).toBe('0');
    expect(String(parseWith(nonNegativeDecimalSchema, 0))).toBe('0');
    expect(issues(nonNegativeDecimalSchema, '-0.001')).toEqual([
      { path: ['v'], code: 'out_of_range', message: 'must not be negative, received -0.001', expected: 'at least 0', received: '-0.001', limit: '0' },
    ]);
    expect(thrown(() => parseWith(nonNegativeDecimalSchema, -1)).code).toBe('out_of_range');
  });

  it('positiveDecimalSchema: the smallest positive passes; 0 and -0 and below are out_of_range at 0', () => {
    expect(String(parseWith(positiveDecimalSchema, '1e-30'))).toBe('0.000000000000000000000000000001');
    for (const bad of [0, '-0', -2]) {
      expect(issues(positiveDecimalSchema, bad)).toEqual([
        { path: ['v'], code: 'out_of_range', message: `must be greater than 0, received ${String(toDecimal(bad))}`, expected: 'greater than 0', received: String(toDecimal(bad)), limit: '0' },
      ]);
    }
  });

  it('fractionSchema: one issue for a negative value, percent_as_whole_number above 1 with the hint', () => {
    expect(issues(fractionSchema, -5)).toEqual([
      { path: ['v'], code: 'out_of_range', message: 'must not be negative, received -5', expected: 'from 0 to 1', received: '-5', limit: '0' },
    ]);
    expect(thrown(() => parseWith(fractionSchema, -5)).code).toBe('out_of_range');
    expect(issues(fractionSchema, '1.000001')).toEqual([
      {
        path: ['v'],
        code: 'percent_as_whole_number',
        message: 'must be a fraction from 0 to 1, received 1.000001: write 0.01000001 for 1.000001 %',
        expected: 'from 0 to 1',
        received: '1.000001',
        limit: '1',
      },
    ]);
    // The value is printed without exponent whatever was typed.
    expect(issues(fractionSchema, '5e1')[0]!.message).toBe('must be a fraction from 0 to 1, received 50: write 0.5 for 50 %');
    expect(issues(fractionSchema, new Decimal('2'))[0]!.received).toBe('2');
    expect(String(parseWith(fractionSchema, '-0'))).toBe('0');
  });

  it('checkFraction gives the same issues for an already converted value', () => {
    expect(thrown(() => checkFraction(toDecimal('-0.5'), ['s'])).toJSON()).toEqual({
      name: 'DealerkitError',
      code: 'out_of_range',
      message: '[dealerkit] s: must be a fraction from 0 to 1, received -0.5',
      issues: [{ path: ['s'], code: 'out_of_range', message: 'must be a fraction from 0 to 1, received -0.5', expected: 'from 0 to 1', received: '-0.5', limit: '0' }],
    });
    expect(thrown(() => checkFraction(toDecimal('1e2'), ['s'])).toJSON()).toEqual({
      name: 'DealerkitError',
      code: 'out_of_range',
      message: '[dealerkit] s: must be a fraction from 0 to 1, received 100: write 1 for 100 %',
      issues: [
        { path: ['s'], code: 'percent_as_whole_number', message: 'must be a fraction from 0 to 1, received 100: write 1 for 100 %', expected: 'from 0 to 1', received: '100', limit: '1' },
      ],
    });
    expect(String(checkFraction(toDecimal('1'), []))).toBe('1');
    expect(String(checkFraction(toDecimal('-0'), []))).toBe('0');
  });
});

describe('dates, modes, scales and rounding options', () => {
  it('isoDateSchema gives the ISO text of a text or a Date, and the date message when refused', () => {
    expect(parseWith(isoDateSchema, '2026-03-01')).toBe('2026-03-01');
    expect(parseWith(isoDateSchema, new Date(Date.UTC(2026, 2, 1, 23)))).toBe('2026-03-01');
    expect(issues(isoDateSchema, '2026-02-29')).toEqual([
      { path: ['v'], code: 'not_a_date', message: 'is not a calendar date (2026-02 has 28 days), received "2026-02-29"', expected: 'an ISO date (YYYY-MM-DD)', received: '"2026-02-29"' },
    ]);
    expect(issues(isoDateSchema, null)[0]!.message).toBe('must be a date written YYYY-MM-DD or a Date, received null');
  });

  it('roundingModeSchema lists the seven modes', () => {
    for (const m of ['half-up', 'half-even', 'half-down', 'up', 'down', 'ceiling', 'floor']) expect(parseWith(roundingModeSchema, m)).toBe(m);
    expect(issues(roundingModeSchema, 'bankers')[0]!.message).toBe(
      "must be one of 'half-up', 'half-even', 'half-down', 'up', 'down', 'ceiling', 'floor', received \"bankers\"",
    );
  });

  it('scaleSchema: whole numbers from 0 to 30', () => {
    expect(parseWith(scaleSchema, 0)).toBe(0);
    expect(parseWith(scaleSchema, 30)).toBe(30);
    expect(issues(scaleSchema, 31)).toEqual([
      { path: ['v'], code: 'out_of_range', message: 'must be at most 30, received 31', expected: 'at most 30', received: '31', limit: '30' },
    ]);
    expect(issues(scaleSchema, -1)).toEqual([
      { path: ['v'], code: 'out_of_range', message: 'must be at least 0, received -1', expected: 'at least 0', received: '-1', limit: '0' },
    ]);
    expect(issues(scaleSchema, 2.5)[0]).toMatchObject({ code: 'not_an_integer', message: 'must be a whole number of decimal places, received 2.5' });
  });

  it('roundOptionsSchema and roundingSpecSchema are strict; stage is line or total', () => {
    expect(parseWith(roundOptionsSchema, { scale: 2, mode: 'floor' })).toEqual({ scale: 2, mode: 'floor' });
    expect(issues(roundOptionsSchema, { scale: 2, mod: 'floor' })).toEqual([
      { path: ['v', 'mod'], code: 'unknown_field', message: 'is not a known field; did you mean `mode`?', received: 'mod' },
    ]);
    expect(issues(roundOptionsSchema, {})[0]).toMatchObject({ path: ['v', 'scale'], code: 'required' });
    expect(parseWith(roundingSpecSchema, {})).toEqual({});
    expect(parseWith(roundingSpecSchema, { stage: 'total' })).toEqual({ stage: 'total' });
    expect(parseWith(roundingSpecSchema, { stage: 'line', scale: 0, mode: 'up' })).toEqual({ stage: 'line', scale: 0, mode: 'up' });
    expect(issues(roundingSpecSchema, { stage: 'each' })[0]!.message).toBe("must be one of 'line', 'total', received \"each\"");
    expect(issues(roundingSpecSchema, { stgae: 'line' })[0]!.message).toBe('is not a known field; did you mean `stage`?');
    expect(DEFAULT_RATIO_SCALE).toBe(10);
  });
});

describe('namesAFraction', () => {
  it('a name that ends in a fraction word, or has ratio, rate or share as a separate word', () => {
    const yes = ['rate', 'Rate', 'RATIO', 'share', 'percent', 'pct', 'fraction', 'probability', 'winProbability', 'xrate', 'rate_of_growth', 'share-q1', 'ratio x', 'growth_rate_2026', 'my-share-of-market', 'Ratio_1'];
    const no = ['ratio2', 'prorated', 'xratio_y', 'shares', 'rated', 'percentage', 'fractions', 'sharex_1', 'score', '', 'ratex'];
    expect(yes.filter((n) => !namesAFraction(n))).toEqual([]);
    expect(no.filter((n) => namesAFraction(n))).toEqual([]);
  });
});
