/**
 * dealerkit/inventory: safety stock, reorder points, order quantities and stock health a planner
 * can trust, with every convention (trigger, rounding, stock basis, service measure) stated.
 *
 * @module inventory
 */
export { normalCdf, normalPdf, normalInverse, normalLoss, normalLossInverse } from './normal.js';
export { poissonCdf, poissonQuantile } from './poisson.js';
export { toDailyDemand } from './demand.js';
export type { DailyDemand, DailyDemandInput, PeriodDemandStats } from './demand.js';
export { calculateEoq } from './lot.js';
export type { EoqOptions } from './lot.js';
export { REORDER_STATUSES } from './kernel.js';
export type { ReorderStatus } from './kernel.js';
export { planReorder, planReorders } from './plan.js';
export type { ReorderAction, ReorderBreakdown, ReorderConventions, ReorderPlan } from './plan.js';
export { planReordersColumnar } from './columnar.js';
export type { ReorderColumns, ReorderColumnsOutput } from './columnar.js';
export { inventoryHealth, inventoryHealthInputSchema } from './health.js';
export type {
  InventoryAgeBucket,
  InventoryHealth,
  InventoryHealthInput,
  InventoryHealthItem,
  InventoryHealthLine,
  InventorySlowMoving,
  InventoryUnknownAge,
} from './health.js';
export { seasonalIndices } from './seasonality.js';
export type { SeasonalIndices, SeasonalIndicesOptions } from './seasonality.js';
export { reorderItemSchema, reorderPolicySchema } from './schema.js';
export type {
  CycleServiceTarget,
  DaysOfCoverOrderQuantity,
  DemandHistory,
  EoqOrderQuantity,
  FillRateTarget,
  FixedOrderQuantity,
  DemandStatsPerDay,
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
