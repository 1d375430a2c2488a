// The rounding of a target (scale and mode), shared by every spec of the targets module.
import { roundingModeSchema, scaleSchema, type RoundingSpec } from '../core/schema.js';
import * as z from 'zod/mini';
import { lazySchema } from '../core/lazy.js';

// ---------------------------------------------------------------------------------------------
// Rounding

/**
 * The `rounding` option of the targets engine: the shared `{ scale?, mode? }` without `stage`
 * (every split is largest remainder, so its parts always sum to the whole).
 *
 * - `scale`: decimal places of every target (0, whole units, when omitted; 2 for cents).
 * - `mode`: how a figure made by multiplication is rounded (an uplifted total, an adjusted
 *   target, a prorated expected-to-date, a forecast); `'half-up'` when omitted.
 */
export type TargetRounding = Omit<RoundingSpec, 'stage'>;

/** @internal */
export const roundingShape = lazySchema(() => z.strictObject({
  scale: z.optional(scaleSchema),
  mode: z.optional(roundingModeSchema),
}));
