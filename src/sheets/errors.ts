import { isDealerkitError, wrapThrown, type DealerkitError, type DealerkitErrorCode } from '../core/errors.js';

/** The cell errors a dealerkit spreadsheet function can show. */
export type SheetErrorType = '#VALUE!' | '#NUM!' | '#N/A';

/**
 * Which kind of cell error each {@link DealerkitErrorCode} is: `#VALUE!` for input of the wrong
 * kind, `#NUM!` for a number outside what the calculation allows or a request that cannot be met,
 * `#N/A` for a name that is not defined. HyperFormula shows the kind; Excel and Google Sheets show
 * a `#NUM!` as `#VALUE!`, so that its message is seen.
 *
 * @example
 * ```ts
 * SHEET_ERROR_BY_CODE.unknown_label;
 * //=> '#N/A'
 * ```
 */
export const SHEET_ERROR_BY_CODE: Readonly<Record<DealerkitErrorCode, SheetErrorType>> = Object.freeze({
  invalid_input: '#VALUE!',
  out_of_range: '#NUM!',
  unknown_label: '#N/A',
  infeasible: '#NUM!',
  internal: '#VALUE!',
});

/** The two cell errors on which Excel shows a custom function's message. */
export type SheetMessageErrorType = '#VALUE!' | '#N/A';

/**
 * The cell error a failure shows as in Excel and Google Sheets, so that its message is seen.
 * Excel shows a custom function's message only with `#VALUE!` and `#N/A`
 * (`CustomFunctions.ErrorCode.invalidValue` and `notAvailable`; a `#NUM!` would show bare), so a
 * `#NUM!` (a number out of range, a request that cannot be met) shows as `#VALUE!` with its
 * message; the Apps Script wrappers start their message with the same error. The generator of
 * the host files (test/tools/sheets-generate.ts) applies it; {@link SHEET_ERROR_BY_CODE} keeps
 * the kind (HyperFormula shows `#NUM!` with the message).
 *
 * @example
 * ```ts
 * [SHEET_ERROR_SHOWN['#NUM!'], SHEET_ERROR_SHOWN['#N/A']];
 * //=> ['#VALUE!', '#N/A']
 * ```
 */
export const SHEET_ERROR_SHOWN: Readonly<Record<SheetErrorType, SheetMessageErrorType>> = Object.freeze({
  '#VALUE!': '#VALUE!',
  '#NUM!': '#VALUE!',
  '#N/A': '#N/A',
});

/** A failure of a spreadsheet function as a host shows it: the cell error and the message. */
export interface SheetError {
  /** The cell error: `#VALUE!`, `#NUM!` or `#N/A`. */
  error: SheetErrorType;
  /** The {@link DealerkitErrorCode} behind it. */
  code: DealerkitErrorCode;
  /** The message, naming every offending argument: `[dealerkit] tiers[1].rate: must not be negative, received -0.01`. */
  message: string;
}

/**
 * Turns anything a dealerkit spreadsheet function threw into the cell error a host shows.
 *
 * This is the one mapping every host adapter uses: the Excel add-in throws
 * `new CustomFunctions.Error(code, message)` with `#VALUE!` or `#N/A` (Excel shows a message on
 * those two only, so a `#NUM!` shows as `#VALUE!`), the Apps Script wrappers throw an `Error` whose
 * message starts with that same error, and the HyperFormula plugin returns a `CellError` of the
 * kind (`#VALUE!`, `#NUM!` or `#N/A`) with the message.
 *
 * @example
 * ```ts
 * try { DK_SPLIT(100, [[1], ['x']]); } catch (e) { toSheetError(e).error; }
 * //=> '#VALUE!'
 * ```
 */
export function toSheetError(error: unknown): SheetError {
  // A DealerkitError from another copy of the library (two bundles in one page) is read by its shape.
  const e: DealerkitError = isDealerkitError(error) ? error : wrapThrown(error);
  return { error: SHEET_ERROR_BY_CODE[e.code], code: e.code, message: e.message };
}
