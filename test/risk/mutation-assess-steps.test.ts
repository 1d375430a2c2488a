// Mutation tests for src/risk/assess-steps.ts and the tally of src/risk/assess.ts: whole step lists
// of assessments with decimal weights and decimal scores (figures derived by hand below), the
// worst-factor rule at its edges (a threshold at the lowest level, a factor exactly at it, a reject
// rule alone), the averaged-severe warning, and the steps shared by the partners of one batch.
// Matrix: NIST SP 800-30 Rev. 1 Table I-2 (likelihood rows × impact columns, very-low … very-high):
//   very-high: VL L M H VH | high: VL L M H VH | moderate: VL L M M H | low: VL L L L M | very-low: VL VL VL L L
import { describe, expect, it } from 'vitest';
import { assessPartner, assessPartners, defineRiskPolicy, defineRiskTemplate, nistSp80030, type RiskPolicySpec } from 'dealerkit';
import { NIST, decimalScoresSpec } from './decimal-scores-policy.js';

const template = defineRiskTemplate({
  name: 'dw',
  factors: [
    { id: 'f1', category: 'background', matrix: nistSp80030, weight: '1.5' },
    { id: 'f2', category: 'financial', matrix: nistSp80030, weight: '0.5' },
    { id: 'f3', category: 'compliance', matrix: nistSp80030 },
    { id: 'f4', category: 'strategic', matrix: nistSp80030 },
    { id: 'f5', category: 'background', matrix: nistSp80030 },
  ],
});
// Scores with one decimal (scale 1), weights with one decimal (scale 1).
const spec: RiskPolicySpec = decimalScoresSpec;
const weighted = defineRiskPolicy(spec);
const withDecision = (d: Partial<RiskPolicySpec['decision']>) => defineRiskPolicy({ ...spec, decision: { ...spec.decision, ...d } });
const asOf = '2025-06-30';
const plain = (x: unknown) => JSON.parse(JSON.stringify(x));
const HIDES = 'an average hides one severe factor (set decision.escalateIfAnyFactorAtLeast or rejectIfAnyFactorAtLeast to act on it)';

// X: f1 very-high × very-high → very-high (10), f2 low × low → low (2.5), f3 very-low × very-low → very-low (0.5).
const X = { findings: [
  { factor: 'f1', likelihood: 'very-high', impact: 'very-high' },
  { factor: 'f2', likelihood: 'low', impact: 'low' },
  { factor: 'f3', likelihood: 'very-low', impact: 'very-low' },
] };
// Y: f1 high × high → high (7.5) alone.
const Y = { findings: [{ factor: 'f1', likelihood: 'high', impact: 'high' }] };

