import { describe, expect, it } from 'vitest';
import { defineScorecard, formatPath, scoreDealer, scoreDealers, type BatchResult, type KpiDealerInput, type KpiRankedScore, type KpiScoreTotals } from 'dealerkit';
import { thrown } from '../helpers.js';
import { lines } from './lines.js';

const card = defineScorecard({
  kpis: [{ id: 'sales', direction: 'higher', scoring: { type: 'ratio' } }],
  stages: { maturity: { weights: { sales: 1 } } },
  grades: [{ min: 80, grade: 'Silver' }, { min: 70, grade: 'Bronze' }],
});
const dealer = (id: string, sales: number | string): KpiDealerInput => ({ id, stage: 'maturity', actuals: { sales }, targets: { sales: 100 } });
const results = (b: BatchResult<KpiRankedScore, KpiScoreTotals>) => b.rows.map((r) => (r.ok ? r.result : null));

describe('scoreDealers: competition ranking and percentile rank', () => {
  it('1, 2, 2, 4 with ties sharing a rank and a percentile rank (hand-ranked)', () => {
    const b = scoreDealers(card, [dealer('A', 70), dealer('B', 90), dealer('C', 80), dealer('D', 90), dealer('E', 60)]);
    // Scores 70, 90, 80, 90, 60: ranks 4, 1, 3, 1, 5; strictly lower others / 4.
    expect(b.rows.map((r) => [r.id, r.ok && r.result.score.toString(), r.ok && r.result.rank, r.ok && r.result.percentileRank.toString()])).toEqual([
      ['A', '70', 4, '0.25'],
      ['B', '90', 1, '0.75'],
      ['C', '80', 3, '0.5'],
      ['D', '90', 1, '0.75'],
      ['E', '60', 5, '0'],
    ]);
    expect(b.failed).toBe(0);
    expect(b.warnings).toEqual([]);
  });
  it('the percentile rank is a Decimal rounded half-up to ratioScale places, never a float like 0.6666666666666666', () => {
    // Four dealers, two tie at the bottom: A has 3 of 3 others below it, B 2 of 3.
    const four = [dealer('A', 90), dealer('B', 80), dealer('C', 70), dealer('D', 70)];
    expect(results(scoreDealers(card, four)).map((r) => r!.percentileRank.toString())).toEqual(['1', '0.6666666667', '0', '0']);
    // 2 / 3 = 0.666… → 0.67 at 2 places; 1 at 0 (half-up).
    expect(results(scoreDealers(card, four, { ratioScale: 2 }))[1]!.percentileRank.toString()).toBe('0.67');
    expect(results(scoreDealers(card, four, { ratioScale: 0 }))[1]!.percentileRank.toString()).toBe('1');
    // 1 / 3 at 30 places: 0.333…3 (thirty 3s), past 2^53 in the numerator (the BigInt path).
    const long = results(scoreDealers(card, [dealer('A', 90), dealer('B', 80), dealer('C', 70), dealer('D', 60)], { ratioScale: 30 }));
    expect(long[2]!.percentileRank.toString()).toBe(`0.${'3'.repeat(30)}`);
    expect(long[1]!.percentileRank.toString()).toBe(`0.${'6'.repeat(29)}7`);
  });
  it('one dealer is rank 1 at percentile rank 1; no dealers give no rows and empty totals', () => {
    expect(results(scoreDealers(card, [dealer('A', 1)])).map((x) => [x!.rank, x!.percentileRank.toString()])).toEqual([[1, '1']]);
    const none = scoreDealers(card, []);
    expect(none.rows).toEqual([]);
    expect(none.totals).toEqual({ dealers: 0, grades: { Silver: 0, Bronze: 0 }, ungraded: 0, highestScore: null, lowestScore: null, meanScore: null });
  });
  it('all equal: everyone rank 1, percentile rank 0', () => {
    expect(results(scoreDealers(card, [dealer('A', 5), dealer('B', 5), dealer('C', 5)])).map((x) => [x!.rank, x!.percentileRank.toString()])).toEqual([
      [1, '0'],
      [1, '0'],
      [1, '0'],
    ]);
  });
  it('each result is what scoreDealer gives, plus rank and percentile rank, with its id on the row and the result', () => {
    const b = scoreDealers(card, [dealer('A', 92)]);
    const row = b.rows[0]!;
    expect(row).toMatchObject({ index: 0, id: 'A', ok: true, error: null });
    const { rank, percentileRank, ...rest } = row.result!;
    expect(JSON.stringify(rest)).toBe(JSON.stringify(scoreDealer(card, dealer('A', 92))));
    expect([rank, percentileRank.toString(), rest.id]).toEqual([1, '1', 'A']);
    // A number id works too, and a row without one is null.
    const mixed = scoreDealers(card, [{ ...dealer('x', 1), id: 117 }, { stage: 'maturity', actuals: { sales: 2 }, targets: { sales: 100 } }]);
    expect(mixed.rows.map((r) => [r.id, r.ok && r.result.id])).toEqual([
      [117, 117],
      [null, null],
    ]);
  });
  it('totals: dealers, grade counts in the scorecard order, highest, lowest and mean score (hand-summed)', () => {
    const b = scoreDealers(card, [dealer('A', 70), dealer('B', 90), dealer('C', 80), dealer('D', 65)]);
    // (70 + 90 + 80 + 65) / 4 = 305 / 4 = 76.25; Silver ≥ 80: B, C; Bronze ≥ 70: A; D none.
    expect(JSON.parse(JSON.stringify(b.totals))).toEqual({
      dealers: 4,
      grades: { Silver: 2, Bronze: 1 },
      ungraded: 1,
      highestScore: '90',
      lowestScore: '65',
      meanScore: '76.25',
    });
    expect(b.steps.map((s) => s.text)).toEqual([
      'Ranked 4 dealers by score, highest first; equal scores share a rank (1, 2, 2, 4); percentile rank = dealers scoring lower ÷ (4 − 1)',
      'Grades: Silver 2, Bronze 1, no grade 1',
    ]);
    // A mean that does not terminate is rounded half-up to ratioScale: (70 + 90 + 80) / 3 = 80.
    // (70 + 90 + 81) / 3 = 80.333… → 80.3333333333.
    expect(scoreDealers(card, [dealer('A', 70), dealer('B', 90), dealer('C', 81)]).totals.meanScore!.toString()).toBe('80.3333333333');
  });
});

