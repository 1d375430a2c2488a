// defineRiskPolicy: each refusal alone with its whole message, error code and issue (path, code,
// message, expected, received, limit), written from the message texts of the risk engine; an
// unknown threshold label raises that issue only (it is never ordered against the others); the
// frozen policy it builds, with and without the per-factor rules; a policy that is no object.
import { describe, expect, it } from 'vitest';
import { assessPartner, dealerDueDiligence, defineRiskPolicy } from 'dealerkit';
import { thrown } from '../helpers.js';

const base = {
  levels: ['low', 'medium', 'high'],
  scores: { low: 1, medium: 2, high: 3 },
  overall: { method: 'max' as const },
  decision: { approveUpTo: 'low', conditionalUpTo: 'medium', escalateUpTo: 'high' },
  reviewCadenceDays: { low: 365, medium: 180, high: 90 },
};
const refusal = (spec: object) => {
  const e = thrown(() => defineRiskPolicy({ ...base, ...spec } as never));
  return { message: e.message, code: e.code, issues: e.issues.map((i) => ({ ...i })) };
};
const notALevel = (l: string) => `is not a level: '${l}' (levels: 'low', 'medium', 'high')`;

describe('defineRiskPolicy: one refusal at a time', () => {
  it('a level without a score', () => {
    expect(refusal({ scores: { low: 1, medium: 2 } })).toEqual({
      message: '[dealerkit] scores.high: is required: every level needs a score',
      code: 'invalid_input',
      issues: [{ path: ['scores', 'high'], code: 'required', message: 'is required: every level needs a score' }],
    });
  });
  it('a review cadence for a level that is not one', () => {
    expect(refusal({ reviewCadenceDays: { ...base.reviewCadenceDays, huge: 1 } })).toEqual({
      message: `[dealerkit] reviewCadenceDays.huge: ${notALevel('huge')}`,
      code: 'unknown_label',
      issues: [{ path: ['reviewCadenceDays', 'huge'], code: 'unknown_label', message: notALevel('huge'), received: '"huge"' }],
    });
  });
  it('scores with 7 decimals, above 1000, and one not above the previous', () => {
    const m = 'must have at most 6 decimal places and be at most 1000, received';
    expect(refusal({ scores: { low: '0.0000001', medium: 1000.5, high: 3 } })).toEqual({
      message: `[dealerkit] scores.low: ${m} 0.0000001; scores.medium: ${m} 1000.5; scores.high: must be greater than scores['medium'] (1000.5): levels go from low to high, received 3`,
      code: 'out_of_range',
      issues: [
        { path: ['scores', 'low'], code: 'out_of_range', message: `${m} 0.0000001`, expected: 'at most 1000, with at most 6 decimals', received: '0.0000001', limit: '0.000001' },
        { path: ['scores', 'medium'], code: 'out_of_range', message: `${m} 1000.5`, expected: 'at most 1000, with at most 6 decimals', received: '1000.5', limit: '1000' },
        { path: ['scores', 'high'], code: 'not_ascending', message: "must be greater than scores['medium'] (1000.5): levels go from low to high, received 3", expected: 'greater than 1000.5', received: '3', limit: '1000.5' },
      ],
    });
  });
  it('a score below the previous one', () => {
    expect(refusal({ scores: { low: 1, medium: 5, high: 3 } })).toEqual({
      message: "[dealerkit] scores.high: must be greater than scores['medium'] (5): levels go from low to high, received 3",
      code: 'out_of_range',
      issues: [{ path: ['scores', 'high'], code: 'not_ascending', message: "must be greater than scores['medium'] (5): levels go from low to high, received 3", expected: 'greater than 5', received: '3', limit: '5' }],
    });
  });
  it('every threshold naming no level, each under its own field', () => {
    const fields = ['approveUpTo', 'conditionalUpTo', 'escalateUpTo', 'escalateIfAnyFactorAtLeast', 'rejectIfAnyFactorAtLeast'];
    const labels = ['a', 'b', 'c', 'd', 'e'];
    expect(refusal({ decision: Object.fromEntries(fields.map((f, k) => [f, labels[k]])) })).toEqual({
      message: `[dealerkit] ${fields.map((f, k) => `decision.${f}: ${notALevel(labels[k]!)}`).join('; ')}`,
      code: 'unknown_label',
      issues: fields.map((f, k) => ({ path: ['decision', f], code: 'unknown_label', message: notALevel(labels[k]!), received: `"${labels[k]}"` })),
    });
  });
  it('conditionalUpTo below approveUpTo (the lowest level)', () => {
    expect(refusal({ decision: { approveUpTo: 'medium', conditionalUpTo: 'low', escalateUpTo: 'high' } })).toEqual({
      message: "[dealerkit] decision.conditionalUpTo: must be at least approveUpTo ('medium'): thresholds go from low to high, received 'low'",
      code: 'out_of_range',
      issues: [{ path: ['decision', 'conditionalUpTo'], code: 'not_ascending', message: "must be at least approveUpTo ('medium'): thresholds go from low to high, received 'low'", expected: "at least 'medium'", received: '"low"' }],
    });
  });
  it('escalateUpTo below conditionalUpTo', () => {
    expect(refusal({ decision: { approveUpTo: 'low', conditionalUpTo: 'high', escalateUpTo: 'medium' } })).toEqual({
      message: "[dealerkit] decision.escalateUpTo: must be at least conditionalUpTo ('high'): thresholds go from low to high, received 'medium'",
      code: 'out_of_range',
      issues: [{ path: ['decision', 'escalateUpTo'], code: 'not_ascending', message: "must be at least conditionalUpTo ('high'): thresholds go from low to high, received 'medium'", expected: "at least 'high'", received: '"medium"' }],
    });
  });
  it('an unknown threshold is not ordered against its neighbours: its one issue only', () => {
    const only = (decision: object, field: string) => expect(refusal({ decision }).issues).toEqual([{ path: ['decision', field], code: 'unknown_label', message: notALevel('zz'), received: '"zz"' }]);
    only({ approveUpTo: 'zz', conditionalUpTo: 'low', escalateUpTo: 'low' }, 'approveUpTo');
    only({ approveUpTo: 'low', conditionalUpTo: 'zz', escalateUpTo: 'low' }, 'conditionalUpTo');
    only({ approveUpTo: 'medium', conditionalUpTo: 'zz', escalateUpTo: 'high' }, 'conditionalUpTo');
    only({ approveUpTo: 'low', conditionalUpTo: 'medium', escalateUpTo: 'zz' }, 'escalateUpTo');
  });
  it('a policy that is not an object, given to assessPartner', () => {
    const e = thrown(() => assessPartner({ template: dealerDueDiligence, policy: 'x' as never }, { findings: [] }, { asOf: '2024-01-01' }));
    expect([e.message, e.code, e.issues.map((i) => ({ ...i }))]).toEqual([
      '[dealerkit] config.policy: must be a risk policy (from defineRiskPolicy), received "x"',
      'invalid_input',
      [{ path: ['config', 'policy'], code: 'invalid_type', message: 'must be a risk policy (from defineRiskPolicy), received "x"', received: '"x"' }],
    ]);
  });
});

