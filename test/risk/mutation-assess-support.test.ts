// Mutation tests for src/risk/assess-support.ts: review dates counted by hand across eras and
// centuries (the civil-date arithmetic), the step texts of figures below 1 and with inner zeros,
// a matrix whose two axes have different labels (read through scales), the configuration's refusals
// and the plain-integer sums' limit (past 2^53 the sums are Decimals, exact to the last digit).
// Matrix: NIST SP 800-30 Rev. 1 Table I-2 (likelihood rows × impact columns, very-low … very-high):
//   very-high: VL L M H VH | high: VL L M H VH | moderate: VL L M M H | low: VL L L L M | very-low: VL VL VL L L
import { describe, expect, it } from 'vitest';
import { assessPartner, assessPartners, defineRiskMatrix, defineRiskPolicy, defineRiskTemplate, nistSp80030, riskMatrix3x3, type RiskPolicySpec } from 'dealerkit';
import { decimalScoresSpec } from './decimal-scores-policy.js';
import { thrown } from '../helpers.js';

const template = defineRiskTemplate({
  name: 'st',
  factors: [
    { id: 'f1', category: 'background', matrix: nistSp80030, weight: '1.5' },
    { id: 'f2', category: 'financial', matrix: nistSp80030, weight: '0.5' },
    { id: 'f3', category: 'compliance', matrix: nistSp80030 },
  ],
});
const spec: RiskPolicySpec = decimalScoresSpec;
const policy = defineRiskPolicy(spec);
const config = { template, policy };
const plain = (x: unknown) => JSON.parse(JSON.stringify(x));
const one = (factor: string, likelihood: string, impact: string) => ({ findings: [{ factor, likelihood, impact }] });

describe('the next review date, counted by hand', () => {
  const review = (partner: ReturnType<typeof one>, asOf: string) => {
    const r = assessPartner(config, partner, { asOf });
    return [r.nextReviewDate, r.steps[r.steps.length - 1]!.text];
  };
  it('1999-06-30 + 180 days (moderate) = 1999-12-27: a year of the era past its first century', () => {
    // +31 → 07-31, +62 → 08-31, +92 → 09-30, +123 → 10-31, +153 → 11-30, +180 → 12-27.
    expect(review(one('f1', 'moderate', 'moderate'), '1999-06-30')).toEqual(['1999-12-27', "next review on 1999-12-27: 1999-06-30 + 180 days, the cadence of 'moderate'"]);
  });
  it('1999-03-01 + 365 days (low) = 2000-02-29: the last day of a 400-year era', () => {
    // 1999-03-01 to 2000-03-01 is 366 days (2000 is a leap year: divisible by 400), so 365 days lands on 02-29.
    expect(review(one('f1', 'low', 'low'), '1999-03-01')).toEqual(['2000-02-29', "next review on 2000-02-29: 1999-03-01 + 365 days, the cadence of 'low'"]);
  });
  it('2025-07-12 + 90 days (high) = 2025-10-10: a two-digit month and day', () => {
    // +19 → 07-31, +50 → 08-31, +80 → 09-30, +90 → 10-10.
    expect(review(one('f1', 'high', 'high'), '2025-07-12')).toEqual(['2025-10-10', "next review on 2025-10-10: 2025-07-12 + 90 days, the cadence of 'high'"]);
  });
  it('2099-12-31 + 730 days (very-low) = 2101-12-31: across 2100, no leap year', () => {
    // 2100 is not a leap year (divisible by 100, not by 400): 2100 and 2101 have 365 days each.
    expect(review(one('f1', 'very-low', 'very-low'), '2099-12-31')).toEqual(['2101-12-31', "next review on 2101-12-31: 2099-12-31 + 730 days, the cadence of 'very-low'"]);
  });
});

describe('figures in the weighted step text', () => {
  it('a sum below 1: 1 × 0.5 = 0.5', () => {
    expect(assessPartner(config, one('f3', 'very-low', 'very-low'), { asOf: '2025-01-01' }).steps[0]!.text).toBe(
      "weighted: Σ weight × score / Σ weight = 0.5 / 1 = 0.5 (to 6 places); the highest level whose score is at most that is 'very-low' (score 0.5)",
    );
  });
  it('a mean with a zero after the point: 9.25 / 3 = 3.083333', () => {
    // f1 low × low → low (1.5 × 2.5 = 3.75), f2 very-high (0.5 × 10 = 5), f3 very-low (1 × 0.5 = 0.5): 9.25 / 3 = 3.0833… → low (2.5).
    const r = assessPartner(
      config,
      { findings: [
        { factor: 'f1', likelihood: 'low', impact: 'low' },
        { factor: 'f2', likelihood: 'very-high', impact: 'very-high' },
        { factor: 'f3', likelihood: 'very-low', impact: 'very-low' },
      ] },
      { asOf: '2025-01-01' },
    );
    expect(r.steps[0]!.text).toBe("weighted: Σ weight × score / Σ weight = 9.25 / 3 = 3.083333 (to 6 places); the highest level whose score is at most that is 'low' (score 2.5)");
  });
});

