import { Decimal, toDecimal, type DecimalInput } from '../core/decimal.js';
import { IssueCollector, invalid, outOfRange, wrapThrown, type IssuePath } from '../core/errors.js';
import type * as z from 'zod/mini';
import { namesAFraction, parseWith } from '../core/schema.js';
import { adopt, lazyFrozen, settle, type LazyTarget } from '../core/lazy.js';
import { RISK_MESSAGES as M, describe } from './messages.js';
import { riskScaleSpecShape, type RiskScaleSpec } from './schema.js';

/** One bin of a {@link RiskScale}: values from `from` (inclusive) up to the next bin's `from` (exclusive). */
export interface RiskScaleBin {
  /** The level this bin maps to. */
  readonly level: string;
  /** The lowest value of the bin, inclusive. */
  readonly from: Decimal;
}

/**
 * A validated, frozen semi-quantitative scale: half-open bins `[from, next.from)` each naming a
 * level; the last bin runs to `to` inclusive, or without bound when `to` is absent.
 */
export interface RiskScale {
  /** Always `'risk-scale'`: marks a defined scale in serialised data. */
  readonly kind: 'risk-scale';
  /** A name for reports (`'custom'` when the spec gives none). */
  readonly name: string;
  /** What the values measure (`'%'`, `'payment defaults a year'`), when given. */
  readonly unit?: string;
  /** The bins, lowest first. */
  readonly bins: readonly RiskScaleBin[];
  /** The inclusive upper bound of the last bin, when bounded (1 for a scale of fractions when not given). */
  readonly to?: Decimal;
}

const ONE = new Decimal(1);

/** True when the scale's unit says its values are fractions from 0 to 1 (`'probability'`, `'default rate'`). @internal */
export function isFractionScale(scale: { readonly unit?: string | undefined }): boolean {
  return scale.unit !== undefined && namesAFraction(scale.unit.trim());
}

const DEFINED = new WeakSet<object>();

function build(spec: RiskScaleSpec, path: IssuePath, preset?: z.output<typeof riskScaleSpecShape>, lazy?: LazyTarget<RiskScale>): RiskScale {
  const s = preset ?? parseWith(riskScaleSpecShape, spec, path);
  const issues = new IssueCollector();
  const seen = new Map<string, number>();
  // A scale of probabilities or shares holds values from 0 to 1: 30 for 30 % is a mistake, said so.
  const fraction = isFractionScale(s);
  const fractionAt = (value: Decimal, at: IssuePath) => {
    if (!fraction) return;
    if (value.isNegative() && !value.isZero()) {
      issues.add(at, M.fractionBelow(value), 'out_of_range', { code: 'out_of_range', expected: 'from 0 to 1', received: value.toFixed(), limit: '0' });
    } else if (value.gt(1)) {
      issues.add(at, M.fractionAbove(value, s.unit!), 'out_of_range', { code: 'percent_as_whole_number', expected: 'from 0 to 1', received: value.toFixed(), limit: '1' });
    }
  };
  s.bins.forEach((b, k) => {
    const first = seen.get(b.level);
    if (first !== undefined) issues.add([...path, 'bins', k, 'level'], M.duplicateBin(first, b.level), 'invalid_input', { code: 'duplicate', received: JSON.stringify(b.level) });
    else seen.set(b.level, k);
    fractionAt(b.from, [...path, 'bins', k, 'from']);
    if (k > 0 && !b.from.gt(s.bins[k - 1]!.from)) {
      const prev = s.bins[k - 1]!.from;
      issues.add([...path, 'bins', k, 'from'], M.binOrder(k, prev, b.from), 'out_of_range', { code: 'not_ascending', expected: `greater than ${prev.toFixed()}`, received: b.from.toFixed(), limit: prev.toFixed() });
    }
  });
  const last = s.bins[s.bins.length - 1]!;
  if (s.to !== undefined) fractionAt(s.to, [...path, 'to']);
  if (s.to !== undefined && s.to.lt(last.from)) {
    issues.add([...path, 'to'], M.scaleTo(last.from, s.to), 'out_of_range', { code: 'not_ascending', expected: `at least ${last.from.toFixed()}`, received: s.to.toFixed(), limit: last.from.toFixed() });
  }
  issues.throwIfAny();
  const to = s.to ?? (fraction ? ONE : undefined);
  const scale: RiskScale = adopt(lazy, Object.freeze({
    kind: 'risk-scale' as const,
    name: s.name ?? 'custom',
    ...(s.unit !== undefined ? { unit: s.unit } : {}),
    bins: Object.freeze(s.bins.map((b) => Object.freeze({ level: b.level, from: b.from }))),
    ...(to !== undefined ? { to } : {}),
  }));
  DEFINED.add(scale);
  return scale;
}

/**
 * Defines a semi-quantitative scale that maps evidence (a probability, a count of payment defaults
 * a year, a score out of 100) to a level, with half-open bins.
 *
 * Bins are `[from, next.from)`, lowest first; the last bin is closed at `to` when given, open-ended
 * otherwise. A value below the first bin or above `to` is an error, never clamped. A scale whose
 * `unit` names a fraction (`'probability'`, `'default rate'`, `'share'`) holds values from 0 to 1:
 * its cuts must lie in [0, 1], `to` is 1 unless given, and a value above 1 (30 for 30 %) is refused
 * with the issue code `percent_as_whole_number` and the hint "write 0.3 for 30 %".
 *
 * @example
 * ```ts
 * const defaults = defineRiskScale({
 *   unit: 'payment defaults a year',
 *   bins: [{ level: 'very-low', from: 0 }, { level: 'low', from: 1 }, { level: 'moderate', from: 2 }, { level: 'high', from: 4 }, { level: 'very-high', from: 8 }],
 * });
 * [toScaleLevel(defaults, 0), toScaleLevel(defaults, 3), toScaleLevel(defaults, 12)];
 * //=> ['very-low', 'moderate', 'very-high']
 * ```
 */
