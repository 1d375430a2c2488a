// The types of an assessment (results, steps, options), between the template and policy they name and
// the engine that builds them.
import type { BatchOptions, BatchResult } from '../core/batch.js';
import type { DateInput, IsoDate } from '../core/dates.js';
import type { Decimal } from '../core/decimal.js';
import type { Step, Warning } from '../core/result.js';
import type { RiskControl, RiskFinding } from './finding.js';
import type { RiskPolicy } from './policy.js';
import type { RiskPolicySpec } from './schema.js';
import type { RiskTemplate } from './template.js';

/** A cell of a factor's matrix and its level. */
export interface RiskRating {
  /** The likelihood label. */
  readonly likelihood: string;
  /** The impact label. */
  readonly impact: string;
  /** The matrix's level for the cell. */
  readonly level: string;
}

/** One assessed factor. */
export interface AssessedRiskFactor {
  /** The factor's id. */
  readonly factor: string;
  /** Its title. */
  readonly title: string;
  /** Its category. */
  readonly category: string;
  /** Its weight. */
  readonly weight: Decimal;
  /** The name of its matrix. */
  readonly matrix: string;
  /** Before controls. */
  readonly inherent: RiskRating;
  /** After controls (equal to inherent without controls). */
  readonly residual: RiskRating;
  /** The policy's score of the residual level. */
  readonly score: Decimal;
  /** The controls in place. */
  readonly controls: readonly RiskControl[];
  /** True when this factor knocked the partner out. */
  readonly knockout: boolean;
  /** The finding's note, or `''`. */
  readonly note: string;
}

/** The roll-up of one category. */
export interface RiskCategoryRollup {
  /** The category. */
  readonly category: string;
  /** How many of its factors were assessed. */
  readonly assessed: number;
  /** The worst residual level among them, or null when none was assessed. */
  readonly worst: string | null;
  /** Σ weight × score over its assessed factors. */
  readonly weightedSum: Decimal;
  /** Σ weight over its assessed factors. */
  readonly weightTotal: Decimal;
  /** weightedSum / weightTotal rounded half-even to 6 places, or null when none was assessed. */
  readonly score: Decimal | null;
}

/** The overall roll-up (the `overall` step says how it was reached). */
export interface RiskOverall {
  /** The policy's method. */
  readonly method: 'max' | 'weighted' | 'k-worst';
  /** The overall level. */
  readonly level: string;
  /** The overall score: the worst level's score (`max`), the weighted mean, or the mean of the k worst, rounded half-even to 6 places. */
  readonly score: Decimal;
  /** The sum behind the score (Σ weight × score, or Σ of the k worst scores). */
  readonly sum: Decimal;
  /** What it is divided by (Σ weight, or the number of scores taken). */
  readonly divisor: Decimal;
  /** The factors the level comes from. */
  readonly basis: readonly string[];
}

/** Counts of factors per cell of one matrix. */
export interface RiskHeatMap {
  /** The matrix name. */
  readonly matrix: string;
  /** Its likelihood labels (row order). */
  readonly likelihood: readonly string[];
  /** Its impact labels (column order). */
  readonly impact: readonly string[];
  /** `inherent[l][i]`: how many factors sit in each cell before controls. */
  readonly inherent: number[][];
  /** After controls. */
  readonly residual: number[][];
}

/** A knock-out found. */
export interface RiskKnockout {
  /** The factor. */
  readonly factor: string;
  /** The template's reason. */
  readonly reason: string;
  /** `finding` when the finding was flagged, `level` when the residual reached the factor's knock-out level. */
  readonly trigger: 'finding' | 'level';
  /** The finding's note. */
  readonly note: string;
}

/** A decision. */
export type RiskDecision = 'approve' | 'conditional' | 'escalate' | 'reject';

/** A rule of the decision, in the order applied (each is a step of the assessment). */
export type RiskDecisionRule = 'knockout' | 'unassessed' | 'worst-factor' | 'overall-level';

