/**
 * dealerkit/design: designing a rebate program before paying it, over a real dealer network.
 * Simulated under deterministic and seeded stochastic scenarios (what it costs, who lands in which
 * tier), a threshold's or rate's marginal cost, the dealers just below a retroactive cliff, and
 * programs compared dealer by dealer. Every rebate is the rebates engine's own, exact to the cent;
 * programs come from `defineRebateProgram` of `dealerkit/rebates`.
 *
 * @module design
 */
export { simulateRebateProgram, explainRebateSimulation } from './simulate.js';
export type {
  RebateSimulation,
  RebateSimulationOptions,
  RebateSimulationStep,
  RebateScenarioOutcome,
  RebateDeterministicOutcome,
  RebateStochasticOutcome,
  RebateScenarioDealer,
  RebateTierMeans,
  RebateDealerDistribution,
  RebateTopDealerMean,
  RebateDraw,
  RebateDrawnDealer,
  RebateScenarioStep,
  RebateScenarioProjectionStep,
  RebateDrawsStep,
  RebateDesignTotalStep,
  RebateTierTallyStep,
  RebateShareStep,
  RebateCostStep,
  RebateStatisticsStep,
} from './outcomes.js';
export type {
  RebateNetworkDealer,
  RebateDealerOverride,
  RebateGrowthDistribution,
  RebateScenarioBase,
  RebateDeterministicScenario,
  RebateStochasticScenario,
  RebateScenario,
  RebateProjectedFacts,
  RebateTierTally,
  RebateTopDealer,
} from './network.js';
export type { RebateRunStatistics } from './tally.js';
export { calculateThresholdSensitivity, explainThresholdSensitivity } from './sensitivity.js';
export type {
  RebateSensitivity,
  RebateSensitivityOptions,
  RebateSensitivityPoint,
  RebateSensitivityBaseStep,
  RebateSensitivityPointStep,
  RebateDealerFigures,
  RebateMovedDealer,
} from './sensitivity.js';
export { calculateCliffExposure, explainCliffExposure } from './cliffs.js';
export type {
  RebateCliffExposure,
  RebateCliffOptions,
  RebateCliffWindow,
  RebateCliff,
  RebateCliffThreshold,
  RebateCliffStep,
  RebateExposureStep,
} from './cliffs.js';
export { compareRebatePrograms, explainRebateComparison } from './compare.js';
export type {
  RebateProgramComparison,
  RebateComparisonOptions,
  RebateComparedScenario,
  RebateSwitch,
  RebateDeterministicSwitch,
  RebateStochasticSwitch,
  RebateSwitchDealerMean,
  RebateTierMove,
  RebateSwitchStep,
} from './compare.js';

export { DealerkitError, isDealerkitError } from '../core/errors.js';
export type { DealerkitErrorCode, DealerkitIssue, DealerkitIssueCode } from '../core/errors.js';