export function defineRiskScale(spec: RiskScaleSpec): RiskScale {
  try {
    return build(spec, []);
  } catch (error) {
    throw wrapThrown(error);
  }
}

/**
 * Defines one of dealerkit's preset scales from a spec written in the parsed form (Decimal cuts),
 * built on first use and without the zod pass; the hand checks are {@link defineRiskScale}'s (see `presetRiskMatrix`). @internal
 */
export function presetRiskScale(spec: z.output<typeof riskScaleSpecShape>): RiskScale {
  const keys = ['kind', 'name', ...(spec.unit !== undefined ? ['unit' as const] : []), 'bins', ...(spec.to !== undefined || isFractionScale(spec) ? ['to' as const] : [])] as const;
  // Stryker disable next-line ArrayDeclaration: the path prefixes only refusals, and the presets are valid (test/risk/presets.test.ts proves each equal to its validated definition)
  return lazyFrozen<RiskScale>(keys, (lazy) => build(spec as RiskScaleSpec, [], spec, lazy));
}

/** A defined scale, or the scale-like object validated. @internal */
export function scaleAt(scale: unknown, path: IssuePath): RiskScale {
  if (typeof scale === 'object' && scale !== null) {
    if (DEFINED.has(scale) || (settle(scale), DEFINED.has(scale))) return scale as RiskScale;
    const { kind: _kind, ...spec } = scale as Record<string, unknown>;
    return build(spec as unknown as RiskScaleSpec, path);
  }
  return invalid(path, M.notA('a risk scale (from defineRiskScale)', scale), { code: 'invalid_type', received: describe(scale) });
}

/** The bin index of a value on a validated scale; errors name `path`. @internal */
export function binIndex(scale: RiskScale, value: unknown, path: IssuePath): number {
  const v = toDecimal(value, path);
  const bins = scale.bins;
  if (v.lt(bins[0]!.from)) {
    const from = bins[0]!.from.toFixed();
    outOfRange(path, M.belowScale(scale.name, bins[0]!.from, v), { code: 'out_of_range', expected: `at least ${from}`, received: v.toFixed(), limit: from });
  }
  if (scale.to !== undefined && v.gt(scale.to)) {
    const to = scale.to.toFixed();
    const percent = isFractionScale(scale) && scale.to.lte(1) && v.gt(1);
    outOfRange(path, percent ? M.percentOnScale(scale.name, v) : M.aboveScale(scale.name, scale.to, v), {
      code: percent ? 'percent_as_whole_number' : 'out_of_range',
      expected: `at most ${to}`,
      received: v.toFixed(),
      limit: to,
    });
  }
  let k = bins.length - 1;
  while (v.lt(bins[k]!.from)) k--;
  return k;
}

/**
 * Looks up the level of the scale's bin that holds a value (bins are half-open `[from, next.from)`).
 *
 * @example
 * ```ts
 * [toScaleLevel(nistSemiQuantitativeScale, 95.5), toScaleLevel(nistSemiQuantitativeScale, 96), toScaleLevel(nistSemiQuantitativeScale, 4.99)];
 * //=> ['high', 'very-high', 'very-low']
 * ```
 */
export function toScaleLevel(scale: RiskScale, value: DecimalInput): string {
  try {
    const s = scaleAt(scale, ['scale']);
    return s.bins[binIndex(s, value, ['value'])]!.level;
  } catch (error) {
    throw wrapThrown(error);
  }
}

/**
 * NIST SP 800-30 Rev. 1's semi-quantitative 0–100 scale, read as half-open bins: [0, 5) very-low,
 * [5, 21) low, [21, 80) moderate, [80, 96) high, [96, 100] very-high.
 *
 * Provenance: NIST SP 800-30 Rev. 1 (2012), Tables G-2 to G-4, H-3 and I-3 print the ranges
 * 0–4, 5–20, 21–79, 80–95, 96–100 for integer values; a non-integer value such as 95.5 falls in a
 * gap of the printed ranges, so dealerkit closes each range at the next one's start: 95.5 is High
 * and 96 is Very High. The same bins serve likelihood, impact and risk.
 *
 * @example
 * ```ts
 * nistSemiQuantitativeScale.bins.map((b) => `${b.level}@${b.from}`);
 * //=> ['very-low@0', 'low@5', 'moderate@21', 'high@80', 'very-high@96']
 * ```
 */
export const nistSemiQuantitativeScale: RiskScale = presetRiskScale({
  name: 'NIST SP 800-30 Rev. 1 semi-quantitative (0–100)',
  unit: 'semi-quantitative value, 0–100',
  bins: [
    { level: 'very-low', from: toDecimal(0) },
    { level: 'low', from: toDecimal(5) },
    { level: 'moderate', from: toDecimal(21) },
    { level: 'high', from: toDecimal(80) },
    { level: 'very-high', from: toDecimal(96) },
  ],
  to: toDecimal(100),
});
