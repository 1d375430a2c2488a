import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessPartner, assessPartners, checkRiskMatrix, defineRiskMatrix, defineRiskPolicy, defineRiskTemplate, dealerDueDiligence, dealerDueDiligencePolicy, nistSp80030, toRiskLevel, type RiskFinding } from 'dealerkit';

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
        const lo = m.levels.indexOf(toRiskLevel(m, m.likelihood[l1]!, m.impact[i1]!));
        const hi = m.levels.indexOf(toRiskLevel(m, m.likelihood[l2]!, m.impact[i2]!));
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
          assessPartner({ template: t, policy: dealerDueDiligencePolicy }, { findings: [{ factor: 'x', likelihood: NIST[ll]!, impact: NIST[ii]! }] }, { asOf: '2026-01-01' }).factors[0]!.residual.level;
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
        const r = assessPartner({ template: dealerDueDiligence, policy: { ...dealerDueDiligencePolicy, overall } }, { findings }, { asOf: '2026-01-01' });
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
        const reversed = [...findings].reverse();
        const a = assessPartner({ template: dealerDueDiligence, policy }, { findings }, { asOf: '2026-01-01' });
        const b = assessPartner({ template: dealerDueDiligence, policy }, { findings: reversed }, { asOf: '2026-01-01' });
        const c = assessPartner({ template: dealerDueDiligence, policy }, { findings }, { asOf: '2026-01-01' });
        // A warning's path names the finding by its position in the input, so it follows the order;
        // it always points at the finding of the factor it names. Everything else is identical.
        const pathless = (r: typeof a) => JSON.stringify({ ...r, warnings: r.warnings.map((w) => ({ code: w.code, message: w.message })) });
        expect(pathless(b)).toBe(pathless(a));
        expect(JSON.stringify(c)).toBe(JSON.stringify(a));
        for (const [r, list] of [[a, findings], [b, reversed]] as const) {
          for (const w of r.warnings) expect(w.message.startsWith(`${list[w.path![1] as number]!.factor} `)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('a batch gives each partner the result of the single form, whatever the sharing of steps between rows', () => {
    fc.assert(
      fc.property(fc.array(findingsArb, { minLength: 1, maxLength: 8 }), methods, (lists, overall) => {
        const config = { template: dealerDueDiligence, policy: defineRiskPolicy({ ...dealerDueDiligencePolicy, overall }) };
        const batch = assessPartners(config, lists.map((findings, k) => ({ id: `P-${k}`, findings })), { asOf: '2026-01-01' });
        batch.rows.forEach((row, k) => {
          expect(JSON.stringify(row.result)).toBe(JSON.stringify(assessPartner(config, { id: `P-${k}`, findings: lists[k]! }, { asOf: '2026-01-01' })));
        });
        const counts = batch.rows.reduce((n, r) => ({ ...n, [r.result!.decision]: n[r.result!.decision] + 1 }), { approve: 0, conditional: 0, escalate: 0, reject: 0 });
        expect(batch.totals.decisions).toEqual(counts);
        expect(batch.totals.partners).toBe(lists.length);
      }),
      { numRuns: 60 },
    );
  });

  it('residual never exceeds inherent in the result, and the weighted score lies between the best and worst factor scores', () => {
    fc.assert(
      fc.property(findingsArb, (findings) => {
        const r = assessPartner({ template: dealerDueDiligence, policy: { ...dealerDueDiligencePolicy, overall: { method: 'weighted' } } }, { findings }, { asOf: '2026-01-01' });
        for (const f of r.factors) expect(NIST.indexOf(f.residual.level)).toBeLessThanOrEqual(NIST.indexOf(f.inherent.level));
        const scores = r.factors.map((f) => f.score.toNumber());
        expect(r.overall.score.toNumber()).toBeGreaterThanOrEqual(Math.min(...scores));
        expect(r.overall.score.toNumber()).toBeLessThanOrEqual(Math.max(...scores));
      }),
      { numRuns: 100 },
    );
  });
});
