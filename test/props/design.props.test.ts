import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, calculateRebate, defineRebateProgram, type RebateInput, type RebateProgramSpec } from 'dealerkit';
import { calculateCliffExposure, calculateThresholdSensitivity, simulateRebateProgram, type RebateDeterministicOutcome, type RebateNetworkDealer, type RebateStochasticOutcome } from 'dealerkit/design';

// Laws of designing a program over a network, over random programs, networks and scenarios.

const rate = fc.integer({ min: 0, max: 600 }).map((n) => n / 10000);
/** Ascending tier bounds from 0: money for an amount basis, attainment ratios (2 places) otherwise. */
const froms = (basis: 'amount' | 'attainment') =>
  fc
    .uniqueArray(basis === 'amount' ? fc.integer({ min: 1, max: 2_000_000 }) : fc.integer({ min: 1, max: 160 }), { minLength: 1, maxLength: 4 })
    .map((xs) => [0, ...xs.sort((a, b) => a - b).map((x) => (basis === 'amount' ? x : x / 100))]);

/** A random program: amount or attainment basis, any method, rates non-decreasing when `rising`, an award, a gate, a multiplier. */
const programSpec = (rising = false) =>
  fc
    .record({
      basis: fc.constantFrom<'amount' | 'attainment'>('amount', 'attainment'),
      method: fc.constantFrom<'retroactive' | 'incremental' | 'step'>('retroactive', 'incremental', 'step'),
      stage: fc.constantFrom<'line' | 'total'>('line', 'total'),
      award: fc.boolean(),
      gate: fc.boolean(),
      multiplier: fc.boolean(),
      fund: fc.integer({ min: 0, max: 5000 }),
    })
    .chain((o) =>
      fc.record({
        o: fc.constant(o),
        froms: froms(o.basis),
        rates: fc.array(rate, { minLength: 5, maxLength: 5 }),
        fixed: fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 5, maxLength: 5 }),
      }),
    )
    .map(({ o, froms: fs, rates, fixed }): RebateProgramSpec => {
      const rs = rising ? [...rates].sort((a, b) => a - b) : rates;
      const fx = rising ? [...fixed].sort((a, b) => a - b) : fixed;
      return {
        currency: 'CNY',
        rounding: { stage: o.stage },
        basis: o.basis,
        method: o.method,
        tiers: fs.map((from, i) => ({
          from: String(from),
          ...(o.method === 'step' ? { fixed: fx[i]! } : { rate: String(rs[i]) }),
          ...(i === fs.length - 1 && o.fund > 0 ? { benefits: { fund: o.fund } } : {}),
        })),
        ...(o.award ? { overAchievement: { above: 1, rate: '0.015', cap: 20000 } } : {}),
        ...(o.gate ? { gates: [{ metric: 'onTimePaymentRatio', op: '>=' as const, value: '0.9', onFail: { factor: '0.5' } }] } : {}),
        ...(o.multiplier ? { multipliers: [{ metric: 'days', bands: [{ from: 0, factor: '1.1' }, { from: 30, factor: 1 }, { from: 60, factor: '0.85' }] }] } : {}),
      };
    });

