// chartGradeDistribution: the network's grades counted per period, as stacked bars in the
// scorecard's grade order.
import * as z from 'zod/mini';
import { checkShape } from '../core/result-check.js';
import { describeValue } from '../core/messages.js';
import { IssueCollector, invalid, wrapThrown } from '../core/errors.js';
import type { KpiScorecard } from '../kpi/index.js';
import { CHART_MESSAGES as M, CHART_STEPS as S } from './messages.js';
import { PALETTE, chartOptionsShape, nonEmpty, objectAt, optionsOf, specOf, type ChartOptions, type ChartRow, type VegaLiteSpec } from './spec.js';
import { lazySchema } from '../core/lazy.js';

/** One period's scores: what `scoreDealers` gave for it (each score's `grade`). */
export interface GradePeriod {
  /** The period's id (`'2025-Q1'`). */
  period: string;
  /** The period's scores (results of `scoreDealer`, rows of `scoreDealers`, or `{ grade }`). */
  scores: readonly {
    /** The dealer's grade, or null below the lowest. */
    grade: string | null;
  }[];
}

/** Options of {@link chartGradeDistribution}. */
export type GradeDistributionOptions = ChartOptions;

const optionsShape = lazySchema(() => z.strictObject({ ...chartOptionsShape() }));

const UNGRADED = 'ungraded';

const FIELDS = {
  grades: {
    period: 'the period (x axis, in input order)',
    grade: "the grade ('ungraded' below the lowest)",
    rank: "the grade's position, 0 = highest",
    count: 'dealers with that grade in the period',
    share: "their share of the period's dealers",
    mid: "the middle of the grade's part of the bar (where its count is printed)",
  },
};

/** The specification {@link chartGradeDistribution} returns: dataset `grades`. */
export type GradeDistributionSpec = VegaLiteSpec<'grades'>;

/**
 * The network's grade distribution by period: one stacked bar per period, its parts the dealers
 * per grade, highest grade first as the scorecard orders them (`'ungraded'` last, when any dealer
 * scored below the lowest grade).
 *
 * Dataset `grades`: `period`, `grade`, `rank`, `count`, `share`, `mid`.
 *
 * @param scorecard - The scorecard the scores were made with (its grades give the order and the colours).
 * @param periods - Each period's scores, in order.
 * @param options - `title`, `width`, `height`.
 * @example
 * ```ts
 * const card = defineScorecard({ kpis: [{ id: 'sales', direction: 'higher', scoring: { type: 'ratio' } }], stages: { growth: { weights: { sales: 1 } } },
 *   grades: [{ min: 100, grade: 'Gold' }, { min: 90, grade: 'Silver' }] });
 * chartGradeDistribution(card, [{ period: '2025-Q1', scores: [{ grade: 'Gold' }, { grade: 'Silver' }, { grade: 'Gold' }] }])
 *   .datasets.grades.map((g) => [g.grade, g.count]);
 * //=> [['Gold', 2], ['Silver', 1]]
 * ```
 */
