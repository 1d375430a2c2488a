// The types of a dealer's score and of a dealer read for scoring: below the reading, the gates and
// the scoring that build them.
import { Decimal } from '../core/decimal.js';
import type { Warning } from '../core/result.js';
import { type KpiGate } from './scorecard.js';
import type { KpiMissingPolicy, KpiStagePolicy } from './schema.js';
import { type KpiStageShare, type KpiStageStep, type KpiStep } from './steps.js';

/** One hard standard as applied to a dealer. */
export interface KpiGateResult {
  /** The KPI compared. */
  kpi: string;
  /** The comparison required (`actual op value`). */
  op: KpiGate['op'];
  /** The value compared with. */
  value: Decimal | boolean;
  /** The dealer's actual, or null when missing (a standard that cannot be verified fails). */
  actual: Decimal | boolean | null;
  /** Whether the standard was met. */
  passed: boolean;
  /** The effect of failing it. */
  effect: KpiGate['effect'];
  /** What this gate changed the score by (0 when passed or when only the grade is capped). */
  adjustment: Decimal;
}

/** What the missing-data policy did to a dealer's score. */
export interface KpiMissingReport {
  /** The scorecard's policy. */
  policy: KpiMissingPolicy;
  /** The KPIs whose actual was missing, in scorecard order. */
  kpis: string[];
}

/**
 * A dealer's score: the score, its grade, and the `steps` that reproduce both by hand (one
 * `kpi-points` step per KPI with its actual, target, attainment, points, weight and contribution).
 */
export interface KpiScoreResult {
  /** The dealer's id, or null when the input had none. */
  id: string | number | null;
  /** The final score: `weightedScore` plus every gate's adjustment. */
  score: Decimal;
  /** The sum of the KPIs' contributions, before gates (rounded once under `rounding.stage: 'total'`). */
  weightedScore: Decimal;
  /** The grade of the final score, capped by failed `capGrade` gates; null below the lowest grade. */
  grade: string | null;
  /** The grade the final score alone would earn. */
  gradeByScore: string | null;
  /** One entry per gate, in the scorecard's order. */
  gates: KpiGateResult[];
  /** The weights applied per KPI (after proration and reweighting). */
  weights: Record<string, Decimal>;
  /** The stages behind the weights and their shares. */
  stageShares: KpiStageShare[];
  /** How the stages were combined: `'single'` for one `stage`, else the dealer's policy. */
  policy: 'single' | KpiStagePolicy;
  /** The missing-data policy and the KPIs it applied to. */
  missing: KpiMissingReport;
  /** What to look at: a ratio given as a percentage (`percent-like-metric`), a missing actual (`missing-actual`). */
  warnings: Warning[];
  /** How the score was reached, in order: stage weights, each KPI, the weighted score, gates, grade. */
  steps: KpiStep[];
}

/** Options of {@link scoreDealer}. */
export interface ScoreDealerOptions {
  /**
   * Decimal places of reported ratios derived by division (here the attainment of a scorecard
   * without line rounding), rounded half-up; 10 when omitted. Decisions read the exact quotient.
   */
  ratioScale?: number;
}

/** The stage weights a dealer's input resolves to. @internal */
export interface ResolvedWeights {
  weights: readonly Decimal[];
  shares: KpiStageShare[];
  policy: 'single' | KpiStagePolicy;
  /** The stage name when a single stage applies (its cached, frozen weights can be shared). */
  single: string | null;
  /** The stage step (frozen and shared for a single stage). */
  step: KpiStageStep;
}

/** A dealer's input read and validated against a scorecard. @internal */
export interface ReadDealer {
  id: string | number | null;
  resolved: ResolvedWeights;
  actuals: (Decimal | boolean | null)[];
  targets: (Decimal | null)[];
}
