import { describe, expect, it } from 'vitest';
import { DK_CASCADE, DK_PACE } from 'dealerkit/sheets';
import { actualsIssue } from '../../src/sheets/targets.js';
import { failure, thrown } from '../helpers.js';

// Survivors of the sheets mutation run in src/sheets/targets.ts: the argument named in each message
// (asserted whole), which spreads are one word, NRF weeks, the PACE actuals' length, and which
// engine paths are mapped to cells.

describe('DK.CASCADE names the argument', () => {
  it('a total that is not a number, a scale that is a range, a ragged spread', () => {
    expect(failure(() => DK_CASCADE('x', 2026, 'quarter'))).toEqual({ code: 'invalid_input', message: '[dealerkit] total: must be a number, received "x"' });
    expect(failure(() => DK_CASCADE(100, 2026, 'quarter', 'even', [[1, 2]])).message).toBe('[dealerkit] scale: must be a single cell, received a range of 1 rows × 2 columns');
    expect(failure(() => DK_CASCADE(100, 2026, 'quarter', [[1, 2], [3]])).message).toBe('[dealerkit] spread: must be a rectangular range, but row 2 has 1 cells and row 1 has 2');
  });
});

describe('DK.CASCADE spreads', () => {
  it('a single-cell range holding a word is that word', () => {
    // 2026 quarters by calendar days: Jan–Mar 31 + 28 + 31 = 90, Apr–Jun 30 + 31 + 30 = 91,
    // Jul–Sep 31 + 31 + 30 = 92, Oct–Dec 31 + 30 + 31 = 92; a total of 365 gives one unit per day.
    expect(DK_CASCADE(365, 2026, 'quarter', [['days']]).map((r) => r[3])).toEqual([90, 91, 92, 92]);
  });

  it('NRF weeks: fiscal 2026 is 52 weeks of 7 days from Sunday 2026-02-01 (serial 46054)', () => {
    // 520 over 52 weeks = 10 each; the last week ends 46054 + 52 × 7 − 1 = 46417 (Saturday 2027-01-30).
    const weeks = DK_CASCADE(520, 2026, 'week', null, null, 'nrf');
    expect(weeks.length).toBe(52);
    expect(weeks.every((r) => r[3] === 10)).toBe(true);
    expect([weeks[0]![1], weeks[0]![2], weeks[51]![1], weeks[51]![2]]).toEqual([46054, 46060, 46411, 46417]);
  });
});

describe('DK.PACE reads its actuals', () => {
  it('names an empty range of actuals', () => {
    expect(failure(() => DK_PACE(1200, 2026, 'quarter', '2026-12-31', [])).message).toBe('[dealerkit] actuals: must be a range with at least one cell, received an empty range');
  });

  it('one cell per period is allowed: the whole year reported on its last day', () => {
    // 1,200 even over 4 quarters = 300 each; all due on 2026-12-31: expected 1,200, actual 4 × 300 = 1,200,
    // attainment 1,200 / 1,200 = 1, gap 0, run rate 1,200 over 365 of 365 days = 1,200.
    expect(DK_PACE(1200, 2026, 'quarter', '2026-12-31', [[300, 300, 300, 300]])).toEqual([[1200, 1200, 1, 0, 1200]]);
  });

  it('one cell too many is refused with the issue code too_long and the limit', () => {
    expect(thrown(() => DK_PACE(1200, 2026, 'quarter', '2026-12-31', [[1, 2, 3, 4, 5]])).issues).toEqual([
      { path: ['actuals'], code: 'too_long', limit: '4', message: 'must have at most one cell per quarter (4), received 5' },
    ]);
  });
});

describe("actualsIssue maps the pace engine's paths", () => {
  const periods = [{ period: '2026-01' }, { period: '2026-02' }];
  it('the first period is cell 0', () => {
    expect(actualsIssue(periods, { path: ['actuals', '2026-01', 'x'], code: 'out_of_range', message: 'm' })).toEqual({ path: ['actuals', 0, 'x'], code: 'out_of_range', message: 'm' });
  });

  it('a period id under another argument is left alone', () => {
    expect(actualsIssue(periods, { path: ['targets', '2026-02'], code: 'out_of_range', message: 'm' })).toEqual({ path: ['targets', '2026-02'], code: 'out_of_range', message: 'm' });
  });
});
