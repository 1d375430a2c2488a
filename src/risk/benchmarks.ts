import { toDecimal, type Decimal } from '../core/decimal.js';
import { IssueCollector, invalid, unknownLabel, wrapThrown, type IssuePath } from '../core/errors.js';
import type * as z from 'zod/mini';
import { decimalSchema, parseWith } from '../core/schema.js';
import { adopt, lazyFrozen, settle, type LazyTarget } from '../core/lazy.js';
import { RISK_MESSAGES as M, describe, hasOwn } from './messages.js';
import { cmp, rationalOf, type Rational } from './rational.js';
import { FINANCIAL_RATIOS, financialBenchmarksSpecShape, type FinancialBenchmarksSpec, type FinancialRatioName } from './schema.js';

/** The five benchmark bands, best first. */
export type FinancialBand = 'excellent' | 'good' | 'average' | 'below-average' | 'poor';

/** The bands in order, best first. @internal */
export const BANDS: readonly FinancialBand[] = ['excellent', 'good', 'average', 'below-average', 'poor'];

/** How one ratio is banded. */
export interface FinancialBenchmark {
  /** Whether a higher or a lower value is better. */
  readonly better: 'higher' | 'lower';
  /**
   * Four cuts, from the excellent side: for `higher`, a value ≥ cuts[0] is excellent, ≥ cuts[1]
   * good, ≥ cuts[2] average, ≥ cuts[3] below average, else poor; for `lower`, ≤ in the same way.
   */
  readonly cuts: readonly Decimal[];
}

/** A validated, frozen benchmark table: five bands per ratio, each band a likelihood level. */
export interface FinancialBenchmarks {
  /** Always `'financial-benchmarks'`. */
  readonly kind: 'financial-benchmarks';
  /** A name for reports. */
  readonly name: string;
  /** Where the cuts come from, when given. */
  readonly source?: string;
  /** The likelihood level of each band: excellent, good, average, below average, poor. */
  readonly levels: readonly string[];
  /** The benchmark of each ratio it covers. */
  readonly ratios: Readonly<Partial<Record<FinancialRatioName, FinancialBenchmark>>>;
}

/** A ratio placed in its band. */
export interface FinancialBandResult {
  /** The ratio's value. */
  readonly value: Decimal;
  /** Its band. */
  readonly band: FinancialBand;
  /** The likelihood level the band stands for. */
  readonly likelihood: string;
}

const DEFINED = new WeakSet<object>();
/** Exact cuts of each benchmark, for decisions on exact quotients. */
const EXACT = new WeakMap<FinancialBenchmark, readonly Rational[]>();

/**
 * Ratios that are shares of a whole (debt of assets, profit of revenue or of assets or equity): a
 * cut above 1 is a percentage written as a whole number (40 for 40 %) and is refused.
 */
const SHARE_RATIOS: ReadonlySet<string> = new Set<FinancialRatioName>(['debtRatio', 'netMargin', 'roa', 'roe']);

function build(spec: FinancialBenchmarksSpec, path: IssuePath, preset?: z.output<typeof financialBenchmarksSpecShape>, lazy?: LazyTarget<FinancialBenchmarks>): FinancialBenchmarks {
  const s = preset ?? parseWith(financialBenchmarksSpecShape, spec, path);
  const issues = new IssueCollector();
  const seen = new Map<string, number>();
  s.levels.forEach((l, k) => {
    const first = seen.get(l);
    if (first !== undefined) issues.add([...path, 'levels', k], M.duplicateBandLevel(first, l), 'invalid_input', { code: 'duplicate', received: JSON.stringify(l) });
    else seen.set(l, k);
  });
  const entries: [FinancialRatioName, FinancialBenchmark][] = [];
  // In the order of FINANCIAL_RATIOS, read by own property only.
  for (const name of FINANCIAL_RATIOS) {
    if (!hasOwn(s.ratios, name)) continue;
    const b = s.ratios[name]!;
    b.cuts.forEach((c, k) => {
      if (SHARE_RATIOS.has(name) && c.gt(1)) {
        issues.add([...path, 'ratios', name, 'cuts', k], M.shareCut(name, c), 'out_of_range', { code: 'percent_as_whole_number', expected: 'at most 1', received: c.toFixed(), limit: '1' });
      }
      if (k === 0) return;
      const prev = b.cuts[k - 1]!;
      const ok = b.better === 'higher' ? c.lt(prev) : c.gt(prev);
      if (!ok) {
        issues.add([...path, 'ratios', name, 'cuts', k], M.cutOrder(b.better, k, prev, c), 'out_of_range', {
          code: 'not_ascending',
          expected: `${b.better === 'higher' ? 'less' : 'greater'} than ${prev.toFixed()}`,
          received: c.toFixed(),
          limit: prev.toFixed(),
        });
      }
    });
    const benchmark: FinancialBenchmark = Object.freeze({ better: b.better, cuts: Object.freeze([...b.cuts]) });
    EXACT.set(benchmark, Object.freeze(b.cuts.map(rationalOf)));
    entries.push([name, benchmark]);
  }
  issues.throwIfAny();
  const ratios = Object.fromEntries(entries) as Partial<Record<FinancialRatioName, FinancialBenchmark>>;
  const table: FinancialBenchmarks = adopt(lazy, Object.freeze({
    kind: 'financial-benchmarks' as const,
    name: s.name ?? 'custom',
    ...(s.source !== undefined ? { source: s.source } : {}),
    levels: Object.freeze([...s.levels]),
    ratios: Object.freeze(ratios),
  }));
  DEFINED.add(table);
  return table;
}

