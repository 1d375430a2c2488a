// The spec and input types of the rebates engine: what a caller writes (a program spec, a dealer's
// figures, a settlement, points, loyalty and pool inputs). Their schemas are in schema.ts, which
// re-exports them.
import type { DecimalInput } from '../core/decimal.js';
import type { RoundingMode } from '../core/money.js';
import type { DateInput } from '../core/dates.js';
import type { RoundingSpec, RoundingStage } from '../core/schema.js';

/** What selects the tier: net sales, net units, net sales / target, net sales − baseline, or (net − baseline) / baseline. */
export type RebateBasis = 'amount' | 'quantity' | 'attainment' | 'growth' | 'growthRate';

/**
 * How the tiers price the base.
 *
 * - `retroactive`: the tier reached prices the whole base ("volume", "all units").
 * - `incremental`: each band at its own rate ("graduated", "marginal").
 * - `step`: the tier reached pays its fixed amount only.
 */
export type RebateMethod = 'retroactive' | 'incremental' | 'step';

/** A comparison of a gate or a level criterion: the metric's value `op` the required value. */
export type RebateComparison = '>=' | '>' | '<=' | '<';

/** One tier of a program spec: a bound (`from` or `upTo`) and what it pays. */
export interface RebateTierSpec {
  /** Inclusive lower bound: the tier is reached when the basis ≥ `from` ("from 1,000,000, 2 %"). */
  from?: DecimalInput;
  /** Inclusive upper bound ("up to 5 units at 7"); the last tier's is `null` (open-ended). */
  upTo?: DecimalInput | null;
  /** Fraction of the rebate base, from 0 to 1 (0.02 = 2 %; a whole-number percentage such as 2 is refused). */
  rate?: DecimalInput;
  /** Amount per net unit. */
  perUnit?: DecimalInput;
  /** Amount paid once the tier is reached (in incremental mode, every reached tier's). */
  fixed?: DecimalInput;
  /** A display name (Bronze, Silver, Gold). */
  name?: string;
  /** Named extra amounts earned with the tier (a brand-promotion fund), reported beside the rebate. */
  benefits?: Record<string, DecimalInput>;
}

/** An eligibility condition on a metric supplied with the sales. */
export interface RebateGateSpec {
  /** The metric's key in the input's `metrics`. */
  metric: string;
  /** The comparison that must hold: metric `op` value. */
  op: RebateComparison;
  /** The required value. */
  value: DecimalInput;
  /** What a failed gate does: `'zero'` (no rebate, no benefits) or `{ factor }` (the rebate times the factor). */
  onFail: 'zero' | RebateGateFactor;
}

/** A failed gate's factor: the rebate is multiplied by it. */
export interface RebateGateFactor {
  /** The factor (0.5 halves the rebate). */
  factor: DecimalInput;
}

/** A factor table on a metric: the band whose `from` is the largest not above the metric's value applies. */
export interface RebateMultiplierSpec {
  /** The metric's key in the input's `metrics`. */
  metric: string;
  /** Ascending bands; each applies from its `from` (inclusive) up to the next band's `from`. */
  bands: RebateMultiplierBandSpec[];
}

/** A band of a multiplier table spec. */
export interface RebateMultiplierBandSpec {
  /** Inclusive lower bound of the metric. */
  from: DecimalInput;
  /** The factor in the band. */
  factor: DecimalInput;
}

/** The spec of {@link defineRebateProgram}. */
export interface RebateProgramSpec {
  /** An optional display name of the program. */
  name?: string;
  /** ISO 4217 code; the money scale comes from it unless `rounding.scale` is given. */
  currency: string;
  /** Where and how money is rounded (`{ stage, scale?, mode? }`); `stage` is required because it changes the figures. */
  rounding: RebateRoundingSpec;
  /** What selects the tier. */
  basis: RebateBasis;
  /** How the tiers price the base. */
  method: RebateMethod;
  /** Ascending, contiguous tiers, all with `from` or all with `upTo`. */
  tiers: RebateTierSpec[];
  /** Growth bases only: rates apply to the increment over the baseline (default) or to the whole net amount. */
  applyTo?: 'increment' | 'net';
  /** Basis `growthRate` only: what a zero baseline means (otherwise a zero baseline is an error). */
  zeroBaseline?: 'highest-tier' | 'lowest-tier';
  /** Extra rebate at `rate` on the net sales above `above × target`, at most `cap`. */
  overAchievement?: RebateOverAchievementSpec;
  /** Eligibility conditions; a failed gate zeroes or scales the rebate. */
  gates?: RebateGateSpec[];
  /** Factor tables on metrics; several multiply. */
  multipliers?: RebateMultiplierSpec[];
  /** The most the rebate may be: an amount, a fraction of the net amount, or the smaller of both. */
  cap?: RebateCapSpec;
  /** A minimum rebate for an eligible dealer: raise a smaller rebate to it, or forfeit a rebate below it. */
  minimum?: RebateMinimumSpec;
  /** How {@link settleRebate} and `settleRebates` pay advances and the true-up (required by them, unused otherwise). */
  settlement?: RebateSettlementPolicy;
  /** Decimal places of the reported ratios (attainment, growth rate, effective rate): 10 by default; tiers are chosen on the exact value. */
  ratioScale?: number;
}

