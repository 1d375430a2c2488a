// The scaled-integer form of a program and its arithmetic (src/rebates/fast.ts): the form's
// constants, the bounds of every basis, the exact products (and the ones that leave 2^53, which
// mark the dealer for the Decimal path), rounding in each mode and sign, gates, bands and the cap
// by rate. Each figure is an integer at the form's value scale (money places + extra places),
// derived by hand in the test.
import { describe, expect, it } from 'vitest';
import { defineRebateProgram, type RebateProgramSpec } from 'dealerkit';
import { ScaledArith, fastFormOf, prepareFastProgram } from '../../src/rebates/fast.js';
import { sapProgram, seedsSpec } from './helpers.js';

const common = { currency: 'EUR', rounding: { stage: 'line' }, method: 'retroactive' } as const;
const prog = (spec: Record<string, unknown>) => defineRebateProgram({ ...common, ...spec } as RebateProgramSpec);
const arith = (spec: Record<string, unknown>) => new ScaledArith(fastFormOf(prog(spec))!);

describe('prepareFastProgram: the constants', () => {
  it("SAP's scale: money 2 places, rates 2 more (U = 100), bounds in 10^-4", () => {
    const f = fastFormOf(sapProgram())!;
    expect([f.n, f.scale, f.unit, f.extra, f.U, f.fixedAxis, f.ratePlaces, f.boundPlaces]).toEqual([3, 2, 100, 2, 100, true, 2, 0]);
    // 5,000 and 20,000 at 4 places; the last tier has no upper bound (0).
    expect([f.fromV, f.highV, f.rateN]).toEqual([[0, 50000000, 200000000], [50000000, 200000000, 0], [0, 2, 4]]);
  });

  it("the seeds' program: bounds 1 place (0.8, 0.9), rates 2, gate 1 (0.5), bands 1 (1.1, 0.8): line needs max(3, 1, 1), total 3 + 1 + 1", () => {
    const line = prepareFastProgram(defineRebateProgram(seedsSpec))!;
    expect([line.extra, line.U, line.fixedAxis, line.boundPlaces, line.gatePlaces, line.multPlaces]).toEqual([3, 1000, false, 1, 1, 1]);
    // 0, 0.8, 0.9, 1 over 10; the award above 1 (10) at 2 % (2), capped at 100,000 at 5 places.
    expect([line.fromN, line.aboveN, line.awardN, line.awardCapV]).toEqual([[0, 8, 9, 10], 10, 2, 10000000000]);
    // The gate: 0.9 as a number, fails to × 0.5 (5 over 10), a ratio; the bands 0, 30, 61 at × 1.1, 1, 0.8.
    expect([line.gateValue, line.gateFailN, line.fraction, line.bandFrom, line.bandN]).toEqual([[0.9], [5], [true], [[0, 30, 61]], [[11, 10, 8]]]);
    const total = prepareFastProgram(defineRebateProgram({ ...seedsSpec, rounding: { stage: 'total' } }))!;
    expect([total.extra, total.U]).toEqual([5, 100000]);
  });

  it('upTo bounds: each tier up to its own bound; a cap and a minimum at the value scale', () => {
    const f = fastFormOf(prog({ basis: 'amount', tiers: [{ upTo: 1000, rate: '0.1' }, { upTo: 5000, rate: '0.2' }, { upTo: null, rate: '0.3' }], cap: { amount: 700, rateOfBase: '0.125' }, minimum: { amount: 5, whenBelow: 'raise' } }))!;
    // Rates 1 place: values at 3 places. Tiers from 0, 1,000, 5,000; up to 1,000, 5,000, none.
    expect([f.extra, f.fromV, f.toV, f.highV]).toEqual([1, [0, 1000000, 5000000], [1000000, 5000000, 0], [1000000, 5000000, 0]]);
    expect([f.capAmountV, f.capRateN, f.capPlaces, f.minimumV]).toEqual([700000, 125, 3, 5000]);
  });

  it('extra places: gates and multipliers count once each (× their number), bounds only on a ratio basis; which gates read as ratios', () => {
    const spec = {
      basis: 'amount',
      rounding: { stage: 'total' },
      // Amount bounds with a decimal take no places of their own; rates 1 place.
      tiers: [{ from: 0 }, { from: '1000.5', rate: '0.1' }],
      gates: [{ metric: 'fillRate', op: '>=', value: 2, onFail: { factor: '0.5' } }, { metric: 'visits', op: '>=', value: '0.5', onFail: { factor: '0.25' } }],
      multipliers: [{ metric: 'a', bands: [{ from: 0, factor: '1.5' }] }, { metric: 'b', bands: [{ from: 0, factor: '1.25' }] }],
    };
    const total = fastFormOf(prog(spec))!;
    // Rounded once: rate 1 + gates 2 places × 2 + bands 2 places × 2 = 9.
    expect([total.boundPlaces, total.ratePlaces, total.gatePlaces, total.multPlaces, total.extra]).toEqual([0, 1, 2, 2, 9]);
    // A gate reads as a ratio only with a ratio's name and a value up to 1: fillRate 2 is not, visits 0.5 is not.
    expect(total.fraction).toEqual([false, false]);
    expect(fastFormOf(prog({ ...spec, gates: [{ metric: 'fillRate', op: '>=', value: 1, onFail: 'zero' }] }))!.fraction).toEqual([true]);
    // Per line: the most of 1, 4 and 4.
    expect(fastFormOf(prog({ ...spec, rounding: { stage: 'line' } }))!.extra).toBe(4);
    // 12 places of a cap rate: 0.000000000001 is 1 over 10^12.
    expect(fastFormOf(prog({ basis: 'amount', tiers: [{ from: 0, rate: '0.02' }], cap: { amount: 700, rateOfBase: '0.000000000001' } }))!.capRateN).toBe(1);
  });

  it('no form when a constant does not fit: 13 places of a cap rate, money and extra places past 22, a gate value that is no plain number', () => {
    expect(fastFormOf(prog({ basis: 'amount', tiers: [{ from: 0, rate: '0.02' }], cap: { amount: 700, rateOfBase: '0.0000000000001' } }))).toBeNull();
    // 12 places of a cap rate still fit.
    expect(fastFormOf(prog({ basis: 'amount', tiers: [{ from: 0, rate: '0.02' }], cap: { amount: 700, rateOfBase: '0.000000000001' } }))!.capPlaces).toBe(12);
    // Money at 12 places, a rate of 11: 12 + 11 = 23 > 22; at 11 places, 22 fits.
    const r11 = '0.00000000001';
    expect(fastFormOf(prog({ rounding: { stage: 'line', scale: 12 }, basis: 'amount', tiers: [{ from: 0, rate: r11 }] }))).toBeNull();
    expect(fastFormOf(prog({ rounding: { stage: 'line', scale: 11 }, basis: 'amount', tiers: [{ from: 0, rate: r11 }] }))!.extra).toBe(11);
    // 0.30000000000000001 reads 0.3 as a number: not the same value, so no form.
    expect(fastFormOf(prog({ basis: 'amount', tiers: [{ from: 0, rate: '0.02' }], gates: [{ metric: 'm', op: '>=', value: '0.30000000000000001', onFail: 'zero' }] }))).toBeNull();
  });
});

