// scoreDealer's options, the reweighting of missing actuals at its edges, and the attainment a
// rounded scorecard reports. Expected figures and messages are written out by hand.
import { describe, expect, it } from 'vitest';
import { defineScorecard, explainScore, scoreDealer } from 'dealerkit';
import { thrown } from '../helpers.js';

const card = defineScorecard({
  kpis: [
    { id: 'a', direction: 'higher', scoring: { type: 'ratio' } },
    { id: 'b', direction: 'higher', scoring: { type: 'ratio' } },
    { id: 'c', direction: 'higher', scoring: { type: 'ratio' } },
  ],
  stages: { s: { weights: { a: '0.5', b: '0.3', c: '0.2' } }, t: { weights: { a: 1, b: 0, c: 0 } } },
  missing: 'reweight',
});
const t = { a: 100, b: 100, c: 100 };

describe("scoreDealer's options", () => {
  it.each([
    ['null', null],
    ['a string', 'x'],
    ['an array', []],
  ])('%s is refused at options (invalid_type)', (_, options) => {
    const e = thrown(() => scoreDealer(card, { stage: 's', actuals: { a: 1, b: 1, c: 1 }, targets: t }, options as never));
    expect([e.code, e.message, e.issues.map((i) => [i.path, i.code])]).toEqual(['invalid_input', '[dealerkit] options: must be an object', [[['options'], 'invalid_type']]]);
  });

  it("scoreDealers' batch options are not scoreDealer's", () => {
    const e = thrown(() => scoreDealer(card, { stage: 's', actuals: { a: 1, b: 1, c: 1 }, targets: t }, { onError: 'collect' } as never));
    expect(e.issues.map((i) => [i.path, i.code])).toEqual([[['options', 'onError'], 'unknown_field']]);
  });
});

describe('reweighting missing actuals', () => {
  it('two missing: their names joined, the present weight 0.5 divides a', () => {
    // b and c missing; a's weight 0.5 / 0.5 = 1; a 80 / 100 → 80 points × 1 = 80.
    const r = scoreDealer(card, { stage: 's', actuals: { a: 80 }, targets: t });
    expect(r.score.toString()).toBe('80');
    expect(JSON.parse(JSON.stringify(r.steps[1]))).toEqual({
      code: 'reweight',
      missing: ['b', 'c'],
      presentWeight: '0.5',
      text: 'Reweighted: no actual for b, c; the weights of the KPIs present (summing to 0.5) are divided by 0.5',
    });
    expect(r.missing).toEqual({ policy: 'reweight', kpis: ['b', 'c'] });
  });

  it('nothing missing: no reweight step', () => {
    const r = scoreDealer(card, { stage: 's', actuals: { a: 80, b: 100, c: 50 }, targets: t });
    // 80 × 0.5 + 100 × 0.3 + 50 × 0.2 = 40 + 30 + 10 = 80.
    expect(r.score.toString()).toBe('80');
    expect(r.steps.map((s) => s.code)).toEqual(['stage-weights', 'kpi-points', 'kpi-points', 'kpi-points', 'weighted-score']);
    expect(r.missing).toEqual({ policy: 'reweight', kpis: [] });
  });

  it('every KPI with a weight missing is infeasible', () => {
    // Stage t weighs only a; a is missing: the present weight is 0.
    const e = thrown(() => scoreDealer(card, { stage: 't', actuals: { b: 1, c: 1 }, targets: t }));
    expect([e.code, e.message, e.issues.map((i) => [i.path, i.code])]).toEqual([
      'infeasible',
      '[dealerkit] actuals: every KPI with a weight is missing (a): there is nothing to reweight',
      [[['actuals'], 'infeasible']],
    ]);
  });
});

describe('a rounded scorecard reports the attainment its points read, whatever ratioScale says', () => {
  it('95.55 % at 2 places stays 95.55 under ratioScale 1', () => {
    const rounded = defineScorecard({
      kpis: [{ id: 'a', direction: 'higher', scoring: { type: 'ratio' } }],
      stages: { s: { weights: { a: 1 } } },
      rounding: { scale: 2 },
    });
    // 9,555 / 10,000 × 100 = 95.55 (exact at 2 places); points 95.55.
    const r = scoreDealer(rounded, { stage: 's', actuals: { a: 9555 }, targets: { a: 10000 } }, { ratioScale: 1 });
    const line = r.steps.find((s) => s.code === 'kpi-points')!;
    expect(line.code === 'kpi-points' ? line.attainment!.toString() : null).toBe('95.55');
    expect(explainScore(r)[1]).toBe('a: 9,555 of 10,000 = 95.55 % → 95.55 points × 1 = 95.55');
  });
});
