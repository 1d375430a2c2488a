// Generated from the dealerkit/sheets manifest (src/sheets/manifest.ts) by test/tools/sheets-generate.ts: do not edit.
// Google Sheets custom functions: =DK_SPLIT(...), =DK_CASCADE(...). Add dealerkit-targets.js to the same
// Apps Script project (it defines the global DealerkitTargets); this file calls it.

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
  return dealerkitCall_(dealerkitTargets_(), 'DK_SPLIT', [total, weights, scale]);
}

/**
 * Splits a year's target into its quarters, months or ISO weeks so that the parts sum exactly to
 * the total. Spills one row per period: id, first day, last day (date serials) and target.
 *
 * @param {number} total The year's target.
 * @param {number} year The year (the fiscal year for "nrf").
 * @param {string} level "quarter", "month" or "week".
 * @param {Array<Array<*>>} [spread] "even" (default), "days", "workdays", or a range of weights, one per period.
 * @param {number} [scale] Decimal places of each target, 0 to 30; omitted: the decimal places of the total.
 * @param {string} [calendar] "gregorian" (default) or "nrf" (the NRF 4-5-4 retail calendar).
 * @return {Array<Array<*>>} One row per period: id, start, end (date serials), target.
 * @customfunction
 */
function DK_CASCADE(total, year, level, spread, scale, calendar) {
  return dealerkitCall_(dealerkitTargets_(), 'DK_CASCADE', [total, year, level, spread, scale, calendar]);
}

/**
 * The pace of the year against its cascade as of a date. Spills one row: expected to date, actual
 * to date, attainment, gap (positive when behind) and the run-rate forecast for the year.
 *
 * @param {number} total The year's target.
 * @param {number} year The year (the fiscal year for "nrf").
 * @param {string} level "quarter", "month" or "week": the periods the actuals are given for.
 * @param {*} asOf The day the pace is measured at (included): a date cell, a serial or "YYYY-MM-DD".
 * @param {Array<Array<*>>} actuals The actual of each period, in order from the first; empty cells for periods without one.
 * @param {Array<Array<*>>} [spread] "even" (default), "days", "workdays", or a range of weights, one per period.
 * @param {string} [calendar] "gregorian" (default) or "nrf" (the NRF 4-5-4 retail calendar).
 * @return {Array<Array<*>>} Expected to date, actual to date, attainment, gap, run-rate forecast.
 * @customfunction
 */
function DK_PACE(total, year, level, asOf, actuals, spread, calendar) {
  return dealerkitCall_(dealerkitTargets_(), 'DK_PACE', [total, year, level, asOf, actuals, spread, calendar]);
}

/** The global DealerkitTargets that dealerkit-targets.js defines; its absence is a message naming the file. */
function dealerkitTargets_() {
  if (typeof DealerkitTargets === 'undefined') {
    throw new Error('#N/A [dealerkit] DealerkitTargets is not defined: add dealerkit-targets.js to this Apps Script project');
  }
  return DealerkitTargets;
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
