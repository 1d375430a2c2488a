// scoreDealers at the rounding edges of the percentile rank, with ties, grade counts and totals.
import { describe, expect, it } from 'vitest';
import { defineScorecard, scoreDealers } from 'dealerkit';

const card = defineScorecard({
  kpis: [{ id: 'a', direction: 'higher', scoring: { type: 'ratio' } }],
  stages: { s: { weights: { a: 1 } } },
  grades: [
    { min: 15, grade: 'A' },
    { min: 5, grade: 'B' },
  ],
});
const dealer = (i: number) => ({ id: `D${i}`, stage: 's', actuals: { a: i }, targets: { a: 100 } });

describe('scoreDealers: percentile ranks rounded half-up', () => {
  it('21 dealers scoring 1 to 21 at one place: k / 20 for k dealers below, 0.05 → 0.1, 0.15 → 0.2, 0.95 → 1', () => {
    const b = scoreDealers(card, Array.from({ length: 21 }, (_, i) => dealer(i + 1)), { ratioScale: 1 });
    const rows = b.rows.map((r) => (r.ok ? [r.result.score.toString(), r.result.rank, r.result.percentileRank.toString(), r.result.grade] : null));
    // Dealer Dk scores k (k % of a target of 100), has k − 1 dealers below it and rank 22 − k.
    const expected = Array.from({ length: 21 }, (_, i) => {
      const k = i + 1;
      const tenths = Math.floor(((k - 1) * 10) / 20 + 0.5); // (k − 1) / 20 at one place, half-up: exact in tenths
      return [String(k), 22 - k, tenths === 10 ? '1' : tenths === 0 ? '0' : `0.${tenths}`, k >= 15 ? 'A' : k >= 5 ? 'B' : null];
    });
    expect(rows).toEqual(expected);
    expect(rows[1]![2]).toBe('0.1');
    expect(rows[19]![2]).toBe('1');
    // Σ 1..21 = 231; mean 231 / 21 = 11. Grades: 15..21 → A (7), 5..14 → B (10), 1..4 → none (4).
    expect(JSON.parse(JSON.stringify(b.totals))).toEqual({ dealers: 21, grades: { A: 7, B: 10 }, ungraded: 4, highestScore: '21', lowestScore: '1', meanScore: '11' });
    expect(b.steps).toEqual([
      { code: 'ranking', text: 'Ranked 21 dealers by score, highest first; equal scores share a rank (1, 2, 2, 4); percentile rank = dealers scoring lower ÷ (21 − 1)' },
      { code: 'grades', text: 'Grades: A 7, B 10, no grade 4' },
    ]);
    expect(b.warnings).toEqual([]);
  });

  it('a tie at the top shares rank 1 and the percentile 1 / 2; the mean 5 / 3 rounds to 1.67', () => {
    const b = scoreDealers(card, [dealer(1), dealer(2), { ...dealer(2), id: 'D2b' }], { ratioScale: 2 });
    expect(b.rows.map((r) => (r.ok ? [r.result.rank, r.result.percentileRank.toString()] : null))).toEqual([
      [3, '0'],
      [1, '0.5'],
      [1, '0.5'],
    ]);
    expect(JSON.parse(JSON.stringify(b.totals))).toEqual({ dealers: 3, grades: { A: 0, B: 0 }, ungraded: 3, highestScore: '2', lowestScore: '1', meanScore: '1.67' });
  });
});
