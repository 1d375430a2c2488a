import { Decimal } from '../core/decimal.js';
import type { IsoDate } from '../core/dates.js';
import { isoDateAt } from '../core/dates.js';
import { DealerkitError, IssueCollector, invalid, outOfRange, wrapThrown, type IssuePath } from '../core/errors.js';
import { decimalFromScaled } from '../core/fast.js';
import { quoteList } from './matrix.js';
import { policyIndex, type PolicyIndex, type RiskPolicy } from './policy.js';
import type { RiskPolicySpec } from './schema.js';
import { binIndex, type RiskScale } from './scale.js';
import { templateIndex, type FactorIndex, type RiskTemplate, type TemplateIndex } from './template.js';

/** A control in place that lowers a risk. */
export interface RiskControl {
  /** An id for reports. */
  readonly id: string;
  /** What the control is. */
  readonly description?: string;
}

/** A likelihood or impact: a label of the factor's matrix, or a value read through the factor's scale. */
export type RiskAxisValue = string | number | Decimal;

/**
 * One finding of a due-diligence review: a factor's likelihood and impact, with the controls in
 * place and the residual likelihood and impact they leave.
 */
export interface RiskFinding {
  /** The factor's id in the template. */
  readonly factor: string;
  /** The inherent likelihood: a label, or a number (or Decimal) read through the factor's likelihood scale. */
  readonly likelihood: RiskAxisValue;
  /** The inherent impact: a label, or a value read through the factor's impact scale. */
  readonly impact: RiskAxisValue;
  /** True when this finding decides alone (the factor must be a knock-out factor). */
  readonly knockout?: boolean;
  /** What was found, for the report. */
  readonly note?: string;
  /** Controls in place; a lowered residual needs at least one. */
  readonly controls?: readonly RiskControl[];
  /** The likelihood and impact left after the controls; never above the inherent ones. */
  readonly residual?: {
    /** The residual likelihood. */
    readonly likelihood: RiskAxisValue;
    /** The residual impact. */
    readonly impact: RiskAxisValue;
  };
}

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

/** The overall roll-up. */
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
  /** How the level was reached, in words. */
  readonly explanation: string;
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

/** One rule of the decision, in the order applied. */
export interface RiskDecisionRule {
  /** The rule. */
  readonly rule: 'knockout' | 'unassessed' | 'worst-factor' | 'overall-level';
  /** The decision the rule calls for, or null when it does not apply. */
  readonly outcome: RiskDecision | null;
  /** Why, in words. */
  readonly detail: string;
}

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

/** The result of {@link assessPartner}. */
export interface PartnerAssessment {
  /** The template's name. */
  readonly template: string;
  /** The policy's name. */
  readonly policy: string;
  /** The assessment date. */
  readonly assessedOn: IsoDate;
  /** Each assessed factor, in template order. */
  readonly factors: readonly AssessedRiskFactor[];
  /** The template's factors without a finding. */
  readonly unassessed: readonly string[];
  /** Per category, in template order. */
  readonly categories: readonly RiskCategoryRollup[];
  /** The overall level and how it was reached. */
  readonly overall: RiskOverall;
  /** Counts per cell, one map per matrix used. */
  readonly heatMap: readonly RiskHeatMap[];
  /** The knock-outs found. */
  readonly knockouts: readonly RiskKnockout[];
  /** The decision: the most severe outcome of the rules. */
  readonly decision: RiskDecision;
  /** Every rule, in order, with its outcome. */
  readonly trace: readonly RiskDecisionRule[];
  /** For a conditional approval, what each factor above `approveUpTo` must do; else empty. */
  readonly mitigations: readonly RiskMitigation[];
  /** When to review the partner again: assessedOn + the cadence of the overall level. */
  readonly nextReviewDate: IsoDate;
  /** The cadence used, in days. */
  readonly reviewCadenceDays: number;
}

/** Options of {@link assessPartner} and {@link assessPartners}. */
export interface AssessPartnerOptions {
  /** The assessment date (the review date counts from it). */
  readonly assessedOn: IsoDate | Date;
  /** The policy (from `defineRiskPolicy`, or a spec). */
  readonly policy: RiskPolicy | RiskPolicySpec;
}

