// The sentences of the targets engine's steps, built from each step's figures: once when a result
// is made (English grouping) and again by explain* (any locale's grouping). One copy of each sentence.
import { Decimal, isDecimal } from '../core/decimal.js';
import { fmtAmount, fmtPercent, groupDigits, separatorsOf } from '../core/format.js';
import type { TargetPeriodKind } from './calendar.js';
import type {
  TargetAdjustmentStep,
  TargetCascadeStep,
  TargetSplitStep,
  TargetTrackingStep,
  TargetWeightBasis,
} from './steps.js';
import type { Units } from './units.js';

/** Digit grouping and decimal mark. @internal */
export type Seps = ReturnType<typeof separatorsOf>;

/** English grouping: `1,234.5`. @internal */
export const EN: Seps = { group: ',', decimal: '.' };

/** A figure as a Decimal, whether made here or read back from JSON (a string). */
function dec(value: unknown): Decimal {
  return isDecimal(value) ? value : new Decimal(String(value));
}

/** A money-like figure at the scale, grouped. @internal */
export function amount(value: unknown, scale: number, seps: Seps): string {
  return fmtAmount(dec(value), scale, seps);
}

/** Integer digits grouped by threes. */
function groupInt(int: string, sep: string): string {
  const n = int.length;
  const head = n % 3 || 3;
  let out = int.slice(0, head);
  for (let i = head; i < n; i += 3) out += sep + int.slice(i, i + 3);
  return out;
}

/** A whole number of units of 10^-scale, grouped at the scale (the same text as {@link amount} of its Decimal). @internal */
export function unitsText(units: Units, scale: number, seps: Seps): string {
  // Units are never negative here: the cascade's total, its periods and their even shares are all at least 0.
  let digits = String(units);
  // At scale 0 the digits (at least one) are always longer than the scale.
  if (digits.length <= scale) digits = '0'.repeat(scale + 1 - digits.length) + digits;
  const intLen = digits.length - scale;
  const int = groupInt(digits.slice(0, intLen), seps.group);
  return scale > 0 ? int + seps.decimal + digits.slice(intLen) : int;
}

/** An exact factor or weight as written (`0.92`, `365`), grouped but not rounded. @internal */
export function exact(value: unknown, seps: Seps): string {
  return groupDigits(dec(value).toFixed(), seps);
}

function percent(value: unknown, seps: Seps): string {
  return fmtPercent(dec(value), 2, seps);
}

/** `a`, `a and b`, `a, b and c`. */
function list(items: readonly string[]): string {
  // Stryker disable next-line StringLiteral: at most one item is joined, so the separator never appears
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}

/** Plural nouns of the period kinds. @internal */
export const PLURAL: Readonly<Record<TargetPeriodKind, string>> = { quarter: 'quarters', month: 'months', week: 'weeks' };
/** How a basis reads in a sentence. @internal */
export const BASIS: Readonly<Record<TargetWeightBasis, string>> = {
  even: 'evenly',
  days: 'by days',
  workdays: 'by working days',
  profile: 'by profile weight',
  reference: "by last year's actuals",
};
/** What a weight of a basis is, in a sentence. @internal */
export const WEIGHT: Readonly<Record<TargetWeightBasis, string>> = {
  even: 'weight',
  days: 'days',
  workdays: 'working days',
  profile: 'profile weight',
  reference: 'reference amount',
};

/** Appends `'; the leftover 1 goes to 2026-01'` / `'; the 4 leftover units go one each to …'` (units of 0.01 at scale 2). */
function pushLeftover(out: string[], leftover: number, unit: string, roundedUp: readonly string[], largest: boolean): void {
  if (leftover === 0) return;
  if (leftover === 1) {
    // Stryker disable next-line StringLiteral: one leftover unit always has the one period that got it
    out.push('; the leftover ', unit, ' goes to ', roundedUp[0] ?? '');
    return;
  }
  out.push('; the ', String(leftover), ' leftover units', unit === '1' ? '' : ` of ${unit}`, ' go one each to ', largest ? 'the largest remainders: ' : '');
  const last = roundedUp.length - 1;
  for (let i = 0; i <= last; i++) out.push(i === 0 ? '' : i === last ? ' and ' : ', ', roundedUp[i]!);
}

