// defineRiskTemplate: each refusal alone, with its whole message, error code and issue (path, code,
// message, received), written from the message texts of the risk engine; the frozen factors it
// builds (title defaulting to the id, the knock-out with and without a level, the scales of one
// axis or both, the mitigations); and weights with decimals in a weighted roll-up, by hand.
import { describe, expect, it } from 'vitest';
import {
  assessPartner,
  dealerDueDiligencePolicy,
  defineRiskMatrix,
  defineRiskPolicy,
  defineRiskScale,
  defineRiskTemplate,
  explainAssessment,
  nistRiskScores,
  nistSp80030,
} from 'dealerkit';
import { thrown } from '../helpers.js';

// A 2 × 2 matrix whose likelihood and impact labels differ, so a message naming one axis's labels is told from the other's.
const two = defineRiskMatrix({ likelihood: ['rare', 'often'], impact: ['minor', 'major'], levels: ['low', 'medium', 'high'], cells: [['low', 'medium'], ['medium', 'high']] });
const twoMid = defineRiskMatrix({ likelihood: ['rare', 'often'], impact: ['minor', 'major'], levels: ['low', 'mid', 'high'], cells: [['low', 'mid'], ['mid', 'high']] });
const twoLevels = defineRiskMatrix({ likelihood: ['rare', 'often'], impact: ['minor', 'major'], levels: ['low', 'high'], cells: [['low', 'low'], ['low', 'high']] });
const twoPrefix = defineRiskMatrix({ likelihood: ['rare', 'often'], impact: ['minor', 'major'], levels: ['low', 'medium'], cells: [['low', 'low'], ['low', 'medium']] });
const refusal = (spec: unknown) => {
  const e = thrown(() => defineRiskTemplate(spec as never));
  return { message: e.message, code: e.code, issues: e.issues.map((i) => ({ ...i })) };
};
const x = (extra: object = {}) => ({ id: 'x', category: 'a', matrix: two, ...extra });

