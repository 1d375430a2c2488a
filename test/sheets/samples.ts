// One or more sample calls of every spreadsheet function, as a host passes arguments (ranges as
// rows of cells, null for an omitted argument). The cross-host tests run each of them in every
// host (ESM, the IIFE + Apps Script wrappers in node:vm, HyperFormula) and compare.
export type SampleArgs = unknown[];

export const SAMPLES: Record<string, SampleArgs[]> = {
  DK_REBATE: [
    [7000, [['from', 'rate'], [0, 0], [5000, 0.02], [20000, 0.04]]],
    [123456.78, [[0, 0.0025], [2000, 0.005], [5000, 0.015]], 'incremental'],
    [9_500_000, [[0, 0], [0.9, 0.01], [1, 0.02], [1.1, 0.03]], null, 10_000_000],
    [123457, [[0, 0.015]], 'retroactive', null, 'JPY'],
  ],
  DK_REBATE_TIER: [[7000, [[0, 0], [5000, 0.02], [20000, 0.04]]]],
  DK_REBATE_NEXTGAP: [
    [7000, [[0, 0], [5000, 0.02], [20000, 0.04]]],
    [950000, [[0, 0], [0.9, 0.01], [1, 0.02]], null, 1000000],
  ],
  DK_KPI_SCORE: [
    [[[9_500_000], [92], [6], [35]], [[10_000_000], [90], [5], [30]], [[0.4], [0.2], [0.2], [0.2]]],
    [[[95, 2]], [[100, 4]], [[0.6, 0.4]], [['ratio', 'reduction']]],
    [[[45]], [[40]], [[1]], 'deviation'],
  ],
  DK_KPI_GRADE: [[82.5, [['min', 'grade'], [60, 'Bronze'], [75, 'Silver'], [90, 'Gold']]]],
  DK_AHP: [
    [[[1, 4, 3, 7], ['1/4', 1, '1/3', 3], ['1/3', 3, 1, 5], ['1/7', '1/3', '1/5', 1]]],
    [[[1, 3], ['1/3', 1]], 'geometric-mean'],
  ],
  DK_RISK_LEVEL: [
    ['Moderate', 'High'],
    [5, 1],
    ['likely', 'major', '5x5'],
    ['frequent', 'major', [['', 'minor', 'major'], ['rare', 'green', 'amber'], ['frequent', 'amber', 'red']]],
  ],
  DK_ALTMAN: [
    ['z', 90000, 620000, 30000, 55000, 100000, 280000, 440000],
    ['z-double-prime', 1, 10, 1, 1, 4, 6],
  ],
  DK_ALTMAN_ZONE: [['z', 90000, 620000, 30000, 55000, 100000, 280000, 440000]],
  DK_SPLIT: [
    [100_000_000, [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]]],
    [100, [[1], [1], [1]], 2],
  ],
  DK_CASCADE: [
    [100_000_000, 2026, 'quarter'],
    [100_000_000, 2026, 'month', 'days'],
    [1200, 2026, 'month', [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]]],
    [100_000_000, 2026, 'week', 'workdays', 0],
  ],
  DK_PACE: [
    [1200, 2026, 'month', '2026-02-28', [[90, 120]]],
    [1200, 2026, 'month', 46067, [[90, 120, null]]],
    [100_000_000, 2026, 'quarter', '2026-05-15', [[24_000_000, 9_000_000]], 'days'],
  ],
  DK_SAFETYSTOCK: [[20, 5, 7, 0.95], [100, 20, 10, 0.9, 2]],
  DK_REORDERPOINT: [[20, 5, 7, 0.95], [100, 20, 10, 0.9, 2]],
  DK_EOQ: [[1000, 10, 0.5]],
  DK_ORDERQTY: [[150, 20, 5, 7, 0.95, 300, 500, 40]],
  DK_NORMINV: [[0.95], [0.001]],
};
