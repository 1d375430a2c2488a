import { describe, expect, it } from 'vitest';
import { DealerkitError } from 'dealerkit';
import { DK_RISK_LEVEL, DK_SPLIT } from 'dealerkit/sheets';
import { renamedPaths } from '../../src/sheets/paths.js';
import { failure } from '../helpers.js';

// Survivors of the sheets mutation run in src/sheets/paths.ts, split.ts and risk.ts: the argument
// named in a message (asserted whole), an error without a path to rename, a level that is not a number.

describe('DK.SPLIT names its scale', () => {
  it('a scale given as a range of two cells', () => {
    expect(failure(() => DK_SPLIT(100, [[1], [1]], [[1, 2]]))).toEqual({
      code: 'invalid_input',
      message: '[dealerkit] scale: must be a single cell, received a range of 1 rows × 2 columns',
    });
  });
});

describe('renamedPaths', () => {
  it('an error none of whose paths match is returned as it is, the same object', () => {
    const e = new DealerkitError('out_of_range', [{ path: ['tiers', 1, 'rate'], message: 'must not be negative, received -1' }]);
    expect(renamedPaths(e, [[['sales'], 'amount']])).toBe(e);
  });

  it('a matching path is renamed in a new error with the same code', () => {
    const e = new DealerkitError('out_of_range', [{ path: ['sales'], message: 'must not be negative, received -1' }]);
    const r = renamedPaths(e, [[['sales'], 'amount']]);
    expect([r.code, r.message]).toEqual(['out_of_range', '[dealerkit] amount: must not be negative, received -1']);
  });
});

describe('DK.RISK.LEVEL reads a number cell as a label only when it is finite', () => {
  it('NaN and Infinity are refused where they sit; 3 is the label "3"', () => {
    expect(failure(() => DK_RISK_LEVEL(1, 1, [['', 'a', 'b'], ['x', NaN, 'M'], ['y', 'M', 'H']])).message).toBe(
      '[dealerkit] matrix.cells[0][0]: must be a label, received NaN (row 2, column 2 of the range)',
    );
    expect(failure(() => DK_RISK_LEVEL(1, 1, [['', 'a', Infinity], ['x', 'L', 'M'], ['y', 'M', 'H']])).message).toBe(
      '[dealerkit] matrix.impact[1]: must be a label, received Infinity (row 1, column 3 of the range)',
    );
    // Likelihood 2 (y) × impact 1 (a) → the cell 3, read as the level "3".
    expect(DK_RISK_LEVEL(2, 1, [['', 'a', 'b'], ['x', 'L', 'M'], ['y', 3, 'H']])).toBe('3');
  });
});
