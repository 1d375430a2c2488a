// Formatting for step texts and explanations, and the progress reporter.
import { type Decimal } from '../core/decimal.js';
import { invalid } from '../core/errors.js';
import { groupDigits, separatorsOf } from '../core/format.js';
import { roundDecimal } from '../core/money.js';
import { type RebateBasis } from './engine.js';
import { DESIGN_MESSAGES as M } from './messages.js';

// ---------------------------------------------------------------------------------------------
// Formatting for step texts and explanations

/** Separators of a locale. @internal */
export type Seps = ReturnType<typeof separatorsOf>;

/** English separators. @internal */
export const EN_SEPS: Seps = separatorsOf(undefined, []);

/** Money at the money scale (`1,234,567.00`). @internal */
export function fmtMoney(d: Decimal, scale: number, seps: Seps = EN_SEPS): string {
  return groupDigits(roundDecimal(d, scale, 'half-up').toFixed(scale), seps);
}

/** A statistic in money, rounded half-up to the money scale. @internal */
export function fmtStat(x: number, scale: number, seps: Seps = EN_SEPS): string {
  return groupDigits((Math.round(x * 10 ** scale) / 10 ** scale).toFixed(scale), seps);
}

/** A ratio as a percentage with `places` places (`0.0147` → `1.47 %`). @internal */
export function fmtPct(ratio: Decimal | number, places = 2, seps: Seps = EN_SEPS): string {
  const d = typeof ratio === 'number' ? ratio * 100 : ratio.times(100);
  const text = typeof d === 'number' ? (Math.round(d * 10 ** places) / 10 ** places).toFixed(places) : roundDecimal(d, places, 'half-up').toFixed(places);
  return `${groupDigits(text, seps)} %`;
}

/** A growth as a signed percentage, every digit (`0.08` → `+8 %`). @internal */
export function fmtGrowth(g: Decimal, seps: Seps = EN_SEPS): string {
  const pct = g.times(100);
  return `${pct.isNegative() && !pct.isZero() ? '−' : '+'}${groupDigits(pct.abs().toFixed(), seps)} %`;
}

/** A figure with its sign (`+18.00`, `−200.00`), at `scale` places or every digit (null). @internal */
export function fmtSigned(d: Decimal, scale: number | null, seps: Seps = EN_SEPS): string {
  const abs = d.abs();
  const text = scale === null ? groupDigits(abs.toFixed(), seps) : fmtMoney(abs, scale, seps);
  return `${d.isNegative() && !d.isZero() ? '−' : '+'}${text}`;
}

/** A value in the units of a program's basis: a percentage for ratios, money for amounts, units. @internal */
export function fmtBasisValue(basis: RebateBasis, scale: number, v: Decimal, seps: Seps = EN_SEPS): string {
  if (basis === 'attainment' || basis === 'growthRate') return fmtPct(v, 2, seps);
  if (basis === 'quantity') return groupDigits(v.toFixed(), seps);
  return fmtMoney(v, scale, seps);
}

/** A change in the units of a program's basis: points of a percentage for ratios (`−5.00 points`), money, units. @internal */
export function fmtBasisDelta(basis: RebateBasis, scale: number, delta: Decimal, seps: Seps = EN_SEPS): string {
  if (basis === 'attainment' || basis === 'growthRate') return `${fmtSigned(roundDecimal(delta.times(100), 2, 'half-up'), 2, seps)} points`;
  return fmtSigned(delta, basis === 'quantity' ? null : scale, seps);
}

/** A tier's label: its name, or `tier 2`. @internal */
export function tierLabel(ref: { index: number; name: string | null }): string {
  return ref.name ?? M.tierNumber(ref.index);
}

/** A count with its noun (`1 dealer`, `3 dealers`). @internal */
export function count(n: number, noun: string): string {
  return `${groupDigits(String(n), EN_SEPS)} ${noun}${n === 1 ? '' : 's'}`;
}

// ---------------------------------------------------------------------------------------------
// Progress

/** Calls `onProgress(done, total)` at most about 200 times; an exception it throws is reported as the option's error. @internal */
export class Progress {
  private next: number;
  private readonly every: number;
  private done = 0;

  constructor(
    private readonly onProgress: ((done: number, total: number) => void) | undefined,
    private readonly total: number,
  ) {
    this.every = Math.max(1, Math.ceil(total / 200));
    this.next = this.every;
  }

  add(n: number): void {
    if (this.onProgress === undefined) return;
    this.done += n;
    if (this.done >= this.next || this.done === this.total) {
      this.next = (Math.floor(this.done / this.every) + 1) * this.every;
      try {
        this.onProgress(this.done, this.total);
      } catch (thrown) {
        invalid(['options', 'onProgress'], M.progressThrew(thrown instanceof Error ? thrown.message : String(thrown)), { code: 'invalid_value' });
      }
    }
  }
}
