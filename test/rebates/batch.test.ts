import { describe, expect, it } from 'vitest';
import { defineRebateProgram, settleRebate, settleRebates, type RebateProgramSpec, type RebateSettlementBatchInput, type RebateSettlementPolicy } from 'dealerkit';
import { programInternals } from '../../src/rebates/program.js';
import { thrown } from './helpers.js';

// The batch path of settleRebates takes plain numbers at the money scale in scaled integers and
// falls back to the Decimal path for anything else; either way it must give settleRebate's figures.

const base: RebateProgramSpec = {
  currency: 'CNY',
  rounding: { stage: 'line' },
  basis: 'amount',
  method: 'incremental',
  tiers: [{ from: 0, rate: '0.01' }, { from: 1000, rate: '0.02', fixed: 5 }],
  gates: [{ metric: 'kpi', op: '>=', value: 50, onFail: { factor: '0.5' } }],
  multipliers: [{ metric: 'days', bands: [{ from: 0, factor: '1.1' }, { from: 30, factor: 1 }] }],
  cap: { amount: 100000, rateOfBase: '0.5' },
  minimum: { amount: 1, whenBelow: 'raise' },
};
const policy: RebateSettlementPolicy = { advance: 'cumulative', holdbackRate: '0.2', negativeTrueUp: 'carry' };
const q = (id: string, sales: number | string, extra: Record<string, unknown> = {}) => ({ id, sales, metrics: { kpi: 60, days: 10 }, ...extra });

function same(spec: RebateProgramSpec, inputs: RebateSettlementBatchInput[], pol: RebateSettlementPolicy = policy): void {
  const p = defineRebateProgram(spec);
  const batch = settleRebates(p, inputs, pol);
  inputs.forEach(({ id, ...input }, i) => {
    const one = settleRebate(p, { ...input, policy: pol });
    const r = batch.results[i]!;
    expect(r.id).toBe(id ?? null);
    expect(r.payments.map(String)).toEqual(one.periods.map((x) => x.payment.toString()));
    expect([r.annualRebate, r.totalPaid, r.carriedForward, r.waived].map(String)).toEqual([one.annualRebate, one.totalPaid, one.carriedForward, one.waived].map(String));
  });
}

