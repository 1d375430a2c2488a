import { ZERO, type Decimal } from '../core/decimal.js';
import { IssueCollector, wrapThrown, type IssuePath } from '../core/errors.js';
import { currencyScaleAt, type RoundingMode } from '../core/money.js';
import { parseWith } from '../core/schema.js';
import {
  programShape,
  type RebateBasis,
  type RebateComparison,
  type RebateMethod,
  type RebateProgramSpec,
  type RebateRoundingStage,
} from './schema.js';
import { prepareFastProgram, type FastProgram } from './fast.js';

/** A named extra amount of a tier or level (a brand-promotion fund). */
export interface RebateBenefit {
  /** The benefit's name (`brandFund`). */
  name: string;
  /** Its amount. */
  amount: Decimal;
}

/** A tier of a defined program, normalised: both bounds, and what it pays (null when it pays nothing of that kind). */
export interface RebateTier {
  /** Position in the program, from 0. */
  readonly index: number;
  /** Display name, or null. */
  readonly name: string | null;
  /** Lower bound: inclusive for `from` tiers; for `upTo` tiers the previous tier's `upTo` (exclusive), 0 for the first. */
  readonly from: Decimal;
  /** Upper bound: exclusive for `from` tiers (the next tier's `from`); inclusive for `upTo` tiers; null for the last. */
  readonly to: Decimal | null;
  /** Fraction of the rebate base, or null. */
  readonly rate: Decimal | null;
  /** Amount per net unit, or null. */
  readonly perUnit: Decimal | null;
  /** Amount paid once the tier is reached, or null. */
  readonly fixed: Decimal | null;
  /** Named extra amounts earned with the tier. */
  readonly benefits: readonly RebateBenefit[];
}

/** A gate of a defined program. */
export interface RebateGate {
  /** The metric's key in the input's `metrics`. */
  readonly metric: string;
  /** The comparison that must hold: metric `op` value. */
  readonly op: RebateComparison;
  /** The required value. */
  readonly value: Decimal;
  /** The factor a failed gate applies: 0 for `'zero'`. */
  readonly failFactor: Decimal;
  /** True for `onFail: 'zero'`: a failed gate makes the dealer ineligible (no rebate, no benefits, no minimum). */
  readonly zero: boolean;
}

/** A multiplier table of a defined program. */
export interface RebateMultiplier {
  /** The metric's key in the input's `metrics`. */
  readonly metric: string;
  /** Ascending bands, each from its `from` (inclusive) to the next band's. */
  readonly bands: readonly RebateMultiplierBand[];
}

/** A band of a multiplier table. */
export interface RebateMultiplierBand {
  /** Inclusive lower bound of the metric. */
  readonly from: Decimal;
  /** The factor applied in the band. */
  readonly factor: Decimal;
}

/** A warning about a program or a calculation, as data. */
export interface RebateWarning {
  /** A stable code: `retroactive-jump`, `negative-net`, `negative-quantity`, `negative-growth`, `zero-baseline`, `gate-failed`. */
  code: string;
  /** What it means, in plain words. */
  message: string;
}

/** A validated, frozen rebate program: what {@link defineRebateProgram} returns. */
export interface RebateProgram {
  /** Always `'rebate-program'`. */
  readonly kind: 'rebate-program';
  /** The program's display name, or null. */
  readonly name: string | null;
  /** ISO 4217 code, upper case. */
  readonly currency: string;
  /** Money scale, rounding mode and stage. */
  readonly rounding: RebateRounding;
  /** What selects the tier. */
  readonly basis: RebateBasis;
  /** How the tiers price the base. */
  readonly method: RebateMethod;
  /** Which bound the spec gave: `from` (inclusive lower) or `upTo` (inclusive upper). */
  readonly bounds: 'from' | 'upTo';
  /** The tiers, normalised to both bounds. */
  readonly tiers: readonly RebateTier[];
  /** Growth bases: the base rates apply to; null for other bases. */
  readonly applyTo: 'increment' | 'net' | null;
  /** Basis `growthRate`: what a zero baseline means, or null (an error). */
  readonly zeroBaseline: 'highest-tier' | 'lowest-tier' | null;
  /** The over-achievement award, or null. */
  readonly overAchievement: RebateOverAchievement | null;
  /** Eligibility gates. */
  readonly gates: readonly RebateGate[];
  /** Multiplier tables. */
  readonly multipliers: readonly RebateMultiplier[];
  /** The cap, or null. */
  readonly cap: RebateCap | null;
  /** The minimum, or null. */
  readonly minimum: RebateMinimum | null;
  /** What a reader of the program should know (a retroactive program jumps at each threshold). */
  readonly warnings: readonly RebateWarning[];
}

