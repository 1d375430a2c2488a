// Comparisons exactly at their bounds: every gate operator with the actual below, at and above its
// value (on the Decimal path of scoreDealer and the scaled fast path of scoreDealers), and a ratio
// at, below and above its floor and cap.
import { describe, expect, it } from 'vitest';
import { defineScorecard, scoreDealer, scoreDealers } from 'dealerkit';

describe('gate operators at 9, 10 and 11 against a value of 10', () => {
  it.each([
    ['>=', [false, true, true]],
    ['>', [false, false, true]],
    ['<=', [true, true, false]],
    ['<', [true, false, false]],
    ['==', [false, true, false]],
    ['!=', [true, false, true]],
  ] as const)('%s', (op, expected) => {
    const card = defineScorecard({
      kpis: [{ id: 'h', direction: 'higher', scoring: { type: 'ratio' } }],
      stages: { s: { weights: { h: 1 } } },
      rounding: { scale: 2 },
      gates: [{ kpi: 'h', op, value: 10, effect: { capScore: 1 } }],
    });
    const dealers = [9, 10, 11].map((a) => ({ stage: 's', actuals: { h: a }, targets: { h: 10 } }));
    expect(dealers.map((d) => scoreDealer(card, d).gates[0]!.passed)).toEqual([...expected]);
    const batch = scoreDealers(card, dealers);
    expect(batch.rows.map((r) => (r.ok ? r.result.gates[0]!.passed : null))).toEqual([...expected]);
    // A failed gate caps the score at 1; a met one leaves 90, 100 or 110.
    expect(batch.rows.map((r) => (r.ok ? r.result.score.toString() : null))).toEqual(expected.map((p, i) => (p ? String(90 + 10 * i) : '1')));
  });
});

describe('a ratio with floor 50 and cap 150', () => {
  const card = defineScorecard({ kpis: [{ id: 'h', direction: 'higher', scoring: { type: 'ratio', floor: 50, cap: 150 } }], stages: { s: { weights: { h: 1 } } } });
  it.each([
    [49, '50', 'floor', 'h: 49 of 100 = 49.00 % → 50.00 points (at the floor 50.00) × 1 = 50.00'],
    [50, '50', null, 'h: 50 of 100 = 50.00 % → 50.00 points × 1 = 50.00'],
    [150, '150', null, 'h: 150 of 100 = 150.00 % → 150.00 points × 1 = 150.00'],
    [151, '150', 'cap', 'h: 151 of 100 = 151.00 % → 150.00 points (capped at 150.00) × 1 = 150.00'],
  ])('actual %d of 100', (actual, points, clamp, text) => {
    const step = scoreDealer(card, { stage: 's', actuals: { h: actual }, targets: { h: 100 } }).steps.find((s) => s.code === 'kpi-points') as { points: { toString(): string }; clamp: unknown; text: string };
    expect([step.points.toString(), step.clamp, step.text]).toEqual([points, clamp, text]);
  });
});