const SAFE = Number.MAX_SAFE_INTEGER;
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6];
const SCORE_PLACES = 6;
const SEVERITY: Record<RiskDecision, number> = { approve: 0, conditional: 1, escalate: 2, reject: 3 };
const NO_CONTROLS: readonly RiskControl[] = Object.freeze([]);
const FINDING_KEYS = new Set(['factor', 'likelihood', 'impact', 'knockout', 'note', 'controls', 'residual']);

// Civil-date arithmetic on day numbers (H. Hinnant's days_from_civil), so the review date needs no Date.
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z0: number): string {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

const LAST_DAY = daysFromCivil(9999, 12, 31);

/** The decimal text of q × 10^-scale for a safe integer q ≥ 0, without trailing zeros. */
function scaledText(q: number, scale: number): string {
  if (scale === 0) return String(q);
  const digits = String(q).padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale).replace(/0+$/, '');
  return frac === '' ? int : `${int}.${frac}`;
}

/** `round(num × 10^shift / den)` half-even, as the Decimal q × 10^-6; exact. */
function scaledMean(num: number, den: number, shift: number): Decimal {
  const a = num * POW10[shift]!;
  if (a <= SAFE) {
    const r = a % den;
    let q = (a - r) / den;
    const twice = 2 * r;
    if (twice > den || (twice === den && q % 2 === 1)) q++;
    return decimalFromScaled(q, SCORE_PLACES);
  }
  return new Decimal(num).times(POW10[shift]!).div(den).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).div(1e6);
}

/** The highest level whose score is at most num / den (scores in sU at the policy's scale). */
function floorLevel(sU: readonly number[], num: number, den: number): number {
  let k = sU.length - 1;
  while (k > 0 && sU[k]! * den > num) k--;
  return k;
}

interface Resolved {
  f: FactorIndex;
  l: number;
  i: number;
  rl: number;
  ri: number;
  level: number;
  rLevel: number;
  finding: RiskFinding;
  knockout: 'finding' | 'level' | null;
}

function axisIndex(f: FactorIndex, axis: 'likelihood' | 'impact', value: unknown, k: number, under: string, bad: () => IssueCollector): number {
  const m = f.m;
  if (typeof value === 'string') {
    const x = (axis === 'likelihood' ? m.l : m.i).get(value);
    if (x !== undefined) return x;
  }
  const path: IssuePath = under === '' ? ['findings', k, axis] : ['findings', k, under, axis];
  if (typeof value === 'string') {
    const labels = axis === 'likelihood' ? m.matrix.likelihood : m.matrix.impact;
    bad().add(path, `is not a ${axis} label of factor '${f.factor.id}': '${value}' (${axis} labels: ${quoteList(labels)})`, 'unknown_label');
    return -1;
  }
  const scale: RiskScale | undefined = f.factor.scales?.[axis];
  if (scale === undefined) {
    bad().add(path, `must be a ${axis} label of factor '${f.factor.id}' (the factor has no ${axis} scale to read a value through), received ${value === null ? 'null' : typeof value}`);
    return -1;
  }
  try {
    const level = scale.bins[binIndex(scale, value, path)]!.level;
    return (axis === 'likelihood' ? m.l : m.i).get(level)!;
  } catch (e) {
    for (const x of (e as DealerkitError).issues) bad().add(x.path, x.message, (e as DealerkitError).code);
    return -1;
  }
}

