import { outOfRange, wrapThrown } from '../core/errors.js';
import { describeValue } from '../core/messages.js';
import { calculateEoq, calculateNormalInverse, planReorder, type ReorderItem, type ReorderPlan } from '../inventory/index.js';
import { MAX_QUANTITY } from '../inventory/kernel.js';
import { numberAt, optionalNumberAt, type SheetValue } from './args.js';
import { renamedPaths, type SheetPathRename } from './paths.js';

const RENAMES: readonly SheetPathRename[] = [
  [['item', 'demand', 'meanPerDay'], 'demandPerDay'],
  [['item', 'demand', 'sdPerDay'], 'sdPerDay'],
  [['item', 'leadTime', 'days'], 'leadTimeDays'],
  [['item', 'leadTime', 'sdDays'], 'leadTimeSdDays'],
  [['item', 'moq'], 'moq'],
  [['item', 'packSize'], 'packSize'],
  // The position argument becomes on hand (DK_ORDERQTY refuses a backorder past the bound itself).
  [['item', 'stock', 'onHand'], 'position'],
  [['policy', 'service', 'cycle'], 'serviceLevel'],
  [['policy', 'orderQuantity', 'fixed'], 'lotSize'],
  [['demandPerYear'], 'demandPerYear'],
  [['holdingCostPerUnitPerYear'], 'holdingCost'],
];

function run<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    throw renamedPaths(wrapThrown(error), RENAMES);
  }
}

/** Plans one SKU under continuous review with a cycle service level: the engine behind the inventory functions. */
function planOf(
  position: number,
  demandPerDay: SheetValue,
  sdPerDay: SheetValue,
  leadTimeDays: SheetValue,
  serviceLevel: SheetValue,
  leadTimeSdDays: SheetValue,
  lotSize: number,
  moq?: number,
  packSize?: number,
): ReorderPlan {
  const sdL = optionalNumberAt(leadTimeSdDays, ['leadTimeSdDays']);
  // A negative position is backorders: the engine keeps on hand and backorders apart.
  const item: ReorderItem = {
    demand: { meanPerDay: numberAt(demandPerDay, ['demandPerDay']), sdPerDay: numberAt(sdPerDay, ['sdPerDay']) },
    leadTime: sdL === undefined ? { days: numberAt(leadTimeDays, ['leadTimeDays']) } : { days: numberAt(leadTimeDays, ['leadTimeDays']), sdDays: sdL },
    stock: position >= 0 ? { onHand: position, onOrder: 0 } : { onHand: 0, onOrder: 0, backordered: -position },
  };
  if (moq !== undefined) item.moq = moq;
  if (packSize !== undefined) item.packSize = packSize;
  return planReorder({ service: { cycle: numberAt(serviceLevel, ['serviceLevel']) }, orderQuantity: { fixed: lotSize } }, item);
}

/**
 * `=DK.SAFETYSTOCK(demandPerDay, sdPerDay, leadTimeDays, serviceLevel, [leadTimeSdDays])`: the
 * safety stock for a cycle service level, SS = z·√(L·σ_d² + d²·σ_L²) with z = Φ⁻¹(service level),
 * in units (not rounded), as `planReorder` computes it under continuous review.
 *
 * @param demandPerDay - Mean demand per day (d ≥ 0).
 * @param sdPerDay - Standard deviation of daily demand (σ_d ≥ 0).
 * @param leadTimeDays - Mean lead time in days (L ≥ 0).
 * @param serviceLevel - Cycle service level, strictly between 0 and 1 (0.95).
 * @param leadTimeSdDays - Standard deviation of the lead time in days (σ_L, default 0).
 * @example
 * ```ts
 * DK_SAFETYSTOCK(20, 5, 7, 0.95);
 * //=> 21.759368200081013
 * ```
 */
export function DK_SAFETYSTOCK(demandPerDay: SheetValue, sdPerDay: SheetValue, leadTimeDays: SheetValue, serviceLevel: SheetValue, leadTimeSdDays?: SheetValue): number {
  return run(() => planOf(0, demandPerDay, sdPerDay, leadTimeDays, serviceLevel, leadTimeSdDays, 1).safetyStock);
}

/**
 * `=DK.REORDERPOINT(demandPerDay, sdPerDay, leadTimeDays, serviceLevel, [leadTimeSdDays])`: the
 * reorder point (alert line), demand over the lead time plus the safety stock, ROP = d·L + SS.
 *
 * @param demandPerDay - Mean demand per day (d ≥ 0).
 * @param sdPerDay - Standard deviation of daily demand (σ_d ≥ 0).
 * @param leadTimeDays - Mean lead time in days (L ≥ 0).
 * @param serviceLevel - Cycle service level, strictly between 0 and 1 (0.95).
 * @param leadTimeSdDays - Standard deviation of the lead time in days (σ_L, default 0).
 * @example
 * ```ts
 * DK_REORDERPOINT(20, 5, 7, 0.95);
 * //=> 161.759368200081
 * ```
 */
