import { describe, expect, it } from 'vitest';
import { DealerkitError } from 'dealerkit';
import { SHEET_ERROR_BY_CODE, toSheetError } from 'dealerkit/sheets';
import { type DealerkitErrorCode } from 'dealerkit/design';

describe('one DealerkitError → cell error mapping', () => {
  it('maps bad input to #VALUE!, out-of-range and infeasible to #NUM!, unknown labels to #N/A', () => {
    expect(SHEET_ERROR_BY_CODE).toEqual({
      invalid_input: '#VALUE!',
      out_of_range: '#NUM!',
      unknown_label: '#N/A',
      infeasible: '#NUM!',
      internal: '#VALUE!',
    });
    expect(Object.isFrozen(SHEET_ERROR_BY_CODE)).toBe(true);
  });

  it('keeps the code and the message naming every path', () => {
    const codes: DealerkitErrorCode[] = ['invalid_input', 'out_of_range', 'unknown_label', 'infeasible', 'internal'];
    for (const code of codes) {
      const e = new DealerkitError(code, [{ path: ['tiers', 1, 'rate'], message: 'is wrong' }]);
      expect(toSheetError(e)).toEqual({ error: SHEET_ERROR_BY_CODE[code], code, message: '[dealerkit] tiers[1].rate: is wrong' });
    }
  });

  it('wraps anything else as an internal failure shown as #VALUE!', () => {
    expect(toSheetError(new TypeError('boom'))).toEqual({
      error: '#VALUE!',
      code: 'internal',
      message: '[dealerkit] (input): unexpected failure (TypeError: boom)',
    });
    expect(toSheetError('text').message).toBe('[dealerkit] (input): unexpected failure (text)');
  });

  it('reads a DealerkitError of another copy of the library by its Symbol.for brand', () => {
    // Another build of dealerkit (CJS beside ESM, an IIFE) brands its errors with the same registered symbol.
    const foreign = Object.assign(new Error('[dealerkit] x: unknown'), { name: 'DealerkitError', code: 'unknown_label', issues: [{ path: ['x'], code: 'unknown_label', message: 'unknown' }] });
    Object.defineProperty(foreign, Symbol.for('dealerkit.DealerkitError'), { value: true });
    expect(toSheetError(foreign)).toEqual({ error: '#N/A', code: 'unknown_label', message: '[dealerkit] x: unknown' });
    // Without the brand, an error that merely calls itself DealerkitError is not trusted: internal.
    const lookalike = Object.assign(new Error('[dealerkit] x: unknown'), { name: 'DealerkitError', code: 'unknown_label', issues: [] });
    expect(toSheetError(lookalike).code).toBe('internal');
  });
});
