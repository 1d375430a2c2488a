// explainScore at the edges of its sentences: a gate that raises a negative score to 0 (a "+"
// adjustment), a gate value written with the locale's decimal mark, a pass/fail KPI with a default
// target (no attainment), a lower-case dealer id, two missing KPIs, and null options. The
// sentences are written out by hand.
import { describe, expect, it } from 'vitest';
import { defineScorecard, explainScore, scoreDealer } from 'dealerkit';
import { thrown } from '../helpers.js';

describe('explainScore', () => {
  it("a failed 'zero' gate on a negative score adds to it: + 10.00", () => {
    const card = defineScorecard({
      kpis: [{ id: 'sales', direction: 'higher', scoring: { type: 'ratio' } }],
      stages: { s: { weights: { sales: 1 } } },
      gates: [{ kpi: 'sales', op: '>=', value: 0, effect: 'zero' }],
    });
    // -10 / 100 × 100 = -10 points; the gate (≥ 0) fails: 0 − (−10) = +10, the score is 0.
    const r = scoreDealer(card, { id: 'north-7', stage: 's', actuals: { sales: -10 }, targets: { sales: 100 } });
    expect(explainScore(r)).toEqual([
      'north-7: score 0.00 under s weights',
      'sales: -10 of 100 = -10.00 % → -10.00 points × 1 = -10.00',
      'Weighted score -10.00: the sum of the 1 contribution',
      'Gate sales ≥ 0: -10, not met: the score is set to 0 (+ 10.00)',
      'Score -10.00 + 10.00 (gates) = 0.00',
    ]);
  });

  it("a gate value in the locale's decimal mark (de: 0,5)", () => {
    const card = defineScorecard({
      kpis: [{ id: 'sales', direction: 'higher', scoring: { type: 'ratio' } }],
      stages: { s: { weights: { sales: 1 } } },
      gates: [{ kpi: 'sales', op: '>=', value: '0.5', effect: 'zero' }],
    });
    const r = scoreDealer(card, { stage: 's', actuals: { sales: 1 }, targets: { sales: 100 } });
    // 1 / 100 × 100 = 1 point; 1 ≥ 0.5: met.
    expect(explainScore(r, { locale: 'de' })[3]).toBe('Gate sales ≥ 0,5: 1, met');
  });

  it('a pass/fail KPI with a default target has no attainment in its sentence', () => {
    const card = defineScorecard({
      kpis: [{ id: 'audit', direction: 'higher', scoring: { type: 'boolean', pass: 100, fail: 0 }, target: 1 }],
      stages: { s: { weights: { audit: 1 } } },
    });
    const r = scoreDealer(card, { stage: 's', actuals: { audit: true } });
    expect(explainScore(r)[1]).toBe('audit: yes → 100.00 points × 1 = 100.00');
  });

  it('two missing KPIs are named together in the reweighting sentence', () => {
    const card = defineScorecard({
      kpis: ['a', 'b', 'c'].map((id) => ({ id, direction: 'higher' as const, scoring: { type: 'ratio' as const } })),
      stages: { s: { weights: { a: '0.5', b: '0.3', c: '0.2' } } },
      missing: 'reweight',
    });
    const r = scoreDealer(card, { stage: 's', actuals: { a: 80 }, targets: { a: 100, b: 100, c: 100 } });
    expect(explainScore(r)[1]).toBe('Reweighted: no actual for b, c; the weights of the KPIs present (summing to 0.5) are divided by 0.5');
  });

  it('null options are refused', () => {
    const card = defineScorecard({ kpis: [{ id: 'a', direction: 'higher', scoring: { type: 'ratio' } }], stages: { s: { weights: { a: 1 } } } });
    const r = scoreDealer(card, { stage: 's', actuals: { a: 1 }, targets: { a: 1 } });
    expect(thrown(() => explainScore(r, null as never)).message).toBe('[dealerkit] options: must be an object { locale? }');
  });
});
