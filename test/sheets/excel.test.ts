// Runs the generated Excel add-in file (examples/excel-addin/functions.ts, identical to
// dist/sheets/excel/functions.ts) against a stand-in of Excel's CustomFunctions runtime: the
// registrations, the results and the errors, every one of which must be #VALUE! or #N/A with its
// message (the only two codes on which Excel shows a custom function's message).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import * as sheets from 'dealerkit/sheets';
import { SHEET_FUNCTIONS } from 'dealerkit/sheets';
import { excelFunctionName } from '../tools/sheets-generate.js';
import { SAMPLES } from './samples.js';
import { USER_ERRORS } from './user-errors.js';

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
    // Every code of the runtime (custom-functions-runtime.d.ts), so a stray one would show up as itself.
    ErrorCode: {
      invalidValue: '#VALUE!',
      notAvailable: '#N/A',
      divisionByZero: '#DIV/0!',
      invalidNumber: '#NUM!',
      nullReference: '#NULL!',
      invalidName: '#NAME?',
      invalidReference: '#REF!',
    },
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

  it('shows a value out of range as #VALUE! with its message (Excel shows no custom message on #NUM!)', () => {
    const e = thrown(() => addin.split!(100, [[1]], 31));
    expect({ ...e }).toEqual({ code: '#VALUE!', message: '[dealerkit] scale: must be from 0 to 30, received 31' });
  });

  it('explains a service level typed as 95 instead of 0.95', () => {
    const e = thrown(() => addin.safetystock!(20, 5, 7, 95, null));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toMatch(/^\[dealerkit\] serviceLevel: must be strictly between 0 and 1\b.*received 95\b/);
  });

  it('the guides quote the messages as Excel and Google Sheets show them', () => {
    const flat = (path: string) => readFileSync(path, 'utf8').replace(/\s+/g, ' ');
    const serviceLevel = thrown(() => addin.safetystock!(20, 5, 7, 95, null)).message!;
    const method = thrown(() => addin.rebate!(10000, [[0, 0.0025], [2000, 0.005], [5000, 0.015]], 'marginal', null, null)).message!;
    const [sheetsGuide, excelGuide, appsScriptGuide] = ['docs/sheets.md', 'examples/excel-addin/README.md', 'examples/google-sheets/README.md'].map(flat);
    // Excel: the message without its [dealerkit] tag, in italics; Google Sheets: the whole message after the error.
    expect(sheetsGuide).toContain(`*${serviceLevel.replace('[dealerkit] ', '')}*`);
    expect(excelGuide).toContain(`*${serviceLevel.replace('[dealerkit] ', '')}*`);
    expect(excelGuide).toContain(`*${method.replace('[dealerkit] ', '')}*`);
    expect(appsScriptGuide).toContain(`\`#VALUE! ${serviceLevel}\``);
    expect(appsScriptGuide).toContain(`\`#VALUE! ${method}\``);
  });

  it('shows every user error as #VALUE! or #N/A with a message naming the argument, for every function', () => {
    const byExport = new Map(SHEET_FUNCTIONS.map((f) => [f.exportName, f]));
    for (const u of USER_ERRORS) {
      const f = byExport.get(u.fn)!;
      const full = [...u.args, ...Array<null>(f.parameters.length - u.args.length).fill(null)];
      const e = thrown(() => addin[excelFunctionName(f)]!(...full));
      expect(e.code, `${u.fn}(${JSON.stringify(u.args)})`).toBe(u.kind === '#N/A' ? '#N/A' : '#VALUE!');
      expect(e.message, `${u.fn}(${JSON.stringify(u.args)})`).toMatch(new RegExp(`^\\[dealerkit\\] ${u.names.replace(/[[\].]/g, '\\$&')}: \\S`));
    }
    // Every function has at least one such call.
    expect(new Set(USER_ERRORS.map((u) => u.fn))).toEqual(new Set(SHEET_FUNCTIONS.map((f) => f.exportName)));
  });
});