/**
 * The rounding of a program spec: the shared `rounding` option (`{ scale?, mode?, stage }`) with
 * `stage` required. `'line'`: every line rounded, the rebate is their sum; `'total'`: rounded once.
 * `scale` is the currency's minor unit and `mode` `'half-up'` unless given.
 */
export type RebateRoundingSpec = RoundingSpec & {
  /** `'line'`: every line rounded, the rebate is their sum; `'total'`: rounded once. Required: it changes the figures. */
  stage: RoundingStage;
};

/** The over-achievement award of a program spec. */
export interface RebateOverAchievementSpec {
  /** Attainment above which sales earn the award (1 = 100 % of target). */
  above: DecimalInput;
  /** The award's rate on the sales above `above × target`, from 0 to 1. */
  rate: DecimalInput;
  /** The most the award may be. */
  cap?: DecimalInput;
}

/** The cap of a program spec (at least one of the two). */
export interface RebateCapSpec {
  /** The largest rebate, at the money scale. */
  amount?: DecimalInput;
  /** The largest rebate as a fraction of the net amount, from 0 to 1 (rounded down to the money scale). */
  rateOfBase?: DecimalInput;
}

/** The minimum of a program spec. */
export interface RebateMinimumSpec {
  /** The minimum rebate, at the money scale. */
  amount: DecimalInput;
  /** `'raise'` a smaller rebate to it, or `'forfeit'` a rebate below it. */
  whenBelow: 'raise' | 'forfeit';
}

/** Metric values supplied with the sales (KPI score, inventory turnover days, on-time payment ratio). */
export type RebateMetrics = Record<string, DecimalInput>;

/** The input of {@link calculateRebate}: one dealer's figures for the program's period. */
export interface RebateInput {
  /** The row's id (a dealer), echoed on its batch row and naming it in error paths (`inputs[D-117].sales`). */
  id?: string | number;
  /** Gross sales amount (required unless the program prices units only on a quantity basis). */
  sales?: DecimalInput;
  /** Gross units. */
  quantity?: DecimalInput;
  /** Returns and credit notes, as a positive amount that reduces the sales. */
  returns?: DecimalInput;
  /** Returned units, positive. */
  returnedQuantity?: DecimalInput;
  /** The sales target (attainment basis, over-achievement). */
  target?: DecimalInput;
  /** Last period's net sales (growth bases). */
  baseline?: DecimalInput;
  /** Metric values for gates and multipliers. */
  metrics?: RebateMetrics;
}

/** One period of a settlement. */
export interface RebatePeriodInput {
  /** The period's id, unique in the settlement (`'2025-Q1'`). */
  period: string;
  /** Gross sales of the period. */
  sales?: DecimalInput;
  /** Returns and credit notes of the period, positive. */
  returns?: DecimalInput;
  /** Gross units of the period. */
  quantity?: DecimalInput;
  /** Returned units of the period, positive. */
  returnedQuantity?: DecimalInput;
  /** The period's own target (period advances on an attainment basis need it). */
  target?: DecimalInput;
  /** The period's own baseline (period advances on a growth basis need it). */
  baseline?: DecimalInput;
  /** The period's metrics; they override the settlement's `metrics` key by key. */
  metrics?: RebateMetrics;
}

