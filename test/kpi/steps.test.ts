// The steps and warnings of a score: every kind of step with its figures and a hand-written text,
// every warning with its code and path, the rounding option and the ratio scale.
import { describe, expect, it } from 'vitest';
import { defineScorecard, scoreDealer, type KpiScorecardSpec, type KpiStep } from 'dealerkit';
import { thrown } from '../helpers.js';
import { lines } from './lines.js';

const texts = (steps: KpiStep[]) => steps.map((s) => `${s.code}: ${s.text}`);

const spec: KpiScorecardSpec = {
  kpis: [
    { id: 'coverage', label: 'Market coverage', direction: 'higher', scoring: { type: 'ratio', cap: 150 } },
    { id: 'profit', label: 'Profit contribution', direction: 'higher', scoring: { type: 'ratio', floor: 50, cap: 150 } },
  ],
  stages: {
    launch: { weights: { coverage: '0.7', profit: '0.3' } },
    maturity: { weights: { coverage: '0.2', profit: '0.8' } },
  },
  grades: [
    { min: 90, grade: 'Gold' },
    { min: 75, grade: 'Silver' },
    { min: 60, grade: 'Bronze' },
  ],
};
const card = defineScorecard(spec);

describe('the steps of a score, in order, each reproducing its figure', () => {
  it('one stage: stage weights, one step per KPI, the weighted score, the grade', () => {
    // coverage 60 of 50 = 120 % × 0.7 = 84; profit 12 of 20 = 60 % × 0.3 = 18; 84 + 18 = 102 ≥ 90: Gold.
    const r = scoreDealer(card, { stage: 'launch', actuals: { coverage: 60, profit: 12 }, targets: { coverage: 50, profit: 20 } });
    expect(texts(r.steps)).toEqual([
      'stage-weights: Weights of stage launch',
      'kpi-points: Market coverage: 60 of 50 = 120.00 % → 120.00 points × 0.7 = 84.00',
      'kpi-points: Profit contribution: 12 of 20 = 60.00 % → 60.00 points × 0.3 = 18.00',
      'weighted-score: Weighted score 102.00: the sum of the 2 contributions',
      'grade: Grade Gold: a score of 90 or more',
    ]);
    expect(JSON.parse(JSON.stringify(r.steps.at(-1)))).toEqual({ code: 'grade', score: '102', gradeByScore: 'Gold', grade: 'Gold', minOf: 'Gold', min: '90', text: 'Grade Gold: a score of 90 or more' });
    expect(JSON.parse(JSON.stringify(r.steps[3]))).toEqual({
      code: 'weighted-score',
      sum: '102',
      weightedScore: '102',
      contributions: 2,
      rounding: null,
      text: 'Weighted score 102.00: the sum of the 2 contributions',
    });
    expect(r.warnings).toEqual([]);
  });

  it('a floor or cap that set the points is named, and the clamp is a figure', () => {
    // coverage 200 of 100 = 200 % → capped at 150; profit 10 of 100 = 10 % → floor 50.
    const r = scoreDealer(card, { stage: 'maturity', actuals: { coverage: 200, profit: 10 }, targets: { coverage: 100, profit: 100 } });
    expect(lines(r).map((l) => [l.clamp, l.text])).toEqual([
      ['cap', 'Market coverage: 200 of 100 = 200.00 % → 150.00 points (capped at 150.00) × 0.2 = 30.00'],
      ['floor', 'Profit contribution: 10 of 100 = 10.00 % → 50.00 points (at the floor 50.00) × 0.8 = 40.00'],
    ]);
    // 30 + 40 = 70: Bronze, not Silver.
    expect(r.steps.at(-1)!.text).toBe('Grade Bronze: a score of 60 or more');
    const low = scoreDealer(card, { stage: 'maturity', actuals: { coverage: 10, profit: 10 }, targets: { coverage: 100, profit: 100 } });
    // 10 × 0.2 + 50 × 0.8 = 2 + 40 = 42 < 60.
    expect(low.steps.at(-1)!.text).toBe('No grade: the score is below Bronze (60)');
  });

  it('stages prorated by days over a period, or the stage on its end', () => {
    const stages = [
      { stage: 'launch', from: '2024-11-01', to: '2025-02-14' },
      { stage: 'maturity', from: '2025-02-15', to: '2025-12-31' },
    ];
    const input = { stages, period: { start: '2025-01-01', end: '2025-03-31' }, actuals: { coverage: 60, profit: 12 }, targets: { coverage: 50, profit: 20 } };
    // Q1 2025: 45 days of launch (Jan 1 to Feb 14) and 45 of maturity: 50.00 % each.
    expect(scoreDealer(card, input).steps[0]!.text).toBe(
      'Weights prorated by days over 2025-01-01 to 2025-03-31 (90 days): launch 45 days (50.00 %), maturity 45 days (50.00 %)',
    );
    expect(scoreDealer(card, { ...input, policy: 'end' }).steps[0]!.text).toBe("Weights of stage maturity, in force on 2025-03-31 (the period's end)");
    expect(scoreDealer(card, { ...input, policy: 'start' }).steps[0]!.text).toBe("Weights of stage launch, in force on 2025-01-01 (the period's start)");
  });

  it('gates: each one a step; a score step when they changed the score; the grade capped', () => {
    const gated = defineScorecard({
      ...spec,
      kpis: [...spec.kpis, { id: 'responseHours', label: 'Complaint response (h)', direction: 'lower', scoring: { type: 'curve', points: [{ at: 0, score: 100 }, { at: 48, score: 0 }] } }],
      stages: { launch: { weights: { coverage: '0.7', profit: '0.3', responseHours: 0 } } },
      gates: [
        { kpi: 'responseHours', op: '<=', value: 24, effect: { capScore: 74.5 } },
        { kpi: 'responseHours', op: '<', value: 48, effect: { capGrade: 'Bronze' } },
        { kpi: 'profit', op: '>=', value: 100, effect: 'zero' },
      ],
    });
    const r = scoreDealer(gated, { stage: 'launch', actuals: { coverage: 60, profit: 12, responseHours: 48 }, targets: { coverage: 50, profit: 20 } });
    // 84 + 18 + 0 = 102; 48 h > 24: capped at 74.5 (−27.5); 48 h not < 48: grade at most Bronze; profit 12 < 100: score 0 (−74.5).
    expect(texts(r.steps).slice(4)).toEqual([
      'weighted-score: Weighted score 102.00: the sum of the 3 contributions',
      'gate: Gate Complaint response (h) ≤ 24: 48, not met: the score is capped at 74.5 (− 27.50)',
      'gate: Gate Complaint response (h) < 48: 48, not met: the grade is capped at Bronze',
      'gate: Gate Profit contribution ≥ 100: 12, not met: the score is set to 0 (− 74.50)',
      'score: Score 102.00 − 102.00 (gates) = 0.00',
      'grade: No grade: the score is below Bronze (60)',
    ]);
    expect(JSON.parse(JSON.stringify(r.steps[5]))).toMatchObject({ code: 'gate', kpi: 'responseHours', op: '<=', value: '24', actual: '48', passed: false, adjustment: '-27.5' });
    // Met, and a cap above the score: nothing changes.
    const ok = scoreDealer(gated, { stage: 'launch', actuals: { coverage: 60, profit: 120, responseHours: 2 }, targets: { coverage: 50, profit: 20 } });
    expect(ok.steps.filter((s) => s.code === 'gate').map((s) => s.text)).toEqual([
      'Gate Complaint response (h) ≤ 24: 2, met',
      'Gate Complaint response (h) < 48: 2, met',
      'Gate Profit contribution ≥ 100: 120, met',
    ]);
    expect(ok.steps.some((s) => s.code === 'score')).toBe(false);
    // A cap that lowers the grade: 84 + 45 = 129, Gold by score, capped at Bronze by profit below 200 %.
    const gradeCap = defineScorecard({ ...spec, gates: [{ kpi: 'profit', op: '>=', value: 200, effect: { capGrade: 'Bronze' } }] });
    const capped = scoreDealer(gradeCap, { stage: 'launch', actuals: { coverage: 60, profit: 150 }, targets: { coverage: 50, profit: 100 } });
    expect([capped.gradeByScore, capped.grade]).toEqual(['Gold', 'Bronze']);
    expect(capped.steps.at(-1)!.text).toBe('Grade Gold by score (90 or more), capped at Bronze by a gate not met');
    // A capScore gate already above the score: said so.
    const below = defineScorecard({ ...spec, gates: [{ kpi: 'profit', op: '>=', value: 100, effect: { capScore: 200 } }] });
    expect(scoreDealer(below, { stage: 'launch', actuals: { coverage: 60, profit: 12 }, targets: { coverage: 50, profit: 20 } }).steps[4]!.text).toBe(
      'Gate Profit contribution ≥ 100: 12, not met: the score is capped at 200 (already below it)',
    );
  });

  it("missing actuals: 'zero' scores 0 points, 'reweight' shares the weight; each is a warning at the actual's path", () => {
    const three: KpiScorecardSpec = {
      kpis: ['a', 'b', 'c'].map((id) => ({ id, direction: 'higher' as const, scoring: { type: 'ratio' as const } })),
      stages: { s: { weights: { a: '0.5', b: '0.3', c: '0.2' } } },
    };
    const zero = scoreDealer(defineScorecard({ ...three, missing: 'zero' }), { stage: 's', actuals: { a: 100, b: 100 }, targets: { a: 100, b: 100 } });
    expect(lines(zero)[2]!.text).toBe('c: no actual → 0.00 points × 0.2 = 0.00');
    expect(zero.warnings).toEqual([
      { code: 'missing-actual', message: "no actual for c: scored 0 points (the scorecard's missing policy is 'zero')", path: ['actuals', 'c'] },
    ]);
    const re = scoreDealer(defineScorecard({ ...three, missing: 'reweight' }), { stage: 's', actuals: { a: 100, b: 60 }, targets: { a: 100, b: 100 } });
    // 0.5 / 0.8 = 0.625, 0.3 / 0.8 = 0.375: 100 × 0.625 + 60 × 0.375 = 62.5 + 22.5 = 85.
    expect(texts(re.steps).slice(1, 5)).toEqual([
      'reweight: Reweighted: no actual for c; the weights of the KPIs present (summing to 0.8) are divided by 0.8',
      'kpi-points: a: 100 of 100 = 100.00 % → 100.00 points × 0.625 = 62.50',
      'kpi-points: b: 60 of 100 = 60.00 % → 60.00 points × 0.375 = 22.50',
      'kpi-points: c: no actual; its weight is shared among the KPIs present',
    ]);
    expect(re.warnings[0]).toMatchObject({ code: 'missing-actual', path: ['actuals', 'c'] });
  });

  it('curves, bands, reductions, deviations and booleans name their rule', () => {
    const c = defineScorecard({
      kpis: [
        { id: 'complaints', direction: 'lower', scoring: { type: 'reduction' }, target: 5 },
        { id: 'stockDays', direction: 'target', scoring: { type: 'deviation' }, target: 45 },
        { id: 'hours', direction: 'lower', scoring: { type: 'bands', bands: [{ from: 0, score: 100 }, { from: 24, score: 50 }] } },
        { id: 'share', direction: 'higher', scoring: { type: 'curve', points: [{ at: 0, score: 0 }, { at: 10, score: 100 }] } },
        { id: 'kept', label: 'Contract kept', direction: 'higher', scoring: { type: 'boolean', pass: 100, fail: 0 } },
      ],
      stages: { s: { weights: { complaints: '0.2', stockDays: '0.2', hours: '0.2', share: '0.2', kept: '0.2' } } },
    });
    const r = scoreDealer(c, { stage: 's', actuals: { complaints: 2, stockDays: 54, hours: 30, share: 2.5, kept: false } });
    // 200 − 40 = 160; 54 / 45 = 120 % → 100 − 20 = 80; 30 h ≥ 24 → 50; 2.5 on 0..10 → 25; no → 0.
    expect(lines(r).map((l) => l.text)).toEqual([
      'complaints: 2 of 5 = 40.00 % → 160.00 points (200 − attainment) × 0.2 = 32.00',
      'stockDays: 54 of 45 = 120.00 % → 80.00 points (100 − |attainment − 100|) × 0.2 = 16.00',
      'hours: 30 → 50.00 points (bands) × 0.2 = 10.00',
      'share: 2.5 → 25.00 points (curve) × 0.2 = 5.00',
      'Contract kept: no → 0.00 points × 0.2 = 0.00',
    ]);
  });
});