describe('scoreDealers: batches that name their rows', () => {
  const batch = [dealer('D-101', 1), dealer('D-117', 'x'), { stage: 'growth', actuals: {} } as KpiDealerInput, dealer('D-120', '1,000')];

  it("'throw' (the default) reports every bad row in one error, each path naming the row by its id or index", () => {
    const e = thrown(() => scoreDealers(card, batch));
    expect(e.issues.map((i) => `${formatPath(i.path)} ${i.code}`)).toEqual([
      'inputs[D-117].actuals.sales not_a_number',
      'inputs[2].stage unknown_label',
      'inputs[2].actuals.sales required',
      'inputs[D-120].actuals.sales not_a_number',
    ]);
    expect(e.message).toContain("inputs[2].stage: is not a stage of this scorecard (stages: 'maturity'), received 'growth'");
    expect(e.issues[3]!.message).toBe('must be a number or a numeric string, received "1,000": write 1000 without thousands separators');
    expect(thrown(() => scoreDealers(card, 'x' as never)).issues[0]).toMatchObject({ path: ['inputs'], code: 'invalid_type' });
  });

  it("'collect' returns every row, each with its result or its error; ranks and totals cover the good rows", () => {
    const b = scoreDealers(card, [...batch, dealer('D-121', 75)], { onError: 'collect' });
    expect(b.failed).toBe(3);
    expect(b.rows.map((r) => [r.id, r.ok, r.ok ? r.result.rank : formatPath(r.error.issues[0]!.path)])).toEqual([
      ['D-101', true, 2],
      ['D-117', false, 'inputs[D-117].actuals.sales'],
      [null, false, 'inputs[2].stage'],
      ['D-120', false, 'inputs[D-120].actuals.sales'],
      ['D-121', true, 1],
    ]);
    // Two dealers scored: 1 and 75; mean 38.
    expect(JSON.parse(JSON.stringify(b.totals))).toMatchObject({ dealers: 2, highestScore: '75', lowestScore: '1', meanScore: '38', ungraded: 1 });
    expect(b.rows[4]!.result!.percentileRank.toString()).toBe('1');
    expect(b.warnings).toEqual([{ code: 'rows-refused', message: '3 of 5 rows were refused; ranks, percentile ranks and totals cover the 2 scored' }]);
  });

  it('a repeated id is a bad row (duplicate)', () => {
    const e = thrown(() => scoreDealers(card, [dealer('A', 1), dealer('A', 2)]));
    expect(e.issues).toEqual([{ path: ['inputs', 'A', 'id'], code: 'duplicate', message: 'repeats the id of row 0', received: '"A"' }]);
  });

  it('onProgress is called at most about 200 times and ends with (n, n)', () => {
    const calls: [number, number][] = [];
    const many = Array.from({ length: 5000 }, (_, i) => dealer(`D${i}`, i % 150));
    scoreDealers(card, many, { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls.length).toBeLessThanOrEqual(201);
    expect(calls.at(-1)).toEqual([5000, 5000]);
  });

  it('refuses bad options, naming the field (with a suggestion for a typo)', () => {
    expect(thrown(() => scoreDealers(card, [], { ratioScale: -1 })).issues[0]).toMatchObject({ path: ['options', 'ratioScale'], code: 'out_of_range' });
    expect(thrown(() => scoreDealers(card, [], { ratioScale: 2.5 })).issues[0]).toMatchObject({
      path: ['options', 'ratioScale'],
      code: 'not_an_integer',
      message: 'must be a whole number of decimal places, received 2.5',
    });
    expect(thrown(() => scoreDealers(card, [], { ratioScael: 2 } as never)).issues[0]).toEqual({
      path: ['options', 'ratioScael'],
      code: 'unknown_field',
      message: 'is not a known field; did you mean `ratioScale`?',
      received: 'ratioScael',
    });
    expect(thrown(() => scoreDealers(card, [], { onError: 'skip' } as never)).issues[0]).toMatchObject({ path: ['options', 'onError'], code: 'invalid_value' });
  });
});

describe('the fast path (line rounding, plain numbers, one stage) gives what scoreDealer gives', () => {
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
    rounding: { scale: 2, mode: 'half-even' },
  });
  const inputs: KpiDealerInput[] = [
    { id: 'a', stage: 'launch', actuals: { sales: 92, complaints: 2, stockDays: 31, hours: 30, share: 5.5, contract: true }, targets: { sales: 90, stockDays: 30, share: 6 } },
    { id: 'b', stage: 'maturity', actuals: { sales: 1e6, complaints: 25, stockDays: 0, hours: 12, share: 6, contract: false }, targets: { sales: 7, stockDays: 30, share: 6 } },
    { id: 'c', stage: 'maturity', actuals: { sales: 0.125, complaints: 0, stockDays: 45.5, hours: 0, share: 7.25, contract: false }, targets: { sales: 0.3, stockDays: 30, share: 6 } },
    { id: 'd', stage: 'launch', actuals: { sales: '92', complaints: 2, stockDays: 31, hours: 3, share: 6, contract: true }, targets: { sales: 90, stockDays: 30, share: 6 } },
  ];
  it('identical JSON, dealer by dealer, texts included', () => {
    const batch = results(scoreDealers(fastCard, inputs));
    batch.forEach((r, i) => {
      const { rank: _r, percentileRank: _p, ...rest } = r!;
      expect(JSON.stringify(rest)).toBe(JSON.stringify(scoreDealer(fastCard, inputs[i]!)));
    });
    // a: sales 102.22 (92/90, half-even), the share band 90 (91.67 %), capped to Silver by the 30-hour gate.
    expect(lines(batch[0]!)[0]!.points!.toString()).toBe('102.22');
    expect(lines(batch[0]!)[0]!.text).toBe('sales: 92 of 90 = 102.22 % → 102.22 points × 0.2 = 20.44');
    expect(batch[0]!.grade).toBe(batch[0]!.gradeByScore === null ? null : 'Silver');
    expect(batch[1]!.score.toString()).toBe('0'); // 25 complaints void the score
    // b: 1e6 of 7 is capped at 150; c: 45.5 stock days of 30 → 100 − 51.67 = 48.33 (deviation).
    expect(lines(batch[1]!)[0]!.text).toBe('sales: 1,000,000 of 7 = 14,285,714.29 % → 150.00 points (capped at 150.00) × 0.45 = 67.50');
    expect(lines(batch[2]!)[2]!.text).toBe('stockDays: 45.5 of 30 = 151.67 % → 48.33 points (100 − |attainment − 100|) × 0.1 = 4.83');
  });
});
