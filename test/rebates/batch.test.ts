import { describe, expect, it } from 'vitest';
import {
  calculateRebates,
  defineRebateProgram,
  settleRebate,
  settleRebates,
  type RebateProgramSpec,
  type RebateSettlementInput,
  type RebateSettlementOptions,
  type RebateSettlementPolicy,
} from 'dealerkit';
import { fastFormOf } from '../../src/rebates/fast.js';
import { sapProgram, strs, thrown } from './helpers.js';

// The batch path of settleRebates takes plain numbers at the money scale in scaled integers and
// falls back to the Decimal path for anything else; either way it must give settleRebate's figures.

const base: RebateProgramSpec = {
  currency: 'CNY',
  rounding: { stage: 'line' },
  basis: 'amount',
  method: 'incremental',
  tiers: [{ from: 0, rate: '0.01' }, { from: 1000, rate: '0.02', fixed: 5 }],
  gates: [{ metric: 'kpi', op: '>=', value: 50, onFail: { factor: '0.5' } }],
  multipliers: [{ metric: 'days', bands: [{ from: 0, factor: '1.1' }, { from: 30, factor: 1 }] }],
  cap: { amount: 100000, rateOfBase: '0.5' },
  minimum: { amount: 1, whenBelow: 'raise' },
};
const policy: RebateSettlementPolicy = { advance: 'cumulative', holdbackRate: '0.2', negativeTrueUp: 'carry' };
const q = (period: string, sales: number | string, extra: Record<string, unknown> = {}) => ({ period, sales, metrics: { kpi: 60, days: 10 }, ...extra });

function same(spec: RebateProgramSpec, inputs: RebateSettlementInput[], pol: RebateSettlementPolicy = policy, options: RebateSettlementOptions = {}): void {
  const p = defineRebateProgram({ ...spec, settlement: pol });
  const batch = settleRebates(p, inputs, options);
  inputs.forEach((input, i) => {
    const one = settleRebate(p, input, options);
    const row = batch.rows[i]!;
    expect(row.id).toBe(input.id ?? null);
    const r = row.result!;
    expect(r.payments.map(String)).toEqual(one.periods.map((x) => x.payment.toString()));
    expect([r.annualRebate, r.totalPaid, r.carriedForward, r.waived].map(String)).toEqual([one.annualRebate, one.totalPaid, one.carriedForward, one.waived].map(String));
    expect(r.warnings).toEqual(one.warnings);
  });
}

