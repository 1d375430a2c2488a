// Every message, path and code of the AHP and entropy weight checks and of the standing review's
// period reader, each bad value in its own row (what a user sees when a weight workshop's matrix or
// a data export is wrong).
import { describe, expect, it } from 'vitest';
import { calculateAhpWeights, calculateEntropyWeights, reviewStanding } from 'dealerkit';
import { thrown } from '../helpers.js';

const issuesOf = (fn: () => unknown) =>
  thrown(fn).issues.map((i) => ({ path: i.path, code: i.code, message: i.message, ...(i.limit === undefined ? {} : { limit: i.limit }), ...(i.received === undefined ? {} : { received: i.received }) }));

describe('calculateAhpWeights: options', () => {
  it.each([
    ['null', null, { path: ['options'], code: 'invalid_type', message: 'must be an object' }],
    ['an array', [], { path: ['options'], code: 'invalid_type', message: 'must be an object' }],
    ['an unknown method', { method: 'power' }, { path: ['options', 'method'], code: 'invalid_value', message: "must be one of 'eigenvector', 'geometric-mean', received \"power\"", received: '"power"' }],
    [
      'an unknown table',
      { randomIndex: 'x' },
      { path: ['options', 'randomIndex'], code: 'unknown_label', message: "must be one of 'saaty-1980', 'saaty-2008', 'tummala-ling', 'donegan-dodd', received \"x\"", received: '"x"' },
    ],
    ['a threshold as text', { threshold: '0.1' }, { path: ['options', 'threshold'], code: 'invalid_type', message: 'must be a number from 0 to 1, received 0.1', received: '"0.1"' }],
    ['a NaN threshold', { threshold: Number.NaN }, { path: ['options', 'threshold'], code: 'not_a_number', message: 'must be a number from 0 to 1, received NaN', received: 'NaN' }],
  ])('%s', (_name, options, issue) => {
    expect(issuesOf(() => calculateAhpWeights([[1]], options as never))).toEqual([issue]);
  });
});

describe('calculateAhpWeights: the matrix', () => {
  it('not an array, or empty', () => {
    expect(issuesOf(() => calculateAhpWeights('x' as never))).toEqual([{ path: ['matrix'], code: 'invalid_type', message: 'must be a non-empty square array of rows', received: '"x"' }]);
    expect(issuesOf(() => calculateAhpWeights([]))).toEqual([{ path: ['matrix'], code: 'too_short', message: 'must be a non-empty square array of rows', limit: '1' }]);
  });

  it('every bad row at once: short, missing, not an array, long', () => {
    const row = (i: number, code: string, got: string) => ({ path: ['matrix', i], code, message: `must be a row of 3 entries (the matrix is square), received ${got}`, limit: '3' });
    expect(issuesOf(() => calculateAhpWeights([[1, 2], undefined, 'r', [1, 2, 3, 4]] as never))).toEqual([
      { path: ['matrix', 0], code: 'too_short', message: 'must be a row of 4 entries (the matrix is square), received 2 entries', limit: '4' },
      { path: ['matrix', 1], code: 'required', message: 'must be a row of 4 entries (the matrix is square), received undefined', limit: '4' },
      { path: ['matrix', 2], code: 'invalid_type', message: 'must be a row of 4 entries (the matrix is square), received string', limit: '4' },
    ]);
    expect(issuesOf(() => calculateAhpWeights([[1, 1, 1, 1], [1, 1, 1], [1, 1, 1]]))).toEqual([row(0, 'too_long', '4 entries')]);
  });

  it('every bad entry at once, each with its code (Infinity and NaN printed as written, not as JSON null)', () => {
    expect(issuesOf(() => calculateAhpWeights([[1, null, undefined, true], ['x', 1, '1/0', 0], [Infinity, '2', 1, -1], [{}, 1, Number.NaN, 1]] as never))).toEqual([
      { path: ['matrix', 0, 1], code: 'invalid_type', message: "must be a number or a fraction such as '1/3', received null", received: 'null' },
      { path: ['matrix', 0, 2], code: 'required', message: "must be a number or a fraction such as '1/3', received undefined", received: 'nothing' },
      { path: ['matrix', 0, 3], code: 'invalid_type', message: "must be a number or a fraction such as '1/3', received boolean", received: 'true' },
      { path: ['matrix', 1, 0], code: 'not_a_number', message: "must be a finite number or a fraction such as '1/3', received \"x\"", received: '"x"' },
      { path: ['matrix', 1, 2], code: 'not_a_number', message: "must be a finite number or a fraction such as '1/3', received \"1/0\"", received: '"1/0"' },
      { path: ['matrix', 1, 3], code: 'out_of_range', message: 'must be greater than 0 (a reciprocal matrix has no zeros or negatives), received 0', limit: '0', received: '0' },
      { path: ['matrix', 2, 0], code: 'not_a_number', message: "must be a finite number or a fraction such as '1/3', received Infinity", received: 'Infinity' },
      { path: ['matrix', 2, 3], code: 'out_of_range', message: 'must be greater than 0 (a reciprocal matrix has no zeros or negatives), received -1', limit: '0', received: '-1' },
      { path: ['matrix', 3, 0], code: 'invalid_type', message: "must be a number or a fraction such as '1/3', received object", received: 'an object' },
      { path: ['matrix', 3, 2], code: 'not_a_number', message: "must be a finite number or a fraction such as '1/3', received NaN", received: 'NaN' },
    ]);
  });

  it("fractions and padded numbers as text: ' 3 ' and '1/3' give weights 3/4 and 1/4", () => {
    // A 2 × 2 reciprocal matrix [[1, 1/3], [3, 1]] is consistent: w = (1, 3) / 4.
    const r = calculateAhpWeights([
      [1, '1/3'],
      [' 3 ', 1],
    ]);
    expect(r.weights.map((w) => Number(w.toFixed(12)))).toEqual([0.25, 0.75]);
  });
});

