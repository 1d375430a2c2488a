// calculateRebates (src/rebates/calculate.ts): the quick rows' every field under gates, multipliers,
// benefits, a quantity basis and `upTo` bounds; which rows are quick (their steps and warnings are
// getters until read); the rows the quick path must leave to the Decimal path's refusals; the batch's
// totals, its total sentence and its refused-rows warning; the refusals of the options. Every figure
// is derived by hand in the test.
import { describe, expect, it } from 'vitest';
import { calculateRebate, calculateRebates, defineRebateProgram, type RebateInput, type RebateResult } from 'dealerkit';
import { calculateFigures } from '../../src/rebates/calculate.js';
import { thrown } from './helpers.js';

/** A quick row: its steps are still a getter (the Decimal path makes plain data properties). */
const isQuick = (r: object): boolean => Object.getOwnPropertyDescriptor(r, 'steps')?.get !== undefined;
const lazyWarnings = (r: object): boolean => Object.getOwnPropertyDescriptor(r, 'warnings')?.get !== undefined;
const one = (p: Parameters<typeof calculateRebates>[0], row: RebateInput): RebateResult => calculateRebates(p, [row]).rows[0]!.result!;
const str = (d: { toString(): string } | null | undefined): string | null => (d === null || d === undefined ? null : d.toString());

/** Retroactive, 2 % from 5,000, 4 % from 20,000 with a 500 brand fund; a kpi gate (half when failed); a days multiplier from 10. */
const gatedProgram = () => defineRebateProgram({
  currency: 'USD',
  rounding: { stage: 'line' },
  basis: 'amount',
  method: 'retroactive',
  tiers: [{ from: 0 }, { from: 5000, rate: '0.02' }, { from: 20000, rate: '0.04', benefits: { brandFund: 500 } }],
  gates: [{ metric: 'kpi', op: '>=', value: 50, onFail: { factor: '0.5' } }],
  multipliers: [{ metric: 'days', bands: [{ from: 10, factor: '1.1' }, { from: 30, factor: 1 }] }],
});

