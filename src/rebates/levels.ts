import { readResult } from '../core/result-check.js';
import { PartnerLevelResultShape } from '../core/result-shapes.js';
import { ZERO, type Decimal } from '../core/decimal.js';
import { IssueCollector, wrapThrown } from '../core/errors.js';
import { fmtExactPercent, groupDigits, separatorsOf } from '../core/format.js';
import type { ExplainOptions, Step, Warning } from '../core/result.js';
import { namesAFraction, parseWith } from '../core/schema.js';
import { REBATE_MESSAGES, REWARD_MESSAGES as M } from './messages.js';
import type { RebateBenefit } from './program.js';
import { levelsShape, metricsSchema, type PartnerLevelSpec, type RebateComparison, type RebateMetrics } from './schema.js';

/** How one criterion of a level was met. */
export interface PartnerLevelCriterionResult {
  /** The metric's key. */
  metric: string;
  /** The comparison. */
  op: RebateComparison;
  /** The value the criterion requires. */
  required: Decimal;
  /** The metric's value supplied. */
  value: Decimal;
  /** Whether the criterion holds. */
  passed: boolean;
  /** How far the value is from passing (0 when it passes): required − value for ≥ and >, value − required for ≤ and <. */
  shortfall: Decimal;
}

/** How one level was assessed. */
export interface PartnerLevelOutcome {
  /** The level's position, lowest first. */
  index: number;
  /** The level's name. */
  name: string;
  /** True when every criterion holds. */
  qualified: boolean;
  /** Every criterion's outcome. */
  criteria: PartnerLevelCriterionResult[];
  /** The criteria that failed. */
  failed: PartnerLevelCriterionResult[];
}

/** The level a partner reached, with what it carries. */
export interface PartnerLevelReached {
  /** The level's position, lowest first. */
  index: number;
  /** The level's name. */
  name: string;
  /** The level's rebate rate, or null. */
  rate: Decimal | null;
  /** The level's named extra amounts. */
  benefits: RebateBenefit[];
}

/** Step `level-criterion`: one criterion of one level, met or not. */
export interface PartnerLevelCriterionStep extends Step, PartnerLevelCriterionResult {
  /** Always `'level-criterion'`. */
  code: 'level-criterion';
  /** The level's name. */
  level: string;
}

/** Step `level-reached`: the highest level whose criteria all hold (null: none), with the criteria that decided it. */
export interface PartnerLevelReachedStep extends Step {
  /** Always `'level-reached'`. */
  code: 'level-reached';
  /** The level reached, or null. */
  level: PartnerLevelReached | null;
  /** The reached level's criteria (empty when none is reached). */
  criteria: PartnerLevelCriterionResult[];
}

/** Step `level-next`: the level above the one reached and the criteria it still needs. */
export interface PartnerLevelNextStep extends Step {
  /** Always `'level-next'`. */
  code: 'level-next';
  /** The next level's name. */
  level: string;
  /** Its failed criteria, each with its shortfall. */
  missing: PartnerLevelCriterionResult[];
}

/** One step of {@link calculatePartnerLevel}, told apart by `code`. */
export type PartnerLevelStep = PartnerLevelCriterionStep | PartnerLevelReachedStep | PartnerLevelNextStep;

/** The result of {@link calculatePartnerLevel}. */
export interface PartnerLevelResult {
  /** The highest level whose criteria all hold, or null. */
  level: PartnerLevelReached | null;
  /** Every level, lowest first, with each criterion's outcome. */
  levels: PartnerLevelOutcome[];
  /** The next level above the one reached (the lowest if none), with what it still needs; null at the top. */
  next: PartnerLevelOutcome | null;
  /** `percent-like-metric`: a ratio criterion (threshold ≤ 1) met by a value above 1, probably a percentage. */
  warnings: Warning[];
  /** Every criterion of every level, then the level reached and what the next one needs. */
  steps: PartnerLevelStep[];
}

type Separators = ReturnType<typeof separatorsOf>;

const OP_SIGN: Record<RebateComparison, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };

function meets(value: Decimal, op: RebateComparison, required: Decimal): boolean {
  if (op === '>=') return value.gte(required);
  if (op === '>') return value.gt(required);
  if (op === '<=') return value.lte(required);
  return value.lt(required);
}

