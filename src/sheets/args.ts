import { Decimal, toDecimal } from '../core/decimal.js';
import { formatUtcDate, isoDateAt, type DateInput, type IsoDate } from '../core/dates.js';
import { IssueCollector, invalid, outOfRange, wrapThrown, type IssuePath } from '../core/errors.js';

/**
 * One cell value as a spreadsheet host passes it: a number, a string, a boolean, a `Date`
 * (Google Apps Script passes date cells as `Date`), or nothing (`null`, `undefined` or `''`).
 */
export type SheetScalar = number | string | boolean | Date | null | undefined;

/** A range as a spreadsheet host passes it: rows of cells, row-major, every row the same length. */
export type SheetMatrix = readonly (readonly SheetScalar[])[];

/** Any argument of a spreadsheet function: one cell or a range. */
export type SheetValue = SheetScalar | SheetMatrix;

/** One cell of a result: a number, a string or a boolean. */
export type SheetCell = number | string | boolean;

/** A spilled result: rows of cells, row-major, every row the same length. */
export type SheetCellMatrix = SheetCell[][];

/** True for the values a spreadsheet passes for "nothing here": `null`, `undefined` and `''`. @internal */
export function isOmitted(value: unknown): value is null | undefined | '' {
  return value === null || value === undefined || value === '';
}

function describeCell(value: unknown): string {
  if (value === null) return 'an empty cell';
  if (value === undefined) return 'nothing';
  if (value === '') return 'an empty string';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return 'a date';
  if (Array.isArray(value)) return 'a range';
  return typeof value === 'object' ? 'an object' : typeof value;
}

/** How a cell value is described in a message: `"abc"`, `TRUE`, `a date`, `a range`. @internal */
export function describeSheetValue(value: unknown): string {
  return describeCell(value);
}

/** Reads a matrix argument's shape; a scalar is a 1×1 range. Rows must be arrays of equal length. @internal */
export function matrixAt(value: unknown, path: IssuePath): SheetScalar[][] {
  if (!Array.isArray(value)) return [[value as SheetScalar]];
  if (value.length === 0) return invalid(path, 'must be a range with at least one cell, received an empty range');
  const rows: SheetScalar[][] = [];
  let width = -1;
  for (let r = 0; r < value.length; r++) {
    const row: unknown = value[r];
    if (!Array.isArray(row)) {
      return invalid(path, `must be a range given as rows of cells, but row ${r + 1} is ${describeSheetValue(row)}`);
    }
    if (width === -1) width = row.length;
    else if (row.length !== width) {
      return invalid(path, `must be a rectangular range, but row ${r + 1} has ${row.length} cells and row 1 has ${width}`);
    }
    rows.push(row as SheetScalar[]);
  }
  if (width === 0) return invalid(path, 'must be a range with at least one cell, received rows without cells');
  return rows;
}

/** Unwraps a 1×1 range to its cell; a larger range is an error naming `path`. @internal */
export function scalarAt(value: unknown, path: IssuePath): SheetScalar {
  if (!Array.isArray(value)) return value as SheetScalar;
  const m = matrixAt(value, path);
  if (m.length !== 1 || m[0]!.length !== 1) {
    return invalid(path, `must be a single cell, received a range of ${m.length} rows × ${m[0]!.length} columns`);
  }
  return m[0]![0];
}

const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Reads a number (a finite number or a numeric string); booleans, dates and text are errors. @internal */
export function numberAt(value: unknown, path: IssuePath, where = ''): number {
  const v = scalarAt(value, path);
  if (typeof v === 'number') {
    if (Number.isFinite(v)) return v === 0 ? 0 : v;
    return invalid(path, `must be a finite number, received ${String(v)}${where}`);
  }
  if (typeof v === 'string' && NUMERIC.test(v)) {
    const n = Number(v);
    if (Number.isFinite(n)) return n === 0 ? 0 : n;
    return outOfRange(path, `is out of the range of a spreadsheet number, received ${describeSheetValue(v)}${where}`);
  }
  if (isOmitted(v)) return invalid(path, `is required (a number), received ${describeSheetValue(v)}${where}`);
  return invalid(path, `must be a number, received ${describeSheetValue(v)}${where}`);
}

