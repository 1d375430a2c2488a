/** The kind of value a spreadsheet host hands a parameter (Excel converts to it before the call; `any` passes cells as they are). */
export type SheetParameterType = 'number' | 'string' | 'boolean' | 'any';

/** One cell (`scalar`) or a range (`matrix`, rows of cells). */
export type SheetDimensionality = 'scalar' | 'matrix';

/** One parameter of a spreadsheet function, in the order of the formula's arguments. */
export interface SheetParameterSpec {
  /** The name users see in the formula hint; a JavaScript identifier (`amount`, `tiers`). */
  readonly name: string;
  /** What to pass, in one line (at most 128 characters, Excel's limit for older hosts). */
  readonly description: string;
  /** The value type hosts pass. */
  readonly type: SheetParameterType;
  /** One cell or a range. */
  readonly dimensionality: SheetDimensionality;
  /** Whether the argument may be left out (then the function gets `null` or `undefined`). */
  readonly optional: boolean;
}

/** A result of one cell. */
export interface SheetCellShape {
  /** Always `'cell'`. */
  readonly kind: 'cell';
}

/** A spill the shape of the range passed as one of the parameters. */
export interface SheetSameAsShape {
  /** Always `'sameAs'`. */
  readonly kind: 'sameAs';
  /** The parameter whose range gives the shape. */
  readonly parameter: string;
}

/** A spill with one row per row of a range parameter, plus extra rows. */
export interface SheetRowsOfShape {
  /** Always `'rowsOf'`. */
  readonly kind: 'rowsOf';
  /** The parameter whose rows are counted. */
  readonly parameter: string;
  /** Rows added after them (a consistency ratio after the weights). */
  readonly extraRows: number;
  /** The spill's width. */
  readonly columns: number;
}

/** A spill of a fixed size. */
export interface SheetFixedShape {
  /** Always `'fixed'`. */
  readonly kind: 'fixed';
  /** The spill's height. */
  readonly rows: number;
  /** The spill's width. */
  readonly columns: number;
}

/** A spill whose height depends on the arguments' values. */
export interface SheetComputedShape {
  /** Always `'computed'`. */
  readonly kind: 'computed';
  /** The spill's width. */
  readonly columns: number;
  /** A parameter that, when it is a range, has one cell per row of the result. */
  readonly cellsOf?: string;
}

/**
 * How big a result is, known before it is computed (HyperFormula sizes a spill when it parses the
 * formula; Excel and Google Sheets size it from the returned array): one cell, the shape of a
 * range argument, one row per row of a range argument, a fixed size, or as many rows as the
 * arguments ask for (HyperFormula then needs literal arguments, or the range named by `cellsOf`).
 */
export type SheetResultShape = SheetCellShape | SheetSameAsShape | SheetRowsOfShape | SheetFixedShape | SheetComputedShape;

/** The result of a spreadsheet function. */
export interface SheetResultSpec {
  /** The value type of its cells. */
  readonly type: SheetParameterType;
  /** One cell or a spilled range. */
  readonly dimensionality: SheetDimensionality;
  /** Its size, for hosts that size spills in advance. */
  readonly shape: SheetResultShape;
  /** What the cells hold, in one line. */
  readonly description: string;
}

/** The module of dealerkit a spreadsheet function is built on. */
export type SheetModule = 'core' | 'rebates' | 'kpi' | 'risk' | 'targets' | 'inventory';

/**
 * One spreadsheet function: everything the Excel metadata, the Excel add-in's `functions.ts`, the
 * Apps Script wrappers and the HyperFormula plugin are generated from.
 */
