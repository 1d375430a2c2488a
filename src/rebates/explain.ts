import { readResult } from '../core/result-check.js';
import { RebateResultShape } from '../core/result-shapes.js';
import { ZERO, type Decimal } from '../core/decimal.js';
import { invalid, wrapThrown } from '../core/errors.js';
import { separatorsOf } from '../core/format.js';
import type { ExplainOptions } from '../core/result.js';
import type {
  RebateBasisStep,
  RebateGateFactorStep,
  RebateMultiplierFactorStep,
  RebateOverAchievementStep,
  RebateResult,
  RebateRoundingStep,
  RebateStep,
  RebateTierStep,
} from './result.js';
import type { RebateComparison } from './schema.js';
import { REBATE_MESSAGES as M, EXPLAIN_MESSAGES as X } from './messages.js';

/** Digit grouping and decimal mark. @internal */
export type Separators = ReturnType<typeof separatorsOf>;

/** English grouping: `9,620,000.00`. @internal */
export const EN: Separators = separatorsOf(undefined, []);

/** How figures are written in a text: the money scale and the separators. @internal */
export interface StepFormat {
  scale: number;
  seps: Separators;
}

/** decimal.js's ROUND_HALF_UP. */
const HALF_UP = 4;
/** Beyond this many places past the money scale, an exact figure (a run-rate projection) is cut and marked `…`. */
const MAX_EXTRA_PLACES = 6;

/** Groups the integer digits of a plain decimal text by threes (`-1234567.5` → `-1,234,567.5`); every text is formatted here, so it is quick. */
function group(plain: string, seps: Separators): string {
  const negative = plain.charCodeAt(0) === 45;
  const dot = plain.indexOf('.');
  const int = plain.slice(negative ? 1 : 0, dot < 0 ? plain.length : dot);
  let out = int;
  if (int.length > 3) {
    let i = int.length % 3 || 3;
    out = int.slice(0, i);
    for (; i < int.length; i += 3) out += seps.group + int.slice(i, i + 3);
  }
  if (negative) out = `-${out}`;
  return dot < 0 ? out : out + seps.decimal + plain.slice(dot + 1);
}

/**
 * Money at the money scale, or with every digit when an exact figure has more (`0.5` at scale 0);
 * a figure with more than six extra places (a projection) is cut there and marked `…`. @internal
 */
export function fmtMoney(d: Decimal, f: StepFormat): string {
  const dp = d.decimalPlaces();
  if (dp <= f.scale) return group(padPlaces(d.toFixed(), dp, f.scale), f.seps);
  return cutAt(d, dp, f.scale + MAX_EXTRA_PLACES, f.seps);
}

/** Every digit up to `places` places; past them, cut there (rounded down) and marked `…`. `dp` is d's own count of places. */
function cutAt(d: Decimal, dp: number, places: number, seps: Separators): string {
  if (dp <= places) return group(d.toFixed(), seps);
  return `${group(d.toFixed(places, 1 /* ROUND_DOWN */), seps)}…`;
}

const ZEROS = '000000000000000000000000000000';

/** A plain decimal text with `dp` places padded with zeros to `scale` places (`toFixed(scale)` without decimal.js rounding). */
function padPlaces(plain: string, dp: number, scale: number): string {
  if (dp >= scale) return plain;
  return `${plain}${dp === 0 ? '.' : ''}${ZEROS.slice(0, scale - dp)}`;
}

/** Money rounded half-up to the money scale (for projections that are not exact). */
/** @internal */
export function fmtRounded(d: Decimal, f: StepFormat): string {
  return group(d.toFixed(f.scale, HALF_UP), f.seps);
}

/** `'0.9620'` → `'96.20'`: a plain decimal text times 100, by moving the point (no arithmetic). */
function shift2(text: string): string {
  const negative = text.charCodeAt(0) === 45;
  const body = negative ? text.slice(1) : text;
  const dot = body.indexOf('.');
  const int = dot < 0 ? body : body.slice(0, dot);
  const frac = dot < 0 ? '' : body.slice(dot + 1);
  const digits = `${int}${frac.padEnd(2, '0')}`;
  const point = int.length + 2;
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(point);
  const out = rest === '' ? whole : `${whole}.${rest}`;
  return negative && /[1-9]/.test(out) ? `-${out}` : out;
}

