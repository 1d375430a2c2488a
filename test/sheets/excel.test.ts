// Runs the generated Excel add-in file (examples/excel-addin/functions.ts, identical to
// dist/sheets/excel/functions.ts) against a stand-in of Excel's CustomFunctions runtime: the
// registrations, the results and the error mapping (#VALUE! / #N/A with the message, #NUM! bare).
import { beforeAll, describe, expect, it } from 'vitest';
import * as sheets from 'dealerkit/sheets';
import { SHEET_FUNCTIONS } from 'dealerkit/sheets';
import { excelFunctionName } from '../tools/sheets-generate.js';
import { SAMPLES } from './samples.js';

class ExcelError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
const associated = new Map<string, (...args: unknown[]) => unknown>();
let addin: Record<string, (...args: unknown[]) => unknown>;

beforeAll(async () => {
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: ExcelError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!' },
    associate: (id: string, fn: (...args: unknown[]) => unknown) => associated.set(id, fn),
  };
  addin = (await import('../../examples/excel-addin/functions.js')) as unknown as typeof addin;
});

function thrown(run: () => unknown): ExcelError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(ExcelError);
    return e as ExcelError;
  }
  throw new Error('expected an Excel error');
}

describe('the Excel add-in functions', () => {
  it('registers every manifest function under its id', () => {
    expect([...associated.keys()]).toEqual(SHEET_FUNCTIONS.map((f) => f.name));
    for (const f of SHEET_FUNCTIONS) expect(typeof associated.get(f.name)).toBe('function');
  });

  it('every add-in function gives the dealerkit/sheets result on its samples (null for omitted arguments)', () => {
    const impl = sheets as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const f of SHEET_FUNCTIONS) {
      for (const args of SAMPLES[f.exportName]!) {
        // Excel passes every declared parameter, null where omitted.
        const full = [...args, ...Array<null>(f.parameters.length - args.length).fill(null)];
        expect(addin[excelFunctionName(f)]!(...full), f.name).toEqual(impl[f.exportName]!(...args));
      }
    }
  });

  it('computes through dealerkit/sheets, with Excel passing null for an omitted optional argument', () => {
    expect(associated.get('SPLIT')!(100, [[1], [1], [1]], null)).toEqual([[34], [33], [33]]);
    expect(addin.split!(100, [[1], [1], [1]], 2)).toEqual([[33.34], [33.33], [33.33]]);
    expect(associated.get('REBATE')!(10000, [[0, 0.0025], [2000, 0.005], [5000, 0.015]], 'incremental', null, null)).toBe(95);
    expect(addin.rebateTier!(7000, [[0, 0], [5000, 0.02], [20000, 0.04]], null, null)).toBe(2);
    expect(addin.rebateNextgap!(7000, [[0, 0], [5000, 0.02], [20000, 0.04]], null, null)).toBe(13000);
  });

  it('throws #VALUE! with the message for bad input', () => {
    const e = thrown(() => addin.split!(100, [[1], ['x']], null));
    expect({ ...e }).toEqual({ code: '#VALUE!', message: '[dealerkit] weights[1]: must be a number, received "x" (row 2, column 1 of the range)' });
  });

  it('throws #N/A with the message for an unknown name', () => {
    const e = thrown(() => addin.rebate!(5, [[0, 0]], null, null, 'XYZ'));
    expect({ ...e }).toEqual({ code: '#N/A', message: '[dealerkit] currency: is not a currency this engine knows (ISO 4217), received "XYZ"' });
  });

  it('throws a bare #NUM! for a value out of range (Excel shows no custom message on #NUM!)', () => {
    const e = thrown(() => addin.split!(100, [[1]], 31));
    expect({ ...e }).toEqual({ code: '#NUM!', message: undefined });
  });
});
