import { describe, expect, it } from 'vitest';
import { thrown } from '../helpers.js';
import { DealerkitError, reviewStanding, type StandingEntry, type StandingRuleSpec } from 'dealerkit';

const q = (scores: (number | null)[], startYear = 2024, startQuarter = 1): StandingEntry[] =>
  scores.map((score, i) => {
    const n = startQuarter - 1 + i;
    return { period: `${startYear + Math.floor(n / 4)}-Q${(n % 4) + 1}`, score };
  });
const statuses = (h: StandingEntry[], o: StandingRuleSpec) => reviewStanding(o, h).periods.map((p) => p.status);
const rule: StandingRuleSpec = { benchmark: 75, graceMonths: 6, missing: 'miss' };

describe("the seeds' exit rule: two quarters below the benchmark, a warning; not improved within N months, termination review", () => {
  it('ok, watch on the first miss, warning on the second, exit review once 6 months have passed still below', () => {
    // Q1 80 ok; Q2 70 watch; Q3 72 warning (2 in a row, warned at the end of 2024-09);
    // Q4 74: 3 months after, under 6 → warning; 2025-Q1 73: 6 months after → exit review.
    const r = reviewStanding(rule, q([80, 70, 72, 74, 73]));
    expect(r.periods.map((p) => [p.period, p.status, p.consecutiveMisses, p.monthsSinceWarning])).toEqual([
      ['2024-Q1', 'ok', 0, null],
      ['2024-Q2', 'watch', 1, null],
      ['2024-Q3', 'warning', 2, 0],
      ['2024-Q4', 'warning', 3, 3],
      ['2025-Q1', 'exit-review', 4, 6],
    ]);
    expect(r.periods[4]!.evidence).toEqual(['2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1']);
    expect(r.periods[1]!.evidence).toEqual(['2024-Q2']);
    expect(r.current).toBe('exit-review');
    expect(JSON.parse(JSON.stringify(r.rule))).toEqual({ benchmark: '75', consecutive: 2, graceMonths: 6, missing: 'miss', recoverAfter: 1 });
  });
  it('a score equal to the benchmark is not below it', () => {
    expect(statuses(q([75, 74.99, 75]), rule)).toEqual(['ok', 'watch', 'ok']);
  });
  it('recovery within the grace months ends the warning; the count starts again', () => {
    // warned at Q2; Q3 at 76 recovers; Q4 and 2025-Q1 below: a new warning, not an exit review.
    const r = reviewStanding(rule, q([70, 70, 76, 60, 60]));
    expect(r.periods.map((p) => p.status)).toEqual(['watch', 'warning', 'recovered', 'watch', 'warning']);
    expect(r.periods[2]!.evidence).toEqual(['2024-Q3']);
    expect(r.periods[2]!.monthsSinceWarning).toBe(3);
  });
  it('recoverAfter 2 needs two periods at or above; one is not enough and a miss resets it', () => {
    const o = { ...rule, recoverAfter: 2 };
    expect(statuses(q([70, 70, 80, 70, 80, 80]), o)).toEqual(['watch', 'warning', 'warning', 'exit-review', 'exit-review', 'recovered']);
  });
  it('an exit review stays open while below and ends with recovery', () => {
    expect(statuses(q([70, 70, 70, 70, 70, 90, 70]), rule)).toEqual(['watch', 'warning', 'warning', 'exit-review', 'exit-review', 'recovered', 'watch']);
  });
  it('consecutive 3 and grace 0: the third miss warns, the next miss is an exit review', () => {
    expect(statuses(q([70, 70, 70, 70]), { ...rule, consecutive: 3, graceMonths: 0 })).toEqual(['watch', 'watch', 'warning', 'exit-review']);
  });
  it('months: warned in 2025-03, grace 2, the next month below is a warning, the one after an exit review', () => {
    const h = ['2025-02', '2025-03', '2025-04', '2025-05'].map((period) => ({ period, score: 1 }));
    const r = reviewStanding({ benchmark: 2, graceMonths: 2, missing: 'skip' }, h);
    expect(r.periods.map((p) => [p.status, p.monthsSinceWarning])).toEqual([
      ['watch', null],
      ['warning', 0],
      ['warning', 1],
      ['exit-review', 2],
    ]);
  });
});

