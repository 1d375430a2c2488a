/**
 * The exact-arithmetic core every dealerkit engine builds on: the library's own Decimal,
 * conversion, rounding, exact allocation, ISO dates and the one error type.
 *
 * @module core
 */
export { Decimal, DECIMAL_PRECISION, ZERO, ONE, isDecimal, toDecimal } from './decimal.js';
export type { DecimalInput, DecimalConstructor } from './decimal.js';
export {
  DealerkitError,
  isDealerkitError,
  formatPath,
} from './errors.js';
export type { DealerkitErrorCode, DealerkitIssue, IssuePath } from './errors.js';
export {
  roundTo,
  currencyScale,
  allocate,
  allocateEvenly,
  ROUNDING_MODES,
  MAX_SCALE,
} from './money.js';
export type { RoundingMode, RoundOptions, AllocateOptions } from './money.js';
export { toIsoDate, toUtcDate, addIsoDays, differenceInIsoDays } from './dates.js';
export type { IsoDate, DateInput } from './dates.js';
export {
  fromZodError,
  decimalSchema,
  nonNegativeDecimalSchema,
  positiveDecimalSchema,
  isoDateSchema,
  roundingModeSchema,
  scaleSchema,
  roundOptionsSchema,
} from './schema.js';
export type { Schema } from './schema.js';
