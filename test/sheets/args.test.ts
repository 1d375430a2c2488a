import { describe, expect, it } from 'vitest';
import { toIsoDateFromSheet, toSheetSerial } from 'dealerkit/sheets';
import { IssueCollector } from '../../src/core/errors.js';
import {
  booleanAt,
  cellOf,
  choiceAt,
  dateAt,
  decimalAt,
  describeSheetValue,
  integerAt,
  isOmitted,
  matrixAt,
  numberAt,
  optionalBooleanAt,
  optionalChoiceAt,
  optionalDecimalAt,
  optionalNumberAt,
  optionalStringAt,
  reshape,
  scalarAt,
  serialOfIsoDate,
  stringAt,
  tableAt,
  tableDecimals,
  vectorAt,
} from '../../src/sheets/args.js';
import { toDecimal } from '../../src/core/decimal.js';
import { failure } from '../helpers.js';

describe('omitted arguments', () => {
  it('null (Excel), undefined (Apps Script) and the empty string (an empty cell in a range) are omitted; 0, false and " " are not', () => {
    expect([null, undefined, ''].map(isOmitted)).toEqual([true, true, true]);
    expect([0, false, ' ', '0', [], new Date(0)].map(isOmitted)).toEqual([false, false, false, false, false, false]);
  });

  it('optional readers give undefined for every omitted form, also a 1×1 range holding one', () => {
    for (const v of [null, undefined, '', [[null]], [['']]]) {
      expect(optionalNumberAt(v, ['x'])).toBeUndefined();
      expect(optionalDecimalAt(v, ['x'])).toBeUndefined();
      expect(optionalStringAt(v, ['x'])).toBeUndefined();
      expect(optionalChoiceAt(v, ['x'], ['a'])).toBeUndefined();
      expect(optionalBooleanAt(v, ['x'])).toBeUndefined();
    }
    expect(optionalNumberAt(2, ['x'])).toBe(2);
    expect(optionalDecimalAt('2.50', ['x'])!.toString()).toBe('2.5');
    expect(optionalStringAt('a', ['x'])).toBe('a');
    expect(optionalChoiceAt('A', ['x'], ['a'])).toBe('a');
    expect(optionalBooleanAt(true, ['x'])).toBe(true);
  });

  it('a required argument left out says it is required, and what it wanted', () => {
    expect(failure(() => numberAt(null, ['amount'])).message).toBe('[dealerkit] amount: is required (a number), received an empty cell');
    expect(failure(() => numberAt(undefined, ['amount'])).message).toBe('[dealerkit] amount: is required (a number), received nothing');
    expect(failure(() => numberAt('', ['amount'])).message).toBe('[dealerkit] amount: is required (a number), received an empty string');
    expect(failure(() => stringAt(null, ['method'])).message).toBe('[dealerkit] method: is required (a text), received an empty cell');
    expect(failure(() => dateAt(null, ['asOf'])).message).toBe('[dealerkit] asOf: is required (a date), received an empty cell');
    expect(failure(() => dateAt('', ['asOf'])).message).toBe('[dealerkit] asOf: is required (a date), received an empty string');
  });
});

describe('scalars and ranges', () => {
  it('a 1×1 range is its cell (Excel passes a one-cell matrix argument that way)', () => {
    expect(scalarAt([[5]], ['x'])).toBe(5);
    expect(numberAt([['7']], ['x'])).toBe(7);
  });

  it('a larger range where one cell is wanted is an error giving its size', () => {
    expect(failure(() => numberAt([[1, 2]], ['amount']))).toEqual({
      code: 'invalid_input',
      message: '[dealerkit] amount: must be a single cell, received a range of 1 rows × 2 columns',
    });
  });

  it('a scalar where a range is wanted is a 1×1 range (Apps Script passes a one-cell range as its value)', () => {
    expect(matrixAt(3, ['w'])).toEqual([[3]]);
    expect(vectorAt(3, ['w'])).toEqual({ cells: [3], rows: 1, columns: 1 });
  });

  it('reads ranges row-major with their shape', () => {
    expect(vectorAt([[1, 2, 3], [4, 5, 6]], ['w'])).toEqual({ cells: [1, 2, 3, 4, 5, 6], rows: 2, columns: 3 });
    expect(reshape([1, 2, 3, 4, 5, 6], 3, 2)).toEqual([[1, 2], [3, 4], [5, 6]]);
  });

  it('refuses empty, ragged and non-row ranges', () => {
    expect(failure(() => matrixAt([], ['w'])).message).toBe('[dealerkit] w: must be a range with at least one cell, received an empty range');
    expect(failure(() => matrixAt([[]], ['w'])).message).toBe('[dealerkit] w: must be a range with at least one cell, received rows without cells');
    expect(failure(() => matrixAt([[1, 2], [3]], ['w'])).message).toBe('[dealerkit] w: must be a rectangular range, but row 2 has 1 cells and row 1 has 2');
    expect(failure(() => matrixAt([[1], 2], ['w'])).message).toBe('[dealerkit] w: must be a range given as rows of cells, but row 2 is 2');
  });
});

