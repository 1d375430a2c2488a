import { describe, expect, it } from 'vitest';
import { DealerkitError, defineScorecard, scoreDealer, type KpiScorecardSpec } from 'dealerkit';
import { lines } from './lines.js';

// Two KPIs whose weights swap between stages: coverage weighs most at launch, profit at maturity.
const spec: KpiScorecardSpec = {
  kpis: [
    { id: 'coverage', label: 'Market coverage', direction: 'higher', scoring: { type: 'ratio', cap: 150 } },
    { id: 'profit', label: 'Profit contribution', direction: 'higher', scoring: { type: 'ratio', cap: 150 } },
  ],
  stages: {
    launch: { weights: { coverage: '0.7', profit: '0.3' } },
    growth: { weights: { coverage: '0.5', profit: '0.5' } },
    maturity: { weights: { coverage: '0.2', profit: '0.8' } },
  },
  grades: [
    { min: 90, grade: 'Gold' },
    { min: 75, grade: 'Silver' },
    { min: 60, grade: 'Bronze' },
  ],
};
const card = defineScorecard(spec);
// Coverage 120 % of target, profit 60 %.
const data = { actuals: { coverage: 60, profit: 12 }, targets: { coverage: 50, profit: 20 } };

describe('stage-dependent weights', () => {
  it('the same data grades Gold at launch and Bronze at maturity', () => {
    const launch = scoreDealer(card, { stage: 'launch', ...data });
    const maturity = scoreDealer(card, { stage: 'maturity', ...data });
    // launch: 120 × 0.7 + 60 × 0.3 = 84 + 18 = 102; maturity: 120 × 0.2 + 60 × 0.8 = 24 + 48 = 72
    expect(lines(launch).map((l) => l.contribution.toString())).toEqual(['84', '18']);
    expect(launch.score.toString()).toBe('102');
    expect(launch.grade).toBe('Gold');
    expect(lines(maturity).map((l) => l.contribution.toString())).toEqual(['24', '48']);
    expect(maturity.score.toString()).toBe('72');
    expect(maturity.grade).toBe('Bronze');
    expect(maturity.policy).toBe('single');
    expect(JSON.parse(JSON.stringify(maturity.stageShares))).toEqual([{ stage: 'maturity', from: null, to: null, days: null, share: '1' }]);
    expect(JSON.parse(JSON.stringify(maturity.weights))).toEqual({ coverage: '0.2', profit: '0.8' });
  });

  it('every KPI step explains its figure, in figures and in a sentence', () => {
    const r = scoreDealer(card, { id: 'D01', stage: 'launch', ...data });
    expect(JSON.parse(JSON.stringify(lines(r)[0]))).toEqual({
      code: 'kpi-points',
      kpi: 'coverage',
      label: 'Market coverage',
      rule: 'ratio',
      actual: '60',
      target: '50',
      attainment: '120',
      points: '120',
      clamp: null,
      weight: '0.7',
      contribution: '84',
      missing: false,
      // 60 / 50 × 100 = 120; 120 × 0.7 = 84
      text: 'Market coverage: 60 of 50 = 120.00 % → 120.00 points × 0.7 = 84.00',
    });
    expect(r.id).toBe('D01');
    expect(r.missing).toEqual({ policy: 'error', kpis: [] });
  });

  it('grades: exactly at a minimum earns the grade, just below does not, below the lowest none', () => {
    // growth weighs both 0.5 and both targets are 100, so the score is (coverage + profit) / 2.
    const at = (coverage: number, profit: number) =>
      scoreDealer(card, { stage: 'growth', actuals: { coverage, profit }, targets: { coverage: 100, profit: 100 } });
    expect(at(90, 90).grade).toBe('Gold'); // 90 exactly
    expect(at(90, 89.98).grade).toBe('Silver'); // 89.99
    expect(at(75, 75).grade).toBe('Silver'); // 75 exactly
    expect(at(75, 74.98).grade).toBe('Bronze'); // 74.99
    expect(at(60, 60).grade).toBe('Bronze'); // 60 exactly
    const below = at(60, 59);
    expect(below.score.toString()).toBe('59.5');
    expect(below.grade).toBeNull();
    expect(below.gradeByScore).toBeNull();
    expect(at(0, 0).score.toString()).toBe('0');
  });
});

