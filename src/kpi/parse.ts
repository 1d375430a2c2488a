// parseWith for the KPI engine's schemas, with one local correction (see the lead's core request):
// an absent field that must be one of a list of values is `required`, not `invalid_value`.
import { DealerkitError, type IssuePath } from '../core/errors.js';
import { parseWith } from '../core/schema.js';
import type * as z from 'zod/mini';

/** Parses `input` with `schema` (unknown fields get "did you mean"), absent enum fields coded `required`. @internal */
export function parseKpi<S extends z.ZodMiniType>(schema: S, input: unknown, base: IssuePath): z.output<S> {
  try {
    return parseWith(schema, input, base);
  } catch (error) {
    if (!(error instanceof DealerkitError)) throw error;
    if (!error.issues.some((i) => i.code === 'invalid_value' && i.received === 'nothing')) throw error;
    throw new DealerkitError(
      error.code,
      error.issues.map((i) => (i.code === 'invalid_value' && i.received === 'nothing' ? { ...i, code: 'required' as const } : i)),
    );
  }
}
