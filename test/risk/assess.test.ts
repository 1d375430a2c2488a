import { describe, expect, it } from 'vitest';
import {
  assessPartner,
  assessPartners,
  dealerDueDiligence,
  dealerDueDiligencePolicy,
  defineRiskMatrix,
  defineRiskPolicy,
  defineRiskTemplate,
  nistRiskScores,
  nistSemiQuantitativeScale,
  nistSp80030,
  toRiskLevel,
  riskMatrix3x3,
  type RiskFinding,
  type RiskPolicySpec,
} from 'dealerkit';
import { thrown } from '../helpers.js';

const s = (d: { toString(): string } | null) => (d === null ? null : d.toString());

const template = defineRiskTemplate({
  name: 'test',
  factors: [
    { id: 'reg', category: 'background', matrix: nistSp80030, knockout: { reason: 'unverifiable registration' } },
    { id: 'credit', category: 'background', matrix: nistSp80030, weight: 2, mitigations: ['bank guarantee'] },
    { id: 'debt', category: 'financial', matrix: nistSp80030, mitigations: ['parent guarantee'] },
    { id: 'bribery', category: 'compliance', matrix: nistSp80030, knockout: { reason: 'bribery red flag', atLevel: 'high' } },
    { id: 'fit', category: 'strategic', matrix: nistSp80030, weight: 3, scales: { likelihood: nistSemiQuantitativeScale } },
  ],
});

const NIST = ['very-low', 'low', 'moderate', 'high', 'very-high'];
const policySpec: RiskPolicySpec = {
  name: 'test policy',
  levels: NIST,
  scores: nistRiskScores,
  overall: { method: 'weighted' },
  decision: { approveUpTo: 'low', conditionalUpTo: 'moderate', escalateUpTo: 'high' },
  reviewCadenceDays: { 'very-low': 730, low: 365, moderate: 180, high: 90, 'very-high': 30 },
};
const weighted = defineRiskPolicy(policySpec);
const max = defineRiskPolicy({ ...policySpec, overall: { method: 'max' } });

// Table I-2 cells: very-low × very-high → low; high × high → high; moderate × high → moderate;
// very-high × moderate → moderate; low × low → low.
const findings: RiskFinding[] = [
  { factor: 'reg', likelihood: 'very-low', impact: 'very-high', note: 'licence verified' },
  { factor: 'credit', likelihood: 'high', impact: 'high', controls: [{ id: 'lc', description: 'letter of credit' }], residual: { likelihood: 'moderate', impact: 'high' } },
  { factor: 'debt', likelihood: 'very-high', impact: 'moderate' },
  { factor: 'fit', likelihood: 'low', impact: 'low' },
];

describe('assessPartner: a hand-rated partner', () => {
  it('rates each factor inherent and residual on its matrix, in template order', () => {
    const r = assessPartner({ template, policy: weighted }, { findings }, { asOf: '2024-02-29' });
    expect(r.factors.map((f) => [f.factor, f.inherent.level, f.residual.level, s(f.score)])).toEqual([
      ['reg', 'low', 'low', '2'],
      ['credit', 'high', 'moderate', '5'],
      ['debt', 'moderate', 'moderate', '5'],
      ['fit', 'low', 'low', '2'],
    ]);
    expect(r.factors[1]!.residual).toEqual({ likelihood: 'moderate', impact: 'high', level: 'moderate' });
    expect(r.factors[1]!.controls).toEqual([{ id: 'lc', description: 'letter of credit' }]);
    expect(r.factors[0]!.note).toBe('licence verified');
    expect(r.factors[2]!.note).toBe('');
    expect(s(r.factors[1]!.weight)).toBe('2');
    expect(r.factors[0]!.matrix).toBe('NIST SP 800-30 Rev. 1 Table I-2');
    expect(r.unassessed).toEqual(['bribery']);
    expect([r.id, r.template, r.policy, r.asOf]).toEqual([null, 'test', 'test policy', '2024-02-29']);
    expect(assessPartner({ template, policy: weighted }, { id: 'D-117', findings }, { asOf: '2024-02-29' }).id).toBe('D-117');
    expect(assessPartner({ template, policy: weighted }, { id: 117, findings }, { asOf: '2024-02-29' }).id).toBe(117);
  });

  it('rolls up per category: worst level and weighted score (background (2·1 + 5·2) / 3 = 4)', () => {
    const r = assessPartner({ template, policy: weighted }, { findings }, { asOf: '2024-02-29' });
    expect(r.categories.map((c) => [c.category, c.assessed, c.worst, s(c.weightedSum), s(c.weightTotal), s(c.score)])).toEqual([
      ['background', 2, 'moderate', '12', '3', '4'],
      ['financial', 1, 'moderate', '5', '1', '5'],
      ['compliance', 0, null, '0', '0', null],
      ['strategic', 1, 'low', '6', '3', '2'],
    ]);
  });

  it("weighted overall: (2 + 10 + 5 + 6) / 7 = 3.285714…, below moderate's 5, so 'low' → approve", () => {
    const r = assessPartner({ template, policy: weighted }, { findings }, { asOf: '2024-02-29' });
    expect(r.overall.method).toBe('weighted');
    expect([s(r.overall.sum), s(r.overall.divisor), s(r.overall.score), r.overall.level]).toEqual(['23', '7', '3.285714', 'low']);
    expect(r.steps[0]).toEqual({
      code: 'overall',
      method: 'weighted',
      sum: r.overall.sum,
      divisor: r.overall.divisor,
      score: r.overall.score,
      level: 'low',
      levelScore: nistRiskScores.low,
      basis: ['reg', 'credit', 'debt', 'fit'],
      text: "weighted: Σ weight × score / Σ weight = 23 / 7 = 3.285714 (to 6 places); the highest level whose score is at most that is 'low' (score 2)",
    });
    expect(r.decision).toBe('approve');
    expect(r.mitigations).toEqual([]);
    // 2024-02-29 + 365 days = 2025-02-28.
    expect([r.nextReviewDate, r.reviewCadenceDays]).toEqual(['2025-02-28', 365]);
  });

  it("max overall: the worst residual level 'moderate' → conditional, with the mitigations required", () => {
    const r = assessPartner({ template, policy: max }, { findings }, { asOf: '2024-02-29' });
    expect(r.overall).toEqual({
      method: 'max',
      level: 'moderate',
      score: nistRiskScores.moderate,
      sum: nistRiskScores.moderate,
      divisor: r.overall.divisor,
      basis: ['credit', 'debt'],
    });
    expect(s(r.overall.divisor)).toBe('1');
    expect(r.decision).toBe('conditional');
    // The steps: the overall roll-up, each rule with its outcome, the decision, the review date.
    expect(r.steps.map((x) => [x.code, 'outcome' in x ? x.outcome : undefined, x.text])).toEqual([
      ['overall', undefined, "max: the worst residual level of the 4 assessed factors is 'moderate' (credit, debt)"],
      ['knockout', null, 'no knock-out finding'],
      ['unassessed', null, '1 factor not assessed (the policy ignores them)'],
      ['overall-level', 'conditional', "overall level 'moderate' is at most conditionalUpTo 'moderate'"],
      ['decision', undefined, 'conditional, the most severe outcome of the rules (from overall-level)'],
      ['review', undefined, "next review on 2024-08-27: 2024-02-29 + 180 days, the cadence of 'moderate'"],
    ]);
    expect(r.steps[2]).toMatchObject({ code: 'unassessed', factors: ['bribery'], policy: 'ignore' });
    expect(r.steps[3]).toMatchObject({ code: 'overall-level', level: 'moderate', threshold: 'conditionalUpTo', thresholdLevel: 'moderate', levels: NIST });
    expect(r.steps[4]).toMatchObject({ code: 'decision', decision: 'conditional', rules: ['overall-level'] });
    expect(r.steps[5]).toMatchObject({ code: 'review', asOf: '2024-02-29', level: 'moderate', cadenceDays: 180, nextReviewDate: '2024-08-27' });
    expect(r.warnings).toEqual([]);
    expect(r.mitigations).toEqual([
      { factor: 'credit', title: 'credit', residualLevel: 'moderate', targetAtMost: 'low', actions: ['bank guarantee'], controlsInPlace: ['lc'] },
      { factor: 'debt', title: 'debt', residualLevel: 'moderate', targetAtMost: 'low', actions: ['parent guarantee'], controlsInPlace: [] },
    ]);
    // 2024-02-29 + 180 days = 2024-08-27.
    expect(r.nextReviewDate).toBe('2024-08-27');
  });

  it('k-worst: k = 2 → (5 + 5) / 2 = 5 moderate; k = 3 → 12 / 3 = 4 low; k larger than the factors → 14 / 4 = 3.5 low', () => {
    const k = (n: number) => assessPartner({ template, policy: { ...policySpec, overall: { method: 'k-worst', k: n } } }, { findings }, { asOf: '2024-02-29' }).overall;
    expect([s(k(2).score), k(2).level, k(2).basis]).toEqual(['5', 'moderate', ['credit', 'debt']]);
    expect([s(k(3).score), k(3).level, k(3).basis]).toEqual(['4', 'low', ['credit', 'debt', 'reg']]);
    expect([s(k(9).score), s(k(9).divisor), k(9).level]).toEqual(['3.5', '4', 'low']);
    const steps = assessPartner({ template, policy: { ...policySpec, overall: { method: 'k-worst', k: 2 } } }, { findings }, { asOf: '2024-02-29' }).steps;
    expect(steps[0]!.text).toBe("k-worst: the mean score of the 2 worst factors (credit, debt) is 10 / 2 = 5; the highest level whose score is at most that is 'moderate' (score 5)");
  });

  it('heat map: one count per factor per cell, before and after controls', () => {
    const r = assessPartner({ template, policy: weighted }, { findings }, { asOf: '2024-02-29' });
    expect(r.heatMap).toHaveLength(1);
    const h = r.heatMap[0]!;
    expect(h.likelihood).toEqual(NIST);
    const cells = (grid: number[][]) => grid.flatMap((row, l) => row.flatMap((n, i) => (n > 0 ? [`${NIST[l]}/${NIST[i]}:${n}`] : [])));
    expect(cells(h.inherent)).toEqual(['very-low/very-high:1', 'low/low:1', 'high/high:1', 'very-high/moderate:1']);
    expect(cells(h.residual)).toEqual(['very-low/very-high:1', 'low/low:1', 'moderate/high:1', 'very-high/moderate:1']);
  });

  it('serialises to plain JSON', () => {
    const r = assessPartner({ template, policy: weighted }, { findings }, { asOf: '2024-02-29' });
    const json = JSON.parse(JSON.stringify(r));
    expect(json.overall.score).toBe('3.285714');
    expect(json.categories[0].score).toBe('4');
    expect(json.factors[1].weight).toBe('2');
  });
});

