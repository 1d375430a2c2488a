// chartRiskHeatMap: a risk matrix as a heat map, every cell coloured by its level and labelled
// with the count (or the list) of the findings that sit in it.
import * as z from 'zod/mini';
import { checkShape } from '../core/result-check.js';
import { describeValue } from '../core/messages.js';
import { invalid, wrapThrown, IssueCollector } from '../core/errors.js';
import type { Warning } from '../core/result.js';
import type { RiskMatrix } from '../risk/index.js';
import { matrixIndex } from '../risk/matrix.js';
import { CHART_MESSAGES as M, CHART_STEPS as S, CHART_WARNINGS as W } from './messages.js';
import { chartOptionsShape, nonEmpty, objectAt, optionsOf, rampColours, specOf, type ChartOptions, type ChartRow, type VegaLiteSpec } from './spec.js';
import { lazySchema } from '../core/lazy.js';

/** A finding placed on the matrix: its likelihood and impact labels, and a name for the list. */
export interface RiskHeatMapFinding {
  /** A likelihood label of the matrix. */
  likelihood: string;
  /** An impact label of the matrix. */
  impact: string;
  /** The finding's name (a factor id), shown with `show: 'list'`. */
  label?: string;
}

/** Options of {@link chartRiskHeatMap}. */
export interface RiskHeatMapOptions extends ChartOptions {
  /** `'count'` (default): the number of findings in each cell; `'list'`: their labels. */
  show?: 'count' | 'list';
}

const optionsShape = lazySchema(() => z.strictObject({ ...chartOptionsShape(), show: z.optional(z.enum(['count', 'list'])) }));

const FIELDS = {
  cells: {
    likelihood: 'the likelihood label (rows, highest at the top)',
    impact: 'the impact label (columns, lowest at the left)',
    level: "the cell's risk level",
    rank: "the level's position, 0 = lowest",
    count: 'the findings in the cell',
    labels: "the findings' labels, comma-separated",
    text: 'what the cell shows: the count or the labels (empty when none)',
  },
};

/** The specification {@link chartRiskHeatMap} returns: dataset `cells`. */
export type RiskHeatMapSpec = VegaLiteSpec<'cells'>;

/**
 * The heat map of a risk matrix: one cell per likelihood × impact, coloured by its level (green to
 * red, lowest to highest), with the count (or the list) of findings in each cell. Without
 * `findings` the matrix is drawn with its levels only (a `no-findings` warning); an empty list of
 * findings is refused. From an assessment: `assessment.factors.map((f) => ({ ...f.residual, label: f.factor }))`.
 *
 * Dataset `cells`: `likelihood`, `impact`, `level`, `rank`, `count`, `labels`, `text`.
 *
 * @param matrix - A matrix from `defineRiskMatrix` (or a preset such as `nistSp80030`).
 * @param findings - The findings to place: `{ likelihood, impact, label? }`.
 * @param options - `show` (`'count'` or `'list'`), `title`, `width`, `height`.
 * @example
 * ```ts
 * const spec = chartRiskHeatMap(riskMatrix3x3, [{ likelihood: 'high', impact: 'high', label: 'licence' }]);
 * spec.datasets.cells.filter((c) => c.count > 0).map((c) => [c.likelihood, c.impact, c.level, c.count]);
 * //=> [['high', 'high', 'high', 1]]
 * ```
 */
