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
  riskLevelFor,
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
    const r = assessPartner(template, findings, { assessedOn: '2024-02-29', policy: weighted });
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
    expect([r.template, r.policy, r.assessedOn]).toEqual(['test', 'test policy', '2024-02-29']);
  });

  it('rolls up per category: worst level and weighted score (background (2·1 + 5·2) / 3 = 4)', () => {
    const r = assessPartner(template, findings, { assessedOn: '2024-02-29', policy: weighted });
    expect(r.categories.map((c) => [c.category, c.assessed, c.worst, s(c.weightedSum), s(c.weightTotal), s(c.score)])).toEqual([
      ['background', 2, 'moderate', '12', '3', '4'],
      ['financial', 1, 'moderate', '5', '1', '5'],
      ['compliance', 0, null, '0', '0', null],
      ['strategic', 1, 'low', '6', '3', '2'],
    ]);
  });

  it("weighted overall: (2 + 10 + 5 + 6) / 7 = 3.285714…, below moderate's 5, so 'low' → approve", () => {
    const r = assessPartner(template, findings, { assessedOn: '2024-02-29', policy: weighted });
    expect(r.overall.method).toBe('weighted');
    expect([s(r.overall.sum), s(r.overall.divisor), s(r.overall.score), r.overall.level]).toEqual(['23', '7', '3.285714', 'low']);
    expect(r.overall.explanation).toBe(
      "weighted: Σ weight × score / Σ weight = 23 / 7 = 3.285714 (to 6 places); the highest level whose score is at most that is 'low' (score 2)",
    );
    expect(r.decision).toBe('approve');
    expect(r.mitigations).toEqual([]);
    // 2024-02-29 + 365 days = 2025-02-28.
    expect([r.nextReviewDate, r.reviewCadenceDays]).toEqual(['2025-02-28', 365]);
  });

  it("max overall: the worst residual level 'moderate' → conditional, with the mitigations required", () => {
    const r = assessPartner(template, findings, { assessedOn: '2024-02-29', policy: max });
    expect(r.overall).toEqual({
      method: 'max',
      level: 'moderate',
      score: nistRiskScores.moderate,
      sum: nistRiskScores.moderate,
      divisor: r.overall.divisor,
      basis: ['credit', 'debt'],
      explanation: "max: the worst residual level of the 4 assessed factors is 'moderate' (credit, debt)",
    });
    expect(s(r.overall.divisor)).toBe('1');
    expect(r.decision).toBe('conditional');
    expect(r.trace).toEqual([
      { rule: 'knockout', outcome: null, detail: 'no knock-out finding' },
      { rule: 'unassessed', outcome: null, detail: '1 factor not assessed (the policy ignores them)' },
      { rule: 'overall-level', outcome: 'conditional', detail: "overall level 'moderate' is at most conditionalUpTo 'moderate'" },
    ]);
    expect(r.mitigations).toEqual([
      { factor: 'credit', title: 'credit', residualLevel: 'moderate', targetAtMost: 'low', actions: ['bank guarantee'], controlsInPlace: ['lc'] },
      { factor: 'debt', title: 'debt', residualLevel: 'moderate', targetAtMost: 'low', actions: ['parent guarantee'], controlsInPlace: [] },
    ]);
    // 2024-02-29 + 180 days = 2024-08-27.
    expect(r.nextReviewDate).toBe('2024-08-27');
  });

  it('k-worst: k = 2 → (5 + 5) / 2 = 5 moderate; k = 3 → 12 / 3 = 4 low; k larger than the factors → 14 / 4 = 3.5 low', () => {
    const k = (n: number) => assessPartner(template, findings, { assessedOn: '2024-02-29', policy: { ...policySpec, overall: { method: 'k-worst', k: n } } }).overall;
    expect([s(k(2).score), k(2).level, k(2).basis]).toEqual(['5', 'moderate', ['credit', 'debt']]);
    expect([s(k(3).score), k(3).level, k(3).basis]).toEqual(['4', 'low', ['credit', 'debt', 'reg']]);
    expect([s(k(9).score), s(k(9).divisor), k(9).level]).toEqual(['3.5', '4', 'low']);
    expect(k(2).explanation).toBe("k-worst: the mean score of the 2 worst factors (credit, debt) is 10 / 2 = 5; the highest level whose score is at most that is 'moderate' (score 5)");
  });

  it('heat map: one count per factor per cell, before and after controls', () => {
    const r = assessPartner(template, findings, { assessedOn: '2024-02-29', policy: weighted });
    expect(r.heatMap).toHaveLength(1);
    const h = r.heatMap[0]!;
    expect(h.likelihood).toEqual(NIST);
    const cells = (grid: number[][]) => grid.flatMap((row, l) => row.flatMap((n, i) => (n > 0 ? [`${NIST[l]}/${NIST[i]}:${n}`] : [])));
    expect(cells(h.inherent)).toEqual(['very-low/very-high:1', 'low/low:1', 'high/high:1', 'very-high/moderate:1']);
    expect(cells(h.residual)).toEqual(['very-low/very-high:1', 'low/low:1', 'moderate/high:1', 'very-high/moderate:1']);
  });

  it('serialises to plain JSON', () => {
    const r = assessPartner(template, findings, { assessedOn: '2024-02-29', policy: weighted });
    const json = JSON.parse(JSON.stringify(r));
    expect(json.overall.score).toBe('3.285714');
    expect(json.categories[0].score).toBe('4');
    expect(json.factors[1].weight).toBe('2');
  });
});

