/**
 * Every message text of the inventory engine in one place (as dinero.js keeps its message
 * constants): the errors it throws and the warnings it returns. Step texts are written from their
 * figures in `steps.ts`.
 *
 * @internal
 * @module
 */
import { describeValue, percentHint } from '../core/messages.js';

/** A number printed in a message: plain, `-0` as `0` (String(-0) is already '0'). */
function n(value: number): string {
  return String(value);
}

/** Error message factories of the inventory engine. @internal */
export const INVENTORY_MESSAGES = {
  // Values
  finite: (v: unknown) => `must be a finite number, received ${describeValue(v)}`,
  notNegative: (v: number) => `must not be negative, received ${n(v)}`,
  positive: (v: number) => `must be greater than 0, received ${n(v)}`,
  atMost: (max: string, v: string) => `must be at most ${max}, received ${v}`,
  wholeUnits: (v: unknown) => `must be a whole number of units, received ${describeValue(v)}`,
  serviceLevel: (v: unknown) => `must be strictly between 0 and 1 (a service level of 1 needs infinite stock), received ${describeValue(v)}`,
  serviceLevelPercent: (v: number) => `must be strictly between 0 and 1, received ${n(v)}: ${percentHint(String(v))}`,
  probability: (v: number) => `must be a probability strictly between 0 and 1, received ${n(v)}`,
  probabilityPercent: (v: number) => `must be a probability strictly between 0 and 1, received ${n(v)}: ${percentHint(String(v))}`,
  ratePositive: (v: string) => `must be greater than 0 (h = holding rate × unit cost), received ${v}`,

  // Items and policies
  moqAboveMax: (max: number, moq: number) => `must not exceed maxOrderQty (${n(max)}), received ${n(moq)}`,
  moqPacksAboveMax: (least: number, pack: number, max: number) => `needs ${n(least)} units in whole packs of ${n(pack)}, more than maxOrderQty (${n(max)})`,
  maxBelowPack: (pack: number, max: number) => `must allow at least one pack of ${n(pack)}, received ${n(max)}`,
  levelsMaxBelowMin: (min: number, max: number) => `must be at least levels.min (${n(min)}), received ${n(max)}`,
  unitCostRequired: () => 'is required by the EOQ order quantity (h = holding rate × unit cost)',
  unitCostZero: () => 'must be greater than 0 for the EOQ order quantity (h = holding rate × unit cost), received 0',
  orderQuantityRequired: () => 'is required under continuous review (reorder point + order quantity) unless the item has levels',
  orderQuantityRequiredColumns: () => 'is required under continuous review (reorder point + order quantity; columns carry no levels)',
  asOfForReceipts: () => 'is required to count the receipts due within the lead time',
  seasonalMonths: (count: number) => `must hold 12 monthly indices (January to December), received ${count}`,
  seasonalAsOf: () => 'is required (or the policy asOf): the lead-time window starts there',
  seasonalWindow: (max: number) => `with seasonality, the protection interval must be at most ${max} days`,
  fillZeroLot: (lot: string, sigma: string) => `a fill-rate target needs an order quantity above 0, but the lot size is ${lot} while demand varies (σ ${sigma})`,
  poissonMean: (max: number, mean: string) => `'poisson' needs a mean demand over the protection interval of at most ${max}, received ${mean}`,
  eoqOverflow: (q: string, max: string) => `gives an economic order quantity of ${q} units, above ${max}: check orderCost, holdingRatePerYear and the unit cost`,
  demandPerDayOverflow: (perDay: string, max: string) => `is so short that demand per day (${perDay}) exceeds ${max} units`,
  daysOfSupplyOverflow: (v: number) => `is so small that days of supply (stock / demand per day) overflow, received ${n(v)}: write 0 for no demand`,
  detail: (v: unknown) => `must be 'full' or 'summary', received ${describeValue(v)}`,

  // Columns
  notColumns: () => 'must be an object of Float64Array columns',
  notFloat64: () => 'must be a Float64Array',
  columnLength: (n0: number, len: number) => `must have the length of meanPerDay (${n0}), received ${len}`,
  outColumn: (n0: number) => `must be a Float64Array of length ${n0}`,
  outStatus: (n0: number) => `must be a Uint8Array of length ${n0}`,
  columnFinite: (v: number) => `must be a finite number ≥ 0, received ${n(v)}`,
  columnWhole: (min: number, v: number) => `must be a whole number of units ≥ ${min}, received ${n(v)}`,
  columnMaxOrder: (v: number) => `must be a whole number of units ≥ 1 or Infinity, received ${n(v)}`,
  columnEoqCost: () => 'must be greater than 0 for the EOQ order quantity (h = holding rate × unit cost)',

  // Helpers
  lossPositive: (v: number) => `must be greater than 0 (G(k) > 0 for every finite k), received ${n(v)}`,
  lossTooSmall: (v: number) => `must be at least 1e-300 (G(37.5) is already smaller), received ${n(v)}`,
  poissonMeanMax: (max: number, v: number) => `must be at most ${max} (use the normal distribution for fast movers), received ${n(v)}`,
  dailyDemandInput: () => 'must be an object with periodDays and either mean and sd, or history',
  historyNotArray: () => 'must be an array of demand per period',
  historyTooShort: (count: number) => `must hold at least 2 periods (a sample standard deviation needs 2), received ${count}`,
  hole: (holes: number) => `is missing (a hole in the array${holes > 1 ? `; ${holes} holes in all` : ''}): write null for a period without a record`,
  eoqCostOverflow: (v: string) => `is too large for the demand: 2 × K × D overflows, received ${v}`,
  eoqHoldingOverflow: (v: string) => `is too small for the order cost and demand: the EOQ overflows, received ${v}`,
  seasonalOptions: () => "must be an object with a method ('average' or 'ratio-to-moving-average')",
  seasonalMethod: (v: unknown) => `must be one of 'average', 'ratio-to-moving-average', received ${v === undefined ? 'nothing' : describeValue(v)}`,
  seasonLength: (v: unknown) => `must be a whole number from 2 to 366, received ${describeValue(v)}`,
  startIndex: (last: number, v: unknown) => `must be a whole number from 0 to ${last}, received ${describeValue(v)}`,
  fullCycle: (length: number, count: number) => `must hold at least one full cycle of ${length} periods, received ${count}`,
  movingAverageLength: (need: number, count: number) =>
    `must hold at least ${need} periods for a centred moving average at every season position, received ${count}`,
  movingAverageZero: (t: number) => `has a centred moving average of 0 around period ${t}; ratios are undefined`,
  noDemand: () => 'has no demand: seasonal indices of an all-zero history are undefined',

  // Explanations
  explainOptions: () => 'must be an object with an optional locale',
  notAPlan: () => 'must be a plan returned by planReorder or planReorders',
  notAHealth: () => 'must be a result of analyzeInventoryHealth',

  // Health
  ageBucketsOrder: (i: number, previous: number, value: number) => `must be greater than ageBuckets[${i - 1}] (${n(previous)}), received ${n(value)}`,
  receivedAfterAsOf: (asOf: string, received: string) => `must not be after asOf (${asOf}), received ${JSON.stringify(received)}`,
} as const;

/** Warning message factories of the inventory engine. @internal */
export const INVENTORY_WARNINGS = {
  zeroFilled: (missing: number, periods: number) =>
    `${missing} of ${periods} periods of the demand history ${missing === 1 ? 'is' : 'are'} missing and counted as 0`,
  maxBelowReorderPoint: (max: string, rop: string) => `max ${max} is below the reorder point ${rop}: check maxDaysOfCover`,
  cappedBelowReorderPoint: (after: string, rop: string) =>
    `capped by maxOrderQty: the position after ordering, ${after}, stays below the reorder point ${rop}`,
  negativeSafetyStock: (k: string, ss: string) => `the safety factor k = ${k} is negative and safetyStockFloor is 'none': the safety stock is ${ss}`,
  unpricedOrders: (count: number) => `${count} suggested order${count === 1 ? ' has' : 's have'} no unit cost and ${count === 1 ? 'is' : 'are'} not in the order value`,
  unknownAge: (count: number) => `${count} SKU${count === 1 ? ' has' : 's have'} no receipt date: ${count === 1 ? 'its' : 'their'} age is unknown and left out of the buckets`,
  noCogs: () => 'COGS is 0: turnover is 0 and turnover days are undefined',
} as const;
