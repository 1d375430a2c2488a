// A dealer's input refused with exactly the issues it has: a target missing from a given targets
// object (named with "on attainment" for curves and bands that read it), and a stage span whose own
// fields are bad (no second issue about its dates). Expected paths and messages written by hand.
import { describe, expect, it } from 'vitest';
import { defineScorecard, scoreDealer } from 'dealerkit';
import { thrown } from '../helpers.js';

const card = defineScorecard({
  kpis: [
    { id: 'sales', direction: 'higher', scoring: { type: 'ratio' } },
    { id: 'share', direction: 'higher', scoring: { type: 'curve', on: 'attainment', points: [{ at: 0, score: 0 }, { at: 100, score: 100 }] } },
    { id: 'mix', direction: 'higher', scoring: { type: 'bands', on: 'attainment', bands: [{ from: 0, score: 0 }] } },
  ],
  stages: { launch: { weights: { sales: '0.5', share: '0.3', mix: '0.2' } } },
});
const issues = (fn: () => unknown) => thrown(fn).issues.map((i) => [i.path, i.code, i.message]);

describe('targets missing from a given targets object', () => {
  it('each at its own path, with "on attainment" for the curve and the bands', () => {
    expect(issues(() => scoreDealer(card, { stage: 'launch', actuals: { sales: 1, share: 1, mix: 1 }, targets: {} }))).toEqual([
      [['targets', 'sales'], 'required', "is required: scoring 'ratio' reads actual / target"],
      [['targets', 'share'], 'required', "is required: scoring 'curve' on attainment reads actual / target"],
      [['targets', 'mix'], 'required', "is required: scoring 'bands' on attainment reads actual / target"],
    ]);
  });
});

describe('a stage span whose own fields are bad', () => {
  it('an unknown stage: one issue, at its stage', () => {
    const input = {
      stages: [{ stage: 'growth', from: '2025-01-01', to: '2025-01-31' }],
      period: { start: '2025-01-01', end: '2025-01-31' },
      actuals: { sales: 1, share: 1, mix: 1 },
      targets: { sales: 1, share: 1, mix: 1 },
    };
    expect(issues(() => scoreDealer(card, input))).toEqual([[['stages', 0, 'stage'], 'unknown_label', "is not a stage of this scorecard (stages: 'launch'), received 'growth'"]]);
  });
});
