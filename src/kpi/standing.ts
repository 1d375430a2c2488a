import { toDecimal, type Decimal, type DecimalInput } from '../core/decimal.js';
import { IssueCollector, fail, wrapThrown, type IssuePath } from '../core/errors.js';
import { CORE_MESSAGES, describeValue } from '../core/messages.js';
import type { Step, Warning } from '../core/result.js';
import { nearestName } from '../core/schema.js';
import { parseKpi } from './parse.js';
import { KPI_MESSAGES as M } from './messages.js';
import { standingRuleSpecSchema, type StandingRuleSpec } from './schema.js';
import { KPI_WORDS as W } from './messages.js';
import { plainText, type Separators } from './steps.js';

/** A period's standing: see {@link reviewStanding} for each status. */
export type StandingStatus = 'ok' | 'watch' | 'warning' | 'exit-review' | 'recovered' | 'missing';

/** One scored period of a dealer's history, oldest first. */
export interface StandingEntry {
  /** A quarter `'2025-Q1'` or a month `'2025-01'`; one kind per history. */
  period: string;
  /** The period's score, or null when the dealer was not scored. */
  score: DecimalInput | null;
}

/** The standing of one period. */
export interface StandingPeriod {
  /** The period. */
  period: string;
  /** Its score, or null when missing (a period absent from the history is listed as missing). */
  score: Decimal | null;
  /** True when the period counts as below the benchmark (a missing one only under `missing: 'miss'`). */
  below: boolean;
  /** False for a period absent from the history, filled in by the review. */
  recorded: boolean;
  /** The status after this period. */
  status: StandingStatus;
  /** Consecutive periods below the benchmark up to this one, as the rule counts them. */
  consecutiveMisses: number;
  /** Months from the end of the warning period to the end of this one; null outside a warning. */
  monthsSinceWarning: number | null;
  /** The periods behind the status (see {@link reviewStanding}). */
  evidence: string[];
}

/** One period of a review as a step: its status (the step's code), the figures behind it and a sentence. */
export interface StandingStep extends Step {
  /** The period's status. */
  code: StandingStatus;
  /** The period. */
  period: string;
  /** Its score, or null when missing. */
  score: Decimal | null;
  /** True when the period counts as below the benchmark. */
  below: boolean;
  /** Consecutive periods below the benchmark up to this one. */
  consecutiveMisses: number;
  /** Months from the end of the warning period to the end of this one; null outside a warning. */
  monthsSinceWarning: number | null;
  /** Consecutive periods at or above the benchmark since the warning (0 when below or outside a warning). */
  recovering: number;
}

/** The result of {@link reviewStanding}. */
export interface StandingReview {
  /** One entry per period from the first to the last of the history, gaps filled. */
  periods: StandingPeriod[];
  /** The status of the last period, or `'ok'` for an empty history. */
  current: StandingStatus;
  /** The rule applied, defaults filled in. */
  rule: StandingRule;
  /** Periods absent from the history (filled in) or without a score (`missing-period`). */
  warnings: Warning[];
  /** One step per period, in order, saying why it has its status. */
  steps: StandingStep[];
}

/** The exit rule a review applied. */
export interface StandingRule {
  /** The benchmark score. */
  benchmark: Decimal;
  /** Consecutive misses that raise a warning. */
  consecutive: number;
  /** Months after the warning period before a miss is an exit review. */
  graceMonths: number;
  /** What a missing period does. */
  missing: 'break' | 'skip' | 'miss';
  /** Consecutive periods at or above the benchmark that end a warning. */
  recoverAfter: number;
}

const QUARTER = /^(\d{4})-Q([1-4])$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

interface Parsed {
  kind: 'quarter' | 'month';
  /** Months since year 0 of the period's last month. */
  end: number;
}

function parsePeriod(value: unknown, path: IssuePath): Parsed {
  if (typeof value === 'string') {
    const q = QUARTER.exec(value);
    if (q !== null) return { kind: 'quarter', end: Number(q[1]) * 12 + Number(q[2]) * 3 - 1 };
    const m = MONTH.exec(value);
    if (m !== null) return { kind: 'month', end: Number(m[1]) * 12 + Number(m[2]) - 1 };
  }
  return fail('invalid_input', path, M.periodFormat(describeValue(value)), {
    code: value === undefined ? 'required' : 'invalid_value',
    expected: 'a quarter YYYY-Qn or a month YYYY-MM',
    received: describeValue(value),
  });
}

function label(kind: 'quarter' | 'month', end: number): string {
  const year = String(Math.floor(end / 12)).padStart(4, '0');
  const month = (end % 12) + 1;
  return kind === 'quarter' ? `${year}-Q${month / 3}` : `${year}-${String(month).padStart(2, '0')}`;
}

type HistoryEntry = { end: number; period: string; score: Decimal | null; index: number };

