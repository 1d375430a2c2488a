// The bad-input tables of bad-input.test.ts, each refusal asserted as whole issues: path, code,
// message and the machine fields a program reads (limit, received, expected). Each `received`
// echoes the value the spec or dealer gave, each `limit` and `expected` is the rule's documented bound.
import { describe, expect, it } from 'vitest';
import { defineScorecard, scoreDealer, type KpiScorecardSpec } from 'dealerkit';
import { thrown } from '../helpers.js';
import { base, DEALER_CASES, SCORECARD_CASES } from './bad-input-cases.js';

const card = defineScorecard(base);

describe('defineScorecard: whole issues', () => {
  const cases = SCORECARD_CASES;
  const ISSUES: Record<string, unknown[]> = {
    "weights that do not sum to 1": [{"path": ["stages", "launch", "weights"], "code": "does_not_sum", "message": "must sum to exactly 1, they sum to 0.9 (or set normalize: true to divide them by their sum)", "expected": "1", "received": "0.9"}],
    "a KPI missing from a stage": [{"path": ["stages", "launch", "weights", "b"], "code": "required", "message": "is required: every KPI needs a weight in every stage (0 is allowed)"}],
    "an unknown KPI in a stage": [{"path": ["stages", "launch", "weights", "c"], "code": "unknown_label", "message": "is not a KPI of this scorecard (KPIs: a, b)", "received": "c"}],
    "a negative weight": [{"path": ["stages", "launch", "weights", "b"], "code": "out_of_range", "message": "must not be negative, received -0.5", "expected": "at least 0", "received": "-0.5", "limit": "0"}],
    "weights all zero under normalize": [{"path": ["stages", "launch", "weights"], "code": "does_not_sum", "message": "must not all be zero: there is nothing to normalise", "received": "0"}],
    "no stage at all": [{"path": ["stages"], "code": "too_short", "message": "must define at least one stage", "limit": "1"}],
    "curve anchors not ascending": [{"path": ["kpis", 1, "scoring", "points", 1, "at"], "code": "not_ascending", "message": "must be greater than points[0].at (1): anchors ascend, received 1", "received": "1"}],
    "a curve that scores a better actual lower": [{"path": ["kpis", 1, "scoring", "points", 1, "score"], "code": "inconsistent", "message": "must be at least the score of points[0] (2) for a higher-is-better KPI, received 1", "received": "1"}],
    "a lower-is-better curve that rises": [{"path": ["kpis", 1, "scoring", "points", 1, "score"], "code": "inconsistent", "message": "must be at most the score of points[0] (1) for a lower-is-better KPI, received 2", "received": "2"}],
    "extrapolating a step curve": [{"path": ["kpis", 1, "scoring", "above"], "code": "inconsistent", "message": "'extrapolate' needs between: 'linear' and at least 2 points"}],
    "extrapolating one anchor": [{"path": ["kpis", 1, "scoring", "below"], "code": "inconsistent", "message": "'extrapolate' needs between: 'linear' and at least 2 points"}],
    "a below score above the curve": [{"path": ["kpis", 1, "scoring", "below", "score"], "code": "inconsistent", "message": "must be at most the first anchor's score (1) for a higher-is-better KPI, received 5"}],
    "an above score under a lower-is-better curve end": [{"path": ["kpis", 1, "scoring", "above", "score"], "code": "inconsistent", "message": "must be at most the last anchor's score (1) for a lower-is-better KPI, received 5"}],
    "bands not ascending": [{"path": ["kpis", 1, "scoring", "bands", 1, "from"], "code": "not_ascending", "message": "must be greater than bands[0].from (5): bands ascend, received 4", "received": "4"}],
    "bands scoring a better value lower": [{"path": ["kpis", 1, "scoring", "bands", 1, "score"], "code": "inconsistent", "message": "must be at least the score of bands[0] (10) for a higher-is-better KPI, received 0", "received": "0"}],
    "a bands below score above the first band": [{"path": ["kpis", 1, "scoring", "below"], "code": "inconsistent", "message": "must be at least the first band's score (10) for a lower-is-better KPI, received 0"}],
    "grades not descending": [{"path": ["grades", 1, "min"], "code": "not_ascending", "message": "must be less than grades[0].min (60): grades descend from the highest, received 90", "received": "90"}],
    "a grade named twice": [{"path": ["grades", 1, "grade"], "code": "duplicate", "message": "must be unique, 'A' appears twice", "received": "A"}],
    "an inverse ratio for a lower-is-better KPI": [{"path": ["kpis", 1, "direction"], "code": "inconsistent", "message": "must be 'higher' for scoring 'ratio' (score a lower-is-better KPI with 'reduction', a curve or bands, never an inverse ratio), received 'lower'", "expected": "'higher'", "received": "'lower'"}],
    "reduction for a higher-is-better KPI": [{"path": ["kpis", 1, "direction"], "code": "inconsistent", "message": "must be 'lower' for scoring 'reduction' ('ratio' scores higher-is-better KPIs), received 'higher'", "expected": "'lower'", "received": "'higher'"}],
    "deviation without direction target": [{"path": ["kpis", 1, "direction"], "code": "inconsistent", "message": "must be 'target' for scoring 'deviation' (it is best at the target), received 'higher'", "expected": "'target'", "received": "'higher'"}],
    "a boolean with direction target": [{"path": ["kpis", 1, "direction"], "code": "inconsistent", "message": "must be 'higher' or 'lower' for scoring 'boolean', received 'target'"}],
    "a boolean scoring pass below fail": [{"path": ["kpis", 1, "scoring", "pass"], "code": "inconsistent", "message": "must be at least fail (1) for a higher-is-better KPI, received 0"}],
    "a floor above the cap": [{"path": ["kpis", 1, "scoring", "cap"], "code": "inconsistent", "message": "the floor (120) must not exceed the cap (100)"}],
    "a default target of 0": [{"path": ["kpis", 1, "target"], "code": "out_of_range", "message": "must be greater than 0, received 0", "expected": "greater than 0", "received": "0", "limit": "0"}],
    "a duplicate KPI id": [{"path": ["kpis", 1, "id"], "code": "duplicate", "message": "must be unique, 'a' is also kpis[0].id", "received": "a"}, {"path": ["stages", "launch", "weights", "b"], "code": "unknown_label", "message": "is not a KPI of this scorecard (KPIs: a, a)", "received": "b"}],
    "a typo in a field": [{"path": ["kpis", 1, "scoring", "cpa"], "code": "unknown_field", "message": "is not a known field; did you mean `cap`?", "received": "cpa"}],
    "an unknown scoring type": [{"path": ["kpis", 1, "scoring", "type"], "code": "invalid_value", "message": "must be one of 'ratio', 'reduction', 'deviation', 'curve', 'bands', 'boolean', received \"inverse\"", "expected": "one of 'ratio', 'reduction', 'deviation', 'curve', 'bands', 'boolean'", "received": "\"inverse\""}],
    "no KPIs": [{"path": ["kpis"], "code": "too_short", "message": "must hold at least 1 item", "limit": "1"}],
    "a gate on an unknown KPI and grade": [{"path": ["gates", 0, "kpi"], "code": "unknown_label", "message": "is not a KPI of this scorecard, received 'zz'", "received": "zz"}, {"path": ["gates", 0, "effect", "capGrade"], "code": "unknown_label", "message": "is not a grade of this scorecard, received 'X'", "received": "X"}],
    "a boolean value on a numeric gate": [{"path": ["gates", 0, "value"], "code": "invalid_type", "message": "must be a number for the numeric KPI 'a', received true", "expected": "a number", "received": "true"}],
    "an ordering gate on a boolean KPI": [{"path": ["gates", 0, "value"], "code": "invalid_type", "message": "must be true or false for the boolean KPI 'b', received 1", "expected": "true or false", "received": "1"}, {"path": ["gates", 0, "op"], "code": "invalid_value", "message": "must be '==' or '!=' for the boolean KPI 'b', received '>='", "expected": "'==' or '!='", "received": "'>='"}],
    "a KPI without a direction": [{"path": ["kpis", 1, "direction"], "code": "required", "message": "must be one of 'higher', 'lower', 'target', received nothing", "expected": "one of 'higher', 'lower', 'target'", "received": "nothing"}],
    "an unknown missing policy": [{"path": ["missing"], "code": "invalid_value", "message": "must be one of 'error', 'zero', 'reweight', received \"skip\"", "expected": "one of 'error', 'zero', 'reweight'", "received": "\"skip\""}],
    "a bad rounding scale": [{"path": ["rounding", "scale"], "code": "not_an_integer", "message": "must be a whole number of decimal places, received 2.5", "expected": "a whole number", "received": "2.5"}],
    "a rounding stage that does not exist": [{"path": ["rounding", "stage"], "code": "invalid_value", "message": "must be one of 'line', 'total', received \"kpi\"", "expected": "one of 'line', 'total'", "received": "\"kpi\""}],
    "the old pointsRounding option": [{"path": ["pointsRounding"], "code": "unknown_field", "message": "is not a known field", "received": "pointsRounding"}],
    "a weight written as a percentage": [{"path": ["stages", "launch", "weights", "a"], "code": "percent_as_whole_number", "message": "must be a fraction from 0 to 1, received 40: write 0.4 for 40 %", "expected": "from 0 to 1", "received": "40", "limit": "1"}, {"path": ["stages", "launch", "weights", "b"], "code": "percent_as_whole_number", "message": "must be a fraction from 0 to 1, received 60: write 0.6 for 60 %", "expected": "from 0 to 1", "received": "60", "limit": "1"}],
  };
  for (const [name, spec] of cases) {
    it(name, () => {
      expect(thrown(() => defineScorecard(spec as KpiScorecardSpec)).issues).toEqual(ISSUES[name]);
    });
  }
});

