import { describe, expect, it } from 'vitest';
import { Decimal, calculateRebate, defineRebateProgram, type RebateProgramSpec } from 'dealerkit';
import { adjustmentsOf, seedsDealer, seedsProgram, stepOf, stepsOf, strs, thrown } from './helpers.js';

// Expected values are hand derivations written beside each case.

const spec = (over: Partial<RebateProgramSpec>): RebateProgramSpec => ({
  currency: 'CNY',
  rounding: { stage: 'line' },
  basis: 'amount',
  method: 'retroactive',
  tiers: [{ from: 0, rate: '0.02' }],
  ...over,
});

describe('attainment basis (net sales / target; 1 = 100 %)', () => {
  const tiers = [
    { from: 0, name: 'None' },
    { from: '0.9', rate: '0.01', name: 'Bronze' },
    { from: 1, rate: '0.02', name: 'Silver' },
    { from: '1.2', rate: '0.03', name: 'Gold' },
  ];
  const incrementalProgram = () => defineRebateProgram(spec({ basis: 'attainment', method: 'incremental', tiers }));
  const retroactiveProgram = () => defineRebateProgram(spec({ basis: 'attainment', method: 'retroactive', tiers }));

  it('incremental: attainment bands map to sales bands of the target (0.9–1.0 of 10,000,000 is 9,000,000–10,000,000)', () => {
    const incremental = incrementalProgram();
    const r = calculateRebate(incremental, { sales: 10500000, target: 10000000 });
    // [0, 9M) at 0; [9M, 10M) 1,000,000 × 1 % = 10,000; [10M, 12M) 500,000 × 2 % = 10,000.
    expect(r.rebate.toString()).toBe('20000');
    expect(r.basisValue!.toString()).toBe('1.05');
    expect(r.tier).toEqual({ index: 2, name: 'Silver' });
    expect(stepsOf(r, 'tier').map((l) => [l.name, l.base!.toString(), l.amount.toString()])).toEqual([
      ['None', '9000000', '0'],
      ['Bronze', '1000000', '10000'],
      ['Silver', '500000', '10000'],
    ]);
    // Gold at 1.2: 1,500,000 more sales; at 12,000,000: 10,000 + 2,000,000 × 2 % = 50,000.
    const next = r.nextTier!;
    expect([next.index, next.name, next.mustExceed]).toEqual([3, 'Gold', false]);
    expect(strs([next.threshold, next.gap, next.salesGap!, next.rebateAtThreshold, next.gain])).toEqual(['1.2', '0.15', '1500000', '50000', '30000']);
    expect(r.warnings).toEqual([]);
  });

  it('retroactive: the tier reached prices all net sales, 2 % × 10,500,000 = 210,000, and warns of the jump', () => {
    const retroactive = retroactiveProgram();
    const r = calculateRebate(retroactive, { sales: 10500000, target: 10000000 });
    expect(r.rebate.toString()).toBe('210000');
    expect(stepsOf(r, 'tier')).toHaveLength(1);
    // At 12,000,000 (Gold): 3 % × 12,000,000 = 360,000.
    expect(r.nextTier!.rebateAtThreshold.toString()).toBe('360000');
    expect(r.warnings).toEqual([
      { code: 'retroactive-jump', message: 'reaching 1.2 (tiers[3] Gold) re-prices the whole base: the rebate goes from 210000 to 360000' },
    ]);
    expect(r.steps.map((s) => s.code)).toEqual(['basis', 'tier', 'rounding']);
  });

  it('exactly at 90 % the Bronze tier applies; one cent below it does not', () => {
    const retroactive = retroactiveProgram();
    expect(calculateRebate(retroactive, { sales: 9000000, target: 10000000 }).rebate.toString()).toBe('90000');
    const below = calculateRebate(retroactive, { sales: '8999999.99', target: 10000000 });
    expect(below.rebate.toString()).toBe('0');
    expect(below.tier.index).toBe(0);
    expect(below.nextTier!.salesGap!.toString()).toBe('0.01');
    // One cent more re-prices everything: 1 % × 9,000,000 = 90,000.
    expect(below.nextTier!.gain.toString()).toBe('90000');
  });

  it('a target that does not divide evenly: tiers are chosen on sales against target × bound, exactly', () => {
    const retroactive = retroactiveProgram();
    // 0.9 × 3 = 2.7: 2.7 reaches Bronze although 2.7 / 3 printed to 40 digits is 0.9 exactly anyway; 2.69 does not.
    expect(calculateRebate(retroactive, { sales: '2.7', target: 3 }).tier.index).toBe(1);
    expect(calculateRebate(retroactive, { sales: '2.69', target: 3 }).tier.index).toBe(0);
    // 1 / 3 is reported to 10 places (ratioScale), half-up; the program or the call may ask for others.
    expect(calculateRebate(retroactive, { sales: 1, target: 3 }).basisValue!.toString()).toBe('0.3333333333');
    expect(calculateRebate(retroactive, { sales: 2, target: 3 }, { ratioScale: 4 }).basisValue!.toString()).toBe('0.6667');
  });

  it('the tier is chosen on the exact attainment, not on the reported one: 0.89999999999 is below Bronze though it rounds to 0.9', () => {
    const retroactive = retroactiveProgram();
    // 8,999,999.9999 / 10,000,000 = 0.89999999999 (11 places): reported 0.9000000000 at 10 places, still tier 0.
    const r = calculateRebate(retroactive, { sales: '8999999.9999', target: 10000000 });
    expect(r.basisValue!.toString()).toBe('0.9');
    expect(r.tier.index).toBe(0);
    // The gap to Bronze is 0.9 − 0.89999999999 = 0.00000000001, reported as 0 at 10 places; the sales gap is exact.
    expect(strs([r.nextTier!.gap, r.nextTier!.salesGap!])).toEqual(['0', '0.0001']);
    const p = defineRebateProgram(spec({ basis: 'attainment', method: 'retroactive', tiers, ratioScale: 12 }));
    expect(calculateRebate(p, { sales: '8999999.9999', target: 10000000 }).basisValue!.toString()).toBe('0.89999999999');
  });
});

