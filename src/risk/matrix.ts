import { IssueCollector, invalid, wrapThrown, unknownLabel, type IssuePath } from '../core/errors.js';
import { parseWith } from '../core/schema.js';
import { adopt, lazyFrozen, lazySchema, settle, type LazyTarget } from '../core/lazy.js';
import { RISK_MESSAGES as M, countCode, describe } from './messages.js';
import { riskMatrixSpecShape, type RiskMatrixSpec } from './schema.js';
import * as z from 'zod/mini';
import { isDefinedJson, readDefined, type DefinedReader } from '../core/defined.js';

/**
 * A validated, frozen risk matrix: likelihood × impact → level, every axis listed from low to high.
 *
 * `cells[l][i]` is the level of likelihood `likelihood[l]` with impact `impact[i]` (index 0 is the
 * lowest of each axis, so row 0 is the *bottom* row of the printed matrix).
 */
export interface RiskMatrix {
  /** Always `'risk-matrix'`: marks a defined matrix in serialised data. */
  readonly kind: 'risk-matrix';
  /** A name for reports (`'custom'` when the spec gives none). */
  readonly name: string;
  /** Where the matrix comes from (a standard, a policy document), when given. */
  readonly source?: string;
  /** Likelihood labels, lowest first. */
  readonly likelihood: readonly string[];
  /** Impact labels, lowest first. */
  readonly impact: readonly string[];
  /** Risk level labels, lowest first. */
  readonly levels: readonly string[];
  /** `cells[likelihood][impact]`: a level label. */
  readonly cells: readonly (readonly string[])[];
  /** How the cells were generated, when they were (`'product'` or `'sum'` of 1-based positions). */
  readonly scoring?: {
    /** `'product'` or `'sum'` of the 1-based positions. */
    readonly type: 'product' | 'sum';
    /** A score at or above `thresholds[k]` is at least `levels[k + 1]`. */
    readonly thresholds: readonly number[];
  };
}

/** Label indexes of a matrix, kept beside it for fast lookups. @internal */
export interface MatrixIndex {
  readonly matrix: RiskMatrix;
  /** The built matrix itself: a preset's `matrix` reads every field through a getter, this does not. */
  readonly shape: RiskMatrix;
  readonly l: ReadonlyMap<string, number>;
  readonly i: ReadonlyMap<string, number>;
  readonly lv: ReadonlyMap<string, number>;
  /** Level index of cell (l, i) at `l * impact.length + i`. */
  readonly grid: readonly number[];
  readonly nI: number;
  /** The frozen rating `{ likelihood, impact, level }` of each cell, shared by every assessment. */
  readonly ratings: readonly Readonly<{ likelihood: string; impact: string; level: string }>[];
}

const INDEX = new WeakMap<object, MatrixIndex>();

/** Checks that labels are unique; returns their index map. @internal */
export function uniqueLabels(labels: readonly string[], path: IssuePath, issues: IssueCollector): Map<string, number> {
  const map = new Map<string, number>();
  labels.forEach((label, k) => {
    const first = map.get(label);
    if (first !== undefined) {
      issues.add([...path, k], M.duplicateLabel(String(path[path.length - 1]), first, label), 'invalid_input', { code: 'duplicate', received: JSON.stringify(label) });
    } else map.set(label, k);
  });
  return map;
}

