// The batch path's texts and shared values: numbers written from scaled integers exactly as the
// Decimal path writes them, and a cache of the Decimals and sentences a batch repeats.
import { Decimal, ZERO } from '../core/decimal.js';
import { decimalFromScaled, divRound, POW10, ROUNDING_CODE, roundScaled } from '../core/scaled.js';
import { KPI_WORDS as W } from './messages.js';
import { TEXT_PLACES, type KpiStep } from './steps.js';

const ZEROS = '0'.repeat(32);

/**
 * A text kept by a result, flattened: a sentence built by concatenation is a tree of string
 * pieces until it is read, and a batch keeps hundreds of thousands of them.
 */
export function flat(text: string): string {
  if (text.length > 0) text.charCodeAt(text.length - 1);
  return text;
}

/** Groups the digits of a non-negative integer's text by threes with commas. */
function groupInt(int: string): string {
  const n = int.length;
  if (n <= 3) return int;
  let head = n % 3 || 3;
  let out = int.slice(0, head);
  for (; head < n; head += 3) out += `,${int.slice(head, head + 3)}`;
  return out;
}

/** `u × 10^-s` with every digit, grouped: the text {@link plainText} gives for the same Decimal. @internal */
export function scaledPlain(u: number, s: number): string {
  if (u === 0) return '0';
  const neg = u < 0;
  let digits = String(neg ? -u : u);
  if (s === 0) return neg ? `-${groupInt(digits)}` : groupInt(digits);
  if (digits.length <= s) digits = ZEROS.slice(0, s + 1 - digits.length) + digits;
  const cut = digits.length - s;
  let end = digits.length;
  while (end > cut && digits.charCodeAt(end - 1) === 48) end--;
  const text = end === cut ? groupInt(digits.slice(0, cut)) : `${groupInt(digits.slice(0, cut))}.${digits.slice(cut, end)}`;
  return neg ? `-${text}` : text;
}

/** `u × 10^-s` rounded half-up (away from zero) to `places`, grouped: what fmtAmount gives for the same Decimal. @internal */
export function scaledFixed(u: number, s: number, places: number): string {
  const neg = u < 0;
  let a = neg ? -u : u;
  let digits: string;
  if (places >= s) {
    digits = String(a) + ZEROS.slice(0, places - s);
  } else {
    a = divRound(a, POW10[s - places]!, HALF_UP);
    digits = String(a);
  }
  let text: string;
  if (places === 0) text = groupInt(digits);
  else {
    if (digits.length <= places) digits = ZEROS.slice(0, places + 1 - digits.length) + digits;
    const cut = digits.length - places;
    text = `${groupInt(digits.slice(0, cut))}.${digits.slice(cut)}`;
  }
  return neg && a !== 0 ? `-${text}` : text;
}

export const CACHE_LIMIT = 1 << 16;
const HALF_UP = ROUNDING_CODE['half-up'];

/**
 * Decimals already built in this batch, by scale and scaled integer. Decimal instances are
 * immutable, so results may share them; a batch of 100,000 dealers repeats most of its
 * attainments, points and contributions, and sharing them spares the garbage collector millions
 * of live objects. Each scale holds at most 65,536 values. @internal
 */
export class DecimalCache {
  private readonly byScale: Map<number, Decimal>[] = [];
  /** Scratch space of one dealer: the scaled actuals (reused, never returned). */
  readonly u: number[] = [];
  readonly s: number[] = [];
  readonly values: (Decimal | boolean)[] = [];
  readonly targets: (Decimal | null)[] = [];
  readonly tu: number[] = [];
  readonly ts: number[] = [];
  readonly steps: KpiStep[] = [];

  private readonly plainByScale: Map<number, string>[] = [];

  /** {@link scaledPlain} of `u × 10^-s`, remembered (for targets, which repeat). */
  plain(u: number, s: number): string {
    return remembered(this.plainByScale, u, s, scaledPlain);
  }

  private readonly weightedTexts = new Map<number, string>();

  /** The weighted-score sentence of `u × 10^-s` (it shows 2 places, so it is shared by every score that shows the same). */
  weightedText(u: number, s: number, n: number): string {
    const shown = s > TEXT_PLACES ? roundScaled(u, s, TEXT_PLACES, HALF_UP) : u;
    let t = this.weightedTexts.get(shown);
    if (t === undefined) {
      t = flat(W.weightedScore(scaledFixed(u, s, TEXT_PLACES), n));
      if (s >= TEXT_PLACES && this.weightedTexts.size < CACHE_LIMIT) this.weightedTexts.set(shown, t);
    }
    return t;
  }

  /** The Decimal `u × 10^-s`. */
  get(u: number, s: number): Decimal {
    return u === 0 ? ZERO : remembered(this.byScale, u, s, decimalFromScaled);
  }
}

/** `make(u, s)`, remembered per scale (at most CACHE_LIMIT values a scale). */
function remembered<T>(byScale: Map<number, T>[], u: number, s: number, make: (u: number, s: number) => T): T {
  const m = (byScale[s] ??= new Map());
  let v = m.get(u);
  if (v === undefined) {
    v = make(u, s);
    if (m.size < CACHE_LIMIT) m.set(u, v);
  }
  return v;
}
