import { describe, expect, it } from 'vitest';
import { DealerkitError, calculateRebate, defineRebateProgram, type RebateProgramSpec } from 'dealerkit';
import { thrown } from './helpers.js';

const base: RebateProgramSpec = {
  currency: 'CNY',
  rounding: { stage: 'line' },
  basis: 'amount',
  method: 'retroactive',
  tiers: [{ from: 0, rate: '0.01' }, { from: 100, rate: '0.02' }],
};
const define = (over: Record<string, unknown>) => () => defineRebateProgram({ ...base, ...over } as RebateProgramSpec);
const message = (fn: () => unknown) => thrown(fn).message;

describe('defineRebateProgram refuses bad programs, naming the path', () => {
  it('empty tiers', () => {
    const e = thrown(define({ tiers: [] }));
    expect(e).toBeInstanceOf(DealerkitError);
    expect(e.code).toBe('out_of_range');
    expect(e.message).toBe('[dealerkit] tiers: must hold at least 1 item');
  });
  it('unsorted tiers', () => {
    expect(message(define({ tiers: [{ from: 0 }, { from: 200 }, { from: 100 }] }))).toBe(
      '[dealerkit] tiers[2].from: must be greater than tiers[1].from (200); list tiers in ascending order',
    );
    expect(message(define({ tiers: [{ upTo: 200 }, { upTo: 100 }, { upTo: null }] }))).toBe(
      '[dealerkit] tiers[1].upTo: must be greater than tiers[0].upTo (200); list tiers in ascending order',
    );
  });
  it('overlapping tiers', () => {
    expect(message(define({ tiers: [{ from: 0 }, { from: 100 }, { from: '100.0' }] }))).toBe(
      '[dealerkit] tiers[2].from: overlaps tiers[1]: both start at 100; each tier must start above the previous one',
    );
    expect(message(define({ tiers: [{ upTo: 5 }, { upTo: 5 }, { upTo: null }] }))).toBe(
      '[dealerkit] tiers[1].upTo: overlaps tiers[0]: both end at 5; each tier must end above the previous one',
    );
    expect(message(define({ tiers: [{ upTo: 5 }, { upTo: null }, { upTo: null }] }))).toBe(
      '[dealerkit] tiers[1].upTo: only the last tier may be open-ended (null); tiers[2] would be unreachable',
    );
  });
  it('gapped tiers: below the first from, above the last upTo', () => {
    expect(message(define({ tiers: [{ from: 100, rate: '0.01' }] }))).toBe(
      '[dealerkit] tiers[0].from: must be 0, the lowest value of the basis, so that every value falls in a tier (a gap below 100); add a first tier from 0 that pays nothing',
    );
    expect(message(define({ tiers: [{ upTo: 5 }, { upTo: 10 }] }))).toBe(
      '[dealerkit] tiers[1].upTo: must be null: the last tier is open-ended, otherwise values above 10 fall in no tier (a gap)',
    );
  });
  it('both from and upTo, neither, or the two styles mixed', () => {
    expect(message(define({ tiers: [{ from: 0, upTo: 5 }, { from: 5 }] }))).toBe(
      '[dealerkit] tiers[0]: has both from and upTo; give every tier one bound style (from: inclusive lower bound, or upTo: inclusive upper bound)',
    );
    expect(message(define({ tiers: [{ rate: 1 }] }))).toBe('[dealerkit] tiers[0]: needs a bound: from (inclusive lower bound) or upTo (inclusive upper bound)');
    expect(message(define({ tiers: [{ from: 0 }, { upTo: null }] }))).toBe(
      '[dealerkit] tiers[1].upTo: tiers[0] uses from; every tier must use the same bound style, never mixed',
    );
    expect(message(define({ tiers: [{ upTo: 5 }, { from: 5 }] }))).toBe(
      '[dealerkit] tiers[1].from: tiers[0] uses upTo; every tier must use the same bound style, never mixed',
    );
  });
  it('negative rates, per-unit amounts, fixed amounts and bounds', () => {
    const e = thrown(define({ tiers: [{ from: 0, rate: '-0.01', perUnit: -1, fixed: -5 }, { from: -3 }] }));
    expect(e.code).toBe('out_of_range');
    expect(e.issues.map((i) => i.path.join('.'))).toEqual(['tiers.0.rate', 'tiers.0.perUnit', 'tiers.0.fixed', 'tiers.1.from']);
    expect(e.issues[0]!.message).toBe('must not be negative, received -0.01');
  });
  it('rates that are not numbers, unknown fields, a missing rounding stage, an unknown currency', () => {
    expect(message(define({ tiers: [{ from: 0, rate: '2%' }] }))).toBe('[dealerkit] tiers[0].rate: must be a number or a numeric string, received "2%"');
    expect(message(define({ tiers: [{ from: 0, rat: 1 }] }))).toBe('[dealerkit] tiers[0].rat: is not a known field');
    expect(message(define({ rounding: {} }))).toBe("[dealerkit] rounding.stage: must be one of 'line', 'total', received nothing");
    expect(message(define({ currency: 'XYZ' }))).toBe('[dealerkit] currency: is not a currency this engine knows (ISO 4217), received "XYZ"');
    expect(message(define({ currency: 'XYZ', rounding: { stage: 'line', scale: 2 } }))).toBe(
      '[dealerkit] currency: is not a currency this engine knows (ISO 4217), received "XYZ"',
    );
    expect(message(define({ basis: 'volume' }))).toBe("[dealerkit] basis: must be one of 'amount', 'quantity', 'attainment', 'growth', 'growthRate', received \"volume\"");
    expect(message(() => defineRebateProgram(null as never))).toBe('[dealerkit] (input): must be an object, received null');
  });
  it('what a method cannot price', () => {
    expect(message(define({ method: 'step', tiers: [{ from: 0, rate: 1 }] }))).toBe(
      "[dealerkit] tiers[0].rate: a 'step' program pays each tier's fixed amount only; use method 'retroactive' for a rate on the whole base",
    );
    expect(message(define({ method: 'step', tiers: [{ from: 0, perUnit: 1 }] }))).toBe(
      "[dealerkit] tiers[0].perUnit: a 'step' program pays each tier's fixed amount only; use method 'retroactive' for an amount per unit",
    );
    expect(message(define({ method: 'incremental', tiers: [{ from: 0, perUnit: 1 }] }))).toBe(
      "[dealerkit] tiers[0].perUnit: an incremental band of basis 'amount' holds no units; an incremental perUnit needs basis 'quantity'",
    );
    expect(message(define({ method: 'incremental', basis: 'quantity', tiers: [{ from: 0, rate: 1 }] }))).toBe(
      "[dealerkit] tiers[0].rate: an incremental band of units holds no amount; an incremental rate needs an amount-based basis ('amount', 'attainment', 'growth' or 'growthRate')",
    );
  });
  it('options that do not apply to the basis', () => {
    expect(message(define({ applyTo: 'net' }))).toBe("[dealerkit] applyTo: applies to the growth bases only, not to basis 'amount'");
    expect(message(define({ basis: 'growth', zeroBaseline: 'highest-tier' }))).toBe("[dealerkit] zeroBaseline: applies to basis 'growthRate' only, not to 'growth'");
  });
  it('caps, minimums and benefits', () => {
    expect(message(define({ cap: {} }))).toBe('[dealerkit] cap: must give amount, rateOfBase or both');
    expect(message(define({ cap: { amount: '1000.005' } }))).toBe('[dealerkit] cap.amount: has more decimal places than the money scale (2), received 1000.005');
    expect(message(define({ cap: { amount: 100 }, minimum: { amount: 200, whenBelow: 'raise' } }))).toBe(
      '[dealerkit] minimum.amount: is above cap.amount (100); a raised minimum could never be paid',
    );
    expect(message(define({ minimum: { amount: '0.001', whenBelow: 'forfeit' } }))).toBe(
      '[dealerkit] minimum.amount: has more decimal places than the money scale (2), received 0.001',
    );
    expect(message(define({ minimum: { amount: 1, whenBelow: 'sometimes' } }))).toBe(
      "[dealerkit] minimum.whenBelow: must be one of 'raise', 'forfeit', received \"sometimes\"",
    );
    expect(message(define({ tiers: [{ from: 0, benefits: { fund: '0.001' } }] }))).toBe(
      '[dealerkit] tiers[0].benefits.fund: has more decimal places than the money scale (2), received 0.001',
    );
    expect(message(define({ overAchievement: { above: 1, rate: '0.05', cap: '0.001' } }))).toBe(
      '[dealerkit] overAchievement.cap: has more decimal places than the money scale (2), received 0.001',
    );
  });
  it('gates and multipliers', () => {
    expect(message(define({ gates: [{ metric: 'kpi', op: '=>', value: 1, onFail: 'zero' }] }))).toBe(
      "[dealerkit] gates[0].op: must be one of '>=', '>', '<=', '<', received \"=>\"",
    );
    expect(message(define({ gates: [{ metric: 'kpi', op: '>=', value: 1, onFail: 'skip' }] }))).toBe(
      '[dealerkit] gates[0].onFail: must be \'zero\' or { factor }, received "skip"',
    );
    expect(message(define({ multipliers: [{ metric: 'd', bands: [{ from: 30, factor: 1 }, { from: 0, factor: 1 }] }] }))).toBe(
      '[dealerkit] multipliers[0].bands[1].from: must be greater than bands[0].from (30); list bands in ascending order',
    );
    expect(message(define({ multipliers: [{ metric: 'd', bands: [] }] }))).toBe('[dealerkit] multipliers[0].bands: must hold at least 1 item');
  });
  it('every issue at once', () => {
    const e = thrown(define({ tiers: [{ from: 0 }, { from: 0 }], applyTo: 'net', cap: {} }));
    expect(e.issues.map((i) => i.path.join('.'))).toEqual(['tiers.1.from', 'applyTo', 'cap']);
  });
});

