// The figures a rebate result may hold as null only beside others (requireRebateFigures in
// src/rebates/explain.ts): a result read back from JSON with one of them set to null is refused at that
// figure's path, with the exact code and message; the same null where the shape allows it explains.
// Every figure in the sentences is derived by hand in the test.
import { describe, expect, it } from 'vitest';
import { calculateRebate, defineRebateProgram, explainAccrual, explainRebate, explainSettlement, accrueRebate, settleRebate } from 'dealerkit';
import { thrown } from './helpers.js';

const common = { currency: 'EUR', rounding: { stage: 'line' }, method: 'retroactive' } as const;
type Json = Record<string, unknown> & { steps: Record<string, unknown>[]; basisValue: unknown };
const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

// 12 units − 2 returned = 10 net; 1,000 − 10 returns = 990 net sales; 1 % × 990 + 10 × 2 = 9.90 + 20 = 29.90.
const units = () => defineRebateProgram({ ...common, basis: 'quantity', tiers: [{ from: 0, rate: '0.01', perUnit: 2 }] });
const unitsResult = (): Json => copy(calculateRebate(units(), { quantity: 12, returnedQuantity: 2, sales: 1000, returns: 10 })) as unknown as Json;

const refusal = (r: unknown) => {
  const e = thrown(() => explainRebate(r as never));
  return { code: e.code, message: e.message, issues: e.issues.map((i) => ({ path: i.path, code: i.code })) };
};

describe('a null figure that needs another beside it is refused at its path', () => {
  it('read back as it is, the result explains (steps: basis, tier, rounding)', () => {
    const r = unitsResult();
    expect(r.steps.map((s) => s.code)).toEqual(['basis', 'tier', 'rounding']);
    expect(explainRebate(r as never)).toEqual(['Tier 1 reached at 10 net units: 1 % × 990.00 + 10 × 2.00 = 29.90.']);
  });
  it("a rate's base", () => {
    const r = unitsResult();
    r.steps[1]!.base = null;
    expect(refusal(r)).toEqual({
      code: 'invalid_input',
      message: '[dealerkit] result.steps[1].base: must be a finite decimal figure beside a rate, not null',
      issues: [{ path: ['result', 'steps', 1, 'base'], code: 'invalid_type' }],
    });
    const e = thrown(() => explainRebate(r as never));
    expect(e.issues[0]).toMatchObject({ expected: 'a finite decimal figure', received: 'null' });
  });
  it('the units beside an amount per unit', () => {
    const r = unitsResult();
    r.steps[1]!.units = null;
    expect(refusal(r)).toEqual({
      code: 'invalid_input',
      message: '[dealerkit] result.steps[1].units: must be a finite decimal figure beside an amount per unit, not null',
      issues: [{ path: ['result', 'steps', 1, 'units'], code: 'invalid_type' }],
    });
  });
  it('the gross units beside returned units', () => {
    const r = unitsResult();
    r.steps[0]!.quantity = null;
    expect(refusal(r).message).toBe('[dealerkit] result.steps[0].quantity: must be a finite decimal figure beside returned units, not null');
  });
  it('the gross sales beside returns', () => {
    const r = unitsResult();
    r.steps[0]!.sales = null;
    expect(refusal(r).message).toBe('[dealerkit] result.steps[0].sales: must be a finite decimal figure beside returns, not null');
  });
  it('the basis value of a quantity basis', () => {
    const r = unitsResult();
    r.basisValue = null;
    expect(refusal(r)).toEqual({
      code: 'invalid_input',
      message: '[dealerkit] result.basisValue: must be a finite decimal figure for the basis quantity (null only for a growth rate over a zero baseline), not null',
      issues: [{ path: ['result', 'basisValue'], code: 'invalid_type' }],
    });
  });
  it('the cap of an award that was capped: 1 % × 2,000 = 20; 2 % × (2,000 − 1,000) = 20 capped at 10', () => {
    const p = defineRebateProgram({ ...common, basis: 'attainment', tiers: [{ from: 0, rate: '0.01' }], overAchievement: { above: 1, rate: '0.02', cap: 10 } });
    const r = copy(calculateRebate(p, { sales: 2000, target: 1000 })) as unknown as Json;
    expect(r.steps.map((s) => s.code)).toEqual(['basis', 'tier', 'over-achievement', 'rounding']);
    r.steps[2]!.cap = null;
    expect(refusal(r)).toEqual({
      code: 'invalid_input',
      message: '[dealerkit] result.steps[2].cap: must be a finite decimal figure when the award was capped, not null',
      issues: [{ path: ['result', 'steps', 2, 'cap'], code: 'invalid_type' }],
    });
  });
  it('the growth of a growth basis over a baseline: 2,000 − 1,000 = 1,000 → 1 % = 10', () => {
    const p = defineRebateProgram({ ...common, basis: 'growth', tiers: [{ from: 0, rate: '0.01' }] });
    const r = copy(calculateRebate(p, { sales: 2000, baseline: 1000 })) as unknown as Json;
    expect(explainRebate(r as never)).toEqual(['Tier 1 reached at growth of 1,000.00: 1 % × 1,000.00 = 10.00.']);
    const v = copy(r);
    v.steps[0]!.value = null;
    expect(refusal(v).message).toBe('[dealerkit] result.steps[0].value: must be a finite decimal figure for a growth over a baseline, not null');
    const b = copy(r);
    b.basisValue = null;
    expect(refusal(b).message).toBe(
      '[dealerkit] result.basisValue: must be a finite decimal figure for the basis growth (null only for a growth rate over a zero baseline), not null',
    );
  });
  it('inside a settlement and an accrual, at the path of the calculation', () => {
    const p = defineRebateProgram({ ...common, basis: 'amount', tiers: [{ from: 0 }, { from: 5000, rate: '0.02' }], settlement: { advance: 'cumulative', negativeTrueUp: 'clawback' } });
    const s = copy(settleRebate(p, { periods: [{ period: 'P1', sales: 7000 }, { period: 'P2', sales: 1000 }] })) as unknown as { periods: { calculation: Json }[]; annual: Json };
    const s1 = copy(s);
    s1.periods[1]!.calculation.basisValue = null;
    expect(thrown(() => explainSettlement(s1 as never)).message).toBe(
      '[dealerkit] result.periods[1].calculation.basisValue: must be a finite decimal figure for the basis amount (null only for a growth rate over a zero baseline), not null',
    );
    const s2 = copy(s);
    s2.annual.basisValue = null;
    expect(thrown(() => explainSettlement(s2 as never)).message).toBe(
      '[dealerkit] result.annual.basisValue: must be a finite decimal figure for the basis amount (null only for a growth rate over a zero baseline), not null',
    );
    const a = copy(accrueRebate(p, { salesToDate: 6000, periodStart: '2025-01-01', periodEnd: '2025-12-31', asOf: '2025-06-30', method: 'actual' })) as unknown as {
      projected: Json;
      actualToDate: Json;
    };
    const a1 = copy(a);
    a1.projected.basisValue = null;
    expect(thrown(() => explainAccrual(a1 as never)).message).toBe(
      '[dealerkit] result.projected.basisValue: must be a finite decimal figure for the basis amount (null only for a growth rate over a zero baseline), not null',
    );
    const a2 = copy(a);
    a2.actualToDate.basisValue = null;
    expect(thrown(() => explainAccrual(a2 as never)).message).toBe(
      '[dealerkit] result.actualToDate.basisValue: must be a finite decimal figure for the basis amount (null only for a growth rate over a zero baseline), not null',
    );
  });
});

