/**
 * dealerkit/rebates: tiered rebate programs (retroactive, incremental, step; by amount, units,
 * attainment or growth), settlement with advances and the annual true-up, accruals, partner
 * levels, points, loyalty bonuses and profit pools, exact to the cent.
 *
 * @module rebates
 */
export { defineRebateProgram } from './program.js';
export type { RebateProgram, RebateTier, RebateGate, RebateMultiplier, RebateBenefit, RebateWarning } from './program.js';
export { calculateRebate, calculateRebates } from './calculate.js';
export type {
  RebateResult,
  RebateLine,
  RebateOverAchievementLine,
  RebateGateResult,
  RebateMultiplierResult,
  RebateAdjustment,
  RebateNextTier,
  RebateTotals,
} from './calculate.js';
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
  RebateMultiplierSpec,
  RebateProgramSpec,
  RebateMetrics,
  RebateInput,
  RebatePeriodInput,
  RebateSettlementPolicy,
  RebateSettlementInput,
  RebateAccrualInput,
  RebateLevelCriterion,
  RebateLevelSpec,
  PointsEarnRule,
  PointsLedgerRules,
  PointsEvent,
  LoyaltyBonusInput,
  ProfitPoolInput,
} from './schema.js';
export { settleRebate, settleRebates } from './settlement.js';
export type {
  RebateSettlement,
  RebatePeriodSettlement,
  RebateSettlementBatchInput,
  RebateSettlementSummary,
  RebateSettlementTotals,
} from './settlement.js';
export { accrueRebate } from './accrual.js';
export type { RebateAccrual } from './accrual.js';
export { qualifyLevel } from './levels.js';
export type { RebateLevelQualification, RebateLevelResult, RebateCriterionResult } from './levels.js';
export { pointsLedger } from './points.js';
export type { PointsLedgerResult, PointsGrant, PointsRedemption, PointsHistoryEntry } from './points.js';
export { loyaltyBonus } from './loyalty.js';
export type { LoyaltyBonusResult } from './loyalty.js';
export { shareProfitPool } from './pool.js';
export type { ProfitPoolResult } from './pool.js';