describe('defineRiskTemplate: one refusal at a time', () => {
  it('a category listed twice', () => {
    expect(refusal({ name: 't', categories: ['a', 'b', 'a'], factors: [x()] })).toEqual({
      message: "[dealerkit] categories[2]: duplicates categories[0] ('a')",
      code: 'invalid_input',
      issues: [{ path: ['categories', 2], code: 'duplicate', message: "duplicates categories[0] ('a')", received: '"a"' }],
    });
  });
  it('a factor id used twice', () => {
    expect(refusal({ name: 't', categories: ['a'], factors: [x(), x()] })).toEqual({
      message: "[dealerkit] factors[1].id: duplicates factors[0].id ('x'); factor ids must be unique",
      code: 'invalid_input',
      issues: [{ path: ['factors', 1, 'id'], code: 'duplicate', message: "duplicates factors[0].id ('x'); factor ids must be unique", received: '"x"' }],
    });
  });
  it('a category that is not the template\'s', () => {
    expect(refusal({ name: 't', categories: ['a'], factors: [x({ category: 'b' })] })).toEqual({
      message: "[dealerkit] factors[0].category: is not a category of the template: 'b' (categories: 'a'; add it to categories)",
      code: 'unknown_label',
      issues: [{ path: ['factors', 0, 'category'], code: 'unknown_label', message: "is not a category of the template: 'b' (categories: 'a'; add it to categories)", received: '"b"' }],
    });
  });
  it('a matrix-like object that is no matrix: its issues under factors[0].matrix, and the next factor still checked', () => {
    const r = refusal({ name: 't', categories: ['a'], factors: [x({ matrix: { kind: 'risk-matrix', likelihood: ['r'] } }), { id: 'y', category: 'b', matrix: two }] });
    expect(r.code).toBe('invalid_input');
    expect(r.issues.map((i) => [i.path, i.code])).toEqual([
      [['factors', 0, 'matrix', 'name'], 'required'],
      [['factors', 0, 'matrix', 'impact'], 'required'],
      [['factors', 0, 'matrix', 'levels'], 'required'],
      [['factors', 0, 'matrix', 'cells'], 'required'],
      [['factors', 1, 'category'], 'unknown_label'],
    ]);
  });
  it('matrices whose levels differ from the first factor\'s: other labels, or fewer', () => {
    const first = "must equal the levels of factors[0]'s matrix ('low', 'medium', 'high'), received";
    expect(refusal({ name: 't', categories: ['a'], factors: [x(), { id: 'y', category: 'a', matrix: twoMid }, { id: 'z', category: 'a', matrix: twoLevels }] })).toEqual({
      message: `[dealerkit] factors[1].matrix.levels: ${first} 'low', 'mid', 'high': roll-ups compare levels across factors; factors[2].matrix.levels: ${first} 'low', 'high': roll-ups compare levels across factors`,
      code: 'invalid_input',
      issues: [
        { path: ['factors', 1, 'matrix', 'levels'], code: 'inconsistent', message: `${first} 'low', 'mid', 'high': roll-ups compare levels across factors` },
        { path: ['factors', 2, 'matrix', 'levels'], code: 'inconsistent', message: `${first} 'low', 'high': roll-ups compare levels across factors` },
      ],
    });
  });
  it('a matrix whose levels are the first\'s first two', () => {
    expect(refusal({ name: 't', categories: ['a'], factors: [x(), { id: 'y', category: 'a', matrix: twoPrefix }] }).issues).toEqual([
      { path: ['factors', 1, 'matrix', 'levels'], code: 'inconsistent', message: "must equal the levels of factors[0]'s matrix ('low', 'medium', 'high'), received 'low', 'medium': roll-ups compare levels across factors" },
    ]);
  });
  it('a weight above 1000, and one with 7 decimals', () => {
    const m = 'must have at most 6 decimal places and be at most 1000, received';
    expect(refusal({ name: 't', categories: ['a'], factors: [x({ weight: 1000.5 }), { id: 'y', category: 'a', matrix: two, weight: '0.0000001' }] })).toEqual({
      message: `[dealerkit] factors[0].weight: ${m} 1000.5; factors[1].weight: ${m} 0.0000001`,
      code: 'out_of_range',
      issues: [
        { path: ['factors', 0, 'weight'], code: 'out_of_range', message: `${m} 1000.5`, expected: 'at most 1000, with at most 6 decimals', received: '1000.5', limit: '1000' },
        { path: ['factors', 1, 'weight'], code: 'out_of_range', message: `${m} 0.0000001`, expected: 'at most 1000, with at most 6 decimals', received: '0.0000001', limit: '0.000001' },
      ],
    });
  });
  it('a knock-out level that is not a level', () => {
    expect(refusal({ name: 't', categories: ['a'], factors: [x({ knockout: { reason: 'r', atLevel: 'huge' } })] })).toEqual({
      message: "[dealerkit] factors[0].knockout.atLevel: is not a level: 'huge' (levels: 'low', 'medium', 'high')",
      code: 'unknown_label',
      issues: [{ path: ['factors', 0, 'knockout', 'atLevel'], code: 'unknown_label', message: "is not a level: 'huge' (levels: 'low', 'medium', 'high')", received: '"huge"' }],
    });
  });
  it('scales binned to the other axis\'s labels: each bin named, with its own axis\'s labels', () => {
    const sl = defineRiskScale({ bins: [{ level: 'rare', from: 0 }, { level: 'often', from: 0.5 }], to: 1 });
    const si = defineRiskScale({ bins: [{ level: 'minor', from: 0 }, { level: 'major', from: 10 }] });
    const lm = (l: string) => `is not a likelihood label of the factor's matrix: '${l}' (likelihood labels: 'rare', 'often')`;
    const im = (l: string) => `is not an impact label of the factor's matrix: '${l}' (impact labels: 'minor', 'major')`;
    const p = (axis: string, j: number) => ['factors', 0, 'scales', axis, 'bins', j, 'level'];
    expect(refusal({ name: 't', categories: ['a'], factors: [x({ scales: { likelihood: si, impact: sl } })] })).toEqual({
      message: `[dealerkit] factors[0].scales.likelihood.bins[0].level: ${lm('minor')}; factors[0].scales.likelihood.bins[1].level: ${lm('major')}; factors[0].scales.impact.bins[0].level: ${im('rare')}; factors[0].scales.impact.bins[1].level: ${im('often')}`,
      code: 'unknown_label',
      issues: [
        { path: p('likelihood', 0), code: 'unknown_label', message: lm('minor'), received: '"minor"' },
        { path: p('likelihood', 1), code: 'unknown_label', message: lm('major'), received: '"major"' },
        { path: p('impact', 0), code: 'unknown_label', message: im('rare'), received: '"rare"' },
        { path: p('impact', 1), code: 'unknown_label', message: im('often'), received: '"often"' },
      ],
    });
  });
  it('a scale whose higher bin maps to a lower likelihood', () => {
    const rev = defineRiskScale({ bins: [{ level: 'often', from: 0 }, { level: 'rare', from: 0.5 }] });
    expect(refusal({ name: 't', categories: ['a'], factors: [x({ scales: { likelihood: rev } })] })).toEqual({
      message: '[dealerkit] factors[0].scales.likelihood.bins[1].level: must be a higher likelihood than bins[0].level: a higher value never maps to a lower level',
      code: 'out_of_range',
      issues: [{ path: ['factors', 0, 'scales', 'likelihood', 'bins', 1, 'level'], code: 'not_ascending', message: 'must be a higher likelihood than bins[0].level: a higher value never maps to a lower level', received: '"rare"' }],
    });
  });
  it('a scale-like object that is no scale: its issue, and the next factor still checked', () => {
    expect(refusal({ name: 't', categories: ['a'], factors: [x({ scales: { likelihood: { bins: 'x' } } }), { id: 'y', category: 'b', matrix: two }] })).toEqual({
      message: "[dealerkit] factors[0].scales.likelihood.bins: must be an array, received \"x\"; factors[1].category: is not a category of the template: 'b' (categories: 'a'; add it to categories)",
      code: 'invalid_input',
      issues: [
        { path: ['factors', 0, 'scales', 'likelihood', 'bins'], code: 'invalid_type', message: 'must be an array, received "x"', expected: 'an array', received: '"x"' },
        { path: ['factors', 1, 'category'], code: 'unknown_label', message: "is not a category of the template: 'b' (categories: 'a'; add it to categories)", received: '"b"' },
      ],
    });
  });
  it('template levels other than the matrices\' (other labels, or fewer); the same levels are accepted', () => {
    for (const levels of [['low', 'mid', 'high'], ['low', 'high'], ['low', 'medium']]) {
      expect(refusal({ name: 't', categories: ['a'], levels, factors: [x()] })).toEqual({
        message: "[dealerkit] levels: must equal the levels of the factors' matrices ('low', 'medium', 'high') when given",
        code: 'invalid_input',
        issues: [{ path: ['levels'], code: 'inconsistent', message: "must equal the levels of the factors' matrices ('low', 'medium', 'high') when given" }],
      });
    }
    expect(defineRiskTemplate({ name: 't', categories: ['a'], levels: ['low', 'medium', 'high'], factors: [x()] }).levels).toEqual(['low', 'medium', 'high']);
  });
  it('a template that is not an object, given to assessPartner', () => {
    const e = thrown(() => assessPartner({ template: 5 as never, policy: dealerDueDiligencePolicy }, { findings: [] }, { asOf: '2024-01-01' }));
    expect([e.message, e.code, e.issues.map((i) => ({ ...i }))]).toEqual([
      '[dealerkit] config.template: must be a risk template (from defineRiskTemplate), received 5',
      'invalid_input',
      [{ path: ['config', 'template'], code: 'invalid_type', message: 'must be a risk template (from defineRiskTemplate), received 5', received: '5' }],
    ]);
  });
});