export function chartRiskHeatMap(matrix: RiskMatrix, findings?: readonly RiskHeatMapFinding[], options?: RiskHeatMapOptions): RiskHeatMapSpec {
  try {
    const given = objectAt<RiskMatrix>(matrix, ['matrix'], 'a risk matrix from defineRiskMatrix');
    if (given.kind !== 'risk-matrix' || !Array.isArray(given.cells)) invalid(['matrix'], M.notAResult('a risk matrix from defineRiskMatrix'), { code: 'invalid_type' });
    // The risk engine's own reader: a matrix it defined, or its JSON checked field by field (a corrupted cell is refused at its path).
    const m = matrixIndex(given, ['matrix']).matrix;
    const o = optionsOf<{ show?: 'count' | 'list'; title?: string; width?: number; height?: number }>(optionsShape, options);
    const warnings: Warning[] = [];
    const list = findings === undefined ? [] : nonEmpty<RiskHeatMapFinding>(findings, ['findings'], 'finding');
    if (findings === undefined) warnings.push(W.emptyCells());
    const li = new Map(m.likelihood.map((l, i) => [l, i]));
    const ii = new Map(m.impact.map((l, i) => [l, i]));
    const count = m.likelihood.map(() => m.impact.map(() => [] as string[]));
    const issues = new IssueCollector();
    list.forEach((f, k) => {
      const finding = objectAt<RiskHeatMapFinding>(f, ['findings', k], 'a finding { likelihood, impact, label? }');
      checkShape(finding, { label: 'str?' }, ['findings', k]);
      const l = li.get(finding.likelihood);
      const i = ii.get(finding.impact);
      if (l === undefined) issues.add(['findings', k, 'likelihood'], M.unknownLabel('likelihood', m.likelihood), 'unknown_label', { code: 'unknown_label', ...(finding.likelihood === undefined ? {} : { received: describeValue(finding.likelihood) }) });
      if (i === undefined) issues.add(['findings', k, 'impact'], M.unknownLabel('impact', m.impact), 'unknown_label', { code: 'unknown_label', ...(finding.impact === undefined ? {} : { received: describeValue(finding.impact) }) });
      if (l !== undefined && i !== undefined) count[l]![i]!.push(finding.label ?? `#${k + 1}`);
    });
    issues.throwIfAny();
    const rank = new Map(m.levels.map((l, i) => [l, i]));
    const cells: ChartRow[] = [];
    m.likelihood.forEach((l, a) => {
      m.impact.forEach((i, b) => {
        const labels = count[a]![b]!;
        const level = m.cells[a]![b]!;
        cells.push({
          likelihood: l,
          impact: i,
          level,
          rank: rank.get(level) ?? 0,
          count: labels.length,
          labels: labels.join(', '),
          text: labels.length === 0 ? '' : o.show === 'list' ? labels.join(', ') : String(labels.length),
        });
      });
    });
    const colours = rampColours(m.levels.length);
    const x = { field: 'impact', type: 'ordinal', sort: [...m.impact], title: 'impact', axis: { labelAngle: 0 } };
    const y = { field: 'likelihood', type: 'ordinal', sort: [...m.likelihood].reverse(), title: 'likelihood' };
    return specOf(
      'risk-heat-map',
      {
        description: `The risk matrix ${m.name}: ${m.likelihood.length} likelihoods × ${m.impact.length} impacts coloured by level, with ${o.show === 'list' ? 'the findings' : 'the count of findings'} in each cell.`,
        title: { text: o.title ?? `Risk matrix: ${m.name}` },
        width: o.width ?? Math.max(240, 90 * m.impact.length),
        height: o.height ?? Math.max(180, 60 * m.likelihood.length),
        datasets: { cells },
        layer: [
          {
            name: 'cells',
            data: { name: 'cells' },
            mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 2 },
            encoding: {
              x,
              y,
              color: { field: 'level', type: 'ordinal', scale: { domain: [...m.levels], range: colours }, title: 'level' },
              tooltip: [{ field: 'likelihood' }, { field: 'impact' }, { field: 'level' }, { field: 'count', type: 'quantitative' }, { field: 'labels' }],
            },
          },
          {
            name: 'counts',
            data: { name: 'cells' },
            mark: { type: 'text', fontSize: o.show === 'list' ? 10 : 14, fontWeight: 'bold', color: '#1b1f24' },
            encoding: { x, y, text: { field: 'text' } },
          },
        ],
      },
      FIELDS,
      [{ code: 'heat-map-cells', text: S.cells(cells.length, list.length, o.show === 'list' ? 'labels listed' : 'counted') }],
      warnings,
    );
  } catch (error) {
    throw wrapThrown(error);
  }
}
