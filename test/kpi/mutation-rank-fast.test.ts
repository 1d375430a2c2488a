// scoreDealers on its fast path (a scorecard that rounds its lines, plain-number dealers on one
// stage): the ranking, the percentile ranks, the totals and the batch steps read the scaled keys, so
// they are checked here on such batches, with the figures derived by hand in the comments.
import { describe, expect, it } from 'vitest';
import { defineScorecard, scoreDealers } from 'dealerkit';

// Points are the attainment rounded to 2 places; one KPI of weight 1, a target of 100: score = actual.
const card = defineScorecard({
  kpis: [{ id: 'a', direction: 'higher', scoring: { type: 'ratio' } }],
  stages: { s: { weights: { a: 1 } } },
  rounding: { scale: 2 },
});
const dealer = (id: string, a: number) => ({ id, stage: 's', actuals: { a }, targets: { a: 100 } });
const ranks = (b: ReturnType<typeof scoreDealers>) =>
  b.rows.map((r) => (r.ok ? [r.id, r.result.score.toString(), r.result.rank, r.result.percentileRank.toString()] : [r.id, 'refused']));

describe('scoreDealers on the fast path: ranks, percentile ranks and totals', () => {
  it('dealers given out of order are ranked by score, ties share a rank; the mean is exact', () => {
    // Scores 50, 90, 70, 90, 10 (the actuals). Highest first: 90, 90 (rank 1), 70 (3), 50 (4), 10 (5).
    // Percentile rank = dealers below / (5 − 1): 90 → 3/4 = 0.75, 70 → 2/4 = 0.5, 50 → 1/4 = 0.25, 10 → 0.
    // Mean (50 + 90 + 70 + 90 + 10) / 5 = 310 / 5 = 62.
    const b = scoreDealers(card, [dealer('P', 50), dealer('Q', 90), dealer('R', 70), dealer('S', 90), dealer('T', 10)]);
    expect(ranks(b)).toEqual([
      ['P', '50', 4, '0.25'],
      ['Q', '90', 1, '0.75'],
      ['R', '70', 3, '0.5'],
      ['S', '90', 1, '0.75'],
      ['T', '10', 5, '0'],
    ]);
    expect(JSON.parse(JSON.stringify(b.totals))).toEqual({ dealers: 5, grades: {}, ungraded: 5, highestScore: '90', lowestScore: '10', meanScore: '62' });
    // No grades on the scorecard: no grade counts step. No row refused: no warning.
    expect(b.steps).toEqual([
      { code: 'ranking', text: 'Ranked 5 dealers by score, highest first; equal scores share a rank (1, 2, 2, 4); percentile rank = dealers scoring lower ÷ (5 − 1)' },
    ]);
    expect(b.warnings).toEqual([]);
  });

  it('percentile ranks and the mean are rounded half-up on their ties', () => {
    // 9 dealers scoring 1 … 9: dealer k has k − 1 below; (k − 1) / 8 at 2 places: 1/8 = 0.125 → 0.13,
    // 3/8 = 0.375 → 0.38, 5/8 = 0.625 → 0.63, 7/8 = 0.875 → 0.88 (half-up); 2/8 = 0.25, 4/8 = 0.5, 6/8 = 0.75.
    const b = scoreDealers(card, Array.from({ length: 9 }, (_, i) => dealer(`D${i + 1}`, i + 1)), { ratioScale: 2 });
    expect(b.rows.map((r) => (r.ok ? r.result.percentileRank.toString() : null))).toEqual(['0', '0.13', '0.25', '0.38', '0.5', '0.63', '0.75', '0.88', '1']);
    // Mean of 0.25 and 0: 0.125 → 0.13 at 2 places, half-up.
    const m = scoreDealers(card, [dealer('X', 0.25), dealer('Y', 0)], { ratioScale: 2 });
    expect(m.totals.meanScore!.toString()).toBe('0.13');
  });

  it('dealers on stages whose weights have different places are still ranked by their scores', () => {
    // Stage one: a weighs 1 (0 places); stage two: a and b weigh 0.5 each (1 place), so the two
    // stages' scores sit at different scales. P on one: 90. Q on two: 0.5 × 80 + 0.5 × 80 = 80.
    // R on two: 0.5 × 100 + 0.5 × 100 = 100. Highest first: R 100 (1), P 90 (2), Q 80 (3).
    // Mean (90 + 80 + 100) / 3 = 90.
    const two = defineScorecard({
      kpis: [
        { id: 'a', direction: 'higher', scoring: { type: 'ratio' } },
        { id: 'b', direction: 'higher', scoring: { type: 'ratio' } },
      ],
      stages: { one: { weights: { a: 1, b: 0 } }, two: { weights: { a: '0.5', b: '0.5' } } },
      rounding: { scale: 2 },
    });
    const t = { a: 100, b: 100 };
    const b = scoreDealers(two, [
      { id: 'P', stage: 'one', actuals: { a: 90, b: 0 }, targets: t },
      { id: 'Q', stage: 'two', actuals: { a: 80, b: 80 }, targets: t },
      { id: 'R', stage: 'two', actuals: { a: 100, b: 100 }, targets: t },
    ]);
    expect(ranks(b)).toEqual([
      ['P', '90', 2, '0.5'],
      ['Q', '80', 3, '0'],
      ['R', '100', 1, '1'],
    ]);
    expect(b.totals.meanScore!.toString()).toBe('90');
  });

  it('a scorecard spec that does not define is refused at scorecard', () => {
    expect(() => scoreDealers({ kpis: [], stages: {} } as never, [])).toThrow('[dealerkit] scorecard.kpis:');
  });
});
