import { Decimal } from '../core/decimal.js';
import { IssueCollector, invalid, wrapThrown, type IssuePath } from '../core/errors.js';
import type * as z from 'zod/mini';
import { parseWith } from '../core/schema.js';
import { adopt, lazyFrozen, settle, type LazyTarget } from '../core/lazy.js';
import { uniqueLabels } from './matrix.js';
import { RISK_MESSAGES as M, describe, hasOwn } from './messages.js';
import { riskPolicySpecShape, type RiskDecisionThresholds, type RiskOverallMethod, type RiskPolicySpec } from './schema.js';
import { unitsOf } from './template.js';


/** A validated, frozen risk policy: scores, roll-up, decision thresholds and review cadence. */
export interface RiskPolicy {
  /** Always `'risk-policy'`. */
  readonly kind: 'risk-policy';
  /** A name for reports. */
  readonly name: string;
  /** The levels it speaks, lowest first (a template's levels must match). */
  readonly levels: readonly string[];
  /** The explicit numeric score of each level: ordinal levels are averaged only through it. */
  readonly scores: Readonly<Record<string, Decimal>>;
  /** The overall roll-up. */
  readonly overall: RiskOverallMethod;
  /** Decision thresholds (levels, inclusive); above `escalateUpTo` the decision is reject. */
  readonly decision: RiskDecisionThresholds;
  /** What factors without a finding do: nothing (`ignore`) or force at least `escalate`. */
  readonly unassessed: 'ignore' | 'escalate';
  /** Days to the next review per overall level. */
  readonly reviewCadenceDays: Readonly<Record<string, number>>;
}

/** A policy with its indexes. @internal */
export interface PolicyIndex {
  readonly policy: RiskPolicy;
  /** The built policy itself: a preset's `policy` reads every field through a getter, this does not. */
  readonly data: RiskPolicy;
  /** Score × 10^scoreScale per level index. */
  readonly sU: readonly number[];
  readonly sDec: readonly Decimal[];
  /** The scores as plain decimal texts, for step sentences. */
  readonly sText: readonly string[];
  readonly scoreScale: number;
  readonly approve: number;
  readonly conditional: number;
  readonly escalate: number;
  readonly escalateIfAny: number;
  readonly rejectIfAny: number;
  readonly cadence: readonly number[];
}

const INDEX = new WeakMap<object, PolicyIndex>();

