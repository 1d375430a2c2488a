import { describe, expect, it } from 'vitest';
import { DealerkitError, calculateRebate, defineRebateProgram, type RebateProgramSpec } from 'dealerkit';
import { seedsDealer, seedsProgram, thrown } from './helpers.js';

const base: RebateProgramSpec = {
  currency: 'CNY',
  rounding: { stage: 'line' },
  basis: 'amount',
  method: 'retroactive',
  tiers: [{ from: 0, rate: '0.01' }, { from: 100, rate: '0.02' }],
};
const define = (over: Record<string, unknown>) => () => defineRebateProgram({ ...base, ...over } as RebateProgramSpec);
const message = (fn: () => unknown) => thrown(fn).message;
/** The issue codes of an error, in order. */
const codes = (fn: () => unknown) => thrown(fn).issues.map((i) => i.code);

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
    // Out of order and overlapping are both `not_ascending`, with the bound crossed as `limit`.
    expect(thrown(define({ tiers: [{ from: 0 }, { from: 200 }, { from: 100 }] })).issues[0]).toMatchObject({ code: 'not_ascending', received: '100', limit: '200' });
    expect(codes(define({ tiers: [{ from: 0 }, { from: 100 }, { from: '100.0' }] }))).toEqual(['not_ascending']);
    expect(codes(define({ tiers: [{ upTo: 5 }, { upTo: null }, { upTo: null }] }))).toEqual(['not_ascending']);
  });
  it('gapped tiers: below the first from, above the last upTo', () => {
    expect(message(define({ tiers: [{ from: 100, rate: '0.01' }] }))).toBe(
      '[dealerkit] tiers[0].from: must be 0, the lowest value of the basis, so that every value falls in a tier (a gap below 100); add a first tier from 0 that pays nothing',
    );
    expect(message(define({ tiers: [{ upTo: 5 }, { upTo: 10 }] }))).toBe(
      '[dealerkit] tiers[1].upTo: must be null: the last tier is open-ended, otherwise values above 10 fall in no tier (a gap)',
    );
    expect(thrown(define({ tiers: [{ from: 100, rate: '0.01' }] })).issues[0]).toMatchObject({ code: 'invalid_value', expected: '0', received: '100' });
    expect(thrown(define({ tiers: [{ upTo: 5 }, { upTo: 10 }] })).issues[0]).toMatchObject({ code: 'invalid_value', expected: 'null' });
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
    expect(codes(define({ tiers: [{ from: 0, upTo: 5 }, { from: 5 }] }))).toEqual(['inconsistent']);
    expect(codes(define({ tiers: [{ rate: 1 }] }))).toEqual(['required']);
    expect(codes(define({ tiers: [{ from: 0 }, { upTo: null }] }))).toEqual(['inconsistent']);
  });
  it('negative rates, per-unit amounts, fixed amounts and bounds', () => {
    const e = thrown(define({ tiers: [{ from: 0, rate: '-0.01', perUnit: -1, fixed: -5 }, { from: -3 }] }));
    expect(e.code).toBe('out_of_range');
    expect(e.issues.map((i) => i.path.join('.'))).toEqual(['tiers.0.rate', 'tiers.0.perUnit', 'tiers.0.fixed', 'tiers.1.from']);
    expect(e.issues[0]!.message).toBe('must not be negative, received -0.01');
    expect(e.issues.map((i) => i.code)).toEqual(['out_of_range', 'out_of_range', 'out_of_range', 'out_of_range']);
  });
  it('rates that are not numbers, unknown fields, a missing rounding stage, an unknown currency', () => {
    const pct = thrown(define({ tiers: [{ from: 0, rate: '2%' }] }));
    expect(pct.message).toBe('[dealerkit] tiers[0].rate: must be a number or a numeric string, received "2%": write 0.02 for 2 %');
    expect(pct.issues[0]).toMatchObject({ code: 'not_a_number', received: '"2%"' });
    const typo = thrown(define({ tiers: [{ from: 0, rat: '0.01' }] }));
    expect(typo.message).toBe('[dealerkit] tiers[0].rat: is not a known field; did you mean `rate`?');
    expect(typo.issues[0]!.code).toBe('unknown_field');
    expect(message(define({ overAchivement: { above: 1, rate: '0.02' } }))).toBe('[dealerkit] overAchivement: is not a known field; did you mean `overAchievement`?');
    expect(message(define({ rounding: {} }))).toBe("[dealerkit] rounding.stage: must be one of 'line', 'total', received nothing");
    expect(message(define({ currency: 'XYZ' }))).toBe('[dealerkit] currency: is not a currency this engine knows (ISO 4217), received "XYZ"');
    expect(message(define({ currency: 'XYZ', rounding: { stage: 'line', scale: 2 } }))).toBe(
      '[dealerkit] currency: is not a currency this engine knows (ISO 4217), received "XYZ"',
    );
    expect(message(define({ basis: 'volume' }))).toBe("[dealerkit] basis: must be one of 'amount', 'quantity', 'attainment', 'growth', 'growthRate', received \"volume\"");
    expect(codes(define({ basis: 'volume' }))).toEqual(['invalid_value']);
    expect(codes(define({ currency: 'XYZ' }))).toEqual(['unknown_label']);
    expect(thrown(define({ ratioScale: 31 })).issues[0]).toMatchObject({ path: ['ratioScale'], code: 'out_of_range', limit: '30' });
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
    expect(codes(define({ method: 'step', tiers: [{ from: 0, rate: 1, perUnit: 1 }] }))).toEqual(['inconsistent', 'inconsistent']);
  });
  it('options that do not apply to the basis', () => {
    expect(message(define({ applyTo: 'net' }))).toBe("[dealerkit] applyTo: applies to the growth bases only, not to basis 'amount'");
    expect(message(define({ basis: 'growth', zeroBaseline: 'highest-tier' }))).toBe("[dealerkit] zeroBaseline: applies to basis 'growthRate' only, not to 'growth'");
    expect(codes(define({ applyTo: 'net' }))).toEqual(['inconsistent']);
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
    expect(codes(define({ cap: {} }))).toEqual(['required']);
    expect(thrown(define({ cap: { amount: '1000.005' } })).issues[0]).toMatchObject({ code: 'invalid_value', expected: 'at most 2 decimal places', received: '1000.005' });
    expect(thrown(define({ cap: { amount: 100 }, minimum: { amount: 200, whenBelow: 'raise' } })).issues[0]).toMatchObject({ code: 'inconsistent', received: '200', limit: '100' });
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
    expect(codes(define({ multipliers: [{ metric: 'd', bands: [{ from: 30, factor: 1 }, { from: 0, factor: 1 }] }] }))).toEqual(['not_ascending']);
    expect(codes(define({ multipliers: [{ metric: 'd', bands: [] }] }))).toEqual(['too_short']);
  });
  it('every issue at once', () => {
    const e = thrown(define({ tiers: [{ from: 0 }, { from: 0 }], applyTo: 'net', cap: {} }));
    expect(e.issues.map((i) => i.path.join('.'))).toEqual(['tiers.1.from', 'applyTo', 'cap']);
  });
});