describe('assessPartner: knock-outs and decision rules', () => {
  it('a finding flagged knockout rejects whatever the levels', () => {
    const r = assessPartner(template, [{ factor: 'reg', likelihood: 'low', impact: 'low', knockout: true, note: 'licence number not found' }], {
      assessedOn: '2026-01-01',
      policy: weighted,
    });
    expect(r.knockouts).toEqual([{ factor: 'reg', reason: 'unverifiable registration', trigger: 'finding', note: 'licence number not found' }]);
    expect(r.overall.level).toBe('low');
    expect(r.decision).toBe('reject');
    expect(r.trace[0]).toEqual({ rule: 'knockout', outcome: 'reject', detail: '1 knock-out: reg (unverifiable registration)' });
    expect(r.factors[0]!.knockout).toBe(true);
  });

  it("a residual at the factor's knock-out level knocks out by itself (bribery at high)", () => {
    // moderate × very-high → high in Table I-2.
    const r = assessPartner(template, [{ factor: 'bribery', likelihood: 'moderate', impact: 'very-high' }], { assessedOn: '2026-01-01', policy: weighted });
    expect(r.knockouts.map((k) => [k.factor, k.trigger])).toEqual([['bribery', 'level']]);
    expect(r.decision).toBe('reject');
    const below = assessPartner(template, [{ factor: 'bribery', likelihood: 'moderate', impact: 'high' }], { assessedOn: '2026-01-01', policy: weighted });
    expect(below.knockouts).toEqual([]);
  });

  it('unassessed factors escalate when the policy says so', () => {
    const r = assessPartner(template, findings, { assessedOn: '2026-01-01', policy: { ...policySpec, unassessed: 'escalate' } });
    expect(r.trace[1]).toEqual({ rule: 'unassessed', outcome: 'escalate', detail: '1 factor not assessed: bribery' });
    expect(r.decision).toBe('escalate');
    const all = assessPartner(template, [...findings, { factor: 'bribery', likelihood: 'low', impact: 'low' }], { assessedOn: '2026-01-01', policy: { ...policySpec, unassessed: 'escalate' } });
    expect(all.trace[1]).toEqual({ rule: 'unassessed', outcome: null, detail: 'every factor assessed' });
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
    const plain = assessPartner(template, severe, { assessedOn: '2026-01-01', policy: weighted });
    expect([s(plain.overall.score), plain.overall.level, plain.decision]).toEqual(['3', 'low', 'approve']);
    const guarded = assessPartner(template, severe, {
      assessedOn: '2026-01-01',
      policy: { ...policySpec, decision: { ...policySpec.decision, escalateIfAnyFactorAtLeast: 'high', rejectIfAnyFactorAtLeast: 'very-high' } },
    });
    expect(guarded.trace[2]).toEqual({ rule: 'worst-factor', outcome: 'reject', detail: "a factor is at 'very-high', at or above rejectIfAnyFactorAtLeast 'very-high'" });
    expect(guarded.decision).toBe('reject');
    const esc = assessPartner(template, severe, { assessedOn: '2026-01-01', policy: { ...policySpec, decision: { ...policySpec.decision, escalateIfAnyFactorAtLeast: 'high' } } });
    expect([esc.trace[2]!.outcome, esc.decision]).toEqual(['escalate', 'escalate']);
    const none = assessPartner(template, findings, { assessedOn: '2026-01-01', policy: { ...policySpec, decision: { ...policySpec.decision, escalateIfAnyFactorAtLeast: 'high' } } });
    expect(none.trace[2]).toEqual({ rule: 'worst-factor', outcome: null, detail: "no factor at or above 'high'" });
  });

  it('the overall level against each threshold: approve, conditional, escalate, reject', () => {
    const one = (l: string, i: string) => assessPartner(template, [{ factor: 'debt', likelihood: l, impact: i }], { assessedOn: '2026-01-01', policy: max });
    expect([one('low', 'low').decision, one('moderate', 'moderate').decision, one('high', 'high').decision, one('very-high', 'very-high').decision]).toEqual([
      'approve', 'conditional', 'escalate', 'reject',
    ]);
    expect(one('very-high', 'very-high').trace[2]!.detail).toBe("overall level 'very-high' is above escalateUpTo 'high'");
    expect(one('high', 'high').mitigations).toEqual([]);
    expect(one('very-low', 'very-low').nextReviewDate).toBe('2028-01-01'); // 2026-01-01 + 730 = + 365 + 365
    expect(one('very-high', 'very-high').nextReviewDate).toBe('2026-01-31');
  });
});

