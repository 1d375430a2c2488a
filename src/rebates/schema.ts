import { describeValue } from '../core/messages.js';
import {
  decimalSchema,
  fractionSchema,
  isoDateSchema,
  nonNegativeDecimalSchema,
  positiveDecimalSchema,
  roundingModeSchema,
  scaleSchema,
} from '../core/schema.js';
import * as z from 'zod/mini';
import { lazySchema } from '../core/lazy.js';
import type { RebateProgramSpec, RebateInput, RebateSettlementInput, RebateAccrualInput, PartnerLevelSpec, PointsRules, PointsEvent, LoyaltyBonusInput, ProfitPoolInput } from './spec.js';

export type * from './spec.js';

// ---------------------------------------------------------------------------------------------
// Schemas (zod/mini). Cross-field rules are checked by hand after parsing, with exact paths.

const nameSchema = lazySchema(() => z.string().check(z.minLength(1)));
/** @internal */
export const metricsSchema = lazySchema(() => z.record(z.string(), decimalSchema));
const moneyMapSchema = lazySchema(() => z.record(z.string(), nonNegativeDecimalSchema));
const comparisonSchema = lazySchema(() => z.enum(['>=', '>', '<=', '<']));

const tierShape = lazySchema(() => z.strictObject({
  from: z.optional(nonNegativeDecimalSchema),
  upTo: z.optional(z.nullable(nonNegativeDecimalSchema)),
  rate: z.optional(fractionSchema),
  perUnit: z.optional(nonNegativeDecimalSchema),
  fixed: z.optional(nonNegativeDecimalSchema),
  name: z.optional(nameSchema),
  benefits: z.optional(moneyMapSchema),
}));

const gateShape = lazySchema(() => z.strictObject({
  metric: nameSchema,
  op: comparisonSchema,
  value: decimalSchema,
  onFail: z.union([z.literal('zero'), z.strictObject({ factor: nonNegativeDecimalSchema })], {
    error: (iss) => `must be 'zero' or { factor }, received ${describeValue(iss.input)}`,
  }),
}));

const multiplierShape = lazySchema(() => z.strictObject({
  metric: nameSchema,
  bands: z.array(z.strictObject({ from: decimalSchema, factor: nonNegativeDecimalSchema })).check(z.minLength(1)),
}));

/** @internal */
export const policyShape = lazySchema(() => z.strictObject({
  advance: z.enum(['cumulative', 'period']),
  holdbackRate: z.optional(fractionSchema),
  negativeTrueUp: z.enum(['clawback', 'carry', 'waive']),
}));

/** @internal */
export const programShape = lazySchema(() => z.strictObject({
  name: z.optional(nameSchema),
  currency: z.string(),
  rounding: z.strictObject({
    scale: z.optional(scaleSchema),
    mode: z.optional(roundingModeSchema),
    stage: z.enum(['line', 'total']),
  }),
  basis: z.enum(['amount', 'quantity', 'attainment', 'growth', 'growthRate']),
  method: z.enum(['retroactive', 'incremental', 'step']),
  tiers: z.array(tierShape).check(z.minLength(1)),
  applyTo: z.optional(z.enum(['increment', 'net'])),
  zeroBaseline: z.optional(z.enum(['highest-tier', 'lowest-tier'])),
  overAchievement: z.optional(
    z.strictObject({ above: nonNegativeDecimalSchema, rate: fractionSchema, cap: z.optional(nonNegativeDecimalSchema) }),
  ),
  gates: z.optional(z.array(gateShape)),
  multipliers: z.optional(z.array(multiplierShape)),
  cap: z.optional(z.strictObject({ amount: z.optional(nonNegativeDecimalSchema), rateOfBase: z.optional(fractionSchema) })),
  minimum: z.optional(z.strictObject({ amount: nonNegativeDecimalSchema, whenBelow: z.enum(['raise', 'forfeit']) })),
  settlement: z.optional(policyShape),
  ratioScale: z.optional(scaleSchema),
}));

/** @internal */
export type ParsedProgramSpec = z.output<typeof programShape>;

/**
 * Schema of a rebate program spec (structure and field types; {@link defineRebateProgram} adds the cross-field rules).
 *
 * @example
 * ```ts
 * rebateProgramSchema.safeParse({ currency: 'USD', rounding: { stage: 'line' }, basis: 'amount', method: 'incremental', tiers: [{ from: 0, rate: 0.01 }] }).success;
 * //=> true
 * ```
 */
export const rebateProgramSchema: z.ZodMiniType<unknown, RebateProgramSpec> = programShape as unknown as z.ZodMiniType<unknown, RebateProgramSpec>;

/** A row id: a non-empty string or a finite number. @internal */
export const rowIdSchema = lazySchema(() => z.union([nameSchema, z.number()], {
  error: (iss) => `must be a string or a number, received ${iss.input === null ? 'null' : Array.isArray(iss.input) ? 'an array' : typeof iss.input}`,
}));