describe('ratios derived by division: attainment reported to ratioScale places, decisions on the exact quotient', () => {
  const one = defineScorecard({ kpis: [{ id: 'satisfaction', direction: 'higher', scoring: { type: 'ratio' } }], stages: { s: { weights: { satisfaction: 1 } } } });
  const input = { stage: 's', actuals: { satisfaction: 92 }, targets: { satisfaction: 90 } };

  it('92 of 90: attainment 102.2222222222 (10 places, half-up); the points keep the 40-digit quotient', () => {
    const step = lines(scoreDealer(one, input))[0]!;
    expect(step.attainment!.toString()).toBe('102.2222222222');
    expect(step.points!.toString()).toBe('102.2222222222222222222222222222222222222');
    expect(lines(scoreDealer(one, input, { ratioScale: 2 }))[0]!.attainment!.toString()).toBe('102.22');
    expect(lines(scoreDealer(one, input, { ratioScale: 0 }))[0]!.attainment!.toString()).toBe('102');
    // 35 of 30 = 116.666… → 116.6666666667 (half-up).
    expect(lines(scoreDealer(one, { ...input, actuals: { satisfaction: 35 }, targets: { satisfaction: 30 } }))[0]!.attainment!.toString()).toBe('116.6666666667');
  });

  it('a band on attainment is decided by cross-multiplication, never on the rounded figure', () => {
    // Band from 66.6666666667 (the 10-place rounding of 2/3 × 100). 2 of 3 is 66.666…, below it:
    // 2 × 100 = 200 < 66.6666666667 × 3 = 200.0000000001, so the lower band applies even though the
    // reported attainment (10 places) reads 66.6666666667.
    const banded = defineScorecard({
      kpis: [{ id: 'x', direction: 'higher', scoring: { type: 'bands', on: 'attainment', bands: [{ from: 0, score: 10 }, { from: '66.6666666667', score: 20 }] } }],
      stages: { s: { weights: { x: 1 } } },
    });
    const r = lines(scoreDealer(banded, { stage: 's', actuals: { x: 2 }, targets: { x: 3 } }))[0]!;
    expect([r.attainment!.toString(), r.points!.toString()]).toEqual(['66.6666666667', '10']);
    // A step curve the same way.
    const stepped = defineScorecard({
      kpis: [{ id: 'x', direction: 'higher', scoring: { type: 'curve', on: 'attainment', between: 'step', points: [{ at: 0, score: 10 }, { at: '66.6666666667', score: 20 }] } }],
      stages: { s: { weights: { x: 1 } } },
    });
    expect(lines(scoreDealer(stepped, { stage: 's', actuals: { x: 2 }, targets: { x: 3 } }))[0]!.points!.toString()).toBe('10');
    // Even against the 40-digit rounding of 200 / 3 (what a 40-digit quotient would equal):
    // 66.666…67 × 3 = 200.000…01 > 200, so 2 of 3 has not reached it.
    const tight = defineScorecard({
      kpis: [{ id: 'x', direction: 'higher', scoring: { type: 'bands', on: 'attainment', bands: [{ from: 0, score: 10 }, { from: '66.66666666666666666666666666666666666667', score: 20 }] } }],
      stages: { s: { weights: { x: 1 } } },
    });
    expect(lines(scoreDealer(tight, { stage: 's', actuals: { x: 2 }, targets: { x: 3 } }))[0]!.points!.toString()).toBe('10');
    // Against a threshold of 66.66, 2 of 3 is above (200 > 66.66 × 3 = 199.98): the upper band.
    const reached = defineScorecard({
      kpis: [{ id: 'x', direction: 'higher', scoring: { type: 'bands', on: 'attainment', bands: [{ from: 0, score: 10 }, { from: '66.66', score: 20 }] } }],
      stages: { s: { weights: { x: 1 } } },
    });
    expect(lines(scoreDealer(reached, { stage: 's', actuals: { x: 2 }, targets: { x: 3 } }))[0]!.points!.toString()).toBe('20');
  });

  it('refuses a bad ratioScale and unknown options, naming the field', () => {
    expect(thrown(() => scoreDealer(one, input, { ratioScale: 31 })).issues[0]).toMatchObject({ path: ['options', 'ratioScale'], code: 'out_of_range' });
    expect(thrown(() => scoreDealer(one, input, { ratioscale: 2 } as never)).issues[0]).toMatchObject({
      path: ['options', 'ratioscale'],
      code: 'unknown_field',
      message: 'is not a known field; did you mean `ratioScale`?',
    });
    expect(thrown(() => scoreDealer(one, input, 'x' as never)).issues[0]).toMatchObject({ path: ['options'], code: 'invalid_type' });
  });
});

