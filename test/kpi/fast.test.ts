import { describe, expect, it } from 'vitest';
import { defineScorecard, explainScore, scoreDealer, scoreDealers, Decimal, type KpiDealerInput, type KpiScorecardSpec, type RoundingMode } from 'dealerkit';
import { fastScratch, planFast, scaledOf, scoreFast, type FastPlan } from '../../src/kpi/fast.js';
import { compiledOf } from '../../src/kpi/scorecard.js';
import { lines } from './lines.js';

function planOf(spec: KpiScorecardSpec) {
  const card = compiledOf(defineScorecard(spec), []);
  return { card, plan: planFast(card) };
}

const fast = (plan: FastPlan, input: unknown) => scoreFast(plan, input, fastScratch(plan));

// The batch result minus its place, as JSON, against scoreDealer's (or the same error).
function same(spec: KpiScorecardSpec, input: unknown): void {
  let single: string;
  try {
    single = JSON.stringify(scoreDealer(defineScorecard(spec), input as KpiDealerInput));
  } catch (e) {
    expect(() => scoreDealers(defineScorecard(spec), [input as KpiDealerInput])).toThrow();
    return;
  }
  const r = scoreDealers(defineScorecard(spec), [input as KpiDealerInput]).rows[0]!.result;
  const { rank: _r, percentileRank: _p, ...rest } = r!;
  expect(JSON.stringify(rest)).toBe(single);
}

const base: KpiScorecardSpec = {
  kpis: [
    { id: 'sales', direction: 'higher', scoring: { type: 'ratio', floor: 0, cap: 150 } },
    { id: 'hours', direction: 'lower', scoring: { type: 'bands', bands: [{ from: 0, score: 100 }, { from: 24, score: 50 }] } },
    { id: 'kept', direction: 'higher', scoring: { type: 'boolean', pass: 100, fail: 0 } },
  ],
  stages: { s: { weights: { sales: '0.5', hours: '0.25', kept: '0.25' } }, third: { weights: { sales: 1, hours: 0, kept: 0 } } },
  grades: [{ min: 90, grade: 'A' }],
  gates: [
    { kpi: 'hours', op: '<', value: 48, effect: { capScore: 70 } },
    { kpi: 'kept', op: '!=', value: false, effect: { capGrade: 'A' } },
  ],
  rounding: { scale: 2 },
};
const ok = { stage: 's', actuals: { sales: 92, hours: 3, kept: true }, targets: { sales: 90 } };

describe('the fast path takes what it can and hands the rest to the general path, with the same results', () => {
  it('takes a plain dealer', () => {
    const { plan } = planOf(base);
    expect(fast(plan!, ok)).not.toBeNull();
    same(base, ok);
    same(base, { ...ok, id: 'x', actuals: { sales: 92, hours: 50, kept: false } });
  });
  const handedOver: [string, unknown][] = [
    ['a dealer that is not an object', 'x'],
    ['a stage that is not a string', { ...ok, stage: 1 }],
    ['an unknown stage', { ...ok, stage: 'nope' }],
    ['an id that is neither a string nor a number', { ...ok, id: true }],
    ['an id that is not a finite number', { ...ok, id: NaN }],
    ['actuals that are not an object', { ...ok, actuals: null }],
    ['targets that are an array', { ...ok, targets: [] }],
    ['an extra field', { ...ok, extra: 1 }],
    ['a missing actual', { ...ok, actuals: { sales: 92, hours: 3 } }],
    ['an actual as a string', { ...ok, actuals: { ...ok.actuals, sales: '92' } }],
    ['a number for a boolean KPI', { ...ok, actuals: { ...ok.actuals, kept: 1 } }],
    ['a target for a boolean KPI', { ...ok, targets: { sales: 90, kept: 1 } }],
    ['an actual with 10 decimals', { ...ok, actuals: { ...ok.actuals, sales: 1.0000000001 } }],
    ['an actual of 1e20', { ...ok, actuals: { ...ok.actuals, sales: 1e20 } }],
    ['an actual that overflows the attainment', { ...ok, actuals: { ...ok.actuals, sales: 4e15 } }],
    ['a NaN actual', { ...ok, actuals: { ...ok.actuals, sales: NaN } }],
    ['a target as a string', { ...ok, targets: { sales: '90' } }],
    ['a target of 0', { ...ok, targets: { sales: 0 } }],
    ['a target with 10 decimals', { ...ok, targets: { sales: 1.0000000001 } }],
    ['no target for a ratio', { ...ok, targets: {} }],
    ['no targets at all', { stage: 's', actuals: ok.actuals }],
    ['an unknown target', { ...ok, targets: { sales: 90, zzz: 1 } }],
    ['a band below its first from', { ...ok, actuals: { ...ok.actuals, hours: -1 } }],
    ['a Decimal actual', { ...ok, actuals: { ...ok.actuals, sales: new Decimal(92) } }],
  ];
  for (const [name, input] of handedOver) {
    it(name, () => {
      const { plan } = planOf(base);
      expect(fast(plan!, input)).toBeNull();
      same(base, input);
    });
  }
  it('takes a target for a band on the actual (reported as attainment, not read by the bands)', () => {
    const { plan } = planOf(base);
    const input = { ...ok, targets: { sales: 90, hours: 8 } };
    const r = fast(plan!, input)!.result;
    // 3 of 8 = 37.5 %; the bands read the 3 hours: 100 points.
    expect(lines(r)[1]!.text).toBe('hours: 3 of 8 = 37.50 % → 100.00 points (bands) × 0.25 = 25.00');
    same(base, input);
  });
  it('takes a number id', () => {
    const { plan } = planOf(base);
    expect(fast(plan!, { ...ok, id: 117 })!.result.id).toBe(117);
    same(base, { ...ok, id: 117 });
  });
});

