import { Decimal } from '../core/decimal.js';
import { IssueCollector, fail, invalid, outOfRange, wrapThrown } from '../core/errors.js';
import { CORE_MESSAGES, describeValue } from '../core/messages.js';
import type { Step, Warning } from '../core/result.js';
import { checkFraction, nearestName } from '../core/schema.js';
import { KPI_MESSAGES as M, KPI_WORDS as W } from './messages.js';

/** The random-index tables {@link calculateAhpWeights} can divide by. */
export type AhpRandomIndexTable = 'saaty-1980' | 'saaty-2008' | 'tummala-ling' | 'donegan-dodd';

/** A random-index table: its values by matrix size (index 0 is n = 1) and where they come from. */
export interface AhpRandomIndexSource {
  /** Mean consistency index of random reciprocal matrices, by n = 1, 2, 3, … */
  readonly values: readonly number[];
  /** The publication. */
  readonly source: string;
}

/**
 * The four published random-index (RI) tables. They differ because each comes from its own
 * simulation of random reciprocal matrices on Saaty's 1–9 scale, so the same matrix has a
 * different consistency ratio under each; {@link calculateAhpWeights} names the one it used.
 *
 * - `saaty-1980`: T. L. Saaty, *The Analytic Hierarchy Process*, McGraw-Hill, 1980 (n ≤ 10).
 * - `saaty-2008`: T. L. Saaty, "Decision making with the analytic hierarchy process",
 *   *Int. J. Services Sciences* 1(1), 2008, for n ≤ 10, continued to n = 15 from Saaty,
 *   *Theory and Applications of the Analytic Network Process*, RWS, 2005, p. 31.
 * - `tummala-ling`: V. M. R. Tummala and H. Ling, "A note on the computation of the mean random
 *   consistency index of the analytic hierarchy process (AHP)", *Theory and Decision* 44(3),
 *   1998, pp. 221–230 (n ≤ 15; as transcribed by PyMCDM).
 * - `donegan-dodd`: H. A. Donegan and F. J. Dodd, "A note on Saaty's random indexes",
 *   *Mathematical and Computer Modelling* 15(10), 1991, pp. 135–137 (n ≤ 20; as transcribed by AHPy).
 *
 * For n = 1 and 2 every table gives 0: such matrices are always consistent.
 *
 * @example
 * ```ts
 * [AHP_RANDOM_INDEX['saaty-1980'].values[2], AHP_RANDOM_INDEX['saaty-2008'].values[2], AHP_RANDOM_INDEX['tummala-ling'].values[2], AHP_RANDOM_INDEX['donegan-dodd'].values[2]];
 * //=> [0.58, 0.52, 0.5799, 0.4914]
 * ```
 */
export const AHP_RANDOM_INDEX: Readonly<Record<AhpRandomIndexTable, AhpRandomIndexSource>> = Object.freeze({
  'saaty-1980': Object.freeze({
    values: Object.freeze([0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49]),
    source: 'T. L. Saaty, The Analytic Hierarchy Process, McGraw-Hill, 1980',
  }),
  'saaty-2008': Object.freeze({
    values: Object.freeze([0, 0, 0.52, 0.89, 1.11, 1.25, 1.35, 1.4, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59]),
    source:
      'T. L. Saaty, Decision making with the analytic hierarchy process, Int. J. Services Sciences 1(1), 2008 (n ≤ 10); Saaty, Theory and Applications of the Analytic Network Process, 2005, p. 31 (n = 11–15)',
  }),
  'tummala-ling': Object.freeze({
    values: Object.freeze([0, 0, 0.5799, 0.8921, 1.1159, 1.2358, 1.3322, 1.3952, 1.4537, 1.4882, 1.5117, 1.5356, 1.5571, 1.5714, 1.5831]),
    source:
      'V. M. R. Tummala and H. Ling, A note on the computation of the mean random consistency index of the analytic hierarchy process (AHP), Theory and Decision 44(3), 1998',
  }),
  'donegan-dodd': Object.freeze({
    values: Object.freeze([
      0, 0, 0.4914, 0.8286, 1.0591, 1.1797, 1.2519, 1.3171, 1.3733, 1.4055, 1.4213, 1.4497, 1.4643, 1.4822, 1.4969, 1.5078,
      1.5153, 1.5262, 1.5313, 1.5371,
    ]),
    source: "H. A. Donegan and F. J. Dodd, A note on Saaty's random indexes, Mathematical and Computer Modelling 15(10), 1991",
  }),
});

