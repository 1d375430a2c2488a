import { describe, expect, it } from 'vitest';
import { DK_CASCADE, DK_PACE } from 'dealerkit/sheets';
import { actualsIssue } from '../../src/sheets/targets.js';
import { errorAt, valueAt, valuesAt, workbook } from './hf.js';
import { failure } from '../helpers.js';

const sum = (rows: unknown[][]) => rows.reduce((s, r) => s + (r[3] as number), 0);

describe('DK.CASCADE', () => {
  it("the seeds' 100,000,000 for 2026 by quarter: four rows of id, first day, last day (serials) and 25,000,000", () => {
    // Serials (1900 system): 2026-01-01 = 46023, 2026-03-31 = 46112, ..., 2026-12-31 = 46387.
    expect(DK_CASCADE(100_000_000, 2026, 'quarter')).toEqual([
      ['2026-Q1', 46023, 46112, 25000000],
      ['2026-Q2', 46113, 46203, 25000000],
      ['2026-Q3', 46204, 46295, 25000000],
      ['2026-Q4', 46296, 46387, 25000000],
    ]);
  });

  it('months, even: 8,333,334 × 4 then 8,333,333 × 8 (not the seeds\' 8,333,333 × 12 = 99,999,996)', () => {
    const months = DK_CASCADE(100_000_000, 2026, 'month');
    expect(months.map((r) => r[3])).toEqual([8333334, 8333334, 8333334, 8333334, 8333333, 8333333, 8333333, 8333333, 8333333, 8333333, 8333333, 8333333]);
    expect(months.map((r) => r[0])).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(sum(months)).toBe(100_000_000);
  });

  it('months by days: floors of 100,000,000 × days / 365 sum to 99,999,994; the 6 units go to February (.877) and the first five 31-day months (.685)', () => {
    expect(DK_CASCADE(100_000_000, 2026, 'month', 'days').map((r) => r[3])).toEqual([
      8493151, 7671233, 8493151, 8219178, 8493151, 8219178, 8493151, 8493151, 8219178, 8493150, 8219178, 8493150,
    ]);
  });

  it('weeks are the 53 whole ISO weeks of 2026 (W01 starts Monday 2025-12-29 = 46020); 100,000,000 / 53 leaves 24 units for the first 24 weeks', () => {
    const weeks = DK_CASCADE(100_000_000, 2026, 'week');
    expect(weeks).toHaveLength(53);
    expect(weeks[0]).toEqual(['2026-W01', 46020, 46026, 1886793]);
    expect(weeks[23]![3]).toBe(1886793);
    expect(weeks[24]![3]).toBe(1886792);
    expect(weeks[52]![0]).toBe('2026-W53');
    expect(sum(weeks)).toBe(100_000_000);
  });

  it('a seasonality profile from a range: 1,200 over 1 × 11 and 2 → 92.31 × 11 and 184.62; 4 leftover units to December then January to March', () => {
    expect(DK_CASCADE(1200, 2026, 'month', [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]]).map((r) => r[3])).toEqual([93, 93, 93, 92, 92, 92, 92, 92, 92, 92, 92, 185]);
  });

  it('the scale defaults to the decimals of the total; the NRF 4-5-4 calendar names fiscal periods', () => {
    expect(DK_CASCADE(100, 2026, 'quarter', null, 2).map((r) => r[3])).toEqual([25, 25, 25, 25]);
    expect(DK_CASCADE(1000.01, 2026, 'quarter').map((r) => r[3])).toEqual([250.01, 250, 250, 250]);
    // NRF fiscal 2026 begins Sunday 2026-02-01 (serial 46054); P01 has 4 weeks, P02 5.
    expect(DK_CASCADE(100_000_000, 2026, 'month', 'days', null, 'nrf').slice(0, 2)).toEqual([
      ['FY2026-P01', 46054, 46081, 7692308],
      ['FY2026-P02', 46082, 46116, 9615384],
    ]);
  });

  it('names the argument in errors', () => {
    expect(failure(() => DK_CASCADE(100, 2026, 'day'))).toEqual({ code: 'invalid_input', message: '[dealerkit] level: must be one of "quarter", "month", "week", received "day"' });
    expect(failure(() => DK_CASCADE(100, 2026, 'month', [[1, 2]]))).toEqual({
      code: 'invalid_input',
      message: '[dealerkit] spread: must hold one weight per quarter (4), month (12) or week (53) of 2026, received 2',
    });
    expect(failure(() => DK_CASCADE(100, 2026, 'month', [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1]])).message).toBe('[dealerkit] spread[11]: must not be negative, received -1');
    expect(failure(() => DK_CASCADE(100.5, 2026, 'month', null, 0)).message).toBe('[dealerkit] total: has more than 0 decimal places (100.5); round it to the scale first');
    expect(failure(() => DK_CASCADE(-100, 2026, 'month'))).toEqual({ code: 'out_of_range', message: '[dealerkit] total: must not be negative, received -100' });
    expect(failure(() => DK_CASCADE(100, 2026, 'month', 'weekly')).message).toBe('[dealerkit] spread: must be one of "even", "days", "workdays", received "weekly"');
    expect(failure(() => DK_CASCADE(100, 2026.5, 'month')).message).toBe('[dealerkit] year: must be a whole number, received 2026.5');
    expect(failure(() => DK_CASCADE(100, 2026, 'month', null, null, 'julian')).message).toBe('[dealerkit] calendar: must be one of "gregorian", "nrf", received "julian"');
    expect(failure(() => DK_CASCADE(100, 2026, 'month', [[1, 'x']])).message).toBe('[dealerkit] spread[1]: must be a number, received "x" (row 1, column 2 of the range)');
  });
});

