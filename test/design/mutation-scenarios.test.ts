// simulateRebateProgram on the scenario paths the first tests left open: overrides of units and
// baselines (and what the projected input then holds), a percent-like target growth, no net sales,
// stochastic overrides that fix sales, returns or units in every run, given money finer than the
// money scale, a failed 'zero' gate, the safe-integer refusals, and the explainer's notes.
// Every expected figure is worked by hand in the comments.
import { describe, expect, it } from 'vitest';
import { defineRebateProgram, type RebateProgramSpec } from 'dealerkit';
import { explainRebateSimulation, simulateRebateProgram, type RebateDeterministicOutcome, type RebateStochasticOutcome } from 'dealerkit/design';
import { thrown } from '../helpers.js';
import { handNetwork, handProgram, handSpec, strs } from './helpers.js';

/** Decimals as their strings (an input's figures). */
const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

/** Quantity basis: Silver from 10 units at 5 per unit, Gold from 20 at 7. */
const perUnit = defineRebateProgram({
  name: 'units',
  currency: 'CNY',
  rounding: { stage: 'line' },
  basis: 'quantity',
  method: 'retroactive',
  tiers: [{ from: 0 }, { from: 10, perUnit: 5, name: 'Silver' }, { from: 20, perUnit: 7, name: 'Gold' }],
});
/** The per-unit rule written out again, as the oracle for drawn units. */
const perUnitRebate = (units: number): number => (units >= 20 ? 7 * units : units >= 10 ? 5 * units : 0);

