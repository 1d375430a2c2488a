// The shapes of an accrual's result and steps (types only).
import type { Decimal } from '../core/decimal.js';
import type { IsoDate } from '../core/dates.js';
import type { Step, Warning } from '../core/result.js';
import type { RebateResult, RebateTierRef } from './result.js';

/** The days of the period: `elapsedDays` of `periodDays`, both counted inclusively. */
export interface RebateElapsedStep extends Step {
  code: 'elapsed';
  /** First day of the period. */
  periodStart: IsoDate;
  /** Last day of the period. */
  periodEnd: IsoDate;
  /** The accrual's day. */
  asOf: IsoDate;
  /** Days from periodStart to asOf, both included. */
  elapsedDays: number;
  /** Days from periodStart to periodEnd, both included. */
  periodDays: number;
}

/** How the period was projected: `projectedNet` = netToDate (actual), netToDate × periodDays / elapsedDays (run-rate) or the forecast. */
export interface RebateProjectionStep extends Step {
  code: 'projection';
  /** The projection method. */
  method: 'actual' | 'run-rate' | 'forecast';
  /** Net sales to date. */
  netToDate: Decimal;
  /** The projected full-period net sales (exact). */
  projectedNet: Decimal;
  /** Days from periodStart to asOf, both included. */
  elapsedDays: number;
  /** Days of the period, both ends included. */
  periodDays: number;
}

/** The rebate on the projected period (its steps are `projected.steps`). */
export interface RebateProjectedRebateStep extends Step {
  code: 'projected-rebate';
  /** The projected tier. */
  tier: RebateTierRef;
  /** The projected rebate. */
  rebate: Decimal;
}

/** The accrual: `rebate × toDate / whole`, rounded (the rebate itself for `'actual'`). */
export interface RebateAccrualShareStep extends Step {
  code: 'accrual';
  /** The projection method. */
  method: 'actual' | 'run-rate' | 'forecast';
  /** The projected rebate. */
  rebate: Decimal;
  /** Net sales (units on a quantity basis) to date. */
  toDate: Decimal;
  /** Projected net sales (units on a quantity basis) of the whole period. */
  whole: Decimal;
  /** The accrual, rounded with the program's rounding. */
  accrual: Decimal;
}

/** One step of an accrual, in order: `elapsed`, `projection`, `projected-rebate`, `accrual`. */
export type RebateAccrualStep = RebateElapsedStep | RebateProjectionStep | RebateProjectedRebateStep | RebateAccrualShareStep;

/** The result of {@link accrueRebate}: what finance books before the period closes. */
export interface RebateAccrual {
  /** The projection method used. */
  method: 'actual' | 'run-rate' | 'forecast';
  /** Days from `periodStart` to `asOf`, both included. */
  elapsedDays: number;
  /** Days from `periodStart` to `periodEnd`, both included. */
  periodDays: number;
  /** Net sales to date. */
  netToDate: Decimal;
  /** The projected full-period net sales (to date for `'actual'`). */
  projectedNet: Decimal;
  /** The rebate on the projected full period (its tier, lines and next tier). */
  projected: RebateResult;
  /** The rebate if the period ended today, beside the accrual. */
  actualToDate: RebateResult;
  /** projected rebate × net to date / projected net, rounded: the share earned so far at the projected effective rate. */
  accrual: Decimal;
  /** The projected rebate / projected net, rounded to `ratioScale` places (null when the projected net is 0). */
  effectiveRate: Decimal | null;
  /** How the accrual was reached (see {@link RebateAccrualStep}). */
  steps: RebateAccrualStep[];
  /** The calculations' warnings (the projected period's, then those of the figures to date), once each. */
  warnings: Warning[];
}
