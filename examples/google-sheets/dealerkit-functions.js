// Generated from the dealerkit/sheets manifest (src/sheets/manifest.ts) by test/tools/sheets-generate.ts: do not edit.
// Google Sheets custom functions: =DK_REBATE(...), =DK_REBATE_TIER(...). Add dealerkit.iife.js to the same
// Apps Script project (it defines the global Dealerkit); this file calls it.

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
  return dealerkitCall_(dealerkit_(), 'DK_REBATE', [amount, tiers, method, target, currency]);
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
  return dealerkitCall_(dealerkit_(), 'DK_REBATE_TIER', [amount, tiers, method, target]);
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
  return dealerkitCall_(dealerkit_(), 'DK_REBATE_NEXTGAP', [amount, tiers, method, target]);
}

/**
 * A dealer's weighted KPI score (100 = on target): the sum of each KPI's points × weight, exact.
 * Scoring per KPI: "ratio" (default, actual / target × 100), "reduction" (lower is better) or
 * "deviation" (best at the target).
 *
 * @param {Array<Array<*>>} actuals The actual per KPI: a row or a column.
 * @param {Array<Array<*>>} targets The target per KPI (above 0), as many cells as the actuals.
 * @param {Array<Array<*>>} weights The weight per KPI (0 or more, summing to exactly 1).
 * @param {Array<Array<*>>} [scoring] "ratio" (default), "reduction" or "deviation": one word, or one cell per KPI.
 * @return {number} The weighted score.
 * @customfunction
 */
function DK_KPI_SCORE(actuals, targets, weights, scoring) {
  return dealerkitCall_(dealerkit_(), 'DK_KPI_SCORE', [actuals, targets, weights, scoring]);
}

/**
 * The grade of a score in a table of rows (min, grade), in any order: the grade with the highest
 * minimum the score reaches; #N/A below every minimum.
 *
 * @param {number} score A KPI score.
 * @param {Array<Array<*>>} grades The grade table: rows of minimum score and grade name; a header row is skipped.
 * @return {string} The grade.
 * @customfunction
 */
function DK_KPI_GRADE(score, grades) {
  return dealerkitCall_(dealerkit_(), 'DK_KPI_GRADE', [score, grades]);
}

/**
 * Weights from a pairwise comparison matrix (analytic hierarchy process): spills one weight per
 * item, then the consistency ratio (Saaty: consistent at 0.1 or less).
 *
 * @param {Array<Array<*>>} matrix A square reciprocal matrix: how many times the row item matters more than the column item ("1/3" as text).
 * @param {string} [method] "eigenvector" (default) or "geometric-mean".
 * @return {Array<Array<number>>} One weight per item (summing to 1), then the consistency ratio.
 * @customfunction
 */
function DK_AHP(matrix, method) {
  return dealerkitCall_(dealerkit_(), 'DK_AHP', [matrix, method]);
}

/**
 * The risk level of a likelihood and an impact (labels, or positions from 1 = lowest) in a risk
 * matrix: a preset ("nist" = NIST SP 800-30 Table I-2, the default; "nist-likelihood"; "5x5";
 * "3x3") or a range with impact labels in the first row and likelihood labels in the first column.
 *
 * @param {*} likelihood A likelihood label ("moderate") or position (1 = lowest).
 * @param {*} impact An impact label ("high") or position (1 = lowest).
 * @param {Array<Array<*>>} [matrix] A preset name or a range: impact labels across, likelihood labels down, lowest first; levels inside.
 * @return {string} The risk level label.
 * @customfunction
 */
function DK_RISK_LEVEL(likelihood, impact, matrix) {
  return dealerkitCall_(dealerkit_(), 'DK_RISK_LEVEL', [likelihood, impact, matrix]);
}

/**
 * Altman's Z-score of a firm, full precision, in the variant given: Z (1968), Z′ (private firms)
 * or Z″ (non-manufacturers, no sales term).
 *
 * @param {string} variant "z" (listed manufacturers), "z-prime" (private firms) or "z-double-prime" (non-manufacturers).
 * @param {number} workingCapital Current assets − current liabilities.
 * @param {number} totalAssets Total assets, above 0.
 * @param {number} retainedEarnings Retained earnings.
 * @param {number} ebit Earnings before interest and taxes.
 * @param {number} equity Market value of equity for "z", book value of equity otherwise.
 * @param {number} totalLiabilities Total liabilities, above 0.
 * @param {number} [sales] Sales of the year (required by "z" and "z-prime").
 * @return {number} The Z-score.
 * @customfunction
 */
function DK_ALTMAN(variant, workingCapital, totalAssets, retainedEarnings, ebit, equity, totalLiabilities, sales) {
  return dealerkitCall_(dealerkit_(), 'DK_ALTMAN', [variant, workingCapital, totalAssets, retainedEarnings, ebit, equity, totalLiabilities, sales]);
}

/**
 * The zone of Altman's Z-score by the variant's own cut-offs: "distress", "grey" (both cut-offs
 * included) or "safe".
 *
 * @param {string} variant "z" (listed manufacturers), "z-prime" (private firms) or "z-double-prime" (non-manufacturers).
 * @param {number} workingCapital Current assets − current liabilities.
 * @param {number} totalAssets Total assets, above 0.
 * @param {number} retainedEarnings Retained earnings.
 * @param {number} ebit Earnings before interest and taxes.
 * @param {number} equity Market value of equity for "z", book value of equity otherwise.
 * @param {number} totalLiabilities Total liabilities, above 0.
 * @param {number} [sales] Sales of the year (required by "z" and "z-prime").
 * @return {string} "distress", "grey" or "safe".
 * @customfunction
 */
function DK_ALTMAN_ZONE(variant, workingCapital, totalAssets, retainedEarnings, ebit, equity, totalLiabilities, sales) {
  return dealerkitCall_(dealerkit_(), 'DK_ALTMAN_ZONE', [variant, workingCapital, totalAssets, retainedEarnings, ebit, equity, totalLiabilities, sales]);
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
  return dealerkitCall_(dealerkit_(), 'DK_SPLIT', [total, weights, scale]);
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
  return dealerkitCall_(dealerkit_(), 'DK_CASCADE', [total, year, level, spread, scale, calendar]);
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
  return dealerkitCall_(dealerkit_(), 'DK_PACE', [total, year, level, asOf, actuals, spread, calendar]);
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
  return dealerkitCall_(dealerkit_(), 'DK_SAFETYSTOCK', [demandPerDay, sdPerDay, leadTimeDays, serviceLevel, leadTimeSdDays]);
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
  return dealerkitCall_(dealerkit_(), 'DK_REORDERPOINT', [demandPerDay, sdPerDay, leadTimeDays, serviceLevel, leadTimeSdDays]);
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
  return dealerkitCall_(dealerkit_(), 'DK_EOQ', [demandPerYear, orderCost, holdingCost]);
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
  return dealerkitCall_(dealerkit_(), 'DK_ORDERQTY', [position, demandPerDay, sdPerDay, leadTimeDays, serviceLevel, lotSize, moq, packSize, leadTimeSdDays]);
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
  return dealerkitCall_(dealerkit_(), 'DK_NORMINV', [p]);
}

/** The global Dealerkit that dealerkit.iife.js defines; its absence is a message naming the file. */
function dealerkit_() {
  if (typeof Dealerkit === 'undefined') {
    throw new Error('#N/A [dealerkit] Dealerkit is not defined: add dealerkit.iife.js to this Apps Script project');
  }
  return Dealerkit;
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