describe('no silent percent mistakes', () => {
  it("a tier rate of 3 (meant as 3 %) is refused with the hint 'write 0.03 for 3 %'", () => {
    const e = thrown(define({ tiers: [{ from: 0, rate: 3 }] }));
    expect(e.code).toBe('out_of_range');
    expect(e.message).toBe('[dealerkit] tiers[0].rate: must be a fraction from 0 to 1, received 3: write 0.03 for 3 %');
    expect(e.issues[0]).toMatchObject({ path: ['tiers', 0, 'rate'], code: 'percent_as_whole_number', expected: 'from 0 to 1', limit: '1' });
    // A whole-number percentage with decimals: 2.5 → 0.025.
    expect(message(define({ tiers: [{ from: 0, rate: '2.5' }] }))).toBe('[dealerkit] tiers[0].rate: must be a fraction from 0 to 1, received 2.5: write 0.025 for 2.5 %');
    // 1 (100 %) is a legitimate fraction.
    expect(define({ tiers: [{ from: 0, rate: 1 }] })().tiers[0]!.rate!.toString()).toBe('1');
  });
  it('the over-achievement rate and a cap as a rate of the base likewise', () => {
    const e = thrown(define({ basis: 'attainment', overAchievement: { above: 1, rate: 2 }, cap: { rateOfBase: 5 } }));
    expect(e.issues.map((i) => [i.path.join('.'), i.code, i.message])).toEqual([
      ['overAchievement.rate', 'percent_as_whole_number', 'must be a fraction from 0 to 1, received 2: write 0.02 for 2 %'],
      ['cap.rateOfBase', 'percent_as_whole_number', 'must be a fraction from 0 to 1, received 5: write 0.05 for 5 %'],
    ]);
  });
  it('attainment thresholds above 1, multiplier factors above 1 and an award above 100 % of target stay legal', () => {
    const p = define({
      basis: 'attainment',
      tiers: [{ from: 0, rate: '0.01' }, { from: '1.2', rate: '0.03' }],
      overAchievement: { above: '1.1', rate: '0.02' },
      multipliers: [{ metric: 'kpi', bands: [{ from: 0, factor: 1 }, { from: 90, factor: '1.25' }] }],
    })();
    // 13,000,000 of 10,000,000 = 130 %: 3 % × 13,000,000 = 390,000 + 2 % × 2,000,000 = 40,000; × 1.25 = 537,500.
    expect(calculateRebate(p, { sales: 13000000, target: 10000000, metrics: { kpi: 95 } }).rebate.toString()).toBe('537500');
  });
  it("a gate on a ratio-named metric with a threshold ≤ 1 warns of a value above 1 (97 meant as 97 %)", () => {
    const r = calculateRebate(seedsProgram(), { ...seedsDealer, metrics: { onTimePaymentRatio: 97, inventoryTurnoverDays: 70 } });
    // 97 ≥ 0.9 passes: the figure is computed, and the warning says why it is suspect.
    expect(r.gates[0]!.passed).toBe(true);
    expect(r.warnings[0]).toEqual({
      code: 'percent-like-metric',
      message: 'onTimePaymentRatio is 97, above 1, though its name says it is a ratio and the gate compares it with 0.9: write 0.97 for 97 %',
      path: ['metrics', 'onTimePaymentRatio'],
    });
    // 0.97 does not warn; nor does a metric whose name is not a ratio, nor a ratio gate with a threshold above 1.
    expect(calculateRebate(seedsProgram(), seedsDealer).warnings.map((w) => w.code)).toEqual(['retroactive-jump']);
    const days = defineRebateProgram({ ...base, gates: [{ metric: 'turnoverDays', op: '<=', value: 1, onFail: 'zero' }, { metric: 'shareGrowthRate', op: '>=', value: 5, onFail: 'zero' }] });
    // 100 is in the top tier (from 100): no retroactive jump ahead, and no other warning.
    expect(calculateRebate(days, { sales: 100, metrics: { turnoverDays: 0, shareGrowthRate: 7 } }).warnings).toEqual([]);
  });
});