const rateTexts = new WeakMap<Decimal, string>();

/** A rate as an exact percentage: `0.02` → `2 %`, `0.0025` → `0.25 %` (a program's rates are cached). */
/** @internal */
export function fmtRate(rate: Decimal, f: StepFormat): string {
  let plain = rateTexts.get(rate);
  if (plain === undefined) {
    plain = shift2(rate.toFixed());
    rateTexts.set(rate, plain);
  }
  return `${group(plain, f.seps)} %`;
}

/** A ratio as a percentage with two places, half-up: `0.962` → `96.20 %`. */
function fmtPercent(ratio: Decimal, places: number, seps: Separators): string {
  const dp = ratio.decimalPlaces();
  const plain = dp <= places + 2 ? padPlaces(ratio.toFixed(), dp, places + 2) : ratio.toFixed(places + 2, HALF_UP);
  return `${group(shift2(plain), seps)} %`;
}

/** A plain figure (metric values, factors, an unrounded rebate), every digit. */
/** @internal */
export function fmtNum(d: Decimal, f: StepFormat): string {
  return group(d.toFixed(), f.seps);
}

/**
 * A number of units, every digit up to six places; one with more (a projected number of units, such
 * as 7 × 365 / 181) is cut there and marked `…`, as {@link fmtMoney} cuts a projection. @internal
 */
export function fmtUnits(d: Decimal, f: StepFormat): string {
  return cutAt(d, d.decimalPlaces(), MAX_EXTRA_PLACES, f.seps);
}

const OPS: Record<RebateComparison, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };

/** @internal */
export function label(name: string | null, index: number): string {
  return M.tierLabel(name, index);
}

function basisText(s: RebateBasisStep, f: StepFormat): string {
  const parts: string[] = [];
  // The basis never uses a negative net: returns above sales count as 0.
  const eff = s.netAmount === null ? null : s.netAmount.isNegative() && !s.netAmount.isZero() ? ZERO : s.netAmount;
  if (s.netQuantity !== null) {
    parts.push(
      s.returnedQuantity.isZero()
        ? M.netUnits(fmtUnits(s.netQuantity, f))
        : M.netUnitsOf(fmtUnits(s.netQuantity, f), fmtUnits(s.quantity!, f), fmtUnits(s.returnedQuantity, f)),
    );
  }
  if (s.netAmount !== null) {
    parts.push(s.returns.isZero() ? M.netSales(fmtMoney(s.netAmount, f)) : M.netSalesOf(fmtMoney(s.netAmount, f), fmtMoney(s.sales!, f), fmtMoney(s.returns, f)));
  }
  const net = fmtMoney(eff ?? ZERO, f);
  if (s.basis === 'attainment' && s.target !== null && s.value !== null) parts.push(M.attainmentOf(net, fmtMoney(s.target, f), fmtPercent(s.value, 2, f.seps)));
  if ((s.basis === 'growth' || s.basis === 'growthRate') && s.baseline !== null) {
    const sel = eff !== null && eff.gt(s.baseline) ? fmtMoney(eff, f) : fmtMoney(s.baseline, f);
    if (s.basis === 'growth') parts.push(M.growthOf(sel, fmtMoney(s.baseline, f), fmtMoney(s.value!, f)));
    else parts.push(s.value === null ? M.growthRateUndefined : M.growthRateOf(sel, fmtMoney(s.baseline, f), fmtPercent(s.value, 2, f.seps)));
  }
  return parts.join('; ');
}

function tierParts(s: RebateTierStep, f: StepFormat): string[] {
  const parts: string[] = [];
  if (s.rate !== null) parts.push(M.rateOf(fmtRate(s.rate, f), fmtMoney(s.base!, f)));
  if (s.perUnit !== null) parts.push(M.perUnitOf(fmtUnits(s.units!, f), fmtMoney(s.perUnit, f)));
  if (s.fixed !== null) parts.push(M.fixedOf(fmtMoney(s.fixed, f)));
  return parts;
}

