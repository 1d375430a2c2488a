import { describe, expect, it } from 'vitest';
import { defineScorecard, scoreDealer, type KpiScorecardSpec } from 'dealerkit';
import { failure, thrown } from '../helpers.js';
import { base, DEALER_CASES, SCORECARD_CASES } from './bad-input-cases.js';

describe('defineScorecard refuses bad specs, naming the path', () => {
  const cases = SCORECARD_CASES;
  // The issue code of each issue, in order.
  const ISSUES: Record<string, string> = {
    'weights that do not sum to 1': 'does_not_sum',
    'a KPI missing from a stage': 'required',
    'an unknown KPI in a stage': 'unknown_label',
    'a negative weight': 'out_of_range',
    'weights all zero under normalize': 'does_not_sum',
    'no stage at all': 'too_short',
    'curve anchors not ascending': 'not_ascending',
    'a curve that scores a better actual lower': 'inconsistent',
    'a lower-is-better curve that rises': 'inconsistent',
    'extrapolating a step curve': 'inconsistent',
    'extrapolating one anchor': 'inconsistent',
    'a below score above the curve': 'inconsistent',
    'an above score under a lower-is-better curve end': 'inconsistent',
    'bands not ascending': 'not_ascending',
    'bands scoring a better value lower': 'inconsistent',
    'a bands below score above the first band': 'inconsistent',
    'grades not descending': 'not_ascending',
    'a grade named twice': 'duplicate',
    'an inverse ratio for a lower-is-better KPI': 'inconsistent',
    'reduction for a higher-is-better KPI': 'inconsistent',
    'deviation without direction target': 'inconsistent',
    'a boolean with direction target': 'inconsistent',
    'a boolean scoring pass below fail': 'inconsistent',
    'a floor above the cap': 'inconsistent',
    'a default target of 0': 'out_of_range',
    'a duplicate KPI id': 'duplicate,unknown_label',
    'a typo in a field': 'unknown_field',
    'an unknown scoring type': 'invalid_value',
    'no KPIs': 'too_short',
    'a gate on an unknown KPI and grade': 'unknown_label,unknown_label',
    'a boolean value on a numeric gate': 'invalid_type',
    'an ordering gate on a boolean KPI': 'invalid_type,invalid_value',
    'a KPI without a direction': 'required',
    'an unknown missing policy': 'invalid_value',
    'a bad rounding scale': 'not_an_integer',
    'a rounding stage that does not exist': 'invalid_value',
    'the old pointsRounding option': 'unknown_field',
    'a weight written as a percentage': 'percent_as_whole_number,percent_as_whole_number',
  };
  for (const [name, spec, code, message] of cases) {
    it(`${name} (${ISSUES[name]})`, () => {
      expect(failure(() => defineScorecard(spec as KpiScorecardSpec))).toEqual({ code, message: `[dealerkit] ${message}` });
      expect(thrown(() => defineScorecard(spec as KpiScorecardSpec)).issues.map((i) => i.code).join(',')).toBe(ISSUES[name]);
    });
  }
  it('every problem at once', () => {
    const f = failure(() =>
      defineScorecard({ ...base, stages: { launch: { weights: { a: 1 } }, maturity: { weights: { a: '0.7', b: '0.2' } } }, grades: [{ min: 1, grade: 'A' }, { min: 1, grade: 'B' }] }),
    );
    expect(f.message).toBe(
      '[dealerkit] stages.launch.weights.b: is required: every KPI needs a weight in every stage (0 is allowed); ' +
        'stages.maturity.weights: must sum to exactly 1, they sum to 0.9 (or set normalize: true to divide them by their sum); ' +
        'grades[1].min: must be less than grades[0].min (1): grades descend from the highest, received 1',
    );
  });
});

describe('scoreDealer refuses bad dealer input, naming the path', () => {
  const card = defineScorecard(base);
  const cases = DEALER_CASES;
  const ISSUES: Record<string, string> = {
    'an unknown stage': 'unknown_label',
    'a stage that is not a string': 'invalid_type',
    'an actual for a KPI the scorecard does not know': 'unknown_label',
    'a target for an unknown KPI': 'unknown_label',
    'a target of 0': 'out_of_range',
    'a negative target': 'out_of_range',
    'no target where the scoring divides by one': 'required',
    'a target that is not a number': 'not_a_number',
    'targets that are not an object': 'invalid_type',
    'actuals of the wrong type': 'not_a_number,invalid_type',
    'an infinite actual': 'not_a_number',
    'no stage': 'required',
    'stage and stages together': 'inconsistent',
    'a policy with a single stage': 'inconsistent',
    'a typo in a field': 'unknown_field,required',
    'an id that is neither a string nor a number': 'invalid_type',
    'stages without a period and a bad date': 'required,not_a_date',
    'overlapping stages and an unknown policy': 'invalid_value,not_ascending',
    'a span ending before it starts': 'not_ascending',
    'a period ending before it starts': 'not_ascending',
    'a period with a typo': 'unknown_field,not_a_date',
    'a period that is not an object': 'invalid_type',
    'an empty stages list': 'too_short',
    'stages that are not a list': 'invalid_type',
    'a span that is not an object, and one with a typo': 'invalid_type,unknown_field',
    'a dealer that is not an object': 'invalid_type',
  };
  for (const [name, input, code, message] of cases) {
    it(`${name} (${ISSUES[name]})`, () => {
      expect(failure(() => scoreDealer(card, input as never))).toEqual({ code, message: `[dealerkit] ${message}` });
      expect(thrown(() => scoreDealer(card, input as never)).issues.map((i) => i.code).join(',')).toBe(ISSUES[name]);
    });
  }
  it('a boolean KPI refuses a number', () => {
    const c = defineScorecard({ ...base, kpis: [base.kpis[0]!, { id: 'b', direction: 'higher', scoring: { type: 'boolean', pass: 1, fail: 0 } }] });
    expect(failure(() => scoreDealer(c, { stage: 'launch', actuals: { a: 1, b: 1 }, targets: { a: 1 } })).message).toBe(
      '[dealerkit] actuals.b: must be true or false (the KPI is scored as a boolean), received 1',
    );
  });
});