describe('weighted, decimal weights and scores: the whole assessment of X', () => {
  const r = assessPartner({ template, policy: weighted }, X, { asOf });
  it('the categories: Σ weight × score, Σ weight and their mean', () => {
    // background: 1.5 × 10 = 15 over 1.5 → 10; financial: 0.5 × 2.5 = 1.25 over 0.5 → 2.5;
    // compliance: 1 × 0.5 over 1 → 0.5; strategic: nothing assessed.
    expect(plain(r.categories)).toEqual([
      { category: 'background', assessed: 1, worst: 'very-high', weightedSum: '15', weightTotal: '1.5', score: '10' },
      { category: 'financial', assessed: 1, worst: 'low', weightedSum: '1.25', weightTotal: '0.5', score: '2.5' },
      { category: 'compliance', assessed: 1, worst: 'very-low', weightedSum: '0.5', weightTotal: '1', score: '0.5' },
      { category: 'strategic', assessed: 0, worst: null, weightedSum: '0', weightTotal: '0', score: null },
    ]);
  });
  it('every step, with its text', () => {
    // Σ w × s = 15 + 1.25 + 0.5 = 16.75; Σ w = 1.5 + 0.5 + 1 = 3; 16.75 / 3 = 5.58333… → 5.583333 (6 places).
    // The highest level whose score is at most 5.583333: moderate (5). moderate ≤ conditionalUpTo → conditional.
    // Review: 2025-06-30 + 180 days: +31 → 07-31, +62 → 08-31, +92 → 09-30, +123 → 10-31, +153 → 11-30, +180 → 12-27.
    expect(plain(r.steps)).toEqual([
      { code: 'overall', method: 'weighted', sum: '16.75', divisor: '3', score: '5.583333', level: 'moderate', levelScore: '5', basis: ['f1', 'f2', 'f3'],
        text: "weighted: Σ weight × score / Σ weight = 16.75 / 3 = 5.583333 (to 6 places); the highest level whose score is at most that is 'moderate' (score 5)" },
      { code: 'knockout', outcome: null, factors: [], text: 'no knock-out finding' },
      { code: 'unassessed', outcome: null, factors: ['f4', 'f5'], policy: 'ignore', text: '2 factors not assessed (the policy ignores them)' },
      { code: 'overall-level', outcome: 'conditional', level: 'moderate', threshold: 'conditionalUpTo', thresholdLevel: 'moderate', levels: NIST,
        thresholds: { approveUpTo: 'low', conditionalUpTo: 'moderate', escalateUpTo: 'high' }, text: "overall level 'moderate' is at most conditionalUpTo 'moderate'" },
      { code: 'decision', decision: 'conditional', rules: ['overall-level'], text: 'conditional, the most severe outcome of the rules (from overall-level)' },
      { code: 'review', asOf, level: 'moderate', cadenceDays: 180, nextReviewDate: '2025-12-27', text: "next review on 2025-12-27: 2025-06-30 + 180 days, the cadence of 'moderate'" },
    ]);
  });
  it('the very-high factor under a moderate average is warned about', () => {
    expect(plain(r.warnings)).toEqual([{ code: 'averaged-severe-factor', message: `f1 is at 'very-high', but the weighted overall level is 'moderate': ${HIDES}`, path: ['findings', 0] }]);
  });
});

describe('the averaged-severe warning', () => {
  it('none when the worst level is the overall level', () => {
    // f1 moderate × moderate → moderate (5) alone: overall 5 → moderate, the worst is moderate too.
    const r = assessPartner({ template, policy: weighted }, { findings: [{ factor: 'f1', likelihood: 'moderate', impact: 'moderate' }] }, { asOf });
    expect([r.overall.level, r.warnings]).toEqual(['moderate', []]);
  });
  it('names the first factor at the worst level, at its finding', () => {
    // f1 and f2 very-high (10), f3 very-low (0.5): (1.5 × 10 + 0.5 × 10 + 1 × 0.5) / 3 = 20.5 / 3 = 6.833333 → moderate.
    // f1 comes first in the template; its finding is findings[2].
    const r = assessPartner(
      { template, policy: weighted },
      { findings: [
        { factor: 'f3', likelihood: 'very-low', impact: 'very-low' },
        { factor: 'f2', likelihood: 'very-high', impact: 'very-high' },
        { factor: 'f1', likelihood: 'very-high', impact: 'very-high' },
      ] },
      { asOf },
    );
    expect(plain([r.overall.score, r.overall.level])).toEqual(['6.833333', 'moderate']);
    expect(plain(r.warnings)).toEqual([{ code: 'averaged-severe-factor', message: `f1 is at 'very-high', but the weighted overall level is 'moderate': ${HIDES}`, path: ['findings', 2] }]);
  });
  it("a category's worst is its worst factor, not its last one", () => {
    // background: f1 moderate × moderate → moderate (5, weight 1.5), f5 low × low → low (2.5, weight 1):
    // 7.5 + 2.5 = 10 over 2.5 → 4; overall 4 → low (2.5 ≤ 4 < 5).
    const r = assessPartner(
      { template, policy: weighted },
      { findings: [
        { factor: 'f1', likelihood: 'moderate', impact: 'moderate' },
        { factor: 'f5', likelihood: 'low', impact: 'low' },
      ] },
      { asOf },
    );
    expect(plain(r.categories[0])).toEqual({ category: 'background', assessed: 2, worst: 'moderate', weightedSum: '10', weightTotal: '2.5', score: '4' });
    expect(r.overall.level).toBe('low');
  });
});

