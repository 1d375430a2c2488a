// The shape every chart function returns: a Vega-Lite specification as plain JSON, its data
// inlined as named datasets, and dealerkit's own record (the fields of each dataset, warnings,
// steps) under Vega-Lite's `usermeta`, which renderers ignore.
import * as z from 'zod/mini';
import { isDecimal, toDecimal } from '../core/decimal.js';
import { fmtAmount } from '../core/format.js';
import { invalid, type IssuePath } from '../core/errors.js';
import type { Step, Warning } from '../core/result.js';
import { parseWith } from '../core/schema.js';
import { CHART_MESSAGES as M } from './messages.js';
import { lazySchema } from '../core/lazy.js';

/**
 * The Vega-Lite JSON schema every chart declares (v5, which notebooks, VS Code and BI tools render;
 * the specifications also compile with Vega-Lite 6).
 *
 * @example
 * ```ts
 * VEGA_LITE_SCHEMA;
 * //=> 'https://vega.github.io/schema/vega-lite/v5.json'
 * ```
 */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/** The charts dealerkit draws. */
export type ChartKind = 'rebate-curve' | 'risk-heat-map' | 'cascade' | 'territory' | 'pace' | 'stock-position' | 'kpi' | 'grade-distribution';

/** A row of a chart's dataset: plain JSON values (numbers to plot, strings to label). */
export type ChartRow = Record<string, string | number | boolean | null>;

/** What dealerkit records in a specification's `usermeta.dealerkit`. */
export interface ChartMeta<D extends string = string> {
  /** Which chart this is. */
  chart: ChartKind;
  /** Each dataset's fields and what they hold: `{ curve: { x: 'net sales', … } }`. */
  fields: Record<D, Record<string, string>>;
  /** What to look at. */
  warnings: Warning[];
  /** How the data were derived, each step with a `code` and a `text`. */
  steps: Step[];
}

/**
 * A Vega-Lite specification as plain JSON: `$schema`, the data inlined as `datasets`, the marks and
 * encodings, and `usermeta.dealerkit` with the fields of each dataset, the warnings and the steps.
 * Render it with vega-embed, in a notebook, VS Code or a BI tool; dealerkit depends on none of them.
 */
export interface VegaLiteSpec<D extends string = string> {
  /** The Vega-Lite JSON schema (v5). */
  $schema: string;
  /** What the chart shows, in a sentence. */
  description: string;
  /** The chart's title. */
  title: {
    /** The title. */
    text: string;
    /** A second line under it. */
    subtitle?: string;
  };
  /** Width in pixels. */
  width?: number;
  /** Height in pixels. */
  height?: number;
  /** The data, inlined, by dataset name. */
  datasets: Record<D, ChartRow[]>;
  /** The layers, each naming its dataset (`data: { name }`) and its marks (`name`: Vega names them `<name>_marks`). */
  layer: Record<string, unknown>[];
  /** Independent scales of the layers, where they have them. */
  resolve?: Record<string, unknown>;
  /** Display settings. */
  config?: Record<string, unknown>;
  /** dealerkit's record: fields, warnings and steps (ignored by renderers). */
  usermeta: {
    /** dealerkit's record of the chart. */
    dealerkit: ChartMeta<D>;
  };
}

/** Options every chart function takes. */
export interface ChartOptions {
  /** The title (each chart has its own by default). */
  title?: string;
  /** Width in pixels (each chart has its own default). */
  width?: number;
  /** Height in pixels (each chart has its own default). */
  height?: number;
}

const size = lazySchema(() => z.optional(z.number().check(z.int(), z.gt(0), z.maximum(10000))));

/** The common options' shape, extended by each chart; built on first use (issue 14's light imports). @internal */
export const chartOptionsShape = () => ({ title: z.optional(z.string()), width: size, height: size });

/** Parses a chart's options with its own shape. @internal */
export function optionsOf<T>(shape: z.ZodMiniType, options: unknown): T {
  return (options === undefined ? {} : parseWith(shape, options, ['options'])) as T;
}

/** A figure (a Decimal, a numeric string from JSON, a number) as a plain number to plot. @internal */
export function num(value: unknown, path: IssuePath): number {
  if (Number.isFinite(value)) return value as number;
  if (typeof value === 'string' || isDecimal(value)) {
    const n = Number(toDecimal(value, path).toFixed());
    // A figure beyond a double (1e400) cannot be drawn.
    if (!Number.isFinite(n)) return invalid(path, M.notANumber, { code: 'out_of_range', expected: 'a number a chart can draw' });
    return n;
  }
  return invalid(path, M.notANumber, { code: 'invalid_type', expected: 'a number' });
}

/** {@link num}, or null for null. @internal */
export function numOrNull(value: unknown, path: IssuePath): number | null {
  return value === null || value === undefined ? null : num(value, path);
}

/** Refuses an empty list of rows. @internal */
export function nonEmpty<T>(rows: unknown, path: IssuePath, what: string): T[] {
  if (!Array.isArray(rows)) return invalid(path, M.notAResult(`a list of ${what}s`), { code: 'invalid_type' });
  if (rows.length === 0) return invalid(path, M.noRows(what), { code: 'too_short', limit: '1' });
  return rows as T[];
}

/** The object a chart reads, or an error naming it. @internal */
export function objectAt<T>(value: unknown, path: IssuePath, what: string): T {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return invalid(path, M.notAResult(what), { code: 'invalid_type' });
  return value as T;
}

/** Assembles a specification. @internal */
export function specOf<D extends string>(
  kind: ChartKind,
  parts: Omit<VegaLiteSpec<D>, '$schema' | 'usermeta' | 'config'>,
  fields: ChartMeta<D>['fields'],
  steps: Step[],
  warnings: Warning[],
): VegaLiteSpec<D> {
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...parts,
    config: { font: 'Liberation Sans, Arial, Helvetica, sans-serif', view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 11 } },
    usermeta: { dealerkit: { chart: kind, fields, warnings, steps } },
  };
}

// Level colours, lowest to highest risk (green to red), interpolated for any number of levels.
const RAMP = ['#2e7d32', '#9ccc65', '#fdd835', '#fb8c00', '#c62828'];

function hex(c: string): number[] {
  return [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
}

/** `n` colours from green to red, evenly spaced on the ramp. @internal */
export function rampColours(n: number): string[] {
  if (n === 1) return [RAMP[RAMP.length - 1]!];
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    const at = (k / (n - 1)) * (RAMP.length - 1);
    const i = Math.min(Math.floor(at), RAMP.length - 2);
    const f = at - i;
    const a = hex(RAMP[i]!);
    const b = hex(RAMP[i + 1]!);
    out.push(`#${a.map((v, j) => Math.round(v + (b[j]! - v) * f).toString(16).padStart(2, '0')).join('')}`);
  }
  return out;
}

/** The categorical palette of series and statuses. @internal */
export const PALETTE = ['#1f4e79', '#e07b24', '#2e7d32', '#8e44ad', '#c62828', '#00838f', '#6d4c41', '#5c6bc0', '#9e9d24', '#ad1457'];

/** A figure (Decimal or numeric string) in grouped English digits at `scale` places. @internal */
export function amountText(value: unknown, scale: number, path: IssuePath): string {
  return fmtAmount(toDecimal(value, path), scale);
}
