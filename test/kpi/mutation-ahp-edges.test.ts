// calculateAhpWeights at its edges: a consistency ratio equal to the threshold is consistent
// (cr ≤ threshold), options that are not an object, the issue of a matrix past its table, and the
// code of the weights step. Expected values by hand.
import { describe, expect, it } from 'vitest';
import { calculateAhpWeights } from 'dealerkit';
import { thrown } from '../helpers.js';

describe('calculateAhpWeights edges', () => {
  it('a consistent matrix has CR 0, which a threshold of 0 accepts', () => {
    // Built from weights (0.5, 0.25, 0.25): a_ij = w_i / w_j, so every row is a multiple of the
    // weights, λmax = 3, CI = CR = 0 ≤ 0.
    const r = calculateAhpWeights([[1, 2, 2], ['1/2', 1, 1], ['1/2', 1, 1]], { threshold: 0 });
    expect([r.cr, r.consistent, r.warnings]).toEqual([0, true, []]);
    expect(r.steps.map((s) => s.code)).toEqual(['ahp-weights', 'consistency']);
  });

  it('options that are a string are refused as a whole', () => {
    const e = thrown(() => calculateAhpWeights([[1]], 'x' as never));
    expect([e.message, e.issues.map((i) => [i.path, i.code])]).toEqual(['[dealerkit] options: must be an object', [[['options'], 'invalid_type']]]);
  });

  it('a matrix of 11 rows against saaty-1980 (n ≤ 10) is out of range, too_long with the limit 10', () => {
    const ones = Array.from({ length: 11 }, () => new Array<number>(11).fill(1));
    const e = thrown(() => calculateAhpWeights(ones));
    expect([e.code, e.issues.map((i) => [i.path, i.code, i.limit])]).toEqual(['out_of_range', [[['matrix'], 'too_long', '10']]]);
  });
});