/** @internal */
export const inputShape = lazySchema(() => z.strictObject({
  id: z.optional(rowIdSchema),
  sales: z.optional(nonNegativeDecimalSchema),
  quantity: z.optional(nonNegativeDecimalSchema),
  returns: z.optional(nonNegativeDecimalSchema),
  returnedQuantity: z.optional(nonNegativeDecimalSchema),
  target: z.optional(decimalSchema),
  baseline: z.optional(nonNegativeDecimalSchema),
  metrics: z.optional(metricsSchema),
}));

/** @internal */
export type ParsedRebateInput = z.output<typeof inputShape>;

/**
 * Schema of the input of `calculateRebate`.
 *
 * @example
 * ```ts
 * rebateInputSchema.safeParse({ sales: 'a lot' }).success;
 * //=> false
 * ```
 */
export const rebateInputSchema: z.ZodMiniType<unknown, RebateInput> = inputShape as unknown as z.ZodMiniType<unknown, RebateInput>;

const periodShape = lazySchema(() => z.strictObject({
  period: nameSchema,
  sales: z.optional(nonNegativeDecimalSchema),
  returns: z.optional(nonNegativeDecimalSchema),
  quantity: z.optional(nonNegativeDecimalSchema),
  returnedQuantity: z.optional(nonNegativeDecimalSchema),
  target: z.optional(decimalSchema),
  baseline: z.optional(nonNegativeDecimalSchema),
  metrics: z.optional(metricsSchema),
}));

/** @internal */
export const settlementShape = lazySchema(() => z.strictObject({
  id: z.optional(rowIdSchema),
  periods: z.array(periodShape).check(z.minLength(1)),
  paid: z.optional(z.record(z.string(), decimalSchema)),
  target: z.optional(decimalSchema),
  baseline: z.optional(nonNegativeDecimalSchema),
  metrics: z.optional(metricsSchema),
}));

/** @internal */
export type ParsedSettlementInput = z.output<typeof settlementShape>;

/**
 * Schema of the input of `settleRebate` (one dealer's periods; the policy is the program's `settlement`).
 *
 * @example
 * ```ts
 * rebateSettlementSchema.safeParse({ periods: [] }).success;
 * //=> false
 * ```
 */
export const rebateSettlementSchema: z.ZodMiniType<unknown, RebateSettlementInput> = settlementShape as unknown as z.ZodMiniType<
  unknown,
  RebateSettlementInput
>;

/** @internal */
export const accrualShape = lazySchema(() => z.strictObject({
  salesToDate: nonNegativeDecimalSchema,
  returnsToDate: z.optional(nonNegativeDecimalSchema),
  quantityToDate: z.optional(nonNegativeDecimalSchema),
  returnedQuantityToDate: z.optional(nonNegativeDecimalSchema),
  periodStart: isoDateSchema,
  periodEnd: isoDateSchema,
  asOf: isoDateSchema,
  forecast: z.optional(z.strictObject({ sales: nonNegativeDecimalSchema, quantity: z.optional(nonNegativeDecimalSchema) })),
  method: z.enum(['actual', 'run-rate', 'forecast']),
  target: z.optional(decimalSchema),
  baseline: z.optional(nonNegativeDecimalSchema),
  metrics: z.optional(metricsSchema),
}));

/**
 * Schema of the input of `accrueRebate`.
 *
 * @example
 * ```ts
 * rebateAccrualSchema.safeParse({ salesToDate: 1, periodStart: '2025-01-01', periodEnd: '2025-12-31', asOf: '2025-06-30', method: 'guess' }).success;
 * //=> false
 * ```
 */
export const rebateAccrualSchema: z.ZodMiniType<unknown, RebateAccrualInput> = accrualShape as unknown as z.ZodMiniType<unknown, RebateAccrualInput>;

// --- Partner levels, points, loyalty bonus, profit pool -------------------------------------

/** The rounding of one figure: `{ scale?, mode? }` (one figure has no stage). @internal */
export const figureRoundingShape = lazySchema(() => z.strictObject({ scale: z.optional(scaleSchema), mode: z.optional(roundingModeSchema) }));

/** @internal */
export const levelsShape = lazySchema(() => z.array(
  z.strictObject({
    name: nameSchema,
    criteria: z.array(z.strictObject({ metric: nameSchema, op: z.optional(comparisonSchema), value: decimalSchema })).check(z.minLength(1)),
    rate: z.optional(fractionSchema),
    benefits: z.optional(moneyMapSchema),
  }),
).check(z.minLength(1)));

/**
 * Schema of the levels of `calculatePartnerLevel`.
 *
 * @example
 * ```ts
 * partnerLevelsSchema.safeParse([{ name: 'Gold', criteria: [{ metric: 'sales', value: 1e6 }], rate: 3 }]).error?.issues[0]?.message;
 * //=> 'must be a fraction from 0 to 1, received 3: write 0.03 for 3 %'
 * ```
 */
export const partnerLevelsSchema: z.ZodMiniType<unknown, PartnerLevelSpec[]> = levelsShape as unknown as z.ZodMiniType<unknown, PartnerLevelSpec[]>;

