import { ONE, ZERO, type Decimal } from '../core/decimal.js';
import { IssueCollector, wrapThrown, type IssuePath } from '../core/errors.js';
import { currencyScaleAt, type RoundingMode } from '../core/money.js';
import { DEFAULT_RATIO_SCALE, namesAFraction, parseWith, type RoundingStage } from '../core/schema.js';
import type { Warning } from '../core/result.js';
import {
  programShape,
  type ParsedProgramSpec,
  type RebateBasis,
  type RebateComparison,
  type RebateMethod,
  type RebateProgramSpec,
} from './schema.js';
import { REBATE_MESSAGES as M } from './messages.js';
import { isDefinedJson, readDefined, type DefinedReader } from '../core/defined.js';
import { PROGRAM_JSON, type ProgramJson } from './program-json.js';

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
  /** How settlements pay advances and the true-up, or null (then `settleRebate` refuses the program). */
  readonly settlement: RebateSettlementPolicyApplied | null;
  /** Decimal places of the reported ratios (attainment, growth rate, effective rate); 10 unless the spec says otherwise. */
  readonly ratioScale: number;
  /** What a reader of the program should know (a retroactive program jumps at each threshold). */
  readonly warnings: readonly Warning[];
}

/** The rounding of a program: the shared `rounding` option with every field resolved. */
export interface RebateRounding {
  /** Decimal places of money (from the currency unless given). */
  readonly scale: number;
  /** How money is rounded. */
  readonly mode: RoundingMode;
  /** Every line, or once on the total. */
  readonly stage: RoundingStage;
}

/** The settlement policy of a program, normalised. */
export interface RebateSettlementPolicyApplied {
  /** Cumulative or period advances. */
  readonly advance: 'cumulative' | 'period';
  /** The fraction of each advance held back until the year end (0 when not given). */
  readonly holdbackRate: Decimal;
  /** What a negative true-up does. */
  readonly negativeTrueUp: 'clawback' | 'carry' | 'waive';
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
  /** Per gate: its metric's name says ratio/rate/share and its threshold is at most 1 (a value above 1 is then a percentage mistake). */
  fractionGates: readonly boolean[];
}

const internals = new WeakMap<object, ProgramInternals>();

/** The internals of a defined program, or undefined for anything else. @internal */
export function programInternals(program: unknown): ProgramInternals | undefined {
  // A WeakMap answers undefined for a key that can be no key of it (a primitive, null): nothing to check first.
  return internals.get(program as object);
}

