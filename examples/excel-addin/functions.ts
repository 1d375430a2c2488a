// Generated from the dealerkit/sheets manifest (src/sheets/manifest.ts) by test/tools/sheets-generate.ts: do not edit.
// Excel custom functions under the namespace DK (set in the add-in manifest): =DK.REBATE(...).
// Every failure shows in the cell as #VALUE! or #N/A with dealerkit's message (hover the error flag).
import * as dk from 'dealerkit/sheets';

/**
 * Turns a dealerkit failure into an Excel error that carries its message. Excel shows a custom
 * function's message only on #VALUE! and #N/A, so a number out of range (#NUM! in dealerkit's
 * mapping, toSheetError) shows as #VALUE! with the message, as in Google Sheets.
 */
function excelError(error: unknown): CustomFunctions.Error {
  const e = dk.toSheetError(error);
  const code = e.error === '#N/A' ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code, e.message);
}

/**
 * The rebate on an amount by a tier table (rows: from, rate, optional fixed; ascending from 0), rounded once to the currency's minor unit. Method "retroactive" (default: the tier reached prices the whole amount), "incremental" (each band at its rate) or "step" (the fixed amount). With a target, tiers are attainment rates.
 * @customfunction REBATE REBATE
 * @param amount Net sales of the period.
 * @param tiers The tier table: rows of from, rate and optional fixed amount, ascending from 0; a header row is skipped.
 * @param method "retroactive" (default), "incremental" or "step".
 * @param target The sales target: the tiers are then attainment rates (0.9 = 90 %).
 * @param currency ISO 4217 code (CNY, USD, JPY) setting the rounding; omitted: 2 decimal places.
 * @returns The rebate.
 */
export function rebate(amount: number, tiers: any[][], method?: string, target?: number, currency?: string): number {
  try { return dk.DK_REBATE(amount, tiers, method, target, currency); } catch (error) { throw excelError(error); }
}

/**
 * The tier an amount reaches in a tier table, counted from 1 (the first row of data), for INDEX(names, ...).
 * @customfunction REBATE.TIER REBATE.TIER
 * @param amount Net sales of the period.
 * @param tiers The tier table: rows of from, rate and optional fixed amount, ascending from 0; a header row is skipped.
 * @param method "retroactive" (default), "incremental" or "step".
 * @param target The sales target: the tiers are then attainment rates (0.9 = 90 %).
 * @returns The tier reached, from 1.
 */
export function rebateTier(amount: number, tiers: any[][], method?: string, target?: number): number {
  try { return dk.DK_REBATE_TIER(amount, tiers, method, target); } catch (error) { throw excelError(error); }
}

/**
 * The extra sales that reach the next tier of a tier table (with a target, still in sales), or 0 in the top tier.
 * @customfunction REBATE.NEXTGAP REBATE.NEXTGAP
 * @param amount Net sales of the period.
 * @param tiers The tier table: rows of from, rate and optional fixed amount, ascending from 0; a header row is skipped.
 * @param method "retroactive" (default), "incremental" or "step".
 * @param target The sales target: the tiers are then attainment rates (0.9 = 90 %).
 * @returns The sales still needed for the next tier; 0 in the top tier.
 */
export function rebateNextgap(amount: number, tiers: any[][], method?: string, target?: number): number {
  try { return dk.DK_REBATE_NEXTGAP(amount, tiers, method, target); } catch (error) { throw excelError(error); }
}

/**
 * A dealer's weighted KPI score (100 = on target): the sum of each KPI's points × weight, exact. Scoring per KPI: "ratio" (default, actual / target × 100), "reduction" (lower is better) or "deviation" (best at the target).
 * @customfunction KPI.SCORE KPI.SCORE
 * @param actuals The actual per KPI: a row or a column.
 * @param targets The target per KPI (above 0), as many cells as the actuals.
 * @param weights The weight per KPI (0 or more, summing to exactly 1).
 * @param scoring "ratio" (default), "reduction" or "deviation": one word, or one cell per KPI.
 * @returns The weighted score.
 */