/** A figure as given, digits grouped (levels carry no currency, so no scale is imposed). */
function figure(d: Decimal, seps: Separators): string {
  return groupDigits(d.toFixed(), seps);
}

function gapText(c: PartnerLevelCriterionResult, seps: Separators): string | null {
  if (c.passed) return null;
  if (c.shortfall.isZero()) return null;
  return c.op === '>=' || c.op === '>' ? M.criterionShort(figure(c.shortfall, seps)) : M.criterionOver(figure(c.shortfall, seps));
}

function criterionText(level: string, c: PartnerLevelCriterionResult, seps: Separators): string {
  const outcome = c.passed ? M.criterionMet : (gapText(c, seps) ?? M.criterionNotMet);
  return M.criterionText(level, c.metric, figure(c.value, seps), OP_SIGN[c.op], figure(c.required, seps), outcome);
}

function reachedText(step: Omit<PartnerLevelReachedStep, 'text'>, seps: Separators): string {
  const l = step.level;
  if (l === null) return M.noLevel;
  const criteria = step.criteria.map((c) => `${c.metric} ${figure(c.value, seps)} ${OP_SIGN[c.op]} ${figure(c.required, seps)}`).join(' and ');
  const benefits = l.benefits.length === 0 ? null : l.benefits.map((b) => `${b.name} ${figure(b.amount, seps)}`).join(', ');
  return M.levelReached(l.name, criteria, l.rate === null ? null : fmtExactPercent(l.rate, seps), benefits);
}

function nextText(step: Omit<PartnerLevelNextStep, 'text'>, seps: Separators): string {
  const needs = step.missing.map((c) => M.levelNeed(c.metric, OP_SIGN[c.op], figure(c.required, seps), figure(c.value, seps), gapText(c, seps)));
  return M.levelNeeds(step.level, needs.join(' and '));
}

function render(step: PartnerLevelStep, seps: Separators): string {
  if (step.code === 'level-criterion') return criterionText(step.level, step, seps);
  if (step.code === 'level-reached') return reachedText(step, seps);
  return nextText(step, seps);
}

/**
 * Finds a partner's level (Bronze, Silver, Gold): the highest level whose criteria all hold, and for
 * every level the criteria that failed and by how much.
 *
 * Levels are listed lowest first; a strict `>` or `<` criterion that fails by exactly 0 reports a
 * shortfall of 0 (any amount beyond the value passes). A level's `rate` is a fraction (0.02 for
 * 2 %; `2` is refused with `percent_as_whole_number`). A criterion on a metric named as a ratio,
 * rate or share (`marketCoverageRatio`) with a threshold of at most 1, met by a value above 1,
 * gets a `percent-like-metric` warning: 62 was probably meant as 0.62.
 *
 * @param levels - The levels, lowest first, each with its criteria (`metric`, `op` default `'>='`, `value`).
 * @param metrics - The partner's metric values by name.
 * @example
 * ```ts
 * const q = calculatePartnerLevel(
 *   [
 *     { name: 'Silver', criteria: [{ metric: 'sales', value: 5e6 }, { metric: 'coverage', value: '0.5' }] },
 *     { name: 'Gold', criteria: [{ metric: 'sales', value: 8e6 }, { metric: 'coverage', value: '0.7' }] },
 *   ],
 *   { sales: 8.5e6, coverage: '0.62' },
 * );
 * [q.level?.name, q.next?.failed.map((c) => `${c.metric} short by ${c.shortfall}`)];
 * //=> ['Silver', ['coverage short by 0.08']]
 * ```
 */
