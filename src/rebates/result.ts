// The shapes of a rebate calculation's result and its steps (types only).
import type { Decimal } from '../core/decimal.js';
import type { BatchOptions } from '../core/batch.js';
import type { RoundingMode } from '../core/money.js';
import type { RoundingStage } from '../core/schema.js';
import type { Step, Warning } from '../core/result.js';
import type { RebateBenefit } from './program.js';
import type { RebateBasis, RebateComparison } from './schema.js';

/** What the basis of a calculation was made of: the net figures and the value that selected the tier. */
export interface RebateBasisStep extends Step {
  code: 'basis';
  /** The program's basis. */
  basis: RebateBasis;
  /** Gross sales, or null when not given. */
  sales: Decimal | null;
  /** Returns and credit notes (0 when not given). */
  returns: Decimal;
  /** sales − returns, or null without sales (may be negative: the basis then uses 0). */
  netAmount: Decimal | null;
  /** Gross units, or null. */
  quantity: Decimal | null;
  /** Returned units (0 when not given). */
  returnedQuantity: Decimal;
  /** quantity − returnedQuantity, or null. */
  netQuantity: Decimal | null;
  /** The target (attainment basis, over-achievement), or null. */
  target: Decimal | null;
  /** The baseline (growth bases), or null. */
  baseline: Decimal | null;
  /** The basis value as reported (ratios rounded to `ratioScale` places), or null for a growth rate over a zero baseline. */
  value: Decimal | null;
}

/** One priced tier: `amount = base × rate + units × perUnit + fixed`. */
export interface RebateTierStep extends Step {
  code: 'tier';
  /** The tier's index in the program. */
  index: number;
  /** The tier's name, or null. */
  name: string | null;
  /** The tier's lower bound in basis units (see {@link RebateTier}). */
  from: Decimal;
  /** The tier's upper bound in basis units, or null (open-ended). */
  to: Decimal | null;
  /** The net amount the rate applies to (the band's share in incremental mode); null without an amount. */
  base: Decimal | null;
  /** The net units the perUnit amount applies to; null without units. */
  units: Decimal | null;
  /** The rate applied, or null. */
  rate: Decimal | null;
  /** The amount per unit applied, or null. */
  perUnit: Decimal | null;
  /** The fixed amount paid, or null. */
  fixed: Decimal | null;
  /** The line's amount: rounded with `stage: 'line'`, exact with `'total'`. */
  amount: Decimal;
}

