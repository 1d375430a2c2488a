// Generated from the dealerkit/sheets manifest (src/sheets/manifest.ts) by test/tools/sheets-generate.ts: do not edit.
// Google Sheets custom functions: =DK_RISK_LEVEL(...), =DK_ALTMAN(...). Add dealerkit-risk.js to the same
// Apps Script project (it defines the global DealerkitRisk); this file calls it.

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
  return dealerkitCall_(dealerkitRisk_(), 'DK_RISK_LEVEL', [likelihood, impact, matrix]);
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
  return dealerkitCall_(dealerkitRisk_(), 'DK_ALTMAN', [variant, workingCapital, totalAssets, retainedEarnings, ebit, equity, totalLiabilities, sales]);
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
  return dealerkitCall_(dealerkitRisk_(), 'DK_ALTMAN_ZONE', [variant, workingCapital, totalAssets, retainedEarnings, ebit, equity, totalLiabilities, sales]);
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
  return dealerkitCall_(dealerkitRisk_(), 'DK_SPLIT', [total, weights, scale]);
}

/** The global DealerkitRisk that dealerkit-risk.js defines; its absence is a message naming the file. */
function dealerkitRisk_() {
  if (typeof DealerkitRisk === 'undefined') {
    throw new Error('#N/A [dealerkit] DealerkitRisk is not defined: add dealerkit-risk.js to this Apps Script project');
  }
  return DealerkitRisk;
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
