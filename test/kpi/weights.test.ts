import { describe, expect, it } from 'vitest';
import { AHP_RANDOM_INDEX, DealerkitError, calculateAhpWeights, calculateEntropyWeights } from 'dealerkit';
import { thrown } from '../helpers.js';

// Saaty's "choosing a leader" criteria (experience, education, charisma, age), as worked in the
// Wikipedia article "Analytic hierarchy process – leader example" and AHPy's README:
// priorities 0.5476, 0.1266, 0.2699, 0.0559 and λmax 4.1184.
const leader = [
  [1, 4, 3, 7],
  ['1/4', 1, '1/3', 3],
  ['1/3', 3, 1, 5],
  ['1/7', '1/3', '1/5', 1],
];

describe('calculateAhpWeights: published vectors', () => {
  it("Saaty's leader criteria by the principal eigenvector", () => {
    const r = calculateAhpWeights(leader);
    expect(r.weights.map((w) => w.toFixed(4))).toEqual(['0.5476', '0.1266', '0.2699', '0.0559']);
    expect(r.lambdaMax.toFixed(4)).toBe('4.1184');
    expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    // CI = (4.1184180 − 4) / 3 = 0.0394727; CR = CI / 0.90 (Saaty 1980, n = 4) = 0.0438585
    expect(r.ci).toBeCloseTo(0.0394726748, 9);
    expect(r.ri).toBe(0.9);
    expect(r.cr).toBeCloseTo(0.0438585275, 9);
    expect(r.consistent).toBe(true);
    expect(r.method).toBe('eigenvector');
    expect(r.randomIndex).toEqual({ table: 'saaty-1980', source: 'T. L. Saaty, The Analytic Hierarchy Process, McGraw-Hill, 1980' });
  });
  it('the four random-index tables give four consistency ratios for the same matrix, each named', () => {
    // CI / RI(4): Saaty 1980 0.90, Saaty 2008 0.89, Tummala & Ling 1998 0.8921, Donegan & Dodd 1991 0.8286.
    const expected: [Parameters<typeof calculateAhpWeights>[1], number, number][] = [
      [{ randomIndex: 'saaty-1980' }, 0.9, 0.0438585275],
      [{ randomIndex: 'saaty-2008' }, 0.89, 0.04435132],
      [{ randomIndex: 'tummala-ling' }, 0.8921, 0.0442469171],
      [{ randomIndex: 'donegan-dodd' }, 0.8286, 0.0476377924],
    ];
    for (const [options, ri, cr] of expected) {
      const r = calculateAhpWeights(leader, options);
      expect(r.ri).toBe(ri);
      expect(r.cr).toBeCloseTo(cr, 8);
      expect(r.randomIndex.table).toBe(options!.randomIndex);
    }
  });
  it('the published tables, value by value at n = 3 … 10', () => {
    expect(AHP_RANDOM_INDEX['saaty-1980'].values.slice(2)).toEqual([0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49]); // Saaty 1980
    expect(AHP_RANDOM_INDEX['saaty-2008'].values.slice(2, 10)).toEqual([0.52, 0.89, 1.11, 1.25, 1.35, 1.4, 1.45, 1.49]); // Saaty 2008, Table 2
    expect(AHP_RANDOM_INDEX['tummala-ling'].values.slice(2, 10)).toEqual([0.5799, 0.8921, 1.1159, 1.2358, 1.3322, 1.3952, 1.4537, 1.4882]); // Tummala & Ling 1998
    expect(AHP_RANDOM_INDEX['donegan-dodd'].values.slice(2, 10)).toEqual([0.4914, 0.8286, 1.0591, 1.1797, 1.2519, 1.3171, 1.3733, 1.4055]); // Donegan & Dodd 1991
    expect(AHP_RANDOM_INDEX['saaty-2008'].source).toContain('2008');
    expect(AHP_RANDOM_INDEX['tummala-ling'].source).toContain('Tummala and H. Ling');
    expect(AHP_RANDOM_INDEX['donegan-dodd'].source).toContain('Donegan and F. J. Dodd');
    expect(Object.isFrozen(AHP_RANDOM_INDEX['saaty-1980'].values)).toBe(true);
  });
  it('geometric mean of the rows (hand-derived: 84^¼, ¼^¼, 5^¼, (1/105)^¼ normalised)', () => {
    const r = calculateAhpWeights(leader, { method: 'geometric-mean' });
    expect(r.weights.map((w) => w.toFixed(4))).toEqual(['0.5462', '0.1276', '0.2698', '0.0564']);
    expect(r.method).toBe('geometric-mean');
    expect(r.lambdaMax).toBeGreaterThan(4);
  });
  it('a consistent matrix built from weights (0.5, 0.3, 0.2) gives those weights and CR 0', () => {
    const w = [0.5, 0.3, 0.2];
    for (const method of ['eigenvector', 'geometric-mean'] as const) {
      const r = calculateAhpWeights(w.map((a) => w.map((b) => a / b)), { method });
      r.weights.forEach((x, i) => expect(x).toBeCloseTo(w[i]!, 14));
      expect(r.lambdaMax).toBe(3);
      expect(r.ci).toBe(0);
      expect(r.cr).toBe(0);
      expect(r.consistent).toBe(true);
    }
  });
  it('λmax of a 3 × 3 matrix matches the closed form 1 + (a13 / (a12 a23))^⅓ + (a12 a23 / a13)^⅓', () => {
    // a12 = 3, a23 = 2, a13 = 5: 1 + (5/6)^⅓ + (6/5)^⅓ = 3.0036945981
    expect(calculateAhpWeights([[1, 3, 5], ['1/3', 1, 2], ['1/5', '1/2', 1]]).lambdaMax).toBeCloseTo(3.0036945981, 9);
    // A cyclic matrix (a12 = a23 = 9, a13 = 1/9): λmax = 1 + 1/9 + 9 = 10.1111; CI = 3.5556; CR = 3.5556 / 0.58 = 6.1303
    const bad = calculateAhpWeights([[1, 9, '1/9'], ['1/9', 1, 9], [9, '1/9', 1]]);
    expect(bad.lambdaMax).toBeCloseTo(10.111111111, 8);
    expect(bad.cr).toBeCloseTo(6.130268199, 8);
    expect(bad.consistent).toBe(false);
    expect(bad.warnings).toEqual([
      {
        code: 'inconsistent-judgements',
        message: 'the consistency ratio 6.1303 is above 0.1: the judgements contradict each other; revise the matrix before using the weights',
        path: ['matrix'],
      },
    ]);
    expect(bad.steps[1]!.text).toBe('λmax 10.1111; CI = (10.1111 − 3) / 2 = 3.5556; CR = 3.5556 / 0.58 (saaty-1980) = 6.1303, above 0.1');
    // A threshold is a fraction: 7 (meant as 7 %?) is refused with the hint, 0.07 is accepted.
    expect(thrown(() => calculateAhpWeights([[1]], { threshold: 7 })).issues[0]).toMatchObject({
      path: ['options', 'threshold'],
      code: 'percent_as_whole_number',
      message: 'must be a fraction from 0 to 1, received 7: write 0.07 for 7 %',
    });
    expect(calculateAhpWeights([[1]], { threshold: 0.07 }).threshold).toBe(0.07);
  });
  it("the steps say how the leader example's weights and consistency were reached (Saaty's published figures)", () => {
    const r = calculateAhpWeights(leader);
    // Weights 0.5476, 0.1266, 0.2699, 0.0559; λmax 4.1184; CI 0.0394727 → 0.0395; CR 0.0438585 → 0.0439 (RI 0.90).
    expect(r.steps.map((s) => s.text)).toEqual([
      'Weights by the principal eigenvector: 0.5476, 0.1266, 0.2699, 0.0559',
      'λmax 4.1184; CI = (4.1184 − 4) / 3 = 0.0395; CR = 0.0395 / 0.9 (saaty-1980) = 0.0439, at most 0.1',
    ]);
    expect(r.steps[1]).toMatchObject({ code: 'consistency', n: 4, ri: 0.9, threshold: 0.1, consistent: true });
    expect(r.warnings).toEqual([]);
    expect(calculateAhpWeights(leader, { method: 'geometric-mean' }).steps[0]!.text).toBe('Weights by the normalised row geometric means: 0.5462, 0.1276, 0.2698, 0.0564');
    expect(calculateAhpWeights([[1, 3], ['1/3', 1]]).steps[1]!.text).toBe('A 2 × 2 matrix is always consistent: CI = CR = 0');
  });
  it('n = 1 and n = 2 give CI and CR 0, not NaN', () => {
    expect(calculateAhpWeights([[1]])).toMatchObject({ weights: [1], lambdaMax: 1, ci: 0, ri: 0, cr: 0, consistent: true });
    expect(calculateAhpWeights([[1, 3], ['1/3', 1]])).toMatchObject({ weights: [0.75, 0.25], lambdaMax: 2, ci: 0, ri: 0, cr: 0, consistent: true });
  });
  it('sizes up to each table’s end are accepted, and beyond are errors', () => {
    const ones = (n: number) => Array.from({ length: n }, () => new Array<number>(n).fill(1));
    expect(calculateAhpWeights(ones(10)).cr).toBe(0);
    expect(calculateAhpWeights(ones(15), { randomIndex: 'tummala-ling' }).weights).toHaveLength(15);
    expect(calculateAhpWeights(ones(20), { randomIndex: 'donegan-dodd' }).weights[0]).toBeCloseTo(0.05, 14);
    expect(() => calculateAhpWeights(ones(11))).toThrow("[dealerkit] matrix: has 11 rows, but the 'saaty-1980' random-index table stops at n = 10");
    expect(() => calculateAhpWeights(ones(16), { randomIndex: 'saaty-2008' })).toThrow("[dealerkit] matrix: has 16 rows, but the 'saaty-2008' random-index table stops at n = 15");
    expect(() => calculateAhpWeights(ones(21), { randomIndex: 'donegan-dodd' })).toThrow("[dealerkit] matrix: has 21 rows, but the 'donegan-dodd' random-index table stops at n = 20");
  });
});