describe('the same nulls where nothing needs them explain', () => {
  it("a growth rate over a zero baseline has no basis value: 'highest-tier' pays 2 % × 5,000 = 100", () => {
    const p = defineRebateProgram({ ...common, basis: 'growthRate', zeroBaseline: 'highest-tier', tiers: [{ from: 0, rate: '0.01' }, { from: '0.1', rate: '0.02' }] });
    const r = copy(calculateRebate(p, { sales: 5000, baseline: 0 })) as unknown as Json;
    expect(r.basisValue).toBeNull();
    expect(explainRebate(r as never)[0]).toBe('Tier 2 reached with a zero baseline: 2 % × 5,000.00 = 100.00.');
  });
  it('a tier with no rate, no per-unit amount and no returns holds null base, units, gross figures and cap', () => {
    // Tier 2 pays 50 fixed; no returns, so gross units and sales are not needed; an uncapped award has no cap.
    const p = defineRebateProgram({ ...common, basis: 'quantity', tiers: [{ from: 0 }, { from: 10, fixed: 50 }] });
    const r = copy(calculateRebate(p, { quantity: 12 })) as unknown as Json;
    const tier = r.steps[1]!;
    expect([tier.rate, tier.base, tier.perUnit]).toEqual([null, null, null]);
    tier.units = null;
    r.steps[0]!.quantity = null;
    r.steps[0]!.sales = null;
    expect(explainRebate(r as never)).toEqual(['Tier 2 reached at 12 net units: 50.00 fixed = 50.00.']);
  });
  it('an award that was not capped needs no cap: 2 % × (1,500 − 1,000) = 10 beside 1 % × 1,500 = 15', () => {
    const p = defineRebateProgram({ ...common, basis: 'attainment', tiers: [{ from: 0, rate: '0.01' }], overAchievement: { above: 1, rate: '0.02' } });
    const r = copy(calculateRebate(p, { sales: 1500, target: 1000 })) as unknown as Json;
    r.steps[2]!.cap = null;
    expect(explainRebate(r as never)).toEqual(['Tier 1 reached at 150.00 % of target: 1 % × 1,500.00 = 15.00; over-achievement 2 % × 500.00 = 10.00; rebate 25.00.']);
  });
});

describe('options', () => {
  const result = () => calculateRebate(defineRebateProgram({ ...common, basis: 'amount', tiers: [{ from: 0, rate: '0.01' }] }), { sales: 1000 });
  it('null is refused like any value that is not an object; undefined takes the defaults', () => {
    const r = result();
    const e = thrown(() => explainRebate(r, null as never));
    expect([e.code, e.message, e.issues[0]!.path, e.issues[0]!.code]).toEqual(['invalid_input', '[dealerkit] options: must be an object', ['options'], 'invalid_type']);
    // 1 % × 1,000 = 10.
    expect(explainRebate(r, undefined)).toEqual(['Tier 1 reached at net sales of 1,000.00: 1 % × 1,000.00 = 10.00.']);
    expect(explainRebate(r, {})).toEqual(['Tier 1 reached at net sales of 1,000.00: 1 % × 1,000.00 = 10.00.']);
  });
});
