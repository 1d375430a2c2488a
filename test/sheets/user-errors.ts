// Calls a user can make by mistake, at least one per spreadsheet function and one of each kind
// (#VALUE! bad input, #NUM! a number out of range, #N/A an unknown name), with the argument the
// message must name. Arguments as a host passes them: ranges as rows of cells, null when omitted.
// The cross-host tests run each in Excel's functions.ts and in the Apps Script wrappers.
export interface UserError {
  /** The dealerkit/sheets function. */
  fn: string;
  /** Its arguments. */
  args: unknown[];
  /** The kind toSheetError gives it (HyperFormula shows this one). */
  kind: '#VALUE!' | '#NUM!' | '#N/A';
  /** The start of the path the message names: `serviceLevel`, `tiers[1].rate`. */
  names: string;
}

const TIERS = [[0, 0], [5000, 0.02], [20000, 0.04]];

export const USER_ERRORS: readonly UserError[] = [
  { fn: 'DK_REBATE', args: [-1, TIERS], kind: '#NUM!', names: 'amount' },
  { fn: 'DK_REBATE', args: [7000, [[0, 0], [5000, '2%']]], kind: '#VALUE!', names: 'tiers[1].rate' },
  { fn: 'DK_REBATE', args: [7000, TIERS, 'marginal'], kind: '#VALUE!', names: 'method' },
  { fn: 'DK_REBATE', args: [5, [[0, 0]], null, null, 'XYZ'], kind: '#N/A', names: 'currency' },
  { fn: 'DK_REBATE_TIER', args: [7000, [[0, 0], [5000, 'x']]], kind: '#VALUE!', names: 'tiers[1].rate' },
  { fn: 'DK_REBATE_NEXTGAP', args: [-1, TIERS], kind: '#NUM!', names: 'amount' },
  { fn: 'DK_KPI_SCORE', args: [[[1]], [[1]], [[0.5]]], kind: '#VALUE!', names: 'weights' },
  { fn: 'DK_KPI_SCORE', args: [[[95]], [[100]], [[1]], 'best'], kind: '#VALUE!', names: 'scoring' },
  { fn: 'DK_KPI_GRADE', args: [10, [[60, 'Bronze'], [75, 'Silver']]], kind: '#N/A', names: 'score' },
  { fn: 'DK_AHP', args: [[[1, 3], ['1/3', 1]], 'median'], kind: '#VALUE!', names: 'method' },
  { fn: 'DK_RISK_LEVEL', args: ['sometimes', 'high'], kind: '#N/A', names: 'likelihood' },
  { fn: 'DK_ALTMAN', args: ['z-double-prime', 1, 0, 1, 1, 4, 6], kind: '#NUM!', names: 'totalAssets' },
  { fn: 'DK_ALTMAN', args: ['zeta', 1, 10, 1, 1, 4, 6], kind: '#VALUE!', names: 'variant' },
  { fn: 'DK_ALTMAN_ZONE', args: ['z-double-prime', 1, 10, 1, 1, 4, 0], kind: '#NUM!', names: 'totalLiabilities' },
  { fn: 'DK_SPLIT', args: [100, [[1]], 31], kind: '#NUM!', names: 'scale' },
  { fn: 'DK_SPLIT', args: [100, [[1], ['x']]], kind: '#VALUE!', names: 'weights[1]' },
  { fn: 'DK_CASCADE', args: [1200, 2026, 'day'], kind: '#VALUE!', names: 'level' },
  { fn: 'DK_CASCADE', args: [1200, 2026, 'month', null, 31], kind: '#NUM!', names: 'scale' },
  { fn: 'DK_PACE', args: [1200, 2026, 'month', '2026-02-30', [[90, 120]]], kind: '#VALUE!', names: 'asOf' },
  // A service level typed as a percentage: 95 instead of 0.95.
  { fn: 'DK_SAFETYSTOCK', args: [20, 5, 7, 95], kind: '#NUM!', names: 'serviceLevel' },
  { fn: 'DK_SAFETYSTOCK', args: [20, 5, 7, '95%'], kind: '#VALUE!', names: 'serviceLevel' },
  { fn: 'DK_REORDERPOINT', args: [20, 5, 7, 1], kind: '#NUM!', names: 'serviceLevel' },
  { fn: 'DK_EOQ', args: [1000, 10, 0], kind: '#NUM!', names: 'holdingCost' },
  { fn: 'DK_ORDERQTY', args: [150, 20, 5, 7, 0.95, 0], kind: '#NUM!', names: 'lotSize' },
  { fn: 'DK_NORMINV', args: [1], kind: '#NUM!', names: 'p' },
];