describe('DK.CASCADE in a sheet', () => {
  it('spills 12 × 4; the starts are DATE(2026, m, 1), the ends EOMONTH of them, and the targets sum to the total', () => {
    const rows: (string | number | null)[][] = [['=DK.CASCADE(100000000, 2026, "month")', null, null, null, '=SUM(D1:D12)']];
    for (let m = 1; m <= 12; m++) {
      while (rows.length < m) rows.push([]);
      rows[m - 1]![5] = `=DATE(2026, ${m}, 1)`;
      rows[m - 1]![6] = `=EOMONTH(F${m}, 0)`;
    }
    const hf = workbook({ Sheet1: rows });
    const v = valuesAt(hf, 'A1:G12');
    for (const r of v) {
      expect(r[1]).toBe(r[5]);
      expect(r[2]).toBe(r[6]);
    }
    expect(valueAt(hf, 'E1')).toBe(100_000_000);
    hf.destroy();
  });

  it('sizes the spill from a profile range, and shows #VALUE! for a bad level', () => {
    const hf = workbook({
      Sheet1: [
        [1, '=DK.CASCADE(1200, 2026, "month", A1:A12)', null, null, null, '=DK.CASCADE(1200, 2026, "day")'],
        ...Array.from({ length: 10 }, () => [1]),
        [2],
      ],
    });
    expect(valuesAt(hf, 'E1:E12').flat()).toEqual([93, 93, 93, 92, 92, 92, 92, 92, 92, 92, 92, 185]);
    expect(errorAt(hf, 'F1')).toEqual({ type: '#VALUE!', message: '[dealerkit] level: must be one of "quarter", "month", "week", received "day"' });
    hf.destroy();
  });
});

