/**
 * Every message text of the charts module in one place: errors, warnings and step texts.
 *
 * @internal
 * @module
 */

/** Error messages of the charts module. @internal */
export const CHART_MESSAGES = {
  noRows: (what: string) => `must hold at least one ${what}: an empty chart is never drawn`,
  notAResult: (what: string) => `must be ${what}`,
  notANumber: 'must be a number, a numeric string or a Decimal',
  unknownLabel: (axis: string, labels: readonly string[]) => `is not among the ${axis} labels of the matrix (${labels.map((l) => `'${l}'`).join(', ')})`,
  unknownGrade: (grades: readonly string[]) => `is not a grade of the scorecard (${grades.map((g) => `'${g}'`).join(', ')}) nor null`,
  unknownLevel: (levels: readonly string[]) => `is not a level of the tracked cascade (${levels.map((l) => `'${l}'`).join(', ')})`,
  noKpiLines: 'has no kpi-points steps: chart a result of scoreDealer (or scoreDealers) with its steps',
  noDomain: 'is required: the program has one tier and no dealer position to scale the curve by',
  needsFact: (field: string, basis: string) => `is required: the ${basis} basis places its thresholds by the dealer's ${field}`,
  samplePoints: 'must be a whole number from 2 to 2000',
  upTo: 'must be greater than 0',
  duplicatePeriod: (first: number) => `repeats the period of entry ${first}`,
  noId: 'must have an id: each SKU is drawn on its own row',
} as const;

/** Step texts of the charts. @internal */
export const CHART_STEPS = {
  sampled: (n: number, unit: string, from: string, to: string, thresholds: number) =>
    `The rebate evaluated by calculateRebate at ${n} ${unit.replace(' ', '-')} values from ${from} to ${to}, each of the ${thresholds} thresholds approached from both sides`,
  position: (sentence: string) => `The dealer's position: ${sentence}`,
  cells: (cells: number, findings: number, rating: string) => `${findings} findings placed in the ${cells} cells of the matrix (${rating})`,
  levels: (n: number, periods: number) => `${n} level${n === 1 ? '' : 's'} of the cascade, ${periods} periods in all; every level sums to the year`,
  tree: (leaves: number, groups: number) => `${leaves} leaves of the territory tree grouped under ${groups} top-level nodes`,
  pace: (level: string, periods: number, asOf: string) => `Cumulative plan over ${periods} ${level} periods, cumulative actual and the run-rate forecast as of ${asOf}`,
  stock: (skus: number) => `${skus} SKUs: on hand against safety stock, reorder point and maximum`,
  kpi: (n: number) => `${n} indicators: points against the target line of 100`,
  grades: (periods: number, dealers: number) => `${dealers} graded dealers over ${periods} periods, counted per grade`,
} as const;

/** Warnings of the charts. @internal */
export const CHART_WARNINGS = {
  positionNotOnHand: (n: number) => ({
    code: 'position-not-on-hand',
    message: `${n} plan${n === 1 ? ' has' : 's have'} no steps (detail: 'summary'): the bar shows the inventory position instead of the stock on hand`,
  }),
  emptyCells: () => ({ code: 'no-findings', message: 'no findings given: the matrix is drawn with its levels only' }),
} as const;
