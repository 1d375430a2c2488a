import type { Decimal } from '../core/decimal.js';
import { DealerkitError, IssueCollector, invalid, wrapThrown, unknownLabel, type DealerkitIssue } from '../core/errors.js';
import { calculateAhpWeights, defineScorecard, scoreDealer, type KpiDirection, type KpiSpec } from '../kpi/index.js';
import {
  cellOf,
  choiceAt,
  decimalAt,
  describeSheetValue,
  isOmitted,
  matrixAt,
  optionalChoiceAt,
  tableAt,
  tableDecimals,
  vectorAt,
  type SheetScalar,
  type SheetValue,
  type SheetVector,
} from './args.js';

type SheetScoring = 'ratio' | 'reduction' | 'deviation';
const SCORINGS: readonly SheetScoring[] = ['ratio', 'reduction', 'deviation'];
const DIRECTION: Readonly<Record<SheetScoring, KpiDirection>> = { ratio: 'higher', reduction: 'lower', deviation: 'target' };

const where = (v: SheetVector, i: number): string => ` (row ${Math.floor(i / v.columns) + 1}, column ${(i % v.columns) + 1} of the range)`;

/** Reads one numeric range of the KPI table; an empty cell is null (the engine reports it as missing). */
function numbersOf(v: SheetVector, name: string, issues: IssueCollector): (Decimal | null)[] {
  return v.cells.map((cell, i) => {
    if (isOmitted(cell)) return null;
    try {
      return decimalAt(cell, [name, i], where(v, i));
    } catch (e) {
      const err = wrapThrown(e);
      issues.add(err.issues[0]!.path, err.issues[0]!.message, err.code);
      return null;
    }
  });
}

/** The engine's paths (KPI ids k1, k2 ...) as the sheet's ranges and positions. @internal */
export function sheetIssue(issue: DealerkitIssue): DealerkitIssue {
  const p = issue.path;
  const key = p[0] === 'stages' ? p[3] : p[1];
  const id = /^k(\d+)$/.exec(String(key));
  const i = id ? Number(id[1]) - 1 : undefined;
  const head = p[0] === 'stages' ? 'weights' : p[0];
  if (p[0] === 'stages' && i === undefined) return { ...issue, path: ['weights'] };
  if (i !== undefined && (head === 'weights' || head === 'actuals' || head === 'targets')) return { ...issue, path: [head, i] };
  return issue;
}

/**
 * `=DK.KPI.SCORE(actuals, targets, weights, [scoring])`: a dealer's weighted KPI score (100 = on
 * target), the sum of each KPI's points × weight, exact, through `scoreDealer`.
 *
 * `actuals`, `targets` and `weights` are ranges of the same number of cells (rows or columns),
 * one per KPI; the weights sum to exactly 1. `scoring` is one word for every KPI or a range of one
 * per KPI: `"ratio"` (higher is better: actual / target × 100; the default), `"reduction"` (lower
 * is better: 200 − 100 × actual / target, from 0 to 200) or `"deviation"` (best at the target:
 * 100 − |actual − target| / target × 100, at least 0).
 *
 * @param actuals - The dealer's actual per KPI.
 * @param targets - The target per KPI (> 0).
 * @param weights - The weight per KPI (≥ 0, summing to 1).
 * @param scoring - How each KPI scores.
 * @example
 * ```ts
 * DK_KPI_SCORE([[95, 2]], [[100, 4]], [[0.6, 0.4]], [['ratio', 'reduction']]);
 * //=> 117
 * ```
 */
export function DK_KPI_SCORE(actuals: SheetValue, targets: SheetValue, weights: SheetValue, scoring?: SheetValue): number {
  try {
    const a = vectorAt(actuals, ['actuals']);
    const t = vectorAt(targets, ['targets']);
    const w = vectorAt(weights, ['weights']);
    const n = a.cells.length;
    if (t.cells.length !== n) invalid(['targets'], `must have one cell per actual (${n}), received ${t.cells.length}`);
    if (w.cells.length !== n) invalid(['weights'], `must have one cell per actual (${n}), received ${w.cells.length}`);
    let scorings: SheetScoring[];
    if (Array.isArray(scoring) && !(scoring.length === 1 && Array.isArray(scoring[0]) && scoring[0].length === 1)) {
      const s = vectorAt(scoring, ['scoring']);
      if (s.cells.length !== n) invalid(['scoring'], `must be one word or one cell per actual (${n}), received ${s.cells.length}`);
      scorings = s.cells.map((c, i) => (isOmitted(c) ? 'ratio' : choiceAt(c, ['scoring', i], SCORINGS)));
    } else {
      scorings = Array<SheetScoring>(n).fill(optionalChoiceAt(scoring, ['scoring'], SCORINGS) ?? 'ratio');
    }
    const issues = new IssueCollector();
    const actualValues = numbersOf(a, 'actuals', issues);
    const targetValues = numbersOf(t, 'targets', issues);
    const weightValues = w.cells.map((cell, i) => {
      try {
        return decimalAt(cell, ['weights', i], where(w, i));
      } catch (e) {
        const err = wrapThrown(e);
        issues.add(err.issues[0]!.path, err.issues[0]!.message, err.code);
        return null;
      }
    });
    issues.throwIfAny();
    const ids = actualValues.map((_, i) => `k${i + 1}`);
    const kpis: KpiSpec[] = ids.map((id, i) => ({ id, direction: DIRECTION[scorings[i]!], scoring: { type: scorings[i]! } }));
    try {
      const card = defineScorecard({ kpis, stages: { all: { weights: Object.fromEntries(ids.map((id, i) => [id, weightValues[i]!])) } } });
      const result = scoreDealer(card, {
        stage: 'all',
        actuals: Object.fromEntries(ids.map((id, i) => [id, actualValues[i]!])),
        targets: Object.fromEntries(ids.map((id, i) => [id, targetValues[i]!])),
      });
      return cellOf(result.score);
    } catch (error) {
      const err = wrapThrown(error);
      throw new DealerkitError(err.code, err.issues.map(sheetIssue));
    }
  } catch (error) {
    throw wrapThrown(error);
  }
}

