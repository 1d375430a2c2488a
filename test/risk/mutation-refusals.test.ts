// Refusals of the risk engine that no test of test/risk reached (measured with coverage over the
// risk tests alone, what the mutation run of src/risk executes): a value left out is `required`,
// a value of the wrong kind `invalid_type`, for the partner, the configuration, a finding and a
// control; the explainers refuse what is not their result. And the review date of a one-finding
// assessment, counted by hand.
import { describe, expect, it } from 'vitest';
import { assessPartner, dealerDueDiligence, dealerDueDiligencePolicy, explainAssessment, explainFinancials } from 'dealerkit';
import { thrown } from '../helpers.js';

const config = { template: dealerDueDiligence, policy: dealerDueDiligencePolicy };
const options = { asOf: '2025-06-30' };
const refusal = (f: () => unknown): [string, unknown[], string] => {
  const e = thrown(f);
  return [e.message, e.issues.map((i) => [i.path, i.code]), e.code];
};

describe('assessPartner: left out is required, the wrong kind is invalid_type', () => {
  it('the partner', () => {
    expect(refusal(() => assessPartner(config, undefined as never, options))).toEqual([
      '[dealerkit] (input): must be a partner { id?, findings }, received nothing',
      [[[], 'required']],
      'invalid_input',
    ]);
    expect(refusal(() => assessPartner(config, null as never, options))[1]).toEqual([[[], 'invalid_type']]);
  });
  it('the configuration, and its template', () => {
    expect(refusal(() => assessPartner(undefined as never, { findings: [] }, options))).toEqual([
      '[dealerkit] config: must be the assessment\'s configuration { template, policy }, received nothing',
      [[['config'], 'required']],
      'invalid_input',
    ]);
    for (const c of [{ policy: dealerDueDiligencePolicy }, { template: undefined, policy: dealerDueDiligencePolicy }]) {
      expect(refusal(() => assessPartner(c as never, { findings: [] }, options))).toEqual([
        '[dealerkit] config.template: is required (a risk template from defineRiskTemplate, such as dealerDueDiligence)',
        [[['config', 'template'], 'required']],
        'invalid_input',
      ]);
    }
  });
  it('a finding (a hole against null)', () => {
    expect(refusal(() => assessPartner(config, { id: 'P', findings: [undefined as never] }, options))).toEqual([
      '[dealerkit] findings[0]: must be a finding object, received nothing',
      [[['findings', 0], 'required']],
      'invalid_input',
    ]);
    expect(refusal(() => assessPartner(config, { id: 'P', findings: [null as never] }, options))[1]).toEqual([[['findings', 0], 'invalid_type']]);
  });
  it('a control (a hole against a number)', () => {
    const finding = (controls: unknown[]) => ({ factor: 'credit-rating', likelihood: 'high', impact: 'high', controls }) as never;
    expect(refusal(() => assessPartner(config, { id: 'P', findings: [finding([undefined])] }, options))).toEqual([
      '[dealerkit] findings[0].controls[0]: must be a control ({ id }), received nothing',
      [[['findings', 0, 'controls', 0], 'required']],
      'invalid_input',
    ]);
    expect(refusal(() => assessPartner(config, { id: 'P', findings: [finding([5])] }, options))).toEqual([
      '[dealerkit] findings[0].controls[0]: must be a control ({ id }), received 5',
      [[['findings', 0, 'controls', 0], 'invalid_type']],
      'invalid_input',
    ]);
  });
});

describe('the explainers refuse what is not their result', () => {
  it('explainAssessment and explainFinancials', () => {
    expect(refusal(() => explainAssessment(null as never))[0]).toBe('[dealerkit] result: must be the result of assessPartner, received null');
    expect(refusal(() => explainAssessment({} as never))[0]).toBe('[dealerkit] result: must be the result of assessPartner, received an object');
    expect(refusal(() => explainFinancials(5 as never))).toEqual(['[dealerkit] result: must be the result of analyzeFinancials, received 5', [[['result'], 'invalid_type']], 'invalid_input']);
  });
  it('one high × high credit rating: escalated, reviewed 90 days after 2025-06-30 = 2025-09-28 (31 + 31 + 28 days)', () => {
    expect(explainAssessment(assessPartner(config, { id: 'P', findings: [{ factor: 'credit-rating', likelihood: 'high', impact: 'high' }] }, options))).toEqual([
      'P is escalated: overall risk high, the worst residual level of the 1 assessed factor (credit-rating).',
      'At high: credit-rating (high × high).',
      'Next review on 2025-09-28, 90 days after 2025-06-30.',
    ]);
  });
});