describe('calculateRebate refuses bad input, naming the path', () => {
  const attainment = defineRebateProgram({ ...base, basis: 'attainment', tiers: [{ from: 0 }, { from: '0.9', rate: '0.01' }] });
  it('an attainment basis without a target, or with a target ≤ 0', () => {
    expect(message(() => calculateRebate(attainment, { sales: 100 }))).toBe("[dealerkit] target: is required (basis 'attainment' divides by it)");
    const e = thrown(() => calculateRebate(attainment, { sales: 100, target: 0 }));
    expect(e.code).toBe('out_of_range');
    expect(e.message).toBe("[dealerkit] target: must be greater than 0 (basis 'attainment' divides by it), received 0");
    expect(message(() => calculateRebate(attainment, { sales: 100, target: -5 }))).toBe(
      "[dealerkit] target: must be greater than 0 (basis 'attainment' divides by it), received -5",
    );
  });
  it('a growth basis without a baseline', () => {
    const g = defineRebateProgram({ ...base, basis: 'growth' });
    expect(message(() => calculateRebate(g, { sales: 100 }))).toBe("[dealerkit] baseline: is required (basis 'growth' measures growth over it)");
  });
  it('a gate on a metric not supplied', () => {
    const p = defineRebateProgram({ ...base, gates: [{ metric: 'kpi', op: '>=', value: 80, onFail: 'zero' }] });
    expect(message(() => calculateRebate(p, { sales: 100, metrics: { other: 1 } }))).toBe('[dealerkit] metrics.kpi: is required by gates[0] (kpi >= 80)');
  });
  it('sales that are not numbers, negative sales or returns, NaN, unknown fields', () => {
    const p = defineRebateProgram(base);
    // @ts-expect-error: sales must be numeric
    expect(message(() => calculateRebate(p, { sales: true }))).toBe('[dealerkit] sales: must be a number or a numeric string, received true');
    expect(message(() => calculateRebate(p, { sales: '1,000' }))).toBe('[dealerkit] sales: must be a number or a numeric string, received "1,000"');
    expect(message(() => calculateRebate(p, { sales: Number.NaN }))).toBe('[dealerkit] sales: must be a number or a numeric string, received NaN');
    expect(message(() => calculateRebate(p, { sales: -1 }))).toBe('[dealerkit] sales: must not be negative, received -1');
    expect(message(() => calculateRebate(p, { sales: 1, returns: -1 }))).toBe('[dealerkit] returns: must not be negative, received -1');
    expect(message(() => calculateRebate(p, { sales: 1, metrics: { kpi: 'high' } }))).toBe(
      '[dealerkit] metrics.kpi: must be a number or a numeric string, received "high"',
    );
    // @ts-expect-error: an unknown field
    expect(message(() => calculateRebate(p, { sales: 1, discount: 2 }))).toBe('[dealerkit] discount: is not a known field');
    expect(message(() => calculateRebate(p, { sales: 1, quantity: 1, returnedQuantity: -2 }))).toBe('[dealerkit] returnedQuantity: must not be negative, received -2');
  });
  it('a quantity program without a quantity', () => {
    const q = defineRebateProgram({ ...base, basis: 'quantity', tiers: [{ upTo: 5, perUnit: 7 }, { upTo: null, perUnit: 6 }] });
    expect(message(() => calculateRebate(q, {}))).toBe("[dealerkit] quantity: is required (the program's basis 'quantity' or its perUnit amounts need units)");
  });
  it('never throws anything but a DealerkitError', () => {
    const hostile = {
      get sales(): number {
        throw new TypeError('boom');
      },
    };
    const e = thrown(() => calculateRebate(defineRebateProgram(base), hostile as never));
    expect(e.code).toBe('internal');
  });
});
