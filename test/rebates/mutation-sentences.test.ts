// The sentences of explainRebate, explainAccrual and explainSettlement that no other test of
// test/rebates reached (measured with coverage over test/rebates alone, which is what the mutation
// run of src/rebates executes): `upTo` bounds ("above", "more than", "any more"), next tiers on a
// quantity or growth basis, a gate or multiplier applied to nothing, a capped over-achievement award,
// accruals on units and of nothing, a waived or not-yet-clawed overpayment, and the refusals of a
// settlement whose steps no longer match its periods. Every figure is derived by hand in the test.
import { describe, expect, it } from 'vitest';
import {
  accrueRebate,
  calculateRebate,
  defineRebateProgram,
  explainAccrual,
  explainRebate,
  explainSettlement,
  settleRebate,
  type RebateProgramSpec,
} from 'dealerkit';
import { sapProgram, thrown } from './helpers.js';

const common = { currency: 'EUR', rounding: { stage: 'line' }, method: 'retroactive' } as const;
const explain = (spec: RebateProgramSpec, input: Parameters<typeof calculateRebate>[1]): string[] =>
  explainRebate(calculateRebate(defineRebateProgram(spec), input));

describe('next-tier sentences by basis and bound style', () => {
  it("quantity, 'from' bounds: 60 units × 1.00 = 60.00; tier 2 from 100 units needs 40 more and pays 100 × 2 = 200 (+140)", () => {
    expect(explain({ ...common, basis: 'quantity', tiers: [{ from: 0, perUnit: 1 }, { from: 100, perUnit: 2 }] }, { quantity: 60 })).toEqual([
      'Tier 1 reached at 60 net units: 60 × 1.00 = 60.00.',
      'Tier 2 from 100 units needs 40 more units; the rebate would then be 200.00 (+140.00).',
    ]);
  });
  it("quantity, 'upTo' bounds: below the bound the next tier is 'above 100 units' and needs 'more than 40 more units'", () => {
    const spec: RebateProgramSpec = { ...common, basis: 'quantity', tiers: [{ upTo: 100, perUnit: 1 }, { upTo: null, perUnit: 2 }] };
    expect(explain(spec, { quantity: 60 })).toEqual([
      'Tier 1 reached at 60 net units: 60 × 1.00 = 60.00.',
      'Tier 2 above 100 units needs more than 40 more units; the rebate would then be 200.00 (+140.00).',
    ]);
    // Exactly at the inclusive upper bound 100: still tier 1 (100 × 1 = 100), and any more unit moves up.
    expect(explain(spec, { quantity: 100 })).toEqual([
      'Tier 1 reached at 100 net units: 100 × 1.00 = 100.00.',
      'Tier 2 above 100 units needs any more units; the rebate would then be 200.00 (+100.00).',
    ]);
  });
  it("amount, 'upTo' bounds: 400 → 1 % = 4.00, tier 2 above 1,000 needs more than 600 (2 % × 1,000 = 20, +16); at 1,000 exactly, any more", () => {
    const spec: RebateProgramSpec = { ...common, basis: 'amount', tiers: [{ upTo: 1000, rate: '0.01' }, { upTo: null, rate: '0.02' }] };
    expect(explain(spec, { sales: 400 })).toEqual([
      'Tier 1 reached at net sales of 400.00: 1 % × 400.00 = 4.00.',
      'Tier 2 above 1,000.00 needs more than 600.00 more net sales; the rebate would then be 20.00 (+16.00).',
    ]);
    expect(explain(spec, { sales: 1000 })).toEqual([
      'Tier 1 reached at net sales of 1,000.00: 1 % × 1,000.00 = 10.00.',
      'Tier 2 above 1,000.00 needs any more net sales; the rebate would then be 20.00 (+10.00).',
    ]);
  });
  it("growth, 'upTo' bounds: 5,400 over a 5,000 baseline grows 400 → 4.00; tier 2 above growth of 1,000 needs sales above 6,000, more than 600 more", () => {
    expect(explain({ ...common, basis: 'growth', tiers: [{ upTo: 1000, rate: '0.01' }, { upTo: null, rate: '0.02' }] }, { sales: 5400, baseline: 5000 })).toEqual([
      'Tier 1 reached at growth of 400.00: 1 % × 400.00 = 4.00.',
      'Tier 2 above growth of 1,000.00 needs more than 600.00 more net sales; the rebate would then be 20.00 (+16.00).',
    ]);
  });
});

