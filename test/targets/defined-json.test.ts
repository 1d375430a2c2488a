// A defined targets calendar read back from JSON (issue 18 part 1, KNOWN_OPEN 1 of the hostile run):
// accepted as a cascade's calendar with the live calendar's cascade (the oracle, compared as JSON),
// and refused at the field when a period, date or count disagrees with its spec fields.
import { describe, expect, it } from 'vitest';
import * as dk from 'dealerkit';
import { DealerkitError } from 'dealerkit';
import { thrown } from '../helpers.js';

/** What JSON makes of a value: Decimals become their plain text. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = (v: unknown): any => JSON.parse(JSON.stringify(v));
const where = (e: DealerkitError) => e.issues.map((i) => [i.path.join('.'), i.code, i.message]);
/** The message of a derived field that disagrees (core/defined.ts), written out here. */
const disagrees = (what: string, received: string, expected: string) =>
  `is ${received}, but ${what} defined again from this JSON has ${expected}: a field derived from the others must agree with them`;

describe('a targets calendar read back from JSON gives the live calendar’s cascade', () => {
  const calendars = {
    'a calendar year': dk.defineGregorianCalendar({ year: 2026 }),
    'a fiscal year from April': dk.defineGregorianCalendar({ start: '2025-04-01' }),
    'NRF 2023 (53 weeks)': dk.defineNrfCalendar(2023),
    'a restated 53-week retail year': dk.defineRetailCalendar({ fiscalYear: 2023, pattern: '4-4-5', yearEnd: { weekday: 'saturday', rule: 'last', month: 12 }, leapWeek: 'restate' }),
  };
  it.each(Object.entries(calendars))('%s: the same cascade', (_name, calendar) => {
    expect(json(calendar).kind).toBe('target-calendar');
    const spec = { calendar, levels: ['quarter', 'month', 'week'] as const, spread: 'days' as const, ...(calendar.system === 'gregorian' ? { weeks: 'split' as const } : {}) };
    const live = dk.cascadeTarget({ ...spec, levels: [...spec.levels] }, 1200);
    expect(json(dk.cascadeTarget(json(spec), 1200))).toEqual(json(live));
    expect(json(dk.cascadeTargets(json(spec), [{ id: 'D1', total: 1200 }]))).toEqual(json(dk.cascadeTargets({ ...spec, levels: [...spec.levels] }, [{ id: 'D1', total: 1200 }])));
  });

  it('the even monthly cascade of a calendar year read back: 100 a month', () => {
    const r = dk.cascadeTarget({ calendar: json(calendars['a calendar year']), levels: ['month'], spread: 'even' }, 1200);
    expect(json(r).periods.map((p: { target: string }) => p.target)).toEqual(new Array(12).fill('100'));
  });

  const nrf = () => json(dk.defineNrfCalendar(2026));
  const refused: [string, (c: ReturnType<typeof json>) => void, string, string, string][] = [
    // NRF fiscal 2026 ends on the Saturday nearest 31 January 2027; its Q1 (4-5-4 weeks) ends 2026-05-02.
    ['a quarter whose end is not its months’', (c) => (c.quarters[0].end = '2026-05-01'), 'calendar.quarters.0.end', 'inconsistent', disagrees('the calendar', '"2026-05-01"', '"2026-05-02"')],
    ['a period id of another year', (c) => (c.period = 'FY2027'), 'calendar.period', 'inconsistent', disagrees('the calendar', '"FY2027"', '"FY2026"')],
    ['a week left out', (c) => c.weeks.pop(), 'calendar.weeks', 'inconsistent', disagrees('the calendar', 'a list of 51 items', 'a list of 52 items')],
    ['a retail week with an ISO week', (c) => (c.weeks[0].isoYear = 2026), 'calendar.weeks.0.isoYear', 'inconsistent', disagrees('the calendar', '2026', 'nothing')],
    ['a retail calendar without its rules', (c) => (c.retail = null), 'calendar.retail', 'invalid_type', 'is required in a retail calendar: its pattern, yearEnd, leapWeek and naming, received null'],
    ['a retail pattern that is none', (c) => (c.retail.pattern = '4-4-4'), 'calendar.retail.pattern', 'invalid_value', 'must be one of \'4-4-5\', \'4-5-4\', \'5-4-4\', received "4-4-4"'],
  ];
  it.each(refused)('refuses %s at its path', (_label, tamper, path, code, message) => {
    const c = nrf();
    tamper(c);
    expect(where(thrown(() => dk.cascadeTarget({ calendar: c, levels: ['month'], spread: 'even' }, 100)))).toEqual([[path, code, message]]);
  });
});