describe('assessPartner: evidence through scales, exact rounding, dates', () => {
  it("a numeric likelihood is read through the factor's scale (NIST bins: 95.5 → high, 96 → very-high)", () => {
    const r = assessPartner(template, [{ factor: 'fit', likelihood: 95.5, impact: 'high' }], { assessedOn: '2026-01-01', policy: max });
    expect(r.factors[0]!.inherent).toEqual({ likelihood: 'high', impact: 'high', level: 'high' });
    const r2 = assessPartner(template, [{ factor: 'fit', likelihood: 96, impact: 'high' }], { assessedOn: '2026-01-01', policy: max });
    expect(r2.factors[0]!.inherent.likelihood).toBe('very-high');
    // A string is always a label: '96' is not one.
    expect(thrown(() => assessPartner(template, [{ factor: 'fit', likelihood: '96', impact: 'high' }], { assessedOn: '2026-01-01', policy: max })).message).toBe(
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
    const r = assessPartner(t, [{ factor: 'a', likelihood: 'very-high', impact: 'very-high' }, { factor: 'b', likelihood: 'very-low', impact: 'very-low' }], {
      assessedOn: '2026-01-01',
      policy: { ...policySpec, scores: { 'very-low': 0, low: 2, moderate: 5, high: 8, 'very-high': 1000 } },
    });
    expect([s(r.overall.sum), s(r.overall.divisor), s(r.overall.score), r.overall.level]).toEqual(['999999.999', '1000', '999.999999', 'high']);
    const r2 = assessPartner(t, [{ factor: 'a', likelihood: 'very-high', impact: 'very-high' }, { factor: 'b', likelihood: 'very-low', impact: 'very-low' }], {
      assessedOn: '2026-01-01',
      policy: weighted,
    });
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
        t,
        [{ factor: 'a', likelihood: 'low', impact: 'low' }, { factor: 'b', likelihood: 'very-low', impact: 'very-low' }, ...(withC ? [{ factor: 'c', likelihood: 'very-low', impact: 'very-low' }] : [])],
        { assessedOn: '2026-01-01', policy: { ...policySpec, scores: { 'very-low': 0, low, moderate: 5, high: 8, 'very-high': 10 } } },
      ).overall.score.toString();
    expect(run(2, true)).toBe('0.666667'); // 2 / 3
    expect(run('0.000001', false)).toBe('0'); // 0.0000005: a tie, to the even 0.000000
    expect(run('0.000003', false)).toBe('0.000002'); // 0.0000015: a tie, to the even 0.000002
    expect(run('0.000005', false)).toBe('0.000002'); // 0.0000025 → 0.000002
  });

  it('accepts a Date as assessedOn, read as its UTC calendar date', () => {
    const r = assessPartner(template, findings, { assessedOn: new Date(Date.UTC(2024, 1, 29, 23, 30)), policy: weighted });
    expect(r.assessedOn).toBe('2024-02-29');
  });
});

