import { describe, expect, it } from 'vitest';
import { calculateRebate, defineRebateProgram, settleRebate, settleRebates, type RebateProgramSpec } from 'dealerkit';

// Issue 18 point 4: a dealer with no sales, or a net basis of zero or below, earns no tier's fixed
// amount (the issue: billing engines do not charge a first tier's flat fee at zero units, and a
// rebate program would otherwise pay a dealer that sold nothing). Expected values are hand
// derivations: with a positive net, the tier's fixed amount (plus its rate × the net) is paid.

const METHODS = ['retroactive', 'incremental', 'step'] as const;
const STAGES = ['line', 'total'] as const;

function tiers(bounds: 'from' | 'upTo', method: (typeof METHODS)[number]): RebateProgramSpec['tiers'] {
  const pays = (i: number) => (method === 'step' ? { fixed: 100 * (i + 1) } : { rate: '0.01', fixed: 100 * (i + 1) });
  return bounds === 'from'
    ? [{ from: 0, ...pays(0) }, { from: 1000, ...pays(1) }]
    : [{ upTo: 1000, ...pays(0) }, { upTo: null, ...pays(1) }];
}

function program(bounds: 'from' | 'upTo', method: (typeof METHODS)[number], stage: (typeof STAGES)[number], basis: 'amount' | 'quantity' = 'amount') {
  return defineRebateProgram({ currency: 'CNY', rounding: { stage }, basis, method, tiers: tiers(bounds, method) });
}

describe('no fixed amount at a net basis of zero or below (issue 18 point 4)', () => {
  for (const bounds of ['from', 'upTo'] as const) {
    for (const method of METHODS) {
      for (const stage of STAGES) {
        it(`${method}, ${bounds} bounds, ${stage} stage: no sales, zero net and negative net pay 0`, () => {
          const p = program(bounds, method, stage);
          for (const input of [{ sales: 0 }, { sales: 500, returns: 500 }, { sales: 200, returns: 900 }]) {
            const r = calculateRebate(p, input);
            expect(r.rebate.toString()).toBe('0');
            expect(r.unrounded.toString()).toBe('0');
            for (const s of r.steps) if (s.code === 'tier') expect(s.fixed).toBeNull();
          }
        });
        it(`${method}, ${bounds} bounds, ${stage} stage: one cent of net sales earns the first tier's fixed amount`, () => {
          // 0.01 × 0.01 = 0.0001 → 0 at the fen (half-up, line or total), + fixed 100 (step: fixed 100 alone).
          expect(calculateRebate(program(bounds, method, stage), { sales: '0.01' }).rebate.toString()).toBe('100');
        });
      }
    }
  }

  it('on a quantity basis, zero net units pay no fixed amount; one unit pays it', () => {
    for (const bounds of ['from', 'upTo'] as const) {
      for (const method of ['retroactive', 'step'] as const) {
        const p = defineRebateProgram({
          currency: 'CNY',
          rounding: { stage: 'line' },
          basis: 'quantity',
          method,
          tiers: bounds === 'from' ? [{ from: 0, fixed: 50 }, { from: 10, fixed: 80 }] : [{ upTo: 10, fixed: 50 }, { upTo: null, fixed: 80 }],
        });
        expect(calculateRebate(p, { quantity: 0 }).rebate.toString()).toBe('0');
        expect(calculateRebate(p, { quantity: 5, returnedQuantity: 7 }).rebate.toString()).toBe('0');
        expect(calculateRebate(p, { quantity: 1 }).rebate.toString()).toBe('50');
      }
    }
  });

  it('the batch path agrees: a quarter without sales earns no fixed amount in settleRebates', () => {
    for (const method of METHODS) {
      const p = defineRebateProgram({
        currency: 'CNY',
        rounding: { stage: 'line' },
        basis: 'amount',
        method,
        tiers: tiers('from', method),
        settlement: { advance: 'period', negativeTrueUp: 'clawback' },
      });
      const input = { periods: [{ period: 'Q1', sales: 0 }, { period: 'Q2', sales: 0 }] };
      const one = settleRebate(p, input);
      const batch = settleRebates(p, [input]).rows[0]!.result!;
      // Both quarters and the year: net 0, so 0 everywhere.
      expect(one.periods.map((x) => x.payment.toString())).toEqual(['0', '0']);
      expect(batch.payments.map(String)).toEqual(['0', '0']);
      expect(String(batch.annualRebate)).toBe('0');
    }
  });
});