describe('a matrix whose axes have different labels, read through scales', () => {
  const m = defineRiskMatrix({ likelihood: ['rare', 'often'], impact: ['minor', 'major'], levels: ['low', 'medium', 'high'], cells: [['low', 'medium'], ['medium', 'high']] });
  const t = defineRiskTemplate({
    name: 'ax',
    factors: [
      { id: 'x', category: 'background', matrix: m, scales: { likelihood: { bins: [{ level: 'rare', from: 0 }, { level: 'often', from: 50 }] }, impact: { bins: [{ level: 'minor', from: 0 }, { level: 'major', from: 50 }] } } },
      { id: 'y', category: 'financial', matrix: m },
    ],
  });
  const p = defineRiskPolicy({ levels: ['low', 'medium', 'high'], scores: { low: 1, medium: 2, high: 3 }, overall: { method: 'max' }, decision: { approveUpTo: 'low', conditionalUpTo: 'medium', escalateUpTo: 'medium' }, reviewCadenceDays: { low: 365, medium: 180, high: 90 } });
  const refused = (partner: unknown): [string, [unknown[], string, string][]] => {
    const e = thrown(() => assessPartner({ template: t, policy: p }, partner as never, { asOf: '2025-01-01' }));
    return [e.code, e.issues.map((i) => [i.path, i.code, i.message])];
  };
  it('values through the scales: 60 → often, 10 → minor; 10 → rare, 70 → major', () => {
    const r = assessPartner({ template: t, policy: p }, { findings: [{ factor: 'x', likelihood: 60, impact: 10 }] }, { asOf: '2025-01-01' });
    expect(plain(r.factors[0]!.inherent)).toEqual({ likelihood: 'often', impact: 'minor', level: 'medium' });
    const s = assessPartner({ template: t, policy: p }, { findings: [{ factor: 'x', likelihood: 10, impact: 70 }] }, { asOf: '2025-01-01' });
    expect(plain(s.factors[0]!.inherent)).toEqual({ likelihood: 'rare', impact: 'major', level: 'medium' });
  });
  it('an unknown label lists its own axis', () => {
    expect(refused({ findings: [{ factor: 'y', likelihood: 'sometimes', impact: 'medium' }] })).toEqual([
      'unknown_label',
      [
        [['findings', 0, 'likelihood'], 'unknown_label', "is not a likelihood label of factor 'y': 'sometimes' (likelihood labels: 'rare', 'often')"],
        [['findings', 0, 'impact'], 'unknown_label', "is not an impact label of factor 'y': 'medium' (impact labels: 'minor', 'major')"],
      ],
    ]);
  });
  it('a number on a factor without a scale: invalid_input, and no residual issue after it', () => {
    expect(refused({ findings: [{ factor: 'y', likelihood: 3, impact: 'major', residual: { likelihood: 'rare', impact: 'major' } }] })).toEqual([
      'invalid_input',
      [[['findings', 0, 'likelihood'], 'invalid_type', "must be a likelihood label of factor 'y' (the factor has no likelihood scale to read a value through), received 3"]],
    ]);
  });
  it("a value the scale refuses is collected with the finding's other issues, and no residual issue after it", () => {
    const e = thrown(() => assessPartner({ template: t, policy: p }, { findings: [{ factor: 'x', likelihood: -1, impact: 70, residual: { likelihood: 'rare', impact: 'major' }, note: 5 }] } as never, { asOf: '2025-01-01' }));
    expect(e.issues.map((i) => [i.path, i.code])).toEqual([
      [['findings', 0, 'likelihood'], 'out_of_range'],
      [['findings', 0, 'note'], 'invalid_type'],
    ]);
    expect(e.code).toBe('out_of_range');
  });
});

