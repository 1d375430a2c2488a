// Scoring rules at their edges: a rounded curve at and between its anchors, a 'target' curve that
// rises then falls, a floor above a reduction's default cap, and prorated stages whose spans reach
// outside the period. Every figure is derived by hand in the comment above its test.
import { describe, expect, it } from 'vitest';
import { defineScorecard, explainScore, scoreDealer } from 'dealerkit';
import { thrown } from '../helpers.js';

const ratio = { type: 'ratio', floor: 0, cap: 150 } as const;

describe('curves', () => {
  const card = defineScorecard({
    kpis: [{ id: 'x', direction: 'higher', scoring: { type: 'curve', points: [{ at: 10, score: '50.125' }, { at: 20, score: '100.005' }] } }],
    stages: { s: { weights: { x: 1 } } },
    rounding: { scale: 2 },
  });
  it.each([
    // At the first anchor: 50.125 → 50.13 (half-up); at the last: 100.005 → 100.01.
    [10, '50.13', 'x: 10 → 50.13 points (curve) × 1 = 50.13'],
    // 50.125 + (15 − 10) / 10 × (100.005 − 50.125) = 50.125 + 24.94 = 75.065 → 75.07.
    [15, '75.07', 'x: 15 → 75.07 points (curve) × 1 = 75.07'],
    // 50.125 + 2 / 10 × 49.88 = 50.125 + 9.976 = 60.101 → 60.10.
    [12, '60.1', 'x: 12 → 60.10 points (curve) × 1 = 60.10'],
    [20, '100.01', 'x: 20 → 100.01 points (curve) × 1 = 100.01'],
  ])('actual %d scores %s', (actual, points, text) => {
    const r = scoreDealer(card, { stage: 's', actuals: { x: actual } });
    expect(r.score.toString()).toBe(points);
    expect(r.steps.find((s) => s.code === 'kpi-points')!.text).toBe(text);
  });

  it("a 'target' curve may rise then fall (80 → 50, 100 → 100, 120 → 50); a 'higher' one may not", () => {
    const points = [
      { at: 80, score: 50 },
      { at: 100, score: 100 },
      { at: 120, score: 50 },
    ];
    const target = defineScorecard({ kpis: [{ id: 'x', direction: 'target', scoring: { type: 'curve', points } }], stages: { s: { weights: { x: 1 } } } });
    // 110 is halfway down the falling segment: 100 − 0.5 × 50 = 75.
    expect(scoreDealer(target, { stage: 's', actuals: { x: 110 } }).score.toString()).toBe('75');
    const e = thrown(() => defineScorecard({ kpis: [{ id: 'x', direction: 'higher', scoring: { type: 'curve', points } }], stages: { s: { weights: { x: 1 } } } }));
    expect(e.issues.map((i) => [i.path, i.code])).toEqual([[['kpis', 0, 'scoring', 'points', 2, 'score'], 'inconsistent']]);
  });

  it("a reduction's floor above its default cap (200) names the floor", () => {
    const e = thrown(() => defineScorecard({ kpis: [{ id: 'x', direction: 'lower', scoring: { type: 'reduction', floor: 250 } }], stages: { s: { weights: { x: 1 } } } }));
    expect(e.issues.map((i) => [i.path, i.code, i.message])).toEqual([[['kpis', 0, 'scoring', 'floor'], 'inconsistent', 'the floor (250) must not exceed the cap (200)']]);
  });
});

describe('prorated stages with spans outside the period', () => {
  it('a 2024 span and a second-half span are skipped; launch 30 days and maturity 60 days weigh sales 0.6, share 0.4; a KPI weighted 0 in both stays 0', () => {
    // sales (30 × 0.4 + 60 × 0.7) / 90 = 54 / 90 = 0.6; share (30 × 0.6 + 60 × 0.3) / 90 = 36 / 90 = 0.4; idle 0.
    // Score 100 × 0.6 + 50 × 0.4 + 100 × 0 = 80; no grades defined: no grade words.
    const card = defineScorecard({
      kpis: [
        { id: 'sales', direction: 'higher', scoring: ratio },
        { id: 'share', direction: 'higher', scoring: ratio },
        { id: 'idle', direction: 'higher', scoring: ratio },
      ],
      stages: { launch: { weights: { sales: '0.4', share: '0.6', idle: 0 } }, maturity: { weights: { sales: '0.7', share: '0.3', idle: 0 } } },
    });
    const r = scoreDealer(card, {
      stages: [
        { stage: 'launch', from: '2024-01-01', to: '2024-12-31' },
        { stage: 'launch', from: '2025-01-01', to: '2025-01-30' },
        { stage: 'maturity', from: '2025-01-31', to: '2025-06-30' },
        { stage: 'launch', from: '2025-07-01', to: '2025-12-31' },
      ],
      period: { start: '2025-01-01', end: '2025-03-31' },
      actuals: { sales: 100, share: 50, idle: 1 },
      targets: { sales: 100, share: 100, idle: 1 },
    });
    expect(explainScore(r)).toEqual([
      'Score 80.00 under launch and maturity weights',
      'Weights prorated by days over 2025-01-01 to 2025-03-31 (90 days): launch 30 days (33.33 %), maturity 60 days (66.67 %)',
      'sales: 100 of 100 = 100.00 % → 100.00 points × 0.6 = 60.00',
      'share: 50 of 100 = 50.00 % → 50.00 points × 0.4 = 20.00',
      'idle: 1 of 1 = 100.00 % → 100.00 points × 0 = 0.00',
      'Weighted score 80.00: the sum of the 3 contributions',
    ]);
    const stage = r.steps[0] as Extract<(typeof r.steps)[number], { code: 'stage-weights' }>;
    expect(stage.shares.map((s) => [s.stage, s.from, s.to, s.days])).toEqual([
      ['launch', '2025-01-01', '2025-01-30', 30],
      ['maturity', '2025-01-31', '2025-03-31', 60],
    ]);
    const weights = r.steps.filter((s) => s.code === 'kpi-points').map((s) => (s as { weight: { toString(): string } }).weight.toString());
    expect(weights).toEqual(['0.6', '0.4', '0']);
    expect(r.score.toString()).toBe('80');
  });
});

describe('a target given to a KPI scored on its value', () => {
  const card = defineScorecard({ kpis: [{ id: 'x', direction: 'higher', scoring: { type: 'curve', points: [{ at: 0, score: 0 }, { at: 10, score: 100 }] } }], stages: { s: { weights: { x: 1 } } } });
  it.each([
    // 5 is halfway from 0 to 10: 50 points either way; a target of 0 or less is set aside (no ratio to print), a positive one is shown.
    [0, null, 'x: 5 → 50.00 points (curve) × 1 = 50.00'],
    [-3, null, 'x: 5 → 50.00 points (curve) × 1 = 50.00'],
    [5, '5', 'x: 5 of 5 = 100.00 % → 50.00 points (curve) × 1 = 50.00'],
  ])('target %d', (target, shown, text) => {
    const r = scoreDealer(card, { stage: 's', actuals: { x: 5 }, targets: { x: target } });
    const step = r.steps[1] as { target: { toString(): string } | null; text: string };
    expect([step.target === null ? null : step.target.toString(), step.text]).toEqual([shown, text]);
    expect(r.score.toString()).toBe('50');
    expect(r.warnings).toEqual([]);
  });
});