describe('the worst-factor rule', () => {
  const wf = (policy: ReturnType<typeof defineRiskPolicy>, partner: typeof X) => {
    const r = assessPartner({ template, policy }, partner, { asOf });
    return plain([r.steps.find((s) => s.code === 'worst-factor'), r.decision, r.steps.find((s) => s.code === 'decision'), r.warnings]);
  };
  it('escalate at or above high: X (very-high) escalates, and no warning', () => {
    expect(wf(withDecision({ escalateIfAnyFactorAtLeast: 'high' }), X)).toEqual([
      { code: 'worst-factor', outcome: 'escalate', worst: 'very-high', escalateAt: 'high', rejectAt: null, text: "a factor is at 'very-high', at or above escalateIfAnyFactorAtLeast 'high'" },
      'escalate',
      { code: 'decision', decision: 'escalate', rules: ['worst-factor'], text: 'escalate, the most severe outcome of the rules (from worst-factor)' },
      [],
    ]);
  });
  it('a factor exactly at the escalation level escalates', () => {
    // Y: high alone, overall 7.5 → high ≤ escalateUpTo: the overall level escalates too.
    expect(wf(withDecision({ escalateIfAnyFactorAtLeast: 'high' }), Y)).toEqual([
      { code: 'worst-factor', outcome: 'escalate', worst: 'high', escalateAt: 'high', rejectAt: null, text: "a factor is at 'high', at or above escalateIfAnyFactorAtLeast 'high'" },
      'escalate',
      { code: 'decision', decision: 'escalate', rules: ['worst-factor', 'overall-level'], text: 'escalate, the most severe outcome of the rules (from worst-factor, overall-level)' },
      [],
    ]);
  });
  it('a reject rule alone, below it: no outcome, and no escalation either', () => {
    expect(wf(withDecision({ rejectIfAnyFactorAtLeast: 'very-high' }), Y)).toEqual([
      { code: 'worst-factor', outcome: null, worst: 'high', escalateAt: null, rejectAt: 'very-high', text: "no factor at or above 'very-high'" },
      'escalate',
      { code: 'decision', decision: 'escalate', rules: ['overall-level'], text: 'escalate, the most severe outcome of the rules (from overall-level)' },
      [],
    ]);
  });
  it('thresholds at the lowest level (index 0) act on every partner', () => {
    expect(wf(withDecision({ escalateIfAnyFactorAtLeast: 'very-low' }), Y)[0]).toEqual({
      code: 'worst-factor', outcome: 'escalate', worst: 'high', escalateAt: 'very-low', rejectAt: null, text: "a factor is at 'high', at or above escalateIfAnyFactorAtLeast 'very-low'",
    });
    expect(wf(withDecision({ rejectIfAnyFactorAtLeast: 'very-low' }), Y)).toEqual([
      { code: 'worst-factor', outcome: 'reject', worst: 'high', escalateAt: null, rejectAt: 'very-low', text: "a factor is at 'high', at or above rejectIfAnyFactorAtLeast 'very-low'" },
      'reject',
      { code: 'decision', decision: 'reject', rules: ['worst-factor'], text: 'reject, the most severe outcome of the rules (from worst-factor)' },
      [],
    ]);
  });
});

describe('k-worst with decimal scores', () => {
  it('the mean of the 2 worst of X', () => {
    // Scores 10, 2.5, 0.5: the 2 worst are f1 (10) and f2 (2.5); 12.5 / 2 = 6.25 → moderate (5 ≤ 6.25 < 7.5).
    const policy = defineRiskPolicy({ ...spec, overall: { method: 'k-worst', k: 2 } });
    const r = assessPartner({ template, policy }, X, { asOf });
    expect(plain(r.steps[0])).toEqual({
      code: 'overall', method: 'k-worst', sum: '12.5', divisor: '2', score: '6.25', level: 'moderate', levelScore: '5', basis: ['f1', 'f2'],
      text: "k-worst: the mean score of the 2 worst factors (f1, f2) is 12.5 / 2 = 6.25; the highest level whose score is at most that is 'moderate' (score 5)",
    });
    expect(plain(r.warnings)).toEqual([{ code: 'averaged-severe-factor', message: `f1 is at 'very-high', but the k-worst overall level is 'moderate': ${HIDES}`, path: ['findings', 0] }]);
  });
});