describe('deterministic overrides of units and baselines, and the input each dealer is priced on', () => {
  it('given units replace the grown ones; grown units round half-up to the places given', () => {
    // +10 %: Q1's sales 1,000 → 1,100.00, its units given: 30 − 2 returned = 28 → Gold 7 × 28 = 196.
    // Q2: sales 2,000 → 2,200.00; 25 units × 1.1 = 27.5 → 28; 1 returned × 1.1 = 1.1 → 1; net 27 → Gold 189.
    const sim = simulateRebateProgram(perUnit, [{ id: 'Q1', sales: 1000, quantity: 15 }, { id: 'Q2', sales: 2000, quantity: 25, returnedQuantity: 1 }], [
      { name: 'g', growth: '0.1', dealers: { Q1: { quantity: 30, returnedQuantity: 2 } } },
    ]);
    const o = sim.scenarios[0] as RebateDeterministicOutcome;
    expect(o.rebate.toString()).toBe('385');
    expect(o.dealers.map((d) => [d.id, d.result.rebate.toString(), d.result.tier.name])).toEqual([
      ['Q1', '196', 'Gold'],
      ['Q2', '189', 'Gold'],
    ]);
    expect(o.dealers.map((d) => plain(d.input))).toEqual([
      { id: 'Q1', sales: '1100', returns: '0', metrics: {}, quantity: '30', returnedQuantity: '2' },
      { id: 'Q2', sales: '2200', returns: '0', metrics: {}, quantity: '28', returnedQuantity: '1' },
    ]);
  });

  it('an input holds returned units without units when only they are given, and neither when neither is', () => {
    // Amount basis, 1 % of net: R: 1,000 → 10; N: 500 → 5. Flat: nothing grows.
    const p = defineRebateProgram({ currency: 'CNY', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive', tiers: [{ from: 0, rate: '0.01' }] });
    const o = simulateRebateProgram(p, [{ id: 'R', sales: 1000, returnedQuantity: 3 }, { id: 'N', sales: 500 }], [{ name: 'flat' }]).scenarios[0] as RebateDeterministicOutcome;
    expect(o.dealers.map((d) => plain(d.input))).toEqual([
      { id: 'R', sales: '1000', returns: '0', metrics: {}, returnedQuantity: '3' },
      { id: 'N', sales: '500', returns: '0', metrics: {} },
    ]);
    expect(o.rebate.toString()).toBe('15');
  });

  it('a baseline override replaces the baseline, and a baseline of 0 is kept in the input', () => {
    // Growth rate on the whole net, Silver from 10 % at 2 %, Gold from 20 % at 3 %, a zero baseline reaching Gold.
    // R1: 115,000 over the given baseline 125,000: below it, tier 1, 0 (over its own 100,000 it would be Silver, 2,300).
    // R2: baseline 0: Gold, 3 % × 50,000 = 1,500.
    const p = defineRebateProgram({
      currency: 'CNY',
      rounding: { stage: 'line' },
      basis: 'growthRate',
      method: 'retroactive',
      applyTo: 'net',
      zeroBaseline: 'highest-tier',
      tiers: [{ from: 0 }, { from: '0.1', rate: '0.02', name: 'Silver' }, { from: '0.2', rate: '0.03', name: 'Gold' }],
    });
    const o = simulateRebateProgram(p, [{ id: 'R1', sales: 115000, baseline: 100000 }, { id: 'R2', sales: 50000, baseline: 0 }], [
      { name: 'b', dealers: { R1: { baseline: 125000 } } },
    ]).scenarios[0] as RebateDeterministicOutcome;
    expect(o.dealers.map((d) => [d.id, d.result.rebate.toString(), d.result.tier.index])).toEqual([
      ['R1', '0', 0],
      ['R2', '1500', 2],
    ]);
    expect(o.dealers.map((d) => plain(d.input))).toEqual([
      { id: 'R1', sales: '115000', returns: '0', metrics: {}, baseline: '125000' },
      { id: 'R2', sales: '50000', returns: '0', metrics: {}, baseline: '0' },
    ]);
  });
});

describe('a target growth written as a whole-number percentage, no net sales, and the notes', () => {
  it('targetGrowth 2 is +200 %: computed, warned, and noted after the sentences; a refused dealer is noted last', () => {
    // Targets 300,000: A 95,000 (31.67 %), B 110,000 (36.67 %), C 80,000 (26.67 %): nobody reaches Silver's 90 %.
    // Net sales 285,000, rebate 0: 0.00 % of sales, nobody paid. D (no target) is refused: 1 of 4.
    const sim = simulateRebateProgram(handProgram, [...handNetwork, { id: 'D', sales: 1 }], [{ name: 't', targetGrowth: 2 }], { onError: 'collect' });
    const o = sim.scenarios[0] as RebateDeterministicOutcome;
    expect(o.dealers.map((d) => d.input.target!.toString())).toEqual(['300000', '300000', '300000']);
    expect(o.warnings).toEqual([{ code: 'percent-like-growth', message: 'a growth of 2 is +200 %; if 2 % was meant, write 0.02', path: ['scenarios', 0, 'targetGrowth'] }]);
    expect(o.steps[0]!.text).toBe('sales, returns and units × (1 + 0 %), money rounded half-up to the money scale; targets +200 %');
    expect(explainRebateSimulation(sim)).toEqual([
      't: rebate 0.00 on net sales 285,000.00 (0.00 % of sales; nobody paid).',
      'Dealers per tier: — 3 (0.00).',
      'Largest rebates: A 0.00 (—), B 0.00 (—), C 0.00 (—).',
      'Note: a growth of 2 is +200 %; if 2 % was meant, write 0.02.',
      'Note: 1 of 4 dealers was refused; the figures are over the 3 dealers computed.',
    ]);
  });

  it('no net sales: no share of sales and nobody paid, deterministic and stochastic (one run, its sd 0)', () => {
    const Z = { id: 'Z', sales: 0, target: 100000, metrics: { onTimePaymentRatio: '0.95' } };
    const sim = simulateRebateProgram(handProgram, [Z], [
      { name: 'z' },
      { name: 'zs', growth: { mean: '0.05', sd: '0.1', distribution: 'normal' }, runs: 1, seed: 7, targetGrowth: '0.1' },
    ]);
    const [d, s] = sim.scenarios as [RebateDeterministicOutcome, RebateStochasticOutcome];
    expect([d.shareOfSales, d.effectiveRate, s.shareOfSales, s.effectiveRate]).toEqual([null, null, null, null]);
    expect(d.steps.find((x) => x.code === 'share')!.text).toBe('0.00 / net sales 0.00 = undefined (no sales) of sales; 0.00 / 0.00 of the 0 dealers paid = undefined (nobody paid) effective');
    expect(s.steps.find((x) => x.code === 'share')!.text).toBe('per run on average: 0.00 / net sales 0.00 = undefined (no sales) of sales; 0.00 / 0.00 of the 0 dealers paid = undefined (nobody paid) effective');
    // A stochastic scenario's projection names its target growth: targets × 1.1.
    expect(s.steps[0]!.text).toBe("in every run, sales and returns × the dealer's drawn 1 + growth, rounded half-up to whole minor units; targets +10 %");
    expect([s.dealers[0]!.mean, s.dealers[0]!.sd, s.rebate.sd]).toEqual([0, 0, 0]);
    expect(explainRebateSimulation(sim)[0]).toBe('z: rebate 0.00, no net sales.');
  });

  it('one run of a dealer that is paid: its sd is 0, not 0 / 0', () => {
    // A: 95,000 at 95 % → Silver 1,900 with no growth drawn (sd 0): one run, mean 1,900, sd 0.
    const s = simulateRebateProgram(handProgram, [handNetwork[0]!], [{ name: 'one', growth: { mean: 0, sd: 0, distribution: 'normal' }, runs: 1, seed: 1 }]).scenarios[0] as RebateStochasticOutcome;
    expect([s.dealers[0]!.mean, s.dealers[0]!.sd, s.rebate.mean, s.rebate.sd]).toEqual([1900, 0, 1900, 0]);
  });

  it('the largest mean rebates keep network order among equals', () => {
    // No growth drawn: A and A2 (a copy of A) 1,900 each, B 3,400, C 0.
    const [A, B, C] = handNetwork as [(typeof handNetwork)[number], (typeof handNetwork)[number], (typeof handNetwork)[number]];
    const A2 = { ...A, id: 'A2' };
    const top = (network: (typeof handNetwork)[number][]) =>
      (simulateRebateProgram(handProgram, network, [{ name: 'f', growth: { mean: 0, sd: 0, distribution: 'normal' }, runs: 1, seed: 1 }]).scenarios[0] as RebateStochasticOutcome).top.map((t) => [t.id, t.rebate]);
    expect(top([C, A2, B, A])).toEqual([['B', 3400], ['A2', 1900], ['A', 1900], ['C', 0]]);
    expect(top([A, B, A2, C])).toEqual([['B', 3400], ['A', 1900], ['A2', 1900], ['C', 0]]);
  });

  it('a bad locale is refused as a DealerkitError at options.locale', () => {
    const sim = simulateRebateProgram(handProgram, handNetwork, [{ name: 'flat' }]);
    expect(thrown(() => explainRebateSimulation(sim, { locale: 42 as never })).issues[0]!.path).toEqual(['options', 'locale']);
  });
});

describe('stochastic overrides: what a dealer override gives is the same in every run', () => {
  it('given sales and returns: A nets 99,000 in every run, Silver 2 % = 1,980, sd 0', () => {
    const sim = simulateRebateProgram(handProgram, handNetwork, [
      { name: 'fx', growth: { mean: 0, sd: '0.2', distribution: 'normal' }, runs: 20, seed: 3, keep: 'dealers', dealers: { A: { sales: 100000, returns: 1000 } } },
    ]);
    const s = sim.scenarios[0] as RebateStochasticOutcome;
    expect([s.dealers[0]!.mean, s.dealers[0]!.sd, s.dealers[0]!.tierShares]).toEqual([1980, 0, [0, 1, 0]]);
    for (const run of s.draws!) {
      const a = run.dealers[0]!;
      expect([a.input.sales.toString(), a.input.returns.toString(), a.rebate.toString()]).toEqual(['100000', '1000', '1980']);
    }
    // The others are drawn: B's sales are 112,000 × its factor, rounded half-up to the fen.
    const b = s.draws![0]!.dealers[1]!;
    expect(b.input.sales.toString()).toBe((Math.round(11200000 * b.factor) / 100).toString());
  });

  it('given units on a per-unit program (the Decimal path): Q1 prices 7 × (25 − 3) = 154 in every run; Q2 its drawn units', () => {
    const sim = simulateRebateProgram(perUnit, [{ id: 'Q1', sales: 1000, quantity: 15 }, { id: 'Q2', sales: 2000, quantity: 25 }], [
      { name: 'qs', growth: { mean: 0, sd: '0.3', distribution: 'lognormal' }, runs: 10, seed: 11, keep: 'dealers', dealers: { Q1: { quantity: 25, returnedQuantity: 3 } } },
    ]);
    const s = sim.scenarios[0] as RebateStochasticOutcome;
    expect([s.dealers[0]!.mean, s.dealers[0]!.sd, s.dealers[0]!.tierShares]).toEqual([154, 0, [0, 0, 1]]);
    for (const run of s.draws!) {
      const [q1, q2] = run.dealers as [(typeof run.dealers)[number], (typeof run.dealers)[number]];
      expect([q1.input.quantity!.toString(), q1.input.returnedQuantity!.toString(), q1.rebate.toString()]).toEqual(['25', '3', '154']);
      // Q2: 25 units × its factor, rounded half-up to whole units (they were given whole), none returned.
      const units = Math.round(25 * q2.factor);
      expect([q2.input.quantity!.toString(), q2.input.returnedQuantity!.toString(), q2.rebate.toNumber()]).toEqual([String(units), '0', perUnitRebate(units)]);
    }
  });

  it('given money finer than the fen is priced exactly, not rounded to whole fen first', () => {
    // 100 % of net, rounded down to the fen. X: 1,000.005 → 1,000.00 (as whole fen 100,001 it would be 1,000.01).
    // Y: 1,000 − 0.004 = 999.996 → 999.99 (as whole fen, returns 0: 1,000.00). Every run: 1,999.99.
    const p = defineRebateProgram({ currency: 'CNY', rounding: { stage: 'line', mode: 'down' }, basis: 'amount', method: 'retroactive', tiers: [{ from: 0, rate: 1 }] });
    const s = simulateRebateProgram(p, [{ id: 'X', sales: 1 }, { id: 'Y', sales: 1 }], [
      { name: 'm', growth: { mean: 0, sd: 0, distribution: 'normal' }, runs: 2, seed: 1, dealers: { X: { sales: '1000.005' }, Y: { sales: 1000, returns: '0.004' } } },
    ]).scenarios[0] as RebateStochasticOutcome;
    expect(strs(s.totals)).toEqual(['1999.99', '1999.99']);
    expect(s.dealers.map((d) => d.mean)).toEqual([1000, 999.99]);
  });

  it("a failed 'zero' gate pays no benefits in any run", () => {
    // B2 reaches Gold (110 %) but fails its gate: rebate 0, no fund. B: 3,400 and the 1,000 fund. Each run: rebate
    // 3,400, cost 4,400; Gold holds 2 dealers and 1,000 of benefits per run.
    const p = defineRebateProgram({ ...handSpec, gates: [{ metric: 'onTimePaymentRatio', op: '>=', value: '0.9', onFail: 'zero' }] } as RebateProgramSpec);
    const B = handNetwork[1]!;
    const s = simulateRebateProgram(p, [{ ...B, id: 'B2', metrics: { onTimePaymentRatio: '0.85' } }, B], [
      { name: 'e', growth: { mean: 0, sd: 0, distribution: 'normal' }, runs: 2, seed: 1 },
    ]).scenarios[0] as RebateStochasticOutcome;
    expect([strs(s.totals), strs(s.costs)]).toEqual([['3400', '3400'], ['4400', '4400']]);
    expect([s.tiers[2]!.dealers, s.tiers[2]!.rebate, s.tiers[2]!.benefits]).toEqual([2, 3400, 1000]);
  });

  it("a scenario's overrides that a program cannot price are all refused at once", () => {
    const e = thrown(() =>
      simulateRebateProgram(handProgram, handNetwork, [{ name: 's', growth: { mean: 0, sd: '0.1', distribution: 'normal' }, runs: 2, seed: 1, dealers: { A: { target: 0 }, C: { target: -5 } } }]),
    );
    expect(e.issues.map((i) => [i.path, i.code])).toEqual([
      [['scenarios', 0, 'dealers', 'A', 'target'], 'out_of_range'],
      [['scenarios', 0, 'dealers', 'C', 'target'], 'out_of_range'],
    ]);
  });
});

describe('stochastic runs stop where whole-fen arithmetic ends (2^53 − 1 minor units)', () => {
  const amount = (extra: Partial<RebateProgramSpec> = {}) =>
    defineRebateProgram({ currency: 'CNY', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive', tiers: [{ from: 0, rate: '0.01' }], ...extra } as RebateProgramSpec);
  const times10 = { name: 'x10', growth: { mean: 9, sd: 0, distribution: 'normal' as const }, runs: 1, seed: 1 };

  it('sales of 10^13 grown tenfold are 10^16 fen: refused at the dealer', () => {
    const e = thrown(() => simulateRebateProgram(amount(), [{ id: 'X', sales: '10000000000000' }], [times10]));
    expect([e.issues[0]!.path, e.issues[0]!.code, e.issues[0]!.message]).toEqual([
      ['network', 'X', 'sales'],
      'out_of_range',
      'times the drawn factor 10 is beyond 2^53 minor units, where whole-cent arithmetic ends',
    ]);
  });

  it('returns alone beyond it are refused too', () => {
    const e = thrown(() => simulateRebateProgram(amount(), [{ id: 'X', sales: 0, returns: '10000000000000' }], [times10]));
    expect([e.issues[0]!.path, e.issues[0]!.code]).toEqual([['network', 'X', 'sales'], 'out_of_range']);
  });

  it("a run's total beyond it is refused at the scenario: two rebates of 5 × 10^15 fen", () => {
    // 100 % of 5 × 10^13 each: 10^16 fen in the run.
    const flat = { name: 'f', growth: { mean: 0, sd: 0, distribution: 'normal' as const }, runs: 1, seed: 1 };
    const e = thrown(() => simulateRebateProgram(amount({ tiers: [{ from: 0, rate: 1 }] }), [{ id: 'X', sales: '50000000000000' }, { id: 'Y', sales: '50000000000000' }], [flat]));
    expect([e.issues[0]!.path, e.issues[0]!.code, e.issues[0]!.message]).toEqual([['scenarios', 0], 'out_of_range', "run 0's total is beyond 2^53 minor units, where whole-cent arithmetic ends"]);
    // Benefits count with the rebates: a fund of 2^53 fen (90,071,992,547,409.92) alone is beyond it.
    const fund = amount({ tiers: [{ from: 0, rate: 0, benefits: { fund: '90071992547409.92' } }] });
    expect(thrown(() => simulateRebateProgram(fund, [{ id: 'X', sales: 1 }], [flat])).issues[0]!.path).toEqual(['scenarios', 0]);
    // One fen below it is computed: cost 90,071,992,547,409.91.
    const below = amount({ tiers: [{ from: 0, rate: 0, benefits: { fund: '90071992547409.91' } }] });
    const s = simulateRebateProgram(below, [{ id: 'X', sales: 1 }], [flat]).scenarios[0] as RebateStochasticOutcome;
    expect(strs(s.costs)).toEqual(['90071992547409.91']);
  });
});

describe("a dealer's most frequent tier", () => {
  it('a tie between two tiers goes to the lower: seed 0 puts A in Gold once and in Silver once', () => {
    // Run 0: sales 130,459.28 (130.46 %), Gold 3 % = 3,913.7784 → 3,913.78 + award 1 % × 30,459.28 = 304.59: 4,218.37.
    // Run 1: 95,888.81 (95.89 %), Silver 2 % = 1,917.7762 → 1,917.78. Shares: tier 1 none, Silver ½, Gold ½: Silver.
    const s = simulateRebateProgram(handProgram, [handNetwork[0]!], [{ name: 'u', growth: { mean: '0.1', sd: '0.2', distribution: 'normal' }, runs: 2, seed: 0, keep: 'dealers' }]).scenarios[0] as RebateStochasticOutcome;
    expect(s.draws!.map((r) => [r.dealers[0]!.input.sales.toString(), r.dealers[0]!.rebate.toString(), r.dealers[0]!.tier.name])).toEqual([
      ['130459.28', '4218.37', 'Gold'],
      ['95888.81', '1917.78', 'Silver'],
    ]);
    expect([s.dealers[0]!.tierShares, s.dealers[0]!.tier.name]).toEqual([[0, 0.5, 0.5], 'Silver']);
    // Its mean (4,218.37 + 1,917.78) / 2 = 3,068.075 and sample sd |4,218.37 − 1,917.78| / √2 = 1,626.76… .
    expect(s.dealers[0]!.mean).toBeCloseTo(3068.075, 9);
    expect(s.dealers[0]!.sd).toBeCloseTo(2300.59 / Math.SQRT2, 9);
  });
});

describe('whose growth and target a dealer takes', () => {
  // Scenario +10 %, segment east +20 %, dealer A +5 %: A takes its own, B its segment's, C (west) the scenario's.
  // A: 95,000 × 1.05 = 99,750 (99.75 %), Silver 2 % = 1,995.
  // B: 112,000 × 1.2 = 134,400 − 2,000 × 1.2 = 2,400 → 132,000 (132 %): Gold 3 % = 3,960 + award 1 % × 32,000 = 320 → 4,280.
  // C: 80,000 × 1.1 = 88,000 (88 %): 0. In all 6,275.
  const layered = { segments: { east: '0.2' }, dealers: { A: { growth: '0.05' } } };

  it('a dealer override over its segment over the scenario, deterministic and stochastic (sd 0) alike', () => {
    const sim = simulateRebateProgram(handProgram, handNetwork, [
      { name: 'd', growth: '0.1', ...layered },
      { name: 's', growth: { mean: '0.1', sd: 0, distribution: 'normal' }, runs: 2, seed: 1, ...layered },
    ]);
    const [d, s] = sim.scenarios as [RebateDeterministicOutcome, RebateStochasticOutcome];
    expect(d.dealers.map((x) => [x.id, x.growth.toString(), x.result.rebate.toString()])).toEqual([
      ['A', '0.05', '1995'],
      ['B', '0.2', '4280'],
      ['C', '0.1', '0'],
    ]);
    expect(strs(s.totals)).toEqual(['6275', '6275']);
  });

  it('a target given by an override is not grown by targetGrowth; a program without targets ignores targetGrowth', () => {
    // Targets +10 % → 110,000, but A's given 90,000 stays: A 95,000 / 90,000 = 105.56 %: Silver 1,900 + award 1 % × 5,000 = 50.
    const o = simulateRebateProgram(handProgram, handNetwork, [{ name: 't', targetGrowth: '0.1', dealers: { A: { target: 90000 } } }]).scenarios[0] as RebateDeterministicOutcome;
    expect(o.dealers.map((x) => [x.id, x.input.target!.toString(), x.result.rebate.toString()])).toEqual([
      ['A', '90000', '1950'],
      // B: 110,000 / 110,000 = 100 %: Silver 2 % = 2,200, no award. C: 80,000 / 110,000: 0.
      ['B', '110000', '2200'],
      ['C', '110000', '0'],
    ]);
    // An amount program's dealers have no target: none is made up.
    const p = defineRebateProgram({ currency: 'CNY', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive', tiers: [{ from: 0, rate: '0.01' }] });
    const a = simulateRebateProgram(p, [{ id: 'X', sales: 100 }], [{ name: 't', targetGrowth: '0.1' }]).scenarios[0] as RebateDeterministicOutcome;
    expect(plain(a.dealers[0]!.input)).toEqual({ id: 'X', sales: '100', returns: '0', metrics: {} });
  });
});

describe("a dealer's sd over the runs stays exact when its rebates are large", () => {
  it('rebates near 10^10 that vary by tens: the sd agrees with a two-pass sd of the kept rebates', () => {
    // 1 % of 10^12 of sales, growth sd 10^-9: each run's rebate is about 10,000,000,000.00 ± 10. A one-pass Σx² would
    // lose the variance in the rounding of 10^25-sized sums; the runs are shifted by the first one (exact in fen).
    const p = defineRebateProgram({ currency: 'CNY', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive', tiers: [{ from: 0, rate: '0.01' }] });
    const s = simulateRebateProgram(p, [{ id: 'X', sales: '1000000000000' }], [
      { name: 'big', growth: { mean: 0, sd: '0.000000001', distribution: 'normal' }, runs: 20, seed: 5, keep: 'dealers' },
    ]).scenarios[0] as RebateStochasticOutcome;
    const fen = s.draws!.map((r) => Math.round(r.dealers[0]!.rebate.toNumber() * 100));
    const first = fen[0]!;
    const dev = fen.map((x) => x - first);
    const meanDev = dev.reduce((a, x) => a + x, 0) / dev.length;
    const sdFen = Math.sqrt(dev.reduce((a, x) => a + (x - meanDev) ** 2, 0) / (dev.length - 1));
    expect(sdFen).toBeGreaterThan(100);
    expect(s.dealers[0]!.sd).toBeCloseTo(sdFen / 100, 6);
    expect(s.dealers[0]!.mean).toBeCloseTo((first + meanDev) / 100, 4);
  });
});

describe('explaining an outcome with nothing to list', () => {
  it('top 0: no sentence of the largest rebates, deterministic or stochastic', () => {
    const sim = simulateRebateProgram(handProgram, handNetwork, [{ name: 'flat' }, { name: 's', growth: { mean: 0, sd: 0, distribution: 'normal' }, runs: 1, seed: 1 }], { top: 0 });
    expect(explainRebateSimulation(sim)).toEqual([
      'flat: rebate 5,300.00 on net sales 285,000.00 (1.86 % of sales; 2.59 % effective on the 2 dealers paid).',
      'Dealers per tier: Gold 1 (3,400.00), Silver 1 (1,900.00), — 1 (0.00).',
      'Benefits brandFund 1,000.00; cost with the rebate 6,300.00.',
      's (1 run, seed 1, normal growth +0 % ± 0 %): rebate 5,300.00 on average, sd 0.00; 5th / 50th / 95th percentile 5,300.00 / 5,300.00 / 5,300.00.',
      'Dealers per tier on average: Gold 1 (3,400.00), Silver 1 (1,900.00), — 1 (0.00).',
    ]);
  });

  it('no dealer computed (all refused): the headline and the note only', () => {
    const sim = simulateRebateProgram(handProgram, [{ id: 'D', sales: 1 }], [{ name: 'flat' }], { onError: 'collect' });
    expect(explainRebateSimulation(sim)).toEqual(['flat: rebate 0.00, no net sales.', 'Note: 1 of 1 dealers was refused; the figures are over the 0 dealers computed.']);
  });
});
