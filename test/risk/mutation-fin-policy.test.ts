// The policy's review cadence is a whole number of days (1.5 is refused with that message), and
// `unassessed: 'escalate'` is an accepted setting.
import { describe, expect, it } from 'vitest';
import { defineRiskPolicy, nistRiskScores, type RiskPolicySpec } from 'dealerkit';
import { thrown } from '../helpers.js';

const NIST = ['very-low', 'low', 'moderate', 'high', 'very-high'];
const spec: RiskPolicySpec = {
  name: 'test policy',
  levels: NIST,
  scores: nistRiskScores,
  overall: { method: 'weighted' },
  decision: { approveUpTo: 'low', conditionalUpTo: 'moderate', escalateUpTo: 'high' },
  reviewCadenceDays: { 'very-low': 730, low: 365, moderate: 180, high: 90, 'very-high': 30 },
};

describe('defineRiskPolicy', () => {
  it('a cadence of 1.5 days is refused as not a whole number of days', () => {
    const e = thrown(() => defineRiskPolicy({ ...spec, reviewCadenceDays: { ...spec.reviewCadenceDays, low: 1.5 } }));
    expect(e.issues.map((i) => [i.path, i.code, i.message])).toEqual([[['reviewCadenceDays', 'low'], 'not_an_integer', 'must be a whole number of days, received 1.5']]);
  });
  it("unassessed: 'escalate' is accepted and kept", () => {
    expect(defineRiskPolicy({ ...spec, unassessed: 'escalate' }).unassessed).toBe('escalate');
  });
});