describe('assessPartners: a batch validated once', () => {
  it('assesses each finding list and names the partner in errors', () => {
    const r = assessPartners(template, [findings, [{ factor: 'reg', likelihood: 'low', impact: 'low', knockout: true }]], { assessedOn: '2026-01-01', policy: max });
    expect(r.map((x) => x.decision)).toEqual(['conditional', 'reject']);
    const e = thrown(() => assessPartners(template, [findings, [{ factor: 'nope', likelihood: 'low', impact: 'low' }]], { assessedOn: '2026-01-01', policy: max }));
    expect(e.message).toBe("[dealerkit] partners[1].findings[0].factor: is not a factor of template 'test': 'nope'");
    expect(e.code).toBe('unknown_label');
    expect(thrown(() => assessPartners(template, 'x' as never, { assessedOn: '2026-01-01', policy: max })).message).toBe('[dealerkit] partners: must be an array of finding lists');
    expect(assessPartners(template, [], { assessedOn: '2026-01-01', policy: max })).toEqual([]);
  });
});

describe('assessPartner refuses bad findings, naming the path', () => {
  const run = (f: unknown[]) => assessPartner(template, f as RiskFinding[], { assessedOn: '2026-01-01', policy: max });

  it('a residual above the inherent, on each axis', () => {
    const e = thrown(() => run([{ factor: 'credit', likelihood: 'moderate', impact: 'moderate', controls: [{ id: 'x' }], residual: { likelihood: 'high', impact: 'very-high' } }]));
    expect(e.issues).toEqual([
      { path: ['findings', 0, 'residual', 'likelihood'], message: "is 'high', above the inherent likelihood 'moderate': residual risk never exceeds inherent risk" },
      { path: ['findings', 0, 'residual', 'impact'], message: "is 'very-high', above the inherent impact 'moderate': residual risk never exceeds inherent risk" },
    ]);
    expect(e.code).toBe('out_of_range');
  });

  it('a lowered residual without a control (missing or empty controls)', () => {
    const msg = "[dealerkit] findings[0].controls: are required: the residual (moderate × high) is lower than the inherent (high × high), and only a control lowers a risk";
    expect(thrown(() => run([{ factor: 'credit', likelihood: 'high', impact: 'high', residual: { likelihood: 'moderate', impact: 'high' } }])).message).toBe(msg);
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
      { path: ['findings', 0, 'factor'], message: "is not a factor of template 'test': 'registration'" },
      { path: ['findings', 1, 'likelihood'], message: "is not a likelihood label of factor 'debt': 'extreme' (likelihood labels: 'very-low', 'low', 'moderate', 'high', 'very-high')" },
      { path: ['findings', 2, 'knockout'], message: "factor 'credit' is not a knock-out factor in template 'test'; only knock-out factors decide alone" },
      { path: ['findings', 3, 'factor'], message: "duplicates findings[2] ('credit'): one finding per factor" },
    ]);
    expect(e.code).toBe('unknown_label');
  });

  it('shape errors: not an array, empty, not an object, unknown fields, wrong types', () => {
    expect(thrown(() => run('x' as never)).message).toBe('[dealerkit] findings: must be an array of findings, received string');
    expect(thrown(() => run([])).message).toBe('[dealerkit] findings: must hold at least one finding: an assessment with nothing assessed decides nothing');
    expect(thrown(() => run([null])).message).toBe('[dealerkit] findings[0]: must be a finding object, received null');
    expect(thrown(() => run([[1]])).message).toBe('[dealerkit] findings[0]: must be a finding object, received an array');
    expect(thrown(() => run([{ factor: 'debt', likelihood: 'low', impact: 'low', severity: 3 }])).message).toBe('[dealerkit] findings[0].severity: is not a known field');
    expect(thrown(() => run([{ factor: 3, likelihood: 'low', impact: 'low' }])).message).toBe('[dealerkit] findings[0].factor: must be a factor id, received number');
    expect(thrown(() => run([{ factor: 'debt', likelihood: 2, impact: 'low' }])).message).toBe(
      "[dealerkit] findings[0].likelihood: must be a likelihood label of factor 'debt' (the factor has no likelihood scale to read a value through), received number",
    );
    expect(thrown(() => run([{ factor: 'fit', likelihood: 101, impact: 'low' }])).message).toBe(
      "[dealerkit] findings[0].likelihood: is above the upper bound of scale 'NIST SP 800-30 Rev. 1 semi-quantitative (0–100)' (100, inclusive), received 101",
    );
    expect(thrown(() => run([{ factor: 'debt', likelihood: 'low', impact: 'low', knockout: 'yes' }])).message).toBe('[dealerkit] findings[0].knockout: must be true or false, received string');
    expect(thrown(() => run([{ factor: 'debt', likelihood: 'low', impact: 'low', note: 5 }])).message).toBe('[dealerkit] findings[0].note: must be a string, received number');
    expect(thrown(() => run([{ factor: 'debt', likelihood: 'low', impact: 'low', controls: 'lc' }])).message).toBe('[dealerkit] findings[0].controls: must be an array of controls');
    expect(thrown(() => run([{ factor: 'debt', likelihood: 'low', impact: 'low', controls: [{ id: '' }] }])).message).toBe('[dealerkit] findings[0].controls[0].id: must be a non-empty control id');
    expect(thrown(() => run([{ factor: 'debt', likelihood: 'low', impact: 'low', residual: 'low' }])).message).toBe('[dealerkit] findings[0].residual: must be an object with likelihood and impact');
  });

  it('options: the date, the policy, and a policy whose levels differ from the template', () => {
    expect(thrown(() => assessPartner(template, findings, { assessedOn: '2026-02-30', policy: max })).message).toBe(
      '[dealerkit] options.assessedOn: is not a calendar date (2026-02 has 28 days), received "2026-02-30"',
    );
    expect(thrown(() => assessPartner(template, findings, { assessedOn: '2026-01-01' } as never)).message).toBe('[dealerkit] options.policy: is required (a risk policy from defineRiskPolicy)');
    expect(thrown(() => assessPartner(template, findings, null as never)).message).toBe('[dealerkit] options: must be an object with assessedOn and policy');
    const threeLevels = { ...policySpec, levels: ['low', 'medium', 'high'], scores: { low: 1, medium: 2, high: 3 }, decision: { approveUpTo: 'low', conditionalUpTo: 'medium', escalateUpTo: 'high' }, reviewCadenceDays: { low: 365, medium: 180, high: 90 } };
    expect(thrown(() => assessPartner(template, findings, { assessedOn: '2026-01-01', policy: threeLevels })).message).toBe(
      "[dealerkit] options.policy.levels: must equal the template's levels ('very-low', 'low', 'moderate', 'high', 'very-high'), received 'low', 'medium', 'high'",
    );
    expect(thrown(() => assessPartner(template, findings, { assessedOn: '9999-12-01', policy: max })).message).toBe(
      '[dealerkit] assessedOn: plus the review cadence of 180 days is after 9999-12-31',
    );
    expect(thrown(() => assessPartner('t' as never, findings, { assessedOn: '2026-01-01', policy: max })).message).toBe(
      '[dealerkit] template: must be a risk template (from defineRiskTemplate), received string',
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
      { path: ['factors', 0, 'weight'], message: 'must have at most 6 decimal places and be at most 1000, received 0.0000001' },
      { path: ['factors', 1, 'id'], message: "duplicates factors[0].id ('a'); factor ids must be unique" },
      { path: ['factors', 1, 'category'], message: "is not a category of the template: 'finance' (categories: 'background', 'financial', 'compliance', 'strategic'; add it to categories)" },
      {
        path: ['factors', 1, 'matrix', 'levels'],
        message: "must equal the levels of factors[0]'s matrix ('very-low', 'low', 'moderate', 'high', 'very-high'), received 'low', 'medium', 'high': roll-ups compare levels across factors",
      },
      { path: ['factors', 2, 'knockout', 'atLevel'], message: "is not a level: 'severe' (levels: 'very-low', 'low', 'moderate', 'high', 'very-high')" },
      { path: ['factors', 3, 'scales', 'impact', 'bins', 1, 'level'], message: 'must be a higher impact than bins[0].level: a higher value never maps to a lower level' },
      {
        path: ['factors', 3, 'scales', 'impact', 'bins', 2, 'level'],
        message: "is not a impact label of the factor's matrix: 'huge' (impact labels: 'very-low', 'low', 'moderate', 'high', 'very-high')",
      },
    ]);
    expect(thrown(() => defineRiskTemplate({ name: 'x', factors: [] })).message).toBe('[dealerkit] factors: must hold at least 1 item');
    expect(thrown(() => defineRiskTemplate({ name: 'x', factors: [{ id: 'a', category: 'background', matrix: 'nist' as never }] })).message).toBe(
      '[dealerkit] factors[0].matrix: must be a risk matrix (from defineRiskMatrix), received string',
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
    const r = assessPartner(t, [{ factor: 'carbon', likelihood: 'high', impact: 'high' }], { assessedOn: '2026-01-01', policy: dealerDueDiligencePolicy });
    expect(r.categories[4]).toMatchObject({ category: 'esg', worst: 'high' });
    const back = JSON.parse(JSON.stringify(template));
    expect(assessPartner(back, findings, { assessedOn: '2026-01-01', policy: JSON.parse(JSON.stringify(max)) }).decision).toBe('conditional');
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
      { path: ['scores', 'very-high'], message: 'is required: every level needs a score' },
      { path: ['scores', 'extreme'], message: "is not a level: 'extreme' (levels: 'very-low', 'low', 'moderate', 'high', 'very-high')" },
      { path: ['reviewCadenceDays', 'very-high'], message: 'is required: every level needs a review cadence' },
    ]);
    expect(thrown(() => defineRiskPolicy({ ...policySpec, scores: { ...nistRiskScores, moderate: 2 } })).message).toBe(
      "[dealerkit] scores.moderate: must be greater than scores['low'] (2): levels go from low to high, received 2",
    );
    expect(thrown(() => defineRiskPolicy({ ...policySpec, scores: { ...nistRiskScores, low: '2.0000001' } })).message).toBe(
      '[dealerkit] scores.low: must have at most 6 decimal places and be at most 1000, received 2.0000001',
    );
    const d = thrown(() => defineRiskPolicy({ ...policySpec, decision: { approveUpTo: 'moderate', conditionalUpTo: 'low', escalateUpTo: 'very-low', rejectIfAnyFactorAtLeast: 'x' } }));
    expect(d.issues).toEqual([
      { path: ['decision', 'rejectIfAnyFactorAtLeast'], message: "is not a level: 'x' (levels: 'very-low', 'low', 'moderate', 'high', 'very-high')" },
      { path: ['decision', 'conditionalUpTo'], message: "must be at least approveUpTo ('moderate'): thresholds go from low to high, received 'low'" },
      { path: ['decision', 'escalateUpTo'], message: "must be at least conditionalUpTo ('low'): thresholds go from low to high, received 'very-low'" },
    ]);
    expect(thrown(() => defineRiskPolicy({ ...policySpec, overall: { method: 'mean' } as never })).message).toBe(
      "[dealerkit] overall.method: must be one of 'max', 'weighted', 'k-worst', received \"mean\"",
    );
    expect(thrown(() => defineRiskPolicy({ ...policySpec, overall: { method: 'k-worst', k: 0 } })).message).toBe('[dealerkit] overall.k: must be at least 1, received 0');
    expect(thrown(() => defineRiskPolicy({ ...policySpec, reviewCadenceDays: { ...policySpec.reviewCadenceDays, low: 1.5 } })).message).toBe(
      '[dealerkit] reviewCadenceDays.low: must be a whole number of days, received 1.5',
    );
    expect(thrown(() => defineRiskPolicy({ ...policySpec, levels: ['a', 'a'] })).message).toBe("[dealerkit] levels[1]: duplicates levels[0] ('a'); labels must be unique");
    expect(thrown(() => assessPartner(template, findings, { assessedOn: '2026-01-01', policy: 5 as never })).message).toBe(
      '[dealerkit] options.policy: must be a risk policy (from defineRiskPolicy), received number',
    );
  });
});

