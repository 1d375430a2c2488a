// What assessing needs besides the rule loop: civil-day arithmetic for review dates, exact scaled
// means, the per-call cache of shared Decimals and steps, and preparing a template with its policy.
import * as z from 'zod/mini';
import { Decimal } from '../core/decimal.js';
import type { IsoDate } from '../core/dates.js';
import { IssueCollector, invalid, isDealerkitError, type IssuePath } from '../core/errors.js';
import { decimalFromScaled, divRound, isTooBig, mulScaled, POW10, ROUNDING_CODE, SAFE } from '../core/scaled.js';
import { isoDateSchema, nearestName } from '../core/schema.js';
import { RISK_MESSAGES as M, describe, hasOwn } from './messages.js';
import { policyIndex, type PolicyIndex } from './policy.js';
import { binIndex, type RiskScale } from './scale.js';
import { templateIndex, type FactorIndex, type TemplateIndex } from './template.js';
import type { RiskControl, RiskFinding } from './finding.js';
import type { AssessPartnerConfig, RiskDecision, RiskDecisionRule } from './assessment.js';
import { lazySchema } from '../core/lazy.js';

const HALF_EVEN = ROUNDING_CODE['half-even'];
/** @internal Shared between this engine's files; not part of the public API. */
export const SCORE_PLACES = 6;
/** @internal Shared between this engine's files; not part of the public API. */
export const SEVERITY: Record<RiskDecision, number> = { approve: 0, conditional: 1, escalate: 2, reject: 3 };
/** @internal Shared between this engine's files; not part of the public API. */
export const NO_CONTROLS: readonly RiskControl[] = Object.freeze([]);
/** @internal Shared between this engine's files; not part of the public API. */
export const NO_FACTORS: readonly string[] = Object.freeze([]);
/** @internal Shared between this engine's files; not part of the public API. */
export const RULES: readonly RiskDecisionRule[] = ['knockout', 'unassessed', 'worst-factor', 'overall-level'];
/** @internal Shared between this engine's files; not part of the public API. */
export const FINDING_KEYS = new Set(['factor', 'likelihood', 'impact', 'knockout', 'note', 'controls', 'residual']);
/** @internal Shared between this engine's files; not part of the public API. */
export const FINDING_KEY_LIST = [...FINDING_KEYS];

/** Whether a key is one of FINDING_KEYS: string comparisons, cheaper than a Set per key of every finding. @internal */
export function isFindingKey(key: string): boolean {
  switch (key) {
    case 'factor':
    case 'likelihood':
    case 'impact':
    case 'knockout':
    case 'note':
    case 'controls':
    case 'residual':
      return true;
    // Stryker disable next-line ConditionalExpression: without the default the switch returns undefined, and its only caller reads the result negated (!isFindingKey), as it reads false
    default:
      return false;
  }
}

/** A rows × cols grid of zero counts (a heat map to fill). @internal */
export function zeroGrid(rows: number, cols: number): number[][] {
  // Stryker disable next-line ArrayDeclaration: every index is assigned before the array is read, so an array made empty grows to the same length and contents (every row)
  const grid = new Array<number[]>(rows);
  for (let r = 0; r < rows; r++) {
    // Stryker disable next-line ArrayDeclaration: every index is assigned before the array is read, so an array made empty grows to the same length and contents (every cell is set to 0)
    const row = new Array<number>(cols);
    for (let c = 0; c < cols; c++) row[c] = 0;
    grid[r] = row;
  }
  return grid;
}
/** @internal Shared between this engine's files; not part of the public API. */
export const PARTNER_KEYS = ['id', 'findings'];
const CONFIG_KEYS = ['template', 'policy'];
/** @internal Shared between this engine's files; not part of the public API. */
export const ONE = new Decimal(1);

// Civil-date arithmetic on day numbers (H. Hinnant's days_from_civil), so the review date needs no Date.
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** @internal Shared between this engine's files; not part of the public API. */
export function civilFromDays(z0: number): string {
  const zz = z0 + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** @internal Shared between this engine's files; not part of the public API. */
export const LAST_DAY = daysFromCivil(9999, 12, 31);

/** The decimal text of q × 10^-scale for a safe integer q ≥ 0, without trailing zeros. @internal */
export function scaledText(q: number, scale: number): string {
  if (scale === 0) return String(q);
  const digits = String(q).padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale).replace(/0+$/, '');
  return frac === '' ? int : `${int}.${frac}`;
}

