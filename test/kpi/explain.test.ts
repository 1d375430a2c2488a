// explainScore and explainStanding: the sentences a channel manager sends, hand-written for the
// seeds' dealer (DOMAIN.md §2: sales 95 % of 10,000,000; satisfaction 92 % against 90 %; market
// share 6 % against 5 %; channel expansion 35 % against 30 %), scored under launch and maturity
// weights as in examples/kpi-stage-weights.ts.
import { describe, expect, it } from 'vitest';
import { defineScorecard, explainScore, explainStanding, reviewStanding, scoreDealer } from 'dealerkit';
import { thrown } from '../helpers.js';

const ratio = { type: 'ratio', floor: 0, cap: 150 } as const;
const card = defineScorecard({
  kpis: [
    { id: 'sales', label: 'Sales', direction: 'higher', scoring: ratio },
    { id: 'satisfaction', label: 'Customer satisfaction', direction: 'higher', scoring: ratio },
    { id: 'share', label: 'Market share', direction: 'higher', scoring: ratio },
    { id: 'expansion', label: 'Channel expansion', direction: 'higher', scoring: ratio },
  ],
  stages: {
    launch: { weights: { sales: '0.2', satisfaction: '0.1', share: '0.4', expansion: '0.3' } },
    maturity: { weights: { sales: '0.5', satisfaction: '0.3', share: '0.1', expansion: '0.1' } },
  },
  grades: [
    { min: 110, grade: 'Gold' },
    { min: 100, grade: 'Silver' },
    { min: 90, grade: 'Bronze' },
  ],
});
const seeds = {
  actuals: { sales: 9_500_000, satisfaction: 92, share: 6, expansion: 35 },
  targets: { sales: 10_000_000, satisfaction: 90, share: 5, expansion: 30 },
};