/** The pieces of a split sentence, already formatted. @internal */
export interface SplitSentence {
  /** The parent (`'2026-Q1: '`) or ''. */
  prefix: string;
  /** What was split. */
  amount: string;
  /** Into how many. */
  count: number;
  /** `'months'`, `'children'`. */
  noun: string;
  /** How the weights were read (`'by days'`); unused when `each` is set. */
  by: string;
  /** What each weight is (`'days'`, `'weight'`). */
  weightWord: string;
  /** The weights' sum. */
  weightTotal: string;
  /** The even share, or null when the split is weighted. */
  each: string | null;
  /** The even share plus one unit (for the periods that got a leftover unit). */
  eachPlus: string;
  /** One unit of 10^-scale. */
  unit: string;
  /** Leftover units. */
  leftover: number;
  /** Who got them. */
  roundedUp: readonly string[];
}

/**
 * The sentence of one largest-remainder split (a cascade's or a territory split's). Built by
 * joining its pieces, so that the many sentences of a large batch are flat strings, not ropes.
 *
 * @internal
 */
export function splitSentence(s: SplitSentence): string {
  const out: string[] = [s.prefix, s.amount, ' over ', String(s.count), ' ', s.noun];
  if (s.each !== null) {
    out.push(', evenly: ', s.each, ' each');
    if (s.leftover > 0) {
      pushLeftover(out, s.leftover, s.unit, s.roundedUp, false);
      out.push(' (', s.eachPlus, ')');
    }
  } else {
    out.push(' ', s.by, ' (', s.weightTotal, ' in all): each gets ', s.amount, ' × its ', s.weightWord, ' / ', s.weightTotal, ', rounded down');
    out.push(s.unit === '1' ? ' to whole units' : ` to ${s.unit}`);
    pushLeftover(out, s.leftover, s.unit, s.roundedUp, true);
  }
  out.push('.');
  return out.join('');
}

/** The first sentence of a cascade, without its total: `[before, after]` the total. @internal */
export function cascadeStartParts(
  period: string,
  system: 'gregorian' | 'retail',
  start: string,
  end: string,
  days: number,
  levels: readonly TargetPeriodKind[],
  path: 'nested' | 'direct',
  seps: Seps,
): [string, string] {
  const how =
    path === 'nested'
      ? 'each level split exactly inside its parent by largest remainder'
      : 'every level split from the year by largest remainder (each level sums to the total; a parent may differ from the sum of its sub-periods by a few units)';
  return [
    `${period} (${system === 'gregorian' ? 'Gregorian' : 'retail'}, ${start} to ${end}, ${groupDigits(String(days), seps)} days): `,
    ` cascaded to ${list(levels.map((k) => PLURAL[k]))}, ${how}.`,
  ];
}