/** A mitigation a conditional approval requires. */
export interface RiskMitigation {
  /** The factor. */
  readonly factor: string;
  /** Its title. */
  readonly title: string;
  /** Its residual level now. */
  readonly residualLevel: string;
  /** The level it must come down to (the policy's `approveUpTo`). */
  readonly targetAtMost: string;
  /** The template's suggested actions. */
  readonly actions: readonly string[];
  /** The controls already in place. */
  readonly controlsInPlace: readonly string[];
}

/** How the overall level was reached, by the policy's method. */
export interface RiskOverallStep extends Step {
  /** Always `'overall'`. */
  readonly code: 'overall';
  /** `max`, `weighted` or `k-worst`. */
  readonly method: RiskOverall['method'];
  /** The sum behind the score. */
  readonly sum: Decimal;
  /** What it is divided by. */
  readonly divisor: Decimal;
  /** The score, rounded half-even to 6 places (the level is decided on the exact quotient). */
  readonly score: Decimal;
  /** The overall level. */
  readonly level: string;
  /** The policy's score of that level. */
  readonly levelScore: Decimal;
  /** The factors the level comes from. */
  readonly basis: readonly string[];
}

/** Rule 1: a knock-out rejects. */
export interface RiskKnockoutStep extends Step {
  /** Always `'knockout'`. */
  readonly code: 'knockout';
  /** `'reject'` when a factor knocked out, else null. */
  readonly outcome: 'reject' | null;
  /** The factors that knocked out. */
  readonly factors: readonly string[];
}

/** Rule 2: unassessed factors escalate when the policy says so. */
export interface RiskUnassessedStep extends Step {
  /** Always `'unassessed'`. */
  readonly code: 'unassessed';
  /** `'escalate'` when the policy escalates and a factor is unassessed, else null. */
  readonly outcome: 'escalate' | null;
  /** The template's factors without a finding. */
  readonly factors: readonly string[];
  /** The policy's rule. */
  readonly policy: 'ignore' | 'escalate';
}

/** Rule 3 (when the policy has it): any factor at or above a level escalates or rejects. */
export interface RiskWorstFactorStep extends Step {
  /** Always `'worst-factor'`. */
  readonly code: 'worst-factor';
  /** What the worst factor calls for, or null. */
  readonly outcome: 'escalate' | 'reject' | null;
  /** The worst residual level. */
  readonly worst: string;
  /** The policy's `escalateIfAnyFactorAtLeast`, or null. */
  readonly escalateAt: string | null;
  /** The policy's `rejectIfAnyFactorAtLeast`, or null. */
  readonly rejectAt: string | null;
}

/** Rule 4: the overall level against the thresholds. */
export interface RiskOverallLevelStep extends Step {
  /** Always `'overall-level'`. */
  readonly code: 'overall-level';
  /** The decision the overall level calls for. */
  readonly outcome: RiskDecision;
  /** The overall level. */
  readonly level: string;
  /** The threshold it is measured against. */
  readonly threshold: 'approveUpTo' | 'conditionalUpTo' | 'escalateUpTo';
  /** That threshold's level. */
  readonly thresholdLevel: string;
  /** The policy's levels, lowest first. */
  readonly levels: readonly string[];
  /** The policy's thresholds. */
  readonly thresholds: {
    /** At most this approves. */
    readonly approveUpTo: string;
    /** At most this approves with conditions. */
    readonly conditionalUpTo: string;
    /** At most this escalates; above it rejects. */
    readonly escalateUpTo: string;
  };
}

/** The decision: the most severe outcome of the rules. */
export interface RiskDecisionStep extends Step {
  /** Always `'decision'`. */
  readonly code: 'decision';
  /** The decision. */
  readonly decision: RiskDecision;
  /** The rules that called for it. */
  readonly rules: readonly RiskDecisionRule[];
}

