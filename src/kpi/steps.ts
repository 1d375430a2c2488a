// The steps of a KPI score and the words of their texts: one builder per step kind, used by the
// scoring (the batch path's results build their steps through it on first read) and the explain
// functions (with a locale's separators), so every text is written once.
import type { Decimal } from '../core/decimal.js';
import type { IsoDate } from '../core/dates.js';
import type { Step } from '../core/result.js';
import { fmtAmount, fmtPercent, groupDigits, type separatorsOf } from '../core/format.js';
import { KPI_WORDS as W } from './messages.js';
import type { KpiGateOp, KpiScoringSpec, KpiStagePolicy } from './schema.js';
import type { KpiGateEffect } from './scorecard.js';

/** Digit grouping and decimal mark of the texts. @internal */
export type Separators = ReturnType<typeof separatorsOf>;

/** Places of attainment, points, contributions and scores in texts (the figures themselves are exact). */
const TEXT_PLACES = 2;
/** At most this many places of a weight in texts. */
const WEIGHT_PLACES = 4;

/** One stage's share of a dealer's weights. */
export interface KpiStageShare {
  /** The stage. */
  stage: string;
  /** First day counted (null for a single `stage`). */
  from: IsoDate | null;
  /** Last day counted (null for a single `stage`). */
  to: IsoDate | null;
  /** Days of the period in this stage (null for a single `stage`). */
  days: number | null;
  /** The stage's share of the weights: `days / days in the period`, or 1. */
  share: Decimal;
}

/** Which weights apply: one stage, the stage on the period's start or end, or stages prorated by days. */
export interface KpiStageStep extends Step {
  /** The step kind. */
  code: 'stage-weights';
  /** `'single'` for one `stage`, else the dealer's policy. */
  policy: 'single' | KpiStagePolicy;
  /** The stages behind the weights with their days and shares. */
  shares: KpiStageShare[];
}

/** Missing actuals under `missing: 'reweight'`: the weights of the KPIs present divided by their sum. */
export interface KpiReweightStep extends Step {
  /** The step kind. */
  code: 'reweight';
  /** The KPIs without an actual. */
  missing: string[];
  /** The sum of the present KPIs' stage weights, which each of them is divided by. */
  presentWeight: Decimal;
}

/** One KPI: how its actual became points and what it contributed. */
export interface KpiPointsStep extends Step {
  /** The step kind. */
  code: 'kpi-points';
  /** The KPI's id. */
  kpi: string;
  /** The KPI's display name. */
  label: string;
  /** The scoring rule. */
  rule: KpiScoringSpec['type'];
  /** The actual (a boolean for boolean KPIs), or null when missing. */
  actual: Decimal | boolean | null;
  /** The target used, or null when none applies. */
  target: Decimal | null;
  /**
   * `actual / target × 100` (a percentage) when there is a target, else null: rounded to the
   * scorecard's `rounding.scale` when it rounds lines (the points use that figure), otherwise
   * reported rounded to `ratioScale` places (the points use the exact quotient).
   */
  attainment: Decimal | null;
  /** The KPI's points (100 = on target); 0 for a missing actual under `'zero'`, null under `'reweight'`. */
  points: Decimal | null;
  /** `'floor'` or `'cap'` when the rule's floor or cap set the points, else null. */
  clamp: 'floor' | 'cap' | null;
  /** The weight applied (after proration and reweighting). */
  weight: Decimal;
  /** `points × weight`, exactly; the contributions sum to the weighted score. */
  contribution: Decimal;
  /** True when the actual was missing. */
  missing: boolean;
}

/** The sum of the contributions (rounded once under `rounding.stage: 'total'`). */
export interface KpiWeightedScoreStep extends Step {
  /** The step kind. */
  code: 'weighted-score';
  /** The exact sum of the contributions. */
  sum: Decimal;
  /** The weighted score: the sum, rounded under `rounding.stage: 'total'`. */
  weightedScore: Decimal;
  /** How many contributions were summed (one per KPI). */
  contributions: number;
  /** The rounding applied to the sum, or null. */
  rounding: {
    /** Decimal places the sum was rounded to. */
    scale: number;
    /** The rounding mode used. */
    mode: string;
  } | null;
}

