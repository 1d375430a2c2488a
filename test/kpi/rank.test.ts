import { describe, expect, it } from 'vitest';
import { defineScorecard, scoreDealer, scoreDealers, type KpiDealerInput } from 'dealerkit';

const card = defineScorecard({
  kpis: [{ id: 'sales', direction: 'higher', scoring: { type: 'ratio' } }],
  stages: { maturity: { weights: { sales: 1 } } },
});
const dealer = (id: string, sales: number): KpiDealerInput => ({ id, stage: 'maturity', actuals: { sales }, targets: { sales: 100 } });

describe('scoreDealers: competition ranking and percentile', () => {
  it('1, 2, 2, 4 with ties sharing a rank and a percentile (hand-ranked)', () => {
    const r = scoreDealers(card, [dealer('A', 70), dealer('B', 90), dealer('C', 80), dealer('D', 90), dealer('E', 60)]);
    // Scores 70, 90, 80, 90, 60: ranks 4, 1, 3, 1, 5; strictly lower others / 4 × 100.
    expect(r.map((x) => [x.id, x.score.toString(), x.rank, x.percentile])).toEqual([
      ['A', '70', 4, 25],
      ['B', '90', 1, 75],
      ['C', '80', 3, 50],
      ['D', '90', 1, 75],
      ['E', '60', 5, 0],
    ]);
  });
  it('one dealer is rank 1 at the 100th percentile; no dealers give no results', () => {
    expect(scoreDealers(card, [dealer('A', 1)]).map((x) => [x.rank, x.percentile])).toEqual([[1, 100]]);
    expect(scoreDealers(card, [])).toEqual([]);
  });
  it('all equal: everyone rank 1, percentile 0', () => {
    expect(scoreDealers(card, [dealer('A', 5), dealer('B', 5), dealer('C', 5)]).map((x) => [x.rank, x.percentile])).toEqual([
      [1, 0],
      [1, 0],
      [1, 0],
    ]);
  });
  it('each result is what scoreDealer gives, plus rank and percentile', () => {
    const [a] = scoreDealers(card, [dealer('A', 92)]);
    const { rank, percentile, ...rest } = a!;
    expect(JSON.stringify(rest)).toBe(JSON.stringify(scoreDealer(card, dealer('A', 92))));
    expect([rank, percentile]).toEqual([1, 100]);
  });
  it('bad dealers are reported together with their index, the rest of the batch unharmed', () => {
    expect(() => scoreDealers(card, [dealer('A', 1), { stage: 'maturity', actuals: { sales: 'x' }, targets: { sales: 1 } }, { stage: 'growth', actuals: {} }])).toThrow(
      "[dealerkit] dealers[1].actuals.sales: must be a number or a numeric string, received \"x\"; dealers[2].stage: is not a stage of this scorecard (stages: 'maturity'), received 'growth'",
    );
    expect(() => scoreDealers(card, 'x' as never)).toThrow('[dealerkit] dealers: must be an array of dealer inputs');
  });
  it('lists the first 50 issues and counts the rest', () => {
    const bad = Array.from({ length: 53 }, () => ({ stage: 'nope', actuals: { sales: 1 }, targets: { sales: 1 } }));
    try {
      scoreDealers(card, bad);
      expect.unreachable();
    } catch (e) {
      const issues = (e as { issues: { path: unknown[]; message: string }[] }).issues;
      expect(issues).toHaveLength(51);
      expect(issues[50]).toEqual({ path: ['dealers'], message: 'and 3 more issues not listed' });
    }
  });
});

describe('the fast path (pointsRounding, plain numbers, one stage) gives what scoreDealer gives', () => {
  const fastCard = defineScorecard({
    kpis: [
      { id: 'sales', direction: 'higher', scoring: { type: 'ratio', cap: 150 } },
      { id: 'complaints', direction: 'lower', scoring: { type: 'reduction' }, target: 5 },
      { id: 'stockDays', direction: 'target', scoring: { type: 'deviation' } },
      { id: 'hours', direction: 'lower', scoring: { type: 'bands', bands: [{ from: 0, score: 100 }, { from: 12, score: 80 }, { from: 24, score: 50 }] } },
      { id: 'share', direction: 'higher', scoring: { type: 'bands', on: 'attainment', below: 0, bands: [{ from: 90, score: 90 }, { from: 100, score: 100 }] } },
      { id: 'contract', direction: 'higher', scoring: { type: 'boolean', pass: 100, fail: 0 } },
    ],
    stages: {
      launch: { weights: { sales: '0.2', complaints: '0.1', stockDays: '0.1', hours: '0.1', share: '0.4', contract: '0.1' } },
      maturity: { weights: { sales: '0.45', complaints: '0.15', stockDays: '0.1', hours: '0.1', share: '0.1', contract: '0.1' } },
    },
    grades: [{ min: 90, grade: 'Gold' }, { min: 75, grade: 'Silver' }],
    gates: [
      { kpi: 'hours', op: '<=', value: 24, effect: { capGrade: 'Silver' } },
      { kpi: 'contract', op: '==', value: true, effect: { capScore: 60 } },
      { kpi: 'complaints', op: '<', value: 20, effect: 'zero' },
    ],
    pointsRounding: { scale: 2, mode: 'half-even' },
  });
  const inputs: KpiDealerInput[] = [
    { id: 'a', stage: 'launch', actuals: { sales: 92, complaints: 2, stockDays: 31, hours: 30, share: 5.5, contract: true }, targets: { sales: 90, stockDays: 30, share: 6 } },
    { id: 'b', stage: 'maturity', actuals: { sales: 1e6, complaints: 25, stockDays: 0, hours: 12, share: 6, contract: false }, targets: { sales: 7, stockDays: 30, share: 6 } },
    { id: 'c', stage: 'maturity', actuals: { sales: 0.125, complaints: 0, stockDays: 45.5, hours: 0, share: 7.25, contract: false }, targets: { sales: 0.3, stockDays: 30, share: 6 } },
    { id: 'd', stage: 'launch', actuals: { sales: '92', complaints: 2, stockDays: 31, hours: 3, share: 6, contract: true }, targets: { sales: 90, stockDays: 30, share: 6 } },
  ];
  it('identical JSON, dealer by dealer', () => {
    const batch = scoreDealers(fastCard, inputs);
    batch.forEach((r, i) => {
      const { rank: _r, percentile: _p, ...rest } = r;
      expect(JSON.stringify(rest)).toBe(JSON.stringify(scoreDealer(fastCard, inputs[i]!)));
    });
    // a: sales 102.22 (92/90, half-even), the share band 90 (91.67 %), capped to Silver by the 30-hour gate.
    expect(batch[0]!.lines[0]!.points!.toString()).toBe('102.22');
    expect(batch[0]!.grade).toBe(batch[0]!.gradeByScore === null ? null : 'Silver');
    expect(batch[1]!.score.toString()).toBe('0'); // 25 complaints void the score
  });
});
