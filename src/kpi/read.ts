// Reading a dealer for scoring: its known fields, its stage or stages (proration over a period),
// its actuals and targets, every problem collected.
import { addDays } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { Decimal, ZERO, toDecimal } from '../core/decimal.js';
import { formatUtcDate, isoDateAt, utcDateOf, type IsoDate } from '../core/dates.js';
import { IssueCollector, fail, wrapThrown, type IssuePath } from '../core/errors.js';
import { CORE_MESSAGES, describeValue } from '../core/messages.js';
import { nearestName } from '../core/schema.js';
import { KPI_MESSAGES as M } from './messages.js';
import { type CompiledKpi } from './points.js';
import { type CompiledScorecard } from './scorecard.js';
import { stageText, type KpiStageShare, type KpiStageStep } from './steps.js';
import { type ResolvedWeights, type ReadDealer } from './score-types.js';

const DEALER_KEYS = ['id', 'stage', 'stages', 'period', 'policy', 'actuals', 'targets'];
const POLICIES = ['prorate', 'end', 'start'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** @internal Shared between this engine's files; not part of the public API. */
export const describe = describeValue;

function unknownField(issues: IssueCollector, path: IssuePath, key: string, known: readonly string[]): void {
  issues.add([...path, key], CORE_MESSAGES.unknownField(nearestName(key, known)), 'invalid_input', { code: 'unknown_field', received: key });
}

function stageList(card: CompiledScorecard): string {
  return [...card.stages.keys()].map((s) => `'${s}'`).join(', ');
}

function checkStage(card: CompiledScorecard, stage: unknown, path: IssuePath, issues: IssueCollector): string | null {
  if (typeof stage !== 'string') {
    issues.add(path, M.stageName(describe(stage)), 'invalid_input', stage === undefined ? { code: 'required' } : { code: 'invalid_type', expected: 'a stage name', received: describe(stage) });
    return null;
  }
  if (!card.stages.has(stage)) {
    issues.add(path, M.notAStage(stageList(card), stage), 'unknown_label', { code: 'unknown_label', received: stage });
    return null;
  }
  return stage;
}

function dateAt(value: unknown, path: IssuePath, issues: IssueCollector): IsoDate | null {
  try {
    return isoDateAt(value, path);
  } catch (e) {
    issues.addError(wrapThrown(e));
    return null;
  }
}

const singleCache = new WeakMap<CompiledScorecard, Map<string, ResolvedWeights>>();

/** The resolved weights of a single stage, cached per scorecard and stage. @internal */
export function singleStage(card: CompiledScorecard, stage: string): ResolvedWeights {
  let byStage = singleCache.get(card);
  if (byStage === undefined) {
    byStage = new Map();
    singleCache.set(card, byStage);
  }
  let r = byStage.get(stage);
  if (r === undefined) {
    const shares = Object.freeze([Object.freeze({ stage, from: null, to: null, days: null, share: new Decimal(1) })]) as unknown as KpiStageShare[];
    r = {
      weights: card.stages.get(stage)!,
      shares,
      policy: 'single',
      single: stage,
      step: Object.freeze({ code: 'stage-weights', policy: 'single', shares, text: stageText('single', shares) }) as KpiStageStep,
    };
    byStage.set(stage, r);
  }
  return r;
}

function shiftDay(iso: IsoDate, n: number): IsoDate {
  return formatUtcDate(addDays(utcDateOf(iso), n));
}

function days(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(utcDateOf(to), utcDateOf(from)) + 1;
}

function resolveStages(card: CompiledScorecard, input: Record<string, unknown>, path: IssuePath, issues: IssueCollector): ResolvedWeights | null {
  const hasStage = input.stage !== undefined;
  const hasStages = input.stages !== undefined;
  if (hasStage && hasStages) {
    issues.add([...path, 'stages'], M.stageAndStages, 'invalid_input', { code: 'inconsistent' });
    return null;
  }
  if (!hasStage && !hasStages) {
    issues.add([...path, 'stage'], M.stageRequired, 'invalid_input', { code: 'required' });
    return null;
  }
  if (hasStage) {
    const stage = checkStage(card, input.stage, [...path, 'stage'], issues);
    if (input.policy !== undefined) issues.add([...path, 'policy'], M.policyWithStage, 'invalid_input', { code: 'inconsistent' });
    return stage === null ? null : singleStage(card, stage);
  }
  const policy = input.policy ?? 'prorate';
  if (typeof policy !== 'string' || !POLICIES.includes(policy)) {
    issues.add([...path, 'policy'], M.policyValue(describe(policy)), 'invalid_input', {
      code: 'invalid_value',
      expected: "one of 'prorate', 'end', 'start'",
      received: describe(policy),
    });
  }
  const period = input.period;
  let start: IsoDate | null = null;
  let end: IsoDate | null = null;
  if (period === undefined) issues.add([...path, 'period'], M.periodRequired, 'invalid_input', { code: 'required' });
  else if (!isRecord(period)) issues.add([...path, 'period'], M.periodNotObject(describe(period)), 'invalid_input', { code: 'invalid_type', received: describe(period) });
  else {
    for (const key of Object.keys(period)) if (key !== 'start' && key !== 'end') unknownField(issues, [...path, 'period'], key, ['start', 'end']);
    start = dateAt(period.start, [...path, 'period', 'start'], issues);
    end = dateAt(period.end, [...path, 'period', 'end'], issues);
    if (start !== null && end !== null && end < start) {
      issues.add([...path, 'period', 'end'], M.periodEndBeforeStart(start, end), 'invalid_input', { code: 'not_ascending', received: end });
      start = end = null;
    }
  }
  const raw = input.stages;
  if (!Array.isArray(raw) || raw.length === 0) {
    if (Array.isArray(raw)) issues.add([...path, 'stages'], M.stagesEmpty, 'invalid_input', { code: 'too_short', limit: '1' });
    else issues.add([...path, 'stages'], M.stagesNotArray(describe(raw)), 'invalid_input', { code: 'invalid_type', received: describe(raw) });
    return null;
  }
  const spans: { stage: string; from: IsoDate; to: IsoDate }[] = [];
  let ok = true;
  raw.forEach((s: unknown, i: number) => {
    const p = [...path, 'stages', i];
    if (!isRecord(s)) {
      issues.add(p, M.spanNotObject(describe(s)), 'invalid_input', { code: 'invalid_type', received: describe(s) });
      ok = false;
      return;
    }
    for (const key of Object.keys(s)) if (key !== 'stage' && key !== 'from' && key !== 'to') unknownField(issues, p, key, ['stage', 'from', 'to']);
    const stage = checkStage(card, s.stage, [...p, 'stage'], issues);
    const from = dateAt(s.from, [...p, 'from'], issues);
    const to = dateAt(s.to, [...p, 'to'], issues);
    if (stage === null || from === null || to === null) {
      ok = false;
      return;
    }
    if (to < from) {
      issues.add([...p, 'to'], M.spanEndBeforeStart(i, from, to), 'invalid_input', { code: 'not_ascending', received: to });
      ok = false;
      return;
    }
    const prev = spans[spans.length - 1];
    if (prev !== undefined && from <= prev.to) {
      issues.add([...p, 'from'], M.spansOverlap(i - 1, prev.to, from), 'invalid_input', { code: 'not_ascending', received: from });
      ok = false;
    }
    spans.push({ stage, from, to });
  });
  if (!ok || start === null || end === null || typeof policy !== 'string' || !POLICIES.includes(policy)) return null;

  if (policy === 'end' || policy === 'start') {
    const on = policy === 'end' ? end : start;
    const span = spans.find((s) => s.from <= on && on <= s.to);
    if (span === undefined) {
      issues.add([...path, 'stages'], M.stagesMissDay(policy, on), 'infeasible', { code: 'infeasible' });
      return null;
    }
    const single = singleStage(card, span.stage);
    const shares = [{ stage: span.stage, from: start, to: end, days: days(start, end), share: new Decimal(1) }];
    return { weights: single.weights, shares, policy, single: span.stage, step: { code: 'stage-weights', policy, shares, text: stageText(policy, shares) } };
  }

  // Prorate: every day of the period must fall in exactly one span (spans are ordered, disjoint).
  const total = days(start, end);
  const shares: KpiStageShare[] = [];
  let cursor: IsoDate | null = start; // the first day not yet covered, null once the period's end is
  for (const s of spans) {
    if (cursor === null) break;
    if (s.to < start || s.from > end) continue;
    const from = s.from < start ? start : s.from;
    const to = s.to > end ? end : s.to;
    if (from > cursor) break;
    const n = days(from, to);
    shares.push({ stage: s.stage, from, to, days: n, share: new Decimal(n).div(total) });
    cursor = to >= end ? null : shiftDay(to, 1);
  }
  if (cursor !== null) {
    const gapStart: IsoDate = cursor;
    const next = spans.find((s) => s.from > gapStart && s.from <= end);
    const gapEnd = next === undefined ? end : shiftDay(next.from, -1);
    issues.add([...path, 'stages'], M.stagesGap(start, end, gapStart, gapEnd), 'infeasible', { code: 'infeasible' });
    return null;
  }
  const n = card.kpis.length;
  const weights = new Array<Decimal>(n);
  const totalD = new Decimal(total);
  for (let k = 0; k < n; k++) {
    // One division per weight: Σ days × weight over the period's days (at least 1 day; 0 stays 0).
    let num = ZERO;
    for (const s of shares) num = num.plus(card.stages.get(s.stage)![k]!.times(s.days!));
    weights[k] = num.div(totalD);
  }
  return { weights, shares, policy: 'prorate', single: null, step: { code: 'stage-weights', policy: 'prorate', shares, text: stageText('prorate', shares) } };
}

function readValues(
  card: CompiledScorecard,
  raw: Record<string, unknown>,
  path: IssuePath,
  issues: IssueCollector,
  each: (kpi: CompiledKpi, value: unknown, p: IssuePath) => void,
): void {
  for (const key of Object.keys(raw)) {
    const kpi = card.byId.get(key);
    const p = [...path, key];
    if (kpi === undefined) {
      issues.add(p, M.notAKpi(card.kpis.map((x) => x.id).join(', ')), 'unknown_label', { code: 'unknown_label', received: key });
      continue;
    }
    const v = raw[key];
    if (v !== null && v !== undefined) each(kpi, v, p);
  }
}

/** Reads and validates one dealer's input against the scorecard (every issue collected). @internal */
export function readDealer(card: CompiledScorecard, input: unknown, path: IssuePath): ReadDealer {
  if (!isRecord(input)) fail('invalid_input', path, M.dealerNotObject(describe(input)), { code: 'invalid_type', received: describe(input) });
  const issues = new IssueCollector();
  for (const key of Object.keys(input)) if (!DEALER_KEYS.includes(key)) unknownField(issues, path, key, DEALER_KEYS);
  let id: string | number | null = null;
  if (input.id !== undefined) {
    if (typeof input.id === 'string' || (typeof input.id === 'number' && Number.isFinite(input.id))) id = input.id;
    else issues.add([...path, 'id'], M.idType(describe(input.id)), 'invalid_input', { code: 'invalid_type', expected: 'a string or a number', received: describe(input.id) });
  }
  const resolved = resolveStages(card, input, path, issues);
  const n = card.kpis.length;
  const actuals = new Array<Decimal | boolean | null>(n).fill(null);
  const targets = new Array<Decimal | null>(n);
  for (let k = 0; k < n; k++) targets[k] = card.kpis[k]!.target;

  const rawActuals = input.actuals;
  if (!isRecord(rawActuals)) {
    issues.add([...path, 'actuals'], M.actualsNotObject(describe(rawActuals)), 'invalid_input', rawActuals === undefined ? { code: 'required' } : { code: 'invalid_type', received: describe(rawActuals) });
  } else {
    readValues(card, rawActuals, [...path, 'actuals'], issues, (kpi, v, p) => {
      if (kpi.isBoolean) {
        if (typeof v === 'boolean') actuals[kpi.index] = v;
        else issues.add(p, M.booleanActual(describe(v)), 'invalid_input', { code: 'invalid_type', expected: 'true or false', received: describe(v) });
      } else if (typeof v === 'boolean') {
        issues.add(p, M.numericActual(String(v)), 'invalid_input', { code: 'invalid_type', expected: 'a number', received: String(v) });
      } else {
        try {
          actuals[kpi.index] = toDecimal(v, p);
        } catch (e) {
          issues.addError(wrapThrown(e));
        }
      }
    });
  }
  const rawTargets = input.targets;
  // Targets with an issue of their own are not reported again as missing.
  let targetsBad = false;
  const badTargets = new Set<number>();
  if (rawTargets !== undefined) {
    if (!isRecord(rawTargets)) {
      targetsBad = true;
      issues.add([...path, 'targets'], M.targetsNotObject(describe(rawTargets)), 'invalid_input', { code: 'invalid_type', received: describe(rawTargets) });
    } else {
      readValues(card, rawTargets, [...path, 'targets'], issues, (kpi, v, p) => {
        try {
          targets[kpi.index] = toDecimal(v, p);
        } catch (e) {
          badTargets.add(kpi.index);
          issues.addError(wrapThrown(e));
        }
      });
    }
  }
  const noTargets: string[] = [];
  for (const kpi of card.kpis) {
    const a = actuals[kpi.index]!;
    const t = targets[kpi.index]!;
    if (a === null) {
      // A present but invalid actual has its own issue already.
      if (card.missing === 'error' && isRecord(rawActuals) && (rawActuals[kpi.id] === null || rawActuals[kpi.id] === undefined)) {
        issues.add([...path, 'actuals', kpi.id], M.actualRequired, 'invalid_input', { code: 'required' });
      }
      continue;
    }
    if (!kpi.needsTarget) {
      if (t !== null && !t.gt(0)) targets[kpi.index] = null;
      continue;
    }
    if (t === null) {
      const s = kpi.scoring;
      // Without a `targets` object the object is what is missing: one issue at `targets` (zod's way).
      if (rawTargets === undefined) noTargets.push(M.targetOf(kpi.id, s.type, s.type === 'curve' || s.type === 'bands'));
      else if (!targetsBad && !badTargets.has(kpi.index)) {
        issues.add([...path, 'targets', kpi.id], M.targetRequired(s.type, s.type === 'curve' || s.type === 'bands'), 'invalid_input', { code: 'required' });
      }
    } else if (!t.gt(0)) {
      issues.add([...path, 'targets', kpi.id], M.dealerTargetNotPositive(t.toString()), 'out_of_range', {
        code: 'out_of_range',
        expected: 'greater than 0',
        received: t.toString(),
        limit: '0',
      });
    }
  }
  if (noTargets.length > 0) issues.add([...path, 'targets'], M.targetsRequired(noTargets), 'invalid_input', { code: 'required', expected: 'an object' });
  issues.throwIfAny();
  return { id, resolved: resolved!, actuals, targets };
}
