import { describe, expect, it } from 'vitest';
import { formatPath } from 'dealerkit';
import { DK_AHP, DK_KPI_GRADE, DK_KPI_SCORE } from 'dealerkit/sheets';
import { sheetIssue } from '../../src/sheets/kpi.js';
import { errorAt, valueAt, valuesAt, workbook } from './hf.js';
import { failure, thrown } from '../helpers.js';

// The seeds' KPI table (DOMAIN.md §2): sales 10,000,000 at 95 % attainment, satisfaction 90 % → 92 %,
// market share 5 % → 6 %, channel expansion 30 % → 35 %; launch-stage weights 0.4 / 0.2 / 0.2 / 0.2.
const actuals = [[9_500_000], [92], [6], [35]];
const targets = [[10_000_000], [90], [5], [30]];
const weights = [[0.4], [0.2], [0.2], [0.2]];

describe('DK.KPI.SCORE', () => {
  it("the seeds' table: 0.4 × 95 + 0.2 × 102.22 + 0.2 × 120 + 0.2 × 116.67 = 38 + 20.444 + 24 + 23.333 = 105.777…", () => {
    // Exact: 38 + 92/90 × 20 + 24 + 35/30 × 20 = 62 + 184/9 + 70/3 = 62 + 394/9 = 952/9 = 105.7̅.
    expect(DK_KPI_SCORE(actuals, targets, weights)).toBe(952 / 9);
    expect(DK_KPI_SCORE(actuals, targets, weights, 'ratio')).toBe(952 / 9);
  });

  it('reads rows as well as columns, and mixed scorings per KPI', () => {
    // 0.6 × 95 + 0.4 × (200 − 100 × 2/4) = 57 + 60 = 117 (SAP SuccessFactors' "Reduction" for complaints).
    expect(DK_KPI_SCORE([[95, 2]], [[100, 4]], [[0.6, 0.4]], [['ratio', 'reduction']])).toBe(117);
    // Deviation: stock days 45 against 40 → 100 − 5/40 × 100 = 87.5.
    expect(DK_KPI_SCORE([[45]], [[40]], [[1]], 'deviation')).toBe(87.5);
    expect(DK_KPI_SCORE([[45]], [[40]], [[1]], [['Deviation']])).toBe(87.5);
    expect(DK_KPI_SCORE([[95, 2]], [[100, 4]], [[0.6, 0.4]], [['', 'reduction']])).toBe(117);
  });

  it('names the KPI by its position in the ranges', () => {
    expect(failure(() => DK_KPI_SCORE([[95, 2]], [[100, 0]], [[0.6, 0.4]]))).toEqual({
      code: 'out_of_range',
      message:
        '[dealerkit] targets[1]: must be greater than 0, received 0 (a ratio to a target of 0 or less has no meaning; score such a KPI on the actual with a curve or bands)',
    });
    expect(failure(() => DK_KPI_SCORE([[95, 2]], [[100, 4]], [[0.6, 0.3]]))).toEqual({
      code: 'invalid_input',
      message: '[dealerkit] weights: must sum to exactly 1, they sum to 0.9 (or set normalize: true to divide them by their sum)',
    });
    expect(failure(() => DK_KPI_SCORE([[95, 2]], [[100, 4]], [[0.6, -0.4]]))).toEqual({ code: 'out_of_range', message: '[dealerkit] weights[1]: must not be negative, received -0.4' });
    // Weights written as percentages are refused with the hint, each at its cell.
    const percent = thrown(() => DK_KPI_SCORE([[95, 2]], [[100, 4]], [[60, 40]]));
    expect(percent.issues.map((i) => [formatPath(i.path), i.code, i.message])).toEqual([
      ['weights[0]', 'percent_as_whole_number', 'must be a fraction from 0 to 1, received 60: write 0.6 for 60 %'],
      ['weights[1]', 'percent_as_whole_number', 'must be a fraction from 0 to 1, received 40: write 0.4 for 40 %'],
    ]);
    expect(thrown(() => DK_KPI_SCORE([[95, 2]], [[100, 4]], [[0.6, 0.3]])).issues[0]!.code).toBe('does_not_sum');
    expect(failure(() => DK_KPI_SCORE([[95, null]], [[100, 4]], [[0.6, 0.4]])).message).toBe(
      "[dealerkit] actuals[1]: is required (the scorecard's missing policy is 'error'; use 'zero' or 'reweight' to score without it)",
    );
    expect(failure(() => DK_KPI_SCORE([[95, 'x']], [[100, 4]], [[0.6, 0.4]])).message).toBe('[dealerkit] actuals[1]: must be a number, received "x" (row 1, column 2 of the range)');
    expect(failure(() => DK_KPI_SCORE([[95, 2]], [[100, 4]], [[0.6, '']])).message).toBe('[dealerkit] weights[1]: is required (a number), received an empty string (row 1, column 2 of the range)');
    expect(failure(() => DK_KPI_SCORE([[95, 2]], [[100, 4, 5]], [[0.6, 0.4]])).message).toBe('[dealerkit] targets: must have one cell per actual (2), received 3');
    expect(failure(() => DK_KPI_SCORE([[95, 2]], [[100, 4]], [[1]])).message).toBe('[dealerkit] weights: must have one cell per actual (2), received 1');
    expect(failure(() => DK_KPI_SCORE([[95, 2]], [[100, 4]], [[0.6, 0.4]], 'percent')).message).toBe(
      '[dealerkit] scoring: must be one of "ratio", "reduction", "deviation", received "percent"',
    );
    expect(failure(() => DK_KPI_SCORE([[95, 2]], [[100, 4]], [[0.6, 0.4]], [['ratio', 'ratio', 'ratio']])).message).toBe(
      '[dealerkit] scoring: must be one word or one cell per actual (2), received 3',
    );
  });
});

