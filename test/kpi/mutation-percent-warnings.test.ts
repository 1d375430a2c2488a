// Which KPIs the percent-like-metric warning watches, and what it compares them with: a KPI whose
// name says it is a ratio, against its own gates, its target of at most 1, or the highest threshold
// of a curve or bands on the raw actual (never one on attainment, never another KPI's gate).
// Expected messages are written out by hand from KPI_MESSAGES.percentLikeMetric's wording.
import { describe, expect, it } from 'vitest';
import { defineScorecard, scoreDealer, type KpiScorecardSpec } from 'dealerkit';

const warn = (kpi: string, actual: string, where: string, threshold: string, hint: string) => ({
  code: 'percent-like-metric',
  message: `${kpi} is ${actual}, but its name says it is a ratio and ${where} is ${threshold}: ${hint} (a ratio of ${actual} passes every threshold up to 1)`,
  path: ['actuals', kpi],
});

describe('percent-like-metric: what is watched', () => {
  it('bands on the raw actual whose highest band starts at 0.5: 40 is a percent mistake (write 0.4 for 40 %)', () => {
    const card = defineScorecard({
      kpis: [{ id: 'conversionRate', direction: 'higher', scoring: { type: 'bands', bands: [{ from: 0, score: 0 }, { from: '0.5', score: 100 }] } }],
      stages: { s: { weights: { conversionRate: 1 } } },
    });
    const r = scoreDealer(card, { stage: 's', actuals: { conversionRate: 40 } });
    expect(r.score.toString()).toBe('100');
    expect(r.warnings).toEqual([warn('conversionRate', '40', "its scoring's highest threshold", '0.5', 'write 0.4 for 40 %')]);
  });

  it('bands on attainment are not a threshold of the actual: none, although the highest band starts at 1', () => {
    // Attainment 5 / 10 × 100 = 50 → band from 1 → 100 points; the target 10 is above 1: no warning.
    const card = defineScorecard({
      kpis: [{ id: 'fillRate', direction: 'higher', scoring: { type: 'bands', on: 'attainment', bands: [{ from: 0, score: 0 }, { from: 1, score: 100 }] } }],
      stages: { s: { weights: { fillRate: 1 } } },
    });
    const r = scoreDealer(card, { stage: 's', actuals: { fillRate: 5 }, targets: { fillRate: 10 } });
    expect(r.score.toString()).toBe('100');
    expect(r.warnings).toEqual([]);
  });

  it('a curve on the actual whose highest anchor is above 1 sets no threshold: none', () => {
    // 40 between the anchors (0, 0) and (50, 100): 40 / 50 × 100 = 80 points.
    const card = defineScorecard({
      kpis: [{ id: 'returnRate', direction: 'higher', scoring: { type: 'curve', points: [{ at: 0, score: 0 }, { at: 50, score: 100 }] } }],
      stages: { s: { weights: { returnRate: 1 } } },
    });
    const r = scoreDealer(card, { stage: 's', actuals: { returnRate: 40 } });
    expect(r.score.toString()).toBe('80');
    expect(r.warnings).toEqual([]);
  });

  it("another KPI's gate of at most 1 is not this KPI's threshold; a KPI not named as a ratio is never watched", () => {
    // sales has a gate ≥ 0.5 and an actual of 3 (it is not named as a ratio); onTimeRatio 97 of a
    // target of 100 has no gate of its own: no warning for either. sales 3 / 100 → 3 points × 0.5 = 1.5;
    // onTimeRatio 97 → 97 × 0.5 = 48.5; sum 50.
    const spec: KpiScorecardSpec = {
      kpis: [
        { id: 'sales', direction: 'higher', scoring: { type: 'ratio' } },
        { id: 'onTimeRatio', direction: 'higher', scoring: { type: 'ratio' } },
      ],
      stages: { s: { weights: { sales: '0.5', onTimeRatio: '0.5' } } },
      gates: [{ kpi: 'sales', op: '>=', value: '0.5', effect: 'zero' }],
    };
    const r = scoreDealer(defineScorecard(spec), { stage: 's', actuals: { sales: 3, onTimeRatio: 97 }, targets: { sales: 100, onTimeRatio: 100 } });
    expect(r.score.toString()).toBe('50');
    expect(r.warnings).toEqual([]);
  });

  it('a missing actual of a watched KPI is only a missing-actual warning', () => {
    const card = defineScorecard({
      kpis: [
        { id: 'sales', direction: 'higher', scoring: { type: 'ratio' } },
        { id: 'onTimeRatio', direction: 'higher', scoring: { type: 'ratio' } },
      ],
      stages: { s: { weights: { sales: '0.5', onTimeRatio: '0.5' } } },
      gates: [{ kpi: 'onTimeRatio', op: '>=', value: '0.9', effect: { capScore: 60 } }],
      missing: 'zero',
    });
    // sales 100 / 100 → 100 × 0.5 = 50; onTimeRatio missing → 0. The gate cannot be verified: it
    // fails, and the cap of 60 is above 50, so the score stays 50.
    const r = scoreDealer(card, { stage: 's', actuals: { sales: 100, onTimeRatio: null }, targets: { sales: 100, onTimeRatio: 1 } });
    expect(r.score.toString()).toBe('50');
    expect(r.warnings).toEqual([
      { code: 'missing-actual', message: "no actual for onTimeRatio: scored 0 points (the scorecard's missing policy is 'zero')", path: ['actuals', 'onTimeRatio'] },
    ]);
  });
});