describe('ScaledArith: bounds of every basis', () => {
  it('growth: the baseline plus each tier amount (rate 2 places: values at 4)', () => {
    const ar = arith({ basis: 'growth', tiers: [{ from: 0 }, { from: 1000, rate: '0.02' }, { from: 3000, rate: '0.04' }] });
    ar.baseline = 50000000; // 5,000.0000
    // 5,000 + 0; 5,000 + 1,000 = 6,000; 5,000 + 3,000 = 8,000; tier 0 ends where tier 1 starts.
    expect([ar.low(0), ar.low(1), ar.low(2), ar.high(0), ar.high(1)]).toEqual([50000000, 60000000, 80000000, 60000000, 80000000]);
  });

  it('growthRate: the baseline × (1 + the bound), bounds at 3 places', () => {
    const ar = arith({ basis: 'growthRate', tiers: [{ from: 0 }, { from: '0.05', rate: '0.02' }, { from: '0.125', rate: '0.03' }] });
    // Rates 2 + bounds 3 = 5 extra places: 8,000 at 7 places is 8 × 10^10.
    ar.baseline = 80000000000;
    // 8,000 × 1.05 = 8,400; 8,000 × 1.125 = 9,000.
    expect([ar.low(0), ar.low(1), ar.low(2), ar.high(0), ar.high(1)]).toEqual([80000000000, 84000000000, 90000000000, 84000000000, 90000000000]);
    const upTo = arith({ basis: 'growthRate', tiers: [{ upTo: '0.05', rate: '0.02' }, { upTo: null, rate: '0.03' }] });
    upTo.baseline = 80000000000;
    expect(upTo.high(0)).toBe(84000000000);
  });

  it('attainment: the target × the bound; the award threshold × its own', () => {
    const ar = arith({ basis: 'attainment', tiers: [{ from: 0 }, { from: '0.8', rate: '0.01' }, { from: 1, rate: '0.03' }], overAchievement: { above: '1.2', rate: '0.02' } });
    // Bounds 1 place + rates 2: values at 5 places; a target of 1,000 is 10^8.
    ar.target = 100000000;
    expect([ar.low(1), ar.low(2), ar.high(1), ar.threshold()]).toEqual([80000000, 100000000, 100000000, 120000000]);
  });
});

