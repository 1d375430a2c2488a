// The HyperFormula plugin of dealerkit's spreadsheet functions, built from the one manifest
// (SHEET_FUNCTIONS), and a harness that builds real sheets and evaluates formulas.
// HyperFormula is GPL-licensed: it is a dev dependency used here only, never shipped.
import {
  ArraySize,
  CellError,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type FunctionPluginDefinition,
  type ImplementedFunctions,
} from 'hyperformula';
import * as sheets from 'dealerkit/sheets';
import { SHEET_FUNCTIONS, SHEET_NAMESPACE, toSheetError, type SheetFunctionSpec } from 'dealerkit/sheets';

type Fn = (...args: unknown[]) => unknown;
type Ast = { type: string; value?: unknown; args?: Ast[] };
type State = unknown;

const ERROR_TYPE = { '#VALUE!': ErrorType.VALUE, '#NUM!': ErrorType.NUM, '#N/A': ErrorType.NA } as const;

/** The formula name of a manifest entry: `DK.REBATE.TIER`. */
export function formulaName(spec: SheetFunctionSpec): string {
  return `${SHEET_NAMESPACE}.${spec.name}`;
}

class FoundError {
  constructor(readonly error: CellError) {}
}

/** HyperFormula's argument values as a spreadsheet host passes them: ranges to rows of cells, an empty cell to null. */
function toHost(value: unknown): unknown {
  if (value instanceof SimpleRangeValue) return value.rawData().map((row) => row.map((c) => toHost(c)));
  if (value === EmptyValue) return null;
  if (value instanceof CellError) throw new FoundError(value);
  // Dates, percents and currencies typed into cells are RichNumbers: hosts pass their number.
  if (typeof value === 'object' && value !== null && typeof (value as { val?: unknown }).val === 'number') return (value as { val: number }).val;
  return value;
}

function call(spec: SheetFunctionSpec, args: unknown[]): unknown {
  const impl = (sheets as unknown as Record<string, Fn>)[spec.exportName]!;
  let hostArgs: unknown[];
  try {
    hostArgs = args.map((a) => toHost(a));
  } catch (e) {
    if (e instanceof FoundError) return e.error;
    throw e;
  }
  try {
    const result = impl(...hostArgs);
    if (Array.isArray(result)) return SimpleRangeValue.onlyValues(result as (number | string | boolean)[][]);
    return result;
  } catch (e) {
    const cellError = toSheetError(e);
    return new CellError(ERROR_TYPE[cellError.error], cellError.message);
  }
}

const LITERAL = new Set(['NUMBER', 'STRING', 'EMPTY']);

function literalOf(ast: Ast): unknown {
  if (ast.type === 'EMPTY') return null;
  if (ast.type === 'MINUS_UNARY_OP') return -(literalOf(ast.value as Ast) as number);
  return ast.value;
}

function isLiteral(ast: Ast): boolean {
  return LITERAL.has(ast.type) || (ast.type === 'MINUS_UNARY_OP' && (ast.value as Ast).type === 'NUMBER');
}

