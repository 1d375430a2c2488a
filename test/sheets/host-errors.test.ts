// A user's mistake reads the same in Excel and in Google Sheets: for every call of USER_ERRORS,
// Excel's functions.ts (against a stand-in of CustomFunctions) throws #VALUE! or #N/A with the
// message, and the Apps Script wrappers (all-in-one IIFE, and the engine's own bundle, in a bare
// node:vm context) throw an Error whose message is that same error and message.
import { createContext, runInContext, type Context } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as sheets from 'dealerkit/sheets';
import { SHEET_FUNCTIONS, type DealerkitErrorCode } from 'dealerkit/sheets';
import { appsScript, ENGINES, engineBundle, engineFunctions, engineLibrary, excelFunctionName, type Engine } from '../tools/sheets-generate.js';
import { bareContext } from './iife.js';
import { USER_ERRORS } from './user-errors.js';

class ExcelError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
let addin: Record<string, (...args: unknown[]) => unknown>;

beforeAll(async () => {
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: ExcelError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!', nullReference: '#NULL!', invalidName: '#NAME?', invalidReference: '#REF!' },
    associate: () => undefined,
  };
  addin = (await import('../../examples/excel-addin/functions.js')) as unknown as typeof addin;
});

const byExport = new Map(SHEET_FUNCTIONS.map((f) => [f.exportName, f]));

const contexts = new Map<string, Context>();
function appsScriptContext(which: Engine | 'all'): Context {
  if (!contexts.has(which)) {
    if (which === 'all') contexts.set(which, bareContext(appsScript()));
    else {
      const context = createContext({});
      runInContext(engineBundle(which), context);
      runInContext(appsScript(engineFunctions(which), engineLibrary(which)), context);
      contexts.set(which, context);
    }
  }
  return contexts.get(which)!;
}

function appsScriptMessage(context: Context, expression: string): string {
  return runInContext(`(function () { try { ${expression}; return 'no error'; } catch (e) { return e.message; } })()`, context) as string;
}

function excelError(fn: string, args: unknown[]): ExcelError {
  const f = byExport.get(fn)!;
  try {
    addin[excelFunctionName(f)]!(...args, ...Array<null>(f.parameters.length - args.length).fill(null));
  } catch (e) {
    expect(e).toBeInstanceOf(ExcelError);
    return e as ExcelError;
  }
  throw new Error(`expected ${fn} to fail`);
}

describe('the same error and message in Excel and in Google Sheets', () => {
  it('every user error of the table is of the kind it says (checked against toSheetError)', () => {
    const impl = sheets as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const u of USER_ERRORS) {
      expect(() => impl[u.fn]!(...u.args), u.fn).toThrow();
      try {
        impl[u.fn]!(...u.args);
      } catch (e) {
        expect(sheets.toSheetError(e).error, `${u.fn}(${JSON.stringify(u.args)})`).toBe(u.kind);
      }
    }
    // Each kind occurs, so each path of the mapping is exercised.
    expect(new Set(USER_ERRORS.map((u) => u.kind))).toEqual(new Set(['#VALUE!', '#NUM!', '#N/A']));
  });

  it.each(['all', ...ENGINES] as const)('Apps Script (%s bundle) throws "<Excel error> <message>" for each user error of its functions', (which) => {
    const errors = which === 'all' ? USER_ERRORS : USER_ERRORS.filter((u) => engineFunctions(which).some((f) => f.exportName === u.fn));
    expect(errors.length).toBeGreaterThan(0);
    const context = appsScriptContext(which);
    for (const u of errors) {
      const excel = excelError(u.fn, u.args);
      expect(['#VALUE!', '#N/A']).toContain(excel.code);
      const js = u.args.map((a) => (a === null ? 'undefined' : JSON.stringify(a))).join(', ');
      expect(appsScriptMessage(context, `${u.fn}(${js})`), `${u.fn}(${js})`).toBe(`${excel.code} ${excel.message}`);
    }
  });

  it('every kind of failure, even those no argument provokes today, is named as Excel shows it', () => {
    const codes: [DealerkitErrorCode, string][] = [
      ['invalid_input', '#VALUE!'],
      ['out_of_range', '#VALUE!'],
      ['unknown_label', '#N/A'],
      ['infeasible', '#VALUE!'],
      ['internal', '#VALUE!'],
    ];
    for (const [code, shown] of codes) {
      const context = bareContext(appsScript());
      // The bundle's namespace is read-only: the global is replaced by a copy whose DK_SPLIT throws.
      runInContext(
        `Dealerkit = Object.assign({}, Dealerkit, { DK_SPLIT: function () { throw new Dealerkit.DealerkitError(${JSON.stringify(code)}, [{ path: ['weights'], message: 'is wrong' }]); } });`,
        context,
      );
      expect(appsScriptMessage(context, 'DK_SPLIT(1, [[1]])'), code).toBe(`${shown} [dealerkit] weights: is wrong`);
    }
  });
});