/** `round(num × 10^shift / den)` half-even: the mean's q of q × 10^-6, exact, or -1 past 2^53. @internal */
// Stryker disable next-line BlockStatement: an empty body returns undefined, which both callers treat as -1 (q >= 0 fails): they then compute the same mean exactly through Decimal, and its toFixed() is the same text
export function scaledMeanQ(num: number, den: number, shift: number): number {
  const q = divRound(mulScaled(num, POW10[shift]!), den, HALF_EVEN);
  return isTooBig(q) ? -1 : q;
}

/** The mean num / den as a Decimal rounded half-even to 6 places; exact. @internal */
export function scaledMean(num: number, den: number, shift: number, cache: CallCache): Decimal {
  const q = scaledMeanQ(num, den, shift);
  if (q >= 0) return cache.get(q, SCORE_PLACES);
  return new Decimal(num).times(POW10[shift]!).div(den).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).div(1e6);
}

/** The highest level whose score is at most num / den (scores in sU at the policy's scale). @internal */
export function floorLevel(sU: readonly number[], num: number, den: number): number {
  let k = sU.length - 1;
  while (k > 0 && sU[k]! * den > num) k--;
  return k;
}

/**
 * What one call shares between its results: Decimals of scaled integers (a batch's category sums
 * and means repeat across partners, and a Decimal is an immutable value) and frozen steps and
 * warnings that depend only on the policy and a few levels.
 * @internal
 */
export class CallCache {
  private readonly maps = new Map<number, Map<number, Decimal>>();
  private size = 0;
  private readonly shared = new Map<string, Map<number, object>>();
  /** A frozen object built once per call for a (kind, key), shared by every result of the call. */
  /** The frozen object kept for (kind, key), if any: with {@link keep}, a memo that needs no closure on the hot path. */
  find<T extends object>(kind: string, key: number): T | undefined {
    return this.shared.get(kind)?.get(key) as T | undefined;
  }
  /** Freezes `value` and keeps it for (kind, key) (up to 4096 per kind); returns it. */
  keep<T extends object>(kind: string, key: number, value: T): T {
    let m = this.shared.get(kind);
    if (m === undefined) {
      m = new Map();
      this.shared.set(kind, m);
    }
    const v = Object.freeze(value);
    if (m.size < 4096) m.set(key, v);
    return v;
  }
  get(q: number, scale: number): Decimal {
    let m = this.maps.get(scale);
    if (m === undefined) {
      m = new Map();
      this.maps.set(scale, m);
    }
    let d = m.get(q);
    if (d === undefined) {
      d = decimalFromScaled(q, scale);
      if (this.size < 65536) {
        m.set(q, d);
        this.size++;
      }
    }
    return d;
  }
}

/** One partner's issues, collected from the first (no collector, and no closure, for a good partner). @internal */
export class LazyIssues {
  issues: IssueCollector | undefined = undefined;
  get(): IssueCollector {
    return (this.issues ??= new IssueCollector());
  }
}

/** @internal Shared between this engine's files; not part of the public API. */
export interface Resolved {
  f: FactorIndex;
  k: number;
  l: number;
  i: number;
  rl: number;
  ri: number;
  rLevel: number;
  finding: RiskFinding;
  knockout: 'finding' | 'level' | null;
}