describe("the engine's paths as the sheet's", () => {
  it('maps stage weights, actuals and targets of KPI kN to position N − 1, and leaves other paths alone', () => {
    const m = 'x';
    const code = 'invalid_value' as const;
    expect(sheetIssue({ path: ['stages', 'all', 'weights', 'k3'], code, message: m }).path).toEqual(['weights', 2]);
    expect(sheetIssue({ path: ['stages', 'all', 'weights'], code, message: m }).path).toEqual(['weights']);
    expect(sheetIssue({ path: ['actuals', 'k1'], code, message: m }).path).toEqual(['actuals', 0]);
    expect(sheetIssue({ path: ['targets', 'k12'], code, message: m }).path).toEqual(['targets', 11]);
    expect(sheetIssue({ path: ['kpis', 0, 'scoring'], code, message: m }).path).toEqual(['kpis', 0, 'scoring']);
    expect(sheetIssue({ path: ['actuals', 'other'], code, message: m }).path).toEqual(['actuals', 'other']);
    // The issue's code and details survive the mapping.
    expect(sheetIssue({ path: ['stages', 'all', 'weights', 'k1'], code: 'percent_as_whole_number', message: m, limit: '1' })).toEqual({
      path: ['weights', 0],
      code: 'percent_as_whole_number',
      message: m,
      limit: '1',
    });
  });
});

describe('DK.KPI.GRADE', () => {
  const grades = [['min', 'grade'], [60, 'Bronze'], [75, 'Silver'], [90, 'Gold']];
  it('gives the grade with the highest minimum reached; a minimum is reached at equality', () => {
    expect([60, 74.99, 75, 89.999, 90, 150].map((s) => DK_KPI_GRADE(s, grades))).toEqual(['Bronze', 'Bronze', 'Silver', 'Silver', 'Gold', 'Gold']);
    // Any row order.
    expect(DK_KPI_GRADE(80, [[90, 'A'], [0, 'C'], [75, 'B']])).toBe('B');
  });

  it('below every minimum is #N/A (unknown_label), like VLOOKUP(..., TRUE)', () => {
    expect(failure(() => DK_KPI_GRADE(59.99, grades))).toEqual({ code: 'unknown_label', message: "[dealerkit] score: is below the lowest grade's minimum (60), received 59.99" });
  });

  it('refuses duplicate minimums or names and empty names', () => {
    expect(failure(() => DK_KPI_GRADE(80, [[60, 'B'], [60, 'A']])).message).toBe('[dealerkit] grades[1].min: must differ from grades[0].min: two grades start at 60');
    expect(failure(() => DK_KPI_GRADE(80, [[60, 'B'], [70, 'B']])).message).toBe("[dealerkit] grades[1].grade: must be unique, 'B' appears twice");
    expect(failure(() => DK_KPI_GRADE(80, [['min', 'grade'], [60, '']])).message).toBe('[dealerkit] grades[0].grade: must be a grade name, received an empty string (row 2, column 2 of the range)');
    expect(DK_KPI_GRADE(80, [[60, 1], [70, 2]])).toBe('2');
  });
});

