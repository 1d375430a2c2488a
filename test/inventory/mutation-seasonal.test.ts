import { describe, expect, it } from 'vitest';
import { calculateSeasonalIndices } from 'dealerkit';
import { thrown } from '../helpers.js';

// Whole results of calculateSeasonalIndices, derived by hand.
describe('calculateSeasonalIndices: whole results', () => {
  it('average over two cycles of 4: means 10, 20, 30, 40 over their mean 25', () => {
    expect(calculateSeasonalIndices([10, 20, 30, 40, 10, 20, 30, 40], { method: 'average', seasonLength: 4 })).toEqual({
      indices: [0.4, 0.8, 1.2, 1.6],
      raw: [10, 20, 30, 40],
      counts: [2, 2, 2, 2],
      method: 'average',
      seasonLength: 4,
      steps: [
        { code: 'season-average', seasonLength: 4, means: [10, 20, 30, 40], text: 'average method: the mean of each of the 4 season positions over the mean of those means' },
        { code: 'normalise', mean: 25, text: 'normalised to a mean of 1 (divided by 25)' },
      ],
      warnings: [],
    });
  });

  it('a partial cycle from start position 1: position 0 has one value, 1 and 2 have two', () => {
    // history[i] sits at position (1 + i) mod 3: 6 → 1, 3 → 2, 9 → 0, 6 → 1, 3 → 2.
    // Means: position 0 = 9, position 1 = (6 + 6)/2 = 6, position 2 = (3 + 3)/2 = 3; their mean 6 → 1.5, 1, 0.5.
    const s = calculateSeasonalIndices([6, 3, 9, 6, 3], { method: 'average', seasonLength: 3, startIndex: 1 });
    expect([s.indices, s.raw, s.counts]).toEqual([[1.5, 1, 0.5], [9, 6, 3], [1, 2, 2]]);
    expect(s.steps.map((x) => x.text)).toEqual(['average method: the mean of each of the 3 season positions over the mean of those means', 'normalised to a mean of 1 (divided by 6)']);
  });

  it('an even cycle uses the 2 × L moving average and says so', () => {
    // Centred 2×4 averages are all 25 (10 20 30 40 repeated): ratios 30/25, 40/25, 10/25, 20/25 at positions 2, 3, 0, 1.
    const s = calculateSeasonalIndices([10, 20, 30, 40, 10, 20, 30, 40], { method: 'ratio-to-moving-average', seasonLength: 4 });
    expect(s.steps[0]).toMatchObject({ code: 'ratio-to-moving-average', seasonLength: 4, movingAverage: '2xL' });
    expect(s.steps[0]!.text).toBe('ratio-to-moving-average: each period over its centred 2 × 4 moving average, ratios averaged per season position');
    expect(s.raw.map((x) => Number(x.toFixed(12)))).toEqual([0.4, 0.8, 1.2, 1.6]);
    expect(s.method).toBe('ratio-to-moving-average');
  });

  it('an odd cycle of 3 needs 3 + 2 × 1 = 5 periods; a zero-filled period is counted in the warning', () => {
    expect(thrown(() => calculateSeasonalIndices([3, 6, 9, 3], { method: 'ratio-to-moving-average', seasonLength: 3 })).issues).toEqual([
      { path: ['history'], code: 'too_short', message: 'must hold at least 5 periods for a centred moving average at every season position, received 4', limit: '5' },
    ]);
    const s = calculateSeasonalIndices([3, null, 9, null], { method: 'average', seasonLength: 2 });
    // Positions: 3 and 9 at 0 (mean 6), 0 and 0 at 1 (mean 0); mean of means 3 → indices 2 and 0.
    expect(s.indices).toEqual([2, 0]);
    expect(s.warnings).toEqual([{ code: 'zero-filled-history', message: '2 of 4 periods of the demand history are missing and counted as 0', path: ['history'] }]);
  });
});