function build(spec: RiskMatrixSpec, path: IssuePath, preset?: z.output<typeof riskMatrixSpecShape>, lazy?: LazyTarget<RiskMatrix>): MatrixIndex {
  const s = preset ?? parseWith(riskMatrixSpecShape, spec, path);
  const issues = new IssueCollector();
  const l = uniqueLabels(s.likelihood, [...path, 'likelihood'], issues);
  const i = uniqueLabels(s.impact, [...path, 'impact'], issues);
  const lv = uniqueLabels(s.levels, [...path, 'levels'], issues);
  issues.throwIfAny();
  const nL = s.likelihood.length;
  const nI = s.impact.length;
  // Stryker disable next-line ArrayDeclaration: every cell of the grid is assigned (or the build throws) before the grid is read, so a presized and an empty array end the same
  const grid = new Array<number>(nL * nI);
  let cells: string[][];
  if (s.cells !== undefined && s.scoring !== undefined) {
    invalid([...path, 'scoring'], M.cellsAndScoring(), { code: 'inconsistent' });
  }
  if (s.cells !== undefined) {
    cells = s.cells;
    if (cells.length !== nL) {
      invalid([...path, 'cells'], M.cellRows(nL, cells.length), { code: countCode(cells.length, nL), expected: `${nL} rows`, received: String(cells.length), limit: String(nL) });
    }
    cells.forEach((row, r) => {
      if (row.length !== nI) {
        issues.add([...path, 'cells', r], M.cellColumns(nI, row.length), 'invalid_input', { code: countCode(row.length, nI), expected: `${nI} cells`, received: String(row.length), limit: String(nI) });
        return;
      }
      row.forEach((label, c) => {
        const k = lv.get(label);
        if (k === undefined) {
          issues.add([...path, 'cells', r, c], M.notALevel(label, s.levels), 'unknown_label', { code: 'unknown_label', received: JSON.stringify(label) });
        } else grid[r * nI + c] = k;
      });
    });
    issues.throwIfAny();
  } else if (s.scoring !== undefined) {
    const { type, thresholds } = s.scoring;
    const tPath = [...path, 'scoring', 'thresholds'];
    if (thresholds.length !== s.levels.length - 1) {
      const want = s.levels.length - 1;
      invalid(tPath, M.thresholdCount(want, thresholds.length), { code: countCode(thresholds.length, want), expected: `${want} thresholds`, received: String(thresholds.length), limit: String(want) });
    }
    for (let k = 1; k < thresholds.length; k++) {
      if (!(thresholds[k]! > thresholds[k - 1]!)) {
        issues.add([...tPath, k], M.thresholdOrder(k, thresholds[k - 1]!, thresholds[k]!), 'out_of_range', {
          code: 'not_ascending',
          expected: `greater than ${thresholds[k - 1]}`,
          received: String(thresholds[k]),
          limit: String(thresholds[k - 1]),
        });
      }
    }
    issues.throwIfAny();
    cells = [];
    for (let r = 0; r < nL; r++) {
      const row: string[] = [];
      for (let c = 0; c < nI; c++) {
        const score = type === 'product' ? (r + 1) * (c + 1) : r + 1 + c + 1;
        let k = 0;
        while (k < thresholds.length && score >= thresholds[k]!) k++;
        grid[r * nI + c] = k;
        row.push(s.levels[k]!);
      }
      cells.push(row);
    }
  } else {
    return invalid([...path, 'cells'], M.cellsRequired(), { code: 'required' });
  }
  const shape: RiskMatrix = Object.freeze({
    kind: 'risk-matrix' as const,
    name: s.name ?? 'custom',
    ...(s.source !== undefined ? { source: s.source } : {}),
    likelihood: Object.freeze([...s.likelihood]),
    impact: Object.freeze([...s.impact]),
    levels: Object.freeze([...s.levels]),
    cells: Object.freeze(cells.map((row) => Object.freeze([...row]))),
    ...(s.scoring !== undefined
      ? { scoring: Object.freeze({ type: s.scoring.type, thresholds: Object.freeze([...s.scoring.thresholds]) }) }
      : {}),
  });
  const matrix = adopt(lazy, shape);
  const ratings = grid.map((k, at) => Object.freeze({ likelihood: shape.likelihood[Math.floor(at / nI)]!, impact: shape.impact[at % nI]!, level: shape.levels[k]! }));
  const index: MatrixIndex = { matrix, shape, l, i, lv, grid, nI, ratings };
  INDEX.set(matrix, index);
  return index;
}

/**
 * Defines a risk matrix of any size: likelihood × impact → level, validated once and frozen.
 *
 * Give `cells[likelihood][impact]` (a level label per cell, rows from the lowest likelihood up), or
 * `scoring: { type: 'product' | 'sum', thresholds }`, which generates the cells from the 1-based
 * positions on each axis: a score at or above `thresholds[k]` is at least `levels[k + 1]`. Labels
 * must be unique per axis, every cell filled with a known level, thresholds ascending.
 *
 * A generated matrix is a convenience, not a claim that ordinal positions multiply: check any
 * matrix with {@link checkRiskMatrix} before trusting it.
 *
 * @example
 * ```ts
 * const m = defineRiskMatrix({
 *   likelihood: ['low', 'medium', 'high'],
 *   impact: ['low', 'medium', 'high'],
 *   levels: ['green', 'amber', 'red'],
 *   scoring: { type: 'product', thresholds: [3, 9] },
 * });
 * m.cells.map((row) => row.join(' '));
 * //=> ['green green amber', 'green amber amber', 'amber amber red']
 * ```
 */
export function defineRiskMatrix(spec: RiskMatrixSpec): RiskMatrix {
  try {
    return build(spec, []).matrix;
  } catch (error) {
    throw wrapThrown(error);
  }
}