describe('growth bases', () => {
  const tiers = [{ from: 0, rate: '0.05' }, { from: 200000, rate: '0.1' }];
  const growth = (method: 'incremental' | 'retroactive', applyTo?: 'increment' | 'net') =>
    defineRebateProgram(spec({ basis: 'growth', method, tiers, ...(applyTo ? { applyTo } : {}) }));

  it('incremental on the increment: 1,300,000 over 1,000,000 → 200,000 × 5 % + 100,000 × 10 % = 20,000', () => {
    const r = calculateRebate(growth('incremental'), { sales: 1300000, baseline: 1000000 });
    expect(r.rebate.toString()).toBe('20000');
    expect(strs(stepsOf(r, 'tier').map((l) => l.base!))).toEqual(['200000', '100000']);
    expect(r.basisValue!.toString()).toBe('300000');
  });
  it('incremental on the whole net: the first band also covers the baseline, 1,200,000 × 5 % + 100,000 × 10 % = 70,000', () => {
    const p = growth('incremental', 'net');
    expect(p.applyTo).toBe('net');
    expect(calculateRebate(p, { sales: 1300000, baseline: 1000000 }).rebate.toString()).toBe('70000');
  });
  it('retroactive: 10 % of the increment (30,000) or of the net (130,000)', () => {
    expect(calculateRebate(growth('retroactive'), { sales: 1300000, baseline: 1000000 }).rebate.toString()).toBe('30000');
    expect(calculateRebate(growth('retroactive', 'net'), { sales: 1300000, baseline: 1000000 }).rebate.toString()).toBe('130000');
  });
  it('below the baseline the growth basis is 0, reported; on the net the first tier still pays', () => {
    const r = calculateRebate(growth('incremental'), { sales: 900000, baseline: 1000000 });
    expect(r.rebate.toString()).toBe('0');
    expect(r.basisValue!.toString()).toBe('0');
    expect(r.warnings.map((w) => w.code)).toEqual(['negative-growth']);
    // The next tier needs growth 200,000: sales 1,200,000, i.e. 300,000 more.
    expect(strs([r.nextTier!.gap, r.nextTier!.salesGap!])).toEqual(['200000', '300000']);
    expect(calculateRebate(growth('incremental', 'net'), { sales: 900000, baseline: 1000000 }).rebate.toString()).toBe('45000');
  });

  const rateTiers = [{ from: 0 }, { from: '0.1', rate: '0.02' }, { from: '0.2', rate: '0.04' }];
  it('growth rate, retroactive on the net: +15 % → 2 % × 1,150,000 = 23,000; exactly +10 % → 22,000', () => {
    const p = defineRebateProgram(spec({ basis: 'growthRate', method: 'retroactive', applyTo: 'net', tiers: rateTiers }));
    expect(calculateRebate(p, { sales: 1150000, baseline: 1000000 }).rebate.toString()).toBe('23000');
    expect(calculateRebate(p, { sales: 1100000, baseline: 1000000 }).rebate.toString()).toBe('22000');
    expect(calculateRebate(p, { sales: 1100000, baseline: 1000000 }).basisValue!.toString()).toBe('0.1');
  });
  it('growth rate, incremental on the increment: bands [1.1M, 1.2M) at 2 % and above at 4 %: 2,000 + 50,000 × 4 % = 4,000', () => {
    const p = defineRebateProgram(spec({ basis: 'growthRate', method: 'incremental', tiers: rateTiers }));
    expect(calculateRebate(p, { sales: 1250000, baseline: 1000000 }).rebate.toString()).toBe('4000');
  });
  it('a zero baseline is an error unless the program says what it means', () => {
    const p = defineRebateProgram(spec({ basis: 'growthRate', method: 'retroactive', tiers: rateTiers }));
    const e = thrown(() => calculateRebate(p, { sales: 500, baseline: 0 }));
    expect(e.code).toBe('out_of_range');
    expect(e.message).toBe(
      "[dealerkit] baseline: must be greater than 0 for basis 'growthRate' ((net − baseline) / baseline); set the program's zeroBaseline to 'highest-tier' or 'lowest-tier' to allow 0",
    );
    const high = defineRebateProgram(spec({ basis: 'growthRate', method: 'retroactive', tiers: rateTiers, zeroBaseline: 'highest-tier' }));
    const r = calculateRebate(high, { sales: 500, baseline: 0 });
    // Highest tier, 4 % of the increment 500 − 0 = 20.
    expect([r.rebate.toString(), r.tier.index, r.basisValue, r.nextTier]).toEqual(['20', 2, null, null]);
    expect(r.warnings.map((w) => w.code)).toEqual(['zero-baseline']);
    expect(calculateRebate(high, { sales: 0, baseline: 0 }).tier.index).toBe(0);
    const low = defineRebateProgram(spec({ basis: 'growthRate', method: 'incremental', tiers: rateTiers, zeroBaseline: 'lowest-tier' }));
    expect(calculateRebate(low, { sales: 500, baseline: 0 }).rebate.toString()).toBe('0');
    const highInc = defineRebateProgram(spec({ basis: 'growthRate', method: 'incremental', tiers: rateTiers, zeroBaseline: 'highest-tier' }));
    // The whole increment in the top band: 500 × 4 % = 20; the lower bands hold nothing.
    expect(strs(stepsOf(calculateRebate(highInc, { sales: 500, baseline: 0 }), 'tier').map((l) => l.amount))).toEqual(['0', '0', '20']);
  });
});