/** {@link numberAt}, or `undefined` when the argument is omitted. @internal */
export function optionalNumberAt(value: unknown, path: IssuePath): number | undefined {
  const v = scalarAt(value, path);
  return isOmitted(v) ? undefined : numberAt(v, path);
}

/**
 * Reads an exact number. A numeric string keeps all its digits; a number is read by its shortest
 * round-trip text, so the cell value 0.1 is exactly 0.1. @internal
 */
export function decimalAt(value: unknown, path: IssuePath, where = ''): Decimal {
  const v = scalarAt(value, path);
  if (typeof v === 'string' && NUMERIC.test(v)) {
    // A cell holds a double: text beyond its range (`'1e400'`) is refused at the argument, as numberAt does.
    if (!Number.isFinite(Number(v))) return outOfRange(path, `is out of the range of a spreadsheet number, received ${describeSheetValue(v)}${where}`);
    return toDecimal(v, path);
  }
  return toDecimal(numberAt(v, path, where), path);
}

/** {@link decimalAt}, or `undefined` when the argument is omitted. @internal */
export function optionalDecimalAt(value: unknown, path: IssuePath): Decimal | undefined {
  const v = scalarAt(value, path);
  return isOmitted(v) ? undefined : decimalAt(v, path);
}

/** Reads a whole number from `min` to `max`. @internal */
export function integerAt(value: unknown, path: IssuePath, min: number, max: number): number {
  const n = numberAt(value, path);
  if (!Number.isInteger(n)) return invalid(path, `must be a whole number, received ${n}`);
  if (n < min || n > max) return outOfRange(path, `must be from ${min} to ${max}, received ${n}`);
  return n;
}

/** Reads a text argument (numbers are not text). @internal */
export function stringAt(value: unknown, path: IssuePath): string {
  const v = scalarAt(value, path);
  if (typeof v === 'string' && v !== '') return v;
  if (isOmitted(v)) return invalid(path, `is required (a text), received ${describeSheetValue(v)}`);
  return invalid(path, `must be a text, received ${describeSheetValue(v)}`);
}

/** {@link stringAt}, or `undefined` when the argument is omitted. @internal */
export function optionalStringAt(value: unknown, path: IssuePath): string | undefined {
  const v = scalarAt(value, path);
  return isOmitted(v) ? undefined : stringAt(v, path);
}

/**
 * Reads one of a closed list of words, ignoring case and surrounding spaces (`"Incremental"`
 * reads as `'incremental'`); returns the canonical spelling. @internal
 */
export function choiceAt<T extends string>(value: unknown, path: IssuePath, choices: readonly T[]): T {
  const s = stringAt(value, path);
  const key = s.trim().toLowerCase();
  for (const c of choices) if (c.toLowerCase() === key) return c;
  return invalid(path, `must be one of ${choices.map((c) => `"${c}"`).join(', ')}, received ${describeSheetValue(s)}`);
}

/** {@link choiceAt}, or `undefined` when the argument is omitted. @internal */
export function optionalChoiceAt<T extends string>(value: unknown, path: IssuePath, choices: readonly T[]): T | undefined {
  const v = scalarAt(value, path);
  return isOmitted(v) ? undefined : choiceAt(v, path, choices);
}

/** Reads TRUE/FALSE (also 1/0 and the texts "TRUE"/"FALSE"). @internal */
export function booleanAt(value: unknown, path: IssuePath): boolean {
  const v = scalarAt(value, path);
  if (typeof v === 'boolean') return v;
  if (v === 1 || v === 0) return v === 1;
  if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
  return invalid(path, `must be TRUE or FALSE, received ${describeSheetValue(v)}`);
}

/** {@link booleanAt}, or `undefined` when the argument is omitted. @internal */
export function optionalBooleanAt(value: unknown, path: IssuePath): boolean | undefined {
  const v = scalarAt(value, path);
  return isOmitted(v) ? undefined : booleanAt(v, path);
}

