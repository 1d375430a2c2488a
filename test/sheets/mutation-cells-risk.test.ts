import { describe, expect, it } from 'vitest';
import { DK_ALTMAN, DK_RISK_LEVEL } from 'dealerkit/sheets';

// Survivors of the sheets mutation run in src/sheets/risk.ts: how labels are read and matched, which
// ranges are a matrix, and the argument named in each message (asserted whole).

// A 3 × 3 range: impact labels a, b in the first row; likelihood labels x, y in the first column.
const RANGE = [
  ['', 'a', 'b'],
  ['x', 'L', 'M'],
  ['y', 'M', 'H'],
];
const SIZE = 'must be a range of at least 3 × 3 cells: impact labels in the first row, likelihood labels in the first column, levels inside';

describe('DK.RISK.LEVEL reads labels with spaces around and inside them', () => {
  it('" Very  High " is the NIST label Very High (trimmed, the run of spaces one hyphen)', () => {
    // NIST SP 800-30 Rev. 1 Table I-2: likelihood Very High × impact Very Low (position 1) → Very Low.
    expect(DK_RISK_LEVEL(' Very  High ', 1)).toBe('very-low');
  });

  it('a level cell with spaces around it gives the level without them', () => {
    // Likelihood 2 (y) × impact 1 (a) → the cell " H ", read as "H".
    expect(DK_RISK_LEVEL(2, 1, [['', 'a', 'b'], ['x', 'L', 'M'], ['y', ' H ', 'H']])).toBe('H');
  });

  it('a level cell of spaces only is refused where it sits', () => {
    expect(() => DK_RISK_LEVEL(1, 1, [['', 'a', 'b'], ['x', 'L', '  '], ['y', 'M', 'H']])).toThrow(
      '[dealerkit] matrix.cells[0][1]: must be a label, received "  " (row 2, column 3 of the range)',
    );
  });

  it('a likelihood that is TRUE or spaces only is refused as required', () => {
    expect(() => DK_RISK_LEVEL(true, 1)).toThrow('[dealerkit] likelihood: is required (a likelihood label or position), received TRUE');
    expect(() => DK_RISK_LEVEL('  ', 1)).toThrow('[dealerkit] likelihood: is required (a likelihood label or position), received "  "');
  });

  it('a position must be a whole number from 1', () => {
    expect(() => DK_RISK_LEVEL(0, 1)).toThrow('[dealerkit] likelihood: must be a likelihood position from 1 to 5 or a label, received 0');
    expect(() => DK_RISK_LEVEL(1.5, 1)).toThrow('[dealerkit] likelihood: must be a likelihood position from 1 to 5 or a label, received 1.5');
  });
});

describe('DK.RISK.LEVEL: which ranges are a matrix', () => {
  it('a column or a row of three cells is a range too small, not a preset name', () => {
    expect(() => DK_RISK_LEVEL(1, 1, [['a'], ['b'], ['c']])).toThrow(`[dealerkit] matrix: ${SIZE}; received 3 × 1`);
    expect(() => DK_RISK_LEVEL(1, 1, [['a', 'b', 'c']])).toThrow(`[dealerkit] matrix: ${SIZE}; received 1 × 3`);
  });

  it('two rows or two columns are too few', () => {
    expect(() => DK_RISK_LEVEL(1, 1, RANGE.slice(0, 2))).toThrow(`[dealerkit] matrix: ${SIZE}; received 2 × 3`);
    expect(() => DK_RISK_LEVEL(1, 1, RANGE.map((r) => r.slice(0, 2)))).toThrow(`[dealerkit] matrix: ${SIZE}; received 3 × 2`);
  });

  it('a ragged range is named as the matrix', () => {
    expect(() => DK_RISK_LEVEL(1, 1, [['', 'a', 'b'], ['x', 'L']])).toThrow('[dealerkit] matrix: must be a rectangular range, but row 2 has 2 cells and row 1 has 3');
  });

  it('a label that is not text is refused where it sits, on its axis', () => {
    expect(() => DK_RISK_LEVEL(1, 1, [['', 'a', true], ['x', 'L', 'M'], ['y', 'M', 'H']])).toThrow(
      '[dealerkit] matrix.impact[1]: must be a label, received TRUE (row 1, column 3 of the range)',
    );
    expect(() => DK_RISK_LEVEL(1, 1, [['', 'a', 'b'], [true, 'L', 'M'], ['y', 'M', 'H']])).toThrow(
      '[dealerkit] matrix.likelihood[0]: must be a label, received TRUE (row 2, column 1 of the range)',
    );
  });
});

describe('DK.ALTMAN names the argument that is not a number', () => {
  it('workingCapital, totalAssets, retainedEarnings, ebit, totalLiabilities, sales', () => {
    expect(() => DK_ALTMAN('z', 'x', 1, 1, 1, 1, 1, 1)).toThrow('[dealerkit] workingCapital: must be a number, received "x"');
    expect(() => DK_ALTMAN('z', 1, 'x', 1, 1, 1, 1, 1)).toThrow('[dealerkit] totalAssets: must be a number, received "x"');
    expect(() => DK_ALTMAN('z', 1, 1, 'x', 1, 1, 1, 1)).toThrow('[dealerkit] retainedEarnings: must be a number, received "x"');
    expect(() => DK_ALTMAN('z', 1, 1, 1, 'x', 1, 1, 1)).toThrow('[dealerkit] ebit: must be a number, received "x"');
    expect(() => DK_ALTMAN('z', 1, 1, 1, 1, 1, 'x', 1)).toThrow('[dealerkit] totalLiabilities: must be a number, received "x"');
    expect(() => DK_ALTMAN('z', 1, 1, 1, 1, 1, 1, 'x')).toThrow('[dealerkit] sales: must be a number, received "x"');
  });
});