export function kpiScore(actuals: any[][], targets: any[][], weights: any[][], scoring?: any[][]): number {
  try { return dk.DK_KPI_SCORE(actuals, targets, weights, scoring); } catch (error) { throw excelError(error); }
}

/**
 * The grade of a score in a table of rows (min, grade), in any order: the grade with the highest minimum the score reaches; #N/A below every minimum.
 * @customfunction KPI.GRADE KPI.GRADE
 * @param score A KPI score.
 * @param grades The grade table: rows of minimum score and grade name; a header row is skipped.
 * @returns The grade.
 */
export function kpiGrade(score: number, grades: any[][]): string {
  try { return dk.DK_KPI_GRADE(score, grades); } catch (error) { throw excelError(error); }
}

/**
 * Weights from a pairwise comparison matrix (analytic hierarchy process): spills one weight per item, then the consistency ratio (Saaty: consistent at 0.1 or less).
 * @customfunction AHP AHP
 * @param matrix A square reciprocal matrix: how many times the row item matters more than the column item ("1/3" as text).
 * @param method "eigenvector" (default) or "geometric-mean".
 * @returns One weight per item (summing to 1), then the consistency ratio.
 */
export function ahp(matrix: any[][], method?: string): number[][] {
  try { return dk.DK_AHP(matrix, method); } catch (error) { throw excelError(error); }
}

/**
 * The risk level of a likelihood and an impact (labels, or positions from 1 = lowest) in a risk matrix: a preset ("nist" = NIST SP 800-30 Table I-2, the default; "nist-likelihood"; "5x5"; "3x3") or a range with impact labels in the first row and likelihood labels in the first column.
 * @customfunction RISK.LEVEL RISK.LEVEL
 * @param likelihood A likelihood label ("moderate") or position (1 = lowest).
 * @param impact An impact label ("high") or position (1 = lowest).
 * @param matrix A preset name or a range: impact labels across, likelihood labels down, lowest first; levels inside.
 * @returns The risk level label.
 */
export function riskLevel(likelihood: any, impact: any, matrix?: any[][]): string {
  try { return dk.DK_RISK_LEVEL(likelihood, impact, matrix); } catch (error) { throw excelError(error); }
}

/**
 * Altman's Z-score of a firm, full precision, in the variant given: Z (1968), Z′ (private firms) or Z″ (non-manufacturers, no sales term).
 * @customfunction ALTMAN ALTMAN
 * @param variant "z" (listed manufacturers), "z-prime" (private firms) or "z-double-prime" (non-manufacturers).
 * @param workingCapital Current assets − current liabilities.
 * @param totalAssets Total assets, above 0.
 * @param retainedEarnings Retained earnings.
 * @param ebit Earnings before interest and taxes.
 * @param equity Market value of equity for "z", book value of equity otherwise.
 * @param totalLiabilities Total liabilities, above 0.
 * @param sales Sales of the year (required by "z" and "z-prime").
 * @returns The Z-score.
 */
export function altman(variant: string, workingCapital: number, totalAssets: number, retainedEarnings: number, ebit: number, equity: number, totalLiabilities: number, sales?: number): number {
  try { return dk.DK_ALTMAN(variant, workingCapital, totalAssets, retainedEarnings, ebit, equity, totalLiabilities, sales); } catch (error) { throw excelError(error); }
}

/**
 * The zone of Altman's Z-score by the variant's own cut-offs: "distress", "grey" (both cut-offs included) or "safe".
 * @customfunction ALTMAN.ZONE ALTMAN.ZONE
 * @param variant "z" (listed manufacturers), "z-prime" (private firms) or "z-double-prime" (non-manufacturers).
 * @param workingCapital Current assets − current liabilities.
 * @param totalAssets Total assets, above 0.
 * @param retainedEarnings Retained earnings.
 * @param ebit Earnings before interest and taxes.
 * @param equity Market value of equity for "z", book value of equity otherwise.
 * @param totalLiabilities Total liabilities, above 0.
 * @param sales Sales of the year (required by "z" and "z-prime").
 * @returns "distress", "grey" or "safe".
 */