describe('a stage change inside the period', () => {
  // Q1 2025 has 90 days: launch 2025-01-01..2025-02-14 (45 days), maturity 2025-02-15..2025-03-31 (45 days).
  const stages = [
    { stage: 'launch', from: '2024-11-01', to: '2025-02-14' },
    { stage: 'maturity', from: '2025-02-15', to: '2025-12-31' },
  ];
  const period = { start: '2025-01-01', end: '2025-03-31' };

  it("'prorate' mixes the weights by days: half and half here", () => {
    const r = scoreDealer(card, { stages, period, policy: 'prorate', ...data });
    // weights: coverage (45 × 0.7 + 45 × 0.2) / 90 = 0.45, profit 0.55; 120 × 0.45 + 60 × 0.55 = 54 + 33 = 87
    expect(JSON.parse(JSON.stringify(r.weights))).toEqual({ coverage: '0.45', profit: '0.55' });
    expect(r.score.toString()).toBe('87');
    expect(r.grade).toBe('Silver');
    expect(r.policy).toBe('prorate');
    expect(JSON.parse(JSON.stringify(r.stageShares))).toEqual([
      { stage: 'launch', from: '2025-01-01', to: '2025-02-14', days: 45, share: '0.5' },
      { stage: 'maturity', from: '2025-02-15', to: '2025-03-31', days: 45, share: '0.5' },
    ]);
    // and equals the mix of the two single-stage scores: (102 + 72) / 2
  });

  it("'prorate' is the default policy, and days count the leap day", () => {
    // 2024-02-01..2024-03-31 has 29 + 31 = 60 days; launch until 2024-02-29 (29), growth after (31).
    const r = scoreDealer(card, {
      stages: [
        { stage: 'launch', from: '2024-01-01', to: '2024-02-29' },
        { stage: 'growth', from: '2024-03-01', to: '2024-12-31' },
      ],
      period: { start: '2024-02-01', end: '2024-03-31' },
      ...data,
    });
    expect(r.stageShares.map((s) => s.days)).toEqual([29, 31]);
    // coverage (29 × 0.7 + 31 × 0.5) / 60 = (20.3 + 15.5) / 60 = 35.8 / 60 = 0.59666…7 (40 digits)
    expect(r.weights.coverage!.toString()).toBe('0.5966666666666666666666666666666666666667');
    expect(r.weights.profit!.toString()).toBe('0.4033333333333333333333333333333333333333');
    expect(r.policy).toBe('prorate');
  });

  it("'end' and 'start' take the stage in force on that day", () => {
    const end = scoreDealer(card, { stages, period, policy: 'end', ...data });
    const start = scoreDealer(card, { stages, period, policy: 'start', ...data });
    expect(end.score.toString()).toBe('72');
    expect(end.stageShares).toEqual([expect.objectContaining({ stage: 'maturity', from: '2025-01-01', to: '2025-03-31', days: 90 })]);
    expect(start.score.toString()).toBe('102');
    expect(start.policy).toBe('start');
  });

  it('a gap in the stages is an error naming the uncovered days', () => {
    expect(() =>
      scoreDealer(card, {
        stages: [
          { stage: 'launch', from: '2025-01-01', to: '2025-01-31' },
          { stage: 'maturity', from: '2025-02-10', to: '2025-03-31' },
        ],
        period,
        ...data,
      }),
    ).toThrow('[dealerkit] stages: must cover every day of the period 2025-01-01 to 2025-03-31: 2025-02-01 to 2025-02-09 is in no stage');
    expect(() => scoreDealer(card, { stages: [{ stage: 'launch', from: '2025-01-05', to: '2025-03-31' }], period, ...data })).toThrow(
      '[dealerkit] stages: must cover every day of the period 2025-01-01 to 2025-03-31: 2025-01-01 to 2025-01-04 is in no stage',
    );
    expect(() => scoreDealer(card, { stages: [{ stage: 'launch', from: '2025-01-01', to: '2025-03-30' }], period, ...data })).toThrow(
      '[dealerkit] stages: must cover every day of the period 2025-01-01 to 2025-03-31: 2025-03-31 to 2025-03-31 is in no stage',
    );
    expect(() => scoreDealer(card, { stages: [{ stage: 'launch', from: '2025-01-01', to: '2025-03-30' }], period, policy: 'end', ...data })).toThrow(
      "[dealerkit] stages: must cover the period's end (2025-03-31) under policy 'end'",
    );
  });
});

