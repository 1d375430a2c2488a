import { Decimal as DecimalJs } from 'decimal.js';
import { invalid, outOfRange, type IssuePath } from './errors.js';
import { CORE_MESSAGES, describeValue } from './messages.js';

/**
 * The exact decimal type every dealerkit result carries (a decimal.js instance).
 *
 * @example
 * ```ts
 * import { toDecimal, type Decimal } from 'dealerkit';
 * const d: Decimal = toDecimal('0.1').plus('0.2');
 * d.toString();
 * //=> '0.3'
 * ```
 */
export type Decimal = DecimalJs;

/** A value dealerkit accepts wherever it wants an exact number: a finite number, a numeric string or a Decimal. */
export type DecimalInput = number | string | DecimalJs;

/** The constructor type of dealerkit's own Decimal class. */
export type DecimalConstructor = typeof DecimalJs;

/**
 * Significant digits dealerkit's Decimal keeps in every operation (decimal128 has 34; we keep more).
 *
 * @example
 * ```ts
 * new Decimal(1).div(3).toString().length - 2;
 * //=> 40
 * ```
 */
export const DECIMAL_PRECISION = 40;

/**
 * dealerkit's own Decimal class: a `Decimal.clone` of decimal.js with 40 significant digits,
 * half-even rounding of intermediate results, and exponent notation switched off.
 *
 * It never calls `Decimal.set`, so a host application's decimal.js keeps its own configuration.
 * Its instances inherit from a private prototype layered over decimal.js's shared one, so
 * `toString`, `toJSON` and `valueOf` print plain decimals and never `-0` without touching the
 * host's instances.
 *
 * @example
 * ```ts
 * import { Decimal } from 'dealerkit';
 * JSON.stringify({ a: new Decimal('-0'), b: new Decimal('1e21') });
 * //=> '{"a":"0","b":"1000000000000000000000"}'
 * ```
 */
export const Decimal: DecimalConstructor = DecimalJs.clone({
  precision: DECIMAL_PRECISION,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
  minE: -9e15,
  maxE: 9e15,
  modulo: DecimalJs.ROUND_FLOOR,
});

const sharedPrototype = DecimalJs.prototype;
// decimal.js's toString already prints a negative zero as "0", but its toJSON and valueOf keep
// the sign; ours print what toString prints, without exponent notation (see the config above).
const plainString = function (this: DecimalJs): string {
  return sharedPrototype.toString.call(this);
};
const ownPrototype = Object.create(sharedPrototype, {
  toJSON: { value: plainString, writable: true, configurable: true },
  valueOf: { value: plainString, writable: true, configurable: true },
}) as DecimalJs;
// Instances are created with `new Ctor(...)`, so they pick up this prototype; the host's do not.
(Decimal as unknown as { prototype: DecimalJs }).prototype = ownPrototype;

/**
 * Decimal zero, shared (Decimal instances are immutable).
 *
 * @example
 * ```ts
 * ZERO.plus('1.5').toString();
 * //=> '1.5'
 * ```
 */
export const ZERO: Decimal = new Decimal(0);
/**
 * Decimal one, shared.
 *
 * @example
 * ```ts
 * ONE.div(8).toString();
 * //=> '0.125'
 * ```
 */
export const ONE: Decimal = new Decimal(1);

/**
 * True when `value` is a decimal.js instance (ours or any other clone of decimal.js).
 *
 * @example
 * ```ts
 * [isDecimal(toDecimal('1')), isDecimal('1')];
 * //=> [true, false]
 * ```
 */
export function isDecimal(value: unknown): value is Decimal {
  try {
    return DecimalJs.isDecimal(value);
  } catch {
    return false; // a revoked proxy
  }
}

const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Converts a finite number, a numeric string or a Decimal into dealerkit's Decimal.
 *
 * Numbers are read by their shortest round-trip text (`0.1` is exactly 0.1). Strings may carry a
 * sign, a decimal point and an exponent (`'12.50'`, `'1e3'`); blanks, thousands separators, `NaN`,
 * `Infinity`, `null` and objects are refused with a {@link DealerkitError} naming `path`.
 *
 * @param value - What to convert.
 * @param path - Where the value came from, for the error message (`'sales'` or `['tiers', 2, 'rate']`).
 * @example
 * ```ts
 * toDecimal('12.50').toString();
 * //=> '12.5'
 * toDecimal(0.1).plus(toDecimal(0.2)).toString();
 * //=> '0.3'
 * ```
 */
export function toDecimal(value: unknown, path: string | IssuePath = []): Decimal {
  const p = typeof path === 'string' ? (path === '' ? [] : [path]) : path;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return new Decimal(value === 0 ? 0 : value);
    invalid(p, CORE_MESSAGES.notFinite(value), { code: 'not_a_number', expected: 'a finite number', received: describeValue(value) });
  }
  if (typeof value === 'string') {
    if (NUMERIC.test(value)) {
      const d = new Decimal(value);
      if (d.isFinite()) return d.isZero() ? ZERO : d;
      outOfRange(p, CORE_MESSAGES.outOfDecimalRange(value), { code: 'out_of_range', received: describeValue(value) });
    }
    invalid(p, CORE_MESSAGES.notNumeric(value), { code: 'not_a_number', expected: 'a number or a numeric string', received: describeValue(value) });
  }
  if (isDecimal(value)) {
    if (value.isFinite()) return value instanceof Decimal && !(value.isZero() && value.isNeg()) ? value : new Decimal(value.isZero() ? 0 : value);
    invalid(p, CORE_MESSAGES.notFiniteDecimal(value.toString()), { code: 'not_a_number', received: value.toString() });
  }
  return invalid(p, CORE_MESSAGES.notNumeric(value), {
    code: value === undefined ? 'required' : 'invalid_type',
    expected: 'a number or a numeric string',
    received: describeValue(value),
  });
}