describe('adjustments in the main sentence', () => {
  it("a failed gate with onFail 'zero' voids the 10.00 (1 % × 1,000): the sentence ends on 'no rebate', with no separate rebate figure", () => {
    const spec: RebateProgramSpec = { ...common, basis: 'amount', tiers: [{ from: 0, rate: '0.01' }], gates: [{ metric: 'onTime', op: '>=', value: '0.9', onFail: 'zero' }] };
    expect(explain(spec, { sales: 1000, metrics: { onTime: '0.8' } })).toEqual(['Tier 1 reached at net sales of 1,000.00: 1 % × 1,000.00 = 10.00; onTime 0.8 fails ≥ 0.9: no rebate.']);
  });
  it('a failing gate factor on a zero amount says nothing; the next tier carries it: 1 % × 500 = 5.00 × 0.5 = 2.50', () => {
    const spec: RebateProgramSpec = {
      ...common,
      basis: 'amount',
      tiers: [{ from: 0 }, { from: 500, rate: '0.01' }],
      gates: [{ metric: 'onTime', op: '>=', value: '0.9', onFail: { factor: '0.5' } }],
    };
    expect(explain(spec, { sales: 100, metrics: { onTime: '0.8' } })).toEqual([
      'Tier 1 reached at net sales of 100.00: nothing to pay at this tier.',
      'Tier 2 from 500.00 needs 400.00 more net sales; the rebate would then be 2.50 (+2.50).',
    ]);
  });
  it('a multiplier on a zero amount says nothing either; at tier 2, 1 % × 500 = 5.00 × 1.1 = 5.50', () => {
    const spec: RebateProgramSpec = { ...common, basis: 'amount', tiers: [{ from: 0 }, { from: 500, rate: '0.01' }], multipliers: [{ metric: 'days', bands: [{ from: 0, factor: '1.1' }] }] };
    expect(explain(spec, { sales: 100, metrics: { days: 10 } })).toEqual([
      'Tier 1 reached at net sales of 100.00: nothing to pay at this tier.',
      'Tier 2 from 500.00 needs 400.00 more net sales; the rebate would then be 5.50 (+5.50).',
    ]);
  });
  it('a capped over-achievement award: 200 % of target, 1 % × 2,000 = 20 plus 2 % × (2,000 − 1,000) = 20 capped at 10: rebate 30.00', () => {
    const spec: RebateProgramSpec = { ...common, basis: 'attainment', tiers: [{ from: 0, rate: '0.01' }], overAchievement: { above: 1, rate: '0.02', cap: 10 } };
    expect(explain(spec, { sales: 2000, target: 1000 })).toEqual([
      'Tier 1 reached at 200.00 % of target: 1 % × 2,000.00 = 20.00; over-achievement 2 % × 1,000.00, capped at 10.00; rebate 30.00.',
    ]);
  });
});

describe('explainAccrual', () => {
  const period = { periodStart: '2025-01-01', periodEnd: '2025-12-31', asOf: '2025-06-30' } as const;
  it('on units: 150 units forecast pay 150 × 2 = 300; 60 of them sold so far accrue 300 × 60 / 150 = 120; today 60 < 100 pays 0', () => {
    const q = defineRebateProgram({ ...common, basis: 'quantity', tiers: [{ from: 0 }, { from: 100, perUnit: 2 }] });
    // 2025-01-01 to 2025-06-30 inclusive: 31 + 28 + 31 + 30 + 31 + 30 = 181 of 365 days.
    expect(explainAccrual(accrueRebate(q, { quantityToDate: 60, salesToDate: 600, ...period, method: 'forecast', forecast: { quantity: 150, sales: 1500 } }))).toEqual([
      'Forecast: 1,500.00 of net sales for the period (600.00 to date after 181 of 365 days).',
      'Tier 2 reached at 150 net units: 150 × 2.00 = 300.00.',
      'Accrue 120.00 now: the projected rebate 300.00 × 60 units sold to date / 150 projected.',
      'If the period ended today, the rebate would be 0.00.',
    ]);
  });
  it('nothing sold to date accrues nothing, whatever the forecast (2 % × 30,000 = 600 projected)', () => {
    const a = defineRebateProgram({ ...common, basis: 'amount', tiers: [{ from: 0 }, { from: 5000, rate: '0.02' }] });
    expect(explainAccrual(accrueRebate(a, { salesToDate: 0, ...period, method: 'forecast', forecast: { sales: 30000 } }))).toEqual([
      'Forecast: 30,000.00 of net sales for the period (0.00 to date after 181 of 365 days).',
      'Tier 2 reached at net sales of 30,000.00: 2 % × 30,000.00 = 600.00.',
      'Accrue 0.00 now: nothing is projected or nothing was sold to date.',
      'If the period ended today, the rebate would be 0.00.',
    ]);
  });
  it("a negative forecast is refused at its own path, 'forecast.sales'", () => {
    const a = defineRebateProgram({ ...common, basis: 'amount', tiers: [{ from: 0 }, { from: 5000, rate: '0.02' }] });
    const e = thrown(() => accrueRebate(a, { salesToDate: 10, ...period, method: 'forecast', forecast: { sales: -5 } }));
    expect([e.code, e.issues.map((i) => i.path)]).toEqual(['out_of_range', [['forecast', 'sales']]]);
    expect(e.message).toBe('[dealerkit] forecast.sales: must not be negative, received -5');
  });
});