function stepText(s: RebateStep, f: StepFormat): string {
  switch (s.code) {
    case 'basis':
      return basisText(s, f);
    case 'tier': {
      const parts = tierParts(s, f);
      const l = label(s.name, s.index);
      return parts.length === 0 ? M.tierNothing(l) : M.tierText(l, parts.join(' + '), fmtMoney(s.amount, f));
    }
    case 'over-achievement':
      return s.capped
        ? M.awardCappedText(fmtRate(s.rate, f), fmtMoney(s.base, f), fmtMoney(s.threshold, f), fmtMoney(s.cap!, f))
        : M.awardText(fmtRate(s.rate, f), fmtMoney(s.base, f), fmtMoney(s.threshold, f), fmtMoney(s.amount, f));
    case 'gate':
      return M.gateText(s.metric, fmtNum(s.value, f), OPS[s.op], fmtNum(s.required, f), s.passed ? M.gateMet : s.factor.isZero() ? M.gateVoids : M.gateScales(fmtNum(s.factor, f)));
    case 'gate-factor':
      return M.gateFactorText(fmtNum(s.factor, f), fmtMoney(s.before, f), fmtMoney(s.after, f));
    case 'multiplier':
      return M.multiplierText(s.metric, fmtNum(s.value, f), fmtNum(s.from, f), fmtNum(s.factor, f));
    case 'multiplier-factor':
      return M.multiplierFactorText(fmtNum(s.factor, f), fmtMoney(s.before, f), fmtMoney(s.after, f));
    case 'minimum':
      return s.whenBelow === 'raise' ? M.minimumRaisedText(fmtMoney(s.limit, f), fmtMoney(s.before, f)) : M.minimumForfeitedText(fmtMoney(s.limit, f), fmtMoney(s.before, f));
    case 'cap':
      return M.capText(fmtMoney(s.limit, f), fmtMoney(s.before, f));
    default:
      return roundingText(s, f);
  }
}

function roundingText(s: RebateRoundingStep, f: StepFormat): string {
  const places = M.places(s.scale);
  if (s.stage === 'total') return M.totalRoundingText(places, s.mode, fmtNum(s.unrounded, f), fmtMoney(s.rebate, f));
  return s.difference.isZero()
    ? M.lineRoundingText(places, s.mode, fmtMoney(s.rebate, f))
    : M.lineRoundingDiffText(places, s.mode, fmtMoney(s.rebate, f), fmtNum(s.unrounded, f));
}

/** The text of every step of a calculation. @internal */
export function stepTexts(steps: readonly RebateStep[], f: StepFormat): string[] {
  return steps.map((s) => stepText(s, f));
}

function scaleOf(result: RebateResult): number {
  const last = result.steps[result.steps.length - 1];
  return last !== undefined && last.code === 'rounding' ? last.scale : Math.max(0, result.rebate.decimalPlaces());
}

/** @internal */
export function formatOf(result: RebateResult, options: ExplainOptions | undefined): StepFormat {
  if (options !== undefined && (typeof options !== 'object' || options === null)) invalid(['options'], 'must be an object', { code: 'invalid_type' });
  return { scale: scaleOf(result), seps: separatorsOf(options?.locale, ['options', 'locale']) };
}

/** The tier lines' sum. */
function linesSum(result: RebateResult): Decimal {
  let sum = ZERO;
  for (const s of result.steps) if (s.code === 'tier') sum = sum.plus(s.amount);
  return sum;
}

/** The sentence a tier line makes in an explanation: the priced parts and their sum. */
function linesPart(result: RebateResult, f: StepFormat): string {
  const lines = result.steps.filter((s): s is RebateTierStep => s.code === 'tier');
  const parts = lines.flatMap((l) => tierParts(l, f));
  if (parts.length === 0) return X.nothingAtTier;
  return X.sumOf(parts.join(' + '), fmtMoney(linesSum(result), f));
}

function reachedAt(result: RebateResult, f: StepFormat): string {
  const v = result.basisValue;
  switch (result.basis) {
    case 'attainment':
      return X.reachedAttainment(fmtPercent(v!, 2, f.seps));
    case 'quantity':
      return X.reachedUnits(fmtUnits(v!, f));
    case 'growth':
      return X.reachedGrowth(fmtMoney(v!, f));
    case 'growthRate':
      return v === null ? X.reachedZeroBaseline : X.reachedGrowthRate(fmtPercent(v, 2, f.seps));
    default:
      return X.reachedAmount(fmtMoney(v!, f));
  }
}