describe('assessPartner: knock-outs and decision rules', () => {
  it('a finding flagged knockout rejects whatever the levels', () => {
    const r = assessPartner({ template, policy: weighted }, { findings: [{ factor: 'reg', likelihood: 'low', impact: 'low', knockout: true, note: 'licence number not found' }] }, { asOf: '2026-01-01' });
    expect(r.knockouts).toEqual([{ factor: 'reg', reason: 'unverifiable registration', trigger: 'finding', note: 'licence number not found' }]);
    expect(r.overall.level).toBe('low');
    expect(r.decision).toBe('reject');
    expect(r.steps[1]).toEqual({ code: 'knockout', outcome: 'reject', factors: ['reg'], text: '1 knock-out: reg (unverifiable registration)' });
    expect(r.steps.find((x) => x.code === 'decision')).toMatchObject({ decision: 'reject', rules: ['knockout'] });
    expect(r.factors[0]!.knockout).toBe(true);
  });

  it("a residual at the factor's knock-out level knocks out by itself (bribery at high)", () => {
    // moderate × very-high → high in Table I-2.
    const r = assessPartner({ template, policy: weighted }, { findings: [{ factor: 'bribery', likelihood: 'moderate', impact: 'very-high' }] }, { asOf: '2026-01-01' });
    expect(r.knockouts.map((k) => [k.factor, k.trigger])).toEqual([['bribery', 'level']]);
    expect(r.decision).toBe('reject');
    const below = assessPartner({ template, policy: weighted }, { findings: [{ factor: 'bribery', likelihood: 'moderate', impact: 'high' }] }, { asOf: '2026-01-01' });
    expect(below.knockouts).toEqual([]);
  });

  it('unassessed factors escalate when the policy says so', () => {
    const r = assessPartner({ template, policy: { ...policySpec, unassessed: 'escalate' } }, { findings }, { asOf: '2026-01-01' });
    expect(r.steps[2]).toEqual({ code: 'unassessed', outcome: 'escalate', factors: ['bribery'], policy: 'escalate', text: '1 factor not assessed: bribery' });
    expect(r.decision).toBe('escalate');
    const all = assessPartner({ template, policy: { ...policySpec, unassessed: 'escalate' } }, { findings: [...findings, { factor: 'bribery', likelihood: 'low', impact: 'low' }] }, { asOf: '2026-01-01' });
    expect(all.steps[2]).toEqual({ code: 'unassessed', outcome: null, factors: [], policy: 'escalate', text: 'every factor assessed' });
  });

  it('worst-factor rules stop an average from hiding one severe risk', () => {
    // debt very-high × very-high → very-high (score 10), four low factors: (10 + 2·(1+2+3+1)) / 8 = 24 / 8 = 3 → low.
    const severe: RiskFinding[] = [
      { factor: 'reg', likelihood: 'low', impact: 'low' },
      { factor: 'credit', likelihood: 'low', impact: 'low' },
      { factor: 'debt', likelihood: 'very-high', impact: 'very-high' },
      { factor: 'fit', likelihood: 'low', impact: 'low' },
      { factor: 'bribery', likelihood: 'low', impact: 'low' },
    ];
    const plain = assessPartner({ template, policy: weighted }, { findings: severe }, { asOf: '2026-01-01' });
    expect([s(plain.overall.score), plain.overall.level, plain.decision]).toEqual(['3', 'low', 'approve']);
    // Without a worst-factor rule, the average hides the very-high factor: a warning says so, naming its finding.
    expect(plain.warnings).toEqual([
      {
        code: 'averaged-severe-factor',
        message:
          "debt is at 'very-high', but the weighted overall level is 'low': an average hides one severe factor (set decision.escalateIfAnyFactorAtLeast or rejectIfAnyFactorAtLeast to act on it)",
        path: ['findings', 2],
      },
    ]);
    const guarded = assessPartner({ template, policy: { ...policySpec, decision: { ...policySpec.decision, escalateIfAnyFactorAtLeast: 'high', rejectIfAnyFactorAtLeast: 'very-high' } } }, { findings: severe }, { asOf: '2026-01-01' });
    expect(guarded.steps[3]).toEqual({
      code: 'worst-factor',
      outcome: 'reject',
      worst: 'very-high',
      escalateAt: 'high',
      rejectAt: 'very-high',
      text: "a factor is at 'very-high', at or above rejectIfAnyFactorAtLeast 'very-high'",
    });
    expect(guarded.decision).toBe('reject');
    expect(guarded.warnings).toEqual([]);
    const esc = assessPartner({ template, policy: { ...policySpec, decision: { ...policySpec.decision, escalateIfAnyFactorAtLeast: 'high' } } }, { findings: severe }, { asOf: '2026-01-01' });
    expect([esc.steps[3]!.code, (esc.steps[3] as { outcome: unknown }).outcome, esc.decision]).toEqual(['worst-factor', 'escalate', 'escalate']);
    const none = assessPartner({ template, policy: { ...policySpec, decision: { ...policySpec.decision, escalateIfAnyFactorAtLeast: 'high' } } }, { findings }, { asOf: '2026-01-01' });
    expect(none.steps[3]).toMatchObject({ code: 'worst-factor', outcome: null, text: "no factor at or above 'high'" });
  });

  it('the overall level against each threshold: approve, conditional, escalate, reject', () => {
    const one = (l: string, i: string) => assessPartner({ template, policy: max }, { findings: [{ factor: 'debt', likelihood: l, impact: i }] }, { asOf: '2026-01-01' });
    expect([one('low', 'low').decision, one('moderate', 'moderate').decision, one('high', 'high').decision, one('very-high', 'very-high').decision]).toEqual([
      'approve', 'conditional', 'escalate', 'reject',
    ]);
    expect(one('very-high', 'very-high').steps.find((x) => x.code === 'overall-level')!.text).toBe("overall level 'very-high' is above escalateUpTo 'high'");
    expect(one('high', 'high').mitigations).toEqual([]);
    expect(one('very-low', 'very-low').nextReviewDate).toBe('2028-01-01'); // 2026-01-01 + 730 = + 365 + 365
    expect(one('very-high', 'very-high').nextReviewDate).toBe('2026-01-31');
  });
});