describe("a fast result's steps are built on first read, as scoreDealer builds them", () => {
  const card = defineScorecard(base);
  const inputs: KpiDealerInput[] = [
    { id: 'a', ...ok },
    { id: 'b', stage: 's', actuals: { sales: -0, hours: 30, kept: false }, targets: { sales: 90, hours: 8 } },
    { id: 'c', stage: 'third', actuals: { sales: 120.5, hours: 3, kept: true }, targets: { sales: 100 } },
  ];
  const single = (input: KpiDealerInput, rank: number, percentileRank: string) => ({ ...scoreDealer(card, input), rank, percentileRank: new Decimal(percentileRank) });
  const batch = () => scoreDealers(card, inputs).rows.map((r) => r.result!);

  it('a plain object whose fields, in order, equal the general path result (toStrictEqual, JSON)', () => {
    const r = batch();
    // a: 92 / 90 = 102.22 % × 0.5 + 100 × 0.25 + 100 × 0.25 = 101.11; b: 0 % × 0.5 + 50 (30 hours) × 0.25 + 0 = 12.5;
    // c (stage 'third'): 120.5 % × 1 = 120.5. Ranks 2, 3, 1; percentile ranks 1/2, 0/2, 2/2.
    expect(r.map((x) => x.score.toString())).toEqual(['101.11', '12.5', '120.5']);
    expect(r.map((x) => x.grade)).toEqual(['A', null, 'A']);
    expect(r.map((x) => x.rank)).toEqual([2, 3, 1]);
    const expected = [single(inputs[0]!, 2, '0.5'), single(inputs[1]!, 3, '0'), single(inputs[2]!, 1, '1')];
    expect(Object.getPrototypeOf(r[0])).toBe(Object.prototype);
    expect(Object.keys(r[0]!)).toEqual(Object.keys(expected[0]!));
    expect(r).toStrictEqual(expected);
    expect(JSON.stringify(r)).toBe(JSON.stringify(expected));
  });
  it('steps is an own enumerable field, kept once read', () => {
    const [r] = batch();
    expect(Object.getOwnPropertyDescriptor(r, 'steps')).toMatchObject({ enumerable: true, configurable: true });
    const steps = r!.steps;
    expect(r!.steps).toBe(steps);
    expect(lines(r!)[0]!.text).toBe('sales: 92 of 90 = 102.22 % → 102.22 points × 0.5 = 51.11');
  });
  it('nothing else shows: no other enumerable key, string or symbol', () => {
    const [r] = batch();
    expect(Object.getOwnPropertySymbols(r).filter((k) => Object.getOwnPropertyDescriptor(r, k)!.enumerable)).toEqual([]);
    expect({ ...r }).toStrictEqual(single(inputs[0]!, 2, '0.5'));
  });
  it('may be assigned, deleted or frozen like a plain result', () => {
    const [a, b, c] = batch();
    a!.steps = [];
    expect(a!.steps).toEqual([]);
    delete (b as Partial<typeof b>)!.steps;
    expect('steps' in b!).toBe(false);
    Object.freeze(c);
    expect(c!.steps).toEqual(scoreDealer(card, inputs[2]!).steps);
    expect(c!.steps).toBe(c!.steps);
  });
  it('explainScore reads it, live or from JSON, as it reads scoreDealer', () => {
    for (const [i, r] of batch().entries()) {
      const expected = explainScore(scoreDealer(card, inputs[i]!));
      expect(explainScore(r)).toEqual(expected);
      expect(explainScore(JSON.parse(JSON.stringify(r)))).toEqual(expected);
    }
    expect(explainScore(batch()[0]!)[1]).toBe('sales: 92 of 90 = 102.22 % → 102.22 points × 0.5 = 51.11');
  });
  it('keeps its own copy of the figures: changing the input afterwards changes nothing', () => {
    const input = { id: 'x', stage: 's', actuals: { sales: 92, hours: 3, kept: true }, targets: { sales: 90 } };
    const expected = scoreDealer(card, input).steps;
    const [r] = scoreDealers(card, [input]).rows.map((x) => x.result!);
    input.actuals.sales = 1;
    input.actuals.kept = false;
    input.targets.sales = 5;
    expect(r!.steps).toEqual(expected);
  });
});