describe("rounding: { scale?, mode?, stage? }", () => {
  const kpis: KpiScorecardSpec['kpis'] = ['satisfaction', 'expansion'].map((id) => ({ id, direction: 'higher' as const, scoring: { type: 'ratio' as const } }));
  const stages = { s: { weights: { satisfaction: '0.5', expansion: '0.5' } } };
  const input = { stage: 's', actuals: { satisfaction: 92, expansion: 35 }, targets: { satisfaction: 90, expansion: 30 } };

  it("stage 'line' (the default, scale 2 and half-up when omitted) rounds every attainment and points", () => {
    const card = defineScorecard({ kpis, stages, rounding: {} });
    expect(JSON.parse(JSON.stringify(card.rounding))).toEqual({ scale: 2, mode: 'half-up', stage: 'line' });
    const r = scoreDealer(card, input);
    // 102.22 × 0.5 + 116.67 × 0.5 = 51.11 + 58.335 = 109.445
    expect(lines(r).map((l) => [l.attainment!.toString(), l.points!.toString(), l.contribution.toString()])).toEqual([
      ['102.22', '102.22', '51.11'],
      ['116.67', '116.67', '58.335'],
    ]);
    expect(r.score.toString()).toBe('109.445');
  });

  it("stage 'total' keeps the lines exact and rounds only the weighted score, once, and says so", () => {
    const card = defineScorecard({ kpis, stages, rounding: { scale: 2, mode: 'half-even', stage: 'total' } });
    const r = scoreDealer(card, input);
    // 102.222…/2 + 116.666…/2 = 51.111… + 58.333… = 109.444…4 (40 digits each) → 109.44 half-even.
    expect(lines(r)[0]!.points!.toString()).toBe('102.2222222222222222222222222222222222222');
    expect(lines(r)[0]!.attainment!.toString()).toBe('102.2222222222');
    expect(r.weightedScore.toString()).toBe('109.44');
    expect(r.score.toString()).toBe('109.44');
    const ws = r.steps.find((s) => s.code === 'weighted-score')!;
    expect(JSON.parse(JSON.stringify(ws))).toEqual({
      code: 'weighted-score',
      sum: '109.44444444444444444444444444444444444445',
      weightedScore: '109.44',
      contributions: 2,
      rounding: { scale: 2, mode: 'half-even' },
      text: 'Weighted score: the sum of the 2 contributions, 109.4444444444, rounded to 2 places (half-even) = 109.44',
    });
  });
});

