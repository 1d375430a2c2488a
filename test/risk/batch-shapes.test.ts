import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessPartner, assessPartners, dealerDueDiligence, dealerDueDiligencePolicy, defineRiskPolicy, type RiskFinding } from 'dealerkit';

// The batch path builds its lists at their exact sizes and shares steps within a call: these tests
// check the shapes that sizing could break (no holes, the step list per policy) and that a batch row
// is what a call for that partner alone gives.
const LABELS = ['very-low', 'low', 'moderate', 'high', 'very-high'];
const factorIds = dealerDueDiligence.factors.map((f) => f.id);

const policies = {
  preset: dealerDueDiligencePolicy,
  weighted: defineRiskPolicy({ ...dealerDueDiligencePolicy, name: 'weighted', overall: { method: 'weighted' } }),
  kWorst: defineRiskPolicy({ ...dealerDueDiligencePolicy, name: 'k-worst', overall: { method: 'k-worst', k: 3 } }),
  worstRules: defineRiskPolicy({
    ...dealerDueDiligencePolicy,
    name: 'worst rules',
    overall: { method: 'weighted' },
    decision: { ...dealerDueDiligencePolicy.decision, escalateIfAnyFactorAtLeast: 'high', rejectIfAnyFactorAtLeast: 'very-high' },
  }),
};

const finding = fc
  .record({ l: fc.integer({ min: 0, max: 4 }), i: fc.integer({ min: 0, max: 4 }), lower: fc.boolean() })
  .map(({ l, i, lower }) => ({ l, i, lower }));
const partner = fc
  .uniqueArray(fc.integer({ min: 0, max: factorIds.length - 1 }), { minLength: 1, maxLength: factorIds.length })
  .chain((picked) => fc.tuple(fc.constant(picked), fc.array(finding, { minLength: picked.length, maxLength: picked.length })))
  .map(([picked, fs]) => ({
    findings: picked.map((k, j): RiskFinding => {
      const { l, i, lower } = fs[j]!;
      const base = { factor: factorIds[k]!, likelihood: LABELS[l]!, impact: LABELS[i]! };
      return lower && l > 0 ? { ...base, controls: [{ id: 'c' }], residual: { likelihood: LABELS[l - 1]!, impact: LABELS[i]! } } : base;
    }),
  }));

describe('assessPartners: exact-size lists and shared steps', () => {
  for (const [name, policy] of Object.entries(policies)) {
    it(`${name}: no holes; one factor per finding; the step codes in order; each row equals the single call`, () => {
      fc.assert(
        fc.property(fc.array(partner, { minLength: 1, maxLength: 6 }), (ps) => {
          const rows = ps.map((p, k) => ({ id: `P${k}`, ...p }));
          const batch = assessPartners({ template: dealerDueDiligence, policy }, rows, { asOf: '2026-03-01' });
          batch.rows.forEach((row, k) => {
            const r = row.result!;
            const alone = assessPartner({ template: dealerDueDiligence, policy }, rows[k]!, { asOf: '2026-03-01' });
            expect(r).toEqual(alone);
            expect(JSON.stringify(r)).toBe(JSON.stringify(alone));
            // Holes would be skipped by forEach and printed as null by JSON: count them directly.
            expect(Object.keys(r.factors)).toHaveLength(rows[k]!.findings.length);
            expect(r.factors).toHaveLength(rows[k]!.findings.length);
            expect(Object.keys(r.steps)).toHaveLength(r.steps.length);
            const hasWorstRule = policy.decision.escalateIfAnyFactorAtLeast !== undefined || policy.decision.rejectIfAnyFactorAtLeast !== undefined;
            expect(r.steps.map((s) => s.code)).toEqual([
              'overall',
              'knockout',
              'unassessed',
              ...(hasWorstRule ? ['worst-factor'] : []),
              'overall-level',
              'decision',
              'review',
            ]);
          });
        }),
        { numRuns: 60 },
      );
    });
  }
});
