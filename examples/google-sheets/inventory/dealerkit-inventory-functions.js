// Generated from the dealerkit/sheets manifest (src/sheets/manifest.ts) by test/tools/sheets-generate.ts: do not edit.
// Google Sheets custom functions: =DK_SPLIT(...), =DK_SAFETYSTOCK(...). Add dealerkit-inventory.js to the same
// Apps Script project (it defines the global DealerkitInventory); this file calls it.

/**
 * Splits a total over weights exactly (largest remainder, ties to the earlier weight): the parts
 * sum to the total. Spills one part per weight, in the shape of the weights.
 *
 * @param {number} total The amount to split.
 * @param {Array<Array<*>>} weights A range of weights, zero or more, not all zero.
 * @param {number} [scale] Decimal places of each part, 0 to 30; omitted: the decimal places of the total.
 * @return {Array<Array<number>>} One part per weight, summing exactly to the total.
 * @customfunction
 */
function DK_SPLIT(total, weights, scale) {
  return dealerkitCall_(dealerkitInventory_(), 'DK_SPLIT', [total, weights, scale]);
}

/**
 * Safety stock for a cycle service level: z × √(L × σd² + d² × σL²), z = NORM.S.INV(service
 * level), in units, not rounded.
 *
 * @param {number} demandPerDay Mean demand per day, in units.
 * @param {number} sdPerDay Standard deviation of daily demand, in units.
 * @param {number} leadTimeDays Mean lead time in days.
 * @param {number} serviceLevel Cycle service level, strictly between 0 and 1 (0.95).
 * @param {number} [leadTimeSdDays] Standard deviation of the lead time in days (default 0).
 * @return {number} Safety stock in units.
 * @customfunction
 */
function DK_SAFETYSTOCK(demandPerDay, sdPerDay, leadTimeDays, serviceLevel, leadTimeSdDays) {
  return dealerkitCall_(dealerkitInventory_(), 'DK_SAFETYSTOCK', [demandPerDay, sdPerDay, leadTimeDays, serviceLevel, leadTimeSdDays]);
}

/**
 * The reorder point (alert line) for a cycle service level: demand over the lead time plus the
 * safety stock, d × L + SS.
 *
 * @param {number} demandPerDay Mean demand per day, in units.
 * @param {number} sdPerDay Standard deviation of daily demand, in units.
 * @param {number} leadTimeDays Mean lead time in days.
 * @param {number} serviceLevel Cycle service level, strictly between 0 and 1 (0.95).
 * @param {number} [leadTimeSdDays] Standard deviation of the lead time in days (default 0).
 * @return {number} The reorder point in units.
 * @customfunction
 */
function DK_REORDERPOINT(demandPerDay, sdPerDay, leadTimeDays, serviceLevel, leadTimeSdDays) {
  return dealerkitCall_(dealerkitInventory_(), 'DK_REORDERPOINT', [demandPerDay, sdPerDay, leadTimeDays, serviceLevel, leadTimeSdDays]);
}

/**
 * The economic order quantity √(2 × K × D / h) (Harris), not rounded.
 *
 * @param {number} demandPerYear Demand per year in units.
 * @param {number} orderCost The cost of placing one order.
 * @param {number} holdingCost The cost of holding one unit for a year (holding rate × unit cost), above 0.
 * @return {number} The economic order quantity in units.
 * @customfunction
 */
function DK_EOQ(demandPerYear, orderCost, holdingCost) {
  return dealerkitCall_(dealerkitInventory_(), 'DK_EOQ', [demandPerYear, orderCost, holdingCost]);
}

