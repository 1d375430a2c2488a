import { ONE, ZERO, type Decimal } from '../core/decimal.js';
import { invalid, outOfRange, wrapThrown, type IssuePath } from '../core/errors.js';
import { roundDecimal, type RoundingMode } from '../core/money.js';
import { parseWith } from '../core/schema.js';
import { resolveProgram, type ProgramInternals, type RebateBenefit, type RebateProgram, type RebateWarning } from './program.js';
import { inputShape, type RebateBasis, type RebateComparison, type RebateInput, type RebateRoundingStage } from './schema.js';

/** One priced tier of a calculation: `amount = base × rate + units × perUnit + fixed`. */
export interface RebateLine {
  /** The tier's index in the program. */
  index: number;
  /** The tier's name, or null. */
  name: string | null;
  /** The tier's lower bound in basis units (see {@link RebateTier}). */
  from: Decimal;
  /** The tier's upper bound in basis units, or null (open-ended). */
  to: Decimal | null;
  /** The net amount the line's rate applies to (the band's share in incremental mode); null without an amount. */
  base: Decimal | null;
  /** The net units the line's perUnit applies to; null without units. */
  units: Decimal | null;
  /** The tier's rate, when it has one. */
  rate?: Decimal;
  /** The tier's amount per unit, when it has one. */
  perUnit?: Decimal;
  /** The tier's fixed amount, when it has one. */
  fixed?: Decimal;
  /** The line's amount: rounded with `stage: 'line'`, exact with `'total'`. */
  amount: Decimal;
}

/** The over-achievement award of a calculation. */
export interface RebateOverAchievementLine {
  /** `above × target`: the net sales above it earn the award. */
  threshold: Decimal;
  /** Net sales above the threshold (0 when below). */
  base: Decimal;
  /** The award's rate. */
  rate: Decimal;
  /** The award's cap, or null. */
  cap: Decimal | null;
  /** True when the cap cut the award. */
  capped: boolean;
  /** The award: rounded with `stage: 'line'`, exact with `'total'`. */
  amount: Decimal;
}

/** How one gate was evaluated. */
export interface RebateGateResult {
  /** The metric's key. */
  metric: string;
  /** The comparison. */
  op: RebateComparison;
  /** The value the gate requires. */
  required: Decimal;
  /** The metric's value supplied. */
  value: Decimal;
  /** Whether the comparison holds. */
  passed: boolean;
  /** 1 when passed, else the gate's fail factor (0 for `'zero'`). */
  factor: Decimal;
}

/** How one multiplier table was read. */
export interface RebateMultiplierResult {
  /** The metric's key. */
  metric: string;
  /** The metric's value supplied. */
  value: Decimal;
  /** Index of the band applied. */
  band: number;
  /** The band's factor. */
  factor: Decimal;
}

/** A step from the tier lines to the rebate: gates, multipliers, the minimum and the cap. */
export interface RebateAdjustment {
  /** Which step. */
  kind: 'gates' | 'multiplier' | 'minimum' | 'cap';
  /** The factor applied (gates, multiplier). */
  factor?: Decimal;
  /** The limit applied (minimum, cap). */
  limit?: Decimal;
  /** What the step added (negative: removed). */
  amount: Decimal;
}

/** What the next tier needs and is worth. */
export interface RebateNextTier {
  /** The next tier's index. */
  index: number;
  /** The next tier's name, or null. */
  name: string | null;
  /** The tier's bound in basis units. */
  threshold: Decimal;
  /** True for `upTo` programs: the basis must exceed the threshold (reach it for `from` programs). */
  mustExceed: boolean;
  /** Threshold − current basis value, in basis units. */
  gap: Decimal;
  /** The extra net sales that close the gap (null on a quantity basis). */
  salesGap: Decimal | null;
  /** The rebate with the basis at the threshold (just above it for `upTo`), everything else unchanged. */
  rebateAtThreshold: Decimal;
  /** rebateAtThreshold − rebate (negative where a retroactive cliff lowers the rebate). */
  gain: Decimal;
}