export interface SheetFunctionSpec {
  /**
   * The function's name under the {@link SHEET_NAMESPACE} (`REBATE.TIER` is called `=DK.REBATE.TIER`).
   * It is also the Excel function id, stored in workbooks: it never changes after a release.
   */
  readonly name: string;
  /** The JavaScript function that computes it, exported by `dealerkit/sheets` and called by the Apps Script wrapper of the same name (`DK_REBATE_TIER`). */
  readonly exportName: string;
  /** The dealerkit module it is built on. */
  readonly module: SheetModule;
  /** What it computes, in a sentence or two (at most 1024 characters). */
  readonly description: string;
  /** Its parameters, required ones first. */
  readonly parameters: readonly SheetParameterSpec[];
  /** Its result. */
  readonly result: SheetResultSpec;
}

/**
 * The namespace every dealerkit spreadsheet function is called under: `=DK.REBATE(...)` in Excel
 * (set in the add-in manifest) and HyperFormula; `=DK_REBATE(...)` in Google Sheets.
 *
 * @example
 * ```ts
 * `=${SHEET_NAMESPACE}.SPLIT(A2, B2:B13)`;
 * //=> '=DK.SPLIT(A2, B2:B13)'
 * ```
 */
export const SHEET_NAMESPACE = 'DK';

function p(name: string, description: string, type: SheetParameterType, dimensionality: SheetDimensionality, optional = false): SheetParameterSpec {
  return Object.freeze({ name, description, type, dimensionality, optional });
}

function cell(type: SheetParameterType, description: string): SheetResultSpec {
  return Object.freeze({ type, dimensionality: 'scalar', shape: Object.freeze({ kind: 'cell' }), description });
}

function spill(shape: SheetResultShape, description: string, type: SheetParameterType = 'any'): SheetResultSpec {
  return Object.freeze({ type, dimensionality: 'matrix', shape: Object.freeze(shape), description });
}

function fn(spec: SheetFunctionSpec): SheetFunctionSpec {
  return Object.freeze({ ...spec, parameters: Object.freeze([...spec.parameters]) });
}

const TIER_PARAMETERS: SheetParameterSpec[] = [
  p('amount', 'Net sales of the period.', 'number', 'scalar'),
  p('tiers', 'The tier table: rows of from, rate and optional fixed amount, ascending from 0; a header row is skipped.', 'any', 'matrix'),
  p('method', '"retroactive" (default), "incremental" or "step".', 'string', 'scalar', true),
  p('target', 'The sales target: the tiers are then attainment rates (0.9 = 90 %).', 'number', 'scalar', true),
];

const DEMAND_PARAMETERS: SheetParameterSpec[] = [
  p('demandPerDay', 'Mean demand per day, in units.', 'number', 'scalar'),
  p('sdPerDay', 'Standard deviation of daily demand, in units.', 'number', 'scalar'),
  p('leadTimeDays', 'Mean lead time in days.', 'number', 'scalar'),
  p('serviceLevel', 'Cycle service level, strictly between 0 and 1 (0.95).', 'number', 'scalar'),
  p('leadTimeSdDays', 'Standard deviation of the lead time in days (default 0).', 'number', 'scalar', true),
];

const ALTMAN_PARAMETERS: SheetParameterSpec[] = [
      p('variant', '"z" (listed manufacturers), "z-prime" (private firms) or "z-double-prime" (non-manufacturers).', 'string', 'scalar'),
      p('workingCapital', 'Current assets − current liabilities.', 'number', 'scalar'),
      p('totalAssets', 'Total assets, above 0.', 'number', 'scalar'),
      p('retainedEarnings', 'Retained earnings.', 'number', 'scalar'),
      p('ebit', 'Earnings before interest and taxes.', 'number', 'scalar'),
      p('equity', 'Market value of equity for "z", book value of equity otherwise.', 'number', 'scalar'),
      p('totalLiabilities', 'Total liabilities, above 0.', 'number', 'scalar'),
      p('sales', 'Sales of the year (required by "z" and "z-prime").', 'number', 'scalar', true),
    ];

