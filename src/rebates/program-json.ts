// A defined rebate program read back from its JSON: the schema of the defined form, the spec it
// came from, and where a spec field sits in the JSON. program.ts defines the spec again and
// compares (core/defined.ts), so a derived field (a tier's `index` or other bound, `warnings`)
// that disagrees with the rest is refused.
import * as z from 'zod/mini';
import { lazySchema } from '../core/lazy.js';
import type { DefinedReader } from '../core/defined.js';
import { decimalSchema } from '../core/schema.js';

const text = z.string();
const decimal = decimalSchema;
const orNull = <T extends z.ZodMiniType>(schema: T) => z.nullable(schema);

const programJsonShape = lazySchema(() =>
  z.strictObject({
  kind: z.literal('rebate-program'),
  name: orNull(text),
  currency: text,
  rounding: z.strictObject({ scale: z.number(), mode: text, stage: text }),
  basis: text,
  method: text,
  bounds: z.enum(['from', 'upTo']),
  tiers: z.array(
    z.strictObject({
      index: z.number(),
      name: orNull(text),
      from: decimal,
      to: orNull(decimal),
      rate: orNull(decimal),
      perUnit: orNull(decimal),
      fixed: orNull(decimal),
      benefits: z.array(z.strictObject({ name: text, amount: decimal })),
    }),
  ),
  applyTo: orNull(text),
  zeroBaseline: orNull(text),
  overAchievement: orNull(z.strictObject({ above: decimal, rate: decimal, cap: orNull(decimal) })),
  gates: z.array(z.strictObject({ metric: text, op: text, value: decimal, failFactor: decimal, zero: z.boolean() })),
  multipliers: z.array(z.strictObject({ metric: text, bands: z.array(z.strictObject({ from: decimal, factor: decimal })) })),
  cap: orNull(z.strictObject({ amount: orNull(decimal), rateOfBase: orNull(decimal) })),
  minimum: orNull(z.strictObject({ amount: decimal, whenBelow: text })),
  settlement: orNull(z.strictObject({ advance: text, holdbackRate: decimal, negativeTrueUp: text })),
  ratioScale: z.number(),
  warnings: z.array(z.strictObject({ code: text, message: text, path: z.optional(z.array(z.union([text, z.number()]))) })),
}),
);

/** A rebate program's JSON, parsed. @internal */
export type ProgramJson = z.output<typeof programJsonShape>;

/** Copies the fields whose value is not null (a defined program says null where the spec said nothing). */
function present(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== null) out[k] = v;
  return out;
}

function toSpec(p: ProgramJson): unknown {
  return present({
    name: p.name,
    currency: p.currency,
    rounding: p.rounding,
    basis: p.basis,
    method: p.method,
    tiers: p.tiers.map((t) => {
      const benefits: Record<string, unknown> = {};
      // Own properties, so a benefit named `__proto__` stays a benefit.
      // The spec's schema copies each own enumerable key into a new record: nothing reads or writes this one's properties again.
      for (const b of t.benefits) Object.defineProperty(benefits, b.name, { value: b.amount, enumerable: true });
      // No benefits is an empty record, which the spec reads as none.
      const tier = present({ from: t.from, rate: t.rate, perUnit: t.perUnit, fixed: t.fixed, name: t.name, benefits });
      // An upTo program's lower bounds are derived; its last upper bound is null (open-ended).
      if (p.bounds === 'upTo') {
        delete tier.from;
        tier.upTo = t.to;
      }
      return tier;
    }),
    applyTo: p.applyTo,
    zeroBaseline: p.zeroBaseline,
    overAchievement: p.overAchievement === null ? null : present(p.overAchievement),
    gates: p.gates.map((g) => ({ metric: g.metric, op: g.op, value: g.value, onFail: g.zero ? 'zero' : { factor: g.failFactor } })),
    multipliers: p.multipliers,
    cap: p.cap === null ? null : present(p.cap),
    minimum: p.minimum,
    settlement: p.settlement,
    ratioScale: p.ratioScale,
  });
}

/**
 * Where a spec field sits in the program's JSON: `upTo` is `to`, a benefit is an item of a list, a
 * gate's `onFail` is `failFactor`. Only a tier has `upTo` and `benefits`, and only a gate `onFail`,
 * at the third place of a path; a benefit is refused at its own key, which the JSON's list names;
 * and the spec toSpec gives is refused at a gate's onFail only at its factor (a negative failFactor).
 */
function specPath(path: (string | number)[], p: ProgramJson): (string | number)[] {
  const [head, i, field, key] = path;
  if (field === 'upTo') return [head!, i!, 'to', ...path.slice(3)];
  if (field === 'benefits') return [head!, i!, 'benefits', p.tiers[i as number]!.benefits.findIndex((b) => b.name === key), 'amount'];
  if (field === 'onFail') return [head!, i!, 'failFactor'];
  return path;
}

/** How a rebate program is read back from its JSON, but for `define` (program.ts adds it). @internal */
export const PROGRAM_JSON: Omit<DefinedReader<ProgramJson, never>, 'define'> = {
  kind: 'rebate-program',
  what: 'the rebate program',
  schema: programJsonShape,
  toSpec,
  specPath,
};
