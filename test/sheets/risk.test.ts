import { describe, expect, it } from 'vitest';
import { DK_ALTMAN, DK_ALTMAN_ZONE, DK_RISK_LEVEL } from 'dealerkit/sheets';
import { errorAt, valuesAt, workbook } from './hf.js';
import { failure } from '../helpers.js';

describe('DK.RISK.LEVEL', () => {
  // NIST SP 800-30 Rev. 1, Appendix I, Table I-2 (impact-dominant): Very High likelihood × Very Low
  // impact = Very Low; Moderate × High = Moderate; Very Low × Very High = Low; High × Very High = Very High.
  it('looks up NIST SP 800-30 Table I-2 by default, by label as printed or by position', () => {
    expect(DK_RISK_LEVEL('very-high', 'very-low')).toBe('very-low');
    expect(DK_RISK_LEVEL('Moderate', 'High')).toBe('moderate');
    expect(DK_RISK_LEVEL('Very Low', 'Very High')).toBe('low');
    expect(DK_RISK_LEVEL('high', 'very_high', 'NIST')).toBe('very-high');
    expect(DK_RISK_LEVEL(5, 1)).toBe('very-low');
    expect(DK_RISK_LEVEL(3, 4)).toBe('moderate');
    expect(DK_RISK_LEVEL([['moderate']], [[4]], [['nist']])).toBe('moderate');
  });

  it('the other presets: Table G-5, the 5×5 product (likely 4 × major 4 = 16 → high), Cox 3×3', () => {
    // NIST Table G-5: initiation very-high with adverse-impact likelihood very-low → low.
    expect(DK_RISK_LEVEL('very-high', 'very-low', 'nist-likelihood')).toBe('low');
    expect(DK_RISK_LEVEL('likely', 'major', '5x5')).toBe('high');
    expect(DK_RISK_LEVEL('almost certain', 'major', '5x5')).toBe('critical'); // 5 × 4 = 20
    expect(DK_RISK_LEVEL(2, 2, '5X5')).toBe('low'); // 2 × 2 = 4
    expect(DK_RISK_LEVEL('high', 'high', '3x3')).toBe('high');
    expect(DK_RISK_LEVEL('high', 'medium', '3x3')).toBe('medium');
  });

  it('reads a matrix from a range: impact labels across, likelihood labels down, levels inside', () => {
    const matrix = [
      ['likelihood \\ impact', 'minor', 'major'],
      ['rare', 'green', 'amber'],
      ['frequent', 'amber', 'red'],
    ];
    expect(DK_RISK_LEVEL('Frequent', 'major', matrix)).toBe('red');
    expect(DK_RISK_LEVEL(1, 2, matrix)).toBe('amber');
    // Numeric labels are matched as texts; a number is always a position.
    const numeric = [['', 1, 2], [1, 'low', 'mid'], [2, 'mid', 'high']];
    expect(DK_RISK_LEVEL('1', '2', numeric)).toBe('mid');
    expect(DK_RISK_LEVEL(2, 2, numeric)).toBe('high');
  });

  it('an unknown label or position is #N/A (unknown_label) listing the labels', () => {
    expect(failure(() => DK_RISK_LEVEL('extreme', 'high'))).toEqual({
      code: 'unknown_label',
      message: '[dealerkit] likelihood: is not a likelihood label: "extreme" (likelihood labels: "very-low", "low", "moderate", "high", "very-high")',
    });
    expect(failure(() => DK_RISK_LEVEL('low', 6))).toEqual({ code: 'unknown_label', message: '[dealerkit] impact: must be a impact position from 1 to 5 or a label, received 6' });
    expect(failure(() => DK_RISK_LEVEL('low', 'low', 'iso'))).toEqual({
      code: 'unknown_label',
      message: '[dealerkit] matrix: is not a preset: "iso" (presets: "nist", "nist-likelihood", "5x5", "3x3"; or give the matrix as a range)',
    });
  });

  it("a preset named like an Object.prototype member ('toString', 'constructor', '__proto__') is an unknown preset, #N/A", () => {
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      expect(failure(() => DK_RISK_LEVEL('low', 'low', name))).toEqual({
        code: 'unknown_label',
        message: `[dealerkit] matrix: is not a preset: ${JSON.stringify(name)} (presets: "nist", "nist-likelihood", "5x5", "3x3"; or give the matrix as a range)`,
      });
    }
  });

  it('bad matrices and missing labels are #VALUE!', () => {
    expect(failure(() => DK_RISK_LEVEL('a', 'x', [['', 'x', 'y'], ['a', 'g', 'r'], ['b', '', 'r']]))).toEqual({
      code: 'invalid_input',
      message: '[dealerkit] matrix.cells[1][0]: must be a label, received an empty string (row 3, column 2 of the range)',
    });
    expect(failure(() => DK_RISK_LEVEL('a', 'x', [['', 'x'], ['a', 'g']])).message).toBe(
      '[dealerkit] matrix: must be a range of at least 3 × 3 cells: impact labels in the first row, likelihood labels in the first column, levels inside; received 2 × 2',
    );
    expect(failure(() => DK_RISK_LEVEL('a', 'x', [['', 'x', 'x'], ['a', 'g', 'r'], ['b', 'g', 'r']])).message).toBe(
      "[dealerkit] impact[1]: duplicates impact[0] ('x'); labels must be unique",
    );
    expect(failure(() => DK_RISK_LEVEL('', 'low')).message).toBe('[dealerkit] likelihood: is required (a likelihood label or position), received an empty string');
    expect(failure(() => DK_RISK_LEVEL('low', 'low', 3)).message).toBe('[dealerkit] matrix: must be a preset name or a range, received 3');
  });
});

