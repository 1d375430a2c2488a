import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  DealerkitError,
  analyzeInventoryHealth,
  calculateEoq,
  calculateNormalCdf,
  calculateNormalInverse,
  calculateNormalLoss,
  calculateNormalLossInverse,
  calculateNormalPdf,
  calculatePoissonCdf,
  calculatePoissonQuantile,
  calculateSeasonalIndices,
  explainInventoryHealth,
  explainReorderPlan,
  planReorder,
  planReorders,
  planReordersColumnar,
  toDailyDemand,
  type BatchResult,
  type Decimal,
  type DemandStep,
  type ExplainOptions,
  type InventoryHealth,
  type InventoryHealthInput,
  type InventoryHealthOptions,
  type InventoryHealthStep,
  type PackRounding,
  type PlanReordersOptions,
  type ReorderColumns,
  type ReorderColumnsOutput,
  type ReorderItem,
  type ReorderPlan,
  type ReorderPolicy,
  type ReorderStatus,
  type ReorderStep,
  type ReorderTotals,
  type RoundingSpec,
  type SeasonalStep,
  type Step,
  type Warning,
} from 'dealerkit';
import * as inventory from 'dealerkit/inventory';

const item: ReorderItem = { demand: { meanPerDay: 20, sdPerDay: 5 }, leadTime: { days: 7 }, stock: { onHand: 150, onOrder: 0 } };
const policy: ReorderPolicy = { service: { cycle: 0.95 }, orderQuantity: { fixed: 300 } };