/** The result of {@link calculateRebate}: the rebate and every figure behind it. */
export interface RebateResult {
  /** The rebate, rounded to the money scale. */
  rebate: Decimal;
  /** The same rebate computed without any rounding. */
  unrounded: Decimal;
  /** The program's basis. */
  basis: RebateBasis;
  /** The value that selected the tier (null for a growth rate over a zero baseline). */
  basisValue: Decimal | null;
  /** Sales − returns, as supplied (may be negative; the basis then uses 0). */
  netAmount: Decimal | null;
  /** Quantity − returned quantity, as supplied. */
  netQuantity: Decimal | null;
  /** The tier reached. */
  tier: RebateTierRef;
  /** The priced tiers: the reached one (retroactive, step) or every reached band (incremental). */
  lines: RebateLine[];
  /** The over-achievement award, or null when the program has none. */
  overAchievement: RebateOverAchievementLine | null;
  /** Each gate's outcome. */
  gates: RebateGateResult[];
  /** False when a `'zero'` gate failed. */
  eligible: boolean;
  /** The product of the multiplier tables' factors (1 without tables). */
  multiplier: Decimal;
  /** Each multiplier table's band and factor. */
  multipliers: RebateMultiplierResult[];
  /** Gates, multipliers, minimum and cap as amounts: lines + over-achievement + adjustments = rebate (stage 'line') or unrounded (stage 'total'). */
  adjustments: RebateAdjustment[];
  /** True when the cap cut the rebate. */
  capApplied: boolean;
  /** True when the minimum raised or forfeited the rebate. */
  minimumApplied: boolean;
  /** The reached tier's named extra amounts (none when ineligible); not part of the rebate. */
  benefits: RebateBenefit[];
  /** What the next tier needs and is worth, or null at the top tier. */
  nextTier: RebateNextTier | null;
  /** The rounding used. */
  rounding: RebateRoundingReport;
  /** Negative nets, retroactive jumps, zero baselines. */
  warnings: RebateWarning[];
}

/** A tier reached: its index and name. */
export interface RebateTierRef {
  /** The tier's index in the program. */
  readonly index: number;
  /** The tier's name, or null. */
  readonly name: string | null;
}

/** How a rebate was rounded. */
export interface RebateRoundingReport {
  /** Every line, or once on the total. */
  stage: RebateRoundingStage;
  /** Decimal places. */
  scale: number;
  /** Rounding mode. */
  mode: RoundingMode;
  /** rebate − unrounded. */
  difference: Decimal;
}

/** A calculation's inputs after validation. @internal */
export interface RebateFacts {
  sales: Decimal | null;
  returns: Decimal;
  quantity: Decimal | null;
  returnedQuantity: Decimal;
  target: Decimal | null;
  baseline: Decimal | null;
  metrics: Readonly<Record<string, Decimal>>;
}

/** Where a field of the facts came from, for error messages. @internal */
export type FactPath = (field: string, ...rest: (string | number)[]) => IssuePath;

/** Checks that the facts hold what the program needs; errors name the field's path. @internal */
export function checkFacts(program: RebateProgram, inner: ProgramInternals, facts: RebateFacts, where: FactPath): void {
  if (inner.needsSales && facts.sales === null) {
    invalid(where('sales'), `is required (the program's basis '${program.basis}' or its rates, over-achievement or cap need the sales amount)`);
  }
  if (inner.needsQuantity && facts.quantity === null) {
    invalid(where('quantity'), `is required (the program's basis '${program.basis}' or its perUnit amounts need units)`);
  }
  if (inner.needsTarget) {
    const why = program.basis === 'attainment' ? "basis 'attainment' divides by it" : 'the over-achievement award is measured against it';
    if (facts.target === null) invalid(where('target'), `is required (${why})`);
    if (!facts.target.gt(0)) outOfRange(where('target'), `must be greater than 0 (${why}), received ${facts.target.toString()}`);
  }
  if (inner.needsBaseline) {
    if (facts.baseline === null) invalid(where('baseline'), `is required (basis '${program.basis}' measures growth over it)`);
    if (program.basis === 'growthRate' && facts.baseline.isZero() && program.zeroBaseline === null) {
      outOfRange(
        where('baseline'),
        "must be greater than 0 for basis 'growthRate' ((net − baseline) / baseline); set the program's zeroBaseline to 'highest-tier' or 'lowest-tier' to allow 0",
      );
    }
  }
  program.gates.forEach((g, i) => {
    if (facts.metrics[g.metric] === undefined) invalid(where('metrics', g.metric), `is required by gates[${i}] (${g.metric} ${g.op} ${g.value.toString()})`);
  });
  program.multipliers.forEach((m, i) => {
    const v = facts.metrics[m.metric];
    if (v === undefined) invalid(where('metrics', m.metric), `is required by multipliers[${i}]`);
    if (v.lt(m.bands[0]!.from)) {
      outOfRange(where('metrics', m.metric), `is below the first band of multipliers[${i}] (from ${m.bands[0]!.from.toString()}), received ${v.toString()}`);
    }
  });
}