const matrixJsonShape = lazySchema(() =>
  z.strictObject({
  kind: z.literal('risk-matrix'),
  name: z.string(),
  source: z.optional(z.unknown()),
  likelihood: z.array(z.unknown()),
  impact: z.array(z.unknown()),
  levels: z.array(z.unknown()),
  cells: z.array(z.array(z.unknown())),
  scoring: z.optional(z.unknown()),
}),
);

/** How a matrix is read back from its JSON: the spec is its labels and its scoring, or its cells when it has no scoring. */
const MATRIX_JSON: DefinedReader<z.output<typeof matrixJsonShape>, RiskMatrix> = {
  kind: 'risk-matrix',
  what: 'the risk matrix',
  schema: matrixJsonShape,
  toSpec: ({ kind: _kind, cells, scoring, ...labels }) => (scoring === undefined ? { ...labels, cells } : { ...labels, scoring }),
  define: (spec) => build(spec as RiskMatrixSpec, []).matrix,
};

/**
 * Defines one of dealerkit's preset matrices from a spec written in the parsed form, built on first
 * use ({@link lazyFrozen}: loading the module builds nothing, issue 14's light imports) and without
 * the zod pass; the hand checks and the index are the same as {@link defineRiskMatrix}'s.
 * test/risk/presets.test.ts proves every preset equal to its validated definition. @internal
 */
export function presetRiskMatrix(spec: z.output<typeof riskMatrixSpecShape>): RiskMatrix {
  const keys = ['kind', 'name', ...(spec.source !== undefined ? ['source' as const] : []), 'likelihood', 'impact', 'levels', 'cells', ...(spec.scoring !== undefined ? ['scoring' as const] : [])] as const;
  // Stryker disable next-line ArrayDeclaration: the path prefixes only refusals, and the presets are valid (test/risk/presets.test.ts proves each equal to its validated definition)
  return lazyFrozen<RiskMatrix>(keys, (lazy) => build(spec as RiskMatrixSpec, [], spec, lazy));
}

/**
 * The index of a matrix: its own when defined by {@link defineRiskMatrix}, else the matrix-like
 * object (for example a defined matrix read back from JSON) is validated and indexed. @internal
 */
export function matrixIndex(matrix: unknown, path: IssuePath): MatrixIndex {
  if (typeof matrix === 'object' && matrix !== null) {
    const known = INDEX.get(matrix) ?? (settle(matrix), INDEX.get(matrix));
    if (known !== undefined) return known;
    // A defined matrix that went through JSON: generated cells must agree with its scoring.
    if (isDefinedJson(matrix, 'risk-matrix')) return INDEX.get(readDefined(matrix, MATRIX_JSON, path))!;
    return build(matrix as RiskMatrixSpec, path);
  }
  return invalid(path, M.notA('a risk matrix (from defineRiskMatrix)', matrix), { code: 'invalid_type', received: describe(matrix) });
}

/** Resolves a label on one axis of a matrix to its index. @internal */
export function labelIndex(map: ReadonlyMap<string, number>, labels: readonly string[], value: unknown, path: IssuePath, what: string): number {
  // The map's keys are strings: Map.get (SameValueZero) finds none for any other value.
  const k = map.get(value as string);
  if (k !== undefined) return k;
  if (typeof value !== 'string') return invalid(path, M.labelType(what, value), { code: value === undefined ? 'required' : 'invalid_type', received: describe(value) });
  return unknownLabel(path, M.unknownAxisLabel(what, value, labels), { code: 'unknown_label', received: JSON.stringify(value) });
}

/**
 * Looks up the level of one cell: the matrix at a likelihood and an impact label.
 *
 * Labels are matched exactly (a Map lookup, so a label such as `'toString'` is simply unknown).
 *
 * @example
 * ```ts
 * toRiskLevel(nistSp80030, 'very-high', 'very-low');
 * //=> 'very-low'
 * ```
 */
export function toRiskLevel(matrix: RiskMatrix, likelihood: string, impact: string): string {
  try {
    const x = matrixIndex(matrix, ['matrix']);
    const l = labelIndex(x.l, x.matrix.likelihood, likelihood, ['likelihood'], 'likelihood');
    const i = labelIndex(x.i, x.matrix.impact, impact, ['impact'], 'impact');
    return x.matrix.levels[x.grid[l * x.nI + i]!]!;
  } catch (error) {
    throw wrapThrown(error);
  }
}