function deepFreeze<T>(value: T): T {
  // Every object here is new (parsed from the spec, then built), none frozen yet and none shared: no isFrozen check.
  if (typeof value === 'object' && value !== null) {
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
  const at = (...p: (string | number)[]): (string | number)[] => [...base, ...p];
  // The currency is checked (and its scale read) whether or not the rounding gives a scale.
  const currencyScale = currencyScaleAt(s.currency, at('currency'));
  const scale = s.rounding.scale ?? currencyScale;
  const issues = new IssueCollector();
  const check: Check = {
    at,
    issues,
    money: (d, path) => {
      if (d.decimalPlaces() > scale) {
        issues.add(at(...path), M.moreDecimalsThanMoney(scale, d.toString()), 'invalid_input', {
          code: 'invalid_value',
          expected: `at most ${scale} decimal places`,
          received: d.toString(),
        });
      }
    },
  };
  const style = boundStyle(s, check);
  issues.throwIfAny();
  const { lows, highs } = style === 'from' ? fromBounds(s, check) : upToBounds(s, check);
  checkPayments(s, check);
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
  const program = programOf(s, scale, style, tiers);
  deepFreeze(program);
  internals.set(program, {
    needsSales: AMOUNT_BASES.includes(s.basis) || tiers.some((t) => t.rate !== null) || program.overAchievement !== null || program.cap?.rateOfBase != null,
    needsQuantity: s.basis === 'quantity' || tiers.some((t) => t.perUnit !== null),
    needsTarget: s.basis === 'attainment' || program.overAchievement !== null,
    needsBaseline: s.basis === 'growth' || s.basis === 'growthRate',
    fractionGates: program.gates.map((g) => g.value.lte(ONE) && namesAFraction(g.metric)),
  });
  return program;
}

/** What the checks of a program spec share: the path of a field, the refusals so far, and the money-places check. */
interface Check {
  at(...p: (string | number)[]): (string | number)[];
  issues: IssueCollector;
  /** Refuses a money figure with more decimal places than the program's currency scale. */
  money(d: Decimal, path: (string | number)[]): void;
}

/** The bound style, from tiers[0]: every tier the same, never both bounds on one tier. */
function boundStyle(s: ParsedProgramSpec, { at, issues }: Check): 'from' | 'upTo' {
  const first = s.tiers[0]!;
  const style: 'from' | 'upTo' = first.from === undefined && first.upTo !== undefined ? 'upTo' : 'from';
  s.tiers.forEach((t, i) => {
    if (t.from !== undefined && t.upTo !== undefined) {
      issues.add(at('tiers', i), M.bothBounds, 'invalid_input', { code: 'inconsistent' });
    } else if (t.from === undefined && t.upTo === undefined) {
      issues.add(at('tiers', i), M.noBound, 'invalid_input', { code: 'required', expected: 'from or upTo' });
    } else if (style === 'from' && t.upTo !== undefined) {
      issues.add(at('tiers', i, 'upTo'), M.mixedFrom, 'invalid_input', { code: 'inconsistent' });
    } else if (style === 'upTo' && t.from !== undefined) {
      issues.add(at('tiers', i, 'from'), M.mixedUpTo, 'invalid_input', { code: 'inconsistent' });
    }
  });
  return style;
}

/** Each tier's low and high bound from `from` bounds: the first at 0, each above the one before. */
function fromBounds(s: ParsedProgramSpec, { at, issues }: Check): { lows: Decimal[]; highs: (Decimal | null)[] } {
  const n = s.tiers.length;
  const lows: Decimal[] = [];
  s.tiers.forEach((t, i) => {
    const f = t.from!;
    if (i === 0) {
      if (!f.isZero()) {
        issues.add(at('tiers', 0, 'from'), M.firstFromNotZero(f.toString()), 'invalid_input', {
          code: 'invalid_value',
          expected: '0',
          received: f.toString(),
        });
      }
    } else {
      const prev = s.tiers[i - 1]!.from!;
      if (f.eq(prev)) {
        issues.add(at('tiers', i, 'from'), M.fromOverlaps(i - 1, f.toString()), 'invalid_input', { code: 'not_ascending', received: f.toString(), limit: prev.toString() });
      } else if (f.lt(prev)) {
        issues.add(at('tiers', i, 'from'), M.fromDescending(i - 1, prev.toString()), 'invalid_input', { code: 'not_ascending', received: f.toString(), limit: prev.toString() });
      }
    }
    lows.push(f);
  });
  const highs: (Decimal | null)[] = [];
  for (let i = 0; i < n; i++) highs.push(i + 1 < n ? lows[i + 1]! : null);
  return { lows, highs };
}

/** Each tier's low and high bound from `upTo` bounds: ascending, the last one (and only it) open (null). */
function upToBounds(s: ParsedProgramSpec, { at, issues }: Check): { lows: Decimal[]; highs: (Decimal | null)[] } {
  const n = s.tiers.length;
  const highs: (Decimal | null)[] = [];
  s.tiers.forEach((t, i) => {
    const u = t.upTo!;
    if (u === null) {
      if (i < n - 1) issues.add(at('tiers', i, 'upTo'), M.openEndedNotLast(i + 1), 'invalid_input', { code: 'not_ascending', received: 'null' });
    } else {
      if (i === n - 1) {
        issues.add(at('tiers', i, 'upTo'), M.lastUpToNotNull(u.toString()), 'invalid_input', { code: 'invalid_value', expected: 'null', received: u.toString() });
      }
      const prev = i > 0 ? s.tiers[i - 1]!.upTo : undefined;
      if (prev !== undefined && prev !== null) {
        if (u.eq(prev)) {
          issues.add(at('tiers', i, 'upTo'), M.upToOverlaps(i - 1, u.toString()), 'invalid_input', { code: 'not_ascending', received: u.toString(), limit: prev.toString() });
        } else if (u.lt(prev)) {
          issues.add(at('tiers', i, 'upTo'), M.upToDescending(i - 1, prev.toString()), 'invalid_input', { code: 'not_ascending', received: u.toString(), limit: prev.toString() });
        }
      }
    }
    highs.push(u);
  });
  // The first tier starts at 0 (highs[-1] is undefined); an open bound before the last is refused above.
  const lows = highs.map((_, i) => highs[i - 1] ?? ZERO);
  return { lows, highs };
}

/** What each tier pays, by method and basis, and the fields that must agree with one another (caps, minimum, bands, holdback). */
function checkPayments(s: ParsedProgramSpec, { at, issues, money }: Check): void {
  s.tiers.forEach((t, i) => {
    const clash = { code: 'inconsistent' } as const;
    if (s.method === 'step') {
      if (t.rate !== undefined) issues.add(at('tiers', i, 'rate'), M.stepRate, 'invalid_input', clash);
      if (t.perUnit !== undefined) issues.add(at('tiers', i, 'perUnit'), M.stepPerUnit, 'invalid_input', clash);
    }
    if (s.method === 'incremental') {
      if (t.perUnit !== undefined && s.basis !== 'quantity') issues.add(at('tiers', i, 'perUnit'), M.incrementalPerUnit(s.basis), 'invalid_input', clash);
      if (t.rate !== undefined && s.basis === 'quantity') issues.add(at('tiers', i, 'rate'), M.incrementalRate, 'invalid_input', clash);
    }
    if (t.benefits !== undefined) for (const [k, v] of Object.entries(t.benefits)) money(v, ['tiers', i, 'benefits', k]);
  });
  if (s.applyTo !== undefined && s.basis !== 'growth' && s.basis !== 'growthRate') {
    issues.add(at('applyTo'), M.applyToNotGrowth(s.basis), 'invalid_input', { code: 'inconsistent' });
  }
  if (s.zeroBaseline !== undefined && s.basis !== 'growthRate') {
    issues.add(at('zeroBaseline'), M.zeroBaselineNotGrowthRate(s.basis), 'invalid_input', { code: 'inconsistent' });
  }
  if (s.overAchievement?.cap !== undefined) money(s.overAchievement.cap, ['overAchievement', 'cap']);
  if (s.cap !== undefined) {
    if (s.cap.amount === undefined && s.cap.rateOfBase === undefined) issues.add(at('cap'), M.capEmpty, 'invalid_input', { code: 'required', expected: 'amount or rateOfBase' });
    if (s.cap.amount !== undefined) money(s.cap.amount, ['cap', 'amount']);
  }
  if (s.minimum !== undefined) {
    money(s.minimum.amount, ['minimum', 'amount']);
    if (s.minimum.whenBelow === 'raise' && s.cap?.amount !== undefined && s.cap.amount.lt(s.minimum.amount)) {
      issues.add(at('minimum', 'amount'), M.minimumAboveCap(s.cap.amount.toString()), 'invalid_input', {
        code: 'inconsistent',
        received: s.minimum.amount.toString(),
        limit: s.cap.amount.toString(),
      });
    }
  }
  (s.multipliers ?? []).forEach((m, i) => {
    m.bands.forEach((b, j) => {
      const prev = m.bands[j - 1];
      if (prev !== undefined && !b.from.gt(prev.from)) {
        issues.add(at('multipliers', i, 'bands', j, 'from'), M.bandDescending(j - 1, prev.from.toString()), 'invalid_input', {
          code: 'not_ascending',
          received: b.from.toString(),
          limit: prev.from.toString(),
        });
      }
    });
  });
  const holdback = s.settlement?.holdbackRate;
  if (holdback !== undefined && holdback.gte(ONE)) {
    issues.add(at('settlement', 'holdbackRate'), M.holdbackNotBelowOne(holdback.toString()), 'out_of_range', {
      code: 'out_of_range',
      expected: 'less than 1',
      received: holdback.toString(),
      limit: '1',
    });
  }
}

/** The defined program (not yet frozen) of a checked spec, with the retroactive-jump warning of a retroactive program with several tiers. */
function programOf(s: ParsedProgramSpec, scale: number, style: 'from' | 'upTo', tiers: RebateTier[]): RebateProgram {
  const warnings: Warning[] = [];
  if (s.method === 'retroactive' && tiers.length > 1) {
    warnings.push({
      code: 'retroactive-jump',
      message: M.retroactiveProgram(
        tiers
          .slice(1)
          .map((t) => (style === 'from' ? `from ${t.from.toString()}` : `above ${t.from.toString()}`))
          .join(', '),
      ),
      path: ['method'],
    });
  }
  return {
    kind: 'rebate-program',
    name: s.name ?? null,
    currency: s.currency.toUpperCase(),
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
    settlement:
      s.settlement === undefined
        ? null
        : { advance: s.settlement.advance, holdbackRate: s.settlement.holdbackRate ?? ZERO, negativeTrueUp: s.settlement.negativeTrueUp },
    ratioScale: s.ratioScale ?? DEFAULT_RATIO_SCALE,
    warnings,
  };
}

/**
 * Validates a rebate program once and returns it frozen, ready for {@link calculateRebate},
 * {@link settleRebate} and the batch functions.
 *
 * Tiers are all `from` (inclusive lower bounds: the rebate wording "from 1,000,000, 2 %") or all
 * `upTo` (inclusive upper bounds, the last `null`: the price-list wording "up to 5 units at 7").
 * Integer price-list ranges `[0,100]`, `[101,200]`, `[201,∞)` are `upTo: 100, 200, null`, or
 * equally `from: 0, 101, 201` when the basis only takes whole values. Rates (tier rates, the
 * over-achievement rate, `cap.rateOfBase`, `settlement.holdbackRate`) are fractions from 0 to 1:
 * `rate: 3` is refused with the issue code `percent_as_whole_number` ("write 0.03 for 3 %"); tier
 * bounds on an attainment basis and multiplier factors above 1 are legitimate and accepted. The
 * `settlement` policy (advances, holdback, negative true-up) is part of the program, validated here
 * once, and used by {@link settleRebate} and `settleRebates` alike.
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

const READER: DefinedReader<ProgramJson, RebateProgram> = { ...PROGRAM_JSON, define: (spec) => defineProgramAt(spec, []) };

/**
 * A defined program, a defined program's JSON (`kind: 'rebate-program'`) read back, or a spec
 * defined on the spot (errors under `path`). @internal
 */
export function resolveProgram(program: unknown, path: IssuePath): { program: RebateProgram; internals: ProgramInternals } {
  let p = program as RebateProgram;
  let inner = programInternals(program);
  if (inner === undefined) {
    p = isDefinedJson(program, 'rebate-program') ? readDefined(program, READER, path) : defineProgramAt(program, path);
    inner = internals.get(p)!;
  }
  return { program: p, internals: inner };
}