describe('the configuration and the partner, refused', () => {
  const refusedWith = (c: unknown, partner: unknown = one('f1', 'low', 'low')) => {
    const e = thrown(() => assessPartner(c as never, partner as never, { asOf: '2025-01-01' }));
    return [e.code, e.issues.map((i) => [i.path, i.code, i.message])];
  };
  it('a template alone', () => {
    const e = thrown(() => assessPartner(template as never, one('f1', 'low', 'low'), { asOf: '2025-01-01' }));
    expect([e.code, e.issues.map((i) => [i.path, i.code, i.expected, i.message])]).toEqual([
      'invalid_input',
      [[['config'], 'invalid_value', '{ template, policy }', 'must be { template, policy }, received a template alone: pass { template: yourTemplate, policy: yourPolicy }']],
    ]);
  });
  it('the policy left out or undefined', () => {
    const msg = 'is required (a risk policy from defineRiskPolicy, such as dealerDueDiligencePolicy)';
    expect(refusedWith({ template })).toEqual(['invalid_input', [[['config', 'policy'], 'required', msg]]]);
    expect(refusedWith({ template, policy: undefined })).toEqual(['invalid_input', [[['config', 'policy'], 'required', msg]]]);
  });
  it("a policy whose levels are not the template's: a longer list with the same start, and one label changed", () => {
    const t3 = defineRiskTemplate({ name: 't3', factors: [{ id: 'a', category: 'background', matrix: riskMatrix3x3 }] });
    const base = { scores: { low: 1, medium: 2, high: 3, critical: 4 }, overall: { method: 'max' as const }, decision: { approveUpTo: 'low', conditionalUpTo: 'medium', escalateUpTo: 'high' }, reviewCadenceDays: { low: 365, medium: 180, high: 90, critical: 30 } };
    const longer = defineRiskPolicy({ ...base, levels: ['low', 'medium', 'high', 'critical'] });
    const changed = defineRiskPolicy({
      levels: ['low', 'medium', 'critical'],
      scores: { low: 1, medium: 2, critical: 3 },
      overall: { method: 'max' },
      decision: { approveUpTo: 'low', conditionalUpTo: 'medium', escalateUpTo: 'medium' },
      reviewCadenceDays: { low: 365, medium: 180, critical: 30 },
    });
    expect(refusedWith({ template: t3, policy: longer })).toEqual([
      'invalid_input',
      [[['config', 'policy', 'levels'], 'inconsistent', "must equal the template's levels ('low', 'medium', 'high'), received 'low', 'medium', 'high', 'critical'"]],
    ]);
    expect(refusedWith({ template: t3, policy: changed })).toEqual([
      'invalid_input',
      [[['config', 'policy', 'levels'], 'inconsistent', "must equal the template's levels ('low', 'medium', 'high'), received 'low', 'medium', 'critical'"]],
    ]);
  });
  it('an unknown key of the partner alone: invalid_input', () => {
    const e = thrown(() => assessPartner(config, { ...one('f1', 'low', 'low'), notes: 'x' } as never, { asOf: '2025-01-01' }));
    expect([e.code, e.issues.map((i) => [i.path, i.code, i.received])]).toEqual(['invalid_input', [[['notes'], 'unknown_field', 'notes']]]);
  });
});

describe('sums past 2^53 are Decimals, exact', () => {
  it('weight 999.999999 × score 999.999999 = 999999.998000000001', () => {
    // (1000 − 10^-6)² = 10^6 − 2 × 10^-3 + 10^-12 = 999999.998000000001.
    // As scaled integers: 999999999 × 999999999 ≈ 1e18, far past 2^53 ≈ 9.007e15.
    const t = defineRiskTemplate({ name: 'huge', factors: [{ id: 'h', category: 'background', matrix: nistSp80030, weight: '999.999999' }] });
    const p = defineRiskPolicy({ ...spec, scores: { 'very-low': 0, low: 1, moderate: 2, high: 3, 'very-high': '999.999999' } });
    const r = assessPartner({ template: t, policy: p }, one('h', 'very-high', 'very-high'), { asOf: '2025-01-01' });
    expect(plain([r.categories[0]!.weightedSum, r.categories[0]!.weightTotal, r.categories[0]!.score])).toEqual(['999999.998000000001', '999.999999', '999.999999']);
    expect(plain([r.overall.sum, r.overall.divisor, r.overall.score, r.overall.level])).toEqual(['999999.998000000001', '999.999999', '999.999999', 'very-high']);
  });
});

describe('assessPartners: one Decimal and one step object per figure and level within a call', () => {
  it('partners low, moderate, low: the third shares the first one\'s overall-level step and category Decimals', () => {
    const b = assessPartners(config, [one('f1', 'low', 'low'), one('f1', 'moderate', 'moderate'), one('f1', 'low', 'low')], { asOf: '2025-01-01' });
    const [a, , c] = b.rows.map((row) => row.result!);
    expect([a!.overall.level, c!.overall.level]).toEqual(['low', 'low']);
    expect(c!.steps[3]).toBe(a!.steps[3]);
    expect(c!.categories[0]!.weightedSum).toBe(a!.categories[0]!.weightedSum);
    expect(c!.categories[0]!.weightTotal).toBe(a!.categories[0]!.weightTotal);
    expect(c!.overall.score).toBe(a!.overall.score);
  });
});