// Checked by tsc; at run time the misuse lines must still throw a DealerkitError.
describe('public inventory types', () => {
  it('the renamed functions take the configuration first, facts second, options last', () => {
    expectTypeOf(planReorder).parameters.toEqualTypeOf<[ReorderPolicy, ReorderItem]>();
    expectTypeOf(planReorders).parameters.toEqualTypeOf<[ReorderPolicy, readonly ReorderItem[], (PlanReordersOptions | undefined)?]>();
    expectTypeOf(planReordersColumnar).parameters.toEqualTypeOf<[ReorderPolicy, ReorderColumns, (ReorderColumnsOutput | undefined)?]>();
    expectTypeOf(analyzeInventoryHealth).parameters.toEqualTypeOf<[InventoryHealthInput, (InventoryHealthOptions | undefined)?]>();
    expectTypeOf(explainReorderPlan).parameters.toEqualTypeOf<[ReorderPlan, (ExplainOptions | undefined)?]>();
    expectTypeOf(explainInventoryHealth).parameters.toEqualTypeOf<[InventoryHealth, (ExplainOptions | undefined)?]>();
    expectTypeOf(explainReorderPlan).returns.toEqualTypeOf<string[]>();
    expectTypeOf(explainInventoryHealth).returns.toEqualTypeOf<string[]>();
    for (const f of [calculateNormalCdf, calculateNormalPdf, calculateNormalInverse, calculateNormalLoss, calculateNormalLossInverse]) {
      expectTypeOf(f).toEqualTypeOf<(x: number) => number>();
    }
    expectTypeOf(calculatePoissonCdf).toEqualTypeOf<(r: number, mean: number) => number>();
    expectTypeOf(calculatePoissonQuantile).toEqualTypeOf<(alpha: number, mean: number) => number>();
    expectTypeOf(calculateEoq).returns.toEqualTypeOf<number>();
    expectTypeOf<InventoryHealthOptions['rounding']>().toEqualTypeOf<RoundingSpec | undefined>();
    expectTypeOf<ReorderPolicy['packRounding']>().toEqualTypeOf<PackRounding | undefined>();
    expectTypeOf<PackRounding>().toEqualTypeOf<'up' | 'down' | 'nearest'>();
    expectTypeOf<PlanReordersOptions['detail']>().toEqualTypeOf<'full' | 'summary' | undefined>();
  });

  it('the old names are gone from both entries', () => {
    for (const name of ['normalCdf', 'normalPdf', 'normalInverse', 'normalLoss', 'normalLossInverse', 'poissonCdf', 'poissonQuantile', 'inventoryHealth', 'seasonalIndices']) {
      expect(name in inventory).toBe(false);
    }
    expect('analyzeInventoryHealth' in inventory && 'explainReorderPlan' in inventory && 'calculateSeasonalIndices' in inventory).toBe(true);
  });

  it('plans return typed results with steps and warnings', () => {
    expectTypeOf(planReorder(policy, item)).toEqualTypeOf<ReorderPlan>();
    expectTypeOf(planReorders(policy, [item])).toEqualTypeOf<BatchResult<ReorderPlan, ReorderTotals>>();
    expectTypeOf<ReorderPlan['steps']>().toEqualTypeOf<ReorderStep[]>();
    expectTypeOf<ReorderPlan['warnings']>().toEqualTypeOf<Warning[]>();
    expectTypeOf<ReorderStep>().toMatchTypeOf<Step>();
    expectTypeOf<Extract<ReorderStep, { code: 'safety-stock' }>['safetyStock']>().toEqualTypeOf<number>();
    expectTypeOf<Extract<ReorderStep, { code: 'order-value' }>['orderValue']>().toEqualTypeOf<Decimal>();
    expectTypeOf<ReorderPlan['id']>().toEqualTypeOf<string | number | null>();
    expectTypeOf<ReorderPlan['status']>().toEqualTypeOf<ReorderStatus>();
    expectTypeOf<ReorderStatus>().toEqualTypeOf<'ok' | 'reorder' | 'urgent' | 'stockout' | 'overstock'>();
    expectTypeOf<ReorderPlan['action']>().toEqualTypeOf<'expedite' | 'replenish' | 'none' | 'promote-or-transfer'>();
    expectTypeOf<ReorderPlan['daysOfSupply']>().toEqualTypeOf<number | null>();
    expectTypeOf<ReorderPlan['orderValue']>().toEqualTypeOf<Decimal | null>();
    expectTypeOf<ReorderPlan['suggestedOrder']>().toEqualTypeOf<number>();
    expectTypeOf<ReorderTotals['orderValue']>().toEqualTypeOf<Decimal>();
    expectTypeOf(calculateNormalInverse(0.9)).toEqualTypeOf<number>();
    expectTypeOf(calculatePoissonQuantile(0.9, 2)).toEqualTypeOf<number>();
    expectTypeOf(toDailyDemand({ mean: 1, sd: 1, periodDays: 7 }).sdPerDay).toEqualTypeOf<number>();
    expectTypeOf(toDailyDemand({ mean: 1, sd: 1, periodDays: 7 }).steps).toEqualTypeOf<DemandStep[]>();
    expectTypeOf(calculateSeasonalIndices([1, 2], { method: 'average', seasonLength: 2 }).indices).toEqualTypeOf<number[]>();
    expectTypeOf(calculateSeasonalIndices([1, 2], { method: 'average', seasonLength: 2 }).steps).toEqualTypeOf<SeasonalStep[]>();
    const f = new Float64Array(1);
    expectTypeOf(planReordersColumnar(policy, { meanPerDay: f, sdPerDay: f, leadTimeDays: f, leadTimeSdDays: f, onHand: f, onOrder: f })).toEqualTypeOf<ReorderColumnsOutput>();
    expectTypeOf<ReorderColumnsOutput['status']>().toEqualTypeOf<Uint8Array>();
    expectTypeOf<InventoryHealth['holdingCost']>().toEqualTypeOf<Decimal>();
    expectTypeOf<InventoryHealth['turnover']>().toEqualTypeOf<Decimal>();
    expectTypeOf<InventoryHealth['turnoverDays']>().toEqualTypeOf<Decimal | null>();
    expectTypeOf<InventoryHealth['steps']>().toEqualTypeOf<InventoryHealthStep[]>();
    expectTypeOf<InventoryHealth['warnings']>().toEqualTypeOf<Warning[]>();
    expectTypeOf(analyzeInventoryHealth).returns.toEqualTypeOf<InventoryHealth>();
  });

  it('refuses misuse at compile time and at run time', () => {
    expect(() =>
      // @ts-expect-error: the service is required
      planReorder({ orderQuantity: { fixed: 300 } }, item),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: the item comes second now
      planReorder(item, policy),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: 'le' is not a trigger
      planReorder({ ...policy, trigger: 'le' }, item),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: pack rounding is packRounding (rounding is money rounding elsewhere)
      planReorder({ ...policy, rounding: 'up' }, item),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: demand needs both statistics
      planReorder(policy, { ...item, demand: { meanPerDay: 20 } }),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: lead time is an object with days
      planReorder(policy, { ...item, leadTime: 7 }),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: a service is cycle or fillRate, not both names
      planReorder({ ...policy, service: { level: 0.9 } }, item),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: columns are Float64Arrays
      planReordersColumnar(policy, { meanPerDay: [1] }),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: detail is 'full' or 'summary'
      planReorders(policy, [item], { detail: 'short' }),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: the method is required
      calculateSeasonalIndices([1, 2], {}),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: calculateNormalInverse takes a number
      calculateNormalInverse('0.9'),
    ).toThrow(DealerkitError);
  });
});