describe('defineRiskTemplate: the factors it builds', () => {
  it('title defaults to the id; a knock-out keeps its level only when given (the lowest level too); mitigations copied', () => {
    const t = defineRiskTemplate({ name: 't', categories: ['a'], factors: [
      x({ knockout: { reason: 'r', atLevel: 'low' } }),
      { id: 'y', category: 'a', title: 'Y', matrix: two, knockout: { reason: 's', atLevel: 'high' } },
      { id: 'z', category: 'a', matrix: two, knockout: { reason: 't' }, mitigations: ['m1'] },
    ] });
    expect(t.factors.map((f) => [f.id, f.title, f.weight.toString(), f.knockout, f.mitigations, 'scales' in f])).toEqual([
      ['x', 'x', '1', { reason: 'r', atLevel: 'low' }, [], false],
      ['y', 'Y', '1', { reason: 's', atLevel: 'high' }, [], false],
      ['z', 'z', '1', { reason: 't' }, ['m1'], false],
    ]);
    expect(t.factors.map((f) => Object.keys(f.knockout!))).toEqual([['reason', 'atLevel'], ['reason', 'atLevel'], ['reason']]);
  });
  it('scales on both axes, on impact only, on likelihood only (the lowest label first)', () => {
    const sl = defineRiskScale({ bins: [{ level: 'rare', from: 0 }, { level: 'often', from: 0.5 }], to: 1 });
    const si = defineRiskScale({ bins: [{ level: 'minor', from: 0 }, { level: 'major', from: 10 }] });
    const t = defineRiskTemplate({ name: 't', categories: ['a'], factors: [
      x({ scales: { likelihood: sl, impact: si } }),
      { id: 'y', category: 'a', matrix: two, scales: { impact: si } },
      { id: 'z', category: 'a', matrix: two, scales: { likelihood: sl } },
    ] });
    expect(t.factors.map((f) => f.scales)).toEqual([{ likelihood: sl, impact: si }, { impact: si }, { likelihood: sl }]);
    expect(t.factors.map((f) => Object.keys(f.scales!))).toEqual([['likelihood', 'impact'], ['impact'], ['likelihood']]);
  });
  it('weights with decimals in a weighted roll-up', () => {
    const template = defineRiskTemplate({ name: 'test', factors: [
      { id: 'reg', category: 'background', matrix: nistSp80030, weight: 0.5 },
      { id: 'credit', category: 'background', matrix: nistSp80030, weight: 2 },
      { id: 'debt', category: 'financial', matrix: nistSp80030 },
      { id: 'fit', category: 'strategic', matrix: nistSp80030, weight: '1.5' },
    ] });
    const policy = defineRiskPolicy({ levels: ['very-low', 'low', 'moderate', 'high', 'very-high'], scores: nistRiskScores, overall: { method: 'weighted' }, decision: { approveUpTo: 'low', conditionalUpTo: 'moderate', escalateUpTo: 'high' }, reviewCadenceDays: { 'very-low': 730, low: 365, moderate: 180, high: 90, 'very-high': 30 } });
    const r = assessPartner({ template, policy }, { findings: [
      { factor: 'reg', likelihood: 'very-low', impact: 'very-high' },
      { factor: 'credit', likelihood: 'moderate', impact: 'high' },
      { factor: 'debt', likelihood: 'very-high', impact: 'moderate' },
      { factor: 'fit', likelihood: 'low', impact: 'low' },
    ] }, { asOf: '2024-02-29' });
    // NIST SP 800-30 Table I-2: reg very-low × very-high = low (2), credit moderate × high = moderate (5),
    // debt very-high × moderate = moderate (5), fit low × low = low (2).
    // (0.5 × 2 + 2 × 5 + 1 × 5 + 1.5 × 2) / (0.5 + 2 + 1 + 1.5) = (1 + 10 + 5 + 3) / 5 = 19 / 5 = 3.8:
    // at least low's 2, below moderate's 5, so low: approved; low reviews after 365 days.
    expect(explainAssessment(r)).toEqual([
      "The partner is approved: overall risk low, by the weighted mean score 19 / 5 = 3.8, at least low's 2.",
      'At moderate: credit (moderate × high), debt (very-high × moderate).',
      'Next review on 2025-02-28, 365 days after 2024-02-29.',
    ]);
  });
  it('weights and scores of 6 decimals whose products pass 2^53 in millionths: the sums stay exact', () => {
    const template = defineRiskTemplate({ name: 't', categories: ['a'], factors: [x({ weight: '999.999999' }), { id: 'y', category: 'a', matrix: two, weight: '0.000001' }] });
    const policy = defineRiskPolicy({ levels: ['low', 'medium', 'high'], scores: { low: '0.000001', medium: 1, high: '999.999999' }, overall: { method: 'weighted' }, decision: { approveUpTo: 'low', conditionalUpTo: 'medium', escalateUpTo: 'high' }, reviewCadenceDays: { low: 365, medium: 180, high: 90 } });
    const r = assessPartner({ template, policy }, { findings: [{ factor: 'x', likelihood: 'often', impact: 'major' }, { factor: 'y', likelihood: 'rare', impact: 'minor' }] }, { asOf: '2024-01-01' });
    // x often × major = high (999.999999), y rare × minor = low (0.000001):
    // 999.999999² = (1000 − 10⁻⁶)² = 10⁶ − 0.002 + 10⁻¹² = 999999.998000000001, plus 0.000001² = 10⁻¹²: 999999.998000000002;
    // weights 999.999999 + 0.000001 = 1000; mean 999.999998000000000002, 999.999998 to 6 places: below high's
    // 999.999999, at least medium's 1: medium, approved with conditions; medium reviews after 180 days (2024 is leap).
    expect(JSON.parse(JSON.stringify(r.steps.find((s) => s.code === 'overall')))).toEqual({
      code: 'overall',
      method: 'weighted',
      sum: '999999.998000000002',
      divisor: '1000',
      score: '999.999998',
      level: 'medium',
      levelScore: '1',
      basis: ['x', 'y'],
      text: "weighted: Σ weight × score / Σ weight = 999999.998000000002 / 1000 = 999.999998 (to 6 places); the highest level whose score is at most that is 'medium' (score 1)",
    });
    expect(explainAssessment(r)).toEqual([
      "The partner is approved with conditions: overall risk medium, by the weighted mean score 999,999.998000000002 / 1,000 = 999.999998, at least medium's 1.",
      'At high: x (often × major).',
      'To approve, bring x from high to at most low.',
      'Next review on 2024-06-29, 180 days after 2024-01-01.',
    ]);
  });
});