describe('gates: hard standards after the weighted score', () => {
  const gated = (effect: 'zero' | { capScore: number } | { capGrade: string }) =>
    defineScorecard({
      ...spec,
      kpis: [...spec.kpis, { id: 'responseHours', direction: 'lower', scoring: { type: 'curve', points: [{ at: 0, score: 100 }, { at: 48, score: 0 }] } }],
      stages: {
        launch: { weights: { coverage: '0.7', profit: '0.3', responseHours: 0 } },
      },
      gates: [{ kpi: 'responseHours', op: '<=', value: 24, effect }],
    });
  const run = (effect: Parameters<typeof gated>[0], hours: number | null) =>
    scoreDealer(gated(effect), { stage: 'launch', actuals: { ...data.actuals, responseHours: hours }, targets: data.targets });

  it('a passed gate changes nothing; exactly at the limit passes', () => {
    const r = run('zero', 24);
    expect(r.score.toString()).toBe('102');
    expect(JSON.parse(JSON.stringify(r.gates))).toEqual([
      { kpi: 'responseHours', op: '<=', value: '24', actual: '24', passed: true, effect: 'zero', adjustment: '0' },
    ]);
  });
  it("'zero' voids the score and says by how much", () => {
    const r = run('zero', 25);
    expect(r.weightedScore.toString()).toBe('102');
    expect(r.score.toString()).toBe('0');
    expect(r.gates[0]!.adjustment.toString()).toBe('-102');
    expect(r.grade).toBeNull();
  });
  it("'capScore' caps it (lines + adjustments = score)", () => {
    const r = run({ capScore: 74.5 }, 30);
    expect(r.score.toString()).toBe('74.5');
    expect(r.gates[0]!.adjustment.toString()).toBe('-27.5');
    expect(r.grade).toBe('Bronze');
    // A cap above the score changes nothing.
    expect(run({ capScore: 110 }, 30).score.toString()).toBe('102');
  });
  it("'capGrade' keeps the score and lowers the grade", () => {
    const r = run({ capGrade: 'Silver' }, 30);
    expect(r.score.toString()).toBe('102');
    expect(r.gradeByScore).toBe('Gold');
    expect(r.grade).toBe('Silver');
    expect(r.gates[0]!.adjustment.toString()).toBe('0');
  });
  it('a missing actual fails its gate (a standard that cannot be verified is not met)', () => {
    const card2 = defineScorecard({
      ...spec,
      stages: { launch: { weights: { coverage: '0.7', profit: '0.3' } } },
      gates: [{ kpi: 'profit', op: '>', value: 0, effect: 'zero' }],
      missing: 'zero',
    });
    const r = scoreDealer(card2, { stage: 'launch', actuals: { coverage: 60 }, targets: data.targets });
    expect(r.gates[0]).toMatchObject({ actual: null, passed: false });
    expect(r.score.toString()).toBe('0');
  });
  it('boolean gates compare with == and !=', () => {
    const card3 = defineScorecard({
      kpis: [
        { id: 'sales', direction: 'higher', scoring: { type: 'ratio' } },
        { id: 'contract', direction: 'higher', scoring: { type: 'boolean', pass: 100, fail: 0 } },
      ],
      stages: { s: { weights: { sales: 1, contract: 0 } } },
      gates: [
        { kpi: 'contract', op: '==', value: true, effect: { capScore: 50 } },
        { kpi: 'contract', op: '!=', value: false, effect: { capScore: 40 } },
      ],
    });
    const ok = scoreDealer(card3, { stage: 's', actuals: { sales: 90, contract: true }, targets: { sales: 100 } });
    expect(ok.score.toString()).toBe('90');
    const bad = scoreDealer(card3, { stage: 's', actuals: { sales: 90, contract: false }, targets: { sales: 100 } });
    expect(bad.gates.map((g) => [g.passed, g.adjustment.toString()])).toEqual([
      [false, '-40'],
      [false, '-10'],
    ]);
    expect(bad.score.toString()).toBe('40');
  });
  it('every comparison operator, at, above and below its value', () => {
    const ops = ['>=', '>', '<=', '<', '==', '!='] as const;
    const expected: Record<(typeof ops)[number], [boolean, boolean, boolean]> = {
      '>=': [false, true, true],
      '>': [false, false, true],
      '<=': [true, true, false],
      '<': [true, false, false],
      '==': [false, true, false],
      '!=': [true, false, true],
    };
    for (const op of ops) {
      const c = defineScorecard({
        kpis: [{ id: 'x', direction: 'higher', scoring: { type: 'ratio' } }],
        stages: { s: { weights: { x: 1 } } },
        gates: [{ kpi: 'x', op, value: 10, effect: 'zero' }],
      });
      const passed = [9, 10, 11].map((x) => scoreDealer(c, { stage: 's', actuals: { x }, targets: { x: 10 } }).gates[0]!.passed);
      expect(passed, op).toEqual(expected[op]);
    }
  });
});