/** The sentence of a cascade step. @internal */
export function cascadeStepText(step: TargetCascadeStep, scale: number, seps: Seps): string {
  switch (step.code) {
    case 'cascade': {
      const [before, after] = cascadeStartParts(step.period, step.system, step.start, step.end, step.days, step.levels, step.path, seps);
      return `${before}${amount(step.total, scale, seps)}${after}`;
    }
    case 'partial-week': {
      const span = `${step.period} (${step.start} to ${step.end}) has ${step.daysInYear} of its 7 days in the year`;
      if (step.treatment === 'clipped') return `${span}: only those count (weeks: 'split').`;
      if (step.treatment === 'whole') return `${span}, its Thursday among them: it counts whole (weeks: 'thursday').`;
      return `${span}, its Thursday outside: it is left to the neighbouring year (weeks: 'thursday').`;
    }
    case 'profile-by-days':
      return `${step.period}: inside ${step.spread} period ${step.within}, spread by days (the ${step.spread} is even within it).`;
    case 'profile-overlap':
      return `${step.period}: the periods cut across ${step.spread} periods, so each weight is Σ ${step.spread} weight × overlapping days × ${step.multiple} / the ${step.spread} period's days.`;
    case 'fallback':
      return `${step.period}: the ${step.from} weights sum to zero here, so the split fell back to ${step.to}.`;
    case 'split': {
      const each = step.each === null ? null : dec(step.each);
      const unit = new Decimal(1).div(new Decimal(10).pow(scale));
      return splitSentence({
        prefix: `${step.period}: `,
        amount: amount(step.amount, scale, seps),
        count: step.count,
        noun: PLURAL[step.kind],
        by: BASIS[step.basis],
        weightWord: WEIGHT[step.basis],
        weightTotal: exact(step.weightTotal, seps),
        each: each === null ? null : amount(each, scale, seps),
        eachPlus: each === null ? '' : amount(each.plus(unit), scale, seps),
        unit: amount(unit, scale, seps),
        leftover: step.leftover,
        roundedUp: step.roundedUp,
      });
    }
    case 'difference': {
      const diff = dec(step.difference);
      const side = diff.isNegative() ? 'below' : 'above';
      return `${step.period}: its sub-periods sum to ${amount(step.childrenSum, scale, seps)}, ${amount(diff.abs(), scale, seps)} ${side} its ${amount(step.target, scale, seps)} (path 'direct').`;
    }
  }
}

/** The sentence of a territory split step. @internal */
export function splitStepText(step: TargetSplitStep, scale: number, seps: Seps): string {
  const prefix = step.node === null ? '' : `${step.node}: `;
  switch (step.code) {
    case 'locks':
      return `${prefix}${list(step.locked.map((l) => `${l.id} locked at ${amount(l.target, scale, seps)}`))}; ${amount(step.rest, scale, seps)} of ${amount(step.amount, scale, seps)} left.`;
    case 'floors':
      return `${prefix}${list(step.floored.map((f) => `${f.id} gets its floor of ${amount(f.floor, scale, seps)}`))} (the weighted share is below it); ${amount(step.rest, scale, seps)} left to spread by weight.`;
    case 'weighted-split': {
      const unit = new Decimal(1).div(new Decimal(10).pow(scale));
      return splitSentence({
        prefix,
        amount: amount(step.amount, scale, seps),
        count: step.count,
        noun: step.count === 1 ? 'child' : 'children',
        by: 'by weight',
        weightWord: 'weight',
        weightTotal: exact(step.weightTotal, seps),
        each: null,
        // Stryker disable next-line StringLiteral: eachPlus is read only for an even split (each not null)
        eachPlus: '',
        unit: amount(unit, scale, seps),
        leftover: step.leftover,
        roundedUp: step.roundedUp,
      });
    }
    case 'uplift':
      return `${prefix}${amount(step.amount, scale, seps)} × uplift ${exact(step.uplift, seps)} = ${amount(step.assigned, scale, seps)} handed down in proportion to the exact targets.`;
  }
}

