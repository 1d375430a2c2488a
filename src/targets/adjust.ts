import { Decimal } from '../core/decimal.js';
import { IssueCollector, wrapThrown } from '../core/errors.js';
import { roundDecimal, type RoundingMode } from '../core/money.js';
import { parseWith } from '../core/schema.js';
import type { Warning } from '../core/result.js';
import { parseTargets } from './own.js';
import { TARGETS_MESSAGES as M, TARGETS_WARNINGS as W } from './messages.js';
import { adjustInputShape, adjustOptionsShape, adjustSpecShape, type AdjustTargetInput, type AdjustTargetOptions, type AdjustTargetSpec } from './schema.js';
import type { TargetAdjustmentStep } from './steps.js';
import { EN, adjustmentStepText } from './text.js';

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
  /** The scale and mode the adjusted target was rounded with. */
  rounding: {
    /** Decimal places. */
    scale: number;
    /** The rounding mode. */
    mode: RoundingMode;
  };
  /** How the target was reached: the demand change, the rule (or none), the adjusted target. */
  steps: TargetAdjustmentStep[];
  /** What to look at: a factor that looks like a percentage (`92` for 92 %). */
  warnings: Warning[];
}

const ONE = new Decimal(1);

/**
 * The seeds' elastic rule: "if regional demand falls by X %, lower the target and adjust the
 * reward coefficient". The rule with the largest `drop` that the fall reaches fires (a fall of
 * exactly `drop` fires it); the target is multiplied by its factor and rounded to the scale (the
 * target's own decimal places, half-up, unless `rounding` says otherwise).
 *
 * Drops and the demand change are fractions: a drop of `10` or a change of `-12` is refused with
 * the hint "write 0.1 for 10 %". A factor or coefficient above 2 is computed but warned about
 * (`percent-like-factor`).
 *
 * @param spec - The rules.
 * @param input - The target and the demand change.
 * @param options - `rounding`.
 * @example
 * ```ts
 * const rules = [
 *   { drop: 0.05, targetFactor: 0.97, rewardCoefficient: 1.02 },
 *   { drop: 0.1, targetFactor: 0.92, rewardCoefficient: 1.05 },
 * ];
 * const a = adjustTarget({ rules }, { target: 8000000, demandChange: -0.12 });
 * [a.target.toString(), a.rewardCoefficient.toString(), a.rule.index];
 * //=> ['7360000', '1.05', 1]
 * ```
 */
export function adjustTarget(spec: AdjustTargetSpec, input: AdjustTargetInput, options?: AdjustTargetOptions): TargetAdjustment {
  try {
    const { rules } = parseWith(adjustSpecShape, spec, []);
    const { target: t, demandChange } = parseWith(adjustInputShape, input, []);
    const opts = parseTargets(adjustOptionsShape, options ?? {}, ['options']);
    const issues = new IssueCollector();
    const seen = new Map<string, number>();
    const warnings: Warning[] = [];
    rules.forEach((r, i) => {
      const key = r.drop.toString();
      if (seen.has(key)) issues.add(['rules', i, 'drop'], M.duplicateDrop(seen.get(key)!, key), 'invalid_input', { code: 'duplicate', received: key });
      else seen.set(key, i);
      for (const [field, what] of [
        ['targetFactor', 'a target factor'],
        ['rewardCoefficient', 'a reward coefficient'],
      ] as const) {
        if (r[field].gt(2)) warnings.push({ code: 'percent-like-factor', message: W.percentLikeFactor(what, r[field].toFixed()), path: ['rules', i, field] });
      }
    });
    issues.throwIfAny();
    const scale = opts.rounding?.scale ?? t.decimalPlaces();
    const mode = opts.rounding?.mode ?? 'half-up';
    const fall = demandChange.negated();
    let best = -1;
    rules.forEach((r, i) => {
      if (fall.gte(r.drop) && (best < 0 || r.drop.gt(rules[best]!.drop))) best = i;
    });
    // Stryker disable next-line StringLiteral: the empty text is a placeholder that adjustmentStepText writes over below (the step's code literal on this line is checked by the types and by tests)
    const steps: TargetAdjustmentStep[] = [{ code: 'demand-change', demandChange, text: '' }];
    let result: Pick<TargetAdjustment, 'target' | 'rewardCoefficient' | 'rule'>;
    if (best < 0) {
      const smallestDrop = rules.reduce((a, r) => (r.drop.lt(a) ? r.drop : a), rules[0]!.drop);
      // Stryker disable next-line StringLiteral: the empty text is a placeholder that adjustmentStepText writes over below (the step's code literal on this line is checked by the types and by tests)
      steps.push({ code: 'no-rule', fall, smallestDrop, text: '' });
      result = { target: roundDecimal(t, scale, mode), rewardCoefficient: ONE, rule: null };
      // Stryker disable next-line StringLiteral: the empty text is a placeholder that adjustmentStepText writes over below (the step's code literal on this line is checked by the types and by tests)
      steps.push({ code: 'adjusted-target', originalTarget: t, targetFactor: ONE, target: result.target, rewardCoefficient: ONE, text: '' });
    } else {
      const r = rules[best]!;
      const rule = { index: best, drop: r.drop, targetFactor: r.targetFactor, rewardCoefficient: r.rewardCoefficient };
      // Stryker disable next-line StringLiteral: the empty text is a placeholder that adjustmentStepText writes over below (the step's code literal on this line is checked by the types and by tests)
      steps.push({ code: 'rule', ...rule, text: '' });
      result = { target: roundDecimal(t.times(r.targetFactor), scale, mode), rewardCoefficient: r.rewardCoefficient, rule };
      // Stryker disable next-line StringLiteral: the empty text is a placeholder that adjustmentStepText writes over below (the step's code literal on this line is checked by the types and by tests)
      steps.push({ code: 'adjusted-target', originalTarget: t, targetFactor: r.targetFactor, target: result.target, rewardCoefficient: r.rewardCoefficient, text: '' });
    }
    for (const s of steps) s.text = adjustmentStepText(s, scale, EN);
    return { ...result, originalTarget: t, demandChange, rounding: { scale, mode }, steps, warnings };
  } catch (error) {
    throw wrapThrown(error);
  }
}
