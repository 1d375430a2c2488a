// chartPace asserted whole (src/charts/pace.ts): the cumulative series, the points, the layers, the
// fields, the titles and the step, from a tracking whose figures are derived here by hand.
import { describe, expect, it } from 'vitest';
import { cascadeTarget, defineGregorianCalendar, trackTarget } from 'dealerkit';
import { chartPace } from 'dealerkit/charts';
import { thrown } from '../helpers.js';
import { CONFIG, SCHEMA } from './spec-parts.js';

const FIELDS = {
  cumulative: {
    date: 'the day (ISO date, read as UTC)',
    value: 'the cumulative amount on that day',
    series: "'plan' (cumulative target at each period end), 'actual' (cumulative actual to date) or 'run-rate forecast'",
  },
  points: { date: 'the statement date (asOf)', value: 'the amount', series: "'expected to date' or 'actual to date'", label: 'the amount in words' },
};
const x = { field: 'date', type: 'temporal', title: null, scale: { type: 'utc' }, axis: { format: '%b' } };
const y = { field: 'value', type: 'quantitative', title: 'cumulative', axis: { format: ',.0f' } };
const colour = { field: 'series', type: 'nominal', scale: { domain: ['plan', 'actual', 'run-rate forecast', 'expected to date', 'actual to date'], range: ['#1f4e79', '#2e7d32', '#e07b24', '#1f4e79', '#2e7d32'] }, title: null };
const LINE = { name: 'cumulative', data: { name: 'cumulative' }, transform: [{ filter: "datum.series !== 'run-rate forecast'" }], mark: { type: 'line', strokeWidth: 2 }, encoding: { x, y, color: colour } };
const FORECAST = { name: 'forecast', data: { name: 'cumulative' }, transform: [{ filter: "datum.series === 'run-rate forecast'" }], mark: { type: 'line', strokeWidth: 2, strokeDash: [6, 4] }, encoding: { x, y, color: colour } };
const POINT_LAYERS = [
  { name: 'points', data: { name: 'points' }, mark: { type: 'point', filled: true, size: 70 }, encoding: { x, y, color: colour } },
  { name: 'expectedLabel', data: { name: 'points' }, transform: [{ filter: "datum.series === 'expected to date'" }], mark: { type: 'text', align: 'right', dx: -8, dy: 12, fontSize: 10 }, encoding: { x, y, text: { field: 'label' } } },
  { name: 'actualLabel', data: { name: 'points' }, transform: [{ filter: "datum.series === 'actual to date'" }], mark: { type: 'text', align: 'right', dx: -8, dy: -8, fontSize: 10 }, encoding: { x, y, text: { field: 'label' } } },
];
const MONTH_ENDS = ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31', '2026-11-30', '2026-12-31'];

const plan = cascadeTarget({ calendar: defineGregorianCalendar({ year: 2026 }), levels: ['quarter', 'month'], spread: 'even' }, 1200);

