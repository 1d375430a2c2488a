import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Decimal,
  calculateRebate,
  defineRebateProgram,
  explainRebate,
  settleRebate,
  settleRebates,
  type RebateProgramSpec,
  type RebateSettlementPolicy,
} from 'dealerkit';

// Laws of the rebate engine, over random programs and inputs.

const cents = (max: number) => fc.integer({ min: 0, max }).map((c) => c / 100);
const rate = fc.integer({ min: 0, max: 5000 }).map((n) => new Decimal(n).div(10000).toString());
const ascendingFroms = fc
  .uniqueArray(fc.integer({ min: 1, max: 5_000_000 }), { minLength: 0, maxLength: 4 })
  .map((xs) => [0, ...xs.sort((a, b) => a - b)]);
const rateTiers = ascendingFroms.chain((froms) => fc.tuple(...froms.map((from) => rate.map((r) => ({ from, rate: r })))));

const program = (over: Partial<RebateProgramSpec>) =>
  defineRebateProgram({ currency: 'CNY', rounding: { stage: 'line' }, basis: 'amount', method: 'incremental', tiers: [{ from: 0 }], ...over } as RebateProgramSpec);

describe('rebate laws (fast-check)', () => {
  it('incremental rebates are non-decreasing and continuous in the basis (non-negative rates, no fixed amounts)', () => {
    fc.assert(
      fc.property(rateTiers, cents(10_000_000_00), cents(10_000_000_00), (tiers, a, b) => {
        const p = program({ tiers, rounding: { stage: 'total' } });
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const rLo = calculateRebate(p, { sales: lo });
        const rHi = calculateRebate(p, { sales: hi });
        expect(rLo.unrounded.lte(rHi.unrounded)).toBe(true);
        expect(rLo.rebate.lte(rHi.rebate)).toBe(true);
        // Lipschitz: the rebate grows by at most the top rate × the extra sales, so no jump at any threshold.
        const maxRate = Decimal.max(...tiers.map((t) => t.rate));
        expect(rHi.unrounded.minus(rLo.unrounded).lte(maxRate.times(new Decimal(hi).minus(lo)))).toBe(true);
        // At every threshold: the rebate one cent below differs by at most the rate × 0.01.
        for (const t of tiers.slice(1)) {
          const at = calculateRebate(p, { sales: t.from }).unrounded;
          const below = calculateRebate(p, { sales: new Decimal(t.from).minus('0.01') }).unrounded;
          expect(at.minus(below).lte(maxRate.times('0.01'))).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('line stage: the amounts of the tier, award, factor, minimum and cap steps add up to the rebate exactly', () => {
    fc.assert(
      fc.property(
        rateTiers,
        fc.constantFrom<'incremental' | 'retroactive'>('incremental', 'retroactive'),
        cents(20_000_000_00),
        fc.integer({ min: 0, max: 120 }),
        fc.option(cents(100_000_00), { nil: undefined }),
        (tiers, method, sales, days, capAmount) => {
          const p = program({
            method,
            basis: 'attainment',
            tiers: tiers.map((t) => ({ ...t, from: t.from / 1_000_000, fixed: '0.005' })),
            overAchievement: { above: '1.1', rate: '0.013' },
            multipliers: [{ metric: 'days', bands: [{ from: 0, factor: '1.1' }, { from: 30, factor: 1 }, { from: 60, factor: '0.85' }] }],
            ...(capAmount === undefined ? {} : { cap: { amount: capAmount } }),
          });
          const r = calculateRebate(p, { sales, target: 1_000_000, metrics: { days } });
          let sum = new Decimal(0);
          for (const s of r.steps) {
            if (s.code === 'tier' || s.code === 'over-achievement') {
              expect(s.amount.decimalPlaces()).toBeLessThanOrEqual(2);
              sum = sum.plus(s.amount);
            } else if (s.code === 'gate-factor' || s.code === 'multiplier-factor' || s.code === 'minimum' || s.code === 'cap') {
              // Each adjustment starts where the sum so far stands.
              expect(s.before.toString()).toBe(sum.toString());
              sum = sum.plus(s.amount);
              expect(s.after.toString()).toBe(sum.toString());
            }
            expect(s.text.length).toBeGreaterThan(0);
          }
          expect(sum.toString()).toBe(r.rebate.toString());
          const rounding = r.steps.at(-1)!;
          expect(rounding.code).toBe('rounding');
          if (rounding.code === 'rounding') expect(r.rebate.minus(r.unrounded).toString()).toBe(rounding.difference.toString());
          // The explanation ends its first sentence with the rebate.
          expect(explainRebate(r)[0]!.endsWith(` ${r.rebate.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.`)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('settlement payments sum exactly to the annual rebate (clawback), or to it plus what is carried or waived', () => {
    const quarter = fc.record({ sales: cents(3_000_000_00), returns: cents(500_000_00) });
    fc.assert(
      fc.property(
        rateTiers,
        fc.array(quarter, { minLength: 1, maxLength: 6 }),
        fc.constantFrom<RebateSettlementPolicy['advance']>('cumulative', 'period'),
        fc.constantFrom<RebateSettlementPolicy['negativeTrueUp']>('clawback', 'carry', 'waive'),
        fc.integer({ min: 0, max: 50 }),
        fc.constantFrom<'incremental' | 'retroactive'>('incremental', 'retroactive'),
        (tiers, quarters, advance, negativeTrueUp, holdbackPct, method) => {
          const p = program({ tiers, method, settlement: { advance, negativeTrueUp, holdbackRate: holdbackPct / 100 } });
          const s = settleRebate(p, { periods: quarters.map((q, i) => ({ period: `Q${i + 1}`, ...q })) });
          const paid = s.periods.reduce((a, x) => a.plus(x.payment), new Decimal(0));
          expect(paid.toString()).toBe(s.totalPaid.toString());
          expect(paid.toString()).toBe(s.annualRebate!.plus(s.carriedForward).plus(s.waived).toString());
          if (negativeTrueUp === 'clawback') expect(paid.toString()).toBe(s.annualRebate!.toString());
          else expect(s.periods.every((x) => !x.payment.isNegative() || x.payment.isZero())).toBe(true);
          // The steps hold the same payments, and the last step the identity.
          expect(s.steps.slice(0, -1).map((x) => (x.code === 'total' ? '' : x.payment.toString()))).toEqual(s.periods.map((x) => x.payment.toString()));
          const total = s.steps.at(-1)!;
          if (total.code === 'total') expect(total.totalPaid.toString()).toBe(paid.toString());
        },
      ),
      { numRuns: 200 },
    );
  });

  it('number and string inputs of the same value give identical results', () => {
    fc.assert(
      fc.property(rateTiers, cents(10_000_000_00), cents(100_000_00), fc.integer({ min: 0, max: 100 }), (tiers, sales, returns, kpi) => {
        const p = program({ tiers, gates: [{ metric: 'kpi', op: '>=', value: 50, onFail: { factor: '0.5' } }] });
        const asNumbers = calculateRebate(p, { sales, returns, metrics: { kpi } });
        const asStrings = calculateRebate(p, { sales: String(sales), returns: String(returns), metrics: { kpi: String(kpi) } });
        expect(JSON.stringify(asStrings)).toBe(JSON.stringify(asNumbers));
      }),
      { numRuns: 150 },
    );
  });

  it('the batch path of settleRebates gives exactly what settleRebate gives, dealer by dealer', () => {
    const quarter = fc.record({
      sales: cents(4_000_000_00),
      returns: cents(300_000_00),
      metrics: fc.record({ days: fc.integer({ min: 0, max: 100 }), kpi: fc.integer({ min: 0, max: 100 }) }),
    });
    fc.assert(
      fc.property(
        rateTiers,
        fc.array(fc.array(quarter, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }),
        fc.record({
          method: fc.constantFrom<'incremental' | 'retroactive' | 'step'>('incremental', 'retroactive', 'step'),
          stage: fc.constantFrom<'line' | 'total'>('line', 'total'),
          mode: fc.constantFrom('half-up', 'half-even', 'half-down', 'up', 'down', 'ceiling', 'floor' as const),
          upTo: fc.boolean(),
          cap: fc.option(fc.record({ amount: cents(200_000_00), rateOfBase: fc.option(rate, { nil: undefined }) }), { nil: undefined }),
          minimum: fc.option(fc.record({ amount: cents(1_000_00), whenBelow: fc.constantFrom<'raise' | 'forfeit'>('raise', 'forfeit') }), {
            nil: undefined,
          }),
          advance: fc.constantFrom<'cumulative' | 'period'>('cumulative', 'period'),
          negativeTrueUp: fc.constantFrom<'clawback' | 'carry' | 'waive'>('clawback', 'carry', 'waive'),
          holdback: fc.constantFrom(0, '0.1', '0.25', '0.333'),
          final: fc.boolean(),
          topMetrics: fc.boolean(),
        }),
        (tiers, dealers, o) => {
          const step = o.method === 'step';
          const specTiers = tiers.map((t, i) =>
            o.upTo
              ? { upTo: i + 1 < tiers.length ? tiers[i + 1]!.from : null, ...(step ? { fixed: i * 100 } : { rate: t.rate, fixed: i }) }
              : { from: t.from, ...(step ? { fixed: i * 100 } : { rate: t.rate, fixed: i }) },
          );
          const policy: RebateSettlementPolicy = { advance: o.advance, negativeTrueUp: o.negativeTrueUp, holdbackRate: o.holdback };
          let p;
          try {
            p = defineRebateProgram({
              settlement: policy,
              currency: 'CNY',
              rounding: { stage: o.stage, mode: o.mode as never },
              basis: 'amount',
              method: o.method,
              tiers: specTiers,
              gates: [{ metric: 'kpi', op: '>=', value: 40, onFail: { factor: '0.75' } }, { metric: 'kpi', op: '>', value: 5, onFail: 'zero' }],
              multipliers: [{ metric: 'days', bands: [{ from: 0, factor: '1.1' }, { from: 30, factor: 1 }, { from: 60, factor: '0.8' }] }],
              ...(o.cap === undefined ? {} : { cap: o.cap.rateOfBase === undefined ? { amount: o.cap.amount } : { amount: o.cap.amount, rateOfBase: o.cap.rateOfBase } }),
              ...(o.minimum === undefined ? {} : { minimum: o.minimum }),
            });
          } catch {
            return; // a minimum above the cap: not a program
          }
          const inputs = dealers.map((qs, d) => ({
            id: `D${d}`,
            periods: qs.map((q, i) => ({ period: `Q${i + 1}`, ...q })),
            ...(o.topMetrics ? { metrics: { days: 45, kpi: 60 } } : {}),
          }));
          const batch = settleRebates(p, inputs, { final: o.final });
          let total = new Decimal(0);
          inputs.forEach((input, d) => {
            const one = settleRebate(p, input, { final: o.final });
            const row = batch.rows[d]!;
            expect(row.id).toBe(input.id);
            const r = row.result!;
            expect(r.warnings).toEqual(one.warnings);
            expect(r.payments.map(String)).toEqual(one.periods.map((x) => x.payment.toString()));
            expect(String(r.annualRebate)).toBe(String(one.annualRebate));
            expect([r.totalPaid, r.carriedForward, r.waived].map(String)).toEqual([one.totalPaid, one.carriedForward, one.waived].map(String));
            expect(r.tier.index).toBe((one.annual ?? one.periods[one.periods.length - 1]!.calculation).tier.index);
            total = total.plus(one.totalPaid);
          });
          expect(batch.totals.totalPaid.toString()).toBe(total.toString());
        },
      ),
      { numRuns: 250 },
    );
  });
});
