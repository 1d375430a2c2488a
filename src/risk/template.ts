import { Decimal } from '../core/decimal.js';
import { IssueCollector, invalid, isDealerkitError, wrapThrown, type IssuePath } from '../core/errors.js';
import type * as z from 'zod/mini';
import { parseWith } from '../core/schema.js';
import { adopt, lazyFrozen, settle, type LazyTarget } from '../core/lazy.js';
import { matrixIndex, type MatrixIndex, type RiskMatrix } from './matrix.js';
import { RISK_MESSAGES as M, describe } from './messages.js';
import { nistSp80030 } from './presets.js';
import { scaleAt, type RiskScale } from './scale.js';
import { riskTemplateSpecShape, type RiskTemplateSpec } from './schema.js';

/** One factor of a defined {@link RiskTemplate}. */
export interface RiskFactor {
  /** The factor's id, which findings name. */
  readonly id: string;
  /** Its category (`background`, `financial`, `compliance`, `strategic`, or one of yours). */
  readonly category: string;
  /** A title for reports (the id when none is given). */
  readonly title: string;
  /** The matrix that rates it. */
  readonly matrix: RiskMatrix;
  /** Its weight in weighted roll-ups (1 unless given). */
  readonly weight: Decimal;
  /** When present, the factor can decide alone: a finding flagged `knockout`, or a residual level at or above `atLevel`. */
  readonly knockout?: {
    /** Why the factor decides alone. */
    readonly reason: string;
    /** A residual at or above this level knocks out by itself. */
    readonly atLevel?: string;
  };
  /** Scales that read numeric evidence into the matrix's likelihood or impact labels. */
  readonly scales?: {
    /** For the likelihood axis. */
    readonly likelihood?: RiskScale;
    /** For the impact axis. */
    readonly impact?: RiskScale;
  };
  /** What a partner can do to lower this risk; listed when a conditional approval requires it. */
  readonly mitigations: readonly string[];
}

/** A validated, frozen due-diligence template: the factors to assess and how each is rated. */
export interface RiskTemplate {
  /** Always `'risk-template'`. */
  readonly kind: 'risk-template';
  /** The template's name. */
  readonly name: string;
  /** The categories, in report order. */
  readonly categories: readonly string[];
  /** The risk levels every factor's matrix shares, lowest first. */
  readonly levels: readonly string[];
  /** The factors, in report order. */
  readonly factors: readonly RiskFactor[];
}

/** A factor with its indexes, for assessments. @internal */
export interface FactorIndex {
  readonly factor: RiskFactor;
  readonly pos: number;
  readonly cat: number;
  readonly m: MatrixIndex;
  readonly mIdx: number;
  /** Weight × 10^weightScale, a safe integer. */
  readonly wU: number;
  readonly knockoutAt: number;
}

/** A template with its indexes. @internal */
export interface TemplateIndex {
  readonly template: RiskTemplate;
  /** The built template itself: a preset's `template` reads every field through a getter, this does not. */
  readonly data: RiskTemplate;
  readonly factors: readonly FactorIndex[];
  readonly byId: ReadonlyMap<string, FactorIndex>;
  readonly matrices: readonly MatrixIndex[];
  readonly weightScale: number;
  readonly weightTotalU: number;
}

/** The default categories: the seeds' A (background), B (financial) and C (compliance and strategic fit). */
const DEFAULT_CATEGORIES = ['background', 'financial', 'compliance', 'strategic'];
const MAX_PLACES = 6;
const MAX_UNITS = 1e9;
const INDEX = new WeakMap<object, TemplateIndex>();

/** Scaled integer units of a Decimal with at most `places` decimals, or undefined. @internal */
export function unitsOf(d: Decimal, places: number): number | undefined {
  // 10^places written as a literal (no pow), and no product at all for whole numbers: the presets' weights.
  // Stryker disable next-line ConditionalExpression: d × 1e0 is d, so the shortcut for 0 places gives the same units
  const u = places === 0 ? d : d.times(`1e${places}`);
  // Stryker disable next-line ConditionalExpression,LogicalOperator: both callers (template weights, policy scores) pass a value already checked to be at most 1000 with at most 6 decimals, scaled by at least its own places (at most 6): always a whole number of at most 1e9 units
  return u.isInteger() && u.abs().lte(MAX_UNITS) ? u.toNumber() : undefined;
}

/**
 * The position of a factor's matrix among the template's (one heat map each), added when new.
 * Matrices are grouped by what they hold, not by identity: a template read back from JSON has one
 * copy of a shared matrix per factor, and must give the same heat maps as the live one.
 */
