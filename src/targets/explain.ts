import { readResult, stepsWithOthers, type ResultShape } from '../core/result-check.js';
import { TargetAdjustmentShape, TargetCascadeShape, TargetHierarchyShape, TargetSplitShape, TargetTrackingShape } from '../core/result-shapes.js';
import * as z from 'zod/mini';
import { invalid, wrapThrown } from '../core/errors.js';
import { separatorsOf } from '../core/format.js';
import type { ExplainOptions, Step } from '../core/result.js';
import { parseWith } from '../core/schema.js';
import { TARGETS_MESSAGES as M } from './messages.js';
import type { TargetAdjustment } from './adjust.js';
import type { TargetCascade } from './cascade.js';
import type { TargetHierarchy } from './hierarchy.js';
import type { TargetSplit } from './split.js';
import type { TargetTracking } from './track.js';
import { adjustmentStepText, cascadeStepText, splitStepText, trackingStepText, type Seps } from './text.js';
import { lazySchema } from '../core/lazy.js';

const MADE_BY = { cascade: 'cascadeTarget', tracking: 'trackTarget', split: 'splitTarget', hierarchy: 'cascadeHierarchy', adjustment: 'adjustTarget' } as const;

const explainOptionsShape = lazySchema(() => z.strictObject({ locale: z.optional(z.string()) }));

/** A result as explain() reads it: its steps (a step of a code this engine does not write keeps its own text) and its scale. */
function readTargetResult<T>(value: T, what: keyof typeof MADE_BY, shape: ResultShape): T {
  return readResult(value, what, { rounding: { scale: 'int' }, steps: stepsWithOthers(shape, { text: 'str' }) }, M.notAResult(MADE_BY[what]));
}

// Every explain* reads a result's steps and scale (from the object or its JSON) and renders each step
// with the locale's grouping.
function explain<S extends Step>(result: unknown, what: keyof typeof MADE_BY, options: ExplainOptions | undefined, render: (step: S, scale: number, seps: Seps) => string): string[] {
  const opts = parseWith(explainOptionsShape, options ?? {}, ['options']);
  const seps = separatorsOf(opts.locale, ['options', 'locale']);
  // readTargetResult has checked the rest: an object, its steps a list of objects each with a text
  // code, its scale a whole number.
  const r = result as { steps: Step[]; rounding: { scale: number } };
  const scale = r.rounding.scale;
  if (scale < 0 || scale > 30) {
    return invalid([what], M.notAResult(MADE_BY[what]), { code: 'invalid_type' });
  }
  return r.steps.map((s, i) => {
    let text: string | undefined;
    try {
      text = render(s as S, scale, seps) as string | undefined;
    } catch {
      // A step whose figures cannot be read (edited, or from another version).
      return invalid([what, 'steps', i], M.notAStep(), { code: 'invalid_value' });
    }
    // A step this engine does not know (added by the caller) keeps its own text.
    return text ?? String((s as Step).text);
  });
}

/**
 * The sentences a channel manager would send about a cascade: what was cascaded over which
 * calendar, then every split with its figures (the even share, or the weighted rule, and who got
 * the leftover units). Figures are grouped at the cascade's scale; `locale` picks the grouping.
 *
 * @example
 * ```ts
 * const c = cascadeTarget({ calendar: defineGregorianCalendar({ year: 2026 }), levels: ['quarter'], spread: 'even' }, 100000000);
 * explainCascade(c);
 * //=> ['2026 (Gregorian, 2026-01-01 to 2026-12-31, 365 days): 100,000,000 cascaded to quarters, each level split exactly inside its parent by largest remainder.', '2026: 100,000,000 over 4 quarters, evenly: 25,000,000 each.']
 * ```
 */
export function explainCascade(cascade: TargetCascade, options?: ExplainOptions): string[] {
  try {
    cascade = readTargetResult(cascade, 'cascade', TargetCascadeShape());
    return explain(cascade, 'cascade', options, cascadeStepText);
  } catch (error) {
    throw wrapThrown(error);
  }
}

/**
 * The sentences of a tracking: the periods under way, what is due, what was sold, attainment,
 * gap and the forecasts, with their figures.
 *
 * @example
 * ```ts
 * const c = cascadeTarget({ calendar: defineGregorianCalendar({ year: 2026 }), levels: ['month'], spread: 'even' }, 1200);
 * explainTracking(trackTarget(c, { '2026-01': 90, '2026-02': 120 }, { asOf: '2026-02-28' })).slice(2, 4);
 * //=> ['Attainment: 210 / 200 = 105.00 %.', 'Gap: 200 − 210: 10 ahead of plan.']
 * ```
 */
export function explainTracking(tracking: TargetTracking, options?: ExplainOptions): string[] {
  try {
    tracking = readTargetResult(tracking, 'tracking', TargetTrackingShape());
    return explain(tracking, 'tracking', options, trackingStepText);
  } catch (error) {
    throw wrapThrown(error);
  }
}

/**
 * The sentences of a split: its locks, binding floors, the weighted split and the uplift.
 *
 * @example
 * ```ts
 * explainSplit(splitTarget([{ id: 'a', weight: 1 }, { id: 'b', weight: 2 }], 100));
 * //=> ['100 over 2 children by weight (3 in all): each gets 100 × its weight / 3, rounded down to whole units; the leftover 1 goes to b.']
 * ```
 */
export function explainSplit(split: TargetSplit, options?: ExplainOptions): string[] {
  try {
    split = readTargetResult(split, 'split', TargetSplitShape());
    return explain(split, 'split', options, splitStepText);
  } catch (error) {
    throw wrapThrown(error);
  }
}

/**
 * The sentences of a territory cascade: every node's split, top down.
 *
 * @example
 * ```ts
 * explainHierarchy(cascadeHierarchy({ id: 'brand', children: [{ id: 'north', weight: 2 }, { id: 'south', weight: 1 }] }, 1000));
 * //=> ['brand: 1,000 over 2 children by weight (3 in all): each gets 1,000 × its weight / 3, rounded down to whole units; the leftover 1 goes to north.']
 * ```
 */
export function explainHierarchy(hierarchy: TargetHierarchy, options?: ExplainOptions): string[] {
  try {
    hierarchy = readTargetResult(hierarchy, 'hierarchy', TargetHierarchyShape());
    return explain(hierarchy, 'hierarchy', options, splitStepText);
  } catch (error) {
    throw wrapThrown(error);
  }
}

/**
 * The sentences of an adjustment: the demand change, the rule that fired (or none) and the
 * adjusted target with its reward coefficient.
 *
 * @example
 * ```ts
 * const a = adjustTarget({ rules: [{ drop: 0.1, targetFactor: 0.92, rewardCoefficient: 1.05 }] }, { target: 8000000, demandChange: -0.12 });
 * explainAdjustment(a);
 * //=> ['Demand fell by 12.00 %.', 'rules[0] fires: the fall reaches its drop of 10.00 % (the largest drop reached).', 'Target 8,000,000 × 0.92 = 7,360,000; reward coefficient 1.05.']
 * ```
 */
export function explainAdjustment(adjustment: TargetAdjustment, options?: ExplainOptions): string[] {
  try {
    adjustment = readTargetResult(adjustment, 'adjustment', TargetAdjustmentShape());
    return explain(adjustment, 'adjustment', options, adjustmentStepText);
  } catch (error) {
    throw wrapThrown(error);
  }
}