describe('settleRebates: the scaled-integer path and its fallbacks', () => {
  it('takes the integer path for an amount program of rates, fixed amounts, gates, multipliers, cap and minimum', () => {
    const p = defineRebateProgram({ ...base, settlement: policy });
    expect(fastFormOf(p)).not.toBeNull();
    // Prepared once and kept per program.
    expect(fastFormOf(p)).toBe(fastFormOf(p));
  });

  it('programs whose constants or inputs the integer path may not take give the same figures', () => {
    const slow: Partial<RebateProgramSpec>[] = [
      { basis: 'attainment' },
      { basis: 'quantity', method: 'retroactive', tiers: [{ from: 0, perUnit: 1 }] },
      { method: 'retroactive', tiers: [{ from: 0, perUnit: 1 }] },
      { rounding: { stage: 'line', scale: 7 } },
      { tiers: [{ from: 0 }, { from: '0.001', rate: '0.01' }] },
      { tiers: [{ from: 0, fixed: '0.001' }] },
      { tiers: [{ from: 0, rate: '0.0000000001' }] },
      { tiers: [{ from: 0, rate: '0.01', fixed: '1e20' }] },
      { gates: [{ metric: 'kpi', op: '>=', value: '0.1000000000000000000001', onFail: 'zero' }] },
      { gates: [{ metric: 'kpi', op: '>=', value: 1, onFail: { factor: '0.0000000001' } }] },
      { multipliers: [{ metric: 'days', bands: [{ from: 0, factor: 1 }, { from: '1e21', factor: 1 }] }] },
      { multipliers: [{ metric: 'days', bands: [{ from: 0, factor: '0.0000000001' }] }] },
      { cap: { rateOfBase: '0.0000000001' } },
      { overAchievement: { above: 1, rate: '0.01' } },
    ];
    // Which fit is derived from the constants: 10^20 as a fixed amount does not.
    expect(fastFormOf(defineRebateProgram({ ...base, tiers: [{ from: 0, rate: '0.01', fixed: '1e20' }] }))).toBeNull();
    for (const over of slow) {
      const spec = { ...base, ...over } as RebateProgramSpec;
      const needsTarget = over.basis === 'attainment' || over.overAchievement !== undefined;
      const needsQuantity = over.basis === 'quantity' || JSON.stringify(over).includes('perUnit');
      same(spec, [
        {
          id: 'D1',
          periods: [q('Q1', 1500, needsQuantity ? { quantity: 10 } : {}), q('Q2', 800, needsQuantity ? { quantity: 5 } : {})],
          ...(needsTarget ? { target: 2000 } : {}),
        },
      ]);
    }
  });

  it('inputs that fall back to the Decimal path give the same figures', () => {
    same(base, [
      { id: 'numbers', periods: [q('Q1', 1500), q('Q2', 800, { returns: 100 })] },
      { id: 'strings', periods: [q('Q1', '1500'), q('Q2', 800)] },
      { id: 'sub-cent', periods: [q('Q1', 1500.001), q('Q2', 800)] },
      { id: 'float noise', periods: [q('Q1', 0.1 + 0.2), q('Q2', 800)] },
      { id: 'quantity given', periods: [q('Q1', 1500, { quantity: 3 }), q('Q2', 800)] },
      { id: 'string metric', periods: [{ period: 'Q1', sales: 1500, metrics: { kpi: '60', days: 10 } }] },
      { id: 'settlement metrics', periods: [{ period: 'Q1', sales: 1500, metrics: { days: 40 } }, { period: 'Q2', sales: 1, metrics: { days: 10 } }], metrics: { kpi: 40 } },
      { id: 'settlement target', periods: [q('Q1', 1500)], target: 5 },
      { id: 'recorded', periods: [q('Q1', 1500), q('Q2', 800)], paid: { Q1: 3 } },
      { id: 'huge', periods: [q('Q1', 9e13), q('Q2', 1)] },
      { id: 42, periods: [q('Q1', 1500), q('Q2', 800)] },
      { periods: [q('Q1', 2500), q('Q2', 0, { returns: 2400 })] },
      { id: 'negative net', periods: [q('Q1', 100), q('Q2', 0, { returns: 2400 })] },
      { id: 'ratio as a percentage', periods: [q('Q1', 1500)] },
    ] as RebateSettlementInput[]);
    same({ ...base, gates: [{ metric: 'onTimeRatio', op: '>=', value: '0.9', onFail: { factor: '0.5' } }] }, [
      { id: 'ratio ok', periods: [{ period: 'Q1', sales: 1500, metrics: { onTimeRatio: 0.95, days: 10 } }] },
      { id: 'ratio 95', periods: [{ period: 'Q1', sales: 1500, metrics: { onTimeRatio: 95, days: 10 } }] },
    ]);
    same(base, [{ id: 'period', periods: [q('Q1', 1500), q('Q2', 800)] }], { advance: 'period', negativeTrueUp: 'waive' });
    same(base, [{ id: 'fine holdback', periods: [q('Q1', 1500), q('Q2', 800)] }], { ...policy, holdbackRate: '0.0000000001' });
    same({ ...base, rounding: { stage: 'total' } }, [{ id: 'overflow', periods: [q('Q1', 5e12), q('Q2', 1)] }]);
    same({ ...base, method: 'retroactive', rounding: { stage: 'total' } }, [{ id: 'overflow', periods: [q('Q1', 5e13)] }]);
    same({ ...base, gates: [{ metric: 'kpi', op: '<', value: 50, onFail: { factor: '0.33' } }] }, [{ id: 'gate', periods: [q('Q1', 9e12)] }]);
    same({ ...base, tiers: [{ upTo: 1000, rate: '0.01' }, { upTo: null, rate: '0.02' }] }, [{ id: 'upTo', periods: [q('Q1', 1000), q('Q2', 1)] }]);
  });

  it('bad inputs in a batch are reported by the Decimal path with their paths', () => {
    const p = defineRebateProgram({ ...base, settlement: policy });
    const cases: [unknown, string][] = [
      [null, '[dealerkit] inputs[0]: must be an object, received null'],
      [{ periods: [], id: 'D-1' }, '[dealerkit] inputs[D-1].periods: must hold at least 1 item'],
      [{ periods: [q('Q1', 1)], extra: 1 }, '[dealerkit] inputs[0].extra: is not a known field'],
      [{ periods: [q('Q1', 1), q('Q1', 2)] }, '[dealerkit] inputs[0].periods[1].period: "Q1" is listed twice (first at periods[0])'],
      [{ periods: [{ ...q('Q1', 1), note: 'x' }] }, '[dealerkit] inputs[0].periods[0].note: is not a known field'],
      [{ periods: [{ period: '', sales: 1, metrics: { kpi: 60, days: 10 } }] }, '[dealerkit] inputs[0].periods[0].period: must not be empty'],
      [{ periods: [null] }, '[dealerkit] inputs[0].periods[0]: must be an object, received null'],
      [{ periods: [q('Q1', 1)], metrics: [] }, '[dealerkit] inputs[0].metrics: must be a record, received an array'],
      [{ periods: [{ period: 'Q1', sales: 1, metrics: { kpi: Number.POSITIVE_INFINITY, days: 1 } }] }, '[dealerkit] inputs[0].periods[0].metrics.kpi: must be a number or a numeric string, received Infinity'],
      [{ periods: [{ period: 'Q1', sales: 1, metrics: { days: 1 } }] }, '[dealerkit] inputs[0].periods[0].metrics.kpi: is required by gates[0] (kpi >= 50)'],
      [{ periods: [{ period: 'Q1', sales: 1, metrics: { kpi: 1, days: -1 } }] }, '[dealerkit] inputs[0].periods[0].metrics.days: is below the first band of multipliers[0] (from 0), received -1'],
      [{ periods: [{ period: 'Q1', sales: 1, metrics: null }] }, '[dealerkit] inputs[0].periods[0].metrics: must be a record, received null'],
      [{ periods: 'Q1' }, '[dealerkit] inputs[0].periods: must be an array, received "Q1"'],
      [{ id: true, periods: [q('Q1', 1)] }, '[dealerkit] inputs[0].id: must be a string or a number, received boolean'],
    ];
    for (const [input, message] of cases) expect(thrown(() => settleRebates(p, [input as never])).message).toBe(message);
  });

  it('a batch of many periods and a mid-year run', () => {
    const periods = Array.from({ length: 20 }, (_, i) => q(`M${i + 1}`, 100 * (i + 1)));
    same(base, [{ id: 'long', periods }]);
    same(base, [{ id: 'mid', periods: periods.slice(0, 3) }], policy, { final: false });
    const run = settleRebates(defineRebateProgram({ ...base, settlement: policy }), [{ periods: periods.slice(0, 3) }], { final: false });
    expect([run.rows[0]!.result!.annualRebate, run.totals.annualRebate.toString()]).toEqual([null, '0']);
  });
});