describe('defineRiskPolicy: the policy it builds', () => {
  it('equal thresholds are accepted; the name defaults to custom; no per-factor rules unless given', () => {
    expect(JSON.parse(JSON.stringify(defineRiskPolicy({ ...base, decision: { approveUpTo: 'low', conditionalUpTo: 'low', escalateUpTo: 'low' } })))).toEqual({
      kind: 'risk-policy',
      name: 'custom',
      levels: ['low', 'medium', 'high'],
      scores: { low: '1', medium: '2', high: '3' },
      overall: { method: 'max' },
      decision: { approveUpTo: 'low', conditionalUpTo: 'low', escalateUpTo: 'low' },
      unassessed: 'ignore',
      reviewCadenceDays: { low: 365, medium: 180, high: 90 },
    });
  });
  it('the decision holds the per-factor rules only when given', () => {
    expect(Object.keys(defineRiskPolicy(base).decision)).toEqual(['approveUpTo', 'conditionalUpTo', 'escalateUpTo']);
  });
  it('a name and both per-factor rules', () => {
    const p = defineRiskPolicy({ ...base, name: 'n', decision: { ...base.decision, escalateIfAnyFactorAtLeast: 'medium', rejectIfAnyFactorAtLeast: 'high' } });
    expect([p.name, { ...p.decision }]).toEqual(['n', { approveUpTo: 'low', conditionalUpTo: 'medium', escalateUpTo: 'high', escalateIfAnyFactorAtLeast: 'medium', rejectIfAnyFactorAtLeast: 'high' }]);
  });
});
