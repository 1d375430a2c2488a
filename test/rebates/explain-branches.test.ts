// explainRebate on the growth bases (src/rebates/explain.ts): the "reached at" and "next tier"
// sentences for 'growth' and 'growthRate', and the zero-baseline sentence. Figures derived by hand
// in each test; growth programs pay on the increment by default.
import { describe, expect, it } from 'vitest';
import { calculateRebate, defineRebateProgram, explainRebate, type RebateProgramSpec } from 'dealerkit';

const common = { currency: 'EUR', rounding: { stage: 'line' }, method: 'retroactive' } as const;

describe('explainRebate on growth bases', () => {
  it("basis 'growth': 1,100,000 over 1,000,000 grows 100,000 → 5 % × 100,000 = 5,000; tier 2 from 200,000 pays 10 % × 200,000 = 20,000", () => {
    const p = defineRebateProgram({ ...common, basis: 'growth', tiers: [{ from: 0, rate: '0.05' }, { from: 200000, rate: '0.1' }] });
    expect(explainRebate(calculateRebate(p, { sales: 1100000, baseline: 1000000 }))).toEqual([
      'Tier 1 reached at growth of 100,000.00: 5 % × 100,000.00 = 5,000.00.',
      'Tier 2 from growth of 200,000.00 needs 100,000.00 more net sales; the rebate would then be 20,000.00 (+15,000.00).',
    ]);
  });
  it("basis 'growthRate': 1,050,000 over 1,000,000 is 5 % → 1 % × 50,000 = 500; tier 2 at 10 % needs 50,000 more and pays 2 % × 100,000 = 2,000", () => {
    const p = defineRebateProgram({ ...common, basis: 'growthRate', tiers: [{ from: 0, rate: '0.01' }, { from: '0.1', rate: '0.02' }] });
    expect(explainRebate(calculateRebate(p, { sales: 1050000, baseline: 1000000 }))).toEqual([
      'Tier 1 reached at 5.00 % growth: 1 % × 50,000.00 = 500.00.',
      'Tier 2 at 10.00 % growth needs 50,000.00 more net sales; the rebate would then be 2,000.00 (+1,500.00).',
    ]);
  });
  it("a zero baseline under zeroBaseline 'highest-tier' pays the top rate on the whole net: 2 % × 5,000 = 100", () => {
    const p = defineRebateProgram({ ...common, basis: 'growthRate', zeroBaseline: 'highest-tier', tiers: [{ from: 0, rate: '0.01' }, { from: '0.1', rate: '0.02' }] });
    expect(explainRebate(calculateRebate(p, { sales: 5000, baseline: 0 }))).toEqual([
      'Tier 2 reached with a zero baseline: 2 % × 5,000.00 = 100.00.',
      "Note: the baseline is 0, so the growth rate is undefined; zeroBaseline 'highest-tier' selects tiers[1] for the whole net amount.",
    ]);
  });
});

describe('explainRebate with a minimum', () => {
  const spec: RebateProgramSpec = { ...common, basis: 'amount', tiers: [{ from: 0, rate: '0.01' }, { from: 10000, rate: '0.02' }] };
  it("'raise': 1 % × 3,000 = 30 is raised to 50; tier 2 pays 2 % × 10,000 = 200, +150 over 50", () => {
    const p = defineRebateProgram({ ...spec, minimum: { amount: 50, whenBelow: 'raise' } });
    expect(explainRebate(calculateRebate(p, { sales: 3000 }))).toEqual([
      'Tier 1 reached at net sales of 3,000.00: 1 % × 3,000.00 = 30.00; raised to the minimum 50.00.',
      'Tier 2 from 10,000.00 needs 7,000.00 more net sales; the rebate would then be 200.00 (+150.00).',
    ]);
  });
  it("'forfeit': 30 below the minimum 50 pays nothing; tier 2's 200 is +200 over 0", () => {
    const p = defineRebateProgram({ ...spec, minimum: { amount: 50, whenBelow: 'forfeit' } });
    expect(explainRebate(calculateRebate(p, { sales: 3000 }))).toEqual([
      'Tier 1 reached at net sales of 3,000.00: 1 % × 3,000.00 = 30.00; below the minimum 50.00: forfeited.',
      'Tier 2 from 10,000.00 needs 7,000.00 more net sales; the rebate would then be 200.00 (+200.00).',
    ]);
  });
});