describe('gates, multipliers, cap and minimum (in that order, after the tiers)', () => {
  const gatedProgram = () => defineRebateProgram(
    spec({
      gates: [
        { metric: 'kpi', op: '>=', value: 80, onFail: 'zero' },
        { metric: 'onTime', op: '>=', value: '0.95', onFail: { factor: '0.5' } },
      ],
      tiers: [{ from: 0, rate: '0.02', benefits: { brandFund: 5000 } }],
    }),
  );
  it('all gates pass: 2 % × 100,000 = 2,000', () => {
    const gated = gatedProgram();
    const r = calculateRebate(gated, { sales: 100000, metrics: { kpi: 85, onTime: '0.97' } });
    expect(r.rebate.toString()).toBe('2000');
    expect(r.gates.map((g) => [g.metric, g.passed, g.factor.toString()])).toEqual([
      ['kpi', true, '1'],
      ['onTime', true, '1'],
    ]);
    expect(adjustmentsOf(r)).toEqual([]);
    expect(r.benefits.map((b) => [b.name, b.amount.toString()])).toEqual([['brandFund', '5000']]);
  });
  it('a factor gate halves it (−1,000); a zero gate voids it and its benefits', () => {
    const gated = gatedProgram();
    const half = calculateRebate(gated, { sales: 100000, metrics: { kpi: 85, onTime: '0.9' } });
    expect(half.rebate.toString()).toBe('1000');
    const factor = stepOf(half, 'gate-factor');
    expect(strs([factor.factor, factor.before, factor.after, factor.amount])).toEqual(['0.5', '2000', '1000', '-1000']);
    expect(factor.text).toBe('failed gates × 0.5: 2,000.00 → 1,000.00');
    expect(stepsOf(half, 'gate').map((g) => g.text)).toEqual(['gate kpi 85 ≥ 80: met', 'gate onTime 0.9 ≥ 0.95: not met, × 0.5']);
    expect(half.eligible).toBe(true);
    const none = calculateRebate(gated, { sales: 100000, metrics: { kpi: 80 - 1, onTime: 1 } });
    expect([none.rebate.toString(), none.eligible, none.benefits]).toEqual(['0', false, []]);
    // Exactly at the gate's value passes (>=).
    expect(calculateRebate(gated, { sales: 100000, metrics: { kpi: 80, onTime: '0.95' } }).rebate.toString()).toBe('2000');
  });
  it('strict and upper-bound gates', () => {
    const p = defineRebateProgram(
      spec({
        gates: [
          { metric: 'days', op: '<', value: 60, onFail: 'zero' },
          { metric: 'complaints', op: '<=', value: 2, onFail: 'zero' },
          { metric: 'score', op: '>', value: 50, onFail: 'zero' },
        ],
      }),
    );
    const at = (days: number, complaints: number, score: number) => calculateRebate(p, { sales: 100, metrics: { days, complaints, score } }).rebate.toString();
    expect([at(59, 2, 51), at(60, 2, 51), at(59, 3, 51), at(59, 2, 50)]).toEqual(['2', '0', '0', '0']);
  });

  const turnover = { metric: 'turnoverDays', bands: [{ from: 0, factor: '1.1' }, { from: 30, factor: 1 }, { from: 60, factor: '0.8' }] };
  it('a turnover multiplier: under 30 days × 1.1, 30 to 60 × 1.0, from 60 × 0.8 (bands start at their from)', () => {
    const p = defineRebateProgram(spec({ multipliers: [turnover] }));
    const at = (d: number) => calculateRebate(p, { sales: 100000, metrics: { turnoverDays: d } });
    expect([at(24), at(29), at(30), at(59), at(60), at(75)].map((r) => r.rebate.toString())).toEqual(['2200', '2200', '2000', '2000', '1600', '1600']);
    expect(at(24).multipliers).toEqual([{ metric: 'turnoverDays', value: new Decimal(24), band: 0, factor: new Decimal('1.1') }]);
    expect(adjustmentsOf(at(24)).map((a) => [a.code, a.amount.toString()])).toEqual([['multiplier-factor', '200']]);
    expect(stepOf(at(24), 'multiplier')).toMatchObject({ metric: 'turnoverDays', band: 0, text: 'turnoverDays 24 (band from 0): × 1.1' });
  });
  it('several multipliers multiply: 2,000 × 1.1 × 1.05 = 2,310', () => {
    const p = defineRebateProgram(spec({ multipliers: [turnover, { metric: 'kpi', bands: [{ from: 0, factor: '0.9' }, { from: 90, factor: '1.05' }] }] }));
    const r = calculateRebate(p, { sales: 100000, metrics: { turnoverDays: 24, kpi: 95 } });
    expect(r.rebate.toString()).toBe('2310');
    expect(r.multiplier.toString()).toBe('1.155');
  });
  it('a metric below the first band is an error, not a silent factor', () => {
    const p = defineRebateProgram(spec({ multipliers: [turnover] }));
    const e = thrown(() => calculateRebate(p, { sales: 1, metrics: { turnoverDays: -1 } }));
    expect(e.code).toBe('out_of_range');
    expect(e.message).toBe('[dealerkit] metrics.turnoverDays: is below the first band of multipliers[0] (from 0), received -1');
    expect(thrown(() => calculateRebate(p, { sales: 1 })).message).toBe('[dealerkit] metrics.turnoverDays: is required by multipliers[0]');
  });

  it('a cap as a fraction of the net amount, rounded down: 1 % of 100,000.55 = 1,000.0055 → 1,000.00', () => {
    const p = defineRebateProgram(spec({ cap: { rateOfBase: '0.01', amount: 5000 } }));
    const r = calculateRebate(p, { sales: '100000.55' });
    // 2 % × 100,000.55 = 2,000.011 → 2,000.01 (line); the cap takes it to 1,000.
    expect(r.rebate.toString()).toBe('1000');
    expect(r.unrounded.toString()).toBe('1000');
    const cap = stepOf(r, 'cap');
    expect(strs([cap.limit, cap.byAmount!, cap.byRate!, cap.before, cap.amount])).toEqual(['1000', '5000', '1000', '2000.01', '-1000.01']);
    expect(cap.text).toBe('cap 1,000.00: 2,000.01 → 1,000.00');
    expect(stepOf(r, 'rounding').difference.toString()).toBe('0');
  });
  it('a minimum raises an eligible rebate to it, or forfeits a rebate below it', () => {
    const raise = defineRebateProgram(spec({ minimum: { amount: 500, whenBelow: 'raise' }, gates: [{ metric: 'kpi', op: '>=', value: 80, onFail: 'zero' }] }));
    const r = calculateRebate(raise, { sales: 10000, metrics: { kpi: 90 } });
    expect([r.rebate.toString(), r.minimumApplied]).toEqual(['500', true]);
    expect(adjustmentsOf(r).map((a) => [a.code, a.amount.toString()])).toEqual([['minimum', '300']]);
    expect(stepOf(r, 'minimum').text).toBe('minimum 500.00: 200.00 raised to 500.00');
    // Ineligible dealers get no minimum.
    expect(calculateRebate(raise, { sales: 10000, metrics: { kpi: 70 } }).rebate.toString()).toBe('0');
    // At or above the minimum, nothing changes.
    expect(calculateRebate(raise, { sales: 25000, metrics: { kpi: 90 } }).minimumApplied).toBe(false);
    const forfeit = defineRebateProgram(spec({ minimum: { amount: 500, whenBelow: 'forfeit' } }));
    expect(calculateRebate(forfeit, { sales: 10000 }).rebate.toString()).toBe('0');
    expect(calculateRebate(forfeit, { sales: 10000 }).minimumApplied).toBe(true);
    expect(calculateRebate(forfeit, { sales: 0 }).minimumApplied).toBe(false);
    expect(calculateRebate(forfeit, { sales: 25000 }).rebate.toString()).toBe('500');
  });
});