describe('a missing quarter', () => {
  // 2024-Q1 70, 2024-Q2 missing (null), 2024-Q3 70, 2024-Q4 70, 2025-Q1 70
  const h = q([70, null, 70, 70, 70]);
  it("'miss': counts as below (no data is no improvement)", () => {
    const r = reviewStanding(rule, h);
    expect(r.periods.map((p) => p.status)).toEqual(['watch', 'warning', 'warning', 'exit-review', 'exit-review']);
    expect(r.periods[1]).toMatchObject({ score: null, below: true, recorded: true });
  });
  it("'skip': ignored, the quarters either side count as consecutive", () => {
    // Q1 watch; Q2 missing; Q3 second miss → warning (at 2024-09); Q4 3 months; 2025-Q1 6 months → exit review.
    expect(statuses(h, { ...rule, missing: 'skip' })).toEqual(['watch', 'missing', 'warning', 'warning', 'exit-review']);
  });
  it("'break': the run starts again after it", () => {
    // Q1 watch; Q2 missing breaks; Q3 watch; Q4 warning (at 2024-12); 2025-Q1 3 months → warning.
    expect(statuses(h, { ...rule, missing: 'break' })).toEqual(['watch', 'missing', 'watch', 'warning', 'warning']);
  });
  it("'break' during a warning keeps the warning and its months running", () => {
    expect(statuses(q([70, 70, null, 70]), { ...rule, missing: 'break' })).toEqual(['watch', 'warning', 'missing', 'exit-review']);
  });
  it('a quarter absent from the history is listed as missing and treated the same way', () => {
    const gap = [
      { period: '2024-Q1', score: 70 },
      { period: '2024-Q3', score: 70 },
    ];
    const r = reviewStanding(rule, gap);
    expect(r.periods.map((p) => [p.period, p.score === null ? null : p.score.toString(), p.recorded, p.status])).toEqual([
      ['2024-Q1', '70', true, 'watch'],
      ['2024-Q2', null, false, 'warning'],
      ['2024-Q3', '70', true, 'warning'],
    ]);
    expect(reviewStanding({ ...rule, missing: 'skip' }, [{ period: '2024-11', score: 1 }, { period: '2025-02', score: 1 }]).periods.map((p) => p.period)).toEqual([
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
    ]);
  });
  it('an empty history is ok', () => {
    expect(reviewStanding(rule, [])).toMatchObject({ periods: [], current: 'ok', warnings: [], steps: [] });
  });
});

describe('reviewStanding refuses bad input, naming the path', () => {
  const cases: [string, unknown, unknown, string][] = [
    ['a period in another format', [{ period: '2025Q1', score: 1 }], rule, 'history[0].period: must be a quarter written YYYY-Qn or a month written YYYY-MM, received "2025Q1"'],
    ['quarters and months mixed', [{ period: '2025-Q1', score: 1 }, { period: '2025-04', score: 1 }], rule, 'history[1].period: must be a quarter like the first period (one kind per history), received 2025-04'],
    ['periods out of order', [{ period: '2025-Q2', score: 1 }, { period: '2025-Q1', score: 1 }], rule, 'history[1].period: must come after 2025-Q2: the history runs oldest first without repeats, received 2025-Q1'],
    ['a repeated period', [{ period: '2025-Q2', score: 1 }, { period: '2025-Q2', score: 1 }], rule, 'history[1].period: repeats 2025-Q2: the history lists each period once, received 2025-Q2'],
    ['a bad score', [{ period: '2025-Q2', score: 'high' }], rule, 'history[0].score: must be a number or a numeric string, received "high"'],
    ['no score', [{ period: '2025-Q2' }], rule, 'history[0].score: is required (null for a period without a score)'],
    ['a typo', [{ period: '2025-Q2', score: 1, scroe: 2 }], rule, 'history[0].scroe: is not a known field; did you mean `score`?'],
    ['not a history', 'x', rule, 'history: must be an array of { period, score }'],
    ['an entry that is not an object', [3], rule, 'history[0]: must be an object { period, score }'],
    ['no missing policy', [], { benchmark: 75, graceMonths: 6 }, "rule.missing: must be one of 'break', 'skip', 'miss', received nothing"],
    ['a negative grace', [], { ...rule, graceMonths: -1 }, 'rule.graceMonths: must be at least 0, received -1'],
    ['zero consecutive', [], { ...rule, consecutive: 0 }, 'rule.consecutive: must be at least 1, received 0'],
    ['a fractional recoverAfter', [], { ...rule, recoverAfter: 1.5 }, 'rule.recoverAfter: must be a whole number, received 1.5'],
    ['no benchmark', [], { graceMonths: 6, missing: 'skip' }, 'rule.benchmark: must be a number or a numeric string, received nothing'],
  ];
  const ISSUES: Record<string, string> = {
    'a period in another format': 'invalid_value',
    'quarters and months mixed': 'inconsistent',
    'periods out of order': 'not_ascending',
    'a repeated period': 'duplicate',
    'a bad score': 'not_a_number',
    'no score': 'required',
    'a typo': 'unknown_field',
    'not a history': 'invalid_type',
    'an entry that is not an object': 'invalid_type',
    'no missing policy': 'required',
    'a negative grace': 'out_of_range',
    'zero consecutive': 'out_of_range',
    'a fractional recoverAfter': 'not_an_integer',
    'no benchmark': 'required',
  };
  for (const [name, history, options, message] of cases) {
    it(`${name} (${ISSUES[name]})`, () => {
      expect(() => reviewStanding(options as never, history as never)).toThrow(DealerkitError);
      expect(() => reviewStanding(options as never, history as never)).toThrow(`[dealerkit] ${message}`);
      expect(thrown(() => reviewStanding(options as never, history as never)).issues.map((i) => i.code).join(',')).toBe(ISSUES[name]);
    });
  }
});
