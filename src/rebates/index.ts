/**
 * dealerkit/rebates: tiered rebate programs (retroactive, incremental, step; by amount, units,
 * attainment or growth), settlement with advances and the annual true-up, accruals, partner
 * levels, points, loyalty bonuses and profit pools, exact to the cent. Designing a program before
 * paying it (simulations, sensitivities, cliffs, comparisons) is `dealerkit/design`.
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
  RebateRounding,
  RebateOverAchievement,
  RebateCap,
  RebateMinimum,
  RebateSettlementPolicyApplied,
} from './program.js';
export { calculateRebate, calculateRebates } from './calculate.js';
export type {
  RebateResult,
  RebateOptions,
  RebateBatchOptions,
  RebateStep,
  RebateBasisStep,
  RebateTierStep,
  RebateOverAchievementStep,
  RebateGateStep,
  RebateGateFactorStep,
  RebateMultiplierStep,
  RebateMultiplierFactorStep,
  RebateMinimumStep,
  RebateCapStep,
  RebateRoundingStep,
  RebateGateResult,
  RebateMultiplierResult,
  RebateNextTier,
  RebateTierRef,
  RebateBatchResult,
  RebateTotals,
} from './calculate.js';
export { settleRebate } from './settlement.js';
export { settleRebates } from './settle-batch.js';
export type {
  RebateSettlement,
  RebateSettlementOptions,
  RebateSettlementBatchOptions,
  RebatePeriodSettlement,
  RebateSettlementPolicyUsed,
  RebateSettlementStep,
  RebateAdvanceStep,
  RebateTrueUpStep,
  RebateSettlementTotalStep,
  RebateSettlementSummary,
  RebateSettlementTotals,
  RebateSettlementBatchResult,
} from './settlement.js';
export { accrueRebate } from './accrual.js';
export type {
  RebateAccrual,
  RebateAccrualStep,
  RebateElapsedStep,
  RebateProjectionStep,
  RebateProjectedRebateStep,
  RebateAccrualShareStep,
} from './accrual.js';
export { explainRebate } from './explain.js';
export { explainSettlement, explainAccrual } from './explain-periods.js';
export { calculatePartnerLevel, explainPartnerLevel } from './levels.js';
export type {
  PartnerLevelResult,
  PartnerLevelOutcome,
  PartnerLevelReached,
  PartnerLevelCriterionResult,
  PartnerLevelStep,
  PartnerLevelCriterionStep,
  PartnerLevelReachedStep,
  PartnerLevelNextStep,
} from './levels.js';
export { accruePoints, explainPoints } from './points.js';
export type {
  PointsAccrual,
  PointsGrant,
  PointsRedemption,
  PointsDraw,
  PointsHistoryEntry,
  PointsStep,
  PointsEarnStep,
  PointsRedeemStep,
  PointsRedeemDraw,
  PointsExpireStep,
  PointsBalanceStep,
} from './points.js';
export { calculateLoyaltyBonus, explainLoyaltyBonus } from './loyalty.js';
export type {
  LoyaltyBonusResult,
  LoyaltyBonusOptions,
  LoyaltyRate,
  LoyaltyYear,
  LoyaltyBreak,
  LoyaltyBonusStep,
  LoyaltyYearStep,
  LoyaltyStreakStep,
  LoyaltyBreakStep,
  LoyaltyBonusPaidStep,
  LoyaltyNoRateStep,
} from './loyalty.js';
export { allocateProfitPool, explainProfitPool } from './pool.js';
export type {
  ProfitPoolResult,
  ProfitPoolShare,
  ProfitPoolStep,
  ProfitPoolIncrementStep,
  ProfitPoolBandStep,
  ProfitPoolTotalStep,
  ProfitPoolBandFigures,
  ProfitPoolSplitStep,
  ProfitPoolShareStep,
} from './pool.js';
export {
  rebateProgramSchema,
  rebateInputSchema,
  rebateSettlementSchema,
  rebateAccrualSchema,
  partnerLevelsSchema,
  pointsRulesSchema,
  pointsEventsSchema,
  loyaltyBonusSchema,
  profitPoolSchema,
} from './schema.js';
export type {
  RebateBasis,
  RebateMethod,
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
  PartnerLevelCriterion,
  PartnerLevelSpec,
  PointsEarnRule,
  PointsRules,
  RebateFigureRounding,
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