/** One hard standard as applied to a dealer. */
export interface KpiGateStep extends Step {
  /** The step kind. */
  code: 'gate';
  /** The KPI compared. */
  kpi: string;
  /** Its display name. */
  label: string;
  /** The comparison required (`actual op value`). */
  op: KpiGateOp;
  /** The value compared with. */
  value: Decimal | boolean;
  /** The dealer's actual, or null when missing (a standard that cannot be verified is not met). */
  actual: Decimal | boolean | null;
  /** Whether the standard was met. */
  passed: boolean;
  /** What failing it does. */
  effect: KpiGateEffect;
  /** What the gate changed the score by (0 when met or when only the grade is capped). */
  adjustment: Decimal;
}

/** The weighted score taken to the final score by the gates' adjustments (only when a gate changed it). */
export interface KpiScoreStep extends Step {
  /** The step kind. */
  code: 'score';
  /** The weighted score. */
  weightedScore: Decimal;
  /** The sum of the gates' adjustments. */
  adjustment: Decimal;
  /** The final score. */
  score: Decimal;
}

/** The grade of the final score (only when the scorecard has grades). */
export interface KpiGradeStep extends Step {
  /** The step kind. */
  code: 'grade';
  /** The final score. */
  score: Decimal;
  /** The grade the score earns, or null below the lowest grade. */
  gradeByScore: string | null;
  /** The grade after failed `capGrade` gates. */
  grade: string | null;
  /** The grade whose minimum is compared: the one earned, or the lowest when none is. */
  minOf: string;
  /** That grade's minimum score. */
  min: Decimal;
}

/** Every kind of step of a KPI score, in the order they happen. */
export type KpiStep = KpiStageStep | KpiReweightStep | KpiPointsStep | KpiWeightedScoreStep | KpiGateStep | KpiScoreStep | KpiGradeStep;

// ---- numbers in texts ----

/** A figure as given: all its digits, grouped. @internal */
export function plainText(d: Decimal, seps?: Separators): string {
  return seps === undefined ? groupDigits(d.toFixed(), { group: ',', decimal: '.' }) : groupDigits(d.toFixed(), seps);
}

/** A weight: at most 4 places, no trailing zeros beyond its own. @internal */
export function weightText(d: Decimal, seps?: Separators): string {
  // Stryker disable next-line EqualityOperator: a weight of exactly 4 places reads the same either way (all its places, or 4)
  return d.decimalPlaces() <= WEIGHT_PLACES ? plainText(d, seps) : fmtAmount(d, WEIGHT_PLACES, seps);
}

/** Points, contributions and scores at the text's places. @internal */
export function pointsText(d: Decimal, seps?: Separators): string {
  return fmtAmount(d, TEXT_PLACES, seps);
}

/** An actual: yes/no for a boolean, all its digits otherwise. @internal */
export function actualText(a: Decimal | boolean, seps?: Separators): string {
  return typeof a === 'boolean' ? (a ? W.yes : W.no) : plainText(a, seps);
}

/** The words after "points" naming how a rule made them (empty for a plain ratio); `points` is their text. @internal */
export function ruleText(rule: KpiScoringSpec['type'], clamp: 'floor' | 'cap' | null, points: string): string {
  if (clamp === 'floor') return W.ruleFloor(points);
  if (clamp === 'cap') return W.ruleCap(points);
  switch (rule) {
    case 'reduction':
      return W.ruleReduction;
    case 'deviation':
      return W.ruleDeviation;
    case 'curve':
      return W.ruleCurve;
    case 'bands':
      return W.ruleBands;
    default:
      return '';
  }
}

/** The text of a KPI step from its figures. @internal */
export function pointsStepText(s: Omit<KpiPointsStep, 'code' | 'text'>, seps?: Separators): string {
  if (s.actual === null) return s.points === null ? W.missingReweight(s.label) : W.missingZero(s.label, weightText(s.weight, seps));
  const points = pointsText(s.points!, seps);
  const [actual, rule, weight, contribution] = [actualText(s.actual, seps), ruleText(s.rule, s.clamp, points), weightText(s.weight, seps), pointsText(s.contribution, seps)];
  return s.target === null || s.attainment === null
    ? W.pointsWithout(s.label, actual, points, rule, weight, contribution)
    : W.pointsWith(s.label, actual, plainText(s.target, seps), pointsText(s.attainment, seps), points, rule, weight, contribution);
}

