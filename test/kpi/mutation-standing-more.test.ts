// reviewStanding: the error code of each refusal, a year before 1000 written with four digits, the
// evidence of periods around a missing one, the recovery sentence during a warning, and a second
// warning after a recovery that starts its grace months again. Expected values by hand.
import { describe, expect, it } from 'vitest';
import { explainStanding, reviewStanding, type StandingRuleSpec } from 'dealerkit';
import { thrown } from '../helpers.js';

const rule: StandingRuleSpec = { benchmark: 75, graceMonths: 6, missing: 'miss' };

describe('refusals: the error code and the issue', () => {
  it.each([
    ['a period in another format', [{ period: '2025Q1', score: 1 }], ['history', 0, 'period'], 'invalid_value'],
    ['null for an entry', [null], ['history', 0], 'invalid_type'],
    ['a typo of period', [{ perod: '2025-Q1', period: '2025-Q1', score: 1 }], ['history', 0, 'perod'], 'unknown_field'],
    ['no score', [{ period: '2025-Q2' }], ['history', 0, 'score'], 'required'],
    ['quarters and months mixed', [{ period: '2025-Q1', score: 1 }, { period: '2025-04', score: 1 }], ['history', 1, 'period'], 'inconsistent'],
    ['a repeated period', [{ period: '2025-Q2', score: 1 }, { period: '2025-Q2', score: 1 }], ['history', 1, 'period'], 'duplicate'],
    ['periods out of order', [{ period: '2025-Q2', score: 1 }, { period: '2025-Q1', score: 1 }], ['history', 1, 'period'], 'not_ascending'],
    ['not a history', 'x', ['history'], 'invalid_type'],
  ])('%s: invalid_input', (_, history, path, code) => {
    const e = thrown(() => reviewStanding(rule, history as never));
    expect([e.code, e.issues.map((i) => [i.path, i.code])]).toEqual(['invalid_input', [[path, code]]]);
  });

  it('the typo of period is matched to period', () => {
    expect(thrown(() => reviewStanding(rule, [{ perod: '2025-Q1', period: '2025-Q1', score: 1 }] as never)).message).toBe(
      '[dealerkit] history[0].perod: is not a known field; did you mean `period`?',
    );
  });
});

describe('periods filled in', () => {
  it('a quarter of the year 999 is written 0999-Q2, its warning coded missing-period', () => {
    const r = reviewStanding({ ...rule, missing: 'skip' }, [
      { period: '0999-Q1', score: 80 },
      { period: '0999-Q3', score: null },
    ]);
    expect(r.periods.map((p) => [p.period, p.status])).toEqual([
      ['0999-Q1', 'ok'],
      ['0999-Q2', 'missing'],
      ['0999-Q3', 'missing'],
    ]);
    expect(r.warnings.map((w) => [w.code, w.message])).toEqual([
      ['missing-period', '0999-Q2 is not in the history: the review lists it as a period without a score'],
      ['missing-period', "0999-Q3 has no score; the rule's missing policy 'skip' applies"],
    ]);
    expect(r.periods.map((p) => p.evidence)).toEqual([[], [], []]);
  });
});

describe('evidence and sentences during a warning', () => {
  it("'break': a missing quarter during a warning is in the evidence of the next", () => {
    // Q1 watch; Q2 warning (evidence Q1, Q2); Q3 missing (no evidence of its own, but it joins the
    // warning's); Q4 below, 6 months after the warning: exit review with Q1 … Q4.
    const r = reviewStanding({ ...rule, missing: 'break' }, [
      { period: '2024-Q1', score: 70 },
      { period: '2024-Q2', score: 70 },
      { period: '2024-Q3', score: null },
      { period: '2024-Q4', score: 70 },
    ]);
    expect(r.periods.map((p) => [p.status, p.evidence])).toEqual([
      ['watch', ['2024-Q1']],
      ['warning', ['2024-Q1', '2024-Q2']],
      ['missing', []],
      ['exit-review', ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']],
    ]);
  });

  it('recoverAfter 2: the first period back above keeps the warning, with the evidence so far and its sentence', () => {
    const r = reviewStanding({ ...rule, recoverAfter: 2 }, [
      { period: '2024-Q1', score: 70 },
      { period: '2024-Q2', score: 70 },
      { period: '2024-Q3', score: 80 },
      { period: '2024-Q4', score: 80 },
    ]);
    expect(r.periods.map((p) => [p.status, p.evidence])).toEqual([
      ['watch', ['2024-Q1']],
      ['warning', ['2024-Q1', '2024-Q2']],
      ['warning', ['2024-Q1', '2024-Q2', '2024-Q3']],
      ['recovered', ['2024-Q3', '2024-Q4']],
    ]);
    expect(explainStanding(r)[2]).toBe('2024-Q3: 80, at or above 75 (1 of 2 needed to recover): warning kept');
  });

  it('a second warning after a recovery counts its grace months again', () => {
    // Months, grace 3: M1 watch, M2 warning, M3 1 month, M4 2 months, M5 3 months → exit review,
    // M6 90 recovered; M7 watch, M8 a new warning, M9 1 month after it: a warning, not an exit review.
    const scores = [70, 70, 70, 70, 70, 90, 70, 70, 70];
    const history = scores.map((score, i) => ({ period: `2025-0${i + 1}`, score }));
    expect(reviewStanding({ ...rule, graceMonths: 3 }, history).periods.map((p) => p.status)).toEqual([
      'watch', 'warning', 'warning', 'warning', 'exit-review', 'recovered', 'watch', 'warning', 'warning',
    ]);
  });
});
