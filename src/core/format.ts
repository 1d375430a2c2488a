import { toDecimal, type Decimal, type DecimalInput } from './decimal.js';
import { invalid, guard, type IssuePath } from './errors.js';
import { describeValue } from './messages.js';
import { checkMode, checkScale, roundDecimal, type RoundingMode } from './money.js';

/** Options of {@link formatNumber} and {@link formatPercent}. */
export interface FormatNumberOptions {
  /** Decimal places to show (rounded by `mode`); the value's own places when omitted. */
  scale?: number;
  /** How the shown figure is rounded; `'half-up'` when omitted. */
  mode?: RoundingMode;
  /** Whose digit grouping and decimal mark (`'en'` when omitted: `9,620,000.00`; `'de'`: `9.620.000,00`). */
  locale?: string;
}

interface Separators {
  group: string;
  decimal: string;
}

const EN: Separators = { group: ',', decimal: '.' };
const separatorCache = new Map<string, Separators>();

/** The grouping and decimal marks of a locale, from `Intl` (English without it). @internal */
export function separatorsOf(locale: unknown, path: IssuePath): Separators {
  if (locale === undefined || locale === 'en') return EN;
  if (typeof locale !== 'string' || locale === '' || locale.length > 35) {
    return invalid(path, `must be a BCP 47 locale tag such as 'en' or 'de-CH', received ${describeValue(locale)}`, { code: typeof locale === 'string' ? 'invalid_value' : 'invalid_type' });
  }
  const cached = separatorCache.get(locale);
  if (cached !== undefined) return cached;
  const intl = (globalThis as { Intl?: typeof Intl }).Intl;
  if (intl === undefined || typeof intl.NumberFormat !== 'function') return EN;
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1234567.5);
  } catch {
    return invalid(path, `is not a locale this engine knows, received ${describeValue(locale)}`, { code: 'unknown_label' });
  }
  const out: Separators = {
    group: parts.find((p) => p.type === 'group')?.value ?? '',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
  separatorCache.set(locale, out);
  return out;
}

/** Groups a plain decimal string's integer digits by threes. @internal */
export function groupDigits(plain: string, seps: Separators): string {
  const negative = plain.startsWith('-');
  const body = negative ? plain.slice(1) : plain;
  const [int, frac] = body.split('.') as [string, string?];
  let grouped = '';
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0) grouped += seps.group;
    grouped += int[i];
  }
  return `${negative ? '-' : ''}${grouped}${frac === undefined ? '' : seps.decimal + frac}`;
}

function formatAt(value: DecimalInput, options: FormatNumberOptions | undefined, percent: boolean): string {
  if (options !== undefined && (typeof options !== 'object' || options === null)) invalid(['options'], 'must be an object');
  const v = toDecimal(value, 'value');
  const seps = separatorsOf(options?.locale, ['options', 'locale']);
  const mode = options?.mode === undefined ? 'half-up' : checkMode(options.mode, ['options', 'mode']);
  const shown = percent ? v.times(100) : v;
  const scale = options?.scale === undefined ? (percent ? 2 : shown.decimalPlaces()) : checkScale(options.scale, ['options', 'scale']);
  const rounded: Decimal = roundDecimal(shown, scale, mode);
  return groupDigits(rounded.toFixed(scale), seps) + (percent ? ' %' : '');
}

/**
 * Formats a figure for people: digits grouped by threes, a fixed number of places, no exponent.
 *
 * @example
 * ```ts
 * formatNumber('9620000', { scale: 2 });
 * //=> '9,620,000.00'
 * formatNumber('1234.5', { scale: 2, locale: 'de' });
 * //=> '1.234,50'
 * ```
 */
export const formatNumber: (value: DecimalInput, options?: FormatNumberOptions) => string = guard((value, options) =>
  formatAt(value, options, false),
);

/**
 * Formats a ratio as a percentage for people: `0.962` → `'96.20 %'` (two places unless `scale` says otherwise).
 *
 * @example
 * ```ts
 * formatPercent('0.962');
 * //=> '96.20 %'
 * formatPercent('0.025', { scale: 1 });
 * //=> '2.5 %'
 * ```
 */
export const formatPercent: (ratio: DecimalInput, options?: FormatNumberOptions) => string = guard((ratio, options) =>
  formatAt(ratio, options, true),
);

/** Formats an already valid Decimal with English grouping at a scale (no checks): for step texts. @internal */
export function fmtAmount(value: Decimal, scale: number, seps: Separators = EN): string {
  return groupDigits(roundDecimal(value, scale, 'half-up').toFixed(scale), seps);
}

/** Formats an already valid ratio as a percentage with `places` places (no checks): for step texts. @internal */
export function fmtPercent(ratio: Decimal, places = 2, seps: Separators = EN): string {
  return `${groupDigits(roundDecimal(ratio.times(100), places, 'half-up').toFixed(places), seps)} %`;
}

/** Writes an exact rate as the percentage it is, unrounded (0.02 → 2 %, 0.0025 → 0.25 %): how rebate steps write rates. @internal */
export function fmtExactPercent(rate: Decimal, seps: Separators = EN): string {
  return `${groupDigits(rate.times(100).toFixed(), seps)} %`;
}

/** Writes an exact figure with at least `scale` places (more if it has them), digits grouped: for step texts. @internal */
export function fmtExact(value: Decimal, scale: number, seps: Separators = EN): string {
  return groupDigits(value.toFixed(Math.max(scale, value.decimalPlaces())), seps);
}

