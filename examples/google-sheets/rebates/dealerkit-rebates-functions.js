// Generated from the dealerkit/sheets manifest (src/sheets/manifest.ts) by test/tools/sheets-generate.ts: do not edit.
// Google Sheets custom functions: =DK_REBATE(...), =DK_REBATE_TIER(...). Add dealerkit-rebates.js to the same
// Apps Script project (it defines the global DealerkitRebates); this file calls it.

/**
 * The rebate on an amount by a tier table (rows: from, rate, optional fixed; ascending from 0),
 * rounded once to the currency's minor unit. Method "retroactive" (default: the tier reached
 * prices the whole amount), "incremental" (each band at its rate) or "step" (the fixed amount).
 * With a target, tiers are attainment rates.
 *
 * @param {number} amount Net sales of the period.
 * @param {Array<Array<*>>} tiers The tier table: rows of from, rate and optional fixed amount, ascending from 0; a header row is skipped.
 * @param {string} [method] "retroactive" (default), "incremental" or "step".
 * @param {number} [target] The sales target: the tiers are then attainment rates (0.9 = 90 %).
 * @param {string} [currency] ISO 4217 code (CNY, USD, JPY) setting the rounding; omitted: 2 decimal places.
 * @return {number} The rebate.
 * @customfunction
 */
function DK_REBATE(amount, tiers, method, target, currency) {
  return dealerkitCall_(dealerkitRebates_(), 'DK_REBATE', [amount, tiers, method, target, currency]);
}

/**
 * The tier an amount reaches in a tier table, counted from 1 (the first row of data), for
 * INDEX(names, ...).
 *
 * @param {number} amount Net sales of the period.
 * @param {Array<Array<*>>} tiers The tier table: rows of from, rate and optional fixed amount, ascending from 0; a header row is skipped.
 * @param {string} [method] "retroactive" (default), "incremental" or "step".
 * @param {number} [target] The sales target: the tiers are then attainment rates (0.9 = 90 %).
 * @return {number} The tier reached, from 1.
 * @customfunction
 */
function DK_REBATE_TIER(amount, tiers, method, target) {
  return dealerkitCall_(dealerkitRebates_(), 'DK_REBATE_TIER', [amount, tiers, method, target]);
}

/**
 * The extra sales that reach the next tier of a tier table (with a target, still in sales), or 0
 * in the top tier.
 *
 * @param {number} amount Net sales of the period.
 * @param {Array<Array<*>>} tiers The tier table: rows of from, rate and optional fixed amount, ascending from 0; a header row is skipped.
 * @param {string} [method] "retroactive" (default), "incremental" or "step".
 * @param {number} [target] The sales target: the tiers are then attainment rates (0.9 = 90 %).
 * @return {number} The sales still needed for the next tier; 0 in the top tier.
 * @customfunction
 */
function DK_REBATE_NEXTGAP(amount, tiers, method, target) {
  return dealerkitCall_(dealerkitRebates_(), 'DK_REBATE_NEXTGAP', [amount, tiers, method, target]);
}

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
  return dealerkitCall_(dealerkitRebates_(), 'DK_SPLIT', [total, weights, scale]);
}

/** The global DealerkitRebates that dealerkit-rebates.js defines; its absence is a message naming the file. */
function dealerkitRebates_() {
  if (typeof DealerkitRebates === 'undefined') {
    throw new Error('#N/A [dealerkit] DealerkitRebates is not defined: add dealerkit-rebates.js to this Apps Script project');
  }
  return DealerkitRebates;
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