// SAP's scale (test/rebates/helpers.ts): 3,000 + 4,000 + 20,000 → payments 0, 140, 940 (annual 1,080);
// 25,000 then returns 10,000 → 1,000 paid, annual 300, −700 clawed back.
const sapYear = [
  { period: 'P1', sales: 3000 },
  { period: 'P2', sales: 4000 },
  { period: 'P3', sales: 20000 },
];
const sapDip = [
  { period: 'P1', sales: 25000 },
  { period: 'P2', sales: 0, returns: 10000 },
];

describe('settleRebates: rows named by their ids', () => {
  it('every row carries its id and summary; the totals sum the rows', () => {
    const run = settleRebates(sapProgram(), [
      { id: 'D-101', periods: sapYear },
      { id: 7, periods: sapDip },
      { periods: sapYear },
    ]);
    expect(run.rows.map((r) => [r.index, r.id, r.ok])).toEqual([
      [0, 'D-101', true],
      [1, 7, true],
      [2, null, true],
    ]);
    expect(strs(run.rows[0]!.result!.payments)).toEqual(['0', '140', '940']);
    expect(strs(run.rows[1]!.result!.payments)).toEqual(['1000', '-700']);
    expect(run.rows[0]!.result!.tier).toEqual({ index: 2, name: null });
    // Annual: 1,080 + 300 + 1,080 = 2,460; paid the same (clawback).
    expect([run.totals.count, run.failed, run.totals.annualRebate.toString(), run.totals.totalPaid.toString()]).toEqual([3, 0, '2460', '2460']);
    expect(run.warnings).toEqual([]);
    expect(run.steps).toEqual([{ code: 'total', text: '3 rows computed: Σ 2,460.00' }]);
  });

  it("'throw' reports every bad row in one error, each path naming the row by its id", () => {
    const e = thrown(() =>
      settleRebates(sapProgram(), [
        { id: 'D-101', periods: sapYear },
        { id: 'D-117', periods: [{ period: 'P1', sales: -5 }] },
        { periods: [{ period: 'P1', sales: 'lots' as never }] },
        { id: 'D-117', periods: sapYear },
      ]),
    );
    expect(e.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['inputs.D-117.periods.0.sales', 'out_of_range'],
      ['inputs.2.periods.0.sales', 'not_a_number'],
      ['inputs.D-117.id', 'duplicate'],
    ]);
    expect(e.message.startsWith('[dealerkit] inputs[D-117].periods[0].sales: must not be negative, received -5; inputs[2].periods[0].sales:')).toBe(true);
  });

  it("'collect' returns every row with its result or error, and the totals over the good rows", () => {
    const run = settleRebates(
      sapProgram(),
      [
        { id: 'D-101', periods: sapYear },
        { id: 'D-117', periods: [{ period: 'P1', sales: -5 }] },
        { id: 'D-120', periods: sapDip },
      ],
      { onError: 'collect' },
    );
    expect(run.rows.map((r) => [r.id, r.ok])).toEqual([
      ['D-101', true],
      ['D-117', false],
      ['D-120', true],
    ]);
    expect(run.rows[1]!.error!.message).toBe('[dealerkit] inputs[D-117].periods[0].sales: must not be negative, received -5');
    // Good rows: 1,080 + 300 annual.
    expect([run.failed, run.totals.count, run.totals.annualRebate.toString(), run.totals.totalPaid.toString()]).toEqual([1, 2, '1380', '1380']);
    expect(run.warnings).toEqual([{ code: 'rows-refused', message: '1 of 3 rows was refused; the totals are over the 2 rows computed', path: ['inputs'] }]);
  });

  it('onProgress is called at most about 200 times and ends with (n, n)', () => {
    const n = 1000;
    const inputs = Array.from({ length: n }, (_, i) => ({ id: `D${i}`, periods: sapYear }));
    const calls: [number, number][] = [];
    const run = settleRebates(sapProgram(), inputs, { onProgress: (done, total) => calls.push([done, total]) });
    expect(run.totals.count).toBe(n);
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.length).toBeLessThanOrEqual(200);
    expect(calls.at(-1)).toEqual([n, n]);
    expect(calls.every(([d, t], i) => t === n && (i === 0 || d > calls[i - 1]![0]))).toBe(true);
  });

  it('bad options', () => {
    expect(thrown(() => settleRebates(sapProgram(), [], { onError: 'skip' } as never)).message).toBe(
      "[dealerkit] options.onError: must be one of 'throw', 'collect', received \"skip\"",
    );
    expect(thrown(() => settleRebates(sapProgram(), [], { onProgres: () => 0 } as never)).message).toBe(
      '[dealerkit] options.onProgres: is not a known field; did you mean `onProgress`?',
    );
    // @ts-expect-error: inputs must be an array
    expect(thrown(() => settleRebates(sapProgram(), {})).message).toBe('[dealerkit] inputs: must be an array of rows');
  });
});