describe('assessPartner: evidence through scales, exact rounding, dates', () => {
  it("a numeric likelihood is read through the factor's scale (NIST bins: 95.5 → high, 96 → very-high)", () => {
    const r = assessPartner({ template, policy: max }, { findings: [{ factor: 'fit', likelihood: 95.5, impact: 'high' }] }, { asOf: '2026-01-01' });
    expect(r.factors[0]!.inherent).toEqual({ likelihood: 'high', impact: 'high', level: 'high' });
    const r2 = assessPartner({ template, policy: max }, { findings: [{ factor: 'fit', likelihood: 96, impact: 'high' }] }, { asOf: '2026-01-01' });
    expect(r2.factors[0]!.inherent.likelihood).toBe('very-high');
    // A string is always a label: '96' is not one.
    expect(thrown(() => assessPartner({ template, policy: max }, { findings: [{ factor: 'fit', likelihood: '96', impact: 'high' }] }, { asOf: '2026-01-01' })).message).toBe(
      "[dealerkit] findings[0].likelihood: is not a likelihood label of factor 'fit': '96' (likelihood labels: 'very-low', 'low', 'moderate', 'high', 'very-high')",
    );
  });

  it('levels are decided on the exact score, the printed score is rounded: 9.99999999 prints 10 but is high', () => {
    // weights 999.999999 and 0.000001 with scores 10 and 0: (9999.99999 + 0) / 1000 = 9.99999999.
    // This also takes the Decimal path (the integer sums would pass 2^53).
    const t = defineRiskTemplate({
      name: 'fine weights',
      factors: [
        { id: 'a', category: 'background', matrix: nistSp80030, weight: '999.999999' },
        { id: 'b', category: 'background', matrix: nistSp80030, weight: '0.000001' },
      ],
    });
    const r = assessPartner({ template: t, policy: { ...policySpec, scores: { 'very-low': 0, low: 2, moderate: 5, high: 8, 'very-high': 1000 } } }, { findings: [{ factor: 'a', likelihood: 'very-high', impact: 'very-high' }, { factor: 'b', likelihood: 'very-low', impact: 'very-low' }] }, { asOf: '2026-01-01' });
    expect([s(r.overall.sum), s(r.overall.divisor), s(r.overall.score), r.overall.level]).toEqual(['999999.999', '1000', '999.999999', 'high']);
    const r2 = assessPartner({ template: t, policy: weighted }, { findings: [{ factor: 'a', likelihood: 'very-high', impact: 'very-high' }, { factor: 'b', likelihood: 'very-low', impact: 'very-low' }] }, { asOf: '2026-01-01' });
    expect([s(r2.overall.score), r2.overall.level]).toEqual(['10', 'high']);
    expect(s(r2.categories[0]!.score)).toBe('10');
    expect(s(r2.categories[0]!.weightedSum)).toBe('9999.99999');
  });

  it('half-even rounding of scores at 6 places: 2/3 → 0.666667; exact ties 0.0000005 → 0 and 0.0000015 → 0.000002', () => {
    const t = defineRiskTemplate({
      name: 'pairs',
      factors: [
        { id: 'a', category: 'background', matrix: nistSp80030 },
        { id: 'b', category: 'background', matrix: nistSp80030 },
        { id: 'c', category: 'background', matrix: nistSp80030 },
      ],
    });
    const run = (low: number | string, withC: boolean) =>
      assessPartner(
        { template: t, policy: { ...policySpec, scores: { 'very-low': 0, low, moderate: 5, high: 8, 'very-high': 10 } } },
        { findings: [{ factor: 'a', likelihood: 'low', impact: 'low' }, { factor: 'b', likelihood: 'very-low', impact: 'very-low' }, ...(withC ? [{ factor: 'c', likelihood: 'very-low', impact: 'very-low' }] : [])] },
        { asOf: '2026-01-01' },
      ).overall.score.toString();
    expect(run(2, true)).toBe('0.666667'); // 2 / 3
    expect(run('0.000001', false)).toBe('0'); // 0.0000005: a tie, to the even 0.000000
    expect(run('0.000003', false)).toBe('0.000002'); // 0.0000015: a tie, to the even 0.000002
    expect(run('0.000005', false)).toBe('0.000002'); // 0.0000025 → 0.000002
  });

  it('accepts a Date as asOf, read as its UTC calendar date', () => {
    const r = assessPartner({ template, policy: weighted }, { findings }, { asOf: new Date(Date.UTC(2024, 1, 29, 23, 30)) });
    expect(r.asOf).toBe('2024-02-29');
  });
});

