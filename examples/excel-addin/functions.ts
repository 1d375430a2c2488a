// Generated from the dealerkit/sheets manifest (src/sheets/manifest.ts) by test/tools/sheets-generate.ts: do not edit.
// Excel custom functions under the namespace DK (set in the add-in manifest): =DK.REBATE(...).
// A failure becomes the cell error of dealerkit/sheets' one mapping (toSheetError): #VALUE! and #N/A
// carry the message; Excel shows no custom message on #NUM!.
import * as dk from 'dealerkit/sheets';

/** Turns a dealerkit failure into the Excel error of the same kind. */
function excelError(error: unknown): CustomFunctions.Error {
  const e = dk.toSheetError(error);
  if (e.error === '#NUM!') return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
  const code = e.error === '#N/A' ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code, e.message);
}

/**
 * Splits a total over weights exactly (largest remainder, ties to the earlier weight): the parts
 * sum to the total. Spills one part per weight, in the shape of the weights.
 * @customfunction SPLIT SPLIT
 * @param total The amount to split.
 * @param weights A range of weights, zero or more, not all zero.
 * @param scale Decimal places of each part, 0 to 30; omitted: the decimal places of the total.
 * @returns One part per weight, summing exactly to the total.
 */
export function split(total: number, weights: any[][], scale?: number): number[][] {
  try { return dk.DK_SPLIT(total, weights, scale); } catch (error) { throw excelError(error); }
}

/**
 * The inverse of the standard normal distribution: the safety factor z of a cycle service level
 * (like NORM.S.INV, to about 1e-16 relative).
 * @customfunction NORMINV NORMINV
 * @param p A probability strictly between 0 and 1, such as a cycle service level of 0.95.
 * @returns z such that P(Z ≤ z) = p for a standard normal Z.
 */
export function norminv(p: number): number {
  try { return dk.DK_NORMINV(p); } catch (error) { throw excelError(error); }
}

// Office's webpack plugin (custom-functions-metadata-plugin) also registers these; registering twice is harmless.
if (typeof CustomFunctions !== 'undefined' && typeof CustomFunctions.associate === 'function') {
  CustomFunctions.associate('SPLIT', split);
  CustomFunctions.associate('NORMINV', norminv);
}
