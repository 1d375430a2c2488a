// The bad-input tables of standing.test.ts and weights.test.ts, each refusal asserted as whole
// issues: path, code, message and the machine fields (limit, received, expected) a program reads.
// Each `received` echoes the value given; each `limit` and `expected` is the rule's documented bound.
import { describe, expect, it } from 'vitest';
import { calculateAhpWeights, calculateEntropyWeights, reviewStanding, type StandingRuleSpec } from 'dealerkit';
import { thrown } from '../helpers.js';

const rule: StandingRuleSpec = { benchmark: 75, graceMonths: 6, missing: 'miss' };

describe('reviewStanding: whole issues', () => {
  const cases: [string, unknown, unknown, string][] = [
    ['a period in another format', [{ period: '2025Q1', score: 1 }], rule, 'history[0].period: must be a quarter written YYYY-Qn or a month written YYYY-MM, received "2025Q1"'],
    ['quarters and months mixed', [{ period: '2025-Q1', score: 1 }, { period: '2025-04', score: 1 }], rule, 'history[1].period: must be a quarter like the first period (one kind per history), received 2025-04'],
    ['periods out of order', [{ period: '2025-Q2', score: 1 }, { period: '2025-Q1', score: 1 }], rule, 'history[1].period: must come after 2025-Q2: the history runs oldest first without repeats, received 2025-Q1'],
    ['a repeated period', [{ period: '2025-Q2', score: 1 }, { period: '2025-Q2', score: 1 }], rule, 'history[1].period: repeats 2025-Q2: the history lists each period once, received 2025-Q2'],
    ['a bad score', [{ period: '2025-Q2', score: 'high' }], rule, 'history[0].score: must be a number or a numeric string, received "high"'],
    ['no score', [{ period: '2025-Q2' }], rule, 'history[0].score: is required (null for a period without a score)'],
    ['a typo', [{ period: '2025-Q2', score: 1, scroe: 2 }], rule, 'history[0].scroe: is not a known field; did you mean `score`?'],
    ['not a history', 'x', rule, 'history: must be an array of { period, score }'],
    ['an entry that is not an object', [3], rule, 'history[0]: must be an object { period, score }'],
    ['no missing policy', [], { benchmark: 75, graceMonths: 6 }, "rule.missing: must be one of 'break', 'skip', 'miss', received nothing"],
    ['a negative grace', [], { ...rule, graceMonths: -1 }, 'rule.graceMonths: must be at least 0, received -1'],
    ['zero consecutive', [], { ...rule, consecutive: 0 }, 'rule.consecutive: must be at least 1, received 0'],
    ['a fractional recoverAfter', [], { ...rule, recoverAfter: 1.5 }, 'rule.recoverAfter: must be a whole number, received 1.5'],
    ['no benchmark', [], { graceMonths: 6, missing: 'skip' }, 'rule.benchmark: must be a number or a numeric string, received nothing'],
  ];
  const ISSUES: Record<string, unknown[]> = {
    "a period in another format": [{"path": ["history", 0, "period"], "code": "invalid_value", "message": "must be a quarter written YYYY-Qn or a month written YYYY-MM, received \"2025Q1\"", "expected": "a quarter YYYY-Qn or a month YYYY-MM", "received": "\"2025Q1\""}],
    "quarters and months mixed": [{"path": ["history", 1, "period"], "code": "inconsistent", "message": "must be a quarter like the first period (one kind per history), received 2025-04", "received": "2025-04"}],
    "periods out of order": [{"path": ["history", 1, "period"], "code": "not_ascending", "message": "must come after 2025-Q2: the history runs oldest first without repeats, received 2025-Q1", "received": "2025-Q1"}],
    "a repeated period": [{"path": ["history", 1, "period"], "code": "duplicate", "message": "repeats 2025-Q2: the history lists each period once, received 2025-Q2", "received": "2025-Q2"}],
    "a bad score": [{"path": ["history", 0, "score"], "code": "not_a_number", "message": "must be a number or a numeric string, received \"high\"", "expected": "a number or a numeric string", "received": "\"high\""}],
    "no score": [{"path": ["history", 0, "score"], "code": "required", "message": "is required (null for a period without a score)"}],
    "a typo": [{"path": ["history", 0, "scroe"], "code": "unknown_field", "message": "is not a known field; did you mean `score`?", "received": "scroe"}],
    "not a history": [{"path": ["history"], "code": "invalid_type", "message": "must be an array of { period, score }", "received": "\"x\""}],
    "an entry that is not an object": [{"path": ["history", 0], "code": "invalid_type", "message": "must be an object { period, score }", "received": "3"}],
    "no missing policy": [{"path": ["rule", "missing"], "code": "required", "message": "must be one of 'break', 'skip', 'miss', received nothing", "expected": "one of 'break', 'skip', 'miss'", "received": "nothing"}],
    "a negative grace": [{"path": ["rule", "graceMonths"], "code": "out_of_range", "message": "must be at least 0, received -1", "expected": "at least 0", "received": "-1", "limit": "0"}],
    "zero consecutive": [{"path": ["rule", "consecutive"], "code": "out_of_range", "message": "must be at least 1, received 0", "expected": "at least 1", "received": "0", "limit": "1"}],
    "a fractional recoverAfter": [{"path": ["rule", "recoverAfter"], "code": "not_an_integer", "message": "must be a whole number, received 1.5", "expected": "a whole number", "received": "1.5"}],
    "no benchmark": [{"path": ["rule", "benchmark"], "code": "required", "message": "must be a number or a numeric string, received nothing", "expected": "a number or a numeric string", "received": "nothing"}],
  };
  for (const [name, history, options] of cases) {
    it(name, () => {
      expect(thrown(() => reviewStanding(options as never, history as never)).issues).toEqual(ISSUES[name]);
    });
  }
});