function assessOne(t: TemplateIndex, p: PolicyIndex, fast: boolean, findings: unknown, assessedOn: IsoDate, dayNumber: number): PartnerAssessment {
  if (!Array.isArray(findings)) invalid(['findings'], `must be an array of findings, received ${findings === null ? 'null' : typeof findings}`);
  if (findings.length === 0) invalid(['findings'], 'must hold at least one finding: an assessment with nothing assessed decides nothing');
  const nF = t.factors.length;
  const slots: (Resolved | undefined)[] = new Array(nF);
  const firstAt: (number | undefined)[] = new Array(nF);
  let issues: IssueCollector | undefined;
  const bad = () => (issues ??= new IssueCollector());
  for (let k = 0; k < findings.length; k++) {
    const raw = findings[k] as RiskFinding;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      bad().add(['findings', k], `must be a finding object, received ${raw === null ? 'null' : Array.isArray(raw) ? 'an array' : typeof raw}`);
      continue;
    }
    for (const key in raw) if (!FINDING_KEYS.has(key)) bad().add(['findings', k, key], 'is not a known field');
    const f = typeof raw.factor === 'string' ? t.byId.get(raw.factor) : undefined;
    if (f === undefined) {
      if (typeof raw.factor === 'string') bad().add(['findings', k, 'factor'], `is not a factor of template '${t.template.name}': '${raw.factor}'`, 'unknown_label');
      else bad().add(['findings', k, 'factor'], `must be a factor id, received ${raw.factor === null ? 'null' : typeof raw.factor}`);
      continue;
    }
    if (firstAt[f.pos] !== undefined) {
      bad().add(['findings', k, 'factor'], `duplicates findings[${firstAt[f.pos]}] ('${f.factor.id}'): one finding per factor`);
      continue;
    }
    firstAt[f.pos] = k;
    const before = issues === undefined ? 0 : issues.issues.length;
    const l = axisIndex(f, 'likelihood', raw.likelihood, k, '', bad);
    const i = axisIndex(f, 'impact', raw.impact, k, '', bad);
    let rl = l;
    let ri = i;
    const controls = raw.controls;
    if (controls !== undefined) {
      if (!Array.isArray(controls)) bad().add(['findings', k, 'controls'], 'must be an array of controls');
      else {
        for (let j = 0; j < controls.length; j++) {
          const c = controls[j] as RiskControl;
          if (typeof c !== 'object' || c === null || typeof c.id !== 'string' || c.id === '') bad().add(['findings', k, 'controls', j, 'id'], 'must be a non-empty control id');
        }
      }
    }
    const residual = raw.residual;
    if (residual !== undefined) {
      if (typeof residual !== 'object' || residual === null) bad().add(['findings', k, 'residual'], 'must be an object with likelihood and impact');
      else {
        rl = axisIndex(f, 'likelihood', residual.likelihood, k, 'residual', bad);
        ri = axisIndex(f, 'impact', residual.impact, k, 'residual', bad);
        const m = f.m.matrix;
        if (rl >= 0 && l >= 0 && rl > l) {
          bad().add(['findings', k, 'residual', 'likelihood'], `is '${m.likelihood[rl]}', above the inherent likelihood '${m.likelihood[l]}': residual risk never exceeds inherent risk`, 'out_of_range');
        }
        if (ri >= 0 && i >= 0 && ri > i) {
          bad().add(['findings', k, 'residual', 'impact'], `is '${m.impact[ri]}', above the inherent impact '${m.impact[i]}': residual risk never exceeds inherent risk`, 'out_of_range');
        }
        const lowered = (rl >= 0 && l >= 0 && rl < l) || (ri >= 0 && i >= 0 && ri < i);
        if (lowered && (controls === undefined || !Array.isArray(controls) || controls.length === 0)) {
          bad().add(
            ['findings', k, 'controls'],
            `are required: the residual (${m.likelihood[rl]} × ${m.impact[ri]}) is lower than the inherent (${m.likelihood[l]} × ${m.impact[i]}), and only a control lowers a risk`,
          );
        }
      }
    }
    let knockout: 'finding' | 'level' | null = null;
    if (raw.knockout !== undefined && typeof raw.knockout !== 'boolean') bad().add(['findings', k, 'knockout'], `must be true or false, received ${typeof raw.knockout}`);
    else if (raw.knockout === true) {
      if (f.factor.knockout === undefined) {
        bad().add(['findings', k, 'knockout'], `factor '${f.factor.id}' is not a knock-out factor in template '${t.template.name}'; only knock-out factors decide alone`);
      } else knockout = 'finding';
    }
    if (raw.note !== undefined && typeof raw.note !== 'string') bad().add(['findings', k, 'note'], `must be a string, received ${typeof raw.note}`);
    if (issues !== undefined && issues.issues.length > before) continue;
    const g = f.m.grid;
    const nI = f.m.nI;
    const rLevel = g[rl * nI + ri]!;
    if (knockout === null && f.knockoutAt >= 0 && rLevel >= f.knockoutAt) knockout = 'level';
    slots[f.pos] = { f, l, i, rl, ri, level: g[l * nI + i]!, rLevel, finding: raw, knockout };
  }
  if (issues !== undefined) issues.throwIfAny();

  const levels = t.template.levels;
  const nCat = t.template.categories.length;
  const catWS = new Array<number>(nCat).fill(0);
  const catW = new Array<number>(nCat).fill(0);
  const catN = new Array<number>(nCat).fill(0);
  const catWorst = new Array<number>(nCat).fill(-1);
  const catDec: { ws: Decimal; w: Decimal }[] | undefined = fast ? undefined : t.template.categories.map(() => ({ ws: new Decimal(0), w: new Decimal(0) }));
  const heat = t.matrices.map((m) => ({
    inherent: m.matrix.likelihood.map(() => new Array<number>(m.nI).fill(0)),
    residual: m.matrix.likelihood.map(() => new Array<number>(m.nI).fill(0)),
  }));
  const factors: AssessedRiskFactor[] = [];
  const unassessed: string[] = [];
  const knockouts: RiskKnockout[] = [];
  const assessedScores: number[] = [];
  let worst = -1;
  let totalWS = 0;
  let totalW = 0;
  const sU = p.sU;
  for (let k = 0; k < nF; k++) {
    const r = slots[k];
    const fi = t.factors[k]!;
    const factor = fi.factor;
    if (r === undefined) {
      unassessed.push(factor.id);
      continue;
    }
    const m = fi.m.matrix;
    const lv = r.rLevel;
    const c = fi.cat;
    catN[c]!++;
    if (lv > catWorst[c]!) catWorst[c] = lv;
    if (lv > worst) worst = lv;
    const ws = fi.wU * sU[lv]!;
    catWS[c]! += ws;
    catW[c]! += fi.wU;
    totalWS += ws;
    totalW += fi.wU;
    if (catDec !== undefined) {
      catDec[c]!.ws = catDec[c]!.ws.plus(factor.weight.times(p.sDec[lv]!));
      catDec[c]!.w = catDec[c]!.w.plus(factor.weight);
    }
    assessedScores.push(sU[lv]!);
    const h = heat[fi.mIdx]!;
    h.inherent[r.l]![r.i]!++;
    h.residual[r.rl]![r.ri]!++;
    const note = r.finding.note ?? '';
    if (r.knockout !== null) knockouts.push({ factor: factor.id, reason: factor.knockout!.reason, trigger: r.knockout, note });
    factors.push({
      factor: factor.id,
      title: factor.title,
      category: factor.category,
      weight: factor.weight,
      matrix: m.name,
      inherent: { likelihood: m.likelihood[r.l]!, impact: m.impact[r.i]!, level: levels[r.level]! },
      residual: { likelihood: m.likelihood[r.rl]!, impact: m.impact[r.ri]!, level: levels[lv]! },
      score: p.sDec[lv]!,
      controls: r.finding.controls ?? NO_CONTROLS,
      knockout: r.knockout !== null,
      note,
    });
  }

  const wS = t.weightScale;
  const sS = p.scoreScale;
  const shift = SCORE_PLACES - sS;
  const categories: RiskCategoryRollup[] = t.template.categories.map((category, c) => {
    const n = catN[c]!;
    const ws = catDec === undefined ? decimalFromScaled(catWS[c]!, wS + sS) : catDec[c]!.ws;
    const w = catDec === undefined ? decimalFromScaled(catW[c]!, wS) : catDec[c]!.w;
    return {
      category,
      assessed: n,
      worst: n === 0 ? null : levels[catWorst[c]!]!,
      weightedSum: ws,
      weightTotal: w,
      score: n === 0 ? null : fast ? scaledMean(catWS[c]!, catW[c]!, shift) : ws.div(w).toDecimalPlaces(SCORE_PLACES, Decimal.ROUND_HALF_EVEN),
    };
  });

  const method = p.policy.overall;
  let overall: RiskOverall;
  if (method.method === 'max') {
    const basis = factors.filter((x) => x.residual.level === levels[worst]).map((x) => x.factor);
    overall = {
      method: 'max',
      level: levels[worst]!,
      score: p.sDec[worst]!,
      sum: p.sDec[worst]!,
      divisor: new Decimal(1),
      basis,
      explanation: `max: the worst residual level of the ${factors.length} assessed factors is '${levels[worst]}' (${basis.join(', ')})`,
    };
  } else if (method.method === 'weighted') {
    const sum = fast ? decimalFromScaled(totalWS, wS + sS) : categories.reduce((a, x) => a.plus(x.weightedSum), new Decimal(0));
    const divisor = fast ? decimalFromScaled(totalW, wS) : categories.reduce((a, x) => a.plus(x.weightTotal), new Decimal(0));
    const score = fast ? scaledMean(totalWS, totalW, shift) : sum.div(divisor).toDecimalPlaces(SCORE_PLACES, Decimal.ROUND_HALF_EVEN);
    const level = fast ? floorLevel(sU, totalWS, totalW) : floorDecimal(p, sum.div(divisor));
    const text = (d: Decimal) => d.toString();
    overall = {
      method: 'weighted',
      level: levels[level]!,
      score,
      sum,
      divisor,
      basis: factors.map((x) => x.factor),
      explanation: `weighted: Σ weight × score / Σ weight = ${fast ? scaledText(totalWS, wS + sS) : text(sum)} / ${fast ? scaledText(totalW, wS) : text(divisor)} = ${text(score)} (to ${SCORE_PLACES} places); the highest level whose score is at most that is '${levels[level]}' (score ${p.sDec[level]!.toString()})`,
    };
  } else {
    const kk = Math.min(method.k, assessedScores.length);
    // The k highest scores; ties are equal scores, so which factor is taken does not change the sum.
    const order = factors.map((_, j) => j).sort((a, b) => assessedScores[b]! - assessedScores[a]! || a - b);
    const taken = order.slice(0, kk);
    let num = 0;
    for (const j of taken) num += assessedScores[j]!;
    const score = scaledMean(num, kk, shift);
    const level = floorLevel(sU, num, kk);
    const sum = decimalFromScaled(num, sS);
    overall = {
      method: 'k-worst',
      level: levels[level]!,
      score,
      sum,
      divisor: new Decimal(kk),
      basis: taken.map((j) => factors[j]!.factor),
      explanation: `k-worst: the mean score of the ${kk} worst factors (${taken.map((j) => factors[j]!.factor).join(', ')}) is ${sum.toString()} / ${kk} = ${score.toString()}; the highest level whose score is at most that is '${levels[level]}' (score ${p.sDec[level]!.toString()})`,
    };
  }
  const overallIdx = worst < 0 ? 0 : levels.indexOf(overall.level);

  // Decision rules, each with its outcome; the decision is the most severe outcome.
  const trace: RiskDecisionRule[] = [];
  const pol = p.policy;
  trace.push(
    knockouts.length > 0
      ? { rule: 'knockout', outcome: 'reject', detail: `${knockouts.length} knock-out${knockouts.length > 1 ? 's' : ''}: ${knockouts.map((x) => `${x.factor} (${x.reason})`).join('; ')}` }
      : { rule: 'knockout', outcome: null, detail: 'no knock-out finding' },
  );
  trace.push(
    pol.unassessed === 'escalate' && unassessed.length > 0
      ? { rule: 'unassessed', outcome: 'escalate', detail: `${unassessed.length} factor${unassessed.length > 1 ? 's' : ''} not assessed: ${unassessed.join(', ')}` }
      : { rule: 'unassessed', outcome: null, detail: unassessed.length === 0 ? 'every factor assessed' : `${unassessed.length} factor${unassessed.length > 1 ? 's' : ''} not assessed (the policy ignores them)` },
  );
  if (p.rejectIfAny >= 0 || p.escalateIfAny >= 0) {
    let outcome: RiskDecision | null = null;
    let detail = `no factor at or above '${levels[p.rejectIfAny >= 0 ? p.rejectIfAny : p.escalateIfAny]}'`;
    if (p.rejectIfAny >= 0 && worst >= p.rejectIfAny) {
      outcome = 'reject';
      detail = `a factor is at '${levels[worst]}', at or above rejectIfAnyFactorAtLeast '${levels[p.rejectIfAny]}'`;
    } else if (p.escalateIfAny >= 0 && worst >= p.escalateIfAny) {
      outcome = 'escalate';
      detail = `a factor is at '${levels[worst]}', at or above escalateIfAnyFactorAtLeast '${levels[p.escalateIfAny]}'`;
    }
    trace.push({ rule: 'worst-factor', outcome, detail });
  }
  const byLevel: RiskDecision =
    overallIdx <= p.approve ? 'approve' : overallIdx <= p.conditional ? 'conditional' : overallIdx <= p.escalate ? 'escalate' : 'reject';
  const limit = byLevel === 'approve' ? `at most approveUpTo '${pol.decision.approveUpTo}'` : byLevel === 'conditional' ? `at most conditionalUpTo '${pol.decision.conditionalUpTo}'` : byLevel === 'escalate' ? `at most escalateUpTo '${pol.decision.escalateUpTo}'` : `above escalateUpTo '${pol.decision.escalateUpTo}'`;
  trace.push({ rule: 'overall-level', outcome: byLevel, detail: `overall level '${overall.level}' is ${limit}` });
  let decision: RiskDecision = 'approve';
  for (const r of trace) if (r.outcome !== null && SEVERITY[r.outcome] > SEVERITY[decision]) decision = r.outcome;

  const mitigations: RiskMitigation[] = [];
  if (decision === 'conditional') {
    for (let k = 0; k < nF; k++) {
      const r = slots[k];
      if (r === undefined || r.rLevel <= p.approve) continue;
      const factor = t.factors[k]!.factor;
      mitigations.push({
        factor: factor.id,
        title: factor.title,
        residualLevel: levels[r.rLevel]!,
        targetAtMost: pol.decision.approveUpTo,
        actions: factor.mitigations,
        controlsInPlace: (r.finding.controls ?? []).map((c) => c.id),
      });
    }
  }

  const cadence = p.cadence[overallIdx]!;
  const due = dayNumber + cadence;
  if (due > LAST_DAY) outOfRange(['assessedOn'], `plus the review cadence of ${cadence} days is after 9999-12-31`);
  return {
    template: t.template.name,
    policy: pol.name,
    assessedOn,
    factors,
    unassessed,
    categories,
    overall,
    heatMap: t.matrices.map((m, j) => ({ matrix: m.matrix.name, likelihood: m.matrix.likelihood, impact: m.matrix.impact, inherent: heat[j]!.inherent, residual: heat[j]!.residual })),
    knockouts,
    decision,
    trace,
    mitigations,
    nextReviewDate: civilFromDays(due),
    reviewCadenceDays: cadence,
  };
}

