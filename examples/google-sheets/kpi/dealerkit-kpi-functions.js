// Generated from the dealerkit/sheets manifest (src/sheets/manifest.ts) by test/tools/sheets-generate.ts: do not edit.
// Google Sheets custom functions: =DK_KPI_SCORE(...), =DK_KPI_GRADE(...). Add dealerkit-kpi.js to the same
// Apps Script project (it defines the global DealerkitKpi); this file calls it.

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
  return dealerkitCall_(dealerkitKpi_(), 'DK_KPI_SCORE', [actuals, targets, weights, scoring]);
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
  return dealerkitCall_(dealerkitKpi_(), 'DK_KPI_GRADE', [score, grades]);
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
  return dealerkitCall_(dealerkitKpi_(), 'DK_AHP', [matrix, method]);
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
  return dealerkitCall_(dealerkitKpi_(), 'DK_SPLIT', [total, weights, scale]);
}

/** The global DealerkitKpi that dealerkit-kpi.js defines; its absence is a message naming the file. */
function dealerkitKpi_() {
  if (typeof DealerkitKpi === 'undefined') {
    throw new Error('#N/A [dealerkit] DealerkitKpi is not defined: add dealerkit-kpi.js to this Apps Script project');
  }
  return DealerkitKpi;
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
