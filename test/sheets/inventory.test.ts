import { describe, expect, it } from 'vitest';
import { DK_NORMINV, DealerkitError } from 'dealerkit';
import { errorAt, valueAt, valuesAt, workbook } from './hf.js';

function failure(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(DealerkitError);
    return { code: (e as DealerkitError).code, message: (e as DealerkitError).message };
  }
  throw new Error('expected a DealerkitError');
}

describe('DK.NORMINV', () => {
  // Quantiles of the standard normal (Abramowitz & Stegun, Table 26.5; to 16+ digits from mpmath:
  // 1.644853626951472714…, 1.959963984540054005…, 2.326347874040841100…).
  it('gives the textbook safety factors of 95 %, 97.5 % and 99 % service, and 0 at the median', () => {
    expect(DK_NORMINV(0.95)).toBeCloseTo(1.6448536269514727, 14);
    expect(DK_NORMINV(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(DK_NORMINV(0.99)).toBeCloseTo(2.3263478740408411, 14);
    expect(DK_NORMINV(0.5)).toBe(0);
    expect(DK_NORMINV(0.05)).toBeCloseTo(-1.6448536269514727, 14);
  });

  it('reads a 1×1 range and a numeric text', () => {
    expect(DK_NORMINV([[0.5]])).toBe(0);
    expect(DK_NORMINV('0.5')).toBe(0);
  });

  it('refuses 0, 1 and values outside (#NUM!) and what is not a number (#VALUE!)', () => {
    expect(failure(() => DK_NORMINV(0))).toEqual({ code: 'out_of_range', message: '[dealerkit] p: must be a probability strictly between 0 and 1, received 0' });
    expect(failure(() => DK_NORMINV(1)).code).toBe('out_of_range');
    expect(failure(() => DK_NORMINV(1.5)).code).toBe('out_of_range');
    expect(failure(() => DK_NORMINV('95%'))).toEqual({ code: 'invalid_input', message: '[dealerkit] p: must be a number, received "95%"' });
    expect(failure(() => DK_NORMINV(null))).toEqual({ code: 'invalid_input', message: '[dealerkit] p: is required (a number), received an empty cell' });
  });

  it("agrees with the spreadsheet's NORM.S.INV across the service levels planners use", () => {
    const levels = [0.5, 0.8, 0.85, 0.9, 0.95, 0.975, 0.98, 0.99, 0.995, 0.999, 0.001, 0.2];
    const hf = workbook({ Sheet1: levels.map((p) => [p, '=DK.NORMINV(A' + (levels.indexOf(p) + 1) + ')', '=NORM.S.INV(A' + (levels.indexOf(p) + 1) + ')']) });
    const values = valuesAt(hf, `A1:C${levels.length}`) as number[][];
    for (const [p, ours, builtin] of values) {
      // HyperFormula's NORM.S.INV is accurate to about 1e-9; ours to about 1e-16 (mpmath vectors in test/inventory).
      expect(Math.abs(ours! - builtin!), `p = ${p}`).toBeLessThan(1e-8);
    }
    hf.destroy();
  });

  it('shows #NUM! for a probability of 1 and #VALUE! for text in a sheet', () => {
    const hf = workbook({ Sheet1: [['=DK.NORMINV(1)', '=DK.NORMINV("x")', '=DK.NORMINV(A2)'], [0.95]] });
    expect(errorAt(hf, 'A1')).toEqual({ type: '#NUM!', message: '[dealerkit] p: must be a probability strictly between 0 and 1, received 1' });
    expect(errorAt(hf, 'B1')).toEqual({ type: '#VALUE!', message: '[dealerkit] p: must be a number, received "x"' });
    expect(valueAt(hf, 'C1')).toBe(DK_NORMINV(0.95));
    hf.destroy();
  });
});
