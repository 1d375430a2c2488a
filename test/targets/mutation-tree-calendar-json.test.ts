// A retail calendar read back from its JSON: its rules and dropped week accepted, and a bad rule
// refused under `retail`. The JSON schema is built on first use, once per file, so every check sits
// in the first test.
import { describe, expect, it } from 'vitest';
import { cascadeTarget, defineRetailCalendar } from 'dealerkit/targets';
import { errorOf } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = (v: unknown): any => JSON.parse(JSON.stringify(v));

describe('a retail calendar’s JSON', () => {
  it('is read back with its dropped week, and a bad rule is refused at its path under retail', () => {
    // The last Saturdays of December 2021 and 2022 are the 25th and the 31st: FY2022 would run
    // 2021-12-26 to 2022-12-31, 371 days (53 weeks); 'restate' drops the first week, 2021-12-26 to
    // 2022-01-01, and the year runs 2022-01-02 to 2022-12-31 (364 days).
    const c = defineRetailCalendar({ fiscalYear: 2022, pattern: '4-4-5', yearEnd: { weekday: 'saturday', rule: 'last', month: 12 }, leapWeek: 'restate' });
    expect([c.start, c.end, c.days, c.retail!.weeksInYear, { ...c.retail!.droppedWeek }]).toEqual(['2022-01-02', '2022-12-31', 364, 53, { start: '2021-12-26', end: '2022-01-01' }]);
    const back = cascadeTarget({ calendar: json(c), levels: ['quarter'], spread: 'even' }, 364);
    expect([back.steps[0]!.text.slice(0, 47), back.periods.map((p) => p.target.toString())]).toEqual(['FY2022 (retail, 2022-01-02 to 2022-12-31, 364 d', ['91', '91', '91', '91']]);

    const refused = (edit: (j: ReturnType<typeof json>) => void) => {
      const j = json(c);
      edit(j);
      return errorOf(() => cascadeTarget({ calendar: j, levels: ['quarter'], spread: 'even' }, 364)).issues;
    };
    expect(refused((j) => (j.retail = null))).toEqual([
      {
        path: ['calendar', 'retail'],
        code: 'invalid_type',
        expected: 'an object',
        received: 'null',
        message: 'is required in a retail calendar: its pattern, yearEnd, leapWeek and naming, received null',
      },
    ]);
    expect(refused((j) => (j.retail.yearEnd.month = 13)).map((i) => i.path)).toEqual([['calendar', 'retail', 'yearEnd', 'month']]);
    expect(refused((j) => (j.retail.leapWeek = 'first')).map((i) => i.path)).toEqual([['calendar', 'retail', 'leapWeek']]);
    expect(refused((j) => (j.retail.naming = 'start')).map((i) => i.path)).toEqual([['calendar', 'retail', 'naming']]);
  });
});
