import { describe, expect, it } from 'vitest';
import { DK_AHP, DK_KPI_GRADE, DK_KPI_SCORE } from 'dealerkit/sheets';
import { sheetIssue } from '../../src/sheets/kpi.js';
import { failure } from '../helpers.js';

// Survivors of the sheets mutation run in src/sheets/kpi.ts: which ranges of scorings are one word,
// the argument named in each message (asserted whole), how grade names and AHP entries are read,
// and which engine paths are mapped to sheet positions.

describe('DK.KPI.SCORE: scoring as one word or one cell per KPI', () => {
  it('a single-cell range is one word for every KPI, whatever the number of KPIs', () => {
    // Two KPIs at 45 against 40, each deviation: 100 − 5/40 × 100 = 87.5; 0.5 × 87.5 + 0.5 × 87.5 = 87.5.
    expect(DK_KPI_SCORE([[45, 45]], [[40, 40]], [[0.5, 0.5]], [['deviation']])).toBe(87.5);
  });

  it('a column of scorings is one per KPI', () => {
    // 0.6 × 95/100 × 100 + 0.4 × (200 − 100 × 2/4) = 57 + 60 = 117.
    expect(DK_KPI_SCORE([[95], [2]], [[100], [4]], [[0.6], [0.4]], [['ratio'], ['reduction']])).toBe(117);
    // The same column, reversed: 0.6 × (200 − 100 × 95/100) + 0.4 × 2/4 × 100 = 0.6 × 105 + 20 = 63 + 20 = 83.
    expect(DK_KPI_SCORE([[95], [2]], [[100], [4]], [[0.6], [0.4]], [['reduction'], ['ratio']])).toBe(83);
  });
});

describe('DK.KPI.SCORE names the argument', () => {
  it('an empty range of actuals, targets or weights', () => {
    const empty = 'must be a range with at least one cell, received an empty range';
    expect(failure(() => DK_KPI_SCORE([], [[1]], [[1]]))).toEqual({ code: 'invalid_input', message: `[dealerkit] actuals: ${empty}` });
    expect(failure(() => DK_KPI_SCORE([[1]], [], [[1]]))).toEqual({ code: 'invalid_input', message: `[dealerkit] targets: ${empty}` });
    expect(failure(() => DK_KPI_SCORE([[1]], [[1]], []))).toEqual({ code: 'invalid_input', message: `[dealerkit] weights: ${empty}` });
  });

  it('a ragged range of scorings, and the scoring cell that is not a known word', () => {
    expect(failure(() => DK_KPI_SCORE([[95, 2]], [[100, 4]], [[0.6, 0.4]], [['ratio', 'ratio'], ['ratio']])).message).toBe(
      '[dealerkit] scoring: must be a rectangular range, but row 2 has 1 cells and row 1 has 2',
    );
    expect(failure(() => DK_KPI_SCORE([[95, 2]], [[100, 4]], [[0.6, 0.4]], [['ratio', 'percent']])).message).toBe(
      '[dealerkit] scoring[1]: must be one of "ratio", "reduction", "deviation", received "percent"',
    );
  });

  it('a target cell that is not a number, where it sits', () => {
    expect(failure(() => DK_KPI_SCORE([[95, 2]], [[100, 'x']], [[0.6, 0.4]]))).toEqual({
      code: 'invalid_input',
      message: '[dealerkit] targets[1]: must be a number, received "x" (row 1, column 2 of the range)',
    });
  });
});

describe("sheetIssue maps only the engine's own KPI ids", () => {
  const code = 'invalid_value' as const;
  it('an id must be k and digits, whole: xk1 and k1x are left alone', () => {
    expect(sheetIssue({ path: ['actuals', 'xk1'], code, message: 'm' }).path).toEqual(['actuals', 'xk1']);
    expect(sheetIssue({ path: ['targets', 'k1x'], code, message: 'm' }).path).toEqual(['targets', 'k1x']);
  });

  it('a KPI id under a path other than weights, actuals or targets is left alone', () => {
    expect(sheetIssue({ path: ['kpis', 'k2', 'scoring'], code, message: 'm' }).path).toEqual(['kpis', 'k2', 'scoring']);
  });
});