export function DK_REORDERPOINT(demandPerDay: SheetValue, sdPerDay: SheetValue, leadTimeDays: SheetValue, serviceLevel: SheetValue, leadTimeSdDays?: SheetValue): number {
  return run(() => planOf(0, demandPerDay, sdPerDay, leadTimeDays, serviceLevel, leadTimeSdDays, 1).reorderPoint);
}

/**
 * `=DK.EOQ(demandPerYear, orderCost, holdingCost)`: the economic order quantity √(2·K·D/h)
 * (Harris 1913), the lot size that balances ordering and holding costs, not rounded.
 *
 * @param demandPerYear - Demand per year in units (D ≥ 0).
 * @param orderCost - The cost of placing one order (K ≥ 0).
 * @param holdingCost - The cost of holding one unit for a year (h > 0): holding rate × unit cost.
 * @example
 * ```ts
 * DK_EOQ(1000, 10, 0.5);
 * //=> 200
 * ```
 */
export function DK_EOQ(demandPerYear: SheetValue, orderCost: SheetValue, holdingCost: SheetValue): number {
  return run(() =>
    calculateEoq({
      demandPerYear: numberAt(demandPerYear, ['demandPerYear']),
      orderCost: numberAt(orderCost, ['orderCost']),
      holdingCostPerUnitPerYear: numberAt(holdingCost, ['holdingCost']),
    }),
  );
}

/**
 * `=DK.ORDERQTY(position, demandPerDay, sdPerDay, leadTimeDays, serviceLevel, lotSize, [moq], [packSize], [leadTimeSdDays])`:
 * the units to order now under an (r, Q) policy, in whole packs; 0 while the position is above the reorder point.
 *
 * When the position is at or below the reorder point, the order is the lot size, or what brings
 * the position back to the reorder point if that is more; then raised to the MOQ and rounded up
 * to whole packs (`planReorder`'s suggested order).
 *
 * @param position - Inventory position: on hand + on order − backordered (may be negative).
 * @param demandPerDay - Mean demand per day.
 * @param sdPerDay - Standard deviation of daily demand.
 * @param leadTimeDays - Mean lead time in days.
 * @param serviceLevel - Cycle service level, strictly between 0 and 1.
 * @param lotSize - The lot size Q (> 0), for example `DK.EOQ(...)`.
 * @param moq - Minimum order quantity (whole units).
 * @param packSize - Units per pack (whole, ≥ 1).
 * @param leadTimeSdDays - Standard deviation of the lead time in days.
 * @example
 * ```ts
 * DK_ORDERQTY(150, 20, 5, 7, 0.95, 300, null, 40);
 * //=> 320
 * ```
 */
export function DK_ORDERQTY(
  position: SheetValue,
  demandPerDay: SheetValue,
  sdPerDay: SheetValue,
  leadTimeDays: SheetValue,
  serviceLevel: SheetValue,
  lotSize: SheetValue,
  moq?: SheetValue,
  packSize?: SheetValue,
  leadTimeSdDays?: SheetValue,
): number {
  return run(() => {
    const pos = numberAt(position, ['position']);
    // A negative position becomes backorders of -position; past the engine's bound it is refused here,
    // with the sign the user typed (the engine would name the backorders, a positive figure).
    if (pos < -MAX_QUANTITY) {
      outOfRange(['position'], `must be at least -${MAX_QUANTITY}, received ${describeValue(pos)}`, {
        code: 'out_of_range',
        received: String(pos),
        limit: String(-MAX_QUANTITY),
      });
    }
    const q = numberAt(lotSize, ['lotSize']);
    const m = optionalNumberAt(moq, ['moq']);
    const pack = optionalNumberAt(packSize, ['packSize']);
    return planOf(pos, demandPerDay, sdPerDay, leadTimeDays, serviceLevel, leadTimeSdDays, q, m, pack).suggestedOrder;
  });
}

/**
 * `=DK.NORMINV(p)`: the inverse of the standard normal distribution, the safety factor z of a
 * cycle service level (Wichura's AS 241, about 1e-16 relative; Excel's `NORM.S.INV`).
 *
 * A probability of 0 or 1 is `#NUM!`, as in Excel; so is a percentage typed as a whole number
 * (`95` for 95 %: write 0.95).
 *
 * @param p - A probability strictly between 0 and 1.
 * @example
 * ```ts
 * DK_NORMINV(0.95);
 * //=> 1.6448536269514715
 * ```
 */
export function DK_NORMINV(p: SheetValue): number {
  try {
    return calculateNormalInverse(numberAt(p, ['p']));
  } catch (error) {
    throw wrapThrown(error);
  }
}