/** The main sentence: the tier reached, its lines, every step that changed the amount, and the rebate. */
/** @internal */
export function mainSentence(result: RebateResult, f: StepFormat): string {
  let text = X.reached(label(result.tier.name, result.tier.index), reachedAt(result, f), linesPart(result, f));
  // The last figure the sentence states; when it is not the rebate, the sentence ends by stating it.
  let stated: Decimal = linesSum(result);
  for (const s of result.steps) {
    switch (s.code) {
      case 'over-achievement': {
        const award = s as RebateOverAchievementStep;
        if (award.amount.isZero()) break;
        text += award.capped
          ? X.awardCappedPart(fmtRate(award.rate, f), fmtMoney(award.base, f), fmtMoney(award.cap!, f))
          : X.awardPart(fmtRate(award.rate, f), fmtMoney(award.base, f), fmtMoney(award.amount, f));
        stated = award.amount;
        break;
      }
      case 'gate-factor': {
        const g = s as RebateGateFactorStep;
        // A factor on nothing changes nothing worth a sentence (the step still records it).
        if (g.before.isZero()) break;
        const failed = result.gates
          .filter((x) => !x.passed)
          .map((x) => X.gateFails(x.metric, fmtNum(x.value, f), OPS[x.op], fmtNum(x.required, f)))
          .join(' and ');
        text += g.factor.isZero() ? X.gatesVoidPart(failed) : X.gatesScalePart(failed, fmtNum(g.factor, f), fmtMoney(g.after, f));
        stated = g.after;
        break;
      }
      case 'multiplier-factor': {
        const m = s as RebateMultiplierFactorStep;
        if (m.before.isZero()) break;
        const tables = result.multipliers
          .filter((x) => !x.factor.eq(1))
          .map((x) => X.multiplierPart(x.metric, fmtNum(x.value, f), fmtNum(x.factor, f)))
          .join(' and ');
        text += X.multipliersPart(tables, fmtMoney(m.after, f));
        stated = m.after;
        break;
      }
      case 'minimum':
        text += s.whenBelow === 'raise' ? X.minimumRaisedPart(fmtMoney(s.limit, f)) : X.minimumForfeitedPart(fmtMoney(s.limit, f));
        stated = s.after;
        break;
      case 'cap':
        text += X.capPart(fmtMoney(s.limit, f));
        stated = s.after;
        break;
      case 'rounding':
        if (s.stage === 'total' && !s.difference.isZero()) {
          text += X.roundedPart(fmtMoney(s.rebate, f));
          stated = s.rebate;
        }
        break;
      default:
    }
  }
  if (!stated.eq(result.rebate)) text += X.rebatePart(fmtMoney(result.rebate, f));
  return `${text}.`;
}

/** @internal */
export function benefitsSentence(result: RebateResult, f: StepFormat): string | null {
  if (result.benefits.length === 0) return null;
  return X.benefitsEarned(label(result.tier.name, result.tier.index), result.benefits.map((b) => X.benefitPart(b.name, fmtMoney(b.amount, f))).join(' and '));
}

function nextTierSentence(result: RebateResult, f: StepFormat): string | null {
  const next = result.nextTier;
  if (next === null) return null;
  const t = next.threshold;
  let at: string;
  switch (result.basis) {
    case 'attainment':
      at = X.reachedAttainment(fmtPercent(t, 2, f.seps));
      break;
    case 'growthRate':
      at = X.reachedGrowthRate(fmtPercent(t, 2, f.seps));
      break;
    case 'quantity':
      at = next.mustExceed ? X.nextUnitsAbove(fmtUnits(t, f)) : X.nextUnitsFrom(fmtUnits(t, f));
      break;
    case 'growth':
      at = next.mustExceed ? X.nextGrowthAbove(fmtMoney(t, f)) : X.nextGrowthFrom(fmtMoney(t, f));
      break;
    default:
      at = next.mustExceed ? X.nextAbove(fmtMoney(t, f)) : X.nextFrom(fmtMoney(t, f));
  }
  let needs: string;
  if (next.salesGap !== null) {
    if (!next.mustExceed) needs = X.moreSales(fmtMoney(next.salesGap, f));
    else needs = next.salesGap.isZero() ? X.anyMore('net sales') : X.moreSalesThan(fmtMoney(next.salesGap, f));
  } else if (!next.mustExceed) needs = X.moreUnits(fmtUnits(next.gap, f));
  else needs = next.gap.isZero() ? X.anyMore('units') : X.moreUnitsThan(fmtUnits(next.gap, f));
  const gain = next.gain.isNegative() && !next.gain.isZero() ? `−${fmtMoney(next.gain.negated(), f)}` : `+${fmtMoney(next.gain, f)}`;
  return X.nextTierSentence(label(next.name, next.index), at, needs, fmtMoney(next.rebateAtThreshold, f), gain);
}

