/**
 * dealerkit/inventory: safety stock, reorder points, order quantities and stock health a planner
 * can trust, with every convention (trigger, pack rounding, stock basis, service measure) stated
 * as steps.
 *
 * @module inventory
 */
export { calculateNormalCdf, calculateNormalPdf, calculateNormalInverse, calculateNormalLoss, calculateNormalLossInverse } from './normal.js';
export { calculatePoissonCdf, calculatePoissonQuantile } from './poisson.js';
export { toDailyDemand } from './demand.js';
export type { DailyDemand, DailyDemandInput, PeriodDemandStats } from './demand.js';
export { calculateEoq } from './lot.js';
export type { EoqOptions } from './lot.js';
export { REORDER_STATUSES } from './kernel.js';
export type { ReorderStatus } from './kernel.js';
export { planReorder, planReorders } from './plan.js';
export type { PlanReordersOptions, ReorderAction, ReorderPlan, ReorderTotals, ReorderTotalsStep } from './plan.js';
export type {
  DemandGivenStep,
  DemandHistoryStep,
  DemandPerDayStep,
  DemandStep,
  ReorderDaysOfSupplyStep,
  ReorderDistributionStep,
  ReorderImpliedServiceStep,
  ReorderLeadTimeStep,
  ReorderLot,
  ReorderManualLevelsStep,
  ReorderMaxStep,
  ReorderOrderQuantityStep,
  ReorderOrderUpToLotStep,
  ReorderOrderUpToStep,
  ReorderOrderValueStep,
  ReorderPoissonLevelStep,
  ReorderPointStep,
  ReorderPositionStep,
  ReorderReviewStep,
  ReorderSafetyFactorStep,
  ReorderSafetyFloorStep,
  ReorderSafetyStockStep,
  ReorderSeasonalityStep,
  ReorderStatusStep,
  ReorderStep,
  ReorderSuggestedOrderStep,
} from './steps.js';
export { planReordersColumnar } from './columnar.js';
export type { ReorderColumns, ReorderColumnsOutput } from './columnar.js';
export { analyzeInventoryHealth, inventoryHealthInputSchema } from './health.js';
export type {
  InventoryAgeBucket,
  InventoryAgeBucketStep,
  InventoryHealth,
  InventoryHealthInput,
  InventoryHealthItem,
  InventoryHealthLine,
  InventoryHealthOptions,
  InventoryHealthStep,
  InventoryHoldingCostStep,
  InventorySlowMoving,
  InventorySlowMovingStep,
  InventoryTurnoverDaysStep,
  InventoryTurnoverStep,
  InventoryUnknownAge,
  InventoryUnknownAgeStep,
  InventoryValueStep,
} from './health.js';
export { explainReorderPlan, explainInventoryHealth } from './explain.js';
export { calculateSeasonalIndices } from './seasonality.js';
export type { SeasonalAverageStep, SeasonalIndices, SeasonalIndicesOptions, SeasonalNormaliseStep, SeasonalRatioStep, SeasonalStep } from './seasonality.js';
export { reorderItemSchema, reorderPolicySchema } from './schema.js';
export type {
  CycleServiceTarget,
  DaysOfCoverOrderQuantity,
  DemandHistory,
  EoqOrderQuantity,
  FillRateTarget,
  FixedOrderQuantity,
  DemandStatsPerDay,
  PackRounding,
  ReorderDemand,
  ReorderItem,
  ReorderLeadTime,
  ReorderLevels,
  ReorderOrderQuantity,
  ReorderPolicy,
  ReorderReceipt,
  ReorderSeasonality,
  ReorderService,
  ReorderStock,
} from './schema.js';

export { DealerkitError, isDealerkitError } from '../core/errors.js';
export type { DealerkitErrorCode, DealerkitIssue, DealerkitIssueCode } from '../core/errors.js';
