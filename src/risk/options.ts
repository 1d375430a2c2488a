import * as z from 'zod/mini';
import { DEFAULT_RATIO_SCALE, parseWith, scaleSchema } from '../core/schema.js';
import { lazySchema } from '../core/lazy.js';

/** The options of the functions that only report ratios: `{ ratioScale? }`. @internal */
export const ratioOptionsShape = lazySchema(() => z.strictObject({ ratioScale: z.optional(scaleSchema) }));

/** Reads `{ ratioScale? }` (0 to 30 places, 10 when omitted); unknown fields suggest the nearest. @internal */
export function ratioOptionsOf(options: unknown): { ratioScale: number } {
  const o = parseWith(ratioOptionsShape, options ?? {}, ['options']);
  return { ratioScale: o.ratioScale ?? DEFAULT_RATIO_SCALE };
}