/** Validated facts from a parsed input. @internal */
export function factsOf(input: {
  sales?: Decimal | undefined;
  returns?: Decimal | undefined;
  quantity?: Decimal | undefined;
  returnedQuantity?: Decimal | undefined;
  target?: Decimal | undefined;
  baseline?: Decimal | undefined;
  metrics?: Record<string, Decimal> | undefined;
}): RebateFacts {
  return {
    sales: input.sales ?? null,
    returns: input.returns ?? ZERO,
    quantity: input.quantity ?? null,
    returnedQuantity: input.returnedQuantity ?? ZERO,
    target: input.target ?? null,
    baseline: input.baseline ?? null,
    metrics: input.metrics ?? {},
  };
}

/** Compares a metric with a required value. @internal */
export function compareMetric(value: Decimal, op: RebateComparison, required: Decimal): boolean {
  switch (op) {
    case '>=':
      return value.gte(required);
    case '>':
      return value.gt(required);
    case '<=':
      return value.lte(required);
    default:
      return value.lt(required);
  }
}

function band(v: Decimal, lo: Decimal, hi: Decimal | null): Decimal {
  const top = hi !== null && v.gt(hi) ? hi : v;
  return top.gt(lo) ? top.minus(lo) : ZERO;
}

const maxOf = (a: Decimal, b: Decimal): Decimal => (a.gte(b) ? a : b);

interface Priced {
  lines: RebateLine[];
  exact: Decimal[];
  oa: RebateOverAchievementLine | null;
  oaExact: Decimal | null;
}

interface Finished {
  adjustments: RebateAdjustment[];
  total: Decimal;
  capApplied: boolean;
  minimumApplied: boolean;
}

function finish(
  program: RebateProgram,
  amounts: readonly Decimal[],
  g: Decimal,
  m: Decimal,
  eligible: boolean,
  capValue: Decimal | null,
  round: (d: Decimal) => Decimal,
): Finished {
  let s = ZERO;
  for (const a of amounts) s = s.plus(a);
  const adjustments: RebateAdjustment[] = [];
  if (!g.eq(ONE)) {
    const next = round(s.times(g));
    adjustments.push({ kind: 'gates', factor: g, amount: next.minus(s) });
    s = next;
  }
  if (!m.eq(ONE)) {
    const next = round(s.times(m));
    adjustments.push({ kind: 'multiplier', factor: m, amount: next.minus(s) });
    s = next;
  }
  let minimumApplied = false;
  const min = program.minimum;
  if (min !== null && eligible && s.lt(min.amount)) {
    if (min.whenBelow === 'raise') {
      adjustments.push({ kind: 'minimum', limit: min.amount, amount: min.amount.minus(s) });
      s = min.amount;
      minimumApplied = true;
    } else if (!s.isZero()) {
      adjustments.push({ kind: 'minimum', limit: min.amount, amount: s.negated() });
      s = ZERO;
      minimumApplied = true;
    }
  }
  let capApplied = false;
  if (capValue !== null && s.gt(capValue)) {
    adjustments.push({ kind: 'cap', limit: capValue, amount: capValue.minus(s) });
    s = capValue;
    capApplied = true;
  }
  return { adjustments, total: s, capApplied, minimumApplied };
}

