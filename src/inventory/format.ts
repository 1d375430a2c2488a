// How the inventory engine prints figures in step texts and explanations. @internal
import { Decimal } from '../core/decimal.js';
import { fmtAmount, fmtPercent, groupDigits, separatorsOf } from '../core/format.js';

/** Digit grouping and decimal mark. @internal */
export type Separators = ReturnType<typeof separatorsOf>;

/** English separators (`1,234.5`). @internal */
export const EN: Separators = separatorsOf(undefined, []);

/**
 * A statistical figure or a quantity for a text: whole numbers as they are, others to 4 decimals
 * (4 significant digits when tiny), digits grouped by the locale. @internal
 */
export function fmt(x: number, seps: Separators = EN): string {
  if (Number.isNaN(x)) return 'n/a';
  if (!Number.isFinite(x)) return String(x);
  // A whole number needs no branch of its own: toFixed(4) writes a double's exact decimal digits
  // (its own String() from 1e21 up) and Number reads them back to the same double, so whole numbers
  // print as they are; 0 takes the tiny branch, '0.000' → '0'.
  // Stryker disable next-line EqualityOperator: at exactly 0.001 both branches print '0.001'
  const s = Math.abs(x) >= 0.001 ? String(Number(x.toFixed(4))) : String(Number(x.toPrecision(4)));
  // Never '-0': String(-0) is '0', so a figure rounding to −0 prints 0.
  return /e/.test(s) ? s : groupDigits(s, seps);
}

/** A probability or level as a percentage with 2 places (`95.00 %`). @internal */
export function pct(x: number, seps: Separators = EN): string {
  return fmtPercent(new Decimal(x), 2, seps);
}

/** An exact ratio as a percentage with 2 places. @internal */
export function pctOf(x: Decimal, seps: Separators = EN): string {
  return fmtPercent(x, 2, seps);
}

/** Money at a scale, grouped. @internal */
export function money(x: Decimal, scale: number, seps: Separators = EN): string {
  return fmtAmount(x, scale, seps);
}

/** The scale a price prints at: its own decimal places, at least 2. @internal */
export function priceScale(x: Decimal): number {
  return Math.max(2, x.decimalPlaces());
}

/** A step text as a sentence: the first letter upper-case (Latin only) and a final period. @internal */
export function sentence(text: string): string {
  const first = text.charAt(0);
  const head = /[a-z]/.test(first) ? first.toUpperCase() + text.slice(1) : text;
  return /[.!?]$/.test(head) ? head : `${head}.`;
}