export function chartGradeDistribution(scorecard: KpiScorecard, periods: readonly GradePeriod[], options?: GradeDistributionOptions): GradeDistributionSpec {
  try {
    const card = objectAt<KpiScorecard>(scorecard, ['scorecard'], 'a scorecard from defineScorecard');
    if (!Array.isArray(card.grades)) invalid(['scorecard'], M.notAResult('a scorecard from defineScorecard'), { code: 'invalid_type' });
    const list = nonEmpty<GradePeriod>(periods, ['periods'], 'period');
    const o = optionsOf<{ title?: string; width?: number; height?: number }>(optionsShape, options);
    checkShape(card.grades, [{ grade: 'str' }], ['scorecard', 'grades']);
    const names = card.grades.map((g) => g.grade);
    const issues = new IssueCollector();
    const seen = new Map<string, number>();
    const counts = Array.from(list, (p0, k) => {
      const p = objectAt<GradePeriod>(p0, ['periods', k], 'a period { period, scores }');
      if (typeof p.period !== 'string') issues.add(['periods', k, 'period'], M.notAResult('a period name (text)'), 'invalid_input', { code: p.period === undefined ? 'required' : 'invalid_type' });
      const first = seen.get(p.period);
      if (first !== undefined) issues.add(['periods', k, 'period'], M.duplicatePeriod(first), 'invalid_input', { code: 'duplicate', received: describeValue(p.period) });
      seen.set(p.period, k);
      const scores = nonEmpty<{ grade: string | null }>(p.scores, ['periods', k, 'scores'], 'score');
      const c = new Map<string, number>();
      scores.forEach((s, j) => {
        if (s === null || typeof s !== 'object' || Array.isArray(s)) {
          issues.add(['periods', k, 'scores', j], M.notAResult('a score { grade }'), 'invalid_input', { code: 'invalid_type' });
          return;
        }
        const g = s.grade;
        // A grade that is not a text is never among the names.
        if (g !== null && !names.includes(g as string)) {
          issues.add(['periods', k, 'scores', j, 'grade'], M.unknownGrade(names), 'unknown_label', { code: 'unknown_label', ...(g === undefined ? {} : { received: describeValue(g) }) });
          return;
        }
        const key = g ?? UNGRADED;
        c.set(key, (c.get(key) ?? 0) + 1);
      });
      return { period: p.period, total: scores.length, c };
    });
    issues.throwIfAny();
    const anyUngraded = counts.some((x) => x.c.has(UNGRADED));
    const order = anyUngraded ? [...names, UNGRADED] : names;
    const grades: ChartRow[] = [];
    for (const x of counts) {
      let below = 0;
      order.forEach((g, rank) => {
        const count = x.c.get(g) ?? 0;
        if (count === 0) return;
        grades.push({ period: x.period, grade: g, rank, count, share: Number((count / x.total).toFixed(6)), mid: below + count / 2 });
        below += count;
      });
    }
    const dealers = counts.reduce((a, x) => a + x.total, 0);
    const colours = [...PALETTE.slice(0, names.length), ...(anyUngraded ? ['#9e9e9e'] : [])];
    return specOf(
      'grade-distribution',
      {
        description: `Dealers per grade in each of ${counts.length} periods, highest grade first.`,
        title: { text: o.title ?? 'Grade distribution by period' },
        width: o.width ?? Math.max(240, 70 * counts.length),
        height: o.height ?? 260,
        datasets: { grades },
        layer: [
          {
            name: 'grades',
            data: { name: 'grades' },
            mark: { type: 'bar' },
            encoding: {
              x: { field: 'period', type: 'ordinal', sort: counts.map((x) => x.period), title: null, axis: { labelAngle: 0 } },
              y: { field: 'count', type: 'quantitative', stack: 'zero', title: 'dealers', axis: { tickMinStep: 1 } },
              color: { field: 'grade', type: 'nominal', sort: order, scale: { domain: order, range: colours }, title: 'grade' },
              order: { field: 'rank', type: 'quantitative' },
              tooltip: [{ field: 'period' }, { field: 'grade' }, { field: 'count', type: 'quantitative' }, { field: 'share', type: 'quantitative', format: '.0%' }],
            },
          },
          {
            name: 'counts',
            data: { name: 'grades' },
            mark: { type: 'text', color: '#ffffff', fontSize: 10, fontWeight: 'bold' },
            encoding: {
              x: { field: 'period', type: 'ordinal', sort: counts.map((x) => x.period) },
              y: { field: 'mid', type: 'quantitative' },
              text: { field: 'count', type: 'quantitative' },
            },
          },
        ],
      },
      FIELDS,
      [{ code: 'grade-counts', text: S.grades(counts.length, dealers) }],
      [],
    );
  } catch (error) {
    throw wrapThrown(error);
  }
}
