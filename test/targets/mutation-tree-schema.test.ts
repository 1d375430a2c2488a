// The targets schemas' own messages and fields. The schemas are built on first use, once per test
// file, so every check sits in this file's first test: the one a mutation run finds covering them.
import { describe, expect, it } from 'vitest';
import { cascadeTarget, cascadeTargets, defineGregorianCalendar, defineRetailCalendar } from 'dealerkit/targets';
import { errorOf } from './helpers.js';

const nrfRules = { pattern: '4-5-4', yearEnd: { weekday: 'saturday', rule: 'nearest', month: 1 } } as const;
const messages = (fn: () => unknown) => errorOf(fn).issues.map((i) => [i.path.join('.'), i.message]);

describe('targets schemas', () => {
  it('each field accepts what it names and refuses the rest with its own message', () => {
    // Years: whole only.
    expect(messages(() => defineGregorianCalendar({ year: 2026.5 }))).toEqual([['year', 'must be a whole year, received 2026.5']]);
    // leapWeek: 'last-month', 'restate' or { month }.
    expect(messages(() => defineRetailCalendar({ fiscalYear: 2023, ...nrfRules, leapWeek: 'first' as never }))).toEqual([
      ['leapWeek', 'must be \'last-month\', \'restate\' or { month: 1–12 }, received "first"'],
    ]);
    // naming 'end': NRF rules, the year ending in January 2026 is FY2026 (2026-01-31 is a Saturday;
    // the Saturday nearest 2025-01-31, a Friday, is 2025-02-01, so the year starts 2025-02-02).
    // naming 'majority' names the same dates FY2025.
    const end = defineRetailCalendar({ fiscalYear: 2026, ...nrfRules, naming: 'end' });
    const majority = defineRetailCalendar({ fiscalYear: 2025, ...nrfRules, naming: 'majority' });
    expect([end.period, end.start, end.end, majority.period, majority.start, majority.end]).toEqual(['FY2026', '2025-02-02', '2026-01-31', 'FY2025', '2025-02-02', '2026-01-31']);
    // A calendar spec by system: 'retail' and 'nrf' (NRF fiscal 2026: 2026-02-01 to 2027-01-30).
    const bySpec = (calendar: object) => {
      const c = cascadeTarget({ calendar: calendar as never, levels: ['quarter'], spread: 'even' }, 364);
      return [c.steps[0]!.text.slice(0, 45), c.periods.map((p) => p.target.toString())];
    };
    expect(bySpec({ system: 'nrf', fiscalYear: 2026 })).toEqual(['FY2026 (retail, 2026-02-01 to 2027-01-30, 364', ['91', '91', '91', '91']]);
    expect(bySpec({ system: 'retail', fiscalYear: 2026, ...nrfRules })).toEqual(['FY2026 (retail, 2026-02-01 to 2027-01-30, 364', ['91', '91', '91', '91']]);
    // Not a calendar.
    expect(messages(() => cascadeTarget({ calendar: 42 as never, levels: ['month'], spread: 'even' }, 10))).toEqual([
      ['calendar', 'must be a calendar from defineGregorianCalendar, defineRetailCalendar or defineNrfCalendar, or a calendar spec with a system'],
    ]);
    // workdays with a weekend: 2026's Q1 has 90 days, 64 of them Monday to Friday with a Saturday
    // and Sunday weekend, Q2 91 (65), Q3 92 (66), Q4 92 (66): 261 working days (counted with Python's
    // date.weekday()).
    const y2026 = defineGregorianCalendar({ year: 2026 });
    const w = cascadeTarget({ calendar: y2026, levels: ['quarter'], spread: 'workdays', workdays: { weekend: ['saturday', 'sunday'] } }, 261);
    expect(w.periods.map((p) => p.target.toString())).toEqual(['64', '65', '66', '66']);
    // path 'direct': 1,200 to quarters (300 each) and to months from the year (100 each).
    const direct = cascadeTarget({ calendar: y2026, levels: ['quarter', 'month'], spread: 'even', path: 'direct' }, 1200);
    expect([direct.periods.map((q) => q.target.toString()), direct.periods[0]!.children.map((m) => m.target.toString())]).toEqual([
      ['300', '300', '300', '300'],
      ['100', '100', '100'],
    ]);
    // Spreads: a name, a list, a nested list, a bad profile.
    const spread = (s: unknown) => messages(() => cascadeTarget({ calendar: y2026, levels: ['quarter'], spread: s as never }, 10));
    expect(spread('weekly')).toEqual([['spread', 'must be \'even\', \'days\', \'workdays\', { profile } or { reference }, received "weekly"']]);
    expect(spread(42)).toEqual([['spread', 'must be \'even\', \'days\', \'workdays\', { profile } or { reference }, received number']]);
    expect(spread([[1]])).toEqual([['spread.0', 'must be \'even\', \'days\', \'workdays\', { profile } or { reference }, received an array']]);
    expect(spread({ profile: 'flat' })).toEqual([['spread.profile', 'must be an array of weights or an object of weights by period id']]);
    // Batch options: onError 'throw', detail 'full', onProgress a function (called once per row).
    const calls: [number, number][] = [];
    const b = cascadeTargets({ calendar: y2026, levels: ['quarter'], spread: 'even' }, [{ id: 'D1', total: 400 }], {
      onError: 'throw',
      detail: 'full',
      onProgress: (done, total) => calls.push([done, total]),
    });
    // 400 / 4 = 100 a quarter, with its steps (detail 'full').
    expect(b.rows.map((row) => [row.id, row.ok, row.result!.periods.map((p) => p.target.toString()), row.result!.steps.length])).toEqual([['D1', true, ['100', '100', '100', '100'], 2]]);
    expect(calls.at(-1)).toEqual([1, 1]);
    expect(errorOf(() => cascadeTargets({ calendar: y2026, levels: ['quarter'], spread: 'even' }, [], { onProgress: 5 as never })).issues).toEqual([
      { path: ['options', 'onProgress'], code: 'invalid_type', expected: 'a function', received: '5', message: 'must be a function (done, total) => void' },
    ]);
  });
});
