// The column types of planReordersColumnar, below both the kernel that writes them and the batch
// function that checks them (so the kernel needs nothing from the layer above it).

/**
 * The inputs of {@link planReordersColumnar}: one `Float64Array` per field, all the same length.
 * Units as in {@link ReorderItem}: per day, days, units. `maxOrderQty` uses `Infinity` for "no maximum".
 */
export interface ReorderColumns {
  /** Mean demand per day (≥ 0). */
  meanPerDay: Float64Array;
  /** Standard deviation of daily demand (≥ 0). */
  sdPerDay: Float64Array;
  /** Mean lead time in days (≥ 0). */
  leadTimeDays: Float64Array;
  /** Standard deviation of the lead time in days (≥ 0). */
  leadTimeSdDays: Float64Array;
  /** Units on hand (≥ 0). */
  onHand: Float64Array;
  /** Units on order, all counted (≥ 0). */
  onOrder: Float64Array;
  /** Unit cost (> 0 for the EOQ rule). */
  unitCost?: Float64Array;
  /** Minimum order quantity (whole, ≥ 0; default 0). */
  moq?: Float64Array;
  /** Pack size (whole, ≥ 1; default 1). */
  packSize?: Float64Array;
  /** Maximum order (whole, ≥ 1, or Infinity for none; default none). */
  maxOrderQty?: Float64Array;
  /** Units backordered (≥ 0; default 0). */
  backordered?: Float64Array;
  /** Units committed (≥ 0; default 0). */
  committed?: Float64Array;
}

/** The outputs of {@link planReordersColumnar}, one entry per SKU. */
export interface ReorderColumnsOutput {
  /** Safety stock. */
  safetyStock: Float64Array;
  /** Reorder point. */
  reorderPoint: Float64Array;
  /** Order-up-to level. */
  orderUpTo: Float64Array;
  /** Upper limit (max). */
  max: Float64Array;
  /** Units to order now. */
  suggestedOrder: Float64Array;
  /** Status code: an index into `REORDER_STATUSES` (0 ok, 1 reorder, 2 urgent, 3 stockout, 4 overstock). */
  status: Uint8Array;
}