export function altmanZone(variant: string, workingCapital: number, totalAssets: number, retainedEarnings: number, ebit: number, equity: number, totalLiabilities: number, sales?: number): string {
  try { return dk.DK_ALTMAN_ZONE(variant, workingCapital, totalAssets, retainedEarnings, ebit, equity, totalLiabilities, sales); } catch (error) { throw excelError(error); }
}

/**
 * Splits a total over weights exactly (largest remainder, ties to the earlier weight): the parts sum to the total. Spills one part per weight, in the shape of the weights.
 * @customfunction SPLIT SPLIT
 * @param total The amount to split.
 * @param weights A range of weights, zero or more, not all zero.
 * @param scale Decimal places of each part, 0 to 30; omitted: the decimal places of the total.
 * @returns One part per weight, summing exactly to the total.
 */
export function split(total: number, weights: any[][], scale?: number): number[][] {
  try { return dk.DK_SPLIT(total, weights, scale); } catch (error) { throw excelError(error); }
}

/**
 * Splits a year's target into its quarters, months or ISO weeks so that the parts sum exactly to the total. Spills one row per period: id, first day, last day (date serials) and target.
 * @customfunction CASCADE CASCADE
 * @param total The year's target.
 * @param year The year (the fiscal year for "nrf").
 * @param level "quarter", "month" or "week".
 * @param spread "even" (default), "days", "workdays", or a range of weights, one per period.
 * @param scale Decimal places of each target, 0 to 30; omitted: the decimal places of the total.
 * @param calendar "gregorian" (default) or "nrf" (the NRF 4-5-4 retail calendar).
 * @returns One row per period: id, start, end (date serials), target.
 */
export function cascade(total: number, year: number, level: string, spread?: any[][], scale?: number, calendar?: string): any[][] {
  try { return dk.DK_CASCADE(total, year, level, spread, scale, calendar); } catch (error) { throw excelError(error); }
}

/**
 * The pace of the year against its cascade as of a date. Spills one row: expected to date, actual to date, attainment, gap (positive when behind) and the run-rate forecast for the year.
 * @customfunction PACE PACE
 * @param total The year's target.
 * @param year The year (the fiscal year for "nrf").
 * @param level "quarter", "month" or "week": the periods the actuals are given for.
 * @param asOf The day the pace is measured at (included): a date cell, a serial or "YYYY-MM-DD".
 * @param actuals The actual of each period, in order from the first; empty cells for periods without one.
 * @param spread "even" (default), "days", "workdays", or a range of weights, one per period.
 * @param calendar "gregorian" (default) or "nrf" (the NRF 4-5-4 retail calendar).
 * @returns Expected to date, actual to date, attainment, gap, run-rate forecast.
 */
export function pace(total: number, year: number, level: string, asOf: any, actuals: any[][], spread?: any[][], calendar?: string): any[][] {
  try { return dk.DK_PACE(total, year, level, asOf, actuals, spread, calendar); } catch (error) { throw excelError(error); }
}

/**
 * Safety stock for a cycle service level: z × √(L × σd² + d² × σL²), z = NORM.S.INV(service level), in units, not rounded.
 * @customfunction SAFETYSTOCK SAFETYSTOCK
 * @param demandPerDay Mean demand per day, in units.
 * @param sdPerDay Standard deviation of daily demand, in units.
 * @param leadTimeDays Mean lead time in days.
 * @param serviceLevel Cycle service level, strictly between 0 and 1 (0.95).
 * @param leadTimeSdDays Standard deviation of the lead time in days (default 0).
 * @returns Safety stock in units.
 */
export function safetystock(demandPerDay: number, sdPerDay: number, leadTimeDays: number, serviceLevel: number, leadTimeSdDays?: number): number {
  try { return dk.DK_SAFETYSTOCK(demandPerDay, sdPerDay, leadTimeDays, serviceLevel, leadTimeSdDays); } catch (error) { throw excelError(error); }
}

/**
 * The reorder point (alert line) for a cycle service level: demand over the lead time plus the safety stock, d × L + SS.
 * @customfunction REORDERPOINT REORDERPOINT
 * @param demandPerDay Mean demand per day, in units.
 * @param sdPerDay Standard deviation of daily demand, in units.
 * @param leadTimeDays Mean lead time in days.
 * @param serviceLevel Cycle service level, strictly between 0 and 1 (0.95).
 * @param leadTimeSdDays Standard deviation of the lead time in days (default 0).
 * @returns The reorder point in units.
 */
