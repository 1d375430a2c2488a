import { describe, expect, it } from 'vitest';
import { DK_CASCADE, DK_KPI_GRADE, toIsoDateFromSheet } from 'dealerkit/sheets';
import { toDecimal } from '../../src/core/decimal.js';
import { booleanAt, cellOf, dateAt, stringAt } from '../../src/sheets/args.js';
import { failure, thrown } from '../helpers.js';

// Survivors of the sheets mutation run in src/sheets/args.ts: how cells are read (single cells,
// numbers, texts, booleans, dates, headers, trailing empty rows) and described in messages.

describe('how a cell is described', () => {
  it('a text of exactly 40 characters is quoted whole; of 41, cut at 40 with an ellipsis', () => {
    const forty = 'abcdefghij'.repeat(4); // 4 × 10 = 40 characters
    expect(failure(() => DK_CASCADE(forty, 2026, 'quarter')).message).toBe(`[dealerkit] total: must be a number, received "${forty}"`);
    expect(failure(() => DK_CASCADE(`${forty}k`, 2026, 'quarter')).message).toBe(`[dealerkit] total: must be a number, received "${forty}…"`);
  });
});

describe('single cells', () => {
  it('a column of two cells is not a single cell', () => {
    expect(failure(() => DK_CASCADE([[100], [200]], 2026, 'quarter')).message).toBe('[dealerkit] total: must be a single cell, received a range of 2 rows × 1 columns');
  });

  it('an object is not a number, even when its text is numeric', () => {
    const hundred = { toString: () => '100' };
    expect(failure(() => DK_CASCADE(hundred as never, 2026, 'quarter')).message).toBe('[dealerkit] total: must be a number, received an object');
    expect(failure(() => DK_CASCADE(100, { toString: () => '2026' } as never, 'quarter')).message).toBe('[dealerkit] year: must be a number, received an object');
  });

  it('an empty string where a word is wanted is required, not an unknown word', () => {
    expect(failure(() => DK_CASCADE(100, 2026, '')).message).toBe('[dealerkit] level: is required (a text), received an empty string');
    expect(failure(() => stringAt('', ['method'])).message).toBe('[dealerkit] method: is required (a text), received an empty string');
  });
});

describe('TRUE and FALSE as text', () => {
  it('" TRUE " is true', () => {
    expect(booleanAt(' TRUE ', ['b'])).toBe(true);
  });

  it('a text that only ends or only starts with true or false is refused', () => {
    expect(failure(() => booleanAt('untrue', ['b'])).message).toBe('[dealerkit] b: must be TRUE or FALSE, received "untrue"');
    expect(failure(() => booleanAt('falsely', ['b'])).message).toBe('[dealerkit] b: must be TRUE or FALSE, received "falsely"');
  });
});

describe('date serials out of range', () => {
  const range = 'must be a date serial from 61 (1900-03-01) to 2958465 (9999-12-31)';
  it('serial 1 carries the note on early serials; 0 and serials after 9999-12-31 do not', () => {
    expect(failure(() => dateAt(1, ['asOf'])).message).toBe(`[dealerkit] asOf: ${range}, received 1 (serials before 61 differ between Excel and other spreadsheets)`);
    expect(failure(() => dateAt(0, ['asOf'])).message).toBe(`[dealerkit] asOf: ${range}, received 0`);
    expect(failure(() => dateAt(2958466, ['asOf'])).message).toBe(`[dealerkit] asOf: ${range}, received 2958466`);
  });

  it('toIsoDateFromSheet names its argument date', () => {
    expect(failure(() => toIsoDateFromSheet(true)).message).toBe('[dealerkit] date: must be a date (a date cell, a serial number or YYYY-MM-DD), received TRUE');
  });
});

describe('a result below the smallest double', () => {
  it('−1e−400 shows as 0, not −0', () => {
    // Number('-1e-400') is −0 (underflow); the cell shows a plain 0.
    expect(Object.is(cellOf(toDecimal('-1e-400')), 0)).toBe(true);
  });
});

describe('which first row is a header', () => {
  it('a first row with a cell of spaces only is data, not a header', () => {
    expect(thrown(() => DK_KPI_GRADE(80, [['min', '  '], [60, 'A']])).issues.map((i) => [i.path, i.message])).toEqual([
      [['grades', 0, 'min'], 'must be a number, received "min" (row 1, column 1 of the range)'],
      [['grades', 0, 'grade'], 'must be a grade name, received "  " (row 1, column 2 of the range)'],
    ]);
  });

  it('a first row whose text is a number with spaces around it is data, not a header', () => {
    expect(failure(() => DK_KPI_GRADE(80, [[' 60 ', 'A'], [75, 'B']])).message).toBe('[dealerkit] grades[0].min: must be a number, received " 60 " (row 1, column 1 of the range)');
  });
});

describe('trailing empty rows', () => {
  it('a table of empty rows only holds no data', () => {
    expect(failure(() => DK_KPI_GRADE(80, [[null, null]])).message).toBe('[dealerkit] grades: must hold at least 1 row of data (min, grade), received 0');
    expect(failure(() => DK_KPI_GRADE(80, [['min', 'grade'], [null, ''], [null, null]])).message).toBe(
      '[dealerkit] grades: must hold at least 1 row of data (min, grade), received 0',
    );
  });
});