/** Options of {@link calculateAhpWeights}. */
export interface CalculateAhpWeightsOptions {
  /** How the weights are derived: the principal eigenvector (default) or the normalised row geometric means. */
  method?: 'eigenvector' | 'geometric-mean';
  /** The random-index table of the consistency ratio; `'saaty-1980'` when omitted. */
  randomIndex?: AhpRandomIndexTable;
  /** The largest consistency ratio accepted as consistent, a fraction from 0 to 1; 0.1 (Saaty's 10 %) when omitted. */
  threshold?: number;
}

/** Weights by the principal eigenvector or the row geometric means. */
export interface AhpWeightsStep extends Step {
  /** The step kind. */
  code: 'ahp-weights';
  /** The method used. */
  method: 'eigenvector' | 'geometric-mean';
  /** The weights, summing to 1. */
  weights: number[];
}

/** Saaty's consistency check: λmax, CI, RI, CR against the threshold. */
export interface AhpConsistencyStep extends Step {
  /** The step kind. */
  code: 'consistency';
  /** The matrix size. */
  n: number;
  /** The principal eigenvalue estimate. */
  lambdaMax: number;
  /** Consistency index. */
  ci: number;
  /** Random index. */
  ri: number;
  /** Consistency ratio. */
  cr: number;
  /** The threshold. */
  threshold: number;
  /** Whether `cr ≤ threshold`. */
  consistent: boolean;
}

/** The steps of {@link calculateAhpWeights}. */
export type AhpStep = AhpWeightsStep | AhpConsistencyStep;

/** The random-index table a result used. */
export interface AhpRandomIndexUsed {
  /** The table's name. */
  table: AhpRandomIndexTable;
  /** Its publication. */
  source: string;
}

/** Weights from a pairwise comparison matrix, with Saaty's consistency check. */
export interface AhpWeightsResult {
  /** The priority weights, summing to 1 (plain numbers: judgement, not money). */
  weights: number[];
  /** The principal eigenvalue estimate: the mean of `(A w)_i / w_i`. */
  lambdaMax: number;
  /** Consistency index `(λmax − n) / (n − 1)`; 0 for n ≤ 2. */
  ci: number;
  /** The random index used (0 for n ≤ 2). */
  ri: number;
  /** Consistency ratio `ci / ri`; 0 for n ≤ 2 (never NaN). */
  cr: number;
  /** True when `cr ≤ threshold`. */
  consistent: boolean;
  /** The method used. */
  method: 'eigenvector' | 'geometric-mean';
  /** The random-index table used and its source. */
  randomIndex: AhpRandomIndexUsed;
  /** The threshold applied. */
  threshold: number;
  /** `inconsistent-judgements` when the consistency ratio is above the threshold. */
  warnings: Warning[];
  /** The weights, then the consistency check, each with its figures and a sentence. */
  steps: AhpStep[];
}

const FRACTION = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*(\d+(?:\.\d+)?))?\s*$/;
const TOLERANCE = 1e-9;

function entry(v: unknown, i: number, j: number, issues: IssueCollector): number {
  let x = NaN;
  if (typeof v === 'number') x = v;
  // Stryker disable next-line ConditionalExpression: a value that is neither a number nor a string is refused as invalid_type below whatever the pattern reads from it
  else if (typeof v === 'string') {
    const m = FRACTION.exec(v);
    if (m !== null) x = m[2] === undefined ? Number(m[1]) : Number(m[1]) / Number(m[2]);
  }
  if (typeof v !== 'number' && typeof v !== 'string') {
    issues.add(['matrix', i, j], M.ahpEntryType(v === null ? 'null' : typeof v), 'invalid_input', {
      code: v === undefined ? 'required' : 'invalid_type',
      received: describeValue(v),
    });
  } else if (!Number.isFinite(x)) {
    // A string is quoted; a number as written (JSON.stringify would print Infinity and NaN as null).
    issues.add(['matrix', i, j], M.ahpEntryNotNumber(typeof v === 'string' ? JSON.stringify(v) : String(v)), 'invalid_input', { code: 'not_a_number', received: describeValue(v) });
  } else if (!(x > 0)) {
    issues.add(['matrix', i, j], M.ahpEntryNotPositive(JSON.stringify(v)), 'out_of_range', { code: 'out_of_range', expected: 'greater than 0', received: describeValue(v), limit: '0' });
  }
  return x;
}