describe('over-achievement, benefits and step programs', () => {
  it('5 % on the sales above 100 % of target, capped at 20,000', () => {
    const p = defineRebateProgram(
      spec({ basis: 'attainment', tiers: [{ from: 0, rate: '0.01' }], overAchievement: { above: 1, rate: '0.05', cap: 20000 } }),
    );
    const r = calculateRebate(p, { sales: 1200000, target: 1000000 });
    // 1 % × 1,200,000 = 12,000, plus 5 % × 200,000 = 10,000.
    expect(r.rebate.toString()).toBe('22000');
    const award = stepOf(r, 'over-achievement');
    expect(strs([award.threshold, award.base, award.amount])).toEqual(['1000000', '200000', '10000']);
    expect(award.text).toBe('over-achievement: 5 % × 200,000.00 above 1,000,000.00 = 10,000.00');
    const big = calculateRebate(p, { sales: 1600000, target: 1000000 });
    // 16,000 + min(5 % × 600,000 = 30,000, 20,000).
    expect([big.rebate.toString(), stepOf(big, 'over-achievement').capped]).toEqual(['36000', true]);
    expect(stepOf(big, 'over-achievement').text).toBe('over-achievement: 5 % × 600,000.00 above 1,000,000.00, capped at 20,000.00');
    expect(stepOf(calculateRebate(p, { sales: 900000, target: 1000000 }), 'over-achievement').amount.toString()).toBe('0');
    expect(thrown(() => calculateRebate(defineRebateProgram(spec({ overAchievement: { above: 1, rate: '0.05' } })), { sales: 1 })).message).toBe(
      '[dealerkit] target: is required (the over-achievement award is measured against it)',
    );
  });
  it('step: the tier reached pays its fixed amount only', () => {
    const p = defineRebateProgram(spec({ method: 'step', tiers: [{ from: 0 }, { from: 100, fixed: 50 }, { from: 200, fixed: 120 }] }));
    const r = calculateRebate(p, { sales: 150 });
    expect(r.rebate.toString()).toBe('50');
    expect(strs([r.nextTier!.gap, r.nextTier!.rebateAtThreshold, r.nextTier!.gain])).toEqual(['50', '120', '70']);
    expect(calculateRebate(p, { sales: 200 }).rebate.toString()).toBe('120');
    expect(calculateRebate(p, { sales: 99 }).rebate.toString()).toBe('0');
  });
  it('retroactive perUnit and rate together on a quantity basis', () => {
    const p = defineRebateProgram(spec({ basis: 'quantity', tiers: [{ from: 0, perUnit: 1 }, { from: 100, perUnit: 2, rate: '0.01' }] }));
    // 150 units ≥ 100: 150 × 2 + 1 % × 30,000 = 600.
    const r = calculateRebate(p, { sales: 30000, quantity: 160, returnedQuantity: 10 });
    expect(r.rebate.toString()).toBe('600');
    const line = stepOf(r, 'tier');
    expect(strs([line.base!, line.units!])).toEqual(['30000', '150']);
    expect(line.text).toBe('Tier 2: 1 % × 30,000.00 + 150 × 2.00 = 600.00');
    expect(stepOf(r, 'basis').text).toBe('net units 150 = 160 − 10 returned; net sales 30,000.00');
    expect(r.nextTier).toBeNull();
    expect(thrown(() => calculateRebate(p, { quantity: 1 })).message).toBe(
      "[dealerkit] sales: is required (the program's basis 'quantity' or its rates, over-achievement or cap need the sales amount)",
    );
  });
});

