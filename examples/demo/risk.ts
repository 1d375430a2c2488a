// Demo section (risk): check the matrix, then assess the sample network's three candidate partners
// from their statements and due-diligence findings to a decision.
import {
  analyzeFinancials,
  assessPartners,
  checkRiskMatrix,
  dealerDueDiligence,
  dealerDueDiligencePolicy,
  dealerFinancialFactors,
  distributorBenchmarks,
  nistSp80030,
  riskMatrix3x3,
  riskMatrix5x5Product,
  explainAssessment,
  explainFinancials,
  toFinancialFindings,
  type AssessPartnerInput,
  type Decimal,
} from 'dealerkit';
import { candidates } from '../data/index.js';
import { table, title } from '../lib/table.js';

const fixed = (d: Decimal | null, places = 2) => (d === null ? 'n/a' : d.toFixed(places));
const AS_OF = '2026-03-01';

export function riskSection(): string[] {
  const out: string[] = [title('Partner due diligence: is the matrix coherent? (Cox 2008, uniform axes, risk = likelihood × impact)')];
  out.push(
    table(
      ['matrix', 'coherent', 'weak consistency margin', 'betweenness breaks', 'colouring breaks', 'largest jump'],
      [nistSp80030, riskMatrix3x3, riskMatrix5x5Product].map((m) => {
        const c = checkRiskMatrix(m, { axes: 'uniform', risk: 'product' });
        return [
          m.name,
          c.holds ? 'yes' : 'no',
          c.weakConsistency.marginExact,
          c.betweenness.violations.length,
          c.consistentColouring.violations.map((v) => `${v.cell.likelihood}/${v.cell.impact} ${v.rule}`).join(', ') || 0,
          c.largestJump?.steps ?? 0,
        ];
      }),
    ),
  );

  // Each candidate's statements are analysed, read into financial findings, and the three partners
  // are assessed in one batch, each row named by the candidate's id.
  const partners: AssessPartnerInput[] = [];
  for (const c of candidates) {
    const analysis = analyzeFinancials({
      years: c.statements,
      dayCount: 365,
      averages: true,
      firm: { listed: c.listed, manufacturer: false },
      benchmarks: distributorBenchmarks,
    });
    out.push(title(`${c.id} ${c.name} (${c.region}): financial health, ${analysis.altmanVariant} for a private distributor`));
    out.push(
      table(
        ['year', 'basis', 'current', 'quick', 'debt ratio', 'int. cover', 'DSO', 'DIO', 'DPO', 'CCC', 'ROE', 'DuPont 3 = 5', 'Altman', 'zone'],
        analysis.years.map((y) => [
          y.year,
          y.basis,
          fixed(y.ratios.currentRatio),
          fixed(y.ratios.quickRatio),
          fixed(y.ratios.debtRatio),
          fixed(y.ratios.interestCoverage),
          fixed(y.ratios.dso, 1),
          fixed(y.ratios.dio, 1),
          fixed(y.ratios.dpo, 1),
          fixed(y.ratios.cashConversionCycle, 1),
          fixed(y.ratios.roe, 4),
          y.dupont3 !== null && y.dupont5 !== null && y.dupont3.identityHolds && y.dupont5.identityHolds ? `${fixed(y.dupont3.product, 4)} = ${fixed(y.dupont5.product, 4)}` : 'n/a',
          fixed(y.altman?.z ?? null),
          y.altman?.zone ?? 'n/a',
        ]),
      ),
    );
    const worsening = analysis.trends.filter((t) => t.assessment === 'deteriorating').map((t) => t.ratio);
    out.push(`revenue CAGR ${fixed(analysis.revenueCagr === null ? null : analysis.revenueCagr.times(100), 1)}%; deteriorating: ${worsening.join(', ') || 'none'}`);

    out.push(...explainFinancials(analysis).map((s) => `  ${s}`));
    partners.push({ id: c.id, findings: [...c.findings, ...toFinancialFindings(dealerFinancialFactors, analysis).findings] });
  }
  const batch = assessPartners({ template: dealerDueDiligence, policy: dealerDueDiligencePolicy }, partners, { asOf: AS_OF });
  const summary: (string | number)[][] = [];
  for (const row of batch.rows) {
    const r = row.result!;
    const c = candidates.find((x) => x.id === row.id)!;
    out.push(title(`${c.id} ${c.name}: the assessment`));
    out.push(
      '',
      table(
        ['factor', 'category', 'inherent (L × I → level)', 'residual', 'controls', 'note'],
        r.factors.map((f) => [
          f.factor,
          f.category,
          `${f.inherent.likelihood} × ${f.inherent.impact} → ${f.inherent.level}`,
          f.residual.level === f.inherent.level ? f.residual.level : `${f.residual.likelihood} × ${f.residual.impact} → ${f.residual.level}`,
          f.controls.map((x) => x.id).join(', '),
          f.note,
        ]),
      ),
      table(
        ['category', 'assessed', 'worst', 'weighted score'],
        r.categories.map((x) => [x.category, x.assessed, x.worst ?? '', x.score === null ? '' : x.score.toString()]),
      ),
      ...r.steps.map((s) => `  ${s.code}: ${s.text}`),
      ...r.warnings.map((w) => `  warning ${w.code}: ${w.message}`),
      '',
      ...explainAssessment(r).map((s) => `  ${s}`),
    );
    summary.push([c.id, c.name, r.overall.level, r.knockouts.map((k) => k.factor).join(', ') || '-', r.decision, r.nextReviewDate]);
  }
  out.push(title('Candidates: decisions'), table(['id', 'candidate', 'overall level', 'knock-outs', 'decision', 'next review'], summary), batch.steps[0]!.text);
  return out;
}