/** The over-achievement award: `rate × base`, at most `cap`. */
export interface RebateOverAchievementStep extends Step {
  code: 'over-achievement';
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

/** How one gate was read: its {@link RebateGateResult} as a step. */
export interface RebateGateStep extends Step, RebateGateResult {
  code: 'gate';
}

/** The failed gates' factors applied to the subtotal (present when their product is not 1). */
export interface RebateGateFactorStep extends Step {
  code: 'gate-factor';
  /** The product of the failed gates' factors. */
  factor: Decimal;
  /** The subtotal before. */
  before: Decimal;
  /** The subtotal after (rounded with `stage: 'line'`). */
  after: Decimal;
  /** after − before. */
  amount: Decimal;
}

/** How one multiplier table was read: its {@link RebateMultiplierResult} as a step, with the band's lower bound. */
export interface RebateMultiplierStep extends Step, RebateMultiplierResult {
  code: 'multiplier';
  /** The band's lower bound. */
  from: Decimal;
}

/** The multiplier tables' factors applied to the subtotal (present when their product is not 1). */
export interface RebateMultiplierFactorStep extends Step {
  code: 'multiplier-factor';
  /** The product of the tables' factors. */
  factor: Decimal;
  /** The subtotal before. */
  before: Decimal;
  /** The subtotal after (rounded with `stage: 'line'`). */
  after: Decimal;
  /** after − before. */
  amount: Decimal;
}

/** The minimum applied (present when it raised or forfeited the rebate). */
export interface RebateMinimumStep extends Step {
  code: 'minimum';
  /** The program's minimum. */
  limit: Decimal;
  /** Raise to it, or forfeit. */
  whenBelow: 'raise' | 'forfeit';
  /** The subtotal before. */
  before: Decimal;
  /** The subtotal after. */
  after: Decimal;
  /** after − before. */
  amount: Decimal;
}

/** The cap applied (present when it cut the rebate). */
export interface RebateCapStep extends Step {
  code: 'cap';
  /** The cap applied: the smaller of `byAmount` and `byRate`. */
  limit: Decimal;
  /** The program's cap amount, or null. */
  byAmount: Decimal | null;
  /** The program's `rateOfBase` × the net amount, rounded down to the money scale, or null. */
  byRate: Decimal | null;
  /** The subtotal before. */
  before: Decimal;
  /** The subtotal after. */
  after: Decimal;
  /** after − before. */
  amount: Decimal;
}

/** How the rebate was rounded (always the last step). */
export interface RebateRoundingStep extends Step {
  code: 'rounding';
  /** `'line'`: every line and step rounded; `'total'`: rounded once. */
  stage: RoundingStage;
  /** Decimal places. */
  scale: number;
  /** Rounding mode. */
  mode: RoundingMode;
  /** The rebate computed without any rounding. */
  unrounded: Decimal;
  /** The rebate. */
  rebate: Decimal;
  /** rebate − unrounded. */
  difference: Decimal;
}

/**
 * One step of a rebate calculation, in order: `basis`, the `tier` lines, `over-achievement`,
 * each `gate` and `gate-factor`, each `multiplier` and `multiplier-factor`, `minimum`, `cap`,
 * `rounding`. With `stage: 'line'` the `amount`s of the tier, over-achievement, factor, minimum
 * and cap steps add up to the rebate; with `'total'` to the unrounded rebate.
 */
export type RebateStep =
  | RebateBasisStep
  | RebateTierStep
  | RebateOverAchievementStep
  | RebateGateStep
  | RebateGateFactorStep
  | RebateMultiplierStep
  | RebateMultiplierFactorStep
  | RebateMinimumStep
  | RebateCapStep
  | RebateRoundingStep;

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
  /** Threshold − current basis value, in basis units (a ratio gap rounded to `ratioScale` places). */
  gap: Decimal;
  /** The extra net sales that close the gap (null on a quantity basis). */
  salesGap: Decimal | null;
  /** The rebate with the basis at the threshold (just above it for `upTo`), everything else unchanged. */
  rebateAtThreshold: Decimal;
  /** rebateAtThreshold − rebate (negative where a retroactive cliff lowers the rebate). */
  gain: Decimal;
}

/** A tier reached: its index and name. */
export interface RebateTierRef {
  /** The tier's index in the program. */
  readonly index: number;
  /** The tier's name, or null. */
  readonly name: string | null;
}

/** The result of {@link calculateRebate}: the rebate, the figures a user reads, and every step behind it. */
export interface RebateResult {
  /** The rebate, rounded to the money scale. */
  rebate: Decimal;
  /** The same rebate computed without any rounding. */
  unrounded: Decimal;
  /** The program's basis. */
  basis: RebateBasis;
  /**
   * The value that selected the tier: net sales, net units or growth as they are; attainment and
   * growth rate (ratios) rounded half-up to `ratioScale` places (the tier was chosen on the exact
   * value). Null for a growth rate over a zero baseline.
   */
  basisValue: Decimal | null;
  /** Sales − returns, as supplied (may be negative; the basis then uses 0). */
  netAmount: Decimal | null;
  /** Quantity − returned quantity, as supplied. */
  netQuantity: Decimal | null;
  /** The tier reached. */
  tier: RebateTierRef;
  /** Each gate's outcome. */
  gates: RebateGateResult[];
  /** False when a `'zero'` gate failed. */
  eligible: boolean;
  /** The product of the multiplier tables' factors (1 without tables). */
  multiplier: Decimal;
  /** Each multiplier table's band and factor. */
  multipliers: RebateMultiplierResult[];
  /** True when the cap cut the rebate. */
  capApplied: boolean;
  /** True when the minimum raised or forfeited the rebate. */
  minimumApplied: boolean;
  /** The reached tier's named extra amounts (none when ineligible); not part of the rebate. */
  benefits: RebateBenefit[];
  /** What the next tier needs and is worth, or null at the top tier. */
  nextTier: RebateNextTier | null;
  /** How the rebate was reached, in order (see {@link RebateStep}). */
  steps: RebateStep[];
  /** Negative nets and growth, zero baselines, retroactive jumps, ratios written as percentages. */
  warnings: Warning[];
}

/** Options of {@link calculateRebate} and {@link accrueRebate}. */
export interface RebateOptions {
  /** Decimal places of the reported ratios (attainment, growth rate); the program's `ratioScale` (10 by default) when omitted. */
  ratioScale?: number;
}

/** Options of {@link calculateRebates}: those of {@link calculateRebate} and the batch options. */
export interface RebateBatchOptions extends RebateOptions, BatchOptions {}