/** How advances and the true-up are paid: the `settlement` of a program spec. */
export interface RebateSettlementPolicy {
  /** `'cumulative'`: rebate(cumulative to date) × (1 − holdback) − paid; `'period'`: each period on its own sales. */
  advance: 'cumulative' | 'period';
  /** Fraction of each advance held back until the year end, from 0 to below 1 (0.1 = 10 %); 0 by default. */
  holdbackRate?: DecimalInput;
  /** What a negative true-up does: pay it back (a negative payment), carry it to next year, or waive it. */
  negativeTrueUp: 'clawback' | 'carry' | 'waive';
}

/** The input of {@link settleRebate}: one dealer's year (or the year to date). */
export interface RebateSettlementInput {
  /** The row's id (a dealer), echoed on its batch row and naming it in error paths (`inputs[D-117].periods[0].sales`). */
  id?: string | number;
  /** The periods in order, each with a unique id. */
  periods: RebatePeriodInput[];
  /** Advances already paid, by period id (`{ '2025-Q1': 11871.9 }`): recorded as paid instead of recomputed. */
  paid?: Record<string, DecimalInput>;
  /** The annual target (attainment basis, over-achievement). */
  target?: DecimalInput;
  /** The annual baseline (growth bases). */
  baseline?: DecimalInput;
  /** Metrics for the year-end calculation (and defaults for every period). */
  metrics?: RebateMetrics;
}

/** The input of {@link accrueRebate}. */
export interface RebateAccrualInput {
  /** Gross sales from `periodStart` to `asOf`. */
  salesToDate: DecimalInput;
  /** Returns to date, positive. */
  returnsToDate?: DecimalInput;
  /** Gross units to date. */
  quantityToDate?: DecimalInput;
  /** Returned units to date, positive. */
  returnedQuantityToDate?: DecimalInput;
  /** First day of the program period. */
  periodStart: DateInput;
  /** Last day of the program period. */
  periodEnd: DateInput;
  /** The day the accrual is made (inclusive), within the period. */
  asOf: DateInput;
  /** Forecast full-period net sales (and units) for `method: 'forecast'`. */
  forecast?: RebateForecast;
  /** `'actual'`: the year ends today; `'run-rate'`: to-date × period days / elapsed days; `'forecast'`: the forecast. */
  method: 'actual' | 'run-rate' | 'forecast';
  /** The period's target (attainment basis, over-achievement). */
  target?: DecimalInput;
  /** The baseline (growth bases). */
  baseline?: DecimalInput;
  /** Metrics for gates and multipliers. */
  metrics?: RebateMetrics;
}

/** A full-period forecast for {@link accrueRebate}. */
export interface RebateForecast {
  /** Forecast net sales of the whole period. */
  sales: DecimalInput;
  /** Forecast net units of the whole period (quantity programs). */
  quantity?: DecimalInput;
}

/** One criterion of a partner level: metric `op` value. */
export interface PartnerLevelCriterion {
  /** The metric's key. */
  metric: string;
  /** `'>='` by default. */
  op?: RebateComparison;
  /** The required value. */
  value: DecimalInput;
}

/** A partner level (Bronze, Silver, Gold); list levels from the lowest to the highest. */
export interface PartnerLevelSpec {
  /** The level's name (Gold). */
  name: string;
  /** Every criterion must hold. */
  criteria: PartnerLevelCriterion[];
  /** The level's rebate rate, a fraction from 0 to 1 (0.02 = 2 %), passed through to the result. */
  rate?: DecimalInput;
  /** The level's named extra amounts (Gold's brand fund), passed through. */
  benefits?: Record<string, DecimalInput>;
}

/** A points-earning rule of {@link accruePoints}. */
export interface PointsEarnRule {
  /** The rule's id, named by earn events (`'newCustomer'`). */
  id: string;
  /** Points per unit of the event's quantity. */
  pointsPerUnit: DecimalInput;
  /** The most points one event may earn. */
  maxPerEvent?: DecimalInput;
  /** The most points this rule may earn in one calendar quarter. */
  maxPerQuarter?: DecimalInput;
}

/** The rules of {@link accruePoints}: earning rules, expiry and how a grant is rounded. */
export interface PointsRules {
  /** The earning rules. */
  earn: PointsEarnRule[];
  /** `{ quarters: 1 }`: a grant expires at the end of the quarter it was earned in; `{ quarters: n }` at the end of the n-th; `{ days: n }` after n days. */
  expiry: PointsExpiry;
  /** How a grant (quantity × points per unit) is rounded: whole points rounded down (`{ scale: 0, mode: 'down' }`) unless given. */
  rounding?: RebateFigureRounding;
}