describe('scorecards the fast path leaves to the general path', () => {
  const nulls: [string, KpiScorecardSpec][] = [
    ['no rounding', { ...base, rounding: undefined as never }],
    ['rounding of the total only', { ...base, rounding: { scale: 2, stage: 'total' } }],
    ['a points scale beyond 6', { ...base, rounding: { scale: 7 } }],
    ['a curve', { ...base, kpis: [{ id: 'sales', direction: 'higher', scoring: { type: 'curve', points: [{ at: 0, score: 0 }] } }, base.kpis[1]!, base.kpis[2]!] }],
    ['a floor with more places than the points', { ...base, kpis: [{ id: 'sales', direction: 'higher', scoring: { type: 'ratio', floor: '0.005' } }, base.kpis[1]!, base.kpis[2]!] }],
    ['a cap with more places than the points', { ...base, kpis: [{ id: 'sales', direction: 'higher', scoring: { type: 'ratio', cap: '150.001' } }, base.kpis[1]!, base.kpis[2]!] }],
    ['a default target with 10 places', { ...base, kpis: [{ id: 'sales', direction: 'higher', scoring: { type: 'ratio' }, target: '1.0000000001' }, base.kpis[1]!, base.kpis[2]!] }],
    ['a band from with 10 places', { ...base, kpis: [base.kpis[0]!, { id: 'hours', direction: 'lower', scoring: { type: 'bands', bands: [{ from: '0.0000000001', score: 100 }] } }, base.kpis[2]!] }],
    ['a band score beyond 2^52', { ...base, kpis: [base.kpis[0]!, { id: 'hours', direction: 'lower', scoring: { type: 'bands', bands: [{ from: 0, score: '1e20' }] } }, base.kpis[2]!] }],
    ['a band below score beyond 2^52', { ...base, kpis: [base.kpis[0]!, { id: 'hours', direction: 'lower', scoring: { type: 'bands', below: '1e20', bands: [{ from: 0, score: 1 }] } }, base.kpis[2]!] }],
    ['a boolean score beyond 2^52', { ...base, kpis: [base.kpis[0]!, base.kpis[1]!, { id: 'kept', direction: 'higher', scoring: { type: 'boolean', pass: '1e20', fail: 0 } }] }],
    ['a gate value with 10 places', { ...base, gates: [{ kpi: 'hours', op: '<', value: '0.0000000001', effect: 'zero' }] }],
  ];
  for (const [name, spec] of nulls) {
    it(name, () => {
      expect(planOf(spec).plan).toBeNull();
      same(spec, ok);
    });
  }
  // Gates and grades run at the scale of their finest figure (issue 15: supported features are derived
  // from what the scaled arithmetic holds exactly), so a 10-place cap or minimum stays on the fast path.
  for (const [name, spec] of [
    ['a capScore with 10 places is taken exactly', { ...base, gates: [{ kpi: 'hours', op: '<', value: 1, effect: { capScore: '0.0000000001' } }] }],
    ['a grade minimum with 10 places is taken exactly', { ...base, grades: [{ min: '0.0000000001', grade: 'A' }], gates: [] }],
    ['a grade minimum just above a score at 10 places', { ...base, grades: [{ min: '50.0000000001', grade: 'A' }], gates: [] }],
  ] as [string, KpiScorecardSpec][]) {
    it(name, () => {
      expect(planOf(spec).plan!.stages.has('s')).toBe(true);
      same(spec, ok);
      for (const hours of [0, 24, 30, 100]) same(spec, { ...ok, actuals: { ...ok.actuals, hours } });
    });
  }
  it('a stage whose weights have more than 9 places is left out, the others kept', () => {
    const spec: KpiScorecardSpec = { ...base, normalize: true, stages: { s: { weights: { sales: 1, hours: 1, kept: 1 } }, t: { weights: { sales: 1, hours: 0, kept: 0 } } } };
    const { plan } = planOf(spec);
    expect([...plan!.stages.keys()]).toEqual(['t']);
    same(spec, ok);
    same(spec, { ...ok, stage: 't' });
  });
  it('bands on attainment below the first band score their below score', () => {
    const spec: KpiScorecardSpec = {
      ...base,
      kpis: [base.kpis[0]!, { id: 'hours', direction: 'higher', scoring: { type: 'bands', on: 'attainment', below: 0, bands: [{ from: 50, score: 50 }, { from: 100, score: 100 }] } }, base.kpis[2]!],
      gates: [],
    };
    for (const hours of [1, 5, 10, 20]) same(spec, { ...ok, actuals: { ...ok.actuals, hours }, targets: { sales: 90, hours: 10 } });
  });
  it("gates: 'zero', every operator, a cap below and above the score", () => {
    for (const op of ['>=', '>', '<=', '<', '==', '!='] as const) {
      for (const hours of [23, 24, 25]) {
        same({ ...base, gates: [{ kpi: 'hours', op, value: 24, effect: 'zero' }] }, { ...ok, actuals: { ...ok.actuals, hours } });
        same({ ...base, gates: [{ kpi: 'hours', op, value: '24.5', effect: { capScore: '80.25' } }] }, { ...ok, actuals: { ...ok.actuals, hours } });
      }
    }
    same({ ...base, gates: [{ kpi: 'kept', op: '==', value: true, effect: { capScore: 5 } }] }, { ...ok, actuals: { ...ok.actuals, kept: false } });
  });
});