/**
 * Defines a benchmark table that turns ratios into likelihood levels, so financial findings feed a
 * risk matrix: five bands per ratio (excellent, good, average, below average, poor), each band a level.
 *
 * Give four cuts per ratio from the excellent side. When higher is better a value at or above a cut
 * reaches that band; when lower is better, a value at or below it. Cuts of the ratios that are shares
 * (debt ratio, net margin, ROA, ROE) above 1 are refused as percentages written as whole numbers
 * (`percent_as_whole_number`: write 0.4 for 40 %).
 *
 * @example
 * ```ts
 * const b = defineFinancialBenchmarks({ levels: ['very-low', 'low', 'moderate', 'high', 'very-high'], ratios: { debtRatio: { better: 'lower', cuts: [0.4, 0.55, 0.65, 0.75] } } });
 * [toFinancialBand(b, 'debtRatio', '0.55').band, toFinancialBand(b, 'debtRatio', '0.81').likelihood];
 * //=> ['good', 'very-high']
 * ```
 */
export function defineFinancialBenchmarks(spec: FinancialBenchmarksSpec): FinancialBenchmarks {
  try {
    return build(spec, []);
  } catch (error) {
    throw wrapThrown(error);
  }
}

/**
 * Defines one of dealerkit's preset benchmark tables from a spec written in the parsed form (Decimal
 * cuts), built on first use and without the zod pass; the hand checks are {@link defineFinancialBenchmarks}'s (see
 * `presetRiskMatrix`). @internal
 */
export function presetFinancialBenchmarks(spec: z.output<typeof financialBenchmarksSpecShape>): FinancialBenchmarks {
  const keys = ['kind', 'name', ...(spec.source !== undefined ? ['source' as const] : []), 'levels', 'ratios'] as const;
  // Stryker disable next-line ArrayDeclaration: the path prefixes only refusals, and the presets are valid (test/risk/presets.test.ts proves each equal to its validated definition)
  return lazyFrozen<FinancialBenchmarks>(keys, (lazy) => build(spec as FinancialBenchmarksSpec, [], spec, lazy));
}

/** A defined table, or the table-like object validated. @internal */
export function benchmarksAt(value: unknown, path: IssuePath): FinancialBenchmarks {
  if (typeof value === 'object' && value !== null) {
    if (DEFINED.has(value) || (settle(value), DEFINED.has(value))) return value as FinancialBenchmarks;
    const { kind: _kind, ...spec } = value as Record<string, unknown>;
    return build(spec as unknown as FinancialBenchmarksSpec, path);
  }
  return invalid(path, M.notA('a benchmark table (from defineFinancialBenchmarks)', value), { code: 'invalid_type', received: describe(value) });
}

/** The benchmark of a ratio by name, read by own property only (`'toString'` has none). @internal */
export function benchmarkOf(table: FinancialBenchmarks, ratio: unknown): FinancialBenchmark | undefined {
  return typeof ratio === 'string' && hasOwn(table.ratios, ratio) ? table.ratios[ratio as FinancialRatioName] : undefined;
}