/** The rounding of one figure (a grant of points, a loyalty bonus, a profit pool): decimal places and mode; one figure has no stage. */
export interface RebateFigureRounding {
  /** Decimal places kept (0 to 30); the currency's minor unit for money, 0 for points. */
  scale?: number;
  /** How the figure is rounded: `'half-up'` for money, `'down'` for points, unless given. */
  mode?: RoundingMode;
}

/** When points expire: at the end of the n-th quarter (the quarter earned counts as the first), or after n days (the day earned counts as the first). */
export type PointsExpiry =
  | {
      /** Quarters, from 1. */
      quarters: number;
    }
  | {
      /** Days, from 1. */
      days: number;
    };

/** A points event: an earn (a rule and a quantity) or a redemption. */
export type PointsEvent = PointsEarnEvent | PointsRedeemEvent;

/** Points earned by a rule. */
export interface PointsEarnEvent {
  /** The day earned. */
  date: DateInput;
  /** Always `'earn'`. */
  type: 'earn';
  /** The earn rule's id. */
  rule: string;
  /** Units of the rule's metric (customers won, tasks done, a satisfaction score). */
  quantity: DecimalInput;
  /** A free note. */
  note?: string;
}

/** Points redeemed. */
export interface PointsRedeemEvent {
  /** The day redeemed. */
  date: DateInput;
  /** Always `'redeem'`. */
  type: 'redeem';
  /** Points redeemed (more than the live balance is an error). */
  points: DecimalInput;
  /** A free note. */
  note?: string;
}

/** The input of {@link calculateLoyaltyBonus}. */
export interface LoyaltyBonusInput {
  /** ISO 4217 code of the money scale. */
  currency: string;
  /** How the bonus is rounded: to the currency's minor unit, half-up, unless given. */
  rounding?: RebateFigureRounding;
  /** One row per year; a missing year breaks the streak. */
  history: LoyaltyYearInput[];
  /** Bonus rates by streak length: the highest `streak` not above the current streak applies. */
  rates: LoyaltyRateInput[];
}

/** One year of a loyalty history. */
export interface LoyaltyYearInput {
  /** The year. */
  year: number;
  /** The year's sales. */
  sales: DecimalInput;
  /** The year's target (greater than 0). */
  target: DecimalInput;
}

/** A loyalty bonus rate for a streak length. */
export interface LoyaltyRateInput {
  /** Years on target needed. */
  streak: number;
  /** The rate on the streak's sales, a fraction from 0 to 1 (0.005 = 0.5 %). */
  rate: DecimalInput;
}

/** The input of {@link allocateProfitPool}. */
export interface ProfitPoolInput {
  /** ISO 4217 code of the money scale. */
  currency: string;
  /** How the pool is rounded (once, before the split): to the currency's minor unit, half-up, unless given. */
  rounding?: RebateFigureRounding;
  /** The region's or project's revenue. */
  revenue: DecimalInput;
  /** The revenue the increment is measured from. */
  baseline: DecimalInput;
  /** One rate on the whole increment, or incremental tiers (`from` ascending from 0). */
  pool: ProfitPoolRate | ProfitPoolTiers;
  /** The partners sharing the pool and their weights, each with a unique id. */
  partners: ProfitPoolPartner[];
}

/** A profit pool at one rate. */
export interface ProfitPoolRate {
  /** The rate on the whole increment, a fraction from 0 to 1 (0.3 = 30 %). */
  rate: DecimalInput;
}

/** A profit pool by incremental tiers. */
export interface ProfitPoolTiers {
  /** Ascending tiers from 0, each at its rate on the increment in its band. */
  tiers: ProfitPoolTier[];
}

/** A tier of a profit pool. */
export interface ProfitPoolTier {
  /** Lower bound of the increment band (the first is 0). */
  from: DecimalInput;
  /** The band's sharing rate, a fraction from 0 to 1. */
  rate: DecimalInput;
}

/** A partner of a profit pool. */
export interface ProfitPoolPartner {
  /** The partner's id, unique in the pool; errors about the partner name it (`partners[D05].weight`). */
  id: string;
  /** The partner's weight, relative to the others (3 and 1 split 3 : 1; not all 0). */
  weight: DecimalInput;
}