function build(spec: RiskPolicySpec, path: IssuePath, preset?: z.output<typeof riskPolicySpecShape>, lazy?: LazyTarget<RiskPolicy>): PolicyIndex {
  const s = preset ?? parseWith(riskPolicySpecShape, spec, path);
  const issues = new IssueCollector();
  const lv = uniqueLabels(s.levels, [...path, 'levels'], issues);
  issues.throwIfAny();
  // Own properties only: a level named 'toString' or 'constructor' needs its own score.
  const everyLevel = (record: Record<string, unknown>, field: string, what: string) => {
    for (const l of s.levels) if (!hasOwn(record, l)) issues.add([...path, field, l], M.levelRequired(what), 'invalid_input', { code: 'required' });
    for (const key of Object.keys(record)) {
      if (!lv.has(key)) issues.add([...path, field, key], M.notALevel(key, s.levels), 'unknown_label', { code: 'unknown_label', received: JSON.stringify(key) });
    }
  };
  everyLevel(s.scores, 'scores', 'a score');
  everyLevel(s.reviewCadenceDays, 'reviewCadenceDays', 'a review cadence');
  issues.throwIfAny();
  const sDec = s.levels.map((l) => s.scores[l]!);
  let scoreScale = 0;
  sDec.forEach((d, k) => {
    const p = [...path, 'scores', s.levels[k]!];
    if (d.decimalPlaces() > 6 || d.gt(1000)) {
      issues.add(p, M.scoreRange(d), 'out_of_range', { code: 'out_of_range', expected: 'at most 1000, with at most 6 decimals', received: d.toFixed(), limit: d.gt(1000) ? '1000' : '0.000001' });
    }
    scoreScale = Math.max(scoreScale, d.decimalPlaces());
    if (k > 0 && !d.gt(sDec[k - 1]!)) {
      issues.add(p, M.scoreOrder(s.levels[k - 1]!, sDec[k - 1]!, d), 'out_of_range', { code: 'not_ascending', expected: `greater than ${sDec[k - 1]!.toFixed()}`, received: d.toFixed(), limit: sDec[k - 1]!.toFixed() });
    }
  });
  const level = (field: string, label: string | undefined): number => {
    if (label === undefined) return -1;
    const k = lv.get(label);
    if (k === undefined) {
      issues.add([...path, 'decision', field], M.notALevel(label, s.levels), 'unknown_label', { code: 'unknown_label', received: JSON.stringify(label) });
      return -1;
    }
    return k;
  };
  const d = s.decision;
  const approve = level('approveUpTo', d.approveUpTo);
  const conditional = level('conditionalUpTo', d.conditionalUpTo);
  const escalate = level('escalateUpTo', d.escalateUpTo);
  const escalateIfAny = level('escalateIfAnyFactorAtLeast', d.escalateIfAnyFactorAtLeast);
  const rejectIfAny = level('rejectIfAnyFactorAtLeast', d.rejectIfAnyFactorAtLeast);
  // conditional < approve with conditional >= 0 implies approve >= 1: an unknown approve (-1) never passes.
  if (conditional >= 0 && conditional < approve) {
    issues.add([...path, 'decision', 'conditionalUpTo'], M.thresholdLevelOrder('approveUpTo', d.approveUpTo, d.conditionalUpTo), 'out_of_range', {
      code: 'not_ascending',
      expected: `at least '${d.approveUpTo}'`,
      received: JSON.stringify(d.conditionalUpTo),
    });
  }
  // escalate < conditional with escalate >= 0 implies conditional >= 1: an unknown conditional (-1) never passes.
  if (escalate >= 0 && escalate < conditional) {
    issues.add([...path, 'decision', 'escalateUpTo'], M.thresholdLevelOrder('conditionalUpTo', d.conditionalUpTo, d.escalateUpTo), 'out_of_range', {
      code: 'not_ascending',
      expected: `at least '${d.conditionalUpTo}'`,
      received: JSON.stringify(d.escalateUpTo),
    });
  }
  issues.throwIfAny();
  // Object.fromEntries defines own properties, so even a level named '__proto__' stays a key.
  const scores = Object.fromEntries(s.levels.map((l) => [l, s.scores[l]!])) as Record<string, Decimal>;
  const cadence = Object.fromEntries(s.levels.map((l) => [l, s.reviewCadenceDays[l]!])) as Record<string, number>;
  const data: RiskPolicy = Object.freeze({
    kind: 'risk-policy' as const,
    name: s.name ?? 'custom',
    levels: Object.freeze([...s.levels]),
    scores: Object.freeze(scores),
    overall: Object.freeze({ ...s.overall }),
    decision: Object.freeze({
      approveUpTo: d.approveUpTo,
      conditionalUpTo: d.conditionalUpTo,
      escalateUpTo: d.escalateUpTo,
      ...(d.escalateIfAnyFactorAtLeast !== undefined ? { escalateIfAnyFactorAtLeast: d.escalateIfAnyFactorAtLeast } : {}),
      ...(d.rejectIfAnyFactorAtLeast !== undefined ? { rejectIfAnyFactorAtLeast: d.rejectIfAnyFactorAtLeast } : {}),
    }),
    unassessed: s.unassessed ?? 'ignore',
    reviewCadenceDays: Object.freeze(cadence),
  });
  const policy = adopt(lazy, data);
  const index: PolicyIndex = {
    policy,
    data,
    sU: sDec.map((x) => unitsOf(x, scoreScale)!),
    sDec,
    sText: sDec.map((d) => d.toFixed()),
    scoreScale,
    approve,
    conditional,
    escalate,
    escalateIfAny,
    rejectIfAny,
    cadence: s.levels.map((l) => cadence[l]!),
  };
  INDEX.set(policy, index);
  return index;
}