describe('numbers', () => {
  it('reads numbers and numeric texts; -0 becomes 0', () => {
    expect(numberAt(1.5, ['x'])).toBe(1.5);
    expect(numberAt('1e3', ['x'])).toBe(1000);
    expect(Object.is(numberAt(-0, ['x']), 0)).toBe(true);
    expect(Object.is(numberAt('-0', ['x']), 0)).toBe(true);
  });

  it('an exact number keeps every digit of a numeric text and reads a cell number by its shortest text', () => {
    expect(decimalAt('0.1000000000000000000001', ['x']).toString()).toBe('0.1000000000000000000001');
    expect(decimalAt(0.1, ['x']).plus(decimalAt(0.2, ['x'])).toString()).toBe('0.3');
  });

  it('refuses booleans, dates, text, NaN and Infinity, naming the argument', () => {
    expect(failure(() => numberAt(true, ['amount'])).message).toBe('[dealerkit] amount: must be a number, received TRUE');
    expect(failure(() => numberAt(false, ['amount'])).message).toBe('[dealerkit] amount: must be a number, received FALSE');
    expect(failure(() => numberAt(new Date(0), ['amount'])).message).toBe('[dealerkit] amount: must be a number, received a date');
    expect(failure(() => numberAt('1,000', ['amount'])).message).toBe('[dealerkit] amount: must be a number, received "1,000"');
    expect(failure(() => numberAt(Number.NaN, ['amount'])).message).toBe('[dealerkit] amount: must be a finite number, received NaN');
    expect(failure(() => numberAt(Number.POSITIVE_INFINITY, ['amount'])).message).toBe('[dealerkit] amount: must be a finite number, received Infinity');
    expect(failure(() => numberAt('1e400', ['amount']))).toEqual({
      code: 'out_of_range',
      message: '[dealerkit] amount: is out of the range of a spreadsheet number, received "1e400"',
    });
    expect(failure(() => numberAt({}, ['amount'])).message).toBe('[dealerkit] amount: must be a number, received an object');
  });

  it('whole numbers within bounds', () => {
    expect(integerAt(3, ['scale'], 0, 30)).toBe(3);
    expect(integerAt(0, ['scale'], 0, 30)).toBe(0);
    expect(integerAt(30, ['scale'], 0, 30)).toBe(30);
    expect(failure(() => integerAt(2.5, ['scale'], 0, 30))).toEqual({ code: 'invalid_input', message: '[dealerkit] scale: must be a whole number, received 2.5' });
    expect(failure(() => integerAt(31, ['scale'], 0, 30))).toEqual({ code: 'out_of_range', message: '[dealerkit] scale: must be from 0 to 30, received 31' });
    expect(failure(() => integerAt(-1, ['scale'], 0, 30)).code).toBe('out_of_range');
  });

  it('a cell shows the nearest double to the exact decimal, never -0', () => {
    expect(cellOf(toDecimal('33.33'))).toBe(33.33);
    expect(cellOf(toDecimal('0.1').plus('0.2'))).toBe(0.3);
    expect(Object.is(cellOf(toDecimal('-0')), 0)).toBe(true);
    expect(cellOf(toDecimal('123456789012345678901234567890'))).toBe(1.2345678901234568e29);
  });
});

