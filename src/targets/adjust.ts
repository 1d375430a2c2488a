import { Decimal, type DecimalInput } from '../core/decimal.js';
import { IssueCollector, toDealerkitError } from '../core/errors.js';
import { roundDecimal } from '../core/money.js';
import { nonNegativeDecimalSchema, parseWith } from '../core/schema.js';
import { adjustTargetOptionsSchema } from './schema.js';

/** One elastic rule: when demand falls by at least `drop`, multiply the target and set the reward coefficient. */
export interface TargetAdjustRule {
  /** The fall in demand that fires the rule, as a fraction: `0.1` for 10 %. From above 0 to 1. */
  drop: DecimalInput;
  /** What the target is multiplied by (`0.92` lowers it by 8 %). */
  targetFactor: DecimalInput;
  /** The reward (rebate) coefficient that applies with the adjusted target. */
  rewardCoefficient: DecimalInput;
}

/** Options of `adjustTarget`. */
export interface AdjustTargetOptions {
  /** Demand change as a fraction: `-0.12` is a 12 % fall, `0.05` a 5 % rise. */
  demandChange: DecimalInput;
  /** The rules; the one with the largest `drop` not above the fall fires. */
  rules: readonly TargetAdjustRule[];
  /** Decimal places of the adjusted target (half-up); by default the target's own. */
  scale?: number;
}

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
  rule: { index: number; drop: Decimal; targetFactor: Decimal; rewardCoefficient: Decimal } | null;
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
    const opts = parseWith(adjustTargetOptionsSchema, options, ['options']);
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
    throw toDealerkitError(error);
  }
}
