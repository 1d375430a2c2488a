// A defined scorecard read back from its JSON: the schema of the defined form, the spec it came
// from, and where a spec field sits in the JSON. scorecard.ts defines the spec again and compares
// (core/defined.ts), so weights that do not follow from the declared ones are refused.
import * as z from 'zod/mini';
import { lazySchema } from '../core/lazy.js';
import type { DefinedReader } from '../core/defined.js';
import { decimalSchema } from '../core/schema.js';

const text = z.string();

// Fields a spec has too are checked by the spec's schema when the scorecard is defined again (at
// the same paths); this schema only makes sure every field is there and the derived ones are typed.
const scorecardJsonShape = lazySchema(() =>
  z.strictObject({
  kind: z.literal('kpi-scorecard'),
  kpis: z.array(
    z.strictObject({
      id: text,
      label: text,
      direction: text,
      scoring: z.record(text, z.unknown()),
      target: z.nullable(decimalSchema),
    }),
  ),
  stages: z.record(
    text,
    z.strictObject({
      weights: z.record(text, decimalSchema),
      declaredWeights: z.record(text, z.unknown()),
      normalized: z.boolean(),
    }),
  ),
  grades: z.array(z.unknown()),
  gates: z.array(z.unknown()),
  missing: text,
  rounding: z.nullable(z.strictObject({ scale: z.number(), mode: text, stage: text })),
}),
);

/** A scorecard's JSON, parsed. @internal */
export type ScorecardJson = z.output<typeof scorecardJsonShape>;

function toSpec(c: ScorecardJson): unknown {
  const stages: Record<string, unknown> = {};
  let normalize = false;
  for (const [name, s] of Object.entries(c.stages)) {
    Object.defineProperty(stages, name, { value: { weights: s.declaredWeights }, enumerable: true, writable: true, configurable: true });
    normalize ||= s.normalized;
  }
  return {
    kpis: c.kpis.map((k) => ({ id: k.id, label: k.label, direction: k.direction, scoring: k.scoring, ...(k.target === null ? {} : { target: k.target }) })),
    stages,
    // A stage whose weights were divided by their sum says so; the others summed to 1 already.
    ...(normalize ? { normalize } : {}),
    grades: c.grades,
    gates: c.gates,
    missing: c.missing,
    ...(c.rounding === null ? {} : { rounding: c.rounding }),
  };
}

/** The spec's `stages.<name>.weights` are the JSON's `declaredWeights`. */
function specPath(path: (string | number)[]): (string | number)[] {
  return path[0] === 'stages' && path[2] === 'weights' ? ['stages', path[1]!, 'declaredWeights', ...path.slice(3)] : path;
}

/** How a scorecard is read back from its JSON, but for `define` (scorecard.ts adds it). @internal */
export const SCORECARD_JSON: Omit<DefinedReader<ScorecardJson, never>, 'define'> = {
  kind: 'kpi-scorecard',
  what: 'the scorecard',
  schema: scorecardJsonShape,
  toSpec,
  specPath,
};