describe('weighted beyond plain integers (Decimal sums)', () => {
  it('weights 1000 and 0.000001: Σ w × s = 8000.00001 over 1000.000001', () => {
    // Weight scale 6: Σ weight × 10^6 = 1,000,000,001; × the top score 10 × 10^6 ≈ 1e16 > 2^53, so Decimal sums.
    // g1 high × high → high (8), g2 very-high × very-high → very-high (10):
    // 1000 × 8 + 0.000001 × 10 = 8000.00001; 8000.00001 / 1000.000001 = 8.0000000000… → 8 (6 places) → high.
    const big = defineRiskTemplate({
      name: 'big',
      factors: [
        { id: 'g1', category: 'background', matrix: nistSp80030, weight: 1000 },
        { id: 'g2', category: 'financial', matrix: nistSp80030, weight: '0.000001' },
      ],
    });
    const policy = defineRiskPolicy({ ...spec, scores: { 'very-low': 0, low: 2, moderate: 5, high: 8, 'very-high': 10 } });
    const r = assessPartner({ template: big, policy }, { findings: [
      { factor: 'g1', likelihood: 'high', impact: 'high' },
      { factor: 'g2', likelihood: 'very-high', impact: 'very-high' },
    ] }, { asOf });
    expect(plain(r.steps[0])).toEqual({
      code: 'overall', method: 'weighted', sum: '8000.00001', divisor: '1000.000001', score: '8', level: 'high', levelScore: '8', basis: ['g1', 'g2'],
      text: "weighted: Σ weight × score / Σ weight = 8000.00001 / 1000.000001 = 8 (to 6 places); the highest level whose score is at most that is 'high' (score 8)",
    });
    expect(plain(r.categories.map((c) => [c.weightedSum, c.weightTotal, c.score]))).toEqual([['8000', '1000', '8'], ['0.00001', '0.000001', '10'], ['0', '0', null], ['0', '0', null]]);
  });
});

describe('assessPartners: the steps that depend only on the policy and a few levels are one object per call', () => {
  it('two partners alike share their knock-out, unassessed, worst-factor, overall-level, decision and review steps, and the warning', () => {
    const policy = withDecision({ rejectIfAnyFactorAtLeast: 'very-high' });
    // Z: f1 moderate (5) and f5 low (2.5): 10 / 2.5 = 4 → low; moderate > low and under the reject level: warned.
    const Z = { findings: [
      { factor: 'f1', likelihood: 'moderate', impact: 'moderate' },
      { factor: 'f5', likelihood: 'low', impact: 'low' },
    ] };
    const b = assessPartners({ template, policy }, [Z, Z], { asOf });
    const [a, c] = [b.rows[0]!.result!, b.rows[1]!.result!];
    expect(a.steps.map((s) => s.code)).toEqual(['overall', 'knockout', 'unassessed', 'worst-factor', 'overall-level', 'decision', 'review']);
    for (let j = 1; j < 7; j++) expect(c.steps[j]).toBe(a.steps[j]);
    expect(plain(a.warnings)).toEqual([{ code: 'averaged-severe-factor', message: `f1 is at 'moderate', but the weighted overall level is 'low': ${HIDES}`, path: ['findings', 0] }]);
    expect(c.warnings[0]).toBe(a.warnings[0]);
  });
});

describe('k-worst: ties and the overall record', () => {
  it('two factors tied at the top, k = 1: the first in template order is taken', () => {
    // f1 and f2 very-high (10), f3 very-low: the single worst score is 10 → very-high; the tie goes to f1.
    const policy = defineRiskPolicy({ ...spec, overall: { method: 'k-worst', k: 1 } });
    const r = assessPartner({ template, policy }, { findings: [
      { factor: 'f2', likelihood: 'very-high', impact: 'very-high' },
      { factor: 'f3', likelihood: 'very-low', impact: 'very-low' },
      { factor: 'f1', likelihood: 'very-high', impact: 'very-high' },
    ] }, { asOf });
    expect(plain(r.overall)).toEqual({ method: 'k-worst', level: 'very-high', score: '10', sum: '10', divisor: '1', basis: ['f1'] });
  });
});

