// Refusals not covered as whole issues elsewhere: a stage policy 'end' or 'start' whose day no span
// covers, and the explainers' refusals of what is not a result or not an options object.
import { describe, expect, it } from 'vitest';
import { defineScorecard, explainScore, explainStanding, scoreDealer } from 'dealerkit';
import { thrown } from '../helpers.js';

const card = defineScorecard({ kpis: [{ id: 'a', direction: 'higher', scoring: { type: 'ratio' } }], stages: { launch: { weights: { a: 1 } }, maturity: { weights: { a: 1 } } } });
const period = { start: '2025-01-01', end: '2025-03-31' };
const data = { actuals: { a: 1 }, targets: { a: 1 } };

describe('stage policies on a day no span covers', () => {
  it("'end': the spans stop on 2025-03-30, the period ends on 2025-03-31", () => {
    const e = thrown(() => scoreDealer(card, { stages: [{ stage: 'launch', from: '2025-01-01', to: '2025-03-30' }], period, policy: 'end', ...data }));
    expect([e.code, e.issues]).toEqual(['infeasible', [{ path: ['stages'], code: 'infeasible', message: "must cover the period's end (2025-03-31) under policy 'end'" }]]);
  });
  it("'start': the spans begin on 2025-01-02, the period on 2025-01-01", () => {
    const e = thrown(() => scoreDealer(card, { stages: [{ stage: 'launch', from: '2025-01-02', to: '2025-03-31' }], period, policy: 'start', ...data }));
    expect([e.code, e.issues]).toEqual(['infeasible', [{ path: ['stages'], code: 'infeasible', message: "must cover the period's start (2025-01-01) under policy 'start'" }]]);
  });
});

describe('explainers refuse what is not theirs', () => {
  it('not a result', () => {
    expect(thrown(() => explainScore({} as never)).issues).toEqual([{ path: ['result'], code: 'invalid_type', message: 'must be a result of scoreDealer (an object with steps)' }]);
    expect(thrown(() => explainStanding({} as never)).issues).toEqual([{ path: ['result'], code: 'invalid_type', message: 'must be a result of reviewStanding (an object with steps)' }]);
  });
  it('options that are not an object, or a locale that is not a tag', () => {
    const r = scoreDealer(card, { stage: 'launch', ...data });
    expect(thrown(() => explainScore(r, 'de' as never)).issues).toEqual([{ path: ['options'], code: 'invalid_type', message: 'must be an object { locale? }' }]);
    expect(thrown(() => explainStanding({ steps: [] } as never, [] as never)).issues).toEqual([{ path: ['options'], code: 'invalid_type', message: 'must be an object { locale? }' }]);
    expect(thrown(() => explainScore(r, { locale: 5 } as never)).issues).toEqual([
      { path: ['options', 'locale'], code: 'invalid_type', message: "must be a BCP 47 locale tag such as 'en' or 'de-CH', received 5" },
    ]);
  });
});

describe('curves and bands on attainment', () => {
  const onAttainment = defineScorecard({
    kpis: [
      { id: 'c', direction: 'higher', scoring: { type: 'curve', on: 'attainment', points: [{ at: 80, score: 50 }, { at: 100, score: 100 }] } },
      { id: 'b', direction: 'higher', scoring: { type: 'bands', on: 'attainment', bands: [{ from: 90, score: 100 }] } },
    ],
    stages: { s: { weights: { c: '0.5', b: '0.5' } } },
  });
  it('need a target, and the refusal says they read attainment', () => {
    expect(thrown(() => scoreDealer(onAttainment, { stage: 's', actuals: { c: 90, b: 95 } })).issues).toEqual([
      {
        path: ['targets'],
        code: 'required',
        message: "is required: c (scoring 'curve' on attainment), b (scoring 'bands' on attainment) read actual / target, and the scorecard gives no default target",
        expected: 'an object',
      },
    ]);
  });
  it('90 % is halfway from 80 (50 points) to 100 (100 points): 75; 95 % is in the band from 90: 100; score 37.5 + 50 = 87.5', () => {
    const r = scoreDealer(onAttainment, { stage: 's', actuals: { c: 90, b: 95 }, targets: { c: 100, b: 100 } });
    expect(r.score.toString()).toBe('87.5');
    expect(r.steps.map((s) => s.text)).toEqual([
      'Weights of stage s',
      'c: 90 of 100 = 90.00 % → 75.00 points (curve) × 0.5 = 37.50',
      'b: 95 of 100 = 95.00 % → 100.00 points (bands) × 0.5 = 50.00',
      'Weighted score 87.50: the sum of the 2 contributions',
    ]);
  });
});
