// Reading one partner of assessPartner(s): its id and findings checked, each finding resolved to
// the cells of its factor's matrix (inherent and residual), every issue collected before one throw.
import { RISK_MESSAGES as M, describe, hasOwn } from './messages.js';
import type { FactorIndex, TemplateIndex } from './template.js';
import type { RiskControl, RiskFinding } from './finding.js';
import type { AssessPartnerInput } from './assessment.js';
import { type LazyIssues, unknownKey, PARTNER_KEYS, isFindingKey, FINDING_KEY_LIST, axisIndex, type Resolved } from './assess-support.js';

/** The partner's unknown keys reported, and its `id` read (null when absent or bad). @internal */
export function partnerId(input: AssessPartnerInput, bad: LazyIssues): string | number | null {
  for (const key in input) if (key !== 'id' && key !== 'findings') unknownKey([key], key, PARTNER_KEYS, bad.get());
  let id: string | number | null = null;
  if (hasOwn(input, 'id') && input.id !== undefined) {
    const v: unknown = input.id;
    if ((typeof v === 'string' && v !== '') || (typeof v === 'number' && Number.isFinite(v))) id = v;
    else bad.get().add(['id'], M.partnerId(v), 'invalid_input', { code: 'invalid_type', received: describe(v) });
  }
  return id;
}

/** The partner's findings as a non-empty array; throws with every issue so far otherwise. @internal */
export function findingsOf(input: AssessPartnerInput, bad: LazyIssues): unknown[] {
  const findings: unknown = input.findings;
  if (!Array.isArray(findings)) {
    bad.get().add(['findings'], M.findingsArray(findings), 'invalid_input', { code: findings === undefined ? 'required' : 'invalid_type', received: describe(findings) });
    bad.get().throwIfAny();
  }
  const list = findings as unknown[];
  if (list.length === 0) {
    bad.get().add(['findings'], M.findingsEmpty(), 'invalid_input', { code: 'too_short', limit: '1', received: '0' });
    bad.get().throwIfAny();
  }
  return list;
}

/** Every finding resolved into `slots` (by factor position); throws with every issue; returns how many. @internal */
export function resolveFindings(t: TemplateIndex, list: readonly unknown[], bad: LazyIssues, slots: (Resolved | undefined)[]): number {
  let nAssessed = 0;
  // Stryker disable next-line ArrayDeclaration: only read by index (an unset entry reads undefined either way) and never returned
  const firstAt: (number | undefined)[] = new Array(t.factors.length);
  for (let k = 0; k < list.length; k++) {
    const r = resolveFinding(t, list[k] as RiskFinding, k, bad, firstAt);
    if (r === undefined) continue;
    slots[r.f.pos] = r;
    nAssessed++;
  }
  if (bad.issues !== undefined) bad.issues.throwIfAny();
  return nAssessed;
}

/** One finding checked and resolved to its cells, or undefined when it has an issue (collected in `bad`). */
function resolveFinding(t: TemplateIndex, raw: RiskFinding, k: number, bad: LazyIssues, firstAt: (number | undefined)[]): Resolved | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    bad.get().add(['findings', k], M.findingType(raw), 'invalid_input', { code: raw === undefined ? 'required' : 'invalid_type', received: describe(raw) });
    return undefined;
  }
  for (const key in raw) if (!isFindingKey(key)) unknownKey(['findings', k, key], key, FINDING_KEY_LIST, bad.get());
  const f = typeof raw.factor === 'string' ? t.byId.get(raw.factor) : undefined;
  if (f === undefined) {
    if (typeof raw.factor === 'string') bad.get().add(['findings', k, 'factor'], M.unknownFactor(t.data.name, raw.factor), 'unknown_label', { code: 'unknown_label', received: JSON.stringify(raw.factor) });
    else bad.get().add(['findings', k, 'factor'], M.factorType(raw.factor), 'invalid_input', { code: raw.factor === undefined ? 'required' : 'invalid_type', received: describe(raw.factor) });
    return undefined;
  }
  if (firstAt[f.pos] !== undefined) {
    bad.get().add(['findings', k, 'factor'], M.duplicateFinding(firstAt[f.pos]!, f.factor.id), 'invalid_input', { code: 'duplicate', received: JSON.stringify(f.factor.id) });
    return undefined;
  }
  firstAt[f.pos] = k;
  const before = bad.issues === undefined ? 0 : bad.issues.issues.length;
  const l = axisIndex(f, 'likelihood', raw.likelihood, k, '', bad);
  const i = axisIndex(f, 'impact', raw.impact, k, '', bad);
  let rl = l;
  let ri = i;
  const controls = raw.controls;
  if (controls !== undefined) checkControls(controls, k, bad);
  const residual = raw.residual;
  if (residual !== undefined) {
    if (typeof residual !== 'object' || residual === null) bad.get().add(['findings', k, 'residual'], M.residualType(), 'invalid_input', { code: 'invalid_type', received: describe(residual) });
    else {
      rl = axisIndex(f, 'likelihood', residual.likelihood, k, 'residual', bad);
      ri = axisIndex(f, 'impact', residual.impact, k, 'residual', bad);
      checkResidual(f, k, l, i, rl, ri, controls, bad);
    }
  }
  let knockout: 'finding' | 'level' | null = knockoutOf(t, f, raw, k, bad);
  if (raw.note !== undefined && typeof raw.note !== 'string') bad.get().add(['findings', k, 'note'], M.noteType(raw.note), 'invalid_input', { code: 'invalid_type', received: describe(raw.note) });
  if (bad.issues !== undefined && bad.issues.issues.length > before) return undefined;
  const g = f.m.grid;
  const nI = f.m.nI;
  const rLevel = g[rl * nI + ri]!;
  if (knockout === null && f.knockoutAt >= 0 && rLevel >= f.knockoutAt) knockout = 'level';
  return { f, k, l, i, rl, ri, rLevel, finding: raw, knockout };
}

