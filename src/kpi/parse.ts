// parseWith for the KPI engine's schemas. The local correction this file once made (an absent field
// that must be one of a list of values coded `required`, not `invalid_value`) is core's own rule now
// (core/issues.ts), so the KPI engine parses as every engine does.
import type { IssuePath } from '../core/errors.js';
import { parseWith } from '../core/schema.js';
import type * as z from 'zod/mini';

/** Parses `input` with `schema` (unknown fields get "did you mean", absent enum fields are `required`). @internal */
export function parseKpi<S extends z.ZodMiniType>(schema: S, input: unknown, base: IssuePath): z.output<S> {
  return parseWith(schema, input, base);
}