/** The first serial of the Excel 1900 date system that names the same day in every spreadsheet (1900-03-01). @internal */
export const FIRST_SHEET_SERIAL = 61;
/** The last serial dealerkit reads as a date: 9999-12-31. @internal */
export const LAST_SHEET_SERIAL = 2958465;
const MS_PER_DAY = 86_400_000;
// Serial 61 is 1900-03-01; from there on, serial n is the day n after 1899-12-30.
const EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * Reads a date: an Excel serial (1900 date system, from 61 = 1900-03-01; a fraction, the time of
 * day, is dropped), a `Date` (read as its UTC calendar date) or an ISO text `YYYY-MM-DD`. @internal
 */
export function dateAt(value: unknown, path: IssuePath): IsoDate {
  const v = scalarAt(value, path);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return invalid(path, `must be a date (a date cell, a serial number or YYYY-MM-DD), received ${String(v)}`);
    const day = Math.floor(v);
    if (day < FIRST_SHEET_SERIAL || day > LAST_SHEET_SERIAL) {
      return outOfRange(
        path,
        `must be a date serial from ${FIRST_SHEET_SERIAL} (1900-03-01) to ${LAST_SHEET_SERIAL} (9999-12-31), received ${v}` +
          (day >= 1 && day < FIRST_SHEET_SERIAL ? ' (serials before 61 differ between Excel and other spreadsheets)' : ''),
      );
    }
    return formatUtcDate(new Date(EPOCH_MS + day * MS_PER_DAY));
  }
  if (v instanceof Date || typeof v === 'string') {
    if (v === '') return invalid(path, 'is required (a date), received an empty string');
    return isoDateAt(v, path);
  }
  if (isOmitted(v)) return invalid(path, `is required (a date), received ${describeSheetValue(v)}`);
  return invalid(path, `must be a date (a date cell, a serial number or YYYY-MM-DD), received ${describeSheetValue(v)}`);
}

/**
 * The Excel serial (1900 date system) of an ISO date from 1900-03-01 on: the number a spreadsheet
 * stores for that date. @internal
 */
export function serialOfIsoDate(iso: IsoDate): number {
  const ms = Date.UTC(2000, Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  const d = new Date(ms);
  d.setUTCFullYear(Number(iso.slice(0, 4)));
  return Math.round((d.getTime() - EPOCH_MS) / MS_PER_DAY);
}

/** A number as a cell shows it: the nearest double to the exact decimal. @internal */
export function cellOf(value: Decimal): number {
  const n = Number(value.toString());
  // A figure beyond a double's range would show as ±Infinity (and one below it as a silent 0 is
  // what a spreadsheet shows anyway): refuse it, so no sheet function returns a non-finite number.
  if (!Number.isFinite(n)) return outOfRange([], `gives a ${value.isNeg() ? 'negative ' : ''}result beyond the range of a spreadsheet number (about 1.8e308): check the arguments' magnitudes`);
  return n === 0 ? 0 : n;
}

/** The cells of a range in row-major order, each with its 1-based row and column. @internal */
export interface SheetVector {
  cells: SheetScalar[];
  rows: number;
  columns: number;
}

/** Reads a range of any shape as a list of cells in row-major order, with its shape. @internal */
export function vectorAt(value: unknown, path: IssuePath): SheetVector {
  const m = matrixAt(value, path);
  const cells: SheetScalar[] = [];
  for (const row of m) for (const c of row) cells.push(c);
  return { cells, rows: m.length, columns: m[0]!.length };
}

/** Reshapes a row-major list into `rows` × `columns` cells. @internal */
export function reshape<T extends SheetCell>(cells: readonly T[], rows: number, columns: number): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < rows; r++) out.push(cells.slice(r * columns, (r + 1) * columns));
  return out;
}

/** A column of a table argument read from a range. @internal */
export interface SheetColumn {
  /** The field name in messages: `from`, `rate`. */
  name: string;
  /** Whether the column must be present in the range. */
  required: boolean;
}

/** A table argument read from a range: its data rows (header dropped) and where they start. @internal */
export interface SheetTable {
  /** Data rows, each padded to the known columns with `null`. */
  rows: SheetScalar[][];
  /** 1 when the range's first row was a header of texts, else 0. */
  headerRows: number;
}