const GRADE_COLUMNS = [
  { name: 'min', required: true },
  { name: 'grade', required: true },
] as const;

function gradeName(cell: SheetScalar, r: number, where: string, issues: IssueCollector): string {
  if (typeof cell === 'string' && cell.trim() !== '') return cell.trim();
  if (typeof cell === 'number') return String(cell);
  issues.add(['grades', r, 'grade'], `must be a grade name, received ${describeSheetValue(cell)}${where}`);
  // Stryker disable next-line StringLiteral: the name returned with an issue is never read, since DK_KPI_GRADE throws the collected issues before it uses the names
  return '';
}

/**
 * `=DK.KPI.GRADE(score, grades)`: the grade of a score in a table of rows `min | grade` (in any
 * order; a header row is skipped): the grade with the highest minimum the score reaches. A score
 * below every minimum is `#N/A`, like `VLOOKUP(score, grades, 2, TRUE)`.
 *
 * @param score - A KPI score.
 * @param grades - The grade table.
 * @example
 * ```ts
 * DK_KPI_GRADE(82.5, [['min', 'grade'], [60, 'Bronze'], [75, 'Silver'], [90, 'Gold']]);
 * //=> 'Silver'
 * ```
 */
export function DK_KPI_GRADE(score: SheetValue, grades: SheetValue): string {
  try {
    const s = decimalAt(score, ['score']);
    const table = tableAt(grades, ['grades'], GRADE_COLUMNS);
    const issues = new IssueCollector();
    const mins = tableDecimals(table, ['grades'], 0, 'min', false, issues);
    const names = table.rows.map((row, r) => gradeName(row[1], r, ` (row ${r + 1 + table.headerRows}, column 2 of the range)`, issues));
    issues.throwIfAny();
    const rows = mins.map((min, r) => ({ min: min!, grade: names[r]!, r }));
    rows.forEach((row, k) => {
      const twin = rows.findIndex((x) => x.min.eq(row.min));
      if (twin < k) issues.add(['grades', k, 'min'], `must differ from grades[${twin}].min: two grades start at ${row.min.toString()}`);
      const same = rows.findIndex((x) => x.grade === row.grade);
      if (same < k) issues.add(['grades', k, 'grade'], `must be unique, '${row.grade}' appears twice`);
    });
    issues.throwIfAny();
    const sorted = [...rows].sort((x, y) => y.min.comparedTo(x.min));
    // The engine's own grade boundaries: a one-KPI scorecard whose points are the score itself.
    const card = defineScorecard({
      kpis: [{ id: 'score', direction: 'higher', scoring: { type: 'ratio' }, target: 100 }],
      stages: { all: { weights: { score: 1 } } },
      grades: sorted.map((g) => ({ min: g.min, grade: g.grade })),
    });
    const grade = scoreDealer(card, { stage: 'all', actuals: { score: s } }).gradeByScore;
    if (grade === null) {
      return unknownLabel(['score'], `is below the lowest grade's minimum (${sorted[sorted.length - 1]!.min.toString()}), received ${s.toString()}`);
    }
    return grade;
  } catch (error) {
    throw wrapThrown(error);
  }
}

/** Reads a pairwise comparison matrix (numbers, or fractions written as text). */
function pairwiseOf(value: SheetValue): (number | string)[][] {
  const m = matrixAt(value, ['matrix']);
  if (m.length !== m[0]!.length) invalid(['matrix'], `must be square (one row and one column per item), received ${m.length} rows × ${m[0]!.length} columns`);
  const issues = new IssueCollector();
  const out = m.map((row, i) =>
    row.map((c, j) => {
      if (typeof c === 'number' || (typeof c === 'string' && c.trim() !== '')) return c;
      issues.add(['matrix', i, j], `must be a number or a fraction such as "1/3", received ${describeSheetValue(c)}`);
      return 0;
    }),
  );
  issues.throwIfAny();
  return out;
}

/**
 * `=DK.AHP(matrix, [method])`: weights from a pairwise comparison matrix (the analytic hierarchy
 * process), spilling one weight per item and then the consistency ratio (Saaty: consistent at
 * 0.1 or less).
 *
 * `matrix[i][j]` says how many times item i matters more than item j; entries are numbers or
 * fractions written as text (`"1/3"`); select the numbers only, without labels. `method` is `"eigenvector"` (default) or `"geometric-mean"`.
 *
 * @param matrix - A positive reciprocal square matrix.
 * @param method - How the weights are derived.
 * @example
 * ```ts
 * DK_AHP([[1, 3], ['1/3', 1]]);
 * //=> [[0.75], [0.25], [0]]
 * ```
 */
export function DK_AHP(matrix: SheetValue, method?: SheetValue): number[][] {
  try {
    const m = optionalChoiceAt(method, ['method'], ['eigenvector', 'geometric-mean'] as const) ?? 'eigenvector';
    const r = calculateAhpWeights(pairwiseOf(matrix), { method: m });
    return [...r.weights.map((w) => [w]), [r.cr]];
  } catch (error) {
    throw wrapThrown(error);
  }
}
