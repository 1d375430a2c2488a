import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  DealerkitError,
  inventoryHealth,
  normalInverse,
  planReorder,
  planReorders,
  planReordersColumnar,
  poissonQuantile,
  seasonalIndices,
  toDailyDemand,
  type Decimal,
  type InventoryHealth,
  type ReorderColumnsOutput,
  type ReorderItem,
  type ReorderPlan,
  type ReorderPolicy,
  type ReorderStatus,
} from 'dealerkit';

const item: ReorderItem = { demand: { meanPerDay: 20, sdPerDay: 5 }, leadTime: { days: 7 }, stock: { onHand: 150, onOrder: 0 } };
const policy: ReorderPolicy = { service: { cycle: 0.95 }, orderQuantity: { fixed: 300 } };

// Checked by tsc; at run time the misuse lines must still throw a DealerkitError.
describe('public inventory types', () => {
  it('plans return typed results', () => {
    expectTypeOf(planReorder(item, policy)).toEqualTypeOf<ReorderPlan>();
    expectTypeOf(planReorders([item], policy)).toEqualTypeOf<ReorderPlan[]>();
    expectTypeOf<ReorderPlan['status']>().toEqualTypeOf<ReorderStatus>();
    expectTypeOf<ReorderStatus>().toEqualTypeOf<'ok' | 'reorder' | 'urgent' | 'stockout' | 'overstock'>();
    expectTypeOf<ReorderPlan['action']>().toEqualTypeOf<'expedite' | 'replenish' | 'none' | 'promote-or-transfer'>();
    expectTypeOf<ReorderPlan['daysOfSupply']>().toEqualTypeOf<number | null>();
    expectTypeOf<ReorderPlan['orderValue']>().toEqualTypeOf<Decimal | null>();
    expectTypeOf<ReorderPlan['suggestedOrder']>().toEqualTypeOf<number>();
    expectTypeOf(normalInverse(0.9)).toEqualTypeOf<number>();
    expectTypeOf(poissonQuantile(0.9, 2)).toEqualTypeOf<number>();
    expectTypeOf(toDailyDemand({ mean: 1, sd: 1, periodDays: 7 }).sdPerDay).toEqualTypeOf<number>();
    expectTypeOf(seasonalIndices([1, 2], { method: 'average', seasonLength: 2 }).indices).toEqualTypeOf<number[]>();
    const f = new Float64Array(1);
    expectTypeOf(planReordersColumnar({ meanPerDay: f, sdPerDay: f, leadTimeDays: f, leadTimeSdDays: f, onHand: f, onOrder: f }, policy)).toEqualTypeOf<ReorderColumnsOutput>();
    expectTypeOf<ReorderColumnsOutput['status']>().toEqualTypeOf<Uint8Array>();
    expectTypeOf<InventoryHealth['holdingCost']>().toEqualTypeOf<Decimal>();
    expectTypeOf(inventoryHealth).returns.toEqualTypeOf<InventoryHealth>();
  });

  it('refuses misuse at compile time and at run time', () => {
    expect(() =>
      // @ts-expect-error: the service is required
      planReorder(item, { orderQuantity: { fixed: 300 } }),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: 'le' is not a trigger
      planReorder(item, { ...policy, trigger: 'le' }),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: demand needs both statistics
      planReorder({ ...item, demand: { meanPerDay: 20 } }, policy),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: lead time is an object with days
      planReorder({ ...item, leadTime: 7 }, policy),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: a service is cycle or fillRate, not both names
      planReorder(item, { ...policy, service: { level: 0.9 } }),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: columns are Float64Arrays
      planReordersColumnar({ meanPerDay: [1] }, policy),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: the method is required
      seasonalIndices([1, 2], {}),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: normalInverse takes a number
      normalInverse('0.9'),
    ).toThrow(DealerkitError);
  });
});
