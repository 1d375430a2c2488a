import { toDecimal, type DecimalInput } from '../core/decimal.js';
import { IssueCollector, fail, invalid, wrapThrown } from '../core/errors.js';
import { describeValue } from '../core/messages.js';
import type { Step, Warning } from '../core/result.js';
import { KPI_MESSAGES as M, KPI_WORDS as W } from './messages.js';

/** A higher-is-better KPI column for {@link calculateEntropyWeights}. */
export interface EntropyHigherKpi {
  /** The KPI's key in the rows. */
  id: string;
  /** Higher is better: used as it is. */
  direction: 'higher';
}

/** A reflection `bound − value`, with the bound at least every value. */
export interface EntropyReflect {
  /** The bound. */
  reflect: DecimalInput;
}

/**
 * A lower-is-better KPI column for {@link calculateEntropyWeights}, with the transform that makes it
 * higher-is-better: `'max-minus'` (the column's maximum minus the value) or a reflection. Never
 * `1 / x`, which explodes at 0 and distorts the spread the method measures.
 */
export interface EntropyLowerKpi {
  /** The KPI's key in the rows. */
  id: string;
  /** Lower is better: transformed first. */
  direction: 'lower';
  /** The explicit transform. */
  transform: 'max-minus' | EntropyReflect;
}

/** A KPI column for {@link calculateEntropyWeights}. */
export type EntropyKpi = EntropyHigherKpi | EntropyLowerKpi;

/** What {@link calculateEntropyWeights} weighs: the KPI columns, in order (its first argument). */
export interface EntropyWeightsSpec {
  /** The KPI columns to weigh, in order. */
  kpis: EntropyKpi[];
}

/** One KPI's entropy, divergence and weight. */
export interface EntropyWeightStep extends Step {
  /** The step kind. */
  code: 'entropy-weight';
  /** The KPI. */
  kpi: string;
  /** Its normalised entropy. */
  entropy: number;
  /** `1 − entropy`. */
  divergence: number;
  /** The sum of every KPI's divergence. */
  totalDivergence: number;
  /** `divergence / totalDivergence`. */
  weight: number;
}

/** Weights from data by Shannon entropy, with the figures behind them (plain numbers). */
export interface EntropyWeightsResult {
  /** Weights per KPI id, summing to 1. */
  weights: Record<string, number>;
  /** Normalised entropy `e_j = −Σ p_ij ln p_ij / ln m` per KPI (0 · ln 0 = 0). */
  entropy: Record<string, number>;
  /** Divergence `d_j = 1 − e_j` per KPI: the information the column carries. */
  divergence: Record<string, number>;
  /** The number of rows (dealers) m. */
  rows: number;
  /** `no-information` for each KPI every dealer has alike (its weight is 0). */
  warnings: Warning[];
  /** One step per KPI: entropy, divergence and weight. */
  steps: EntropyWeightStep[];
}

/** A column turned so that higher is better: a 'lower' KPI by its transform (max − x, or a reflecting bound − x). */
function orientColumn(k: EntropyKpi, column: number[], path: (string | number)[], issues: IssueCollector): number[] {
  let values = column;
  if (k.direction === 'lower') {
    const t = (k as { transform?: unknown }).transform;
    const max = Math.max(...column);
    if (t === 'max-minus') values = column.map((x) => max - x);
    else if (typeof t === 'object' && t !== null && 'reflect' in t) {
      let bound = NaN;
      try {
        bound = toDecimal((t as { reflect: unknown }).reflect, [...path, 'transform', 'reflect']).toNumber();
      } catch (e) {
        issues.addError(wrapThrown(e));
      }
      if (bound < max) {
        issues.add([...path, 'transform', 'reflect'], M.entropyReflectBelow(k.id, String(max), String(bound)), 'out_of_range', {
          code: 'out_of_range',
          limit: String(max),
          received: String(bound),
        });
      }
      values = column.map((x) => bound - x);
    } else {
      issues.add([...path, 'transform'], M.entropyTransform, 'invalid_input', { code: t === undefined ? 'required' : 'invalid_value' });
    }
  } else if (k.direction !== 'higher') {
    const d = (k as { direction: unknown }).direction;
    issues.add([...path, 'direction'], M.entropyDirection(describeValue(d)), 'invalid_input', {
      code: d === undefined ? 'required' : 'invalid_value',
      expected: "'higher' or 'lower'",
      received: describeValue(d),
    });
  }
  return values;
}

/**
 * Weights from data: the entropy weight method. Each KPI column of positive, ratio-scaled values
 * becomes shares `p_ij = x_ij / Σ_i x_ij`; its entropy `e_j = −(1 / ln m) Σ_i p_ij ln p_ij` (with
 * 0 · ln 0 = 0) is 1 when every dealer is alike and 0 when one dealer has it all; the weights are
 * the divergences `1 − e_j` over their sum, so the KPIs that tell dealers apart weigh most.
 *
 * Lower-is-better KPIs are transformed first, as their spec says. Errors: fewer than two rows, a
 * negative value (after the transform), a column of zeros, or columns that all carry no
 * information (every weight would be 0 / 0).
 *
 * The columns to weigh come first (the specification), the rows second. A KPI column every dealer
 * has alike carries no information: its weight is 0 and it is a `no-information` warning.
 *
 * @example
 * ```ts
 * const r = calculateEntropyWeights({ kpis: [{ id: 'sales', direction: 'higher' }, { id: 'share', direction: 'higher' }] }, [
 *   { sales: 100, share: 5 },
 *   { sales: 100, share: 15 },
 * ]);
 * // sales is the same for both dealers: no information, weight 0.
 * [r.weights.sales, r.weights.share, r.entropy.share.toFixed(6), r.warnings[0].code];
 * //=> [0, 1, '0.811278', 'no-information']
 * ```
 */
