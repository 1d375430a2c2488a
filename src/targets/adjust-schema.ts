// zod schemas and input types of tracking and adjusting a target.
import { decimalSchema, fractionSchema, isoDateSchema, nonNegativeDecimalSchema, scaleSchema } from '../core/schema.js';
import * as z from 'zod/mini';
import type { Decimal, DecimalInput } from '../core/decimal.js';
import type { IsoDate } from '../core/dates.js';
import { TARGETS_MESSAGES as M } from './messages.js';
import { roundingShape, type TargetRounding } from './rounding-schema.js';
import { lazySchema } from '../core/lazy.js';

// ---------------------------------------------------------------------------------------------
// Tracking and adjustment

/** Options of `trackTarget`. */
export interface TrackTargetOptions {
  /** The date the figures are measured at (included). */
  asOf: IsoDate | Date;
  /** Decimal places of the reported ratios (`attainment`, `requiredRate`), rounded half-up; 10 by default. */
  ratioScale?: number;
  /** How the prorated and forecast figures are rounded: `scale` (the cascade's by default) and `mode` (the cascade's, `'half-up'` by default). */
  rounding?: TargetRounding;
}

/** @internal */
export const trackOptionsShape = lazySchema(() => z.strictObject({ asOf: isoDateSchema, ratioScale: z.optional(scaleSchema), rounding: z.optional(roundingShape) }));

/**
 * Schema of the options of `trackTarget`.
 *
 * @example
 * ```ts
 * trackTargetOptionsSchema.safeParse({ asOf: '2026-10-31' }).success;
 * //=> true
 * ```
 */
export const trackTargetOptionsSchema: z.ZodMiniType<unknown, TrackTargetOptions> = trackOptionsShape as unknown as z.ZodMiniType<unknown, TrackTargetOptions>;

/** One elastic rule: when demand falls by at least `drop`, multiply the target and set the reward coefficient. */
export interface TargetAdjustRule {
  /** The fall in demand that fires the rule, as a fraction: `0.1` for 10 %. From above 0 to 1. */
  drop: DecimalInput;
  /** What the target is multiplied by (`0.92` lowers it by 8 %). */
  targetFactor: DecimalInput;
  /** The reward (rebate) coefficient that applies with the adjusted target. */
  rewardCoefficient: DecimalInput;
}

/** The spec of `adjustTarget`: the elastic rules. */
export interface AdjustTargetSpec {
  /** The rules; the one with the largest `drop` not above the fall fires. */
  rules: readonly TargetAdjustRule[];
}

/** The facts of `adjustTarget`: the target and how demand changed. */
export interface AdjustTargetInput {
  /** The target before adjustment. */
  target: DecimalInput;
  /** Demand change as a fraction: `-0.12` is a 12 % fall, `0.05` a 5 % rise; at least -1. */
  demandChange: DecimalInput;
}

/** Options of `adjustTarget`. */
export interface AdjustTargetOptions {
  /** `scale`: decimal places of the adjusted target (the target's own by default); `mode`: `'half-up'` by default. */
  rounding?: TargetRounding;
}

const ruleShape = lazySchema(() => z.strictObject({
  drop: fractionSchema.check(
    z.refine((d: Decimal) => d.isPositive() && !d.isZero(), {
      error: (iss) => M.dropPositive(String(iss.input)),
      params: { code: 'out_of_range', issue: 'out_of_range', expected: 'greater than 0', limit: '0' },
    }),
  ),
  targetFactor: nonNegativeDecimalSchema,
  rewardCoefficient: nonNegativeDecimalSchema,
}));

/**
 * Schema of one elastic rule of `adjustTarget`.
 *
 * @example
 * ```ts
 * targetAdjustRuleSchema.safeParse({ drop: '0.1', targetFactor: '0.92', rewardCoefficient: '1.05' }).success;
 * //=> true
 * ```
 */
export const targetAdjustRuleSchema: z.ZodMiniType<unknown, TargetAdjustRule> = ruleShape as unknown as z.ZodMiniType<unknown, TargetAdjustRule>;

/** @internal */
export const adjustSpecShape = lazySchema(() => z.strictObject({
  rules: z.array(ruleShape).check(z.minLength(1)),
}));

/**
 * Schema of the spec of `adjustTarget`: `{ rules }`.
 *
 * @example
 * ```ts
 * adjustTargetSpecSchema.safeParse({ rules: [{ drop: '0.1', targetFactor: '0.92', rewardCoefficient: '1.05' }] }).success;
 * //=> true
 * ```
 */
export const adjustTargetSpecSchema: z.ZodMiniType<unknown, AdjustTargetSpec> = adjustSpecShape as unknown as z.ZodMiniType<unknown, AdjustTargetSpec>;

/** @internal */
export const adjustInputShape = lazySchema(() => z.strictObject({
  target: nonNegativeDecimalSchema,
  demandChange: decimalSchema.check(
    z.refine((d: Decimal) => d.gte(-1), {
      error: (iss) => M.demandChangeBelow(String(iss.input)),
      params: { code: 'out_of_range', issue: 'percent_as_whole_number', expected: 'at least -1', limit: '-1' },
    }),
  ),
}));

/** @internal */
export const adjustOptionsShape = lazySchema(() => z.strictObject({ rounding: z.optional(roundingShape) }));

/**
 * Schema of the options of `adjustTarget`: `{ rounding? }`.
 *
 * @example
 * ```ts
 * adjustTargetOptionsSchema.safeParse({ rounding: { scale: 2 } }).success;
 * //=> true
 * ```
 */
export const adjustTargetOptionsSchema: z.ZodMiniType<unknown, AdjustTargetOptions> = adjustOptionsShape as unknown as z.ZodMiniType<
  unknown,
  AdjustTargetOptions
>;
