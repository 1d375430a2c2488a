import { describe, expect, it } from 'vitest';
import { DK_EOQ, DK_NORMINV, DK_ORDERQTY, DK_REORDERPOINT, DK_SAFETYSTOCK } from 'dealerkit/sheets';
import { errorAt, valueAt, valuesAt, workbook } from './hf.js';
import { failure } from '../helpers.js';

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

describe('DK.SAFETYSTOCK and DK.REORDERPOINT', () => {
  it('d = 20/day, σ = 5, L = 7 days, 95 %: SS = 1.644854 × 5 × √7 = 21.7594, ROP = 140 + 21.7594 = 161.7594', () => {
    // Hand derivation: σ over the lead time = 5√7 = 13.228757; × z(0.95) 1.6448536 = 21.759368.
    expect(DK_SAFETYSTOCK(20, 5, 7, 0.95)).toBeCloseTo(21.759368200081, 10);
    expect(DK_REORDERPOINT(20, 5, 7, 0.95)).toBeCloseTo(161.759368200081, 10);
  });

  it('with lead-time variability: d = 100, σd = 20, L = 10, σL = 2, 90 %: σ = √(10·400 + 100²·4) = √44,000 = 209.7618, SS = 1.2815516 × 209.7618 = 268.8205', () => {
    // Oracle: Python's statistics.NormalDist().inv_cdf(0.9) = 1.2815515655446008 and math.sqrt.
    expect(DK_SAFETYSTOCK(100, 20, 10, 0.9, 2)).toBeCloseTo(268.82052426589746, 9);
    expect(DK_REORDERPOINT(100, 20, 10, 0.9, 2)).toBeCloseTo(1268.8205242658973, 9);
    expect(DK_SAFETYSTOCK(100, 20, 10, 0.9, null)).toBe(DK_SAFETYSTOCK(100, 20, 10, 0.9));
  });

  it('no variability, no safety stock; a 50 % service level needs none either', () => {
    expect(DK_SAFETYSTOCK(20, 0, 7, 0.95)).toBe(0);
    expect(DK_REORDERPOINT(20, 0, 7, 0.95)).toBe(140);
    expect(DK_SAFETYSTOCK(20, 5, 7, 0.5)).toBe(0);
  });

  it('names the spreadsheet argument in errors', () => {
    expect(failure(() => DK_SAFETYSTOCK(-1, 5, 7, 0.95))).toEqual({ code: 'out_of_range', message: '[dealerkit] demandPerDay: must be at least 0, received -1' });
    expect(failure(() => DK_SAFETYSTOCK(20, 5, -7, 0.95))).toEqual({ code: 'out_of_range', message: '[dealerkit] leadTimeDays: must be at least 0, received -7' });
    expect(failure(() => DK_REORDERPOINT(20, 5, 7, 1))).toEqual({
      code: 'out_of_range',
      message: '[dealerkit] serviceLevel: must be strictly between 0 and 1 (a service level of 1 needs infinite stock), received 1',
    });
    expect(failure(() => DK_REORDERPOINT(20, 5, 7, 0.95, -1)).message).toBe('[dealerkit] leadTimeSdDays: must be at least 0, received -1');
    expect(failure(() => DK_SAFETYSTOCK(20, 'x', 7, 0.95))).toEqual({ code: 'invalid_input', message: '[dealerkit] sdPerDay: must be a number, received "x"' });
  });

  it('a service level typed as a percentage (95) is refused with the hint, in a function and in a sheet (#NUM!)', () => {
    expect(failure(() => DK_SAFETYSTOCK(20, 5, 7, 95))).toEqual({
      code: 'out_of_range',
      message: '[dealerkit] serviceLevel: must be strictly between 0 and 1, received 95: write 0.95 for 95 %',
    });
    expect(failure(() => DK_NORMINV(97.5))).toEqual({
      code: 'out_of_range',
      message: '[dealerkit] p: must be a probability strictly between 0 and 1, received 97.5: write 0.975 for 97.5 %',
    });
    const hf = workbook({ Sheet1: [['=DK.REORDERPOINT(20, 5, 7, 95)']] });
    expect(errorAt(hf, 'A1')).toEqual({ type: '#NUM!', message: '[dealerkit] serviceLevel: must be strictly between 0 and 1, received 95: write 0.95 for 95 %' });
    hf.destroy();
  });
});

describe('DK.EOQ', () => {
  it('√(2 × 10 × 1,000 / 0.5) = √40,000 = 200; the engine example √(2 × 8 × 1,300 / 0.225) = 304.0468', () => {
    expect(DK_EOQ(1000, 10, 0.5)).toBe(200);
    expect(DK_EOQ(1300, 8, 0.225)).toBeCloseTo(304.0467800264368, 12);
    expect(DK_EOQ(0, 10, 0.5)).toBe(0);
  });

  it('refuses a zero holding cost and negative demand or order cost', () => {
    expect(failure(() => DK_EOQ(1000, 10, 0))).toEqual({ code: 'out_of_range', message: '[dealerkit] holdingCost: must be greater than 0, received 0' });
    expect(failure(() => DK_EOQ(-1, 10, 0.5))).toEqual({ code: 'out_of_range', message: '[dealerkit] demandPerYear: must not be negative, received -1' });
    expect(failure(() => DK_EOQ(1, -10, 0.5))).toEqual({ code: 'out_of_range', message: '[dealerkit] orderCost: must not be negative, received -10' });
  });
});