describe('calculateEntropyWeights: the spec and the rows', () => {
  it.each([
    ['no spec', null, { path: ['spec', 'kpis'], code: 'required', message: 'must be a non-empty array of { id, direction }' }],
    ['no KPIs', { kpis: [] }, { path: ['spec', 'kpis'], code: 'too_short', message: 'must be a non-empty array of { id, direction }' }],
    ['KPIs not a list', { kpis: 'x' }, { path: ['spec', 'kpis'], code: 'invalid_type', message: 'must be a non-empty array of { id, direction }' }],
  ])('%s', (_name, spec, issue) => {
    expect(issuesOf(() => calculateEntropyWeights(spec as never, []))).toEqual([issue]);
  });

  it('rows not a list', () => {
    expect(issuesOf(() => calculateEntropyWeights({ kpis: [{ id: 'a', direction: 'higher' }] }, 'x' as never))).toEqual([
      { path: ['rows'], code: 'invalid_type', message: 'must be an array of rows (one object of KPI values per dealer)', received: '"x"' },
    ]);
  });

  it('every bad KPI at once: not an object, empty, numeric and absent ids, a bad or absent direction, a lower KPI without or with a bad transform', () => {
    const kpis = [null, { id: '' }, { id: 5 }, {}, { id: 'a', direction: 'up' }, { id: 'b' }, { id: 'c', direction: 'lower' }, { id: 'd', direction: 'lower', transform: 'x' }];
    const transform = "is required for a lower-is-better KPI: 'max-minus' or { reflect: bound } (never 1 / x, which explodes at 0)";
    expect(issuesOf(() => calculateEntropyWeights({ kpis } as never, [{ a: 1, b: 1, c: 1, d: 1 }, { a: 2, b: 2, c: 2, d: 2 }]))).toEqual([
      { path: ['spec', 'kpis', 0], code: 'invalid_type', message: 'must be a non-empty KPI id' },
      { path: ['spec', 'kpis', 1, 'id'], code: 'too_short', message: 'must be a non-empty KPI id' },
      { path: ['spec', 'kpis', 2, 'id'], code: 'invalid_type', message: 'must be a non-empty KPI id' },
      { path: ['spec', 'kpis', 3, 'id'], code: 'required', message: 'must be a non-empty KPI id' },
      { path: ['spec', 'kpis', 4, 'direction'], code: 'invalid_value', message: "must be 'higher' or 'lower', received \"up\"", received: '"up"' },
      { path: ['spec', 'kpis', 5, 'direction'], code: 'required', message: "must be 'higher' or 'lower', received nothing", received: 'nothing' },
      { path: ['spec', 'kpis', 6, 'transform'], code: 'required', message: transform },
      { path: ['spec', 'kpis', 7, 'transform'], code: 'invalid_value', message: transform },
    ]);
  });

  it('rows that are not objects, named by their index', () => {
    expect(issuesOf(() => calculateEntropyWeights({ kpis: [{ id: 'a', direction: 'higher' }] }, [{ a: 1 }, undefined, 5] as never)).slice(0, 2)).toEqual([
      { path: ['rows', 1], code: 'required', message: 'must be an object of KPI values', received: 'nothing' },
      { path: ['rows', 2], code: 'invalid_type', message: 'must be an object of KPI values', received: '5' },
    ]);
  });
});

describe('reviewStanding: periods', () => {
  it('a period that is not YYYY-Qn or YYYY-MM is invalid_value; an absent one is required', () => {
    const rule = { benchmark: 90, graceMonths: 3, missing: 'miss' } as const;
    expect(issuesOf(() => reviewStanding(rule, [{ period: 2025 as never, score: 1 }]))).toEqual([
      { path: ['history', 0, 'period'], code: 'invalid_value', message: 'must be a quarter written YYYY-Qn or a month written YYYY-MM, received 2025', received: '2025' },
    ]);
    expect(issuesOf(() => reviewStanding(rule, [{ score: 1 } as never]))).toEqual([
      { path: ['history', 0, 'period'], code: 'required', message: 'must be a quarter written YYYY-Qn or a month written YYYY-MM, received nothing', received: 'nothing' },
    ]);
    expect(issuesOf(() => reviewStanding({ benchmark: 90, graceMonths: 3 } as never, []))).toEqual([
      { path: ['rule', 'missing'], code: 'required', message: "must be one of 'break', 'skip', 'miss', received nothing", received: 'nothing' },
    ]);
  });
});
