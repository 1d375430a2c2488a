import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessPartner, checkRiskMatrix, defineRiskMatrix, defineRiskPolicy, defineRiskTemplate, dealerDueDiligence, dealerDueDiligencePolicy, nistSp80030, riskLevelFor, type RiskFinding } from 'dealerkit';

const NIST = ['very-low', 'low', 'moderate', 'high', 'very-high'];

// A random monotone grid: each cell the max of its lower and left neighbours plus a random step, capped.
const monotoneGrid = fc
  .record({ nL: fc.integer({ min: 1, max: 6 }), nI: fc.integer({ min: 1, max: 6 }), nLevels: fc.integer({ min: 1, max: 5 }), seed: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 36, maxLength: 36 }) })
  .map(({ nL, nI, nLevels, seed }) => {
    const g: number[][] = [];
    for (let l = 0; l < nL; l++) {
      g.push([]);
      for (let i = 0; i < nI; i++) {
        const base = Math.max(l > 0 ? g[l - 1]![i]! : 0, i > 0 ? g[l]![i - 1]! : 0);
        g[l]!.push(Math.min(nLevels - 1, base + (seed[l * 6 + i]! === 2 ? 1 : 0)));
      }
    }
    const levels = Array.from({ length: nLevels }, (_, k) => `lv${k}`);
    return defineRiskMatrix({
      likelihood: Array.from({ length: nL }, (_, k) => `l${k}`),
      impact: Array.from({ length: nI }, (_, k) => `i${k}`),
      levels,
      cells: g.map((row) => row.map((k) => levels[k]!)),
    });
  });

describe('risk laws (fast-check)', () => {
  it('on a monotone matrix, raising likelihood or impact never lowers the level', () => {
    fc.assert(
      fc.property(monotoneGrid, fc.nat(), fc.nat(), fc.nat(), fc.nat(), (m, a, b, c, d) => {
        const nL = m.likelihood.length;
        const nI = m.impact.length;
        const [l1, l2] = [a % nL, b % nL].sort((x, y) => x - y) as [number, number];
        const [i1, i2] = [c % nI, d % nI].sort((x, y) => x - y) as [number, number];
        const lo = m.levels.indexOf(riskLevelFor(m, m.likelihood[l1]!, m.impact[i1]!));
        const hi = m.levels.indexOf(riskLevelFor(m, m.likelihood[l2]!, m.impact[i2]!));
        expect(hi).toBeGreaterThanOrEqual(lo);
        expect(checkRiskMatrix(m).monotone.holds).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("raising a finding's likelihood or impact never lowers its assessed level (NIST Table I-2 is monotone)", () => {
    const t = defineRiskTemplate({ name: 'one', factors: [{ id: 'x', category: 'background', matrix: nistSp80030 }] });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), (l, i, dl, di) => {
        const run = (ll: number, ii: number) =>
          assessPartner(t, [{ factor: 'x', likelihood: NIST[ll]!, impact: NIST[ii]! }], { assessedOn: '2026-01-01', policy: dealerDueDiligencePolicy }).factors[0]!.residual.level;
        expect(NIST.indexOf(run(Math.min(4, l + dl), Math.min(4, i + di)))).toBeGreaterThanOrEqual(NIST.indexOf(run(l, i)));
      }),
    );
  });

  const findingsArb = fc
    .uniqueArray(fc.integer({ min: 0, max: dealerDueDiligence.factors.length - 1 }), { minLength: 1, maxLength: dealerDueDiligence.factors.length })
    .chain((idx) =>
      fc.tuple(
        ...idx.map((k) =>
          fc.record({ l: fc.integer({ min: 0, max: 4 }), i: fc.integer({ min: 0, max: 4 }), down: fc.integer({ min: 0, max: 2 }) }).map(({ l, i, down }): RiskFinding => {
            const factor = dealerDueDiligence.factors[k]!.id;
            const rl = Math.max(0, l - down);
            return rl < l
              ? { factor, likelihood: NIST[l]!, impact: NIST[i]!, controls: [{ id: 'c' }], residual: { likelihood: NIST[rl]!, impact: NIST[i]! } }
              : { factor, likelihood: NIST[l]!, impact: NIST[i]! };
          }),
        ),
      ),
    );
  const methods = fc.constantFrom({ method: 'max' as const }, { method: 'weighted' as const }, { method: 'k-worst' as const, k: 3 });

  it('the heat map counts sum to the number of assessed factors, before and after controls', () => {
    fc.assert(
      fc.property(findingsArb, methods, (findings, overall) => {
        const r = assessPartner(dealerDueDiligence, findings, { assessedOn: '2026-01-01', policy: { ...dealerDueDiligencePolicy, overall } });
        const sum = (g: number[][]) => g.reduce((a, row) => a + row.reduce((x, y) => x + y, 0), 0);
        expect(sum(r.heatMap[0]!.inherent)).toBe(findings.length);
        expect(sum(r.heatMap[0]!.residual)).toBe(findings.length);
        expect(r.factors.length + r.unassessed.length).toBe(dealerDueDiligence.factors.length);
        expect(r.categories.reduce((a, c) => a + c.assessed, 0)).toBe(findings.length);
      }),
      { numRuns: 150 },
    );
  });

  it('decisions are deterministic and independent of the order of the findings', () => {
    fc.assert(
      fc.property(findingsArb, methods, (findings, overall) => {
        const policy = defineRiskPolicy({ ...dealerDueDiligencePolicy, overall });
        const a = assessPartner(dealerDueDiligence, findings, { assessedOn: '2026-01-01', policy });
        const b = assessPartner(dealerDueDiligence, [...findings].reverse(), { assessedOn: '2026-01-01', policy });
        const c = assessPartner(dealerDueDiligence, findings, { assessedOn: '2026-01-01', policy });
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        expect(JSON.stringify(c)).toBe(JSON.stringify(a));
      }),
      { numRuns: 100 },
    );
  });

  it('residual never exceeds inherent in the result, and the weighted score lies between the best and worst factor scores', () => {
    fc.assert(
      fc.property(findingsArb, (findings) => {
        const r = assessPartner(dealerDueDiligence, findings, { assessedOn: '2026-01-01', policy: { ...dealerDueDiligencePolicy, overall: { method: 'weighted' } } });
        for (const f of r.factors) expect(NIST.indexOf(f.residual.level)).toBeLessThanOrEqual(NIST.indexOf(f.inherent.level));
        const scores = r.factors.map((f) => f.score.toNumber());
        expect(r.overall.score.toNumber()).toBeGreaterThanOrEqual(Math.min(...scores));
        expect(r.overall.score.toNumber()).toBeLessThanOrEqual(Math.max(...scores));
      }),
      { numRuns: 100 },
    );
  });
});
