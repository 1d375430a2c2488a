// assessPartners over 100,000 partners × 20 findings each (dealerDueDiligence, weighted roll-up),
// against a plain loop that computes the same figures with table lookups and floats.
import { assessPartners, dealerDueDiligence, defineRiskPolicy, dealerDueDiligencePolicy, type AssessPartnerInput, type RiskFinding } from 'dealerkit';
import { lcg, type Scenario } from './lib.js';

const N = Number(process.env.BENCH_N ?? 100_000);
const FACTORS = 20;
const rand = lcg(7);
const LABELS = ['very-low', 'low', 'moderate', 'high', 'very-high'];
// Table I-2, rows likelihood very-low → very-high, columns impact very-low → very-high (level indexes).
const I2 = [
  [0, 0, 0, 1, 1],
  [0, 1, 1, 1, 2],
  [0, 1, 2, 2, 3],
  [0, 1, 2, 3, 4],
  [0, 1, 2, 3, 4],
];
const policy = defineRiskPolicy({ ...dealerDueDiligencePolicy, overall: { method: 'weighted' } });
const factorIds = dealerDueDiligence.factors.slice(0, FACTORS).map((f) => f.id);
const partners: AssessPartnerInput[] = Array.from({ length: N }, (_, p) => ({
  id: `P-${p + 1}`,
  findings: factorIds.map((factor): RiskFinding => {
    const l = Math.floor(rand() * 5);
    const i = Math.floor(rand() * 5);
    if (l > 0 && rand() < 0.3) {
      return { factor, likelihood: LABELS[l]!, impact: LABELS[i]!, controls: [{ id: 'control' }], residual: { likelihood: LABELS[l - 1]!, impact: LABELS[i]! } };
    }
    return { factor, likelihood: LABELS[l]!, impact: LABELS[i]! };
  }),
}));

// The baseline's own tables, built once like the library's.
const factorIndex = new Map(dealerDueDiligence.factors.map((f, k) => [f.id, k]));
const categoryOf = dealerDueDiligence.factors.map((f) => dealerDueDiligence.categories.indexOf(f.category));
const weightOf = dealerDueDiligence.factors.map((f) => f.weight.toNumber());
const knockoutOf = dealerDueDiligence.factors.map((f) => f.knockout !== undefined);
const labelIndex = new Map(LABELS.map((l, k) => [l, k]));
const SCORES = [0, 2, 5, 8, 10];
const CADENCE = [730, 365, 180, 90, 30];
const DECISIONS = ['approve', 'approve', 'conditional', 'escalate', 'reject'];
const start = Date.UTC(2026, 2, 1);

export const scenarios: Scenario[] = [
  {
    name: `assessPartners: ${N.toLocaleString('en')} partners × ${FACTORS} findings (dealerDueDiligence, weighted roll-up, exact scores)`,
    goal: 2,
    rows: N,
    keep: () => assessPartners({ template: dealerDueDiligence, policy }, partners, { asOf: '2026-03-01' }),
    library: () => {
      const batch = assessPartners({ template: dealerDueDiligence, policy }, partners, { asOf: '2026-03-01' });
      let check = 0;
      for (const row of batch.rows) {
        const r = row.result!;
        check += r.factors.length + r.heatMap[0]!.residual[2]![2]! + (r.decision === 'approve' ? 1 : 0) + r.nextReviewDate.length;
      }
      return check;
    },
    baseline: () => {
      let check = 0;
      const results: unknown[] = [];
      for (let p = 0; p < N; p++) {
        const findings = partners[p]!.findings;
        const catWorst = [-1, -1, -1, -1];
        const catWS = [0, 0, 0, 0];
        const catW = [0, 0, 0, 0];
        const inherent = LABELS.map(() => [0, 0, 0, 0, 0]);
        const residual = LABELS.map(() => [0, 0, 0, 0, 0]);
        const factors: { factor: string; inherent: number; residual: number; score: number }[] = [];
        let ws = 0;
        let w = 0;
        let knockouts = 0;
        for (const f of findings) {
          const k = factorIndex.get(f.factor)!;
          const l = labelIndex.get(f.likelihood as string)!;
          const i = labelIndex.get(f.impact as string)!;
          const rl = f.residual ? labelIndex.get(f.residual.likelihood as string)! : l;
          const ri = f.residual ? labelIndex.get(f.residual.impact as string)! : i;
          const level = I2[rl]![ri]!;
          const c = categoryOf[k]!;
          if (level > catWorst[c]!) catWorst[c] = level;
          catWS[c]! += weightOf[k]! * SCORES[level]!;
          catW[c]! += weightOf[k]!;
          ws += weightOf[k]! * SCORES[level]!;
          w += weightOf[k]!;
          inherent[l]![i]!++;
          residual[rl]![ri]!++;
          if (knockoutOf[k] && f.knockout) knockouts++;
          factors.push({ factor: f.factor, inherent: I2[l]![i]!, residual: level, score: SCORES[level]! });
        }
        const score = Math.round((ws / w) * 1e6) / 1e6;
        let level = 4;
        while (level > 0 && SCORES[level]! > score) level--;
        const decision = knockouts > 0 ? 'reject' : DECISIONS[level]!;
        const review = new Date(start + CADENCE[level]! * 86_400_000).toISOString().slice(0, 10);
        const categories = catWS.map((x, c) => ({ worst: catWorst[c], score: catW[c]! > 0 ? Math.round((x / catW[c]!) * 1e6) / 1e6 : null }));
        results.push({ factors, categories, overall: { level, score }, heat: { inherent, residual }, decision, review });
        check += factors.length + residual[2]![2]! + (decision === 'approve' ? 1 : 0) + review.length + categories.length;
      }
      return check + results.length;
    },
    note: 'Both keep every result. Library: rows with ids, findings validated, exact integer scores, the explained result (steps, warnings, categories, heat map, mitigations). Baseline: lookups and floats.',
  },
];