describe('rounding stage', () => {
  // JPY (scale 0): bands 100 × 0.5 % = 0.5 and 100 × 1.5 % = 1.5.
  const tiers = [{ from: 0, rate: '0.005' }, { from: 100, rate: '0.015' }];
  it("'line' rounds every line (0.5 → 1, 1.5 → 2), so the printed lines add up to 3", () => {
    const r = calculateRebate(defineRebateProgram(spec({ currency: 'JPY', method: 'incremental', tiers })), { sales: 200 });
    expect(strs(stepsOf(r, 'tier').map((l) => l.amount))).toEqual(['1', '2']);
    expect(strs([r.rebate, r.unrounded, stepOf(r, 'rounding').difference])).toEqual(['3', '2', '1']);
    expect(stepOf(r, 'rounding')).toMatchObject({ stage: 'line', scale: 0, mode: 'half-up', text: 'every line rounded to 0 places, half-up: rebate 3 against 2 unrounded' });
  });
  it("'total' keeps exact lines and rounds once: 2, difference 0", () => {
    const r = calculateRebate(defineRebateProgram(spec({ currency: 'JPY', method: 'incremental', tiers, rounding: { stage: 'total' } })), { sales: 200 });
    expect(strs(stepsOf(r, 'tier').map((l) => l.amount))).toEqual(['0.5', '1.5']);
    // Exact lines are printed with every digit, never rounded in the text.
    expect(stepsOf(r, 'tier').map((l) => l.text)).toEqual(['Tier 1: 0.5 % × 100 = 0.5', 'Tier 2: 1.5 % × 100 = 1.5']);
    expect(strs([r.rebate, r.unrounded, stepOf(r, 'rounding').difference])).toEqual(['2', '2', '0']);
  });
  it("'total' reports a non-zero difference: 201 → 0.5 + 101 × 1.5 % = 2.015 → 2", () => {
    const r = calculateRebate(defineRebateProgram(spec({ currency: 'JPY', method: 'incremental', tiers, rounding: { stage: 'total' } })), { sales: 201 });
    expect(strs([r.rebate, r.unrounded, stepOf(r, 'rounding').difference])).toEqual(['2', '2.015', '-0.015']);
    expect(stepOf(r, 'rounding').text).toBe('rounded once to 0 places, half-up: 2.015 → 2');
  });
  it('half-even lines: 0.5 → 0, 1.5 → 2; an explicit scale overrides the currency', () => {
    const r = calculateRebate(defineRebateProgram(spec({ currency: 'JPY', method: 'incremental', tiers, rounding: { stage: 'line', mode: 'half-even' } })), { sales: 200 });
    expect(r.rebate.toString()).toBe('2');
    const fine = defineRebateProgram(spec({ currency: 'JPY', method: 'incremental', tiers, rounding: { stage: 'line', scale: 1 } }));
    expect(fine.rounding.scale).toBe(1);
    // 210: 0.5 + 110 × 1.5 % = 0.5 + 1.65 → 0.5 + 1.7 = 2.2 at one decimal.
    expect(calculateRebate(fine, { sales: 210 }).rebate.toString()).toBe('2.2');
  });
});

