// chartKpi asserted whole (src/charts/kpi.ts): the bars, the target line, the layers, the fields,
// the title and the step, from a scorecard whose points are derived here by hand.
import { describe, expect, it } from 'vitest';
import { defineScorecard, scoreDealer } from 'dealerkit';
import { chartKpi } from 'dealerkit/charts';
import { thrown } from '../helpers.js';
import { CONFIG, SCHEMA } from './spec-parts.js';

const FIELDS = {
  kpis: {
    kpi: 'the KPI id',
    label: 'its label (one row each, in the scorecard order)',
    points: 'its points (100 = on target; 0 when missing)',
    attainment: 'actual / target × 100, or null without a target',
    actual: 'the actual (null when missing or boolean)',
    target: 'the target, or null',
    weight: 'the weight applied',
    contribution: 'points × weight',
    met: 'points ≥ 100',
    text: 'the contribution in words',
  },
  target: { points: 'the target line: 100 points' },
};

const card = defineScorecard({
  kpis: [
    { id: 'sales', label: 'Net sales', direction: 'higher', scoring: { type: 'ratio' } },
    { id: 'audit', direction: 'higher', scoring: { type: 'boolean', pass: 100, fail: 0 } },
  ],
  stages: { growth: { weights: { sales: '0.5', audit: '0.5' } } },
  grades: [{ min: 90, grade: 'A' }],
});
// Sales 95 of 100: 95 points × 0.5 = 47.5; the audit passed: 100 points × 0.5 = 50; score 97.5 → A (90 or more).
const score = scoreDealer(card, { id: 'D1', stage: 'growth', actuals: { sales: 95, audit: true }, targets: { sales: 100 } });

