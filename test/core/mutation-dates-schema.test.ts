// Dates and schemas (src/core/dates.ts, utc-date.ts, schema.ts), more cases: default and array
// paths of refusals, the first representable day, the UTC formatters keeping the caller's options,
// and the messages of the decimal input schema and the positive-decimal schema. Expected texts are
// written by hand (Intl's en-US formats for 8 March 2026 at midnight UTC).
import { describe, expect, it } from 'vitest';
import { calculateDateAfter, toIsoDate, toUtcDate } from 'dealerkit';
import { parseWith } from '../../src/core/issues.js';
import { decimalInputSchema, positiveDecimalSchema } from '../../src/core/schema.js';
import { thrown } from '../helpers.js';

describe('date refusals name the path given, or none', () => {
  it('toIsoDate and toUtcDate without a path: at the root; with a list: at it as it is', () => {
    expect(thrown(() => toIsoDate('2026-13-01')).issues[0]!.path).toEqual([]);
    expect(thrown(() => toUtcDate('2026-13-01')).issues[0]!.path).toEqual([]);
    expect(thrown(() => toIsoDate('2026-13-01', ['rows', 0, 'date'])).issues[0]!.path).toEqual(['rows', 0, 'date']);
    expect(thrown(() => toIsoDate('2026-13-01', 'start')).issues[0]!.path).toEqual(['start']);
  });

  it('the first day of year 1 is reachable; the day before it is not', () => {
    expect(calculateDateAfter('0001-01-02', -1)).toBe('0001-01-01');
    const e = thrown(() => calculateDateAfter('0001-01-02', -2));
    expect([e.code, e.issues[0]!.limit]).toEqual(['out_of_range', '-1']);
  });
});

describe('UTCDate formatters keep the options given', () => {
  const d = toUtcDate('2026-03-08');
  it('toLocaleString, toLocaleDateString, toLocaleTimeString', () => {
    expect(d.toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric' })).toBe('March 8, 2026');
    expect(d.toLocaleString('en-US', { dateStyle: 'medium' })).toBe('Mar 8, 2026');
    expect(d.toLocaleTimeString('en-US', { hour: 'numeric' })).toBe('12 AM');
  });
});

describe('decimal schemas', () => {
  it('the input schema refuses text that is no number with its hint, and a number beyond the range as such', () => {
    const e = thrown(() => parseWith(decimalInputSchema, '1,000', ['sales']));
    expect([e.code, e.issues]).toEqual([
      'invalid_input',
      [{ path: ['sales'], code: 'not_a_number', message: 'must be a number or a numeric string, received "1,000": write 1000 without thousands separators', expected: 'a number or a numeric string', received: '"1,000"' }],
    ]);
    const far = thrown(() => parseWith(decimalInputSchema, '1e9000000000000001', ['sales']));
    expect(far.issues[0]!.message).toBe('is out of the representable range, received "1e9000000000000001"');
    expect(parseWith(decimalInputSchema, '12.5', ['sales'])).toBe('12.5');
    // A list holding numeric text is no number, though it prints as one.
    expect(thrown(() => parseWith(decimalInputSchema, ['5'], ['sales'])).issues[0]!.message).toBe('must be a number or a numeric string, received an array');
  });

  it('a positive decimal refuses 0 as out of range (the error and the issue)', () => {
    const e = thrown(() => parseWith(positiveDecimalSchema, 0, ['rate']));
    expect([e.code, e.issues]).toEqual(['out_of_range', [{ path: ['rate'], code: 'out_of_range', message: 'must be greater than 0, received 0', expected: 'greater than 0', received: '0', limit: '0' }]]);
  });
});
