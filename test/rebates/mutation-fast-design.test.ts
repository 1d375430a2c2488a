// The design hooks of the scaled path (src/rebates/fast.ts, used by src/design): a dealer's axis
// (its tier bounds × its target, the award's threshold), its gates' and multipliers' factors read
// once, the rebate priced from both, and the metrics read own-first or settlement-first. The
// seeds' program (helpers.ts): attainment 0 / 80 % at 1 % / 90 % at 2 % / 100 % at 3 %, an award of
// 2 % above 100 %, a gate on the on-time ratio (≥ 0.9, else × 0.5), turnover days × 1.1 / 1 / 0.8
// from 0 / 30 / 61. Rates 2 places + bounds 1 = 3 extra: values at 5 places. Figures by hand.
import { describe, expect, it } from 'vitest';
import { Decimal, defineRebateProgram, type RebateProgramSpec } from 'dealerkit';
import { FACTORS, ScaledArith, arithOf, fastAxisOf, fastFormOf, prepareFastDesign, priceUnits, readFactors, readMetrics, rebateUnitsOf } from '../../src/rebates/fast.js';
import { sapProgram, seedsSpec } from './helpers.js';

const seedsOf = () => defineRebateProgram(seedsSpec);
const common = { currency: 'EUR', rounding: { stage: 'line' }, method: 'retroactive' } as const;
const prog = (spec: Record<string, unknown>) => defineRebateProgram({ ...common, ...spec } as RebateProgramSpec);
const metrics = (ratio: number, days: number) => ({ onTimePaymentRatio: ratio, inventoryTurnoverDays: days });

describe('fastAxisOf', () => {
  it("writes a 10,000,000 target's bounds and threshold from `at`: 8,000,000, 9,000,000, 10,000,000 (10^12 at 5 places)", () => {
    const seeds = seedsOf();
    const f = prepareFastDesign(seeds)!;
    const out = new Float64Array(2 + 2 * 4 + 1).fill(-7);
    expect(fastAxisOf(seeds, f, new Decimal(10000000), out, 2)).toBe(true);
    // lows 0, 0.8, 0.9, 1 × 10^12; highs the next lows, the last none (Infinity); the award above 1 × 10^12.
    expect([...out]).toEqual([-7, -7, 0, 8e11, 9e11, 1e12, 8e11, 9e11, 1e12, Infinity, 1e12]);
  });
  it('declines a dealer without a positive target, or one past 2^53 at 5 places; no award means no threshold', () => {
    const seeds = seedsOf();
    const f = prepareFastDesign(seeds)!;
    const out = new Float64Array(9);
    expect([null, new Decimal(0), new Decimal(-5), new Decimal('1e11')].map((t) => fastAxisOf(seeds, f, t, out, 0))).toEqual([false, false, false, false]);
    // An amount program without an award needs no target: bounds 5,000 and 20,000 at 4 places.
    const sap = prepareFastDesign(sapProgram())!;
    const axis = new Float64Array(7);
    expect(fastAxisOf(sapProgram(), sap, null, axis, 0)).toBe(true);
    expect([...axis]).toEqual([0, 50000000, 200000000, 50000000, 200000000, Infinity, Infinity]);
  });
  it('marks a target whose bound leaves the value scale: 0.85 × 0.00001 is past 5 places', () => {
    const p = prog({ basis: 'attainment', tiers: [{ from: 0 }, { from: '0.85', rate: '0.01' }] });
    const g = prepareFastDesign(p)!;
    // Bounds 2 places + rates 2: 4 extra, values at 6 places: a target of 0.00001 is 10; 10 × 85 / 100 = 8.5.
    expect(fastAxisOf(p, g, new Decimal('0.00001'), new Float64Array(5), 0)).toBe(false);
    expect(fastAxisOf(p, g, new Decimal('0.0001'), new Float64Array(5), 0)).toBe(true);
  });
  it('prepares only amount and attainment programs', () => {
    expect([prepareFastDesign(prog({ basis: 'quantity', tiers: [{ from: 0, perUnit: 1 }] })), prepareFastDesign(prog({ basis: 'growth', tiers: [{ from: 0, rate: '0.01' }] }))]).toEqual([null, null]);
    const sap = sapProgram();
    expect(prepareFastDesign(sap)).toBe(fastFormOf(sap));
  });
});