describe('calculateRebate refuses bad input, naming the path', () => {
  const attainmentProgram = () => defineRebateProgram({ ...base, basis: 'attainment', tiers: [{ from: 0 }, { from: '0.9', rate: '0.01' }] });
  it('an attainment basis without a target, or with a target ≤ 0', () => {
    const attainment = attainmentProgram();
    expect(message(() => calculateRebate(attainment, { sales: 100 }))).toBe("[dealerkit] target: is required (basis 'attainment' divides by it)");
    expect(codes(() => calculateRebate(attainment, { sales: 100 }))).toEqual(['required']);
    const e = thrown(() => calculateRebate(attainment, { sales: 100, target: 0 }));
    expect(e.code).toBe('out_of_range');
    expect(e.message).toBe("[dealerkit] target: must be greater than 0 (basis 'attainment' divides by it), received 0");
    expect(e.issues[0]).toMatchObject({ code: 'out_of_range', received: '0', limit: '0' });
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
    expect(codes(() => calculateRebate(p, { sales: 100, metrics: { other: 1 } }))).toEqual(['required']);
  });
  it('sales that are not numbers, negative sales or returns, NaN, unknown fields', () => {
    const p = defineRebateProgram(base);
    // @ts-expect-error: sales must be numeric
    expect(message(() => calculateRebate(p, { sales: true }))).toBe('[dealerkit] sales: must be a number or a numeric string, received true');
    expect(message(() => calculateRebate(p, { sales: '1,000' }))).toBe(
      '[dealerkit] sales: must be a number or a numeric string, received "1,000": write 1000 without thousands separators',
    );
    expect(codes(() => calculateRebate(p, { sales: '1,000' }))).toEqual(['not_a_number']);
    expect(message(() => calculateRebate(p, { sales: Number.NaN }))).toBe('[dealerkit] sales: must be a number or a numeric string, received NaN');
    expect(message(() => calculateRebate(p, { sales: -1 }))).toBe('[dealerkit] sales: must not be negative, received -1');
    expect(message(() => calculateRebate(p, { sales: 1, returns: -1 }))).toBe('[dealerkit] returns: must not be negative, received -1');
    expect(message(() => calculateRebate(p, { sales: 1, metrics: { kpi: 'high' } }))).toBe(
      '[dealerkit] metrics.kpi: must be a number or a numeric string, received "high"',
    );
    // @ts-expect-error: an unknown field
    expect(message(() => calculateRebate(p, { sales: 1, discount: 2 }))).toBe('[dealerkit] discount: is not a known field');
    // @ts-expect-error: a typo'd field
    expect(message(() => calculateRebate(p, { sales: 1, retuns: 2 }))).toBe('[dealerkit] retuns: is not a known field; did you mean `returns`?');
    expect(message(() => calculateRebate(p, { sales: 1 }, { ratioScale: -1 }))).toBe('[dealerkit] options.ratioScale: must be at least 0, received -1');
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