/** @internal Shared between this engine's files; not part of the public API. */
export function axisIndex(f: FactorIndex, axis: 'likelihood' | 'impact', value: unknown, k: number, under: string, bad: LazyIssues): number {
  const m = f.m;
  if (typeof value === 'string') {
    const x = (axis === 'likelihood' ? m.l : m.i).get(value);
    if (x !== undefined) return x;
  }
  const path: IssuePath = under === '' ? ['findings', k, axis] : ['findings', k, under, axis];
  if (typeof value === 'string') {
    const labels = axis === 'likelihood' ? m.matrix.likelihood : m.matrix.impact;
    bad.get().add(path, M.findingLabel(axis, f.factor.id, value, labels), 'unknown_label', { code: 'unknown_label', received: JSON.stringify(value) });
    return -1;
  }
  const scale: RiskScale | undefined = f.factor.scales?.[axis];
  if (scale === undefined) {
    bad.get().add(path, M.findingNoScale(axis, f.factor.id, value), 'invalid_input', { code: value === undefined ? 'required' : 'invalid_type', received: describe(value) });
    return -1;
  }
  try {
    const level = scale.bins[binIndex(scale, value, path)]!.level;
    return (axis === 'likelihood' ? m.l : m.i).get(level)!;
  } catch (e) {
    if (!isDealerkitError(e)) throw e;
    bad.get().addError(e);
    return -1;
  }
}

/** @internal Shared between this engine's files; not part of the public API. */
export function unknownKey(path: IssuePath, key: string, known: readonly string[], issues: IssueCollector): void {
  issues.add(path, M.unknownField(nearestName(key, known)), 'invalid_input', { code: 'unknown_field', received: key });
}

/** @internal Shared between this engine's files; not part of the public API. */
export function floorDecimal(p: PolicyIndex, score: Decimal): number {
  let k = p.sDec.length - 1;
  while (k > 0 && p.sDec[k]!.gt(score)) k--;
  return k;
}

interface Prepared {
  t: TemplateIndex;
  p: PolicyIndex;
  fast: boolean;
  cache: CallCache;
}

/** @internal Shared between this engine's files; not part of the public API. */
export function prepare(config: unknown): Prepared {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    invalid(['config'], M.configType(config), { code: config === undefined ? 'required' : 'invalid_type', received: describe(config) });
  }
  if ((config as { kind?: unknown }).kind === 'risk-template') invalid(['config'], M.configIsTemplate(), { code: 'invalid_value', expected: '{ template, policy }' });
  const issues = new IssueCollector();
  for (const key in config) if (key !== 'template' && key !== 'policy') unknownKey(['config', key], key, CONFIG_KEYS, issues);
  const c = config as Partial<AssessPartnerConfig>;
  if (!hasOwn(c, 'template') || c.template === undefined) issues.add(['config', 'template'], M.configTemplateRequired(), 'invalid_input', { code: 'required' });
  if (!hasOwn(c, 'policy') || c.policy === undefined) issues.add(['config', 'policy'], M.configPolicyRequired(), 'invalid_input', { code: 'required' });
  issues.throwIfAny();
  const t = templateIndex(c.template, ['config', 'template']);
  const p = policyIndex(c.policy, ['config', 'policy']);
  const tl = t.template.levels;
  const pl = p.policy.levels;
  if (tl.length !== pl.length || tl.some((l, k) => l !== pl[k])) invalid(['config', 'policy', 'levels'], M.policyLevels(tl, pl), { code: 'inconsistent' });
  // Plain integers stay exact while every sum times 10^6 fits in 2^53; otherwise Decimal sums.
  // Stryker disable next-line ArithmeticOperator: maxS undefined makes the bound NaN, so fast is false and every sum goes through Decimal, which gives the same figures and texts as the exact plain-integer sums
  const maxS = p.sU[p.sU.length - 1]!;
  // A template's weights have at most 6 decimals (checked when it is built), so weightScale <= SCORE_PLACES.
  const fast = t.weightTotalU * maxS * POW10[SCORE_PLACES - p.scoreScale]! <= SAFE;
  return { t, p, fast, cache: new CallCache() };
}

/** @internal Shared between this engine's files; not part of the public API. */
export const singleOptionsShape = lazySchema(() => z.strictObject({ asOf: isoDateSchema }));
/** @internal Shared between this engine's files; not part of the public API. */
export const batchOptionsShape = lazySchema(() => z.strictObject({ asOf: isoDateSchema, onError: z.optional(z.unknown()), onProgress: z.optional(z.unknown()) }));

/** @internal Shared between this engine's files; not part of the public API. */
export function dayOf(asOf: IsoDate): number {
  return daysFromCivil(Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7)), Number(asOf.slice(8, 10)));
}