describe('ScaledArith: exact products', () => {
  // A 2 % rate (2 over 100) on values at 4 places.
  const twoPercent = () => arith({ basis: 'amount', tiers: [{ from: 0, rate: '0.02' }] });
  it('a product within 2^53 that divides: 123.45 × 2 % = 2.469; 123.4567 × 2 % = 2.469134 leaves the 4 places', () => {
    const ar = twoPercent();
    ar.bad = false;
    // 1,234,567 × 2 = 2,469,134 over 100: 24,691.34, not an integer, so the dealer is marked.
    expect([ar.mulRate(1234567, 0), ar.bad]).toEqual([24691.34, true]);
    ar.bad = false;
    expect([ar.mulRate(1234500, 0), ar.bad]).toEqual([24690, false]);
  });
  it('past 2^53 split by the whole part: 9,007,199,254,740,950 × 2 / 100 = 180,143,985,094,819 exactly', () => {
    const ar = twoPercent();
    ar.bad = false;
    expect([ar.mulRate(9007199254740950, 0), ar.bad]).toEqual([180143985094819, false]);
    // 9,007,199,254,740,900 × 2 / 100 = 180,143,985,094,818.
    expect([ar.mulRate(9007199254740900, 0), ar.bad]).toEqual([180143985094818, false]);
    // …925: the remainder 25 × 2 = 50 is not a multiple of 100, so the figure leaves the scale.
    ar.mulRate(9007199254740925, 0);
    expect(ar.bad).toBe(true);
  });
  it('add and sub mark a sum past 2^53 (either sign)', () => {
    const ar = twoPercent();
    ar.bad = false;
    expect([ar.add(9007199254740990, 1), ar.bad]).toEqual([9007199254740991, false]);
    expect([ar.sub(-9007199254740990, 1), ar.bad]).toEqual([-9007199254740991, false]);
    ar.add(9007199254740991, 1);
    expect(ar.bad).toBe(true);
    ar.bad = false;
    ar.sub(-9007199254740991, 1);
    expect(ar.bad).toBe(true);
    expect([ar.cmp(1, 2), ar.cmp(2, 1), ar.cmp(2, 2)]).toEqual([-1, 1, 0]);
  });
});

describe('ScaledArith: rounding to the money scale (U = 100 here)', () => {
  const at = (mode: string) => arith({ rounding: { stage: 'line', mode }, basis: 'amount', tiers: [{ from: 0, rate: '0.02' }] });
  it('half-up: 1.2350 → 1.24, 1.2349 → 1.23, 1.2300 stays; −1.2350 → −1.24 (away from zero)', () => {
    const ar = at('half-up');
    expect([12350, 12349, 12300, 0, 99, 50, -12350, -12349].map((x) => ar.round(x))).toEqual([12400, 12300, 12300, 0, 100, 100, -12400, -12300]);
  });
  it('the other modes on 1.2350, 1.2250, −1.2350 and 1.2301', () => {
    const xs = [12350, 12250, -12350, 12301];
    expect(xs.map((x) => at('half-even').round(x))).toEqual([12400, 12200, -12400, 12300]);
    expect(xs.map((x) => at('half-down').round(x))).toEqual([12300, 12200, -12300, 12300]);
    expect(xs.map((x) => at('down').round(x))).toEqual([12300, 12200, -12300, 12300]);
    expect(xs.map((x) => at('up').round(x))).toEqual([12400, 12300, -12400, 12400]);
    expect(xs.map((x) => at('floor').round(x))).toEqual([12300, 12200, -12400, 12300]);
    expect(xs.map((x) => at('ceiling').round(x))).toEqual([12400, 12300, -12300, 12400]);
  });
});