/** The rounding of a program. */
export interface RebateRounding {
  /** Decimal places of money (from the currency unless given). */
  readonly scale: number;
  /** How money is rounded. */
  readonly mode: RoundingMode;
  /** Every line, or once on the total. */
  readonly stage: RebateRoundingStage;
}

/** The over-achievement award of a program. */
export interface RebateOverAchievement {
  /** Attainment above which sales earn the award (1 = 100 % of target). */
  readonly above: Decimal;
  /** The award's rate on the sales above `above × target`. */
  readonly rate: Decimal;
  /** The most the award may be, or null. */
  readonly cap: Decimal | null;
}

/** The cap of a program: the smaller of an amount and a fraction of the net amount. */
export interface RebateCap {
  /** The largest rebate, or null. */
  readonly amount: Decimal | null;
  /** The largest rebate as a fraction of the net amount (rounded down to the money scale), or null. */
  readonly rateOfBase: Decimal | null;
}

/** The minimum of a program. */
export interface RebateMinimum {
  /** The minimum rebate of an eligible dealer. */
  readonly amount: Decimal;
  /** Below it: raise the rebate to it, or forfeit the rebate. */
  readonly whenBelow: 'raise' | 'forfeit';
}

/** What the engine keeps beside a program: the inputs it needs and the scaled-integer form. @internal */
export interface ProgramInternals {
  needsSales: boolean;
  needsQuantity: boolean;
  needsTarget: boolean;
  needsBaseline: boolean;
  fast: FastProgram | null;
}

const internals = new WeakMap<object, ProgramInternals>();