const cents = (min: number, max: number) => fc.integer({ min: min * 100, max: max * 100 }).map((c) => c / 100);
const network = fc
  .array(
    fc.record({
      sales: cents(0, 3_000_000),
      returns: cents(0, 20_000),
      target: fc.integer({ min: 100_000, max: 2_500_000 }),
      ratio: fc.integer({ min: 80, max: 100 }).map((n) => n / 100),
      days: fc.integer({ min: 0, max: 90 }),
      segment: fc.constantFrom('north', 'south'),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((rows): RebateNetworkDealer[] =>
    rows.map((r, i) => ({ id: `D${i}`, segment: r.segment, sales: r.sales, returns: r.returns, target: r.target, metrics: { onTimePaymentRatio: r.ratio, days: r.days } })),
  );
const growth = fc.integer({ min: -5000, max: 5000 }).map((n) => new Decimal(n).div(10000).toString());

/** The dealer's input with its sales and returns × (1 + g), rounded half-up to the fen, computed here. */
function projected(d: RebateNetworkDealer, g: string): RebateInput {
  const factor = new Decimal(1).plus(g);
  const { segment: _, ...rest } = d;
  return {
    ...rest,
    sales: new Decimal(d.sales).times(factor).toDecimalPlaces(2, Decimal.ROUND_HALF_UP),
    returns: new Decimal(d.returns ?? 0).times(factor).toDecimalPlaces(2, Decimal.ROUND_HALF_UP),
  };
}

describe('designing a program: laws (fast-check)', () => {
  it('a deterministic total equals the sum of calculateRebate over the dealers, to the cent', () => {
    fc.assert(
      fc.property(programSpec(), network, growth, growth, (spec, net, g, south) => {
        const p = defineRebateProgram(spec);
        const segments = net.some((d) => d.segment === 'south') ? { segments: { south } } : {};
        const s = simulateRebateProgram(p, net, [{ name: 'g', growth: g, ...segments }]).scenarios[0] as RebateDeterministicOutcome;
        let total = new Decimal(0);
        let cost = new Decimal(0);
        for (const d of net) {
          const r = calculateRebate(p, projected(d, d.segment === 'south' ? south : g));
          total = total.plus(r.rebate);
          cost = cost.plus(r.rebate);
          for (const b of r.benefits) cost = cost.plus(b.amount);
        }
        expect(s.rebate.toString()).toBe(total.toString());
        expect(s.cost.toString()).toBe(cost.toString());
        expect(s.tiers.reduce((n, t) => n + t.dealers, 0)).toBe(net.length);
        expect(s.tiers.reduce((x, t) => x.plus(t.rebate), new Decimal(0)).toString()).toBe(total.toString());
      }),
      { numRuns: 120 },
    );
  });

  it("a stochastic run's total equals the sum of calculateRebate over its drawn dealers (the batch path agrees with the Decimal path), and the same seed gives the same figures", () => {
    fc.assert(
      fc.property(
        programSpec(),
        network,
        fc.constantFrom<'normal' | 'lognormal'>('normal', 'lognormal'),
        fc.integer({ min: 0, max: 2 ** 40 }),
        (spec, net, distribution, seed) => {
          const p = defineRebateProgram(spec);
          const scenario = { name: 's', growth: { mean: '0.03', sd: '0.2', distribution, correlation: '0.4' }, runs: 6, seed, keep: 'dealers' as const };
          const s = simulateRebateProgram(p, net, [scenario]).scenarios[0] as RebateStochasticOutcome;
          s.draws!.forEach((run, r) => {
            let total = new Decimal(0);
            for (const d of run.dealers) {
              const again = calculateRebate(p, d.input);
              expect(again.rebate.toString()).toBe(d.rebate.toString());
              total = total.plus(again.rebate);
            }
            expect(s.totals[r]!.toString()).toBe(total.toString());
          });
          const again = simulateRebateProgram(p, net, [scenario]).scenarios[0] as RebateStochasticOutcome;
          expect(JSON.stringify(again)).toBe(JSON.stringify(s));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('the sensitivity at delta 0 is 0, for a threshold and for a rate', () => {
    fc.assert(
      fc.property(programSpec(), network, fc.nat(), (spec, net, pick) => {
        const p = defineRebateProgram(spec);
        const tier = 1 + (pick % (p.tiers.length - 1));
        const s = calculateThresholdSensitivity(p, net, { tier, deltas: [0] });
        expect([s.points[0]!.change.toString(), s.points[0]!.dealers]).toEqual(['0', []]);
        if (p.method !== 'step') expect(calculateThresholdSensitivity(p, net, { tier, deltas: [0], move: 'rate' }).points[0]!.change.toString()).toBe('0');
      }),
      { numRuns: 100 },
    );
  });

  it('with rates (and fixed amounts and benefits) rising by tier, the cost never falls as a threshold falls', () => {
    fc.assert(
      fc.property(programSpec(true), network, fc.nat(), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 }), (spec, net, pick, cuts) => {
        // Rounded once (stage 'total'): the rounding of a non-decreasing amount is non-decreasing. Under
        // line rounding a moved band boundary re-splits the rounded lines and the total may fall by a
        // cent (test/design/sensitivity.test.ts shows one such case, worked by hand).
        const p = defineRebateProgram({ ...spec, rounding: { stage: 'total' } });
        const k = 1 + (pick % (p.tiers.length - 1));
        const below = p.tiers[k - 1]!.from;
        const here = p.tiers[k]!.from;
        // Thresholds strictly between the previous tier's and this one, as deltas, falling.
        const places = spec.basis === 'amount' ? 2 : 4;
        const deltas = [
          ...new Set(
            cuts
              .map((c) => below.plus(here.minus(below).times(c)).toDecimalPlaces(places, Decimal.ROUND_UP))
              .filter((t) => t.gt(below) && t.lte(here))
              .map((t) => t.minus(here).toString()),
          ),
        ].sort((a, b) => new Decimal(b).comparedTo(a));
        if (deltas.length === 0) return;
        const s = calculateThresholdSensitivity(p, net, { tier: k, deltas });
        let last = s.cost;
        for (const point of s.points) {
          expect(point.cost.gte(last)).toBe(true);
          last = point.cost;
        }
      }),
      { numRuns: 150 },
    );
  });

  it("the cliff list holds exactly the dealers within the window, each with the engine's own gain", () => {
    fc.assert(
      fc.property(programSpec(), network, fc.integer({ min: 0, max: 30 }), (spec, net, w) => {
        const p = defineRebateProgram(spec);
        const relative = new Decimal(w).div(100);
        const c = calculateCliffExposure(p, net, { window: { relative } });
        const listed = new Map(c.dealers.map((d) => [d.id, d]));
        for (const d of net) {
          const { segment: _, ...input } = d;
          const r = calculateRebate(p, input);
          const next = r.nextTier;
          // Within the window: the extra net sales to the threshold at most w × threshold on the sales axis.
          const axis = spec.basis === 'attainment' ? new Decimal(d.target!) : new Decimal(1);
          const within = next !== null && next.salesGap!.lte(relative.times(next.threshold).times(axis).plus(r.netAmount!.isNegative() ? r.netAmount!.negated() : 0));
          expect(listed.has(d.id), `${d.id}`).toBe(within);
          if (within) expect(listed.get(d.id)!.gain.toString()).toBe(next!.gain.toString());
        }
      }),
      { numRuns: 120 },
    );
  });
});