describe('missing actuals', () => {
  const three: KpiScorecardSpec = {
    kpis: ['a', 'b', 'c'].map((id) => ({ id, direction: 'higher' as const, scoring: { type: 'ratio' as const } })),
    stages: { s: { weights: { a: '0.5', b: '0.3', c: '0.2' } } },
  };
  it("'error' (the default) names the missing KPI", () => {
    expect(() => scoreDealer(defineScorecard(three), { stage: 's', actuals: { a: 1, b: null }, targets: { a: 1, b: 1, c: 1 } })).toThrow(
      "[dealerkit] actuals.b: is required (the scorecard's missing policy is 'error'; use 'zero' or 'reweight' to score without it); actuals.c: is required (the scorecard's missing policy is 'error'; use 'zero' or 'reweight' to score without it)",
    );
  });
  it("'zero' scores the missing KPI 0 points", () => {
    const r = scoreDealer(defineScorecard({ ...three, missing: 'zero' }), { stage: 's', actuals: { a: 100, b: 100 }, targets: { a: 100, b: 100, c: 100 } });
    // 100 × 0.5 + 100 × 0.3 + 0 × 0.2 = 80
    expect(r.score.toString()).toBe('80');
    expect(lines(r)[2]).toMatchObject({ actual: null, missing: true });
    expect(lines(r)[2]!.points!.toString()).toBe('0');
    expect(r.missing).toEqual({ policy: 'zero', kpis: ['c'] });
  });
  it("'reweight' spreads the missing weight over the present KPIs in proportion, and says so", () => {
    const r = scoreDealer(defineScorecard({ ...three, missing: 'reweight' }), { stage: 's', actuals: { a: 100, b: 60 }, targets: { a: 100, b: 100, c: 100 } });
    // weights 0.5 / 0.8 = 0.625 and 0.3 / 0.8 = 0.375; 100 × 0.625 + 60 × 0.375 = 62.5 + 22.5 = 85
    expect(JSON.parse(JSON.stringify(r.weights))).toEqual({ a: '0.625', b: '0.375', c: '0' });
    expect(r.score.toString()).toBe('85');
    expect(lines(r)[2]!.points).toBeNull();
    expect(r.missing).toEqual({ policy: 'reweight', kpis: ['c'] });
  });
  it("'reweight' with every weighted KPI missing is infeasible", () => {
    const card4 = defineScorecard({ ...three, stages: { s: { weights: { a: 1, b: 0, c: 0 } } }, missing: 'reweight' });
    expect(() => scoreDealer(card4, { stage: 's', actuals: { b: 1 }, targets: { b: 1 } })).toThrow(
      '[dealerkit] actuals: every KPI with a weight is missing (a, c): there is nothing to reweight',
    );
    // A missing KPI of weight 0 changes no weight.
    const r = scoreDealer(card4, { stage: 's', actuals: { a: 50, c: 1 }, targets: { a: 100, c: 1 } });
    expect(r.score.toString()).toBe('50');
  });
});

