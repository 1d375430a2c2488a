// The batch path's texts and shared values: numbers written from scaled integers exactly as the
// Decimal path writes them, and a cache of the Decimals and sentences a batch repeats.
import { Decimal, ZERO } from '../core/decimal.js';
import { decimalFromScaled, divRound, POW10, ROUNDING_CODE, roundScaled } from '../core/scaled.js';
import { groupDigits } from '../core/format.js';
import { KPI_WORDS as W } from './messages.js';
import { TEXT_PLACES, type KpiStep } from './steps.js';

const EN = { group: ',', decimal: '.' };

/**
 * A text kept by a result, flattened: a sentence built by concatenation is a tree of string
 * pieces until it is read, and a batch keeps hundreds of thousands of them.
 * @internal
 */
export function flat(text: string): string {
  if (text.length > 0) text.charCodeAt(text.length - 1);
  return text;
}

/** A string of digits standing for `digits × 10^-s`, split at its decimal point (padded with leading zeros). */
function splitDigits(digits: string, s: number): [int: string, frac: string] {
  const d = digits.padStart(s + 1, '0');
  return [d.slice(0, d.length - s), d.slice(d.length - s)];
}

/** `u × 10^-s` with every digit, grouped: the text {@link plainText} gives for the same Decimal. @internal */
export function scaledPlain(u: number, s: number): string {
  if (u === 0) return '0';
  const [int, frac] = splitDigits(String(u < 0 ? -u : u), s);
  const f = frac.replace(/0+$/, '');
  return groupDigits(`${u < 0 ? '-' : ''}${int}${f === '' ? '' : `.${f}`}`, EN);
}

/** `u × 10^-s` rounded half-up (away from zero) to `places`, grouped: what fmtAmount gives for the same Decimal. @internal */
export function scaledFixed(u: number, s: number, places: number): string {
  const a = u < 0 ? -u : u;
  const digits = places >= s ? String(a) + '0'.repeat(places - s) : String(divRound(a, POW10[s - places]!, HALF_UP));
  const [int, frac] = splitDigits(digits, places);
  return groupDigits(`${u < 0 && /[1-9]/.test(digits) ? '-' : ''}${int}${places === 0 ? '' : `.${frac}`}`, EN);
}

/** @internal Shared between this engine's files; not part of the public API. */
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