describe('chartPace, whole', () => {
  it('a quarter of monthly actuals with its run-rate forecast', () => {
    // 100 a month; 90 + 110 + 130 = 330 sold by 31 March against 300 expected.
    // Run rate: 330 × 365 / 90 days = 1,338.33 → 1,338.
    const t = trackTarget(plan, { '2026-01': 90, '2026-02': 110, '2026-03': 130 }, { asOf: '2026-03-31' });
    expect(chartPace(t)).toEqual({
      $schema: SCHEMA,
      description: 'Cumulative actual against the plan by month as of 2026-03-31, with the run-rate forecast to 2026-12-31.',
      title: { text: 'Pace as of 2026-03-31', subtitle: 'run-rate forecast 1,338 of 1,200' },
      width: 560,
      height: 280,
      datasets: {
        cumulative: [
          { date: '2026-01-01', value: 0, series: 'plan' },
          ...MONTH_ENDS.map((date, k) => ({ date, value: 100 * (k + 1), series: 'plan' })),
          { date: '2026-01-01', value: 0, series: 'actual' },
          { date: '2026-01-31', value: 90, series: 'actual' },
          { date: '2026-02-28', value: 200, series: 'actual' },
          { date: '2026-03-31', value: 330, series: 'actual' },
          { date: '2026-03-31', value: 330, series: 'run-rate forecast' },
          { date: '2026-12-31', value: 1338, series: 'run-rate forecast' },
        ],
        points: [
          { date: '2026-03-31', value: 300, series: 'expected to date', label: 'expected 300' },
          { date: '2026-03-31', value: 330, series: 'actual to date', label: 'actual 330' },
        ],
      },
      layer: [LINE, FORECAST, ...POINT_LAYERS],
      config: CONFIG,
      usermeta: { dealerkit: { chart: 'pace', fields: FIELDS, warnings: [], steps: [{ code: 'pace-series', text: 'Cumulative plan over 12 month periods, cumulative actual and the run-rate forecast as of 2026-03-31' }] } },
    });
  });

  it('by quarter when asked; options; the tracking warnings are kept', () => {
    const t = trackTarget(plan, { '2026-01': 90, '2026-02': 110, '2026-03': 130 }, { asOf: '2026-03-31' });
    const spec = chartPace({ ...t, warnings: [{ code: 'w', message: 'note' }] } as never, { level: 'quarter', title: 'Q', width: 400, height: 200 });
    expect([spec.title.text, spec.width, spec.height]).toEqual(['Q', 400, 200]);
    // Quarterly plan 300 at each quarter end; the quarter's actual is the sum of its months, 330.
    expect(spec.datasets.cumulative.filter((r) => r.series !== 'run-rate forecast')).toEqual([
      { date: '2026-01-01', value: 0, series: 'plan' },
      { date: '2026-03-31', value: 300, series: 'plan' },
      { date: '2026-06-30', value: 600, series: 'plan' },
      { date: '2026-09-30', value: 900, series: 'plan' },
      { date: '2026-12-31', value: 1200, series: 'plan' },
      { date: '2026-01-01', value: 0, series: 'actual' },
      { date: '2026-03-31', value: 330, series: 'actual' },
    ]);
    expect(spec.description).toBe('Cumulative actual against the plan by quarter as of 2026-03-31, with the run-rate forecast to 2026-12-31.');
    expect(spec.usermeta.dealerkit.steps[0]!.text).toBe('Cumulative plan over 4 quarter periods, cumulative actual and the run-rate forecast as of 2026-03-31');
    expect(spec.usermeta.dealerkit.warnings).toEqual([{ code: 'w', message: 'note' }]);
  });

  it('on the last day of the year: no forecast layer, the plain subtitle when there is no forecast', () => {
    const end = trackTarget(plan, { '2026-Q1': 300, '2026-Q2': 300, '2026-Q3': 300, '2026-Q4': 300 }, { asOf: '2026-12-31' });
    const spec = chartPace(end);
    expect(spec.layer).toEqual([LINE, ...POINT_LAYERS]);
    expect(spec.datasets.cumulative.filter((r) => r.series === 'run-rate forecast')).toEqual([]);
    // A forecast that is there but not drawn still names itself in the subtitle: 1,200 × 365 / 365 days = 1,200.
    expect(spec.title.subtitle).toBe('run-rate forecast 1,200 of 1,200');
    const noForecast = chartPace({ ...end, runRateForecast: null } as never);
    expect(noForecast.title.subtitle).toBe('cumulative actual against plan');
    expect(noForecast.layer).toEqual([LINE, ...POINT_LAYERS]);
  });

  it('a day before the year end the forecast is still drawn', () => {
    const t = trackTarget(plan, { '2026-Q1': 300, '2026-Q2': 300, '2026-Q3': 300, '2026-Q4': 290 }, { asOf: '2026-12-30' });
    const spec = chartPace(t, { level: 'quarter' });
    // 1,190 sold in 364 days: 1,190 × 365 / 364 = 1,193.27 → 1,193.
    expect(spec.layer.map((l) => l.name)).toEqual(['cumulative', 'forecast', 'points', 'expectedLabel', 'actualLabel']);
    expect(spec.datasets.cumulative.filter((r) => r.series === 'run-rate forecast').map((r) => [r.date, r.value])).toEqual([['2026-12-30', 1190], ['2026-12-31', 1193]]);
    // The open quarter's actual is drawn at the tracking date.
    expect(spec.datasets.cumulative.filter((r) => r.series === 'actual').at(-1)).toEqual({ date: '2026-12-30', value: 1190, series: 'actual' });
  });

  it('amounts at two decimals are printed with them', () => {
    const cents = cascadeTarget({ calendar: defineGregorianCalendar({ year: 2026 }), levels: ['month'], spread: 'even', rounding: { scale: 2 } }, '1200.00');
    const t = trackTarget(cents, { '2026-01': '99.5' }, { asOf: '2026-01-31' });
    const spec = chartPace(t);
    expect(spec.datasets.points.map((p) => p.label)).toEqual(['expected 100.00', 'actual 99.50']);
    expect(spec.title.subtitle).toMatch(/^run-rate forecast [\d,]+\.\d\d of 1,200\.00$/);
  });

  it('every refusal names its path, its code and its text', () => {
    const t = trackTarget(plan, { '2026-01': 90 }, { asOf: '2026-01-31' });
    expect(thrown(() => chartPace([] as never)).issues).toEqual([{ path: ['tracking'], code: 'invalid_type', message: 'must be a result of trackTarget' }]);
    expect(thrown(() => chartPace({ ...t, periods: [] })).issues).toEqual([{ path: ['tracking', 'periods'], code: 'too_short', limit: '1', message: 'must hold at least one period: an empty chart is never drawn' }]);
    expect(thrown(() => chartPace(t, { level: 'week' })).issues).toEqual([{ path: ['options', 'level'], code: 'unknown_label', received: '"week"', message: "is not a level of the tracked cascade ('quarter', 'month')" }]);
    const months = t.periods.filter((p) => p.kind === 'month');
    const bad = (k: number, field: string) => ({ ...t, periods: months.map((p, j) => (j === k ? { ...p, [field]: {} } : p)) }) as never;
    expect(thrown(() => chartPace(bad(3, 'target'))).issues.map((i) => i.path)).toEqual([['tracking', 'periods', 3, 'target']]);
    expect(thrown(() => chartPace(bad(0, 'actualToDate'))).issues.map((i) => i.path)).toEqual([['tracking', 'periods', 0, 'actualToDate']]);
    for (const field of ['actualToDate', 'runRateForecast', 'expectedToDate']) {
      expect(thrown(() => chartPace({ ...t, [field]: {} } as never)).issues).toEqual([{ path: ['tracking', field], code: 'invalid_type', expected: 'a number', message: 'must be a number, a numeric string or a Decimal' }]);
    }
    expect(thrown(() => chartPace({ ...t, total: 'x' } as never)).issues.map((i) => i.path)).toEqual([['tracking', 'total']]);
  });
});

