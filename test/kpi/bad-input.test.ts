import { describe, expect, it } from 'vitest';
import { defineScorecard, scoreDealer, type KpiScorecardSpec } from 'dealerkit';
import { failure, thrown } from '../helpers.js';

const base: KpiScorecardSpec = {
  kpis: [
    { id: 'a', direction: 'higher', scoring: { type: 'ratio' } },
    { id: 'b', direction: 'lower', scoring: { type: 'reduction' } },
  ],
  stages: { launch: { weights: { a: '0.5', b: '0.5' } } },
};

const withB = (b: unknown): KpiScorecardSpec => ({ ...base, kpis: [base.kpis[0]!, b as KpiScorecardSpec['kpis'][number]] });

describe('defineScorecard refuses bad specs, naming the path', () => {
  const cases: [string, unknown, string, string][] = [
    ['weights that do not sum to 1', { ...base, stages: { launch: { weights: { a: '0.5', b: '0.4' } } } }, 'invalid_input',
      'stages.launch.weights: must sum to exactly 1, they sum to 0.9 (or set normalize: true to divide them by their sum)'],
    ['a KPI missing from a stage', { ...base, stages: { launch: { weights: { a: 1 } } } }, 'invalid_input',
      'stages.launch.weights.b: is required: every KPI needs a weight in every stage (0 is allowed)'],
    ['an unknown KPI in a stage', { ...base, stages: { launch: { weights: { a: 1, b: 0, c: 0 } } } }, 'unknown_label',
      'stages.launch.weights.c: is not a KPI of this scorecard (KPIs: a, b)'],
    ['a negative weight', { ...base, stages: { launch: { weights: { a: 1.5, b: -0.5 } } } }, 'out_of_range',
      'stages.launch.weights.b: must not be negative, received -0.5'],
    ['weights all zero under normalize', { ...base, normalize: true, stages: { launch: { weights: { a: 0, b: 0 } } } }, 'invalid_input',
      'stages.launch.weights: must not all be zero: there is nothing to normalise'],
    ['no stage at all', { ...base, stages: {} }, 'invalid_input', 'stages: must define at least one stage'],
    ['curve anchors not ascending', withB({ id: 'b', direction: 'higher', scoring: { type: 'curve', points: [{ at: 1, score: 1 }, { at: 1, score: 2 }] } }), 'invalid_input',
      'kpis[1].scoring.points[1].at: must be greater than points[0].at (1): anchors ascend, received 1'],
    ['a curve that scores a better actual lower', withB({ id: 'b', direction: 'higher', scoring: { type: 'curve', points: [{ at: 1, score: 2 }, { at: 2, score: 1 }] } }), 'invalid_input',
      'kpis[1].scoring.points[1].score: must be at least the score of points[0] (2) for a higher-is-better KPI, received 1'],
    ['a lower-is-better curve that rises', withB({ id: 'b', direction: 'lower', scoring: { type: 'curve', points: [{ at: 1, score: 1 }, { at: 2, score: 2 }] } }), 'invalid_input',
      'kpis[1].scoring.points[1].score: must be at most the score of points[0] (1) for a lower-is-better KPI, received 2'],
    ['extrapolating a step curve', withB({ id: 'b', direction: 'higher', scoring: { type: 'curve', between: 'step', above: 'extrapolate', points: [{ at: 1, score: 1 }, { at: 2, score: 2 }] } }), 'invalid_input',
      "kpis[1].scoring.above: 'extrapolate' needs between: 'linear' and at least 2 points"],
    ['extrapolating one anchor', withB({ id: 'b', direction: 'higher', scoring: { type: 'curve', below: 'extrapolate', points: [{ at: 1, score: 1 }] } }), 'invalid_input',
      "kpis[1].scoring.below: 'extrapolate' needs between: 'linear' and at least 2 points"],
    ['a below score above the curve', withB({ id: 'b', direction: 'higher', scoring: { type: 'curve', below: { score: 5 }, points: [{ at: 1, score: 1 }] } }), 'invalid_input',
      "kpis[1].scoring.below.score: must be at most the first anchor's score (1) for a higher-is-better KPI, received 5"],
    ['an above score under a lower-is-better curve end', withB({ id: 'b', direction: 'lower', scoring: { type: 'curve', above: { score: 5 }, points: [{ at: 1, score: 1 }] } }), 'invalid_input',
      "kpis[1].scoring.above.score: must be at most the last anchor's score (1) for a lower-is-better KPI, received 5"],
    ['bands not ascending', withB({ id: 'b', direction: 'lower', scoring: { type: 'bands', bands: [{ from: 5, score: 1 }, { from: 4, score: 0 }] } }), 'invalid_input',
      'kpis[1].scoring.bands[1].from: must be greater than bands[0].from (5): bands ascend, received 4'],
    ['bands scoring a better value lower', withB({ id: 'b', direction: 'higher', scoring: { type: 'bands', bands: [{ from: 0, score: 10 }, { from: 4, score: 0 }] } }), 'invalid_input',
      'kpis[1].scoring.bands[1].score: must be at least the score of bands[0] (10) for a higher-is-better KPI, received 0'],
    ['a bands below score above the first band', withB({ id: 'b', direction: 'lower', scoring: { type: 'bands', below: 0, bands: [{ from: 0, score: 10 }] } }), 'invalid_input',
      "kpis[1].scoring.below: must be at least the first band's score (10) for a lower-is-better KPI, received 0"],
    ['grades not descending', { ...base, grades: [{ min: 60, grade: 'B' }, { min: 90, grade: 'A' }] }, 'invalid_input',
      'grades[1].min: must be less than grades[0].min (60): grades descend from the highest, received 90'],
    ['a grade named twice', { ...base, grades: [{ min: 90, grade: 'A' }, { min: 60, grade: 'A' }] }, 'invalid_input',
      "grades[1].grade: must be unique, 'A' appears twice"],
    ['an inverse ratio for a lower-is-better KPI', withB({ id: 'b', direction: 'lower', scoring: { type: 'ratio' } }), 'invalid_input',
      "kpis[1].direction: must be 'higher' for scoring 'ratio' (score a lower-is-better KPI with 'reduction', a curve or bands, never an inverse ratio), received 'lower'"],
    ['reduction for a higher-is-better KPI', withB({ id: 'b', direction: 'higher', scoring: { type: 'reduction' } }), 'invalid_input',
      "kpis[1].direction: must be 'lower' for scoring 'reduction' ('ratio' scores higher-is-better KPIs), received 'higher'"],
    ['deviation without direction target', withB({ id: 'b', direction: 'higher', scoring: { type: 'deviation' } }), 'invalid_input',
      "kpis[1].direction: must be 'target' for scoring 'deviation' (it is best at the target), received 'higher'"],
    ['a boolean with direction target', withB({ id: 'b', direction: 'target', scoring: { type: 'boolean', pass: 1, fail: 0 } }), 'invalid_input',
      "kpis[1].direction: must be 'higher' or 'lower' for scoring 'boolean', received 'target'"],
    ['a boolean scoring pass below fail', withB({ id: 'b', direction: 'higher', scoring: { type: 'boolean', pass: 0, fail: 1 } }), 'invalid_input',
      'kpis[1].scoring.pass: must be at least fail (1) for a higher-is-better KPI, received 0'],
    ['a floor above the cap', withB({ id: 'b', direction: 'higher', scoring: { type: 'ratio', floor: 120, cap: 100 } }), 'invalid_input',
      'kpis[1].scoring.cap: the floor (120) must not exceed the cap (100)'],
    ['a default target of 0', withB({ id: 'b', direction: 'higher', scoring: { type: 'ratio' }, target: 0 }), 'out_of_range',
      'kpis[1].target: must be greater than 0, received 0'],
    ['a duplicate KPI id', withB({ id: 'a', direction: 'higher', scoring: { type: 'ratio' } }), 'invalid_input',
      "kpis[1].id: must be unique, 'a' is also kpis[0].id; stages.launch.weights.b: is not a KPI of this scorecard (KPIs: a, a)"],
    ['a typo in a field', withB({ id: 'b', direction: 'lower', scoring: { type: 'reduction', cpa: 1 } }), 'invalid_input',
      'kpis[1].scoring.cpa: is not a known field; did you mean `cap`?'],
    ['an unknown scoring type', withB({ id: 'b', direction: 'lower', scoring: { type: 'inverse' } }), 'invalid_input',
      "kpis[1].scoring.type: must be one of 'ratio', 'reduction', 'deviation', 'curve', 'bands', 'boolean', received \"inverse\""],
    ['no KPIs', { ...base, kpis: [] }, 'out_of_range', 'kpis: must hold at least 1 item'],
    ['a gate on an unknown KPI and grade', { ...base, gates: [{ kpi: 'zz', op: '>=', value: 1, effect: { capGrade: 'X' } }] }, 'unknown_label',
      "gates[0].kpi: is not a KPI of this scorecard, received 'zz'; gates[0].effect.capGrade: is not a grade of this scorecard, received 'X'"],
    ['a boolean value on a numeric gate', { ...base, gates: [{ kpi: 'a', op: '==', value: true, effect: 'zero' }] }, 'invalid_input',
      "gates[0].value: must be a number for the numeric KPI 'a', received true"],
    ['an ordering gate on a boolean KPI', { ...withB({ id: 'b', direction: 'higher', scoring: { type: 'boolean', pass: 1, fail: 0 } }), gates: [{ kpi: 'b', op: '>=', value: 1, effect: 'zero' }] }, 'invalid_input',
      "gates[0].value: must be true or false for the boolean KPI 'b', received 1; gates[0].op: must be '==' or '!=' for the boolean KPI 'b', received '>='"],
    ['a KPI without a direction', withB({ id: 'b', scoring: { type: 'ratio' } }), 'invalid_input',
      "kpis[1].direction: must be one of 'higher', 'lower', 'target', received nothing"],
    ['an unknown missing policy', { ...base, missing: 'skip' }, 'invalid_input',
      "missing: must be one of 'error', 'zero', 'reweight', received \"skip\""],
    ['a bad rounding scale', { ...base, rounding: { scale: 2.5 } }, 'invalid_input',
      'rounding.scale: must be a whole number of decimal places, received 2.5'],
    ['a rounding stage that does not exist', { ...base, rounding: { stage: 'kpi' } }, 'invalid_input',
      "rounding.stage: must be one of 'line', 'total', received \"kpi\""],
    ['the old pointsRounding option', { ...base, pointsRounding: { scale: 2 } }, 'invalid_input',
      'pointsRounding: is not a known field'],
    ['a weight written as a percentage', { ...base, stages: { launch: { weights: { a: 40, b: 60 } } } }, 'out_of_range',
      'stages.launch.weights.a: must be a fraction from 0 to 1, received 40: write 0.4 for 40 %; stages.launch.weights.b: must be a fraction from 0 to 1, received 60: write 0.6 for 60 %'],
  ];
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
  const ok = { actuals: { a: 1, b: 1 }, targets: { a: 1, b: 1 } };
  const cases: [string, unknown, string, string][] = [
    ['an unknown stage', { stage: 'x', ...ok }, 'unknown_label', "stage: is not a stage of this scorecard (stages: 'launch'), received 'x'"],
    ['a stage that is not a string', { stage: 3, ...ok }, 'invalid_input', 'stage: must be a stage name, received 3'],
    ['an actual for a KPI the scorecard does not know', { stage: 'launch', actuals: { a: 1, b: 1, c: 3 }, targets: ok.targets }, 'unknown_label',
      'actuals.c: is not a KPI of this scorecard (KPIs: a, b)'],
    ['a target for an unknown KPI', { stage: 'launch', actuals: ok.actuals, targets: { a: 1, b: 1, z: 1 } }, 'unknown_label',
      'targets.z: is not a KPI of this scorecard (KPIs: a, b)'],
    ['a target of 0', { stage: 'launch', actuals: ok.actuals, targets: { a: 0, b: 1 } }, 'out_of_range',
      'targets.a: must be greater than 0, received 0 (a ratio to a target of 0 or less has no meaning; score such a KPI on the actual with a curve or bands)'],
    ['a negative target', { stage: 'launch', actuals: ok.actuals, targets: { a: 1, b: -2 } }, 'out_of_range',
      'targets.b: must be greater than 0, received -2 (a ratio to a target of 0 or less has no meaning; score such a KPI on the actual with a curve or bands)'],
    ['no target where the scoring divides by one', { stage: 'launch', actuals: ok.actuals }, 'invalid_input',
      "targets: is required: a (scoring 'ratio'), b (scoring 'reduction') read actual / target, and the scorecard gives no default target"],
    ['a target that is not a number', { stage: 'launch', actuals: ok.actuals, targets: { a: '1,000', b: 1 } }, 'invalid_input',
      'targets.a: must be a number or a numeric string, received "1,000": write 1000 without thousands separators'],
    ['targets that are not an object', { stage: 'launch', actuals: ok.actuals, targets: [1] }, 'invalid_input',
      'targets: must be an object of targets by KPI id, received an array'],
    ['actuals of the wrong type', { stage: 'launch', actuals: { a: 'x', b: true }, targets: ok.targets }, 'invalid_input',
      'actuals.a: must be a number or a numeric string, received "x"; actuals.b: must be a number (the KPI is scored on numbers), received true'],
    ['an infinite actual', { stage: 'launch', actuals: { a: Infinity, b: 1 }, targets: ok.targets }, 'invalid_input',
      'actuals.a: must be a finite number, received Infinity'],
    ['no stage', ok, 'invalid_input', 'stage: is required (or give stages with a period)'],
    ['stage and stages together', { stage: 'launch', stages: [], ...ok }, 'invalid_input',
      'stages: must not be given together with stage: give one stage, or stages with a period'],
    ['a policy with a single stage', { stage: 'launch', policy: 'end', ...ok }, 'invalid_input', 'policy: applies only with stages (a single stage needs no policy)'],
    ['a typo in a field', { stage: 'launch', actual: {} }, 'invalid_input',
      'actual: is not a known field; did you mean `actuals`?; actuals: must be an object of actuals by KPI id, received nothing'],
    ['an id that is neither a string nor a number', { id: true, stage: 'launch', ...ok }, 'invalid_input', 'id: must be a string or a number, received true'],
    ['stages without a period and a bad date', { stages: [{ stage: 'launch', from: '2025-01-01', to: '2025-02-30' }], ...ok }, 'invalid_input',
      'period: is required with stages ({ start, end }); stages[0].to: is not a calendar date (2025-02 has 28 days), received "2025-02-30"'],
    ['overlapping stages and an unknown policy', {
      stages: [{ stage: 'launch', from: '2025-01-01', to: '2025-02-01' }, { stage: 'launch', from: '2025-02-01', to: '2025-03-01' }],
      period: { start: '2025-01-01', end: '2025-01-31' }, policy: 'mid', ...ok }, 'invalid_input',
      "policy: must be one of 'prorate', 'end', 'start', received \"mid\"; stages[1].from: must be after stages[0].to (2025-02-01): spans are in date order without overlaps, received 2025-02-01"],
    ['a span ending before it starts', { stages: [{ stage: 'launch', from: '2025-02-01', to: '2025-01-01' }], period: { start: '2025-01-01', end: '2025-01-31' }, ...ok }, 'invalid_input',
      'stages[0].to: must not be before stages[0].from (2025-02-01), received 2025-01-01'],
    ['a period ending before it starts', { stages: [{ stage: 'launch', from: '2025-01-01', to: '2025-12-31' }], period: { start: '2025-03-01', end: '2025-01-31' }, ...ok }, 'invalid_input',
      'period.end: must not be before period.start (2025-03-01), received 2025-01-31'],
    ['a period with a typo', { stages: [{ stage: 'launch', from: '2025-01-01', to: '2025-12-31' }], period: { start: '2025-01-01', ende: '2025-01-31' }, ...ok }, 'invalid_input',
      'period.ende: is not a known field; did you mean `end`?; period.end: must be a date written YYYY-MM-DD or a Date, received undefined'],
    ['a period that is not an object', { stages: [{ stage: 'launch', from: '2025-01-01', to: '2025-12-31' }], period: '2025', ...ok }, 'invalid_input',
      'period: must be an object { start, end }, received "2025"'],
    ['an empty stages list', { stages: [], period: { start: '2025-01-01', end: '2025-01-31' }, ...ok }, 'invalid_input', 'stages: must hold at least one stage span'],
    ['stages that are not a list', { stages: 'launch', period: { start: '2025-01-01', end: '2025-01-31' }, ...ok }, 'invalid_input',
      'stages: must be an array of { stage, from, to }, received "launch"'],
    ['a span that is not an object, and one with a typo', { stages: [null, { stage: 'launch', from: '2025-01-01', to: '2025-01-31', too: 1 }], period: { start: '2025-01-01', end: '2025-01-31' }, ...ok }, 'invalid_input',
      'stages[0]: must be an object { stage, from, to }, received null; stages[1].too: is not a known field; did you mean `to`?'],
    ['a dealer that is not an object', 'D01', 'invalid_input', '(input): must be an object { stage | stages, actuals, targets? }, received "D01"'],
  ];
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
