// The shapes of a settlement's results and steps (types only).
import type { Decimal } from '../core/decimal.js';
import type { BatchOptions, BatchResult } from '../core/batch.js';
import type { Step, Warning } from '../core/result.js';
import type { RebateSettlementPolicyApplied } from './program.js';
import type { RebateResult, RebateTierRef } from './result.js';

/** One period of a settlement: its calculation and what was paid. */
export interface RebatePeriodSettlement {
  /** The period's id. */
  period: string;
  /** `'advance'`, or `'final'` for the period that closes the year with the true-up. */
  kind: 'advance' | 'final';
  /** Cumulative advances: the rebate on the sales to date; period advances: on the period's own sales. */
  calculation: RebateResult;
  /** `calculation.rebate`. */
  rebate: Decimal;
  /** The rebate × (1 − holdback), rounded: the advance earned (null on the final period). */
  advance: Decimal | null;
  /** What the rules make due now: advance − paid before (cumulative), the advance (period), or annual − paid before (final). */
  due: Decimal;
  /** What is paid (negative: clawed back); a recorded amount from `paid` wins. */
  payment: Decimal;
  /** True when the payment was recorded in `paid` rather than computed. */
  recorded: boolean;
  /** Payments of the earlier periods. */
  paidBefore: Decimal;
}

/** The settlement policy as applied: the program's `settlement` and whether the run closed the year. */
export interface RebateSettlementPolicyUsed extends RebateSettlementPolicyApplied {
  /** Whether the last period closed the year. */
  readonly final: boolean;
}

/** An advance: `payment = rebate × (1 − holdbackRate)` (rounded) `− paidBefore` (cumulative) or the advance alone (period). */
export interface RebateAdvanceStep extends Step {
  code: 'advance';
  /** The period's id. */
  period: string;
  /** The rebate to date (cumulative) or of the period (period advances). */
  rebate: Decimal;
  /** The fraction held back. */
  holdbackRate: Decimal;
  /** The rebate × (1 − holdbackRate), rounded with the program's mode. */
  advance: Decimal;
  /** Payments of the earlier periods. */
  paidBefore: Decimal;
  /** What the rules make due. */
  due: Decimal;
  /** What is paid: the due amount, 0 for a negative one outside a clawback policy, or the recorded amount. */
  payment: Decimal;
  /** True when the payment was recorded in `paid`. */
  recorded: boolean;
}

/** The year end: `payment = annualRebate − paidBefore`, a negative one clawed back, carried or waived. */
export interface RebateTrueUpStep extends Step {
  code: 'true-up';
  /** The period's id. */
  period: string;
  /** The rebate on the year. */
  annualRebate: Decimal;
  /** Payments of the earlier periods. */
  paidBefore: Decimal;
  /** annualRebate − paidBefore. */
  due: Decimal;
  /** What is paid (negative: clawed back). */
  payment: Decimal;
  /** An overpayment left for next year. */
  carriedForward: Decimal;
  /** An overpayment forgiven. */
  waived: Decimal;
}

/** What was paid in all: `totalPaid = annualRebate + carriedForward + waived` at the year end. */
export interface RebateSettlementTotalStep extends Step {
  code: 'total';
  /** Σ payments. */
  totalPaid: Decimal;
  /** The annual rebate (null for a mid-year run). */
  annualRebate: Decimal | null;
  /** An overpayment left for next year. */
  carriedForward: Decimal;
  /** An overpayment forgiven. */
  waived: Decimal;
}

/** One step of a settlement, in order: an `advance` per period, the `true-up` of the final period, the `total`. */
export type RebateSettlementStep = RebateAdvanceStep | RebateTrueUpStep | RebateSettlementTotalStep;

/** The result of {@link settleRebate}. */
export interface RebateSettlement {
  /** The policy applied: the program's `settlement`, and whether the run closed the year. */
  policy: RebateSettlementPolicyUsed;
  /** Each period's calculation and payment. */
  periods: RebatePeriodSettlement[];
  /** The year-end calculation on the annual totals (null for a mid-year run). */
  annual: RebateResult | null;
  /** `annual.rebate` (null for a mid-year run). */
  annualRebate: Decimal | null;
  /** Σ payments. At the year end: totalPaid = annualRebate + carriedForward + waived. */
  totalPaid: Decimal;
  /** An overpayment left for next year (`negativeTrueUp: 'carry'`). */
  carriedForward: Decimal;
  /** An overpayment forgiven (`negativeTrueUp: 'waive'`). */
  waived: Decimal;
  /** Σ of the negative payments, as a positive amount. */
  clawedBack: Decimal;
  /** How each payment was reached (see {@link RebateSettlementStep}). */
  steps: RebateSettlementStep[];
  /** The calculations' warnings (negative nets, ratios written as percentages …), once each, with the paths of the input. */
  warnings: Warning[];
}

/** Options of {@link settleRebate}. */
export interface RebateSettlementOptions {
  /** Whether the last period closes the year with the true-up (default true); false for a mid-year run. */
  final?: boolean;
  /** Decimal places of the reported ratios; the program's `ratioScale` (10 by default) when omitted. */
  ratioScale?: number;
}

/** Options of {@link settleRebates}: those of {@link settleRebate} and the batch options. */
export interface RebateSettlementBatchOptions extends RebateSettlementOptions, BatchOptions {}


/**
 * One dealer's settlement in a batch: the figures a payment run needs (settle one dealer with
 * {@link settleRebate} for its calculations and steps); the row's `id` is on its batch row.
 */
export interface RebateSettlementSummary {
  /** The annual rebate (null for a mid-year run). */
  annualRebate: Decimal | null;
  /** The tier reached by the year (or by the last period of a mid-year run). */
  tier: RebateTierRef;
  /** Each period's payment, in the input's order. */
  payments: Decimal[];
  /** Σ payments. */
  totalPaid: Decimal;
  /** An overpayment left for next year. */
  carriedForward: Decimal;
  /** An overpayment forgiven. */
  waived: Decimal;
  /** The settlement's warnings (negative nets, ratios written as percentages …), as {@link settleRebate} gives them. */
  warnings: Warning[];
}

/** The totals of {@link settleRebates} (over the rows settled). */
export interface RebateSettlementTotals {
  /** How many dealers were settled. */
  count: number;
  /** Σ annual rebates (0 for a mid-year run). */
  annualRebate: Decimal;
  /** Σ payments. */
  totalPaid: Decimal;
  /** Σ carried forward. */
  carriedForward: Decimal;
  /** Σ waived. */
  waived: Decimal;
}

/** The result of {@link settleRebates}: one row per dealer (with its `id`), the totals over the rows settled. */
export type RebateSettlementBatchResult = BatchResult<RebateSettlementSummary, RebateSettlementTotals>;