describe('assessPartners: a batch validated once, rows named by their id', () => {
  const cfg = { template, policy: max };
  const knockedOut: RiskFinding[] = [{ factor: 'reg', likelihood: 'low', impact: 'low', knockout: true }];

  it('returns every row with its id and assessment, the totals of the decisions, and the batch step', () => {
    const b = assessPartners(cfg, [{ id: 'D-1', findings }, { id: 'D-2', findings: knockedOut }, { findings }], { asOf: '2026-01-01' });
    expect(b.rows.map((r) => [r.index, r.id, r.ok, r.result?.id, r.result?.decision])).toEqual([
      [0, 'D-1', true, 'D-1', 'conditional'],
      [1, 'D-2', true, 'D-2', 'reject'],
      [2, null, true, null, 'conditional'],
    ]);
    expect(b.failed).toBe(0);
    expect(b.totals).toEqual({ partners: 3, decisions: { approve: 0, conditional: 2, escalate: 0, reject: 1 }, knockouts: 1 });
    expect(b.warnings).toEqual([]);
    expect(b.steps).toEqual([{ code: 'decisions', text: '3 partners assessed: 0 approve, 2 conditional, 0 escalate, 1 reject (1 knocked out)' }]);
    // A batch row equals the single form.
    expect(JSON.stringify(b.rows[0]!.result)).toBe(JSON.stringify(assessPartner(cfg, { id: 'D-1', findings }, { asOf: '2026-01-01' })));
    expect(assessPartners(cfg, [], { asOf: '2026-01-01' })).toEqual({ rows: [], totals: { partners: 0, decisions: { approve: 0, conditional: 0, escalate: 0, reject: 0 }, knockouts: 0 }, failed: 0, warnings: [], steps: [{ code: 'decisions', text: '0 partners assessed: 0 approve, 0 conditional, 0 escalate, 0 reject (0 knocked out)' }] });
  });

  it("onError 'throw' (the default) reports every bad row in one error, each path naming the row by its id (or its index)", () => {
    const e = thrown(() =>
      assessPartners(cfg, [{ id: 'D-1', findings }, { id: 'D-117', findings: [{ factor: 'nope', likelihood: 'low', impact: 'low' }] }, { findings: [{ factor: 'debt', likelihood: 'extreme', impact: 'low' }] }, { id: 'D-4', findings: [] }], { asOf: '2026-01-01' }),
    );
    expect(e.code).toBe('unknown_label');
    expect(e.message).toBe(
      "[dealerkit] partners[D-117].findings[0].factor: is not a factor of template 'test': 'nope'; " +
        "partners[2].findings[0].likelihood: is not a likelihood label of factor 'debt': 'extreme' (likelihood labels: 'very-low', 'low', 'moderate', 'high', 'very-high'); " +
        'partners[D-4].findings: must hold at least one finding: an assessment with nothing assessed decides nothing',
    );
    expect(e.issues.map((i) => [i.path, i.code])).toEqual([
      [['partners', 'D-117', 'findings', 0, 'factor'], 'unknown_label'],
      [['partners', 2, 'findings', 0, 'likelihood'], 'unknown_label'],
      [['partners', 'D-4', 'findings'], 'too_short'],
    ]);
  });

  it("onError 'collect' returns every row with its result or its error; the totals count the good rows only", () => {
    const b = assessPartners(cfg, [{ id: 'D-1', findings }, { id: 'D-2', findings: [{ factor: 'nope', likelihood: 'low', impact: 'low' }] }, { id: 'D-3', findings: knockedOut }], { asOf: '2026-01-01', onError: 'collect' });
    expect(b.rows.map((r) => [r.id, r.ok])).toEqual([['D-1', true], ['D-2', false], ['D-3', true]]);
    const bad = b.rows[1]!;
    expect(bad.ok ? null : bad.error.issues[0]).toMatchObject({ path: ['partners', 'D-2', 'findings', 0, 'factor'], code: 'unknown_label' });
    expect(b.failed).toBe(1);
    expect(b.totals).toEqual({ partners: 2, decisions: { approve: 0, conditional: 1, escalate: 0, reject: 1 }, knockouts: 1 });
    expect(b.warnings).toEqual([{ code: 'failed-rows', message: '1 of 3 partners refused: each bad row has its error', path: ['partners'] }]);
    expect(b.steps[0]!.text).toBe('2 partners assessed: 0 approve, 1 conditional, 0 escalate, 1 reject (1 knocked out); 1 refused');
  });

  it('rows that share an overall level keep their own warnings and steps (a step or warning built once is shared only when identical)', () => {
    // A: reg low (2) + debt very-high × very-high (10): (2 + 10) / 2 = 6 → moderate (5 ≤ 6 < 8).
    // B: reg low (2) + debt high × high (8): (2 + 8) / 2 = 5 → moderate. Same factor, same place, same overall level.
    const b = assessPartners(
      { template, policy: weighted },
      [
        { id: 'A', findings: [{ factor: 'reg', likelihood: 'low', impact: 'low' }, { factor: 'debt', likelihood: 'very-high', impact: 'very-high' }] },
        { id: 'B', findings: [{ factor: 'reg', likelihood: 'low', impact: 'low' }, { factor: 'debt', likelihood: 'high', impact: 'high' }] },
      ],
      { asOf: '2026-01-01' },
    );
    expect(b.rows.map((r) => [r.result!.overall.level, r.result!.warnings.map((w) => w.message.split(', but')[0])])).toEqual([
      ['moderate', ["debt is at 'very-high'"]],
      ['moderate', ["debt is at 'high'"]],
    ]);
    expect(b.rows.map((r) => r.result!.steps[0]!.text)).toEqual([
      "weighted: Σ weight × score / Σ weight = 12 / 2 = 6 (to 6 places); the highest level whose score is at most that is 'moderate' (score 5)",
      "weighted: Σ weight × score / Σ weight = 10 / 2 = 5 (to 6 places); the highest level whose score is at most that is 'moderate' (score 5)",
    ]);
    // Shared parts are frozen, so no result can change another's.
    expect(Object.isFrozen(b.rows[0]!.result!.steps[3])).toBe(true);
    expect(b.rows[0]!.result!.steps[3]).toBe(b.rows[1]!.result!.steps[3]);
  });

  it('onProgress is called at most about 200 times, ending with (n, n)', () => {
    const calls: [number, number][] = [];
    const many = Array.from({ length: 1000 }, (_, k) => ({ id: `P-${k}`, findings }));
    assessPartners(cfg, many, { asOf: '2026-01-01', onProgress: (done, total) => calls.push([done, total]) });
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.length).toBeLessThanOrEqual(200);
    expect(calls[calls.length - 1]).toEqual([1000, 1000]);
    expect(calls.every(([, total]) => total === 1000)).toBe(true);
  });

  it('refuses duplicate ids, a bad id, unknown fields (suggesting the nearest), a non-array, bad batch options', () => {
    const dup = thrown(() => assessPartners(cfg, [{ id: 'D-1', findings }, { id: 'D-1', findings }], { asOf: '2026-01-01' }));
    expect(dup.issues[0]).toMatchObject({ path: ['partners', 'D-1', 'id'], code: 'duplicate' });
    const id = thrown(() => assessPartner(cfg, { id: {} as never, findings }, { asOf: '2026-01-01' }));
    expect(id.issues[0]).toMatchObject({ path: ['id'], code: 'invalid_type', message: 'must be a non-empty string or a finite number, received an object' });
    const typo = thrown(() => assessPartners(cfg, [{ id: 'D-1', finding: findings } as never], { asOf: '2026-01-01' }));
    expect(typo.issues.map((i) => [i.path, i.code, i.message])).toEqual([
      [['partners', 'D-1', 'finding'], 'unknown_field', 'is not a known field; did you mean `findings`?'],
      [['partners', 'D-1', 'findings'], 'required', 'must be an array of findings, received nothing'],
    ]);
    expect(thrown(() => assessPartners(cfg, 'x' as never, { asOf: '2026-01-01' })).issues[0]).toMatchObject({ path: ['partners'], code: 'invalid_type' });
    expect(thrown(() => assessPartners(cfg, [{ findings }], { asOf: '2026-01-01', onError: 'skip' as never })).issues[0]).toMatchObject({ path: ['options', 'onError'], code: 'invalid_value' });
    expect(thrown(() => assessPartners(cfg, [{ findings }], { asOf: '2026-01-01', onProgress: 5 as never })).issues[0]).toMatchObject({ path: ['options', 'onProgress'], code: 'invalid_type' });
    // The old signature (a template first, finding lists as rows) is refused with a hint.
    const old = thrown(() => assessPartners(template as never, [findings] as never, { asOf: '2026-01-01' }));
    expect(old.message).toBe('[dealerkit] config: must be { template, policy }, received a template alone: pass { template: yourTemplate, policy: yourPolicy }');
    const arrayRow = thrown(() => assessPartners(cfg, [findings] as never, { asOf: '2026-01-01' }));
    expect(arrayRow.issues[0]).toMatchObject({ path: ['partners', 0], code: 'invalid_type', message: 'must be a partner { id?, findings }, received an array' });
  });
});

