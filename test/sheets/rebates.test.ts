import { describe, expect, it } from 'vitest';
import { DK_REBATE, DK_REBATE_NEXTGAP, DK_REBATE_TIER } from 'dealerkit/sheets';
import { errorAt, valuesAt, workbook } from './hf.js';
import { failure } from '../helpers.js';

// SAP Help, Rebate Processing (rebate agreement with a scale): retroactive, from 5,000 at 2 %, from 20,000 at 4 %.
const sap = [['from', 'rate'], [0, 0], [5000, 0.02], [20000, 0.04]];
// A tiered cash-back card: 0.25 % to 2,000, 0.5 % to 5,000, 1.5 % above (test/rebates/vectors.test.ts).
const card = [[0, 0.0025], [2000, 0.005], [5000, 0.015]];

describe('DK.REBATE', () => {
  it("SAP's scale, retroactive: 3,000 → 0; 7,000 → 140; 27,000 → 1,080", () => {
    expect([3000, 7000, 27000].map((a) => DK_REBATE(a, sap))).toEqual([0, 140, 1080]);
    expect(DK_REBATE(7000, sap, 'retroactive')).toBe(140);
  });

  it('the card, incremental: 10,000 → 2,000 × 0.25 % + 3,000 × 0.5 % + 5,000 × 1.5 % = 5 + 15 + 75 = 95', () => {
    expect(DK_REBATE(10000, card, 'incremental')).toBe(95);
    expect(DK_REBATE(10000, card, ' Incremental ')).toBe(95);
    // Retroactive instead: the whole 10,000 at 1.5 % = 150.
    expect(DK_REBATE(10000, card)).toBe(150);
  });

  it('rounds once to the minor unit, half-up: 123,456.78 incremental = 5 + 15 + 118,456.78 × 1.5 % (1,776.8517) = 1,796.8517 → 1,796.85', () => {
    expect(DK_REBATE(123456.78, card, 'incremental')).toBe(1796.85);
    // In yen (no minor unit): 123,457 × 1.5 % retroactive = 1,851.855 → 1,852; without a currency, 2 places: 1,851.86.
    expect(DK_REBATE(123457, card, 'retroactive', null, 'JPY')).toBe(1852);
    expect(DK_REBATE(123457, card, 'retroactive')).toBe(1851.86);
    // Kuwaiti dinar, 3 places: 1,851.855.
    expect(DK_REBATE(123457, card, 'retroactive', null, 'kwd')).toBe(1851.855);
  });

  it('step tiers pay their fixed amount (rate cells left empty)', () => {
    const step = [['from', 'rate', 'fixed'], [0, '', 0], [5000, '', 100], [20000, null, 500]];
    expect([4999.99, 5000, 19999, 20000].map((a) => DK_REBATE(a, step, 'step'))).toEqual([0, 100, 100, 500]);
  });

  it("by attainment with a target: the seeds' dealer at 95 % of 10,000,000 earns 1 % of 9,500,000 = 95,000", () => {
    const byAttainment = [[0, 0], [0.9, 0.01], [1, 0.02], [1.1, 0.03]];
    expect(DK_REBATE(9_500_000, byAttainment, null, 10_000_000)).toBe(95000);
    // At exactly 100 %: 2 % of 10,000,000 = 200,000 (a tier is reached at its from).
    expect(DK_REBATE(10_000_000, byAttainment, 'retroactive', 10_000_000)).toBe(200000);
    // Incremental: 9,000,000 × 0 + 1,000,000 × 1 % + 1,000,000 × 2 % + 100,000 × 3 % = 33,000 at 110 %... at 11,100,000:
    // bands 0–9,000,000 at 0, 9,000,000–10,000,000 at 1 %, 10,000,000–11,000,000 at 2 %, above at 3 %: 0 + 10,000 + 20,000 + 3,000.
    expect(DK_REBATE(11_100_000, byAttainment, 'incremental', 10_000_000)).toBe(33000);
  });

  it('names the bad argument: method, tiers cell, tier order, amount, target, currency', () => {
    expect(failure(() => DK_REBATE(100, sap, 'marginal'))).toEqual({
      code: 'invalid_input',
      message: '[dealerkit] method: must be one of "retroactive", "incremental", "step", received "marginal"',
    });
    expect(failure(() => DK_REBATE(100, [[0, 0], [5000, '2%']]))).toEqual({
      code: 'invalid_input',
      message: '[dealerkit] tiers[1].rate: must be a number, received "2%" (row 2, column 2 of the range)',
    });
    expect(failure(() => DK_REBATE(100, [[5000, 0.02], [20000, 0.04]])).message).toBe(
      '[dealerkit] tiers[0].from: must be 0, the lowest value of the basis, so that every value falls in a tier (a gap below 5000); add a first tier from 0 that pays nothing',
    );
    expect(failure(() => DK_REBATE(100, [[0, 0], [20000, 0.04], [5000, 0.02]])).message).toBe(
      '[dealerkit] tiers[2].from: must be greater than tiers[1].from (20000); list tiers in ascending order',
    );
    expect(failure(() => DK_REBATE(-5, sap))).toEqual({ code: 'out_of_range', message: '[dealerkit] amount: must not be negative, received -5' });
    expect(failure(() => DK_REBATE(5, sap, null, 0))).toEqual({
      code: 'out_of_range',
      message: "[dealerkit] target: must be greater than 0 (basis 'attainment' divides by it), received 0",
    });
    expect(failure(() => DK_REBATE(5, sap, null, null, 'XYZ'))).toEqual({
      code: 'unknown_label',
      message: '[dealerkit] currency: is not a currency this engine knows (ISO 4217), received "XYZ"',
    });
    expect(failure(() => DK_REBATE(5, [[0, 0, 1, 2]])).message).toBe('[dealerkit] tiers: must have 2 to 3 columns (from, rate, fixed), received 4');
  });

  it('a rate typed as a whole-number percentage (2 for 2 %) is refused with the hint, never paid at 200 %', () => {
    expect(failure(() => DK_REBATE(7000, [[0, 0], [5000, 2], [20000, 4]]))).toEqual({
      code: 'out_of_range',
      message: '[dealerkit] tiers[1].rate: must be a fraction from 0 to 1, received 2: write 0.02 for 2 %; tiers[2].rate: must be a fraction from 0 to 1, received 4: write 0.04 for 4 %',
    });
    // A rate of 1 (100 %) is a fraction: 7,000 at 100 % = 7,000.
    expect(DK_REBATE(7000, [[0, 0], [5000, 1]])).toBe(7000);
  });
});

