// chartPace on the inputs the chart tests do not reach (src/charts/pace.ts): a tracking without a
// periods list, no actuals (the finest level is drawn), periods out of order (drawn by start), no
// run-rate forecast, and warnings that are not a list. Plan: 1,200 over 2026 spread evenly, so
// each month plans 100 and each quarter 300.
import { describe, expect, it } from 'vitest';
import { cascadeTarget, defineGregorianCalendar, trackTarget } from 'dealerkit';
import { chartPace } from 'dealerkit/charts';
import { thrown } from '../helpers.js';

const plan = cascadeTarget({ calendar: defineGregorianCalendar({ year: 2026 }), levels: ['quarter', 'month'], spread: 'even' }, 1200);
const tracking = trackTarget(plan, { '2026-01': 90 }, { asOf: '2026-01-31' });

describe('chartPace branches', () => {
  it('a tracking whose periods are not a list is refused at tracking', () => {
    const e = thrown(() => chartPace({ ...tracking, periods: 'all' } as never));
    expect(e.issues).toEqual([{ path: ['tracking'], code: 'invalid_type', message: 'must be a result of trackTarget' }]);
  });
  it('periods out of order are drawn by start; no forecast gives the plain subtitle; non-list warnings are none', () => {
    const reversed = { ...tracking, periods: [...tracking.periods].reverse(), runRateForecast: null, warnings: 'none' } as never;
    const spec = chartPace(reversed);
    // Monthly plan: 0 at 2026-01-01, then 100 more at each month end: 100 at 01-31, 200 at 02-28, …, 1,200 at 12-31.
    const planRows = spec.datasets.cumulative.filter((r) => r.series === 'plan');
    expect(planRows.length).toBe(13);
    expect(planRows.slice(0, 3).map((r) => [r.date, r.value])).toEqual([['2026-01-01', 0], ['2026-01-31', 100], ['2026-02-28', 200]]);
    expect(planRows[12]!.value).toBe(1200);
    expect(spec.datasets.cumulative.some((r) => r.series === 'run-rate forecast')).toBe(false);
    expect(spec.title).toEqual({ text: 'Pace as of 2026-01-31', subtitle: 'cumulative actual against plan' });
    expect(spec.usermeta.dealerkit.warnings).toEqual([]);
  });
  it('with no actual anywhere the finest level (month) is drawn', () => {
    const none = { ...tracking, periods: tracking.periods.map((p) => ({ ...p, actualToDate: null })) } as never;
    const spec = chartPace(none);
    expect(spec.datasets.cumulative.filter((r) => r.series === 'plan').length).toBe(13); // 12 months + the start
    expect(spec.datasets.cumulative.filter((r) => r.series === 'actual')).toEqual([{ date: '2026-01-01', value: 0, series: 'actual' }]);
  });
  it('two periods with the same start keep their order (a month listed twice plans 100 twice)', () => {
    const jan = tracking.periods.find((p) => p.kind === 'month' && p.period === '2026-01')!;
    const twice = { ...tracking, periods: [...tracking.periods, { ...jan }] } as never;
    const rows = chartPace(twice).datasets.cumulative.filter((r) => r.series === 'plan');
    expect(rows.length).toBe(14);
    expect(rows.slice(0, 3).map((r) => [r.date, r.value])).toEqual([['2026-01-01', 0], ['2026-01-31', 100], ['2026-01-31', 200]]);
    expect(rows[13]!.value).toBe(1300);
  });
});