/** The history's entries in order, of one kind of period, every problem collected. */
function readHistory(history: readonly unknown[]): { entries: HistoryEntry[]; kind: 'quarter' | 'month' | null } {
  const issues = new IssueCollector();
  const entries: { end: number; period: string; score: Decimal | null; index: number }[] = [];
  let kind: 'quarter' | 'month' | null = null;
  history.forEach((h: unknown, i: number) => {
    const path = ['history', i];
    if (typeof h !== 'object' || h === null || Array.isArray(h)) {
      issues.add(path, M.entryNotObject, 'invalid_input', { code: 'invalid_type', received: describeValue(h) });
      return;
    }
    const rec = h as Record<string, unknown>;
    for (const key of Object.keys(rec)) {
      if (key !== 'period' && key !== 'score') {
        issues.add([...path, key], CORE_MESSAGES.unknownField(nearestName(key, ['period', 'score'])), 'invalid_input', { code: 'unknown_field', received: key });
      }
    }
    let p: Parsed;
    let score: Decimal | null = null;
    try {
      p = parsePeriod(rec.period, [...path, 'period']);
      if (!('score' in rec)) fail('invalid_input', [...path, 'score'], M.scoreRequired, { code: 'required' });
      if (rec.score !== null) score = toDecimal(rec.score, [...path, 'score']);
    } catch (e) {
      issues.addError(wrapThrown(e));
      return;
    }
    if (kind === null) kind = p.kind;
    else if (p.kind !== kind) {
      issues.add([...path, 'period'], M.mixedPeriods(kind, String(rec.period)), 'invalid_input', { code: 'inconsistent', received: String(rec.period) });
      return;
    }
    const prev = entries[entries.length - 1];
    if (prev !== undefined && p.end <= prev.end) {
      if (p.end === prev.end) issues.add([...path, 'period'], M.periodRepeated(prev.period, String(rec.period)), 'invalid_input', { code: 'duplicate', received: String(rec.period) });
      else issues.add([...path, 'period'], M.periodsAscend(prev.period, String(rec.period)), 'invalid_input', { code: 'not_ascending', received: String(rec.period) });
      return;
    }
    entries.push({ end: p.end, period: rec.period as string, score, index: i });
  });
  issues.throwIfAny();
  return { entries, kind };
}

/**
 * Reviews a dealer's standing against the exit rule, period by period: a warning (and an
 * improvement plan) after `consecutive` periods below the benchmark, an exit review when the dealer
 * is still below it `graceMonths` or more after the warning period, and recovery after
 * `recoverAfter` consecutive periods at or above it.
 *
 * Statuses, with their evidence:
 * - `ok`: at or above the benchmark, no warning open (no evidence);
 * - `watch`: below, but fewer than `consecutive` times in a row (evidence: the run so far);
 * - `warning`: the period that completes the run raises the warning; later periods keep it while
 *   the dealer has not recovered (evidence: the run that raised it and every period since);
 * - `exit-review`: still below in a period ending `graceMonths` or more after the warning period
 *   ends; it stays open until recovery (same evidence);
 * - `recovered`: the period completing `recoverAfter` consecutive periods at or above the
 *   benchmark after a warning; the count of misses starts again (evidence: those periods);
 * - `missing`: no score, under `missing: 'break'` or `'skip'`.
 *
 * A missing period (a null score, or a period absent between two recorded ones, which the review
 * lists) does what `missing` says: `'break'` ends the run of misses and any recovery in progress
 * (an open warning stays open and its months keep running); `'skip'` leaves both as they are, as
 * if the period had not existed except for the calendar; `'miss'` counts it as below the benchmark
 * (no data is no improvement). A score equal to the benchmark is not below it.
 *
 * Each period is also a step (its status is the step's code) with a sentence saying why; a period
 * absent from the history or without a score is a `missing-period` warning.
 *
 * @example
 * ```ts
 * const review = reviewStanding({ benchmark: 75, graceMonths: 6, missing: 'miss' }, [
 *   { period: '2025-Q1', score: 72 },
 *   { period: '2025-Q2', score: 70 },
 *   { period: '2025-Q3', score: 74 },
 *   { period: '2025-Q4', score: 71 },
 * ]);
 * review.periods.map((p) => p.status);
 * //=> ['watch', 'warning', 'warning', 'exit-review']
 * review.steps[1].text;
 * //=> '2025-Q2: 70, below the benchmark 75 for the 2nd period in a row: warning and improvement plan'
 * ```
 */