function isHeaderRow(row: readonly SheetScalar[]): boolean {
  return row.every((c) => typeof c === 'string' && c.trim() !== '' && !NUMERIC.test(c.trim()));
}

/**
 * Reads a table (tiers, weights, grades) from a range by its columns, in the order given.
 *
 * A first row made only of non-numeric texts is a header and is skipped; rows left entirely
 * empty at the end of the range are dropped (a range selected larger than its data); the range
 * must have at least the required columns and at most all the known ones. @internal
 */
export function tableAt(value: unknown, path: IssuePath, columns: readonly SheetColumn[], minRows = 1): SheetTable {
  const m = matrixAt(value, path);
  const required = columns.filter((c) => c.required).length;
  const width = m[0]!.length;
  const names = columns.map((c) => c.name).join(', ');
  if (width < required || width > columns.length) {
    const expected = required === columns.length ? `${columns.length}` : `${required} to ${columns.length}`;
    invalid(path, `must have ${expected} columns (${names}), received ${width}`);
  }
  const headerRows = isHeaderRow(m[0]!) ? 1 : 0;
  let end = m.length;
  while (end > headerRows && m[end - 1]!.every((c) => isOmitted(c))) end--;
  const rows: SheetScalar[][] = [];
  for (let r = headerRows; r < end; r++) {
    const row = m[r]!.slice();
    while (row.length < columns.length) row.push(null);
    rows.push(row);
  }
  if (rows.length < minRows) {
    invalid(path, `must hold at least ${minRows} row${minRows === 1 ? '' : 's'} of data (${names}), received ${rows.length}`);
  }
  return { rows, headerRows };
}

/** " (row 3, column 2 of the range)": where a table cell sits, for messages. @internal */
export function cellWhere(table: SheetTable, row: number, column: number): string {
  return ` (row ${row + 1 + table.headerRows}, column ${column + 1} of the range)`;
}

/**
 * Reads one numeric column of a table into exact numbers, collecting every bad cell.
 * An omitted cell in an optional column gives `undefined`. @internal
 */
export function tableDecimals(
  table: SheetTable,
  path: IssuePath,
  column: number,
  field: string,
  optional: boolean,
  issues: IssueCollector,
): (Decimal | undefined)[] {
  return table.rows.map((row, r) => {
    const cell = row[column];
    if (optional && isOmitted(cell)) return undefined;
    try {
      return decimalAt(cell, [...path, r, field], cellWhere(table, r, column));
    } catch (e) {
      const issue = (e as { issues: { path: (string | number)[]; message: string }[] }).issues[0]!;
      issues.add(issue.path, issue.message, (e as { code: 'invalid_input' }).code);
      return undefined;
    }
  });
}

/**
 * Reads a date the way every dealerkit spreadsheet function does: an Excel serial number (1900
 * date system, from 61 = 1900-03-01; a time of day is dropped), a `Date` (its UTC calendar date)
 * or an ISO text `YYYY-MM-DD`; returns the ISO date.
 *
 * @example
 * ```ts
 * [toIsoDateFromSheet(46082), toIsoDateFromSheet(61), toIsoDateFromSheet(new Date(Date.UTC(2026, 2, 1)))];
 * //=> ['2026-03-01', '1900-03-01', '2026-03-01']
 * ```
 */
export function toIsoDateFromSheet(value: SheetValue): IsoDate {
  try {
    return dateAt(value, ['date']);
  } catch (error) {
    throw wrapThrown(error);
  }
}

/**
 * The serial number a spreadsheet stores for a date (Excel 1900 date system, also Google Sheets
 * and LibreOffice from 1900-03-01 on): what dealerkit's spreadsheet functions return for dates.
 *
 * @example
 * ```ts
 * [toSheetSerial('2026-03-01'), toSheetSerial('1900-03-01')];
 * //=> [46082, 61]
 * ```
 */
export function toSheetSerial(date: DateInput): number {
  try {
    const iso = isoDateAt(date, ['date']);
    if (iso < '1900-03-01') outOfRange(['date'], `must be 1900-03-01 or later to have a spreadsheet serial, received ${iso}`);
    return serialOfIsoDate(iso);
  } catch (error) {
    throw wrapThrown(error);
  }
}