describe('texts, choices and booleans', () => {
  it('choices ignore case and surrounding spaces and return the canonical spelling', () => {
    expect(choiceAt(' Incremental ', ['method'], ['retroactive', 'incremental'])).toBe('incremental');
    expect(choiceAt('RETROACTIVE', ['method'], ['retroactive', 'incremental'])).toBe('retroactive');
  });

  it('an unknown choice lists the accepted ones', () => {
    expect(failure(() => choiceAt('marginal', ['method'], ['retroactive', 'incremental']))).toEqual({
      code: 'invalid_input',
      message: '[dealerkit] method: must be one of "retroactive", "incremental", received "marginal"',
    });
    expect(failure(() => stringAt(3, ['method'])).message).toBe('[dealerkit] method: must be a text, received 3');
  });

  it('booleans: TRUE/FALSE, 1/0 and the texts "true"/"false"', () => {
    expect([true, false, 1, 0, 'TRUE', ' false '].map((v) => booleanAt(v, ['b']))).toEqual([true, false, true, false, true, false]);
    expect(failure(() => booleanAt(2, ['b'])).message).toBe('[dealerkit] b: must be TRUE or FALSE, received 2');
    expect(failure(() => booleanAt('yes', ['b'])).message).toBe('[dealerkit] b: must be TRUE or FALSE, received "yes"');
  });

  it('long texts are cut in messages', () => {
    expect(describeSheetValue('x'.repeat(50))).toBe(`"${'x'.repeat(40)}…"`);
    expect(describeSheetValue([[1]])).toBe('a range');
    expect(describeSheetValue(Symbol('s'))).toBe('symbol');
  });
});

describe('dates', () => {
  // Excel 1900 date system (Microsoft, "Date systems in Excel"): serial 1 is 1900-01-01 and serial 60
  // the non-existent 1900-02-29 kept for Lotus 1-2-3 compatibility, so from serial 61 (1900-03-01)
  // on, serial n is n days after 1899-12-30; Google Sheets and LibreOffice count from 1899-12-30.
  it('reads serials from 61 (1900-03-01) to 2958465 (9999-12-31)', () => {
    expect(dateAt(61, ['d'])).toBe('1900-03-01');
    expect(dateAt(25569, ['d'])).toBe('1970-01-01'); // the Unix epoch: 25569 = 70 years × 365 + 17 leap days + 2
    expect(dateAt(45658, ['d'])).toBe('2025-01-01');
    expect(dateAt(46082, ['d'])).toBe('2026-03-01');
    expect(dateAt(2958465, ['d'])).toBe('9999-12-31');
  });

  it('drops the time of day of a serial, as of a Date', () => {
    expect(dateAt(46082.99999, ['d'])).toBe('2026-03-01');
    expect(dateAt(new Date(Date.UTC(2026, 2, 1, 23, 59)), ['d'])).toBe('2026-03-01');
  });

  it('reads a Date as its UTC calendar date and an ISO text as written', () => {
    expect(dateAt(new Date(Date.UTC(2024, 1, 29)), ['d'])).toBe('2024-02-29');
    expect(dateAt('2024-02-29', ['d'])).toBe('2024-02-29');
    expect(dateAt([['2024-02-29']], ['d'])).toBe('2024-02-29');
  });

  it('refuses serials before 61 (Excel and the others disagree there) and after 9999-12-31', () => {
    expect(failure(() => dateAt(60, ['asOf']))).toEqual({
      code: 'out_of_range',
      message: '[dealerkit] asOf: must be a date serial from 61 (1900-03-01) to 2958465 (9999-12-31), received 60 (serials before 61 differ between Excel and other spreadsheets)',
    });
    expect(failure(() => dateAt(0, ['asOf'])).message).toBe('[dealerkit] asOf: must be a date serial from 61 (1900-03-01) to 2958465 (9999-12-31), received 0');
    expect(failure(() => dateAt(2958466, ['asOf'])).code).toBe('out_of_range');
    expect(failure(() => dateAt(Number.NaN, ['asOf'])).message).toBe('[dealerkit] asOf: must be a date (a date cell, a serial number or YYYY-MM-DD), received NaN');
  });

  it('refuses bad texts, invalid Dates and other types', () => {
    expect(failure(() => dateAt('2026-02-30', ['asOf'])).message).toBe('[dealerkit] asOf: is not a calendar date (2026-02 has 28 days), received "2026-02-30"');
    expect(failure(() => dateAt('1/3/2026', ['asOf'])).message).toBe('[dealerkit] asOf: must be a date written YYYY-MM-DD (no time of day), received "1/3/2026"');
    expect(failure(() => dateAt(new Date(Number.NaN), ['asOf'])).message).toBe('[dealerkit] asOf: must be a valid Date, received an Invalid Date');
    expect(failure(() => dateAt(true, ['asOf'])).message).toBe('[dealerkit] asOf: must be a date (a date cell, a serial number or YYYY-MM-DD), received TRUE');
  });

  it('converts ISO dates to serials and back (public toSheetSerial / toIsoDateFromSheet)', () => {
    expect(serialOfIsoDate('1900-03-01')).toBe(61);
    expect(toSheetSerial('2026-03-01')).toBe(46082);
    expect(toSheetSerial(new Date(Date.UTC(9999, 11, 31)))).toBe(2958465);
    expect(toIsoDateFromSheet(46082)).toBe('2026-03-01');
    expect(toIsoDateFromSheet('2026-03-01')).toBe('2026-03-01');
    expect(failure(() => toSheetSerial('1900-02-28'))).toEqual({
      code: 'out_of_range',
      message: '[dealerkit] date: must be 1900-03-01 or later to have a spreadsheet serial, received 1900-02-28',
    });
    expect(failure(() => toSheetSerial('2026-13-01')).message).toBe('[dealerkit] date: has no month 13, received "2026-13-01"');
    expect(failure(() => toIsoDateFromSheet(12)).code).toBe('out_of_range');
  });
});