describe('calculateRebates: quick rows, every field', () => {
  it('top tier, failed gate, the first band exactly: 4 % × 25,000 = 1,000 × 0.5 × 1.1 = 550, the fund paid', () => {
    const gated = gatedProgram();
    const r = one(gated, { sales: 25000, metrics: { kpi: 40, days: 10 } });
    expect(isQuick(r)).toBe(true);
    expect([str(r.rebate), str(r.unrounded), r.basis, str(r.basisValue), str(r.netAmount), str(r.netQuantity)]).toEqual(['550', '550', 'amount', '25000', '25000', null]);
    expect(r.tier).toEqual({ index: 2, name: null });
    expect(r.gates.map((g) => [g.metric, g.op, str(g.required), str(g.value), g.passed, str(g.factor)])).toEqual([['kpi', '>=', '50', '40', false, '0.5']]);
    expect([r.eligible, str(r.multiplier), r.capApplied, r.minimumApplied]).toEqual([true, '1.1', false, false]);
    expect(r.multipliers.map((m) => [m.metric, str(m.value), m.band, str(m.factor)])).toEqual([['days', '10', 0, '1.1']]);
    expect(r.benefits.map((b) => [b.name, str(b.amount)])).toEqual([['brandFund', '500']]);
    expect(r.nextTier).toBeNull();
    // No next tier, no retroactive jump to warn of: the warnings are plain data.
    expect(lazyWarnings(r)).toBe(false);
    expect(r.warnings).toEqual([]);
  });

  it('middle tier, gate passed at its value, second band: 2 % × 7,000 = 140; the next tier pays 4 % × 20,000 = 800', () => {
    const gated = gatedProgram();
    const r = one(gated, { sales: 7000, metrics: { kpi: 50, days: 30 } });
    expect(isQuick(r)).toBe(true);
    expect([str(r.rebate), str(r.multiplier), r.tier.index]).toEqual(['140', '1', 1]);
    expect(r.gates.map((g) => [g.passed, str(g.factor)])).toEqual([[true, '1']]);
    expect(r.multipliers.map((m) => [m.band, str(m.factor)])).toEqual([[1, '1']]);
    expect(r.benefits).toEqual([]);
    const n = r.nextTier!;
    // Gap 20,000 − 7,000 = 13,000; gain 800 − 140 = 660.
    expect([n.index, n.name, str(n.threshold), n.mustExceed, str(n.gap), str(n.salesGap), str(n.rebateAtThreshold), str(n.gain)]).toEqual([2, null, '20000', false, '13000', '13000', '800', '660']);
    // A retroactive program below its top tier warns of the jump, built when first read.
    expect(lazyWarnings(r)).toBe(true);
    expect(r.warnings.map((w) => w.code)).toEqual(['retroactive-jump']);
  });

  it("a 'zero' gate failed: not eligible, nothing paid, no benefits; passed: 1 % × 1,000 = 10 and the fund", () => {
    const zero = defineRebateProgram({
      currency: 'USD',
      rounding: { stage: 'line' },
      basis: 'amount',
      method: 'incremental',
      tiers: [{ from: 0, rate: '0.01', benefits: { brandFund: 100 } }],
      gates: [{ metric: 'kpi', op: '>=', value: 50, onFail: 'zero' }],
    });
    const failed = one(zero, { sales: 1000, metrics: { kpi: 10 } });
    expect(isQuick(failed)).toBe(true);
    expect([str(failed.rebate), failed.eligible, failed.benefits, failed.gates.map((g) => str(g.factor))]).toEqual(['0', false, [], ['0']]);
    expect(failed.nextTier).toBeNull();
    const passed = one(zero, { sales: 1000, metrics: { kpi: 60 } });
    expect([str(passed.rebate), passed.eligible, passed.benefits.map((b) => [b.name, str(b.amount)])]).toEqual(['10', true, [['brandFund', '100']]]);
  });

  it('on units: (40 − 10) units at 1 = 30; the next tier from 100 units pays 2 × 100 = 200; no sales gap', () => {
    const q = defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'quantity', method: 'retroactive', tiers: [{ from: 0, perUnit: 1 }, { from: 100, perUnit: 2 }] });
    const r = one(q, { sales: 500, returns: 50, quantity: 40, returnedQuantity: 10 });
    expect(isQuick(r)).toBe(true);
    expect([str(r.rebate), r.basis, str(r.basisValue), str(r.netQuantity), str(r.netAmount)]).toEqual(['30', 'quantity', '30', '30', '450']);
    const n = r.nextTier!;
    // Gap 100 − 30 = 70 units; gain 200 − 30 = 170.
    expect([n.index, str(n.threshold), str(n.gap), n.salesGap, str(n.rebateAtThreshold), str(n.gain)]).toEqual([1, '100', '70', null, '200', '170']);
  });

  it('upTo bounds: the next tier must be exceeded; the gap counts from the bound', () => {
    const up = defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'amount', method: 'incremental', tiers: [{ upTo: 1000, rate: '0.01', name: 'Base' }, { upTo: null, rate: '0.02', name: 'Plus' }] });
    const r = one(up, { sales: 600 });
    expect(isQuick(r)).toBe(true);
    // 1 % × 600 = 6; 1,000 − 600 = 400 to the bound. Incremental: no jump to warn of, warnings are plain data.
    expect([str(r.rebate), r.tier.name]).toEqual(['6', 'Base']);
    expect([r.nextTier!.index, r.nextTier!.name, str(r.nextTier!.threshold), r.nextTier!.mustExceed, str(r.nextTier!.gap)]).toEqual([1, 'Plus', '1000', true, '400']);
    expect(lazyWarnings(r)).toBe(false);
    expect(r.warnings).toEqual([]);
  });

  it("'total' stage: 1.5 % × 333.33 = 4.99995 unrounded, 5.00 paid", () => {
    const t = defineRebateProgram({ currency: 'USD', rounding: { stage: 'total' }, basis: 'amount', method: 'incremental', tiers: [{ from: 0, rate: '0.015' }] });
    const r = one(t, { sales: 333.33 });
    expect(isQuick(r)).toBe(true);
    expect([str(r.rebate), str(r.unrounded)]).toEqual(['5', '4.99995']);
    const run = calculateRebates(t, [{ sales: 333.33 }, { sales: 333.33 }]);
    // Σ 5 + 5 = 10; Σ unrounded 4.99995 × 2 = 9.9999.
    expect([run.totals.count, str(run.totals.rebate), str(run.totals.unrounded)]).toEqual([2, '10', '9.9999']);
  });

  it('builds the steps of a quick row once', () => {
    const gated = gatedProgram();
    const r = one(gated, { sales: 7000, metrics: { kpi: 50, days: 30 } });
    const first = r.steps;
    expect(r.steps).toBe(first);
    expect(first[1]!.text).toBe('Tier 2: 2 % × 7,000.00 = 140.00');
  });
});