export function calculatePartnerLevel(levels: readonly PartnerLevelSpec[], metrics: RebateMetrics): PartnerLevelResult {
  try {
    const ls = parseWith(levelsShape, levels, ['levels']);
    const ms = parseWith(metricsSchema, metrics, ['metrics']);
    // Metric names are the user's text: only the object's own keys count (`toString` is not a metric).
    const valueOf = (name: string): Decimal | undefined => (Object.prototype.hasOwnProperty.call(ms, name) ? ms[name] : undefined);
    const issues = new IssueCollector();
    const names = new Map<string, number>();
    ls.forEach((l, i) => {
      const first = names.get(l.name);
      if (first !== undefined) issues.add(['levels', i, 'name'], M.levelListedTwice(l.name, first), 'invalid_input', { code: 'duplicate', received: JSON.stringify(l.name) });
      else names.set(l.name, i);
      l.criteria.forEach((c, j) => {
        if (valueOf(c.metric) === undefined) issues.add(['metrics', c.metric], M.metricRequiredByLevel(i, j, l.name), 'invalid_input', { code: 'required' });
      });
    });
    issues.throwIfAny();

    const warnings: Warning[] = [];
    const warned = new Set<string>();
    const outcomes: PartnerLevelOutcome[] = ls.map((l, i) => {
      const criteria = l.criteria.map((c): PartnerLevelCriterionResult => {
        const op = c.op ?? '>=';
        const value = valueOf(c.metric)!;
        const passed = meets(value, op, c.value);
        const gap = op === '>=' || op === '>' ? c.value.minus(value) : value.minus(c.value);
        if (namesAFraction(c.metric) && c.value.lte(1) && value.gt(1) && !warned.has(c.metric)) {
          warned.add(c.metric);
          warnings.push({
            code: 'percent-like-metric',
            message: REBATE_MESSAGES.percentLikeMetric(c.metric, value.toFixed(), c.value.toFixed()),
            path: ['metrics', c.metric],
          });
        }
        return { metric: c.metric, op, required: c.value, value, passed, shortfall: passed ? ZERO : gap };
      });
      const failed = criteria.filter((c) => !c.passed);
      return { index: i, name: l.name, qualified: failed.length === 0, criteria, failed };
    });
    let reached = -1;
    for (let i = outcomes.length - 1; i >= 0; i--) {
      if (outcomes[i]!.qualified) {
        reached = i;
        break;
      }
    }
    const spec = reached >= 0 ? ls[reached]! : null;
    const level: PartnerLevelReached | null =
      spec === null
        ? null
        : {
            index: reached,
            name: spec.name,
            rate: spec.rate ?? null,
            benefits: Object.entries(spec.benefits ?? {}).map(([name, amount]) => ({ name, amount })),
          };
    const next = reached + 1 < outcomes.length ? outcomes[reached + 1]! : null;

    const en = separatorsOf(undefined, []);
    const steps: PartnerLevelStep[] = [];
    for (const o of outcomes) {
      for (const c of o.criteria) steps.push({ code: 'level-criterion', level: o.name, ...c, text: criterionText(o.name, c, en) });
    }
    const reachedStep = { code: 'level-reached' as const, level, criteria: reached >= 0 ? outcomes[reached]!.criteria : [] };
    steps.push({ ...reachedStep, text: reachedText(reachedStep, en) });
    if (next !== null) {
      const nextStep = { code: 'level-next' as const, level: next.name, missing: next.failed };
      steps.push({ ...nextStep, text: nextText(nextStep, en) });
    }
    return { level, levels: outcomes, next, warnings, steps };
  } catch (error) {
    throw wrapThrown(error);
  }
}

/**
 * The sentences a channel manager would send about a partner's level: the level reached and the
 * criteria that earned it (with its rate and benefits), then what the next level still needs.
 *
 * @param result - A result of {@link calculatePartnerLevel}.
 * @param options - `locale` for the digit grouping (English by default).
 * @example
 * ```ts
 * explainPartnerLevel(calculatePartnerLevel(
 *   [{ name: 'Silver', criteria: [{ metric: 'sales', value: 5e6 }], rate: '0.02' }, { name: 'Gold', criteria: [{ metric: 'sales', value: 8e6 }] }],
 *   { sales: 6e6 },
 * ));
 * //=> ['Silver reached: sales 6,000,000 ≥ 5,000,000; rate 2 %.', 'Gold needs sales ≥ 8,000,000 (now 6,000,000, 2,000,000 short).']
 * ```
 */
export function explainPartnerLevel(result: PartnerLevelResult, options?: ExplainOptions): string[] {
  try {
    result = readResult(result, 'result', PartnerLevelResultShape());
    const seps = separatorsOf(options?.locale, ['options', 'locale']);
    return result.steps.filter((s) => s.code !== 'level-criterion').map((s) => render(s, seps));
  } catch (error) {
    throw wrapThrown(error);
  }
}