function matrixSlot(matrices: MatrixIndex[], keys: Map<string, number>, m: MatrixIndex): number {
  const key = JSON.stringify(m.matrix);
  let at = keys.get(key);
  if (at === undefined) {
    at = matrices.push(m) - 1;
    keys.set(key, at);
  }
  return at;
}

function build(spec: RiskTemplateSpec, path: IssuePath, preset?: z.output<typeof riskTemplateSpecShape>, lazy?: LazyTarget<RiskTemplate>): TemplateIndex {
  const s = preset ?? parseWith(riskTemplateSpecShape, spec, path);
  const issues = new IssueCollector();
  const categories = s.categories ?? DEFAULT_CATEGORIES;
  const catIndex = new Map<string, number>();
  categories.forEach((c, k) => {
    const first = catIndex.get(c);
    if (first !== undefined) issues.add([...path, 'categories', k], M.duplicateCategory(first, c), 'invalid_input', { code: 'duplicate', received: JSON.stringify(c) });
    else catIndex.set(c, k);
  });
  const ids = new Map<string, number>();
  const matrices: MatrixIndex[] = [];
  const matrixKeys = new Map<string, number>();
  let levels: readonly string[] | undefined;
  let weightScale = 0;
  const prepared: { f: (typeof s.factors)[number]; m: MatrixIndex; mIdx: number; lScale?: RiskScale; iScale?: RiskScale; weight: Decimal; at: number }[] = [];
  s.factors.forEach((f, k) => {
    const fp = [...path, 'factors', k];
    const first = ids.get(f.id);
    if (first !== undefined) issues.add([...fp, 'id'], M.duplicateFactor(first, f.id), 'invalid_input', { code: 'duplicate', received: JSON.stringify(f.id) });
    else ids.set(f.id, k);
    if (!catIndex.has(f.category)) issues.add([...fp, 'category'], M.unknownCategory(f.category, categories), 'unknown_label', { code: 'unknown_label', received: JSON.stringify(f.category) });
    let m: MatrixIndex;
    try {
      m = matrixIndex(f.matrix, [...fp, 'matrix']);
    } catch (e) {
      if (!isDealerkitError(e)) throw e;
      issues.addError(e);
      return;
    }
    const mIdx = matrixSlot(matrices, matrixKeys, m);
    if (levels === undefined) levels = m.matrix.levels;
    else if (m.matrix.levels.length !== levels.length || m.matrix.levels.some((l, j) => l !== levels![j])) {
      issues.add([...fp, 'matrix', 'levels'], M.factorLevels(levels, m.matrix.levels), 'invalid_input', { code: 'inconsistent' });
    }
    const weight = f.weight ?? new Decimal(1);
    const places = weight.decimalPlaces();
    if (places > MAX_PLACES || weight.gt(1000)) {
      issues.add([...fp, 'weight'], M.weightRange(MAX_PLACES, weight), 'out_of_range', { code: 'out_of_range', expected: `at most 1000, with at most ${MAX_PLACES} decimals`, received: weight.toFixed(), limit: weight.gt(1000) ? '1000' : '0.000001' });
    }
    // Stryker disable next-line MethodExpression: Math.min keeps the scale at 0, so a weight with decimals gets no units, the total is NaN and every roll-up takes the exact Decimal path (the same figures); whole weights have scale 0 either way
    weightScale = Math.max(weightScale, places);
    let at = -1;
    if (f.knockout?.atLevel !== undefined) {
      at = m.lv.get(f.knockout.atLevel) ?? -1;
      if (at < 0) issues.add([...fp, 'knockout', 'atLevel'], M.notALevel(f.knockout.atLevel, m.matrix.levels), 'unknown_label', { code: 'unknown_label', received: JSON.stringify(f.knockout.atLevel) });
    }
    const entry: (typeof prepared)[number] = { f, m, mIdx, weight, at };
    for (const axis of ['likelihood', 'impact'] as const) {
      const raw = f.scales?.[axis];
      if (raw === undefined) continue;
      const sp = [...fp, 'scales', axis];
      let scale: RiskScale;
      try {
        scale = scaleAt(raw, sp);
      } catch (e) {
        if (!isDealerkitError(e)) throw e;
        issues.addError(e);
        continue;
      }
      const labels = axis === 'likelihood' ? m.l : m.i;
      let last = -1;
      scale.bins.forEach((b, j) => {
        const li = labels.get(b.level);
        if (li === undefined) {
          issues.add([...sp, 'bins', j, 'level'], M.scaleLevelNotOnAxis(axis, b.level, axis === 'likelihood' ? m.matrix.likelihood : m.matrix.impact), 'unknown_label', {
            code: 'unknown_label',
            received: JSON.stringify(b.level),
          });
        } else if (li <= last) {
          issues.add([...sp, 'bins', j, 'level'], M.scaleLevelOrder(axis, j), 'out_of_range', { code: 'not_ascending', received: JSON.stringify(b.level) });
        } else last = li;
      });
      if (axis === 'likelihood') entry.lScale = scale;
      else entry.iScale = scale;
    }
    prepared.push(entry);
  });
  if (s.levels !== undefined && levels !== undefined && (s.levels.length !== levels.length || s.levels.some((l, j) => l !== levels![j]))) {
    issues.add([...path, 'levels'], M.templateLevels(levels), 'invalid_input', { code: 'inconsistent' });
  }
  issues.throwIfAny();

  const factors: FactorIndex[] = [];
  let weightTotalU = 0;
  const list: RiskFactor[] = prepared.map((p, pos) => {
    const { f } = p;
    const factor: RiskFactor = Object.freeze({
      id: f.id,
      category: f.category,
      title: f.title ?? f.id,
      matrix: p.m.matrix,
      weight: p.weight,
      ...(f.knockout !== undefined
        ? { knockout: Object.freeze({ reason: f.knockout.reason, ...(f.knockout.atLevel !== undefined ? { atLevel: f.knockout.atLevel } : {}) }) }
        : {}),
      ...(p.lScale !== undefined || p.iScale !== undefined
        ? { scales: Object.freeze({ ...(p.lScale !== undefined ? { likelihood: p.lScale } : {}), ...(p.iScale !== undefined ? { impact: p.iScale } : {}) }) }
        : {}),
      mitigations: Object.freeze([...(f.mitigations ?? [])]),
    });
    const wU = unitsOf(p.weight, weightScale)!;
    weightTotalU += wU;
    factors.push({ factor, pos, cat: catIndex.get(f.category)!, m: p.m, mIdx: p.mIdx, wU, knockoutAt: p.at });
    return factor;
  });
  const data: RiskTemplate = Object.freeze({
    kind: 'risk-template' as const,
    name: s.name,
    categories: Object.freeze([...categories]),
    levels: levels!,
    factors: Object.freeze(list),
  });
  const template = adopt(lazy, data);
  const index: TemplateIndex = { template, data, factors, byId: new Map(factors.map((f) => [f.factor.id, f])), matrices, weightScale, weightTotalU };
  INDEX.set(template, index);
  return index;
}