/**
 * The manifest: every dealerkit spreadsheet function, in the order users meet them. The build
 * generates Excel's `functions.json` and `functions.ts` and the Apps Script wrappers from it, and
 * the tests build the HyperFormula plugin from it.
 *
 * @example
 * ```ts
 * SHEET_FUNCTIONS.find((f) => f.name === 'SPLIT')!.parameters.map((q) => q.name);
 * //=> ['total', 'weights', 'scale']
 * ```
 */
export const SHEET_FUNCTIONS: readonly SheetFunctionSpec[] = Object.freeze([
  fn({
    name: 'REBATE',
    exportName: 'DK_REBATE',
    module: 'rebates',
    description:
      'The rebate on an amount by a tier table (rows: from, rate, optional fixed; ascending from 0), rounded once to the currency\'s minor unit. Method "retroactive" (default: the tier reached prices the whole amount), "incremental" (each band at its rate) or "step" (the fixed amount). With a target, tiers are attainment rates.',
    parameters: TIER_PARAMETERS.concat([p('currency', 'ISO 4217 code (CNY, USD, JPY) setting the rounding; omitted: 2 decimal places.', 'string', 'scalar', true)]),
    result: cell('number', 'The rebate.'),
  }),
  fn({
    name: 'REBATE.TIER',
    exportName: 'DK_REBATE_TIER',
    module: 'rebates',
    description: 'The tier an amount reaches in a tier table, counted from 1 (the first row of data), for INDEX(names, ...).',
    parameters: TIER_PARAMETERS,
    result: cell('number', 'The tier reached, from 1.'),
  }),
  fn({
    name: 'REBATE.NEXTGAP',
    exportName: 'DK_REBATE_NEXTGAP',
    module: 'rebates',
    description: 'The extra sales that reach the next tier of a tier table (with a target, still in sales), or 0 in the top tier.',
    parameters: TIER_PARAMETERS,
    result: cell('number', 'The sales still needed for the next tier; 0 in the top tier.'),
  }),
  fn({
    name: 'KPI.SCORE',
    exportName: 'DK_KPI_SCORE',
    module: 'kpi',
    description:
      'A dealer\'s weighted KPI score (100 = on target): the sum of each KPI\'s points × weight, exact. Scoring per KPI: "ratio" (default, actual / target × 100), "reduction" (lower is better) or "deviation" (best at the target).',
    parameters: [
      p('actuals', 'The actual per KPI: a row or a column.', 'any', 'matrix'),
      p('targets', 'The target per KPI (above 0), as many cells as the actuals.', 'any', 'matrix'),
      p('weights', 'The weight per KPI (0 or more, summing to exactly 1).', 'any', 'matrix'),
      p('scoring', '"ratio" (default), "reduction" or "deviation": one word, or one cell per KPI.', 'any', 'matrix', true),
    ],
    result: cell('number', 'The weighted score.'),
  }),
  fn({
    name: 'KPI.GRADE',
    exportName: 'DK_KPI_GRADE',
    module: 'kpi',
    description: 'The grade of a score in a table of rows (min, grade), in any order: the grade with the highest minimum the score reaches; #N/A below every minimum.',
    parameters: [
      p('score', 'A KPI score.', 'number', 'scalar'),
      p('grades', 'The grade table: rows of minimum score and grade name; a header row is skipped.', 'any', 'matrix'),
    ],
    result: cell('string', 'The grade.'),
  }),
  fn({
    name: 'AHP',
    exportName: 'DK_AHP',
    module: 'kpi',
    description:
      'Weights from a pairwise comparison matrix (analytic hierarchy process): spills one weight per item, then the consistency ratio (Saaty: consistent at 0.1 or less).',
    parameters: [
      p('matrix', 'A square reciprocal matrix: how many times the row item matters more than the column item ("1/3" as text).', 'any', 'matrix'),
      p('method', '"eigenvector" (default) or "geometric-mean".', 'string', 'scalar', true),
    ],
    result: spill({ kind: 'rowsOf', parameter: 'matrix', extraRows: 1, columns: 1 }, 'One weight per item (summing to 1), then the consistency ratio.', 'number'),
  }),
  fn({
    name: 'RISK.LEVEL',
    exportName: 'DK_RISK_LEVEL',
    module: 'risk',
    description:
      'The risk level of a likelihood and an impact (labels, or positions from 1 = lowest) in a risk matrix: a preset ("nist" = NIST SP 800-30 Table I-2, the default; "nist-likelihood"; "5x5"; "3x3") or a range with impact labels in the first row and likelihood labels in the first column.',
    parameters: [
      p('likelihood', 'A likelihood label ("moderate") or position (1 = lowest).', 'any', 'scalar'),
      p('impact', 'An impact label ("high") or position (1 = lowest).', 'any', 'scalar'),
      p('matrix', 'A preset name or a range: impact labels across, likelihood labels down, lowest first; levels inside.', 'any', 'matrix', true),
    ],
    result: cell('string', 'The risk level label.'),
  }),
  fn({
    name: 'ALTMAN',
    exportName: 'DK_ALTMAN',
    module: 'risk',
    description: 'Altman\'s Z-score of a firm, full precision, in the variant given: Z (1968), Z′ (private firms) or Z″ (non-manufacturers, no sales term).',
    parameters: ALTMAN_PARAMETERS,
    result: cell('number', 'The Z-score.'),
  }),
  fn({
    name: 'ALTMAN.ZONE',
    exportName: 'DK_ALTMAN_ZONE',
    module: 'risk',
    description: 'The zone of Altman\'s Z-score by the variant\'s own cut-offs: "distress", "grey" (both cut-offs included) or "safe".',
    parameters: ALTMAN_PARAMETERS,
    result: cell('string', '"distress", "grey" or "safe".'),
  }),
  fn({
    name: 'SPLIT',
    exportName: 'DK_SPLIT',
    module: 'core',
    description:
      'Splits a total over weights exactly (largest remainder, ties to the earlier weight): the parts sum to the total. Spills one part per weight, in the shape of the weights.',
    parameters: [
      p('total', 'The amount to split.', 'number', 'scalar'),
      p('weights', 'A range of weights, zero or more, not all zero.', 'any', 'matrix'),
      p('scale', 'Decimal places of each part, 0 to 30; omitted: the decimal places of the total.', 'number', 'scalar', true),
    ],
    result: spill({ kind: 'sameAs', parameter: 'weights' }, 'One part per weight, summing exactly to the total.', 'number'),
  }),
  fn({
    name: 'CASCADE',
    exportName: 'DK_CASCADE',
    module: 'targets',
    description:
      'Splits a year\'s target into its quarters, months or ISO weeks so that the parts sum exactly to the total. Spills one row per period: id, first day, last day (date serials) and target.',
    parameters: [
      p('total', 'The year\'s target.', 'number', 'scalar'),
      p('year', 'The year (the fiscal year for "nrf").', 'number', 'scalar'),
      p('level', '"quarter", "month" or "week".', 'string', 'scalar'),
      p('spread', '"even" (default), "days", "workdays", or a range of weights, one per period.', 'any', 'matrix', true),
      p('scale', 'Decimal places of each target, 0 to 30; omitted: the decimal places of the total.', 'number', 'scalar', true),
      p('calendar', '"gregorian" (default) or "nrf" (the NRF 4-5-4 retail calendar).', 'string', 'scalar', true),
    ],
    result: spill({ kind: 'computed', columns: 4, cellsOf: 'spread' }, 'One row per period: id, start, end (date serials), target.'),
  }),
  fn({
    name: 'PACE',
    exportName: 'DK_PACE',
    module: 'targets',
    description:
      'The pace of the year against its cascade as of a date. Spills one row: expected to date, actual to date, attainment, gap (positive when behind) and the run-rate forecast for the year.',
    parameters: [
      p('total', 'The year\'s target.', 'number', 'scalar'),
      p('year', 'The year (the fiscal year for "nrf").', 'number', 'scalar'),
      p('level', '"quarter", "month" or "week": the periods the actuals are given for.', 'string', 'scalar'),
      p('asOf', 'The day the pace is measured at (included): a date cell, a serial or "YYYY-MM-DD".', 'any', 'scalar'),
      p('actuals', 'The actual of each period, in order from the first; empty cells for periods without one.', 'any', 'matrix'),
      p('spread', '"even" (default), "days", "workdays", or a range of weights, one per period.', 'any', 'matrix', true),
      p('calendar', '"gregorian" (default) or "nrf" (the NRF 4-5-4 retail calendar).', 'string', 'scalar', true),
    ],
    result: spill({ kind: 'fixed', rows: 1, columns: 5 }, 'Expected to date, actual to date, attainment, gap, run-rate forecast.'),
  }),
  fn({
    name: 'SAFETYSTOCK',
    exportName: 'DK_SAFETYSTOCK',
    module: 'inventory',
    description: 'Safety stock for a cycle service level: z × √(L × σd² + d² × σL²), z = NORM.S.INV(service level), in units, not rounded.',
    parameters: DEMAND_PARAMETERS,
    result: cell('number', 'Safety stock in units.'),
  }),
  fn({
    name: 'REORDERPOINT',
    exportName: 'DK_REORDERPOINT',
    module: 'inventory',
    description: 'The reorder point (alert line) for a cycle service level: demand over the lead time plus the safety stock, d × L + SS.',
    parameters: DEMAND_PARAMETERS,
    result: cell('number', 'The reorder point in units.'),
  }),
  fn({
    name: 'EOQ',
    exportName: 'DK_EOQ',
    module: 'inventory',
    description: 'The economic order quantity √(2 × K × D / h) (Harris), not rounded.',
    parameters: [
      p('demandPerYear', 'Demand per year in units.', 'number', 'scalar'),
      p('orderCost', 'The cost of placing one order.', 'number', 'scalar'),
      p('holdingCost', 'The cost of holding one unit for a year (holding rate × unit cost), above 0.', 'number', 'scalar'),
    ],
    result: cell('number', 'The economic order quantity in units.'),
  }),
  fn({
    name: 'ORDERQTY',
    exportName: 'DK_ORDERQTY',
    module: 'inventory',
    description:
      'The units to order now under an (r, Q) policy: 0 above the reorder point; else the lot size (or what reaches the reorder point, if more), raised to the MOQ, in whole packs.',
    parameters: [
      p('position', 'Inventory position: on hand + on order − backordered.', 'number', 'scalar'),
      p('demandPerDay', 'Mean demand per day.', 'number', 'scalar'),
      p('sdPerDay', 'Standard deviation of daily demand.', 'number', 'scalar'),
      p('leadTimeDays', 'Mean lead time in days.', 'number', 'scalar'),
      p('serviceLevel', 'Cycle service level, strictly between 0 and 1.', 'number', 'scalar'),
      p('lotSize', 'The lot size Q, above 0 (for example DK.EOQ).', 'number', 'scalar'),
      p('moq', 'Minimum order quantity, whole units.', 'number', 'scalar', true),
      p('packSize', 'Units per pack, whole, at least 1.', 'number', 'scalar', true),
      p('leadTimeSdDays', 'Standard deviation of the lead time in days (default 0).', 'number', 'scalar', true),
    ],
    result: cell('number', 'Units to order now, whole packs.'),
  }),
  fn({
    name: 'NORMINV',
    exportName: 'DK_NORMINV',
    module: 'inventory',
    description:
      'The inverse of the standard normal distribution: the safety factor z of a cycle service level (like NORM.S.INV, to about 1e-16 relative).',
    parameters: [p('p', 'A probability strictly between 0 and 1, such as a cycle service level of 0.95.', 'number', 'scalar')],
    result: cell('number', 'z such that P(Z ≤ z) = p for a standard normal Z.'),
  }),
]);