describe('assessPartner refuses bad findings, naming the path', () => {
  const run = (f: unknown[]) => assessPartner({ template, policy: max }, { findings: f as RiskFinding[] }, { asOf: '2026-01-01' });

  it('a residual above the inherent, on each axis', () => {
    const e = thrown(() => run([{ factor: 'credit', likelihood: 'moderate', impact: 'moderate', controls: [{ id: 'x' }], residual: { likelihood: 'high', impact: 'very-high' } }]));
    expect(e.issues).toEqual([
      {
        path: ['findings', 0, 'residual', 'likelihood'],
        code: 'out_of_range',
        message: "is 'high', above the inherent likelihood 'moderate': residual risk never exceeds inherent risk",
        expected: "at most 'moderate'",
        received: '"high"',
        limit: 'moderate',
      },
      {
        path: ['findings', 0, 'residual', 'impact'],
        code: 'out_of_range',
        message: "is 'very-high', above the inherent impact 'moderate': residual risk never exceeds inherent risk",
        expected: "at most 'moderate'",
        received: '"very-high"',
        limit: 'moderate',
      },
    ]);
    expect(e.code).toBe('out_of_range');
  });

  it('a lowered residual without a control (missing or empty controls)', () => {
    const msg = "[dealerkit] findings[0].controls: are required: the residual (moderate × high) is lower than the inherent (high × high), and only a control lowers a risk";
    const e = thrown(() => run([{ factor: 'credit', likelihood: 'high', impact: 'high', residual: { likelihood: 'moderate', impact: 'high' } }]));
    expect(e.message).toBe(msg);
    expect(e.issues[0]!.code).toBe('inconsistent');
    expect(thrown(() => run([{ factor: 'credit', likelihood: 'high', impact: 'high', controls: [], residual: { likelihood: 'moderate', impact: 'high' } }])).message).toBe(msg);
    // An unchanged residual needs no control.
    expect(run([{ factor: 'credit', likelihood: 'high', impact: 'high', residual: { likelihood: 'high', impact: 'high' } }]).factors[0]!.residual.level).toBe('high');
  });

  it('unknown factors and labels, duplicates, a knock-out on a factor that cannot knock out: all at once', () => {
    const e = thrown(() =>
      run([
        { factor: 'registration', likelihood: 'low', impact: 'low' },
        { factor: 'debt', likelihood: 'extreme', impact: 'low' },
        { factor: 'credit', likelihood: 'low', impact: 'low', knockout: true },
        { factor: 'credit', likelihood: 'low', impact: 'low' },
      ]),
    );
    expect(e.issues).toEqual([
      { path: ['findings', 0, 'factor'], code: 'unknown_label', message: "is not a factor of template 'test': 'registration'", received: '"registration"' },
      {
        path: ['findings', 1, 'likelihood'],
        code: 'unknown_label',
        message: "is not a likelihood label of factor 'debt': 'extreme' (likelihood labels: 'very-low', 'low', 'moderate', 'high', 'very-high')",
        received: '"extreme"',
      },
      { path: ['findings', 2, 'knockout'], code: 'inconsistent', message: "factor 'credit' is not a knock-out factor in template 'test'; only knock-out factors decide alone" },
      { path: ['findings', 3, 'factor'], code: 'duplicate', message: "duplicates findings[2] ('credit'): one finding per factor", received: '"credit"' },
    ]);
    expect(e.code).toBe('unknown_label');
  });

  it('shape errors: not an array, empty, not an object, unknown fields, wrong types', () => {
    // Each bad field with its message and its issue code.
    const issue = (f: unknown) => {
      const e = thrown(() => run(f as unknown[]));
      return [e.message, e.issues[0]!.code];
    };
    expect(issue('x')).toEqual(['[dealerkit] findings: must be an array of findings, received "x"', 'invalid_type']);
    expect(issue([])).toEqual(['[dealerkit] findings: must hold at least one finding: an assessment with nothing assessed decides nothing', 'too_short']);
    expect(issue([null])).toEqual(['[dealerkit] findings[0]: must be a finding object, received null', 'invalid_type']);
    expect(issue([[1]])).toEqual(['[dealerkit] findings[0]: must be a finding object, received an array', 'invalid_type']);
    expect(issue([{ factor: 'debt', likelihood: 'low', impact: 'low', severity: 3 }])).toEqual(['[dealerkit] findings[0].severity: is not a known field', 'unknown_field']);
    expect(issue([{ factor: 'debt', likelihood: 'low', impact: 'low', residaul: { likelihood: 'low', impact: 'low' } }])).toEqual([
      '[dealerkit] findings[0].residaul: is not a known field; did you mean `residual`?',
      'unknown_field',
    ]);
    expect(issue([{ factor: 3, likelihood: 'low', impact: 'low' }])).toEqual(['[dealerkit] findings[0].factor: must be a factor id, received 3', 'invalid_type']);
    expect(issue([{ likelihood: 'low', impact: 'low' }])).toEqual(['[dealerkit] findings[0].factor: must be a factor id, received nothing', 'required']);
    expect(issue([{ factor: 'debt', likelihood: 2, impact: 'low' }])).toEqual([
      "[dealerkit] findings[0].likelihood: must be a likelihood label of factor 'debt' (the factor has no likelihood scale to read a value through), received 2",
      'invalid_type',
    ]);
    expect(issue([{ factor: 'debt', likelihood: 'low' }])[1]).toBe('required');
    expect(thrown(() => run([{ factor: 'fit', likelihood: 101, impact: 'low' }])).message).toBe(
      "[dealerkit] findings[0].likelihood: is above the upper bound of scale 'NIST SP 800-30 Rev. 1 semi-quantitative (0–100)' (100, inclusive), received 101",
    );
    expect(issue([{ factor: 'debt', likelihood: 'low', impact: 'low', knockout: 'yes' }])).toEqual(['[dealerkit] findings[0].knockout: must be true or false, received "yes"', 'invalid_type']);
    expect(issue([{ factor: 'debt', likelihood: 'low', impact: 'low', note: 5 }])).toEqual(['[dealerkit] findings[0].note: must be a string, received 5', 'invalid_type']);
    expect(issue([{ factor: 'debt', likelihood: 'low', impact: 'low', controls: 'lc' }])).toEqual(['[dealerkit] findings[0].controls: must be an array of controls', 'invalid_type']);
    expect(issue([{ factor: 'debt', likelihood: 'low', impact: 'low', controls: [{ id: '' }] }])).toEqual(['[dealerkit] findings[0].controls[0].id: must be a non-empty control id', 'invalid_type']);
    expect(issue([{ factor: 'debt', likelihood: 'low', impact: 'low', controls: [{}] }])[1]).toBe('required');
    expect(issue([{ factor: 'debt', likelihood: 'low', impact: 'low', residual: 'low' }])).toEqual(['[dealerkit] findings[0].residual: must be an object with likelihood and impact', 'invalid_type']);
  });

  it('options: the date, the policy, and a policy whose levels differ from the template', () => {
    const date = thrown(() => assessPartner({ template, policy: max }, { findings }, { asOf: '2026-02-30' }));
    expect(date.message).toBe('[dealerkit] options.asOf: is not a calendar date (2026-02 has 28 days), received "2026-02-30"');
    expect(date.issues[0]!.code).toBe('not_a_date');
    // The old option name is an unknown field, and asOf is required.
    const old = thrown(() => assessPartner({ template, policy: max }, { findings }, { assessedOn: '2026-01-01' } as never));
    expect(old.issues.map((i) => [i.path, i.code])).toEqual([
      [['options', 'asOf'], 'required'],
      [['options', 'assessedOn'], 'unknown_field'],
    ]);
    expect(thrown(() => assessPartner({ template, policy: max }, { findings }, null as never)).issues[0]).toMatchObject({ path: ['options'], code: 'invalid_type' });
    const noPolicy = thrown(() => assessPartner({ template } as never, { findings }, { asOf: '2026-01-01' }));
    expect(noPolicy.message).toBe('[dealerkit] config.policy: is required (a risk policy from defineRiskPolicy, such as dealerDueDiligencePolicy)');
    expect(noPolicy.issues[0]!.code).toBe('required');
    expect(thrown(() => assessPartner({ template, policy: max, polcy: max } as never, { findings }, { asOf: '2026-01-01' })).issues[0]).toMatchObject({
      path: ['config', 'polcy'],
      code: 'unknown_field',
      message: 'is not a known field; did you mean `policy`?',
    });
    expect(thrown(() => assessPartner(null as never, { findings }, { asOf: '2026-01-01' })).issues[0]).toMatchObject({ path: ['config'], code: 'invalid_type' });
    expect(thrown(() => assessPartner({ template, policy: max }, null as never, { asOf: '2026-01-01' })).issues[0]).toMatchObject({ path: [], code: 'invalid_type' });
    const threeLevels = { ...policySpec, levels: ['low', 'medium', 'high'], scores: { low: 1, medium: 2, high: 3 }, decision: { approveUpTo: 'low', conditionalUpTo: 'medium', escalateUpTo: 'high' }, reviewCadenceDays: { low: 365, medium: 180, high: 90 } };
    const levels = thrown(() => assessPartner({ template, policy: threeLevels }, { findings }, { asOf: '2026-01-01' }));
    expect(levels.message).toBe(
      "[dealerkit] config.policy.levels: must equal the template's levels ('very-low', 'low', 'moderate', 'high', 'very-high'), received 'low', 'medium', 'high'",
    );
    expect(levels.issues[0]!.code).toBe('inconsistent');
    const late = thrown(() => assessPartner({ template, policy: max }, { findings }, { asOf: '9999-12-01' }));
    expect(late.message).toBe('[dealerkit] options.asOf: plus the review cadence of 180 days is after 9999-12-31');
    expect(late.issues[0]).toMatchObject({ code: 'out_of_range', limit: '9999-12-31' });
    expect(thrown(() => assessPartner({ template: 't' as never, policy: max }, { findings }, { asOf: '2026-01-01' })).message).toBe(
      '[dealerkit] config.template: must be a risk template (from defineRiskTemplate), received "t"',
    );
  });
});