/**
 * Defines a due-diligence template: the factors to assess, each with its category, matrix, weight,
 * knock-out rule, scales and mitigations; validated once and frozen.
 *
 * Categories default to `background`, `financial`, `compliance`, `strategic` and are extensible.
 * Every factor's matrix must share the same levels (roll-ups compare them). To extend a template,
 * spread it: `defineRiskTemplate({ ...dealerDueDiligence, name: 'mine', factors: [...dealerDueDiligence.factors, myFactor] })`.
 *
 * @example
 * ```ts
 * const t = defineRiskTemplate({ name: 'mini', factors: [{ id: 'registration', category: 'background', matrix: nistSp80030, knockout: { reason: 'unverifiable registration' } }] });
 * [t.levels.length, t.factors[0].weight.toString(), t.categories];
 * //=> [5, '1', ['background', 'financial', 'compliance', 'strategic']]
 * ```
 */
export function defineRiskTemplate(spec: RiskTemplateSpec): RiskTemplate {
  try {
    return build(spec, []).template;
  } catch (error) {
    throw wrapThrown(error);
  }
}

/**
 * Defines one of dealerkit's preset templates from a spec written in the parsed form (Decimal
 * weights), built on first use and without the zod pass; the hand checks are {@link defineRiskTemplate}'s (see
 * `presetRiskMatrix`). @internal
 */
export function presetRiskTemplate(spec: z.output<typeof riskTemplateSpecShape>): RiskTemplate {
  return lazyFrozen<RiskTemplate>(['kind', 'name', 'categories', 'levels', 'factors'], (lazy) => build(spec as RiskTemplateSpec, [], spec, lazy));
}

/** The index of a template (a defined one, or a template-like object validated). @internal */
export function templateIndex(value: unknown, path: IssuePath): TemplateIndex {
  if (typeof value === 'object' && value !== null) {
    const known = INDEX.get(value) ?? (settle(value), INDEX.get(value));
    if (known !== undefined) return known;
    return build(value as RiskTemplateSpec, path);
  }
  return invalid(path, M.notA('a risk template (from defineRiskTemplate)', value), { code: 'invalid_type', received: describe(value) });
}