/** The internals of a defined program, or undefined for anything else. @internal */
export function programInternals(program: unknown): ProgramInternals | undefined {
  return typeof program === 'object' && program !== null ? internals.get(program) : undefined;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    const isDecimalValue = typeof (value as { toFixed?: unknown }).toFixed === 'function';
    if (isDecimalValue) return value;
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const AMOUNT_BASES: readonly RebateBasis[] = ['amount', 'attainment', 'growth', 'growthRate'];

/** {@link defineRebateProgram} with a path prefix for errors. @internal */
export function defineProgramAt(spec: unknown, base: IssuePath): RebateProgram {
  const s = parseWith(programShape, spec, base);
  const issues = new IssueCollector();
  const at = (...p: (string | number)[]): (string | number)[] => [...base, ...p];
  const scale = s.rounding.scale ?? currencyScaleAt(s.currency, at('currency'));
  if (s.rounding.scale !== undefined) currencyScaleAt(s.currency, at('currency'));
  const currency = s.currency.toUpperCase();
  const checkMoney = (d: Decimal, path: (string | number)[]): void => {
    if (d.decimalPlaces() > scale) {
      issues.add(at(...path), `has more decimal places than the money scale (${scale}), received ${d.toString()}`);
    }
  };

  // Bound style: from tiers[0]; every tier the same; never both.
  const first = s.tiers[0]!;
  const style: 'from' | 'upTo' = first.from === undefined && first.upTo !== undefined ? 'upTo' : 'from';
  s.tiers.forEach((t, i) => {
    if (t.from !== undefined && t.upTo !== undefined) {
      issues.add(at('tiers', i), 'has both from and upTo; give every tier one bound style (from: inclusive lower bound, or upTo: inclusive upper bound)');
    } else if (t.from === undefined && t.upTo === undefined) {
      issues.add(at('tiers', i), 'needs a bound: from (inclusive lower bound) or upTo (inclusive upper bound)');
    } else if (style === 'from' && t.upTo !== undefined) {
      issues.add(at('tiers', i, 'upTo'), 'tiers[0] uses from; every tier must use the same bound style, never mixed');
    } else if (style === 'upTo' && t.from !== undefined) {
      issues.add(at('tiers', i, 'from'), 'tiers[0] uses upTo; every tier must use the same bound style, never mixed');
    }
  });
  issues.throwIfAny();

  const n = s.tiers.length;
  const lows: Decimal[] = [];
  const highs: (Decimal | null)[] = [];
  if (style === 'from') {
    s.tiers.forEach((t, i) => {
      const f = t.from!;
      if (i === 0) {
        if (!f.isZero()) {
          issues.add(
            at('tiers', 0, 'from'),
            `must be 0, the lowest value of the basis, so that every value falls in a tier (a gap below ${f.toString()}); add a first tier from 0 that pays nothing`,
          );
        }
      } else {
        const prev = s.tiers[i - 1]!.from!;
        if (f.eq(prev)) issues.add(at('tiers', i, 'from'), `overlaps tiers[${i - 1}]: both start at ${f.toString()}; each tier must start above the previous one`);
        else if (f.lt(prev)) issues.add(at('tiers', i, 'from'), `must be greater than tiers[${i - 1}].from (${prev.toString()}); list tiers in ascending order`);
      }
      lows.push(f);
    });
    for (let i = 0; i < n; i++) highs.push(i + 1 < n ? lows[i + 1]! : null);
  } else {
    s.tiers.forEach((t, i) => {
      const u = t.upTo!;
      if (u === null) {
        if (i < n - 1) issues.add(at('tiers', i, 'upTo'), `only the last tier may be open-ended (null); tiers[${i + 1}] would be unreachable`);
      } else {
        if (i === n - 1) {
          issues.add(at('tiers', i, 'upTo'), `must be null: the last tier is open-ended, otherwise values above ${u.toString()} fall in no tier (a gap)`);
        }
        const prev = i > 0 ? s.tiers[i - 1]!.upTo : undefined;
        if (prev !== undefined && prev !== null) {
          if (u.eq(prev)) issues.add(at('tiers', i, 'upTo'), `overlaps tiers[${i - 1}]: both end at ${u.toString()}; each tier must end above the previous one`);
          else if (u.lt(prev)) issues.add(at('tiers', i, 'upTo'), `must be greater than tiers[${i - 1}].upTo (${prev.toString()}); list tiers in ascending order`);
        }
      }
      highs.push(u);
    });
    for (let i = 0; i < n; i++) lows.push(i === 0 ? ZERO : (highs[i - 1] ?? ZERO));
  }

  // What each tier pays, by method and basis.
  s.tiers.forEach((t, i) => {
    if (s.method === 'step') {
      if (t.rate !== undefined) issues.add(at('tiers', i, 'rate'), "a 'step' program pays each tier's fixed amount only; use method 'retroactive' for a rate on the whole base");
      if (t.perUnit !== undefined) issues.add(at('tiers', i, 'perUnit'), "a 'step' program pays each tier's fixed amount only; use method 'retroactive' for an amount per unit");
    }
    if (s.method === 'incremental') {
      if (t.perUnit !== undefined && s.basis !== 'quantity') {
        issues.add(at('tiers', i, 'perUnit'), `an incremental band of basis '${s.basis}' holds no units; an incremental perUnit needs basis 'quantity'`);
      }
      if (t.rate !== undefined && s.basis === 'quantity') {
        issues.add(at('tiers', i, 'rate'), "an incremental band of units holds no amount; an incremental rate needs an amount-based basis ('amount', 'attainment', 'growth' or 'growthRate')");
      }
    }
    if (t.benefits !== undefined) for (const [k, v] of Object.entries(t.benefits)) checkMoney(v, ['tiers', i, 'benefits', k]);
  });
  if (s.applyTo !== undefined && s.basis !== 'growth' && s.basis !== 'growthRate') {
    issues.add(at('applyTo'), `applies to the growth bases only, not to basis '${s.basis}'`);
  }
  if (s.zeroBaseline !== undefined && s.basis !== 'growthRate') {
    issues.add(at('zeroBaseline'), `applies to basis 'growthRate' only, not to '${s.basis}'`);
  }
  if (s.overAchievement?.cap !== undefined) checkMoney(s.overAchievement.cap, ['overAchievement', 'cap']);
  if (s.cap !== undefined) {
    if (s.cap.amount === undefined && s.cap.rateOfBase === undefined) issues.add(at('cap'), 'must give amount, rateOfBase or both');
    if (s.cap.amount !== undefined) checkMoney(s.cap.amount, ['cap', 'amount']);
  }
  if (s.minimum !== undefined) {
    checkMoney(s.minimum.amount, ['minimum', 'amount']);
    if (s.minimum.whenBelow === 'raise' && s.cap?.amount !== undefined && s.cap.amount.lt(s.minimum.amount)) {
      issues.add(at('minimum', 'amount'), `is above cap.amount (${s.cap.amount.toString()}); a raised minimum could never be paid`);
    }
  }
  (s.multipliers ?? []).forEach((m, i) => {
    m.bands.forEach((b, j) => {
      if (j > 0 && !b.from.gt(m.bands[j - 1]!.from)) {
        issues.add(at('multipliers', i, 'bands', j, 'from'), `must be greater than bands[${j - 1}].from (${m.bands[j - 1]!.from.toString()}); list bands in ascending order`);
      }
    });
  });
  issues.throwIfAny();

  const tiers: RebateTier[] = s.tiers.map((t, i) => ({
    index: i,
    name: t.name ?? null,
    from: lows[i]!,
    to: highs[i]!,
    rate: t.rate ?? null,
    perUnit: t.perUnit ?? null,
    fixed: t.fixed ?? null,
    benefits: Object.entries(t.benefits ?? {}).map(([name, amount]) => ({ name, amount })),
  }));

  const warnings: RebateWarning[] = [];
  if (s.method === 'retroactive' && n > 1) {
    warnings.push({
      code: 'retroactive-jump',
      message: `retroactive: reaching a tier re-prices the whole base, so the rebate jumps at each threshold (${tiers
        .slice(1)
        .map((t) => (style === 'from' ? `from ${t.from.toString()}` : `above ${t.from.toString()}`))
        .join(', ')}); a dealer just below one may gain more from a small extra sale than the sale itself`,
    });
  }

  const program: RebateProgram = {
    kind: 'rebate-program',
    name: s.name ?? null,
    currency,
    rounding: { scale, mode: s.rounding.mode ?? 'half-up', stage: s.rounding.stage },
    basis: s.basis,
    method: s.method,
    bounds: style,
    tiers,
    applyTo: s.basis === 'growth' || s.basis === 'growthRate' ? (s.applyTo ?? 'increment') : null,
    zeroBaseline: s.zeroBaseline ?? null,
    overAchievement:
      s.overAchievement === undefined
        ? null
        : { above: s.overAchievement.above, rate: s.overAchievement.rate, cap: s.overAchievement.cap ?? null },
    gates: (s.gates ?? []).map((g) => ({
      metric: g.metric,
      op: g.op,
      value: g.value,
      failFactor: g.onFail === 'zero' ? ZERO : g.onFail.factor,
      zero: g.onFail === 'zero',
    })),
    multipliers: (s.multipliers ?? []).map((m) => ({ metric: m.metric, bands: m.bands.map((b) => ({ from: b.from, factor: b.factor })) })),
    cap: s.cap === undefined ? null : { amount: s.cap.amount ?? null, rateOfBase: s.cap.rateOfBase ?? null },
    minimum: s.minimum === undefined ? null : { amount: s.minimum.amount, whenBelow: s.minimum.whenBelow },
    warnings,
  };
  deepFreeze(program);
  const hasRate = tiers.some((t) => t.rate !== null);
  internals.set(program, {
    needsSales: AMOUNT_BASES.includes(s.basis) || hasRate || program.overAchievement !== null || program.cap?.rateOfBase != null,
    needsQuantity: s.basis === 'quantity' || tiers.some((t) => t.perUnit !== null),
    needsTarget: s.basis === 'attainment' || program.overAchievement !== null,
    needsBaseline: s.basis === 'growth' || s.basis === 'growthRate',
    fast: prepareFastProgram(program),
  });
  return program;
}

/**
 * Validates a rebate program once and returns it frozen, ready for {@link calculateRebate},
 * {@link settleRebate} and the batch functions.
 *
 * Tiers are all `from` (inclusive lower bounds: the rebate wording "from 1,000,000, 2 %") or all
 * `upTo` (inclusive upper bounds, the last `null`: the price-list wording "up to 5 units at 7").
 * Integer price-list ranges `[0,100]`, `[101,200]`, `[201,∞)` are `upTo: 100, 200, null`, or
 * equally `from: 0, 101, 201` when the basis only takes whole values.
 *
 * @example
 * ```ts
 * const card = defineRebateProgram({
 *   currency: 'USD', rounding: { stage: 'line' }, basis: 'amount', method: 'incremental',
 *   tiers: [{ from: 0, rate: '0.0025' }, { from: 2000, rate: '0.005' }, { from: 5000, rate: '0.015' }],
 *   cap: { amount: 1000 },
 * });
 * calculateRebate(card, { sales: 10000 }).rebate.toString();
 * //=> '95'
 * ```
 */
export function defineRebateProgram(spec: RebateProgramSpec): RebateProgram {
  try {
    return defineProgramAt(spec, []);
  } catch (error) {
    throw wrapThrown(error);
  }
}

/** A defined program, or a spec defined on the spot (errors under `path`). @internal */
export function resolveProgram(program: unknown, path: IssuePath): { program: RebateProgram; internals: ProgramInternals } {
  let p = program as RebateProgram;
  let inner = programInternals(program);
  if (inner === undefined) {
    p = defineProgramAt(program, path);
    inner = internals.get(p)!;
  }
  return { program: p, internals: inner };
}
