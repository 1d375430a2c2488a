import { toDecimal, type DecimalInput } from '../core/decimal.js';
import { IssueCollector, fail, invalid, wrapThrown } from '../core/errors.js';

/** A higher-is-better KPI column for {@link entropyWeights}. */
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
 * A lower-is-better KPI column for {@link entropyWeights}, with the transform that makes it
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

/** A KPI column for {@link entropyWeights}. */
export type EntropyKpi = EntropyHigherKpi | EntropyLowerKpi;

/** Options of {@link entropyWeights}. */
export interface EntropyWeightsOptions {
  /** The KPI columns to weigh, in order. */
  kpis: EntropyKpi[];
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
 * @example
 * ```ts
 * const r = entropyWeights(
 *   [
 *     { sales: 100, share: 5 },
 *     { sales: 100, share: 15 },
 *   ],
 *   { kpis: [{ id: 'sales', direction: 'higher' }, { id: 'share', direction: 'higher' }] },
 * );
 * // sales is the same for both dealers: no information, weight 0.
 * [r.weights.sales, r.weights.share, r.entropy.share.toFixed(6)];
 * //=> [0, 1, '0.811278']
 * ```
 */
export function entropyWeights(rows: readonly Record<string, DecimalInput>[], options: EntropyWeightsOptions): EntropyWeightsResult {
  try {
    if (!Array.isArray(rows)) invalid(['rows'], 'must be an array of rows (one object of KPI values per dealer)');
    if (typeof options !== 'object' || options === null || !Array.isArray(options.kpis) || options.kpis.length === 0) {
      invalid(['options', 'kpis'], 'must be a non-empty array of { id, direction }');
    }
    const m = rows.length;
    if (m < 2) fail('out_of_range', ['rows'], `must hold at least 2 rows (entropy divides by ln m), received ${m}`);
    const issues = new IssueCollector();
    const kpis = options.kpis;
    const ids = new Set<string>();
    const columns: number[][] = [];
    kpis.forEach((k: EntropyKpi, j: number) => {
      const path = ['options', 'kpis', j];
      if (typeof k !== 'object' || k === null || typeof k.id !== 'string' || k.id === '') {
        issues.add([...path, 'id'], 'must be a non-empty KPI id');
        columns.push([]);
        return;
      }
      if (ids.has(k.id)) issues.add([...path, 'id'], `must be unique, '${k.id}' appears twice`);
      ids.add(k.id);
      const column: number[] = [];
      rows.forEach((row: unknown, i: number) => {
        if (typeof row !== 'object' || row === null) {
          if (j === 0) issues.add(['rows', i], 'must be an object of KPI values');
          column.push(NaN);
          return;
        }
        try {
          column.push(toDecimal((row as Record<string, unknown>)[k.id], ['rows', i, k.id]).toNumber());
        } catch (e) {
          for (const x of wrapThrown(e).issues) issues.add(x.path, x.message);
          column.push(NaN);
        }
      });
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
            for (const x of wrapThrown(e).issues) issues.add(x.path, x.message);
          }
          if (bound < max) issues.add([...path, 'transform', 'reflect'], `must be at least every value of '${k.id}' (${max}), received ${bound}`, 'out_of_range');
          values = column.map((x) => bound - x);
        } else {
          issues.add(
            [...path, 'transform'],
            "is required for a lower-is-better KPI: 'max-minus' or { reflect: bound } (never 1 / x, which explodes at 0)",
          );
        }
      } else if (k.direction !== 'higher') {
        issues.add([...path, 'direction'], `must be 'higher' or 'lower', received ${JSON.stringify((k as { direction: unknown }).direction)}`);
      }
      values.forEach((x, i) => {
        if (x < 0 && k.direction === 'higher') issues.add(['rows', i, k.id], `must not be negative (entropy weights need ratio-scaled values of 0 or more), received ${x}`, 'out_of_range');
      });
      if (!values.some(Number.isNaN) && values.every((x) => x === 0)) {
        issues.add(['rows'], `hold only zeros for '${k.id}' (after its transform): the column has no shares`, 'infeasible');
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
    if (!(total > 0)) {
      fail('infeasible', ['rows'], 'carry no information: every KPI has the same value for every dealer, so no KPI can be weighed above another');
    }
    const weights: Record<string, number> = {};
    kpis.forEach((k, j) => {
      weights[k.id] = d[j]! / total;
    });
    return { weights, entropy, divergence, rows: m };
  } catch (error) {
    throw wrapThrown(error);
  }
}