/** The band of an exact value on one benchmark: compared with each cut exactly, never rounded. @internal */
export function bandOf(b: FinancialBenchmark, value: Rational): number {
  // Stryker disable next-line LogicalOperator: every benchmark comes from build(), which records its exact cuts, and those equal b.cuts.map(rationalOf)
  const cuts = EXACT.get(b) ?? b.cuts.map(rationalOf);
  let k = 0;
  while (k < 4 && !(b.better === 'higher' ? cmp(value, cuts[k]!) >= 0 : cmp(value, cuts[k]!) <= 0)) k++;
  return k;
}

/**
 * Looks up the benchmark band of one ratio value and the band's likelihood level.
 *
 * @example
 * ```ts
 * const r = toFinancialBand(distributorBenchmarks, 'currentRatio', '1.5');
 * [r.value.toString(), r.band, r.likelihood];
 * //=> ['1.5', 'good', 'low']
 * ```
 */
export function toFinancialBand(benchmarks: FinancialBenchmarks, ratio: FinancialRatioName, value: Decimal | number | string): FinancialBandResult {
  try {
    const t = benchmarksAt(benchmarks, ['benchmarks']);
    const b = benchmarkOf(t, ratio);
    if (b === undefined) {
      const known = Object.keys(t.ratios);
      if (typeof ratio !== 'string') invalid(['ratio'], M.ratioType(ratio), { code: ratio === undefined ? 'required' : 'invalid_type', received: describe(ratio) });
      unknownLabel(['ratio'], M.noBenchmark(t.name, ratio, known), { code: 'unknown_label', received: JSON.stringify(ratio) });
    }
    const v = parseWith(decimalSchema, value, ['value']);
    const k = bandOf(b, rationalOf(v));
    return { value: v, band: BANDS[k]!, likelihood: t.levels[k]! };
  } catch (error) {
    throw wrapThrown(error);
  }
}

/**
 * Rule-of-thumb benchmarks for a wholesale distributor, banded onto NIST's five likelihood levels
 * (excellent → very-low … poor → very-high).
 *
 * These are common credit-analysis rules of thumb (a current ratio of 2 is comfortable and below 1
 * worrying, a quick ratio of 1, debt under half of assets, interest covered several times,
 * receivables collected within 30–60 days), **not** an industry survey: replace them with your
 * industry's quartiles (from your credit bureau or trade association) before relying on them.
 *
 * @example
 * ```ts
 * distributorBenchmarks.ratios.debtRatio.cuts.map(String);
 * //=> ['0.4', '0.55', '0.65', '0.75']
 * ```
 */
export const distributorBenchmarks: FinancialBenchmarks = presetFinancialBenchmarks({
  name: 'wholesale distributor rules of thumb',
  source: 'Common credit-analysis rules of thumb; illustrative, not an industry survey',
  levels: ['very-low', 'low', 'moderate', 'high', 'very-high'],
  ratios: {
    currentRatio: { better: 'higher', cuts: [toDecimal(2), toDecimal('1.5'), toDecimal('1.2'), toDecimal(1)] },
    quickRatio: { better: 'higher', cuts: [toDecimal('1.2'), toDecimal(1), toDecimal('0.8'), toDecimal('0.6')] },
    debtRatio: { better: 'lower', cuts: [toDecimal('0.4'), toDecimal('0.55'), toDecimal('0.65'), toDecimal('0.75')] },
    interestCoverage: { better: 'higher', cuts: [toDecimal(8), toDecimal(5), toDecimal(3), toDecimal('1.5')] },
    operatingCashFlowRatio: { better: 'higher', cuts: [toDecimal('0.4'), toDecimal('0.25'), toDecimal('0.15'), toDecimal('0.05')] },
    dso: { better: 'lower', cuts: [toDecimal(30), toDecimal(45), toDecimal(60), toDecimal(90)] },
    dio: { better: 'lower', cuts: [toDecimal(45), toDecimal(60), toDecimal(90), toDecimal(120)] },
    cashConversionCycle: { better: 'lower', cuts: [toDecimal(30), toDecimal(60), toDecimal(90), toDecimal(120)] },
    netMargin: { better: 'higher', cuts: [toDecimal('0.08'), toDecimal('0.05'), toDecimal('0.03'), toDecimal('0.01')] },
    roe: { better: 'higher', cuts: [toDecimal('0.2'), toDecimal('0.15'), toDecimal('0.1'), toDecimal('0.05')] },
  },
});
