/**
 * The exact-arithmetic core every dealerkit engine builds on: the library's own Decimal,
 * conversion, rounding, exact allocation, ISO dates, number formatting, the shared result and
 * batch shapes, and the one error type.
 *
 * @module core
 */
export { Decimal, DECIMAL_PRECISION, ZERO, ONE, isDecimal, toDecimal } from './decimal.js';
export type { DecimalInput, DecimalConstructor } from './decimal.js';
export { DealerkitError, isDealerkitError, formatPath, ISSUE_CODES } from './errors.js';
export type { DealerkitErrorCode, DealerkitErrorJson, DealerkitIssue, DealerkitIssueCode, IssueInput, IssuePath } from './errors.js';
export { roundTo, toCurrencyScale, allocate, allocateEvenly, ROUNDING_MODES, MAX_SCALE } from './money.js';
export type { RoundingMode, RoundOptions, AllocateOptions } from './money.js';
export { toIsoDate, calculateDateAfter, calculateDaysBetween } from './dates.js';
export { toUtcDate } from './utc-date.js';
export type { IsoDate, DateInput } from './dates.js';
export { formatNumber, formatPercent } from './format.js';
export type { FormatNumberOptions } from './format.js';
export type { Warning, Step, ExplainOptions } from './result.js';
export type { BatchOptions, BatchRow, BatchResult, BatchErrorMode } from './batch.js';
export {
  toDealerkitError,
  decimalSchema,
  nonNegativeDecimalSchema,
  positiveDecimalSchema,
  fractionSchema,
  isoDateSchema,
  roundingModeSchema,
  scaleSchema,
  roundOptionsSchema,
  roundingSpecSchema,
  DEFAULT_RATIO_SCALE,
} from './schema.js';
export type { Schema, RoundingSpec, RoundingStage } from './schema.js';