function rebateSentences(result: RebateResult, f: StepFormat): { main: string; gates: string | null; benefits: string | null; next: string | null; notes: string[] } {
  const met = result.gates.filter((g) => g.passed);
  return {
    main: mainSentence(result, f),
    gates: met.length === 0 ? null : X.gatesMet(met.map((g) => X.gateMetPart(g.metric, fmtNum(g.value, f), OPS[g.op], fmtNum(g.required, f))).join(', ')),
    benefits: benefitsSentence(result, f),
    next: nextTierSentence(result, f),
    // The next-tier sentence says what a retroactive jump is worth; the other warnings are notes.
    notes: result.warnings.filter((w) => w.code !== 'retroactive-jump').map((w) => X.note(w.message)),
  };
}

/** A figure a sentence needs beside another (a rate's base, a cap that capped): null in a corrupted result, refused at its path. */
function needs(present: boolean, figure: unknown, path: readonly (string | number)[], why: string): void {
  if (present && figure === null) invalid(path, `must be a finite decimal figure ${why}, not null`, { code: 'invalid_type', expected: 'a finite decimal figure', received: 'null' });
}

/**
 * The figures of a calculation that may be null only beside others (the shape cannot say so): the
 * basis value (null only for a growth rate over a zero baseline), a rate's base, a per-unit
 * amount's units, a cap that capped, gross sales or units beside returns. @internal
 */
export function requireRebateFigures(result: RebateResult, path: readonly (string | number)[]): void {
  needs(result.basis !== 'growthRate', result.basisValue, [...path, 'basisValue'], `for the basis ${result.basis} (null only for a growth rate over a zero baseline)`);
  result.steps.forEach((s, i) => {
    const at = (field: string) => [...path, 'steps', i, field];
    if (s.code === 'tier') {
      needs(s.rate !== null, s.base, at('base'), 'beside a rate');
      needs(s.perUnit !== null, s.units, at('units'), 'beside an amount per unit');
    } else if (s.code === 'over-achievement') needs(s.capped, s.cap, at('cap'), 'when the award was capped');
    else if (s.code === 'basis') {
      needs(s.netQuantity !== null && !s.returnedQuantity.isZero(), s.quantity, at('quantity'), 'beside returned units');
      needs(s.netAmount !== null && !s.returns.isZero(), s.sales, at('sales'), 'beside returns');
      needs(s.basis === 'growth' && s.baseline !== null, s.value, at('value'), 'for a growth over a baseline');
    }
  });
}

/**
 * Turns a rebate calculation into the sentences a channel manager sends a dealer: the tier
 * reached and how its rebate was priced and adjusted, the gates met, the benefits earned, what the
 * next tier needs and is worth, and any warning. Figures are grouped at the money scale (the
 * `locale` option picks the grouping); the words are English.
 *
 * @param result - A result of {@link calculateRebate}.
 * @param options - `locale`: whose digit grouping (`'en'` by default).
 * @example
 * ```ts
 * const sap = defineRebateProgram({ currency: 'EUR', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive',
 *   tiers: [{ from: 0 }, { from: 5000, rate: '0.02' }, { from: 20000, rate: '0.04' }] });
 * explainRebate(calculateRebate(sap, { sales: 7000 }));
 * //=> ['Tier 2 reached at net sales of 7,000.00: 2 % × 7,000.00 = 140.00.',
 * //    'Tier 3 from 20,000.00 needs 13,000.00 more net sales; the rebate would then be 800.00 (+660.00).']
 * ```
 */
export function explainRebate(result: RebateResult, options?: ExplainOptions): string[] {
  try {
    result = readResult(result, 'result', RebateResultShape());
    requireRebateFigures(result, ['result']);
    const f = formatOf(result, options);
    const s = rebateSentences(result, f);
    return [s.main, s.gates, s.benefits, s.next, ...s.notes].filter((x): x is string => x !== null);
  } catch (error) {
    throw wrapThrown(error);
  }
}