describe("explainScore: the seeds' dealer in words", () => {
  it('under launch weights: 19 + 10.22 + 48 + 35 = 112.22, Gold', () => {
    // 95 × 0.2 = 19; 102.22… × 0.1 = 10.22; 120 × 0.4 = 48; 116.67 × 0.3 = 35; sum 112.2222… ≥ 110.
    expect(explainScore(scoreDealer(card, { stage: 'launch', ...seeds }))).toEqual([
      'Score 112.22 under launch weights: Gold',
      'Sales: 9,500,000 of 10,000,000 = 95.00 % → 95.00 points × 0.2 = 19.00',
      'Customer satisfaction: 92 of 90 = 102.22 % → 102.22 points × 0.1 = 10.22',
      'Market share: 6 of 5 = 120.00 % → 120.00 points × 0.4 = 48.00',
      'Channel expansion: 35 of 30 = 116.67 % → 116.67 points × 0.3 = 35.00',
      'Weighted score 112.22: the sum of the 4 contributions',
      'Grade Gold: a score of 110 or more',
    ]);
  });

  it('under maturity weights: 47.50 + 30.67 + 12 + 11.67 = 101.83, Silver; named by its id', () => {
    // 95 × 0.5 = 47.5; 102.22… × 0.3 = 30.666…; 120 × 0.1 = 12; 116.66… × 0.1 = 11.666…; sum 101.8333… ≥ 100.
    expect(explainScore(scoreDealer(card, { id: 'D-117', stage: 'maturity', ...seeds }))).toEqual([
      'D-117: score 101.83 under maturity weights: Silver',
      'Sales: 9,500,000 of 10,000,000 = 95.00 % → 95.00 points × 0.5 = 47.50',
      'Customer satisfaction: 92 of 90 = 102.22 % → 102.22 points × 0.3 = 30.67',
      'Market share: 6 of 5 = 120.00 % → 120.00 points × 0.1 = 12.00',
      'Channel expansion: 35 of 30 = 116.67 % → 116.67 points × 0.1 = 11.67',
      'Weighted score 101.83: the sum of the 4 contributions',
      'Grade Silver: a score of 100 or more',
    ]);
  });

  it("a locale's grouping and decimal mark (the words stay English)", () => {
    const de = explainScore(scoreDealer(card, { stage: 'launch', ...seeds }), { locale: 'de' });
    expect(de[0]).toBe('Score 112,22 under launch weights: Gold');
    expect(de[1]).toBe('Sales: 9.500.000 of 10.000.000 = 95,00 % → 95,00 points × 0,2 = 19,00');
  });

  it('prorated stages, gates, a capped grade and warnings, each in a sentence', () => {
    const gated = defineScorecard({
      kpis: [
        { id: 'sales', label: 'Sales', direction: 'higher', scoring: ratio },
        { id: 'onTimeRatio', label: 'On-time payment', direction: 'higher', scoring: { type: 'boolean', pass: 100, fail: 0 } },
      ],
      stages: { launch: { weights: { sales: '0.8', onTimeRatio: '0.2' } }, maturity: { weights: { sales: 1, onTimeRatio: 0 } } },
      grades: [{ min: 100, grade: 'Gold' }, { min: 80, grade: 'Silver' }],
      gates: [{ kpi: 'onTimeRatio', op: '==', value: true, effect: { capGrade: 'Silver' } }],
    });
    const r = scoreDealer(gated, {
      stages: [
        { stage: 'launch', from: '2025-01-01', to: '2025-01-31' },
        { stage: 'maturity', from: '2025-02-01', to: '2025-03-31' },
      ],
      period: { start: '2025-01-01', end: '2025-03-31' },
      actuals: { sales: 120, onTimeRatio: false },
      targets: { sales: 100 },
    });
    // Weights: sales (31 × 0.8 + 59 × 1) / 90 = 83.8 / 90 = 0.9311…; on-time 31 × 0.2 / 90 = 0.0688…
    // Score 120 × 0.9311… = 111.7333…: Gold by score, capped at Silver by the gate.
    expect(explainScore(r)).toEqual([
      'Score 111.73 under launch and maturity weights: Silver (Gold by score, capped by a gate)',
      'Weights prorated by days over 2025-01-01 to 2025-03-31 (90 days): launch 31 days (34.44 %), maturity 59 days (65.56 %)',
      'Sales: 120 of 100 = 120.00 % → 120.00 points × 0.9311 = 111.73',
      'On-time payment: no → 0.00 points × 0.0689 = 0.00',
      'Weighted score 111.73: the sum of the 2 contributions',
      'Gate On-time payment = yes: no, not met: the grade is capped at Silver',
      'Grade Gold by score (100 or more), capped at Silver by a gate not met',
    ]);
    const noted = defineScorecard({ kpis: [{ id: 'fillRate', direction: 'higher', scoring: { type: 'ratio' } }], stages: { s: { weights: { fillRate: 1 } } } });
    expect(explainScore(scoreDealer(noted, { stage: 's', actuals: { fillRate: 95 }, targets: { fillRate: '0.98' } })).at(-1)).toBe(
      'Note: fillRate is 95, but its name says it is a ratio and its target is 0.98: write 0.95 for 95 % (a ratio of 95 passes every threshold up to 1)',
    );
  });

  it('refuses what is not a result, and a bad locale, naming the field', () => {
    expect(thrown(() => explainScore({} as never)).issues[0]).toMatchObject({ path: ['result'], code: 'invalid_type' });
    expect(thrown(() => explainScore(null as never)).issues[0]).toMatchObject({ path: ['result'], code: 'invalid_type' });
    const r = scoreDealer(card, { stage: 'launch', ...seeds });
    expect(thrown(() => explainScore(r, { locale: 5 as never })).issues[0]).toMatchObject({ path: ['options', 'locale'] });
    expect(thrown(() => explainScore(r, 'de' as never)).issues[0]).toMatchObject({ path: ['options'], code: 'invalid_type' });
  });
});