describe('explainSettlement: overpayments not clawed back', () => {
  const tiers = [{ from: 0 }, { from: 5000, rate: '0.02' }, { from: 20000, rate: '0.04' }];
  const waive = () => defineRebateProgram({ ...common, basis: 'amount', tiers, settlement: { advance: 'cumulative', negativeTrueUp: 'waive' } });
  it('waived at the year end: 4 % × 25,000 = 1,000 advanced, the year nets 15,000 → 300, so 700 overpaid is waived', () => {
    expect(explainSettlement(settleRebate(waive(), { periods: [{ period: 'P1', sales: 25000 }, { period: 'P2', sales: 0, returns: 10000 }] }))).toEqual([
      'P1: Tier 3 reached at net sales of 25,000.00: 4 % × 25,000.00 = 1,000.00 → pays 1,000.00.',
      'P2 closes the year: Tier 2 reached at net sales of 15,000.00: 2 % × 15,000.00 = 300.00; less 1,000.00 paid → pays 0.00; 700.00 overpaid is waived.',
      'Paid over the year 1,000.00 = annual rebate 300.00 + 700.00 waived.',
    ]);
  });
  it('mid-year a negative due is not taken back (only a clawback policy does); the year end waives 1,000 − 2 % × 15,100 = 698', () => {
    expect(
      explainSettlement(settleRebate(waive(), { periods: [{ period: 'P1', sales: 25000 }, { period: 'P2', sales: 0, returns: 10000 }, { period: 'P3', sales: 100 }] })),
    ).toEqual([
      'P1: Tier 3 reached at net sales of 25,000.00: 4 % × 25,000.00 = 1,000.00 → pays 1,000.00.',
      'P2: Tier 2 reached at net sales of 15,000.00: 2 % × 15,000.00 = 300.00; less 1,000.00 paid → pays 0.00 (-700.00 due: only a clawback policy takes money back before the year end).',
      'P3 closes the year: Tier 2 reached at net sales of 15,100.00: 2 % × 15,100.00 = 302.00; less 1,000.00 paid → pays 0.00; 698.00 overpaid is waived.',
      'Paid over the year 1,000.00 = annual rebate 302.00 + 698.00 waived.',
    ]);
  });
});

describe('explainSettlement refuses a settlement whose steps no longer match it', () => {
  // P1 7,000 → 2 % = 140 advanced; the year 27,000 → 4 % = 1,080, less 140 → 940 (SAP's partial and final settlement).
  const json = (): Record<string, unknown> & { periods: unknown[]; steps: unknown[]; annual: unknown } =>
    JSON.parse(JSON.stringify(settleRebate(sapProgram(), { periods: [{ period: 'P1', sales: 7000 }, { period: 'P2', sales: 20000 }] })));
  it('read back from JSON as it is, it explains', () => {
    expect(explainSettlement(json() as never)[1]).toBe('P2 closes the year: Tier 3 reached at net sales of 27,000.00: 4 % × 27,000.00 = 1,080.00; less 140.00 paid → pays 940.00.');
  });
  it('with no periods (and no advances)', () => {
    const r = json();
    r.periods = [];
    r.steps = (r.steps as { code: string }[]).filter((s) => s.code !== 'advance');
    const e = thrown(() => explainSettlement(r as never));
    expect([e.code, e.issues.map((i) => [i.path, i.code])]).toEqual(['invalid_input', [[['result', 'periods'], 'too_short']]]);
    expect(e.message).toBe('[dealerkit] result.periods: must hold the settled periods: a settlement has at least one');
  });
  it('with its advance moved after the true-up: the advance now stands beside P2', () => {
    const r = json();
    r.steps = [r.steps[1], r.steps[0], ...r.steps.slice(2)];
    const e = thrown(() => explainSettlement(r as never));
    expect(e.issues.map((i) => [i.path, i.code])).toEqual([[['result', 'steps', 1, 'period'], 'inconsistent']]);
    expect(e.message).toBe('[dealerkit] result.steps[1].period: is not the period at the same place in periods: a step was removed or moved');
  });
  it('with the annual calculation removed beside its true-up', () => {
    const r = json();
    r.annual = null;
    const e = thrown(() => explainSettlement(r as never));
    expect(e.message).toBe('[dealerkit] result.annual: is null, but the steps hold a true-up: the annual calculation is missing');
  });
  it('a value that is not a result at all, as a DealerkitError at path result', () => {
    for (const bad of [42, 'x', null]) {
      const e = thrown(() => explainSettlement(bad as never));
      expect([e.code, e.message]).toEqual(['invalid_input', '[dealerkit] result: must be a result dealerkit made']);
    }
  });
});