describe('chartKpi, whole', () => {
  it('two indicators, one on target exactly (100 points is met)', () => {
    const y = { field: 'label', type: 'nominal', sort: ['Net sales', 'audit'], title: null, axis: { labelLimit: 220 } };
    expect(chartKpi(score)).toEqual({
      $schema: SCHEMA,
      description: "2 KPI indicators: points against the target of 100, with each one's contribution to the score.",
      title: { text: 'D1: KPI points against target', subtitle: 'score 97.50, A' },
      // 26 px an indicator is 52: the minimum height 120.
      width: 520,
      height: 120,
      datasets: {
        kpis: [
          { kpi: 'sales', label: 'Net sales', points: 95, attainment: 95, actual: 95, target: 100, weight: 0.5, contribution: 47.5, met: false, text: '+47.50' },
          { kpi: 'audit', label: 'audit', points: 100, attainment: null, actual: null, target: null, weight: 0.5, contribution: 50, met: true, text: '+50.00' },
        ],
        target: [{ points: 100 }],
      },
      layer: [
        {
          name: 'points',
          data: { name: 'kpis' },
          mark: { type: 'bar', height: { band: 0.7 } },
          encoding: {
            y,
            x: { field: 'points', type: 'quantitative', title: 'points (100 = on target)' },
            color: { field: 'met', type: 'nominal', scale: { domain: [true, false], range: ['#2e7d32', '#e07b24'] }, legend: { title: 'on target', labelExpr: "datum.value ? 'yes' : 'no'" } },
            tooltip: [
              { field: 'label' },
              { field: 'actual', type: 'quantitative' },
              { field: 'target', type: 'quantitative' },
              { field: 'points', type: 'quantitative', format: '.2f' },
              { field: 'weight', type: 'quantitative' },
              { field: 'contribution', type: 'quantitative', format: '.2f' },
            ],
          },
        },
        { name: 'contribution', data: { name: 'kpis' }, mark: { type: 'text', align: 'left', dx: 4, fontSize: 10 }, encoding: { y, x: { field: 'points', type: 'quantitative' }, text: { field: 'text' } } },
        { name: 'target', data: { name: 'target' }, mark: { type: 'rule', color: '#1b1f24', strokeDash: [4, 3] }, encoding: { x: { field: 'points', type: 'quantitative' } } },
      ],
      config: CONFIG,
      usermeta: { dealerkit: { chart: 'kpi', fields: FIELDS, warnings: [], steps: [{ code: 'kpi-indicators', text: '2 indicators: points against the target line of 100' }] } },
    });
  });

  it('no id and no grade: the plain title and subtitle; five indicators grow the chart; options', () => {
    const plain = chartKpi({ ...score, id: undefined, grade: null } as never);
    expect(plain.title).toEqual({ text: 'KPI points against target', subtitle: 'score 97.50' });
    expect(chartKpi({ ...score, id: null } as never).title.text).toBe('KPI points against target');
    expect(chartKpi({ ...score, id: 0 } as never).title.text).toBe('0: KPI points against target');
    const five = defineScorecard({
      kpis: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, direction: 'higher' as const, scoring: { type: 'ratio' as const } })),
      stages: { s: { weights: { a: '0.2', b: '0.2', c: '0.2', d: '0.2', e: '0.2' } } },
    });
    const all = { a: 100, b: 100, c: 100, d: 100, e: 100 };
    const spec = chartKpi(scoreDealer(five, { stage: 's', actuals: all, targets: all }));
    // 5 × 26 = 130 > 120; every indicator at 100 points × 0.2 = 20.
    expect(spec.height).toBe(130);
    expect(spec.datasets.kpis.map((k) => [k.kpi, k.met, k.contribution, k.text])).toEqual(['a', 'b', 'c', 'd', 'e'].map((k) => [k, true, 20, '+20.00']));
    expect(spec.usermeta.dealerkit.steps[0]!.text).toBe('5 indicators: points against the target line of 100');
    const sized = chartKpi(score, { title: 'Q1', width: 300, height: 90 });
    expect([sized.title, sized.width, sized.height]).toEqual([{ text: 'Q1', subtitle: 'score 97.50, A' }, 300, 90]);
  });

  it('a points figure left out counts 0; steps that are not a list have no kpi-points', () => {
    const steps = score.steps.map((s) => (s.code === 'kpi-points' && (s as { kpi?: string }).kpi === 'sales' ? { ...s, points: null } : s));
    expect(chartKpi({ ...score, steps } as never).datasets.kpis.map((k) => [k.kpi, k.points, k.met])).toEqual([['sales', 0, false], ['audit', 100, true]]);
    expect(thrown(() => chartKpi({ ...score, steps: 'x' } as never)).issues).toEqual([{ path: ['score', 'steps'], code: 'too_short', limit: '1', message: 'has no kpi-points steps: chart a result of scoreDealer (or scoreDealers) with its steps' }]);
  });

  it('a bad figure is named at its step (the index in the whole steps list)', () => {
    // steps: 0 stage-weights, 1 kpi-points sales, 2 kpi-points audit.
    const bad = (field: string) => {
      const steps = score.steps.map((s, k) => (k === 2 ? { ...s, [field]: {} } : s));
      return thrown(() => chartKpi({ ...score, steps } as never)).issues;
    };
    for (const field of ['points', 'attainment', 'target', 'weight', 'contribution']) {
      expect(bad(field)).toEqual([{ path: ['score', 'steps', 2, field], code: 'invalid_type', expected: 'a number', message: 'must be a number, a numeric string or a Decimal' }]);
    }
    const steps = score.steps.map((s, k) => (k === 1 ? { ...s, actual: [] } : s));
    expect(thrown(() => chartKpi({ ...score, steps } as never)).issues.map((i) => i.path)).toEqual([['score', 'steps', 1, 'actual']]);
    expect(thrown(() => chartKpi({ ...score, score: {} } as never)).issues.map((i) => i.path)).toEqual([['score', 'score']]);
    expect(thrown(() => chartKpi(null as never)).issues).toEqual([{ path: ['score'], code: 'invalid_type', message: 'must be a result of scoreDealer' }]);
  });
});