describe('a matrix other than NIST: generated 3-level template', () => {
  it('works with any matrix whose levels the factors share', () => {
    const m = defineRiskMatrix({ likelihood: ['rare', 'often'], impact: ['minor', 'major'], levels: ['low', 'medium', 'high'], cells: [['low', 'medium'], ['medium', 'high']] });
    const t = defineRiskTemplate({ name: 'small', factors: [{ id: 'x', category: 'background', matrix: m }, { id: 'y', category: 'background', matrix: riskMatrix3x3 }] });
    const p = defineRiskPolicy({ levels: ['low', 'medium', 'high'], scores: { low: 1, medium: 2, high: 3 }, overall: { method: 'max' }, decision: { approveUpTo: 'low', conditionalUpTo: 'medium', escalateUpTo: 'medium' }, reviewCadenceDays: { low: 365, medium: 180, high: 90 } });
    const r = assessPartner(t, [{ factor: 'x', likelihood: 'often', impact: 'major' }, { factor: 'y', likelihood: 'low', impact: 'high' }], { assessedOn: '2026-01-01', policy: p });
    expect([r.overall.level, r.decision]).toEqual(['high', 'reject']);
    expect(r.heatMap.map((h) => h.matrix)).toEqual(['custom', '3×3 (Cox 2008)']);
    expect(r.heatMap[1]!.residual).toEqual([[0, 0, 1], [0, 0, 0], [0, 0, 0]]);
  });
});