describe('DK.ORDERQTY', () => {
  // d = 20, σ = 5, L = 7, 95 %: ROP = 161.7594 (above).
  it('orders the lot at or below the reorder point, nothing above it', () => {
    expect(DK_ORDERQTY(150, 20, 5, 7, 0.95, 300)).toBe(300);
    expect(DK_ORDERQTY(200, 20, 5, 7, 0.95, 300)).toBe(0);
    expect(DK_ORDERQTY(161.76, 20, 5, 7, 0.95, 300)).toBe(0);
    expect(DK_ORDERQTY(161.75, 20, 5, 7, 0.95, 300)).toBe(300);
  });

  it('rounds up to whole packs (300 in packs of 40 = 7.5 → 8 packs = 320) after the MOQ (500 → 12.5 → 13 packs = 520)', () => {
    expect(DK_ORDERQTY(150, 20, 5, 7, 0.95, 300, null, 40)).toBe(320);
    expect(DK_ORDERQTY(150, 20, 5, 7, 0.95, 300, 500, 40)).toBe(520);
  });

  it('orders what reaches the reorder point when the lot is smaller (161.76 − 150 = 11.76 → 12)', () => {
    expect(DK_ORDERQTY(150, 20, 5, 7, 0.95, 5)).toBe(12);
  });

  it('a negative position (backorders) still orders the lot', () => {
    expect(DK_ORDERQTY(-50, 20, 5, 7, 0.95, 300)).toBe(300);
    // Position −50 needs 211.76 to reach the ROP: more than a lot of 100, so 212.
    expect(DK_ORDERQTY(-50, 20, 5, 7, 0.95, 100)).toBe(212);
  });

  it('names bad arguments', () => {
    expect(failure(() => DK_ORDERQTY(150, 20, 5, 7, 0.95, 0))).toEqual({ code: 'out_of_range', message: '[dealerkit] lotSize: must be greater than 0, received 0' });
    expect(failure(() => DK_ORDERQTY(150, 20, 5, 7, 0.95, 300, 1.5)).message).toBe('[dealerkit] moq: must be a whole number of units, received 1.5');
    expect(failure(() => DK_ORDERQTY(150, 20, 5, 7, 0.95, 300, null, 0)).message).toBe('[dealerkit] packSize: must be at least 1, received 0');
    expect(failure(() => DK_ORDERQTY('', 20, 5, 7, 0.95, 300)).message).toBe('[dealerkit] position: is required (a number), received an empty string');
  });
});

describe('the inventory functions in a sheet, against the textbook formulas with NORM.S.INV and SQRT', () => {
  const items = [
    [20, 5, 7, 0.95, 0],
    [100, 20, 10, 0.9, 2],
    [3.5, 2.2, 14, 0.99, 3],
    [0.2, 0.9, 30, 0.8, 0],
  ];
  it('SS = NORM.S.INV(p) × SQRT(L·σd² + d²·σL²), ROP = d·L + SS, EOQ = SQRT(2KD/h), to 1e-8', () => {
    const rows = items.map((it, i) => {
      const r = i + 1;
      return [
        ...it,
        `=DK.SAFETYSTOCK(A${r}, B${r}, C${r}, D${r}, E${r})`,
        `=NORM.S.INV(D${r})*SQRT(C${r}*B${r}^2 + A${r}^2*E${r}^2)`,
        `=DK.REORDERPOINT(A${r}, B${r}, C${r}, D${r}, E${r})`,
        `=A${r}*C${r} + G${r}`,
        `=DK.EOQ(A${r}*365, 25, 1.5)`,
        `=SQRT(2*25*A${r}*365/1.5)`,
      ];
    });
    const hf = workbook({ Sheet1: rows });
    for (const row of valuesAt(hf, `A1:K${items.length}`) as number[][]) {
      expect(Math.abs(row[5]! - row[6]!)).toBeLessThan(1e-8);
      expect(Math.abs(row[7]! - row[8]!)).toBeLessThan(1e-8);
      expect(Math.abs(row[9]! - row[10]!)).toBeLessThan(1e-9);
    }
    hf.destroy();
  });

  it('chains: ORDERQTY with the lot from DK.EOQ', () => {
    const hf = workbook({ Sheet1: [[150, '=DK.ORDERQTY(A1, 20, 5, 7, 0.95, DK.EOQ(7300, 10, 0.5), , 10)', '=DK.EOQ(7300, 10, 0.5)']] });
    // EOQ = √(2 × 10 × 7,300 / 0.5) = √292,000 = 540.37; in packs of 10: 55 packs = 550.
    expect(valuesAt(hf, 'B1:C1')[0]![0]).toBe(550);
    expect(valueAt(hf, 'C1')).toBeCloseTo(540.3702434442518, 10);
    expect(errorAt(hf, 'B1')).toBeUndefined();
    hf.destroy();
  });
});