describe('rounding at the points scale in scaled integers matches decimal.js, ties included', () => {
  // a × 100 / t with R = 0: 1 / 8 → 12.5 and −1 / 8 → −12.5 are exact ties; 1 / 3 → 33.33… is not.
  const expected: Record<RoundingMode, [string, string, string, string]> = {
    'half-up': ['13', '-13', '33', '-33'],
    'half-even': ['12', '-12', '33', '-33'],
    'half-down': ['12', '-12', '33', '-33'],
    up: ['13', '-13', '34', '-34'],
    down: ['12', '-12', '33', '-33'],
    ceiling: ['13', '-12', '34', '-33'],
    floor: ['12', '-13', '33', '-34'],
  };
  for (const [mode, values] of Object.entries(expected) as [RoundingMode, string[]][]) {
    it(mode, () => {
      const spec: KpiScorecardSpec = {
        kpis: [{ id: 'x', direction: 'higher', scoring: { type: 'ratio' } }],
        stages: { s: { weights: { x: 1 } } },
        rounding: { scale: 0, mode },
      };
      const inputs = [[1, 8], [-1, 8], [1, 3], [-1, 3]].map(([a, t]) => ({ stage: 's', actuals: { x: a! }, targets: { x: t! } }));
      expect(scoreDealers(defineScorecard(spec), inputs).rows.map((r) => r.result!.score.toString())).toEqual(values);
      inputs.forEach((i) => same(spec, i));
    });
  }
});

describe('scaledOf reads a number exactly or not at all', () => {
  it('examples', () => {
    expect(scaledOf(0.1)).toEqual([1, 1]);
    expect(scaledOf(-12.75)).toEqual([-1275, 2]);
    expect(scaledOf(-0)).toEqual([0, 0]);
    expect(scaledOf(1e-10)).toBeNull();
    expect(scaledOf(2 ** 53)).toBeNull();
    expect(scaledOf(Infinity)).toBeNull();
  });
});
