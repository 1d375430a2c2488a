// chartPace: a tracked target as cumulative lines: the plan (the cascade's own distribution), the
// actual to date, the expected-to-date point and the run-rate forecast to the year end.
import * as z from 'zod/mini';
import { checkShape } from '../core/result-check.js';
import { invalid, wrapThrown } from '../core/errors.js';
import type { TargetTracking, TargetTrackingPeriod } from '../targets/index.js';
import { CHART_MESSAGES as M, CHART_STEPS as S } from './messages.js';
import { amountText, chartOptionsShape, num, numOrNull, objectAt, optionsOf, specOf, type ChartOptions, type ChartRow, type VegaLiteSpec } from './spec.js';
import { lazySchema } from '../core/lazy.js';

/** Options of {@link chartPace}. */
export interface PaceChartOptions extends ChartOptions {
  /** The level whose periods make the plan's steps (`'month'`); the finest level of the cascade by default. */
  level?: 'quarter' | 'month' | 'week';
}

const optionsShape = lazySchema(() => z.strictObject({ ...chartOptionsShape(), level: z.optional(z.enum(['quarter', 'month', 'week'])) }));

const FIELDS = {
  cumulative: {
    date: 'the day (ISO date, read as UTC)',
    value: 'the cumulative amount on that day',
    series: "'plan' (cumulative target at each period end), 'actual' (cumulative actual to date) or 'run-rate forecast'",
  },
  points: { date: 'the statement date (asOf)', value: 'the amount', series: "'expected to date' or 'actual to date'", label: 'the amount in words' },
};

const ORDER = ['quarter', 'month', 'week'] as const;

/** The specification {@link chartPace} returns: datasets `cumulative`, `points`. */
export type PaceSpec = VegaLiteSpec<'cumulative' | 'points'>;

/**
 * Pace against plan: the cumulative plan (each period's target added at its end, from the year's
 * start), the cumulative actual to date, the expected-to-date and actual-to-date points on the
 * tracking date, and the run-rate forecast from there to the year's end.
 *
 * Datasets: `cumulative` (`date`, `value`, `series`), `points` (`date`, `value`, `series`, `label`).
 * Dates are ISO days drawn on a UTC time scale, so the picture is the same in every time zone.
 *
 * @param tracking - A result of `trackTarget`.
 * @param options - `level` (by default the finest level with an actual), `title`, `width`, `height`.
 * @example
 * ```ts
 * const plan = cascadeTarget({ calendar: defineGregorianCalendar({ year: 2026 }), levels: ['quarter', 'month'], spread: 'even' }, 1200);
 * const t = trackTarget(plan, { '2026-01': 90, '2026-02': 110 }, { asOf: '2026-02-28' });
 * chartPace(t).datasets.points.map((p) => [p.series, p.value]);
 * //=> [['expected to date', 200], ['actual to date', 200]]
 * ```
 */