export function reorderpoint(demandPerDay: number, sdPerDay: number, leadTimeDays: number, serviceLevel: number, leadTimeSdDays?: number): number {
  try { return dk.DK_REORDERPOINT(demandPerDay, sdPerDay, leadTimeDays, serviceLevel, leadTimeSdDays); } catch (error) { throw excelError(error); }
}

/**
 * The economic order quantity √(2 × K × D / h) (Harris), not rounded.
 * @customfunction EOQ EOQ
 * @param demandPerYear Demand per year in units.
 * @param orderCost The cost of placing one order.
 * @param holdingCost The cost of holding one unit for a year (holding rate × unit cost), above 0.
 * @returns The economic order quantity in units.
 */
export function eoq(demandPerYear: number, orderCost: number, holdingCost: number): number {
  try { return dk.DK_EOQ(demandPerYear, orderCost, holdingCost); } catch (error) { throw excelError(error); }
}

/**
 * The units to order now under an (r, Q) policy: 0 above the reorder point; else the lot size (or what reaches the reorder point, if more), raised to the MOQ, in whole packs.
 * @customfunction ORDERQTY ORDERQTY
 * @param position Inventory position: on hand + on order − backordered.
 * @param demandPerDay Mean demand per day.
 * @param sdPerDay Standard deviation of daily demand.
 * @param leadTimeDays Mean lead time in days.
 * @param serviceLevel Cycle service level, strictly between 0 and 1.
 * @param lotSize The lot size Q, above 0 (for example DK.EOQ).
 * @param moq Minimum order quantity, whole units.
 * @param packSize Units per pack, whole, at least 1.
 * @param leadTimeSdDays Standard deviation of the lead time in days (default 0).
 * @returns Units to order now, whole packs.
 */
export function orderqty(position: number, demandPerDay: number, sdPerDay: number, leadTimeDays: number, serviceLevel: number, lotSize: number, moq?: number, packSize?: number, leadTimeSdDays?: number): number {
  try { return dk.DK_ORDERQTY(position, demandPerDay, sdPerDay, leadTimeDays, serviceLevel, lotSize, moq, packSize, leadTimeSdDays); } catch (error) { throw excelError(error); }
}

/**
 * The inverse of the standard normal distribution: the safety factor z of a cycle service level (like NORM.S.INV, to about 1e-16 relative).
 * @customfunction NORMINV NORMINV
 * @param p A probability strictly between 0 and 1, such as a cycle service level of 0.95.
 * @returns z such that P(Z ≤ z) = p for a standard normal Z.
 */
export function norminv(p: number): number {
  try { return dk.DK_NORMINV(p); } catch (error) { throw excelError(error); }
}

// Office's webpack plugin (custom-functions-metadata-plugin) also registers these; registering twice is harmless.
if (typeof CustomFunctions !== 'undefined' && typeof CustomFunctions.associate === 'function') {
  CustomFunctions.associate('REBATE', rebate);
  CustomFunctions.associate('REBATE.TIER', rebateTier);
  CustomFunctions.associate('REBATE.NEXTGAP', rebateNextgap);
  CustomFunctions.associate('KPI.SCORE', kpiScore);
  CustomFunctions.associate('KPI.GRADE', kpiGrade);
  CustomFunctions.associate('AHP', ahp);
  CustomFunctions.associate('RISK.LEVEL', riskLevel);
  CustomFunctions.associate('ALTMAN', altman);
  CustomFunctions.associate('ALTMAN.ZONE', altmanZone);
  CustomFunctions.associate('SPLIT', split);
  CustomFunctions.associate('CASCADE', cascade);
  CustomFunctions.associate('PACE', pace);
  CustomFunctions.associate('SAFETYSTOCK', safetystock);
  CustomFunctions.associate('REORDERPOINT', reorderpoint);
  CustomFunctions.associate('EOQ', eoq);
  CustomFunctions.associate('ORDERQTY', orderqty);
  CustomFunctions.associate('NORMINV', norminv);
}