/** Reads and checks a positive reciprocal matrix. @internal */
export function readReciprocal(matrix: unknown): number[][] {
  if (!Array.isArray(matrix) || matrix.length === 0) {
    invalid(['matrix'], M.ahpNotMatrix, Array.isArray(matrix) ? { code: 'too_short', limit: '1' } : { code: 'invalid_type', received: describeValue(matrix) });
  }
  const n = matrix.length;
  const issues = new IssueCollector();
  const a: number[][] = [];
  // Index loops, not forEach/map: a hole in the matrix or a row is read as missing, never skipped.
  for (let i = 0; i < n; i++) {
    const row: unknown = matrix[i];
    if (!Array.isArray(row) || row.length !== n) {
      const code = row === undefined ? 'required' : !Array.isArray(row) ? 'invalid_type' : row.length < n ? 'too_short' : 'too_long';
      issues.add(['matrix', i], M.ahpRowLength(n, Array.isArray(row) ? `${row.length} entries` : typeof row), 'invalid_input', { code, limit: String(n) });
      // Stryker disable next-line ArrayDeclaration: a bad row is an issue, and the issues are thrown before any row is read
      a.push([]);
      continue;
    }
    const values: number[] = [];
    for (let j = 0; j < n; j++) values.push(entry(row[j], i, j, issues));
    a.push(values);
  }
  issues.throwIfAny();
  for (let i = 0; i < n; i++) {
    if (Math.abs(a[i]![i]! - 1) > TOLERANCE) {
      issues.add(['matrix', i, i], M.ahpDiagonal(String(a[i]![i])), 'invalid_input', { code: 'invalid_value', expected: '1', received: String(a[i]![i]) });
    }
    for (let j = i + 1; j < n; j++) {
      const p = a[i]![j]! * a[j]![i]!;
      if (Math.abs(p - 1) > TOLERANCE) {
        issues.add(['matrix', j, i], M.ahpReciprocal(i, j, String(a[i]![j]), String(a[j]![i])), 'invalid_input', { code: 'inconsistent', received: String(a[j]![i]) });
      }
    }
  }
  issues.throwIfAny();
  return a;
}

function normalise(v: number[]): number[] {
  const s = v.reduce((x, y) => x + y, 0);
  return v.map((x) => x / s);
}

function times(a: number[][], w: number[]): number[] {
  return a.map((row) => row.reduce((s, x, j) => s + x * w[j]!, 0));
}

function geometricMeans(a: number[][]): number[] {
  const n = a.length;
  // Through logarithms, so long rows of large judgements do not overflow.
  return normalise(a.map((row) => Math.exp(row.reduce((s, x) => s + Math.log(x), 0) / n)));
}

/** The principal eigenvector by power iteration from the geometric means (a positive matrix converges). */
function principal(a: number[][]): number[] {
  let w = geometricMeans(a);
  for (let k = 0; k < 10_000; k++) {
    const next = normalise(times(a, w));
    let delta = 0;
    for (let i = 0; i < w.length; i++) delta = Math.max(delta, Math.abs(next[i]! - w[i]!));
    w = next;
    if (delta < 1e-15) break;
  }
  return w;
}

const OPTION_KEYS = ['method', 'randomIndex', 'threshold'];

function fixed(x: number, places = 4): string {
  return x.toFixed(places);
}

/**
 * Weights from judgement: the analytic hierarchy process (AHP) on a positive reciprocal pairwise
 * comparison matrix (`matrix[i][j]` says how many times item i matters more than item j), with
 * Saaty's consistency index and ratio against a named random-index table.
 *
 * Entries are numbers or exact fractions written as strings (`'1/3'`), since `0.333` is not the
 * reciprocal of 3. A matrix of size 1 or 2 is always consistent: CI and CR are 0. Errors: a
 * matrix that is not square, an entry that is 0, negative or not the reciprocal of its mirror, a
 * diagonal entry other than 1, a size beyond the chosen table, a threshold outside 0 to 1 (10 for
 * 10 % is refused with `percent_as_whole_number`). A consistency ratio above the threshold is the
 * warning `inconsistent-judgements`. The weights are plain numbers (judgement, not money).
 *
 * @example
 * ```ts
 * // Saaty's "choosing a leader" criteria: experience, education, charisma, age.
 * const r = calculateAhpWeights([
 *   [1, 4, 3, 7],
 *   ['1/4', 1, '1/3', 3],
 *   ['1/3', 3, 1, 5],
 *   ['1/7', '1/3', '1/5', 1],
 * ]);
 * [r.weights.map((w) => w.toFixed(4)), r.lambdaMax.toFixed(4), r.consistent, r.steps[1].text];
 * //=> [['0.5476', '0.1266', '0.2699', '0.0559'], '4.1184', true, 'λmax 4.1184; CI = (4.1184 − 4) / 3 = 0.0395; CR = 0.0395 / 0.9 (saaty-1980) = 0.0439, at most 0.1']
 * ```
 */