describe('calculateRebates: which rows are quick', () => {
  const plainProgram = () => defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'amount', method: 'incremental', tiers: [{ from: 0, rate: '0.01' }] });

  it('ids (a string or a number, even negative), a negative target the program does not read, metrics: quick; 1 % × 1,000 = 10 each', () => {
    const plain = plainProgram();
    const rows: RebateInput[] = [{ id: 'D1', sales: 1000 }, { id: 7, sales: 1000 }, { id: -3, sales: 1000 }, { sales: 1000, target: -5 }, { sales: 1000, baseline: 2, metrics: { kpi: 1 } }, { sales: 1000, returns: 0, quantity: 2, returnedQuantity: 1 }];
    const run = calculateRebates(plain, rows);
    expect(run.rows.map((row) => [row.id, isQuick(row.result!), str(row.result!.rebate)])).toEqual([
      ['D1', true, '10'],
      [7, true, '10'],
      [-3, true, '10'],
      [null, true, '10'],
      [null, true, '10'],
      [null, true, '10'],
    ]);
    // The quantity given is reported though the program does not read it: 2 − 1 = 1.
    expect(str(run.rows[5]!.result!.netQuantity)).toBe('1');
  });

  it('an undefined field is left out; other bases, non-plain objects and odd metrics take the Decimal path', () => {
    const plain = plainProgram();
    expect(isQuick(one(plain, { sales: 1000, returns: undefined } as unknown as RebateInput))).toBe(true);
    const att = defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'attainment', method: 'incremental', tiers: [{ from: 0, rate: '0.01' }] });
    expect(isQuick(one(att, { sales: 1000, target: 2000 }))).toBe(false);
    const proto = Object.assign(Object.create({}) as object, { sales: 1000 }) as RebateInput;
    const bare = Object.assign(Object.create(null) as object, { sales: 1000 }) as RebateInput;
    const bareMetrics = { sales: 1000, metrics: Object.assign(Object.create(null) as object, { kpi: 1 }) } as RebateInput;
    const symbolMetrics = { sales: 1000, metrics: { kpi: 1, [Symbol('s')]: 2 } } as unknown as RebateInput;
    const emptyId = { sales: 1000, id: '' } as RebateInput;
    expect([proto, bare, bareMetrics].map((row) => isQuick(one(plain, row)))).toEqual([false, true, true]);
    // Each is still priced: 1 % × 1,000 = 10.
    expect([proto, bare, bareMetrics].map((row) => str(one(plain, row).rebate))).toEqual(['10', '10', '10']);
    // A symbol among the metrics is the Decimal path's refusal.
    expect(thrown(() => calculateRebates(plain, [symbolMetrics])).message).toBe('[dealerkit] inputs[0].metrics.s: is not valid, received symbol');
    expect(thrown(() => calculateRebates(plain, [emptyId])).issues[0]!.path).toEqual(['inputs', 0, 'id']);
  });

  it('a target of 0 or below is refused where the over-achievement reads it; above 0 the row is quick (1 % × 25,000 + 2 % × 5,000 = 350)', () => {
    const award = defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'amount', method: 'incremental', tiers: [{ from: 0, rate: '0.01' }], overAchievement: { above: 1, rate: '0.02' } });
    const r = one(award, { sales: 25000, target: 20000 });
    expect([isQuick(r), str(r.rebate)]).toEqual([true, '350']);
    for (const target of [0, -5]) {
      const e = thrown(() => calculateRebates(award, [{ sales: 25000, target }]));
      expect([e.code, e.issues[0]!.path, e.issues[0]!.code]).toEqual(['out_of_range', ['inputs', 0, 'target'], 'out_of_range']);
    }
    const missing = thrown(() => calculateRebates(award, [{ sales: 25000 }]));
    expect([missing.issues[0]!.path, missing.issues[0]!.code]).toEqual([['inputs', 0, 'target'], 'required']);
  });

  it('refuses a row without the figure the basis reads, and a metric below the first band (at the band it is quick)', () => {
    const gated = gatedProgram();
    const amount = thrown(() => calculateRebates(gated, [{ quantity: 5, metrics: { kpi: 50, days: 30 } }]));
    expect(amount.message).toBe("[dealerkit] inputs[0].sales: is required (the program's basis 'amount' or its rates, over-achievement or cap need the sales amount)");
    const q = defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'quantity', method: 'incremental', tiers: [{ from: 0, perUnit: 1 }] });
    const units = thrown(() => calculateRebates(q, [{ sales: 5 }]));
    expect(units.message).toBe("[dealerkit] inputs[0].quantity: is required (the program's basis 'quantity' or its perUnit amounts need units)");
    const below = thrown(() => calculateRebates(gated, [{ sales: 7000, metrics: { kpi: 50, days: 9.99 } }]));
    expect([below.issues[0]!.path, below.code]).toEqual([['inputs', 0, 'metrics', 'days'], 'out_of_range']);
    const nan = thrown(() => calculateRebates(gated, [{ sales: 7000, metrics: { kpi: Number.NaN, days: 30 } }]));
    expect(nan.issues[0]!.path).toEqual(['inputs', 0, 'metrics', 'kpi']);
  });
});