describe('returns, zero and huge values', () => {
  const cardProgram = () => defineRebateProgram(
    spec({ currency: 'USD', method: 'incremental', tiers: [{ from: 0, rate: '0.0025' }, { from: 2000, rate: '0.005' }, { from: 5000, rate: '0.015' }] }),
  );
  it('returns reduce the basis: 12,000 − 2,000 = 10,000 → 95', () => {
    const card = cardProgram();
    const r = calculateRebate(card, { sales: 12000, returns: 2000 });
    expect([r.rebate.toString(), r.netAmount!.toString()]).toEqual(['95', '10000']);
  });
  it('a negative net gives a basis of 0 and no rebate, reported', () => {
    const card = cardProgram();
    const r = calculateRebate(card, { sales: 100, returns: 150 });
    expect(strs([r.rebate, r.netAmount!, r.basisValue!])).toEqual(['0', '-50', '0']);
    expect(r.warnings).toEqual([{ code: 'negative-net', message: 'returns exceed sales (net -50); the basis uses 0, never a negative rebate', path: ['returns'] }]);
    // The next tier needs 2,000 of net: 2,050 more sales.
    expect(r.nextTier!.salesGap!.toString()).toBe('2050');
  });
  it('zero sales: tier 0, rebate 0', () => {
    const card = cardProgram();
    const r = calculateRebate(card, { sales: 0 });
    expect([r.rebate.toString(), r.tier.index, stepsOf(r, 'tier').length]).toEqual(['0', 0, 1]);
  });
  it('1e15 without precision loss: 5 + 15 + (1,000,000,000,000,000.01 − 5,000) × 1.5 % = 14,999,999,999,945.00', () => {
    const card = cardProgram();
    // 999,999,999,995,000.01 × 0.015 = 14,999,999,999,925.00015 → 14,999,999,999,925.00 (line), + 20.
    const r = calculateRebate(card, { sales: '1000000000000000.01' });
    expect(r.rebate.toString()).toBe('14999999999945');
    expect(r.unrounded.toString()).toBe('14999999999945.00015');
  });
  it('negative units are reported like a negative net', () => {
    const p = defineRebateProgram(spec({ basis: 'quantity', tiers: [{ from: 0, perUnit: 1 }] }));
    const r = calculateRebate(p, { quantity: 5, returnedQuantity: 8 });
    expect([r.rebate.toString(), r.netQuantity!.toString(), r.warnings[0]!.code]).toEqual(['0', '-3', 'negative-quantity']);
  });
});