export function chartPace(tracking: TargetTracking, options?: PaceChartOptions): PaceSpec {
  try {
    const t = objectAt<TargetTracking>(tracking, ['tracking'], 'a result of trackTarget');
    if (!Array.isArray(t.periods)) invalid(['tracking'], M.notAResult('a result of trackTarget'), { code: 'invalid_type' });
    if (t.periods.length === 0) invalid(['tracking', 'periods'], M.noRows('period'), { code: 'too_short', limit: '1' });
    const o = optionsOf<{ level?: (typeof ORDER)[number]; title?: string; width?: number; height?: number }>(optionsShape, options);
    // The periods the chart sorts and dates, and the warnings it passes on (src/core/result-check.ts).
    checkShape(t, { asOf: 'str', rounding: { scale: 'scale' } }, ['tracking']);
    checkShape(t.periods, [{ kind: 'str', start: 'str', end: 'str', status: 'str?' }], ['tracking', 'periods']);
    if (Array.isArray(t.warnings)) checkShape(t.warnings, ['obj'], ['tracking', 'warnings']);
    const kinds = ORDER.filter((k) => t.periods.some((p) => p.kind === k));
    // By default the finest level that has an actual (monthly actuals against a weekly cascade draw by month).
    const withActuals = kinds.filter((k) => t.periods.some((p) => p.kind === k && p.actualToDate !== null));
    const level = o.level ?? (withActuals.length > 0 ? withActuals[withActuals.length - 1]! : kinds[kinds.length - 1]!);
    if (!kinds.includes(level)) invalid(['options', 'level'], M.unknownLevel(kinds), { code: 'unknown_label', received: JSON.stringify(level) });
    const periods: TargetTrackingPeriod[] = t.periods.filter((p) => p.kind === level).sort(byStart);
    const first = periods[0]!;
    const yearEnd = periods[periods.length - 1]!.end;
    const cumulative: ChartRow[] = [{ date: first.start, value: 0, series: 'plan' }];
    let plan = 0;
    periods.forEach((p) => {
      plan += num(p.target, ['tracking', 'periods', t.periods.indexOf(p), 'target']);
      cumulative.push({ date: p.end, value: plan, series: 'plan' });
    });
    cumulative.push({ date: first.start, value: 0, series: 'actual' });
    let actual = 0;
    for (const p of periods) {
      if (p.status === 'future') break;
      const a = numOrNull(p.actualToDate, ['tracking', 'periods', t.periods.indexOf(p), 'actualToDate']);
      if (a === null) break;
      actual += a;
      cumulative.push({ date: p.status === 'open' ? t.asOf : p.end, value: actual, series: 'actual' });
    }
    const actualAt = ['tracking', 'actualToDate'];
    const forecastAt = ['tracking', 'runRateForecast'];
    const expectedAt = ['tracking', 'expectedToDate'];
    const actualToDate = num(t.actualToDate, actualAt);
    const forecast = numOrNull(t.runRateForecast, forecastAt);
    const forecastShown = forecast !== null && t.asOf < yearEnd;
    if (forecastShown) {
      cumulative.push({ date: t.asOf, value: actualToDate, series: 'run-rate forecast' }, { date: yearEnd, value: forecast, series: 'run-rate forecast' });
    }
    const scale = t.rounding.scale;
    const points: ChartRow[] = [
      { date: t.asOf, value: num(t.expectedToDate, expectedAt), series: 'expected to date', label: `expected ${amountText(t.expectedToDate, scale, expectedAt)}` },
      { date: t.asOf, value: actualToDate, series: 'actual to date', label: `actual ${amountText(t.actualToDate, scale, actualAt)}` },
    ];
    const x = { field: 'date', type: 'temporal', title: null, scale: { type: 'utc' }, axis: { format: '%b' } };
    const y = { field: 'value', type: 'quantitative', title: 'cumulative', axis: { format: ',.0f' } };
    const colour = { field: 'series', type: 'nominal', scale: { domain: ['plan', 'actual', 'run-rate forecast', 'expected to date', 'actual to date'], range: ['#1f4e79', '#2e7d32', '#e07b24', '#1f4e79', '#2e7d32'] }, title: null };
    return specOf(
      'pace',
      {
        description: `Cumulative actual against the plan by ${level} as of ${t.asOf}, with the run-rate forecast to ${yearEnd}.`,
        title: { text: o.title ?? `Pace as of ${t.asOf}`, subtitle: forecast === null ? 'cumulative actual against plan' : `run-rate forecast ${amountText(t.runRateForecast, scale, forecastAt)} of ${amountText(t.total, scale, ['tracking', 'total'])}` },
        width: o.width ?? 560,
        height: o.height ?? 280,
        datasets: { cumulative, points },
        layer: [
          { name: 'cumulative', data: { name: 'cumulative' }, transform: [{ filter: "datum.series !== 'run-rate forecast'" }], mark: { type: 'line', strokeWidth: 2 }, encoding: { x, y, color: colour } },
          ...(forecastShown
            ? [{ name: 'forecast', data: { name: 'cumulative' }, transform: [{ filter: "datum.series === 'run-rate forecast'" }], mark: { type: 'line', strokeWidth: 2, strokeDash: [6, 4] }, encoding: { x, y, color: colour } }]
            : []),
          { name: 'points', data: { name: 'points' }, mark: { type: 'point', filled: true, size: 70 }, encoding: { x, y, color: colour } },
          { name: 'expectedLabel', data: { name: 'points' }, transform: [{ filter: "datum.series === 'expected to date'" }], mark: { type: 'text', align: 'right', dx: -8, dy: 12, fontSize: 10 }, encoding: { x, y, text: { field: 'label' } } },
          { name: 'actualLabel', data: { name: 'points' }, transform: [{ filter: "datum.series === 'actual to date'" }], mark: { type: 'text', align: 'right', dx: -8, dy: -8, fontSize: 10 }, encoding: { x, y, text: { field: 'label' } } },
        ],
      },
      FIELDS,
      [{ code: 'pace-series', text: S.pace(level, periods.length, t.asOf) }],
      [...(Array.isArray(t.warnings) ? t.warnings : [])],
    );
  } catch (error) {
    throw wrapThrown(error);
  }
}

/** Orders periods by their first day; equal starts keep the order given (the sort is stable). */
function byStart(a: TargetTrackingPeriod, b: TargetTrackingPeriod): number {
  if (a.start < b.start) return -1;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent under V8, whose sort only asks whether a comparison is below 0 (0 and 1 order alike); the 1 keeps the comparator consistent for other engines
  return a.start > b.start ? 1 : 0;
}
