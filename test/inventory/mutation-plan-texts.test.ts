import { describe, expect, it } from 'vitest';
import { explainReorderPlan, planReorder, planReorders, type ReorderItem, type ReorderPolicy } from 'dealerkit';
import { thrown } from '../helpers.js';

// The seeds' SKU (see explain.test.ts): d 20 (σ 5), L 7, on hand 150, fixed lots of 100.
// z = 1.6448536, σ_L = 5√7 = 13.2288, SS = 21.7594, ROP = 161.7594, max = 261.7594; position 150 → reorder 100.
const fixed: ReorderPolicy = { service: { cycle: 0.95 }, orderQuantity: { fixed: 100 } };
const sku: ReorderItem = { id: 'SKU-1', demand: { meanPerDay: 20, sdPerDay: 5 }, leadTime: { days: 7 }, stock: { onHand: 150, onOrder: 0 } };
const texts = (plan: { steps: { text: string }[] }) => plan.steps.map((s) => s.text);

describe('reorder step texts', () => {
  it('seasonality under periodic review: flat indices weigh every day 1', () => {
    // Indices all 1: Σ over the lead time 7 days = 7, over R + L = 7 + 7 = 14 days = 14; Σ I² = 14;
    // the window's mean rate 20 × 14 / 14 = 20 a day.
    const plan = planReorder({ service: { cycle: 0.95 }, reviewPeriodDays: 7, asOf: '2026-03-02' }, { ...sku, seasonality: { indicesByMonth: Array(12).fill(1) } });
    expect(texts(plan)).toContain(
      "seasonality from 2026-03-02: Σ of the daily indices over the lead time 7 days = 7, over R + L = 14 days = 14; σ_d scales with the index (variance weight Σ I² = 14), σ_L uses the window's mean rate 20/day",
    );
  });

  it('seasonality under continuous review says only the lead time', () => {
    // Σ over 7 days = 7 = Σ I² over the protection interval (= the lead time); rate 20 × 7 / 7 = 20.
    const plan = planReorder({ ...fixed, asOf: '2026-03-02' }, { ...sku, seasonality: { indicesByMonth: Array(12).fill(1) } });
    expect(texts(plan)).toContain(
      "seasonality from 2026-03-02: Σ of the daily indices over the lead time 7 days = 7; σ_d scales with the index (variance weight Σ I² = 7), σ_L uses the window's mean rate 20/day",
    );
  });

  it('demand from a history: per period, then per day by √k', () => {
    // History 10, 20, 30 over 7-day periods: mean 20; sample σ = √((100 + 0 + 100) / 2) = 10 per period;
    // per day 20 / 7 = 2.8571 and σ 10 / √7 = 3.7796.
    const plan = planReorder(fixed, { ...sku, demand: { history: [10, 20, 30], periodDays: 7 } });
    expect(texts(plan).slice(0, 2)).toEqual([
      'demand from 3 periods of 7 days (missing periods would be zero-filled): mean 20, sample standard deviation (n − 1 = 2) 10 per period',
      'per day: mean 20 / 7 = 2.8571, σ 10 / √7 = 3.7796 (√k scaling assumes independent days)',
    ]);
  });

  it('max from maxDaysOfCover', () => {
    // max = 20 a day × 30 days = 600.
    const plan = planReorder({ ...fixed, maxDaysOfCover: 30 }, sku);
    expect(plan.max).toBe(600);
    expect(texts(plan)).toContain('max = 20/day × maxDaysOfCover 30 = 600');
  });

  it('a lot capped at maxOrderQty', () => {
    // The lot 100 in whole units, capped at 60; position 150 + 60 = 210 reaches ROP 161.7594: no warning.
    const plan = planReorder(fixed, { ...sku, maxOrderQty: 60 });
    expect(plan.suggestedOrder).toBe(60);
    expect(texts(plan)).toContain('order quantity: fixed 100; as a lot: 100 → 100 (whole units, rounding up) → 60 (capped at maxOrderQty 60 in whole packs)');
    expect(plan.warnings).toEqual([]);
  });
});

describe('planReorders totals', () => {
  it('one SKU, one priced order: singular words and no unpriced warning', () => {
    // 100 × 12.50 = 1,250.00.
    const batch = planReorders(fixed, [{ ...sku, unitCost: '12.50' }]);
    expect(batch.steps[0]!.text).toBe('1 SKU: 0 stockout, 0 urgent, 1 reorder, 0 overstock, 0 ok; 1 order of 100 units in all, value 1,250.00');
    expect(batch.warnings).toEqual([]);
  });

  it("detail 'full' keeps the steps, 'summary' drops them; null options are refused", () => {
    // 15 steps: the explanation of the seeds' SKU (explain.test.ts) less its headline.
    const full = planReorders(fixed, [sku], { detail: 'full' });
    expect(full.rows[0]!.ok && full.rows[0]!.result.steps.length).toBe(15);
    const summary = planReorders(fixed, [sku], { detail: 'summary' });
    expect(summary.rows[0]!.ok && summary.rows[0]!.result.steps.length).toBe(0);
    expect(thrown(() => planReorders(fixed, [sku], null as never)).issues[0]).toMatchObject({ path: ['options'], message: 'must be an object' });
  });
});

// A JavaScript caller (or an object spread from optional fields) may write an explicit undefined, which
// exactOptionalPropertyTypes refuses in TypeScript: hence the casts.
describe('an item policy field given as undefined is no override', () => {
  it("keeps the shared trigger 'lt': position = ROP is not below it", () => {
    // σ = 0: SS 0, ROP = 20 × 7 = 140 = position; 'lt' → ok (140 ≤ max 240), 'lte' would reorder.
    const flat = { ...sku, demand: { meanPerDay: 20, sdPerDay: 0 }, stock: { onHand: 140, onOrder: 0 } };
    expect(planReorder({ ...fixed, trigger: 'lt' }, { ...flat, policy: { trigger: undefined } as never }).status).toBe('ok');
  });

  it('names the shared service in a refusal, not the item', () => {
    // No mean demand: a 10-day lot is 0 while σ_L = 5√7 = 13.2288 > 0: infeasible for a fill rate.
    const policy: ReorderPolicy = { service: { fillRate: 0.99 }, orderQuantity: { daysOfCover: 10 } };
    const e = thrown(() => planReorder(policy, { ...sku, demand: { meanPerDay: 0, sdPerDay: 5 }, policy: { service: undefined } as never }));
    expect(e.issues[0]!.path).toEqual(['policy', 'service']);
  });
});

describe('explain of a capped plan', () => {
  it('says the capped lot', () => {
    const plan = planReorder(fixed, { ...sku, maxOrderQty: 60 });
    expect(explainReorderPlan(plan)[0]).toBe('SKU-1: reorder: position 150 is at or below the reorder point 161.7594; order 60 units.');
  });
});