/** The next review: `asOf` + the cadence of the overall level. */
export interface RiskReviewStep extends Step {
  /** Always `'review'`. */
  readonly code: 'review';
  /** The assessment date. */
  readonly asOf: IsoDate;
  /** The overall level. */
  readonly level: string;
  /** Its cadence in days. */
  readonly cadenceDays: number;
  /** The date of the next review. */
  readonly nextReviewDate: IsoDate;
}

/** One step of an assessment, in order: overall, the four rules, the decision, the review. */
export type PartnerAssessmentStep =
  | RiskOverallStep
  | RiskKnockoutStep
  | RiskUnassessedStep
  | RiskWorstFactorStep
  | RiskOverallLevelStep
  | RiskDecisionStep
  | RiskReviewStep;

/**
 * The result of {@link assessPartner}: plain data that serialises with `JSON.stringify`. Parts that
 * are the same for many partners (a cell's rating, a rule's step, a warning) may be one frozen
 * object shared by several results of a call.
 */
export interface PartnerAssessment {
  /** The partner's `id` as given, or null. */
  readonly id: string | number | null;
  /** The template's name. */
  readonly template: string;
  /** The policy's name. */
  readonly policy: string;
  /** The assessment date. */
  readonly asOf: IsoDate;
  /** Each assessed factor, in template order. */
  readonly factors: readonly AssessedRiskFactor[];
  /** The template's factors without a finding. */
  readonly unassessed: readonly string[];
  /** Per category, in template order. */
  readonly categories: readonly RiskCategoryRollup[];
  /** The overall level and score. */
  readonly overall: RiskOverall;
  /** Counts per cell, one map per matrix used. */
  readonly heatMap: readonly RiskHeatMap[];
  /** The knock-outs found. */
  readonly knockouts: readonly RiskKnockout[];
  /** The decision: the most severe outcome of the rules. */
  readonly decision: RiskDecision;
  /** For a conditional approval, what each factor above `approveUpTo` must do; else empty. */
  readonly mitigations: readonly RiskMitigation[];
  /** When to review the partner again: asOf + the cadence of the overall level. */
  readonly nextReviewDate: IsoDate;
  /** The cadence used, in days. */
  readonly reviewCadenceDays: number;
  /** What to look at: a severe factor that a weighted or k-worst average hides (`averaged-severe-factor`). */
  readonly warnings: readonly Warning[];
  /** How the decision was reached: the overall roll-up, each rule with its outcome, the decision, the review date. */
  readonly steps: readonly PartnerAssessmentStep[];
}

/** The configuration of an assessment: the template (what to assess) and the policy (how to decide). */
export interface AssessPartnerConfig {
  /** The template (from `defineRiskTemplate`, or a preset such as `dealerDueDiligence`). */
  readonly template: RiskTemplate;
  /** The policy (from `defineRiskPolicy`, or a spec); its levels must be the template's. */
  readonly policy: RiskPolicy | RiskPolicySpec;
}

/** The facts of one partner: its findings, and an optional `id` that comes back on the result. */
export interface AssessPartnerInput {
  /** The partner's id (a non-empty string or a finite number), returned on the result and naming the row in batch errors. */
  readonly id?: string | number;
  /** The findings, one per assessed factor. */
  readonly findings: readonly RiskFinding[];
}

/** Options of {@link assessPartner}. */
export interface AssessPartnerOptions {
  /** The assessment date (the review date counts from it). */
  readonly asOf: DateInput;
}

/** Options of {@link assessPartners}: the assessment date and the batch options. */
export interface AssessPartnersOptions extends AssessPartnerOptions, BatchOptions {}

/** The totals of {@link assessPartners} over the partners assessed. */
export interface PartnerAssessmentTotals {
  /** How many partners were assessed. */
  readonly partners: number;
  /** How many got each decision. */
  readonly decisions: Readonly<Record<RiskDecision, number>>;
  /** How many were knocked out. */
  readonly knockouts: number;
}

/** The result of {@link assessPartners}: every partner's assessment (or error), the decision counts. */
export type PartnerAssessmentBatch = BatchResult<PartnerAssessment, PartnerAssessmentTotals>;