describe('calculateEntropyWeights: whole issues', () => {
  const cases: [string, unknown, unknown, string][] = [
    ['a lower-is-better KPI without a transform', [{ x: 1 }, { x: 2 }], { kpis: [{ id: 'x', direction: 'lower' }] },
      "spec.kpis[0].transform: is required for a lower-is-better KPI: 'max-minus' or { reflect: bound } (never 1 / x, which explodes at 0)"],
    ['a reflection below a value', [{ x: 1 }, { x: 20 }], { kpis: [{ id: 'x', direction: 'lower', transform: { reflect: 10 } }] },
      "spec.kpis[0].transform.reflect: must be at least every value of 'x' (20), received 10"],
    ['a negative value', [{ x: -1 }, { x: 2 }], { kpis: [{ id: 'x', direction: 'higher' }] },
      'rows[0].x: must not be negative (entropy weights need ratio-scaled values of 0 or more), received -1'],
    ['a missing value', [{ x: 1 }, { y: 2 }], { kpis: [{ id: 'x', direction: 'higher' }] }, 'rows[1].x: must be a number or a numeric string, received nothing'],
    ['one row', [{ x: 1 }], { kpis: [{ id: 'x', direction: 'higher' }] }, 'rows: must hold at least 2 rows (entropy divides by ln m), received 1'],
    ['a column of zeros', [{ x: 0 }, { x: 0 }], { kpis: [{ id: 'x', direction: 'higher' }] }, "rows: hold only zeros for 'x' (after its transform): the column has no shares"],
    ['no information at all', [{ x: 3 }, { x: 3 }], { kpis: [{ id: 'x', direction: 'higher' }] },
      'rows: carry no information: every KPI has the same value for every dealer, so no KPI can be weighed above another'],
    ['no KPIs', [{ x: 3 }, { x: 3 }], { kpis: [] }, 'spec.kpis: must be a non-empty array of { id, direction }'],
    ['a KPI twice', [{ x: 3 }, { x: 4 }], { kpis: [{ id: 'x', direction: 'higher' }, { id: 'x', direction: 'higher' }] }, "spec.kpis[1].id: must be unique, 'x' appears twice"],
    ['an unknown direction', [{ x: 3 }, { x: 4 }], { kpis: [{ id: 'x', direction: 'up' }] }, 'spec.kpis[0].direction: must be \'higher\' or \'lower\', received "up"'],
    ['rows that are not a list', 'x', { kpis: [{ id: 'x', direction: 'higher' }] }, 'rows: must be an array of rows (one object of KPI values per dealer)'],
    ['a row that is not an object', [null, { x: 1 }], { kpis: [{ id: 'x', direction: 'higher' }] }, 'rows[0]: must be an object of KPI values'],
    ['a KPI without an id', [{ x: 1 }, { x: 2 }], { kpis: [{ direction: 'higher' }] }, 'spec.kpis[0].id: must be a non-empty KPI id'],
    ['a reflection that is not a number', [{ x: 1 }, { x: 2 }], { kpis: [{ id: 'x', direction: 'lower', transform: { reflect: 'ten' } }] },
      'spec.kpis[0].transform.reflect: must be a number or a numeric string, received "ten"'],
  ];
  const ISSUES: Record<string, unknown[]> = {
    "a lower-is-better KPI without a transform": [{"path": ["spec", "kpis", 0, "transform"], "code": "required", "message": "is required for a lower-is-better KPI: 'max-minus' or { reflect: bound } (never 1 / x, which explodes at 0)"}],
    "a reflection below a value": [{"path": ["spec", "kpis", 0, "transform", "reflect"], "code": "out_of_range", "message": "must be at least every value of 'x' (20), received 10", "received": "10", "limit": "20"}],
    "a negative value": [{"path": ["rows", 0, "x"], "code": "out_of_range", "message": "must not be negative (entropy weights need ratio-scaled values of 0 or more), received -1", "received": "-1", "limit": "0"}],
    "a missing value": [{"path": ["rows", 1, "x"], "code": "required", "message": "must be a number or a numeric string, received nothing", "expected": "a number or a numeric string", "received": "nothing"}],
    "one row": [{"path": ["rows"], "code": "too_short", "message": "must hold at least 2 rows (entropy divides by ln m), received 1", "limit": "2"}],
    "a column of zeros": [{"path": ["rows"], "code": "infeasible", "message": "hold only zeros for 'x' (after its transform): the column has no shares"}],
    "no information at all": [{"path": ["rows"], "code": "infeasible", "message": "carry no information: every KPI has the same value for every dealer, so no KPI can be weighed above another"}],
    "no KPIs": [{"path": ["spec", "kpis"], "code": "too_short", "message": "must be a non-empty array of { id, direction }"}],
    "a KPI twice": [{"path": ["spec", "kpis", 1, "id"], "code": "duplicate", "message": "must be unique, 'x' appears twice", "received": "x"}],
    "an unknown direction": [{"path": ["spec", "kpis", 0, "direction"], "code": "invalid_value", "message": "must be 'higher' or 'lower', received \"up\"", "expected": "'higher' or 'lower'", "received": "\"up\""}],
    "rows that are not a list": [{"path": ["rows"], "code": "invalid_type", "message": "must be an array of rows (one object of KPI values per dealer)", "received": "\"x\""}],
    "a row that is not an object": [{"path": ["rows", 0], "code": "invalid_type", "message": "must be an object of KPI values", "received": "null"}],
    "a KPI without an id": [{"path": ["spec", "kpis", 0, "id"], "code": "required", "message": "must be a non-empty KPI id"}],
    "a reflection that is not a number": [{"path": ["spec", "kpis", 0, "transform", "reflect"], "code": "not_a_number", "message": "must be a number or a numeric string, received \"ten\"", "expected": "a number or a numeric string", "received": "\"ten\""}],
  };
  for (const [name, rows, spec] of cases) {
    it(name, () => {
      expect(thrown(() => calculateEntropyWeights(spec as never, rows as never)).issues).toEqual(ISSUES[name]);
    });
  }
});

