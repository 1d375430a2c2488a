// chartKpi: a dealer's KPI indicators against target: each indicator's points (100 = on target)
// as a bar, the target line at 100, each bar labelled with its weighted contribution.
import * as z from 'zod/mini';
import { byCode, checkShape } from '../core/result-check.js';
import { invalid, wrapThrown } from '../core/errors.js';
import type { KpiScoreResult } from '../kpi/index.js';
import { CHART_MESSAGES as M, CHART_STEPS as S } from './messages.js';
import { amountText, chartOptionsShape, num, numOrNull, objectAt, optionsOf, specOf, type ChartOptions, type ChartRow, type VegaLiteSpec } from './spec.js';
import { lazySchema } from '../core/lazy.js';

/** Options of {@link chartKpi}. */
export type KpiChartOptions = ChartOptions;

const optionsShape = lazySchema(() => z.strictObject({ ...chartOptionsShape() }));

const FIELDS = {
  kpis: {
    kpi: 'the KPI id',
    label: 'its label (one row each, in the scorecard order)',
    points: 'its points (100 = on target; 0 when missing)',
    attainment: 'actual / target × 100, or null without a target',
    actual: 'the actual (null when missing or boolean)',
    target: 'the target, or null',
    weight: 'the weight applied',
    contribution: 'points × weight',
    met: 'points ≥ 100',
    text: 'the contribution in words',
  },
  target: { points: 'the target line: 100 points' },
};

interface Line {
  code: string;
  kpi: string;
  label: string;
  points: unknown;
  attainment: unknown;
  actual: unknown;
  target: unknown;
  weight: unknown;
  contribution: unknown;
}

/** The specification {@link chartKpi} returns: datasets `kpis`, `target`. */
export type KpiChartSpec = VegaLiteSpec<'kpis' | 'target'>;

/**
 * A dealer's KPI indicators against target: one bar per indicator of its points (100 = on target),
 * green at or above 100, the target line at 100, each bar labelled with its contribution to the
 * score. Read from the result's `kpi-points` steps.
 *
 * Datasets: `kpis` (`kpi`, `label`, `points`, `attainment`, `actual`, `target`, `weight`,
 * `contribution`, `met`, `text`) and `target` (`points`).
 *
 * @param score - A result of `scoreDealer` (or a row of `scoreDealers`), with its steps.
 * @param options - `title`, `width`, `height`.
 * @example
 * ```ts
 * const card = defineScorecard({ kpis: [{ id: 'sales', direction: 'higher', scoring: { type: 'ratio' } }], stages: { growth: { weights: { sales: 1 } } } });
 * chartKpi(scoreDealer(card, { stage: 'growth', actuals: { sales: 95 }, targets: { sales: 100 } })).datasets.kpis.map((k) => [k.kpi, k.points, k.met]);
 * //=> [['sales', 95, false]]
 * ```
 */
export function chartKpi(score: KpiScoreResult, options?: KpiChartOptions): KpiChartSpec {
  try {
    const r = objectAt<KpiScoreResult>(score, ['score'], 'a result of scoreDealer');
    const o = optionsOf<{ title?: string; width?: number; height?: number }>(optionsShape, options);
    // What the chart prints as words: the id, the grade, each KPI line's id and label (its figures are read by num below).
    checkShape(r, { id: 'str|num|null?', grade: 'str|null?' }, ['score']);
    if (Array.isArray(r.steps)) checkShape(r.steps, [byCode('code', { 'kpi-points': { kpi: 'str', label: 'str' }, '*': {} })], ['score', 'steps']);
    const lines = Array.isArray(r.steps) ? (r.steps as unknown as Line[]).filter((s) => s.code === 'kpi-points') : [];
    if (lines.length === 0) invalid(['score', 'steps'], M.noKpiLines, { code: 'too_short', limit: '1' });
    const kpis: ChartRow[] = lines.map((l) => {
      const k = r.steps.indexOf(l as never);
      const at = (f: string) => ['score', 'steps', k, f];
      const points = numOrNull(l.points, at('points')) ?? 0;
      const contributionAt = at('contribution');
      return {
        kpi: l.kpi,
        label: l.label,
        points,
        attainment: numOrNull(l.attainment, at('attainment')),
        actual: typeof l.actual === 'boolean' ? null : numOrNull(l.actual, at('actual')),
        target: numOrNull(l.target, at('target')),
        weight: num(l.weight, at('weight')),
        contribution: num(l.contribution, contributionAt),
        met: points >= 100,
        text: `+${amountText(l.contribution, 2, contributionAt)}`,
      };
    });
    const y = { field: 'label', type: 'nominal', sort: kpis.map((k) => k.label), title: null, axis: { labelLimit: 220 } };
    const who = r.id === null || r.id === undefined ? '' : `${String(r.id)}: `;
    return specOf(
      'kpi',
      {
        description: `${kpis.length} KPI indicators: points against the target of 100, with each one's contribution to the score.`,
        title: { text: o.title ?? `${who}KPI points against target`, subtitle: `score ${amountText(r.score, 2, ['score', 'score'])}${r.grade === null ? '' : `, ${String(r.grade)}`}` },
        width: o.width ?? 520,
        height: o.height ?? Math.max(120, 26 * kpis.length),
        datasets: { kpis, target: [{ points: 100 }] },
        layer: [
          {
            name: 'points',
            data: { name: 'kpis' },
            mark: { type: 'bar', height: { band: 0.7 } },
            encoding: {
              y,
              x: { field: 'points', type: 'quantitative', title: 'points (100 = on target)' },
              color: { field: 'met', type: 'nominal', scale: { domain: [true, false], range: ['#2e7d32', '#e07b24'] }, legend: { title: 'on target', labelExpr: "datum.value ? 'yes' : 'no'" } },
              tooltip: [{ field: 'label' }, { field: 'actual', type: 'quantitative' }, { field: 'target', type: 'quantitative' }, { field: 'points', type: 'quantitative', format: '.2f' }, { field: 'weight', type: 'quantitative' }, { field: 'contribution', type: 'quantitative', format: '.2f' }],
            },
          },
          { name: 'contribution', data: { name: 'kpis' }, mark: { type: 'text', align: 'left', dx: 4, fontSize: 10 }, encoding: { y, x: { field: 'points', type: 'quantitative' }, text: { field: 'text' } } },
          { name: 'target', data: { name: 'target' }, mark: { type: 'rule', color: '#1b1f24', strokeDash: [4, 3] }, encoding: { x: { field: 'points', type: 'quantitative' } } },
        ],
      },
      FIELDS,
      [{ code: 'kpi-indicators', text: S.kpi(kpis.length) }],
      [],
    );
  } catch (error) {
    throw wrapThrown(error);
  }
}