/** Builds the plugin class: one method per manifest entry, and a size method per spilling one. */
export function buildDealerkitPlugin(): { plugin: FunctionPluginDefinition; translations: Record<string, Record<string, string>> } {
  const implementedFunctions: ImplementedFunctions = {};
  class DealerkitPlugin extends FunctionPlugin {}
  const proto = DealerkitPlugin.prototype as unknown as Record<string, unknown>;
  SHEET_FUNCTIONS.forEach((spec, k) => {
    const id = formulaName(spec);
    const method = `dk${k}`;
    const sizeMethod = `dk${k}Size`;
    proto[method] = function (this: FunctionPlugin, ast: { args: Ast[] }, state: State) {
      const self = this as unknown as { runFunction: Fn; metadata: (id: string) => unknown };
      return self.runFunction(ast.args, state, self.metadata(id), (...args: unknown[]) => call(spec, args));
    };
    const shape = spec.result.shape;
    if (shape.kind !== 'cell') {
      proto[sizeMethod] = function (this: FunctionPlugin, ast: { args: Ast[] }, state: State): ArraySize {
        const self = this as unknown as { arraySizeForAst: (a: Ast, s: State) => ArraySize };
        const argIndex = (name: string) => spec.parameters.findIndex((q) => q.name === name);
        switch (shape.kind) {
          case 'fixed':
            return new ArraySize(shape.columns, shape.rows);
          case 'sameAs': {
            const a = ast.args[argIndex(shape.parameter)];
            if (a === undefined) return ArraySize.error();
            // A fresh size: the one of a range argument is flagged as a reference, which must not spill.
            const s = self.arraySizeForAst(a, state);
            return new ArraySize(s.width, s.height);
          }
          case 'rowsOf': {
            const a = ast.args[argIndex(shape.parameter)];
            if (a === undefined) return ArraySize.error();
            const s = self.arraySizeForAst(a, state);
            return new ArraySize(shape.columns, s.height + shape.extraRows);
          }
          case 'computed': {
            // One row per cell of the named range argument, when it is a range.
            const ranged = shape.cellsOf === undefined ? undefined : ast.args[argIndex(shape.cellsOf)];
            if (ranged !== undefined && !isLiteral(ranged)) {
              const s = self.arraySizeForAst(ranged, state);
              return new ArraySize(shape.columns, s.width * s.height);
            }
            // Else sized by evaluating the call on its literal arguments (like SEQUENCE's rows).
            if (!ast.args.every(isLiteral)) return ArraySize.error();
            try {
              const impl = (sheets as unknown as Record<string, Fn>)[spec.exportName]!;
              const r = impl(...ast.args.map(literalOf)) as unknown[][];
              return new ArraySize(shape.columns, r.length);
            } catch {
              return ArraySize.scalar();
            }
          }
        }
      };
    }
    implementedFunctions[id] = {
      method,
      parameters: spec.parameters.map((q) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: q.optional })),
      vectorizationForbidden: true,
      ...(shape.kind === 'cell' ? {} : { sizeOfResultArrayMethod: sizeMethod }),
    };
  });
  (DealerkitPlugin as unknown as { implementedFunctions: ImplementedFunctions }).implementedFunctions = implementedFunctions;
  const names = Object.fromEntries(SHEET_FUNCTIONS.map((s) => [formulaName(s), formulaName(s)]));
  return { plugin: DealerkitPlugin as unknown as FunctionPluginDefinition, translations: { enGB: names, enUS: names } };
}

let registered = false;

/** Registers the plugin once per process. */
export function registerDealerkit(): void {
  if (registered) return;
  const { plugin, translations } = buildDealerkitPlugin();
  HyperFormula.registerFunctionPlugin(plugin, translations);
  registered = true;
}

export type Cells = (string | number | boolean | null)[][];

/**
 * Builds a workbook from sheets of raw cell contents (formulas start with '='), evaluated with
 * smartRounding off (every number is the double computed) and array arithmetic on (as in Excel 365
 * and Google Sheets, where (A2>D2:D4)*(A2-D2:D4) works element by element).
 */
export function workbook(contents: Record<string, Cells>): HyperFormula {
  registerDealerkit();
  return HyperFormula.buildFromSheets(contents, { licenseKey: 'gpl-v3', smartRounding: false, useArrayArithmetic: true });
}

/** Evaluates one sheet and returns the value of an A1 cell. */
export function valueAt(hf: HyperFormula, a1: string, sheet = 'Sheet1'): unknown {
  const address = hf.simpleCellAddressFromString(a1, hf.getSheetId(sheet)!);
  return hf.getCellValue(address!);
}

/** The values of a rectangular A1 range. */
export function valuesAt(hf: HyperFormula, a1Range: string, sheet = 'Sheet1'): unknown[][] {
  const range = hf.simpleCellRangeFromString(a1Range, hf.getSheetId(sheet)!);
  return hf.getRangeValues(range!);
}

/** The error type and message of an error cell, or undefined. */
export function errorAt(hf: HyperFormula, a1: string, sheet = 'Sheet1'): { type: string; message: string } | undefined {
  const v = valueAt(hf, a1, sheet);
  return v instanceof DetailedCellError ? { type: v.value, message: v.message } : undefined;
}
