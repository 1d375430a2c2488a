// Whole results of the seasonal helpers and of toDailyDemand that earlier tests left open: an odd
// ratio-to-moving-average cycle, the seasonal window across a year end into a leap February, and the
// per-day step of a daily history. Every figure derived by hand below.
import { describe, expect, it } from 'vitest';
import { calculateSeasonalIndices, planReorder, toDailyDemand } from 'dealerkit';

describe('an odd cycle: the plain centred moving average of L periods', () => {
  it('3, 6, 9, 3, 6, 9 with L = 3: every centred average is 6', () => {
    // t = 1..4: (3+6+9)/3 = (6+9+3)/3 = (9+3+6)/3 = (3+6+9)/3 = 6; ratios 6/6, 9/6, 3/6, 6/6 at positions
    // t mod 3 = 1, 2, 0, 1 → position 0: 0.5 (one), 1: (1 + 1)/2 = 1 (two), 2: 1.5 (one); their mean is 1.
    expect(calculateSeasonalIndices([3, 6, 9, 3, 6, 9], { method: 'ratio-to-moving-average', seasonLength: 3 })).toEqual({
      indices: [0.5, 1, 1.5],
      raw: [0.5, 1, 1.5],
      counts: [1, 2, 1],
      method: 'ratio-to-moving-average',
      seasonLength: 3,
      steps: [
        { code: 'ratio-to-moving-average', seasonLength: 3, movingAverage: 'L', meanRatios: [0.5, 1, 1.5], text: 'ratio-to-moving-average: each period over its centred 3 moving average, ratios averaged per season position' },
        { code: 'normalise', mean: 1, text: 'normalised to a mean of 1 (divided by 1)' },
      ],
      warnings: [],
    });
  });
});

describe('the seasonal window runs through December into the next (leap) year', () => {
  it('80 days from 2027-12-15 with December 3, February 2, the other months 1', () => {
    // Dec 15–31: 17 days × 3 = 51; Jan 2028: 31 × 1 = 31; Feb 2028 (leap): 29 × 2 = 58; Mar 1–3: 3 × 1 = 3.
    // 17 + 31 + 29 + 3 = 80 days; Σ I = 51 + 31 + 58 + 3 = 143; Σ I² = 17×9 + 31 + 29×4 + 3 = 303.
    // With σ = 0 the reorder point is 10 a day × 143 = 1,430; the window's mean rate 10 × 143/80 = 17.875.
    const idx = [1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3];
    const r = planReorder(
      { service: { cycle: 0.95 }, orderQuantity: { fixed: 100 } },
      { demand: { meanPerDay: 10, sdPerDay: 0 }, leadTime: { days: 80 }, stock: { onHand: 0, onOrder: 0 }, seasonality: { indicesByMonth: idx, asOf: '2027-12-15' } },
    );
    expect(r.reorderPoint).toBe(1430);
    expect(r.steps.find((s) => s.code === 'seasonality')).toEqual({
      code: 'seasonality',
      asOf: '2027-12-15',
      leadTimeDays: 80,
      leadTimeWeight: 143,
      protectionDays: 80,
      protectionWeight: 143,
      varianceWeight: 303,
      ratePerDay: 17.875,
      periodic: false,
      text: "seasonality from 2027-12-15: Σ of the daily indices over the lead time 80 days = 143; σ_d scales with the index (variance weight Σ I² = 303), σ_L uses the window's mean rate 17.875/day",
    });
  });
});

describe('toDailyDemand from a history of daily periods', () => {
  it('10, null, 14 a day: mean 8, sample σ √52, and the per-day step still shown', () => {
    // Zero-filled: 10, 0, 14 → mean 24/3 = 8; deviations 2, −8, 6 → (4 + 64 + 36)/2 = 52 → σ = √52 = 7.2111…
    const s = Math.sqrt(52);
    expect(toDailyDemand({ history: [10, null, 14], periodDays: 1 })).toEqual({
      meanPerDay: 8,
      sdPerDay: s,
      periodDays: 1,
      meanPerPeriod: 8,
      sdPerPeriod: s,
      periods: 3,
      zeroFilled: 1,
      steps: [
        { code: 'demand-history', periods: 3, periodDays: 1, zeroFilled: 1, meanPerPeriod: 8, sdPerPeriod: s, text: 'demand from 3 periods of 1 days (1 missing period zero-filled): mean 8, sample standard deviation (n − 1 = 2) 7.2111 per period' },
        { code: 'demand-per-day', meanPerPeriod: 8, sdPerPeriod: s, periodDays: 1, meanPerDay: 8, sdPerDay: s, text: 'per day: mean 8 / 1 = 8, σ 7.2111 / √1 = 7.2111 (√k scaling assumes independent days)' },
      ],
      warnings: [{ code: 'zero-filled-history', message: '1 of 3 periods of the demand history is missing and counted as 0', path: ['history'] }],
    });
  });
});