describe('calculateAhpWeights refuses bad matrices, naming the entry and its code', () => {
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
  for (const [name, matrix, options, code, message, issues] of cases) {
    it(`${name} (${issues})`, () => {
      try {
        calculateAhpWeights(matrix as never, options as never);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(DealerkitError);
        expect([(e as DealerkitError).code, (e as DealerkitError).message]).toEqual([code, `[dealerkit] ${message}`]);
        expect((e as DealerkitError).issues.map((i) => i.code).join(',')).toBe(issues);
      }
    });
  }
});

describe('calculateEntropyWeights', () => {
  it('two dealers: a constant column weighs 0, 0 · ln 0 = 0', () => {
    // share [1, 3]: p = ¼, ¾; e = −(¼ ln ¼ + ¾ ln ¾) / ln 2 = 0.8112781245 (the binary entropy of ¼)
    const r = calculateEntropyWeights({ kpis: [{ id: 'sales', direction: 'higher' }, { id: 'share', direction: 'higher' }, { id: 'zero', direction: 'higher' }] }, [
      { sales: 100, share: 1, zero: 0 },
      { sales: 100, share: 3, zero: 5 },
    ]);
    expect(r.entropy.sales).toBe(1);
    expect(r.entropy.share).toBeCloseTo(0.8112781245, 10);
    expect(r.entropy.zero).toBe(0); // p = 0, 1: −(0 · ln 0 + 1 · ln 1) / ln 2 = 0
    // d = 0, 0.1887218755, 1 → weights 0, 0.1587999, 0.8412001
    expect(r.weights.sales).toBe(0);
    expect(r.weights.share).toBeCloseTo(0.1887218755 / 1.1887218755, 10);
    expect(r.weights.zero).toBeCloseTo(1 / 1.1887218755, 10);
    expect(r.rows).toBe(2);
    // The steps, to 4 places: share 0.1887 / 1.1887 = 0.1588; zero 1 / 1.1887 = 0.8412.
    expect(r.steps.map((s) => s.text)).toEqual([
      'sales: entropy 1.0000, divergence 1 − 1.0000 = 0.0000 → weight 0.0000 / 1.1887 = 0.0000',
      'share: entropy 0.8113, divergence 1 − 0.8113 = 0.1887 → weight 0.1887 / 1.1887 = 0.1588',
      'zero: entropy 0.0000, divergence 1 − 0.0000 = 1.0000 → weight 1.0000 / 1.1887 = 0.8412',
    ]);
    expect(r.warnings).toEqual([
      { code: 'no-information', message: 'every dealer has the same sales: the column tells no dealer apart and weighs 0', path: ['spec', 'kpis', 0] },
    ]);
  });
  it('three dealers (hand-derived): [1, 2, 3] has e = 1.0114042647 / ln 3 = 0.9206198357', () => {
    const r = calculateEntropyWeights({ kpis: [{ id: 'a', direction: 'higher' }, { id: 'b', direction: 'higher' }, { id: 'c', direction: 'higher' }] }, [
      { a: 1, b: 0, c: 1 },
      { a: 1, b: 0, c: 2 },
      { a: 1, b: 6, c: 3 },
    ]);
    expect(r.entropy.c).toBeCloseTo(0.9206198357, 10);
    expect(r.divergence.b).toBe(1);
    expect(r.weights.b).toBeCloseTo(0.9264576403, 10);
    expect(r.weights.c).toBeCloseTo(0.0735423597, 10);
    expect(r.weights.a).toBe(0);
  });
  it("lower-is-better KPIs are transformed explicitly: 'max-minus' or a reflection", () => {
    const rows = [{ complaints: 2 }, { complaints: 5 }, { complaints: 8 }];
    // max-minus: [6, 3, 0]; reflect 10: [8, 5, 2]
    const m = calculateEntropyWeights({ kpis: [{ id: 'complaints', direction: 'lower', transform: 'max-minus' }] }, rows);
    const p = [6 / 9, 3 / 9];
    expect(m.entropy.complaints).toBeCloseTo(-(p[0]! * Math.log(p[0]!) + p[1]! * Math.log(p[1]!)) / Math.log(3), 12);
    const r = calculateEntropyWeights({ kpis: [{ id: 'complaints', direction: 'lower', transform: { reflect: 10 } }] }, rows);
    const q = [8 / 15, 5 / 15, 2 / 15];
    expect(r.entropy.complaints).toBeCloseTo(-q.reduce((s, x) => s + x * Math.log(x), 0) / Math.log(3), 12);
    expect(r.weights.complaints).toBe(1);
  });
  const bad: [string, unknown, unknown, string][] = [
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
  const ISSUES: Record<string, string> = {
    'a lower-is-better KPI without a transform': 'required',
    'a reflection below a value': 'out_of_range',
    'a negative value': 'out_of_range',
    'a missing value': 'required',
    'one row': 'too_short',
    'a column of zeros': 'infeasible',
    'no information at all': 'infeasible',
    'no KPIs': 'too_short',
    'a KPI twice': 'duplicate',
    'an unknown direction': 'invalid_value',
    'rows that are not a list': 'invalid_type',
    'a row that is not an object': 'invalid_type',
    'a KPI without an id': 'required',
    'a reflection that is not a number': 'not_a_number',
  };
  for (const [name, rows, spec, message] of bad) {
    it(`refuses ${name} (${ISSUES[name]})`, () => {
      expect(() => calculateEntropyWeights(spec as never, rows as never)).toThrow(DealerkitError);
      expect(() => calculateEntropyWeights(spec as never, rows as never)).toThrow(`[dealerkit] ${message}`);
      expect(thrown(() => calculateEntropyWeights(spec as never, rows as never)).issues.map((i) => i.code).join(',')).toBe(ISSUES[name]);
    });
  }
});
