// DK.CASCADE reads the year as a whole number from 1 to 9998; the targets engine takes 1000 to 9000
// and refuses the rest at `calendar.year` (Gregorian) or `calendar.fiscalYear` (NRF). The sheet
// user typed `year`: both paths are renamed to it (src/sheets/targets.ts RENAMES).
import { describe, expect, it } from 'vitest';
import { DK_CASCADE } from '../../src/sheets/index.js';

function refusal(call: () => unknown): [string, unknown[][]] {
  try {
    call();
  } catch (e) {
    const x = e as { message: string; issues: { path: unknown[] }[] };
    return [x.message, x.issues.map((i) => i.path)];
  }
  throw new Error('expected a refusal');
}

describe('DK.CASCADE names the year argument when the engine refuses the year', () => {
  it.each([
    ['gregorian', 999, 'year: must be at least 1000, received 999'],
    ['gregorian', 9001, 'year: must be at most 9000, received 9001'],
    ['nrf', 1, 'year: must be at least 1000, received 1'],
    ['nrf', 9998, 'year: must be at most 9000, received 9998'],
  ] as const)('%s %d', (calendar, year, message) => {
    expect(refusal(() => DK_CASCADE(1000, year, 'quarter', undefined, undefined, calendar))).toEqual([`[dealerkit] ${message}`, [['year']]]);
  });
  it('the limits themselves cascade: 1000 and 9000 in both calendars give four quarters of 250', () => {
    for (const calendar of ['gregorian', 'nrf']) {
      for (const year of [1000, 9000]) {
        const rows = DK_CASCADE(1000, year, 'quarter', undefined, 0, calendar);
        // 1,000 / 4 = 250 each, exactly.
        expect(rows.map((r) => r[3]), `${calendar} ${year}`).toEqual([250, 250, 250, 250]);
      }
    }
  });
});