const f = (
  id: string,
  category: string,
  title: string,
  mitigations: string[],
  extra: { weight?: Decimal; knockout?: { reason: string } } = {},
) => ({ id, category, title, matrix: nistSp80030, mitigations, ...extra });

/**
 * The seeds' due-diligence catalogue, ready to use and to extend: (A) background, (B) financial
 * health, (C) compliance and strategic fit, 24 factors rated on NIST SP 800-30 Table I-2.
 *
 * Knock-out factors (a finding flagged `knockout` decides alone): `registration` (an unverifiable
 * registration or licence), `blacklist` (a serious-violation blacklist entry), `anti-bribery` (a
 * bribery red flag). `credit-rating` and `financial-distress` weigh 2 in weighted roll-ups, the
 * others 1. Financial factors take their likelihood from benchmark bands (see `toFinancialFindings`
 * and `dealerFinancialFactors`).
 *
 * @example
 * ```ts
 * dealerDueDiligence.factors.filter((x) => x.knockout).map((x) => x.id);
 * //=> ['registration', 'blacklist', 'anti-bribery']
 * ```
 */
export const dealerDueDiligence: RiskTemplate = presetRiskTemplate({
  name: 'dealer due diligence (A background, B financial, C compliance and strategic fit)',
  factors: [
    f('registration', 'background', 'Business registration and licences', ['verify the business licence with the company registry before signing'], {
      knockout: { reason: 'an unverifiable business registration or licence decides alone' },
    }),
    f('credit-rating', 'background', 'Credit rating and payment history', ['bank guarantee or letter of credit', 'lower initial credit line', 'shorter payment terms'], { weight: new Decimal(2) }),
    f('reputation', 'background', 'Reputation and customer reviews', ['reference calls with three customers', 'customer-satisfaction survey after the first quarter']),
    f('litigation', 'background', 'Litigation history and major debt disputes', ['legal review of open cases', 'indemnity clause in the contract']),
    f('market-stability', 'background', 'Market activity and stability of cooperation', ['quarterly business reviews in the first year']),
    f('audited-statements', 'financial', 'Three years of audited statements, tax records and bank flows', ['audited statements and a tax clearance certificate before signing']),
    f('liquidity', 'financial', 'Liquidity (current and quick ratios)', ['prepayment or cash on delivery for the first orders']),
    f('debt-ratio', 'financial', 'Leverage (debt ratio)', ['parent or personal guarantee', 'credit line capped at a share of equity']),
    f('cash-flow', 'financial', 'Operating cash flow', ['shorter payment terms', 'monthly cash-flow reporting']),
    f('profitability', 'financial', 'Continuous profitability (ROE, DuPont)', ['business plan with margin targets reviewed each quarter']),
    f('receivables-cycle', 'financial', 'Receivables and payables cycle (DSO, DPO)', ['monthly receivables ageing report']),
    f('inventory-turnover', 'financial', 'Inventory turnover (DIO)', ['inventory ageing limits tied to rebates']),
    f('financial-distress', 'financial', 'Financial distress (Altman Z)', ['credit insurance', 'escrow or bank guarantee'], { weight: new Decimal(2) }),
    f('environmental-permits', 'compliance', 'Environmental permits', ['copies of valid permits before signing']),
    f('certifications', 'compliance', 'Product certifications', ['certificates on file and renewal dates tracked']),
    f('labour-law', 'compliance', 'Labour-law compliance', ['labour-compliance audit within six months']),
    f('ip-disputes', 'compliance', 'Intellectual-property disputes', ['IP warranty and brand-use clause']),
    f('admin-penalties', 'compliance', 'Administrative penalties', ['written remediation plan for past penalties']),
    f('blacklist', 'compliance', 'Serious-violation blacklist', ['none: a listing decides alone'], {
      knockout: { reason: 'an entry on a serious-violation blacklist decides alone' },
    }),
    f('anti-bribery', 'compliance', 'Anti-bribery red flags', ['anti-bribery undertaking and training', 'audit right in the contract'], {
      knockout: { reason: 'a bribery red flag decides alone' },
    }),
    f('data-sharing', 'compliance', 'Data-sharing and privacy compliance', ['data-processing agreement']),
    f('strategic-fit', 'strategic', 'Alignment of strategy', ['joint business plan with shared targets']),
    f('operating-capability', 'strategic', 'Operating capability and service level', ['service-level agreement with response-time targets']),
    f('crisis-response', 'strategic', 'Crisis response', ['documented crisis-response plan and contacts']),
  ],
});
