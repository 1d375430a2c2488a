// The wording of dealerkit/kpi's messages (src/kpi/messages.ts) on both sides of each choice:
// directions, singular/plural, ordinals (1st, 2nd, 3rd, 11th–13th, 21st, 112th). Expected sentences
// are written out by hand.
import { describe, expect, it } from 'vitest';
import { KPI_MESSAGES as M, KPI_WORDS as W } from '../../src/kpi/messages.js';

describe('KPI_MESSAGES by direction', () => {
  it('outsideScore: at most/at least, first/last anchor', () => {
    expect(M.outsideScore(true, 'below', '0', 'higher', '5')).toBe("must be at most the first anchor's score (0) for a higher-is-better KPI, received 5");
    expect(M.outsideScore(false, 'above', '100', 'lower', '50')).toBe("must be at least the last anchor's score (100) for a lower-is-better KPI, received 50");
  });
  it('bandsBelow and booleanPass flip with the direction', () => {
    expect(M.bandsBelow('higher', '10', '20')).toBe("must be at most the first band's score (10) for a higher-is-better KPI, received 20");
    expect(M.bandsBelow('lower', '10', '5')).toBe("must be at least the first band's score (10) for a lower-is-better KPI, received 5");
    expect(M.booleanPass('higher', '0', '-1')).toBe('must be at least fail (0) for a higher-is-better KPI, received -1');
    expect(M.booleanPass('lower', '0', '1')).toBe('must be at most fail (0) for a lower-is-better KPI, received 1');
  });
  it('targetRequired names attainment only when scoring on attainment', () => {
    expect(M.targetRequired('curve', true)).toBe("is required: scoring 'curve' on attainment reads actual / target");
    expect(M.targetRequired('ratio', false)).toBe("is required: scoring 'ratio' reads actual / target");
  });
});

describe('KPI_WORDS singular and plural', () => {
  it('stagePart: 1 day and several days', () => {
    expect(W.stagePart('2025', 1, '1/30')).toBe('2025 1 day (1/30)');
    expect(W.stagePart('2026', 29, '29/30')).toBe('2026 29 days (29/30)');
  });
  it('weightedScoreRounded: one contribution, one place; several of each', () => {
    expect(W.weightedScoreRounded('71.25', 1, 1, 'half-up', '71.3')).toBe('Weighted score: the sum of the 1 contribution, 71.25, rounded to 1 place (half-up) = 71.3');
    expect(W.weightedScoreRounded('71.255', 3, 2, 'half-even', '71.26')).toBe('Weighted score: the sum of the 3 contributions, 71.255, rounded to 2 places (half-even) = 71.26');
  });
  it('standingStillBelow and standingExit: month and months', () => {
    expect(W.standingStillBelow('2025-02', '60', '70', 1, 1)).toBe('2025-02: 60, still below 70 1 month after the warning: warning kept (exit review from 1 month)');
    expect(W.standingStillBelow('2025-03', '60', '70', 2, 3)).toBe('2025-03: 60, still below 70 2 months after the warning: warning kept (exit review from 3 months)');
    expect(W.standingExit('2025-04', '60', '70', 1)).toBe('2025-04: 60, still below 70 1 month after the warning: exit review');
    expect(W.standingExit('2025-05', '60', '70', 3)).toBe('2025-05: 60, still below 70 3 months after the warning: exit review');
  });
  it('standingWarned writes English ordinals', () => {
    const ord = (run: number): string => W.standingWarned('P', '1', '2', run).replace('P: 1, below the benchmark 2 for the ', '').replace(' period in a row: warning and improvement plan', '');
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112, 113].map(ord)).toEqual([
      '1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st', '111th', '112th', '113th',
    ]);
    expect(W.standingWarned('2025-06', '55', '70', 2)).toBe('2025-06: 55, below the benchmark 70 for the 2nd period in a row: warning and improvement plan');
  });
});

describe('rowsRefused agrees in number', () => {
  it('one refused row "was", several "were"', () => {
    expect(M.rowsRefused(1, 3, 2)).toBe('1 of 3 rows was refused; ranks, percentile ranks and totals cover the 2 scored');
    expect(M.rowsRefused(2, 3, 1)).toBe('2 of 3 rows were refused; ranks, percentile ranks and totals cover the 1 scored');
  });
});