describe('DK.ALTMAN and DK.ALTMAN.ZONE', () => {
  it("Altman Z (1968): 1.2 × 0.145161 + 1.4 × 0.048387 + 3.3 × 0.088710 + 0.6 × 0.357143 + 1.0 × 0.709677 = 1.458641, distress (< 1.81)", () => {
    // X1 = 90,000/620,000, X2 = 30,000/620,000, X3 = 55,000/620,000, X4 = 100,000/280,000, X5 = 440,000/620,000.
    expect(DK_ALTMAN('z', 90000, 620000, 30000, 55000, 100000, 280000, 440000)).toBeCloseTo(1.4586405529953917, 14);
    expect(DK_ALTMAN_ZONE('z', 90000, 620000, 30000, 55000, 100000, 280000, 440000)).toBe('distress');
  });

  it('Z″ for a distributor: 6.56 × 0.1 + 3.26 × 0.1 + 6.72 × 0.1 + 1.05 × 4/6 = 2.354, grey (1.10 to 2.60)', () => {
    expect(DK_ALTMAN('z-double-prime', 1, 10, 1, 1, 4, 6)).toBe(2.354);
    expect(DK_ALTMAN_ZONE('Z-Double-Prime', 1, 10, 1, 1, 4, 6)).toBe('grey');
  });

  it('the grey zone includes both cut-offs (Z = sales / assets alone: 1.81 and 2.99 are grey)', () => {
    const zone = (sales: number) => DK_ALTMAN_ZONE('z', 0, 100, 0, 0, 0, 1, sales);
    expect([180.99, 181, 299, 299.01].map(zone)).toEqual(['distress', 'grey', 'grey', 'safe']);
    expect(DK_ALTMAN('z', 0, 100, 0, 0, 0, 1, 181)).toBe(1.81);
  });

  it('names the sheet argument: equity for either kind of equity, sales where required, the variant', () => {
    expect(failure(() => DK_ALTMAN('z', 1, 10, 1, 1, 4, 6))).toEqual({ code: 'invalid_input', message: "[dealerkit] sales: is required for variant 'z' (X5 is sales / total assets)" });
    expect(failure(() => DK_ALTMAN('z', 1, 10, 1, 1, -4, 6, 5))).toEqual({ code: 'out_of_range', message: '[dealerkit] equity: must not be negative, received -4' });
    expect(failure(() => DK_ALTMAN('zz', 1, 10, 1, 1, 4, 6))).toEqual({
      code: 'invalid_input',
      message: '[dealerkit] variant: must be one of "z", "z-prime", "z-double-prime", received "zz"',
    });
    expect(failure(() => DK_ALTMAN('z-prime', 1, 0, 1, 1, 4, 6, 5))).toEqual({ code: 'out_of_range', message: '[dealerkit] totalAssets: must be greater than 0, received 0' });
    expect(failure(() => DK_ALTMAN_ZONE('z-prime', 1, 10, 1, 1, null, 6, 5)).message).toBe('[dealerkit] equity: is required (a number), received an empty cell');
  });
});

describe('the risk functions in a sheet', () => {
  it('DK.ALTMAN agrees with the written-out formula; DK.RISK.LEVEL reads a matrix range and shows #N/A for an unknown label', () => {
    const hf = workbook({
      Sheet1: [
        ['z', 90000, 620000, 30000, 55000, 100000, 280000, 440000, '=DK.ALTMAN(A1, B1, C1, D1, E1, F1, G1, H1)', '=1.2*B1/C1 + 1.4*D1/C1 + 3.3*E1/C1 + 0.6*F1/G1 + 1*H1/C1', '=DK.ALTMAN.ZONE(A1, B1, C1, D1, E1, F1, G1, H1)'],
        ['z-prime', 1, 10, 1, 1, 4, 6, 5, '=DK.ALTMAN(A2, B2, C2, D2, E2, F2, G2, H2)', '=0.717*B2/C2 + 0.847*D2/C2 + 3.107*E2/C2 + 0.42*F2/G2 + 0.998*H2/C2', '=DK.ALTMAN.ZONE(A2, B2, C2, D2, E2, F2, G2, H2)'],
        [null, 'minor', 'major', null, '=DK.RISK.LEVEL("frequent", "major", A3:C5)', '=DK.RISK.LEVEL("never", "major", A3:C5)', '=DK.RISK.LEVEL("Moderate", "High")', '=DK.RISK.LEVEL(A4, 2, A3:C5)'],
        ['rare', 'green', 'amber'],
        ['frequent', 'amber', 'red'],
      ],
    });
    const v = valuesAt(hf, 'I1:K2') as (number | string)[][];
    expect(Math.abs((v[0]![0] as number) - (v[0]![1] as number))).toBeLessThan(1e-14);
    expect(Math.abs((v[1]![0] as number) - (v[1]![1] as number))).toBeLessThan(1e-14);
    // Z′ = 0.0717 + 0.0847 + 0.3107 + 0.42 × 4/6 (0.28) + 0.998 × 0.5 (0.499) = 1.2461: grey (1.23 to 2.90).
    expect(v.map((r) => r[2])).toEqual(['distress', 'grey']);
    expect(valuesAt(hf, 'E3:E3')).toEqual([['red']]);
    expect(errorAt(hf, 'F3')).toEqual({ type: '#N/A', message: '[dealerkit] likelihood: is not a likelihood label: "never" (likelihood labels: "rare", "frequent")' });
    expect(valuesAt(hf, 'G3:H3')).toEqual([['moderate', 'amber']]);
    hf.destroy();
  });
});