describe('ScaledArith: gates, bands, the cap by rate', () => {
  const spec = {
    basis: 'amount',
    tiers: [{ from: 0, rate: '0.02' }],
    gates: [{ metric: 'paidRatio', op: '>=', value: '0.9', onFail: { factor: '0.5' } }, { metric: 'visits', op: '>=', value: 3, onFail: 'zero' }],
    multipliers: [{ metric: 'days', bands: [{ from: 10, factor: '1.1' }, { from: 30, factor: 1 }] }],
    cap: { amount: 1000000, rateOfBase: '0.015' },
  };
  it('compares a metric with the gate value; a missing one marks the dealer; a ratio above 1 reads as a percentage', () => {
    const ar = arith(spec);
    ar.gateMetric[0] = 0.89;
    ar.gateMetric[1] = 3;
    expect([ar.gateCmp(0), ar.gateCmp(1), ar.bad]).toEqual([-1, 0, false]);
    ar.gateMetric[0] = 0.91;
    expect([ar.gateCmp(0), ar.percentLike(0), ar.percentLike(1)]).toEqual([1, false, false]);
    // 95 for a ratio: a percentage; 1 exactly is a ratio; visits is no ratio whatever its value.
    ar.gateMetric[0] = 95;
    ar.gateMetric[1] = 95;
    expect([ar.percentLike(0), ar.percentLike(1)]).toEqual([true, false]);
    ar.gateMetric[0] = 1;
    expect(ar.percentLike(0)).toBe(false);
    ar.gateMetric[1] = Number.NaN;
    ar.gateCmp(1);
    expect(ar.bad).toBe(true);
  });
  it('compares a metric with a band; below the first band, or missing, marks the dealer', () => {
    const ar = arith(spec);
    ar.multMetric[0] = 30;
    expect([ar.bandCmp(0, 0), ar.bandCmp(0, 1), ar.bad]).toEqual([1, 0, false]);
    ar.multMetric[0] = 10;
    expect([ar.bandCmp(0, 0), ar.bandCmp(0, 1), ar.bad]).toEqual([0, -1, false]);
    ar.multMetric[0] = 9.99;
    ar.bandCmp(0, 1);
    expect(ar.bad).toBe(true);
    const other = arith(spec);
    other.multMetric[0] = Number.NaN;
    other.bandCmp(0, 1);
    expect(other.bad).toBe(true);
  });
  it('gate and band factors: both gates failed 0.5 × 0 = 0; passed 1; band 0 is 1.1', () => {
    const ar = arith(spec);
    // Gate factors over 10 each (two gates: 100): failed 5 × 0 = 0; passed 10 × 10 = 100 (one).
    expect(ar.gateProduct([1, 1]).num).toBe(0);
    const g = ar.gateProduct([0, 0]);
    expect([g.num, g.places, ar.isOne(g)]).toEqual([100, 2, true]);
    // The first gate failed, the second passed: 5 × 10 = 50 over 100 = 0.5.
    const half = ar.gateProduct([1, 0]);
    expect([half.num, ar.isOne(half)]).toEqual([50, false]);
    expect(ar.applyFactor(24690, half)).toBe(12345);
    const m = ar.multProduct([0]);
    expect([m.num, m.places, ar.isOne(m)]).toEqual([11, 1, false]);
    expect(ar.multProduct([1]).num).toBe(10);
  });
  it('the cap by rate rounds down to the money scale: 1.5 % × 12,345.67 = 185.18505 → 185.18', () => {
    const ar = arith(spec);
    // Values at 4 places: 123,456,700 × 15 / (1,000 × 100) = 18,518.505 → 18,518 → × 100.
    expect([ar.capByRate(123456700), ar.capAmount(), ar.minimum(), ar.bad]).toEqual([1851800, 10000000000, 0, false]);
  });
});