// z.int()'s own refusal (core/issues.ts) already reads 'must be a whole number, received 1.5'.
const positiveInt = lazySchema(() => z.number().check(
  z.int(),
  z.minimum(1),
));

/** @internal */
export const pointsRulesShape = lazySchema(() => z.strictObject({
  earn: z
    .array(
      z.strictObject({
        id: nameSchema,
        pointsPerUnit: nonNegativeDecimalSchema,
        maxPerEvent: z.optional(nonNegativeDecimalSchema),
        maxPerQuarter: z.optional(nonNegativeDecimalSchema),
      }),
    )
    .check(z.minLength(1)),
  expiry: z.union([z.strictObject({ quarters: positiveInt }), z.strictObject({ days: positiveInt })], {
    error: (iss) => `must be { quarters: n } or { days: n }, received ${describeValue(iss.input)}`,
  }),
  rounding: z.optional(figureRoundingShape),
}));

/**
 * Schema of the rules of `accruePoints`.
 *
 * @example
 * ```ts
 * pointsRulesSchema.safeParse({ earn: [{ id: 'task', pointsPerUnit: 10 }], expiry: { quarters: 1 } }).success;
 * //=> true
 * ```
 */
export const pointsRulesSchema: z.ZodMiniType<unknown, PointsRules> = pointsRulesShape as unknown as z.ZodMiniType<unknown, PointsRules>;

/** @internal */
export const pointsEventsShape = lazySchema(() => z.array(
  z.discriminatedUnion('type', [
    z.strictObject({ date: isoDateSchema, type: z.literal('earn'), rule: nameSchema, quantity: nonNegativeDecimalSchema, note: z.optional(z.string()) }),
    z.strictObject({ date: isoDateSchema, type: z.literal('redeem'), points: positiveDecimalSchema, note: z.optional(z.string()) }),
  ]),
));

/**
 * Schema of the events of `accruePoints`.
 *
 * @example
 * ```ts
 * pointsEventsSchema.safeParse([{ date: '2025-01-05', type: 'earn', rule: 'task', quantity: 1 }]).success;
 * //=> true
 * ```
 */
export const pointsEventsSchema: z.ZodMiniType<unknown, PointsEvent[]> = pointsEventsShape as unknown as z.ZodMiniType<unknown, PointsEvent[]>;

const yearSchema = lazySchema(() => z.number().check(
  z.int({ error: (iss) => `must be a whole year, received ${String(iss.input)}` }),
  z.minimum(1),
  z.maximum(9999),
));

/** @internal */
export const loyaltyShape = lazySchema(() => z.strictObject({
  currency: z.string(),
  rounding: z.optional(figureRoundingShape),
  history: z.array(z.strictObject({ year: yearSchema, sales: nonNegativeDecimalSchema, target: positiveDecimalSchema })).check(z.minLength(1)),
  rates: z.array(z.strictObject({ streak: positiveInt, rate: fractionSchema })).check(z.minLength(1)),
}));

/**
 * Schema of the input of `calculateLoyaltyBonus`.
 *
 * @example
 * ```ts
 * loyaltyBonusSchema.safeParse({ currency: 'CNY', history: [], rates: [{ streak: 3, rate: 0.01 }] }).success;
 * //=> false
 * ```
 */
export const loyaltyBonusSchema: z.ZodMiniType<unknown, LoyaltyBonusInput> = loyaltyShape as unknown as z.ZodMiniType<unknown, LoyaltyBonusInput>;

/** One partner of a profit pool (checked row by row, so errors name the partner by its id). @internal */
export const poolPartnerShape = lazySchema(() => z.strictObject({ id: nameSchema, weight: nonNegativeDecimalSchema }));

/** A profit pool without its partners' fields (the partners are checked one by one). @internal */
export const poolBodyShape = lazySchema(() => z.strictObject({
  currency: z.string(),
  rounding: z.optional(figureRoundingShape),
  revenue: decimalSchema,
  baseline: decimalSchema,
  pool: z.union(
    [
      z.strictObject({ rate: fractionSchema }),
      z.strictObject({ tiers: z.array(z.strictObject({ from: nonNegativeDecimalSchema, rate: fractionSchema })).check(z.minLength(1)) }),
    ],
    { error: (iss) => `must be { rate } or { tiers }, received ${describeValue(iss.input)}` },
  ),
  partners: z.array(z.unknown()).check(z.minLength(1)),
}));

/** @internal */
export const poolShape = lazySchema(() => z.extend(poolBodyShape, { partners: z.array(poolPartnerShape).check(z.minLength(1)) }));

/**
 * Schema of the input of `allocateProfitPool`.
 *
 * @example
 * ```ts
 * profitPoolSchema.safeParse({ currency: 'CNY', revenue: 5e6, baseline: 4e6, pool: { rate: 0.3 }, partners: [{ id: 'brand', weight: 1 }] }).success;
 * //=> true
 * ```
 */
export const profitPoolSchema: z.ZodMiniType<unknown, ProfitPoolInput> = poolShape as unknown as z.ZodMiniType<unknown, ProfitPoolInput>;
