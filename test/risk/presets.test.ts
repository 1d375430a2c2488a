// The risk presets are defined without the zod pass (src/risk/*.ts preset* functions: their specs are
// written in the parsed form, so loading the module builds no schema, issue 14's light imports). Here
// each preset's own fields go through the public, validated definition: the schema accepts them and the
// definition is the preset, field for field, and it rates the same way.
import { describe, expect, it } from 'vitest';
import {
  assessPartner,
  dealerDueDiligence,
  dealerDueDiligencePolicy,
  defineFinancialBenchmarks,
  defineRiskMatrix,
  defineRiskPolicy,
  defineRiskScale,
  defineRiskTemplate,
  distributorBenchmarks,
  financialBenchmarksSpecSchema,
  nistOverallLikelihood,
  nistSemiQuantitativeScale,
  nistSp80030,
  riskMatrix3x3,
  riskMatrix5x5Product,
  riskMatrixSpecSchema,
  riskPolicySpecSchema,
  riskScaleSpecSchema,
  riskTemplateSpecSchema,
  toFinancialBand,
  toRiskLevel,
  toScaleLevel,
  type RiskMatrix,
  type RiskMatrixSpec,
} from 'dealerkit';
import { Decimal } from 'decimal.js';

/** The spec a matrix was defined from: its cells, or its scoring when it has one. */
function matrixSpec(m: RiskMatrix): RiskMatrixSpec {
  const { kind: _kind, cells, scoring, ...rest } = m;
  return scoring !== undefined ? { ...rest, scoring } : { ...rest, cells };
}

describe('risk presets equal their validated definitions', () => {
  const matrices = { nistSp80030, nistOverallLikelihood, riskMatrix5x5Product, riskMatrix3x3 };

  it.each(Object.entries(matrices))('%s', (_name, preset) => {
    const spec = matrixSpec(preset);
    expect(riskMatrixSpecSchema.safeParse(spec).success).toBe(true);
    const defined = defineRiskMatrix(spec);
    expect(defined).toEqual(preset);
    expect(Object.isFrozen(preset)).toBe(true);
    for (const l of preset.likelihood) for (const i of preset.impact) expect(toRiskLevel(preset, l, i)).toBe(toRiskLevel(defined, l, i));
  });

  it('nistSemiQuantitativeScale', () => {
    const { kind: _kind, ...spec } = nistSemiQuantitativeScale;
    expect(riskScaleSpecSchema.safeParse(spec).success).toBe(true);
    const defined = defineRiskScale(spec);
    expect(defined).toEqual(nistSemiQuantitativeScale);
    expect(nistSemiQuantitativeScale.bins.every((b) => b.from instanceof Decimal)).toBe(true);
    // NIST's printed ranges 0–4, 5–20, 21–79, 80–95, 96–100, read as half-open bins.
    for (const [v, level] of [[0, 'very-low'], [4.9, 'very-low'], [5, 'low'], [79, 'moderate'], [95.5, 'high'], [96, 'very-high'], [100, 'very-high']] as const) {
      expect(toScaleLevel(nistSemiQuantitativeScale, v)).toBe(level);
      expect(toScaleLevel(defined, v)).toBe(level);
    }
    expect(() => toScaleLevel(nistSemiQuantitativeScale, 100.5)).toThrow();
  });

  it('dealerDueDiligence', () => {
    expect(riskTemplateSpecSchema.safeParse({ ...dealerDueDiligence }).success).toBe(true);
    const defined = defineRiskTemplate({ ...dealerDueDiligence });
    expect(defined).toEqual(dealerDueDiligence);
    expect(Object.isFrozen(dealerDueDiligence)).toBe(true);
    expect(dealerDueDiligence.factors.filter((f) => f.weight.eq(2)).map((f) => f.id)).toEqual(['credit-rating', 'financial-distress']);
    const partner = { id: 'p1', findings: [{ factor: 'credit-rating', likelihood: 'high', impact: 'high' }, { factor: 'liquidity', likelihood: 'low', impact: 'moderate' }] };
    const a = assessPartner({ template: dealerDueDiligence, policy: dealerDueDiligencePolicy }, partner, { asOf: '2026-03-31' });
    const b = assessPartner({ template: defined, policy: dealerDueDiligencePolicy }, partner, { asOf: '2026-03-31' });
    expect(a).toEqual(b);
    // NIST Table I-2: high × high is high; the worst level decides; the policy escalates at high.
    expect([a.overall.level, a.decision]).toEqual(['high', 'escalate']);
  });

  it('dealerDueDiligencePolicy', () => {
    expect(riskPolicySpecSchema.safeParse({ ...dealerDueDiligencePolicy }).success).toBe(true);
    const defined = defineRiskPolicy({ ...dealerDueDiligencePolicy });
    expect(defined).toEqual(dealerDueDiligencePolicy);
    expect(Object.isFrozen(dealerDueDiligencePolicy.scores)).toBe(true);
  });

  it('distributorBenchmarks', () => {
    const { kind: _kind, ...spec } = distributorBenchmarks;
    expect(financialBenchmarksSpecSchema.safeParse(spec).success).toBe(true);
    const defined = defineFinancialBenchmarks(spec);
    expect(defined).toEqual(distributorBenchmarks);
    // Exact cuts are registered for the preset too: a debt ratio at the good cut is good, just above it average.
    for (const [value, band] of [['0.55', 'good'], ['0.5500001', 'average'], ['0.4', 'excellent'], ['0.76', 'poor']] as const) {
      expect(toFinancialBand(distributorBenchmarks, 'debtRatio', value).band).toBe(band);
      expect(toFinancialBand(defined, 'debtRatio', value).band).toBe(band);
    }
  });
});