function floorDecimal(p: PolicyIndex, score: Decimal): number {
  let k = p.sDec.length - 1;
  while (k > 0 && p.sDec[k]!.gt(score)) k--;
  return k;
}

interface Prepared {
  t: TemplateIndex;
  p: PolicyIndex;
  fast: boolean;
  assessedOn: IsoDate;
  day: number;
}

function prepare(template: unknown, options: unknown): Prepared {
  const t = templateIndex(template, ['template']);
  if (typeof options !== 'object' || options === null) invalid(['options'], 'must be an object with assessedOn and policy');
  const o = options as AssessPartnerOptions;
  const assessedOn = isoDateAt(o.assessedOn, ['options', 'assessedOn']);
  if (o.policy === undefined) invalid(['options', 'policy'], 'is required (a risk policy from defineRiskPolicy)');
  const p = policyIndex(o.policy, ['options', 'policy']);
  const tl = t.template.levels;
  const pl = p.policy.levels;
  if (tl.length !== pl.length || tl.some((l, k) => l !== pl[k])) {
    invalid(['options', 'policy', 'levels'], `must equal the template's levels (${quoteList(tl)}), received ${quoteList(pl)}`);
  }
  // Plain integers stay exact while every sum times 10^6 fits in 2^53; otherwise Decimal sums.
  const maxS = p.sU[p.sU.length - 1]!;
  const fast = t.weightTotalU * maxS * POW10[SCORE_PLACES - p.scoreScale]! <= SAFE && POW10[t.weightScale] !== undefined;
  const day = daysFromCivil(Number(assessedOn.slice(0, 4)), Number(assessedOn.slice(5, 7)), Number(assessedOn.slice(8, 10)));
  return { t, p, fast, assessedOn, day };
}

