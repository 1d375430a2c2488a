import { Decimal, type DecimalInput } from '../core/decimal.js';
import { IssueCollector, wrapThrown } from '../core/errors.js';
import { roundDecimal } from '../core/money.js';
import { nonNegativeDecimalSchema, parseWith } from '../core/schema.js';
import { adjustOptionsShape, type AdjustTargetOptions } from './schema.js';

/** The result of `adjustTarget`. */
export interface TargetAdjustment {
  /** The adjusted target. */
  target: Decimal;
  /** The target before adjustment. */
  originalTarget: Decimal;
  /** The demand change given. */
  demandChange: Decimal;
  /** The reward coefficient: the rule's, or 1 when no rule fires. */
  rewardCoefficient: Decimal;
  /** The rule that fired (with its position in `rules`), or null. */
  rule: {
    /** Its position in `rules`. */
    index: number;
    /** Its drop. */
    drop: Decimal;
    /** Its target factor. */
    targetFactor: Decimal;
    /** Its reward coefficient. */
    rewardCoefficient: Decimal;
  } | null;
  /** In words. */
  explanation: string;
}

/**
 * The seeds' elastic rule: "if regional demand falls by X %, lower the target and adjust the
 * reward coefficient". The rule with the largest `drop` that the fall reaches fires (a fall of
 * exactly `drop` fires it); the target is multiplied by its factor and rounded half-up to the scale.
 *
 * @example
 * ```ts
 * const rules = [
 *   { drop: 0.05, targetFactor: 0.97, rewardCoefficient: 1.02 },
 *   { drop: 0.1, targetFactor: 0.92, rewardCoefficient: 1.05 },
 * ];
 * const a = adjustTarget(8000000, { demandChange: -0.12, rules });
 * [a.target.toString(), a.rewardCoefficient.toString(), a.rule.index];
 * //=> ['7360000', '1.05', 1]
 * ```
 */
export function adjustTarget(target: DecimalInput, options: AdjustTargetOptions): TargetAdjustment {
  try {
    const t = parseWith(nonNegativeDecimalSchema, target, ['target']);
    const opts = parseWith(adjustOptionsShape, options, ['options']);
    const issues = new IssueCollector();
    const seen = new Map<string, number>();
    opts.rules.forEach((r, i) => {
      const key = r.drop.toString();
      if (seen.has(key)) issues.add(['options', 'rules', i, 'drop'], `repeats the drop of rules[${seen.get(key)}] (${key})`);
      seen.set(key, i);
    });
    issues.throwIfAny();
    const scale = opts.scale ?? t.decimalPlaces();
    const fall = opts.demandChange.negated();
    let best = -1;
    opts.rules.forEach((r, i) => {
      if (fall.gte(r.drop) && (best < 0 || r.drop.gt(opts.rules[best]!.drop))) best = i;
    });
    const pct = (d: Decimal) => `${d.times(100).toString()} %`;
    if (best < 0) {
      return {
        target: roundDecimal(t, scale, 'half-up'),
        originalTarget: t,
        demandChange: opts.demandChange,
        rewardCoefficient: new Decimal(1),
        rule: null,
        explanation: fall.isPositive() && !fall.isZero() ? `demand fell by ${pct(fall)}, below every rule's drop: no change` : `demand did not fall (${pct(opts.demandChange)}): no change`,
      };
    }
    const r = opts.rules[best]!;
    const adjusted = roundDecimal(t.times(r.targetFactor), scale, 'half-up');
    return {
      target: adjusted,
      originalTarget: t,
      demandChange: opts.demandChange,
      rewardCoefficient: r.rewardCoefficient,
      rule: { index: best, drop: r.drop, targetFactor: r.targetFactor, rewardCoefficient: r.rewardCoefficient },
      explanation: `demand fell by ${pct(fall)}, reaching rules[${best}] (a drop of ${pct(r.drop)}): target ${t.toString()} × ${r.targetFactor.toString()} = ${adjusted.toString()}, reward coefficient ${r.rewardCoefficient.toString()}`,
    };
  } catch (error) {
    throw wrapThrown(error);
  }
}