export function calculateAhpWeights(matrix: readonly (readonly (number | string)[])[], options: CalculateAhpWeightsOptions = {}): AhpWeightsResult {
  try {
    if (typeof options !== 'object' || options === null || Array.isArray(options)) invalid(['options'], M.optionsNotObject, { code: 'invalid_type' });
    const issues = new IssueCollector();
    for (const key of Object.keys(options)) {
      if (!OPTION_KEYS.includes(key)) {
        issues.add(['options', key], CORE_MESSAGES.unknownField(nearestName(key, OPTION_KEYS)), 'invalid_input', { code: 'unknown_field', received: key });
      }
    }
    issues.throwIfAny();
    const method = options.method ?? 'eigenvector';
    if (method !== 'eigenvector' && method !== 'geometric-mean') {
      invalid(['options', 'method'], M.ahpMethod(JSON.stringify(method) ?? String(method)), {
        code: 'invalid_value',
        expected: "'eigenvector' or 'geometric-mean'",
        received: describeValue(method),
      });
    }
    const table = options.randomIndex ?? 'saaty-1980';
    if (!Object.prototype.hasOwnProperty.call(AHP_RANDOM_INDEX, table)) {
      fail('unknown_label', ['options', 'randomIndex'], M.ahpTable(Object.keys(AHP_RANDOM_INDEX).map((t) => `'${t}'`).join(', '), JSON.stringify(table) ?? String(table)), {
        code: 'unknown_label',
        received: describeValue(table),
      });
    }
    const threshold = options.threshold ?? 0.1;
    if (typeof threshold !== 'number' || !Number.isFinite(threshold)) {
      invalid(['options', 'threshold'], M.ahpThreshold(String(threshold)), { code: typeof threshold === 'number' ? 'not_a_number' : 'invalid_type', received: describeValue(threshold) });
    }
    // A consistency ratio is a fraction: 10 for 10 % is a percent mistake.
    checkFraction(new Decimal(threshold), ['options', 'threshold']);
    const a = readReciprocal(matrix);
    const n = a.length;
    const ris = AHP_RANDOM_INDEX[table];
    if (n > ris.values.length) {
      outOfRange(['matrix'], M.ahpTooLarge(n, table, ris.values.length), { code: 'too_long', limit: String(ris.values.length) });
    }
    const weights = method === 'eigenvector' ? principal(a) : geometricMeans(a);
    const aw = times(a, weights);
    let lambdaMax = aw.reduce((s, x, i) => s + x / weights[i]!, 0) / n;
    // Floating-point noise around a consistent matrix (λmax = n exactly) is not inconsistency.
    if (Math.abs(lambdaMax - n) < 1e-12 * n) lambdaMax = n;
    const ri = ris.values[n - 1]!;
    // Stryker disable next-line EqualityOperator: a 2 × 2 reciprocal matrix is always consistent: λmax is 2 (snapped above), so CI is 0 either way
    const ci = n <= 2 ? 0 : Math.max(0, (lambdaMax - n) / (n - 1));
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: every table's RI is 0 exactly for n ≤ 2 and positive beyond, so either test alone decides the same
    const cr = n <= 2 || ri === 0 ? 0 : ci / ri;
    const consistent = cr <= threshold;
    const steps: AhpStep[] = [
      {
        code: 'ahp-weights',
        method,
        weights,
        text: W.ahpWeights(method === 'eigenvector' ? W.ahpEigenvector : W.ahpGeometric, weights.map((w) => fixed(w)).join(', ')),
      },
      {
        code: 'consistency',
        n,
        lambdaMax,
        ci,
        ri,
        cr,
        threshold,
        consistent,
        text:
          n <= 2
            ? W.ahpSmall(n)
            : W.ahpConsistency(fixed(lambdaMax), n, fixed(ci), String(ri), table, fixed(cr), String(threshold), consistent ? W.ahpConsistent : W.ahpNotConsistent),
      },
    ];
    const warnings: Warning[] = consistent ? [] : [{ code: 'inconsistent-judgements', message: M.ahpInconsistent(fixed(cr), String(threshold)), path: ['matrix'] }];
    return { weights, lambdaMax, ci, ri, cr, consistent, method, randomIndex: { table, source: ris.source }, threshold, warnings, steps };
  } catch (error) {
    throw wrapThrown(error);
  }
}