describe('tables read from range columns', () => {
  const tiers = [
    { name: 'from', required: true },
    { name: 'rate', required: true },
    { name: 'bonus', required: false },
  ];

  it('reads rows by column position; a missing optional column is null', () => {
    expect(tableAt([[0, 0.01], [100, 0.02]], ['tiers'], tiers)).toEqual({ rows: [[0, 0.01, null], [100, 0.02, null]], headerRows: 0 });
  });

  it('skips a header row of texts and trailing empty rows (a range selected larger than its data)', () => {
    const t = tableAt([['From', 'Rate', 'Bonus'], [0, 0.01, ''], [100, 0.02, 5], ['', '', ''], [null, null, null]], ['tiers'], tiers);
    expect(t).toEqual({ rows: [[0, 0.01, ''], [100, 0.02, 5]], headerRows: 1 });
  });

  it('a first row holding a number or a numeric text is data, not a header', () => {
    expect(tableAt([['0', 'x'], [1, 2]], ['t'], tiers).headerRows).toBe(0);
    expect(tableAt([['from', 1], [1, 2]], ['t'], tiers).headerRows).toBe(0);
  });

  it('refuses too few or too many columns, and a table without data', () => {
    expect(failure(() => tableAt([[1]], ['tiers'], tiers)).message).toBe('[dealerkit] tiers: must have 2 to 3 columns (from, rate, bonus), received 1');
    expect(failure(() => tableAt([[1, 2, 3, 4]], ['tiers'], tiers)).message).toBe('[dealerkit] tiers: must have 2 to 3 columns (from, rate, bonus), received 4');
    expect(failure(() => tableAt([[1]], ['m'], [{ name: 'a', required: true }, { name: 'b', required: true }])).message).toBe(
      '[dealerkit] m: must have 2 columns (a, b), received 1',
    );
    expect(failure(() => tableAt([['from', 'rate'], ['', '']], ['tiers'], tiers)).message).toBe(
      '[dealerkit] tiers: must hold at least 1 row of data (from, rate, bonus), received 0',
    );
    expect(failure(() => tableAt([[1, 2]], ['tiers'], tiers, 2)).message).toBe('[dealerkit] tiers: must hold at least 2 rows of data (from, rate, bonus), received 1');
  });

  it('reads a numeric column, collecting every bad cell with its row and column in the range', () => {
    const t = tableAt([['from', 'rate'], [0, 'x'], [100, 0.02], [200, true]], ['tiers'], tiers);
    const issues = new IssueCollector();
    const rates = tableDecimals(t, ['tiers'], 1, 'rate', false, issues);
    expect(rates.map((r) => r?.toString())).toEqual([undefined, '0.02', undefined]);
    expect(() => issues.throwIfAny()).toThrow(
      '[dealerkit] tiers[0].rate: must be a number, received "x" (row 2, column 2 of the range); tiers[2].rate: must be a number, received TRUE (row 4, column 2 of the range)',
    );
    const bonus = tableDecimals(t, ['tiers'], 2, 'bonus', true, new IssueCollector());
    expect(bonus).toEqual([undefined, undefined, undefined]);
  });
});