describe('normalize: weights divided by their sum, reported', () => {
  it('3 : 1 becomes 0.75 / 0.25 and the declared weights are kept', () => {
    const c = defineScorecard({ ...spec, stages: { launch: { weights: { coverage: 3, profit: 1 } } }, normalize: true });
    expect(JSON.parse(JSON.stringify(c.stages.launch))).toEqual({
      weights: { coverage: '0.75', profit: '0.25' },
      declaredWeights: { coverage: '3', profit: '1' },
      normalized: true,
    });
    const r = scoreDealer(c, { stage: 'launch', ...data });
    expect(r.score.toString()).toBe('105'); // 120 × 0.75 + 60 × 0.25
  });
  it('weights already summing to 1 are kept as declared', () => {
    const c = defineScorecard({ ...spec, normalize: true });
    expect(c.stages.maturity!.normalized).toBe(false);
    expect(c.stages.maturity!.weights.profit!.toString()).toBe('0.8');
  });
});

describe('the scorecard is frozen plain data and a spec is accepted in its place', () => {
  it('frozen all the way down', () => {
    expect(Object.isFrozen(card)).toBe(true);
    expect(Object.isFrozen(card.kpis[0])).toBe(true);
    expect(Object.isFrozen(card.stages.launch!.weights)).toBe(true);
    expect(JSON.parse(JSON.stringify(card)).stages.launch.weights).toEqual({ coverage: '0.7', profit: '0.3' });
    expect(card.missing).toBe('error');
    expect(card.rounding).toBeNull();
  });
  it('a spec passed to scoreDealer is defined on the fly, its errors under scorecard', () => {
    expect(scoreDealer(spec, { stage: 'launch', ...data }).score.toString()).toBe('102');
    expect(() => scoreDealer({ ...spec, grades: [{ min: 1, grade: 'A' }, { min: 2, grade: 'B' }] }, { stage: 'launch', ...data })).toThrow(
      '[dealerkit] scorecard.grades[1].min: must be less than grades[0].min (1): grades descend from the highest, received 2',
    );
  });
  it('the input is not mutated', () => {
    const input = { stage: 'launch', actuals: { coverage: 60, profit: 12 }, targets: { coverage: 50, profit: 20 } };
    const copy = JSON.parse(JSON.stringify(input));
    scoreDealer(card, input);
    expect(input).toEqual(copy);
  });
  it('only DealerkitError escapes', () => {
    expect(() => scoreDealer(card, null as never)).toThrow(DealerkitError);
    const evil = { stage: 'launch', get actuals(): never { throw new Error('boom'); } };
    expect(() => scoreDealer(card, evil as never)).toThrow('[dealerkit] (input): unexpected failure (Error: boom)');
  });
});