describe('scoreDealer: whole issues', () => {
  const cases = DEALER_CASES;
  const ISSUES: Record<string, unknown[]> = {
    "an unknown stage": [{"path": ["stage"], "code": "unknown_label", "message": "is not a stage of this scorecard (stages: 'launch'), received 'x'", "received": "x"}],
    "a stage that is not a string": [{"path": ["stage"], "code": "invalid_type", "message": "must be a stage name, received 3", "expected": "a stage name", "received": "3"}],
    "an actual for a KPI the scorecard does not know": [{"path": ["actuals", "c"], "code": "unknown_label", "message": "is not a KPI of this scorecard (KPIs: a, b)", "received": "c"}],
    "a target for an unknown KPI": [{"path": ["targets", "z"], "code": "unknown_label", "message": "is not a KPI of this scorecard (KPIs: a, b)", "received": "z"}],
    "a target of 0": [{"path": ["targets", "a"], "code": "out_of_range", "message": "must be greater than 0, received 0 (a ratio to a target of 0 or less has no meaning; score such a KPI on the actual with a curve or bands)", "expected": "greater than 0", "received": "0", "limit": "0"}],
    "a negative target": [{"path": ["targets", "b"], "code": "out_of_range", "message": "must be greater than 0, received -2 (a ratio to a target of 0 or less has no meaning; score such a KPI on the actual with a curve or bands)", "expected": "greater than 0", "received": "-2", "limit": "0"}],
    "no target where the scoring divides by one": [{"path": ["targets"], "code": "required", "message": "is required: a (scoring 'ratio'), b (scoring 'reduction') read actual / target, and the scorecard gives no default target", "expected": "an object"}],
    "a target that is not a number": [{"path": ["targets", "a"], "code": "not_a_number", "message": "must be a number or a numeric string, received \"1,000\": write 1000 without thousands separators", "expected": "a number or a numeric string", "received": "\"1,000\""}],
    "targets that are not an object": [{"path": ["targets"], "code": "invalid_type", "message": "must be an object of targets by KPI id, received an array", "received": "an array"}],
    "actuals of the wrong type": [{"path": ["actuals", "a"], "code": "not_a_number", "message": "must be a number or a numeric string, received \"x\"", "expected": "a number or a numeric string", "received": "\"x\""}, {"path": ["actuals", "b"], "code": "invalid_type", "message": "must be a number (the KPI is scored on numbers), received true", "expected": "a number", "received": "true"}],
    "an infinite actual": [{"path": ["actuals", "a"], "code": "not_a_number", "message": "must be a finite number, received Infinity", "expected": "a finite number", "received": "Infinity"}],
    "no stage": [{"path": ["stage"], "code": "required", "message": "is required (or give stages with a period)"}],
    "stage and stages together": [{"path": ["stages"], "code": "inconsistent", "message": "must not be given together with stage: give one stage, or stages with a period"}],
    "a policy with a single stage": [{"path": ["policy"], "code": "inconsistent", "message": "applies only with stages (a single stage needs no policy)"}],
    "a typo in a field": [{"path": ["actual"], "code": "unknown_field", "message": "is not a known field; did you mean `actuals`?", "received": "actual"}, {"path": ["actuals"], "code": "required", "message": "must be an object of actuals by KPI id, received nothing"}],
    "an id that is neither a string nor a number": [{"path": ["id"], "code": "invalid_type", "message": "must be a string or a number, received true", "expected": "a string or a number", "received": "true"}],
    "stages without a period and a bad date": [{"path": ["period"], "code": "required", "message": "is required with stages ({ start, end })"}, {"path": ["stages", 0, "to"], "code": "not_a_date", "message": "is not a calendar date (2025-02 has 28 days), received \"2025-02-30\"", "expected": "an ISO date (YYYY-MM-DD)"}],
    "overlapping stages and an unknown policy": [{"path": ["policy"], "code": "invalid_value", "message": "must be one of 'prorate', 'end', 'start', received \"mid\"", "expected": "one of 'prorate', 'end', 'start'", "received": "\"mid\""}, {"path": ["stages", 1, "from"], "code": "not_ascending", "message": "must be after stages[0].to (2025-02-01): spans are in date order without overlaps, received 2025-02-01", "received": "2025-02-01"}],
    "a span ending before it starts": [{"path": ["stages", 0, "to"], "code": "not_ascending", "message": "must not be before stages[0].from (2025-02-01), received 2025-01-01", "received": "2025-01-01"}],
    "a period ending before it starts": [{"path": ["period", "end"], "code": "not_ascending", "message": "must not be before period.start (2025-03-01), received 2025-01-31", "received": "2025-01-31"}],
    "a period with a typo": [{"path": ["period", "ende"], "code": "unknown_field", "message": "is not a known field; did you mean `end`?", "received": "ende"}, {"path": ["period", "end"], "code": "not_a_date", "message": "must be a date written YYYY-MM-DD or a Date, received undefined", "expected": "an ISO date (YYYY-MM-DD)"}],
    "a period that is not an object": [{"path": ["period"], "code": "invalid_type", "message": "must be an object { start, end }, received \"2025\"", "received": "\"2025\""}],
    "an empty stages list": [{"path": ["stages"], "code": "too_short", "message": "must hold at least one stage span", "limit": "1"}],
    "stages that are not a list": [{"path": ["stages"], "code": "invalid_type", "message": "must be an array of { stage, from, to }, received \"launch\"", "received": "\"launch\""}],
    "a span that is not an object, and one with a typo": [{"path": ["stages", 0], "code": "invalid_type", "message": "must be an object { stage, from, to }, received null", "received": "null"}, {"path": ["stages", 1, "too"], "code": "unknown_field", "message": "is not a known field; did you mean `to`?", "received": "too"}],
    "a dealer that is not an object": [{"path": [], "code": "invalid_type", "message": "must be an object { stage | stages, actuals, targets? }, received \"D01\"", "received": "\"D01\""}],
  };
  for (const [name, input] of cases) {
    it(name, () => {
      expect(thrown(() => scoreDealer(card, input as never)).issues).toEqual(ISSUES[name]);
    });
  }
});