/** Computes one rebate on validated facts; `forced` selects the tier (for the next-tier figures). @internal */
export function evaluate(program: RebateProgram, facts: RebateFacts, forced: number | null): RebateResult {
  const { scale, mode, stage } = program.rounding;
  const warnings: RebateWarning[] = [];
  const netAmount = facts.sales === null ? null : facts.sales.minus(facts.returns);
  const netQuantity = facts.quantity === null ? null : facts.quantity.minus(facts.returnedQuantity);
  let effNet = ZERO;
  if (netAmount !== null) {
    if (netAmount.isNegative() && !netAmount.isZero()) {
      warnings.push({ code: 'negative-net', message: `returns exceed sales (net ${netAmount.toString()}); the basis uses 0, never a negative rebate` });
    } else effNet = netAmount;
  }
  let effUnits = ZERO;
  if (netQuantity !== null) {
    if (netQuantity.isNegative() && !netQuantity.isZero()) {
      warnings.push({ code: 'negative-quantity', message: `returned units exceed units (net ${netQuantity.toString()}); the basis uses 0` });
    } else effUnits = netQuantity;
  }

  const basis = program.basis;
  const tiers = program.tiers;
  const n = tiers.length;
  const T = facts.target;
  const B = facts.baseline ?? ZERO;
  const zeroBase = basis === 'growthRate' && B.isZero();
  // Tier bounds mapped onto the amount (or units) axis: attainment × target, growth + baseline.
  const toAxis = (x: Decimal): Decimal => {
    switch (basis) {
      case 'attainment':
        return x.times(T!);
      case 'growth':
        return B.plus(x);
      case 'growthRate':
        return B.plus(B.times(x));
      default:
        return x;
    }
  };
  const lows = tiers.map((t) => toAxis(t.from));
  const highs = tiers.map((t) => (t.to === null ? null : toAxis(t.to)));
  const onUnits = basis === 'quantity';
  const isGrowth = basis === 'growth' || basis === 'growthRate';
  const v = onUnits ? effUnits : effNet;
  const sel = isGrowth ? maxOf(effNet, B) : v;
  if (isGrowth && effNet.lt(B)) {
    warnings.push({ code: 'negative-growth', message: `net sales ${effNet.toString()} are below the baseline ${B.toString()}; the growth basis uses 0` });
  }

  let basisValue: Decimal | null;
  switch (basis) {
    case 'attainment':
      basisValue = effNet.div(T!);
      break;
    case 'growth':
      basisValue = sel.minus(B);
      break;
    case 'growthRate':
      basisValue = zeroBase ? null : sel.minus(B).div(B);
      break;
    default:
      basisValue = v;
  }

  let k: number;
  if (forced !== null) k = forced;
  else if (zeroBase) {
    k = program.zeroBaseline === 'highest-tier' && effNet.gt(0) ? n - 1 : 0;
    warnings.push({
      code: 'zero-baseline',
      message: `the baseline is 0, so the growth rate is undefined; zeroBaseline '${program.zeroBaseline}' selects tiers[${k}] for the whole net amount`,
    });
  } else if (program.bounds === 'from') {
    k = 0;
    for (let i = n - 1; i > 0; i--) {
      if (sel.gte(lows[i]!)) {
        k = i;
        break;
      }
    }
  } else {
    k = n - 1;
    for (let i = 0; i < n - 1; i++) {
      if (sel.lte(highs[i]!)) {
        k = i;
        break;
      }
    }
  }

  // Price the lines.
  const round = (d: Decimal): Decimal => roundDecimal(d, scale, mode);
  const lineRound = stage === 'line' ? round : (d: Decimal): Decimal => d;
  const hasAmount = netAmount !== null;
  const hasUnits = netQuantity !== null;
  const increment = isGrowth && program.applyTo === 'increment' ? (effNet.gt(B) ? effNet.minus(B) : ZERO) : effNet;
  const priced: Priced = { lines: [], exact: [], oa: null, oaExact: null };
  const addLine = (i: number, base: Decimal | null, units: Decimal | null): void => {
    const t = tiers[i]!;
    let exact = ZERO;
    const line = { index: i, name: t.name, from: t.from, to: t.to, base, units } as RebateLine;
    if (program.method !== 'step' && t.rate !== null) {
      line.rate = t.rate;
      exact = exact.plus(base!.times(t.rate));
    }
    if (program.method !== 'step' && t.perUnit !== null) {
      line.perUnit = t.perUnit;
      exact = exact.plus(units!.times(t.perUnit));
    }
    if (t.fixed !== null) {
      line.fixed = t.fixed;
      exact = exact.plus(t.fixed);
    }
    line.amount = lineRound(exact);
    priced.lines.push(line);
    priced.exact.push(exact);
  };
  if (program.method === 'incremental') {
    for (let i = 0; i <= k; i++) {
      let portion: Decimal;
      if (zeroBase) portion = i === k ? v : ZERO;
      else {
        const lo = i === 0 && isGrowth && program.applyTo === 'net' ? ZERO : lows[i]!;
        portion = band(v, lo, highs[i]!);
      }
      addLine(i, onUnits ? null : hasAmount ? portion : null, onUnits ? portion : null);
    }
  } else {
    addLine(k, hasAmount ? increment : null, hasUnits ? effUnits : null);
  }
  const oaSpec = program.overAchievement;
  if (oaSpec !== null) {
    const threshold = oaSpec.above.times(T!);
    const base = effNet.gt(threshold) ? effNet.minus(threshold) : ZERO;
    let exact = base.times(oaSpec.rate);
    const capped = oaSpec.cap !== null && exact.gt(oaSpec.cap);
    if (capped) exact = oaSpec.cap!;
    priced.oaExact = exact;
    priced.oa = { threshold, base, rate: oaSpec.rate, cap: oaSpec.cap, capped, amount: lineRound(exact) };
  }

  // Gates and multipliers.
  let g = ONE;
  let eligible = true;
  const gates: RebateGateResult[] = program.gates.map((gate) => {
    const value = facts.metrics[gate.metric]!;
    const passed = compareMetric(value, gate.op, gate.value);
    const factor = passed ? ONE : gate.failFactor;
    if (!passed && (gate.zero || factor.isZero())) eligible = false;
    g = g.times(factor);
    return { metric: gate.metric, op: gate.op, required: gate.value, value, passed, factor };
  });
  let m = ONE;
  const multipliers: RebateMultiplierResult[] = program.multipliers.map((mt) => {
    const value = facts.metrics[mt.metric]!;
    let b = 0;
    for (let j = mt.bands.length - 1; j > 0; j--) {
      if (value.gte(mt.bands[j]!.from)) {
        b = j;
        break;
      }
    }
    const factor = mt.bands[b]!.factor;
    m = m.times(factor);
    return { metric: mt.metric, value, band: b, factor };
  });

  let capValue: Decimal | null = null;
  if (program.cap !== null) {
    if (program.cap.amount !== null) capValue = program.cap.amount;
    if (program.cap.rateOfBase !== null) {
      // A cap is never exceeded: a percentage cap is rounded down to the money scale.
      const c = roundDecimal(program.cap.rateOfBase.times(effNet), scale, 'down');
      if (capValue === null || c.lt(capValue)) capValue = c;
    }
  }

  const exactAmounts = priced.oaExact === null ? priced.exact : [...priced.exact, priced.oaExact];
  const exactRun = finish(program, exactAmounts, g, m, eligible, capValue, (d) => d);
  let run = exactRun;
  let rebate: Decimal;
  if (stage === 'line') {
    const rounded = priced.lines.map((l) => l.amount);
    if (priced.oa !== null) rounded.push(priced.oa.amount);
    run = finish(program, rounded, g, m, eligible, capValue, round);
    rebate = run.total;
  } else {
    rebate = round(exactRun.total);
  }
  const unrounded = exactRun.total;

  const tier = tiers[k]!;
  const benefits: RebateBenefit[] = eligible ? tier.benefits.map((b) => ({ name: b.name, amount: b.amount })) : [];

  const result: RebateResult = {
    rebate,
    unrounded,
    basis,
    basisValue,
    netAmount,
    netQuantity,
    tier: { index: k, name: tier.name },
    lines: priced.lines,
    overAchievement: priced.oa,
    gates,
    eligible,
    multiplier: m,
    multipliers,
    adjustments: run.adjustments,
    capApplied: run.capApplied,
    minimumApplied: run.minimumApplied,
    benefits,
    nextTier: null,
    rounding: { stage, scale, mode, difference: rebate.minus(unrounded) },
    warnings,
  };

  if (forced === null && !zeroBase && k < n - 1) {
    const next = tiers[k + 1]!;
    const threshold = next.from;
    const gap = threshold.minus(basisValue!);
    let salesGap: Decimal | null = null;
    let moved: RebateFacts;
    if (onUnits) {
      moved = { ...facts, quantity: facts.quantity!.plus(threshold.minus(netQuantity!)) };
    } else {
      salesGap = lows[k + 1]!.minus(netAmount!);
      moved = { ...facts, sales: facts.sales!.plus(salesGap) };
    }
    const at = evaluate(program, moved, k + 1).rebate;
    result.nextTier = {
      index: k + 1,
      name: next.name,
      threshold,
      mustExceed: program.bounds === 'upTo',
      gap,
      salesGap,
      rebateAtThreshold: at,
      gain: at.minus(rebate),
    };
    if (program.method === 'retroactive') {
      warnings.push({
        code: 'retroactive-jump',
        message: `${program.bounds === 'upTo' ? 'exceeding' : 'reaching'} ${threshold.toString()} (tiers[${k + 1}]${next.name === null ? '' : ` ${next.name}`}) re-prices the whole base: the rebate goes from ${rebate.toString()} to ${at.toString()}`,
      });
    }
  }
  return result;
}

