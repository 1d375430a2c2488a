/**
 * dealerkit/rebates: tiered rebate programs (retroactive, incremental, step; by amount, units,
 * attainment or growth), settlement with advances and the annual true-up, accruals, partner
 * levels, points, loyalty bonuses and profit pools, exact to the cent.
 *
 * @module rebates
 */
export { defineRebateProgram } from './program.js';
export type {
  RebateProgram,
  RebateTier,
  RebateGate,
  RebateMultiplier,
  RebateMultiplierBand,
  RebateBenefit,
  RebateWarning,
  RebateRounding,
  RebateOverAchievement,
  RebateCap,
  RebateMinimum,
} from './program.js';
export { calculateRebate, calculateRebates } from './calculate.js';
export type {
  RebateResult,
  RebateLine,
  RebateOverAchievementLine,
  RebateGateResult,
  RebateMultiplierResult,
  RebateAdjustment,
  RebateNextTier,
  RebateTierRef,
  RebateRoundingReport,
  RebateBatchResult,
  RebateTotals,
} from './calculate.js';
export { settleRebate, settleRebates } from './settlement.js';
export type {
  RebateSettlement,
  RebatePeriodSettlement,
  RebateSettlementPolicyApplied,
  RebateSettlementBatchInput,
  RebateSettlementSummary,
  RebateSettlementTotals,
  RebateSettlementBatch,
} from './settlement.js';
export { accrueRebate } from './accrual.js';
export type { RebateAccrual } from './accrual.js';
export { qualifyLevel } from './levels.js';
export type { RebateLevelQualification, RebateLevelResult, RebateLevelReached, RebateCriterionResult } from './levels.js';
export { pointsLedger } from './points.js';
export type { PointsLedgerResult, PointsGrant, PointsRedemption, PointsDraw, PointsHistoryEntry } from './points.js';
export { loyaltyBonus } from './loyalty.js';
export type { LoyaltyBonusResult, LoyaltyRate, LoyaltyYear, LoyaltyBreak } from './loyalty.js';
export { shareProfitPool } from './pool.js';
export type { ProfitPoolResult, ProfitPoolLine, ProfitPoolShare } from './pool.js';
export {
  rebateProgramSchema,
  rebateInputSchema,
  rebateSettlementSchema,
  rebateAccrualSchema,
  rebateLevelsSchema,
  pointsLedgerRulesSchema,
  pointsEventsSchema,
  loyaltyBonusSchema,
  profitPoolSchema,
} from './schema.js';
export type {
  RebateBasis,
  RebateMethod,
  RebateRoundingStage,
  RebateComparison,
  RebateTierSpec,
  RebateGateSpec,
  RebateGateFactor,
  RebateMultiplierSpec,
  RebateMultiplierBandSpec,
  RebateProgramSpec,
  RebateRoundingSpec,
  RebateOverAchievementSpec,
  RebateCapSpec,
  RebateMinimumSpec,
  RebateMetrics,
  RebateInput,
  RebatePeriodInput,
  RebateSettlementPolicy,
  RebateSettlementInput,
  RebateAccrualInput,
  RebateForecast,
  RebateLevelCriterion,
  RebateLevelSpec,
  PointsEarnRule,
  PointsLedgerRules,
  PointsExpiry,
  PointsEvent,
  PointsEarnEvent,
  PointsRedeemEvent,
  LoyaltyBonusInput,
  LoyaltyYearInput,
  LoyaltyRateInput,
  ProfitPoolInput,
  ProfitPoolRate,
  ProfitPoolTiers,
  ProfitPoolTier,
  ProfitPoolPartner,
} from './schema.js';

export { DealerkitError, isDealerkitError } from '../core/errors.js';
export type { DealerkitErrorCode, DealerkitIssue, DealerkitIssueCode } from '../core/errors.js';