/** A KPI step from its figures (written out: a spread of figures of many shapes is slow). @internal */
export function pointsStep(f: Omit<KpiPointsStep, 'code' | 'text'>): KpiPointsStep {
  const { kpi, label, rule, actual, target, attainment, points, clamp, weight, contribution, missing } = f;
  return { code: 'kpi-points', kpi, label, rule, actual, target, attainment, points, clamp, weight, contribution, missing, text: pointsStepText(f) };
}

/** The text of the stage step. @internal */
export function stageText(policy: 'single' | KpiStagePolicy, shares: readonly KpiStageShare[], seps?: Separators): string {
  const first = shares[0]!;
  if (policy === 'single') return W.stageSingle(first.stage);
  if (policy === 'end') return W.stageOn(first.stage, first.to!, 'end');
  if (policy === 'start') return W.stageOn(first.stage, first.from!, 'start');
  const last = shares[shares.length - 1]!;
  const total = shares.reduce((n, s) => n + s.days!, 0);
  return W.stageProrated(first.from!, last.to!, total, shares.map((s) => W.stagePart(s.stage, s.days!, fmtPercent(s.share, 2, seps))).join(', '));
}

const OP_TEXT: Readonly<Record<KpiGateOp, string>> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '==': '=', '!=': '≠' };

/** The text of a gate step. @internal */
export function gateText(s: Omit<KpiGateStep, 'code' | 'text'>, seps?: Separators): string {
  const value = typeof s.value === 'boolean' ? actualText(s.value) : plainText(s.value, seps);
  const actual = s.actual === null ? W.gateNoActual : actualText(s.actual, seps);
  let outcome: string;
  if (s.passed) outcome = W.gatePassed;
  else if (s.effect === 'zero') outcome = W.gateZero(signed(s.adjustment, seps));
  else if ('capScore' in s.effect) {
    outcome = s.adjustment.isZero() ? W.gateCapScoreBelow(plainText(s.effect.capScore, seps)) : W.gateCapScore(plainText(s.effect.capScore, seps), signed(s.adjustment, seps));
  } else outcome = W.gateCapGrade(s.effect.capGrade);
  return W.gate(s.label, OP_TEXT[s.op], value, actual, outcome);
}

/** An adjustment with its sign: `−27.50`, `+0.00`. @internal */
export function signed(d: Decimal, seps?: Separators): string {
  const t = pointsText(d.abs(), seps);
  return d.isNegative() && !d.isZero() ? `− ${t}` : `+ ${t}`;
}

/** The text of the weighted-score step. @internal */
export function weightedScoreText(s: Omit<KpiWeightedScoreStep, 'code' | 'text'>, seps?: Separators): string {
  if (s.rounding === null) return W.weightedScore(pointsText(s.weightedScore, seps), s.contributions);
  const shown = Math.min(Math.max(s.sum.decimalPlaces(), TEXT_PLACES), 10);
  return W.weightedScoreRounded(fmtAmount(s.sum, shown, seps), s.contributions, s.rounding.scale, s.rounding.mode, plainText(s.weightedScore, seps));
}

/** The text of the score step (gates changed the weighted score). @internal */
export function scoreText(s: Omit<KpiScoreStep, 'code' | 'text'>, seps?: Separators): string {
  return W.score(pointsText(s.weightedScore, seps), signed(s.adjustment, seps), pointsText(s.score, seps));
}

/** The text of the grade step. @internal */
export function gradeText(gradeByScore: string | null, grade: string | null, minOf: string, min: Decimal, seps?: Separators): string {
  if (gradeByScore === null) return W.noGrade(minOf, plainText(min, seps));
  if (grade !== gradeByScore) return W.gradeCapped(gradeByScore, plainText(min, seps), grade!);
  return W.grade(gradeByScore, plainText(min, seps));
}
