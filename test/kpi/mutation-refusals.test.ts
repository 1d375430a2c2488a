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