describe('explainStanding: a review in words', () => {
  // Huabei Trading's 2025 scores under maturity weights (docs/kpi.md), benchmark 90.
  const rule = { benchmark: 90, consecutive: 2, graceMonths: 3, missing: 'miss' } as const;
  it('watch, warning and improvement plan, recovery, watch again', () => {
    const review = reviewStanding(rule, [
      { period: '2025-Q1', score: '83.528' },
      { period: '2025-Q2', score: '78.9245' },
      { period: '2025-Q3', score: '95.0865' },
      { period: '2025-Q4', score: '88.5925' },
    ]);
    expect(explainStanding(review)).toEqual([
      '2025-Q1: 83.528, below the benchmark 90 (1 of 2 in a row): watch',
      '2025-Q2: 78.9245, below the benchmark 90 for the 2nd period in a row: warning and improvement plan',
      '2025-Q3: 95.0865, at or above the benchmark 90 (1 in a row): recovered',
      '2025-Q4: 88.5925, below the benchmark 90 (1 of 2 in a row): watch',
      'Current standing: watch (2025-Q4)',
    ]);
    expect(review.steps.map((s) => s.code)).toEqual(['watch', 'warning', 'recovered', 'watch']);
  });

  it('a warning kept, an exit review, a slow recovery and a missing quarter', () => {
    const review = reviewStanding({ ...rule, recoverAfter: 2 }, [
      { period: '2024-Q3', score: 95 },
      { period: '2024-Q4', score: 80 },
      { period: '2025-Q1', score: 85 },
      { period: '2025-Q2', score: 88 },
      // 2025-Q3 absent: listed, counted as below under 'miss'.
      { period: '2025-Q4', score: 91 },
      { period: '2026-Q1', score: 1234.5 },
    ]);
    // Warned at 2025-Q1 (end of March); Q2 is 3 months later: exit review (grace 3);
    // Q3 missing counts as below; Q4 at 91 is 1 of 2 needed; 2026-Q1 completes the recovery.
    expect(explainStanding(review)).toEqual([
      '2024-Q3: 95, at or above the benchmark 90: ok',
      '2024-Q4: 80, below the benchmark 90 (1 of 2 in a row): watch',
      '2025-Q1: 85, below the benchmark 90 for the 2nd period in a row: warning and improvement plan',
      '2025-Q2: 88, still below 90 3 months after the warning: exit review',
      '2025-Q3: no score, still below 90 6 months after the warning: exit review',
      '2025-Q4: 91, at or above 90 (1 of 2 needed to recover): exit review kept',
      '2026-Q1: 1,234.5, at or above the benchmark 90 (2 in a row): recovered',
      'Note: 2025-Q3 is not in the history: the review lists it as a period without a score',
      'Current standing: recovered (2026-Q1)',
    ]);
    expect(review.warnings).toEqual([{ code: 'missing-period', message: '2025-Q3 is not in the history: the review lists it as a period without a score', path: ['history'] }]);
  });

  it("a warning kept within the grace months; missing scores under 'skip' and 'break'", () => {
    const kept = reviewStanding({ benchmark: 75, graceMonths: 6, missing: 'skip' }, [
      { period: '2025-01', score: 70 },
      { period: '2025-02', score: 70 },
      { period: '2025-03', score: 72 },
      { period: '2025-04', score: null },
    ]);
    expect(explainStanding(kept).slice(2)).toEqual([
      '2025-03: 72, still below 75 1 month after the warning: warning kept (exit review from 6 months)',
      '2025-04: no score: skipped',
      "Note: 2025-04 has no score; the rule's missing policy 'skip' applies",
      'Current standing: missing (2025-04)',
    ]);
    expect(kept.warnings[0]!.path).toEqual(['history', 3, 'score']);
    const broken = reviewStanding({ benchmark: 75, graceMonths: 6, missing: 'break' }, [{ period: '2025-01', score: null }]);
    expect(explainStanding(broken)[0]).toBe('2025-01: no score: the run of misses starts again');
    expect(explainStanding(reviewStanding(rule, []))).toEqual(['No periods reviewed: the standing is ok']);
  });
});