export function reviewStanding(rule: StandingRuleSpec, history: readonly StandingEntry[]): StandingReview {
  try {
    const opts = parseKpi(standingRuleSpecSchema, rule, ['rule']) as StandingRuleSpec & { benchmark: Decimal };
    const consecutive = opts.consecutive ?? 2;
    const recoverAfter = opts.recoverAfter ?? 1;
    const benchmark = opts.benchmark;
    if (!Array.isArray(history)) fail('invalid_input', ['history'], M.historyNotArray, { code: 'invalid_type', received: describeValue(history) });
    const { entries, kind } = readHistory(history);

    const ruleOut: StandingRule = { benchmark, consecutive, graceMonths: opts.graceMonths, missing: opts.missing, recoverAfter };
    const step = kind === 'month' ? 1 : 3;
    const periods: StandingPeriod[] = [];
    const steps: StandingStep[] = [];
    const warnings: Warning[] = [];
    let run: string[] = [];
    let warnedAt: number | null = null;
    let exit = false;
    let since: string[] = []; // the run that raised the warning and every period since
    let recovery: string[] = [];
    const visit = (end: number, period: string, score: Decimal | null, recorded: boolean): void => {
      const missing = score === null;
      const below = missing ? opts.missing === 'miss' : score.lt(benchmark);
      const months = warnedAt === null ? null : end - warnedAt;
      const push = (status: StandingStatus, evidence: string[], misses = run.length, monthsSince: number | null = warnedAt === null ? null : end - warnedAt): void => {
        periods.push({ period, score, below, recorded, status, consecutiveMisses: misses, monthsSinceWarning: monthsSince, evidence });
        const figures = { period, score, below, consecutiveMisses: misses, monthsSinceWarning: monthsSince, recovering: recovery.length };
        steps.push({ code: status, ...figures, text: standingStepText(status, figures, ruleOut) });
      };
      if (missing && opts.missing !== 'miss') {
        if (opts.missing === 'break') {
          run = [];
          recovery = [];
        }
        if (warnedAt !== null) since.push(period);
        push('missing', []);
        return;
      }
      if (warnedAt === null) {
        if (!below) {
          run = [];
          push('ok', []);
          return;
        }
        run.push(period);
        if (run.length >= consecutive) {
          warnedAt = end;
          since = [...run];
          push('warning', [...since]);
          return;
        }
        push('watch', [...run]);
        return;
      }
      since.push(period);
      if (below) {
        recovery = [];
        run.push(period);
        if (months! >= opts.graceMonths) exit = true;
        push(exit ? 'exit-review' : 'warning', [...since]);
        return;
      }
      run = [];
      recovery.push(period);
      if (recovery.length >= recoverAfter) {
        const evidence = [...recovery];
        push('recovered', evidence, 0, months);
        run = [];
        recovery = [];
        since = [];
        exit = false;
        warnedAt = null;
        return;
      }
      push(exit ? 'exit-review' : 'warning', [...since]);
    };
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      const prev = entries[i - 1];
      if (prev !== undefined) {
        for (let end = prev.end + step; end < e.end; end += step) {
          const filled = label(kind!, end);
          warnings.push({ code: 'missing-period', message: M.periodFilledIn(filled), path: ['history'] });
          visit(end, filled, null, false);
        }
      }
      if (e.score === null) warnings.push({ code: 'missing-period', message: M.periodWithoutScore(e.period, opts.missing), path: ['history', e.index, 'score'] });
      visit(e.end, e.period, e.score, true);
    }
    return {
      periods,
      current: periods.length === 0 ? 'ok' : periods[periods.length - 1]!.status,
      rule: ruleOut,
      warnings,
      steps,
    };
  } catch (error) {
    throw wrapThrown(error);
  }
}

/** The sentence of one period of a review (English grouping unless `seps` says otherwise). @internal */
export function standingStepText(
  status: StandingStatus,
  s: { period: string; score: Decimal | null; below: boolean; consecutiveMisses: number; monthsSinceWarning: number | null; recovering: number },
  rule: StandingRule,
  seps?: Separators,
): string {
  const score = s.score === null ? W.noScore : plainText(s.score, seps);
  const bench = plainText(rule.benchmark, seps);
  switch (status) {
    case 'ok':
      return W.standingOk(s.period, score, bench);
    case 'watch':
      return W.standingWatch(s.period, score, bench, s.consecutiveMisses, rule.consecutive);
    case 'missing':
      // Stryker disable next-line StringLiteral: standingMissing writes the 'skip' sentence for anything but 'break'
      return W.standingMissing(s.period, rule.missing === 'break' ? 'break' : 'skip');
    case 'recovered':
      return W.standingRecovered(s.period, score, bench, rule.recoverAfter);
    default: {
      if (!s.below) return W.standingRecovering(s.period, score, bench, s.recovering, rule.recoverAfter, status === 'warning' ? 'warning' : 'exit review');
      if (status === 'exit-review') return W.standingExit(s.period, score, bench, s.monthsSinceWarning!);
      if (s.monthsSinceWarning === 0) return W.standingWarned(s.period, score, bench, s.consecutiveMisses);
      return W.standingStillBelow(s.period, score, bench, s.monthsSinceWarning!, rule.graceMonths);
    }
  }
}
