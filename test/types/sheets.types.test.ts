import { describe, expect, expectTypeOf, it } from 'vitest';
import { DealerkitError } from 'dealerkit';
import { DK_AHP, DK_CASCADE, DK_KPI_GRADE, DK_NORMINV, DK_REBATE, DK_RISK_LEVEL, DK_SPLIT, SHEET_FUNCTIONS, toSheetError, toSheetSerial, type SheetCell, type SheetError, type SheetErrorType, type SheetFunctionSpec, type SheetMatrix, type SheetScalar, type SheetValue } from 'dealerkit/sheets';

// Checked by tsc (the typecheck step of npm test); at run time the misuse cases must throw DealerkitError.
describe('dealerkit/sheets types', () => {
  it('takes what a spreadsheet passes: scalars, Dates, null/undefined and ranges', () => {
    expectTypeOf<SheetScalar>().toEqualTypeOf<number | string | boolean | Date | null | undefined>();
    expectTypeOf<SheetMatrix>().toEqualTypeOf<readonly (readonly SheetScalar[])[]>();
    expectTypeOf<SheetValue>().toEqualTypeOf<SheetScalar | SheetMatrix>();
    expectTypeOf(DK_REBATE).parameter(0).toEqualTypeOf<SheetValue>();
    expectTypeOf(DK_REBATE).parameter(4).toEqualTypeOf<SheetValue | undefined>();
  });

  it('returns a cell or rows of cells', () => {
    expectTypeOf(DK_REBATE(1, [[0, 0]])).toEqualTypeOf<number>();
    expectTypeOf(DK_NORMINV(0.5)).toEqualTypeOf<number>();
    expectTypeOf(DK_RISK_LEVEL(1, 1)).toEqualTypeOf<string>();
    expectTypeOf(DK_KPI_GRADE(1, [[0, 'A']])).toEqualTypeOf<string>();
    expectTypeOf(DK_SPLIT(1, [[1]])).toEqualTypeOf<number[][]>();
    expectTypeOf(DK_AHP([[1]])).toEqualTypeOf<number[][]>();
    expectTypeOf(DK_CASCADE(1, 2026, 'quarter')).toEqualTypeOf<SheetCell[][]>();
    expectTypeOf<SheetCell>().toEqualTypeOf<number | string | boolean>();
  });

  it('describes the manifest and the error mapping', () => {
    expectTypeOf(SHEET_FUNCTIONS).toEqualTypeOf<readonly SheetFunctionSpec[]>();
    expectTypeOf(toSheetError(new Error('x'))).toEqualTypeOf<SheetError>();
    expectTypeOf<SheetErrorType>().toEqualTypeOf<'#VALUE!' | '#NUM!' | '#N/A'>();
    expectTypeOf(toSheetSerial).parameter(0).toEqualTypeOf<string | Date>();
  });

  it('refuses misuse at compile time, and at run time with a DealerkitError', () => {
    // @ts-expect-error: the amount and the tiers are required
    expect(() => DK_REBATE()).toThrow(DealerkitError);
    // @ts-expect-error: an object is not a cell or a range
    expect(() => DK_SPLIT({ total: 1 }, [[1]])).toThrow(DealerkitError);
    // @ts-expect-error: a range is rows of cells, not a flat list of rows of rows
    expect(() => DK_SPLIT(1, [[[1]]])).toThrow(DealerkitError);
    // @ts-expect-error: a serial is not a DateInput (read it with toIsoDateFromSheet)
    expect(() => toSheetSerial(46082)).toThrow(DealerkitError);
  });
});