describe('defineRiskTemplate and defineRiskPolicy refuse bad configuration', () => {
  it('template: duplicate ids, unknown category, mixed level sets, bad weight, unknown knock-out level, scales off the axis', () => {
    const e = thrown(() =>
      defineRiskTemplate({
        name: 'bad',
        factors: [
          { id: 'a', category: 'background', matrix: nistSp80030, weight: '0.0000001' },
          { id: 'a', category: 'finance', matrix: riskMatrix3x3 },
          { id: 'b', category: 'compliance', matrix: nistSp80030, knockout: { reason: 'x', atLevel: 'severe' } },
          { id: 'c', category: 'strategic', matrix: nistSp80030, scales: { impact: { bins: [{ level: 'high', from: 0 }, { level: 'low', from: 1 }, { level: 'huge', from: 2 }] } } },
        ],
      }),
    );
    expect(e.issues).toEqual([
      {
        path: ['factors', 0, 'weight'],
        code: 'out_of_range',
        message: 'must have at most 6 decimal places and be at most 1000, received 0.0000001',
        expected: 'at most 1000, with at most 6 decimals',
        received: '0.0000001',
        limit: '0.000001',
      },
      { path: ['factors', 1, 'id'], code: 'duplicate', message: "duplicates factors[0].id ('a'); factor ids must be unique", received: '"a"' },
      {
        path: ['factors', 1, 'category'],
        code: 'unknown_label',
        message: "is not a category of the template: 'finance' (categories: 'background', 'financial', 'compliance', 'strategic'; add it to categories)",
        received: '"finance"',
      },
      {
        path: ['factors', 1, 'matrix', 'levels'],
        code: 'inconsistent',
        message: "must equal the levels of factors[0]'s matrix ('very-low', 'low', 'moderate', 'high', 'very-high'), received 'low', 'medium', 'high': roll-ups compare levels across factors",
      },
      { path: ['factors', 2, 'knockout', 'atLevel'], code: 'unknown_label', message: "is not a level: 'severe' (levels: 'very-low', 'low', 'moderate', 'high', 'very-high')", received: '"severe"' },
      {
        path: ['factors', 3, 'scales', 'impact', 'bins', 1, 'level'],
        code: 'not_ascending',
        message: 'must be a higher impact than bins[0].level: a higher value never maps to a lower level',
        received: '"low"',
      },
      {
        path: ['factors', 3, 'scales', 'impact', 'bins', 2, 'level'],
        code: 'unknown_label',
        message: "is not an impact label of the factor's matrix: 'huge' (impact labels: 'very-low', 'low', 'moderate', 'high', 'very-high')",
        received: '"huge"',
      },
    ]);
    expect(thrown(() => defineRiskTemplate({ name: 'x', factors: [] })).message).toBe('[dealerkit] factors: must hold at least 1 item');
    expect(thrown(() => defineRiskTemplate({ name: 'x', factors: [{ id: 'a', category: 'background', matrix: 'nist' as never }] })).message).toBe(
      '[dealerkit] factors[0].matrix: must be a risk matrix (from defineRiskMatrix), received "nist"',
    );
    expect(thrown(() => defineRiskTemplate({ name: 'x', categories: ['a', 'a'], factors: [{ id: 'a', category: 'a', matrix: nistSp80030 }] })).message).toBe(
      "[dealerkit] categories[1]: duplicates categories[0] ('a')",
    );
    expect(thrown(() => defineRiskTemplate({ name: 'x', factors: [{ id: 'a', category: 'background', matrix: { likelihood: [] } as never }] })).message).toBe(
      '[dealerkit] factors[0].matrix.likelihood: must hold at least 1 item; factors[0].matrix.impact: is required (an array); factors[0].matrix.levels: is required (an array)',
    );
    expect(thrown(() => defineRiskTemplate({ ...template, levels: ['a'] })).message).toContain('levels: must equal the levels');
  });

  it('templates extend by spreading; categories are extensible', () => {
    const t = defineRiskTemplate({
      ...dealerDueDiligence,
      name: 'with ESG',
      categories: [...dealerDueDiligence.categories, 'esg'],
      factors: [...dealerDueDiligence.factors, { id: 'carbon', category: 'esg', matrix: nistSp80030 }],
    });
    expect(t.factors).toHaveLength(25);
    expect(t.categories).toEqual(['background', 'financial', 'compliance', 'strategic', 'esg']);
    const r = assessPartner({ template: t, policy: dealerDueDiligencePolicy }, { findings: [{ factor: 'carbon', likelihood: 'high', impact: 'high' }] }, { asOf: '2026-01-01' });
    expect(r.categories[4]).toMatchObject({ category: 'esg', worst: 'high' });
    const back = JSON.parse(JSON.stringify(template));
    expect(assessPartner({ template: back, policy: JSON.parse(JSON.stringify(max)) }, { findings }, { asOf: '2026-01-01' }).decision).toBe('conditional');
  });

  it('policy: scores and cadences for every level, ascending scores, ordered thresholds, known labels', () => {
    const e = thrown(() =>
      defineRiskPolicy({
        ...policySpec,
        scores: { 'very-low': 0, low: 2, moderate: 2, high: 8, extreme: 9 },
        reviewCadenceDays: { 'very-low': 730, low: 365, moderate: 180, high: 90 },
      }),
    );
    expect(e.issues).toEqual([
      { path: ['scores', 'very-high'], code: 'required', message: 'is required: every level needs a score' },
      { path: ['scores', 'extreme'], code: 'unknown_label', message: "is not a level: 'extreme' (levels: 'very-low', 'low', 'moderate', 'high', 'very-high')", received: '"extreme"' },
      { path: ['reviewCadenceDays', 'very-high'], code: 'required', message: 'is required: every level needs a review cadence' },
    ]);
    const order = thrown(() => defineRiskPolicy({ ...policySpec, scores: { ...nistRiskScores, moderate: 2 } }));
    expect(order.message).toBe("[dealerkit] scores.moderate: must be greater than scores['low'] (2): levels go from low to high, received 2");
    expect(order.issues[0]).toMatchObject({ code: 'not_ascending', limit: '2', received: '2' });
    expect(thrown(() => defineRiskPolicy({ ...policySpec, scores: { ...nistRiskScores, low: '2.0000001' } })).message).toBe(
      '[dealerkit] scores.low: must have at most 6 decimal places and be at most 1000, received 2.0000001',
    );
    const d = thrown(() => defineRiskPolicy({ ...policySpec, decision: { approveUpTo: 'moderate', conditionalUpTo: 'low', escalateUpTo: 'very-low', rejectIfAnyFactorAtLeast: 'x' } }));
    expect(d.issues).toEqual([
      { path: ['decision', 'rejectIfAnyFactorAtLeast'], code: 'unknown_label', message: "is not a level: 'x' (levels: 'very-low', 'low', 'moderate', 'high', 'very-high')", received: '"x"' },
      {
        path: ['decision', 'conditionalUpTo'],
        code: 'not_ascending',
        message: "must be at least approveUpTo ('moderate'): thresholds go from low to high, received 'low'",
        expected: "at least 'moderate'",
        received: '"low"',
      },
      {
        path: ['decision', 'escalateUpTo'],
        code: 'not_ascending',
        message: "must be at least conditionalUpTo ('low'): thresholds go from low to high, received 'very-low'",
        expected: "at least 'low'",
        received: '"very-low"',
      },
    ]);
    expect(thrown(() => defineRiskPolicy({ ...policySpec, overall: { method: 'mean' } as never })).message).toBe(
      "[dealerkit] overall.method: must be one of 'max', 'weighted', 'k-worst', received \"mean\"",
    );
    expect(thrown(() => defineRiskPolicy({ ...policySpec, overall: { method: 'k-worst', k: 0 } })).message).toBe('[dealerkit] overall.k: must be at least 1, received 0');
    expect(thrown(() => defineRiskPolicy({ ...policySpec, reviewCadenceDays: { ...policySpec.reviewCadenceDays, low: 1.5 } })).message).toBe(
      '[dealerkit] reviewCadenceDays.low: must be a whole number of days, received 1.5',
    );
    expect(thrown(() => defineRiskPolicy({ ...policySpec, levels: ['a', 'a'] })).message).toBe("[dealerkit] levels[1]: duplicates levels[0] ('a'); labels must be unique");
    expect(thrown(() => assessPartner({ template, policy: 5 as never }, { findings }, { asOf: '2026-01-01' })).message).toBe(
      '[dealerkit] config.policy: must be a risk policy (from defineRiskPolicy), received 5',
    );
  });

  it("levels named 'toString', 'constructor' or '__proto__' need their own scores: inherited members never count", () => {
    // 'toString' is on every object's prototype; the policy must still find its own score.
    const e = thrown(() => defineRiskPolicy({ levels: ['toString', 'constructor'], scores: { constructor: 1 } as never, overall: { method: 'max' }, decision: { approveUpTo: 'toString', conditionalUpTo: 'toString', escalateUpTo: 'constructor' }, reviewCadenceDays: { toString: 365, constructor: 90 } as never }));
    expect(e.issues).toEqual([{ path: ['scores', 'toString'], code: 'required', message: 'is required: every level needs a score' }]);
    // '__proto__' as a key is dropped when read (it cannot be a plain property): required, never a crash.
    const proto = thrown(() => defineRiskPolicy(JSON.parse('{"levels":["__proto__","b"],"scores":{"__proto__":1,"b":2},"overall":{"method":"max"},"decision":{"approveUpTo":"__proto__","conditionalUpTo":"b","escalateUpTo":"b"},"reviewCadenceDays":{"__proto__":10,"b":20}}')));
    expect(proto.issues.map((i) => [i.path, i.code])).toEqual([
      [['scores', '__proto__'], 'required'],
      [['reviewCadenceDays', '__proto__'], 'required'],
    ]);
    // With their own scores they are levels like any other, from the policy through an assessment.
    const m = defineRiskMatrix({ likelihood: ['toString', 'constructor'], impact: ['valueOf'], levels: ['toString', 'constructor'], cells: [['toString'], ['constructor']] });
    const t = defineRiskTemplate({ name: 'odd', factors: [{ id: 'constructor', category: 'background', matrix: m }, { id: 'toString', category: 'background', matrix: m }] });
    const p = defineRiskPolicy({ levels: ['toString', 'constructor'], scores: { toString: 1, constructor: 2 }, overall: { method: 'weighted' }, decision: { approveUpTo: 'toString', conditionalUpTo: 'constructor', escalateUpTo: 'constructor' }, reviewCadenceDays: { toString: 365, constructor: 90 } });
    expect(Object.keys(p.scores)).toEqual(['toString', 'constructor']);
    const r = assessPartner({ template: t, policy: p }, { findings: [{ factor: 'constructor', likelihood: 'constructor', impact: 'valueOf' }, { factor: 'toString', likelihood: 'toString', impact: 'valueOf' }] }, { asOf: '2026-01-01' });
    // (2 + 1) / 2 = 1.5: the highest level whose score is at most 1.5 is 'toString' (1).
    expect([s(r.overall.score), r.overall.level, r.decision]).toEqual(['1.5', 'toString', 'approve']);
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      const bad = thrown(() => assessPartner({ template, policy: max }, { findings: [{ factor: name, likelihood: 'low', impact: 'low' }] }, { asOf: '2026-01-01' }));
      expect(bad.issues[0]).toMatchObject({ path: ['findings', 0, 'factor'], code: 'unknown_label' });
    }
  });
});