/**
 * Calculates one dealer's rebate under a program, with every figure behind it.
 *
 * Net amount = sales − returns, net units = quantity − returned quantity; a negative net gives a
 * basis of 0 (reported in `warnings`), never a negative rebate. Lines + over-achievement +
 * adjustments (gates, multipliers, minimum, cap, in that order) = the rebate with
 * `rounding.stage: 'line'` (every line rounded, so the printed lines add up) or the unrounded
 * rebate with `'total'` (rounded once; `rounding.difference` says by how much).
 *
 * @param program - A program from {@link defineRebateProgram} (a spec is defined on the spot).
 * @param input - The dealer's figures for the program's period.
 * @example
 * ```ts
 * const sap = defineRebateProgram({
 *   currency: 'EUR', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive',
 *   tiers: [{ from: 0 }, { from: 5000, rate: '0.02' }, { from: 20000, rate: '0.04' }],
 * });
 * const r = calculateRebate(sap, { sales: 7000 });
 * [r.rebate.toString(), r.nextTier?.salesGap?.toString(), r.nextTier?.rebateAtThreshold.toString()];
 * //=> ['140', '13000', '800']
 * ```
 */
export function calculateRebate(program: RebateProgram, input: RebateInput): RebateResult {
  try {
    const { program: p, internals } = resolveProgram(program, ['program']);
    const facts = factsOf(parseWith(inputShape, input, []));
    checkFacts(p, internals, facts, (field, ...rest) => [field, ...rest]);
    return evaluate(p, facts, null);
  } catch (error) {
    throw wrapThrown(error);
  }
}

