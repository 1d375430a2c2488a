import { z } from '../core/schema.js';
import { decimalSchema } from '../core/schema.js';

// zod schemas of the risk module's configuration and input, and the spec types inferred from them.
// Shapes are checked here; cross-field rules (unique labels, a full grid, ascending bins, residual
// at most inherent) are checked by hand in the file of each concept, with every issue collected.

const labelSchema = z.string().check(z.minLength(1));
const labelListSchema = z.array(labelSchema).check(z.minLength(1));
const finiteNumber = z.number();

/**
 * Schema of a risk matrix specification: `likelihood`, `impact` and `levels` labels (low to high)
 * and either `cells[likelihood][impact]` or `scoring`.
 *
 * @example
 * ```ts
 * riskMatrixSpecSchema.safeParse({ likelihood: ['low', 'high'], impact: ['low', 'high'], levels: ['ok'], cells: [['ok', 'ok'], ['ok', 'ok']] }).success;
 * //=> true
 * ```
 */
export const riskMatrixSpecSchema = z.strictObject({
  name: z.optional(labelSchema),
  source: z.optional(z.string()),
  likelihood: labelListSchema,
  impact: labelListSchema,
  levels: labelListSchema,
  cells: z.optional(z.array(z.array(z.string()))),
  scoring: z.optional(
    z.strictObject({
      type: z.enum(['product', 'sum']),
      thresholds: z.array(finiteNumber),
    }),
  ),
});

/** A risk matrix specification, the input of `defineRiskMatrix`. */
export type RiskMatrixSpec = z.input<typeof riskMatrixSpecSchema>;

/**
 * Schema of a semi-quantitative scale: half-open bins `[from, next.from)` each naming a level, the
 * last bin closed at `to` when given (unbounded otherwise).
 *
 * @example
 * ```ts
 * riskScaleSpecSchema.safeParse({ bins: [{ level: 'low', from: 0 }, { level: 'high', from: 0.5 }], to: 1 }).success;
 * //=> true
 * ```
 */
export const riskScaleSpecSchema = z.strictObject({
  name: z.optional(labelSchema),
  unit: z.optional(z.string()),
  bins: z
    .array(
      z.strictObject({
        level: labelSchema,
        from: decimalSchema,
      }),
    )
    .check(z.minLength(1)),
  to: z.optional(decimalSchema),
});

/** A semi-quantitative scale specification, the input of `defineRiskScale`. */
export type RiskScaleSpec = z.input<typeof riskScaleSpecSchema>;

const axesSchema = z.union([
  z.enum(['uniform', 'nist']),
  z.strictObject({
    likelihood: z.array(decimalSchema).check(z.minLength(2)),
    impact: z.array(decimalSchema).check(z.minLength(2)),
  }),
]);

/**
 * Schema of the options of `checkRiskMatrix`: the quantitative reading of the axes and of risk.
 *
 * @example
 * ```ts
 * checkRiskMatrixOptionsSchema.safeParse({ axes: 'uniform', risk: 'product' }).success;
 * //=> true
 * ```
 */
export const checkRiskMatrixOptionsSchema = z.strictObject({
  axes: z.optional(axesSchema),
  risk: z.optional(z.enum(['product', 'sum'])),
});

/** Options of `checkRiskMatrix`, as accepted on input. */
export type CheckRiskMatrixOptions = z.input<typeof checkRiskMatrixOptionsSchema>;