/** A finding's controls checked: an array of objects, each with a non-empty string `id`. */
function checkControls(controls: unknown, k: number, bad: LazyIssues): void {
  if (!Array.isArray(controls)) bad.get().add(['findings', k, 'controls'], M.controlsArray(), 'invalid_input', { code: 'invalid_type', received: describe(controls) });
  else {
    for (let j = 0; j < controls.length; j++) {
      const c = controls[j] as RiskControl;
      // A control that is no object is wrong as a whole: the issue names the item, not an id inside it.
      if (typeof c !== 'object' || c === null || Array.isArray(c)) {
        bad.get().add(['findings', k, 'controls', j], M.controlType(c), 'invalid_input', { code: c === undefined ? 'required' : 'invalid_type', expected: 'an object', received: describe(c) });
      } else if (typeof c.id !== 'string' || c.id === '') {
        bad.get().add(['findings', k, 'controls', j, 'id'], M.controlId(), 'invalid_input', { code: c.id === undefined ? 'required' : 'invalid_type' });
      }
    }
  }
}

/** A residual rating checked against the inherent one: never above it, and lowered only with a control. */
function checkResidual(f: FactorIndex, k: number, l: number, i: number, rl: number, ri: number, controls: unknown, bad: LazyIssues): void {
  const m = f.m.shape;
  residualNotAbove(m.likelihood, 'likelihood', k, l, rl, bad);
  residualNotAbove(m.impact, 'impact', k, i, ri, bad);
  // A residual index below the inherent one is lowered (rl < l makes l >= 0 given rl >= 0; -1: already reported).
  const lowered = (rl >= 0 && rl < l) || (ri >= 0 && ri < i);
  if (lowered && (controls === undefined || !Array.isArray(controls) || controls.length === 0)) {
    bad.get().add(['findings', k, 'controls'], M.controlsRequired(m.likelihood[rl]!, m.impact[ri]!, m.likelihood[l]!, m.impact[i]!), 'invalid_input', { code: 'inconsistent' });
  }
}

/** One axis of a residual rating: its index `r` must not exceed the inherent index `x` (either -1: already reported). */
function residualNotAbove(labels: readonly string[], axis: 'likelihood' | 'impact', k: number, x: number, r: number, bad: LazyIssues): void {
  // r > x makes r >= 0 given x >= 0.
  if (x >= 0 && r > x) {
    bad.get().add(['findings', k, 'residual', axis], M.residualAbove(axis, labels[r]!, labels[x]!), 'out_of_range', {
      code: 'out_of_range',
      expected: `at most '${labels[x]}'`,
      received: JSON.stringify(labels[r]),
      limit: labels[x]!,
    });
  }
}

/** The finding's own knock-out flag checked: 'finding' when set on a knock-out factor, else null. */
function knockoutOf(t: TemplateIndex, f: FactorIndex, raw: RiskFinding, k: number, bad: LazyIssues): 'finding' | null {
  if (raw.knockout !== undefined && typeof raw.knockout !== 'boolean') {
    bad.get().add(['findings', k, 'knockout'], M.knockoutType(raw.knockout), 'invalid_input', { code: 'invalid_type', received: describe(raw.knockout) });
  } else if (raw.knockout === true) {
    if (f.factor.knockout === undefined) bad.get().add(['findings', k, 'knockout'], M.notAKnockoutFactor(f.factor.id, t.data.name), 'invalid_input', { code: 'inconsistent' });
    else return 'finding';
  }
  return null;
}