describe('DK.AHP', () => {
  it("Saaty's leader example: weights 0.5476, 0.1266, 0.2699, 0.0559 and CR = ((4.1184 − 4)/3)/0.90 = 0.0439", () => {
    const r = DK_AHP([[1, 4, 3, 7], ['1/4', 1, '1/3', 3], ['1/3', 3, 1, 5], ['1/7', '1/3', '1/5', 1]]);
    expect(r.map((row) => row[0]!.toFixed(4))).toEqual(['0.5476', '0.1266', '0.2699', '0.0559', '0.0439']);
    expect(r.slice(0, 4).reduce((s, row) => s + row[0]!, 0)).toBeCloseTo(1, 14);
  });

  it('a 2 × 2 matrix is always consistent (CR 0); the geometric-mean method', () => {
    expect(DK_AHP([[1, 3], ['1/3', 1]])).toEqual([[0.75], [0.25], [0]]);
    expect(DK_AHP([[1, 3], [1 / 3, 1]], 'geometric-mean')).toEqual([[0.75], [0.25], [0]]);
  });

  it('names the entry that is not a reciprocal, and refuses non-square ranges', () => {
    expect(failure(() => DK_AHP([[1, 3], [0.5, 1]])).message).toBe(
      "[dealerkit] matrix[1][0]: must be the reciprocal of matrix[0][1] (1 / 3), received 0.5; write fractions such as '1/3' exactly",
    );
    expect(failure(() => DK_AHP([[1, 3, 2], [0.5, 1, 1]])).message).toBe('[dealerkit] matrix: must be square (one row and one column per item), received 2 rows × 3 columns');
    expect(failure(() => DK_AHP([[1, null], [1, 1]])).message).toBe('[dealerkit] matrix[0][1]: must be a number or a fraction such as "1/3", received an empty cell');
    expect(failure(() => DK_AHP([[1, 3], ['1/3', 1]], 'power')).message).toBe('[dealerkit] method: must be one of "eigenvector", "geometric-mean", received "power"');
  });
});

describe('the KPI functions in a sheet', () => {
  it('KPI.SCORE = SUMPRODUCT(actuals / targets × 100, weights); KPI.GRADE = VLOOKUP(score, grades, 2, TRUE); AHP spills weights and CR', () => {
    const hf = workbook({
      Sheet1: [
        ['actual', 'target', 'weight', '=DK.KPI.SCORE(A2:A5, B2:B5, C2:C5)', '=SUMPRODUCT(A2:A5/B2:B5*100, C2:C5)', 'min', 'grade', '=DK.KPI.GRADE(D1, F2:G4)', '=VLOOKUP(D1, F2:G4, 2, TRUE())'],
        [9_500_000, 10_000_000, 0.4, '=DK.KPI.GRADE(55, F2:G4)', '=VLOOKUP(55, F2:G4, 2, TRUE())', 60, 'Bronze'],
        [92, 90, 0.2, null, null, 75, 'Silver'],
        [6, 5, 0.2, null, null, 90, 'Gold'],
        [35, 30, 0.2],
        [1, 3, '=DK.AHP(A6:B7)'],
        ['1/3', 1],
      ],
    });
    expect(Math.abs((valueAt(hf, 'D1') as number) - (valueAt(hf, 'E1') as number))).toBeLessThan(1e-12);
    expect(valueAt(hf, 'D1')).toBe(952 / 9);
    expect(valuesAt(hf, 'H1:I1')).toEqual([['Gold', 'Gold']]);
    expect(errorAt(hf, 'D2')).toEqual({ type: '#N/A', message: "[dealerkit] score: is below the lowest grade's minimum (60), received 55" });
    expect(errorAt(hf, 'E2')!.type).toBe('#N/A');
    expect(valuesAt(hf, 'C6:C8')).toEqual([[0.75], [0.25], [0]]);
    hf.destroy();
  });
});