describe('DK.PACE', () => {
  // 1,200 over twelve even months (100 each); actuals 90 in January and 120 in February.
  it('as of 2026-02-28: expected 200, actual 210, attainment 1.05, gap −10, run rate 210 × 365 / 59 = 1,299.2 → 1,299', () => {
    expect(DK_PACE(1200, 2026, 'month', '2026-02-28', [[90, 120]])).toEqual([[200, 210, 1.05, -10, 1299]]);
  });

  it('reads the date as a serial (46067 = 2026-02-14), a Date (its UTC day) or a text alike; a month in progress is due by its elapsed days', () => {
    // 2026-02-14: January's 100 + February's 100 × 14/28 = 150; 210 / 150 = 1.4; 210 × 365 / 45 = 1,703.3 → 1,703.
    const expected = [[150, 210, 1.4, -60, 1703]];
    expect(DK_PACE(1200, 2026, 'month', 46067, [[90, 120]])).toEqual(expected);
    expect(DK_PACE(1200, 2026, 'month', new Date(Date.UTC(2026, 1, 14, 22, 0)), [[90], [120]])).toEqual(expected);
    expect(DK_PACE(1200, 2026, 'month', '2026-02-14', [[90, 120, null, '']])).toEqual(expected);
  });

  it('before the year starts nothing is due: attainment and forecast are empty cells', () => {
    expect(DK_PACE(1200, 2026, 'month', '2025-12-31', [['']])).toEqual([[0, 0, '', 0, '']]);
  });

  it('names the cell of an actual for a period after asOf, and refuses too many cells or a serial before 61', () => {
    expect(failure(() => DK_PACE(1200, 2026, 'month', '2026-02-28', [[90, null, null, 120]]))).toEqual({
      code: 'out_of_range',
      message: '[dealerkit] actuals[3]: is for a period that starts after asOf (2026-04-01 > 2026-02-28)',
    });
    expect(failure(() => DK_PACE(1200, 2026, 'quarter', '2026-02-28', [[1, 2, 3, 4, 5]])).message).toBe('[dealerkit] actuals: must have at most one cell per quarter (4), received 5');
    expect(failure(() => DK_PACE(1200, 2026, 'month', 60, [[90]])).code).toBe('out_of_range');
    expect(failure(() => DK_PACE(1200, 2026, 'month', '2026-02-28', [[90, 'x']])).message).toBe('[dealerkit] actuals[1]: must be a number, received "x" (row 1, column 2 of the range)');
    expect(failure(() => DK_PACE(1200, 2026, 'month', null, [[90]])).message).toBe('[dealerkit] asOf: is required (a date), received an empty cell');
  });
});

describe("the pace engine's actuals paths as cells", () => {
  it('maps actuals[periodId] to the cell index and leaves other paths alone', () => {
    const periods = [{ period: '2026-01' }, { period: '2026-02' }];
    expect(actualsIssue(periods, { path: ['actuals', '2026-02'], code: 'out_of_range', message: 'm' })).toEqual({ path: ['actuals', 1], code: 'out_of_range', message: 'm' });
    expect(actualsIssue(periods, { path: ['actuals', '2027-01'], code: 'unknown_label', message: 'm' })).toEqual({ path: ['actuals', '2027-01'], code: 'unknown_label', message: 'm' });
    expect(actualsIssue(periods, { path: ['asOf'], code: 'not_a_date', message: 'm' })).toEqual({ path: ['asOf'], code: 'not_a_date', message: 'm' });
  });
});

describe('DK.PACE in a sheet, with a date cell', () => {
  it('reads a typed date, a DATE() formula and a serial alike', () => {
    const hf = workbook({
      Sheet1: [
        ['2026-02-14', '=DATE(2026, 2, 14)', 46067, 90, 120],
        ['=DK.PACE(1200, 2026, "month", A1, D1:E1)'],
        ['=DK.PACE(1200, 2026, "month", B1, D1:E1)'],
        ['=DK.PACE(1200, 2026, "month", C1, D1:E1)'],
        ['=DK.PACE(1200, 2026, "month", "2026-13-01", D1:E1)'],
      ],
    });
    for (const r of [2, 3, 4]) expect(valuesAt(hf, `A${r}:E${r}`)).toEqual([[150, 210, 1.4, -60, 1703]]);
    expect(errorAt(hf, 'A5')).toEqual({ type: '#VALUE!', message: '[dealerkit] asOf: has no month 13, received "2026-13-01"' });
    hf.destroy();
  });
});