describe('a matrix other than NIST: generated 3-level template', () => {
  it('works with any matrix whose levels the factors share', () => {
    const m = defineRiskMatrix({ likelihood: ['rare', 'often'], impact: ['minor', 'major'], levels: ['low', 'medium', 'high'], cells: [['low', 'medium'], ['medium', 'high']] });
    const t = defineRiskTemplate({ name: 'small', factors: [{ id: 'x', category: 'background', matrix: m }, { id: 'y', category: 'background', matrix: riskMatrix3x3 }] });
    const p = defineRiskPolicy({ levels: ['low', 'medium', 'high'], scores: { low: 1, medium: 2, high: 3 }, overall: { method: 'max' }, decision: { approveUpTo: 'low', conditionalUpTo: 'medium', escalateUpTo: 'medium' }, reviewCadenceDays: { low: 365, medium: 180, high: 90 } });
    const r = assessPartner({ template: t, policy: p }, { findings: [{ factor: 'x', likelihood: 'often', impact: 'major' }, { factor: 'y', likelihood: 'low', impact: 'high' }] }, { asOf: '2026-01-01' });
    expect([r.overall.level, r.decision]).toEqual(['high', 'reject']);
    expect(r.heatMap.map((h) => h.matrix)).toEqual(['custom', '3×3 (Cox 2008)']);
    expect(r.heatMap[1]!.residual).toEqual([[0, 0, 1], [0, 0, 0], [0, 0, 0]]);
  });
});