describe('a spec in place of a program', () => {
  it('is defined on the spot (errors under program.)', () => {
    expect(calculateRebate(spec({}) as never, { sales: 100 }).rebate.toString()).toBe('2');
    expect(thrown(() => calculateRebate(spec({ tiers: [] }) as never, { sales: 100 })).message).toBe('[dealerkit] program.tiers: must hold at least 1 item');
  });
});

describe("the steps of the seeds' dealer", () => {
  it('reproduce the rebate: basis, tier line, award, gate, multiplier, rounding', () => {
    // 9,620,000 / 10,000,000 = 96.20 %: Silver 2 % × 9,620,000 = 192,400; award 0 (below 100 %);
    // on time 0.97 ≥ 0.9; 70 days in the band from 61: × 0.8 → 153,920.
    const r = calculateRebate(seedsProgram(), seedsDealer);
    expect(r.steps.map((s) => [s.code, s.text])).toEqual([
      ['basis', 'net sales 9,620,000.00; attainment 9,620,000.00 / 10,000,000.00 = 96.20 %'],
      ['tier', 'Silver: 2 % × 9,620,000.00 = 192,400.00'],
      ['over-achievement', 'over-achievement: 2 % × 0.00 above 10,000,000.00 = 0.00'],
      ['gate', 'gate onTimePaymentRatio 0.97 ≥ 0.9: met'],
      ['multiplier', 'inventoryTurnoverDays 70 (band from 61): × 0.8'],
      ['multiplier-factor', 'multiplier × 0.8: 192,400.00 → 153,920.00'],
      ['rounding', 'every line rounded to 2 places, half-up: rebate 153,920.00'],
    ]);
    // Line stage: tier + award + factor amounts = the rebate: 192,400 + 0 − 38,480 = 153,920.
    const sum = [stepOf(r, 'tier').amount, stepOf(r, 'over-achievement').amount, stepOf(r, 'multiplier-factor').amount].reduce((a, b) => a.plus(b));
    expect(sum.toString()).toBe(r.rebate.toString());
    expect([r.basisValue!.toString(), r.tier.name, r.rebate.toString()]).toEqual(['0.962', 'Silver', '153920']);
    expect(strs([r.nextTier!.gap, r.nextTier!.salesGap!, r.nextTier!.rebateAtThreshold, r.nextTier!.gain])).toEqual(['0.038', '380000', '240000', '86080']);
    // The result is plain data: JSON has the steps with their figures as strings.
    expect(JSON.parse(JSON.stringify(r)).steps[1]).toEqual({
      code: 'tier',
      index: 2,
      name: 'Silver',
      from: '0.9',
      to: '1',
      base: '9620000',
      units: null,
      rate: '0.02',
      perUnit: null,
      fixed: null,
      amount: '192400',
      text: 'Silver: 2 % × 9,620,000.00 = 192,400.00',
    });
  });
});
