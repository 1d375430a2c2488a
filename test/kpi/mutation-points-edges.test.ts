// Points at the ends of a curve and below the bands: an actual exactly at the last anchor takes that
// anchor's score, not the fixed score above the curve; a value below the first band without a
// 'below' score is out of range, with the band's start and the value. Figures by hand.
import { describe, expect, it } from 'vitest';
import { defineScorecard, scoreDealer } from 'dealerkit';
import { thrown } from '../helpers.js';

describe('curve ends', () => {
  const card = defineScorecard({
    kpis: [{ id: 'x', direction: 'higher', scoring: { type: 'curve', points: [{ at: 10, score: 50 }, { at: 20, score: 100 }], above: { score: 150 }, below: { score: 0 } } }],
    stages: { s: { weights: { x: 1 } } },
  });
  it.each([
    // At the last anchor: its own score 100; above it: the fixed 150; at the first anchor 50, below it 0.
    [20, '100'],
    [20.5, '150'],
    [10, '50'],
    [9.5, '0'],
  ])('actual %d scores %s', (actual, points) => {
    expect(scoreDealer(card, { stage: 's', actuals: { x: actual } }).score.toString()).toBe(points);
  });
});

describe('below the first band without a below score', () => {
  it('is out of range, naming the band start and the value', () => {
    const card = defineScorecard({
      kpis: [{ id: 'x', direction: 'higher', scoring: { type: 'bands', bands: [{ from: 10, score: 50 }] } }],
      stages: { s: { weights: { x: 1 } } },
    });
    const e = thrown(() => scoreDealer(card, { stage: 's', actuals: { x: 5 } }));
    expect(e.code).toBe('out_of_range');
    expect(e.issues).toEqual([
      {
        path: ['actuals', 'x'],
        code: 'out_of_range',
        message: "is below the first band (from 10) and the scoring gives no 'below' score, received 5",
        limit: '10',
        received: '5',
      },
    ]);
  });
});