describe('odd inputs are named, not crashed on', () => {
  it('null where a defined object is expected', () => {
    expect(thrown(() => riskLevelForNull()).message).toBe('[dealerkit] likelihood: must be a likelihood label, received null');
    expect(thrown(() => assessPartner({ template: null as never, policy: max }, { findings }, { asOf: '2026-01-01' })).message).toBe(
      '[dealerkit] config.template: must be a risk template (from defineRiskTemplate), received null',
    );
    expect(thrown(() => assessPartner({ template, policy: null as never }, { findings }, { asOf: '2026-01-01' })).message).toBe(
      '[dealerkit] config.policy: must be a risk policy (from defineRiskPolicy), received null',
    );
    expect(thrown(() => assessPartner({ template, policy: max }, { findings: [{ factor: null, likelihood: 'low', impact: 'low' } as never] }, { asOf: '2026-01-01' })).message).toBe(
      '[dealerkit] findings[0].factor: must be a factor id, received null',
    );
    expect(thrown(() => assessPartner({ template, policy: max }, { findings: [{ factor: 'debt', likelihood: null, impact: 'low' } as never] }, { asOf: '2026-01-01' })).message).toContain(
      'received null',
    );
  });

  it('a factor with scales on both axes, and a likelihood scale whose labels are not the matrix\'s', () => {
    const both = defineRiskTemplate({
      name: 'both',
      factors: [{ id: 'x', category: 'background', matrix: nistSp80030, scales: { likelihood: nistSemiQuantitativeScale, impact: nistSemiQuantitativeScale } }],
    });
    expect(both.factors[0]!.scales).toEqual({ likelihood: nistSemiQuantitativeScale, impact: nistSemiQuantitativeScale });
    const r = assessPartner({ template: both, policy: max }, { findings: [{ factor: 'x', likelihood: 96, impact: 4 }] }, { asOf: '2026-01-01' });
    expect(r.factors[0]!.inherent).toEqual({ likelihood: 'very-high', impact: 'very-low', level: 'very-low' });
    const e = thrown(() =>
      defineRiskTemplate({ name: 'bad', factors: [{ id: 'x', category: 'background', matrix: riskMatrix3x3, scales: { likelihood: nistSemiQuantitativeScale } }] }),
    );
    expect(e.issues[0]).toEqual({
      path: ['factors', 0, 'scales', 'likelihood', 'bins', 0, 'level'],
      code: 'unknown_label',
      message: "is not a likelihood label of the factor's matrix: 'very-low' (likelihood labels: 'low', 'medium', 'high')",
      received: '"very-low"',
    });
  });
});

function riskLevelForNull() {
  return toRiskLevel(nistSp80030, null as never, 'low');
}
