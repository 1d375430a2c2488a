import { describe, expect, it } from 'vitest';
import { analyzeInventoryHealth, explainInventoryHealth, explainReorderPlan, planReorder, type InventoryHealthInput } from 'dealerkit';
import { thrown } from '../helpers.js';

// One SKU with no demand: 100 on hand at 10.00, received 2026-10-01 (31 days before asOf).
// COGS 20,001 on an average inventory of 20,000 over 365 days, carrying 25 % a year on 365 days.
// By hand: value 100 × 10 = 1,000.00; turnover 20,001 / 20,000 = 1.00005 exactly (kept at 6 places
// with ratioScale 6), which a text rounds half-up to 4 places: 1.0001 (half-even would give 1.0000 → 1);
// turnover days 365 × 20,000 / 20,001 = 7,300,000 / 20,001 = 364.98175091… → 364.981751 → 364.9818;
// slow-moving: no demand, so 1 SKU, 100 % of the value; holding cost 20,000 × 0.25 × 365 / 365 = 5,000.00.
const one: InventoryHealthInput = {
  items: [{ id: 'only', onHand: 100, unitCost: '10', demandPerDay: 0, receivedOn: '2026-10-01' }],
  cogs: '20001',
  averageInventoryValue: '20000',
  periodDays: 365,
  asOf: '2026-11-01',
  slowMovingDays: 90,
  ageBuckets: [30, 60, 90],
  carryingRatePerYear: 0.25,
  daysPerYear: 365,
};

describe('explainInventoryHealth: headline figures and refusals', () => {
  it('rounds ratios half-up to 4 places and says 1 SKU in the singular', () => {
    const h = analyzeInventoryHealth(one, { ratioScale: 6 });
    expect(explainInventoryHealth(h)[0]).toBe(
      'Stock worth 1,000.00 turned over 1.0001 times in 365 days (every 364.9818 days); 100.00 % of its value is slow-moving (1 SKU); holding cost 5,000.00.',
    );
  });

  it('refuses a health check without its turnover step or its holding-cost step', () => {
    const h = analyzeInventoryHealth(one);
    for (const drop of ['turnover', 'holding-cost']) {
      const e = thrown(() => explainInventoryHealth({ ...h, steps: h.steps.filter((s) => s.code !== drop) }));
      expect(e.message).toContain('must be a result of analyzeInventoryHealth');
      expect(e.issues).toHaveLength(1);
      expect(e.issues[0]).toMatchObject({ path: ['health'], code: 'invalid_type', expected: 'an InventoryHealth', message: 'must be a result of analyzeInventoryHealth' });
    }
  });

  it('refuses options that are null or not an object, with what it expected', () => {
    const h = analyzeInventoryHealth(one);
    for (const bad of [null, 'de', 7]) {
      const e = thrown(() => explainInventoryHealth(h, bad as never));
      expect(e.issues[0]).toMatchObject({ path: ['options'], code: 'invalid_type', expected: 'an object', message: 'must be an object with an optional locale' });
    }
  });
});

describe('explainReorderPlan: options', () => {
  it('refuses null options at options, expecting an object', () => {
    const plan = planReorder(
      { service: { cycle: 0.95 }, orderQuantity: { fixed: 100 } },
      { id: 'SKU-1', demand: { meanPerDay: 20, sdPerDay: 5 }, leadTime: { days: 7 }, stock: { onHand: 150, onOrder: 0 } },
    );
    const e = thrown(() => explainReorderPlan(plan, null as never));
    expect(e.issues[0]).toMatchObject({ path: ['options'], code: 'invalid_type', expected: 'an object', message: 'must be an object with an optional locale' });
  });
});