describe('settleRebates: the scaled-integer path and its fallbacks', () => {
  it('takes the integer path for an amount program of rates, fixed amounts, gates, multipliers, cap and minimum', () => {
    expect(programInternals(defineRebateProgram(base))!.fast).not.toBeNull();
  });

  it('programs the integer path does not take', () => {
    const slow: Partial<RebateProgramSpec>[] = [
      { basis: 'attainment' },
      { basis: 'quantity', method: 'retroactive', tiers: [{ from: 0, perUnit: 1 }] },
      { method: 'retroactive', tiers: [{ from: 0, perUnit: 1 }] },
      { rounding: { stage: 'line', scale: 7 } },
      { tiers: [{ from: 0 }, { from: '0.001', rate: '0.01' }] },
      { tiers: [{ from: 0, fixed: '0.001' }] },
      { tiers: [{ from: 0, rate: '0.0000000001' }] },
      { tiers: [{ from: 0, rate: '1e20' }] },
      { gates: [{ metric: 'kpi', op: '>=', value: '0.1000000000000000000001', onFail: 'zero' }] },
      { gates: [{ metric: 'kpi', op: '>=', value: 1, onFail: { factor: '0.0000000001' } }] },
      { multipliers: [{ metric: 'days', bands: [{ from: 0, factor: 1 }, { from: '1e21', factor: 1 }] }] },
      { multipliers: [{ metric: 'days', bands: [{ from: 0, factor: '0.0000000001' }] }] },
      { cap: { rateOfBase: '0.0000000001' } },
      { overAchievement: { above: 1, rate: '0.01' } },
    ];
    for (const over of slow) {
      const spec = { ...base, ...over } as RebateProgramSpec;
      const needsTarget = over.basis === 'attainment' || over.overAchievement !== undefined;
      const needsQuantity = over.basis === 'quantity' || JSON.stringify(over).includes('perUnit');
      expect(programInternals(defineRebateProgram(spec))!.fast, JSON.stringify(over)).toBeNull();
      same(spec, [
        {
          id: 'D1',
          periods: [q('Q1', 1500, needsQuantity ? { quantity: 10 } : {}), q('Q2', 800, needsQuantity ? { quantity: 5 } : {})],
          ...(needsTarget ? { target: 2000 } : {}),
        },
      ]);
    }
  });

  it('inputs that fall back to the Decimal path give the same figures', () => {
    same(base, [
      { id: 'numbers', periods: [q('Q1', 1500), q('Q2', 800, { returns: 100 })] },
      { id: 'strings', periods: [q('Q1', '1500'), q('Q2', 800)] },
      { id: 'sub-cent', periods: [q('Q1', 1500.001), q('Q2', 800)] },
      { id: 'float noise', periods: [q('Q1', 0.1 + 0.2), q('Q2', 800)] },
      { id: 'quantity given', periods: [q('Q1', 1500, { quantity: 3 }), q('Q2', 800)] },
      { id: 'string metric', periods: [{ id: 'Q1', sales: 1500, metrics: { kpi: '60', days: 10 } }] },
      { id: 'settlement metrics', periods: [{ id: 'Q1', sales: 1500, metrics: { days: 40 } }, { id: 'Q2', sales: 1, metrics: { days: 10 } }], metrics: { kpi: 40 } },
      { id: 'settlement target', periods: [q('Q1', 1500)], target: 5 },
      { id: 'recorded', periods: [q('Q1', 1500), q('Q2', 800)], paid: { Q1: 3 } },
      { id: 'huge', periods: [q('Q1', 9e13), q('Q2', 1)] },
      { periods: [q('Q1', 2500), q('Q2', 0, { returns: 2400 })] },
    ] as RebateSettlementBatchInput[]);
    same(base, [{ id: 'period', periods: [q('Q1', 1500), q('Q2', 800)] }], { advance: 'period', negativeTrueUp: 'waive' });
    same(base, [{ id: 'fine holdback', periods: [q('Q1', 1500), q('Q2', 800)] }], { ...policy, holdbackRate: '0.0000000001' });
    same({ ...base, rounding: { stage: 'total' } }, [{ id: 'overflow', periods: [q('Q1', 5e12), q('Q2', 1)] }]);
    same({ ...base, method: 'retroactive', rounding: { stage: 'total' } }, [{ id: 'overflow', periods: [q('Q1', 5e13)] }]);
    same({ ...base, gates: [{ metric: 'kpi', op: '<', value: 50, onFail: { factor: '0.33' } }] }, [{ id: 'gate', periods: [q('Q1', 9e12)] }]);
    same({ ...base, tiers: [{ upTo: 1000, rate: '0.01' }, { upTo: null, rate: '0.02' }] }, [{ id: 'upTo', periods: [q('Q1', 1000), q('Q2', 1)] }]);
  });

  it('bad inputs in a batch are reported by the Decimal path with their paths', () => {
    const p = defineRebateProgram(base);
    const cases: [unknown, string][] = [
      [null, '[dealerkit] inputs[0]: must be an object, received null'],
      [{ periods: [], id: 'x' }, '[dealerkit] inputs[0].periods: must hold at least 1 item'],
      [{ periods: [q('Q1', 1)], extra: 1 }, '[dealerkit] inputs[0].extra: is not a known field'],
      [{ periods: [q('Q1', 1), q('Q1', 2)] }, '[dealerkit] inputs[0].periods[1].id: "Q1" is listed twice (first at periods[0])'],
      [{ periods: [{ ...q('Q1', 1), note: 'x' }] }, '[dealerkit] inputs[0].periods[0].note: is not a known field'],
      [{ periods: [{ id: '', sales: 1, metrics: { kpi: 60, days: 10 } }] }, '[dealerkit] inputs[0].periods[0].id: must not be empty'],
      [{ periods: [null] }, '[dealerkit] inputs[0].periods[0]: must be an object, received null'],
      [{ periods: [q('Q1', 1)], metrics: [] }, '[dealerkit] inputs[0].metrics: must be a record, received an array'],
      [{ periods: [{ id: 'Q1', sales: 1, metrics: { kpi: Number.POSITIVE_INFINITY, days: 1 } }] }, '[dealerkit] inputs[0].periods[0].metrics.kpi: must be a number or a numeric string, received Infinity'],
      [{ periods: [{ id: 'Q1', sales: 1, metrics: { days: 1 } }] }, '[dealerkit] inputs[0].periods[0].metrics.kpi: is required by gates[0] (kpi >= 50)'],
      [{ periods: [{ id: 'Q1', sales: 1, metrics: { kpi: 1, days: -1 } }] }, '[dealerkit] inputs[0].periods[0].metrics.days: is below the first band of multipliers[0] (from 0), received -1'],
      [{ periods: [{ id: 'Q1', sales: 1, metrics: null }] }, '[dealerkit] inputs[0].periods[0].metrics: must be a record, received null'],
      [{ periods: 'Q1' }, '[dealerkit] inputs[0].periods: must be an array, received "Q1"'],
    ];
    for (const [input, message] of cases) expect(thrown(() => settleRebates(p, [input as never], policy)).message).toBe(message);
  });

  it('a batch of many periods and a mid-year run', () => {
    const periods = Array.from({ length: 20 }, (_, i) => q(`M${i + 1}`, 100 * (i + 1)));
    same(base, [{ id: 'long', periods }]);
    same(base, [{ id: 'mid', periods: periods.slice(0, 3) }], { ...policy, final: false });
    const run = settleRebates(defineRebateProgram(base), [{ periods: periods.slice(0, 3) }], { ...policy, final: false });
    expect([run.results[0]!.annualRebate, run.totals.annualRebate.toString()]).toEqual([null, '0']);
  });
});