describe('calculateRebates: totals, sentence and warning', () => {
  const fundProgram = () => defineRebateProgram({
    currency: 'USD',
    rounding: { stage: 'line', scale: 0 },
    basis: 'amount',
    method: 'incremental',
    tiers: [{ from: 0, rate: '0.01', benefits: { brandFund: 100, coop: 5 } }],
    gates: [{ metric: 'kpi', op: '>=', value: 50, onFail: 'zero' }],
  });

  it("one row: '1 row computed', money at the program's scale (0 places)", () => {
    const fund = fundProgram();
    const run = calculateRebates(fund, [{ sales: 123456, metrics: { kpi: 60 } }]);
    // 1 % × 123,456 = 1,234.56 → 1,235 at 0 places.
    expect(run.steps).toEqual([{ code: 'total', text: '1 row computed: Σ 1,235' }]);
    expect([run.failed, run.warnings]).toEqual([0, []]);
  });

  it('collect: the refused row is left out of the totals and warned of; benefits summed by name over the eligible rows', () => {
    const fund = fundProgram();
    const run = calculateRebates(
      fund,
      [
        { id: 'D1', sales: 1000, metrics: { kpi: 60 } },
        { id: 'D2', sales: -1, metrics: { kpi: 60 } },
        { id: 'D3', sales: 2000, metrics: { kpi: 60 } },
        { id: 'D4', sales: 9000, metrics: { kpi: 10 } },
      ],
      { onError: 'collect' },
    );
    // 10 + 20 + 0 (gate failed) = 30; the fund 100 + 100 and coop 5 + 5 from D1 and D3; D4 is not eligible.
    expect([run.failed, run.totals.count, str(run.totals.rebate), str(run.totals.unrounded)]).toEqual([1, 3, '30', '30']);
    expect(run.totals.benefits.map((b) => [b.name, str(b.amount)])).toEqual([
      ['brandFund', '200'],
      ['coop', '10'],
    ]);
    expect(run.steps).toEqual([{ code: 'total', text: '3 rows computed (1 refused): Σ 30' }]);
    expect(run.warnings).toEqual([{ code: 'rows-refused', message: '1 of 4 rows was refused; the totals are over the 3 rows computed', path: ['inputs'] }]);
    expect(run.rows.map((r) => r.ok)).toEqual([true, false, true, true]);
  });

  it('no rows: 0 computed, Σ 0', () => {
    const fund = fundProgram();
    const run = calculateRebates(fund, []);
    expect([run.totals.count, str(run.totals.rebate), run.totals.benefits, run.steps[0]!.text]).toEqual([0, '0', [], '0 rows computed: Σ 0']);
  });
});

