// Real spreadsheets: HyperFormula (GPL, a dev dependency only) evaluates formulas that call the
// dealerkit functions over ranges, through the plugin built from the manifest (./hf.ts), with
// smartRounding off so every number is the double the function returned.
import { describe, expect, it } from 'vitest';
import { HyperFormula } from 'hyperformula';
import { SHEET_FUNCTIONS } from 'dealerkit/sheets';
import * as sheets from 'dealerkit/sheets';
import { buildDealerkitPlugin, errorAt, formulaName, valueAt, valuesAt, workbook } from './hf.js';
import { SAMPLES } from './samples.js';

type Cell = string | number | boolean | null;

/** A1 address of a 0-based row and column. */
function a1(row: number, col: number): string {
  let c = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) c = String.fromCharCode(65 + ((n - 1) % 26)) + c;
  return `${c}${row + 1}`;
}

describe('the HyperFormula plugin built from the manifest', () => {
  it('registers every manifest function, with its translations', () => {
    const { plugin, translations } = buildDealerkitPlugin();
    expect(Object.keys(plugin.implementedFunctions)).toEqual(SHEET_FUNCTIONS.map(formulaName));
    expect(translations.enGB!['DK.SPLIT']).toBe('DK.SPLIT');
    const hf = workbook({ Sheet1: [[1]] });
    for (const f of SHEET_FUNCTIONS) expect(HyperFormula.getRegisteredFunctionNames('enGB')).toContain(formulaName(f));
    hf.destroy();
  });
});

describe('every manifest function in a sheet', () => {
  it('gives the direct call result on its samples, with ranges written into the sheet and scalars as literals', () => {
    const impl = sheets as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const f of SHEET_FUNCTIONS) {
      for (const args of SAMPLES[f.exportName]!) {
        // Ranges go on a Data sheet, side by side; the formula sits in Sheet1!A1 and spills from there.
        const grid: Cell[][] = [[]];
        let col = 0;
        const formulaArgs = args.map((a) => {
          if (Array.isArray(a)) {
            const m = a as Cell[][];
            m.forEach((row, r) => row.forEach((v, c) => {
              while (grid.length <= r) grid.push([]);
              grid[r]![col + c] = v;
            }));
            const ref = `Data!${a1(0, col)}:${a1(m.length - 1, col + m[0]!.length - 1)}`;
            col += m[0]!.length;
            return ref;
          }
          return a === null ? '' : typeof a === 'string' ? `"${a}"` : String(a);
        });
        const formula = `=${formulaName(f)}(${formulaArgs.join(', ')})`;
        const hf = workbook({ Sheet1: [[formula]], Data: grid });
        const expected = impl[f.exportName]!(...args);
        const got = Array.isArray(expected)
          ? valuesAt(hf, `A1:${a1((expected as unknown[][]).length - 1, (expected as unknown[][])[0]!.length - 1)}`)
          : valueAt(hf, 'A1');
        expect(got, formula).toEqual(expected);
        hf.destroy();
      }
    }
  });
});

describe('DK.SPLIT in a sheet', () => {
  it("spills the seeds' 100,000,000 over twelve monthly weights down a column, summing exactly", () => {
    const rows: (number | string | null)[][] = [['plan', 'weight', 'month']];
    for (let m = 0; m < 12; m++) rows.push([m === 0 ? 100_000_000 : null, 1, m === 0 ? '=DK.SPLIT(A2, B2:B13)' : null]);
    rows.push([null, null, '=SUM(C2:C13)']);
    const hf = workbook({ Sheet1: rows });
    expect(valuesAt(hf, 'C2:C13').flat()).toEqual([8333334, 8333334, 8333334, 8333334, 8333333, 8333333, 8333333, 8333333, 8333333, 8333333, 8333333, 8333333]);
    expect(valueAt(hf, 'C14')).toBe(100_000_000);
    hf.destroy();
  });

  it('spills across a row for a row of weights, and takes an inline array', () => {
    const hf = workbook({ Sheet1: [[100, 1, 1, 1], ['=DK.SPLIT(A1, B1:D1, 2)'], ['=DK.SPLIT(10, {6;5;4})']] });
    expect(valuesAt(hf, 'A2:C2')).toEqual([[33.34, 33.33, 33.33]]);
    expect(valuesAt(hf, 'A3:A5').flat()).toEqual([4, 3, 3]);
    hf.destroy();
  });

  it('agrees with ROUND where a split has no remainder to place (1234.56 over 1:2 = ROUND(1234.56/3, 2) and twice that)', () => {
    const hf = workbook({ Sheet1: [[1234.56, 1, '=DK.SPLIT(A1, B1:B2)', '=ROUND(A1*B1/3, 2)'], [null, 2, null, '=ROUND(A1*B2/3, 2)']] });
    expect(valuesAt(hf, 'C1:C2')).toEqual(valuesAt(hf, 'D1:D2'));
    expect(valuesAt(hf, 'C1:C2').flat()).toEqual([411.52, 823.04]);
    hf.destroy();
  });

  it('where ROUND per part loses a unit, the split keeps the total (100 over thirds: ROUND gives 99.99)', () => {
    const hf = workbook({
      Sheet1: [
        [100, 1, '=DK.SPLIT(A1, B1:B3, 2)', '=ROUND($A$1*B1/3, 2)'],
        [null, 1, null, '=ROUND($A$1*B2/3, 2)'],
        [null, 1, null, '=ROUND($A$1*B3/3, 2)'],
        [null, null, '=SUM(C1:C3)', '=SUM(D1:D3)'],
      ],
    });
    expect(valueAt(hf, 'C4')).toBe(100);
    expect(valueAt(hf, 'D4')).toBe(99.99);
    hf.destroy();
  });

  it('shows #VALUE! with the message for a bad weight, #NUM! for a scale out of range, and passes a cell error through', () => {
    const hf = workbook({
      Sheet1: [
        [100, 1, '=DK.SPLIT(A1, B1:B2)', '=DK.SPLIT(A1, B1:B2, 31)', '=DK.SPLIT(1/0, B1)', '=DK.SPLIT(A1, B3:B4)'],
        [null, 'x', null, null, null, null],
        [null, '=1/0'],
        [null, 1],
      ],
    });
    expect(errorAt(hf, 'C1')).toEqual({ type: '#VALUE!', message: '[dealerkit] weights[1]: must be a number, received "x" (row 2, column 1 of the range)' });
    expect(errorAt(hf, 'D1')).toEqual({ type: '#NUM!', message: '[dealerkit] scale: must be from 0 to 30, received 31' });
    expect(errorAt(hf, 'E1')!.type).toBe('#DIV/0!');
    expect(errorAt(hf, 'F1')!.type).toBe('#DIV/0!');
    hf.destroy();
  });

  it('reads an empty optional argument and an empty cell as omitted', () => {
    const hf = workbook({ Sheet1: [[100, 1, '=DK.SPLIT(A1, B1:B2, )', '=DK.SPLIT(A1, B1:B2, D3)'], [null, 3]] });
    expect(valuesAt(hf, 'C1:D2')).toEqual([[25, 25], [75, 75]]);
    hf.destroy();
  });

  it('recomputes the spill when an input cell changes', () => {
    const hf = workbook({ Sheet1: [[100, 1, '=DK.SPLIT(A1, B1:B2)'], [null, 1]] });
    expect(valuesAt(hf, 'C1:C2').flat()).toEqual([50, 50]);
    hf.setCellContents({ sheet: 0, row: 0, col: 0 }, 101);
    expect(valuesAt(hf, 'C1:C2').flat()).toEqual([51, 50]);
    hf.destroy();
  });
});