describe('DK.REBATE.TIER and DK.REBATE.NEXTGAP', () => {
  it("SAP's scale: 7,000 is in tier 2, 13,000 short of tier 3 (SAP's next scale level at 20,000)", () => {
    expect(DK_REBATE_TIER(7000, sap)).toBe(2);
    expect(DK_REBATE_NEXTGAP(7000, sap)).toBe(13000);
  });

  it('a tier is reached at its from; the top tier has no gap (0)', () => {
    expect([0, 4999.99, 5000, 20000, 1e15].map((a) => DK_REBATE_TIER(a, sap))).toEqual([1, 1, 2, 3, 3]);
    expect([0, 4999.99, 5000, 20000, 1e15].map((a) => DK_REBATE_NEXTGAP(a, sap))).toEqual([5000, 0.01, 15000, 0, 0]);
  });

  it('by attainment, the gap is in sales: 95 % of 1,000,000 needs 50,000 more for 100 %', () => {
    expect(DK_REBATE_NEXTGAP(950000, [[0, 0], [0.9, 0.01], [1, 0.02]], null, 1000000)).toBe(50000);
    expect(DK_REBATE_TIER(950000, [[0, 0], [0.9, 0.01], [1, 0.02]], null, 1000000)).toBe(2);
  });

  it('report bad input like DK.REBATE', () => {
    expect(failure(() => DK_REBATE_TIER('x', sap)).message).toBe('[dealerkit] amount: must be a number, received "x"');
    expect(failure(() => DK_REBATE_NEXTGAP(1, [[0, 0]], 'up')).code).toBe('invalid_input');
  });
});