describe('calculateRebate and calculateRebates: the options', () => {
  const plainProgram = () => defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'amount', method: 'incremental', tiers: [{ from: 0, rate: '0.01' }] });

  it('refuses an onProgress that is not a function, and batch options on a single calculation', () => {
    const plain = plainProgram();
    const e = thrown(() => calculateRebates(plain, [{ sales: 1 }], { onProgress: 3 } as never));
    expect([e.code, e.issues[0]!.path, e.issues[0]!.code, e.issues[0]!.message]).toEqual(['invalid_input', ['options', 'onProgress'], 'invalid_value', 'must be a function (done, total) => void']);
    const single = thrown(() => calculateRebate(plain, { sales: 1 }, { onError: 'collect' } as never));
    expect([single.issues[0]!.path, single.issues[0]!.code]).toEqual([['options', 'onError'], 'unknown_field']);
    const bad = thrown(() => calculateRebates(plain, [{ sales: 1 }], { onError: 'skip' } as never));
    expect(bad.issues[0]!.path).toEqual(['options', 'onError']);
  });

  it('takes the options of a single calculation in a batch (ratioScale, onError, onProgress)', () => {
    const att = defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'attainment', method: 'incremental', tiers: [{ from: 0, rate: '0.01' }] });
    const calls: number[] = [];
    const run = calculateRebates(att, [{ sales: 1234, target: 3000 }], { ratioScale: 4, onError: 'throw', onProgress: (done) => calls.push(done) });
    // 1,234 / 3,000 = 0.411333… → 0.4113 at 4 places.
    expect([str(run.rows[0]!.result!.basisValue), calls]).toEqual(['0.4113', [1]]);
    expect(str(calculateRebate(att, { sales: 1234, target: 3000 }, { ratioScale: 2 }).basisValue)).toBe('0.41');
  });
});

describe('calculateFigures (the spreadsheet functions’ calculation)', () => {
  const sapProgram = () => defineRebateProgram({ currency: 'EUR', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive', tiers: [{ from: 0 }, { from: 5000, rate: '0.02' }, { from: 20000, rate: '0.04' }] });

  it('gives the figures without steps or warnings: 2 % × 7,000 = 140, 13,000 short of 4 % × 20,000 = 800', () => {
    const sap = sapProgram();
    const r = calculateFigures(sap, { sales: 7000 });
    expect([str(r.rebate), r.tier.index, str(r.nextTier!.salesGap), str(r.nextTier!.rebateAtThreshold)]).toEqual(['140', 1, '13000', '800']);
    // The retroactive jump is not worded: no warnings, no steps.
    expect([r.steps, r.warnings]).toEqual([[], []]);
  });

  it('refuses a missing figure under the input’s own path, and a program that is not one', () => {
    const att = defineRebateProgram({ currency: 'EUR', rounding: { stage: 'line' }, basis: 'attainment', method: 'retroactive', tiers: [{ from: 0, rate: '0.01' }] });
    const e = thrown(() => calculateFigures(att, { sales: 100 }));
    expect([e.issues[0]!.path, e.issues[0]!.code]).toEqual([['target'], 'required']);
    expect(thrown(() => calculateFigures({} as never, { sales: 100 })).issues[0]!.path[0]).toBe('program');
  });
});

describe('calculateRebates and calculateFigures: paths and a row without sales', () => {
  const sapProgram = () => defineRebateProgram({ currency: 'EUR', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive', tiers: [{ from: 0 }, { from: 5000, rate: '0.02' }] });

  it('names the program and the input’s own fields', () => {
    const sap = sapProgram();
    expect(thrown(() => calculateRebates({} as never, [])).issues[0]!.path[0]).toBe('program');
    expect(thrown(() => calculateFigures(sap, { sales: 'x' } as never)).issues[0]!.path).toEqual(['sales']);
  });

  it('a quantity row without sales is quick and has no net amount: 12 units × 1 = 12', () => {
    const q = defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'quantity', method: 'incremental', tiers: [{ from: 0, perUnit: 1 }] });
    const r = one(q, { quantity: 12 });
    expect([isQuick(r), str(r.rebate), r.netAmount, str(r.netQuantity)]).toEqual([true, '12', null, '12']);
  });
});
