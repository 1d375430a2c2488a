import { ZERO, type Decimal } from '../core/decimal.js';
import { invalid, wrapThrown } from '../core/errors.js';
import { parseWith } from '../core/schema.js';
import { compareMetric } from './calculate.js';
import type { RebateBenefit } from './program.js';
import { levelsShape, metricsSchema, type RebateComparison, type RebateLevelSpec, type RebateMetrics } from './schema.js';

/** How one criterion of a level was met. */
export interface RebateCriterionResult {
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
export interface RebateLevelResult {
  /** The level's position, lowest first. */
  index: number;
  /** The level's name. */
  name: string;
  /** True when every criterion holds. */
  qualified: boolean;
  /** Every criterion's outcome. */
  criteria: RebateCriterionResult[];
  /** The criteria that failed. */
  failed: RebateCriterionResult[];
}

/** The level a partner reached, with what it carries. */
export interface RebateLevelReached {
  /** The level's position, lowest first. */
  index: number;
  /** The level's name. */
  name: string;
  /** The level's rebate rate, or null. */
  rate: Decimal | null;
  /** The level's named extra amounts. */
  benefits: RebateBenefit[];
}

/** The result of {@link qualifyLevel}. */
export interface RebateLevelQualification {
  /** The highest level whose criteria all hold, or null. */
  level: RebateLevelReached | null;
  /** Every level, lowest first, with each criterion's outcome. */
  levels: RebateLevelResult[];
  /** The next level above the one reached (the lowest if none), with what it still needs; null at the top. */
  next: RebateLevelResult | null;
}

/**
 * Finds a partner's level (Bronze, Silver, Gold): the highest level whose criteria all hold, and for
 * every level the criteria that failed and by how much.
 *
 * Levels are listed lowest first; a strict `>` or `<` criterion that fails by exactly 0 reports a
 * shortfall of 0 (any amount beyond the value passes).
 *
 * @example
 * ```ts
 * const q = qualifyLevel(
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
export function qualifyLevel(levels: readonly RebateLevelSpec[], metrics: RebateMetrics): RebateLevelQualification {
  try {
    const ls = parseWith(levelsShape, levels, ['levels']);
    const ms = parseWith(metricsSchema, metrics, ['metrics']);
    const names = new Map<string, number>();
    ls.forEach((l, i) => {
      const first = names.get(l.name);
      if (first !== undefined) invalid(['levels', i, 'name'], `${JSON.stringify(l.name)} is listed twice (first at levels[${first}])`);
      names.set(l.name, i);
      l.criteria.forEach((c, j) => {
        if (ms[c.metric] === undefined) invalid(['metrics', c.metric], `is required by levels[${i}].criteria[${j}]`);
      });
    });
    const results: RebateLevelResult[] = ls.map((l, i) => {
      const criteria = l.criteria.map((c) => {
        const op = c.op ?? '>=';
        const value = ms[c.metric]!;
        const passed = compareMetric(value, op, c.value);
        const gap = op === '>=' || op === '>' ? c.value.minus(value) : value.minus(c.value);
        return { metric: c.metric, op, required: c.value, value, passed, shortfall: passed ? ZERO : gap.isZero() ? ZERO : gap };
      });
      const failed = criteria.filter((c) => !c.passed);
      return { index: i, name: l.name, qualified: failed.length === 0, criteria, failed };
    });
    let reached = -1;
    for (let i = results.length - 1; i >= 0; i--) {
      if (results[i]!.qualified) {
        reached = i;
        break;
      }
    }
    const spec = reached >= 0 ? ls[reached]! : null;
    return {
      level:
        spec === null
          ? null
          : {
              index: reached,
              name: spec.name,
              rate: spec.rate ?? null,
              benefits: Object.entries(spec.benefits ?? {}).map(([name, amount]) => ({ name, amount })),
            },
      levels: results,
      next: reached + 1 < results.length ? results[reached + 1]! : null,
    };
  } catch (error) {
    throw wrapThrown(error);
  }
}
