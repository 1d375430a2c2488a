/**
 * dealerkit/sheets: dealerkit's exact answers in a spreadsheet cell.
 *
 * UPPERCASE functions (`DK_REBATE`, `DK_SPLIT`, ...) take what a spreadsheet passes (numbers,
 * texts, booleans, dates, `null` for an omitted argument, and ranges as rows of cells) and
 * return a number, a text or rows of cells that spill. One manifest, {@link SHEET_FUNCTIONS},
 * describes them all; the build generates Excel's custom-function metadata and `functions.ts`
 * and the Google Apps Script wrappers from it. A failure becomes a cell error through
 * {@link toSheetError}.
 *
 * @module sheets
 */
export { DK_REBATE, DK_REBATE_TIER, DK_REBATE_NEXTGAP } from './rebates.js';
export { DK_KPI_SCORE, DK_KPI_GRADE, DK_AHP } from './kpi.js';
export { DK_RISK_LEVEL, DK_ALTMAN, DK_ALTMAN_ZONE } from './risk.js';
export { DK_SPLIT } from './split.js';
export { DK_CASCADE, DK_PACE } from './targets.js';
export { DK_SAFETYSTOCK, DK_REORDERPOINT, DK_EOQ, DK_ORDERQTY, DK_NORMINV } from './inventory.js';
export { SHEET_FUNCTIONS, SHEET_NAMESPACE } from './manifest.js';
export type {
  SheetFunctionSpec,
  SheetParameterSpec,
  SheetResultSpec,
  SheetResultShape,
  SheetCellShape,
  SheetSameAsShape,
  SheetRowsOfShape,
  SheetFixedShape,
  SheetComputedShape,
  SheetParameterType,
  SheetDimensionality,
  SheetModule,
} from './manifest.js';
export { SHEET_ERROR_BY_CODE, SHEET_ERROR_SHOWN, toSheetError } from './errors.js';
export type { SheetError, SheetErrorType, SheetMessageErrorType } from './errors.js';
export { toIsoDateFromSheet, toSheetSerial } from './args.js';
export type { SheetScalar, SheetMatrix, SheetValue, SheetCell, SheetCellMatrix } from './args.js';

export { DealerkitError, isDealerkitError } from '../core/errors.js';
export type { DealerkitErrorCode, DealerkitIssue, DealerkitIssueCode } from '../core/errors.js';
