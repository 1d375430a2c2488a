// Whole results and explanations of the scoring branches the seeds' dealer does not take: a missing
// actual under 'reweight', a gate that caps the score, a gate that zeroes it, a score below every
// grade. Every figure is derived by hand in the comment above its test.
import { describe, expect, it } from 'vitest';
import { defineScorecard, explainScore, scoreDealer } from 'dealerkit';

const ratio = { type: 'ratio', floor: 0, cap: 150 } as const;
const yesNo = { type: 'boolean', pass: 100, fail: 0 } as const;

describe('reweight, a capped score and no grade', () => {
  const card = defineScorecard({
    kpis: [
      { id: 'sales', label: 'Sales', direction: 'higher', scoring: ratio },
      { id: 'satisfaction', label: 'Customer satisfaction', direction: 'higher', scoring: ratio },
      { id: 'complaints', label: 'Complaints answered in 24 h', direction: 'higher', scoring: yesNo },
    ],
    stages: { launch: { weights: { sales: '0.5', satisfaction: '0.3', complaints: '0.2' } } },
    grades: [
      { min: 90, grade: 'A' },
      { min: 60, grade: 'B' },
    ],
    gates: [{ kpi: 'complaints', op: '==', value: true, effect: { capScore: 50 } }],
    missing: 'reweight',
  });

  it('satisfaction missing: weights 0.5 and 0.2 over 0.7; 80 × 5/7 = 57.14; the gate caps at 50 (− 7.14); below B (60): no grade', () => {
    // Present weight 0.5 + 0.2 = 0.7; sales 0.5 / 0.7 = 0.714285…, complaints 0.2 / 0.7 = 0.285714…;
    // sales 80 of 100 = 80 % → 80 points × 0.714285… = 57.142857…; complaints false → 0 points.
    // Gate not met: capped at 50, adjustment 50 − 57.142857… = −7.142857…; 50 < 60: no grade.
    const r = scoreDealer(card, { stage: 'launch', actuals: { sales: 80, complaints: false }, targets: { sales: 100, satisfaction: 90 } });
    expect(r.steps.map((s) => [s.code, s.text])).toEqual([
      ['stage-weights', 'Weights of stage launch'],
      ['reweight', 'Reweighted: no actual for satisfaction; the weights of the KPIs present (summing to 0.7) are divided by 0.7'],
      ['kpi-points', 'Sales: 80 of 100 = 80.00 % → 80.00 points × 0.7143 = 57.14'],
      ['kpi-points', 'Customer satisfaction: no actual; its weight is shared among the KPIs present'],
      ['kpi-points', 'Complaints answered in 24 h: no → 0.00 points × 0.2857 = 0.00'],
      ['weighted-score', 'Weighted score 57.14: the sum of the 3 contributions'],
      ['gate', 'Gate Complaints answered in 24 h = yes: no, not met: the score is capped at 50 (− 7.14)'],
      ['score', 'Score 57.14 − 7.14 (gates) = 50.00'],
      ['grade', 'No grade: the score is below B (60)'],
    ]);
    expect(r.score.toString()).toBe('50');
    expect(r.grade).toBeNull();
    const reweight = r.steps[1] as Extract<(typeof r.steps)[number], { code: 'reweight' }>;
    expect(reweight.missing).toEqual(['satisfaction']);
    expect(reweight.presentWeight.toString()).toBe('0.7');
    const grade = r.steps.at(-1) as Extract<(typeof r.steps)[number], { code: 'grade' }>;
    expect([grade.gradeByScore, grade.grade, grade.minOf, grade.min?.toString()]).toEqual([null, null, 'B', '60']);
    expect(r.warnings.map((w) => w.message)).toEqual([
      "no actual for satisfaction: its weight is shared among the KPIs present (the scorecard's missing policy is 'reweight')",
    ]);
    expect(explainScore(r)).toEqual([
      'Score 50.00 under launch weights: no grade',
      'Reweighted: no actual for satisfaction; the weights of the KPIs present (summing to 0.7) are divided by 0.7',
      'Sales: 80 of 100 = 80.00 % → 80.00 points × 0.7143 = 57.14',
      'Customer satisfaction: no actual; its weight is shared among the KPIs present',
      'Complaints answered in 24 h: no → 0.00 points × 0.2857 = 0.00',
      'Weighted score 57.14: the sum of the 3 contributions',
      'Gate Complaints answered in 24 h = yes: no, not met: the score is capped at 50 (− 7.14)',
      'Score 57.14 − 7.14 (gates) = 50.00',
      'No grade: the score is below B (60)',
      "Note: no actual for satisfaction: its weight is shared among the KPIs present (the scorecard's missing policy is 'reweight')",
    ]);
  });
});

describe("a gate whose effect is 'zero'", () => {
  it('sales 50 % × 0.9 = 45; the gate sets the score to 0 (− 45); named by a numeric id', () => {
    const card = defineScorecard({
      kpis: [
        { id: 'sales', label: 'Sales', direction: 'higher', scoring: ratio },
        { id: 'ok', direction: 'higher', scoring: yesNo },
      ],
      stages: { s: { weights: { sales: '0.9', ok: '0.1' } } },
      grades: [{ min: 90, grade: 'A' }],
      gates: [{ kpi: 'ok', op: '==', value: true, effect: 'zero' }],
    });
    const r = scoreDealer(card, { id: 3, stage: 's', actuals: { sales: 50, ok: false }, targets: { sales: 100 } });
    expect(explainScore(r)).toEqual([
      '3: score 0.00 under s weights: no grade',
      'Sales: 50 of 100 = 50.00 % → 50.00 points × 0.9 = 45.00',
      'ok: no → 0.00 points × 0.1 = 0.00',
      'Weighted score 45.00: the sum of the 2 contributions',
      'Gate ok = yes: no, not met: the score is set to 0 (− 45.00)',
      'Score 45.00 − 45.00 (gates) = 0.00',
      'No grade: the score is below A (90)',
    ]);
    expect(r.score.toString()).toBe('0');
    expect(r.gates.map((g) => [g.kpi, g.passed])).toEqual([['ok', false]]);
  });
});