describe('calculateAhpWeights: whole issues', () => {
  const cases: [string, unknown, unknown, string, string, string][] = [
    ['a reciprocal matrix with a zero', [[1, 0], [0, 1]], {}, 'out_of_range',
      'matrix[0][1]: must be greater than 0 (a reciprocal matrix has no zeros or negatives), received 0; matrix[1][0]: must be greater than 0 (a reciprocal matrix has no zeros or negatives), received 0', 'out_of_range,out_of_range'],
    ['a negative entry', [[1, -2], ['1/2', 1]], {}, 'out_of_range', 'matrix[0][1]: must be greater than 0 (a reciprocal matrix has no zeros or negatives), received -2', 'out_of_range'],
    ['a non-reciprocal pair', [[1, 3], [0.333, 1]], {}, 'invalid_input',
      "matrix[1][0]: must be the reciprocal of matrix[0][1] (1 / 3), received 0.333; write fractions such as '1/3' exactly", 'inconsistent'],
    ['a diagonal other than 1', [[2, 1], [1, 1]], {}, 'invalid_input', 'matrix[0][0]: must be 1 (an item compared with itself), received 2', 'invalid_value'],
    ['a non-square matrix', [[1, 2, 3], ['1/2', 1]], {}, 'invalid_input', 'matrix[0]: must be a row of 2 entries (the matrix is square), received 3 entries', 'too_long'],
    ['an empty matrix', [], {}, 'invalid_input', 'matrix: must be a non-empty square array of rows', 'too_short'],
    ['a word for a number', [[1, 'three'], ['1/3', 1]], {}, 'invalid_input', 'matrix[0][1]: must be a finite number or a fraction such as \'1/3\', received "three"', 'not_a_number'],
    ['a division by zero', [[1, '1/0'], [1, 1]], {}, 'invalid_input', 'matrix[0][1]: must be a finite number or a fraction such as \'1/3\', received "1/0"', 'not_a_number'],
    ['null', [[1, null], [1, 1]], {}, 'invalid_input', "matrix[0][1]: must be a number or a fraction such as '1/3', received null", 'invalid_type'],
    ['an unknown table', [[1]], { randomIndex: 'saaty' }, 'unknown_label',
      "options.randomIndex: must be one of 'saaty-1980', 'saaty-2008', 'tummala-ling', 'donegan-dodd', received \"saaty\"", 'unknown_label'],
    ['an unknown method', [[1]], { method: 'mean' }, 'invalid_input', "options.method: must be one of 'eigenvector', 'geometric-mean', received \"mean\"", 'invalid_value'],
    ['a negative threshold', [[1]], { threshold: -0.1 }, 'out_of_range', 'options.threshold: must be a fraction from 0 to 1, received -0.1', 'out_of_range'],
    ['a typo in the options', [[1]], { treshold: 0.1 }, 'invalid_input', 'options.treshold: is not a known field; did you mean `threshold`?', 'unknown_field'],
    ['a threshold that is not a number', [[1]], { threshold: '0.1' }, 'invalid_input', 'options.threshold: must be a number from 0 to 1, received 0.1', 'invalid_type'],
  ];
  const ISSUES: Record<string, unknown[]> = {
    "a reciprocal matrix with a zero": [{"path": ["matrix", 0, 1], "code": "out_of_range", "message": "must be greater than 0 (a reciprocal matrix has no zeros or negatives), received 0", "expected": "greater than 0", "received": "0", "limit": "0"}, {"path": ["matrix", 1, 0], "code": "out_of_range", "message": "must be greater than 0 (a reciprocal matrix has no zeros or negatives), received 0", "expected": "greater than 0", "received": "0", "limit": "0"}],
    "a negative entry": [{"path": ["matrix", 0, 1], "code": "out_of_range", "message": "must be greater than 0 (a reciprocal matrix has no zeros or negatives), received -2", "expected": "greater than 0", "received": "-2", "limit": "0"}],
    "a non-reciprocal pair": [{"path": ["matrix", 1, 0], "code": "inconsistent", "message": "must be the reciprocal of matrix[0][1] (1 / 3), received 0.333; write fractions such as '1/3' exactly", "received": "0.333"}],
    "a diagonal other than 1": [{"path": ["matrix", 0, 0], "code": "invalid_value", "message": "must be 1 (an item compared with itself), received 2", "expected": "1", "received": "2"}],
    "a non-square matrix": [{"path": ["matrix", 0], "code": "too_long", "message": "must be a row of 2 entries (the matrix is square), received 3 entries", "limit": "2"}],
    "an empty matrix": [{"path": ["matrix"], "code": "too_short", "message": "must be a non-empty square array of rows", "limit": "1"}],
    "a word for a number": [{"path": ["matrix", 0, 1], "code": "not_a_number", "message": "must be a finite number or a fraction such as '1/3', received \"three\"", "received": "\"three\""}],
    "a division by zero": [{"path": ["matrix", 0, 1], "code": "not_a_number", "message": "must be a finite number or a fraction such as '1/3', received \"1/0\"", "received": "\"1/0\""}],
    "null": [{"path": ["matrix", 0, 1], "code": "invalid_type", "message": "must be a number or a fraction such as '1/3', received null", "received": "null"}],
    "an unknown table": [{"path": ["options", "randomIndex"], "code": "unknown_label", "message": "must be one of 'saaty-1980', 'saaty-2008', 'tummala-ling', 'donegan-dodd', received \"saaty\"", "received": "\"saaty\""}],
    "an unknown method": [{"path": ["options", "method"], "code": "invalid_value", "message": "must be one of 'eigenvector', 'geometric-mean', received \"mean\"", "expected": "'eigenvector' or 'geometric-mean'", "received": "\"mean\""}],
    "a negative threshold": [{"path": ["options", "threshold"], "code": "out_of_range", "message": "must be a fraction from 0 to 1, received -0.1", "expected": "from 0 to 1", "received": "-0.1", "limit": "0"}],
    "a typo in the options": [{"path": ["options", "treshold"], "code": "unknown_field", "message": "is not a known field; did you mean `threshold`?", "received": "treshold"}],
    "a threshold that is not a number": [{"path": ["options", "threshold"], "code": "invalid_type", "message": "must be a number from 0 to 1, received 0.1", "received": "\"0.1\""}],
  };
  for (const [name, matrix, options] of cases) {
    it(name, () => {
      expect(thrown(() => calculateAhpWeights(matrix as never, options as never)).issues).toEqual(ISSUES[name]);
    });
  }
});
