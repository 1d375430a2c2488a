// A NIST five-level policy whose scores carry one decimal (scale 1) and whose roll-up is weighted:
// the mutation tests of assess-steps and assess-support derive their figures from it by hand.
import type { RiskPolicySpec } from 'dealerkit';

export const NIST = ['very-low', 'low', 'moderate', 'high', 'very-high'];

export const decimalScoresSpec: RiskPolicySpec = {
  name: 'decimal scores',
  levels: NIST,
  scores: { 'very-low': '0.5', low: '2.5', moderate: 5, high: '7.5', 'very-high': 10 },
  overall: { method: 'weighted' },
  decision: { approveUpTo: 'low', conditionalUpTo: 'moderate', escalateUpTo: 'high' },
  unassessed: 'ignore',
  reviewCadenceDays: { 'very-low': 730, low: 365, moderate: 180, high: 90, 'very-high': 30 },
};