describe('calculateRebates', () => {
  const program = () =>
    defineRebateProgram({
      currency: 'CNY',
      rounding: { stage: 'line' },
      basis: 'amount',
      method: 'retroactive',
      tiers: [{ from: 0, rate: '0.01' }, { from: 1000, rate: '0.02', benefits: { fund: 10 } }],
    });

  it('validates the program once, keeps the order and ids, totals rebates and benefits', () => {
    const p = program();
    // 500 × 1 % = 5; 1,500 × 2 % = 30; 2,000 × 2 % = 40; two reach the fund.
    const run = calculateRebates(p, [{ id: 'D1', sales: 500 }, { id: 'D2', sales: 1500 }, { sales: 2000 }]);
    expect(run.rows.map((r) => [r.id, r.result!.rebate.toString()])).toEqual([
      ['D1', '5'],
      ['D2', '30'],
      [null, '40'],
    ]);
    expect([run.totals.count, run.totals.rebate.toString(), run.totals.unrounded.toString()]).toEqual([3, '75', '75']);
    expect(run.totals.benefits.map((b) => [b.name, b.amount.toString()])).toEqual([['fund', '20']]);
    expect(run.steps).toEqual([{ code: 'total', text: '3 rows computed: Σ 75.00' }]);
    // Each row's result explains itself.
    expect(run.rows[1]!.result!.steps.map((s) => s.text)).toEqual(['net sales 1,500.00', 'Tier 2: 2 % × 1,500.00 = 30.00', 'every line rounded to 2 places, half-up: rebate 30.00']);
  });

  it("'throw' names every bad row; 'collect' totals the good ones", () => {
    const p = program();
    const inputs = [{ id: 'D1', sales: 500 }, { id: 'D-117', sales: 'x' }, {}, { id: 'D4', sales: 2000 }];
    const e = thrown(() => calculateRebates(p, inputs as never));
    expect(e.message).toBe(
      "[dealerkit] inputs[D-117].sales: must be a number or a numeric string, received \"x\"; inputs[2].sales: is required (the program's basis 'amount' or its rates, over-achievement or cap need the sales amount)",
    );
    expect(e.issues.map((i) => i.code)).toEqual(['not_a_number', 'required']);
    const run = calculateRebates(p, inputs as never, { onError: 'collect' });
    expect([run.failed, run.totals.count, run.totals.rebate.toString()]).toEqual([2, 2, '45']);
    expect(run.rows.map((r) => r.ok)).toEqual([true, false, false, true]);
    expect(run.steps[0]!.text).toBe('2 rows computed (2 refused): Σ 45.00');
    // @ts-expect-error: inputs must be an array
    expect(thrown(() => calculateRebates(p, { sales: 1 })).message).toBe('[dealerkit] inputs: must be an array of rows');
  });

  it('onProgress and ratioScale', () => {
    const p = program();
    const calls: number[] = [];
    calculateRebates(p, [{ sales: 1 }, { sales: 2 }], { onProgress: (done) => calls.push(done) });
    expect(calls).toEqual([1, 2]);
    const att = defineRebateProgram({ currency: 'CNY', rounding: { stage: 'line' }, basis: 'attainment', method: 'retroactive', tiers: [{ from: 0, rate: '0.01' }] });
    const run = calculateRebates(att, [{ sales: 2, target: 3 }], { ratioScale: 3 });
    expect(run.rows[0]!.result!.basisValue!.toString()).toBe('0.667');
    expect(thrown(() => calculateRebates(att, [], { ratioScale: 2.5 })).issues[0]).toMatchObject({ path: ['options', 'ratioScale'], code: 'not_an_integer' });
  });
});
