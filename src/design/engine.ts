// The one door from dealerkit/design into the rebates engine: every rebate a design function
// computes is the engine's own rule (calculate.ts's explained and figures-only evaluation, fast.ts's
// scaled-integer batch path over the same program), never a second transcription. Only this file
// names the engine's internal modules, so a change inside the engine is met here once.
export { checkFacts, compareMetric, contextOf, evaluate, factsOf } from '../rebates/calculate.js';
export type { EvaluateContext, RebateFacts, RebateResult, RebateTierRef } from '../rebates/calculate.js';
export { FACTORS, fastAxisOf, prepareFastDesign, priceUnits, readFactors } from '../rebates/fast.js';
export type { FastProgram } from '../rebates/fast.js';
export { defineProgramAt, resolveProgram } from '../rebates/program.js';
export type { ProgramInternals, RebateBenefit, RebateProgram } from '../rebates/program.js';
export { metricsSchema, rowIdSchema } from '../rebates/schema.js';
export type { RebateBasis, RebateMetrics, RebateProgramSpec } from '../rebates/schema.js';
export { tierRefsOf } from '../rebates/settle-batch.js';