describe('readFactors and priceUnits', () => {
  const factors = (m: Record<string, unknown> | undefined, top?: Record<string, unknown>, ownFirst = true) => {
    const out = new Float64Array(1 + FACTORS).fill(-7);
    const ok = readFactors(prepareFastDesign(seedsOf())!, m, top, ownFirst, out, 1);
    return [ok, ...out];
  };
  it('the gate passed (10 over 10) or failed (5), the band × 1.1 (11), × 1 (10) or × 0.8 (8), eligible 1', () => {
    expect(factors(metrics(0.97, 70))).toEqual([true, -7, 10, 8, 1, -7, -7]);
    expect(factors(metrics(0.85, 20))).toEqual([true, -7, 5, 11, 1, -7, -7]);
    expect(factors(metrics(0.9, 30))).toEqual([true, -7, 10, 10, 1, -7, -7]);
    // Settlement-first: the top's 0.85 and 61 days win; own-first: the own 0.97 and 20 days.
    expect(factors(metrics(0.97, 20), metrics(0.85, 61), false)).toEqual([true, -7, 5, 8, 1, -7, -7]);
    expect(factors(metrics(0.97, 20), metrics(0.85, 61), true)).toEqual([true, -7, 10, 11, 1, -7, -7]);
    // A metric missing from one is read from the other.
    expect(factors({ onTimePaymentRatio: 0.97 }, { inventoryTurnoverDays: 61 }, true)).toEqual([true, -7, 10, 8, 1, -7, -7]);
  });
  it('declines a missing or text metric, and a ratio written as a percentage (97)', () => {
    expect(factors({ inventoryTurnoverDays: 70 })[0]).toBe(false);
    expect(factors({ onTimePaymentRatio: '0.97', inventoryTurnoverDays: 70 })[0]).toBe(false);
    expect(factors(metrics(97, 70))[0]).toBe(false);
    expect(factors(metrics(Infinity, 70))[0]).toBe(false);
  });
  it('a failed zero gate makes the dealer ineligible (0)', () => {
    const p = prog({ basis: 'amount', tiers: [{ from: 0, rate: '0.02' }], gates: [{ metric: 'visits', op: '>=', value: 3, onFail: 'zero' }] });
    const g = prepareFastDesign(p)!;
    const out = new Float64Array(FACTORS);
    expect([readFactors(g, { visits: 2 }, undefined, true, out, 0), out[2]]).toEqual([true, 0]);
    expect([readFactors(g, { visits: 3 }, undefined, true, out, 0), out[2]]).toEqual([true, 1]);
  });
  it("prices the seeds' dealer: 9,620,000 of 10,000,000 is Silver, 2 % = 192,400 × 0.8 = 153,920.00 (calculate.test.ts)", () => {
    const seeds = seedsOf();
    const f = prepareFastDesign(seeds)!;
    const axis = new Float64Array(9);
    const fac = new Float64Array(FACTORS);
    fastAxisOf(seeds, f, new Decimal(10000000), axis, 0);
    readFactors(f, metrics(0.97, 70), undefined, true, fac, 0);
    const tier = [9];
    expect([priceUnits(f, 962000000, axis, 0, fac, 0, tier), tier[0]]).toEqual([15392000, 2]);
    // 11,000,000: Gold 3 % = 330,000 + the award 2 % × 1,000,000 = 20,000 → 350,000 × 0.8 = 280,000.00.
    expect([priceUnits(f, 1100000000, axis, 0, fac, 0, tier), tier[0]]).toEqual([28000000, 3]);
    // The gate failed as well (0.85): × 0.5 × 0.8 → 140,000.00.
    readFactors(f, metrics(0.85, 70), undefined, true, fac, 0);
    expect(priceUnits(f, 1100000000, axis, 0, fac, 0, tier)).toBe(14000000);
    // A negative net warns: declined (−1). After a call the arithmetic has no axis left set.
    expect(priceUnits(f, -100, axis, 0, fac, 0, tier)).toBe(-1);
    const ar = arithOf(f);
    expect([ar.axis, ar.preset]).toEqual([null, false]);
  });
});

describe('readMetrics and rebateUnitsOf', () => {
  it('reads plain finite numbers own-first or settlement-first; anything else is NaN', () => {
    const ar = new ScaledArith(fastFormOf(seedsOf())!);
    readMetrics(ar, { onTimePaymentRatio: 0.95 }, { onTimePaymentRatio: 0.5, inventoryTurnoverDays: 40 }, true);
    expect([ar.gateMetric, ar.multMetric]).toEqual([[0.95], [40]]);
    readMetrics(ar, { onTimePaymentRatio: 0.95 }, { onTimePaymentRatio: 0.5 }, false);
    expect([ar.gateMetric, ar.multMetric]).toEqual([[0.5], [Number.NaN]]);
    readMetrics(ar, { onTimePaymentRatio: '0.95', inventoryTurnoverDays: -Infinity }, undefined, true);
    expect([ar.gateMetric, ar.multMetric]).toEqual([[Number.NaN], [Number.NaN]]);
    readMetrics(ar, undefined, { onTimePaymentRatio: 1, inventoryTurnoverDays: 0 }, true);
    expect([ar.gateMetric, ar.multMetric]).toEqual([[1], [0]]);
  });
  it('a cell: declines gates and multipliers (no metrics), a target past 2^53 at the value scale, an amount past it', () => {
    expect(rebateUnitsOf(seedsOf(), 9620000, new Decimal(10000000))).toBe(-1);
    const att = prog({ basis: 'attainment', tiers: [{ from: 0 }, { from: '0.9', rate: '0.01' }] });
    // Values at 3 places: a target of 10^13 is 10^16, past 2^53.
    expect(rebateUnitsOf(att, 9620000, new Decimal('1e13'))).toBe(-1);
    // 1 % × 9,620,000 = 96,200.00 with the target 10,000,000 (96.2 % ≥ 90 %).
    expect(rebateUnitsOf(att, new Decimal(9620000), new Decimal(10000000))).toBe(9620000);
    expect(rebateUnitsOf(sapProgram(), new Decimal('1e14'), null)).toBe(-1);
    // An amount program takes no target: 7,000 → 140.00 whatever is passed.
    expect(rebateUnitsOf(sapProgram(), 7000, new Decimal(5))).toBe(14000);
  });
});