describe('the DK.REBATE functions in a sheet, against the classic spreadsheet formulas', () => {
  // Tiers in D2:E4 (header in row 1), differential rates in H2:H4 for the SUMPRODUCT formula of
  // incremental rebates; VLOOKUP(..., TRUE) prices the whole amount at the tier reached.
  const amounts = [0, 1999.99, 2000, 3456.78, 5000, 10000, 123456.78];
  const rows: (string | number | null)[][] = [['amount', 'dk incr', 'sumproduct', 'from', 'rate', 'dk retro', 'vlookup', 'diff rate', 'dk tier', 'match', 'dk gap', 'index-match']];
  amounts.forEach((a, i) => {
    const r = i + 2;
    rows.push([
      a,
      `=DK.REBATE(A${r}, $D$2:$E$4, "incremental")`,
      `=ROUND(SUMPRODUCT((A${r}>$D$2:$D$4)*(A${r}-$D$2:$D$4)*$H$2:$H$4), 2)`,
      i < 3 ? card[i]![0]! : null,
      i < 3 ? card[i]![1]! : null,
      `=DK.REBATE(A${r}, $D$1:$E$4)`,
      `=ROUND(A${r}*VLOOKUP(A${r}, $D$2:$E$4, 2, TRUE()), 2)`,
      i === 0 ? '=E2' : i < 3 ? `=E${r}-E${r - 1}` : null,
      `=DK.REBATE.TIER(A${r}, $D$2:$E$4)`,
      `=MATCH(A${r}, $D$2:$D$4, 1)`,
      `=DK.REBATE.NEXTGAP(A${r}, $D$2:$E$4)`,
      `=IFERROR(INDEX($D$2:$D$4, MATCH(A${r}, $D$2:$D$4, 1) + 1) - A${r}, 0)`,
    ]);
  });

  it('incremental = ROUND(SUMPRODUCT(differential rates)), retroactive = ROUND(amount × VLOOKUP), tier = MATCH, gap = INDEX/MATCH', () => {
    const hf = workbook({ Sheet1: rows });
    const v = valuesAt(hf, `A2:L${amounts.length + 1}`) as number[][];
    for (const row of v) {
      expect(row[1], `incremental ${row[0]}`).toBe(row[2]);
      expect(row[5], `retroactive ${row[0]}`).toBe(row[6]);
      expect(row[8], `tier ${row[0]}`).toBe(row[9]);
      expect(row[10], `gap ${row[0]}`).toBeCloseTo(row[11]!, 9);
    }
    expect(v.map((row) => row[1])).toEqual([0, 5, 5, 12.28, 20, 95, 1796.85]);
    hf.destroy();
  });

  it('shows #VALUE!, #NUM! and #N/A with the message', () => {
    const hf = workbook({
      Sheet1: [
        [0, 0, '=DK.REBATE(100, A1:B2, "marginal")', '=DK.REBATE(-1, A1:B2)', '=DK.REBATE(100, A1:B2, , , "XYZ")', '=DK.REBATE(100, A1:B2, , , "JPY")'],
        [50, 0.1],
      ],
    });
    expect(errorAt(hf, 'C1')).toEqual({ type: '#VALUE!', message: '[dealerkit] method: must be one of "retroactive", "incremental", "step", received "marginal"' });
    expect(errorAt(hf, 'D1')).toEqual({ type: '#NUM!', message: '[dealerkit] amount: must not be negative, received -1' });
    expect(errorAt(hf, 'E1')).toEqual({ type: '#N/A', message: '[dealerkit] currency: is not a currency this engine knows (ISO 4217), received "XYZ"' });
    expect(valuesAt(hf, 'F1:F1')).toEqual([[10]]);
    hf.destroy();
  });
});