describe('assessPartners: more shared steps', () => {
  it('every factor assessed (no unassessed factor): the unassessed step is shared too', () => {
    const all = { findings: ['f1', 'f2', 'f3', 'f4', 'f5'].map((factor) => ({ factor, likelihood: 'low', impact: 'low' })) };
    const b = assessPartners({ template, policy: weighted }, [all, all], { asOf });
    const [a, c] = [b.rows[0]!.result!, b.rows[1]!.result!];
    expect(plain(a.steps[2])).toEqual({ code: 'unassessed', outcome: null, factors: [], policy: 'ignore', text: 'every factor assessed' });
    expect(c.steps[2]).toBe(a.steps[2]);
  });
  it('the warning of a factor at findings[0] over a very-low overall, and of one at findings[1], is shared', () => {
    // f1 low (1.5 × 2.5 = 3.75) and f3 very-low (1 × 0.5): 4.25 / 2.5 = 1.7 → very-low (0.5 ≤ 1.7 < 2.5); f1 is warned.
    for (const findings of [
      [{ factor: 'f1', likelihood: 'low', impact: 'low' }, { factor: 'f3', likelihood: 'very-low', impact: 'very-low' }],
      [{ factor: 'f3', likelihood: 'very-low', impact: 'very-low' }, { factor: 'f1', likelihood: 'low', impact: 'low' }],
    ]) {
      const b = assessPartners({ template, policy: weighted }, [{ findings }, { findings }], { asOf });
      const [a, c] = [b.rows[0]!.result!, b.rows[1]!.result!];
      const at = findings[0]!.factor === 'f1' ? 0 : 1;
      expect(plain(a.warnings)).toEqual([{ code: 'averaged-severe-factor', message: `f1 is at 'low', but the weighted overall level is 'very-low': ${HIDES}`, path: ['findings', at] }]);
      expect(c.warnings[0]).toBe(a.warnings[0]);
    }
  });
});

describe('templates of 30 and 33 factors: the unassessed step by bitmask up to 30 factors only', () => {
  const wide = (n: number) =>
    defineRiskTemplate({ name: `w${n}`, factors: Array.from({ length: n }, (_, j) => ({ id: `x${j}`, category: 'background', matrix: nistSp80030 })) });
  const without = (n: number, skip: number) => ({ findings: Array.from({ length: n }, (_, j) => j).filter((j) => j !== skip).map((j) => ({ factor: `x${j}`, likelihood: 'low', impact: 'low' })) });
  it('33 factors: a partner without x0 and one without x32 each have their own unassessed step', () => {
    const b = assessPartners({ template: wide(33), policy: weighted }, [without(33, 0), without(33, 32)], { asOf });
    expect(b.rows.map((row) => plain(row.result!.steps[2]))).toEqual([
      { code: 'unassessed', outcome: null, factors: ['x0'], policy: 'ignore', text: '1 factor not assessed (the policy ignores them)' },
      { code: 'unassessed', outcome: null, factors: ['x32'], policy: 'ignore', text: '1 factor not assessed (the policy ignores them)' },
    ]);
  });
  it('30 factors: two partners without x29 share the step', () => {
    const b = assessPartners({ template: wide(30), policy: weighted }, [without(30, 29), without(30, 29)], { asOf });
    const [a, c] = [b.rows[0]!.result!, b.rows[1]!.result!];
    expect(plain(a.steps[2])).toEqual({ code: 'unassessed', outcome: null, factors: ['x29'], policy: 'ignore', text: '1 factor not assessed (the policy ignores them)' });
    expect(c.steps[2]).toBe(a.steps[2]);
  });
});

describe('k-worst over many tied factors', () => {
  it('70 factors all at low, k = 3: the basis is the first three in template order', () => {
    // Every score is 2.5: 3 × 2.5 = 7.5; 7.5 / 3 = 2.5 → low.
    const t = defineRiskTemplate({ name: 'w70', factors: Array.from({ length: 70 }, (_, j) => ({ id: `x${j}`, category: 'background', matrix: nistSp80030 })) });
    const policy = defineRiskPolicy({ ...spec, overall: { method: 'k-worst', k: 3 } });
    const r = assessPartner({ template: t, policy }, { findings: Array.from({ length: 70 }, (_, j) => ({ factor: `x${j}`, likelihood: 'low', impact: 'low' })) }, { asOf });
    expect(plain(r.overall)).toEqual({ method: 'k-worst', level: 'low', score: '2.5', sum: '7.5', divisor: '3', basis: ['x0', 'x1', 'x2'] });
  });
});