/**
 * Assesses a partner: each finding rated inherent and residual on its factor's matrix, rolled up per
 * category and overall, with a heat map, the knock-outs, a decision with its rule trace, the
 * mitigations a conditional approval requires, and the next review date.
 *
 * Findings give labels, or values read through the factor's scales. Residual likelihood and
 * impact never exceed the inherent ones, and a lowered residual needs a control: both are errors
 * otherwise, as are unknown factors and labels, two findings for one factor, and a knock-out flag
 * on a factor that is not a knock-out factor. Per category: the worst level and a weighted score.
 * Overall by the policy's method: `max` (the worst residual level), `weighted` (Σ weight × score /
 * Σ weight through the policy's explicit scores, then the highest level whose score is at most
 * that), or `k-worst` (the mean score of the k worst factors, likewise). Scores are rounded
 * half-even to 6 places; levels are decided on the exact value. Decision rules, in order:
 * knock-outs reject; unassessed factors escalate if the policy says so; optional worst-factor
 * rules; the overall level against the thresholds. The decision is the most severe outcome.
 *
 * @example
 * ```ts
 * const r = assessPartner(dealerDueDiligence, [
 *   { factor: 'registration', likelihood: 'very-low', impact: 'very-high' },
 *   { factor: 'credit-rating', likelihood: 'high', impact: 'high', controls: [{ id: 'bank-guarantee' }], residual: { likelihood: 'moderate', impact: 'high' } },
 * ], { assessedOn: '2026-03-01', policy: dealerDueDiligencePolicy });
 * [r.factors[1].inherent.level, r.factors[1].residual.level, r.decision, r.mitigations[0].factor, r.nextReviewDate];
 * //=> ['high', 'moderate', 'conditional', 'credit-rating', '2026-08-28']
 * ```
 */