describe("no silent percent mistakes: a ratio-named KPI given as a percentage is a warning", () => {
  const base: KpiScorecardSpec = {
    kpis: [
      { id: 'sales', direction: 'higher', scoring: { type: 'ratio' } },
      { id: 'onTimePaymentRatio', direction: 'higher', scoring: { type: 'curve', points: [{ at: 0, score: 0 }, { at: 1, score: 100 }] } },
    ],
    stages: { s: { weights: { sales: '0.5', onTimePaymentRatio: '0.5' } } },
    gates: [{ kpi: 'onTimePaymentRatio', op: '>=', value: '0.9', effect: 'zero' }],
  };
  const input = (ratio: number) => ({ stage: 's', actuals: { sales: 100, onTimePaymentRatio: ratio }, targets: { sales: 100 } });

  it("the issue's example: an on-time ratio of 97 passes a ≥ 0.9 gate, with a warning at its path", () => {
    const r = scoreDealer(defineScorecard(base), input(97));
    expect(r.gates[0]!.passed).toBe(true);
    expect(r.warnings).toEqual([
      {
        code: 'percent-like-metric',
        message:
          "onTimePaymentRatio is 97, but its name says it is a ratio and gates[0]'s value is 0.9: write 0.97 for 97 % (a ratio of 97 passes every threshold up to 1)",
        path: ['actuals', 'onTimePaymentRatio'],
      },
    ]);
    // 0.97 is a ratio: no warning.
    expect(scoreDealer(defineScorecard(base), input(0.97)).warnings).toEqual([]);
  });

  it('a target of at most 1, or a scoring whose thresholds stop at 1, raises it too; a threshold above 1 does not', () => {
    const byTarget = defineScorecard({
      kpis: [{ id: 'fillRate', direction: 'higher', scoring: { type: 'ratio' } }],
      stages: { s: { weights: { fillRate: 1 } } },
    });
    expect(scoreDealer(byTarget, { stage: 's', actuals: { fillRate: 95 }, targets: { fillRate: '0.98' } }).warnings[0]!.message).toBe(
      'fillRate is 95, but its name says it is a ratio and its target is 0.98: write 0.95 for 95 % (a ratio of 95 passes every threshold up to 1)',
    );
    expect(scoreDealer(byTarget, { stage: 's', actuals: { fillRate: 95 }, targets: { fillRate: 98 } }).warnings).toEqual([]);
    const byCurve = defineScorecard({ ...base, gates: [] });
    expect(scoreDealer(byCurve, input(97)).warnings[0]!.message).toContain("its scoring's highest threshold is 1");
    // A share written as a percentage against a percentage target (marketShare 6 of 5) is consistent: no warning.
    const share = defineScorecard({ kpis: [{ id: 'marketShare', direction: 'higher', scoring: { type: 'ratio' } }], stages: { s: { weights: { marketShare: 1 } } } });
    expect(scoreDealer(share, { stage: 's', actuals: { marketShare: 6 }, targets: { marketShare: 5 } }).warnings).toEqual([]);
  });

  it('the batch fast path warns the same way', async () => {
    const { scoreDealers } = await import('dealerkit');
    const fast = defineScorecard({
      kpis: [{ id: 'onTimeRatio', direction: 'higher', scoring: { type: 'ratio' } }],
      stages: { s: { weights: { onTimeRatio: 1 } } },
      gates: [{ kpi: 'onTimeRatio', op: '>=', value: '0.9', effect: 'zero' }],
      rounding: { scale: 2 },
    });
    const b = scoreDealers(fast, [
      { id: 'A', stage: 's', actuals: { onTimeRatio: 97 }, targets: { onTimeRatio: 1 } },
      { id: 'B', stage: 's', actuals: { onTimeRatio: 0.97 }, targets: { onTimeRatio: 1 } },
    ]);
    expect(b.rows.map((r) => r.result!.warnings.map((w) => w.code))).toEqual([['percent-like-metric'], []]);
  });
});