export function calculateEntropyWeights(spec: EntropyWeightsSpec, rows: readonly Record<string, DecimalInput>[]): EntropyWeightsResult {
  try {
    if (typeof spec !== 'object' || spec === null || !Array.isArray(spec.kpis) || spec.kpis.length === 0) {
      invalid(['spec', 'kpis'], M.entropyKpisRequired, {
        code: Array.isArray((spec as { kpis?: unknown } | null)?.kpis) ? 'too_short' : (spec as { kpis?: unknown } | null)?.kpis === undefined ? 'required' : 'invalid_type',
      });
    }
    if (!Array.isArray(rows)) invalid(['rows'], M.entropyRowsNotArray, { code: 'invalid_type', received: describeValue(rows) });
    const m = rows.length;
    if (m < 2) fail('out_of_range', ['rows'], M.entropyTooFewRows(m), { code: 'too_short', limit: '2' });
    const issues = new IssueCollector();
    const kpis = spec.kpis;
    const ids = new Set<string>();
    const columns: number[][] = [];
    // Array.from reads a hole as undefined (forEach would skip it): a sparse list is refused, not shortened.
    Array.from(kpis).forEach((k: EntropyKpi, j: number) => {
      const path = ['spec', 'kpis', j];
      if (typeof k !== 'object' || k === null || typeof k.id !== 'string' || k.id === '') {
        const whole = typeof k !== 'object' || k === null;
        const id = whole ? k : (k as { id?: unknown }).id;
        issues.add(whole ? path : [...path, 'id'], M.entropyKpiId, 'invalid_input', { code: id === undefined ? 'required' : id === '' ? 'too_short' : 'invalid_type' });
        columns.push([]);
        return;
      }
      if (ids.has(k.id)) issues.add([...path, 'id'], M.entropyDuplicate(k.id), 'invalid_input', { code: 'duplicate', received: k.id });
      ids.add(k.id);
      const column: number[] = [];
      Array.from(rows).forEach((row: unknown, i: number) => {
        if (typeof row !== 'object' || row === null) {
          if (j === 0) issues.add(['rows', i], M.entropyRowNotObject, 'invalid_input', { code: row === undefined ? 'required' : 'invalid_type', received: describeValue(row) });
          column.push(NaN);
          return;
        }
        try {
          // Own properties only: a KPI named 'toString' is not read from Object.prototype.
          const cell = Object.prototype.hasOwnProperty.call(row, k.id) ? (row as Record<string, unknown>)[k.id] : undefined;
          column.push(toDecimal(cell, ['rows', i, k.id]).toNumber());
        } catch (e) {
          issues.addError(wrapThrown(e));
          column.push(NaN);
        }
      });
      const values = orientColumn(k, column, path, issues);
      values.forEach((x, i) => {
        if (x < 0 && k.direction === 'higher') issues.add(['rows', i, k.id], M.entropyNegative(String(x)), 'out_of_range', { code: 'out_of_range', limit: '0', received: String(x) });
      });
      if (!values.some(Number.isNaN) && values.every((x) => x === 0)) {
        issues.add(['rows'], M.entropyAllZero(k.id), 'infeasible', { code: 'infeasible' });
      }
      columns.push(values);
    });
    issues.throwIfAny();

    const lnM = Math.log(m);
    const entropy: Record<string, number> = {};
    const divergence: Record<string, number> = {};
    let total = 0;
    const d: number[] = kpis.map((k, j) => {
      const col = columns[j]!;
      const sum = col.reduce((s, x) => s + x, 0);
      if (col.every((x) => x === col[0])) {
        // Every dealer alike: e = 1 exactly (floating point would leave a hair of divergence).
        entropy[k.id] = 1;
        divergence[k.id] = 0;
        return 0;
      }
      let h = 0;
      for (const x of col) {
        if (x === 0) continue; // 0 · ln 0 = 0
        const p = x / sum;
        h -= p * Math.log(p);
      }
      // Rounding can push e a hair above 1 for a constant column: clamp to [0, 1].
      const e = Math.min(1, Math.max(0, h / lnM));
      entropy[k.id] = e;
      divergence[k.id] = 1 - e;
      total += 1 - e;
      return 1 - e;
    });
    if (!(total > 0)) fail('infeasible', ['rows'], M.entropyNoInformation, { code: 'infeasible' });
    const weights: Record<string, number> = {};
    const warnings: Warning[] = [];
    const steps: EntropyWeightStep[] = [];
    const f = (x: number): string => x.toFixed(4);
    kpis.forEach((k, j) => {
      const w = d[j]! / total;
      weights[k.id] = w;
      if (d[j] === 0) warnings.push({ code: 'no-information', message: M.entropyConstant(k.id), path: ['spec', 'kpis', j] });
      steps.push({
        code: 'entropy-weight',
        kpi: k.id,
        entropy: entropy[k.id]!,
        divergence: divergence[k.id]!,
        totalDivergence: total,
        weight: w,
        text: W.entropyStep(k.id, f(entropy[k.id]!), f(divergence[k.id]!), f(total), f(w)),
      });
    });
    return { weights, entropy, divergence, rows: m, warnings, steps };
  } catch (error) {
    throw wrapThrown(error);
  }
}