export function assessPartner(template: RiskTemplate, findings: readonly RiskFinding[], options: AssessPartnerOptions): PartnerAssessment {
  try {
    const x = prepare(template, options);
    return assessOne(x.t, x.p, x.fast, findings, x.assessedOn, x.day);
  } catch (error) {
    throw wrapThrown(error);
  }
}

/**
 * Assesses many partners against one template and policy, validated once: the batch form of
 * {@link assessPartner}. Errors name the partner: `partners[3].findings[1].factor`.
 *
 * @example
 * ```ts
 * assessPartners(dealerDueDiligence, [
 *   [{ factor: 'registration', likelihood: 'low', impact: 'low' }],
 *   [{ factor: 'registration', likelihood: 'very-high', impact: 'very-high', knockout: true }],
 * ], { assessedOn: '2026-03-01', policy: dealerDueDiligencePolicy }).map((r) => r.decision);
 * //=> ['approve', 'reject']
 * ```
 */
export function assessPartners(template: RiskTemplate, partners: readonly (readonly RiskFinding[])[], options: AssessPartnerOptions): PartnerAssessment[] {
  try {
    const x = prepare(template, options);
    if (!Array.isArray(partners)) invalid(['partners'], 'must be an array of finding lists');
    const out = new Array<PartnerAssessment>(partners.length);
    for (let k = 0; k < partners.length; k++) {
      try {
        out[k] = assessOne(x.t, x.p, x.fast, partners[k], x.assessedOn, x.day);
      } catch (e) {
        const err = wrapThrown(e);
        throw new DealerkitError(err.code, err.issues.map((i) => ({ path: ['partners', k, ...i.path], message: i.message })));
      }
    }
    return out;
  } catch (error) {
    throw wrapThrown(error);
  }
}