describe('DK.KPI.GRADE reads its arguments', () => {
  const grades = [['min', 'grade'], [60, 'Bronze'], [75, 'Silver'], [90, 'Gold']];

  it('names the score, the grade table and its min cells', () => {
    expect(failure(() => DK_KPI_GRADE('x', grades))).toEqual({ code: 'invalid_input', message: '[dealerkit] score: must be a number, received "x"' });
    expect(failure(() => DK_KPI_GRADE(80, [[60], [75]])).message).toBe('[dealerkit] grades: must have 2 columns (min, grade), received 1');
    expect(failure(() => DK_KPI_GRADE(80, [[60, 'A'], ['x', 'B']])).message).toBe('[dealerkit] grades[1].min: must be a number, received "x" (row 2, column 1 of the range)');
  });

  it('a min cell left empty is required', () => {
    expect(failure(() => DK_KPI_GRADE(80, [[60, 'A'], [null, 'B']])).message).toBe(
      '[dealerkit] grades[1].min: is required (a number), received an empty cell (row 2, column 1 of the range)',
    );
  });

  it('a grade name is trimmed; a name of spaces only is refused', () => {
    // 80 reaches 75 (" Silver ") but not 90.
    expect(DK_KPI_GRADE(80, [[60, 'Bronze'], [75, ' Silver '], [90, 'Gold']])).toBe('Silver');
    expect(failure(() => DK_KPI_GRADE(80, [[60, 'A'], [75, '  ']])).message).toBe('[dealerkit] grades[1].grade: must be a grade name, received "  " (row 2, column 2 of the range)');
  });

  it('a repeated name is named at its row of the range, not at its rank by minimum', () => {
    // Rows: 70 B (row 0), 60 B (row 1), 80 C (row 2). By minimum the second B would rank third (80, 70, 60).
    expect(failure(() => DK_KPI_GRADE(80, [[70, 'B'], [60, 'B'], [80, 'C']])).message).toBe("[dealerkit] grades[1].grade: must be unique, 'B' appears twice");
  });
});

describe('DK.AHP reads its arguments', () => {
  it('names an empty matrix', () => {
    expect(failure(() => DK_AHP([])).message).toBe('[dealerkit] matrix: must be a range with at least one cell, received an empty range');
  });

  it('an entry of spaces only or an empty string is refused at its position', () => {
    expect(failure(() => DK_AHP([[1, '  '], [1, 1]])).message).toBe('[dealerkit] matrix[0][1]: must be a number or a fraction such as "1/3", received "  "');
    expect(failure(() => DK_AHP([[1, 3], ['', 1]])).message).toBe('[dealerkit] matrix[1][0]: must be a number or a fraction such as "1/3", received an empty string');
  });

  it("the geometric-mean method on Saaty's leader matrix differs from the eigenvector", () => {
    // Row products 1·4·3·7 = 84, 1/4·1·1/3·3 = 1/4, 1/3·3·1·5 = 5, 1/7·1/3·1/5·1 = 1/105; their fourth roots
    // normalised (python3 numpy): 0.5462, 0.1276, 0.2698, 0.0564; λ = mean((A·w)_i / w_i), CR = (λ − 4)/3/0.90 = 0.0438.
    // The eigenvector gives 0.5476, 0.1266, 0.2699, 0.0559 and CR 0.0439 (kpi.test.ts).
    const leader = [[1, 4, 3, 7], ['1/4', 1, '1/3', 3], ['1/3', 3, 1, 5], ['1/7', '1/3', '1/5', 1]];
    expect(DK_AHP(leader, 'geometric-mean').map((row) => row[0]!.toFixed(4))).toEqual(['0.5462', '0.1276', '0.2698', '0.0564', '0.0438']);
    expect(DK_AHP(leader, null).map((row) => row[0]!.toFixed(4))).toEqual(['0.5476', '0.1266', '0.2699', '0.0559', '0.0439']);
  });
});
