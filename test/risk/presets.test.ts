// The risk presets are built on first use and without the zod pass (src/risk/*.ts preset* functions:
// their specs are written in the parsed form, and src/core/lazy.ts lazyFrozen builds each on the first
// read of a key, so loading the module builds nothing, issue 14's light imports). Here each preset's own
// fields go through the public, validated definition: the schema accepts them and the definition is the
// preset, field for field, key order, JSON, inspection and structured clone included, and it rates the
// same way.
import { inspect } from 'node:util';
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

function cloned(value: object): unknown {
  try {
    return structuredClone(value);
  } catch (e) {
    return (e as Error).name;
  }
}

/** The preset and its validated definition look the same every way a user can look. */
function same(preset: object, defined: object): void {
  expect(defined).toEqual(preset);
  expect(Object.keys(preset)).toEqual(Object.keys(defined));
  expect(JSON.stringify(preset)).toBe(JSON.stringify(defined));
  expect(inspect(preset, { depth: 6 })).toBe(inspect(defined, { depth: 6 }));
  // A structured clone copies the matrices; it refuses Decimal values (their constructor) alike.
  expect(cloned(preset)).toEqual(cloned(defined));
  expect(Object.isFrozen(preset)).toBe(true);
}

describe('risk presets equal their validated definitions', () => {
  const matrices = { nistSp80030, nistOverallLikelihood, riskMatrix5x5Product, riskMatrix3x3 };
  const all = { ...matrices, nistSemiQuantitativeScale, dealerDueDiligence, dealerDueDiligencePolicy, distributorBenchmarks };

  it('are frozen, with their keys, before their first use', () => {
    // Runs first in this file's fresh module graph: no key of a preset has been read yet.
    for (const preset of Object.values(all)) {
      expect(Object.isFrozen(preset)).toBe(true);
      expect(() => Object.defineProperty(preset, 'extra', { value: 1 })).toThrow(TypeError);
    }
    expect(Object.keys(nistSp80030)).toEqual(['kind', 'name', 'source', 'likelihood', 'impact', 'levels', 'cells']);
    expect(Object.keys(riskMatrix5x5Product)).toEqual(['kind', 'name', 'source', 'likelihood', 'impact', 'levels', 'cells', 'scoring']);
    expect(Object.keys(dealerDueDiligence)).toEqual(['kind', 'name', 'categories', 'levels', 'factors']);
    // The template's factors hold the preset matrix itself.
    expect(dealerDueDiligence.factors.every((f) => f.matrix === nistSp80030)).toBe(true);
  });

  it.each(Object.entries(matrices))('%s', (_name, preset) => {
    const spec = matrixSpec(preset);
    expect(riskMatrixSpecSchema.safeParse(spec).success).toBe(true);
    const defined = defineRiskMatrix(spec);
    same(preset, defined);
    for (const l of preset.likelihood) for (const i of preset.impact) expect(toRiskLevel(preset, l, i)).toBe(toRiskLevel(defined, l, i));
  });

  it('nistSemiQuantitativeScale', () => {
    const { kind: _kind, ...spec } = nistSemiQuantitativeScale;
    expect(riskScaleSpecSchema.safeParse(spec).success).toBe(true);
    const defined = defineRiskScale(spec);
    same(nistSemiQuantitativeScale, defined);
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
    same(dealerDueDiligence, defined);
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
    same(dealerDueDiligencePolicy, defined);
    expect(Object.isFrozen(dealerDueDiligencePolicy.scores)).toBe(true);
  });

  it('distributorBenchmarks', () => {
    const { kind: _kind, ...spec } = distributorBenchmarks;
    expect(financialBenchmarksSpecSchema.safeParse(spec).success).toBe(true);
    const defined = defineFinancialBenchmarks(spec);
    same(distributorBenchmarks, defined);
    // Exact cuts are registered for the preset too: a debt ratio at the good cut is good, just above it average.
    for (const [value, band] of [['0.55', 'good'], ['0.5500001', 'average'], ['0.4', 'excellent'], ['0.76', 'poor']] as const) {
      expect(toFinancialBand(distributorBenchmarks, 'debtRatio', value).band).toBe(band);
      expect(toFinancialBand(defined, 'debtRatio', value).band).toBe(band);
    }
  });
});