describe('chartPace, periods as given', () => {
  const t = trackTarget(plan, { '2026-01': 90, '2026-02': 110 }, { asOf: '2026-02-28' });
  const months = t.periods.filter((p) => p.kind === 'month');

  it('two periods with the same start keep their order, whatever their figures', () => {
    // January listed twice, the copy planning 50: the plan climbs 100 then 150 (in the order given), then 250 at February's end.
    const twice = { ...t, periods: [months[0]!, { ...months[0]!, target: '50' }, ...months.slice(1)] } as never;
    expect(chartPace(twice).datasets.cumulative.filter((r) => r.series === 'plan').slice(0, 4).map((r) => [r.date, r.value])).toEqual([
      ['2026-01-01', 0],
      ['2026-01-31', 100],
      ['2026-01-31', 150],
      ['2026-02-28', 250],
    ]);
    const swapped = { ...t, periods: [{ ...months[0]!, target: '50' }, months[0]!, ...months.slice(1)] } as never;
    expect(chartPace(swapped).datasets.cumulative.filter((r) => r.series === 'plan').slice(1, 3).map((r) => r.value)).toEqual([50, 150]);
  });

  it('seventy weekly periods given last first are drawn first first', () => {
    // A hand-made tracking of 70 seven-day periods from 2026-01-05, each planning 10, listed in reverse.
    const day = (n: number) => new Date(Date.UTC(2026, 0, 5 + n)).toISOString().slice(0, 10);
    const weeks = Array.from({ length: 70 }, (_, k) => ({ ...months[5]!, kind: 'week', period: `w${k + 1}`, start: day(7 * k), end: day(7 * k + 6), target: '10', actualToDate: null, status: 'future' }));
    const spec = chartPace({ ...t, periods: [...weeks].reverse(), asOf: '2026-01-04', runRateForecast: null } as never);
    const plan70 = spec.datasets.cumulative.filter((r) => r.series === 'plan');
    expect(plan70.map((r) => r.value)).toEqual(Array.from({ length: 71 }, (_, k) => 10 * k));
    expect(plan70.map((r) => r.date)).toEqual(['2026-01-05', ...weeks.map((w) => w.end)]);
  });

  it("a future period's actual is not drawn", () => {
    // March is future on 28 February; an actual written into it (by hand) stops the line all the same.
    const edited = { ...t, periods: months.map((p, k) => (k === 2 ? { ...p, actualToDate: '70' } : p)) } as never;
    expect(chartPace(edited).datasets.cumulative.filter((r) => r.series === 'actual').map((r) => [r.date, r.value])).toEqual([
      ['2026-01-01', 0],
      ['2026-01-31', 90],
      ['2026-02-28', 200],
    ]);
  });
});