/**
 * Defines a risk policy: the explicit score of each level, the overall roll-up (`max`, `weighted`,
 * `k-worst`), the decision thresholds and the review cadence per level; validated once and frozen.
 *
 * Scores must rise with the levels; ordinal levels are averaged only through them. Decisions:
 * overall level ≤ `approveUpTo` approves, ≤ `conditionalUpTo` approves with conditions, ≤
 * `escalateUpTo` escalates, above it rejects; optional per-factor rules escalate or reject when any
 * factor reaches a level (so an average cannot hide one severe risk).
 *
 * @example
 * ```ts
 * const p = defineRiskPolicy({ ...dealerDueDiligencePolicy, overall: { method: 'k-worst', k: 3 } });
 * [p.overall.method, p.scores.high.toString(), p.reviewCadenceDays.moderate];
 * //=> ['k-worst', '8', 180]
 * ```
 */
export function defineRiskPolicy(spec: RiskPolicySpec): RiskPolicy {
  try {
    return build(spec, []).policy;
  } catch (error) {
    throw wrapThrown(error);
  }
}

/**
 * Defines one of dealerkit's preset policies from a spec written in the parsed form (Decimal
 * scores), built on first use and without the zod pass; the hand checks are {@link defineRiskPolicy}'s (see
 * `presetRiskMatrix`). @internal
 */
export function presetRiskPolicy(spec: z.output<typeof riskPolicySpecShape>): RiskPolicy {
  const keys = ['kind', 'name', 'levels', 'scores', 'overall', 'decision', 'unassessed', 'reviewCadenceDays'] as const;
  // Stryker disable next-line ArrayDeclaration: the path only prefixes issues, and a preset's spec (dealerkit's own, checked by its tests) raises none
  return lazyFrozen<RiskPolicy>(keys, (lazy) => build(spec as RiskPolicySpec, [], spec, lazy));
}

/** The index of a policy (a defined one, or a policy-like object validated). @internal */
export function policyIndex(value: unknown, path: IssuePath): PolicyIndex {
  if (typeof value === 'object' && value !== null) {
    const known = INDEX.get(value) ?? (settle(value), INDEX.get(value));
    if (known !== undefined) return known;
    return build(value as RiskPolicySpec, path);
  }
  return invalid(path, M.notA('a risk policy (from defineRiskPolicy)', value), { code: 'invalid_type', received: describe(value) });
}

/**
 * NIST SP 800-30 Rev. 1's semi-quantitative representative values of the five levels (Tables G-2
 * to I-3): very-low 0, low 2, moderate 5, high 8, very-high 10. An explicit numeric mapping for
 * weighted roll-ups.
 *
 * @example
 * ```ts
 * Object.values(nistRiskScores).map(String);
 * //=> ['0', '2', '5', '8', '10']
 * ```
 */
export const nistRiskScores: Readonly<Record<string, Decimal>> = Object.freeze({
  'very-low': new Decimal(0),
  low: new Decimal(2),
  moderate: new Decimal(5),
  high: new Decimal(8),
  'very-high': new Decimal(10),
});

/**
 * The policy that goes with {@link dealerDueDiligence}: NIST scores, the worst residual level
 * decides (`max`), approve up to low, conditional up to moderate, escalate at high, reject at
 * very-high; review after 730, 365, 180, 90 or 30 days by overall level.
 *
 * @example
 * ```ts
 * [dealerDueDiligencePolicy.overall.method, dealerDueDiligencePolicy.decision.conditionalUpTo, dealerDueDiligencePolicy.reviewCadenceDays['very-low']];
 * //=> ['max', 'moderate', 730]
 * ```
 */
export const dealerDueDiligencePolicy: RiskPolicy = presetRiskPolicy({
  name: 'dealer due diligence (worst level decides)',
  levels: ['very-low', 'low', 'moderate', 'high', 'very-high'],
  scores: nistRiskScores,
  overall: { method: 'max' },
  decision: { approveUpTo: 'low', conditionalUpTo: 'moderate', escalateUpTo: 'high' },
  unassessed: 'ignore',
  reviewCadenceDays: { 'very-low': 730, low: 365, moderate: 180, high: 90, 'very-high': 30 },
});
