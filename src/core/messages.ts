/**
 * Every message text of the core in one place (as dinero.js keeps its message constants), so the
 * wording is consistent and each engine's own `messages.ts` can build on the same pieces.
 *
 * @internal
 * @module
 */

/** A received value printed for a message: strings quoted and cut at 40 characters. @internal */
export function describeValue(value: unknown): string {
  try {
    if (value === undefined) return 'nothing';
    if (value === null) return 'null';
    if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
    if (typeof value === 'boolean') return String(value);
    if (typeof value === 'bigint') return `${value.toString()}n`;
    if (Array.isArray(value)) return 'an array';
    if (typeof value === 'object' && typeof (value as { toFixed?: unknown }).toFixed === 'function' && (value as { constructor?: { isDecimal?: unknown } }).constructor?.isDecimal) {
      return String(value);
    }
    return typeof value === 'object' ? 'an object' : typeof value;
  } catch {
    return 'an unreadable value';
  }
}

/** Hint for text that looks like a number written for people (`'1,000'`, `'3%'`, `'€5'`), or ''. @internal */
export function numberTextHint(text: string): string {
  const t = text.trim();
  const percent = /^([+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+))\s*%$/.exec(t);
  if (percent) {
    const whole = percent[1]!.replace(',', '.');
    return `: write ${shiftLeft2(whole)} for ${whole} %`;
  }
  // Groups of three separated by a comma, a space, a no-break or narrow no-break space (French, Swiss
  // and ISO 31-0 print those), an apostrophe (Swiss) or an underscore.
  if (/^[+-]?\d{1,3}([, \u00a0\u202f'_]\d{3})+(\.\d+)?$/.test(t)) {
    return `: write ${t.replace(/[, \u00a0\u202f'_]/g, '')} without thousands separators`;
  }
  if (/^[+-]?\d{1,3}([ \u00a0\u202f]\d{3})+,\d+$/.test(t)) {
    return `: write ${t.replace(/[ \u00a0\u202f]/g, '').replace(',', '.')} with a point for the decimals and no separators`;
  }
  if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) {
    return `: write ${t.replace(/\./g, '').replace(',', '.')} with a point for the decimals and no separators`;
  }
  if (/^[+-]?\d+,\d+$/.test(t)) return `: write ${t.replace(',', '.')} with a decimal point`;
  if (/^[^\d\s+-]{1,3}\s*[+-]?[\d.,]+$|^[+-]?[\d.,]+\s*[^\d\s%.,]{1,3}$/.test(t)) return ': write the number alone, without a currency or unit';
  if (t !== text && t !== '') return ': remove the surrounding spaces';
  return '';
}

/** `'3'` → `'0.03'`, `'12.5'` → `'0.125'`: a percentage's text divided by 100 without floats. */
function shiftLeft2(text: string): string {
  const negative = text.startsWith('-');
  // Stryker disable next-line Regex: the text is a percentage's number, [+-]? then digits: a sign can only be its first character
  const body = text.replace(/^[+-]/, '');
  const [int, frac = ''] = body.split('.') as [string, string?];
  // At least three digits before the fraction (an empty integer part pads like '0'), so the point
  // lands after at least one digit and the text keeps a digit before it.
  const digits = int.padStart(3, '0') + frac;
  const point = digits.length - frac.length - 2;
  const out = `${digits.slice(0, point).replace(/^0+(?=\d)/, '')}.${digits.slice(point)}`.replace(/\.?0+$/, '');
  return negative && out !== '0' ? `-${out}` : out;
}

/** The hint for a share given as a whole-number percentage: `97` → `write 0.97 for 97 %`. @internal */
export function percentHint(received: string): string {
  return `write ${shiftLeft2(received)} for ${received} %`;
}

/** Core message texts. @internal */
export const CORE_MESSAGES = {
  notFinite: (v: unknown) => `must be a finite number, received ${describeValue(v)}`,
  notNumeric: (v: unknown) => `must be a number or a numeric string, received ${describeValue(v)}${typeof v === 'string' ? numberTextHint(v) : ''}`,
  outOfDecimalRange: (v: unknown) => `is out of the representable range, received ${describeValue(v)}`,
  notFiniteDecimal: (v: string) => `must be a finite decimal, received ${v}`,
  fraction: (received: string) => `must be a fraction from 0 to 1, received ${received}: ${percentHint(received)}`,
  fractionBelow: (received: string) => `must be a fraction from 0 to 1, received ${received}`,
  unknownField: (suggestion: string | undefined) =>
    suggestion === undefined ? 'is not a known field' : `is not a known field; did you mean \`${suggestion}\`?`,
} as const;