describe('odd inputs are named, not crashed on', () => {
  it('null where a defined object is expected', () => {
    expect(thrown(() => riskLevelForNull()).message).toBe('[dealerkit] likelihood: must be a likelihood label, received null');
    expect(thrown(() => assessPartner(null as never, findings, { assessedOn: '2026-01-01', policy: max })).message).toBe(
      '[dealerkit] template: must be a risk template (from defineRiskTemplate), received null',
    );
    expect(thrown(() => assessPartner(template, findings, { assessedOn: '2026-01-01', policy: null as never })).message).toBe(
      '[dealerkit] options.policy: must be a risk policy (from defineRiskPolicy), received null',
    );
    expect(thrown(() => assessPartner(template, [{ factor: null, likelihood: 'low', impact: 'low' } as never], { assessedOn: '2026-01-01', policy: max })).message).toBe(
      '[dealerkit] findings[0].factor: must be a factor id, received null',
    );
    expect(thrown(() => assessPartner(template, [{ factor: 'debt', likelihood: null, impact: 'low' } as never], { assessedOn: '2026-01-01', policy: max })).message).toContain(
      'received null',
    );
  });

  it('a factor with scales on both axes, and a likelihood scale whose labels are not the matrix\'s', () => {
    const both = defineRiskTemplate({
      name: 'both',
      factors: [{ id: 'x', category: 'background', matrix: nistSp80030, scales: { likelihood: nistSemiQuantitativeScale, impact: nistSemiQuantitativeScale } }],
    });
    expect(both.factors[0]!.scales).toEqual({ likelihood: nistSemiQuantitativeScale, impact: nistSemiQuantitativeScale });
    const r = assessPartner(both, [{ factor: 'x', likelihood: 96, impact: 4 }], { assessedOn: '2026-01-01', policy: max });
    expect(r.factors[0]!.inherent).toEqual({ likelihood: 'very-high', impact: 'very-low', level: 'very-low' });
    const e = thrown(() =>
      defineRiskTemplate({ name: 'bad', factors: [{ id: 'x', category: 'background', matrix: riskMatrix3x3, scales: { likelihood: nistSemiQuantitativeScale } }] }),
    );
    expect(e.issues[0]).toEqual({
      path: ['factors', 0, 'scales', 'likelihood', 'bins', 0, 'level'],
      message: "is not a likelihood label of the factor's matrix: 'very-low' (likelihood labels: 'low', 'medium', 'high')",
    });
  });
});

function riskLevelForNull() {
  return riskLevelFor(nistSp80030, null as never, 'low');
}