/** The sentence of a tracking step. @internal */
export function trackingStepText(step: TargetTrackingStep, scale: number, seps: Seps): string {
  switch (step.code) {
    case 'prorate':
      return `${step.period} is under way: ${amount(step.target, scale, seps)} × ${step.elapsed} / ${step.of} ${step.unit} = ${amount(step.expected, scale, seps)} due so far.`;
    case 'expected-to-date':
      return `Expected by ${step.asOf}: ${amount(step.expectedToDate, scale, seps)} of the ${amount(step.total, scale, seps)} plan (the cascade's own distribution, to the day).`;
    case 'actual-to-date': {
      const parts = step.actuals.map((a) => `${amount(a.actual, scale, seps)} (${a.period})`);
      const sum = amount(step.actualToDate, scale, seps);
      if (parts.length === 0) return `Actual to date: none given, ${sum}.`;
      return parts.length === 1 ? `Actual to date: ${parts[0]!}.` : `Actual to date: ${parts.join(' + ')} = ${sum}.`;
    }
    case 'attainment':
      return step.attainment === null
        ? 'Attainment: nothing is due yet.'
        : `Attainment: ${amount(step.actualToDate, scale, seps)} / ${amount(step.expectedToDate, scale, seps)} = ${percent(step.attainment, seps)}.`;
    case 'gap': {
      const gap = dec(step.gap);
      const where = gap.isZero() ? 'on plan' : gap.isNegative() ? `${amount(gap.abs(), scale, seps)} ahead of plan` : `${amount(gap, scale, seps)} behind plan`;
      return `Gap: ${amount(step.expectedToDate, scale, seps)} − ${amount(step.actualToDate, scale, seps)}: ${where}.`;
    }
    case 'run-rate-forecast':
      return step.runRateForecast === null
        ? 'Run-rate forecast: none before the year starts.'
        : `Run-rate forecast: ${amount(step.actualToDate, scale, seps)} × ${step.days} / ${step.elapsedDays} days = ${amount(step.runRateForecast, scale, seps)}.`;
    case 'plan-forecast':
      return `If the rest goes to plan: ${amount(step.actualToDate, scale, seps)} + (${amount(step.total, scale, seps)} − ${amount(step.expectedToDate, scale, seps)}) = ${amount(step.planForecast, scale, seps)}.`;
    case 'required-rate': {
      const base = `Still to sell: ${amount(step.remaining, scale, seps)} against ${amount(step.planLeft, scale, seps)} of plan left`;
      return step.requiredRate === null ? `${base}: no plan is left.` : `${base}: ${percent(step.requiredRate, seps)} of the plan's pace.`;
    }
    case 'required-per-day':
      return step.requiredPerDay === null
        ? `Per day: no day is left (${amount(step.remaining, scale, seps)} still to sell).`
        : `Per day: ${amount(step.remaining, scale, seps)} / ${step.remainingDays} days left = ${amount(step.requiredPerDay, scale, seps)}.`;
  }
}

/** The sentence of an adjustment step. @internal */
export function adjustmentStepText(step: TargetAdjustmentStep, scale: number, seps: Seps): string {
  switch (step.code) {
    case 'demand-change': {
      const change = dec(step.demandChange);
      if (change.isZero()) return 'Demand did not change.';
      return `Demand ${change.isNegative() ? 'fell' : 'rose'} by ${percent(change.abs(), seps)}.`;
    }
    case 'rule':
      return `rules[${step.index}] fires: the fall reaches its drop of ${percent(step.drop, seps)} (the largest drop reached).`;
    case 'no-rule': {
      const fall = dec(step.fall);
      return fall.isPositive() && !fall.isZero()
        ? `No rule fires: the fall of ${percent(fall, seps)} is below the smallest drop, ${percent(step.smallestDrop, seps)}.`
        : 'No rule fires: demand did not fall.';
    }
    case 'adjusted-target': {
      const factor = dec(step.targetFactor);
      const head = factor.equals(1) && dec(step.originalTarget).equals(dec(step.target))
        ? `Target ${amount(step.target, scale, seps)} unchanged`
        : `Target ${amount(step.originalTarget, scale, seps)} × ${exact(factor, seps)} = ${amount(step.target, scale, seps)}`;
      return `${head}; reward coefficient ${exact(step.rewardCoefficient, seps)}.`;
    }
  }
}

/** The sentence of a batch of cascades. @internal */
export function batchSentence(count: number, total: string): string {
  return `${count} total${count === 1 ? '' : 's'} cascaded, summing to ${total}.`;
}