/**
 * The units to order now under an (r, Q) policy: 0 above the reorder point; else the lot size (or
 * what reaches the reorder point, if more), raised to the MOQ, in whole packs.
 *
 * @param {number} position Inventory position: on hand + on order − backordered.
 * @param {number} demandPerDay Mean demand per day.
 * @param {number} sdPerDay Standard deviation of daily demand.
 * @param {number} leadTimeDays Mean lead time in days.
 * @param {number} serviceLevel Cycle service level, strictly between 0 and 1.
 * @param {number} lotSize The lot size Q, above 0 (for example DK.EOQ).
 * @param {number} [moq] Minimum order quantity, whole units.
 * @param {number} [packSize] Units per pack, whole, at least 1.
 * @param {number} [leadTimeSdDays] Standard deviation of the lead time in days (default 0).
 * @return {number} Units to order now, whole packs.
 * @customfunction
 */
function DK_ORDERQTY(position, demandPerDay, sdPerDay, leadTimeDays, serviceLevel, lotSize, moq, packSize, leadTimeSdDays) {
  return dealerkitCall_(dealerkitInventory_(), 'DK_ORDERQTY', [position, demandPerDay, sdPerDay, leadTimeDays, serviceLevel, lotSize, moq, packSize, leadTimeSdDays]);
}

/**
 * The inverse of the standard normal distribution: the safety factor z of a cycle service level
 * (like NORM.S.INV, to about 1e-16 relative).
 *
 * @param {number} p A probability strictly between 0 and 1, such as a cycle service level of 0.95.
 * @return {number} z such that P(Z ≤ z) = p for a standard normal Z.
 * @customfunction
 */
function DK_NORMINV(p) {
  return dealerkitCall_(dealerkitInventory_(), 'DK_NORMINV', [p]);
}

/** The global DealerkitInventory that dealerkit-inventory.js defines; its absence is a message naming the file. */
function dealerkitInventory_() {
  if (typeof DealerkitInventory === 'undefined') {
    throw new Error('#N/A [dealerkit] DealerkitInventory is not defined: add dealerkit-inventory.js to this Apps Script project');
  }
  return DealerkitInventory;
}

/**
 * Calls a dealerkit spreadsheet function. Date cells arrive as Date objects at midnight in the
 * spreadsheet's time zone, so they are read as that calendar date. A failure becomes an Error whose
 * message starts with the cell error Excel shows for it (#VALUE! or #N/A, the two Excel shows a
 * message on) and names the argument; Sheets shows it when hovering the #ERROR! cell.
 * (Every wrapper file defines these helpers alike, so files of several bundles can sit together.)
 */
function dealerkitCall_(library, name, args) {
  if (typeof library[name] !== 'function') {
    throw new Error('#N/A [dealerkit] ' + name + ' is not in the bundle loaded: add the Apps Script bundle of dealerkit/dist/sheets/google-sheets/ (the warehouse bundles have no spreadsheet functions)');
  }
  var timeZone = dealerkitTimeZone_();
  var hostArgs = [];
  for (var i = 0; i < args.length; i++) hostArgs.push(dealerkitDates_(args[i], timeZone));
  try {
    return library[name].apply(null, hostArgs);
  } catch (error) {
    var e = library.toSheetError(error);
    var shown = {"#VALUE!": "#VALUE!", "#NUM!": "#VALUE!", "#N/A": "#N/A"}[e.error] || '#VALUE!';
    throw new Error(shown + ' ' + e.message);
  }
}

/** The spreadsheet's time zone, or null outside Google Sheets (dates are then read in UTC). */
function dealerkitTimeZone_() {
  if (typeof SpreadsheetApp === 'undefined' || typeof Utilities === 'undefined') return null;
  try {
    return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  } catch (e) {
    return null;
  }
}

/** Replaces every Date in an argument (a cell or a range) by its calendar date in the time zone, YYYY-MM-DD. */
function dealerkitDates_(value, timeZone) {
  if (Object.prototype.toString.call(value) === '[object Date]') {
    return timeZone === null ? value : Utilities.formatDate(value, timeZone, 'yyyy-MM-dd');
  }
  if (Array.isArray(value)) {
    return value.map(function (item) {
      return dealerkitDates_(item, timeZone);
    });
  }
  return value;
}
