// Every kind of dealerkit failure, including those no spreadsheet argument provokes today
// (infeasible, internal), shows in Excel with its message: the generated functions.ts is run with
// DK_SPLIT made to throw each DealerkitErrorCode, against a stand-in of the CustomFunctions runtime.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DealerkitError, SHEET_ERROR_BY_CODE, type DealerkitErrorCode } from 'dealerkit/sheets';
import { SHEET_ERROR_SHOWN } from '../../src/sheets/errors.js';

const next: { error: unknown } = { error: undefined };

vi.mock('dealerkit/sheets', async (importOriginal) => {
  const real = await importOriginal<typeof import('dealerkit/sheets')>();
  return {
    ...real,
    DK_SPLIT: () => {
      throw next.error;
    },
  };
});

class ExcelError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
let split: (...args: unknown[]) => unknown;

beforeAll(async () => {
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: ExcelError,
    ErrorCode: {
      invalidValue: '#VALUE!',
      notAvailable: '#N/A',
      divisionByZero: '#DIV/0!',
      invalidNumber: '#NUM!',
      nullReference: '#NULL!',
      invalidName: '#NAME?',
      invalidReference: '#REF!',
    },
    associate: () => undefined,
  };
  split = ((await import('../../examples/excel-addin/functions.js')) as unknown as Record<string, (...args: unknown[]) => unknown>).split!;
});

function excelErrorOf(error: unknown): ExcelError {
  next.error = error;
  try {
    split(1, [[1]], null);
  } catch (e) {
    expect(e).toBeInstanceOf(ExcelError);
    return e as ExcelError;
  }
  throw new Error('expected an Excel error');
}

describe('Excel shows every kind of dealerkit failure with its message', () => {
  const codes: DealerkitErrorCode[] = ['invalid_input', 'out_of_range', 'unknown_label', 'infeasible', 'internal'];

  it.each(codes)('%s becomes #VALUE! or #N/A (the error the one table SHEET_ERROR_SHOWN names) with the message', (code) => {
    const e = excelErrorOf(new DealerkitError(code, [{ path: ['weights', 2], message: 'is wrong' }]));
    expect({ ...e }).toEqual({ code: SHEET_ERROR_SHOWN[SHEET_ERROR_BY_CODE[code]], message: '[dealerkit] weights[2]: is wrong' });
    expect(['#VALUE!', '#N/A']).toContain(e.code);
  });

  it('a failure that is not a DealerkitError (a bug of ours) is #VALUE! with its message too', () => {
    expect({ ...excelErrorOf(new TypeError('boom')) }).toEqual({ code: '#VALUE!', message: '[dealerkit] (input): unexpected failure (TypeError: boom)' });
  });
});