/** The result of {@link calculateRebates}. */
export interface RebateBatchResult {
  /** One result per input, in order. */
  results: RebateResult[];
  /** The batch's totals. */
  totals: RebateTotals;
}

/** The totals of a batch of calculations. */
export interface RebateTotals {
  /** How many calculations. */
  count: number;
  /** Σ rebate. */
  rebate: Decimal;
  /** Σ unrounded rebate. */
  unrounded: Decimal;
  /** Σ benefits by name. */
  benefits: RebateBenefit[];
}

/**
 * Calculates many dealers' rebates under one program, validated once; results in input order, plus totals.
 *
 * @example
 * ```ts
 * const p = defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'amount', method: 'incremental', tiers: [{ from: 0, rate: '0.01' }, { from: 1000, rate: '0.02' }] });
 * const batch = calculateRebates(p, [{ sales: 500 }, { sales: 1500 }]);
 * [batch.results.map((r) => r.rebate.toString()), batch.totals.rebate.toString()];
 * //=> [['5', '20'], '25']
 * ```
 */
export function calculateRebates(program: RebateProgram, inputs: readonly RebateInput[]): RebateBatchResult {
  try {
    const { program: p, internals } = resolveProgram(program, ['program']);
    if (!Array.isArray(inputs)) invalid(['inputs'], 'must be an array of inputs');
    const results: RebateResult[] = [];
    let rebate = ZERO;
    let unrounded = ZERO;
    const benefits = new Map<string, Decimal>();
    inputs.forEach((input, i) => {
      const facts = factsOf(parseWith(inputShape, input, ['inputs', i]));
      checkFacts(p, internals, facts, (field, ...rest) => ['inputs', i, field, ...rest]);
      const r = evaluate(p, facts, null);
      rebate = rebate.plus(r.rebate);
      unrounded = unrounded.plus(r.unrounded);
      for (const b of r.benefits) benefits.set(b.name, (benefits.get(b.name) ?? ZERO).plus(b.amount));
      results.push(r);
    });
    return {
      results,
      totals: { count: results.length, rebate, unrounded, benefits: [...benefits].map(([name, amount]) => ({ name, amount })) },
    };
  } catch (error) {
    throw wrapThrown(error);
  }
}
